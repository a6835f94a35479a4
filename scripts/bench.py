#!/usr/bin/env python
"""Print the book's size and speed figures, each beside its target (``make bench``).

Sections (all by default; pick some with ``--only pages,lighthouse,convert,build,archive``):

* ``pages``: bytes each page type loads in headless Chromium (uncompressed), before any
  chart is in view and after scrolling every chart into view; bytes over the wire (gzip);
* ``lighthouse``: Lighthouse 12 (npm, pinned) mobile scores on the root page, a chapter with
  charts, the timeline and the glossary, served gzip-compressed (``scripts/serve.py``);
  skipped with a clear line when node/npm or Chromium is missing;
* ``convert``: whole-command conversion time and peak memory of the bundled copy and of
  synthetic 1, 10 and 30 MB copies (``scripts/make_archive.py``);
* ``build``: clean build, no-op rebuild and rebuild after a one-sentence prose edit, in a
  throwaway copy of the book (never in ``_build`` of the working tree);
* ``archive``: clean build of a synthetic N-article archive (``--archive N``, default 100),
  and a rebuild after adding 20 articles to it.

Benchmarks, not tests: always exits 0 unless the arguments are wrong. Timings on a shared
2-core machine are noisy; conversion figures are medians of ``--runs`` runs.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
CHROMIUM = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LIGHTHOUSE_VERSION = "12.8.2"
TOOLS = REPO / "_build" / ".bench-tools"
PY = sys.executable
KB = 1000  # page-weight targets are in kB/MB (decimal), as Lighthouse reports

TARGETS = {
    "perf": 90, "a11y": 100, "bp": 100, "seo": 100, "lcp_s": 2.5, "tbt_ms": 200, "cls": 0.1,
    "before_charts_kb": 300, "with_charts_kb": 1000,
    "convert_bundled_s": 0.5, "convert_30mb_s": 5.0, "convert_30mb_mib": 500,
    "noop_s": 3.0, "prose_s": 4.0, "clean_s": 30.0,
    "archive_1000_clean_s": 600.0, "archive_add20_s": 120.0,
}


def mark(ok: bool) -> str:
    return "ok " if ok else "MISS"


def line(label: str, value: str, target: str, ok: bool | None) -> None:
    flag = "    " if ok is None else mark(ok)
    print(f"  {flag} {label:<50} {value:>12}   target {target}")


# ------------------------------------------------------------------ pages

def page_kinds(html: Path) -> dict[str, str]:
    """Representative pages: root, the chapter with the most charts, timeline, glossary."""
    kinds = {"root": "index.html"}
    best, most = None, -1
    for page in sorted((html / "chapters").glob("*.html")):
        n = page.read_text(encoding="utf-8", errors="replace").count('class="nb-chart"')
        if n > most:
            best, most = page, n
    if best is not None:
        kinds[f"chapter ({most} charts)"] = best.relative_to(html).as_posix()
    for name in ("timeline", "glossary", "search"):
        if (html / f"{name}.html").is_file():
            kinds[name] = f"{name}.html"
    return kinds


@contextlib.contextmanager
def gzip_server(root: Path):
    from serve import make_server
    srv = make_server(root, 0)
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}/"
    finally:
        srv.shutdown()
        srv.server_close()


def measure_page(browser, url: str, width: int = 412) -> dict:
    """Bytes (uncompressed bodies, and on the wire) before any chart is in view and after
    scrolling to the bottom; charts drawn; console errors. ``width``: the viewport's."""
    page = browser.new_page(viewport={"width": width, "height": 823 if width < 600 else 900})
    seen: dict[str, tuple[int, int]] = {}
    errors: list[str] = []

    def on_finished(req):
        try:
            sizes = req.sizes()
            body = sizes.get("responseBodySize", 0)
            wire = body + sizes.get("responseHeadersSize", 0)
            resp = req.response()
            if resp is not None and body <= 0:
                body = len(resp.body())
            if resp is not None and resp.headers.get("content-encoding") == "gzip":
                body = len(resp.body())  # playwright hands back the decoded body
            seen[req.url] = (body, wire)
        except Exception:  # noqa: BLE001
            pass

    page.on("requestfinished", on_finished)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(800)
    before = dict(seen)
    height = page.evaluate("document.documentElement.scrollHeight")
    y = 0
    while y < height:
        y += 600
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(120)
        height = page.evaluate("document.documentElement.scrollHeight")
    charts = page.evaluate("document.querySelectorAll('.nb-chart-plot').length")
    deadline = time.time() + 15
    drawn = 0
    while time.time() < deadline:
        drawn = page.evaluate(
            "document.querySelectorAll('.nb-chart-plot svg.main-svg').length ? "
            "[...document.querySelectorAll('.nb-chart-plot')].filter(d => "
            "d.querySelector('svg.main-svg')).length : 0")
        if drawn >= charts:
            break
        page.wait_for_timeout(200)
    page.wait_for_timeout(300)
    after = dict(seen)
    page.close()
    return {"before": sum(b for b, _ in before.values()),
            "before_wire": sum(w for _, w in before.values()),
            "after": sum(b for b, _ in after.values()),
            "after_wire": sum(w for _, w in after.values()),
            "requests": len(after), "charts": charts, "drawn": drawn, "errors": errors,
            "biggest": sorted(((b, u) for u, (b, _) in after.items()), reverse=True)[:6]}


