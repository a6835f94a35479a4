"""The plotly.js core and its add-ons (scripts/plotly_bundle): ``_static/plotly-basic.min.js``
draws scatter and bar traces; ``plotly-<name>.min.js`` beside it the pie trace and the
annotations, shapes and updatemenus components. The chart loader (``N.addons`` in
``_static/newsbook-charts.js``) picks a figure's add-ons from its JSON; every figure the
book writes must get all it uses, and draw as it does with every add-on loaded."""
from __future__ import annotations

import contextlib

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import NODE_LOADER_STUB, REPO, serve

STATIC = REPO / "_static"
CORE = "plotly-basic.min.js"
LOADER = STATIC / "newsbook-charts.js"
#: what each file draws ("trace:<type>", "layout:<list>")
PROVIDES = {
    CORE: {"trace:scatter", "trace:bar"},
    "plotly-pie.min.js": {"trace:pie"},
    "plotly-annotations.min.js": {"layout:annotations"},
    #: the mode bar: fetched by the loader for a chart that shows it (at least `narrow`
    #: px wide), never for what a figure draws
    "plotly-modebar.min.js": set(),
    "plotly-shapes.min.js": {"layout:shapes"},
    "plotly-updatemenus.min.js": {"layout:updatemenus"},
}
#: layout lists whose items plotly draws: items of the figure's own, or named items of its
#: template's (plotly.js draws those even when the figure has none)
LAYOUT_LISTS = ("annotations", "shapes", "updatemenus", "sliders", "images")


def uses(fig: dict) -> set[str]:
    """What drawing ``fig`` takes: its trace types and its non-empty layout lists."""
    out = {f"trace:{t.get('type') or 'scatter'}" for t in fig.get("data") or []}
    layout = fig.get("layout") or {}
    tlayout = (layout.get("template") or {}).get("layout") or {}
    out |= {f"layout:{k}" for k in LAYOUT_LISTS if layout.get(k) or tlayout.get(k)}
    return out


def book_figures() -> dict[str, dict]:
    """Every figure JSON the book writes: each registry chart's (as ``ChartView.html``
    writes it for the book), and those of a built book if there is one."""
    from newsbook.charts import REGISTRY, show
    from newsbook.charts.datasets import DatasetError
    figs: dict[str, dict] = {}
    for key in sorted(REGISTRY):
        assets: dict[str, str] = {}
        try:
            show(key).html(assets=assets)
        except DatasetError:
            continue
        for name, text in assets.items():
            if name.endswith(".json") and "-rows." not in name:
                figs[key] = json.loads(text)
    built = REPO / "_build" / "html" / "_charts"
    for path in sorted(built.glob("*.json")) if built.is_dir() else []:
        fig = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(fig, dict) and "data" in fig:
            figs[f"_charts/{path.name}"] = fig
    return figs


#: synthetic figures that must get their add-ons too (template items, a pie with shapes)
SYNTHETIC = {
    "template-annotation": {"data": [{"type": "bar", "x": [1], "y": [2]}],
                            "layout": {"template": {"layout": {"annotations": [
                                {"name": "mark", "text": "T", "x": 0, "y": 0,
                                 "xref": "paper", "yref": "paper"}]}}}},
    "pie-and-shapes": {"data": [{"type": "pie", "values": [1, 2], "labels": ["a", "b"]}],
                       "layout": {"shapes": [{"type": "rect", "x0": 0, "x1": 0.2, "y0": 0,
                                              "y1": 0.2, "xref": "paper", "yref": "paper"}]}},
    "scatter-default": {"data": [{"x": [1, 2], "y": [3, 4]}], "layout": {}},
}



