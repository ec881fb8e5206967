"""Actors: gazetteer matching, title-based discovery and within-article linking.

All language knowledge is data: ``data/ar/actors.json`` (the gazetteer) and
``data/ar/titles.json`` (titles, roles, stopwords). The engine works on :func:`normalise`-d
text and reports spans into the original text.

>>> [(m.name, m.via) for m in find_actors("وصل لافروف إلى هافانا")]
[('Sergey Lavrov', 'gazetteer'), ('Cuba', 'metonym')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Literal

import regex
from pydantic import TypeAdapter
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from . import lexicon
from .institutions import Hit, find_institutions, ministry_phrase, stands_for_home
from .models import Actor, ActorKind, ActorMention
from .schemas import Gazetteer, GazetteerEntry, TitleLexicon
from .text import NormalisedText, normalise_key
from .tokens import TokenTable, origins
from .tokens import table as token_table

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "TitleLexicon",
    "actors_of",
    "find_actors",
    "find_places",
    "gazetteer",
    "lookup",
    "same_actor",
]

Via = Literal["gazetteer", "fuzzy", "title", "metonym", "demonym", "coreference", "institution"]


# --------------------------------------------------------------------------- data


def gazetteer() -> Gazetteer:
    """The validated gazetteer (cached).

    >>> any(e.name == "Russia" for e in gazetteer().entries)
    True
    """
    return lexicon.load("actors", Gazetteer)


def _titles() -> TitleLexicon:
    return lexicon.load("titles", TitleLexicon)


# --------------------------------------------------------------------------- index

_TOKEN = regex.compile(r"[\p{L}\p{N}_]+")
_GAP = " \t\"'-"
_VOWELS = regex.compile(r"[اويى]")
_TANWEEN = "\u064b"  # an indefinite accusative (مؤخرًا) is never a foreign name
_G = str.maketrans({"غ": "ج", "ق": "ج"})


@dataclass(frozen=True, slots=True)
class _Form:
    tokens: tuple[str, ...]
    owners: tuple[int, ...]
    via: Via
    key: str = ""


@dataclass(slots=True)
class _Index:
    entries: tuple[GazetteerEntry, ...]
    by_name: dict[str, int]
    exact: dict[str, list[_Form]]
    skeleton: dict[str, list[_Form]]
    fuzzy: dict[str, list[tuple[str, int]]]
    owners: dict[str, tuple[int, ...]]
    title_words: frozenset[str] = field(default_factory=frozenset)


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """A transliteration-tolerant key: inner long vowels dropped, غ/ق folded into ج."""
    folded = word.translate(_G)
    body = _VOWELS.sub("", folded[1:])
    out = folded[0]
    for ch in body:
        if ch != out[-1]:
            out += ch
    return out


@lru_cache(maxsize=1)
def _index() -> _Index:
    entries = gazetteer().entries
    by_name = {e.name: i for i, e in enumerate(entries)}
    by_name.update({e.name.casefold(): i for i, e in enumerate(entries)})
    owners: dict[str, list[int]] = {}
    vias: dict[str, Via] = {}
    for i, e in enumerate(entries):
        for key in e.aliases:
            owners.setdefault(key, []).append(i)
            vias[key] = "metonym" if e.metonym_of else "gazetteer"
        for key in e.demonyms:
            owners.setdefault(key, []).append(i)
            vias.setdefault(key, "demonym")
    exact: dict[str, list[_Form]] = {}
    skeleton: dict[str, list[_Form]] = {}
    fuzzy: dict[str, list[tuple[str, int]]] = {}
    for key, idx in owners.items():
        toks = tuple(_TOKEN.findall(key))
        if not toks:
            continue
        form = _Form(toks, tuple(idx), vias[key])
        exact.setdefault(toks[0], []).append(form)
        first = entries[idx[0]]
        if form.via == "demonym" or first.kind not in ("person", "country", "location"):
            continue
        if len(toks) > 1 or (len(key) >= 5 and len(_skeleton(key)) >= 4):
            sk = tuple(_skeleton(t) for t in toks)
            skeleton.setdefault(sk[0], []).append(_Form(sk, tuple(idx), form.via, key))
        if len(toks) == 1 and len(key) >= 4 and first.kind in ("person", "country"):
            fuzzy.setdefault(key[:2], []).append((key, idx[0]))
    for table in (exact, skeleton):
        for forms in table.values():
            forms.sort(key=lambda f: -len(f.tokens))
    lex = _titles()
    return _Index(
        entries,
        by_name,
        exact,
        skeleton,
        fuzzy,
        {k: tuple(v) for k, v in owners.items()},
        frozenset(lex.heads | lex.modifiers | lex.anaphors | lex.counterpart),
    )


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class _Toks:
    """The words of a normalised text as parallel tuples (from the shared token table: ``start``
    and ``end`` in the normalised text, ``ostart`` and ``oend`` in the original), and the few
    words that may matter, ``(position, what it may be)`` (see :func:`_word`)."""

    text: tuple[str, ...]
    start: tuple[int, ...]
    end: tuple[int, ...]
    ostart: tuple[int, ...]
    oend: tuple[int, ...]
    marked: list[tuple[int, _Word]]


def _tokenise(tab: TokenTable) -> _Toks:
    info = _words(tab.keys)
    marked = list(zip(compress(range(len(info)), info), filter(None, info), strict=True))
    return _Toks(tab.keys, tab.starts, tab.ends, tab.ostarts, tab.oends, marked)


def _joined(norm: str, toks: _Toks, j: int) -> bool:
    """True when only spaces, quotes or a hyphen separate tokens ``j - 1`` and ``j`` (one line)."""
    a, b = toks.end[j - 1], toks.start[j]
    return (a == b - 1 and norm[a] == " ") or not norm[a:b].strip(_GAP)


@lru_cache(maxsize=65536)
def _variants(word: str) -> tuple[tuple[int, str, bool], ...]:
    """(offset, stem, article_stripped) for a token and its clitic-stripped forms."""
    out: list[tuple[int, str, bool]] = [(0, word, False)]
    bases = [0]
    if len(word) > 3 and word[0] in "وف":
        bases.append(1)
        out.append((1, word[1:], False))
    for b in list(bases):
        rest = word[b:]
        if len(rest) > 3 and rest.startswith("لل"):
            out.append((b + 1, "ا" + rest[1:], False))
        elif len(rest) > 3 and rest[0] in "بلك":
            out.append((b + 1, rest[1:], False))
    for off, stem, _ in list(out):
        if len(stem) > 4 and stem.startswith("ال"):
            out.append((off + 2, stem[2:], True))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Word:
    """What a word type may start or be, found once per type (:func:`_word`) so that each pass
    visits only the tokens concerned: ``after`` and ``single`` are the exact aliases starting
    there (see :func:`_by_second_word`), ``loose`` the fuzzy ones (:func:`_fuzzy_candidates`),
    ``head`` a title head (:func:`_head_of`), ``anaphor`` the clitic offset of "الأخير"."""

    after: dict[str, tuple[tuple[int, _Form], ...]]
    single: tuple[int, _Form] | None
    loose: tuple[tuple[int, _Form], ...]
    head: tuple[int, str, bool] | None
    anaphor: int | None
    home: int | None = None  # clitic offset of "بلاده" (his country)


@lru_cache(maxsize=65536)
def _word(word: str) -> _Word | None:
    """The roles of ``word`` (``None`` for a word with none, most of a text)."""
    after, single = _by_second_word(_exact_candidates(word))
    info = _Word(
        after,
        single,
        _fuzzy_candidates(word),
        _head_of(word),
        _anaphor_offset(word),
        _home_offset(word),
    )
    if (
        info.after
        or info.single
        or info.loose
        or info.head
        or info.anaphor is not None
        or info.home is not None
    ):
        return info
    return None


_WORDS: dict[str, _Word | None] = {}
""":func:`_word` of the words seen (a plain dict: looked up in bulk, cleared when large)."""


def _words(keys: Sequence[str]) -> list[_Word | None]:
    """:func:`_word` of each of ``keys``."""
    try:
        return list(map(_WORDS.__getitem__, keys))
    except KeyError:
        if len(_WORDS) > 65536:
            _WORDS.clear()
        _WORDS.update((w, _word(w)) for w in keys if w not in _WORDS)
        return list(map(_WORDS.__getitem__, keys))


# --------------------------------------------------------------------------- gazetteer pass


@dataclass(slots=True)
class _Hit:
    i: int  # first token
    j: int  # one past the last token
    start: int  # normalised char offsets
    end: int
    owners: tuple[int, ...]
    via: Via
    entry: int = -1


def _exact_candidates(word: str) -> tuple[tuple[int, _Form], ...]:
    """(clitic offset, form) for every alias that may start at ``word``, longest first."""
    idx = _index()
    out: list[tuple[int, _Form]] = []
    for off, stem, stripped in _variants(word):
        for form in idx.exact.get(stem, ()):
            if stripped and idx.entries[form.owners[0]].kind == "person":
                continue
            out.append((off, form))
    out.sort(key=lambda c: (-len(c[1].tokens), c[0]))
    return tuple(out)


def _by_second_word(
    candidates: Sequence[tuple[int, _Form]],
) -> tuple[dict[str, tuple[tuple[int, _Form], ...]], tuple[int, _Form] | None]:
    """Longest-first exact candidates as the multi-word ones grouped by their second word (in
    order) and the first one-word one: no candidate after that one-word form is ever tried."""
    after: dict[str, list[tuple[int, _Form]]] = {}
    single = None
    for off, form in candidates:
        if len(form.tokens) == 1:
            single = (off, form)
            break
        after.setdefault(form.tokens[1], []).append((off, form))
    return {second: tuple(forms) for second, forms in after.items()}, single


def _match_at(word: _Word, toks: _Toks, norm: str, i: int) -> _Hit | None:
    words = toks.text
    if word.after and i + 1 < len(words):
        for off, form in word.after.get(words[i + 1], ()):
            if _rest_matches(form.tokens, toks, norm, i):
                j = i + len(form.tokens)
            else:
                j = _ancestry_end(form.tokens, toks, norm, i)
                if j < 0:
                    continue
            return _Hit(i, j, toks.start[i] + off, toks.end[j - 1], form.owners, form.via)
    if word.single is None:
        return None
    off, form = word.single
    return _Hit(i, i + 1, toks.start[i] + off, toks.end[i], form.owners, form.via)


def _ancestry_end(want: tuple[str, ...], toks: _Toks, norm: str, i: int) -> int:
    """The end of an alias spelt after ``i`` with one more ancestor in its chain (محمد بن
    عبدالعزيز بن صالح الخليفي for محمد بن عبدالعزيز الخليفي), or -1."""
    links = _titles().name_links
    words = toks.text
    j = i + 1
    skipped = False
    for k in range(1, len(want)):
        if j < len(words) and words[j] == want[k] and _joined(norm, toks, j):
            j += 1
            continue
        inserted = (
            not skipped
            and want[k - 1] not in links
            and j + 2 < len(words)
            and words[j] in links
            and words[j + 2] == want[k]
            and all(_joined(norm, toks, x) for x in (j, j + 1, j + 2))
        )
        if not inserted:
            return -1
        j += 3
        skipped = True
    return j


def _rest_matches(
    want: tuple[str, ...],
    toks: _Toks,
    norm: str,
    i: int,
    key: Callable[[str], str] | None = None,
) -> bool:
    """Whether the tokens after ``i`` are ``want[1:]`` (through ``key``), each joined to the
    previous one."""
    n = len(want)
    if i + n > len(toks.text):
        return False
    for k in range(1, n):
        word = toks.text[i + k]
        if (word if key is None else key(word)) != want[k] or not _joined(norm, toks, i + k):
            return False
    return True


def _fuzzy_candidates(word: str) -> tuple[tuple[int, _Form], ...]:
    """Skeleton forms (transliteration variants) and a guarded rapidfuzz hit for ``word``."""
    idx, lex = _index(), _titles()
    stop = lex.stopwords
    if word in stop or word in idx.title_words or word in lex.not_fuzzy or not word.isalpha():
        return ()
    variants = _variants(word)
    if any(stem.startswith("ال") for _, stem, _ in variants):
        return ()  # a definite common noun; names with the article are listed exactly
    out: list[tuple[int, _Form]] = []
    for off, stem, _ in variants:
        if len(stem) < 5 or stem in stop or stem in lex.not_fuzzy:
            continue
        sk = _skeleton(stem)
        for form in idx.skeleton.get(sk, ()):
            n = len(form.tokens)
            person = idx.entries[form.owners[0]].kind == "person"
            floor = 80 if person else 75  # نابليون is no نابيولينا
            if n == 1 and (len(sk) < 4 or fuzz.ratio(stem, form.key) < floor):
                continue
            if off and idx.entries[form.owners[0]].kind == "person" and word[0] not in "وف":
                continue
            out.append((off, form))
        hit = _fuzzy_word(stem)
        if hit is not None:
            out.append((off, _Form((stem,), (hit,), "fuzzy", stem)))
    out.sort(key=lambda c: (-len(c[1].tokens), c[0]))
    return tuple(out)


def _fuzzy_at(word: _Word, toks: _Toks, norm: str, i: int) -> _Hit | None:
    for off, form in word.loose:
        n = len(form.tokens)
        if n == 1 or _rest_matches(form.tokens, toks, norm, i, _skeleton):
            return _Hit(i, i + n, toks.start[i] + off, toks.end[i + n - 1], form.owners, "fuzzy")
    return None


@lru_cache(maxsize=65536)
def _fuzzy_word(stem: str) -> int | None:
    """Guarded fuzzy lookup of one word among person and country aliases."""
    idx = _index()
    best: tuple[float, int] | None = None
    for key, entry in idx.fuzzy.get(stem[:2], ()):
        short, long_ = sorted((len(key), len(stem)))
        if short / long_ < 0.7 or (short < 6 and idx.entries[entry].kind == "person"):
            continue  # a short name is too like common words (لامير، لاميا ≠ لامي)
        score = fuzz.ratio(stem, key, score_cutoff=82)
        if score and short <= 6 and LCSseq.similarity(stem, key) < short:
            continue  # a short word may miss letters (فنزيا), not swap them (لاتفاق ≠ لاتفيا)
        if score and (best is None or score > best[0]):
            best = (score, entry)
    return None if best is None else best[1]


def _gazetteer_pass(toks: _Toks, norm: str, original: str = "") -> list[_Hit]:
    hits: list[_Hit] = []
    links = _titles().name_links
    named: set[int] = set()  # the entries of the hits so far
    end = 0  # the first token after the last hit
    for i, word in toks.marked:
        if i < end:
            continue
        hit = _match_at(word, toks, norm, i)
        if hit is None and not (i and toks.text[i - 1] in links):  # بن سلمان is no سليماني
            hit = _fuzzy_at(word, toks, norm, i)
        if hit is not None:
            written = original[toks.ostart[i] : toks.oend[hit.j - 1]] if original else ""
            hit.entry = _pick(hit.owners, named, written)
            named.add(hit.entry)
            hits.append(hit)
            end = hit.j
    return hits


def _pick(owners: tuple[int, ...], named: set[int], written: str = "") -> int:
    """The entry of an alias: for an ambiguous one, the one its diacritics mark (``written``,
    the words as in the original: عمّان is Amman), else an entry already named, else one whose
    country is named (الجامعة الأردنية بعمان: Amman, not Oman), else the first."""
    if len(owners) > 1:
        entries = gazetteer().entries
        for owner in owners:
            if any(form in written for form in entries[owner].marked):
                return owner
        for owner in owners:
            if owner in named:
                return owner
        countries = {entries[k].name for k in named} | {entries[k].country for k in named}
        for owner in owners:
            if entries[owner].country is not None and entries[owner].country in countries:
                return owner
    return owners[0]


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _M:
    start: int  # normalised offsets
    end: int
    name: str
    kind: ActorKind
    via: Via
    title: str | None = None
    country: str | None = None
    title_key: str | None = None
    head: str | None = None
    title_span: tuple[int, int] | None = None
    known: bool = True
    affiliation: str | None = None


def _from_hit(hit: _Hit) -> _M:
    name, kind, via, country = _named(hit.entry, hit.via)
    return _M(hit.start, hit.end, name, kind, via, country=country)


@lru_cache(maxsize=65536)
def _named(entry: int, via: Via) -> tuple[str, ActorKind, Via, str | None]:
    """(name, kind, via, country) of a mention of gazetteer entry ``entry`` through ``via``:
    a demonym or a metonym names its country, without country of its own."""
    idx = _index()
    e = idx.entries[entry]
    if via == "demonym":
        return e.name, e.kind, "demonym", None
    if e.metonym_of:
        target = idx.entries[idx.by_name[e.metonym_of]]
        return target.name, target.kind, "metonym", None
    return e.name, e.kind, via, e.country


def _country_of(idx: _Index, hit: _Hit) -> str | None:
    e = idx.entries[hit.entry]
    if e.kind == "country":
        return e.name
    return e.metonym_of or e.country


@dataclass(slots=True)
class _Title:
    i: int
    j: int
    start: int
    end: int
    key: str
    head: str
    definite: bool
    counterpart: bool
    country: str | None
    inner: list[int]  # indexes of hits inside the title


def _head_at(lex: TitleLexicon, word: str) -> tuple[int, str, bool] | None:
    """(offset, head, counterpart) when ``word`` opens a title."""
    return _head_of(word)


@lru_cache(maxsize=65536)
def _head_of(word: str) -> tuple[int, str, bool] | None:
    lex = _titles()
    for off, stem, stripped in _variants(word):
        if stripped:
            continue
        if stem in lex.heads or (stem.startswith("ال") and stem[2:] in lex.heads):
            return off, stem, stem.removeprefix("ال") in lex.counterpart
        for suf in lex.pronoun_suffixes:
            base = stem[: -len(suf)]
            if stem.endswith(suf) and base in lex.suffixable:
                return off, base, base in lex.counterpart
    return None


def _genitive(lex: TitleLexicon, word: str, after_bare_head: bool) -> bool:
    """The definite complement of a bare head: "رئيس البلدية", "قائد الشرطة"."""
    return after_bare_head and word.startswith("ال") and word not in lex.anaphors


def _is_inner_head(lex: TitleLexicon, word: str) -> bool:
    """A bare head inside a title chain: "نائب وزير", "مساعد وزير", "نائب رئيس"."""
    return word in lex.heads and not word.startswith("ال")


def _is_modifier(lex: TitleLexicon, word: str) -> bool:
    return _modifier(word)


@lru_cache(maxsize=65536)
def _modifier(word: str) -> bool:
    lex = _titles()
    return any(stem in lex.modifiers for _, stem, s in _variants(word) if not s)


def _continues(lex: TitleLexicon, word: str) -> bool:
    """A word that carries a title's portfolio on: a coordinated definite noun ("وزير الطاقة
    والثروة المعدنية"، "وزير الخارجية والمغتربين") or a relative adjective ("الاجتماعية")."""
    if len(word) < 5 or word in lex.stopwords:
        return False
    if word.startswith("وال"):
        return word[1:] not in lex.stopwords
    return word.startswith("ال") and len(word) > 5 and word.endswith(lex.adjective_endings)


