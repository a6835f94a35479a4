"""End-to-end: the real book (and a throwaway minibook) in offline Chromium.

The ``book_html`` session fixture builds the real book when ``_build/html`` is
missing or older than ``chapters/*.md`` (or the chart code), so ``make test``
on a fresh clone really runs these checks. Chromium missing -> skip, unless
``NEWSBOOK_REQUIRE_BROWSER`` is set (then fail; see ``conftest.chromium``).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from browser import (CHART_TEXTS_JS, CONTRAST_JS, LAYOUT_JS, REPO, SOURCES_JS, build_minibook,
                     check_page, contrast_failures, overlapping_texts, pages, separated_years,
                     serve, set_theme, source_line_failures, texts_outside_svg)

pytestmark = [pytest.mark.browser]

BOOK_HTML = REPO / "_build" / "html"
CHART_CODE = REPO / "src" / "newsbook" / "charts"
PHONE = 390


def _newest(paths) -> float:
    return max((p.stat().st_mtime for p in paths), default=0.0)


@pytest.fixture(scope="session")
def book_html(browser_ok, built_book) -> Path:
    """``_build/html`` of the real book (conftest's session build, rebuilt when stale)."""
    if not list((REPO / "chapters").glob("*.md")):
        pytest.skip("no chapters/*.md (run scripts/convert.py)")
    return built_book


@pytest.fixture(scope="session")
def book_site(book_html, browser):
    rels = [p.relative_to(book_html).as_posix() for p in pages(book_html)]
    assert rels, "no chapter pages in _build/html/chapters"
    with serve(book_html) as base:
        yield base, browser, rels


def _registry():
    from newsbook.charts import REGISTRY
    return REGISTRY


def _with_menus(keys) -> set[str]:
    """Figure ids of the charts whose figure has a plotly updatemenu (a toggle)."""
    from newsbook.charts.render import build_figure
    reg = _registry()
    return {f"chart-{k}" for k in keys if build_figure(reg[k]).layout.updatemenus}


def test_book_chapters_draw_and_controls_work(book_site):
    base, browser, rels = book_site
    reports = [check_page(browser, base + rel) for rel in rels]
    problems = {r.url: r.failures for r in reports if r.failures}
    assert not problems, "\n".join(f"{u.rsplit('/', 1)[-1]}: {p}" for u, ps in problems.items() for p in ps)
    # every chart with plotly controls was clicked and changed
    with_controls = _with_menus([k for k, s in _registry().items() if s.chapter])
    on_pages = set()
    for rel in rels:
        text = (BOOK_HTML / rel).read_text(encoding="utf-8")
        on_pages |= set(re.findall(r'<figure class="nb-chart" id="(chart-[a-z0-9_]+)"', text))
    clicked = {cid for r in reports for cid, ok in r.control_checks if ok}
    assert (with_controls & on_pages) <= clicked, sorted((with_controls & on_pages) - clicked)
    total = sum(r.charts for r in reports)
    print(f"\n{len(reports)} chapter pages, {total} charts, "
          f"{len(clicked)} charts' controls clicked")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_book_readable_in_both_themes(book_site, theme):
    """Text vs real background: captions/notes/tables >= 4.5:1, ticks/legends >= 3:1;
    nothing runs past the plot edge or collides with the legend (1280 px)."""
    base, browser, rels = book_site
    rows = []

    def inspect(page, rep):
        set_theme(page, theme)
        got = page.evaluate(CONTRAST_JS)
        rows.extend(got)
        rep.extra += contrast_failures(got)
        rep.extra += page.evaluate(LAYOUT_JS)

    reports = [check_page(browser, base + rel, theme=theme, width=1280,
                          click_controls=False, inspect=inspect) for rel in rels]
    problems = {r.url: r.failures for r in reports if r.failures}
    assert not problems, "\n".join(f"{u.rsplit('/', 1)[-1]}: {p}" for u, ps in problems.items() for p in ps)
    assert len(rows) == sum(r.charts for r in reports)
    worst = {k: min(r[k] for r in rows if r.get(k) is not None)
             for k in ("caption", "note", "source", "table", "tick", "legend", "menu")
             if any(r.get(k) is not None for r in rows)}
    print(f"\n[{theme}] lowest contrast ratios over {len(rows)} charts: {worst}")


def test_book_theme_switching(book_site):
    """Light -> dark -> light on one page: plot text follows; the output box stays clear."""
    base, browser, rels = book_site
    seen = []

    def inspect(page, rep):
        for theme in ("dark", "light", "dark"):
            set_theme(page, theme)
            rows = page.evaluate(CONTRAST_JS)
            rep.extra += contrast_failures(rows)
            box = page.evaluate("() => getComputedStyle(document.querySelector("
                                "'figure.nb-chart').closest('.cell_output .output')"
                                " || document.body).backgroundColor")
            seen.append((theme, rows[0]["font"], box))

    rep = check_page(browser, base + rels[0], theme="light", click_controls=False,
                     inspect=inspect)
    assert not rep.failures, rep.failures
    from newsbook.charts.style import FONT_COLOR
    assert [(t, f) for t, f, _ in seen] == [(t, FONT_COLOR[t]) for t in ("dark", "light", "dark")]
    # pydata-sphinx-theme's light "paper" behind dark-mode outputs is gone
    assert all(b in ("rgba(0, 0, 0, 0)", "transparent") for _, _, b in seen), seen


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_book_phone_width(book_site, theme):
    """390 px: charts fit the column (no horizontal overflow), texts don't collide."""
    base, browser, rels = book_site

    def inspect(page, rep):
        page.wait_for_timeout(300)
        rep.extra += page.evaluate(LAYOUT_JS)
        rep.extra += contrast_failures(page.evaluate(CONTRAST_JS))
        narrow = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')]"
                               ".every(d => d.__nbNarrow === true)")
        if not narrow:
            rep.extra.append("compact phone layout not applied to every chart")

    reports = [check_page(browser, base + rel, width=PHONE, theme=theme,
                          click_controls=False, inspect=inspect) for rel in rels]
    problems = {r.url: r.failures for r in reports if r.failures}
    assert not problems, "\n".join(f"{u.rsplit('/', 1)[-1]}: {p}" for u, ps in problems.items() for p in ps)


