"""Agreements: parties, milestones, domains, clauses and merging within an article."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from timeline import extract
from timeline.agreements import agreement_id
from timeline.events import find_events
from timeline.models import ActorMention, Agreement, Article, TimeExpression

ROOT = Path(__file__).resolve().parent.parent

GAZ: dict[str, tuple[str, str, str | None]] = {
    "الرئيس المصري": ("Egypt", "country", None),
    "مصر": ("Egypt", "country", None),
    "تركيا": ("Turkey", "country", None),
    "أنقرة": ("Turkey", "country", None),
    "القاهرة": ("Egypt", "country", None),
    "اليابان": ("Japan", "country", None),
    "الهند": ("India", "country", None),
    "طوكيو": ("Japan", "country", None),
    "نيودلهي": ("India", "country", None),
    "فرنسا": ("France", "country", None),
    "أردوغان": ("Recep Tayyip Erdoğan", "person", "Turkey"),
}


def mentions(text: str) -> list[ActorMention]:
    out: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for surface in sorted(GAZ, key=len, reverse=True):
        i = text.find(surface)
        while i >= 0:
            j = i + len(surface)
            if not any(a < j and i < b for a, b in taken):
                name, kind, country = GAZ[surface]
                out.append(
                    ActorMention(name=name, kind=kind, text=surface, span=(i, j), country=country)
                )  # type: ignore[arg-type]
                taken.append((i, j))
            i = text.find(surface, j)
    return sorted(out, key=lambda m: m.span)


def agreements(
    text: str, times: list[TimeExpression] | None = None, published: dt.datetime | None = None
) -> list[Agreement]:
    art = Article(id="a", text=text, segments=((0, len(text)),), published=published)
    return find_events(art, times or [], mentions(text))[1]


def tx(text: str, phrase: str, value: str, grain: str) -> TimeExpression:
    i = text.index(phrase)
    return TimeExpression(text=phrase, span=(i, i + len(phrase)), value=value, grain=grain)  # type: ignore[arg-type]


def test_signed_with_parties_domains_and_date() -> None:
    text = "وقع أردوغان مع الرئيس المصري في مارس 2024 اتفاقية تعاون تشمل الطاقة والنقل والتجارة."
    ag = agreements(text, [tx(text, "مارس 2024", "2024-03", "month")])
    assert len(ag) == 1
    a = ag[0]
    assert set(a.parties) == {"Turkey", "Egypt"}
    assert a.kind == "agreement"
    assert a.domains == ("energy", "transport", "trade")
    (signed,) = [m for m in a.milestones if m.stage == "signed"]
    assert signed.date is not None and signed.date.value == "2024-03"
    assert a.id == agreement_id(["Egypt", "Turkey"], "pact")


def test_between_two_cities_and_mutual_defense_present() -> None:
    text = "وتنص المعاهدة الموقعة بين طوكيو ونيودلهي على الدفاع المشترك في حال تعرض أحدهما لهجوم."
    (a,) = agreements(text)
    assert set(a.parties) == {"Japan", "India"}
    assert a.kind == "treaty"
    assert [(c.kind, c.present) for c in a.clauses] == [("mutual_defense", True)]


def test_clause_stated_absent_in_following_sentence() -> None:
    text = "وقعت مصر وتركيا مذكرة تفاهم في المجال الأمني. لكنها لا تتضمن التزامات دفاعية متبادلة."
    (a,) = agreements(text)
    assert a.kind == "memorandum"
    assert ("mutual_defense", False) in [(c.kind, c.present) for c in a.clauses]
    assert "security" in a.domains


def test_mentions_of_one_agreement_merge() -> None:
    text = (
        "ناقشت مصر وتركيا السعي لإبرام شراكة استراتيجية شاملة. "
        "ووقعت القاهرة وأنقرة الاتفاقية في مايو. "
        "وأصبحت الشراكة بين البلدين نافذة."
    )
    ag = agreements(text, [tx(text, "مايو", "XXXX-05", "month")])
    assert len(ag) == 1
    stages = [m.stage for m in ag[0].milestones]
    assert stages == ["proposed", "signed", "in_force"]
    signed = next(m for m in ag[0].milestones if m.stage == "signed")
    assert signed.date is not None and signed.date.value == "XXXX-05"
    assert len(ag[0].mentions) == 3


def test_different_parties_are_different_agreements() -> None:
    text = "وقعت مصر وتركيا اتفاقية تجارية، ووقعت اليابان والهند معاهدة للتعاون النووي."
    ag = agreements(text)
    assert {frozenset(a.parties) for a in ag} == {
        frozenset({"Egypt", "Turkey"}),
        frozenset({"Japan", "India"}),
    }


def test_negated_noun_is_not_an_agreement() -> None:
    text = "العلاقة بين مصر وتركيا ليست تحالفا عسكريا."
    assert agreements(text) == []


def test_single_party_without_partner_is_dropped() -> None:
    assert agreements("تسعى فرنسا إلى توقيع اتفاقية.") == []


def test_names_are_verbatim() -> None:
    text = "وقعت مصر وتركيا اتفاقية “الشراكة الشاملة” أمس."
    (a,) = agreements(text)
    assert a.names[0] == "اتفاقية “الشراكة الشاملة”"
    assert a.names[0] in text


def _pipeline_ready() -> bool:
    try:
        import timeline
        from timeline.actors import find_actors

        return bool(find_actors("بين موسكو وبيونغ يانغ")) and bool(
            timeline.find_times("في مايو 2025")
        )
    except Exception:
        return False


@pytest.mark.skipif(not _pipeline_ready(), reason="find_times / find_actors are still stubs")
def test_gold_agreements_on_seeds() -> None:
    import timeline

    gold: dict[str, Any] = json.loads((ROOT / "seeds" / "seeds.gold.json").read_text("utf-8"))
    found: dict[str, list[Agreement]] = {}
    for a in gold["articles"]:
        x = timeline.extract(timeline.read_article(ROOT / "seeds" / a["file"]))
        found[a["file"]] = list(x.agreements)
    for g in gold["agreements"]:
        parties = set(g["parties"])
        hits = [ag for f in g["mentioned_in"] for ag in found[f] if set(ag.parties) == parties]
        assert hits, f"{g['id']} not found"
        for clause in g.get("clauses", []):
            assert any(
                (c.kind, c.present) == (clause["kind"], clause["present"])
                for ag in hits
                for c in ag.clauses
            ), f"{g['id']}: {clause}"
    rv = [
        ag for ag in found["004_d59b5d48ac9ba5a1.txt"] if set(ag.parties) == {"Russia", "Venezuela"}
    ]
    signed = [m for ag in rv for m in ag.milestones if m.stage == "signed"]
    assert any(m.date is not None and m.date.value == "2025-05" for m in signed)


def test_signing_event_feeds_agreement_across_commas() -> None:
    """وقّعت X وY، اليوم الثلاثاء، اتفاقية ...: the AGREE event's object is the agreement."""
    import timeline

    text = "وقعت مصر والسعودية، اليوم الثلاثاء، اتفاقية للربط الكهربائي"
    x = timeline.extract(text, published="2026-01-21")
    (ag,) = x.agreements
    assert set(ag.parties) == {"Egypt", "Saudi Arabia"}
    assert "energy" in ag.domains
    signed = [m for m in ag.milestones if m.stage == "signed"]
    assert signed and signed[0].date is not None and signed[0].date.value == "2026-01-21"


