"""Sphinx extension: page and book titles reach the HTML escaped, always.

sphinx-book-theme 1.3 prints ``pagetitle`` (from the feed's article title) and
``root_title`` unescaped into a hidden print-only heading, so a title such as
``<script>alert(1)</script>`` ran as script. We escape both after the theme
has filled the context (priority 900 > the theme's 500).
"""
from __future__ import annotations

from markupsafe import Markup, escape


def _escape_titles(app, pagename, templatename, context, doctree) -> None:
    for key in ("pagetitle", "root_title"):
        value = context.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            context[key] = str(escape(value))


def setup(app):
    app.connect("html-page-context", _escape_titles, priority=900)
    # a hostile (huge) article must not stall the build: block targets in linear time
    app.setup_extension("newsbook.targets")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
