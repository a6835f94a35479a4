"""Quantities: a number with its unit, currency or percent, exactly as stated.

Values are never rounded or multiplied out: ``88.42 billion USD`` is value 88.42, scale
"billion", unit "USD". Not quantities: years and other dates, footnote markers (masked by
the caller), numbers glued to letters or hyphens (model names R1, G7, H100, 910C, GPT-4),
ordinals (12th), clock times (07:32, 3 pm), bare numbers without a unit (unless a listing
lends them one: :mod:`.listings`). What a number and its unit words are: :mod:`.numbers`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from ..model import UNSPACED_CHAR
from .listings import bare_counts, bare_listing, bare_scaled, labelled_value, subject_counts
from .numbers import (CP, CUR_PREFIX, NL, NOT_AFTER, NOT_MID, NOT_UNITS, NOUN_ALT, NR, NUM,
                      NUM_SETTLED, SA, SA_SPACED, SDOT, SEP, SIGN, SW, TIME_UNITS, UNIT_ALT,
                      UNIT_WORDS, RawQuantity, build, counted_in, is_unit_word, number,
                      scale_of)
from .spans import has_any, prev_word, windows

__all__ = ["RawQuantity", "decimal_mark", "find_quantities", "is_unit_word",
           "parse_quantity_text"]


def _patterns(num: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(currency first, unit or counted noun after, scale word then any unit) for numbers
    written as ``num``."""
    cur = re.compile(
        rf"{SIGN}(?P<cur>{CP})\s?{NL.replace('$€£¥₩', '')}(?P<n1>{num}){NR}"
        rf"(?:\s?(?P<s1>{SW})\b|(?P<a1>{SA}|{SA_SPACED})\b|(?P<c1>[万亿]))?"
        rf"(?:{SEP}(?:{CP})?\s?(?P<n2>{num}){NR}"
        rf"(?:\s?(?P<s2>{SW})\b|(?P<a2>{SA}|{SA_SPACED})\b|(?P<c2>[万亿]))?)?")
    post = re.compile(
        rf"{SIGN}{NL}(?P<n1>{num}){NR}(?:\s?(?P<s1>{SW})\b{SDOT}|(?P<c1>[万亿]))?"
        rf"(?:{SEP}(?P<n2>{num}){NR}(?:\s?(?P<s2>{SW})\b{SDOT}|(?P<c2>[万亿]))?)?"
        rf"(?P<gap>\s?|-)(?:(?P<unit>{UNIT_ALT})|(?:(?P<mid>[a-z][a-z-]+)\s)?(?P<noun>{NOUN_ALT}))"
        r"(?:(?<=[元])|(?!\w|-\w|/[^\W\d]))")  # ("120 MB/s" is no "120 MB", nor
    #   "212,4 milliards de tonnes-kilomètres" tonnes)
    # ``21.3 million TEU``, ``2 million barrels``: after a scale word any unit-like word is
    # the unit (an acronym, or a plural noun that is not a function word or a verb)
    scaled = re.compile(
        rf"{SIGN}{NL}(?P<n1>{num}){NR}\s(?P<s1>{SW})\b{SDOT}"
        rf"(?:{SEP}(?P<n2>{num}){NR}\s(?P<s2>{SW})\b{SDOT})?"
        # (and in French, Spanish, Italian: "112 millions de voyageurs", "1,2 millones de
        # pasajeros")
        r"\s(?:de\s|d['’]|di\s)?(?P<unit>[A-Z]{2,6}|(?:[a-z]{3,20}\s)?[a-zé]{3,20}s"
        r"(?:-[a-zéè]{3,20}s)?)\b(?![-’'])")  # ("milliards de tonnes-kilomètres": whole)
    return cur, post, scaled


CUR_RE, POST_RE, SCALED_RE = _patterns(NUM)


@functools.cache
def _settled() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """:func:`_patterns` of :data:`NUM_SETTLED` (compiled for the first article that needs
    them: most books have none)."""
    return _patterns(NUM_SETTLED)


