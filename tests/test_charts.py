"""Every chart of the book (curated and automatic) builds from its spec with its kind:
basic-bundle traces only, deterministic, quote hovers, live filters that work."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, STEMS
from newsbook.charts import REGISTRY, load
from newsbook.charts.render import BUNDLE_TRACE_TYPES, build_figure
from newsbook.plan import load_plan, plain

PLAN = load_plan(ROOT)
CURATED = {s.key: s for s in PLAN.charts}


def _chapter_keys():
    return sorted(k for k, s in REGISTRY.items() if s.chapter and not k.startswith("fx_"))


def test_every_chapter_has_a_chart():
    assert {REGISTRY[k].chapter for k in _chapter_keys()} == set(STEMS)


@pytest.mark.parametrize("key", _chapter_keys())
def test_chart_builds(key):
    spec = REGISTRY[key]
    assert spec.chapter in STEMS and spec.title and spec.summary
    if key in CURATED:
        assert PLAN.datasets[spec.dataset].chapter == spec.chapter
    df = load(spec.dataset)
    fig = build_figure(spec, df)
    assert len(fig.data) >= 1
    assert {t.type or "scatter" for t in fig.data} <= BUNDLE_TRACE_TYPES
    again = build_figure(spec, load(spec.dataset))
    assert json.dumps(fig.to_plotly_json(), default=str, sort_keys=True) == \
        json.dumps(again.to_plotly_json(), default=str, sort_keys=True), "must be deterministic"
    hovers = json.dumps([t.to_plotly_json().get("customdata") or t.to_plotly_json().get("hovertext")
                         for t in fig.data], default=str)
    assert "feed line" in hovers or "accessed" in hovers, "hover must carry the quote's provenance"
    if spec.live:
        for col in plain(spec.live).values():
            assert col is None or col in df.columns


@pytest.mark.parametrize("key", [k for k in _chapter_keys() if REGISTRY[k].live
                                 and REGISTRY[k].live.filter])
def test_chart_survives_live_filter(key):
    """explore() redraws the chart on each filter value's rows: every subset must draw."""
    spec = REGISTRY[key]
    df = load(spec.dataset)
    col = spec.live.filter
    for value in df[col].dropna().unique():
        fig = build_figure(spec, df[df[col] == value].reset_index(drop=True))
        assert len(fig.data) >= 1, value


def test_facet_toggles_are_menus():
    """A grouped chart with a facet switches facets with an updatemenu; without, none."""
    for key in _chapter_keys():
        spec = REGISTRY[key]
        if spec.kind != "grouped":
            continue
        fig = build_figure(spec)
        assert bool(fig.layout.updatemenus) == bool(spec.facet), key


def test_chapter_links_in_figures_are_short_for_paragraph_anchors():
    from newsbook.charts.kinds._common import link_of
    stem = "2025-07-14-xi-rumors"
    assert link_of({"chapter": stem, "anchor": f"p-{stem}-42"}) == f"chapters/{stem}.html#~42"
    # any other anchor is written out; the loader expands only the short form
    assert link_of({"chapter": stem, "anchor": "chart-x"}) == f"chapters/{stem}.html#chart-x"
    assert link_of({"chapter": stem, "anchor": f"p-{stem}-x1"}) == f"chapters/{stem}.html#p-{stem}-x1"
    assert link_of({"chapter": stem, "anchor": ""}) == f"chapters/{stem}.html"
    assert link_of({"chapter": "../etc", "anchor": "p-1"}) == ""


def test_a_short_timeline_is_ticked_by_month_and_a_long_one_by_year():
    """A few weeks of posts on a years axis had one tick ("2027") or a "2,026.8"."""
    from newsbook.charts.kinds.timeline import _x_axis
    weeks = _x_axis("Year", 2026 + 10 / 12, 2026 + 10 / 12 + 27 / 365)
    assert weeks["ticktext"][:2] == ["Nov 2026", "Dec 2026"] and weeks["title"] == "Date"
    assert weeks["range"][0] < weeks["tickvals"][0] < weeks["range"][1]
    for lo in (2020.0, 2024.3, 2025.9):
        for span in (0.01, 0.5, 1.2, 1.99):
            axis = _x_axis("Year", lo, lo + span)
            assert 2 <= len(axis["tickvals"]) <= 6, (lo, span, axis)
            assert all(axis["range"][0] <= v <= axis["range"][1] for v in axis["tickvals"])
    years = _x_axis("Year", 1990, 2026)
    assert years["tickformat"] == "d" and "tickvals" not in years


