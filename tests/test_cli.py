"""The command line, end to end, through ``python -m timeline``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SRC = ROOT / "src"


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env_path = str(SRC)
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = env_path + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd or ROOT,
        timeout=120,
    )


def test_extract_seeds_json() -> None:
    r = run("extract", str(SEEDS), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["articles"]) == 5
    assert data["events"]
    e = data["events"][0]
    assert {"type", "date", "actors", "mentions"} <= set(e)
    assert "value" in e["date"]
    assert e["mentions"][0]["article"].endswith(".txt")
    assert e["mentions"][0]["evidence"]


def test_extract_markdown_is_readable(tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    r = run("extract", str(SEEDS / "004_d59b5d48ac9ba5a1.txt"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "مايو 2025" in text


def test_extract_from_stdin_with_published() -> None:
    r = run(
        "extract",
        "-",
        "--published",
        "2025-03-02",
        "--format",
        "json",
        stdin="زار الرئيس الروسي فلاديمير بوتين القاهرة أمس والتقى الرئيس المصري.",
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert any(e["date"]["value"] == "2025-03-01" for e in data["events"])


def test_times_command() -> None:
    r = run("times", "وصل الوزير صباح الثلاثاء", "--anchor", "2026-01-21")
    assert r.returncode == 0, r.stderr
    assert "2026-01-20TMO" in r.stdout
    r = run("times", "في مايو الماضي", "--json")
    assert json.loads(r.stdout)[0]["value"] == "XXXX-05"


def test_schema_command() -> None:
    r = run("schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert "Event" in schema["$defs"]


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في أنقرة أمس.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x89PNG" * 20)
    (tmp_path / "latin.txt").write_bytes("نص عربي".encode("cp1256"))
    r = run(
        "extract",
        str(tmp_path),
        str(tmp_path / "missing.txt"),
        "--format",
        "json",
        "--published",
        "2025-01-02",
    )
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert [a["id"] for a in data["articles"]] == ["good.txt"]
    err = r.stderr
    for name in ("empty.txt", "binary.txt", "latin.txt", "missing.txt"):
        assert name in err
    assert "4 of 5" in err


@pytest.mark.parametrize("bad", ["2025-13-01", "tomorrow"])
def test_bad_published_is_a_usage_error(bad: str) -> None:
    r = run("extract", str(SEEDS), "--published", bad)
    assert r.returncode == 2
    assert "published" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_no_merge_streams_json_lines() -> None:
    r = run("extract", str(SEEDS), "--no-merge", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert lines and all(len(e["mentions"]) == 1 for e in lines)
    assert run("extract", str(SEEDS), "--no-merge").returncode == 2
