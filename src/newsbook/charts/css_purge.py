"""Unused theme CSS out of the built book (issue 11: light pages).

sphinx-book-theme links ``pydata-sphinx-theme.css`` (397 kB: all of Bootstrap 5 plus the
theme) and a few extension stylesheets on every page; the book's pages use a small part of
them. :func:`purge_css` (``build-finished``) rewrites each of those files in the output
directory, keeping only

* style rules with at least one selector that can match: every class and id it names
  occurs in a built page (``class="…"``/``id="…"``) or as a word in a script in
  ``_static`` that a page loads (so the states that the theme and the book's scripts
  toggle from JavaScript, such as ``show``, ``fade`` or ``pst-squeeze``, stay), and at
  least one of its classes is on a built page or on an element a script makes
  (``class="tooltip"`` in a template, ``classList.add("scrolled")``): components that no
  page uses (modal, toast, carousel, offcanvas…) go. A script counts only if a page names
  its path under ``_static/`` (a ``src``, or a string in an inline script that adds it
  later): the theme's ``bootstrap.js`` and ``fontawesome.js`` stay in ``_static`` but no
  page loads them (:mod:`newsbook.charts.page_assets` puts the book's
  ``newsbook-bootstrap.js`` in bootstrap.js's place), so their words keep nothing. Type, attribute
  (``[data-theme=dark]``) and pseudo-class parts never rule a selector out, nor do
  selectors inside ``:not()``, ``:is()``, ``:where()`` and ``:has()``;
* every ``@font-face``, ``@keyframes``, ``@property``, ``@page``, ``@import`` and
  ``@charset`` rule, and every ``@media``/``@supports``/``@layer``/``@container`` block
  that still holds a rule.

Sphinx copies the original stylesheets again on every build that writes a page (a no-op
build writes neither, and the purged files stay as they are), so the purge always starts
from the theme's own file and a page that starts using a class gets its rules back in the
same build. Standard library only; no CSS is rewritten, only whole rules and selectors
dropped.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

#: stylesheets in ``_static`` that are purged (the book's own newsbook.css is not)
PURGED = ("basic.css", "styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css",
          "sphinx-design.min.css", "mystnb.*.css", "pygments.css", "togglebutton.css",
          "copybutton.css", "sphinx-thebe.css")
#: scripts whose words are not class names the pages use (data, or plotly's own DOM)
NOT_SCANNED = ("plotly-basic.min.js", "searchindex.js")
#: bump when what is collected per file changes (the per-file cache is keyed on it)
CACHE_VERSION = 3
MARK = "/* newsbook: unused rules removed at build time (newsbook.charts.css_purge) */\n"
#: at-rules kept whole; block at-rules not listed here and not in NESTED are kept too
NESTED = ("@media", "@supports", "@layer", "@container", "@document")

_CLASS_ATTR = re.compile(rb'\bclass="([^"]*)"')
_ID_ATTR = re.compile(rb'\bid="([^"]*)"')
_WORD = re.compile(rb"[A-Za-z_][\w-]*")
# a script of _static that a page loads: src="../_static/scripts/x.js?digest=…", or the
# path in an inline script that adds the file later ('_static/newsbook-charts.js')
_STATIC_JS = re.compile(rb"_static/([\w./-]+?\.js)\b")
# classes a script puts on elements: class="…" in a template, classList.add/toggle("…"),
# className = "…"
_JS_CLASSES = re.compile(rb"""class=\\?["']([^"'\\]*)|classList\.(?:add|toggle)\(([^)]*)\)"""
                         rb"""|className\s*\+?=\s*["']([^"']*)""")
_JS_STRING = re.compile(rb"""["']([\w -]+)["']""")
#: scripts that name many components the pages do not use: only the classes they put on
#: elements count for them (every other script's string literals do)
LIBRARIES = ("bootstrap.js",)
_ESC = re.compile(r"\\([0-9a-fA-F]{1,6} ?|.)")
_NAME = r"((?:\\[0-9a-fA-F]{1,6} ?|\\.|[\w-]|[^\x00-\x7f])+)"
_CLASS_SEL = re.compile(r"\." + _NAME)
_ID_SEL = re.compile(r"#" + _NAME)


# ------------------------------------------------------------------ CSS splitting

