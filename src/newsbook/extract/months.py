"""Months and spans the date patterns of :mod:`.dates` leave to a second look: two days
joined as one span ("Monday, April 20, through Friday, April 24"),
the months a listing names with no year ("1.2 million in January, 1.5 million in
February, …"), a month before a month and its year ("in April and May 2024"), and the
months a fiscal year's bracket spells out ("fiscal 2026 (April 2026 to March 2027)").
Apart from :mod:`.dates` because they read its results, not the text alone.
"""
from __future__ import annotations

import re
from datetime import datetime

from .dates import MONTHS, RawDate


_BRACKET_AFTER = re.compile(r"(?:\s(?:financial|fiscal|budget|tax|school|academic) year)?"
                            r"\s?\(([^()]{4,60})\)")


def fiscal_brackets(text: str, found: list[RawDate]) -> list[RawDate]:
    """"fiscal 2026 (April 2026 to March 2027)": the bracket after a fiscal year spells out
    its months, which are the fiscal year's (no event, as it is none), not two dates."""
    drop: list[tuple[int, int]] = []
    for d in found:
        if d.precision == "fiscal_year":
            m = _BRACKET_AFTER.match(text, d.end_off)
            if m:
                drop.append(m.span(1))
    return [d for d in found if not any(a <= d.start_off and d.end_off <= b for a, b in drop)]


#: "April and May 2024": the month before a month's year shares it
_MONTH_AND = re.compile(r"\b(?P<m>January|February|March|April|May|June|July|August|September"
                        r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov"
                        r"|Dec)\.? (?:and|or|&|/) $")


def with_month_before(text: str, d: RawDate, found: list[RawDate]) -> RawDate:
    """A month and its year with another month named before it ("in April and May 2024"):
    the span from that month (it was May alone, and April was lost)."""
    if d.precision != "month" or d.yearless:
        return d
    m = _MONTH_AND.search(text, max(0, d.start_off - 16), d.start_off)
    first = MONTHS.get(m.group("m").lower()) if m else None
    if first is None or f"{d.start[:4]}-{first:02d}" >= d.start or any(
            o.start_off < d.start_off and o.end_off > m.start() for o in found):
        return d  # (later than it, or a date of its own: "1 April and May 2024")
    return RawDate(m.start(), d.end_off, text[m.start():d.end_off],
                   f"{d.start[:4]}-{first:02d}", d.end, "range")


#: "1.2 million in January, 1.5 million in February, …": a month named with no year or day
_BARE_MONTH = re.compile(r"(?:\b(?:in|for|during|by)\s"
                         # (and a listing's labels: "Jan: 4.2%, Feb: 4.0%, Mar: 4.0%")
                         r"|(?:^|(?<=[,;]\s)|(?<=\u2002))(?=[A-Z][a-z]{2,8}\.?:\s?[-+−$€£]?\d))"
                         r"(?P<m>January|February|March|April|May|June"
                         r"|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
                         r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
                         r"(?!\s?\d|,\s(?:1[89]|20)\d\d\b)")  # (no "January 15", "May, 2026")


_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def bare_months(text: str, found: list[RawDate], published: datetime | None) -> list[RawDate]:
    """The months a listing names with no year ("1.2 million in January, 1.5 million in
    February, 1.9 million in March"), each in the year of the latest such month up to the
    publication (a letter of July means this January; one of February, last November).
    Only for tying a listing's values to their periods, three months or more in one text:
    they are no events (a timeline never shows them; "in March" alone dates nothing)."""
    if published is None or text.count(" in ") + text.count(" for ") + text.count(": ") < 3 \
            or sum(text.count(m) for m in _NAMES) < 3:
        return []  # (substring counts first: most paragraphs name no three months)
    hits = [m for m in _BARE_MONTH.finditer(text)
            if not any(m.start("m") < d.end_off and d.start_off < m.end("m") for d in found)]
    if len(hits) < 3:
        return []
    from .spans import sentence_at, sentences
    spans = sentences(text)
    by: dict[tuple[int, int], list[re.Match]] = {}
    for m in hits:  # (each sentence lists its own months)
        by.setdefault(sentence_at(spans, m.start(), m.end()), []).append(m)
    return [d for group in by.values() for d in _listed_months(group, published)]


def _listed_months(hits: list[re.Match], published: datetime) -> list[RawDate]:
    """:func:`bare_months` of one sentence: its months in calendar order, either way round
    and across one new year at most ("November, December and January"), else none."""
    if len(hits) < 3:
        return []
    months = [MONTHS[m.group("m").lower()] for m in hits]
    offsets = _ascending(months)
    if offsets is None:
        back = _ascending(months[::-1])  # (newest first: "40 in January, 38 in December")
        offsets = back[::-1] if back is not None else None
    if offsets is None:
        return []
    latest = max((m for m, o in zip(months, offsets) if o == 0))
    year = published.year if latest <= published.month else published.year - 1
    return [RawDate(m.start("m"), m.end("m"), m.group("m"), f"{year + o}-{n:02d}",
                    f"{year + o}-{n:02d}", "month") for m, n, o in zip(hits, months, offsets)]


def _ascending(months: list[int]) -> list[int] | None:
    """Each month's year offset (-1 before a new year, else 0) when ``months`` rise, once
    across a new year at most; None otherwise."""
    offsets, year = [], 0
    for k, n in enumerate(months):
        if k and n <= months[k - 1]:
            if year or months[k - 1] < 10 or n > 3:
                return None  # (a second new year, or months out of order: October to
                #               December, then January to March, is a new year's turn)
            year = 1
        offsets.append(year)
    return [o - year for o in offsets]


#: what joins the two days of one span: "April 20, through Friday, April 24"
_DAY_TO = re.compile(r"^,?\s(?:to|through|until|till|thru|[–-])\s(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
                     r"[a-z]*\.?,?\s)?$")


def day_spans(text: str, found: list[RawDate]) -> list[RawDate]:
    """Two days joined by "to" or "through" as one span of days (each was a day of its
    own: "Clean-up week runs Monday, April 20, through Friday, April 24")."""
    out: list[RawDate] = []
    for d in found:
        prev = out[-1] if out else None
        if prev is not None and prev.precision == d.precision == "day" and prev.start < d.start \
                and (d.start_off - prev.end_off) < 20 and prev.yearless == d.yearless \
                and _DAY_TO.match(text[prev.end_off:d.start_off]):
            out[-1] = RawDate(prev.start_off, d.end_off, text[prev.start_off:d.end_off],
                              prev.start, d.end, "range", yearless=d.yearless)
            continue
        out.append(d)
    return out
