"""Abbreviations an article defines ("the Bureau of Industry and Security (BIS)").

Why: a book's glossary lists the Chinese, Japanese and Korean terms its articles gloss; a
newsletter that holds none would have no glossary at all. Its own definitions of
abbreviations are then the glossary (:func:`newsbook.book.book_pages`), so any newsletter
gets one when its text defines anything.

Only what the text states: the abbreviation, its long form as written right before the
bracket, and the sentence that defines it. The long form is the shortest run of words
before the bracket, not opening with a small word, whose initials spell the
abbreviation, in order: each word either
gives the next letter or is a small word ("of", "and", "the"...) that may be skipped;
hyphenated words count as their parts ("Non-Proliferation Treaty (NPT)"). Anything else
("exports (US)", "(Reuters)", "(2019)") is no definition.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..model import HANGUL_SYLLABLES, KANA_HAN

_DEF = re.compile(r"\(([A-Z][A-Za-z0-9]{1,9}(?:-\d{1,2})?)(?:\)|[,;]\s[^()]{1,40}\))")  # (and
# "GLP-1"; and the name in its own script after it: "the Bank of Japan (BOJ, 日本銀行)")
_SMALL = frozenset("""of and the for on in to at by & a an de du des la le les et del los las
el y e da do dos das di della dei van von der den und für al au aux voor het en op te tot met
uit""".split())
#: a French or Italian elision before a word: "de l’édition", "dell'Unione"
_ELIDED = re.compile(r"^(?:[lLdD]|dell|dall|nell|all|sull)[’']")


def _initial(word: str) -> str:
    """A word's first letter, lower-cased and without its accent ("Édition", "Índice" give
    "e" and "i", as the abbreviations FEE and IPC write them), past an elision."""
    word = _ELIDED.sub("", word) or word
    return unicodedata.normalize("NFD", word[:1])[:1].lower()
_SQUARE = str.maketrans("[]", "()")
#: a long form does not reach back past these (a dash between words, "Niño–Southern", is
#: part of a name: only a spaced one stops it)
_STOP_AT = re.compile(r"[.;:!?()\[\]“”\"]| [—–] |—")


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    long_form: str
    start: int          # offset of the long form in the text
    end: int            # offset just after the closing bracket


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Every ``Long Form (ABBR)`` definition of ``text``, in order, then every
    ``ABBR (long form)`` one."""
    out: list[Abbreviation] = []
    if "[" in text:  # ("Congressional Budget Office [CBO]", "CR [continuing resolution]": a
        text = text.translate(_SQUARE)  # square bracket reads as a round one, same offsets)
    if "(" not in text:
        if "（" in text:
            return _expanded_after(text, set())
        return _keys(text) if _keyed(text) else out
    for m in _DEF.finditer(text):
        abbr = m.group(1)
        letters = [c.lower() for c in abbr if c.isalpha()]
        if sum(c.isupper() for c in abbr) < 2 or len(letters) < 2:
            continue
        before = text[:m.start()]
        cut = max((b.end() for b in _STOP_AT.finditer(before)), default=0)
        span = before[cut:].rstrip()
        if not span or len(span) != len(before[cut:]) - 1:  # exactly one space before "("
            continue
        words = list(re.finditer(r"\S+", span))[-(len(letters) + 6):]
        for k in range(1, len(words) + 1):
            first = words[-k]
            if not first.group()[0].isalpha() or _initial(first.group()) != letters[0] \
                    or first.group() in _SMALL:  # ("Office of Weights and Measures (OWM)":
                continue                         # a long form opens with no small word)
            tail = [w.group() for w in words[-k:]]
            digits = abbr.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")
            if digits and digits not in span[first.start():]:
                break  # ("measles, mumps and rubella vaccine (MMR2)": the 2 is the second
                #        dose, which the words spelling MMR do not say)
            if _spells(tail, letters) or (abbr.endswith("s") and _spells(tail, letters[:-1])):
                at = first.start()
                if (elided := _ELIDED.match(span[at:])) is not None:
                    at += elided.end()  # ("l’Autorité de régulation des transports (ART)":
                    #                    the long form opens at its word, past the article)
                out.append(Abbreviation(abbr, span[at:], cut + at, m.end()))
                break
    out += _expanded_after(text, {a.end for a in out})
    return out + _keys(text) if _keyed(text) else out


def _keyed(text: str) -> bool:
    """Whether :data:`_KEY` may find anything: an "=", or an entry's colon near the start
    of the text or of a list's item (:data:`~newsbook.model.ITEM_SEP` joins them)."""
    return "=" in text or ": " in text[:8] or "\u2002" in text and ": " in text


