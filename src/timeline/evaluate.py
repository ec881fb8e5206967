"""Score extraction against hand annotations (the gold format of ``seeds/seeds.gold.json``).

Four parts, each with its own numbers:

* **times**, as in TempEval-3: strict extent (same span), relaxed extent (overlapping span),
  both as precision / recall / F1, and value accuracy over the relaxed matches;
* **events**: an event is *found* when an extracted event of the same article has the same
  date at the gold grain (or both are unknown) and shares at least one actor (greedy,
  one-to-one); then type accuracy over the found events and date accuracy over the gold events
  that have an actor-sharing counterpart;
* **actors**: recall of the gold canonical names among the actors extracted from the articles
  in which one of their Arabic forms occurs;
* **merge**: B-cubed and pairwise F1 of the timeline entries against the gold same-event
  groups (``same_event_across_sources``), plus the accuracy of the merged dates.

>>> report = evaluate("seeds/seeds.gold.json", ["seeds/"])  # doctest: +SKIP
>>> print(report.table())  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import BadInputError, TimelineError
from .merge import merge
from .models import Event, Extraction, Span, TimeExpression, Timeline
from .text import normalise_key

__all__ = [
    "Report",
    "Score",
    "at_grain",
    "evaluate",
    "load_gold",
    "score_actors",
    "score_events",
    "score_extractions",
    "score_merge",
    "score_times",
]

_VAGUE = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
_DAY_WITH_TIME = re.compile(r"^(\d{4}-\d\d-\d\d)T.*$")
_ROUNDED = re.compile(r"^(\d{1,3})X+$")


# --------------------------------------------------------------------------------------------
# Scores


@dataclass(frozen=True)
class Score:
    """Counts and the precision / recall / F1 they give.

    ``Score(tp=3, found=4, gold=5).f1`` is 0.667 (P = 0.75, R = 0.6).
    """

    tp: int
    found: int
    gold: int

    @property
    def precision(self) -> float:
        """Share of the extracted items that match a gold item (1.0 when nothing was found)."""
        return _ratio(self.tp, self.found)

    @property
    def recall(self) -> float:
        """Share of the gold items that were found (1.0 when there is no gold item)."""
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float | int]:
        """Counts and ratios as plain JSON."""
        return {
            "tp": self.tp,
            "found": self.found,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _ratio(a: int, b: int) -> float:
    return 1.0 if b == 0 else a / b


@dataclass(frozen=True)
class Accuracy:
    """``correct`` out of ``total``; 1.0 over nothing."""

    correct: int
    total: int

    @property
    def value(self) -> float:
        """The ratio."""
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, float | int]:
        """Counts and ratio as plain JSON."""
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(frozen=True)
class TimeScores:
    """TempEval-3 style scores of temporal expressions."""

    strict: Score
    relaxed: Score
    value: Accuracy
    unlocated: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON."""
        return {
            "strict": self.strict.to_dict(),
            "relaxed": self.relaxed.to_dict(),
            "value": self.value.to_dict(),
            "unlocated_gold": self.unlocated,
        }


@dataclass(frozen=True)
class EventScores:
    """Event detection, type and date scores."""

    found: Score
    type: Accuracy
    date: Accuracy

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON."""
        return {
            "found": self.found.to_dict(),
            "type": self.type.to_dict(),
            "date": self.date.to_dict(),
        }


@dataclass(frozen=True)
class MergeScores:
    """Clustering scores of the merged timeline against the gold same-event groups."""

    bcubed: tuple[float, float, float]
    pairwise: Score
    merged_date: Accuracy
    items: int

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON."""
        p, r, f = self.bcubed
        return {
            "items": self.items,
            "bcubed": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
            "pairwise": self.pairwise.to_dict(),
            "merged_date": self.merged_date.to_dict(),
        }


