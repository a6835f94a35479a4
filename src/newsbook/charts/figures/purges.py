"""Charts for "CCP Purges as Camp": Bo Xilai timeline, Chongqing funnel, Wang Lijun."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import HOVER, PALETTE, customdata, fmt, hbar, note, text, timeline

CH = "2025-12-15-ccp-purges-as-camp"


@chart("bo_xilai_rise_fall", dataset="bo_xilai_timeline", chapter=CH,
       title="The rise and fall of Bo Xilai, 1967–2024",
       summary="Timeline in four lanes (Bo Xilai, Wang Lijun, Gu Kailai and Neil Heywood, others) "
               "from Bo's detention in 1967–1972 to his life sentence in 2013 and his son's marriage in 2024.",
       controls=True, widget={"filter": "lane"})
def bo_xilai_rise_fall(df: pd.DataFrame) -> go.Figure:
    return timeline(df, "The rise and fall of Bo Xilai, 1967–2024")


@chart("chongqing_funnel", dataset="chongqing_campaign", chapter=CH,
       title="Chongqing's 'Smashing Black' campaign: from arrests to executions",
       summary="Funnel of nearly 5,000 arrests, 3,273 people prosecuted, 520 convictions (cases) and "
               "65 people executed or given life sentences; later reports called the numbers exaggerated.")
def chongqing_funnel(df: pd.DataFrame) -> go.Figure:
    stages = df[df["kind"] == "funnel"].reset_index(drop=True)
    top = float(stages["count"].max()) if len(stages) else 1.0
    labels = [(text(r["qualifier"]) + " " if text(r["qualifier"]) else "") + fmt(r["count"]) + " " + text(r["unit"])
              for _, r in stages.iterrows()]
    fig = go.Figure(go.Bar(
        orientation="h", y=stages["stage"], x=stages["count"], base=[(top - v) / 2 for v in stages["count"]],
        text=labels, textposition="outside", cliponaxis=False, marker_color=PALETTE[1],
        customdata=customdata(stages, "stage"), hovertemplate=HOVER))
    fig.update_layout(title="Chongqing's 'Smashing Black' campaign: from arrests to executions",
                      xaxis=dict(title="Count (people, or cases for convictions); bars centred",
                                 showticklabels=False, range=[-0.1 * top, 1.25 * top]),
                      yaxis=dict(autorange="reversed"), height=420, showlegend=False)
    ctx = df[df["kind"] == "context"]
    bits = [f"{fmt(r['count'])} {text(r['unit'])}" for _, r in ctx.iterrows()]
    msg = ("Context (same paragraph): " + ", ".join(bits) + ". " if bits else "")
    note(fig, msg + "<br>The article warns that later reports claimed these numbers were heavily "
                    "exaggerated. Convictions are counted in cases, the other stages in people.", y=-0.12)
    return fig


@chart("wang_lijun_resume", dataset="wang_lijun_resume", chapter=CH,
       title="Wang Lijun's résumé, by the numbers",
       summary="Log-scale bars: more than 20 camera assistants, 51 secretaries in two years, more than "
               "10 honorary professorships, 5 law books, 18 research projects and more than 119 patents.")
def wang_lijun_resume(df: pd.DataFrame) -> go.Figure:
    fig = hbar(df, "item", "value", "Wang Lijun's résumé, by the numbers",
               "Count (log scale)", colour=PALETTE[3], qualifier="qualifier", log=True)
    note(fig, "Books and research projects are state-media claims, as the article says.", y=-0.2)
    return fig
