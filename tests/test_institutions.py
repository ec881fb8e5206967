"""Tests for timeline.institutions: institutions found by their shape, through find_actors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.actors import find_actors
from timeline.institutions import find_institutions
from timeline.text import normalise_key


def institutions(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.name, m.country) for m in find_actors(text) if m.via == "institution"]


@pytest.mark.parametrize(
    ("text", "words", "name", "country"),
    [
        # ministries: an English name from the portfolio, the country from the demonym
        (
            "أعلنت وزارة الداخلية المغربية توقيف ثلاثة أشخاص",
            "وزارة الداخلية المغربية",
            "Ministry of Interior (Morocco)",
            "Morocco",
        ),
        (
            "وقالت وزارة التعليم العالي والبحث العلمي التونسية إن الامتحانات ستجري في موعدها",
            "وزارة التعليم العالي والبحث العلمي التونسية",
            "Ministry of Higher Education and Scientific Research (Tunisia)",
            "Tunisia",
        ),
        (
            "ونفت وزارة الشباب والرياضة الأردنية إلغاء البطولة",
            "وزارة الشباب والرياضة الأردنية",
            "Ministry of Youth and Sports (Jordan)",
            "Jordan",
        ),
        # a country's government or parliament named by a demonym
        ("رحبت الحكومة العراقية بالقرار", "الحكومة العراقية", "Government of Iraq", "Iraq"),
        ("صوت البرلمان التركي على القانون", "البرلمان التركي", "Parliament of Turkey", "Turkey"),
        # other institutions keep their Arabic name
        (
            "ندد الاتحاد العام الموريتاني للشغل بالقرار",
            "الاتحاد العام الموريتاني للشغل",
            "الاتحاد العام الموريتاني للشغل",
            "Mauritania",
        ),
        (
            "دعت نقابة عمال التربية والتكوين إلى إضراب مفتوح",
            "نقابة عمال التربية والتكوين",
            "نقابة عمال التربية والتكوين",
            None,
        ),
        (
            "نشرت اللجنة الوطنية المستقلة لتقصي الحقائق تقريرها",
            "اللجنة الوطنية المستقلة لتقصي الحقائق",
            "اللجنة الوطنية المستقلة لتقصي الحقائق",
            None,
        ),
        (
            "وأعلنت فصائل العمل الوطني والإسلامي الإضراب الشامل",
            "فصائل العمل الوطني والإسلامي",
            "فصائل العمل الوطني والإسلامي",
            None,
        ),
        (
            "أصدر مصرف الصومال المركزي تعميماً",
            "مصرف الصومال المركزي",
            "مصرف الصومال المركزي",
            "Somalia",
        ),
        ("هاجم مسلحون حاجزاً لقوى الأمن الداخلي", "قوى الأمن الداخلي", "قوى الأمن الداخلي", None),
    ],
)
def test_institutions_by_their_shape(text: str, words: str, name: str, country: str | None) -> None:
    assert institutions(text) == [(words, name, country)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a demonym ends the name of an indefinite head; what follows is no part of it
        ("ستعرض المذكرة على مجلس النواب الموريتاني للتشاور بشأنها", "مجلس النواب الموريتاني"),
        # the object after a name is no part of it
        ("أعلنت نقابة الصحفيين الإضراب عن العمل", "نقابة الصحفيين"),
        # people coordinated with a genitive, or an adjective of another shape
        ("اقتحمت قوات الشرطة والمستوطنين القرية", "قوات الشرطة"),
        ("انتشرت القوات الأمنية والمدنيين في الشوارع", "القوات الأمنية"),
    ],
)
def test_where_a_name_ends(text: str, words: str) -> None:
    assert [t for t, _, _ in institutions(text)] == [words]


@pytest.mark.parametrize(
    "text",
    [
        "وصل الوفد إلى مركز المدينة مساء أمس",  # a place, no institution
        "التقى الوزير برئاسة الرئيس وفد الحزب",  # برئاسة: chaired by
        "أكدت القوات الأمريكية انسحابها",  # a demonym only: the country itself
        "قالت الحكومة الانتقالية إنها ستجري الانتخابات",  # a description, no name
        "اجتمع قادة قوات الطرفين في المدينة",  # both parties
        "تحدث عن التحالف العسكري بين البلدين",  # an alliance is no institution
        "توجه الناخبون إلى صناديق الاقتراع",
        "قال إن القوى الكبرى تتحمل المسؤولية",  # the great powers: a description
    ],
)
def test_no_institution(text: str) -> None:
    assert institutions(text) == []


def test_a_bare_definite_head_refers_back_and_the_article_gives_the_country() -> None:
    text = (
        "أكد وزير التربية الجزائري أن الامتحانات في موعدها. وقالت وزارة التربية الوطنية في بيان "
        "إن الجزائر ستوظف أساتذة جدداً في الجزائر العاصمة. وأضافت الوزارة أن الحوار مفتوح."
    )
    ms = [m for m in find_actors(text) if m.name.startswith("Ministry")]
    assert [(m.text, m.via) for m in ms] == [
        ("وزارة التربية الوطنية", "institution"),
        ("الوزارة", "coreference"),
    ]
    assert {m.name for m in ms} == {"Ministry of National Education (Algeria)"}


def test_a_bare_definite_head_with_nothing_before_is_nothing() -> None:
    assert [m for m in find_actors("وقالت الوزارة إن الحوار مفتوح") if m.kind != "country"] == []


def test_a_named_institution_in_the_gazetteer_wins_over_its_shape() -> None:
    names = {
        m.text: m.name
        for m in find_actors("ندد الاتحاد العام التونسي للشغل بقرار مصرف ليبيا المركزي")
    }
    assert names == {
        "الاتحاد العام التونسي للشغل": "Tunisian General Labour Union",
        "مصرف ليبيا المركزي": "Central Bank of Libya",
    }


def test_a_known_institution_stays_the_gazetteer_entry() -> None:
    ms = find_actors("قالت وزارة الخارجية الروسية إن الزيارة ناجحة")
    assert [(m.name, m.via) for m in ms] == [("Russian Ministry of Foreign Affairs", "gazetteer")]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            normalise_key(
                "وزارة نقابة الاتحاد العام الوطنية التونسي للشغل والرياضة في الوزارة قوات المدينة لتقصي الحقائق "
                "مجلس النواب المركزي والإسلامي"
            ).split()
        ),
        max_size=14,
    )
)
def test_found_institutions_are_ordered_disjoint_spans(words: list[str]) -> None:
    found = find_institutions(words, lambda k: True, {})
    last = 0
    for x in found:
        assert last <= x.i < x.j <= len(words)
        last = x.j


def test_the_authorities_and_the_police_alone_are_the_articles_country() -> None:
    text = (
        "نظم عمال المغرب وقفة في الرباط. وقال الوزير المغربي إن المغرب يدعم الحوار. "
        "وفرقت الشرطة المحتجين بالقوة. واعتقلت السلطات عشرة منهم."
    )
    ms = [m for m in find_actors(text) if m.text in ("الشرطة", "السلطات")]
    assert [(m.text, m.name, m.via) for m in ms] == [
        ("الشرطة", "Morocco", "metonym"),
        ("السلطات", "Morocco", "metonym"),
    ]


def test_the_authorities_with_no_country_of_the_article_are_nothing() -> None:
    assert find_actors("واعتقلت السلطات عشرة محتجين") == []


@pytest.mark.parametrize(
    ("text", "person", "affiliation"),
    [
        # a demonym in the title gives the ministry's country
        (
            "أعلن وزير الزراعة المصري علاء فاروق عن خطة جديدة",
            "علاء فاروق",
            "Ministry of Agriculture (Egypt)",
        ),
        (
            "قالت وزيرة الصحة التونسية سلمى بن يوسف إن الوضع مستقر",
            "سلمى بن يوسف",
            "Ministry of Health (Tunisia)",
        ),
        # a deputy minister speaks for the ministry too
        (
            "وصرح نائب وزير الخارجية الإيراني كاظم غريب آبادي بأن",
            "Kazem Gharibabadi",
            "Iranian Ministry of Foreign Affairs",
        ),
        # a ministry the gazetteer knows keeps its name there
        (
            "قال وزير الخارجية الروسي سيرغي لافروف إن",
            "Sergey Lavrov",
            "Russian Ministry of Foreign Affairs",
        ),
        # a compound name runs on across its title-like half (عبد الأمير)
        (
            "وقال وزير الداخلية العراقي عبد الأمير الكناني إن",
            "عبد الأمير الكناني",
            "Ministry of Interior (Iraq)",
        ),
    ],
)
def test_a_ministers_title_names_the_ministry(text: str, person: str, affiliation: str) -> None:
    people = [(m.name, m.affiliation) for m in find_actors(text) if m.kind == "person"]
    assert people == [(person, affiliation)]


def test_a_minister_with_no_country_takes_the_articles() -> None:
    text = (
        "أكد وزير التربية الوطنية محمد الهادي بن علي أن الامتحانات في موعدها. "
        "وكانت الحكومة الجزائرية قد أعلنت الخطة، وقال الرئيس الجزائري إن الجزائر ماضية فيها."
    )
    people = [(m.name, m.affiliation) for m in find_actors(text) if m.kind == "person"]
    assert ("محمد الهادي بن علي", "Ministry of National Education (Algeria)") in people


def test_no_ministry_without_a_portfolio() -> None:
    for text in ("قال الرئيس الروسي فلاديمير بوتين إن", "قال وزير الدولة سعيد الأحمد إن"):
        assert all(m.affiliation is None for m in find_actors(text))


def test_a_bare_institution_of_the_articles_country_is_the_gazetteer_entry() -> None:
    text = (
        "أعلنت وزارة الخارجية أمس أن الوزير سيرغي لافروف سيزور القاهرة. "
        "وقالت موسكو إن روسيا تدعم الحوار، وأكد الكرملين أن روسيا مستعدة."
    )
    (m,) = [m for m in find_actors(text) if m.text == "وزارة الخارجية"]
    assert m.name == "Russian Ministry of Foreign Affairs"


def test_a_state_body_is_named_in_english() -> None:
    assert institutions("صادق مجلس الشيوخ الموريتاني على القانون") == [
        ("مجلس الشيوخ الموريتاني", "Senate (Mauritania)", "Mauritania")
    ]
    # the gazetteer's own name wins
    names = [m.name for m in find_actors("قرر مجلس الوزراء المصري تمديد العمل بالقرار")]
    assert names == ["Cabinet of Egypt"]


def test_a_bare_definite_head_refers_to_the_last_body_named_with_it() -> None:
    text = "اجتمع وزراء خارجية مجلس التعاون الخليجي في الكويت. وقرر المجلس عقد قمة استثنائية."
    (m,) = [m for m in find_actors(text) if m.text == "المجلس"]
    assert m.name == "Gulf Cooperation Council" and m.via == "coreference"
