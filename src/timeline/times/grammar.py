"""The temporal lexicon, loaded once from ``data/ar/{calendar,numbers,time_words}.json`` and
compiled into lookup tables and regular-expression alternations.

Nothing here is Arabic: every word comes from the data files, normalised with
:func:`timeline.text.normalise_key` so that spelling variants match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lexicon import load
from ..schemas import CalendarData, NumbersData, TimeWordsData
from ..text import normalise_key

__all__ = ["Grammar", "grammar", "norm"]


# ------------------------------------------------------------------------------------------
# Helpers


def norm(text: str) -> str:
    """The matching key of a word or phrase (see :func:`timeline.text.normalise_key`)."""
    return normalise_key(text)


Trie = dict[str, "Trie"]


def alt(forms: Iterable[str]) -> str:
    """A non-capturing alternation of normalised forms, longest first, spaces flexible.

    It is written as a prefix tree (``(?:ا(?:بريل|ذار)|مايو)``), which ``re`` runs without
    trying every form in turn, and matches as the flat list would: forms that differ at some
    character cannot both match at one place, and of a form and its extensions the longer
    are tried first.
    """
    keys = {norm(f) for f in forms if norm(f)}
    if not keys:
        return "(?!)"
    trie: Trie = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here
    return "(?:" + _branches(trie) + ")"


def _branches(node: Trie) -> str:
    """The alternation below a node of the prefix tree, the form that ends there last."""
    parts = [
        (r"\s+" if ch == " " else re.escape(ch)) + _branches(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if "" in node:
        parts.append("")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def optional_as_branch(pattern: str) -> str:
    """``pattern`` with every optional group ``(?:X)?`` written ``(?:X|)``: the same matches,
    tried in the same order, but ``re`` runs a branch faster than a repeat."""
    out: list[str] = []
    opened: list[bool] = []  # for each open group: whether it is a plain (?:...) group
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[":  # a character class, up to its closing bracket
            j = i + 1 + (pattern[i + 1 : i + 2] == "^")
            j += pattern[j : j + 1] == "]"
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        if ch == "(":
            opened.append(pattern.startswith("(?:", i))
        elif ch == ")" and opened.pop() and _greedy_optional(pattern, i + 1):
            out.append("|)")
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def compiled(pattern: str) -> re.Pattern[str]:
    """Compile a pattern of the grammar (see :func:`optional_as_branch`)."""
    return re.compile(optional_as_branch(pattern))


def _greedy_optional(pattern: str, i: int) -> bool:
    """Whether ``pattern[i:]`` starts with a plain ``?`` (not ``??`` nor ``?+``)."""
    return pattern[i : i + 1] == "?" and pattern[i + 1 : i + 2] not in ("?", "+")


def table(pairs: dict[str, str]) -> dict[str, str]:
    return {norm(k): v for k, v in pairs.items()}


def squash(text: str) -> str:
    """Normalise the text of a regex group for lookup (single spaces)."""
    return " ".join(text.split())


class Grammar:
    """Compiled lexicon: lookup tables (normalised form → value) and alternations."""

    def __init__(self) -> None:
        cal = load("calendar", CalendarData)
        num = load("numbers", NumbersData)
        tw = load("time_words", TimeWordsData)
        self.cal, self.num, self.tw = cal, num, tw

        self.months: dict[str, int] = {}
        self.ambiguous_months: set[str] = set()
        for m in cal.months:
            for f in m.forms:
                self.months[norm(f)] = m.month
                if m.ambiguous:
                    self.ambiguous_months.add(norm(f))
        self.hmonths: dict[str, int] = {}
        self.ambiguous_hmonths: set[str] = set()
        for m in cal.hijri_months:
            for f in m.forms:
                self.hmonths[norm(f)] = m.month
                if m.ambiguous:
                    self.ambiguous_hmonths.add(norm(f))
        self.weekdays = {norm(f): w.weekday for w in cal.weekdays for f in w.forms}
        self.seasons = {norm(f): s.season for s in cal.seasons for f in s.forms}
        self.holidays = {norm(f): h for h in cal.holidays for f in h.forms}

        self.cardinals = {norm(k): v for k, v in num.cardinals.items()}
        self.ordinals = {norm(k): v for k, v in num.ordinals.items()}
        self.ordinals_fem = {norm(k): v for k, v in num.ordinals_feminine.items()}
        self.quarter_ord = {norm(k): v for k, v in num.quarter_ordinals.items()}
        self.half_ord = {norm(k): v for k, v in num.half_ordinals.items()}
        self.fractions = {norm(k): v for k, v in num.fractions.items()}

        self.unit_of: dict[str, str] = {}
        self.unit_count: dict[str, int | None] = {}
        sing: list[str] = []
        dual: list[str] = []
        plural: list[str] = []
        definite: list[str] = []
        def_plural: list[str] = []
        def_dual: list[str] = []
        for u in tw.units:
            for group, count, bucket in (
                (u.singular, 1, sing),
                (u.dual, 2, dual),
                (u.plural, None, plural),
                (u.definite, 1, definite),
                (u.definite_plural, None, def_plural),
                (u.definite_dual, 2, def_dual),
            ):
                for f in group:
                    self.unit_of[norm(f)] = u.unit
                    self.unit_count.setdefault(norm(f), count)
                    bucket.append(f)
        self.ambiguous_units = {norm(f) for f in tw.ambiguous_units}
        self.rel: dict[str, int] = {}
        for f in tw.relative_past:
            self.rel[norm(f)] = -1
        for f in tw.relative_this:
            self.rel[norm(f)] = 0
        for f in tw.relative_next:
            self.rel[norm(f)] = 1
        for f in tw.relative_before_last:
            self.rel[norm(f)] = -2
        for f in tw.relative_after_next:
            self.rel[norm(f)] = 2
        self.fraction_units = {norm(k): v for k, v in tw.fraction_units.items()}
        self.holiday_day = {norm(k): v for k, v in tw.holiday_day_ordinals.items()}
        self.frequency = {norm(k): v for k, v in tw.frequency_words.items()}
        self.set_adverbs = {norm(k): v for k, v in tw.set_adverbs.items()}
        self.deictics = {norm(f): d for d in tw.deictics for f in d.forms}
        self.pods = {norm(f): p.pod for p in tw.parts_of_day for f in p.forms}
        self.pod_hours = {p.pod: p.hours for p in tw.parts_of_day}
        self.ampm = table(tw.pod_after_time)
        self.decades = {norm(k): v for k, v in tw.decades.items()}
        self.century_ord = {norm(k): v for k, v in tw.century_ordinals.items()}
        self.modifiers = {norm(f): mod for mod, forms in tw.modifiers.items() for f in forms}
        self.approx = {norm(k): v for k, v in tw.approx.items()}
        self.boundary = {norm(f): b for b, forms in tw.boundaries.items() for f in forms}
        self.before_after = {norm(f): m for m, forms in tw.before_after.items() for f in forms}
        self.vague = {norm(f): v.value for v in tw.vague for f in v.forms}
        self.era_bc = {norm(f) for f in tw.era_bc}
        self.era_hijri = {norm(f) for f in tw.era_hijri}
        self.era_ad = {norm(f) for f in tw.era_ad}
        self.quarter_words = {norm(f) for f in tw.quarter_words}
        self.half_words = {norm(f) for f in tw.half_words}
        self.ago = {norm(f) for f in tw.ago}
        self.short_ampm = {norm(f) for f in tw.short_ampm}
        self.later = {norm(f) for f in tw.later}
        self.named_hours = {norm(k): v for k, v in tw.named_hours.items()}
        self.subpart_ord_before = {norm(k): v for k, v in tw.subpart_ordinals_before.items()}
        self.subpart_last = {norm(f) for f in tw.subpart_last}
        self.subpart_first_pl = {norm(f) for f in tw.subpart_first_plural}
        self.subpart_last_pl = {norm(f) for f in tw.subpart_last_plural}

        # ---- alternations
        B, E = r"(?<!\w)", r"(?!\w)"
        self.B, self.E = B, E
        S, SP = r"\s*", r"\s+"
        AL = re.escape(norm(tw.article))
        AND = re.escape(norm(tw.conjunction))
        OF = alt(tw.of_words)
        FROM = re.escape(norm(tw.of_words[0]))
        self.article_prefix = norm(tw.article)
        self.conjunction_prefix = norm(tw.conjunction)
        month = alt(self.months)
        hmonth = alt(self.hmonths)
        weekday = alt(self.weekdays)
        ordinal = alt(self.ordinals)
        daynum = rf"(?:{AL})?(?:3[01]|[12]\d|0?[1-9])(?!\d)"
        day = rf"(?P<day>{daynum}|{ordinal})"
        yearword = alt(tw.year_words)
        era_all = alt(tw.era_ad + tw.era_bc + tw.era_hijri)
        alt(tw.era_hijri)
        era_bc = alt(tw.era_bc)
        year = r"(?P<year>\d{4})(?!\d)"
        # a second name of the month, after a separator or a space (نوفمبر تشرين الثاني)
        monthp = rf"(?P<month>{month})(?:(?:{S}[/\-(]{S}|\s+)(?P<month2>{month})(?:{S}\))?)?"
        yearpart = (
            rf"(?:{S}[,،]?{S}(?:(?:{FROM}{SP})?{yearword}{S})?{year}(?:{S}(?P<era>{era_all}){E})?)"
        )
        dayword = alt(cal.day_words)
        monthword = alt(cal.month_words)
        rel_any = alt(self.rel)
        this = alt(tw.this_prefix)
        cards = alt(self.cardinals)
        tens = alt(num.tens)
        numword = rf"(?:{cards}{SP}{AND}{S}{tens}|{cards})"
        number = rf"(?:(?:{AL})?\d+|(?:{AL})?{numword})"
        unit_any = alt(sing + plural)
        unit_dual = alt(dual)
        unit_def = alt(definite)
        unit_def_pl = alt(def_plural)
        unit_def_dual = alt(def_dual)
        # no year, numeric date or day list with its month after the unit (قبل عام 2020،
        # خلال أيام 18 و19 مارس); a counted noun may follow (قبل ثلاثة أيام 18 طفلاً)
        not_date_next = (
            rf"(?!{S}\d{{3,4}}(?!\d))(?!{S}\d{{1,2}}\s?[/.\-]\s?\d)"
            rf"(?!{S}\d{{1,2}}(?:\s?(?:و|-|،|,)\s?\d{{1,2}})*{SP}(?:{month}|{hmonth}){E})"
            rf"(?!{SP}(?:{month}|{hmonth}|{weekday}){E})"
        )
        counters = alt(tw.counter_nouns)
        pod_after = alt(self.ampm)
        clockword = alt(tw.clock_words)
        clock_suffix = alt(tw.clock_suffix)
        fractions = alt(self.fractions)
        ord_fem = alt(self.ordinals_fem)
        decades = alt(self.decades)
        cent_ord = alt(self.century_ord)
        cent_word = alt(tw.century_word)
        approx = alt(self.approx)
        hadj = (
            rf"(?:{SP}(?P<hadj>{alt(tw.era_hijri_adjectives)}))?" if tw.era_hijri_adjectives else ""
        )
        year_ref = (
            rf"(?:(?:{yearword}{hadj}{S})?{year}|(?P<ythis>{this}){SP}(?P<yunit>{alt(tw.year_words)})"
            rf"|(?P<yunit_b>{alt(tw.year_words)})(?:{SP}(?P<yrel>{rel_any}))?)"
        )
        year_preps = alt(tw.date_prepositions + [f for fs in tw.modifiers.values() for f in fs])
        # a part of a month or a year counted in smaller units, up to the word before the unit
        # it divides: "الأسبوع الثاني من"، "أول أيام"، "الأشهر الستة الأولى من"
        sub_units = [u for u in tw.units if u.unit in tw.subpart_units]
        subpart = (
            rf"(?:(?P<su>{alt(f for u in sub_units for f in u.definite)}){SP}"
            rf"(?P<so>{alt(list(self.ordinals) + list(self.subpart_last))}){SP}{OF}"
            rf"|(?P<sb>{alt(self.subpart_ord_before)}){SP}"
            rf"(?P<sbu>{alt(f for u in sub_units for f in u.singular + u.plural)})(?:{SP}{OF})?"
            rf"|(?P<spu>{alt(f for u in sub_units for f in u.definite_plural)}){SP}(?P<sn>{number}){SP}"
            rf"(?P<se>{alt(self.subpart_first_pl | self.subpart_last_pl)}){SP}{OF})"
        )
        whole_units = [u for u in tw.units if u.unit in ("month", "year")]
        self.wd_alt = weekday

        rules: dict[str, str] = {
            "dmy": (
                rf"(?:(?:{dayword}{SP})?(?P<wd>{weekday}){S}[,،]?{S}(?:{alt(tw.corresponding)}{SP})?)?"
                rf"(?:{dayword}{SP})?{day}{S}(?:{FROM}{SP}|/{S}|-{S})?(?:{monthword}{SP})?{monthp}"
                rf"(?:{yearpart}|{SP}(?P<rel>{rel_any}))?"
            ),
            "mdy": rf"(?:(?P<wd>{weekday}){S}[,،]?{S})?{monthp}{SP}(?P<day>(?:3[01]|[12]\d|0?[1-9])){S}[,،]?{S}{year}",
            "my": rf"(?:{monthword}{SP})?{monthp}{yearpart}",
            "month": rf"(?:(?P<mw>{monthword}){SP})?{monthp}(?:{SP}(?P<rel>{rel_any}))?",
            "day_of_month": (
                rf"{day}{SP}{FROM}{SP}(?:(?P<this>{this}){SP})?(?P<unit_def>{alt([tw.units[2].definite[0]])})"
                rf"(?:{SP}(?P<rel>{rel_any}))?"
            ),
            "year": (
                rf"(?:(?P<yw>{yearword}){hadj}{S}(?P<year>\d{{1,4}})(?:{S}(?P<era>{era_all}){E})?"
                rf"|(?P<year_b>\d{{3,4}}){S}(?P<era_b>{era_all}){E})"
                rf"(?!{S}(?:{counters}){E})(?!{S}[%٪])"
            ),
            "prep_year": (
                rf"{year_preps}\s{{1,3}}(?P<core>(?P<year>(?:1[5-9]|20)\d\d))(?!\d)"
                rf"(?!{S}(?:{counters}){E})(?!{S}[%٪.,]\d)(?!{S}[%٪])"
            ),
            "numeric": (
                r"(?<![\d/.\-])(?:(?P<day>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<month>\d{1,2})\s?(?P=sep)\s?(?P<year>\d{4})"
                r"|(?P<year_b>\d{4})\s?(?P<sep_b>[/.\-])\s?(?P<month_b>\d{1,2})\s?(?P=sep_b)\s?(?P<day_b>\d{1,2}))"
                rf"(?![\d/.\-]?\d)(?:{S}(?P<era>{era_all}){E})?"
            ),
            "weekday": rf"(?:(?P<dw>{dayword}){SP})?(?P<wd>{weekday})(?:{SP}(?P<rel>{rel_any}))?",
            "numeric_short": (
                rf"(?:(?P<dw>{dayword}){SP}(?P<day>3[01]|[12]\d|0?[1-9])[/\-](?P<month>1[0-2]|0?[1-9])"
                rf"|(?P<prep>{OF}){SP}(?P<month_b>1[0-2]|0?[1-9])/(?P<year>(?:19|20)\d\d)"
                rf"|(?P<year_b>(?:19|20)\d\d)-(?P<month_c>0[1-9]|1[0-2]))(?![\d/\-]|\.\d)"
            ),
            "month_num": (
                rf"{monthword}{SP}(?P<mnum>1[0-2]|0?[1-9])(?!\d)(?:{S}(?:{FROM}{SP})?{year_ref})?"
            ),
            "deictic": alt(self.deictics),
            "clock": (
                rf"(?:(?P<cw>{clockword}){SP})?(?:(?:{AL})?(?P<hour>\d{{1,2}})(?:(?P<msep>[:.])(?P<minute>\d{{2}}))?|(?P<hourw>{ord_fem})"
                rf"|(?P<hourn>{alt(self.named_hours)}))"
                rf"(?:{S}(?P<frac>{fractions})|{S}{AND}{S}(?P<fmin>\d{{1,2}}){SP}{alt(tw.units[7].singular + tw.units[7].plural + tw.units[7].dual)})?"
                rf"(?:{S}(?P<ampm>{pod_after}){E})?"
                rf"(?:{SP}(?P<tz>{clock_suffix}))?"
            ),
            "ago_later": (
                rf"(?P<dir>{alt(tw.ago + tw.later)}){SP}(?:(?P<approx>{approx}){SP})?"
                rf"(?:(?P<num>{number}){SP}(?P<unit>{unit_any})|(?P<unit_dual>{unit_dual})|(?P<unit1>{unit_any}))"
                rf"(?P<andhalf>{SP}{alt(tw.and_half)})?(?P<era_of>{SP}{alt(tw.time_of_era)})?{E}{not_date_next}"
            ),
            "duration": (
                rf"(?:(?P<prep>{alt(tw.duration_prepositions)}){SP})?(?:(?P<approx>{approx}){SP})?"
                rf"(?:(?P<num>{number}){SP}(?P<unit>{unit_any})|(?P<unit_dual>{unit_dual})"
                rf"|(?P<half>{alt(self.fraction_units)})|(?P<unit1>{unit_any}))(?P<andhalf>{SP}{alt(tw.and_half)})?"
                rf"(?P<whole>{SP}{alt(tw.whole_words)}{E})?"
                rf"(?P<era_of>{SP}{alt(tw.time_of_era)})?"
                rf"{E}{not_date_next}"
            ),
            "rel_unit": (
                rf"(?:(?P<prep>{alt(tw.duration_prepositions)}){SP})?"
                rf"(?:(?P<this>{this}){SP}(?P<unit_def>{unit_def})|(?P<unit_def_b>{unit_def}){SP}(?P<rel>{rel_any}))"
            ),
            "rel_plural": (
                rf"(?:(?P<prep>{alt(tw.duration_prepositions + tw.of_words[1:])}){SP})?"
                rf"(?:(?P<unit_pl>{unit_def_pl})(?:{SP}(?P<num>{number}))?(?:{SP}(?P<few>{alt(tw.few)}))?"
                rf"|(?P<unit_dual>{unit_def_dual})){SP}(?P<rel>{rel_any})"
            ),
            "decade": (
                rf"(?:(?P<dp>{alt(tw.decade_prefix)}){SP})?(?P<decade>{decades})"
                rf"(?:{SP}(?:{OF}{SP})?{cent_word}{SP}(?:(?P<cord>{cent_ord})|(?:{AL})?(?P<cnum>\d{{1,2}})|(?P<rel>{rel_any})))?"
            ),
            "century": (
                rf"{cent_word}{SP}(?:(?P<cord>{cent_ord})|(?:{AL})?(?P<cnum>\d{{1,2}})(?!\d)|(?P<rel>{rel_any}))"
                rf"(?:{SP}(?P<era>{era_bc}|{alt(tw.era_ad)}))?"
            ),
            "season": (
                rf"(?:(?P<this>{this}){SP})?(?P<season>{alt(self.seasons)})"
                rf"(?:{SP}(?P<rel>{rel_any})|{SP}(?:{OF}{SP})?{year_ref})?"
            ),
            "quarter": (
                rf"(?P<qw>{alt(tw.quarter_words + tw.half_words)}){SP}(?P<qord>{alt(self.quarter_ord)})"
                rf"{SP}(?:{OF}{SP})?{year_ref}"
            ),
            "weekend": (
                rf"(?P<we>{alt(tw.week_end)}){SP}(?:(?P<this>{this}){SP})?{alt(tw.units[1].definite)}"
                rf"(?:{SP}(?P<rel>{rel_any}))?"
            ),
            "mod_unit": (
                rf"(?P<modw>{alt(self.modifiers)}){SP}(?P<unit_def>{unit_def})(?!{SP}{rel_any})(?!{S}\d)"
            ),
            "vague": rf"(?P<vague>{alt(self.vague)})",
            "holiday": (
                rf"(?:(?P<hday>{alt(self.holiday_day)}){SP})?(?P<hol>{alt(self.holidays)})(?:{SP}(?P<rel>{rel_any})|{S}[,،]?{S}(?:{FROM}{SP})?(?:{yearword}{S})?"
                rf"(?P<year>\d{{4}})(?:{S}(?P<era>{era_all}){E})?)?"
            ),
            "hmonth": (
                rf"(?:(?P<mw>{monthword}){SP})?(?P<hmonth>{hmonth})"
                rf"(?:{SP}(?P<rel>{rel_any})|{S}[,،]?{S}(?:{FROM}{SP})?(?:{yearword}{S})?(?P<year>\d{{3,4}})(?:{S}(?P<era>{era_all}){E})?)?"
            ),
            "hijri_date": (
                rf"(?:(?:{dayword}{SP})?(?P<wd>{weekday}){S}[,،]?{S})?{day}{S}(?:{FROM}{SP})?(?:{monthword}{SP})?(?P<hmonth>{hmonth})"
                rf"(?:{S}[,،]?{S}(?:{yearword}{S})?(?P<year>\d{{3,4}})(?:{S}(?P<era>{era_all}){E})?|{SP}(?P<rel>{rel_any}))?"
            ),
            "range_days": (
                # a clock time's minutes are no first day (18:05-10 مارس 2025)
                rf"(?:(?P<from>{alt(tw.range_from)}){SP})?(?P<day1>(?<![:.])(?:{daynum})|{ordinal}){S}(?P<to>{alt(tw.range_to)}){S}"
                rf"{day}{SP}(?:{FROM}{SP})?(?:{monthword}{SP})?{monthp}(?:{yearpart}|{SP}(?P<rel>{rel_any}))?"
            ),
            "range_months": (
                rf"(?:(?P<from>{alt(tw.range_from)}){SP})?(?:{monthword}{SP})?(?P<m1>{month}){S}(?P<to>{alt(tw.range_to)}){S}"
                rf"(?:{monthword}{SP})?{monthp}(?:{yearpart})?"
            ),
            "decade_ord": (
                rf"{alt(tw.units[4].definite)}{SP}(?P<dord>{ordinal}){SP}{OF}{SP}{cent_word}{SP}"
                rf"(?:(?P<cord>{cent_ord})|(?:{AL})?(?P<cnum>\d{{1,2}})|(?P<rel>{rel_any}))"
            ),
            "age": (
                rf"(?P<agen>{alt(list(self.ordinals) + list(self.ordinals_fem))}|(?:{AL})?\d{{1,3}}){SP}"
                rf"{FROM}{SP}{alt(tw.age_words)}"
            ),
            "attached_this": rf"{alt(tw.this_attached)}(?P<unit_def>{alt(sing)})",
            "millennium": rf"{alt(tw.millennium_words)}{SP}(?P<cord>{alt(list(self.century_ord) + list(self.ordinals_fem))})",
            # a part of the current month or year: "الأشهر الستة الأولى من العام"; with a
            # relative (العام الماضي) or a name the part is joined to the expression after it
            "subpart_bare": (
                rf"{subpart}{SP}(?P<unit_def>{alt(f for u in whole_units for f in u.definite)})"
                rf"(?!{SP}(?:{AL}|{rel_any}{E}))(?!{S}\d)"
            ),
            "year_span": (
                rf"(?<![\d/\-])(?P<y1>(?:19|20)\d\d){S}[-/–]{S}(?P<y2>(?:19|20)\d\d)(?![\d/\-])"
                rf"(?!{S}(?:{counters}){E})"
            ),
            "frequency": (
                rf"(?:(?P<freq>{alt(self.frequency)})|(?P<num>{number}){SP}{alt(tw.frequency_plural)})"
                rf"{SP}(?:{OF}|{alt(tw.set_every)}){SP}(?P<unit_def>{unit_def})"
            ),
            "paren_years": rf"\({S}(?P<y1>\d{{4}}){S}[-/]{S}(?P<y2>\d{{4}}){S}\)",
            "set": (
                rf"(?:(?P<every>{alt(tw.set_every)}){SP}(?:(?:(?P<dw>{dayword}){SP})?(?P<wdb>{alt([k.removeprefix(norm(tw.article)) for k in self.weekdays])})"
                rf"|(?P<wd>{weekday})|(?P<num>{number}){SP}(?P<unit>{alt(sing + plural)})|(?P<unit_dual>{alt(dual)})|(?P<unit1>{alt(sing)}))|(?P<adv>{alt(self.set_adverbs)}))"
            ),
            "range_years": (
                rf"(?:(?P<from>{alt(tw.range_from)}){SP}(?:(?P<yw>{alt(tw.range_year_words)}){SP})?|(?P<yw_b>{alt(tw.range_year_words[:2])}){SP})(?P<y1>\d{{4}}){S}"
                rf"(?P<to>{alt(tw.range_to)}){S}(?:{yearword}{S})?(?P<y2>\d{{4}})(?!\d)(?!{S}(?:{counters}){E})"
            ),
        }
        clitic = rf"(?:{alt(tw.clitics)})?"
        # Trigger words: a rule only runs near a word of one of its categories.
        categories: dict[str, list[str]] = {
            "month": list(self.months),
            "hmonth": list(self.hmonths),
            "quarter": [norm(f) for f in tw.quarter_words + tw.half_words],
            "weekday": list(self.weekdays),
            "every": [norm(f) for f in tw.set_every] + list(self.set_adverbs),
            "frequency": list(self.frequency) + [norm(f) for f in tw.frequency_plural],
            "season": list(self.seasons),
            "holiday": list(self.holidays),
            "unit": list(self.unit_of) + list(self.fraction_units) + list(self.set_adverbs),
            "deictic": list(self.deictics),
            "vague": list(self.vague),
            "decade": list(self.decades),
            "century": [norm(f) for f in tw.century_word + tw.millennium_words],
            # a part of day after an hour word makes a clock time (الرابعة عصر أمس)
            "clock": [norm(f) for f in tw.clock_words + tw.pod_before_day]
            + list(self.named_hours)
            + list(self.ampm)
            + list(self.fractions),
            "age": [norm(f) for f in tw.age_words],
        }
        index: dict[str, set[str]] = {}
        stop = {norm(w) for w in tw.trigger_stopwords}
        for cat, forms in categories.items():
            for form in forms:
                words = form.split(" ")
                if not form:
                    continue
                specific = [w for w in words if w not in stop] or words
                key = max(specific, key=len)
                if len(key) > 1:  # one letter (م، ص) would fire everywhere
                    index.setdefault(key, set()).add(cat)
        expanded: dict[str, set[str]] = {}
        for key, cats in index.items():
            for prefix in ["", *(norm(c) for c in tw.clitics)]:
                expanded.setdefault(prefix + key, set()).update(cats)
            if "unit" in cats:
                for prefix in (norm(c) for c in tw.this_attached):
                    expanded.setdefault(prefix + key, set()).add("attached")
        self.trigger_index = {k: frozenset(v) for k, v in expanded.items()}
        self.digits = re.compile(r"\d+")
        self.trigger_keys = frozenset(self.trigger_index)
        self.word = re.compile(r"\w+")

        # Words at least one of which a rule's match must contain (with or without a clitic):
        # a rule whose words are all absent from a text is not run on it, nor in a window
        # where none of them stands.
        def all_words(forms: Iterable[str]) -> list[str]:
            return [word for form in forms for word in norm(form).split(" ")]

        def first_words(forms: Iterable[str]) -> list[str]:
            return [norm(f).split(" ")[0] for f in forms if norm(f)]

        required: dict[str, list[str]] = {
            "day_of_month": all_words(tw.units[2].definite),
            "rel_unit": all_words(definite + tw.this_prefix),
            "rel_plural": all_words(def_plural + def_dual),
            "mod_unit": first_words(self.modifiers),
            "ago_later": first_words(tw.ago + tw.later),
            "weekend": first_words(tw.week_end),
            "range_years": first_words(tw.range_from) + all_words(tw.range_year_words),
            "month_num": all_words(cal.month_words),
            "subpart_bare": all_words(f for u in whole_units for f in u.definite),
            "age": all_words(tw.age_words),
        }
        clitic_forms = ["", *(norm(c) for c in tw.clitics)]
        self.required = {
            name: frozenset(c + w for w in ws for c in clitic_forms)
            for name, ws in required.items()
        }
        # What a rule's match must contain (read off its pattern), looked for in a window
        # before the rule runs there: one of its required words, or a separator.
        self.window_needs = {name: compiled(alt(ws)) for name, ws in required.items()}
        self.window_needs.update(
            numeric=compiled(r"[/.\-]"),
            numeric_short=compiled(r"[/\-]"),
            year_span=compiled(r"[-/–]"),
            paren_years=compiled(r"\("),
        )
        # The words recognition looks for in a text: trigger and required words (those that
        # can be a whole ``\w+`` word).
        self.lookup_words = frozenset(
            w for w in self.trigger_keys.union(*self.required.values()) if self.word.fullmatch(w)
        )
        # No match starts with a space: ``(?!\s)`` only saves trying every rule at each space
        # of a run (texts often hold long runs of them).
        start = rf"{B}(?!\s){clitic}"
        self.rules = {
            name: compiled(
                rf"{start}{pattern}{E}"
                if "(?P<core>" in pattern
                else rf"{start}(?P<core>{pattern}){E}"
            )
            for name, pattern in rules.items()
        }
        # lookups on the text before / after a match
        before_words = {
            "pod": tw.pod_before_day,
            "mod": list(self.modifiers),
            "boundary": list(self.boundary),
            "before_after": list(self.before_after),
            "approx": list(self.approx),
            "dayword": cal.day_words,
        }
        before = {k: alt(forms) for k, forms in before_words.items()}
        self.before = {
            k: compiled(rf"{B}{clitic}(?P<w>{v}){S}(?:{OF}{SP})?$") for k, v in before.items()
        }
        self.any_before = compiled(
            rf"{B}{clitic}{alt(f for forms in before_words.values() for f in forms)}"
            rf"{S}(?:{OF}{SP})?$"
        )
        self.before_plain = {k: compiled(rf"{B}{clitic}(?P<w>{v}){S}$") for k, v in before.items()}
        self.pod_after = compiled(rf"^{S}(?P<w>{alt(self.pods)}){E}")
        # ليل الأحد-الاثنين: a night named by the two days it joins
        self.next_day_after = compiled(rf"^{S}[-–/]{S}(?:{AL})?(?P<wd>{alt(self.weekdays)}){E}")
        self.clock_gap = compiled(rf"^{S}(?:[,،\-]|{alt(tw.clock_gap_words)})?{S}$")
        self.range_from_before = compiled(rf"{B}{clitic}(?P<w>{alt(tw.range_from)}){S}$")
        self.range_gap = compiled(rf"^{S}(?P<w>{alt(tw.range_to)}){S}$")
        self.deictic_block = compiled(rf"^{SP}{alt(tw.deictic_blockers_after)}{E}")
        self.deictic_block_before = compiled(rf"{B}{clitic}{alt(tw.deictic_blockers_before)}{SP}$")
        self.subpart_before = compiled(rf"{B}{clitic}(?P<w>{subpart}){SP}$")
        self.name_head_before = compiled(rf"{B}{clitic}{alt(tw.name_heads)}{SP}$")
        self.year_words = frozenset(norm(w) for w in tw.year_words)
        self.weekday_block = compiled(rf"^{SP}{alt(tw.weekday_blockers_after)}{E}")
        self.event_relative = compiled(
            rf"^{SP}{alt(tw.event_relative)}{SP}(?!{alt(tw.now_words)}{E})[^\W\d_]"
        )
        self.boundary_word = compiled(rf"{B}{clitic}{alt(tw.clause_boundaries)}{E}|[،,:\"«»]")
        self.deictic_weekday_gap = compiled(rf"^{S}[,،]?{S}(?:{dayword}{SP})?$")
        self.general_block = compiled(rf"{B}{alt(tw.general_adjective_blockers)}{SP}$")
        self.date_prep_before = compiled(rf"{B}{clitic}{alt(tw.date_prepositions)}{S}$")
        self.earlier_of = compiled(rf"^{SP}(?:{FROM}{SP})?$")
        self.of_pod_after = compiled(rf"^{SP}(?:{FROM}{SP})?{alt(tw.pod_before_day)}{E}")
        self.ordinal_head_before = compiled(rf"{B}{clitic}{alt(tw.ordinal_heads)}{SP}$")
        # cues
        cues = tw.cues
        self.future_phrase = compiled(rf"{B}{clitic}(?:{alt(cues.future_phrases)}){E}")
        past_forms: set[str] = set()
        for stem in cues.past_stems:
            s = norm(stem)
            past_forms.update(s + norm(x) for x in cues.past_suffixes)
        self.past_phrase = compiled(
            rf"{B}{clitic}(?:{alt(sorted(past_forms) + cues.past_phrases)}){E}"
        )
        fp = cues.future_prefix
        prefixes = alt(fp.prefixes)
        imperfect = "".join(norm(c) for c in fp.imperfect)
        self.future_token = compiled(
            rf"{B}(?:{prefixes})[{imperfect}][^\W\d_]{{{fp.min_rest - 1},}}{E}"
        )
        self.future_exclude_suffix = tuple(norm(s) for s in fp.exclude_suffixes)
        # token-level cue tables: single words (with clitics) and multi-word phrases
        self.cue_words: dict[str, str] = {}
        self.cue_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        prefixes_all = ["", *(norm(c) for c in tw.clitics)]
        for kind, forms in (
            ("past", sorted(past_forms) + [norm(f) for f in cues.past_phrases]),
            ("future", [norm(f) for f in cues.future_phrases]),
            ("planned", [norm(f) for f in cues.planning_phrases]),
        ):
            # a past verb takes only و / ف (لبحث، بحضور are nouns, no past tense)
            allowed = (
                prefixes_all
                if kind != "past"
                else ["", *(p for p in prefixes_all if p in "وف" and p)]
            )
            for form in forms:
                parts = tuple(form.split(" "))
                for prefix in allowed:
                    first = prefix + parts[0]
                    if len(parts) == 1:
                        self.cue_words.setdefault(first, kind)
                    else:
                        self.cue_phrases.setdefault(first, []).append((parts[1:], kind))
        self.cue_starts = frozenset(self.cue_words).union(self.cue_phrases)
        # the verb, and its subject (مكث الوفد شهراً)
        self.lasting_before = compiled(
            rf"{B}{clitic}{alt(tw.lasting_verbs)}(?:{SP}[^\W\d_]+){{0,2}}{SP}$"
        )
        self.future_prefixes = tuple(norm(p) for p in fp.prefixes)
        self.imperfect = tuple(norm(c) for c in fp.imperfect)
        self.future_stop = {norm(w) for w in cues.future_prefix_stoplist}
        self.name_head_words = frozenset(norm(w) for w in tw.name_heads)
        self.clitics = compiled(rf"^{alt(tw.clitics)}")
        self.reading_before = compiled(rf"{B}{alt(tw.reading_time_before)}{S}[:：]?{S}$")
        self.reading_after = compiled(rf"^{S}{alt(tw.reading_time_after)}{E}")

    # lookups ----------------------------------------------------------------------------

    def number(self, text: str) -> int | None:
        """Value of digits or number words (``خمسة وعشرين`` → 25, ``الثلاثة`` → 3)."""
        t = squash(text)
        if t.isdigit():
            return int(t)
        if t in self.cardinals:
            return self.cardinals[t]
        al, wa = self.article_prefix, self.conjunction_prefix
        if t.startswith(al) and t[len(al) :] in self.cardinals:
            return self.cardinals[t[len(al) :]]
        if t.startswith(al) and t[len(al) :].isdigit():
            return int(t[len(al) :])
        total = 0
        for part in t.split():
            part = part.removeprefix(al)
            if part.startswith(wa) and part[len(wa) :] in self.cardinals:
                part = part[len(wa) :]
            if part not in self.cardinals:
                return None
            total += self.cardinals[part]
        return total or None

    def day_number(self, text: str) -> int | None:
        t = squash(text)
        if t in self.ordinals:
            return self.ordinals[t]
        t = t.removeprefix(self.article_prefix)
        if t.isdigit():
            return int(t)
        return self.ordinals.get(t)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The compiled grammar (built once per process)."""
    return Grammar()
