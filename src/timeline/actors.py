"""Actors: gazetteer matching, title-based discovery, within-article linking (in progress)."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Actor, ActorMention

__all__ = ["actors_of", "find_actors"]


def find_actors(text: str) -> list[ActorMention]:
    """Every actor mention in ``text`` (stub)."""
    return []


def actors_of(mentions: Sequence[ActorMention]) -> list[Actor]:
    """The distinct actors behind ``mentions`` (stub)."""
    return []
