"""Footnotes numbered in brackets, as many writers type them by hand: "… up from 9% in
2016.[1]" in the text, and at the end a list "[1] Harlow County Clerk, …", often under a
"Notes" title. Substack's own footnotes (a bare "1" line over each note) are
:func:`newsbook.readers.units.find_footnotes`'s.

Such a list may start at any number: a reader who copied only the second part of a series
has its notes [4] to [7]. The brackets of a marker found in the text are its marker, as a
Substack marker's glued digits are: the paragraph keeps the number, and the page shows it
as a link to its note (and the note links back).
"""
from __future__ import annotations

import re

from ..model import Paragraph
from .prompts import is_cta
from .units import Unit, find_markers, table_rows

#: a note of the list: "[4] Westmark Board of Elections, certified results.", or, as a
#: blog's footnotes copy as text, a numbered item ending in its back-link's arrow ("1. Our
#: blend of four datasets. ↩", the arrow is no word of the note)
NOTE_LINE = re.compile(r"^(?:\[(\d{1,3})\]\s+(\S.*)|(\d{1,3})\.\s+(\S.*?)\s*↩[\ufe0e\ufe0f]?)$")


def _note(line: str) -> tuple[int, str] | None:
    m = NOTE_LINE.match(line.strip())
    if not m:
        return None
    return (int(m.group(1)), m.group(2)) if m.group(1) else (int(m.group(3)), m.group(4))
#: the list's own title, which the page's footnotes take the place of
NOTES_TITLE = re.compile(r"^(?:Notes|Footnotes|Endnotes|References|Sources|Citations"
                         # (and in other languages: "Anmerkungen", "Notas", "注释", "脚注")
                         r"|Anmerkungen|Fußnoten|Fussnoten|Notas|Noten|Voetnoten|Note"
                         r"|注释|註釋|注釈|脚注|注|参考文献)\s*[:：]?$", re.I)

Notes = list[tuple[int, list[Paragraph]]]
Marks = dict[int, list[tuple[int, int]]]


def bracket_footnotes(units: list[Unit], names: frozenset[str] = frozenset()
                      ) -> tuple[list[Unit], Notes, Marks]:
    """The units before the notes, the notes ``[(number, paragraphs)]`` and the markers
    ``{line: [(offset in the stripped line, number)]}``, as ``find_footnotes`` and
    ``find_markers`` give them. Nothing changes unless the copy ends in a list of notes
    numbered one after another and at least one of them is marked in the text."""
    start = _list_start(units)
    if start is None:
        return units, [], {}
    notes: Notes = []
    for v in units[start:]:
        got = _note(v.lines[0])
        if got and (not notes or got[0] == notes[-1][0] + 1):
            rest = [Paragraph(s.strip(), v.line + k) for k, s in enumerate(v.lines[1:], 1)]
            notes.append((got[0], [Paragraph(got[1].strip(), v.line), *rest]))
        elif not is_cta(v.text.strip(), names):  # (a prompt after the notes is none of them)
            notes[-1][1].extend(Paragraph(s.strip(), v.line + k) for k, s in enumerate(v.lines))
    body = units[:start]
    if body and NOTES_TITLE.match(body[-1].text.strip()) and len(body[-1].lines) == 1:
        body = body[:-1]
    marks = _markers(body, [n for n, _ in notes])
    if not marks and notes[0][0] == 1:  # (markers glued to words, as Substack's are)
        marks = find_markers(body, len(notes))
    if not marks:
        return units, [], {}
    return body, notes, marks


def _list_start(units: list[Unit]) -> int | None:
    """Where the closing list of notes starts: the first unit opening with "[k] " from
    which every later such unit goes on with k + 1, k + 2 … to the end."""
    for i, u in enumerate(units):
        got = _note(u.lines[0])
        if not got:
            continue
        expect = got[0]
        for v in units[i:]:
            gv = _note(v.lines[0])
            if gv:
                if gv[0] != expect:
                    break
                expect += 1
        else:
            return i
    return None


def _markers(units: list[Unit], numbers: list[int]) -> Marks:
    """Find "[n]" for each note number in reading order (program text and tables hold
    none); each found is rewritten in its unit's line as the bare number, which the mark
    points at."""
    found: Marks = {}
    todo = list(numbers)
    for u in units:
        if u.extra.get("code") or table_rows(u.lines):
            continue
        for k, raw in enumerate(u.lines):
            pad = len(raw) - len(raw.lstrip())
            pos = 0
            while todo:
                hit = raw.find(f"[{todo[0]}]", pos)
                if hit < pad + 1:  # (none, or opening the line: a note, not a marker)
                    break
                n = todo.pop(0)
                raw = raw[:hit] + str(n) + raw[hit + len(str(n)) + 2:]
                found.setdefault(u.line + k, []).append((hit - pad, n))
                pos = hit + len(str(n))
            u.lines[k] = raw
    return found
