"""timeline: Arabic news articles → a dated, deduplicated timeline of events.

>>> import timeline
>>> timeline.resolve_time("أمس", "2026-01-21").value
'2026-01-20'

The public API is what ``__all__`` lists; everything else is private and may change.
"""

from __future__ import annotations

from .errors import (
    BadDateError,
    BadInputError,
    EmptyInputError,
    EncodingError,
    LexiconError,
    TimelineError,
)
from .merge import merge
from .models import (
    Actor,
    ActorMention,
    Agreement,
    Article,
    ArticleInfo,
    Clause,
    Event,
    EventActor,
    EventDate,
    Extraction,
    Interval,
    Mention,
    Milestone,
    TimeExpression,
    Timeline,
)
from .pipeline import build_timeline, extract
from .reader import read_article
from .times import find_times, resolve_time

__version__ = "0.1.0.dev0"

__all__ = [
    "Actor",
    "ActorMention",
    "Agreement",
    "Article",
    "ArticleInfo",
    "BadDateError",
    "BadInputError",
    "Clause",
    "EmptyInputError",
    "EncodingError",
    "Event",
    "EventActor",
    "EventDate",
    "Extraction",
    "Interval",
    "LexiconError",
    "Mention",
    "Milestone",
    "TimeExpression",
    "Timeline",
    "TimelineError",
    "__version__",
    "build_timeline",
    "extract",
    "find_times",
    "merge",
    "read_article",
    "resolve_time",
]
