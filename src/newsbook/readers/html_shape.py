"""The shape of an HTML body, told without the mapper's state: tables that lay out an
e-mail rather than hold data, a figure's own caption, the enclosure FreshRSS appends
twice, heading levels without jumps, and paragraphs for places that hold only those.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import (Aside, Block, Figure, Heading, LinkCard, ListBlock, Paragraph, Quote, Rule,
                     Turn)
from .html_tree import Node, _all
from .prompts import is_cta, is_sponsor
from .structure import AD_END, AD_MOST
from .units import BY_NAMES

#: a heading that is only a date ("March 20, 2026", "20 March 2026", "2026-03-20")
DATE_ONLY = re.compile(r"^(?:[A-Z][a-z]+day,?\s)?(?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}"
                       r"|\d{1,2}\.?\s[A-Z][a-zä]{2,8}\.?\s\d{4}|\d{4}-\d{2}-\d{2})$")
#: at most this many blocks open an e-mail's masthead (logo, date, title repeated)
MASTHEAD = 6

#: what a data table's cell never holds: a cell holding one of these lays a page out
LAYOUT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote",
                 "figure", "pre"}


def cells(table: Node) -> list[Node]:
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


def _row_widths(table: Node) -> list[int]:
    """How many cells each of the table's own rows holds."""
    out: list[int] = []

    def walk(n: Node) -> None:
        for ch in n.children:
            if isinstance(ch, Node):
                if ch.tag == "tr":
                    out.append(sum(1 for c in ch.children if isinstance(c, Node)
                                   and c.tag in ("td", "th")))
                elif ch.tag != "table":
                    walk(ch)
    walk(table)
    return out


def layout_table(table: Node) -> bool:
    """A table that lays out a page, as email newsletters' HTML does, not one of data: a
    single cell, or a cell holding paragraphs, headings, lists or another table. Its
    cells are read as blocks (as one of data, their words ran together in one cell). A
    grid whose cells each hold one paragraph at most (beehiiv wraps every cell's text in
    one) is data when it has a header cell or two rows of two cells or more alike."""
    own = cells(table)
    if len(own) <= 1:
        return True
    if not any(_all(cell, lambda n: n.tag in LAYOUT_BLOCKS) for cell in own):
        return False
    if any(_all(cell, lambda n: n.tag in LAYOUT_BLOCKS and n.tag != "p") or
           len(_all(cell, lambda n: n.tag == "p")) > 1 for cell in own):
        return True
    widths = [w for w in _row_widths(table) if w >= 2]
    headed = table.find(lambda n: n.tag == "th") is not None
    return not (headed or (len(widths) >= 2 and len(set(widths)) == 1))


def _plain(text: str) -> str:
    """Letters and digits alone, lower-cased: "🥐 Bakeries are winning (for now)" is the
    title "Bakeries are winning (for now)"."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def masthead_dropped(blocks: tuple[Block, ...], title: str, publication: str
                     ) -> tuple[Block, ...]:
    """The blocks without an e-mail's masthead, as e-mail tools (beehiiv) put it in the
    body: within its first blocks, a heading repeating the article's title or giving only
    a date, and the newsletter's logo (an image whose alt text is its name)."""
    name, head = _plain(publication), _plain(title)
    out = []
    for k, b in enumerate(blocks):
        if k < MASTHEAD and (
                isinstance(b, Heading) and (DATE_ONLY.match(b.text) or (head and _plain(b.text) == head))
                or isinstance(b, Figure) and name and not b.caption and _plain(b.alt) == name):
            continue
        out.append(b)
    return tuple(out)