def test_a_series_title_says_what_its_values_measure():
    """Four helpers' newsletters had series charts all titled "Million USD, 2022 to 2025, as
    the article states them": the title now names what the values measure, in the words
    before the first of them, and keeps the unit alone when there are none."""
    from newsbook.autocharts import measure_of
    said = {("Turnout in Westmark was 61.2% in 2012, 58.6% in 2016.", "61.2%"):
            "Turnout in Westmark",
            ("Concentrations were 315 ppm in 1958, 338 in 1980.", "315 ppm"): "Concentrations",
            ("At the Dervan market, a kilo of saffron cost €3,000 in 2015.", "€3,000"):
            "a kilo of saffron cost",
            ("Annual recurring revenue went from $0.3M in 2024 to $2.4M.", "$0.3M"):
            "Annual recurring revenue",
            ("$5 billion in 2020, $7 billion in 2021.", "$5 billion"): "",
            ("In 2019 the club had 140 members; in 2023, 185.", "140 members"): "",
            # (a whole clause before a colon: its subject)
            ("Installed wind and solar capacity across the Basin has roughly doubled in three "
             "years: 12.4 GW in 2021, 15.9 GW in 2022.", "12.4 GW"):
            "Installed wind and solar capacity across the Basin",
            # (a pronoun names nothing on its own)
            ("It carried 1.1 million passengers in 2019, 0.6 million in 2020.",
             "1.1 million passengers"): "",
            # (but the subject of the clause before its colon does)
            ("The average one-year CD has fallen faster: it paid 3.90% in February, 3.70% "
             "in April.", "3.90%"): "The average one-year CD",
            # (nor does a lower-case one after a colon: "his best summer: he averaged")
            ("He scored 1,104 runs, his best summer: he averaged 41.2 in 2023, 38.7 in 2024.",
             "41.2"): ""}
    assert {k: measure_of(*k) for k in said} == said


def test_a_speaker_chart_stands_before_the_interview():
    from datetime import datetime

    from newsbook.autocharts import _before_turns
    from newsbook.model import Article, Figure, Paragraph, Turn
    art = Article("T", datetime(2025, 1, 1), (
        Paragraph("Dara ran bus planning from 2015 to 2023.", 3),
        Figure("https://a.example/d.jpg", "Dara", "", "", 4),
        Turn("Host", (Paragraph("What would you change?", 5),), 5),
        Turn("Dara", (Paragraph("Almost nothing.", 6),), 6)), (), 1)
    assert _before_turns(art, "2025-01-01-t") == "Dara ran bus planning from 2015 to 2023."


def test_a_label_is_wrapped_before_it_is_escaped():
    """A section titled "(label)= and --- and <b>bold</b>" showed "&" and "lt;b&gt;bold…"
    on its bar: the label was escaped, then wrapped inside "&lt;"."""
    import html as _html
    import re as _re
    from newsbook.charts.kinds._common import wrap, wrap_label
    for f, width in ((wrap_label, 22), (wrap, 64)):
        for n in range(1, width + 8):
            raw = "x" * n + " <b>bold</b> & 'q' yy"
            out = f(raw)
            assert not _re.search(r"&(?!(?:lt|gt|amp|quot|#x27);)", out), (n, out)
            assert _html.unescape(out.replace("<br>", "")).replace(" ", "") == \
                raw.replace(" ", ""), (n, out)


def test_a_series_axis_reaches_below_zero_for_a_negative_value():
    """"returned −12.4% in 2022, +18.1% in 2023": the axis ran from 0, and the 2022 point
    and its label were off the chart."""
    import pandas as pd

    from newsbook.charts.kinds import series
    from newsbook.plan.charts import Series
    spec = Series(key="s", dataset="d", title="Returns", summary="Returns.", kind="series",
                  period="period", value="value", axis="% (as stated)")
    df = pd.DataFrame({"period": ["2022", "2023", "2024"], "value": [-12.4, 18.1, 15.3]})
    low, high = series.render(spec, df).layout.yaxis.range
    assert low < -12.4 and high > 18.1
    df = pd.DataFrame({"period": ["2022", "2023"], "value": [3.0, 5.0]})
    assert series.render(spec, df).layout.yaxis.range[0] == 0


def test_a_year_with_no_value_keeps_its_slot_and_breaks_the_line():
    """"2.1% in 2021, 2.4% in 2022, 3.0% in 2024 and 3.2% in 2025": 2023 had no slot, so
    the line ran 2022 to 2024 as one step like the others. It has its slot, and no line
    crosses it."""
    import pandas as pd

    from newsbook.charts.kinds import series
    from newsbook.plan.charts import Series
    spec = Series(key="s", dataset="d", title="Premium", summary="Premium.", kind="series",
                  period="period", value="value", axis="%")
    df = pd.DataFrame({"period": ["2021", "2022", "2024", "2025"], "value": [2.1, 2.4, 3.0, 3.2]})
    fig = series.render(spec, df)
    assert list(fig.layout.xaxis.categoryarray) == ["2021", "2022", "2023", "2024", "2025"]
    assert [list(t.x) for t in fig.data] == [["2021", "2022"], ["2024", "2025"]]
    assert [t.showlegend for t in fig.data] == [True, False]