def _titles_in(
    toks: _Toks, norm: str, hits: Sequence[_Hit], hit_at: dict[int, int]
) -> list[_Title]:
    idx, lex = _index(), _titles()
    out: list[_Title] = []
    inside = {k for h in hits if h.j - h.i > 1 for k in range(h.i + 1, h.j)}  # after the first
    heads = [(i, w.head) for i, w in toks.marked if w.head is not None]
    n, after = len(toks.text), 0
    for i, (off, word, counterpart) in heads:
        if i < after or i in hit_at or i in inside:
            continue
        j, country = i + 1, None
        inner: list[int] = []
        while j < n and j - i <= 8 and _joined(norm, toks, j):
            h = hit_at.get(j)
            # after the adjective no inner head: "وزير الصحة المغربي أمين التهراوي"
            after_demonym = bool(inner) and hits[inner[-1]].via == "demonym"
            if h is not None and inner and hits[inner[-1]].via == "demonym" != hits[h].via:
                break  # الرئيس الأوكراني روسيا: after the adjective, a country is no title
            if (
                h is None
                and toks.text[j] in lex.destination_words
                and (word[2:] if word.startswith("ال") else word) in lex.destination_heads
                and j + 1 < n
                and hit_at.get(j + 1) is not None
                and idx.entries[hits[hit_at[j + 1]].entry].is_place
            ):  # المبعوث الأممي إلى اليمن: the destination is part of the title
                inner.append(hit_at[j + 1])
                j = hits[hit_at[j + 1]].j
                continue
            if h is not None and idx.entries[hits[h].entry].kind != "person":
                inner.append(h)
                country = _country_of(idx, hits[h]) or country
                j = hits[h].j
            elif h is None and (
                _is_modifier(lex, toks.text[j])
                or (_is_inner_head(lex, toks.text[j]) and not after_demonym)
                or _genitive(lex, toks.text[j], j == i + 1 and not word.startswith("ال"))
                or (j > i + 1 and _continues(lex, toks.text[j]))
                or (toks.text[j - 1] in lex.governing and _genitive(lex, toks.text[j], True))
            ):
                j += 1
            else:
                break
        start, end = toks.start[i] + off, toks.end[j - 1]
        key = norm[start:end]
        out.append(
            _Title(i, j, start, end, key, word, word.startswith("ال"), counterpart, country, inner)
        )
        after = j
    return out