def test_a_title_with_a_long_unbroken_word_wraps_on_a_phone(book_site):
    """A hostile feed's title ("… <script>alert('title')</script>", shown as text) has a
    word too long for a phone's column: it wraps, the page does not scroll sideways (it
    was 438 px wide at 412)."""
    base, browser, rels = book_site
    page = browser.new_page(viewport={"width": PHONE, "height": 800})
    try:
        page.goto(base + rels[0])
        page.evaluate("() => { document.querySelector('article.bd-article h1').textContent ="
                      " 'Spring clean-up ' + \"alert('title')</script>\".repeat(3); }")
        wider = page.evaluate("() => document.documentElement.scrollWidth"
                              " - document.documentElement.clientWidth")
    finally:
        page.close()
    assert wider <= 1, f"the page is {wider} px wider than the phone"


@pytest.mark.slow
def test_minibook_charts_draw(tmp_path, record_property, browser):
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
    with serve(html_dir) as base:
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
    assert not problems, "\n".join(f"{u.rsplit('/', 1)[-1]}: {p}" for u, ps in problems.items() for p in ps)
    assert sum(r.charts for r in reports) == 3
    # the facet toggle of the grouped chart (fx_bar) was exercised
    assert sorted(c for r in reports for c, ok in r.control_checks if ok) == ["chart-fx_bar"]