#: a table's key: "GP = games played; PPG = points per game"; and a glossary's entry, the
#: abbreviation opening its paragraph: "APR: annual percentage rate, the yearly cost …"
_KEY = re.compile(r"(?<![\w=])([A-Z][A-Za-z]{1,5})\s?=\s?([a-z][a-z’' -]{2,50}?)(?=\s?[;,.)]|$)"
                  r"|(?:^|(?<=\u2002))([A-Z][A-Z]{1,5}):\s([a-z][a-z’' -]{2,50}?)(?=\s?[;,.)—–]|$)")
# (an entry opens a paragraph, or an item of a list: "• TPS: transactions per second.")


def _keys(text: str) -> list[Abbreviation]:
    """Every ``ABBR = long form`` of a key whose words spell the abbreviation."""
    out = []
    for m in _KEY.finditer(text):
        abbr = m.group(1) or m.group(3) or m.group(5)
        long_form = (m.group(2) or m.group(4) or m.group(6)).strip()
        long_form = re.sub(r"^(?:the|a|an) ", "", long_form)  # ("CPI: the consumer price …")
        letters = [c.lower() for c in abbr if c.isalpha()]
        if sum(c.isupper() for c in abbr) >= 2 and _spells(long_form.split(), letters):
            out.append(Abbreviation(abbr, long_form, m.start(), m.end()))
    return out


#: "DOC (Denominazione di origine controllata)", "RCT (randomised controlled trial)": the
#: abbreviation first and its long form in the brackets, as Italian, French and Spanish
#: (and many an English writer) define one
_AFTER = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9]{1,9})\s\(([^()\d]{3,120})\)"
                    # (and in Chinese or Japanese text, full-width brackets glued to the words
                    # around them: "…を提供するMaaS（Mobility as a Service）は")
                    r"|(?<![A-Za-z0-9_-])([A-Z][A-Za-z0-9]{1,9})（([^（）()\d]{3,120})）"
                    # (and Korean's plain bracket glued on: "BOK(한국은행)", "LTV(주택담보대출비율)")
                    r"|(?<![A-Za-z0-9_-])([A-Z]{2,9})\(([" + KANA_HAN + HANGUL_SYLLABLES
                    + r"][^()\d]{1,40})\)")


#: a gloss in Chinese or Japanese words alone (kana, Han, the long-vowel mark, a middle dot)
_HAN_GLOSS = re.compile(r"[" + KANA_HAN + HANGUL_SYLLABLES + r"・]{2,20}")


def _expanded_after(text: str, taken: set[int]) -> list[Abbreviation]:
    """Every ``ABBR (long form)`` definition whose bracket's words spell the abbreviation
    (small words skippable, as :func:`_spells` reads them), in order."""
    out = []
    for m in _AFTER.finditer(text):
        abbr = m.group(1) or m.group(3) or m.group(5)
        long_form = (m.group(2) or m.group(4) or m.group(6)).strip()
        letters = [c.lower() for c in abbr if c.isalpha()]
        if m.end() in taken or sum(c.isupper() for c in abbr) < 2 or len(letters) < 2:
            continue
        words = long_form.split()
        if words and words[0].lower() not in _SMALL and _spells(words, letters) or \
                (m.group(3) or m.group(5)) and abbr.isupper() and _HAN_GLOSS.fullmatch(long_form):
            # (or a Japanese or Chinese gloss, whose words spell no letter: "LRT（次世代型路面
            # 電車）", "GDP（国内総生産）")
            out.append(Abbreviation(abbr, long_form, m.start(), m.end()))
    return out


def _spells(words: list[str], letters: list[str]) -> bool:
    """Whether the words' initials give ``letters`` in order, small words skippable: a
    small word's initial is used only where the rest still spells ("Protected Designation
    of Origin (PDO)": "of" gives no letter; "Bureau of Investigation (BOI)": it does)."""
    parts = [p for w in words for p in re.split(r"[-‐–]", w) if p]
    # (a small word, a number, or a word in lower case inside the long form gives no letter
    # when the rest spells without it: "Medicines and Healthcare products Regulatory Agency
    # (MHRA)", "Glucagon-like peptide-1 (GLP-1)")
    small = [p.lower().strip(",'’") in _SMALL or p[0].isdigit() or (k and p[0].islower())
             for k, p in enumerate(parts)]
    heads = [_initial(p) for p in parts]

    @functools.lru_cache(maxsize=None)
    def fits(i: int, want: int) -> bool:
        if i == len(parts):
            return want == len(letters)
        if want < len(letters) and heads[i] == letters[want] and fits(i + 1, want + 1):
            return True
        return small[i] and fits(i + 1, want)
    return fits(0, 0)
