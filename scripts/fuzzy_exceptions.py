"""Find common Arabic words that the guarded fuzzy matcher takes for an actor.

    PYTHONPATH=src python scripts/fuzzy_exceptions.py [/usr/share/hunspell/ar.dic]

Needs an Arabic word list (Debian's ``hunspell-ar``; only to build the data, never at run
time). Each word of the list is put in a neutral sentence and run through ``find_actors``;
a word that is no alias of the gazetteer but is matched by the fuzzy or skeleton matcher
to a person, or to a place whose aliases it resembles less than ``--ratio``, is printed as a
candidate for ``not_fuzzy`` in ``data/ar/titles.json``. Review the list by hand: spelling
variants of real names (هولندة، أوستراليا) belong in the gazetteer, not in ``not_fuzzy``.
"""

from __future__ import annotations

import argparse
import sys

from rapidfuzz import fuzz

from timeline.actors import find_actors, gazetteer
from timeline.text import normalise_key


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("words", nargs="?", default="/usr/share/hunspell/ar.dic")
    ap.add_argument("--ratio", type=int, default=84)
    args = ap.parse_args(argv)
    entries = gazetteer().entries
    aliases = {a for e in entries for a in e.aliases}
    pools: dict[str, list[str]] = {}
    for e in entries:
        pools.setdefault(e.name, []).extend(e.aliases)
        if e.metonym_of:
            pools.setdefault(e.metonym_of, []).extend(e.aliases)
    kinds = {e.name: e.kind for e in entries}
    words = set()
    with open(args.words, encoding="utf-8") as f:
        for line in f:
            w = line.split("/")[0].strip()
            if w and all("\u0600" <= c <= "\u06ff" for c in w):
                words.add(w)
    found: set[str] = set()
    for w in sorted(words):
        key = normalise_key(w)
        if key in aliases:
            continue
        for m in find_actors(f"وقال إن {w} كان هناك"):
            if m.text != w or m.via == "demonym":
                continue
            best = max((fuzz.ratio(key, a) for a in pools.get(m.name, ())), default=0)
            if kinds.get(m.name) == "person" or best < args.ratio:
                found.add(key)
    sys.stdout.write("\n".join(sorted(found)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
