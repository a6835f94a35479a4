"""A table of figures becomes a chart (newsbook.extract.tables → autocharts.table_charts):
which cells are numbers, which columns are measures, each row's quote on its own line,
and the kind of chart (a line over periods, bars, or bars with a button per column)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbook import autocharts, tablecharts
from newsbook.charts.kinds._common import label_room, value_range
from newsbook.extract import extract_article
from newsbook.extract.tables import _CELLS, _value
from newsbook.readers import read
from newsbook.readers.freshrss_json import read_json

T = "\t"


def copy(*rows: str, before: str = "Here is how the suburbs compared last month.") -> str:
    body = "\n".join(rows)
    return ("Normal view\n\nThe Harbourside Brief: March\n\n12 March 2026 at 08:15\n\n"
            f"{before}\n\n{body}\n\nThat is all for this month.\n")


PRICES = copy(f"Suburb{T}Median price{T}Change y/y{T}Sales{T}Rank",
              f"Hawthorn{T}£412,500{T}+3.1%{T}58{T}2",
              f"Elmwood{T}£298,000{T}−1.8%{T}73{T}4",
              f"Quayside{T}£515,000{T}+6.4%{T}21{T}1",
              f"Millbrook{T}£276,250{T}n/a{T}94{T}5",
              f"Northgate{T}£330,000{T}+0.9%{T}40{T}3")


def tables_of(text: str):
    article = read(text, source="brief.txt").feed.articles[0]
    stem = "2026-03-12-the-harbourside-brief-march"
    return article, stem, extract_article(article, stem)


@pytest.mark.parametrize("cell, mark, want", [
    ("£412,500", ".", (412500.0, "£", "")),
    ("+3.1%", ".", (3.1, "", "%")),
    ("−1.8%", ".", (-1.8, "", "%")),
    ("-£1,200", ".", (-1200.0, "£", "")),
    ("A$1.2m", ".", (1_200_000.0, "A$", "")),
    ("$950k", ".", (950_000.0, "$", "")),
    ("3.4 million", ".", (3_400_000.0, "", "")),
    ("12.5 ms", ".", (12.5, "", "ms")),
    ("400m", ".", (400.0, "", "m")),          # metres: a letter scales only money
    ("−4 °C", ".", (-4.0, "", "°C")),
    ("1 204", ".", (1204.0, "", "")),
    ("2.310", ",", (2310.0, "", "")),         # German thousands
    ("21,4 %", ",", (21.4, "", "%")),
    ("1.234,5 €", ",", (1234.5, "€", "")),
    ("3,2 Mio. €", ",", None),                # (a scale word of another language: left out)
    ("£314,600*", ".", (314600.0, "£", "")),   # (a note's mark after it)
    ("¥154.1[1]", ".", (154.1, "¥", "")),
    ("3.2 (p)", ".", (3.2, "", "")),
    ("€44,960b", ".", None),                  # (a note's letter glued on: no billions)
    ("3 Feb", ".", None),                     # (a day, no quantity)
    ("14,205", ",", None),                    # (thousands, where commas mark decimals)
    ("31½", ".", (31.5, "", "")),              # (a vulgar fraction after the digits)
    ("2¼", ".", (2.25, "", "")),
])
def test_a_cell_states_one_number(cell, mark, want):
    assert _value(cell, _CELLS[mark], mark) == want


@pytest.mark.parametrize("cell", ["Tue 2–5pm", "3 of 5", "10:30", "v2.3.1", "2–3%", "£1m+",
                                  "12 (estimated)", "about 40", "Hawthorn", "1,2,3"])
def test_a_cell_that_is_no_single_number_is_none(cell):
    assert _value(cell, _CELLS["."], ".") is None


def test_measures_of_a_table_each_row_quoting_its_own_line():
    article, stem, facts = tables_of(PRICES)
    (t,) = facts.tables
    assert t.label_header == "Suburb" and not t.periods
    assert t.labels == ("Hawthorn", "Elmwood", "Quayside", "Millbrook", "Northgate")
    # the rank numbers rows, it measures nothing: no column of it
    assert [c.header for c in t.columns] == ["Median price", "Change y/y", "Sales"]
    assert [c.measure for c in t.columns] == ["£", "%", ""]
    change = t.columns[1]
    assert [(t.labels[c.row], c.value, c.stated) for c in change.cells] == [
        ("Hawthorn", 3.1, "+3.1%"), ("Elmwood", -1.8, "−1.8%"), ("Quayside", 6.4, "+6.4%"),
        ("Northgate", 0.9, "+0.9%")]  # ("n/a" states no value: no bar)
    lines = PRICES.split("\n")
    for quote, line in zip(t.quotes, t.lines):
        assert lines[line - 1] == quote  # the row, cell by cell, on the line it names
    assert t.quotes[0] == f"Hawthorn{T}£412,500{T}+3.1%{T}58{T}2"


def test_one_chart_per_table_of_the_kind_its_columns_need():
    article, stem, facts = tables_of(PRICES)
    out = autocharts.AutoCharts()
    assert tablecharts.table_charts(article, stem, facts, out, set())
    (spec,) = out.specs
    assert spec.kind == "grouped" and spec.facet == "column" and spec.auto == "tables"
    assert spec.axis == {"Median price": "Median price (£)", "Change y/y": "Change y/y (%)",
                         "Sales": "Sales"}
    assert spec.title == "Median price, Change y/y and Sales by suburb, as the table gives them"
    assert spec.after.startswith("Suburb Median price Change y/y Sales Rank Hawthorn")
    rows = out.datasets[spec.dataset].splitlines()
    assert rows[0] == ",".join(tablecharts.TABLE_COLUMNS)
    assert len(rows) == 1 + 5 + 4 + 5
    # the curated charts of a chapter already draw these rows: none is added
    covered = set(facts.tables[0].lines)
    assert not tablecharts.table_charts(article, stem, facts, autocharts.AutoCharts(), covered)


def test_a_column_over_years_is_a_line_and_one_column_is_bars():
    years = copy(f"Year{T}Median price", f"2021{T}£251,000", f"2022{T}£268,500",
                 f"2023{T}£281,000", f"2024{T}£290,750")
    article, stem, facts = tables_of(years)
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    (spec,) = out.specs
    assert spec.kind == "series" and spec.period == "label" and spec.axis == "Median price (£)"
    assert spec.title == "Median price by year, as the table gives them"
    bars = copy(f"Club{T}Points", f"Harbour FC{T}31", f"Rovers{T}27", f"Athletic{T}22")
    article, stem, facts = tables_of(bars)
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    assert [s.kind for s in out.specs] == ["bars"]


@pytest.mark.parametrize("rows", [
    # two data rows: a sentence says as much
    (f"Club{T}Points", f"Harbour FC{T}31", f"Rovers{T}27"),
    # a column of mixed kinds ("£312k" and "12%") is no measure; years are when, not how much
    (f"Town{T}Figure{T}Founded", f"Ashby{T}£312k{T}1902", f"Brill{T}12%{T}1911",
     f"Crane{T}40{T}1923"),
    # years before 1900 too ("Authorised | 1766"): when, not how much
    (f"Canal{T}Authorised", f"Hallowmere{T}1766", f"Ridgeholt{T}1792", f"Fenby{T}1794"),
    # a bowler's overs ("7.4" is 7 overs and 4 balls) and last season's place: no measure
    (f"Bowler{T}O{T}Last", f"J. Oduya{T}7.4{T}3", f"S. Whitcombe{T}10.0{T}1",
     f"M. Frayne{T}9.4{T}6"),
    # rows of releases: their numbers are versions ("1.20" is no 1.2)
    (f"Release{T}Go{T}Python", f"v2.14.0{T}1.21{T}3.12", f"v2.13.2{T}1.20{T}3.10",
     f"v2.13.0{T}1.20{T}3.10"),
    # years across the top of rows that are measures: never one axis
    (f"Measure{T}2024{T}2025", f"Staff{T}120{T}131", f"Stores{T}14{T}15", f"Vans{T}40{T}52"),
    # no header row: nothing names what the numbers measure
    (f"Ashby{T}312", f"Brill{T}280", f"Crane{T}199", f"Dunmore{T}150"),
    # a label twice: which bar is which?
    (f"Club{T}Points", f"Rovers{T}31", f"Rovers{T}27", f"Athletic{T}22"),
    # times and words: no numbers
    (f"Venue{T}Open", f"Library{T}Tue 2–5pm", f"Shop{T}Mon–Fri 8am–5pm", f"Pool{T}Sat 9am"),
])
def test_tables_that_give_no_chart(rows):
    assert tables_of(copy(*rows))[2].tables == ()


def test_a_table_of_an_html_source_quotes_its_item():
    html = ("<p>How the clubs stand.</p><table><thead><tr><th>Club</th><th>Points</th></tr>"
            "</thead><tbody><tr><td>Harbour FC</td><td>31</td></tr><tr><td>Rovers</td>"
            "<td>27</td></tr><tr><td>Athletic</td><td>22</td></tr></tbody></table>"
            "<p>Next week: the cup.</p>")
    export = json.dumps({"id": "feed/1", "title": "Club News", "items": [
        {"id": "1", "title": "The table", "published": 1767225600,
         "alternate": [{"href": "https://club.example/p/1"}], "content": {"content": html}}]})
    article = read_json(export, source="club.json").feed.articles[0]
    facts = extract_article(article, "the-table")
    (t,) = facts.tables
    assert t.quotes == (f"Harbour FC{T}31", f"Rovers{T}27", f"Athletic{T}22")
    assert set(t.lines) == {article.line}  # (an HTML item's blocks have its line)


def test_bars_below_zero_leave_room_for_their_labels():
    labels = ["+3.1%", "−1.8%", "+6.4%"]
    low, high = value_range(labels, [3.1, -1.8, 6.4])
    assert low < -1.8 and high > 6.4
    # each side's margin holds a label of 5 characters on a 640 px plot (~7 px a character)
    assert (-1.8 - low) / (high - low) * 640 >= 5 * 7 and (high - 6.4) / (high - low) * 640 >= 35
    # no value below zero: the axis starts at zero, as before
    assert value_range(labels[:1], [3.1]) == [0, label_room(labels[:1], 3.1)]


def test_a_text_copys_note_with_no_marker_may_be_glued_to_a_cell():
    """Note 2 has no marker in the text, and a cell reads "82" where the team has 8 points
    and the note's 2 was glued on: a column holding a number that ends in 2 is left out
    (it was drawn at 82 beside teams of 10 to 16); the others are charted."""
    text = copy(f"Team{T}Pts{T}Pts diff", f"Harbour Hawks{T}16{T}+113", f"Millbrook{T}14{T}+41",
                f"Lowther Lynx{T}82{T}−97", before="The table after round 8, and the "
                "points taken off Millbrook in Round 3.1")
    text = text.replace("That is all for this month.\n",
                        "That is all for this month.\n\n1\n\nThe appeal failed.\n\n2\n\n"
                        "Lowther's total includes a forfeit.\n")
    article, stem, facts = tables_of(text)
    assert [f.number for f in article.footnotes] == [1, 2]
    (t,) = facts.tables
    assert [c.header for c in t.columns] == ["Pts diff"]


def test_rows_are_named_by_their_words_and_a_total_is_no_row():
    """"Pos | Team | P | Pts": the team names the bars (1 to 8 did), P of one value for every
    team is no chart, and the "Total" row, which dwarfs and counts the others twice, is no
    bar."""
    article, stem, facts = tables_of(copy(
        f"Pos{T}Team{T}P{T}Pts", f"1{T}Harbour Hawks{T}8{T}16", f"2{T}Millbrook Miners{T}8{T}14",
        f"3{T}Eastgate Comets{T}8{T}10", f"4{T}Lowther Lynx{T}8{T}4"))
    (t,) = facts.tables
    assert t.label_header == "Team" and t.labels[0] == "Harbour Hawks"
    assert [c.header for c in t.columns] == ["Pts"]
    article, stem, facts = tables_of(copy(
        f"Department{T}FY2026", f"Police{T}$1.42M", f"Fire{T}$0.98M", f"Parks{T}$0.61M",
        f"Library{T}$0.44M", f"Total{T}$7.01M"))
    (t,) = facts.tables
    assert "Total" not in t.labels and len(t.lines) == 4
    lines = facts and article and t.lines
    assert lines[-1] == lines[0] + 3  # (each kept row still quotes its own line)
    # (and in other languages: a Japanese table's "合計" row was a fourth bar beside the three
    # sections it sums, a German one's "Insgesamt")
    for total in ("合計", "Insgesamt", "Moyenne", "합계", "Totaal", "WHO guideline (2021)"):
        article, stem, facts = tables_of(copy(
            f"区間{T}事業費", f"北区間{T}11,800", f"中区間{T}9,600", f"南区間{T}10,600",
            f"{total}{T}32,000"))
        (t,) = facts.tables
        assert total not in t.labels and len(t.labels) == 3, total


def test_two_tables_of_one_shape_are_told_apart_by_their_sections():
    html = "".join(f"<h2>{h}</h2><p>The count.</p><table><tr><th>Candidate</th><th>Votes</th></tr>"
                   f"<tr><td>Ada Byrne</td><td>1,204</td></tr><tr><td>Cal Dunn</td><td>981</td>"
                   f"</tr><tr><td>Eve Ford</td><td>455</td></tr></table>"
                   for h in ("Mayor", "City Council"))
    export = json.dumps({"id": "feed/1", "title": "Bulletin", "items": [
        {"id": "1", "title": "Results", "published": 1767225600,
         "alternate": [{"href": "https://b.example/p/1"}], "content": {"content": html}}]})
    article = read_json(export, source="b.json").feed.articles[0]
    facts = extract_article(article, "results")
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, "results", facts, out, set())
    assert [s.title for s in out.specs] == [
        "Mayor: Votes by candidate, as the table gives them",
        "City Council: Votes by candidate, as the table gives them"]


def test_values_under_a_lead_in_take_its_words_for_their_title():
    """"Kindergarten classes tell the same story:" over "2021: 98" … was titled "Values"."""
    text = ("Normal view\n\nT\n\n6 March 2026 at 07:00\n\nKindergarten classes tell the same "
            "story:\n\n2021: 98\n\n2022: 91\n\n2023: 88\n\n2024: 84\n\nThat is the count.\n")
    article = read(text, source="t.txt").feed.articles[0]
    facts = extract_article(article, "t")
    out = autocharts.AutoCharts()
    autocharts.series_charts(article, "t", facts, out, set())
    assert [s.title for s in out.specs] == [
        "Kindergarten classes tell the same story, 2021 to 2024, as the article states them"]


def test_plain_numbers_axis_says_what_they_count():
    """"District enrollment was 1,284 in 2021, …": the axis said "Value (as stated)"."""
    text = ("Normal view\n\nT\n\n6 March 2026 at 07:00\n\nDistrict enrollment was 1,284 in "
            "2021, 1,251 in 2022, 1,230 in 2023 and 1,198 in 2024.\n")
    article = read(text, source="t.txt").feed.articles[0]
    out = autocharts.AutoCharts()
    autocharts.series_charts(article, "t", extract_article(article, "t"), out, set())
    assert [s.axis for s in out.specs] == ["District enrollment (as stated)"]


def test_a_note_glued_to_a_cell_loses_no_later_marker():
    """Note 1's marker is glued to a table cell ("161" for 16 and note 1), where no marker
    is read; note 2's, after it in the prose ("… 29 March.2"), was lost with it."""
    text = copy(f"Month{T}CU %{T}Others", f"January{T}36{T}15", f"February{T}35{T}14",
                f"March{T}35{T}161", before="The averages.")
    text = text.replace("That is all for this month.\n",
                        "The latest firm reported last, with its fieldwork ending on Sunday 29 "
                        "March.2\n\n1\n\nIncludes one poll "
                        "with no date.\n\n2\n\nThe last poll of the month.\n")
    article, stem, facts = tables_of(text)
    marked = {n for b in article.blocks for _, n in getattr(b, "marks", ())}
    assert marked == {2}
    (t,) = facts.tables
    assert [c.header for c in t.columns] == ["CU %"]  # ("Others" may hold note 1's marker)


