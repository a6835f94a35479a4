"""Golden reader fixtures, one file per block type (regenerate only with --regen)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FEED, check_golden
from model_dump import dump_feed
from newsbook.plan import load_plan
from newsbook.readers import read

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "reader").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_reader_fixtures(path: Path, regen: bool):
    def render(given: str) -> str:
        res = read(given, source="case.txt")
        return dump_feed(res.feed, res.diagnostics)
    check_golden(path, render, regen)


def test_bundled_feed_shape():
    """The real copy: 13 articles, 13 footnote bodies all linked, two digests."""
    res = read(FEED.read_text(encoding="utf-8"), source=str(FEED),
               hints=load_plan(FEED.parents[2]).hints)
    arts = res.feed.articles
    assert len(arts) == 13
    assert [a.title for a in arts][0] == "CCP Purges as Camp"
    assert arts[-1].date_text == "6 May 2025 at 01:39"
    assert sum(len(a.footnotes) for a in arts) == 13
    assert not [d for d in res.diagnostics if d.severity == "error"]
    assert not [d for d in res.diagnostics if d.code.value == "unmatched_footnote"]
    from newsbook.model import Piece
    pieces = {a.title: [b.title for b in a.blocks if isinstance(b, Piece)] for a in arts}
    assert len(pieces["Hovercraft Invasion, Labubu, Tea"]) == 5
    assert len(pieces["Xi Rumors"]) == 3
