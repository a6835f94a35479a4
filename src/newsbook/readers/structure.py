"""From classified units to nested blocks: lists, turns, asides and digest pieces.

Still part of the FreshRSS reader: the conventions here (two blank lines as a
divider, "X reports:" bylines, "This edition is brought to you by") are the
newsletter-as-copied's, not MyST's.
"""
from __future__ import annotations

import re

from ..model import CJK_CHAR, HANGUL_SYLLABLES, KANA_HAN, QA_LABELS, interviewee
from ..model import (Aside, Block, Caption, Code, Heading, ListBlock, ListItem, Note, Paragraph,
                     Piece, Quote, Table, Turn)
from .prompts import is_sponsor
from .units import BULLET_DEPTH, BY_NAMES, REPORTS, Unit, narration

BIO = re.compile(r"^(?:[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}|Dr\.) (?:is|was) "
                 # (or the newsletter's own: "Jonah Akintola is Skyward Ledger’s columnist")
                 r"(?:a|an|the|from|pursuing|currently|(?:[A-Z][\w&]*\s){0,3}[A-Z]\w*['’]s)\b"
                 r".{0,80}?\b(?:fellow|writer|researcher|"
                 r"student|graduate|scholar|[Ll]ecturer|professor|editor|journalist|analyst|"
                 r"reporter|founder|master’s|PhD|scientist|engineer|author|works|contributor"
                 r"|columnist|correspondent|critic|economist|historian|host|producer)")
ANON = re.compile(r"^Anon(?:ymous)? contributor\b|^Dr\. is [A-Z]")
JOB = re.compile(r"\b(?:is [Hh]iring|[Hh]iring\b|We[’']re looking for\b|We are looking for\b|"
                 r"Join our team\b)")

Marks = dict[int, list[tuple[int, int]]]


def is_byline(text: str) -> bool:
    """Author lines: "Lily Ottinger reports:", "By Lily Ottinger", bios, or a bio whose
    linked name was lost."""
    t = text.strip()
    return bool(REPORTS.match(t) or BY_NAMES.match(t) or BIO.match(t) or ANON.match(t)
                or (t[:1].islower() and len(t) < 200))


def names_byline(units: list[Unit]) -> str:
    """The names of a "By Priya Natarajan" line standing first in the article (right under
    its date), which then becomes the article's byline: the page shows it in its header,
    as it shows the date line, and not again as a paragraph (the unit's kind becomes
    "byline", which :func:`build` leaves out). "" when the article opens otherwise."""
    first = next((u for u in units if u.kind != "cta"), None)
    if first is None or first.kind != "para" or len(first.lines) != 1:
        return ""
    m = BY_NAMES.match(first.text.strip())
    if not m:
        return ""
    first.kind = "byline"
    return m.group(1)


def find_byline(units: list[Unit]) -> str:
    """The article's author or byline line, if one of its first units is one."""
    for u in [u for u in units if u.kind != "cta"][:8]:
        if u.kind in ("para", "caption") and (REPORTS.match(u.text) or BIO.match(u.text)
                                              or ANON.match(u.text)):
            return u.text.strip()
    return ""


def _marks_for(u: Unit, marks: Marks, cut: int = 0) -> tuple[tuple[int, int], ...]:
    """Markers found on the unit's line, shifted by ``cut`` leading characters removed."""
    return tuple((off - cut, n) for off, n in marks.get(u.line, ()) if off >= cut)


def _joined(u: Unit, marks: Marks, wrapped: bool = False
            ) -> tuple[tuple[str, ...], str, tuple[tuple[int, int], ...], tuple[int, ...]]:
    """A unit's stripped lines; their text joined by spaces (``wrapped``, prose wrapped at
    a fixed width: by nothing after a word broken at its hyphen, "well-" / "meaning"); the
    markers of every line at their offsets in that text; and where each further line
    starts in it."""
    lines = tuple(s.strip() for s in u.lines)
    text, found, starts = "", [], []
    for k, line in enumerate(lines):
        if k:
            if not (wrapped and _HYPHENATED.search(text) and line[:1].islower()):
                text += " "
            starts.append(len(text))
        found += [(len(text) + off, n) for off, n in marks.get(u.line + k, ())]
        text += line
    return lines, text, tuple(found), tuple(starts)


