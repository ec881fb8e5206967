"""Hypothesis properties of the temporal engine."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import find_times, resolve_time

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]

anchors = st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2090, 12, 31))
words = st.sampled_from(
    [
        "أمس",
        "اليوم",
        "غدا",
        "يوم",
        "الأربعاء",
        "الماضي",
        "المقبل",
        "مايو",
        "أيار",
        "2025",
        "قبل",
        "بعد",
        "منذ",
        "حتى",
        "ثلاثة",
        "أيام",
        "أسابيع",
        "الساعة",
        "صباحا",
        "منتصف",
        "أوائل",
        "الستينيات",
        "القرن",
        "العشرين",
        "من",
        "إلى",
        "و",
        "15",
        "/",
        "-",
        ":",
        "،",
        "رمضان",
        "1445",
        "هـ",
        "عام",
        "سنة",
        "مليون",
        "دولار",
        "قال",
        "سوف",
        "الوزير",
        "ق.م",
        "الربع",
        "الأول",
        "صيف",
        "نهاية",
        "الأسبوع",
        "مؤخرا",
        "8:14",
        "12",
        "الا",
        "ربع",
    ]
)
sentences = st.lists(words, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), anchor=st.one_of(st.none(), anchors))
def test_never_raises_on_any_text(text: str, anchor: dt.datetime | None) -> None:
    for t in find_times(text, anchor):
        assert text[t.span[0] : t.span[1]] == t.text


@settings(max_examples=400, deadline=None)
@given(
    text=sentences, anchor=st.one_of(st.none(), anchors), prefer=st.sampled_from(["past", "future"])
)
def test_offsets_slice_back_and_intervals_are_ordered(
    text: str, anchor: dt.datetime | None, prefer: str
) -> None:
    for t in find_times(text, anchor, prefer=prefer):
        assert text[t.span[0] : t.span[1]] == t.text
        assert t.text.strip() == t.text
        if t.interval is not None:
            assert t.interval.start < t.interval.end


@settings(max_examples=200, deadline=None)
@given(text=sentences, anchor=anchors)
def test_diacritics_and_tatweel_do_not_change_values(text: str, anchor: dt.datetime) -> None:
    decorated = text.replace("ا", "اَ").replace("م", "مـ")
    plain = [(t.value, t.grain) for t in find_times(text, anchor)]
    fancy = [(t.value, t.grain) for t in find_times(decorated, anchor)]
    assert plain == fancy


@given(anchor=anchors, n=st.integers(min_value=3, max_value=10))
def test_days_ago_then_days_later_round_trips(anchor: dt.datetime, n: int) -> None:
    back = resolve_time(f"قبل {n} أيام", anchor)
    assert back is not None and back.interval is not None
    again = resolve_time(f"بعد {n} أيام", back.interval.start)
    assert again is not None and again.interval is not None
    assert again.interval.start.date() == anchor.date()


@given(anchor=anchors, n=st.integers(min_value=1, max_value=400))
def test_days_ago_is_n_days_before(anchor: dt.datetime, n: int) -> None:
    t = resolve_time(f"منذ {n} يوما", anchor)
    assert t is not None and t.interval is not None
    assert (anchor.date() - t.interval.start.date()).days == n


@given(
    anchor=anchors,
    day=st.sampled_from(["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]),
)
def test_weekday_past_is_within_the_week_before(anchor: dt.datetime, day: str) -> None:
    t = resolve_time(f"يوم {day}", anchor, prefer="past")
    assert t is not None and t.interval is not None
    delta = (anchor.date() - t.interval.start.date()).days
    assert 0 <= delta < 7


@given(
    anchor=anchors,
    day=st.sampled_from(["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]),
)
def test_weekday_future_is_within_the_week_after(anchor: dt.datetime, day: str) -> None:
    t = resolve_time(f"يوم {day}", anchor, prefer="future")
    assert t is not None and t.interval is not None
    delta = (t.interval.start.date() - anchor.date()).days
    assert 0 < delta <= 7


@given(
    d=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    anchor=st.one_of(st.none(), anchors),
    fmt=st.sampled_from(
        ["{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}", "{d} {month} {y}", "{month} {d}, {y}"]
    ),
    digits=st.sampled_from([ARABIC_INDIC, PERSIAN]),
)
def test_eastern_digits_give_the_same_result(
    d: dt.date, anchor: dt.datetime | None, fmt: str, digits: dict[int, str]
) -> None:
    text = fmt.format(d=d.day, m=d.month, y=d.year, month=MONTHS[d.month - 1])
    latin = resolve_time(text, anchor)
    eastern = resolve_time(text.translate(digits), anchor)
    assert latin is not None and eastern is not None
    assert latin.value == eastern.value == d.isoformat()
    assert latin.span == eastern.span


@given(y=st.integers(min_value=1000, max_value=2200), m=st.integers(min_value=1, max_value=12))
def test_month_year_interval_is_the_month(y: int, m: int) -> None:
    t = resolve_time(f"في {MONTHS[m - 1]} {y}")
    assert t is not None and t.interval is not None
    assert t.value == f"{y:04d}-{m:02d}"
    assert t.interval.start == dt.datetime(y, m, 1)


def test_absolute_dates_resolve_without_anchor() -> None:
    t = resolve_time("مايو/أيار 2025")
    assert t is not None and t.value == "2025-05" and not t.anchored


def test_unplaceable_expressions_stay_honest() -> None:
    assert resolve_time("في مايو الماضي").value == "XXXX-05"  # type: ignore[union-attr]
    assert resolve_time("حتى يوم الخميس").value == "XXXX-WXX-4"  # type: ignore[union-attr]
    t = resolve_time("مؤخرا")
    assert t is not None and t.value == "PAST_REF" and t.interval is None


def test_direction_is_recorded_for_later_placement() -> None:
    t = resolve_time("ومن المقرر أن تبقى المدمرة حتى يوم الخميس")
    assert t is not None and t.direction == "future" and t.anchored
    placed = resolve_time(t.text, "2025-10-28", prefer=t.direction)
    assert placed is not None and placed.value == "2025-10-30"


SAME = st.sampled_from(
    [("اليوم نفسه", 10), ("اليوم ذاته", 10), ("الشهر نفسه", 7), ("العام ذاته", 4), ("نفس العام", 4)]
)


@settings(deadline=None)
@given(day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)), same=SAME)
def test_the_same_day_month_or_year_is_the_date_named_before(
    day: dt.date, same: tuple[str, int]
) -> None:
    phrase, width = same
    text = f"وصل الوفد في {day.day} {MONTHS[day.month - 1]} {day.year}، وفي {phrase} عقد اجتماعاً"
    found = find_times(text, "2026-01-21")
    assert [t.value for t in found] == [day.isoformat(), day.isoformat()[:width]]
    assert found[1].interval is not None and found[1].interval.start.date() <= day


@settings(deadline=None)
@given(day=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 30)))
def test_the_next_day_is_the_day_after_the_date_named_before(day: dt.date) -> None:
    text = f"وصل الوفد في {day.day} {MONTHS[day.month - 1]} {day.year}، وفي اليوم التالي غادر"
    found = find_times(text, "2026-01-21")
    assert [t.value for t in found] == [day.isoformat(), (day + dt.timedelta(days=1)).isoformat()]
