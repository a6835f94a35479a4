"""HTML of an article (FreshRSS export item, RSS/Atom entry) -> model blocks.

The only module that maps article HTML to the model. Every body is first sanitised
with ``nh3`` (an allowlist: text-level and structural tags, ``href``/``src``/``alt``,
``class`` and Substack's ``data-attrs``; only http, https and mailto URLs), then
parsed with the standard library's :class:`html.parser.HTMLParser` into a small
tree (both in :mod:`newsbook.readers.html_tree`), then mapped to the model: headings,
paragraphs with inline spans (text, emphasis, strong, code, link), lists, block quotes,
code, simple tables, figures, Substack footnotes (``a.footnote-anchor`` ->
``div.footnote``), image galleries (``div.image-gallery-embed``: one figure per image)
and embedded posts and tweets as link cards. Subscribe and share furniture is dropped,
and so is a newsletter's chrome ("View in browser", the unsubscribe footer, a sign-up
button: short blocks only), its tracking pixels and footnotes' back-links (told by
:mod:`newsbook.readers.html_chrome`); a link into the page itself is its text.

Line numbers: an HTML body has no lines of its own in the source file. An article
read from HTML has ``line`` = the source line of its item (JSON: the line of the
item's ``content``/``summary`` key; feeds: the line of its ``<item>``/``<entry>``),
and each of its blocks ``line`` = that line + the block's ordinal in the article
(1, 2, ...), so anchors stay unique and stable for the same input.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import datetime

from ..diagnostics import Code, Diagnostic
from ..model import (Article, Block, Code as CodeBlock, Figure, Footnote, Heading, LinkCard,
                     ListBlock, ListItem, Paragraph, Quote, Span, Table)
from .html_chrome import is_backlink, is_button, is_chrome, is_pixel, same_page, word_count
from .html_tree import WS, Node, _all, _without, parse, plain_text, safe_url, sanitise
from .html_turns import turns
from .units import CTA, stock_name

#: Substack furniture: subscribe/share widgets and digest embeds
DROP = {"subscription-widget-wrap", "subscription-widget", "subscribe-widget", "button-wrapper",
        "digest-post-embed", "share-dialog", "poll-embed", "footnote-anchor-hidden",
        "kg-signup-card"}  # (Ghost's sign-up form)
#: what stands where a post is cut short: Substack's paywall, WordPress's "Read more" link
#: under an excerpt (dropped, and the article is reported as a preview)
CUT_SHORT = {"paywall", "paywall-jump", "paywall-cta", "more-link"}
DROP |= CUT_SHORT
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
FOOTNOTE_REF = re.compile(r"^#footnote-(\d+)$")
#: other tools' footnotes: a marker's link ends in "#fn1", "#fn:1" or "#fn-1" (the
#: address before it, if any, is the article's own); the notes' block, and each note's id
NOTE_HREF = re.compile(r"#(?:fn[:-]?|footnote-)(\d{1,5})$")
#: a Substack note's number, when the export kept no class: a link back to its marker
#: ("https://x.substack.com/#footnote-anchor-2", FreshRSS makes the address whole)
NOTE_BACK = re.compile(r"#footnote-anchor-(\d{1,5})$")
NOTE_LISTS = {"footnotes", "footnote-list", "footnotes-list"}
NOTE_ID = re.compile(r"^fn[:-]?(\d{1,5})$")
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
    def __init__(self, base_url: str, line: int, words: int = 0, names: tuple[str, ...] = ()):
        self.base = base_url
        self.line = line
        #: the newsletter's names (the feed's, and its stock lines'): "Share X" is a button
        self.names = frozenset(n for n in names if n)
        #: the article's words: a block holding most of them is never chrome (0: none is)
        self.words = words
        self.count = 0
        self.footnotes: list[Footnote] = []
        self.anchors: set[int] = set()
        #: the body is cut short: a paywall or an excerpt's "Read more" (:data:`CUT_SHORT`)
        self.cut_short = False

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
            if c.classes & DROP or (c.tag == "a" and (is_backlink(c, self.base) or is_button(c))):
                self.cut_short |= bool(c.classes & CUT_SHORT)
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
                url = "" if same_page(raw, self.base) else safe_url(raw, self.base)
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
            self.cut_short |= bool(cls & CUT_SHORT)
            return
        notes = cls & NOTE_LISTS or ("footnote" in cls and c.find(_note_item) is not None)
        if not (notes or "footnote" in cls) and self.chrome(c):
            return
        if c.tag in ("ol", "div", "section") and notes:  # (Python-Markdown's: div.footnote)
            self.note_list(c)
        elif c.tag == "div" and ("footnote" in cls or _bare_note(c)):
            self.footnote(c)
        elif c.tag == "div" and "wp-caption" in cls and (fig := self.wp_caption(c)):
            out.append(fig)  # (WordPress's classic editor: an image and its caption)
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
        elif c.tag == "blockquote" or (c.tag == "div" and "pullquote" in cls):
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
            cap = _own_caption(c)
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
        if img is None or is_pixel(img):
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

    def wp_caption(self, c: Node) -> Figure | None:
        """``div.wp-caption``: an image and its ``p.wp-caption-text``, as one figure (None
        when the block holds words besides, which are then read as blocks)."""
        img = c.find(lambda n: n.tag == "img")
        cap = c.find(lambda n: "wp-caption-text" in n.classes)
        if img is None or cap is None or WS.sub("", _without(c, lambda n: n is cap).text()):
            return None
        return self.figure_of(img, c, cap)

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
                      for n in _all(c, lambda n: n.tag == "img" and not is_pixel(n))]
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
        card = self.linked(frame.attrs.get("src", "")) if frame is not None else None
        named = WS.sub(" ", frame.attrs.get("title", "")).strip()[:200] if card else ""
        # (a frame's title names the video: "Rafael Ortuño en las Jornadas de Regadío 2023")
        return dataclasses.replace(card, title=named) if named else card

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
            body = _without(li, lambda x: x.tag == "a" and is_backlink(x, self.base, True))
            self.footnotes.append(Footnote(n, tuple(_as_paragraphs(self.note_blocks(body))),
                                           self.next_line()))

    def footnote(self, c: Node) -> None:
        num = c.find(lambda n: n.tag == "a" and ("footnote-number" in n.classes
                                                 or NOTE_BACK.search(n.attrs.get("href", ""))))
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
        """:func:`newsbook.readers.html_chrome.is_chrome`, against this article's words."""
        return is_chrome(c, self.words, self.names)


