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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import regex

from .text import NormalisedText, beyond_bmp, normalise

__all__ = ["Regions", "TokenTable", "original_ends", "original_starts", "origins", "table"]

_WORD = regex.compile(r"[\p{L}\p{N}_]+")
_SPLIT = regex.compile(r"([\p{L}\p{N}_]+)")


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
    """``norm.origin(p)`` for sorted normalised offsets ``p`` up to ``len(norm.text)``, whose
    origin is the end of the original (one character per one not dropped).

    >>> original_starts(normalise("وصلَ الوزير"), [0, 4, 10])
    [0, 5, 11]
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


def origins(norm: NormalisedText, positions: Iterable[int]) -> list[int]:
    """``norm.origin(p)`` for normalised offsets ``p`` in any order (for a few offsets; the
    sorted :func:`original_starts` suits many).

    >>> origins(normalise("وصلَ الوزير"), [4, 0, 10])
    [5, 0, 11]
    """
    n, end = len(norm.text), len(norm.original)
    shifts = _shifts(norm)
    return [p + bisect_right(shifts, p) if p < n else end for p in positions]


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
    splitter = _SPLIT if beyond_bmp(norm.text) else _fast_split()
    parts = splitter.split(norm.text)
    lengths = list(map(len, parts))
    offsets = tuple(accumulate(lengths))  # words' starts and ends, alternately
    # every offset maps like a start, the text's end included (an end's dropped marks follow)
    mapped = tuple(accumulate(_original_lengths(norm, lengths, offsets))) if norm.drops else offsets
    return TokenTable(
        norm,
        tuple(parts[1::2]),
        offsets[0:-1:2],
        offsets[1::2],
        mapped[0:-1:2],
        mapped[1::2],
    )


def _original_lengths(norm: NormalisedText, lengths: list[int], ends: Sequence[int]) -> list[int]:
    """The ``lengths`` of consecutive pieces of ``norm.text`` (ending at ``ends``) in the
    original: each dropped character lengthens the first piece whose end lies at or after it,
    so that the running sums map every end like :func:`original_starts`.

    >>> n = normalise("وصلَ الوزير")
    >>> _original_lengths(n, [3, 1, 6], [3, 4, 10])
    [4, 1, 6]
    """
    out = lengths.copy()
    for shift in _shifts(norm):
        out[bisect_left(ends, shift)] += 1
    return out


@lru_cache(maxsize=1)
def _odd_chars() -> re.Pattern[str]:
    """The characters where ``re``'s ``\\w`` and ``regex``'s ``[\\p{L}\\p{N}_]`` disagree
    (their Unicode versions differ; found once over the BMP), and every astral character.
    :func:`table` no longer needs it: its explicit class of the BMP's word characters agrees
    with ``_SPLIT`` everywhere but beyond the BMP.

    >>> _odd_chars().search("وصل الوزير ☟ 2025") is None
    True
    """
    bmp = "".join(map(chr, range(0x10000)))
    odd = set(_bmp_word_chars()).symmetric_difference(re.findall(r"\w", bmp))
    return re.compile("[" + "".join(map(re.escape, sorted(odd))) + "\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _fast_split() -> re.Pattern[str]:
    """``_SPLIT`` as a ``re`` pattern, for texts within the BMP: ``re`` splits twice
    as fast as ``regex``, and faster on an explicit class of the BMP's word characters than on
    its ``\\w`` (the same characters but where the two modules' Unicode versions disagree).

    >>> _fast_split().split("وصل، 2025")
    ['', 'وصل', '، ', '2025', '']
    """
    return re.compile("([" + _char_class(_bmp_word_chars()) + "]+)")


@lru_cache(maxsize=1)
def _bmp_word_chars() -> tuple[str, ...]:
    """The characters of ``[\\p{L}\\p{N}_]`` in the BMP, in order (found once)."""
    bmp = "".join(map(chr, range(0x10000)))
    return tuple(regex.findall(r"[\p{L}\p{N}_]", bmp))


def _char_class(chars: Sequence[str]) -> str:
    """The inside of a ``re`` character class matching the sorted ``chars``, as ranges."""
    ranges: list[tuple[str, str]] = []
    for c in chars:
        if ranges and ord(c) == ord(ranges[-1][1]) + 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)


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
