"""Shared helpers of the benchmarks: the seed texts and a timer (not part of the package)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_texts() -> list[str]:
    """The five seed articles' texts."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def seed_paths() -> list[Path]:
    """The five seed article files."""
    return sorted(SEEDS.glob("*.txt"))


def best_of(fn: Callable[[], object], repeat: int, min_time: float = 0.2) -> float:
    """Best wall time of ``repeat`` runs of ``fn`` (each run at least once, looped to
    ``min_time`` seconds when fast), in seconds per call."""
    best = float("inf")
    for _ in range(repeat):
        n = 0
        start = time.perf_counter()
        while True:
            fn()
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        best = min(best, elapsed / n)
    return best


def build_kind() -> str:
    """Whether the ``timeline`` being measured is the pure-Python one or the mypyc-compiled
    wheel (``HATCH_BUILD_HOOKS_ENABLE=true python -m build``)."""
    from timeline import events

    compiled = not str(events.__file__).endswith(".py")
    return "compiled (mypyc)" if compiled else "pure Python"
