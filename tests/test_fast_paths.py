"""The conversion's fast paths give exactly what the plain code they stand in for gives.

Each of these was a measurable share of converting a big copy (issue 11), so each got a
shortcut; these properties hold the shortcut to the original definition on any text."""
from __future__ import annotations

import re

import yaml
from hypothesis import example, given, settings, strategies as st

from newsbook.model import anchor_id
from newsbook.writers import fastyaml
from newsbook.writers.escape import clean, label

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_reference(text: str) -> str:
    """clean() as it was before its fast path."""
    text = _CONTROL.sub("", text.replace("\t", " "))
    return " ".join(part.strip() for part in text.splitlines()).strip()


TRICKY = st.sampled_from([" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1e", "\x85",
                          "\u2028", "\u2029", "\u00a0", "\u3000", "\x00", "\x7f", "a", "中"])
TEXTS = st.lists(st.one_of(TRICKY, st.text(max_size=5)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_clean_fast_path_matches_reference(text):
    assert clean(text) == clean_reference(text)


class _B:
    def __init__(self, line):
        self.line = line


class _A:
    def __init__(self, line):
        self.line = line


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.integers(0, 10_000), st.integers(-50, 10_000))
def test_anchor_id_is_label_of_its_parts(stem, start, offset):
    article, block = _A(start), _B(start + offset)
    assert anchor_id(stem, article, block) == label("p", stem, str(offset))


SCALARS = st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.none())
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), DATA, max_size=6))
def test_fastyaml_dumps_and_loads_as_pyyaml_does(data):
    # keys as the writers' are (fixed names); values any text, as feed titles can be.
    # libyaml may quote differently (it escapes characters beyond the BMP), so the
    # property is the data: what it writes reads back the same with either parser.
    fast = fastyaml.dump(data)
    assert yaml.safe_load(fast) == data
    assert fastyaml.load(fast) == data
    plain = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    assert fastyaml.load(plain) == yaml.safe_load(plain)


_TABLE = str.maketrans({c: "\\" + c for c in __import__("string").punctuation})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(TRICKY, st.sampled_from(list("\\`*_{}[]()#+-.!%$:|<>&\"'~^@=,;/?")),
                          st.text(max_size=5)), max_size=15).map("".join))
def test_escape_chars_matches_the_translate_table(text):
    from newsbook.writers.escape import escape_chars
    plain = _CONTROL.sub("", text.replace("\t", " ").replace("\n", " ")).translate(_TABLE)
    assert escape_chars(text) == plain


SOURCE_BITS = st.sampled_from(["Source", "source", "(Source)", "Source.", "Source | Archive",
                               "Source: ", "(Source: x)", "; source", " ", ".", ")", "(",
                               "ource", "S", "a", "\n"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(SOURCE_BITS, st.text(max_size=4)), max_size=10).map("".join))
def test_source_tail_shortcut_is_the_pattern(text):
    from newsbook.readers.units import SOURCE_TAIL, source_tail
    assert source_tail(text) == (SOURCE_TAIL.search(text) is not None)


NAME_BITS = st.sampled_from(["(Ab", "Ab", "Abc d", "-x", "中国", "x", "a", "_", " ", "(", "中",
                             "’", "'", "-", "B", "of ", "the ", "Xi", "Jinping", "\n", "é"])
NAME_TEXTS = st.lists(st.one_of(NAME_BITS, st.text(max_size=3)), max_size=10).map("".join)


@settings(max_examples=600, deadline=None)
@given(NAME_TEXTS)
def test_name_patterns_with_the_lookbehind_moved_match_as_before(text):
    """Name scans put their "nothing word-like before" check after the first character
    (where the regex engine can scan for first characters); the matches are the same."""
    from newsbook.connections import CAPS, _alias_pattern
    from newsbook.extract.lookup import trie_regex
    keys = ("(Ab", "Ab", "Abc d", "-x", "中国", "x", "Xi Jinping", "Xi")
    before = re.compile(r"(?<!\w)(?:" + trie_regex(keys) + r")(?!\w)")
    caps = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*[a-z][\w’'-]*"
                      r"(?:\s+(?:of\s+|the\s+|de\s+)?[A-Z][\w’'-]*)*)")
    spans = lambda p: [(m.span(), m.group(0)) for m in p.finditer(text)]  # noqa: E731
    assert spans(_alias_pattern({k: k for k in keys})) == spans(before)
    assert spans(CAPS) == spans(caps)


DATE_BITS = st.sampled_from(["Q1", "Q3 ", "q2", "Q5", "in 2024", "2023", " last ", "Last ",
                             "this ", "next ", "year", "YEAR", "week", "wee\u212a", "month",
                             "yesterday", "yeſterday", "laſt", "Yesterday", " of ", "quarter",
                             "first", " ", ".", "-", "March", "“", "the "])
