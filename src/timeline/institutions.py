"""Institutions found by their shape: a head noun and the words that name it.

Most ministries, unions, councils and committees of a news article are in no gazetteer. Their
names have a regular shape, which this module reads from the normalised words of a text:

- an indefinite head (وزارة، نقابة، هيئة ...) and a definite genitive noun, maybe a coordinated
  one (وزارة الشباب والرياضة) or an indefinite noun before it (نقابة عمال التربية);
- a definite head (الاتحاد، الهيئة ...) and at least one adjective or genitive with لل
  (الاتحاد العام التونسي للشغل);
- then adjectives (nisba: الوطنية، التونسي؛ or listed: العام، العليا، المستقلة), genitives with
  لل or with ل and a definite noun (لتقصي الحقائق), and a demonym, which ends the name and
  gives its country (وزارة الداخلية السورية).

Ministries get an English name from their portfolio (Ministry of Interior (Syria)); a country's
government, presidency or parliament named by a demonym only too (الحكومة السورية →
Government of Syria); other institutions keep their Arabic name. A bare definite head
(الوزارة، النقابة) refers back to the last institution with that head.

The language knowledge is ``data/ar/institutions.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .schemas import InstitutionLexicon
from .text import normalise_key

__all__ = ["Institution", "find_institutions", "ministry_phrase", "stands_for_home"]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    heads: dict[str, str]  # indefinite head -> kind
    definite: dict[str, str]  # head with ال -> indefinite head
    ministry: frozenset[str]
    portfolios: dict[str, str]
    country_heads: dict[str, str]  # definite head -> English template
    adjectives: frozenset[str]
    stop: frozenset[str]
    not_genitive: frozenset[str]
    bare_definite: frozenset[str]  # indefinite heads that make no name with ال
    forms: dict[str, tuple[int, str]]  # a head with its clitics -> (their length, head)
    home: frozenset[str]  # heads that alone stand for the article's country
    minister_forms: dict[str, str]  # a minister's title head -> its ministry's head, as written
    named_bodies: dict[str, str]  # a state body's words -> its English name
    definite_countries: frozenset[str]  # country names that take "the" (the United Kingdom)


@cache
def _lexicon() -> _Lexicon:
    data = lexicon.load("institutions", InstitutionLexicon)
    heads = {normalise_key(h): k for h, k in data.heads.items()}
    country = {"ال" + normalise_key(h): t for h, t in data.country_heads.items()}
    definite = {"ال" + h: h for h in heads}
    return _Lexicon(
        heads=heads,
        definite=definite,
        ministry=frozenset(normalise_key(h) for h in data.ministry_heads),
        portfolios={normalise_key(p): e for p, e in data.portfolios.items()},
        country_heads=country,
        adjectives=frozenset(normalise_key(a) for a in data.adjectives),
        stop=frozenset(normalise_key(s) for s in data.stop),
        not_genitive=frozenset(normalise_key(s) for s in data.not_genitive),
        bare_definite=frozenset(normalise_key(s) for s in data.bare_definite),
        forms=_forms(heads, definite),
        home=frozenset(normalise_key(s) for s in data.home_heads),
        minister_forms={normalise_key(k): v for k, v in data.minister_heads.items()},
        named_bodies={normalise_key(k): v for k, v in data.named_bodies.items()},
        definite_countries=frozenset(data.definite_countries),
    )


def _forms(heads: Mapping[str, str], definite: Mapping[str, str]) -> dict[str, tuple[int, str]]:
    """Every head with the clitics it may carry: و / ف, then ب / ل (لوزارة، بالوزارة), and
    ل with the article (للوزارة)."""
    forms: dict[str, tuple[int, str]] = {}
    for stem in [*heads, *definite]:
        inner = {stem: 0, "ب" + stem: 1}
        inner["ل" + (stem[1:] if stem in definite else stem)] = 1
        for form, off in inner.items():
            forms.setdefault(form, (off, stem))
            for conj in "وف":
                forms.setdefault(conj + form, (off + 1, stem))
    return forms


@dataclass(frozen=True, slots=True)
class Institution:
    """An institution named in a text: tokens ``i`` (its head, after ``offset`` clitic
    characters) to ``j`` (exclusive), its ``head`` (indefinite, normalised), ``kind``,
    English ``name`` when one can be made, and ``country`` from a demonym in the name.
    ``refers`` marks a bare definite head (الوزارة) that refers back; ``full`` an English
    name that already holds the country (Government of Syria)."""

    i: int
    j: int
    offset: int
    head: str
    kind: str
    name: str | None
    country: str | None
    refers: bool = False
    full: bool = False
    lam: bool = False  # written with ل for ال (للمديرية): its name needs the ا back


Hit = tuple[int, str, "str | None"]
"""A gazetteer hit at a token: (token after its end, what it is, its country). What it is:
``demonym``, ``place`` (a country or location named as a noun) or ``other``."""


def stands_for_home(head: str) -> bool:
    """Whether a bare definite head with no antecedent stands for the article's country
    (السلطات، الحكومة، الشرطة).

    >>> stands_for_home("سلطات"), stands_for_home("وزاره")
    (True, False)
    """
    return head in _lexicon().home


@cache
def ministry_phrase(title: str) -> str | None:
    """The name of the ministry a minister's title (as written) speaks for, as an institution
    phrase to look up (its nisba adjectives made feminine, to agree with وزارة), or None.

    >>> ministry_phrase("وزير الخارجية الروسي")
    'وزارة الخارجية الروسية'
    >>> ministry_phrase("نائب وزير الدفاع"), ministry_phrase("الرئيس الروسي")
    ('وزارة الدفاع', None)
    """
    lex = _lexicon()
    words = title.split()
    keys = [normalise_key(w) for w in words]
    at = next((k for k, w in enumerate(keys[:3]) if w in lex.minister_forms), None)
    if at is None or at + 1 >= len(words):
        return None
    rest = keys[at + 1 :]
    if " ".join(rest[:2]) not in lex.portfolios and rest[0] not in lex.portfolios:
        return None
    out = [lex.minister_forms[keys[at]]]
    for w, key in zip(words[at + 1 :], rest, strict=True):
        nisba = key.startswith("ال") and key.endswith("ي") and _nisba(key)
        out.append(w + "ة" if nisba else w)
    return " ".join(out)


def _nisba(word: str) -> bool:
    return word.endswith(_ENDINGS) and len(word) > 4


_ENDINGS = ("يتان", "يان", "يين", "يون", "يه", "ي")


def _adjective(lex: _Lexicon, word: str, before: str | None = None) -> bool:
    """A definite adjective of a name (الوطنيه، العام); a coordinated one (والاسلامي) has the
    ending of the adjective ``before`` it (القوات الأمنية والمدنيين is no name)."""
    if word.startswith("وال"):
        if before is None or not _nisba(before) or not _nisba(word):
            return False
        ending = next(e for e in _ENDINGS if before.endswith(e))
        return word.endswith(ending) and not any(
            word.endswith(e) for e in _ENDINGS if len(e) > len(ending)
        )
    return word.startswith("ال") and (word in lex.adjectives or _nisba(word))


def find_institutions(
    words: Sequence[str],
    joined: Callable[[int], bool],
    hits: Mapping[int, Hit],
) -> list[Institution]:
    """Institutions among normalised ``words``; ``joined(k)`` tells whether only a space or
    quotes separate words ``k - 1`` and ``k``; ``hits`` are the gazetteer hits by first token.

    >>> ws = "اعلنت وزاره التربيه الوطنيه امس".split()
    >>> [(x.i, x.j, x.name) for x in find_institutions(ws, lambda k: True, {})]
    [(1, 4, 'Ministry of National Education')]
    """
    lex = _lexicon()
    forms = lex.forms
    out: list[Institution] = []
    covered = {t for k, (end, _, _) in hits.items() for t in range(k, end)}
    last = 0
    for k in [k for k, w in enumerate(words) if w in forms]:
        if k < last or k in covered:
            continue
        off, stem = forms[words[k]]
        if stem in lex.heads:
            found = _indefinite(lex, words, joined, hits, k, off, stem)
        else:
            found = _definite(lex, words, joined, hits, k, off, stem)
        if found is not None:
            out.append(found)
            last = found.j
    return out


def _indefinite(
    lex: _Lexicon,
    words: Sequence[str],
    joined: Callable[[int], bool],
    hits: Mapping[int, Hit],
    k: int,
    off: int,
    head: str,
) -> Institution | None:
    n = len(words)
    j = k + 1
    if j >= n or not joined(j):
        return None
    country: str | None = None
    w = words[j]
    if j in hits:  # مصرف ليبيا المركزي (جامعة إسطنبول is a place to be in)
        end, what, where = hits[j]
        if what != "place" or end >= n or not joined(end) or not _adjective(lex, words[end]):
            return None
        j, country = end, where
    elif w.startswith("ال") and w not in lex.stop and w not in lex.not_genitive:
        j += 1
        if _coordinated(lex, words, joined, j):
            j += 1  # وزارة الشباب والرياضة
    elif (
        len(w) > 2
        and not w.startswith(("و", "ف", "ب", "ل"))
        and w not in lex.stop
        and j + 1 < n
        and joined(j + 1)
        and words[j + 1].startswith("ال")
        and words[j + 1] not in lex.stop
        and j + 1 not in hits
    ):
        j += 2  # نقابة عمال التربية
        if _coordinated(lex, words, joined, j):
            j += 1  # نقابة عمال التربية والتكوين
    else:
        return None
    end, demonym, at = _modifiers(lex, words, joined, hits, j, definite=False)
    country = demonym or country
    name = None
    if head in lex.ministry:
        english = lex.portfolios.get(" ".join(words[k + 1 : end if at is None else at]))
        if english is not None:
            name = f"Ministry of {english}"
    else:
        body = " ".join([words[k][off:], *words[k + 1 : end if at is None else at]])
        name = lex.named_bodies.get(body)  # مجلس الوزراء → Council of Ministers
    kind = lex.heads[head]
    return Institution(k, end, off, head, kind, name, country)


def _coordinated(
    lex: _Lexicon, words: Sequence[str], joined: Callable[[int], bool], j: int
) -> bool:
    """Whether word ``j`` is a noun coordinated with the genitive before it (والرياضة،
    والحماية), not people (قوات الاحتلال والمستوطنين)."""
    if j >= len(words) or not joined(j):
        return False
    w = words[j]
    return w.startswith("وال") and w[1:] not in lex.stop and not _people(w[1:])


def _people(word: str) -> bool:
    """A plural of people: a nisba (المدنيين) or a participle (المستوطنين، المواطنون)."""
    return word.endswith(("يين", "يون")) or (word.startswith("الم") and word.endswith(("ين", "ون")))


def _definite(
    lex: _Lexicon,
    words: Sequence[str],
    joined: Callable[[int], bool],
    hits: Mapping[int, Hit],
    k: int,
    off: int,
    stem: str,
) -> Institution | None:
    head = lex.definite[stem]
    end, demonym, _ = _modifiers(lex, words, joined, hits, k + 1, definite=True)
    if end == k + 1 or (demonym is not None and end == k + 2):
        template = lex.country_heads.get(stem)
        if demonym is not None and template is not None:  # الحكومة السورية
            the = "the " if demonym in lex.definite_countries else ""
            name = template.format(country=the + demonym)
            return Institution(k, end, off, head, "organization", name, demonym, full=True)
        if demonym is None:  # الوزارة، وأعلنت النقابة الإضراب: the one named before
            return Institution(k, k + 1, off, head, lex.heads[head], None, None, refers=True)
        return None  # القوات الأمريكية: the country itself
    if head in lex.bare_definite:
        return None
    lam = not words[k][off:].startswith(stem)  # للمديرية: ل + لمديرية
    return Institution(k, end, off, head, lex.heads[head], None, demonym, lam=lam)


def _modifiers(
    lex: _Lexicon,
    words: Sequence[str],
    joined: Callable[[int], bool],
    hits: Mapping[int, Hit],
    j: int,
    *,
    definite: bool,
) -> tuple[int, str | None, int | None]:
    """The end of a name's adjectives and genitives from word ``j``, and the country and
    first word of its demonym. A demonym ends the name of an indefinite head (مجلس النواب
    الإندونيسي للتشاور); a genitive with لل may follow one after a definite head (الاتحاد
    العام التونسي للشغل)."""
    n = len(words)
    limit = j + 6
    country: str | None = None
    at: int | None = None
    coordinated = False
    described = False  # the word before is an adjective or a demonym
    while j < n and j < limit and joined(j):
        if j in hits:
            end, what, where = hits[j]
            if what != "demonym" or country is not None:
                break
            at, j, country = j, end, where
            if not definite:
                break
            described = True
            continue
        w = words[j]
        if w in lex.stop:
            break
        if country is None and _adjective(lex, w, words[j - 1]):
            j += 1
            described = True
        elif (
            not definite
            and country is None
            and not coordinated
            and _coordinated(lex, words, joined, j)
        ):
            coordinated = True
            j += 1  # وزارة التعليم العالي والبحث العلمي
            described = False
        elif not described:  # a genitive with ل follows an adjective or a demonym, else it
            break  # tells a purpose (المحكمة لتأجيل الجلسة، نقابة المحامين للتضامن)
        elif w.startswith("لل") and len(w) > 4:
            j += 1  # للشغل، للانتخابات
            described = False
        elif (
            w.startswith("ل")
            and len(w) > 3
            and j + 1 < n
            and joined(j + 1)
            and words[j + 1].startswith("ال")
            and j + 1 not in hits
        ):
            j += 2  # لتقصي الحقائق، لحقوق الانسان
            described = False
        else:
            break
    return j, country, at
