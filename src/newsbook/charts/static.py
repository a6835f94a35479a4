"""Draw the book's charts at build time without a kernel.

Why: with a Jupyter kernel per chapter, a clean build spent about 1.8 s per chapter just
starting Python, importing pandas and plotly and running one ``show()`` line; a 1,000-article
archive would take half an hour. The chapters stay runnable notebooks (analysts run
``show("key")`` live), but the book no longer executes them (``execute_notebooks: "off"``).
Instead each chart cell carries ``newsbook-chart: <key>`` in its metadata (written by
:func:`newsbook.writers.cells.chart_cell`), and this transform puts the very HTML that
``show(key)`` returns into the cell, in the node shape myst-nb gives a ``text/html`` output,
so the page is the same as an executed one.

The chart is drawn from the book's ``data/`` (Sphinx's source folder), in this one build
process: pandas and plotly are imported once, only when a page has a chart. A chart that
cannot be drawn is a build warning at the cell's line (fatal under ``-W``), never a silent
gap. Rebuilds stay correct because a chapter's setup cell lists the digests of everything
its charts read (:mod:`newsbook.cachekeys`): when a chart's data changes the page source
changes, so Sphinx reads it again.
"""
from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: cell metadata key naming the chart a code cell shows
META_KEY = "newsbook-chart"


def chart_html(key: str, data: Path, assets: dict[str, str] | None = None,
               prefix: str = "") -> str:
    """The ``text/html`` of ``show(key)`` for the book whose data folder is ``data``
    (what a kernel started in that book would have returned); with ``assets``, its
    figure, rows and CSV as separate files (see :meth:`ChartView.html`)."""
    from .datasets import ENV_VAR
    from .render import show
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(data)
    try:
        return show(key).html(assets=assets, prefix=prefix)
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before


def write_assets(outdir: Path, assets: dict[str, str]) -> None:
    """Write chart files once: their names are their content's digest. Files of earlier
    builds that no page names any more are removed, so a published ``_build/html`` holds
    only the data its pages show, however often the archive was rebuilt."""
    from .loader import ASSET_DIR
    folder = outdir / ASSET_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in assets.items():
        path = folder / name
        if not path.exists():
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
    for old in folder.iterdir():
        if old.is_file() and old.name not in assets:
            old.unlink(missing_ok=True)


class DrawCharts(SphinxTransform):
    """Fill each ``newsbook-chart`` cell that has no output with its chart's HTML."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        for cell in list(self.document.findall(nodes.container)):
            if cell.get("nb_element") != "cell_code":
                continue
            meta = cell.get("cell_metadata") or {}
            key = meta.get(META_KEY)
            if not key or any(child.get("nb_element") == "cell_code_output"
                              for child in cell.children if isinstance(child, nodes.Element)):
                continue
            assets: dict[str, str] = {}
            depth = self.env.docname.count("/")
            try:
                text = self._drawn(str(key), "../" * depth, assets)
                if assets:
                    store = _store(self.env)
                    store.setdefault(self.env.docname, {}).update(assets)
            except Exception as exc:  # noqa: BLE001 - reported at the cell's line
                logger.warning("chart %r cannot be drawn: %s", key, exc,
                               location=cell, type="newsbook", subtype="chart")
                continue
            output = nodes.container(nb_element="cell_code_output", classes=["cell_output"])
            output.source, output.line = cell.source, cell.line
            output += nodes.raw(text=text, format="html", classes=["output", "text_html"])
            cell += output

    def _drawn(self, key: str, prefix: str, assets: dict[str, str]) -> str:
        """The chart's HTML (its files added to ``assets``), from the chart cache when
        nothing it is drawn from changed (:mod:`newsbook.charts.chart_cache`)."""
        from . import chart_cache
        data = Path(self.env.srcdir) / "data"
        files = self.app.builder.format == "html"
        folder = Path(self.app.doctreedir) / chart_cache.CACHE_DIR
        digest = chart_cache.key_of(key, data, prefix, files)
        hit = chart_cache.get(folder, digest) if digest else None
        if hit is not None:
            text, stored = hit
            assets.update(stored)
        else:
            drawn: dict[str, str] = {}
            text = chart_html(key, data, drawn if files else None, prefix)
            assets.update(drawn)
            if digest:
                chart_cache.put(folder, digest, text, drawn)
        if digest:
            _cache_used(self.env).setdefault(self.env.docname, set()).add(digest)
        return text


#: env attribute: {docname: {file name: text}}. Kept in the environment, not only written
#: out, so a rebuild that rewrites pages from cached doctrees (``_build/html`` deleted,
#: say) writes their chart files too.
ENV_ATTR = "newsbook_chart_assets"
#: env attribute: {docname: {chart cache digests its charts use}}
CACHE_ATTR = "newsbook_chart_cache"


def _per_doc(env, attr: str) -> dict:
    """The environment's ``{docname: ...}`` map kept under ``attr`` (made on first use)."""
    if not hasattr(env, attr):
        setattr(env, attr, {})
    return getattr(env, attr)


def _store(env) -> dict[str, dict[str, str]]:
    return _per_doc(env, ENV_ATTR)


def _cache_used(env) -> dict[str, set[str]]:
    return _per_doc(env, CACHE_ATTR)


def _purge(app, env, docname) -> None:
    _store(env).pop(docname, None)
    _cache_used(env).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    """Parallel reads (``-j``): bring each worker's files (and cache entries) home."""
    theirs, used = _store(other), _cache_used(other)
    for doc in docnames:
        if doc in theirs:
            _store(env)[doc] = theirs[doc]
        if doc in used:
            _cache_used(env)[doc] = used[doc]


def _write(app, exc) -> None:
    if exc is None and app.builder.format == "html":
        files: dict[str, str] = {}
        for assets in _store(app.env).values():
            files.update(assets)
        write_assets(Path(app.outdir), files)
    if exc is None:
        from . import chart_cache
        used = set().union(*_cache_used(app.env).values())
        chart_cache.prune(Path(app.doctreedir) / chart_cache.CACHE_DIR, used)


def setup(app) -> None:
    app.add_transform(DrawCharts)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _write, priority=250)