def test_a_series_title_drops_the_values_sign():
    """"The June anomaly was +1.21°C in 2021, …" was titled "The June anomaly was +: °C"."""
    from newsbook.autocharts import measure_of
    assert measure_of("The June anomaly was +1.21°C in 2021.", "1.21°C") == "The June anomaly"


def test_a_timelines_title_gives_the_years_the_text_gives():
    """"c. 1761" is drawn as a span either side, 1756–1766; the chart's title said
    "1756–1962", a year the text never gives."""
    from datetime import datetime

    from newsbook import autocharts
    from newsbook.extract import extract_article
    from newsbook.readers import read
    body = ("The canal was first proposed c. 1761 by a wool merchant. The Act passed on 14 May "
            "1766, and the last boat used it in 1962, when the locks were filled in.\n")
    art = read("T\n\n1 May 2025 at 10:00\n\n" + body, source="c.txt").feed.articles[0]
    out = autocharts.AutoCharts()
    assert autocharts.timeline_chart(art, "t", extract_article(art, "t"), out)
    assert out.specs[0].title == "The dates this article gives, 1761–1962"


def test_a_timeline_label_names_a_period_by_its_whole():
    """A book timeline's "Q1 2025" was labelled "2025-01" (its start), which reads as
    January; a span shows both ends."""
    from newsbook.autocharts import book_timeline_spec
    from newsbook.charts.kinds.timeline import _when
    spec = book_timeline_spec()
    said = {("2025-01", "2025-03", "quarter"): "Q1 2025", ("2026-07", "2026-09", "quarter"):
            "Q3 2026", ("2026-07", "2026-12", "half"): "H2 2026",
            ("2019", "2023", "range"): "2019 to 2023", ("2024-10-07", "", "day"): "2024-10-07",
            ("2024", "2024", "year"): "2024"}
    for (start, end, precision), label in said.items():
        row = {"date": start, "end": end, "precision": precision}
        assert _when(row, spec) == label
    assert _when({"when": "early 2025", "date": "2025-01", "precision": "quarter"},
                 spec) == "early 2025"
    # (a column of years only is read as numbers: "1940 to 1949.0" was drawn)
    assert _when({"date": 1940, "end": 1949.0, "precision": "decade"}, spec) == "1940 to 1949"


def test_a_decade_is_drawn_whole_and_a_range_of_years_from_middle_to_middle():
    """"The 1950s" was drawn from mid-1950 to mid-1959: nine years, with a gap before "the
    1960s". A decade or a century spans all its years; a range between two bare years
    still runs middle to middle (the text does not say which months)."""
    import pandas as pd
    from newsbook.charts.kinds.timeline import spans
    df = pd.DataFrame([{"date": "1950", "end": "1959", "precision": "decade"},
                       {"date": "1901", "end": "2000", "precision": "century"},
                       {"date": "2010", "end": "2015", "precision": "range"},
                       {"date": "2024", "end": "", "precision": "year"}])
    drawn = [(s, e) for _, s, e, _, _ in spans(df, "date", "end", "precision")[0]]
    assert drawn == [(1950, 1960), (1901, 2001), (2010.5, 2015.5), (2024, 2025)]


def test_words_of_a_text_written_without_spaces_are_its_characters():
    """A Japanese copy's "words per paragraph" chart drew a 90-character paragraph as one
    word (words were runs between spaces); its reading time was as wrong. Kana and Han
    count a word each, as word processors count them; spaced text is counted by spaces."""
    from newsbook.autocharts import _paragraph_words
    from newsbook.model import Article, Paragraph, words_in
    assert words_in("Hello world, 3 times.") == 4
    assert words_in("2. あおば台鉄道のあおば台線は、一気に進んだ。") == 20
    assert words_in("MaaS（Mobility as a Service）の導入") == 8
    assert words_in("한국어 문장 입니다") == 3  # (Korean is spaced)
    from datetime import datetime
    art = Article("T", datetime(2026, 2, 3), (Paragraph("あおば台線は、一気に進んだ。", 5),
                                              Paragraph("Two words", 7)), (), 1, end_line=8)
    assert [w for _, w, *_ in _paragraph_words(art, "t")] == [12, 2]
