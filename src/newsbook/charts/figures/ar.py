"""Charts for "China's Hundred Lens War": AR prices, IDC global shares, China AR vs VR shipments."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import HOVER, PALETTE, customdata, fmt, note, text

CH = "2025-05-28-chinas-hundred-lens-war"
SYMBOL = {"USD": "US$", "RMB": "¥"}


@chart("ar_glasses_prices", dataset="ar_glasses_prices", chapter=CH,
       title="What AR glasses cost: the Five Little Dragons' pictured models vs Meta",
       summary="Bars of featured prices: XREAL One Pro 599 dollars, Meizu StarV View 2,799 yuan (about 388 "
               "dollars), INMO GO 379, Rokid Max 359, RayNeo Air 3s 239, against Meta Ray-Ban from 299 "
               "dollars and the typical Chinese range of 2,000–4,000 yuan (about 275–550 dollars).",
       controls=True, widget={"filter": "currency"})
def ar_glasses_prices(df: pd.DataFrame) -> go.Figure:
    currencies = [c for c in ("USD", "RMB") if c in set(df["currency"])]
    fig = go.Figure()
    shapes, trace_cur = {}, []
    band_label = "Typical range in China (most models)"
    for i, cur in enumerate(currencies):
        rows = df[(df["currency"] == cur) & df["kind"].isin(["product", "comparator"])]
        rows = rows.sort_values("price", ascending=False)
        labels = [text(m) + (" (Meta)" if text(b) == "Meta" else "") for m, b in zip(rows["model"], rows["brand"])]
        fig.add_trace(go.Bar(
            orientation="h", y=labels, x=rows["price"], name=cur, visible=(i == 0),
            marker_color=[PALETTE[1] if k == "comparator" else PALETTE[0] for k in rows["kind"]],
            text=[(text(q) + " " if text(q) else "") + SYMBOL[cur] + fmt(v) for q, v in zip(rows["qualifier"], rows["price"])],
            textposition="outside", cliponaxis=False,
            customdata=customdata(rows.assign(label=labels), "label"), hovertemplate=HOVER))
        trace_cur.append(cur)
        band = df[(df["currency"] == cur) & (df["kind"] == "band")].sort_values("price")
        if len(band) == 2:
            lo, hi = float(band["price"].iloc[0]), float(band["price"].iloc[1])
            fig.add_trace(go.Bar(orientation="h", y=[band_label], x=[hi - lo], base=[lo], name=cur + " band",
                                 visible=(i == 0), marker=dict(color="#F0E442", line=dict(color="#8c8c8c", width=1)),
                                 text=[f"{SYMBOL[cur]}{fmt(lo)}–{fmt(hi)}"], textposition="inside",
                                 customdata=customdata(band.head(1).assign(label=band_label), "label"),
                                 hovertemplate=HOVER))
            trace_cur.append(cur)
            shapes[cur] = [dict(type="rect", xref="x", yref="paper", x0=lo, x1=hi, y0=0, y1=1,
                                fillcolor="#F0E442", opacity=0.25, line=dict(width=0), layer="below")]
    axis = {"USD": "Price (US dollars, as stated in the article)", "RMB": "Price (RMB, as stated in the article)"}
    first = currencies[0] if currencies else "USD"
    fig.update_layout(title="What AR glasses cost: the Five Little Dragons' pictured models vs Meta",
                      showlegend=False, height=520, shapes=shapes.get(first, []),
                      xaxis=dict(title=axis[first]), yaxis=dict(autorange="reversed"), margin=dict(r=90))
    if len(currencies) > 1:
        fig.update_layout(updatemenus=[dict(type="buttons", direction="right", x=0, y=1.06, xanchor="left",
                                            yanchor="bottom", buttons=[
            dict(label=SYMBOL[c] + " " + c, method="update",
                 args=[{"visible": [t == c for t in trace_cur]},
                       {"shapes": shapes.get(c, []), "xaxis.title.text": axis[c]}]) for c in currencies])])
    orion = df[df["kind"] == "cost"]
    extra = ""
    if len(orion):
        extra = f" Off the scale: Meta's Orion prototype costs US${fmt(orion['price'].iloc[0])} per unit to produce (a cost, not a price)."
    note(fig, "Shaded band: the 2,000–4,000 RMB range of most models sold in China. Only the Meizu price and the band "
              "are stated in RMB; USD values for them are the article's own approximate conversions. These are "
              "the models pictured, not necessarily each brand's most expensive." + extra, y=-0.2)
    return fig


@chart("ar_market_share_global_2023", dataset="ar_market_share_global_2023", chapter=CH,
       title="Global AR market share by vendor, 2023 (IDC)",
       summary="Bars of 2023 global (not China-only) AR market shares reported from IDC: XREAL 45%, Rokid "
               "14%, RayNeo 13%, INMO 6%, other vendors 22% (derived). The article's China chart was lost.")
def ar_market_share_global_2023(df: pd.DataFrame) -> go.Figure:
    fig = go.Figure(go.Bar(x=df["vendor"], y=df["share_pct"], text=[fmt(v) + "%" for v in df["share_pct"]],
                           textposition="outside",
                           marker=dict(color=[PALETTE[5] if text(d) else PALETTE[0] for d in df["derived"]]),
                           customdata=customdata(df, "vendor"), hovertemplate=HOVER))
    fig.update_layout(title="GLOBAL AR market share by vendor, 2023 (IDC)", showlegend=False, height=420,
                      yaxis=dict(title="Share of global AR market (%)"), xaxis=dict(title="Vendor"),
                      )
    note(fig, "Global shares, not China: the article's chart of China's AR market by vendor was lost and its "
              "numbers could not be recovered. 'Other vendors' = 100 − 78 (derived). Source: IDC via abvr360, "
              "accessed 2026-11-29.", y=-0.22)
    return fig


@chart("ar_vr_china_shipments_2023", dataset="ar_vr_china_shipments_2023", chapter=CH,
       title="China AR vs VR headset shipments, 2023 (IDC)",
       summary="Bars: in 2023 China shipped 262,000 AR units (the same IDC release also says 261,000), up "
               "154.4%, against 463,000 VR units, down 57.9%; AR was 36.1% of AR/VR shipments.",
       controls=True)
def ar_vr_china_shipments_2023(df: pd.DataFrame) -> go.Figure:
    views = [("shipments", "Shipments (thousand units)"), ("year-on-year change", "Change on 2022 (%)")]
    fig = go.Figure()
    shown = []
    for i, (measure, axis) in enumerate(views):
        rows = df[df["measure"] == measure]
        if rows.empty:
            continue
        labels, seen = [], {}
        for dev in rows["device"]:
            seen[dev] = seen.get(dev, 0) + 1
            labels.append(dev if seen[dev] == 1 else f"{dev} (alt. figure)")
        fig.add_trace(go.Bar(x=labels, y=rows["value"], name=axis, visible=(not shown),
                             text=[fmt(v) for v in rows["value"]], textposition="outside",
                             marker_color=[PALETTE[0] if d == "AR" else PALETTE[1] for d in rows["device"]],
                             customdata=customdata(rows.assign(label=labels), "label"), hovertemplate=HOVER))
        shown.append(axis)
    fig.update_layout(title="CHINA AR vs VR headset shipments, 2023 (IDC)", showlegend=False, height=440,
                      yaxis=dict(title=shown[0] if shown else ""), xaxis=dict(title="Device type"))
    if len(shown) > 1:
        fig.update_layout(updatemenus=[dict(type="buttons", direction="right", x=0, y=1.08, xanchor="left",
                                            yanchor="bottom", buttons=[
            dict(label=a.split(" (")[0], method="update",
                 args=[{"visible": [s == a for s in shown]}, {"yaxis.title.text": a}]) for a in shown])])
    share = df[df["measure"] == "share of AR/VR shipments"]
    extra = f" AR was {fmt(share['value'].iloc[0])}% of China's AR/VR shipments." if len(share) else ""
    note(fig, "The IDC release gives China's 2023 AR shipments as both 262,000 and 261,000 units; both are shown."
              + extra + " Sources: TMTPost, IT Home (IDC), accessed 2026-11-29.", y=-0.2)
    return fig