def bench_pages(html: Path, verbose: bool = False) -> None:
    print("== page weight (headless Chromium, 412x823, served gzip; bytes uncompressed)")
    if not (html / "index.html").is_file():
        print(f"  skipped: no {html}/index.html (build the book first)")
        return
    if not CHROMIUM.exists():
        print(f"  skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  skipped: playwright (python) is not installed")
        return
    with gzip_server(html) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        try:
            for kind, rel in page_kinds(html).items():
                r = measure_page(browser, base + rel)
                print(f"  {kind}: {rel}")
                if kind == "search":  # not one of the issue's four pages: it exists to
                    # load the search index (shown for reference, no target)
                    line("whole page, search index included", f"{r['after'] / KB:,.0f} kB",
                         "-", None)
                else:
                    line("before any chart is in view", f"{r['before'] / KB:,.0f} kB",
                         f"<= {TARGETS['before_charts_kb']} kB",
                         r["before"] <= TARGETS["before_charts_kb"] * KB)
                if r["charts"]:
                    line(f"all {r['charts']} charts drawn ({r['drawn']} drawn)",
                         f"{r['after'] / KB:,.0f} kB", f"<= {TARGETS['with_charts_kb']} kB",
                         r["after"] <= TARGETS["with_charts_kb"] * KB
                         and r["drawn"] >= r["charts"])
                line("on the wire (gzip), whole page", f"{r['after_wire'] / KB:,.0f} kB", "-", None)
                line("console errors", str(len(r["errors"])), "0", not r["errors"])
                if verbose:
                    for b, u in r["biggest"]:
                        print(f"         {b / KB:9,.1f} kB  {u.replace(base, '/')}")
            # the representative chapter has the most charts, not the most bytes: weigh
            # every chapter, so the heaviest one is not hidden behind it
            weights = []
            for page in sorted((html / "chapters").glob("*.html")):
                rel = page.relative_to(html).as_posix()
                r = measure_page(browser, base + rel)
                if r["charts"]:
                    weights.append((r["after"], rel, r["biggest"]))
            # a desktop fetches what a phone does not (wider layouts; the mode bar's
            # add-on once a chart is used, not by scrolling): the same pages at 1280 px
            print("  at 1280x900 (a desktop), charts drawn")
            for kind, rel in page_kinds(html).items():
                if kind in ("glossary", "search"):
                    continue
                r = measure_page(browser, base + rel, width=1280)
                if r["charts"]:
                    line(f"{kind}: all {r['charts']} charts drawn ({r['drawn']} drawn)",
                         f"{r['after'] / KB:,.0f} kB", f"<= {TARGETS['with_charts_kb']} kB",
                         r["after"] <= TARGETS["with_charts_kb"] * KB
                         and r["drawn"] >= r["charts"])
            if weights:
                over = [w for w in weights if w[0] > TARGETS["with_charts_kb"] * KB]
                heavy = max(weights)
                print(f"  every chapter with charts ({len(weights)}), charts drawn")
                line(f"heaviest: {Path(heavy[1]).stem[:34]}", f"{heavy[0] / KB:,.0f} kB",
                     f"<= {TARGETS['with_charts_kb']} kB", not over)
                line("chapters over the target", f"{len(over)} of {len(weights)}", "0", not over)
                if verbose:
                    for b, u in heavy[2]:
                        print(f"         {b / KB:9,.1f} kB  {u.replace(base, '/')}")
        finally:
            browser.close()


