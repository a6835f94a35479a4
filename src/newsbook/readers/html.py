"""HTML of an article (FreshRSS export item, RSS/Atom entry) -> model blocks.

The only module that maps article HTML to the model. Every body is first sanitised
with ``nh3`` (an allowlist: text-level and structural tags, ``href``/``src``/``alt``,
``class`` and Substack's ``data-attrs``; only http, https and mailto URLs), then
parsed with the standard library's :class:`html.parser.HTMLParser` into a small
tree (both in :mod:`newsbook.readers.html_tree`), then mapped to the model: headings,
paragraphs with inline spans (text, emphasis, strong, code, link), lists, block quotes,
code, simple tables, figures, Substack footnotes (``a.footnote-anchor`` ->
``div.footnote``), image galleries (``div.image-gallery-embed``: one figure per image)
and embedded posts and tweets as link cards (inline pieces, notes, embeds and the
body's shape are told in ``html_inline``, ``html_notes``, ``html_embeds`` and
``html_shape``). Subscribe and share furniture is dropped,
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
import re
from datetime import datetime

from ..diagnostics import Code, Diagnostic
from ..model import (Article, Aside, Block, Code as CodeBlock, Figure, Footnote, Heading, LinkCard,
                     ListBlock, ListItem, Paragraph, Quote, Rule, Table)
from .bracket_notes import NOTES_TITLE
from .code_lang import code_language
from .html_chrome import (POLL, own_words, POLL_OPTIONS, PORTAL, chrome_text, is_backlink, is_button,
                          is_chrome, is_pixel, is_poll_option, same_page, word_count)
from .html_embeds import AUDIO_CARDS, BOOKMARKS, FILE_CARDS, GALLERY, VIDEO, Embeds
from .html_inline import DECIMAL_SUB, SUBSCRIPT, SUPERSCRIPT, SCRIPTABLE, Piece, at_blank_lines, normalise
from .html_notes import (NOTE_BACK, NOTE_ID, NOTE_LISTS, NOTE_SUPS, bare_note, footnote_number,
                         note_item, note_ref, number_in)
from .html_shape import (as_paragraphs, bold_titles, bracketed, typed_captions, cells, guest_byline, layout_table, levels,
                         masthead_dropped, own_caption, sponsor_asides, unrepeated)
from .html_tree import WS, Node, _all, _without, parse, plain_text, safe_url, sanitise
from .html_turns import turns
from .prompts import CTA, MEMBERS_WALL, stock_name

#: Substack furniture: subscribe/share widgets and digest embeds
DROP = {"subscription-widget-wrap", "subscription-widget", "subscribe-widget", "button-wrapper",
        "digest-post-embed", "share-dialog", "poll-embed", "footnote-anchor-hidden",
        "kg-signup-card"}  # (Ghost's sign-up form)
#: what stands where a post is cut short: Substack's paywall, WordPress's "Read more" link
#: under an excerpt (dropped, and the article is reported as a preview)
CUT_SHORT = {"paywall", "paywall-jump", "paywall-cta", "more-link"}
DROP |= CUT_SHORT
#: an e-mail's hidden preheader (the inbox's preview line, padded with invisible characters)
DROP |= {"preview", "preheader", "preview-text"}
#: WordPress's Jetpack: its share buttons and its "Related" posts (other posts' titles and
#: dates, which were drawn as this post's events)
DROP |= {"sharedaddy", "sd-sharing", "sd-sharing-enabled", "jp-relatedposts",
         "jp-relatedposts-i2", "wp-block-jetpack-related-posts", "jp-related-posts-i2__list",
         "jetpack-likes-widget-wrapper", "wpcnt", "addtoany_share_save_container",
         "yarpp-related", "crp_related"}
#: Mailchimp's rows of social icons ("Facebook", "Instagram", "Website": each icon's cell
#: beside its word made a table of its own)
DROP |= {"mcnFollowBlock", "mcnFollowContent", "mcnShareBlock"}
#: the rule Markdown renderers (Ghost's card among them) put over the footnotes: the notes
#: list goes with it, and a section break was left in the text
DROP |= {"footnotes-sep"}
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
#: a card's own title in heading markup (Ghost's toggle and product cards): a paragraph, not
#: a section of the page; and a callout (its emoji, then its text): one paragraph
CARD_TITLES = {"kg-toggle-heading-text", "kg-product-card-title"}
CALLOUTS = {"kg-callout-card"}
#: Ghost's call-to-action card labelled as a sponsor's: an aside, like a sponsor's block
SPONSOR_CARDS, SPONSOR_LABELS = {"kg-cta-card"}, {"kg-cta-sponsor-label"}
#: a block the newsletter's own markup names a sponsor's: the whole of it is the aside (its
#: label, the advertisement and the small print under its link)
SPONSOR_BLOCKS = {"sponsor", "sponsored", "sponsor-block", "sponsorship", "sponsor-box",
                  "advertisement", "advert", "ad-block", "partner-block"}


# ------------------------------------------------------------------ inline content


# ------------------------------------------------------------------ the mapper


class _Mapper(Embeds):
    """An HTML tree -> model blocks, one body at a time (it numbers the blocks' lines and
    gathers the footnotes and the markers it meets)."""

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
        #: a poll's question was dropped: its options, short blocks of links, follow
        self.poll = 0
        #: the lines of cards' titles set as bold paragraphs (:func:`bold_titles` skips them)
        self.card_titles: set[int] = set()

    def next_line(self) -> int:
        self.count += 1
        return self.line + self.count

    # -- inline

    def inline(self, node: Node, kind: str = "text", href: str = "",
               figures: list | None = None) -> list[Piece]:
        out: list[Piece] = []
        for c in node.children:
            if isinstance(c, str):
                out.append(Piece(kind, c, href))
                continue
            if c.classes & DROP or (c.tag == "a" and (is_backlink(c, self.base) or is_button(c))):
                self.cut_short |= bool(c.classes & CUT_SHORT)
                continue
            if c.tag == "br":
                out.append(Piece(kind, " ", href, None, True))
            elif c.tag == "sup" and c.classes & NOTE_SUPS and (t := c.text().strip()).isdigit() \
                    and len(t) < 6:  # (WordPress's footnote marker)
                self.anchors.add(int(t))
                out.append(Piece("text", t, "", int(t)))
            elif c.tag in ("sup", "sub") and all(isinstance(x, str) for x in c.children) \
                    and (SCRIPTABLE.match(t := c.text().strip())
                         or c.tag == "sub" and DECIMAL_SUB.match(t)):
                # (and a decimal lowered, "PM<sub>2.5</sub>", as "PM₂.₅": it was "PM2.5", so
                # "Why PM2.5 and not PM<sub>2.5</sub>?" said nothing)
                # (digits raised or lowered keep their place: never glued to the number before)
                out.append(Piece(kind, t.translate(SUPERSCRIPT if c.tag == "sup" else SUBSCRIPT),
                                  href))
            elif c.tag == "img":
                if figures is not None:
                    figures.append(c)
            elif c.tag == "a" and ("footnote-anchor" in c.classes
                                   or (other := note_ref(c)) is not None):
                n = footnote_number(c) if "footnote-anchor" in c.classes else other
                if n is not None:
                    self.anchors.add(n)
                    out.append(Piece("text", str(n), "", n))
                else:
                    out += self.inline(c, kind, href, figures)
            elif c.tag == "a" and kind != "link":
                raw = c.attrs.get("href", "")  # (a place in the page: its text, no link)
                url = "" if same_page(raw, self.base) else safe_url(raw, self.base)
                if url and kind != "code":  # (a link in bold keeps its bold: a title)
                    inner = self.inline(c, "link", url, figures)
                    whole = {p.emph for p in inner if p.text.strip()}
                    emph = kind if kind in ("em", "strong") else \
                        whole.pop() if len(whole) == 1 else ""  # (a word of it alone: none)
                    out += [Piece("link", p.text, url, emph=emph) for p in inner]
                else:
                    out += self.inline(c, kind, href, figures)
            elif c.tag in EMPH and kind == "text":
                out += self.inline(c, EMPH[c.tag], "", figures)
            elif c.tag in EMPH and kind == "link":  # ("<a><strong>Title</strong></a>")
                out += [Piece(p.kind, p.text, p.href, p.mark, p.br, p.emph or EMPH[c.tag])
                        for p in self.inline(c, kind, href, figures)]
            elif c.tag == "pre":
                out += self.inline(c, kind, href, figures)
            else:
                out += self.inline(c, kind, href, figures)
                if c.tag in BLOCKS and out:  # a block inside inline content: keep words apart
                    out.append(Piece(kind, " ", href))
        return out

    def paragraph(self, node: Node, blocks: list[Block]) -> None:
        figures: list[Node] = []
        parts = at_blank_lines(self.inline(node, figures=figures))
        for part in parts:
            breaks: list[int] = []
            text, marks, spans = normalise(part, breaks=breaks)
            if (len(parts) > 1 or node.tag != "p") and chrome_text(text, self.names):
                continue  # (a footer's line among the cell's others, or a cell's own line)
            if text.strip(INVISIBLE):  # (an e-mail's spacer, "<p>&nbsp;</p>", is no paragraph)
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
        if cls & DROP or (cls & BUTTON_CARDS and CTA.match(WS.sub(" ", c.text()).strip())) \
                or "vcard" in cls and c.find(lambda n: "adr" in n.classes) is not None:
            # (an hCard with an address: Mailchimp's footer, "Marches Culture Network / The
            # Old Corn Exchange / 14 Broad Street / …", a line each; an author's hCard stays)
            self.cut_short |= bool(cls & CUT_SHORT)
            return
        notes = cls & NOTE_LISTS or ("footnote" in cls and c.find(note_item) is not None)
        if self.poll:  # (the options of a poll whose question was dropped)
            if is_poll_option(c):
                self.poll -= 1
                return
            if WS.sub("", c.text()):
                self.poll = 0
        if not (notes or "footnote" in cls) and self.chrome(c):
            if POLL.match(WS.sub(" ", c.text()).strip()):
                self.poll = POLL_OPTIONS
            elif c.tag == "p" and (own := own_words(c, self.names)) is not None:
                self.paragraph(own, out)  # ("<em>X is written by Y in Bristol.</em>
                #                            Forward | Unsubscribe": the sentence stays)
            return
        if c.tag in ("ol", "div", "section") and notes:  # (Python-Markdown's: div.footnote)
            self.note_list(c)
        elif c.tag == "div" and ("footnote" in cls or bare_note(c)):
            self.footnote(c)
        elif c.tag in ("p", "div") and (m := NOTE_ID.match(c.attrs.get("id", ""))) \
                and int(m.group(1)) in self.anchors:
            self.id_note(c, int(m.group(1)))
        elif c.tag == "div" and "wp-caption" in cls and (fig := self.wp_caption(c)):
            out.append(fig)  # (WordPress's classic editor: an image and its caption)
        elif c.tag == "div" and cls & GALLERY:
            out.extend(self.gallery(c))
        elif cls & AUDIO_CARDS:
            card = self.audio(c)
            if card:
                out.append(card)
        elif cls & FILE_CARDS:
            card = self.file_card(c)
            if card:
                out.append(card)
        elif cls & CALLOUTS:
            self.paragraph(c, out)
        elif cls & SPONSOR_CARDS and (label := c.find(lambda n: n.classes & SPONSOR_LABELS)):
            line = self.next_line()
            inner = self.blocks(_without(c, lambda n: n is label))
            if inner:
                out.append(Aside("sponsor", tuple(inner), line))
        elif c.tag in ("div", "section", "aside") and cls & SPONSOR_BLOCKS:
            line = self.next_line()
            inner = self.blocks(c)
            if inner:
                out.append(Aside("sponsor", tuple(inner), line))
        elif (c.tag == "div" and cls & VIDEO) or c.tag == "iframe":
            card = self.video(c)
            if card:
                out.append(card)
        elif c.tag == "div" and ("embedded-post-wrap" in cls or "embedded-post" in cls
                                 or "tweet" in cls or "twitter-embed" in cls):
            # (Substack's older "twitter-embed" wraps a "tweet": its data-attrs hold the
            # tweet's whole text, which the inner card's furniture does not)
            tweet = "tweet" in cls or "twitter-embed" in cls
            card = self.card(c, "tweet" if tweet else "post")
            if card:
                out.append(card)
        elif c.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and cls & CARD_TITLES:
            text, marks, spans = normalise(self.inline(c, "strong"))  # (a title, in bold)
            if text:
                out.append(Paragraph(text, self.next_line(), marks, spans))
                self.card_titles.add(self.line + self.count)  # (never a section's title)
        elif c.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text, _, _ = normalise(self.inline(c))
            if text:
                out.append(Heading(text, self.next_line(), int(c.tag[1])))
        elif c.tag in PARAGRAPH_LIKE:
            self.paragraph(c, out)
        elif c.tag in ("ul", "ol"):
            self.listblock(c, out)
        elif c.tag == "blockquote" or (c.tag == "div" and "pullquote" in cls):
            line = self.next_line()
            inner = self.blocks(c)
            paras = tuple(as_paragraphs(inner))
            if paras:
                out.append(Quote(paras, line))
            out.extend(b for b in inner if isinstance(b, (Figure, CodeBlock, Table, LinkCard)))
        elif c.tag == "pre":
            code = c.text().replace("\r\n", "\n").strip("\n")
            if code.strip():
                out.append(CodeBlock(code, self.next_line(), code_language(c, code)))
        elif c.tag == "table" and layout_table(c):  # (an email's layout: its cells' blocks)
            self.blocks(Node("div", {}, cells(c)), out)
        elif c.tag == "table":
            self.table(c, out)
        elif c.tag == "figure" and cls & BOOKMARKS:
            card = self.bookmark(c)
            if card:
                out.append(card)
        elif c.tag == "figure":
            img = c.find(lambda n: n.tag == "img")
            cap = own_caption(c)
            # (an image figure holds an image and its caption; one with text of its own
            # besides is read as blocks below, so no word of it is lost)
            own = WS.sub("", _without(c, lambda n: n is cap).text()) if img is not None else ""
            imgs = _all(c, lambda n: n.tag == "img" and not is_pixel(n)) if not own else []
            if len(imgs) > 1:  # (Ghost's gallery card: a figure of images, one caption)
                figs = [self.figure_of(i, None, cap if k == len(imgs) - 1 else None)
                        for k, i in enumerate(imgs)]
                out.extend(f for f in figs if f)
                return
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
            if out and not isinstance(out[-1], Rule):  # (a break between parts: none first)
                out.append(Rule(self.next_line()))
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
            text, marks, spans = normalise(self.inline(body, figures=figures), breaks=breaks)
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
        captions: list[Node] = []
        pending: dict[int, int] = {}  # column -> rows a cell above still spans

        def walk_rows(n: Node):
            for ch in n.children:
                if isinstance(ch, Node):
                    if ch.tag == "caption":
                        captions.append(ch)  # (its words, a paragraph before the table: they
                        #                      were lost, read as rows that held none)
                    elif ch.tag == "tr":
                        cells = spanned([(bracketed(*normalise(self.inline(cell))[:2]),
                                          _span(cell, "colspan"), _span(cell, "rowspan"))
                                         for cell in ch.children if isinstance(cell, Node)
                                         and cell.tag in ("td", "th")], pending)
                        if any(cells):
                            rows.append(tuple(cells))
                    elif ch.tag != "table":
                        walk_rows(ch)

        walk_rows(c)
        for cap in captions:
            self.paragraph(cap, out)
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
            caption, _, spans = normalise(self.inline(cap))
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


    def note_list(self, c: Node) -> None:
        """Footnotes as Markdown tools, WordPress and Ghost write them: a list (in a
        ``footnotes`` block) whose items have ids ``fn1``/``fn:1``/``fn-1``; each item's
        back-link ("↩") is dropped. An item with no such id is numbered in order."""
        for li in _all(c, lambda n: n.tag == "li"):
            m = NOTE_ID.match(li.attrs.get("id", ""))
            n = int(m.group(1)) if m else len(self.footnotes) + 1
            body = _without(li, lambda x: x.tag == "a" and is_backlink(x, self.base, True))
            self.footnotes.append(Footnote(n, tuple(as_paragraphs(self.note_blocks(body))),
                                           self.next_line()))

    def footnote(self, c: Node) -> None:
        num = c.find(lambda n: n.tag == "a" and ("footnote-number" in n.classes
                                                 or NOTE_BACK.search(n.attrs.get("href", ""))))
        n = number_in(num.text()) if num is not None else None
        if n is None:
            n = len(self.footnotes) + 1
        body = c.find(lambda x: "footnote-content" in x.classes) or \
            Node("div", {}, [x for x in c.children if x is not num])
        line = self.next_line()
        paras = tuple(as_paragraphs(self.note_blocks(body)))
        self.footnotes.append(Footnote(n, paras, line))

    def id_note(self, c: Node, n: int) -> None:
        """A note as a paragraph with its marker's id (Beehiiv's and hand-written HTML:
        ``<p id="fn1"><sup>1</sup> The model uses …</p>``), its number and back-link
        dropped: it stood as a paragraph "¹ The model uses …" under "Footnotes"."""
        kids = [x for x in c.children if not (isinstance(x, str) and not x.strip())]
        if kids and isinstance(kids[0], Node) and kids[0].tag in ("sup", "a", "span") and \
                number_in(kids[0].text()) == n:
            kids = kids[1:]
        elif kids and isinstance(kids[0], str):
            kids[0] = re.sub(rf"^\s*(?:{n}|\[{n}\])[.):]?\s", "", kids[0])
        body = _without(Node("p", {}, kids),
                        lambda x: x.tag == "a" and is_backlink(x, self.base, True))
        self.footnotes.append(Footnote(n, tuple(as_paragraphs(self.note_blocks(body))),
                                       self.next_line()))

    def note_blocks(self, body: Node) -> list[Block]:
        """A note's blocks. No chrome is looked for in a note: a short "Read online" link
        there is the note's source."""
        words, self.words = self.words, 0
        try:
            return self.blocks(body)
        finally:
            self.words = words

    def chrome(self, c: Node) -> bool:
        """:func:`newsbook.readers.html_chrome.is_chrome`, against this article's words. A
        members' wall's button ("Become a member to keep reading", to Ghost's portal) also
        tells that the post is cut short: the feed holds its preview only."""
        if not is_chrome(c, self.words, self.names):
            return False
        if MEMBERS_WALL.search(WS.sub(" ", _words_apart(c))) and \
                c.find(lambda n: n.tag == "a" and PORTAL.search(n.attrs.get("href", ""))):
            self.cut_short = True
        return True


