"""Round 3 corpus (``tests/corpus/times_ar_round3.json``), written blind, run against the engine.

250 news sentences composed without reading the engine or its tests: numeric, ISO and dotted
dates, Syriac, Egyptian, Algerian-Tunisian and Moroccan month names, weekdays with their cues
(الجمعة قبل الماضية), deictics, relative units, parts of day, clock times, modifiers, ranges,
durations, SETs, boundaries, seasons, quarters, decades, Hijri dates and feasts, datelines and
30 negatives, anchored on Wednesday 2024-07-17. Same format, conventions (``docs/timex.md``)
and checks as ``tests/test_times_round2.py``. A case the engine gets wrong carries
``"xfail": "<cause>; got <engine output>"`` (a strict xfail). Expected values were computed
with ``datetime`` and ``hijridate``; never edit one to match the engine.

    PYTHONPATH=src .venv/bin/pytest tests/test_times_round3.py --tb=no -rxX
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from test_times_corpus import DURATION_PATTERN, FAMILIES, GRAINS, KEYS, VALUE_PATTERNS
from timex_cases import case_id as _case_id
from timex_cases import check_negative, check_positive, eastern, needs_engine, params, with_digits

CORPUS_PATH = Path(__file__).parent / "corpus" / "times_ar_round3.json"
CORPUS: dict[str, Any] = json.loads(CORPUS_PATH.read_text(encoding="utf-8"))
ANCHOR: str = CORPUS["anchor"]
CASES: list[dict[str, Any]] = CORPUS["cases"]
POSITIVES = [c for c in CASES if c["value"] is not None]
NEGATIVES = [c for c in CASES if c["value"] is None]
ROUND3_FAMILIES = set(FAMILIES) | {"dateline", "set"}
ROUND3_KEYS = KEYS | {"xfail", "xfail_digits"}
OTHER_CORPORA = ("times_ar.json", "times_ar_news.json", "times_ar_round2.json")


@needs_engine
@pytest.mark.parametrize("case", params(POSITIVES, "xfail"))
def test_round3_positive(case: dict[str, Any]) -> None:
    check_positive(case, ANCHOR)


@needs_engine
@pytest.mark.parametrize("case", params(NEGATIVES, "xfail"))
def test_round3_negative(case: dict[str, Any]) -> None:
    check_negative(case, ANCHOR)


def _eastern(case: dict[str, Any], i: int) -> dict[str, Any]:
    """The digit twin; it fails like its ASCII case, or carries its own ``xfail_digits``."""
    out = eastern(case, i)
    out.pop("xfail", None)
    if "xfail" in case:
        out["xfail_digits"] = case["xfail"]
    return out


@needs_engine
@pytest.mark.parametrize(
    "case",
    params([_eastern(c, i) for i, c in enumerate(with_digits(CASES))], "xfail_digits"),
)
def test_round3_eastern_digits_read_like_ascii(case: dict[str, Any]) -> None:
    if case["value"] is None:
        check_negative(case, ANCHOR)
    else:
        check_positive(case, ANCHOR)


# ---- the corpus itself (no engine needed) ------------------------------------------------


def test_round3_corpus_size_and_families() -> None:
    assert len(CASES) >= 250 and len(NEGATIVES) >= 30
    counts = Counter(c["construction"].split("/")[0] for c in CASES)
    assert set(counts) <= ROUND3_FAMILIES, set(counts) - ROUND3_FAMILIES


def test_round3_cases_are_distinct_and_new() -> None:
    keys = Counter((c["text"], c.get("expect"), c.get("prefer"), c.get("anchor")) for c in CASES)
    assert [k for k, n in keys.items() if n > 1] == []
    older = {
        c["text"]
        for name in OTHER_CORPORA
        for c in json.loads((CORPUS_PATH.parent / name).read_text(encoding="utf-8"))["cases"]
    }
    assert [c["text"] for c in CASES if c["text"] in older] == []


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_round3_case_is_well_formed(case: dict[str, Any]) -> None:
    assert set(case) <= ROUND3_KEYS, set(case) - ROUND3_KEYS
    assert case["text"].strip() and case["construction"]
    if case.get("expect") is not None:
        assert case["expect"] in case["text"]
    if case.get("anchor") is not None:
        dt.datetime.fromisoformat(case["anchor"])
    if case["value"] is None:
        assert case["construction"].startswith("negative/") and "grain" not in case
        return
    assert case["grain"] in GRAINS
    kind = case.get("type", "DATE")
    pattern = (
        DURATION_PATTERN
        if kind == "DURATION" or (kind == "SET" and case["value"].startswith("P"))
        else VALUE_PATTERNS.get(case["grain"], r".+")
    )
    if case.get("calendar") == "hijri":  # a Hijri month or year is a range of Gregorian days
        pattern = rf"(?:{pattern}|\d{{4}}-\d{{2}}-\d{{2}}/\d{{4}}-\d{{2}}-\d{{2}})"
    assert re.fullmatch(pattern, case["value"]), (case["value"], case["grain"])


def test_round3_anchor_is_a_wednesday() -> None:
    assert dt.datetime.fromisoformat(ANCHOR).isoweekday() == 3
