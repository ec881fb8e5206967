"""The held-out-style news corpus (``tests/corpus/times_ar_news.json``) run against the engine.

Realistic sentences in the styles of many Arabic outlets (datelines, الموافق double dates,
Maghrebi / Levantine / Gulf usage, headlines, number words, ranges, and negatives from sport,
finance and outlet names). Same format, conventions (``docs/timex.md``) and checks as
``tests/test_times_corpus.py``. A case the engine currently gets wrong carries
``"xfail": "<cause>; <what the engine returned>"`` and runs as a strict xfail: once the engine is
fixed the test XPASSes, fails, and the marker has to be removed from the JSON. Expected values
were computed with ``datetime`` and ``hijridate``; never edit one to match the engine.

    PYTHONPATH=src .venv/bin/pytest tests/test_times_news.py --tb=no -rxX
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

CORPUS_PATH = Path(__file__).parent / "corpus" / "times_ar_news.json"
CORPUS: dict[str, Any] = json.loads(CORPUS_PATH.read_text(encoding="utf-8"))
ANCHOR: str = CORPUS["anchor"]
CASES: list[dict[str, Any]] = CORPUS["cases"]
POSITIVES = [c for c in CASES if c["value"] is not None]
NEGATIVES = [c for c in CASES if c["value"] is None]
NEWS_FAMILIES = set(FAMILIES) | {"dateline", "headline"}


def _params(cases: list[dict[str, Any]], key: str = "xfail") -> list[Any]:
    return params(cases, key)


def _check_positive(case: dict[str, Any]) -> None:
    check_positive(case, ANCHOR)


def _check_negative(case: dict[str, Any]) -> None:
    check_negative(case, ANCHOR)


@needs_engine
@pytest.mark.parametrize("case", _params(POSITIVES))
def test_news_positive(case: dict[str, Any]) -> None:
    _check_positive(case)


@needs_engine
@pytest.mark.parametrize("case", _params(NEGATIVES))
def test_news_negative(case: dict[str, Any]) -> None:
    _check_negative(case)


WITH_DIGITS = with_digits(CASES)
_eastern = eastern


@needs_engine
@pytest.mark.parametrize("case", _params([_eastern(c, i) for i, c in enumerate(WITH_DIGITS)]))
def test_news_eastern_digits_read_like_ascii(case: dict[str, Any]) -> None:
    if case["value"] is None:
        _check_negative(case)
    else:
        _check_positive(case)


# ---- the corpus itself (no engine needed) ------------------------------------------------


def test_news_corpus_size() -> None:
    assert len(CASES) >= 250
    assert len(NEGATIVES) >= 70


def test_news_corpus_families() -> None:
    counts = Counter(c["construction"].split("/")[0] for c in CASES)
    assert set(counts) <= NEWS_FAMILIES, set(counts) - NEWS_FAMILIES
    assert counts["dateline"] >= 10 and counts["negative"] >= 70


def test_news_cases_are_distinct() -> None:
    keys = Counter((c["text"], c.get("expect"), c.get("prefer"), c.get("anchor")) for c in CASES)
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_news_case_is_well_formed(case: dict[str, Any]) -> None:
    assert set(case) <= KEYS | {"xfail"}, set(case) - KEYS
    assert case["text"].strip() and case["construction"]
    if "xfail" in case:
        assert isinstance(case["xfail"], str) and case["xfail"].strip()
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
    pattern = DURATION_PATTERN if case.get("type") == "DURATION" else VALUE_PATTERNS[case["grain"]]
    assert re.fullmatch(pattern, case["value"]), (case["value"], case["grain"])


@pytest.mark.parametrize("case", POSITIVES, ids=[_case_id(c) for c in POSITIVES])
def test_news_dates_in_values_exist_and_intervals_are_ordered(case: dict[str, Any]) -> None:
    ends = case["value"].split("/")
    days = [dt.date.fromisoformat(e[:10]) for e in ends if re.match(r"\d{4}-\d{2}-\d{2}", e)]
    assert days == sorted(days)
    assert len(ends) == 1 or ends == sorted(ends)


def test_news_anchor_is_the_tuesday_of_the_conventions() -> None:
    anchor = dt.datetime.fromisoformat(ANCHOR)
    assert anchor.isoweekday() == 2 and anchor.isocalendar()[1] == 7