#: a line ending in a word broken at its hyphen
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def _caption(u: Unit, marks: Marks) -> Caption:
    lines, _, found, _ = _joined(u, marks)
    return Caption(lines, u.line, found)


def _simple(u: Unit, marks: Marks, level: int) -> Block:
    text = u.text.strip()
    if u.kind == "heading":
        return Heading(text, u.line, level)
    if u.kind == "numbered_heading":
        return Heading(f"{u.extra['label']} {u.extra['text'].strip()}", u.line, level)
    if u.kind == "caption":
        return _caption(u, marks)
    if u.kind == "note":
        return Note(text, u.line)
    if u.kind == "code":  # (program text as written: indentation kept, markers never read)
        return Code("\n".join(s.rstrip() for s in u.lines), u.line)
    if u.kind == "table":  # (a table copied as text: tab-separated cells; no marker read)
        return Table(tuple(u.extra["rows"]), u.line)
    if len(u.lines) > 1 and u.kind in ("lines", "post"):  # (text broken into lines)
        _, joined, found, starts = _joined(u, marks)
        para = Paragraph(joined, u.line, found, (), tuple(k - 1 for k in starts))
        return Quote((para,), u.line) if u.kind == "post" else para  # (a post: quoted)
    if len(u.lines) > 1:  # (prose wrapped at a fixed width, or a lead-in)
        _, joined, found, starts = _joined(u, marks, wrapped=True)
        return Paragraph(joined, u.line, found, (), (), starts)
    return Paragraph(text, u.line, _marks_for(u, marks))


def _item(u: Unit, marks: Marks, depth: int = 0) -> ListItem:
    stripped = u.lines[0].strip()
    body = u.extra["text"].strip()
    return ListItem(body, u.line, _marks_for(u, marks, len(stripped) - len(body)),
                    u.extra["label"], depth=depth)


def _indent(u: Unit) -> int:
    """The width of an item line's indentation (a tab as four spaces)."""
    line = u.lines[0].replace("\t", "    ")
    return len(line) - len(line.lstrip())


def _depths(items: list[Unit]) -> list[int]:
    """How deep each item of one run is: by its indentation among the run's (deeper
    indentation, deeper item), else, when every item is indented alike, by its bullet
    (a browser's "◦" is one level down, "▪" two); never more than one level below the
    item before it."""
    widths = sorted({_indent(u) for u in items})
    out: list[int] = []
    for u in items:
        d = widths.index(_indent(u)) if len(widths) > 1 else \
            BULLET_DEPTH.get(u.extra["label"], 0)
        out.append(min(d, out[-1] + 1 if out else 0))
    return out


