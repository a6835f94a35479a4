"""Reader for FreshRSS's "Normal view" page saved as plain text.

The only module that knows this format. A line classifier feeds a small
state machine; it never raises on content and reports problems as
diagnostics with line numbers (feedparser's "bozo" model).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from ..diagnostics import Code, Diagnostic
from ..model import Article, Feed, Footnote, Piece, freshrss_date
from . import freshrss_i18n as i18n
from . import structure
from .bracket_notes import bracket_footnotes
from .classify import classify_units
from .prompts import PAYWALL, lines_holding, publication_names, stock_name
from .units import LIST_ITEM, Unit, find_footnotes, find_markers, split_units

MONTHS = i18n.MONTH_NAMES["en"].split()
#: an article's date line as FreshRSS writes it: "15 December 2025 at 07:32" (en), or
#: "December 15th 2025 at 7:32 am" (en-US, its <sup>th</sup> copied as text), or in
#: another of its languages ("15 décembre 2025 à 07:32", "15. Dezember 2025 um 07:32",
#: "15 de Dezembro de 2025, 07:32": :mod:`newsbook.readers.freshrss_i18n`)
DATE_SHAPE = re.compile(r"^(?:(\d{1,2})\.? (?:de )?(\w+) (?:de )?(\d{4})"
                        r"(?: (?:" + "|".join(i18n.AT_WORDS) + r")|,) (\d{1,2}):(\d{2})"
                        r"|(\w+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4}) at (\d{1,2}):(\d{2}) ?"
                        r"([AaPp]\.?[Mm]\.?)|" + i18n.CJK_DATE + ")$")
#: a day as a day separator writes it, in any of FreshRSS's languages
_DAY = (r"(?:\d{1,2}\.? (?:de )?\w+ (?:de )?\d{4}|[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}|"
        + i18n.CJK_DAY + ")")


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(map(re.escape, words)) + ")"


CHROME = (
    re.compile("^" + _alt(i18n.VIEW_NAMES) + "$"),
    re.compile("^" + _alt(i18n.REFRESH) + "$"),
    # a day separator, glued to the name of the stream shown: "Main stream" for all
    # feeds, else the category's or the feed's own name ("… 2025Harbour Ledger")
    re.compile(r"^(?:" + _alt(i18n.TODAY + i18n.YESTERDAY + i18n.BEFORE_YESTERDAY) + "|"
               + _DAY + r")(?: — " + _DAY + r")?" + _alt(i18n.MAIN_STREAM) + "$"),
    re.compile(r"^(?:" + _alt(i18n.TODAY + i18n.YESTERDAY) + r" — " + _DAY + "|"
               + _alt(i18n.BEFORE_YESTERDAY) + r")(?P<feed>[^\W_a-z][^.!?]{0,80})$"),  # (any script)
    re.compile(r"^❌$"),
    # an older day's separator, glued to the feed's name: "19 May 2026Saltroad Kitchen"
    # (no space after the year: no sentence is written so)
    re.compile(r"^" + _DAY + r"(?![\d\s])[^\W_a-z][^.!?]{0,80}$"),
)


@dataclass
class ReadResult:
    """What a read produced: the feed and everything worth telling the user."""

    feed: Feed
    diagnostics: list[Diagnostic]


def normalise(text: str) -> str:
    """Drop a BOM and unify line endings, so CRLF copies read exactly like LF ones."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


#: what a chrome line can open with (each pattern of CHROME starts with one of these, or
#: with a digit): other lines are rejected without a regex (this runs on every line)
_CHROME_FIRST = frozenset(w[0] for w in i18n.VIEW_NAMES + i18n.REFRESH + i18n.TODAY
                          + i18n.YESTERDAY + i18n.BEFORE_YESTERDAY) | {"❌"}
#: a US-English day separator opens with its month ("November 29th 2026Main stream"): such
#: lines are short, so long ones (most paragraphs) skip the patterns
_MONTH_FIRST = frozenset(m[0] for m in MONTHS)


def is_chrome(line: str) -> bool:
    """FreshRSS's own page furniture, never article content."""
    s = line.strip()
    if not s or not (s[0] in _CHROME_FIRST or s[0].isdecimal()
                     or (s[0] in _MONTH_FIRST and len(s) < 120)):
        return False
    return any(p.match(s) for p in CHROME)


def separator_names(text: str, langs: list[str] | None = None) -> frozenset[str]:
    """The feed or category names FreshRSS's day separators show ("Before yesterdayThe
    Lantern"): a newsletter's own name, when the copy is of its feed, so its "Subscribe to
    The Lantern" button is chrome (newsletter tools other than Substack write that).
    Looks only at the lines holding a separator's opening words, not at every line, in
    the copy's languages ``langs`` (:func:`~newsbook.readers.freshrss_i18n.languages_of`;
    all when not given: each word is a scan of the whole text)."""
    sep = CHROME[3]
    names = set()
    days, before = i18n.separator_words(langs or list(i18n.PAGE))
    for needle in before + [w + " — " for w in days]:
        for line in lines_holding(text, needle):
            m = sep.match(line.strip())
            if m:
                names.add(m.group("feed").strip())
    names.difference_update(i18n.MAIN_STREAM)
    return frozenset(names)


