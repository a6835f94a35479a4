"""Shared test helpers: fixture files, golden regeneration, repo paths."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT / "data" / "raw" / "chinatalk-freshrss-2025.txt"


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
