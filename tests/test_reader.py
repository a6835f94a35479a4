"""Golden reader fixtures, one file per block type (regenerate only with --regen)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FEED, read_cases, write_cases
from model_dump import dump_feed
from newsbook.book import load_curation
from newsbook.readers import read

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "reader").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_reader_fixtures(path: Path, regen: bool):
    cases = read_cases(path)
    assert cases, f"{path} has no cases"
    fresh, failures = [], []
    for title, given, expected in cases:
        res = read(given, source="case.txt")
        got = dump_feed(res.feed, res.diagnostics)
        fresh.append((title, given, got))
        if got != expected:
            failures.append(f"--- {title}\nexpected:\n{expected}\ngot:\n{got}")
    if regen:
        write_cases(path, fresh)
        return
    assert not failures, "\n".join(failures)


def test_bundled_feed_shape():
    """The real copy: 13 articles, 13 footnote bodies all linked, two digests."""
    res = read(FEED.read_text(encoding="utf-8"), source=str(FEED),
               hints=load_curation(FEED.parents[2]).hints)
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
