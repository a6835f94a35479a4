"""Render a registry chart for the static book *and* the live notebook.

``show(key)`` returns a :class:`ChartView` whose mimebundle carries

* ``text/html`` - what myst-nb puts in the static book (it is in myst-nb's
  render priority; the plotly mime type is not, and plotly >= 6 output with
  only that mime type is silently dropped). The HTML never inlines plotly.js
  and never names a CDN: a tiny inline loader fetches the one shared
  ``_static/plotly-basic.min.js`` asynchronously, once per page, and draws
  queued charts when it arrives;
* ``application/vnd.plotly.v1+json`` - drawn natively by JupyterLab.

The HTML is deterministic (ids derive from the key, JSON keys are sorted) and
every piece of feed-derived text is escaped.
"""
from __future__ import annotations

import html
import json
import math
import re
import textwrap
from pathlib import Path
from typing import Any
from urllib.parse import quote as _pct

import pandas as pd
import plotly.io as pio

from . import style
from .datasets import DatasetError, data_dir, load, read_text
from .registry import REGISTRY

PLOTLY_MIME = "application/vnd.plotly.v1+json"
from .loader import BUNDLE, LOADER_JS, NARROW_PX  # noqa: F401  (re-exported)
#: trace types the basic bundle can draw
BUNDLE_TRACE_TYPES = frozenset({"scatter", "bar", "pie"})
PROVENANCE_COLUMNS = ("quote", "line", "derived", "note",
                      "source_url", "publisher", "accessed")

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.I)
_ANCHOR_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.:-]*$")
_STEM_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

NOTE_META = "nb_notes"


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _cell(value: Any) -> str:
    """Display text for one table cell (NaN -> empty, 2020.0 -> 2020)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def script_json(obj: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>``)."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029"))


def figure_dict(fig) -> dict:
    """Plain JSON-able dict of a plotly figure (numpy/pandas values encoded)."""
    return json.loads(pio.to_json(fig, validate=False, pretty=False))


def trace_types(fig) -> set[str]:
    return {(t.get("type") or "scatter") for t in figure_dict(fig).get("data", [])}


def build_figure(spec, df: pd.DataFrame | None = None):
    """Draw ``spec`` with its kind on ``df`` (default: the dataset), book template applied."""
    from .kinds import build
    if df is None:
        df = load(spec.dataset)
    return style.apply(build(spec, df))


# ---------------------------------------------------------------- sources

def quote_anchors() -> dict[str, dict]:
    """``data/generated/quote_anchors.json`` or ``{}`` when absent/broken."""
    path = data_dir() / "generated" / "quote_anchors.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _quote_href(entry: Any, chapter: str) -> str | None:
    if not isinstance(entry, dict):
        return None
    stem, anchor = entry.get("chapter"), entry.get("anchor")
    if not isinstance(anchor, str) or not _ANCHOR_RE.match(anchor):
        return None
    if not stem or stem == chapter:
        return "#" + anchor
    if not isinstance(stem, str) or not _STEM_RE.match(stem):
        return None
    prefix = "../chapters/" if chapter else "chapters/"
    return f"{prefix}{stem}.html#{anchor}"


def _column(df: pd.DataFrame, name: str) -> list[str]:
    if name not in df.columns:
        return [""] * len(df)
    return [_cell(v).strip() for v in df[name].tolist()]


def source_parts(spec: Any, df: pd.DataFrame) -> list[dict]:
    """The "Source:" line as data: links to quoted paragraphs and external publishers.

    A row whose ``quote`` comes from the feed (it has a ``line``) links to its
    paragraph through ``data/generated/quote_anchors.json`` -- in this article or, for
    charts that connect articles, in another one (said so). Feed quotes the index
    does not map are footnote text (footnotes carry no stable anchor). Quotes from
    external sources (no ``line``) are credited to their publisher instead.
    """
    parts: list[dict] = []
    if not spec.chapter:  # a book-wide chart: its rows come from the book's chapters
        col = "chapter" if "chapter" in df.columns else "stem"
        n = len(set(_column(df, col))) if col in df.columns else len(df)
        return [{"text": f"quoted from {n} article{'s' if n != 1 else ''} of this book; click "
                         "a point, or use the links in the data table, to open the paragraph "
                         "it comes from"}]
    lines = _column(df, "line")
    urls = _column(df, "source_url")
    feed_quotes = list(dict.fromkeys(q for q, ln, url in zip(_column(df, "quote"), lines, urls)
                                     if q and (ln or not url)))
    if feed_quotes:
        anchors = quote_anchors()
        # generated rows name their own paragraph; the book-wide index (one place per
        # quote) only serves rows matched by text
        anchors.update({q: {"chapter": c, "anchor": a} for q, c, a in zip(
            _column(df, "quote"), _column(df, "chapter"), _column(df, "anchor")) if q and c and a})
        if not anchors:
            parts.append({"text": "quoted from this article"})
        here, other = [], []
        for q in feed_quotes:
            entry = anchors.get(q)
            href = _quote_href(entry, spec.chapter)
            if href:
                (here if href.startswith("#") else other).append(href)
        for text, hrefs in (("quoted from this article", here),
                            ("quoted from other articles of this book", other)):
            hrefs = list(dict.fromkeys(hrefs))
            if hrefs:
                parts.append({"text": text, "label": "paragraph" if len(hrefs) == 1
                              else "paragraphs",
                              "links": [{"href": h, "n": i} for i, h in enumerate(hrefs, 1)]})
        unmapped = [q for q in feed_quotes if anchors and q not in anchors]
        if unmapped:
            n = len(unmapped)
            parts.append({"text": "quoted from a footnote of this article" if n == 1
                          else f"{n} quotes from footnotes of this article"})
    ext = [(pub, url, acc) for pub, url, acc in zip(_column(df, "publisher"), urls,
                                                    _column(df, "accessed")) if pub or url]
    for pub, url, acc in dict.fromkeys(ext):
        if url and _SAFE_URL.match(url):
            parts.append({"text": "", "url": url, "name": pub or url, "accessed": acc})
        else:
            parts.append({"text": (pub or url) + (f" ({url})" if url and pub else ""),
                          "accessed": acc})
    return parts or [{"text": "compiled for this book"}]


def source_html(spec: Any, df: pd.DataFrame) -> str:
    """The "Source:" paragraph alone (the chart template includes the same)."""
    return _env().get_template("source.html.j2").render(source=source_parts(spec, df)).strip()


_ENV = None


def _env():
    """Jinja2 with autoescape on: feed text can only ever be text in chart HTML."""
    global _ENV
    if _ENV is None:
        import jinja2
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
            autoescape=True, keep_trailing_newline=False)
    return _ENV


# ---------------------------------------------------------------- table/CSV

_CHAPTER_URL = re.compile(r"^chapters/[a-z0-9-]+\.html$")
_ANCHOR_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_STEM = re.compile(r"^[a-z0-9-]+$")


def _row_link(col: str, value: Any, row: dict) -> str | None:
    """Book-wide datasets link rows to chapters: ``url`` cells, and ``anchor`` cells
    with their row's ``chapter`` (both validated, never free text)."""
    v = _cell(value).strip()
    if col == "url" and _CHAPTER_URL.match(v):
        return v
    chapter = _cell(row.get("chapter", "")).strip()
    if col == "anchor" and _ANCHOR_ID.match(v) and _STEM.match(chapter):
        return f"chapters/{chapter}.html#{v}"
    return None


