"""Feed text is data: hostile lines never become markup, code, metadata or script.

``tests/fixtures/hostile.txt`` holds one hostile line per case. They are checked
(a) through the escaper alone, (b) in every position of a synthetic FreshRSS copy
(``tests/feeds/hostile.txt``, generated from the corpus; ``--regen`` rewrites it),
(c) through a real ``jupyter-book build -W -n`` and (d) in headless Chromium.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest
import yaml
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from newsbook import cli
from newsbook.writers.escape import clean, escape_text

HERE = Path(__file__).parent
REPO = HERE.parent
CORPUS = HERE / "fixtures" / "hostile.txt"
FEED = HERE / "feeds" / "hostile.txt"

HOSTILE = [s for s in CORPUS.read_text(encoding="utf-8").split("\n") if s]

try:  # linkify makes bare URLs into links: stricter, when available
    import linkify_it  # noqa: F401
    LINKIFY = ["linkify"]
except ImportError:  # pragma: no cover
    LINKIFY = []

#: every MyST extension that could turn plain text into something else
STRICT = {
    "myst_enable_extensions": ["dollarmath", "amsmath", "colon_fence", "substitution",
                               "deflist", "html_image", "html_admonition", "replacements",
                               "strikethrough", "tasklist", "fieldlist", "attrs_inline",
                               "attrs_block"] + LINKIFY,
    "myst_substitutions": {"subst": "SUBSTITUTED"},
    "myst_footnote_transition": False,  # as in the book's _config.yml
    "report_level": 5, "halt_level": 5, "warning_stream": False,
}
#: what feed text alone may produce
PLAIN = {"document", "paragraph", "Text"}
#: what must never come from feed text anywhere in a page
FORBIDDEN = (nodes.raw, nodes.comment, nodes.literal_block, nodes.literal, nodes.math,
             nodes.math_block, nodes.image, nodes.substitution_reference,
             nodes.substitution_definition, nodes.field_list, nodes.definition_list,
             nodes.block_quote, nodes.table, nodes.transition, nodes.citation)

SETUP_PREFIX = "from newsbook.charts import"
CHART_CALL = re.compile(r'^(?:show|explore)\("[a-z0-9_]+"\)$')


def _term_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """Sphinx's ``{term}`` (glossary link) as plain text: docutils alone has no glossary."""
    return [nodes.inline(rawtext, text)], []


def myst_doctree(text: str) -> nodes.document:
    """Parse with myst-parser's docutils parser and the strictest extension set (plus a
    stand-in for Sphinx's ``term`` role, which chapters use to link glossary terms)."""
    from docutils.parsers.rst import roles
    roles.register_local_role("term", _term_role)
    return publish_doctree(text, parser=Parser(), settings_overrides=dict(STRICT))


# ----------------------------------------------------------------- (a) the escaper


@pytest.mark.parametrize("line", HOSTILE, ids=range(len(HOSTILE)))
def test_escaped_line_is_plain_text(line: str):
    doc = myst_doctree(escape_text(line))
    kinds = {type(n).__name__ for n in doc.findall()}
    assert kinds <= PLAIN, f"{line!r} became {sorted(kinds - PLAIN)}"
    assert doc.astext() == clean(line)


def test_strict_parser_is_strict():
    """Sanity: without escaping, the same parser does turn these lines into markup."""
    for raw, node in [("<script>alert(1)</script>", nodes.raw), ("$x$ and $5", nodes.math),
                      ("`code`", nodes.literal), ("% comment", nodes.comment),
                      ("(label)=", nodes.target), ("[x](https://e.com)", nodes.reference),
                      ("www.example.com" if LINKIFY else "<https://e.com>", nodes.reference),
                      ("**bold**", nodes.strong), ("    indented code", nodes.literal_block)]:
        doc = myst_doctree(raw)
        assert any(isinstance(n, node) for n in doc.findall()), (raw, node)


