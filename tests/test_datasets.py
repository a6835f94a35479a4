"""Provenance tests for data/: every plotted number traces to a verbatim quote.

Checks the dataset catalogue, feed quotes and line numbers, external sources, number
provenance, the chart registry, chart placements and the lost-figure notes.
"""
from __future__ import annotations

import json
import math
import re

import pandas as pd
import plotly.graph_objects as go
import pytest
import yaml

from conftest import ROOT, STEMS, TITLE_LINES  # noqa: F401
DATA = ROOT / "data"
FEED_LINES = (DATA / "raw" / "chinatalk-freshrss-2025.txt").read_text(encoding="utf-8").split("\n")
ACCESSED = "2026-11-29"
BASIC_TRACES = {"scatter", "bar", "pie"}

CATALOGUE = yaml.safe_load((DATA / "datasets.yml").read_text(encoding="utf-8"))
PLACEMENTS = yaml.safe_load((DATA / "placements.yml").read_text(encoding="utf-8"))
LOST = yaml.safe_load((DATA / "lost_figures.yml").read_text(encoding="utf-8"))
CSVS = sorted(p.stem for p in DATA.glob("*.csv"))


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
    for key in ("title", "chapter", "description", "columns", "source"):
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
    ar = load("ar_vr_china_shipments_2023")
    ship = ar[(ar["device"] == "AR") & (ar["measure"] == "shipments")]
    assert {261, 262} <= set(ship["value"]) and ship["note"].notna().all()


# ------------------------------------------------------------------ registry
@pytest.fixture(scope="module")
def registry():
    import newsbook.charts.figures  # noqa: F401  (registers the charts)
    from newsbook.charts.registry import REGISTRY
    return REGISTRY


def test_enough_charts(registry):
    assert len(registry) >= 26
    assert sum(s.controls for s in registry.values()) >= 5


def _specs():
    import newsbook.charts.figures  # noqa: F401
    from newsbook.charts.registry import REGISTRY
    # book-wide charts (chapter "") draw converter-written data; see test_book_pages.py
    return sorted(k for k, spec in REGISTRY.items() if spec.chapter)


@pytest.mark.parametrize("key", _specs())
def test_chart_builds(registry, key):
    spec = registry[key]
    assert spec.dataset in CSVS and spec.chapter in STEMS
    assert spec.chapter == CATALOGUE[spec.dataset]["chapter"]
    assert spec.summary and spec.title
    df = load(spec.dataset)
    fig = spec.build(df)
    assert isinstance(fig, go.Figure) and len(fig.data) >= 1
    assert {t.type or "scatter" for t in fig.data} <= BASIC_TRACES
    has_controls = bool(fig.layout.updatemenus or fig.layout.sliders)
    assert has_controls == spec.controls, "controls flag must match updatemenus/sliders"
    for col in spec.widget.values():
        assert col in df.columns
    again = spec.build(load(spec.dataset))
    assert json.dumps(fig.to_plotly_json(), default=str, sort_keys=True) == \
        json.dumps(again.to_plotly_json(), default=str, sort_keys=True), "output must be deterministic"
    hovers = json.dumps([t.to_plotly_json().get("customdata") or t.to_plotly_json().get("hovertext")
                         for t in fig.data], default=str)
    assert "feed line" in hovers or "accessed" in hovers, "hover must carry the quote's provenance"


@pytest.mark.parametrize("key", _specs())
def test_chart_survives_widget_subsets(registry, key):
    spec = registry[key]
    df = load(spec.dataset)
    col = spec.widget.get("filter")
    if not col:
        pytest.skip("no filter hint")
    for value in df[col].dropna().unique():
        fig = spec.build(df[df[col] == value].reset_index(drop=True))
        assert len(fig.data) >= 1


# ------------------------------------------------------------------ placements
def test_placements(registry):
    keys = [p["chart"] for p in PLACEMENTS]
    assert set(keys) <= set(registry), "placements name unknown charts"
    chapter_charts = {k for k, spec in registry.items() if spec.chapter}
    assert chapter_charts <= set(keys), "every chapter chart is placed"
    assert len(keys) >= 26
    for p in PLACEMENTS:
        assert p["chapter"] == registry[p["chart"]].chapter, p["chart"]
        after = norm(p["after"])
        assert len(after) >= 25, p["chart"]
        a, b = article_range(p["chapter"])
        hits = [n for n in range(a, b + 1) if after in norm(FEED_LINES[n - 1])]
        assert len(hits) == 1, f"{p['chart']}: 'after' found on lines {hits}"
        assert isinstance(p.get("replaces_caption"), bool)
        if p.get("live"):
            assert registry[p["chart"]].widget, f"{p['chart']}: live chart needs a widget hint"
    assert {p["chapter"] for p in PLACEMENTS} == set(STEMS), "every chapter has a chart"
    assert len({p["chapter"] for p in PLACEMENTS if p.get("live")}) >= 5
    japan = [p for p in PLACEMENTS if p["chart"] == "japan_upper_house_2025"]
    assert japan and japan[0]["replaces_caption"] is True
    assert "Results of the Japanese upper house election" in japan[0]["after"]


# ------------------------------------------------------------------ lost figures
def test_lost_figures():
    assert len(LOST) >= 10
    for item in LOST:
        assert item["chapter"] in STEMS
        a, b = article_range(item["chapter"])
        cap = norm(item["caption"])
        assert any(cap in norm(FEED_LINES[n - 1]) for n in range(a, b + 1)), cap
        assert item["note"].strip().endswith(".")
    ar = [i for i in LOST if "Market share of major manufacturers" in i["caption"]]
    assert ar and "global" in ar[0]["note"] and "could not be recovered" in ar[0]["note"]