def test_a_tables_lead_in_names_it_and_gives_its_unit():
    """"Where the 2026-27 general fund goes ($ millions):" over "Category | Amount" with
    "112.4": the chart was "Amount by category" with bare numbers."""
    article, stem, facts = tables_of(copy(
        f"Category{T}Amount", f"Salaries and benefits{T}112.4", f"Operations{T}18.2",
        f"Transport{T}7.9", before="Where the 2026-27 general fund goes ($ millions):"))
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    (spec,) = out.specs
    assert spec.title == ("Where the 2026-27 general fund goes ($ millions), as the table "
                          "gives them")
    assert spec.axis == "Amount ($ millions)"


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", "£", "$", "€", "A$"]),
       st.sampled_from(["", "%", " ms", " km"]), st.booleans())
def test_a_number_written_with_its_groups_reads_back(n, cur, unit, negative):
    """Whatever the number, written as a table writes it ("−£1,204,310", "12,500 km"), it
    reads back as itself, with its currency and unit."""
    cell = ("−" if negative else "") + cur + f"{n:,}" + unit
    value, currency, got_unit = _value(cell, _CELLS["."], ".")
    assert value == (-n if negative else n)
    assert (currency, got_unit) == (cur, unit.strip())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=2, max_size=4), min_size=4, max_size=8))
