"""Charts for "Cheating Apps" and "How to Use Banned US Models in China"."""
from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import HOVER, PALETTE, customdata, fmt, hbar, note, text, timeline

APPS = "2025-09-08-cheating-apps-chinas-latest-tech-export"
BANNED = "2025-06-05-how-to-use-banned-us-models-in-china"


@chart("homework_app_users", dataset="homework_app_users", chapter=APPS,
       title="ByteDance's homework app is far bigger abroad",
       summary="Peak daily active users in 2024: Gauth, the global app, had more than two million; "
               "Doubao Loves Learning, the Chinese version, about 800,000.")
def homework_app_users(df: pd.DataFrame) -> go.Figure:
    df = df.assign(label=df["app"] + " (" + df["market"] + ")")
    return hbar(df, "label", "peak_dau", "ByteDance's homework app is far bigger abroad",
                "Peak daily active users, 2024", colour=PALETTE[0], qualifier="qualifier")


@chart("homework_app_features", dataset="homework_app_features", chapter=APPS,
       title="Same company, different product: what the author's tests found",
       summary="Grid of yes/no findings for Gauth, Doubao Loves Learning, Question.AI and Zuoyebang: "
               "which show steps first, solved the trig integral, need a Chinese phone number, answer "
               "political questions or show ads. Blank cells were not reported.")
def homework_app_features(df: pd.DataFrame) -> go.Figure:
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
    fig.update_layout(title="Same company, different product: what the author's tests found",
                      xaxis=dict(title="What was tested", categoryorder="array", categoryarray=features,
                                 tickmode="array", tickvals=features, tickangle=0, tickfont=dict(size=12),
                                 ticktext=["<br>".join(textwrap.wrap(text(f), 10)) for f in features]),
                      yaxis=dict(title="", categoryorder="array", categoryarray=apps[::-1]),
                      height=480)
    note(fig, "Blank cell = the article does not report that test for that app.", y=-0.62)
    return fig


@chart("claude_prices", dataset="claude_prices", chapter=BANNED,
       title="What a month of Claude Pro costs in China",
       summary="Claude Pro per month: Anthropic's official rate is 20 US dollars; an official account "
               "resold on Taobao costs 199 yuan (27 dollars); a mirror-site account 65 yuan (9 dollars).",
       controls=True, widget={"filter": "currency"})
def claude_prices(df: pd.DataFrame) -> go.Figure:
    offerings = list(dict.fromkeys(df["offering"]))
    currencies = [c for c in ("USD", "RMB") if c in set(df["currency"])]
    fig = go.Figure()
    for i, cur in enumerate(currencies):
        rows = df[df["currency"] == cur]
        fig.add_trace(go.Bar(
            orientation="h", y=rows["offering"], x=rows["price_per_month"], name=cur,
            text=[("US$" if cur == "USD" else "¥") + fmt(v) for v in rows["price_per_month"]],
            textposition="outside", cliponaxis=False, marker_color=PALETTE[i],
            customdata=customdata(rows, "offering"), hovertemplate=HOVER, visible=(i == 0)))
    titles = {"USD": "Price per month (US dollars, as stated)", "RMB": "Price per month (RMB, as stated)"}
    fig.update_layout(title="What a month of Claude Pro costs in China", showlegend=False,
                      yaxis=dict(categoryorder="array", categoryarray=offerings[::-1]),
                      xaxis=dict(title=titles[currencies[0]] if currencies else ""), height=380,
                      margin=dict(r=90))
    if len(currencies) > 1:
        fig.update_layout(updatemenus=[dict(type="buttons", direction="right", x=0, y=1.12,
                                            xanchor="left", yanchor="bottom", buttons=[
            dict(label=cur, method="update",
                 args=[{"visible": [c == cur for c in currencies]}, {"xaxis.title.text": titles[cur]}])
            for cur in currencies])])
    note(fig, "Only prices the article states are drawn; no RMB price is given for Anthropic's rate, and "
              "the USD figures for Taobao offers are the article's own conversions.", y=-0.22)
    return fig


@chart("chatgpt_taobao_timeline", dataset="chatgpt_taobao_timeline", chapter=BANNED,
       title="The cat-and-mouse game over ChatGPT in China",
       summary="Timeline: ChatGPT's release in late 2022, the state crackdown from 2023, a 2024 Weibo "
               "study, ChatGPT sold as 'books' on Taobao in March 2025 and the loophole closed by late April 2025.")
def chatgpt_taobao_timeline(df: pd.DataFrame) -> go.Figure:
    fig = timeline(df, "The cat-and-mouse game over ChatGPT in China", controls=False)
    fig.update_xaxes(dtick=0.5, tickformat=".1f")
    return fig
