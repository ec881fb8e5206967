"""The same day, month, year or week as the date named before (وفي اليوم ذاته، في العام نفسه).

Such a phrase names no date of its own: it takes the date of the latest earlier expression of
the text that fixes its grain. A month or a day without its year followed by "of the same
year" (أكتوبر من العام نفسه) takes that year. The words are ``same_time`` in
``data/ar/time_words.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from ..lexicon import load
from ..schemas import AnaphoraWords, SameTimeWords
from ..text import NormalisedText
from .grammar import alt, norm
from .resolve import day_iv, month_iv, week_iv, week_value, year_iv

__all__ = ["same_time"]

# the grains that fix each unit (a day fixes its month and year too)
_FIXES = {
    "day": ("day", "hour", "minute", "second", "part"),
    "week": ("day", "hour", "minute", "second", "part", "week"),
    "month": ("day", "hour", "minute", "second", "part", "week", "month"),
    "year": (
        "day",
        "hour",
        "minute",
        "second",
        "part",
        "week",
        "month",
        "season",
        "quarter",
        "year",
    ),
}
_YEAR = re.compile(r"^\d{4}")
_WRITTEN_YEAR = re.compile(r"\d{4}")


class _Compiled:
    def __init__(self) -> None:
        data = load("time_words", AnaphoraWords).same_time or SameTimeWords(
            units={}, after=[], before=[]
        )
        self.grain = {norm(k): v for k, v in data.units.items()}
        units, after, before = alt(data.units), alt(data.after), alt(data.before)
        self.pattern = re.compile(
            rf"(?<!\w)(?:(?P<u1>{units})\s+{after}|{before}\s+(?P<u2>{units}))(?!\w)"
        )
        self.of = re.compile(rf"\s*{alt(data.of)}\s+$") if data.of else None
        self.next = frozenset(norm(w) for w in data.next)
        self.previous_units = frozenset(norm(w) for w in data.previous_units)
        shifts = alt([*data.next, *data.previous])
        # not before ل and a noun: اليوم التالي للانتخابات is counted from an event
        self.shifted = re.compile(rf"(?<!\w)(?P<u>{units})\s+(?P<dir>{shifts})(?!\w)(?!\s+ل)")
        self.words = re.compile(alt([*data.after, *data.before, *data.next, *data.previous]))


@cache
def _compiled() -> _Compiled:
    return _Compiled()


def same_time(norm_text: NormalisedText, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``found`` (the fields of a text's expressions, by span) with its "same day / month /
    year" phrases resolved against the expressions before them.

    >>> from timeline import find_times
    >>> [(t.text, t.value) for t in find_times("زار موسكو في 3 مارس 2019، وفي اليوم نفسه التقى بوتين")]
    [('3 مارس 2019', '2019-03-03'), ('اليوم نفسه', '2019-03-03')]
    """
    text = norm_text.text
    comp = _compiled()
    if comp.words.search(text) is None:
        return found
    out = sorted(found, key=lambda f: f["span"][0])
    out = _shifted(comp, norm_text, out)
    for m in comp.pattern.finditer(text):
        grain = comp.grain[" ".join((m.group("u1") or m.group("u2")).split())]
        a, b = norm_text.span((m.start(), m.end()))
        before = [f for f in out if f["span"][1] <= a]
        if grain == "year" and before and _of_same(comp, norm_text, before[-1], m.start()):
            _give_year(before[-1], before[:-1], norm_text, b)
            continue
        out = _put(norm_text, out, (a, b), _antecedent(before, grain), grain)
    return out


