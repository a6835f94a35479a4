"""Charts for the book: ``show(key)`` in chapters, ``explore(key)`` live.

Chart specs come from the book's ``data/generated/charts.json`` (see
:mod:`.registry`); kinds draw them (:mod:`.kinds`). The module is also a tiny Sphinx extension
(``extra_extensions: [newsbook.charts]``): Jupyter Book auto-adds every
``_static/*.js`` to ``html_js_files``, which would load the 1.2 MB plotly bundle
render-blocking on every page; :func:`setup` removes it again (the inline chart
loader fetches it asynchronously, only on pages with charts) and de-duplicates
the CSS/JS lists.
"""
from __future__ import annotations

import re

_LAZY = {"show": ".render", "load": ".datasets", "data_dir": ".datasets",
         "DatasetError": ".datasets", "REGISTRY": ".registry"}


def __getattr__(name: str):
    """``show``, ``load``... on first use: the Sphinx extension below must not import
    pandas and plotly into every build (about 2 s), only chapter kernels need them."""
    if name in _LAZY:
        from importlib import import_module
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def explore(key: str):
    """ipywidgets explorer for the live notebook (imports ipywidgets lazily)."""
    from .live import explore as _explore
    return _explore(key)


__all__ = ["show", "explore", "load", "REGISTRY",
           "DatasetError", "data_dir", "setup"]

from .page_assets import ON_DEMAND_JS  # noqa: E402  (loaded by the chart loader, never everywhere)
#: the plotly.js core and its add-ons beside it (plotly-pie.min.js...; the chart loader
#: fetches those a figure needs): never a page's own <script>. A pattern, not a list, so a
#: new add-on of scripts/plotly_bundle is kept off every page without an edit here.
_BUNDLE_FILE = re.compile(r"(?:^|/)plotly-[a-z0-9]+\.min\.js$")


def _is_bundle(name: str) -> bool:
    return _BUNDLE_FILE.search(name.split("?")[0]) is not None


def _name(entry) -> str:
    return entry[0] if isinstance(entry, (tuple, list)) else str(entry)


def _clean_assets(app, config) -> None:
    js, seen = [], set()
    for entry in list(config.html_js_files or []):
        name = _name(entry)
        if _is_bundle(name) or name.endswith(ON_DEMAND_JS) or name in seen:
            continue
        seen.add(name)
        js.append(entry)
    config.html_js_files = js
    css, seen = [], set()
    for entry in list(config.html_css_files or []):
        name = _name(entry)
        if name in seen:
            continue
        seen.add(name)
        css.append(entry)
    config.html_css_files = css


def _asset_key(asset) -> tuple:
    filename = getattr(asset, "filename", asset)
    attrs = getattr(asset, "attributes", {}) or {}
    return (str(filename or ""), str(attrs.get("body", "")))


def _dedupe_page_assets(app, pagename, templatename, context, doctree) -> None:
    """Drop repeated <script>/<link> entries and any static plotly bundle tag.

    Jupyter Book 1.0.4 + Sphinx 7.4 emit sphinx-thebe's and togglebutton's
    inline scripts twice on every page ("Identifier 'THEBE_JS_URL' has
    already been declared" in the console).
    """
    for name in ("script_files", "css_files"):
        files = context.get(name)
        if not files:
            continue
        seen, kept = set(), []
        for asset in files:
            key = _asset_key(asset)
            if key in seen or (name == "script_files" and _is_bundle(key[0])):
                continue
            seen.add(key)
            kept.append(asset)
        files[:] = kept


def _sync_static(app, exc) -> None:
    """Copy the book's own ``_static`` files that changed since the last build (its own
    scripts and stylesheet minified: :mod:`.minify`).

    Sphinx copies static files only when it writes pages, so after an update that
    changes just a script (the chart loader, say) a no-op rebuild would keep serving
    the old one next to pages that expect the new one."""
    import filecmp
    import shutil
    from pathlib import Path
    from .minify import built_bytes
    if exc is not None or app.builder.format != "html":
        return
    out = Path(app.outdir) / "_static"
    for entry in app.config.html_static_path:
        src_dir = Path(app.confdir) / entry
        if not src_dir.is_dir() or not out.is_dir():
            continue
        for src in sorted(src_dir.iterdir()):
            dest = out / src.name
            if not src.is_file() or src.name.startswith("."):
                continue
            small = built_bytes(src)  # the book's own scripts and CSS: served minified
            if small is not None:
                if not dest.exists() or dest.read_bytes() != small:
                    dest.write_bytes(small)
            elif not dest.exists() or not filecmp.cmp(src, dest, shallow=False):
                shutil.copyfile(src, dest)


def setup(app):
    """Sphinx entry point (see module docstring; page-weight hooks in :mod:`.loader`)."""
    from .page_assets import favicon, page_metatags, root_index, wrap_renderer
    from . import static
    static.setup(app)  # charts drawn at build time, without a kernel
    app.connect("config-inited", _clean_assets, priority=900)
    app.connect("config-inited", favicon, priority=900)
    app.connect("html-page-context", _dedupe_page_assets, priority=900)
    app.connect("html-page-context", page_metatags, priority=900)
    app.connect("builder-inited", wrap_renderer)
    app.connect("build-finished", _sync_static, priority=300)
    app.connect("build-finished", root_index, priority=400)
    # after every other page is written (index.html included): unused theme CSS out
    from .css_purge import purge_css
    app.connect("build-finished", purge_css, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True,
            "version": "1"}
