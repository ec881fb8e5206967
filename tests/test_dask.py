"""The Dask helpers, on Dask's synchronous scheduler."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")

import dask
import dask.bag as db

import timeline.integrations.dask as tdask
from timeline.errors import TimelineError
from timeline.integrations.dask import extract_bag, extract_record, timeline_from_bag
from timeline.models import Article, ArticleInfo, Extraction, Timeline

TEXT = "وصل وزير الخارجية إلى موسكو يوم الأربعاء لإجراء محادثات مع نظيره الروسي."


def _fake_merge(items: Iterable[Extraction | Timeline]) -> Timeline:
    """A stand-in merge that concatenates article lists (associative), sorted by id."""
    infos: list[ArticleInfo] = []
    for item in items:
        infos.extend(item.articles if isinstance(item, Timeline) else [item.article.info()])
    return Timeline(articles=tuple(sorted(infos, key=lambda a: a.id)))


def test_extract_record_kinds(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert extract_record(str(path)).article.id == "a.txt"  # type: ignore[union-attr]
    assert extract_record({"id": 7, "text": TEXT}).article.id == "7"  # type: ignore[union-attr]
    art = Article(id="x", text=TEXT)
    assert extract_record(art).article is art  # type: ignore[union-attr]
    with pytest.raises(TimelineError):
        extract_record({"id": "bad"})
    assert extract_record({"id": "bad"}, errors="skip") is None


def test_bag_tree_reduce(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tdask, "merge", _fake_merge)
    records = [{"id": f"{i:03d}", "text": TEXT} for i in range(40)] + [{"id": "bad"}]
    bag = db.from_sequence(records, npartitions=10)
    with dask.config.set(scheduler="sync"):
        xs = extract_bag(bag, errors="skip")
        assert xs.count().compute() == 40
        tl = timeline_from_bag(xs, split_every=3)
    assert [a.id for a in tl.articles] == [f"{i:03d}" for i in range(40)]


def test_bag_raises_by_default() -> None:
    bag = db.from_sequence([{"id": "bad"}], npartitions=1)
    with pytest.raises(TimelineError):
        timeline_from_bag(extract_bag(bag), scheduler="sync")


def test_real_merge_gives_a_timeline() -> None:
    bag = db.from_sequence([{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}], npartitions=2)
    assert isinstance(timeline_from_bag(extract_bag(bag), scheduler="sync"), Timeline)