def _json_attrs(c: Node) -> dict:
    """Substack's ``data-attrs`` JSON object, or {} when absent or not an object."""
    try:
        raw = json.loads(c.attrs.get("data-attrs") or "{}")
    except (ValueError, RecursionError):
        return {}
    return raw if isinstance(raw, dict) else {}


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


def _bare_note(c: Node) -> bool:
    """A Substack note whose classes the export dropped: a block opening with a link back
    to its marker, numbered as the link says ("<div><a href="…#footnote-anchor-2">2</a>
    <div><p>…</p></div></div>")."""
    first = next((n for n in c.children if isinstance(n, Node)), None)
    if first is None or first.tag != "a":
        return False
    m = NOTE_BACK.search(first.attrs.get("href", ""))
    return m is not None and first.text().strip() == m.group(1)


def _note_item(n: Node) -> bool:
    """A footnote list's item, by its id (``fn:1``): Python-Markdown's ``div.footnote``."""
    return n.tag == "li" and NOTE_ID.match(n.attrs.get("id", "")) is not None


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


def _note_ref(a: Node) -> int | None:
    """The number of another tool's footnote marker (``<a href="#fn1">1</a>``, its text
    the number, perhaps in brackets), else None."""
    m = NOTE_HREF.search(a.attrs.get("href", ""))
    if not m:
        return None
    return int(m.group(1)) if a.text().strip().strip("[]") == m.group(1) else None


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


