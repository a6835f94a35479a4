"""Quantities: a number with its unit, currency or percent, exactly as stated.

Values are never rounded or multiplied out: ``88.42 billion USD`` is value 88.42, scale
"billion", unit "USD". Not quantities: years and other dates, footnote markers (masked by
the caller), numbers glued to letters or hyphens (model names R1, G7, H100, 910C, GPT-4),
ordinals (12th), clock times (07:32, 3 pm), bare numbers without a unit.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .spans import has_any, prev_word, sentence_at, sentences, windows

#: a number as English writes it ("1,234.5"); never "11.000" or "2.150": three digits after
#: the point of a number under 1,000 are the thousands of German, Dutch, Italian or
#: Spanish text as often as an English decimal, so the number is left out
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?![1-9]\d{0,2}\.\d{3}(?!\d))\d+(?:\.\d+)?"
#: the same where the article's own numbers settle which mark is the decimal one (see
#: :func:`decimal_mark`): "2.375" is then a decimal (a German "2,375 %" read with the
#: marks swapped)
NUM_SETTLED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE_WORDS = {"thousand": "thousand", "million": "million", "billion": "billion",
               "trillion": "trillion", "bn": "billion", "mn": "million", "mln": "million",
               "k": "thousand", "m": "million", "b": "billion", "万": "万", "亿": "亿"}
_SCALE_NAMES = ("thousand", "million", "billion", "trillion")
_SW = rf"(?:{'|'.join(_SCALE_NAMES)})"
_SA = r"(?:bn|mn|mln|[kmbKMB])"          # abbreviations: only right after a currency
_SA_SPACED = r"(?:\s(?:bn|mn|mln|[kmbKMB]))"  # ... or after a space ("€12 bn", "€5 m")
CUR_PREFIX = {"US$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
              "$": "USD", "¥": "RMB", "€": "EUR", "£": "GBP", "₩": "KRW", "RMB": "RMB",
              "USD": "USD", "CNY": "RMB", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY",
              "KRW": "KRW", "INR": "INR", "CHF": "CHF", "SEK": "SEK", "NOK": "NOK",
              "DKK": "DKK", "AUD": "AUD", "CAD": "CAD", "NZD": "NZD", "SGD": "SGD",
              "HKD": "HKD", "TWD": "TWD", "BRL": "BRL", "R$": "BRL", "MXN": "MXN",
              "ZAR": "ZAR", "PLN": "PLN", "CZK": "CZK", "ILS": "ILS", "AED": "AED",
              "RUB": "RUB", "₽": "RUB", "₹": "INR", "₺": "TRY", "TRY": "TRY"}
_CP = "|".join(re.escape(k) for k in sorted(CUR_PREFIX, key=len, reverse=True))

UNIT_WORDS = {
    # currencies (words and codes after the number)
    "US dollars": "USD", "U.S. dollars": "USD", "dollars": "USD", "USD": "USD", "yuan": "RMB",
    "RMB": "RMB", "renminbi": "RMB", "CNY": "RMB", "yen": "JPY", "JPY": "JPY", "euros": "EUR",
    "EUR": "EUR", "GBP": "GBP", "pounds sterling": "GBP", "KRW": "KRW", "rupees": "rupees",
    "INR": "INR", "won": "KRW", "rubles": "RUB", "roubles": "RUB", "HKD": "HKD", "TWD": "TWD",
    "NT dollars": "TWD", "元": "RMB", "美元": "USD", "日元": "JPY", "韩元": "KRW",
    # percent
    "%": "%", "percent": "%", "per cent": "%", "percentage points": "percentage points",
    # physical units
    "GW": "GW", "MW": "MW", "kW": "kW", "GWh": "GWh", "TWh": "TWh", "MWh": "MWh", "kWh": "kWh",
    "km": "km", "kilometers": "km", "kilometres": "km", "meters": "m", "metres": "m",
    "kg": "kg", "kilograms": "kg", "tonnes": "tonnes", "tons": "tons", "lb": "lb", "lbs": "lb",
    "nm": "nm", "GHz": "GHz", "MHz": "MHz", "Hz": "Hz", "nits": "nits", "TB": "TB", "GB": "GB",
    "MB": "MB", "mm": "mm", "cm": "cm", "miles": "miles", "inch": "inch", "inches": "inch",
    "feet": "feet", "square meters": "square meters", "TFLOPS": "TFLOPS", "mAh": "mAh",
    "ms": "ms", "seconds": "seconds", "minutes": "minutes", "hours": "hours", "days": "days",
    "weeks": "weeks", "months": "months", "years": "years",
    "TEU": "TEU", "FEU": "FEU", "barrels": "barrels", "bpd": "bpd", "dwt": "dwt",
    "CHF": "CHF", "Swiss francs": "CHF", "francs": "francs", "SEK": "SEK", "NOK": "NOK",
    "DKK": "DKK", "kronor": "SEK", "AUD": "AUD", "CAD": "CAD", "NZD": "NZD", "SGD": "SGD",
    "BRL": "BRL", "reais": "BRL", "MXN": "MXN", "ZAR": "ZAR", "rand": "ZAR", "PLN": "PLN",
    "zloty": "PLN", "CZK": "CZK", "ILS": "ILS", "shekels": "ILS", "AED": "AED",
    # (a word several countries' currencies share is kept as written, never one's code:
    # Moroccan or Emirati dirhams, French, Swiss or CFA francs, Indian or Pakistani rupees)
    "dirhams": "dirhams", "TRY": "TRY", "lira": "lira",
    "cubic metres": "cubic metres", "cubic meters": "cubic metres",
    "square kilometres": "km²", "square kilometers": "km²", "km²": "km²",
    "square metres": "square meters", "hectares": "hectares", "acres": "acres",
    "litres": "litres", "liters": "litres", "gallons": "gallons", "knots": "knots",
    "mph": "mph", "km/h": "km/h", "megawatts": "MW", "gigawatts": "GW",
    "terawatt-hours": "TWh", "gigawatt-hours": "GWh",
    "MB/s": "MB/s", "GB/s": "GB/s", "kB/s": "kB/s", "KB/s": "kB/s", "Mbps": "Mbps",
    "Gbps": "Gbps", "Mbit/s": "Mbit/s", "Gbit/s": "Gbit/s",
    # climate and science
    "°C": "°C", "°F": "°F", "degrees Celsius": "°C", "degrees Fahrenheit": "°F",
    "ppm": "ppm", "ppb": "ppb", "mm/yr": "mm/yr", "mm/year": "mm/yr", "mm a year": "mm/yr",
    "mm per year": "mm/yr", "cm/yr": "cm/yr",
}
#: bare counts accepted only before one of these nouns (plural as written)
COUNT_NOUNS = frozenset("""people persons troops soldiers users students permits seats cases
companies firms universities schools teachers workers employees jobs officials arrests
protesters passengers guests patents views votes visitors members subscribers downloads
teams products chips GPUs vehicles cars buses tanks aircraft ships satellites launches
missiles deaths executions applications accounts papers articles books projects cities
countries provinces villages households families children candidates lawmakers delegates
posts messages tokens parameters engineers researchers scientists startups unicorns
investors customers consumers listeners readers lawsuits fines prisoners refugees migrants
immigrants police residents tourists voters respondents reviews upvotes likes followers
stores factories plants fabs mines wafers units devices phones inmates graduates hospitals
beds doctors nurses patients victims passes trips visits tickets homes houses dwellings
flights containers boxes loaves meals calls complaints crimes incidents fires bikes bicycles
trees animals species birds wolves hikers skiers climbers runners riders
shops restaurants bakeries farms farmers orders parcels letters copies editions titles
prescriptions doses vaccinations tests""".split())
_NOT_MID = frozenset("""the a an of in and or to for with by on at as is was were are be been
from that this these those than per its their his her our your which who whom when where
while but not no into onto over under about more less most some any each every fewer additional
extra""".split())
#: a number right after one of these is a rank or a label ("tier 1 cities", "Top 10")
NOT_AFTER = frozenset("""tier top no. no number phase stage level class type grade category article
section chapter version model series generation gen round act part page figure table rank
ranked item step room route""".split())
_TIME = frozenset("seconds minutes hours days weeks months years ms".split())

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNIT_WORDS, key=len, reverse=True))
_NOUN_ALT = "|".join(sorted(COUNT_NOUNS, key=len, reverse=True))
_NL = r"(?<![A-Za-z0-9_.,:/#$€£¥₩])(?<![A-Za-z0-9][-−–])"      # number start: nothing glued on
_SIGN = r"(?:(?<![\w.,:/#\-−–])(?P<sign>[−-]))?"
_NR = r"(?![\d]|[.,]\d|:\d)"
_SEP = r"(?P<sep>\s?[-–]\s?|\sto\s)"

def _patterns(num: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(currency first, unit or counted noun after, scale word then any unit) for numbers
    written as ``num``."""
    cur = re.compile(
        rf"{_SIGN}(?P<cur>{_CP})\s?{_NL.replace('$€£¥₩', '')}(?P<n1>{num}){_NR}"
        rf"(?:\s?(?P<s1>{_SW})\b|(?P<a1>{_SA}|{_SA_SPACED})\b|(?P<c1>[万亿]))?"
        rf"(?:{_SEP}(?:{_CP})?\s?(?P<n2>{num}){_NR}"
        rf"(?:\s?(?P<s2>{_SW})\b|(?P<a2>{_SA}|{_SA_SPACED})\b|(?P<c2>[万亿]))?)?")
    post = re.compile(
        rf"{_SIGN}{_NL}(?P<n1>{num}){_NR}(?:\s?(?P<s1>{_SW})\b|(?P<c1>[万亿]))?"
        rf"(?:{_SEP}(?P<n2>{num}){_NR}(?:\s?(?P<s2>{_SW})\b|(?P<c2>[万亿]))?)?"
        rf"(?P<gap>\s?|-)(?:(?P<unit>{_UNIT_ALT})|(?:(?P<mid>[a-z][a-z-]+)\s)?(?P<noun>{_NOUN_ALT}))"
        r"(?:(?<=[元])|(?!\w|/[^\W\d]))")  # ("120 MB/s" is no "120 MB")
    # ``21.3 million TEU``, ``2 million barrels``: after a scale word any unit-like word is
    # the unit (an acronym, or a plural noun that is not a function word or a verb)
    scaled = re.compile(
        rf"{_SIGN}{_NL}(?P<n1>{num}){_NR}\s(?P<s1>{_SW})\b"
        rf"(?:{_SEP}(?P<n2>{num}){_NR}\s(?P<s2>{_SW})\b)?"
        r"\s(?P<unit>[A-Z]{2,6}|(?:[a-z]{3,20}\s)?[a-z]{3,20}s)\b(?![-’'])")
    return cur, post, scaled