def test_ratifying_event_gives_ratified_milestone() -> None:
    import timeline

    text = "صادق البرلمان الأردني أمس على اتفاقية التعاون الدفاعي مع العراق"
    (ag,) = timeline.extract(text, published="2026-01-21").agreements
    stages = {m.stage: m.date.value if m.date else None for m in ag.milestones}
    assert stages.get("ratified") == "2026-01-20"


def test_agreement_name_drops_proclitics_but_keeps_the_article() -> None:
    x = extract("أشادت مصر وقطر باتفاقية الاستثمار الموقعة بين البلدين.", published="2025-03-10")
    assert [a.names[0] for a in x.agreements] == ["اتفاقية الاستثمار"]
    x = extract("أشادت مصر وقطر بالاتفاقية الموقعة بين البلدين.", published="2025-03-10")
    assert [a.names[0] for a in x.agreements] == ["الاتفاقية"]


def test_a_city_that_names_an_agreement_is_no_party() -> None:
    x = extract("انسحبت الولايات المتحدة من اتفاق باريس للمناخ.", published="2025-03-10")
    assert all("France" not in a.parties for a in x.agreements)


@pytest.mark.parametrize(
    "text",
    [
        "اتفقت روسيا وإيران على توقيع معاهدة شراكة استراتيجية شاملة.",
        "تستعد مصر والسعودية لتوقيع اتفاقية للربط الكهربائي.",
    ],
)
def test_an_intended_signature_is_no_signed_milestone(text: str) -> None:
    (ag,) = extract(text, published="2025-03-10").agreements
    assert "signed" not in [m.stage for m in ag.milestones]


def test_a_signature_is_a_signed_milestone() -> None:
    (ag,) = extract(
        "وقعت مصر والسعودية اتفاقية للربط الكهربائي.", published="2025-03-10"
    ).agreements
    assert [(m.stage, m.date.value if m.date else None) for m in ag.milestones] == [
        ("signed", "2025-03-10")
    ]


def test_two_agreements_of_one_pair_signed_years_apart_stay_two() -> None:
    import timeline

    text = (
        "زيارة رسمية\n\nالتقى ولي العهد السعودي الرئيس الإندونيسي أمس، ووقعت السعودية وإندونيسيا "
        "مذكرات تفاهم في مجال الطاقة. وتأتي الزيارة امتداداً لاتفاقية التعاون الدفاعي الموقعة "
        "بين السعودية وإندونيسيا في يناير 2014."
    )
    ags = timeline.extract(text, published="2025-03-12").agreements
    signed = sorted(m.date.value for a in ags for m in a.milestones if m.stage == "signed")
    assert signed == ["2014-01", "2025-03-11"]
    assert len({a.id for a in ags}) == len(ags) == 2
    assert "اتفاقية التعاون الدفاعي" in [n for a in ags for n in a.names]  # ولا- stripped
