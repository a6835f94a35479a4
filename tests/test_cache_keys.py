"""Cache keys follow use: Sphinx re-reads a page (and redraws its charts) when its source
changes, and a page's only chart-dependent code is its hidden setup cell (digests of what
its charts use).

* editing one kind's source changes the setup cell only of pages drawing that kind;
* editing a prose sentence of the feed changes no setup cell.
"""
from __future__ import annotations

import csv
import io
import json
import re

import jupytext
import pytest

from conftest import FEED, ROOT
from newsbook import book, cachekeys
from newsbook.plan import load_plan
from newsbook.readers import read
from newsbook.writers.escape import clean

PLAN = load_plan(ROOT)
PAGES = re.compile(r"^(chapters/[^/]+\.md|intro\.md|timeline\.md)$")


def render(feed_text: str) -> dict[str, str]:
    res = read(feed_text, source=str(FEED), hints=PLAN.hints)
    diags: list = []
    return book.render_book(list(res.feed.articles), ROOT, PLAN, diags)


def setup_cells(files: dict[str, str]) -> dict[str, str]:
    """Page -> source of its first code cell (the hidden setup cell)."""
    out = {}
    for rel, text in files.items():
        if PAGES.match(rel):
            code = [c.source for c in jupytext.reads(text, "md:myst").cells
                    if c.cell_type == "code"]
            out[rel] = code[0] if code else ""
    return out


def kinds_of(files: dict[str, str]) -> dict[str, set[str]]:
    """Page -> kinds of the charts it shows."""
    specs = json.loads(files["data/generated/charts.json"])
    out = {}
    for rel, text in files.items():
        if PAGES.match(rel):
            keys = re.findall(r'^show\("([a-z0-9_]+)"\)$', text, flags=re.M)
            out[rel] = {specs[k]["kind"] for k in keys}
    return out


@pytest.fixture(scope="module")
def base():
    files = render(FEED.read_text(encoding="utf-8"))
    return files, setup_cells(files)


@pytest.mark.parametrize("kind", ["bars", "dumbbell", "share", "timeline"])
def test_editing_one_kind_changes_only_pages_that_use_it(base, kind, monkeypatch):
    files, before = base
    used = kinds_of(files)
    users = {rel for rel, ks in used.items() if kind in ks}
    assert users and users != set(used), f"{kind}: need pages with and without it"
    real = cachekeys.kind_sources

    def patched(k: str) -> dict[str, bytes]:
        out = real(k)
        if k == kind:
            out = {n: src + b"\n# edited\n" if n == f"kind_{kind}.py" else src
                   for n, src in out.items()}
        return out

    monkeypatch.setattr(cachekeys, "kind_sources", patched)
    after = setup_cells(render(FEED.read_text(encoding="utf-8")))
    changed = {rel for rel in before if before[rel] != after[rel]}
    assert changed == users


def test_kind_sources_cover_the_kind_and_the_shared_code():
    names = set(cachekeys.kind_sources("bars"))
    assert names == {"kind_bars.py", *{n for n in cachekeys.kind_sources("share")
                                       if n != "kind_share.py"}}
    assert len(names) == 1 + len(cachekeys.COMMON) + 1  # + the HTML renderer
    assert "chart_render.py" in names
    # every kind module is hashed from the file the kernel imports
    for kind in ("bars", "grouped", "timeline", "series", "share", "dumbbell", "custom"):
        src = cachekeys.kind_sources(kind)[f"kind_{kind}.py"]
        assert src == (cachekeys.KINDS_DIR / f"{kind}.py").read_bytes()


def _quotes(files: dict[str, str]) -> list[str]:
    """Every quote a chart dataset (curated or generated) or the event list holds."""
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "data").glob("*.csv")]
    texts += [t for rel, t in files.items() if rel.endswith(".csv")]
    quotes = [clean(r.get("quote") or "") for t in texts for r in csv.DictReader(io.StringIO(t))]
    quotes += [clean(e.quote) for e in PLAN.events]
    return [q for q in quotes if q]


def test_editing_prose_changes_no_setup_cell(base):
    files, before = base
    text = FEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    quotes = _quotes(files)
    # a long sentence with no number and no quoted words; one word swapped for one word
    n = next(i for i, ln in enumerate(lines) if len(ln) > 200 and " the " in ln
             and not re.search(r"\d", ln) and not any(q in clean(ln) for q in quotes)
             and not any(clean(ln) in q for q in quotes))
    lines[n] = lines[n].replace(" the ", " a ", 1)
    edited = render("\n".join(lines))
    after = setup_cells(edited)
    assert after == before
    page = [rel for rel in after if rel.startswith("chapters/")
            and files[rel] != edited[rel]]
    assert len(page) == 1, page  # the edit is in the page text, not in its cache key