def table_rows(df: pd.DataFrame) -> list[list[dict]]:
    """Cells as text, with validated links where a book-wide dataset has them."""
    cols = list(df.columns)
    out = []
    for rec in df.itertuples(index=False, name=None):
        row = dict(zip(cols, rec))
        out.append([{"text": _cell(v), "href": _row_link(c, v, row)} for c, v in zip(cols, rec)])
    return out


def table_html(df: pd.DataFrame) -> str:
    """The data table alone (the chart template includes the same)."""
    return _env().get_template("table.html.j2").render(
        columns=list(df.columns), rows=table_rows(df)).strip()


def csv_text(dataset: str, df: pd.DataFrame) -> str:
    try:
        return read_text(dataset)  # lossless: the committed file itself
    except DatasetError:
        return df.to_csv(index=False, lineterminator="\n")


def csv_href(dataset: str, df: pd.DataFrame) -> str:
    return "data:text/csv;charset=utf-8," + _pct(csv_text(dataset, df), safe="")


from .loader import ASSET_DIR  # noqa: E402  (where the build puts chart files)


def asset(assets: dict[str, str], stem: str, ext: str, text: str) -> str:
    """Add ``text`` to ``assets`` under a content-addressed name (so a changed chart is
    never served from a stale cache); return its path under :data:`ASSET_DIR`."""
    from ..cachekeys import digest
    name = f"{stem}.{digest(text)}.{ext}"
    assets[name] = text
    return f"{ASSET_DIR}/{name}"


def csv_link(dataset: str, df: pd.DataFrame) -> str:
    return (f'<p class="nb-chart-download"><a download="{_esc(dataset)}.csv" '
            f'href="{_esc(csv_href(dataset, df))}">Download the data (CSV)</a></p>')


# ---------------------------------------------------------------- view

_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>", re.I)


def note_text(text: str) -> str:
    """A figure note (plotly text markup) as plain text (the template escapes it)."""
    plain = _TAG.sub("", _BR.sub(" ", str(text)))
    return " ".join(html.unescape(plain).split())


def note_html(text: str) -> str:
    """A figure note as escaped plain HTML text."""
    return _esc(note_text(text))


def split_notes(fig: dict) -> list[str]:
    """Remove and return the notes stored by ``figures._helpers.note``."""
    layout = fig.setdefault("layout", {})
    meta = layout.get("meta")
    if not isinstance(meta, dict):
        return []
    notes = meta.pop(NOTE_META, None) or []
    if not meta:
        layout.pop("meta")
    return [str(n) for n in notes if str(n).strip()]