_NUM_ONLY = re.compile(rf"[−-]?(?:{NUM})")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_HAS_CUR = re.compile(rf"{CP}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|during|from|of|before|after|the)\s)$", re.I)


def parse_quantity_text(text: str) -> tuple[float, float | None]:
    """The value (and upper end of a range) stated in a quantity's ``text``."""
    nums = [n.group() for n in _NUM_ONLY.finditer(text)]
    nums = [n for n in nums if re.search(r"\d", n)]
    first = number(nums[0])
    if len(nums) > 1:
        return first, number(nums[1].lstrip("-−"))
    return first, None


def _currency(text: str, code: str, start: int) -> str:
    """The currency "¥" stands for: yen where the text around speaks of Japan (or is
    written in kana), yuan where it speaks of China, else "¥" as written (a chart in the
    wrong currency is wrong; one in the text's own sign is not)."""
    if code == "USD" and text.startswith("$", start) and "peso" in text and \
            _PESOS_AFTER.match(text, text.find(" ", start) if " " in text[start:] else len(text)):
        return "pesos"  # ("$21.49 pesos por dólar": a Mexican "$" is the peso's sign)
    if code == "RMB" and text.startswith("¥", start):
        window = text[max(0, start - 300):start + 300]
        low = window.lower()
        if has_any(low, _JAPAN_WORDS) or _KANA.search(window):
            return "JPY"
        if not has_any(low, _CHINA_WORDS):
            return "¥"
    return code


_PESOS_AFTER = re.compile(r"\s(?:(?:mil\s)?(?:millones\s|mil\smillones\s)?(?:de\s)?)?pesos\b")
_JAPAN_WORDS = ("yen", "japan", "tokyo", "osaka", "meti", "nikkei", "boj", "rapidus", "keidanren")
_CHINA_WORDS = ("yuan", "rmb", "renminbi", "china", "chinese", "beijing", "shanghai", "shenzhen",
                "hangzhou", "pboc", "cny", "prc", "ccp", "xi ")
_KANA = re.compile(r"[\u3040-\u30ff]")


#: a number whose mark can only be a decimal one: "21,4 %" (one or two digits after a
#: comma), "1.500,50"; and the same for the point ("3.5%", "1,500.50"), not a date's
#: "31.12.2025" nor a time's
#: (each branch opens with its mark, so the engine skips to the marks: five times faster
#: than a pattern opening with the digits, and every article's text is searched)
#: thousands grouped by commas, as English writes them: "14,205", "1,204,310"
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,.])")
_COMMA_DECIMAL = re.compile(r",(?<=\d,)\d{1,2}(?![\d.,])|\.(?<=\d\.)\d{3},\d")
_POINT_DECIMAL = re.compile(r"\.(?<=\d\.)\d{1,2}(?![\d.,:])|,(?<=\d,)\d{3}\.\d")
#: a number with a mark between digits (a decimal or a thousands mark)
_MARKED = re.compile(r"\d[.,]\d")
_SWAP = str.maketrans(",.", ".,")
#: a thousands group set off by a no-break, narrow no-break or thin space
_THIN_GROUP = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")


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
        if english and len(_COMMA_DECIMAL.findall(whole)) == 1 and \
                len(_THOUSANDS.findall(whole)) >= 2:
            return "."  # (an English article quoting one German line, "lag bei 81,4 %",
            #             whose "14,205" and "9,870" are thousands: they were read 14.205)
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
    if "\u00a0" in text or "\u202f" in text or "\u2009" in text:
        # (French groups thousands with a no-break space, "3 905,2 tonnes": read as
        # "3,905.2", the same length, or "905,2 tonnes" alone was charted)
        text = _THIN_GROUP.sub(",", text)
    found = _find(text, dates, _settled() if mark == "," else (CUR_RE, POST_RE, SCALED_RE))
    return found if mark else [r for r in found if not _MARKED.search(r.text)]