def _skip_string(css: str, i: int) -> int:
    q = css[i]
    i += 1
    while i < len(css) and css[i] != q:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _block_end(css: str, i: int) -> int:
    """Index just past the ``}`` that closes the block whose ``{`` is at ``i``."""
    depth = 0
    n = len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
            continue
        if c == "/" and css.startswith("/*", i):
            j = css.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def split_rules(css: str) -> list[tuple[str, str | None]]:
    """Top-level items of a stylesheet: ``(prelude, block body)``; body is None for a
    statement at-rule (``@import …;``). Comments are dropped."""
    out: list[tuple[str, str | None]] = []
    i, n = 0, len(css)
    start = 0
    while i < n:
        c = css[i]
        if c in "\"'":
            i = _skip_string(css, i)
            continue
        if c == "/" and css.startswith("/*", i):
            j = css.find("*/", i + 2)
            j = n if j < 0 else j + 2
            if not css[start:i].strip():
                start = j
            i = j
            continue
        if c == ";" and css[start:i].strip().startswith("@"):
            out.append((css[start:i + 1].strip(), None))
            i += 1
            start = i
            continue
        if c == "{":
            end = _block_end(css, i)
            out.append((css[start:i].strip(), css[i + 1:end - 1]))
            i = end
            start = i
            continue
        if c == "}":  # stray closer: skip
            i += 1
            start = i
            continue
        i += 1
    return out


