"""Events: who did what to whom, when, from trigger words found by dictionary lookup.

The engine reads three data files: ``triggers.json`` (trigger words, PLOVER type and mode,
with a small morphology that inflects verb stems and verbal nouns), ``events.json`` (clause
boundaries, prepositions, negation and modality words) and ``agreements.json`` (see
:mod:`timeline.agreements`). The text is normalised and cut into sentences, clauses and
tokens; each token is looked up (clitics stripped) in a dictionary of inflected forms, then
arguments (agent, target, location), a date and negation / modality are read off the clause.

>>> import datetime as dt
>>> from timeline.models import ActorMention, Article
>>> text = "زار الرئيس المصري القاهرة"
>>> art = Article(id="a", text=text, segments=((0, len(text)),), published=dt.datetime(2025, 3, 2))
>>> m = [ActorMention(name="Egypt", kind="country", text="المصري", span=(11, 17))]
>>> ev, _ = find_events(art, [], m)
>>> (ev[0].type, ev[0].mode, ev[0].agents, ev[0].date.value, ev[0].date_basis)
('CONSULT', 'visit', ('Egypt',), '2025-03-02', 'publication')
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, pairwise, repeat
from operator import and_, attrgetter
from typing import Literal, NamedTuple

from pydantic import TypeAdapter

from . import lexicon
from .actors import (
    is_counterpart_title,
    names_its_country,
    place_country,
    title_honorifics,
    title_words,
)
from .models import (
    ActorKind,
    ActorMention,
    ActorRole,
    Agreement,
    Article,
    Event,
    EventActor,
    EventDate,
    EventType,
    Span,
    TimeExpression,
)
from .reader import visible_text
from .schemas import EventGrammar, ModeModifier, Morphology, TriggerLexicon
from .text import normalise_key, positions, sentences
from .times import resolve_time
from .tokens import Regions, TokenTable
from .tokens import table as token_table

__all__ = ["analyse", "find_events", "lookup", "prune"]


# --------------------------------------------------------------------------- senses


Tense = Literal["past", "present", "future", "noun"]


@dataclass(frozen=True, slots=True)
class Sense:
    """What a form means: the entry it comes from, its part of speech and tense."""

    entry: int
    pos: Literal["verb", "noun", "form"]
    tense: Tense


@dataclass(frozen=True, slots=True)
class _Compiled:
    lex: TriggerLexicon
    index: dict[str, tuple[Sense, ...]]
    needs: tuple[frozenset[str], ...]
    unless_before: tuple[tuple[tuple[str, ...], ...], ...]
    unless_after: tuple[tuple[tuple[str, ...], ...], ...]
    unless_sentence: tuple[frozenset[str], ...]  # single words
    unless_sentence_phrases: tuple[tuple[tuple[str, ...], ...], ...]  # several words
    unless_sentence_starts: tuple[frozenset[str], ...]  # their first words
    modifiers: tuple[tuple[ModeModifier, frozenset[str]], ...]
    nominal: tuple[frozenset[str], ...] = ()  # each entry's noun forms


def _keys(items: Sequence[str]) -> frozenset[str]:
    return frozenset(normalise_key(w) for w in items)


def _phrases(items: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalise_key(w).split()) for w in items if normalise_key(w))


def _guess_tense(form: str) -> Tense:
    if len(form) > 3 and form[0] == "س" and form[1] in "يتن":
        return "future"
    if len(form) > 3 and form[0] in "يتن":
        return "present"
    return "past"


def inflect_verb(past: str, present: str, morph: Morphology) -> list[tuple[str, Tense]]:
    """Inflected forms of a verb from its past and present stems.

    >>> m = lexicon.load("triggers", TriggerLexicon).morphology
    >>> forms = dict(inflect_verb("زار", "زور", m))
    >>> (forms["زارت"], forms["يزورون"], forms["سيزور"])
    ('past', 'present', 'future')
    """
    out: list[tuple[str, Tense]] = []
    p, r = normalise_key(past), normalise_key(present)
    if p:
        out.extend((p + s, "past") for s in morph.past_suffixes)
        if p[-1] in "اي":
            out.extend((p[:-1] + s, "past") for s in ("ت", "وا", "تا"))
    if r:
        for pre in morph.present_prefixes:
            for suf in morph.present_suffixes:
                out.append((pre + r + suf, "present"))
                out.extend((fut + pre + r + suf, "future") for fut in morph.future_prefixes)
    return out


def inflect_noun(noun: str, morph: Morphology) -> list[str]:
    """Forms of a verbal noun: bare and with the accusative alef (اتصالاً → اتصالا)."""
    n = normalise_key(noun)
    return [n + s for s in morph.noun_suffixes if not (s and n[-1] in "هاي")]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    lex = lexicon.load("triggers", TriggerLexicon)
    index: dict[str, list[Sense]] = {}

    def add(form: str, sense: Sense) -> None:
        bucket = index.setdefault(form, [])
        if all(s.entry != sense.entry for s in bucket):
            bucket.append(sense)

    for k, entry in enumerate(lex.entries):
        for past, present in entry.verbs:
            for form, tense in inflect_verb(past, present, lex.morphology):
                add(form, Sense(k, "verb", tense))
        for noun in entry.nouns:
            for form in inflect_noun(noun, lex.morphology):
                add(form, Sense(k, "noun", "noun"))
        for raw in entry.forms:
            form = normalise_key(raw)
            add(form, Sense(k, "form", _guess_tense(form)))
    return _Compiled(
        lex=lex,
        index={k: tuple(v) for k, v in index.items()},
        needs=tuple(_keys(e.needs) for e in lex.entries),
        unless_before=tuple(_phrases(e.unless_before) for e in lex.entries),
        unless_after=tuple(_phrases(e.unless_after) for e in lex.entries),
        unless_sentence=tuple(
            _keys([w for w in e.unless_sentence if " " not in w.strip()]) for e in lex.entries
        ),
        unless_sentence_phrases=tuple(
            _phrases([w for w in e.unless_sentence if " " in w.strip()]) for e in lex.entries
        ),
        unless_sentence_starts=tuple(
            frozenset(normalise_key(w).split()[0] for w in e.unless_sentence if " " in w.strip())
            for e in lex.entries
        ),
        modifiers=tuple((m, _keys(m.words)) for m in lex.mode_modifiers),
        nominal=tuple(
            frozenset(f for n in e.nouns for f in inflect_noun(n, lex.morphology))
            for e in lex.entries
        ),
    )


@dataclass(frozen=True, slots=True)
class _GrammarSets:
    g: EventGrammar
    openers: frozenset[str]
    temporal: frozenset[str]
    inherit: frozenset[str]
    relative: frozenset[str]
    target_preps: frozenset[str]
    target_clitics: frozenset[str]
    other_preps: frozenset[str]
    place_preps: frozenset[str]
    negators: frozenset[str]
    future_negators: frozenset[str]
    modals: frozenset[str]
    modal_present: frozenset[str]
    deniers: frozenset[str]
    pair: frozenset[str]
    demonstratives: frozenset[str]
    polarity: frozenset[str]
    agent_markers: frozenset[str]
    material: frozenset[str]
    verb_only: frozenset[str]
    attrib: frozenset[str]
    attrib_links: frozenset[str]
    victim_modes: frozenset[str]
    victim_words: frozenset[str]
    consequence: tuple[tuple[str, ...], ...] = ()
    commentary: frozenset[str] = frozenset()
    outcome: frozenset[str] = frozenset()
    continuatives: frozenset[str] = frozenset()
    origin: frozenset[str] = frozenset()
    generic_modes: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    undergo: frozenset[str] = frozenset()
    perpetrate: frozenset[str] = frozenset()
    works: frozenset[str] = frozenset()
    intended: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    modal_phrases: tuple[tuple[str, ...], ...] = ()
    membership: frozenset[str] = frozenset()
    background: frozenset[str] = frozenset()
    topic_shifts: tuple[tuple[str, ...], ...] = ()
    framing: frozenset[str] = frozenset()
    time_frames: frozenset[str] = frozenset()
    forces: frozenset[str] = frozenset()
    venues: frozenset[str] = frozenset()
    receive: frozenset[str] = frozenset()
    charges: frozenset[str] = frozenset()
    involvement: frozenset[str] = frozenset()
    cancel: frozenset[str] = frozenset()
    withdraw: frozenset[str] = frozenset()
    answered: frozenset[str] = frozenset()
    duals: dict[str, str] = field(default_factory=dict)
    motives: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    conveners: frozenset[str] = frozenset()
    content_openers: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _grammar() -> _GrammarSets:
    g = lexicon.load("events", EventGrammar)
    return _GrammarSets(
        g=g,
        openers=_keys(g.clause_openers),
        temporal=_keys(g.temporal_openers),
        inherit=_keys(g.inherit_openers),
        relative=_keys(g.relative_openers),
        target_preps=_keys(g.target_prepositions),
        target_clitics=_keys(g.target_proclitics),
        other_preps=_keys(g.other_prepositions),
        place_preps=_keys(g.place_prepositions),
        negators=_keys(g.negators),
        future_negators=_keys(g.future_negators),
        modals=_keys(g.modals),
        modal_present=_keys(g.modal_present),
        modal_phrases=_phrases(g.modal_phrases),
        deniers=_keys(g.deniers),
        pair=_keys(g.coreferent_pair),
        demonstratives=_keys(g.demonstratives),
        polarity=_keys(g.polarity),
        agent_markers=_keys(g.agent_markers),
        material=frozenset(g.material_types),
        verb_only=frozenset(g.verb_only_types),
        attrib=_keys(g.attribution_markers),
        attrib_links=_keys(g.attribution_links),
        victim_modes=frozenset(g.victim_modes),
        victim_words=_keys(g.victim_words),
        consequence=_phrases(g.consequence_markers),
        commentary=_keys(g.commentary_words),
        outcome=_keys(g.outcome_verbs),
        continuatives=_keys(g.continuatives),
        origin=_keys(g.origin_words),
        generic_modes=frozenset(g.generic_modes),
        place_heads=_keys(g.place_heads),
        undergo=_keys(g.undergo_verbs),
        perpetrate=_keys(g.perpetration_verbs),
        works=_keys(g.work_titles),
        intended=_keys(g.intended_words),
        weapons=_keys(g.weapon_words),
        complementizers=_keys(g.complementizers),
        membership=_keys(g.membership_prepositions),
        background=_keys(g.background_openers),
        topic_shifts=_phrases(g.topic_shifts),
        framing=_keys(g.framing_prepositions),
        time_frames=_keys(g.time_frame_prepositions),
        forces=_keys(g.force_words),
        venues=_keys(g.venue_heads),
        receive=_keys(g.receive_verbs),
        duals={normalise_key(w): kind for w, kind in g.dual_subjects.items()},
        motives=_keys(g.motive_adverbs),
        light_verbs=_keys([*g.perpetration_verbs, *g.light_verbs]),
        conveners=_keys(g.convener_words),
        content_openers=_keys(g.content_openers),
        charges=_keys(g.charge_words),
        involvement=_keys(g.involvement_words),
        cancel=_keys(g.cancel_words),
        withdraw=_keys(g.withdraw_words),
        answered=_keys(g.answered_words),
    )


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """:func:`normalise_key`, cached (short strings: clitics before a mention, names)."""
    return normalise_key(text)


@lru_cache(maxsize=65536)
def variants(token: str, final_taa: bool = False) -> tuple[str, ...]:
    """Candidate lookup keys of a normalised token, clitics stripped, the token first.

    ``final_taa`` says the original word ends in ة, so its final ه is no pronoun.

    >>> "زياره" in variants("وبزيارته")
    True
    """
    morph = _compiled().lex.morphology
    out: list[str] = [token]

    def add(s: str) -> None:
        if len(s) >= 2 and s not in out:
            out.append(s)

    if token[:1] in morph.conjunctions and len(token) > 3:
        add(token[1:])
    if token.endswith("ا") and len(token) > 4:
        add(token[:-1])
    for base in list(out):
        if base.startswith("لل") and len(base) > 4:
            add(morph.definite + base[2:])
            add(base[2:])
        if base[:1] in morph.prepositions and len(base) > 3:
            rest = base[1:]
            add(rest)
            if rest.startswith(morph.definite) and len(rest) > 4:
                add(rest[2:])
        if base.startswith(morph.definite) and len(base) > 4:
            add(base[2:])
    for base in [] if final_taa else list(out):
        for suf in sorted(morph.pronoun_suffixes, key=len, reverse=True):
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                stem = base[: -len(suf)]
                add(stem)
                if stem.endswith("ت"):
                    add(stem[:-1] + "ه")
    return tuple(out)


# what the engine asks of a word, computed once per word (bits of :func:`_lexeme`)
CUE_TRIGGER = 1  # one of its variants is a trigger form
CUE_ATTRIBUTION = 2  # it opens an attribution phrase (بحسب، نقلا، وفقا)
CUE_OPENS = 4  # it opens a clause by itself


Lexeme = tuple[tuple[str, ...], int]

# computed lexemes by key, one table for words written with a final ة and one for the rest
# (plain dicts: a lookup per word is cheaper than an lru_cache call)
_LEXEMES: tuple[dict[str, Lexeme], dict[str, Lexeme]] = ({}, {})
_LEXEMES_MAX = 65536


def _lexeme(key: str, final_taa: bool) -> Lexeme:
    """A word's :func:`variants` and its :data:`CUE_TRIGGER` / :data:`CUE_ATTRIBUTION` /
    :data:`CUE_OPENS` bits."""
    vars = variants(key, final_taa)
    cues = 0 if _compiled().index.keys().isdisjoint(vars) else CUE_TRIGGER
    cues |= CUE_ATTRIBUTION if key in _grammar().attrib else 0
    return vars, cues | (CUE_OPENS if _opening(key)[0] else 0)


def _lexemes(keys: list[str], taa: list[bool]) -> list[Lexeme]:
    """:func:`_lexeme` of every word, each word computed once (cached)."""
    out: list[Lexeme] = []
    for key, final_taa in zip(keys, taa, strict=True):
        table = _LEXEMES[1] if final_taa else _LEXEMES[0]
        hit = table.get(key)
        if hit is None:
            if len(table) >= _LEXEMES_MAX:
                table.clear()
            hit = table[key] = _lexeme(key, final_taa)
        out.append(hit)
    return out


def lookup(word: str) -> list[tuple[EventType, str | None, Tense]]:
    """Every (type, mode, tense) a single word can trigger, context ignored.

    >>> lookup("وسيزور")[0]
    ('CONSULT', 'visit', 'future')
    """
    comp = _compiled()
    found: list[tuple[EventType, str | None, Tense]] = []
    for v in variants(normalise_key(word)):
        for s in comp.index.get(v, ()):
            e = comp.lex.entries[s.entry]
            found.append((e.type, e.mode, s.tense))
        if found:
            break
    return found


# --------------------------------------------------------------------------- analysis


@dataclass(slots=True)
class Token:
    """A word of the article: normalised key, lookup variants, original span (read-only).

    Not frozen: a frozen dataclass is several times slower to build, and every article makes
    hundreds of tokens; nothing changes a token once made.
    """

    i: int
    key: str
    vars: tuple[str, ...]
    span: Span
    sent: int


@dataclass(slots=True)
class Clause:
    """A clause: a run of tokens of one sentence between boundaries."""

    sent: int
    first: int
    last: int
    opener: Literal["temporal", "inherit", "relative", "conj", "other"] | None = None
    times: list[TimeExpression] = field(default_factory=list)
    has_trigger: bool = False


@dataclass(slots=True)
class Doc:
    """An article cut into sentences, clauses and tokens, with its times and actors."""

    article: Article
    tokens: list[Token]
    sentences: list[Span]
    clauses: list[Clause]
    clause_of: list[int]
    mentions: list[ActorMention]
    mention_tok: list[tuple[int, int]]
    times: list[TimeExpression]
    _starts: list[int] = field(default_factory=list)
    places: list[tuple[Span, str]] = field(default_factory=list)
    place_starts: list[int] | None = None  # starts of ``places`` if sorted, else []
    marks: Marks = field(init=False)
    sent_bounds: dict[int, tuple[int, int]] = field(default_factory=dict)
    mention_start: list[int] = field(default_factory=list)
    attrib: set[int] = field(default_factory=set)
    sources: dict[int, list[int]] = field(default_factory=dict)
    source_ms: set[int] = field(default_factory=set)
    cues: list[int] = field(default_factory=list)  # :func:`_lexeme` cue bits of each token
    named_countries: frozenset[Span] | None = None  # see :func:`_actor_countries`
    named_capitals: frozenset[Span] | None = None  # see :func:`_actor_places`
    runs: list[Run] = field(default_factory=list)  # see :func:`_tokens`
    table: TokenTable | None = None  # the token table the tokens come from
    mention_last: dict[int, int] | None = None  # see :func:`_mention_at`
    mention_first: dict[int, int] | None = None  # see :func:`_mention_index`
    named_ends: frozenset[int] | None = None  # see :func:`_named_ends`
    in_titles: dict[int, int] | None = None  # see :func:`_in_titles`
    title_starts: dict[int, int] = field(default_factory=dict)  # see :func:`_title_start`

    def gap(self, j: int) -> str:
        """The normalised characters between token ``j - 1`` and token ``j``: a line break
        before the first token of a sentence."""
        run = self.runs[bisect_right(self.runs, j, key=attrgetter("token")) - 1]
        w = run.word + j - run.token
        if j == run.token and run.new_sentence:
            return "\n"
        assert self.table is not None
        tab = self.table
        return tab.norm.text[tab.ends[w - 1] if w else 0 : tab.starts[w]]

    def clause_span(self, c: int) -> Span:
        """Original span of clause ``c``."""
        cl = self.clauses[c]
        return (self.tokens[cl.first].span[0], self.tokens[cl.last].span[1])

    def tok_at(self, pos: int) -> int:
        """Index of the token that holds (or follows) original offset ``pos``."""
        if len(self._starts) != len(self.tokens):
            self._starts = [t.span[0] for t in self.tokens]
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self.tokens[k].span[1] > pos:
            return k
        return min(k + 1, len(self.tokens) - 1)


def _segments(article: Article) -> tuple[Span, ...]:
    return article.segments or ((0, len(article.text)),)


def _sentences(article: Article) -> list[Span]:
    out: list[Span] = []
    for s, e in _segments(article):
        out.extend((a + s, b + s) for a, b in sentences(article.text[s:e]))
    return out


def _dedupe_mentions(mentions: Sequence[ActorMention], text: str) -> list[ActorMention]:
    """Drop mentions inside longer ones, and demonyms that only belong to a person's title."""
    ms = sorted(mentions, key=lambda m: (m.span[0], -(m.span[1] - m.span[0])))
    kept: list[ActorMention] = []
    for m in ms:
        if kept and m.span[0] < kept[-1].span[1]:
            prev = kept[-1]
            longer = (m.span[1] - m.span[0]) > (prev.span[1] - prev.span[0])
            if longer or (m.kind == "person" and prev.kind != "person"):
                kept[-1] = m
            continue
        kept.append(m)
    out: list[ActorMention] = []
    for k, m in enumerate(kept):
        if m.via == "demonym" or m.kind == "country":
            nxt = kept[k + 1] if k + 1 < len(kept) else None
            if (
                nxt is not None
                and nxt.kind == "person"
                and nxt.country == m.name
                and nxt.span[0] - m.span[1] <= 40
                and not any(ch in text[m.span[1] : nxt.span[0]] for ch in ",،.:;؛\n")
                and len(text[m.span[1] : nxt.span[0]].split()) <= 3
                and m.via == "demonym"
            ):
                continue
        out.append(m)
    return out