def _blocks(units: list[Unit], marks: Marks, level: int, *, nest: bool = True) -> list[Block]:
    """Sequential blocks: lists grouped, turns and asides gathering what follows them."""
    out: list[Block] = []
    i = 0
    while i < len(units):
        u = units[i]
        if u.kind == "item":
            j = i + 1
            while j < len(units) and units[j].kind == "item" and (
                    _indent(units[j]) > _indent(u)  # (a nested list's item)
                    or units[j].extra["label"][0].isdigit() == u.extra["label"][0].isdigit()):
                j += 1
            depths = _depths(units[i:j])
            items = tuple(_item(v, marks, d) for v, d in zip(units[i:j], depths))
            out.append(ListBlock(u.extra["label"][0].isdigit(), items, u.line))
            i = j
            continue
        if nest and u.kind == "para" and (is_sponsor(u.text) or (not out and JOB.search(u.text))):
            j = _aside_end(units, i)
            kind = "sponsor" if is_sponsor(u.text) else "job"
            out.append(Aside(kind, tuple(_flat(units[i:j], marks, level)), u.line))
            i = j
            continue
        if nest and u.kind == "speaker":
            j = i + 1  # a turn runs to the next speaker, heading, divider or sponsor block,
            # or to a table or program text (the newsletter's own, set after the interview)
            while j < len(units) and not units[j].divider and \
                    units[j].kind not in ("heading", "numbered_heading", "speaker", "table",
                                          "code") and \
                    not (units[j].kind == "para" and is_sponsor(units[j].text)):
                j += 1
            if u.extra.get("stamp") and (j == len(units) or units[j].kind != "speaker"):
                j = i + 1  # (a transcript's last timed turn is its line: what follows, "The
                # full transcript is on our website.", is the newsletter's, not the speaker's)
            elif not any(v.kind == "speaker" for v in units[j:]):  # (the interview's last)
                who = u.extra["name"]
                if who in QA_LABELS:  # ("A:": the one the introduction names answers, and
                    # "Kellett's contract runs until …" after the last answer is no answer)
                    first = next(k for k, v in enumerate(units) if v.kind == "speaker")
                    who = interviewee([v.text for v in units[:first] if v.kind == "para"]) or who
                j = next((k for k in range(i + 1, j)
                          if narration(units[k].text, who)
                          or _section_title(units[k], units[k + 1:k + 2])), j)
            if j < len(units) and units[j].kind in ("table", "code") and j > i + 1 \
                    and units[j - 1].kind == "para" and units[j - 1].text.rstrip().endswith(":"):
                j -= 1  # (and the line that introduces it: "The results, as reported:")
            name, said = u.extra["name"], u.extra["text"].strip()
            first = Paragraph(said, u.line, _marks_for(u, marks, len(u.text.strip()) - len(said)))
            # nothing nests inside a turn (no asides: a turn is one container); a timed
            # turn's time is the turn's, before the name, so what the speaker says stays a
            # verbatim part of its line for the facts that quote it
            out.append(Turn(name, tuple([first] + _blocks(units[i + 1:j], marks, level,
                                                          nest=False)), u.line,
                            u.extra.get("stamp", "")))
            i = j
            continue
        out.append(_simple(u, marks, level))
        i += 1
    return out


def _section_title(u: Unit, after: list[Unit]) -> bool:
    """A short line that ends no sentence, over more text, after an interview's last answer:
    the newsletter's own next section ("Coming up" over its dates), which the answer held."""
    t = u.text.strip()
    return u.kind in ("para", "caption") and len(u.lines) == 1 and 1 <= len(t.split()) <= 5 \
        and t[:1].isupper() and t[-1:].isalnum() and bool(after) and \
        after[0].kind in ("para", "lines", "item", "caption")


#: how an advertisement or a job notice ends: what to do next (an address, "Reach out")
AD_END = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:com|io|ai|co|org|net|app|dev|example"
                    # (and a country's address: "voltika.pl", "rotanorte.com.br")
                    r"|pl|de|fr|nl|es|it|pt|br|cn|jp|kr|uk|eu|ch|at|be|se|dk|fi|ie|ca|au|nz"
                    r"|mx|ar|cl|cz)\b"
                    # (what to do next, as a sentence opens with it: "Apply today", not
                    # "(variable; terms apply)", which ended a sponsor's aside in its list)
                    r"|\w@[\w-]+\.\w|\b(?-i:Reach out|Learn more|Sign up|Book a demo|Get started"
                    r"|Try it|Start your|Visit|Use (?:the )?code|Respond to|Apply|Email us"
                    # (and in the other languages read: "Sprawdź ofertę", "Saiba mais")
                    r"|Sprawdź|Odwiedź|Dowiedz się|Bezoek|Meer info|Saiba mais|Acesse|Visite"
                    r"|Más información|En savoir plus|Mehr erfahren|Scopri di più)\b"
                    r"|了解更多|访问|詳しくは", re.I)
#: at most this many blocks follow a sponsor's or a job notice's opening line
AD_MOST = 6