def test_registry_charts_draw_standalone(tmp_path, browser):
    """Every real registry chart draws in Chromium (plain page, no book build)."""
    from newsbook.charts import REGISTRY, show
    keys = sorted(k for k in REGISTRY if not k.startswith("fx_"))
    assert keys, "REGISTRY is empty: run scripts/convert.py"
    site = tmp_path / "site"
    (site / "chapters").mkdir(parents=True)
    shutil.copytree(REPO / "_static", site / "_static")
    body = "\n".join(show(k).html() for k in keys)
    (site / "chapters" / "all.html").write_text(
        '<!DOCTYPE html><html lang="en" data-content_root="../" data-theme="light">'
        '<head><meta charset="utf-8"><title>all charts</title>'
        '<link rel="stylesheet" href="../_static/newsbook.css"></head>'
        f"<body><main>{body}</main></body></html>", encoding="utf-8")
    with serve(site) as base:
        rep = check_page(browser, base + "chapters/all.html", timeout_ms=60000)
    print(f"\n{rep.charts} registry charts on one page: drawn {rep.drawn}, "
          f"{rep.load_ms:.0f} ms, controls {rep.control_checks}")
    assert rep.charts == len(keys)
    assert not rep.failures, rep.failures
    want = _with_menus(keys)
    checked = {cid for cid, _ in rep.control_checks}
    assert want <= checked, f"a toggle but no updatemenu clicked: {want - checked}"


def test_book_at_a_glance_point_opens_its_chapter(book_html, browser):
    """Clicking a point on the root page's chart navigates to that chapter (no kernel)."""
    with serve(book_html) as base:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        page = ctx.new_page()
        page.goto(f"{base}/intro.html")
        # the chart follows the article list (issue 11): it draws when scrolled to
        page.locator("#chart-book_at_a_glance").scroll_into_view_if_needed()
        page.wait_for_selector("#chart-book_at_a_glance svg.main-svg", timeout=20_000)
        point = page.locator("#chart-book_at_a_glance .scatterlayer .point").first
        with page.expect_navigation(timeout=10_000):
            point.click(force=True)
        assert "/chapters/" in page.url and page.url.endswith(".html")
        ctx.close()


# ------------------------------------------------------------- issue 8: visible defects

def _all_pages(book_html: Path) -> list[str]:
    """Every page with charts: chapters, the root page and the timeline."""
    rels = [p.relative_to(book_html).as_posix() for p in pages(book_html)]
    return rels + [r for r in ("intro.html", "timeline.html") if (book_html / r).exists()]


@pytest.fixture(scope="session")
def chart_texts(book_site, book_html):
    """Per page: every drawn chart text with its box, and each chart's source line
    (1280 px, light theme; charts scrolled into view so all have drawn)."""
    base, browser, _ = book_site
    got = {}

    def inspect_for(rel):
        def inspect(page, rep):
            page.wait_for_timeout(300)
            got[rel] = (page.evaluate(CHART_TEXTS_JS), page.evaluate(SOURCES_JS))
        return inspect

    for rel in _all_pages(book_html):
        rep = check_page(browser, base + rel, width=1280, theme="light",
                         click_controls=False, inspect=inspect_for(rel))
        assert rep.drawn == rep.charts, (rel, rep.failures)
    assert sum(len(t) for t, _ in got.values()) == len(
        [k for k in _registry() if not k.startswith("fx_")]), "every chart is on a page"
    return got


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{rel}: {p}" for rel, ps in problems.items() for p in ps)


