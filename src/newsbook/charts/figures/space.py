"""Charts for "Race for Space Law": law-vs-projects timeline and the space economy."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..registry import chart
from ._helpers import hbar, note, timeline

CH = "2025-10-12-race-for-space-law-inside-the-sino-american-cosmic-rivalry"


@chart("space_law_timeline", dataset="space_law_timeline", chapter=CH,
       title="Law vs projects: how the US and China shape space norms, 1967–2028",
       summary="Timeline in three lanes: the 1967 Outer Space Treaty; US laws and accords from the 2015 "
               "SPACE Act to 53 Artemis signatories in 2025; China's projects from Chang'e in 2004 to the "
               "lunar station planned for 2028.",
       controls=True, widget={"filter": "lane"})
def space_law_timeline(df: pd.DataFrame) -> go.Figure:
    return timeline(df, "Law vs projects: how the US and China shape space norms, 1967–2028")


@chart("space_economy", dataset="space_economy", chapter=CH,
       title="The space economy: $630 billion now, $1.8 trillion projected for 2035",
       summary="Two bars: the global space economy is valued at 630 billion US dollars and is set to "
               "reach 1.8 trillion dollars by 2035.")
def space_economy(df: pd.DataFrame) -> go.Figure:
    fig = hbar(df, "label", "value_usd_bn", "The space economy: $630 billion now, $1.8 trillion by 2035",
               "Global space economy (USD billion)", colour="#0072B2")
    note(fig, "The article adds that the space economy nearly doubled over the last decade; "
              "no earlier figure is given, so none is drawn.", y=-0.35)
    return fig