def _wrap_note(text: str, width: int = 100) -> list[str]:
    out: list[str] = []
    for part in _BR.split(str(text)):
        out += textwrap.wrap(part, width) or [""]
    return out


def add_note_annotations(fig: dict, notes: list[str]) -> dict:
    """Live (JupyterLab) figure: notes as annotations in an enlarged bottom margin."""
    if not notes:
        return fig
    layout = fig.setdefault("layout", {})
    margin = layout.setdefault("margin", {})
    bottom = margin.get("b", 48)
    lines = [ln for n in notes for ln in _wrap_note(n)]
    margin["b"] = bottom + 16 * len(lines) + 8
    if isinstance(layout.get("height"), (int, float)):
        layout["height"] = layout["height"] + 16 * len(lines) + 8
    anns = list(layout.get("annotations") or [])
    anns.append(dict(text="<br>".join(lines), xref="paper", yref="paper", x=0, y=0,
                     xanchor="left", yanchor="top", yshift=-bottom, align="left",
                     showarrow=False, font=dict(size=12), name="nb-note"))
    layout["annotations"] = anns
    return fig


class ChartView:
    """Display object returned by :func:`show`."""

    def __init__(self, spec: Any, fig, df: pd.DataFrame):
        self.spec, self.figure, self.df = spec, fig, df

    def _split(self) -> tuple[dict, list[str]]:
        fig = figure_dict(self.figure)
        return fig, split_notes(fig)

    @property
    def notes(self) -> list[str]:
        return self._split()[1]

    def plotly_json(self) -> dict:
        """The figure for JupyterLab: notes drawn as annotations under the plot."""
        fig, notes = self._split()
        return add_note_annotations(fig, notes)

    def html(self, assets: dict[str, str] | None = None, prefix: str = "") -> str:
        """The chart's HTML. Self-contained by default (a notebook's output). With
        ``assets`` (the book build), the figure JSON, the table rows and the CSV go into
        ``assets`` as files named by content, fetched from ``prefix + "_charts/"`` only
        when the chart nears the viewport or the table is opened: the page itself stays
        light (:mod:`newsbook.charts.static` writes the files)."""
        spec, key = self.spec, self.spec.key
        fig, notes = self._split()
        layout = fig.setdefault("layout", {})
        title = layout.get("title")
        title_text = title.get("text") if isinstance(title, dict) else None
        if title_text is not None:
            # the <figcaption> carries spec.title (the accessible, themed
            # title); printing the plot's own title too would say it twice
            layout["title"] = {k: v for k, v in title.items() if k != "text"}
            margin = layout.setdefault("margin", {})
            margin.setdefault("t", 24)
        height = layout.get("height")
        rows = table_rows(self.df)
        fig_src = rows_src = None
        if assets is None:
            href = csv_href(spec.dataset, self.df)
        else:
            fig_src = prefix + asset(assets, key, "json", script_json(fig))
            cells = [[c["text"] if not c["href"] else [c["text"], c["href"]] for c in r]
                     for r in rows]  # a cell is its text, or [text, link]
            rows_src = prefix + asset(assets, f"{key}-rows", "json", script_json(cells))
            href = prefix + asset(assets, spec.dataset, "csv", csv_text(spec.dataset, self.df))
        return _env().get_template("chart.html.j2").render(
            key=key, title=spec.title, summary=spec.summary,
            min_height=int(height) if isinstance(height, (int, float)) else 450,
            fig_json=script_json(fig), fig_src=fig_src, rows_src=rows_src,
            loader=LOADER_JS, notes=[note_text(n) for n in notes],
            source=source_parts(spec, self.df), columns=list(self.df.columns),
            rows=rows, dataset=spec.dataset, csv_href=href)

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {
            "text/html": self.html(),
            PLOTLY_MIME: self.plotly_json(),
            "text/plain": f"<chart {self.spec.key}: {self.spec.title}>",
        }
        if include:
            bundle = {k: v for k, v in bundle.items() if k in include}
        if exclude:
            bundle = {k: v for k, v in bundle.items() if k not in exclude}
        return bundle

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        return f"<chart {self.spec.key}: {self.spec.title}>"


def get_spec(key: str) -> Any:
    if key not in REGISTRY:
        raise KeyError(f"unknown chart key {key!r}; known: {sorted(REGISTRY)}")
    return REGISTRY[key]


def show(key: str) -> ChartView:
    """Chart ``key`` from the registry, styled with the "newsbook" template."""
    spec = get_spec(key)
    from .kinds import rows_of
    df = rows_of(spec, load(spec.dataset))  # the table and sources show the charted rows
    fig = build_figure(spec, df)
    return ChartView(spec, fig, df)


def chart_html(key: str) -> str:
    return show(key).html()
