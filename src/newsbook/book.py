"""Orchestration: feeds -> model -> pages, toc, config and root page, all in memory.

Nothing here touches the disk except reading curated files; :mod:`cli` writes.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import Code, Diagnostic
from .model import Article, article_text
from .reference import block_texts, events_csv, load_reference, people_in, term_places
from .writers import book_files, reference_pages
from .writers.escape import clean, slugify
from .writers.myst_page import (PageContext, Placement, reading_minutes,
                                render_article)

DEFAULT_SETTINGS = {
    "title": "ChinaTalk 2025: an interactive reader",
    "author": "ChinaTalk",
    "intro": "Thirteen ChinaTalk posts from May to December 2025, as saved from the FreshRSS "
             "reader, rebuilt as a book: every sentence kept, footnotes linked both ways, and "
             "charts whose every number traces to a quote.",
}


@dataclass
class Curation:
    """Hand-made files the converter reads but never writes."""

    hints: dict[str, str] = field(default_factory=dict)
    themes: list[tuple[str, list[str]]] = field(default_factory=list)
    placements: dict[str, list[Placement]] = field(default_factory=dict)
    lost: dict[str, dict[str, str]] = field(default_factory=dict)
    settings: dict = field(default_factory=lambda: dict(DEFAULT_SETTINGS))


def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None


def load_curation(root: Path) -> Curation:
    """Read ``data/curation/*.yml``, ``data/placements.yml`` and ``data/lost_figures.yml``."""
    cur = Curation()
    hints = _yaml(root / "data/curation/hints.yml") or {}
    cur.hints = {clean(h["text"]): h["kind"] for h in hints.get("hints", [])}
    themes = _yaml(root / "data/curation/themes.yml") or {}
    cur.themes = [(t["name"], list(t.get("chapters", []))) for t in themes.get("themes", [])]
    cur.settings.update((_yaml(root / "data/curation/book.yml") or {}))
    for p in _yaml(root / "data/placements.yml") or []:
        cur.placements.setdefault(p["chapter"], []).append(
            Placement(p["chart"], p.get("after", ""), bool(p.get("replaces_caption")),
                      bool(p.get("live"))))
    for lf in _yaml(root / "data/lost_figures.yml") or []:
        cur.lost.setdefault(lf["chapter"], {})[lf["caption"]] = lf["note"]
    return cur


def assign_stems(articles: list[Article]) -> list[str]:
    """Stable, unique file stems ``<yyyy-mm-dd>-<slug>``; clashes get a content hash."""
    stems, seen = [], set()
    for a in articles:
        stem = f"{a.published:%Y-%m-%d}-{slugify(a.title)}"
        if stem in seen:
            stem += "-" + hashlib.sha1(a.title.encode()).hexdigest()[:6]
        if stem in seen:
            stem += "-" + hashlib.sha1(article_text(a).encode()).hexdigest()[:6]
        n = 2
        while stem in seen:
            stem, n = f"{stem}-{n}", n + 1
        seen.add(stem)
        stems.append(stem)
    return stems


def dataset_hashes(root: Path, registry: dict, keys: list[str]) -> dict[str, str]:
    """sha256 prefixes of the CSVs behind the given chart keys."""
    out = {}
    for key in keys:
        path = root / "data" / f"{registry[key].dataset}.csv"
        if path.exists():
            out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return out


def chart_registry():
    """The chart registry with all figure modules loaded."""
    from .charts import figures  # noqa: F401  (importing registers every chart)
    from .charts.registry import REGISTRY
    return REGISTRY


def quote_index(root: Path, pages: list[tuple[Article, str]]) -> dict:
    """Map each dataset quote to the chapter paragraph that holds it."""
    import csv
    blocks = [(stem, anchor, text) for a, stem in pages for anchor, text in block_texts(a, stem)]
    index: dict[str, dict[str, str]] = {}
    for path in sorted((root / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                quote = clean(row.get("quote") or "")
                if not quote or row.get("source_url") or quote in index:
                    continue
                hit = next(((s, a) for s, a, t in blocks if quote in t), None)
                if hit:
                    index[quote] = {"chapter": hit[0], "anchor": hit[1]}
    return dict(sorted(index.items()))


def render_book(articles: list[Article], root: Path, cur: Curation,
                diags: list[Diagnostic], *, progress: bool = False) -> dict[str, str]:
    """Every generated file as ``{relative path: text}``; a progress bar when asked."""
    registry = chart_registry()
    stems = assign_stems(articles)
    ref = load_reference(root)
    glossary_terms = [t.hanzi for t in ref.terms]
    theme_of = {}
    for name, members in cur.themes:
        for stem in members:
            theme_of.setdefault(stem, []).append(name)
    files: dict[str, str] = {}
    chapters = []
    index = quote_index(root, list(zip(articles, stems)))
    index_text = json.dumps(index, ensure_ascii=False, indent=1) + "\n"
    index_hash = hashlib.sha256(index_text.encode()).hexdigest()[:12]
    code_hash = chart_code_hash()
    pairs = list(zip(articles, stems))
    if progress:
        from rich.progress import track
        pairs = track(pairs, description="Writing chapters", transient=True)
    for article, stem in pairs:
        placements = []
        for p in cur.placements.get(stem, []):
            if p.chart in registry:
                placements.append(p)
            else:
                diags.append(Diagnostic(Code.BAD_PLACEMENT, f"placement names unknown chart "
                                        f"{p.chart!r}; skipped", "data/placements.yml", 1))
        ctx = PageContext(stem=stem, placements=placements, lost_notes=cur.lost.get(stem, {}),
                          themes=theme_of.get(stem, []),
                          chart_titles={p.chart: registry[p.chart].title for p in placements},
                          data_hashes=dataset_hashes(root, registry, [p.chart for p in placements]),
                          terms=glossary_terms,
                          index_names=people_in(article, stem, ref.people))
        if placements:  # source links come from the quote index: re-run when it changes
            ctx.data_hashes["quote_anchors.json"] = index_hash
            ctx.data_hashes["chart_code.py"] = code_hash  # and when chart code changes
        files[f"chapters/{stem}.md"] = render_article(article, ctx)
        files[f"chapters/{stem}.ipynb"] = as_ipynb(files[f"chapters/{stem}.md"])
        for p in placements:
            if p.chart not in ctx.used:
                diags.append(Diagnostic(Code.BAD_PLACEMENT, f"chart {p.chart!r}: no block of "
                                        f"{stem} contains {p.after[:60]!r}; chart not placed",
                                        "data/placements.yml", 1))
        chapters.append(book_files.Chapter(stem, article, tuple(theme_of.get(stem, [])),
                                           reading_minutes(article)))
    order = [name for name, _ in cur.themes]
    titles = {stem: a.title for a, stem in zip(articles, stems)}
    files["data/generated/book_events.csv"] = events_csv(ref.events, list(zip(articles, stems)))
    files["data/generated/book_articles.csv"] = articles_csv(chapters)
    files["glossary.md"] = reference_pages.render_glossary(
        ref.terms, term_places(ref.terms, list(zip(articles, stems))), titles)
    files["timeline.md"] = reference_pages.render_timeline(
        files["data/generated/book_events.csv"], titles,
        {"book_events.csv": _digest(files["data/generated/book_events.csv"]),
         "chart_code.py": code_hash})
    files["_toc.yml"] = book_files.dump(book_files.build_toc(chapters, order,
                                                             ["timeline", "glossary"]))
    files["_config.yml"] = book_files.dump(book_files.build_config(cur.settings))
    files["intro.md"] = book_files.render_intro(
        chapters, cur.settings, {"book_articles.csv": _digest(files["data/generated/book_articles.csv"]),
                                 "chart_code.py": code_hash})
    files["data/generated/quote_anchors.json"] = index_text
    files.update(static_assets())
    return files


def as_ipynb(page: str) -> str:
    """The same chapter as .ipynb, for Binder/Colab/JupyterHub launch buttons (which open
    an .ipynb beside the .md). Cell ids are numbered so the file is deterministic."""
    import jupytext
    nb = jupytext.reads(page, "md:myst")
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nb.metadata.pop("jupytext", None)  # a plain notebook: no pairing surprises in Lab
    return jupytext.writes(nb, "ipynb")


def chart_code_hash() -> str:
    """Digest of the chart package's source, so cached chapter outputs refresh after a
    change to how charts are drawn (jupyter-cache only sees the cells' code)."""
    charts = Path(__file__).resolve().parent / "charts"
    h = hashlib.sha256()
    for path in sorted(charts.rglob("*.py")):
        h.update(path.relative_to(charts).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def articles_csv(chapters) -> str:
    """The book-at-a-glance dataset: one row per chapter; the date quotes the feed."""
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["stem", "title", "published", "theme", "reading_minutes", "url", "quote",
                "line", "derived"])
    for c in chapters:
        w.writerow([c.stem, c.article.title, c.article.published.strftime("%Y-%m-%d %H:%M"),
                    (c.themes or ("More",))[0], c.reading_minutes, f"chapters/{c.stem}.html",
                    c.article.date_text, c.article.line + 2,
                    "reading_minutes = words / 230, rounded up"])
    return buf.getvalue()


def static_assets() -> dict[str, str]:
    """The book's own ``_static`` files (plotly.js, CSS), so any --book DIR builds offline."""
    src = Path(__file__).resolve().parents[2] / "_static"
    return {f"_static/{p.name}": p.read_text(encoding="utf-8")
            for p in sorted(src.glob("*")) if p.is_file()}
