"""Automatic charts of tables: the figures :mod:`newsbook.extract.tables` reads from a
table's columns -> a tidy dataset and one chart spec per table, placed after it.

Apart from :mod:`newsbook.autocharts` (whose pieces it uses) as a family of its own, the
one a chapter file turns off with ``suppress: [tables]``.
"""
from __future__ import annotations

import re

from .autocharts import (AutoCharts, _csv, _num, _spec, _upper_first, dataset_name, lead_in,
                         sections)
from .model import Article
from .plan.charts import Bars, Grouped, Series

TABLE_COLUMNS = ["table", "column", "label", "value", "stated", "quote", "line", "chapter",
                 "anchor", "derived", "note"]


def table_charts(article: Article, stem: str, facts, out: AutoCharts,
                 covered_lines: set[int]) -> bool:
    """A chart of each table of figures (:mod:`newsbook.extract.tables`), after the table:
    a line per column over periods given in one measure, else bars (one column) or bars
    with a button per column, each column on its own axis (values in different units are
    never drawn on one axis)."""
    rows, made = [], False
    lanes = sections(article, stem) if facts.tables else {}
    for i, t in enumerate(facts.tables, start=1):
        if set(t.lines) <= covered_lines:
            continue  # a curated chart already draws these rows
        tid = f"t{i}"
        for col in t.columns:
            for c in col.cells:
                rows.append({"table": tid, "column": col.header, "label": t.labels[c.row],
                             "value": _num(c.value), "stated": c.stated,
                             "quote": t.quotes[c.row if c.src < 0 else c.src],
                             "line": t.lines[c.row if c.src < 0 else c.src], "chapter": stem,
                             "anchor": t.anchor,
                             "derived": f"the table's column “{col.header}”", "note": ""})
        out.specs.append(_table_spec(article, stem, t, tid, lanes.get(t.anchor, "")))
        made = True
    if made:
        name = dataset_name(stem, "tables")
        out.datasets[name], out.columns[name] = _csv(TABLE_COLUMNS, rows), TABLE_COLUMNS
    return made


def _axis_of(col, unit: str = "") -> str:
    """"Median price (£)": a column's header and what its numbers are in, unless it says
    (``unit``: what the line leading into the table says they are in, for bare numbers
    under a header that gives none: "Staff (FTE)" are no € millions)."""
    m = col.measure or ("" if _header_unit(col.header) else unit)
    return f"{col.header} ({m})" if m and m not in col.header else col.header


#: the unit a column's header gives its bare numbers: "Civic Union %", "Revenue ($m)"
_HEADER_UNIT = re.compile(r"(?:\(([^()]{1,12})\)|\s(%))\s*$")


#: a column header that is a year or a season ("2024", "2025-26")
YEAR_HEADER = re.compile(r"^(?:1[5-9]|20)\d\d(?:[-–/]\d\d(?:\d\d)?)?$")


def _header_unit(header: str) -> str:
    m = _HEADER_UNIT.search(header)
    return (m.group(1) or m.group(2)).strip() if m else ""


#: the unit a lead-in gives its table in brackets: "Where the fund goes ($ millions):"
_PAREN_UNIT = re.compile(r"\(((?:[$£€¥]|%|per ?cent|(?:[$£€¥]\s?)?(?:thousands?|millions?|bn"
                         r"|billions?|m|k))[^()]{0,12})\)\s*:?$", re.I)


def _table_spec(article: Article, stem: str, t, tid: str, section: str = ""):
    from .writers.escape import clean
    headers = [c.header for c in t.columns]
    by = t.label_header or "row"
    by = by if by[:2].isupper() else by[:1].lower() + by[1:]  # ("by suburb", "by GDP band")
    what = headers[0] if len(headers) == 1 else ", ".join(headers[:-1]) + " and " + headers[-1]
    if len(what) > 60:
        what = f"{len(headers)} columns of figures"
    lead = lead_in(article, stem, t.anchor)
    paren = _PAREN_UNIT.search(lead)
    unit = paren.group(1).strip() if paren else ""
    listed = "; ".join(f"{t.labels[c.row]}: {c.stated}" for c in t.columns[0].cells[:12])
    more = " …" if len(t.columns[0].cells) > 12 else ""
    common = dict(
        key=dataset_name(stem, f"tables_{tid}").removeprefix("auto_"),
        dataset=dataset_name(stem, "tables"), chapter=stem, where={"table": tid},
        after=clean(t.text), auto="tables",
        # (the section it stands in tells two tables of one shape apart: "Mayor", "City
        # Council" each had "Votes and Percent by candidate")
        # (or the words leading into it: "Where the 2026-27 general fund goes ($ millions)")
        title=f"{lead}, as the table gives them" if lead else
        (f"{section}: " if section and len(section) <= 60 else "")
        + f"{_upper_first(what) if not section else what} by {by}, as the table gives them",
        summary=f"The table's figures drawn from its rows ({t.columns[0].header}: "
                f"{listed}{more}); hover for each row as the table gives it.")
    # (one axis only for one unit: bare numbers of two columns, "Revenue ($m)" and "Staff",
    # are two measures, each on its own axis)
    # (years across the top, "City | 2024 | 2025", are one measure: each year's bars side
    # by side on one axis)
    one_measure = len({c.measure or _header_unit(c.header)
                       or ("" if YEAR_HEADER.match(c.header) else c.header)
                       for c in t.columns}) == 1
    if t.periods and one_measure:
        return _spec(Series, kind="series", **common, period="label", value="value",
                     text="stated", group="column" if len(headers) > 1 else "",
                     axis=_axis_of(t.columns[0], unit) if len(headers) == 1 else
                     _upper_first(t.columns[0].measure or _header_unit(t.columns[0].header)
                                  or unit or "value"))
    if len(headers) == 1:
        return _spec(Bars, kind="bars", **common, label="label", value="value", text="stated",
                     axis=_axis_of(t.columns[0], unit), colour_index=4)
    if one_measure:
        return _spec(Grouped, kind="grouped", **common, label="label", value="value",
                     colour="column", text="stated",
                     axis=_axis_of(t.columns[0], unit) if not YEAR_HEADER.match(headers[0])
                     else _upper_first(t.columns[0].measure or unit or "value"),
                     orientation="h")
    return _spec(Grouped, kind="grouped", **common, label="label", value="value",
                 facet="column", text="stated",
                 axis={c.header: _axis_of(c, unit) for c in t.columns},
                 orientation="v" if t.periods else "h")
