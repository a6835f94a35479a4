"""Data checks (marker ``data``): every plotted number traces to a verbatim quote.

Checks the dataset catalogue, feed quotes and line numbers, external sources, number
provenance, where each curated chart goes and the lost-figure notes. No code is
tested here (chart code: ``tests/test_charts.py``).
"""
from __future__ import annotations

import math
import re

import pandas as pd
import pytest
import yaml

from conftest import ROOT, STEMS, TITLE_LINES  # noqa: F401

pytestmark = pytest.mark.data

DATA = ROOT / "data"
FEED_LINES = (DATA / "raw" / "chinatalk-freshrss-2025.txt").read_text(encoding="utf-8").split("\n")
ACCESSED = "2026-11-29"

CATALOGUE = yaml.safe_load((DATA / "datasets.yml").read_text(encoding="utf-8"))
LOST = yaml.safe_load((DATA / "lost_figures.yml").read_text(encoding="utf-8"))
CSVS = sorted(p.stem for p in DATA.glob("*.csv"))
#: curated chart blocks, as written in data/charts/<chapter>.yml
SPECS = [(yaml.safe_load(p.read_text(encoding="utf-8"))["chapter"], c)
         for p in sorted((DATA / "charts").glob("*.yml"))
         for c in yaml.safe_load(p.read_text(encoding="utf-8")).get("charts", [])]


def norm(s: str) -> str:
    return " ".join(str(s).split())


def article_range(stem: str) -> tuple[int, int]:
    i = STEMS.index(stem)
    end = TITLE_LINES[i + 1] - 1 if i + 1 < len(TITLE_LINES) else len(FEED_LINES)
    return TITLE_LINES[i], end


def blank(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v).strip() == ""


def load(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", encoding="utf-8")


def rows(name: str):
    return list(load(name).iterrows())


# ------------------------------------------------------------------ numbers in quotes
WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
WORDS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90, "hundred": 100})
SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "trillion": 1e12}
_NUM = re.compile(r"(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)(?:[\s-]*(thousand|million|billion|trillion|k|m)\b)?",
                  re.I)


def numbers_in(quote: str) -> set[float]:
    """Numbers a quote states (digits or words), also multiplied out by scale words."""
    q = re.sub(r"(?<=\d),(?=\d{3})", "", str(quote))
    found: set[float] = set()
    for m in _NUM.finditer(q):
        tok, scale = m.group(1).lower(), (m.group(2) or "").lower()
        if tok[0].isdigit():
            n = float(tok)
        elif tok in WORDS:
            n = float(WORDS[tok])
        elif "-" in tok and all(p in WORDS for p in tok.split("-")):
            n = float(sum(WORDS[p] for p in tok.split("-")))
        else:
            continue
        found.add(n)
        if scale:
            found.add(n * SCALE[scale])
    return found


def value_stated(value: float, quote: str) -> bool:
    v = abs(float(value))
    for c in numbers_in(quote):
        for s in (1, 1e3, 1e6, 1e9, 1e12):
            if math.isclose(v * s, c, rel_tol=1e-9, abs_tol=1e-9):
                return True
    return False


def test_number_parser():
    assert value_stated(2000000, "more than two million peak daily active users")
    assert value_stated(1800, "is set to reach $1.8 trillion by 2035")
    assert value_stated(51, "he burned through fifty-one personal secretaries")
    assert value_stated(5000, "nearly 5,000 arrests")
    assert not value_stated(9.1, "was 9.5 times that of Zhejiang province (0.09%)")


# ------------------------------------------------------------------ catalogue
def test_every_csv_has_catalogue_entry_and_vice_versa():
    assert sorted(CATALOGUE) == CSVS


@pytest.mark.parametrize("name", CSVS)
def test_catalogue_entry_complete(name):
    entry = CATALOGUE[name]
    for key in ("chapter", "description", "columns", "source"):
        assert entry.get(key), f"{name}: missing {key}"
    assert entry["chapter"] in STEMS
    assert entry["source"] in ("feed", "external")
    df = load(name)
    assert list(entry["columns"]) == list(df.columns), f"{name}: declared columns differ from CSV"
    for col in entry.get("value_columns", []) + entry.get("date_columns", []):
        assert col in df.columns


@pytest.mark.parametrize("name", CSVS)
def test_csv_format(name):
    raw = (DATA / f"{name}.csv").read_bytes()
    raw.decode("utf-8")
    assert b"\r" not in raw, "LF line endings only"
    df = load(name)
    assert len(df) > 0
    assert not str(df.columns[0]).startswith("Unnamed") and df.columns[0] != "", "no index column"
    for col in ("quote", "line", "derived", "note"):
        assert col in df.columns, f"{name}: provenance column {col} missing"
    assert df["quote"].notna().all(), f"{name}: every row needs a quote"


# ------------------------------------------------------------------ provenance
FEED_ROWS = [(n, i, r) for n in CSVS for i, r in rows(n) if blank(r.get("source_url"))]
EXT_ROWS = [(n, i, r) for n in CSVS for i, r in rows(n) if not blank(r.get("source_url"))]


