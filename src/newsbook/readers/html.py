"""HTML of an article (FreshRSS export item, RSS/Atom entry) -> model blocks.

The only module that reads article HTML. Every body is first sanitised with
``nh3`` (an allowlist: text-level and structural tags, ``href``/``src``/``alt``,
``class`` and Substack's ``data-attrs``; only http, https and mailto URLs), then
parsed with the standard library's :class:`html.parser.HTMLParser` into a small
tree, then mapped to the model: headings, paragraphs with inline spans (text,
emphasis, strong, code, link), lists, block quotes, code, simple tables, figures,
Substack footnotes (``a.footnote-anchor`` -> ``div.footnote``), image galleries
(``div.image-gallery-embed``: one figure per image) and embedded posts and tweets as
link cards. Subscribe and share furniture is dropped, and so is a newsletter's chrome
("View in browser", the unsubscribe footer, a sign-up button: short blocks only), its
tracking pixels and footnotes' back-links; a link into the page itself is its text.

Line numbers: an HTML body has no lines of its own in the source file. An article
read from HTML has ``line`` = the source line of its item (JSON: the line of the
item's ``content``/``summary`` key; feeds: the line of its ``<item>``/``<entry>``),
and each of its blocks ``line`` = that line + the block's ordinal in the article
(1, 2, ...), so anchors stay unique and stable for the same input.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import nh3

from ..diagnostics import Code, Diagnostic
from ..model import (Article, Block, Code as CodeBlock, Figure, Footnote, Heading, LinkCard,
                     ListBlock, ListItem, Paragraph, Quote, Span, Table)
from .units import CTA

TAGS = {"p", "br", "a", "em", "i", "strong", "b", "u", "s", "code", "pre", "kbd", "samp",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure",
        "figcaption", "img", "picture", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "div", "span", "sup", "sub", "hr", "small", "mark", "cite", "q", "abbr",
        "iframe",  # (an embedded video's frame: read as a link card, never written as HTML)
        # (blocks that hold text: kept so their words are not run together, never written)
        "dl", "dt", "dd", "details", "summary", "section", "article", "aside", "header",
        "footer", "address", "main"}
ATTRIBUTES = {"*": {"class"}, "a": {"href", "id"}, "div": {"data-attrs", "id"}, "ol": {"start"},
              "iframe": {"src"}, "li": {"id"},  # (a footnote's number: fn:1)
              # (an image's size and style are read, never written: they tell a tracking pixel)
              "img": {"src", "alt", "width", "height", "style"}}
SCHEMES = {"http", "https", "mailto"}
MAX_DEPTH = 64  # deeper nesting is flattened into the element at this depth
VOID = {"br", "img", "hr", "source", "wbr", "col", "area", "input", "meta", "link"}
#: Substack furniture: subscribe/share widgets and digest embeds
DROP = {"subscription-widget-wrap", "subscription-widget", "subscribe-widget", "button-wrapper",
        "digest-post-embed", "share-dialog", "poll-embed", "footnote-anchor-hidden",
        "kg-signup-card"}  # (Ghost's sign-up form)
#: other tools' button cards (Ghost's "kg-button-card"), dropped when the button is a
#: subscribe or share prompt (the text copy's own rule); a "Read the report" button stays
BUTTON_CARDS = {"kg-button-card"}
EMPH = {"em": "em", "i": "em", "cite": "em", "strong": "strong", "b": "strong",
        "code": "code", "kbd": "code", "samp": "code"}
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
          "figure", "pre", "table", "hr", "figcaption", "thead", "tbody", "tfoot", "tr",
          "iframe", "dl", "dt", "dd", "details", "summary", "section", "article", "aside",
          "header", "footer", "address", "main"}
#: blocks read as a paragraph each: a definition list's term and definition, a toggle's title
PARAGRAPH_LIKE = {"p", "dt", "dd", "summary"}
#: superscript and subscript digits and signs: "x<sup>2</sup>" is x², "10<sup>6</sup>" is
#: 10⁶ (never the number 106), "H<sub>2</sub>O" is H₂O
SUPERSCRIPT = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
SUBSCRIPT = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SCRIPTABLE = re.compile(r"^[0-9+\-−=()n]+$")
WS = re.compile(r"[ \t\n\r\f]+")
FOOTNOTE_REF = re.compile(r"^#footnote-(\d+)$")
#: other tools' footnotes: a marker's link ends in "#fn1", "#fn:1" or "#fn-1" (the
#: address before it, if any, is the article's own); the notes' block, and each note's id
NOTE_HREF = re.compile(r"#fn[:-]?(\d{1,5})$")
NOTE_LISTS = {"footnotes", "footnote-list", "footnotes-list"}
NOTE_ID = re.compile(r"^fn[:-]?(\d{1,5})$")
BACKREF = re.compile(r"#fnref[:-]?\d{1,5}$")
#: a footnote's way back to its marker: by class (Python-Markdown, Pandoc, kramdown, ...),
#: or a link into the page (or one whose address the sanitiser removed, javascript:) whose
#: text is only a return arrow. The page's ids are not the chapter's, so it goes, text too
BACKLINK_CLASSES = {"footnote-backref", "reversefootnote", "footnote-back", "footnote-return",
                    "fn-backref"}
BACK_MARK = re.compile(r"^\s*(?:[\u21a9\u2191\u23ce\u2934\u2b06^][\ufe0e\ufe0f]?\s*)+$")
#: a tracking pixel (an image 0-2 px wide or high, by its attributes or its style, or one
#: its style hides): dropped, so no reader's browser reports opening the page to a tracker
PIXEL_SIZE = re.compile(r"^\s*(?:[0-2](?:\.\d*)?|\.\d+)\s*(?:px)?\s*$", re.I)
PIXEL_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0*)?"
    r"|(?:max-)?(?:width|height)\s*:\s*(?:[0-2](?:\.\d*)?|\.\d+)\s*(?:px)?)"
    r"\s*(?:!\s*important\s*)?(?:;|$)", re.I)
#: newsletter chrome, told by a link's whole text: the email's web copy ("View in
#: browser"), its footer's unsubscribe and preferences links, a sign-up button. A block
#: holding such a link goes when it is short (VIEW_WORDS, FOOTER_WORDS; a sign-up link
#: only when the block is nothing but links): prose that mentions subscribing stays
VIEW_ONLINE = re.compile(
    r"^(?:view|read|open)(?: (?:this|the) (?:email|post|issue|newsletter))?"
    r" (?:in (?:your |a |the )?(?:web )?browser|online|on the web|as a web ?page)\W*$", re.I)
UNSUBSCRIBE = re.compile(
    r"^(?:unsubscribe(?: here| now| from (?:this list|these emails|all emails))?"
    r"|update (?:your )?(?:subscription |email )?preferences"
    r"|manage (?:your )?(?:subscription|preferences|email preferences|email settings)"
    r"|(?:email|subscription) (?:preferences|settings))\W*$", re.I)
SIGN_UP = re.compile(r"^(?:subscribe(?: now| for free| here)?|sign up(?: now| for free)?"
                     r"|join now)\W*$", re.I)
#: a link styled as a button (``a.button``, ``a.btn-primary``, ``a.cta``)
BUTTON_CLASS = re.compile(r"(?:^|[-_])(?:button|btn|cta)(?:$|[-_])")
VIEW_WORDS, FOOTER_WORDS = 12, 40
#: Substack image galleries: ``div.image-gallery-embed`` (images in its ``data-attrs``
#: JSON, usually with no children) and the rendered ``image-gallery`` markup
GALLERY = {"image-gallery-embed", "image-gallery"}
#: embedded videos: Substack's wrappers, a video's id, and where each site plays one
VIDEO = {"youtube-wrap", "vimeo-wrap"}
#: link previews: Ghost's bookmark card
BOOKMARKS = {"kg-bookmark-card"}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{4,32}$")
VIDEO_SITES = {"youtube": ("YouTube video", "https://www.youtube.com/watch?v="),
               "vimeo": ("Vimeo video", "https://vimeo.com/")}
#: the addresses a video is given by, its frame's or its own page's: site, then its id
VIDEO_URL = re.compile(
    r"^https://(?:(?:(?:www\.)?youtube(?:-nocookie)?\.com/embed/|(?:www\.|m\.)?youtube\.com/"
    r"watch\?v=|youtu\.be/)(?P<youtube>[A-Za-z0-9_-]{4,32})"
    r"|(?:player\.vimeo\.com/video/|(?:www\.)?vimeo\.com/)(?P<vimeo>\d{1,15}))(?:[?&#/]|$)")


def sanitise(html: str) -> str:
    """The allowlist pass: no script, style, event handler, frame, form or foreign URL."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     link_rel=None, strip_comments=True)


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
        return set((self.attrs.get("class") or "").split())

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


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs})
        self.stack[-1].children.append(node)
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


