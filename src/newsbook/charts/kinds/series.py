"""Kind ``series``: values over time, one line per ``group``, each point labelled
exactly as the text states it (qualifier included). Periods are categories in
source order, so years never print with a thousands separator; a year the text gives
no value for keeps its slot, and the line breaks there: uneven gaps are neither
squeezed nor interpolated into a trend the text does not give."""
from __future__ import annotations

import plotly.graph_objects as go

from ._common import HOVER, PALETTE, axis_title, customdata, label_room, text, value_label


def render(spec, df) -> go.Figure:
    df = df.reset_index(drop=True)
    groups = list(dict.fromkeys(df[spec.group].astype(str))) if spec.group else [""]
    periods = _with_gaps(list(dict.fromkeys(text(p) for p in df[spec.period])))
    fig, top, low = go.Figure(), 0.0, 0.0
    for i, group in enumerate(groups):
        rows = df[df[spec.group].astype(str) == group] if spec.group else df
        top = max(top, max((float(v) for v in rows[spec.value]), default=0))
        low = min(low, min((float(v) for v in rows[spec.value]), default=0))
        for k, run in enumerate(_runs(rows, spec.period, periods)):
            xs = [text(p) for p in run[spec.period]]
            fig.add_trace(go.Scatter(
                x=xs, y=[float(v) for v in run[spec.value]], mode="lines+markers+text",
                name=group or spec.axis, legendgroup=group or spec.axis, showlegend=k == 0,
                text=[value_label(r, spec.value, spec.qualifier, spec.text, spec.unit)
                      for _, r in run.iterrows()],
                textposition=[_position(x, periods) for x in xs], cliponaxis=False,
                line=dict(color=PALETTE[i % len(PALETTE)], width=2),
                marker=dict(size=10, color=PALETTE[i % len(PALETTE)]),
                customdata=customdata(run, spec.period), hovertemplate=HOVER))
    fig.update_layout(
        xaxis=dict(title="", type="category", categoryorder="array", categoryarray=periods),
        # (from zero, or from below the lowest value: "−12.4% in 2022" was drawn off the chart)
        yaxis=dict(title=axis_title(spec.axis), rangemode="tozero",
                   range=[low * 1.2 if low < 0 else 0, top * 1.2 if top > 0 else 1]),
        showlegend=len(groups) > 1, height=420)
    _ = label_room
    return fig


#: the most years a gap is drawn across (a wider span keeps the stated years only)
MAX_YEARS = 60


def _with_gaps(periods: list[str]) -> list[str]:
    """Plain years in order with the years between them that the text gives no value for
    ("2021, 2022, 2024, 2025" has a slot for 2023): a gap is as wide as its years, not
    drawn as one step like the others."""
    if not all(len(p) == 4 and p.isdigit() for p in periods) or len(periods) < 2:
        return periods
    years = [int(p) for p in periods]
    if years != sorted(years) or years[-1] - years[0] > MAX_YEARS:
        return periods
    return [str(y) for y in range(years[0], years[-1] + 1)]


def _runs(rows, period: str, periods: list[str]) -> list:
    """A line's rows cut where a period between them has no value: each run is drawn as a
    line of its own, so no line crosses a gap as if the text gave the years in it."""
    at = [periods.index(text(p)) if text(p) in periods else -1 for p in rows[period]]
    cuts = [k for k in range(1, len(at)) if at[k] != at[k - 1] + 1]
    bounds = [0, *cuts, len(at)]
    return [rows.iloc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _position(period: str, periods: list[str]) -> str:
    """Labels at the plot's edges lean inwards: centred over the first or last period they
    would spill over the value axis's ticks or out of the figure."""
    if len(periods) > 1 and period == periods[0]:
        return "top right"
    if len(periods) > 1 and period == periods[-1]:
        return "top left"
    return "top center"
