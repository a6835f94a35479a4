"""The .ipynb twins are written without jupytext/nbformat, byte-identical to what
jupytext wrote (``newsbook.writers.ipynb``)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsbook.writers.ipynb import myst_to_ipynb, read_myst

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted((REPO / "chapters").glob("*.md")) + [
    p for p in (REPO / "intro.md", REPO / "timeline.md", REPO / "glossary.md") if p.exists()]


def jupytext_ipynb(page: str) -> str:
    """What book.as_ipynb wrote before: jupytext's reader and nbformat's writer."""
    jupytext = pytest.importorskip("jupytext")
    nb = jupytext.reads(page, "md:myst")
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nb.metadata.pop("jupytext", None)
    return jupytext.writes(nb, "ipynb")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_chapter_matches_jupytext(path):
    page = path.read_text(encoding="utf-8")
    assert myst_to_ipynb(page) == jupytext_ipynb(page)


def test_committed_twins_are_what_the_writer_gives():
    twins = sorted((REPO / "chapters").glob("*.ipynb"))
    assert twins, "no chapters/*.ipynb"
    for twin in twins:
        page = twin.with_suffix(".md").read_text(encoding="utf-8")
        assert myst_to_ipynb(page) == twin.read_text(encoding="utf-8"), twin.name


TRICKY = {
    "plain": ("---\nkernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n"
              "---\n\n# Title\n\nText.\n"),
    "no front matter": "# Title\n\n```{code-cell} ipython3\nx = 1\n```\n",
    "options as lines": ("---\ntitle: t\n---\n```{code-cell} python3\n:tags: [remove-input]\n"
                         "\nshow('a')\n```\nafter\n"),
    "options as yaml": ("---\ntitle: t\n---\n```{code-cell} python3\n---\ntags: [hide-input]\n"
                        "mystnb:\n  x: 1\n---\nprint(1)\n```\n"),
    "breaks with metadata": 'a\n\n+++ {"tags": ["x"]}\n\nb\n\n+ + +\n\nc\n++++\n',
    "nested longer fence": ("````{container} box\n```{code-cell} python3\nnot a cell\n```\n"
                            "````\n\n```{code-cell} python3\nreal = 1\n```\n"),
    "tildes and indented": ("~~~{code-cell} python3\nx\n~~~\n   ```{code-cell} python3\n   y\n"
                            "   ```\n    ```{code-cell} python3\n    z\n    ```\n"),
    "unclosed fence": "text\n\n```{code-cell} python3\nx = 1\n\nmore\n",
    "raw cell": "```{raw-cell}\n<b>raw</b>\n```\n",
    "line separators": "a\u2028b\n\n```{code-cell} python3\nx\n```\n\nc\x0cd\re\r\nf\n",
    "backtick info": "```{code-cell} `x`\nnot a fence\n```\n",
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_pages_match_jupytext(name):
    page = TRICKY[name]
    assert myst_to_ipynb(page) == jupytext_ipynb(page)


def test_hostile_feed_pages_match_jupytext(tmp_path):
    """Every page converted from the hostile feed (fences, +++, raw HTML in feed text)."""
    book = tmp_path / "book"
    (book / "data").mkdir(parents=True)
    for item in (REPO / "data").iterdir():
        if item.name not in ("raw", "charts"):  # charts name chapters of the bundled copy
            dest = book / "data" / item.name
            if item.is_dir():
                import shutil
                shutil.copytree(item, dest)
            else:
                dest.write_bytes(item.read_bytes())
    feed = REPO / "tests" / "feeds" / "hostile.txt"
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "convert.py"), "-q",
                           str(feed), "--book", str(book)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pages = sorted(book.glob("chapters/*.md"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert myst_to_ipynb(text) == jupytext_ipynb(text), page.name
        assert page.with_suffix(".ipynb").read_text(encoding="utf-8") == myst_to_ipynb(text)


def test_notebook_shape():
    nb = read_myst(TRICKY["options as lines"])
    assert [c["cell_type"] for c in nb["cells"]] == ["code", "markdown"]
    assert nb["cells"][0]["metadata"] == {"tags": ["remove-input"]}
    out = json.loads(myst_to_ipynb(TRICKY["options as lines"]))
    assert out["nbformat"] == 4 and out["nbformat_minor"] == 5
    assert [c["id"] for c in out["cells"]] == ["cell-0", "cell-1"]
    assert "jupytext" not in out["metadata"]


def test_no_heavy_imports():
    """Writing the twins must not import jupytext, nbformat or jsonschema."""
    code = ("import sys; from newsbook.writers.ipynb import myst_to_ipynb; "
            "myst_to_ipynb(open(sys.argv[1], encoding='utf-8').read()); "
            "print(sorted(m for m in ('jupytext', 'nbformat', 'jsonschema') if m in sys.modules))")
    page = PAGES[0] if PAGES else None
    if page is None:
        pytest.skip("no chapters")
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == "[]"
