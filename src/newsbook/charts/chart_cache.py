"""Drawn charts kept between builds, keyed on everything a chart is drawn from.

Why: Sphinx reads a page again when its text changes, and :mod:`newsbook.charts.static`
then draws its charts again: importing pandas and plotly and building each figure was
about a third of a rebuild after a one-word prose edit. A prose edit changes no chart, so
the chart's HTML and files are taken from here instead, and such a rebuild imports
neither library.

The key is a digest of all a chart's HTML is made from: its key, the page's depth and
whether its files are written out (the builder), its spec as the converter wrote it
(``data/generated/charts.json``), its dataset's CSV, the quote -> paragraph index
(``quote_anchors.json``), the source of every module, kind and template of
``newsbook.charts``, and the versions of plotly, pandas and numpy. A spec registered in
the process (a live session, a test) is never cached. Entries live in Sphinx's doctree
folder, so a clean build starts without them; entries no page uses any more are removed
at the end of each build.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

CACHE_DIR = "newsbook-charts"
_CHARTS = Path(__file__).resolve().parent
_CODE: list[str] = []      # digest of the charts code and library versions (once)
_PLAN: dict = {}           # (path, mtime_ns) -> parsed charts.json


def _code_digest() -> str:
    if not _CODE:
        from importlib.metadata import PackageNotFoundError, version
        h = hashlib.sha256()
        for path in sorted([*_CHARTS.glob("*.py"), *_CHARTS.glob("kinds/*.py"),
                            *_CHARTS.glob("templates/*")]):
            h.update(path.relative_to(_CHARTS).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
        for lib in ("plotly", "pandas", "numpy"):
            try:
                h.update(f"{lib}={version(lib)}\0".encode())
            except PackageNotFoundError:
                h.update(f"{lib}=?\0".encode())
        _CODE.append(h.hexdigest())
    return _CODE[0]


def _plan(data: Path) -> dict:
    from .registry import PLAN_FILE
    path = data / "generated" / PLAN_FILE
    try:
        st = path.stat()
        stamp = (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        return {}
    if _PLAN.get("stamp") != stamp:
        try:
            specs = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            specs = {}
        _PLAN.clear()
        _PLAN.update(stamp=stamp, specs=specs if isinstance(specs, dict) else {})
    return _PLAN["specs"]


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"\0missing"


def key_of(key: str, data: Path, prefix: str, with_files: bool) -> str | None:
    """The cache key of chart ``key`` of the book whose data folder is ``data``, or None
    when it must be drawn (not a spec of the book's plan, or a bad dataset name)."""
    from .datasets import DatasetError, dataset_path
    from .registry import REGISTRY
    if key in getattr(REGISTRY, "extra", {}):
        return None
    spec = _plan(data).get(key)
    try:
        csv = dataset_path(spec.get("dataset") if isinstance(spec, dict) else None, data)
    except DatasetError:
        return None
    h = hashlib.sha256()
    for part in (key, prefix, "files" if with_files else "inline", _code_digest(),
                 json.dumps(spec, sort_keys=True, ensure_ascii=False)):
        h.update(part.encode() + b"\0")
    h.update(_bytes(csv) + b"\0")
    h.update(_bytes(data / "generated" / "quote_anchors.json"))
    return h.hexdigest()[:32]


def get(folder: Path, digest: str) -> tuple[str, dict[str, str]] | None:
    """(html, chart files) stored under ``digest``, or None."""
    try:
        entry = json.loads((folder / f"{digest}.json").read_text(encoding="utf-8"))
        return entry["html"], entry["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def put(folder: Path, digest: str, html: str, files: dict[str, str]) -> None:
    """Store a drawn chart (written whole, then renamed: never half an entry)."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{digest}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"html": html, "files": files}, ensure_ascii=False),
                   encoding="utf-8")
    tmp.replace(folder / f"{digest}.json")


def prune(folder: Path, used: set[str]) -> None:
    """Remove the entries no page uses (and leftovers of interrupted writes)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.suffix == ".tmp" or (path.suffix == ".json" and path.stem not in used):
            path.unlink(missing_ok=True)
