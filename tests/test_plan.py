"""Bad curation never shows a traceback: each malformed input exits 2 and names its file
and the line to fix (``FILE:LINE: error: ...``), and nothing is written.

Each test copies the book's ``data/`` into a temporary book, breaks one file in one
place, converts the bundled copy and reads stderr.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FEED, ROOT
from newsbook import cli
from newsbook.plan import load_plan

XI = "data/charts/2025-07-14-xi-rumors.yml"
JAPAN = "data/charts/2025-07-24-where-japan-goes-next.yml"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    root = tmp_path / "book"
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("generated"))
    return root


def line_of(root: Path, rel: str, text: str) -> int:
    """1-based line of the only line of ``rel`` that contains ``text``."""
    hits = [n for n, ln in enumerate((root / rel).read_text(encoding="utf-8").split("\n"), 1)
            if text in ln]
    assert len(hits) == 1, (rel, text, hits)
    return hits[0]


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def convert_fails(root: Path, capsys, rel: str, line: int, *needles: str) -> str:
    """Exit 2, ``rel:line: error:`` on stderr, no traceback, nothing written."""
    code = cli.main([str(FEED), "--book", str(root), "-q"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err, err
    assert f"{rel}:{line}: error: " in err, err
    for needle in needles:
        assert needle in err, err
    assert not (root / "chapters").exists() and not (root / "_toc.yml").exists(), \
        "nothing may be written"
    return err


def test_the_book_plan_is_valid():
    plan = load_plan(ROOT)
    assert len(plan.charts) == 20 and plan.datasets


def test_yaml_syntax_error(book, capsys):
    line = line_of(book, XI, "dataset: xi_exit_odds")
    edit(book, XI, "  dataset: xi_exit_odds\n", "  dataset: [xi_exit_odds\n")
    convert_fails(book, capsys, XI, line + 1, "not valid YAML", "[newsbook.bad_curation]")


def test_missing_key(book, capsys):
    line = line_of(book, XI, "- key: xi_exit_odds")
    edit(book, XI, "  axis: Percent, as stated\n", "")
    convert_fails(book, capsys, XI, line, "axis: required key is missing")


def test_wrong_type(book, capsys):
    line = line_of(book, JAPAN, "replaces_caption: true")
    edit(book, JAPAN, "replaces_caption: true", "replaces_caption: [yes, please]")
    convert_fails(book, capsys, JAPAN, line, "replaces_caption")


def test_unknown_chart_kind(book, capsys):
    line = line_of(book, XI, "kind: bars")
    edit(book, XI, "kind: bars", "kind: pie")
    err = convert_fails(book, capsys, XI, line - 1, "unknown chart kind 'pie'")
    assert "known: bars, grouped, timeline" in err


def test_unknown_dataset_column(book, capsys):
    line = line_of(book, XI, "value: value_pct")
    edit(book, XI, "value: value_pct", "value: value_percent")
    convert_fails(book, capsys, XI, line, "unknown column 'value_percent'",
                  "of dataset 'xi_exit_odds'")


def test_unknown_dataset(book, capsys):
    line = line_of(book, XI, "- key: xi_exit_odds")
    edit(book, XI, "dataset: xi_exit_odds", "dataset: xi_exit_chances")
    convert_fails(book, capsys, XI, line, "unknown dataset 'xi_exit_chances'")


def test_csv_columns_differ_from_the_declaration(book, capsys):
    path = book / "data" / "xi_exit_odds.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value_pct", "percent", 1), encoding="utf-8")
    convert_fails(book, capsys, "data/xi_exit_odds.csv", 1, "differ from data/datasets.yml")


def test_unknown_chapter(book, capsys):
    """A chart file whose chapter names no article of the book."""
    edit(book, XI, "chapter: 2025-07-14-xi-rumors\n", "chapter: 2025-07-15-xi-rumours\n")
    err = convert_fails(book, capsys, XI, line_of(book, XI, "- key: leader_rumours"),
                        "chart 'leader_rumours': no article '2025-07-15-xi-rumours'")
    assert f"{XI}:{line_of(book, XI, '- key: xi_exit_odds')}: error: chart 'xi_exit_odds'" in err


def test_anchor_text_not_found(book, capsys):
    line = line_of(book, XI, "- key: xi_exit_odds")
    edit(book, XI, "after: The actuarial tables give Xi a 3% chance of dying",
         "after: The actuarial tables give Xi a 4% chance of dying")
    convert_fails(book, capsys, XI, line, "chart 'xi_exit_odds': no block of 2025-07-14-xi-rumors"
                  " contains 'The actuarial tables give Xi a 4% chance of dying'")


def test_curation_file_errors(book, capsys):
    """The same holds for the other hand-made files (themes here)."""
    rel = "data/curation/themes.yml"
    text = (book / rel).read_text(encoding="utf-8")
    first = next(n for n, ln in enumerate(text.split("\n"), 1) if "- name:" in ln)
    (book / rel).write_text(text.replace("- name:", "- nam:", 1), encoding="utf-8")
    convert_fails(book, capsys, rel, first, "unknown key")
