"""The chart kinds: one module per kind, each ``render(spec, df) -> Figure``.

:func:`build` is the only entry point: it filters rows (``spec.where``), calls
the kind, then adds the spec's notes. The book's cache keys hash a chapter's
kinds by their module source (newsbook.cachekeys.kind_sources), so editing one kind
re-executes only the chapters that draw it.
"""
from __future__ import annotations

from importlib import import_module

import pandas as pd

from ._common import note

KINDS = ("bars", "grouped", "timeline", "series", "share", "dumbbell", "custom")


def rows_of(spec, df: pd.DataFrame) -> pd.DataFrame:
    """The rows ``spec`` charts (its ``where``), so table, sources and plot agree."""
    for col, value in spec.where.items():
        df = df[df[col].astype(str) == value]
    return df.reset_index(drop=True)


def build(spec, df: pd.DataFrame):
    """The figure for ``spec`` from ``df`` (title lives in the page, not the plot)."""
    df = rows_of(spec, df)
    if spec.kind == "custom":
        from . import custom
        fig = getattr(custom, spec.function)(spec, df)
    else:
        fig = import_module(f"{__name__}.{spec.kind}").render(spec, df)
    for message in spec.notes:
        note(fig, message)
    fig.update_layout(title=spec.title)
    return fig
