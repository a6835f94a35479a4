"""Numbers that borrow their unit: the items of a listing whose unit is stated once ("12
members in 2019, 19 in 2021"; "to 5.38 billion in 2024" after "$4.1 billion"), and the first
number of a listing whose counted noun is its subject ("Confirmed cases were 412 in 2015").
Each borrows only from the closest quantity before it in the same sentence, with nothing
but the listing's dates and marks between them: when in doubt, a number stays a number.
"""
from __future__ import annotations

import re

from .numbers import (NL, NOUN_ALT, NR, NUM, SW, SIGN, RawQuantity, build, counted_in, number,
                      scale_of)
from .spans import has_any, sentence_at, sentences

#: (every scale word holds one of these: "million", "Milliarden", "millones", "milhões")
_SCALE_STEMS = ("illion", "thousand", "illiard", "illon", "ilion", "iliard", "ilhõ", "ilhã",
                "iljard", "iljoen", "mil ")
#: ``5.38 billion`` with no unit: takes the unit of the quantity before it in the sentence
BARE_RE = re.compile(rf"{SIGN}{NL}(?P<n1>{NUM}){NR}\s(?P<s1>{SW})\b(?!\s?[-–])")


def bare_scaled(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
    """``to 5.38 billion in 2024``: a scaled number with no unit borrows the unit of the
    closest quantity before it in the same sentence, when nothing but dates and words lie
    between them (no other number, no sentence or clause end)."""
    spans = None
    extra: list[RawQuantity] = []
    if not has_any(text, _SCALE_STEMS):
        return found
    for m in BARE_RE.finditer(text):
        if _taken(m.start(), m.end(), found, dates):
            continue
        spans = spans or sentences(text)
        s, _ = sentence_at(spans, m.start(), m.end())
        prev = [q for q in sorted(found + extra, key=lambda q: q.start_off) if s <= q.start_off and q.end_off <= m.start()
                and q.scale and q.unit not in ("%",)]
        if not prev:
            continue
        p = prev[-1]
        if not p.unit.isupper() and not _ends_a_listing(text, m.end(), dates):
            continue  # "5 million users and 2 billion in revenue": another measure
        gap = _gap(text, p.end_off, m.start(), dates, " ")
        if re.search(r"\d|[;:!?]", gap) or len(gap) > 80:
            continue
        r = build(text, m, p.unit)
        if r is not None:
            extra.append(r)
    return sorted(found + extra, key=lambda r: r.start_off)


_LISTING_END = re.compile(r"\s?(?:[,.;)]|(?:and|or|et|ou|y|o|e|und|oder|en)\b|$)")
_COUNT_RE = re.compile(rf"{NL}(?P<n1>{NUM}){NR}(?![%\w])")
_TIED_AFTER = re.compile(r"\s(?:in|by|during)\s")
#: all that may stand between one item of such a listing and the next (D: a date): its
#: date and a list mark ("12 members in D, 19"), or a list mark and the next date
#: ("140 members; in D, 185"); "40 members in D and lost 3" is another measure
_LIST_GAP = re.compile(r"^(?: (?:in|by) D(?:,? and |, |; (?:and )?| to )"
                       r"|[;,]? (?:and )?(?:in|by) D, )$")


def bare_counts(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
    """``12 members in 2019, 19 in 2021, 27 in 2023``; ``140 members in 2022; in 2023,
    185``: a plain number tied to a date (one right after it, "19 in 2021", or right
    before it, "in 2023, 185") borrows the unit of the closest quantity before it in the
    same sentence, when that one counts things (a unit word, no scale, no percentage and
    no currency or other capitalised unit) and only the listing's dates and marks lie
    between them (:data:`_LIST_GAP`). Anything else ("26 in 2023" after "7.1%", "lost 3
    in 2021" after "40 members in 2020") stays a number."""
    if not any(_counts(q) for q in found):
        return found
    starts = {a for a, _ in dates}
    ends = {b: a for a, b in dates}
    spans = None
    extra: list[RawQuantity] = []
    first = min(q.end_off for q in found if _counts(q))
    for m in _COUNT_RE.finditer(text, first):
        s, e = m.start(), m.end()
        if _taken(s, e, found, dates):
            continue
        after = _TIED_AFTER.match(text, e)
        if not (after is not None and after.end() in starts) and not _date_before(text, s, e,
                                                                                ends):
            continue
        spans = spans or sentences(text)
        lo, _ = sentence_at(spans, s, e)
        prev = [q for q in found + extra if lo <= q.start_off and q.end_off <= s]
        if not prev:
            continue
        p = max(prev, key=lambda q: q.end_off)
        if not _counts(p):
            continue
        if not _LIST_GAP.match(_gap(text, p.end_off, s, dates, "D")):
            continue
        extra.append(RawQuantity(s, e, text[s:e], number(m.group("n1")), None, "", p.unit, ""))
    return sorted(found + extra, key=lambda r: r.start_off) if extra else found


#: "Confirmed cases were 412 in 2015, …": the counted noun is the subject, the number the
#: first of a listing by year (:func:`_bare_counts` reads the rest)
_SUBJECT_COUNT = re.compile(
    rf"\b(?P<noun>{NOUN_ALT})\s(?:were|was|numbered|totall?ed|stood at|came to|reached"
    # ("ADU permits rose every year, from 96 in 2021 to 141 in 2022 and 188 in 2023")
    r"|(?:rose|fell|grew|climbed|increased|decreased|dropped|declined|went)(?:\s(?:every|each)"
    r"\s(?:year|month|quarter|season)|\s(?:steadily|sharply|slightly|again))?,?\sfrom)\s"
    rf"{NL}(?P<n1>{NUM}){NR}(?=\s(?:in|by|during)\s)")


#: a number that counts the noun already, a word or two before it: "the 41 sentinel"
_COUNTED_BEFORE = re.compile(r"\d[\d,.]*\s(?:[a-z][\w-]*\s){0,2}$")
_SUBJECT_VERBS = (" were ", " was ", "numbered", "tota", "stood at", "came to", "reached",
                  " from ")


def subject_counts(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
    """The first number of a listing by year whose counted noun is its subject ("Confirmed
    cases were 412 in 2015, 388 in 2016 …"), counted in that noun, when a date follows
    it (the number alone is quoted: the noun stands before the verb)."""
    if not has_any(text, _SUBJECT_VERBS):  # (substring tests first: most paragraphs have none)
        return found
    starts = {a for a, _ in dates}
    extra = []
    for m in _SUBJECT_COUNT.finditer(text):
        s, e = m.span("n1")
        after = _TIED_AFTER.match(text, e)
        if after is None or after.end() not in starts or _taken(s, e, found, dates):
            continue
        if _COUNTED_BEFORE.search(text, max(0, m.start("noun") - 40), m.start("noun")):
            continue  # ("Admissions … across the 41 sentinel hospitals were 1,240 in
            #           October": the noun another number counts is no subject's)
        extra.append(RawQuantity(s, e, text[s:e], number(m.group("n1")), None, "",
                                 counted_in(m.group("noun")), ""))
    return sorted(found + extra, key=lambda r: r.start_off) if extra else found


def _taken(s: int, e: int, found: list[RawQuantity], dates) -> bool:
    """Whether ``s:e`` overlaps a quantity already found or a date."""
    return any(s < q.end_off and q.start_off < e for q in found) or \
        any(s < b and a < e for a, b in dates)


def _gap(text: str, start: int, end: int, dates, mark: str) -> str:
    """``text[start:end]`` with each date wholly inside it replaced by ``mark``."""
    gap = text[start:end]
    for a, b in dates:
        if start <= a and b <= end:
            gap = gap.replace(text[a:b], mark)
    return gap


def _counts(q: RawQuantity) -> bool:
    """A quantity that counts things: "140 members" (not "9%", "$4", "30 GW")."""
    return bool(q.unit) and not q.scale and q.high is None and not q.unit.isupper() \
        and q.unit != "%" and not any(c in q.text for c in "$€£¥₩")


def _date_before(text: str, s: int, e: int, ends: dict[int, int]) -> bool:
    """"in 2023, 185;": a date after "in" or "by", then a comma, then the number, and a
    listing mark (or the end) after it."""
    k = s
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if k == 0 or text[k - 1] != ",":
        return False
    a = ends.get(k - 1)
    return a is not None and text[max(0, a - 3):a] in ("in ", "by ") and \
        _LISTING_END.match(text, e) is not None


def _ends_a_listing(text: str, end: int, dates) -> bool:
    """Whether a bare scaled number ending at ``end`` is an item of a listing of one measure
    ("22.0 million in 2021, …"): a date, a clause mark or "and" comes right after it, not
    a noun of its own ("2 billion in revenue")."""
    if any(end <= a <= end + 12 for a, _ in dates):
        return True
    return _LISTING_END.match(text, end) is not None


#: a listing's plain number, with its scale word if it has one ("61.4 million in 2021"); its
#: sign, "-320 in 2019", is looked at after a match (:func:`_signed`: a pattern opening with
#: an optional sign cost the listings' scan a third more)
_LISTED = re.compile(rf"{NL}(?P<n1>{NUM}){NR}(?:\s(?P<s1>{SW})\b)?(?![%\w])")
_SIGNS = "-−"
_NOT_BEFORE_SIGN = re.compile(r"[\w.,:/#\-−–]")


def _signed(text: str, s: int) -> int:
    """Where a listed number starts with its sign: "-320" after a space or a bracket (not
    "2019-320", a range's or a code's dash)."""
    if s and text[s - 1] in _SIGNS and (s < 2 or not _NOT_BEFORE_SIGN.match(text, s - 2)):
        return s - 1
    return s
#: what joins the items of a listing by year: "41 in 2022, 46 in 2023 and just 38 in 2025"
_CHAIN = re.compile(r"^(?:,\s|;\s|,?\s(?:and|&|to|from|auf|und|bis|von|y|et|e|a|à)\s"
                    # ("rose from 22 in 2021 to 44 in 2024 before easing to 40 in 2025")
                    r"|,?\s(?:before|then|and then)\s[a-z]+ing\s(?:back\s)?(?:to|at)\s)"
                    r"(?:(?:just|only|then|a|about)\s)?$")
#: what a listing of plain numbers opens after: "Enrollment was 9,812 in 2021, …" (a verb
#: that states a level, so the numbers are that subject's values)
_STATED = re.compile(r"(?:\b(?:was|were|is|are|stood at|came to|totall?ed|averaged|numbered"
                     r"|(?:rose|grew|fell|went|increased|climbed|jumped|dropped|declined)"
                     r" (?:from|to)"
                     # (German: "sank von 371.400 im Jahr 2021 auf …", "lag bei", "betrug")
                     r"|(?:sank|stieg|fiel|wuchs|ging|kletterte) (?:von|auf)|lag bei|betrug|war|waren)"  # ("climbed to 1,655 in March from 1,302 in February …")
                     r"|(?:^|(?<=\s))[A-Z][\w’'-]{0,20}(?: [\w’'-]+){0,2}:)"  # (or a label's)
                     r"\s(?:(?:just|only|about|around)\s)?$")
_STATED_WORDS = (" was ", " were ", " is ", " are ", "stood at", "averaged", "tota", "came to",
                 "numbered", " from ", ": ", " to ", " von ", " auf ", " bei ", "betrug", " war")
#: a listing's first item that names what it counts, a plural noun: "1,507 new
#: confirmations in 2016, 151 in 2017, …" (the rest borrow it)
_RATE = r"(?:(?:a|an|per|each)\s(?:game|match|day|night|week|month|year|head|person|visit|show)\s)?"
_NOUN_TIED = re.compile(rf"\s(?P<noun>(?:[a-z][a-z-]+\s){{0,2}}[a-z][a-z-]+s)\s{_RATE}(?:in|by|during)\s")
#: a listing's item tied to its year, a rate between them or not: "2,140 a game in 2022-23"
_TIED_RATE = re.compile(rf"\s{_RATE}(?:in|by|during|im Jahr|im|en|em|nel)\s")
#: a second item of a listing ("…, 151 in 2017"): a cheap test before any is looked for
_NEXT_ITEM = re.compile(r"[,;] (?:and |just |only )?\d[\d,.]* (?:[a-z]+ ){0,3}(?:in|by) ")


def bare_listing(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
    """"District enrollment was 9,812 in 2021, 9,640 in 2022, 9,455 in 2023 and 9,301 in
    2024": three plain numbers or more, each tied to a year ("N in YEAR"), listed with
    commas and "and" after a verb that states a level. They are the subject's values, with
    no unit (the chart says what they measure in the sentence's words); their years are
    the listing's, not three events. Anything looser stays plain numbers."""
    if not (" in " in text or " im " in text or " en " in text) or not (
            has_any(text, _STATED_WORDS) or _NEXT_ITEM.search(text)):
        return found  # (substring tests first: most paragraphs list nothing)
    ends = {a: b for a, b in dates}
    # (start, end, end of its year, scale, the noun it names: "" for a bare number)
    items: list[tuple[int, int, int, str, str]] = []
    for m in _LISTED.finditer(text):
        s, e = _signed(text, m.start()), m.end()
        after, noun = _TIED_RATE.match(text, e), ""
        if after is None and not m.group("s1") and (named := _NOUN_TIED.match(text, e)):
            after, noun = named, named.group("noun")
        if after is None or after.end() not in ends or _taken(s, e, found, dates):
            continue
        if noun:  # (the item as stated, its noun with it: "1,507 new confirmations")
            e = after.end("noun")
        items.append((s, e, ends[after.end()], scale_of(m, 1), noun))
    runs: list[list[tuple[int, int, int, str, str]]] = []
    for it in items:
        if runs and it[4] in ("", runs[-1][0][4]) and _CHAIN.match(text[runs[-1][-1][2]:it[0]]):
            # (an item names its noun again, "3,480 spectators in 2024", or borrows it)
            runs[-1].append(it)
        else:
            runs.append([it])
    # a listing of three or more: after a verb that states a level (its numbers are the
    # subject's), or opened by an item that names its noun (the rest count the same)
    extra = [RawQuantity(s, e, text[s:e], number(text[s:e].split()[0]), None, scale,
                         run[0][4], "")
             for run in runs if len(run) >= 3 and len({it[3] for it in run}) == 1
             and (run[0][4] or _STATED.search(text, max(0, run[0][0] - 30), run[0][0]))
             for s, e, _, scale, _ in run]
    return sorted(found + extra, key=lambda r: r.start_off) if extra else found


#: a line that is a label and its plain value: "Week ending Nov. 15: 412", "2019: 1,204"
LABELLED = re.compile(rf"^[^:\n]{{0,60}}:\s(?P<n1>{NUM})(?:\s(?P<unit>[^\W\d_]{{3,20}})\.?)?"
                      # (and a word on the value: "2024: 9.8 (provisional)", "(estimativa)")
                      r"(?:\s\((?P<qual>[^\W\d_][^()\d]{2,20})\))?$")


def labelled_value(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
    """A line that is a date's label and a plain number ("Week ending Nov. 15: 412"): the
    number is that period's value, with no unit. One such line is a number; three under
    one another are a series (:mod:`.series` ties each to its date)."""
    if found or ":" not in text:
        return found
    m = LABELLED.match(text.rstrip())
    if m is None or not any(m.start("n1") - 3 <= b < m.start("n1") and
                            text[b:m.start("n1")].strip() == ":"
                            for _, b in dates):  # (the date ends right at the colon, or
        #                                          a space before it: French "2021 : 168,4")
        return found
    s, e = m.start("n1"), m.end()  # (and the noun it counts, as written: "2.310 Wohnungen")
    unit = m.group("unit") or ""
    scale = _SHORT_SCALES.get(unit, "")  # ("2019: 1.124,2 Mio.": millions, of no unit named)
    return [RawQuantity(s, e, text[s:e], number(m.group("n1")), None, scale,
                        "" if scale else unit, (m.group("qual") or "").lower())]


_SHORT_SCALES = {"Mio": "million", "Mrd": "billion", "Tsd": "thousand", "mln": "million",
                 "mld": "billion", "tys": "thousand"}