# ------------------------------------------------------------------ inline content


@dataclass
class _Piece:
    kind: str
    text: str
    href: str = ""
    mark: int | None = None  # footnote number (text is its digits)
    br: bool = False  # a <br>: a space, or in a paragraph the author's line break


def _normalise(pieces: list[_Piece], pre: bool = False, breaks: list[int] | None = None
               ) -> tuple[str, tuple, tuple[Span, ...]]:
    """Collapse whitespace across pieces, trim the ends, merge neighbours; returns
    (text, marks, spans) with span texts joining to exactly ``text``. ``breaks``: a list
    that gets the offsets of the spaces that stand for ``<br>`` (else they are spaces)."""
    out: list[_Piece] = []
    for p in pieces:
        t = p.text if pre else WS.sub(" ", p.text)
        if breaks is not None and p.br and not pre:
            while out and out[-1].text.endswith(" ") and not out[-1].br:
                out[-1].text = out[-1].text[:-1]  # (the space before a break is the break)
                if not out[-1].text:
                    out.pop()
            if not out or out[-1].br:
                continue  # (a break opening the text, or a second one: one break)
            out.append(_Piece(p.kind, " ", p.href, None, True))
            continue
        if not pre and out and out[-1].text.endswith(" ") and t.startswith(" "):
            t = t[1:]
        if not t:
            continue
        out.append(_Piece(p.kind, t, p.href, p.mark))
    if out and not pre:
        while out and out[-1].br:
            out.pop()  # (a break closing the text)
        out[0].text = out[0].text.lstrip(" ")
        out[-1].text = out[-1].text.rstrip(" ")
        out = [p for p in out if p.text]
    if breaks is not None:
        pos = 0
        for p in out:
            if p.br:
                breaks.append(pos)
            pos += len(p.text)
    merged: list[_Piece] = []
    for p in out:
        last = merged[-1] if merged else None
        if last and last.mark is None and p.mark is None and last.kind == p.kind \
                and last.href == p.href:
            last.text += p.text
        else:
            merged.append(_Piece(p.kind, p.text, p.href, p.mark))
    text, marks, spans, pos = "", [], [], 0
    for p in merged:
        if p.mark is not None:
            marks.append((pos, p.mark))
        spans.append(Span(p.kind, p.text, p.href))
        text += p.text
        pos += len(p.text)
    if all(s.kind == "text" for s in spans):
        spans = []  # plain text needs no spans
    return text, tuple(marks), tuple(spans)


