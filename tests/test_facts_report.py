"""Extraction quality on the bundled copy: precision of automatic dates >= 95%."""
from __future__ import annotations

from conftest import ROOT

from newsbook import factsreport


def test_dated_statements_precision_and_recall():
    dates, series, quantities = factsreport.report(ROOT)
    assert dates.judged >= 150, "too few automatic dates judged: the measure means nothing"
    assert dates.precision >= 0.95, dates.wrong
    assert dates.recall >= 0.85, dates.misses
    assert series.precision >= 0.95, series.wrong
    assert quantities.judged >= 100 and quantities.precision >= 0.9, quantities.wrong


def test_a_wrong_date_lowers_precision():
    """The measure can fail: a fact on a curated line with a year curation never names."""
    from dataclasses import replace

    from newsbook.book import assign_stems
    from newsbook.cli import read_feeds
    from newsbook.extract import extract_article
    from newsbook.plan import load_plan
    plan = load_plan(ROOT)
    arts = read_feeds(sorted((ROOT / "data" / "raw").glob("*.txt")), [], plan.hints)
    facts = [extract_article(a, s) for a, s in zip(arts, assign_stems(arts))]
    bad = [replace(f, dates=tuple(replace(d, start="1066", end="1066") for d in f.dates))
           for f in facts]
    dates, _ = factsreport.score(ROOT, plan, bad)
    assert dates.precision < 0.1