def _name_after(
    toks: _Toks, norm: str, t: _Title, hit_at: dict[int, int], blocked: set[int]
) -> tuple[int, int] | None:
    """Token range of an unknown person's name right after a title (2-4 tokens)."""
    j = t.j
    if j >= len(toks.text) or j in hit_at or j in blocked:
        return None
    gap = norm[toks.end[j - 1] : toks.start[j]].strip(" ")
    if gap not in ("", "،", ","):
        return None
    honorifics = _titles().honorifics
    while gap and j + 1 < len(toks.text) and toks.text[j] in honorifics and j + 1 not in hit_at:
        j += 1  # المتحدث باسم التنسيقية، الدكتور كريم بوزيدي
    links = _titles().name_links
    k = j
    while (
        k < len(toks.text)
        and (k - j < 4 or (toks.text[k - 1] in links and k - j < 7))  # فيصل بن بندر بن عبدالعزيز
        and _name_token(toks, norm, k, k == j, hit_at, blocked)
    ):
        k += 1
    while k > j and toks.text[k - 1] in links:  # a name never ends with بن or آل
        k -= 1
    # an unknown person is introduced with at least two names ("داود يحيى", not "يحظى")
    return (j, k) if k - j >= 2 else None


def _name_token(
    toks: _Toks, norm: str, k: int, first: bool, hit_at: dict[int, int], blocked: set[int]
) -> bool:
    """Whether token ``k`` can be part of an unknown person's name."""
    lex, idx = _titles(), _index()
    w = toks.text[k]
    if k in hit_at or k in blocked or not w.isalpha() or len(w) < 2:
        return False
    if not first and not _joined(norm, toks, k):
        return False
    if not first and _future_verb(w):
        return False  # الوزيرة فاطمة ثابت شيبوب ستؤدي زيارة: a verb ends the name
    bare = w[1:] if w[0] in "وف" and len(w) > 3 else w
    if not first and toks.text[k - 1] in lex.compound_names:
        return w.startswith("ال") and w not in lex.stopwords  # عبد الأمير، عبد الرحمن
    given = first and w in lex.given_names  # "وزير الصحة، أمين التهراوي": a name, no title
    linked = not first and toks.text[k - 1] in lex.name_links  # بن علي: a name, no preposition
    stop = not linked and (w in lex.stopwords or bare in lex.stopwords)
    if stop or (w in idx.title_words and not given):
        return False
    if first and (w in lex.not_names or bare in lex.not_names):
        return False  # أقام سمو الأمير مأدبة غداء: the object, no name
    if (_head_at(lex, w) is not None and not given) or _is_modifier(lex, w):
        return False
    if w.startswith("ال") and (first or w.endswith("ه")) and not w.endswith("الله"):
        return False  # names do not open with the article; "ال...ة" is a common noun
    if first and bare.startswith(_titles().derived_prefixes) and len(bare) >= 5 and not given:
        return False  # محافظ السويس يتفقد أعمال: a present verb of a derived form, no name
    if _verb_shaped(bare) or _event_word(w):
        return False  # "الرئيس الإندونيسي يرأسان", "ولي العهد والرئيس الإندونيسي توقيع"
    if w[0] == "و" and bare.startswith(lex.verb_prefixes) and _event_word(bare):
        return False  # "السفير الكيني وتلوّح بوقف الواردات": و and a present-tense trigger
    if any(off and stem.startswith("ال") for off, stem, _ in _variants(w)):
        return False  # a proclitic plus the article: "بالاحترام", "والتعاون"
    if not first and w.endswith("ه") and not w.endswith("الله") and len(w) > 3:
        return False
    nxt = toks.text[k + 1] if k + 1 < len(toks.text) else ""
    # an accusative noun and its adjective: "وفدا تجاريا", "اتصالا هاتفيا"
    return first or not (w.endswith("ا") and nxt.endswith("يا"))


