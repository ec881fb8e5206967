"""Griffe extension for the docs build: fence bare ``>>>`` doctest blocks as ``pycon`` code.

Docstrings in this project show examples as plain doctest lines; without fencing, Markdown
would read ``x["a"][0]`` as a link reference. A block runs from a ``>>>`` line to the next
blank line.
"""

from __future__ import annotations

from typing import Any

import griffe


def fence(text: str) -> str:
    """Wrap every run of doctest lines (``>>>`` up to a blank line) in a pycon fence."""
    out: list[str] = []
    inside = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if not inside and stripped.startswith(">>>"):
            inside = True
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
        elif inside and not stripped:
            out.append(f"{indent}```")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFence(griffe.Extension):
    """Fence the doctest blocks of every docstring."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            if "```" in obj.docstring.value:
                return
            obj.docstring.value = fence(obj.docstring.value)
