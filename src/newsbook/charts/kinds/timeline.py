"""Kind ``timeline``: swim lanes of dated statements.

Only a date given to the day is drawn as a dot. Anything coarser -- a month, a
year, a decade, "late 2022", a range -- is drawn as a span over the whole period
it names, so the chart never claims more precision than the text. Lower bounds
("since at least 2019") and derived or planned dates are hatched. Undated rows
are listed under the chart instead of being placed.
"""
from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from ._common import HOVER, PALETTE, customdata, lane_buttons, note, text, year_end, year_start

SOFT = {"planned", "lower_bound", "derived", "approximate"}
#: precisions whose years are all whole (no range between two points in time)
WHOLE_YEARS = {"decade", "century"}


def _is_year(value) -> bool:
    return len(text(value).strip()) == 4


def spans(df: pd.DataFrame, start: str, end: str, precision: str):
    """(row, x0, x1, is_point, soft) per dated row; undated rows separately.

    A range between two bare years ("1967-1972", "from 1949 to 1976") runs from the
    middle of the first year to the middle of the last, so five years draw as five
    (the text does not say which months); one bare year spans the whole year, and so do a
    decade's and a century's years ("the 1950s" is 1950 to the end of 1959: drawn from its
    middle years, it was nine years long and left a gap before "the 1960s")."""
    out, undated = [], []
    for _, r in df.iterrows():
        s = year_start(r[start])
        end_value = r[end] if end and text(r.get(end)).strip() else r[start]
        e = year_end(end_value)
        prec = text(r.get(precision)).strip() if precision else ""
        if (s is not None and _is_year(r[start]) and _is_year(end_value)
                and text(end_value).strip() != text(r[start]).strip()
                and prec not in WHOLE_YEARS):
            s, e = s + 0.5, year_start(end_value) + 0.5
        if s is None or e is None:
            undated.append(r)
            continue
        point = prec == "day" or (not prec and len(text(r[start]).strip()) == 10
                                  and (not end or text(r.get(end)).strip() in ("", text(r[start]))))
        soft = bool(text(r.get("derived")).strip()) or prec in SOFT
        out.append((r, s, max(e, s + 1 / 365), point, soft))
    return out, undated


def yr(value: float) -> float:
    """A position in years to 4 decimals (under an hour): 2018.9166666666667 is drawn
    where 2018.9167 is, in half the bytes of a figure file with hundreds of them."""
    return round(value, 4)


def render(spec, df) -> go.Figure:
    df = df.reset_index(drop=True)
    if spec.layout == "rows":
        return render_rows(spec, df)
    lane_col = spec.lane
    lanes_present = list(dict.fromkeys(df[lane_col].astype(str))) if lane_col else [" "]
    order = [la for la in (spec.lanes or lanes_present) if la in lanes_present] or lanes_present
    fig, trace_lanes, undated_all, placed = go.Figure(), [], [], []
    for i, lane in enumerate(order):
        colour = PALETTE[i % len(PALETTE)]
        rows = df[df[lane_col].astype(str) == lane] if lane_col else df
        items, undated = spans(rows, spec.start, spec.end, spec.precision)
        undated_all += undated
        placed += items
        bars = [it for it in items if not it[3]]
        dots = [it for it in items if it[3]]
        if bars:
            sub = pd.DataFrame([r for r, *_ in bars])
            fig.add_trace(go.Bar(
                orientation="h", y=[lane] * len(bars), base=[yr(s) for _, s, *_ in bars],
                x=[yr(e - s) for _, s, e, *_ in bars], name=lane, legendgroup=lane, width=0.5,
                marker=dict(color=colour, opacity=0.55, line=dict(color=colour, width=1),
                            pattern=dict(shape=["/" if soft else "" for *_, soft in bars])),
                customdata=customdata(sub, spec.label), hovertemplate=HOVER, showlegend=False))
            trace_lanes.append(lane)
        if dots:
            sub = pd.DataFrame([r for r, *_ in dots])
            fig.add_trace(go.Scatter(
                x=[yr((s + e) / 2) for _, s, e, *_ in dots], y=[lane] * len(dots), mode="markers",
                name=lane, legendgroup=lane, showlegend=False,
                marker=dict(color=colour, size=12, line=dict(width=2, color=colour),
                            symbol=["circle-open" if soft else "circle" for *_, soft in dots]),
                customdata=customdata(sub, spec.label), hovertemplate=HOVER))
            trace_lanes.append(lane)
    lo = min((it[1] for it in placed), default=0)
    hi = max((it[2] for it in placed), default=1)
    fig.update_layout(barmode="overlay", height=170 + 56 * len(order), showlegend=False,
                      xaxis=_x_axis(spec.axis, lo, hi, labels=False),
                      yaxis=dict(autorange="reversed", title="", automargin=True,
                                 showticklabels=bool(lane_col)))
    if spec.controls and lane_col:
        lane_buttons(fig, order, trace_lanes, label="Lanes ")
    msgs = ["Bars span the whole period a date names (a year, a month, 'late 2022', a "
            "range); dots are dates given to the day. Hatched or open: derived, planned or "
            "a lower bound (see hover)."]
    if undated_all:
        msgs.append("Undated in the text: " + "; ".join(
            html.escape(text(r[spec.label])) for r in undated_all) + ".")
    note(fig, " ".join(msgs))
    return fig


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
#: spans shorter than this many years get month ticks (year ticks would be one or two)
SHORT_SPAN = 2.0