class Run(NamedTuple):
    """Consecutive words of one sentence: its first token, its first word in the token table,
    the number of words, the sentence, and whether the sentence differs from the previous
    run's."""

    token: int
    word: int
    size: int
    sent: int
    new_sentence: bool


def _tokens(
    article: Article, sents: list[Span], tab: TokenTable
) -> tuple[list[Token], list[int], list[Run]]:
    """The words of the article that lie in a sentence, from its shared token table ``tab``,
    the cue bits of each (:func:`_lexeme`), and their runs (sentence by sentence, in bulk)."""
    text = article.text
    ostarts, oends, wkeys = tab.ostarts, tab.oends, tab.keys
    keys: list[str] = []
    spans: list[Span] = []
    sent: list[int] = []
    ends: list[int] = []
    runs: list[Run] = []
    prev_sent = -1
    for lo, hi, k in _sentence_runs(ostarts, sents):
        runs.append(Run(len(keys), lo, hi - lo, k, prev_sent >= 0 and k != prev_sent))
        keys += wkeys[lo:hi]
        spans += zip(ostarts[lo:hi], oends[lo:hi], strict=True)
        ends += oends[lo:hi]
        sent += repeat(k, hi - lo)
        prev_sent = k
    # the original word ends in ة (its normalised ه is no pronoun); no mark ends a word
    taa_ends = {p + 1 for p in positions(text, "ة")}
    taa = list(map(taa_ends.__contains__, ends))
    lexemes = _lexemes(keys, taa)
    vars = [v for v, _ in lexemes]
    tokens = [Token(i, keys[i], vars[i], spans[i], sent[i]) for i in range(len(keys))]
    return tokens, [c for _, c in lexemes], runs


def _sentence_runs(ostarts: Sequence[int], sents: list[Span]) -> list[tuple[int, int, int]]:
    """The words (by original start) in a sentence, as runs ``(first, end, sentence)`` of
    consecutive words of one sentence.

    A word belongs to the last sentence that starts at or before it, if it starts before
    that sentence's end. Sorted sentences take one bisection each instead of one per word.
    """
    starts = [a for a, _ in sents]
    runs: list[tuple[int, int, int]] = []
    if not ostarts or not sents or any(b < a for a, b in pairwise(starts)):
        sent_of = [bisect_right(starts, oa) - 1 for oa in ostarts]
        for w, k in enumerate(sent_of):
            if k < 0 or ostarts[w] >= sents[k][1]:
                continue
            if runs and runs[-1][1] == w and runs[-1][2] == k:
                runs[-1] = (runs[-1][0], w + 1, k)
            else:
                runs.append((w, w + 1, k))
        return runs
    nexts = [*starts[1:], ostarts[-1] + 1]
    for k, ((a, e), nxt) in enumerate(zip(sents, nexts, strict=True)):
        lo = bisect_left(ostarts, a)
        hi = bisect_left(ostarts, min(nxt, e), lo)
        if hi > lo:
            runs.append((lo, hi, k))
    return runs


def _sentence_words(ostarts: Sequence[int], sents: list[Span]) -> tuple[list[int], list[int]]:
    """The words (by original start) in a sentence, and the index of that sentence (see
    :func:`_sentence_runs`)."""
    words: list[int] = []
    owner: list[int] = []
    for lo, hi, k in _sentence_runs(ostarts, sents):
        words.extend(range(lo, hi))
        owner.extend([k] * (hi - lo))
    return words, owner


Opener = Literal["temporal", "inherit", "relative", "conj", "other"]


@lru_cache(maxsize=65536)
def _opening(key: str) -> tuple[bool, Opener | None]:
    """Whether a word opens a clause by itself, and the kind of opener it would be."""
    gram, comp = _grammar(), _compiled()
    bare = key[1:] if key[:1] in "وف" and len(key) > 2 else key
    opens = key in gram.openers or bare in gram.openers
    opener: Opener | None = None
    if key in gram.temporal or bare in gram.temporal:
        opener = "temporal"
    elif key in gram.relative or bare in gram.relative:
        opener = "relative"
    elif key in gram.inherit or bare in gram.inherit:
        opener = "inherit"
    elif bare != key and any(s.pos != "noun" for s in comp.index.get(bare, ())):
        opener = "conj"
    elif opens:
        opener = "other"
    return opens, opener


def _clauses(
    tokens: list[Token],
    cues: list[int],
    runs: Sequence[Run],
    table: TokenTable,
    appositions: frozenset[int] = frozenset(),
) -> tuple[list[Clause], list[int]]:
    """Cut the tokens into clauses; the clause index of every token.

    A clause starts at the first token, at a sentence's first token, at a word that opens
    one (:func:`_opening`), and after clause punctuation or a line break, but for a name set
    off by a comma from its title (``appositions``: وزير الإعلام، حمزة المصطفى).
    """
    n = len(tokens)
    if not n:
        return [], []
    firsts = {0, *compress(range(n), map(and_, cues, repeat(CUE_OPENS)))}
    firsts.update(r.token for r in runs if r.new_sentence)
    norm, wstarts = table.norm.text, table.starts
    run_words = [r.word for r in runs]
    breaking = "".join({*_grammar().g.clause_punct, "\n"})
    for at in positions(norm, breaking):  # the word after one starts a clause
        w = bisect_right(wstarts, at)
        r = bisect_right(run_words, w) - 1
        if r >= 0 and w < runs[r].word + runs[r].size:
            k = runs[r].token + w - runs[r].word
            if k not in appositions or norm[at] not in ",،":
                firsts.add(k)
    starts = sorted(firsts)
    clauses: list[Clause] = []
    clause_of: list[int] = []
    for c, (a, b) in enumerate(zip(starts, [*starts[1:], n], strict=True)):
        tok = tokens[a]
        clauses.append(Clause(tok.sent, a, b - 1, _opening(tok.key)[1]))
        clause_of += repeat(c, b - a)
    return clauses, clause_of


def _appositions(
    tokens: list[Token], mentions: Sequence[ActorMention], article: Article
) -> frozenset[int]:
    """The first tokens of the people named right after their title and a comma (قال وزير
    الإعلام، حمزة المصطفى، إن): the comma does not cut the title from the name."""
    if not tokens:
        return frozenset()
    starts = [t.span[0] for t in tokens]
    honorifics = title_honorifics()
    out: set[int] = set()
    for m in mentions:
        if m.kind != "person" or not m.title:
            continue
        a = bisect_left(starts, m.span[0])
        if a <= 0 or a >= len(tokens) or starts[a] != m.span[0]:
            continue
        while a > 1 and tokens[a - 1].key in honorifics:  # ، الدكتور كريم بوزيدي
            a -= 1
        prev = tokens[a - 1]
        gap = article.text[prev.span[1] : starts[a]].strip()
        last = _key(m.title).rsplit(" ", 1)[-1]
        if gap in ("،", ",") and prev.sent == tokens[a].sent and prev.key.endswith(last):
            out.add(a)
    return frozenset(out)


def _sent_bounds(clauses: list[Clause]) -> dict[int, tuple[int, int]]:
    """First and last token of every sentence that has tokens (clauses never cross one)."""
    bounds: dict[int, tuple[int, int]] = {}
    for cl in clauses:
        first = bounds.get(cl.sent, (cl.first, cl.last))[0]
        bounds[cl.sent] = (first, cl.last)
    return bounds


def analyse(
    article: Article, times: Sequence[TimeExpression], mentions: Sequence[ActorMention]
) -> Doc:
    """Cut an article into tokens, sentences and clauses and attach times and actors."""
    sents = _sentences(article)
    visible = visible_text(article)
    table = token_table(visible)
    tokens, cues, runs = _tokens(article, sents, table)
    segs = Regions(_segments(article))
    in_seg = [m for m in mentions if segs.holds(m.span)]
    ms = _dedupe_mentions(in_seg, article.text)
    clauses, clause_of = _clauses(tokens, cues, runs, table, _appositions(tokens, ms, article))
    doc = Doc(article, tokens, sents, clauses, clause_of, [], [], list(times))
    doc.cues, doc.runs, doc.table = cues, runs, table
    doc.marks = Marks(doc)
    if tokens:
        for m in ms:
            a = doc.tok_at(m.span[0])
            b = doc.tok_at(max(m.span[1] - 1, m.span[0]))
            doc.mentions.append(m)
            doc.mention_tok.append((a, b))
        for te in times:
            if te.type in ("DURATION", "SET") or not te.value:
                continue
            k = doc.tok_at(te.span[0])
            if tokens[k].span[0] >= te.span[1] and tokens[k].span[0] > te.span[0]:
                continue
            clauses[clause_of[k]].times.append(te)
        doc.sent_bounds = _sent_bounds(clauses)
        doc.places = _places(article, visible)
        _attributions(doc)
    return doc


def _attributions(doc: Doc) -> None:
    """Mark attribution phrases (بحسب ما ذكرت وكالة رويترز، نقلا عن مصادر، وفقا للوزارة).

    Their words trigger nothing; the body they name (a mention) becomes the source of the
    events of the sentence and takes no other role.
    """
    gram = _grammar()
    toks = doc.tokens
    starts = [a for a, _ in doc.mention_tok]
    for i, cue in enumerate(doc.cues):
        if not cue & CUE_ATTRIBUTION:
            continue
        t = toks[i]
        last = doc.clauses[doc.clause_of[i]].last
        j = i + 1
        while j <= last and j <= i + 3:
            tj = toks[j]
            if tj.key in gram.attrib_links or not _compiled().index.keys().isdisjoint(tj.vars):
                j += 1
                continue
            break
        body = [k for k, a in enumerate(starts) if i < a <= min(j + 2, last)]
        end = min(j, last)
        if body:
            end = doc.mention_tok[body[0]][1]
        elif end < last and _compiled().index.keys().isdisjoint(toks[end + 1].vars):
            end += 1  # a two-word body with no actor (مصادر أمنية، الوكالة الرسمية)
        doc.attrib.update(range(i, end + 1))
        if body:
            doc.source_ms.add(body[0])
            doc.sources.setdefault(t.sent, []).append(body[0])


# --------------------------------------------------------------------------- triggers


@dataclass(slots=True)
class Trigger:
    """A trigger found in the text."""

    tok: int
    last: int
    entry: int
    type: EventType
    mode: str | None
    pos: Literal["verb", "noun", "form"]
    tense: Tense
    prepositional: bool = False  # a noun after a preposition (لزيارة، في زيارة)
    verb_after: bool = False  # a noun with a verb folded in after it (هجوماً استهدف)


def _has(tok: Token, keys: frozenset[str]) -> bool:
    return not keys.isdisjoint(tok.vars)


