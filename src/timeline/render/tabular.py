"""Machine-readable outputs: JSON, JSON Lines and CSV, with stable columns (docs/formats.md).

>>> from timeline.models import Event, Timeline
>>> print(to_csv(Timeline(events=(Event(id="e1", type="AGREE"),))).splitlines()[0])
id,date_value,date_grain,date_start,date_end,date_mod,date_basis,type,mode,agents,targets,others,location,negated,hypothetical,sources,confidence,articles,evidence
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from ..models import Event, Timeline
from .common import actor_names, arrange, articles_of

__all__ = ["CSV_COLUMNS", "csv_row", "to_csv", "to_json", "to_jsonl"]

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date_value",
    "date_grain",
    "date_start",
    "date_end",
    "date_mod",
    "date_basis",
    "type",
    "mode",
    "agents",
    "targets",
    "others",
    "location",
    "negated",
    "hypothetical",
    "sources",
    "confidence",
    "articles",
    "evidence",
)
"""The CSV header, in order. New columns are only ever appended at the end."""

JOIN = ";"


def _ordered(timeline: Timeline, order: str) -> tuple[Event, ...]:
    dated, undated = arrange(timeline, order)
    return dated + undated


def _iso(moment: dt.datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def _flat(text: str | None) -> str:
    """One line: a cell never holds a line break, so the file reads line by line."""
    return " ".join((text or "").split())


def csv_row(event: Event) -> dict[str, str]:
    """The CSV cells of one event, keyed by :data:`CSV_COLUMNS`.

    >>> csv_row(Event(id="e1", type="ASSAULT", negated=True))["negated"]
    'true'
    """
    d = event.date
    return {
        "id": event.id,
        "date_value": d.value or "",
        "date_grain": d.grain or "",
        "date_start": _iso(d.start),
        "date_end": _iso(d.end),
        "date_mod": d.mod or "",
        "date_basis": event.date_basis,
        "type": event.type,
        "mode": event.mode or "",
        "agents": JOIN.join(actor_names(event, "agent")),
        "targets": JOIN.join(actor_names(event, "target")),
        "others": JOIN.join(actor_names(event, "other", "source")),
        "location": event.location or "",
        "negated": "true" if event.negated else "false",
        "hypothetical": "true" if event.hypothetical else "false",
        "sources": str(event.sources),
        "confidence": f"{event.confidence:.2f}",
        "articles": JOIN.join(articles_of(event)),
        "evidence": _flat(event.mentions[0].evidence) if event.mentions else "",
    }


def to_csv(timeline: Timeline, order: str = "oldest") -> str:
    """One row per event under the :data:`CSV_COLUMNS` header (RFC 4180 quoting, ``\\n``
    line ends, UTF-8 without a byte-order mark)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in _ordered(timeline, order):
        writer.writerow(csv_row(event))
    return out.getvalue()


def to_jsonl(timeline: Timeline, order: str = "oldest") -> str:
    """One JSON object per event (``Event.model_dump(mode="json")``) per line, nothing else.

    >>> from timeline.models import Event, Timeline
    >>> to_jsonl(Timeline(events=(Event(id="e1", type="AGREE"),)))[:24]
    '{"id": "e1", "type": "AG'
    """
    lines = (
        json.dumps(e.model_dump(mode="json"), ensure_ascii=False) for e in _ordered(timeline, order)
    )
    return "".join(line + "\n" for line in lines)


def to_json(timeline: Timeline, order: str = "oldest") -> str:
    """The whole timeline, ``Timeline.model_dump_json(indent=2)``; ``newest`` lists the dated
    events newest first (undated ones still last)."""
    if order != "oldest":
        timeline = timeline.model_copy(update={"events": _ordered(timeline, order)})
    else:
        arrange(timeline, order)  # validates ``order``
    return timeline.model_dump_json(indent=2)
