"""The HTML page in headless Chromium: entries render, URL filters hide entries, a screenshot.

Skipped when ``/usr/bin/chromium`` (Debian's ``chromium`` package) is not installed. The page
applies ``#type=...&actor=...&lang=...`` (or the same query string) on load, so ``--dump-dom``
shows the filtered DOM without any browser driver.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline.render import render

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_render import sample_timeline

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def _chromium() -> str | None:
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> str:
    exe = _chromium()
    if exe is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    try:
        subprocess.run([exe, "--version"], capture_output=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"Chromium does not start: {exc}")
    return exe


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("html") / "timeline.html"
    path.write_text(render(sample_timeline(), "html"), encoding="utf-8")
    yield path


def _run(browser: str, tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "profile"
    done = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class _Entries(HTMLParser):
    """The entries of a dumped DOM: (id, hidden?) and the root's lang and dir."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[str, bool]] = []
        self.root: dict[str, str | None] = {}
        self.no_match_hidden: bool | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.root = a
        if tag == "li" and "entry" in (a.get("class") or "").split():
            self.entries.append((a.get("id") or "", "hidden" in a))
        if a.get("id") == "no-match":
            self.no_match_hidden = "hidden" in a


def _dom(browser: str, tmp_path: Path, url: str) -> _Entries:
    parsed = _Entries()
    parsed.feed(_run(browser, tmp_path, "--dump-dom", url))
    return parsed


def _visible(dom: _Entries) -> list[str]:
    return [i.removeprefix("event-") for i, hidden in dom.entries if not hidden]


def test_entries_render(browser: str, page: Path, tmp_path: Path) -> None:
    dom = _dom(browser, tmp_path, page.as_uri())
    assert dom.root.get("lang") == "ar" and dom.root.get("dir") == "rtl"
    assert len(dom.entries) == len(sample_timeline().events)
    assert all(not hidden for _, hidden in dom.entries)
    assert dom.no_match_hidden is True


def test_type_filter_from_fragment(browser: str, page: Path, tmp_path: Path) -> None:
    dom = _dom(browser, tmp_path, page.as_uri() + "#type=CONSULT")
    assert _visible(dom) == ["maduro-visit", "kolokoltsev-visit"]
    assert sum(hidden for _, hidden in dom.entries) == len(dom.entries) - 2


def test_actor_and_type_filters_from_query_with_english_labels(
    browser: str, page: Path, tmp_path: Path
) -> None:
    dom = _dom(browser, tmp_path, page.as_uri() + "?actor=Venezuela&lang=en")
    assert _visible(dom) == [
        "agree-partners",
        "ryabkov-troops",
        "boats-sunk",
        "tanker-seized",
        "no-military-aid-request",
    ]
    assert dom.root.get("lang") == "en" and dom.root.get("dir") == "ltr"
    dom = _dom(browser, tmp_path, page.as_uri() + "#actor=Venezuela&type=ASSAULT")
    assert _visible(dom) == ["boats-sunk"]


def test_no_match_message(browser: str, page: Path, tmp_path: Path) -> None:
    dom = _dom(browser, tmp_path, page.as_uri() + "#actor=Nobody")
    assert _visible(dom) == []
    assert dom.no_match_hidden is False


def test_screenshot(browser: str, page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "timeline.png"
    shot.unlink(missing_ok=True)
    _run(browser, tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
