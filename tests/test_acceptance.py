"""Acceptance on the development gold file (seeds/seeds.gold.json), scored by `timeline.evaluate`.

These are the thresholds of the issues; the numbers themselves are printed by
``timeline evaluate seeds/seeds.gold.json seeds/``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import timeline
from timeline.evaluate import Report, evaluate

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT / "seeds" / "seeds.gold.json"
GOLD = json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=[False, True], ids=["printed", "assumed"])
def report(request: pytest.FixtureRequest) -> Report:
    return evaluate(GOLD_PATH, [ROOT / "seeds"], published_assumed=request.param)


def test_every_gold_timex_found_with_its_value(report: Report) -> None:
    d = report.to_dict()["times"]
    assert d["relaxed"]["recall"] == 1.0
    assert d["value"]["accuracy"] == 1.0


def test_no_not_timex_is_found() -> None:
    for g in GOLD["articles"]:
        x = timeline.extract(ROOT / "seeds" / g["file"])
        for bad in g.get("not_timexes", []):
            assert not any(bad in t.text or t.text in bad for t in x.times), (g["file"], bad)


def test_events_found_and_typed(report: Report) -> None:
    d = report.to_dict()["events"]
    assert d["found"]["recall"] >= 0.9
    assert d["type"]["accuracy"] >= 0.8


def test_every_gold_actor_recognised(report: Report) -> None:
    assert report.to_dict()["actors"]["recall"] == 1.0


def test_merge_groups_and_dates(report: Report) -> None:
    d = report.to_dict()["merge"]
    assert d["bcubed"]["f1"] == 1.0
    assert d["merged_date"]["accuracy"] == 1.0


@pytest.fixture(scope="module")
def seed_timeline() -> timeline.Timeline:
    return timeline.build_timeline([ROOT / "seeds"])


def test_maduro_visit_is_one_entry_dated_2025_05(seed_timeline: timeline.Timeline) -> None:
    visits = [
        e
        for e in seed_timeline.events
        if e.mode == "visit" and "Nicolás Maduro" in {a.name for a in e.actors}
    ]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.date.value == "2025-05"
    assert {m.article for m in visit.mentions} == {
        "003_8914f6b78ec75444.txt",
        "004_d59b5d48ac9ba5a1.txt",
    }


def test_agreements(seed_timeline: timeline.Timeline) -> None:
    by_parties = {frozenset(a.parties): a for a in seed_timeline.agreements}
    rv = by_parties[frozenset({"Russia", "Venezuela"})]
    assert set(rv.articles) == {
        "001_4ee6d5356c80da5d.txt",
        "003_8914f6b78ec75444.txt",
        "004_d59b5d48ac9ba5a1.txt",
    }
    assert any(m.stage == "signed" and m.date and m.date.value == "2025-05" for m in rv.milestones)
    assert any(c.kind == "mutual_defense" and c.present is False for c in rv.clauses)
    assert frozenset({"Russia", "North Korea"}) in by_parties
    assert frozenset({"Russia", "Belarus"}) in by_parties


def test_spelling_variants_become_one_actor(seed_timeline: timeline.Timeline) -> None:
    actors = {a.name: a for a in seed_timeline.actors}
    names = [a.name for a in seed_timeline.actors]
    for name, spellings in {
        "Sergey Lavrov": ("سيرجي لافروف", "سيرغي لافروف"),
        "Donald Trump": ("ترامب", "ترمب"),
        "Nicaragua": ("نيكاراغوا", "نيكاراجوا"),
        "Venezuela": ("كراكاس", "كاراكاس"),  # Caracas stands for Venezuela (metonym)
    }.items():
        assert names.count(name) == 1
        assert set(spellings) <= set(actors[name].aliases), (name, actors[name].aliases)
