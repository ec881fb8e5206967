"""Display words and date formatting for the human-readable formats (Markdown, HTML).

Every word comes from ``data/ar/render.json``; this module only picks and fills templates.

>>> from timeline.models import EventDate
>>> format_date(EventDate(value="2025-05", grain="month"))
'مايو 2025'
>>> format_date(EventDate(value="196X", grain="decade", mod="START"))
'أوائل الستينيات (196X)'
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel

from ..lexicon import load
from ..models import EventDate

__all__ = [
    "LANGS",
    "Lang",
    "RenderWords",
    "format_date",
    "label",
    "month_label",
    "pick",
    "words",
]

Lang = Literal["ar", "en"]
LANGS: tuple[Lang, ...] = ("ar", "en")


class Pair(BaseModel):
    """One word in both display languages."""

    ar: str
    en: str

    def get(self, lang: Lang) -> str:
        """The word in ``lang``."""
        return self.ar if lang == "ar" else self.en


class Lists(BaseModel):
    """A list of words (months, weekdays ...) in both display languages."""

    ar: list[str]
    en: list[str]

    def get(self, lang: Lang) -> list[str]:
        """The list in ``lang``."""
        return self.ar if lang == "ar" else self.en


class Templates(BaseModel):
    """Templates keyed by name, in both display languages."""

    ar: dict[str, str]
    en: dict[str, str]

    def get(self, lang: Lang) -> dict[str, str]:
        """The templates in ``lang``."""
        return self.ar if lang == "ar" else self.en


class RenderWords(BaseModel):
    """The schema of ``data/ar/render.json``."""

    months: Lists
    weekdays: Lists
    parts_of_day: dict[str, Pair]
    seasons: dict[str, Pair]
    quarters: Lists
    halves: Lists
    decades: Lists
    dates: Templates
    mods: Templates
    event_types: dict[str, Pair]
    roles: dict[str, Pair]
    basis: dict[str, Pair]
    stages: dict[str, Pair]
    clauses: dict[str, Pair]
    labels: dict[str, Pair]
    list_separator: Pair


def words() -> RenderWords:
    """The display lexicon (loaded once): ``words().months.ar[4] == "مايو"``."""
    return load("render", RenderWords)


def pick(table: dict[str, Pair], key: str, lang: Lang = "ar") -> str:
    """The ``lang`` word for ``key`` in ``table``, or ``key`` itself when it is not listed.

    >>> pick(words().event_types, "ASSAULT")
    'هجوم'
    """
    hit = table.get(key)
    return hit.get(lang) if hit is not None else key.replace("_", " ")


def label(key: str, lang: Lang = "ar", **values: object) -> str:
    """A UI label, its ``{placeholders}`` filled: ``label("undated") == "غير مؤرخ"``."""
    text = pick(words().labels, key, lang)
    return text.format(**values) if values else text


_DAY = re.compile(
    r"^(?P<y>\d{4}|XXXX)-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:T(?:(?P<part>MO|MI|AF|EV|NI|DT)|(?P<time>\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?))?$"
)
_MONTH = re.compile(r"^(?P<y>\d{4}|XXXX)-(?P<m>\d{2})$")
_YEAR = re.compile(r"^(?P<y>\d{4})$")
_DECADE = re.compile(r"^(?P<c>\d{2})(?P<d>\d)X$")
_CENTURY = re.compile(r"^(?P<c>\d{2})(?:XX)?$")
_MILLENNIUM = re.compile(r"^(?P<k>\d)(?:XXX)?$")
_WEEK = re.compile(r"^(?P<y>\d{4}|XXXX)-W(?P<w>\d{2}|XX)(?:-(?P<d>[1-7]|WE))?$")
_SEASON = re.compile(r"^(?P<y>\d{4}|XXXX)-(?P<s>SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(?P<y>\d{4}|XXXX)-Q(?P<q>[1-4])$")
_HALF = re.compile(r"^(?P<y>\d{4}|XXXX)-H(?P<h>[12])$")
_VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
_FAR_PAST = dt.datetime(1000, 1, 1)
_FAR_FUTURE = dt.datetime(9000, 1, 1)


def _fill(lang: Lang, name: str, **values: object) -> str:
    return words().dates.get(lang)[name].format(**values)


def _with_year(lang: Lang, year: str, template: str, **values: object) -> str:
    """Fill ``template``; when the year is unknown (``XXXX``) say so instead of printing it."""
    if year != "XXXX":
        return _fill(lang, template, year=year, **values)
    inner = _fill(lang, template, year="", **values).strip()
    return _fill(lang, "unknown_year", date=inner)


def _day(lang: Lang, m: re.Match[str]) -> str:
    w = words()
    month = int(m["m"])
    if not 1 <= month <= 12:
        return m.group(0)
    text = _with_year(lang, m["y"], "day", day=int(m["d"]), month=w.months.get(lang)[month - 1])
    if m["part"]:
        part = pick(w.parts_of_day, m["part"], lang)
        text = _fill(lang, "part_of_day", part=part, date=text)
    elif m["time"]:
        text = _fill(lang, "time", date=text, time=m["time"])
    return text


def _month(lang: Lang, m: re.Match[str]) -> str:
    month = int(m["m"])
    if not 1 <= month <= 12:
        return m.group(0)
    return _with_year(lang, m["y"], "month", month=words().months.get(lang)[month - 1])


def _week(lang: Lang, m: re.Match[str]) -> str:
    day = m["d"]
    if m["w"] == "XX" or m["y"] == "XXXX":
        if day and day != "WE":
            weekday = words().weekdays.get(lang)[int(day) - 1]
            return _fill(lang, "unplaced", date=_fill(lang, "weekday", weekday=weekday))
        return m.group(0)
    week = int(m["w"])
    if day == "WE":
        return _fill(lang, "weekend", week=week, year=m["y"])
    if day:
        try:
            d = dt.date.fromisocalendar(int(m["y"]), week, int(day))
        except ValueError:
            return m.group(0)
        months = words().months.get(lang)
        return _fill(lang, "day", day=d.day, month=months[d.month - 1], year=d.year)
    return _fill(lang, "week", week=week, year=m["y"])


def _decade(lang: Lang, m: re.Match[str]) -> str:
    name = words().decades.get(lang)[int(m["d"])].format(century=m["c"])
    return _fill(lang, "decade", decade=name, value=m.group(0))


def _value(value: str, lang: Lang) -> str | None:
    """Format a TIMEX3 value on its own, or None when it is not understood."""
    w = words()
    if m := _DAY.match(value):
        return _day(lang, m)
    if m := _MONTH.match(value):
        return _month(lang, m)
    if m := _YEAR.match(value):
        return _fill(lang, "year", year=m["y"])
    if m := _DECADE.match(value):
        return _decade(lang, m)
    if m := _WEEK.match(value):
        return _week(lang, m)
    if m := _SEASON.match(value):
        season = pick(w.seasons, m["s"], lang)
        return _with_year(lang, m["y"], "season", season=season)
    if m := _QUARTER.match(value):
        quarter = w.quarters.get(lang)[int(m["q"]) - 1]
        return _with_year(lang, m["y"], "quarter", quarter=quarter)
    if m := _HALF.match(value):
        return _with_year(lang, m["y"], "half", half=w.halves.get(lang)[int(m["h"]) - 1])
    if m := _CENTURY.match(value):
        return _fill(lang, "century", century=int(m["c"]) + 1, value=m["c"] + "XX")
    if m := _MILLENNIUM.match(value):
        return _fill(lang, "millennium", millennium=int(m["k"]) + 1)
    return None


def _iso(moment: dt.datetime) -> str:
    return moment.date().isoformat()


def _vague(date: EventDate, value: str, lang: Lang, published: dt.datetime | None) -> str:
    """``في وقت سابق (قبل 2022-01-27)``: a vague reference bounded by what is known."""
    if value == "FUTURE_REF":
        bound = date.start if date.start is not None and date.start > _FAR_PAST else published
    else:
        bound = date.end if date.end is not None and date.end < _FAR_FUTURE else published
    if bound is None:
        return _fill(lang, value)
    return _fill(lang, f"{value}_bounded", date=_iso(bound))


def _interval(date: EventDate, lang: Lang) -> str | None:
    """A date known only by its bounds: ``قبل 2022-01-26``."""
    if date.start is None or date.end is None:
        return None
    if date.start <= _FAR_PAST:
        return _fill(lang, "before", date=_iso(date.end))
    if date.end >= _FAR_FUTURE:
        return _fill(lang, "after", date=_iso(date.start))
    last = date.end - dt.timedelta(microseconds=1)
    if last.date() == date.start.date():
        return _iso(date.start)
    return _fill(lang, "between", start=_iso(date.start), end=_iso(last))


def format_date(date: EventDate, lang: Lang = "ar", *, published: dt.datetime | None = None) -> str:
    """A readable date that keeps its uncertainty (grain, modifier, bounds).

    ``published`` bounds a vague reference when the date itself carries no bound.

    >>> format_date(EventDate(value="2022-01", grain="month", mod="MID"))
    'منتصف يناير 2022'
    >>> format_date(EventDate(value="PAST_REF", grain="vague"), published=dt.datetime(2022, 1, 27))
    'في وقت سابق (قبل 2022-01-27)'
    >>> format_date(EventDate(value="2025-05", grain="month"), "en")
    'May 2025'
    """
    value = (date.value or "").strip()
    if value in _VAGUE:
        return _vague(date, value, lang, published)
    text = _value(value, lang) if value else None
    if text is None:
        text = _interval(date, lang)
    if text is None:
        return value or _fill(lang, "undated")
    mod = (date.mod or "").upper()
    template = words().mods.get(lang).get(mod)
    return template.format(date=text) if template else text


@lru_cache(maxsize=4096)
def month_label(year: int, month: int, lang: Lang = "ar") -> str:
    """``month_label(2025, 5) == "مايو 2025"``."""
    return _fill(lang, "month", month=words().months.get(lang)[month - 1], year=year)
