"""The book's plotly look: Okabe-Ito colours, CJK-capable fonts, dark-mode safe.

Backgrounds are transparent and grid/axis lines are semi-transparent grey, so
the page background shows through in both pydata-sphinx-theme modes. The one
colour that must flip is the text colour (``layout.font.color``, inherited by
titles, ticks and legends); the inline loader in :mod:`render` sets it from
``<html data-theme>`` before drawing and relayouts on theme change.
"""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

#: Okabe & Ito (2008) colour-blind-safe palette; black swapped for grey so the
#: eighth colour stays visible on a dark page.
OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#999999",  # grey
]

FONT_FAMILY = ('"Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", '
               '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", '
               '"Helvetica Neue", Arial, sans-serif')

#: text colour per pydata-sphinx-theme ``data-theme`` value
from .loader import FONT_COLOR  # noqa: E402  (one definition, shared with the loader)

GRID = "rgba(128,128,128,0.25)"
LINE = "rgba(128,128,128,0.7)"

_axis = dict(gridcolor=GRID, linecolor=LINE, zerolinecolor=LINE, tickcolor=LINE,
             automargin=True, showline=True, ticks="outside",
             title=dict(standoff=8))

TEMPLATE = go.layout.Template(
    layout=dict(
        colorway=OKABE_ITO,
        font=dict(family=FONT_FAMILY, size=14, color=FONT_COLOR["light"]),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        xaxis=_axis,
        yaxis=_axis,
        # horizontal legend pinned to the bottom edge of the figure (container
        # coordinates): below the x-axis title at any width, never over it
        legend=dict(bgcolor="rgba(0,0,0,0)", orientation="h", x=0, xanchor="left",
                    yref="container", y=0, yanchor="bottom"),
        hoverlabel=dict(font=dict(family=FONT_FAMILY)),
        margin=dict(l=56, r=16, t=48, b=48),
        title=dict(x=0, xanchor="left"),
        # buttons keep a light face + dark text in both modes (plotly.js paints
        # the active button a fixed near-white, so its text must stay dark)
        updatemenudefaults=dict(bgcolor="#f6f8fa", bordercolor="#8c959f",
                                font=dict(color=FONT_COLOR["light"])),
    ),
    data=dict(
        pie=[go.Pie(marker=dict(line=dict(color="rgba(128,128,128,0.6)", width=1)))],
    ),
)

pio.templates["newsbook"] = TEMPLATE
TEMPLATE_NAME = "newsbook"


def apply(fig: go.Figure) -> go.Figure:
    """Apply the "newsbook" template to ``fig`` in place and return it."""
    fig.update_layout(template=TEMPLATE_NAME)
    return fig
