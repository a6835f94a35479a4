"""The text units facts are read from, in source order: a paragraph, a list's item, a
caption's line, a quote's paragraph, a heading (asides skipped). Each knows its anchor,
its source line (and where its further lines start), its footnote markers masked, and
what must not be read in it: a work's title in italics, a digest item's bold title. Apart
from the extraction (:mod:`newsbook.extract`) because it reads the model, not sentences.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import (Article, Aside, Caption, Figure, Heading, ListBlock, Note, Paragraph,
                     Piece, Quote, Turn, anchor_id, source_line)


#: consecutive paragraphs this short form one run (for series)
SHORT_LINE = 160


@dataclass
class Segment:
    anchor: str
    line: int
    text: str
    masked: str           # footnote marker digits replaced by NUL (same offsets)
    group: int
    heading: bool = False
    #: a paragraph that is one link, a bold title or a post's italic subtitle: it names or
    #: sums up, as a heading does, and states no fact of its own (but opens no section)
    names_only: bool = False
    #: an image's caption: a span of years there is what the lost chart covered
    #: ("Évolution des ventes par format, 2019-2024."), no event of the text's
    caption: bool = False
    #: where each further source line starts (a paragraph the author broke into lines, or
    #: prose a text copy wrapped): :meth:`Paragraph.line_starts`
    starts: tuple[int, ...] = ()
    #: offsets of the spaces that stand for the author's line breaks: each line is its own
    #: sentence ("(36:40) The first marathon …" / "(48:55) Fuelling …" were quoted as one)
    breaks: tuple[int, ...] = ()
    #: where a digest item's bold title opening the paragraph ends (:func:`_title_end`):
    #: its dates and numbers are a headline's, no facts of their own (the summary after it
    #: states them)
    title_end: int = 0

    def lined(self) -> str:
        """``masked`` with its line breaks as newlines (the same length), to find sentences in."""
        if not self.breaks:
            return self.masked
        chars = list(self.masked)
        for b in self.breaks:
            if 0 <= b < len(chars) and chars[b] == " ":
                chars[b] = "\n"
        return "".join(chars)

    def line_of(self, quote: str, at: int) -> int:
        """The source line a quote of the fact at offset ``at`` starts on."""
        if not self.starts:
            return self.line
        start = self.text.rfind(quote, 0, at + len(quote))
        return self.line + bisect.bisect_right(self.starts, max(start, 0))


def _mask(text: str, marks) -> str:
    if not marks:  # (most paragraphs: nothing to mask, no copy)
        return text
    chars = list(text)
    for off, n in marks:
        for k in range(off, min(off + len(str(n)), len(chars))):
            if chars[k].isdigit():
                chars[k] = "\0"
    return "".join(chars)


def _work_title(text: str) -> bool:
    """An italic run that names a work: only a number ("<em>2041</em>", a novel), or three
    words or more in title case with a number in them ("<em>Water Roads of the North:
    Canals and Their Carriers, 1760–1850</em>", a book's subtitle, was charted as a span)."""
    t = text.strip()
    if t.isdigit():
        return True
    words = [w for w in t.split() if w[:1].isalpha()]
    if len(words) < 3 or not any(c.isdigit() for c in t):
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


_SMALL_WORDS = frozenset("a an and the of in on at to for by with from or nor but as".split())


def _titled(masked: str, block) -> str:
    """``masked`` with the numbers of a work's title set in italics hidden from the finders
    (:func:`_work_title`): the title's year is no event, nor its number a quantity."""
    spans = getattr(block, "spans", ())
    if not spans or not any(sp.kind == "em" and _work_title(sp.text) for sp in spans):
        return masked
    at, chars = 0, None
    for sp in spans:
        if sp.kind == "em" and _work_title(sp.text):
            chars = chars or list(masked)
            for k in range(at, min(at + len(sp.text), len(chars))):
                if chars[k].isdigit():
                    chars[k] = "\0"
        at += len(sp.text)
    return "".join(chars) if chars else masked


def _title_end(b: Paragraph) -> tuple[int, ...]:
    """A paragraph opened by its item's title in bold ("**→ Ostvik ridership, quarter by
    quarter** Tram boardings were …", a digest's): the space after the title ends a
    sentence, so no fact quotes the title glued to the sentence after it."""
    if not b.spans or b.spans[0].kind not in ("strong", "link"):
        return ()
    at = 0
    for sp in b.spans:
        if sp.kind == "strong" or sp.kind == "link" and sp.emph == "strong":
            at += len(sp.text)
            continue
        break
    title = b.text[:at].rstrip()
    rest = b.text[len(title):]
    if not title or title[-1] in ".!?:;,—–-" or not rest[:1] == " " or \
            not rest[1:2].isupper():
        return ()
    return (len(title),)


#: what a listing's date label holds beside its date: weekdays, times, "from", "until"
_DATE_LABEL_WORDS = re.compile(
    r"(?i)\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|h)|noon|midnight|from|until|till|to|and|at|"
    r"doors|onwards)\b")


def dated_title(title: str, start: int, end: int) -> bool:
    """Is a paragraph's bold title a listing's date label ("**Saturday 11 April,
    10am–4pm** Apple Blossom Day, …"), the date its item happens on, rather than a
    headline that names a year? Nothing but weekdays and times stands beside the date."""
    rest = _DATE_LABEL_WORDS.sub(" ", title[:start] + " " + title[end:])
    return not re.search(r"[^\W\d_]", rest)


def _labelled_lines(b: Paragraph) -> bool:
    """A paragraph broken into lines of which three or more are a label and its value
    ("2021: 3,480" / "2022: 3,910" / …): each line is read on its own, as a one-line
    paragraph is (:func:`.listings.labelled_value`), so the lines make a series."""
    if b.text.count(":") < 3:
        return False
    return sum(1 for s, e in b.lines() if _LABEL_LINE.match(b.text[s:e].rstrip())) >= 3


#: a line a label and a number, in any decimal mark (the article's is not known yet: "2019:
#: 71.512" is a Dutch 71,512, which :data:`~.listings.LABELLED` reads once the mark is)
_LABEL_LINE = re.compile(r"^[^:\n]{0,60}:\s\d[\d.,\u00a0\u202f]*(?:\s[^\W\d_]{3,20}\.?)?"
                         r"(?:\s\([^()\d]{3,21}\))?$")


def segments(article: Article, stem: str) -> list[Segment]:
    """The text units facts are read from, in source order (asides skipped)."""
    out: list[Segment] = []
    group = [0]
    run = [False]                     # is the last segment a short paragraph?

    def new_group() -> int:
        group[0] += 1
        return group[0]

    def visit(blocks) -> None:
        for b in blocks:
            if isinstance(b, Aside):
                run[0] = False
                continue
            anchor = anchor_id(stem, article, b)
            if isinstance(b, Paragraph) and b.breaks and _labelled_lines(b):
                run[0], g, starts = False, new_group(), b.line_starts()
                for (s, _), p in zip(b.lines(), b.broken()):
                    out.append(Segment(anchor, b.line + bisect.bisect_right(starts, s), p.text,
                                       _titled(_mask(p.text, p.marks), p), g))
                continue
            if isinstance(b, Paragraph):
                short = len(b.text) <= SHORT_LINE
                g = group[0] if (short and run[0]) else new_group()
                run[0] = short
                te = _title_end(b)
                # (a paragraph that is one link, a button or a linked title: "Download the
                # 2025 visitor report (PDF, 2.4 MB)" names a document, as a heading does;
                # and one that is all bold with no full stop, an e-mail's title over a table:
                # "**Visitor numbers by venue, 2022–2025 (calendar years)**")
                linked = len(b.spans) == 1 and b.spans[0].text.strip() == b.text.strip() and (
                    b.spans[0].kind == "link" or b.spans[0].kind == "strong"
                    and b.text.rstrip()[-1:] not in ".!?"
                    # (and a post's subtitle, its first paragraph all in italics: "A church
                    # cookbook recipe from 1896, …" told the body's 1896 a second time)
                    or b.spans[0].kind == "em" and b is article.blocks[0])
                out.append(Segment(anchor, b.line, b.text, _titled(_mask(b.text, b.marks), b),
                                   g, names_only=linked, starts=b.line_starts(),
                                   breaks=b.breaks + te,
                                   title_end=te[0] if te else 0))
                continue
            run[0] = False
            if isinstance(b, Heading):
                out.append(Segment(anchor, b.line, b.text, b.text, new_group(), True))
            elif isinstance(b, ListBlock):
                g = new_group()
                for it in b.items:
                    out.append(Segment(anchor, it.line, it.text,
                                       _titled(_mask(it.text, it.marks), it), g,
                                       breaks=it.breaks))
            elif isinstance(b, Caption):
                g, base = new_group(), 0
                for k, ln in enumerate(b.lines):
                    marks = [(o - base, n) for o, n in b.marks if base <= o < base + len(ln)]
                    out.append(Segment(anchor, b.line + k, ln, _mask(ln, marks), g,
                                       caption=True))
                    base += len(ln) + 1
            elif isinstance(b, Note):
                out.append(Segment(anchor, b.line, b.text, b.text, new_group()))
            elif isinstance(b, Quote):  # (a block quote of an HTML source: its paragraphs)
                g = new_group()
                for p in b.paragraphs:
                    out.append(Segment(anchor, p.line, p.text, _mask(p.text, p.marks), g))
            elif isinstance(b, Figure) and b.caption:  # (an HTML source's image caption)
                out.append(Segment(anchor, b.line, b.caption, b.caption, new_group(),
                                   caption=True))
            elif isinstance(b, (Turn, Piece)):
                visit(b.blocks)

    visit(article.blocks)
    if article.rich:  # (a fact's receipt is the item's line, as its diagnostics are)
        for seg in out:
            seg.line, seg.starts = source_line(article, seg.line), ()
    return out