def split_selectors(prelude: str) -> list[str]:
    """A selector list split on its top-level commas."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(prelude):
        c = prelude[i]
        if c in "\"'":
            j = _skip_string(prelude, i)
            cur.append(prelude[i:j])
            i = j
            continue
        if c == "\\":
            cur.append(prelude[i:i + 2])
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


def _unescape(name: str) -> str:
    def one(m):
        s = m.group(1).rstrip(" ")
        if len(s) > 1 or s in "0123456789abcdefABCDEF":
            try:
                return chr(int(s, 16))
            except ValueError:
                return s
        return s
    return _ESC.sub(one, name)


def _strip_functional(selector: str) -> str:
    """The selector without the arguments of functional pseudo-classes and without
    attribute selectors and strings (their contents never rule a selector out)."""
    out, depth, i = [], 0, 0
    while i < len(selector):
        c = selector[i]
        if c in "\"'":
            i = _skip_string(selector, i)
            continue
        if c == "\\" and depth == 0:
            out.append(selector[i:i + 2])
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0:
            out.append(c)
        i += 1
    return "".join(out)


class Used:
    """Class names, ids and script words of the built pages."""

    def __init__(self, classes=(), ids=(), words=(), anchors=()):
        self.classes = set(classes)
        self.ids = set(ids)
        self.words = set(words)
        self.anchors = self.classes | set(anchors)
        # words ending in "-" are prefixes that scripts complete ("bs-tooltip-" + "top")
        self.prefixes = tuple(sorted(w for w in self.words if w.endswith("-")))

    def has_class(self, name: str) -> bool:
        return (name in self.anchors or name in self.words
                or bool(self.prefixes) and name.startswith(self.prefixes))

    def has_id(self, name: str) -> bool:
        return name in self.ids or name in self.words

    def may_match(self, selector: str) -> bool:
        core = _strip_functional(selector)
        names = [_unescape(m.group(1)) for m in _CLASS_SEL.finditer(core)]
        if names and not any(n in self.anchors for n in names):
            return False
        for name in names:
            if not self.has_class(name):
                return False
        for m in _ID_SEL.finditer(core):
            if not self.has_id(_unescape(m.group(1))):
                return False
        return True


def purge_text(css: str, used: Used) -> str:
    """The stylesheet with the rules no page can use taken out (see module docstring)."""
    out: list[str] = []
    for prelude, body in split_rules(css):
        if body is None:
            out.append(prelude)
            continue
        if prelude.startswith("@"):
            name = prelude.split(None, 1)[0].split("(", 1)[0].lower()
            if name in NESTED:
                inner = purge_text(body, used)
                if inner.strip():
                    out.append(f"{prelude}{{{inner}}}")
            else:  # @font-face, @keyframes, @property, @page, @counter-style…
                out.append(f"{prelude}{{{body}}}")
            continue
        keep = [s for s in split_selectors(prelude) if used.may_match(s)]
        if keep:
            out.append(f"{','.join(keep)}{{{body}}}")
    return "\n".join(out)


# ------------------------------------------------------------------ the built book

def _page_tokens(data: bytes) -> tuple[list[str], list[str], list[str]]:
    """Classes, ids and the ``_static`` scripts (paths under ``_static/``) of a page."""
    classes: set[str] = set()
    for m in _CLASS_ATTR.finditer(data):
        classes.update(m.group(1).decode("utf-8", "replace").split())
    ids = {m.group(1).decode("utf-8", "replace") for m in _ID_ATTR.finditer(data)}
    # inline scripts (the chart loader bootstrap, the theme's small snippets)
    for chunk in re.findall(rb"<script(?![^>]*application/json)[^>]*>(.*?)</script>", data, re.S):
        classes.update(w.decode() for w in _WORD.findall(chunk))
    scripts = {m.decode("utf-8", "replace") for m in _STATIC_JS.findall(data)}
    return sorted(classes), sorted(ids), sorted(scripts)


def _script_tokens(data: bytes, library: bool = False) -> tuple[list[str], list[str]]:
    """Words of a script, and the classes it may put on elements: for a library, those
    in its templates and classList/className calls; for any other script, every word of
    its string literals (``span.classList.add(name)`` with ``name = "highlighted"``)."""
    words = {w.decode() for w in _WORD.findall(data)}
    anchors: set[str] = set()
    if not library:
        for s in _JS_STRING.findall(data):
            anchors.update(s.decode().split())
    for m in _JS_CLASSES.finditer(data):
        attr, args, name = m.groups()
        if args is not None:
            for s in _JS_STRING.findall(args):
                anchors.update(s.decode().split())
        else:
            anchors.update((attr or name or b"").decode("utf-8", "replace").split())
    return sorted(words), sorted(anchors)


def collect_used(outdir: Path, cache: Path | None = None) -> Used:
    """Classes and ids of every built page, and the words of every script in
    ``_static`` that a page loads (bar :data:`NOT_SCANNED`). Per-file results are cached
    by size and mtime in ``cache`` (a JSON file), so a rebuild reads only the pages it
    wrote."""
    old: dict = {}
    if cache is not None and cache.is_file():
        try:
            old = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
    if not isinstance(old, dict) or old.get("version") != CACHE_VERSION:
        old = {}
    old = old.get("files", {})
    new: dict = {}

    def entry_of(path: Path, tokens) -> list:
        rel = path.relative_to(outdir).as_posix()
        st = path.stat()
        stamp = [st.st_size, st.st_mtime_ns]
        hit = old.get(rel)
        entry = hit if hit and hit[0] == stamp else [stamp, *tokens(path.read_bytes())]
        new[rel] = entry
        return entry

    classes: set[str] = set()
    ids: set[str] = set()
    loaded: set[str] = set()
    static = outdir / "_static"
    for path in outdir.rglob("*.html"):
        entry = entry_of(path, _page_tokens)
        classes.update(entry[1])
        ids.update(entry[2])
        # the theme's template macros copied into _static (webpack-macros.html) name
        # every script it might link; only the pages say which it does
        if static not in path.parents:
            loaded.update(entry[3])
    # only the scripts some page loads: bootstrap.js (replaced by the book's
    # newsbook-bootstrap.js) and fontawesome.js stay in _static, but on no page
    words: set[str] = set()
    anchors: set[str] = set()
    for rel in sorted(loaded):
        path = static / rel
        if path.name in NOT_SCANNED or ".." in rel.split("/") or not path.is_file():
            continue
        entry = entry_of(path, lambda data: _script_tokens(data, path.name in LIBRARIES))
        words.update(entry[1])
        anchors.update(entry[2])
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps({"version": CACHE_VERSION, "files": new},
                                        separators=(",", ":")), encoding="utf-8")
        except OSError:
            pass
    # inline scripts of the pages are scanned for words too (the page's own entry)
    return Used(classes, ids, words | classes, anchors)


def purge_book(outdir: Path, cache: Path | None = None) -> dict[str, tuple[int, int]]:
    """Purge every stylesheet of :data:`PURGED` in ``outdir/_static``; returns
    ``{file: (bytes before, bytes after)}``. A file already purged is left alone."""
    static = outdir / "_static"
    targets = sorted({p for pat in PURGED for p in static.glob(pat) if p.is_file()})
    # a build that wrote no page copies no static file either: those are purged already
    fresh = {p: css for p in targets
             if MARK not in (css := p.read_text(encoding="utf-8"))[:200]}
    if not fresh:
        return {}
    used = collect_used(outdir, cache)
    done = {}
    for path, css in fresh.items():
        slim = purge_text(css, used)
        # @charset must stay the very first thing in the file
        head = ""
        if slim.startswith("@charset"):
            head, _, slim = slim.partition("\n")
            head += "\n"
        slim = head + MARK + slim + "\n"
        path.write_text(slim, encoding="utf-8")
        done[path.relative_to(outdir).as_posix()] = (len(css.encode()), len(slim.encode()))
    return done


def purge_css(app, exception) -> None:
    """``build-finished``: purge the theme's stylesheets of the HTML build."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    purge_book(Path(app.outdir), Path(app.doctreedir) / "newsbook-css-purge.json")
