"""Writer: one article -> one MyST Markdown notebook page (jupytext header + kernelspec).

Feed text reaches the page only through :mod:`escape`; code cells come only
from :mod:`cells` templates whose arguments are registry keys.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Callable


from ..model import anchor_id  # noqa: F401  (re-exported)
from ..model import (Article, Aside, Block, Caption, Footnote, Heading, ListBlock, Note,
                     Paragraph, Piece, Turn, list_text, walk)
from ..model import Code, Figure, LinkCard, ListItem, Quote, Rule, Table, words_in
from . import cells, rich_md
from . import fastyaml
from .escape import clean, escape_chars, escape_text, label, yaml_safe

ASIDE_TITLES = {"sponsor": "Sponsor", "job": "Job ad"}
LOST = "The image is not in the feed; only its caption survives."


@dataclass(frozen=True)
class Placement:
    """A chart cell to insert after the block whose text contains ``after``."""

    chart: str
    after: str
    replaces_caption: bool = False
    live: bool = False


@dataclass
class PageContext:
    """Everything about one page that is not the article itself."""

    stem: str
    placements: list[Placement] = field(default_factory=list)
    lost_notes: dict[str, str] = field(default_factory=dict)  # caption substring -> note
    themes: list[str] = field(default_factory=list)
    chart_titles: dict[str, str] = field(default_factory=dict)
    data_hashes: dict[str, str] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)        # glossary headwords to link once
    index_names: list[str] = field(default_factory=list)  # people/organisations named here
    publication: str = ""  # the newsletter's name: the author of a post with no byline


_MINUTES: dict[int, tuple[Article, int]] = {}  # id -> (article, minutes): asked 3x a page


def reading_minutes(article: Article) -> int:
    """Reading time at 230 words a minute; kana and Han characters count as a word each
    (:func:`~newsbook.model.words_in`)."""
    got = _MINUTES.get(id(article))
    if got is not None and got[0] is article:
        return got[1]
    if len(_MINUTES) > 4096:
        _MINUTES.clear()
    minutes = _reading_minutes(article)
    _MINUTES[id(article)] = (article, minutes)
    return minutes


def _reading_minutes(article: Article) -> int:
    words = 0
    for block in walk(article.blocks):
        text = _plain(block)
        words += words_in(text)
    for note in article.footnotes:
        words += sum(words_in(p.text) for p in note.paragraphs)
    return max(1, math.ceil(words / 230))


def _plain(block: Block) -> str:
    if isinstance(block, ListBlock):
        return list_text(block)  # (as the charts' placement names it: reference.block_texts)
    if isinstance(block, (Turn, Aside)):
        return ""
    if isinstance(block, Piece):
        return f"{block.title} {block.byline}"
    return getattr(block, "text", "")


def _author(byline: str) -> str:
    from .book_files import author_of  # (book_files renders pages: imported when asked)
    return author_of(byline) if byline else ""


def front_matter(article: Article, ctx: PageContext) -> str:
    """YAML front matter: jupytext + kernelspec, then fixed keys with plain-text values."""
    meta = {
        "jupytext": {"formats": "md:myst",
                     "text_representation": {"extension": ".md", "format_name": "myst"}},
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "title": yaml_safe(article.title),
        "date": article.published.strftime("%Y-%m-%dT%H:%M"),
        "author": yaml_safe(_author(article.byline)) or ctx.publication or "Unknown",
        "reading_time": f"{reading_minutes(article)} min",
        "themes": list(ctx.themes),
    }
    dumped = fastyaml.dump(meta)
    from .ipynb import remember_front_matter  # the .ipynb twin need not parse it back
    remember_front_matter(dumped, meta)
    return "---\n" + dumped + "---\n"


def inline(text: str, marks: tuple[tuple[int, int], ...],
           terms: tuple[tuple[int, str], ...] = ()) -> str:
    """Escape text; footnote marker digits at ``marks`` become ``[^n]`` references and the
    glossary headwords at ``terms`` (offset, headword) become ``{term}`` links."""
    spans = sorted([(o, len(str(n)), f"[^{n}]") for o, n in marks]
                   + [(o, len(t), "{term}`" + t + "`") for o, t in terms])
    out, pos = [], 0
    for offset, length, markup in spans:
        if offset < pos:
            continue
        out.append(escape_chars(text[pos:offset]))
        out.append(markup)
        pos = offset + length
    out.append(escape_chars(text[pos:]))
    return "".join(out).strip()


TERM_OK = re.compile(r"^[^`<>\\\s]+$")


def target(stem: str, article: Article, block: Block) -> str:
    """A MyST target so charts and indexes can link to this very paragraph."""
    return f"({anchor_id(stem, article, block)})=\n"


class PageWriter:
    """Renders one article; dispatches on block type (unknown type = our bug)."""

    def __init__(self, article: Article, ctx: PageContext):
        self.a, self.ctx, self.stem = article, ctx, ctx.stem
        self.pending: list[str] = []
        self.last: type | None = None  # the kind of the last top-level block written
        self.used: set[str] = set()  # charts placed so far (the rest are reported unplaced)
        self.unlinked = sorted((t for t in ctx.terms if TERM_OK.match(t)), key=len, reverse=True)
        self.finder = _term_finder(ctx.terms)
        self.render: dict[type, Callable[[Block, int], list[str]]] = {
            Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.listblock,
            Caption: self.caption, Note: self.note, Turn: self.turn, Aside: self.aside,
            Piece: self.piece,
        }
        self.render.update({Figure: self.figure, Quote: self.quote, Code: self.code,
                            Table: self.table, LinkCard: self.card, Rule: self.rule})

    def text(self, text: str, marks: tuple[tuple[int, int], ...] = ()) -> str:
        """Inline feed text, linking each glossary headword's first occurrence on the page."""
        found: list[tuple[int, str]] = []
        taken: list[tuple[int, int]] = []
        present = self.finder.present(text) if self.unlinked else ()
        if not present:
            return inline(text, marks, ())
        for term in [t for t in self.unlinked if t in present]:  # (longest first)
            at = text.find(term)
            while at >= 0 and any(a < at + len(term) and at < b for a, b in taken):
                at = text.find(term, at + 1)
            if at >= 0:
                found.append((at, term))
                taken.append((at, at + len(term)))
                self.unlinked.remove(term)
        return inline(text, marks, tuple(found))

    def page(self) -> str:
        parts = [front_matter(self.a, self.ctx), f"# {escape_text(self.a.title)}\n",
                 self.header(), self.index_entries(), cells.setup_cell(self.ctx.data_hashes)]
        for block in self.a.blocks:
            parts.extend(self.block(block, 0))
        if not self.a.blocks:  # (the reader warns too: newsbook.truncated)
            parts.append("```{note}\nThis post has no text in the copy it was read from: it "
                         "may have been cut off, or held only an image or a video. Copy the "
                         "page again to bring its text in.\n```\n")
        elif self.a.preview:  # (the reader warns too: newsbook.preview)
            parts.append("```{note}\nThis is the post's preview only: the rest of it is not "
                         "in the copy it was read from (a paid post, or an excerpt).\n```\n")
        parts.extend(self.footnotes())
        return "\n".join(p.rstrip("\n") + "\n" for p in parts if p)

    def header(self) -> str:
        from .book_files import is_bio
        bits = [f"**Published** {escape_text(self.a.date_text)}",
                f"**Reading time** {reading_minutes(self.a)} min"]
        if self.ctx.themes:
            bits.append("**Themes** " + ", ".join(escape_text(t) for t in self.ctx.themes))
        if (href := rich_md.safe_href(self.a.link)) and self.a.link.startswith("http"):
            bits.append(f"[Original post]({href})")  # (the post where it was published)
        lines = ["```{container} chapter-meta", " · ".join(bits)]
        if self.a.byline and not is_bio(self.a.byline):  # a bio is the first paragraph
            lines += ["", f"**By** {escape_text(self.a.byline)}"]
        charts = [p.chart for p in self.ctx.placements]
        if charts:
            lines += ["", "**Charts in this chapter:** " + "; ".join(
                f"[{escape_text(self.ctx.chart_titles.get(c, c))}](#chart-{c.replace('_', '-')})"
                for c in charts)]
        return "\n".join(lines + ["```"]) + "\n"

    def index_entries(self) -> str:
        """Sphinx index entries for the curated people and organisations named here."""
        names = [re.sub(r"[;!:\n`]", " ", n).strip() for n in self.ctx.index_names]
        names = [n for n in names if n]
        if not names:
            return ""
        return "\n".join(f"```{{index}} single: {n}\n```" for n in names) + "\n"

    def block(self, block: Block, depth: int) -> list[str]:
        fn = self.render.get(type(block))
        if fn is None:
            raise TypeError(f"writer has no rule for {type(block).__name__}")
        if isinstance(block, Rule) and (depth or self.last in (Heading, Rule)):
            return []  # (docutils fails a build on a rule that opens a section, follows a
            #            rule or stands inside a directive: a break there separates nothing)
        if depth == 0:
            self.last = type(block)
        out = fn(block, depth)
        charts = self.charts_after(block)
        if depth == 0:
            return out + charts + self.flush()
        self.pending += charts  # a code cell cannot live inside a directive: emit after it
        return out

    def flush(self) -> list[str]:
        out, self.pending = self.pending, []
        return out

    def charts_after(self, block: Block) -> list[str]:
        text = clean(_plain(block) if not isinstance(block, Caption) else " ".join(block.lines))
        out = []
        for p in self.ctx.placements:
            if p.chart not in self.used and p.after and clean(p.after) in text:
                self.used.add(p.chart)
                out.append(f"(chart-{p.chart.replace('_', '-')})=\n")
                out.append(cells.chart_cell(p.chart))
                if p.live:
                    out.append(cells.widget_cell(p.chart))
        return out

    def heading(self, h: Heading, depth: int) -> list[str]:
        return [f"{'#' * h.level} {escape_text(h.text)}\n"]

    def paragraph(self, p: Paragraph, depth: int) -> list[str]:
        return [target(self.stem, self.a, p) + self.broken(p) + "\n"]

    def broken(self, p: Paragraph | ListItem, lead: str = "") -> str:
        """A paragraph's inline text; where the author broke a line, a hard line break (a
        backslash ending the line; every line's own text is escaped, so none can open a
        block), and ``lead`` before the next line (a block quote's "> ", a list item's
        indent)."""
        if not p.breaks:
            return self.inline_of(p)
        return f"\\\n{lead}".join(self.inline_of(part) for part in p.broken())

    def listblock(self, lb: ListBlock, depth: int) -> list[str]:
        lines = []
        columns = [0]  # (where each open level's item text starts)
        for item in lb.items:
            if item.depth == 0:
                bullet = f"{item.number.rstrip('.')}." if lb.ordered else "-"
                columns = [0]
            else:  # a nested item: under the text of the item it belongs to
                number = item.number.rstrip(".")
                bullet = f"{number}." if number.isdigit() else "-"
                columns = columns[:item.depth + 1]
            indent = columns[-1]
            # (a line the author broke goes on under the item's text, as its continuation)
            lead = " " * (indent + len(bullet) + 1)
            lines.append(f"{' ' * indent}{bullet} {self.broken(item, lead)}")
            columns.append(indent + len(bullet) + 1)
        return [target(self.stem, self.a, lb) + "\n".join(lines) + "\n"]

    def caption(self, c: Caption, depth: int) -> list[str]:
        note = next((n for sub, n in self.ctx.lost_notes.items() if clean(sub) in clean(c.text)), "")
        replaced = any(p.replaces_caption and clean(p.after) in clean(c.text)
                       for p in self.ctx.placements)
        body, base = [], 0
        for line in c.lines:
            marks = tuple((o - base, n) for o, n in c.marks if base <= o < base + len(line))
            body.append(self.text(line, marks))
            base += len(line) + 1
        status = LOST
        if replaced:
            status = ("The image is not in the feed; the chart below shows the same facts "
                      "from the external sources it names.")
        elif note:
            status = note
        return [target(self.stem, self.a, c) + "```{container} lost-figure\n"
                + "\n\n".join(body) + f"\n\n*{escape_text(status)}*\n```\n"]

    def note(self, n: Note, depth: int) -> list[str]:
        return [target(self.stem, self.a, n)
                + f"```{{container}} editor-note\n{escape_text(n.text)}\n```\n"]

    def turn(self, t: Turn, depth: int) -> list[str]:
        inner: list[str] = []
        first, rest = t.blocks[0], t.blocks[1:]
        assert isinstance(first, Paragraph)
        stamp = f"{escape_text(t.stamp)} " if t.stamp else ""
        inner.append(target(self.stem, self.a, first) + f"{stamp}**{escape_text(t.speaker)}:** "
                     + self.broken(first) + "\n")  # (its inline code, links, emphasis)
        self.pending += self.charts_after(first)
        for b in rest:
            inner.extend(self.block(b, depth + 1))
        fence = "`" * (3 + _height(t))
        return [f"{fence}{{container}} turn\n" + "\n".join(x.rstrip("\n") + "\n" for x in inner)
                + f"{fence}\n"]

    def aside(self, a: Aside, depth: int) -> list[str]:
        inner: list[str] = []
        for b in a.blocks:
            inner.extend(self.block(b, depth + 1))
        title = ASIDE_TITLES[a.kind]
        fence = "`" * (3 + _height(a))
        return [f"{fence}{{admonition}} {title}\n:class: dropdown aside-{a.kind}\n\n"
                + "\n".join(x.rstrip("\n") + "\n" for x in inner) + f"{fence}\n"]

    def piece(self, p: Piece, depth: int) -> list[str]:
        out = []
        if p.title:
            out.append(f"## {escape_text(p.title)}\n")
            self.last = Heading if depth == 0 and not p.byline else self.last
        if p.byline:
            out.append("```{container} byline\n" + escape_text(p.byline) + "\n```\n")
        for b in p.blocks:
            out.extend(self.block(b, depth))
        return out

    def footnotes(self) -> list[str]:
        out = []
        linked = {n for b in walk(self.a.blocks) for n in _marks_of(b)}
        for note in self.a.footnotes:
            paras = [self.inline_of(p, marks=False) for p in note.paragraphs] \
                or [escape_text("(empty)")]
            if note.number in linked:
                body = paras[0] + "".join("\n\n    " + p for p in paras[1:])
                out.append(f"[^{note.number}]: {body}\n")
            else:
                out.append(f"**Note {note.number}** " + "\n\n".join(paras) + "\n")
        return out

    # -- blocks from HTML sources (FreshRSS exports, RSS/Atom); MyST comes from rich_md

    def inline_of(self, block, marks: bool = True) -> str:
        """A paragraph or list item: its spans when the source had inline markup."""
        m = block.marks if marks else ()
        if not getattr(block, "spans", ()):
            return self.text(block.text, m)
        return rich_md.render_spans(block.spans, m, self._span_text)

    def _span_text(self, text: str, marks) -> str:
        return self.text(text, marks)

    def figure(self, f: Figure, depth: int) -> list[str]:
        caption = rich_md.render_spans(f.caption_spans, (), lambda t, m: escape_chars(t).strip(),
                                       code=False) if f.caption_spans else escape_text(f.caption)
        return [rich_md.figure(f, target(self.stem, self.a, f), caption)]

    def quote(self, q: Quote, depth: int) -> list[str]:
        paras = [self.broken(p, "> ") for p in q.paragraphs]
        return [target(self.stem, self.a, q) + "\n>\n".join(f"> {p}" for p in paras) + "\n"]

    def code(self, c: Code, depth: int) -> list[str]:
        return [rich_md.code_block(c, target(self.stem, self.a, c))]

    def table(self, t: Table, depth: int) -> list[str]:
        return [rich_md.table(t, target(self.stem, self.a, t),
                              {n.number for n in self.a.footnotes})]

    def card(self, c: LinkCard, depth: int) -> list[str]:
        return [rich_md.link_card(c, target(self.stem, self.a, c))]

    def rule(self, r: Rule, depth: int) -> list[str]:
        return ["***\n"]  # (a thematic break: "---" could read as front matter's fence)


