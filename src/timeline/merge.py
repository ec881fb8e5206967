"""Cross-source merge (in progress)."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Extraction, Timeline

__all__ = ["merge"]


def merge(items: Iterable[Extraction | Timeline]) -> Timeline:
    """Merge extractions and timelines into one timeline (stub)."""
    return Timeline()