def _verb_shaped(word: str) -> bool:
    """A present-tense verb in the dual or plural (يرأسان، يشهدون، تلتقيان): no name."""
    lex = _titles()
    return (
        len(word) >= 5 and word.startswith(lex.verb_prefixes) and word.endswith(lex.verb_suffixes)
    )


@lru_cache(maxsize=4096)
def _future_verb(word: str) -> bool:
    """A سـ future verb (ستؤدي، سيزور), as the time engine reads one."""
    from .times import _future_verb as future  # the times engine knows the shape
    from .times.grammar import grammar

    return future(word, grammar())


@lru_cache(maxsize=4096)
def _event_word(word: str) -> bool:
    """Whether a word, as written (no clitic stripped: فيصل is no ف + يصل), is an event
    trigger (توقيع، زيارة، يزور), or a preposition and a trigger noun (لإطلاق): no name."""
    from .events import _compiled  # events reads actors' output; loaded lazily

    index = _compiled().index
    if word in index or (word.startswith("ال") and word[2:] in index):
        return True
    # a preposition and a verbal noun (لإطلاق، بتوقيع): a noun sense only (فيصل is no ف + يصل)
    rest = word[1:] if word[:1] in "بلكوف" and len(word) > 3 else ""
    return any(s.pos == "noun" for s in index.get(rest, ()))


def _discover(
    toks: _Toks,
    norm: str,
    hits: Sequence[_Hit],
    hit_at: dict[int, int],
    titles: list[_Title],
    mentions: list[_M],
    marked: set[int],
) -> tuple[list[_M], list[tuple[_Title, int]], set[int]]:
    """Attach titles to gazetteer persons, find unknown people; return anaphoric titles
    (``hit_at`` maps the first token of each hit to its index)."""
    idx = _index()
    found: list[_M] = []
    pending: list[tuple[_Title, int]] = []
    suppressed: set[int] = set()
    blocked: set[int] = set(marked)
    hit_end = {h.j - 1: n for n, h in enumerate(hits)}
    for t in titles:
        nxt = hit_at.get(t.j) if t.j < len(toks.text) else None
        gap = norm[toks.end[t.j - 1] : toks.start[t.j]].strip(" ") if t.j < len(toks.text) else "."
        if (
            nxt is not None
            and gap in ("", "،", ",")
            and idx.entries[hits[nxt].entry].kind == "person"
        ):
            m = mentions[nxt]
            m.title, m.title_key, m.head = t.key, t.key, t.head
            m.title_span = (t.start, t.end)
            m.country = m.country or t.country
            suppressed.update(t.inner)
            continue
        span = _name_after(toks, norm, t, hit_at, blocked)
        if span is None:
            if _apposition(toks, norm, t, hits, mentions, hit_end, found, blocked, suppressed):
                continue
            pending.append((t, len(found)))
            continue
        a, b = span
        start, end = toks.start[a], toks.end[b - 1]
        blocked.update(range(a, b))
        name_key = norm[start:end]
        known = _lookup_index(name_key, person=True)
        suppressed.update(t.inner)
        found.append(
            _M(
                start,
                end,
                idx.entries[known].name if known is not None else "",
                "person",
                "title",
                title=t.key,
                country=(idx.entries[known].country if known is not None else None) or t.country,
                title_key=t.key,
                head=t.head,
                title_span=(t.start, t.end),
                known=known is not None,
            )
        )
    return found, pending, suppressed