def _phrase_at(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the tokens from ``i`` spell ``phrase`` in one sentence; the word "0" stands
    for any number (تصل إلى 250)."""
    toks = doc.tokens
    if i < 0 or i + len(phrase) > len(toks):
        return False
    first = toks[i]
    w = phrase[0]
    if w not in first.vars and not (w == "0" and first.key.isdigit()):
        return False
    for k in range(1, len(phrase)):
        tok = toks[i + k]
        w = phrase[k]
        if tok.sent != first.sent or (w not in tok.vars and not (w == "0" and tok.key.isdigit())):
            return False
    return True


def _context_ok(doc: Doc, i: int, entry_k: int) -> bool:
    comp = _compiled()
    toks = doc.tokens
    for ph in comp.unless_before[entry_k]:
        if _phrase_at(doc, i - len(ph), ph):
            return False
    for ph in comp.unless_after[entry_k]:
        if _phrase_at(doc, i + 1, ph):
            return False
    unless = comp.unless_sentence[entry_k]
    phrases = comp.unless_sentence_phrases[entry_k]
    if unless or phrases:
        lo, hi = doc.sent_bounds.get(toks[i].sent, (i, i))
        starts = comp.unless_sentence_starts[entry_k]
        for tok in toks[lo : hi + 1]:
            if not unless.isdisjoint(tok.vars):
                return False  # لقي خمسة حتفهم في حادث سير: no attack
            hit = starts and not starts.isdisjoint(tok.vars)
            if hit and any(_phrase_at(doc, tok.i, p) for p in phrases):
                return False  # أصيب بطلق ناري عن طريق الخطأ: an accident
    return not comp.needs[entry_k] or _companion_at(doc, i, entry_k) is not None


def _definite_form(key: str, variant: str) -> bool:
    """Whether ``variant``, a verb, was found under the article (الفجر → فجر), where it can
    only be another word; the verbal nouns of forms V and VI are spelt as their verbs
    (التظاهر، التعاون) and stay."""
    return (
        len(key) > len(variant)
        and key.endswith(variant)
        and "ال" in key[: -len(variant)]
        and variant[:1] != "ت"
    )


def _companion_at(doc: Doc, i: int, entry_k: int) -> int | None:
    """The token that gives the trigger at ``i`` its sense (``needs``: نشر → قوات، رفع →
    العقوبات), or None."""
    comp = _compiled()
    entry = comp.lex.entries[entry_k]
    toks = doc.tokens
    needs = comp.needs[entry_k]
    lo = i - entry.window if entry.needs_side in ("before", "both") else i
    hi = i + entry.window if entry.needs_side in ("after", "both") else i
    for j in range(max(lo, 0), min(hi, len(toks) - 1) + 1):
        if j != i and toks[j].sent == toks[i].sent and _has(toks[j], needs):
            return j
    return None


def _mode_of(doc: Doc, i: int, etype: EventType, mode: str | None) -> str | None:
    toks = doc.tokens
    for mod, keys in _compiled().modifiers:
        if (mod.types and etype not in mod.types) or mode in mod.keep_modes:
            continue
        for j in range(i + 1, min(i + mod.window, len(toks) - 1) + 1):
            if toks[j].sent == toks[i].sent and _has(toks[j], keys):
                return mod.mode
    return mode


def _prefixed(key: str, variant: str) -> bool:
    """True when ``variant`` was found by stripping ال or a preposition from ``key``."""
    bare = key[1:] if key[:1] in "وف" and len(key) > 3 else key
    if bare.startswith(("ال", "بال", "لل", "كال")):
        return True
    return bare[:1] in "بل" and not variant.startswith(bare[:1])


def _preposed(key: str, variant: str) -> bool:
    """True when ``variant`` was found by stripping a preposition (ب، ل، ك) from ``key``."""
    bare = key[1:] if key[:1] in "وف" and len(key) > 3 else key
    return bare[:1] in "بلك" and not variant.startswith(bare[:1]) and not bare.startswith("ال")


def _after_preposition(doc: Doc, t: Token) -> bool:
    """Whether a word follows a preposition of its sentence: then it is a verbal noun, not a
    verb (شددت مصر على رفضها)."""
    if t.i == 0:
        return False
    prev = doc.tokens[t.i - 1]
    gram = _grammar()
    return prev.sent == t.sent and (prev.key in gram.target_preps or prev.key in gram.other_preps)


def _companion(doc: Doc, prev: Trigger, tr: Trigger) -> bool:
    """Whether trigger ``tr`` is the companion word that ``prev`` needed (خرج آلاف اليمنيين في
    صنعاء في مسيرة: the march is what the going out was), so one event, however far apart."""
    needs = _compiled().needs[prev.entry]
    return bool(needs) and not needs.isdisjoint(doc.tokens[tr.tok].vars)


_NAME_LINKS = frozenset({"بن", "بنت", "ابن", "ال"})


_QUOTES = "\"'«“”„‘’»"


def _title_of_work(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens the title of a work: right after a ``work_titles`` word
    (فيلم، رواية، بعنوان), maybe past an opening quote."""
    prev = doc.tokens[i - 1]
    if prev.sent != doc.tokens[i].sent or not _has(prev, _grammar().works):
        return False
    gap = doc.article.text[prev.span[1] : doc.tokens[i].span[0]]
    return not gap.strip(" " + _QUOTES + ":")


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger of the document, near duplicates of one clause folded together."""
    comp = _compiled()
    inside = [False] * len(doc.tokens)
    for a, b in doc.mention_tok:
        for j in range(a, b + 1):
            inside[j] = True
    for when in doc.times:  # فجر أمس is dawn, no bombing
        j = doc.tok_at(when.span[0])
        while j < len(doc.tokens) and doc.tokens[j].span[0] < when.span[1]:
            if doc.tokens[j].span[1] > when.span[0]:
                inside[j] = True
            j += 1
    found: list[Trigger] = []
    cues = doc.cues
    toks = doc.tokens
    for t in [toks[i] for i in range(len(cues)) if cues[i] & CUE_TRIGGER]:
        if inside[t.i] or t.i in doc.attrib:
            continue
        if (t.i + 1 < len(toks) and toks[t.i + 1].key in _NAME_LINKS) or (
            t.i > 0 and toks[t.i - 1].key in _NAME_LINKS and toks[t.i - 1].key != "ال"
        ):
            continue  # فيصل بن ثاني بن فيصل آل ثاني: a name (ف + يصل would be "arrives")
        if t.i > 0 and _title_of_work(doc, t.i):
            continue  # فيلم "الهجوم": a title
        hit: Trigger | None = None
        for v in t.vars:
            for s in comp.index.get(v, ()):
                verbal = v != t.key and (s.pos == "verb" or (s.pos == "form" and v[:1] != "م"))
                if verbal and _definite_form(t.key, v) and v not in comp.nominal[s.entry]:
                    continue  # حتى الفجر: dawn, no فجّر (a verb never takes the article)
                if _context_ok(doc, t.i, s.entry):
                    e = comp.lex.entries[s.entry]
                    mode = _mode_of(doc, t.i, e.type, e.mode)
                    pos, tense = s.pos, s.tense
                    if pos == "verb" and (_prefixed(t.key, v) or _after_preposition(doc, t)):
                        pos, tense = "noun", "noun"
                    prep = pos == "noun" and (_preposed(t.key, v) or _after_preposition(doc, t))
                    hit = Trigger(t.i, t.i, s.entry, e.type, mode, pos, tense, prep)
                    break
            if hit is not None or v in comp.index:
                break
        if hit is not None:
            found.append(hit)
    # an adverb of motive after another event is its purpose (استدعت سفيرها احتجاجاً على)
    motives = _grammar().motives
    if motives:
        kept: list[Trigger] = []
        seen: set[int] = set()  # the sentences with a trigger kept
        for tr in found:
            key = toks[tr.tok].key
            sent = toks[tr.tok].sent
            if sent in seen and (key in motives or key[1:] in motives):
                continue
            seen.add(sent)
            kept.append(tr)
        found = kept
    # what an undoing trigger needs is what it undoes, no event of its own (رفعت واشنطن
    # العقوبات: sanctions eased, none imposed; علقت المحادثات: no talks)
    undoing = _grammar().g.undoing_modes
    objects: set[tuple[int, str]] = set()
    for tr in found:
        if tr.mode in undoing and comp.needs[tr.entry]:
            what = _companion_at(doc, tr.tok, tr.entry)
            if what is not None:
                objects.add((what, tr.type))
    if objects:
        found = [
            tr
            for tr in found
            if tr.pos != "noun" or all(k != tr.tok or t == tr.type for k, t in objects)
        ]
    folded: list[Trigger] = []
    for tr in found:
        prev = folded[-1] if folded else None
        if (
            prev is not None
            and prev.type == tr.type
            and doc.clause_of[prev.tok] == doc.clause_of[tr.tok]
            and (tr.tok - prev.last <= 3 or _companion(doc, prev, tr))
            # another event of the kind: وتأتي الزيارة امتداداً لزيارة الملك عام 2017
            and not (
                prev.pos == tr.pos == "noun"
                and tr.prepositional
                and prev.mode == tr.mode
                and _definite(doc.tokens[prev.tok])
            )
        ):
            generics = _grammar().generic_modes
            generic = prev.mode in generics
            specific = tr.mode is not None and tr.mode not in generics
            if specific and (generic or (prev.pos == "verb" and comp.needs[prev.entry])):
                prev.mode = tr.mode
            prev.last = tr.tok
            prev.verb_after = prev.verb_after or (prev.pos == "noun" and tr.pos != "noun")
            continue
        folded.append(tr)
    for tr in folded:
        doc.clauses[doc.clause_of[tr.tok]].has_trigger = True
    return folded


# --------------------------------------------------------------------------- arguments


Mark = Literal["target", "other"] | None

# a preposition or proclitic fused with the article: بال، لل ... (the noun after is a target)
_FUSED_ARTICLE = (*(c + "ال" for c in ("ب", "ل", "وب", "ول", "فب")), "لل")


class Marks:
    """:func:`_marker` of each mention of a document, computed when first asked for (most
    mentions stand in clauses without a trigger and are never asked about)."""

    __slots__ = ("doc", "memo")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.memo: dict[int, Mark] = {}

    def __getitem__(self, k: int) -> Mark:
        memo = self.memo
        if k in memo:
            return memo[k]
        chain = []  # mentions joined by و take the mark of the one before: no recursion
        j = k
        while j not in memo:
            raw = _marker(self.doc, j)
            if raw != "previous":
                memo[j] = raw
                break
            chain.append(j)
            j -= 1
        for c in chain:
            memo[c] = memo[j]
        return memo[k]


def _marker(doc: Doc, k: int) -> Mark | Literal["previous"]:
    """How the words before mention ``k`` mark it: a target, another participant, or not;
    ``"previous"`` when it is joined by و to the mention before and shares its mark."""
    gram = _grammar()
    m = doc.mentions[k]
    a, _ = doc.mention_tok[k]
    tok = doc.tokens[a]
    prefix = _proclitics(doc, k)
    mt = _key(m.text)
    if (prefix == "ل" or mt.startswith("لل")) and a > 0 and _title_word(doc.tokens[a - 1].key):
        return None  # الأمين العام للأمم المتحدة: the body the title belongs to
    if prefix in gram.target_clitics:
        return "target"
    for cl in ("وبال", "ولل", "بال", "لل"):
        if mt.startswith(cl) and not _key(m.name).startswith(cl):
            return "target"
    if prefix == "و" or (a > 0 and doc.tokens[a - 1].key == "و"):
        if not (k > 0 and doc.mention_tok[k - 1][1] >= a - 2):
            return None
        return "previous"
    if prefix:
        return None
    if (
        m.via == "demonym"
        and a > 0
        and not _compiled().index.keys().isdisjoint(doc.tokens[a - 1].vars)
    ):
        return None  # غارة إسرائيلية: the adjective names the doer, not a place or target
    if m.via == "demonym" and a > 0 and _headed_by_clitic(doc.tokens[a - 1]):
        return "target"  # اتصالاً هاتفياً بنظيره الإيراني: the counterpart, by his country
    # the title before a name belongs to it (مع نظيره الأردني أيمن الصفدي, الأمين العام
    # للأمم المتحدة أنطونيو غوتيريش): look before it, and at its first word only
    t0 = _title_start(doc, k)
    if t0 < a and _title_marked(doc.tokens[t0], _key(m.title or "").split()[0]):
        return "target"
    ends = _named_ends(doc)  # a named place or body in between has its own preposition
    for j in range(t0 - 1, max(t0 - 5, -1), -1):
        prev = doc.tokens[j]
        if prev.sent != tok.sent or doc.clause_of[j] != doc.clause_of[a] or j in ends:
            break  # another mention's word: في الدوحة رئيس الوزراء الباكستاني
        if j == t0 - 1 and doc.cues[j] & CUE_TRIGGER and _definite_less(prev.key):
            break  # the genitive of an event noun (قبل أيام من اجتماع لجنة الإشراف): its doer
        bare = prev.key[1:] if prev.key[:1] in "وف" and len(prev.key) > 2 else prev.key
        if prev.key in gram.target_preps or bare in gram.target_preps:
            return "target"
        if prev.key in gram.other_preps:
            return "other"
        if bare[:1] == "ب" and bare[1:] in gram.venues:
            return "other"  # بمقر مجلس الوزراء: where it happens, as في مقر
        if prev.key.startswith(_FUSED_ARTICLE):
            return "target"
        if not (prev.key.startswith("ال") or j == t0 - 1 or bare in gram.venues):
            break
    return None


def _title_word(key: str) -> bool:
    """A word of a title (الأمين، العام، المبعوث، الخاص)."""
    return key in title_words()


def _definite_less(key: str) -> bool:
    """A noun in construct (no article): اجتماع، زيارة، لقاء — not الاجتماع."""
    bare = key[1:] if key[:1] in "وف" and len(key) > 3 else key
    if bare.startswith("لل"):  # للقاء: ل and the article
        return False
    bare = bare[1:] if bare[:1] in "بل" and len(bare) > 3 else bare
    return not bare.startswith("ال")


@lru_cache(maxsize=4096)
def _clitic_head(key: str) -> bool:
    """A title head carrying a target clitic (بنظيره، للرئيس، بالوزير)."""
    from .actors import _head_of  # actors is loaded before any event is read

    head = _head_of(key)
    if head is None:
        return False
    off = head[0]
    return (off > 0 and key[:off] in _grammar().target_clitics) or key.startswith(_FUSED_ARTICLE)


def _headed_by_clitic(tok: Token) -> bool:
    return _clitic_head(tok.key)


def _title_marked(tok: Token, word: str) -> bool:
    """Whether the first word of a title carries a target clitic (بالرئيس، بنظيره، للوزير)."""
    if tok.key.startswith(_FUSED_ARTICLE):
        return True
    return (
        tok.key.endswith(word) and tok.key[: len(tok.key) - len(word)] in _grammar().target_clitics
    )


def _circumstantial(doc: Doc, tr: Trigger, cl: Clause) -> bool:
    """A participle of circumstance opening its clause (، مطالباً، متهماً، داعياً): an
    indefinite accusative of the shape مُفعِلاً or فاعلاً."""
    key = doc.tokens[tr.tok].key
    if tr.tok != cl.first or tr.pos == "verb" or len(key) < 5 or not key.endswith("ا"):
        return False
    return key[0] == "م" or key[2] == "ا"


def _counterpart(doc: Doc, k: int) -> bool:
    """Whether mention ``k`` is named as someone's counterpart (نظيره الأردني أيمن الصفدي)."""
    title = doc.mentions[k].title
    return title is not None and is_counterpart_title(title)


def _title_start(doc: Doc, k: int) -> int:
    """The token where mention ``k``'s title begins, when the title's words stand right
    before the name (وزير الخارجية المصري بدر عبد العاطي); else the mention's first token."""
    m = doc.mentions[k]
    a = doc.mention_tok[k][0]
    if not m.title:
        return a
    memo = doc.title_starts
    if k in memo:
        return memo[k]
    words = _key(m.title).split()
    t0 = a - len(words)
    start = t0
    if t0 < 0 or doc.clause_of[t0] != doc.clause_of[a]:
        start = a
    else:
        for word, tok in zip(words, doc.tokens[t0:a], strict=True):
            if word not in tok.vars and not tok.key.endswith(word):
                start = a
                break
    memo[k] = start
    return start


def _proclitics(doc: Doc, k: int) -> str:
    """The (normalised) letters of mention ``k``'s word before the mention (بـ in بموسكو)."""
    m = doc.mentions[k]
    tok = doc.tokens[doc.mention_tok[k][0]]
    return _key(doc.article.text[tok.span[0] : m.span[0]]) if tok.span[0] < m.span[0] else ""


def _coordinated(doc: Doc, k: int) -> bool:
    """True when mention ``k`` is joined to the one before by و (كوبا وفنزويلا)."""
    a = doc.mention_tok[k][0]
    if _proclitics(doc, k).startswith("و"):
        return True
    return a > 0 and doc.tokens[a - 1].key == "و"


def _roles(args: _Args) -> list[tuple[int, Literal["agent", "target", "other"]]]:
    """The mentions of an event's arguments with their roles."""
    out: list[tuple[int, Literal["agent", "target", "other"]]] = []
    if args.agent is not None:
        out.append((args.agent, "agent"))
    if args.target is not None:
        out.append((args.target, "target"))
    out.extend((k, "other") for k in args.others)
    return out


def _country_of(m: ActorMention) -> str | None:
    if m.kind == "country":
        return m.name
    return m.country


@dataclass(slots=True)
class _Args:
    agent: int | None = None
    target: int | None = None
    others: list[int] = field(default_factory=list)
    location: str | None = None


def _mentions_in(doc: Doc, lo: int, hi: int) -> list[int]:
    """Indices of the mentions that start at a token in ``[lo, hi]`` (mentions are sorted)."""
    starts = [a for a, _ in doc.mention_tok] if len(doc.mention_tok) < 8 else None
    if starts is not None:
        return [k for k, a in enumerate(starts) if lo <= a <= hi]
    if len(doc.mention_start) != len(doc.mention_tok):
        doc.mention_start = [a for a, _ in doc.mention_tok]
    i = bisect_left(doc.mention_start, lo)
    j = bisect_right(doc.mention_start, hi)
    return list(range(i, j))


_REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN"})
# deeds done to a protest (فرقت الشرطة وقفة احتجاجية): the protest is someone else's
_UPON_PROTESTS = frozenset({"COERCE", "ASSAULT"})
"""Types whose object event is done by another: its noun takes no doer from before it."""


def _arguments(doc: Doc, tr: Trigger, prev_agent: int | None, reacted: bool = False) -> _Args:
    cl = doc.clauses[doc.clause_of[tr.tok]]
    s_lo, s_hi = doc.sent_bounds[cl.sent]
    in_clause = [k for k in _mentions_in(doc, cl.first, cl.last) if k not in doc.source_ms]
    marks = doc.marks
    args = _Args()
    reach = 3 if tr.pos == "noun" else 6
    headed = _headed(doc, in_clause)  # جنوب لبنان، شمال العراق: a place, never a doer
    headed |= _in_titles(doc, in_clause)  # المبعوث الشخصي للأمين العام للأمم المتحدة، فلان
    animate = [k for k in in_clause if doc.mentions[k].kind != "location" and k not in headed]
    # a name after its title (لزيارة خادم الحرمين الشريفين الملك سلمان) is as near as the title
    after_any = [
        k
        for k in in_clause
        if tr.tok < doc.mention_tok[k][0]
        and (
            doc.mention_tok[k][0] <= tr.last + reach
            or (doc.mentions[k].title is not None and _title_start(doc, k) <= tr.last + reach)
        )
        and not marks[k]
    ]
    after = [k for k in after_any if k in animate]
    before = [k for k in animate if doc.mention_tok[k][1] < tr.tok and not marks[k]]
    obj: int | None = None
    folded_obj: int | None = None
    if tr.verb_after:
        # هجوماً استهدف القوات الأمنية: what follows the folded verb is its object
        later = [k for k in after_any if doc.mention_tok[k][0] > tr.last]
        folded_obj = later[0] if later else None
        after = [k for k in after if doc.mention_tok[k][0] < tr.last]
    if tr.pos != "noun" and before and doc.mention_tok[before[-1]][1] >= tr.tok - 1:
        args.agent = before[-1]
        near = [k for k in after_any if doc.mention_tok[k][0] <= tr.last + 3]
        obj = near[0] if near else None
    elif before and _possessed(doc, tr):
        # شددت مصر على رفضها القاطع لتهجير الفلسطينيين: the pronoun is the subject before
        args.agent = before[-1]
    elif after and _subject_before_noun(doc, tr, before, after[0]):
        # بدأ الرئيس بوتين زيارة الصين: the name before the verbal noun does it, the place
        # after it is visited
        args.agent, obj = before[-1], after[0]
    elif prev_agent is not None and _circumstantial(doc, tr, cl):
        # أدان ماكرون الهجوم، مطالباً إيران بوقف التصعيد: the participle goes on with the
        # subject of its sentence; who follows it is its object
        args.agent = prev_agent
        obj = after[0] if after else None
    elif (
        after
        and tr.pos != "noun"
        and tr.type != "STATEMENT"
        and _counterpart(doc, after[0])
        and (prev_agent is not None or cl.opener == "relative")
    ):
        # حيث التقى نظيره الأردني: his counterpart is met by the one named before
        args.agent = prev_agent if prev_agent is not None else _antecedent(doc, cl)
        obj = after[0]
    elif after:
        args.agent = after[0]
        end = _past_times(doc, cl, doc.mention_tok[after[0]][1] + 1)
        # the object may wear a title (التقى عباس العاهل الأردني الملك عبد الله الثاني), and
        # come after a time (استقبل السيسي أمس الرئيس الفرنسي)
        nxt = [k for k in in_clause if not marks[k] and _title_start(doc, k) == end]
        if tr.pos != "noun" and nxt and not _coordinated(doc, nxt[0]):
            obj = nxt[0]
        elif tr.pos != "noun" and tr.type == "CONSULT":
            # استقبل السلطان بقصر البركة صباح اليوم وزير الخارجية الإيراني: a person named
            # later in the clause, past a place and a time, is the one met
            guests = [
                k
                for k in in_clause
                if doc.mention_tok[k][0] > doc.mention_tok[after[0]][1]
                and not marks[k]
                and doc.mentions[k].kind == "person"
                and not _coordinated(doc, k)
                and k not in headed
            ]
            obj = guests[0] if guests else None
    elif tr.pos == "noun" and (named := _relative_doer(doc, tr)) is not None:
        # المباحثات التي أجراها رئيس الوزراء، الغارة التي شنتها إسرائيل: the doer is named
        # in the relative clause of its light verb
        args.agent = named
    elif reacted:
        pass  # أدانت الأردن اقتحام المستوطنين: the settlers stormed, not Jordan
    elif before:
        args.agent = before[-1]
    elif cl.opener == "relative":
        # الرئيس برابوو، الذي يقوم بزيارة دولة: he visits; التفجير الذي استهدف سوقاً: the
        # bombing did, no actor (the sentence's doer is not inherited)
        args.agent = _antecedent(doc, cl)
    elif prev_agent is not None:
        args.agent = prev_agent
    else:
        earlier = [
            k
            for k in _mentions_in(doc, s_lo, tr.tok - 1)
            if doc.mention_tok[k][1] < tr.tok
            and doc.mentions[k].kind != "location"
            and k not in doc.source_ms
        ]
        unmarked = [k for k in earlier if not marks[k]]
        if unmarked or earlier:
            args.agent = (unmarked or earlier)[-1]
    targets = [k for k in in_clause if doc.mention_tok[k][0] > tr.last and marks[k] == "target"]
    obj = obj if obj is not None else folded_obj
    sides = _relative_parties(doc, tr, marked=True) if tr.pos == "noun" else []
    if args.agent is None and sides:
        # الاتصال الذي جرى بينه وبين فلان, the other side unnamed: he takes part
        args.agent = sides[0]
    if obj is None and args.agent is not None:
        # الاتصال الذي جرى بينه وبين الرئيس توكاييف: the other party
        others = [k for k in sides if k != args.agent]
        obj = others[0] if others else None
    if targets:
        args.target = targets[0]
    elif obj is not None:
        args.target = obj
    elif tr.type not in ("STATEMENT", "MOBILIZE"):
        later = [
            k
            for k in _mentions_in(doc, cl.last + 1, s_hi)
            if doc.clause_of[doc.mention_tok[k][0]] <= doc.clause_of[cl.last] + 2
            and k not in doc.source_ms
        ]
        if later and not in_clause:
            # not a place of a later clause (القبض على متهمين بالتفجير الذي استهدف كركوك)
            far = [
                k
                for k in later
                if doc.mentions[k].kind != "location"
                or doc.clause_of[doc.mention_tok[k][0]] == doc.clause_of[tr.tok] + 1
            ]
            args.target = far[0] if far else None
        elif tr.pos == "verb" and in_clause == [args.agent]:
            # استقبل ولي العهد، في قصر اليمامة بالرياض أمس، الرئيس الإندونيسي: the object
            # after commas (no place), when the clauses between open with no conjunction
            objs = [
                k
                for k in later
                if doc.mentions[k].kind != "location" and not _placed(doc, doc.mentions[k].span[0])
            ]
            c = doc.clause_of[tr.tok]
            first = doc.clause_of[doc.mention_tok[objs[0]][0]] if objs else c
            if objs and all(doc.clauses[j].opener is None for j in range(c + 1, first + 1)):
                args.target = objs[0]
    # the owner of the object hit or seized outranks a place marked by a preposition
    if tr.type in _OBJECT_TYPES and tr.pos != "noun":
        owner = _object_owner(doc, tr, args.agent, in_clause)
        if owner is not None and (
            args.target is None
            or doc.mentions[args.target].kind == "location"
            or doc.mention_tok[owner][0] < doc.mention_tok[args.target][0]
        ):  # the object's owner outranks a place or a later target (بغارة على جنوب لبنان)
            args.target = owner
    if args.target is None and tr.type == "ASSAULT":  # غارات جوية جنوب لبنان: Lebanon
        hit = [
            k
            for k in headed
            if doc.mention_tok[k][0] > tr.last
            and k != args.agent
            and doc.mentions[k].kind == "country"
            and not _from_there(doc, k)
        ]
        args.target = hit[0] if hit else None
    _received(doc, tr, args)
    _undergone(doc, tr, args)
    _visited(doc, tr, args)
    _passive_roles(doc, tr, args, in_clause)
    _victim_roles(doc, tr, args, in_clause)
    if (args.agent is None and args.target is not None and _lam_doer(doc, tr, args.target)) or (
        args.agent is not None and args.target is None and _lam_object(doc, tr, args.agent)
    ):
        args.agent, args.target = _swapped(args.agent, args.target)
    if args.agent is None and tr.type == "ASSAULT":  # بعد استهدافها بصاروخ حوثي
        doers = [k for k in in_clause if k != args.target and _doer_adjective(doc, k)]
        args.agent = doers[0] if doers else None
    used = {args.agent, args.target}
    gram = _grammar()
    for k in in_clause:
        if k in used:
            continue
        m = doc.mentions[k]
        a = doc.mention_tok[k][0]
        prev = doc.tokens[a - 1] if a > 0 else None
        placed = prev is not None and prev.key in gram.place_preps
        if m.kind == "location" and args.location is None:
            # في غزة، بمدينة حلب، وسط مدينة كركوك: where it happened
            if placed or marks[k] == "target" or _placed(doc, m.span[0]):
                args.location = m.name
                continue
        elif m.via == "metonym" and args.location is None and placed:
            # a capital after في is where it happens (في تل أبيب), and still its country
            args.location = _place_named(doc, m.span)
        args.others.append(k)
    if args.location is None:
        # the doer is not where it happens (تعارض الصين، وتتهم واشنطن), unless its capital is
        # named as a place (وسط لندن)
        agent = doc.mentions[args.agent] if args.agent is not None else None
        doer = agent.span if agent is not None else None
        if agent is not None and agent.via == "metonym" and _placed(doc, agent.span[0]):
            doer = None
        # a visit or a material event happens where its target capital is (قصفت روسيا كييف)
        onsite = tr.mode == "visit" or tr.type in _grammar().material
        args.location = _place_in(doc, cl, doer, visit=onsite)
    if args.location is None and tr.mode == "visit" and args.target is not None:
        tm = doc.mentions[args.target]
        if tm.kind in ("location", "country"):
            args.location = tm.name
    return args


_TANWEEN_FATH = "\u064b"

# verbs whose direct object is hit, seized, punished or blamed: its owner is the target
_OBJECT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE"})


def _past_times(doc: Doc, cl: Clause, j: int) -> int:
    """The first token from ``j`` on that is not part of one of clause ``cl``'s times (nor
    the preposition before one: اتهمت الحكومة في 6 آذار دولة الإمارات)."""

    def timed(k: int) -> bool:
        return k <= cl.last and any(
            t.span[0] <= doc.tokens[k].span[0] < t.span[1] for t in cl.times
        )

    gram = _grammar()
    places = _mention_at(doc)
    while j <= cl.last:
        if timed(j):
            j += 1
        elif doc.tokens[j].key in gram.place_preps and timed(j + 1):
            j += 2
        elif j in places and _is_place(doc, j) and _placed(doc, doc.tokens[j].span[0]):
            j = places[j] + 1  # استقبل أمير قطر في الدوحة رئيس الوزراء الباكستاني
        elif doc.tokens[j].key in gram.place_preps and (j + 1) in places and _is_place(doc, j + 1):
            j = places[j + 1] + 1
        elif doc.tokens[j].key in _LINEAGE and j + 1 <= cl.last and j + 1 not in places:
            j += 2  # the rest of a name: تميم بن حمد آل ثاني
        else:
            break
    return j


_LINEAGE = frozenset({"بن", "بنت", "ابن", "ال"})


def _is_place(doc: Doc, first: int) -> bool:
    """Whether the mention starting at token ``first`` is a place or a city (الدوحة)."""
    k = _mention_index(doc).get(first)
    if k is None:
        return False
    return doc.mentions[k].kind == "location" or doc.mentions[k].via == "metonym"


def _mention_at(doc: Doc) -> dict[int, int]:
    """First token → last token of each mention (computed once per document)."""
    if doc.mention_last is None:
        doc.mention_last = {a: b for a, b in doc.mention_tok}
    return doc.mention_last


def _mention_index(doc: Doc) -> dict[int, int]:
    """First token → index of each mention (computed once per document)."""
    if doc.mention_first is None:
        doc.mention_first = {a: k for k, (a, _) in enumerate(doc.mention_tok)}
    return doc.mention_first


def _named_ends(doc: Doc) -> frozenset[int]:
    """Last tokens of the mentions that are no demonym (computed once per document)."""
    if doc.named_ends is None:
        doc.named_ends = frozenset(
            b for (_, b), m in zip(doc.mention_tok, doc.mentions, strict=True) if m.via != "demonym"
        )
    return doc.named_ends


def _antecedent(doc: Doc, cl: Clause) -> int | None:
    """The actor a relative clause is about: the one named right before its pronoun."""
    if cl.first == 0:
        return None
    k = cl.first - 1  # the name may wear a title after it (برابوو سوبيانتو رئيس جمهورية إندونيسيا)
    near = [
        m
        for m, (a, b) in enumerate(doc.mention_tok)
        if k - 4 <= b <= k and doc.tokens[a].sent == doc.tokens[cl.first].sent
    ]
    if not near or doc.mentions[near[-1]].kind == "location":
        return None
    # an event noun in between is what the clause tells of (أدانت الجامعة الهجوم الذي استهدف)
    if any(doc.cues[j] & CUE_TRIGGER for j in range(doc.mention_tok[near[-1]][1] + 1, k + 1)):
        return None
    return near[-1]


def _object_owner(doc: Doc, tr: Trigger, agent: int | None, in_clause: list[int]) -> int | None:
    """The mention that owns a direct object which is not itself an actor, as the target:
    a demonym or a country after the object's noun (قصفت المدفعية الروسية مواقع أوكرانية،
    قنص جندي إسرائيلي طفلاً فلسطينياً) or the body a person belongs to (قتلت القوات الأمريكية قيادياً في
    تنظيم داعش). The object starts after the verb, or after its agent when that follows it;
    no preposition and no other actor may stand before the owner. A passive's subject is its
    object (قُتل قيادي في حركة الجهاد الإسلامي، قتل جنديان جزائريان).
    """
    passive = _passive(doc, tr)
    p = tr.last + 1
    if not passive and agent is not None and doc.mention_tok[agent][0] > tr.last:
        p = doc.mention_tok[agent][1] + 1
    gram = _grammar()
    for k in in_clause:
        a = doc.mention_tok[k][0]
        if (k == agent and not passive) or a < p:
            continue
        m = doc.mentions[k]
        words = [t.key for t in doc.tokens[p:a]]
        pp = [i for i, w in enumerate(words[:-1]) if w in gram.target_preps]
        if pp:  # أطلقت الجماعة صواريخ على سفن حربية أمريكية: the object of على
            words = words[pp[-1] + 1 :]
        elif agent is None and not passive and not _accusative(doc, p, a):
            return None  # no doer, no marked object: maybe an unmarked passive (اغتيل قيادي)
        if any(w in gram.target_preps or w in gram.other_preps for w in words[:-1]):
            return None
        owner = m.via == "demonym" or m.kind == "country"
        if owner and 1 <= len(words) <= 3 and words[-1] not in gram.other_preps:
            return k
        member = words and words[-1] in gram.membership
        if m.kind in ("organization", "group") and 2 <= len(words) <= 4 and member:
            return k
        return None
    return None


def _accusative(doc: Doc, lo: int, hi: int) -> bool:
    """Whether a word of tokens ``[lo, hi)`` bears the accusative tanween (قيادياً)."""
    text = doc.article.text
    return any(_TANWEEN_FATH in text[t.span[0] : t.span[1]] for t in doc.tokens[lo:hi])


def _passive(doc: Doc, tr: Trigger) -> bool:
    """A passive verb: a damma on its first letters (قُتل، استُهدف) or a count right after it."""
    if tr.pos == "noun":
        return False
    a, b = doc.tokens[tr.tok].span
    if "\u064f" in doc.article.text[a : min(b, a + 5)]:
        return True
    if tr.type != "ASSAULT" or tr.tok + 1 >= len(doc.tokens):
        return False
    nxt = doc.tokens[tr.tok + 1]
    if nxt.key[:1].isdigit():
        return True
    gram = _grammar()
    if tr.mode not in gram.victim_modes or nxt.sent != doc.tokens[tr.tok].sent:
        return False
    if _accusative(doc, tr.tok + 1, tr.tok + 2):
        return False  # an accusative noun is the object of an active verb (قتلت قيادياً)
    if _has(nxt, gram.victim_words):
        return True
    starts = [k for k, (a, _) in enumerate(doc.mention_tok) if a == tr.tok + 1]
    return bool(starts) and doc.mentions[starts[0]].via == "demonym"


def _possessed(doc: Doc, tr: Trigger) -> bool:
    """Whether a verbal noun carries a possessive pronoun (رفضها، دعمه، زيارتهم): its doer is
    an actor named before it, not one after it."""
    if tr.pos != "noun":
        return False
    tok = doc.tokens[tr.tok]
    return any(
        tok.key.endswith(suf) and tok.key[: -len(suf)] in tok.vars[1:]
        for suf in _compiled().lex.morphology.pronoun_suffixes
    )


def _headed(doc: Doc, ks: list[int]) -> set[int]:
    """The countries and places of ``ks`` right after a place head of their sentence (جنوب
    لبنان، شمالي العراق، ريف دمشق): where something happens, not who does it."""
    heads = _grammar().place_heads
    out: set[int] = set()
    for k in ks:
        a = doc.mention_tok[k][0]
        if doc.mentions[k].kind not in ("country", "location") or a == 0:
            continue
        prev = doc.tokens[a - 1]
        if prev.sent == doc.tokens[a].sent and not heads.isdisjoint(prev.vars):
            out.add(k)
    return out


def _in_titles(doc: Doc, ks: list[int]) -> set[int]:
    """The mentions among ``ks`` that stand inside the title of a person named after it
    (الأمين العام للأمم المتحدة أنطونيو غوتيريش): the person acts, not the body."""
    if doc.in_titles is None:  # mention -> the person whose title holds it, once per doc
        doc.in_titles = {}
        starts = [a for a, _ in doc.mention_tok]
        for p, m in enumerate(doc.mentions):
            if m.kind != "person" or not m.title:
                continue
            t0, a = _title_start(doc, p), starts[p]
            for k in range(bisect_left(starts, t0), bisect_left(starts, a)):
                if k != p:
                    doc.in_titles[k] = p
    if not doc.in_titles:
        return set()
    present = set(ks)
    return {k for k in ks if doc.in_titles.get(k, -1) in present}


def _from_there(doc: Doc, k: int) -> bool:
    """Whether the place head before mention ``k`` follows an origin word (أطلقت من جنوب
    لبنان: where the rockets came from, not what they hit)."""
    a = doc.mention_tok[k][0]
    return a >= 2 and _has(doc.tokens[a - 2], _grammar().origin)


def _subject_before_noun(doc: Doc, tr: Trigger, before: list[int], first_after: int) -> bool:
    """Whether a verbal noun has its doer right before it and a place as its genitive
    (يعتزم ترامب زيارة السعودية); a person as genitive is the doer (زيارة مادورو)."""
    if tr.pos != "noun" or not before or doc.mention_tok[before[-1]][1] != tr.tok - 1:
        return False
    if doc.tokens[tr.tok].key.startswith(_FUSED_ARTICLE):
        return False  # a noun after a preposition (ندد الاتحاد بالهجوم) is no object
    place = doc.mentions[first_after]
    after = doc.mention_tok[first_after][0] == tr.last + 1
    return after and place.kind in ("country", "location") and place.via != "demonym"


def _lam_doer(doc: Doc, tr: Trigger, k: int) -> bool:
    """An armed body joined by ل right after an attack noun does it (قصف لقوات الدعم السريع،
    غارة للتحالف): the genitive of the doer, not a target."""
    if tr.type != "ASSAULT" or tr.pos != "noun" or doc.mention_tok[k][0] != tr.last + 1:
        return False
    m = doc.mentions[k]
    if m.kind not in ("organization", "group"):
        return False
    return _proclitics(doc, k) in ("ل", "لل") or _key(m.text).startswith("لل")


def _lam_object(doc: Doc, tr: Trigger, k: int) -> bool:
    """An actor after an attack noun's object joined by ل owns that object (قصف لمواقع حزب
    الله، غارات لمقرات الحوثيين): a target, not the doer."""
    a = doc.mention_tok[k][0]
    if tr.type != "ASSAULT" or tr.pos != "noun" or not tr.last + 1 < a <= tr.last + 3:
        return False
    obj = doc.tokens[tr.last + 1].key
    return obj[:1] == "ل" and obj[1:] in doc.tokens[tr.last + 1].vars and len(obj) > 3


def _visited(doc: Doc, tr: Trigger, args: _Args) -> None:
    """A place named after a visit verb is the place visited, not the visitor (زار المبعوث
    دمشق: the envoy, not Syria, visits)."""
    if tr.mode != "visit" or tr.pos == "noun" or args.agent is None or args.target is not None:
        return
    m = doc.mentions[args.agent]
    if doc.mention_tok[args.agent][0] > tr.last and (m.via == "metonym" or m.kind == "location"):
        args.agent, args.target = _swapped(args.agent, args.target)


def _swapped(agent: int | None, target: int | None) -> tuple[int | None, int | None]:
    """Agent and target exchanged (a plain function: swapping two attributes in one
    statement is miscompiled by mypyc when one side is narrowed to None)."""
    return target, agent


def _received(doc: Doc, tr: Trigger, args: _Args) -> None:
    """تلقى الأمير اتصالاً هاتفياً من الرئيس الفرنسي: the caller, after من, is the agent and
    the receiver the target."""
    if tr.pos != "noun" or args.agent is None:
        return
    receive = _grammar().receive
    first = doc.sent_bounds[doc.tokens[tr.tok].sent][0]
    if not any(doc.tokens[j].key in receive for j in range(max(first, tr.tok - 25), tr.tok)):
        return
    c = doc.clause_of[tr.tok]
    s_hi = doc.sent_bounds[doc.tokens[tr.tok].sent][1]
    callers = [
        k
        for k in _mentions_in(doc, tr.last + 1, s_hi)
        if doc.clause_of[doc.mention_tok[k][0]] <= c + 1
        and k != args.agent
        and doc.mention_tok[k][0] > 0
        and _from_word(doc, _title_start(doc, k))
    ]
    if callers:
        args.target = args.agent
        args.agent = callers[0]
        args.others = [k for k in args.others if k != callers[0]]


def _from_word(doc: Doc, t0: int) -> bool:
    """Whether من stands right before token ``t0``, honorifics aside (من فخامة الرئيس)."""
    j = t0 - 1
    while j > 0 and t0 - j <= 3 and _title_word(doc.tokens[j].key):
        j -= 1
    return j >= 0 and doc.tokens[j].key == "من"


def _undergone(doc: Doc, tr: Trigger, args: _Args) -> None:
    """An event noun after a verb of suffering (تعرض مقر السفارة الأمريكية لهجوم، تتعرض
    أوكرانيا لهجمات روسية): the actor named between them is its target, never its doer."""
    if tr.pos != "noun":
        return
    c = doc.clause_of[tr.tok]
    cl, undergo = doc.clauses[c], _grammar().undergo
    if all(doc.tokens[j].key not in undergo for j in range(cl.first, tr.tok)):
        return
    for k in _mentions_in(doc, cl.first, tr.tok - 1):
        a, b = doc.mention_tok[k]
        if b >= tr.tok:
            continue
        if any(doc.tokens[j].key in undergo for j in range(max(a - 3, cl.first), a)):
            args.target = k
            if args.agent == k:
                args.agent = None
            return


def _passive_roles(doc: Doc, tr: Trigger, args: _Args, in_clause: list[int]) -> None:
    """Fix roles of passives and of doers named after برصاص / على يد (قُتل 3 برصاص الجيش)."""
    marked = [k for k in in_clause if doc.mention_tok[k][0] > tr.tok and _after_marker(doc, k)]
    # after the verb itself: a folded trigger may reach past its subject (استشهد أربعة
    # فلسطينيين وأصيب آخرون في قصف)
    after = args.agent is not None and doc.mention_tok[args.agent][0] > tr.tok
    if not (marked or _passive(doc, tr)) or not after:
        if marked and args.agent is None:
            args.agent = marked[0]
        return
    if args.target is None or args.target in marked:
        args.target = args.agent
    args.agent = marked[0] if marked else None


def _after_marker(doc: Doc, k: int) -> bool:
    """Whether mention ``k`` follows an agent marker, right after it or past up to three
    ``force_words`` (برصاص الجيش، برصاص قوات الاحتلال الإسرائيلي، على يد عناصر الأمن العراقي;
    not بقصف القواعد الأمريكية)."""
    a = doc.mention_tok[k][0]
    gram = _grammar()
    for j in range(a - 1, max(a - 4, 0) - 1, -1):
        tok = doc.tokens[j]
        if tok.sent != doc.tokens[a].sent:
            return False
        if _has(tok, gram.agent_markers):
            return True
        if not _has(tok, gram.forces):  # قوات، الاحتلال، عناصر ... and nothing else
            return False
    return False


def _doer_adjective(doc: Doc, k: int) -> bool:
    """A demonym right after an attack noun or a weapon names its doer (غارة إسرائيلية،
    القصف الروسي، بصاروخ حوثي)."""
    a = doc.mention_tok[k][0]
    if doc.mentions[k].via != "demonym" or a == 0:
        return False
    comp = _compiled()
    prev = doc.tokens[a - 1]
    if not _grammar().weapons.isdisjoint(prev.vars):
        return True
    return any(
        comp.lex.entries[s.entry].type == "ASSAULT"
        for v in prev.vars
        for s in comp.index.get(v, ())
    )


def _victim_roles(doc: Doc, tr: Trigger, args: _Args, in_clause: list[int]) -> None:
    """Casualty nouns (مقتل مسؤول لبناني، قتلى): the genitive after them is the victim.

    The victims' country is never the agent; without a target, the place of the casualties
    (في غزة) is the target.
    """
    gram = _grammar()
    if tr.type != "ASSAULT" or tr.mode not in gram.victim_modes:
        return
    if tr.pos == "noun" and args.agent is not None:
        a = doc.mention_tok[args.agent][0]
        marked = _after_marker(doc, args.agent)
        near = a <= tr.last + 2 or all(
            _has(doc.tokens[j], gram.victim_words) or doc.tokens[j].key.isdigit()
            for j in range(tr.last + 1, a)
        )  # مقتل خمسة مدنيين سوريين
        if near and not marked and doc.mentions[args.agent].via == "demonym":
            if args.target is None:
                args.target = args.agent
            args.agent = None
        elif a < tr.tok and not any(
            _has(doc.tokens[j], gram.perpetrate) for j in range(max(a - 2, 0), tr.tok)
        ):
            # أعلنت وزارة الصحة استشهاد شابين، نعت الحركة مقتل قائدها: who reports or mourns
            # the dead did not kill them (but ارتكبت الميليشيا مجزرة، الميليشيا ارتكبت: she did)
            args.agent = None
    if args.agent is None:
        doers = [k for k in in_clause if _doer_adjective(doc, k)]
        if doers:  # مقتل قائدها في غارة إسرائيلية: the raid's demonym is the doer
            args.agent = doers[0]
            if args.target == doers[0]:
                args.target = None
    if args.target is None:
        places = [
            k
            for k in in_clause
            if doc.mentions[k].kind in ("location", "country")
            and k != args.agent
            and doc.mention_tok[k][0] > tr.last
            and doc.tokens[doc.mention_tok[k][0] - 1].key in gram.place_preps
        ]
        if places:
            args.target = places[0]


@lru_cache(maxsize=2)
def _places_of(text: str) -> tuple[tuple[Span, str], ...]:
    """``actors.find_places`` of a text, cached for the stages of one article."""
    from .actors import find_places

    return tuple(((a, b), str(name)) for (a, b), name in find_places(text))


def _places(article: Article, visible: str) -> list[tuple[Span, str]]:
    """Places of the article's segments (``actors.find_places``)."""
    segs = Regions(_segments(article))
    return [(span, name) for span, name in _places_of(visible) if segs.holds(span)]


def _place_named(doc: Doc, span: Span) -> str | None:
    """The place whose name stands at ``span`` (a capital named for its country)."""
    return next((name for pspan, name in doc.places if pspan == span), None)


def _place_in(doc: Doc, cl: Clause, doer: Span | None = None, *, visit: bool = False) -> str | None:
    """The first place named in the clause, but where the doer is named (تعارض الصين) and a
    country named as an actor, with no place preposition (أطلقتها روسيا), nor, but for a
    visit or a material event (``visit``: زار بوتين بكين، قصفت روسيا كييف), a capital named
    as an actor (وتتهم واشنطن موسكو)."""
    a = doc.tokens[cl.first].span[0]
    b = doc.tokens[cl.last].span[1]
    places = doc.places
    if doc.place_starts is None:
        starts = [pa for (pa, _), _ in places]
        doc.place_starts = starts if all(x <= y for x, y in pairwise(starts)) else []
    # sorted places: skip those that start before the clause, stop after its end
    k = bisect_left(doc.place_starts, a) if doc.place_starts else 0
    actors = _actor_countries(doc) if visit else _actor_places(doc)
    for (pa, pb), name in places[k:]:
        inside = a <= pa and pb <= b and not (doer and pa < doer[1] and doer[0] < pb)
        if inside and ((pa, pb) not in actors or _placed(doc, pa)):
            return name
        if doc.place_starts and pa > b:
            break
    return None


def _actor_countries(doc: Doc) -> frozenset[Span]:
    """Spans of the countries named as such (روسيا، not موسكو or الروسية), found once."""
    if doc.named_countries is None:
        doc.named_countries = frozenset(
            m.span for m in doc.mentions if m.kind == "country" and m.via in ("gazetteer", "fuzzy")
        )
    return doc.named_countries


def _actor_places(doc: Doc) -> frozenset[Span]:
    """Spans of the countries and of the capitals that stand for them (موسكو), found once."""
    if doc.named_capitals is None:
        capitals = frozenset(m.span for m in doc.mentions if m.via == "metonym")
        doc.named_capitals = _actor_countries(doc) | capitals
    return doc.named_capitals


def _placed(doc: Doc, pos: int) -> bool:
    """Whether the word at original offset ``pos`` follows a place preposition, as a word
    (في روسيا) or a proclitic (بروسيا), or a place head (جنوب لبنان، سواحل فنزويلا)."""
    k = doc.tok_at(pos)
    tok = doc.tokens[k]
    if tok.span[0] < pos:  # a proclitic before the name: بروسيا, not وروسيا
        return _key(doc.article.text[tok.span[0] : pos])[-1:] in _grammar().place_preps
    if k == 0 or doc.tokens[k - 1].sent != tok.sent:
        return False
    prev, gram = doc.tokens[k - 1], _grammar()
    return prev.key in gram.place_preps or not gram.place_heads.isdisjoint(prev.vars)


# --------------------------------------------------------------------------- dates & modality


def _event_date(t: TimeExpression) -> EventDate:
    start = t.interval.start if t.interval else None
    end = t.interval.end if t.interval else None
    return EventDate(value=t.value, grain=t.grain, start=start, end=end, mod=t.mod, text=t.text)


def _publication_date(published: dt.datetime) -> EventDate:
    day = dt.datetime(published.year, published.month, published.day)
    return EventDate(
        value=day.date().isoformat(),
        grain="day",
        start=day,
        end=day + dt.timedelta(days=1),
        text=None,
    )


def _pick_time(
    doc: Doc, c: int, tr: Trigger, content: Trigger | None = None
) -> TimeExpression | None:
    """The time of clause ``c`` that dates ``tr``: the nearest after it, else before it.

    A time after the act a reaction names (``content``: اتهمت الجيش بقصف الأحياء مساء
    الجمعة) dates that act, not the reaction."""
    # an "until" time ends what the event starts or extends (تمديد حظر التجول حتى السبت):
    # it is no date of the event
    times = [t for t in doc.clauses[c].times if t.boundary != "until"]
    if times and tr.type in _SPEECH:
        # what is said is no time of the saying (وأضاف أن ... قبل نهاية يونيو المقبل)
        cut = _content_start(doc, c, tr)
        if cut is not None:
            times = [t for t in times if t.span[0] < cut]
    if not times:
        return None
    pos = doc.tokens[tr.last].span[1]
    start = doc.tokens[tr.tok].span[0]
    after = [t for t in times if t.span[0] >= pos]
    if content is not None:
        limit = doc.tokens[content.tok].span[0]
        if any(t.span[0] >= limit for t in after):
            after = [t for t in after if t.span[0] < limit]
            times = [t for t in times if t.span[0] < limit]
            if not times:
                return None
    if after:
        return min(after, key=lambda t: t.span[0] - pos)
    return min(times, key=lambda t: start - t.span[1])


_SPEECH = frozenset({"STATEMENT", "REQUEST", "THREATEN"})


def _content_start(doc: Doc, c: int, tr: Trigger) -> int | None:
    """Where the reported content of a saying begins in its clause (the first أن، إن، بأن
    after the trigger), as an offset; None if the clause has none."""
    cl = doc.clauses[c]
    keys = _grammar().content_openers
    for j in range(tr.last + 1, cl.last + 1):
        if doc.tokens[j].key in keys:
            return doc.tokens[j].span[0]
    return None


def _said(doc: Doc, c: int, where: int) -> bool:
    """Whether clause ``where``, after clause ``c``, lies in what a saying in ``c`` reports:
    a clause between opens with أن، إن، بأن."""
    keys = _grammar().content_openers
    return any(doc.tokens[doc.clauses[j].first].key in keys for j in range(c + 1, where + 1))


def _prepositional(doc: Doc, cl: Clause) -> bool:
    """A clause that opens with a preposition (وفي بيان صدر مساء أمس، خلال اتصال هاتفي
    اليوم،): fronted, it frames the clause after it, whose time it gives."""
    key = doc.tokens[cl.first].key
    bare = key[1:] if key[:1] in "وف" and len(key) > 2 else key
    preps = _grammar().framing
    return key in preps or bare in preps


def _donor(doc: Doc, c: int) -> int | None:
    """A neighbouring clause whose time dates clause ``c`` (trigger-less or temporal)."""
    cl = doc.clauses[c]
    for step in (-1, 1):
        j = c + step
        while 0 <= j < len(doc.clauses) and doc.clauses[j].sent == cl.sent:
            other = doc.clauses[j]
            fronted = step == 1 or j == 0 or doc.clauses[j - 1].sent != cl.sent
            framing = fronted and (other.opener == "temporal" or _prepositional(doc, other))
            # a vague or until-time of a later clause speaks of that clause only
            lendable = step == -1 or _lendable(other.times)
            if other.times and (framing or (not other.has_trigger and lendable)):
                return j
            if other.has_trigger or other.times:
                break
            j += step
    return None


def _lendable(times: Sequence[TimeExpression]) -> bool:
    """Whether a later clause's first time may date the clause before it: not a vague
    reference (فيما لم يصدر أي تعليق حتى الساعة) nor an until-time."""
    return bool(times) and times[0].boundary != "until" and not times[0].value.endswith("_REF")


def _clause_time(doc: Doc, c: int, depth: int = 0) -> tuple[TimeExpression | None, int | None]:
    """The time that governs clause ``c`` when it has none of its own, and where it is."""
    j = _donor(doc, c)
    if j is not None:
        return doc.clauses[j].times[0], j
    cl = doc.clauses[c]
    joined = cl.opener in ("inherit", "conj") or (
        cl.opener is None and _conjoined(doc.tokens[cl.first].key)
    )  # وأسفر عن مقتل ثلاثة: و and a verb the lexicon does not know
    if depth < 6 and joined and c > 0 and doc.clauses[c - 1].sent == cl.sent:
        prev = doc.clauses[c - 1]
        if prev.times:
            return prev.times[-1], c - 1
        return _clause_time(doc, c - 1, depth + 1)
    return None, None


def _ahead(t: TimeExpression, published: dt.datetime | None) -> TimeExpression:
    """A planned or asked-for event's time read forward when the sentence's tense read it
    back (دعت النقابة إلى إضراب يوم الأربعاء: the coming Wednesday)."""
    if t.direction != "past" or published is None:
        return t
    again = resolve_time(t.text, published, prefer="future")
    return again.model_copy(update={"span": t.span}) if again is not None else t


def _future(t: TimeExpression, published: dt.datetime | None) -> bool:
    """Whether a time lies after the publication day (الخميس المقبل), or is FUTURE_REF."""
    if t.value == "FUTURE_REF":
        return True
    if published is None or t.interval is None or t.interval.start is None:
        return False
    day = dt.datetime(published.year, published.month, published.day) + dt.timedelta(days=1)
    start = t.interval.start.replace(tzinfo=None)
    return start >= day


def _negated(doc: Doc, tr: Trigger) -> tuple[bool, bool]:
    """(negated, future) from the words right before the trigger."""
    gram = _grammar()
    reach = 4 if tr.pos == "noun" else 2
    for j in range(tr.tok - 1, tr.tok - reach - 1, -1):
        if j < 0 or doc.clause_of[j] != doc.clause_of[tr.tok]:
            break
        if doc.tokens[j].key in gram.negators:
            if doc.tokens[j + 1].key in gram.continuatives:
                continue  # لا يزال مضربا عن الطعام: still on strike
            if tr.pos != "verb" and doc.tokens[j + 1].key in gram.outcome:
                break  # لم تسفر الغارة عن إصابات: the strike happened, its outcome did not
            return True, doc.tokens[j].key in gram.future_negators
    if tr.pos == "verb":
        return False, False
    if _called_off(doc, tr):
        return True, False
    # أي right before the noun, or before the noun it qualifies (أي تجمعات احتجاجية), or
    # before the noun it is coordinated with (أي تجمعات أو احتجاجات)
    before = (tr.tok - 1, tr.tok - 2)
    if tr.tok >= 3 and doc.tokens[tr.tok - 1].key == "او":
        before = (tr.tok - 2, tr.tok - 3)
    for p in before:
        if p < 0 or doc.clause_of[p] != doc.clause_of[tr.tok]:
            break
        if not _has(doc.tokens[p], gram.polarity):
            continue
        for j in range(p - 1, p - 7, -1):
            if j < 0 or doc.clause_of[j] != doc.clause_of[tr.tok]:
                break
            if doc.tokens[j].key in gram.negators:
                if doc.tokens[j + 1].key in gram.continuatives:
                    continue
                return True, doc.tokens[j].key in gram.future_negators
        break
    return False, False


def _called_off(doc: Doc, tr: Trigger) -> bool:
    """A verbal noun called off: after a cancelling word in its clause (ألغت النقابة الإضراب،
    إلغاء المسيرة), or after a word of backing down and عن (تراجعت النقابة عن الإضراب)."""
    gram = _grammar()
    c = doc.clause_of[tr.tok]
    after_an = tr.tok > 0 and doc.tokens[tr.tok - 1].key == "عن"
    for j in range(tr.tok - 1, max(-1, tr.tok - 8), -1):
        if doc.clause_of[j] != c:
            break
        tok = doc.tokens[j]
        if tok.key in gram.cancel and tr.tok - j <= 4:
            return True
        if tok.key in gram.withdraw:
            return after_an
    return False


def _charged(doc: Doc, tr: Trigger) -> bool:
    """A trigger that names a charge (المتهم بقتل زوجته، من تهمة المشاركة في تجمهر)."""
    charges = _grammar().charges
    c = doc.clause_of[tr.tok]
    for j in range(tr.tok - 1, max(-1, tr.tok - 4), -1):
        if doc.clause_of[j] != c:
            return False
        if not charges.isdisjoint(doc.tokens[j].vars):
            return True
    return False


def _hypothetical(doc: Doc, tr: Trigger) -> bool:
    gram = _grammar()
    if tr.tense == "future":
        return True
    toks = doc.tokens
    sent = toks[tr.tok].sent
    s_end = doc.sentences[sent][1]
    tail = doc.article.text[max(s_end - 2, 0) : s_end]
    if any(ch in tail for ch in gram.g.question_marks):
        return True
    if tr.pos == "noun" and tr.tok and _has(toks[tr.tok - 1], gram.intended):
        return True  # عبوات ناسفة معدة للتفجير: meant for it
    for j in range(tr.tok - 1, max(tr.tok - 7, -1), -1):
        if toks[j].sent != sent:
            break
        if toks[j].key in gram.modals:
            return True
        if any(_phrase_at(doc, j - len(ph) + 1, ph) for ph in gram.modal_phrases) and (
            j + 1 == tr.tok and tr.tense in ("present", "future")
        ):
            return True  # على أن يزور وفد سعودي جاكرتا منتصف أبريل
        if toks[j].key in gram.modal_present and j + 1 < len(toks):
            if j + 1 == tr.tok:
                if tr.tense in ("present", "future"):
                    return True
                continue
            nxt = toks[j + 1].key
            if nxt[:1] in "يتن" and len(nxt) >= 3 and not _past_shaped(nxt):
                return True
    return False


@lru_cache(maxsize=4096)
def _past_shaped(word: str) -> bool:
    """A past-tense verb that opens like a present one (قد نظموا، قد نفذت، قد تبنت): a plural
    or dual past ending, a feminine past ت after a stem that is no present form, or a past
    form of the trigger lexicon."""
    if word.endswith(("وا", "تا")) or (word.endswith("ت") and not word.startswith("ت")):
        return True
    return any(s.tense == "past" for s in _compiled().index.get(word, ()))


def _any(doc: Doc, tr: Trigger) -> bool:
    """A noun after a polarity word with no negation (أي هجوم على منشآتها سيقابل برد): any
    such event, none in particular."""
    if tr.pos != "noun" or tr.tok == 0:
        return False
    prev = doc.tokens[tr.tok - 1]
    return prev.sent == doc.tokens[tr.tok].sent and _has(prev, _grammar().polarity)


def _requests(triggers: Sequence[Trigger], clause_of: Sequence[int]) -> dict[int, int]:
    """Clause → token of its first request or threat (دعت، طالب، هدد، لوّح), for
    :func:`_requested`."""
    first: dict[int, int] = {}
    for o in triggers:
        if o.type in ("REQUEST", "THREATEN"):
            first.setdefault(clause_of[o.tok], o.tok)
    return first


def _answered(doc: Doc, triggers: Sequence[Trigger]) -> list[Trigger]:
    """The triggers but the requests said to be answered (تلبية لدعوة النقابات): what
    follows them took place."""
    answered = _grammar().answered
    return [
        o
        for o in triggers
        if not (o.type == "REQUEST" and o.tok > 0 and doc.tokens[o.tok - 1].key in answered)
    ]


def _requested(tr: Trigger, first_request: dict[int, int], clause_of: Sequence[int]) -> bool:
    """Whether ``tr`` is what a request or threat earlier in its clause asks for or holds out
    (دعت النقابة إلى إضراب، طالب المحتجون بطرد السفير، هدد الحوثيون باستهداف السفن): not
    done, asked for or threatened."""
    return first_request.get(clause_of[tr.tok], tr.tok) < tr.tok


def _deniers(doc: Doc, triggers: Sequence[Trigger]) -> dict[int, int]:
    """Sentence → token of its first trigger that denies (نفى), for :func:`_denied`."""
    gram = _grammar()
    first: dict[int, int] = {}
    for other in triggers:
        tok = doc.tokens[other.tok]
        if gram.deniers.isdisjoint(tok.vars) or other.tok >= first.get(tok.sent, other.tok + 1):
            continue
        # نفت الحركة أي صلة لها بالهجوم: its part is denied, not the attack
        nxt = doc.tokens[other.last + 1 : other.last + 6]
        if any(t.sent == tok.sent and not gram.involvement.isdisjoint(t.vars) for t in nxt):
            continue
        first[tok.sent] = other.tok
    return first


def _denied(doc: Doc, tr: Trigger, first_denier: dict[int, int]) -> bool:
    """Whether a trigger before ``tr`` in its sentence denies it (نفى أن يكون ...)."""
    sent = doc.tokens[tr.tok].sent
    return first_denier.get(sent, tr.tok) < tr.tok


# --------------------------------------------------------------------------- events


def _event_id(article_id: str, span: Span, etype: str) -> str:
    raw = f"{article_id}|{span[0]}:{span[1]}|{etype}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _actor(doc: Doc, k: int, role: Literal["agent", "target", "other", "source"]) -> EventActor:
    m = doc.mentions[k]
    return _event_actor(m.name, role, m.kind)


@lru_cache(maxsize=4096)
def _event_actor(name: str, role: ActorRole, kind: ActorKind | None) -> EventActor:
    """An (immutable, hence shareable) :class:`EventActor`, made once per name, role, kind."""
    return EventActor(name=name, role=role, kind=kind)


_REPORTING = frozenset({"say", "announce", "affirm", "declare", "reply"})


Fallback = Literal["none", "lede", "all"]


@dataclass(slots=True)
class EventDraft:
    """An event under construction: the fields of :class:`Event` and of its one mention.

    The engine builds drafts for every trigger, prunes them, and makes :class:`Event` models
    only of the survivors (:meth:`event`): a model is costly to validate, a draft is not.
    """

    id: str
    type: EventType
    mode: str | None
    date: EventDate
    date_basis: Literal["explicit", "publication", "inferred", "unknown"]
    date_note: str | None
    actors: tuple[EventActor, ...]
    location: str | None
    negated: bool
    hypothetical: bool
    confidence: float
    trigger: str
    span: Span
    evidence: str
    trig_span: Span = (0, 0)

    @property
    def agents(self) -> tuple[str, ...]:
        """Names of the agents."""
        return tuple(a.name for a in self.actors if a.role == "agent")

    @property
    def targets(self) -> tuple[str, ...]:
        """Names of the targets."""
        return tuple(a.name for a in self.actors if a.role == "target")

    def event(self, art: Article) -> Event:
        """The :class:`Event` (with its one :class:`Mention`) of this draft in ``art``."""
        return Event.model_validate(self.fields(art))

    def fields(self, art: Article) -> dict[str, object]:
        """The fields of :meth:`event`, to validate many events in one call (:func:`events_of`)."""
        mention = {
            "article": art.id,
            "evidence": self.evidence,
            "span": self.span,
            "published": art.published,
            "type": self.type,
            "mode": self.mode,
            "date": self.date,
            "date_basis": self.date_basis,
            "actors": self.actors,
            "location": self.location,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "source": art.source,
        }
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "date": self.date,
            "date_basis": self.date_basis,
            "date_note": self.date_note,
            "actors": self.actors,
            "location": self.location,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "mentions": (mention,),
            "sources": 1,
            "confidence": self.confidence,
            "trigger": self.trigger,
        }


