"""Charts for "Notes on Kyrgyzstan" and "AI Education: Understanding the Hype"."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import PALETTE, customdata, fmt, hbar, note, timeline

KG = "2025-08-25-notes-on-kyrgyzstan"
EDU = "2025-08-01-ai-education-understanding-the-hype"


def _donut(df: pd.DataFrame, label: str, value: str, title: str, centre: str,
           colours: list[str]) -> go.Figure:
    fig = go.Figure(go.Pie(labels=df[label], values=df[value], hole=0.55, sort=False,
                           marker=dict(colors=colours[:len(df)]), textinfo="label+percent",
                           hovertext=["<b>" + a + "</b><br>" + b for a, b in customdata(df, label)],
                           hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_layout(title=title, height=440, showlegend=False,
                      annotations=[dict(text=centre, x=0.5, y=0.5, showarrow=False, font=dict(size=14))])
    return fig


@chart("kyrgyz_work_permits", dataset="kyrgyz_work_permits", chapter=KG,
       title="About 15,000 work permits for foreigners; 75% go to Chinese workers",
       summary="Donut: of Kyrgyzstan's cap of about 15,000 foreign work permits, 75% (about 11,250, "
               "derived) go to Chinese workers and 25% (about 3,750, derived) to others.")
def kyrgyz_work_permits(df: pd.DataFrame) -> go.Figure:
    parts = df[df["share_pct"] < 100].reset_index(drop=True)
    cap = df[df["share_pct"] == 100]["permits"]
    centre = f"cap: about<br>{fmt(cap.iloc[0])}<br>permits" if len(cap) else ""
    fig = _donut(parts, "segment", "permits", "About 15,000 work permits for foreigners; 75% go to Chinese workers",
                 centre, ["#D55E00", "#56B4E9"])
    note(fig, "Slice sizes are derived: 75% × about 15,000 ≈ 11,250 permits; the rest ≈ 3,750.", y=-0.05)
    return fig


@chart("kyrgyz_china_timeline", dataset="kyrgyz_china_timeline", chapter=KG,
       title="Kyrgyzstan and China: from fear to investment, 1916–2026",
       summary="Timeline from the 1916 revolt and the 1969 Sino-Soviet border war, through joining the "
               "Belt and Road in 2013 and the 2018–2019 protests, to majority support for Chinese "
               "investment by 2023 and a ski resort due in 2026.")
def kyrgyz_china_timeline(df: pd.DataFrame) -> go.Figure:
    return timeline(df, "Kyrgyzstan and China: from fear to investment, 1916–2026", controls=False)


@chart("pupil_teacher_ratio", dataset="pupil_teacher_ratio", chapter=EDU,
       title="Students per primary-school teacher: China 16 (2023), US 13.26 (2022)",
       summary="Two bars: one primary teacher per 16 students in China in 2023, and per 13.26 students "
               "in the United States in 2022 (World Bank, including part-time and specialist teachers).")
def pupil_teacher_ratio(df: pd.DataFrame) -> go.Figure:
    df = df.assign(label=df["country"] + " (" + df["year"].astype(str) + ")")
    fig = hbar(df, "label", "students_per_teacher", "Students per primary-school teacher",
               "Students per teacher", colour=PALETTE[4])
    note(fig, "Different years; the US figure counts part-time/substitute and art, music and gym teachers.", y=-0.35)
    return fig


@chart("class_size", dataset="class_size", chapter=EDU,
       title='Class size: the 45-pupil standard vs "super-size" classes of 56+',
       summary="Two bars: China's standard primary class size is 45 students, but classes of 56 or "
               "more persist in some regions.")
def class_size(df: pd.DataFrame) -> go.Figure:
    return hbar(df, "class_type", "students", 'Class size: the 45-pupil standard vs "super-size" classes of 56+',
                "Students per class", colour=PALETTE[1], qualifier="qualifier")


@chart("dangerous_school_buildings", dataset="dangerous_school_buildings", chapter=EDU,
       title="86% of China's dangerous school buildings are rural",
       summary="Donut: rural schools account for 86% of the nearly 20 million square metres of "
               "dangerous school buildings; the other 14% is derived.")
def dangerous_school_buildings(df: pd.DataFrame) -> go.Figure:
    return _donut(df, "segment", "share_pct", "86% of China's dangerous school buildings are rural",
                  "nearly 20 million m²<br>of dangerous<br>school buildings", ["#D55E00", "#56B4E9"])