def _apposition(
    toks: _Toks,
    norm: str,
    t: _Title,
    hits: Sequence[_Hit],
    mentions: list[_M],
    hit_end: dict[int, int],
    found: list[_M],
    blocked: set[int],
    suppressed: set[int],
) -> bool:
    """A title right after a person's name, with no name of its own ("أيمن الصفدي وزير
    الخارجية الأردني"، "وصل كريم حداد، وزير الداخلية الأردني، إلى بغداد"): the title is that
    person's. A known person takes it when the countries agree; an unknown name (two to four
    name words, after a word that is none) becomes a person. A title with a clitic
    (ووزير، بوزير) is another person. Returns whether the title found its person."""
    if t.i == 0 or t.start != toks.start[t.i]:
        return False  # ووزير الخارجية: "and the minister", someone else
    gap = norm[toks.end[t.i - 1] : toks.start[t.i]].strip(" ")
    if gap not in ("", "،", ","):
        return False
    idx = _index()
    links = _titles().name_links
    h = hit_end.get(t.i - 1)
    k = (
        t.i - 1
    )  # past a lineage the gazetteer name stops before (محمد بن سلمان بن عبدالعزيز آل سعود)
    while h is None and k >= 2 and t.i - k < 7 and toks.text[k - 1] in links:
        k -= 2
        h = hit_end.get(k)
    if h is not None:
        m = mentions[h]
        entry = idx.entries[hits[h].entry]
        if entry.kind != "person" or (m.title_key is not None and " " in m.title_key):
            return False  # a title of its own already (a bare "الرئيس" gives way)
        if t.country is not None and m.country is not None and m.country != t.country:
            return False  # استقبل الملك عبدالله الثاني وزير الخارجية الأمريكي: the object
        m.title, m.title_key, m.head = t.key, t.key, t.head
        m.title_span = (t.start, t.end)
        m.country = m.country or t.country
        suppressed.update(t.inner)
        return True
    k = t.i
    while k > 0 and t.i - k < 4 and (k - 1) not in blocked and (k - 1) not in hit_end:
        joined = k == t.i or _joined(norm, toks, k)  # the title may follow a comma
        if not joined or not _name_token(toks, norm, k - 1, False, {}, blocked):
            break
        k -= 1
    while k < t.i and toks.text[k] in links:
        k += 1
    if t.i - k < 2 or (k > 0 and _name_token(toks, norm, k - 1, True, {}, blocked)):
        return False  # a name of two words at least, and the word before it is none
    if toks.text[k].startswith("ال") or not _name_token(toks, norm, k, True, {}, blocked):
        return False
    blocked.update(range(k, t.i))
    suppressed.update(t.inner)
    start, end = toks.start[k], toks.end[t.i - 1]
    known = _lookup_index(norm[start:end], person=True)
    found.append(
        _M(
            start,
            end,
            idx.entries[known].name if known is not None else "",
            "person",
            "title",
            title=t.key,
            country=(idx.entries[known].country if known is not None else None) or t.country,
            title_key=t.key,
            head=t.head,
            title_span=(t.start, t.end),
            known=known is not None,
        )
    )
    return True


def _strip_head(head: str) -> str:
    return head.removeprefix("ال")


def _resolve_pending(
    pending: list[tuple[_Title, int]], people: list[_M], suppressed_titles: list[_M]
) -> None:
    """Link anaphoric titles ("الوزير الروسي", "نظيره الكوبي") to an earlier person."""
    for t, _ in pending:
        before = [p for p in people if p.end <= t.start and p.title_key is not None]
        pick: _M | None = None
        owner: str | None = None
        if t.counterpart:
            before = _counterparts_first(before, people, t)
            # the one whose counterpart it is is never his own counterpart
            near = _counterpart_owner(people, t)
            owner = near.name if near is not None else None
        for p in reversed(before):
            if t.country is not None and p.country != t.country:
                continue
            if owner is not None and p.name == owner:
                continue
            key = p.title_key or ""
            same_key = key == t.key or (t.country is None and key.startswith(t.key + " "))
            # the first two words of both (ولي العهد المجلس: the object follows the title)
            two = t.key.split()[:2]
            same_key = same_key or (t.country is None and len(two) == 2 and key.split()[:2] == two)
            role = _strip_head(t.head) in key if t.definite else False
            if t.country is None and not t.counterpart and not (same_key or role):
                continue  # "سمو ولي العهد", "الرئيس": the last one so titled
            if same_key or role or t.counterpart:
                pick = p
                break
        if pick is None:
            continue
        suppressed_titles.append(
            _M(
                t.start,
                t.end,
                pick.name,
                "person",
                "coreference",
                title=t.key,
                country=pick.country,
                title_key=t.key,
                head=t.head,
                title_span=(t.start, t.end),
            )
        )


def _counterpart_owner(people: list[_M], t: _Title) -> _M | None:
    """The one who has the counterpart: the last person named shortly before title ``t``."""
    near = [p for p in people if p.end <= t.start and t.start - p.end <= 150]
    return near[-1] if near else None


def _counterparts_first(before: list[_M], people: list[_M], t: _Title) -> list[_M]:
    """``before`` reordered so that the people whose title opens like the title of the one
    who has the counterpart (the last person named shortly before it) come last, i.e. first
    tried (وزير الخارجية ... نظيره الإيراني: the Iranian minister, not the president)."""
    owner = _counterpart_owner(people, t)
    if owner is None:
        return before
    head = _title_head(owner.title_key or owner.title or "")
    if not head:
        return before
    alike = [p for p in before if _title_head(p.title_key or "") == head]
    return [p for p in before if p not in alike] + alike if alike else before


@lru_cache(maxsize=4096)
def _title_head(title: str) -> str:
    """The first word of a title without its article and honorifics (وزير، رييس)."""
    honorifics = _titles().modifiers
    for word in normalise_key(title).split():
        if word in honorifics:
            continue
        return word[2:] if word.startswith("ال") else word
    return ""


def _people(mentions: Iterable[_M]) -> list[_M]:
    """The mentions of people, by start."""
    return sorted((m for m in mentions if m.kind == "person"), key=attrgetter("start"))