# ------------------------------------------------------------------ the mapper


class _Mapper:
    def __init__(self, base_url: str, line: int, words: int = 0):
        self.base = base_url
        self.line = line
        #: the article's words: a block holding most of them is never chrome (0: none is)
        self.words = words
        self.count = 0
        self.footnotes: list[Footnote] = []
        self.anchors: set[int] = set()

    def next_line(self) -> int:
        self.count += 1
        return self.line + self.count

    # -- inline

    def inline(self, node: Node, kind: str = "text", href: str = "",
               figures: list | None = None) -> list[_Piece]:
        out: list[_Piece] = []
        for c in node.children:
            if isinstance(c, str):
                out.append(_Piece(kind, c, href))
                continue
            if c.classes & DROP or (c.tag == "a" and (_backlink(c, self.base) or _button(c))):
                continue
            if c.tag == "br":
                out.append(_Piece(kind, " ", href, None, True))
            elif c.tag in ("sup", "sub") and all(isinstance(x, str) for x in c.children) \
                    and _SCRIPTABLE.match(t := c.text().strip()):
                # (digits raised or lowered keep their place: never glued to the number before)
                out.append(_Piece(kind, t.translate(SUPERSCRIPT if c.tag == "sup" else SUBSCRIPT),
                                  href))
            elif c.tag == "img":
                if figures is not None:
                    figures.append(c)
            elif c.tag == "a" and ("footnote-anchor" in c.classes
                                   or (other := _note_ref(c)) is not None):
                n = _footnote_number(c) if "footnote-anchor" in c.classes else other
                if n is not None:
                    self.anchors.add(n)
                    out.append(_Piece("text", str(n), "", n))
                else:
                    out += self.inline(c, kind, href, figures)
            elif c.tag == "a" and kind != "link":
                raw = c.attrs.get("href", "")  # (a place in the page: its text, no link)
                url = "" if _same_page(raw, self.base) else safe_url(raw, self.base)
                if url and kind != "code":
                    out += [_Piece("link", p.text, url) for p in self.inline(c, "link", url, figures)]
                else:
                    out += self.inline(c, kind, href, figures)
            elif c.tag in EMPH and kind == "text":
                out += self.inline(c, EMPH[c.tag], "", figures)
            elif c.tag == "pre":
                out += self.inline(c, kind, href, figures)
            else:
                out += self.inline(c, kind, href, figures)
                if c.tag in BLOCKS and out:  # a block inside inline content: keep words apart
                    out.append(_Piece(kind, " ", href))
        return out

    def paragraph(self, node: Node, blocks: list[Block]) -> None:
        figures: list[Node] = []
        for part in _at_blank_lines(self.inline(node, figures=figures)):
            breaks: list[int] = []
            text, marks, spans = _normalise(part, breaks=breaks)
            if text:
                blocks.append(Paragraph(text, self.next_line(), marks, spans, tuple(breaks)))
        for img in figures:
            fig = self.figure_of(img, None, None)
            if fig:
                blocks.append(fig)

    # -- blocks

    def blocks(self, node: Node, out: list[Block] | None = None) -> list[Block]:
        out = [] if out is None else out
        loose: list = []  # inline content directly inside a container

        def flush():
            if loose:
                p = Node("p", {}, list(loose))
                if not self.chrome(p):
                    self.paragraph(p, out)
                loose.clear()

        for c in node.children:
            if isinstance(c, str) or (c.tag not in BLOCKS and c.tag != "img"
                                      and not (c.classes & DROP)):
                loose.append(c)
                continue
            flush()
            self.block(c, out)
        flush()
        return out

    def block(self, c: Node, out: list[Block]) -> None:
        cls = c.classes
        if cls & DROP or (cls & BUTTON_CARDS and CTA.match(WS.sub(" ", c.text()).strip())):
            return
        notes = cls & NOTE_LISTS or ("footnote" in cls and c.find(_note_item) is not None)
        if not (notes or "footnote" in cls) and self.chrome(c):
            return
        if c.tag in ("ol", "div", "section") and notes:  # (Python-Markdown's: div.footnote)
            self.note_list(c)
        elif c.tag == "div" and "footnote" in cls:
            self.footnote(c)
        elif c.tag == "div" and cls & GALLERY:
            out.extend(self.gallery(c))
        elif (c.tag == "div" and cls & VIDEO) or c.tag == "iframe":
            card = self.video(c)
            if card:
                out.append(card)
        elif c.tag == "div" and ("embedded-post-wrap" in cls or "embedded-post" in cls
                                 or "tweet" in cls):
            card = self.card(c, "tweet" if "tweet" in cls else "post")
            if card:
                out.append(card)
        elif c.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text, _, _ = _normalise(self.inline(c))
            if text:
                out.append(Heading(text, self.next_line(), int(c.tag[1])))
        elif c.tag in PARAGRAPH_LIKE:
            self.paragraph(c, out)
        elif c.tag in ("ul", "ol"):
            self.listblock(c, out)
        elif c.tag == "blockquote":
            line = self.next_line()
            inner = self.blocks(c)
            paras = tuple(_as_paragraphs(inner))
            if paras:
                out.append(Quote(paras, line))
            out.extend(b for b in inner if isinstance(b, (Figure, CodeBlock, Table, LinkCard)))
        elif c.tag == "pre":
            code = c.text().replace("\r\n", "\n").strip("\n")
            if code.strip():
                out.append(CodeBlock(code, self.next_line()))
        elif c.tag == "table" and _layout_table(c):  # (an email's layout: its cells' blocks)
            self.blocks(Node("div", {}, _cells(c)), out)
        elif c.tag == "table":
            self.table(c, out)
        elif c.tag == "figure" and cls & BOOKMARKS:
            card = self.bookmark(c)
            if card:
                out.append(card)
        elif c.tag == "figure":
            img = c.find(lambda n: n.tag == "img")
            cap = c.find(lambda n: n.tag == "figcaption")
            # (an image figure holds an image and its caption; one with text of its own
            # besides is read as blocks below, so no word of it is lost)
            own = WS.sub("", _without(c, lambda n: n is cap).text()) if img is not None else ""
            fig = self.figure_of(img, c, cap) if not own else None
            if fig:
                out.append(fig)
                return
            # a figure of something else: an embed given by its address (WordPress puts a
            # video's URL in one), or a table, code or quote, then its caption
            url = WS.sub(" ", c.text()).strip() if img is None and cap is None else ""
            card = self.linked(url) if url and " " not in url else None
            if card:
                out.append(card)
                return
            self.blocks(Node("div", {}, [n for n in c.children if n is not cap]), out)
            if cap is not None:
                self.paragraph(cap, out)
        elif c.tag == "img":
            fig = self.figure_of(c, None, None)
            if fig:
                out.append(fig)
        elif c.tag == "hr":
            return
        else:  # div, li, figcaption, tr ... outside their usual place: a container
            self.blocks(c, out)

    def listblock(self, c: Node, out: list[Block]) -> None:
        line = self.next_line()
        items: list[ListItem] = []
        after: list[Block] = []

        def start_of(lst: Node) -> int:
            try:
                return int(lst.attrs.get("start") or 1)
            except ValueError:
                return 1

        def add(li: Node, depth: int, ordered: bool, number: int) -> None:
            nested = [n for n in li.children if isinstance(n, Node) and n.tag in ("ul", "ol")]
            body = Node("li", {}, [n for n in li.children if n not in nested])
            figures: list[Node] = []
            breaks: list[int] = []
            text, marks, spans = _normalise(self.inline(body, figures=figures), breaks=breaks)
            if text:
                label = f"{number}." if ordered else ""
                items.append(ListItem(text, self.next_line(), marks, label, spans,
                                      depth if items else 0, tuple(breaks)))
            for img in figures:
                fig = self.figure_of(img, None, None)
                if fig:
                    after.append(fig)
            for n in nested:  # a list inside an item: its items one level deeper
                walk_list(n, depth + 1 if text or items else depth)

        def walk_list(lst: Node, depth: int) -> None:
            ordered, k = lst.tag == "ol", start_of(lst)
            for li in lst.children:
                if isinstance(li, Node) and li.tag == "li":
                    add(li, depth, ordered, k)
                    k += 1
                elif isinstance(li, Node) and li.tag in ("ul", "ol"):
                    walk_list(li, depth + 1 if items else depth)

        walk_list(c, 0)
        if items:
            out.append(ListBlock(c.tag == "ol", tuple(items), line))
        out.extend(after)

    def table(self, c: Node, out: list[Block]) -> None:
        rows: list[tuple[str, ...]] = []

        def walk_rows(n: Node):
            for ch in n.children:
                if isinstance(ch, Node):
                    if ch.tag == "tr":
                        cells = [_normalise(self.inline(cell))[0] for cell in ch.children
                                 if isinstance(cell, Node) and cell.tag in ("td", "th")]
                        if any(cells):
                            rows.append(tuple(cells))
                    elif ch.tag != "table":
                        walk_rows(ch)

        walk_rows(c)
        if rows:
            width = max(len(r) for r in rows)
            out.append(Table(tuple(r + ("",) * (width - len(r)) for r in rows), self.next_line()))

    def figure_of(self, img: Node | None, fig: Node | None, cap: Node | None) -> Figure | None:
        if img is None or _pixel(img):
            return None
        src = safe_url(img.attrs.get("src", ""), self.base)
        if src.startswith("mailto:"):
            src = ""
        alt = WS.sub(" ", img.attrs.get("alt", "")).strip()
        caption, spans = "", ()
        if cap is not None:
            caption, _, spans = _normalise(self.inline(cap))
        credit = ""
        if fig is not None:
            a = fig.find(lambda n: n.tag == "a" and n.find(lambda m: m is img) is not None)
            credit = safe_url(a.attrs.get("href", ""), self.base) if a is not None else ""
        if not src and not caption and not alt:
            return None
        return Figure(src, alt, caption, credit, self.next_line(), spans)

    def gallery(self, c: Node) -> list[Figure]:
        """A Substack gallery as consecutive figures: each image with alt text (its own,
        the gallery's, or "Gallery image i of n"), the gallery caption once, on the last.
        Images come from ``data-attrs`` (``gallery.images[].src``), else from the markup."""
        attrs = _json_attrs(c)
        gal = attrs.get("gallery") if isinstance(attrs.get("gallery"), dict) else attrs
        caption = gal.get("caption") if isinstance(gal.get("caption"), str) else ""
        caption = WS.sub(" ", plain_text(caption) if "<" in caption else caption).strip()
        alt = gal.get("alt") if isinstance(gal.get("alt"), str) else ""
        listed = gal.get("images") if isinstance(gal.get("images"), list) else []
        images = [(i.get("src"), i.get("alt")) for i in listed if isinstance(i, dict)]
        if not any(isinstance(src, str) and src for src, _ in images):
            images = [(n.attrs.get("src", ""), n.attrs.get("alt", ""))
                      for n in _all(c, lambda n: n.tag == "img" and not _pixel(n))]
        if not caption:
            cap = c.find(lambda n: n.tag == "figcaption" or "image-gallery-caption" in n.classes)
            caption = WS.sub(" ", cap.text()).strip() if cap is not None else ""
        srcs = []
        for src, own in images:
            url = safe_url(src, self.base) if isinstance(src, str) else ""
            if url and not url.startswith("mailto:"):
                srcs.append((url, own if isinstance(own, str) else ""))
        n = len(srcs)
        out = []
        for i, (url, own) in enumerate(srcs, 1):
            text = WS.sub(" ", own or alt).strip() or f"Gallery image {i} of {n}"
            out.append(Figure(url, text, caption if i == n else "", "", self.next_line()))
        if not out and caption:
            out.append(Figure("", alt or "Image gallery", caption, "", self.next_line()))
        return out

    def card(self, c: Node, kind: str) -> LinkCard | None:
        attrs: dict = {}
        try:
            raw = json.loads(c.attrs.get("data-attrs") or "{}")
            attrs = raw if isinstance(raw, dict) else {}
        except (ValueError, RecursionError):
            pass

        def s(key: str) -> str:
            v = attrs.get(key)
            return WS.sub(" ", v).strip() if isinstance(v, str) else ""

        href = safe_url(s("url"), self.base)
        if not href:
            a = c.find(lambda n: n.tag == "a" and safe_url(n.attrs.get("href", ""), self.base))
            href = safe_url(a.attrs.get("href", ""), self.base) if a is not None else ""
        title = s("title") or (f"{s('name')} (@{s('username')})" if s("username") else "")
        body = s("full_text") if kind == "tweet" else s("truncated_body_text") or s("subtitle")
        if not title:
            t = c.find(lambda n: any("title" in k or "name" in k for k in n.classes))
            title = WS.sub(" ", t.text()).strip() if t is not None else ""
        if not body:
            b = c.find(lambda n: any(k.endswith(("-text", "-body", "-subtitle", "-content"))
                                     for k in n.classes))
            body = WS.sub(" ", b.text()).strip() if b is not None else ""
        if not body and not title:
            body = WS.sub(" ", c.text()).strip()
        if not (title or body or href):
            return None
        return LinkCard(kind, title, href, body, self.next_line())

    def video(self, c: Node) -> LinkCard | None:
        """An embedded video (Substack's ``youtube-wrap`` or ``vimeo-wrap``, whose
        ``data-attrs`` name it, or any ``iframe``) as a link card to where it plays: the
        frame itself is never shown (no script or frame reaches a page)."""
        attrs = _json_attrs(c) if c.tag == "div" else {}
        vid = attrs.get("videoId") or attrs.get("video_id")
        if isinstance(vid, str) and VIDEO_ID.match(vid):
            site = "vimeo" if "vimeo-wrap" in c.classes else "youtube"
            return self.linked(VIDEO_SITES[site][1] + vid)
        frame = c if c.tag == "iframe" else c.find(lambda n: n.tag == "iframe")
        return self.linked(frame.attrs.get("src", "")) if frame is not None else None

    def bookmark(self, c: Node) -> LinkCard | None:
        """Ghost's bookmark card (a link to a page, with its title and description, and a
        thumbnail, which is left out) as a link card."""
        def part(name: str) -> str:
            n = c.find(lambda x: name in x.classes)
            return WS.sub(" ", n.text()).strip() if n is not None else ""
        a = c.find(lambda n: n.tag == "a")
        href = safe_url(a.attrs.get("href", ""), self.base) if a is not None else ""
        title, body = part("kg-bookmark-title"), part("kg-bookmark-description")
        if not (title or body or href):
            return None
        return LinkCard("post", title, href, body, self.next_line())

    def linked(self, url: str) -> LinkCard | None:
        """An embed given by its address (a frame's, or the page's itself): a card to the
        video's own page (YouTube, Vimeo) or to the page; None when the address is not a
        safe one."""
        href = safe_url(url, self.base)
        if not href.startswith(("http://", "https://")):
            return None
        m = VIDEO_URL.match(href)
        if m:
            site, vid = next((k, v) for k, v in m.groupdict().items() if v)
            return LinkCard("video", VIDEO_SITES[site][0], VIDEO_SITES[site][1] + vid, "",
                            self.next_line())
        return LinkCard("embed", "", href, "", self.next_line())

    def note_list(self, c: Node) -> None:
        """Footnotes as Markdown tools, WordPress and Ghost write them: a list (in a
        ``footnotes`` block) whose items have ids ``fn1``/``fn:1``/``fn-1``; each item's
        back-link ("↩") is dropped. An item with no such id is numbered in order."""
        for li in _all(c, lambda n: n.tag == "li"):
            m = NOTE_ID.match(li.attrs.get("id", ""))
            n = int(m.group(1)) if m else len(self.footnotes) + 1
            body = _without(li, lambda x: x.tag == "a" and (
                BACKREF.search(x.attrs.get("href", "")) is not None
                or _backlink(x, self.base) or BACK_MARK.match(x.text()) is not None))
            self.footnotes.append(Footnote(n, tuple(_as_paragraphs(self.note_blocks(body))),
                                           self.next_line()))

    def footnote(self, c: Node) -> None:
        num = c.find(lambda n: n.tag == "a" and "footnote-number" in n.classes)
        n = None
        if num is not None:
            digits = re.sub(r"\D", "", num.text())
            n = int(digits) if digits and len(digits) < 6 else None
        if n is None:
            n = len(self.footnotes) + 1
        body = c.find(lambda x: "footnote-content" in x.classes) or \
            Node("div", {}, [x for x in c.children if x is not num])
        line = self.next_line()
        paras = tuple(_as_paragraphs(self.note_blocks(body)))
        self.footnotes.append(Footnote(n, paras, line))

    def note_blocks(self, body: Node) -> list[Block]:
        """A note's blocks. No chrome is looked for in a note: a short "Read online" link
        there is the note's source."""
        words, self.words = self.words, 0
        try:
            return self.blocks(body)
        finally:
            self.words = words

    def chrome(self, c: Node) -> bool:
        """Is this block a newsletter's chrome? One of at most FOOTER_WORDS words holding an
        unsubscribe or preferences link; one of at most VIEW_WORDS holding a link to the
        email in a browser; one of nothing but links, a web copy's or a sign-up among them.
        Never a block holding most of the article's words (its wrapper, however short)."""
        n = _words(c, FOOTER_WORDS)
        if n > FOOTER_WORDS or 2 * n > self.words:
            return False
        texts = [WS.sub(" ", a.text()).strip() for a in _all(c, lambda x: x.tag == "a")]
        if any(UNSUBSCRIBE.match(t) for t in texts):
            return True
        if n > VIEW_WORDS:
            return False
        if any(VIEW_ONLINE.match(t) and "browser" in t.lower() for t in texts):
            return True
        only_links = not any(ch.isalnum() for ch in _without(c, lambda x: x.tag == "a").text())
        return only_links and any(VIEW_ONLINE.match(t) or SIGN_UP.match(t) for t in texts)


