"""Which articles share names: people, places, organisations and terms.

Names are curated index aliases when there are any, Han-script terms, and runs
of capitalised words that do not open a sentence (so "The" or "However" never
count). Used for the fallback chart that shows how an article connects to the
rest of the book; every row quotes the sentence that names the shared name.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .extract.language import capitalises_nouns
from .extract.lookup import trie_regex
from .model import Article, mostly_cjk

#: (the lookbehind stands after the first capital, where the regex engine can first scan for
#: capitals: (?<![\w’'-][A-Z]) there is (?<![\w’'-]) before it)
#: a body's name that runs on over "for": "Kiel Institute for Coastal Ecology", "Centre
#: for Cities", "Commissioner for Climate Action" (cut at "for", "Coastal Ecology" was a person)
_FOR_AFTER = "(?:" + "|".join(f"(?<={w} )" for w in """Institute Centre Center Council
Foundation Society Office Agency Alliance Coalition Fund Association Commission Committee
School College Campaign Ministry Secretary Commissioner Department League Network Trust
Partnership Forum Initiative Board Museum""".split()) + ")"
CAPS = re.compile(r"([A-Z](?<![\w’'-][A-Z])[\w’'-]*[a-z][\w’'-]*"
                   r"(?:(?<![’']s)\s+(?:of\s+|the\s+|de\s+|&\s+|" + _FOR_AFTER + r"for\s+)?"
                   r"[A-Z][\w’'-]*)*)")
#: (and runs on over an ampersand: "Hallam & Moss", "Marks & Spencer" name one firm)
#: (a run ends at a possessive: "Harriet Quayle’s The Unhurried Garden" names two)
#: where Chinese, Japanese or Korean text runs on from a capitalised word ("OpenAIへの巨額"):
#: the name ends there
_CJK_TAIL = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef].*", re.S)
_HAN = re.compile(r"[\u3400-\u9fff]{2,}")


def cut_run(run: str) -> str:
    """A :data:`CAPS` run, ending where Chinese, Japanese or Korean text runs on from it."""
    return run if run.isascii() else _CJK_TAIL.sub("", run).rstrip()
#: what may close a sentence (or open a quote) before a word that therefore opens one
_SENTENCE_PUNCT = frozenset(".!?:;\"“”‘’(")
STOP = frozenset("""I A An The This That These Those It Its He She They We You His Her Their Our
But And Or So Yet If When While Because Although Though As At By For From In Into Of On To With
Without After Before During Since Until Then There Here What Which Who Whom Whose Why How
Yes No Not Also However Still Even Just Only One Two Three First Second Third Last Next
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Source Sources Image
Series Phase Round Part Chapter Episode Season Figure Table Section Appendix Volume
Unit Suite Flat Apt Floor Room
Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
MoM YoY QoQ WoW Mio Mrd Mln""".split())
#: a people's or a language's word alone names no one: two articles "in French" share no
#: name (in a run it stays: "Chinese Communist Party")
DEMONYMS = frozenset("""French German English Chinese Japanese Korean American British Russian
Spanish Italian Dutch Portuguese European Asian African Arab Arabic Latin Greek Roman Indian
Western Eastern Northern Southern Christian Muslim Jewish Catholic Protestant""".split())


_ALIAS_CACHE: dict[tuple, re.Pattern | None] = {}


def _alias_pattern(aliases: dict[str, str]) -> re.Pattern | None:
    """Every alias as whole words, the longest matching one winning (compiled once per
    set). A trie-shaped alternation: the same matches as "longest first", in one pass."""
    key = tuple(sorted(aliases))
    if key not in _ALIAS_CACHE:
        # (?<!\w.) after the first character = (?<!\w) before it
        _ALIAS_CACHE[key] = re.compile(
            r"(?:" + trie_regex(key, after_first=r"(?<!\w.)") + r")(?!\w)") if key else None
    return _ALIAS_CACHE[key]


#: a line that opens with a time: "00:00 — Cold open", "[12:31] –"
_TIMED_ITEM = re.compile(r"\s*[\[(]?\d{1,2}:\d\d(?::\d\d)?[\])]?\s")


def opens_sentence(text: str, at: int) -> bool:
    """Whether ``text[at:]`` opens the text or a sentence: ``text[:at]`` is empty (or one
    newline) or ends in sentence punctuation and whitespace. Looks back only over the
    whitespace, so it costs nothing per capitalised run (a regex over the prefix did)."""
    if at == 0 or (at == 1 and text[0] == "\n"):
        return True
    j = at - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0:
        return False  # (only spaces before it, as the regex this replaced said)
    k = j
    while k >= 0 and j - k < 3 and text[k].isdigit():
        k -= 1  # (a footnote's digits after a full stop: "… in 2019.2 Raising the pool")
    if k < j and k >= 0 and text[k] in ".!?”\"":
        return True
    if text[j] in "—–-|" and _TIMED_ITEM.match(text):
        return True  # (a show's chapter after its time: "00:00 — Cold open")
    # (and after a transcript's time, "[00:00:21] Badly, …", or an emoji, "🧠 Deep dives")
    return text[j] in _SENTENCE_PUNCT or text[j] == "]" or ord(text[j]) >= 0x2600 and \
        not text[j].isalnum()


def names_in(article: Article, stem: str, blocks: list[tuple[str, str, int]],
             aliases: dict[str, str]) -> dict[str, tuple[str, int, int, int]]:
    """name -> (anchor, line, block, offset) of its first mention in this article: the
    index in ``blocks`` and the offset in its text (:func:`mention_sentence` quotes it;
    only the few quoted ones are ever needed, so no sentence is copied here). Runs of
    capitals are names of one word only where nouns have none: in German every noun has
    one ("Prozent")."""
    found: dict[str, tuple[str, int, int, int]] = {}
    runs: dict[str, tuple[str, bool]] = {}  # capitalised run -> _name_of_run(run)
    pattern = _alias_pattern(aliases)
    words = (getattr(article, "publication", "") or "").split()
    own = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    german = capitalises_nouns(t for _, t, _ in blocks[:40])
    for k, (anchor, text, line) in enumerate(blocks):
        for m in (pattern.finditer(text) if pattern else ()):
            name = aliases[m.group(0)]
            if name not in found:
                found[name] = (anchor, line, k, m.start())
        for m in (_HAN.finditer(text) if not mostly_cjk(text) else ()):  # (see mostly_cjk)
            found.setdefault(m.group(0), (anchor, line, k, m.start()))
        for m in CAPS.finditer(text):
            raw = cut_run(m.group(1))
            got = runs.get(raw)
            if got is None:
                got = runs[raw] = _name_of_run(raw)
            name, single = got
            if not name or name in found or (single and opens_sentence(text, m.start())) \
                    or name in own:  # (the newsletter's own name, or words of it, joins none)
                continue
            if german and not several_names(name):
                continue  # (in German every noun has a capital: "Prozent" is no name)
            found[name] = (anchor, line, k, m.start())
    return found


_POSSESSIVE = re.compile(r"(?<=\w)[’']s?$")
#: words other languages capitalise that name no one (German's pronouns and articles,
#: French, Spanish and Italian articles opening a sentence)
_NOT_NAMES = frozenset("""Sie Ihre Ihr Ihnen Ihren Ihrer Ihres Der Die Das Dem Den Des Ein Eine
Einen Einem Einer Im Am Zum Zur Vom Beim Le La Les Un Une Du El Los Las Una Il Lo Gli
Euro Prozent Millionen Milliarden Billionen Mrd Mio Uhr Jahr Jahre Jahren Jahres Monat Woche
Liebe Lieber Liebes Sehr Hallo Leserinnen Leser
Frau Herr Januar Februar März April Mai Juni Juli August September Oktober November Dezember
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Foto Grafik Quelle""".split())


def several_names(name: str) -> bool:
    """A name in a language that capitalises every noun: two capitalised words or more,
    none a pronoun or an article ("Deutsche Bundesbank", "Johanna Brecht"; never
    "Prozent", nor "Sie Ihre Daten")."""
    words = name.split()
    return len(words) >= 2 and not any(w in _NOT_NAMES for w in words)


HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Prof".split())
#: a person's title before their full name, not part of it
TITLES = frozenset("""Superintendent President Mayor Governor Senator Councillor Councilman
Councilwoman Coach Professor Chief Director Judge Justice Minister Chairman Chairwoman Chair
Commissioner Inspector Sheriff Principal Dean Reverend Rev Father Captain Colonel Lieutenant
Sergeant Detective Officer Representative Rep Sen Gov Pres Dr. Prof. Councilmember Manager
Clerk Treasurer Auditor Administrator Alderman Alderwoman Supervisor Secretary Controller
Attorney Assessor Cllr Cllrs Councillors Councilmembers Councilwoman Professor""".split())
#: a word that opens a title before a name: "City Manager Grant Ellison", "Finance Director
#: Priya Raman", "Deputy Mayor …" (dropped only with the title after it)
TITLE_OPENERS = frozenset("""City County Town Village State Finance Deputy Assistant Executive
Acting Interim Vice Police Fire Planning Budget Council""".split())
#: a unit written with capitals, which names no one: "MWh", "GHz", "TB", "Mbps"
_UNIT_NAME = re.compile(r"^(?:[kMGT]?Wh?|[kMGT]Hz|[kMGTP]i?B|[kMG]bps|[kMGT]Wp)$")


#: a century in Roman numerals, French or English: "XIXe", "XXe", "XIXth"
_CENTURY_WORD = re.compile(r"^[IVXL]{1,6}(?:e|er|ème|eme|th|st|nd|rd)$")
#: a word with a verb or "not" run on: "I’ll", "We’re", "Don’t" name no one
_CONTRACTION = re.compile(r"^[A-Z][a-z]*[’'](?:ll|m|ve|d|re|t|s)$")


def is_contraction(name: str) -> bool:
    """Whether a one-word "name" is a contraction ("I’ll" was the people page's only entry:
    three articles said it)."""
    return " " not in name and _CONTRACTION.match(name) is not None


def _name_of_run(run: str) -> tuple[str, bool]:
    """(name, is one word) of a capitalised run, leading stop words dropped; name "" when
    it names nothing wherever it stands. A one-word name still counts only where it does
    not open a sentence (the caller asks; the rest is the same for every occurrence of
    the run, so an article works it out once per distinct run)."""
    words = run.split()
    if words:  # (a possessive names its owner: "February’s", "Kestrel Semiconductor’s")
        words[-1] = _POSSESSIVE.sub("", words[-1])
    if len(words) == 2 and words[0] in HONORIFICS:
        return " ".join(words), False  # ("Mrs Ashdown, the woman who kept bees": a name
        #                                 even where it opens a sentence)
    while words and (words[0] in STOP or words[0] in ("the", "of", "de", "&") or
                     words[0] in TITLES and len(words) >= 3 or
                     words[0] in TITLE_OPENERS and len(words) >= 4 and words[1] in TITLES):
        words = words[1:]  # (and a joiner left first: "Before the Whitlock" is "Whitlock";
        #                   and a title before a full name: "Superintendent Nkechi Okafor")
    if not words or (len(words) == 1 and len(words[0]) < 3):
        return "", False
    name = " ".join(words)
    if name in STOP or name in DEMONYMS or is_contraction(name) or _UNIT_NAME.match(name) \
            or any(_CENTURY_WORD.match(w) for w in words):
        return "", False  # (and a century: "Au XIXe siècle" named no one)
    return name, len(words) == 1


def mention_sentence(blocks: list[tuple[str, str, int]], mention: tuple[str, int, int, int]) -> str:
    """The sentence quoting a mention that :func:`names_in` found in these blocks."""
    return sentence_around(blocks[mention[2]][1], mention[3])


def sentence_around(text: str, at: int) -> str:
    """The sentence of ``text`` around offset ``at`` (a verbatim substring), as the facts'
    quotes find sentences: "Art. 115", "Am 2. Dezember" and "Dr. Ng" end none."""
    from .extract.spans import sentences
    from .model import ITEM_SEP
    lo = text.rfind(ITEM_SEP, 0, at) + 1  # (a list's item is a sentence's border)
    hi = text.find(ITEM_SEP, at)
    hi = len(text) if hi < 0 else hi
    # (a newline ends no sentence here, as before: a name may run across one)
    start, end = next(((lo + s, lo + e) for s, e in sentences(text[lo:hi].replace("\n", " "))
                       if lo + s <= at < lo + e), (lo, hi))
    s = text[start:end].strip()
    if len(s) <= 300:
        return s
    # (a long sentence: the stretch of it around the name, so the quote holds what it
    # glosses; its opening 300 characters held neither "Co-op" nor "Mafeking Road")
    lo = max(start, at - 150)
    lo = text.find(" ", lo) + 1 if lo > start and " " in text[lo:at] else lo
    hi = text.rfind(" ", at, min(end, lo + 300))
    return text[lo:hi if hi > at else min(end, lo + 300)].strip()


def link_rows(stem: str, names: dict[str, dict[str, tuple[str, int, int, int]]],
              titles: dict[str, str], quote: Callable[[str, tuple], str],
              limit: int = 8) -> list[dict]:
    """Rows for the connections chart of ``stem``: one per other article sharing names.
    ``quote(other, mention)`` is the sentence of a mention :func:`names_in` found in
    article ``other`` (asked only for the rows kept)."""
    mine = names.get(stem, {})
    rows, first = [], {}
    for other, theirs in names.items():
        if other == stem:
            continue
        shared = sorted(set(mine) & set(theirs), key=lambda n: (theirs[n][1], n))
        if not shared:
            continue
        first[other] = theirs[shared[0]]
        anchor, line = first[other][:2]
        rows.append({"article": titles[other], "shared": len(shared),
                     "names": "; ".join(shared[:12]), "quote": "", "line": line,
                     "chapter": other, "anchor": anchor,
                     "derived": "names counted in both articles: " + "; ".join(shared[:12]),
                     "note": ""})
    rows.sort(key=lambda r: (-r["shared"], r["article"]))
    rows = rows[:limit]
    for r in rows:
        r["quote"] = quote(r["chapter"], first[r["chapter"]])
    return rows
