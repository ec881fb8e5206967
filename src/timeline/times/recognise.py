"""Recognise temporal expressions: normalised text → :class:`Parsed` mentions, not yet placed.

Each rule of :mod:`timeline.times.grammar` proposes candidates; the longest non-overlapping
ones are kept, then neighbours are combined (a date and a clock time, a part of day and a day, a
modifier and what it modifies, منذ/حتى boundaries, ranges).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from itertools import filterfalse
from operator import attrgetter, itemgetter
from typing import Any

from .grammar import Grammar, grammar, squash

__all__ = ["Parsed", "recognise"]


@dataclass(slots=True)
class Parsed:
    """A half-resolved temporal expression: the fields the text gives, nothing guessed.

    ``kind`` is one of: date, weekday, deictic, month, year, rel_unit, ago, later, duration,
    window, decade, century, season, quarter, half, weekend, vague, holiday, hmonth, clock,
    range, subpart (``left`` the month or year divided; ``n`` the first unit of the part, 1-based,
    negative from the end; ``part`` the number of units).
    """

    kind: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    ampm: str | None = None
    pod: str | None = None
    unit: str | None = None
    n: int | None = None
    rel: int | None = None
    mod: str | None = None
    boundary: str | None = None
    calendar: str = "gregorian"
    era: str | None = None
    decade: int | None = None
    century: int | None = None
    season: str | None = None
    part: int | None = None
    vague: str | None = None
    holiday: str | None = None
    year_rel: int | None = None
    left: Parsed | None = None
    right: Parsed | None = None
    priority: int = 0


_FIELDS = attrgetter(*(f.name for f in fields(Parsed)))


def _replace(p: Parsed, **changes: Any) -> Parsed:
    """A copy of ``p`` with some fields changed (``dataclasses.replace`` without its cost of
    looking up every field by name)."""
    q = Parsed(*_FIELDS(p))
    for name, value in changes.items():
        setattr(q, name, value)
    return q


Builder = Callable[["re.Match[str]", str, Grammar], Parsed | None]

# rule name → priority (higher wins ties of equal length)
PRIORITY = {
    "weekend": 5,
    "holiday": 4,
    "vague": 3,
    "hijri_date": 3,
    "range_days": 3,
    "range_months": 3,
    "range_years": 3,
    "rel_plural": 2,
    "dmy": 2,
    "mdy": 2,
    "my": 2,
    "numeric": 2,
}


def _g(m: re.Match[str], name: str) -> str | None:
    """A group's text, squashed; a rule may spell the same group ``name_b`` in another branch."""
    groups = m.re.groupindex
    v = m[name] if name in groups else None
    if not v:
        other = name + "_b"
        v = m[other] if other in groups else None
    return squash(v) if v else None


def _year_of(m: re.Match[str], g: Grammar) -> tuple[int | None, str | None, str]:
    """(year, era, calendar) from the year and era groups."""
    y = _g(m, "year")
    era = _g(m, "era")
    if y is None:
        return None, None, "gregorian"
    if era in g.era_hijri or _g(m, "hadj"):  # العام الهجري 1447
        return int(y), "AH", "hijri"
    if era in g.era_bc:
        return int(y), "BC", "gregorian"
    return int(y), ("AD" if era else None), "gregorian"


def _month(m: re.Match[str], g: Grammar, name: str = "month") -> int | None:
    t = _g(m, name)
    return g.months.get(t) if t else None


def _named_after(m: re.Match[str], text: str, g: Grammar) -> bool:
    """A date that names a place or a group: "ملعب 5 جويلية", "تحالف 14 آذار"."""
    return (
        g.name_head_before.search(text[max(0, m.start("core") - 20) : m.start("core")]) is not None
    )


_DAY_BEFORE = re.compile(r"[0-9٠-٩۰-۹]{1,2}\s+$")


def _year_word_in(m: re.Match[str], g: Grammar) -> bool:
    """Whether a year word (سنة، عام) stands in the match."""
    return not g.year_words.isdisjoint(m.group("core").split())


def _named_day_before(m: re.Match[str], text: str, g: Grammar) -> bool:
    """A month right after the day of a date that names something (حركة 20 فبراير)."""
    start = m.start("core")
    day = _DAY_BEFORE.search(text, max(0, start - 6), start)
    if day is None:
        return False
    a = day.start()
    return g.name_head_before.search(text[max(0, a - 20) : a]) is not None


