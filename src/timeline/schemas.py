"""The schemas of the language data files in ``timeline/data/<lang>/``, validated by pydantic.

Each engine loads its files with :func:`timeline.lexicon.load` and one of these models. They
live together, apart from the engines, so the data formats are documented in one place and the
engine modules hold only plain code:

>>> from timeline.lexicon import load
>>> "يناير" in load("calendar", CalendarData).months[0].forms
True
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .models import ActorKind, EventType, MilestoneStage


class _StrictData(BaseModel):
    """Frozen, no unknown keys, fields filled by name or alias (``_doc``)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class _LooseData(BaseModel):
    """Frozen; unknown keys (comments, future fields) are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# ----------------------------------------------------------------------
# actors.json and titles.json


class GazetteerEntry(_StrictData):
    """One actor or place of the gazetteer; ``aliases`` are already normalised keys."""

    name: str = Field(description="Canonical English name, Wikipedia style.")
    kind: ActorKind
    ar: str = Field(description="Natural Arabic display form.")
    aliases: tuple[str, ...] = ()
    country: str | None = None
    qid: str | None = None
    demonyms: tuple[str, ...] = Field(default=(), description="Adjectives naming the country.")
    metonym_of: str | None = Field(default=None, description="Country a capital stands for.")
    place: bool | None = Field(default=None, description="Usable as an event location.")
    ambiguous: tuple[str, ...] = Field(default=(), description="Aliases shared with others.")
    marked: tuple[str, ...] = Field(
        default=(), description="Spellings with diacritics that pick this entry (عمّان)."
    )

    @property
    def is_place(self) -> bool:
        """Whether the entry can be an event location (countries, cities, seas, regions)."""
        if self.place is not None:
            return self.place
        return self.kind in ("country", "location")


class Gazetteer(_StrictData):
    """The gazetteer file ``data/ar/actors.json``."""

    doc: str = Field(default="", alias="_doc")
    entries: tuple[GazetteerEntry, ...]


class TitleLexicon(_StrictData):
    """The title lexicon ``data/ar/titles.json`` (all keys normalised)."""

    doc: str = Field(default="", alias="_doc")
    heads: frozenset[str]
    suffixable: frozenset[str]
    pronoun_suffixes: tuple[str, ...]
    counterpart: frozenset[str]
    modifiers: frozenset[str]
    anaphors: frozenset[str]
    stopwords: frozenset[str]
    name_links: frozenset[str] = frozenset()
    compound_names: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    derived_prefixes: tuple[str, ...] = ()
    verb_prefixes: tuple[str, ...] = ()
    verb_suffixes: tuple[str, ...] = ()
    not_fuzzy: frozenset[str] = frozenset()
    home_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    governing: frozenset[str] = frozenset()
    adjective_endings: tuple[str, ...] = ()
    not_names: frozenset[str] = frozenset()
    destination_heads: frozenset[str] = frozenset()
    destination_words: frozenset[str] = frozenset()


# ----------------------------------------------------------------------
# institutions.json


class InstitutionLexicon(BaseModel):
    """``institutions.json``: heads (وزارة، هيئة), portfolios (الخارجية), adjectives."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    doc: str = Field(default="", alias="_doc")
    heads: dict[str, str]
    ministry_heads: list[str]
    minister_heads: dict[str, str] = Field(default_factory=dict)
    portfolios: dict[str, str]
    named_bodies: dict[str, str] = Field(default_factory=dict)
    country_heads: dict[str, str]
    definite_countries: list[str] = Field(default_factory=list)
    adjectives: list[str]
    stop: list[str]
    not_genitive: list[str] = Field(default_factory=list)
    bare_definite: list[str] = Field(default_factory=list)
    home_heads: list[str] = Field(default_factory=list)


# ----------------------------------------------------------------------
# calendar.json, numbers.json and time_words.json


class FormsEntry(BaseModel):
    """Spellings of one calendar word; ``ambiguous`` ones (مارس، نيسان، ماي) need context."""

    forms: list[str]
    ambiguous: bool = False


class MonthEntry(FormsEntry):
    """A month and its names (يناير، كانون الثاني، جانفي → 1)."""

    month: int = Field(ge=1, le=12)


class WeekdayEntry(FormsEntry):
    """A weekday and its names (الاثنين → 1 ... الأحد → 7, ISO numbering)."""

    weekday: int = Field(ge=1, le=7)


class SeasonEntry(FormsEntry):
    """A season and its names (الصيف → summer)."""

    season: str


class HolidayEntry(FormsEntry):
    """A named day (عيد الميلاد: Gregorian 12-25) in its calendar."""

    name: str
    calendar: str
    month: int
    day: int | None = None


class CalendarData(BaseModel):
    """``calendar.json``: Gregorian and Hijri months, weekdays, seasons, holidays."""

    months: list[MonthEntry]
    hijri_months: list[MonthEntry]
    weekdays: list[WeekdayEntry]
    day_words: list[str]
    month_words: list[str]
    seasons: list[SeasonEntry]
    holidays: list[HolidayEntry]