_EVENTS = TypeAdapter(list[Event])
"""Validates an article's events in one call, faster than model by model."""


def events_of(drafts: Sequence[EventDraft], art: Article) -> list[Event]:
    """The :class:`Event` of each draft (see :meth:`EventDraft.event`)."""
    return _EVENTS.validate_python([d.fields(art) for d in drafts])


_UNKNOWN_DATE = EventDate()


def _build(doc: Doc, triggers: list[Trigger], fallback: Fallback = "lede") -> list[EventDraft]:
    art = doc.article
    events: list[EventDraft] = []
    last_agent: dict[int, int] = {}
    agent_of: dict[int, int | None] = {}  # trigger -> its agent (a mention)
    reporters: dict[int, list[tuple[int, int]]] = {}
    first_denier = _deniers(doc, triggers)
    first_request = _requests(_answered(doc, triggers), doc.clause_of)
    dates: dict[int, EventDate] = {}  # id of a time expression (-1: publication) -> its date
    time_ids = {id(t) for t in doc.times}
    for ti, tr in enumerate(triggers):
        c = doc.clause_of[tr.tok]
        sent = doc.tokens[tr.tok].sent
        # after a bare إن / أن the clause has a subject of its own (قال الوزير إن الجيش دمر):
        # the speaker is no doer there (with a pronoun, أنه سيزور, he is)
        bare = doc.tokens[doc.clauses[c].first].key in _grammar().complementizers
        # the object of a reaction (أدانت الأردن اقتحام المستوطنين الأقصى) is someone else's
        reacted = (
            tr.pos == "noun"
            and any(
                p.tok < tr.tok
                and (
                    (
                        p.type in _REACTIONS
                        and p.mode != "deny"  # نفت موسكو استهداف المدنيين: she is the one accused
                        and doc.clause_of[p.tok] == c
                    )
                    or (  # فرقت الشرطة، مساء أمس، وقفة احتجاجية
                        p.type in _UPON_PROTESTS
                        and tr.type == "PROTEST"
                        and doc.tokens[p.tok].sent == sent
                        and tr.tok - p.last <= 8
                    )
                )
                for p in triggers[max(0, ti - 4) : ti]
            )
        )
        args = _arguments(doc, tr, None if bare else last_agent.get(sent), reacted)
        threat = _threatened_by(doc, triggers, ti, agent_of)
        if threat is not None and threat != args.agent:
            # هدد الحوثيون باستهداف السفن الأمريكية: the threatener would do it, to the
            # one named after the noun
            if args.target is None and args.agent is not None:
                args.target = args.agent
            args.agent = threat
        agent_of[ti] = args.agent
        if args.agent is not None:
            last_agent[sent] = args.agent
        negated, fut = _negated(doc, tr)
        negated = negated or _denied(doc, tr, first_denier)
        planned = fut or tr.tense == "future" or _requested(tr, first_request, doc.clause_of)
        hypo = planned or _hypothetical(doc, tr) or (not negated and _any(doc, tr))
        planned = planned or (hypo and tr.tense == "present")  # قد يزور، على أن يزور
        nxt = triggers[ti + 1] if ti + 1 < len(triggers) else None
        content = (
            nxt
            if nxt is not None
            and tr.type in _REACTIONS | {"ACCUSE"}
            and tr.pos == "verb"
            and nxt.pos == "noun"
            and nxt.type != "STATEMENT"  # رفض في بيان يوم السبت: the statement is the vehicle
            and doc.clause_of[nxt.tok] == c
            else None
        )
        t = _pick_time(doc, c, tr, content)
        where: int | None = c if t is not None else None
        rc = _light_relative(doc, tr) if t is None else None
        if rc is not None:
            # الاتصال الهاتفي الذي جرى بينهما يوم الأحد الماضي: the relative clause dates it
            t = _pick_time(doc, rc, tr)
            where = rc if t is not None else None
        if t is None:
            t, where = _clause_time(doc, c)
            if t is not None and where is not None and tr.type in _SPEECH and _said(doc, c, where):
                t, where = None, None  # وأضاف أن ... قبل نهاية يونيو: the content's time
        if t is not None and t.boundary == "since" and tr.type == "STATEMENT":
            # a saying lasts no time: a since-time dates a state it names (أعلنت الوزارة في
            # بيان، في خرق لاتفاق وقف الأعمال العدائية الساري منذ 27 تشرين الثاني)
            t, where = None, None
        date_note: str | None = None
        intended = planned or (hypo and tr.pos == "noun")  # قررت تنفيذ إضراب يومي 25 و26 جوان
        if t is not None and intended and not negated and t.span[0] > doc.tokens[tr.last].span[0]:
            t = _ahead(t, art.published)  # only a time said after the planned event is its own
        if t is not None and not hypo and _future(t, art.published):
            hypo = True
        if t is not None:
            # the times of the document live as long as it; a time read forward is new
            own = id(t) in time_ids
            date = dates.get(id(t)) if own else None
            if date is None:
                date = _event_date(t)
                if own:
                    dates[id(t)] = date
            basis: Literal["explicit", "publication", "unknown"] = "explicit"
            if t.boundary == "since":
                date_note = "since: the event starts then"
        elif (
            (fallback == "all" or (fallback == "lede" and sent == 0))
            and art.published is not None
            and not hypo
            and not negated
        ):
            date = dates.get(-1) or dates.setdefault(-1, _publication_date(art.published))
            basis = "publication"
        else:
            date, basis = _UNKNOWN_DATE, "unknown"
        roles = _roles(args)
        actors: list[EventActor] = [_actor(doc, k, role) for k, role in roles]
        if tr.type == "PROTEST" and not any(a.role == "agent" for a in actors):
            # إضراب الأساتذة، بدعوة من النقابة: the union that called it leads it
            caller = _convener(doc, tr)
            if caller is not None:
                actors = [_actor(doc, caller, "agent")] + [
                    a for a in actors if a.name != doc.mentions[caller].name
                ]
        # the signing of an agreement between two parties, talks between them: they do it
        # together (جرى توقيع اتفاقية بين مصر والسودان؛ عقدت في الدوحة مباحثات بين ...)
        if tr.type in _grammar().g.joint_types and (
            args.agent is None or _at_venue(doc, args.agent)
        ):
            both = _between_pair(doc, tr)
            if both:
                names = {doc.mentions[k].name for k in both}
                actors = [_actor(doc, k, "agent") for k in both] + [
                    a for a in actors if a.name not in names and a.role != "agent"
                ]
        # a dual subject (ووقع الوزيران، فيما وقع البلدان) beats a doer carried on from before
        first = doc.clauses[c].first
        inherited = args.agent is not None and doc.mention_tok[args.agent][1] < first
        pair = _pair_before(doc, triggers, events, ti) if args.agent is None or inherited else []
        if pair:
            actors = [_event_actor(name, "agent", kind) for name, kind in pair] + [
                a for a in actors if not (inherited and a.role == "agent")
            ]
        for k, role in roles:
            m = doc.mentions[k]
            country = _country_of(m)
            institution = m.via == "institution"
            wanted = (
                institution
                or m.kind == "organization"
                or (tr.type == "AGREE" and m.kind != "country")
            )
            if country and wanted:
                # قوات الأمن العراقية: Iraq acts through its forces; a body of the article's
                # country, or a known one, only takes part
                own = institution and names_its_country(m.text, country)
                actors.append(_event_actor(country, role if own else "other", "country"))
            if m.affiliation:
                # وزير الخارجية الروسي سيرغي لافروف: his ministry takes part
                actors.append(_event_actor(m.affiliation, "other", "organization"))
        if tr.type == "ASSAULT" and args.target is None and args.location is not None:
            # التفجير الذي استهدف سوقاً وسط مدينة كركوك: an attack with no named target
            # hits the country where it happens (not the doer's own)
            hit = place_country(args.location)
            doers = {a.name for a in actors if a.role == "agent"}
            if args.agent is not None:
                doers.add(_country_of(doc.mentions[args.agent]) or "")
            if hit is not None and hit not in doers:
                actors.append(_event_actor(hit, "target", "country"))
        actors.extend(_actor(doc, k, "source") for k in doc.sources.get(sent, ()))
        for rep_tok, rep_agent in reporters.get(sent, []):
            if rep_tok < tr.tok:
                actors.append(_actor(doc, rep_agent, "source"))
                break
        if tr.type == "STATEMENT" and tr.mode in _REPORTING and args.agent is not None:
            reporters.setdefault(sent, []).append((tr.tok, args.agent))
        actors = _unique_actors(actors)
        span = doc.clause_span(c)
        if where is not None and where != c and abs(where - c) == 1:
            other = doc.clause_span(where)
            span = (min(span[0], other[0]), max(span[1], other[1]))
        trig_span = (doc.tokens[tr.tok].span[0], doc.tokens[tr.last].span[1])
        conf = 0.45 + (0.2 if args.agent is not None else 0.0)
        conf += 0.1 if args.target is not None else 0.0
        conf += 0.1 if basis == "explicit" else 0.0
        conf += 0.05 if tr.pos == "verb" else 0.0
        conf = round(min(conf, 0.95), 2)
        events.append(
            EventDraft(
                id=_event_id(art.id, trig_span, tr.type),
                type=tr.type,
                mode=tr.mode,
                date=date,
                date_basis=basis,
                date_note=date_note,
                actors=tuple(actors),
                location=args.location,
                negated=negated,
                hypothetical=hypo,
                confidence=conf,
                trigger=art.text[trig_span[0] : trig_span[1]],
                span=span,
                evidence=art.text[span[0] : span[1]],
                trig_span=trig_span,
            )
        )
    return _inferred_dates(doc, triggers, events, fallback)


