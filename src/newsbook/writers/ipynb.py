"""A chapter's MyST Markdown notebook as ``.ipynb`` text, without jupytext or nbformat.

:func:`myst_to_ipynb` gives, byte for byte, what ``jupytext.writes(jupytext.reads(page,
"md:myst"), "ipynb")`` gives for the pages this package writes (with cell ids
``cell-<n>`` and the ``jupytext`` metadata dropped, as ``book.as_ipynb`` always did), but
imports neither: importing nbformat's validator costs seconds (jsonschema compiles its
format grammars), more than converting the whole bundled copy.

What it understands is what jupytext's MyST reader uses (jupytext/myst.py,
``myst_to_notebook``): YAML front matter for the notebook metadata, top-level
```` ```{code-cell} ```` and ```` ```{raw-cell} ```` fences (options as a ``---`` YAML
block or ``:key: value`` lines) and ``+++`` breaks (optional JSON metadata) between
Markdown cells. Fences follow CommonMark: up to three spaces of indentation, three or
more backticks or tildes, closed by at least as many of the same character.
``tests/test_ipynb.py`` checks the equivalence on every chapter and the hostile feeds.
"""
from __future__ import annotations

import json
import re
from textwrap import dedent

from . import fastyaml


CODE_DIRECTIVE = "{code-cell}"
RAW_DIRECTIVE = "{raw-cell}"
NBFORMAT, NBFORMAT_MINOR = 4, 5

_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_BREAK = re.compile(r"^ {0,3}\+[ \t]*\+[ \t]*\+[+ \t]*(.*)$")


class MystNotebookError(ValueError):
    """The page is not a notebook this reader can convert."""


def _options(content: str) -> tuple[list[str], dict]:
    """jupytext.myst.parse_directive_options + read_fenced_cell."""
    options: dict = {}
    if content.startswith("---"):
        content = "\n".join(content.splitlines()[1:])
        match = re.search(r"^-{3,}", content, re.MULTILINE)
        if match:
            block, content = content[:match.start()], content[match.end() + 1:]
        else:
            block, content = content, ""
        options = fastyaml.load(dedent(block)) or {}
    elif content.lstrip().startswith(":"):
        lines = content.splitlines()
        meta = []
        while lines and lines[0].lstrip().startswith(":"):
            meta.append(lines.pop(0).lstrip()[1:])
        content = "\n".join(lines)
        options = fastyaml.load("\n".join(meta)) or {}
    body = content.splitlines()
    if body and not body[0].strip():
        body = body[1:]
    return body, options


def _strip_blank_lines(text: str) -> str:
    text = text.rstrip()
    while text and text.startswith("\n"):
        text = text[1:]
    return text


_DUMPED: dict[str, str] = {}  # YAML text the page writer dumped -> the same data as JSON


def remember_front_matter(dumped: str, meta: dict) -> None:
    """Note what the page writer dumped as front matter, so the page's .ipynb twin reads
    it back without a YAML parse (PyYAML's safe dump of str/list/dict values loads back
    equal). Kept as JSON: each use gets its own copy; taken once, then forgotten."""
    if len(_DUMPED) > 64:
        _DUMPED.clear()
    _DUMPED[dumped] = json.dumps(meta)


def _front_matter(src: list[str]) -> tuple[dict, int]:
    """(metadata, first line after the front matter) of ``---`` YAML front matter."""
    if not src or src[0].rstrip() != "---":
        return {}, 0
    for i in range(1, len(src)):
        if src[i].rstrip() == "---":
            text = "\n".join(src[1:i]) + "\n"
            known = _DUMPED.pop(text, None)
            if known is not None:
                return json.loads(known), i + 1
            meta = fastyaml.load(text)
            return (meta if isinstance(meta, dict) else {}), i + 1
    return {}, 0


