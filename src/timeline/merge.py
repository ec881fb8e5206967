"""Cross-source merge: many articles' events become one deduplicated timeline.

Every :class:`~timeline.models.Event` carries its :class:`~timeline.models.Mention` objects, and
each mention keeps what its article said (type, date, actors, place, publication date ...).
:func:`merge` flattens all its inputs to the *set* of their mentions (deduplicated by
``(article, span, type)``), clusters that set and rebuilds each entry from its cluster. The
result depends on the set of mentions only, so merging is order-independent, associative
(``merge([merge(a), merge(b)]) == merge(a + b)``) and idempotent (``merge([t, t]) == t``).

Clustering uses blocking (type × actor keys swept along the time axis, plus text keys for wire
copies), pairs sorted by a canonical key, union-find, and a cannot-link check so that a chain of
near matches never fuses two distinct events. See ``docs/merge.md``.

>>> from timeline.models import Mention, Timeline
>>> merge([Timeline()]).events
()
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import get_args

import regex
from pydantic import BaseModel, ConfigDict

from . import lexicon
from .errors import BadInputError
from .models import (
    Actor,
    Agreement,
    ArticleInfo,
    DateBasis,
    Event,
    EventActor,
    EventDate,
    Extraction,
    Grain,
    Mention,
    MilestoneStage,
    Timeline,
)
from .text import normalise_key

__all__ = ["merge", "text_similarity"]

# --------------------------------------------------------------------------------------------
# Tunable constants
# --------------------------------------------------------------------------------------------

WIRE_SIMILARITY = 0.8
"""Character-trigram Jaccard similarity above which two evidences are copies of one report."""
TEXT_HINT = 0.3
"""Similarity above which the evidence texts count as a hint of sameness."""
DAY_SLACK = dt.timedelta(days=2)
"""Two day-precision reports at most this far apart may be one event with disputed dates."""
MIN_EVIDENCE = 2.0
"""Points of positive evidence needed to merge two compatible mentions."""
MIN_EVIDENCE_UNDATED = 3.0
"""Points needed when one of the two mentions has no date to compare."""
MIN_SHINGLES = 20
"""Evidence shorter than this many character trigrams (about 22 characters) is not compared."""
BLOCK_ALL_PAIRS = 16
"""Blocks up to this size compare every pair of loose (undated) mentions."""
WINDOW = 4
"""In larger blocks, loose mentions are compared with this many neighbours."""
TEXT_BLOCK_MAX = 200
"""Text blocks bigger than this (a phrase too common to tell reports apart) are skipped."""
NEIGHBOURS = 8
"""Most neighbours, on each side, that a dated mention is paired with inside one block."""
SAMPLE = 6
"""Most members of each cluster compared when two clusters would join."""
AGREEMENT_NAME_SIMILARITY = 70.0
"""rapidfuzz ratio above which two agreement names are taken as one agreement."""

_GRAIN_ORDER: tuple[Grain, ...] = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    "millennium",
    "vague",
)
_GRAIN_RANK = {g: i for i, g in enumerate(_GRAIN_ORDER)}
_ROLE_ORDER = {"agent": 0, "target": 1, "other": 2, "source": 3}
_KIND_ORDER = ("person", "country", "organization", "group", "media", "location", "other")
_STAGE_ORDER: tuple[str, ...] = get_args(MilestoneStage)
_FINE = _GRAIN_RANK["day"]
_MONTH = _GRAIN_RANK["month"]

_YEARLESS = regex.compile(r"^XXXX-(\d\d)(?:-(\d\d))?$")
_ISO = regex.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")

MentionKey = tuple[str, int, int, str, str]


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _digest(parts: Iterable[str], prefix: str) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{h[:12]}"


def _clean(text: str) -> str:
    """Normalised text reduced to its words, single-spaced."""
    return str(_NON_WORD.sub(" ", normalise_key(text))).strip()


def _stable_hash(text: str) -> int:
    """A hash that is the same in every process (unlike ``hash``, salted per process), so
    that blocking and similarity are deterministic across workers."""
    return zlib.crc32(text.encode("utf-8"))


def _shingles(text: str, n: int = 3, *, clean: bool = False) -> frozenset[int]:
    """Stable hashes of the character n-grams of the cleaned text (a collision matters only
    to similarity scores, never to which mentions exist)."""
    t = text if clean else _clean(text)
    if len(t) <= n:
        return frozenset([_stable_hash(t)]) if t else frozenset()
    grams = map(t.__getitem__, map(slice, range(len(t) - n + 1), range(n, len(t) + 1)))
    return frozenset(map(_stable_hash, grams))


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def text_similarity(a: str, b: str) -> float:
    """Jaccard similarity of the character trigrams of two normalised texts.

    >>> text_similarity("وصل الرئيس إلى موسكو", "وصل الرئيس الى موسكو")
    1.0
    """
    return _jaccard(_shingles(a), _shingles(b))


def _grain_rank(grain: str | None) -> int:
    rank: int = _GRAIN_RANK.get(grain or "vague", _GRAIN_RANK["vague"])  # type: ignore[call-overload]
    return rank


def _month_interval(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(year, month, 1)
    end = dt.datetime(year + 1, 1, 1) if month == 12 else dt.datetime(year, month + 1, 1)
    return start, end


def _iso_interval(value: str) -> tuple[dt.datetime, dt.datetime, Grain] | None:
    """Interval of a plain ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value."""
    m = _ISO.match(value)
    if m is None:
        return None
    try:
        year = int(m.group(1))
        if m.group(2) is None:
            return dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1), "year"
        month = int(m.group(2))
        if m.group(3) is None:
            start, end = _month_interval(year, month)
            return start, end, "month"
        day = dt.datetime(year, month, int(m.group(3)))
    except ValueError:
        return None
    return day, day + dt.timedelta(days=1), "day"


def _place_yearless(
    month: int, day: int | None, bound: dt.datetime
) -> tuple[dt.datetime, dt.datetime] | None:
    """Latest such month (or day) starting on or before ``bound``.

    >>> _place_yearless(5, None, dt.datetime(2025, 10, 28))[0].date()
    datetime.date(2025, 5, 1)
    """
    for year in range(bound.year, bound.year - 9, -1):
        try:
            if day is None:
                start, end = _month_interval(year, month)
            else:
                start = dt.datetime(year, month, day)
                end = start + dt.timedelta(days=1)
        except ValueError:
            continue
        if start <= bound:
            return start, end
    return None


def _iter_months(start: dt.datetime, end: dt.datetime) -> Iterable[tuple[int, int]]:
    y, m = start.year, start.month
    for _ in range(13):
        if dt.datetime(y, m, 1) >= end:
            return
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _mention_key(m: Mention) -> MentionKey:
    extra = m.evidence if m.span[0] == m.span[1] else ""
    return (m.article, m.span[0], m.span[1], m.type or "", extra)


def _pick(counter: Counter[str], order: Callable[[str], object] | None = None) -> str | None:
    """Most common value; ties broken by ``order`` (default: the value itself)."""
    if not counter:
        return None
    key = order or (lambda v: v)
    return min(counter, key=lambda v: (-counter[v], key(v)))


# --------------------------------------------------------------------------------------------
# Mentions as clustering records
# --------------------------------------------------------------------------------------------


@dataclass
class _Rec:
    """A mention with what clustering needs precomputed."""

    m: Mention
    key: MentionKey
    agents: frozenset[str]
    targets: frozenset[str]
    parts: frozenset[str]
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    grain: str | None = None
    yearless: tuple[int, int | None] | None = None
    ub: dt.datetime | None = None
    resolved: bool = False

    @cached_property
    def clean(self) -> str:
        return _clean(self.m.evidence)

    @cached_property
    def shingles(self) -> frozenset[int]:
        return _shingles(self.clean, clean=True)

    @cached_property
    def place(self) -> str | None:
        return normalise_key(self.m.location) if self.m.location else None

    @property
    def dated(self) -> bool:
        return self.start is not None


def _reports_past(m: Mention) -> bool:
    """Whether the article reports the event as done (so it happened before publication)."""
    if m.hypothetical or m.published is None:
        return False
    d = m.date
    return d is None or d.start is None or d.start <= m.published


def _own_interval(m: Mention) -> tuple[dt.datetime, dt.datetime, str] | None:
    d = m.date
    if d is None:
        return None
    if d.start is not None and d.end is not None:
        return d.start, d.end, d.grain or "day"
    if d.value:
        iso = _iso_interval(d.value)
        if iso is not None:
            return iso
    return None


def _record(m: Mention, rename: dict[str, str]) -> _Rec:
    def names(role: str) -> frozenset[str]:
        return frozenset(rename.get(a.name, a.name) for a in m.actors if a.role == role)

    agents, targets = names("agent"), names("target")
    parts = frozenset(rename.get(a.name, a.name) for a in m.actors if a.role != "source")
    rec = _Rec(m=m, key=_mention_key(m), agents=agents, targets=targets, parts=parts)
    rec.ub = m.published if _reports_past(m) else None
    own = _own_interval(m)
    if own is not None:
        rec.start, rec.end, rec.grain = own
        return rec
    value = m.date.value if m.date is not None else None
    ym = _YEARLESS.match(value) if value else None
    if ym is not None:
        month, day = int(ym.group(1)), int(ym.group(2)) if ym.group(2) else None
        if 1 <= month <= 12:
            placed = _place_yearless(month, day, m.published) if m.published else None
            if placed is not None:
                rec.start, rec.end = placed
                rec.grain = "month" if day is None else "day"
                rec.resolved = True
            else:
                rec.yearless = (month, day)
    return rec


# --------------------------------------------------------------------------------------------
# Pairwise decisions
# --------------------------------------------------------------------------------------------


def _yearless_fits(y: tuple[int, int | None], start: dt.datetime, end: dt.datetime) -> bool:
    if end - start >= dt.timedelta(days=366):
        return True
    month, day = y
    for yy, mm in _iter_months(start, end):
        if mm != month:
            continue
        if day is None:
            return True
        try:
            d = dt.datetime(yy, mm, day)
        except ValueError:
            continue
        if start < d + dt.timedelta(days=1) and d < end:
            return True
    return False


def _date_relation(a: _Rec, b: _Rec) -> str:
    """``overlap``, ``near`` (adjacent days), ``loose`` (one side not placed) or ``conflict``."""
    for x, y in ((a, b), (b, a)):
        if x.ub is not None and y.start is not None and y.start > x.ub:
            return "conflict"
    if a.start is not None and b.start is not None:
        assert a.end is not None and b.end is not None
        gap = max(a.start, b.start) - min(a.end, b.end)
        if gap < dt.timedelta(0):
            return "overlap"
        fine = _grain_rank(a.grain) <= _FINE and _grain_rank(b.grain) <= _FINE
        return "near" if fine and gap <= DAY_SLACK else "conflict"
    if a.yearless is not None and b.yearless is not None:
        (ma, da), (mb, db) = a.yearless, b.yearless
        if ma != mb or (da is not None and db is not None and da != db):
            return "conflict"
        return "overlap"
    for x, y in ((a, b), (b, a)):
        if x.yearless is not None and y.start is not None and y.end is not None:
            return "overlap" if _yearless_fits(x.yearless, y.start, y.end) else "conflict"
    return "loose"


class _Actors:
    """Actor matching: a person or body matches itself and, loosely, its own country."""

    def __init__(self, country: dict[str, str]) -> None:
        self.country = country

    def match(self, x: str, y: str) -> bool:
        return x == y or self.country.get(x) == y or self.country.get(y) == x

    def meet(self, xs: frozenset[str], ys: frozenset[str]) -> bool:
        return any(self.match(x, y) for x in xs for y in ys)

    def covers(self, xs: frozenset[str], ys: frozenset[str]) -> bool:
        """The same participants on both sides (a person also stands for its country)."""
        return (
            bool(xs and ys)
            and all(any(self.match(x, y) for y in ys) for x in xs)
            and all(any(self.match(x, y) for x in xs) for y in ys)
        )

    def roles_clash(self, a: _Rec, b: _Rec) -> bool:
        def ok(pa: frozenset[str], pb: frozenset[str]) -> bool:
            return not pa or not pb or self.meet(pa, pb)

        straight = ok(a.agents, b.agents) and ok(a.targets, b.targets)
        swapped = ok(a.agents, b.targets) and ok(a.targets, b.agents)
        if straight or swapped:
            return bool(a.parts and b.parts and not self.meet(a.parts, b.parts))
        return True


def _compatible(a: _Rec, b: _Rec, actors: _Actors) -> bool:
    """Hard constraints (the cannot-link check): may these two mentions be one event?"""
    ma, mb = a.m, b.m
    if ma.negated != mb.negated:
        return False
    if ma.article == mb.article and (ma.span != mb.span or ma.type != mb.type):
        return False  # one article's distinct events (several types from one clause too)
    if _date_relation(a, b) == "conflict":
        return False
    return not actors.roles_clash(a, b)


def _score(a: _Rec, b: _Rec, actors: _Actors) -> float | None:
    """Evidence that two mentions report one event, or ``None`` when they do not."""
    if not _compatible(a, b, actors):
        return None
    ma, mb = a.m, b.m
    sim = _similarity(a, b)
    if ma.type != mb.type:
        return None
    if ma.article == mb.article or sim >= WIRE_SIMILARITY:
        return 10.0 + sim
    if ma.mode and mb.mode and not _modes_meet(ma.mode, mb.mode):
        return None
    rel = _date_relation(a, b)
    full = actors.covers(a.parts, b.parts)
    if rel == "near" and not full:
        return None
    points = 0.0
    if rel in ("overlap", "near"):
        fine = max(_grain_rank(a.grain or "month"), _grain_rank(b.grain or "month")) <= _MONTH
        points += 1.0 if fine else 0.5
    if a.place and b.place:
        points += 1.0 if a.place == b.place else -1.0
    if full:
        points += 1.0
    if sim >= TEXT_HINT:
        points += 1.0
    if ma.mode and ma.mode == mb.mode:
        points += 0.5
    needed = MIN_EVIDENCE if rel != "loose" else MIN_EVIDENCE_UNDATED
    return points + sim if points >= needed else None


class _ModeData(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    mode_families: list[list[str]] = []
    generic_modes: list[str] = []


@cache
def _mode_family() -> tuple[dict[str, int], frozenset[str]]:
    """Each mode's family (``triggers.json``) and the generic modes (``events.json``)."""
    families = lexicon.load("triggers", _ModeData).mode_families
    generic = lexicon.load("events", _ModeData).generic_modes
    return {m: k for k, fam in enumerate(families) for m in fam}, frozenset(generic)


