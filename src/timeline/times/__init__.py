"""Arabic temporal expressions: recognise every date and relative time, resolve it against an
anchor (the publication date).

>>> [(t.text, t.value) for t in find_times("وصل الوزير صباح الثلاثاء", "2026-01-21")]
[('صباح الثلاثاء', '2026-01-20TMO')]
>>> resolve_time("في مايو الماضي").value
'XXXX-05'
>>> resolve_time("حتى يوم الخميس", "2025-10-28", prefer="future").value
'2025-10-30'
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import regex

from ..errors import BadDateError
from ..models import Interval, TimeExpression
from ..text import NormalisedText, normalise
from .grammar import Grammar, grammar
from .recognise import Parsed, recognise
from .resolve import Resolved, Unresolvable, resolve

__all__ = ["find_times", "parse_anchor", "resolve_time"]

AnchorLike = str | dt.date | dt.datetime | None
Prefer = Literal["past", "future"]

# Kinds whose direction (past or future) the context decides when the text does not say.
DIRECTIONAL = frozenset(
    {"date", "weekday", "month", "holiday", "hmonth", "season", "weekend", "range"}
)


def parse_anchor(anchor: AnchorLike, *, where: str = "anchor") -> dt.datetime | None:
    """An anchor as a naive datetime: ISO text, ``date`` or ``datetime``; time zones are
    dropped (the wall time is kept). ``where`` names the argument in error messages.

    >>> parse_anchor("2026-01-21")
    datetime.datetime(2026, 1, 21, 0, 0)
    """
    if anchor is None:
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.replace(tzinfo=None)
    if isinstance(anchor, dt.date):
        return dt.datetime(anchor.year, anchor.month, anchor.day)
    if isinstance(anchor, str):
        text = anchor.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            if len(text) == 10:
                d = dt.date.fromisoformat(text)
                return dt.datetime(d.year, d.month, d.day)
            return dt.datetime.fromisoformat(text).replace(tzinfo=None)
        except ValueError:
            pass
        raise BadDateError(
            f"cannot read {anchor!r} as a date; use ISO 8601 such as 2026-01-21 or "
            "2026-01-21T08:14",
            where=where,
        )
    raise BadDateError(f"expected a date, got {type(anchor).__name__}", where=where)


_SENTENCE_BREAK = regex.compile(r"[.!?؟؛\n]+")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        left = m.end()
    m2 = _SENTENCE_BREAK.search(text, end)
    right = m2.start() if m2 else len(text)
    return left, right


def _direction(text: str, p: Parsed, spans: list[tuple[int, int]], g: Grammar, prefer: str) -> str:
    """Past or future for an expression whose text does not fix it: the nearest tense cue in
    its sentence decides, else ``prefer``."""
    left, right = _sentence_bounds(text, p.start, p.end)
    best: tuple[int, str] | None = None

    def consider(a: int, b: int, which: str) -> None:
        nonlocal best
        if any(s <= a < e for s, e in spans):
            return
        if b <= p.start:
            dist = p.start - b
            if g.boundary_word.search(text, b, p.start):  # another clause: weaker
                dist += 40
        else:
            dist = a - p.end + 8  # cues before weigh more
            if g.boundary_word.search(text, p.end, a):  # a cue in a later clause does not count
                return
        if dist < 0:
            return
        if best is None or dist < best[0]:
            best = (dist, which)

    for m in g.future_phrase.finditer(text, left, right):
        consider(m.start(), m.end(), "future")
    for m in g.past_phrase.finditer(text, left, right):
        consider(m.start(), m.end(), "past")
    for m in g.future_token.finditer(text, left, right):
        token = m.group()
        bare = g.clitics.sub("", token)
        if token in g.future_stop or bare in g.future_stop:
            continue
        if token.endswith(g.future_exclude_suffix):
            continue
        consider(m.start(), m.end(), "future")
    return best[1] if best is not None else prefer


def _to_expression(
    norm: NormalisedText, p: Parsed, r: Resolved, direction: str | None
) -> TimeExpression:
    span = norm.span((p.start, p.end))
    interval = (
        Interval(start=r.start, end=r.end)
        if r.start is not None and r.end is not None and r.start < r.end
        else None
    )
    return TimeExpression(
        text=norm.original[span[0] : span[1]],
        span=span,
        value=r.value,
        grain=r.grain,
        type=r.type,
        mod=r.mod,
        interval=interval,
        boundary=p.boundary,
        anchored=r.anchored,
        direction=direction if r.anchored else None,
        calendar="hijri" if p.calendar == "hijri" else "gregorian",
    )


def find_times(text: str, anchor: AnchorLike = None, *, prefer: str = "past") -> list[TimeExpression]:
    """Every temporal expression in ``text``, resolved against ``anchor``.

    ``prefer`` ("past" for news, "future" for plans and conversation) decides weekdays and
    year-less months when the sentence gives no tense cue. Spans are offsets into ``text``.

    >>> [(t.text, t.value, t.mod) for t in find_times("منذ أوائل الستينيات")]
    [('منذ أوائل الستينيات', '196X', 'START')]
    """
    if prefer not in ("past", "future"):
        raise ValueError(f"prefer must be 'past' or 'future', not {prefer!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    when = parse_anchor(anchor)
    norm = normalise(text)
    g = grammar()
    parsed = recognise(norm.text)
    spans = [(p.start, p.end) for p in parsed]
    out: list[TimeExpression] = []
    for p in parsed:
        direction = _direction(norm.text, p, spans, g, prefer) if p.kind in DIRECTIONAL else prefer
        try:
            r = resolve(p, when, direction)
        except (Unresolvable, ValueError, OverflowError):
            continue
        out.append(_to_expression(norm, p, r, direction))
    return out


def resolve_time(phrase: str, anchor: AnchorLike = None, *, prefer: str = "past") -> TimeExpression | None:
    """The longest temporal expression in ``phrase``, resolved; ``None`` if there is none.

    >>> resolve_time("منتصف يناير / كانون الثاني", "2022-01-27").value
    '2022-01'
    """
    found = find_times(phrase, anchor, prefer=prefer)
    if not found:
        return None
    return max(found, key=lambda t: (t.span[1] - t.span[0], -t.span[0]))
