"""Kind ``grouped``: bars coloured by ``colour``, one ``facet`` at a time (a toggle).

The facet toggle replaces five hand-built "facet + menu" charts. Each facet may
have its own axis title (``axis: {facet: title}``) -- values in different units
are never drawn on one axis.
"""
from __future__ import annotations

import plotly.graph_objects as go

from ._common import (HOVER, PALETTE, customdata, text, toggle, value_label, value_range,
                      wrap_label)


def render(spec, df) -> go.Figure:
    df = df.reset_index(drop=True)
    facets = list(dict.fromkeys(df[spec.facet].astype(str))) if spec.facet else [""]
    colours = list(dict.fromkeys(df[spec.colour].astype(str))) if spec.colour else [""]
    horizontal = spec.orientation == "h"
    fig, trace_facets = go.Figure(), []
    axis_titles = spec.axis if isinstance(spec.axis, dict) else {f: spec.axis for f in facets}
    tops: dict[str, float] = {}
    lows: dict[str, float] = {}
    for fi, facet in enumerate(facets):
        rows_f = df[df[spec.facet].astype(str) == facet] if spec.facet else df
        for ci, colour in enumerate(colours):
            rows = rows_f[rows_f[spec.colour].astype(str) == colour] if spec.colour else rows_f
            if rows.empty:
                continue
            labels = [value_label(r, spec.value, spec.qualifier, spec.text)
                      for _, r in rows.iterrows()]
            cats = [wrap_label(v) for v in rows[spec.label]]
            vals = [float(v) for v in rows[spec.value]]
            low, room = value_range(labels, vals)  # (room for labels, on both sides of 0)
            tops[facet] = max(tops.get(facet, 0.0), room)
            if low < 0:
                lows[facet] = min(lows.get(facet, 0.0), low)
            bar = dict(x=vals, y=cats) if horizontal else dict(x=cats, y=vals)
            fig.add_trace(go.Bar(
                orientation=spec.orientation, **bar, name=colour or facet, text=labels,
                textposition="outside", cliponaxis=False, visible=(fi == 0),
                marker_color=PALETTE[(ci if spec.colour else fi) % len(PALETTE)],
                customdata=customdata(rows, spec.label), hovertemplate=HOVER))
            trace_facets.append(facet)
    top = tops.get(facets[0], 1.0)  # the first view is the one shown on load
    low = lows.get(facets[0], 0)
    first = axis_titles.get(facets[0], "")
    value_axis = dict(title=first, rangemode="tozero")
    # (a category axis always: labels that are years, "2022" … "2025", made plotly draw a
    # number line ticked "2,021.5")
    cat_axis = dict(automargin=True, type="category", categoryorder="array",
                    categoryarray=list(dict.fromkeys(wrap_label(v) for v in df[spec.label])))
    if horizontal:
        cat_axis["autorange"] = "reversed"
        fig.update_layout(xaxis={**value_axis, "range": [low, top]}, yaxis=cat_axis)
    else:
        fig.update_layout(yaxis={**value_axis, "range": [low * 1.05 if low else 0, top * 1.05]},
                          xaxis=cat_axis)
    n_cats = df[spec.label].nunique()
    fig.update_layout(barmode="group", showlegend=bool(spec.colour) and len(colours) > 1,
                      height=(170 + 46 * n_cats * max(1, len(colours) if spec.colour else 1) ** 0.5)
                      if horizontal else 440)
    if spec.facet:
        toggle(fig, facets, trace_facets, control=spec.control,
               axis_titles={f: text(axis_titles.get(f, "")) for f in facets},
               axis="xaxis" if horizontal else "yaxis",
               ranges={f: [lows[f] * (1 if horizontal else 1.05) if f in lows else 0,
                           t if horizontal else t * 1.05] for f, t in tops.items()})
    return fig
