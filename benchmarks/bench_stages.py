"""Benchmark: where ``extract`` spends its time, stage by stage, on the seeds.

    PYTHONPATH=src python benchmarks/bench_stages.py [--rounds 100]

Runs the stages of :func:`timeline.extract` in their real order (so caches shared between
stages behave as in the pipeline) and prints the CPU time of each per article: find_times,
find_actors (with the shared token table), analyse, find_triggers, building events,
agreements, prune, and the final models.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from typing import TypeVar

from _common import build_kind, seed_texts

from timeline import events as ev
from timeline.actors import actors_of, find_actors
from timeline.agreements import find_agreements
from timeline.models import Article, Extraction
from timeline.pipeline import _time_regions, extract
from timeline.reader import read_article, visible_text
from timeline.times import find_times
from timeline.tokens import Regions

T = TypeVar("T")


def staged(article: Article, clock: dict[str, float]) -> None:
    """``extract`` of one article, timing each stage into ``clock``."""

    def timed(name: str, fn: Callable[[], T]) -> T:
        start = time.process_time()
        out = fn()
        clock[name] = clock.get(name, 0.0) + time.process_time() - start
        return out

    regions, body = Regions(_time_regions(article)), Regions(article.segments)
    text = visible_text(article)  # as in extract: boilerplate blanked
    times = timed(
        "find_times",
        lambda: [t for t in find_times(text, article.published) if regions.holds(t.span)],
    )
    mentions = timed("find_actors", lambda: [m for m in find_actors(text) if body.holds(m.span)])
    doc = timed("analyse", lambda: ev.analyse(article, times, mentions))
    triggers = timed("find_triggers", lambda: ev.find_triggers(doc))
    events = timed("build events", lambda: ev._build(doc, triggers))
    agreements = timed("agreements", lambda: find_agreements(doc, events))
    kept = timed("prune", lambda: ev.prune(doc, triggers, events))
    timed(
        "final models",
        lambda: Extraction(
            article=article,
            times=tuple(times),
            actors=tuple(actors_of(mentions)),
            actor_mentions=tuple(mentions),
            events=tuple(d.event(article) for d in kept),
            agreements=tuple(agreements),
        ),
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=100, help="passes over the seeds")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    articles = [read_article(t, published="2026-01-21") for t in seed_texts()]
    for a in articles:
        extract(a)
    clock: dict[str, float] = {}
    for _ in range(args.rounds):
        for a in articles:
            staged(a, clock)
    print(f"timeline: {build_kind()}")
    n = args.rounds * len(articles)
    for name, took in clock.items():
        print(f"{name:14s}: {took / n * 1000:7.3f} ms/article")
    print(f"{'total':14s}: {sum(clock.values()) / n * 1000:7.3f} ms/article")
    start = time.process_time()
    for _ in range(args.rounds):
        for a in articles:
            extract(a)
    print(f"{'extract':14s}: {(time.process_time() - start) / n * 1000:7.3f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
