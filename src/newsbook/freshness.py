"""Sphinx extension: after the set of pages changes, every page's navigation is current.

Sphinx rewrites only the pages whose source changed. Every page, though, carries the
whole book's navigation: the sidebar (parts and chapter titles), prev/next links. So
after a new article joined the book, the other pages still showed the old sidebar and
the last chapter's "next" skipped the new one, until ``make clean``.

We keep a fingerprint of the navigation (the pages, their titles, the toctrees) in
the build environment. When a build changes it, every page must show the new
navigation. Builds that leave the navigation alone -- a no-op, an edit inside one
chapter -- stay incremental. (The footer year is ``copyright`` in ``_config.yml``;
Sphinx already rewrites every page when a config value changes.)

When pages were only added or removed (no surviving page changed its title), a page
whose own text, parent and prev/next neighbours are unchanged differs from its last
build only in its sidebar. Such a page is not rendered again: its HTML gets the new
sidebar, taken from a page of the same folder that this build did render
(:func:`newsbook.navcache.neutral` / :func:`~newsbook.navcache.mark` set its own entry
current), and that page's cache-busting stamps. Rendering every page for its sidebar
was most of adding 20 articles to a 1,000-article archive (about 0.1 s a page); a patch
costs a read and a write. A page that cannot be patched (no such region, an entry not
found once and only once) is rendered as before, so the result is always what a full
rewrite gives (``tests/test_navcache.py`` compares a grown archive with a fresh one).
Every other navigation change rewrites every page, as before.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

#: where the theme's sidebar of a page opens; its first ``</nav>`` closes it
SIDEBAR = '<nav class="bd-links bd-docs-nav"'
_STAMP = re.compile(r'(_static/[^"?#]+)\?v=([0-9a-f]+)"')


def fingerprint(env, titles: dict[str, str] | None = None) -> str:
    """Digest of what every page's navigation is made of."""
    data = {"docs": sorted(env.found_docs), "titles": _titles(env) if titles is None else titles,
            "toctrees": _includes(env), "root": env.config.root_doc}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _titles(env) -> dict[str, str]:
    return {doc: env.titles[doc].astext() for doc in sorted(env.found_docs) if doc in env.titles}


def _includes(env) -> dict[str, list[str]]:
    return {doc: list(env.toctree_includes.get(doc, [])) for doc in sorted(env.toctree_includes)}


def _relations(env) -> dict[str, list]:
    return {doc: list(rel) for doc, rel in env.collect_relations().items()}


def _terms_before(app, env, added, changed, removed):
    """``env-get-outdated``: where each glossary term was before this build reads anything."""
    app.__dict__["_newsbook_terms"] = dict(env.get_domain("std").data.get("terms", {}))
    return []


def _note_term_refs(app, doctree) -> None:
    """``doctree-read``: the glossary terms this page links (lowercase, as Sphinx keys them)."""
    from sphinx import addnodes
    refs = {n["reftarget"].lower() for n in doctree.findall(addnodes.pending_xref)
            if n.get("reftype") == "term"}
    store = app.env.__dict__.setdefault("newsbook_term_refs", {})
    if refs:
        store[app.env.docname] = refs
    else:
        store.pop(app.env.docname, None)


def _purge_term_refs(app, env, docname) -> None:
    env.__dict__.get("newsbook_term_refs", {}).pop(docname, None)


def _merge_term_refs(app, env, docnames, other) -> None:
    theirs = other.__dict__.get("newsbook_term_refs", {})
    store = env.__dict__.setdefault("newsbook_term_refs", {})
    store.update({d: theirs[d] for d in docnames if d in theirs})


def moved_term_links(app, env) -> set[str]:
    """The pages linking a glossary term that now stands elsewhere (another page, or
    another id): a page Sphinx does not render again keeps its old link. A glossary split
    into pages by letter moves every term once; a curated reading moves a term between
    letters. Every page when it is not known which pages link what (an older build)."""
    before = app.__dict__.pop("_newsbook_terms", None)
    if not before:
        return set()
    now = env.get_domain("std").data.get("terms", {})
    moved = {t for t, where in before.items() if t in now and now[t] != where}
    if not moved:
        return set()
    refs = env.__dict__.get("newsbook_term_refs")
    if refs is None:
        return set(env.found_docs)
    return {doc for doc, terms in refs.items() if terms & moved and doc in env.found_docs}


def _rewrite_all_on_change(app, env):
    moved = moved_term_links(app, env)
    docs = _rewrite_on_change(app, env)
    if not moved:
        return docs
    logger.info(f"newsbook: glossary terms moved; rendering again the {len(moved)} pages "
                "linking them")
    app.__dict__["_newsbook_patch"] = app.__dict__.get("_newsbook_patch", set()) - moved
    return sorted(set(docs) | moved)


