"""Charts for "How Hangzhou Spawned DeepSeek and Unitree"."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import HOVER, PALETTE, customdata, fmt, hbar, note, text, timeline

CH = "2025-07-09-how-hangzhou-spawned-deepseek-and-unitree"


@chart("vc_fundraising", dataset="vc_fundraising", chapter=CH,
       title="China's VC fundraising collapsed, 2022 → 2024",
       summary="Dumbbell: RMB-denominated funds fell from 88.42 to 5.38 billion US dollars and "
               "USD-denominated funds from 17.32 to 0.75 billion between 2022 and 2024.",
       controls=True, widget={"filter": "fund_type"})
def vc_fundraising(df: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    for fund, rows in df.groupby("fund_type", sort=False):
        rows = rows.sort_values("year")
        fig.add_trace(go.Scatter(x=rows["value_usd_bn"], y=[fund] * len(rows), mode="lines",
                                 line=dict(color="#999999", width=3), hoverinfo="skip", showlegend=False))
    for i, (year, rows) in enumerate(df.groupby("year", sort=True)):
        fig.add_trace(go.Scatter(
            x=rows["value_usd_bn"], y=rows["fund_type"], mode="markers+text", name=str(year),
            text=["$" + fmt(v) + "B" for v in rows["value_usd_bn"]],
            textposition="top center", marker=dict(size=16, color=[PALETTE[1], PALETTE[0]][i % 2]),
            customdata=customdata(rows.assign(label=rows["fund_type"] + ", " + str(year)), "label"),
            hovertemplate=HOVER))
    fig.update_layout(title="China's VC fundraising collapsed, 2022 → 2024", height=380,
                      xaxis=dict(title="VC fundraising for Chinese companies (USD billion)", type="log"),
                      yaxis=dict(title=""), legend=dict(title="Year"),
                      updatemenus=[dict(type="buttons", direction="right", x=0, y=1.1, xanchor="left",
                                        yanchor="bottom", buttons=[
                                            dict(label="Log scale", method="relayout", args=[{"xaxis.type": "log"}]),
                                            dict(label="Linear scale", method="relayout",
                                                 args=[{"xaxis.type": "linear"}])])])
    return fig


@chart("elite_universities", dataset="elite_universities", chapter=CH,
       title="Elite '211' universities: Beijing 26, Jiangsu 11, Shanghai 10, Zhejiang 1",
       summary="Bars: Beijing has 26 universities in the national 211 project, Jiangsu 11, Shanghai 10 "
               "and Zhejiang only one, Zhejiang University.")
def elite_universities(df: pd.DataFrame) -> go.Figure:
    return hbar(df, "region", "universities", "Elite '211' universities by province or city",
                "Universities in the 211 project", colour=PALETTE[4])


@chart("pku_tsinghua_admissions", dataset="pku_tsinghua_admissions", chapter=CH,
       title="Odds of a place at Peking or Tsinghua University, 2024: Beijing vs Zhejiang",
       summary="Grouped bars of admission rates: Beijing 0.85% and Zhejiang 0.09% as stated, 0.853% and "
               "0.094% recomputed from 580 of 68,000 and 380 of 405,000; the stated 9.5-times ratio is "
               "about 9.1 times from the counts.")
def pku_tsinghua_admissions(df: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    for i, measure in enumerate(["admission rate (stated)", "admission rate (recomputed)"]):
        rows = df[df["measure"] == measure]
        if rows.empty:
            continue
        fig.add_trace(go.Bar(x=rows["region"], y=rows["value"], name=measure.capitalize(),
                             text=[fmt(v) + "%" for v in rows["value"]], textposition="outside",
                             marker=dict(color=PALETTE[i], pattern=dict(shape="/" if i else "")),
                             customdata=customdata(rows, "region"), hovertemplate=HOVER))
    fig.update_layout(title="Odds of a place at Peking or Tsinghua University, 2024", barmode="group",
                      yaxis=dict(title="Admission rate (% of examinees)"), height=440,
                      )
    ratios = {text(r["measure"]): fmt(r["value"]) for _, r in df.iterrows() if "ratio" in text(r["measure"])}
    if ratios:
        note(fig, f"Contradiction: the article says Beijing's rate is {ratios.get('ratio (stated)', '?')} times "
                  f"Zhejiang's; its own counts give about {ratios.get('ratio (recomputed)', '?')} times "
                  "(derived). Hatched bars are recomputed from the counts.", y=-0.3)
    return fig


@chart("hangzhou_timeline", dataset="hangzhou_timeline", chapter=CH,
       title="Hangzhou's road to DeepSeek",
       summary="Timeline from Zhejiang's private-enterprise push in the 1980s and Alibaba's founding (the "
               "article gives late 1990s, 1998 and 2000) to the DeepSeek moment in early 2025.",
       widget={"filter": "lane"})
def hangzhou_timeline(df: pd.DataFrame) -> go.Figure:
    fig = timeline(df, "Hangzhou's road to DeepSeek", controls=False)
    if df["note"].astype(str).str.contains("Contradiction").any():
        note(fig, "Contradiction: for Alibaba's founding the article says 2000, 1998 and "
                  "'the late 1990s'; all three are shown.")
    return fig


@chart("industrial_gain", dataset="industrial_gain", chapter=CH,
       title="Hangzhou's industrial gain was less than half of Shenzhen's (2023)",
       summary="Two bars: industrial gain in 2023 of 2,107.4 billion yuan in Hangzhou (12th among major "
               "cities) and 4,851.0 billion yuan in Shenzhen.")
def industrial_gain(df: pd.DataFrame) -> go.Figure:
    return hbar(df, "city", "value_rmb_bn", "Hangzhou's industrial gain was less than half of Shenzhen's (2023)",
                "Industrial gain, 2023 (RMB billion)", colour=PALETTE[2])