@dataclass
class Report:
    """The result of :func:`evaluate`: one score block per part, and what was left out.

    ``report.table()`` is a Markdown table; ``report.to_dict()`` is JSON-ready.
    """

    times: TimeScores
    events: EventScores
    actors: Score
    merge: MergeScores
    articles: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    assumed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON."""
        return {
            "articles": self.articles,
            "unmatched": self.unmatched,
            "errors": self.errors,
            "assumed": self.assumed,
            "times": self.times.to_dict(),
            "events": self.events.to_dict(),
            "actors": self.actors.to_dict(),
            "merge": self.merge.to_dict(),
        }

    def table(self) -> str:
        """A Markdown table: one row per metric, with its counts."""
        rows: list[tuple[str, str, str, str, str]] = []

        def prf(name: str, s: Score) -> None:
            rows.append(
                (name, _pct(s.precision), _pct(s.recall), _pct(s.f1), f"{s.tp}/{s.found}/{s.gold}")
            )

        def acc(name: str, a: Accuracy) -> None:
            rows.append((name, "", "", _pct(a.value), f"{a.correct}/{a.total}"))

        prf("times: strict extent", self.times.strict)
        prf("times: relaxed extent", self.times.relaxed)
        acc("times: value accuracy", self.times.value)
        prf("events: found", self.events.found)
        acc("events: type accuracy", self.events.type)
        acc("events: date accuracy", self.events.date)
        rows.append(
            (
                "actors: recall",
                "",
                _pct(self.actors.recall),
                "",
                f"{self.actors.tp}/{self.actors.gold}",
            )
        )
        p, r, f = self.merge.bcubed
        rows.append(("merge: B-cubed", _pct(p), _pct(r), _pct(f), f"{self.merge.items} items"))
        prf("merge: pairwise", self.merge.pairwise)
        acc("merge: merged date", self.merge.merged_date)
        head = "| metric | P | R | F1 / acc | tp/found/gold |\n|---|---:|---:|---:|---:|\n"
        body = "\n".join("| " + " | ".join(r) + " |" for r in rows)
        notes = [f"\n\n{len(self.articles)} article(s) scored"]
        if self.assumed:
            notes.append(" with the assumed publication dates")
        if self.unmatched:
            notes.append(f"; not in the gold file: {', '.join(self.unmatched)}")
        if self.errors:
            notes.append(f"; {len(self.errors)} input(s) failed")
        return head + body + "".join(notes) + ".\n"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


# --------------------------------------------------------------------------------------------
# Gold


def load_gold(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and check a gold file; raises :class:`BadInputError` when it is not one.

    >>> gold = load_gold("seeds/seeds.gold.json")  # doctest: +SKIP
    >>> gold["articles"][0]["file"]  # doctest: +SKIP
    '000_62b3d14e81318b01.txt'
    """
    where = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInputError(f"cannot read the gold file: {exc.strerror}", where=where) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(f"the gold file is not JSON: {exc}", where=where) from exc
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise BadInputError('a gold file is an object with an "articles" list', where=where)
    for i, art in enumerate(data["articles"]):
        if not isinstance(art, dict) or not isinstance(art.get("file"), str):
            raise BadInputError(f'articles[{i}] needs a "file" name', where=where)
    return data


def at_grain(gold: str | None, got: str | None) -> bool:
    """Whether ``got`` gives the same date as ``gold`` at the grain of ``gold``.

    Both unknown (``None``) is a match; ``2025-05-12`` matches ``2025-05``; ``1962`` matches
    ``196X``; ``2026-01-20TMO`` (صباح الثلاثاء) is compared at the day; vague references and
    year-less values (``XXXX-05``, مايو الماضي) must be equal.

    >>> at_grain("2025-05", "2025-05-12"), at_grain("196X", "1962"), at_grain(None, None)
    (True, True, True)
    """
    if gold is None or got is None:
        return gold is None and got is None
    if gold in _VAGUE:
        return got == gold
    day = _DAY_WITH_TIME.match(gold)
    if day:
        gold = day.group(1)
    rounded = _ROUNDED.match(gold)
    if rounded:
        digits = rounded.group(1)
        head = got[:4]
        return head.startswith(digits) and (head == gold or head[len(digits) :].isdigit())
    if got == gold:
        return True
    return got.startswith(gold) and got[len(gold)] in "-T"


def _gold_value(item: dict[str, Any], key: str, assumed: bool) -> Any:
    alt = f"{key}_if_published_assumed"
    if assumed and alt in item:
        return item[alt]
    return item.get(key)


# --------------------------------------------------------------------------------------------
# Times


def _locate(text: str, needle: str, count: int, taken: set[Span]) -> list[Span]:
    """The first ``count`` places of ``needle`` in ``text`` not already taken."""
    spans: list[Span] = []
    start = 0
    while len(spans) < count and needle:
        i = text.find(needle, start)
        if i < 0:
            break
        span = (i, i + len(needle))
        if span not in taken:
            spans.append(span)
        start = i + 1
    return spans


