"""Kind ``bars``: one horizontal bar per row, labelled with the value as stated.

For at least three comparable values of one measure. The axis leaves room for
every outside label (no label is clipped) and a log axis says so in its title.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ._common import HOVER, PALETTE, customdata, value_label, value_range, wrap_label


def render(spec, df) -> go.Figure:
    df = df.reset_index(drop=True)
    labels = [value_label(r, spec.value, spec.qualifier, spec.text, spec.unit) for _, r in df.iterrows()]
    values = [float(v) for v in df[spec.value]]
    axis = dict(title=spec.axis + (" (log scale)" if spec.log and "log" not in spec.axis else ""))
    if spec.log:
        axis["type"] = "log"
    else:
        axis["range"] = value_range(labels, values)
        if values and all(float(v).is_integer() for v in values) and max(values) <= 12:
            axis["dtick"] = 1  # counts: no half-steps on the axis
    fig = go.Figure(go.Bar(
        orientation="h", y=[wrap_label(v) for v in df[spec.label]], x=values, text=labels,
        textposition="outside", cliponaxis=False,
        marker_color=PALETTE[spec.colour_index % len(PALETTE)],
        customdata=customdata(df, spec.label), hovertemplate=HOVER))
    fig.update_layout(xaxis=axis, yaxis=dict(autorange="reversed", automargin=True),
                      height=150 + 48 * len(df), showlegend=False)
    return fig