def _shifted(
    comp: _Compiled, norm_text: NormalisedText, out: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``out`` with "the next day / week / month / year" (اليوم التالي، العام الموالي) and
    "the day before" (اليوم السابق) counted from the date named last before them; with none
    before, nothing (and no today for the اليوم in them)."""
    for m in comp.shifted.finditer(norm_text.text):
        unit = " ".join(m.group("u").split())
        step = 1 if " ".join(m.group("dir").split()) in comp.next else -1
        if step < 0 and unit not in comp.previous_units:
            continue  # العام السابق: the year before the publication's, as before
        grain = comp.grain[unit]
        a, b = norm_text.span((m.start(), m.end()))
        source = _antecedent([f for f in out if f["span"][1] <= a], grain)
        out = _put(norm_text, out, (a, b), _step(source, grain, step) if source else None, grain)
    return out


def _put(
    nt: NormalisedText,
    out: list[dict[str, Any]],
    span: tuple[int, int],
    at: dt.datetime | None,
    grain: str,
) -> list[dict[str, Any]]:
    """``out`` without what overlaps ``span`` (نفس اليوم: no today), and with the expression
    of ``span`` dated ``at`` when there is a date."""
    a, b = span
    out = [f for f in out if f["span"][1] <= a or f["span"][0] >= b]
    if at is not None:
        out.append(_expression(nt, span, at, grain))
        out.sort(key=lambda f: f["span"][0])
    return out


def _step(at: dt.datetime, grain: str, step: int) -> dt.datetime:
    """``at`` moved by ``step`` units of ``grain``."""
    if grain == "day":
        return at + dt.timedelta(days=step)
    if grain == "week":
        return at + dt.timedelta(days=7 * step)
    if grain == "month":
        y, m = divmod(at.year * 12 + at.month - 1 + step, 12)
        return at.replace(year=y, month=m + 1, day=1)
    return at.replace(year=at.year + step, month=1, day=1)


def _antecedent(before: list[dict[str, Any]], grain: str) -> dt.datetime | None:
    """The start of the latest of ``before`` that fixes ``grain``."""
    for f in before[::-1]:
        iv = f.get("interval")
        if (
            iv is not None
            and f["type"] in ("DATE", "TIME")
            and f["grain"] in _FIXES[grain]
            and _YEAR.match(f["value"])
        ):
            start: dt.datetime = iv["start"]
            return start
    return None


def _expression(
    nt: NormalisedText, span: tuple[int, int], at: dt.datetime, grain: str
) -> dict[str, Any]:
    d = at.date()
    if grain == "day":
        value, (s, e) = d.isoformat(), day_iv(d)
    elif grain == "week":
        value, (s, e) = week_value(d), week_iv(d)
    elif grain == "month":
        value, (s, e) = f"{d.year:04d}-{d.month:02d}", month_iv(d.year, d.month)
    else:
        value, (s, e) = f"{d.year:04d}", year_iv(d.year)
    return {
        "text": nt.original[span[0] : span[1]],
        "span": span,
        "value": value,
        "grain": grain,
        "type": "DATE",
        "mod": None,
        "interval": {"start": s, "end": e},
        "boundary": None,
        "anchored": False,
        "direction": None,
        "calendar": "gregorian",
    }


def _of_same(comp: _Compiled, nt: NormalisedText, prev: dict[str, Any], at: int) -> bool:
    """Whether a same-year phrase at normalised offset ``at`` follows ``prev`` (a month or a
    day whose year its words do not give) with only "of" between (أكتوبر من العام نفسه)."""
    if comp.of is None or prev["grain"] not in ("month", "day") or prev["interval"] is None:
        return False
    if _WRITTEN_YEAR.search(prev["text"]):
        return False  # its year is written
    end = _norm_offset(nt, prev["span"][1])
    return end <= at and comp.of.fullmatch(nt.text, end, at) is not None


def _norm_offset(nt: NormalisedText, original: int) -> int:
    """The normalised offset of an original offset (the first at or after it)."""
    lo, hi = 0, len(nt.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if nt.span((mid, mid))[0] < original:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _give_year(
    prev: dict[str, Any], before: list[dict[str, Any]], nt: NormalisedText, end: int
) -> None:
    """Give ``prev`` the year of the latest expression of ``before`` that has one, and
    stretch it over the same-year phrase ending at original offset ``end``."""
    source = _antecedent(before, "year")
    if source is None:
        return
    iv = prev["interval"]
    shift = source.year - iv["start"].year
    if shift:
        try:
            start = iv["start"].replace(year=iv["start"].year + shift)
            stop = iv["end"].replace(year=iv["end"].year + shift)
        except ValueError:  # 29 February
            return
        prev["interval"] = {"start": start, "end": stop}
        prev["value"] = f"{source.year:04d}{prev['value'][4:]}"
    prev["span"] = (prev["span"][0], end)
    prev["text"] = nt.original[prev["span"][0] : end]
    prev["anchored"] = False
