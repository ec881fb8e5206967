"""The ``timeline`` command: a thin front end over the library (no logic of its own).

timeline extract seeds/ --format markdown
timeline times "وصل صباح الثلاثاء" --anchor 2026-01-21
timeline schema
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .errors import TimelineError
from .models import Extraction, Timeline
from .reader import parse_published

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="timeline",
        description="Arabic news articles → a dated, deduplicated timeline of events.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract and merge events from articles")
    e.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=".txt or .html file, folder, JSON Lines file, or - for standard input",
    )
    e.add_argument("--published", help="publication date (ISO) for articles that print none")
    e.add_argument(
        "--format",
        "-f",
        default="markdown",
        choices=["json", "jsonl", "csv", "markdown", "html"],
        help="output format (default: markdown)",
    )
    e.add_argument("--order", choices=["oldest", "newest"], default="oldest")
    e.add_argument("-o", "--output", help="write to this file instead of standard output")
    e.add_argument("--prefer", choices=["past", "future"], default="past")
    e.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (default 1)")
    e.add_argument(
        "--no-merge",
        action="store_true",
        help="stream each article's events as JSON Lines as soon as they are extracted, "
        "without merging (flat memory on any input size; needs --format jsonl)",
    )
    e.add_argument(
        "--progress",
        choices=["auto", "always", "never"],
        default="auto",
        help="progress bar on standard error (auto: only on a terminal)",
    )

    t = sub.add_parser("times", help="find and resolve the time expressions of a text")
    t.add_argument("text", help="Arabic text, or - for standard input")
    t.add_argument("--anchor", help="reference date (ISO), e.g. the publication date")
    t.add_argument("--prefer", choices=["past", "future"], default="past")
    t.add_argument("--json", action="store_true", help="print JSON")

    sub.add_parser("schema", help="print the JSON Schema of a Timeline")

    v = sub.add_parser("evaluate", help="score extraction against a gold annotation file")
    v.add_argument("gold", metavar="GOLD.json", help="gold file (format of seeds/seeds.gold.json)")
    v.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    v.add_argument(
        "--assumed",
        action="store_true",
        help="pass each article's published_assumed date and score the *_if_published_assumed "
        "values",
    )
    v.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    v.add_argument("--prefer", choices=["past", "future"], default="past")
    return p


def _out(path: str | None) -> TextIO:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .batch import run_batch
    from .render import render

    try:
        published = parse_published(args.published, where="--published")
    except TimelineError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    if args.no_merge and args.format != "jsonl":
        print("timeline: error: --no-merge writes JSON Lines; add --format jsonl", file=sys.stderr)
        return 2
    out = _out(args.output)
    try:
        sink = None
        if args.no_merge:

            def sink(x: Extraction) -> None:
                for event in x.events:
                    out.write(event.model_dump_json() + "\n")

        result = run_batch(
            args.paths,
            published=published,
            prefer=args.prefer,
            jobs=args.jobs,
            progress=args.progress,
            stdin=sys.stdin,
            sink=sink,
        )
        if not args.no_merge:
            text = render(result.timeline, args.format, order=args.order)
            out.write(text)
            if not text.endswith("\n"):
                out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if result.failed:
        print(
            f"timeline: {result.failed} of {result.total} input(s) failed; "
            f"{result.total - result.failed} read",
            file=sys.stderr,
        )
        return 1
    return 0


def _cmd_times(args: argparse.Namespace) -> int:
    from .times import find_times

    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        anchor = parse_published(args.anchor, where="--anchor")
    except TimelineError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    found = find_times(text, anchor, prefer=args.prefer)
    if args.json:
        print(json.dumps([t.model_dump(mode="json") for t in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("no time expressions found")
    for t in found:
        extra = f" mod={t.mod}" if t.mod else ""
        if t.boundary:
            extra += f" {t.boundary}"
        where = f"{t.span[0]}-{t.span[1]}"
        interval = (
            f"[{t.interval.start.isoformat()} .. {t.interval.end.isoformat()})"
            if t.interval
            else "unplaced"
        )
        print(f"{where}\t{t.text}\t{t.value}\t{t.grain}{extra}\t{interval}")
    return 0


def _cmd_schema(_: argparse.Namespace) -> int:
    print(json.dumps(Timeline.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate

    report = evaluate(args.gold, args.paths, published_assumed=args.assumed, prefer=args.prefer)
    for message in report.errors:
        print(f"timeline: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.table(), end="")
    return 1 if report.errors else 0


COMMANDS = {
    "extract": _cmd_extract,
    "times": _cmd_times,
    "schema": _cmd_schema,
    "evaluate": _cmd_evaluate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some inputs failed, 2 usage)."""
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except TimelineError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