def test_any_table_gives_figures_that_quote_their_rows(rows):
    """Hostile cells never break the reading, and every charted cell is its row's own."""
    from datetime import datetime

    from newsbook.extract.tables import table_figures
    from newsbook.model import Article, Table
    width = max(len(r) for r in rows)
    t = Table(tuple(tuple(c.replace("\t", " ") for c in r) + ("",) * (width - len(r))
                    for r in rows), 3)
    art = Article("T", datetime(2026, 1, 1), (t,), (), 1)
    got = table_figures(art, "t", t, ".")
    for col in got.columns if got else ():
        for c in col.cells:
            assert c.stated in got.quotes[c.row if c.src < 0 else c.src]


def test_a_table_on_its_side_draws_a_line_per_measure():
    """"Measure | 2023 | 2024 | 2025", a row per measure: each row is a line over the years
    (every header was a number, so no column was charted), each value quoting its row."""
    article, stem, facts = tables_of(copy(
        f"Measure{T}2023{T}2024{T}2025", f"Revenue ($m){T}120{T}135{T}150",
        f"Staff{T}40{T}42{T}45", f"Total{T}160{T}177{T}195"))
    (t,) = facts.tables
    assert t.periods and t.labels == ("2023", "2024", "2025")
    assert [c.header for c in t.columns] == ["Revenue ($m)", "Staff"]
    revenue = t.columns[0]
    assert [(t.labels[c.row], c.value, t.quotes[c.src]) for c in revenue.cells] == [
        ("2023", 120, f"Revenue ($m){T}120{T}135{T}150"),
        ("2024", 135, f"Revenue ($m){T}120{T}135{T}150"),
        ("2025", 150, f"Revenue ($m){T}120{T}135{T}150")]
    assert t.lines[0] + 1 == t.lines[1]  # (each value's line is its own row's)
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    (spec,) = out.specs
    # (revenue in $m and a head count are two measures: a button each, its own axis)
    assert spec.kind == "grouped" and spec.facet == "column" and spec.orientation == "v"
    rows = out.datasets[spec.dataset].splitlines()[1:]
    assert len(rows) == 6 and all("Revenue" in r or "Staff" in r for r in rows)
    # (its years are categories: drawn as a number line they were ticked "2,023.5")
    import io
    import pandas as pd
    from newsbook.charts.kinds.grouped import render
    fig = render(spec, pd.read_csv(io.StringIO(out.datasets[spec.dataset]), dtype={"label": str}))
    assert fig.layout.xaxis.type == "category"