CUR_RE, POST_RE, SCALED_RE = _patterns(NUM)


@functools.cache
def _settled() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """:func:`_patterns` of :data:`NUM_SETTLED` (compiled for the first article that needs
    them: most books have none)."""
    return _patterns(NUM_SETTLED)


NOT_UNITS = frozenset("""US UK EU UN AI CEO GDP PRC CCP USA UAE ROK DPRK has was does goes this
less plus thus across yes its is as us his hers ours theirs yours whereas perhaps always""".split())
#: ``5.38 billion`` with no unit: takes the unit of the quantity before it in the sentence
BARE_RE = re.compile(rf"{_SIGN}{_NL}(?P<n1>{NUM}){_NR}\s(?P<s1>{_SW})\b(?!\s?[-–])")
QUAL_RE = re.compile(r"(?<![\w])(?P<q>more than|less than|fewer than|up to|at least|at most|"
                     r"as many as|as much as|as high as|as low as|as little as|just over|"
                     r"just under|well over|an estimated|about|around|approximately|roughly|"
                     r"nearly|almost|over|under|above|below|some|circa|~|≈)\s?$", re.I)
_NUM_ONLY = re.compile(rf"[−-]?(?:{NUM})")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_HAS_CUR = re.compile(rf"{_CP}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|during|from|of|before|after|the)\s)$", re.I)