def sponsor_asides(blocks: list[Block]) -> list[Block]:
    """A sponsor's block as an aside, as the text copy's reader makes one: a paragraph
    opening it ("Together with Tillwell", "Presented by X", "This issue is sponsored by
    X") and what follows, to the first block that says what to do next (a link, an
    address, "Learn more"), else to the next title, or one block only."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if not (isinstance(b, Paragraph) and is_sponsor(b.text)):
            out.append(b)
            i += 1
            continue
        end = None
        if AD_END.search(b.text) or any(s.kind == "link" for s in b.spans):
            end = i + 1  # (the opening paragraph is the whole advertisement, its link too)
        for j in range(i + 1, min(len(blocks), i + AD_MOST + 1)) if end is None else ():
            v = blocks[j]
            if isinstance(v, (Heading, Turn, Rule)) or isinstance(v, Paragraph) and \
                    is_sponsor(v.text):
                end = j  # (a title, a turn, a section break or another sponsor ends it)
                break
            if isinstance(v, LinkCard) or any(AD_END.search(t) for t in _texts(v)) or any(
                    s.kind == "link" for s in _spans(v)):
                end = j + 1
                break
        end = end if end is not None else min(i + 2, len(blocks))
        out.append(Aside("sponsor", tuple(blocks[i:end]), b.line))
        i = end
    return out


def _texts(b: Block) -> list[str]:
    """A block's own words, whatever its kind: a list's items, a figure's caption (a sponsor's bullet list after its opening line had no ``text``, and
    the whole conversion stopped)."""
    if isinstance(b, ListBlock):
        return [i.text for i in b.items]
    if isinstance(b, Figure):
        return [b.caption]
    text = getattr(b, "text", "")
    return [text] if isinstance(text, str) else []


def _spans(b: Block) -> list:
    """A block's inline markup, its list items' too."""
    if isinstance(b, ListBlock):
        return [s for i in b.items for s in i.spans]
    if isinstance(b, Quote):
        return [s for p in b.paragraphs for s in p.spans]
    return list(getattr(b, "spans", ()))


def as_paragraphs(blocks: list[Block]) -> list[Paragraph]:
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


def unrepeated(blocks: list[Block]) -> list[Block]:
    """The blocks without a closing captionless image shown before: FreshRSS appends the
    feed's enclosure, its cover image, to a body that already shows it (an image the body
    itself repeats stays where it is)."""
    last = blocks[-1] if blocks else None
    if isinstance(last, Figure) and last.src and not last.caption and any(
            isinstance(b, Figure) and b.src == last.src for b in blocks[:-1]):
        return blocks[:-1]
    return blocks


def own_caption(fig: Node) -> Node | None:
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


#: the longest a caption typed under its image in italics is
CAPTION_CHARS = 300


def typed_captions(blocks: list[Block]) -> list[Block]:
    """An image with no caption, then a paragraph all in italics: its caption, as e-mail
    tools (beehiiv) set one under the image ("<div><img></div><p><i>Varela on the Serra da
    Estrela, in April. Photo: Sofia Amaral</i></p>"), not a paragraph of the text."""
    out: list[Block] = []
    for b in blocks:
        last = out[-1] if out else None
        if isinstance(last, Figure) and not last.caption and isinstance(b, Paragraph) and \
                b.spans and not b.marks and len(b.text) <= CAPTION_CHARS and \
                all(sp.kind == "em" for sp in b.spans if sp.text.strip()):
            out[-1] = replace(last, caption=b.text, caption_spans=())
            continue
        out.append(b)
    return out


#: the longest a section's title set as a bold paragraph is ("DATA", "Worth reading")
BOLD_TITLE_CHARS, BOLD_TITLE_WORDS = 60, 8


def _bold_label(b) -> bool:
    """A paragraph all in bold, short and unpunctuated, that is no byline, sponsor line or
    prompt: "<p><strong>Worth reading</strong></p>"."""
    if not isinstance(b, Paragraph) or b.marks or b.breaks or not b.spans:
        return False
    t = b.text.strip()
    return all(sp.kind == "strong" for sp in b.spans if sp.text.strip()) and \
        0 < len(t) <= BOLD_TITLE_CHARS and len(t.split()) <= BOLD_TITLE_WORDS and \
        any(c.isalpha() for c in t) and t[-1] not in ".!?:;,…" and \
        not BY_NAMES.match(t) and not is_sponsor(t) and not is_cta(t)


def bold_titles(blocks: list[Block], cards: set[int] = frozenset()) -> list[Block]:
    """Section titles set as bold paragraphs, as e-mail tools' bodies have them ("DATA",
    "POLICY", "Worth reading", each over its section): headings, when a post has two or
    more over text (one alone may be emphasis). Given the level of the post's top
    headings: they are its sections, siblings of an "<h2>Chart of the week</h2>" (at the
    deepest level they nested under it).
    ``cards``: the lines of cards' own titles (a Ghost toggle's), which stay paragraphs."""
    at = [k for k, b in enumerate(blocks) if _bold_label(b) and b.line not in cards
          and k + 1 < len(blocks)
          and not isinstance(blocks[k + 1], Heading) and not _bold_label(blocks[k + 1])]
    if len(at) < 2:
        return blocks
    out = list(blocks)
    top = min((b.level for b in blocks if isinstance(b, Heading)), default=2)
    for k in at:
        out[k] = Heading(blocks[k].text.strip(), blocks[k].line, top)
    return out


def levels(blocks: list[Block]) -> list[Block]:
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


def bracketed(text: str, marks) -> str:
    """A table cell's text with each footnote marker in brackets: a cell has no markers of
    its own, and "~$48,000" with its note 2 read "~$48,0002"."""
    for at, n in sorted(marks, reverse=True):
        k = len(str(n))
        if text[at:at + k] == str(n):
            text = f"{text[:at]}[{n}]{text[at + k:]}"
    return text


def guest_byline(blocks: tuple, byline: str) -> tuple[tuple, str]:
    """A guest post names its writer in its body, in bold, near its top ("By Anneliese
    Voigt", after the editor's note): the page's byline is theirs (it said the feed's
    author), and the line moves into the header, as a text copy's byline does."""
    for k, b in enumerate(blocks[:MASTHEAD]):
        if byline and isinstance(b, Paragraph) and b.text.strip() == byline.strip():
            return blocks[:k] + blocks[k + 1:], byline  # (the writer's name alone, under
            #     an e-mail's avatar in its masthead: the header says "By" it already)
    for k, b in enumerate(blocks[:8]):
        if isinstance(b, Paragraph) and len(b.text) <= 80 and b.spans and \
                all(sp.kind == "strong" for sp in b.spans if sp.text.strip()) and \
                (m := BY_NAMES.match(b.text.strip())) and m.group(1) != byline:
            return blocks[:k] + blocks[k + 1:], m.group(1)
    return blocks, byline
