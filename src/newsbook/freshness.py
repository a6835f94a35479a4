"""Sphinx extension: after the set of pages changes, every page's navigation is current.

Sphinx rewrites only the pages whose source changed. Every page, though, carries the
whole book's navigation: the sidebar (parts and chapter titles), prev/next links. So
after a new article joined the book, the other pages still showed the old sidebar and
the last chapter's "next" skipped the new one, until ``make clean``.

We keep a fingerprint of the navigation (the pages, their titles, the toctrees) in
the build environment. When a build changes it, ``env-updated`` returns every page,
which Sphinx then rewrites (without re-reading or re-executing them). Builds that
leave the navigation alone -- a no-op, an edit inside one chapter -- stay incremental.
(The footer year is ``copyright`` in ``_config.yml``; Sphinx already rewrites every
page when a config value changes.)
"""
from __future__ import annotations

import hashlib
import json

from sphinx.util import logging

logger = logging.getLogger(__name__)


def fingerprint(env) -> str:
    """Digest of what every page's navigation is made of."""
    titles = {doc: env.titles[doc].astext() for doc in sorted(env.found_docs)
              if doc in env.titles}
    includes = {doc: list(env.toctree_includes.get(doc, [])) for doc in sorted(env.toctree_includes)}
    data = {"docs": sorted(env.found_docs), "titles": titles, "toctrees": includes,
            "root": env.config.root_doc}
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _rewrite_all_on_change(app, env):
    now = fingerprint(env)
    before = getattr(env, "newsbook_nav_fingerprint", None)
    env.newsbook_nav_fingerprint = now
    if before is not None and before != now:
        logger.info("newsbook: the book's navigation changed; rewriting every page")
        return sorted(env.found_docs)
    return []


def setup(app):
    app.connect("env-updated", _rewrite_all_on_change)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
