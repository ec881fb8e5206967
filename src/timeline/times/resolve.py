"""Resolve a :class:`~timeline.times.recognise.Parsed` mention against an anchor: pure functions.

``resolve(parsed, anchor, direction)`` gives a TIMEX3 value, a grain and an interval (end
exclusive). Without an anchor, what depends on it stays honest: ``XXXX-05``, ``XXXX-WXX-4``,
``XXXX-XX-XX``; absolute dates still resolve.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from typing import NamedTuple

from .recognise import Parsed

__all__ = ["Resolved", "resolve"]

D = dt.datetime
DAY = dt.timedelta(days=1)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
POD_HOURS = {"MO": (5, 12), "MI": (12, 14), "AF": (14, 18), "EV": (18, 22), "NI": (22, 29)}
UNIT_GRAIN = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
}
UNIT_CODE = {
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "hour": "H",
    "minute": "M",
    "second": "S",
}


class Resolved(NamedTuple):
    """A value with its grain and interval (end exclusive); a tuple, immutable and cheap."""

    value: str
    grain: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    type: str = "DATE"
    mod: str | None = None
    anchored: bool = False


class Unresolvable(ValueError):
    """The expression names an impossible date (31 February)."""


# ------------------------------------------------------------------------------------------
# Interval helpers


def day_iv(d: dt.date) -> tuple[D, D]:
    s = D(d.year, d.month, d.day)
    return s, s + DAY


def month_iv(y: int, m: int) -> tuple[D, D]:
    s = D(y, m, 1)
    e = D(y + 1, 1, 1) if m == 12 else D(y, m + 1, 1)
    return s, e


def year_iv(y: int) -> tuple[D, D]:
    return D(y, 1, 1), D(y + 1, 1, 1)


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def safe_date(y: int, m: int, d: int) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError as exc:
        raise Unresolvable(str(exc)) from exc


def narrow(start: D, end: D, mod: str | None) -> tuple[D, D]:
    """The part of an interval that START / MID / END designates (thirds, whole days)."""
    if mod not in ("START", "MID", "END"):
        return start, end
    total = end - start
    third = total / 3 if total <= DAY else dt.timedelta(days=max(1, round(total.days / 3)))
    if mod == "START":
        return start, start + third
    if mod == "MID":
        return start + third, end - third
    return end - third, end


def ymd(d: dt.date) -> str:
    """``YYYY-MM-DD`` (of a datetime too: the date's own ``isoformat``)."""
    return dt.date.isoformat(d)


def week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def week_iv(d: dt.date) -> tuple[D, D]:
    monday = d - dt.timedelta(days=d.isoweekday() - 1)
    s = D(monday.year, monday.month, monday.day)
    return s, s + 7 * DAY


def shift(anchor: D, unit: str, n: int) -> D:
    if unit == "day":
        return anchor + n * DAY
    if unit == "week":
        return anchor + n * 7 * DAY
    if unit in ("month", "year", "decade", "century"):
        months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit] * n
        y, m = add_months(anchor.year, anchor.month, months)
        last = _calendar.monthrange(y, m)[1]
        return anchor.replace(year=y, month=m, day=min(anchor.day, last))
    if unit == "hour":
        return anchor + dt.timedelta(hours=n)
    if unit == "minute":
        return anchor + dt.timedelta(minutes=n)
    if unit == "second":
        return anchor + dt.timedelta(seconds=n)
    raise ValueError(unit)


