"""The Arabic time-expression corpus (``tests/corpus/times_ar.json``) run against the engine.

Expected values come from the conventions in ``docs/timex.md`` and the real calendar, not from
the engine's output: a failing case is an engine gap (or a convention to settle), never a reason
to edit the expected value. The corpus checks at the bottom need no engine and must always pass.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from timex_cases import case_id as _case_id
from timex_cases import check_negative, check_positive, eastern, needs_engine, with_digits

CORPUS_PATH = Path(__file__).parent / "corpus" / "times_ar.json"
CORPUS: dict[str, Any] = json.loads(CORPUS_PATH.read_text(encoding="utf-8"))
ANCHOR: str = CORPUS["anchor"]
CASES: list[dict[str, Any]] = CORPUS["cases"]
POSITIVES = [c for c in CASES if c["value"] is not None]
NEGATIVES = [c for c in CASES if c["value"] is None]


@needs_engine
@pytest.mark.parametrize("case", POSITIVES, ids=[_case_id(c) for c in POSITIVES])
def test_positive(case: dict[str, Any]) -> None:
    check_positive(case, ANCHOR)


@needs_engine
@pytest.mark.parametrize("case", NEGATIVES, ids=[_case_id(c) for c in NEGATIVES])
def test_negative(case: dict[str, Any]) -> None:
    check_negative(case, ANCHOR)


WITH_DIGITS = with_digits(CASES)


@needs_engine
@pytest.mark.parametrize(
    "case",
    [eastern(c, i) for i, c in enumerate(WITH_DIGITS)],
    ids=[_case_id(eastern(c, i)) for i, c in enumerate(WITH_DIGITS)],
)
def test_eastern_digits_read_like_ascii(case: dict[str, Any]) -> None:
    if case["value"] is None:
        check_negative(case, ANCHOR)
    else:
        check_positive(case, ANCHOR)


# ---- the corpus itself (no engine needed) ------------------------------------------------

KEYS = {
    "text", "expect", "value", "grain", "construction", "mod", "type", "boundary", "prefer",
    "calendar", "anchor", "note",
}  # fmt: skip
GRAINS = {
    "millennium", "century", "decade", "year", "half", "season", "quarter", "month", "week",
    "day", "hour", "minute", "second", "vague",
}  # fmt: skip
FAMILIES = (
    "absolute", "yearless", "weekday", "noanchor", "anchor", "deictic", "relative", "since",
    "until", "range", "duration", "partofday", "clock", "mod", "weekend", "decade", "century",
    "season", "quarter", "half", "vague", "hijri", "holiday", "digits", "anaphora", "negative",
)  # fmt: skip
_Y = r"(?:\d{4}|XXXX)"
_DAY = rf"{_Y}-(?:\d{{2}}-\d{{2}}|WXX-[1-7])(?:T(?:MO|MI|AF|EV|NI))?"
VALUE_PATTERNS = {
    "century": r"\d{2}",
    "decade": r"\d{3}X",
    "year": r"(?:BC)?\d{4}(?:/\d{4})?|\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}",  # a Hijri year: days
    "half": r"\d{4}-H[12]",
    "season": r"\d{4}-(?:SP|SU|FA|WI)",
    "quarter": r"\d{4}-Q[1-4]",
    "month": rf"{_Y}-\d{{2}}(?:/\d{{4}}-\d{{2}})?|\d{{4}}-\d{{2}}-\d{{2}}/\d{{4}}-\d{{2}}-\d{{2}}",
    "week": r"\d{4}-W\d{2}(?:-WE)?",
    "day": rf"{_DAY}(?:/{_DAY})?",
    "hour": r"\d{4}-\d{2}-\d{2}T\d{2}:00",
    "minute": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}",
    "vague": r"(?:PAST|PRESENT|FUTURE)_REF",
}
DURATION_PATTERN = r"P(?:\d+[YMWD])+|PT(?:\d+[HMS])+|PX(?:[YMWD]|DE|CE)|PTX[HMS]"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def test_corpus_size() -> None:
    assert len(CASES) >= 380
    assert len(NEGATIVES) >= 60


def test_every_construction_family_has_several_cases() -> None:
    counts = Counter(c["construction"].split("/")[0] for c in CASES)
    assert {f: counts[f] for f in FAMILIES if counts[f] < 3} == {}
    assert set(counts) <= set(FAMILIES), set(counts) - set(FAMILIES)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_case_is_well_formed(case: dict[str, Any]) -> None:
    assert set(case) <= KEYS, set(case) - KEYS
    assert case["text"].strip() and case["construction"]
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
def test_dates_in_values_exist_and_intervals_are_ordered(case: dict[str, Any]) -> None:
    ends = case["value"].split("/")
    days = [dt.date.fromisoformat(e[:10]) for e in ends if re.match(r"\d{4}-\d{2}-\d{2}", e)]
    assert days == sorted(days)
    assert len(ends) == 1 or ends == sorted(ends)


def test_digit_variants_have_an_ascii_twin_with_the_same_value() -> None:
    by_text = {(c["text"], c.get("expect"), c["value"]) for c in CASES}
    twins = [c for c in CASES if c["construction"].startswith("digits/")]
    assert len(twins) >= 10
    for c in twins:
        expect = c.get("expect")
        key = (c["text"].translate(_DIGITS), expect and expect.translate(_DIGITS), c["value"])
        assert key in by_text, c["text"]


def test_anchor_is_the_tuesday_of_the_conventions() -> None:
    anchor = dt.datetime.fromisoformat(ANCHOR)
    assert anchor.isoweekday() == 2 and anchor.isocalendar()[1] == 7
