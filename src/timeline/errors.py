"""The library's exceptions: one hierarchy rooted at :class:`TimelineError`.

Every message says what was wrong and where (a file name, a field, a line of a JSON Lines file).

>>> from timeline import read_article
>>> read_article("   ")
Traceback (most recent call last):
...
timeline.errors.EmptyInputError: <text>: the article is empty
"""

from __future__ import annotations

__all__ = [
    "BadDateError",
    "BadInputError",
    "EmptyInputError",
    "EncodingError",
    "LexiconError",
    "TimelineError",
]


class TimelineError(Exception):
    """Base class of every error the library raises on purpose.

    ``where`` names the file, record or field concerned, when known.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


class BadInputError(TimelineError, ValueError):
    """The input cannot be read as an article (binary data, a missing file, a bad record).

    Example: ``read_article(b"\\x00\\x01PNG")`` raises it with ``looks like binary data``.
    """


class EmptyInputError(BadInputError):
    """The article has no text: ``read_article("")``."""


class EncodingError(BadInputError, UnicodeError):
    """Bytes that are not UTF-8 (nor UTF-16 with a byte-order mark)."""


class BadDateError(TimelineError, ValueError):
    """A date that cannot be used: ``published="21/13/2026"`` or an impossible ``31 فبراير``
    given as the publication date."""


class LexiconError(TimelineError):
    """A language data file inside the package is missing or invalid."""
