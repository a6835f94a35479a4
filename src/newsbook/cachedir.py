"""The user's cache folder for newsbook (pinyin readings, validated plans).

$NEWSBOOK_CACHE_DIR, else $XDG_CACHE_HOME/newsbook, else ~/.cache/newsbook: outside every
book, whose files a conversion must not touch unless it writes them.
"""
from __future__ import annotations

import os


def cache_dir() -> str:
    return os.environ.get("NEWSBOOK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "newsbook")