@dataclass(frozen=True)
class RawQuantity:
    start_off: int
    end_off: int
    text: str
    value: float
    high: float | None
    scale: str
    unit: str
    qualifier: str


def is_unit_word(word: str) -> bool:
    w = word.strip()
    return w in UNIT_WORDS or w in COUNT_NOUNS or w.lower() in _SCALE_NAMES or w == "%"


def number(s: str) -> float:
    """``"1,234.5"`` -> 1234.5; a unicode minus counts as a sign."""
    return float(s.replace(",", "").replace("−", "-"))


def parse_quantity_text(text: str) -> tuple[float, float | None]:
    """The value (and upper end of a range) stated in a quantity's ``text``."""
    nums = [n.group() for n in _NUM_ONLY.finditer(text)]
    nums = [n for n in nums if re.search(r"\d", n)]
    first = number(nums[0])
    if len(nums) > 1:
        return first, number(nums[1].lstrip("-−"))
    return first, None


def _scale(m: re.Match, i: int) -> str:
    g = m.groupdict()
    w = g.get(f"s{i}") or g.get(f"a{i}") or g.get(f"c{i}") or ""
    return SCALE_WORDS[w.strip().lower()] if w else ""


def _build(text: str, m: re.Match, unit: str) -> RawQuantity | None:
    g = m.groupdict()
    v = number(g["n1"])
    if g.get("sign"):
        v = -v
    s1, high = _scale(m, 1), None
    if g.get("n2"):
        high = number(g["n2"])
        s2 = _scale(m, 2)
        if s1 and s2 and s1 != s2:
            return None
        s1 = s1 or s2
        if high <= v:
            return None
        before = text[max(0, m.start() - 12):m.start()].lower()
        if g.get("cur") and re.search(r"\bfrom\s?$", before):
            return None                       # "from $1 to $2" is a change, not a range
    q = QUAL_RE.search(text, max(0, m.start() - 14), m.start())
    start = q.start() if q else m.start()
    qual = q.group("q").lower() if q else ""
    return RawQuantity(start, m.end(), text[start:m.end()], v, high, s1, unit, qual)