def _convener(doc: Doc, tr: Trigger) -> int | None:
    """The body named after بدعوة (من) / بمبادرة (من) later in the sentence of a protest:
    the one that called it."""
    words = _grammar().conveners
    if not words:
        return None
    toks = doc.tokens
    hi = doc.sent_bounds[toks[tr.tok].sent][1]
    for j in range(tr.last + 1, min(hi, tr.last + 30) + 1):
        if not _has(toks[j], words):
            continue
        k = j + 2 if j + 1 <= hi and toks[j + 1].key == "من" else j + 1
        for m in _mentions_in(doc, k, min(k + 1, hi)):
            if doc.mention_tok[m][0] == k and doc.mentions[m].kind != "location":
                return m
        return None
    return None


def _light_relative(doc: Doc, tr: Trigger) -> int | None:
    """The relative clause right after a verbal noun whose verb only carries it (الزيارة
    التي قام بها، الاتصال الذي جرى بينه وبين، الغارة التي شنتها), or None."""
    if tr.pos != "noun":
        return None
    c = doc.clause_of[tr.tok]
    if c + 1 >= len(doc.clauses):
        return None
    nxt = doc.clauses[c + 1]
    gap = range(tr.last + 1, nxt.first)  # definite adjectives between (الاتصال الهاتفي الذي)
    if nxt.opener != "relative" or len(gap) > 2 or nxt.first + 1 > nxt.last:
        return None
    if any(not doc.tokens[j].key.startswith("ال") for j in gap):
        return None
    if not _has(doc.tokens[nxt.first + 1], _grammar().light_verbs):
        return None
    return c + 1


