"""The whole job, top to bottom: article → times → actors → events → merge → timeline.

>>> from timeline import build_timeline
>>> tl = build_timeline(["seeds/003_8914f6b78ec75444.txt", "seeds/004_d59b5d48ac9ba5a1.txt"])
>>> any(e.date.value == "2025-05" and e.mode == "visit" for e in tl.events)
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .actors import actors_of, find_actors
from .events import find_events
from .merge import merge
from .models import Article, Extraction, TimeExpression, Timeline
from .reader import date_line, parse_published, read_article, visible_text
from .times import find_times
from .tokens import Regions

__all__ = ["build_timeline", "extract"]


def extract(
    article_or_text: Article | str | bytes | Path,
    *,
    published: str | dt.date | dt.datetime | None = None,
    prefer: str = "past",
) -> Extraction:
    """Find the times, actors, events and agreements of one article.

    ``article_or_text`` is an :class:`Article`, or anything :func:`read_article` takes.

    >>> x = extract("زار الرئيس الروسي فلاديمير بوتين القاهرة أمس", published="2025-03-02")
    >>> x.times[0].value
    '2025-03-01'
    """
    if isinstance(article_or_text, Article):
        article = article_or_text
        if published is not None:
            article = article.model_copy(
                update={"published": parse_published(published), "published_precision": "day"}
            )
    else:
        article = read_article(article_or_text, published=published)
    anchor = article.published
    text = visible_text(article)  # boilerplate blanked: the engines read only the article
    regions = Regions(_time_regions(article))
    times: list[TimeExpression] = [
        t for t in find_times(text, anchor, prefer=prefer) if regions.holds(t.span)
    ]
    body = Regions(article.segments)
    mentions = [m for m in find_actors(text) if body.holds(m.span)]
    events, agreements = find_events(article, times, mentions)
    return Extraction(
        article=article,
        times=tuple(times),
        actors=tuple(actors_of(mentions)),
        actor_mentions=tuple(mentions),
        events=tuple(events),
        agreements=tuple(agreements),
    )


def _time_regions(article: Article) -> list[tuple[int, int]]:
    """Where to look for time expressions: the headline, the date line and the body."""
    regions = list(article.segments)
    if article.title_span is not None:
        regions.append(article.title_span)
    line = date_line(article)  # a second calendar may follow the first
    if line is not None:
        regions.append(line)
    return sorted(set(regions))


def build_timeline(
    sources: Iterable[Article | str | bytes | Path],
    *,
    published: str | dt.date | dt.datetime | None = None,
    prefer: str = "past",
) -> Timeline:
    """Read, extract and merge many articles into one :class:`Timeline`.

    ``sources`` are articles, paths, texts or bytes; a folder path stands for its files.
    """
    from .reader import iter_sources

    extractions = [
        extract(article, prefer=prefer) for article in iter_sources(sources, published=published)
    ]
    return merge(extractions)
