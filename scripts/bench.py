#!/usr/bin/env python
"""Print size/speed figures for the book's charts (``make bench``).

* ``--build``: time a ``jupyter-book build . -W -n --keep-going`` first
  (``--build-clean`` also drops the jupyter-cache, so every chapter re-executes);
* size of ``_static/plotly-basic.min.js`` (fetched once, only on chart pages);
* every built page: HTML size, charts on the page, chart HTML bytes on it;
* total size of ``_build/html``;
* time and HTML size of every registry chart's ``show(key).html()``.

Always exits 0 unless a requested build fails; missing pieces are reported.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HTML = REPO / "_build" / "html"
BUNDLE = REPO / "_static" / "plotly-basic.min.js"
FIGURE_RE = re.compile(r'<figure class="nb-chart".*?</figure>', re.S)


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} kB"


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build(clean: bool) -> int:
    if clean:
        shutil.rmtree(REPO / "_build" / ".jupyter_cache", ignore_errors=True)
    jb = Path(sys.executable).parent / "jupyter-book"
    args = [str(jb if jb.exists() else "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
    if clean:
        args.append("--all")
    print("== book build: " + " ".join(args[1:]))
    t0 = time.perf_counter()
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
    print(f"book build time: {secs:.1f} s  {status}"
          f"{'  (cache cleared)' if clean else '  (jupyter-cache reused)'}")
    if proc.returncode:
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n")
    print()
    return proc.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", action="store_true", help="time a book build first")
    ap.add_argument("--build-clean", action="store_true",
                    help="time a full re-executing build (drops the jupyter-cache)")
    opts = ap.parse_args(argv)
    os.chdir(REPO)
    sys.path.insert(0, str(REPO / "src"))
    if opts.build or opts.build_clean:
        if build(opts.build_clean):
            return 1

    print("== static assets")
    if BUNDLE.is_file():
        head = BUNDLE.read_text(encoding="utf-8", errors="replace")[:120]
        version = head.split(" v", 1)[1].split()[0] if " v" in head else "?"
        print(f"plotly bundle _static/plotly-basic.min.js  {kb(BUNDLE.stat().st_size)}  (v{version}; "
              "loaded async once per chart page)")
    else:
        print("_static/plotly-basic.min.js  MISSING")
    css = REPO / "_static" / "newsbook.css"
    if css.is_file():
        print(f"_static/newsbook.css  {kb(css.stat().st_size)}")

    print("\n== built pages (page size, charts, chart HTML on the page)")
    pages = sorted(HTML.rglob("*.html")) if HTML.is_dir() else []
    pages = [p for p in pages if "_sources" not in p.parts]
    if not pages:
        print("no _build/html (run `make book` or `scripts/bench.py --build`)")
    total_charts = chart_pages = 0
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        figs = FIGURE_RE.findall(text)
        if not figs and page.parent == HTML and page.name in ("genindex.html", "search.html"):
            continue
        total_charts += len(figs)
        chart_pages += bool(figs)
        chart_bytes = sum(len(f.encode()) for f in figs)
        print(f"{kb(page.stat().st_size):>10}  {len(figs):>2} charts  {kb(chart_bytes):>9} charts  "
              f"{page.relative_to(HTML)}")
    if HTML.is_dir():
        print(f"total book: {kb(tree_size(HTML))} in {sum(1 for _ in HTML.rglob('*.html'))} HTML files; "
              f"{total_charts} charts on {chart_pages} pages "
              f"({total_charts / max(chart_pages, 1):.1f} charts per chart page)")

    print("\n== chart render (show(key).html(); first call includes imports)")
    try:
        from newsbook.charts import REGISTRY, show
    except Exception as exc:  # noqa: BLE001
        print(f"cannot import newsbook.charts: {exc}")
        return 0
    if not REGISTRY:
        print("REGISTRY is empty")
        return 0
    times, sizes = [], []
    for key in sorted(REGISTRY):
        t0 = time.perf_counter()
        try:
            html = show(key).html()
        except Exception as exc:  # noqa: BLE001
            print(f"{'ERROR':>9}  {key}: {type(exc).__name__}: {exc}")
            continue
        ms = (time.perf_counter() - t0) * 1000
        times.append(ms)
        sizes.append(len(html.encode()))
        print(f"{ms:>7.1f} ms  {kb(sizes[-1]):>9}  {key}")
    if times:
        print(f"{len(times)} charts: render total {sum(times):.0f} ms, max {max(times):.1f} ms, "
              f"mean {sum(times) / len(times):.1f} ms; HTML total {kb(sum(sizes))}, "
              f"max {kb(max(sizes))}, mean {kb(sum(sizes) // len(sizes))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
