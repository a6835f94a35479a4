"""Kind ``share``: parts of a whole as a donut, each slice labelled as stated."""
from __future__ import annotations

import html

import plotly.graph_objects as go

from ._common import HOVER, PALETTE, customdata


def render(spec, df) -> go.Figure:
    df = df.reset_index(drop=True)
    fig = go.Figure(go.Pie(
        labels=[html.escape(str(v)) for v in df[spec.label]], values=df[spec.value],
        hole=0.55, sort=False, direction="clockwise", textinfo="label+percent",
        marker=dict(colors=PALETTE[:len(df)]), customdata=customdata(df, spec.label),
        hovertemplate=HOVER))
    if spec.centre:
        fig.update_layout(annotations=[dict(text=html.escape(spec.centre), x=0.5, y=0.5,
                                            showarrow=False, font=dict(size=14))])
    fig.update_layout(height=420, showlegend=False, uniformtext=dict(minsize=11, mode="hide"))
    return fig
