"""Speaker shares of interviews: words and turns per (section, speaker)."""
from __future__ import annotations

import re

from ..model import (ANSWER_LABELS, QA_LABELS, Article, Heading, ListBlock, Paragraph, Turn, anchor_id,
                     interviewee, short_for,
                     source_line, walk, words_in)
from .facts import SpeakerShare


def _words(block) -> int:
    """Words the speaker said in a block of the turn: a lost image's caption or an
    editor's note inside the turn is not the speaker's."""
    if isinstance(block, ListBlock):
        return sum(words_in(i.text) for i in block.items)
    if isinstance(block, (Paragraph, Heading)):
        return words_in(block.text)
    return 0


def speaker_shares(article: Article, stem: str) -> tuple[SpeakerShare, ...]:
    """One row per (section, speaker) in order of first turn. ``section`` is the latest
    top-level heading before the turn ("" before any); words are whitespace tokens of every
    block inside the turn."""
    rows: dict[tuple[str, str], list] = {}
    section = ""
    labels = {b.speaker for b in walk(article.blocks) if isinstance(b, Turn)}
    if any(_READERS.match(label) for label in labels):
        return ()  # (a mailbag, "Reader question:" then "Answer:": no one's share of words)
    full = _questioned(article, labels) if labels and labels <= _QA else _full_names(labels)
    if labels and labels <= _QA and not full:
        return ()  # (questions and answers of no one named, a mailbag's "Q:" and "A:":
        #            how much "A" says beside "Q" is nothing a sentence could not say)

    def visit(blocks, top: bool) -> None:
        nonlocal section
        for b in blocks:
            if isinstance(b, Heading) and top:
                section = b.text
            elif isinstance(b, Turn):
                words = sum(_words(x) for x in walk(b.blocks))
                key = (section, full.get(b.speaker, b.speaker))
                if key not in rows:
                    rows[key] = [0, 0, source_line(article, b.line), anchor_id(stem, article, b)]
                rows[key][0] += words
                rows[key][1] += 1
            elif hasattr(b, "blocks") and type(b).__name__ == "Piece":
                visit(b.blocks, False)

    visit(article.blocks, True)
    return tuple(SpeakerShare(stem, sec, spk, w, t, line, anchor)
                 for (sec, spk), (w, t, line, anchor) in rows.items())


def _full_names(speakers: set[str]) -> dict[str, str]:
    """A speaker named by surname alone after the first turn ("Jane Ortiz: …", then
    "Ortiz: …") -> the full name, when exactly one speaker's name ends in it: one person,
    one bar (her first answer was a bar of its own)."""
    out: dict[str, str] = {}
    for short in speakers:
        if " " in short:
            continue
        longer = [n for n in speakers if short_for(short, n)]
        if len(longer) == 1:  # (or its initials: "TBP" after "The Basis Point")
            out[short] = longer[0]
    return out


_QA = QA_LABELS
#: a mailbag's labels: readers' questions, the newsletter's answers
_READERS = re.compile(r"(?i:readers?['’]?s? (?:question|q|asks?)|your questions?|mailbag)$")


def _questioned(article: Article, labels: set[str]) -> dict[str, str]:
    """A transcript labelled only "Q" and "A": the answers' speaker is the one the
    introduction names ("This week I spoke with Marta Okonkwo, …"), and the questions'
    the interviewer, each with the label as written ("Marta Okonkwo (A)"), so the speaker
    chart names people, not letters. Only when the paragraphs before the first turn name
    exactly one person so: when in doubt, the labels stay as they are."""
    texts: list[str] = []
    for b in article.blocks:
        if isinstance(b, Turn):
            break
        if isinstance(b, Paragraph):
            texts.append(b.text)
    name = interviewee(texts)
    if not name:
        return {}
    out = {}
    for label in labels:
        if label.rstrip(".") in ANSWER_LABELS:
            out[label] = f"{name} ({label})"
        else:
            out[label] = f"Interviewer ({label})"
    return out
