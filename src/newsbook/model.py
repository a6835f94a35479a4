"""The model in the middle: articles made of plain-text blocks.

Readers build it, writers render it; neither knows the other. Every ``text``
here is plain Unicode exactly as the feed had it -- never markup. Escaping is
the writer's job alone. Every block keeps the 1-based source line it came from.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Union

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Heading:
    """A section title inside an article (level 2 = section, 3 = subsection)."""

    text: str
    line: int
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Running text; ``marks`` are footnote markers as (char offset, number)."""

    text: str
    line: int
    marks: tuple[tuple[int, int], ...] = ()
    spans: tuple["Span", ...] = ()  # inline markup from HTML sources; texts join to ``text``
    #: offsets in ``text`` of the spaces that stand for the author's line breaks (verse, an
    #: address, a letter's "Warmly,"): the text stays one line for every reader of it, and
    #: the writer breaks the lines there
    breaks: tuple[int, ...] = ()
    #: offsets in ``text`` where a new source line begins in prose a text copy wrapped at a
    #: fixed width (shown as one paragraph): a fact names the line its quote starts on
    wraps: tuple[int, ...] = ()

    def line_starts(self) -> tuple[int, ...]:
        """Where each further source line of the text starts (after a break or a wrap)."""
        return self.wraps or tuple(b + 1 for b in self.breaks)

    def lines(self) -> list[tuple[int, int]]:
        """``(start, end)`` offsets of each line of the text (one, when it has no breaks)."""
        starts = [0] + [b + 1 for b in self.breaks]
        return list(zip(starts, [*self.breaks, len(self.text)]))

    def broken(self) -> list["Paragraph"]:
        """Each line as a paragraph of its own: its text, markers and inline markup."""
        out = []
        for s, e in self.lines():
            spans, pos = [], 0
            for sp in self.spans:
                a, b = max(s, pos), min(e, pos + len(sp.text))
                if a < b:
                    spans.append(Span(sp.kind, sp.text[a - pos:b - pos], sp.href, sp.emph))
                pos += len(sp.text)
            out.append(Paragraph(self.text[s:e], self.line,
                                 tuple((o - s, n) for o, n in self.marks if s <= o < e),
                                 tuple(spans)))
        return out


@dataclass(frozen=True)
class ListItem:
    """One item of a bullet or numbered list; ``number`` is the label as written;
    ``depth``: 0 for the list's own items, 1 for an item of a list inside one, and so on
    (the item belongs to the nearest shallower item before it)."""

    text: str
    line: int
    marks: tuple[tuple[int, int], ...] = ()
    number: str = ""
    spans: tuple["Span", ...] = ()  # inline markup from HTML sources; texts join to ``text``
    depth: int = 0
    #: offsets in ``text`` of the spaces that stand for the author's line breaks (``<br>``
    #: in an HTML item), as :attr:`Paragraph.breaks`
    breaks: tuple[int, ...] = ()

    def broken(self) -> list["Paragraph"]:
        """Each line of the item as a paragraph of its own (see :meth:`Paragraph.broken`)."""
        return Paragraph(self.text, self.line, self.marks, self.spans, self.breaks).broken()


@dataclass(frozen=True)
class ListBlock:
    """Consecutive list items of one kind."""

    ordered: bool
    items: tuple[ListItem, ...]
    line: int


@dataclass(frozen=True)
class Caption:
    """The caption (or alt text) of an image the feed lost; ``lines`` as written."""

    lines: tuple[str, ...]
    line: int
    marks: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Note:
    """A bracketed editor's note such as ``[This bit we recorded weds afternoon]``."""

    text: str
    line: int


@dataclass(frozen=True)
class Turn:
    """One speaker's turn in an interview transcript: the name, then its blocks."""

    speaker: str
    blocks: tuple["Block", ...]
    line: int
    #: a transcript's time before the name ("[00:12:31]"), shown where it was written
    stamp: str = ""


@dataclass(frozen=True)
class Aside:
    """Sponsor block or job ad: kept, but shown collapsed and labelled."""

    kind: str  # "sponsor" | "job"
    blocks: tuple["Block", ...]
    line: int

    def __post_init__(self) -> None:
        if self.kind not in ("sponsor", "job"):
            raise ValueError(f"unknown aside kind {self.kind!r}")


@dataclass(frozen=True)
class Piece:
    """One separately written piece of a digest post, with its own title and byline."""

    title: str
    byline: str
    blocks: tuple["Block", ...]
    line: int


@dataclass(frozen=True)
class Footnote:
    """A footnote body: number plus its paragraphs (which may hold several)."""

    number: int
    paragraphs: tuple[Paragraph, ...]
    line: int


