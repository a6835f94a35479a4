"""Footnotes in HTML bodies: how a marker and a note are told, in Substack's markup (with
or without the classes an export may strip) and in other tools' (Markdown, WordPress,
Ghost: ``#fn1`` links and a ``footnotes`` list). The mapper links them both ways.
"""
from __future__ import annotations

import re

from .html_tree import Node

FOOTNOTE_REF = re.compile(r"^#footnote-(\d+)$")
#: other tools' footnotes: a marker's link ends in "#fn1", "#fn:1" or "#fn-1" (the
#: address before it, if any, is the article's own); the notes' block, and each note's id
#: (Jetpack and PHP Markdown Extra number a post's notes "fn-2231-1": the post, its note)
NOTE_HREF = re.compile(r"#(?:fn[:-]?(?:\d{1,9}-)?|footnote-|[\w-]*-fn-)(\d{1,5})$")
#: a Substack note's number, when the export kept no class: a link back to its marker
#: ("https://x.substack.com/#footnote-anchor-2", FreshRSS makes the address whole)
NOTE_BACK = re.compile(r"#footnote-anchor-(\d{1,5})$")
NOTE_LISTS = {"footnotes", "footnote-list", "footnotes-list", "wp-block-footnotes"}
#: WordPress's own footnotes (6.3 and later): the marker is ``sup.fn`` around a link to the
#: note's id, a random one; the notes are ``ol.wp-block-footnotes``, in order
NOTE_SUPS = {"fn"}
NOTE_ID = re.compile(r"^fn[:-]?(?:\d{1,9}-)?(\d{1,5})$")


def bare_note(c: Node) -> bool:
    """A Substack note whose classes the export dropped: a block opening with a link back
    to its marker, numbered as the link says ("<div><a href="…#footnote-anchor-2">2</a>
    <div><p>…</p></div></div>")."""
    first = next((n for n in c.children if isinstance(n, Node)), None)
    if first is None or first.tag != "a":
        return False
    m = NOTE_BACK.search(first.attrs.get("href", ""))
    return m is not None and first.text().strip() == m.group(1)


def note_item(n: Node) -> bool:
    """A footnote list's item, by its id (``fn:1``): Python-Markdown's ``div.footnote``."""
    return n.tag == "li" and NOTE_ID.match(n.attrs.get("id", "")) is not None


def note_ref(a: Node) -> int | None:
    """The number of another tool's footnote marker (``<a href="#fn1">1</a>``, its text
    the number, perhaps in brackets), else None."""
    m = NOTE_HREF.search(a.attrs.get("href", ""))
    if not m:
        return None
    return int(m.group(1)) if a.text().strip().strip("[]") == m.group(1) else None


def footnote_number(a: Node) -> int | None:
    """A Substack marker's number: its link's (``#footnote-2``), else its text's digits."""
    m = FOOTNOTE_REF.match(a.attrs.get("href", ""))
    return number_in(m.group(1) if m else a.text())


def number_in(text: str) -> int | None:
    """The number a marker's or a note's text gives by its digits (five at most)."""
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits and len(digits) < 6 else None