@pytest.mark.parametrize("name,idx,row", FEED_ROWS, ids=[f"{n}-{i}" for n, i, _ in FEED_ROWS])
def test_feed_quote_on_its_line(name, idx, row):
    quote = norm(row["quote"])
    assert len(quote) >= 8
    line = int(row["line"])
    if quote in norm(FEED_LINES[line - 1]):
        return
    elsewhere = [n + 1 for n, t in enumerate(FEED_LINES) if quote in norm(t)]
    pytest.fail(f"{name} row {idx}: quote not on line {line}"
                + (f" (found on {elsewhere})" if elsewhere else " nor anywhere in the feed"))


@pytest.mark.parametrize("name,idx,row", FEED_ROWS, ids=[f"{n}-{i}" for n, i, _ in FEED_ROWS])
def test_feed_quote_within_its_chapter(name, idx, row):
    a, b = article_range(CATALOGUE[name]["chapter"])
    assert a <= int(row["line"]) <= b


EXTERNAL_MD = norm((DATA / "external_sources.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,idx,row", EXT_ROWS, ids=[f"{n}-{i}" for n, i, _ in EXT_ROWS])
def test_external_row(name, idx, row):
    assert CATALOGUE[name]["source"] == "external"
    for col in ("source_url", "publisher", "accessed"):
        assert not blank(row.get(col)), f"{col} missing"
    assert str(row["accessed"]) == ACCESSED
    assert blank(row.get("line"))
    assert norm(row["source_url"]) in EXTERNAL_MD
    assert norm(row["quote"]) in EXTERNAL_MD


@pytest.mark.parametrize("name", CSVS)
def test_numbers_come_from_quotes(name):
    entry = CATALOGUE[name]
    for idx, row in rows(name):
        if not blank(row.get("derived")) or not blank(row.get("source_url")):
            continue
        for col in entry.get("value_columns", []):
            if blank(row[col]):
                continue
            assert value_stated(row[col], row["quote"]), \
                f"{name} row {idx}: {col}={row[col]} not stated in its quote and not marked derived"


@pytest.mark.parametrize("name", CSVS)
def test_dates_come_from_quotes(name):
    for idx, row in rows(name):
        if not blank(row.get("derived")):
            continue
        for col in CATALOGUE[name].get("date_columns", []):
            if blank(row[col]):
                continue
            year = str(row[col])[:4]
            assert re.search(rf"(?<!\d){year}(?!\d)", str(row["quote"])), \
                f"{name} row {idx}: {col} year {year} not in quote and not marked derived"


def test_contradictions_recorded_both_ways():
    hz = load("hangzhou_timeline")
    alibaba = hz[hz["event"].str.contains("Alibaba") & hz["note"].fillna("").str.contains("Contradiction")]
    assert {"1998", "2000"} <= set(alibaba["start"].astype(str))
    adm = load("pku_tsinghua_admissions")
    ratios = adm[adm["measure"].str.startswith("ratio")]
    assert {9.5, 9.1} <= set(ratios["value"]) and ratios["note"].notna().all()


# ------------------------------------------------------------------ where charts go
def test_curated_charts_count():
    assert len(SPECS) == 20
    assert len({c["key"] for _, c in SPECS}) == 20


@pytest.mark.parametrize("chapter,spec", SPECS, ids=[c["key"] for _, c in SPECS])
def test_chart_anchor_is_one_paragraph_of_its_chapter(chapter, spec):
    assert chapter in STEMS
    assert CATALOGUE[spec["dataset"]]["chapter"] == chapter, "dataset of another chapter"
    after = norm(spec["after"])
    assert len(after) >= 25
    a, b = article_range(chapter)
    hits = [n for n in range(a, b + 1) if after in norm(FEED_LINES[n - 1])]
    assert len(hits) == 1, f"'after' found on lines {hits}"


def test_live_charts():
    live = sorted(c["key"] for _, c in SPECS if c.get("live"))
    assert len(live) == 10, live
    assert len({ch for ch, c in SPECS if c.get("live")}) == 10  # one per chapter


def test_japan_chart_replaces_the_lost_results_image():
    japan = [c for _, c in SPECS if c["key"] == "japan_upper_house_2025"]
    assert japan and japan[0]["replaces_caption"] is True
    assert "Results of the Japanese upper house election" in japan[0]["after"]


# ------------------------------------------------------------------ lost figures
LOST_FIGURES = 15  # captions of images the feed lost


def test_lost_figures():
    assert len(LOST) == LOST_FIGURES
    for item in LOST:
        assert item["chapter"] in STEMS
        a, b = article_range(item["chapter"])
        cap = norm(item["caption"])
        assert any(cap in norm(FEED_LINES[n - 1]) for n in range(a, b + 1)), cap
        assert item["note"].strip().endswith(".")
    ar = [i for i in LOST if "Market share of major manufacturers" in i["caption"]]
    assert ar and "global" in ar[0]["note"] and "could not be recovered" in ar[0]["note"]
