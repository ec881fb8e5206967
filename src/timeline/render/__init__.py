"""Render a :class:`~timeline.models.Timeline` as JSON, JSON Lines, CSV, Markdown or HTML."""

from __future__ import annotations

from typing import Literal

from ..models import Timeline

__all__ = ["FORMATS", "render"]

Format = Literal["json", "jsonl", "csv", "markdown", "html"]
FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "markdown", "html")


def render(timeline: Timeline, fmt: str = "json", *, order: str = "oldest") -> str:
    """Render a timeline in one of :data:`FORMATS` (stub: JSON only)."""
    return timeline.model_dump_json(indent=2)
