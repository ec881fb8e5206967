"""The fast paths give the same answers as the plain definitions they replace.

``timeline.tokens`` computes word spans in bulk (instead of ``norm.span`` per word) and
``Regions`` answers "inside one of these spans?" by bisection (instead of ``any``); the
engines share one token table and one gazetteer scan per text through small caches. These
tests check each shortcut against its definition, and that caching never changes an output.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.actors import find_actors, find_places
from timeline.text import normalise, words
from timeline.tokens import Regions, original_ends, original_starts, table

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

# Arabic letters, diacritics (dropped by normalise), tatweel, digits, punctuation and spaces.
_ALPHABET = st.sampled_from(
    [
        *"وصلالوزيرإأآةىئؤ",
        *["\u064e", "\u064f", "\u0650", "\u0651", "\u064b", "\u0640", "\u200f"],
        *'٢٠25 .،\n"«»-',
    ]
)
_TEXTS = st.lists(_ALPHABET, max_size=80).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_table_matches_word_spans(text: str) -> None:
    tab = table(text)
    norm = normalise(text)
    spans = words(norm.text)
    assert list(zip(tab.starts, tab.ends, strict=True)) == spans
    assert tab.keys == tuple(norm.text[a:b] for a, b in spans)
    assert list(zip(tab.ostarts, tab.oends, strict=True)) == [norm.span(s) for s in spans]


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.data())
def test_original_offsets_match_origin(text: str, data: st.DataObject) -> None:
    norm = normalise(text)
    if not norm.text:
        return
    n = len(norm.text)
    pos = sorted(data.draw(st.lists(st.integers(0, n - 1), max_size=20)))
    assert original_starts(norm, pos) == [norm.origin(p) for p in pos]
    ends = [p + 1 for p in pos]
    assert original_ends(norm, ends) == [norm.span((e - 1, e))[1] for e in ends]


_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPAN, max_size=8), _SPAN)
def test_regions_hold_like_any(regions: list[tuple[int, int]], span: tuple[int, int]) -> None:
    expected = any(a <= span[0] and span[1] <= b for a, b in regions)
    assert Regions(regions).holds(span) is expected


def test_regions_example() -> None:
    r = Regions([(20, 30), (0, 10), (5, 25)])
    assert r.holds((6, 24)) and r.holds((0, 10)) and not r.holds((8, 31))
    assert not Regions([]).holds((0, 0))


def test_caches_do_not_change_outputs() -> None:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    first = [(find_actors(t), find_places(t)) for t in texts]
    # other orders: places before actors, and each text twice in a row
    for t, (actors, places) in zip(reversed(texts), reversed(first), strict=True):
        assert find_places(t) == places
        assert find_actors(t) == actors
        assert find_actors(t) == actors


def test_extract_is_repeatable() -> None:
    arts = [timeline.read_article(p, published="2026-01-21") for p in SEEDS[:3]]
    once = [timeline.extract(a).model_dump(mode="json") for a in arts]
    again = [timeline.extract(a).model_dump(mode="json") for a in reversed(arts)][::-1]
    assert once == again


def test_texts_without_words() -> None:
    for text in ("...", "«»", "، ؟", "\u064e\u064f"):
        x = timeline.extract(text, published="2025-03-10")
        assert x.events == () and x.actor_mentions == ()


def test_drafts_become_the_events_of_find_events() -> None:
    from timeline import events as ev
    from timeline.agreements import find_agreements

    art = timeline.read_article(SEEDS[0], published="2026-01-21")
    x = timeline.extract(art)
    doc = ev.analyse(art, x.times, x.actor_mentions)
    triggers = ev.find_triggers(doc)
    drafts = ev._build(doc, triggers)
    assert find_agreements(doc, drafts) == list(x.agreements)
    kept = [d.event(art) for d in ev.prune(doc, triggers, drafts)]
    assert kept == list(x.events) and kept
    assert all(e.mentions[0].evidence == art.text[slice(*e.mentions[0].span)] for e in kept)


def test_fast_split_only_where_modules_agree() -> None:
    import re

    import regex

    from timeline.tokens import _odd_chars

    odd = _odd_chars()
    ours, fast = regex.compile(r"[\p{L}\p{N}_]"), re.compile(r"\w")
    for c in map(chr, range(0x10000)):
        if bool(ours.fullmatch(c)) != bool(fast.fullmatch(c)):
            assert odd.fullmatch(c), hex(ord(c))
    assert odd.search("\U0001f600") and not odd.search("وصلَ الوزير «2025» ☟")


def test_table_with_odd_characters() -> None:
    text = "وصل\u0558الوزير \U0001f600 أمس"
    tab = table(text)
    assert tab.keys == tuple(normalise(text).text[a:b] for a, b in words(normalise(text).text))


_SENTS = st.lists(_SPAN, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 90), max_size=30).map(sorted), _SENTS, st.booleans())
def test_sentence_words_match_definition(
    ostarts: list[int], sents: list[tuple[int, int]], ordered: bool
) -> None:
    from bisect import bisect_right

    from timeline.events import _sentence_words

    starts_unique = sorted(set(ostarts))
    sents = sorted(sents) if ordered else sents
    starts = [a for a, _ in sents]
    sent_of = [bisect_right(starts, oa) - 1 for oa in starts_unique]
    kept = [w for w, k in enumerate(sent_of) if k >= 0 and starts_unique[w] < sents[k][1]]
    assert _sentence_words(starts_unique, sents) == (kept, [sent_of[w] for w in kept])


def test_place_in_matches_first_place_of_clause() -> None:
    from timeline import events as ev

    for path in SEEDS:
        art = timeline.read_article(path, published="2026-01-21")
        x = timeline.extract(art)
        doc = ev.analyse(art, x.times, x.actor_mentions)
        for cl in doc.clauses:
            a, b = doc.tokens[cl.first].span[0], doc.tokens[cl.last].span[1]
            countries = ev._actor_places(doc)
            first = next(
                (
                    n
                    for (pa, pb), n in doc.places
                    if a <= pa and pb <= b and ((pa, pb) not in countries or ev._placed(doc, pa))
                ),
                None,
            )
            assert ev._place_in(doc, cl) == first


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_token_gaps_and_clauses_match_definition(text: str) -> None:
    """Tokens' gaps are the normalised text between two words (a line break at a sentence's
    start), and a clause starts at every gap with clause punctuation or a line break."""
    from timeline import events as ev

    art = timeline.read_article(f"خبر\n{text} وصل الوزير", published="2025-03-10")
    doc = ev.analyse(art, [], [])
    tab = table(ev.visible_text(art))
    norm = tab.norm.text
    word_at = {o: w for w, o in enumerate(tab.ostarts)}
    punct = set(ev._grammar().g.clause_punct) | {"\n"}
    for j, tok in enumerate(doc.tokens):
        w = word_at[tok.span[0]]
        gap = norm[tab.ends[w - 1] if w else 0 : tab.starts[w]]
        if j and tok.sent != doc.tokens[j - 1].sent:
            gap = "\n"
        assert doc.gap(j) == gap
        starts = j == 0 or bool(doc.cues[j] & ev.CUE_OPENS) or any(c in punct for c in gap)
        assert (doc.clauses[doc.clause_of[j]].first == j) == starts


def test_long_coordinations_take_the_mark_without_recursion() -> None:
    """A mention joined by و shares the mark of the one before, however long the chain."""
    names = " و".join(["روسيا", "كوبا", "فنزويلا"] * 700)
    x = timeline.extract(f"ندد الوزير بـ{names} أمس", published="2025-03-10")
    assert x.events and x.events[0].targets


_SENTENCE_TEXTS = st.lists(
    st.sampled_from([*"وصل ا3ق", *".!?؟؛…", "\n", "\t", " ", "\u00a0", "\u2028", "\x1c", "\x85"]),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SENTENCE_TEXTS)
def test_sentences_match_the_pattern(text: str) -> None:
    """``sentences`` finds the ends of ``_SENTENCE_END`` from character positions."""
    from timeline.text import _SENTENCE_END, _append_trimmed, sentences

    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _append_trimmed(text, start, m.end() if m.group().strip() else m.start(), spans)
        start = m.end()
    _append_trimmed(text, start, len(text), spans)
    assert sentences(text) == spans