DATE_TEXTS = st.lists(st.one_of(DATE_BITS, st.text(max_size=3)), max_size=12).map("".join)


@settings(max_examples=800, deadline=None)
@given(DATE_TEXTS)
def test_date_pattern_gates_skip_only_texts_without_a_match(text):
    """find_dates runs a pattern only when the text holds words every match holds (the
    quarter and relative-date gates were made tighter); the dates found are the same as
    with the looser gates they replaced."""
    from datetime import datetime
    from newsbook.extract import dates
    when = datetime(2025, 6, 1)
    tight = dates.find_dates(text, when)
    loose = dict(dates.NEEDS, q=("q",), bareq=("q",))
    del loose["relative"]
    old, dates.NEEDS = dates.NEEDS, loose
    try:
        assert dates.find_dates(text, when) == tight
    finally:
        dates.NEEDS = old


def test_relative_dates_in_unusual_letters_do_not_crash():
    """The relative-date pattern is case-insensitive, so a long s or a Kelvin sign
    matches too ("yeſterday", "laſt wee\u212a"); these resolve like their plain spellings
    instead of crashing the conversion."""
    from datetime import datetime
    from newsbook.extract.dates import find_dates
    when = datetime(2025, 6, 4)
    plain = [(d.start, d.end) for d in find_dates("Last week it rained, and yesterday.", when)]
    odd = [(d.start, d.end) for d in find_dates("Last wee\u212a it rained, and yeſterday.", when)]
    assert odd == plain and len(plain) == 2


# ------------------------------------------------------------------ session of 6 Dec (2)

DATEY = st.lists(st.one_of(st.sampled_from(["19", "20", "1999", "2024", "1666", "12345", "3Q25", "1H", "FY", "F", "Y", "Last",
                                             "last", "This", "this", "Next", "nex", "yesterday",
                                             "Yesterday", "LAST", " ", "é", "2", "0"]),
                           st.text(max_size=4)), max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(DATEY)
def test_date_gates_are_the_regexes_they_stand_for(text):
    from newsbook.extract import dates
    from newsbook.extract.date_context import names_a_year
    # (the digit gate is names_a_year; a year from 1000 to 1899 counts only after a word
    # that dates it, so a gate that says yes has the year pattern's match)
    assert dates._has_year(text) == names_a_year(text)
    if dates._has_year(text):
        assert re.search(r"(?:1\d|20)\d\d(?!\d)|FY|[1-4][QH]\d\d", text)
    if re.fullmatch(r"\W*(?:19|20)\d\d\D*", text) and "FY" not in text:
        assert dates._has_year(text)  # (a modern year with no word before it is one)
    assert dates._has_rel(text) == bool(re.search(r"[Yy]esterday|[Ll]ast|[Tt]his|[Nn]ext", text))


def _escape_reference(text: str) -> str:
    """escape_chars() as it was: one substitution with a template."""
    import string
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\n", " "))
    return re.sub("([" + re.escape(string.punctuation) + "])", r"\\\1", text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(TRICKY, st.sampled_from(list("\\`*_{}[]()#+-.!$%<>|~'\"")),
                          st.text(max_size=5)), max_size=14).map("".join))
def test_escape_split_join_matches_the_substitution(text):
    from newsbook.writers.escape import escape_chars
    assert escape_chars(text) == _escape_reference(text)


def _names_reference(text: str) -> dict:
    """names_in's capitalised-run rule as it was, before runs were worked out once."""
    from newsbook.connections import CAPS, STOP, opens_sentence
    found = {}
    for m in CAPS.finditer(text):
        words = m.group(1).strip().split()
        if words:  # (a possessive names its owner)
            words[-1] = re.sub(r"(?<=\w)[’']s?$", "", words[-1])
        while words and (words[0] in STOP or words[0] in ("the", "of", "de", "&")):
            words = words[1:]  # (and a joiner left first: "The of Wang" is "Wang")
        if not words or (len(words) == 1 and (len(words[0]) < 3 or
                                              opens_sentence(text, m.start()))):
            continue
        name = " ".join(words)
        if name not in STOP:
            found.setdefault(name, m.start())
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Wang", "Lijun", "The", "Bank", "of", "China", ". ", ", ",
                                 " ", "said", "He", "Al", "Xi", "? ", "“", "However", "\n",
                                 "New York", "the"]), max_size=16).map("".join))
def test_names_worked_out_once_per_run_match_the_plain_rule(text):
    from newsbook.connections import names_in
    got = names_in(None, "s", [("a", text, 1), ("b", text, 2)], {})
    assert {n: v[3] for n, v in got.items() if v[2] == 0} == _names_reference(text)
    assert all(v[2] == 0 for v in got.values())  # the second block adds no first mention


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["中国", "人民", "’", "a", " ", "é", "国", "“"]), max_size=10)
       .map("".join))
