"""Kind ``dumbbell``: each ``label`` as a segment from its first to its last ``period``.

For a change between two dates (before/after). Value labels sit above each end.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ._common import HOVER, PALETTE, customdata, text, value_label, wrap_label


def render(spec, df) -> go.Figure:
    df = df.reset_index(drop=True)
    fig = go.Figure()
    for label, rows in df.groupby(spec.label, sort=False):
        rows = rows.sort_values(spec.period)
        fig.add_trace(go.Scatter(x=rows[spec.value], y=[wrap_label(label)] * len(rows),
                                 mode="lines", line=dict(color="#999999", width=3),
                                 hoverinfo="skip", showlegend=False))
    periods = sorted(df[spec.period].astype(str).unique())
    for i, period in enumerate(periods):
        rows = df[df[spec.period].astype(str) == period]
        fig.add_trace(go.Scatter(
            x=rows[spec.value], y=[wrap_label(v) for v in rows[spec.label]],
            mode="markers+text", name=text(period),
            text=[value_label(r, spec.value, "", spec.text) for _, r in rows.iterrows()],
            textposition="top center", cliponaxis=False,
            marker=dict(size=16, color=PALETTE[i % len(PALETTE)]),
            customdata=customdata(rows, spec.label), hovertemplate=HOVER))
    vals = [float(v) for v in df[spec.value]]
    pad = (max(vals) - min(vals)) * 0.08 if vals else 1
    fig.update_layout(xaxis=dict(title=spec.axis, range=[min(0, min(vals, default=0)),
                                                         max(vals, default=1) + pad]),
                      yaxis=dict(title="", automargin=True),
                      legend=dict(title=spec.period.replace("_", " ").capitalize()),
                      height=180 + 90 * df[spec.label].nunique())
    return fig