Block = Union[Heading, Paragraph, ListBlock, Caption, Note, Turn, Aside, Piece]


@dataclass(frozen=True)
class Article:
    """One post of the feed. ``published`` is naive local time, as FreshRSS showed it."""

    title: str
    published: datetime
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    line: int
    byline: str = ""
    source: str = ""
    end_line: int = 0
    publication: str = ""  # the newsletter's own name, when its stock lines give it
    date_line: int = 0     # source line of the publication date, if the input has one
    link: str = ""  # the article's own URL (HTML sources: export item or feed entry)
    rich: bool = False  # read from HTML (export or feed), not from a text copy
    date_written: str = ""  # the date line as the copy wrote it, when not in the form below
    #: the input holds only the post's preview (a paywall, or an excerpt's "Read more")
    preview: bool = False
    #: an export's or a feed's date as it writes it ("1766103600", "Fri, 19 Dec 2025
    #: 00:20:00 GMT"): what a chart row dated by the post quotes
    date_raw: str = ""
    #: the newsletter's own words about itself: its feed's description ("Football
    #: analytics for people who watch the games …"), plain text; "" when it gives none
    about: str = ""

    @property
    def date_text(self) -> str:
        """The date exactly as FreshRSS wrote it: ``15 December 2025 at 07:32`` (or, from
        a copy in another form, that copy's own line)."""
        return self.date_written or freshrss_date(self.published)

    @property
    def date_quote(self) -> str:
        """The date as the input writes it, verbatim (:attr:`date_text` for a text copy;
        a feed's field as written, whose shown form is the converter's)."""
        return self.date_raw or self.date_text


def freshrss_date(when: datetime) -> str:
    """A date as FreshRSS's English writes it: ``15 December 2025 at 07:32``."""
    return f"{when.day} {when:%B %Y at %H:%M}"


@dataclass(frozen=True)
class Feed:
    """All articles read from one or more FreshRSS copies, newest first."""

    articles: tuple[Article, ...] = field(default_factory=tuple)


#: between a list's items in the one text a list has for finding things in it: a space
#: to the eye, and an end of sentence to the quotes (:func:`newsbook.connections.
#: sentence_around`: "… voting no." then "Tabled a proposal …" were quoted as one
#: sentence, which no line of the source holds)
ITEM_SEP = "\u2002"


def list_text(block: ListBlock) -> str:
    """A list's items as one text (:data:`ITEM_SEP` between them): what a chart placed
    after the list names, and what its names and quotes are found in."""
    return ITEM_SEP.join(i.text for i in block.items)


def article_text(article: Article) -> str:
    """All text of an article in reading order, for telling two copies of it apart."""
    parts = [article.title, article.date_text]
    for b in walk(article.blocks):
        parts.append(" ".join(i.text for i in b.items) if isinstance(b, ListBlock)
                     else getattr(b, "text", ""))
    parts += [p.text for f in article.footnotes for p in f.paragraphs]
    return "\n".join(parts)


@functools.lru_cache(maxsize=65536)
def label(*parts: str) -> str:
    """A Sphinx-safe target name built from slugs and numbers (lowercase, hyphens)."""
    out = "-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts)
    return out or "x"


def anchor_id(stem: str, article: Article, block) -> str:
    """Stable id of a block: chapter stem + line offset in its article. It starts with a
    letter because docutils drops leading digits from ids. Writers turn it into a target;
    extraction and indexes link to it."""
    # (label() of a whole number is its digits, without a sign: no regex needed)
    return f"{_anchor_prefix(stem)}-{abs(block.line - article.line)}"


@functools.lru_cache(maxsize=4096)
def _anchor_prefix(stem: str) -> str:
    """``label("p", stem)``: the same for every block of a chapter, so made once."""
    return label("p", stem)


#: the character ranges of kana and Han (scripts written without spaces) and of Hangul
#: syllables, for the patterns of every layer that must tell those scripts apart
KANA_HAN = "\u3040-\u30ff\u3400-\u9fff"
HANGUL_SYLLABLES = "\uac00-\ud7af"
#: one character of Chinese, Japanese or Korean; one of kana or Han only
CJK_CHAR = re.compile(f"[{KANA_HAN}{HANGUL_SYLLABLES}]")
UNSPACED_CHAR = re.compile(f"[{KANA_HAN}]")
_CJK = CJK_CHAR
_LETTER = re.compile(r"[^\W\d_]")


_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))


