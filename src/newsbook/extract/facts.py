"""The facts extraction finds: frozen, pure data. Every fact quotes its source verbatim.

``quote`` is always an exact substring of the text of the block at ``anchor`` (for a list,
of the item on ``line``; for a caption, of the caption line ``line``), so a chart point can
link to the paragraph and show the words it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: multiplier of each ``Quantity.scale``
SCALES = {"": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "万": 1e4, "亿": 1e8, "千": 1e3, "萬": 1e4, "億": 1e8, "兆": 1e12, "万亿": 1e12,
          "萬億": 1e12}

PRECISIONS = ("day", "month", "year", "decade", "season", "half", "quarter", "fiscal_year",
              "range", "relative", "approximate")


#: a date phrase that names no date, only one counted from the publication's ("last year"):
#: the extractor finds these (extract.dates), and a timeline row says it worked them out
RELATIVE_PHRASE = r"yesterday|(?:last|this|next)\s(?:year|month|week)"
RELATIVE_WHEN = re.compile(rf"^(?:{RELATIVE_PHRASE})$", re.I)
_YEAR_IN = re.compile(r"\d{4}")


def derived_note(precision: str, when: str = "", start: str = "", published: str = "") -> str:
    """What a timeline row says of a date the text does not give as it is drawn
    ("last year" is a year, but the text does not say which: it is worked out), or of one
    that is no event yet: after ``published`` (ISO), the article's date ("expected to reach
    $10bn by 2030" is a forecast; it is hatched like a plan)."""
    if precision == "relative" or RELATIVE_WHEN.match(when.strip()):
        return "resolved against the publication date"
    later = bool(start and published and start > published[:len(start)])
    if precision in ("day", "month", "range") and not _YEAR_IN.search(when):
        # ("late March", "April 20–24": the text gives no year)
        return "the text gives no year: the one nearest the publication date" + (
            "; after the article's publication: a plan, forecast or deadline" if later else "")
    if later:
        return "after the article's publication: a plan, forecast or deadline"
    if precision == "approximate":
        return "the text gives it as approximate; drawn as a span either side"
    return ""


@dataclass(frozen=True)
class Fact:
    """Common fields: where the fact is and the words that state it."""

    stem: str
    anchor: str
    line: int
    quote: str


@dataclass(frozen=True)
class DatedStatement(Fact):
    """A sentence that dates something. ``start``/``end`` are ISO (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``), ``end`` inclusive and equal to ``start`` for a single day/month/year."""

    when: str
    start: str
    end: str
    precision: str
    label: str


@dataclass(frozen=True)
class Quantity(Fact):
    """A number with its unit as stated: ``value`` (and ``high`` for a range) exactly as
    written, never multiplied out; ``scale`` names the multiplier word."""

    text: str
    value: float
    high: float | None
    scale: str
    unit: str
    qualifier: str

    def magnitude(self) -> float:
        """``value`` times the scale factor (for charts that need base units)."""
        return self.value * SCALES.get(self.scale, 1.0)


@dataclass(frozen=True)
class SeriesPoint:
    period: str
    start: str
    quantity: Quantity


@dataclass(frozen=True)
class Series:
    """Three or more quantities of one unit and scale, each tied to a distinct period."""

    stem: str
    anchor: str
    line: int
    measure: str
    unit: str
    scale: str
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True)
class SpeakerShare:
    """How much one speaker says in one section of an interview."""

    stem: str
    section: str
    speaker: str
    words: int
    turns: int
    line: int
    anchor: str


@dataclass(frozen=True)
class Term(Fact):
    """A run of Han script (or kana, or hangul) with its nearby gloss, if any."""

    term: str
    lang: str
    gloss: str
    pinyin: str


@dataclass(frozen=True)
class ArticleFacts:
    stem: str
    dates: tuple[DatedStatement, ...]
    quantities: tuple[Quantity, ...]
    series: tuple[Series, ...]
    speakers: tuple[SpeakerShare, ...]
    terms: tuple[Term, ...]
    #: the figures of its tables (:mod:`newsbook.extract.tables`)
    tables: tuple = ()
