"""A blind article-level set (``tests/heldout/``), scored like the seeds by ``timeline.evaluate``.

Six articles in the styles of six outlets (a Moroccan site, a Lebanese channel, a Saudi daily
with a Hijri dateline, an Iraqi agency, an Egyptian portal, a pan-Arab wire following up the
Saudi story), written and annotated in the gold format without reading the engine; outlets are
fictional and events invented or fictionalised. The numbers are floors against regression,
set a little below what the engine scores now (events found 52.6%, time values 98.6%); the
annotators' institutions (a trade union, ministries) are mostly outside the gazetteer, so
events found is the weakest figure. Never edit the gold to suit the engine.

    timeline evaluate tests/heldout/heldout.gold.json tests/heldout/
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.evaluate import Report, evaluate

HERE = Path(__file__).parent / "heldout"


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(HERE / "heldout.gold.json", [HERE])


def test_every_article_is_read_and_dated(report: Report) -> None:
    d = report.to_dict()
    assert len(d["articles"]) == 6 and not d["unmatched"] and not d["errors"]


def test_times_floor(report: Report) -> None:
    times = report.to_dict()["times"]
    assert times["relaxed"]["recall"] >= 0.93
    assert times["value"]["accuracy"] >= 0.95


def test_events_floor(report: Report) -> None:
    events = report.to_dict()["events"]
    assert events["found"]["recall"] >= 0.6
    assert events["type"]["accuracy"] >= 0.7
    assert events["date"]["accuracy"] >= 0.9
