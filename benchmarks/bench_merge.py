"""Benchmark :func:`timeline.merge` on synthetic extractions of 10k and 100k events.

The corpus mimics a news stream: each real event is reported by 1-4 articles (some as wire
copies with near-identical wording, some paraphrased, at day, month or year-less precision, a
few undated), and near-miss events are planted next to real ones (same actors a few weeks
later, same agent the same day with another counterpart). Actor popularity is Zipf-like and the
actor pool grows with the corpus, as in real news archives.

Run: ``PYTHONPATH=src python benchmarks/bench_merge.py [--sizes 10000 100000] [--repeat 3]``.
It prints the time of each run and the ratio; the 100k run should take less than 15 times the
10k run (cost about linear thanks to blocking).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import time

from timeline.merge import merge
from timeline.models import Actor, Article, Event, EventActor, EventDate, Extraction, Mention

_CORE = [
    "اعلن",
    "اكد",
    "قال",
    "بحث",
    "زار",
    "التقى",
    "وقع",
    "اتفق",
    "ندد",
    "ارسل",
    "احتجز",
    "ناقلة",
    "قوات",
    "مساعدات",
    "الرئيس",
    "الوزير",
    "الحكومة",
    "البرلمان",
    "العاصمة",
    "الطاقة",
    "الامن",
    "التعاون",
    "العلاقات",
    "الثنائية",
    "الاقتصاد",
    "النفط",
    "الغاز",
    "الحدود",
    "المنطقة",
    "الدولي",
    "المشترك",
    "الجانبان",
    "المحادثات",
    "الزيارة",
    "الرسمية",
    "الاتفاق",
    "البيان",
]
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _vocabulary(size: int = 4000, seed: int = 7) -> list[str]:
    """The core words plus pseudo-words, so texts are as varied as real news."""
    rnd = random.Random(seed)
    extra = {"".join(rnd.choices(_LETTERS, k=rnd.randint(3, 7))) for _ in range(size)}
    return _CORE + sorted(extra)


_WORDS = _vocabulary()
_TYPES = ("CONSULT", "AGREE", "ACCUSE", "COERCE", "MOBILIZE", "STATEMENT", "SUPPORT", "SANCTION")
_MODES = {"CONSULT": ("visit", "phone", "meet"), "COERCE": ("seize", "arrest")}
_START = dt.datetime(2023, 1, 1)


def _month(d: dt.datetime) -> EventDate:
    start = dt.datetime(d.year, d.month, 1)
    end = dt.datetime(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return EventDate(value=f"{d.year}-{d.month:02d}", grain="month", start=start, end=end)


def _day(d: dt.datetime) -> EventDate:
    start = dt.datetime(d.year, d.month, d.day)
    return EventDate(
        value=start.date().isoformat(), grain="day", start=start, end=start + dt.timedelta(days=1)
    )


def _sentence(rnd: random.Random, n: int = 12) -> list[str]:
    return [rnd.choice(_WORDS) for _ in range(n)]


def synthetic(n_events: int, seed: int = 1) -> list[Extraction]:
    """About ``n_events`` event mentions spread over articles of ~10 events each."""
    rnd = random.Random(seed)
    n_actors = max(50, n_events // 30)
    actors = [f"Actor {i}" for i in range(n_actors)]
    weights = [1.0 / (i + 1) for i in range(n_actors)]
    days = 3 * 365
    n_articles = max(1, n_events // 10)
    pubs = sorted(_START + dt.timedelta(days=rnd.randrange(days)) for _ in range(n_articles))
    bucket: dict[int, list[Mention]] = {i: [] for i in range(n_articles)}
    made = 0
    while made < n_events:
        etype = rnd.choice(_TYPES)
        mode = rnd.choice(_MODES.get(etype, (None,)))
        agent, target = rnd.choices(actors, weights, k=2)
        when = _START + dt.timedelta(days=rnd.randrange(days - 30))
        words = _sentence(rnd)
        reports = rnd.choice((1, 1, 2, 2, 3, 4))
        near_miss = rnd.random() < 0.15
        for r in range(reports + near_miss):
            miss = r == reports
            art = _article_after(pubs, when, rnd)
            text = list(words)
            if miss:  # same actors a few weeks later, or another counterpart the same day
                if rnd.random() < 0.5:
                    when = when + dt.timedelta(days=rnd.randrange(20, 40))
                else:
                    target = rnd.choice(actors)
                text = _sentence(rnd)
            elif rnd.random() < 0.5:  # paraphrase, else a wire copy
                for k in rnd.sample(range(len(text)), 5):
                    text[k] = rnd.choice(_WORDS)
            roll = rnd.random()
            date = (
                _day(when)
                if roll < 0.55
                else _month(when)
                if roll < 0.8
                else EventDate(value=f"XXXX-{when.month:02d}", grain="month")
                if roll < 0.9
                else None
            )
            evidence = " ".join([agent, *text, target])
            start = 40 * len(bucket[art])
            bucket[art].append(
                Mention(
                    article=f"art{art:07d}",
                    evidence=evidence,
                    span=(start, start + len(evidence)),
                    published=pubs[art],
                    type=etype,  # type: ignore[arg-type]
                    mode=mode,
                    date=date,
                    date_basis="explicit" if date else "unknown",
                    actors=(
                        EventActor(name=agent, role="agent"),
                        EventActor(name=target, role="target"),
                    ),
                    location=rnd.choice((None, None, "Moscow", "Caracas", "Havana")),
                )
            )
            made += 1
    people = tuple(Actor(name=a, kind="person") for a in actors[:200])
    out = []
    for i, mentions in bucket.items():
        events = tuple(
            Event(id=f"{m.article}:{m.span[0]}", type=m.type or "STATEMENT", mentions=(m,))
            for m in mentions
        )
        article = Article(id=f"art{i:07d}", text="…", published=pubs[i])
        out.append(Extraction(article=article, events=events, actors=people))
    return out


def _article_after(pubs: list[dt.datetime], when: dt.datetime, rnd: random.Random) -> int:
    """An article published within ~two months after ``when``."""
    lo = _bisect(pubs, when + dt.timedelta(days=1))
    hi = _bisect(pubs, when + dt.timedelta(days=60))
    return rnd.randrange(lo, hi) if hi > lo else min(lo, len(pubs) - 1)


def _bisect(pubs: list[dt.datetime], x: dt.datetime) -> int:
    import bisect

    return bisect.bisect_left(pubs, x)


def run(n: int, seed: int, repeat: int) -> float:
    """Best of ``repeat`` timings of one merge of ``n`` synthetic events (the machine may be
    shared, so the minimum is the figure that reflects the code)."""
    data = synthetic(n, seed)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        tl = merge(data)
        best = min(best, time.perf_counter() - t0)
    mentions = sum(len(e.mentions) for e in tl.events)
    print(f"{n:>7} events: {best:7.2f} s  ({len(tl.events)} entries, {mentions} mentions)")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    times = [run(n, args.seed, args.repeat) for n in args.sizes]
    for k in range(1, len(times)):
        n0, t0, n1, t1 = args.sizes[k - 1], times[k - 1], args.sizes[k], times[k]
        print(f"ratio {n1}/{n0}: {t1 / t0:.2f} (size ratio {n1 / n0:.0f})")


if __name__ == "__main__":
    main()
