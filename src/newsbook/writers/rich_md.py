"""MyST for the blocks and inline spans that HTML sources bring (figures, links, emphasis,
quotes, code, tables, link cards). Used by :mod:`myst_page`.

Every text still goes through :mod:`escape`. Markup comes only from here:
- links survive only for http, https and mailto URLs and book-relative paths
  (:func:`safe_href`); anything else is shown as its plain text;
- emphasis is emitted only where CommonMark would read it as emphasis (else plain);
- code spans use a backtick fence longer than any run inside them;
- directive options are single-quoted YAML scalars; URLs are percent-encoded.
Raw HTML is never written.
"""
from __future__ import annotations

import re
import string
import unicodedata
from typing import Callable
from urllib.parse import quote, urlsplit

from ..model import Code, Figure, LinkCard, Span, Table
from .escape import clean, escape_chars, escape_text

#: book-relative paths we write ourselves (downloaded images, pages of the book)
BOOK_PATH = re.compile(r"^/?(?:_static/images/[0-9a-f]{64}\.[a-z0-9]{2,5}"
                       r"|chapters/[a-z0-9][a-z0-9-]*(?:\.md)?(?:#[a-z0-9-]+)?)$")
URL_SAFE = "/:?#[]@!$&*+,;=%~-._"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
ASCII_PUNCT = set(string.punctuation)


def safe_href(url: str) -> str:
    """The URL as it may appear in a MyST link or image, or "" if it may not appear at all."""
    url = (url or "").strip()
    if BOOK_PATH.match(url):
        return url
    if _CONTROL.search(url) or "\\" in url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https", "mailto"):
        return ""
    if scheme != "mailto" and not parts.netloc:
        return ""
    return quote(url, safe=URL_SAFE)


def quoted_option(text: str) -> str:
    """A one-line directive option value as a single-quoted YAML scalar (no escapes but '')."""
    return "'" + clean(text).replace("'", "''") + "'"


def _punct(c: str, *, symbols: bool) -> bool:
    if c in ASCII_PUNCT:
        return True
    cat = unicodedata.category(c)
    return cat.startswith("P") or (symbols and cat.startswith("S"))


def emphasis_ok(before: str, inner: str, after: str) -> bool:
    """Would ``*inner*`` between these characters be emphasis? Conservative: when any
    reading of CommonMark's flanking rules says no, answer no."""
    if not inner or inner[0].isspace() or inner[-1].isspace() or before in "*_" and before \
            or after in "*_" and after:
        return False
    if _punct(inner[0], symbols=True) and before and not before.isspace() \
            and not _punct(before, symbols=False):
        return False
    if _punct(inner[-1], symbols=True) and after and not after.isspace() \
            and not _punct(after, symbols=False):
        return False
    return True