# ------------------------------------------------------------------ lighthouse

def lighthouse_bin() -> Path | None:
    """Lighthouse pinned to LIGHTHOUSE_VERSION: $LIGHTHOUSE, or npm-installed into
    _build/.bench-tools (once)."""
    env = os.environ.get("LIGHTHOUSE")
    if env and Path(env).exists():
        return Path(env)
    binpath = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if binpath.exists():
        return binpath
    if not shutil.which("npm") or not shutil.which("node"):
        return None
    TOOLS.mkdir(parents=True, exist_ok=True)
    print(f"  (installing lighthouse@{LIGHTHOUSE_VERSION} from npm into {TOOLS})")
    proc = subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
                           "--silent", f"lighthouse@{LIGHTHOUSE_VERSION}"],
                          capture_output=True, text=True)
    return binpath if proc.returncode == 0 and binpath.exists() else None


def run_lighthouse(lh: Path, url: str) -> dict | None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        flags = " ".join(CHROMIUM_ARGS + [f"--user-data-dir={tmp}/profile"])
        proc = subprocess.run(
            [str(lh), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--chrome-flags={flags}",
             "--only-categories=performance,accessibility,best-practices,seo"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            timeout=300)
        if proc.returncode or not out.exists():
            print(f"  lighthouse failed on {url}: {proc.stderr.strip()[-300:]}")
            return None
        return json.loads(out.read_text())


def summarize_lighthouse(rep: dict) -> dict:
    cats, audits = rep["categories"], rep["audits"]
    score = {k: round((cats[c]["score"] or 0) * 100) for k, c in
             (("perf", "performance"), ("a11y", "accessibility"),
              ("bp", "best-practices"), ("seo", "seo"))}
    num = lambda a: audits.get(a, {}).get("numericValue")  # noqa: E731
    failed = [f"{c}:{r['id']}" for c in ("accessibility", "best-practices", "seo")
              for r in cats[c]["auditRefs"]
              if r.get("weight") and audits[r["id"]].get("score") not in (None, 1)]
    return {**score, "fcp_s": (num("first-contentful-paint") or 0) / 1000,
            "lcp_s": (num("largest-contentful-paint") or 0) / 1000,
            "tbt_ms": num("total-blocking-time") or 0, "cls": num("cumulative-layout-shift") or 0,
            "bytes": num("total-byte-weight") or 0, "failed": failed}


def bench_lighthouse(html: Path, runs: int = 3) -> None:
    print(f"== Lighthouse {LIGHTHOUSE_VERSION} (mobile defaults, served gzip by scripts/serve.py;"
          f" the run with the median performance score of {runs})")
    if not (html / "index.html").is_file():
        print(f"  skipped: no {html}/index.html (build the book first)")
        return
    if not CHROMIUM.exists():
        print(f"  skipped: no Chromium at {CHROMIUM} (apt-get install chromium)")
        return
    lh = lighthouse_bin()
    if lh is None:
        print("  skipped: Lighthouse unavailable (needs node + npm and the npm registry; "
              f"or set LIGHTHOUSE=/path/to/lighthouse {LIGHTHOUSE_VERSION})")
        return
    with gzip_server(html) as base:
        for kind, rel in page_kinds(html).items():
            if kind == "search":
                continue
            reps = [r for r in (run_lighthouse(lh, base + rel) for _ in range(max(1, runs)))
                    if r is not None]
            if not reps:
                continue
            scored = sorted((summarize_lighthouse(r) for r in reps), key=lambda s: s["perf"])
            s = scored[len(scored) // 2]
            if len(scored) > 1:
                s["failed"] = sorted({f for x in scored for f in x["failed"]})
            print(f"  {kind}: {rel}")
            t = TARGETS
            line("perf / a11y / best practices / SEO",
                 f"{s['perf']} / {s['a11y']} / {s['bp']} / {s['seo']}",
                 f">= {t['perf']} / {t['a11y']} / {t['bp']} / {t['seo']}",
                 s["perf"] >= t["perf"] and s["a11y"] >= t["a11y"] and s["bp"] >= t["bp"]
                 and s["seo"] >= t["seo"])
            line("LCP", f"{s['lcp_s']:.1f} s", f"<= {t['lcp_s']} s", s["lcp_s"] <= t["lcp_s"])
            line("TBT", f"{s['tbt_ms']:.0f} ms", f"<= {t['tbt_ms']} ms", s["tbt_ms"] <= t["tbt_ms"])
            line("CLS", f"{s['cls']:.3f}", f"<= {t['cls']}", s["cls"] <= t["cls"])
            line("FCP", f"{s['fcp_s']:.1f} s", "-", None)
            line("bytes over the wire (Lighthouse)", f"{s['bytes'] / KB:,.0f} kB", "-", None)
            if len(scored) > 1:
                line("perf score of each run", " ".join(str(x["perf"]) for x in scored), "-", None)
            if s["failed"]:
                print("         failing audits: " + ", ".join(s["failed"]))


# ------------------------------------------------------------------ convert

def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak MiB of the child, exit code) of one whole-process run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0,):
        print(f"  command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-1500:]}")
    # ru_maxrss of children is the max over all children so far: only a lower bound
    # when an earlier child was bigger, so measure the big runs first or alone
    return secs, max(peak, before) / 1024, proc.returncode