#: steps between year ticks, the smallest giving at most :data:`YEAR_TICKS` ticks is used
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500)
YEAR_TICKS = 8


def _x_axis(title: str, lo: float, hi: float, labels: bool = True) -> dict:
    """The years axis over ``[lo, hi]`` (fractional years), with room on the right for
    the rows' labels (``labels``, :func:`render_rows`). Years are ticked on whole years
    only: plotly's own ticks fall on half years, which "d" then rounds ("2025, 2026,
    2026" under bars of mid-2024 and mid-2025). A span of under two years (a few weeks of
    posts, say) is ticked by month ("Nov 2026"), since whole years would give it one or two."""
    span = hi - lo
    if span >= SHORT_SPAN:
        pad = span * 0.04 + 0.5
        left, right = lo - pad, hi + (span * 0.22 + 1 if labels else pad)
        step = next((k for k in YEAR_STEPS if (right - left) / k <= YEAR_TICKS), 1000)
        return dict(title=title, tickformat="d", hoverformat=".1f", range=[left, right],
                    tick0=0, dtick=step)
    left = lo - max(span * 0.08, 1 / 24)
    right = hi + (span * 0.4 + 2 / 12 if labels else max(span * 0.08, 1 / 24))
    # at most six ticks, so that "Nov 2026" labels never touch on a phone
    step = next(k for k in (1, 2, 3, 6, 12) if (right - left) * 12 / k <= 6)
    vals = [m / 12 for m in range(math.ceil(left * 12), math.floor(right * 12) + 1)
            if m % step == 0 and left <= yr(m / 12) <= right]
    return dict(title="Date" if title == "Year" else title, hoverformat=".2f",
                range=[left, right],
                tickvals=[yr(v) for v in vals],
                ticktext=[f"{_MONTHS[round(v * 12) % 12]} {math.floor(v + 1e-9)}" for v in vals])


