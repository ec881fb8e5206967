"""Arabic temporal expressions: recognise every date and relative time, resolve it against an
anchor (the publication date).

>>> [(t.text, t.value) for t in find_times("وصل الوزير صباح الثلاثاء", "2026-01-21")]
[('صباح الثلاثاء', '2026-01-20TMO')]
>>> resolve_time("في مايو الماضي").value
'XXXX-05'
>>> resolve_time("حتى يوم الخميس", "2025-10-28", prefer="future").value
'2025-10-30'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import TypeAdapter

from ..errors import BadDateError
from ..models import TimeExpression
from ..text import NormalisedText, normalise
from .anaphora import same_time
from .grammar import Grammar, grammar, norm
from .recognise import Parsed, recognise
from .resolve import Resolved, Unresolvable, resolve

__all__ = ["find_times", "parse_anchor", "resolve_time"]

AnchorLike = str | dt.date | dt.datetime | None
Prefer = Literal["past", "future"]

# Kinds whose direction (past or future) the context decides when the text does not say.
DIRECTIONAL = frozenset(
    {"date", "weekday", "month", "holiday", "hmonth", "season", "weekend", "range", "subpart"}
)


def parse_anchor(anchor: AnchorLike, *, where: str = "anchor") -> dt.datetime | None:
    """An anchor as a naive datetime: ISO text, ``date`` or ``datetime``; time zones are
    dropped (the wall time is kept). ``where`` names the argument in error messages.

    >>> parse_anchor("2026-01-21")
    datetime.datetime(2026, 1, 21, 0, 0)
    """
    if anchor is None:
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.replace(tzinfo=None)
    if isinstance(anchor, dt.date):
        return dt.datetime(anchor.year, anchor.month, anchor.day)
    if isinstance(anchor, str):
        text = anchor.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            if len(text) == 10:
                d = dt.date.fromisoformat(text)
                return dt.datetime(d.year, d.month, d.day)
            return dt.datetime.fromisoformat(text).replace(tzinfo=None)
        except ValueError:
            pass
        raise BadDateError(
            f"cannot read {anchor!r} as a date; use ISO 8601 such as 2026-01-21 or "
            "2026-01-21T08:14",
            where=where,
        )
    raise BadDateError(f"expected a date, got {type(anchor).__name__}", where=where)


BREAKS = ".!?؟؛\n"
BREAK = re.compile(f"[{re.escape(BREAKS)}]")


@dataclass(slots=True)
class _Context:
    """What direction cues need from a text: sentence limits, and the tense cues of each
    sentence, found the first time a sentence is asked for."""

    text: str
    cache: dict[int, tuple[tuple[int, int, str], ...]]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        left = max(text.rfind(ch, 0, start) for ch in BREAKS) + 1
        right = BREAK.search(text, end)
        return left, right.start() if right is not None else len(text)

    def cues(self, left: int, right: int, g: Grammar) -> tuple[tuple[int, int, str], ...]:
        hit = self.cache.get(left)
        if hit is None:
            hit = self.cache[left] = _cues(self.text, left, right, g)
        return hit


def _context(text: str) -> _Context:
    return _Context(text, {})


def _cues(text: str, left: int, right: int, g: Grammar) -> tuple[tuple[int, int, str], ...]:
    """The tense cues of ``text[left:right]``: (start, end, "past" | "future")."""
    matches = list(g.word.finditer(text, left, right))
    words = [m[0] for m in matches]
    cues: list[tuple[int, int, str]] = []
    for k, tok in enumerate(words):
        if tok not in g.cue_starts and not tok.startswith(g.future_prefixes):
            continue  # no cue starts with this word
        kind = g.cue_words.get(tok)
        if kind is not None:
            cues.append((*matches[k].span(), kind))
            continue
        for rest, kind in g.cue_phrases.get(tok, ()):
            if tuple(words[k + 1 : k + 1 + len(rest)]) == rest:
                if kind == "planned":  # على أن + a present-tense verb
                    verb = words[k + 1 + len(rest)] if k + 1 + len(rest) < len(words) else ""
                    if len(verb) < 3 or not g.clitics.sub("", verb).startswith(g.imperfect):
                        continue
                    kind = "future"
                cues.append((matches[k].start(), matches[k + len(rest)].end(), kind))
                break
        else:
            # after a name head the word is a name (قضاء سيدكان، بلدة سيلة), no verb
            named = k > 0 and g.clitics.sub("", norm(words[k - 1])) in g.name_head_words
            if not named and _future_verb(tok, g):
                cues.append((*matches[k].span(), "future"))
    return tuple(cues)


def _future_verb(tok: str, g: Grammar) -> bool:
    """A سـ-prefixed imperfect verb (سيزور، وستعقد), not a noun that happens to look like one."""
    if not tok.startswith(g.future_prefixes) or g.future_token.fullmatch(tok) is None:
        return False
    bare = g.clitics.sub("", tok)
    return not (
        tok in g.future_stop or bare in g.future_stop or tok.endswith(g.future_exclude_suffix)
    )


def _direction(
    text: str, p: Parsed, spans: list[tuple[int, int]], g: Grammar, prefer: str, ctx: _Context
) -> str:
    """Past or future for an expression whose text does not fix it: the nearest tense cue in
    its sentence decides (a cue in a later clause does not count), else ``prefer``."""
    left, right = ctx.sentence(p.start, p.end)
    best: tuple[int, str] | None = None
    for a, b, which in ctx.cues(left, right, g):
        if any(s <= a < e for s, e in spans):
            continue
        if b <= p.start:
            dist = p.start - b
            if g.boundary_word.search(text, b, p.start):  # another clause: weaker
                dist += 40
        else:
            if a < p.end:
                continue
            dist = a - p.end + 8  # cues before weigh more
            if g.boundary_word.search(text, p.end, a):  # a cue in a later clause does not count
                continue
        if best is None or dist < best[0]:
            best = (dist, which)
    return best[1] if best is not None else prefer


def _needs_direction(p: Parsed) -> bool:
    """Whether the tense of the sentence can change the value (a year-less date, a bare
    weekday ...); a date with its year, or with الماضي / المقبل, is fixed by its own words."""
    if p.kind not in DIRECTIONAL:
        return False
    if p.kind == "subpart":
        return p.left is not None and _needs_direction(p.left)
    if p.kind == "range":
        return (
            p.left is not None
            and p.right is not None
            and (_needs_direction(p.left) or _needs_direction(p.right))
        )
    return p.year is None and p.rel is None and p.year_rel is None


def _to_expression(
    norm: NormalisedText, p: Parsed, r: Resolved, direction: str | None
) -> dict[str, object]:
    """The fields of the model of a resolved expression (its interval with it)."""
    span = norm.span((p.start, p.end))
    interval = (
        {"start": r.start, "end": r.end}
        if r.start is not None and r.end is not None and r.start < r.end
        else None
    )
    return {
        "text": norm.original[span[0] : span[1]],
        "span": span,
        "value": r.value,
        "grain": r.grain,
        "type": r.type,
        "mod": r.mod,
        "interval": interval,
        "boundary": p.boundary,
        "anchored": r.anchored,
        "direction": direction if r.anchored else None,
        "calendar": "hijri" if p.calendar == "hijri" else "gregorian",
    }


_TIMES = TypeAdapter(list[TimeExpression])
"""Validates a text's expressions in one call, faster than model by model."""


