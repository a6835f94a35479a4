"""Each article's mining kept between converter runs (newsbook.artcache): a warm run gives
the same book byte for byte and mines nothing, and any change to an article, its curation
or the code mines it again."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FEED, ROOT
from newsbook import artcache, book as book_module, cli, extract

HARBOUR = ROOT / "tests" / "feeds" / "harbourline-freshrss-2026.txt"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSBOOK_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSBOOK_ARTICLE_CACHE", raising=False)
    monkeypatch.setenv("NEWSBOOK_JOBS", "1")  # (the counting below sees every article)
    return folder


def counted(monkeypatch, owner, name: str, what) -> list:
    """``what(*args)`` of every call of ``owner.name`` (which still does its work)."""
    calls: list = []
    real = getattr(owner, name)

    def counting(*args, **kwargs):
        calls.append(what(*args))
        return real(*args, **kwargs)
    monkeypatch.setattr(owner, name, counting)
    return calls


@pytest.fixture
def mined(monkeypatch) -> list[str]:
    """The titles of the articles mined afresh (not taken from the cache)."""
    return counted(monkeypatch, extract, "extract_article", lambda article, stem: article.title)


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The stems of the pages rendered afresh."""
    return counted(monkeypatch, book_module, "render_page", lambda article, ctx: ctx.stem)


def snapshot(book: Path) -> dict[str, bytes]:
    return {str(p.relative_to(book)): p.read_bytes() for p in sorted(book.rglob("*"))
            if p.is_file() and p.parts[len(book.parts)] not in ("_build",)
            and "raw" not in p.relative_to(book).parts}


def convert(book: Path, feed: Path | None = None, cache: bool = True) -> dict[str, bytes]:
    args = ([str(feed)] if feed else []) + ["--book", str(book), "-q"]
    assert cli.main(args, cache=cache) == 0
    return snapshot(book)


def curated_book(tmp_path: Path) -> Path:
    book = tmp_path / "book"
    shutil.copytree(ROOT / "data", book / "data", ignore=shutil.ignore_patterns("generated"))
    return book


def entries(cache_dir: Path) -> dict[str, int]:
    """Each cached article's file and inode (a result written again gets a new inode)."""
    return {p.name: p.stat().st_ino for p in cache_dir.glob("articles-*/*.pickle")}


def test_a_warm_run_mines_nothing_and_writes_the_same_book(tmp_path, cache_dir, mined,
                                                           rendered, monkeypatch):
    book = curated_book(tmp_path)
    cold = convert(book)
    assert len(mined) == 13 and len(rendered) == 13
    assert len(entries(cache_dir)) == 13 + 1 + 13  # mined, the copy's read, pages
    mined.clear()
    rendered.clear()
    reads = counted(monkeypatch, cli, "read_any", lambda *a: a)
    warm = convert(book)
    assert mined == []  # every article's mining came from the cache
    assert reads == []  # and the copy's articles
    assert rendered == []  # and every page
    assert warm == cold
    plain = tmp_path / "plain"
    shutil.copytree(ROOT / "data", plain / "data", ignore=shutil.ignore_patterns("generated"))
    assert convert(plain, cache=False) == cold  # and it is the book mined afresh
    assert len(mined) == 13  # (no cache: everything mined)


def test_an_edited_article_alone_is_mined_again(tmp_path, cache_dir, mined, monkeypatch):
    book = tmp_path / "book"
    feed = tmp_path / "feed.txt"
    feed.write_text(HARBOUR.read_text(encoding="utf-8"), encoding="utf-8")
    convert(book, feed)
    first = set(mined)
    assert len(first) >= 3
    mined.clear()
    text = feed.read_text(encoding="utf-8")
    paragraph = "Every port city tells itself a story about speed."  # (in The Quiet Harbour)
    assert text.count(paragraph) == 1
    feed.write_text(text.replace(paragraph, paragraph + " The council voted 7-2 on Tuesday."),
                    encoding="utf-8")
    reads = counted(monkeypatch, cli, "read_any", lambda *a: a)
    edited = convert(book, feed)
    assert mined == ["The Quiet Harbour"]
    assert len(reads) == 1  # the changed copy is read again
    fresh = tmp_path / "fresh"
    assert convert(fresh, feed, cache=False) == edited