def unit_value(at: D, unit: str) -> Resolved:
    """The calendar unit containing ``at``, as a value."""
    if unit == "day":
        s, e = day_iv(at.date())
        return Resolved(ymd(at.date()), "day", s, e)
    if unit == "week":
        s, e = week_iv(at.date())
        return Resolved(week_value(at.date()), "week", s, e)
    if unit == "month":
        s, e = month_iv(at.year, at.month)
        return Resolved(f"{at.year:04d}-{at.month:02d}", "month", s, e)
    if unit == "year":
        s, e = year_iv(at.year)
        return Resolved(f"{at.year:04d}", "year", s, e)
    if unit == "decade":
        d0 = at.year // 10 * 10
        return Resolved(f"{d0 // 10:03d}X", "decade", D(d0, 1, 1), D(d0 + 10, 1, 1))
    if unit == "century":
        c0 = at.year // 100 * 100
        return Resolved(f"{c0 // 100:02d}", "century", D(max(c0, 1), 1, 1), D(c0 + 100, 1, 1))
    if unit == "second":
        s = at.replace(microsecond=0)
        value = f"{ymd(at.date())}T{at.hour:02d}:{at.minute:02d}:{at.second:02d}"
        return Resolved(value, "second", s, s + dt.timedelta(seconds=1))
    if unit == "hour":
        s = at.replace(minute=0, second=0, microsecond=0)
        return Resolved(f"{ymd(at.date())}T{at.hour:02d}:00", "hour", s, s + dt.timedelta(hours=1))
    s = at.replace(second=0, microsecond=0)
    return Resolved(
        f"{ymd(at.date())}T{at.hour:02d}:{at.minute:02d}", "minute", s, s + dt.timedelta(minutes=1)
    )


# ------------------------------------------------------------------------------------------
# Hijri


def hijri_to_date(y: int, m: int, d: int) -> dt.date:
    """Umm al-Qura conversion (hijridate); the tabular calendar outside its range."""
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError, ImportError):
        if d > 30 or m > 12:
            raise Unresolvable(f"no day {d} in Hijri month {m}") from None
        return _tabular_hijri(y, m, d)


def _tabular_hijri(y: int, m: int, d: int) -> dt.date:
    jd = d + int(29.5 * (m - 1) + 0.99) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948439 - 385
    return dt.date.fromordinal(jd - 1721425)


def date_to_hijri(d: dt.date) -> tuple[int, int, int]:
    try:
        from hijridate import Gregorian

        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError, ImportError):
        # search the tabular calendar
        y = int((d.toordinal() - 227015) / 354.367) + 1
        for yy in (y - 1, y, y + 1):
            for mm in range(12, 0, -1):
                first = _tabular_hijri(yy, mm, 1)
                if first <= d:
                    return yy, mm, (d - first).days + 1
        raise Unresolvable("date outside the Hijri range") from None


def hijri_month_iv(y: int, m: int) -> tuple[D, D]:
    first = hijri_to_date(y, m, 1)
    ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
    nxt = hijri_to_date(ny, nm, 1)
    return D(first.year, first.month, first.day), D(nxt.year, nxt.month, nxt.day)


def span_value(s: D, e: D) -> str:
    return f"{ymd(s.date())}/{ymd((e - DAY).date())}"


# ------------------------------------------------------------------------------------------
# The resolver


def resolve(p: Parsed, anchor: D | None, direction: str = "past") -> Resolved:
    """Place ``p`` in time. ``direction`` ("past"/"future") decides year-less and weekday
    references that the text does not fix. Raises :class:`Unresolvable` for impossible dates."""
    r = _resolve(p, anchor, direction)
    if p.mod and r.mod is None:
        r = Resolved(r.value, r.grain, r.start, r.end, r.type, p.mod, r.anchored)
    if r.start is not None and r.end is not None and r.mod in ("START", "MID", "END"):
        s, e = narrow(r.start, r.end, r.mod)
        r = Resolved(r.value, r.grain, s, e, r.type, r.mod, r.anchored)
    return r


def _with_time(base: Resolved, p: Parsed, day: dt.date | None) -> Resolved:
    """Add a part of day or a clock time to a day-grain value."""
    if p.hour is not None:
        hour = _hour24(p.hour, p.ampm or _pod_ampm(p.pod))
        prefix = ymd(day) if day else base.value
        grain = "minute" if p.minute is not None else "hour"
        minute = p.minute or 0
        value = f"{prefix}T{hour:02d}:{minute:02d}"
        if day is None:
            return Resolved(value, grain, None, None, "TIME", anchored=base.anchored)
        s = D(day.year, day.month, day.day) + dt.timedelta(hours=hour, minutes=minute)
        e = s + (dt.timedelta(minutes=1) if grain == "minute" else dt.timedelta(hours=1))
        return Resolved(value, grain, s, e, "TIME", anchored=base.anchored)
    if p.pod is not None:
        value = f"{base.value}T{p.pod}"
        if day is None:
            return Resolved(value, "day", None, None, "TIME", anchored=base.anchored)
        a, b = POD_HOURS.get(p.pod, (0, 24))
        s = D(day.year, day.month, day.day)
        return Resolved(
            value,
            "day",
            s + dt.timedelta(hours=a),
            s + dt.timedelta(hours=b),
            "TIME",
            anchored=base.anchored,
        )
    return base


