"""Series: three or more quantities of one unit and scale, each tied to a distinct period.

A quantity is tied to a period when a point date (day, month, quarter, half, season,
fiscal year or year) stands right after it ("5.38 billion in 2024", "9% (2023)") or
before it in the same sentence with only words between ("In 2023, output was 30 GW";
"2022: $5bn"). Ranges, decades and relative dates never tie. A group (one paragraph, one
list, one caption or one run of short lines) yields a series per (unit, scale) whose
quantities have distinct periods; if one period carries two different values the whole
candidate is dropped as ambiguous.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .dates import RawDate
from .facts import Quantity, Series, SeriesPoint
from .spans import sentence_at

POINT_PRECISIONS = frozenset(("day", "month", "year", "quarter", "half", "season", "fiscal_year"))
#: what may stand between a quantity and its period: a preposition, after a phrase of one
#: or two words that says what it measures ("61% of income in 2020", "€12.40 a tonne in
#: 2024", "$3 per share for 2025")
_AFTER_GAP = re.compile(r"^(?:/[A-Za-z]{1,6}\b)?"  # (a price's rate: "€84/MWh in January")
                        r"\s?\(?\s?(?:(?:of|a|an|per) [a-z][\w’'-]*(?: [a-z][\w’'-]*)? "
                        r"(?=in\s|by\s|for\s))?"
                        r"(?:(?:in|by|for|during|as of|at the end of|through|"
                        r"at end-|in the year|en|im Jahre?|im|nel|em|no ano de|en el año)\s)?$",
                        re.I)
_BEFORE_GAP = re.compile(r"^[^\d;.!?]{0,60}$")
#: a value the text marks as not (yet) real, between its period and itself
_TENTATIVE = re.compile(r"\((?:proposed|projected|estimated|est\.|forecast|expected|planned"
                        r"|budgeted|target|provisional|preliminary|draft)\)", re.I)


@dataclass
class Located:
    """A quantity fact with its segment's text and dates (for tying to periods)."""

    fact: Quantity
    text: str
    start_off: int
    end_off: int
    dates: list[RawDate]
    sentences: list[tuple[int, int]]
    others: list[tuple[int, int]]      # spans of the other quantities in the segment


#: a season or a financial year written with its two years, "2022-23", "2024/25": one
#: period of a listing ("averaged 2,140 in 2022-23, 2,380 in 2023-24 …"), not a span
_SEASON = re.compile(r"^\d{4}[–/-]\d{2}$")


#: words before a value that make it a projection, not a level the text reports
_FORECAST = re.compile(r"\b(?:(?i:on (?:pace|track|course) (?:for|to)|expected|forecast|projected"
                       r"|estimated to|set to|guided to)|[Cc]ould|[Ww]ould|[Ww]ill|may|[Mm]ight)"
                       # ("may" in lower case only: "£310,000 in May 2026 and £315,000 in June"
                       # lost June, its "May" read as a forecast's)
                       r"\b[^.;]*$")


def _period(d: RawDate) -> bool:
    """Whether a date can be a series' period: a point, or a season's two years."""
    return d.precision in POINT_PRECISIONS or d.precision == "range" and \
        _SEASON.match(d.when) is not None and int(d.end[:4]) == int(d.start[:4]) + 1


def period_of(q: Located) -> RawDate | None:
    """The period a value is tied to: the date right after it, or before it in its
    sentence, or (a listing's first item) the date its phrase ends in."""
    d = _period_of(q)
    return d if d is not None else _lead_period(q)


#: a listing going on after a period: ", 41% in 2023-24"
_GOES_ON = re.compile(r",\s(?:and\s|y\s|et\s|und\s|e\s)?(?:(?:at|al|a|à|bei)\s)?")


#: what stands right before a period ends a phrase with: "in 2022", "en 2022", "im Jahr"
_PERIOD_WORDS = (" in ", " for ", " during ", " en ", " em ", " im ", " nel ", " durante ")


def _lead_period(q: Located) -> RawDate | None:
    """The first item of a listing whose words stand between its value and its period: "38%
    of students in grades 3-8 met the standard in 2022-23, 41% in 2023-24, …" (the 38% was
    lost, and its year drawn as an event): the period ends the phrase ("… in 2022-23"), no
    other value stands between, and the listing goes on with a value right after it."""
    s, e = sentence_at(q.sentences, q.start_off, q.end_off)
    d = next((d for d in q.dates if d.start_off >= q.end_off), None)
    if d is None or d.end_off > e or not _period(d) or d.yearless:
        return None
    gap = q.text[q.end_off:d.start_off]
    if len(gap) > 100 or not gap.endswith(_PERIOD_WORDS) or any(
            q.end_off <= a < d.start_off for a, _ in q.others):
        return None
    m = _GOES_ON.match(q.text, d.end_off)
    return d if m and any(a == m.end() for a, _ in q.others) else None