def _ascii_letters(text: str) -> int:
    """How many of ``text``'s letters are ASCII ones (bytes.translate deletes them at
    memory speed: a regex's list of every letter was the cost of :func:`mostly_cjk`)."""
    raw = text.encode("utf-8", "ignore")
    return len(raw) - len(raw.translate(None, _ASCII_LETTERS))


def mostly_cjk(text: str) -> bool:
    """Whether a text is written in Chinese, Japanese or Korean (a third of its letters or
    more), not English quoting a term ("a wǔxiá 武侠 novel"). Its Han runs are then its
    words, not terms to gloss or names to connect. (A text with no such letter at all, as
    most are, is told by one search: counting every letter of an article costs 4% of a
    big conversion.)"""
    if not _CJK.search(text):
        return False
    cjk = len(_CJK.findall(text))
    if 3 * cjk < _ascii_letters(text):  # (a lower bound of its letters, counted in C)
        return False
    return cjk > 0 and 3 * cjk >= len(_LETTER.findall(text))


#: a character of a language written without spaces (kana, Han), and its punctuation
_UNSPACED = UNSPACED_CHAR
_UNSPACED_MARKS = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
                             r"\uff5b-\uff65]")


def words_in(text: str) -> int:
    """How many words a text has: its runs between spaces, each kana or Han character
    one (as word processors count Chinese and Japanese, written without spaces: a
    90-character Japanese paragraph was one "word" on a chart). Korean is spaced."""
    if text.isascii() or not _UNSPACED.search(text):
        return len(text.split())
    n = len(_UNSPACED.findall(text))
    return n + len(_UNSPACED_MARKS.sub(" ", _UNSPACED.sub(" ", text)).split())


#: the particles of a surname ("van Dijk", "de la Cruz", "von Trapp")
_PARTICLES = frozenset("van von de der den da di du del dos das ter ten le la".split())


#: the labels of a question-and-answer transcript, which name nobody
#: the labels of a transcript typed as questions and answers, in the languages read ("Q",
#: "A", Italian "D"/"R", Spanish "P"/"R", German "F"/"A", "Frage"/"Antwort" …): no names
ANSWER_LABELS = frozenset("A R Answer Antwort Réponse Respuesta Risposta Antwoord "
                          "Resposta".split())
QA_LABELS = frozenset(w + dot for w in ANSWER_LABELS | frozenset(
    "Q D P F Question Frage Pregunta Domanda Vraag Pergunta".split()) for dot in ("", "."))
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'-]+"
#: how an introduction names the one who answers: "I spoke with Marta Okonkwo, who …"
_INTERVIEWEE = re.compile(
    r"\b(?:(?:spoke|speak|talked|talk|chatted|sat down|caught up)\s(?:with|to)"
    r"|interviewed|(?:conversation|interview|Q&A|chat)\swith|joined by|[Ww]e asked|I asked)"
    # (and a role before the name: "We asked its principal investigator, Dr. Lucía Ferreira")
    r"(?:\s(?:its|their|our|the|her|his)\s[a-z][a-z -]{2,40},)?"
    rf"\s(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s)?(?P<name>{_NAME_WORD}(?:\s[A-Z]\.)?"
    rf"(?:\s{_NAME_WORD}){{1,2}})(?![\w’'-])")


def interviewee(texts: list[str]) -> str:
    """The one a question-and-answer transcript's introduction (the paragraphs before its
    first turn) names as answering ("This week I spoke with Marta Okonkwo, …"), or "":
    only when it names exactly one person so. The reader asks it where the interview
    ends, the speaker chart whom to name."""
    names = {m.group("name") for t in texts for m in _INTERVIEWEE.finditer(t)}
    return names.pop() if len(names) == 1 else ""


_LABEL_TITLES = frozenset("Dr Mr Mrs Ms Mx Prof Professor Sir Dame Rev Cllr".split())


def interview_speakers(article: "Article") -> frozenset[str]:
    """The full names (two words or more) that speak in an article's interview, and for a
    transcript labelled only Q and A the one its introduction names (:func:`interviewee`):
    people, whatever else names them."""
    labels = {b.speaker for b in walk(article.blocks) if isinstance(b, Turn)}
    if not labels:
        return frozenset()
    # (a title and a surname, "Dr Marchetti", is the one the text names in full: no name
    # of its own; a title before a full name is not part of it)
    names = {" ".join(s.split()[1:]) if s.split()[0].rstrip(".") in _LABEL_TITLES else s
             for s in labels if s[:1].isupper() and s.isprintable()}
    names = {s for s in names if len(s.split()) >= 2}
    if labels <= QA_LABELS:
        texts = []
        for b in article.blocks:
            if isinstance(b, Turn):
                break
            if isinstance(b, Paragraph):
                texts.append(b.text)
        if who := interviewee(texts):
            names.add(who)
    return frozenset(names)


