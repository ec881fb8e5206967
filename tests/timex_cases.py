"""What the time-expression corpus tests share: ids, strict-xfail params, the checks.

A case is a dict of the corpus format (``docs/timex.md``); ``anchor`` is the corpus default.
"""

from __future__ import annotations

from typing import Any

import pytest

try:
    from timeline import find_times, resolve_time
except ImportError as exc:  # the engine is not importable
    ENGINE_ERROR: str | None = f"timeline.find_times/resolve_time not importable: {exc}"
else:
    ENGINE_ERROR = None

needs_engine = pytest.mark.skipif(ENGINE_ERROR is not None, reason=ENGINE_ERROR or "")

ASCII_DIGITS = "0123456789"


def case_id(case: dict[str, Any]) -> str:
    text = case["text"] if len(case["text"]) <= 40 else case["text"][:40] + "…"
    extra = "".join(f" [{k}={case[k]}]" for k in ("prefer", "anchor", "expect") if k in case)
    return f"{case['construction']}: {text}{extra}"


def params(cases: list[dict[str, Any]], key: str = "xfail") -> list[Any]:
    """Cases as pytest params; those with a ``key`` reason are strict xfails."""
    return [
        pytest.param(
            c,
            id=case_id(c),
            marks=[pytest.mark.xfail(strict=True, reason=c[key])] if key in c else [],
        )
        for c in cases
    ]


def overlaps(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return span[0] < other[1] and other[0] < span[1]


def expected_span(case: dict[str, Any]) -> tuple[int, int]:
    start = case["text"].index(case["expect"])
    return start, start + len(case["expect"])


def found(case: dict[str, Any], anchor: str | None) -> Any:
    """The expression under test: resolve_time's, or the one overlapping ``expect``."""
    anchor, prefer = case.get("anchor", anchor), case.get("prefer", "past")
    t = resolve_time(case["text"], anchor, prefer=prefer)
    if "expect" not in case or (t is not None and overlaps(t.span, expected_span(case))):
        return t
    hits = [
        e
        for e in find_times(case["text"], anchor, prefer=prefer)
        if overlaps(e.span, expected_span(case))
    ]
    assert hits, (
        f"nothing found over {case['expect']!r}; resolve_time gave {t and (t.text, t.value)}"
    )
    return max(hits, key=lambda e: e.span[1] - e.span[0])


def check_positive(case: dict[str, Any], anchor: str | None) -> None:
    t = found(case, anchor)
    assert t is not None, f"no time expression found in {case['text']!r}"
    assert (t.value, t.grain) == (case["value"], case["grain"]), f"found {t.text!r}"
    for key in ("mod", "type", "boundary", "calendar"):
        if key in case:
            assert getattr(t, key) == case[key], f"{key} of {t.text!r}"
    assert case["text"][t.span[0] : t.span[1]] == t.text


def check_negative(case: dict[str, Any], anchor: str | None) -> None:
    hits = find_times(case["text"], case.get("anchor", anchor), prefer=case.get("prefer", "past"))
    assert hits == [], [(e.text, e.value) for e in hits]


def with_digits(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in cases if any(ch in ASCII_DIGITS for ch in c["text"])]


def eastern(case: dict[str, Any], i: int) -> dict[str, Any]:
    """The case with its ASCII digits written Arabic-Indic (even i) or Persian (odd i)."""
    table = str.maketrans(ASCII_DIGITS, "٠١٢٣٤٥٦٧٨٩" if i % 2 == 0 else "۰۱۲۳۴۵۶۷۸۹")
    out = dict(case, text=case["text"].translate(table))
    if "expect" in case:
        out["expect"] = case["expect"].translate(table)
    return out
