"""Kind ``custom``: the few charts no general kind draws (at most five).

Each function takes ``(spec, df)`` and returns a figure; the spec still gives
title, summary, notes and placement. Add a kind instead of a sixth function.
"""
from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ._common import HOVER, PALETTE, customdata, fmt, label_room, note, text, toggle

SYMBOL = {"USD": "US$", "RMB": "¥"}


def app_features(spec, df: pd.DataFrame) -> go.Figure:
    """Yes/no grid of findings (apps x tests); blank = not reported."""
    fig = go.Figure()
    style = {"yes": ("circle", "#009E73", "Yes"), "no": ("x", "#D55E00", "No")}
    for finding, (symbol, colour, name) in style.items():
        rows = df[df["finding"].astype(str) == finding]
        if rows.empty:
            continue
        fig.add_trace(go.Scatter(
            x=rows["feature"], y=rows["app"], mode="markers", name=name,
            marker=dict(symbol=symbol, size=20, color=colour, line=dict(width=1, color=colour)),
            customdata=[[f"{text(r['app'])}: {text(r['feature'])}? {name}", c[1]]
                        for (_, r), c in zip(rows.iterrows(), customdata(rows, "app"))],
            hovertemplate=HOVER))
    features = list(dict.fromkeys(df["feature"]))
    apps = list(dict.fromkeys(df["app"]))
    fig.update_layout(xaxis=dict(title="What was tested", categoryorder="array",
                                 categoryarray=features, tickmode="array", tickvals=features,
                                 tickangle=0, tickfont=dict(size=12),
                                 ticktext=["<br>".join(textwrap.wrap(text(f), 10)) for f in features]),
                      yaxis=dict(title="", categoryorder="array", categoryarray=apps[::-1]),
                      height=480)
    return fig


def ldp_entry(spec, df: pd.DataFrame) -> go.Figure:
    """Dot plot of the year each leader entered politics; ages as a note."""
    entry = df[df["metric"] == "entered politics"].reset_index(drop=True)
    fig = go.Figure(go.Scatter(
        x=entry["value"], y=entry["person"], mode="markers+text",
        text=[str(int(v)) for v in entry["value"]], textposition="middle right",
        cliponaxis=False, marker=dict(size=16, color=PALETTE[0]),
        customdata=customdata(entry, "person"), hovertemplate=HOVER))
    ages = df[df["metric"] == "age"]
    age_txt = "; ".join(f"{text(r['person'])}: {fmt(r['value'])} years old"
                        for _, r in ages.iterrows())
    fig.update_layout(xaxis=dict(title="Year entered politics / first elected",
                                 range=[1980, 2002], dtick=5, tickformat="d"),
                      yaxis=dict(autorange="reversed"), height=360, showlegend=False)
    if age_txt:
        note(fig, "Ages cited: " + age_txt + " (Kobayashi was the 'young' face of "
                  "generational change).")
    return fig


def ar_price_bands(spec, df: pd.DataFrame) -> go.Figure:
    """Prices per currency (toggle) with the typical price band shaded."""
    currencies = [c for c in ("USD", "RMB") if c in set(df["currency"])]
    fig, shapes, trace_cur = go.Figure(), {}, []
    band_label = "Typical range in China (most models)"
    top = 0.0
    for i, cur in enumerate(currencies):
        rows = df[(df["currency"] == cur) & df["kind"].isin(["product", "comparator"])]
        rows = rows.sort_values("price", ascending=False)
        labels = [text(m) + (" (Meta)" if text(b) == "Meta" else "")
                  for m, b in zip(rows["model"], rows["brand"])]
        vtext = [(text(q) + " " if text(q) else "") + SYMBOL[cur] + fmt(v)
                 for q, v in zip(rows["qualifier"], rows["price"])]
        top = max(top, label_room(vtext, float(rows["price"].max()) if len(rows) else 0))
        fig.add_trace(go.Bar(
            orientation="h", y=labels, x=rows["price"], name=cur, visible=(i == 0),
            marker_color=[PALETTE[1] if k == "comparator" else PALETTE[0] for k in rows["kind"]],
            text=vtext, textposition="outside", cliponaxis=False,
            customdata=customdata(rows.assign(label=labels), "label"), hovertemplate=HOVER))
        trace_cur.append(cur)
        band = df[(df["currency"] == cur) & (df["kind"] == "band")].sort_values("price")
        if len(band) == 2:
            lo, hi = float(band["price"].iloc[0]), float(band["price"].iloc[1])
            fig.add_trace(go.Bar(orientation="h", y=[band_label], x=[hi - lo], base=[lo],
                                 name=cur + " band", visible=(i == 0),
                                 marker=dict(color="#F0E442", line=dict(color="#8c8c8c", width=1)),
                                 text=[f"{SYMBOL[cur]}{fmt(lo)}–{fmt(hi)}"], textposition="inside",
                                 customdata=customdata(band.head(1).assign(label=band_label), "label"),
                                 hovertemplate=HOVER))
            trace_cur.append(cur)
            shapes[cur] = [dict(type="rect", xref="x", yref="paper", x0=lo, x1=hi, y0=0, y1=1,
                                fillcolor="#F0E442", opacity=0.25, line=dict(width=0),
                                layer="below")]
    axis = {"USD": "Price (US dollars, as stated in the article)",
            "RMB": "Price (RMB, as stated in the article)"}
    first = currencies[0] if currencies else "USD"
    fig.update_layout(showlegend=False, height=520, shapes=shapes.get(first, []),
                      xaxis=dict(title=axis[first], range=[0, top]),
                      yaxis=dict(autorange="reversed", automargin=True))
    toggle(fig, currencies, trace_cur, axis_titles=axis)
    orion = df[df["kind"] == "cost"]
    if len(orion):
        note(fig, f"Off the scale: Meta's Orion prototype costs US${fmt(orion['price'].iloc[0])} "
                  "per unit to produce (a cost, not a price).")
    return fig


def book_at_a_glance(spec, df: pd.DataFrame) -> go.Figure:
    """Articles as dots on their publication date, one row per part; area ~ reading time."""
    fig = go.Figure()
    themes = list(dict.fromkeys(df["theme"].astype(str)))
    for i, theme in enumerate(themes):
        rows = df[df["theme"].astype(str) == theme]
        fig.add_scatter(
            x=rows["published"].tolist(), y=[theme] * len(rows), mode="markers", name=theme,
            text=[str(m) + " min" for m in rows["reading_minutes"]],
            marker=dict(size=[6 + 4 * math.sqrt(m) for m in rows["reading_minutes"]],
                        color=PALETTE[i % len(PALETTE)], opacity=0.75,
                        line=dict(width=1, color="white")),
            customdata=[[t, q, u] for t, u, q in zip(rows["title"], rows["url"], rows["quote"])],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>"
                          "%{text} read (click to open)<extra></extra>")
    years = sorted({str(p)[:4] for p in df["published"]})
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    fig.update_layout(xaxis=dict(title=f"Publication date ({span})", type="date"),
                      yaxis=dict(title="Part of the book", automargin=True), height=380,
                      showlegend=False)
    return fig
