"""Golden writer fixtures: model -> MyST page, one file per block type (--regen to update).

Each case's input is a model dump (``tests/model_dump.py``: ``dump_feed`` writes it,
``parse_feed`` reads it back), so the writer goldens never depend on the reader.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import jupytext
import pytest

from conftest import check_golden
from model_dump import parse_feed
from newsbook.model import Article, Paragraph
from newsbook.writers.myst_page import PageContext, Placement, render_article, render_page

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "writer").glob("*.txt"))


def render(model_dump: str) -> str:
    feed = parse_feed(model_dump)
    assert feed.articles, "fixture holds no article"
    pages = []
    for article in feed.articles:
        ctx = PageContext(stem="2025-01-01-case", themes=["Case theme"], publication="ChinaTalk")
        pages.append(render_article(article, ctx))
    return "\n".join(pages)


def article(*texts: str, title: str = "T") -> Article:
    blocks = tuple(Paragraph(t, 5 + 2 * i) for i, t in enumerate(texts))
    return Article(title, datetime(2025, 5, 1, 10, 0), blocks, (), 1)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_writer_fixtures(path: Path, regen: bool):
    check_golden(path, lambda given: render(given).rstrip("\n"), regen)


def test_page_is_a_notebook_with_planned_cells():
    text = render_article(article("Body ```{code-cell} python", "+++", "More."),
                          PageContext(stem="2025-05-01-t"))
    nb = jupytext.reads(text, "md:myst")
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) == 1 and code[0].source.startswith("from newsbook.charts import")


def test_author_is_byline_then_publication_then_unknown():
    a = article("Text.")
    assert "author: Unknown" in render_article(a, PageContext(stem="s"))
    assert "author: Pub" in render_article(a, PageContext(stem="s", publication="Pub"))


def test_chart_cells_come_only_from_templates():
    a = article("A paragraph about tariffs.", "Another.")
    ctx = PageContext(stem="2025-05-01-t", placements=[Placement("tariffs", "about tariffs", live=True)])
    nb = jupytext.reads(render_article(a, ctx), "md:myst")
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    assert sources[1:] == ['show("tariffs")', '# Run this chapter live to use these controls.\nexplore("tariffs")']
    with pytest.raises(ValueError):
        bad = PageContext(stem="s", placements=[Placement('x"); import os; ("', "about")])
        render_article(a, bad)


def test_unplaced_charts_are_returned_not_printed():
    a = article("A paragraph about tariffs.")
    ctx = PageContext(stem="2025-05-01-t", placements=[Placement("tariffs", "about tariffs"),
                                                      Placement("ghost", "no such text")])
    text, unplaced = render_page(a, ctx)
    assert unplaced == ["ghost"] and 'show("tariffs")' in text and 'show("ghost")' not in text