def _found_times(x: Extraction) -> list[TimeExpression]:
    """The extracted times, plus the publication date the reader recognised in a date line."""
    times = list(x.times)
    a = x.article
    printed = a.published_span
    if (
        printed is not None
        and a.published is not None
        and a.published_text
        and not any(_overlap(t.span, printed) for t in times)
    ):
        value = a.published.date().isoformat()
        times.append(
            TimeExpression(text=a.published_text, span=a.published_span, value=value, grain="day")
        )
    return times


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_times(
    gold_article: dict[str, Any], extraction: Extraction, *, assumed: bool = False
) -> tuple[TimeScores, list[tuple[str, str | None, str | None]]]:
    """Score one article's times; also returns ``(gold text, gold value, found value)`` rows.

    ``count`` expands a gold expression to that many occurrences, located in order in the
    article's text.
    """
    text = extraction.article.text
    gold: list[tuple[Span | None, str, str]] = []
    taken: set[Span] = set()
    for g in gold_article.get("timexes", []):
        n = int(g.get("count", 1))
        spans = _locate(text, g["text"], n, taken)
        taken.update(spans)
        value = str(_gold_value(g, "value", assumed))
        gold.extend((s, g["text"], value) for s in spans)
        gold.extend((None, g["text"], value) for _ in range(n - len(spans)))
    found = _found_times(extraction)
    strict = sum(1 for s, _, _ in gold if s is not None and any(t.span == s for t in found))
    used: set[int] = set()
    correct = 0
    rows: list[tuple[str, str | None, str | None]] = []
    relaxed = 0
    for span, gtext, gvalue in gold:
        best: tuple[int, int] | None = None
        if span is not None:
            for i, t in enumerate(found):
                ov = _overlap(span, t.span)
                if i not in used and ov > 0 and (best is None or ov > best[0]):
                    best = (ov, i)
        if best is None:
            rows.append((gtext, gvalue, None))
            continue
        used.add(best[1])
        relaxed += 1
        got = found[best[1]].value
        correct += got == gvalue
        rows.append((gtext, gvalue, got))
    unlocated = sum(1 for s, _, _ in gold if s is None)
    return (
        TimeScores(
            strict=Score(strict, len(found), len(gold)),
            relaxed=Score(relaxed, len(found), len(gold)),
            value=Accuracy(correct, relaxed),
            unlocated=unlocated,
        ),
        rows,
    )


# --------------------------------------------------------------------------------------------
# Events


def _event_names(e: Event) -> set[str]:
    return {_name_key(a.name) for a in e.actors}


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _gold_event_date(gold_article: dict[str, Any], g: dict[str, Any], assumed: bool) -> Any:
    if assumed:
        alt = gold_article.get("events_if_published_assumed") or {}
        if g.get("id") in alt:
            return alt[g["id"]]
    return g.get("date")


def match_events(
    gold_article: dict[str, Any], extraction: Extraction, *, assumed: bool = False
) -> tuple[dict[int, int], dict[int, int]]:
    """Greedy one-to-one matches of gold events to extracted events of one article.

    Returns ``(found, paired)``: ``found`` pairs gold index → extracted index under the
    judges' rule (same date at the gold grain, or both unknown, and a shared actor);
    ``paired`` pairs on shared actors alone (preferring the same date), for date accuracy.
    """
    golds = gold_article.get("events", [])
    events = extraction.events

    def pair(need_date: bool) -> dict[int, int]:
        candidates: list[tuple[int, int, int, int]] = []
        for gi, g in enumerate(golds):
            names = {_name_key(n) for n in g.get("actors", [])}
            gdate = _gold_event_date(gold_article, g, assumed)
            for ei, e in enumerate(events):
                shared = len(names & _event_names(e))
                if not shared:
                    continue
                same_date = at_grain(gdate, e.date.value)
                if need_date and not same_date:
                    continue
                same_type = int(e.type == g.get("type"))
                candidates.append((-(same_date * 4 + same_type * 2 + shared), gi, ei, 0))
        candidates.sort()
        out: dict[int, int] = {}
        used: set[int] = set()
        for _, gi, ei, _ in candidates:
            if gi not in out and ei not in used:
                out[gi] = ei
                used.add(ei)
        return out

    return pair(True), pair(False)


def score_events(
    gold_article: dict[str, Any], extraction: Extraction, *, assumed: bool = False
) -> EventScores:
    """Score one article's events (see :func:`match_events`)."""
    golds = gold_article.get("events", [])
    found, paired = match_events(gold_article, extraction, assumed=assumed)
    events = extraction.events
    type_ok = sum(1 for gi, ei in found.items() if events[ei].type == golds[gi].get("type"))
    date_ok = sum(
        1
        for gi, ei in paired.items()
        if at_grain(_gold_event_date(gold_article, golds[gi], assumed), events[ei].date.value)
    )
    return EventScores(
        found=Score(len(found), len(events), len(golds)),
        type=Accuracy(type_ok, len(found)),
        date=Accuracy(date_ok, len(paired)),
    )


