"""Events and agreements (in progress)."""

from __future__ import annotations

from collections.abc import Sequence

from .models import ActorMention, Agreement, Article, Event, TimeExpression

__all__ = ["find_events"]


def find_events(
    article: Article, times: Sequence[TimeExpression], mentions: Sequence[ActorMention]
) -> tuple[list[Event], list[Agreement]]:
    """Events and agreements of one article (stub)."""
    return [], []
