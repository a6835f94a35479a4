"""Curated data: glossary, people/organisation index entries, book-wide timeline.

Every check ties a curated string back to the feed text, so an edit that drifts
from the source (a paraphrased gloss, a quote on the wrong line, an alias that
never occurs) fails here.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter

import pytest
import yaml

from conftest import FEED, ROOT, STEMS, TITLE_LINES  # noqa: F401

pytestmark = pytest.mark.data

#: exact sizes of the curated files (a lost entry must fail, not slip under a floor)
GLOSSARY_TERMS, PEOPLE_ENTRIES, EVENTS = 117, 157, 167
CUR = ROOT / "data" / "curation"

LINES = FEED.read_text(encoding="utf-8").split("\n")
TEXT = "\n".join(LINES)

THEMES = {
    "Politics and power": {STEMS[0], STEMS[5], STEMS[6]},
    "Technology and AI": {STEMS[2], STEMS[4], STEMS[7], STEMS[9], STEMS[11], STEMS[12]},
    "Geopolitics, law and trade": {STEMS[1], STEMS[3], STEMS[8], STEMS[10]},
}
HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
GLOSS_KINDS = {"term", "person", "place", "organisation", "product", "title"}


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


WS_TEXT = ws(TEXT)


def chapter_lines(stem: str) -> range:
    k = STEMS.index(stem)
    end = TITLE_LINES[k + 1] if k + 1 < len(TITLE_LINES) else len(LINES) + 1
    return range(TITLE_LINES[k], end)


def load(name: str):
    return yaml.safe_load((CUR / name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------- glossary

@pytest.fixture(scope="module")
def terms():
    return load("glossary.yml")["terms"]


def test_glossary_size(terms):
    assert len(terms) == GLOSSARY_TERMS


def test_glossary_hanzi_unique_and_in_feed(terms):
    hanzi = [t["hanzi"] for t in terms]
    assert len(hanzi) == len(set(hanzi)), [h for h, n in Counter(hanzi).items() if n > 1]
    missing = [h for h in hanzi if h not in TEXT]
    assert not missing
    assert all(re.search(HAN, h) for h in hanzi)


def test_glossary_covers_every_han_run(terms):
    """Each maximal run of Han characters in the feed is covered by some term."""
    runs = {m.group() for m in re.finditer(HAN + "+", TEXT)}
    hanzi = [t["hanzi"] for t in terms]
    uncovered = sorted(r for r in runs if not any(r in h or h in r for h in hanzi))
    assert not uncovered


def test_glossary_pinyin_one_syllable_per_han_char(terms):
    bad = []
    for t in terms:
        py = t.get("pinyin") or ""
        n_han = len(re.findall(HAN, t["hanzi"]))
        syll = py.split()
        if not py.strip() or len(syll) != n_han or any(not re.fullmatch(r"[a-zü\u0300-\u036f]+", unicodedata.normalize("NFD", s)) for s in syll):
            bad.append((t["hanzi"], py))
    assert not bad


def test_glossary_checked_pinyin_recorded(terms):
    for t in terms:
        if t.get("pinyin_checked"):
            assert t.get("pinyin_auto") and t["pinyin_auto"] != t["pinyin"], t["hanzi"]


def test_glossary_known_readings(terms):
    by = {t["hanzi"]: t["pinyin"] for t in terms}
    assert by["薄一波"].startswith("bó ")
    assert by["韬光养晦"] == "tāo guāng yǎng huì"
    assert by["切合实际、行之有效的政策举措"].split()[4] == "xíng"
    assert by["白蛇传"].endswith("zhuàn")


def test_glossary_glosses(terms):
    bad = []
    for t in terms:
        assert t["gloss_source"] in {"feed", "editorial"}, t
        assert t["kind"] in GLOSS_KINDS, t
        assert t["gloss"].strip(), t
        if t["gloss_source"] == "feed":
            g = ws(t["gloss"])
            if g not in WS_TEXT:
                bad.append((t["hanzi"], t["gloss"]))
                continue
            # the gloss sits on (or beside) a line that carries the term
            gl = t.get("gloss_line", t["line"])
            assert t["hanzi"] in "\n".join(LINES[gl - 3:gl + 2]), t["hanzi"]
            assert g in ws(LINES[gl - 1]), t["hanzi"]
    assert not bad


def test_glossary_line_numbers(terms):
    for t in terms:
        assert t["hanzi"] in LINES[t["line"] - 1]
        assert not any(t["hanzi"] in l for l in LINES[: t["line"] - 1]), t["hanzi"]


def _sort_key(t):
    plain = "".join(c for c in unicodedata.normalize("NFD", t["pinyin"]) if not unicodedata.combining(c))
    return (plain.lower(), t["pinyin"], t["hanzi"])


def test_glossary_sorted_by_pinyin(terms):
    assert terms == sorted(terms, key=_sort_key)


# ----------------------------------------------------------------------- people

@pytest.fixture(scope="module")
def people():
    return load("people.yml")["entries"]


def _alias_lines(alias: str, whole_word: bool, chapters=None) -> list[int]:
    if whole_word and not re.search(HAN, alias):
        pat = re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")
    else:
        pat = re.compile(re.escape(alias))
    allowed = None
    if chapters:
        allowed = set().union(*(chapter_lines(c) for c in chapters))
    return [i for i, l in enumerate(LINES, 1) if pat.search(l) and (allowed is None or i in allowed)]


def test_people_size_and_kinds(people):
    assert len(people) == PEOPLE_ENTRIES
    assert {e["kind"] for e in people} <= {"person", "organisation"}
    names = [e["name"] for e in people]
    assert len(names) == len(set(names))


def test_people_aliases_occur(people):
    missing = []
    for e in people:
        assert e["aliases"], e["name"]
        for c in e.get("chapters") or []:
            assert c in STEMS, c
        for a in e["aliases"]:
            if not _alias_lines(a, bool(e.get("whole_word")), e.get("chapters")):
                missing.append((e["name"], a))
    assert not missing


def test_people_short_aliases_are_whole_word(people):
    for e in people:
        for a in e["aliases"]:
            if not re.search(HAN, a) and len(a) <= 4:
                assert e.get("whole_word"), (e["name"], a)


def test_people_no_shared_alias(people):
    c = Counter(a for e in people for a in e["aliases"])
    assert not [a for a, n in c.items() if n > 1]


def test_people_cover_every_chapter(people):
    seen = set()
    for e in people:
        for a in e["aliases"]:
            for i in _alias_lines(a, bool(e.get("whole_word")), e.get("chapters")):
                seen.update(s for s in STEMS if i in chapter_lines(s))
    assert seen == set(STEMS)


def test_people_required(people):
    names = {e["name"] for e in people}
    for n in ["Bo Xilai", "Wang Lijun", "Gu Kailai", "Neil Heywood", "Tobias Harris",
              "Jordan Schneider", "Huawei", "Nvidia", "DeepSeek", "XREAL", "CoCom", "TSMC"]:
        assert n in names


# ----------------------------------------------------------------------- events

@pytest.fixture(scope="module")
def events():
    return load("events.yml")["events"]


def _parse(date: str, precision: str):
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "season": "%Y-%m", "year": "%Y",
           "decade": "%Y"}[precision]
    d = dt.datetime.strptime(date, fmt)
    if precision == "decade":
        assert d.year % 10 == 0, date
    return d


def test_events_size(events):
    assert len(events) == EVENTS


def test_events_dates_parse(events):
    for e in events:
        assert isinstance(e["date"], str), e
        d = _parse(e["date"], e["precision"])
        if e.get("end"):
            assert len(e["end"]) in (4, 7, 10)
            end = dt.datetime.strptime(e["end"], {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}[len(e["end"])])
            assert end >= d, e


def test_events_fields(events):
    for e in events:
        assert e["chapter"] in STEMS, e
        assert e["chapter"] in THEMES[e["theme"]], e
        assert 0 < len(e["label"]) <= 70, e["label"]
        assert isinstance(e["derived"], str)


def test_events_quotes_on_line(events):
    bad = []
    for e in events:
        q = ws(e["quote"])
        n = e["line"]
        near = [ws(LINES[i - 1]) for i in (n - 1, n, n + 1) if 1 <= i <= len(LINES)]
        if not any(q in l for l in near):
            bad.append((n, e["quote"]))
        assert n in chapter_lines(e["chapter"]), e
    assert not bad


def test_events_year_stated_or_derived(events):
    """Unless derived, the year of the date appears in the quote itself."""
    bad = []
    for e in events:
        year = e["date"][:4]
        if e["derived"]:
            continue
        token = year[2:3] + "0s" if e["precision"] == "decade" else year
        if year not in e["quote"] and token not in e["quote"]:
            bad.append(e)
    assert not bad


def test_events_derived_carry_formula(events):
    for e in events:
        if e["derived"]:
            assert re.search(r"\d", e["derived"]), e


def test_events_per_chapter(events):
    c = Counter(e["chapter"] for e in events)
    assert all(c[s] >= 3 for s in STEMS), c


def test_events_sorted(events):
    keys = [(e["date"], STEMS.index(e["chapter"]), e["line"]) for e in events]
    assert keys == sorted(keys)