def _b_dmy(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    day = g.day_number(_g(m, "day") or "")
    month = _month(m, g)
    year, era, cal = _year_of(m, g)
    if day is None or month is None or cal == "hijri":
        return None
    if _named_after(m, text, g):
        if year is not None and _year_word_in(m, g):
            return None  # حركة 20 فبراير سنة 2011: the name, then a year (ملعب 5 جويلية 1962
        return Parsed("blocked", 0, 0, priority=9)  # is all name)
    raw_day = _g(m, "day") or ""
    if not raw_day[-1:].isdigit() and g.ordinal_head_before.search(
        text[max(0, m.start("core") - 20) : m.start("core")]
    ):
        return None  # "الأسبوع الأول من مارس": the ordinal counts weeks, not days
    wd = _g(m, "wd")
    rel = _g(m, "rel")
    return Parsed(
        "date",
        0,
        0,
        year=year,
        month=month,
        day=day,
        era=era,
        weekday=g.weekdays.get(wd) if wd else None,
        rel=g.rel.get(rel) if rel else None,
    )


def _b_month(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    name = _g(m, "month")
    month = _month(m, g)
    if month is None:
        return None
    year, era, cal = _year_of(m, g)
    rel = _g(m, "rel")
    relv = g.rel.get(rel) if rel else None
    if year is None and relv is None and _named_after(m, text, g):
        return None  # ساحة مايو: a place named after a month
    if _named_day_before(m, text, g):
        return None  # حركة 20 فبراير (سنة 2011): a name (and the year alone is the date)
    if year is None and relv is None and name in g.ambiguous_months and not _g(m, "mw"):
        start = m.start("core")
        if not g.date_prep_before.search(text[max(0, start - 20) : start]):
            return None
    if cal == "hijri":
        return None
    if relv == 0:  # "مايو الجاري" = this year's May
        relv = 0
    return Parsed("month", 0, 0, year=year, month=month, era=era, rel=relv)


def _b_day_of_month(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    day = g.day_number(_g(m, "day") or "")
    if g.ordinal_head_before.search(text[max(0, m.start("core") - 20) : m.start("core")]):
        return None
    rel = _g(m, "rel")
    relv = g.rel.get(rel) if rel else (0 if _g(m, "this") else None)
    if day is None or relv is None:
        return None
    return Parsed("date", 0, 0, day=day, rel=relv, unit="month")


def _b_year(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    y = _g(m, "year")
    if y is None:
        return None
    year, era, cal = _year_of(m, g)
    if year is None:
        return None
    if era is None and (len(y) < 3 or not _g(m, "yw")):
        return None
    if era is not None and not _g(m, "yw") and len(y) < 4 and era != "BC":
        return None
    if cal == "hijri":
        if not 1 <= year <= 1600:
            return None
        return Parsed("year", 0, 0, year=year, calendar="hijri", era="AH")
    if era is None and not 1000 <= year <= 2200:
        return None
    return Parsed("year", 0, 0, year=year, era=era)


def _b_prep_year(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    return Parsed("year", 0, 0, year=int(m.group("year")))


def _b_numeric(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    d, mo, y = int(_g(m, "day") or 0), int(_g(m, "month") or 0), int(_g(m, "year") or 0)
    hijri = _g(m, "era") in g.era_hijri
    if not (1 <= mo <= 12 and 1 <= d <= (30 if hijri else 31)):
        return None
    if hijri:
        return (
            Parsed("date", 0, 0, year=y, month=mo, day=d, calendar="hijri")
            if 1 <= y <= 1600
            else None
        )
    if not 1000 <= y <= 2200:
        return None
    if _named_after(m, text, g):
        return Parsed("blocked", 0, 0)
    return Parsed("date", 0, 0, year=y, month=mo, day=d)


def _b_decade_ord(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    dord = g.day_number(_g(m, "dord") or "")
    century, rel = _century(m, g)
    if dord is None or not 1 <= dord <= 10:
        return None
    return Parsed("decade", 0, 0, decade=dord - 1, century=century, rel=rel)


def _b_age(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    raw = _g(m, "agen") or ""
    n = g.day_number(raw) or g.ordinals_fem.get(raw)
    if n is None or n > 130:
        return None
    return Parsed("duration", 0, 0, unit="year", n=n)


def _b_paren_years(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    return _b_range_years(m, text, g)


def _b_set(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    adv = _g(m, "adv")
    if adv:
        unit, n = g.set_adverbs[adv]
        return Parsed("set", 0, 0, unit=unit, n=n)
    wd = _g(m, "wd")
    wdb = _g(m, "wdb")
    if wd or wdb:
        key: str = wd or next((k for k in g.weekdays if k.endswith(wdb or "")), "")
        w = g.weekdays.get(key)
        return Parsed("set", 0, 0, weekday=w) if w else None
    for name in ("unit", "unit_dual"):
        surface = _g(m, name)
        if surface:
            set_unit = g.unit_of.get(surface)
            count = g.number(_g(m, "num") or "") if name == "unit" else g.unit_count.get(surface)
            return Parsed("set", 0, 0, unit=set_unit, n=count) if set_unit and count else None
    unit = g.unit_of.get(_g(m, "unit1") or "") or ""
    if not unit or (_g(m, "unit1") or "") in g.ambiguous_units:
        return None
    return Parsed("set", 0, 0, unit=unit, n=1)


def _b_attached_this(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    """ "هالأسبوع", "هالسنة" (Levantine "this ...")."""
    unit = g.unit_of.get(_g(m, "unit_def") or "")
    if unit is None or unit in ("hour", "minute", "second"):
        return None
    if unit == "day":
        return Parsed("deictic", 0, 0, n=0)
    return Parsed("rel_unit", 0, 0, unit=unit, rel=0)


def _b_millennium(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    n = g.century_ord.get(_g(m, "cord") or "") or g.ordinals_fem.get(_g(m, "cord") or "")
    return Parsed("millennium", 0, 0, century=n) if n and n <= 3 else None


def _b_year_span(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not 0 < y2 - y1 <= 30:
        return None
    return Parsed(
        "range", 0, 0, left=Parsed("year", 0, 0, year=y1), right=Parsed("year", 0, 0, year=y2)
    )


def _b_frequency(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    """ "مرتين في الأسبوع", "مرة في الشهر": a set, one unit per period."""
    unit = g.unit_of.get(_g(m, "unit_def") or "")
    if unit is None:
        return None
    return Parsed("set", 0, 0, unit=unit, n=1)


def _b_numeric_short(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    """ "يوم 10/2" (day/month after a day word), "في 2/2013", "2025-05"."""
    if _named_after(m, text, g):
        return None
    if m.group("day"):
        return Parsed("date", 0, 0, day=int(m.group("day")), month=int(m.group("month")))
    if m.group("month_b"):
        return Parsed("month", 0, 0, month=int(m.group("month_b")), year=int(m.group("year")))
    return Parsed("month", 0, 0, month=int(m.group("month_c")), year=int(m.group("year_b")))


def _b_month_num(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    """ "شهر 3 من العام الحالي": a month given by its number."""
    ref = _year_ref(m, g)
    year, year_rel = ref if ref else (None, None)
    return Parsed("month", 0, 0, month=int(m.group("mnum")), year=year, year_rel=year_rel)


def _b_weekday(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    wd = g.weekdays.get(_g(m, "wd") or "")
    rel = _g(m, "rel")
    if wd is None or g.weekday_block.match(text[m.end() : m.end() + 12]):
        return None
    if _named_after(m, text, g):
        return None
    return Parsed("weekday", 0, 0, weekday=wd, rel=g.rel.get(rel) if rel else None)


def _b_deictic(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    key = squash(m.group("core"))
    d = g.deictics.get(key)
    if d is None:
        return None
    if " " not in key and g.deictic_block.match(text[m.end() : m.end() + 30]):
        return None
    if g.deictic_block_before.search(text[max(0, m.start("core") - 25) : m.start("core")]):
        return None
    return Parsed("deictic", 0, 0, n=d.offset, pod=d.pod)


# a definite noun right before a match (with its clitics)
_DEFINITE_BEFORE = re.compile(r"(?:^|\s)[وفبل]?(?:ال|لل)\w+\s+$")


def _b_clock(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    cw, hour_s, minute_s = _g(m, "cw"), _g(m, "hour"), _g(m, "minute")
    frac, ampm, hourw = _g(m, "frac"), _g(m, "ampm"), _g(m, "hourw")
    named = _g(m, "hourn")
    if named is not None:  # "منتصف النهار" = 12:00
        hour: int | None = g.named_hours.get(named)
    elif hourw is not None:
        if cw is None and frac is None and ampm is None and _g(m, "fmin") is None:
            # only a part of day after it makes the word an hour (الرابعة عصر أمس), and not
            # after a definite noun (الحلقة الرابعة مساء الجمعة: an ordinal adjective)
            if not g.of_pod_after.match(text[m.end() : m.end() + 25]):
                return None
            if _DEFINITE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                return None
        hour = g.ordinals_fem.get(hourw)
    else:
        hour = int(hour_s) if hour_s else None
        if cw is None and minute_s is None and frac is None and ampm is None:
            return None
        if cw is None and minute_s is None and frac is None and ampm in g.short_ampm:
            return None
        if _g(m, "msep") == "." and cw is None:
            return None
    if hour is None or hour > 24 or _named_after(m, text, g):
        return None
    minute = int(minute_s) if minute_s else None
    if minute is not None and minute > 59:
        return None
    fmin = _g(m, "fmin")
    if fmin is not None:
        if int(fmin) > 59:
            return None
        minute = int(fmin)
    if frac is not None:
        delta = g.fractions.get(frac, 0)
        base = hour * 60 + (minute or 0) + delta
        hour, minute = divmod(base % (24 * 60), 60)
    pod = g.ampm.get(ampm) if ampm else None
    return Parsed(
        "clock", 0, 0, hour=hour, minute=minute, ampm=pod if isinstance(pod, str) else None
    )


def _count(m: re.Match[str], g: Grammar) -> tuple[str, int | None] | None:
    """(unit, n) from the num/unit/unit_dual/unit1/half groups; n None for a bare plural."""
    half = _g(m, "half")
    if half:
        fraction: tuple[str, int] = g.fraction_units.get(half, ("minute", 30))
        return fraction
    for name in ("unit_dual", "unit1", "unit"):
        u = _g(m, name)
        if u is None:
            continue
        unit = g.unit_of.get(u)
        if unit is None:
            return None
        n = g.number(_g(m, "num") or "") if name == "unit" else g.unit_count.get(u)
        if n is None:
            return (unit, None) if name != "unit" else None
        if _g(m, "andhalf"):
            smaller = HALF_OF.get(unit)
            if smaller is None:
                return None
            return smaller[0], n * smaller[1] + smaller[1] // 2
        return unit, n
    return None


# "X ونصف": a unit and a half, counted in a smaller unit
HALF_OF = {
    "century": ("year", 100),
    "decade": ("year", 10),
    "year": ("month", 12),
    "month": ("day", 30),
    "day": ("hour", 24),
    "hour": ("minute", 60),
}


def _b_ago_later(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    c = _count(m, g)
    if c is None:
        return None
    unit, n = c
    word = _g(m, "dir") or ""
    sign = -1 if word in g.ago else 1
    approx = _g(m, "approx")
    mod = g.approx.get(approx) if approx else None
    relative = g.event_relative.match(text[m.end() : m.end() + 40]) is not None
    if n is None:
        if relative:  # "بعد ساعات من زيارة": some hours after an event, not after now
            return Parsed("duration", 0, 0, unit=unit, n=None, mod=mod)
        return Parsed("vague", 0, 0, vague="PAST_REF" if sign < 0 else "FUTURE_REF")
    if (_g(m, "unit1") or "") in g.ambiguous_units and not _g(m, "era_of"):
        return None
    if relative:
        # "بعد أسبوعين من احتجازهم": counted from an event, not from the anchor
        return Parsed("duration", 0, 0, unit=unit, n=n, mod=mod)
    return Parsed("ago" if sign < 0 else "later", 0, 0, unit=unit, n=n, mod=mod)


def _b_duration(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    c = _count(m, g)
    if c is None:
        return None
    unit, n = c
    prep = _g(m, "prep")
    approx = _g(m, "approx")
    if n is None:
        return None
    # a bare unit is a duration when whole (أسبوعاً كاملاً) or after a verb of lasting
    # (استمرت أسبوعاً، مكث شهراً)
    bare = _g(m, "unit1") and not (prep or approx or _g(m, "andhalf") or _g(m, "whole"))
    if (
        bare
        and (
            not (_g(m, "unit1") or "").endswith("ا")  # accusative: شهراً, not شهر العسل
            or not g.lasting_before.search(text[max(0, m.start("core") - 40) : m.start("core")])
            or text[m.end() : m.end() + 5].strip().startswith("بعد")  # يوماً بعد يوم: day by day
        )
    ):
        return None
    if g.reading_before.search(text[max(0, m.start("core") - 25) : m.start("core")]):
        return None
    if _named_after(m, text, g):
        return None
    if g.reading_after.match(text[m.end() : m.end() + 20]):
        return None
    surface = _g(m, "unit1") or _g(m, "unit_dual") or _g(m, "unit") or ""
    if surface in g.ambiguous_units and not (prep or approx or _g(m, "num") or _g(m, "era_of")):
        return None
    return Parsed("duration", 0, 0, unit=unit, n=n, mod=g.approx.get(approx) if approx else None)


def _b_rel_unit(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    u = _g(m, "unit_def")
    unit = g.unit_of.get(u or "")
    if unit is None or unit in ("hour", "minute"):
        return None
    rel = _g(m, "rel")
    relv = g.rel.get(rel) if rel else (0 if _g(m, "this") else None)
    if relv is None:
        return None
    if unit == "day" and relv != 0:
        return None
    if not _g(m, "this") and g.general_block.search(
        text[max(0, m.start("core") - 25) : m.start("core")]
    ):
        return None
    if unit == "day":
        return Parsed("deictic", 0, 0, n=0)
    return Parsed("rel_unit", 0, 0, unit=unit, rel=relv)


def _b_rel_plural(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    rel = g.rel.get(_g(m, "rel") or "")
    if rel is None or rel == 0:
        return None
    u = _g(m, "unit_pl") or _g(m, "unit_dual")
    unit = g.unit_of.get(u or "")
    if unit is None:
        return None
    n = g.number(_g(m, "num") or "") if _g(m, "num") else (2 if _g(m, "unit_dual") else None)
    if n is None or _g(m, "few"):
        return Parsed("vague", 0, 0, vague="PAST_REF" if rel < 0 else "FUTURE_REF")
    return Parsed("window", 0, 0, unit=unit, n=n, rel=rel)


def _b_decade(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    d = g.decades.get(_g(m, "decade") or "")
    if d is None:
        return None
    century, rel = _century(m, g)
    return Parsed("decade", 0, 0, decade=d, century=century, rel=rel)


def _century(m: re.Match[str], g: Grammar) -> tuple[int | None, int | None]:
    cord, cnum, rel = _g(m, "cord"), _g(m, "cnum"), _g(m, "rel")
    if cord:
        return g.century_ord.get(cord), None
    if cnum:
        return int(cnum), None
    if rel:
        return None, g.rel.get(rel)
    return None, None


def _b_century(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    century, rel = _century(m, g)
    if century is None and rel is None:
        return None
    era = _g(m, "era")
    if century is not None and not 1 <= century <= 30:
        return None
    return Parsed("century", 0, 0, century=century, rel=rel, era="BC" if era in g.era_bc else None)


def _year_ref(m: re.Match[str], g: Grammar) -> tuple[int | None, int | None] | None:
    """(year, year_rel) of a year reference; None when there is none."""
    y = _g(m, "year")
    if y:
        return int(y), None
    if _g(m, "ythis"):
        return None, 0
    if _g(m, "yunit"):
        yrel = _g(m, "yrel")
        return None, (g.rel.get(yrel) if yrel else 0)
    return None


def _b_season(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    season = g.seasons.get(_g(m, "season") or "")
    if season is None:
        return None
    rel = _g(m, "rel")
    relv = g.rel.get(rel) if rel else (0 if _g(m, "this") else None)
    ref = _year_ref(m, g)
    if relv is None and ref is None:
        return None
    year, year_rel = ref if ref else (None, None)
    return Parsed("season", 0, 0, season=season, rel=relv, year=year, year_rel=year_rel)


def _b_quarter(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    qw = _g(m, "qw") or ""
    qord = _g(m, "qord") or ""
    ref = _year_ref(m, g)
    if ref is None:
        return None
    if qw in g.half_words:
        part = g.half_ord.get(qord)
        kind = "half"
    else:
        part = g.quarter_ord.get(qord)
        kind = "quarter"
    if part is None:
        return None
    return Parsed(kind, 0, 0, part=part, year=ref[0], year_rel=ref[1])


def _b_weekend(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    rel = _g(m, "rel")
    relv = g.rel.get(rel) if rel else (0 if _g(m, "this") else None)
    return Parsed("weekend", 0, 0, rel=relv)


def _b_mod_unit(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    """ "بداية العام", "نهاية الشهر": a modifier on the current unit."""
    mod = g.modifiers.get(_g(m, "modw") or "")
    unit = g.unit_of.get(_g(m, "unit_def") or "")
    if mod is None or unit is None or unit in ("day", "hour", "minute"):
        return None
    return Parsed("rel_unit", 0, 0, unit=unit, rel=0, mod=mod)


def _b_vague(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    v = g.vague.get(_g(m, "vague") or "")
    if v is None or _named_after(m, text, g):
        return None
    if g.deictic_block_before.search(text[max(0, m.start("core") - 25) : m.start("core")]):
        return None
    words = (_g(m, "vague") or "").split()
    if (
        len(words) == 2
        and (words[0] in g.ago or words[0] in g.later)
        and words[1] in g.unit_of
        and g.event_relative.match(text[m.end() : m.end() + 40])
    ):
        # "قبل أيام من الانتخابات": some days before an event, not before now
        return Parsed("duration", 0, 0, unit=g.unit_of[words[1]], n=None)
    return Parsed("vague", 0, 0, vague=v)


def _b_holiday(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    h = g.holidays.get(_g(m, "hol") or "")
    if h is None:
        return None
    rel = _g(m, "rel")
    year, _era, cal = _year_of(m, g)
    if year is not None and h.calendar == "hijri" and cal != "hijri" and year > 1600:
        return None  # a Gregorian year after a Hijri feast: leave it to the year rule
    hday = _g(m, "hday")
    return Parsed(
        "holiday",
        0,
        0,
        n=g.holiday_day.get(hday or ""),
        holiday=h.name,
        calendar=h.calendar,
        month=h.month,
        day=h.day,
        rel=g.rel.get(rel) if rel else None,
        year=year,
    )


def _b_hmonth(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    name = _g(m, "hmonth") or ""
    month = g.hmonths.get(name)
    if month is None:
        return None
    rel = _g(m, "rel")
    y = _g(m, "year")
    if rel is None and y is None and not _g(m, "mw"):
        before = text[max(0, m.start("core") - 30) : m.start("core")]
        modified = (
            g.before["mod"].search(before) is not None
            or g.subpart_before.search(text[max(0, m.start("core") - 50) : m.start("core")])
            is not None
        )
        if name in g.ambiguous_hmonths and not modified:
            return None
        if not modified and not g.date_prep_before.search(before[-20:]):
            return None
    year = int(y) if y else None
    if year is not None and not 1 <= year <= 1600:
        return None
    return Parsed(
        "hmonth",
        0,
        0,
        month=month,
        year=year,
        rel=g.rel.get(rel) if rel else None,
        calendar="hijri",
    )


def _b_hijri_date(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    day = g.day_number(_g(m, "day") or "")
    month = g.hmonths.get(_g(m, "hmonth") or "")
    if day is None or month is None or day > 30:
        return None
    raw_day = _g(m, "day") or ""
    if not raw_day[-1:].isdigit() and g.ordinal_head_before.search(
        text[max(0, m.start("core") - 20) : m.start("core")]
    ):
        return None  # "النصف الأول من شهر رمضان": the ordinal counts halves, not days
    y = _g(m, "year")
    year = int(y) if y else None
    era = _g(m, "era")
    if year is not None and era is not None and era not in g.era_hijri:
        return None
    if year is not None and not 1 <= year <= 1600:
        return None
    wd = _g(m, "wd")
    return Parsed(
        "date",
        0,
        0,
        day=day,
        month=month,
        year=year,
        calendar="hijri",
        weekday=g.weekdays.get(wd) if wd else None,
    )


def _b_range_days(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    joined = squash(
        m.group("core")[m.start("day1") - m.start("core") : m.end("day") - m.start("core")]
    )
    if (
        g.day_number(joined.replace(" ", "", 0)) is not None
        or joined.replace(" ", " ") in g.ordinals
    ):
        return None
    if any(
        k in g.ordinals
        for k in (
            joined,
            joined.replace(" " + g.conjunction_prefix + " ", " " + g.conjunction_prefix),
        )
    ):
        return None
    d1 = g.day_number(_g(m, "day1") or "")
    right = _b_dmy(m, text, g)
    if d1 is None or right is None or right.day is None or d1 >= right.day:
        return None
    left = _replace(right, day=d1, weekday=None)
    return Parsed("range", 0, 0, left=left, right=right)


def _b_range_months(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    m1 = g.months.get(_g(m, "m1") or "")
    right = _b_month(m, text, g)
    if m1 is None or right is None or right.month is None:
        return None
    if not _g(m, "from") and right.year is None:
        return None
    left = _replace(right, month=m1, rel=None)
    if right.year is not None and m1 > right.month:
        left = _replace(left, year=right.year - 1)
    return Parsed("range", 0, 0, left=left, right=right)


def _b_range_years(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not (1000 <= y1 < y2 <= 2200):
        return None
    return Parsed(
        "range", 0, 0, left=Parsed("year", 0, 0, year=y1), right=Parsed("year", 0, 0, year=y2)
    )


# the kinds a sub-part can divide: a whole month or a whole year
WHOLE_MONTH = ("month", "hmonth")
WHOLE_YEAR = ("year",)
SUBPART_LIMIT = {("day", "month"): 31, ("day", "year"): 366, ("week", "month"): 5}
SUBPART_LIMIT.update({("week", "year"): 53, ("month", "year"): 12})


def _subpart(m: re.Match[str], whole: Parsed, g: Grammar) -> Parsed | None:
    """The part of ``whole`` (a month or a year) that the head words in ``m`` name: week k,
    the last week, the first or last N months or days, its first or last day."""
    if whole.mod is not None or whole.left is not None:
        return None
    if (
        whole.kind in WHOLE_MONTH
        or (whole.kind == "rel_unit" and whole.unit == "month")
        or (whole.kind == "holiday" and whole.day is None and whole.n is None)  # شهر رمضان
    ):
        size = "month"
    elif whole.kind in WHOLE_YEAR or (whole.kind == "rel_unit" and whole.unit == "year"):
        size = "year"
    else:
        return None
    su, sb, spu = _g(m, "su"), _g(m, "sb"), _g(m, "spu")
    count: int | None = 1
    if su:
        unit, raw = g.unit_of.get(su), _g(m, "so") or ""
        first = g.ordinals.get(raw) or (-1 if raw in g.subpart_last else None)
    elif sb:
        unit, first = g.unit_of.get(_g(m, "sbu") or ""), g.subpart_ord_before.get(sb)
    elif spu:
        unit, count = g.unit_of.get(spu), g.number(_g(m, "sn") or "")
        first = 1 if (_g(m, "se") or "") in g.subpart_first_pl else -(count or 0)
    else:
        return None
    limit = SUBPART_LIMIT.get((unit or "", size))
    if unit is None or first is None or not count or limit is None:
        return None
    if unit == "month" and whole.calendar == "hijri":
        return None  # the months of a Hijri year are Hijri months
    if (first + count - 1 if first > 0 else count) > limit:
        return None
    return Parsed(
        "subpart", 0, 0, left=whole, unit=unit, n=first, part=count, calendar=whole.calendar
    )


def _b_subpart_bare(m: re.Match[str], text: str, g: Grammar) -> Parsed | None:
    """ "الأشهر الستة الأولى من العام", "أول أيام الشهر": a part of the current month or year."""
    unit = g.unit_of.get(_g(m, "unit_def") or "")
    return _subpart(m, Parsed("rel_unit", 0, 0, unit=unit, rel=0), g) if unit else None


def _subpart_before(p: Parsed, text: str, g: Grammar) -> Parsed | None:
    """ "الأسبوع الأول من" + "مارس": the part of a month or a year named just before it."""
    if p.left is not None or p.mod is not None:
        return None
    window_start = max(0, p.start - 50)
    m = g.subpart_before.search(text, window_start, p.start)
    if m is None:
        return None
    q = _subpart(m, p, g)
    if q is not None:
        q.start, q.end, q.boundary = m.start("w"), p.end, p.boundary
    return q


BUILDERS: dict[str, Builder] = {
    "dmy": _b_dmy,
    "mdy": _b_dmy,
    "my": _b_month,
    "month": _b_month,
    "day_of_month": _b_day_of_month,
    "year": _b_year,
    "prep_year": _b_prep_year,
    "numeric": _b_numeric,
    "weekday": _b_weekday,
    "deictic": _b_deictic,
    "clock": _b_clock,
    "ago_later": _b_ago_later,
    "duration": _b_duration,
    "rel_unit": _b_rel_unit,
    "rel_plural": _b_rel_plural,
    "decade": _b_decade,
    "century": _b_century,
    "season": _b_season,
    "quarter": _b_quarter,
    "weekend": _b_weekend,
    "mod_unit": _b_mod_unit,
    "vague": _b_vague,
    "holiday": _b_holiday,
    "hmonth": _b_hmonth,
    "hijri_date": _b_hijri_date,
    "range_days": _b_range_days,
    "range_months": _b_range_months,
    "range_years": _b_range_years,
    "paren_years": _b_paren_years,
    "decade_ord": _b_decade_ord,
    "numeric_short": _b_numeric_short,
    "attached_this": _b_attached_this,
    "millennium": _b_millennium,
    "year_span": _b_year_span,
    "frequency": _b_frequency,
    "month_num": _b_month_num,
    "age": _b_age,
    "set": _b_set,
    "subpart_bare": _b_subpart_bare,
}


# ------------------------------------------------------------------------------------------
# Candidates, selection, combination


WINDOW_BEFORE, WINDOW_AFTER = 32, 36
# Categories whose expressions stay close to their trigger word get narrower windows.
WINDOWS: dict[str, tuple[int, int]] = {
    "deictic": (20, 30),
    "vague": (24, 30),
    "weekday": (24, 32),
    "clock": (24, 32),
    "unit": (28, 28),
    "every": (4, 30),
    "frequency": (4, 30),
    "attached": (4, 16),
    "digit": (22, 30),
    "month": (30, 30),
}

# The trigger categories near which each rule runs ("digit" = any number).
RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "dmy": ("month",),
    "mdy": ("month",),
    "my": ("month",),
    "month": ("month",),
    "range_days": ("month",),
    "range_months": ("month",),
    "day_of_month": ("unit",),
    "year": ("digit",),
    "prep_year": ("digit",),
    "numeric": ("digit",),
    "range_years": ("digit",),
    "clock": ("digit", "clock"),
    "weekday": ("weekday",),
    "deictic": ("deictic",),
    "ago_later": ("unit",),
    "duration": ("unit",),
    "rel_unit": ("unit",),
    "rel_plural": ("unit",),
    "mod_unit": ("unit",),
    "weekend": ("unit",),
    "quarter": ("quarter",),
    "season": ("season",),
    "decade": ("decade",),
    "century": ("century",),
    "vague": ("vague",),
    "holiday": ("holiday",),
    "hmonth": ("hmonth",),
    "hijri_date": ("hmonth",),
    "paren_years": ("digit",),
    "decade_ord": ("century",),
    "numeric_short": ("digit",),
    "attached_this": ("attached",),
    "millennium": ("century",),
    "year_span": ("digit",),
    "frequency": ("frequency",),
    "month_num": ("unit",),
    "age": ("digit", "age"),
    "set": ("every",),
    "subpart_bare": ("unit",),
}


def _vocabulary(text: str, g: Grammar) -> tuple[frozenset[str], set[str]]:
    """The trigger and required words of ``text`` (among its ``\\w+`` words) and its numbers
    (``\\d+`` runs), from its space-separated pieces: most pieces are bare words, only the
    others (with punctuation, digits, line breaks ...) are scanned."""
    pieces = text.split(" ")
    inner = g.word.findall(" ".join(filterfalse(str.isalpha, pieces)))
    words = g.lookup_words.intersection(pieces).union(g.lookup_words.intersection(inner))
    return words, set(g.digits.findall(" ".join(filterfalse(str.isalpha, inner))))


def _windows(
    text: str, g: Grammar, words: frozenset[str], numbers: set[str]
) -> dict[str, list[tuple[int, int]]]:
    """For each trigger category, the stretches of text around its words (month names,
    digits, unit words ...) and its ``numbers``: a rule only runs there, which keeps
    recognition fast."""
    index = g.trigger_index
    found: list[tuple[int, int, frozenset[str]]] = []
    n = len(text)
    for tok in g.trigger_keys.intersection(words):
        cats, size = index[tok], len(tok)
        at = text.find(tok)
        while at != -1:
            end = at + size
            if (at == 0 or not text[at - 1].isalnum()) and (end == n or not text[end].isalnum()):
                found.append((at, end, cats))
            at = text.find(tok, end)
    for number in numbers:
        size = len(number)
        at = text.find(number)
        while at != -1:
            end = at + size
            if (at == 0 or not text[at - 1].isdigit()) and (end == n or not text[end].isdigit()):
                found.append((at, end, DIGIT))
            at = text.find(number, end)
    found.sort(key=itemgetter(0))
    hits: dict[str, list[tuple[int, int]]] = {}
    for start, end, cats in found:
        for cat in cats:
            before, after = WINDOWS.get(cat, (WINDOW_BEFORE, WINDOW_AFTER))
            a, b = max(0, start - before), min(n, end + after)
            spans = hits.setdefault(cat, [])
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
            else:
                spans.append((a, b))
    return hits


DIGIT = frozenset({"digit"})


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _candidates(text: str, g: Grammar) -> list[Parsed]:
    """What every rule finds in the windows of its trigger categories, but for windows that
    lack what its match must contain. Searching again from the end of each match is what
    ``finditer`` does (no rule matches the empty string), without its cost per call."""
    out: list[Parsed] = []
    words, numbers = _vocabulary(text, g)
    hits = _windows(text, g, words, numbers)
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for _name, pattern, build, cats, required, needs, priority in _plan(g):
        if required is not None and required.isdisjoint(words):
            continue
        if len(cats) == 1:
            windows = hits.get(cats[0], [])
        else:
            windows = merged.get(cats) or merged.setdefault(
                cats, _merge([w for c in cats for w in hits.get(c, [])])
            )
        for a, b in windows:
            if needs is not None and needs.search(text, a, b) is None:
                continue
            m = pattern.search(text, a, b)
            while m is not None:
                parsed = build(m, text, g)
                if parsed is not None:
                    parsed.start, parsed.end = m.span("core")
                    parsed.priority = max(parsed.priority, priority)
                    out.append(parsed)
                m = pattern.search(text, max(m.end(), m.start() + 1), b)
    return out


Plan = tuple[
    str,
    "re.Pattern[str]",
    Builder,
    tuple[str, ...],
    frozenset[str] | None,
    "re.Pattern[str] | None",
    int,
]
_PLANS: dict[int, list[Plan]] = {}


def _plan(g: Grammar) -> list[Plan]:
    """Each rule with its builder, trigger categories, required words, what its windows must
    contain and priority."""
    plan = _PLANS.get(id(g))
    if plan is None:
        plan = _PLANS[id(g)] = [
            (
                name,
                pattern,
                BUILDERS[name],
                RULE_TRIGGERS[name],
                g.required.get(name),
                g.window_needs.get(name),
                PRIORITY.get(name, 0),
            )
            for name, pattern in g.rules.items()
        ]
    return plan


def _select(cands: list[Parsed]) -> list[Parsed]:
    chosen: list[Parsed] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda p: (-(p.end - p.start), -p.priority, p.start)):
        if any(c.start < b and a < c.end for a, b in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda p: p.start)


DAYLIKE = ("date", "weekday", "deictic", "holiday")
WHOLES = frozenset(("rel_unit", "holiday", *WHOLE_MONTH, *WHOLE_YEAR))
MODDABLE = (
    "month",
    "year",
    "decade",
    "century",
    "season",
    "rel_unit",
    "quarter",
    "half",
    "hmonth",
    "weekend",
    "date",
    "holiday",
    "millennium",
)


def _day_then_clock(p: Parsed, nxt: Parsed, text: str, g: Grammar) -> Parsed | None:
    """ "27 يناير 2022 8:14 صباحًا", "أمس الساعة 10 مساء": a day and its clock time."""
    if (
        p.kind in DAYLIKE
        and p.hour is None
        and nxt.kind == "clock"
        and g.clock_gap.match(text[p.end : nxt.start])
    ):
        return _replace(p, hour=nxt.hour, minute=nxt.minute, ampm=nxt.ampm, end=nxt.end)
    return None


def _clock_then_day(p: Parsed, nxt: Parsed, text: str, g: Grammar) -> Parsed | None:
    """ "الساعة 10 مساء أمس": a clock time and its day."""
    if (
        p.kind == "clock"
        and nxt.kind in DAYLIKE
        and nxt.hour is None
        and g.clock_gap.match(text[p.end : nxt.start])
    ):
        return _replace(nxt, hour=p.hour, minute=p.minute, ampm=p.ampm, start=p.start)
    return None


def _deictic_then_weekday(p: Parsed, nxt: Parsed, text: str, g: Grammar) -> Parsed | None:
    """ "غدا الأربعاء": the deictic places the day, the weekday confirms it."""
    if (
        p.kind == "deictic"
        and nxt.kind == "weekday"
        and nxt.rel is None
        and g.deictic_weekday_gap.match(text[p.end : nxt.start])
    ):
        return _replace(p, end=nxt.end, pod=p.pod or nxt.pod, weekday=nxt.weekday)
    return None


def _weekday_then_deictic(p: Parsed, nxt: Parsed, text: str, g: Grammar) -> Parsed | None:
    """ "الأربعاء أمس": likewise."""
    if (
        p.kind == "weekday"
        and p.rel is None
        and nxt.kind == "deictic"
        and g.deictic_weekday_gap.match(text[p.end : nxt.start])
    ):
        return _replace(nxt, start=p.start, pod=nxt.pod or p.pod, weekday=p.weekday)
    return None


Joiner = Callable[[Parsed, Parsed, str, Grammar], "Parsed | None"]
JOINERS: tuple[Joiner, ...] = (
    _day_then_clock,
    _clock_then_day,
    _deictic_then_weekday,
    _weekday_then_deictic,
)


def _combine(items: list[Parsed], text: str, g: Grammar) -> list[Parsed]:
    """Join neighbours: date + clock, part of day + day, modifiers, boundaries, ranges. A
    joined expression absorbs the words before it again; the others keep theirs (extending is
    idempotent: each absorbed word fills a field that was empty)."""
    items = [_extend_left(p, text, g) for p in items]
    out: list[Parsed] = []
    i = 0
    while i < len(items):
        p = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        for join in JOINERS:  # each neighbour join at most once, in this order
            joined = join(p, nxt, text, g) if nxt is not None else None
            if joined is not None:
                p = joined
                i += 1
                nxt = items[i + 1] if i + 1 < len(items) else None
        # range "من X إلى Y" / "بين X و Y" over two full expressions
        if (
            nxt is not None
            and p.kind in ("date", "month", "year", "weekday", "deictic")
            and nxt.kind == p.kind
            and g.range_gap.match(text[p.end : nxt.start])
        ):
            fm = g.range_from_before.search(text[max(0, p.start - 25) : p.start])
            if fm is not None:
                start = p.start - (len(text[max(0, p.start - 25) : p.start]) - fm.start("w"))
                p = Parsed("range", start, nxt.end, left=p, right=nxt)
                i += 1
        out.append(p if p is items[i] else _extend_left(p, text, g))
        i += 1
    return out


def _extend_left(p: Parsed, text: str, g: Grammar) -> Parsed:
    """Absorb the words just before an expression: the part of it that they name (الأسبوع
    الأول من مارس), part of day, modifier, منذ/حتى, قبل/بعد."""
    if p.kind in WHOLES:
        p = _subpart_before(p, text, g) or p
    for _ in range(3):
        window_start = max(0, p.start - 30)
        before = text[window_start : p.start]
        if not g.any_before.search(before):
            break
        changed = False
        if p.kind in DAYLIKE and p.pod is None and p.hour is None:
            m = g.before_plain["pod"].search(before)
            if m is None and p.kind == "weekday":
                m = None
            if m is not None:
                pod = g.pods.get(squash(m.group("w")))
                if pod:
                    p = _replace(p, pod=pod, start=window_start + m.start("w"))
                    changed = True
                    continue
        if p.mod is None and p.kind in MODDABLE:
            m = g.before["mod"].search(before)
            if m is not None:
                mod = g.modifiers.get(squash(m.group("w")))
                if mod and not (p.kind == "date" and p.day is not None):
                    p = _replace(p, mod=mod, start=window_start + m.start("w"))
                    changed = True
                    continue
        if p.boundary is None and p.kind not in ("ago", "later", "duration", "vague", "window"):
            m = g.before_plain["boundary"].search(before)
            if m is not None:
                b = g.boundary.get(squash(m.group("w")))
                if b:
                    p = _replace(p, boundary=b, start=window_start + m.start("w"))
                    changed = True
                    continue
        if p.mod is None and p.kind in ("date", "month", "year", "holiday", "hmonth", "weekday"):
            m = g.before_plain["before_after"].search(before)
            if m is not None:
                mod = g.before_after.get(squash(m.group("w")))
                if mod:
                    p = _replace(p, mod=mod, start=window_start + m.start("w"))
                    changed = True
                    continue
        if p.mod is None and p.kind in ("clock", "date", "year"):
            m = g.before_plain["approx"].search(before)
            if m is not None:
                mod = g.approx.get(squash(m.group("w")))
                if mod:
                    p = _replace(p, mod=mod, start=window_start + m.start("w"))
                    changed = True
                    continue
        if not changed:
            break
    # the night of two days: "ليل الأحد-الاثنين" is Sunday night
    if p.kind == "weekday" and p.pod == "NI" and p.weekday is not None:
        m = g.next_day_after.match(text[p.end : p.end + 20])
        if m is not None and g.weekdays.get(squash(m.group("wd"))) == p.weekday % 7 + 1:
            p = _replace(p, end=p.end + m.end("wd"))
    # part of day after a day: "أمس صباحا", "الثلاثاء مساء"
    if p.kind in DAYLIKE and p.pod is None and p.hour is None:
        m = g.pod_after.match(text[p.end : p.end + 20])
        if m is not None:
            pod = g.pods.get(squash(m.group("w")))
            if pod:
                p = _replace(p, pod=pod, end=p.end + m.end("w"))
    return p


def _absorb_vague(items: list[Parsed], text: str, g: Grammar) -> list[Parsed]:
    """ "في وقت سابق من اليوم" → the day: a vague phrase followed by ``من`` and a time."""
    out: list[Parsed] = []
    skip = False
    for k, p in enumerate(items):
        if skip:
            skip = False
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        if (
            p.kind == "vague"
            and nxt is not None
            and nxt.kind in ("deictic", "rel_unit", "weekday", "month", "date")
            and g.earlier_of.match(text[p.end : nxt.start])
        ):
            out.append(_replace(nxt, start=p.start))
            skip = True
            continue
        out.append(p)
    return out


def recognise(text: str) -> list[Parsed]:
    """Temporal expressions of a NORMALISED text, in order, spans into that text."""
    g = grammar()
    items = [p for p in _select(_candidates(text, g)) if p.kind != "blocked"]
    items = _combine(items, text, g)
    items = _absorb_vague(items, text, g)
    return _drop_covered(items)


def _drop_covered(items: list[Parsed]) -> list[Parsed]:
    """After words were absorbed, keep the longest of expressions that now overlap."""
    kept: list[Parsed] = []
    for p in sorted(items, key=lambda p: (-(p.end - p.start), p.start)):
        if all(p.end <= q.start or q.end <= p.start for q in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.start)
