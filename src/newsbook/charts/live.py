"""Live-notebook explorer: ipywidgets controls that rebuild a registry chart.

Deliberately *not* ``@interact``: widgets are created, the figure is drawn
once into an ``Output`` and later redraws only happen from ``observe``
callbacks, which a kernel without a front end (nbclient, jupyter-book
execution) never fires - so executing a notebook can't block on it.
"""
from __future__ import annotations

import json

import pandas as pd

from .datasets import load
from .render import PLOTLY_MIME, PROVENANCE_COLUMNS, build_figure, get_spec

ALL = "All"


def _filter_options(series: pd.Series) -> list:
    values = sorted({str(v) for v in series.dropna().tolist()})
    return [ALL, *values]


def _default_filter_column(df: pd.DataFrame) -> str | None:
    for col in df.columns:
        if col in PROVENANCE_COLUMNS:
            continue
        if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
            if 1 < df[col].nunique(dropna=True) <= 50:
                return col
    return None


def explore(key: str):
    """Return an ipywidgets UI for chart ``key`` driven by ``spec.widget``."""
    import ipywidgets as w
    from IPython.display import display

    spec = get_spec(key)
    df = load(spec.dataset)
    from ..plan import plain
    hints = {k: v for k, v in (plain(spec.live) if spec.live else {}).items() if v}
    if not hints:
        col = _default_filter_column(df)
        if col is None:
            return w.Label(f"No interactive controls for “{spec.title}”.")
        hints = {"filter": col}

    controls = []
    dropdown = slider = None
    fcol, scol = hints.get("filter"), hints.get("slider")
    if fcol and fcol in df.columns:
        dropdown = w.Dropdown(options=_filter_options(df[fcol]), value=ALL,
                              description=str(fcol),
                              style={"description_width": "initial"})
        controls.append(dropdown)
    if scol and scol in df.columns and pd.api.types.is_numeric_dtype(df[scol]):
        col = df[scol].dropna()
        if len(col):
            lo, hi = col.min(), col.max()
            if pd.api.types.is_integer_dtype(df[scol]):
                slider = w.IntRangeSlider(value=(int(lo), int(hi)), min=int(lo),
                                          max=int(hi), step=1, description=str(scol),
                                          continuous_update=False)
            else:
                span = float(hi) - float(lo)
                slider = w.FloatRangeSlider(value=(float(lo), float(hi)),
                                            min=float(lo), max=float(hi),
                                            step=(span / 100) if span else 1.0,
                                            description=str(scol),
                                            continuous_update=False)
            controls.append(slider)
    if not controls:
        return w.Label(f"No interactive controls for “{spec.title}” "
                       f"(widget hints {hints!r} don't match the data).")

    out = w.Output()

    def subset() -> pd.DataFrame:
        rows = df
        if dropdown is not None and dropdown.value != ALL:
            rows = rows[rows[fcol].astype(str) == dropdown.value]
        if slider is not None:
            lo, hi = slider.value
            rows = rows[(rows[scol] >= lo) & (rows[scol] <= hi)]
        return rows

    def redraw(_change=None) -> None:
        rows = subset()
        out.clear_output(wait=True)
        with out:
            if rows.empty:
                print("No rows match these settings.")
                return
            try:
                # the plotly mime type alone: JupyterLab draws it natively, and plotly's
                # default "notebook" renderer would inline 4.8 MB of plotly.js per redraw
                fig = build_figure(spec, rows.reset_index(drop=True))
                display({PLOTLY_MIME: json.loads(fig.to_json())}, raw=True)
            except Exception as exc:  # noqa: BLE001 - show, don't crash the UI
                print(f"Can't draw this selection: {exc}")

    for c in controls:
        c.observe(redraw, names="value")
    redraw()
    return w.VBox([w.HBox(controls), out])