def _relative_parties(doc: Doc, tr: Trigger, marked: bool = False) -> list[int]:
    """The actors named in the light relative clause after a verbal noun (see
    :func:`_light_relative`), in order; those after a preposition (بينه وبين فلان) only
    when ``marked``."""
    rc = _light_relative(doc, tr)
    if rc is None:
        return []
    cl = doc.clauses[rc]
    return [
        k
        for k in _mentions_in(doc, cl.first + 2, cl.last)
        if doc.mentions[k].kind != "location" and (marked or not doc.marks[k])
    ]


def _relative_doer(doc: Doc, tr: Trigger) -> int | None:
    """The doer of a verbal noun named in the relative clause right after it, with a light
    verb (الزيارة التي قام بها الرئيس، الغارة التي شنتها إسرائيل); None otherwise."""
    parties = _relative_parties(doc, tr)
    if not parties:
        return None
    rc = doc.clauses[doc.clause_of[tr.tok] + 1]
    if any(doc.tokens[j].key.startswith(("بين", "وبين")) for j in range(rc.first, rc.last + 1)):
        return None  # الاتصال الذي جرى بينه وبين فلان: two sides, no doer named there
    return parties[0]


def _at_venue(doc: Doc, k: int) -> bool:
    """Whether mention ``k`` follows a place preposition (في الدوحة): a venue."""
    a = doc.mention_tok[k][0]
    return a > 0 and doc.tokens[a - 1].key in _grammar().place_preps


