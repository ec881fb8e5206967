"""Arabic text normalisation that keeps a map back to the original offsets, and sentences.

Every engine in the library matches on *normalised* text and reports spans in the *original*
text. :func:`normalise` folds the spelling variation that carries no meaning for matching:

* hamza and madda on alef (أ إ آ ٱ → ا), alef maqsura (ى → ي), ta marbuta (ة → ه),
  hamza on waw / ya (ؤ → و, ئ → ي), Persian letters (ک → ك, ی → ي, گ → ك, ڤ → ف, پ → ب);
* diacritics (tashkeel, dagger alef), tatweel (ـ) and zero-width marks are removed;
* Arabic-Indic (٠-٩) and Persian (۰-۹) digits become ASCII digits;
* every kind of white space becomes a plain space, except line breaks which stay ``\\n``;
* curly and angle quotes become ``"``, Latin letters are lower-cased.

>>> n = normalise("وصلَ إلى موسكو في ٢٠ مايو")
>>> n.text
'وصل الي موسكو في 20 مايو'
>>> n.span((0, 3))  # the word with its diacritic
(0, 4)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

__all__ = [
    "NormalisedText",
    "beyond_bmp",
    "normalise",
    "normalise_key",
    "positions",
    "sentences",
    "words",
]

_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # tashkeel
    + ["\u0670", "\u0640", "\u06e1", "\u06ed"]  # dagger alef, tatweel, small marks
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)

_MAP: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "ی": "ي",
    "ې": "ي",
    "ڤ": "ف",
    "ڨ": "ق",
    "پ": "ب",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "٫": ".",
    "٬": ",",
    "–": "-",
    "—": "-",
    "−": "-",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)
    _MAP[chr(0x06F0 + _i)] = str(_i)


def _fold(ch: str) -> str | None:
    """Fold one character; ``None`` drops it."""
    if ch in _DROP:
        return None
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch == "\n":
        return ch
    if ch.isspace():
        return " "
    if ch.isascii():
        return ch.lower()
    if unicodedata.category(ch) == "Mn":
        return None
    folded = ch.lower()
    return folded if len(folded) == 1 else ch


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Normalised text and the way back to the original.

    ``drops`` are the original offsets of the characters normalisation removed (diacritics,
    tatweel ...); every other character maps one to one, so the original offset of normalised
    character ``i`` is ``i`` plus the number of drops before it.
    """

    original: str
    text: str
    drops: tuple[int, ...] = ()
    _shifts: tuple[int, ...] = ()

    def origin(self, i: int) -> int:
        """Original offset of normalised offset ``i`` (``len(text)`` maps to the end)."""
        if i >= len(self.text):
            return len(self.original)
        if not self.drops:
            return i
        return i + bisect_right(self._shifts, i)

    @property
    def offsets(self) -> tuple[int, ...]:
        """Original offset of every normalised character, plus the end of the original."""
        return tuple(self.origin(i) for i in range(len(self.text) + 1))

    def span(self, span: tuple[int, int]) -> tuple[int, int]:
        """Map a half-open span of the normalised text back to the original text; the marks
        that normalisation dropped right after the span's last character (its diacritics,
        a tatweel) stay with it."""
        i, j = span
        if j <= i:
            pos = self.origin(i)
            return (pos, pos)
        return (self.origin(i), self.origin(j))

    def slice(self, span: tuple[int, int]) -> str:
        """The original text behind a span of the normalised text."""
        a, b = self.span(span)
        return self.original[a:b]


def _made(original: str, text: str, drops: list[int]) -> NormalisedText:
    shifts = tuple(d - k for k, d in enumerate(drops))
    return NormalisedText(original, text, tuple(drops), shifts)


def _bmp_class(keep: Callable[[str], bool]) -> str:
    """A character class of the BMP characters ``keep`` accepts, as ranges (for ``re``)."""
    codes = [c for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF and keep(chr(c))]
    ranges: list[tuple[int, int]] = []
    for c in codes:
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    parts = (f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=1)
def _cut_re() -> re.Pattern[str]:
    """What the fast path cuts out of a text in one pass: what :func:`_fold` drops and white
    space other than a space or a line break (to become a space; ``[^\\S\\n ]`` spelt out,
    which ``re`` checks faster). No white space lies beyond the BMP, and such texts are folded
    one by one."""
    return re.compile(
        _bmp_class(lambda ch: _fold(ch) is None or (ch.isspace() and ch not in "\n "))
    )


_ODD_RE = re.compile(r"[\x1c-\x1f\x85]")  # spaces whose folding differs