def parse_date(line: str) -> datetime | None:
    """``15 December 2025 at 07:32``, ``December 15th 2025 at 7:32 am`` or the same in
    another of FreshRSS's languages -> naive datetime; None when out of range."""
    m = DATE_SHAPE.match(line.strip())
    if not m:
        return None
    if m.group(12):  # ("2025年12月15日⇥07:32": the numbers in order, no month's name)
        try:
            return datetime(*map(int, m.group(12, 13, 14, 15, 16)))
        except ValueError:
            return None
    if m.group(1):
        day, month, year, hour, minute = m.group(1, 2, 3, 4, 5)
    else:
        month, day, year, hour, minute = m.group(6, 7, 8, 9, 10)
        if not 1 <= int(hour) <= 12:
            return None
        pm = m.group(11)[0] in "pP"
        hour = str(int(hour) % 12 + (12 if pm else 0))
    number = (i18n.MONTH_NUMBER.get(month.lower()) if m.group(1)
              else MONTHS.index(month) + 1 if month in MONTHS else None)
    if number is None:
        return None
    try:
        return datetime(int(year), number, int(day), int(hour), int(minute))
    except ValueError:
        return None


def find_starts(lines: list[str]) -> list[int]:
    """0-based indexes of title lines: a title, a blank line, then a date-shaped line."""
    starts = []
    for i in range(2, len(lines)):
        if (DATE_SHAPE.match(lines[i].strip()) and not lines[i - 1].strip()
                and lines[i - 2].strip() and not is_chrome(lines[i - 2])
                and (i + 1 >= len(lines) or not lines[i + 1].strip())):
            starts.append(i - 2)
    return starts


def read(text: str, *, source: str = "<string>", hints: dict[str, str] | None = None) -> ReadResult:
    """Read a FreshRSS text copy into a :class:`Feed`.

    :param hints: curated ``{exact line text: kind}`` overrides for lines whose
        shape is ambiguous (kind is ``heading``, ``caption`` or ``paragraph``).
    """
    diags: list[Diagnostic] = []
    lines = normalise(text).split("\n")
    starts = find_starts(lines)
    if not starts:
        first = next((i for i, s in enumerate(lines) if s.strip() and not is_chrome(s)), None)
        where = 1 if first is None else first + 1
        diags.append(Diagnostic(Code.EMPTY, "no article found (expected a title, a blank line, "
                                "then a date like '15 December 2025 at 07:32')", source, where, "error"))
        return ReadResult(Feed(()), diags)
    articles = []
    bounds = starts + [len(lines)]
    feeds = separator_names(text, i18n.languages_of(lines[starts[0] + 2]))
    names = publication_names(text) | feeds
    feed = feed_name(text, source, feeds)

    def one(k: int):
        """Article k and its diagnostics (pure: big copies read it in a forked child)."""
        start, end = starts[k], bounds[k + 1]
        mine: list[Diagnostic] = []
        art = _read_article(lines, start, end, source, hints or {}, mine, names)
        if art is not None:
            art = _with_publication(art, lines[start:end], feed)
        return art, mine

    from ..fanout import fan_out
    for art, found in fan_out(one, [b - a for a, b in zip(starts, bounds[1:])]):
        diags.extend(found)
        if art is not None:
            articles.append(art)
    cut = cut_off_line(lines)
    if cut is not None and articles and articles[-1].line <= cut:
        diags.append(Diagnostic(Code.TRUNCATED, f"the copy ends mid-sentence; article "
                                f"{articles[-1].title!r} may be cut off (recopy the page)",
                                source, cut, "warning"))
    return ReadResult(Feed(tuple(articles)), diags)


#: how a complete last line can end: sentence punctuation, closing quotes and brackets
FINAL = set(".?!…:;)]}\"'”’»」》】）。！？") | {"❌"}


def cut_off_line(lines: list[str]) -> int | None:
    """1-based number of the last line when the copy stops mid-sentence, else None.

    A complete FreshRSS copy ends with a newline or with its own chrome (the ❌ line);
    a copy whose last line has no newline and stops inside running text was cut off.
    Short lines and list items (which legitimately lack a full stop) are not judged.
    """
    if not lines or not lines[-1].strip():  # ends with a newline (or blank lines)
        return None
    last = lines[-1].rstrip()
    if len(last.strip()) < 40 or LIST_ITEM.match(last) or is_chrome(last) \
            or last[-1] in FINAL or DATE_SHAPE.match(last.strip()):
        return None
    return len(lines)


