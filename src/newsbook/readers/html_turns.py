"""An interview in HTML: paragraphs that open with a speaker's name in bold,
``<p><strong>Paula Serrat:</strong> …</p>`` (or ``<strong>Paula Serrat</strong>: …``).

The text copy's reader tells turns by the line shape "Name: text"
(:mod:`newsbook.readers.classify`); an HTML body says more, since the name is set in bold,
so a name of any case ("Agua y Surco", "María de la Cruz") is a speaker when two names
or more each open two paragraphs or more. A turn runs to the next speaker's paragraph or
the next block that is no paragraph, list or quote (a heading, a figure, a card), or a
paragraph set in italics (an editor's note), and keeps every word: only the label
moves into the turn's speaker.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import QA_LABELS, Block, ListBlock, Paragraph, Quote, Span, Turn, interviewee, short_for
from .units import narration

#: a bold label: a name of one to six words, then a colon (in the bold or just after it)
_LABEL = re.compile(r"^([^\W\d_][\w.’'()&-]*(?: [\w.’'()&-]+){0,5}?"  # ("P&P:")
                    r"(?: \([^()]{1,60}\))?)\s*:?\s*$")  # ("Tom Ackroyd (Ackroyd Lettings, Leeds):")
#: the fewest paragraphs each speaker opens
_TURNS = 2


def turns(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each interview turn gathered into a :class:`Turn`."""
    labels = [_label(b) for b in blocks]
    counts: dict[str, int] = {}
    for lab in labels:
        if lab:
            counts[lab[0]] = counts.get(lab[0], 0) + 1
    speakers = {n for n, k in counts.items() if k >= _TURNS}
    # (a full name once, then its surname or initials: "Adaeze Lindqvist:", "Lindqvist:"…;
    # "Platform & Precedent:", "P&P:"…: one speaker, whose first turn counts too)
    speakers |= {n for n, k in counts.items() if k == 1 and any(short_for(s, n) for s in speakers)}
    if len(speakers) < 2:
        return blocks
    # (a full name that speaks once, between two turns: a producer's "Sorry to jump in",
    # whose words were the guest's)
    speakers |= {lab[0] for k, lab in enumerate(labels) if lab and counts[lab[0]] == 1
                 and len(lab[0].split()) >= 2 and any(
                     0 <= x < len(labels) and labels[x] and labels[x][0] in speakers
                     for x in (k - 1, k + 1))}
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        lab = labels[i]
        if not lab or lab[0] not in speakers:
            out.append(blocks[i])
            i += 1
            continue
        j = i + 1
        while j < len(blocks) and isinstance(blocks[j], (Paragraph, ListBlock, Quote)) and not (
                labels[j] and labels[j][0] in speakers) and not _aside(blocks[j]):
            j += 1
        if not any(lab and lab[0] in speakers for lab in labels[j:]):
            # (the interview's last turn: what follows about it, or about the speaker by
            # name, is the newsletter's, not the speaker's words)
            who = lab[0]
            if who in QA_LABELS:  # ("A:": whom the introduction names, :func:`interviewee`)
                first_turn = next(k for k, x in enumerate(labels) if x and x[0] in speakers)
                who = interviewee([b.text for b in blocks[:first_turn]
                                   if isinstance(b, Paragraph)]) or who
            j = next((k for k in range(i + 1, j) if isinstance(blocks[k], Paragraph)
                      and narration(blocks[k].text, who)), j)
        first = _without_label(blocks[i], lab[1])
        out.append(Turn(lab[0], (first, *blocks[i + 1:j]), blocks[i].line, lab[2]))
        i = j
    return out


def _aside(b: Block) -> bool:
    """A paragraph set in italics after an interview (the editor's note on where the book
    is published) is no answer's: it ends the turn."""
    if not isinstance(b, Paragraph) or not b.spans or b.spans[0].kind != "em":
        return False
    # (mostly: a book's title inside an italic note is set upright)
    return 10 * sum(len(s.text) for s in b.spans if s.kind == "em") >= 6 * len(b.text)


