"""The public models: frozen, strict, and round-tripping through JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import timeline
from timeline import (
    Agreement,
    Clause,
    Event,
    EventActor,
    EventDate,
    Interval,
    Mention,
    Milestone,
    TimeExpression,
    Timeline,
)


def _event(value: str | None = "2025-05") -> Event:
    date = (
        EventDate(
            value=value, grain="month", start=dt.datetime(2025, 5, 1), end=dt.datetime(2025, 6, 1)
        )
        if value
        else EventDate()
    )
    return Event(
        id="e1",
        type="CONSULT",
        mode="visit",
        date=date,
        date_basis="explicit" if value else "unknown",
        actors=(
            EventActor(name="Nicolás Maduro", role="agent"),
            EventActor(name="Russia", role="target"),
        ),
        location="Moscow",
        mentions=(
            Mention(
                article="004.txt",
                evidence="بعد زيارة الرئيس الفنزويلي نيكولاس مادورو إلى موسكو في مايو 2025",
                span=(10, 70),
            ),
        ),
        confidence=0.8,
    )


def test_public_api_is_declared() -> None:
    for name in timeline.__all__:
        assert hasattr(timeline, name), name
    for name in (
        "read_article",
        "find_times",
        "resolve_time",
        "extract",
        "merge",
        "build_timeline",
    ):
        assert callable(getattr(timeline, name))


def test_models_are_frozen_and_strict() -> None:
    e = _event()
    with pytest.raises(ValidationError):
        e.type = "AGREE"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Event(id="x", type="CONSULT", unknown_field=1)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Event(id="x", type="NOT_A_TYPE")  # type: ignore[arg-type]


def test_interval_and_event_date_are_ordered() -> None:
    with pytest.raises(ValidationError):
        Interval(start=dt.datetime(2025, 2, 1), end=dt.datetime(2025, 1, 1))
    with pytest.raises(ValidationError):
        EventDate(value="2025", grain="year", start=dt.datetime(2025, 1, 1))


def test_timeline_round_trips_through_json() -> None:
    tl = Timeline(
        events=(_event(), _event(None).model_copy(update={"id": "e2"})),
        agreements=(
            Agreement(
                id="a1",
                names=("اتفاقية شراكة استراتيجية",),
                parties=("Russia", "Venezuela"),
                domains=("energy", "security"),
                milestones=(Milestone(stage="signed", date=_event().date, article="004.txt"),),
                clauses=(Clause(kind="mutual_defense", present=False, article="004.txt"),),
            ),
        ),
    )
    again = Timeline.model_validate_json(tl.model_dump_json())
    assert again == tl
    assert [e.id for e in tl.dated()] == ["e1"]
    assert [e.id for e in tl.undated()] == ["e2"]
    assert tl.events[0].agents == ("Nicolás Maduro",)


@given(
    text=st.text(min_size=1, max_size=30),
    start=st.integers(0, 1000),
    value=st.sampled_from(["2026-01-20", "2025-05", "196X", "PAST_REF", "XXXX-05", "P3D"]),
)
def test_time_expression_round_trips(text: str, start: int, value: str) -> None:
    t = TimeExpression(text=text, span=(start, start + len(text)), value=value, grain="day")
    assert TimeExpression.model_validate_json(t.model_dump_json()) == t


def test_schema_lists_the_contract_fields() -> None:
    schema = Timeline.model_json_schema()
    event = schema["$defs"]["Event"]["properties"]
    for field in (
        "id",
        "type",
        "mode",
        "date",
        "date_basis",
        "actors",
        "location",
        "negated",
        "hypothetical",
        "mentions",
        "confidence",
    ):
        assert field in event
    mention = schema["$defs"]["Mention"]["properties"]
    for field in ("article", "evidence", "span"):
        assert field in mention


def test_published_schema_is_in_step_with_the_models() -> None:
    import json
    from pathlib import Path

    published = Path(__file__).resolve().parent.parent / "docs" / "timeline.schema.json"
    old = json.loads(published.read_text(encoding="utf-8"))
    new = Timeline.model_json_schema()

    def shape(schema: dict) -> dict[str, tuple[list[str], list[str]]]:
        # models, their fields and required fields (what pydantic versions render alike)
        defs = {**schema.get("$defs", {}), "Timeline": schema}
        return {
            name: (sorted(d.get("properties", {})), sorted(d.get("required", [])))
            for name, d in defs.items()
        }

    assert shape(old) == shape(new), (
        "docs/timeline.schema.json is stale: regenerate it with "
        "`timeline schema > docs/timeline.schema.json`"
    )


def test_extracted_models_equal_validated_copies() -> None:
    """Every model the engine returns equals a validated copy of itself, field by field and
    type by type (nothing is left half-coerced, whatever way it was built)."""
    from pathlib import Path

    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    for path in seeds:
        x = timeline.extract(path)
        for model in (x, *x.events, *x.times, *x.actor_mentions, *x.agreements):
            again = type(model).model_validate(model.model_dump())
            assert again == model
            for name in type(model).model_fields:
                assert type(getattr(again, name)) is type(getattr(model, name)), name
