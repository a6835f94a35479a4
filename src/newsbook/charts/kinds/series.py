"""Kind ``series``: values over time, one line per ``group``, each point labelled
exactly as the text states it (qualifier included). Periods are categories in
source order, so years never print with a thousands separator and uneven gaps
are not interpolated into a trend the text does not give."""
from __future__ import annotations

import plotly.graph_objects as go

from ._common import HOVER, PALETTE, customdata, label_room, text, value_label


def render(spec, df) -> go.Figure:
    df = df.reset_index(drop=True)
    groups = list(dict.fromkeys(df[spec.group].astype(str))) if spec.group else [""]
    periods = list(dict.fromkeys(text(p) for p in df[spec.period]))
    fig, top, low = go.Figure(), 0.0, 0.0
    for i, group in enumerate(groups):
        rows = df[df[spec.group].astype(str) == group] if spec.group else df
        labels = [value_label(r, spec.value, spec.qualifier, spec.text, spec.unit) for _, r in rows.iterrows()]
        vals = [float(v) for v in rows[spec.value]]
        xs = [text(p) for p in rows[spec.period]]
        top = max(top, max(vals, default=0))
        low = min(low, min(vals, default=0))
        fig.add_trace(go.Scatter(
            x=xs, y=vals, mode="lines+markers+text", name=group or spec.axis, text=labels,
            textposition=[_position(x, periods) for x in xs], cliponaxis=False,
            line=dict(color=PALETTE[i % len(PALETTE)], width=2),
            marker=dict(size=10, color=PALETTE[i % len(PALETTE)]),
            customdata=customdata(rows, spec.period), hovertemplate=HOVER))
    fig.update_layout(
        xaxis=dict(title="", type="category", categoryorder="array", categoryarray=periods),
        # (from zero, or from below the lowest value: "−12.4% in 2022" was drawn off the chart)
        yaxis=dict(title=spec.axis, rangemode="tozero",
                   range=[low * 1.2 if low < 0 else 0, top * 1.2 if top > 0 else 1]),
        showlegend=len(groups) > 1, height=420)
    _ = label_room
    return fig


def _position(period: str, periods: list[str]) -> str:
    """Labels at the plot's edges lean inwards: centred over the first or last period they
    would spill over the value axis's ticks or out of the figure."""
    if len(periods) > 1 and period == periods[0]:
        return "top right"
    if len(periods) > 1 and period == periods[-1]:
        return "top left"
    return "top center"
