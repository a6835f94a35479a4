"""The only place that knows how feed text could turn into MyST syntax.

Feed text is data. Backslash-escaping every ASCII punctuation character
(CommonMark allows it on all of them) neutralises, among others: code fences
and ``{code-cell}`` lines (jupytext would split cells there), ``+++`` cell
breaks, ``%`` comments, ``(label)=`` targets, ``{role}`` and ``{{ subst }}``,
``$math$``, ``:::`` fences, ``---`` front matter and rules, raw HTML, links,
emphasis, lists, headings, tables, footnote definitions and block quotes.
Leading whitespace is dropped so an indent can never become a code block,
and trailing whitespace so it can never become a hard break.
"""
from __future__ import annotations

import functools
import re
import string
import unicodedata

PUNCT = frozenset(string.punctuation)
#: the place before every ASCII punctuation character, to get its backslash: the text is
#: split there and joined with backslashes, all in C. That is about 1.8x faster than one
#: substitution with a ``\\\1`` template (whose expansion runs Python code per match),
#: itself about 3x faster than ``str.translate`` with a table of two-character strings
#: (CPython takes its slow path for those); this was a tenth of rendering a big copy.
_BEFORE_PUNCT = re.compile("(?=[" + re.escape(string.punctuation) + "])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    """Plain text as it will be shown: control characters out, tabs as spaces, one line."""
    if text.isprintable() and not (text[:1].isspace() or text[-1:].isspace()):
        # most blocks: nothing to change. Control characters, tabs and every line break
        # ``splitlines`` knows are unprintable, so one C scan rules them all out.
        return text
    text = _CONTROL.sub("", text.replace("\t", " "))
    return " ".join(part.strip() for part in text.splitlines()).strip()


def escape_chars(text: str) -> str:
    """Escape every ASCII punctuation character of a fragment (no trimming; one line)."""
    if not text.isprintable():  # (control characters, tabs and line breaks are not)
        text = _CONTROL.sub("", text.replace("\t", " ").replace("\n", " "))
    return "\\".join(_BEFORE_PUNCT.split(text))


def escape_text(text: str) -> str:
    """Escape feed text for a MyST inline context; the page shows exactly ``clean(text)``."""
    return escape_chars(clean(text))


@functools.lru_cache(maxsize=8192)
def escape_title(title: str) -> str:
    """:func:`escape_text` of a chapter title, once per title: the book-wide pages link
    each title many times (a big archive's people page, glossary and timeline escaped
    the same few thousand titles hundreds of thousands of times)."""
    return escape_text(title)


def yaml_safe(text: str) -> str:
    """Text for YAML front matter and ``_toc.yml``: plain, one line, no control characters."""
    return clean(text)


#: letters that fold to no ASCII letter by losing an accent, spelled as their languages do
_SPELLED = str.maketrans({"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O",
                          "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})


def slugify(text: str, *, limit: int = 60) -> str:
    """``Can Huawei Take On Nvidia's CUDA?`` -> ``can-huawei-take-on-nvidias-cuda``."""
    text = text.replace("’", "").replace("'", "")
    # (a dash between numbers parts them: "April 20–24" is no "april-2024")
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    # (letters no accent is taken off: "abreißen" lost its ß, "abreien")
    text = text.translate(_SPELLED)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug or "untitled"


def label(*parts: str) -> str:
    """A Sphinx-safe target name built from our own slugs and numbers."""
    out = "-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts)
    return out or "x"
