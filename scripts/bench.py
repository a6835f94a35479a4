#!/usr/bin/env python
"""Print size/speed figures for the book's charts (``make bench``).

* size of each ``_build/html/chapters/*.html`` and its chart count;
* size of ``_static/plotly-basic.min.js`` (fetched once, only on chart pages);
* total size of ``_build/html``;
* time and HTML size of every registry chart's ``show(key).html()``.

Always exits 0; missing pieces are reported, not fatal.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HTML = REPO / "_build" / "html"
BUNDLE = REPO / "_static" / "plotly-basic.min.js"


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} kB"


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    os.chdir(REPO)
    sys.path.insert(0, str(REPO / "src"))
    print("== static assets")
    if BUNDLE.is_file():
        head = BUNDLE.read_text(encoding="utf-8", errors="replace")[:120]
        version = head.split(" v", 1)[1].split()[0] if " v" in head else "?"
        print(f"_static/plotly-basic.min.js  {kb(BUNDLE.stat().st_size)}  (v{version})")
    else:
        print("_static/plotly-basic.min.js  MISSING")

    print("\n== built pages")
    chapters = sorted((HTML / "chapters").glob("*.html")) if HTML.is_dir() else []
    if not chapters:
        print("no _build/html/chapters/*.html (run `make book` first)")
    total_charts = 0
    for page in chapters:
        text = page.read_text(encoding="utf-8", errors="replace")
        n = text.count('<figure class="nb-chart"')
        total_charts += n
        print(f"{page.stat().st_size:>10,} B  {n:>2} charts  chapters/{page.name}")
    if HTML.is_dir():
        print(f"total book: {kb(tree_size(HTML))} in {sum(1 for _ in HTML.rglob('*.html'))} "
              f"HTML files; {total_charts} charts on {len(chapters)} chapter pages")

    print("\n== chart render (show(key).html())")
    try:
        from newsbook.charts import REGISTRY, show
    except Exception as exc:  # noqa: BLE001
        print(f"cannot import newsbook.charts: {exc}")
        return 0
    if not REGISTRY:
        print("REGISTRY is empty")
        return 0
    times = []
    for key in sorted(REGISTRY):
        t0 = time.perf_counter()
        try:
            html = show(key).html()
        except Exception as exc:  # noqa: BLE001
            print(f"{'ERROR':>9}  {key}: {type(exc).__name__}: {exc}")
            continue
        ms = (time.perf_counter() - t0) * 1000
        times.append(ms)
        print(f"{ms:>7.1f} ms  {len(html.encode()):>9,} B  {key}")
    if times:
        print(f"{len(times)} charts, total {sum(times):.0f} ms, "
              f"max {max(times):.1f} ms, mean {sum(times) / len(times):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