#: a transcript's time after the bold name: "<strong>Priya Raman</strong> [00:11:09]: …"
_STAMP_AFTER = re.compile(r"\s*[\[(](\d{1,2}:\d{2}(?::\d{2})?)[\])]\s*:\s*")


#: a transcript's time before the name: "[00:00:48] <strong>Mara Ellison:</strong> …", or
#: inside the bold: "<strong>[00:00:35] Mara Ellison:</strong> …"
_STAMP_BEFORE = re.compile(r"^\s*[\[(](\d{1,2}:\d{2}(?::\d{2})?)[\])]\s*")
#: a question-and-answer transcript's labels, bold or not: "Q: …", "<strong>Q: What …?
#: </strong>", "A: …"
_QA = re.compile(r"^(Q|A)\s?[:.]\s")


def _label(b: Block) -> tuple[str, int, str] | None:
    """(speaker, characters of the label, its time or "") when the paragraph opens with a
    bold name (its time before it or in the bold), or with "Q:" or "A:"."""
    if not isinstance(b, Paragraph):
        return None
    if (qa := _QA.match(b.text)) is not None:
        return qa.group(1), qa.end(), ""
    if not b.spans:
        return None
    if b.spans[0].kind != "strong":
        stamp = _STAMP_BEFORE.fullmatch(b.spans[0].text)
        if stamp is None or len(b.spans) < 2 or b.spans[1].kind != "strong":
            return None
        rest = _label(replace(b, text=b.text[stamp.end():], spans=b.spans[1:]))
        return (rest[0], stamp.end() + rest[1], _as_written(stamp)) if rest and not rest[2] \
            else None
    bold = b.spans[0].text
    if (stamp := _STAMP_BEFORE.match(bold)) is not None and stamp.end() < len(bold):
        rest = _label(replace(b, text=b.text[stamp.end():],
                              spans=(Span("strong", bold[stamp.end():]), *b.spans[1:])))
        return (rest[0], stamp.end() + rest[1], _as_written(stamp)) if rest and not rest[2] \
            else None
    m = _LABEL.match(bold)
    if not m:
        return None
    if not bold.rstrip().endswith(":") and not b.text[len(bold):].startswith(":"):
        stamp = _STAMP_AFTER.match(b.text, len(bold))
        if stamp is None:
            return None
        return m.group(1).strip(), stamp.end(), _as_written(stamp)
    end = _label_length(b.text)
    # (and a time right after the label, "<strong>Lena Fischer:</strong> [00:02:10] Thanks":
    # the turn's time, as one before the name is, not words the speaker says)
    if (stamp := _STAMP_BEFORE.match(b.text[end:])) is not None and stamp.end() < len(b.text) - end:
        return m.group(1).strip(), end + stamp.end(), _as_written(stamp)
    return m.group(1).strip(), end, ""


def _as_written(stamp: re.Match) -> str:
    """A turn's time as the transcript writes it, brackets and all ("[00:01:40]"): its
    brackets were dropped."""
    return stamp.group(0).strip().rstrip(":").strip()


def _label_length(text: str) -> int:
    """Characters of "Name:" and the spaces after it at the start of ``text``."""
    k = text.index(":") + 1
    while k < len(text) and text[k] == " ":
        k += 1
    return k


def _without_label(p: Paragraph, cut: int) -> Paragraph:
    """The paragraph with its first ``cut`` characters (the label) taken off, its inline
    markup, footnote markers and line breaks moved with the text."""
    spans, left = [], cut
    for s in p.spans:
        if left >= len(s.text):
            left -= len(s.text)
            continue
        spans.append(Span(s.kind, s.text[left:], s.href, s.emph) if left else s)
        left = 0
    return replace(p, text=p.text[cut:], spans=tuple(spans),
                   marks=tuple((o - cut, n) for o, n in p.marks if o >= cut),
                   breaks=tuple(b - cut for b in p.breaks if b > cut),
                   wraps=tuple(w - cut for w in p.wraps if w > cut))
