"""Cross-source merge: constructed cases, properties (hypothesis) and the seeds."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import BadInputError
from timeline.merge import merge, text_similarity
from timeline.models import (
    Actor,
    Agreement,
    AgreementMention,
    Article,
    Clause,
    Event,
    EventActor,
    EventDate,
    Extraction,
    Mention,
    Milestone,
    Timeline,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


def day(y: int, m: int, d: int, text: str | None = None) -> EventDate:
    start = dt.datetime(y, m, d)
    return EventDate(
        value=start.date().isoformat(),
        grain="day",
        start=start,
        end=start + dt.timedelta(days=1),
        text=text,
    )


def month(y: int, m: int, text: str | None = None) -> EventDate:
    start = dt.datetime(y, m, 1)
    end = dt.datetime(y + 1, 1, 1) if m == 12 else dt.datetime(y, m + 1, 1)
    return EventDate(value=f"{y}-{m:02d}", grain="month", start=start, end=end, text=text)


def event(
    article: str,
    evidence: str,
    span: tuple[int, int],
    type_: str,
    mode: str | None,
    date: EventDate | None,
    actors: list[tuple[str, str]],
    location: str | None = None,
    negated: bool = False,
) -> Event:
    mention = Mention(
        article=article,
        evidence=evidence,
        span=span,
        type=type_,  # type: ignore[arg-type]
        mode=mode,
        date=date,
        date_basis="explicit" if date is not None else "unknown",
        actors=tuple(EventActor(name=n, role=r) for n, r in actors),  # type: ignore[arg-type]
        location=location,
        negated=negated,
    )
    return Event(
        id=f"{article}:{span[0]}",
        type=type_,  # type: ignore[arg-type]
        mode=mode,
        date=date or EventDate(),
        actors=mention.actors,
        location=location,
        negated=negated,
        mentions=(mention,),
    )


ACTORS = (
    Actor(name="Vladimir Putin", kind="person", country="Russia", aliases=("بوتين",)),
    Actor(name="Nicolás Maduro", kind="person", country="Venezuela", aliases=("مادورو",)),
    Actor(name="Russia", kind="country"),
    Actor(name="Venezuela", kind="country"),
    Actor(name="United States", kind="country"),
    Actor(name="Luiz Inácio Lula da Silva", kind="person", country="Brazil"),
)


def extraction(
    article: str,
    events: list[Event],
    published: dt.datetime | None = None,
    agreements: tuple[Agreement, ...] = (),
    actors: tuple[Actor, ...] = ACTORS,
    source: str | None = None,
) -> Extraction:
    return Extraction(
        article=Article(id=article, text="…", published=published, source=source),
        events=tuple(events),
        actors=actors,
        agreements=agreements,
    )


# ---------------------------------------------------------------------------------------------
# Constructed cases
# ---------------------------------------------------------------------------------------------


def test_empty_and_bad_input() -> None:
    assert merge([]) == Timeline()
    with pytest.raises(BadInputError):
        merge(["not an extraction"])  # type: ignore[list-item]


def test_same_visit_two_precisions_becomes_one_entry_dated_2025_05() -> None:
    a = extraction(
        "003",
        [
            event(
                "003",
                "خلال زيارة الأخير لموسكو في مايو الماضي",
                (100, 140),
                "CONSULT",
                "visit",
                EventDate(value="XXXX-05", grain="month", text="مايو الماضي"),
                [("Nicolás Maduro", "agent"), ("Vladimir Putin", "target")],
                "Moscow",
            )
        ],
    )
    b = extraction(
        "004",
        [
            event(
                "004",
                "بعد زيارة الرئيس الفنزويلي نيكولاس مادورو إلى موسكو في مايو 2025",
                (10, 70),
                "CONSULT",
                "visit",
                month(2025, 5, "مايو 2025"),
                [("Nicolás Maduro", "agent"), ("Russia", "target")],
                "Moscow",
            )
        ],
    )
    tl = merge([a, b])
    assert len(tl.events) == 1
    entry = tl.events[0]
    assert entry.date.value == "2025-05"
    assert entry.date.start == dt.datetime(2025, 5, 1)
    assert {m.article for m in entry.mentions} == {"003", "004"}
    assert entry.sources == 2
    assert entry.date_note is not None and "XXXX-05" in entry.date_note
    assert entry.confidence > 0.5
    assert entry.agents == ("Nicolás Maduro",)
    assert [a.id for a in tl.articles] == ["003", "004"]


def test_year_less_month_placed_from_publication() -> None:
    x = extraction(
        "a",
        [
            event(
                "a",
                "زار الوزير القاهرة في مايو الماضي",
                (0, 30),
                "CONSULT",
                "visit",
                EventDate(value="XXXX-05", grain="month"),
                [("Vladimir Putin", "agent")],
                "Cairo",
            )
        ],
        published=dt.datetime(2025, 10, 28),
    )
    (entry,) = merge([x]).events
    assert entry.date.value == "2025-05"
    assert entry.date_basis == "inferred"
    y = x.model_copy(
        update={"article": x.article.model_copy(update={"published": dt.datetime(2025, 3, 2)})}
    )
    (entry,) = merge([y]).events
    assert entry.date.value == "2024-05"


def test_two_tankers_a_month_apart_stay_apart() -> None:
    seize = [("United States", "agent"), ("Venezuela", "target")]
    a = extraction(
        "a",
        [
            event(
                "a",
                "احتجزت الولايات المتحدة ناقلة نفط قبالة سواحل فنزويلا",
                (0, 50),
                "COERCE",
                "seize",
                day(2025, 12, 10),
                seize,
            )
        ],
    )
    b = extraction(
        "b",
        [
            event(
                "b",
                "احتجزت القوات الأمريكية ناقلة ثانية قرب فنزويلا",
                (0, 45),
                "COERCE",
                "seize",
                day(2026, 1, 9),
                seize,
            )
        ],
    )
    tl = merge([a, b])
    assert len(tl.events) == 2
    assert [e.date.value for e in tl.events] == ["2025-12-10", "2026-01-09"]


def test_two_calls_same_day_different_counterparts_stay_apart() -> None:
    a = extraction(
        "a",
        [
            event(
                "a",
                "أجرى بوتين اتصالا هاتفيا بمادورو",
                (0, 30),
                "CONSULT",
                "phone",
                day(2025, 6, 1),
                [("Vladimir Putin", "agent"), ("Nicolás Maduro", "target")],
            ),
            event(
                "a",
                "أجرى بوتين اتصالا هاتفيا بلولا",
                (40, 70),
                "CONSULT",
                "phone",
                day(2025, 6, 1),
                [("Vladimir Putin", "agent"), ("Luiz Inácio Lula da Silva", "target")],
            ),
        ],
    )
    b = extraction(
        "b",
        [
            event(
                "b",
                "بحث بوتين مع مادورو هاتفيا العلاقات",
                (5, 40),
                "CONSULT",
                "phone",
                day(2025, 6, 1),
                [("Vladimir Putin", "agent"), ("Nicolás Maduro", "target")],
            )
        ],
    )
    tl = merge([a, b])
    assert len(tl.events) == 2
    by_target = {e.targets: e for e in tl.events}
    assert len(by_target[("Nicolás Maduro",)].mentions) == 2
    assert len(by_target[("Luiz Inácio Lula da Silva",)].mentions) == 1


def test_wire_copy_counts_as_one_source() -> None:
    text = "أعلنت وزارة الخارجية الروسية أن لافروف سيزور كاراكاس الأسبوع المقبل لبحث التعاون"
    copy = text.replace("أعلنت", "وأعلنت")
    own = "قال مسؤول روسي إن وزير الخارجية سيتوجه إلى العاصمة الفنزويلية"
    actors = [("Russia", "agent"), ("Venezuela", "target")]
    xs = [
        extraction(
            "a",
            [
                event(
                    "a",
                    text,
                    (0, len(text)),
                    "CONSULT",
                    "visit",
                    day(2025, 6, 3),
                    actors,
                    "Caracas",
                )
            ],
            source="RT",
        ),
        extraction(
            "b",
            [
                event(
                    "b",
                    copy,
                    (9, 9 + len(copy)),
                    "CONSULT",
                    "visit",
                    day(2025, 6, 3),
                    actors,
                    "Caracas",
                )
            ],
            source="Sputnik",
        ),
    ]
    (entry,) = merge(xs).events
    assert len(entry.mentions) == 2 and entry.sources == 1
    assert text_similarity(text, copy) >= 0.8
    xs.append(
        extraction(
            "c",
            [
                event(
                    "c", own, (0, len(own)), "CONSULT", "visit", day(2025, 6, 3), actors, "Caracas"
                )
            ],
        )
    )
    (entry,) = merge(xs).events
    assert len(entry.mentions) == 3 and entry.sources == 2


def test_thursday_4th_vs_wednesday_3rd_kept_and_noted() -> None:
    actors = [("Vladimir Putin", "agent"), ("Nicolás Maduro", "target")]
    a = extraction(
        "a",
        [
            event(
                "a",
                "استقبل بوتين مادورو في الكرملين يوم الخميس",
                (0, 40),
                "CONSULT",
                "meet",
                day(2025, 9, 4, "الخميس 4"),
                actors,
                "Moscow",
            )
        ],
    )
    b = extraction(
        "b",
        [
            event(
                "b",
                "التقى الرئيس الروسي نظيره الفنزويلي الأربعاء",
                (0, 40),
                "CONSULT",
                "meet",
                day(2025, 9, 3, "الأربعاء 3"),
                actors,
                "Moscow",
            )
        ],
    )
    (entry,) = merge([a, b]).events
    assert entry.date.start == dt.datetime(2025, 9, 3)
    assert entry.date.end == dt.datetime(2025, 9, 5)
    assert entry.date.grain == "day"
    assert entry.date_note is not None
    assert "disagree" in entry.date_note and "2025-09-03" in entry.date_note
    assert "2025-09-04" in entry.date_note


def test_negated_never_merges_with_affirmed() -> None:
    actors = [("Russia", "agent"), ("Venezuela", "target")]
    a = extraction(
        "a",
        [
            event(
                "a",
                "أرسلت روسيا قوات إلى فنزويلا",
                (0, 20),
                "MOBILIZE",
                "deploy",
                day(2025, 6, 3),
                actors,
            )
        ],
    )
    b = extraction(
        "b",
        [
            event(
                "b",
                "لم ترسل روسيا قوات إلى فنزويلا",
                (0, 20),
                "MOBILIZE",
                "deploy",
                day(2025, 6, 3),
                actors,
                negated=True,
            )
        ],
    )
    assert len(merge([a, b]).events) == 2


def test_same_article_different_spans_stay_apart() -> None:
    actors = [("Russia", "agent"), ("Venezuela", "target")]
    a = extraction(
        "a",
        [
            event(
                "a",
                "أرسلت روسيا قوات إلى فنزويلا",
                (0, 20),
                "MOBILIZE",
                "deploy",
                day(2025, 6, 3),
                actors,
            ),
            event(
                "a",
                "أرسلت روسيا قوات إلى فنزويلا",
                (50, 70),
                "MOBILIZE",
                "deploy",
                day(2025, 6, 3),
                actors,
            ),
        ],
    )
    assert len(merge([a]).events) == 2


def test_order_mixed_grains_and_undated_last() -> None:
    actors = [("Russia", "agent")]
    x = extraction(
        "a",
        [
            event("a", "حدث شهري", (0, 5), "STATEMENT", None, month(2025, 5), actors),
            event("a", "حدث يومي أول", (10, 15), "SUPPORT", None, day(2025, 5, 1), actors),
            event("a", "حدث يومي لاحق", (20, 25), "ACCUSE", None, day(2025, 5, 7), actors),
            event("a", "حدث بلا تاريخ", (30, 35), "REJECT", None, None, actors),
            event("a", "حدث قديم", (40, 45), "PROTEST", None, day(2024, 1, 1), actors),
        ],
    )
    tl = merge([x])
    assert [e.date.value for e in tl.events] == [
        "2024-01-01",
        "2025-05-01",
        "2025-05",
        "2025-05-07",
        None,
    ]
    assert tl.undated() == tl.events[-1:]


def test_agreement_milestones_gathered_from_three_articles() -> None:
    parties = ("Russia", "Venezuela")

    def agreement(
        art: str, name: str, stage: str, date: EventDate | None, clause: bool
    ) -> Agreement:
        return Agreement(
            id=f"{art}-agr",
            names=(name,),
            parties=parties,
            domains=("energy",) if art == "b" else ("security",),
            milestones=(Milestone(stage=stage, date=date, article=art),),  # type: ignore[arg-type]
            clauses=(Clause(kind="mutual_defense", present=False, article=art),) if clause else (),
            mentions=(AgreementMention(article=art, evidence=name, span=(0, len(name))),),
        )

    xs = [
        extraction(
            "a",
            [],
            agreements=(agreement("a", "اتفاقية شراكة استراتيجية", "proposed", None, False),),
        ),
        extraction(
            "b",
            [],
            agreements=(
                agreement("b", "اتفاقية شراكة استراتيجية شاملة", "signed", month(2025, 5), True),
            ),
        ),
        extraction(
            "c",
            [],
            agreements=(agreement("c", "اتفاقية “الشراكة الاستراتيجية”", "ratified", None, False),),
        ),
        extraction(
            "c",
            [],
            agreements=(
                Agreement(
                    id="other",
                    names=("معاهدة الشراكة الاستراتيجية الشاملة",),
                    parties=("North Korea", "Russia"),
                    mentions=(AgreementMention(article="c", evidence="x", span=(5, 6)),),
                ),
            ),
        ),
    ]
    tl = merge(xs)
    assert len(tl.agreements) == 2
    (agr,) = [a for a in tl.agreements if a.parties == parties]
    assert [m.stage for m in agr.milestones] == ["proposed", "signed", "ratified"]
    assert agr.articles == ("a", "b", "c")
    assert agr.domains == ("energy", "security")
    assert len(agr.clauses) == 1
    assert merge([tl, tl]) == tl


def test_actors_unioned_by_canonical_name_and_unknown_by_normalised_name() -> None:
    a = extraction(
        "a",
        [],
        actors=(
            Actor(
                name="Sergey Lavrov",
                kind="person",
                aliases=("سيرغي لافروف",),
                titles=("وزير الخارجية",),
            ),
            Actor(name="أحمد العلي", kind="person", known=False, titles=("المتحدث",)),
        ),
    )
    b = extraction(
        "b",
        [],
        actors=(
            Actor(name="Sergey Lavrov", kind="person", aliases=("سيرجي لافروف", "سيرغي لافروف")),
            Actor(name="أحمد العليّ", kind="person", known=False),
        ),
    )
    tl = merge([a, b])
    names = [x.name for x in tl.actors]
    assert names.count("Sergey Lavrov") == 1
    lavrov = next(x for x in tl.actors if x.name == "Sergey Lavrov")
    assert lavrov.aliases == ("سيرجي لافروف", "سيرغي لافروف")
    assert lavrov.titles == ("وزير الخارجية",)
    assert len([x for x in tl.actors if not x.known]) == 1


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

_PEOPLE = ["Vladimir Putin", "Nicolás Maduro", "Russia", "Venezuela", "United States"]
_PUBS = [None, dt.datetime(2025, 5, 20), dt.datetime(2025, 6, 2), dt.datetime(2025, 10, 28)]
_DATES = [
    None,
    day(2025, 5, 7),
    day(2025, 5, 8),
    day(2025, 6, 1),
    month(2025, 5),
    EventDate(value="XXXX-05", grain="month"),
    EventDate(value="PAST_REF", grain="vague"),
    EventDate(
        value="2025", grain="year", start=dt.datetime(2025, 1, 1), end=dt.datetime(2026, 1, 1)
    ),
]
_TEXTS = [
    "زار الرئيس موسكو والتقى نظيره",
    "زار الرئيس موسكو والتقى نظيره امس",
    "بحث الجانبان التعاون في مجال الطاقة",
    "احتجزت القوات ناقلة نفط",
]


@st.composite
def _mentions(draw: st.DrawFn) -> tuple[int, Event]:
    art = draw(st.integers(0, 3))
    agents = draw(st.sets(st.sampled_from(_PEOPLE), min_size=0, max_size=2))
    targets = draw(st.sets(st.sampled_from(_PEOPLE), min_size=0, max_size=1))
    actors = [(n, "agent") for n in sorted(agents)] + [(n, "target") for n in sorted(targets)]
    start = draw(st.integers(0, 40)) * 10
    return art, event(
        f"art{art}",
        draw(st.sampled_from(_TEXTS)),
        (start, start + 8),
        draw(st.sampled_from(["CONSULT", "COERCE"])),
        draw(st.sampled_from([None, "visit", "seize"])),
        draw(st.sampled_from(_DATES)),
        actors,
        draw(st.sampled_from([None, "Moscow", "Caracas"])),
        draw(st.booleans()),
    )


def _extractions(
    items: list[tuple[int, Event]], pubs: list[dt.datetime | None]
) -> list[Extraction]:
    by_art: dict[int, list[Event]] = {}
    for art, e in items:
        by_art.setdefault(art, []).append(e)
    return [extraction(f"art{a}", evs, published=pubs[a]) for a, evs in sorted(by_art.items())]


_CASES = st.tuples(
    st.lists(_mentions(), min_size=1, max_size=14),
    st.lists(st.sampled_from(_PUBS), min_size=4, max_size=4),
    st.randoms(use_true_random=False),
)
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_CASES)
def test_property_shuffle_invariant(
    case: tuple[list[tuple[int, Event]], list[dt.datetime | None], random.Random],
) -> None:
    items, pubs, rnd = case
    xs = _extractions(items, pubs)
    shuffled = list(xs)
    rnd.shuffle(shuffled)
    assert merge(shuffled) == merge(xs)


@_SETTINGS
@given(_CASES)
def test_property_partitions_associative(
    case: tuple[list[tuple[int, Event]], list[dt.datetime | None], random.Random],
) -> None:
    items, pubs, rnd = case
    xs = _extractions(items, pubs)
    cut = rnd.randint(0, len(xs))
    whole = merge(xs)
    assert merge([merge(xs[:cut]), merge(xs[cut:])]) == whole
    parts = [merge([x]) for x in xs]
    assert merge(parts) == whole


@_SETTINGS
@given(_CASES)
def test_property_idempotent_and_lossless(
    case: tuple[list[tuple[int, Event]], list[dt.datetime | None], random.Random],
) -> None:
    items, pubs, _ = case
    xs = _extractions(items, pubs)
    tl = merge(xs)
    assert merge([tl, tl]) == tl
    assert merge([tl]) == tl
    keys = {(m.article, m.span, m.type) for x in xs for e in x.events for m in e.mentions}
    kept = [(m.article, m.span, m.type) for e in tl.events for m in e.mentions]
    assert len(kept) == len(set(kept)) and set(kept) == keys
    for e in tl.events:
        assert not (any(m.negated for m in e.mentions) and not all(m.negated for m in e.mentions))
        assert len({m.article for m in e.mentions}) == len(
            {(m.article, m.span) for m in e.mentions}
        )


@_SETTINGS
@given(_CASES)
def test_property_never_dated_after_a_report_of_it_as_past(
    case: tuple[list[tuple[int, Event]], list[dt.datetime | None], random.Random],
) -> None:
    items, pubs, _ = case
    tl = merge(_extractions(items, pubs))
    for e in tl.events:
        for m in e.mentions:
            past = (
                m.published is not None
                and not m.hypothetical
                and (m.date is None or m.date.start is None or m.date.start <= m.published)
            )
            if past and e.date.start is not None:
                assert m.published is not None
                assert e.date.start <= m.published


# ---------------------------------------------------------------------------------------------
# Seeds (once the pipeline extracts events)
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_timeline() -> Timeline:
    from timeline import extract

    paths = sorted(SEEDS.glob("00*.txt"))
    xs = [extract(p) for p in paths]
    if not any(x.events for x in xs):
        pytest.skip("extract() finds no events yet")
    return merge(xs)


def test_seed_maduro_visit_one_entry(seed_timeline: Timeline) -> None:
    visits = [
        e
        for e in seed_timeline.events
        if e.mode == "visit"
        and "Nicolás Maduro" in {a.name for a in e.actors}
        and {m.article[:3] for m in e.mentions} >= {"003", "004"}
    ]
    assert len(visits) == 1
    assert visits[0].date.value == "2025-05"


def test_seed_partnership_one_agreement(seed_timeline: Timeline) -> None:
    found = [a for a in seed_timeline.agreements if set(a.parties) == {"Russia", "Venezuela"}]
    assert len(found) == 1
    assert {m[:3] for m in found[0].articles} >= {"001", "003", "004"}


def test_seed_actors_one_each(seed_timeline: Timeline) -> None:
    names = [a.name for a in seed_timeline.actors]
    for name in ("Sergey Lavrov", "Donald Trump", "Nicaragua"):
        assert names.count(name) == 1, name
    assert names.count("Caracas") <= 1  # may be kept as a place rather than an actor


def _visit(art: str, date: EventDate | None, published: dt.datetime | None) -> Extraction:
    text = "أجرى الرئيس الفنزويلي نيكولاس مادورو زيارة رسمية إلى موسكو التقى خلالها بوتين"
    return extraction(
        art,
        [
            event(
                art,
                text,
                (0, len(text)),
                "CONSULT",
                "visit",
                date,
                [("Nicolás Maduro", "agent"), ("Vladimir Putin", "target")],
                "Moscow",
            )
        ],
        published=published,
    )


def test_undated_article_bounded_by_the_other_reports_of_its_cluster() -> None:
    may = EventDate(value="XXXX-05", grain="month", text="مايو الماضي")
    past = EventDate(value="PAST_REF", grain="vague", text="مؤخرا")
    (entry,) = merge([_visit("a", may, None), _visit("b", past, dt.datetime(2025, 10, 28))]).events
    assert entry.date.value == "2025-05"
    assert (
        entry.date_note is not None and "publication dates of the other reports" in entry.date_note
    )
    (entry,) = merge([_visit("a", may, None)]).events
    assert entry.date.value == "XXXX-05" and entry.date.start is None


def test_not_dated_after_a_report_of_it_as_done() -> None:
    early = _visit("a", EventDate(value="PAST_REF", grain="vague"), dt.datetime(2025, 3, 1))
    late = _visit("b", month(2025, 5), dt.datetime(2025, 6, 1))
    tl = merge([early, late])
    assert len(tl.events) == 2
    assert tl.events[0].date.value == "2025-05" and tl.events[1].date.start is None


@pytest.mark.parametrize(
    ("mode_a", "mode_b", "merged"),
    [
        ("meeting", "talks", True),  # one meeting, named two ways
        ("attack", "airstrike", True),  # a generic mode meets any of its type
        ("visit", "phone", False),  # a visit is no phone call
    ],
)
def test_modes_of_one_family_or_generic_may_merge(mode_a: str, mode_b: str, merged: bool) -> None:
    type_ = "ASSAULT" if "attack" in (mode_a, mode_b) else "CONSULT"
    actors = [("Vladimir Putin", "agent"), ("Nicolás Maduro", "target")]
    a = extraction(
        "a",
        [
            event(
                "a",
                "استقبل بوتين مادورو في الكرملين",
                (0, 30),
                type_,
                mode_a,
                day(2025, 6, 1),
                actors,
            )
        ],
    )
    b = extraction(
        "b",
        [
            event(
                "b", "أجرى بوتين مباحثات مع مادورو", (5, 40), type_, mode_b, day(2025, 6, 1), actors
            )
        ],
    )
    assert len(merge([a, b]).events) == (1 if merged else 2)
