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
from .escape import escape_text

TITLE = "People and organisations"
_ANCHOR = re.compile(r"^[a-z][a-z0-9-]*$")
_STEM = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KINDS = {"person": "person", "organisation": "organisation"}


def render_people(entries: list[PeopleEntry]) -> str:
    """The page, or "" when there is nobody to list (then it is not written)."""
    entries = [e for e in entries if e.chapters]
    if not entries:
        return ""
    lines = [f"# {TITLE}", "",
             escape_text("Everyone and every organisation the articles name, A to Z, with the "
                         "role the text gives them beside their name, quoted as written (none "
                         "where the text gives none). Each chapter link opens the first "
                         "paragraph that names them; the number counts that chapter's "
                         "paragraphs naming them."), ""]
    groups: dict[str, list[PeopleEntry]] = {}
    for e in entries:
        groups.setdefault(letter(e.name), []).append(e)
    order = sorted(groups, key=lambda g: (g == OTHER, g))
    for group in order:
        lines += [f"## {escape_text(group)}", ""]
        for e in groups[group]:
            lines.append(entry_line(e))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


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
        links.append(f"[{escape_text(c.title)} \\({len(c.anchors)}\\)]"
                     f"(#{c.anchors[0]})")
    return "- " + " · ".join(bits) + (" — " + "; ".join(links) if links else "")
