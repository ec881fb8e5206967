"""Dask helpers: extract a bag of articles in parallel and tree-reduce it into a timeline.

Needs the optional extra ``pip install "arabic-timeline[dask]"``; Dask is imported only when
a helper is called, and a clear :class:`~timeline.errors.TimelineError` says what to install
when it is missing.

>>> import dask.bag as db  # doctest: +SKIP
>>> from timeline.integrations.dask import extract_bag, timeline_from_bag  # doctest: +SKIP
>>> bag = db.read_text("news/*.jsonl").map(json.loads)  # doctest: +SKIP
>>> tl = timeline_from_bag(extract_bag(bag))  # doctest: +SKIP

Records are JSON Lines objects (``{"id", "text" or "html", "published", ...}``), paths of
article files, raw article texts, or :class:`~timeline.models.Article` objects.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from functools import partial
from typing import Any, Literal

from ..errors import TimelineError
from ..merge import merge
from ..models import Article, Extraction, Timeline

__all__ = ["extract_bag", "extract_record", "timeline_from_bag"]

Item = Article | dict[str, Any] | str | os.PathLike[str]


def _require_dask() -> Any:
    try:
        import dask.bag
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise TimelineError(
            'Dask is not installed; install the extra: pip install "arabic-timeline[dask]"'
        ) from exc
    return dask.bag


def extract_record(
    item: Item,
    *,
    published: str | dt.date | dt.datetime | None = None,
    prefer: str = "past",
    errors: Literal["raise", "skip"] = "raise",
) -> Extraction | None:
    """Extract one record, path, text or Article (a pure, picklable function).

    With ``errors="skip"`` a bad item gives ``None`` instead of raising.

    >>> extract_record({"id": "1", "text": "وصل الرئيس إلى موسكو أمس"}).article.id  # doctest: +SKIP
    '1'
    """
    from ..pipeline import extract
    from ..reader import read_article, record_to_article

    try:
        if isinstance(item, Article):
            article = item
        elif isinstance(item, dict):
            where = str(item.get("id", "<record>"))
            article = record_to_article(item, where, published)
        else:
            article = read_article(item, published=published)
        return extract(article, prefer=prefer)
    except TimelineError:
        if errors == "skip":
            return None
        raise


def extract_bag(
    bag: Any,
    *,
    published: str | dt.date | dt.datetime | None = None,
    prefer: str = "past",
    errors: Literal["raise", "skip"] = "raise",
) -> Any:
    """Map :func:`extract_record` over a ``dask.bag.Bag``; returns a bag of Extractions.

    With ``errors="skip"`` bad items are dropped instead of failing the computation.

    >>> xs = extract_bag(db.from_sequence(["أ.txt", "ب.txt"]))  # doctest: +SKIP
    """
    _require_dask()
    fn = partial(extract_record, published=published, prefer=prefer, errors=errors)
    out = bag.map(fn)
    if errors == "skip":
        out = out.filter(_is_extraction)
    return out


def _is_extraction(x: Extraction | None) -> bool:
    return x is not None


def _merge_all(items: Iterable[Extraction | Timeline]) -> Timeline:
    return merge(list(items))


def timeline_from_bag(bag: Any, *, split_every: int = 8, scheduler: str | None = None) -> Timeline:
    """Tree-reduce a bag of Extractions (or Timelines) into one :class:`Timeline`.

    Each partition is merged into a partial timeline, then ``split_every`` partials at a time
    are merged again (``merge`` is associative), so no worker holds every extraction.
    ``scheduler`` is passed to ``compute`` (``"sync"``, ``"threads"``, ``"processes"`` ...).

    >>> tl = timeline_from_bag(extract_bag(bag), split_every=4)  # doctest: +SKIP
    """
    _require_dask()
    reduced = bag.reduction(_merge_all, _merge_all, split_every=split_every)
    kwargs: dict[str, Any] = {} if scheduler is None else {"scheduler": scheduler}
    result = reduced.compute(**kwargs)
    if not isinstance(result, Timeline):
        raise TimelineError(f"the reduction gave {type(result).__name__}, not a Timeline")
    return result
