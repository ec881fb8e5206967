"""Benchmark: ``find_times`` vs ``dateparser.search.search_dates`` on the seed texts.

    PYTHONPATH=src python benchmarks/bench_times.py [--repeat 5]

Prints characters per second of both and the ratio (the target is ours >= 20x).
"""

from __future__ import annotations

import argparse
import sys
import warnings

from _common import best_of, seed_texts

from timeline.times import find_times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5, help="best of N runs (default 5)")
    args = ap.parse_args(argv)
    texts = seed_texts()
    chars = sum(len(t) for t in texts)
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed: pip install 'arabic-timeline[bench]'", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")

    def ours() -> None:
        for t in texts:
            find_times(t, "2026-01-21")

    def theirs() -> None:
        for t in texts:
            search_dates(t, languages=["ar"])

    counter = iter(range(10**9))

    def ours_fresh() -> None:  # a new string each call: no cache helps either library
        k = next(counter)
        for t in texts:
            find_times(f"{t} {k}", "2026-01-21")

    def theirs_fresh() -> None:
        k = next(counter)
        for t in texts:
            search_dates(f"{t} {k}", languages=["ar"])

    ours()  # warm the lexicons and compiled patterns
    theirs()
    found = sum(len(find_times(t, "2026-01-21")) for t in texts)
    found_dp = sum(len(search_dates(t, languages=["ar"]) or []) for t in texts)
    print(f"texts: {len(texts)}, {chars} characters")
    for label, a, b in (("same texts", ours, theirs), ("fresh texts", ours_fresh, theirs_fresh)):
        t_ours = best_of(a, args.repeat)
        t_theirs = best_of(b, args.repeat, min_time=0.5)
        ratio = t_theirs / t_ours
        print(f"[{label}]")
        print(f"  find_times    : {chars / t_ours:>14,.0f} chars/s  ({found} expressions)")
        print(f"  search_dates  : {chars / t_theirs:>14,.0f} chars/s  ({found_dp} dates)")
        verdict = "ok" if ratio >= 20 else "MISSED"
        print(f"  ratio         : {ratio:.1f}x  (target >= 20x: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