def test_a_book_nobody_curated_is_found_in_the_cache_too(tmp_path, cache_dir, mined,
                                                        rendered, monkeypatch):
    """Its shared names' mentions (a pass of their own) are kept as well."""
    from newsbook import people
    book = tmp_path / "book"
    cold = convert(book, HARBOUR)
    assert (book / "people.md").exists()
    calls = counted(monkeypatch, people, "mentions", lambda stem, *a: stem)
    mined.clear()
    rendered.clear()
    assert convert(book, HARBOUR) == cold
    assert mined == [] and rendered == [] and calls == []


def test_curation_reaching_an_article_mines_it_again(tmp_path, cache_dir, mined, rendered):
    book = curated_book(tmp_path)
    convert(book)
    mined.clear()
    people = book / "data" / "curation" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    convert(book)
    assert mined == []  # the same people: nothing to mine again
    text = people.read_text(encoding="utf-8")
    assert "aliases:" in text
    people.write_text(text.replace("aliases: [", "aliases: [Zhang Sanfeng, ", 1),
                      encoding="utf-8")
    after = convert(book)
    assert len(mined) == 13  # every article may name the new alias
    fresh = tmp_path / "fresh"
    shutil.copytree(book / "data", fresh / "data", ignore=shutil.ignore_patterns("generated"))
    assert convert(fresh, cache=False) == after
    mined.clear()
    rendered.clear()
    charts = book / "data" / "charts" / "2025-07-14-xi-rumors.yml"
    charts.write_text(charts.read_text(encoding="utf-8") + "suppress: [series]\n",
                      encoding="utf-8")
    after = convert(book)
    assert len(mined) == 1 and "Xi" in mined[0]  # a chapter's own curation: that chapter
    assert rendered == ["2025-07-14-xi-rumors"]
    shutil.rmtree(fresh)
    shutil.copytree(book / "data", fresh / "data", ignore=shutil.ignore_patterns("generated"))
    assert convert(fresh, cache=False) == after


def test_a_new_glossary_word_renders_every_page_again(tmp_path, cache_dir, mined, rendered,
                                                      monkeypatch):
    """Every page links the glossary's words, so the word list is in every page's key;
    mining does not read it, so nothing is mined again."""
    book = curated_book(tmp_path)
    convert(book)
    mined.clear()
    rendered.clear()
    real = book_module.merge_terms
    monkeypatch.setattr(book_module, "merge_terms", lambda *a: real(*a) + [
        book_module.Term("Huawei", "", "a new word", False, "word", "en")])
    after = convert(book)
    assert mined == [] and len(rendered) == 13
    fresh = curated_book(tmp_path / "fresh")
    assert convert(fresh, cache=False) == after
    assert b"a new word" in after["glossary.md"]


