"""Batch runs: folders, JSON Lines, standard input, bad inputs, progress, processes."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

import pytest

import timeline.batch as batch
from timeline.batch import extract_chunk, iter_articles, run_batch
from timeline.errors import BadInputError, TimelineError
from timeline.models import Article, Extraction, Timeline

TEXT = "وصل وزير الخارجية إلى موسكو يوم الأربعاء لإجراء محادثات مع نظيره الروسي.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good1.txt").write_text(TEXT, encoding="utf-8")
    (folder / "good2.txt").write_text(TEXT + "وقال إن المحادثات كانت مثمرة.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x01\x02\x03" * 20)
    (folder / "latin1.txt").write_bytes("café ".encode("latin-1") * 5)
    records = [
        json.dumps({"id": "r1", "text": TEXT, "published": "2026-01-21"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "r3", "text": TEXT, "published": "21/13/2026"}, ensure_ascii=False),
        json.dumps({"id": "r4", "title": "no text"}),
        "",
        json.dumps({"id": "r6", "text": TEXT}, ensure_ascii=False),
    ]
    (folder / "stream.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return folder


def test_folder_with_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    missing = str(tmp_path / "missing.txt")
    result = run_batch([str(folder), missing], progress="never")
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    # good1, good2, r1, r6 read; empty, binary, latin1, 3 JSONL lines, missing failed
    assert result.failed == 7
    assert result.total == 11
    assert len(lines) == 7 and all(line.startswith("timeline: ") for line in lines)
    wheres = {w for w, _ in result.errors}
    assert str(folder / "empty.txt") in wheres
    assert str(folder / "binary.txt") in wheres
    assert str(folder / "latin1.txt") in wheres
    assert {f"{folder / 'stream.jsonl'}:{n}" for n in (2, 3, 4)} <= wheres
    assert missing in wheres
    assert any("stream.jsonl:3" in line and "date" in line for line in lines)
    assert any("not UTF-8" in line for line in lines)
    assert isinstance(result.timeline, Timeline)


def test_jobs_two_gives_the_same_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    one = run_batch([str(folder)], progress="never")
    two = run_batch([str(folder)], progress="never", jobs=2)
    capsys.readouterr()
    assert (two.total, two.failed) == (one.total, one.failed) == (10, 6)
    assert sorted(two.errors) == sorted(one.errors)
    assert two.timeline == one.timeline


def test_jobs_two_many_articles(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(300):
            f.write(json.dumps({"id": f"a{i}", "text": TEXT}, ensure_ascii=False) + "\n")
    result = run_batch([str(path)], progress="never", jobs=2)
    assert (result.total, result.failed) == (300, 0)


def test_reduction_keeps_only_small_pending_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    real = batch.merge

    def spy(items: Iterable[Extraction | Timeline]) -> Timeline:
        items = list(items)
        sizes.append(len(items))
        return real(items)

    monkeypatch.setattr(batch, "merge", spy)
    path = tmp_path / "many.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": TEXT}) + "\n" for i in range(25)),
        encoding="utf-8",
    )
    result = run_batch([str(path)], progress="never", chunk=10)
    assert result.total == 25
    # chunks of 10, 10 and 5 extractions; equal-rank partial timelines are merged in pairs
    # (a binary counter), then what is left is merged once
    assert sizes == [10, 10, 2, 5, 2]


def test_stdin_text_and_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    r = run_batch(["-"], progress="never", stdin=io.StringIO(TEXT))
    assert (r.total, r.failed) == (1, 0)
    lines = "\n".join([json.dumps({"id": "x", "text": TEXT}), "oops", json.dumps({"text": TEXT})])
    r = run_batch(["-"], progress="never", stdin=io.StringIO(lines))
    assert (r.total, r.failed) == (3, 1)
    assert r.errors[0][0] == "<stdin>:2"
    r = run_batch(["-"], progress="never", stdin=io.StringIO("   \n"))
    assert (r.total, r.failed) == (1, 1)
    assert "<stdin>" in capsys.readouterr().err


def test_progress_modes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path)
    run_batch([str(folder / "good1.txt")], progress="always")
    assert "articles" in capsys.readouterr().err
    run_batch([str(folder / "good1.txt")], progress="auto")  # stderr is captured: not a TTY
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(batch.sys.stderr, "isatty", lambda: True, raising=False)
    assert batch._want_progress("auto") is True
    assert batch._want_progress("never") is False
    with pytest.raises(BadInputError):
        run_batch([str(folder)], progress="sometimes")
    with pytest.raises(BadInputError):
        run_batch([str(folder)], jobs=0)


def test_extract_errors_are_counted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def boom(article: Article, prefer: str = "past") -> Extraction:
        if "boom" in article.text:
            raise TimelineError("cannot extract")
        return Extraction(article=article)

    monkeypatch.setattr(batch, "extract", boom)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT + " boom", encoding="utf-8")
    r = run_batch([str(tmp_path)], progress="never")
    assert (r.total, r.failed) == (2, 1)
    assert r.errors[0] == ("b.txt", "b.txt: cannot extract")
    timeline, count, errors = extract_chunk([Article(id="z", text=TEXT)])
    assert count == 1 and errors == [] and isinstance(timeline, Timeline)


def test_iter_articles_streams(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    seen: list[str] = []
    ids = [a.id for a in iter_articles([str(folder)], on_error=lambda w, e: seen.append(w))]
    assert ids == ["good1.txt", "good2.txt", "r1", "r6"]
    assert len(seen) == 6


def test_cli_extract_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.cli import main

    folder = _corpus(tmp_path)
    status = main(["extract", str(folder), "--jobs", "2", "--progress", "never", "-f", "json"])
    captured = capsys.readouterr()
    assert status == 1
    assert "6 of 10 input(s) failed" in captured.err
