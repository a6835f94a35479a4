"""Issue 12, item 3: a hand edit to a generated file is never silently overwritten."""
from __future__ import annotations

import json

from smallbook import NEW_ARTICLE, NEW_STEM, STEMS, new_book, write_feed, ARTICLES, convert

from newsbook.manifest import MANIFEST, sha

CHAPTER = f"chapters/{STEMS[0]}.md"


def _edit(root):
    path = root / CHAPTER
    text = path.read_text(encoding="utf-8")
    edited = text.replace("Harbour cranes along", "My own note. Harbour cranes along", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    return edited


def _snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and "_build" not in p.parts}


def test_manifest_records_every_generated_file(tmp_path):
    root = new_book(tmp_path)
    record = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    assert CHAPTER in record["files"] and "_toc.yml" in record["files"]
    for rel, digest in record["files"].items():
        assert sha((root / rel).read_text(encoding="utf-8")) == digest, rel
    assert convert(root) == 0  # unchanged book: a second run is a no-op, no complaint


def test_edited_chapter_stops_the_conversion_and_nothing_is_written(tmp_path, capsys):
    root = new_book(tmp_path)
    capsys.readouterr()
    edited = _edit(root)
    write_feed(root, "later.txt", [NEW_ARTICLE])  # a change the converter would write
    before = _snapshot(root)
    assert convert(root) == 2
    err = capsys.readouterr().err
    line = next(s for s in err.splitlines() if "[newsbook.edited]" in s)
    assert line.startswith(f"{CHAPTER}:")
    assert ": error: edited by hand" in line
    assert "--keep-edits" in line and "--force" in line
    assert "Traceback" not in err
    assert _snapshot(root) == before, "nothing may be written when an edit would be lost"
    assert (root / CHAPTER).read_text(encoding="utf-8") == edited
    assert not (root / f"chapters/{NEW_STEM}.md").exists()


def test_keep_edits_keeps_the_edit_and_writes_the_rest(tmp_path, capsys):
    root = new_book(tmp_path)
    edited = _edit(root)
    write_feed(root, "later.txt", [NEW_ARTICLE])
    assert convert(root, "--keep-edits") == 0
    assert (root / CHAPTER).read_text(encoding="utf-8") == edited
    assert (root / f"chapters/{NEW_STEM}.md").exists()
    # kept once, kept again: a plain run no longer stops on this edit
    capsys.readouterr()
    assert convert(root) == 0
    assert (root / CHAPTER).read_text(encoding="utf-8") == edited
    # ...until it is discarded
    assert convert(root, "--force") == 0
    assert "My own note" not in (root / CHAPTER).read_text(encoding="utf-8")
    assert convert(root) == 0


def test_force_discards_the_edit(tmp_path):
    root = new_book(tmp_path)
    _edit(root)
    assert convert(root, "--force") == 0
    assert "My own note" not in (root / CHAPTER).read_text(encoding="utf-8")


def test_a_file_of_yours_where_a_chapter_would_go_is_not_overwritten(tmp_path, capsys):
    root = new_book(tmp_path)
    mine = root / "chapters" / f"{NEW_STEM}.md"
    mine.write_text("# my own notes\n", encoding="utf-8")
    write_feed(root, "later.txt", [NEW_ARTICLE])
    assert convert(root) == 2
    assert "not written by the converter" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "# my own notes\n"


def test_unedited_chapter_that_left_the_book_is_removed(tmp_path):
    root = new_book(tmp_path)
    write_feed(root, "feed.txt", ARTICLES[:2])
    assert convert(root) == 0
    assert not (root / f"chapters/{STEMS[2]}.md").exists()
    assert (root / f"chapters/{STEMS[0]}.md").exists()


def test_readme_says_where_your_notebooks_belong():
    from conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Your own notebooks and cells belong in `notebooks/`" in readme
    assert (ROOT / "notebooks" / "README.md").exists()


def test_windows_line_ends_are_no_hand_edit(tmp_path, capsys):
    """A checkout with CRLF line ends (git's autocrlf) holds the converter's text: the
    files are compared as bytes, but line ends as a text read sees them."""
    root = new_book(tmp_path)
    for rel in (CHAPTER, CHAPTER[:-3] + ".ipynb", "_toc.yml"):
        path = root / rel
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    write_feed(root, "later.txt", [NEW_ARTICLE])
    capsys.readouterr()
    assert convert(root) == 0
    assert "[newsbook.edited]" not in capsys.readouterr().err
    assert (root / f"chapters/{NEW_STEM}.md").exists()
    assert b"\r\n" not in (root / "_toc.yml").read_bytes()  # (it changed: written afresh)


def test_a_chapter_written_as_bytes_is_the_pages_text(tmp_path):
    """render_book hands chapters over as UTF-8 bytes; what lands on disk is that text,
    curly quotes and Han characters included, with the manifest's hash of those bytes."""
    root = new_book(tmp_path)
    record = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    data = (root / CHAPTER).read_bytes()
    assert sha(data) == record["files"][CHAPTER] == sha(data.decode("utf-8"))
    assert not data.startswith(b"b'") and data.startswith(b"---\n")


def test_render_book_gives_text_and_holds_chapters_as_bytes():
    """Callers of render_book get text for every file; only the writer takes the bytes
    the chapters are held as (half the memory of a str with one curly quote)."""
    from conftest import FEED, ROOT
    from newsbook import book
    from newsbook.manifest import raw
    from newsbook.plan import load_plan
    from newsbook.readers import read
    plan = load_plan(ROOT)
    res = read(FEED.read_text(encoding="utf-8"), source=str(FEED), hints=plan.hints)
    files = book.render_book(list(res.feed.articles), ROOT, plan, [])
    chapter = next(r for r in files if r.startswith("chapters/") and r.endswith(".md"))
    assert isinstance(files[chapter], str) and files[chapter].startswith("---\n")
    assert isinstance(raw(files, chapter), bytes)
    assert raw(files, chapter).decode("utf-8") == files[chapter] == files.get(chapter)
    assert all(isinstance(v, str) for v in files.values())
    assert all(isinstance(v, str) for _, v in files.items())
    assert dict(files.items())[chapter] == files[chapter]