def find_times(
    text: str, anchor: AnchorLike = None, *, prefer: str = "past"
) -> list[TimeExpression]:
    """Every temporal expression in ``text``, resolved against ``anchor``.

    ``prefer`` ("past" for news, "future" for plans and conversation) decides weekdays and
    year-less months when the sentence gives no tense cue. Spans are offsets into ``text``.

    >>> [(t.text, t.value, t.mod) for t in find_times("منذ أوائل الستينيات")]
    [('منذ أوائل الستينيات', '196X', 'START')]
    """
    if prefer not in ("past", "future"):
        raise ValueError(f"prefer must be 'past' or 'future', not {prefer!r}")
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    when = parse_anchor(anchor)
    norm = normalise(text)
    g = grammar()
    parsed = recognise(norm.text)
    spans = [(p.start, p.end) for p in parsed]
    out: list[dict[str, object]] = []
    ctx: _Context | None = None
    for p in parsed:
        direction = prefer
        if _needs_direction(p):
            ctx = ctx or _context(norm.text)
            direction = _direction(norm.text, p, spans, g, prefer, ctx)
        try:
            r = resolve(p, when, direction)
        except (Unresolvable, ValueError, OverflowError):
            continue
        out.append(_to_expression(norm, p, r, direction))
    return _TIMES.validate_python(same_time(norm, out))


def resolve_time(
    phrase: str, anchor: AnchorLike = None, *, prefer: str = "past"
) -> TimeExpression | None:
    """The longest temporal expression in ``phrase``, resolved; ``None`` if there is none.

    >>> resolve_time("منتصف يناير / كانون الثاني", "2022-01-27").value
    '2022-01'
    """
    found = find_times(phrase, anchor, prefer=prefer)
    if not found:
        return None
    return max(found, key=lambda t: (t.span[1] - t.span[0], -t.span[0]))
