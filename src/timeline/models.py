"""The library's data: frozen pydantic v2 models that round-trip through JSON.

The flow is ``Article`` → ``Extraction`` (``TimeExpression``, ``Actor``, ``Event``,
``Agreement``) → ``Timeline``. Every model is frozen and forbids unknown fields.

>>> from timeline import resolve_time
>>> t = resolve_time("منتصف يناير 2022")
>>> (t.value, t.grain, t.mod)
('2022-01', 'month', 'MID')
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Actor",
    "ActorKind",
    "ActorMention",
    "ActorRole",
    "Agreement",
    "AgreementMention",
    "Article",
    "ArticleInfo",
    "Clause",
    "DateBasis",
    "Event",
    "EventActor",
    "EventDate",
    "EventType",
    "Extraction",
    "Grain",
    "Interval",
    "Mention",
    "Milestone",
    "MilestoneStage",
    "Span",
    "TimeExpression",
    "Timeline",
]

Span = tuple[int, int]
"""A half-open character span ``(start, end)`` into the original text."""

Grain = Literal[
    "millennium",
    "century",
    "decade",
    "year",
    "half",
    "season",
    "quarter",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "vague",
]
"""How precise a value is. ``vague`` is for ``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``."""

DateBasis = Literal["explicit", "publication", "inferred", "unknown"]
"""Where an event's date comes from: a time expression in its clause (``explicit``), the
article's publication date (``publication``), another article or the surrounding text
(``inferred``), or nothing (``unknown``)."""

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "STATEMENT",
]
"""The 16 PLOVER categories plus ``STATEMENT`` for a public declaration."""

ActorKind = Literal["person", "country", "organization", "location", "media", "group", "other"]
ActorRole = Literal["agent", "target", "other", "source"]
MilestoneStage = Literal[
    "proposed",
    "negotiated",
    "agreed",
    "signed",
    "ratified",
    "in_force",
    "suspended",
    "withdrawn",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Interval(_Model):
    """A half-open interval of time ``[start, end)``.

    ``resolve_time("يوم الثلاثاء", anchor).interval`` covers that whole Tuesday.
    """

    start: dt.datetime = Field(description="First instant inside the interval.")
    end: dt.datetime = Field(description="First instant after the interval (exclusive).")

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.start >= self.end:
            raise ValueError(f"interval start {self.start} is not before its end {self.end}")
        return self


class TimeExpression(_Model):
    """A temporal expression found in a text and resolved against an anchor.

    ``find_times("وصل صباح الثلاثاء", "2026-01-21")[0]`` has ``text="صباح الثلاثاء"``,
    ``value="2026-01-20TMO"``, ``grain="day"``.
    """

    text: str = Field(description="The expression exactly as it stands in the text.")
    span: Span = Field(description="(start, end) character offsets into the text searched.")
    value: str = Field(
        description="TIMEX3-style value: 2026-01-20, 2025-05, 196X, 2025-W50, P3D, "
        "XXXX-05 (year unknown), PAST_REF ..."
    )
    grain: Grain = Field(description="Precision of the value.")
    type: Literal["DATE", "TIME", "DURATION", "SET"] = Field(
        default="DATE", description="TIMEX3 type."
    )
    mod: str | None = Field(
        default=None,
        description="TIMEX3 modifier: START, MID, END, BEFORE, AFTER, APPROX ...",
    )
    interval: Interval | None = Field(
        default=None, description="When it happened, end exclusive; None when it cannot be placed."
    )
    boundary: Literal["since", "until"] | None = Field(
        default=None,
        description="'since' (منذ) when the expression opens an interval, 'until' (حتى) when it "
        "closes one.",
    )
    anchored: bool = Field(
        default=False,
        description="True when the value depends on the anchor (أمس، الشهر الماضي، يوم الأربعاء).",
    )
    direction: Literal["past", "future"] | None = Field(
        default=None,
        description="For anchor-dependent expressions: the direction chosen from the tense cues, "
        "so the expression can be placed again once an anchor is known.",
    )
    calendar: Literal["gregorian", "hijri"] = Field(
        default="gregorian", description="Calendar the expression was written in."
    )


class Article(_Model):
    """An article read by :func:`timeline.read_article`.

    ``text`` is the text the offsets refer to (for HTML input: the text extracted from it).
    ``segments`` are the spans of ``text`` that hold the body, without title, date line and
    site boilerplate.
    """

    id: str = Field(description="Identifier: the file name for files, else given or derived.")
    text: str = Field(description="The full text; every span in the library points into it.")
    title: str | None = Field(default=None, description="The headline.")
    title_span: Span | None = Field(default=None, description="Where the headline stands.")
    published: dt.datetime | None = Field(
        default=None, description="Publication date and time (naive, as printed)."
    )
    published_text: str | None = Field(
        default=None, description="The words that give the publication date, if printed."
    )
    published_span: Span | None = Field(default=None, description="Where those words stand.")
    published_precision: Literal["day", "minute", "second"] | None = Field(
        default=None, description="How precise the publication date is."
    )
    segments: tuple[Span, ...] = Field(
        default=(), description="Body spans of ``text`` (boilerplate dropped)."
    )
    boilerplate: tuple[Span, ...] = Field(
        default=(), description="Spans recognised as site furniture and dropped."
    )
    url: str | None = None
    source: str | None = Field(default=None, description="The outlet's name, if known.")
    format: Literal["text", "html"] = "text"

    @property
    def body(self) -> str:
        """The body text: the segments joined by blank lines (offsets do not apply)."""
        return "\n\n".join(self.text[a:b] for a, b in self.segments)

    def info(self) -> ArticleInfo:
        """The article's metadata without its text."""
        return ArticleInfo(
            id=self.id,
            title=self.title,
            published=self.published,
            url=self.url,
            source=self.source,
        )


