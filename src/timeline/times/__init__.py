"""Arabic temporal expressions: recognise, then resolve against an anchor (in progress)."""

from __future__ import annotations

import datetime as dt

from ..models import TimeExpression

__all__ = ["find_times", "resolve_time"]


def find_times(
    text: str, anchor: str | dt.date | dt.datetime | None = None, *, prefer: str = "past"
) -> list[TimeExpression]:
    """Stub."""
    return []


def resolve_time(
    phrase: str, anchor: str | dt.date | dt.datetime | None = None, *, prefer: str = "past"
) -> TimeExpression | None:
    """Stub."""
    found = find_times(phrase, anchor, prefer=prefer)
    return max(found, key=lambda t: t.span[1] - t.span[0]) if found else None