def read_myst(page: str) -> dict:
    """The notebook as a plain dict, as jupytext's MyST reader builds it."""
    normal = page.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    src = (normal + "\n").split("\n")[:-1]  # markdown-it's lines: only "\n" ends one
    lines = page.splitlines()           # jupytext slices Markdown cells from these
    metadata, start = _front_matter(src)
    cells: list[dict] = []
    md_meta: dict = {}
    default_lexer = None

    def flush(end: int, meta: dict) -> None:
        text = _strip_blank_lines("\n".join(lines[start:end]))
        if text:
            cells.append({"cell_type": "markdown", "metadata": meta, "source": text})

    n = len(src)
    i = start
    while i < n:
        line = src[i]
        m = _FENCE_OPEN.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in m.group(3)):
            indent, fence, info = len(m.group(1)), m.group(2), m.group(3).strip()
            close = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence))
                               + r",}[ \t]*$")
            j = i + 1
            while j < n and not close.match(src[j]):
                j += 1
            after = j + 1 if j < n else n  # an unclosed fence runs to the end
            if info.startswith((CODE_DIRECTIVE, RAW_DIRECTIVE)):
                flush(i, md_meta)
                body = [ln[min(indent, len(ln) - len(ln.lstrip(" "))):] for ln in src[i + 1:j]]
                body_lines, options = _options("".join(ln + "\n" for ln in body))
                if info.startswith(CODE_DIRECTIVE):
                    lexer = info[len(CODE_DIRECTIVE):].strip()
                    if lexer and not default_lexer:
                        default_lexer = lexer
                    cells.append({"cell_type": "code", "execution_count": None,
                                  "metadata": options, "outputs": [],
                                  "source": "\n".join(body_lines)})
                else:
                    cells.append({"cell_type": "raw", "metadata": options,
                                  "source": "\n".join(body_lines)})
                md_meta = {}
                start = after
            i = after
            continue
        b = _BREAK.match(line)
        if b:
            flush(i, md_meta)
            content = b.group(1).strip()
            md_meta = {}
            if content:
                meta = json.loads(content)
                if not isinstance(meta, dict):
                    raise MystNotebookError(f"line {i + 1}: +++ metadata is not a dict")
                md_meta = meta
            start = i + 1
        i += 1
    flush(len(lines), md_meta)
    if "language_info" not in metadata and default_lexer:
        has_metadata = bool(metadata)
        jt = metadata.setdefault("jupytext", {})
        jt["default_lexer"] = default_lexer
        if not has_metadata:
            jt["notebook_metadata_filter"] = "-all"
    return {"cells": cells, "metadata": metadata,
            "nbformat": NBFORMAT, "nbformat_minor": NBFORMAT_MINOR}


def _split_lines(nb: dict) -> dict:
    for cell in nb["cells"]:
        if isinstance(cell.get("source"), str):
            cell["source"] = cell["source"].splitlines(True)
    return nb


def myst_to_ipynb(page: str) -> str:
    """``.ipynb`` text of a MyST notebook page: cell ids ``cell-<n>``, no jupytext
    metadata; the JSON layout of nbformat (indent 1, sorted keys, Unicode kept)."""
    nb = read_myst(page)
    for n, cell in enumerate(nb["cells"]):
        cell["id"] = f"cell-{n}"
    nb["metadata"].pop("jupytext", None)
    return dumps(_split_lines(nb))


def dumps(value) -> str:
    """``json.dumps(value, indent=1, sort_keys=True, separators=(",", ": "),
    ensure_ascii=False)``, the same text, faster: with an indent, the json module leaves
    its C encoder for a Python one that was a fifth of rendering a chapter (a notebook is
    mostly lists of source lines; strings still go through the C string encoder here)."""
    out: list[str] = []
    _encode(value, "\n", out)
    return "".join(out)


_STRING = json.encoder.encode_basestring  # (C; ensure_ascii=False keeps Unicode)


def _encode(value, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_STRING(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        if not all(isinstance(key, str) for key in value):  # (never in a notebook)
            out.append(json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False,
                                  separators=(",", ": ")).replace("\n", newline))
            return
        inner = newline + " "
        out.append("{")
        for i, key in enumerate(sorted(value)):
            out.append(("," if i else "") + inner + _STRING(key) + ": ")
            _encode(value[key], inner, out)
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + " "
        if all(type(v) is str for v in value):  # (source lines: the bulk of a notebook)
            out.append("[" + inner + ("," + inner).join(map(_STRING, value)) + newline + "]")
            return
        out.append("[")
        for i, v in enumerate(value):
            out.append(("," if i else "") + inner)
            _encode(v, inner, out)
        out.append(newline + "]")
    else:  # numbers, booleans, None: as json writes them
        out.append(json.dumps(value))
