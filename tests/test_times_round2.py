"""Red-team round 2 corpus (``tests/corpus/times_ar_round2.json``) run against the engine.

Time of day in its news forms, week and month parts, Gulf/Saudi Hijri dates, years and eras,
durations and SETs, event-relative phrases, Egyptian / Levantine / Gulf / Maghrebi colloquial
forms, headlines, datelines and tables, and 100+ negatives. Same format, conventions
(``docs/timex.md``) and checks as ``tests/test_times_news.py``; constructions the conventions do
not settle carry a ``note``. A case the engine gets wrong carries
``"xfail": "<cause>; got <engine output>"`` and runs as a strict xfail: once the engine is fixed
the test XPASSes, fails, and the marker has to be removed from the JSON. A case whose Eastern
digit twin fails while the ASCII one passes carries ``"xfail_digits"`` instead. Expected values
were computed with ``datetime`` and ``hijridate``; never edit one to match the engine.

    PYTHONPATH=src .venv/bin/pytest tests/test_times_round2.py --tb=no -rxX
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from test_times_corpus import (
    DURATION_PATTERN,
    FAMILIES,
    GRAINS,
    KEYS,
    VALUE_PATTERNS,
)
from timex_cases import case_id as _case_id
from timex_cases import check_negative, check_positive, eastern, needs_engine, params, with_digits

CORPUS_PATH = Path(__file__).parent / "corpus" / "times_ar_round2.json"
CORPUS: dict[str, Any] = json.loads(CORPUS_PATH.read_text(encoding="utf-8"))
ANCHOR: str = CORPUS["anchor"]
CASES: list[dict[str, Any]] = CORPUS["cases"]
POSITIVES = [c for c in CASES if c["value"] is not None]
NEGATIVES = [c for c in CASES if c["value"] is None]
ROUND2_FAMILIES = set(FAMILIES) | {"dateline", "headline", "set", "millennium"}
ROUND2_KEYS = KEYS | {"xfail", "xfail_digits"}
ROUND2_PATTERNS = {**VALUE_PATTERNS, "millennium": r"\d"}
OTHER_CORPORA = ("times_ar.json", "times_ar_news.json")


def _params(cases: list[dict[str, Any]], key: str = "xfail") -> list[Any]:
    return params(cases, key)


def _check_positive(case: dict[str, Any]) -> None:
    check_positive(case, ANCHOR)


def _check_negative(case: dict[str, Any]) -> None:
    check_negative(case, ANCHOR)


@needs_engine
@pytest.mark.parametrize("case", _params(POSITIVES))
def test_round2_positive(case: dict[str, Any]) -> None:
    _check_positive(case)


@needs_engine
@pytest.mark.parametrize("case", _params(NEGATIVES))
def test_round2_negative(case: dict[str, Any]) -> None:
    _check_negative(case)


WITH_DIGITS = with_digits(CASES)


def _eastern(case: dict[str, Any], i: int) -> dict[str, Any]:
    """The digit twin; it fails like its ASCII case, or carries its own ``xfail_digits``."""
    out = eastern(case, i)
    out.pop("xfail", None)
    if "xfail" in case:
        out["xfail_digits"] = case["xfail"]
    return out


@needs_engine
@pytest.mark.parametrize(
    "case", _params([_eastern(c, i) for i, c in enumerate(WITH_DIGITS)], key="xfail_digits")
)
def test_round2_eastern_digits_read_like_ascii(case: dict[str, Any]) -> None:
    if case["value"] is None:
        _check_negative(case)
    else:
        _check_positive(case)


# ---- the corpus itself (no engine needed) ------------------------------------------------


def test_round2_corpus_size() -> None:
    assert len(CASES) >= 300
    assert len(NEGATIVES) >= 80


def test_round2_corpus_families() -> None:
    counts = Counter(c["construction"].split("/")[0] for c in CASES)
    assert set(counts) <= ROUND2_FAMILIES, set(counts) - ROUND2_FAMILIES
    for family in ("partofday", "clock", "mod", "hijri", "set", "duration", "relative"):
        assert counts[family] >= 10, family


def test_round2_cases_are_distinct_and_new() -> None:
    keys = Counter((c["text"], c.get("expect"), c.get("prefer"), c.get("anchor")) for c in CASES)
    assert [k for k, n in keys.items() if n > 1] == []
    older = {
        c["text"]
        for name in OTHER_CORPORA
        for c in json.loads((CORPUS_PATH.parent / name).read_text(encoding="utf-8"))["cases"]
    }
    assert [c["text"] for c in CASES if c["text"] in older] == []


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_round2_case_is_well_formed(case: dict[str, Any]) -> None:
    assert set(case) <= ROUND2_KEYS, set(case) - ROUND2_KEYS
    assert case["text"].strip() and case["construction"]
    for key in ("xfail", "xfail_digits"):
        if key in case:
            assert isinstance(case[key], str) and case[key].strip()
    if "expect" in case:
        assert case["expect"] in case["text"]
    assert case.get("prefer", "past") in ("past", "future")
    assert case.get("type", "DATE") in ("DATE", "TIME", "DURATION", "SET")
    assert case.get("boundary") in (None, "since", "until")
    assert case.get("mod") in (None, "START", "MID", "END")
    if case.get("anchor") is not None:
        dt.datetime.fromisoformat(case["anchor"])
    if case["value"] is None:
        assert case["construction"].startswith("negative/") and "grain" not in case
        return
    assert not case["construction"].startswith("negative/")
    assert case["grain"] in GRAINS
    kind = case.get("type", "DATE")
    pattern = (
        DURATION_PATTERN
        if kind == "DURATION" or (kind == "SET" and case["value"].startswith("P"))
        else ROUND2_PATTERNS[case["grain"]]
    )
    assert re.fullmatch(pattern, case["value"]), (case["value"], case["grain"])


@pytest.mark.parametrize("case", POSITIVES, ids=[_case_id(c) for c in POSITIVES])
def test_round2_dates_in_values_exist_and_intervals_are_ordered(case: dict[str, Any]) -> None:
    ends = case["value"].split("/")
    days = [dt.date.fromisoformat(e[:10]) for e in ends if re.match(r"\d{4}-\d{2}-\d{2}", e)]
    assert days == sorted(days)
    assert len(ends) == 1 or ends == sorted(ends)


def test_round2_anchor_is_the_tuesday_of_the_conventions() -> None:
    anchor = dt.datetime.fromisoformat(ANCHOR)
    assert anchor.isoweekday() == 2 and anchor.isocalendar()[1] == 7
