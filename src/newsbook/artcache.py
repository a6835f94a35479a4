"""What each copy reads into, and each article's facts, page and people's mentions, kept
between converter runs (issue 11: conversion at disk speed, and builds that stay quick
as the archive grows).

Every month the whole archive is converted again, yet last month's articles have not
changed, and mining them (dates, quantities, names, mentions, terms, automatic charts) is
most of a big conversion: 7.9 s of 15 s for a 30 MB copy on two cores. Mining one article
is a pure function of the article, its chapter stem, the curation that reaches it and the
code, so its result is stored under a digest of exactly those:

- the code: the text of every module and template of this package, the Python build, and
  the installed files of the libraries whose output a result holds (:data:`LIBRARIES`);
- the curation: what the caller passes (the book-wide part once, the chapter's own part
  with each article);
- the article: its pickle (a dataclass of strings, tuples and lists, so the bytes are the
  same in every run).

A copy's articles (what its reader returns) are kept the same way, under a digest of its
bytes, its path, the reader hints and the code: a new month's copy is read, the old ones
are loaded. So is each article's page and notebook twin, under its facts' key, its page
context and what every page reads (the glossary's words and the shared names), and, in
a book nobody curated, its mentions of the names the articles share.

Change any of them and the digest changes, so a stale result cannot be found; nothing is
ever invalidated by hand. Results live in :func:`newsbook.cachedir.cache_dir`, one file
per article in a folder per code version (the newest :data:`KEEP_VERSIONS` are kept),
written atomically by whichever process mined the article. Any unreadable entry is mined
again. Only ``scripts/convert.py`` turns the cache on (in-process callers and the tests
mine afresh unless they ask for it); ``NEWSBOOK_ARTICLE_CACHE=0`` turns it off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from pathlib import Path

from .cachedir import library_stamp

#: code versions whose folders are kept (a checkout and a worktree can alternate)
KEEP_VERSIONS = 3
#: entries not read or written for this long are removed (checked at most once a day)
MAX_AGE_S = 30 * 86400
_PACKAGE = Path(__file__).resolve().parent


#: the libraries whose output a kept result holds: chart specs (pydantic), readings
#: (pypinyin), what the readers make of HTML (nh3, feedparser), escaped text (markupsafe,
#: jinja2) and YAML (the plan)
LIBRARIES = ("pydantic", "pydantic_core", "pypinyin", "nh3", "feedparser", "markupsafe",
             "jinja2", "yaml", "pygments")


def code_digest() -> str:
    """A digest of everything besides the inputs that decides what a kept result holds."""
    h = hashlib.blake2b(digest_size=10)
    h.update(sys.version.encode())
    h.update(b"\0" + library_stamp(LIBRARIES).encode("utf-8", "surrogateescape"))
    files = sorted(p for pattern in ("*.py", "*.j2") for p in _PACKAGE.rglob(pattern))
    for path in files:
        data = path.read_bytes()
        h.update(b"\0%s\0%d\0" % (str(path.relative_to(_PACKAGE)).encode(), len(data)) + data)
    return h.hexdigest()


def digest(value: object) -> bytes:
    """A short digest of ``value``'s repr (strings, numbers, tuples, lists, dicts and
    dataclasses of them: the same in every run), for a book-wide part of many keys."""
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"),
                           digest_size=20).digest()


class ArticleCache:
    """``get(key)`` / ``put(key, value)`` for one code version's folder; ``key(...)``
    makes the digest. Safe to share with forked workers (each writes its own files)."""

    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def open(cls) -> "ArticleCache | None":
        """The cache for the running code, or None when it is off or cannot be made."""
        if os.environ.get("NEWSBOOK_ARTICLE_CACHE", "1") == "0":
            return None
        from .cachedir import cache_dir, keep_newest
        try:
            folder = Path(cache_dir()) / f"articles-{code_digest()}"
            folder.mkdir(parents=True, exist_ok=True)
            os.utime(folder)
            keep_newest(folder.parent, "articles-*", KEEP_VERSIONS)
            _prune_old(folder)
        except OSError:
            return None
        return cls(folder)

    def key(self, payload: object, *parts: object, context: bytes = b"") -> str:
        """The digest of ``context`` (a book-wide part: :func:`digest`), ``parts`` (each
        given as its repr: keep them to strings, numbers, tuples and sorted lists) and
        ``payload`` (bytes as they are, anything else pickled: an article)."""
        h = hashlib.blake2b(context, digest_size=20)
        h.update(repr(parts).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        h.update(payload if isinstance(payload, bytes) else pickle.dumps(payload, protocol=5))
        return h.hexdigest()

    def get(self, key: str):
        """The stored value, or None (missing or unreadable: the caller mines again)."""
        path = self.folder / f"{key}.pickle"
        try:
            with open(path, "rb") as fh:
                value = pickle.loads(fh.read())
            os.utime(path)  # (recently used entries outlive the age limit)
        except Exception:  # missing, or damaged: worked out again (and written again)
            return None
        return value

    def remember(self, key: str, make):
        """The value kept under ``key``, else ``make()``, kept unless it is None."""
        got = self.get(key)
        if got is None:
            got = make()
            if got is not None:
                self.put(key, got)
        return got

    def put(self, key: str, value) -> None:
        """Written in place, not to a temporary file then renamed (3% of a 30 MB copy's
        first run, which creates 4,000 entries): a key's value is always the same bytes,
        so two writers write the same file, and a file cut short is no pickle (pickle
        ends with its STOP code), which :meth:`get` takes for a missing one."""
        try:
            with open(self.folder / f"{key}.pickle", "wb") as fh:
                pickle.dump(value, fh, protocol=5)  # (streamed: no copy of a big value)
        except OSError:
            pass


def _prune_old(folder: Path) -> None:
    """Once a day, remove entries unused for :data:`MAX_AGE_S` (articles that left every
    archive, or whose curation changed)."""
    stamp = folder / ".pruned"
    now = time.time()
    try:
        if now - stamp.stat().st_mtime < 86400:
            return
    except FileNotFoundError:
        pass
    stamp.touch()
    with os.scandir(folder) as it:
        for entry in it:
            try:
                if entry.is_file() and not entry.name.startswith(".") and \
                        now - entry.stat().st_mtime > MAX_AGE_S:
                    os.unlink(entry.path)
            except OSError:
                pass

