"""Charts for "Xi Rumors": rumour episodes, exit odds and absences."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import PALETTE, hbar, note, timeline

CH = "2025-07-14-xi-rumors"


@chart("leader_rumours", dataset="leader_rumours", chapter=CH,
       title="Ouster rumours: Putin (2012–2023) vs Xi's three episodes (2022–2025)",
       summary="Timeline: Putin illness or overthrow rumours in 2012, 2015, 2016, 2020, 2022 and 2023, "
               "against the dated events of Xi's three rumour episodes in 2022, 2024 and 2025.",
       controls=True, widget={"filter": "lane"})
def leader_rumours(df: pd.DataFrame) -> go.Figure:
    return timeline(df, "Ouster rumours: Putin (2012–2023) vs Xi's three episodes (2022–2025)")


@chart("xi_exit_odds", dataset="xi_exit_odds", chapter=CH,
       title="How likely is Xi's exit? Three different numbers",
       summary="Bars: a 3% actuarial chance of death or incapacity this year, a Polymarket six-month "
               "holding premium of around 4%, and a 2% coup chance that Jordan says 'seems high'.")
def xi_exit_odds(df: pd.DataFrame) -> go.Figure:
    df = df.assign(label=df["measure"] + " (" + df["kind"] + ")")
    fig = hbar(df, "label", "value_pct", "How likely is Xi's exit? Three different numbers",
               "Percent", colour=PALETTE[2], qualifier="qualifier")
    note(fig, "These are three different kinds of number, not three estimates of one thing.", y=-0.3)
    return fig


@chart("xi_absences", dataset="xi_absences", chapter=CH,
       title="How long was Xi out of sight?",
       summary="Bars: about 10 days in September 2022; for May 2025 the article gives both 'about two "
               "weeks' and '13 days'.")
def xi_absences(df: pd.DataFrame) -> go.Figure:
    fig = hbar(df, "episode", "days", "How long was Xi out of sight?", "Days without a public appearance",
               colour=PALETTE[4], qualifier="qualifier")
    note(fig, "May 2025 appears twice: 'about two weeks' (line 916) and '13 days' (line 933).", y=-0.32)
    return fig