def _rewrite_on_change(app, env):
    titles = _titles(env)
    now = fingerprint(env, titles)
    before = getattr(env, "newsbook_nav_fingerprint", None)
    old = getattr(env, "newsbook_nav_state", None)
    relations = _relations(env)
    env.newsbook_nav_fingerprint = now
    env.newsbook_nav_state = {"titles": titles, "relations": relations}
    app.__dict__["_newsbook_patch"] = set()
    if before is None or before == now:
        return []
    everything = sorted(env.found_docs)
    if old is None or any(old["titles"].get(d, t) != t for d, t in titles.items()):
        logger.info("newsbook: the book's navigation changed; rewriting every page")
        return everything
    read = app.__dict__.get("_newsbook_read", set())
    toc_docs = set(env.toctree_includes)
    render = {d for d in everything
              if d in read or d in toc_docs or d == env.config.root_doc
              or relations.get(d) != old["relations"].get(d) or d not in old["titles"]}
    patch = set(everything) - render
    # each folder needs a page rendered in this build: its sidebar is the one patched in
    folders = {posixpath.dirname(d) for d in render}
    for doc in sorted(patch):
        if posixpath.dirname(doc) not in folders:
            patch.discard(doc)
            render.add(doc)
            folders.add(posixpath.dirname(doc))
    app.__dict__["_newsbook_patch"] = patch
    logger.info(f"newsbook: the book's navigation changed; rewriting {len(render)} pages "
                f"and the sidebar of {len(patch)} more")
    return sorted(render)


def _note_written(app, pagename, templatename, context, doctree) -> None:
    if doctree is not None:
        app.__dict__.setdefault("_newsbook_written", set()).add(pagename)


def _region(html: str) -> tuple[int, int] | None:
    start = html.find(SIDEBAR)
    if start < 0:
        return None
    end = html.find("</nav>", start)
    return None if end < 0 else (start, end + len("</nav>"))


def _reference(builder, written: set[str], folder: str):
    """(neutral sidebar, {asset: stamp}) from a page of ``folder`` rendered in this build."""
    from .navcache import neutral
    for doc in sorted(written):
        if posixpath.dirname(doc) != folder or doc == builder.config.root_doc:
            continue
        try:
            html = Path(builder.get_outfilename(doc)).read_text(encoding="utf-8")
        except OSError:
            continue
        span = _region(html)
        if span is None:
            continue
        own = posixpath.basename(doc) + builder.link_suffix
        flat = neutral(html[span[0]:span[1]], own)
        if flat is not None:
            return flat, dict(_STAMP.findall(html))
    return None


def patch_sidebars(app, exception) -> None:
    """``build-finished``: the new sidebar into each page only it changed on."""
    patch = app.__dict__.pop("_newsbook_patch", set())
    written = app.__dict__.pop("_newsbook_written", set())
    builder = app.builder
    if exception is not None or not patch or getattr(builder, "name", "") != "html":
        return
    from .navcache import mark
    refs: dict[str, tuple | None] = {}
    failed = []
    for doc in sorted(patch - written):
        folder = posixpath.dirname(doc)
        if folder not in refs:
            refs[folder] = _reference(builder, written, folder)
        ref = refs[folder]
        path = Path(builder.get_outfilename(doc))
        try:
            html = path.read_text(encoding="utf-8")
        except OSError:
            html = ""
        span = _region(html)
        side = mark(ref[0], posixpath.basename(doc) + builder.link_suffix) if ref else None
        if span is None or side is None:
            failed.append(doc)
            continue
        stamps = ref[1]
        new = html[:span[0]] + side + html[span[1]:]
        new = _STAMP.sub(lambda m: f'{m.group(1)}?v={stamps.get(m.group(1), m.group(2))}"', new)
        if new != html:
            path.write_text(new, encoding="utf-8")
    for doc in failed:  # render it as Sphinx would have
        doctree = app.env.get_and_resolve_doctree(doc, builder)
        builder.write_doc_serialized(doc, doctree)
        builder.write_doc(doc, doctree)


def _stable_term_ids() -> None:
    """Glossary terms written in Chinese, Japanese or Korean get ids made from their text.

    Sphinx makes a term's id from its ASCII letters; a term with none gets the next number
    of its page ("term-73"), so one new term early in the glossary moves the ids of every
    term after it. A chapter that a rebuild does not render again keeps its old links: after
    a monthly copy added one term, 73 of 114 term links of the bundled book's unchanged
    chapters opened another term's entry. An id from the term's own text never moves
    (``term-`` and 12 hex digits of its SHA-256; numbered as Sphinx does only if taken)."""
    from sphinx.domains import std
    from sphinx.util.nodes import _make_id
    if getattr(std.make_id, "_newsbook", False):
        return
    plain = std.make_id

    def make_id(env, document, prefix="", term=None):
        if prefix == "term" and term and _make_id(f"term-{term}") == "term":
            node_id = "term-" + hashlib.sha256(term.encode("utf-8")).hexdigest()[:12]
            if node_id not in document.ids:
                return node_id
        return plain(env, document, prefix, term)
    make_id._newsbook = True
    std.make_id = make_id


def setup(app):
    _stable_term_ids()
    app.connect("env-get-outdated", _terms_before)
    app.connect("doctree-read", _note_term_refs)
    app.connect("env-purge-doc", _purge_term_refs)
    app.connect("env-merge-info", _merge_term_refs)
    app.connect("env-updated", _rewrite_all_on_change)
    app.connect("html-page-context", _note_written)
    app.connect("build-finished", patch_sidebars, priority=400)  # before the CSS purge
    # (env 3: glossary term ids from their text; env 4: the terms each page links; an
    # older environment is read afresh)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 4}
