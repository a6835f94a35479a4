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


def test_nested_items_render_as_nested_lists():
    """A nested item is a list inside its item in what MyST makes of the page."""
    from docutils import nodes

    from test_hostile import myst_doctree
    case = (Path(__file__).parent / "fixtures" / "writer" / "lists.txt").read_text(
        encoding="utf-8").split("\nnested items sit under the text of the item they belong to\n.\n")[1]
    page = render(case.split("\n.\n")[0])
    doc = myst_doctree(page.split("\n---\n", 1)[1])

    def depth_of(text: str) -> int:
        node = next(n for n in doc.findall(nodes.paragraph) if n.astext() == text)
        return sum(1 for a in _ancestors(node) if isinstance(a, (nodes.bullet_list,
                                                                 nodes.enumerated_list)))
    assert [depth_of(t) for t in ("Build the first dam", "survey the rock", "in two lifts",
                                  "Build the second dam", "Tenth step", "with a sub-point",
                                  "a numbered sub-step", "Eleventh step")] == \
        [1, 2, 3, 1, 1, 2, 2, 1]


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def test_broken_lines_are_hard_breaks_in_one_paragraph():
    """The author's line breaks are line breaks in what MyST makes of the page, inside one
    paragraph that shows every line's text exactly (none opens a block of its own)."""
    from docutils import nodes

    from test_hostile import myst_doctree
    case = (Path(__file__).parent / "fixtures" / "writer" / "captions.txt").read_text(
        encoding="utf-8").split("\nlines the author broke end in hard breaks, and each line's "
                                "own text is escaped (no line can open a block or split a "
                                "cell)\n.\n")[1]
    page = render(case.split("\n.\n")[0])
    doc = myst_doctree(page.split("\n---\n", 1)[1])
    para = next(n for n in doc.findall(nodes.paragraph) if n.astext().startswith("The snow"))
    texts = [c.astext() for c in para.children if isinstance(c, nodes.Text)]
    assert texts == ["The snow came down,", "```{code-cell} python", "+++", "# not a heading",
                     "- nor an item", "1. nor this", "(x)= $y$"]
    html_breaks = [c for c in para.children if isinstance(c, nodes.raw)
                   and c.get("format") == "html"]
    assert [c.astext() for c in html_breaks] == ["<br />\n"] * 6
    assert not list(doc.findall(nodes.section)) and not list(doc.findall(nodes.bullet_list))


def test_a_footnote_marked_inside_a_quote_is_linked_both_ways():
    """A Substack footnote anchor inside a <blockquote> was written as "[^2]" in the quote
    with no "[^2]:" note (the built page showed the raw "[^2]"), and the note as a plain
    "Note 2"."""
    from datetime import datetime

    from newsbook.model import Article, Footnote, Paragraph, Quote
    quote = Quote((Paragraph("A cardiologist at the Leiden Heart Institute.2", 6,
                             marks=((45, 2),)),), 5)
    art = Article("T", datetime(2025, 3, 1), (Paragraph("Intro.1", 4, marks=((6, 1),)), quote),
                  (Footnote(1, (Paragraph("One.", 9),), 9), Footnote(2, (Paragraph("Two.", 10),), 10)),
                  1)
    text = render_article(art, PageContext(stem="2025-03-01-t"))
    assert "Institute\\.[^2]" in text and "\n[^2]: Two\\." in text and "**Note 2**" not in text


def test_a_preview_says_so_on_its_page():
    """A paid post's preview (or an excerpt) read as if whole stopped on a cliff-hanger:
    its page says that the rest is not in the copy (the converter warns too)."""
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.readers.html import html_article
    art = html_article(title="T", published=datetime(2025, 3, 1), source="f.xml", line=1,
                       diags=[], html='<p>It gets interesting.</p><div class="paywall"><h2>Keep '
                                      'reading with a 7-day free trial</h2></div>')
    assert art.preview
    text = render_article(art, PageContext(stem="2025-03-01-t"))
    assert "This is the post's preview only" in text
    whole = Article("T", datetime(2025, 3, 1), (Paragraph("Whole.", 5),), (), 1)
    assert "preview only" not in render_article(whole, PageContext(stem="2025-03-01-t"))


def test_a_timed_turn_shows_its_time_before_the_name():
    """"[00:12:31] Dr. Ana Ruiz: The rate …" is shown in that order; the paragraph (what
    facts quote) is what the speaker says, a verbatim part of the source line."""
    from datetime import datetime

    from newsbook.model import Article, Paragraph, Turn
    turn = Turn("Dr. Ana Ruiz", (Paragraph("The rate has doubled.", 5),), 5, "[00:12:31]")
    text = render_article(Article("T", datetime(2025, 3, 1), (turn,), (), 1),
                          PageContext(stem="2025-03-01-t"))
    assert "\\[00\\:12\\:31\\] **Dr\\. Ana Ruiz:** The rate has doubled\\." in text


@pytest.mark.parametrize("byline, author", [
    ("Priya Castellanos is the launch editor at Skyward Ledger and has covered rocket "
     "launches since 2014.", "Priya Castellanos"),
    ("Jordan Li and Sam Wu", "Jordan Li and Sam Wu"),
    ("Dr. Ana de la Cruz writes about ports for us and lives in Valparaíso.",
     "Dr. Ana de la Cruz"),
    ("Anon contributor “Soon Kueh” occasionally writes about China.", "Soon Kueh"),
    ("Dr. is Lecturer in Politics.", "Dr. is Lecturer in Politics."),
    ("is a data editor at Skyward Ledger, and the one who counts.",
     "is a data editor at Skyward Ledger, and the one who counts."),
])
def test_the_pages_author_is_the_name_a_bio_opens_with(byline, author):
    from newsbook.writers.book_files import author_of
    assert author_of(byline) == author


def test_a_rule_never_opens_a_section_follows_a_rule_or_stands_in_a_turn():
    """docutils fails a build ("Document or section may not begin with a transition",
    adjacent transitions) or asserts (a transition inside a directive): such a rule is
    dropped, and a rule between two paragraphs is kept."""
    import io

    from docutils.core import publish_doctree
    from docutils import nodes
    from myst_parser.parsers.docutils_ import Parser
    from newsbook.model import Heading, Rule, Turn
    blocks = (Rule(4), Paragraph("First words of the post.", 5), Heading("Part one", 6, 2),
              Rule(7), Paragraph("Text of part one.", 8), Rule(9), Rule(10),
              Paragraph("More text.", 11), Turn("Ana Ruiz", (Paragraph("Hello.", 12), Rule(13),
                                                             Paragraph("Bye.", 14)), 12),
              Paragraph("End.", 15))
    page = render_article(Article("T", datetime(2025, 5, 1, 10, 0), blocks, (), 1),
                          PageContext(stem="2025-01-01-case"))
    body = page.split("\n---\n", 2)[-1]
    err = io.StringIO()
    doc = publish_doctree(body, parser=Parser(), settings_overrides={
        "warning_stream": err, "myst_enable_extensions": ["colon_fence"]})
    assert "transition" not in err.getvalue()
    # (kept: the first, after the page's header, and one between "Text of part one." and
    # "More text.")
    assert len(list(doc.findall(nodes.transition))) == 2