def peak_of(cmd: list[str], cwd: Path) -> float:
    """Peak RSS (MiB) of one run, measured by /usr/bin/time when available."""
    if not Path("/usr/bin/time").exists():
        return float("nan")
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd,
                          capture_output=True, text=True)
    try:
        return int(proc.stderr.strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        return float("nan")


def median_time(cmd: list[str], cwd: Path, runs: int) -> float:
    secs = []
    for _ in range(runs):
        t, _, rc = timed(cmd, cwd)
        if rc:
            return float("nan")
        secs.append(t)
    return statistics.median(secs)


def median_time_peak(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float]:
    """(median wall seconds, largest peak RSS in MiB) over ``runs`` whole-process runs,
    each under /usr/bin/time when available (else peak is NaN)."""
    if not Path("/usr/bin/time").exists():
        return median_time(cmd, cwd, runs), float("nan")
    secs, peaks = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd,
                              capture_output=True, text=True)
        secs.append(time.perf_counter() - t0)
        if proc.returncode:
            print(f"  command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-1500:]}")
            return float("nan"), float("nan")
        try:
            peaks.append(int(proc.stderr.strip().splitlines()[-1]) / 1024)
        except (ValueError, IndexError):
            pass
    return statistics.median(secs), max(peaks) if peaks else float("nan")


def make_archive(dest: Path, *, articles: int | None = None, megabytes: float | None = None,
                 book: bool = True) -> Path:
    """A synthetic archive (its own conversion leaves the article cache alone, so the
    conversions timed after it start from what they say they start from)."""
    args = [PY, str(REPO / "scripts" / "make_archive.py")]
    args += [str(articles)] if articles is not None else ["--mb", str(megabytes)]
    args += ["--out", str(dest)] + ([] if book else ["--feed-only"])
    subprocess.run(args, check=True, capture_output=True,
                   env={**os.environ, "NEWSBOOK_ARTICLE_CACHE": "0"})
    return dest


def new_month(tmp: Path, book: Path, add: int) -> None:
    """Next month's copy beside the archive's: a FreshRSS text copy of ``add`` articles
    the archive does not hold (``make_archive.py``'s next ones), saved as the README
    says, into a file of its own in data/raw/."""
    raw = book / "data" / "raw"
    dates = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d$")
    n = sum(1 for ln in (raw / "archive.txt").read_text(encoding="utf-8").split("\n")
            if dates.match(ln))
    more = make_archive(tmp / "more", articles=n + add, book=False)
    lines = (more / "data" / "raw" / "archive.txt").read_text(encoding="utf-8").split("\n")
    starts = [i - 2 for i, ln in enumerate(lines) if dates.match(ln) and i >= 2]
    head = lines[:starts[0]]
    (raw / "archive-next.txt").write_text("\n".join(head + lines[starts[n]:]),
                                          encoding="utf-8")
    shutil.rmtree(more, ignore_errors=True)


