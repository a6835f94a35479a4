"""Date phrases in running text -> ISO spans with a precision.

Spans are inclusive ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``). Approximate
phrases map to fixed spans, documented here so charts can draw them as spans:

* ``early/mid/late YYYY`` -> Jan-Apr / May-Aug / Sep-Dec, precision ``season``;
* seasons (northern hemisphere, meteorological): spring Mar-May, summer Jun-Aug,
  autumn/fall Sep-Nov, precision ``season``; "winter YYYY" is the year YYYY (a winter
  named by one year is the one ending in it to some writers, beginning in it to others);
* ``early/mid/late 1990s`` -> 1990-1993 / 1994-1996 / 1997-1999, precision ``decade``;
* ``FY2028`` / ``fiscal 2028`` -> the year 2028 (fiscal years differ by country; the
  precision ``fiscal_year`` says so);
* ``last/this/next week`` -> Monday..Sunday of that week, precision ``relative``.
Relative phrases resolve only against a known publication date, and not after "the"/"past".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from itertools import chain

from .facts import RELATIVE_PHRASE
from .date_context import (_APPROX, _BASE_YEAR, _BOUND, _FISCAL_AFTER, _FISCAL_BEFORE, _HAS_YEAR,
                           _LIFE, _REIGN_BEFORE,
                           _WEEKDAY_BEFORE, _WEEKDAYS, _counted, _relative_ok, _weekday_ok,
                           _widened, _year_ok, names_a_year)
#: a month's part: "late March" (the test before the pattern is tried)
_PART_WORD = re.compile(r"\b(?:[Ee]arly|[Mm]id|[Ll]ate)[- ][A-Z]")
#: a day after its weekday: "Wednesday 3 June", "Sat., the 12th of"
_WEEKDAY_DAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s(?:the\s)?"
                          r"(?:[A-Z][a-z]{2,8}\.?\s)?\d{1,2}\b")  # (and "Thursday, March 19")
from .lookup import trie_regex
from .spans import has_any

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})
#: month names as prose in other languages writes them (lower case but in German, which
#: shares April, August, September and November with English), January first
PROSE_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
          "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
          "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
          "dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november "
          "december",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    # (Polish in its three cases: "15 marca 2024 r.", "marzec 2024", "w marcu 2025 r.")
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
          "listopada grudnia",
    "pl-nom": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik "
              "listopad grudzień",
    "pl-loc": "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku "
              "listopadzie grudniu"}
for _names in PROSE_MONTHS.values():
    for _k, _name in enumerate(_names.split(), 1):
        assert MONTHS.setdefault(_name.lower(), _k) == _k, _name
del _names, _k, _name
_ENGLISH = frozenset(m.capitalize() for m in list(MONTHS)[:12])
_FOREIGN = sorted({n for names in PROSE_MONTHS.values() for n in names.split()
                   if n not in _ENGLISH}, key=lambda w: (-len(w), w))
_ABBR = "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split()
# (a trie of the names: the engine then tries a position's letter once, not 70 names)
_MON = trie_regex(sorted(_ENGLISH) + _ABBR + [a + "." for a in _ABBR] + _FOREIGN)
#: a year of the second millennium or this century (1000 to 2099); one before 1900 alone
#: (no day or month) needs a word that dates it ("in 1666", "until 1752": :data:`OLD_YEAR_AFTER`)
_Y = r"(?:1\d|20)\d{2}"
#: what may not stand right before a number that is a date (nothing number-like glued on)
_NOT_BEFORE = "_$€£¥₩.,:/#+-−–{}"  # (and a formula's braces: "_{1850–1900}")
_L = rf"(?<![\w{re.escape(_NOT_BEFORE)}])"
#: an era that is not ours after a year: "1200 BC", "1420–1290 cal BC", "1177 bc" (small
#: capitals in the HTML), "1250 B.C.E."
_ERA = r"(?:cal\.?\s)?(?:BCE?|B\.C\.|BP|bce?|b\.c\.)(?![\w])"
_R = (r"(?![\w%}]|[.,:/]\d|[-–]\d|\s" + _ERA + r"|\)?,?\s?pp?\.\s?\d"  # ...
      # (nor the first year of a span the era ends: "From 1200 to 1150 BC", "about 1250 to
      # 1046 BCE")
      r"|(?:\s(?:to|and|until|till)\s|\s?[-–]\s?)(?:c\.\s?)?\d{1,4}\s" + _ERA + r")")
# nor on the right (nor a citation's page: "Meridian Energy Outlook (2024), p. 37")
# (nor an era: "1420–1290 cal BC", "1200 BC" are no years of ours)
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|°|º)?"  # (and French "1er", Italian "1°")
_DAY_MON_YEAR = rf"{_D}\.?\s(?:of\s|de\s)?{_MON},?\s(?:de\s)?{_Y}"
_MON_DAY_YEAR = rf"{_MON}\s{_D},?\s{_Y}"
_MON_YEAR = rf"{_MON},?\s(?:of\s|de\s|del\s)?{_Y}"
_POINT = rf"(?:{_DAY_MON_YEAR}|{_MON_DAY_YEAR}|{_MON_YEAR}|{_Y})"

#: a season's first month, in English and in the languages of :data:`PROSE_MONTHS`
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12,
           "printemps": 3, "été": 6, "automne": 9, "hiver": 12, "primavera": 3, "verano": 6,
           "otoño": 9, "invierno": 12, "autunno": 9, "inverno": 12, "verão": 6,
           "outono": 9, "frühling": 3, "frühjahr": 3, "sommer": 6, "herbst": 9}
_SEASONS_EN = ("spring", "summer", "autumn", "fall", "winter")
_SEASONS_OTHER = tuple(k for k in SEASONS if k not in _SEASONS_EN)
#: a part of a year ("late 2023", "fin 2023", "finales de 2021", "Ende 2023") -> English
PARTS = {"early": "early", "mid": "mid", "late": "late", "début": "early", "mi": "mid",
         "fin": "late", "milieu": "mid", "finales": "late", "principios": "early", "mediados": "mid",
         "anfang": "early", "mitte": "mid", "ende": "late", "begin": "early", "medio": "mid",
         "eind": "late"}
#: Dutch decades by name, the thirties on
_DUTCH_TENS = ("dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
#: a quarter's ordinal in English, Dutch, French, Spanish, Portuguese, Italian, German
ORDINAL_QUARTERS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "eerste": 1, "tweede": 2, "derde": 3,
    "vierde": 4, "premier": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "primer": 1,
    "segundo": 2, "tercer": 3, "cuarto": 4, "primeiro": 1, "terceiro": 3, "quarto": 4,
    "primo": 1, "secondo": 2, "terzo": 3, "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4,
    "pierwszym": 1, "drugim": 2, "trzecim": 3, "czwartym": 4}

#: the months of a year's part: "early 2022" is January to April
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
#: "the end of 2027" is its late part, "the start of 2025" its early one
_PART_OF = {"end": "late", "close": "late", "start": "early", "beginning": "early",
            "middle": "mid"}

# (name, pattern); earlier patterns win over later ones that overlap them
PATTERNS = [(name, re.compile(p, re.I if name in ("season", "season2", "part", "part2",
                                                   "relative", "ordq") else 0))
            for name, p in [
    # (and in other languages: "entre 2008 y 2023", "zwischen 2008 und 2023", "von 2008 bis
    # 2023", "entre 2008 et 2023", "van 2008 tot 2023")
    ("fromto", rf"\b(?:[Ff]rom|[Bb]etween|[Ee]ntre|[Zz]wischen|[Vv][oa]n|[Tt]ra|[Ff]ra|[Tt]ussen|[Oo]d)\s(?:il\s|l['’])?"
               rf"(?P<a>{_POINT}|{_MON})\s(?:to|and|until|through|y|e|et|und|bis|tot|en|do)\s"
               rf"(?:il\s|l['’])?(?P<b>{_POINT}){_R}"),
    # ("from 22 July to 4 August 2025", "20 July to 6 August 2025": days of two months,
    # the year given once; the first day alone was lost and the last drawn as the span)
    # (and "du 12 septembre au 20 décembre 1996", "del 3 de marzo al 2 de abril de 2025")
    ("dmdm", rf"\b(?:[Ff]rom\s|[Dd]u\s|[Dd]el\s|[Vv]om\s|(?P<bw>[Bb]etween)\s)?"
             rf"(?P<a>{_D}\.?\s(?:of\s|de\s)?{_MON})"
             rf"\s(?P<j>to|until|through|and|au|al|bis(?: zum)?)\s(?P<b>{_DAY_MON_YEAR}){_R}"),
    # ("January 2024 to March 2026", "Jan 2024–Mar 2026": a span with no "from")
    ("mymy", rf"\b(?P<a>{_MON_YEAR})(?:\s?[–-]\s?|\s(?:to|until|through)\s)(?P<b>{_MON_YEAR}){_R}"),
    ("monmon", rf"\b(?P<a>{_MON})(?:[–-]|\s(?:to|through|until)\s)(?P<b>{_MON}\s{_Y}){_R}"),
    # ("2019–21", "2019 to 2021"; "in 2019 to 55 units" is a year, then a quantity)
    # (a season or a financial year written "2023/24": a span of the two years)
    # (and "2019 bis 2025", "2019 à 2025", "2019 a 2025", "2019 tot 2025")
    ("yy", rf"{_L}(?P<a>{_Y})(?:\s?[–-]\s?|/|\s(?:to|bis|à|a|al|tot)\s(?={_Y}))(?P<b>{_Y}|\d{{2}}|(?<=[–-])\d){_R}"),
    ("iso", rf"{_L}(?P<a>{_Y}-[01]\d-[0-3]\d){_R}"),
    # a numeric date, "12/31/2025" or "31.12.2025": read only when the day cannot be the
    # month (over 12); "3/4/2025" is March 4 in the US and 3 April elsewhere, so no date
    # ("between 3/3/2025 and 3/21/2025": one span, its days' order told by either date;
    # each alone was drawn as a point)
    ("numnum", rf"\b(?:[Ff]rom|[Bb]etween)\s(?P<a>[0-3]?\d/[0-3]?\d/{_Y})\s(?:to|and|until|through)"
               rf"\s(?P<b>[0-3]?\d/[0-3]?\d/{_Y}){_R}"),
    ("num", rf"{_L}(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{_Y}){_R}"),
    # a span of days: "from 2 to 5 April", "14–16 March 2026", "April 2–5, 2026" (its last
    # day alone was drawn as a point, or nothing at all)
    # (opening with the day's digits, so the engine skips to digits; what may not stand
    # before them, _L, is tested after a match)
    # (and "du 22 au 26 octobre 2025", "del 2 al 5 de abril de 2025", "vom 2. bis 5. April")
    # (and Portuguese and Dutch: "de 3 a 7 de março", "entre 2 e 14 de fevereiro", "van 22
    # tot 26 april"; a word between the days has spaces around it)
    # (and a what's-on list's weekdays, "Fri 3 – Sun 5 April")
    # (and two days joined, "12 y 13 de diciembre", "12 et 13 décembre", "12. und 13.")
    ("dd", rf"(?P<d0>{_D})\.?(?:\s?[–-]\s?|\s(?:to|and|until|till|au|al|bis|a|e|tot|t/m|y|et"
           rf"|und|en)\s)"
           rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s)?(?P<d1>{_D})\.?\s"
           rf"(?:of\s|de\s)?(?P<m1>{_MON})(?:,?\s(?:de\s)?(?P<y1>{_Y}))?{_R}"),
    ("dd2", rf"\b(?P<m2>{_MON})\s(?P<d2>{_D})(?:\s?[–-]\s?|\s(?:to|through|thru|until|till)\s)"
            rf"(?P<d3>{_D})(?:,?\s(?P<y2>{_Y}))?{_R}"),  # (and "November 22 to 23, 2025")
    ("dmy", rf"\b{_DAY_MON_YEAR}{_R}"),
    # (a fixed holiday and its year: "Boxing Day 1962", "on Christmas Day 2024")
    ("holiday", rf"\b(?P<hol>Christmas Day|Christmas Eve|Boxing Day|New Year['’]s Day|New Year['’]s"
                rf" Eve|Hogmanay|Halloween|Bastille Day|St\.? Patrick['’]s Day|Valentine['’]s Day"
                rf"|Guy Fawkes Night|Bonfire Night),?\s(?:of\s)?(?P<y>{_Y}){_R}"),
    ("mdy", rf"\b{_MON_DAY_YEAR}{_R}"),
    ("my", rf"\b{_MON_YEAR}{_R}"),
    # (and a market's shorthand, "3Q25", "4Q2025", "1H26")
    # ("Q1 2024–Q3 2026", "Q1 2023 to Q4 2025": one span of quarters, not two quarters)
    ("qq", rf"\bQ(?P<q>[1-4])\s?(?P<y>{_Y})\s?(?:[–-]|\sto\s|\sthrough\s|\suntil\s)\s?"
           rf"Q(?P<q2>[1-4])\s?(?P<y2>{_Y}){_R}"),
    ("q", rf"\bQ(?P<q>[1-4])\s?(?:of\s)?(?P<y>{_Y}){_R}|\b(?P<q2>[1-4])Q(?P<y2>20\d\d|\d\d){_R}"),
    # (and "in het eerste kwartaal van 2025", "au premier trimestre 2025", "im dritten Quartal
    # 2025", "no segundo trimestre de 2025")
    ("ordq", rf"\b(?P<o>{'|'.join(ORDINAL_QUARTERS)})\s(?:quarter|kwartaal|trimestre|quartal|kwartale)\s"
             rf"(?:of\s|van\s|de\s|del\s|du\s|des\s|di\s)?(?P<y>{_Y}){_R}"),
    ("h", rf"\b(?:H(?P<h>[12])\s?(?:of\s)?|(?P<o>[Ff]irst|[Ss]econd)\shalf\sof\s)(?P<y>{_Y}){_R}"
          rf"|\b(?P<h2>[12])H(?P<y2>20\d\d|\d\d){_R}"),
    # ("no primeiro semestre de 2025", "el segundo semestre de 2024", "au premier semestre
    # 2025", "nel primo semestre 2025", "im ersten Halbjahr 2025": half a year, not the year)
    ("h2", rf"\b(?P<o>[Pp]rimeiro|[Pp]rimer|[Ss]egundo|[Pp]remier|[Ss]econd|[Pp]rimo|[Ss]econdo"
           rf"|ersten|zweiten)\s(?:semestre|Halbjahr|Halbjahres)\s(?:de\s|del\s|di\s|des\s)?"
           rf"(?P<y>{_Y}){_R}"),
    ("season", rf"\b(?P<s>{'|'.join(_SEASONS_EN)})\s(?:of\s)?(?P<y>{_Y}){_R}"),
    # (the other languages' forms apart: each pattern keeps its words' fast scan, and runs
    # only where one of its words is)
    ("season2", rf"\b(?P<s>{'|'.join(_SEASONS_OTHER)})\s(?:de\s|d['’]|del\s)?(?P<y>{_Y}){_R}"),
    ("fy", rf"\b(?:FY\s?(?P<y>{_Y}|\d{{2}})|[Ff]iscal\s(?:[Yy]ear\s)?(?P<y2>{_Y})){_R}"),
    ("partdec", r"\b(?:the\s)?(?P<p>[Ee]arly|[Mm]id|[Ll]ate)[- ]?(?P<y>(?:1\d|20)\d0)s\b"
                r"|\b(?P<p2>Anfang|Mitte|Ende)\sder\s(?P<y2>(?:1\d|20)\d0)er\b"
                # ("au début des années 1990", "à la fin des années 1990")
                r"|\b(?P<p3>[Dd]ébut|[Mm]ilieu|[Ff]in)\sdes\sannées\s(?P<y3>(?:1\d|20)\d0)\b"),
    ("decade", rf"(?:\b[Tt]he\s)?{_L}(?P<y>(?:1\d|20)\d0)s\b"),
    # ("the late 18th century", "the early 17th century", "the 19th century")
    # (a past century's time "in" it: "21st-century skills", "a 19th century mill" name a
    # kind; "since the late 19th century", "into the 21st century" are no events)
    ("century", r"(?:(?<=\b[Ii]n\s)|(?<=[Dd]uring\s))the\s(?:(?P<p>[Ee]arly|[Mm]id|[Ll]ate)[- ])?"
                r"(?P<c>1[0-9]|20)(?:st|nd|rd|th)\scentury\b(?!-|\s" + _ERA + r")"),
    # ("les années 1990", "la década de 1990", "die 1990er Jahre")
    ("decade2", rf"\b(?:[Ll]es\sannées|[Dd]es\sannées|[Ll]a\sdécada\sde|[Ll]os\saños|(?:[Gg]li\s|[Nn]egli\s|[Dd]egli\s"
                rf"|[Oo]s\s|[Nn]os\s|[Dd]os\s)?(?:anni|anos|años))\s(?P<y>(?:1\d|20)\d0)\b"
                rf"|{_L}(?P<y3>(?:1\d|20)\d0)er\b"
                # (a decade of the 1900s by two digits or by name, where the word before
                # says decade: "les années 90", "los años 90", "anni '90", "de jaren
                # negentig", "begin jaren 80"; English's "the nineties" are as often the
                # temperature, and "jaren twintig" either century's, so neither is read)
                rf"|\b(?:années|años|anos|anni|jaren|latach|lata)\s['’]?(?P<y4>[3-9]0)\b(?!['’]?\d)"
                rf"|\bjaren\s(?P<w>dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)\b"),
    # (and "the end of 2027", "the start of 2025": a part of the year, not all of it)
    ("part", rf"\b(?:(?P<p>early|mid|late)[- ]|(?P<pe>end|close|start|beginning|middle)\sof\s"
             rf"(?:the\syear\s)?)(?P<y>{_Y}){_R}"),
    # (Chinese, Japanese and Korean write a date's numbers with units, glued to the words
    # around them: "2024年3月16日に開業", "1964年の", "2014년 8월"; "2019年度" is a fiscal
    # year, which begins in April in Japan: none is drawn, as no "FY" is)
    # ("2025年第一季度", "2025年第3四半期", "2026年下半年": a quarter, a half of the year)
    ("cjkq", r"(?<![\d.,/:\-−–~～〜])(?P<y>(?:1[5-9]|20)\d{2})\s?(?:年|년)\s?(?:(?:第\s?(?P<q>[一二三四1-4])"
             r"\s?(?:季度|四半期))|(?P<h>[上下])半年|(?P<kq>[1-4])\s?분기|(?P<kh>[상하])반기)"),
    # ("2019年から2023年", "2019～2023年": a span of the two years)
    ("cjkyy", r"(?<![\d.,/:\-−–~～〜])(?P<a>(?:1[5-9]|20)\d{2})\s?(?:年|년)?\s?(?:から|より|〜|～|~|–|-|至|到|부터)"
              r"\s?(?P<b>(?:1[5-9]|20)\d{2})\s?(?:年|년)(?!度)"),
    ("cjk", r"(?<![\d.,/:\-−–~～〜])(?P<y>(?:1[5-9]|20)\d{2})\s?(?:年|년)(?:(?P<fy>度)|(?!度))"
            r"(?:\s?(?P<m>1[0-2]|0?[1-9])\s?(?:月|월)(?:\s?(?P<d>[12]\d|3[01]|0?[1-9])\s?(?:日|일))?)?"
            r"(?![\d~～〜\-–]|\s?(?:から|より|至|到|부터)?\s?(?:1[5-9]|20)\d{2}\s?(?:年|년))"),
    ("part2", rf"\b(?P<p>{'|'.join(p for p in PARTS if p not in ('early', 'mid', 'late'))})"
              rf"[- ](?:de\s|del\s)?(?P<y>{_Y}){_R}"),
    # a day with no year ("On 3 June we reached Seville", "by March 12th"): tried only in a
    # paragraph that names no year at all (see _yearless)
    ("dm", rf"{_L}(?:(?P<d1>{_D})\.?\s(?:of\s|de\s)?(?P<m1>{_MON})(?![’']s)|(?<!\d\s)(?P<m2>{_MON})\s(?P<d2>{_D}))"
           rf"(?!,?\s['’]\d\d\b|\s[A-Z]|,?\s\d(?!\d?(?:[.:]\d\d)?\s?(?:[ap]\.?m\b|h\b|Uhr\b)"
           rf"|\d?[.:]\d\d\b)){_R}"),  # (a time after it is none of these: "24 June, 6.30pm")
    # (not "June 4, '89", "May 4th
    # Movement", nor a day whose year the text gives in a form not read: "15 March 44 BC")
    # ("in late March": a month's part with no year, a yearless day's kin)
    ("partmon", rf"\b(?P<p>[Ee]arly|[Mm]id|[Ll]ate)[- ](?P<m>{_MON})\b(?!\.?\s?\d|,\s\d|\s[A-Z])"),  # (not "the late May Smith")
    ("relative", rf"\b(?P<r>{RELATIVE_PHRASE})\b(?![-‐])"),
    ("year", rf"{_L}(?P<y>{_Y}){_R}"),
    ("bareq", r"\bQ(?P<q>[1-4])\b(?!\s?(?:of\s)?\d|\s?F[Yy])"),  # (nor "Q1 FY26": a firm's)
]]

#: a year that names a law or cites a source: "the Communications Decency Act of 1996",
#: "(Marlow v. Quillfeed, 2019", "98 Carrow L. Rev. 1411 (", "(9th Cir. ", "(CJEU "
_NAMED_BY = re.compile(r"\b(?:Act|Code|Treaty|Directive|Statute|Law) of $"
                       # (a book's publisher, then its year: "(Corrant University Press, 2025;")
                       r"|\b(?:Press|Books|Publishing|Publishers|Verlag|Editions|Éditions"
                       r"|Editorial)[,;]\s$"
                       r"|\((?:[^()]*\bv\.\s[^()]*,\s|[^()]*\b(?:Cir|App|Supp|Rev|Ct)\.\s|CJEU\s"
                       r"|ECJ\s|EWCA\s|EWHC\s|UKSC\s)$|\b\d+\s(?:[A-Z][\w.]*\s){1,4}\d+\s\($"
                       # (a statute's or a law report's section: "42 U.S.C. 1983", "40 C.F.R.
                       # 2001", "[2019] A.C. 2005", "§ 1983")
                       r"|\b(?:U\.\s?S\.\s?C|C\.\s?F\.\s?R|A\.\s?C|W\.\s?L\.\s?R|Stat)\.?\s(?:§§?\s?)?$"
                       r"|§§?\s?$"
                       # (a table's rows named: "The rows for 2026 and 2027 are forecasts")
                       r"|\b(?:[Rr]ows?|[Cc]olumns?) (?:for|of) (?:the )?(?:(?:1\d|20)\d\d(?:,|"
                       r" and| to| or|\s?[–-])\s?)*$")
#: a record's "since": "its most since 2019", "the highest level since 2008" say nothing
#: happened in 2019 or 2008 (a comparison across the years between, like a bound)
_SINCE_RECORD = re.compile(r"\b(?:most|highest|lowest|largest|smallest|biggest|best|worst|first"
                           r"|fewest|least|strongest|weakest|fastest|slowest|hottest|coldest"
                           r"|wettest|driest|closest|nearest|warmest|coolest|sunniest|snowiest"
                           r"|windiest|stormiest|busiest|quietest|cheapest|greatest|deepest"
                           r"|longest|shortest|tallest|heaviest|lightest|latest|earliest"
                           r"|tightest|narrowest|widest|sharpest|steepest|richest|poorest|safest"
                           r"|deadliest|costliest|oldest|youngest|hardest|easiest|toughest"
                           r"|loudest|rainiest|mildest|calmest|wildest|darkest|brightest"
                           r"|healthiest|wealthiest|happiest|loosest|softest|firmest|slimmest"
                           r"|thinnest|fattest|smallest|cleanest|dirtiest|busiest)(?:-\w+)?\b(?:\s[\w’'-]+){0,7}\ssince\s"
                           r"(?:the\s(?:[\w’'-]+\s){0,3}(?:of\s)?)?$"
                           # (German: "der erste Anstieg seit 2021", "höchste Stand seit")
                           r"|\b(?:erste[nrs]?|höchste[nrs]?|niedrigste[nrs]?|stärkste[nrs]?"
                           r"|schwächste[nrs]?|meiste[nrs]?)\b(?:\s[\w’'-]+){0,5}\sseit\s$"
                           # (Italian: "il valore più basso dal 2020")
                           r"|\bpiù (?:basso|alto|bassa|alta|caldo|freddo|piovoso)\b(?:\s[\w’'-]+){0,4}"
                           r"\sdal\s$"
                           # (Portuguese, Spanish, French: "o maior valor da série que
                           # acompanhamos desde 2019", "el nivel más alto desde 2019", "le plus
                           # haut niveau depuis 2019")
                           r"|\b(?:maior|menor|mais (?:alt|baix)[oa]|pior|melhor|primeir[oa]"
                           r"|mayor|menor|más (?:alt|baj)[oa]|peor|mejor|primer[oa]?"
                           r"|plus (?:haut|bas|élevé|faible|fort)e?|pire|meilleure?|premi[eè]re?)s?"
                           r"\b(?:\s[\w’'-]+){0,7}\s(?:desde|depuis)\s(?:o\s|a\s|el\s|la\s|l['’])?$",
                           re.I)  # ("the Easter
#                            weekend of 2024")  # ("the closest prices have come to last
#                            year's level since the summer of 2024": no event in 2024)
def _not_its_own(text: str, s: int) -> bool:
    """Whether the date at ``s`` is a record's since, the one an event moved from, a
    fiscal year's end or one a level is compared with (each regex asked only where a
    word it needs stands before the date: most dates have none)."""
    before = text[max(0, s - 80):s].lower()
    if s and text[s - 1] in "比较較":
        return True  # ("占比比2024年提高了": compared with 2024, no event then)
    return (("since" in before or "seit" in before or " dal" in before or "desde" in before
             or "depuis" in before)
            and _SINCE_RECORD.search(text, max(0, s - 80), s) is not None
            or any(w in before[-40:] for w in ("from", "year", "instead", "rather"))
            and _NOT_ITS_DATE.search(text, max(0, s - 40), s) is not None
            or any(w in before[-40:] for w in (" on ", "than", "from", "compared", "vers",
                                                " were in", " was in", " stood in",
                                                "relative", "vs", "against", "same", "this", "als",
                                                "gegenüber", "ergleich", " von ", "sul",
                                                "rispetto", "sotto", "sopra", "tym samym",
                                                "porównaniu", "niż"))
            and (_VERSUS.search(text, max(0, s - 40), s) is not None
                 or _VERSUS_YEAR.search(text, max(0, s - 24), s) is not None
                 and _YEAR_AT.match(text, s) is not None))


#: the year a body of data measures: "the 2025 figures", "the 2022 results"
_DATA_AFTER = re.compile(r"\s(?:figures|data|numbers|statistics|stats|results|accounts|count"
                         r"|census|rankings|tables)\b"
                         # ("at 2019 concentrations", "in 2015 prices": a year the values are
                         # measured at, no event)
                         r"|(?<=\d)\s(?:concentrations|levels?|prices|values|dollars|terms|baseline)\b"
                         # ("less than half the 2023 pace": a year a rate is measured in)
                         r"|(?<=\d)\s(?:pace|average)\b")
#: a model's year: "a gray 2014 Ford F-150", "a 2019 Toyota Corolla"
_MODEL_YEAR = re.compile(r"\s[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s[A-Z0-9][\w-]*")
_MODEL_BEFORE = re.compile(r"\b(?:a|an|gray|grey|black|white|red|blue|silver|green|used|new|"
                           r"stolen|old)\s$", re.I)  # (not "the 2024 Paris Olympics")
#: a year a level is compared with: "Turnout was 67.9%, a little up on 2022."
_VERSUS = re.compile(r"\b(?:(?:up|down|higher|lower|more|less|fewer|better|worse)"
                     r"(?: (?:by )?[-+−]?[\d.,]+\s?(?:%|per ?cent|points?|pp)?)? (?:on|than|from)"
                     # ("more common than they were in the 1990s")
                     r"|\b(?:than|where|as|what) (?:it|they|we|he|she|I|you|there|this|that)\s(?:was|were"
                     r"|had been|did|had|used to be|stood)\sin"
                     r"|compared (?:with|to)|relative to|versus|vs\.?|against|unchanged from"

                     # ("up 11% on the same period of 2025")
                     r"|the same (?:period|time|months?|quarter|weeks?|point|stage) (?:of|in|last)"
                     # (Polish: "niż w tym samym okresie 2024 r.", "w porównaniu z 2023 r.")
                     r"|w tym samym (?:okresie|miesiącu|kwartale)|w porównaniu z|niż w"
                     # ("44 by this point in 2025")
                     r"|(?:by|at) this (?:point|time|stage) (?:in|of|last)"
                     # (German: "unter dem Wert von 2021", "mehr als 2021", "gegenüber 2021")
                     r"|(?:unter|über) dem (?:Wert|Niveau|Stand) von|gegenüber|im Vergleich zu"
                     r"|mehr als|weniger als|höher als|niedriger als"
                     # (Italian: "in crescita del 3,4% sul 2024", "rispetto al 2023",
                     # "contro i 64,1 q/ha del 2024", "sotto il 2022")
                     r"|sul|sull['’]|rispetto al(?:l['’])?|(?:sotto|sopra) il|rispetto a)"
                     r"\s(?:in\s|the\s)?$",
                     re.I)
#: a year a change is counted from: "Reform UK 262 seats (+257 on 2024)", "with the change
#: on 2022" (asked of a year only: "the change on 2 May" dates the change)
_VERSUS_YEAR = re.compile(r"(?:(?<=[-+−±])[\d.,]+\s?(?:%|per ?cent|points?|pts?|pp|seats?)?"
                          r"|\b(?:changes?|swings?|gains?|loss(?:es)?)) (?:on|from)\s$")
_YEAR_AT = re.compile(r"(?:1\d|20)\d\d(?![\d\w])")
#: a reference period after a span: "the 1991–2020 average", "the 1961–1990 baseline"
_BASELINE_AFTER = re.compile(r"\s(?:average|averages|baseline|normals?|mean|climatology|norm"
                             r"|reference period|base period|median)\b", re.I)
#: what opens a span of days: "from", "du", "dal", "del", "vom", "entre"
_SPAN_OPENS = re.compile(r"\b(?:[Ff]rom|[Dd]u|[Dd]al|[Dd]el|[Vv]om|[Ee]ntre|[Bb]etween)\s$")
#: a date moved: "its process would slip from 2027 to 2028", "delayed from March to June"
_MOVED = re.compile(r"\b(?:slip(?:s|ped|ping)?|delay(?:s|ed|ing)?|push(?:es|ed|ing)? back|"
                    r"postpon(?:e|es|ed|ing)|mov(?:e|es|ed|ing)|shift(?:s|ed|ing)?|"
                    r"reschedul(?:e|es|ed|ing)|brought forward|bring(?:s|ing)? forward|"
                    r"pushed|put back)\s(?:\w+\s)?$", re.I)
#: a date that is not when its event is: the one it was moved from, the end of a fiscal
#: year ("moved from March 12", "the fiscal year ending 30 September 2026 on 2 April")
_NOT_ITS_DATE = re.compile(r"(?:\b(?:moved|rescheduled|postponed|brought forward|changed|"
                           r"switched|pushed back) from|\b(?:fiscal|financial|tax|budget) year "
                           r"(?:ending|ended|to|through)|\binstead of|\brather than)\s(?:on\s)?$",
                           re.I)
#: (one tuple for every pattern that needs a month's name: a text is tested for them once)
#: (the first three letters of every month name the patterns know, lower-cased: "abr",
#: "ago", "dic", "déc" too, or a Spanish "del 2 al 5 de abril" was never tried)
_MONTH_NEEDS = tuple(sorted({m.lower()[:3] for m in (*MONTHS, *_FOREIGN)}))
#: cheap pre-checks: a pattern runs only if the lower-cased text holds one of these
NEEDS = {"fromto": ("from", "between", "entre", "zwischen", "von", "van", "tra", "fra", "tussen",
                    "od "), "monmon": ("-", "–", " to ", "through", "until"),
         "mymy": ("-", "–", " to ", "until", "through"),
         "dmdm": (" to ", "until", "through", " and ", " au ", " al ", " bis "), "yy": ("-", "–", " to ", "/", " bis ", " à ", " a ", " al ", " tot "),
         "iso": ("-",), "num": ("/", "."), "numnum": ("/",), "q": ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"), "qq": ("q1", "q2", "q3", "q4"), "ordq": ("quarter", "kwartaal", "trimestre", "quartal", "kwartale"), "h": ("h1", "h2", "h 1", "h 2", "half", "1h", "2h"),
         "h2": ("semestre", "halbjahr"),
         "season": tuple(_SEASONS_EN), "season2": tuple(_SEASONS_OTHER), "fy": ("fy", "fiscal"),
         "partdec": ("0s", "0er", "années"),
         "holiday": (" day ", " eve ", " night ", "hogmanay", "halloween"), "decade": ("0s",), "century": ("century",), "decade2": ("0er", "années", "década", "años", "anni", "anos", "jaren", "lata"),
         "part": ("early", "mid", "late", "end of", "close of", "start of", "beginning of",
                  "middle of"), "part2": tuple(p for p in PARTS
                                                          if p not in ("early", "mid", "late")),
         "bareq": ("q1", "q2", "q3", "q4"),
         "dm": _MONTH_NEEDS, "partmon": ("early", "mid", "late"),
         # (a span of days names its month: the months' test, as for "dm")
         "dd": _MONTH_NEEDS,
         "dd2": _MONTH_NEEDS,
         # every match, lower-cased, holds one of these (a long s or a Kelvin sign matches
         # "s" or "k" under re.I: ſ stays ſ when lower-cased, K becomes k)
         "relative": ("year", "month", "week", "yesterday", "yeſterday")}
_DIGIT = re.compile(r"\d")
#: a year given with its era ("AD 79", "44 BC", "79 CE"): a year of a form not read
_ERA_YEAR = re.compile(r"\b(?:AD|A\.D\.|CE)\s\d{1,4}\b|\b\d{1,4}\s(?:AD|A\.D\.|BCE?|B\.C\.|CE)\b")


def _has_year(text: str) -> bool:
    """:func:`names_a_year`, the regex only where a digit is."""
    return names_a_year(text) if _DIGIT.search(text) else "FY" in text


def _has_rel(text: str) -> bool:
    """Whether ``[Yy]esterday|[Ll]ast|[Tt]his|[Nn]ext`` is in the text, as substring tests
    (C's fast search: the regex walked every character of every paragraph, a tenth of
    finding dates; written out, as a generator per paragraph cost as much as the tests)."""
    return ("last" in text or "this" in text or "next" in text or "This" in text
            or "Last" in text or "Next" in text or "yesterday" in text or "Yesterday" in text)


@dataclass(frozen=True)
class RawDate:
    start_off: int
    end_off: int
    when: str
    start: str
    end: str
    precision: str
    #: a day the text gives with no year ("3 June"): the year is the publication's nearest
    yearless: bool = False


def _mon(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _point(s: str) -> tuple[str, str, str] | None:
    """A point phrase -> (start, end, precision) or None if it is no real date."""
    s = " ".join(s.replace(",", " ").split())
    parts = [p.rstrip(".") if p[:1].isdigit() else p for p in s.split()
             if p.lower() not in ("of", "de", "del")]
    try:
        if len(parts) == 1 and parts[0].isdigit():
            return parts[0], parts[0], "year"
        if len(parts) == 2:
            m, y = _mon(parts[0]), int(parts[1])
            return f"{y}-{m:02d}", f"{y}-{m:02d}", "month"
        if len(parts) == 3:
            if parts[0][0].isdigit():
                d, m = int(re.match(r"\d+", parts[0]).group()), _mon(parts[1])
            else:
                m, d = _mon(parts[0]), int(re.match(r"\d+", parts[1]).group())
            y = int(parts[2])
            day = date(y, m, d).isoformat()
            return day, day, "day"
    except (ValueError, KeyError, AttributeError):
        return None
    return None


#: fixed holidays' days: (month, day)
_HOLIDAYS = {"Christmas Day": (12, 25), "Christmas Eve": (12, 24), "Boxing Day": (12, 26),
             "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Hogmanay": (12, 31),
             "Halloween": (10, 31), "Bastille Day": (7, 14), "St. Patrick's Day": (3, 17),
             "St.Patrick's Day": (3, 17), "Valentine's Day": (2, 14),
             "Guy Fawkes Night": (11, 5), "Bonfire Night": (11, 5)}


def _month_end(y: int, m: int) -> str:
    return f"{y}-{m:02d}"


def _resolve(name: str, m: re.Match, published: datetime | None):
    g = m.groupdict()
    name = name.rstrip("2")  # ("season2", "decade2", "part2": the other languages' forms)
    if name == "fromto":
        b = _point(g["b"])
        a = _point(g["a"]) or (_point(f"{g['a']} {b[0][:4]}") if b else None)
        if not a or not b or a[1] >= b[0]:
            return None
        return a[0], b[1], "range"
    if name == "dmdm":
        if g["j"] == "and" and not g["bw"]:
            return None  # ("On 3 May and 9 June 2024": two days, no span)
        b = _point(g["b"])
        a = _point(f"{g['a']} {b[0][:4]}") if b else None
        return (a[0], b[1], "range") if a and b and a[1] < b[0] else None
    if name == "mymy":
        a, b = _point(g["a"]), _point(g["b"])
        return (a[0], b[1], "range") if a and b and a[1] < b[0] else None
    if name == "monmon":
        b = _point(g["b"])
        a = _point(f"{g['a']} {b[0][:4]}") if b else None
        return (a[0], b[1], "range") if a and b and a[0] < b[0] else None
    if name == "yy":
        a, b = g["a"], g["b"]
        if len(b) <= 2:  # ("2019–21"; "the winter of 1348–9")
            b = a[:4 - len(b)] + b
        if "/" in m.group() and int(b) != int(a) + 1:
            return None  # ("2019/2023": no season, and not two years either)
        return (a, b, "range") if a < b else None
    if name == "cjkq":
        y = int(g["y"])
        if g["kq"] or g["kh"]:  # (Korean: "2025년 1분기", "2029년 하반기")
            g = dict(g, q=g["kq"], h={"상": "上", "하": "下"}.get(g["kh"] or "", None))
        if g["h"]:
            return (f"{y}-01", f"{y}-06", "half") if g["h"] == "上" else (f"{y}-07", f"{y}-12",
                                                                           "half")
        q = "一二三四".index(g["q"]) + 1 if g["q"] in "一二三四" else int(g["q"])
        return f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", "quarter"
    if name == "cjkyy":
        return (g["a"], g["b"], "range") if g["a"] < g["b"] else None
    if name == "cjk":
        y = int(g["y"])
        if g["fy"]:
            return str(y), str(y), "fiscal_year"
        if not g["m"]:
            return str(y), str(y), "year"
        if not g["d"]:
            return f"{y}-{int(g['m']):02d}", f"{y}-{int(g['m']):02d}", "month"
        try:
            d = date(y, int(g["m"]), int(g["d"])).isoformat()
        except ValueError:
            return None
        return d, d, "day"
    if name == "iso":
        try:
            d = date.fromisoformat(g["a"]).isoformat()
        except ValueError:
            return None
        return d, d, "day"
    if name in ("dmy", "mdy", "my"):
        return _point(m.group())
    if name == "numnum":
        parts = [[int(x) for x in g[k].split("/")] for k in ("a", "b")]
        day_first = any(a > 12 for a, _, _ in parts)
        month_first = any(b > 12 for _, b, _ in parts)
        if day_first == month_first and any(a != b for a, b, _ in parts):
            return None  # (both orders fit, or neither)
        try:
            days = [date(y, b, a) if day_first else date(y, a, b) for a, b, y in parts]
        except ValueError:
            return None
        if days[1] < days[0]:
            return None
        return days[0].isoformat(), days[1].isoformat(), "range"
    if name == "num":
        a, b = int(g["a"]), int(g["b"])
        if (a > 12) == (b > 12) and a != b:
            return None  # (both could be the month, or neither is)
        day, month = (a, b) if a > 12 or a == b else (b, a)
        try:
            d = date(int(g["y"]), month, day).isoformat()
        except ValueError:
            return None
        return d, d, "day"
    if name == "qq":
        a, b = (int(g["y"]), int(g["q"])), (int(g["y2"]), int(g["q2"]))
        if b <= a:
            return None
        return f"{a[0]}-{3 * a[1] - 2:02d}", f"{b[0]}-{3 * b[1]:02d}", "range"
    if g.get("y2") and name in ("q", "h"):  # ("3Q25", "1H26": the year's last two digits)
        g = dict(g, q=g.get("q2"), h=g.get("h2"), y=("20" + g["y2"])[-4:])
    if name in ("q", "ordq", "bareq"):
        q = int(g["q"]) if g.get("q") else ORDINAL_QUARTERS[g["o"].lower()]
        y = int(g["y"])
        return f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", "quarter"
    if name == "h":
        h = int(g["h"]) if g.get("h") else (
            1 if g["o"].lower() in ("first", "primeiro", "primer", "premier", "primo", "ersten")
            else 2)
        y = int(g["y"])
        return (f"{y}-01", f"{y}-06", "half") if h == 1 else (f"{y}-07", f"{y}-12", "half")
    if name == "season":
        y, s = int(g["y"]), g["s"].lower()
        a = SEASONS[s]
        if a == 12:  # ("the winter of 1963" is 1962–63 in Britain and 1963–64 to others:
            return None  # the year alone is read, never a winter the text may not mean)
        return f"{y}-{a:02d}", f"{y}-{a + 2:02d}", "season"
    if name == "fy":
        y = g["y"] or g["y2"]
        y = "20" + y if len(y) == 2 else y
        return y, y, "fiscal_year"
    if g.get("y4") or g.get("w"):  # (a decade of the 1900s by two digits or by name)
        y = 1900 + (int(g["y4"]) if g.get("y4") else 10 * _DUTCH_TENS.index(g["w"]) + 30)
        return str(y), str(y + 9), "decade"
    decade = int(g.get("y") or g.get("y2") or g.get("y3") or 0)
    if name in ("partdec", "decade") and decade % 100 == 0 and decade < 1900:
        return None  # ("the 1600s", "the late 1700s": a century as often as a decade)
    if name == "partdec":
        y, p = decade, PARTS[(g["p"] or g["p2"] or g["p3"]).lower()]
        a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[p]
        return str(y + a), str(y + b), "decade"
    if name == "decade":
        y = g["y"] or g.get("y3")
        return y, str(int(y) + 9), "decade"
    if name == "holiday":
        m_, d_ = _HOLIDAYS[g["hol"].replace("’", "'").replace("St ", "St. ")]
        return f"{g['y']}-{m_:02d}-{d_:02d}", f"{g['y']}-{m_:02d}-{d_:02d}", "day"
    if name == "century":  # (its years, or a third of them: a span, approximate in part)
        first = (int(g["c"]) - 1) * 100 + 1
        a, b = {"early": (0, 32), "mid": (33, 66), "late": (67, 99), "": (0, 99)}[
            (g["p"] or "").lower()]
        return str(first + a), str(first + b), "approximate"
    if name == "partmon":  # (the month whose middle is nearest the publication)
        got = _yearless(15, _mon(g["m"]), published)
        return (got[0][:7], got[0][:7], "month") if got else None
    if name == "part":
        y = int(g["y"])
        p = PARTS[g["p"].lower()] if g.get("p") else _PART_OF[g["pe"]]
        a, b = _PART_MONTHS[p]
        return f"{y}-{a:02d}", f"{y}-{b:02d}", "season"
    if name == "dd":
        d0, d1 = (int(re.match(r"\d+", g[k]).group()) for k in (("d0", "d1") if g.get("d0") else ("d2", "d3")))
        month, year = _mon(g.get("m1") or g["m2"]), g.get("y1") or g.get("y2")
        if d0 >= d1:
            return None
        try:
            end = date(int(year), month, d1) if year else None
        except ValueError:
            return None
        if end is None:
            got = _yearless(d1, month, published)
            if got is None:
                return None
            end = date.fromisoformat(got[0])
        return end.replace(day=d0).isoformat(), end.isoformat(), "range"
    if name == "dm":
        wd = _WEEKDAY_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
        return _yearless(int(re.match(r"\d+", g["d1"] or g["d2"]).group()),
                         _mon(g["m1"] or g["m2"]), published,
                         _WEEKDAYS.index(wd.group(1)) if wd else None)
    if name == "relative":
        return _relative(g["r"].casefold(), published)  # (ſ, K match s, k under re.I)
    if name == "year":
        return g["y"], g["y"], "year"
    return None


#: how far from the publication date a day with no year may fall: a newsletter dates what
#: happened or is due within months of writing it; a day further off is left out
YEARLESS_DAYS = 120
#: days that name an event of another year more often than a date ("since September 11")
_ANNIVERSARIES = frozenset({(9, 11)})


def _yearless(d: int, m: int, published: datetime | None, weekday: int | None = None):
    """A day and month with no year, in the year that puts it nearest the publication date
    ("3 June" in a post of 20 June 2026 is 3 June 2026; "28 December" in one of 5 January
    2027 is 28 December 2026), or None if that is over :data:`YEARLESS_DAYS` days away.
    With its weekday ("Wednesday 3 June"), the nearest year however far within a year
    either side, when its day is that weekday (the weekday confirms the year; it was left
    out at 125 days), else None."""
    if published is None or (m, d) in _ANNIVERSARIES:
        return None
    today = published.date()
    best = None
    for y in (today.year - 1, today.year, today.year + 1):
        try:
            day = date(y, m, d)
        except ValueError:
            continue
        if best is None or abs((day - today).days) < abs((best - today).days):
            best = day
    if best is not None and weekday is not None and best.weekday() != weekday:
        return None  # (the nearest year's day is another weekday: the text is wrong, or
        #               means a year it does not name; "Sat 15 Nov" went to 2025)
    if best is None or abs((best - today).days) > (366 if weekday is not None else
                                                   YEARLESS_DAYS):
        return None
    return best.isoformat(), best.isoformat(), "day"


def _relative(r: str, published: datetime | None):
    if published is None:
        return None
    today = published.date()
    if r == "yesterday":
        d = (today - timedelta(days=1)).isoformat()
        return d, d, "day"
    which, unit = r.split()
    step = {"last": -1, "this": 0, "next": 1}[which]
    if unit == "year":
        y = str(today.year + step)
        return y, y, "year"
    if unit == "month":
        k = today.year * 12 + today.month - 1 + step
        s = f"{k // 12}-{k % 12 + 1:02d}"
        return s, s, "month"
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "relative"


def find_dates(text: str, published: datetime | None = None) -> list[RawDate]:
    """Every date phrase of ``text`` in source order, overlapping phrases resolved by
    pattern priority (ranges before days before months before years)."""
    taken: list[tuple[int, int]] = []
    found: list[RawDate] = []
    years = None
    has_year = _has_year(text)
    # (a year of its own, not a decade's: "the 1990s" dates no day beside it)
    # (nor does a record's "since 2012": "reached 11.2°C on 23 March, its warmest since 2012")
    one_year = has_year and published is not None and (
        not ("0s" in text or "0er" in text or "ince " in text)
        or names_a_year(text, decades=False)) or published is not None and (
        "AD" in text or "BC" in text or "CE" in text) and _ERA_YEAR.search(text) is not None
    # (and a year by its era: "On 24 August AD 79 … in late October" was drawn in 2025)
    has_rel = published is not None and _has_rel(text)
    has_day = published is not None and (not one_year and _DIGIT.search(text) is not None
                                         or one_year and _WEEKDAY_DAY.search(text) is not None)
    # ("3 June": no year anywhere near; a day is digits; or a day its weekday pins down,
    # "On Wednesday 3 June", beside a year of another thing)
    has_part = published is not None and not one_year and _PART_WORD.search(text) is not None
    has_century = "century" in text
    has_cjk = "年" in text or "년" in text
    # (a decade by two digits or by name after its word: "les années 90", "de jaren negentig")
    has_tens = "jaren " in text or "nnées " in text or "ños " in text or "nos " in text \
        or "anni " in text or "lata" in text
    if not (has_year or has_rel or has_day or has_part or has_century or has_cjk or has_tens):
        return found  # (most paragraphs: no pattern can match, none is tried)
    low = text.lower()
    months = None
    from .spans import windows
    near = windows(text, _HAS_YEAR, 50, 50) if has_year else []
    for name, pat in PATTERNS:
        days = name in ("dd", "dd2")  # (a span of days: with a year, or with none)
        if not (has_rel if name == "relative" else has_day if name == "dm" else
                has_part if name == "partmon" else has_century if name == "century" else
                has_cjk if name in ("cjk", "cjkyy", "cjkq") else (has_year or has_day) if days else
                has_year or has_tens if name == "decade2" else has_year):
            continue
        whole = name in ("relative", "bareq", "dm", "partmon", "century", "cjk", "cjkyy",
                         "cjkq") or days and not has_year or name == "decade2" and has_tens
        need = NEEDS.get(name)
        if need is _MONTH_NEEDS:  # (three patterns need a month's name: tested once)
            if months is None:
                months = has_any(low, need)
            if not months:
                continue
        elif need and not has_any(low, need):
            continue
        spans = [(0, len(text))] if whole else near
        for m in (pat.finditer(text, *spans[0]) if len(spans) == 1 else
                  chain.from_iterable(pat.finditer(text, a, b) for a, b in spans)):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            if name == "year" and (not _year_ok(text, m) or _MODEL_YEAR.match(text, e) and
                                   _MODEL_BEFORE.search(text, max(0, s - 12), s)
                                   or _DATA_AFTER.match(text, e)):
                continue  # (and "a gray 2014 Ford F-150": a model's year, no event; nor
                #           "when the 2025 figures are published": what data measure)
            if _BASE_YEAR.match(text, e) and name != "relative":
                taken.append((s, e))  # ("매매가격지수(2019년=100)", "(January 2000 = 100)",
                continue  #            "(1982–84 = 100)": an index's base period, no event
            if name in ("fromto", "yy") and _BASELINE_AFTER.match(text, e):
                taken.append((s, e))  # ("+1.8°C above the 1991–2020 average": a reference
                continue  #            period, no span of events)
            if name in ("fromto", "yy", "dd2") and _counted(text, e):
                taken.append((s, e))  # "between 1200 and 1500 workers": counts, no years
                continue
            if name == "yy" and _LIFE.match(text, max(0, s - 60), s) and text[e:e + 1] in ");" \
                    or name in ("yy", "fromto") and _REIGN_BEFORE.search(text, max(0, s - 12), s):
                taken.append((s, e))  # "Tobias Whitlow (1902–1940)": a life, no event; nor
                continue  #            "(c. 1028–1087; r. 1066–1087)", "lived from 1491 to 1547"
            if days and s and (text[s - 1] in _NOT_BEFORE or text[s - 1].isalnum()):
                continue  # (a day span's digits glued to a word or a number: _L)
            if name == "dd" and text[e:e + 1] == " " and text[e + 1:e + 2].isupper() and \
                    text[e - 1].isalpha() and not _SPAN_OPENS.search(text, max(0, s - 8), s):
                continue  # (a capital after the month, not after its year, may open a name,
                #           "5 April Jones", unless "from", "dal" … opened the span: "Dal 2 al
                #           5 aprile Verona")
            yearless = name in ("dm", "partmon") or days and not (m.groupdict().get("y1")
                                                     or m.groupdict().get("y2"))
            pinned = name == "dm" and _WEEKDAY_BEFORE.search(text, max(0, s - 12), s) is not None
            if name in ("dm", "partmon") and one_year and not pinned:
                continue  # (a paragraph that names a year: only a day with its weekday)
            if (name == "relative" or yearless) and not _relative_ok(text, m, yearless, pinned):
                continue
            if yearless and not pinned and text[max(0, s - 6):s].lower() == "since ":
                continue  # ("Snow had lain on the hills since late January", in a story of
                #           1883: a state's start, whose year a nearby one may not be)
            if name == "relative" and _VERSUS.search(text, max(0, s - 24), s):
                continue  # ("unchanged from last month": a comparison dates nothing)
            if name in ("fromto", "dmdm", "numnum") and _MOVED.search(text, max(0, s - 30), s):
                taken.append((s, e))  # ("would slip from 2027 to 2028": a date moved, no
                continue  #            span of both; nor is the old one an event)
            if name not in ("relative", "fromto", "numnum") and (
                    _BOUND.search(text, max(0, s - 16), s)
                    or _not_its_own(text, s)
                    or _NAMED_BY.search(text, max(0, s - 80), s)):
                taken.append((s, e))  # "built before 1970": not in 1970 (nor any one year)
                continue
            if name == "bareq":
                if years is None:
                    years = [(y.start(), y.group()) for y in PATTERNS[-2][1].finditer(text)]
                res = _bare_quarter(text, m, years)
            else:
                res = _resolve(name, m, published)
            if res is None:
                if name in ("fromto", "yy", "iso", "dmy", "mdy", "num", "numnum"):
                    taken.append((s, e))      # "February 30, 2023": no date, nor its year
                continue
            if name == "yy" and (_FISCAL_AFTER.match(text, e)
                                 or _FISCAL_BEFORE.search(text, max(0, s - 20), s)):
                res = (res[0], res[1], "fiscal_year")  # "the 2024/25 financial year"
            if res[2] in ("year", "month", "day") and name != "relative" and (
                    a := _APPROX.search(text, max(0, s - 30), s)):  # ("thinking about last
                # year" is no "about": a relative phrase is never widened)
                s, res = a.start(), _widened(res)  # "circa 1998": 1997 to 1999
            taken.append((s, e))
            if res[2] == "day" and not _weekday_ok(text, s, res[0]):
                taken.append((s, e))  # "Saturday 13 March" in a year when it is a Friday
                continue
            found.append(RawDate(s, e, text[s:e], *res, yearless=yearless))
    found.sort(key=lambda d: d.start_off)
    if any(d.precision == "fiscal_year" for d in found):
        from .months import fiscal_brackets
        found = fiscal_brackets(text, found)
    if len(found) > 1 and (" t" in text or "–" in text or " u" in text or " - " in text):
        from .months import day_spans
        found = day_spans(text, found)
    if any(d.yearless and d.precision == "day" for d in found):
        # (a day that opens a span whose end was not read, "closed from 11 May to 31 July":
        # the span's start alone was drawn as the closure, a one-day dot)
        found = [d for d in found if not (d.yearless and d.precision == "day"
                                           and _DAY_SPAN_NEXT.match(text, d.end_off))]
    if len(found) > 1 and "from " in text or "rom late" in text or "rom early" in text:
        found = _from_spans(text, found)
    if "and " in text or "or " in text or "&" in text or "/" in text:
        from .months import with_month_before
        return [with_month_before(text, d, found) for d in found]
    return found


#: what follows a day that opens a span of days: "11 May to 31 July", "3 March – 9 April"
_DAY_SPAN_NEXT = re.compile(r"\s?(?:to|until|till|through|thru|–|—|-)\s?(?:the\s)?\d{1,2}"
                            r"(?:st|nd|rd|th)?\s(?:of\s)?[A-Z][a-z]{2,8}\b")
#: between the two ends of a span opened by "from": "from late 2013 into 2016", "from the
#: 1950s to the 2000s", "from 2014/15 to 2023/24"
_SPAN_BETWEEN = re.compile(r"\s?(?:to|into|until|till|through|–|—|-)\s?(?:the\s)?$")
_SPAN_FROM = re.compile(r"\b[Ff]rom\s(?:the\s)?$")
_PART_BEFORE = re.compile(r"\b(early|mid|late)[- ]$", re.I)
_SPANNED = frozenset(("season", "year", "decade", "range", "month", "quarter", "half"))


def _from_spans(text: str, found: list[RawDate]) -> list[RawDate]:
    """One span of a "from … to …" whose ends are two dates ("from late 2013 into 2016":
    late 2013 and 2016 were two events), and a span's start as its part of a year says
    ("from late 2013 to 2015" started in January 2013)."""
    out: list[RawDate] = []
    for d in found:
        if d.precision == "range" and (p := _PART_BEFORE.search(text, max(0, d.start_off - 6),
                                                                d.start_off)) \
                and _SPAN_FROM.search(text, max(0, p.start() - 6), p.start()) \
                and d.start[:4].isdigit() and len(d.start) == 4:
            a = _PART_MONTHS[p.group(1).lower()][0]
            d = replace(d, start_off=p.start(), when=text[p.start():d.end_off],
                        start=f"{d.start}-{a:02d}")
        prev = out[-1] if out else None
        if prev is not None and prev.precision in _SPANNED and d.precision in _SPANNED \
                and prev.start <= d.start and prev.end <= d.end \
                and _SPAN_BETWEEN.match(text, prev.end_off, d.start_off) \
                and _SPAN_FROM.search(text, max(0, prev.start_off - 10), prev.start_off):
            out[-1] = RawDate(prev.start_off, d.end_off, text[prev.start_off:d.end_off],
                              prev.start, d.end, "range")
            continue
        out.append(d)
    return out


def _bare_quarter(text: str, m: re.Match, years: list[tuple[int, str]]):
    """``Q3`` alone takes the year only when its sentence names exactly one year."""
    from .spans import sentence_at, sentences
    s, e = sentence_at(sentences(text), m.start(), m.end())
    ys = {y for off, y in years if s <= off < e}
    if len(ys) != 1:
        return None
    q, y = int(m.group("q")), int(ys.pop())
    return f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", "quarter"
