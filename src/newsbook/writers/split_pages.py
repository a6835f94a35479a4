"""Long book-wide lists split into pages of bounded size, so every page loads like text
however big the archive grows (issue 11).

Why: the timeline and the people page list everything the articles say. At 1,000
articles the timeline's list was 5.5 MB of HTML (17,000 entries) and the people page
3.4 MB; Lighthouse itself timed out on them. A small book is not touched: its lists stay
on one page, byte for byte. A big one keeps its main page (the lead, the chart, and a list
of the parts with how many entries each holds) and puts each of its groups (decades,
years, letters) on a page of its own, cut into pages of about :data:`PAGE_BYTES` of MyST
where it is longer (see :func:`parts` for why titles never depend on how full a page is).

Pure text in, text out: labels and lines arrive already escaped by their writer; this
module adds only headings of those labels and relative links between the pages.
Each part page is a plain top-level entry of the toc, listed right after its main page
(a flat sidebar keeps :mod:`newsbook.navcache` fast: nested entries are never cached).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: MyST bytes of list per page before a list is split (about twice that in HTML)
PAGE_BYTES = 60_000


@dataclass(frozen=True)
class Group:
    """One heading's worth of a list: ``label`` (escaped MyST; "" for none), ``key`` (plain
    text for file names: a year, a decade, a letter), its lines (an entry each, possibly
    of several text lines), and how many entries they are."""

    label: str
    key: str
    lines: tuple[str, ...]
    count: int

    @property
    def size(self) -> int:
        return sum(len(line) + 1 for line in self.lines)


@dataclass(frozen=True)
class Part:
    """One page of a split list: its toc file (no suffix), heading label and groups."""

    file: str
    label: str
    groups: tuple[Group, ...]

    @property
    def count(self) -> int:
        return sum(g.count for g in self.groups)


def needs_split(groups: list[Group], budget: int) -> bool:
    """Whether the list is too long for one page."""
    return sum(g.size for g in groups) > budget


def parts(folder: str, groups: list[Group], budget: int | None) -> list[Part]:
    """A page per group (a year, a letter), titled by it: :func:`pages_of` each group as
    the one unheaded section of its pages. ``budget`` None: never cut a group (a page
    that others link into by entry, as the glossary's letters, must not depend on how
    full it is)."""
    return [part for g in groups
            for part in pages_of(folder, g.label, g.key, [Group("", g.key, g.lines, g.count)],
                                 budget)]


def pages_of(folder: str, label: str, key: str, sections: list[Group], budget: int | None
             ) -> list[Part]:
    """One group's page (``folder/<key>``, titled ``label``), holding its sections (a
    decade's years) under their headings; or, when they are more than ``budget`` bytes,
    its pages "2020s, page 1", "2020s, page 2"... (``folder/<key>-page-<n>``), cut between
    entries, a section cut in two headed on both pages. Each line is one entry.

    Titles never depend on how full a page is: groups are not packed together, and a cut
    group's pages are numbered without a total. As the archive grows, pages are added
    and their contents move, but no page changes its title (once a group first spills
    onto a second page its first page becomes "page 1"), so a rebuild patches the other
    pages' sidebars instead of rendering every page again (:mod:`newsbook.freshness`)."""
    if budget is None or sum(s.size for s in sections) <= budget:
        return [Part(f"{folder}/{_slug(key)}", label, tuple(sections))]
    pages: list[list[Group]] = [[]]
    size = 0
    for s in sections:
        run: list[str] = []
        for line in s.lines:
            if size and size + len(line) + 1 > budget:  # (a line is never cut)
                if run:
                    pages[-1].append(Group(s.label, s.key, tuple(run), len(run)))
                pages.append([])
                size, run = 0, []
            run.append(line)
            size += len(line) + 1
        if run:
            pages[-1].append(Group(s.label, s.key, tuple(run), len(run)))
    return [Part(f"{folder}/{_slug(key)}-page-{i}", f"{label}, page {i}", tuple(page))
            for i, page in enumerate(pages, 1)]


def _slug(key: str) -> str:
    """A file-name-safe form of a group key (years, months and A-Z stay as they are)."""
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "other"


def index_lines(found: list[Part], noun: str) -> list[str]:
    """The main page's list of parts: ``- [1990s](timeline/1990s.md): 154 events``."""
    return [f"- [{p.label}]({p.file}.md)\\: {p.count:,} {noun if p.count != 1 else _one(noun)}"
            for p in found]


def _one(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") else noun


def part_page(part: Part, title: str, back: str, back_label: str, level: int = 2) -> str:
    """A part's page: its own title, a link back to the main page, then its groups under
    their headings (``level``: ## by default; none for a section without a label).
    ``title`` and ``back_label`` are MyST already (escaped by the caller)."""
    hashes = "#" * level
    lines = [f"# {title}\\: {part.label}", "",
             f"Part of the [{back_label}](../{back}.md)\\.", ""]
    for g in part.groups:  # (a section without a label has no heading)
        head = [f"{hashes} {g.label}", ""] if g.label else []
        lines += [*head, *g.lines, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