def test_corpus_covers_the_brief():
    must = ["```{code-cell} python", "import os; os.system('echo pwned')", "+++",
            '+++ {"tags": ["remove-cell"]}', "---", "# heading", "% comment", "(label)=",
            "{eval}`1+1`", "{download}`x`", "```{include} /etc/passwd",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))", "$x$ and $5 and $6", "{{ subst }}", "{% raw %}",
            "| a | b |", "    indented code", "\tTabbed", ":::{note}", "[^1]: fake footnote",
            "> quote", "1) item", "- item", "* item", "<!-- comment -->", "&amp; &lt;",
            "\\\\backslash\\\\", "`code`", "**bold**", "~~~", "```", "==="]
    assert not [m for m in must if m not in HOSTILE]
    assert len(HOSTILE) == len(set(HOSTILE))


# ----------------------------------------------------------------- (b) the whole converter

HEADER = ("Normal view\n\nThere are new articles available, click to refresh the page.\n"
          "Yesterday — 15 December 2025Main stream\n\n")
MONTHS = ("January February March April May June July August September October November "
          "December").split()


def hostile_feed(lines: list[str]) -> str:
    """One article per hostile line (as its title); its body holds hostile lines, rotated,
    in every position the reader knows: heading, paragraph, bullets, numbered items,
    caption, speaker turns, sponsor aside, footnote body."""
    n = len(lines)
    out = [HEADER]
    for i, title in enumerate(lines):
        h = [lines[(i + k) % n] for k in range(1, 12)]
        day, month = 1 + i % 28, MONTHS[(i // 28) % 12]
        body = [
            f"{title}", "", f"{day} {month} 2025 at {i % 24:02d}:{(i * 7) % 60:02d}", "",
            "A plain opening paragraph with a footnote marker at its very end.1", "",
            "A Section Heading", "",
            h[0], "",
            h[1], "",
            "  • " + h[2], "  • " + h[3], "",
            "  1. " + h[4], "  2. " + h[5], "",
            h[6] + " (Source)", "",
            "Jordan Schneider: " + h[7], "",
            "Jordan Schneider: " + h[8], "",
            "Another paragraph that closes the interview, ending with a full stop.", "", "",
            "This edition is brought to you by " + h[9], "",
            h[10], "", "",
            "1", "",
            h[1], "",
        ]
        out.append("\n".join(body) + "\n")
    return "".join(out)


def expected_texts(lines: list[str], i: int) -> list[str]:
    """Cleaned hostile strings that must show in article ``i``'s page."""
    n = len(lines)
    return [clean(lines[(i + k) % n]) for k in range(1, 12)]


def test_hostile_feed_is_current(regen: bool):
    text = hostile_feed(HOSTILE)
    if regen:
        FEED.parent.mkdir(exist_ok=True)
        FEED.write_text(text, encoding="utf-8")
    assert FEED.exists(), f"{FEED} is missing: run pytest tests/test_hostile.py --regen"
    assert FEED.read_text(encoding="utf-8") == text, "run pytest tests/test_hostile.py --regen"


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("hostile-book")
    feed = book / "hostile.txt"
    feed.write_text(hostile_feed(HOSTILE), encoding="utf-8")
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    feed.unlink()
    return book


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]), text[end + 5:]