def loader_rule(figs: dict[str, dict], tmp_path: Path) -> dict[str, list[str]]:
    """``N.addons(fig)`` of the loader file, for each figure, run in node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not installed")
    data = tmp_path / "figs.json"
    data.write_text(json.dumps(figs), encoding="utf-8")
    # (only the tail is %-formatted: the loader's own "%" operators stay as they are)
    script = NODE_LOADER_STUB + LOADER.read_text(encoding="utf-8") + (
        "\nconst figs = JSON.parse(require('fs').readFileSync(%s, 'utf8'));\n"
        "const out = {};\n"
        "for (const k of Object.keys(figs)) out[k] = window.__newsbookCharts.addons(figs[k]);\n"
        "process.stdout.write(JSON.stringify(out));\n") % json.dumps(str(data))
    res = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


MODEBAR = "plotly-modebar.min.js"


def files_for(addons: list[str]) -> list[str]:
    return [CORE] + [f"plotly-{a}.min.js" for a in addons]


def test_every_bundle_file_is_described():
    """A new add-on file needs its line in PROVIDES, and newsbook.charts must keep it off
    every page (Jupyter Book lists every _static/*.js in html_js_files)."""
    from newsbook import charts
    on_disk = {p.name for p in STATIC.glob("plotly-*.min.js")}
    assert on_disk == set(PROVIDES)
    for name in on_disk:
        assert charts._is_bundle(name) and charts._is_bundle(f"_static/{name}?v=1"), name
        head = (STATIC / name).read_text(encoding="utf-8")[:400]
        assert "plotly.js (basic - minified) v4.1.1" in head, name
    assert not charts._is_bundle("newsbook-charts.js")


def test_loader_fetches_what_every_figure_uses(tmp_path):
    figs = {**book_figures(), **SYNTHETIC}
    assert len(figs) > len(SYNTHETIC), "no figure of the book found"
    rule = loader_rule(figs, tmp_path)
    bad = {}
    for key, fig in figs.items():
        files = files_for(rule[key])
        missing = [f for f in files if f not in PROVIDES]
        have = set().union(*(PROVIDES.get(f, set()) for f in files))
        if missing or not uses(fig) <= have:
            bad[key] = {"loads": files, "lacks": sorted(uses(fig) - have), "no file": missing}
    assert not bad, f"figures the loader would draw without what they use: {bad}"
    # template items are drawn too, so their add-on is fetched
    assert rule["template-annotation"] == ["annotations"]
    assert rule["pie-and-shapes"] == ["pie", "shapes"]
    assert rule["scatter-default"] == []


_SIGNATURE_JS = r"""async (g) => {
  const d = document.createElement('div');
  d.style.cssText = 'width:900px;height:500px';
  document.body.appendChild(d);
  await Plotly.newPlot(d, g.data || [], g.layout || {}, {displaylogo: false});
  /* every element of the drawn SVGs (a trace's class names its random uid), not the
     mode bar's icons (an add-on of its own, see test_mode_bar_*) */
  const sig = [...d.querySelectorAll('svg *')].filter(e => !e.closest('.modebar-container')).map(e =>
    e.tagName + '.' + (e.getAttribute('class') || '').replace(/\btrace[0-9a-f]{6}\b/, 'trace#') +
    (e.tagName === 'text' ? ':' + e.textContent : '')).join('|');
  Plotly.purge(d); d.remove();
  return sig;
}"""


@pytest.mark.browser
def test_figures_draw_the_same_with_only_their_addons(browser):
    """Each figure drawn with the core and the add-ons the loader picks has the same SVG
    elements as drawn with every add-on (a missing component would draw nothing)."""
    figs = {**book_figures(), **SYNTHETIC}
    with serve(STATIC) as base:
        def page_with(files):
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.route("**/blank.html", lambda r: r.fulfill(
                status=200, content_type="text/html", body="<!doctype html><body></body>"))
            page.goto(base + "blank.html")
            for f in files:
                page.add_script_tag(url=base + f)
            return page, errors

        page, errors = page_with([LOADER.name] + list(PROVIDES))
        rule = {k: page.evaluate("g => window.__newsbookCharts.addons(g)", g)
                for k, g in figs.items()}
        full = {k: page.evaluate(_SIGNATURE_JS, g) for k, g in figs.items()}
        assert not errors, errors
        page.close()
        diff = []
        for addons in sorted({tuple(a) for a in rule.values()}):
            page, errors = page_with(files_for(list(addons)))
            for k, g in figs.items():
                if tuple(rule[k]) == addons and page.evaluate(_SIGNATURE_JS, g) != full[k]:
                    diff.append((k, list(addons)))
            assert not errors, (addons, errors)
            page.close()
    assert not diff, f"drawn differently with only the loader's add-ons: {diff}"


@pytest.mark.browser
def test_pie_and_menu_pages_draw(built_book, browser):
    """In the built book a page with a pie chart and one with update menus draw them, each
    add-on fetched once; a page of bars and lines fetches none."""
    from browser import SCROLL_TO_EACH_JS
    charts = built_book / "_charts"
    kinds = {}
    for path in sorted(charts.glob("*.json")):
        fig = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(fig, dict) and "data" in fig:
            for u in uses(fig):
                kinds.setdefault(u, set()).add(path.name)
    pages = {}
    for page_path in sorted(built_book.rglob("*.html")):
        text = page_path.read_text(encoding="utf-8")
        for u, names in kinds.items():
            if any(n in text for n in names):
                pages.setdefault(u, page_path.relative_to(built_book).as_posix())
    if "trace:pie" not in pages or "layout:updatemenus" not in pages:
        pytest.skip("the built book has no pie chart or no update menu")
    plain = built_book / "timeline.html"
    with serve(built_book) as base:
        for want, sel in (("trace:pie", ".pielayer .slice"),
                          ("layout:updatemenus", ".updatemenu-container .updatemenu-header,"
                                                 ".updatemenu-container .updatemenu-button")):
            ctx = browser.new_context(viewport={"width": 1200, "height": 900})
            page = ctx.new_page()
            errors, fetched = [], []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]))
            page.goto(base + pages[want], wait_until="load")
            page.locator("figure.nb-chart").evaluate_all(SCROLL_TO_EACH_JS)
            page.wait_for_function(
                "() => [...document.querySelectorAll('figure.nb-chart .nb-chart-plot')]"
                ".every(d => d.querySelector('svg.main-svg') && !d.style.visibility)",
                timeout=30000)
            assert page.locator(f"figure.nb-chart :is({sel})").count() > 0, (want, pages[want])
            addon = "plotly-%s.min.js" % want.split(":")[1]
            assert fetched.count(addon) == 1 and fetched.count(CORE) == 1, (want, fetched)
            assert not errors, (pages[want], errors)
            ctx.close()
        text = plain.read_text(encoding="utf-8") if plain.is_file() else ""
        figs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(charts.glob("*.json"))
                if p.name in text]
        figs = [f for f in figs if isinstance(f, dict) and "data" in f]
        if figs and all(uses(f) <= PROVIDES[CORE] for f in figs):
            ctx = browser.new_context(viewport={"width": 1200, "height": 900})
            page = ctx.new_page()
            fetched = []
            page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]))
            page.goto(base + "timeline.html", wait_until="load")
            page.locator("figure.nb-chart").evaluate_all(SCROLL_TO_EACH_JS)
            page.wait_for_function("() => document.querySelector('figure.nb-chart svg.main-svg')",
                                   timeout=30000)
            assert sorted(f for f in fetched if f.startswith("plotly-")) == [
                CORE], fetched  # (the mode bar: only once a reader points at a chart)
            ctx.close()


# ------------------------------------------------------------------ the mode bar add-on

#: the mode bar's buttons on a chart of bars and lines at 1200 px (as with plotly's own)
MODEBAR_TITLES = ["Download plot as a PNG", "Share chart...", "Zoom", "Pan", "Zoom in",
                  "Zoom out", "Autoscale", "Reset axes"]
_ALL_DRAWN_JS = ("() => [...document.querySelectorAll('figure.nb-chart .nb-chart-plot')]"
                 ".every(d => d.querySelector('svg.main-svg') && !d.style.visibility)")


def _chart_pages(built_book: Path) -> list[str]:
    """The root page, a chapter with charts and the timeline (the pages bench.py weighs)."""
    out = []
    for rel in ["index.html", "timeline.html"] + sorted(
            p.relative_to(built_book).as_posix() for p in (built_book / "chapters").glob("*.html")):
        path = built_book / rel
        if path.is_file() and "nb-chart" in path.read_text(encoding="utf-8"):
            out.append(rel)
    return out[:3] if len(out) > 3 else out


def _open(browser, url: str, width: int, block_modebar: bool = False):
    from browser import SCROLL_TO_EACH_JS
    ctx = browser.new_context(viewport={"width": width, "height": 823})
    page = ctx.new_page()
    errors, fetched = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and not (
        block_modebar and "Failed to load resource" in m.text) else None)
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1].split("?")[0]))
    if block_modebar:
        page.route("**/" + MODEBAR + "*", lambda r: r.fulfill(status=404, body="no"))
    page.goto(url, wait_until="load")
    page.locator("figure.nb-chart").evaluate_all(SCROLL_TO_EACH_JS)
    page.wait_for_function(_ALL_DRAWN_JS, timeout=30000)
    return ctx, page, errors, fetched


def _hover_titles(page, i: int = 0) -> list[str]:
    """Point at chart ``i`` (which fetches the mode bar's add-on on first use and adds
    the bar to that chart, without drawing it again) and return the bar's button titles."""
    plot = page.locator("figure.nb-chart .nb-chart-plot").nth(i)
    plot.scroll_into_view_if_needed()
    plot.hover()
    with contextlib.suppress(Exception):  # (no bar: the caller's assertion says so)
        plot.locator(".modebar-btn").first.wait_for(state="attached", timeout=10000)
    page.wait_for_timeout(300)
    return plot.locator(".modebar-btn").evaluate_all(
        "bs => bs.map(b => b.getAttribute('data-title'))")