def _json_attrs(c: Node) -> dict:
    """Substack's ``data-attrs`` JSON object, or {} when absent or not an object."""
    try:
        raw = json.loads(c.attrs.get("data-attrs") or "{}")
    except (ValueError, RecursionError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _all(node: Node, pred) -> list[Node]:
    """Every descendant matching ``pred``, in document order."""
    out = []
    for c in node.children:
        if isinstance(c, Node):
            if pred(c):
                out.append(c)
            out += _all(c, pred)
    return out


#: what a data table's cell never holds: a cell holding one of these lays a page out
LAYOUT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote",
                 "figure", "pre"}


def _cells(table: Node) -> list[Node]:
    """The table's own cells (not a nested table's), in document order, as containers."""
    out: list[Node] = []

    def walk(n: Node) -> None:
        for ch in n.children:
            if isinstance(ch, Node):
                if ch.tag in ("td", "th"):
                    out.append(Node("div", {}, ch.children))
                elif ch.tag != "table":
                    walk(ch)
    walk(table)
    return out


def _layout_table(table: Node) -> bool:
    """A table that lays out a page, as email newsletters' HTML does, not one of data: a
    single cell, or a cell holding paragraphs, headings, lists or another table. Its
    cells are read as blocks (as one of data, their words ran together in one cell)."""
    cells = _cells(table)
    return len(cells) <= 1 or any(_all(cell, lambda n: n.tag in LAYOUT_BLOCKS) for cell in cells)