def _surname_pass(toks: _Toks, norm: str, people: list[_M], taken: Sequence[_M]) -> list[_M]:
    """Later bare mentions of people found through a title (full name or last token), outside
    the ``taken`` mentions."""
    stop, links = _titles().stopwords, _titles().name_links
    forms: dict[str, list[tuple[tuple[str, ...], _M]]] = {}
    for p in people:
        if p.via != "title" or p.known:
            continue
        words = tuple(_TOKEN.findall(norm[p.start : p.end]))
        # the last name alone, unless a link makes it a father's name (فيصل بن بندر بن
        # عبدالعزيز: عبدالعزيز is the grandfather, and many others' ancestor)
        last = () if len(words) > 1 and words[-2] in links else words[-1:]
        for form in {words, last} - {()}:
            if len(form) == 1 and (len(form[0]) < 4 or form[0] in stop):
                continue
            forms.setdefault(form[0], []).append((form, p))
    if not forms:
        return []
    out: list[_M] = []
    busy = sorted((m.start, m.end) for m in taken)
    for i, word in enumerate(toks.text):
        stems = [(off, stem) for off, stem, stripped in _variants(word) if not stripped]
        if not any(stem in forms for _, stem in stems):
            continue
        start = toks.start[i]
        if _inside(busy, start, toks.end[i]) or (i and toks.text[i - 1] in links):
            continue  # سلمان بن عبدالعزيز: a father's name, not the man
        for off, stem in stems:
            for form, p in forms.get(stem, ()):
                if p.end > start or not _rest_matches(form, toks, norm, i):
                    continue
                end = toks.end[i + len(form) - 1]
                out.append(_M(start + off, end, p.name, "person", "coreference", country=p.country))
                break
            else:
                continue
            break
    return out


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def _anaphor_offset(word: str) -> int | None:
    lex = _titles()
    return next((off for off, s, st in _variants(word) if not st and s in lex.anaphors), None)


def _home_offset(word: str) -> int | None:
    lex = _titles()
    return next((off for off, s, st in _variants(word) if not st and s in lex.home_words), None)


def _home_pass(toks: _Toks, norm: str, kept: list[_M]) -> list[_M]:
    """ "بلاده" / "بلادها" (his / her country) → the country of the person or body named last
    before it, within its sentence or the one before (قال الوزير الإندونيسي إن المذكرات التي
    وقعتها بلاده: Indonesia)."""
    homes = [(i, w.home) for i, w in toks.marked if w.home is not None]
    if not homes:
        return []
    owners = sorted(
        (m for m in kept if m.kind in ("person", "organization", "group") and m.country),
        key=attrgetter("end"),
    )
    spans = [(k.start, k.end) for k in kept]
    out: list[_M] = []
    for i, off in homes:
        start = toks.start[i]
        before = [p for p in owners if p.end <= start and start - p.end <= 300]
        if not before:
            continue
        country = before[-1].country
        assert country is not None
        m = _M(start + off, toks.end[i], country, "country", "coreference")
        if not _inside(spans, m.start, m.end):
            out.append(m)
    return out


def _anaphor_pass(toks: _Toks, norm: str, kept: list[_M]) -> list[_M]:
    """ "الأخير" (the latter) → the most recent person mentioned before it (among ``kept``,
    outside which the anaphor stands)."""
    anaphors = [(i, w.anaphor) for i, w in toks.marked if w.anaphor is not None]
    if not anaphors:
        return []
    people = _people(kept)
    spans = [(k.start, k.end) for k in kept]
    out: list[_M] = []
    for i, off in anaphors:
        if i > 0 and _joined(norm, toks, i):
            prev = toks.text[i - 1]
            if any(s.startswith("ال") for _, s, st in _variants(prev) if not st):
                continue  # an adjective: "الأسبوع الأخير"
        start = toks.start[i]
        before = [p for p in people if p.end <= start]
        if not before:
            continue
        p = max(before, key=lambda m: m.end)
        m = _M(start + off, toks.end[i], p.name, "person", "coreference", country=p.country)
        if not _inside(spans, m.start, m.end):
            out.append(m)
    return out


@lru_cache(maxsize=2)
def _scan(text: str) -> tuple[NormalisedText, _Toks, tuple[_Hit, ...]]:
    """The tokens and gazetteer hits of a text, shared by :func:`find_actors` and
    :func:`find_places` (cached: the pipeline asks both of the same article)."""
    tab = token_table(text)
    toks = _tokenise(tab)
    return tab.norm, toks, tuple(_gazetteer_pass(toks, tab.norm.text, text))


def find_actors(text: str) -> list[ActorMention]:
    """Every actor mention in ``text``, sorted by span (spans into ``text``).

    >>> [(m.name, m.title) for m in find_actors("قال وزير الخارجية الروسي سيرغي لافروف")]
    [('Sergey Lavrov', 'وزير الخارجية الروسي')]
    """
    if not text:
        return []
    nt, toks, hits = _scan(text)
    norm = nt.text
    mentions = [_from_hit(h) for h in hits]
    marked: set[int] = set()
    hit_at = {h.i: n for n, h in enumerate(hits)}
    titles = _titles_in(toks, norm, hits, hit_at)
    if _TANWEEN in text:  # only tokens right after a title can be names: check those
        after = {t.j + d for t in titles for d in range(7)}
        marked = {
            n
            for n in after
            if n < len(toks.text) and _TANWEEN in text[toks.ostart[n] : toks.oend[n]]
        }
    found, pending, suppressed = _discover(toks, norm, hits, hit_at, titles, mentions, marked)
    for m in found:
        if not m.name:
            m.name = nt.slice((m.start, m.end))
    kept = [m for n, m in enumerate(mentions) if n not in suppressed] if suppressed else mentions
    kept += found
    people = _people(kept)
    links: list[_M] = []
    _resolve_pending(pending, people, links)
    kept += links
    kept += _surname_pass(toks, norm, people, kept)
    kept += _anaphor_pass(toks, norm, kept)
    kept += _home_pass(toks, norm, kept)
    kept = _drop_suppressed_inner(kept, links)
    kept = _institution_pass(nt, toks, hits, titles, kept)
    _affiliations(nt, kept)
    kept.sort(key=attrgetter("start", "end"))
    return _MENTIONS.validate_python(_mention_fields(nt, kept))


def _affiliations(nt: NormalisedText, kept: list[_M]) -> None:
    """Give each minister, and every mention of the same person, the ministry the title
    names (وزير الخارجية الروسي → Ministry of Foreign Affairs of Russia, as the gazetteer
    calls it; وزير التربية الوطنية → Ministry of National Education of the person's or the
    article's country)."""
    found: dict[str, str] = {}
    home: list[str | None] = []
    for m in kept:
        if m.kind != "person" or m.title_span is None or m.name in found:
            continue
        if ministry_phrase(m.title_key or "") is None:  # no minister (cached, cheap)
            continue
        phrase = ministry_phrase(_DIACRITICS.sub("", nt.slice(m.title_span)))
        if phrase is None:
            continue
        name, full = _ministry_named(phrase)
        if name is None:
            continue
        if not full:
            country = m.country or _country_of_person(m.name)
            if country is None:
                if not home:
                    home.append(_home(kept))
                country = home[0]
            if country is None:
                continue
            name = f"{name} ({country})"
        found[m.name] = name
    if found:
        for m in kept:
            if m.kind == "person" and m.name in found:
                m.affiliation = found[m.name]


