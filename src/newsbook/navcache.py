"""Pages written again only for their navigation: the sidebar, built once per folder
instead of once per page, and the search index, fed only what was read again.

Why: pydata-sphinx-theme resolves the whole table of contents and re-parses it with
BeautifulSoup for every page it writes (``generate_toctree_html``), and renders the sidebar
twice per page (once to see whether it is empty). The sidebar lists every article, so a
book of N articles costs N x N: 15.8 s of a 100-article build, about half an hour at 1,000.

The sidebar is the same on every page of a folder but for which entry is the current page.
So the first page of each folder gets the theme's own HTML; it is turned into a neutral
form (no entry current), and every other page gets the neutral form with its own entry
marked exactly as the theme marks it (``li.current.active``, ``a.current`` with
``href="#"``, ``ul.current`` around it). A page whose entry cannot be found once and only
once (a page outside the toc, or a toc shape this does not know) gets the theme's own
function, so nothing is ever wrong, only slower.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

_LI_CURRENT = '<li class="toctree-l1 current active"><a class="current reference internal" href="#">'
_UL = '<ul class="nav bd-sidenav">'
_UL_CURRENT = '<ul class="current nav bd-sidenav">'
_CURRENT_LI = re.compile(r'<li class="toctree-l1 current active"><a class="current reference '
                         r'internal" href="#">')


def neutral(html: str, own_href: str) -> str | None:
    """The sidebar with no current entry, or None when it is not the flat shape known
    (nested entries open and close with the current page, so they are never cached)."""
    if "toctree-l2" in html:
        return None
    if html.count(_LI_CURRENT) > 1 or html.count(_UL_CURRENT) > 1:
        return None
    if html.count(_LI_CURRENT) != html.count(_UL_CURRENT):
        return None
    html = html.replace(_LI_CURRENT, f'<li class="toctree-l1"><a class="reference internal" '
                        f'href="{own_href}">')
    return html.replace(_UL_CURRENT, _UL)


def mark(html: str, own_href: str) -> str | None:
    """``html`` (neutral) with the entry linking to ``own_href`` made current."""
    plain = f'<li class="toctree-l1"><a class="reference internal" href="{own_href}">'
    at = html.find(plain)
    if at < 0 or html.find(plain, at + 1) >= 0:
        return None
    ul = html.rfind(_UL, 0, at)
    if ul < 0 or html.rfind("</ul>", ul, at) >= 0:
        return None
    html = html[:at] + _LI_CURRENT + html[at + len(plain):]
    return html[:ul] + _UL_CURRENT + html[ul + len(_UL):]


def _wrap(original, app):
    """``add_toctree_functions`` plus a shared cache for ``generate_toctree_html``."""
    def add_functions(app_, pagename, templatename, context, doctree):
        original(app_, pagename, templatename, context, doctree)
        theirs = context.get("generate_toctree_html")
        suffix = getattr(app.builder, "link_suffix", None)
        if theirs is None or app.builder.name != "html" or not suffix:
            return
        cache = app.__dict__.setdefault("_newsbook_nav", {})
        folder = posixpath.dirname(pagename)
        # how a page of the same folder links to this one (pathto() gives "#" for itself)
        own_href = posixpath.basename(pagename) + suffix

        def generate_toctree_html(kind: str, startdepth: int = 1, show_nav_level: int = 1,
                                  **kwargs):
            if kind != "sidebar":
                return theirs(kind, startdepth=startdepth, show_nav_level=show_nav_level,
                              **kwargs)
            key = (folder, startdepth, show_nav_level, tuple(sorted(kwargs.items())))
            base = cache.get(key)
            if base is not None:
                html = mark(base, own_href) if _is_in_toc(app, pagename) else base
                if html is not None:
                    return html
            html = str(theirs(kind, startdepth=startdepth, show_nav_level=show_nav_level,
                              **kwargs))
            if key not in cache:
                flat = neutral(html, own_href)
                if flat is not None:
                    cache[key] = flat
            return html
        context["generate_toctree_html"] = generate_toctree_html
    return add_functions


def _is_in_toc(app, pagename: str) -> bool:
    """Whether the sidebar would mark ``pagename`` (it is listed in some toctree)."""
    index = app.__dict__.get("_newsbook_toc_pages")
    if index is None:
        index = set()
        for children in app.env.toctree_includes.values():
            index.update(children)
        app.__dict__["_newsbook_toc_pages"] = index
    return pagename in index


def _install(app) -> None:
    """Swap the theme's listener for the wrapped one, keeping its place and priority."""
    app.__dict__["_newsbook_read"] = set()
    app.__dict__.pop("_newsbook_nav", None)
    app.__dict__.pop("_newsbook_toc_pages", None)
    listeners = app.events.listeners.get("html-page-context", [])
    for i, listener in enumerate(listeners):
        handler = listener.handler
        if (getattr(handler, "__name__", "") == "add_toctree_functions"
                and getattr(handler, "__module__", "").startswith("pydata_sphinx_theme")):
            listeners[i] = listener._replace(handler=_wrap(handler, app))


