"""What a number is in running text, and the words around it that make it a quantity:
the vocabulary that :mod:`.quantities` (a number with its unit) and :mod:`.listings`
(numbers that borrow the unit of the one before them) share, and the one way both build a
:class:`RawQuantity` from a match. Values are kept as stated, never rounded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

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
SCALE_NAMES = ("thousand", "million", "billion", "trillion")
#: the scale words of French, Spanish, Italian, German, Portuguese and Dutch, as written
#: ("2,74 milliards d’euros", "1.500,5 millones", "3,2 Milliarden Euro") -> English's
FOREIGN_SCALES = {"milliards": "billion", "milliard": "billion", "Milliarden": "billion",
                  "Milliarde": "billion", "miliardi": "billion", "miliardo": "billion",
                  "mil millones": "billion", "bilhões": "billion", "bilhão": "billion",
                  "miljard": "billion", "millions": "million", "Millionen": "million",
                  "Million": "million", "millones": "million", "millón": "million",
                  "milioni": "million", "milione": "million", "milhões": "million",
                  "milhão": "million", "miljoen": "million", "mil": "thousand",
                  # (and written short: German "4,2 Mrd. Euro", "3,2 Mio. Fahrgäste", Polish
                  # "3,2 mld zł", "450 mln zł"; the dot after them is :data:`SDOT`'s)
                  "Mrd": "billion", "Mio": "million", "mld": "billion", "mln": "million",
                  # (French "4,1 Md€", "2,1 Mds€", "350 M€")
                  "Md": "billion", "Mds": "billion"}
SCALE_WORDS.update({k.lower(): v for k, v in FOREIGN_SCALES.items()})
SW = "(?:" + "|".join(sorted({*SCALE_NAMES, *FOREIGN_SCALES}, key=lambda w: (-len(w), w))) + ")"
#: the dot after a scale written short ("Mrd.", "Mio.", "mld.")
SDOT = r"(?:(?<=Mrd|Mio|mld|mln)\.)?"
SA = r"(?:bn|mn|mln|[kmbKMB])"          # abbreviations: only right after a currency
SA_SPACED = r"(?:\s(?:bn|mn|mln|[kmbKMB]))"  # ... or after a space ("€12 bn", "€5 m")
CUR_PREFIX = {"US$": "USD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
              "MX$": "MXN", "Mex$": "MXN", "CA$": "CAD", "AU$": "AUD", "NZ$": "NZD",
              "COL$": "COP", "CLP$": "CLP", "ARS$": "ARS",
              "$": "USD", "¥": "RMB", "€": "EUR", "£": "GBP", "₩": "KRW", "RMB": "RMB",
              "USD": "USD", "CNY": "RMB", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY",
              "KRW": "KRW", "INR": "INR", "CHF": "CHF", "SEK": "SEK", "NOK": "NOK",
              "DKK": "DKK", "AUD": "AUD", "CAD": "CAD", "NZD": "NZD", "SGD": "SGD",
              "HKD": "HKD", "TWD": "TWD", "BRL": "BRL", "R$": "BRL", "MXN": "MXN",
              "ZAR": "ZAR", "PLN": "PLN", "CZK": "CZK", "ILS": "ILS", "AED": "AED",
              "RUB": "RUB", "₽": "RUB", "₹": "INR", "₺": "TRY", "TRY": "TRY"}
CP = "|".join(re.escape(k) for k in sorted(CUR_PREFIX, key=lambda w: (-len(w), w)))

UNIT_WORDS = {
    # currencies (words and codes after the number)
    "US dollars": "USD", "U.S. dollars": "USD", "dollars": "USD", "USD": "USD", "yuan": "RMB",
    "RMB": "RMB", "renminbi": "RMB", "CNY": "RMB", "yen": "JPY", "JPY": "JPY", "euros": "EUR",
    "EUR": "EUR", "GBP": "GBP", "pounds sterling": "GBP", "KRW": "KRW", "rupees": "rupees",
    "INR": "INR", "won": "KRW", "rubles": "RUB", "roubles": "RUB", "HKD": "HKD", "TWD": "TWD",
    "NT dollars": "TWD", "元": "RMB", "美元": "USD", "日元": "JPY", "韩元": "KRW",
    "zł": "PLN", "złotych": "PLN", "PLN": "PLN",
    # (and in the other languages: "2,74 milliards d’euros", "1.500 millones de euros")
    "€": "EUR",  # ("3,50 €": the sign after the number, as Spanish, French and German write it)
    "d’euros": "EUR", "d'euros": "EUR", "de euros": "EUR", "di euro": "EUR", "Euro": "EUR",
    "euro": "EUR", "dólares": "dólares", "de dólares": "dólares", "pesos": "pesos",
    "de pesos": "pesos", "toneladas": "tonnes", "de toneladas": "tonnes", "tonnellate": "tonnes",
    "di tonnellate": "tonnes", "Tonnen": "tonnes", "de tonnes": "tonnes",
    "kilometer": "km", "kilómetros": "km", "quilômetros": "km", "chilometri": "km",
    "procent": "%", "por ciento": "%", "por cento": "%", "pour cent": "%", "per cento": "%",
    "Prozent": "%",
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
    # (and as written in a table's or a report's shorthand: "14,950 ha", "2.8 m³/s")
    "ha": "hectares", "hectáreas": "hectares", "m²": "m²", "m³": "m³", "hm³": "hm³",
    "m³/s": "m³/s", "m3/s": "m³/s", "L/s": "L/s",
    # (a network's: hash rate and fees)
    "EH/s": "EH/s", "PH/s": "PH/s", "TH/s": "TH/s", "gwei": "gwei", "sats/vB": "sats/vB",
    "sat/vB": "sats/vB", "sats": "sats",
    "litres": "litres", "liters": "litres", "gallons": "gallons", "knots": "knots",
    "mph": "mph", "km/h": "km/h", "megawatts": "MW", "gigawatts": "GW",
    "terawatt-hours": "TWh", "gigawatt-hours": "GWh",
    "MB/s": "MB/s", "GB/s": "GB/s", "kB/s": "kB/s", "KB/s": "kB/s", "Mbps": "Mbps",
    "Gbps": "Gbps", "Mbit/s": "Mbit/s", "Gbit/s": "Gbit/s",
    # climate and science
    "°C": "°C", "°F": "°F", "degrees Celsius": "°C", "degrees Fahrenheit": "°F",
    "Mt": "Mt", "Gt": "Gt", "MtCO2": "MtCO2", "GtCO2": "GtCO2", "MtCO2e": "MtCO2e",
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
NOT_MID = frozenset("""the a an of in and or to for with by on at as is was were are be been
from that this these those than per its their his her our your which who whom when where
while but not no into onto over under about more less most some any each every fewer additional
extra""".split())
#: a number right after one of these is a rank or a label ("tier 1 cities", "Top 10")
NOT_AFTER = frozenset("""tier top no. no number phase stage level class type grade category article
section chapter version model series generation gen round act part page figure table rank
ranked item step room route""".split())
TIME_UNITS = frozenset("seconds minutes hours days weeks months years ms".split())

#: (longest first, and in one order for words of one length: a set's order changes with
#: every process, and so did these patterns, compiled afresh each run)
UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNIT_WORDS, key=lambda w: (-len(w), w)))
NOUN_ALT = "|".join(sorted(COUNT_NOUNS, key=lambda w: (-len(w), w)))
NL = r"(?<![A-Za-z0-9_.,:/#$€£¥₩])(?<![A-Za-z0-9][-−–])(?<!\d\s)"  # number start: nothing
#  glued on, nor a number grouped by spaces ("3 905 tonnes" is no "905 tonnes")
SIGN = r"(?:(?<![\w.,:/#\-−–])(?P<sign>[−-]))?"
NR = r"(?![\d]|[.,]\d|:\d)"
SEP = r"(?P<sep>\s?[-–]\s?|\sto\s)"

NOT_UNITS = frozenset("""US UK EU UN AI CEO GDP PRC CCP USA UAE ROK DPRK has was does goes this
less plus thus across yes its is as us his hers ours theirs yours whereas perhaps always""".split())
QUAL_RE = re.compile(r"(?<![\w])(?P<q>more than|less than|fewer than|up to|at least|at most|"
                     r"as many as|as much as|as high as|as low as|as little as|just over|"
                     r"just under|well over|an estimated|about|around|approximately|roughly|"
                     r"nearly|almost|over|under|above|below|some|circa|~|≈)\s?$", re.I)


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
    return w in UNIT_WORDS or w in COUNT_NOUNS or w.lower() in SCALE_NAMES or w == "%"


def number(s: str) -> float:
    """``"1,234.5"`` -> 1234.5; a unicode minus counts as a sign."""
    return float(s.replace(",", "").replace("−", "-"))


def scale_of(m: re.Match, i: int) -> str:
    g = m.groupdict()
    w = g.get(f"s{i}") or g.get(f"a{i}") or g.get(f"c{i}") or ""
    return SCALE_WORDS[w.strip().lower()] if w else ""


def build(text: str, m: re.Match, unit: str) -> RawQuantity | None:
    g = m.groupdict()
    v = number(g["n1"])
    if g.get("sign"):
        v = -v
    s1, high = scale_of(m, 1), None
    if g.get("n2"):
        high = number(g["n2"])
        s2 = scale_of(m, 2)
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


def counted_in(noun: str) -> str:
    """The unit a counted noun gives ("persons" are counted as people)."""
    return "people" if noun in ("people", "persons") else noun
