"""Shared test helpers: fixture files, golden regeneration, repo paths."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT / "data" / "raw" / "chinatalk-freshrss-2025.txt"

#: the bundled copy's 13 chapters (newest first) and their title lines in the feed
STEMS = [
    "2025-12-15-ccp-purges-as-camp",
    "2025-10-12-race-for-space-law-inside-the-sino-american-cosmic-rivalry",
    "2025-09-08-cheating-apps-chinas-latest-tech-export",
    "2025-08-25-notes-on-kyrgyzstan",
    "2025-08-01-ai-education-understanding-the-hype",
    "2025-07-24-where-japan-goes-next",
    "2025-07-14-xi-rumors",
    "2025-07-09-how-hangzhou-spawned-deepseek-and-unitree",
    "2025-06-20-hovercraft-invasion-labubu-tea",
    "2025-06-05-how-to-use-banned-us-models-in-china",
    "2025-05-30-the-cold-war-history-of-export-controls",
    "2025-05-28-chinas-hundred-lens-war",
    "2025-05-06-can-huawei-take-on-nvidias-cuda",
]
TITLE_LINES = [6, 104, 207, 335, 412, 484, 892, 1018, 1104, 1253, 1380, 1477, 1645]


#: the longest tests (minutes on 2 cores), started first so that parallel workers
#: (``make test``: pytest-xdist) fill the rest of the run around them, not after them
LONGEST = ("test_ten_megabyte_item_through_the_whole_pipeline", "test_thirty_megabytes",
           "test_every_chapter_runs_under_nbclient")


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: not item.name.startswith(LONGEST))  # (a stable sort)


def pytest_addoption(parser):
    parser.addoption("--regen", action="store_true",
                     help="rewrite golden fixture outputs (review the diff!)")


@pytest.fixture
def regen(request) -> bool:
    return request.config.getoption("--regen")


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """MyST-Parser style fixtures: ``title / . / input / . / expected / .`` repeated."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i = [], 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title = lines[i]
        assert lines[i + 1] == ".", f"{path}:{i + 2}: expected '.' after title"
        j = lines.index(".", i + 2)
        k = lines.index(".", j + 1)
        cases.append((title, "\n".join(lines[i + 2:j]), "\n".join(lines[j + 1:k])))
        i = k + 1
    return cases


def check_golden(path: Path, render, regen: bool) -> None:
    """Compare each case's fresh output with its golden; rewrite goldens only on --regen."""
    cases = read_cases(path)
    assert cases, f"{path} has no cases"
    fresh, failures = [], []
    for title, given, expected in cases:
        got = render(given)
        fresh.append((title, given, got))
        if got != expected:
            failures.append(f"--- {title}\nexpected:\n{expected}\ngot:\n{got}")
    if regen:
        write_cases(path, fresh)
        return
    assert not failures, "\n".join(failures)


def write_cases(path: Path, cases: list[tuple[str, str, str]]) -> None:
    out = []
    for title, given, expected in cases:
        out += [title, ".", given, ".", expected, ".", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def chromium() -> str | None:
    """Debian's chromium, or None (tests then skip unless CI demands a browser)."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None and os.environ.get("NEWSBOOK_REQUIRE_BROWSER"):
        pytest.fail("NEWSBOOK_REQUIRE_BROWSER is set but chromium is not installed")
    return path


def _newest(paths) -> float:
    return max((p.stat().st_mtime for p in paths), default=0.0)


#: what the built HTML is made from: rebuild when any of it is newer than the HTML
BOOK_SOURCES = ("chapters/*.md", "_config.yml", "_toc.yml", "intro.md", "timeline.md",
                "glossary.md", "data/*.csv", "data/generated/*", "_static/*",
                "src/newsbook/**/*.py")


def book_sources() -> list[Path]:
    return [p for pattern in BOOK_SOURCES for p in ROOT.glob(pattern) if p.is_file()]


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The repo's book built with ``jupyter-book build . -W -n --keep-going``, rebuilt only
    when a source (chapters, config, data, static files, package code) is newer than the
    HTML."""
    import fcntl
    (ROOT / "_build").mkdir(exist_ok=True)
    # test workers (pytest -n) share the one build: the first builds, the rest wait for it
    with open(ROOT / "_build" / ".built_book.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return _build_book()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build_book() -> Path:
    import subprocess
    import sys
    html = ROOT / "_build" / "html"
    stamp = html / "index.html"
    if not stamp.exists() or stamp.stat().st_mtime < _newest(book_sources()):
        jb = Path(sys.executable).parent / "jupyter-book"
        args = [str(jb), "build", str(ROOT), "-W", "-n", "--keep-going"]
        code = _newest((ROOT / "src" / "newsbook" / "charts").rglob("*.py"))
        if stamp.exists() and code > stamp.stat().st_mtime:
            # charts are drawn while a page is read; chart code outside the kinds (the
            # build-time drawing, say) is in no page's source, so read every page again
            args.append("--all")
        res = subprocess.run(args, capture_output=True, text=True, timeout=1200)
        assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-4000:]
        stamp.touch()  # Sphinx rewrites only outdated pages; mark the whole build fresh
    return html


@pytest.fixture(scope="session")
def browser_ok():
    if chromium() is None:
        pytest.skip("chromium not installed (apt-get install chromium); "
                    "set NEWSBOOK_REQUIRE_BROWSER=1 to make this a failure")
    return True


@pytest.fixture(scope="session")
def browser(browser_ok):
    """One Chromium for the whole session: Playwright's sync API allows one at a time,
    so every browser test (charts, hostile text) shares it."""
    from browser import chromium as launch_chromium
    with launch_chromium() as b:
        yield b
