"""The fast paths of loading a plan equal the plain ones (issue 11: conversion at disk speed).

A plan is reused from the cache directory (``cache_file(root)``) when no curated file (nor the plan's
code) changed: the reused plan equals a fresh load, and a file changed after the cache
was made is loaded afresh, its errors reported with their lines. Specs are dumped and
automatic specs made without pydantic's validators and serializers; both equal what
pydantic makes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FEED, ROOT
from newsbook import book, cli, plan as plan_mod
from newsbook.plan import cache_file, load_plan, spec_json

XI = "data/charts/2025-07-14-xi-rumors.yml"


@pytest.fixture
def root(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("NEWSBOOK_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "book"
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("generated"))
    return root


def test_a_cached_plan_equals_a_fresh_one(root):
    fresh = plan_mod._load_fresh(root)
    first = load_plan(root)  # makes the cache
    assert cache_file(root).is_file() and not (root / "_build").exists()
    again = load_plan(root)  # reads it
    assert again is not first
    assert first == fresh and again == fresh
    assert again.root == root and again.chart_where == fresh.chart_where


def test_a_changed_file_is_loaded_afresh(root):
    load_plan(root)
    people = root / "data" / "curation" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_plan(root) == plan_mod._load_fresh(root)
    (root / "data" / "curation" / "hints.yml").unlink()
    assert load_plan(root) == plan_mod._load_fresh(root)
    assert load_plan(root).hints == {}


def test_an_error_after_a_cached_load_names_its_line(root, capsys):
    load_plan(root)
    path = root / XI
    text = path.read_text(encoding="utf-8")
    line = next(n for n, ln in enumerate(text.split("\n"), 1) if "dataset: xi_exit_odds" in ln)
    path.write_text(text.replace("  dataset: xi_exit_odds\n", "  dataset: [xi_exit_odds\n"),
                    encoding="utf-8")
    code = cli.main([str(FEED), "--book", str(root), "-q"])
    err = capsys.readouterr().err
    assert code == 2 and f"{XI}:{line + 1}: error: " in err and "not valid YAML" in err, err
    path.write_text(text, encoding="utf-8")  # fixed again: loads (and reuses) cleanly
    assert load_plan(root) == plan_mod._load_fresh(root)


def test_a_broken_cache_is_ignored(root):
    load_plan(root)
    cache_file(root).write_bytes(b"not a pickle")
    assert load_plan(root) == plan_mod._load_fresh(root)


def test_specs_dump_and_build_as_pydantic_does():
    plan = load_plan(ROOT)
    articles = cli.read_feeds([FEED], [], plan.hints)
    pages = list(zip(articles, book.assign_stems(articles)))
    charts, _ = book.plan_charts(plan, pages, [])
    specs = list(charts.specs.values())
    from newsbook import autocharts
    specs += [autocharts.book_timeline_spec(), autocharts.book_glance_spec(3)]
    assert any(s.auto for s in specs) and any(not s.auto for s in specs)
    from newsbook.plan.charts import ChartSpec
    from newsbook.plan.models import EventEntry, adapter
    check = adapter(ChartSpec)
    for spec in specs:
        assert spec_json(spec) == check.dump_python(spec, mode="json")
        again = check.validate_python(spec_json(spec))  # what validation would make
        assert again == spec and spec_json(again) == spec_json(spec)
        assert type(again) is type(spec)
    for event in plan.events:
        assert plan_mod.plain(event) == adapter(EventEntry).dump_python(event)


def test_a_plan_from_the_cache_imports_no_pydantic(root):
    """Validation is pydantic's; a plan loaded unchanged from the cache needs none, and a
    conversion then never imports it (80-90 ms of the bundled copy's conversion)."""
    import subprocess
    import sys
    load_plan(root)  # (fills the cache)
    code = ("import sys; sys.path.insert(0, %r)\n"
            "from newsbook.plan import load_plan\n"
            "plan = load_plan(%r)\n"
            "assert plan.charts and plan.people, 'an empty plan'\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pydantic', 'pydantic_core', 'annotated_types')))") % (
        str(ROOT / "src"), str(root))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]", out


def test_the_cache_keeps_a_few_books(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBOOK_CACHE_DIR", str(tmp_path / "cache"))
    roots = []
    for i in range(plan_mod.CACHED_PLANS + 3):
        roots.append(tmp_path / f"b{i}")
        (roots[-1] / "data").mkdir(parents=True)
        load_plan(roots[-1])
    assert len(list((tmp_path / "cache").glob("plan-*.pickle"))) == plan_mod.CACHED_PLANS
    assert cache_file(roots[-1]).is_file() and cache_file(roots[-1]) != cache_file(roots[0])
