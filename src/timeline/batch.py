"""Batch runs over many inputs: streaming, error reporting, progress (minimal version)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from .errors import TimelineError
from .merge import merge
from .models import Extraction, Timeline
from .pipeline import extract
from .reader import iter_sources, read_article

__all__ = ["BatchResult", "run_batch"]


@dataclass
class BatchResult:
    """What a batch run produced: the merged timeline and the failures."""

    timeline: Timeline
    total: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def run_batch(
    paths: Sequence[str],
    *,
    published: dt.datetime | None = None,
    prefer: str = "past",
    jobs: int = 1,
    progress: str = "auto",
    stdin: TextIO | None = None,
) -> BatchResult:
    """Extract every input of ``paths`` and merge; bad inputs are reported and skipped."""
    errors: list[tuple[str, str]] = []

    def on_error(where: str, exc: TimelineError) -> None:
        errors.append((where, str(exc)))
        print(f"timeline: {exc}", file=sys.stderr)

    extractions: list[Extraction] = []
    for p in paths:
        if p == "-":
            data = (stdin or sys.stdin).read()
            try:
                extractions.append(extract(read_article(data, published=published), prefer=prefer))
            except TimelineError as exc:
                on_error("<stdin>", exc)
            continue
        import os

        if not os.path.exists(p):
            on_error(p, TimelineError("no such file or folder", where=p))
            continue
        for article in iter_sources([p], published=published, on_error=on_error):
            extractions.append(extract(article, prefer=prefer))
    failed = len(errors)
    return BatchResult(
        merge(extractions), total=len(extractions) + failed, failed=failed, errors=errors
    )
