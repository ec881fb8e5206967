"""Check the actor gazetteer ``src/timeline/data/ar/actors.json``.

Checks: the file validates against :class:`timeline.actors.Gazetteer`; every alias and demonym
is already normalised (``normalise_key(a) == a``); no duplicate names; no alias claimed by two
entries unless each of them lists it under ``ambiguous``; every ``country`` / ``metonym_of``
value names a country entry. Prints a readable report and exits 1 on failure.

Usage: ``PYTHONPATH=src python scripts/check_gazetteer.py [path/to/actors.json]``
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from timeline.actors import Gazetteer
from timeline.text import normalise_key

DEFAULT = (
    Path(__file__).resolve().parent.parent / "src" / "timeline" / "data" / "ar" / "actors.json"
)


def problems(gaz: Gazetteer) -> list[str]:
    """Every problem found in ``gaz``, as readable lines."""
    out: list[str] = []
    names = Counter(e.name for e in gaz.entries)
    out += [f"duplicate name: {n!r} ({c} entries)" for n, c in names.items() if c > 1]
    countries = {e.name for e in gaz.entries if e.kind == "country"}
    owners: dict[str, list[str]] = {}
    for e in gaz.entries:
        if not e.aliases:
            out.append(f"{e.name}: no aliases")
        for key in (*e.aliases, *e.demonyms):
            if normalise_key(key) != key:
                out.append(f"{e.name}: alias {key!r} is not normalised ({normalise_key(key)!r})")
            owners.setdefault(key, []).append(e.name)
        for key in e.ambiguous:
            if key not in e.aliases:
                out.append(f"{e.name}: ambiguous alias {key!r} is not one of its aliases")
        for form in e.marked:
            if normalise_key(form) not in e.ambiguous or form == normalise_key(form):
                out.append(f"{e.name}: marked {form!r} is no diacritised ambiguous alias")
        for field, value in (("country", e.country), ("metonym_of", e.metonym_of)):
            if value is not None and value not in countries:
                out.append(f"{e.name}: {field} {value!r} is not the name of a country entry")
    by_name = {e.name: e for e in gaz.entries}
    for key, names_ in owners.items():
        distinct = sorted(set(names_))
        if len(names_) > len(distinct):
            out.append(f"alias {key!r} listed twice by {distinct}")
        if len(distinct) > 1:
            unmarked = [n for n in distinct if key not in by_name[n].ambiguous]
            if unmarked:
                out.append(
                    f"alias {key!r} claimed by {distinct}; not marked ambiguous in {unmarked}"
                )
    return out


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    try:
        gaz = Gazetteer.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        print(f"{path}: cannot be read: {exc}")
        return 1
    found = problems(gaz)
    kinds = Counter(e.kind for e in gaz.entries)
    summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    if found:
        print(f"{path}: {len(found)} problem(s) in {len(gaz.entries)} entries")
        for line in found:
            print(f"  - {line}")
        return 1
    print(f"{path}: OK, {len(gaz.entries)} entries ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
