"""A small made-up book (three articles) for build, navigation and search tests.

Converting and building it takes ~20 s instead of the full book's minute, and it never
touches the repository's ``_build``. :func:`shared_book` builds it once per session
(read-only users); tests that change a book call :func:`convert` / :func:`build` on their
own copy under ``tmp_path``.
"""
from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = "Normal view\n\n"


def article(title: str, date: str, *paragraphs: str) -> str:
    return f"{title}\n\n{date}\n\n" + "\n\n".join(paragraphs) + "\n\n"


ARTICLES = [
    article("Harbour Cranes and the Hundred Lens War", "20 November 2025 at 09:00",
            "Jordan Li is a made-up analyst who writes about harbour cranes for this test.",
            "Harbour cranes along the Sorang waterfront were replaced in 2024, and the port "
            "authority says the new cranes move twice as many containers an hour. The so-called "
            "Hundred Lens War 百镜大战 among smart-glasses makers is the other story of the year.",
            "The cranes came from a supplier in Ningbo and were assembled on site over six "
            "months. Nobody in this test minds that the numbers are invented."),
    article("The Sanseitō Surprise", "12 October 2025 at 18:30", "By Sam Wu",
            "Japan's upper house election gave the small party Sanseitō its best result yet, "
            "and the other parties are still working out what it means for them. This "
            "paragraph is long enough to be a paragraph in a book.",
            "Tariffs, the yen and rice prices were the themes voters named most often in the "
            "exit polls quoted by the newspapers that week."),
    article("Notes from the Engine Room", "1 September 2025 at 07:15", "By Alex Roe",
            "The engine room of a container ship is loud, hot and far more automated than it "
            "was a decade ago, the chief engineer told us during a long night crossing.",
            "Huawei and other suppliers now sell the monitoring systems that watch every pump "
            "and valve on board, a market that barely existed ten years ago."),
]
STEMS = ["2025-11-20-harbour-cranes-and-the-hundred-lens-war", "2025-10-12-the-sanseito-surprise",
         "2025-09-01-notes-from-the-engine-room"]

#: a later copy with one more article (same year: the footer stays, only navigation changes)
NEW_ARTICLE = article("Tugboats at Dawn", "15 December 2025 at 06:00", "By Kim Park",
                      "Tugboats leave the inner harbour before dawn, and the pilots who steer "
                      "them know every buoy of the channel by name, the harbour master said.",
                      "Huawei radios have replaced the old sets on most of the fleet.")
NEW_STEM = "2025-12-15-tugboats-at-dawn"


def write_feed(root: Path, name: str = "feed.txt", articles=ARTICLES) -> Path:
    path = Path(root) / "data" / "raw" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(articles), encoding="utf-8")
    return path


def book_of(tmp_path: Path, text: str) -> Path:
    """A new book (``tmp_path/book``, no curation) converted from a copy holding ``text``."""
    from newsbook import cli
    tmp_path.mkdir(parents=True, exist_ok=True)
    feed = tmp_path / "feed.txt"
    feed.write_text(text, encoding="utf-8")
    book = tmp_path / "book"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    return book


def convert(root: Path, *args: str) -> int:
    from newsbook import cli
    return cli.main(["--book", str(root), "-q", *args])


def build(root: Path, timeout: float = 900) -> float:
    """``jupyter-book build ROOT -W -n --keep-going``; returns seconds; fails loudly."""
    jb = Path(sys.executable).parent / "jupyter-book"
    t0 = time.perf_counter()
    proc = subprocess.run([str(jb), "build", str(root), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=timeout)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise AssertionError(f"build failed ({proc.returncode}):\n{proc.stdout[-4000:]}\n"
                             f"{proc.stderr[-4000:]}")
    (Path(root) / "_build" / "test-build.log").write_text(proc.stdout + proc.stderr,
                                                          encoding="utf-8")
    return secs


def new_book(root: Path) -> Path:
    write_feed(root)
    assert convert(root) == 0
    return Path(root)


@functools.cache
def shared_book() -> Path:
    """The three-article book, converted and built once per session (do not modify)."""
    root = Path(tempfile.mkdtemp(prefix="newsbook-small-"))
    new_book(root)
    build(root)
    return root
