"""The shape of an HTML body, told without the mapper's state: tables that lay out an
e-mail rather than hold data, a figure's own caption, the enclosure FreshRSS appends
twice, heading levels without jumps, and paragraphs for places that hold only those.
"""
from __future__ import annotations

from ..model import Block, Figure, Heading, ListBlock, Paragraph, Quote
from .html_tree import Node, _all

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


def layout_table(table: Node) -> bool:
    """A table that lays out a page, as email newsletters' HTML does, not one of data: a
    single cell, or a cell holding paragraphs, headings, lists or another table. Its
    cells are read as blocks (as one of data, their words ran together in one cell)."""
    own = cells(table)
    return len(own) <= 1 or any(_all(cell, lambda n: n.tag in LAYOUT_BLOCKS) for cell in own)


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