@lru_cache(maxsize=1024)
def _ministry_named(phrase: str) -> tuple[str | None, bool]:
    """The canonical name of the ministry ``phrase`` names, and whether it holds its country
    (a gazetteer entry, or a demonym in the phrase): ``(None, False)`` when none."""
    for m in find_actors(phrase):
        if m.kind == "organization" and m.span[0] == 0:
            # an English name holds its country only with a demonym; an Arabic one never
            english = m.name.isascii()
            return m.name, m.via != "institution" or not english or m.name.endswith(")")
    return None, False


def title_words() -> frozenset[str]:
    """The normalised words that make up titles (heads, modifiers, anaphors, counterparts).

    >>> "العام" in title_words()
    True
    """
    return _index().title_words


def is_counterpart_title(title: str) -> bool:
    """Whether a title opens with "counterpart" (نظيره الأردني، نظيرته): its pronoun points
    back at someone named before."""
    words = normalise_key(title).split()
    return bool(words) and any(words[0].startswith(h) for h in _titles().counterpart)


def title_honorifics() -> frozenset[str]:
    """The normalised words of address and ranks that may open a name (الدكتور، العميد)."""
    return _titles().honorifics


def _country_of_person(name: str) -> str | None:
    """The country of a gazetteer person."""
    entry = _index().by_name.get(name)
    return _index().entries[entry].country if entry is not None else None


def _institution_pass(
    nt: NormalisedText, toks: _Toks, hits: Sequence[_Hit], titles: list[_Title], kept: list[_M]
) -> list[_M]:
    """``kept`` with the institutions found by their shape (:mod:`timeline.institutions`):
    a demonym or place inside one becomes its country; those inside a title or a name found
    so far are left out; a bare definite head (الوزارة) refers to the last one with that
    head. An institution with no country of its own takes the article's (:func:`_home`)."""
    idx = _index()
    by_token: dict[int, Hit] = {}
    for h in hits:
        e = idx.entries[h.entry]
        what = "demonym" if h.via == "demonym" else "place" if e.is_place else "other"
        # a demonym names its country, or its body (الأممية: the United Nations)
        named = _country_of(idx, h) or (e.name if what == "demonym" else None)
        by_token[h.i] = (h.j, what, named)
    norm = nt.text
    found = find_institutions(toks.text, lambda k: _joined(norm, toks, k), by_token)
    if not found:
        return kept
    taken = [(t.start, t.end) for t in titles] + [
        (m.start, m.end)
        for m in kept
        if m.via not in ("demonym", "gazetteer") or m.kind == "person"
    ]
    home: list[str | None] = []  # computed once, when needed
    last: dict[str, _M] = {}
    out: list[_M] = []
    title_ends = {t.j for t in titles}
    for x in found:
        start, end = toks.start[x.i] + x.offset, toks.end[x.j - 1]
        if _overlaps(taken, start, end):
            continue
        if x.i in title_ends and toks.text[x.i][x.offset - 1 : x.offset] == "ب":
            continue  # وزير الدولة بوزارة الخارجية: where the titled person works
        if x.refers:
            before = last.get(x.head) or _named_before(norm, kept, start, "ال" + x.head)
            if before is not None:
                out.append(
                    _M(start, end, before.name, before.kind, "coreference", country=before.country)
                )
            elif stands_for_home(x.head):  # فرقت الشرطة المتظاهرين: the article's country's
                if not home:
                    home.append(_home(kept))
                if home[0] is not None:
                    out.append(_M(start, end, home[0], "country", "metonym"))
            continue
        country = x.country
        if country is None:
            if not home:
                home.append(_home(kept))
            country = home[0]
            words = [toks.text[x.i][x.offset :], *toks.text[x.i + 1 : x.j]]
            known = _known_with_demonym(" ".join(words), country) if country else None
            if known is not None:  # مجلس الوزراء in a Saudi article: مجلس الوزراء السعودي
                m = _from_hit(_Hit(x.i, x.j, start, end, (known,), "gazetteer", known))
                last[x.head] = m
                out.append(m)
                continue
        if x.name is not None:
            name = f"{x.name} ({country})" if country and not x.full else x.name
        else:
            name = _DIACRITICS.sub("", nt.slice((start, end)))
            name = "ا" + name if x.lam else name  # للمديرية العامة → المديرية العامة
        m = _M(
            start,
            end,
            name,
            "group" if x.kind == "group" else "organization",
            "institution",
            country=country,
        )
        last[x.head] = m
        out.append(m)
    if not out:
        return kept
    dropped = [(m.start, m.end) for m in out if m.via == "institution"]
    # a demonym or place inside an institution is its country, no mention of its own
    rest = [
        m
        for m in kept
        if not (
            (m.via == "demonym" or (m.via == "gazetteer" and m.kind in ("country", "location")))
            and _inside(dropped, m.start, m.end)
        )
    ]
    return rest + out