class ArticleInfo(_Model):
    """An article's metadata as a timeline lists it."""

    id: str
    title: str | None = None
    published: dt.datetime | None = None
    url: str | None = None
    source: str | None = None


class Actor(_Model):
    """A person, country or body, under its canonical English name.

    ``Actor(name="Sergey Lavrov", kind="person", country="Russia",
    aliases=("سيرغي لافروف", "سيرجي لافروف", "لافروف"), titles=("وزير الخارجية الروسي",))``
    """

    name: str = Field(description="Canonical English name (Wikipedia style).")
    kind: ActorKind
    aliases: tuple[str, ...] = Field(default=(), description="Arabic forms seen or known.")
    country: str | None = Field(default=None, description="Canonical name of its country.")
    titles: tuple[str, ...] = Field(default=(), description="Arabic titles and roles seen.")
    qid: str | None = Field(default=None, description="Wikidata QID where known.")
    known: bool = Field(
        default=True, description="False for a name found through a title, not in the gazetteer."
    )


class ActorMention(_Model):
    """One place where an actor is named or referred to in an article."""

    name: str = Field(description="Canonical name of the actor referred to.")
    kind: ActorKind
    text: str = Field(description="The words as they stand in the article.")
    span: Span
    title: str | None = Field(default=None, description="Title or role attached here.")
    country: str | None = None
    via: Literal[
        "gazetteer", "fuzzy", "title", "metonym", "demonym", "coreference", "institution"
    ] = "gazetteer"
    affiliation: str | None = Field(
        default=None,
        description="The body a person acts for, read off the title (وزير التربية الوطنية → "
        "Ministry of National Education (Algeria)).",
    )


class EventDate(_Model):
    """When an event happened: a TIMEX3 value with its grain and interval.

    ``EventDate(value="2025-05", grain="month", start=datetime(2025, 5, 1),
    end=datetime(2025, 6, 1))``; an unplaceable one has ``start = end = None``.
    """

    value: str | None = Field(default=None, description="TIMEX3 value, None when unknown.")
    grain: Grain | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = Field(default=None, description="Exclusive.")
    mod: str | None = None
    text: str | None = Field(default=None, description="The expression the date comes from.")

    @model_validator(mode="after")
    def _ordered(self) -> EventDate:
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end must both be set or both be None")
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise ValueError(f"date start {self.start} is not before its end {self.end}")
        return self


class EventActor(_Model):
    """An actor taking part in an event, with its role."""

    name: str = Field(description="Canonical actor name.")
    role: ActorRole = Field(description="agent, target, other, or source (who reported it).")
    kind: ActorKind | None = None