def code_span(text: str) -> str:
    """An inline literal whose content is exactly ``text`` (one line)."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)  # one line, no control characters
    runs = [len(m) for m in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_spans(spans: tuple[Span, ...], marks: tuple[tuple[int, int], ...],
                 text_fn: Callable[[str, tuple], str], *, code: bool = True) -> str:
    """Inline MyST of a paragraph's spans. ``text_fn(text, marks)`` renders plain text
    (escaping, footnote references, glossary links); ``marks`` are offsets in the joined
    text. Leading and trailing whitespace of the paragraph is dropped."""
    parts: list[tuple[str, str]] = []  # (kind, markdown)
    pos = 0
    for s in spans:
        local = tuple((o - pos, n) for o, n in marks if pos <= o < pos + len(s.text))
        pos += len(s.text)
        href = safe_href(s.href) if s.kind == "link" else ""
        if s.kind == "code" and code and s.text.strip():
            lead, core, trail = _split_ws(s.text)
            parts += [("text", lead), ("code", code_span(core)), ("text", trail)]
        elif s.kind == "link" and href:
            lead, core, trail = _split_ws(s.text)
            inner = escape_chars(core) if core else escape_chars(href)
            parts += [("text", lead), (s.emph or "link", f"[{inner}]({href})"), ("text", trail)]
        elif s.kind in ("em", "strong") and s.text.strip():
            lead, core, trail = _split_ws(s.text)
            parts += [("text", lead), (s.kind, escape_chars(core)), ("text", trail)]
        else:
            md = text_fn(s.text, local)
            lead = " " if s.text[:1].isspace() else ""
            trail = " " if s.text[-1:].isspace() and md else ""
            parts.append(("md", lead + md + trail))
    out: list[str] = []
    for i, (kind, md) in enumerate(parts):
        if kind == "text":
            md = escape_chars(md)
        if kind in ("em", "strong"):
            before = "".join(out)[-1:]
            after = _first_char(parts[i + 1:])
            delim = "*" if kind == "em" else "**"
            md = f"{delim}{md}{delim}" if emphasis_ok(before, md, after) else md
        out.append(md)
    return "".join(out).strip()


def _first_char(parts: list[tuple[str, str]]) -> str:
    for kind, md in parts:
        if md:
            if kind == "text":
                return escape_chars(md)[:1]
            return "*" if kind in ("em", "strong") else md[:1]
    return ""


def _split_ws(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def figure(fig: Figure, anchor: str, caption_md: str) -> str:
    """A figure directive (lazy-loading image with alt text), or - with no usable image -
    the caption with a link to the original."""
    src = safe_href(fig.src)
    link = safe_href(fig.credit_href) or safe_href(fig.original)
    if not src:
        body = caption_md or escape_text(fig.alt) or escape_text("(image)")
        more = f"\n\n[{escape_text('Original image')}]({link})" if link else ""
        return f"{anchor}```{{container}} figure-missing\n{body}{more}\n```\n"
    # (no alt text and no caption: alt="", which marks the image as decorative, as the
    # source's alt="" did; a stand-in word such as "image" tells a screen reader nothing)
    lines = [f"```{{figure}} {src}", f":alt: {quoted_option(fig.alt or fig.caption)}",
             ":loading: lazy"]
    if link:
        lines.append(f":target: {link}")
    lines.append(":class: feed-figure")
    body = f"\n\n{caption_md}" if caption_md else ""
    return f"{anchor}" + "\n".join(lines) + f"\n{body}\n```\n"


def code_block(code: Code, anchor: str) -> str:
    text = "\n".join(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", s.replace("\t", "    ")).rstrip()
                     for s in code.code.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    runs = [len(m) for m in re.findall(r"`{3,}", text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return f"{anchor}{fence}{code.lang or 'text'}\n{text}\n{fence}\n"


#: a footnote's marker in a table cell, as the HTML reader keeps it: "¥154.1[1]"
CELL_NOTE = re.compile(r"(?<=\S)\[(\d{1,3})\]")


def cell_notes(t: Table, notes: frozenset[int] | set[int]) -> list[int]:
    """The footnotes a table's cells mark (only numbers the article has a note for)."""
    return [int(n) for r in t.rows for c in r for n in CELL_NOTE.findall(c) if int(n) in notes]


def table(t: Table, anchor: str, notes: frozenset[int] | set[int] = frozenset()) -> str:
    """A table as MyST's pipe table; a cell's marker of one of the article's ``notes``
    links to it ("¥154.1[1]": the note was a loose paragraph, linked from nowhere)."""
    width = max(len(r) for r in t.rows)

    def cell(c: str) -> str:
        if not notes or "[" not in c:
            return escape_text(c)
        out, at = [], 0
        for m in CELL_NOTE.finditer(c):
            if int(m.group(1)) in notes:
                out.append(escape_text(c[at:m.start()]) + f"[^{int(m.group(1))}]")
                at = m.end()
        return "".join(out) + escape_text(c[at:])

    def row(cells) -> str:
        cells = list(cells) + [""] * (width - len(cells))
        return "| " + " | ".join(cell(c) or " " for c in cells) + " |"

    lines = [row(t.rows[0]), "|" + "---|" * width] + [row(r) for r in t.rows[1:]]
    return f"{anchor}\n" + "\n".join(lines) + "\n"


CARD_LABELS = {"tweet": "Tweet", "post": "Embedded post", "video": "Video",
               "embed": "Embedded page", "audio": "Audio", "file": "Download", "link": "Link"}


def link_card(card: LinkCard, anchor: str) -> str:
    label = CARD_LABELS.get(card.kind, "Embedded post")
    href = safe_href(card.href)
    title = escape_text(card.title) if card.title else escape_text(card.href or label)
    head = f"**{escape_text(label)}:** " + (f"[{title}]({href})" if href else title)
    body = f"\n\n{escape_text(card.body)}" if card.body else ""
    return f"{anchor}```{{container}} link-card\n{head}{body}\n```\n"


__all__ = ["safe_href", "render_spans", "figure", "code_block", "table", "link_card",
           "emphasis_ok", "code_span", "quoted_option"]