def _pod_ampm(pod: str | None) -> str | None:
    return {"MO": "am", "MI": "noon", "AF": "pm", "EV": "pm", "NI": "night"}.get(pod or "")


def _hour24(hour: int, ampm: str | None) -> int:
    if hour == 24:
        return 0
    if ampm == "pm" and hour < 12:
        return hour + 12
    if ampm == "noon" and 1 <= hour <= 6:
        return hour + 12
    if ampm == "night" and 6 <= hour < 12:
        return hour + 12
    if ampm == "am" and hour == 12:
        return 0
    return hour


def _day_result(d: dt.date, p: Parsed, anchored: bool) -> Resolved:
    s, e = day_iv(d)
    return _with_time(Resolved(ymd(d), "day", s, e, anchored=anchored), p, d)


def _resolve(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    k = p.kind
    if k == "date":
        return _date(p, anchor, direction)
    if k == "weekday":
        return _weekday(p, anchor, direction)
    if k == "deictic":
        if anchor is None:
            base = Resolved("XXXX-XX-XX", "day", anchored=True)
            return _with_time(base, p, None)
        return _day_result((anchor + (p.n or 0) * DAY).date(), p, True)
    if k == "clock":
        if anchor is None:
            hour = _hour24(p.hour or 0, p.ampm)
            grain = "minute" if p.minute is not None else "hour"
            return Resolved(
                f"XXXX-XX-XXT{hour:02d}:{p.minute or 0:02d}", grain, type="TIME", anchored=True
            )
        return _day_result(anchor.date(), p, True)
    if k == "month":
        return _month(p, anchor, direction)
    if k == "year":
        return _year(p)
    if k == "rel_unit":
        if anchor is None:
            return Resolved(
                _unknown_of(p.unit or "year"), UNIT_GRAIN[p.unit or "year"], anchored=True
            )
        r = unit_value(shift(anchor, p.unit or "year", p.rel or 0), p.unit or "year")
        return Resolved(r.value, r.grain, r.start, r.end, anchored=True)
    if k in ("ago", "later"):
        unit, n = p.unit or "day", p.n or 0
        sign = -1 if k == "ago" else 1
        kind = "TIME" if unit in ("hour", "minute", "second") else "DATE"
        if anchor is None:
            return Resolved(
                _unknown_of(unit), UNIT_GRAIN[unit], type=kind, anchored=True, mod=p.mod
            )
        r = unit_value(shift(anchor, unit, sign * n), unit)
        return Resolved(r.value, r.grain, r.start, r.end, kind, mod=p.mod, anchored=True)
    if k == "set":
        if p.weekday is not None:
            return Resolved(f"XXXX-WXX-{p.weekday}", "day", type="SET")
        unit = p.unit or "day"
        return Resolved(_duration_value(unit, p.n or 1), UNIT_GRAIN[unit], type="SET")
    if k == "duration":
        return Resolved(
            _duration_value(p.unit or "day", p.n),
            UNIT_GRAIN[p.unit or "day"],
            type="DURATION",
            mod=p.mod,
        )
    if k == "window":
        unit, n = p.unit or "day", p.n or 0
        value = _duration_value(unit, n)
        if anchor is None:
            return Resolved(value, UNIT_GRAIN[unit], type="DURATION", anchored=True)
        other = shift(anchor, unit, n * (p.rel or -1))
        s, e = (other, anchor) if (p.rel or -1) < 0 else (anchor, other)
        return Resolved(value, UNIT_GRAIN[unit], s, e, "DURATION", anchored=True)
    if k == "decade":
        return _decade(p, anchor)
    if k == "century":
        return _century(p, anchor)
    if k == "season":
        return _season(p, anchor, direction)
    if k in ("quarter", "half"):
        return _part(p, anchor)
    if k == "weekend":
        return _weekend(p, anchor, direction)
    if k == "vague":
        return Resolved(p.vague or "PAST_REF", "vague", anchored=True)
    if k == "holiday":
        r = _holiday(p, anchor, direction)
        if p.n and r.start is not None and r.grain == "day":  # "ثاني أيام عيد الأضحى"
            day = (r.start + p.n * DAY).date()
            return _day_result(day, p, r.anchored)
        if p.n is not None and r.start is not None and r.grain == "month":  # أول أيام شهر رمضان
            return _day_result((r.start + p.n * DAY).date(), p, r.anchored)
        return r
    if k == "millennium":
        n = (p.century or 1) - 1
        return Resolved(f"{n}", "millennium", D(max(n * 1000, 1), 1, 1), D(n * 1000 + 1000, 1, 1))
    if k == "hmonth":
        return _hmonth(p, anchor, direction)
    if k == "range":
        return _range(p, anchor, direction)
    if k == "subpart":
        return _subpart(p, anchor, direction)
    raise Unresolvable(f"unknown kind {k}")


def _unknown_of(unit: str) -> str:
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
        "hour": "XXXX-XX-XXTXX:00",
        "minute": "XXXX-XX-XXTXX:XX",
        "second": "XXXX-XX-XXTXX:XX:XX",
    }[unit]