def bench_convert(runs: int, sizes: list[float]) -> None:
    """Each conversion figure without the article cache (``NEWSBOOK_ARTICLE_CACHE=0``:
    every article read, mined and rendered, as in every run before the cache), and for
    the bundled and the biggest copy also with it: the first run that fills it, a re-run,
    and a re-run after 20 new articles (a new month). The issue's targets are read
    against the runs without the cache."""
    print(f"== conversion (whole command from process start; median of {runs} runs)")
    convert = [PY, str(REPO / "scripts" / "convert.py")]
    off = ["env", "NEWSBOOK_ARTICLE_CACHE=0"]
    saved = os.environ.get("NEWSBOOK_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="newsbook-bench-") as tmp:
        os.environ["NEWSBOOK_CACHE_DIR"] = str(Path(tmp) / "cache")  # (a cache of its own)
        try:
            _bench_convert(Path(tmp), convert, off, runs, sizes)
        finally:
            if saved is None:
                os.environ.pop("NEWSBOOK_CACHE_DIR", None)
            else:
                os.environ["NEWSBOOK_CACHE_DIR"] = saved


def _forget_articles() -> None:
    for folder in Path(os.environ["NEWSBOOK_CACHE_DIR"]).glob("articles-*"):
        shutil.rmtree(folder, ignore_errors=True)


def _bench_convert(tmp: Path, convert: list[str], off: list[str], runs: int,
                   sizes: list[float]) -> None:
    target = TARGETS["convert_bundled_s"]
    book = tmp / "book"
    copy_book(book)
    subprocess.run(convert + ["-q"], cwd=book, capture_output=True)  # warm up, write once
    t = median_time(off + convert + ["-q"], book, runs)
    size = sum(p.stat().st_size for p in (book / "data" / "raw").glob("*.txt"))
    line(f"bundled copy ({size / 1e6:.2f} MB), no article cache", f"{t:.2f} s",
         f"<= {target} s", t <= target)
    t = median_time(convert + ["-q"], book, runs)
    line("  re-run, article cache warm", f"{t:.2f} s", f"<= {target} s", t <= target)
    per_mb = []
    target, memory = TARGETS["convert_30mb_s"], TARGETS["convert_30mb_mib"]
    for mb in sizes:
        arch = make_archive(tmp / f"a{mb:g}", megabytes=mb)
        feed = sorted((arch / "data" / "raw").glob("*.txt"))
        real = sum(p.stat().st_size for p in feed) / 1e6
        n = runs if mb < 10 else max(1, min(runs, 3))
        shutil.rmtree(arch / "chapters", ignore_errors=True)
        cmd = convert + ["-q", "--book", str(arch)]
        t, peak = median_time_peak(off + cmd, arch, n)
        per_mb.append(t / real)
        big = mb >= 30
        line(f"{real:.1f} MB, no article cache (median of {n})", f"{t:.2f} s",
             f"<= {target} s" if big else "linear", t <= target if big else None)
        line(f"{real:.1f} MB copy peak memory", f"{peak:.0f} MiB",
             f"<= {memory} MiB" if big else "-", peak <= memory if big else None)
        if big:
            _forget_articles()
            t, peak = median_time_peak(cmd, arch, 1)
            line("  first run, filling the article cache", f"{t:.2f} s", "(once)", None)
            t, peak = median_time_peak(cmd, arch, n)
            line(f"  re-run, article cache warm (median of {n})", f"{t:.2f} s",
                 f"<= {target} s", t <= target)
            line("  re-run peak memory", f"{peak:.0f} MiB", f"<= {memory} MiB", peak <= memory)
            new_month(tmp, arch, 20)
            t, _ = median_time_peak(cmd, arch, 1)
            line("  + a new copy of 20 articles, cache warm", f"{t:.2f} s",
                 f"<= {target} s", t <= target)
        shutil.rmtree(arch, ignore_errors=True)
        if big:  # the same size with no curation at all: a newsletter nobody curated
            arch = make_archive(tmp / f"u{mb:g}", megabytes=mb, book=False)
            cmd = convert + ["-q", "--book", str(arch)]
            t, peak = median_time_peak(off + cmd, arch, n)
            line(f"{real:.1f} MB uncurated, no article cache (median of {n})",
                 f"{t:.2f} s", f"<= {target} s", t <= target)
            line(f"{real:.1f} MB uncurated, peak memory", f"{peak:.0f} MiB",
                 f"<= {memory} MiB", peak <= memory)
            median_time_peak(cmd, arch, 1)  # (fills the article cache)
            t, peak = median_time_peak(cmd, arch, n)
            line(f"  re-run, article cache warm (median of {n})", f"{t:.2f} s",
                 f"<= {target} s", t <= target)
            shutil.rmtree(arch, ignore_errors=True)
    if len(per_mb) > 1:
        print("  seconds per MB: " + ", ".join(f"{x:.2f}" for x in per_mb)
              + "  (linear when these stay about equal; the fixed start-up weighs most"
              " on the smallest)")


# ------------------------------------------------------------------ build

def copy_book(dest: Path) -> Path:
    """A copy of the book sources (no .venv/_build/.git) for builds that must not touch
    the working tree's _build."""
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__", ".pytest_cache",
                                    "node_modules", ".ipynb_checkpoints")
    shutil.copytree(REPO, dest, ignore=ignore, dirs_exist_ok=True)
    return dest


