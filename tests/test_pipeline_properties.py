"""The whole pipeline on arbitrary input: library errors only, spans always valid."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline import TimelineError

SAMPLE = (
    "أعلن وزير الخارجية الروسي سيرغي لافروف أمس زار موسكو الرئيس الفنزويلي مادورو في مايو "
    "الماضي 2025 وقّع اتفاقية شراكة قصف الجيش غزة تظاهر الآلاف يوم الأربعاء لم قد ، . منذ "
    "أوائل الستينيات اتهمت واشنطن كراكاس بـ “ ” قتل ثلاثة أشخاص"
)
WORDS = [*SAMPLE.split(" "), "\n"]
texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join),
)
published = st.one_of(
    st.none(), st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 1, 1))
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, when=published)
def test_extract_never_crashes_and_spans_slice_back(text: str, when: dt.datetime | None) -> None:
    try:
        x = timeline.extract(text, published=when)
    except TimelineError:
        return
    source = x.article.text
    for t in x.times:
        assert source[t.span[0] : t.span[1]] == t.text
    for m in x.actor_mentions:
        assert source[m.span[0] : m.span[1]] == m.text
    for e in x.events:
        for mention in e.mentions:
            a, b = mention.span
            assert 0 <= a < b <= len(source)
            assert source[a:b] == mention.evidence
    tl = timeline.merge([x])
    keys = {(m.article, m.span, e.type) for e in x.events for m in e.mentions}
    merged = {(m.article, m.span, m.type) for e in tl.events for m in e.mentions}
    assert merged == keys  # every report kept (identical ones once)
