"""Writer for ``people.md``: the people and organisations the articles name.

Entries come from :func:`newsbook.people.people_entries`. Names are grouped by first
letter (A-Z, then one "Other scripts" group for Han, kana, hangul and the rest); each
shows its kind, the role the text gives (verbatim) and one link per chapter, labelled
with the chapter's title and how many of its paragraphs name it, opening the first.
Feed text goes only through :mod:`escape`; links go only to the chapters' paragraph
targets, ``(p-<stem>-<n>)=`` (:func:`newsbook.model.anchor_id`), as ``[…](#p-<stem>-<n>)``
like the glossary's (myst checks a ``chapters/x.md#id`` link against headings only, so
``-W`` would fail on it; the label form resolves across documents).
"""
from __future__ import annotations

import re

from ..people import OTHER, PeopleEntry, letter
from . import split_pages
from .escape import escape_text, escape_title

TITLE = "People and organisations"
_ANCHOR = re.compile(r"^[a-z][a-z0-9-]*$")
_STEM = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = {"person": "person", "organisation": "organisation"}


def render_people(entries: list[PeopleEntry]) -> str:
    """``people.md`` alone, or "" (:func:`render_people_pages` has every page)."""
    return render_people_pages(entries).get("people.md", "")


def render_people_pages(entries: list[PeopleEntry], budget: int | None = None
                        ) -> dict[str, str]:
    """``{path: text}``: the page, and when its list is longer than one page holds
    (``budget``) the pages A to Z it is split into (:mod:`split_pages`), in toc order;
    ``{}`` when there is nobody to list (then nothing is written)."""
    budget = budget or split_pages.PAGE_BYTES
    entries = [e for e in entries if e.chapters]
    if not entries:
        return {}
    lines = [f"# {TITLE}", "",
             escape_text("Everyone and every organisation the articles name, A to Z, with the "
                         "role the text gives them beside their name, quoted as written (none "
                         "where the text gives none). Each chapter link opens the first "
                         "paragraph that names them; the number counts that chapter's "
                         "paragraphs naming them."), ""]
    by: dict[str, list[PeopleEntry]] = {}
    for e in entries:
        by.setdefault(letter(e.name), []).append(e)
    groups = [split_pages.Group(escape_text(g), g, tuple(entry_line(e) for e in by[g]),
                                len(by[g]))
              for g in sorted(by, key=lambda g: (g == OTHER, g))]
    if not split_pages.needs_split(groups, budget):
        for g in groups:
            lines += [f"## {g.label}", "", *g.lines, ""]
        return {"people.md": "\n".join(lines).rstrip("\n") + "\n"}
    found = split_pages.parts("people", groups, budget)
    lines += [escape_text(f"{sum(p.count for p in found):,} names, on {len(found)} pages:"), "",
              *split_pages.index_lines(found, "names")]
    files = {"people.md": "\n".join(lines).rstrip("\n") + "\n"}
    for part in found:
        files[f"{part.file}.md"] = split_pages.part_page(part, TITLE, "people", TITLE)
    return files


def entry_line(e: PeopleEntry) -> str:
    """``- **Name** · person · *role* — [Chapter (3)](#p-x-12); …``"""
    bits = [f"**{escape_text(e.name)}**"]
    if e.kind in KINDS:
        bits.append(KINDS[e.kind])
    if e.role:
        bits.append(f"*{escape_text(e.role)}*")
    links = []
    for c in e.chapters:
        if not (c.anchors and _STEM.match(c.stem) and _ANCHOR.match(c.anchors[0])
                and c.anchors[0].startswith(f"p-{c.stem}-")):
            continue  # our own ids only; anything else is a bug upstream, never a link
        links.append(f"[{escape_title(c.title)} \\({len(c.anchors)}\\)]"
                     f"(#{c.anchors[0]})")
    return "- " + " · ".join(bits) + (" — " + "; ".join(links) if links else "")