def _period_of(q: Located) -> RawDate | None:
    s, e = sentence_at(q.sentences, q.start_off, q.end_off)
    after = [d for d in q.dates if d.start_off >= q.end_off]
    if after and _period(after[0]) and not after[0].yearless and after[0].end_off <= e and \
            _AFTER_GAP.match(q.text[q.end_off:after[0].start_off]):
        return after[0]  # (in its own sentence: "2019: 21.4%" / "2021: 19.8%", typed one
        #                   under another, tied each value to the next line's year)
    before = [d for d in q.dates if s <= d.start_off and d.end_off <= q.start_off]
    if not before or not _period(before[-1]) or before[-1].yearless and \
            q.text[before[-1].end_off:q.start_off].strip() != ":":
        return None  # (a day with no year labels a line's value only: "Nov. 15: 412")
    d = before[-1]
    if any(d.end_off <= a and b <= q.start_off for a, b in q.others):
        return None
    if q.text.rfind("(", s, d.start_off) > q.text.rfind(")", s, d.start_off):
        return None  # (a citation's bracket: "Collected Poems (Farrow, 1931; reissued 2019,
        #             £14.99)" gives a book's year and today's price, no value of that year)
    if _BEFORE_GAP.match(q.text[d.end_off:q.start_off]):
        # the date belongs to no quantity after it when one stands before it in the
        # sentence: "A $21M Series A followed in 2024, with X leading at a $110M
        # valuation" dates the round, not the valuation ("X in 2022, Y" likewise)
        if q.text[d.end_off:q.start_off] not in (" at ", ": ", " bei ", " à ", " op ") and any(
                a >= s and b <= d.start_off and ";" not in q.text[b:d.start_off]
                for a, b in q.others):  # (a clause after a semicolon stands on its own;
            return None  # "ended 2022 at 4.50%, 2023 at 5.50%": each year its own value)
        return d
    return None


#: where a sentence turns to another measure: "…, while imports were …", "; …"
_CLAUSE = re.compile(r",\s(?:while|whereas|but)\s|;\s")


def _clause_at(q: Located) -> tuple[int, int]:
    """The sentence's span around the value, from its last turn to another measure before
    it ("Exports were $3.6bn in 2022, …, while imports were $2.8bn in 2022, …": two
    listings, each a series, where the one sentence had two values a year)."""
    s, e = sentence_at(q.sentences, q.start_off, q.end_off)
    turns = [m.end() for m in _CLAUSE.finditer(q.text, s, q.start_off)]
    return (turns[-1] if turns else s, e)


#: a price's unit with what it is per (:mod:`.quantities`): "EUR/MWh", "USD a month"
_PER_UNIT = re.compile(r"^(?P<base>[A-Z]{3})(?P<per>/.+| (?:a|an|per) .+)?$")


def find_series(group: list[Located], stem: str, start_no: int = 0) -> list[Series]:
    buckets: dict[tuple[str, str], list[tuple[RawDate, Quantity]]] = {}
    rates: dict = {}  # (a price per unit in a clause: what its clause's bare prices are)
    for q in group:
        if q.fact.high is not None:
            continue
        d = period_of(q)
        if d is None or _FORECAST.search(q.text, max(0, q.start_off - 30), q.start_off):
            continue  # ("on pace for about $910bn in 2025": a projection, no value reached)
        if d.end_off <= q.start_off and (t := _TENTATIVE.search(q.text, d.end_off, q.start_off)):
            d = replace(d, when=f"{d.when} {t.group()}")  # ("FY2026 (proposed): $97.3
            #  million" is no level reached: its period says so, in the text's own word)
        where = (q.fact.line, _clause_at(q))
        fact = q.fact
        if (m := _PER_UNIT.match(fact.unit)) and m.group("per"):
            rates[(where, m.group("base"))] = fact.unit
        elif (rate := rates.get((where, fact.unit))) is not None:
            fact = replace(fact, unit=rate)  # ("€84/MWh in January, €71 in February": the
            #                                  listing's later prices are per MWh too)
        buckets.setdefault((fact.unit, fact.scale), []).append((d, fact, where))
    out = []
    for (unit, scale), found in buckets.items():
        for pairs in _listings(found):
            series = _series(pairs, stem, unit, scale)
            if series is not None:
                out.append(series)
    out.sort(key=lambda s: s.line)
    return out