_DIACRITICS = regex.compile(r"[\p{Mn}\u0640]+")


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether ``(a, b)`` overlaps one of ``spans``."""
    return any(s < b and a < e for s, e in spans)


def _named_before(norm: str, kept: Sequence[_M], start: int, head: str) -> _M | None:
    """The last body named before ``start`` whose name opens with ``head`` without its
    article (مجلس التعاون الخليجي ... المجلس: the council again), within 600 characters."""
    bare = head[2:]
    found = [
        m
        for m in kept
        if m.end <= start
        and start - m.end <= 600
        and m.kind in ("organization", "group")
        and norm.startswith(bare + " ", m.start)
    ]
    return max(found, key=attrgetter("start")) if found else None


@lru_cache(maxsize=4096)
def _known_with_demonym(key: str, country: str) -> int | None:
    """The gazetteer entry named by institution ``key`` (normalised) followed by a definite
    demonym of ``country``, when exactly one entry has that alias."""
    idx = _index()
    at = idx.by_name.get(country)
    if at is None:
        return None
    for demonym in idx.entries[at].demonyms:
        if demonym.startswith("ال"):
            owners = idx.owners.get(f"{key} {demonym}")
            if owners is not None and len(owners) == 1:
                return owners[0]
    return None


def _home(kept: Sequence[_M]) -> str | None:
    """The article's own country: the one its mentions name most (countries, demonyms,
    metonyms and the countries of places and people), when no other is named as often."""
    counts: Counter[str] = Counter()
    for m in kept:
        if m.kind == "country":
            counts[m.name] += 1
        elif m.country:
            counts[m.country] += 1
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


@lru_cache(maxsize=4096)
def place_country(name: str) -> str | None:
    """The country of the gazetteer place or country named ``name``.

    >>> place_country("Kirkuk"), place_country("Iraq"), place_country("Vladimir Putin")
    ('Iraq', 'Iraq', None)
    """
    idx = _index()
    k = idx.by_name.get(name)
    if k is None:
        return None
    e = idx.entries[k]
    if e.kind == "country":
        return e.name
    return e.country if e.kind == "location" else None


@lru_cache(maxsize=4096)
def names_its_country(text: str, country: str) -> bool:
    """Whether the words ``text`` of an institution name its ``country`` (a demonym or the
    country's name among them).

    >>> names_its_country("قوات الأمن العراقية", "Iraq"), names_its_country("وزارة الصحة", "Iraq")
    (True, False)
    """
    idx = _index()
    k = idx.by_name.get(country)
    if k is None:
        return False
    e = idx.entries[k]
    words = set(normalise_key(text).split())
    return not words.isdisjoint(e.demonyms) or not words.isdisjoint(e.aliases)


def _drop_suppressed_inner(kept: list[_M], links: list[_M]) -> list[_M]:
    """Remove country/demonym mentions that sit inside an anaphoric title."""
    if not links:
        return kept
    spans = [(m.start, m.end) for m in links]
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)  # most mentions lie outside
    return [
        m
        for m in kept
        if m.end <= lo
        or hi <= m.start
        or m.via == "coreference"
        or m.kind == "person"
        or not _inside(spans, m.start, m.end)
    ]


_MENTIONS = TypeAdapter(list[ActorMention])
"""Validates a text's mentions in one call, much faster than model by model."""


def _mention_fields(nt: NormalisedText, kept: list[_M]) -> list[dict[str, object]]:
    """The fields of the :class:`ActorMention` of each of ``kept``, with spans into the
    original text (``nt.span`` of each: the spans are never empty)."""
    starts = origins(nt, [m.start for m in kept])
    ends = origins(nt, [m.end for m in kept])
    return [
        {
            "name": m.name,
            "kind": m.kind,
            "text": nt.original[a:b],
            "span": (a, b),
            "title": nt.slice(m.title_span) if m.title_span is not None else None,
            "country": m.country,
            "via": m.via,
            "affiliation": m.affiliation,
        }
        for m, a, b in zip(kept, starts, ends, strict=True)
    ]


# --------------------------------------------------------------------------- lookups


def _lookup_index(name_or_alias: str, person: bool = False) -> int | None:
    idx = _index()
    hit = idx.by_name.get(name_or_alias) or idx.by_name.get(name_or_alias.casefold())
    if hit is not None:
        return hit
    key = normalise_key(name_or_alias)
    owners = idx.owners.get(key)
    if owners and (not person or idx.entries[owners[0]].kind == "person"):
        return owners[0]
    return _fuzzy_alias(key, person)


@lru_cache(maxsize=4096)
def _fuzzy_alias(key: str, person: bool) -> int | None:
    if len(key) < 5:
        return None
    idx = _index()
    best: tuple[float, int] | None = None
    for alias, owners in idx.owners.items():
        e = idx.entries[owners[0]]
        if person and e.kind != "person":
            continue
        if alias[0] != key[0] or min(len(alias), len(key)) / max(len(alias), len(key)) < 0.75:
            continue
        score = fuzz.ratio(alias, key, score_cutoff=88)
        if score and (best is None or score > best[0]):
            best = (score, owners[0])
    return None if best is None else best[1]


def _actor(e: GazetteerEntry) -> Actor:
    aliases = tuple(dict.fromkeys((e.ar, *e.aliases)))
    return Actor(name=e.name, kind=e.kind, aliases=aliases, country=e.country, qid=e.qid)


def lookup(name_or_alias: str) -> Actor | None:
    """The gazetteer actor for a canonical name or an Arabic alias (exact, then guarded fuzzy).

    >>> lookup("الكرملين").name
    'Kremlin'
    >>> lookup("سيرغي لافروف").name
    'Sergey Lavrov'
    """
    if not name_or_alias.strip():
        return None
    hit = _lookup_index(name_or_alias.strip())
    return None if hit is None else _actor(_index().entries[hit])


def same_actor(a: str, b: str) -> bool:
    """Whether two canonical names denote the same actor (for unknown people found by title).

    >>> same_actor("ألبرتو ألفاريز", "البرتو الفاريز كاساس")
    True
    """
    ka, kb = normalise_key(a).casefold(), normalise_key(b).casefold()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    ia, ib = _lookup_index(a), _lookup_index(b)
    if ia is not None and ib is not None:
        return ia == ib
    ta, tb = ka.split(), kb.split()
    if ta[0] != tb[0] and ta[-1] != tb[-1]:
        return False
    if min(len(ta), len(tb)) >= 2 and fuzz.token_set_ratio(ka, kb) >= 95:
        return True
    return fuzz.token_sort_ratio(ka, kb) >= 90


def find_places(text: str) -> list[tuple[tuple[int, int], str]]:
    """Places named in ``text`` (countries, cities, seas, regions) with canonical names.

    >>> [n for _, n in find_places("وصل إلى موسكو عبر البحر الكاريبي")]
    ['Moscow', 'Caribbean Sea']
    """
    if not text:
        return []
    nt, _, hits = _scan(text)
    idx = _index()
    out: list[tuple[tuple[int, int], str]] = []
    for h in hits:
        e = idx.entries[h.entry]
        if h.via != "demonym" and e.is_place:
            out.append((nt.span((h.start, h.end)), e.name))
    return out


def actors_of(mentions: Sequence[ActorMention]) -> list[Actor]:
    """One :class:`Actor` per distinct canonical name behind ``mentions``, in order of appearance.

    >>> [a.name for a in actors_of(find_actors("التقى بوتين مادورو في الكرملين"))]
    ['Vladimir Putin', 'Nicolás Maduro', 'Russia']
    """
    groups: dict[str, list[ActorMention]] = {}
    for m in mentions:
        groups.setdefault(m.name, []).append(m)
    anaphors = _titles().anaphors
    return _ACTORS.validate_python(
        [_actor_fields(name, ms, anaphors) for name, ms in groups.items()]
    )


_ACTORS = TypeAdapter(list[Actor])
"""Validates a text's actors in one call, faster than model by model."""


def _actor_fields(name: str, ms: list[ActorMention], anaphors: frozenset[str]) -> dict[str, object]:
    """The fields of the :class:`Actor` named ``name`` behind mentions ``ms``."""
    idx = _index()
    entry_i = idx.by_name.get(name)
    e = idx.entries[entry_i] if entry_i is not None else None
    seen = [
        m.text
        for m in ms
        if m.via != "demonym"
        and not (m.via == "coreference" and (m.title or normalise_key(m.text) in anaphors))
    ]
    known = _known_aliases(entry_i) if entry_i is not None else ()
    country = next((m.country for m in ms if m.country), None) or (e.country if e else None)
    return {
        "name": name,
        "kind": e.kind if e is not None else ms[0].kind,
        "aliases": _unique([*seen, *known]),
        "country": country,
        "titles": _unique([m.title for m in ms if m.title]),
        "qid": e.qid if e is not None else None,
        "known": e is not None,
    }


@lru_cache(maxsize=65536)
def _known_aliases(entry: int) -> tuple[str, ...]:
    """The Arabic forms of gazetteer entry ``entry``: its display form, then its aliases."""
    e = _index().entries[entry]
    return _unique([e.ar, *e.aliases])


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
