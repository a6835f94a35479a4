"""The book build draws charts without a kernel (newsbook.charts.static).

One small book, built as ``make book`` builds (execution off, ``-W --keep-going``): its
chart cell must hold exactly the HTML ``show(key)`` gives for that book's data (with the
figure, rows and CSV as files beside the page), and a cell naming a chart that does not exist must fail the build with a warning at
the cell's line, not leave a silent gap.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from browser import MINIBOOK_TOC, REPO, _NB_HEAD, _SETUP, _chart_cell, write_fixture_book

pytestmark = pytest.mark.slow

CONFIG = """\
title: Static
author: tests
only_build_toc_files: true
execute:
  execute_notebooks: "off"
sphinx:
  extra_extensions:
    - newsbook.charts
  config:
    html_static_path: ["_static"]
    nb_ipywidgets_js: {}
"""


@pytest.fixture(scope="module")
def static_book(tmp_path_factory):
    root = write_fixture_book(tmp_path_factory.mktemp("static") / "book")
    (root / "_config.yml").write_text(CONFIG)
    (root / "_toc.yml").write_text(MINIBOOK_TOC)
    (root / "_static").mkdir(exist_ok=True)
    (root / "intro.md").write_text("# Static\n\nNo charts here.\n")
    (root / "chapters" / "2025-01-01-fixture.md").write_text(
        _NB_HEAD + "\n# Fixture chapter\n\n" + _SETUP + "\n"
        + _chart_cell("fx_bar", meta=True) + "\nProse.\n\n"
        + _chart_cell("no_such_chart", meta=True), encoding="utf-8")
    (root / "chapters" / "2025-01-02-other.md").write_text(
        _NB_HEAD + "\n# Other chapter\n\nNo chart.\n", encoding="utf-8")
    jb = Path(sys.executable).parent / "jupyter-book"
    proc = subprocess.run([str(jb), "build", str(root), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"})
    return root, proc


def test_a_missing_chart_fails_the_build_at_its_line(static_book):
    root, proc = static_book
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, log[-3000:]
    page = root / "chapters" / "2025-01-01-fixture.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    cell_line = next(i for i, text in enumerate(lines, 1)
                     if text == ":newsbook-chart: no_such_chart")
    m = re.search(rf"{re.escape(str(page))}:(\d+): WARNING: chart 'no_such_chart' cannot "
                  r"be drawn", log)
    assert m, log[-3000:]
    assert cell_line - 2 <= int(m.group(1)) <= cell_line, (m.group(0), cell_line)
    assert "Traceback" not in log
    assert "Executing notebook" not in log  # no kernel was started


def test_the_drawn_chart_is_what_show_returns(static_book, monkeypatch):
    root, _ = static_book
    monkeypatch.setenv("NEWSBOOK_DATA", str(root / "data"))
    from newsbook.charts.render import show
    assets: dict[str, str] = {}
    expected = show("fx_bar").html(assets=assets, prefix="../")
    html = root / "_build" / "html"
    page = (html / "chapters" / "2025-01-01-fixture.html").read_text(encoding="utf-8")
    assert page.count(expected) == 1
    # the figure, its rows and its CSV are files beside the page, exactly as drawn
    assert sorted(assets) == sorted(p.name for p in (html / "_charts").iterdir())
    for name, text in assets.items():
        assert (html / "_charts" / name).read_text(encoding="utf-8") == text
    assert "nb-chart-json" not in page and "data:text/csv" not in page
    assert 'show(&quot;' not in page and 'show("' not in page  # inputs stay hidden


def test_chart_files_no_page_names_are_removed(tmp_path):
    from newsbook.charts.render import ASSET_DIR
    from newsbook.charts.static import write_assets
    folder = tmp_path / ASSET_DIR
    write_assets(tmp_path, {"a.111.json": "{}", "a-rows.222.json": "[]"})
    write_assets(tmp_path, {"a.333.json": '{"x":1}', "a-rows.222.json": "[]"})
    assert sorted(p.name for p in folder.iterdir()) == ["a-rows.222.json", "a.333.json"]
    assert (folder / "a.333.json").read_text() == '{"x":1}'


def test_writing_chart_files_imports_neither_pandas_nor_plotly(tmp_path):
    """The build's last step writes the chart files; a build that drew no chart (a rebuild
    with nothing to do) must not pay pandas' and plotly's import for it (0.5 s)."""
    import subprocess
    import sys
    code = ("import sys; from pathlib import Path; from newsbook.charts import static; "
            f"static.write_assets(Path({str(tmp_path)!r}), {{'a.1.json': '{{}}'}}); "
            "print(sorted(m for m in ('pandas', 'plotly') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
    assert (tmp_path / "_charts" / "a.1.json").read_text(encoding="utf-8") == "{}"