def markdown_of(nb) -> str:
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def check_cells(nb, where: str) -> None:
    """Exactly the planned code cells: one setup cell, then only chart calls."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and code[0].source.startswith(SETUP_PREFIX), where
    for c in code[1:]:
        body = [s for s in c.source.splitlines() if s and not s.startswith("#")]
        assert len(body) == 1 and CHART_CALL.match(body[0]), (where, c.source)
    for c in nb.cells:
        if c.cell_type == "markdown":
            assert not c.metadata, (where, c.metadata)
        else:
            assert set(c.metadata) <= {"tags", "newsbook-chart"}, (where, c.metadata)
            assert set(c.metadata.get("tags", [])) <= {"remove-cell", "remove-input"}
            if "newsbook-chart" in c.metadata:  # the chart the cell's one call shows
                key = c.metadata["newsbook-chart"]
                assert re.fullmatch(r"[a-z0-9_]+", key), (where, key)
                assert c.source.strip() == f'show("{key}")', (where, c.source)


def check_doctree(doc: nodes.document, where: str) -> None:
    bad = [n for n in doc.findall() if isinstance(n, FORBIDDEN)]
    assert not bad, (where, [n.pformat()[:200] for n in bad[:3]])
    refs = [n for n in doc.findall(nodes.reference) if n.get("refuri")]
    assert not refs, (where, [n.get("refuri") for n in refs])
    msgs = [n for n in doc.findall(nodes.system_message) if n["level"] >= 2]
    assert not msgs, (where, [n.astext()[:200] for n in msgs])


def test_hostile_book_pages(hostile_book: Path):
    pages = sorted((hostile_book / "chapters").glob("*.md"))
    assert len(pages) == len(HOSTILE)
    titles = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        meta, _ = split_front_matter(text)
        nb = jupytext.reads(text, "md:myst")
        # the setup cell, then at least one chart: every chapter gets one (issue 9)
        assert len([c for c in nb.cells if c.cell_type == "code"]) >= 2, page.name
        check_cells(nb, page.name)
        doc = myst_doctree(markdown_of(nb))
        check_doctree(doc, page.name)
        titles[meta["title"]] = (page, doc.astext())
    assert set(titles) == {clean(h) for h in HOSTILE}
    for i, h in enumerate(HOSTILE):
        page, shown = titles[clean(h)]
        assert clean(h) in shown, (page.name, "title")
        missing = [t for t in expected_texts(HOSTILE, i) if t not in shown]
        assert not missing, (page.name, missing)


def test_hostile_book_files(hostile_book: Path):
    toc = yaml.safe_load((hostile_book / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]
             if c["file"].startswith("chapters/")]
    parts = [p for p in toc["parts"] if any(c["file"].startswith("chapters/")
                                            for c in p["chapters"])]
    assert [p["caption"] for p in parts] == ["More"]  # unthemed articles
    assert sorted(files) == sorted(f"chapters/{p.stem}"
                                   for p in (hostile_book / "chapters").glob("*.md"))
    assert len(set(files)) == len(HOSTILE)
    intro = (hostile_book / "intro.md").read_text(encoding="utf-8")
    if intro.startswith("---\n"):  # a notebook page too: check its cells, parse its markdown
        nb = jupytext.reads(intro, "md:myst")
        check_cells(nb, "intro.md")
        intro = markdown_of(nb)
    # The only links are our own chapter files; the docutils parser cannot resolve them
    # (no Sphinx), so they are checked here and swapped for placeholder URLs.
    link = re.compile(r"\]\((chapters/[a-z0-9-]+)\.md\)")
    assert len(link.findall(intro)) == len(HOSTILE)
    doc = myst_doctree(link.sub(r"](https://book.invalid/\1)", intro))
    refs = [n.get("refuri") for n in doc.findall(nodes.reference)]
    assert len(refs) == len(HOSTILE)
    assert all(r.startswith("https://book.invalid/chapters/") for r in refs), refs
    assert not [n for n in doc.findall() if isinstance(n, FORBIDDEN)]
    msgs = [n.astext()[:300] for n in doc.findall(nodes.system_message) if n["level"] >= 2
            and not re.search(r'Unknown interpreted text role "(ref|doc)"', n.astext())]
    assert not msgs, msgs  # (Sphinx-only roles of the template are unknown to docutils)
    shown = doc.astext()
    assert not [h for h in HOSTILE if clean(h) not in shown]
    config = yaml.safe_load((hostile_book / "_config.yml").read_text(encoding="utf-8"))
    assert "dollarmath" not in config["sphinx"]["config"]["myst_enable_extensions"]
    names = [str(p.relative_to(hostile_book)) for p in hostile_book.rglob("*")
             if "_build" not in p.parts]
    assert all(re.fullmatch(r"[A-Za-z0-9_./-]+", n) for n in names), names  # no feed text


# ----------------------------------------------------------------- (c) a real build

JB = Path(sys.executable).parent / "jupyter-book"


@pytest.fixture(scope="module")
def hostile_html(hostile_book: Path) -> Path:
    if not JB.exists():
        pytest.skip("jupyter-book is not installed in this environment")
    shutil.copytree(REPO / "_static", hostile_book / "_static", dirs_exist_ok=True)
    proc = subprocess.run([str(JB), "build", str(hostile_book), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-4000:]
    return hostile_book / "_build" / "html"


class Elements(HTMLParser):
    """Every element of a page: (tag, attrs, inside the page content body?), script texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.scripts, self.depth, self._in_script = [], [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "section":  # docutils sections: the page's own content
            self.depth += 1
        self.elements.append((tag, dict(attrs), self.depth > 0))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "section":
            self.depth -= 1
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def html_problems(text: str) -> list[str]:
    """Script or script-like attributes that could come from feed text."""
    p = Elements()
    p.feed(text)
    out = []
    for tag, attrs, in_article in p.elements:
        for name, value in attrs.items():
            value = value or ""
            if name.lower().startswith("on") and (in_article or "alert" in value):
                out.append(f"<{tag} {name}={value!r}>")
            if name.lower() in ("href", "src", "action", "formaction", "data") and \
                    value.strip().lower().startswith("javascript:"):
                out.append(f"<{tag} {name}={value!r}>")
        if in_article and tag in ("iframe", "img", "style", "object", "embed", "svg", "math"):
            out.append(f"<{tag}> inside the page content")
        # the chart JSON and loader scripts are ours; nothing else may load script
        if in_article and tag == "script" and attrs.get("src") and \
                "_static/" not in (attrs.get("src") or ""):
            out.append(f"<script src={attrs.get('src')!r}> inside the page content")
    # chart JSON may carry feed text (titles), but only with <, > and & escaped
    out += [f"script text: {s[:80]!r}" for s in p.scripts
            if re.search(r"<[A-Za-z/!]", s) and ("alert(" in s or "os.system(" in s)]
    return out


#: sphinx-book-theme 1.3.0 prints ``title.astext()`` unescaped into this hidden <h1>
PRINT_TITLE = re.compile(r'<div id="jb-print-docs-body" class="onlyprint">\s*<h1>(.*?)</h1>', re.S)
THEME_HOLE = ("sphinx-book-theme 1.3.0 renders context['pagetitle'] = title.astext() unescaped "
              "in <h1> of #jb-print-docs-body: a feed title '<script>alert(1)</script>' runs. "
              "Fix (not in the converter): an html-page-context handler in newsbook.charts that "
              "sets context['pagetitle'] = markupsafe.escape(...) after the theme's.")


def theme_hole_open(html_dir: Path) -> bool:
    page = next((html_dir / "chapters").glob("*-script-alert-1-script.html"))
    m = PRINT_TITLE.search(page.read_text(encoding="utf-8"))
    return bool(m and "<script>" in m.group(1))


@pytest.mark.slow
def test_hostile_book_builds_as_text(hostile_html: Path):
    pages = sorted((hostile_html / "chapters").glob("*.html"))
    assert len(pages) == len(HOSTILE)
    everything = ""
    for page in pages + [hostile_html / "intro.html"]:
        text = page.read_text(encoding="utf-8")
        text = PRINT_TITLE.sub("", text)  # checked on its own below (theme bug)
        assert "<script>alert" not in text, page.name
        assert not html_problems(text), (page.name, html_problems(text))
        everything += text
    for needle in ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                   "[x](javascript:alert(1))", "&lt;!-- comment --&gt;", "&amp;amp; &amp;lt;",
                   "```{code-cell} python", "{{ subst }}", "$x$ and $5 and $6", "{eval}`1+1`"]:
        assert needle in everything, needle
    for h in HOSTILE:  # every line, escaped, somewhere in the HTML
        assert html.escape(clean(h), quote=False) in everything \
            or html.escape(clean(h)) in everything, h


