"""Read an article: plain text or HTML, with or without metadata → :class:`Article`.

Finds the headline (skipping site furniture and outlet suffixes), the printed publication date,
and the body segments, dropping boilerplate while every span keeps pointing into the text.

>>> a = read_article("اخر الاخبار\\n\\nبوتين يستقبل مادورو في موسكو\\n\\nيناير 21, 2026\\n\\nوصل الرئيس.")
>>> a.title, a.published.date().isoformat()
('بوتين يستقبل مادورو في موسكو', '2026-01-21')
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path
from typing import Any

import regex
from pydantic import BaseModel, Field

from .errors import BadDateError, BadInputError, EmptyInputError, EncodingError, TimelineError
from .lexicon import load
from .models import Article, Span
from .text import normalise, normalise_key

__all__ = ["date_line", "iter_sources", "parse_published", "read_article", "visible_text"]

SourceLike = str | bytes | os.PathLike[str]

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class _ReaderData(BaseModel):
    furniture: list[str]
    furniture_prefixes: list[str] = Field(default_factory=list)
    cut_after: list[str] = Field(default_factory=list)
    reading_time_units: list[str] = Field(default_factory=list)
    outlet_markers: list[str] = Field(default_factory=list)
    title_prefixes: list[str] = Field(default_factory=list)
    date_labels: list[str] = Field(default_factory=list)
    breadcrumb_heads: list[str] = Field(default_factory=list)
    related_labels: list[str] = Field(default_factory=list)


class _Furniture:
    """The reader lexicon, normalised once."""

    def __init__(self) -> None:
        data = load("reader", _ReaderData)
        self.lines = frozenset(_line_key(p) for p in data.furniture)
        self.prefixes = tuple(_line_key(p) for p in data.furniture_prefixes)
        self.cut_after = tuple(_line_key(p) for p in data.cut_after)
        units = "|".join(regex.escape(normalise_key(u)) for u in data.reading_time_units)
        self.reading_time = regex.compile(rf"^\d+\s*(?:{units})$")
        self.outlets = tuple(normalise_key(m) for m in data.outlet_markers)
        labels = "|".join(regex.escape(normalise_key(p)) for p in data.title_prefixes)
        self.title_prefix = regex.compile(rf"^\s*(?:{labels})\s*[|:：\-–—»]\s*", regex.IGNORECASE)
        dates = "|".join(
            regex.escape(normalise_key(p)) for p in sorted(data.date_labels, key=len, reverse=True)
        )
        self.date_label = regex.compile(rf"^\s*(?:{dates})\s*[:：\-–—]?\s*", regex.IGNORECASE)
        self.label_words = 1 + max((len(p.split()) for p in data.date_labels), default=0)
        self.breadcrumb_heads = tuple(_line_key(p) for p in data.breadcrumb_heads)
        self.related = frozenset(_line_key(p) for p in data.related_labels)
        self.openers = (*self.prefixes, *self.cut_after, *self.breadcrumb_heads)


_FURNITURE: _Furniture | None = None


def _furniture() -> _Furniture:
    global _FURNITURE
    if _FURNITURE is None:
        _FURNITURE = _Furniture()
    return _FURNITURE


_SYMBOLS = regex.compile(r"[\p{P}\p{S}\s]+")


def _line_key(line: str) -> str:
    """A line reduced to its words, for comparison with the furniture lexicon."""
    return _SYMBOLS.sub(" ", normalise_key(line)).strip()


# --------------------------------------------------------------------------------------------
# Input decoding


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise EmptyInputError("the article is empty", where=where)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"invalid UTF-16 at byte {exc.start}", where=where) from exc
    head = data[:4096]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise BadInputError("looks like binary data, not an article", where=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"not UTF-8 (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert the file to UTF-8",
            where=where,
        ) from exc


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        regex.search(r"<(?:html|body|p|div|article|h1|title|meta)[\s>/]", head)
    )


def _looks_like_path(text: str) -> bool:
    return (
        "\n" not in text
        and len(text) < 1024
        and text.strip() == text
        and text.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES)
    )


# --------------------------------------------------------------------------------------------
# Dates


def parse_published(
    value: str | dt.date | dt.datetime | None, where: str = "published"
) -> dt.datetime | None:
    """Parse a caller's publication date: ISO text (``2025-10-28``, ``2025-10-28T08:14``),
    a ``date`` or a ``datetime``; time zones are dropped (the wall time is kept).

    >>> parse_published("2025-10-28")
    datetime.datetime(2025, 10, 28, 0, 0)
    """
    from .times import parse_anchor

    return parse_anchor(value, where=where)


_WORD = regex.compile(r"\S*[\p{L}\p{N}]\S*")  # a word with a letter or digit in it
_DIGIT = regex.compile(r"\d")
_DATE_LINE_WORDS = 16  # the most words a date line holds, its label aside


def _find_printed_date(line: str) -> tuple[dt.datetime, str, Span, str] | None:
    """A line that is a full date (day, month, year, maybe a time) and little else, maybe
    after a label (نُشر في 12/3/2025، آخر تحديث: ...; the Hijri date beside it counts too).

    >>> _find_printed_date("نُشر في 12/3/2025")[0].date().isoformat()
    '2025-03-12'
    """
    from .times import find_times

    # separators (- | ،) are no words: "الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م | العدد 18421"
    if _DIGIT.search(line) is None:  # a printed date has its year in digits
        return None
    tokens = _WORD.findall(line)
    f = _furniture()
    if len(tokens) > _DATE_LINE_WORDS + f.label_words:  # longer than any label and date line
        return None
    label = f.date_label.match(normalise_key(line))
    words = len(tokens) - (len(label.group().split()) if label else 0)
    # الأحد 9 نوفمبر 2025 م - الموافق 18 جمادى الأولى 1447 هـ | الساعة 21:30
    if words > _DATE_LINE_WORDS:
        return None
    found = find_times(line)
    covered = sum(len(t.text.split()) for t in found)  # every date and time of the line
    for t in found:
        if t.interval is None or t.grain not in ("day", "hour", "minute", "second"):
            continue
        if t.value.startswith("XXXX") or t.type not in ("DATE", "TIME") or t.anchored:
            continue
        if covered < max(1, words - 3) or len(t.text.split()) < min(2, words):
            continue
        precision = "minute" if t.grain in ("hour", "minute") else "day"
        if t.grain == "second":
            precision = "second"
        when, span = t.interval.start, t.span
        clock = _clock_after(found, t) if precision == "day" else None
        if clock is not None:  # الخميس 03 يوليو 2025 | 08:15 ص: the time beside the day
            when = when.replace(hour=clock[0], minute=clock[1])
            span, precision = (span[0], clock[2]), "minute"
        return when, line[span[0] : span[1]], span, precision
    return None


_CLOCK_VALUE = regex.compile(r"^XXXX-XX-XXT(\d\d):(\d\d)$")


def _clock_after(found: list[Any], day: Any) -> tuple[int, int, int] | None:
    """(hour, minute, end) of a bare clock time printed after the day of a date line."""
    for t in found:
        hit = _CLOCK_VALUE.match(t.value)
        if hit is not None and t.span[0] >= day.span[1]:
            return int(hit.group(1)), int(hit.group(2)), t.span[1]
    return None


# --------------------------------------------------------------------------------------------
# Lines and title


def _lines(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        a, b = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _is_furniture(key: str, f: _Furniture) -> bool:
    if not key:
        return True
    if key in f.lines or f.reading_time.match(key):
        return True
    # "site name | Facebook", "Share: Facebook Twitter"
    parts = [p.strip() for p in key.split(" ") if p.strip()]
    if parts and all(p in f.lines for p in parts):
        return True
    if len(parts) <= 6 and any(key.startswith(h + " ") for h in f.breadcrumb_heads):
        return True  # الرئيسية أخبار سياسة: a trail printed without separators
    return any(key.startswith(p) and len(key) < len(p) + 60 for p in f.prefixes)


_BREADCRUMB = regex.compile(r"\s[/>»›]\s")


def _is_site_footer(line: str, f: _Furniture) -> bool:
    """``الموقع العربي للدفاع والتسليح | Facebook`` (a site name beside a furniture word) or
    a breadcrumb ``الرئيسية / أخبار / سياسة``."""
    parts = [p.strip() for p in _BREADCRUMB.split(line)]
    if len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts):
        return True
    if "|" not in line:
        return False
    pieces = [p.strip() for p in line.split("|")]
    keys = [_line_key(p) for p in pieces]
    return (
        any(k in f.lines for k in keys)
        and all(len(p.split()) <= 4 for p in pieces)
        and len(line.split()) <= 10
    )


_SUFFIX_SEP = regex.compile(r"\s+[-–—|]\s+(?=[^-–—|]+$)")


def _strip_outlet(title: str, f: _Furniture) -> str:
    """Drop an outlet suffix: ``"... – RT EN"``, ``"... | الجزيرة نت"``."""
    m = _SUFFIX_SEP.search(title)
    if not m:
        return title
    tail = title[m.end() :].strip()
    head = title[: m.start()].rstrip()
    if len(tail.split()) > 4 or len(head.split()) < 3:
        return title
    key = normalise_key(tail)
    latin = regex.search(r"[A-Za-z]", tail) is not None
    if latin or any(
        key == o or key.startswith(o + " ") or key.endswith(" " + o) for o in f.outlets
    ):
        return head
    return title


_SEPARATOR_AFTER = regex.compile(r"^\s*[-–—:|»›>]")


def _cut_marker(line: str, key: str, f: _Furniture) -> bool:
    """A line that opens the comments or a list of related articles."""
    if key.startswith(f.cut_after) and any(
        key == c or (key.startswith(c) and len(key) < len(c) + 40) for c in f.cut_after
    ):
        return True
    raw = normalise_key(line)
    if not raw.startswith(f.cut_after):
        return False
    return any(
        raw.startswith(c) and _SEPARATOR_AFTER.match(raw[len(c) :]) is not None for c in f.cut_after
    )


# --------------------------------------------------------------------------------------------
# HTML


class _HTMLText(HTMLParser):
    """Stdlib HTML → text: block elements become lines; scripts, styles, navigation, forms,
    headers, footers and asides are skipped; metadata is collected."""

    BLOCK = frozenset(
        [
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "br",
            "tr",
            "section",
            "article",
            "blockquote",
            "header",
            "title",
            "time",
            "dd",
            "dt",
        ]
    )
    SKIP = frozenset(
        [
            "script",
            "style",
            "noscript",
            "nav",
            "footer",
            "aside",
            "form",
            "iframe",
            "svg",
            "button",
            "select",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or ""
            if key and "content" in a:
                self.meta[key.lower()] = a["content"]
            return
        if tag == "time" and a.get("datetime") and "time" not in self.meta:
            self.meta["time"] = a["datetime"]
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.BLOCK:
            self.parts.append("\n")
        self.in_title = self.in_title or tag == "title"
        self.in_h1 = self.in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(data)

    def text(self) -> str:
        joined = "".join(self.parts)
        lines = [" ".join(line.split()) for line in joined.split("\n")]
        out: list[str] = []
        for line in lines:
            if line or (out and out[-1]):
                out.append(line)
        return "\n".join(out).strip()


def _trafilatura_text(html: str) -> str | None:
    """Main text by trafilatura (the ``html`` extra), or None when it is not installed."""
    try:
        import trafilatura
    except ImportError:
        return None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    return text if isinstance(text, str) else None


def _html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """(text, title, published) from HTML; trafilatura is used when installed."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    title = meta.get("og:title") or parser.h1.strip() or parser.title.strip() or None
    published = (
        meta.get("article:published_time")
        or meta.get("datepublished")
        or meta.get("date")
        or meta.get("pubdate")
        or meta.get("time")
    )
    text = parser.text()
    extracted = _trafilatura_text(html)
    if extracted and len(extracted) > 0.3 * len(text):
        text = extracted
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text, title, published