_FINDER: list = [None, None]  # [terms tuple, Finder]: one book, one glossary


def _term_finder(terms: list[str]):
    """A :class:`~newsbook.extract.lookup.Finder` of the glossary headwords, so each text
    is scanned once instead of once per headword (made once per book)."""
    from ..extract.lookup import Finder
    key = tuple(terms)
    if _FINDER[0] != key:
        _FINDER[:] = [key, Finder(key)]
    return _FINDER[1]


def _height(block: Block) -> int:
    """How many fenced containers a block nests (a fence must outgrow those inside it)."""
    if isinstance(block, (Turn, Aside)):
        return 1 + max((_height(b) for b in block.blocks), default=0)
    return 0


def _marks_of(block: Block) -> list[int]:
    """The footnote numbers a block marks (a quote's: its paragraphs'; a note marked only
    inside a quote was written as an unlinked note while the quote linked to it)."""
    if isinstance(block, ListBlock):
        return [n for i in block.items for _, n in i.marks]
    if isinstance(block, Quote):
        return [n for p in block.paragraphs for _, n in p.marks]
    if isinstance(block, Table):  # (an HTML table's cells keep their markers as "[1]")
        return rich_md.cell_notes(block, range(1, 1000))
    return [n for _, n in getattr(block, "marks", ())]


def render_article(article: Article, ctx: PageContext) -> str:
    """The whole page as text; deterministic for the same article and context."""
    return render_page(article, ctx)[0]


def render_page(article: Article, ctx: PageContext) -> tuple[str, list[str]]:
    """The page, plus the keys of placed charts whose anchor text no block holds (the
    caller turns those into diagnostics: the writer reports, it does not decide)."""
    writer = PageWriter(article, ctx)
    text = writer.page()
    return text, [p.chart for p in ctx.placements if p.chart not in writer.used]


__all__ = ["render_article", "render_page", "PageContext", "Placement", "reading_minutes", "Footnote"]