class NumbersData(BaseModel):
    """``numbers.json``: number words (ثلاثة → 3, العشرين → 20, الثالث → 3)."""

    cardinals: dict[str, int]
    tens: list[str]
    ordinals: dict[str, int]
    ordinals_feminine: dict[str, int]
    quarter_ordinals: dict[str, int]
    half_ordinals: dict[str, int]
    fractions: dict[str, int]


class UnitEntry(BaseModel):
    """A time unit and its forms (يوم، يومين، أيام، اليوم، الأيام)."""

    unit: str
    singular: list[str]
    dual: list[str]
    plural: list[str]
    definite: list[str]
    definite_plural: list[str]
    definite_dual: list[str]


class DeicticEntry(BaseModel):
    """A word for a day relative to now (أمس → -1, غداً → +1)."""

    forms: list[str]
    offset: int
    pod: str | None = None


class PartOfDayEntry(BaseModel):
    """A part of the day and its hours (صباح → 05-12)."""

    pod: str
    forms: list[str]
    hours: tuple[int, int]


class VagueEntry(BaseModel):
    """A vague reference and its TIMEX3 value (مؤخراً → PAST_REF)."""

    value: str
    forms: list[str]


class FuturePrefixCue(BaseModel):
    """The future-tense verb prefix test (سيزور، ستعقد)."""

    prefixes: list[str]
    imperfect: list[str]
    min_rest: int
    exclude_suffixes: list[str]


class TenseCues(BaseModel):
    """Words that tell past narration from future phrasing (المقبل، سوف، الماضي)."""

    future_phrases: list[str]
    future_prefix: FuturePrefixCue
    future_prefix_stoplist: list[str]
    past_stems: list[str]
    past_phrases: list[str]
    past_suffixes: list[str]
    planning_phrases: list[str] = []


class TimeWordsData(BaseModel):
    """``time_words.json``: relative, vague and modifying time words."""

    units: list[UnitEntry]
    fraction_units: dict[str, tuple[str, int]]
    time_of_era: list[str]
    this_attached: list[str]
    ordinal_heads: list[str]
    holiday_day_ordinals: dict[str, int]
    subpart_units: list[str]
    subpart_ordinals_before: dict[str, int]
    subpart_last: list[str]
    subpart_first_plural: list[str]
    subpart_last_plural: list[str]
    millennium_words: list[str]
    frequency_words: dict[str, int]
    frequency_plural: list[str]
    relative_before_last: list[str]
    relative_after_next: list[str]
    relative_past: list[str]
    relative_this: list[str]
    relative_next: list[str]
    this_prefix: list[str]
    deictics: list[DeicticEntry]
    deictic_blockers_after: list[str]
    parts_of_day: list[PartOfDayEntry]
    pod_before_day: list[str]
    pod_after_time: dict[str, str]
    clock_words: list[str]
    named_hours: dict[str, int]
    clock_suffix: list[str]
    year_words: list[str]
    era_ad: list[str]
    era_bc: list[str]
    era_hijri: list[str]
    era_hijri_adjectives: list[str] = []
    counter_nouns: list[str]
    decades: dict[str, int]
    decade_prefix: list[str]
    century_word: list[str]
    of_words: list[str]
    century_ordinals: dict[str, int]
    century_number_prefix: list[str]
    quarter_words: list[str]
    half_words: list[str]
    week_end: list[str]
    modifiers: dict[str, list[str]]
    approx: dict[str, str]
    boundaries: dict[str, list[str]]
    before_after: dict[str, list[str]]
    ago: list[str]
    later: list[str]
    duration_prepositions: list[str]
    range_from: list[str]
    range_to: list[str]
    range_year_words: list[str]
    date_prepositions: list[str]
    vague: list[VagueEntry]
    cues: TenseCues
    ambiguous_units: list[str]
    general_adjective_blockers: list[str]
    reading_time_before: list[str]
    reading_time_after: list[str]
    corresponding: list[str]
    few: list[str]
    article: str
    conjunction: str
    clitics: list[str]
    clock_gap_words: list[str]
    short_ampm: list[str]
    deictic_blockers_before: list[str]
    name_heads: list[str]
    weekday_blockers_after: list[str]
    event_relative: list[str]
    now_words: list[str]
    clause_boundaries: list[str]
    and_half: list[str]
    whole_words: list[str] = []
    lasting_verbs: list[str] = []
    set_every: list[str]
    age_words: list[str]
    trigger_stopwords: list[str]
    set_adverbs: dict[str, tuple[str, int]]


# ----------------------------------------------------------------------
# time_words.json (same-time anaphora)


class SameTimeWords(BaseModel):
    """Words that refer back to a time already named (في اليوم نفسه، في ذلك الشهر)."""

    units: dict[str, str]
    after: list[str]
    before: list[str]
    of: list[str] = []
    next: list[str] = []
    previous: list[str] = []
    previous_units: list[str] = []