def test_the_code_is_part_of_the_key(tmp_path, monkeypatch):
    copy = tmp_path / "newsbook"
    shutil.copytree(Path(artcache.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(artcache, "_PACKAGE", copy)
    before = artcache.code_digest()
    assert artcache.code_digest() == before
    quantities = copy / "extract" / "quantities.py"
    quantities.write_text(quantities.read_text(encoding="utf-8") + "\n# changed\n",
                          encoding="utf-8")
    assert artcache.code_digest() != before
    template = next(copy.rglob("*.j2"))
    after = artcache.code_digest()
    template.write_text(template.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert artcache.code_digest() != after
    # an upgraded library (here a made-up one the readers would use)
    lib = tmp_path / "site" / "fakelib"
    lib.mkdir(parents=True)
    (lib / "__init__.py").write_text("VERSION = '1.0'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(artcache, "LIBRARIES", artcache.LIBRARIES + ("fakelib",))
    old = artcache.code_digest()
    (lib / "__init__.py").write_text("VERSION = '1.10'\n", encoding="utf-8")
    assert artcache.code_digest() != old


def test_a_damaged_entry_is_mined_again(tmp_path, cache_dir, mined):
    book = curated_book(tmp_path)
    cold = convert(book)
    for k, path in enumerate(sorted(cache_dir.glob("articles-*/*.pickle"))):
        data = path.read_bytes()  # cut short (a writer stopped) or not a pickle at all
        path.write_bytes(data[:len(data) // 2] if k % 2 else b"not a pickle")
    mined.clear()
    assert convert(book) == cold
    assert len(mined) == 13
    mined.clear()
    assert convert(book) == cold and mined == []  # (and the entries were written again)


def test_the_switch_turns_the_cache_off(tmp_path, cache_dir, monkeypatch, mined):
    monkeypatch.setenv("NEWSBOOK_ARTICLE_CACHE", "0")
    assert artcache.ArticleCache.open() is None
    book = curated_book(tmp_path)
    convert(book)
    convert(book)
    assert len(mined) == 26  # every article, both times
    assert not list(cache_dir.glob("articles-*"))


def test_old_code_versions_and_unused_entries_are_removed(tmp_path, monkeypatch):
    base = tmp_path / "cache"
    monkeypatch.setenv("NEWSBOOK_CACHE_DIR", str(base))
    for k in range(5):
        old = base / f"articles-old{k}"
        old.mkdir(parents=True)
        os.utime(old, (1_000_000 + k, 1_000_000 + k))
    cache = artcache.ArticleCache.open()
    assert cache is not None
    kept = sorted(p.name for p in base.glob("articles-*"))
    assert cache.folder.name in kept and len(kept) == artcache.KEEP_VERSIONS
    assert "articles-old4" in kept and "articles-old0" not in kept  # the newest stay
    stale, fresh = cache.folder / "stale.pickle", cache.folder / "fresh.pickle"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (1_000_000, 1_000_000))
    (cache.folder / ".pruned").unlink()
    artcache.ArticleCache.open()
    assert fresh.exists() and not stale.exists()


def test_a_second_process_finds_every_article(tmp_path):
    """The keys are the same in every process (no set order, no hash seed in them): the
    converter run twice mines the second time nothing, so no entry is written again."""
    book = curated_book(tmp_path)
    env = {**os.environ, "NEWSBOOK_CACHE_DIR": str(tmp_path / "cache"),
           "NEWSBOOK_ARTICLE_CACHE": "1"}
    run = [sys.executable, str(ROOT / "scripts" / "convert.py"), "--book", str(book), "-q"]
    for seed in ("1", "2"):
        proc = subprocess.run(run, env={**env, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        if seed == "1":
            first = entries(tmp_path / "cache")
            assert len(first) == 13 + 1 + 13
    assert entries(tmp_path / "cache") == first
    assert subprocess.run(run + ["--check"], env=env, capture_output=True).returncode == 0
    assert FEED.name in {p.name for p in (book / "data" / "raw").iterdir()}


def test_two_converters_filling_one_cache_at_once(tmp_path):
    """Both write the same entries at the same time (in place: a key's value is always the
    same bytes); each book is then what a run with no cache writes."""
    env = {**os.environ, "NEWSBOOK_CACHE_DIR": str(tmp_path / "cache"),
           "NEWSBOOK_ARTICLE_CACHE": "1"}
    books = [curated_book(tmp_path / name) for name in ("one", "two")]
    run = [sys.executable, str(ROOT / "scripts" / "convert.py"), "-q", "--book"]
    procs = [subprocess.Popen(run + [str(b)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for b in books]
    assert all(p.wait(timeout=300) == 0 for p in procs)
    assert snapshot(books[0]) == snapshot(books[1])
    plain = curated_book(tmp_path / "plain")
    assert convert(plain, cache=False) == snapshot(books[0])
    for b in books:  # and a warm run finds nothing to change
        assert subprocess.run(run + [str(b), "--check"], env=env).returncode == 0