def test_columns_whose_headers_give_one_unit_share_a_line_chart():
    """"Month | Civic Union % | Green Left %" over bare numbers: one unit, so one axis."""
    article, stem, facts = tables_of(copy(
        f"Month{T}Civic Union %{T}Green Left %", f"January{T}38{T}14", f"February{T}36{T}15",
        f"March{T}35{T}17"))
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    (spec,) = out.specs
    assert (spec.kind, spec.group, spec.axis) == ("series", "column", "%")


def test_a_stress_tables_ranks_averages_estimates_and_order():
    """From a made-up data letter's tables: a rank ("1.") names no row and "Prev. rank" is no
    measure; "Velland average" is no row; "2025-26e" is a period of a table on its side;
    years newest first are drawn in time; a lead-in's "(2025, provisional)" is no unit,
    and "Staff (FTE)" gets none from "(€ millions)"."""
    rows = [("Pos.", "Club", "Points", "Prev. rank"), ("1.", "FC Arnhold", "52", "2"),
            ("2.", "Kessel Rovers", "50", "1"), ("3.", "Sundby Athletic", "49", "3"),
            ("4.", "Velland average", "47", "4")]
    html = "<p>The table.</p><table>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
    export = json.dumps({"id": "feed/1", "title": "T", "items": [
        {"id": "1", "title": "League", "published": 1767225600,
         "alternate": [{"href": "https://t.example/p/1"}], "content": {"content": html}}]})
    article = read_json(export, source="t.json").feed.articles[0]
    (t,) = extract_article(article, "league").tables
    assert t.labels == ("FC Arnhold", "Kessel Rovers", "Sundby Athletic")
    assert [c.header for c in t.columns] == ["Points"]
    article, stem, facts = tables_of(copy(
        f"{T}2022-23{T}2023-24{T}2024-25{T}2025-26e", f"Receipts (€bn){T}141.2{T}148.9{T}155.3"
        f"{T}161.0", f"Debt (% of GDP){T}71.8{T}72.9{T}73.4{T}73.1"))
    (t,) = facts.tables
    assert t.periods and t.labels[-1] == "2025-26e"
    assert [c.header for c in t.columns] == ["Receipts (€bn)", "Debt (% of GDP)"]
    article, stem, facts = tables_of(copy(
        f"Year{T}Stores", f"2025{T}212", f"2024{T}205", f"2023{T}198"))
    (t,) = facts.tables
    assert t.labels == ("2023", "2024", "2025")
    assert [x.value for x in t.columns[0].cells] == [198, 205, 212]
    article, stem, facts = tables_of(copy(
        f"Project{T}Budget{T}Staff (FTE)", f"Tram{T}412{T}140", f"Depot{T}85{T}22",
        f"Clinics{T}133{T}37", before="Where the capital budget goes (€ millions):"))
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    assert out.specs[0].axis == {"Budget": "Budget (€ millions)", "Staff (FTE)": "Staff (FTE)"}
    article, stem, facts = tables_of(copy(
        f"Region{T}GVA{T}Jobs", f"Ostmark{T}48{T}12", f"Harrow{T}44{T}9", f"Sundby{T}41{T}7",
        before="Regions ranked by output per head (2025, provisional):"))
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    assert out.specs[0].axis == {"GVA": "GVA", "Jobs": "Jobs"}


