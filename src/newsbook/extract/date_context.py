"""What the words around a date phrase say of it: whether a bare number is a year or a
count ("in 1666" against "1500 troops"), whether a relative phrase is this week or an
anniversary's, whether a date only bounds its event ("before 1970"), is a financial year
or an index's base, names its own weekday, or is a person's life; and how an approximate
date widens. Kept apart from :mod:`newsbook.extract.dates`, which finds the phrases and
resolves them: these are the judgements, each with the example that asked for it.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .numbers import is_unit_word

#: a bare year right after one of these is a count, a name or a quantity, not a year
NOT_YEAR_AFTER = frozenset("""no no. number # model version v room route page pages p. pp.
windows office flight article section chapter item rule part unit step level about around
roughly nearly almost over than approximately some top rank ranked code top- bib lot jersey
shirt car flat apartment suite box kit plot folio catalogue cat. ms. platform gate pier bus
train exit form bay berth squadron regiment batch serial ticket s. h.r. h.res. s.res. h.b. s.b.
a.b. ab sb hb bill §""".split())
#: words before a number that make it a year only when no counted noun follows it
_WEAK_BEFORE = frozenset("the a an of and or to for".split())
#: a bare year before 1900 needs one of these before it ("in 1666", "until 1752"); 1500 or
#: 1800 alone is as often a count as a year
OLD_YEAR_AFTER = frozenset("""in since by until till from during through throughout circa c. ca.
year and or to en depuis vers jusqu'en jusqu’en seit im um bis desde hasta hacia nel dal fino
em""".split())
YEAR_AFTER = frozenset("""in since by until till before after from to of during through
throughout circa c. early late mid and or the a an year fiscal between on at for around
jahr jahres année año anno jaar ano halbjahr halbjahres quartal semester
semestre trimestre sommer herbst winter frühling frühjahr zomer winter najaar voorjaar
quartal ende anfang mitte""".split())
#: where a year may be (a gate and the windows the year patterns run in, which check the
#: year's own borders: "12019" passes here; each branch opens with a literal digit or
#: letter, so the engine skips to those, three times faster than a lookbehind first)
_HAS_YEAR = re.compile(r"(?:1\d|20)\d\d(?!\d)|FY|[1-4][QH]\d\d")
_NEXT_WORD = re.compile(r"^\s*([A-Za-z%]+)")


#: the last words of a holiday's name before its year ("Boxing Day 1962"): a date's
_HOLIDAY_ENDS = frozenset(("Day", "Eve", "Night", "Hogmanay", "Halloween"))
#: a year in a listing of years, before the next: "1833," in "in 1833, 1835 and 1838"
_LISTED_YEAR = re.compile(r"(?:1[0-9]|20)\d\d,")
#: an event of a year named "of" it: "the bank crisis of 1797", "the winter of 1794"
_OLD_EVENT_OF = re.compile(r"\b(?:crisis|crash|panic|winter|summer|spring|autumn|war|flood|fire"
                           r"|riots?|famine|strike|revolution|plague|storm|frost|drought|mania"
                           r"|election|treaty|census|battle|siege|uprising|rebellion|exhibition"
                           r"|congress|session|season|campaign|harvest|class)\s$", re.I)
#: a chronology's line, its year first then a dash or colon: "1766 – the Act is passed"
_CHRONOLOGY = re.compile(r"\s?[–—:-]\s\w")
#: words that make a number after them approximate: a count ("around 2000 people") unless
#: what follows the number ends its phrase (:data:`_YEAR_ENDS`)
_ROUGHLY = frozenset(("around", "about", "circa", "approximately", "roughly"))
_YEAR_ENDS = re.compile(r"\s*(?:$|[.,;:!?)—–]|(?:and|or|when|if|as|but|at|the|to|in|for|with|it|he|she|they|we|there|this|that|"
                        r"unless|while|because|so)\b)")


#: a year that opens an event's name: "2026 Whitlock Prize", "2024 Paris Olympics"
_EVENT_NAME_AFTER = re.compile(r"\s(?:[A-Z][\w’'-]+\s){0,3}(?:Prize|Awards?|Festival|Cup|Games"
                               r"|Olympics|Summit|Conference|Championships?|Fair|Expo|Open"
                               r"|Marathon|Tour|Congress|Biennale?|Grand Prix)\b")


def names_a_year(text: str, start: int = 0, end: int | None = None,
                 decades: bool = True) -> bool:
    """Whether ``text[start:end]`` may name a year (:data:`_HAS_YEAR`): a number from 1000 to
    1899 only after a word that dates it ("in 1666") or in a full date ("25 February
    1826", "the 1780s"), as :func:`_year_ok` asks of a year; "the district office, 1100
    Orchard Lane" names none, so a day with no year beside it ("Jan. 15") is read.
    ``decades=False``: a decade ("the 1990s") names no year either."""
    from .dates import MONTHS  # (the month names live with the patterns that use them)
    from .spans import prev_word
    for m in _HAS_YEAR.finditer(text, start, len(text) if end is None else end):
        y = m.group()
        if text[m.end():m.end() + 1] == "." and text[m.end() + 1:m.end() + 2].isdigit():
            continue  # (a version: "Ruffle-LSP 2026.6.0", no year)
        if not decades and y.endswith("0") and text.startswith(("s", "er"), m.end()):
            continue  # (a decade: "the 1990s" leaves "On 3 February" beside it a day)
        if not decades and text[max(0, m.start() - 6):m.start()] in ("since ", "Since "):
            continue  # (a record's or a start's "since 1958" dates none of the days beside
            #           it: "fell to −12.4°C on 14 January, the lowest since 1958")
        at, word = prev_word(text, m.start())
        if word.lower() in NOT_YEAR_AFTER or _CODE_AFTER.match(text, m.end()) or \
                _ADDRESS_AFTER.match(text, m.end()):
            continue  # ("Resolution No. 2025-066", "Case No. 2025-CV-04417", "2010 Mill
            #           Street": a number, a code or an address, which dates no day beside it)
        if _EVENT_NAME_AFTER.match(text, m.end()) and word.lower().rstrip(".,") not in MONTHS:
            continue  # (an event's name: "the 2026 Whitlock Prize ceremony" leaves "9 July"
            #           beside it a day to read; "the March 2024 National People’s
            #           Congress" is a date still)
        if len(y) == 4 and word[:1].isupper() and word.lower() not in YEAR_AFTER and \
                word.rstrip(",") not in _HOLIDAY_ENDS and \
                word.lower().rstrip(".,") not in MONTHS and word[-1:].isalpha() and \
                text[:at].rstrip()[-1:] not in ("", ".", "!", "?", ":"):
            continue  # (part of a name: "the Russell 2000 Value index", "Vision 2030")
        if not "1000" <= y < "1900" or len(y) != 4:
            return True
        prev = word.lower().strip("(“\"‘'[,.")
        if prev in OLD_YEAR_AFTER or word.lower().lstrip("(") in OLD_YEAR_AFTER or \
                prev in MONTHS or prev in ("of", "de", "del") or prev in _ROUGHLY or \
                prev[:1].isdigit() or text.startswith(("s", "er"), m.end()) or \
                _CHRONOLOGY.match(text, m.end()) and not text[:m.start()].strip():
            return True
    return False


#: a value after a listing item's year and its colon: "1861: 22.2 million"
_OLD_VALUE_NEXT = re.compile(r":\s?[-−+]?[$€£¥]?\d")


def _year_ok(text: str, m: re.Match) -> bool:
    """A bare year needs a plausible context: not a count, name or quantity."""
    from .spans import prev_word
    pstart, prev = prev_word(text, m.start())
    low = prev.lower().strip("(“\"‘'[")
    if low in _ROUGHLY and _YEAR_ENDS.match(text, m.end()):
        return True  # "by around 2050.", "around 2050, when": a year (drawn as a span)
    if m.group("y") < "1900" and low not in OLD_YEAR_AFTER and not (
            _LISTED_YEAR.fullmatch(low)  # ("in 1833, 1835 and again in 1838")
            or low == "of" and _OLD_EVENT_OF.search(text, max(0, pstart - 24), pstart)
            or not text[:m.start()].strip() and _CHRONOLOGY.match(text, m.end())
            or text[:m.start()].rstrip()[-1:] in (":", ";") and _OLD_VALUE_NEXT.match(
                text, m.end())):
        return False  # ("1500 troops", "lot 1848", "Cromwell 1653": only "in 1666" is a year)
    #                   (and a listing's item: "censuses: 1861: 22.2 million; 1901: …" lost
    #                   its first, pre-1900, point)
    if low in NOT_YEAR_AFTER or (prev and prev[-1] in "$€£¥₩#"):
        return False
    if prev and prev[0].isupper() and low not in YEAR_AFTER and not re.search(r"['’]s$", prev) \
            and not prev.endswith((",", ".", ":", ";", ")")):
        # "Modernization 2035", "Windows 2000", "Los Angeles 2028": part of a name
        head = text[:pstart].rstrip()
        nonstart = bool(head) and head[-1] not in ".!?:;"
        if nonstart:
            return False
    if _BASE_YEAR.match(text, m.end()):
        return False  # ("2015 = 100": an index's base year)
    if _MEASURE_AFTER.match(text, m.end()):
        return False  # ("the Col de Varenne (2010 m)": a height, "a 2000 km race")
    if _ADDRESS_AFTER.match(text, m.end()):
        return False  # ("2010 Mill Street", "the 1900 block of Kessler Avenue": a house)
    nw = _NEXT_WORD.match(text[m.end():])
    if nw:
        if is_unit_word(nw.group(1)) and (low not in YEAR_AFTER or low in _WEAK_BEFORE) and \
                not (low in ("and", "or") and _YEAR_THEN.search(text, 0, pstart)):
            # ("the 2020 and 2021 editions": a year after a year, whatever follows it)
            # ("Of the 2014 people screened": a count; "In 2014 people voted": a year)
            return False
    return True


#: a year and a space, ending where a word "and" or "or" starts ("2020 and 2021 editions")
_YEAR_THEN = re.compile(r"\b(?:1[5-9]|20)\d\d\s$")
#: a code's rest after a year's digits: "2025-CV-04417", "2025-066" (a season is "2025-26")
_CODE_AFTER = re.compile(r"[-–/](?:[A-Za-z]|\d{3}(?!\d)|\d{5,})")
#: a street after a number, or a block of one: the number is an address ("2010 Mill
#: Street", "1984 Kessler Ave.", "the 1900 block of …"), never a year
_ADDRESS_AFTER = re.compile(r"\s(?:block\b|(?:[NSEW]\.?\s|North\s|South\s|East\s|West\s)?"
                            r"(?:[A-Z][\w’'.-]*\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln"
                            r"|Boulevard|Blvd|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Parkway"
                            r"|Pkwy|Highway|Hwy|Square|Crescent|Close)\b)")
#: a unit of measure right after a number: it measures, it dates nothing
_MEASURE_AFTER = re.compile(r"\s?(?:m|km|cm|mm|ft|mi|nm|kg|g|t|kt|ha|m²|m³|km²|kWh|MWh|GWh|kW|MW"
                            r"|GW|metres|meters|feet|miles|kilometres|kilometers|tonnes|tons"
                            r"|hectares|acres)(?![\w²³&])")


_COMPARED = re.compile(r"\bcompared (?:with|to)\s$", re.I)


#: a recurring day, no date of one year: "every 19 March", "todos los 19 de marzo"
_EVERY = ("every", "each", "per", "cada", "chaque", "ogni", "jeden", "jedes", "jede", "elke",
          "ieder")
_EVERY_BEFORE = re.compile(r"\b(?:todos los|todas las|tous les|tutti i|tutte le|alle)\s(?:d[ií]as?\s)?$"
                           # (and a day kept each year: "Every year, on 23 May, the town …",
                           # "Ogni anno, il 23 maggio", "annually on 4 July": no plan of 2026)
                           r"|\b(?:(?:every|each|ogni|cada|chaque|jedes|elk|ieder)\s(?:year|anno|"
                           r"año|année|Jahr|jaar)|annually|yearly)\b,?\s(?:(?:on|il|el|le|am|op)\s)?"
                           r"(?:the\s)?$", re.I)


def _relative_ok(text: str, m: re.Match, day: bool = False, pinned: bool = False) -> bool:
    """Whether a relative phrase ("last year") or, with ``day``, a day given with no year
    ("the 17th of May") dates something of the article's own time. ``pinned``: a day its
    weekday names ("Wednesday 3 June"), whose year no other year in its sentence puts in
    doubt."""
    from .spans import prev_word
    if not text[:m.start()].strip() and not text[m.end():].strip(" .:!"):
        return False  # ("Next week" alone: a section's title, not a week)
    prev = prev_word(text, m.start())[1].lower().rstrip(",;:")
    if prev in _EVERY or not day and prev in ("the", "past", "a", "that", "ago") or \
            day and _EVERY_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return False  # ("two hundred years ago this week": an anniversary, not this week)
    if prev in ("than", "as", "over", "vs", "versus", "with", "to") and \
            (prev not in ("with", "to") or _COMPARED.search(text, 0, m.start())):
        return False  # ("a fortnight later than last year": a comparison dates no event)
    if not day and _LIKENED.search(text, max(0, m.start() - 60), m.start()):
        return False  # ("feels like a town that was built last week": a likeness, no week)
    if not day and text.startswith(("'s ", "’s "), m.end()):
        return False  # ("recovered some of last week's losses": the week of the losses,
        #              not of what the sentence tells)
    # inside quoted speech or a quoted document, "last year" may mean another year
    from .spans import sentence_at, sentences
    s, e = sentence_at(sentences(text), m.start(), m.end())
    if not day and _PERSONAL.search(text, s, e) and not _NAMED.search(text, s + 1, e) \
            and not _DIGIT.search(text, s, e):
        return False  # (the letter's or its readers' own time, in a sentence that names
        #              nothing and no number: "Five things worth your time this week", "The
        #              full transcript will follow next week", "what we cover next year")
    if not pinned and names_a_year(text, s, e, decades=not day):  # (never for a day with no year: it runs only where
        return False  # no year is) "Fifty years ago this month, the February 1976 Crier …"
    if text.lstrip().startswith(("“", "\"", "„", "«")):
        return False
    if not any(c in text[s:e] for c in "“”«»„"):
        return True
    # (quoted speech, or a date inside the quotes, may mean another time; a short name in
    # quotes, „Bauen Digital“, is no speech: "Vom 2. bis 5. April … auf der Messe
    # „Bauen Digital“" was left out)
    quoted = list(_QUOTED.finditer(text, s, e))
    outside = "".join(text[a:b] for a, b in zip([s] + [q.end() for q in quoted],
                                                [q.start() for q in quoted] + [e]))
    if any(c in outside for c in "“«„"):
        return False  # (a quote the sentence opens and does not close: speech)
    return not any(q.start() <= m.start() < q.end() or len(q.group(1).split()) >= 4
                   for q in quoted)


#: a name in a sentence past its first letter ("the Fed", "Editor Lily", "Huai Jinpeng"),
#: or a word in a script with no capitals; a number
_NAMED = re.compile(r"(?<=[\s(“\"'‘—–-])(?!I[\s’'])[A-ZÀ-ÞĀ-Ž][\w’'.-]|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_DIGIT = re.compile(r"\d")
#: the letter speaking of itself or to its readers: "we", "your", "here is", "transcript"
_PERSONAL = re.compile(r"\b(?:I|(?i:we|our|us|you|your|my|me|here(?:['’]s| is| are)"
                       r"|transcript|recording|episode|issue|newsletter|edition))\b")


#: a likeness before a relative phrase in its clause: "looks like a town built last week",
#: "as if it happened yesterday"
_LIKENED = re.compile(r"\b(?:(?:feels?|felt|looks?|looked|seems?|seemed|sounds?|sounded) like"
                      r"|as if|as though)\b[^.;:!?]{0,50}$")
#: a quoted stretch: “…”, «…», „…“
_QUOTED = re.compile(r"[“«„]([^“”«»„]{0,400})[”»“]")


#: a date that only bounds its event, which happened at no date the text gives: "before
#: 1970", "prior to 2018", "in the years after 2010" (never drawn at 1970, 2018 or 2010)
_BOUND = re.compile(r"(?<![\w-])(?:[Bb]efore|[Aa]fter|[Pp]rior to|[Ee]arlier than|[Ll]ater than|"
                    r"[Aa]ntes de(?:l| la)?|[Dd]espu[ée]s de(?:l| la)?|[Aa]vant|[Aa]pr[èe]s|[Vv]or|"
                    r"[Nn]ach|[Pp]rima del?|[Dd]opo il|[Pp]re|[Pp]ost)[\s-]$")
#: an index's base year ("2015 = 100")
_BASE_YEAR = re.compile(r"\s?=\s?100\b")
#: a span of years that is a financial year ("the 2024/25 financial year", "fiscal year
#: 2024-25"): no span of the calendar (see :func:`newsbook.extract.events`)
_FISCAL_AFTER = re.compile(r"\s(?:financial|fiscal|tax|budget)\syear\b", re.I)
_FISCAL_BEFORE = re.compile(r"\b(?:financial|fiscal|tax|budget)\syear\s$", re.I)
#: a weekday named right before a day ("Saturday 14 March", "Sat, 14 March")
_WEEKDAY_BEFORE = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s(?:the\s)?$")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _weekday_ok(text: str, start: int, day: str) -> bool:
    """Whether the weekday a text names before a day is that day's ("Saturday 13 March"
    in a year when 13 March is a Friday: the day or the weekday is wrong, so neither)."""
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
    return m is None or _WEEKDAYS.index(m.group(1)) == date.fromisoformat(day).weekday()


#: a name and an opening bracket right before a range of years: a person's life years
#: ("Tobias Whitlow (1902–1940)", "Anne Lister (c. 1791 – 1840)")
_LIFE = re.compile(r".*[A-ZÀ-Þ][\w’'-]+ \((?:c\.|ca\.|b\.|r\.)?\s?$", re.S)
#: a reign or a life, not a span of events: "(c. 1028–1087; r. 1066–1087)", "Kublai Khan
#: (r. 1260–1294)", "reigned 1509–1547", "lived from 1491 to 1547"
_REIGN_BEFORE = re.compile(r"(?:(?<![\w.])r\.|\breigned(?: from)?|\blived(?: from)?"
                           r"|\([Cc]a?\.|; ?[Cc]a?\.)\s?$")


def _counted(text: str, end: int) -> bool:
    """Whether a unit or a counted noun follows ``text[:end]`` ("… and 1500 workers")."""
    nw = _NEXT_WORD.match(text[end:end + 40])
    if not nw:
        return False
    return is_unit_word(nw.group(1))
#: words that make the year or month after them approximate ("circa 1998", "around March
#: 2027", "in about 2012")
_APPROX = re.compile(r"\b(?:[Cc]irca|(?<!\.)[Cc]a?\.|[Aa]round|[Aa]bout|[Aa]pproximately|[Rr]oughly"
                     r"|[Ss]ome ?time (?:in|around))\s$")


def _widened(res: tuple[str, str, str]) -> tuple[str, str, str]:
    """An approximate year or month as a span of one either side of it (an older year, five
    or ten: "c. 1200" was drawn as 1199–1201), a day as three
    days either side (the text does not say how far off it may be; a span says it is not
    exact, a point would not)."""
    start, end, precision = res
    if precision == "day":  # ("around 10 December": three days either side)
        d = date.fromisoformat(start)
        return (d - timedelta(days=3)).isoformat(), (d + timedelta(days=3)).isoformat(), \
            "approximate"
    if precision == "year":  # (an older year is rounder: "c. 1200" is a decade either side)
        y = int(start)
        k = 1 if y >= 1900 else 5 if y >= 1700 else 10
        return str(y - k), str(y + k), "approximate"
    y, m = int(start[:4]), int(start[5:7])
    a = (y, m - 1) if m > 1 else (y - 1, 12)
    b = (y, m + 1) if m < 12 else (y + 1, 1)
    return f"{a[0]}-{a[1]:02d}", f"{b[0]}-{b[1]:02d}", "approximate"