class Mention(_Model):
    """One report of an event in one article: the provenance a timeline keeps.

    A mention also keeps what that article said of the event (its date, actors, type), so a
    timeline can be merged again with others without losing anything.
    """

    article: str = Field(description="Article id.")
    evidence: str = Field(description="The words of the article that report the event.")
    span: Span = Field(description="Where the evidence stands in the article's text.")
    published: dt.datetime | None = Field(default=None, description="The article's date.")
    type: EventType | None = Field(default=None, description="Type as this article codes it.")
    mode: str | None = None
    date: EventDate | None = Field(default=None, description="Date as this article gives it.")
    date_basis: DateBasis = "unknown"
    actors: tuple[EventActor, ...] = ()
    location: str | None = None
    negated: bool = False
    hypothetical: bool = False
    source: str | None = Field(default=None, description="The outlet, if known.")


class Event(_Model):
    """Who did what to whom, where and when, with its evidence.

    The visit of 003/004: ``Event(type="CONSULT", mode="visit", date=EventDate(value="2025-05",
    ...), actors=(EventActor(name="Nicolás Maduro", role="agent"), ...), location="Moscow")``.
    """

    id: str = Field(description="Stable identifier derived from the content.")
    type: EventType = Field(description="PLOVER category or STATEMENT.")
    mode: str | None = Field(default=None, description="Finer kind: visit, phone, sign ...")
    date: EventDate = Field(default_factory=EventDate)
    date_basis: DateBasis = "unknown"
    date_note: str | None = Field(
        default=None, description="Why the date is what it is (refined, disputed ...)."
    )
    actors: tuple[EventActor, ...] = ()
    location: str | None = None
    negated: bool = False
    hypothetical: bool = False
    mentions: tuple[Mention, ...] = Field(default=(), description="Every report of the event.")
    sources: int = Field(default=1, description="Independent origins among the mentions.")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    trigger: str | None = Field(default=None, description="The word that signals the event.")

    @property
    def agents(self) -> tuple[str, ...]:
        """Names of the agents."""
        return tuple(a.name for a in self.actors if a.role == "agent")

    @property
    def targets(self) -> tuple[str, ...]:
        """Names of the targets."""
        return tuple(a.name for a in self.actors if a.role == "target")


class Milestone(_Model):
    """A stage in an agreement's life: proposed, signed, ratified, in force ..."""

    stage: MilestoneStage
    date: EventDate | None = None
    article: str | None = None
    evidence: str | None = None
    span: Span | None = None


class Clause(_Model):
    """A provision stated present or absent: ``Clause(kind="mutual_defense", present=False)``."""

    kind: str = Field(description="mutual_defense, military_technical_cooperation ...")
    present: bool
    article: str | None = None
    evidence: str | None = None


class AgreementMention(_Model):
    """Where an agreement is mentioned."""

    article: str
    evidence: str
    span: Span


class Agreement(_Model):
    """An agreement, treaty or partnership as a first-class object.

    ``Agreement(names=("اتفاقية شراكة استراتيجية",), parties=("Russia", "Venezuela"),
    domains=("energy", "security"), milestones=(Milestone(stage="signed", ...),),
    clauses=(Clause(kind="mutual_defense", present=False),))``
    """

    id: str
    names: tuple[str, ...] = ()
    kind: str | None = Field(default=None, description="treaty, agreement, memorandum ...")
    parties: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    clauses: tuple[Clause, ...] = ()
    mentions: tuple[AgreementMention, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles that mention it."""
        return tuple(sorted({m.article for m in self.mentions}))


class Extraction(_Model):
    """Everything found in one article: ``extract(article)``."""

    article: Article
    times: tuple[TimeExpression, ...] = ()
    actors: tuple[Actor, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()


class Timeline(_Model):
    """Events from one or many articles, merged, in chronological order.

    ``events`` lists dated entries first, earliest first (a month sorts by its interval, with
    the day-precision events inside it first by start), then the undated ones.
    """

    articles: tuple[ArticleInfo, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    agreements: tuple[Agreement, ...] = ()

    def dated(self) -> tuple[Event, ...]:
        """Entries that can be placed in time."""
        return tuple(e for e in self.events if e.date.start is not None)

    def undated(self) -> tuple[Event, ...]:
        """Entries that cannot be placed in time, listed apart."""
        return tuple(e for e in self.events if e.date.start is None)
