"""Render a :class:`~timeline.models.Timeline` as JSON, JSON Lines, CSV, Markdown or HTML.

The columns and keys of the machine-readable formats are documented in ``docs/formats.md``.

>>> from timeline.models import Event, Timeline
>>> tl = Timeline(events=(Event(id="e1", type="ASSAULT"),))
>>> render(tl, "csv").splitlines()[1].startswith("e1,")
True
>>> "## غير مؤرخ / Undated" in render(tl, "markdown")
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ..errors import BadInputError
from ..models import Timeline
from .common import ORDERS, check_order
from .html import to_html
from .markdown import to_markdown
from .tabular import CSV_COLUMNS, to_csv, to_json, to_jsonl
from .words import format_date

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "ORDERS",
    "format_date",
    "render",
    "to_csv",
    "to_html",
    "to_json",
    "to_jsonl",
    "to_markdown",
]

Format = Literal["json", "jsonl", "csv", "markdown", "html"]
FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "markdown", "html")

_RENDERERS: dict[str, Callable[[Timeline, str], str]] = {
    "json": to_json,
    "jsonl": to_jsonl,
    "csv": to_csv,
    "markdown": to_markdown,
    "html": to_html,
}


def render(timeline: Timeline, fmt: str = "json", *, order: str = "oldest") -> str:
    """Render ``timeline`` in one of :data:`FORMATS`, dated events ``oldest`` or ``newest``
    first (undated events always come last).

    >>> render(Timeline(), "jsonl")
    ''
    >>> render(Timeline(), "pdf")
    Traceback (most recent call last):
    ...
    timeline.errors.BadInputError: format: unknown format 'pdf'; expected one of json, jsonl, csv, markdown, html
    """
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise BadInputError(
            f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}", where="format"
        )
    return renderer(timeline, check_order(order))
