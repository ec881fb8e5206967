"""One token table per text, shared by the actor, place, event and agreement engines.

The words of the normalised text (letters, digits, ``_``) with their offsets in the
normalised text and in the original, computed once per text in bulk (one bisection per
dropped character instead of one per offset) and cached for the next engine.

>>> t = table("وصلَ الوزيرُ")
>>> t.keys, t.starts, t.ostarts, t.oends
(('وصل', 'الوزير'), (0, 4), (0, 5), (4, 12))
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import regex

from .text import NormalisedText, normalise

__all__ = ["Regions", "TokenTable", "original_ends", "original_starts", "table"]

_WORD = regex.compile(r"[\p{L}\p{N}_]+")
_SPLIT = regex.compile(r"([\p{L}\p{N}_]+)")
# ``re`` splits twice as fast; its ``\w`` is ``[\p{L}\p{N}_]`` but for the characters on which
# the two modules' Unicode versions disagree (see :func:`_odd_chars`)
_FAST_SPLIT = re.compile(r"(\w+)")


@dataclass(frozen=True, slots=True)
class TokenTable:
    """The words of a text as parallel sequences (do not mutate: the table is shared).

    ``starts`` / ``ends`` are offsets in ``norm.text``, ``ostarts`` / ``oends`` the same words'
    span in the original text (``norm.span`` of each word), ``keys`` the normalised words.
    """

    norm: NormalisedText
    keys: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    ostarts: tuple[int, ...]
    oends: tuple[int, ...]


def _shifts(norm: NormalisedText) -> list[int]:
    """Normalised offsets after which one more original character was dropped."""
    return [d - k for k, d in enumerate(norm.drops)]


def original_starts(norm: NormalisedText, positions: Sequence[int]) -> list[int]:
    """``norm.origin(p)`` for sorted normalised offsets ``p`` below ``len(norm.text)``.

    >>> original_starts(normalise("وصلَ الوزير"), [0, 4])
    [0, 5]
    """
    if not norm.drops:
        return list(positions)
    out: list[int] = []
    done = 0
    for k, shift in enumerate(_shifts(norm)):  # positions before ``shift`` have k drops
        cut = bisect_left(positions, shift, done)
        out.extend([p + k for p in positions[done:cut]])
        done = cut
    k = len(norm.drops)
    out.extend([p + k for p in positions[done:]])
    return out


def original_ends(norm: NormalisedText, ends: Sequence[int]) -> list[int]:
    """End of ``norm.span((a, e))`` for sorted non-empty spans' normalised ends ``e`` (the
    marks dropped right after a word belong to it).

    >>> original_ends(normalise("وصلَ الوزير"), [3, 10])
    [4, 11]
    """
    n = len(norm.text)
    inner = [e for e in ends if e < n]
    out = original_starts(norm, inner) if norm.drops else list(inner)
    out.extend(len(norm.original) for e in ends if e >= n)
    return out


@lru_cache(maxsize=2)
def table(text: str) -> TokenTable:
    """The (cached) token table of ``text``.

    >>> table("قال لافروف").keys
    ('قال', 'لافروف')
    """
    norm = normalise(text)
    # split keeps the words at odd places; the running lengths give every offset in bulk
    splitter = _SPLIT if _odd_chars().search(norm.text) else _FAST_SPLIT
    parts = splitter.split(norm.text)
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]
    ends = offsets[1::2]
    return TokenTable(
        norm,
        tuple(parts[1::2]),
        tuple(starts),
        tuple(ends),
        tuple(original_starts(norm, starts)),
        tuple(original_ends(norm, ends)),
    )


@lru_cache(maxsize=1)
def _odd_chars() -> re.Pattern[str]:
    """The characters where ``re``'s ``\\w`` and ``regex``'s ``[\\p{L}\\p{N}_]`` disagree
    (their Unicode versions differ; found once over the BMP), and every astral character.

    >>> _odd_chars().search("وصل الوزير ☟ 2025") is None
    True
    """
    bmp = "".join(map(chr, range(0x10000)))
    ours = regex.findall(r"[\p{L}\p{N}_]", bmp)
    odd = set(ours).symmetric_difference(re.findall(r"\w", bmp))
    return re.compile("[" + "".join(map(re.escape, sorted(odd))) + "\U00010000-\U0010ffff]")


class Regions:
    """A set of spans, to ask fast whether a span lies inside one of them.

    >>> r = Regions([(0, 10), (20, 30)])
    >>> (r.holds((2, 5)), r.holds((8, 12)), r.holds((20, 30)))
    (True, False, True)
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._ends: list[int] = []  # the furthest end among the spans that start so far
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self._ends.append(furthest)

    def holds(self, span: tuple[int, int]) -> bool:
        """Whether some region ``(s, e)`` has ``s <= span[0]`` and ``span[1] <= e``."""
        k = bisect_right(self._starts, span[0]) - 1
        return k >= 0 and self._ends[k] >= span[1]