def short_for(short: str, full: str) -> bool:
    """Whether a speaker's label ``short`` names the one ``full`` names, in an interview
    that gives the full name once and then a short one: its surname ("Ortiz" for "Jane
    Ortiz"), its first name ("Jane") or its initials ("TBP" for "The Basis Point", "P&P" for "Platform &
    Precedent"). Both readers and the speaker chart ask it."""
    words = full.split()
    if len(words) < 2 or short == full:
        return False
    if " " in short:  # (a surname with its particle: "Van Dijk" for "Sander van Dijk")
        parts = short.split()
        return len(parts) < len(words) and parts[0].lower() in _PARTICLES and \
            [w.lower() for w in words[-len(parts):]] == [w.lower() for w in parts]
    return short == words[-1] or short.isupper() and len(short) >= 2 and \
        short.replace("&", "") == "".join(w[0] for w in words if w[0].isalnum()) or \
        short == words[0] and short[:1].isupper() and short not in ("The", "A", "An", "Dr",
                                                                    "Mr", "Mrs", "Ms", "Prof")
    # (or the first name: "Femi Aldous:" once, then "Femi:")


def source_line(article: Article, line: int) -> int:
    """The source line a fact or a row names for a block on ``line``: its own in a text
    copy; the item's in an HTML body, whose blocks have no line of their own in the file
    (their ``line`` only orders them and makes their anchors)."""
    return article.line if article.rich else line


def walk(blocks: tuple[Block, ...]):
    """Yield every block, depth first, including those nested in turns, asides and pieces."""
    for block in blocks:
        yield block
        if isinstance(block, (Turn, Aside, Piece)):
            yield from walk(block.blocks)


# ------------------------------------------------------------------ rich sources (HTML)
# Readers of FreshRSS exports and RSS/Atom feeds build these from sanitised HTML. Every
# block still has a plain ``text`` (a field or a property): exact text, never markup.

SPAN_KINDS = ("text", "em", "strong", "code", "link")


@dataclass(frozen=True)
class Span:
    """A run of inline text with one kind of markup; ``href`` only for links.
    A paragraph's span texts concatenate to exactly its ``text``."""

    kind: str
    text: str
    href: str = ""
    #: a link set in bold or italics ("<strong><a>Title</a></strong>", a digest's item
    #: title): "strong" or "em" (the link alone lost its bold)
    emph: str = ""

    def __post_init__(self) -> None:
        if self.kind not in SPAN_KINDS:
            raise ValueError(f"unknown span kind {self.kind!r}")


@dataclass(frozen=True)
class Figure:
    """An image the source kept: URL (remote, or book-relative once fetched), alt text,
    caption (plain; ``caption_spans`` may mark it up) and the link the image pointed to."""

    src: str
    alt: str
    caption: str
    credit_href: str
    line: int
    caption_spans: tuple[Span, ...] = ()
    original: str = ""  # the remote URL when ``src`` is a fetched local copy

    @property
    def text(self) -> str:
        return self.caption


@dataclass(frozen=True)
class Quote:
    """A block quote: its paragraphs."""

    paragraphs: tuple[Paragraph, ...]
    line: int

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Code:
    """A preformatted code block, lines as written; ``lang``: the language its feed
    names ("language-python"), a name Pygments knows that lexes the code without an
    error, else "" (plain text)."""

    code: str
    line: int
    lang: str = ""

    @property
    def text(self) -> str:
        return self.code


@dataclass(frozen=True)
class Table:
    """A simple table: rows of plain cell texts; the first row is the header."""

    rows: tuple[tuple[str, ...], ...]
    line: int

    @property
    def text(self) -> str:
        return "\n".join("\t".join(r) for r in self.rows)


@dataclass(frozen=True)
class LinkCard:
    """An embedded post, tweet, video or page, kept as a card: kind, title, link and its
    text (a video's frame is never kept, only where it plays)."""

    kind: str  # "post" | "tweet" | "video" | "embed" | "audio" | "file" | "link"
    title: str
    href: str
    body: str
    line: int

    @property
    def text(self) -> str:
        return "\n".join(t for t in (self.title, self.body) if t)


@dataclass(frozen=True)
class Rule:
    """A section break the author set between two parts of a post (HTML's ``<hr>``): the
    essay's halves were fused into one run of paragraphs without it."""

    line: int

    @property
    def text(self) -> str:
        return ""


Block = Union[Block, Figure, Quote, Code, Table, LinkCard, Rule]
