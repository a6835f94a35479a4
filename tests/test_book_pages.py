"""Issue: a book to navigate and notebooks to run (book-wide pages, search, launch, cache)."""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import jupytext
import pytest
import yaml

from conftest import ROOT
from newsbook.search import fold

CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))


def search_index(html: Path) -> dict:
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


@pytest.mark.slow
def test_search_finds_names_diacritics_and_chinese(built_book):
    index = search_index(built_book)
    docs = index["docnames"]
    def pages(word):
        hit = index["terms"].get(word)
        return {docs[i] for i in ([hit] if isinstance(hit, int) else hit or [])}
    assert "chapters/2025-07-24-where-japan-goes-next" in pages("sanseitō")
    assert pages("sanseito") == pages("sanseitō")           # typed without the macron
    assert "chapters/2025-12-15-ccp-purges-as-camp" in pages("heywood")
    assert "chapters/2025-12-15-ccp-purges-as-camp" in pages("打黑唱红")
    assert "chapters/2025-05-28-chinas-hundred-lens-war" in pages("百镜大战")
    # the page's search stems the query as the index was stemmed ("résumé" -> "resum")
    import snowballstemmer
    stem = snowballstemmer.stemmer("porter").stemWord
    assert pages(stem("yuichiro"))
    assert "chapters/2025-12-15-ccp-purges-as-camp" in pages(stem("resume"))


def test_fold():
    assert fold("Sanseitō") == "sanseito" and fold("韬光养晦") == "韬光养晦"


def test_glossary_page_has_terms_pinyin_and_links():
    text = (ROOT / "glossary.md").read_text(encoding="utf-8")
    body = text.split("```{glossary}", 1)[1]
    entries = re.findall(r"^\n(\S+)\n  \*([^*]+)\* — ", body, flags=re.M)
    assert len(entries) >= 60
    assert all(pinyin.strip() for _, pinyin in entries)
    assert body.count("Appears in: [") >= 60
    # chapter text links each term's first occurrence (and only the first) to the glossary
    purges = (ROOT / "chapters/2025-12-15-ccp-purges-as-camp.md").read_text(encoding="utf-8")
    assert purges.count("{term}`打黑唱红`") == 1


def test_people_index_entries():
    purges = (ROOT / "chapters/2025-12-15-ccp-purges-as-camp.md").read_text(encoding="utf-8")
    assert "```{index} single: Bo Xilai\n```" in purges
    assert "```{index} single: Wang Lijun\n```" in purges
    lens = (ROOT / "chapters/2025-05-28-chinas-hundred-lens-war.md").read_text(encoding="utf-8")
    assert "single: XREAL" in lens


@pytest.mark.slow
def test_built_index_lists_every_chapter_for_a_person(built_book):
    html = (built_book / "genindex.html").read_text(encoding="utf-8")
    entry = html[html.index(">Xi Jinping<"):][:4000]
    chapters = set(re.findall(r'href="(chapters/[^"#]+)\.html#', entry.split("</ul>")[0]))
    people = yaml.safe_load((ROOT / "data/curation/people.yml").read_text(encoding="utf-8"))
    assert any(e["name"] == "Xi Jinping" for e in people["entries"])
    assert len(chapters) >= 4


def test_timeline_events_link_to_paragraphs():
    rows = list(csv.DictReader((ROOT / "data/generated/book_events.csv").open(encoding="utf-8")))
    assert len(rows) >= 120
    linked = [r for r in rows if r["anchor"]]
    assert len(linked) / len(rows) > 0.9
    page = (ROOT / "timeline.md").read_text(encoding="utf-8")
    assert 'show("book_timeline")' in page
    for r in linked[:20]:
        assert f"(#{r['anchor']})" in page
        chapter = (ROOT / "chapters" / f"{r['chapter']}.md").read_text(encoding="utf-8")
        assert f"({r['anchor']})=" in chapter


def test_root_page_has_book_at_a_glance():
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    assert 'show("book_at_a_glance")' in intro
    rows = list(csv.DictReader((ROOT / "data/generated/book_articles.csv").open(encoding="utf-8")))
    assert len(rows) == 13 and all(r["url"].startswith("chapters/") for r in rows)


def test_chapter_header_lists_charts_and_meta():
    for page in CHAPTERS:
        text = page.read_text(encoding="utf-8")
        meta = text.split("```{container} chapter-meta", 1)[1].split("```", 1)[0]
        assert "**Published**" in meta and "**Reading time**" in meta and "**Themes**" in meta
        assert "**Charts in this chapter:**" in meta, page.name


@pytest.mark.slow
def test_launch_and_download_buttons(built_book):
    from newsbook.writers.book_files import repository_url
    settings = yaml.safe_load((ROOT / "data/curation/book.yml").read_text(encoding="utf-8"))
    repo = repository_url(settings).rstrip("/")
    for page in CHAPTERS:
        html = (built_book / "chapters" / f"{page.stem}.html").read_text(encoding="utf-8")
        nb = f"chapters/{page.stem}.ipynb"
        assert (ROOT / nb).exists()
        if not repo:  # placeholder or unset (issue 12): no dead launch/repository buttons
            assert "mybinder.org" not in html and "colab.research" not in html
            assert "user-redirect/git-pull" not in html and "your-org" not in html
            assert f'href="../_sources/chapters/{page.stem}.md"' in html
            continue
        org_repo = repo.split("github.com/")[1]
        assert f"https://mybinder.org/v2/gh/{org_repo}/main?urlpath=lab/tree/{nb}" in html
        assert f"https://colab.research.google.com/github/{org_repo}/blob/main/{nb}" in html
        assert "/hub/user-redirect/git-pull?" in html
        assert f'href="../_sources/chapters/{page.stem}.ipynb"' in html
        assert f'href="../_sources/chapters/{page.stem}.md"' in html