# --------------------------------------------------------------------------------------------
# The reader


_NOT_NEWLINE = regex.compile(r"[^\n]+")


def date_line(article: Article) -> tuple[int, int] | None:
    """The line of the printed publication date (up to 80 characters around it): a second
    calendar may follow the first.

    >>> a = read_article("عنوان الخبر\\nالأربعاء 12 رمضان 1446هـ - 12 مارس 2025م\\nقال الوزير إنه سيعود.")
    >>> a.text[slice(*date_line(a))]
    'الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م'
    """
    if article.published_span is None:
        return None
    a, b = article.published_span
    text = article.text
    end = text.find("\n", b)
    end = min(len(text) if end < 0 else end, b + 80)
    return max(text.rfind("\n", 0, a) + 1, a - 80), end


def visible_text(article: Article) -> str:
    """The article's text with all but its headline, date line and body blanked: the same
    length and offsets, line breaks kept, so the engines read only the article.

    >>> a = read_article("عنوان الخبر المنشور هنا\\nقال الوزير إنه سيعود.\\nاترك تعليقاً\\nتعليق")
    >>> visible_text(a).split("\\n")[2:]
    ['            ', '     ']
    """
    keep = sorted({*article.segments, *(s for s in (article.title_span, date_line(article)) if s)})
    if not article.segments or keep == [(0, len(article.text))]:
        return article.text
    out: list[str] = []
    pos = 0
    for a, b in keep:
        if a > pos:
            out.append(_NOT_NEWLINE.sub(lambda m: " " * len(m.group()), article.text[pos:a]))
        if b > pos:
            out.append(article.text[max(a, pos) : b])
            pos = b
    out.append(_NOT_NEWLINE.sub(lambda m: " " * len(m.group()), article.text[pos:]))
    return "".join(out)