def _modes_meet(a: str, b: str) -> bool:
    """Whether two modes of one type may name one event: the same, of one family (meeting /
    talks), or one of them generic (attack, protest)."""
    if a == b:
        return True
    family, generic = _mode_family()
    return a in generic or b in generic or family.get(a, -1) == family.get(b, -2)


def _similarity(a: _Rec, b: _Rec) -> float:
    """Evidence similarity; 0 when either text is too short to tell anything."""
    if min(len(a.shingles), len(b.shingles)) < MIN_SHINGLES:
        return 0.0
    return _jaccard(a.shingles, b.shingles)


# --------------------------------------------------------------------------------------------
# Blocking
# --------------------------------------------------------------------------------------------


def _text_keys(rec: _Rec) -> list[int]:
    words = rec.clean.split()
    grams = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    hashes = sorted(zlib.crc32(g.encode("utf-8")) for g in grams if g)
    return hashes[:3]


def _expand(names: frozenset[str], actors: _Actors) -> set[str]:
    out = set(names)
    for name in names:
        c = actors.country.get(name)
        if c:
            out.add(c)
    return out


BlockKey = tuple[object, ...]


def _blocks(recs: Sequence[_Rec], actors: _Actors) -> dict[BlockKey, list[int]]:
    """Block keys: type × (agent, target) pair for mentions that name both sides, type × actor
    for the others (scored only against the mentions they share an actor with), and text keys
    (the three smallest word-trigram hashes) for copies of one report."""
    blocks: dict[BlockKey, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        t = r.m.type or ""
        agents, targets = _expand(r.agents, actors), _expand(r.targets, actors)
        if agents and targets:
            for x in agents:
                for y in targets:
                    if x != y:
                        lo, hi = (x, y) if x < y else (y, x)
                        blocks[("p", t, lo, hi)].append(i)
        parts = _expand(r.parts, actors) or {"@" + (r.place or "")}
        for k in parts:
            blocks[("a", t, k)].append(i)
        for h in _text_keys(r):
            blocks[("t", h)].append(i)
    return blocks


def _sweep(
    recs: Sequence[_Rec], members: Sequence[int], active: Callable[[int], bool]
) -> Iterable[tuple[int, int]]:
    """Pairs of dated members whose intervals meet (within the day slack); ``active`` members
    are paired with every member, the others only with active ones."""
    dated = sorted((i for i in members if recs[i].dated), key=lambda i: (recs[i].start, i))
    if not dated:
        return
    starts = [recs[i].start for i in dated]
    ends = [recs[i].end for i in dated]
    longest = max(e - s for s, e in zip(starts, ends, strict=True))  # type: ignore[operator]
    for n, i in enumerate(dated):
        if not active(i):
            continue
        end = ends[n] + DAY_SLACK  # type: ignore[operator]
        k = n + 1
        # at most NEIGHBOURS on each side: copies of one report chain through union-find,
        # so a crowded block costs linear, not quadratic, time
        while k < len(dated) and k <= n + NEIGHBOURS and starts[k] <= end:  # type: ignore[operator]
            yield i, dated[k]
            k += 1
        start = starts[n] - DAY_SLACK - longest  # type: ignore[operator]
        k = n - 1
        while k >= 0 and k >= n - NEIGHBOURS and starts[k] >= start:  # type: ignore[operator]
            if not active(dated[k]) and ends[k] + DAY_SLACK >= starts[n]:  # type: ignore[operator]
                yield dated[k], i
            k -= 1


def _candidate_pairs(recs: Sequence[_Rec], actors: _Actors) -> set[tuple[int, int]]:
    """Pairs worth scoring: dated mentions whose intervals meet, loose ones by neighbourhood."""
    pairs: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i != j:
            pairs.add((i, j) if i < j else (j, i))

    def partial(i: int) -> bool:
        return not (recs[i].agents and recs[i].targets)

    for bkey, members in _blocks(recs, actors).items():
        if len(members) < 2 or (bkey[0] == "t" and len(members) > TEXT_BLOCK_MAX):
            continue
        active: Callable[[int], bool] = partial if bkey[0] == "a" else (lambda i: True)
        if bkey[0] == "a" and not any(partial(i) for i in members):
            continue
        for i, j in _sweep(recs, members, active):
            add(i, j)
        if len(members) <= BLOCK_ALL_PAIRS:
            for i in members:
                if not recs[i].dated:
                    for j in members:
                        if active(i) or active(j):
                            add(i, j)
            continue
        for n, i in enumerate(members):
            if not recs[i].dated:
                for j in members[max(0, n - WINDOW) : n + WINDOW + 1]:
                    if active(i) or active(j):
                        add(i, j)
    return pairs


# --------------------------------------------------------------------------------------------
# Clustering
# --------------------------------------------------------------------------------------------


def _sample(members: list[int]) -> list[int]:
    """The members a cannot-link check looks at: all of a small cluster, an even,
    deterministic spread of a big one (its members were all checked when they joined)."""
    if len(members) <= SAMPLE:
        return members
    step = len(members) / SAMPLE
    return [members[int(k * step)] for k in range(SAMPLE)]


def _cluster(recs: Sequence[_Rec], actors: _Actors) -> list[list[int]]:
    """Union-find over the scored pairs, best first (ties by mention key: recs are sorted by
    key), refusing a union when any two mentions across the two clusters are incompatible."""
    scored: list[tuple[float, int, int]] = []
    for i, j in _candidate_pairs(recs, actors):
        s = _score(recs[i], recs[j], actors)
        if s is not None:
            scored.append((-s, i, j))
    scored.sort()
    checked = {(i, j) for _, i, j in scored}
    parent = list(range(len(recs)))
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def fits(x: int, y: int) -> bool:
        pair = (x, y) if x < y else (y, x)
        return pair in checked or _compatible(recs[x], recs[y], actors)

    for _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        mi, mj = members.get(ri, [ri]), members.get(rj, [rj])
        if all(fits(x, y) for x in _sample(mi) for y in _sample(mj)):
            if ri > rj:
                ri, rj, mi, mj = rj, ri, mj, mi
            parent[rj] = ri
            members[ri] = mi + mj
            members.pop(rj, None)
    return [sorted(members.get(i, [i])) for i in range(len(recs)) if parent[i] == i]


# --------------------------------------------------------------------------------------------
# Rebuilding entries
# --------------------------------------------------------------------------------------------


def _describe(rec: _Rec) -> str:
    d = rec.m.date
    label = (d.value if d is not None else None) or "?"
    words = f" «{d.text}»" if d is not None and d.text else ""
    return f"{label}{words} in {rec.m.article}"


def _event_date(cluster: Sequence[_Rec]) -> tuple[EventDate, DateBasis, str | None]:
    """The entry's date: the most specific compatible one, or the span of a disagreement."""
    bounds = [r.ub for r in cluster if r.ub is not None]
    bound = min(bounds) if bounds else None
    placed: list[tuple[_Rec, dt.datetime, dt.datetime, str, bool]] = []
    for r in cluster:
        if r.start is not None and r.end is not None:
            placed.append((r, r.start, r.end, r.grain or "day", r.resolved))
    for r in cluster:
        if placed:
            break  # a year-less date is compatible with the placed ones: they fix it
        if r.yearless is not None and bound is not None:
            spot = _place_yearless(r.yearless[0], r.yearless[1], bound)
            if spot is not None:
                grain = "month" if r.yearless[1] is None else "day"
                placed.append((r, spot[0], spot[1], grain, True))
    if not placed:
        return _undated_date(cluster)
    placed.sort(key=lambda p: (p[2] - p[1], p[4], p[0].m.date_basis != "explicit", p[1], p[0].key))
    best, start, end, grain, resolved = placed[0]
    clash = [p for p in placed if not (p[1] < end and start < p[2])]
    if clash:
        return _disputed_date(placed)
    d = best.m.date or EventDate()
    value = d.value
    if resolved or value is None or value.startswith("XXXX") or d.start is None:
        value = _value_of(start, grain)
    date = EventDate(value=value, grain=grain, start=start, end=end, mod=d.mod, text=d.text)
    basis: DateBasis = best.m.date_basis if best.m.date_basis != "unknown" else "inferred"
    notes: list[str] = []
    if resolved:
        origin = (
            f"the publication date {best.m.published.date().isoformat()}"
            if best.m.published
            else "the publication dates of the other reports"
        )
        notes.append(f"{_describe(best)} placed in {value} by {origin}")
        basis = "inferred"
    others = sorted(
        {
            _describe(r)
            for r in cluster
            if r.m.date is not None and r.m.date.value not in (None, value) and r is not best
        }
    )
    if others:
        notes.append(
            f"refined: {_describe(best)} is the most specific date; it agrees with "
            + "; ".join(others)
        )
    return date, basis, " | ".join(notes) or None


def _value_of(start: dt.datetime, grain: str) -> str:
    if grain == "year":
        return f"{start.year:04d}"
    if grain in ("month", "season", "quarter", "half"):
        return f"{start.year:04d}-{start.month:02d}"
    return start.date().isoformat()


def _disputed_date(
    placed: Sequence[tuple[_Rec, dt.datetime, dt.datetime, str, bool]],
) -> tuple[EventDate, DateBasis, str | None]:
    start = min(p[1] for p in placed)
    end = max(p[2] for p in placed)
    grain = max((p[3] for p in placed), key=_grain_rank)
    last = end - dt.timedelta(microseconds=1)
    value = f"{_value_of(start, grain)}/{_value_of(last, grain)}"
    date = EventDate(value=value, grain=grain, start=start, end=end)
    reports = "; ".join(sorted({_describe(p[0]) for p in placed}))
    note = f"sources disagree on the date ({reports}); kept the span covering all of them"
    bases = {p[0].m.date_basis for p in placed}
    basis: DateBasis = "explicit" if bases == {"explicit"} else "inferred"
    return date, basis, note


def _undated_date(cluster: Sequence[_Rec]) -> tuple[EventDate, DateBasis, str | None]:
    dates = sorted(
        (r for r in cluster if r.m.date is not None and r.m.date.value),
        key=lambda r: (_grain_rank(r.m.date.grain if r.m.date else None), r.key),
    )
    if not dates:
        return EventDate(), "unknown", None
    d = dates[0].m.date
    assert d is not None
    return EventDate(value=d.value, grain=d.grain, mod=d.mod, text=d.text), "unknown", None


def _entry(cluster: Sequence[_Rec], rename: dict[str, str]) -> Event:
    recs = sorted(cluster, key=lambda r: r.key)
    mentions = tuple(r.m for r in recs)
    etype = _pick(Counter(m.type for m in mentions if m.type)) or "STATEMENT"
    mode = _pick(Counter(m.mode for m in mentions if m.mode))
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        for a in m.actors:
            name = rename.get(a.name, a.name)
            roles[name][a.role] += 1
            if a.kind:
                kinds[name].add(a.kind)
    actors = tuple(
        sorted(
            (
                EventActor(
                    name=name,
                    role=_pick(c, _ROLE_ORDER.__getitem__),
                    kind=min(kinds[name], key=_KIND_ORDER.index) if kinds[name] else None,
                )
                for name, c in roles.items()
            ),
            key=lambda a: (_ROLE_ORDER[a.role], a.name),
        )
    )
    location = _pick(Counter(m.location for m in mentions if m.location))
    date, basis, note = _event_date(recs)
    sources = _origins(recs)
    return Event(
        id=_digest(("|".join(map(str, r.key)) for r in recs), "e-"),
        type=etype,
        mode=mode,
        date=date,
        date_basis=basis,
        date_note=note,
        actors=actors,
        location=location,
        negated=all(m.negated for m in mentions),
        hypothetical=all(m.hypothetical for m in mentions),
        mentions=mentions,
        sources=sources,
        confidence=round(min(0.99, 1.0 - 0.5**sources), 4),
    )


def _origins(recs: Sequence[_Rec]) -> int:
    """Independent origins: articles, where near-identical evidence counts as one wire copy."""
    by_article: dict[str, list[_Rec]] = defaultdict(list)
    for r in recs:
        by_article[r.m.article].append(r)
    names = sorted(by_article)
    parent = {a: a for a in names}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if find(a) == find(b):
                continue
            if any(
                _similarity(x, y) >= WIRE_SIMILARITY for x in by_article[a] for y in by_article[b]
            ):
                parent[find(b)] = find(a)
    return len({find(a) for a in names})


def _order_key(e: Event) -> tuple[int, dt.datetime, dt.datetime, str]:
    if e.date.start is None or e.date.end is None:
        return (1, dt.datetime.min, dt.datetime.min, e.id)
    return (0, e.date.start, e.date.end, e.id)


# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------


def _same_name() -> Callable[[str, str], bool]:
    try:
        from . import actors as _actors_module

        same_actor: Callable[[str, str], object] | None = getattr(
            _actors_module, "same_actor", None
        )
    except ImportError:  # pragma: no cover - the actors module is part of the package
        same_actor = None

    def same(a: str, b: str) -> bool:
        if normalise_key(a) == normalise_key(b):
            return True
        if same_actor is None:
            return False
        try:
            return bool(same_actor(a, b))
        except Exception:  # a fuzzy helper must never break a merge
            return False

    return same


def _merge_actors(actors: Iterable[Actor]) -> tuple[tuple[Actor, ...], dict[str, str]]:
    """One actor per canonical name; unknown people grouped by name equality (fuzzy if known)."""
    distinct = sorted(set(actors), key=lambda a: a.model_dump_json())
    known: dict[str, list[Actor]] = defaultdict(list)
    unknown: list[Actor] = []
    for a in distinct:
        (known[a.name] if a.known else unknown).append(a)
    groups: list[list[Actor]] = list(known.values())
    same = _same_name()
    forms = [(a, (a.name, *a.aliases)) for a in unknown]
    parent = list(range(len(forms)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    known_keys = {normalise_key(n): n for n in known}
    attach: dict[int, str] = {}
    for i, (a, _) in enumerate(forms):
        hit = known_keys.get(normalise_key(a.name))
        if hit is not None:
            attach[i] = hit
    for i in range(len(forms)):
        for j in range(i + 1, len(forms)):
            if find(i) != find(j) and any(same(x, y) for x in forms[i][1] for y in forms[j][1]):
                parent[find(j)] = find(i)
    ugroups: dict[int, list[Actor]] = defaultdict(list)
    for i, (a, _) in enumerate(forms):
        if i in attach:
            known[attach[i]].append(a)
        else:
            ugroups[find(i)].append(a)
    groups = list(known.values()) + list(ugroups.values())
    rename: dict[str, str] = {}
    merged: list[Actor] = []
    for g in groups:
        actor = _one_actor(g)
        merged.append(actor)
        for a in g:
            if a.name != actor.name:
                rename[a.name] = actor.name
    merged.sort(key=lambda a: (a.name, a.kind))
    return tuple(merged), rename


def _one_actor(group: Sequence[Actor]) -> Actor:
    known = [a for a in group if a.known]
    pool = known or list(group)
    name = min(a.name for a in pool)
    names = {a.name for a in group} - {name}
    kinds = {a.kind for a in pool}
    countries = sorted({a.country for a in group if a.country})
    qids = sorted({a.qid for a in group if a.qid})
    aliases = {x for a in group for x in a.aliases}
    if not known:
        aliases |= names
    return Actor(
        name=name,
        kind=min(kinds, key=_KIND_ORDER.index),
        aliases=tuple(sorted(aliases)),
        country=countries[0] if countries else None,
        titles=tuple(sorted({t for a in group for t in a.titles})),
        qid=qids[0] if qids else None,
        known=bool(known),
    )


# --------------------------------------------------------------------------------------------
# Agreements
# --------------------------------------------------------------------------------------------


def _agreement_names_meet(a: Agreement, b: Agreement) -> bool:
    if not a.names or not b.names:
        return True
    from rapidfuzz import fuzz

    return any(
        fuzz.ratio(_clean(x), _clean(y)) >= AGREEMENT_NAME_SIMILARITY
        for x in a.names
        for y in b.names
    )


def _merge_agreements(
    agreements: Iterable[Agreement], rename: dict[str, str]
) -> tuple[Agreement, ...]:
    items = sorted(
        {
            a.model_copy(update={"parties": tuple(sorted({rename.get(p, p) for p in a.parties}))})
            for a in agreements
        },
        key=lambda a: a.model_dump_json(),
    )
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, a in enumerate(items):
        blocks[a.parties].append(i)
    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for parties, idx in sorted(blocks.items()):
        for n, i in enumerate(idx):
            for j in idx[n + 1 :]:
                ri, rj = find(i), find(j)
                if ri == rj or (not parties and not (items[i].names and items[j].names)):
                    continue
                if not _agreement_names_meet(items[i], items[j]):
                    continue
                kinds = {items[x].kind for x in members[ri] + members[rj]} - {None}
                if len(kinds) > 1:
                    continue
                parent[rj] = ri
                members[ri].extend(members.pop(rj))
    merged = [_one_agreement([items[i] for i in g]) for g in members.values()]
    return tuple(sorted(merged, key=lambda a: (a.parties, a.names, a.id)))


def _one_agreement(group: Sequence[Agreement]) -> Agreement:
    mentions = sorted(
        {m for a in group for m in a.mentions}, key=lambda m: (m.article, m.span, m.evidence)
    )
    names = sorted({n for a in group for n in a.names})
    parties = sorted({p for a in group for p in a.parties})
    if mentions:
        ident = _digest((f"{m.article}|{m.span[0]}|{m.span[1]}" for m in mentions), "a-")
    else:
        ident = _digest([*parties, "#", *names], "a-")
    kinds = sorted({a.kind for a in group if a.kind})
    milestones = sorted(
        {s for a in group for s in a.milestones},
        key=lambda s: (
            _STAGE_ORDER.index(s.stage),
            s.date.start if s.date and s.date.start else dt.datetime.max,
            s.article or "",
            s.model_dump_json(),
        ),
    )
    clauses = sorted({c for a in group for c in a.clauses}, key=lambda c: c.model_dump_json())
    return Agreement(
        id=ident,
        names=tuple(names),
        kind=kinds[0] if kinds else None,
        parties=tuple(parties),
        domains=tuple(sorted({d for a in group for d in a.domains})),
        milestones=tuple(milestones),
        clauses=tuple(clauses),
        mentions=tuple(mentions),
    )


# --------------------------------------------------------------------------------------------
# Flattening the inputs
# --------------------------------------------------------------------------------------------


def _mentions_of_event(e: Event, article: str | None, info: ArticleInfo | None) -> list[Mention]:
    """The event's mentions, with what the event says filled into blank mention fields."""
    base = list(e.mentions)
    if not base:
        base = [Mention(article=article or e.id, evidence=e.trigger or e.id, span=(0, 0))]
    out = []
    for m in base:
        update: dict[str, object] = {}
        if m.type is None:
            update["type"] = e.type
        if m.mode is None and e.mode is not None:
            update["mode"] = e.mode
        if m.date is None and (e.date.value is not None or e.date.start is not None):
            update["date"] = e.date
            if m.date_basis == "unknown":
                update["date_basis"] = e.date_basis
        if not m.actors and e.actors:
            update["actors"] = e.actors
        if m.location is None and e.location is not None:
            update["location"] = e.location
        if e.negated and not m.negated:
            update["negated"] = True
        if e.hypothetical and not m.hypothetical:
            update["hypothetical"] = True
        if info is not None and m.article == info.id:
            if m.published is None and info.published is not None:
                update["published"] = info.published
            if m.source is None and info.source is not None:
                update["source"] = info.source
        out.append(m.model_copy(update=update) if update else m)
    return out


@dataclass
class _Pool:
    mentions: dict[MentionKey, Mention] = field(default_factory=dict)
    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def add_mention(self, m: Mention) -> None:
        key = _mention_key(m)
        old = self.mentions.get(key)
        if old is None or m.model_dump_json() > old.model_dump_json():
            self.mentions[key] = m

    def add_article(self, info: ArticleInfo) -> None:
        old = self.articles.get(info.id)
        if old is None or info.model_dump_json() > old.model_dump_json():
            self.articles[info.id] = info


def _flatten(items: Iterable[Extraction | Timeline]) -> _Pool:
    pool = _Pool()
    for n, item in enumerate(items):
        if isinstance(item, Extraction):
            info = item.article.info()
            pool.add_article(info)
            events: Iterable[Event] = item.events
            pool.actors.extend(item.actors)
            pool.agreements.extend(item.agreements)
            for e in events:
                for m in _mentions_of_event(e, info.id, info):
                    pool.add_mention(m)
        elif isinstance(item, Timeline):
            for info in item.articles:
                pool.add_article(info)
            pool.actors.extend(item.actors)
            pool.agreements.extend(item.agreements)
            for e in item.events:
                # A timeline entry's mentions are complete already: filling them from the
                # entry (a union over its cluster) would change the set of mentions.
                for m in e.mentions or _mentions_of_event(e, None, None):
                    pool.add_mention(m)
        else:
            raise BadInputError(
                f"expected an Extraction or a Timeline, got {type(item).__name__}",
                where=f"merge item {n}",
            )
    return pool


# --------------------------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------------------------


def merge(items: Iterable[Extraction | Timeline]) -> Timeline:
    """Merge extractions and timelines into one deduplicated, chronological timeline.

    The visit «زار مادورو موسكو في مايو الماضي» (article published 2025-10-28) and «زيارة
    مادورو إلى موسكو في مايو 2025» from another outlet become one entry dated ``2025-05`` with
    both mentions and ``sources == 2``. The result depends only on the set of mentions:
    ``merge([merge(a), merge(b)]) == merge(a + b)`` and ``merge([t, t]) == t``.

    >>> merge([]).events
    ()
    """
    paused = gc.isenabled()
    gc.disable()  # bulk build of acyclic objects: generational GC passes would cost O(n²)
    try:
        return _merge(items)
    finally:
        if paused:
            gc.enable()


def _merge(items: Iterable[Extraction | Timeline]) -> Timeline:
    pool = _flatten(items)
    actors, rename = _merge_actors(pool.actors)
    country = {a.name: a.country for a in actors if a.country and a.country != a.name}
    matcher = _Actors(country)
    recs = [_record(m, rename) for _, m in sorted(pool.mentions.items())]
    clusters = _cluster(recs, matcher)
    events = sorted((_entry([recs[i] for i in c], rename) for c in clusters), key=_order_key)
    return Timeline(
        articles=tuple(info for _, info in sorted(pool.articles.items())),
        events=tuple(events),
        actors=actors,
        agreements=_merge_agreements(pool.agreements, rename),
    )