@pytest.mark.slow
def test_theme_print_title_is_escaped(hostile_html: Path):
    bad = []
    for page in sorted((hostile_html / "chapters").glob("*.html")):
        m = PRINT_TITLE.search(page.read_text(encoding="utf-8"))
        if m and html_problems(f"<section>{m.group(1)}</section>"):
            bad.append((page.name, m.group(1)))
    assert not bad, bad


# ----------------------------------------------------------------- (d) a real browser


@pytest.mark.slow
@pytest.mark.browser
def test_hostile_book_in_chromium(hostile_html: Path, browser):
    import browser as b
    pages = sorted((hostile_html / "chapters").glob("*.html"))
    by_title = {clean(h): i for i, h in enumerate(HOSTILE)}
    problems, theme_dialogs = [], []
    br = browser
    with b.serve(hostile_html) as base:
        ctx = br.new_context(service_workers="block")
        page = ctx.new_page()
        log: list[str] = []
        dialogs: list[str] = []

        def route(r):
            if (r.request.url and r.request.url.startswith(base)) or \
                    r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                log.append(f"non-local request {r.request.url}")
                r.abort()

        def on_dialog(d):
            dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.route("**/*", route)
        page.on("dialog", on_dialog)
        page.on("pageerror", lambda e: log.append(f"page error {e}"))
        page.on("console", lambda m: log.append(f"console {m.text}")
                if m.type == "error" and "favicon" not in (m.location or {}).get("url", "")
                and "favicon" not in m.text else None)
        for p in pages:
            log.clear()
            dialogs.clear()
            page.goto(base + "chapters/" + p.name, wait_until="load")
            opened = page.evaluate(  # asides are collapsed dropdowns: open them to read
                "() => { const bs = [...document.querySelectorAll("
                "'.admonition.dropdown button.toggle-button')]; bs.forEach(b => b.click());"
                " return bs.length; }")
            page.wait_for_timeout(300 if opened else 30)
            title = page.evaluate(
                "() => { const h = document.querySelector('main section h1, article h1');"
                " return h ? h.firstChild.textContent : ''; }")
            i = by_title.get(title.strip())
            if i is None:
                problems.append((p.name, f"page title {title!r} is not a hostile line"))
                continue
            shown = " ".join(page.inner_text("main").split())
            missing = [t for t in expected_texts(HOSTILE, i) + [clean(HOSTILE[i])]
                       if " ".join(t.split()) not in shown]
            if missing:
                problems.append((p.name, f"not visible: {missing}"))
            m = PRINT_TITLE.search(p.read_text(encoding="utf-8"))
            if m and "<" in m.group(1) and (dialogs or log):  # the theme hole, see below
                theme_dialogs.append((p.name, dialogs + log))
                continue
            if dialogs:
                problems.append((p.name, f"dialogs {dialogs}"))
            if log:
                problems.append((p.name, list(log)))
        ctx.close()
    assert not problems, "\n".join(map(repr, problems[:10]))
    assert not theme_dialogs, f"{THEME_HOLE} Dialogs: {theme_dialogs}"


