"""End-to-end: charts draw in real (offline) Chromium.

* ``test_book_chapters`` checks every ``_build/html/chapters/*.html`` of the real
  book (skipped until the book has been built);
* ``test_minibook_charts_draw`` builds a throwaway two-chapter Jupyter Book with
  fixture charts through the real show() path and checks it the same way.
"""
from __future__ import annotations

import re
import time

import pytest

from browser import CHROMIUM, REPO, build_minibook, check_page, chromium, pages, serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed"),
]

BOOK_HTML = REPO / "_build" / "html"


def _check_all(html_dir, urls_rel):
    reports = []
    with serve(html_dir) as base, chromium() as browser:
        for rel in urls_rel:
            reports.append(check_page(browser, base + rel))
    return reports


@pytest.mark.skipif(not (BOOK_HTML / "chapters").is_dir(),
                    reason="_build/html/chapters missing: build the book first")
def test_book_chapters():
    chapter_pages = pages(BOOK_HTML)
    if not chapter_pages:
        pytest.skip("no chapter pages in _build/html/chapters")
    rels = [p.relative_to(BOOK_HTML).as_posix() for p in chapter_pages]
    reports = _check_all(BOOK_HTML, rels)
    problems = {r.url: r.failures for r in reports if r.failures}
    assert not problems, problems


@pytest.mark.slow
def test_minibook_charts_draw(tmp_path, record_property):
    html_dir, build_secs = build_minibook(tmp_path / "minibook")
    record_property("minibook_build_seconds", round(build_secs, 1))
    print(f"\nminibook build: {build_secs:.1f}s")

    fixture = (html_dir / "chapters" / "2025-01-01-fixture.html").read_text()
    # Jupyter Book auto-adds _static/*.js; the newsbook.charts extension must
    # have removed the bundle so it never loads render-blocking in <head>
    assert not re.search(r'<script[^>]+plotly-basic\.min\.js', fixture)
    assert fixture.count("newsbook.css") == 1
    assert "cdn." not in fixture and "require.min.js" not in fixture
    assert "<script>alert" not in fixture
    assert fixture.count('<figure class="nb-chart"') == 2
    assert (html_dir / "_static" / "plotly-basic.min.js").is_file()

    rels = [p.relative_to(html_dir).as_posix() for p in pages(html_dir)]
    assert len(rels) == 2
    with serve(html_dir) as base, chromium() as browser:
        reports = [check_page(browser, base + rel) for rel in rels]
        # a page without charts must not fetch the bundle at all
        intro = browser.new_page()
        fetched = []
        intro.on("request", lambda r: fetched.append(r.url))
        intro.goto(base + "intro.html", wait_until="load")
        intro.close()
        assert not [u for u in fetched if "plotly" in u]
        # dark mode: text colour follows <html data-theme>
        page = browser.new_page()
        page.goto(base + rels[0], wait_until="load")
        page.wait_for_function("() => document.querySelectorAll("
                               "'figure.nb-chart svg.main-svg').length >= 2")
        light = page.evaluate("() => document.querySelector('.js-plotly-plot')"
                              "._fullLayout.font.color")
        page.evaluate("() => document.documentElement.dataset.theme = 'dark'")
        page.wait_for_function("() => document.querySelector('.js-plotly-plot')"
                               "._fullLayout.font.color === '#e3e3e3'", timeout=5000)
        page.close()
    assert light == "#1f2328"
    for r in reports:
        print(f"{r.url}: {r.charts} charts, drawn {r.drawn}, "
              f"{r.load_ms:.0f} ms, controls {r.control_checks}")
    problems = {r.url: r.failures for r in reports if r.failures}
    assert not problems, problems
    assert sum(r.charts for r in reports) == 3
    # both the buttons menu (fx_bar) and the dropdown (fx_line) were exercised
    assert sorted(c for r in reports for c, ok in r.control_checks if ok) == \
        ["chart-fx_bar", "chart-fx_line"]


def test_registry_charts_draw_standalone(tmp_path):
    """Every real registry chart draws in Chromium (plain page, no book build)."""
    import shutil
    from newsbook.charts import REGISTRY, show
    keys = sorted(k for k in REGISTRY if not k.startswith("fx_"))
    if not keys:
        pytest.skip("REGISTRY is empty (no newsbook.charts.figures yet)")
    site = tmp_path / "site"
    (site / "chapters").mkdir(parents=True)
    shutil.copytree(REPO / "_static", site / "_static")
    body = "\n".join(show(k).html() for k in keys)
    (site / "chapters" / "all.html").write_text(
        '<!DOCTYPE html><html lang="en" data-content_root="../" data-theme="light">'
        '<head><meta charset="utf-8"><title>all charts</title>'
        '<link rel="stylesheet" href="../_static/newsbook.css"></head>'
        f"<body><main>{body}</main></body></html>", encoding="utf-8")
    with serve(site) as base, chromium() as browser:
        rep = check_page(browser, base + "chapters/all.html", timeout_ms=60000)
    print(f"\n{rep.charts} registry charts on one page: drawn {rep.drawn}, "
          f"{rep.load_ms:.0f} ms, controls {rep.control_checks}")
    assert rep.charts == len(keys)
    assert not rep.failures, rep.failures
    want = {f"chart-{k}" for k in keys if REGISTRY[k].controls}
    checked = {cid for cid, _ in rep.control_checks}
    assert want <= checked, f"controls=True but no updatemenu clicked: {want - checked}"
