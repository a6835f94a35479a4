"""Book-wide charts: the timeline of everything and the book at a glance.

Their datasets (``data/generated/book_*.csv``) are written by the converter from
the articles and ``data/curation/events.yml``; every event row keeps its quote.
"""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart

PALETTE = {"Politics and power": "#0072B2", "Technology and AI": "#D55E00",
           "Geopolitics, law and trade": "#009E73", "More": "#CC79A7"}


def _wrap(text: str, width: int = 60) -> str:
    words, lines, cur = str(text).split(), [], ""
    for w in words:
        if cur and len(cur) + len(w) + 1 > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return "<br>".join(lines + ([cur] if cur else []))


def _custom(rows: pd.DataFrame) -> list[list[str]]:
    """Hover fields, with the paragraph's URL last (a click on the point opens it)."""
    return [[lab, tit, _wrap(q), d, f"chapters/{c}.html#{a}" if isinstance(a, str) and a
             else f"chapters/{c}.html"]
            for lab, tit, q, d, c, a in zip(rows["label"], rows["title"], rows["quote"],
                                            rows["date"], rows["chapter"], rows["anchor"])]


def _when(row) -> str:
    """Plot position of an ISO date with year or month precision (first day)."""
    d = str(row["date"])
    return d + ("-01-01" if len(d) == 4 else "-01" if len(d) == 7 else "")


@chart("book_timeline", dataset="book_events", chapter="",
       title="Every dated event in the book, by theme",
       summary="A timeline of every dated event the thirteen articles state, from 1916 to "
               "2028, one row per theme; the list below the chart has every event as text.",
       controls=True, widget={"filter": "theme"})
def book_timeline(df: pd.DataFrame) -> go.Figure:
    df = df.copy()
    df["x"] = df.apply(_when, axis=1)
    fig = go.Figure()
    # one trace per article (coloured by its theme), so the menus only toggle visibility
    articles = list(dict.fromkeys(df.sort_values("x")["title"]))
    theme_of = {}
    for title in articles:
        rows = df[df["title"] == title]
        theme = rows["theme"].iloc[0]
        theme_of[title] = theme
        fig.add_scatter(
            x=rows["x"].tolist(), y=rows["theme"].tolist(), mode="markers", name=title,
            marker=dict(size=10, color=PALETTE.get(theme, "#999999"), opacity=0.8,
                        symbol=["circle-open" if d else "circle" for d in rows["derived"].fillna("")]),
            customdata=_custom(rows),
            hovertemplate="<b>%{customdata[3]}</b> %{customdata[0]}<br><i>%{customdata[1]}</i>"
                          "<br>“%{customdata[2]}”<extra></extra>")
    n = len(articles)
    themes = [t for t in PALETTE if t in set(theme_of.values())]
    by_theme = [dict(label="All themes", method="update", args=[{"visible": [True] * n}])]
    by_theme += [dict(label=t, method="update",
                      args=[{"visible": [theme_of[a] == t for a in articles]}]) for t in themes]
    by_article = [dict(label="Every article", method="update", args=[{"visible": [True] * n}])]
    by_article += [dict(label=a if len(a) <= 40 else a[:39] + "…", method="update",
                        args=[{"visible": [b == a for b in articles]}]) for a in articles]
    fig.update_layout(
        title="Every dated event in the book, by theme",
        xaxis=dict(title="Date (events with only a year or month sit at its start)", type="date"),
        yaxis=dict(title="Theme", automargin=True, categoryorder="array",
                   categoryarray=list(reversed(themes))),
        height=460, showlegend=False, margin=dict(t=110),
        updatemenus=[dict(type="dropdown", x=0, xanchor="left", y=1.28, yanchor="top",
                          buttons=by_theme, showactive=True),
                     dict(type="dropdown", x=0.36, xanchor="left", y=1.28, yanchor="top",
                          buttons=by_article, showactive=True)])
    return fig


@chart("book_at_a_glance", dataset="book_articles", chapter="",
       title="The book at a glance: articles by date and theme",
       summary="Each of the articles as a dot on its publication date, one row per theme; "
               "dot area grows with reading time (hover for minutes). The list of articles below links to each chapter.",
       controls=False, widget={"filter": "theme"})
def book_at_a_glance(df: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    for theme in [t for t in PALETTE if t in set(df["theme"])]:
        rows = df[df["theme"] == theme]
        fig.add_scatter(
            x=rows["published"].tolist(), y=[theme] * len(rows), mode="markers",
            name=theme, text=[str(m) + " min" for m in rows["reading_minutes"]],
            marker=dict(size=[6 + 4 * math.sqrt(m) for m in rows["reading_minutes"]],
                        color=PALETTE[theme], opacity=0.75, line=dict(width=1, color="white")),
            customdata=[[t, q, u] for t, u, q in zip(rows["title"], rows["url"], rows["quote"])],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>"
                          "%{text} read (click to open)<extra></extra>")
    fig.update_layout(title="The book at a glance: articles by date and theme",
                      xaxis=dict(title="Publication date (2025)", type="date"),
                      yaxis=dict(title="Theme", automargin=True), height=380, showlegend=False)
    return fig
