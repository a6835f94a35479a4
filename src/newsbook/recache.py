"""Compiled regular expressions kept between runs of the converter (issue 11: the bundled
copy converted in 0.5 s).

Why: CPython compiles a regular expression in Python (a parser, then a code generator
that walks every code point of a character class's ranges: one class of Chinese ranges
takes milliseconds). The converter compiles about 180 patterns a run, 0.11-0.13 s of a
0.55-0.65 s conversion of the bundled copy, the same patterns every time.

How: ``re`` hands the C engine (``_sre.compile``) a list of integers made from the
pattern and its flags alone. That list is kept in the cache folder
(:func:`newsbook.cachedir.cache_dir`), in a file whose name says the Python build and the
engine's version, and handed to the engine directly on later runs: the same compiled
pattern (``tests/test_recache.py`` compares them). Anything unexpected (another Python,
a damaged file, a flag it does not know) falls back to ``re``'s own compiler.
Only ``scripts/convert.py`` turns this on (``NEWSBOOK_RE_CACHE=0`` turns it off): the
package never changes ``re`` for anyone importing it.
"""
from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
from array import array
from pathlib import Path

#: entries kept, and their total size: the patterns a run did not use go first (a copy of
#: the test suite's or the benchmark's books grew the file to 14 MB, 1,188 patterns, whose
#: reading cost 35 ms of every run; the bundled book's own patterns take 0.25 MB)
LIMIT = 2_000
BUDGET = 2_000_000
#: longer patterns are compiled as usual (a trie of a book's names: one book's only)
LONGEST = 20_000


def cache_path() -> Path:
    """The cache file for this Python build and this regular-expression engine."""
    import _sre

    from .cachedir import cache_dir
    build = f"{sys.implementation.name}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"
    digest = hashlib.blake2b(build.encode(), digest_size=8).hexdigest()
    return Path(cache_dir()) / f"re-{digest}.marshal"


def install(path: Path | None = None, at_exit: bool = True):
    """Route ``re``'s compiler through the cache at ``path`` (:func:`cache_path`); returns
    the function that writes what was added (called at exit when ``at_exit``), or None
    when it cannot be (another Python whose compiler is not the one this knows, or
    turned off)."""
    if os.environ.get("NEWSBOOK_RE_CACHE", "") == "0":
        return None
    try:
        import _sre
        from re import _compiler, _parser
        plain = _compiler.compile
        code_of, debug = _compiler._code, _compiler.SRE_FLAG_DEBUG
    except (ImportError, AttributeError):
        return None
    path = path or cache_path()
    if array("I").itemsize != _sre.CODESIZE:
        return None
    try:
        with open(path, "rb") as fh:  # (one read: marshal.load reads a file bit by bit)
            entries = marshal.loads(fh.read())
        if not isinstance(entries, dict):
            entries = {}
    except (OSError, EOFError, ValueError, TypeError):
        entries = {}
    added: dict = {}
    used: dict = {}  # (the entries this run found, in the order it found them)

    def compile(p, flags=0):  # noqa: A001  (re._compiler.compile's own name)
        if not isinstance(p, (str, bytes)) or len(p) > LONGEST:
            return plain(p, flags)
        flags = int(flags)
        if flags & debug:
            return plain(p, flags)
        key = (p, flags)
        got = entries.get(key)
        if got is not None:
            try:
                final, code, groups, groupindex, indexgroup = got
                compiled = _sre.compile(p, final, array("I", code).tolist(), groups,
                                        groupindex, indexgroup)
                used[key] = got
                return compiled
            except Exception:  # (a damaged entry: compile as usual, and keep the good one)
                entries.pop(key, None)
        try:  # (what re._compiler.compile does, keeping its parts)
            parsed = _parser.parse(p, flags)
            code = [int(c) for c in code_of(parsed, flags)]  # (opcodes: int subclasses)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            compiled = _sre.compile(p, flags | parsed.state.flags, code,
                                    parsed.state.groups - 1, groupindex, tuple(indexgroup))
        except re.error:
            raise
        except Exception:  # (a Python whose internals differ: compile as re does)
            return plain(p, flags)
        # (the code as bytes: a list of ints is slow to write and read back)
        entries[key] = added[key] = (flags | parsed.state.flags, array("I", code).tobytes(),
                                     parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return compiled

    _compiler.compile = compile

    def save() -> None:
        if not added:
            return
        keep = _newest(entries, used, added)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                marshal.dump(keep, fh)
            os.replace(tmp, path)
        except (OSError, ValueError):  # (a cache: the next run compiles again)
            try:
                tmp.unlink()
            except OSError:
                pass
    if at_exit:
        atexit.register(save)
    return save


def _size(key, entry) -> int:
    return len(key[0]) + len(entry[1]) + 64


def _newest(entries: dict, used: dict, added: dict) -> dict:
    """What the file keeps: this run's patterns (found, then added) last, the others
    before them in the order they were last written, and of those only the newest that
    fit :data:`LIMIT` and :data:`BUDGET` (a pattern alone over the budget is not kept)."""
    order = [k for k in entries if k not in used and k not in added]
    order += [k for k in used if k not in added] + list(added)
    keep: list = []
    total = 0
    for key in reversed(order):
        if len(keep) >= LIMIT:
            break
        size = _size(key, entries[key])
        if total + size > BUDGET:
            continue  # (a smaller, older one may still fit)
        keep.append(key)
        total += size
    return {key: entries[key] for key in reversed(keep)}