def test_ipynb_twins_match_the_markdown():
    for page in CHAPTERS:
        md = jupytext.read(page)
        nb = jupytext.read(page.with_suffix(".ipynb"))
        assert [c.source for c in md.cells] == [c.source for c in nb.cells], page.name


def test_editing_a_dataset_changes_only_chapters_using_it(tmp_path):
    """jupyter-cache keys on code; the dataset hash in each setup cell makes the
    dependency real. Edit one CSV: exactly the chapters charting it get new code."""
    from newsbook import cli
    book = tmp_path / "book"
    shutil.copytree(ROOT / "data", book / "data", ignore=shutil.ignore_patterns("generated"))
    assert cli.main(["--book", str(book), "-q"]) == 0
    before = {p.name: _code(p) for p in (book / "chapters").glob("*.md")}
    from newsbook.plan import load_plan
    users = {s.chapter for s in load_plan(book).charts if s.dataset == "claude_prices"}
    with (book / "data/claude_prices.csv").open("a", encoding="utf-8") as fh:
        fh.write("")  # no-op first: nothing may change
    assert cli.main(["--book", str(book), "--check", "-q"]) == 0
    text = (book / "data/claude_prices.csv").read_text(encoding="utf-8")
    (book / "data/claude_prices.csv").write_text(text[:-1] + " (edited)\n", encoding="utf-8")
    assert cli.main(["--book", str(book), "-q"]) == 0
    after = {p.name: _code(p) for p in (book / "chapters").glob("*.md")}
    changed = {n[:-3] for n in before if before[n] != after[n]}
    assert changed == users and users


def _code(path: Path) -> list[str]:
    return [c.source for c in jupytext.read(path).cells if c.cell_type == "code"]


@pytest.mark.slow
@pytest.mark.parametrize("cwd", ["chapters", "."])
def test_every_chapter_runs_under_nbclient(cwd):
    """Run All from a fresh kernel works with the working directory at chapters/ or root."""
    import nbclient
    pages = CHAPTERS if cwd == "chapters" else CHAPTERS[:3] + [ROOT / "intro.md",
                                                               ROOT / "timeline.md"]
    for page in pages:
        nb = jupytext.read(page)
        client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=120,
                                         resources={"metadata": {"path": str(ROOT / cwd)}})
        client.execute()
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if o.get("output_type") == "error"]
        assert not errors, page.name


def test_book_wide_charts_build_from_quoted_rows():
    """Book-wide datasets keep provenance: each event quote is on its feed line."""
    import pandas as pd
    from conftest import FEED
    from newsbook.charts import REGISTRY, load
    from newsbook.charts.render import build_figure
    from newsbook.writers.escape import clean
    feed = FEED.read_text(encoding="utf-8").split("\n")
    events = load("book_events")
    for row in events.itertuples():
        assert clean(row.quote) in clean(feed[int(row.line) - 1]), row
    articles = load("book_articles")
    for row in articles.itertuples():
        assert feed[int(row.line) - 1].strip() == row.quote
    for key in ("book_timeline", "book_at_a_glance"):
        spec = REGISTRY[key]
        fig = build_figure(spec, load(spec.dataset))
        assert len(fig.data) >= 3 and isinstance(events, pd.DataFrame)


def test_lab_opens_markdown_chapters_as_notebooks():
    """`make lab` installs jupytext's default-viewer override into the venv's JupyterLab."""
    import sys
    override = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    if not (Path(sys.prefix) / ".installed").exists():
        pytest.skip("not running from the Makefile's venv")
    viewers = json.loads(override.read_text())["@jupyterlab/docmanager-extension:plugin"]
    assert viewers["defaultViewers"]["markdown"] == "Jupytext Notebook"
    assert json.loads((ROOT / "binder" / "overrides.json").read_text()) == json.loads(
        override.read_text())


def test_index_entries_are_the_people_page_mentions():
    """A chapter's index entries name exactly the people the people page lists for it
    (one scan gives both, so the index never names someone the page does not)."""
    page = (ROOT / "people.md").read_text(encoding="utf-8")
    listed: dict[str, set[str]] = {}
    for m in re.finditer(r"^- \*\*(.+?)\*\*.*$", page, re.M):
        for stem in re.findall(r"\]\(#p-(\d{4}-\d\d-\d\d-[a-z0-9-]+?)-\d+\)", m.group(0)):
            name = re.sub(r"[;!:\n`]", " ", m.group(1).replace("\\", "")).strip()
            listed.setdefault(stem, set()).add(name)  # (as an index entry writes it)
    assert len(listed) >= 10
    for path in CHAPTERS:
        text = path.read_text(encoding="utf-8")
        entries = set(re.findall(r"^```\{index\} single: (.+)$", text, re.M))
        assert entries == listed.get(path.stem, set()), path.stem
