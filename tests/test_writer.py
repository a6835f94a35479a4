"""Golden writer fixtures: feed text -> MyST page, one file per block type (--regen to update)."""
from __future__ import annotations

from pathlib import Path

import jupytext
import pytest

from conftest import check_golden
from newsbook.readers import read
from newsbook.writers.myst_page import PageContext, Placement, render_article

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "writer").glob("*.txt"))


def render(feed_text: str) -> str:
    res = read(feed_text, source="case.txt")
    assert res.feed.articles, [d.format() for d in res.diagnostics]
    pages = []
    for article in res.feed.articles:
        ctx = PageContext(stem="2025-01-01-case", themes=["Case theme"])
        pages.append(render_article(article, ctx))
    return "\n".join(pages)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_writer_fixtures(path: Path, regen: bool):
    check_golden(path, lambda given: render(given).rstrip("\n"), regen)


def test_page_is_a_notebook_with_planned_cells():
    text = render("T\n\n1 May 2025 at 10:00\n\nBody ```{code-cell} python\n\n+++\n\nMore.\n")
    nb = jupytext.reads(text, "md:myst")
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) == 1 and code[0].source.startswith("from newsbook.charts import")


def test_chart_cells_come_only_from_templates():
    feed = "T\n\n1 May 2025 at 10:00\n\nA paragraph about tariffs.\n\nAnother.\n"
    article = read(feed).feed.articles[0]
    ctx = PageContext(stem="2025-05-01-t", placements=[Placement("tariffs", "about tariffs", live=True)])
    nb = jupytext.reads(render_article(article, ctx), "md:myst")
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    assert sources[1:] == ['show("tariffs")', '# Run this chapter live to use these controls.\nexplore("tariffs")']
    with pytest.raises(ValueError):
        bad = PageContext(stem="s", placements=[Placement('x"); import os; ("', "about")])
        render_article(article, bad)
