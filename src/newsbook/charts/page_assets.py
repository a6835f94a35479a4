"""The page assets that keep the book's pages light (Sphinx hooks, connected by
:func:`newsbook.charts.setup`). Kept apart from :mod:`newsbook.charts.loader`, whose
source is part of every chart's cache key: changing how pages are trimmed re-keys no
chapter.

* :func:`lighten_html` takes out of every rendered page what sphinx-book-theme loads but
  the book does not need: ``fontawesome.js`` (1.5 MB; the icons the theme uses are CSS
  masks in ``_static/newsbook.css``), except on the search page the search index and
  search tools (the search box submits to the search page), and on a page with no
  highlighted code, sphinx-design element, toggle or thebe button the copy-button,
  pygments, design, togglebutton and thebe files; the theme's ``bootstrap.js`` (81 kB) is
  replaced by the book's ``_static/newsbook-bootstrap.js`` (:data:`SHIM`: its tooltips,
  menus, back-to-top button and ``window.bootstrap``), which waits for the reader's first
  interaction (:data:`LAZY_BOOTSTRAP`);
* :func:`page_metatags` adds a meta description taken from the page's first paragraph;
* :func:`favicon` sets ``_static/favicon.svg`` as the favicon when the book has one;
* :func:`root_index` replaces the root ``index.html`` redirect by a copy of the root page.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

#: static files never put on every page (loaded on demand by the chart loader / search /
#: the reader's first interaction)
ON_DEMAND_JS = ("plotly-basic.min.js", "newsbook-charts.js", "newsbook-bootstrap.js")
#: the book's stand-in for the theme's bootstrap.js, in ``_static``
SHIM = "newsbook-bootstrap.js"

_FONTAWESOME = re.compile(r'<script defer src="[^"]*scripts/fontawesome\.js[^"]*"></script>\n?')
_SEARCH_TOOLS = re.compile(
    r'<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|'
    r'searchindex\.js)"></script>\n?')
_VIEWPORT = re.compile(r'<meta name="viewport" content="width=device-width, initial-scale=1(?:\.0)?"\s*/>')
# the theme's colour-mode icons carry titles ("Light", "Dark", "System Settings") that
# do not match the button's accessible name "Color mode" (label-content-name-mismatch)
_SWITCH_ICON = re.compile(r'(<i class="theme-switch [^"]*" data-mode="[a-z]+")\s+title="[^"]*"')


#: extension assets that act only on elements of their own: (what such an element looks
#: like in the page, the files and any inline script of theirs as a pattern "<…"); a page
#: without one does not load them (copy buttons act on highlighted code, tab sets on
#: sphinx-design tabs, sphinx-thebe on a launch button)
_OPTIONAL_ASSETS = tuple(
    (re.compile(test), re.compile(
        r'<(?:script[^>]*\ssrc|link[^>]*\shref)="[^"]*_static/(?:'
        + "|".join(re.escape(f) for f in files if not f.startswith("<"))
        + r')(?:\?[^"]*)?"[^>]*>(?:</script>)?\n?'
        + "".join(f"|{f}\n?" for f in files if f.startswith("<"))))
    for test, files in (
        (r'class="[^"]*\bhighlight', ("copybutton.css", "clipboard.min.js", "copybutton.js",
                                      "pygments.css")),
        (r'class="(?:[^"]*\s)?sd-', ("sphinx-design.min.css",)),
        # sphinx-togglebutton acts on ".toggle, .admonition.dropdown" only
        (r'class="(?:[^"]*\s)?toggle[\s"]|class="[^"]*\badmonition\b[^"]*\sdropdown[\s"]',
         ("togglebutton.js", "togglebutton.css",
          r"<script>var togglebuttonSelector = [^<]*</script>")),
        (r"sd-tab-set", ("design-tabs.js",)),
        (r'thebe-launch-button|class="[^"]*\bthebe\b', ("sphinx-thebe.js", "sphinx-thebe.css",
                                                       r'<script type="text/x-thebe-config">'
                                                       r'[^<]*</script>',
                                                       r"<script>kernelName = '[^'<]*'</script>")),
    ))

#: Sphinx wraps the text of every cross-reference in ``<span class="std std-ref">``; no
#: stylesheet of the book names that class, and the timeline, glossary and people pages
#: hold hundreds of such links (7 kB of the timeline's HTML)
_REF_SPAN = re.compile(r'(<a class="reference internal" href="[^"<>]*">)'
                       r'<span class="std std-ref">([^<]*)</span></a>')
_HIGHLIGHT = re.compile(r'<script src="([^"]*_static/sphinx_highlight\.js[^"]*)"></script>')
#: Sphinx's sphinx_highlight.js (5 kB) marks the words of a search on the page a result
#: opened: it acts only when the search left its terms (localStorage) or the address has
#: ``?highlight=``. Other pages get this check instead and never fetch it.
LAZY_HIGHLIGHT = (
    "<script>(function(u){try{if(localStorage.getItem('sphinx_highlight_terms')||"
    "/[?&]highlight=/.test(location.search)){var s=document.createElement('script');"
    "s.src=u;document.head.appendChild(s)}}catch(e){}})(%s)</script>")


_BOOTSTRAP_PRELOAD = re.compile(
    r'<link rel="preload" as="script" href="[^"]*scripts/bootstrap\.js[^"]*" />\n?')
_BOOTSTRAP = re.compile(r'<script defer src="(([^"]*)scripts/bootstrap\.js[^"]*)"></script>')
#: the theme's bootstrap.js is all of Bootstrap 5 and Popper (81 kB) for its tooltips, its
#: download menu and the back-to-top button; the book's :data:`SHIM` does those (and
#: ``window.bootstrap.Tooltip``/``Dropdown`` for the theme's scripts) in 17 kB. It comes
#: on the reader's first scroll of the page (not the theme's scrolling of its sidebar),
#: key, touch or pointer move instead of with every page: a reader who only reads never
#: needs it. A click on a menu button that comes before the script has arrived is held
#: and replayed as the menu's toggle once it has.
LAZY_BOOTSTRAP = (
    "<script>(function(u){var w=window,d=document,p;function go(){if(!p){p=new Promise("
    "function(ok,no){var s=d.createElement('script');s.src=u;s.onload=ok;s.onerror=no;"
    "d.body.appendChild(s)});}return p}var v=['scroll','keydown','pointerover','pointerdown',"
    "'touchstart','focusin'];function on(e){if(e.type==='scroll'&&e.target!==d)return;"
    "v.forEach(function(n){w.removeEventListener(n,on,true)});go()}v.forEach(function(n){"
    "w.addEventListener(n,on,{passive:true,capture:true})});"
    "d.addEventListener('click',function(e){var t=e.target."
    "closest&&e.target.closest('[data-bs-toggle=\"dropdown\"]');if(t&&!w.bootstrap){"
    "e.preventDefault();e.stopPropagation();go().then(function(){w.bootstrap.Dropdown."
    "getOrCreateInstance(t).toggle()})}},true)})(%s)</script>")
#: a page whose theme script needs ``window.bootstrap`` as it starts (pydata-sphinx-theme
#: makes a Tooltip for its sidebar-collapse button) loads the shim deferred, before it
_NEEDS_BOOTSTRAP_AT_ONCE = 'id="pst-collapse-sidebar-button"'


def _bootstrap_tag(m: re.Match, text: str, shim: str | None) -> str:
    if shim is None:  # no shim in this book: the theme's own file, lazily
        return LAZY_BOOTSTRAP % json.dumps(html.unescape(m.group(1)))
    # scripts/ is in _static: the shim sits beside scripts/
    url = html.unescape(m.group(2)) + shim
    if _NEEDS_BOOTSTRAP_AT_ONCE in text:
        return f'<script defer src="{html.escape(url)}"></script>'
    return LAZY_BOOTSTRAP % json.dumps(url)


def shim_url(srcdir) -> str | None:
    """``newsbook-bootstrap.js?v=<digest>`` if the book's ``_static`` has the shim, else
    None (the theme's bootstrap.js then stays, loaded lazily)."""
    path = Path(srcdir) / "_static" / SHIM
    if not path.is_file():
        return None
    import hashlib
    return f"{SHIM}?v={hashlib.sha1(path.read_bytes()).hexdigest()[:8]}"


def lighten_html(text: str, pagename: str, shim: str | None = SHIM) -> str:
    """The rendered page without the assets it does not need (idempotent). ``shim``: the
    file (in ``_static``, with any query) that replaces the theme's bootstrap.js; None
    keeps bootstrap.js (loaded lazily).

    The sidebar's list of every article is set aside first and put back unchanged: it
    holds none of these assets, and in an archive it is most of every page (scanning it
    once per pattern made adding 20 articles to 1,000 grow with the square of the book)."""
    start = text.find(_SIDEBAR_NAV)
    end = text.find("</nav>", start) if start >= 0 else -1
    if end < 0:
        return _lighten(text, pagename, shim, text)
    end += len("</nav>")
    marker = "\x00newsbook-sidebar\x00"
    light = _lighten(text[:start] + marker + text[end:], pagename, shim, text)
    return light.replace(marker, text[start:end], 1)


def _cut(tag: re.Pattern, text: str) -> str:
    """``text`` without the tags ``tag`` matches, each with the spaces and tabs that
    indent it: as ``[ \t]*<tag>`` would, but a pattern that opens with ``<`` is tried
    only where a ``<`` is, and one that opens with ``[ \t]*`` at every offset (1.6 ms
    per pattern on a 100 kB page)."""
    out, last = [], 0
    for m in tag.finditer(text):
        start = m.start()
        while start > last and text[start - 1] in " \t":
            start -= 1
        out.append(text[last:start])
        last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


#: where pydata-sphinx-theme's sidebar of the book's pages opens (its first ``</nav>``
#: closes it: the book's table of contents has no nested nav)
_SIDEBAR_NAV = '<nav class="bd-links bd-docs-nav"'


def _lighten(text: str, pagename: str, shim: str | None, whole: str) -> str:
    """:func:`lighten_html` of a page without its sidebar (``whole``: the page with it)."""
    text = _cut(_FONTAWESOME, text)
    text = _cut(_BOOTSTRAP_PRELOAD, text)
    text = _BOOTSTRAP.sub(lambda m: _bootstrap_tag(m, whole, shim), text)
    if pagename != "search":
        text = _cut(_SEARCH_TOOLS, text)
        text = _HIGHLIGHT.sub(lambda m: LAZY_HIGHLIGHT % json.dumps(html.unescape(m.group(1))),
                              text)
    for needed, tags in _OPTIONAL_ASSETS:
        if not needed.search(text):
            text = _cut(tags, text)
    seen = []

    def one_viewport(m):
        seen.append(m)
        return m.group(0) if len(seen) == 1 else ""
    text = _VIEWPORT.sub(one_viewport, text)
    text = _SWITCH_ICON.sub(r'\1 aria-hidden="true"', text)
    text = _REF_SPAN.sub(r"\1\2</a>", text)
    return text


_WHOLE_PAGE = re.compile(r"\s*<!DOCTYPE html", re.I)


def wrap_renderer(app) -> None:
    """``builder-inited``: post-process every page the HTML builder renders."""
    builder = app.builder
    if getattr(builder, "format", "") != "html" or getattr(builder, "_newsbook_light", False):
        return
    templates = builder.templates
    render = templates.render
    shim = shim_url(app.srcdir)

    def light_render(template, context):
        out = render(template, context)
        # whole pages only: the theme also renders each sidebar part on its own (about ten
        # a page, to see which are empty), and scanning those cost 58 s of adding 20
        # articles to a 1,000-article archive
        if not _WHOLE_PAGE.match(out):
            return out
        return lighten_html(out, context.get("pagename", ""), shim)
    templates.render = light_render
    builder._newsbook_light = True


def _skip(node) -> bool:
    from docutils import nodes
    while node is not None:
        classes = node.get("classes", []) if isinstance(node, nodes.Element) else []
        if (set(classes) & {"chapter-meta", "cell", "cell_output", "nb-chart", "admonition",
                            "toggle", "dropdown", "sidebar"}
                or isinstance(node, (nodes.table, nodes.footnote, nodes.topic, nodes.raw,
                                     nodes.literal_block, nodes.admonition, nodes.sidebar))):
            return True
        node = node.parent
    return False


def first_paragraph(doctree, minimum: int = 60) -> str:
    """Plain text of the page's first real paragraph (not the chapter's meta line, a
    chart, a table or an aside)."""
    from docutils import nodes
    fallback = ""
    # the chapter's meta box repeats the byline that opens many articles: skip it too
    meta = " ".join(" ".join(n.astext().split()) for n in doctree.findall(nodes.container)
                    if "chapter-meta" in n.get("classes", []))
    for para in doctree.findall(nodes.paragraph):
        if _skip(para.parent):
            continue
        text = " ".join(para.astext().split())
        if text and text in meta:
            continue
        if len(text) >= minimum:
            return text
        fallback = fallback or text
    return fallback


def describe(text: str, limit: int = 160) -> str:
    """A meta description: the text cut at a word boundary near ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return cut + "…"


def page_metatags(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context``: a meta description from the page's first paragraph."""
    tags = context.get("metatags", "") or ""
    if 'name="description"' in tags:
        return
    text = ""
    if doctree is not None:
        text = first_paragraph(doctree)
    if not text:
        title = re.sub(r"<[^>]+>", "", context.get("title", "") or "")
        project = getattr(app.config, "html_title", "") or ""
        if not project or project.startswith("Project name not set"):
            project = app.config.project or ""
        text = f"{html.unescape(title)} — {project}" if title else project
    if text:
        tag = f'<meta name="description" content="{html.escape(describe(text), quote=True)}" />'
        context["metatags"] = (tags + "\n" if tags else "") + tag


def favicon(app, config) -> None:
    """``config-inited``: ``_static/favicon.svg`` as the favicon (no favicon.ico 404)."""
    if not getattr(config, "html_favicon", None) and \
            (Path(app.confdir) / "_static" / "favicon.svg").is_file():
        config.html_favicon = "_static/favicon.svg"


def root_index(app, exception) -> None:
    """``build-finished``: the root ``index.html`` is the root page itself, not a
    redirect to it (same folder, so every relative link still works)."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    root = app.config.root_doc
    if root == "index":
        return
    out = Path(app.outdir)
    src, dest = out / f"{root}.html", out / "index.html"
    if not src.is_file():
        return
    if dest.is_file() and dest.read_bytes() == src.read_bytes():
        return
    shutil.copyfile(src, dest)
