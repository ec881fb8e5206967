"""Evaluation against a tiny hand-made gold file and hand-built extractions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.cli import main
from timeline.errors import BadInputError
from timeline.evaluate import (
    at_grain,
    bcubed,
    evaluate,
    load_gold,
    pairwise,
    score_actors,
    score_events,
    score_extractions,
    score_merge,
    score_times,
)
from timeline.models import (
    Actor,
    Article,
    Event,
    EventActor,
    EventDate,
    Extraction,
    Mention,
    TimeExpression,
    Timeline,
)

TEXT_A = "وصل الوزير صباح الثلاثاء إلى هافانا. وقال يوم الأربعاء إن بوتين سيزور. ثم يوم الأربعاء."
TEXT_B = "زار مادورو موسكو في مايو الماضي والتقى بوتين."

GOLD: dict[str, Any] = {
    "articles": [
        {
            "file": "a.txt",
            "published": "2026-01-21",
            "timexes": [
                {"text": "صباح الثلاثاء", "value": "2026-01-20TMO", "grain": "day"},
                {"text": "يوم الأربعاء", "value": "2026-01-21", "grain": "day", "count": 2},
            ],
            "events": [
                {
                    "id": "visit",
                    "type": "CONSULT",
                    "date": "2026-01-20",
                    "actors": ["Minister X", "Cuba"],
                },
                {"id": "talk", "type": "STATEMENT", "date": None, "actors": ["Minister X"]},
            ],
        },
        {
            "file": "b.txt",
            "published": None,
            "published_assumed": "2025-10-28",
            "timexes": [
                {
                    "text": "في مايو الماضي",
                    "value": "XXXX-05",
                    "grain": "month",
                    "value_if_published_assumed": "2025-05",
                }
            ],
            "events": [
                {
                    "id": "maduro-visit",
                    "type": "CONSULT",
                    "date": "XXXX-05",
                    "actors": ["Nicolás Maduro", "Vladimir Putin"],
                }
            ],
            "events_if_published_assumed": {"maduro-visit": "2025-05"},
        },
        {
            "file": "c.txt",
            "published": "2025-06-01",
            "timexes": [],
            "events": [
                {
                    "id": "maduro-visit",
                    "type": "CONSULT",
                    "date": "2025-05",
                    "actors": ["Nicolás Maduro", "Russia"],
                }
            ],
        },
    ],
    "same_event_across_sources": [
        {"event": "maduro-visit", "articles": ["b.txt", "c.txt"], "merged_date": "2025-05"}
    ],
    "actors": [
        {"name": "Vladimir Putin", "kind": "person", "ar": ["بوتين"]},
        {"name": "Nicolás Maduro", "kind": "person", "ar": ["مادورو"]},
        {"name": "Russia", "kind": "country", "ar": ["روسيا"]},
    ],
}


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def _time(text: str, needle: str, value: str, nth: int = 0, cut: int = 0) -> TimeExpression:
    a, b = _span(text, needle, nth)
    return TimeExpression(text=text[a : b - cut], span=(a, b - cut), value=value, grain="day")


def _event(
    eid: str, article: str, span: tuple[int, int], type_: str, value: str | None, *names: str
) -> Event:
    date = EventDate(value=value)
    actors = tuple(EventActor(name=n, role="agent") for n in names)
    mention = Mention(article=article, evidence="x", span=span, date=date, actors=actors)
    return Event(
        id=eid,
        type=type_,  # type: ignore[arg-type]
        date=date,
        actors=actors,
        mentions=(mention,),
    )


def _extraction_a() -> Extraction:
    article = Article(id="a.txt", text=TEXT_A, segments=((0, len(TEXT_A)),))
    times = (
        _time(TEXT_A, "صباح الثلاثاء", "2026-01-20TMO"),  # strict, right value
        _time(TEXT_A, "يوم الأربعاء", "2026-01-22", cut=2),  # relaxed only, wrong value
        TimeExpression(text="بوتين", span=_span(TEXT_A, "بوتين"), value="PAST_REF", grain="vague"),
    )
    events = (
        _event("e1", "a.txt", (0, 10), "CONSULT", "2026-01-20", "Minister X"),
        _event("e2", "a.txt", (40, 50), "ACCUSE", None, "Minister X"),
        _event("e3", "a.txt", (60, 70), "AID", "2020", "Someone"),
    )
    return Extraction(
        article=article,
        times=times,
        actors=(Actor(name="Vladimir Putin", kind="person"),),
        events=events,
    )


def _extraction_b(value: str = "XXXX-05") -> Extraction:
    article = Article(id="b.txt", text=TEXT_B, segments=((0, len(TEXT_B)),))
    t = _time(TEXT_B, "مايو الماضي", value)
    return Extraction(
        article=article,
        times=(t.model_copy(update={"grain": "month"}),),
        actors=(Actor(name="Nicolás Maduro", kind="person"),),
        events=(_event("b1", "b.txt", (0, 20), "CONSULT", value, "Nicolás Maduro"),),
    )


def _extraction_c() -> Extraction:
    text = "وقعت روسيا وزار مادورو موسكو في مايو 2025."
    article = Article(id="c.txt", text=text, segments=((0, len(text)),))
    return Extraction(
        article=article,
        events=(_event("c1", "c.txt", (5, 25), "CONSULT", "2025-05-14", "Nicolás Maduro"),),
    )


# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "got", "ok"),
    [
        ("2025-05", "2025-05-12", True),
        ("2025-05", "2025-06", False),
        ("2025-05", "2025", False),
        ("2025", "2025-05", True),
        ("196X", "1962", True),
        ("196X", "196X", True),
        ("196X", "1970", False),
        ("2026-01-20TMO", "2026-01-20", True),
        ("2026-01-20", "2026-01-20TMO", True),
        ("XXXX-05", "XXXX-05", True),
        ("XXXX-05", "2025-05", False),
        ("PAST_REF", "PAST_REF", True),
        ("PAST_REF", "2025", False),
        (None, None, True),
        (None, "2025", False),
        ("2025", None, False),
    ],
)
def test_at_grain(gold: str | None, got: str | None, ok: bool) -> None:
    assert at_grain(gold, got) is ok


def test_times_strict_relaxed_value_and_count() -> None:
    scores, rows = score_times(GOLD["articles"][0], _extraction_a())
    # gold: صباح الثلاثاء + 2 × يوم الأربعاء = 3; found 3
    assert (scores.strict.tp, scores.strict.found, scores.strict.gold) == (1, 3, 3)
    assert scores.relaxed.tp == 2
    assert (scores.value.correct, scores.value.total) == (1, 2)
    assert scores.unlocated == 0
    assert rows[1] == ("يوم الأربعاء", "2026-01-21", "2026-01-22")
    assert rows[2] == ("يوم الأربعاء", "2026-01-21", None)
    assert scores.relaxed.precision == pytest.approx(2 / 3)


def test_times_assumed_values() -> None:
    plain, _ = score_times(GOLD["articles"][1], _extraction_b("2025-05"))
    assumed, _ = score_times(GOLD["articles"][1], _extraction_b("2025-05"), assumed=True)
    assert plain.value.correct == 0
    assert assumed.value.correct == 1
    assert assumed.strict.tp == 0 and assumed.relaxed.tp == 1  # "في" is left out


def test_printed_publication_date_counts_as_found() -> None:
    text = "عنوان الخبر هنا\nيناير 21, 2026\nنص."
    span = _span(text, "يناير 21, 2026")
    article = Article(
        id="p.txt",
        text=text,
        published=dt.datetime(2026, 1, 21),
        published_text="يناير 21, 2026",
        published_span=span,
    )
    gold = {"timexes": [{"text": "يناير 21, 2026", "value": "2026-01-21", "grain": "day"}]}
    scores, _ = score_times(gold, Extraction(article=article))
    assert scores.strict.tp == 1 and scores.value.correct == 1


def test_events_found_type_and_date() -> None:
    s = score_events(GOLD["articles"][0], _extraction_a())
    assert (s.found.tp, s.found.found, s.found.gold) == (2, 3, 2)
    assert (s.type.correct, s.type.total) == (1, 2)  # ACCUSE is not STATEMENT
    assert (s.date.correct, s.date.total) == (2, 2)


def test_events_need_a_shared_actor_and_one_to_one() -> None:
    x = _extraction_a()
    lone = x.model_copy(update={"events": (x.events[0],)})
    s = score_events(GOLD["articles"][0], lone)
    assert s.found.tp == 1  # e1 cannot serve both gold events
    stranger = x.model_copy(update={"events": (x.events[2],)})
    assert score_events(GOLD["articles"][0], stranger).found.tp == 0


def test_events_assumed_dates() -> None:
    x = _extraction_b("2025-05")
    assert score_events(GOLD["articles"][1], x).found.tp == 0
    s = score_events(GOLD["articles"][1], x, assumed=True)
    assert s.found.tp == 1 and s.date.correct == 1


def test_date_accuracy_counts_actor_pairs_with_wrong_date() -> None:
    s = score_events(GOLD["articles"][2], _extraction_b("2024-05"))
    assert (s.found.tp, s.date.correct, s.date.total) == (0, 0, 1)  # Maduro shared, year wrong
    wrong = _extraction_c().model_copy(
        update={"events": (_event("c1", "c.txt", (5, 25), "CONSULT", "2024-05", "Russia"),)}
    )
    s = score_events(GOLD["articles"][2], wrong)
    assert (s.found.tp, s.date.correct, s.date.total) == (0, 0, 1)


def test_actor_recall() -> None:
    s = score_actors(GOLD, _extraction_a())  # text names بوتين only
    assert (s.tp, s.gold) == (1, 1)
    s = score_actors(GOLD, _extraction_c())  # روسيا, مادورو in text; nothing extracted
    assert (s.tp, s.gold) == (0, 2)


def test_bcubed_and_pairwise() -> None:
    gold = {1: "a", 2: "a", 3: "b"}
    assert bcubed(gold, {1: "x", 2: "x", 3: "y"}) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(gold, {1: "x", 2: "y", 3: "z"})
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1) / 3)
    s = pairwise(gold, {1: "x", 2: "x", 3: "x"})
    assert (s.tp, s.found, s.gold) == (1, 3, 1)


@given(st.dictionaries(st.integers(0, 20), st.sampled_from("abcd"), min_size=1))
def test_bcubed_perfect_on_itself(clusters: dict[int, str]) -> None:
    assert bcubed(clusters, clusters) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(clusters, {k: str(k) for k in clusters})
    assert p == 1.0 and 0 < r <= 1 and 0 < f <= 1


def test_merge_scores_group_and_date() -> None:
    xb, xc = _extraction_b("2025-05"), _extraction_c()
    golds = GOLD["articles"]
    joined = Event(
        id="m",
        type="CONSULT",
        date=EventDate(value="2025-05"),
        mentions=xb.events[0].mentions + xc.events[0].mentions,
    )
    pairs = [(golds[1], xb), (golds[2], xc)]
    s = score_merge(GOLD, pairs, Timeline(events=(joined,)), assumed=True)
    assert s.items == 2
    assert s.bcubed == (1.0, 1.0, 1.0)
    assert s.pairwise.tp == 1 and s.merged_date.correct == 1
    apart = Timeline(events=(xb.events[0], xc.events[0]))
    s = score_merge(GOLD, pairs, apart, assumed=True)
    assert s.pairwise.tp == 0 and s.bcubed[1] == 0.5


def test_score_extractions_report() -> None:
    stray = Extraction(article=Article(id="zzz.txt", text="نص"))
    report = score_extractions(
        GOLD,
        [_extraction_a(), _extraction_b(), _extraction_c(), stray],
        timeline=Timeline(),
    )
    assert report.articles == ["a.txt", "b.txt", "c.txt"]
    assert report.unmatched == ["zzz.txt"]
    d = report.to_dict()
    assert d["events"]["found"]["gold"] == 4
    assert d["events"]["found"]["tp"] == 4  # a: 2, b: 1 (XXXX-05), c: 1 (2025-05-14 at month)
    json.dumps(d)
    table = report.table()
    assert table.startswith("| metric |")
    assert "| events: found | 80.0 | 100.0 | 88.9 | 4/5/4 |" in table
    assert "zzz.txt" in table


def test_load_gold_rejects_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(BadInputError, match="not JSON"):
        load_gold(bad)
    bad.write_text('{"articles": [{}]}', encoding="utf-8")
    with pytest.raises(BadInputError, match="file"):
        load_gold(bad)
    with pytest.raises(BadInputError):
        load_gold(tmp_path / "missing.json")


def _write_corpus(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    return gold


def test_evaluate_end_to_end_runs(tmp_path: Path) -> None:
    gold = _write_corpus(tmp_path)
    report = evaluate(gold, [tmp_path / "arts"])
    assert report.articles == ["a.txt", "b.txt"]
    assert report.to_dict()["times"]["strict"]["gold"] == 4
    assumed = evaluate(gold, [tmp_path / "arts"], published_assumed=True)
    assert assumed.assumed and "assumed" in assumed.table()


def test_cli_evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = _write_corpus(tmp_path)
    assert main(["evaluate", str(gold), str(tmp_path / "arts")]) == 0
    out = capsys.readouterr().out
    assert "| times: strict extent |" in out
    assert main(["evaluate", str(gold), str(tmp_path / "arts"), "--json", "--assumed"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["assumed"] is True and data["articles"] == ["a.txt", "b.txt"]
    assert main(["evaluate", str(tmp_path / "nope.json"), str(tmp_path)]) == 2


def test_seed_gold_loads() -> None:
    gold = load_gold(Path(__file__).parent.parent / "seeds" / "seeds.gold.json")
    assert len(gold["articles"]) == 5
