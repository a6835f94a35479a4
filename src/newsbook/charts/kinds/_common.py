"""Shared pieces for the chart kinds: palette, quote hovers, value labels, notes.

Every hover shows the verbatim quote and its feed line (or external source), so a
reader can check any point against the text."""
from __future__ import annotations

import html
import math
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442",
             "#0072B2", "#D55E00", "#CC79A7", "#000000"]
#: readable order for lanes/categories (yellow last: weak contrast on white)
#: (Okabe-Ito black swapped for grey: black vanishes on the dark theme)
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999", "#F0E442"]
HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>"


def text(value) -> str:
    """Cell as text ('' for NaN/None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def wrap(value, width: int = 64) -> str:
    """HTML-escaped text wrapped with <br> for hover labels."""
    # (wrapped before it is escaped: a break inside "&lt;" showed "&" and "lt;" as text)
    return "<br>".join(html.escape(ln) for ln in textwrap.wrap(text(value), width)) or ""


def provenance(row) -> str:
    """Hover body: the verbatim quote plus where it comes from."""
    parts = [wrap("“" + text(row.get("quote")) + "”")]
    line, url = text(row.get("line")), text(row.get("source_url"))
    if line:
        parts.append(f"<i>feed line {int(float(line))}</i>")
    elif url:
        parts.append("<i>" + wrap(f"{text(row.get('publisher'))}, accessed {text(row.get('accessed'))}") + "</i>")
    if text(row.get("precision")) == "lower_bound":
        parts.append("<i>Lower bound: the text says “at least”; the start may be earlier.</i>")
    if text(row.get("derived")):
        parts.append("<i>" + wrap("Derived: " + text(row["derived"])) + "</i>")
    if text(row.get("note")):
        parts.append("<i>" + wrap("Note: " + text(row["note"])) + "</i>")
    return "<br>".join(parts)


def customdata(df: pd.DataFrame, label_col: str) -> list[list[str]]:
    """[[label, provenance], ...] for ``HOVER``."""
    out = []
    for _, r in df.iterrows():
        row = [html.escape(text(r[label_col])), provenance(r)]
        link = link_of(r)
        if link:  # the chart loader opens a trailing chapter URL on click
            row.append(link)
        out.append(row)
    return out


def fmt(value: float) -> str:
    """Number with thousands separators, no trailing .0."""
    v = float(value)
    return f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _parts(value):
    s = text(value).strip()
    if re.fullmatch(r"\d{4}\.0", s):
        s = s[:4]
    m = _DATE.match(s)
    if not m:
        return None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) else None), (int(m.group(3)) if m.group(3) else None)


def year_start(value) -> float | None:
    """Decimal year at the start of a YYYY / YYYY-MM / YYYY-MM-DD date."""
    p = _parts(value)
    if p is None:
        return None
    y, m, d = p
    return y + ((m or 1) - 1) / 12 + ((d or 1) - 1) / 365


def year_end(value) -> float | None:
    """Decimal year at the end of the period a date names."""
    p = _parts(value)
    if p is None:
        return None
    y, m, d = p
    if m is None:
        return y + 1.0
    if d is None:
        return y + m / 12
    return y + (m - 1) / 12 + d / 365


def note(fig: go.Figure, message: str, y: float | None = None) -> None:
    """A note under the chart (plotly markup; ``<br>`` and tags become plain text).

    Notes are stored in ``layout.meta["nb_notes"]``; the book renders them as
    HTML paragraphs under the plot (they wrap on any screen and never collide
    with legends), the live figure as an annotation in its bottom margin
    (:mod:`newsbook.charts.render`). ``y`` is accepted for compatibility.
    """
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    notes = list(meta.get("nb_notes", [])) + [message]
    fig.update_layout(meta={**meta, "nb_notes": notes})


def lane_buttons(fig: go.Figure, lanes: list[str], trace_lanes: list[str], label: str = "Show") -> None:
    """Dropdown that shows all lanes or one lane (trace visibility)."""
    if len(lanes) < 2:
        return
    buttons = [dict(label="All", method="update", args=[{"visible": [True] * len(trace_lanes)}])]
    for lane in lanes:
        buttons.append(dict(label=lane, method="update",
                            args=[{"visible": [t == lane for t in trace_lanes]}]))
    fig.update_layout(updatemenus=[dict(type="dropdown", buttons=buttons, x=0, y=1.12,
                                        xanchor="left", yanchor="bottom", showactive=True)],
                      annotations=list(fig.layout.annotations) + [dict(
                          text=label, xref="paper", yref="paper", x=0, y=1.12, xanchor="right",
                          yanchor="bottom", showarrow=False)])


def link_of(row) -> str:
    """Chapter-relative URL of a row's paragraph (a click on its point opens it).

    A paragraph's own anchor ``p-<stem>-<n>`` is written ``#~<n>``: the chart loader
    expands it from the page name. On the timeline that is 13 kB of its 90 kB figure."""
    stem, anchor = text(row.get("chapter")).strip(), text(row.get("anchor")).strip()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", stem):
        return ""
    if anchor and re.fullmatch(r"[a-z][a-z0-9-]*", anchor):
        n = anchor[len(stem) + 3:] if anchor.startswith(f"p-{stem}-") else ""
        return f"chapters/{stem}.html#" + (f"~{n}" if n.isdigit() else anchor)
    return f"chapters/{stem}.html"


def value_label(row, value: str, qualifier: str = "", label_text: str = "",
                unit: str = "") -> str:
    """The label printed by a bar or point: the stated text if a column holds it,
    else qualifier + number (never rounded beyond what fmt shows)."""
    if label_text and text(row.get(label_text)).strip():
        return text(row.get(label_text)).strip()
    q = text(row.get(qualifier)).strip() if qualifier else ""
    u = text(row.get(unit)).strip() if unit else ""
    number = fmt(row[value]) + ("%" if u == "%" else f" {u}" if u else "")
    return (q + " " if q and q != "reference" else "") + number


def label_room(labels: list[str], longest_value: float, px: int = 640) -> float:
    """Axis maximum that leaves room for outside value labels, so none is clipped:
    ~7 px per character on a plot about ``px`` wide."""
    chars = max((len(s) for s in labels), default=4)
    frac = min(0.6, (chars * 7 + 12) / px)
    return longest_value / (1 - frac) if longest_value > 0 else 1.0


def value_range(labels: list[str], values: list[float], px: int = 640) -> list[float]:
    """[low, high] of a bar axis with room for every outside label, on both sides of zero
    when some values are below it ("−1.8%": its bar runs left, its label beyond its end);
    [0, :func:`label_room`] when none is."""
    low = min(values, default=0)
    if low >= 0:
        return [0, label_room(labels, max(values, default=0), px)]
    high = max(max(values, default=0), 0)
    chars = max((len(s) for s in labels), default=4)
    frac = min(0.3, (chars * 7 + 12) / px)
    whole = (high - low) / (1 - (2 if high > 0 else 1) * frac)
    return [low - frac * whole, high + frac * whole if high > 0 else 0]


def wrap_label(value, width: int = 22) -> str:
    """Category tick text wrapped with <br> (plotly escapes nothing in ticks: escape)."""
    return "<br>".join(html.escape(ln, quote=False)
                       for ln in textwrap.wrap(text(value), width)) or " "


def axis_title(value, width: int = 42) -> str:
    """An axis title wrapped with <br> (a long one, "Weekday ridership on the Ostvik tram
    network (as stated)", was cut at the figure's edge), escaped as tick text is."""
    return wrap_label(value, width) if len(text(value)) > width else text(value)


def toggle(fig: go.Figure, names: list[str], trace_names: list[str], *, control: str = "buttons",
           axis_titles: dict[str, str] | None = None, axis: str = "xaxis",
           all_label: str = "", ranges: dict[str, list[float]] | None = None) -> None:
    """A menu that shows one group of traces at a time (and switches the axis title)."""
    if len(names) < 2:
        return
    buttons = []
    if all_label:
        buttons.append(dict(label=all_label, method="update",
                            args=[{"visible": [True] * len(trace_names)}]))
    for name in names:
        relayout = {f"{axis}.title.text": axis_titles[name]} if axis_titles else {}
        if ranges and name in ranges:  # each view gets the axis its own values need
            relayout[f"{axis}.range"] = ranges[name]
        buttons.append(dict(label=name, method="update",
                            args=[{"visible": [t == name for t in trace_names]}, relayout]))
    fig.update_layout(updatemenus=[dict(type=control, direction="right" if control == "buttons"
                                        else "down", x=0, y=1.02, xanchor="left",
                                        yanchor="bottom", buttons=buttons, showactive=True)],
                      margin=dict(t=64))
