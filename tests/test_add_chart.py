"""Adding a chart of an existing kind to a chapter takes a CSV plus one YAML block, with
no Python and no test edits (issue 8, "Done when"): do exactly that in a temporary copy
of the book, convert, build with ``jupyter-book build -W -n`` and find the chart."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from newsbook import cli

STEM = "2025-07-14-xi-rumors"
KEY = "xi_days_out_of_view"
ROWS = [  # label, days, qualifier, quote, line, derived
    ("September 2022", 10, "about", "a period of about 10 days where Xi didn’t appear in public",
     904, ""),
    ("May 2025 (Ho-fung Hung)", 13, "", "Xi Jinping disappeared for 13 days in May", 933, ""),
    ("May 2025 (the article)", 14, "about", "when Xi didn’t appear in public for about two weeks",
     916, "two weeks = 14 days"),
]
DATASET_ENTRY = f"""
{KEY}:
  chapter: {STEM}
  description: How long Xi was out of public view in each rumour episode, as stated.
  columns:
    episode: The rumour episode
    days: Days out of public view
    qualifier: Qualifier in the text (about, ...)
    quote: Verbatim text copied from the feed line
    line: 1-based line of data/raw/chinatalk-freshrss-2025.txt holding the quote
    derived: Formula text when a value is computed from stated figures
    note: Caveats
  source: feed
  value_columns:
  - days
"""
CHART_BLOCK = f"""\
- key: {KEY}
  kind: bars
  dataset: {KEY}
  after: This absence was followed by a period of about 10 days where Xi didn’t appear
  title: A test chart added with no code, days out of view
  summary: Bars of the days Xi was out of public view in each rumour episode, as stated.
  label: episode
  value: days
  qualifier: qualifier
  axis: Days out of public view
"""


@pytest.mark.slow
def test_a_csv_and_one_yaml_block_add_a_chart(tmp_path: Path):
    book = tmp_path / "book"
    shutil.copytree(ROOT, book, ignore=shutil.ignore_patterns(
        ".venv", "_build", ".git", "__pycache__", ".hypothesis", ".pytest_cache"))
    # 1. the CSV
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["episode", "days", "qualifier", "quote", "line", "derived", "note"])
    out.writerows([[*row, ""] for row in ROWS])
    (book / "data" / f"{KEY}.csv").write_text(buf.getvalue(), encoding="utf-8")
    # 2. its columns, declared
    with (book / "data" / "datasets.yml").open("a", encoding="utf-8") as fh:
        fh.write(DATASET_ENTRY)
    # 3. one YAML block in the chapter's chart file
    charts = book / "data" / "charts" / f"{STEM}.yml"
    charts.write_text(charts.read_text(encoding="utf-8") + CHART_BLOCK, encoding="utf-8")

    assert cli.main(["--book", str(book), "-q"]) == 0
    page = (book / "chapters" / f"{STEM}.md").read_text(encoding="utf-8")
    assert f'show("{KEY}")' in page
    jb = Path(sys.executable).parent / "jupyter-book"
    res = subprocess.run([str(jb), "build", str(book), "-W", "-n", "--keep-going"],
                         capture_output=True, text=True, timeout=1800)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-4000:]
    html = (book / "_build" / "html" / "chapters" / f"{STEM}.html").read_text(encoding="utf-8")
    assert f'<figure class="nb-chart" id="chart-{KEY}"' in html
    assert "A test chart added with no code, days out of view" in html
    assert f'download="{KEY}.csv"' in html
    assert textwrap.shorten(ROWS[0][3], 40, placeholder="") in html  # the quote, in the table