class AnaphoraWords(BaseModel):
    """The part of ``time_words.json`` read by :mod:`timeline.times.anaphora`."""

    same_time: SameTimeWords | None = None


# ----------------------------------------------------------------------
# triggers.json and events.json


class Morphology(_LooseData):
    """Affixes that inflect the stems of ``triggers.json``."""

    past_suffixes: list[str]
    present_prefixes: list[str]
    present_suffixes: list[str]
    future_prefixes: list[str]
    noun_suffixes: list[str]
    definite: str
    conjunctions: list[str]
    prepositions: list[str]
    pronoun_suffixes: list[str]


class ModeModifier(_LooseData):
    """A word near a trigger that refines its mode (اتصال هاتفي → phone)."""

    mode: str
    words: list[str]
    window: int = 2
    types: list[EventType] = []
    keep_modes: list[str] = []  # modes it never overrides (الدفاعات الجوية: intercept stays)


class TriggerEntry(_LooseData):
    """One trigger family: type, mode, stems and the context it needs."""

    type: EventType
    mode: str | None = None
    verbs: list[tuple[str, str]] = []
    nouns: list[str] = []
    forms: list[str] = []
    needs: list[str] = []
    needs_side: Literal["after", "before", "both"] = "after"
    window: int = 3
    unless_before: list[str] = []
    unless_after: list[str] = []
    unless_sentence: list[str] = []


class TriggerLexicon(_LooseData):
    """The content of ``triggers.json``."""

    version: int
    morphology: Morphology
    mode_modifiers: list[ModeModifier] = []
    entries: list[TriggerEntry]
    mode_families: list[list[str]] = []  # modes that may name one event (see merge)


class EventGrammar(_LooseData):
    """The content of ``events.json``: function words of the event engine."""

    version: int
    clause_punct: str
    clause_openers: list[str]
    temporal_openers: list[str]
    inherit_openers: list[str]
    relative_openers: list[str]
    target_prepositions: list[str]
    target_proclitics: list[str]
    other_prepositions: list[str]
    place_prepositions: list[str]
    negators: list[str]
    future_negators: list[str]
    modals: list[str]
    modal_present: list[str]
    modal_phrases: list[str] = []
    deniers: list[str]
    question_marks: str
    coreferent_pair: list[str]
    demonstratives: list[str] = []
    polarity: list[str] = []
    agent_markers: list[str] = []
    material_types: list[EventType] = []
    verb_only_types: list[EventType] = []
    attribution_markers: list[str] = []
    attribution_links: list[str] = []
    victim_modes: list[str] = []
    victim_words: list[str] = []
    consequence_markers: list[str] = []
    consequence_window: int = 3
    commentary_words: list[str] = []
    outcome_verbs: list[str] = []
    continuatives: list[str] = []
    origin_words: list[str] = []
    generic_modes: list[str] = []
    place_heads: list[str] = []
    undergo_verbs: list[str] = []
    perpetration_verbs: list[str] = []
    work_titles: list[str] = []
    intended_words: list[str] = []
    weapon_words: list[str] = []
    complementizers: list[str] = []
    membership_prepositions: list[str] = []
    background_openers: list[str] = []
    topic_shifts: list[str] = []
    framing_prepositions: list[str] = []
    noun_event_modes: list[str] = []
    material_modes: list[str] = []
    undoing_modes: list[str] = []
    motive_adverbs: list[str] = []
    joint_types: list[EventType] = []
    light_verbs: list[str] = []
    convener_words: list[str] = []
    content_openers: list[str] = []
    time_frame_prepositions: list[str] = []
    force_words: list[str] = []
    venue_heads: list[str] = []
    receive_verbs: list[str] = []
    charge_words: list[str] = []
    involvement_words: list[str] = []
    cancel_words: list[str] = []
    withdraw_words: list[str] = []
    answered_words: list[str] = []
    dual_subjects: dict[str, Literal["person", "country", "any"]] = {}


# ----------------------------------------------------------------------
# agreements.json


class NounEntry(_LooseData):
    """A word or phrase that names an agreement, and its kind."""

    phrase: str
    kind: str


class StageEntry(_LooseData):
    """Words that put an agreement at a milestone."""

    stage: MilestoneStage
    verbs: list[tuple[str, str]] = []
    words: list[str] = []


class DomainEntry(_LooseData):
    """An English domain key and the Arabic words for it."""

    key: str
    words: list[str]


class ClauseEntry(_LooseData):
    """A provision kind and the phrases that state it."""

    kind: str
    phrases: list[str]


class AgreementLexicon(_LooseData):
    """The content of ``agreements.json``."""

    version: int
    nouns: list[NounEntry]
    families: dict[str, str]
    stages: list[StageEntry]
    domains: list[DomainEntry]
    clauses: list[ClauseEntry]
    np_stop: list[str]
    kind_priority: list[str] = []
    intent_words: list[str] = []
    intent_window: int = 4