def test_a_scorecards_extras_row_is_no_batter():
    article, stem, facts = tables_of(copy(
        f"Batter{T}R{T}B", f"A. Danvers-Lyle{T}61{T}70", f"L. Corrigan{T}18{T}22",
        f"P. Moss{T}40{T}51", f"Extras{T}22{T}", f"Total{T}141{T}"))
    assert facts.tables[0].labels == ("A. Danvers-Lyle", "L. Corrigan", "P. Moss")


def test_a_notes_mark_on_a_rows_label_keeps_the_table():
    """"2026[1]": a footnote's mark on the last year's label read as no period, and the
    table had no chart."""
    article, stem, facts = tables_of(copy(
        f"Year{T}30-year fixed{T}15-year fixed", f"2022{T}5.34%{T}4.58%",
        f"2023{T}6.81%{T}6.11%", f"2024{T}6.72%{T}5.99%", f"2026[1]{T}6.18%{T}5.41%"))
    (t,) = facts.tables
    assert t.labels == ("2022", "2023", "2024", "2026") and t.periods


def test_a_mark_that_qualifies_a_row_stays_on_its_label():
    """"2026*" under a note "* January to June only": the chart drew a bar labelled "2026",
    half a year's figure beside whole years, with nothing to say so."""
    article, stem, facts = tables_of(copy(
        f"Year{T}Exports ($bn)", f"2023{T}41.2", f"2024{T}44.0", f"2025 (p){T}47.5",
        f"2026*{T}23.1", "", "* January to June only."))
    (t,) = facts.tables
    assert t.labels == ("2023", "2024", "2025 (p)", "2026*") and t.periods


