"""HTML as a small tree: the nh3 allowlist every feed's HTML passes first, safe URLs, and
the parse into :class:`Node` that :mod:`newsbook.readers.html` maps to the model. Nothing
here is ever written out: the tags kept are read, then dropped."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import nh3

TAGS = {"p", "br", "a", "em", "i", "strong", "b", "u", "s", "code", "pre", "kbd", "samp",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure",
        "figcaption", "img", "picture", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "div", "span", "sup", "sub", "hr", "small", "mark", "cite", "q", "abbr",
        "iframe",  # (an embedded video's frame: read as a link card, never written as HTML)
        "audio", "source",  # (an audio player's file: read as a link card, never written)
        # (blocks that hold text: kept so their words are not run together, never written)
        "dl", "dt", "dd", "details", "summary", "section", "article", "aside", "header",
        "footer", "address", "main"}
#: (FreshRSS 1.20 and later store a feed's classes as data-sanitized-class: read as classes)
ATTRIBUTES = {"*": {"class", "data-sanitized-class"}, "a": {"href", "id"},
              "div": {"data-attrs", "id", "style"}, "ol": {"start"},
              # (a style is read, never written: one that hides its element, an e-mail's
              # preheader, drops it: :data:`HIDDEN`)
              "span": {"style"}, "p": {"style", "id"}, "td": {"colspan", "rowspan", "style"},
              "iframe": {"src", "title"}, "li": {"id"},  # (a footnote's number: fn:1)
              "audio": {"src"}, "source": {"src"},
              # (a table cell's span puts the cells after it under their own headers)
              "th": {"colspan", "rowspan"},
              # (an image's size and style are read, never written: they tell a tracking pixel)
              "img": {"src", "alt", "width", "height", "style"}}
SCHEMES = {"http", "https", "mailto"}
MAX_DEPTH = 64  # deeper nesting is flattened into the element at this depth
VOID = {"br", "img", "hr", "source", "wbr", "col", "area", "input", "meta", "link"}
WS = re.compile(r"[ \t\n\r\f]+")


#: an element written closed in XML's way, ``<div class="digest-post-embed" …/>``: HTML
#: ignores the slash on any element but a void one, so the element held the rest of the
#: post, and dropping the embed dropped everything after it (Substack writes it so)
_SELF_CLOSED = re.compile(r"<(div|span|p|section|a|iframe|figure|aside)(\s[^<>]*?)?\s*/>", re.I)


#: (the same, escaped inside a feed's XML: feedparser's own pass over the HTML, which
#: resolves its relative addresses, writes "<div …/>" back as an open "<div>")
_SELF_CLOSED_ESCAPED = re.compile(r"&lt;(div|span|p|section|a|iframe|figure|aside)"
                                  r"(\s(?:(?!&[lg]t;).){0,20000}?)?\s*/&gt;", re.I | re.S)


def closed_elements(text: str) -> str:
    """``text`` (HTML, or a feed's XML holding HTML) with each self-closed element of
    :data:`_SELF_CLOSED` written open and closed: it covers nothing after it."""
    if "/>" in text:
        text = _SELF_CLOSED.sub(r"<\1\2></\1>", text)
    if "/&gt;" in text:
        text = _SELF_CLOSED_ESCAPED.sub(r"&lt;\1\2&gt;&lt;/\1&gt;", text)
    return text


#: elements whose text goes with them: code, and a whole e-mail's ``<head><title>`` (a
#: Mailchimp campaign's title opened every chapter as a paragraph) or an icon's SVG title
GONE_WITH_TEXT = {"script", "style", "title"}


def sanitise(html: str) -> str:
    """The allowlist pass: no script, style, event handler, frame, form or foreign URL."""
    html = closed_elements(html)
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     link_rel=None, strip_comments=True, clean_content_tags=GONE_WITH_TEXT)


def safe_url(href: str, base: str = "") -> str:
    """An absolute http(s)/mailto URL, or "" for anything else (javascript:, data:, ...)."""
    href = (href or "").strip()
    if not href or any(c in href for c in "\x00\n\r\t"):
        return ""
    try:
        url = urljoin(base, href) if base else href
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SCHEMES:
        return ""
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return ""
    return url


# ------------------------------------------------------------------ a small tree


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node | str

    @property
    def classes(self) -> set[str]:
        """Its classes, also those FreshRSS renamed ``data-sanitized-class`` when it stored
        the item (the feed's own markup: Substack's footnotes, widgets and captions)."""
        return set(((self.attrs.get("class") or "") + " "
                    + (self.attrs.get("data-sanitized-class") or "")).split())

    def find(self, pred) -> "Node | None":
        for c in self.children:
            if isinstance(c, Node):
                if pred(c):
                    return c
                hit = c.find(pred)
                if hit is not None:
                    return hit
        return None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


#: a style that hides its element from every reader: an e-mail's preheader (the inbox's
#: preview line, "<div style="display:none;…">A 38-kilometre solo …&zwnj;…</div>"), and
#: Outlook's own hidden parts
HIDDEN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)\s*(?:!\s*important\s*)?"
                    r"(?:;|$)", re.I)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs})
        style = node.attrs.get("style")
        if not (style and tag != "img" and HIDDEN.search(style)):
            self.stack[-1].children.append(node)  # (a hidden one is read into nothing)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """Sanitise, then parse into a tree (nesting deeper than MAX_DEPTH is flattened)."""
    b = _TreeBuilder()
    b.feed(sanitise(html))
    b.close()
    return b.root


def plain_text(html: str) -> str:
    """The visible text of an HTML fragment (for titles and bylines), whitespace collapsed."""
    return WS.sub(" ", parse(html).text()).strip()


def _all(node: Node, pred) -> list[Node]:
    """Every descendant matching ``pred``, in document order."""
    out = []
    for c in node.children:
        if isinstance(c, Node):
            if pred(c):
                out.append(c)
            out += _all(c, pred)
    return out


def _without(node: Node, drop) -> Node:
    """A copy of ``node`` without the descendants ``drop`` picks."""
    return Node(node.tag, node.attrs, [_without(c, drop) if isinstance(c, Node) else c
                                       for c in node.children
                                       if not (isinstance(c, Node) and drop(c))])