def _listings(found: list) -> list[list[tuple[RawDate, Quantity]]]:
    """The candidate series of one unit in one group. Two sentences that each list two
    values or more are two listings, of two measures perhaps ("Debt was 61% in 2020, 66%
    in 2023 and 69% in 2026. Approval was 45% in 2021 and 50% in 2022."), never one
    series; otherwise the group's values are one candidate ("In 2022 it was 30 GW. In
    2023, 35 GW. In 2024, 41 GW.")."""
    by: dict = {}
    for d, f, where in found:
        by.setdefault(where, []).append((d, f))
    if any(len(v) >= 2 for v in by.values()):
        # (a sentence that lists two values or more is a listing of its own: "… 2.3 GW in
        # 2023 and 3.9 GW in 2024. In H1 2025 another 1.2 GW came online." adds no point to
        # it, nor "Turbot cost us £19 a kilo in 2021" to "The tasting menu was £45 in 2022,
        # £55 in 2024"; sentences of one value each may still make one together, and a
        # value before the one listing leads into it: "The budget is $142.6 million in
        # 2026-27. That is up from $131.9 million in 2024-25 and $138.1 million in 2025-26.")
        multi = [w for w, v in by.items() if len(v) >= 2]
        singles = [w for w, v in by.items() if len(v) == 1]
        if len(multi) == 1 and singles and all(w < multi[0] for w in singles):
            return [[p for v in by.values() for p in v]]
        return [by[w] for w in multi] + ([[by[w][0] for w in singles]] if singles else [])
    return [[(d, f) for d, f, _ in found]]


#: a fall, a loss or a decline: a value it governs is a change down (or a loss), which a
#: chart of values as stated would draw as a rise; a series of them is left out unless
#: its values are levels ("fell from 1.2 million in 2019 to 1.1 million in 2021")
FALL = re.compile(r"\b(?:fell|falls?|falling|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|down"
                  r"|lost|loss(?:es)?|los(?:e|es|ing)|shr[au]nk|shrinks?|shrinking|decreas(?:e|es|ed)"
                  r"|slid|slump(?:s|ed)?|plung(?:e|es|ed)|sank|tumbl(?:e|es|ed)|contract(?:ed|ion)"
                  r"|negative|deficits?|minus"
                  # (and in Spanish, French, German: "cayó un 12,3 % en 2023", "a baissé de",
                  # "fiel um")
                  r"|cay(?:ó|eron)|baj(?:ó|aron)|descendi(?:ó|eron)|disminuy(?:ó|eron)|retrocedi(?:ó|eron)"
                  r"|caída|baisse|baissé|recul(?:é|e)?|chuté|diminué|fiel|fielen|sanken|gesunken"
                  r"|gefallen|zurückgegangen|Rückgang)\b", re.I)
#: (and "sank von 371.400 … auf …", "pasó de 4.215,3 … a …": a level it starts from)
FROM = re.compile(r"\bfrom\b|\b(?:von|de|desde|da)\s[$€£]?\d", re.I)
#: a rise by a value, which is a change ("rose 7%", "up 9%", "grew by 4%"), not a level
#: ("rose to 7%")
RISE_BY = re.compile(r"\b(?:rose|grew|increased|climbed|jumped|gained|added|up|higher|growth of"
                     r"|increase of|rise of"
                     # (and "subió un 4 %", "a augmenté de 3 %", "stieg um 2 %")
                     r"|sub(?:ió|ieron)|aument(?:ó|aron)|creci(?:ó|eron)|augmenté|progressé|hausse"
                     r"|stieg|stiegen|wuchs|gestiegen)\s(?:by\s|un\s|una\s|de\s|um\s)?"
                     r"(?:(?:about|around|nearly|some|almost|roughly|just)\s)?[-+−]?[$€£¥]?\d", re.I)


def _series(pairs, stem: str, unit: str, scale: str) -> Series | None:
    """Three or more values tied to distinct periods of one precision, else None."""
    by_period: dict[str, tuple[RawDate, Quantity]] = {}
    ambiguous = False
    for d, f in pairs:
        key = d.start + "/" + d.end
        if key in by_period and by_period[key][1].value != f.value:
            ambiguous = True
        by_period.setdefault(key, (d, f))
    if ambiguous or len(by_period) < 3 or len({d.precision for d, _ in by_period.values()}) != 1:
        return None
    # (each quote up to its last value: "… 1,176 in 2025, a drop of 8.4% in four years" sums
    # the levels up after them, and lost the series)
    ends: dict[str, int] = {}
    for _, f in by_period.values():
        at = f.quote.rfind(f.text)
        ends[f.quote] = max(ends.get(f.quote, 0), at + len(f.text) if at >= 0 else len(f.quote))
    quotes = [q[:e] for q, e in ends.items()]
    if any(FALL.search(q) for q in quotes) and not all(FROM.search(q) for q in quotes):
        return None  # changes, not levels: "fell 3% in 2023, 5% in 2024" drawn as +3, +5
    if any(RISE_BY.search(q) for q in quotes):
        return None  # and rises: "Build costs rose 7% in 2022, 4% in 2023" (no level fell)
    pts = sorted(by_period.values(), key=lambda p: p[0].start)
    first = min((f for _, f in pts), key=lambda f: f.line)
    measure = f"{unit} {scale}".strip()
    return Series(stem, first.anchor, first.line, measure, unit, scale,
                  tuple(SeriesPoint(d.when, d.start, f) for d, f in pts))