def test_hostile_lines_run_together_stay_text(tmp_path):
    """Hostile lines with no blank line between them (a <pre> block as a browser copies
    it, or a Markdown fence typed into a post): program-like lines become a code block
    that shows them as written; nothing becomes a cell, a directive or markup, and every
    line shows."""
    runs = [HOSTILE[:4], HOSTILE]  # (a fence, code and cell breaks; then the whole corpus)
    body = []
    for k, run in enumerate(runs):
        body += [f"Run {k} opens with a plain paragraph that ends in a full stop."] + run + [""]
    copy = HEADER + "\n".join(["Run-together hostile lines", "", "1 March 2025 at 09:00", "",
                               *body, "A closing paragraph, ending with a full stop.", ""])
    feed = tmp_path / "runs.txt"
    feed.write_text(copy, encoding="utf-8")
    assert cli.main([str(feed), "--book", str(tmp_path), "-q"]) == 0
    (page,) = sorted((tmp_path / "chapters").glob("*.md"))
    nb = jupytext.reads(page.read_text(encoding="utf-8"), "md:myst")
    check_cells(nb, page.name)
    doc = myst_doctree(markdown_of(nb))
    blocks = [n for n in doc.findall(nodes.literal_block)]
    assert blocks and blocks[0].astext().rstrip("\n") == "\n".join(HOSTILE[:4]), blocks[:1]
    plain = [n for n in doc.findall() if isinstance(n, FORBIDDEN)
             and not isinstance(n, nodes.literal_block)]
    assert not plain, [n.pformat()[:200] for n in plain[:3]]
    assert not [n for n in doc.findall(nodes.reference) if n.get("refuri")]
    shown = doc.astext()
    missing = [h for h in HOSTILE if clean(h).strip() not in shown
               and h.rstrip() not in shown]
    assert not missing, missing