def _note_item(n: Node) -> bool:
    """A footnote list's item, by its id (``fn:1``): Python-Markdown's ``div.footnote``."""
    return n.tag == "li" and NOTE_ID.match(n.attrs.get("id", "")) is not None


def _button(a: Node) -> bool:
    """A link styled as a button whose text is a sign-up or share prompt (the text
    copy's rule): a "Read the report" button stays."""
    if not any(BUTTON_CLASS.search(k) for k in a.classes):
        return False
    text = WS.sub(" ", a.text()).strip()
    return SIGN_UP.match(text) is not None or CTA.match(text) is not None


def _at_blank_lines(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Inline pieces split where two ``<br>`` or more follow each other (nothing but
    spaces between): the blank line an author typed between two paragraphs."""
    parts: list[list[_Piece]] = [[]]
    held: list[_Piece] = []  # (breaks and spaces since the last text)
    for p in pieces:
        if p.br or (p.mark is None and not p.text.strip()):
            held.append(p)
            continue
        if sum(h.br for h in held) >= 2:
            parts.append([])
        else:
            parts[-1] += held
        held = []
        parts[-1].append(p)
    parts[-1] += held
    return parts


def _pixel(img: Node) -> bool:
    """Is this image a tracking pixel (0-2 px wide or high, or hidden by its style)?"""
    return any(PIXEL_SIZE.match(img.attrs.get(k, "")) for k in ("width", "height")) \
        or PIXEL_STYLE.search(img.attrs.get("style", "")) is not None


def _same_page(href: str, base: str) -> bool:
    """Does ``href`` point into the article's own page (``#fnref:1``, or the article's
    address with a fragment)? The page's ids are not the chapter's: as a link it would
    send a reader from the book back to the original site."""
    href = href.strip()
    if href.startswith("#"):
        return True
    if "#" not in href or not base:
        return False
    url = safe_url(href, base)
    return bool(url) and urldefrag(url)[0].rstrip("/") == urldefrag(base)[0].rstrip("/")


def _backlink(a: Node, base: str) -> bool:
    """Is this link a footnote's way back to its marker (by class, or a return arrow
    that points into the page or, its javascript: address removed, nowhere)?"""
    if a.classes & BACKLINK_CLASSES:
        return True
    href = a.attrs.get("href", "")
    return (not href.strip() or _same_page(href, base)) and BACK_MARK.match(a.text()) is not None


def _words(node: Node, cap: int) -> int:
    """How many words ``node`` holds, counted no further than ``cap`` + 1 (so asking
    whether a block is short never reads a whole article's wrapper to its end)."""
    n, stack = 0, [node]
    while stack and n <= cap:
        c = stack.pop()
        if isinstance(c, str):
            n += sum(1 for w in c.split() if any(ch.isalnum() for ch in w))
        else:
            stack.extend(c.children)
    return n


def _note_ref(a: Node) -> int | None:
    """The number of another tool's footnote marker (``<a href="#fn1">1</a>``, its text
    the number, perhaps in brackets), else None."""
    m = NOTE_HREF.search(a.attrs.get("href", ""))
    if not m:
        return None
    return int(m.group(1)) if a.text().strip().strip("[]") == m.group(1) else None


def _without(node: Node, drop) -> Node:
    """A copy of ``node`` without the descendants ``drop`` picks."""
    return Node(node.tag, node.attrs, [_without(c, drop) if isinstance(c, Node) else c
                                       for c in node.children
                                       if not (isinstance(c, Node) and drop(c))])


def _footnote_number(a: Node) -> int | None:
    m = FOOTNOTE_REF.match(a.attrs.get("href", ""))
    digits = m.group(1) if m else re.sub(r"\D", "", a.text())
    return int(digits) if digits and len(digits) < 6 else None


def _as_paragraphs(blocks: list[Block]) -> list[Paragraph]:
    """Paragraphs for places that hold only paragraphs (quotes, footnotes)."""
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b)
        elif isinstance(b, ListBlock):
            out += [Paragraph(i.text, i.line, i.marks, i.spans, i.breaks) for i in b.items]
        elif isinstance(b, Heading):
            out.append(Paragraph(b.text, b.line))
        elif isinstance(b, Quote):
            out += list(b.paragraphs)
    return out


