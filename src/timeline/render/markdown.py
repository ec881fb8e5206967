"""The timeline as Markdown: readable in a terminal and on GitHub.

Dated entries are grouped under year and month headings (``## 2025``, ``### مايو 2025``), each
with its date as precise as it is known, its type, actors, Arabic evidence and sources; the
undated entries follow in a section apart, then the agreements.

>>> from timeline.models import Event, Timeline
>>> "## غير مؤرخ / Undated" in to_markdown(Timeline(events=(Event(id="e1", type="AGREE"),)))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Agreement, Event, Mention, Milestone, Timeline
from .common import arrange, distinct_mentions, group_of, highlight, published_of
from .words import Lang, format_date, label, pick, words

__all__ = ["md_escape", "to_markdown"]

_SPACE = re.compile(r"\s+")
_SPECIAL = re.compile(r"([\\`*\[\]<>#|~&!{}]|(?<!\w)_|_(?!\w))")


def md_escape(text: str) -> str:
    """Text made inert for Markdown: one line, punctuation that means something escaped.

    >>> print(md_escape("قال: <b>*مهم*</b>"))
    قال: \\<b\\>\\*مهم\\*\\</b\\>
    """
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def _both(key: str) -> str:
    return f"{label(key, 'ar')} / {label(key, 'en')}"


def _join(items: Iterable[str], lang: Lang = "ar") -> str:
    return words().list_separator.get(lang).join(items)


def _evidence(mention: Mention, trigger: str | None) -> str:
    pieces = highlight(mention.evidence, trigger)
    if len(pieces) == 1:  # nothing singled out: no need to embolden the whole quote
        body = md_escape(mention.evidence)
    else:
        body = "".join(
            f"**{md_escape(t).strip()}**" if marked else md_escape(t) for t, marked in pieces
        )
    where = [f"`{mention.article}`"]
    if mention.published is not None:
        where.append(mention.published.date().isoformat())
    if mention.source:
        where.append(md_escape(mention.source))
    return f"«{body}» — {' · '.join(where)}"


def _actors(event: Event) -> str | None:
    parts = []
    for role in ("agent", "target", "other", "source"):
        names = list(dict.fromkeys(a.name for a in event.actors if a.role == role))
        if names:
            parts.append(f"{pick(words().roles, role)}: {_join(md_escape(n) for n in names)}")
    return " · ".join(parts) if parts else None


def _headline(event: Event) -> str:
    date = format_date(event.date, published=published_of(event))
    head = [f"**{md_escape(date)}**"] if event.date.value or event.date.start else []
    kind = f"{pick(words().event_types, event.type)} `{event.type}`"
    if event.mode:
        kind += f" ({md_escape(event.mode)})"
    head.append(kind)
    if event.location:
        head.append(f"{label('location')}: {md_escape(event.location)}")
    if event.negated:
        head.append(f"**{label('negated')}**")
    if event.hypothetical:
        head.append(f"*{label('hypothetical')}*")
    return " — ".join(head)


def _entry(event: Event) -> list[str]:
    lines = [f"- {_headline(event)}"]
    actors = _actors(event)
    if actors:
        lines.append(f"  - {actors}")
    lines.extend(f"  - {_evidence(m, event.trigger)}" for m in distinct_mentions(event))
    facts = [
        f"{label('independent_sources')}: {event.sources}",
        f"{label('confidence')}: {event.confidence:.2f}",
        pick(words().basis, event.date_basis),
    ]
    if event.date_note:
        facts.append(f"{label('date_note')}: {md_escape(event.date_note)}")
    lines.append(f"  - {' · '.join(facts)}")
    return lines


def _dated(events: Iterable[Event]) -> list[str]:
    lines: list[str] = []
    year: str | None = None
    month: str | None = None
    for event in events:
        y, m = group_of(event)
        if y != year:
            lines += ["", f"## {md_escape(y)}"]
            year, month = y, None
        if m is not None and m != month:
            lines += ["", f"### {md_escape(m)}"]
        month = m
        lines += ["", *_entry(event)]
    return lines


def _milestone(stone: Milestone) -> str:
    parts = [pick(words().stages, stone.stage)]
    parts.append(format_date(stone.date) if stone.date is not None else label("undated"))
    if stone.article:
        parts.append(f"`{stone.article}`")
    line = " — ".join(parts)
    if stone.evidence:
        line += f": «{md_escape(stone.evidence)}»"
    return line


def _agreement(agreement: Agreement) -> list[str]:
    title = agreement.names[0] if agreement.names else agreement.id
    lines = ["", f"### {md_escape(title)}", ""]
    if len(agreement.names) > 1:
        lines.append(f"- {label('names')}: {_join(f'«{md_escape(n)}»' for n in agreement.names)}")
    if agreement.kind:
        lines.append(f"- {label('kind')}: {md_escape(agreement.kind)}")
    if agreement.parties:
        lines.append(f"- {label('parties')}: {_join(md_escape(p) for p in agreement.parties)}")
    if agreement.domains:
        lines.append(f"- {label('domains')}: {_join(md_escape(d) for d in agreement.domains)}")
    if agreement.milestones:
        lines.append(f"- {label('milestones')}:")
        lines.extend(f"  - {_milestone(s)}" for s in agreement.milestones)
    if agreement.clauses:
        lines.append(f"- {label('clauses')}:")
        for c in agreement.clauses:
            state = label("present") if c.present else label("absent")
            line = f"  - {pick(words().clauses, c.kind)} (`{c.kind}`): **{state}**"
            if c.article:
                line += f" — `{c.article}`"
            if c.evidence:
                line += f": «{md_escape(c.evidence)}»"
            lines.append(line)
    if agreement.articles:
        lines.append(f"- {label('mentioned_in')}: {_join(f'`{a}`' for a in agreement.articles)}")
    return lines


def to_markdown(timeline: Timeline, order: str = "oldest") -> str:
    """Render ``timeline`` as Markdown, dated entries ``oldest`` or ``newest`` first.

    >>> from datetime import datetime
    >>> from timeline.models import EventDate
    >>> d = EventDate(value="2025-05", grain="month", start=datetime(2025, 5, 1), end=datetime(2025, 6, 1))
    >>> "### مايو 2025" in to_markdown(Timeline(events=(Event(id="e", type="CONSULT", date=d),)))
    True
    """
    dated, undated = arrange(timeline, order)
    summary = label("summary", events=len(timeline.events), articles=len(timeline.articles))
    lines = [
        f"# {_both('title')}",
        "",
        f"{summary} · {label('order')}: {label('order_' + order)}",
    ]
    if not timeline.events:
        lines += ["", label("no_events")]
    lines += _dated(dated)
    if undated:
        lines += ["", f"## {_both('undated')}"]
        for event in undated:
            lines += ["", *_entry(event)]
    if timeline.agreements:
        lines += ["", f"## {_both('agreements')}"]
        for agreement in timeline.agreements:
            lines += _agreement(agreement)
    return "\n".join(lines) + "\n"
