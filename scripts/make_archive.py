#!/usr/bin/env python3
"""Write a synthetic archive for benchmarks: ``make_archive.py N --out DIR`` (never data).

The archive is a FreshRSS text copy of N articles (N >= 13) made from the bundled ones: the
first 13 are the bundled articles as they are (so the curated charts in ``data/charts/``
find their chapters), and article k after them is bundled article ``k % 13`` with a new
title ("… (archive #k)") and a new date (one every ~2 days going back from the bundled
copy's oldest), so every article is distinct and the same N always gives the same file;
N + 20 gives the same first N articles plus 20 new, older ones. ``--mb SIZE`` picks N for
a copy of about SIZE megabytes instead.

By default DIR becomes a book directory (``data/`` copied from this repository, the copy
in ``data/raw/archive.txt``) and is converted with ``scripts/convert.py``; ``--feed-only``
writes just the text copy to DIR/data/raw/archive.txt.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data" / "raw" / "chinatalk-freshrss-2025.txt"
DATE = re.compile(r"^(\d{1,2}) ([A-Z][a-z]+) (\d{4}) at (\d{2}):(\d{2})$")
HEADER = "Normal view\n\nThere are new articles available, click to refresh the page.\n"


def split_articles(text: str) -> list[tuple[str, str, list[str]]]:
    """(title, date line, body lines) of every article in a FreshRSS copy."""
    lines = text.split("\n")
    starts = [i - 2 for i, ln in enumerate(lines) if DATE.match(ln) and i >= 2]
    out = []
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = lines[s + 3:end]
        # drop FreshRSS day separators ("…Main stream") and the trailing ❌ marks
        body = [ln for ln in body if not ln.endswith("Main stream") and ln.strip() != "❌"]
        out.append((lines[s], lines[s + 2], body))
    return out


def archive_text(n: int) -> str:
    arts = split_articles(BUNDLED.read_text(encoding="utf-8"))
    oldest = min(datetime.strptime(d, "%d %B %Y at %H:%M") for _, d, _ in arts)
    parts = [HEADER]
    for k in range(n):
        title, date, body = arts[k % len(arts)]
        if k >= len(arts):  # a synthetic, older copy
            when = oldest - timedelta(days=2 * (k - len(arts) + 1), minutes=7 * k)
            date = f"{when.day} {when:%B %Y at %H:%M}"
            title = f"{title} (archive #{k + 1})"
        while body and not body[-1].strip():
            body = body[:-1]
        parts.append(f"\n{title}\n\n{date}\n" + "\n".join(body) + "\n")
    return "".join(parts)


def articles_for(megabytes: float) -> int:
    per = len(archive_text(13).encode()) / 13
    return max(1, round(megabytes * 1e6 / per))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, help="articles")
    ap.add_argument("--mb", type=float, help="about this many megabytes instead of N")
    ap.add_argument("--out", type=Path, required=True, help="directory to write")
    ap.add_argument("--feed-only", action="store_true", help="write only the text copy")
    opts = ap.parse_args(argv)
    if (opts.n is None) == (opts.mb is None):
        ap.error("give N or --mb")
    n = opts.n if opts.n is not None else articles_for(opts.mb)
    if n < 13:
        ap.error("an archive holds at least the 13 bundled articles (N >= 13, --mb >= 0.3)")
    out = opts.out.resolve()
    if out == REPO or REPO in out.parents and "_build" not in out.parts:
        ap.error("write archives outside the repository (or under _build/)")
    raw = out / "data" / "raw"
    if not opts.feed_only:
        for item in (REPO / "data").iterdir():
            if item.name in ("raw", "generated"):
                continue
            dest = out / "data" / item.name
            if item.is_dir():
                shutil.copytree(item, dest, dirs_exist_ok=True)
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(item, dest)
        for extra in ("_static", "requirements.txt"):
            src = REPO / extra
            if src.is_dir():
                shutil.copytree(src, out / extra, dirs_exist_ok=True)
            elif src.is_file():
                shutil.copyfile(src, out / extra)
    raw.mkdir(parents=True, exist_ok=True)
    for old in raw.glob("*.txt"):
        old.unlink()
    feed = raw / "archive.txt"
    feed.write_text(archive_text(n), encoding="utf-8")
    print(f"{n} articles, {feed.stat().st_size / 1e6:.1f} MB -> {feed}")
    if opts.feed_only:
        return 0
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "convert.py"), "-q",
                           "--book", str(out)], capture_output=True, text=True)
    if proc.returncode:
        print(proc.stderr[-3000:], file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