def _unrepeated(blocks: list[Block]) -> list[Block]:
    """The blocks without a closing captionless image shown before: FreshRSS appends the
    feed's enclosure, its cover image, to a body that already shows it (an image the body
    itself repeats stays where it is)."""
    last = blocks[-1] if blocks else None
    if isinstance(last, Figure) and last.src and not last.caption and any(
            isinstance(b, Figure) and b.src == last.src for b in blocks[:-1]):
        return blocks[:-1]
    return blocks


def _own_caption(fig: Node) -> Node | None:
    """A figure's own caption: its first <figcaption> outside the figures it holds (a
    WordPress gallery's caption follows figures that each have theirs)."""
    stack = [n for n in reversed(fig.children) if isinstance(n, Node)]
    while stack:
        n = stack.pop()
        if n.tag == "figcaption":
            return n
        if n.tag != "figure":
            stack.extend(x for x in reversed(n.children) if isinstance(x, Node))
    return None


def _levels(blocks: list[Block]) -> list[Block]:
    """Heading levels without jumps (MyST warns on h1 -> h3): the levels a body uses, in
    order, become 2, 3, 4 … (a body of <h3>s only has siblings at 2, never a 2 then 3s),
    then at most one level deeper than the heading before."""
    used = sorted({b.level for b in blocks if isinstance(b, Heading)})
    top = any(lv <= 2 for lv in used)  # (h1 and h2 are both the page's first level)
    rank = {lv: 2 for lv in used if lv <= 2}
    rank.update({lv: 2 + top + k for k, lv in enumerate(lv for lv in used if lv > 2)})
    out, last = [], 1
    for b in blocks:
        if isinstance(b, Heading):
            level = min(rank[b.level], last + 1)
            b = Heading(b.text, b.line, level)
            last = level
        out.append(b)
    return out


def html_blocks(html: str, *, base_url: str = "", line: int = 1):
    """(blocks, footnotes, footnote numbers marked in the text) of one HTML body."""
    return _read_body(html, base_url, line)[:3]


def _read_body(html: str, base_url: str, line: int, publication: str = ""):
    """:func:`html_blocks`, and whether the body is cut short (:data:`CUT_SHORT`)."""
    root = parse(html)
    # (the newsletter's names: the feed's, and those its stock lines give, "Thanks for
    # reading X! …", so its "Share X" button is told by its words)
    stock = {stock_name(WS.sub(" ", p.text()).strip()) for p in _all(root, lambda n: n.tag == "p")}
    m = _Mapper(base_url, line, word_count(root, 10 ** 9), (publication, *sorted(stock)))
    blocks = turns(_levels(_unrepeated(m.blocks(root))))
    return tuple(blocks), tuple(m.footnotes), m.anchors, m.cut_short


def html_article(*, title: str, published: datetime, html: str, source: str, line: int,
                 link: str = "", byline: str = "", diags: list[Diagnostic],
                 publication: str = "") -> Article:
    """One article from an HTML body; problems become diagnostics on ``line``.
    ``publication``: the newsletter's name as the feed gives it (plain text)."""
    link = safe_url(link)
    blocks, footnotes, anchors, cut_short = _read_body(html, link, line, publication)
    if not blocks:
        diags.append(Diagnostic(Code.TRUNCATED, f"article {title!r} has no text", source, line))
    elif cut_short:
        diags.append(Diagnostic(Code.PREVIEW, f"article {title!r} is cut short (a paywall, or "
                                "an excerpt's \"Read more\"): the feed holds only its "
                                "preview", source, line))
    for note in footnotes:
        if note.number not in anchors:
            diags.append(Diagnostic(Code.UNMATCHED_FOOTNOTE, f"footnote {note.number} of "
                                    f"{title!r} has no marker in the text; shown as a plain note",
                                    source, line))
    return Article(title=title, published=published, blocks=blocks, footnotes=footnotes,
                   line=line, byline=byline, source=source, end_line=line + 1 + len(blocks),
                   link=link, rich=True, publication=" ".join(publication.split())[:80],
                   preview=cut_short)


__all__ = ["sanitise", "safe_url", "plain_text", "html_blocks", "html_article"]
