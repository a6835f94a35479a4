"""Helpers for the headless-Chromium tests (and the render tests' fixtures).

* fixture charts/datasets (``FIXTURE_MODULE``, :func:`write_fixture_book`);
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

#: test-only chart module; registers straight into REGISTRY (re-import safe)
FIXTURE_MODULE = textwrap.dedent('''
    """Throwaway charts for tests (never part of the real book)."""
    import plotly.graph_objects as go
    from newsbook.charts.registry import REGISTRY, ChartSpec

    CHAPTER = "2025-01-01-fixture"

    def bar(df):
        fig = go.Figure()
        for lane, rows in df.groupby("lane", sort=True):
            fig.add_bar(x=rows["year"].tolist(), y=rows["value"].tolist(), name=lane)
        n = len(fig.data)
        buttons = [dict(label="All", method="update",
                        args=[{"visible": [True] * n}])]
        for i, tr in enumerate(fig.data):
            buttons.append(dict(label=tr.name, method="update",
                                args=[{"visible": [j == i for j in range(n)]}]))
        fig.update_layout(title="Fixture exports by lane", barmode="group",
                          updatemenus=[dict(type="buttons", direction="right",
                                            x=0, y=1.15, xanchor="left",
                                            buttons=buttons)])
        return fig

    def pie(df):
        return go.Figure(go.Pie(labels=df["label"].tolist(),
                                values=df["share"].tolist(), sort=False))

    def line(df):
        fig = go.Figure(go.Scatter(x=df["year"].tolist(), y=df["value"].tolist(),
                                   mode="lines+markers", name="value"))
        fig.update_layout(updatemenus=[dict(type="dropdown", x=0, y=1.2,
                                            xanchor="left", buttons=[
            dict(label="Linear", method="relayout", args=[{"yaxis.type": "linear"}]),
            dict(label="Log", method="relayout", args=[{"yaxis.type": "log"}]),
        ])])
        return fig

    SPECS = [
        ChartSpec("fx_bar", "fx_trade", CHAPTER, "Fixture exports by lane",
                  "Grouped bars of exports per lane and year; lane A grows.",
                  bar, controls=True, widget={"filter": "lane", "slider": "year"}),
        ChartSpec("fx_pie", "fx_share", CHAPTER, "Fixture share 份额",
                  "Pie of three shares, 中国 largest.", pie),
        ChartSpec("fx_line", "fx_trade", "2025-01-02-other", "Fixture value over time",
                  "Line of value by year with a linear/log toggle.", line,
                  controls=True),
    ]
    for _s in SPECS:
        REGISTRY[_s.key] = _s
''')

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
    (root / "chapters" / "minicharts.py").write_text(FIXTURE_MODULE, encoding="utf-8")
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
    import minicharts  # test-only registry entries
    from newsbook.charts import show, explore
    ```
    """)


def _chart_cell(key: str) -> str:
    return f'```{{code-cell}} ipython3\n:tags: [remove-input]\nshow("{key}")\n```\n'


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
        _NB_HEAD + "\n# Other chapter\n\n" + _SETUP
        + '\n<p id="q-fx-2">中国 holds half.</p>\n\n' + _chart_cell("fx_line"),
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
        return out


_STATE_JS = """(d) => JSON.stringify({
  data: d.data.map(t => ({visible: t.visible === undefined ? true : t.visible,
                          type: t.type})),
  menus: (d._fullLayout.updatemenus || []).map(m => m.active),
  yaxis: d._fullLayout.yaxis ? d._fullLayout.yaxis.type : null,
  layout: Object.keys(d.layout).sort().map(k => [k, JSON.stringify(d.layout[k])]),
})"""

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
               click_controls: bool = True, timeout_ms: int = 30000) -> PageReport:
    rep = PageReport(url)
    ctx = browser.new_context(viewport={"width": 1200, "height": 900},
                              service_workers="block")
    page = ctx.new_page()

    def route(r):
        host = urlparse(r.request.url).hostname
        if host == allow_host:
            r.continue_()
        else:
            rep.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: rep.console_errors.append(m.text)
            if m.type == "error" else None)
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
    finally:
        ctx.close()
    return rep


def pages(html_dir: Path) -> list[Path]:
    return sorted((Path(html_dir) / "chapters").glob("*.html"))
