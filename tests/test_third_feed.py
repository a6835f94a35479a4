"""A third made-up newsletter (tests/feeds/alpine-dispatch-freshrss-2026.txt), uncurated
and with furniture the others lack: its own name in the day separators, Substack's newer
subscribe wording, a "Share <name>" button. It gets its own title, no chrome, every
sentence, a chart on every chapter (a series whose unit is stated once among them), a
timeline and a glossary of what it defines."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from newsbook import cli

FEED = Path(__file__).parent / "feeds" / "alpine-dispatch-freshrss-2026.txt"
LINES = FEED.read_text(encoding="utf-8").split("\n")
CHROME = ("Normal view", "There are new articles", "Today — 6 December 2026Alpine Dispatch",
          "Yesterday — 5 December 2026Alpine Dispatch", "Before yesterdayAlpine Dispatch",
          "Thanks for reading Alpine Dispatch!", "Share Alpine Dispatch", "Subscribe now",
          "Leave a comment")


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("alpine")
    assert cli.main([str(FEED), "--book", str(root), "-q"]) == 0
    return root


def pages(book: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8").replace("\\", "")
            for p in sorted((book / "chapters").glob("*.md"))}


def shown(book: Path) -> str:
    """Every page's text with escapes and bold marks (speakers' names) taken out."""
    return "\n".join(pages(book).values()).replace("**", "")


def test_title_is_the_newsletters_own(book):
    config = (book / "_config.yml").read_text(encoding="utf-8")
    assert "title: 'Alpine Dispatch 2026: an interactive reader'" in config


def test_no_chrome_and_every_other_line_kept(book):
    text = shown(book)
    for chrome in CHROME:
        assert chrome not in text, chrome
    kept = [s.strip().lstrip("• ").strip() for s in LINES
            if s.strip() and not any(s.strip().startswith(c) for c in CHROME)]
    for line in kept:
        if re.fullmatch(r"\d", line) or re.fullmatch(r"\d{1,2} \w+ 2026 at \d\d:\d\d", line):
            continue  # footnote numbers and dates are shown in their own form
        line = re.sub(r"(?<=[a-z.])1$", "", line)  # a footnote marker becomes a link
        assert line in text, line


def test_structure_survives(book):
    glaciers = next(t for s, t in pages(book).items() if "glaciers" in s)
    assert "\n## What the operators say\n" in glaciers
    assert "* the height of the valley," in glaciers or "- the height of the valley," in glaciers
    assert "[^1]" in glaciers and "Figures from the Swiss glacier monitoring network" in glaciers
    interview = next(t for s, t in pages(book).items() if "conversation" in s)
    assert interview.count("**Anna Keller:**") == 2 and interview.count("**Jonas Weber:**") == 3


def test_every_chapter_has_a_chart_and_the_series_is_drawn_as_stated(book):
    specs = json.loads((book / "data/generated/charts.json").read_text(encoding="utf-8"))
    charted = {s["chapter"] for s in specs.values() if s["chapter"]}
    assert charted == set(pages(book))
    series = [s for k, s in specs.items() if "snow" in s["chapter"] and "series" in k]
    assert len(series) == 1
    rows = list(csv.DictReader(io.StringIO(
        (book / "data/generated" / f"{series[0]['dataset']}.csv").read_text(encoding="utf-8"))))
    assert [(r["period"], float(r["value"]), r["stated"]) for r in rows] == [
        ("2019", 29.4, "29.4 million skier days"), ("2021", 22.0, "22.0 million"),
        ("2023", 27.8, "27.8 million")]
    assert {(r["unit"], r["scale"]) for r in rows} == {("skier days", "million")}
    for r in rows:
        assert r["quote"] in LINES[int(r["line"]) - 1]


def test_timeline_and_glossary(book):
    toc = (book / "_toc.yml").read_text(encoding="utf-8")
    assert "file: timeline" in toc and "file: glossary" in toc
    glossary = (book / "glossary.md").read_text(encoding="utf-8").replace("\\", "")
    assert "\nSFOE\n  Swiss Federal Office of Energy\n" in glossary
    assert "\npeak water\n  “They add that the so-called “peak water” moment" in glossary
    assert "\nVerbier\n" not in glossary  # one word opening a sentence: no name


@pytest.mark.slow
def test_the_third_feed_builds_with_warnings_as_errors(book):
    import os
    import subprocess
    import sys
    jb = Path(__file__).resolve().parents[1] / "scripts" / "jb.py"
    res = subprocess.run([sys.executable, str(jb), "build", str(book), "-W", "-n",
                          "--keep-going"], capture_output=True, text=True,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    html = (book / "_build" / "html" / "glossary.html").read_text(encoding="utf-8")
    assert 'id="term-SFOE"' in html and 'id="term-peak-water"' in html