def _aside_end(units: list[Unit], i: int) -> int:
    """Where the aside opened by ``units[i]`` ends: after the first of its blocks that
    says what to do next (:data:`AD_END`: the advertisement ends there), else at the next
    divider, heading or speaker when that comes within :data:`AD_MOST` blocks, else after
    the opening line and one block (what follows an advertisement with no end in sight is
    the newsletter's own text, which must not be folded away)."""
    if _whole_ad(units[i].text) and not AD_END.search(units[i].text):
        # (an opening paragraph that is the whole advertisement: what follows is the post's
        # own, "City Manager Rosa Delgado released …", unless it says what to do next)
        return i + 1 + (i + 1 < len(units) and AD_END.search(units[i + 1].text) is not None
                        and len(units[i + 1].text) <= 200)
    j = i
    while j < len(units) and j - i <= AD_MOST:
        v = units[j]
        if j > i and (v.divider or v.kind in ("heading", "numbered_heading", "speaker")):
            return j
        if AD_END.search(v.text):
            return j + 1
        j += 1
    # (also when the post ends within AD_MOST blocks: a short post's own text after a
    # sponsor's line with no end in sight was folded into the aside whole)
    return min(i + 2, len(units))


_SENTENCE_BREAK = re.compile(rf"[.!?]\s+[A-Z(\"“{KANA_HAN}{HANGUL_SYLLABLES}]|[;:]\s|[。！？]\S")
#: (a sentence after a full stop in a script with no capitals, Korean, Japanese, Chinese:
#: "이번 호는 집품의 후원으로 발행됩니다. 집품은 …" is the whole advertisement, and the
#: section after it was folded away)


def _whole_ad(text: str) -> bool:
    """Whether a sponsor's opening paragraph is the advertisement itself, not a line
    announcing it: two sentences or more ("This post is brought to you by Hadley & Sons
    Hardware, 2200 Delmar Ave. Snow shovels … are in stock; call (217) 555-0150 …")."""
    wide = len(CJK_CHAR.findall(text)) if not text.isascii() else 0  # (a Hangul or Han
    #                                              character says as much as three Latin ones)
    return len(text) + 2 * wide > 120 and _SENTENCE_BREAK.search(text) is not None


def _flat(units: list[Unit], marks: Marks, level: int) -> list[Block]:
    """Blocks of an aside: lists grouped, nothing else nested."""
    return _blocks(units, marks, level, nest=False)


def _piece_starts(units: list[Unit]) -> list[tuple[int, int]]:
    """``[(title index or -1, first unit index)]`` of digest pieces."""
    starts = []
    for i, u in enumerate(units):
        if u.kind == "heading" and u.divider and i > 0:
            starts.append((i, i))
        elif u.kind in ("para", "caption") and REPORTS.match(u.text.strip()):
            prev = units[i - 1] if i > 0 else None
            if prev is not None and prev.kind in ("heading", "para", "caption") and \
                    len(prev.text) <= 80 and prev.text.strip()[-1] not in ".!" and \
                    not any(s == i - 1 for s, _ in starts):
                starts.append((i - 1, i - 1))
            elif not any(s == i - 1 for s, _ in starts):
                starts.append((-1, i))
    return starts


def _piece(units: list[Unit], marks: Marks, titled: bool) -> Piece:
    title = units[0].text.strip() if titled else ""
    rest = units[1:] if titled else units
    byline = ""
    for k, v in enumerate(rest[:3]):
        if v.kind in ("para", "caption") and is_byline(v.text):
            byline = v.text.strip()
            rest = rest[:k] + rest[k + 1:]
            break
    blocks = _blocks(rest, marks, 3)
    if JOB.search(title) and blocks:
        blocks = [Aside("job", tuple(blocks), rest[0].line)]
    return Piece(title, byline, tuple(blocks), units[0].line)


def build(units: list[Unit], marks: Marks) -> list[Block]:
    """Turn classified units into the article's block tree."""
    units = [u for u in units if u.kind not in ("cta", "byline")]
    starts = _piece_starts(units)
    if len(starts) < 2:
        return _blocks(units, marks, 2)
    out: list[Block] = []
    first = starts[0][1]
    intro = units[:first]
    if intro and intro[0].kind == "heading":
        out.append(_piece(intro, marks, True))
    elif intro:
        out.extend(_blocks(intro, marks, 2))
    bounds = [s for _, s in starts] + [len(units)]
    for k, (title_at, begin) in enumerate(starts):
        out.append(_piece(units[begin:bounds[k + 1]], marks, title_at >= 0))
    return out
