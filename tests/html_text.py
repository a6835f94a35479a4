"""Visible text of a built HTML page (article body only), for fidelity checks."""
from __future__ import annotations

import re
from html.parser import HTMLParser

SKIP_CLASSES = {"headerlink", "fn-bracket", "nb-chart", "cell_input", "toggle-button"}
BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "figure",
         "figcaption", "dd", "dt", "td", "th", "tr", "table", "details", "summary", "aside",
         "blockquote", "pre", "main", "article", "header", "footer", "nav", "br"}
VOID = {"br", "img", "input", "meta", "link", "hr", "col", "area", "base", "embed", "source",
        "track", "wbr", "param"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # skipping?
        self.parts: list[str] = []
        self.in_main = 0

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append(" ")
        if tag in VOID:
            return
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        skip = bool(classes & SKIP_CLASSES) or tag in ("script", "style", "template")
        self.stack.append(skip or (self.stack[-1] if self.stack else False))
        if tag == "main" or a.get("id") == "main-content":
            self.in_main += 1

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self.parts.append(" ")
        if tag in VOID:
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and self.in_main:
            self.parts.append(data)


def page_text(html: str) -> str:
    """Whitespace-normalised text of the page's main content."""
    p = _Text()
    p.feed(html)
    return re.sub(r"\s+", " ", "".join(p.parts))
