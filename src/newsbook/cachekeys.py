"""Cache keys that follow use, and the quote -> paragraph index.

Sphinx reads a page again (and :mod:`newsbook.charts.static` redraws its charts) only when
its source changes; a live notebook's user sees the same digests. Each chapter's hidden
setup cell therefore lists digests of exactly what its charts use: their specs,
their datasets, the source of their kinds and the quote links of their rows.
Editing one kind changes only the chapters that draw it; editing prose changes no
setup cell (unless it moves a quoted paragraph).
"""
from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from pathlib import Path

from .writers.escape import clean


def digest(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return hashlib.sha256(data).hexdigest()[:12]


def dataset_text(root: Path, name: str, generated: dict[str, str]) -> str:
    if name in generated:
        return generated[name]
    path = Path(root) / "data" / f"{name}.csv"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def quoted_lines(root: Path, datasets: list[str]) -> set[int]:
    """Feed lines quoted by these curated datasets."""
    out = set()
    for name in datasets:
        for row in _rows(dataset_text(root, name, {})):
            line = (row.get("line") or "").strip()
            if line.isdigit():
                out.add(int(line))
    return out


def quote_index(root: Path, pages, charts) -> dict[str, dict[str, str]]:
    """Each dataset quote -> the chapter paragraph that holds it (curated datasets are
    matched by text; generated rows carry their own anchor)."""
    from .reference import block_texts
    article_of = {stem: a for a, stem in pages}
    own_blocks: dict[str, list[tuple[str, str]]] = {}

    def blocks(stem: str) -> list[tuple[str, str]]:
        if stem not in own_blocks:
            own_blocks[stem] = block_texts(article_of[stem], stem)
        return own_blocks[stem]

    def in_own(stem: str, quote: str):
        if stem not in article_of:
            return None
        return next(((stem, a) for a, t in blocks(stem) if quote in t), None)

    def anywhere(quote: str):
        # the first block of the book (in page order) that holds it; pages are read only
        # up to there (reading them all was half a second of a 30 MB copy, on one core)
        return next(((stem, a) for _, stem in pages for a, t in blocks(stem) if quote in t),
                    None)
    index: dict[str, dict[str, str]] = {}
    names = sorted({s.dataset for s in charts.specs.values()})
    # a quote the chart's own article holds links there, even if another article repeats it
    home = {s.dataset: s.chapter for s in charts.specs.values() if s.chapter}
    for name in names:
        for row in _rows(dataset_text(root, name, charts.datasets)):
            quote = clean(row.get("quote") or "")
            if not quote or row.get("source_url") or quote in index:
                continue
            if row.get("anchor") and row.get("chapter"):
                index[quote] = {"chapter": row["chapter"], "anchor": row["anchor"]}
                continue
            own = home.get(name)
            hit = (in_own(own, quote) if own else None) or anywhere(quote)
            if hit:
                index[quote] = {"chapter": hit[0], "anchor": hit[1]}
    return dict(sorted(index.items()))


KINDS_DIR = Path(__file__).resolve().parent / "charts" / "kinds"
#: shared by every kind: a change here re-keys every chapter with a chart
COMMON = ("_common.py", "__init__.py")


CHARTS_DIR = KINDS_DIR.parent
#: what turns any figure into the page's HTML: a change here re-keys every chart page
RENDER = ("render.py", "style.py", "loader.py", "registry.py", "datasets.py", "static.py",
          "templates/chart.html.j2", "templates/source.html.j2", "templates/table.html.j2")


def kind_sources(kind: str) -> dict[str, bytes]:
    """Source files a chart of this kind depends on, by name (read once per version of
    the files: every chart of a kind shares them)."""
    paths = [KINDS_DIR / f"{kind}.py", *(KINDS_DIR / n for n in COMMON),
             *(CHARTS_DIR / n for n in RENDER)]
    return _kind_sources(kind, tuple(p.stat().st_mtime_ns for p in paths))


@functools.lru_cache(maxsize=64)
def _kind_sources(kind: str, stamps: tuple[int, ...]) -> dict[str, bytes]:
    """Source files a chart of this kind depends on, by name (read as files, so the
    converter need not import pandas and plotly to key its caches)."""
    names = [f"{kind}.py", *COMMON]
    out = {f"kind_{n.replace('.py', '').strip('_')}.py": (KINDS_DIR / n).read_bytes()
           for n in names}
    out["chart_render.py"] = b"\0".join((CHARTS_DIR / n).read_bytes() for n in RENDER)
    return out


def spec_hashes(root: Path, specs, generated: dict[str, str]) -> dict[str, str]:
    """Digests of what these specs use: spec JSON, datasets, kind code."""
    from .plan import spec_json
    out: dict[str, str] = {}
    for spec in specs:
        out[f"chart_{spec.key}.json"] = digest(json.dumps(spec_json(spec), sort_keys=True))
        out[f"{spec.dataset}.csv"] = digest(dataset_text(root, spec.dataset, generated))
        for name, source in kind_sources(spec.kind).items():
            out[name] = _source_digest(source)
    return out


_DIGEST_OF: dict[bytes, str] = {}


def _source_digest(source: bytes) -> str:
    """digest(source), once per text: every chart of a kind hashes the same ~70 kB of
    chart code (a bytes object keeps its hash, so the lookup costs nothing; hashing
    them per chart was 5% of rendering a big copy's pages)."""
    known = _DIGEST_OF.get(source)
    if known is None:
        if len(_DIGEST_OF) > 256:
            _DIGEST_OF.clear()
        known = _DIGEST_OF[source] = digest(source)
    return known


def chapter_hashes(root: Path, specs, charts, index: dict) -> dict[str, str]:
    """Setup-cell digests for one chapter; the quote links only of its own rows."""
    out = spec_hashes(root, specs, charts.datasets)
    if specs:
        # per chart, as its source line is drawn: a generated row links itself, a row
        # matched by text links where the book-wide index says
        links: dict[str, dict[str, str]] = {}
        for s in specs:
            for r in _rows(dataset_text(root, s.dataset, charts.datasets)):
                q = clean(r.get("quote") or "")
                if r.get("anchor") and r.get("chapter"):
                    links[f"{s.key}\0{q}"] = {"chapter": r["chapter"], "anchor": r["anchor"]}
                elif q in index:
                    links[f"{s.key}\0{q}"] = index[q]
        links = dict(sorted(links.items()))
        out["quote_anchors.json"] = digest(json.dumps(links, sort_keys=True, ensure_ascii=False))
    return out


def page_hashes(root: Path, specs, texts: dict[str, str]) -> dict[str, str]:
    """Setup-cell digests for a book-wide page whose datasets are generated texts."""
    generated = {name.removesuffix(".csv"): text for name, text in texts.items()}
    return spec_hashes(root, specs, generated)