def test_finder_ascii_shortcut_changes_nothing(text):
    from newsbook.extract.lookup import Finder
    strings = ["中国", "人民", "国"]
    assert Finder(strings).present(text) == {s for s in strings if s in text}
    assert Finder(strings + ["ab"]).present(text + "ab") == \
        {s for s in strings + ["ab"] if s in text + "ab"}


CHROMEY = st.lists(st.one_of(st.sampled_from(
    ["Normal view", "❌", "Today", "Yesterday", "Before yesterday", "12 March 2025", "٣",
     " — 1 May 2025", "Main stream", "There are new articles available, click to refresh the "
     "page.", " ", "\t", "N", "T", "x", "November 29th 2026", "May 1st, 2026", "The Gull",
     "Ledger", "a" * 60]), st.text(max_size=3)), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(CHROMEY)
def test_chrome_first_character_gate_changes_nothing(line):
    from newsbook.readers.freshrss_text import CHROME, is_chrome
    assert is_chrome(line) == any(p.match(line.strip()) for p in CHROME)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["This edition is brought to you by ", "Today’s sponsor ",
                                 "Today's sponsor", "x", " ", "\n", "post", "This "]),
                max_size=6).map("".join))
def test_sponsor_match_is_its_search(text):
    from newsbook.readers.prompts import SPONSOR
    assert bool(SPONSOR.match(text)) == bool(SPONSOR.search(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["The Gull is a reader-supported publication.", " To receive",
                                 "Thanks for reading The Gull! Subscribe for free", "\n", " ",
                                 "x", "Thanks for reading", "reader-supported publication"]),
                max_size=8).map("".join))
def test_publication_names_are_the_stock_lines_matches(text):
    """The names found through the stock phrases' lines are those a line-by-line regex finds."""
    from newsbook.readers.prompts import PUBLICATION, publication_names
    want = {m.group(1) or m.group(2) for line in text.split("\n")
            if (m := PUBLICATION.match(line.strip()))}
    assert publication_names(text) == want


ALIAS_BITS = st.sampled_from(["Ab", "Ab c", "b", "c", " ", "_", "é", "1", ".", "’", "-", "中"])
ALIASES = st.lists(st.lists(ALIAS_BITS, min_size=1, max_size=3).map("".join),
                   min_size=1, max_size=3, unique=True)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(ALIAS_BITS, st.text(max_size=2)), max_size=12).map("".join),
       ALIASES, st.booleans())
def test_alias_spans_are_the_alias_regex_matches(text, aliases, whole_word):
    """People's mentions are found with ``str.find`` (no regex per person): the spans are
    what the longest-first alternation of the aliases, as whole words or not, finds."""
    from newsbook.people import alias_spans
    from newsbook.reference import Person
    body = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)" if whole_word else body)
    want = [m.span() for m in pattern.finditer(text)]
    assert list(alias_spans(text, Person("x", "", tuple(aliases), whole_word))) == want


@settings(max_examples=800, deadline=None)
@given(st.lists(st.one_of(ALIAS_BITS, st.text(max_size=2)), max_size=12).map("".join),
       ALIASES, st.booleans(), ALIASES)
def test_spans_from_one_scan_are_the_alias_spans(text, aliases, whole_word, others):
    """A block's mentions come from one scan of it for every alias of the book
    (``Finder.occurrences``), not a ``str.find`` per alias of each person named there:
    each person's spans are the same."""
    from newsbook.extract.lookup import Finder
    from newsbook.people import alias_spans
    from newsbook.reference import Person
    person = Person("x", "", tuple(aliases), whole_word)
    occ = Finder([*aliases, *others]).occurrences(text)
    assert alias_spans(text, person, occ) == list(alias_spans(text, person))


ROLE_BITS = st.sampled_from(["Wang Lijun", "the", "a", "former", "Chongqing", "police",
                             "chief", "Bo Xilai's", "wife", "president", "is", "was", ",",
                             ".", ";", "and", "said", "premier", "chip", "designer", "editor",
                             "at", "—", "Later", "As", "ChinaTalk", "analyst", "Harbour’s",
                             "CEO", "mayor", "of", "\n"])