# --------------------------------------------------------------------------------------------
# Actors


def score_actors(gold: dict[str, Any], extraction: Extraction) -> Score:
    """Recall of the gold actors whose Arabic forms occur in the article.

    ``tp`` = gold actors present in the text and among the extracted actors (or actor
    mentions); ``found`` = distinct extracted actors.
    """
    text = normalise_key(extraction.article.text)
    names = {_name_key(a.name) for a in extraction.actors}
    names |= {_name_key(m.name) for m in extraction.actor_mentions}
    expected: set[str] = set()
    for actor in gold.get("actors", []):
        forms = [normalise_key(f) for f in actor.get("ar", [])]
        if any(f and _has_word(text, f) for f in forms):
            expected.add(_name_key(actor["name"]))
    tp = len(expected & names)
    return Score(tp, len(names), len(expected))


def _has_word(text: str, form: str) -> bool:
    """``form`` in ``text`` ending a word and starting one, after at most three prefix letters
    (Arabic proclitics such as و، ب، ال، وال)."""
    pattern = rf"(?<![^\W\d_]{{4}}){re.escape(form)}(?![^\W\d_])"
    return re.search(pattern, text) is not None


# --------------------------------------------------------------------------------------------
# Merge


def _mention_keys(e: Event) -> set[tuple[str, Span]]:
    return {(m.article, m.span) for m in e.mentions}


def score_merge(
    gold: dict[str, Any],
    pairs: Iterable[tuple[dict[str, Any], Extraction]],
    timeline: Timeline,
    *,
    assumed: bool = False,
) -> MergeScores:
    """B-cubed and pairwise scores of the timeline entries against the gold groups.

    Every gold event of the scored articles is an item; its gold cluster is its group in
    ``same_event_across_sources`` (else itself); its predicted cluster is the timeline entry
    holding the extracted event matched to it (else itself alone).
    """
    pairs = list(pairs)
    ids = {x.article.id for _, x in pairs}
    group_of: dict[tuple[str, str], str] = {}
    merged_dates: dict[str, str | None] = {}
    for g in gold.get("same_event_across_sources", []):
        arts = [a for a in g.get("articles", []) if a in ids]
        for a in arts:
            group_of[(a, g["event"])] = g["event"]
        if len(arts) > 1:
            merged_dates[g["event"]] = g.get("merged_date")
    gold_cluster: dict[tuple[str, str], str] = {}
    pred_cluster: dict[tuple[str, str], str] = {}
    entry_of: dict[str, int] = {}
    for ti, entry in enumerate(timeline.events):
        for key in _mention_keys(entry):
            entry_of[f"{key[0]}\0{key[1][0]}:{key[1][1]}"] = ti
        entry_of.setdefault(f"id\0{entry.id}", ti)
    entry_dates: dict[str, str | None] = {}
    for gart, x in pairs:
        found, _ = match_events(gart, x, assumed=assumed)
        for gi, g in enumerate(gart.get("events", [])):
            item = (x.article.id, str(g.get("id", gi)))
            gold_cluster[item] = group_of.get(item, f"{item[0]}#{item[1]}")
            pred_cluster[item] = f"alone:{item[0]}#{item[1]}"
            if gi not in found:
                continue
            ev = x.events[found[gi]]
            keys = [f"{a}\0{s[0]}:{s[1]}" for a, s in _mention_keys(ev)] + [f"id\0{ev.id}"]
            hit = next((entry_of[k] for k in keys if k in entry_of), None)
            if hit is not None:
                pred_cluster[item] = f"entry:{hit}"
                if item in group_of:
                    entry_dates.setdefault(group_of[item], timeline.events[hit].date.value)
    date_ok = sum(1 for ev, d in merged_dates.items() if at_grain(d, entry_dates.get(ev, "?")))
    return MergeScores(
        bcubed=bcubed(gold_cluster, pred_cluster),
        pairwise=pairwise(gold_cluster, pred_cluster),
        merged_date=Accuracy(date_ok, len(merged_dates)),
        items=len(gold_cluster),
    )