#: a quantity written in Chinese or Japanese: a number, a scale of its own (万, 億, 兆) and
#: a unit glued on ("120万辆", "3.2万亿元", "1,240億円", "12%増"), which the word-bounded
#: patterns cannot see; a number run on from ten-thousands counts in them ("4万2千人" is
#: 4.2万 people)
_CJK_QTY = re.compile(
    r"(?<![\d.,万萬億亿兆千A-Za-z_])(?P<n1>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<c1>万亿|萬億|[千万萬億亿兆])?"
    # (and ten-thousands with the rest: "3万8千人" is 3.8万, "3万7500人" 3.75万)
    r"(?:(?<=[万萬])(?P<rest>\d{1,4})(?P<thou>千)?)?"
    r"(?P<unit>人民币|美元|欧元|日元|港元|円|元|ドル|ユーロ|万人|人|名|辆|輛|台|件|戸|户|棟|店舗|店"
    r"|社|家|校|トン|吨|公里|キロ|km|个百分点|ポイント|[%％])(?![\d万萬億亿兆千])")
#: the currencies those units name, as the other patterns name them ("800亿元" is RMB)
_CJK_CURRENCY = {"元": "RMB", "人民币": "RMB", "円": "JPY", "日元": "JPY", "美元": "USD",
                 "欧元": "EUR", "港元": "HKD", "ユーロ": "EUR"}


def _cjk(text: str, dates: list[tuple[int, int]]) -> list[RawQuantity]:
    """:data:`_CJK_QTY`'s quantities, where the text has kana or Han."""
    out = []
    for m in _CJK_QTY.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in dates):
            continue
        unit = m.group("unit").replace("％", "%")
        unit = _CJK_CURRENCY.get(unit, unit)
        scale = m.group("c1") or ""
        if unit == "万人":
            unit, scale = "人", scale or "万"
        value = number(m.group("n1"))
        if m.group("rest"):
            rest = int(m.group("rest")) * (1000 if m.group("thou") else 1)
            if rest >= 10000:
                continue
            value = round(value + rest / 10000, 4)
        out.append(RawQuantity(m.start(), m.end(), m.group(), value, None, scale, unit, ""))
    return out


def _find(text: str, dates: list[tuple[int, int]], patterns) -> list[RawQuantity]:
    cands: list[RawQuantity] = []
    if UNSPACED_CHAR.search(text):
        cands += _cjk(text, dates)
    pats = patterns if _HAS_CUR.search(text) else patterns[1:]
    near = windows(text, _DIGITS, 20, 60)
    for pat in pats:
        for lo, hi in near:
            cands += _scan(text, pat, lo, hi, dates)
    if "per " in text:
        cands += _rates(text, dates)
    out: list[RawQuantity] = []
    for r in sorted(cands, key=lambda r: (r.start_off, -(r.end_off - r.start_off))):
        if any(r.start_off < e and s < r.end_off for s, e in dates):
            continue
        if out and r.start_off < out[-1].end_off:
            continue
        out.append(r)
    found = bare_counts(text, subject_counts(text, bare_scaled(text, _between(text, out),
                                                                  dates), dates), dates)
    found = labelled_value(text, bare_listing(text, found, dates), dates)
    if "per " in text or "out of " in text or "every " in text:
        # (a rate's base is no value: "4.1 per 1,000 residents in 2022, 4.4 in 2023" charted
        # 1,000 for 2022, and the rest borrowed its "residents")
        base = [r for r in found if _RATE_BASE.search(text, max(0, r.start_off - 14),
                                                      r.start_off)]
        if base:
            return [r for r in found if r not in base and r.unit not in {b.unit for b in base
                                                                         if b.unit}]
    return found


#: a rate and its base: "18.2 per 100,000", "4.1 per 1,000 residents" (the base a round
#: number: a thousand, a hundred thousand, a million)
_RATE_OF = re.compile(rf"{NL}(?P<n1>{NUM}){NR}\s(?:per|for every)\s(?P<base>10{{0,2}}(?:,?000)+|100"
                      r"|thousand|million)\b(?![.,]\d)")


def _rates(text: str, dates) -> list[RawQuantity]:
    """Rates stated with their base: "18.2 per 100,000" is 18.2 in the unit "per 100,000"
    (the base was left out, and the rate with it: public health's main numbers)."""
    out = []
    for m in _RATE_OF.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in dates):
            continue
        out.append(RawQuantity(m.start(), m.end(), text[m.start():m.end()],
                               number(m.group("n1")), None, "", f"per {m.group('base')}", ""))
    return out


