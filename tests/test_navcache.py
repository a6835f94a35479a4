"""The shared sidebar (newsbook.navcache): the same HTML as the theme's, or the theme's."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from newsbook.navcache import mark, neutral

HOME = '<p class="caption">Part</p>\n'


def sidebar(current: str | None) -> str:
    """The theme's flat sidebar with ``current`` (a file name) as the current page."""
    out = [HOME]
    for part in (("a.html", "b.html"), ("c.html",)):
        cur = current in part
        out.append('<ul class="current nav bd-sidenav">' if cur else '<ul class="nav bd-sidenav">')
        for name in part:
            if name == current:
                out.append('<li class="toctree-l1 current active"><a class="current reference '
                           f'internal" href="#">{name} &amp; title</a></li>')
            else:
                out.append(f'<li class="toctree-l1"><a class="reference internal" '
                           f'href="{name}">{name} &amp; title</a></li>')
        out.append("</ul>")
    return "\n".join(out)


def test_marking_the_neutral_form_gives_the_themes_html_for_every_page():
    for first in ("a.html", "b.html", "c.html", None):
        base = neutral(sidebar(first), first or "x.html")
        assert base == sidebar(None)
        for page in ("a.html", "b.html", "c.html"):
            assert mark(base, page) == sidebar(page), (first, page)


def test_unknown_shapes_fall_back_to_the_theme():
    nested = sidebar("a.html").replace("</ul>", '<li class="toctree-l2">x</li></ul>', 1)
    assert neutral(nested, "a.html") is None
    twice = sidebar(None) + '\n<ul class="nav bd-sidenav"><li class="toctree-l1"><a class=' \
        '"reference internal" href="a.html">again</a></li></ul>'
    assert mark(twice, "a.html") is None  # two entries for one page: which is current?
    assert mark(sidebar(None), "nowhere.html") is None
    half = sidebar("a.html").replace('<ul class="current nav bd-sidenav">',
                                     '<ul class="nav bd-sidenav">')
    assert neutral(half, "a.html") is None


@pytest.mark.slow
def test_adding_articles_rebuilds_the_same_book_as_a_clean_build(tmp_path):
    """Pages written again only for their sidebar (and not re-fed to the search index)
    give the same site as building the bigger archive from nothing."""
    def archive(n: int, out: Path) -> None:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_archive.py"), str(n),
                        "--out", str(out)], check=True, capture_output=True)

    def build(book: Path) -> str:
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "jb.py"), "build",
                               str(book), "-W", "-n", "--keep-going"],
                              capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        return proc.stdout

    grown, fresh = tmp_path / "grown", tmp_path / "fresh"
    archive(14, grown)
    build(grown)
    archive(16, grown)
    log = build(grown)
    assert re.search(r"updating environment: .*2 added", log), log[-2000:]
    # most pages only needed the new sidebar: patched in, not rendered again
    patched = re.search(r"rewriting (\d+) pages and the sidebar of (\d+) more", log)
    assert patched and int(patched.group(2)) > int(patched.group(1)), log[-2000:]
    archive(16, fresh)
    build(fresh)
    a, b = grown / "_build" / "html", fresh / "_build" / "html"
    assert (a / "searchindex.js").read_bytes() == (b / "searchindex.js").read_bytes()
    version = re.compile(rb'\?v=[0-9a-f]+"')  # Sphinx's cache-busting stamp of purged CSS
    pages = sorted(p.relative_to(b) for p in b.rglob("*.html"))
    assert pages == sorted(p.relative_to(a) for p in a.rglob("*.html"))
    differ = [str(p) for p in pages
              if version.sub(b'"', (a / p).read_bytes()) != version.sub(b'"', (b / p).read_bytes())]
    assert not differ, differ[:5]


def _page(current: str | None, stamp: str = "1", extra: str = "") -> str:
    return (f'<head><link href="../_static/a.css?v={stamp}" /></head><body>{extra}'
            f'<nav class="bd-links bd-docs-nav" aria-label="Main">{sidebar(current)}</nav>'
            f'<main>{current}</main></body>')


class _Builder:
    """Just what newsbook.freshness.patch_sidebars asks of Sphinx's HTML builder."""

    name, link_suffix = "html", ".html"

    def __init__(self, out: Path):
        self.out, self.rendered = out, []
        self.config = type("C", (), {"root_doc": "intro"})()

    def get_outfilename(self, doc: str) -> str:
        return str(self.out / f"{doc}.html")

    def write_doc_serialized(self, doc, doctree):
        pass

    def write_doc(self, doc, doctree):
        self.rendered.append(doc)


def test_patched_sidebars_are_what_rendering_gives(tmp_path):
    """A page left out of the write gets the new sidebar of a page rendered in this build
    (its own entry current) and that page's cache stamps; one that cannot be patched is
    rendered."""
    from newsbook import freshness
    (tmp_path / "ch").mkdir()
    builder = _Builder(tmp_path)
    old = sidebar("b.html").replace('c.html">c.html', 'c.html">old title')  # last build's
    (tmp_path / "ch/a.html").write_text(_page("a.html", "2"), encoding="utf-8")  # rendered now
    (tmp_path / "ch/b.html").write_text(_page("b.html", "1").replace(sidebar("b.html"), old),
                                        encoding="utf-8")
    (tmp_path / "ch/c.html").write_text("<p>no sidebar here</p>", encoding="utf-8")
    env = type("E", (), {"get_and_resolve_doctree": lambda self, d, b: object()})()
    app = type("A", (), {"builder": builder, "env": env})()
    app.__dict__.update(_newsbook_patch={"ch/b", "ch/c"}, _newsbook_written={"ch/a"})
    freshness.patch_sidebars(app, None)
    assert (tmp_path / "ch/b.html").read_text(encoding="utf-8") == _page("b.html", "2")
    assert builder.rendered == ["ch/c"]