# ------------------------------------------------------------------ search index

def _read_docs(app, env, docnames) -> None:
    """Remember which pages this build reads again (their text may have changed)."""
    app.__dict__["_newsbook_read"] = set(docnames)


def _reuse_search_index(app) -> None:
    """Feed the search index only the pages read again, not every page written.

    When articles are added, every page is written again (its sidebar lists them), and
    Sphinx re-feeds each one to the search index: at 1,000 articles about 45 s of a
    rebuild, for pages whose words did not change. The previous index is loaded (Sphinx
    does this anyway) and only the pages read in this build are pruned and fed; the
    others keep their entries, titles and index entries (these live in the environment).
    Without a previous index, every written page is fed, as Sphinx does.
    """
    builder = app.builder
    if getattr(builder, "name", "") != "html" or not hasattr(builder, "load_indexer"):
        return
    load, feed = builder.load_indexer, builder.index_page
    state = {"reuse": False}

    def load_indexer(docnames):
        read = app.__dict__.get("_newsbook_read", set())
        index = Path(builder.outdir) / builder.searchindex_filename
        kept = _load_entries(app)
        state["reuse"] = index.is_file() and kept is not None
        if not state["reuse"]:
            return load(docnames)
        load(set(docnames) & read)
        indexer = builder.indexer
        for doc, entries in kept.items():  # index entries are not in searchindex.js's load
            if doc not in read and doc in indexer._titles:
                indexer._index_entries[doc] = [tuple(e) for e in entries]
        for mapping in (indexer._mapping, indexer._title_mapping):
            for word in [w for w, docs in mapping.items() if not docs]:
                del mapping[word]  # as a clean build has it: no word without a page
        return None

    def index_page(pagename, doctree, title):
        if state["reuse"] and pagename not in app.__dict__.get("_newsbook_read", set()):
            return None
        return feed(pagename, doctree, title)
    dump = builder.dump_search_index

    def dump_search_index():
        indexer = builder.indexer
        if indexer is not None:  # pages in one order however they were fed: same file
            entries = indexer._index_entries
            ordered = {d: entries[d] for d in sorted(entries)}
            entries.clear()
            entries.update(ordered)
        return dump()
    builder.load_indexer, builder.index_page = load_indexer, index_page
    builder.dump_search_index = dump_search_index


ENTRIES = "newsbook-index-entries.json"


def _load_entries(app) -> dict | None:
    import json
    try:
        data = json.loads((Path(app.doctreedir) / ENTRIES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _save_entries(app, exc) -> None:
    """The search index's entries per page, for the next build to keep (see above)."""
    import json
    indexer = getattr(app.builder, "indexer", None)
    if exc is not None or indexer is None:
        return
    path = Path(app.doctreedir) / ENTRIES
    path.write_text(json.dumps({d: indexer._index_entries.get(d, [])
                                for d in sorted(indexer._titles)}, ensure_ascii=False),
                    encoding="utf-8")


def _reset(app, env, added, changed, removed) -> list[str]:
    """A new read may change the toc: start every build from the theme's output."""
    app.__dict__.pop("_newsbook_nav", None)
    app.__dict__.pop("_newsbook_toc_pages", None)
    return []


def _no_figure_numbers(app, config) -> None:
    """``numfig`` as the book's config gives it (``false``: the book numbers no figure or
    table). sphinx-jupyterbook-latex, which every jupyter-book build loads, turns it on for
    every builder, HTML too; with it on, every build loads the doctree of every page to
    number figures even when one page changed: about 5 s of adding 20 articles to a
    300-article archive (profiled), growing with the archive. Its pages are the same
    either way (they have no ``caption-number``). (The builder is not known yet at
    config-inited; the setting must be made here, before Sphinx compares the config with
    the last build's, or every build would read every page again.)"""
    given = getattr(config, "overrides", {}).get("numfig")
    if given is not None:
        config.numfig = bool(given)


def setup(app):
    # (after sphinx-jupyterbook-latex's own config-inited handler, priority 500)
    app.connect("config-inited", _no_figure_numbers, priority=900)
    app.connect("builder-inited", _install)
    app.connect("builder-inited", _reuse_search_index)
    app.connect("env-before-read-docs", _read_docs, priority=900)  # after any reordering
    app.connect("build-finished", _save_entries)
    app.connect("env-get-outdated", _reset)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