def test_core_has_no_mode_bar():
    """The mode bar's drawing, buttons and icons are in its add-on, not the core."""
    core = (STATIC / CORE).read_text(encoding="utf-8")
    addon = (STATIC / MODEBAR).read_text(encoding="utf-8")
    for marker in ("Download plot as a PNG", "Reset axes", "Zoom out"):  # button titles
        assert marker not in core and marker in addon, marker


@pytest.mark.browser
def test_mode_bar_not_fetched_on_a_phone(built_book, browser):
    """At 412 px no chart shows the mode bar: no page fetches its add-on, no chart makes
    one, and every chart draws."""
    pages = _chart_pages(built_book)
    assert pages, "no page with charts in the built book"
    with serve(built_book) as base:
        for rel in pages:
            ctx, page, errors, fetched = _open(browser, base + rel, 412)
            assert CORE in fetched, (rel, fetched)
            assert MODEBAR not in fetched, (rel, fetched)
            assert page.locator("figure.nb-chart .modebar").count() == 0, rel
            assert page.locator("figure.nb-chart svg.main-svg").count() > 0, rel
            assert not errors, (rel, errors)
            ctx.close()


@pytest.mark.browser
def test_mode_bar_on_wide_screens_and_after_a_resize(built_book, browser):
    """At 1200 px the charts draw without fetching the mode bar's add-on; pointing at a
    chart fetches it once and the bar appears there with plotly's buttons. A page opened
    at 412 px and widened to 1200 px does the same; narrowed again, the bar goes."""
    rel = "timeline.html" if (built_book / "timeline.html").is_file() else _chart_pages(built_book)[0]
    with serve(built_book) as base:
        ctx, page, errors, fetched = _open(browser, base + rel, 1200)
        page.wait_for_timeout(400)
        assert MODEBAR not in fetched, fetched
        assert page.locator("figure.nb-chart .modebar-btn").count() == 0
        page.locator("figure.nb-chart .nb-chart-plot svg.main-svg").first.evaluate(
            "s => s.setAttribute('data-before', '1')")
        assert _hover_titles(page) == MODEBAR_TITLES
        assert fetched.count(MODEBAR) == 1, fetched
        # the bar was added to the drawn chart, not by drawing it again (which would
        # swallow a click on a menu made while the add-on arrived)
        assert page.locator("figure.nb-chart svg.main-svg[data-before]").count() == 1
        assert page.evaluate("() => typeof Plotly.Icons.home") == "object"
        assert page.locator("figure.nb-chart svg.main-svg").count() > 0
        assert not errors, errors
        ctx.close()

        ctx, page, errors, fetched = _open(browser, base + rel, 412)
        assert MODEBAR not in fetched and page.locator(".modebar").count() == 0, fetched
        page.set_viewport_size({"width": 1200, "height": 823})
        page.wait_for_function(
            "() => [...document.querySelectorAll('figure.nb-chart .nb-chart-plot')]"
            ".every(d => d.__nbNarrow === false)", timeout=30000)
        page.wait_for_timeout(400)
        assert MODEBAR not in fetched, fetched
        assert _hover_titles(page) == MODEBAR_TITLES
        assert fetched.count(MODEBAR) == 1, fetched
        # and back to a phone: the bar goes again
        page.set_viewport_size({"width": 412, "height": 823})
        page.wait_for_function(
            "() => !document.querySelector('figure.nb-chart .modebar-btn')", timeout=30000)
        assert not errors, errors
        ctx.close()


@pytest.mark.browser
def test_charts_draw_when_the_mode_bar_cannot_load(built_book, browser):
    """An add-on that fails to load costs the mode bar only: every chart still draws."""
    rel = "timeline.html" if (built_book / "timeline.html").is_file() else _chart_pages(built_book)[0]
    with serve(built_book) as base:
        ctx, page, errors, fetched = _open(browser, base + rel, 1200, block_modebar=True)
        assert _hover_titles(page) == []
        assert MODEBAR in fetched, fetched
        assert page.locator("figure.nb-chart .modebar-btn").count() == 0
        assert page.locator("figure.nb-chart .nb-chart-plot").evaluate_all(
            "ds => ds.every(d => !/could not load/.test(d.textContent))")
        assert not errors, errors
        ctx.close()