def test_a_table_whose_article_does_not_settle_its_mark_charts_no_marked_number():
    """A German article with no decimal comma elsewhere: "3.420" (3,420 €) was charted as
    3.42. Its marked numbers are left out, as its prose's are; "k. A." states nothing."""
    def german(*rows: str, extra: str = "") -> str:
        return ("Normal view\n\nBauzeit: März\n\n12 March 2026 at 08:15\n\nDie Baukosten der "
                "Projekte sind in der Tabelle unten aufgeführt, für jedes Jahr und jedes "
                f"Projekt.{extra}\n\n" + "\n".join(rows) + "\n\nDas ist alles für diesen "
                "Monat, und wir danken Ihnen für das Lesen.\n")
    rows = (f"Projekt{T}2023{T}2024", f"Franklin-Süd{T}3.420{T}3.310",
            f"Käfertal-Mitte{T}3.380{T}3.205", f"Neckarau{T}2.990{T}3.050")
    assert tables_of(german(*rows))[2].tables == ()
    (t,) = tables_of(german(f"Stadt{T}Miete", f"Leipzig{T}k.\u00a0A.", f"Köln{T}12,40",
                            f"Bonn{T}10,10", f"Kiel{T}9,80",
                            extra=" Sie stiegen um 3,4 %."))[2].tables
    assert [c.value for c in t.columns[0].cells] == [12.4, 10.1, 9.8]


