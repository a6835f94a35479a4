"""Helpers for the headless-Chromium tests (and the render tests' fixtures).

* fixture charts/datasets (:func:`fixture_specs`, :func:`write_fixture_book`, which writes
  them to ``data/generated/charts.json`` as the converter does);
* :func:`build_minibook` - a throwaway Jupyter Book using the real render path;
* :func:`serve` - a local static server on 127.0.0.1 with a random port;
* :func:`chromium` - Playwright Chromium at /usr/bin/chromium, offline;
* :func:`check_page` - load a page, wait for every chart to draw, collect
  console errors / page errors / dialogs / non-local requests, click plotly
  buttons and check the figure changed.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
HOSTILE_QUOTE = ('Tariffs </script><script>alert(1)</script> rose '
                 '<img src=x onerror=alert(2)> & "fell"')

# --------------------------------------------------------------- fixtures

CHAPTER = "2025-01-01-fixture"


def fixture_specs() -> list:
    """Throwaway charts for tests (never part of the real book): specs of real kinds."""
    from newsbook.plan.charts import Grouped, Live, Series, Share
    return [
        Grouped(key="fx_bar", kind="grouped", dataset="fx_trade", chapter=CHAPTER,
                title="Fixture exports by lane",
                summary="Grouped bars of exports per lane and year; lane A grows.",
                label="year", value="value", facet="lane", axis="Exports (units)",
                orientation="v", live=Live(filter="lane", slider="year")),
        Share(key="fx_pie", kind="share", dataset="fx_share", chapter=CHAPTER,
              title="Fixture share 份额", summary="Donut of three shares, 中国 largest.",
              label="label", value="share"),
        Series(key="fx_line", kind="series", dataset="fx_trade", chapter="2025-01-02-other",
               title="Fixture value over time", summary="Line of value by year, one per lane.",
               period="year", value="value", group="lane", axis="Value (units)"),
    ]


FX_TRADE = [
    # year, lane, value, quote, line, derived, note, source_url, publisher, accessed
    (2021, "A", 10, "Exports rose to 10 in 2021.", 12, "", "", "", "", ""),
    (2022, "A", 14, "Exports rose to 10 in 2021.", 12, "yes", "interpolated", "", "", ""),
    (2021, "B", 7, HOSTILE_QUOTE, 40, "", "<b>note</b>", "", "", ""),
    (2022, "B", 9, "", "", "", "", "https://example.org/stats?a=1&b=2",
     "Example Statistics <Bureau>", "2025-01-05"),
    (2023, "B", 11, "", "", "", "", "javascript:alert(3)", "Evil", "2025-01-05"),
]
FX_SHARE = [("中国", 50, "中国 holds half.", 3), ("EU", 30, "", ""), ("US", 20, "", "")]


def _csv(rows, header) -> str:
    import csv
    import io
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(header)
    wr.writerows(rows)
    return buf.getvalue()


def write_fixture_book(root: Path) -> Path:
    """Fake book root: ``_config.yml``, ``data/``, ``chapters/``; returns root."""
    root = Path(root)
    (root / "data" / "generated").mkdir(parents=True, exist_ok=True)
    (root / "chapters").mkdir(exist_ok=True)
    if not (root / "_config.yml").exists():
        (root / "_config.yml").write_text("title: fixture\n")
    (root / "data" / "fx_trade.csv").write_text(_csv(FX_TRADE, [
        "year", "lane", "value", "quote", "line", "derived", "note",
        "source_url", "publisher", "accessed"]), encoding="utf-8")
    (root / "data" / "fx_share.csv").write_text(
        _csv(FX_SHARE, ["label", "share", "quote", "line"]), encoding="utf-8")
    anchors = {
        "Exports rose to 10 in 2021.": {"chapter": "2025-01-01-fixture", "anchor": "q-fx-1"},
        "中国 holds half.": {"chapter": "2025-01-02-other", "anchor": "q-fx-2"},
    }
    (root / "data" / "generated" / "quote_anchors.json").write_text(
        json.dumps(anchors, ensure_ascii=False), encoding="utf-8")
    from newsbook.plan import spec_json
    (root / "data" / "generated" / "charts.json").write_text(json.dumps(
        {s.key: spec_json(s) for s in fixture_specs()}, ensure_ascii=False, sort_keys=True),
        encoding="utf-8")
    return root


# --------------------------------------------------------------- minibook

MINIBOOK_CONFIG = textwrap.dedent("""\
    title: Minibook
    author: tests
    only_build_toc_files: true
    execute:
      execute_notebooks: force
      timeout: 120
    sphinx:
      extra_extensions:
        - newsbook.charts
      config:
        html_static_path: ["_static"]
        html_js_files: []
        html_css_files: ["newsbook.css"]
        nb_ipywidgets_js: {}
        html_context:
          default_mode: auto
    """)

MINIBOOK_TOC = textwrap.dedent("""\
    format: jb-book
    root: intro
    chapters:
      - file: chapters/2025-01-01-fixture
      - file: chapters/2025-01-02-other
    """)

_NB_HEAD = textwrap.dedent("""\
    ---
    jupytext:
      text_representation:
        extension: .md
        format_name: myst
    kernelspec:
      display_name: Python 3
      language: python
      name: python3
    ---
    """)

_SETUP = textwrap.dedent("""\
    ```{code-cell} ipython3
    :tags: [remove-cell]
    from newsbook.charts import show, explore
    ```
    """)


def _chart_cell(key: str, meta: bool = False) -> str:
    """A chart cell; ``meta`` names the chart for the kernel-free build (as the converter
    writes it), else only a kernel can draw it."""
    extra = f":newsbook-chart: {key}\n" if meta else ""
    return f'```{{code-cell}} ipython3\n:tags: [remove-input]\n{extra}show("{key}")\n```\n'


#: the second chapter is built as the book is, without a kernel (the first one runs one)
_NO_KERNEL = _NB_HEAD.replace("kernelspec:", "mystnb:\n  execution_mode: \"off\"\nkernelspec:")


def _explore_cell(key: str) -> str:
    return f'```{{code-cell}} ipython3\n:tags: [remove-cell]\nexplore("{key}")\n```\n'


def build_minibook(root: Path, timeout: float = 600) -> tuple[Path, float]:
    """Build a two-chapter book with fixture charts; return (html dir, seconds)."""
    root = write_fixture_book(root)
    (root / "_config.yml").write_text(MINIBOOK_CONFIG)
    (root / "_toc.yml").write_text(MINIBOOK_TOC)
    shutil.copytree(REPO / "_static", root / "_static", dirs_exist_ok=True)
    (root / "intro.md").write_text("# Minibook\n\nNo charts here.\n")
    (root / "chapters" / "2025-01-01-fixture.md").write_text(
        _NB_HEAD + "\n# Fixture chapter\n\n" + _SETUP
        + '\n<p id="q-fx-1">Exports rose to 10 in 2021.</p>\n\n'
        + _chart_cell("fx_bar") + "\nSome prose between charts.\n\n"
        + _chart_cell("fx_pie") + "\n" + _explore_cell("fx_bar"), encoding="utf-8")
    (root / "chapters" / "2025-01-02-other.md").write_text(
        _NO_KERNEL + "\n# Other chapter\n\n" + _SETUP
        + '\n<p id="q-fx-2">中国 holds half.</p>\n\n' + _chart_cell("fx_line", meta=True),
        encoding="utf-8")
    jb = Path(sys.executable).parent / "jupyter-book"
    t0 = time.perf_counter()
    proc = subprocess.run([str(jb), "build", str(root), "--keep-going"],
                          capture_output=True, text=True, timeout=timeout)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"minibook build failed ({proc.returncode}):\n"
                           f"{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return root / "_build" / "html", secs


# --------------------------------------------------------------- server/browser

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - silence
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on http://127.0.0.1:<free port>/ in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageReport:
    url: str
    charts: int = 0
    drawn: int = 0
    bundle_scripts: int = 0
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    control_checks: list = field(default_factory=list)  # (chart id, changed?)
    load_ms: float = 0.0
    extra: list = field(default_factory=list)  # failures found by ``inspect``

    @property
    def failures(self) -> list[str]:
        out = []
        if self.charts < 1:
            out.append("no .nb-chart figure on the page")
        if self.drawn != self.charts:
            out.append(f"{self.drawn}/{self.charts} charts drew an svg.main-svg")
        if self.charts and self.bundle_scripts != 1:
            out.append(f"plotly bundle <script> count {self.bundle_scripts} != 1")
        out += [f"console error: {m}" for m in self.console_errors]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"dialog: {m}" for m in self.dialogs]
        out += [f"non-local request: {u}" for u in self.blocked]
        out += [f"{cid}: clicking a plotly button changed nothing"
                for cid, changed in self.control_checks if not changed]
        return out + list(self.extra)


_STATE_JS = """(d) => JSON.stringify({
  data: d.data.map(t => ({visible: t.visible === undefined ? true : t.visible,
                          type: t.type})),
  menus: (d._fullLayout.updatemenus || []).map(m => m.active),
  yaxis: d._fullLayout.yaxis ? d._fullLayout.yaxis.type : null,
  layout: Object.keys(d.layout).sort().map(k => [k, JSON.stringify(d.layout[k])]),
})"""

#: charts draw as they near the viewport: bring each into view, a frame or two apart (or
#: 250 ms: a page the browser does not paint runs no animation frame, and waiting for one
#: hung a whole test run once, evaluate having no timeout of its own)
SCROLL_TO_EACH_JS = """async figs => {
  for (const f of figs) {
    f.scrollIntoView({block: 'center'});
    await Promise.race([
      new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))),
      new Promise(r => setTimeout(r, 250))]);
  }
}"""

_DRAWN_JS = """() => {
  const figs = [...document.querySelectorAll('figure.nb-chart')];
  return figs.length > 0 && figs.every(f =>
    f.querySelector('.js-plotly-plot svg.main-svg'));
}"""


def _click_first_inactive(page, plot) -> bool:
    """Click the first non-active button of the first updatemenu; True if clicked."""
    info = plot.evaluate("""(d) => {
      const m = (d._fullLayout.updatemenus || [])[0];
      if (!m) return null;
      const n = m.buttons.filter(b => b.visible !== false).length;
      const active = (m.active === undefined || m.active === null) ? 0 : m.active;
      let i = 0; while (i === active && i < n) i++;
      return {type: m.type, index: i, n: n};
    }""")
    if not info or info["index"] >= info["n"]:
        return False
    if info["type"] == "buttons":
        plot.locator(".updatemenu-button").nth(info["index"]).click(force=True)
    else:
        plot.locator(".updatemenu-header").first.click(force=True)
        page.wait_for_timeout(150)
        plot.locator(".updatemenu-dropdown-button").nth(info["index"]).click(force=True)
    return True


def check_page(browser, url: str, *, allow_host: str = "127.0.0.1",
               click_controls: bool = True, timeout_ms: int = 30000,
               width: int = 1200, theme: str | None = None,
               inspect=None) -> PageReport:
    """Load ``url`` and check its charts; ``inspect(page, rep)`` runs last."""
    rep = PageReport(url)
    ctx = browser.new_context(viewport={"width": width, "height": 900},
                              service_workers="block")
    if theme:
        ctx.add_init_script(f"try{{localStorage.setItem('theme','{theme}');"
                            f"localStorage.setItem('mode','{theme}')}}catch(e){{}}")
    page = ctx.new_page()

    def route(r):
        host = urlparse(r.request.url).hostname
        if host == allow_host:
            r.continue_()
        else:
            rep.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    def on_console(m):
        if m.type != "error":
            return
        where = (m.location or {}).get("url", "") if hasattr(m, "location") else ""
        if "favicon" in where or ("favicon" in m.text and "404" in m.text):
            return  # the book ships no favicon; the browser asks anyway
        rep.console_errors.append(f"{m.text} ({where})" if where else m.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: rep.page_errors.append(str(e)))

    def on_dialog(d):
        rep.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", on_dialog)
    t0 = time.perf_counter()
    try:
        page.goto(url, wait_until="load", timeout=timeout_ms)
        rep.charts = page.locator("figure.nb-chart").count()
        if rep.charts:
            page.locator("figure.nb-chart").evaluate_all(SCROLL_TO_EACH_JS)  # lazy charts
            try:
                page.wait_for_function(_DRAWN_JS, timeout=timeout_ms)
            except Exception as exc:  # noqa: BLE001 - reported via drawn count
                rep.page_errors.append(f"timeout waiting for charts: {exc}"[:300])
        rep.load_ms = (time.perf_counter() - t0) * 1000
        rep.drawn = page.locator("figure.nb-chart .js-plotly-plot svg.main-svg")\
            .evaluate_all("els => new Set(els.map(e => e.closest('figure'))).size")
        rep.bundle_scripts = page.locator('script[src*="plotly-basic.min.js"]').count()
        if click_controls:
            plots = page.locator("figure.nb-chart .js-plotly-plot")
            for i in range(plots.count()):
                plot = plots.nth(i)
                if not plot.evaluate("d => (d._fullLayout.updatemenus || []).length"):
                    continue
                cid = plot.evaluate("d => d.closest('figure').id")
                before = plot.evaluate(_STATE_JS)
                if not _click_first_inactive(page, plot):
                    continue
                changed = False
                for _ in range(40):
                    page.wait_for_timeout(50)
                    if plot.evaluate(_STATE_JS) != before:
                        changed = True
                        break
                rep.control_checks.append((cid, changed))
        if inspect is not None:
            inspect(page, rep)
    finally:
        ctx.close()
    return rep


def pages(html_dir: Path) -> list[Path]:
    return sorted((Path(html_dir) / "chapters").glob("*.html"))


# --------------------------------------------------------------- readability / layout

#: WCAG contrast of every chart's texts against what is really behind them
#: (alpha-composited ancestor backgrounds); returns per-chart measurements.
CONTRAST_JS = r"""() => {
  const rgba = s => { const m = /rgba?\(([^)]+)\)/.exec(s || ''); if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const blend = (t, b) => [0, 1, 2].map(i => t[i] * t[3] + b[i] * (1 - t[3])).concat([1]);
  const lum = c => { const a = c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; };
  const bg = el => { const stack = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { stack.push(c); if (c[3] >= 1) break; } }
    let out = [255, 255, 255, 1];
    for (let i = stack.length - 1; i >= 0; i--) out = blend(stack[i], out);
    return out; };
  const ratio = (fg, b) => { if (fg[3] < 1) fg = blend(fg, b);
    const l1 = lum(fg), l2 = lum(b);
    return Math.round((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) * 100) / 100; };
  const css = el => el ? ratio(rgba(getComputedStyle(el).color), bg(el)) : null;
  const svgText = el => { if (!el) return null;
    const f = rgba(getComputedStyle(el).fill); return f ? ratio(f, bg(el)) : null; };
  const theme = document.documentElement.dataset.theme;
  return [...document.querySelectorAll('figure.nb-chart')].map(f => {
    const plot = f.querySelector('.js-plotly-plot');
    const btn = f.querySelector('.updatemenu-item-text, .updatemenu-header-text');
    let menu = null;
    if (btn) { const rect = btn.parentNode.querySelector('rect');
      const face = rect && rgba(getComputedStyle(rect).fill);
      const ink = rgba(getComputedStyle(btn).fill);
      if (face && ink) menu = ratio(ink, face[3] > 0 ? blend(face, bg(rect)) : bg(rect)); }
    return {id: f.id, theme: theme,
      caption: css(f.querySelector('figcaption')),
      note: css(f.querySelector('.nb-chart-note')),
      source: css(f.querySelector('.nb-chart-source')),
      table: css(f.querySelector('.nb-chart-table td')),
      summary: css(f.querySelector('details.nb-chart-data > summary')),
      tick: svgText(plot && plot.querySelector('g.xtick text, g.ytick text')),
      legend: svgText(plot && plot.querySelector('g.legend text.legendtext')),
      annotation: svgText(plot && plot.querySelector('g.annotation text')),
      menu: menu,
      axes: !!(plot && plot._fullLayout && (plot._fullLayout._subplots.cartesian || []).length &&
               ['xaxis', 'yaxis'].some(a => { const x = plot._fullLayout[a];
                 return x && x.visible !== false && x.showticklabels !== false; })),
      font: plot && plot._fullLayout ? plot._fullLayout.font.color : null};
  });
}"""

#: minimum contrast per measured text (WCAG AA: 4.5 body text, 3 large/graphics)
CONTRAST_MIN = {"caption": 4.5, "note": 4.5, "source": 4.5, "table": 4.5,
                "summary": 4.5, "menu": 4.5, "tick": 3.0, "legend": 3.0,
                "annotation": 3.0}


def contrast_failures(rows) -> list[str]:
    out = []
    for row in rows:
        for key, low in CONTRAST_MIN.items():
            got = row.get(key)
            if got is not None and got < low:
                out.append(f"{row['id']} [{row['theme']}]: {key} contrast {got} < {low}")
        if row.get("tick") is None and row.get("axes"):
            out.append(f"{row['id']} [{row['theme']}]: no axis tick label measured")
    return out

#: chart texts that must not run past the plot box or into each other
LAYOUT_JS = r"""() => {
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 &&
                        a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const R = e => e.getBoundingClientRect();
  const vis = r => r.width > 0 && r.height > 0;
  const out = [];
  const vw = document.documentElement.clientWidth;
  document.querySelectorAll('figure.nb-chart').forEach(f => {
    const id = f.id, plot = f.querySelector('.js-plotly-plot');
    const fr = R(f);
    if (f.scrollWidth > f.clientWidth + 1) out.push(`${id}: figure overflows horizontally (${f.scrollWidth} > ${f.clientWidth})`);
    if (fr.right > vw + 1) out.push(`${id}: figure ends at ${Math.round(fr.right)} px, past the ${vw} px viewport`);
    if (!plot) return;
    const box = R(plot);
    const q = s => [...plot.querySelectorAll(s)].filter(e => vis(R(e)));
    const named = [['legend', q('g.legend')], ['annotation', q('g.annotation')],
      ['menu', q('g.updatemenu-container')], ['x title', q('.xtitle')],
      ['y title', q('.ytitle')], ['x tick', q('g.xtick text')], ['y tick', q('g.ytick text')]];
    named.forEach(([name, els]) => els.forEach(e => { const r = R(e);
      if (r.right > box.right + 2 || r.left < box.left - 2)
        out.push(`${id}: ${name} "${(e.textContent || '').slice(0, 40)}" runs past the plot edge`); }));
    const get = n => named.find(x => x[0] === n)[1];
    const pairs = [['legend', 'x title'], ['legend', 'x tick'], ['legend', 'annotation'],
      ['annotation', 'x title'], ['menu', 'legend'], ['menu', 'annotation']];
    pairs.forEach(([a, b]) => get(a).forEach(ea => get(b).forEach(eb => {
      if (ea !== eb && hit(R(ea), R(eb))) out.push(`${id}: ${a} overlaps ${b} "${(eb.textContent || '').slice(0, 30)}"`); })));
    ['x tick', 'y tick'].forEach(n => { const els = get(n);
      for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++)
        if (hit(R(els[i]), R(els[j]))) { out.push(`${id}: ${n} labels overlap: "${els[i].textContent.slice(0, 25)}" / "${els[j].textContent.slice(0, 25)}"`); return; } });
  });
  return out;
}"""


def set_theme(page, theme: str) -> None:
    from newsbook.charts.style import FONT_COLOR
    """Switch like the theme button does (``<html data-theme>``) and wait for the charts."""
    page.evaluate(f"() => document.documentElement.dataset.theme = '{theme}'")
    page.wait_for_function(
        "(c) => [...document.querySelectorAll('figure.nb-chart .js-plotly-plot')]"
        ".every(d => d._fullLayout && d._fullLayout.font.color === c)",
        arg=FONT_COLOR[theme], timeout=5000)
    page.wait_for_timeout(50)



#: every chart text (svg <text>) that is drawn: where it is, what it says, what it is
CHART_TEXTS_JS = r"""() => {
  const R = e => e.getBoundingClientRect();
  const shown = e => { const r = R(e); if (r.width < 1 || r.height < 1) return false;
    for (let x = e; x && x.nodeType === 1; x = x.parentNode) { const cs = getComputedStyle(x);
      if (cs.display === 'none' || cs.visibility === 'hidden' || +cs.opacity === 0) return false; }
    return +getComputedStyle(e).fillOpacity !== 0; };
  const kind = e => e.closest('g.xtick') ? 'x tick' : e.closest('g.ytick') ? 'y tick' :
    e.closest('g.legend') ? 'legend' : e.closest('g.annotation') ? 'annotation' :
    e.closest('g.updatemenu-container') ? 'menu' :
    e.closest('.xtitle, .ytitle, .g-xtitle, .g-ytitle') ? 'axis title' :
    e.closest('g.trace, g.slice') ? 'label' : 'text';
  return [...document.querySelectorAll('figure.nb-chart')].map(f => {
    const plot = f.querySelector('.js-plotly-plot');
    const svg = plot && plot.querySelector('svg.main-svg');
    if (!svg) return {id: f.id, svg: null, texts: []};
    const box = R(svg);
    const texts = [...plot.querySelectorAll('svg.main-svg text')]
      .filter(t => !t.closest('.hoverlayer, .updatemenu-dropdown-button-group') && shown(t))
      .filter(t => (t.textContent || '').trim())
      .map(t => { const r = R(t); return {text: t.textContent.trim(), kind: kind(t),
        left: r.left, right: r.right, top: r.top, bottom: r.bottom}; });
    return {id: f.id, svg: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
            texts: texts};
  });
}"""


def texts_outside_svg(charts, slack: float = 1.0) -> list[str]:
    out = []
    for c in charts:
        b = c["svg"]
        if b is None:
            out.append(f"{c['id']}: not drawn")
            continue
        for t in c["texts"]:
            if (t["left"] < b["left"] - slack or t["right"] > b["right"] + slack
                    or t["top"] < b["top"] - slack or t["bottom"] > b["bottom"] + slack):
                out.append(f"{c['id']}: {t['kind']} \"{t['text'][:50]}\" extends outside its SVG")
    return out


def overlapping_texts(charts, slack: float = 1.0) -> list[str]:
    def hit(a, b):
        return (a["left"] < b["right"] - slack and b["left"] < a["right"] - slack
                and a["top"] < b["bottom"] - slack and b["top"] < a["bottom"] - slack)
    out = []
    for c in charts:
        ts = c["texts"]
        for i in range(len(ts)):
            for j in range(i + 1, len(ts)):
                if hit(ts[i], ts[j]):
                    out.append(f"{c['id']}: {ts[i]['kind']} \"{ts[i]['text'][:30]}\" overlaps "
                               f"{ts[j]['kind']} \"{ts[j]['text'][:30]}\"")
    return out


_SEPARATED_YEAR = re.compile(r"^(1,[5-9]\d\d|2,[01]\d\d)$")


def separated_years(charts) -> list[str]:
    """Tick labels such as "1,986": a year printed with a thousands separator (an axis
    whose every numeric tick lies in 1500-2199)."""
    out = []
    for c in charts:
        for axis in ("x tick", "y tick"):
            ticks = [t["text"] for t in c["texts"] if t["kind"] == axis]
            numeric = [t for t in ticks if re.fullmatch(r"[\d,.]+", t)]
            bad = [t for t in numeric if _SEPARATED_YEAR.match(t)]
            if bad and len(bad) == len(numeric):
                out.append(f"{c['id']}: {axis} labels {bad[:4]} are years with a thousands "
                           "separator")
    return out


#: each chart's source line: its links and its text
SOURCES_JS = r"""() => [...document.querySelectorAll('figure.nb-chart')].map(f => {
  const p = f.querySelector('.nb-chart-source');
  return {id: f.id, text: p ? p.textContent : null,
          links: p ? [...p.querySelectorAll('a')].map(a => ({
            cls: a.className, href: a.getAttribute('href'),
            target: (a.getAttribute('href') || '').startsWith('#') &&
                    !!document.getElementById(a.getAttribute('href').slice(1))})) : []};
})"""


def source_line_failures(rows, book_wide: bool) -> list[str]:
    """Quote links point at paragraphs of this page; other links are external sources;
    a book-wide page never says "this article"."""
    out = []
    for r in rows:
        if r["text"] is None:
            out.append(f"{r['id']}: no Source line")
            continue
        for a in r["links"]:
            href = a["href"] or ""
            if "nb-chart-quote-link" in a["cls"]:
                if not (href.startswith("#") and a["target"]):
                    out.append(f"{r['id']}: source links to {href!r}, not to a paragraph of "
                               "this page")
            elif not re.match(r"^https?://", href):
                out.append(f"{r['id']}: source link {href!r} is neither a paragraph here "
                           "nor an external source")
        if book_wide and "this article" in r["text"]:
            out.append(f"{r['id']}: book-wide chart says {r['text'][:80]!r}")
    return out


#: globals the chart loader (``_static/newsbook-charts.js``) touches as it starts, so node
#: can load it and the tests can call its rules (``N.addons``, ``N.link``) without a browser
NODE_LOADER_STUB = """
const noop = () => {};
globalThis.window = globalThis;
globalThis.addEventListener = noop;
globalThis.MutationObserver = class { observe() {} };
globalThis.document = {documentElement: {dataset: {}}, readyState: "complete",
  querySelectorAll: () => [], addEventListener: noop, head: {appendChild: noop},
  createElement: () => ({})};
"""
