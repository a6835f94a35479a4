"""Charts for "Where Japan Goes Next": the 2025 upper-house result and LDP leaders' entry years."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import HOVER, PALETTE, customdata, fmt, note, text

CH = "2025-07-24-where-japan-goes-next"
SEAT_TYPES = [("district", "District seats", "#0072B2"),
              ("proportional", "Proportional-representation seats", "#E69F00"),
              ("total (split not given)", "Seats (split not given)", "#999999")]


@chart("japan_upper_house_2025", dataset="japan_upper_house_2025", chapter=CH,
       title="Japan's House of Councillors election, 20 July 2025: seats won by party",
       summary="Stacked bars of seats won in the 125-seat contest: LDP 39 (27 district, 12 proportional), "
               "CDP 22, DPFP 17, Sanseitō 14, Kōmeitō 8, Ishin 7, Communists 3, Reiwa 3, others 12. "
               "External data: Overview Press, The Japan Times, CCTV.",
       controls=True, widget={"filter": "seat_type"})
def japan_upper_house_2025(df: pd.DataFrame) -> go.Figure:
    parties = list(dict.fromkeys(df["party"]))
    fig = go.Figure()
    shown = []
    for key, name, colour in SEAT_TYPES:
        rows = df[df["seat_type"] == key]
        if rows.empty:
            continue
        fig.add_trace(go.Bar(orientation="h", y=rows["party"], x=rows["seats"], name=name,
                             marker_color=colour, text=[fmt(v) for v in rows["seats"]],
                             textposition="inside", customdata=customdata(rows, "party"),
                             hovertemplate=HOVER))
        shown.append(key)
    total = int(df["seats"].sum())
    fig.update_layout(title="Japan's House of Councillors election, 20 July 2025: seats won by party",
                      barmode="stack", height=560,
                      xaxis=dict(title=f"Seats won (shown: {total} seats)"),
                      yaxis=dict(categoryorder="array", categoryarray=parties[::-1]),
                      )
    if len(shown) > 1:
        labels = {"district": "District only", "proportional": "Proportional only",
                  "total (split not given)": "Split not given"}
        buttons = [dict(label="All seats", method="update", args=[{"visible": [True] * len(shown)}])]
        buttons += [dict(label=labels[k], method="update", args=[{"visible": [s == k for s in shown]}])
                    for k in shown]
        fig.update_layout(updatemenus=[dict(type="dropdown", direction="down", buttons=buttons,
                                            x=0, y=1.04, xanchor="left", yanchor="bottom")])
    note(fig, "External data (the article's results image was lost): Overview Press, The Japan Times and a "
              "CCTV report, accessed 2026-11-29. Minor parties and independents have no district/PR split "
              "in these sources.", y=-0.3)
    return fig


@chart("ldp_leaders_entry", dataset="ldp_leaders_entry", chapter=CH,
       title="Japan's recent prime ministers entered politics in the 1980s and '90s",
       summary="Dot plot: Ishiba entered politics in 1986, Abe and Kishida were elected in 1993 and Suga "
               "in 1996; the 'young' face of change, Kobayashi, is 50, and Asō is 84.")
def ldp_leaders_entry(df: pd.DataFrame) -> go.Figure:
    entry = df[df["metric"] == "entered politics"].reset_index(drop=True)
    fig = go.Figure(go.Scatter(
        x=entry["value"], y=entry["person"], mode="markers+text", text=[fmt(v) for v in entry["value"]],
        textposition="middle right", marker=dict(size=16, color=PALETTE[0]),
        customdata=customdata(entry, "person"), hovertemplate=HOVER))
    ages = df[df["metric"] == "age"]
    age_txt = "; ".join(f"{text(r['person'])}: {fmt(r['value'])} years old" for _, r in ages.iterrows())
    fig.update_layout(title="Japan's recent prime ministers entered politics in the 1980s and '90s",
                      xaxis=dict(title="Year entered politics / first elected", range=[1980, 2002],
                                 dtick=5),
                      yaxis=dict(autorange="reversed"), height=360, showlegend=False)
    if age_txt:
        note(fig, "Ages cited: " + age_txt + " (Kobayashi was the 'young' face of generational change).",
             y=-0.3)
    return fig
