"""The model in the middle: articles made of plain-text blocks.

Readers build it, writers render it; neither knows the other. Every ``text``
here is plain Unicode exactly as the feed had it -- never markup. Escaping is
the writer's job alone. Every block keeps the 1-based source line it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Union

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Heading:
    """A section title inside an article (level 2 = section, 3 = subsection)."""

    text: str
    line: int
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Running text; ``marks`` are footnote markers as (char offset, number)."""

    text: str
    line: int
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class ListItem:
    """One item of a bullet or numbered list; ``number`` is the label as written."""

    text: str
    line: int
    marks: tuple[tuple[int, int], ...] = ()
    number: str = ""


@dataclass(frozen=True)
class ListBlock:
    """Consecutive list items of one kind."""

    ordered: bool
    items: tuple[ListItem, ...]
    line: int


@dataclass(frozen=True)
class Caption:
    """The caption (or alt text) of an image the feed lost; ``lines`` as written."""

    lines: tuple[str, ...]
    line: int
    marks: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Note:
    """A bracketed editor's note such as ``[This bit we recorded weds afternoon]``."""

    text: str
    line: int


@dataclass(frozen=True)
class Turn:
    """One speaker's turn in an interview transcript: the name, then its blocks."""

    speaker: str
    blocks: tuple["Block", ...]
    line: int


@dataclass(frozen=True)
class Aside:
    """Sponsor block or job ad: kept, but shown collapsed and labelled."""

    kind: str  # "sponsor" | "job"
    blocks: tuple["Block", ...]
    line: int

    def __post_init__(self) -> None:
        if self.kind not in ("sponsor", "job"):
            raise ValueError(f"unknown aside kind {self.kind!r}")


@dataclass(frozen=True)
class Piece:
    """One separately written piece of a digest post, with its own title and byline."""

    title: str
    byline: str
    blocks: tuple["Block", ...]
    line: int


@dataclass(frozen=True)
class Footnote:
    """A footnote body: number plus its paragraphs (which may hold several)."""

    number: int
    paragraphs: tuple[Paragraph, ...]
    line: int


Block = Union[Heading, Paragraph, ListBlock, Caption, Note, Turn, Aside, Piece]


@dataclass(frozen=True)
class Article:
    """One post of the feed. ``published`` is naive local time, as FreshRSS showed it."""

    title: str
    published: datetime
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    line: int
    byline: str = ""
    source: str = ""
    end_line: int = 0

    @property
    def date_text(self) -> str:
        """The date exactly as FreshRSS wrote it: ``15 December 2025 at 07:32``."""
        return f"{self.published.day} {self.published:%B %Y at %H:%M}"


@dataclass(frozen=True)
class Feed:
    """All articles read from one or more FreshRSS copies, newest first."""

    articles: tuple[Article, ...] = field(default_factory=tuple)


def article_text(article: Article) -> str:
    """All text of an article in reading order, for telling two copies of it apart."""
    parts = [article.title, article.date_text]
    for b in walk(article.blocks):
        parts.append(" ".join(i.text for i in b.items) if isinstance(b, ListBlock)
                     else getattr(b, "text", ""))
    parts += [p.text for f in article.footnotes for p in f.paragraphs]
    return "\n".join(parts)


def label(*parts: str) -> str:
    """A Sphinx-safe target name built from slugs and numbers (lowercase, hyphens)."""
    out = "-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts)
    return out or "x"


def anchor_id(stem: str, article: Article, block) -> str:
    """Stable id of a block: chapter stem + line offset in its article. It starts with a
    letter because docutils drops leading digits from ids. Writers turn it into a target;
    extraction and indexes link to it."""
    return label("p", stem, str(block.line - article.line))


def walk(blocks: tuple[Block, ...]):
    """Yield every block, depth first, including those nested in turns, asides and pieces."""
    for block in blocks:
        yield block
        if isinstance(block, (Turn, Aside, Piece)):
            yield from walk(block.blocks)
