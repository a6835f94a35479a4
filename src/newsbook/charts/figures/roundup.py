"""Charts for the "Hovercraft Invasion, Labubu, Tea" roundup."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import HOVER, PALETTE, customdata, fmt, note, text

CH = "2025-06-20-hovercraft-invasion-labubu-tea"
AXIS = {"Shares (%)": "Percent", "Growth (%)": "Percent growth", "People (millions)": "Million people"}


@chart("genz_numbers", dataset="genz_numbers", chapter=CH,
       title="China's Gen Z by the numbers",
       summary="Bars with a menu: shares (Gen Z is 40% of consumption; over 62% of National Museum "
               "visitors are under 35), growth (RedNote users up 28%, Pop Mart overseas revenue up 375%) "
               "and head-counts (270 million Gen Z, over 500 million anime, comics and gaming fans).",
       controls=True, widget={"filter": "group"})
def genz_numbers(df: pd.DataFrame) -> go.Figure:
    groups = list(dict.fromkeys(df["group"]))
    fig = go.Figure()
    for i, grp in enumerate(groups):
        rows = df[df["group"] == grp]
        fig.add_trace(go.Bar(
            orientation="h", y=rows["indicator"], x=rows["value"], name=grp, visible=(i == 0),
            text=[(text(q) + " " if text(q) else "") + fmt(v) for q, v in zip(rows["qualifier"], rows["value"])],
            textposition="outside", cliponaxis=False, marker_color=PALETTE[i % len(PALETTE)],
            customdata=customdata(rows, "indicator"), hovertemplate=HOVER))
    fig.update_layout(title="China's Gen Z by the numbers", showlegend=False, height=420,
                      xaxis=dict(title=AXIS.get(groups[0], "") if groups else ""),
                      yaxis=dict(autorange="reversed"), margin=dict(r=80))
    if len(groups) > 1:
        fig.update_layout(updatemenus=[dict(type="dropdown", x=0, y=1.1, xanchor="left", yanchor="bottom",
                                            buttons=[dict(label=g, method="update",
                                                          args=[{"visible": [h == g for h in groups]},
                                                                {"xaxis.title.text": AXIS.get(g, "")}])
                                                     for g in groups])])
    return fig


@chart("ekranoplan_capacity", dataset="ekranoplan_capacity", chapter=CH,
       title="Soviet ekranoplans vs the smaller Chinese craft",
       summary="Bars: the US Navy estimated some Soviet ekranoplans could carry up to 850 troops; "
               "China's DXF-100, Albatross-5 and Neptune-1 hold 15 to 20 passengers.")
def ekranoplan_capacity(df: pd.DataFrame) -> go.Figure:
    labels = [f"{fmt(lo)}–{fmt(hi)} {text(u)}" if lo != hi else f"up to {fmt(hi)} {text(u)}"
              for lo, hi, u in zip(df["capacity_low"], df["capacity_high"], df["unit"])]
    fig = go.Figure(go.Bar(orientation="h", y=df["craft"], x=df["capacity_high"], text=labels,
                           textposition="outside", cliponaxis=False, marker_color=PALETTE[0],
                           customdata=customdata(df, "craft"), hovertemplate=HOVER))
    fig.update_layout(title="Soviet ekranoplans vs the smaller Chinese craft", showlegend=False,
                      xaxis=dict(title="People carried (upper end of the stated range)"),
                      yaxis=dict(autorange="reversed"), height=320, margin=dict(r=160))
    note(fig, "The Soviet figure is an upper bound ('up to'); it could alternatively be two tanks.", y=-0.35)
    return fig
