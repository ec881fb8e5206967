"""Batch runs at scale: stream files, folders and JSON Lines, extract in N processes, and
reduce the extractions into a running timeline so memory stays flat.

Articles are read one at a time and never kept: every ``chunk`` extractions are merged into a
partial :class:`Timeline` (``merge`` is associative), and only the running timeline is kept.
Bad inputs print one line on standard error naming the file (or ``file:line``) and the batch
goes on.

>>> result = run_batch(["seeds/"], progress="never")  # doctest: +SKIP
>>> result.total, result.failed  # doctest: +SKIP
(5, 0)
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal, TextIO

from .errors import BadInputError, TimelineError
from .merge import merge
from .models import Article, Extraction, Timeline
from .pipeline import extract
from .reader import iter_sources, read_article, record_to_article

__all__ = ["BatchResult", "extract_chunk", "extract_many", "iter_articles", "run_batch"]

Progress = Literal["auto", "always", "never"]
OnError = Callable[[str, TimelineError], None]

CHUNK = 1000
"""Extractions merged into a partial timeline at a time (one process)."""

WORKER_CHUNK = 64
"""Articles sent to a worker process at a time."""


@dataclass
class BatchResult:
    """What a batch run produced: the merged timeline and the failures.

    ``total`` counts every input (read or not), ``failed`` those that could not be read or
    extracted, and ``errors`` lists ``(where, message)`` for each failure.
    """

    timeline: Timeline
    total: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Reading


def iter_articles(
    paths: Sequence[str],
    *,
    published: dt.datetime | None = None,
    stdin: TextIO | None = None,
    on_error: OnError,
) -> Iterator[Article]:
    """Stream the articles of ``paths``: files, folders, JSON Lines files, and ``-`` for
    standard input (one article, or JSON Lines when its first character is ``{``).

    >>> list(iter_articles(["nope.txt"], on_error=lambda w, e: print(e)))  # doctest: +SKIP
    nope.txt: no such file
    """
    for p in paths:
        if p == "-":
            yield from _iter_stdin(stdin or sys.stdin, published, on_error)
            continue
        if not os.path.exists(p):
            on_error(p, BadInputError("no such file or folder", where=p))
            continue
        yield from iter_sources([p], published=published, on_error=on_error)


def _iter_stdin(
    stream: TextIO, published: dt.datetime | None, on_error: OnError
) -> Iterator[Article]:
    where = "<stdin>"
    first = stream.readline()
    while first and not first.strip():
        first = stream.readline()
    if first.lstrip().startswith("{"):
        number = 1
        for number, line in enumerate(_chain(first, stream), start=1):
            if not line.strip():
                continue
            try:
                yield record_to_article(line, f"{where}:{number}", published)
            except TimelineError as exc:
                on_error(f"{where}:{number}", exc)
        return
    data = first + stream.read()
    try:
        yield read_article(data, published=published, article_id="stdin")
    except TimelineError as exc:
        on_error(where, exc)


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


# --------------------------------------------------------------------------------------------
# Extracting and reducing


def extract_chunk(
    articles: Sequence[Article], prefer: str = "past"
) -> tuple[Timeline, int, list[tuple[str, str]]]:
    """Extract a chunk of articles and merge them into one partial timeline.

    Returns ``(timeline, extracted, errors)``; runs in the worker processes.
    """
    extractions, errors = extract_many(articles, prefer)
    return merge(extractions), len(extractions), errors


def extract_many(
    articles: Sequence[Article], prefer: str = "past"
) -> tuple[list[Extraction], list[tuple[str, str]]]:
    """Extract a chunk of articles without merging (the streaming mode's worker)."""
    extractions: list[Extraction] = []
    errors: list[tuple[str, str]] = []
    for article in articles:
        try:
            extractions.append(extract(article, prefer=prefer))
        except TimelineError as exc:
            errors.append((article.id, _located(article.id, exc)))
    return extractions, errors


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class _Reducer:
    """Reduces extractions into a timeline with bounded work: every ``size`` pending results
    become a partial timeline, and partial timelines of equal rank are merged pairwise (a binary
    counter), so each mention is re-clustered O(log n) times rather than once per chunk. Merge
    depends only on the set of mentions, so the grouping never changes the result."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pending: list[Extraction | Timeline] = []
        self.levels: list[tuple[int, Timeline]] = []

    def add(self, item: Extraction | Timeline) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        timeline, rank = merge(self.pending), 0
        self.pending = []
        while self.levels and self.levels[-1][0] == rank:
            _, other = self.levels.pop()
            timeline, rank = merge([other, timeline]), rank + 1
        self.levels.append((rank, timeline))

    def result(self) -> Timeline:
        self.flush()
        if len(self.levels) == 1:
            return self.levels[0][1]
        return merge([t for _, t in self.levels])


def _located(where: str, exc: TimelineError) -> str:
    """The error's message, starting with ``where`` (a file or ``file:line``)."""
    detail = str(exc)
    for vague in ("<text>: ", "<text>"):
        if detail.startswith(vague):
            detail = detail[len(vague) :]
            break
    return detail if detail.startswith(where) else f"{where}: {detail}"


def _want_progress(progress: str) -> bool:
    if progress == "always":
        return True
    if progress == "never":
        return False
    if progress != "auto":
        raise BadInputError(f"progress must be auto, always or never, not {progress!r}")
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_bar(enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def run_batch(
    paths: Sequence[str],
    *,
    published: dt.datetime | None = None,
    prefer: str = "past",
    jobs: int = 1,
    progress: str = "auto",
    stdin: TextIO | None = None,
    chunk: int = CHUNK,
    sink: Callable[[Extraction], None] | None = None,
) -> BatchResult:
    """Extract every input of ``paths`` and merge; bad inputs are reported and skipped.

    With ``sink``, nothing is merged: each extraction is handed to ``sink`` as soon as it is
    made (in input order) and forgotten, so memory stays flat however long the stream; the
    result's timeline is then empty.

    ``jobs`` > 1 extracts in that many processes (chunks of articles, a bounded number in
    flight); ``progress`` shows a tqdm bar on standard error: ``"auto"`` only on a terminal,
    ``"always"`` or ``"never"``. ``chunk`` extractions are merged at a time.

    >>> r = run_batch(["seeds/000_62b3d14e81318b01.txt", "مفقود.txt"], progress="never")  # doctest: +SKIP
    timeline: مفقود.txt: no such file or folder
    >>> (r.total, r.failed)  # doctest: +SKIP
    (2, 1)
    """
    if jobs < 1:
        raise BadInputError(f"jobs must be at least 1, not {jobs}")
    bar = _progress_bar(_want_progress(progress))
    errors: list[tuple[str, str]] = []

    def report(where: str, message: str) -> None:
        errors.append((where, message))
        line = f"timeline: {message}"
        if bar is not None:
            bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def on_error(where: str, exc: TimelineError) -> None:
        report(where, _located(where, exc))
        if bar is not None:
            bar.update(1)

    articles = iter_articles(paths, published=published, stdin=stdin, on_error=on_error)
    try:
        if sink is not None:
            timeline, done = _run_streaming(articles, prefer, jobs, sink, report, bar)
        elif jobs == 1:
            timeline, done = _run_serial(articles, prefer, chunk, report, bar)
        else:
            timeline, done = _run_parallel(articles, prefer, jobs, chunk, report, bar)
    finally:
        if bar is not None:
            bar.close()
    failed = len(errors)
    return BatchResult(timeline, total=done + failed, failed=failed, errors=errors)


def _run_serial(
    articles: Iterator[Article],
    prefer: str,
    chunk: int,
    report: Callable[[str, str], None],
    bar: Any,
) -> tuple[Timeline, int]:
    reducer = _Reducer(chunk)
    done = 0
    for article in articles:
        try:
            reducer.add(extract(article, prefer=prefer))
            done += 1
        except TimelineError as exc:
            report(article.id, _located(article.id, exc))
        if bar is not None:
            bar.update(1)
    return reducer.result(), done


def _run_streaming(
    articles: Iterator[Article],
    prefer: str,
    jobs: int,
    sink: Callable[[Extraction], None],
    report: Callable[[str, str], None],
    bar: Any,
) -> tuple[Timeline, int]:
    done = 0

    def collect(extractions: list[Extraction], errs: list[tuple[str, str]]) -> None:
        nonlocal done
        for x in extractions:
            sink(x)
        done += len(extractions)
        for where, message in errs:
            report(where, message)
        if bar is not None:
            bar.update(len(extractions) + len(errs))

    if jobs == 1:
        for batch in _chunks(articles, 1):
            collect(*extract_many(batch, prefer))
        return Timeline(), done
    in_flight: deque[Future[tuple[list[Extraction], list[tuple[str, str]]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for batch in _chunks(articles, WORKER_CHUNK):
            in_flight.append(pool.submit(extract_many, batch, prefer))
            if len(in_flight) >= 2 * jobs:
                collect(*in_flight.popleft().result())
        while in_flight:
            collect(*in_flight.popleft().result())
    return Timeline(), done


def _run_parallel(
    articles: Iterator[Article],
    prefer: str,
    jobs: int,
    chunk: int,
    report: Callable[[str, str], None],
    bar: Any,
) -> tuple[Timeline, int]:
    reducer = _Reducer(max(1, chunk // WORKER_CHUNK))
    done = 0
    in_flight: deque[Future[tuple[Timeline, int, list[tuple[str, str]]]]] = deque()

    def collect(fut: Future[tuple[Timeline, int, list[tuple[str, str]]]]) -> None:
        nonlocal done
        partial, count, errs = fut.result()
        reducer.add(partial)
        done += count
        for where, message in errs:
            report(where, message)
        if bar is not None:
            bar.update(count + len(errs))

    # Results are taken in submission order, so the reduction is deterministic.
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for batch in _chunks(articles, WORKER_CHUNK):
            in_flight.append(pool.submit(extract_chunk, batch, prefer))
            if len(in_flight) >= 2 * jobs:
                collect(in_flight.popleft())
        while in_flight:
            collect(in_flight.popleft())
    return reducer.result(), done