def test_rows_of_one_kind_by_years_across_the_top_are_bars_side_by_side():
    """"City | 2024 | 2025 | Change": each city's two years side by side on one axis (it
    had no chart); the change, of another kind, is left to the table."""
    article, stem, facts = tables_of(copy(
        f"City{T}2024{T}2025{T}Change", f"Paris{T}1,210{T}1,262{T}+4.3%",
        f"Lyon{T}640{T}701{T}+9.5%", f"Lille{T}390{T}402{T}+3.1%"))
    (t,) = facts.tables
    assert [(c.header, [x.value for x in c.cells]) for c in t.columns] == [
        ("2024", [1210, 640, 390]), ("2025", [1262, 701, 402])]
    out = autocharts.AutoCharts()
    tablecharts.table_charts(article, stem, facts, out, set())
    (spec,) = out.specs
    assert (spec.kind, spec.colour, spec.facet, spec.axis) == ("grouped", "column", "", "Value")


def test_a_venue_closed_for_a_year_keeps_its_other_years():
    """"Clee Mill Arts Centre | 19,642 | closed | 21,780": the venue the text singles out was
    left off the chart, for its "closed" year; that year states no value, the others stay."""
    article, stem, facts = tables_of(copy(
        f"Venue{T}2022{T}2023{T}2024{T}2025",
        f"Ludbridge Museum{T}41,200{T}43,950{T}47,310{T}49,020",
        f"Clee Mill Arts Centre{T}19,642{T}closed{T}21,780{T}33,015",
        f"Kingsford Gallery{T}12,480{T}13,020{T}15,560{T}16,110"))
    (t,) = facts.tables
    (clee,) = [c for c in t.columns if c.header == "Clee Mill Arts Centre"]
    assert [(x.row, x.value) for x in clee.cells] == [(0, 19642), (2, 21780), (3, 33015)]