def render_rows(spec, df) -> go.Figure:
    """One row per statement, in date order, coloured by lane: many spans that would
    hide each other in one lane stay readable. Rows are unlabelled (hover tells)."""
    items, undated = spans(df, spec.start, spec.end, spec.precision)
    items.sort(key=lambda it: (it[1], it[2]))
    lanes = list(dict.fromkeys(text(r.get(spec.lane)) for r, *_ in items)) if spec.lane else [""]
    height = min(900, 170 + 16 * len(items))
    labelled = (height - 170) / max(1, len(items)) >= 14  # room for a label on every row
    fig = go.Figure()
    for i, lane in enumerate(lanes):
        colour = PALETTE[i % len(PALETTE)]
        mine = [(n, it) for n, it in enumerate(items)
                if not spec.lane or text(it[0].get(spec.lane)) == lane]
        bars = [(n, it) for n, it in mine if not it[3]]
        dots = [(n, it) for n, it in mine if it[3]]
        if bars:
            sub = pd.DataFrame([it[0] for _, it in bars])
            fig.add_trace(go.Bar(
                orientation="h", y=[n for n, _ in bars], base=[yr(it[1]) for _, it in bars],
                x=[yr(it[2] - it[1]) for _, it in bars], name=_legend(lane) or "Dated statements",
                legendgroup=lane, width=0.7, showlegend=bool(spec.lane) and len(lanes) > 1,
                text=[_when(it[0], spec) if labelled else "" for _, it in bars],
                textposition="outside",
                cliponaxis=False, textfont=dict(size=11),
                marker=dict(color=colour, opacity=0.7,
                            pattern=dict(shape=["/" if it[4] else "" for _, it in bars])),
                customdata=customdata(sub, spec.label), hovertemplate=HOVER))
        if dots:
            sub = pd.DataFrame([it[0] for _, it in dots])
            fig.add_trace(go.Scatter(
                x=[yr((it[1] + it[2]) / 2) for _, it in dots], y=[n for n, _ in dots],
                mode="markers+text" if labelled else "markers",
                name=_legend(lane) or "Dated statements",
                legendgroup=lane, text=[_when(it[0], spec) for _, it in dots],
                textposition="middle right",
                textfont=dict(size=11), cliponaxis=False,
                showlegend=False, marker=dict(color=colour, size=9),
                customdata=customdata(sub, spec.label), hovertemplate=HOVER))
    lo = min((it[1] for it in items), default=0)
    hi = max((it[2] for it in items), default=1)
    fig.update_layout(barmode="overlay", height=height,
                      showlegend=bool(spec.lane) and len(lanes) > 1,
                      legend=dict(orientation="h", y=-0.15),
                      xaxis=_x_axis(spec.axis, lo, hi),
                      yaxis=dict(autorange="reversed", showticklabels=False, title="",
                                 showgrid=False, zeroline=False, ticks=""))
    msgs = ["One row per dated statement, earliest first. Bars span the whole period a date "
            "names (a year, a month, 'late 2022', a range); dots are dates given to the day."]
    if undated:
        msgs.append("Undated: " + "; ".join(html.escape(text(r[spec.label])) for r in undated))
    note(fig, " ".join(msgs))
    return fig


def _legend(lane: str, width: int = 30) -> str:
    """A legend entry short enough for a phone-wide plot (piece titles can be long)."""
    lane = text(lane)
    return html.escape(lane if len(lane) <= width else lane[:width - 1].rstrip() + "…",
                       quote=False)


def _when(row, spec) -> str:
    """The date as the text gives it (a ``when`` column), else as stored: a period by
    its whole (a quarter's start alone, "2025-01", reads as January)."""
    value = text(row.get("when")).strip() or _stored(row, spec)
    return html.escape(value if len(value) <= 24 else value[:23] + "…", quote=False)


def _date_text(value) -> str:
    """A stored date as text: a year a table read as a number is "1949", not "1949.0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text(value).strip()


def _stored(row, spec) -> str:
    """``Q1 2025``, ``H2 2026``, ``2019 to 2023``, or the one date stored."""
    start, end = _date_text(row.get(spec.start)), _date_text(row.get(spec.end) if spec.end else "")
    precision = text(row.get(spec.precision)).strip() if spec.precision else ""
    if precision in ("quarter", "half") and len(start) == 7 and start[5:].isdigit():
        month = int(start[5:])
        return (f"Q{(month - 1) // 3 + 1} {start[:4]}" if precision == "quarter"
                else f"H{1 if month <= 6 else 2} {start[:4]}")
    return f"{start} to {end}" if end and end != start else start
