"""The book's own scripts and stylesheet, minified in the built book (issue 11).

``_static/newsbook-*.js`` and ``newsbook.css`` are written to be read: comments say why
each piece exists. Readers' browsers need none of that, and on a chart page those four
files were about 60 kB of the 1 MB budget. The copies Sphinx puts in ``_build/html/_static``
are therefore minified: rjsmin and rcssmin drop comments and whitespace only (no name is
changed and no code is rewritten), so the code that runs is the code in the repository.
The sources in ``_static`` stay as they are, and so does every book's own copy.

:func:`built_bytes` is what a built file must hold; ``_sync_static`` writes it whenever
the file in the output differs (after Sphinx copied the source, or after a source
changed), so a no-op build writes nothing and a minified file is never minified twice.
"""
from __future__ import annotations

import fnmatch
import functools
from pathlib import Path

#: the book's own assets (file names in ``_static``) that are served minified
OWN = ("newsbook-*.js", "newsbook.css")
#: first line of every minified file: where to read the source
HEADER = "/* {name}: minified at build time from the book's _static/{name} */\n"


def is_own(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pat) for pat in OWN)


def minify_text(name: str, text: str) -> str:
    """``text`` of the asset ``name`` without comments and layout whitespace."""
    if name.endswith(".js"):
        from rjsmin import jsmin
        body = jsmin(text)
    else:
        from rcssmin import cssmin
        body = cssmin(text)
    return HEADER.format(name=name) + body + "\n"


@functools.lru_cache(maxsize=32)
def _cached(name: str, data: bytes) -> bytes:
    return minify_text(name, data.decode("utf-8")).encode("utf-8")


def built_bytes(src: Path) -> bytes | None:
    """What the built copy of ``src`` holds: its minified text for the book's own assets
    (None for any other file: copied as it is). A source that is not UTF-8 is copied."""
    if not is_own(src.name):
        return None
    data = src.read_bytes()
    try:
        return _cached(src.name, data)
    except (ImportError, UnicodeDecodeError, ValueError):  # no minifier: served as written
        return None