def beyond_bmp(text: str) -> bool:
    """Whether ``text`` has characters beyond the BMP (each takes two UTF-16 code units).

    >>> beyond_bmp("وصل"), beyond_bmp("وصل \U0001f600")
    (False, True)
    """
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@lru_cache(maxsize=4)  # shared by the stages of one article, never across a batch
def normalise(text: str) -> NormalisedText:
    """Normalise Arabic text for matching, keeping offsets into the original.

    >>> normalise("أعلنَ الرئيسُ").text
    'اعلن الرييس'
    """
    if beyond_bmp(text):  # fold one by one
        return _normalise_slow(text)
    pieces = _cut_re().split(text)  # the text between the cut characters
    drops: list[int] = []
    spaces = False
    pos = 0
    for piece in pieces[:-1]:
        pos += len(piece)
        if text[pos].isspace():  # never dropped
            spaces = True
        else:
            drops.append(pos)
        pos += 1
    if not spaces:
        out = "".join(pieces) if drops else text
    elif _ODD_RE.search(text):
        return _normalise_slow(text)
    else:
        out = "".join(_with_spaces(text, pieces))
    for ch, rep in _MAP.items():
        if ch in out:
            out = out.replace(ch, rep)
    lowered = out.lower()
    if len(lowered) != len(out):
        return _normalise_slow(text)
    return _made(text, lowered, drops)


def _with_spaces(text: str, pieces: list[str]) -> list[str]:
    """``pieces`` of ``text`` (split at its cut characters) with a space for each cut white
    space."""
    out: list[str] = []
    pos = 0
    for piece in pieces[:-1]:
        pos += len(piece)
        out.append(piece)
        if text[pos].isspace():
            out.append(" ")
        pos += 1
    out.append(pieces[-1])
    return out


def _normalise_slow(text: str) -> NormalisedText:
    out: list[str] = []
    drops: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold(ch)
        if folded is None:
            drops.append(i)
            continue
        out.append(folded)
    return _made(text, "".join(out), drops)


_SPACES = regex.compile(r"\s+")


def normalise_key(text: str) -> str:
    """Normalise a lexicon entry or a name to its matching key (single spaces, trimmed).

    >>> normalise_key("  كانونُ   الثاني ")
    'كانون الثاني'
    """
    return _SPACES.sub(" ", normalise(text).text).strip()


# A sentence ends at ., !, ?, ؟ or ؛ followed by white space (so "ق.م" and "3.5" stay whole),
# or at a line break.
_SENTENCE_END = regex.compile(r"[.!?؟؛…]+(?=\s|$)|\n+")
_END_MARKS = ".!?؟؛…"
_WHITE = regex.compile(r"\s")


def sentences(text: str) -> list[tuple[int, int]]:
    """Split text into sentence spans ``(start, end)``, trimmed of white space.

    The ends are the matches of ``_SENTENCE_END``, found from the positions of its few
    characters (``str.find``) instead of a pattern tried at every character.

    >>> t = "وصل الوزير. ثم غادر"
    >>> [t[a:b] for a, b in sentences(t)]
    ['وصل الوزير.', 'ثم غادر']
    """
    spans: list[tuple[int, int]] = []
    start = scan = 0  # the sentence's start; no end begins before ``scan``
    n = len(text)
    for p in positions(text, _END_MARKS + "\n"):
        if p < scan:
            continue
        q = p
        if text[p] == "\n":  # a line break ends the sentence before it
            while q < n and text[q] == "\n":
                q += 1
            _append_trimmed(text, start, p, spans)
            start = scan = q
            continue
        while q < n and text[q] in _END_MARKS:
            q += 1
        scan = q  # a run of marks ends a sentence only before white space (not 3.5، ق.م)
        if q == n or _WHITE.match(text, q):
            _append_trimmed(text, start, q, spans)
            start = q
    _append_trimmed(text, start, n, spans)
    return spans


def positions(text: str, chars: str) -> list[int]:
    """The sorted offsets of ``chars`` in ``text`` (``str.find``: far cheaper than a pattern
    tried at every character when the characters are few).

    >>> positions("وصل، ثم غادر.", ".،")
    [3, 12]
    """
    out: list[int] = []
    for ch in chars:
        at = text.find(ch)
        while at != -1:
            out.append(at)
            at = text.find(ch, at + 1)
    out.sort()
    return out


def _append_trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


_WORD = regex.compile(r"[\p{L}\p{N}_]+")


def words(text: str) -> list[tuple[int, int]]:
    """Spans of the words (letters and digits) in ``text``."""
    return [m.span() for m in _WORD.finditer(text)]
