"""Inline content of an HTML body: the pieces the mapper collects (text, emphasis, code,
links, footnote markers, ``<br>``) and how they become one paragraph's text, marks and
spans. Kept apart from the mapper because the whitespace rules are the subtle part: a
paragraph's spans must join to exactly its text, and an author's line breaks and blank
lines (two ``<br>``) must survive as breaks and paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span
from .html_tree import WS

#: superscript and subscript digits and signs: "x<sup>2</sup>" is x², "10<sup>6</sup>" is
#: 10⁶ (never the number 106), "H<sub>2</sub>O" is H₂O
SUPERSCRIPT = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
SUBSCRIPT = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
SCRIPTABLE = re.compile(r"^[0-9+\-−=()n]+$")
#: a decimal lowered ("PM<sub>2.5</sub>"): its digits go low, its point stays ("PM₂.₅")
DECIMAL_SUB = re.compile(r"^\d+\.\d+$")


@dataclass
class Piece:
    kind: str
    text: str
    href: str = ""
    mark: int | None = None  # footnote number (text is its digits)
    br: bool = False  # a <br>: a space, or in a paragraph the author's line break
    emph: str = ""  # a link's bold or italics ("strong", "em")


def normalise(pieces: list[Piece], pre: bool = False, breaks: list[int] | None = None
               ) -> tuple[str, tuple, tuple[Span, ...]]:
    """Collapse whitespace across pieces, trim the ends, merge neighbours; returns
    (text, marks, spans) with span texts joining to exactly ``text``. ``breaks``: a list
    that gets the offsets of the spaces that stand for ``<br>`` (else they are spaces)."""
    out: list[Piece] = []
    for p in pieces:
        t = p.text if pre else WS.sub(" ", p.text)
        if breaks is not None and p.br and not pre:
            while out and out[-1].text.endswith(" ") and not out[-1].br:
                out[-1].text = out[-1].text[:-1]  # (the space before a break is the break)
                if not out[-1].text:
                    out.pop()
            if not out or out[-1].br:
                continue  # (a break opening the text, or a second one: one break)
            out.append(Piece(p.kind, " ", p.href, None, True))
            continue
        if not pre and out and out[-1].text.endswith(" ") and t.startswith(" "):
            t = t[1:]
        if not t:
            continue
        out.append(Piece(p.kind, t, p.href, p.mark, emph=p.emph))
    if out and not pre:
        while out and out[-1].br:
            out.pop()  # (a break closing the text)
        out[0].text = out[0].text.lstrip(" ")
        out[-1].text = out[-1].text.rstrip(" ")
        out = [p for p in out if p.text]
    if breaks is not None:
        pos = 0
        for p in out:
            if p.br:
                breaks.append(pos)
            pos += len(p.text)
    merged: list[Piece] = []
    for p in out:
        last = merged[-1] if merged else None
        if last and last.mark is None and p.mark is None and last.kind == p.kind \
                and last.href == p.href and last.emph == p.emph:
            last.text += p.text
        else:
            merged.append(Piece(p.kind, p.text, p.href, p.mark, emph=p.emph))
    text, marks, spans, pos = "", [], [], 0
    for p in merged:
        if p.mark is not None:
            marks.append((pos, p.mark))
        spans.append(Span(p.kind, p.text, p.href, p.emph if p.kind == "link" else ""))
        text += p.text
        pos += len(p.text)
    if all(s.kind == "text" for s in spans):
        spans = []  # plain text needs no spans
    return text, tuple(marks), tuple(spans)


def at_blank_lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Inline pieces split where two ``<br>`` or more follow each other (nothing but
    spaces between): the blank line an author typed between two paragraphs."""
    parts: list[list[Piece]] = [[]]
    held: list[Piece] = []  # (breaks and spaces since the last text)
    for p in pieces:
        if p.br or (p.mark is None and not p.text.strip()):
            held.append(p)
            continue
        if sum(h.br for h in held) >= 2:
            parts.append([])
        else:
            parts[-1] += held
        held = []
        parts[-1].append(p)
    parts[-1] += held
    return parts