def test_figures_are_not_numbered_so_a_rebuild_loads_only_the_pages_it_writes(built_book):
    """sphinx-jupyterbook-latex turns ``numfig`` on for every build; with it on, each
    rebuild loads every page's doctree to number figures. The book's config says
    ``numfig: false`` and the build keeps it so."""
    import pickle
    env_file = built_book.parent / ".doctrees" / "environment.pickle"
    with open(env_file, "rb") as fh:
        env = pickle.load(fh)
    assert env.config.numfig is False
    assert "caption-number" not in (built_book / "intro.html").read_text(encoding="utf-8")


def _bundled_copy(tmp_path: Path) -> Path:
    """A book folder holding the bundled copy and its curation (nothing generated yet)."""
    import shutil
    book = tmp_path / "book"
    shutil.copytree(ROOT / "data", book / "data", ignore=shutil.ignore_patterns("generated"))
    return book


def _convert_and_build(book: Path) -> str:
    """Convert, then ``jupyter-book build -W -n``; the build's log."""
    from newsbook import cli
    assert cli.main(["--book", str(book), "-q"]) == 0
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "jb.py"), "build",
                           str(book), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout


def test_a_new_glossary_term_leaves_every_chapters_term_links_on_their_terms(tmp_path):
    """A monthly copy that brings a term sorting early in the glossary used to move the
    ids of every later term ("term-73" for the 73rd term with no ASCII letters), while
    chapters that the rebuild only patched kept their old links: 73 of the bundled book's
    114 term links then opened another term. Term ids now come from the terms' text."""
    book = _bundled_copy(tmp_path)
    _convert_and_build(book)
    before, wrong = _term_links(book / "_build" / "html")
    assert before >= 50 and not wrong, wrong
    copy = next((book / "data" / "raw").glob("*.txt"))
    text = copy.read_text(encoding="utf-8")
    day = "Yesterday — 15 December 2025Main stream\n\n"
    assert day in text
    copy.write_text(text.replace(day, day + "A Word From Hangzhou\n\n16 December 2025 at 08:00\n\n"
                                 "Staff called the founder 爸爸 (dad) in jest.\n\n", 1),
                    encoding="utf-8")
    log = _convert_and_build(book)
    glossary = (book / "glossary.md").read_text(encoding="utf-8")
    assert glossary.index("\n爸爸\n") < glossary.index("\n白蛇传\n")  # first: ids after it moved
    # (most chapters were only patched: their links are those of the first build)
    patched = re.search(r"rewriting (\d+) pages and the sidebar of (\d+) more", log)
    assert patched and int(patched.group(2)) >= 5, log[-2000:]
    after, wrong = _term_links(book / "_build" / "html")
    assert after >= before and not wrong, wrong[:5]


def _term_links(html: Path) -> tuple[int, list[str]]:
    """(term links found in the chapters, those not landing on their term): each link's
    page and id must hold a ``<dt>`` of the linked term, on the glossary or its parts."""
    ids: dict[tuple[str, str], str] = {}
    for page in [html / "glossary.html", *sorted((html / "glossary").glob("*.html"))]:
        rel = page.relative_to(html).as_posix()
        for anchor, term in re.findall(r'<dt id="(term-[^"]+)">([^<]+)',
                                       page.read_text(encoding="utf-8")):
            ids[(rel, anchor)] = term
    found, wrong = 0, []
    for page in (html / "chapters").glob("*.html"):
        for where, anchor, term in re.findall(
                r'href="\.\./(glossary(?:/[^"#]+)?\.html)#(term-[^"]+)">'
                r'<span class="xref std std-term">([^<]+)', page.read_text(encoding="utf-8")):
            found += 1
            if ids.get((where, anchor)) != term:
                wrong.append(f"{page.name}: {term} -> {where}#{anchor}")
    return found, wrong


def test_a_glossary_split_into_pages_by_letter_leaves_every_term_link_on_its_term(
        tmp_path, monkeypatch):
    """When a growing archive's glossary first goes on pages by letter, every term moves
    from glossary.html to glossary/<letter>.html; chapters that the rebuild would only have
    patched kept links to glossary.html, where the terms no longer are. The build renders
    again exactly the pages linking a term that moved (newsbook.freshness)."""
    from newsbook.writers import split_pages
    book = _bundled_copy(tmp_path)
    _convert_and_build(book)
    html = book / "_build" / "html"
    before, wrong = _term_links(html)
    assert before >= 50 and not wrong, wrong
    assert not (book / "glossary").exists()
    # the same book as an archive whose lists outgrew a page: only the budget shrinks
    monkeypatch.setattr(split_pages, "PAGE_BYTES", 12_000)
    log = _convert_and_build(book)
    letters = sorted(p.stem for p in (book / "glossary").glob("*.md"))
    assert len(letters) >= 10 and "glossary/b" in (book / "_toc.yml").read_text(encoding="utf-8")
    assert re.search(r"glossary terms moved; rendering again the (\d+) pages", log), log[-2000:]
    after, wrong = _term_links(html)
    assert after == before and not wrong, wrong[:5]
    # and a build changing nothing renders nothing again
    log = _convert_and_build(book)
    assert "glossary terms moved" not in log