def _span(cell: Node, attr: str) -> int:
    """A cell's colspan or rowspan (1 when none, or not a small number)."""
    v = cell.attrs.get(attr, "1").strip()
    return int(v) if v.isdigit() and 1 <= int(v) <= 50 else 1


def spanned(cells: list[tuple[str, int, int]], pending: dict[int, int]) -> list[str]:
    """A row's cells each in its own column: a cell spanning columns leaves the ones it
    covers empty, and one spanning rows leaves its column empty in the rows below (the
    cells after it had moved left, each value under the next column's header)."""
    out: list[str] = []
    queue = list(cells)
    col = 0
    while queue or any(c >= col and n > 0 for c, n in pending.items()):
        if pending.get(col, 0) > 0:
            pending[col] -= 1
            out.append("")
        elif queue:
            text, across, down = queue.pop(0)
            for k in range(across):
                out.append(text if k == 0 else "")
                if down > 1:
                    pending[col + k] = down - 1
            col += across
            continue
        else:
            out.append("")
        col += 1
    return out


def _words_apart(c: Node) -> str:
    """A block's text with a space between its elements (``text()`` ran a heading into the
    button under it: "… subscribers onlySubscribe now" hid the members' wall)."""
    return " ".join(ch if isinstance(ch, str) else _words_apart(ch) for ch in c.children)