def _between_pair(doc: Doc, tr: Trigger) -> list[int]:
    """The two mentions named after بين following the trigger in its clause (توقيع اتفاقية
    بين تونس وإيطاليا), else none."""
    cl = doc.clauses[doc.clause_of[tr.tok]]
    j = next(
        (j for j in range(tr.last + 1, cl.last + 1) if "بين" in doc.tokens[j].vars),
        None,
    )
    if j is None:
        return []
    after = [k for k in _mentions_in(doc, j + 1, cl.last) if doc.mention_tok[k][0] > j]
    if len(after) < 2 or doc.mention_tok[after[0]][0] > j + 2:
        return []
    return after[:2]


def _dual_subject(doc: Doc, tr: Trigger) -> str | None:
    """The kind (person, country, any) of a dual subject next to a verb (ووقع الوزيران،
    الجانبان اتفقا), see ``dual_subjects`` in events.json."""
    if tr.pos == "noun":
        return None
    duals = _grammar().duals
    cl = doc.clauses[doc.clause_of[tr.tok]]
    for j in (tr.last + 1, tr.last + 2, tr.tok - 1):
        if cl.first <= j <= cl.last:
            for v in doc.tokens[j].vars:
                kind = duals.get(v)
                if kind is not None:
                    return kind
    return None


_DUAL_KINDS: dict[str, tuple[str, ...]] = {
    "person": ("person",),
    "country": ("country",),
    "any": ("person", "country", "organization", "group"),
}


def _pair_before(
    doc: Doc, triggers: Sequence[Trigger], events: Sequence[EventDraft], ti: int
) -> list[tuple[str, ActorKind | None]]:
    """The two actors a dual subject stands for (وصل الشيباني ... والتقى نظيره الصفدي. ووقع
    الوزيران): the first two of one wanted kind among the participants of the latest event
    with two, in this sentence or the two before; none when there is no dual subject."""
    kind = _dual_subject(doc, triggers[ti])
    if kind is None:
        return []
    wanted = _DUAL_KINDS[kind]
    sent = doc.tokens[triggers[ti].tok].sent
    # البلدان after two ministers: their countries
    home = {m.name: m.country for m in doc.mentions if m.kind == "person" and m.country}
    for j in range(len(events) - 1, -1, -1):
        if sent - doc.tokens[triggers[j].tok].sent > 2:
            break
        groups: dict[str, list[tuple[str, ActorKind | None]]] = {}
        for a in events[j].actors:
            name: str | None = a.name
            a_kind = a.kind
            if kind == "country" and a_kind == "person":
                name, a_kind = home.get(a.name), "country"
            if a.role == "source" or a_kind not in wanted or name is None:
                continue
            group = groups.setdefault(a_kind or "", [])
            if all(n != name for n, _ in group):
                group.append((name, a_kind))
        for group in groups.values():
            if len(group) >= 2:
                return group[:2]
    if kind != "country":
        return []
    # no event with two: the two countries named last before it (فيما وقع البلدان)
    out: list[tuple[str, ActorKind | None]] = []
    start = doc.tokens[triggers[ti].tok].span[0]
    for m in sorted(doc.mentions, key=lambda m: -m.span[0]):
        country = _country_of(m)
        if m.span[0] >= start or country is None or (country, "country") in out:
            continue
        if sent - doc.tokens[doc.tok_at(m.span[0])].sent > 2:
            break
        out.append((country, "country"))
        if len(out) == 2:
            return out[::-1]
    return []


def _threatened_by(
    doc: Doc, triggers: Sequence[Trigger], ti: int, agent_of: dict[int, int | None]
) -> int | None:
    """The agent of a threat whose object is verbal noun ``ti`` (هدد الحوثيون باستهداف، لوحت
    واشنطن بفرض عقوبات): the noun, or the word before it, carries ب and follows the threat
    and its subject in its clause, with no other trigger between."""
    tr = triggers[ti]
    if tr.pos != "noun" or ti == 0:
        return None
    p = triggers[ti - 1]
    if p.type != "THREATEN" or doc.clause_of[p.tok] != doc.clause_of[tr.tok]:
        return None
    # its complement with ب, right after the threat and its subject (not بالرد على أي هجوم)
    marked = doc.tokens[tr.tok].key[:1] == "ب" or doc.tokens[tr.tok - 1].key[:1] == "ب"
    if not marked or tr.tok - p.last > 5:
        return None
    return agent_of.get(ti - 1)


def _definite(tok: Token) -> bool:
    """A definite noun (القصف، في الغارة، بالهجوم، وللهجوم)."""
    key = tok.key[1:] if tok.key[:1] in "وف" and len(tok.key) > 4 else tok.key
    return key.startswith(("ال", "لل")) or (key[:1] in "بك" and key[1:3] == "ال")


def _inferred_dates(
    doc: Doc, triggers: list[Trigger], events: list[EventDraft], fallback: Fallback = "lede"
) -> list[EventDraft]:
    """Undated events whose clause refers back with a definite noun (وقتل 3 في الغارة).

    They share the date of the latest dated event of that noun's type in an earlier sentence
    (the lead event), with ``date_basis="inferred"``.
    """
    refs: dict[int, set[str]] = {}
    for tr in triggers:
        if tr.pos == "noun" and _definite(doc.tokens[tr.tok]):
            refs.setdefault(doc.clause_of[tr.tok], set()).add(tr.type)
    if not refs:
        return _narrative_dates(doc, triggers, events, fallback)
    out = list(events)
    for i, (tr, ev) in enumerate(zip(triggers, events, strict=True)):
        c = doc.clause_of[tr.tok]
        kinds = refs.get(c)
        nxt = doc.clauses[c + 1] if c + 1 < len(doc.clauses) else None
        if nxt is not None and nxt.opener == "temporal" and nxt.sent == doc.clauses[c].sent:
            # ووقع الوزيران خلال الزيارة: the time frame opens a clause of its own
            kinds = (kinds or set()) | refs.get(c + 1, set())
        if not kinds or ev.date_basis != "unknown" or ev.negated or ev.hypothetical:
            continue
        sent = doc.tokens[tr.tok].sent
        # the latest lead dated by its own words, else the latest dated by the publication
        lead: EventDraft | None = None
        for j in range(i - 1, -1, -1):
            prev = out[j]
            if doc.tokens[triggers[j].tok].sent >= sent or prev.type not in kinds:
                continue
            if prev.date.value is None or prev.negated or prev.hypothetical:
                continue
            lead = lead or prev
            if prev.date_basis == "explicit":
                lead = prev
                break
        if lead is not None:
            out[i] = replace(ev, date=lead.date, date_basis="inferred")
    return _narrative_dates(doc, triggers, out, fallback)


def _datable(ev: EventDraft, carried: bool) -> bool:
    """An event whose date may date the narration that follows it: dated by its own time,
    or by the narration it carries on (``carried``)."""
    return (
        (ev.date_basis == "explicit" or carried)
        and ev.date.value is not None
        and not ev.date.value.endswith("_REF")
        and not (ev.negated or ev.hypothetical)
    )


def _starts_with(doc: Doc, first: int, phrase: tuple[str, ...]) -> bool:
    """Whether the tokens from ``first`` spell ``phrase`` (the first may carry و or ف)."""
    toks = doc.tokens
    if first + len(phrase) > len(toks):
        return False
    head = toks[first].key
    if head != phrase[0] and not (head[:1] in "وف" and head[1:] == phrase[0]):
        return False
    return all(toks[first + k].key == w for k, w in enumerate(phrase[1:], 1))


@lru_cache(maxsize=4096)
def _conjoined(key: str) -> bool:
    """Whether a sentence's first word carries the conjunction و or ف (واعتقلت، فقد، وجرت),
    not a root letter of a trigger (وقّع، وصل، فرض)."""
    if len(key) < 3 or key[0] not in "وف":
        return False
    index = _compiled().index
    return key not in index and (key[0] == "و" or key[1:] in index or key[1:] == "قد")


def _lede(doc: Doc, sent: int) -> bool:
    """The lede: the first sentence, and a second one that carries it on with a conjunction,
    in its paragraph or the next (في خطوة ذات دلالات ... . ووقّع الرئيس الاتفاقية)."""
    return sent == 0 or (sent == 1 and _carries_on(doc, 1, paragraph=False))


def _carries_on(doc: Doc, sent: int, paragraph: bool = True) -> bool:
    """Whether sentence ``sent`` carries the narration of the one before on: it opens with a
    conjunction (و، ف، ثم، كما، فيما) in the same paragraph, and is no background (وكان ...
    قد) and no change of subject (وفي سياق آخر، من جهة أخرى)."""
    gram = _grammar()
    first = doc.sent_bounds[sent][0]
    key = doc.tokens[first].key
    if key in gram.background or any(_starts_with(doc, first, p) for p in gram.topic_shifts):
        return False
    if key not in gram.inherit and key != "و" and not _conjoined(key):
        return False
    prev = doc.sentences[sent - 1] if sent > 0 else None
    here = doc.sentences[sent]
    if prev is None:
        return False
    return not paragraph or "\n" not in doc.article.text[prev[1] : here[0]]


def _goes_on_across(doc: Doc, sent: int) -> bool:
    """Agency style, one sentence a paragraph: whether sentence ``sent`` opens a paragraph
    with و and a past verb after a paragraph of one sentence (شهد الأمير أمس توقيع اتفاقية.
    ¶ ووقع الاتفاقية عن الجانب ...), not with a phrase (وفي سياق متصل، أرسلت ...)."""
    if sent == 0 or not _carries_on(doc, sent, paragraph=False):
        return False
    prev = doc.sentences[sent - 1]
    before = doc.article.text[: prev[0]].rstrip(" \t")
    first = doc.sent_bounds[sent][0]
    return (not before or before.endswith("\n")) and _past_verb_after_and(doc.tokens[first].key)


def _past_verb_after_and(key: str) -> bool:
    """Whether a word is و / ف and a past-tense trigger verb (ووقع، فأعلن)."""
    if len(key) < 3 or key[0] not in "وف":
        return False
    return any(s.pos == "verb" and s.tense == "past" for s in _compiled().index.get(key[1:], ()))