def _currency(text: str, code: str, start: int) -> str:
    if code == "RMB" and text.startswith("¥", start):
        window = text[max(0, start - 200):start + 200].lower()
        if "yen" in window or "japan" in window:
            return "JPY"
    return code


#: a number whose mark can only be a decimal one: "21,4 %" (one or two digits after a
#: comma), "1.500,50"; and the same for the point ("3.5%", "1,500.50"), not a date's
#: "31.12.2025" nor a time's
#: (each branch opens with its mark, so the engine skips to the marks: five times faster
#: than a pattern opening with the digits, and every article's text is searched)
_COMMA_DECIMAL = re.compile(r",(?<=\d,)\d{1,2}(?![\d.,])|\.(?<=\d\.)\d{3},\d")
_POINT_DECIMAL = re.compile(r"\.(?<=\d\.)\d{1,2}(?![\d.,:])|,(?<=\d,)\d{3}\.\d")
#: a number with a mark between digits (a decimal or a thousands mark)
_MARKED = re.compile(r"\d[.,]\d")
_SWAP = str.maketrans(",.", ".,")


def decimal_mark(texts: list[str], english: bool) -> str:
    """The decimal mark an article's numbers use: "." (English: "1,500.5"), "," (German,
    French, Spanish … "21,4 %", "12.500"), or "" when its numbers do not settle it and it is
    not in English (its numbers with a mark are then left out: "2,375" is 2375 in English
    and 2.375 in German, and a chart a thousand times off is the worst fault). Told by the
    numbers that can only be read one way ("21,4", "3.5"), not by the language alone:
    Mexican Spanish writes "1,500.50"."""
    whole = "\n".join(texts)  # (two searches an article, not two a paragraph)
    comma = _COMMA_DECIMAL.search(whole) is not None
    point = _POINT_DECIMAL.search(whole) is not None
    if comma and not point:
        return ","
    return "." if english or (point and not comma) else ""