#: what stands before a rate's base: "per 1,000 residents", "out of 10", "for every 100"
_RATE_BASE = re.compile(r"\b(?:per|out of|for every|in every|of every)\s$")


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


def _scan(text: str, pat: re.Pattern, lo: int, hi: int, dates) -> list[RawQuantity]:
    out, pos = [], lo
    while True:
        m = pat.search(text, pos, hi)
        if not m:
            return out
        if m.group("n2") and any(a < m.end("n1") and m.start("n1") < b for a, b in dates):
            pos = m.start("n2")  # (a date is no range's low end: "in 2021 to 24,300 tonnes")
            continue
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


#: a number that is the rest of a Spanish thousand: "8 mil 200 millones" is 8,200 million,
#: and its "200 millones" alone was charted as 200
_MIL_BEFORE = re.compile(r"\d\s(?:mil|mille)\s$")


#: what a price is of, right after it: "$48/MWh", "€1.62/litre", "$2,100 a month", "£9
#: per hour" (the price was charted in plain USD, "/MWh" lost from its axis)
_PER = re.compile(r"(?:/(?P<slash>[A-Za-zµ]{1,6}[²³]?)(?![\w/])|\s(?:a|an|per)\s(?P<word>month|year"
                  r"|week|day|hour|night|tonne|ton|barrel|litre|liter|gallon|kilo|kg|pound|head"
                  r"|person|MWh|kWh|square (?:foot|metre|meter))\b)")


def _per(text: str, r: RawQuantity | None) -> RawQuantity | None:
    """A price with what it is per (:data:`_PER`): its unit says so ("USD/MWh", "USD a
    month") and its stated text takes the words in."""
    m = _PER.match(text, r.end_off) if r is not None and r.unit else None
    if m is None:
        return r
    per = f"/{m.group('slash')}" if m.group("slash") else f" {m.group(0).strip()}"
    return replace(r, end_off=m.end(), text=text[r.start_off:m.end()], unit=r.unit + per)


def _candidate(text: str, m: re.Match, pat: re.Pattern) -> RawQuantity | None:
    g = m.groupdict()
    if prev_word(text, m.start())[1].lower() in NOT_AFTER:
        return None
    if m.start() >= 6 and _MIL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    if "cur" in pat.groupindex:  # (a currency first)
        cur = g["cur"]
        if cur.isalpha() and _YEAR.fullmatch(g["n1"]) and not scale_of(m, 1):
            return None                       # "USD 2022" is a year, not an amount
        if cur.endswith("$") and m.start("cur") > 0 and text[m.start("cur") - 1].isalpha():
            return None  # (a dollar of a currency not known: "R$" is read, "XY$" is left out)
        return _per(text, build(text, m, _currency(text, CUR_PREFIX[cur], m.start("cur"))))
    unit = g.get("unit")
    noun = g.get("noun")
    if "gap" not in pat.groupindex:  # (a scale word, then any unit)
        if unit in NOT_UNITS or unit.lower() in NOT_MID or unit.split()[0] in NOT_MID \
                or unit.split()[-1] in NOT_UNITS:
            return None
        return build(text, m, UNIT_WORDS.get(unit, unit))
    if unit:
        if g["gap"] == "-" and unit in TIME_UNITS:
            return None                       # "15-year-old"
        if unit == "won" and not scale_of(m, 1):
            return None                       # "won" is a verb unless a scale word precedes
        norm = UNIT_WORDS[unit]
    else:
        if g.get("mid") and g["mid"] in NOT_MID:
            return None
        if g["gap"] == "-":
            return None
        norm = counted_in(noun)
    if _YEAR.fullmatch(g["n1"]) and not g.get("n2") and not scale_of(m, 1):
        if (noun or unit in TIME_UNITS or unit is None) and _YEAR_BEFORE.search(text, 0, m.start()):
            return None                       # "in 2024 users ..." is a year
    return build(text, m, norm)
