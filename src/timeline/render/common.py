"""What every output format shares: event order, grouping by year and month, highlighting.

>>> from datetime import datetime
>>> from timeline.models import Event, EventDate
>>> may = EventDate(value="2025-05", grain="month", start=datetime(2025, 5, 1), end=datetime(2025, 6, 1))
>>> e = Event(id="e1", type="CONSULT", date=may)
>>> group_of(e)
('2025', 'مايو 2025')
"""

from __future__ import annotations

import datetime as dt

from ..errors import BadInputError
from ..models import Event, Mention, Timeline
from ..text import normalise
from .words import Lang, format_date, month_label

__all__ = [
    "ORDERS",
    "actor_names",
    "arrange",
    "articles_of",
    "check_order",
    "distinct_mentions",
    "group_of",
    "highlight",
    "published_of",
]

ORDERS: tuple[str, ...] = ("oldest", "newest")

_YEAR_GRAINS = frozenset({"year", "half", "season", "quarter"})
_MONTH_GRAINS = frozenset({"month", "week", "day", "hour", "minute", "second"})


def check_order(order: str) -> str:
    """``order`` itself when it is one of :data:`ORDERS`, else :class:`BadInputError`."""
    if order not in ORDERS:
        raise BadInputError(
            f"unknown order {order!r}; expected one of {', '.join(ORDERS)}", where="order"
        )
    return order


def arrange(
    timeline: Timeline, order: str = "oldest"
) -> tuple[tuple[Event, ...], tuple[Event, ...]]:
    """The dated events in ``order`` (the timeline's own order, or reversed for ``newest``),
    and the undated ones apart, in the timeline's order.

    >>> arrange(Timeline(), "newest")
    ((), ())
    """
    dated = timeline.dated()
    if check_order(order) == "newest":
        dated = tuple(reversed(dated))
    return dated, timeline.undated()


def published_of(event: Event) -> dt.datetime | None:
    """The earliest publication date among the event's mentions (a bound for vague dates)."""
    dates = [m.published for m in event.mentions if m.published is not None]
    return min(dates) if dates else None


def distinct_mentions(event: Event) -> tuple[Mention, ...]:
    """The event's mentions without repeats of the same words at the same place."""
    seen: dict[tuple[str, str, tuple[int, int]], Mention] = {}
    for m in event.mentions:
        seen.setdefault((m.article, m.evidence, m.span), m)
    return tuple(seen.values())


def articles_of(event: Event) -> tuple[str, ...]:
    """Ids of the articles that report the event, each once, in mention order."""
    return tuple(dict.fromkeys(m.article for m in event.mentions))


def actor_names(event: Event, *roles: str) -> tuple[str, ...]:
    """Canonical names of the event's actors with one of ``roles``, each once."""
    return tuple(dict.fromkeys(a.name for a in event.actors if a.role in roles))


def group_of(event: Event, lang: Lang = "ar") -> tuple[str, str | None]:
    """The (year, month) headings an event is listed under in a grouped timeline.

    Day, week and month dates go under their year and month; year, season, quarter and half
    under their year alone; coarser and vague dates under a heading of their own.

    >>> from timeline.models import EventDate
    >>> group_of(Event(id="x", type="SANCTION", date=EventDate(value="196X", grain="decade")))
    ('الستينيات (196X)', None)
    """
    date = event.date
    value = date.value or ""
    start = date.start
    if start is not None and not value.startswith("XXXX") and date.grain in _MONTH_GRAINS:
        return str(start.year), month_label(start.year, start.month, lang)
    if start is not None and not value.startswith("XXXX") and date.grain in _YEAR_GRAINS:
        return str(start.year), None
    return format_date(date, lang, published=published_of(event)), None


def highlight(evidence: str, trigger: str | None) -> list[tuple[str, bool]]:
    """Split ``evidence`` into (text, marked) pieces, marking the trigger word where it stands
    (matched on normalised text, so diacritics and hamza forms do not matter), else all of it.

    >>> highlight("وقّع الرئيس الاتفاقية", "وقع")
    [('وقّع', True), (' الرئيس الاتفاقية', False)]
    """
    if not evidence:
        return []
    if trigger:
        norm = normalise(evidence)
        needle = normalise(trigger).text.strip()
        at = norm.text.find(needle) if needle else -1
        if at >= 0:
            a, b = norm.span((at, at + len(needle)))
            pieces = [(evidence[:a], False), (evidence[a:b], True), (evidence[b:], False)]
            return [(text, marked) for text, marked in pieces if text]
    return [(evidence, True)]
