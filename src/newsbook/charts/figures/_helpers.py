"""Shared pieces for the figure modules: palette, quote hovers, timelines, bars."""
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
    return "<br>".join(textwrap.wrap(html.escape(text(value)), width)) or ""


def provenance(row) -> str:
    """Hover body: the verbatim quote plus where it comes from."""
    parts = [wrap("“" + text(row.get("quote")) + "”")]
    line, url = text(row.get("line")), text(row.get("source_url"))
    if line:
        parts.append(f"<i>feed line {int(float(line))}</i>")
    elif url:
        parts.append("<i>" + wrap(f"{text(row.get('publisher'))}, accessed {text(row.get('accessed'))}") + "</i>")
    if text(row.get("derived")):
        parts.append("<i>" + wrap("Derived: " + text(row["derived"])) + "</i>")
    if text(row.get("note")):
        parts.append("<i>" + wrap("Note: " + text(row["note"])) + "</i>")
    return "<br>".join(parts)


def customdata(df: pd.DataFrame, label_col: str) -> list[list[str]]:
    """[[label, provenance], ...] for ``HOVER``."""
    return [[html.escape(text(r[label_col])), provenance(r)] for _, r in df.iterrows()]


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


def timeline(df: pd.DataFrame, title: str, *, lanes: list[str] | None = None,
             controls: bool = True, xtitle: str = "Year") -> go.Figure:
    """Swim-lane timeline: ranges as floating bars, one-off events as markers.

    Derived or planned dates are drawn hatched / with open markers. Undated rows are
    listed under the chart instead of being placed on the axis.
    """
    df = df.reset_index(drop=True)
    order = lanes or list(dict.fromkeys(df["lane"].astype(str)))
    order = [la for la in order if la in set(df["lane"].astype(str))]
    fig = go.Figure()
    trace_lanes: list[str] = []
    undated = []
    for i, lane in enumerate(order):
        colour = PALETTE[i % len(PALETTE)]
        rows = df[df["lane"].astype(str) == lane]
        ranges, points = [], []
        for _, r in rows.iterrows():
            s, e = year_start(r["start"]), year_end(r["end"])
            if s is None:
                undated.append(r)
                continue
            soft = bool(text(r.get("derived"))) or text(r.get("precision")) == "planned"
            if text(r["start"]) != text(r["end"]) and e is not None:
                ranges.append((r, s, e, soft))
            else:
                points.append((r, (s + (e if e is not None else s + 1)) / 2, soft))
        if ranges:
            sub = pd.DataFrame([r for r, *_ in ranges])
            fig.add_trace(go.Bar(
                orientation="h", y=[lane] * len(ranges), base=[s for _, s, _, _ in ranges],
                x=[e - s for _, s, e, _ in ranges], name=lane, legendgroup=lane,
                marker=dict(color=colour, opacity=0.55,
                            pattern=dict(shape=["/" if soft else "" for *_, soft in ranges])),
                customdata=customdata(sub, "event"), hovertemplate=HOVER, width=0.5,
                showlegend=not points))
            trace_lanes.append(lane)
        if points:
            sub = pd.DataFrame([r for r, *_ in points])
            fig.add_trace(go.Scatter(
                x=[x for _, x, _ in points], y=[lane] * len(points), mode="markers", name=lane,
                legendgroup=lane,
                marker=dict(color=colour, size=13, line=dict(width=2, color=colour),
                            symbol=["circle-open" if soft else "circle" for *_, soft in points]),
                customdata=customdata(sub, "event"), hovertemplate=HOVER))
            trace_lanes.append(lane)
    # each lane is labelled on the y axis, so a colour legend would repeat it
    fig.update_layout(title=title, barmode="overlay", height=150 + 62 * len(order),
                      xaxis=dict(title=xtitle), showlegend=False,
                      yaxis=dict(autorange="reversed", title=""))
    if controls:
        lane_buttons(fig, order, trace_lanes, label="Lanes ")
    msgs = ["Hatched bars / open circles: date derived from the text or planned (see hover)."]
    if undated:
        msgs.append("Undated in the text: " + "; ".join(html.escape(text(r["event"])) for r in undated) + ".")
    note(fig, " ".join(msgs))
    return fig


def hbar(df: pd.DataFrame, label: str, value: str, title: str, xtitle: str, *,
         colour: str = "#0072B2", qualifier: str | None = None, log: bool = False) -> go.Figure:
    """Horizontal bar chart of ``value`` by ``label`` with quote hovers and value labels."""
    df = df.reset_index(drop=True)
    labels = []
    for _, r in df.iterrows():
        q = text(r.get(qualifier)) if qualifier else ""
        labels.append((q + " " if q and q not in ("reference",) else "") + fmt(r[value]))
    fig = go.Figure(go.Bar(orientation="h", y=df[label].astype(str), x=df[value], text=labels,
                           textposition="outside", marker_color=colour, cliponaxis=False,
                           customdata=customdata(df, label), hovertemplate=HOVER))
    fig.update_layout(title=title, xaxis=dict(title=xtitle, type="log" if log else "linear"),
                      yaxis=dict(autorange="reversed"), height=160 + 55 * len(df),
                      showlegend=False, margin=dict(r=80))
    return fig