def _levels(blocks: list[Block]) -> list[Block]:
    """Heading levels without jumps (MyST warns on h1 -> h3): h1/h2 -> 2, then at most
    one level deeper than the heading before."""
    out, last = [], 1
    for b in blocks:
        if isinstance(b, Heading):
            level = min(max(2, b.level), last + 1)
            b = Heading(b.text, b.line, level)
            last = level
        out.append(b)
    return out


def html_blocks(html: str, *, base_url: str = "", line: int = 1):
    """(blocks, footnotes, footnote numbers marked in the text) of one HTML body."""
    root = parse(html)
    m = _Mapper(base_url, line, _words(root, 10 ** 9))
    blocks = _levels(m.blocks(root))
    return tuple(blocks), tuple(m.footnotes), m.anchors


def html_article(*, title: str, published: datetime, html: str, source: str, line: int,
                 link: str = "", byline: str = "", diags: list[Diagnostic],
                 publication: str = "") -> Article:
    """One article from an HTML body; problems become diagnostics on ``line``.
    ``publication``: the newsletter's name as the feed gives it (plain text)."""
    link = safe_url(link)
    blocks, footnotes, anchors = html_blocks(html, base_url=link, line=line)
    if not blocks:
        diags.append(Diagnostic(Code.TRUNCATED, f"article {title!r} has no text", source, line))
    for note in footnotes:
        if note.number not in anchors:
            diags.append(Diagnostic(Code.UNMATCHED_FOOTNOTE, f"footnote {note.number} of "
                                    f"{title!r} has no marker in the text; shown as a plain note",
                                    source, line))
    return Article(title=title, published=published, blocks=blocks, footnotes=footnotes,
                   line=line, byline=byline, source=source, end_line=line + 1 + len(blocks),
                   link=link, rich=True, publication=" ".join(publication.split())[:80])


__all__ = ["sanitise", "safe_url", "plain_text", "html_blocks", "html_article"]