def _duration_value(unit: str, n: int | None) -> str:
    """The TIMEX3 value of ``n`` units; ``n=None`` (ساعات، أيام) is an unspecified count."""
    if n is None:
        code = {"decade": "DE", "century": "CE"}.get(unit) or UNIT_CODE[unit]
        return f"PTX{code}" if unit in ("hour", "minute", "second") else f"PX{code}"
    if unit == "decade":
        return f"P{n * 10}Y"
    if unit == "century":
        return f"P{n * 100}Y"
    if unit in ("hour", "minute", "second"):
        return f"PT{n}{UNIT_CODE[unit]}"
    return f"P{n}{UNIT_CODE[unit]}"


def _date(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    if p.calendar == "hijri":
        return _hijri_date(p, anchor, direction)
    month, day = p.month, p.day or 1
    if p.unit == "month" and p.rel is not None:  # "الخامس من الشهر الماضي"
        if anchor is None:
            return _with_time(Resolved(f"XXXX-XX-{day:02d}", "day", anchored=True), p, None)
        y, m = add_months(anchor.year, anchor.month, p.rel)
        return _day_result(safe_date(y, m, day), p, True)
    assert month is not None
    if p.year is not None:
        if p.era == "BC":
            return Resolved(f"BC{p.year:04d}-{month:02d}-{day:02d}", "day")
        return _day_result(safe_date(p.year, month, day), p, False)
    safe_date(2000, month, day)  # validates 29 February too
    if anchor is None:
        return _with_time(Resolved(f"XXXX-{month:02d}-{day:02d}", "day", anchored=True), p, None)
    a = anchor.date()
    y = a.year
    if p.rel is not None:  # "5 جوان المقبل", "23 كانون الأول الماضي", "28 فبراير الجاري"
        if p.rel < 0:
            y = y if month < a.month else y - 1
        elif p.rel > 0:
            y = y if month > a.month else y + 1
        if _valid(y, month, day) is None:
            raise Unresolvable(f"no {day}/{month} in {y}")
        return _day_result(dt.date(y, month, day), p, True)
    if p.weekday is not None:  # "الجمعة 15 فبراير": the year whose 15 February is a Friday
        fits = [
            yy
            for yy in range(y - 6, y + 7)
            if _valid(yy, month, day) is not None
            and dt.date(yy, month, day).isoweekday() == p.weekday
        ]
        if fits:
            best = min(fits, key=lambda yy: (abs((dt.date(yy, month, day) - a).days), yy))
            return _day_result(dt.date(best, month, day), p, True)
    if direction == "future":
        while _valid(y, month, day) is None or dt.date(y, month, day) < a:
            y += 1
    else:
        while _valid(y, month, day) is None or dt.date(y, month, day) > a:
            y -= 1
    return _day_result(dt.date(y, month, day), p, True)


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _weekday(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    wd = p.weekday or 1
    if anchor is None:
        return _with_time(Resolved(f"XXXX-WXX-{wd}", "day", anchored=True), p, None)
    a = anchor.date()
    today = a.isoweekday()
    if p.rel is not None and p.rel < 0:  # الماضي; قبل الماضي one week further back
        delta = -((today - wd) % 7 or 7) + 7 * (p.rel + 1)
    elif p.rel is not None and p.rel > 0:  # المقبل; بعد المقبل one week further ahead
        delta = (wd - today) % 7 or 7
        delta += 7 * (p.rel - 1)
    elif p.rel == 0:
        delta = wd - today  # this week's
    elif direction == "future":
        delta = (wd - today) % 7 or 7
    else:
        delta = -((today - wd) % 7)
    return _day_result(a + dt.timedelta(days=delta), p, True)


def _month(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    m = p.month or 1
    if p.year is None and p.year_rel is not None and anchor is not None:
        p = Parsed("month", p.start, p.end, month=m, year=anchor.year + p.year_rel)
    if not 1 <= m <= 12:
        raise Unresolvable(f"no month {m}")
    if p.year is not None:
        if p.era == "BC":
            return Resolved(f"BC{p.year:04d}-{m:02d}", "month")
        s, e = month_iv(p.year, m)
        return Resolved(f"{p.year:04d}-{m:02d}", "month", s, e)
    if anchor is None:
        return Resolved(f"XXXX-{m:02d}", "month", anchored=True)
    y, am = anchor.year, anchor.month
    if p.rel == -1:
        y = y if m < am else y - 1
    elif p.rel == 1:
        y = y if m > am else y + 1
    elif p.rel == 0:
        pass
    elif direction == "future":
        y = y if m >= am else y + 1
    else:
        y = y if m <= am else y - 1
    s, e = month_iv(y, m)
    return Resolved(f"{y:04d}-{m:02d}", "month", s, e, anchored=True)


def _year(p: Parsed) -> Resolved:
    y = p.year or 0
    if p.calendar == "hijri":
        first = hijri_to_date(y, 1, 1)
        nxt = hijri_to_date(y + 1, 1, 1)
        s, e = D(first.year, first.month, first.day), D(nxt.year, nxt.month, nxt.day)
        return Resolved(span_value(s, e), "year", s, e)
    if p.era == "BC":
        return Resolved(f"BC{y:04d}", "year")
    if y < 1:
        raise Unresolvable("year 0")
    s, e = year_iv(y)
    return Resolved(f"{y:04d}", "year", s, e)


def _decade(p: Parsed, anchor: D | None) -> Resolved:
    d = p.decade or 0
    if p.century is not None:
        century0 = (p.century - 1) * 100
    elif p.rel is not None:
        if anchor is None:
            return Resolved(f"XX{d}X", "decade", anchored=True)
        century0 = (anchor.year // 100 + p.rel) * 100
    else:
        century0 = 1900
    y0 = century0 + d * 10
    return Resolved(f"{y0 // 10:03d}X", "decade", D(y0, 1, 1), D(y0 + 10, 1, 1))


def _century(p: Parsed, anchor: D | None) -> Resolved:
    if p.century is not None:
        c = p.century - 1
        if p.era == "BC":
            return Resolved(f"BC{p.century - 1:02d}", "century")
    else:
        if anchor is None:
            return Resolved("XX", "century", anchored=True)
        c = anchor.year // 100 + (p.rel or 0)
    if c < 0:
        raise Unresolvable("century before year 1")
    return Resolved(
        f"{c:02d}",
        "century",
        D(max(c * 100, 1), 1, 1),
        D(c * 100 + 100, 1, 1),
        anchored=p.century is None,
    )


def _season_of(d: dt.date) -> tuple[int, str]:
    """(year, season) containing a date; winter belongs to the year it starts in."""
    m = d.month
    if m in (12,):
        return d.year, "WI"
    if m in (1, 2):
        return d.year - 1, "WI"
    for code, start in (("SP", 3), ("SU", 6), ("FA", 9)):
        if start <= m < start + 3:
            return d.year, code
    raise AssertionError(m)


def _season_iv(y: int, s: str) -> tuple[D, D]:
    start = D(y, SEASON_START[s], 1)
    y2, m2 = add_months(y, SEASON_START[s], 3)
    return start, D(y2, m2, 1)


def _season(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    s = p.season or "SU"
    order = ["SP", "SU", "FA", "WI"]
    if p.year is not None:
        y = p.year
    else:
        if anchor is None:
            return Resolved(f"XXXX-{s}", "season", anchored=True)
        cy, cs = _season_of(anchor.date())
        if p.year_rel is not None:
            y = anchor.year + p.year_rel
        else:
            here = cy * 4 + order.index(cs)
            target_in_year = cy * 4 + order.index(s)
            rel = p.rel
            if rel == 0:
                y = cy if target_in_year >= here - 3 else cy + 1
                y = cy if order.index(s) >= 0 else y
                idx = target_in_year
                if idx < here - 3:
                    idx += 4
                y = idx // 4
                if s == cs:
                    y = cy
            elif rel == -1 or (rel is None and direction == "past"):
                idx = target_in_year
                while idx >= here:
                    idx -= 4
                y = idx // 4
            else:
                idx = target_in_year
                while idx <= here:
                    idx += 4
                y = idx // 4
    st, en = _season_iv(y, s)
    return Resolved(f"{y:04d}-{s}", "season", st, en, anchored=p.year is None)


def _year_from_ref(p: Parsed, anchor: D | None) -> int | None:
    if p.year is not None:
        return p.year
    if anchor is None:
        return None
    return anchor.year + (p.year_rel or 0)


def _part(p: Parsed, anchor: D | None) -> Resolved:
    y = _year_from_ref(p, anchor)
    code = "Q" if p.kind == "quarter" else "H"
    n = p.part or 1
    if y is None:
        return Resolved(f"XXXX-{code}{n}", p.kind, anchored=True)
    months = 3 if code == "Q" else 6
    sm = (n - 1) * months + 1
    s = D(y, sm, 1)
    y2, m2 = add_months(y, sm, months)
    return Resolved(f"{y:04d}-{code}{n}", p.kind, s, D(y2, m2, 1), anchored=p.year is None)


def _weekend(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    if anchor is None:
        return Resolved("XXXX-WXX-WE", "week", anchored=True)
    a = anchor.date()
    rel = p.rel
    if rel is None:
        rel = 0 if a.isoweekday() >= 6 else -1 if direction == "past" else 0
    ref = a + dt.timedelta(days=7 * rel)
    s, _ = week_iv(ref)
    st = s + 5 * DAY
    return Resolved(f"{week_value(ref)}-WE", "week", st, st + 2 * DAY, anchored=True)


def _holiday(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    if p.calendar == "hijri":
        if p.day is None:
            return _hmonth(p, anchor, direction)
        q = Parsed(
            "date",
            p.start,
            p.end,
            month=p.month,
            day=p.day,
            calendar="hijri",
            rel=p.rel,
            year=p.year,
        )
        return _hijri_date(q, anchor, direction)
    q = Parsed("date", p.start, p.end, month=p.month, day=p.day, year=p.year)
    if p.rel is not None and p.year is None and anchor is not None:
        direction = "past" if p.rel < 0 else "future"
        a = anchor.date()
        y = a.year
        m, d = p.month or 1, p.day or 1
        if p.rel < 0:
            while dt.date(y, m, d) >= a:
                y -= 1
        elif p.rel > 0:
            while dt.date(y, m, d) <= a:
                y += 1
        q = Parsed("date", p.start, p.end, month=m, day=d, year=y)
    return _date(q, anchor, direction)


def _hijri_date(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    m, d = p.month or 1, p.day or 1
    if p.year is not None:
        g = hijri_to_date(p.year, m, d)
        return _day_result(g, p, False)
    if anchor is None:
        return Resolved("XXXX-XX-XX", "day", anchored=True)
    ay, _, _ = date_to_hijri(anchor.date())
    a = anchor.date()
    candidates = [hijri_to_date(y, m, min(d, 30)) for y in (ay - 1, ay, ay + 1)]
    if direction == "future" or (p.rel is not None and p.rel > 0):
        pick = min((c for c in candidates if c >= a), default=candidates[-1])
        if p.rel is not None and p.rel > 0:
            pick = min((c for c in candidates if c > a), default=candidates[-1])
    else:
        strict = p.rel is not None and p.rel < 0
        pick = max((c for c in candidates if (c < a if strict else c <= a)), default=candidates[0])
    return _day_result(pick, p, True)


def _hmonth(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    m = p.month or 1
    if p.year is not None:
        s, e = hijri_month_iv(p.year, m)
        return Resolved(span_value(s, e), "month", s, e)
    if anchor is None:
        return Resolved("XXXX-XX", "month", anchored=True)
    ay, _am, _ = date_to_hijri(anchor.date())
    ivs = [(y, *hijri_month_iv(y, m)) for y in (ay - 1, ay, ay + 1)]
    a = anchor
    if p.rel is not None and p.rel < 0:
        _y, s, e = max((iv for iv in ivs if iv[2] <= a), key=lambda iv: iv[1])
    elif p.rel is not None and p.rel > 0:
        _y, s, e = min((iv for iv in ivs if iv[1] > a), key=lambda iv: iv[1])
    elif p.rel == 0 or direction == "past":
        _y, s, e = max((iv for iv in ivs if iv[1] <= a), key=lambda iv: iv[1])
    else:
        _y, s, e = min((iv for iv in ivs if iv[2] > a), key=lambda iv: iv[1])
    return Resolved(span_value(s, e), "month", s, e, anchored=True)


def _range(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    assert p.left is not None and p.right is not None
    right = resolve(p.right, anchor, direction)
    left_p = p.left
    # a left end without a year takes the right end's (the year before when its month is later:
    # "من نوفمبر إلى فبراير 2013")
    year = p.right.year if p.right.year is not None else (right.start.year if right.start else None)
    if left_p.kind in ("date", "month") and left_p.year is None and year is not None:
        if left_p.month is not None and p.right.month is not None and left_p.month > p.right.month:
            year -= 1
        left_p = Parsed(
            left_p.kind,
            left_p.start,
            left_p.end,
            year=year,
            month=left_p.month,
            day=left_p.day,
            calendar=left_p.calendar,
        )
    left = resolve(left_p, anchor, direction)
    value = f"{left.value}/{right.value}"
    grain = left.grain if left.grain == right.grain else right.grain
    if left.start is not None and right.end is not None and left.start < right.end:
        return Resolved(
            value, grain, left.start, right.end, anchored=left.anchored or right.anchored
        )
    return Resolved(value, grain, anchored=left.anchored or right.anchored)


def _subpart(p: Parsed, anchor: D | None, direction: str) -> Resolved:
    """A part of a month or a year: its k-th day, week k (days 7k-6..7k), its last week (last
    seven days), its first or last N days, weeks or months. The first or last three or six
    months of a year are its quarter or half; other months make a month range."""
    assert p.left is not None
    whole = resolve(p.left, anchor, direction)
    first, count, unit = p.n or 1, p.part or 1, p.unit or "day"
    if whole.start is None or whole.end is None:  # an unplaced unit: its start or its end
        mod = "START" if first > 0 else "END"
        return Resolved(whole.value, whole.grain, type=whole.type, mod=mod, anchored=True)
    s, e = whole.start, whole.end
    if unit == "month":
        months = (e.year - s.year) * 12 + e.month - s.month
        i = first - 1 if first > 0 else months + first
        if not 0 <= i <= months - count:
            raise Unresolvable("no such months")
        y1, m1 = add_months(s.year, s.month, i)
        y2, m2 = add_months(y1, m1, count - 1)
        start, end = D(y1, m1, 1), D(*add_months(y2, m2, 1), 1)
        if count == 1:
            value, grain = f"{y1:04d}-{m1:02d}", "month"
        elif count in (3, 6) and s.month == 1 and (m1 - 1) % count == 0:
            code, grain = ("Q", "quarter") if count == 3 else ("H", "half")
            value = f"{y1:04d}-{code}{(m1 - 1) // count + 1}"
        else:
            value, grain = f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "month"
        return Resolved(value, grain, start, end, anchored=whole.anchored)
    step = 7 * DAY if unit == "week" else DAY
    start = s + (first - 1) * step if first > 0 else e + first * step
    end = min(start + count * step, e)
    if not s <= start < e:
        raise Unresolvable("no such days")
    value = ymd(start) if end - start == DAY else span_value(start, end)
    return Resolved(value, "day", start, end, anchored=whole.anchored)