def test_a_bold_title_over_a_table_titles_its_chart_and_dates_nothing():
    """An e-mail's table under "**Visitor numbers by venue, 2022–2025 (calendar years)**":
    its chart was "4 columns of figures by venue" and the title's years an event; a bold
    sentence with its full stop still states its date."""
    from datetime import datetime, timezone
    from newsbook.model import Article
    from newsbook.readers.html import html_blocks
    rows = "".join(f"<tr><td>{v}</td><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>"
                   for v, a, b, c, d in (("Ludbridge Museum", "41,200", "43,950", "47,310",
                                          "49,020"), ("Kingsford Gallery", "12,480", "13,020",
                                                      "15,560", "16,110"),
                                         ("Clee Mill", "9,100", "9,950", "10,020", "11,600")))
    blocks, notes, _ = html_blocks(
        "<p>Our venues had a record year.</p><p><strong>Visitor numbers by venue, 2022–2025 "
        "(calendar years)</strong></p><table><tr><td>Venue</td><td>2022</td><td>2023</td>"
        f"<td>2024</td><td>2025</td></tr>{rows}</table><p><strong>The museum closed on 3 May "
        "2024.</strong></p>")
    art = Article("T", datetime(2026, 1, 15, tzinfo=timezone.utc), tuple(blocks),
                  tuple(notes), 1, end_line=9, source="x.xml", rich=True)
    facts = extract_article(art, "t")
    assert [d.when for d in facts.dates] == ["3 May 2024"]
    out = autocharts.AutoCharts()
    tablecharts.table_charts(art, "t", facts, out, set())
    assert [s.title for s in out.specs] == [
        "Visitor numbers by venue, 2022–2025 (calendar years), as the table gives them"]


def test_a_row_that_opens_with_a_totals_word_is_a_row_still():
    """"All-purpose flour" was left off a price chart as an "All" row (and "Net sales",
    "Average shelf price" would have been)."""
    article, stem, facts = tables_of(copy(
        f"Ingredient{T}2023{T}2024{T}2025", f"All-purpose flour{T}$0.52{T}$0.55{T}$0.58",
        f"Butter{T}$4.10{T}$4.45{T}$5.20", f"Cocoa{T}$6.80{T}$8.90{T}$11.40",
        f"All items{T}$11.42{T}$13.90{T}$17.18"))
    (t,) = facts.tables
    assert [c.header for c in t.columns] == ["All-purpose flour", "Butter", "Cocoa"]


def test_a_column_of_games_played_is_not_charted():
    """A league table "Team | P | W | D | L | Pts": its chart opened on "P" (22, 22, 21 …),
    games played, which says nothing a bar could; the other columns are charted."""
    article, stem, facts = tables_of(copy(
        f"Team{T}P{T}W{T}D{T}L{T}Pts", f"Ashby{T}22{T}15{T}4{T}3{T}49",
        f"Kettleford Town{T}22{T}13{T}5{T}4{T}44", f"Hadley Rovers{T}21{T}12{T}3{T}6{T}39",
        f"Upper Mill{T}22{T}9{T}6{T}7{T}33", f"Stoke Ferry{T}21{T}5{T}4{T}12{T}19"))
    (t,) = facts.tables
    assert [c.header for c in t.columns] == ["W", "D", "L", "Pts"]