def _read_article(lines: list[str], start: int, end: int, source: str,
                  hints: dict[str, str], diags: list[Diagnostic],
                  names: frozenset[str] = frozenset()) -> Article | None:
    title = lines[start].strip()
    date_line = lines[start + 2]
    published = parse_date(date_line)
    if published is None:
        diags.append(Diagnostic(Code.BAD_DATE, f"bad date {date_line.strip()!r} for article "
                                f"{title!r} (expected e.g. '15 December 2025 at 07:32')",
                                source, start + 3, "error"))
        return None
    body = [(i + 1, s) for i, s in enumerate(lines[start + 3:end], start + 3) if not is_chrome(s)]
    units = split_units(body)
    if not units:
        diags.append(Diagnostic(Code.TRUNCATED, f"article {title!r} has no text; the copy may be "
                                "cut off", source, start + 1, "warning"))
    units, notes = find_footnotes(units, names)
    if notes:
        marks = find_markers(units, len(notes))
    else:  # ("… in 2016.[1]" and a closing "[1] Harlow County Clerk, …")
        units, notes, marks = bracket_footnotes(units, names)
    found = {n for per_line in marks.values() for _, n in per_line}
    footnotes = []
    for number, paras in notes:
        if number not in found:
            diags.append(Diagnostic(Code.UNMATCHED_FOOTNOTE, f"footnote {number} of {title!r} has no "
                                    "marker in the text; shown as a plain note", source, paras[0].line))
        footnotes.append(Footnote(number, tuple(paras), paras[0].line - 2 if paras else 0))
    paywall = next((u for u in units if PAYWALL.match(u.lines[0].lstrip())), None)
    if paywall is not None:
        diags.append(Diagnostic(Code.PREVIEW, f"article {title!r} is a paid post: the copy holds "
                                "only its preview (the rest is not in the feed)", source,
                                paywall.line))
    classified = classify_units(units, hints, names)
    by_names = structure.names_byline(classified)  # ("By Priya Natarajan" under the date)
    blocks = structure.build(classified, marks)
    # a digest's bylines belong to its pieces, not to the post as a whole
    byline = by_names or ("" if any(isinstance(b, Piece) for b in blocks)
                          else structure.find_byline(classified))
    last = units[-1].line if units else start + 3
    written = date_line.strip()
    return Article(title=title, published=published, blocks=tuple(blocks),
                   date_written="" if written == freshrss_date(published) else written,
                   footnotes=tuple(footnotes), line=start + 1, byline=byline,
                   source=source, end_line=max(last, end), preview=paywall is not None)


__all__ = ["read", "ReadResult", "normalise", "parse_date", "Unit"]


def feed_name(text: str, source: str, feeds: frozenset[str]) -> str:
    """The one feed name the day separators show ("Before yesterdayLedger Lines"), when
    something else says it is the newsletter's own: its "Share X" or "Subscribe to X"
    button, the copy's file name ("ledger-lines-freshrss-2026.txt"), or the articles'
    own words (:func:`_written`). A category's name alone ("Before yesterdayShipping")
    names no newsletter. "" otherwise."""
    def squash(s: str) -> str:
        return re.sub(r"[\W_]+", "", s.lower())
    stem = squash(PurePath(source).stem) if source and not source.startswith("<") else ""
    said = {n for n in feeds
            if f"\nShare {n}\n" in text or f"\nSubscribe to {n}\n" in text
            or (stem and len(squash(n)) >= 4 and squash(n) in stem) or _written(text, n)}
    return next(iter(said)) if len(said) == 1 else ""


def _written(text: str, name: str) -> bool:
    """Whether the articles write a name of two words or more ("signed up for the Wendham
    Crier", a masthead "The Wendham Crier") besides FreshRSS's day separators."""
    core = re.sub(r"^(?:The|the) ", "", name)
    if len(core.split()) < 2:
        return False  # (one word, "Shipping": a category as likely as a newsletter)
    held = list(lines_holding(text, core))
    return sum(ln.count(core) for ln in held) > sum(ln.count(core) for ln in held
                                                     if is_chrome(ln))


def _with_publication(article, lines: list[str], feed: str = ""):
    """The article with the newsletter's name from its stock line ("X is a
    reader-supported publication." or "Thanks for reading X! Subscribe for free …"),
    which the reader drops as chrome, else the feed's own name (:func:`feed_name`)."""
    import dataclasses
    name = next((n for n in map(stock_name, lines) if n), "") or feed
    if name:
        article = dataclasses.replace(article, publication=name)
    # FreshRSS prints the date two lines under the title: charts quote that line
    return dataclasses.replace(article, date_line=article.line + 2)