def test_no_chart_text_extends_outside_its_svg(chart_texts):
    problems = {rel: texts_outside_svg(t) for rel, (t, _) in chart_texts.items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, _report(problems)


def test_no_two_chart_labels_overlap(chart_texts):
    problems = {rel: overlapping_texts(t) for rel, (t, _) in chart_texts.items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, _report(problems)


def test_no_year_has_a_thousands_separator(chart_texts):
    problems = {rel: separated_years(t) for rel, (t, _) in chart_texts.items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, _report(problems)
    ticks = [t["text"] for texts, _ in chart_texts.values() for c in texts
             for t in c["texts"] if t["kind"] in ("x tick", "y tick")]
    assert any(re.fullmatch(r"(19|20)\d\d", t) for t in ticks), "no year tick seen at all"


def test_source_lines_link_to_paragraphs_of_their_page(chart_texts):
    problems = {rel: source_line_failures(s, book_wide=not rel.startswith("chapters/"))
                for rel, (_, s) in chart_texts.items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, _report(problems)
    links = [a for _, s in chart_texts.values() for r in s for a in r["links"]
             if "nb-chart-quote-link" in a["cls"]]
    assert links, "no quote links at all"


def test_the_checks_catch_the_defects():
    """The detectors themselves: a clipped label, two overlapping labels, '1,986'."""
    box = {"left": 0, "right": 100, "top": 0, "bottom": 100}
    label = {"text": "more than 2,00", "kind": "label", "left": 90, "right": 130, "top": 10,
             "bottom": 20}
    other = dict(label, text="nearly 5,000", left=95, right=120)
    years = [{"text": y, "kind": "x tick", "left": 0, "right": 1, "top": 0, "bottom": 1}
             for y in ("1,986", "1,993")]
    chart = {"id": "chart-x", "svg": box, "texts": [label, other, *years]}
    assert texts_outside_svg([chart]) and overlapping_texts([chart])
    assert separated_years([chart])
    assert not separated_years([{"id": "c", "svg": box, "texts": [
        dict(years[0], text="1986"), dict(years[0], text="2,500")]}])
    rows = [{"id": "chart-x", "text": "Source: 13 quotes from footnotes of this article",
             "links": [{"cls": "nb-chart-quote-link", "href": "../chapters/a.html#p-1",
                        "target": False}]}]
    assert len(source_line_failures(rows, book_wide=True)) == 2


#: checks at phone width beyond LAYOUT_JS: a readable plot, menus clear of the mode bar,
#: value labels inside the chart, every plot shown (drawn hidden until its layout settled)
PHONE_JS = r"""() => {
  const R = e => e.getBoundingClientRect();
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 &&
                        a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const out = [];
  document.querySelectorAll('figure.nb-chart .js-plotly-plot').forEach(d => {
    const id = d.closest('figure').id, fl = d._fullLayout;
    if (getComputedStyle(d).visibility === 'hidden') out.push(`${id}: still hidden`);
    if (fl && fl._size && fl._size.w < 250 && d.clientWidth >= 300)
      out.push(`${id}: plot area only ${Math.round(fl._size.w)} px wide`);
    const svg = d.querySelector('svg.main-svg'); if (!svg) return;
    const edge = R(svg);
    d.querySelectorAll('.barlayer text, .scatterlayer .textpoint text').forEach(t => {
      const r = R(t);
      if (r.width && (r.right > edge.right + 1 || r.left < edge.left - 1))
        out.push(`${id}: value label "${t.textContent.slice(0, 30)}" runs past the chart`);
    });
    const bar = d.querySelector('.modebar');
    d.querySelectorAll('g.updatemenu-container').forEach(m => {
      if (bar && R(bar).width && hit(R(m), R(bar))) out.push(`${id}: a menu sits under the mode bar`);
    });
  });
  return out;
}"""


@pytest.mark.parametrize("start", [PHONE, 1200])
def test_charts_fit_a_phone_after_load_and_after_a_resize(book_site, book_html, start):
    """Issue 12: at 390 px (loaded there, or shrunk there from a desktop window) no chart's
    controls overlap each other or the mode bar, nothing runs off the edge, plots keep a
    readable width, and each chart shows only once its layout has settled."""
    base, browser, _ = book_site
    rels = _all_pages(book_html)

    def inspect(page, rep):
        if start != PHONE:
            page.set_viewport_size({"width": PHONE, "height": 900})
            page.wait_for_timeout(900)  # the loader refits 120 ms after the last resize
        page.wait_for_timeout(300)
        rep.extra += page.evaluate(LAYOUT_JS) + page.evaluate(PHONE_JS)

    problems = {}
    for rel in rels:
        rep = check_page(browser, base + rel, width=start, theme="light",
                         click_controls=False, inspect=inspect)
        if rep.failures:
            problems[rel] = rep.failures
    assert not problems, _report(problems)
