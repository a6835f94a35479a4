"""The user's cache folder for newsbook (pinyin readings, validated plans, compiled
patterns, each article's results), and the one rule for how much each cache keeps.

$NEWSBOOK_CACHE_DIR, else $XDG_CACHE_HOME/newsbook, else ~/.cache/newsbook: outside every
book, whose files a conversion must not touch unless it writes them.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def cache_dir() -> str:
    return os.environ.get("NEWSBOOK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "newsbook")


def keep_newest(folder: Path, pattern: str, count: int) -> None:
    """Remove all but the ``count`` most recently written entries (files or folders)
    matching ``pattern`` in ``folder``: each cache's bound on what it keeps."""
    found = []
    for p in folder.glob(pattern):
        try:
            found.append((p.stat().st_mtime_ns, p))
        except OSError:
            pass
    for _, p in sorted(found, reverse=True)[count:]:
        try:
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink()
        except OSError:
            pass


def library_stamp(names) -> str:
    """Each installed library's entry file with its size and modification time, found
    without importing it (an upgrade or a reinstall writes the file again): part of a
    cache key wherever kept results hold what a library made."""
    from importlib.util import find_spec
    out = []
    for name in names:
        try:
            spec = find_spec(name)
            st = os.stat(spec.origin) if spec and spec.origin else None
        except (ImportError, ValueError, OSError):
            st = None
        out.append(f"{name} -" if st is None
                   else f"{name} {spec.origin} {st.st_size} {st.st_mtime_ns}")
    return "\0".join(out)