def bcubed(gold: dict[Any, str], pred: dict[Any, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a predicted clustering over the items of ``gold``.

    >>> bcubed({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "x"})[1]
    1.0
    """
    items = list(gold)
    if not items:
        return 1.0, 1.0, 1.0

    def members(c: dict[Any, str]) -> dict[str, set[Any]]:
        out: dict[str, set[Any]] = {}
        for i in items:
            out.setdefault(c[i], set()).add(i)
        return out

    gm, pm = members(gold), members(pred)
    p = sum(len(gm[gold[i]] & pm[pred[i]]) / len(pm[pred[i]]) for i in items) / len(items)
    r = sum(len(gm[gold[i]] & pm[pred[i]]) / len(gm[gold[i]]) for i in items) / len(items)
    return p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r))


def pairwise(gold: dict[Any, str], pred: dict[Any, str]) -> Score:
    """Pairwise scores: a pair of items is positive when both share a cluster."""
    items = list(gold)

    def pairs(c: dict[Any, str]) -> set[tuple[int, int]]:
        return {
            (i, j)
            for i in range(len(items))
            for j in range(i + 1, len(items))
            if c[items[i]] == c[items[j]]
        }

    g, p = pairs(gold), pairs(pred)
    return Score(len(g & p), len(p), len(g))


# --------------------------------------------------------------------------------------------
# The whole evaluation


def _add(a: Score, b: Score) -> Score:
    return Score(a.tp + b.tp, a.found + b.found, a.gold + b.gold)


def _addacc(a: Accuracy, b: Accuracy) -> Accuracy:
    return Accuracy(a.correct + b.correct, a.total + b.total)


def score_extractions(
    gold: dict[str, Any],
    extractions: Sequence[Extraction],
    *,
    assumed: bool = False,
    timeline: Timeline | None = None,
    merger: Callable[[list[Extraction]], Timeline] | None = None,
) -> Report:
    """Score ready-made extractions against a loaded gold file (matched by article id =
    file name); ``timeline`` defaults to ``merge(extractions)``."""
    by_file = {a["file"]: a for a in gold["articles"]}
    pairs: list[tuple[dict[str, Any], Extraction]] = []
    unmatched: list[str] = []
    for x in extractions:
        key = x.article.id
        art = by_file.get(key) or by_file.get(os.path.basename(key))
        if art is None:
            unmatched.append(key)
        else:
            pairs.append((art, x))
    zero = Score(0, 0, 0)
    times = TimeScores(zero, zero, Accuracy(0, 0))
    events = EventScores(zero, Accuracy(0, 0), Accuracy(0, 0))
    actors = zero
    for art, x in pairs:
        t, _ = score_times(art, x, assumed=assumed)
        times = TimeScores(
            _add(times.strict, t.strict),
            _add(times.relaxed, t.relaxed),
            _addacc(times.value, t.value),
            times.unlocated + t.unlocated,
        )
        e = score_events(art, x, assumed=assumed)
        events = EventScores(
            _add(events.found, e.found),
            _addacc(events.type, e.type),
            _addacc(events.date, e.date),
        )
        actors = _add(actors, score_actors(gold, x))
    if timeline is None:
        timeline = (merger or merge)([x for _, x in pairs])
    return Report(
        times=times,
        events=events,
        actors=actors,
        merge=score_merge(gold, pairs, timeline, assumed=assumed),
        articles=[x.article.id for _, x in pairs],
        unmatched=unmatched,
        assumed=assumed,
    )


def evaluate(
    gold_path: str | os.PathLike[str],
    paths: Sequence[str | os.PathLike[str]],
    *,
    published_assumed: bool = False,
    prefer: str = "past",
) -> Report:
    """Read the articles of ``paths`` (files or folders), extract, merge and score them
    against the gold file; articles are matched to gold by file name.

    With ``published_assumed`` each article is read with its gold ``published_assumed`` date
    and scored against the ``*_if_published_assumed`` values.

    >>> r = evaluate("seeds/seeds.gold.json", ["seeds/"])  # doctest: +SKIP
    >>> r.to_dict()["events"]["found"]["recall"]  # doctest: +SKIP
    """
    from .pipeline import extract
    from .reader import iter_sources

    gold = load_gold(gold_path)
    assumed_dates: dict[str, dt.datetime] = {}
    if published_assumed:
        for art in gold["articles"]:
            if art.get("published_assumed"):
                assumed_dates[art["file"]] = dt.datetime.fromisoformat(art["published_assumed"])
    errors: list[str] = []

    def on_error(where: str, exc: TimelineError) -> None:
        errors.append(str(exc))

    extractions: list[Extraction] = []
    for article in iter_sources([os.fspath(p) for p in paths], on_error=on_error):
        when = assumed_dates.get(article.id)
        if when is not None:
            article = article.model_copy(update={"published": when, "published_precision": "day"})
        try:
            extractions.append(extract(article, prefer=prefer))
        except TimelineError as exc:
            errors.append(f"{article.id}: {exc}")
    report = score_extractions(gold, extractions, assumed=published_assumed)
    report.errors = errors
    return report