def find_quantities(text: str, dates: list[tuple[int, int]], mark: str = ".") -> list[RawQuantity]:
    """All quantities of ``text`` in source order; ``dates`` are spans to keep out of.
    ``mark``: the article's decimal mark (:func:`decimal_mark`); with ",", the numbers are
    read with their marks swapped (the same length, so offsets and quotes stay the text's
    own); with "", numbers with a mark are left out."""
    if not _DIGIT.search(text):
        return []
    if mark == ",":
        text = re.sub(r"(?<=\d)[.,](?=\d)", lambda m: m.group().translate(_SWAP), text)
    found = _find(text, dates, _settled() if mark == "," else (CUR_RE, POST_RE, SCALED_RE))
    return found if mark else [r for r in found if not _MARKED.search(r.text)]


def _find(text: str, dates: list[tuple[int, int]], patterns) -> list[RawQuantity]:
    cands: list[RawQuantity] = []
    pats = patterns if _HAS_CUR.search(text) else patterns[1:]
    near = windows(text, _DIGITS, 20, 60)
    for pat in pats:
        for lo, hi in near:
            cands += _scan(text, pat, lo, hi)
    out: list[RawQuantity] = []
    for r in sorted(cands, key=lambda r: (r.start_off, -(r.end_off - r.start_off))):
        if any(r.start_off < e and s < r.end_off for s, e in dates):
            continue
        if out and r.start_off < out[-1].end_off:
            continue
        out.append(r)
    return _bare_counts(text, _subject_counts(text, _bare_scaled(text, _between(text, out),
                                                                 dates), dates), dates)


#: "between 1,200 and 1,500 workers": the first number of a range stated with "between"
_BETWEEN_N = re.compile(rf"\b[Bb]etween\s(?P<n>{NUM})\s(?:and|to)\s$")
_BETWEEN = re.compile(r"\b[Bb]etween\s$")


def _between(text: str, found: list[RawQuantity]) -> list[RawQuantity]:
    """Ranges stated with "between": "between 1,200 and 1,500 workers" is 1,200 to 1,500
    workers, never 1,500 (its bound), and "between $2bn and $3bn" one range, not two
    amounts."""
    out: list[RawQuantity] = []
    for r in found:
        last = out[-1] if out else None
        if last is not None and last.high is None and r.high is None and not last.qualifier \
                and text[last.end_off:r.start_off] == " and " and (last.unit, last.scale) == \
                (r.unit, r.scale) and last.value < r.value \
                and _BETWEEN.search(text, max(0, last.start_off - 8), last.start_off):
            start = last.start_off - 8
            out[-1] = RawQuantity(start, r.end_off, text[start:r.end_off], last.value, r.value,
                                  r.scale, r.unit, "")
            continue
        m = _BETWEEN_N.search(text, max(0, r.start_off - 40), r.start_off) \
            if r.high is None and not r.qualifier and r.value > 0 else None
        if m and number(m.group("n")) < r.value:
            out.append(RawQuantity(m.start(), r.end_off, text[m.start():r.end_off],
                                   number(m.group("n")), r.value, r.scale, r.unit, ""))
            continue
        if m:
            continue  # ("between 5 and 3 people": no range, and 3 is no value of its own)
        out.append(r)
    return out


def _scan(text: str, pat: re.Pattern, lo: int, hi: int) -> list[RawQuantity]:
    out, pos = [], lo
    while True:
        m = pat.search(text, pos, hi)
        if not m:
            return out
        r = _candidate(text, m, pat)
        if r is None and m.group("n2"):       # a bad range: try the first number alone
            m2 = _first_only(text, m, pat)
            r = _candidate(text, m2, pat) if m2 else None
            if r is None:  # (nothing: "2021 to 1.45 euros" is a year, then a quantity)
                pos = m.end("n1")
                continue
            m = m2 or m
        if r is not None:
            out.append(r)
        pos = max(m.end(), m.start() + 1)


