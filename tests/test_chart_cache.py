"""Drawn charts are reused between builds only while nothing they are drawn from changed
(newsbook.charts.chart_cache), and a prose edit then redraws no chart."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsbook.charts import chart_cache

ROOT = Path(__file__).resolve().parents[1]


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "generated").mkdir(parents=True)
    (data / "generated" / "charts.json").write_text(json.dumps({
        "k": {"dataset": "prices", "kind": "bars", "title": "T"},
        "g": {"dataset": "auto_x_timeline", "kind": "timeline"},
        "bad": {"dataset": "../etc/passwd", "kind": "bars"}}), encoding="utf-8")
    (data / "prices.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (data / "generated" / "auto_x_timeline.csv").write_text("x\n1\n", encoding="utf-8")
    (data / "generated" / "quote_anchors.json").write_text("{}", encoding="utf-8")
    return data


def _touch_later(path: Path, text: str) -> None:
    import os
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))  # (a new mtime on any file system)


def test_the_key_follows_everything_a_chart_is_drawn_from(tmp_path):
    data = _data(tmp_path)
    key = chart_cache.key_of("k", data, "../", True)
    assert key and key == chart_cache.key_of("k", data, "../", True)
    assert chart_cache.key_of("k", data, "", True) != key           # page depth
    assert chart_cache.key_of("k", data, "../", False) != key       # files or inline
    assert chart_cache.key_of("g", data, "../", True) not in (None, key)
    seen = {key}
    edits = [(data / "prices.csv", "a,b\n1,3\n"),                    # its dataset
             (data / "generated" / "quote_anchors.json", '{"q": {}}'),  # quote links
             (data / "generated" / "charts.json", json.dumps(             # its spec
                 {"k": {"dataset": "prices", "kind": "bars", "title": "T2"}}))]
    for path, text in edits:
        _touch_later(path, text)
        new = chart_cache.key_of("k", data, "../", True)
        assert new and new not in seen, path.name
        seen.add(new)
    # another dataset of the book is not this chart's
    (data / "other.csv").write_text("z\n", encoding="utf-8")
    assert chart_cache.key_of("k", data, "../", True) in seen


def test_what_is_never_cached(tmp_path):
    import types
    from newsbook.charts.registry import REGISTRY, unregister
    data = _data(tmp_path)
    assert chart_cache.key_of("missing", data, "", True) is None
    assert chart_cache.key_of("bad", data, "", True) is None   # not a dataset name
    REGISTRY.extra["k"] = types.SimpleNamespace(key="k")       # a live session's own spec
    try:
        assert chart_cache.key_of("k", data, "", True) is None
    finally:
        unregister("k")
    assert chart_cache.key_of("k", data, "", True) is not None


def test_entries_round_trip_and_unused_ones_go(tmp_path):
    folder = tmp_path / "cache"
    assert chart_cache.get(folder, "a" * 32) is None
    chart_cache.put(folder, "a" * 32, "<div>x</div>", {"f.1.json": "{}"})
    chart_cache.put(folder, "b" * 32, "<div>y</div>", {})
    (folder / "c.123.tmp").write_text("half", encoding="utf-8")
    (folder / ("d" * 32 + ".json")).write_text("not json", encoding="utf-8")
    assert chart_cache.get(folder, "a" * 32) == ("<div>x</div>", {"f.1.json": "{}"})
    assert chart_cache.get(folder, "d" * 32) is None                # broken: drawn again
    chart_cache.prune(folder, {"a" * 32})
    assert sorted(p.name for p in folder.iterdir()) == ["a" * 32 + ".json"]


@pytest.mark.slow
def test_a_prose_edit_redraws_no_chart_and_changes_only_the_edited_words(tmp_path):
    """Build the book, change one word of a chapter with a chart, rebuild: the rebuild
    imports neither pandas nor plotly (every chart came from the cache), and the page is
    the first build's page but for the edited words (its charts unchanged)."""
    import os
    import re
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench
    book = bench.copy_book(tmp_path / "book")
    jb = [sys.executable, str(ROOT / "scripts" / "jb.py"), "build", str(book), "-W", "-n",
          "--keep-going"]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    first = subprocess.run(jb, capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stdout[-3000:]
    assert any((book / "_build" / ".doctrees" / chart_cache.CACHE_DIR).iterdir())
    page = bench.prose_edit(book)
    html = book / "_build" / "html" / "chapters" / (page.stem + ".html")
    before = html.read_text(encoding="utf-8")
    assert "nb-chart" in before and "the very " not in before
    again = subprocess.run([sys.executable, "-X", "importtime", *jb[1:]], capture_output=True,
                           text=True, env=env)
    assert again.returncode == 0, again.stdout[-3000:]
    imported = {ln.rsplit("|", 1)[-1].strip() for ln in again.stderr.splitlines()
                if ln.startswith("import time:")}
    assert not imported & {"pandas", "plotly"}, "a chart was drawn again"
    after = html.read_text(encoding="utf-8")
    assert "the very " in after  # (in the paragraph, and in the description if first)
    stamps = re.compile(r"\?v=[0-9a-f]+")
    assert stamps.sub("", after.replace("the very ", "the ")) == stamps.sub("", before)
    shutil.rmtree(book / "_build" / "html" / "_charts")
    assert subprocess.run(jb, capture_output=True, text=True, env=env).returncode == 0
    # chart files are written from the environment even when no page was read again
    assert any((book / "_build" / "html" / "_charts").iterdir())
