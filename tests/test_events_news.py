"""The held-out-style event corpus (``tests/corpus/events_ar_news.json``) through the pipeline.

Sentences composed in the styles of many Arabic outlets (wires, pan-Arab channels, national
agencies, Maghrebi and Gulf press, headlines), heavy on PROTEST and ASSAULT, with passives,
nominal headlines, casualty reports, negated and hypothetical events, and sentences with no
event at all. Each runs through ``timeline.extract`` (real times and actors) with the corpus's
publication date. A case the engine gets wrong carries ``"xfail": "<reason>"`` and runs as a
strict xfail: once the engine is fixed it XPASSes, fails, and the marker must be removed.
Never edit an expectation to match the engine.

    PYTHONPATH=src .venv/bin/pytest tests/test_events_news.py --tb=no -rxX -q
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.models import Event

CORPUS_PATH = Path(__file__).parent / "corpus" / "events_ar_news.json"
CORPUS: dict[str, Any] = json.loads(CORPUS_PATH.read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = CORPUS["cases"]
PUBLISHED: str = CORPUS["published"]
KEYS = {
    "text",
    "type",
    "mode",
    "agents",
    "targets",
    "actors",
    "source",
    "location",
    "negated",
    "hypothetical",
    "date",
    "absent",
    "no_events",
    "style",
    "xfail",
}


def _params(cases: list[dict[str, Any]]) -> list[Any]:
    out = []
    for c in cases:
        marks = [pytest.mark.xfail(strict=True, reason=c["xfail"])] if "xfail" in c else []
        out.append(pytest.param(c, id=f"{c['type']}: {c['text'][:40]}", marks=marks))
    return out


ROUND3_PATH = Path(__file__).parent / "corpus" / "events_ar_round3.json"
ROUND3: dict[str, Any] = json.loads(ROUND3_PATH.read_text(encoding="utf-8"))


def _events(text: str, published: str = PUBLISHED) -> list[Event]:
    return list(timeline.extract(text, published=published).events)


def problems(case: dict[str, Any], ev: Event) -> list[str]:
    """What is wrong with ``ev`` as the event of ``case`` (empty when it fits)."""
    out: list[str] = []
    names = {a.name for a in ev.actors}
    sources = {a.name for a in ev.actors if a.role == "source"}
    if "mode" in case and ev.mode != case["mode"]:
        out.append(f"mode {ev.mode}")
    if not set(case.get("agents", ())) <= set(ev.agents):
        out.append(f"agents {ev.agents}")
    if not set(case.get("targets", ())) <= set(ev.targets):
        out.append(f"targets {ev.targets}")
    if not set(case.get("actors", ())) <= names:
        out.append(f"actors {sorted(names)}")
    if "source" in case and case["source"] not in sources:
        out.append(f"sources {sorted(sources)}")
    if "location" in case and ev.location != case["location"]:
        out.append(f"location {ev.location}")
    if ev.negated != case.get("negated", False):
        out.append(f"negated {ev.negated}")
    if ev.hypothetical != case.get("hypothetical", False):
        out.append(f"hypothetical {ev.hypothetical}")
    if "date" in case and not (ev.date.value or "").startswith(case["date"]):
        out.append(f"date {ev.date.value}")
    return out


def check(case: dict[str, Any], events: list[Event]) -> str | None:
    """None when ``events`` satisfy ``case``, else a description of the failure."""
    for absent in case.get("absent", ()):
        if any(e.type == absent for e in events):
            return f"unwanted {absent}"
    if case["type"] is None:
        if case.get("no_events") and events:
            return f"events {[(e.type, e.trigger) for e in events]}"
        extra = [(e.type, e.trigger) for e in events if e.type != "STATEMENT"]
        return f"unwanted events {extra}" if extra else None
    of_type = [e for e in events if e.type == case["type"]]
    if not of_type:
        return f"no {case['type']} in {[(e.type, e.trigger) for e in events]}"
    found = [problems(case, e) for e in of_type]
    if any(not p for p in found):
        return None
    return "; ".join(found[0])


@pytest.mark.parametrize("case", _params(CASES))
def test_news_case(case: dict[str, Any]) -> None:
    failure = check(case, _events(case["text"]))
    assert failure is None, failure


@pytest.mark.parametrize("case", _params(ROUND3["cases"]))
def test_round3_case(case: dict[str, Any]) -> None:
    """Attribution phrases and casualty reports (``events_ar_round3.json``)."""
    failure = check(case, _events(case["text"], ROUND3["published"]))
    assert failure is None, failure


def test_corpus_shape() -> None:
    assert len(CASES) >= 200
    assert len({c["text"] for c in CASES}) == len(CASES)
    for c in CASES:
        assert set(c) <= KEYS, set(c) - KEYS
    kinds = Counter(c["type"] for c in CASES)
    assert kinds["PROTEST"] >= 50 and kinds["ASSAULT"] >= 50 and kinds[None] >= 20
    assert len({c["style"] for c in CASES}) >= 15


def pass_rate() -> tuple[int, int]:
    """(passing, total) over the whole corpus, xfails included (used in reports)."""
    ok = sum(check(c, _events(c["text"])) is None for c in CASES)
    return ok, len(CASES)


ROUND4_PATH = Path(__file__).parent / "corpus" / "events_ar_round4.json"
ROUND4: dict[str, Any] = json.loads(ROUND4_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(ROUND4["cases"]))
def test_round4_case(case: dict[str, Any]) -> None:
    """Result / purpose clauses and commentary (``events_ar_round4.json``)."""
    failure = check(case, _events(case["text"], ROUND4["published"]))
    assert failure is None, failure


ROUND5_PATH = Path(__file__).parent / "corpus" / "events_ar_round5.json"
ROUND5: dict[str, Any] = json.loads(ROUND5_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(ROUND5["cases"]))
def test_round5_case(case: dict[str, Any]) -> None:
    """Owners of objects as targets, titles before names (``events_ar_round5.json``)."""
    failure = check(case, _events(case["text"], ROUND5["published"]))
    assert failure is None, failure


ROUND6_PATH = Path(__file__).parent / "corpus" / "events_ar_round6.json"
ROUND6: dict[str, Any] = json.loads(ROUND6_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(ROUND6["cases"]))
def test_round6_case(case: dict[str, Any]) -> None:
    """PROTEST and ASSAULT in many outlet styles, with negatives (``events_ar_round6.json``)."""
    failure = check(case, _events(case["text"], ROUND6["published"]))
    assert failure is None, failure


LEXICON_PATH = Path(__file__).parent / "corpus" / "events_ar_lexicon.json"
LEXICON: dict[str, Any] = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(LEXICON["cases"]))
def test_lexicon_case(case: dict[str, Any]) -> None:
    """Composed sentences for each trigger family and guard added after round 7
    (``events_ar_lexicon.json``)."""
    failure = check(case, _events(case["text"], LEXICON["published"]))
    assert failure is None, failure


ROUND7_PATH = Path(__file__).parent / "corpus" / "events_ar_round7.json"
ROUND7: dict[str, Any] = json.loads(ROUND7_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(ROUND7["cases"]))
def test_round7_case(case: dict[str, Any]) -> None:
    """A blind round of 120 sentences, all PLOVER types and traps (``events_ar_round7.json``)."""
    failure = check(case, _events(case["text"], ROUND7["published"]))
    assert failure is None, failure


ROUND8_PATH = Path(__file__).parent / "corpus" / "events_ar_round8.json"
ROUND8: dict[str, Any] = json.loads(ROUND8_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(ROUND8["cases"]))
def test_round8_case(case: dict[str, Any]) -> None:
    """A blind round of 150 PROTEST / ASSAULT sentences and hard negatives
    (``events_ar_round8.json``)."""
    failure = check(case, _events(case["text"], ROUND8["published"]))
    assert failure is None, failure


ROUND9_PATH = Path(__file__).parent / "corpus" / "events_ar_round9.json"
ROUND9: dict[str, Any] = json.loads(ROUND9_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(ROUND9["cases"]))
def test_round9_case(case: dict[str, Any]) -> None:
    """A blind round of 200 PROTEST / ASSAULT sentences and hard negatives
    (``events_ar_round9.json``)."""
    failure = check(case, _events(case["text"], ROUND9["published"]))
    assert failure is None, failure


ROUND10_PATH = Path(__file__).parent / "corpus" / "events_ar_round10.json"
ROUND10: dict[str, Any] = json.loads(ROUND10_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _params(ROUND10["cases"]))
def test_round10_case(case: dict[str, Any]) -> None:
    """A blind round of 200 sentences of all 17 types and hard negatives
    (``events_ar_round10.json``)."""
    failure = check(case, _events(case["text"], ROUND10["published"]))
    assert failure is None, failure


@pytest.mark.parametrize(
    "corpus",
    [ROUND6, ROUND7, ROUND8, ROUND9, ROUND10, LEXICON],
    ids=["round6", "round7", "round8", "round9", "round10", "lexicon"],
)
def test_round_corpus_shape(corpus: dict[str, Any]) -> None:
    cases = corpus["cases"]
    assert len({c["text"] for c in cases}) == len(cases)
    for c in cases:
        assert set(c) <= KEYS, set(c) - KEYS
        assert c["type"] is None or c["type"] in {
            "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
            "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
            "ASSAULT", "STATEMENT",
        }  # fmt: skip


def test_a_protest_dispersed_by_the_police_is_not_theirs() -> None:
    text = "فرقت قوات الأمن الجزائرية، مساء السبت، وقفة احتجاجية نظمها عشرات الأساتذة"
    events = _events(text)
    coerce = [e for e in events if e.type == "COERCE"]
    protest = [e for e in events if e.type == "PROTEST"]
    assert coerce and "Algeria" in coerce[0].agents
    assert protest and protest[0].agents == ()


def test_who_reports_a_casualty_is_no_doer() -> None:
    events = _events("وأعلنت وزارة الصحة الفلسطينية، صباح اليوم، استشهاد شابين")
    kill = [e for e in events if e.type == "ASSAULT"]
    assert kill and kill[0].agents == ()
    assert "Ministry of Health (Palestine)" in [a.name for a in kill[0].actors]


def test_agency_style_one_sentence_paragraphs_carry_the_date_on() -> None:
    text = (
        "عمّان - شهد العاهل الأردني والرئيس القبرصي أمس الاثنين توقيع اتفاقية للتعاون في مجال "
        "الطاقة بين البلدين.\n"
        "ووقع الاتفاقية عن الجانب الأردني وزير الطاقة صالح الخرابشة.\n"
        "وفي سياق متصل، أرسلت الحكومة الأردنية قافلة مساعدات إلى غزة."
    )
    events = _events(text, "2025-03-11")
    signed = [e for e in events if e.type == "AGREE"]
    assert signed and {e.date.value for e in signed} == {"2025-03-10"}
    sent = [e for e in events if e.trigger and "أرسلت" in e.trigger]
    assert all(e.date.value != "2025-03-10" for e in sent)