def jb_command() -> list[str]:
    """The build command ``make book`` runs: scripts/jb.py (jupyter-book without its
    slowest import) when the Makefile uses it, else the plain ``jupyter-book``."""
    make = REPO / "Makefile"
    if make.is_file() and "scripts/jb.py" in make.read_text(encoding="utf-8"):
        return [PY, str(REPO / "scripts" / "jb.py")]
    jb = Path(sys.executable).parent / "jupyter-book"
    return [str(jb if jb.exists() else "jupyter-book")]


def jb_build(book: Path, clean: bool = False) -> tuple[float, int]:
    cmd = [*jb_command(), "build", str(book), "-W", "-n", "--keep-going"]
    if clean:
        shutil.rmtree(book / "_build", ignore_errors=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=book, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if proc.returncode:
        print(f"  build failed (exit {proc.returncode}):\n{proc.stdout[-1500:]}{proc.stderr[-1500:]}")
    global LAST_READ
    from newsbook.maketools import pages_read
    LAST_READ = pages_read(proc.stdout) or 0
    return secs, proc.returncode


#: pages the last jb_build read again (Sphinx's "updating environment" count)
LAST_READ = 0


def executed(book: Path) -> int:
    """How many notebooks the last build executed (jupyter-cache records)."""
    db = book / "_build" / ".jupyter_cache" / "global.db"
    if not db.exists():
        return 0
    import sqlite3
    with contextlib.closing(sqlite3.connect(db)) as con:
        return con.execute("select count(*) from nbcache").fetchone()[0]


def prose_edit(book: Path) -> Path:
    """Change one word of one prose paragraph of the first chapter."""
    page = sorted((book / "chapters").glob("*.md"))[0]
    lines = page.read_text(encoding="utf-8").split("\n")
    for i, text in enumerate(lines):
        if i > 20 and re.match(r"^[A-Z][a-z]", text) and " the " in text and len(text) > 80:
            lines[i] = text.replace(" the ", " the very ", 1)
            break
    page.write_text("\n".join(lines), encoding="utf-8")
    return page


def bench_build(keep: Path | None = None) -> Path | None:
    name = "scripts/jb.py" if len(jb_command()) > 1 else "jupyter-book"
    print(f"== book build ({name} build -W -n --keep-going, as make book; in a copy of the book)")
    tmp = Path(tempfile.mkdtemp(prefix="newsbook-build-"))
    book = copy_book(tmp / "book")
    t, rc = jb_build(book, clean=True)
    line("clean build of the bundled book", f"{t:.1f} s", f"<= {TARGETS['clean_s']:.0f} s",
         not rc and t <= TARGETS["clean_s"])
    if rc:
        return None
    noop = statistics.median(jb_build(book)[0] for _ in range(3))
    line("no-op rebuild (median of 3)", f"{noop:.1f} s", f"<= {TARGETS['noop_s']:.0f} s",
         noop <= TARGETS["noop_s"])
    n0 = executed(book)
    prose_edit(book)
    t, rc = jb_build(book)
    n1 = executed(book)
    line(f"rebuild after a prose edit ({LAST_READ} page re-read, {n1 - n0} re-executed)",
         f"{t:.1f} s",
         f"<= {TARGETS['prose_s']:.0f} s, 0 re-executed",
         not rc and t <= TARGETS["prose_s"] and n1 == n0)
    if keep is None:
        shutil.rmtree(tmp, ignore_errors=True)
    return book


def archive_pages(html: Path, n: int) -> None:
    """Bytes of the book-wide pages of a big archive (uncompressed HTML, gzip beside): the
    page-weight targets are set on the bundled book; these show how the pages grow."""
    pages = [("root (intro.html)", "intro.html"), ("timeline", "timeline.html"),
             ("glossary", "glossary.html"), ("people", "people.html")]
    for folder, label in (("chapters", "heaviest chapter (HTML alone)"),
                          ("articles", "heaviest part of the root's list"),
                          ("timeline", "heaviest timeline part"),
                          ("glossary", "heaviest glossary part (a letter)"),
                          ("people", "heaviest people part")):
        found = sorted((html / folder).glob("*.html"), key=lambda p: p.stat().st_size)
        if found:  # (a big book's long lists are split into parts: split_pages)
            pages.append((label, str(found[-1].relative_to(html))))
    for label, rel in pages:
        path = html / rel
        if not path.is_file():
            continue
        raw = path.read_bytes()
        kb, gz = len(raw) / 1000, len(gzip.compress(raw, 6)) / 1000
        line(f"{label}, {n:,} articles", f"{kb:,.0f} kB ({gz:,.0f} gz)",
             f"<= {TARGETS['before_charts_kb']} kB before charts (set on the bundled book)",
             kb <= TARGETS["before_charts_kb"])


def bench_archive(n: int, add: int = 20) -> None:
    print(f"== archive build ({n} synthetic articles from scripts/make_archive.py)")
    with tempfile.TemporaryDirectory(prefix="newsbook-archive-") as tmp:
        arch = make_archive(Path(tmp) / "arch", articles=n)
        t, rc = jb_build(arch, clean=True)
        if n >= 1000:
            line(f"clean build, {n:,} articles", f"{t:.0f} s",
                 f"<= {TARGETS['archive_1000_clean_s']:.0f} s (1,000)",
                 not rc and t <= TARGETS["archive_1000_clean_s"])
        else:
            line(f"clean build, {n} articles", f"{t:.0f} s", "-", None)
            line("  linear extrapolation to 1,000 articles", f"~{t * 1000 / n:.0f} s",
                 f"<= {TARGETS['archive_1000_clean_s']:.0f} s", None)
        if rc:
            return
        archive_pages(arch / "_build" / "html", n)
        make_archive(arch, articles=n + add)  # same first n articles, 20 new ones
        t, rc = jb_build(arch)
        line(f"rebuild after adding {add} articles to {n}", f"{t:.0f} s",
             f"<= {TARGETS['archive_add20_s']:.0f} s (at 1,000)",
             None if n < 1000 else (not rc and t <= TARGETS["archive_add20_s"]))
        if n < 1000 and not rc:
            # every page's sidebar lists the new articles, so every page is written again:
            # the rebuild grows with the archive; scaling all of it is an upper estimate
            up = t * (1000 + add) / (n + add)
            line(f"  linear extrapolation to adding {add} to 1,000", f"~{up:.0f} s",
                 f"<= {TARGETS['archive_add20_s']:.0f} s", None)


# ------------------------------------------------------------------ main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="pages,lighthouse,convert,build,archive",
                    help="comma-separated sections")
    ap.add_argument("--html", type=Path, default=None,
                    help="built book to measure (default: a fresh build from the build "
                         "section, else _build/html)")
    ap.add_argument("--runs", type=int, default=5, help="runs per conversion figure")
    ap.add_argument("--sizes", default="1,10,30", help="synthetic copy sizes in MB")
    ap.add_argument("--archive", type=int, default=1000, help="articles in the archive build")
    ap.add_argument("--lh-runs", type=int, default=3, help="Lighthouse runs per page (median)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the biggest resources")
    opts = ap.parse_args(argv)
    only = {s.strip() for s in opts.only.split(",") if s.strip()}
    print(f"newsbook bench: {os.cpu_count()} cores; figures from a shared machine are noisy\n")
    html = opts.html
    built = None
    if "build" in only:
        built = bench_build(keep=Path("."))
        print()
    if html is None:
        html = built / "_build" / "html" if built else REPO / "_build" / "html"
    if "pages" in only:
        bench_pages(html, opts.verbose)
        print()
    if "lighthouse" in only:
        bench_lighthouse(html, opts.lh_runs)
        print()
    if "convert" in only:
        bench_convert(opts.runs, [float(x) for x in opts.sizes.split(",") if x])
        print()
    if "archive" in only:
        bench_archive(opts.archive)
        print()
    if built is not None:
        shutil.rmtree(built.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
