"""A chart point's chapter link (the last item of its customdata), as the chart loader
(``N.link`` in ``_static/newsbook-charts.js``) opens it on a click: a chapter page, its
anchor, or the short form ``chapters/<stem>.html#~<n>`` for the paragraph anchor
``chapters/<stem>.html#p-<stem>-<n>``; anything else opens nothing."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from browser import NODE_LOADER_STUB, REPO, serve

LOADER = REPO / "_static" / "newsbook-charts.js"

CASES = {
    # short form: the paragraph anchor of the same chapter
    "chapters/2025-07-14-xi-rumors.html#~12": "chapters/2025-07-14-xi-rumors.html#p-2025-07-14-xi-rumors-12",
    "chapters/a.html#~0": "chapters/a.html#p-a-0",
    # the long forms, as before
    "chapters/2025-07-14-xi-rumors.html#p-2025-07-14-xi-rumors-12":
        "chapters/2025-07-14-xi-rumors.html#p-2025-07-14-xi-rumors-12",
    "chapters/2025-07-14-xi-rumors.html": "chapters/2025-07-14-xi-rumors.html",
    "chapters/x-1.html#some-anchor": "chapters/x-1.html#some-anchor",
    # not links: nothing opens
    "chapters/a.html#~": None,
    "chapters/a.html#~1a": None,
    "chapters/a.html#~-1": None,
    "chapters/a.html#~~1": None,
    "chapters/A.html#~1": None,
    "chapters/a.html#p-A": None,
    "https://example.com/chapters/a.html#~1": None,
    "../chapters/a.html#~1": None,
    "javascript:alert(1)//chapters/a.html": None,
    "chapters/a.html#~1\nx": None,
    "": None,
}
NON_STRINGS = [None, 3, ["chapters/a.html"], {"u": "chapters/a.html"}]


def _node_links(values: list) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node not installed")
    script = (NODE_LOADER_STUB + LOADER.read_text(encoding="utf-8") +
              "\nprocess.stdout.write(JSON.stringify(%s.map(u => window.__newsbookCharts.link(u))));\n"
              % json.dumps(values))
    res = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_link_expansion():
    got = _node_links(list(CASES))
    assert dict(zip(CASES, got)) == CASES


def test_non_strings_open_nothing():
    assert _node_links(NON_STRINGS) == [None] * len(NON_STRINGS)


@pytest.mark.browser
def test_click_opens_the_expanded_link(browser, tmp_path):
    """A click on a point whose customdata ends with the short form opens the paragraph
    anchor (the loader's plotly_click handler, drawn with the real core)."""
    static = REPO / "_static"
    root = tmp_path / "site"
    (root / "_static").mkdir(parents=True)
    (root / "chapters").mkdir()
    for name in ("plotly-basic.min.js", "newsbook-charts.js"):
        shutil.copy(static / name, root / "_static" / name)
    (root / "chapters" / "c-1.html").write_text("<!doctype html><p id=p-c-1-7>seven</p>",
                                               encoding="utf-8")
    fig = {"data": [{"type": "bar", "x": ["a"], "y": [1], "customdata": [["x", "chapters/c-1.html#~7"]]}],
           "layout": {"width": 300, "height": 300, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}}}
    (root / "index.html").write_text(
        "<!doctype html><html data-content_root='./'><body style='margin:0'>"
        "<figure class='nb-chart' style='margin:0'><div class='nb-chart-plot' style='width:300px;height:300px'>"
        "</div><script type='application/json' class='nb-chart-json'>%s</script></figure>"
        "<script src='_static/newsbook-charts.js'></script></body></html>" % json.dumps(fig),
        encoding="utf-8")
    with serve(root) as base:
        page = browser.new_page(viewport={"width": 400, "height": 400})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "index.html", wait_until="load")
        page.wait_for_function("() => document.querySelector('.nb-chart-plot .barlayer path')"
                               " && !document.querySelector('.nb-chart-plot').style.visibility",
                               timeout=30000)
        box = page.locator(".nb-chart-plot .barlayer path").first.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)  # plotly's click reports the hovered point
        page.wait_for_timeout(300)
        with page.expect_navigation():
            page.mouse.click(x, y)
        assert page.url == base + "chapters/c-1.html#p-c-1-7"
        assert not errors, errors
        page.close()
