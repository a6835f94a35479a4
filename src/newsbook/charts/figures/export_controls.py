"""Charts for "The Cold War History of Export Controls"."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import HOVER, customdata, fmt, note, text, timeline

CH = "2025-05-30-the-cold-war-history-of-export-controls"


@chart("export_controls_timeline", dataset="export_controls_timeline", chapter=CH,
       title="Forty-five years of CoCom: the institution, the leaks and the one big crackdown",
       summary="Timeline with a lane menu: CoCom from 1949 to 1994 (end derived from '45 years'), the 1952 "
               "CIA memo on ChinCom, the Bruchhausen smuggling of 1977–1980, the 1983 VAX diversion, the "
               "Toshiba-Kongsberg case of 1982–1984 and the 1987 sledgehammer protest.",
       controls=True, widget={"filter": "lane"})
def export_controls_timeline(df: pd.DataFrame) -> go.Figure:
    fig = timeline(df, "Forty-five years of CoCom: the institution, the leaks and the one big crackdown")
    fig.update_xaxes(range=[1945, 1998], dtick=5)
    return fig


@chart("cocom_reexport", dataset="cocom_reexport", chapter=CH,
       title="17 CoCom members, one re-export regime",
       summary="Waffle of 17 squares, one per CoCom member state: only the United States imposed "
               "re-export controls.")
def cocom_reexport(df: pd.DataFrame) -> go.Figure:
    get = {text(r["group"]): r for _, r in df.iterrows()}
    us = get.get("Imposed re-export controls (the US)")
    rest = get.get("Did not impose re-export controls")
    fig = go.Figure()
    n_us = int(us["members"]) if us is not None else 0
    n_rest = int(rest["members"]) if rest is not None else 0
    cells = [(i % 6, i // 6) for i in range(n_us + n_rest)]
    for row, n0, n, name, colour in [(us, 0, n_us, "United States: imposed re-export controls", "#D55E00"),
                                     (rest, n_us, n_rest, "Other members (not named in the text)", "#56B4E9")]:
        if row is None or n == 0:
            continue
        pts = cells[n0:n0 + n]
        cd = customdata(pd.DataFrame([row]), "group")[0]
        fig.add_trace(go.Scatter(x=[p[0] for p in pts], y=[p[1] for p in pts], mode="markers", name=name,
                                 marker=dict(symbol="square", size=34, color=colour),
                                 customdata=[cd] * n, hovertemplate=HOVER))
    fig.update_layout(title="17 CoCom members, one re-export regime", height=330,
                      xaxis=dict(visible=False, range=[-0.7, 5.7]),
                      yaxis=dict(visible=False, autorange="reversed", range=[-0.7, 2.7]),
                      )
    total = get.get("All CoCom member states")
    if total is not None:
        note(fig, f"{fmt(total['members'])} member states; each square is one member (names not given in the text).",
             y=-0.2)
    return fig
