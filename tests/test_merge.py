"""Next month's copy merges without loss: overlaps once, later copy wins, stable names,
curated files untouched, idempotent, ``--check`` exact."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FEED, ROOT
from newsbook import cli
from newsbook.readers.freshrss_text import find_starts, normalise

CONVERT = [sys.executable, str(ROOT / "scripts" / "convert.py")]
HEADER = ("Normal view\n\nThere are new articles available, click to refresh the page.\n"
          "Yesterday — 15 December 2025Main stream\n\n")


def article(title: str, date: str, *paras: str) -> str:
    return "\n\n".join([title, date, *paras]) + "\n\n"


#: the converter's own bookkeeping (run summary, hand-edit manifest), not book content
BOOKKEEPING = ("_build/", "data/generated/manifest.json")


def _book_files(root: Path):
    return [p for p in sorted(root.rglob("*")) if p.is_file()
            and not str(p.relative_to(root)).startswith(BOOKKEEPING)]


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in _book_files(root)}


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in _book_files(root)}


def convert(*args: str | Path) -> int:
    return cli.main([str(a) for a in args] + ["-q"])


A1 = article("Alpha Story", "1 May 2025 at 10:00", "Alpha text.")
A2 = article("Beta Story", "2 May 2025 at 10:00", "Beta text, first version.")
A2_FIXED = article("Beta Story", "2 May 2025 at 10:00", "Beta text, corrected version.")
A3 = article("Gamma Story", "3 May 2025 at 10:00", "Gamma text.")
A4 = article("Delta Story", "4 June 2025 at 10:00", "Delta text, new next month.")


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    may, june = tmp_path / "2025-05.txt", tmp_path / "2025-06.txt"
    may.write_text(HEADER + A3 + A2 + A1, encoding="utf-8")
    june.write_text(HEADER + A4 + A3 + A2_FIXED, encoding="utf-8")
    return may, june


def chapters(root: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (root / "chapters").glob("*.md")}


def test_overlap_once_later_copy_wins(tmp_path, copies, capsys):
    may, june = copies
    root = tmp_path / "book"
    assert convert(may, june, "--book", root) == 0
    err = capsys.readouterr().err
    pages = chapters(root)
    assert sorted(pages) == ["2025-05-01-alpha-story", "2025-05-02-beta-story",
                             "2025-05-03-gamma-story", "2025-06-04-delta-story"]
    beta = pages["2025-05-02-beta-story"]
    assert "corrected version" in beta and "first version" not in beta
    # the warning names both places and the winner; identical overlaps are silent
    beta_line_may = (HEADER + A3).count("\n") + 1
    beta_line_june = (HEADER + A4 + A3).count("\n") + 1
    assert (f"{june}:{beta_line_june}: warning: article 'Beta Story' differs between copies "
            f"({may}:{beta_line_may} and {june}:{beta_line_june}); using {june}") in err
    assert "[newsbook.correction]" in err and "Gamma" not in err
    # reversed order: the other copy wins
    root2 = tmp_path / "book2"
    assert convert(june, may, "--book", root2) == 0
    assert "first version" in chapters(root2)["2025-05-02-beta-story"]


def test_new_articles_join_the_right_part(tmp_path, copies):
    may, june = copies
    root = tmp_path / "book"
    (root / "data" / "curation").mkdir(parents=True)
    (root / "data" / "curation" / "themes.yml").write_text(yaml.safe_dump(
        {"themes": [{"name": "Greek letters", "chapters": ["2025-05-01-alpha-story",
                                                           "2025-05-03-gamma-story"]}]}))
    assert convert(may, "--book", root) == 0
    assert convert(may, june, "--book", root) == 0
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    parts = {p["caption"]: [c["file"] for c in p["chapters"]] for p in toc["parts"]
             if any(c["file"].startswith("chapters/") for c in p["chapters"])}
    assert list(parts) == ["Greek letters", "More"]  # (book-wide pages have their own part)
    assert parts["Greek letters"] == ["chapters/2025-05-03-gamma-story",
                                      "chapters/2025-05-01-alpha-story"]
    assert parts["More"] == ["chapters/2025-06-04-delta-story", "chapters/2025-05-02-beta-story"]


def test_stable_names_idempotent_and_curated_files_untouched(tmp_path, copies):
    may, june = copies
    root = tmp_path / "book"
    shutil.copytree(ROOT / "data" / "curation", root / "data" / "curation")
    for name in ["lost_figures.yml", "datasets.yml"]:
        shutil.copy2(ROOT / "data" / name, root / "data" / name)
    for csv in sorted((ROOT / "data").glob("*.csv")):  # every declared dataset must exist
        shutil.copy2(csv, root / "data" / csv.name)
    (root / "extra.md").write_text("# A hand-written page\n\nKeep me.\n", encoding="utf-8")
    curated = {k: v for k, v in stamps(root).items()}
    curated_bytes = files_of(root)

    assert convert(may, "--book", root) == 0
    first = set(chapters(root))
    assert convert(may, june, "--book", root) == 0
    second = set(chapters(root))
    assert first < second and second - first == {"2025-06-04-delta-story"}
    for rel, stamp in curated.items():  # never rewritten, not even touched
        assert stamps(root)[rel] == stamp, rel
        assert (root / rel).read_bytes() == curated_bytes[rel], rel

    before_bytes, before_stamps = files_of(root), stamps(root)
    proc = subprocess.run(CONVERT + [str(may), str(june), "--book", str(root)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "(0 changed)" in proc.stdout, proc.stdout + proc.stderr
    assert files_of(root) == before_bytes and stamps(root) == before_stamps
    assert not [p for p in root.iterdir() if p.name.startswith(".newsbook-")]


def test_check_lists_exactly_what_would_change(tmp_path, copies):
    may, june = copies
    root = tmp_path / "book"
    assert convert(may, june, "--book", root) == 0
    snap = stamps(root)
    proc = subprocess.run(CONVERT + [str(may), str(june), "--book", str(root), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout
    # next month: a correction and a new article
    july = tmp_path / "2025-07.txt"
    july.write_text(HEADER + article("Epsilon Story", "5 July 2025 at 10:00", "New.")
                    + article("Alpha Story", "1 May 2025 at 10:00", "Alpha text, fixed."),
                    encoding="utf-8")
    (root / "chapters" / "2025-05-03-gamma-story.md").write_text("hand edit\n")
    proc = subprocess.run(CONVERT + [str(may), str(june), str(july), "--book", str(root),
                                     "--check"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    listed = sorted(s.removeprefix("would change: ") for s in proc.stdout.splitlines())
    snap["chapters/2025-05-03-gamma-story.md"] = stamps(root)["chapters/2025-05-03-gamma-story.md"]
    assert stamps(root) == snap  # --check wrote nothing
    # the exact list: compare with what a real conversion then changes
    before = files_of(root)
    assert convert(may, june, july, "--book", root, "--force") == 0  # (drops the hand edit)
    after = files_of(root)
    changed = sorted(k for k in after if before.get(k) != after[k])
    assert "data/generated/manifest.json" in listed  # the record of what was written, too
    listed = [x for x in listed if x != "data/generated/manifest.json"]
    assert listed == changed, (set(listed) ^ set(changed))
    assert "chapters/2025-07-05-epsilon-story.md" in listed
    assert "chapters/2025-05-01-alpha-story.md" in listed
    assert "chapters/2025-05-03-gamma-story.md" in listed
    assert "chapters/2025-06-04-delta-story.md" not in listed


def split_feed(text: str, parts: list[slice]) -> list[str]:
    lines = normalise(text).split("\n")
    starts = find_starts(lines)
    bounds = starts + [len(lines)]
    arts = ["\n".join(lines[bounds[k]:bounds[k + 1]]).rstrip("\n") + "\n\n"
            for k in range(len(starts))]
    head = "\n".join(lines[:starts[0]]) + "\n"
    return [head + "".join(arts[s]) for s in parts]


def test_bundled_feed_split_in_two_overlapping_copies_merges_losslessly(tmp_path, capsys):
    """Two overlapping halves of the real copy give the same book as the whole copy."""
    roots = {}
    for name in ("whole", "split"):
        root = tmp_path / name
        shutil.copytree(ROOT / "data", root / "data",
                        ignore=shutil.ignore_patterns("raw", "generated"))
        roots[name] = root
    a, b = split_feed(FEED.read_text(encoding="utf-8"), [slice(0, 8), slice(5, 13)])
    older, newer = tmp_path / "older.txt", tmp_path / "newer.txt"
    older.write_text(b, encoding="utf-8")   # the older articles (end of the page)
    newer.write_text(a, encoding="utf-8")
    assert convert(FEED, "--book", roots["whole"]) == 0
    capsys.readouterr()
    assert convert(older, newer, "--book", roots["split"]) == 0
    err = capsys.readouterr().err
    assert "differs" not in err and "Traceback" not in err
    whole, split = files_of(roots["whole"]), files_of(roots["split"])
    assert sorted(whole) == sorted(split)
    # Chapters, notebooks, toc and config are identical. (Tables that record a source line
    # number differ, since the line is that of whichever copy held the article: the
    # book-wide ones and the automatic charts' datasets, whose digests the setup cells list.)
    same = [k for k in whole if k.startswith("chapters/") or k in ("_toc.yml", "_config.yml")]
    auto = re.compile(rb"(# auto_[a-z0-9_]+\.csv) [0-9a-f]{12}")
    assert {k: auto.sub(rb"\1", whole[k]) for k in same} == \
        {k: auto.sub(rb"\1", split[k]) for k in same}
    assert len([k for k in whole if k.startswith("chapters/") and k.endswith(".md")]) == 13


def test_a_merged_post_keeps_the_feeds_author_when_the_copy_names_none():
    """The text copy and the feed hold the same post; whichever version wins, the author the
    feed gives is kept when the copy names none (both merged chapters of a made-up climate
    newsletter lost theirs), but never the newsletter's own name given as every author."""
    from datetime import datetime

    from newsbook.merge import merge_sources
    from newsbook.model import Article, Paragraph

    def art(words: int, rich: bool, byline: str = "") -> Article:
        return Article("The February report", datetime(2026, 3, 9, 8), (Paragraph(
            " ".join(["word"] * words) + ".", 5),), (), 1, byline=byline, rich=rich,
            source="feed.atom" if rich else "copy.txt", publication="The Isotherm")
    for feed_words, copy_words in ((100, 100), (20, 100)):  # the feed wins; the copy wins
        got = merge_sources([art(copy_words, False), art(feed_words, True, "Keziah Morrow")], [])
        assert [a.byline for a in got] == ["Keziah Morrow"]
        got = merge_sources([art(copy_words, False), art(feed_words, True, "The Isotherm")], [])
        assert [a.byline for a in got] == [""]
