"""Load the language data shipped in ``timeline/data/<lang>/`` once, validated by pydantic.

Language knowledge lives in JSON files, not in code. Each engine declares a pydantic model for
its file and calls :func:`load`, which reads the file through :mod:`importlib.resources`,
validates it and caches the result:

>>> from pydantic import BaseModel, ConfigDict
>>> class Reader(BaseModel):
...     model_config = ConfigDict(extra="ignore")
...     furniture: list[str]
>>> "Source link" in load("reader", Reader).furniture
True
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import LexiconError

__all__ = ["data_files", "load", "load_raw"]

M = TypeVar("M", bound=BaseModel)

DEFAULT_LANG = "ar"


@cache
def load_raw(name: str, lang: str = DEFAULT_LANG) -> Any:
    """The parsed JSON of ``data/<lang>/<name>.json``."""
    where = f"timeline/data/{lang}/{name}.json"
    try:
        ref = resources.files("timeline").joinpath("data").joinpath(lang).joinpath(f"{name}.json")
        raw = ref.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise LexiconError("language data file is missing from the package", where=where) from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"invalid JSON at line {exc.lineno}: {exc.msg}", where=where) from exc


_CACHE: dict[tuple[str, str, type[BaseModel]], BaseModel] = {}


def load(name: str, model: type[M], lang: str = DEFAULT_LANG) -> M:
    """Read ``data/<lang>/<name>.json`` and validate it with ``model`` (cached)."""
    key = (name, lang, model)
    hit = _CACHE.get(key)
    if hit is None:
        try:
            hit = model.model_validate(load_raw(name, lang))
        except ValidationError as exc:
            where = f"timeline/data/{lang}/{name}.json"
            raise LexiconError(f"does not match its schema: {exc}", where=where) from exc
        _CACHE[key] = hit
    return hit  # type: ignore[return-value]


def data_files(lang: str = DEFAULT_LANG) -> list[str]:
    """Names of the data files shipped for ``lang``."""
    root = resources.files("timeline").joinpath("data").joinpath(lang)
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".json"))