#: white space and characters that show nothing (an e-mail's spacers and preheader padding)
INVISIBLE = " \u00a0\u200b\u200c\u200d\u034f\u2060\ufeff\u2007\u202f"
#: a sender's address after its name ("The Larder Ledger <larderledger@mail.beehiiv.com>")
MAIL_ADDRESS = re.compile(r"\s*<[^<>@\s]+@[^<>\s]+>")
#: RSS 2.0's author element: an address, then the name in brackets
_RSS_AUTHOR = re.compile(r"^[^\s@()]+@[^\s()]+\s*\(([^()]{1,80})\)$")


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
    blocks = turns(sponsor_asides(levels(bold_titles(typed_captions(unrepeated(
        m.blocks(root))), m.card_titles))))
    if m.footnotes:
        blocks = _notes_title_dropped(blocks)
    while blocks and isinstance(blocks[-1], Rule):  # (a break before nothing, or chrome)
        blocks = blocks[:-1]
    # (Ghost's members-only marker, an HTML comment where a post's public part ends: the
    # sanitiser drops comments, so it is looked for in the source)
    return tuple(blocks), tuple(m.footnotes), m.anchors, m.cut_short or (
        "members-only" in html and MEMBERS_ONLY.search(html) is not None)


#: Ghost's marker of a post's end for the public: "<!--members-only-->"
MEMBERS_ONLY = re.compile(r"<!--\s*members-only\s*-->|&lt;!--\s*members-only\s*--&gt;")


