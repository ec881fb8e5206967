"""Agreements: treaties, partnerships and memoranda as first-class objects.

Agreement nouns (``agreements.json``: اتفاقية، معاهدة، مذكرة تفاهم، شراكة استراتيجية ...) are
found on the tokens prepared by :func:`timeline.events.analyse`. For each one the engine reads
its parties (the countries of the actors in its clause, or of its sentence, or - for
"الشراكة بين البلدين" - of the sentence before), its milestones (stage words and AGREE events
of the clause, dated like events), its domains and the clauses stated present or absent. The
mentions of one article with the same parties and a compatible kind become one
:class:`~timeline.models.Agreement`.

>>> from timeline.models import ActorMention, Article
>>> text = "وقعت روسيا وفنزويلا اتفاقية شراكة استراتيجية في مجالات الطاقة والتعدين"
>>> art = Article(id="a", text=text, segments=((0, len(text)),))
>>> ms = [ActorMention(name="Russia", kind="country", text="روسيا", span=(5, 10)),
...       ActorMention(name="Venezuela", kind="country", text="فنزويلا", span=(12, 19))]
>>> from timeline.events import find_events
>>> ag = find_events(art, [], ms)[1][0]
>>> (ag.parties, ag.domains, [m.stage for m in ag.milestones])
(('Russia', 'Venezuela'), ('energy', 'mining'), ['signed'])
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import get_args

from . import lexicon
from .events import (
    Doc,
    EventDraft,
    Token,
    Trigger,
    _clause_time,
    _country_of,
    _event_date,
    _grammar,
    _phrase_at,
    _pick_time,
    _publication_date,
    inflect_verb,
)
from .models import (
    Agreement,
    AgreementMention,
    Clause,
    EventDate,
    Milestone,
    MilestoneStage,
    Span,
)
from .schemas import AgreementLexicon, Morphology, TriggerLexicon
from .text import normalise_key

__all__ = ["AgreementLexicon", "find_agreements"]


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Compiled:
    lex: AgreementLexicon
    nouns: dict[str, list[tuple[Phrase, str]]]
    stages: dict[str, list[tuple[Phrase, MilestoneStage]]]
    domains: dict[str, list[tuple[Phrase, str]]]
    clauses: dict[str, list[tuple[Phrase, str]]]
    stop: frozenset[str]
    intent: frozenset[str]


def _index(pairs: Sequence[tuple[str, str]]) -> dict[str, list[tuple[Phrase, str]]]:
    out: dict[str, list[tuple[Phrase, str]]] = {}
    for text, value in pairs:
        ph = tuple(normalise_key(text).split())
        if ph:
            out.setdefault(ph[0], []).append((ph, value))
    for bucket in out.values():
        bucket.sort(key=lambda p: -len(p[0]))
    return out


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    lex = lexicon.load("agreements", AgreementLexicon)
    morph: Morphology = lexicon.load("triggers", TriggerLexicon).morphology
    stage_pairs: list[tuple[str, str]] = []
    for st in lex.stages:
        stage_pairs.extend((w, st.stage) for w in st.words)
        for past, present in st.verbs:
            stage_pairs.extend((f, st.stage) for f, _ in inflect_verb(past, present, morph))
    stages = _index(stage_pairs)
    return _Compiled(
        lex=lex,
        nouns=_index([(n.phrase, n.kind) for n in lex.nouns]),
        stages={k: [(p, v) for p, v in b] for k, b in stages.items()},  # type: ignore[misc]
        domains=_index([(w, d.key) for d in lex.domains for w in d.words]),
        clauses=_index([(p, c.kind) for c in lex.clauses for p in c.phrases]),
        stop=frozenset(normalise_key(w) for w in lex.np_stop),
        intent=frozenset(normalise_key(w) for w in lex.intent_words),
    )


def _match(doc: Doc, i: int, table: dict[str, list[tuple[Phrase, str]]]) -> tuple[int, str] | None:
    """Longest phrase of ``table`` starting at token ``i``: (its length, its value)."""
    vs = doc.tokens[i].vars
    if table.keys().isdisjoint(vs):
        return None
    for v in vs:
        for ph, value in table.get(v, ()):
            if len(ph) == 1 or _phrase_at(doc, i, ph):
                return len(ph), value
    return None


@dataclass(slots=True)
class _AgMention:
    tok: int
    last: int
    kind: str
    family: str
    name: str
    span: Span
    parties: list[str]
    coref: bool = False
    milestones: list[Milestone] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)


def _candidates(doc: Doc, table: dict[str, list[tuple[Phrase, str]]]) -> list[int]:
    """The tokens where a phrase of ``table`` may start (one of their variants opens one)."""
    keys = table.keys()
    return [t.i for t in doc.tokens if not keys.isdisjoint(t.vars)]


def _negated_before(doc: Doc, i: int, reach: int) -> bool:
    gram = _grammar()
    c = doc.clause_of[i]
    for j in range(i - 1, max(i - reach - 1, -1), -1):
        if doc.clause_of[j] != c:
            break
        key = doc.tokens[j].key
        bare = key[1:] if key[:1] in "وف" and len(key) > 3 else key
        if key in gram.negators or bare in gram.negators:
            return True
    return False


def _name(doc: Doc, i: int, last: int) -> tuple[str, Span]:
    comp = _compiled()
    text = doc.article.text
    end = last
    quoted = False
    j = last + 1
    while j < len(doc.tokens) and j - last <= 5:
        tok, gap = doc.tokens[j], doc.gap(j)
        if doc.clause_of[j] != doc.clause_of[last]:
            break
        if '"' in gap:
            if quoted:
                break
            quoted = True
        elif not quoted and (
            any(v in comp.stop for v in tok.vars)
            or tok.key in _grammar().negators
            or tok.key[1:] in _grammar().negators
            or j - last > 3
            or any(c in gap for c in ".،,")
        ):
            break
        end = j
        j += 1
        if quoted and j < len(doc.tokens) and '"' in doc.gap(j):
            break
    a, b = doc.tokens[i].span[0], doc.tokens[end].span[1]
    if quoted and b < len(text) and text[b] in "”»\"'":
        b += 1
    a += _proclitic_length(text, a, doc.tokens[i])
    return text[a:b], (a, b)


@lru_cache(maxsize=1)
def _proclitic_letters() -> frozenset[str]:
    """The conjunctions and prepositions that can be written on a word (و، ف، ب، ل، ك)."""
    morph = lexicon.load("triggers", TriggerLexicon).morphology
    return frozenset(morph.conjunctions + morph.prepositions)


def _proclitic_length(text: str, a: int, tok: Token) -> int:
    """Characters of the proclitics (و، ف، ب، ل، ك) before the noun that opens a name at ``a``
    (باتفاقية جدة → اتفاقية جدة، بالاتفاقية → الاتفاقية; the article stays)."""
    nouns = _compiled().nouns
    cuts = [
        len(tok.key) - len(v)
        for v in tok.vars[1:]
        if tok.key.endswith(v)
        and 0 < len(tok.key) - len(v) <= 2
        and all(c in _proclitic_letters() for c in tok.key[: len(tok.key) - len(v)])
    ]
    # the form the lexicon knows decides (ولاتفاقية → اتفاقية, not لاتفاقية)
    known = [len(tok.key) - len(v) for v in tok.vars[1:] if v in nouns]
    n = max((c for c in cuts if c in known), default=cuts[0] if cuts else 0)
    k = a
    while n and k < len(text):  # skip n letters (and the marks on them) of the original
        k += 1
        n -= text[k - 1].isalpha()
        while k < len(text) and not text[k].isalpha() and not text[k].isspace():
            k += 1
    return k - a


def _countries(doc: Doc, lo: int, hi: int, skip: frozenset[int] = frozenset()) -> list[str]:
    out: list[str] = []
    for k, (a, _) in enumerate(doc.mention_tok):
        if lo <= a <= hi and k not in skip:
            c = _country_of(doc.mentions[k])
            if c and c not in out:
                out.append(c)
    return out


def _sentence_bounds(doc: Doc, sent: int) -> tuple[int, int]:
    return doc.sent_bounds.get(sent, (0, -1))


def _scope(doc: Doc, i: int) -> tuple[int, int]:
    c = doc.clause_of[i]
    cl = doc.clauses[c]
    last = cl.last
    if c + 1 < len(doc.clauses):
        nxt = doc.clauses[c + 1]
        if nxt.sent == cl.sent and nxt.opener == "relative":
            last = nxt.last
    return cl.first, last


def _named_after(doc: Doc, span: Span) -> frozenset[int]:
    """The mentions of places inside an agreement's name (اتفاق باريس، اتفاقية جدة): the
    city names the agreement, it is no party."""
    a, b = span
    return frozenset(
        k
        for k, m in enumerate(doc.mentions)
        if a <= m.span[0] and m.span[1] <= b and (m.via == "metonym" or m.kind == "location")
    )


def _parties(
    doc: Doc, i: int, scope: tuple[int, int], skip: frozenset[int] = frozenset()
) -> tuple[list[str], bool]:
    """Countries party to the agreement named at token ``i``, and whether it is anaphoric
    (``skip``: mentions that are no party, see :func:`_named_after`)."""
    gram = _grammar()
    parties = _countries(doc, *scope, skip)
    if len(parties) >= 2:
        return parties, False
    sent = doc.tokens[i].sent
    lo, hi = _sentence_bounds(doc, sent)
    wider = _countries(doc, lo, hi, skip)
    pair = any(_has_any(doc, j, gram.pair) for j in range(scope[0], scope[1] + 1))
    if pair and len(wider) > 2:
        return _nearest_two(doc, i, lo), False
    if len(wider) >= 2:
        return wider, False
    if pair and sent > 0:
        plo, phi = _sentence_bounds(doc, sent - 1)
        prev = _countries(doc, plo, phi, skip) if phi >= plo else []
        merged = wider + [p for p in prev if p not in wider]
        if len(merged) >= 2:
            return merged[:2] if len(merged) > 2 else merged, False
    return wider, not wider


def _nearest_two(doc: Doc, i: int, lo: int) -> list[str]:
    """The two countries named closest before token ``i`` (for "بين البلدين")."""
    out: list[str] = []
    for k in sorted(range(len(doc.mentions)), key=lambda k: -doc.mention_tok[k][0]):
        a = doc.mention_tok[k][0]
        c = _country_of(doc.mentions[k])
        if lo <= a < i and c and c not in out:
            out.append(c)
        if len(out) == 2:
            break
    return out[::-1]


def _has_any(doc: Doc, j: int, keys: frozenset[str]) -> bool:
    return any(v in keys for v in doc.tokens[j].vars)


def _stage_date(
    doc: Doc, j: int, stage: MilestoneStage, events: Sequence[EventDraft] = ()
) -> EventDate | None:
    tr = Trigger(j, j, -1, "AGREE", None, "noun", "noun")
    c = doc.clause_of[j]
    t = _pick_time(doc, c, tr)
    if t is None:
        t, _ = _clause_time(doc, c)
    if t is not None:
        return _event_date(t)
    pos = doc.tokens[j].span[0]
    for ev in events:  # the event of this very word, dated by the narration (وعقب المباحثات)
        if ev.trig_span[0] <= pos < ev.trig_span[1] and ev.date_basis == "inferred":
            return ev.date
    if doc.article.published is not None and stage in ("signed", "ratified", "in_force"):
        return _publication_date(doc.article.published)
    return None


_EVENT_STAGE: dict[str, MilestoneStage] = {
    "sign": "signed",
    "conclude": "signed",
    "ratify": "ratified",
    "agree": "agreed",
}


def _intended(doc: Doc, j: int, stage: str) -> bool:
    """Whether a signature, ratification or entry into force at token ``j`` is only intended
    (اتفقت روسيا وإيران على توقيع معاهدة، تستعد الدولتان لتوقيع اتفاقية)."""
    if stage not in ("signed", "ratified", "in_force"):
        return False
    comp = _compiled()
    c = doc.clause_of[j]
    for k in range(j - 1, max(j - 1 - comp.lex.intent_window, -1), -1):
        if doc.clause_of[k] != c:
            break
        if not comp.intent.isdisjoint(doc.tokens[k].vars):
            return True
    return False


def _milestones(
    doc: Doc, scope: tuple[int, int], events: Sequence[EventDraft], noun: int | None = None
) -> list[Milestone]:
    comp = _compiled()
    art = doc.article
    out: list[Milestone] = []
    lo, hi = scope
    span = (doc.tokens[lo].span[0], doc.tokens[hi].span[1])
    evidence = art.text[span[0] : span[1]]
    seen: set[str] = set()
    j = lo
    while j <= hi:
        hit = _match(doc, j, comp.stages)  # type: ignore[arg-type]
        if hit is None or _negated_before(doc, j, 2) or _intended(doc, j, hit[1]):
            j += 1
            continue
        n, stage = hit
        if stage not in seen:
            seen.add(stage)
            date = _stage_date(doc, j, stage, events)  # type: ignore[arg-type]
            out.append(
                Milestone(
                    stage=stage,
                    date=date,
                    article=art.id,
                    evidence=evidence,
                    span=span,
                )
            )
        j += n
    for ev in events:
        stage_e = _EVENT_STAGE.get(ev.mode or "")
        if ev.type != "AGREE" or stage_e is None or ev.negated or ev.hypothetical:
            continue
        if _intended(doc, doc.tok_at(ev.trig_span[0]), stage_e):
            continue
        if stage_e in seen or not (
            span[0] <= ev.span[0] < span[1]
            or (noun is not None and _object_of(doc, ev.trig_span, noun))
        ):
            continue
        seen.add(stage_e)
        date = ev.date if ev.date.value is not None else None
        out.append(
            Milestone(stage=stage_e, date=date, article=art.id, evidence=ev.evidence, span=ev.span)
        )
    return out


def _object_of(doc: Doc, trig: Span, i: int) -> bool:
    """Whether the agreement noun at token ``i`` is the object of the trigger at ``trig``.

    The trigger is in the same sentence, before the noun, with no other agreement noun
    between them (وقعت مصر والسعودية، اليوم الثلاثاء، اتفاقية للربط الكهربائي).
    """
    if trig == (0, 0) or trig[1] > doc.tokens[i].span[0]:
        return False
    t = doc.tok_at(trig[0])
    if doc.tokens[t].sent != doc.tokens[i].sent:
        return False
    nouns = _compiled().nouns
    return all(_match(doc, j, nouns) is None for j in range(t + 1, i))


def _domains(doc: Doc, i: int) -> list[str]:
    comp = _compiled()
    text = doc.article.text
    sent = doc.tokens[i].sent
    last_sent = sent
    while (
        doc.sentences[last_sent][1] <= len(text) and text[doc.sentences[last_sent][1] - 1] == ":"
    ) or (
        last_sent > sent
        and last_sent + 1 < len(doc.sentences)
        and text[doc.sentences[last_sent + 1][0]] in "-•*"
    ):
        if (
            last_sent + 1 >= len(doc.sentences)
            or text[doc.sentences[last_sent + 1][0]] not in "-•*"
        ):
            break
        last_sent += 1
    out: list[str] = []
    j = i
    while j < len(doc.tokens) and doc.tokens[j].sent <= last_sent:
        hit = _match(doc, j, comp.domains)
        if hit is None:
            j += 1
            continue
        n, key = hit
        if key not in out:
            out.append(key)
        j += n
    return out


def _clause_statements(doc: Doc) -> list[tuple[int, Clause]]:
    comp = _compiled()
    art = doc.article
    out: list[tuple[int, Clause]] = []
    j = 0
    for j0 in _candidates(doc, comp.clauses):
        if j0 < j:
            continue
        j = j0
        hit = _match(doc, j, comp.clauses)
        if hit is None:
            j += 1
            continue
        n, kind = hit
        present = not _negated_before(doc, j, 8)
        a, b = doc.clause_span(doc.clause_of[j])
        out.append((j, Clause(kind=kind, present=present, article=art.id, evidence=art.text[a:b])))
        j += n
    return out


def _attach_clauses(doc: Doc, mentions: list[_AgMention]) -> None:
    for j, clause in _clause_statements(doc):
        sent = doc.tokens[j].sent
        same = [m for m in mentions if doc.tokens[m.tok].sent == sent]
        before = [m for m in same if m.tok <= j]
        target: _AgMention | None = None
        if before:
            target = before[-1]
        elif same:
            target = same[0]
        else:
            prev = [m for m in mentions if m.tok < j and sent - doc.tokens[m.tok].sent <= 4]
            target = prev[-1] if prev else None
        if target is not None:
            target.clauses.append(clause)


def _find_mentions(doc: Doc, events: Sequence[EventDraft]) -> list[_AgMention]:
    comp = _compiled()
    inside = [False] * len(doc.tokens)
    for a, b in doc.mention_tok:
        for j in range(a, b + 1):
            inside[j] = True
    found: list[_AgMention] = []
    j = 0
    for j0 in _candidates(doc, comp.nouns):
        if j0 < j:
            continue
        j = j0
        hit = None if inside[j] else _match(doc, j, comp.nouns)
        if hit is None or _negated_before(doc, j, 1):
            j += 1
            continue
        n, kind = hit
        last = j + n - 1
        name, span = _name(doc, j, last)
        scope = _scope(doc, j)
        parties, coref = _parties(doc, j, scope, _named_after(doc, span))
        family = comp.lex.families.get(kind, kind)
        m = _AgMention(j, last, kind, family, name, span, parties, coref)
        m.milestones = _milestones(doc, scope, events, j)
        m.domains = _domains(doc, j)
        found.append(m)
        j = last + 1
    return found


@dataclass(slots=True)
class _Group:
    parties: list[str]
    family: str
    members: list[_AgMention]


def _dates_clash(a: _AgMention, b: _AgMention) -> bool:
    """Whether two mentions date one milestone apart (signed 2014-01 / signed 2025-03-11):
    two agreements of the same parties, not one."""
    for x in a.milestones:
        for y in b.milestones:
            if x.stage != y.stage or x.date is None or y.date is None:
                continue
            u, v = x.date.value or "", y.date.value or ""
            if u and v and not (u.startswith(v) or v.startswith(u)):
                return True
    return False


def _group(mentions: list[_AgMention]) -> list[_Group]:
    groups: list[_Group] = []
    for m in mentions:
        if len(m.parties) < 2:
            continue
        for g in groups:
            if (
                g.family == m.family
                and set(g.parties) == set(m.parties)
                and not any(_dates_clash(x, m) for x in g.members)
            ):
                g.members.append(m)
                break
        else:
            groups.append(_Group(list(m.parties), m.family, [m]))
    for m in mentions:
        if len(m.parties) >= 2:
            continue
        cands = [
            g
            for g in groups
            if g.family == m.family
            and set(m.parties) <= set(g.parties)
            and not any(_dates_clash(x, m) for x in g.members)
        ]
        if not cands:
            continue

        def distance(g: _Group, m: _AgMention = m) -> int:
            return min(abs(x.tok - m.tok) for x in g.members)

        best = min(cands, key=distance)
        if not m.parties and not m.coref:
            continue
        best.members.append(m)
    return groups


_STAGE_ORDER: dict[str, int] = {s: k for k, s in enumerate(get_args(MilestoneStage))}


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")


def agreement_id(parties: Sequence[str], family: str) -> str:
    """Stable id of an agreement from its parties and kind family.

    >>> agreement_id(["Venezuela", "Russia"], "pact")
    'russia-venezuela-pact'
    """
    base = "-".join(_slug(p) for p in sorted(parties)) + "-" + family
    if len(base) > 80:
        base = base[:60] + "-" + hashlib.sha1(base.encode()).hexdigest()[:8]
    return base


def _agreement(doc: Doc, g: _Group) -> Agreement:
    art = doc.article
    members = sorted(g.members, key=lambda m: m.tok)
    names: list[str] = []
    domains: list[str] = []
    for m in members:
        if m.name not in names:
            names.append(m.name)
        domains.extend(d for d in m.domains if d not in domains)
    ms: dict[tuple[str, str | None], Milestone] = {}
    for m in members:
        for mi in m.milestones:
            ms.setdefault((mi.stage, mi.date.value if mi.date else None), mi)
    dated = {stage for stage, value in ms if value is not None}
    milestones = sorted(
        (mi for (stage, value), mi in ms.items() if value is not None or stage not in dated),
        key=lambda mi: _STAGE_ORDER.get(mi.stage, 99),
    )
    votes: dict[str, Counter[bool]] = {}
    first: dict[tuple[str, bool], Clause] = {}
    for m in members:
        for c in m.clauses:
            votes.setdefault(c.kind, Counter())[c.present] += 1
            first.setdefault((c.kind, c.present), c)
    clauses = []
    for kind, counter in votes.items():
        present = counter[True] > counter[False]
        clauses.append(first[(kind, present)])
    order = _compiled().lex.kind_priority
    kinds = sorted(
        {m.kind for m in members},
        key=lambda k: order.index(k) if k in order else len(order),
    )
    return Agreement(
        id=agreement_id(g.parties, g.family),
        names=tuple(names),
        kind=kinds[0],
        parties=tuple(g.parties),
        domains=tuple(domains),
        milestones=tuple(milestones),
        clauses=tuple(clauses),
        mentions=tuple(
            AgreementMention(article=art.id, evidence=m.name, span=m.span) for m in members
        ),
    )


def find_agreements(doc: Doc, events: Sequence[EventDraft]) -> list[Agreement]:
    """The agreements of an analysed article (see :func:`timeline.events.find_events`)."""
    mentions = _find_mentions(doc, events)
    if not mentions:
        return []
    _attach_clauses(doc, mentions)
    found = [a for a in (_agreement(doc, g) for g in _group(mentions)) if not _descriptive(a)]
    return _distinct_ids(found)


def _distinct_ids(found: list[Agreement]) -> list[Agreement]:
    """Two agreements of the same parties and kind (a 2014 defence pact, the 2025 memoranda)
    keep distinct ids: the later ones take the date of their first dated milestone."""
    seen: set[str] = set()
    out: list[Agreement] = []
    for ag in found:
        aid = ag.id
        if aid in seen:
            dated = [m.date.value for m in ag.milestones if m.date is not None and m.date.value]
            aid = f"{ag.id}-{_slug(dated[0]) if dated else len(out)}"
            k = 2
            while aid in seen:
                aid, k = f"{ag.id}-{k}", k + 1
            ag = ag.model_copy(update={"id": aid})
        seen.add(aid)
        out.append(ag)
    return out


def _descriptive(ag: Agreement) -> bool:
    """An alliance named only in passing (التحالف التاريخي بين البلدين): no stage, no clause.

    A relationship called an alliance is no agreement unless something happens to it (a
    signature, a ratification ...) or its content is stated (mutual defence ...).
    """
    return ag.kind == "alliance" and not ag.milestones and not ag.clauses
