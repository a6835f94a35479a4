"""Line-level shapes of the FreshRSS text copy: units, footnotes, markers, and the
patterns of its lines.

A *unit* is a run of consecutive non-blank lines (paragraphs are separated by
blank lines in the copy; two blank lines mark a divider). Classification
(:mod:`newsbook.readers.classify`) is a table of shape tests, checked in order, plus
curated hints for the few lines whose shape alone is ambiguous.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import HANGUL_SYLLABLES, KANA_HAN, UNSPACED_CHAR, Paragraph
from .prompts import is_cta

#: a list item as a browser copies one: indented, then a bullet (a nested list's "◦" or
#: "▪" too) or a number
LIST_ITEM = re.compile(r"^[ \t]+([•◦▪▫‣⁃]|\d{1,3}\.)[ \t]+(\S.*)$")
#: the bullets browsers give lists one, two and three levels deep
BULLET_DEPTH = {"•": 0, "◦": 1, "▪": 2, "▫": 2, "‣": 1, "⁃": 1}
#: an item of a list typed as text, with no indentation ("1. Moved the ewes", "• Apple"):
#: only next to another one (a lone "1. Title" is a section's title, "2025. It" prose)
TYPED_ITEM = re.compile(r"^(•|\d{1,3}\.)[ \t]+(\S.*)$")
#: (a French colon has a space before it, often a no-break one: "Élise Marchand : …")
#: (and a Japanese or Chinese name, two kana or Han or more, before a full-width colon or
#: a plain one: "田中：対象は人口約2万8千人の町と…")
SPEAKER = re.compile(r"^((?:[A-ZÀ-ÖØ-Þ][\w.’'\-]+(?: (?:(?:van|de|der|den|von|da|di|du|del|dos|das"
                     r"|ter|ten|le|la|bin|al)(?: (?:der|den|de|la))? )?[A-ZÀ-ÖØ-Þ][\w.’'\-]+){0,3})"
                     r"(?=[ \u00a0\u202f]?: )"
                     r"|[" + KANA_HAN + HANGUL_SYLLABLES + r"]{2,8}(?=[：:]))"
                     r"(?:[ \u00a0\u202f]?: |[：:][ \u3000]?)(\S.*)$")
NOTE = re.compile(r"^\[[^\[\]]+\]$")
#: an audio or video player's clock ("0:00", "-45:12"): the player's, not the text's
PLAYER_TIME = re.compile(r"^(?:[-−/] ?)?\d{1,2}:\d{2}(?::\d{2})?$|^\d(?:\.\d{1,2})?[×x]$")
#: an embedded post's (a tweet's) first line: its author and handle, "Ryan Holt @ryanholt"
POST_HEAD = re.compile(r"^\S.{0,60} @\w{1,15}$")
#: (and as French writes it, a space before the colon: "Source : RTAE.")
SOURCE_TAIL = re.compile(r"(?:\(Source\)|\bSource\.?|\bSource \| Archive"
                         r"|\bSources?[\u00a0\u202f ]?: [^.]{1,60}\.?"
                         r"|\(Sources?[\u00a0\u202f ]?: [^)]*\)|; source)$")
ALT_TEXT = "AI-generated content may be incorrect."
NOT_SPEAKERS = {"Source", "Disclaimer", "Note", "Update", "Correction", "Q", "A",
                # (a notice board's labels: "Found: a blue boot…", "Lost: a tabby cat…")
                "Found", "Lost", "Wanted", "For sale", "Free", "Where", "When", "Tickets",
                "Price", "Venue", "Time", "Date", "Cost", "Contact", "Location", "Address",
                "Phone", "Email", "Website", "Open", "Closed", "Tip", "Warning", "Reminder",
                "Deadline", "Bonus", "Also", "Plus", "Editor's note", "PS", "P.S",
                # (and Japanese and Chinese labels: source, note, photo, figure, reference)
                "出典", "出所", "注記", "写真", "資料", "参考", "備考", "来源", "來源", "注释",
                "註釋", "图片", "圖片", "编者按", "編者按", "質問", "回答", "問い", "答え",
                # (and Korean's: source, photo, note, figure, reference)
                "자료", "출처", "사진", "주", "그림", "참고", "편집자주"}
SMALL = set("a an and as at but by for from in into of on or the to vs via with x".split())
TERMINAL = ".,;!。！？，；"
#: what may close a sentence after its last mark: quotes, brackets, and the asterisks or
#: underscores of emphasis typed as text ("*I hired ahead of revenue, twice.*")
CLOSERS = "\"'”’»」》)*_"
REPORTS = re.compile(r"^[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3} reports:$")
#: a byline of names: "By Priya Natarajan", "By Sam Wu and Kim Park" (never "By virtue of")
_NAME = r"[A-ZÀ-ÖØ-Þ][\w.’'\-]*(?: (?:[A-ZÀ-ÖØ-Þ][\w.’'\-]*|de|van|von|da|di|del|bin|al))*"
#: (and in French, Spanish, German, Italian, Dutch, Portuguese: "Par Margaux Aubin-Leclerc")
#: (and Chinese and Japanese: "作者：陈思远", "文：田中一郎")
_HAN_NAME = r"[" + KANA_HAN + HANGUL_SYLLABLES + r"·・]{2,12}"
BY_NAMES = re.compile(rf"^(?:(?:[Bb]y|[Pp]ar|[Pp]or|[Vv]on|[Dd]i|[Dd]oor) |(?:Tekst|Autor|Autorka"
                      rf"|Texto|Texte|Text): |(?:作者|文|撰文|记者|記者|筆者|著者|글|기자)[：:]\s?)({_NAME}(?:(?:,| and| &| et| y| und| e| en)"
                      rf"(?: and)? {_NAME}){{0,4}}|{_HAN_NAME}(?:[、，,]\s?{_HAN_NAME}){{0,3}})$")


def source_tail(text: str) -> bool:
    """Whether ``text`` ends in a source credit (:data:`SOURCE_TAIL`). Every form holds
    "ource", so most paragraphs are settled by a substring test: the pattern, anchored
    at the end, is otherwise tried at every offset of the paragraph."""
    return ("ource" in text and SOURCE_TAIL.search(text) is not None) or (
        any(w in text for w in _CREDIT_WORDS) and CREDIT_TAIL.search(text) is not None)


#: a photo credit ending a caption: "Photo: The Harbour Ledger", "(Image: Reuters)",
#: "Photograph by Tomas Reyes", "Credit: NASA"
CREDIT_TAIL = re.compile(r"(?:(?:^|[.;,—–-] |\()(?:Photo(?:graph)?|Image|Picture|Illustration|Credit"
                         r"|Photo credit|Foto|Bild|Quelle|Crédit|Fuente|Fonte|Bron|Beeld|Fot\.|Źródło"
                         r")s?(?:: | by "
                         # (and "Foto cedida por …", "Photo courtesy of …", "Photo : X")
                         r"| cedida por | courtesy of | courtoisie de |\u00a0: | : )"
                         # (and a reader's photo: "…, 14 March, sent in by reader Maggie T.")
                         r"|, (?:sent in|submitted|taken|shared) by (?:reader )?)"
                         r"[^.()]{1,60}\.?\)?$"
                         # (and Chinese and Japanese: "…（来源：中国汽车工业协会）", "出典：国土交通省")
                         r"|[（(](?:来源|來源|出典|出所|资料来源|資料來源|图片来源)[：:][^（）()]{1,60}[）)]$"
                         r"|(?:^|[。．])(?:来源|來源|出典|出所)[：:][^。]{1,60}$")
_CREDIT_WORDS = ("Photo", "Image", "Picture", "Illustration", "Credit", "Foto", "Bild", "Quelle",
                 "Crédit", "Fuente", "Fonte", "Bron", "Beeld", " by ", "来源", "來源", "出典", "出所",
                 "Fot.", "Źródło")


def _last(text: str) -> str:
    """Last character that is not a closing quote or bracket ("… House Arrest’" ends in t)."""
    t = text.rstrip(CLOSERS + " \u00a0\u202f")  # (a French closing « … » has a space inside)
    return t[-1] if t else ""


@dataclass
class Unit:
    """A run of consecutive non-blank source lines."""

    line: int
    lines: list[str]
    blanks_before: int = 0
    kind: str = "para"
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        if len(self.lines) == 1:  # (most units: no generator, no join)
            return self.lines[0].strip()
        return " ".join(s.strip() for s in self.lines)

    @property
    def divider(self) -> bool:
        return self.blanks_before >= 2


def split_units(body: list[tuple[int, str]]) -> list[Unit]:
    """Group numbered lines into units, remembering how many blank lines preceded each."""
    units: list[Unit] = []
    blanks = 0
    current: Unit | None = None
    for number, text in body:
        if not text.strip():
            blanks += 1
            current = None
            continue
        if current is None or LIST_ITEM.match(text) or (
                TYPED_ITEM.match(text) and TYPED_ITEM.match(current.lines[-1])):
            current = Unit(number, [text], blanks)
            units.append(current)
        else:
            current.lines.append(text)
        blanks = 0
    out: list[Unit] = []
    for u in _with_code(units):  # only short caption galleries stay grouped; long runs split
        if u.extra.get("code"):
            out.append(u)
        elif len(u.lines) > 1 and (any(len(s) > 300 for s in u.lines)
                                   or any(not s.strip() or s[0].isspace() for s in u.lines)) \
                and not table_rows(u.lines):  # (a table's rows may open with a tab)
            out.extend(Unit(u.line + i, [s], u.blanks_before if i == 0 else 0)
                       for i, s in enumerate(u.lines))
        else:
            out.append(u)
    return out


#: a line of program text, as a browser copies a <pre> block (or a Markdown fence): a
#: fence, ASCII punctuation alone ("+++", "});"), a keyword that opens a statement, an
#: assignment, a call standing alone, or a line ending in "{"
CODE_LINE = re.compile(r"""^(?:
    \s*(?:```|~~~)
  | [!-/:-@\[-`{-~][!-/:-@\[-`{-~\s]*$
  | \s*(?:import\s+\w|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|class\s+\w+\s*[(:]
        |return\b|\#include\b|(?:var|let|const)\s+\w+\s*=|function\b\s*\w*\s*\(
        |>>>\s|\$\s+\w|print\s*\()
  | \s*[A-Za-z_][\w.\[\]'"]*\s*(?:[-+*/%]?=|==)\s*\S
  | \s*[A-Za-z_][\w.]*\([^()]*\)\s*[;,]?\s*$
  | .*\{\s*$
  # (a block's opening line, "while True:", "except requests.RequestException:"; a
  # keyword alone, "continue", "done"; a shell loop's "for i in 1 2 3; do"; a command)
  | \s*(?:if|elif|else|for|while|try|except|finally|with|async|match|case)\b[^.!?]*:\s*$
  | \s*(?:continue|break|pass|done|fi|then|do|else|esac|end)\s*;?\s*$
  | .*;\s*(?:do|then)\s*$
  | \s*(?:raise|yield|await|exit|echo|curl|sleep|export|sudo|git|pip|npm)\s+\S
)""", re.X)


def _with_code(units: list[Unit]) -> list[Unit]:
    """Each unit, with lines of program text at its end made a unit of their own marked
    ``extra["code"]`` (shown as a code block, as written), and the lines before them a
    unit again. Lines run together with no blank line are otherwise read as a gallery
    of lost images' captions; a paragraph followed by a fenced block is not one. A tail
    counts as code when it has two lines or more, opens with a code line, and two in
    three of its lines are code lines (a caption or a line of verse rarely is one)."""
    out: list[Unit] = []
    for u in units:
        if len(u.lines) < 2:
            out.append(u)
            continue
        codey = [CODE_LINE.match(s) is not None for s in u.lines]
        k = next((k for k in range(len(u.lines) - 1) if codey[k]
                  and 3 * sum(codey[k:]) >= 2 * (len(u.lines) - k)), -1)
        if k < 0:
            out.append(u)
            continue
        if k:
            out.append(Unit(u.line, u.lines[:k], u.blanks_before))
        out.append(Unit(u.line + k, u.lines[k:], 0 if k else u.blanks_before,
                        extra={"code": True}))
    return out


def find_footnotes(units: list[Unit], names: frozenset[str] = frozenset()
                   ) -> tuple[list[Unit], list[tuple[int, list[Paragraph]]]]:
    """Split off the trailing footnote bodies: a bare ``1`` line, text, a bare ``2``, ...
    (the newsletter's prompts among them, :func:`is_cta`, are no part of a note). A copy
    may hold a note's number and its text with no blank line between ("1" / "Datos del
    BPS, …"): read so when no notes are found otherwise.

    Returns the remaining units and ``[(number, paragraphs)]``.
    """
    got = _footnotes(units, names)
    if not got[1] and (typed := _typed_notes(units, names)) is not None:
        return typed
    if got[1] or not any(len(u.lines) > 1 and _NUMBER_LINE.match(u.lines[0]) for u in units):
        return got
    split: list[Unit] = []
    for u in units:
        if len(u.lines) > 1 and _NUMBER_LINE.match(u.lines[0]):
            split += [Unit(u.line, u.lines[:1], u.blanks_before), Unit(u.line + 1, u.lines[1:])]
        else:
            split.append(u)
    again = _footnotes(split, names)
    return again if again[1] else got


_NUMBER_LINE = re.compile(r"^\s*\d{1,3}\s*$")
#: a notes section's title over notes typed "1 At €1 = £0.87, …" (number, space, text)
_NOTES_TITLE = re.compile(r"^(?:Notes|Footnotes|Endnotes|Notes and sources|Note)\s?:?$", re.I)
_TYPED_NOTE = re.compile(r"^(\d{1,3})\s(?=\S)")


def _typed_notes(units: list[Unit], names: frozenset[str]
                 ) -> tuple[list[Unit], list[tuple[int, list[Paragraph]]]] | None:
    """Notes typed after a "Notes" title, each a paragraph opening with its number ("1 At
    €1 = £0.87, …", "2 Minimum 1,500 minutes …"), numbered from 1 to the end of the
    article (prompts aside): read as the bare-number form, the title dropped. None when
    the article ends otherwise (a list typed "1 Do this" is no notes without the title)."""
    for i, u in enumerate(units):
        if not _NOTES_TITLE.match(u.text) or len(u.lines) != 1:
            continue
        split: list[Unit] = []
        expect = 1
        for v in units[i + 1:]:
            m = _TYPED_NOTE.match(v.lines[0].strip())
            if m and int(m.group(1)) == expect:
                expect += 1
                first = v.lines[0].strip()[m.end():]
                split += [Unit(v.line, [m.group(1)], v.blanks_before),
                          Unit(v.line, [first] + v.lines[1:])]
            elif expect > 1 and (is_cta(v.text, names) or not m):
                split.append(v)  # (a prompt after the notes, or a note's second paragraph)
            else:
                break
        else:
            if expect > 1:
                got = _footnotes(units[:i] + split, names)
                if got[1]:
                    return got
    return None


def _footnotes(units: list[Unit], names: frozenset[str]
               ) -> tuple[list[Unit], list[tuple[int, list[Paragraph]]]]:
    for i, u in enumerate(units):
        if u.text.strip() != "1" or len(u.lines) != 1:
            continue
        expect, ok = 1, True
        for v in units[i:]:
            t = v.text.strip()
            if t.isdigit() and len(v.lines) == 1:
                if int(t) != expect:
                    ok = False
                    break
                expect += 1
        if not ok:
            continue
        notes: list[tuple[int, list[Paragraph]]] = []
        for v in units[i:]:
            t = v.text.strip()
            if t.isdigit() and len(v.lines) == 1 and int(t) == len(notes) + 1:
                notes.append((int(t), []))
            elif is_cta(t, names):  # (Substack's prompts after the notes are not part of one)
                continue
            else:
                notes[-1][1].extend(Paragraph(s.strip(), v.line + k) for k, s in enumerate(v.lines))
        return units[:i], notes
    return units, []


#: how a sentence opens: a capital, or a quote or bracket before one
_OPENS = re.compile(r"[“\"‘'(\[]?[^\W\d_a-z]")
#: a year after a month's name or "in", ending where a marker may be glued to it: the text
#: copy loses the raised digits, so "in September 2024²" reads "in September 20242"
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|of|since|by|until)|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    r"\.?(?: [0-3]?\d,)?) (?:1[89]|20)\d\d$")


def _marker_ok(text: str, pos: int, digits: str) -> bool:
    """A footnote marker is glued to a word of 3+ Latin letters or to closing punctuation."""
    end = pos + len(digits)
    if end < len(text) and (text[end].isalnum() or text[end] in "-–/%"):
        return False
    if pos and text[pos - 1].isdigit():  # (only a year's: "September 20242" is 2024, note 2)
        return _YEAR_BEFORE.search(text, max(0, pos - 24), pos) is not None
    before = text[max(0, pos - 3):pos]
    if pos > 1 and text[pos - 1] in ".," and text[pos - 2].isdigit():
        # "3.1 percent", "1,1": a number's own digits; "… in 2023.1" ends a sentence: the
        # line ends there, or the next sentence opens after a space (never after a comma:
        # "2,1 Mrd. Euro" is a German number, its "Mrd." no sentence's opening)
        return text[pos - 1] == "." and (end >= len(text) or (
            text[end] == " " and _OPENS.match(text, end + 1) is not None))
    if pos > 1 and text[pos - 1] == ":" and text[pos - 2].isdigit() or \
            end + 1 < len(text) and text[end] == ":" and text[end + 1].isdigit():
        return False  # (a ratio's or a time's digits: "in a 1:1:1 ratio", "at 10:15")
    if pos > 0 and text[pos - 1] in ".,;:!?)”’\"…*»。！？，、；：」』）":
        return True
    if pos > 0 and UNSPACED_CHAR.match(text, pos - 1):
        # (glued to a Chinese or Japanese word before its punctuation: "120万辆1，",
        # "百分点2。"; never "第1章", nor a caption's "图1：")
        return end >= len(text) or text[end] in "，。、；！？）」』 "
    if len(before) == 3 and all(c.isascii() and c.isalpha() for c in before):
        word = re.findall(r"[A-Za-z]+$", text[:pos])[0]
        if word.isupper():  # G7, R1, X1, PRC2: names, not markers
            return False
        # A camelCase identifier mid-sentence (PrivateUse1 mechanism) is a name; at the end
        # of a sentence or line (bypassing CoCom1) it carries a marker.
        camel = re.search(r"[a-z][A-Z]", word) is not None
        at_end = end >= len(text) or text[end] in ".,;:!?)”’\""
        return at_end or not camel
    return False


def find_markers(units: list[Unit], count: int) -> dict[int, list[tuple[int, int]]]:
    """Find markers 1..count in reading order: ``{unit line: [(offset in line text, n)]}``.

    Offsets index the stripped text of the unit's own line (``Unit.lines[k]``), keyed by
    that line's number, so plain numbers such as ``G7``, ``R1`` or ``[1]`` stay text.
    """
    found: dict[int, list[tuple[int, int]]] = {}
    n = 1
    flat = [(u.line + k, s.strip()) for u in units
            if not u.extra.get("code") and not table_rows(u.lines)
            for k, s in enumerate(u.lines)]  # (program text and tables carry no marker)
    idx, start = 0, 0
    last = (0, 0)  # (where the last marker found ends: a missing one's search resumes there)
    while n <= count:
        if idx >= len(flat):
            # (marker n is in no line read for markers, glued to a table's cell, say: the
            # next one is looked for after the last found, not lost with it)
            n, (idx, start) = n + 1, last
            continue
        number, text = flat[idx]
        digits = str(n)
        hit = None
        for m in re.finditer(rf"{digits}(?!\d)", text[start:]):
            if _marker_ok(text, start + m.start(), digits):
                hit = start + m.start()
                break
        if hit is None:
            idx, start = idx + 1, 0
            continue
        found.setdefault(number, []).append((hit, n))
        n, start = n + 1, hit + len(digits)
        last = (idx, start)
    return found


def table_rows(lines: list[str]) -> list[tuple[str, ...]]:
    """The cells of a table copied as text: two lines or more, each of tab-separated cells,
    as a browser copies an HTML table (short rows padded to the longest). [] otherwise."""
    if len(lines) < 2:
        return []
    if any("\t" not in ln for ln in lines):
        return _spaced_rows(lines)
    # (a tab opening a line is its first cell, empty: a header row's corner, "⇥Library⇥…";
    # one opening every line is the table's indentation)
    lines = [ln.strip(" \r\n") for ln in lines]
    if all(ln.startswith("\t") for ln in lines):
        lines = [ln.lstrip("\t") for ln in lines]
    rows = [tuple(c.strip() for c in ln.split("\t")) for ln in lines]
    # (rows of unequal length, "Shop⇥Mon–Fri 8.30am–5pm⇥Sat 9am–12.30pm⇥Sun 9am–11am" over
    # "Library⇥Tue 2–5pm⇥Sat 10am–12pm": a table still, its short rows padded)
    width = max(len(r) for r in rows)
    return [r + ("",) * (width - len(r)) for r in rows]


_COLUMN_GAP = re.compile(r"\s{2,}")


def _spaced_rows(lines: list[str]) -> list[tuple[str, ...]]:
    """A table typed with spaces (a plain-text e-mail's): three rows or more, the same
    number (two or more) of cells in each, split at runs of two spaces or more, every
    cell short (prose with two spaces after its full stops has long cells)."""
    if len(lines) < 3:
        return []
    rows = [tuple(_COLUMN_GAP.split(ln.strip())) for ln in lines]
    if len({len(r) for r in rows}) != 1 or len(rows[0]) < 2 \
            or any(len(c) > 30 for r in rows for c in r):
        return []
    return rows


#: a paragraph about an interview, not in it: "Our interview with …", "This interview has
#: been edited", "Editor's note", "The full transcript …", "Listen on …"
_ABOUT_IT = re.compile(r"^(?:Our (?:interview|conversation|talk)|This (?:interview|conversation|"
                       r"transcript)|The (?:full )?(?:interview|transcript|conversation)"
                       # ("Our next episode, with the bookseller X, goes out on 20 March.")
                       r"|(?:Our|The|In) next (?:episode|guest|interview|conversation|show)"
                       r"|Next (?:week|month|time)['’]s (?:episode|guest|interview|show)"
                       r"|Editor['’]s note|Listen (?:on|to)|Read (?:the|more)|Watch"
                       # (a correction, a disclaimer, a mailbag's editing note: "Correction:
                       # in episode 41 we said …", "This newsletter is not financial advice.",
                       # "Letters are edited for length.")
                       r"|(?:Corrections?|Disclaimer|Clarification)(?=\s?:)"
                       r"|(?:This|The) (?:newsletter|post|email|e-mail|issue|edition|letter|"
                       r"podcast|episode|show|content) (?:is|was) not (?:\w+ )?advice"
                       r"|Nothing (?:here|in this \w+) is (?:\w+ )?advice|Not (?:\w+ )?advice(?=\.)"
                       r"|(?:Letters|Questions|Emails|Submissions|Comments) (?:are|were|have been|"
                       r"may be) (?:lightly )?edited"
                       # (and in German, French, Spanish, Italian: "Das Gespräch führte X")
                       r"|Das (?:Gespräch|Interview)|L['’](?:entretien|intervista)"
                       r"|La (?:entrevista|conversación|conversazione)"
                       # (and Portuguese: "A conversa foi editada para maior clareza.")
                       r"|A (?:conversa|entrevista|transcrição)|Esta (?:conversa|entrevista)"
                       # (Dutch: "Het gesprek is ingekort en geredigeerd voor de leesbaarheid.")
                       r"|Het (?:gesprek|interview)|Dit (?:gesprek|interview)"
                       # (Polish: "Rozmowa została zredagowana i skrócona.")
                       r"|Rozmowa|Wywiad|Rozmowę)\b"
                       # (and Japanese, Chinese: "このインタビューは…", "本次访谈…")
                       r"|^(?:このインタビュー|この対談|インタビューは|本次访谈|本次訪談|本文经|本次对话"
                       r"|本次對話|这次对话|這次對話|以上对话|以上對話)", re.I)


#: a note on where the guest's work is found: "The Last Morning is published by Oldcastle
#: Books at £22 (368 pages).", "Her book is out now from Faber."
_PUBLISHED = re.compile(r"\b(?:is|are) (?:published|out|available) (?:by|from|now|this|on|at|in)\b")


#: the newsletter speaking of the interview anywhere in a paragraph: "La semana que viene
#: publicaremos la segunda parte de esta conversación", "Part two of this interview …"
_OF_IT = re.compile(r"\b(?:(?:this|our) (?:interview|conversation|transcript)|(?:esta|nuestra) "
                    r"(?:conversación|entrevista)|cette (?:conversation|interview|entrevue)"
                    r"|(?:dieses|unser) (?:Gespräch|Interview)|(?:esta|nossa) (?:conversa|entrevista)"
                    r"|(?:dit|ons) (?:gesprek|interview)|(?:下半部分|下一部分|后半部分|後半部分)"
                    r"|(?:part two|the second part|la "
                    r"segunda parte|la deuxième partie|(?:den|der) zweiten? Teil)\b"
                    # (a mailbag's sign-off: "Keep the questions coming: reply to this email")
                    r"|\bkeep (?:the|your) questions coming\b|\bsend (?:us |me )?your questions\b"
                    r"|\breply to this (?:email|e-mail|newsletter)\b)", re.I)


def narration(text: str, speaker: str) -> bool:
    """Whether a paragraph after an interview's last turn is the newsletter's, not the
    speaker's: it speaks about the interview, or of the speaker by name ("Imogen's paper
    on zonal marking …" after Imogen Farrell's last answer). Its words were counted as
    the speaker's."""
    if _ABOUT_IT.match(text.strip()) or _PUBLISHED.search(text) or _OF_IT.search(text):
        return True
    if not speaker.isascii() and not speaker[:1].isupper() and len(speaker) >= 2:
        return speaker in text  # (a Chinese, Japanese or Korean name, with no capital or
        #                          space: "田中さんの取り組みは…" after 田中's last answer)
    words = [w for w in speaker.split() if len(w) >= 3 and w[0].isupper()]
    return any(re.search(rf"\b{re.escape(w)}(?:['’]s)?\b", text) for w in words)