def _first_only(text: str, m: re.Match, pat: re.Pattern):
    cut = text[:m.start("sep")]
    for mm in pat.finditer(cut, m.start()):
        if mm.start() == m.start():
            return mm
    return None


def _candidate(text: str, m: re.Match, pat: re.Pattern) -> RawQuantity | None:
    g = m.groupdict()
    if prev_word(text, m.start())[1].lower() in NOT_AFTER:
        return None
    if "cur" in pat.groupindex:  # (a currency first)
        cur = g["cur"]
        if cur.isalpha() and _YEAR.fullmatch(g["n1"]) and not _scale(m, 1):
            return None                       # "USD 2022" is a year, not an amount
        if cur in ("S$", "A$", "C$") and m.start("cur") > 0 and text[m.start("cur") - 1].isalpha():
            return None
        return _build(text, m, _currency(text, CUR_PREFIX[cur], m.start("cur")))
    unit = g.get("unit")
    noun = g.get("noun")
    if "gap" not in pat.groupindex:  # (a scale word, then any unit)
        if unit in NOT_UNITS or unit.lower() in _NOT_MID or unit.split()[0] in _NOT_MID \
                or unit.split()[-1] in NOT_UNITS:
            return None
        return _build(text, m, UNIT_WORDS.get(unit, unit))
    if unit:
        if g["gap"] == "-" and unit in _TIME:
            return None                       # "15-year-old"
        if unit == "won" and not _scale(m, 1):
            return None                       # "won" is a verb unless a scale word precedes
        norm = UNIT_WORDS[unit]
    else:
        if g.get("mid") and g["mid"] in _NOT_MID:
            return None
        if g["gap"] == "-":
            return None
        norm = _counted_in(noun)
    if _YEAR.fullmatch(g["n1"]) and not g.get("n2") and not _scale(m, 1):
        if (noun or unit in _TIME or unit is None) and _YEAR_BEFORE.search(text, 0, m.start()):
            return None                       # "in 2024 users ..." is a year
    return _build(text, m, norm)


def _bare_scaled(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
    """``to 5.38 billion in 2024``: a scaled number with no unit borrows the unit of the
    closest quantity before it in the same sentence, when nothing but dates and words lie
    between them (no other number, no sentence or clause end)."""
    spans = None
    extra: list[RawQuantity] = []
    if "illion" not in text and "thousand" not in text:
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
        r = _build(text, m, p.unit)
        if r is not None:
            extra.append(r)
    return sorted(found + extra, key=lambda r: r.start_off)


_LISTING_END = re.compile(r"\s?(?:[,.;)]|and\b|or\b|$)")
_COUNT_RE = re.compile(rf"{_NL}(?P<n1>{NUM}){_NR}(?![%\w])")
_TIED_AFTER = re.compile(r"\s(?:in|by|during)\s")
#: all that may stand between one item of such a listing and the next (D: a date): its
#: date and a list mark ("12 members in D, 19"), or a list mark and the next date
#: ("140 members; in D, 185"); "40 members in D and lost 3" is another measure
_LIST_GAP = re.compile(r"^(?: (?:in|by) D(?:,? and |, |; (?:and )?)"
                       r"|[;,]? (?:and )?(?:in|by) D, )$")


def _bare_counts(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
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
    rf"\b(?P<noun>{_NOUN_ALT})\s(?:were|was|numbered|totall?ed|stood at|came to|reached)\s"
    rf"{_NL}(?P<n1>{NUM}){_NR}(?=\s(?:in|by|during)\s)")


_SUBJECT_VERBS = (" were ", " was ", "numbered", "tota", "stood at", "came to", "reached")


def _subject_counts(text: str, found: list[RawQuantity], dates) -> list[RawQuantity]:
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
        extra.append(RawQuantity(s, e, text[s:e], number(m.group("n1")), None, "",
                                 _counted_in(m.group("noun")), ""))
    return sorted(found + extra, key=lambda r: r.start_off) if extra else found


def _counted_in(noun: str) -> str:
    """The unit a counted noun gives ("persons" are counted as people)."""
    return "people" if noun in ("people", "persons") else noun


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
