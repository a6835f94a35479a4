"""Chart registry: maps a chart key to its dataset and figure function.

Chapter code cells only ever name a key from this registry, so feed text can
never reach executed code (the writer validates keys against ``REGISTRY``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

KEY_RE = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class ChartSpec:
    """One chart: which dataset it draws and how.

    :param key: registry key, ``^[a-z0-9_]+$``; chapter cells call ``show(key)``.
    :param dataset: file stem of ``data/<dataset>.csv``.
    :param chapter: chapter file stem, ``<yyyy-mm-dd>-<slug>`` ("" for book-wide pages).
    :param title: chart title (also the figure title).
    :param summary: one or two plain sentences for screen readers.
    :param build: pure ``DataFrame -> plotly Figure`` function.
    :param controls: True when the figure carries plotly buttons/dropdowns/sliders.
    :param widget: hints for the live ipywidgets explorer, e.g. ``{"filter": "lane"}``.
    """

    key: str
    dataset: str
    chapter: str
    title: str
    summary: str
    build: Callable[..., Any]
    controls: bool = False
    widget: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not KEY_RE.match(self.key):
            raise ValueError(f"bad chart key {self.key!r}")
        if not KEY_RE.match(self.dataset):
            raise ValueError(f"bad dataset name {self.dataset!r}")


REGISTRY: dict[str, ChartSpec] = {}


def chart(key: str, *, dataset: str, chapter: str, title: str, summary: str,
          controls: bool = False, widget: dict[str, str] | None = None):
    """Decorator registering a figure function under ``key``."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if key in REGISTRY:
            raise ValueError(f"duplicate chart key {key!r}")
        REGISTRY[key] = ChartSpec(key, dataset, chapter, title, summary, fn,
                                  controls, dict(widget or {}))
        return fn

    return register