def _role_at_reference(text: str, start: int, end: int) -> str:
    """role_at as it was: on copies of the text after the name, with no shortcut."""
    from newsbook import people as p
    after = text[end:]
    m = re.match(p._APPOSITIVE.pattern, after)
    if m:
        words = m.group(1).split()
        first_ok = (words[0] in p._DETERMINERS or words[0] not in p._NOT_ROLE)
        if (first_ok and p._is_role_noun(words[-1]) and not any(
                w.lower() in p._NOT_ROLE - p._DETERMINERS - {"of"} for w in words[1:])):
            return m.group(1)
    m = re.match(p._COPULA.pattern, after)
    if m:
        words = m.group(1).split()
        for i, w in enumerate(words):
            if w.lower() in p._NOT_ROLE:
                break
            if p._is_role_noun(w):
                role = " ".join(words[:i + 1])
                rest = after[m.start(1) + len(role):]
                follow = rest.split()[0] if rest.strip() else ""
                if not rest or rest[0] in ",.;:)—–" or follow.lower() in p._NOT_ROLE:
                    return role
    before = text[max(0, start - 160):start]
    comma = before.endswith(", ")
    words = []
    if before.endswith(" "):
        for w in reversed(before[:-2 if comma else -1].split(" ")[-6:]):
            if not p._TOKEN.fullmatch(w):
                break
            words.insert(0, w)
    if words and p._is_role_noun(words[-1]):
        keep: list[str] = []
        for w in reversed(words):
            if not (w[:1].isupper() or p._is_role_noun(w) or w.lower() in p._MODIFIERS):
                break
            keep.insert(0, w)
        while keep and (keep[0].lower() in p._NOT_ROLE | p._SENTENCE_WORDS
                        or keep[0].endswith("ly") and len(keep) > 1):
            keep.pop(0)
        if not keep:
            return ""
        solo = len(keep) == 1 and (keep[0].lower() in p._SOLO_TITLES or keep[0][:1].islower())
        possessive = any(p._possessive_place(w) for w in keep)
        if comma and not possessive:
            return ""
        if len(keep) > 1 or solo:
            role = " ".join(keep)
            if before.endswith(role + (", " if comma else " ")):
                return role
    return ""


@settings(max_examples=1500, deadline=None)
@given(st.lists(ROLE_BITS, max_size=14).map(" ".join), st.sampled_from(["", " ", ".", ", "]))
def test_role_shortcuts_give_the_roles_the_plain_rule_gives(text, tail):
    """role_at matches at the name's end instead of on a copy of the rest of the text, and
    gives up early when the word before the name is no role noun: the same roles."""
    from newsbook.people import role_at
    text += tail
    at = text.find("Wang Lijun")
    if at >= 0:
        end = at + len("Wang Lijun")
        assert role_at(text, at, end) == _role_at_reference(text, at, end)


def _named_in_reference(names: list[str], text: str) -> list[str]:
    """SharedNames.named_in as it was: each candidate present, longest first (then book
    order), claims its non-overlapping whole-word occurrences found by a regex."""
    order = sorted(names, key=lambda n: -len(n))
    claimed = [False] * len(text)
    out = []
    for name in order:
        hit = False
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(claimed[m.start():m.end()]):
                claimed[m.start():m.end()] = [True] * (m.end() - m.start())
                hit = True
        if hit:
            out.append(name)
    return out


SHARED = ["Ng", "Ng Ng", "Alice Ng", "Bo Xilai", "Bo", "Xilai Bo", "Wang Lijun", "Lijun", "薄熙来",
          "Ann", "Ann-Marie"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SHARED + [" ", " ", " ", "-", "_", "x", "’s", ". "]),
                          st.text(max_size=2)), max_size=16),
       st.lists(st.sampled_from(SHARED), min_size=1, max_size=6, unique=True))
@example(["Alice Ng", " ", "Ng", " ", "Ng"], ["Alice Ng", "Ng Ng"])  # (blocked, then itself)
def test_shared_names_one_scan_finds_what_a_regex_per_name_finds(bits, names):
    """An uncurated book's shared names are counted by one scan of each article for all
    candidates, not a search per candidate; which candidates an article names is the
    same (longer names claiming their words first, a name never overlapping itself)."""
    from newsbook.people import SharedNames
    shared = SharedNames([{n: "" for n in names}])
    text = "".join(bits)
    assert shared.named_in([("a", text, 1)]) == _named_in_reference(names, text)


JSON = st.recursive(
    st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none(),
              st.floats(allow_nan=False)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner),
                            st.dictionaries(st.text(max_size=6), inner, max_size=4),
                            st.dictionaries(st.integers(), inner, min_size=1, max_size=2)),
    max_leaves=20)


@settings(max_examples=600, deadline=None)
@given(JSON)
def test_notebook_json_is_what_the_json_module_writes(value):
    """The notebook twins' JSON writer (the json module's indented output is pure Python)
    gives json.dumps's text byte for byte."""
    import json

    from newsbook.writers.ipynb import dumps
    try:
        want = json.dumps(value, indent=1, sort_keys=True, separators=(",", ": "),
                          ensure_ascii=False)
    except TypeError:  # (keys json cannot sort: mixed types)
        return
    assert dumps(value) == want