def _notes_title_dropped(blocks: list) -> list:
    """The notes list's own title ("Footnotes", "Notes"), now over nothing: the notes are
    the page's footnotes, so an empty section was left (and a rule after it made the
    book's build fail: "section may not begin with a transition")."""
    out = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(b, Heading) and NOTES_TITLE.match(b.text.strip()) and (
                nxt is None or isinstance(nxt, Rule)
                or isinstance(nxt, Heading) and nxt.level <= b.level):
            continue
        out.append(b)
    return out


def html_article(*, title: str, published: datetime, html: str, source: str, line: int,
                 link: str = "", byline: str = "", diags: list[Diagnostic],
                 publication: str = "", date_raw: str = "") -> Article:
    """One article from an HTML body; problems become diagnostics on ``line``.
    ``publication``: the newsletter's name as the feed gives it (plain text); ``date_raw``:
    its date as the feed writes it (the quote of any chart row the date is)."""
    link = safe_url(link)
    blocks, footnotes, anchors, cut_short = _read_body(html, link, line, publication)
    blocks = masthead_dropped(blocks, title, publication)
    byline = MAIL_ADDRESS.sub("", byline).strip()  # ("X <x@mail.beehiiv.com>": the sender)
    if (named := _RSS_AUTHOR.match(byline)) is not None:
        byline = named.group(1).strip()  # (RSS 2.0's "mara@blockheight.dev (Mara Quillon)")
    blocks, byline = guest_byline(blocks, byline)
    if not blocks:
        diags.append(Diagnostic(Code.TRUNCATED, f"article {title!r} has no text", source, line))
    elif cut_short:
        diags.append(Diagnostic(Code.PREVIEW, f"article {title!r} is cut short (a paywall, or "
                                "an excerpt's \"Read more\"): the feed holds only its "
                                "preview", source, line))
    noted = {note.number for note in footnotes}
    if any(n not in noted for n in anchors):
        # (a marker whose note the body does not hold, "model<sup><a href="#fn1">1</a>
        # </sup>" with its note in a form not read: its digit stays text, never a "[^1]"
        # with nothing behind it)
        blocks = tuple(_marks_kept(b, noted) for b in blocks)
    for note in footnotes:
        if note.number not in anchors:
            diags.append(Diagnostic(Code.UNMATCHED_FOOTNOTE, f"footnote {note.number} of "
                                    f"{title!r} has no marker in the text; shown as a plain note",
                                    source, line))
    return Article(title=title, published=published, blocks=blocks, footnotes=footnotes,
                   line=line, byline=byline, source=source, end_line=line + 1 + len(blocks),
                   link=link, rich=True, publication=" ".join(publication.split())[:80],
                   preview=cut_short, date_raw=" ".join(date_raw.split())[:80])


def _marks_kept(block, noted: set[int]):
    """``block`` with only the footnote marks whose note exists (nested blocks too)."""
    changes = {}
    if getattr(block, "marks", ()) and any(n not in noted for _, n in block.marks):
        changes["marks"] = tuple((o, n) for o, n in block.marks if n in noted)
    for name in ("blocks", "items", "paragraphs"):
        inner = getattr(block, name, None)
        if isinstance(inner, tuple) and inner:
            kept = tuple(_marks_kept(x, noted) for x in inner)
            if kept != inner:
                changes[name] = kept
    return dataclasses.replace(block, **changes) if changes else block


__all__ = ["sanitise", "safe_url", "plain_text", "html_blocks", "html_article"]