def read_article(
    source: SourceLike,
    *,
    published: str | dt.date | dt.datetime | None = None,
    title: str | None = None,
    url: str | None = None,
    source_name: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Read one article from a path, a ``str`` of text or HTML, or ``bytes``.

    An explicit ``published=`` wins over the date printed in the article; ``article_id``
    defaults to the file name for files.

    >>> a = read_article("روسيا تعمق التعاون – RT EN\\n\\n27 يناير 2022 8:14 صباحًا\\n\\nاتفق الرئيس.")
    >>> a.title, a.published.isoformat()
    ('روسيا تعمق التعاون', '2022-01-27T08:14:00')
    """
    where = "<text>"
    fmt_hint: str | None = None
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
        where = str(path)
        if not path.exists():
            raise BadInputError("no such file", where=where)
        if path.is_dir():
            raise BadInputError("is a folder; use build_timeline or iter_sources", where=where)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BadInputError(f"cannot read: {exc.strerror}", where=where) from exc
        text = _decode(data, where)
        article_id = article_id or path.name
        if path.suffix.lower() in HTML_SUFFIXES:
            fmt_hint = "html"
    elif isinstance(source, bytes):
        text = _decode(source, where)
    elif isinstance(source, str):
        text = source
    else:
        raise BadInputError(f"expected a path, str or bytes, got {type(source).__name__}")
    if not text.strip():
        raise EmptyInputError("the article is empty", where=where)
    given = parse_published(published, where=f"{where}: published")
    if fmt_hint == "html" or _looks_like_html(text):
        return _from_html(text, given, title, url, source_name, article_id, where)
    return _from_text(text, given, title, url, source_name, article_id, "text")


def _from_html(
    html: str,
    given: dt.datetime | None,
    title: str | None,
    url: str | None,
    source_name: str | None,
    article_id: str | None,
    where: str,
) -> Article:
    text, html_title, html_published = _html_to_text(html)
    if not text.strip():
        raise EmptyInputError("the HTML page has no text", where=where)
    if given is None and html_published:
        try:
            given = parse_published(html_published, where=f"{where}: published")
        except BadDateError:
            given = None
    return _from_text(text, given, title or html_title, url, source_name, article_id, "html")


def _from_text(
    text: str,
    given: dt.datetime | None,
    title: str | None,
    url: str | None,
    source_name: str | None,
    article_id: str | None,
    fmt: str,
) -> Article:
    f = _furniture()
    lines = _lines(text)
    boilerplate: list[Span] = []
    body: list[Span] = []
    title_span: Span | None = None
    found_title: str | None = None
    printed: tuple[dt.datetime, str, Span, str] | None = None
    seen: set[str] = set()
    cut = False
    related = 0  # headlines still expected after a "read also" label
    for index, (a, b) in enumerate(lines):
        line = text[a:b]
        if cut:
            boilerplate.append((a, b))
            continue
        if related:
            related -= 1
            if _headline_like(line):  # the linked headline after اقرأ أيضاً
                boilerplate.append((a, b))
                continue
            related = 0
        if _running_text(line, f):  # a paragraph: none of the checks for short lines apply
            if line in seen:
                boilerplate.append((a, b))
                continue
            seen.add(line)
            if title_span is None and not body and _title_like(line):
                title_span, found_title = _title_at(line, a, f)
                continue
            body.append((a, b))
            continue
        key = _line_key(line)
        if _cut_marker(line, key, f) and index > 0:
            cut = True
            boilerplate.append((a, b))
            continue
        if _is_furniture(key, f) or _is_site_footer(line, f):
            boilerplate.append((a, b))
            related = _RELATED_LINES if key in f.related else 0
            continue
        if key in seen:  # a headline printed twice
            boilerplate.append((a, b))
            continue
        seen.add(key)
        if index < 12:
            hit = _find_printed_date(line)
            if hit is not None and printed is not None:
                boilerplate.append((a, b))  # a second date line: آخر تحديث ...
                continue
            if hit is not None:
                when, words, (s, e), printed_precision = hit
                printed = (when, words, (a + s, a + e), printed_precision)
                continue
        if title_span is None and not body and index < 4 and _masthead(text, lines, index, f):
            boilerplate.append((a, b))  # a masthead before the headline (الجزيرة نت)
            continue
        if title_span is None and not body and _title_like(line):
            title_span, found_title = _title_at(line, a, f)
            continue
        body.append((a, b))
    if not body and title_span is not None:  # a one-paragraph text: its line is the body too
        body.append(title_span)
    if body:  # an agency dateline opens the story: مسقط في 8 أكتوبر /العمانية/
        line_a, line_b = body[0]
        cut_at = _dateline_end(text[line_a:line_b])
        if cut_at:
            boilerplate.append((line_a, line_a + cut_at))
            body[0] = (line_a + cut_at, line_b)
            if printed is None:
                hit = _find_printed_date(text[line_a : line_a + cut_at])
                if hit is not None:
                    when, words, (s, e), printed_precision = hit
                    printed = (when, words, (line_a + s, line_a + e), printed_precision)
    published = given if given is not None else (printed[0] if printed else None)
    precision: Any = None
    if published is not None:
        if given is not None:
            precision = "day" if given.time() == dt.time(0) else "minute"
        elif printed is not None:
            precision = printed[3]
    return Article(
        id=article_id or _derived_id(text),
        text=text,
        title=title or found_title,
        title_span=title_span if title is None else None,
        published=published,
        published_text=printed[1] if printed else None,
        published_span=printed[2] if printed else None,
        published_precision=precision,
        segments=tuple(body),
        boilerplate=tuple(boilerplate),
        url=url,
        source=source_name,
        format="html" if fmt == "html" else "text",
    )


_DATELINE = regex.compile(
    r"^\s*(?:\p{L}+\s+){0,2}\p{L}+\s*(?:[-–—،,]\s*)?(?:في\s+)?[^/()\n]{0,45}?"
    r"[/(]\s*(?P<tag>\p{L}+(?:\s+\p{L}+){0,2})\s*[/)]\s*(?:[-–—]+\s*)?"
)


def _dateline_end(line: str) -> int:
    """Where an agency dateline that opens a paragraph ends (بيروت (رويترز) -، مسقط في 8
    أكتوبر /العمانية/، الكويت - 8 - 10 (كونا) --), or 0: a place of at most three words, maybe
    a date, and a news agency's tag in slashes or brackets.

    >>> line = "مسقط في 8 أكتوبر /العمانية/ استقبل السلطان الوزير"
    >>> line[_dateline_end(line):]
    'استقبل السلطان الوزير'
    >>> _dateline_end("قال الرئيس (في كلمة مطولة) إن")
    0
    """
    m = _DATELINE.match(line)
    if m is None or m.end() >= len(line):
        return 0
    return m.end() if _agency_tag(m.group("tag")) else 0


@lru_cache(maxsize=1024)
def _agency_tag(tag: str) -> bool:
    """A news agency's tag: a media outlet the gazetteer knows (رويترز، واس، كونا) or a
    single nisba that names a national agency (العمانية)."""
    from .actors import find_actors

    key = normalise_key(tag)
    if " " not in key and key.startswith("ال") and key.endswith("يه"):
        return True
    found = find_actors(tag)
    return len(found) == 1 and found[0].kind == "media" and len(found[0].text) >= len(tag) - 2


_RELATED_LINES = 3  # the most headlines a "read also" label lists


def _headline_like(line: str) -> bool:
    """A short line that ends no sentence: a linked headline.

    >>> _headline_like("الدعم السريع يعلن إسقاط مسيرة في دارفور"), _headline_like("قال الوزير إن.")
    (True, False)
    """
    words = line.split()
    return 0 < len(words) <= 16 and not line.rstrip().endswith((".", "!", "؟", "?", ":"))


def _title_at(line: str, a: int, f: _Furniture) -> tuple[Span, str]:
    """The headline of ``line`` (which starts at ``a``) without its label and outlet."""
    label = f.title_prefix.match(normalise(line).text)
    skip = normalise(line).span((0, label.end()))[1] if label else 0
    clean = _strip_outlet(line[skip:], f)
    return (a + skip, a + skip + len(clean)), clean


_RUNNING_WORDS = 24  # more words than any furniture phrase or date line


def _running_text(line: str, f: _Furniture) -> bool:
    """A line of more than ``_RUNNING_WORDS`` words that opens with no furniture, cut or
    label phrase: running text. Furniture phrases and date lines are short, so the checks for
    them (which normalise the whole line) cannot hold and are skipped.

    >>> _running_text(" ".join(["تظاهر آلاف الطلاب في شوارع المدينة"] * 5), _furniture())
    True
    """
    if line.count(" ") < _RUNNING_WORDS:
        return False
    if sum(1 for _ in islice(_WORD.finditer(line), _RUNNING_WORDS + 1)) <= _RUNNING_WORDS:
        return False
    raw = normalise_key(line[:80])
    head = _SYMBOLS.sub(" ", raw).strip()
    if head.split(" ", 1)[0] in f.lines:
        return False
    return not (head.startswith(f.openers) or raw.startswith(f.openers))


def _masthead(text: str, lines: list[Span], index: int, f: _Furniture) -> bool:
    """A site's name or section before the headline: a line of one or two words, or a short
    one (up to five words) that names an outlet (وكالة أنباء دجلة، أخبار عربية وعالمية) or
    holds a separator (الأطلس بريس | مجتمع، قناة الأرز - الموقع الرسمي), when a headline-like
    line of more words, not a full sentence, follows."""
    a, b = lines[index]
    line = text[a:b]
    words = line.split()
    if len(words) < 3:
        return True
    if len(words) > 5:
        return False
    key = _line_key(line)
    outlet = any(key.startswith(o + " ") for o in f.outlets)
    if not (outlet or "|" in line or " - " in line):
        return False
    for a2, b2 in lines[index + 1 : index + 4]:
        nxt = text[a2:b2]
        if _find_printed_date(nxt) is not None or _is_furniture(_line_key(nxt), f):
            continue
        if _is_site_footer(nxt, f):
            continue
        return 6 <= len(nxt.split()) <= 25 and not nxt.rstrip().endswith(".")
    return False


def _title_like(line: str) -> bool:
    """A headline: 3 to 40 words, no colon at its end, and no full stop (a line that ends
    with one is the lede of a text without a headline; an ellipsis is a headline's)."""
    n = len(line.split())
    end = line.rstrip()
    full_stop = end.endswith(".") and not end.endswith("..")
    return 3 <= n <= 40 and len(line) <= 300 and not end.endswith(":") and not full_stop


def _derived_id(text: str) -> str:
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


# --------------------------------------------------------------------------------------------
# Many sources


OnError = Callable[[str, TimelineError], None]


def iter_sources(
    sources: Iterable[Article | SourceLike] | Article | SourceLike,
    *,
    published: str | dt.date | dt.datetime | None = None,
    on_error: OnError | None = None,
) -> Iterator[Article]:
    """Articles from paths (files, folders, JSON Lines), texts, bytes or Articles, streamed.

    A folder stands for its ``.txt``, ``.html`` and ``.jsonl`` files (sorted, recursively).
    JSON Lines records are ``{"id", "text" or "html", "published", "title", "url", "source"}``.
    With ``on_error`` a bad item is reported and skipped; without it the error is raised.
    """
    if isinstance(sources, (str, bytes, os.PathLike, Article)):
        sources = [sources]
    for item in sources:
        yield from _iter_one(item, published, on_error)


def _iter_one(
    item: Article | SourceLike, published: Any, on_error: OnError | None
) -> Iterator[Article]:
    if isinstance(item, Article):
        yield item
        return
    path: Path | None = None
    if (
        isinstance(item, os.PathLike)
        or (isinstance(item, str) and _looks_like_path(item))
        or (isinstance(item, str) and "\n" not in item and len(item) < 1024 and os.path.isdir(item))
    ):
        path = Path(item)
    if path is not None and path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES:
                yield from _iter_one(child, published, on_error)
        return
    if path is not None and path.suffix.lower() in JSONL_SUFFIXES:
        yield from _iter_jsonl(path, published, on_error)
        return
    try:
        yield read_article(item, published=published)
    except TimelineError as exc:
        if on_error is None:
            raise
        on_error(str(path) if path is not None else "<text>", exc)


def _iter_jsonl(path: Path, published: Any, on_error: OnError | None) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        err = BadInputError(f"cannot read: {exc.strerror}", where=str(path))
        if on_error is None:
            raise err from exc
        on_error(str(path), err)
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield record_to_article(raw, where, published)
            except TimelineError as exc:
                if on_error is None:
                    raise
                on_error(where, exc)


def record_to_article(
    raw: bytes | str | dict[str, Any], where: str, published: Any = None
) -> Article:
    """One JSON Lines record → Article."""
    if isinstance(raw, dict):
        record = raw
    else:
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            record = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadInputError(f"not a JSON record: {exc}", where=where) from exc
    if not isinstance(record, dict):
        raise BadInputError("a record must be a JSON object", where=where)
    body = record.get("text") if record.get("text") is not None else record.get("html")
    if not isinstance(body, str):
        raise BadInputError('a record needs a "text" or "html" string', where=where)
    rid = record.get("id")
    return read_article(
        body,
        published=published if published is not None else record.get("published"),
        title=record.get("title"),
        url=record.get("url"),
        source_name=record.get("source"),
        article_id=str(rid) if rid is not None else None,
    )
