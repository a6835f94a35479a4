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
    """One heading's worth of a list: ``label`` (escaped MyST), ``key`` (plain text for
    file names: a year, a decade, a letter), its lines (an entry each, possibly of several
    text lines), and how many entries they are."""

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


def parts(folder: str, groups: list[Group], budget: int) -> list[Part]:
    """A page per group (a decade, a year, a letter), and a group bigger than ``budget``
    bytes cut into pages "2020s, page 1", "2020s, page 2"... Files are
    ``folder/<key>`` and ``folder/<key>-page-<n>``.

    Titles never depend on how full a page is: groups are not packed together, and a cut
    group's pages are numbered without a total. As the archive grows, pages are added
    and their contents move, but no page changes its title (once a group first spills
    onto a second page its first page becomes "page 1"), so a rebuild patches the other
    pages' sidebars instead of rendering every page again (:mod:`newsbook.freshness`)."""
    out = []
    for group in groups:
        for piece in _pieces(group, budget):
            out.append(Part(f"{folder}/{_slug(piece.key)}", piece.label, (piece,)))
    return out


def _pieces(g: Group, budget: int) -> list[Group]:
    """``g`` itself, or when it alone is bigger than a page its lines in pages of about
    ``budget`` bytes, "2020s, page 2" (entries are lines, and no line is ever cut)."""
    if g.size <= budget:
        return [g]
    runs: list[list[str]] = [[]]
    size = 0
    for line in g.lines:
        if runs[-1] and size + len(line) + 1 > budget:
            runs.append([])
            size = 0
        runs[-1].append(line)
        size += len(line) + 1
    each = g.count / len(g.lines) if g.lines else 0
    return [Group(f"{g.label}, page {i}", f"{g.key}-page-{i}", tuple(run),
                  round(len(run) * each))
            for i, run in enumerate(runs, 1)]


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
    their headings (``level``: ## by default; none for a group the title already names).
    ``title`` and ``back_label`` are MyST already (escaped by the caller)."""
    hashes = "#" * level
    lines = [f"# {title}\\: {part.label}", "",
             f"Part of the [{back_label}](../{back}.md)\\.", ""]
    for g in part.groups:  # (a group alone on its page is named by the page's title)
        head = [] if g.label == part.label else [f"{hashes} {g.label}", ""]
        lines += [*head, *g.lines, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