def _narrative_dates(
    doc: Doc, triggers: list[Trigger], events: list[EventDraft], fallback: Fallback = "lede"
) -> list[EventDraft]:
    """Undated events that carry a dated narration on take its date (``"inferred"``).

    Two cases, both common in news: a clause after a fronted temporal one (وعقب المباحثات،
    شهد الجانبان توقيع ...: the talks' day), and a sentence that goes on with the previous one
    in its paragraph (فرقت الشرطة أمس وقفة ... . واعتقلت ستة منهم: the same day), which takes
    the date of that sentence's first dated event. Present-tense, planned, negated and
    background sentences (وكان ... قد) neither give nor take a date.
    """
    out = list(events)
    gram = _grammar()
    lead: dict[int, EventDate] = {}  # sentence -> date of its first dated event
    kind: dict[int, tuple[str, str | None]] = {}  # sentence -> type and mode of that event
    fronted: dict[int, EventDate] = {}  # sentence -> date of its fronted temporal clause
    for i, (tr, ev) in enumerate(zip(triggers, out, strict=True)):
        sent = doc.tokens[tr.tok].sent
        c = doc.clause_of[tr.tok]
        cl = doc.clauses[c]
        carried = False
        if (
            ev.date_basis == "unknown"
            and not (ev.negated or ev.hypothetical)
            and tr.tense in ("past", "noun")
        ):
            date = fronted.get(sent) if cl.first != doc.sent_bounds[sent][0] else None
            if date is None and sent - 1 in lead and _carries_on(doc, sent):
                date = lead[sent - 1]
            elif (
                date is None
                and kind.get(sent - 1) == (tr.type, tr.mode)
                and _goes_on_across(doc, sent)
            ):  # the same kind of event, told on in the next paragraph
                date = lead[sent - 1]
            if date is not None:
                ev = out[i] = replace(ev, date=date, date_basis="inferred")
                carried = True
            elif fallback == "lede" and doc.article.published is not None and _lede(doc, sent):
                # the second sentence of a lede (في خطوة ... . ووقّع الرئيس الاتفاقية)
                date = _publication_date(doc.article.published)
                ev = out[i] = replace(ev, date=date, date_basis="publication")
        if not _datable(ev, True) or doc.tokens[doc.sent_bounds[sent][0]].key in gram.background:
            continue
        if cl.opener == "temporal" and cl.first == doc.sent_bounds[sent][0]:
            fronted.setdefault(sent, ev.date)  # عقب المباحثات: dated by what it refers to
        if _datable(ev, carried) and sent not in lead:
            lead[sent] = ev.date
            kind[sent] = (tr.type, tr.mode)
    return out


def _with_actors(ev: EventDraft, actors: list[EventActor]) -> EventDraft:
    """``ev`` with new actors."""
    return replace(ev, actors=tuple(_unique_actors(actors)))


def _anaphoric(doc: Doc, tr: Trigger) -> bool:
    """A noun trigger right after a demonstrative (هذه الزيارة): a re-mention, not an event."""
    if tr.pos == "verb" or tr.tok == 0:
        return False
    prev = doc.tokens[tr.tok - 1]
    return prev.sent == doc.tokens[tr.tok].sent and _has(prev, _grammar().demonstratives)


def _consequence(doc: Doc, tr: Trigger, trigger_toks: frozenset[int]) -> bool:
    """Whether ``tr`` is the first trigger after a result or purpose marker (مما ساعدها،
    ما أدى إلى مقتل، بهدف التنديد، في إطار سعيها لتعزيز), at most ``consequence_window``
    words after it in the sentence."""
    gram = _grammar()
    by_last = _consequence_by_last()
    toks = doc.tokens
    sent = toks[tr.tok].sent
    for end in range(tr.tok - 1, max(tr.tok - 2 - gram.g.consequence_window, -1), -1):
        if toks[end].sent != sent or end in trigger_toks:
            return False
        for v in toks[end].vars:  # only the markers whose last word ends here can match
            for ph in by_last.get(v, ()):
                if _phrase_at(doc, end - len(ph) + 1, ph):
                    return True
    return False


@lru_cache(maxsize=1)
def _consequence_by_last() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The consequence markers by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in _grammar().consequence:
        out.setdefault(ph[-1], []).append(ph)
    return {k: tuple(v) for k, v in out.items()}


def _commentary(doc: Doc, tr: Trigger, inside: Sequence[bool]) -> bool:
    """Whether a trigger stands in an analyst's comment: after a commentary verb of its
    clause (هذا يعكس عمق العلاقات، تأتي الزيارة في) or, a noun, as its subject (التصريحات
    تظهر)."""
    words = _grammar().commentary
    cl = doc.clauses[doc.clause_of[tr.tok]]
    toks = doc.tokens
    if any(_has(toks[j], words) for j in range(cl.first, tr.tok)):
        return True
    if tr.pos == "verb":
        return False
    seen = 0
    for j in range(tr.last + 1, cl.last + 1):
        if _has(toks[j], words):
            return True
        seen += not inside[j]
        if seen > 2:
            break
    return False


def _informative(doc: Doc, tr: Trigger, ev: EventDraft) -> bool:
    """Whether an event is worth keeping.

    Material events (an explosion, a protest) always are; a verbal noun of talk or relations
    (الزيارة، الدعم، التعاون) only with an agent of its own, never for the ``verb_only`` types;
    anything else needs an actor.
    """
    if _anaphoric(doc, tr) or _charged(doc, tr):
        return False
    gram = _grammar()
    if tr.type in gram.material or tr.mode in gram.g.material_modes:
        return True
    state = tr.type in gram.verb_only and tr.mode not in gram.g.noun_event_modes
    if tr.pos == "noun" and (state or not ev.agents):
        return False
    return bool(ev.actors)


def prune(doc: Doc, triggers: Sequence[Trigger], events: Sequence[EventDraft]) -> list[EventDraft]:
    """One event per clause and trigger family: drop re-mentions and actor-less talk.

    A saying verb whose own clause holds another event (أعرب عن تضامنه، أعلنت عن احتجاز)
    gives way to that event, which takes its agent as source (or agent); so does a reporting
    verb whose next clause (أن ...) holds an affirmative event (قال X إن Y فعل Z: Y did Z,
    source X), unless the saying has a date of its own. An event of a clause with the same
    type as an earlier one, or nested right after it (three words
    besides actors), with the same polarity
    and actors all among the earlier event's, is folded into it (يتهمها بتصدير ... وتهديد);
    a saying verb left alone keeps a low confidence.
    """
    keep = [_informative(doc, tr, ev) for tr, ev in zip(triggers, events, strict=True)]
    out = list(events)
    n = len(out)
    clause = [doc.clause_of[tr.tok] for tr in triggers]
    sent = [doc.clauses[c].sent for c in clause]
    inside = [False] * len(doc.tokens)
    for a, b in doc.mention_tok:
        for t in range(a, b + 1):
            inside[t] = True
    gram = _grammar()
    trigger_toks = frozenset(tr.tok for tr in triggers)
    for i, tr in enumerate(triggers):
        if not keep[i]:
            continue
        material = tr.type in gram.material
        # a dated earlier event named in a comment is history, and kept (تأتي الزيارة
        # امتداداً لزيارة الملك سلمان إلى جاكرتا في مارس 2017)
        history = tr.prepositional and out[i].date_basis == "explicit"
        comment = (
            not material
            and not history
            and (
                _commentary(doc, tr, inside)
                or (not out[i].agents and _has(doc.tokens[tr.tok], gram.commentary))
            )
        )
        result_clause = _consequence(doc, tr, trigger_toks) and (
            not material or any(keep[j] and sent[j] == sent[i] for j in range(i))
        )
        keep[i] = not (comment or result_clause)
    for i in range(n):
        if not keep[i] or out[i].type != "STATEMENT":
            continue
        later = [j for j in range(i + 1, n) if keep[j] and sent[j] == sent[i]]
        content = [
            j
            for j in later
            if clause[j] == clause[i]
            and out[j].type != "STATEMENT"
            and not _framing(doc, triggers[j])  # وقال للصحفيين لدى وصوله: when, not what
        ]
        if not content and out[i].mode in _REPORTING:
            content = [
                j
                for j in later
                if clause[j] == clause[i] + 1
                and out[j].type != "STATEMENT"
                and not _framing(doc, triggers[j])  # أكد، خلال زيارة قادته، أن: when, not what
                and not (out[j].negated or out[j].hypothetical)
                # قال إن الزيارة حققت أكثر مما توقعنا: a judgement on an event, not news of one
                and not (triggers[j].pos == "noun" and _definite(doc.tokens[triggers[j].tok]))
                and (out[i].date_basis != "explicit" or out[j].date == out[i].date)
            ]
        if not content:
            _fold_framed_statements(doc, triggers, out, keep, i, later)
            continue
        keep[i] = False
        j = content[0]
        speaker = [a for a in out[i].actors if a.role == "agent"]
        if speaker and not out[j].agents and clause[j] == clause[i]:
            extra = [a.model_copy(update={"role": "agent"}) for a in speaker]
        else:
            extra = [a.model_copy(update={"role": "source"}) for a in speaker]
        out[j] = _with_actors(out[j], [*out[j].actors, *extra])
    for i in range(n):
        if not keep[i] or out[i].type == "STATEMENT":
            continue
        names = {a.name for a in out[i].actors}
        for j in range(i + 1, n):
            if not keep[j] or clause[j] != clause[i] or out[j].type == "STATEMENT":
                continue
            gap = range(triggers[i].last + 1, triggers[j].tok)
            near = sum(not inside[t] for t in gap) <= 3
            if not near and out[j].type != out[i].type:
                continue
            if out[j].type != out[i].type and {out[i].type, out[j].type} <= gram.material:
                continue  # اشتباكات بين المحتجين: a clash and a protest, both happened
            if out[i].type == "REQUEST" and out[j].type != "REQUEST":
                continue  # دعت إلى إضراب: the strike asked for is an event of its own
            if (out[j].negated, out[j].hypothetical) != (out[i].negated, out[i].hypothetical):
                continue
            core = {a.name for a in out[j].actors if a.role in ("agent", "target")}
            if core <= names:
                keep[j] = False
    _fold_into_relative(doc, triggers, out, keep)
    _fold_rementions(triggers, out, keep)
    _fold_purposes(doc, triggers, out, keep, sent)
    result: list[EventDraft] = []
    for i, ev in enumerate(out):
        if not keep[i]:
            continue
        if ev.type == "STATEMENT" and not ev.targets:
            ev = replace(ev, confidence=min(ev.confidence, 0.4))
        result.append(ev)
    return result


def _fold_framed_statements(
    doc: Doc,
    triggers: Sequence[Trigger],
    events: Sequence[EventDraft],
    keep: list[bool],
    i: int,
    later: Sequence[int],
) -> None:
    """A statement noun framed by a preposition right after a saying verb (قال الوزير، في
    تصريح صحفي اليوم، إن ...; أكد في بيان), or a participle that goes on with it later in
    the sentence (مضيفاً أن، مؤكداً أن), is that saying: it goes, the verb stays."""
    c = doc.clause_of[triggers[i].tok]
    speakers = set(events[i].agents)
    framing = _grammar().framing
    for j in later:
        tj = triggers[j]
        key = doc.tokens[tj.tok].key
        key = key[1:] if key[:1] in "وف" and len(key) > 5 else key
        # مضيفاً أن، مؤكداً أن، مشيراً إلى: a participle that goes on with the same saying
        going_on = key[:1] == "م" and key[-1:] == "ا" and len(key) > 4
        framed = (
            tj.pos == "noun"
            and doc.clause_of[tj.tok] in (c, c + 1)
            and tj.tok > 0
            and _has(doc.tokens[tj.tok - 1], framing)
        )
        if (
            events[j].type == "STATEMENT"
            and (framed or going_on)
            and set(events[j].agents) <= speakers
            and (events[j].negated, events[j].hypothetical)
            == (events[i].negated, events[i].hypothetical)
        ):
            keep[j] = False


def _framing(doc: Doc, tr: Trigger) -> bool:
    """A verbal noun right after a preposition of time (لدى وصوله، فور عودته، عقب لقائه): it
    says when something else happened."""
    if tr.tok == 0:
        return False
    prev = doc.tokens[tr.tok - 1]
    return prev.sent == doc.tokens[tr.tok].sent and _has(prev, _grammar().time_frames)


def _fold_into_relative(
    doc: Doc, triggers: Sequence[Trigger], events: Sequence[EventDraft], keep: list[bool]
) -> None:
    """A verbal noun right before a relative clause that tells its event (بتنفيذ التفجير الذي
    استهدف سوقاً صباح الأحد الماضي) is that event: the clause's trigger of the same type
    stays, with its own time; the noun goes."""
    by_clause: dict[int, list[int]] = {}
    for j, tr in enumerate(triggers):
        by_clause.setdefault(doc.clause_of[tr.tok], []).append(j)
    for i, tr in enumerate(triggers):
        nxt = tr.last + 1
        if not keep[i] or tr.pos != "noun" or nxt >= len(doc.tokens):
            continue
        c = doc.clause_of[nxt]
        if c == doc.clause_of[tr.tok] or doc.clauses[c].first != nxt:
            continue
        if doc.clauses[c].opener != "relative":
            continue
        same = [j for j in by_clause.get(c, ()) if keep[j] and events[j].type == events[i].type]
        if same and (events[i].negated, events[i].hypothetical) == (
            events[same[0]].negated,
            events[same[0]].hypothetical,
        ):
            keep[i] = False


def _fold_rementions(
    triggers: Sequence[Trigger], events: Sequence[EventDraft], keep: list[bool]
) -> None:
    """Drop a trigger that re-mentions an earlier event of the article: the same trigger
    family, polarity and mode, its actors all among the earlier one's, no other date
    (دعم روسيا لفنزويلا ... استمرار الدعم الروسي لفنزويلا). A verb of a material type
    (قتل، قصف) may well be a new event and is kept."""
    material = _grammar().material
    for j, tj in enumerate(triggers):
        ej = events[j]
        if not keep[j] or (tj.pos == "verb" and tj.type in material):
            continue
        names = {a.name for a in ej.actors if a.role != "source"}
        if not names:
            continue
        for i in range(j):
            ei = events[i]
            if (
                keep[i]
                and triggers[i].entry == tj.entry
                and (ei.mode, ei.negated, ei.hypothetical) == (ej.mode, ej.negated, ej.hypothetical)
                and (ej.date_basis == "unknown" or ej.date == ei.date)
                and names <= {a.name for a in ei.actors if a.role != "source"}
            ):
                keep[j] = False
                break


def _fold_purposes(
    doc: Doc,
    triggers: Sequence[Trigger],
    events: Sequence[EventDraft],
    keep: list[bool],
    sent: Sequence[int],
) -> None:
    """The talks a meeting is held for (استضافت الكويت اجتماعاً ... لبحث التصعيد، التقى
    الوزير نظيره لمناقشة): a verbal noun with ل of purpose after a meeting of its sentence is
    that meeting, not another."""
    for j, tj in enumerate(triggers):
        if not keep[j] or events[j].type != "CONSULT" or tj.pos != "noun":
            continue
        if not doc.tokens[tj.tok].key.startswith("ل"):
            continue
        if any(keep[i] and events[i].type == "CONSULT" and sent[i] == sent[j] for i in range(j)):
            keep[j] = False


def _unique_actors(actors: list[EventActor]) -> list[EventActor]:
    seen: set[str] = set()
    out: list[EventActor] = []
    for a in actors:
        if a.name in seen:
            continue
        seen.add(a.name)
        out.append(a)
    return out


def find_events(
    article: Article,
    times: Sequence[TimeExpression],
    mentions: Sequence[ActorMention],
    *,
    publication_fallback: Fallback = "lede",
) -> tuple[list[Event], list[Agreement]]:
    """Events and agreements of one article.

    An event's date comes from the text. Without a time, an event reported as done in the
    lede (the first sentence, the day's news) gets the publication day
    (``date_basis="publication"``); later background events stay unknown (no clue, no date).
    ``publication_fallback`` is ``"lede"`` (default), ``"all"`` (every such event) or
    ``"none"``.

    ``times`` and ``mentions`` carry spans into ``article.text`` (from ``find_times`` and
    ``find_actors``). Events come in text order; see :mod:`timeline.agreements` for the
    agreements.

    >>> text = "أجرى الرئيس بوتين اتصالاً هاتفياً بالرئيس مادورو"
    >>> art = Article(id="x", text=text, segments=((0, len(text)),))
    >>> ms = [ActorMention(name="Vladimir Putin", kind="person", text="بوتين", span=(12, 17)),
    ...       ActorMention(name="Nicolás Maduro", kind="person", text="مادورو", span=(42, 48))]
    >>> ev, _ = find_events(art, [], ms)
    >>> (ev[0].type, ev[0].mode, ev[0].agents, ev[0].targets, ev[0].date_basis)
    ('CONSULT', 'phone', ('Vladimir Putin',), ('Nicolás Maduro',), 'unknown')
    """
    from .agreements import find_agreements

    doc = analyse(article, times, mentions)
    if not doc.tokens:
        return [], []
    triggers = find_triggers(doc)
    events = _build(doc, triggers, publication_fallback)
    agreements = find_agreements(doc, events)
    return events_of(prune(doc, triggers, events), article), agreements
