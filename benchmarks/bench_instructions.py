"""Benchmark: instructions per article under valgrind, for comparisons that noise cannot blur.

    PYTHONPATH=src python benchmarks/bench_instructions.py [--rounds 2]

On a shared 2-core machine wall-clock ratios swing by a factor of two from run to run; the
number of CPU instructions does not. This runs ``extract`` and ``dateparser``'s
``search_dates(text, languages=["ar"])`` on fresh copies of the seed texts inside
``valgrind --tool=callgrind`` (start-up subtracted: a run with 0 rounds is the baseline) and
prints millions of instructions per article for each and their ratio. Instructions are not
time (cache misses and branch mispredictions differ), but the ratio tracks the wall-clock
ratio of a quiet machine closely. Needs ``valgrind`` (Debian package) and takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, warnings
sys.path.insert(0, {bench!r})
warnings.filterwarnings("ignore")
from _common import seed_texts
texts = seed_texts()
if sys.argv[1] == "extract":
    from timeline.pipeline import extract
    from timeline.reader import read_article
    articles = [read_article(t, published="2026-01-21") for t in texts]
    run = lambda k: [extract(a.model_copy(update={{"text": f"{{a.text}} {{k}}"}})) for a in articles]
else:
    from dateparser.search import search_dates
    run = lambda k: [search_dates(f"{{t}} {{k}}", languages=["ar"]) for t in texts]
run(-1)  # warm the lexicons, caches and compiled patterns
for k in range(int(sys.argv[2])):
    run(k)
"""


def instructions(what: str, rounds: int) -> int:
    """Instructions executed by a child that runs ``what`` on the seeds ``rounds`` times."""
    code = CHILD.format(bench=str(ROOT / "benchmarks"))
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
            what,
            str(rounds),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    found = re.search(r"refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=2, help="passes over the five seeds")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    n = args.rounds * 5
    per: dict[str, float] = {}
    for what in ("extract", "search_dates"):
        cost = instructions(what, args.rounds) - instructions(what, 0)
        per[what] = cost / n / 1e6
        print(f"{what:13s}: {per[what]:8.2f} M instructions per article (fresh texts)")
    ratio = per["search_dates"] / per["extract"]
    print(
        f"ratio        : {ratio:.1f}x fewer instructions (target >= 5x: {'ok' if ratio >= 5 else 'MISSED'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
