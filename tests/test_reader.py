"""read_article: titles, printed dates, boilerplate, offsets, bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline import (
    BadDateError,
    BadInputError,
    EmptyInputError,
    EncodingError,
    TimelineError,
    read_article,
)
from timeline.reader import iter_sources, visible_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD = json.loads((SEEDS / "seeds.gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold", GOLD["articles"], ids=lambda g: g["file"])
def test_seed_titles_and_dates_match_gold(gold: dict) -> None:
    article = read_article(SEEDS / gold["file"])
    assert article.id == gold["file"]
    assert article.title == gold["title"]
    expected = gold["published"]
    if expected is None:
        assert article.published is None
    else:
        assert article.published == dt.datetime.fromisoformat(expected)
        assert article.published_text == gold["published_text"]
        a, b = article.published_span  # type: ignore[misc]
        assert article.text[a:b] == gold["published_text"]
    if article.title_span is not None:
        a, b = article.title_span
        assert article.text[a:b] == article.title


def test_boilerplate_is_dropped_but_offsets_kept() -> None:
    article = read_article(SEEDS / "000_62b3d14e81318b01.txt")
    body = article.body
    assert "اترك تعليقاً" not in body
    assert "Your email address" not in body
    assert "7 mins read" not in body
    assert "كولوكولتسيف" in body
    for a, b in article.segments + article.boilerplate:
        assert 0 <= a < b <= len(article.text)
        assert article.text[a:b].strip() == article.text[a:b]


def test_related_articles_and_source_link_are_boilerplate() -> None:
    article = read_article(SEEDS / "002_2a1375cafe2bf826.txt")
    assert "Source link" not in article.body
    assert "المزيد عن هذا الموضوع" not in article.body


def test_explicit_published_wins() -> None:
    article = read_article(SEEDS / "000_62b3d14e81318b01.txt", published="2026-02-01")
    assert article.published == dt.datetime(2026, 2, 1)
    assert article.published_text == "يناير 21, 2026"


def test_text_and_bytes_sources() -> None:
    text = (
        "اخر الاخبار\n\nبوتين يستقبل مادورو في موسكو\n\n27 يناير 2022 8:14 صباحًا\n\nوصل الرئيس أمس."
    )
    a = read_article(text, article_id="x1", source_name="RT", url="https://example.org/a")
    b = read_article(
        text.encode("utf-8"), article_id="x1", source_name="RT", url="https://example.org/a"
    )
    assert a == b
    assert a.title == "بوتين يستقبل مادورو في موسكو"
    assert a.published == dt.datetime(2022, 1, 27, 8, 14)
    assert a.published_precision == "minute"
    assert a.source == "RT"
    assert read_article(text).id.startswith("text-")


def test_outlet_suffix_is_removed_from_title() -> None:
    a = read_article(
        "محادثات روسية أمريكية في جنيف حول الأمن الأوروبي | الجزيرة نت\n\nنص الخبر هنا."
    )
    assert a.title == "محادثات روسية أمريكية في جنيف حول الأمن الأوروبي"
    b = read_article("روسيا تعمق التعاون العسكري مع كوبا – RT EN\n\nنص الخبر هنا.")
    assert b.title == "روسيا تعمق التعاون العسكري مع كوبا"


def test_html_article() -> None:
    html = """<!doctype html><html><head><title>Site</title>
    <meta property="og:title" content="زيارة وزير الخارجية إلى القاهرة">
    <meta property="article:published_time" content="2025-03-02T10:00:00+02:00"></head>
    <body><nav>الرئيسية | أخبار</nav><h1>زيارة وزير الخارجية إلى القاهرة</h1>
    <p>وصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة أمس في زيارة رسمية.</p>
    <script>var x = 1;</script><footer>جميع الحقوق محفوظة</footer></body></html>"""
    a = read_article(html)
    assert a.format == "html"
    assert a.title == "زيارة وزير الخارجية إلى القاهرة"
    assert a.published == dt.datetime(2025, 3, 2, 10, 0)
    assert "var x" not in a.text
    assert "لافروف" in a.body


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("", EmptyInputError),
        ("   \n\t ", EmptyInputError),
        (b"", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", BadInputError),
        ("نص".encode("cp1256"), EncodingError),
        (b"\xff\xfe\x00\xd8", EncodingError),
    ],
)
def test_bad_input_raises_library_errors(source: str | bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        read_article(source)
    assert isinstance(info.value, TimelineError)
    assert str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(BadInputError, match="no such file"):
        read_article("missing-article.txt")
    with pytest.raises(BadInputError, match="folder"):
        read_article(tmp_path)


@pytest.mark.parametrize("bad", ["21/13/2026", "yesterday", "2026-02-30", "٢٠٢٦"])
def test_bad_published_date(bad: str) -> None:
    with pytest.raises(BadDateError, match="published"):
        read_article("وصل الرئيس إلى موسكو أمس في زيارة رسمية.", published=bad)


def test_iter_sources_reports_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("وصل الرئيس إلى موسكو أمس في زيارة رسمية.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes("نص عربي".encode("cp1256"))
    records = [
        {"id": "r1", "text": "التقى الوزير نظيره أمس.", "published": "2025-01-02"},
        {"id": "r2", "text": "نص", "published": "not a date"},
        "not json",
    ]
    (tmp_path / "d.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records),
        encoding="utf-8",
    )
    errors: list[str] = []
    articles = list(iter_sources([tmp_path], on_error=lambda where, exc: errors.append(where)))
    assert sorted(a.id for a in articles) == ["a.txt", "r1"]
    assert len(errors) == 4
    assert any(e.endswith("d.jsonl:2") for e in errors)
    assert any(e.endswith("d.jsonl:3") for e in errors)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(
        st.one_of(
            st.text(min_size=0, max_size=80),
            st.sampled_from(
                [
                    "اخر الاخبار",
                    "يناير 21, 2026",
                    "اترك تعليقاً",
                    "Source link",
                    "وصل الرئيس أمس.",
                    "",
                ]
            ),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_spans_always_point_into_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        a = read_article(text)
    except EmptyInputError:
        assert not text.strip()
        return
    except BadInputError:
        return
    if a.format == "text":  # HTML input is reduced to its text, and spans point there
        assert a.text == text
    for x, y in (*a.segments, *a.boilerplate):
        assert 0 <= x < y <= len(a.text)
    if a.title_span is not None:
        assert a.text[a.title_span[0] : a.title_span[1]] == a.title
    if a.published_span is not None:
        assert a.text[a.published_span[0] : a.published_span[1]] == a.published_text
    v = visible_text(a)  # same length, the article's parts verbatim, the rest blank
    assert len(v) == len(a.text)
    for x, y in (*a.segments, a.title_span or (0, 0), a.published_span or (0, 0)):
        assert v[x:y] == a.text[x:y]
    assert all(c in (o, " ") or o == "\n" == c for c, o in zip(v, a.text, strict=True))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "الرئيسية / أخبار / سياسة\nمصر والسعودية توقعان اتفاقية للربط الكهربائي\nوقعت مصر والسعودية اتفاقية.",
            "مصر والسعودية توقعان اتفاقية للربط الكهربائي",
        ),
        (
            "عاجل | غارات إسرائيلية على جنوب لبنان\nبيروت (رويترز) - شنت طائرات إسرائيلية غارات.",
            "غارات إسرائيلية على جنوب لبنان",
        ),
        (
            "فيديو: تظاهرات حاشدة في الخرطوم ضد الحرب\nخرج الآلاف في مسيرات.",
            "تظاهرات حاشدة في الخرطوم ضد الحرب",
        ),
    ],
)
def test_breadcrumbs_and_title_labels(text: str, title: str) -> None:
    a = read_article(text)
    assert a.title == title
    assert a.title_span is not None and text[a.title_span[0] : a.title_span[1]] == title


def test_dated_byline_lines() -> None:
    a = read_article(
        "مصر والسعودية توقعان اتفاقية للربط الكهربائي\n"
        "نشر في: الثلاثاء، 21 يناير 2026 - 10:30 ص\n"
        "وقعت مصر والسعودية اليوم الثلاثاء اتفاقية للربط الكهربائي."
    )
    assert a.published == dt.datetime(2026, 1, 21, 10, 30)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("نُشر في 12/3/2025", "2025-03-12T00:00:00"),
        ("نشر بتاريخ 12-03-2025", "2025-03-12T00:00:00"),
        ("تاريخ النشر: 2025-03-12", "2025-03-12T00:00:00"),
        ("آخر تحديث: 12/3/2025 09:41 (توقيت مكة)", "2025-03-12T09:41:00"),
        ("12/3/2025", "2025-03-12T00:00:00"),
        ("الأربعاء 12 مارس 2025", "2025-03-12T00:00:00"),
        ("نُشر: 18:05-10 مارس 2025 م ـ 10 رَمضان 1446 هـ", "2025-03-10T18:05:00"),
        ("الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م | العدد 18421", "2025-03-12T00:00:00"),
        ("السبت 15 مارس، 2025 - 14:20", "2025-03-15T14:20:00"),
    ],
)
def test_labelled_and_numeric_date_lines(line: str, published: str) -> None:
    a = read_article("عنوان الخبر المنشور هنا\n" + line + "\nقال الوزير إن المحادثات ستستمر.\n")
    assert a.published is not None and a.published.isoformat() == published


@pytest.mark.parametrize("line", ["في 2025", "نشر في العدد 12", "قال الوزير إن المحادثات ستستمر"])
def test_lines_that_are_no_date_line(line: str) -> None:
    assert read_article("عنوان الخبر المنشور هنا\n" + line + "\nنص الخبر هنا.\n").published is None


def test_masthead_trail_and_second_date_line_are_boilerplate() -> None:
    text = (
        "الجزيرة نت\nالرئيسية أخبار سياسة\nقصف يستهدف مخيم جباليا شمالي غزة\n"
        "نُشر في 12/3/2025\nآخر تحديث: 13/3/2025 09:41\nقال الدفاع المدني إن القصف استمر.\n"
    )
    a = read_article(text)
    assert a.title == "قصف يستهدف مخيم جباليا شمالي غزة"
    assert a.published is not None and a.published.date() == dt.date(2025, 3, 12)
    assert [a.text[s:e] for s, e in a.segments] == ["قال الدفاع المدني إن القصف استمر."]


def test_boilerplate_is_not_read() -> None:
    """Comments after the article name actors and dates that must not reach the timeline."""
    article = "زيارة الوزير\nوصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة أمس.\n"
    comments = "اترك تعليقاً\nزار ترامب بكين في 5 مايو 2019 وقصفت إسرائيل غزة.\n"
    a = read_article(article + comments, published="2025-03-10")
    assert visible_text(a).endswith(" " * 10 + "\n")
    x = timeline.extract(a)
    assert [t.value for t in x.times] == ["2025-03-09"]
    assert {m.name for m in x.actor_mentions} == {"Sergey Lavrov", "Egypt"}


@pytest.mark.parametrize(
    "masthead",
    [
        "الأطلس بريس | مجتمع",  # a site and its section, with a separator
        "قناة الأرز - الموقع الرسمي\nالرئيسية / لبنان / سياسة",  # and a breadcrumb
        "وكالة أنباء دجلة",  # an outlet's name
        "بوابة المحروسة\nأخبار عربية وعالمية",  # a section label
    ],
)
def test_a_masthead_before_the_headline_is_no_title(masthead: str) -> None:
    headline = "الأمن يفرق وقفة للممرضين أمام البرلمان والتنسيق النقابي يعلن إضرابا وطنيا"
    body = "فرقت القوات العمومية مساء أمس وقفة احتجاجية نظمها مئات الممرضين أمام البرلمان."
    a = read_article(f"{masthead}\n\n{headline}\n\n{body}")
    assert a.title == headline
    assert a.text[slice(*a.segments[0])] == body


def test_a_short_headline_before_a_lede_stays_the_title() -> None:
    a = read_article(
        "روسيا تؤكد دعم فنزويلا\n\nأكد الكرملين اليوم أن روسيا ستواصل دعم فنزويلا في مواجهة "
        "الضغوط الخارجية المتزايدة، وفق ما نقلته وكالات الأنباء الرسمية عن المتحدث باسمه."
    )
    assert a.title == "روسيا تؤكد دعم فنزويلا"


def test_a_first_line_that_ends_with_a_full_stop_is_the_lede_not_a_title() -> None:
    text = "التقى وزير الخارجية المصري نظيره التركي أمس.\n\nوعقب المباحثات، وقّع الجانبان اتفاقية."
    a = read_article(text)
    assert a.title is None
    assert text[slice(*a.segments[0])].startswith("التقى")


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("الأحد 9 نوفمبر 2025 م - الموافق 18 جمادى الأولى 1447 هـ | الساعة 21:30", "2025-11-09"),
        ("الجمعة 14 نوفمبر تشرين الثاني 2025 10:12 بتوقيت جرينتش", "2025-11-14T10:12"),
    ],
)
def test_long_date_lines_and_month_name_pairs_are_read(line: str, when: str) -> None:
    a = read_article(f"عنوان الخبر المنشور هنا\n{line}\nقال الوزير إنه سيعود إلى البلاد قريبا.")
    assert a.published is not None and a.published.isoformat().startswith(when)


PARAGRAPH = (
    "تظاهر آلاف الطلاب في شوارع العاصمة مساء السبت احتجاجاً على ارتفاع الأسعار، ورفعوا "
    "لافتات تطالب الحكومة بمراجعة قراراتها الأخيرة وفتح حوار جاد مع النقابات والأحزاب "
    "والمنظمات الطلابية قبل نهاية الشهر الجاري."
)


def test_long_lines_of_running_text_and_long_furniture() -> None:
    """A paragraph is body (printed twice in a row, it is kept once); a long line that opens
    with a cut phrase and a separator still ends the article."""
    comments = "التعليقات: " + PARAGRAPH
    text = f"عنوان الخبر عن احتجاجات الطلاب\n{PARAGRAPH}\n{PARAGRAPH}\n{comments}\n{PARAGRAPH} 2"
    article = read_article(text)
    assert [text[a:b] for a, b in article.segments] == [PARAGRAPH]
    assert article.title == "عنوان الخبر عن احتجاجات الطلاب"
    assert len(article.boilerplate) == 3


@pytest.mark.parametrize(
    ("line", "published", "precision"),
    [
        ("بتاريخ 02-07-2025", "2025-07-02T00:00:00", "day"),
        ("الخميس 03 يوليو 2025 | 08:15 ص", "2025-07-03T08:15:00", "minute"),
        ("الجمعة 11 يوليو 2025 | 11:05 م", "2025-07-11T23:05:00", "minute"),
    ],
)
def test_date_line_labels_and_a_clock_beside_the_day(
    line: str, published: str, precision: str
) -> None:
    body = "قال الوزير إن الحكومة ستعقد اجتماعا موسعا مع النقابات الأسبوع المقبل لبحث المطالب."
    article = read_article(f"عنوان الخبر الرئيسي اليوم هنا\n{line}\n{body}")
    assert article.published is not None
    assert article.published.isoformat() == published
    assert article.published_precision == precision


def test_a_most_read_list_ends_the_article() -> None:
    text = (
        "وزير يفتتح مشروعاً جديداً\n\nافتتح وزير النقل أمس مشروع الطريق السريع.\n\n"
        "الأكثر قراءة\nمنذ ساعتين: ارتفاع أسعار المحروقات\nمنذ 5 ساعات: الامتحانات في موعدها\n"
    )
    x = timeline.extract(text, published="2025-06-03")
    assert [t.text for t in x.times] == ["أمس"]


def test_headlines_linked_after_read_also_are_boilerplate() -> None:
    text = (
        "وزير يفتتح مشروعاً جديداً\n\nافتتح وزير النقل أمس مشروع الطريق السريع.\n\n"
        "اقرأ أيضاً:\nالجيش يعلن إسقاط طائرة مسيرة فوق المدينة\n"
        "الحكومة تقر زيادة الأجور اعتباراً من يناير\n\nوأكد الوزير أن المشروع سينتهي العام المقبل.\n"
    )
    a = timeline.read_article(text, published="2025-06-03")
    body = " ".join(a.text[s:e] for s, e in a.segments)
    assert "إسقاط طائرة" not in body and "زيادة الأجور" not in body
    assert "سينتهي العام المقبل" in body


@pytest.mark.parametrize(
    ("text", "first_words", "published"),
    [
        ("الدوحة في 12 مارس 2025 /قنا/ أجرى أمير قطر اتصالاً هاتفياً.", "أجرى", "2025-03-12"),
        ("بيروت (رويترز) - قال مسؤول لبناني إن الجيش انتشر في الجنوب.", "قال", None),
        ("الكويت - 8 - 10 (كونا) -- بحث ولي العهد مع وزير الخارجية.", "بحث", None),
    ],
)
def test_an_agency_dateline_is_no_part_of_the_story(
    text: str, first_words: str, published: str | None
) -> None:
    a = timeline.read_article(text)
    s, e = a.segments[0]
    assert a.text[s:e].startswith(first_words)
    assert (a.published.date().isoformat() if a.published else None) == published


def test_a_parenthesis_in_a_sentence_is_no_dateline() -> None:
    a = timeline.read_article("قال الرئيس (في كلمة متلفزة) إن الحكومة ستستقيل.")
    s, _ = a.segments[0]
    assert a.text[s:].startswith("قال الرئيس")
