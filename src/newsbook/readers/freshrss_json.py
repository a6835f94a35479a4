"""Reader for FreshRSS's export: the JSON files (Google Reader style) and the whole zip.

Shapes (FreshRSS ``app/views/helpers/export/articles.phtml``, ``Entry::toGReader``):
top level ``{id, title, author, items: [...]}``; each item has ``title``,
``published`` (Unix seconds, UTC), ``author``, ``alternate: [{href}]`` and/or
``canonical: [{href}]``, and the HTML in ``content.content`` or, in compatibility
mode, ``summary.content``. Titles and authors are HTML-escaped by FreshRSS and are
unescaped here. ``published`` becomes naive UTC.

An article's ``line`` is the line of its item's ``content`` (or ``summary``) key;
see :mod:`.html` for block lines. Zip members are named ``ZIP!MEMBER`` in messages.
"""
from __future__ import annotations

import bisect
import html as htmllib
import io
import json
import json.decoder
import json.scanner
import re
import zipfile
from datetime import datetime, timezone

from ..diagnostics import Code, Diagnostic
from ..model import Article, Feed
from .freshrss_text import ReadResult
from .html import html_article
from .kinds import is_zip, looks_like_json  # noqa: F401  (re-exported)

MAX_MEMBER = 512 * 1024 * 1024  # bytes: refuse zip members that unpack larger than this
MAX_TOTAL = 1024 * 1024 * 1024


class _At(dict):
    """A JSON object that remembers the offset of its opening brace."""

    pos = 0


class _Context:
    """Settings for the pure-Python JSON scanner, whose objects record their offsets."""

    def __init__(self):
        self.strict = True
        self.object_hook = None
        self.object_pairs_hook = None
        self.parse_float = float
        self.parse_int = int
        self.parse_constant = json.decoder._CONSTANTS.__getitem__  # noqa: SLF001
        self.memo: dict = {}
        self.parse_string = json.decoder.scanstring
        self.parse_array = json.decoder.JSONArray

    def parse_object(self, s_and_end, *args):
        obj, end = json.decoder.JSONObject(s_and_end, *args)
        out = _At(obj)
        out.pos = s_and_end[1] - 1
        return out, end


def loads_with_positions(text: str):
    """Like :func:`json.loads`, but every object is a dict with a ``pos`` offset."""
    scan = json.scanner.py_make_scanner(_Context())
    ws = json.decoder.WHITESPACE
    idx = ws.match(text, 0).end()
    try:
        obj, end = scan(text, idx)
    except StopIteration as err:
        raise json.JSONDecodeError("Expecting value", text, err.value) from None
    end = ws.match(text, end).end()
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return obj


def read_json(text: str, *, source: str) -> ReadResult:
    """Read one FreshRSS JSON export file (either item shape)."""
    diags: list[Diagnostic] = []
    text = text.lstrip("\ufeff")
    try:
        data = loads_with_positions(text)
    except json.JSONDecodeError as exc:
        return ReadResult(Feed(()), [Diagnostic(Code.BAD_FEED, f"not valid JSON: {exc.msg} "
                                                f"(column {exc.colno})", source, exc.lineno,
                                                "error")])
    except RecursionError:
        return ReadResult(Feed(()), [Diagnostic(Code.BAD_FEED, "JSON nested too deeply",
                                                source, 1, "error")])
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(obj, default: int = 1) -> int:
        pos = getattr(obj, "pos", None)
        return default if pos is None else bisect.bisect_left(newlines, pos) + 1

    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        diags.append(Diagnostic(Code.BAD_FEED, "not a FreshRSS export: no 'items' list at the "
                                "top level", source, line_of(data), "error"))
        return ReadResult(Feed(()), diags)
    articles = []
    # a feed's own export ("feed/<id>") is titled by the feed; starred items and labels are
    # not, so each item's origin names its newsletter
    whole = data.get("id") if isinstance(data.get("id"), str) else ""
    feed_title = _unescaped(data.get("title")) if whole.startswith("feed/") else ""
    for item in items:
        art = _item(item, source, line_of, diags, feed_title)
        if art is not None:
            articles.append(art)
    if not articles and not any(d.severity == "error" for d in diags):
        diags.append(Diagnostic(Code.EMPTY, "no article in this export (its 'items' list is "
                                "empty)", source, line_of(data), "error"))
    return ReadResult(Feed(tuple(articles)), diags)


def _str(v) -> str:
    return v if isinstance(v, str) else ""


def _unescaped(v) -> str:
    """FreshRSS stores titles and names HTML-escaped: unescaped, they are plain text."""
    return " ".join(htmllib.unescape(_str(v)).split())


def _item(item, source: str, line_of, diags: list[Diagnostic],
          feed_title: str = "") -> Article | None:
    if not isinstance(item, dict):
        diags.append(Diagnostic(Code.BAD_FEED, "an item is not a JSON object", source, 1, "error"))
        return None
    body = item.get("content") if isinstance(item.get("content"), dict) else None
    if body is None or not isinstance(body.get("content"), str) or not body["content"].strip():
        # (and an empty content beside a summary: the summary is all the text there is)
        summary = item.get("summary") if isinstance(item.get("summary"), dict) else None
        if summary is not None and _str(summary.get("content")).strip() or body is None:
            body = summary
    line = line_of(body, line_of(item)) if body is not None else line_of(item)
    html = _str(body.get("content")) if body is not None else ""
    title = _unescaped(item.get("title"))
    if not title:
        diags.append(Diagnostic(Code.BAD_FEED, "item has no title", source, line_of(item),
                                "error"))
        return None
    published = item.get("published", item.get("updated"))
    if isinstance(published, str) and published.strip().isdigit():
        published = int(published)
    when = None
    if isinstance(published, (int, float)) and not isinstance(published, bool):
        try:
            when = datetime.fromtimestamp(published, timezone.utc).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            when = None
    if when is None:
        diags.append(Diagnostic(Code.BAD_DATE, f"item {title!r} has no valid 'published' time "
                                f"(Unix seconds): {published!r}"[:200], source, line_of(item),
                                "error"))
        return None
    link = ""
    for key in ("canonical", "alternate"):
        refs = item.get(key)
        if isinstance(refs, list) and refs and isinstance(refs[0], dict):
            link = link or _str(refs[0].get("href"))
    author = _unescaped(item.get("author"))
    origin = item.get("origin") if isinstance(item.get("origin"), dict) else {}
    return html_article(title=title, published=when, html=html, source=source, line=line,
                        link=link, byline=author, diags=diags,
                        publication=_unescaped(origin.get("title")) or feed_title,
                        date_raw=str(item.get("published", item.get("updated"))))


def read_zip(data: bytes, *, source: str) -> list[tuple[str, ReadResult]]:
    """Every JSON member of a FreshRSS export zip (starred_*.json, feed_*.json), in name
    order; the OPML member lists subscriptions only and is skipped."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = sorted((i for i in zf.infolist() if not i.is_dir()), key=lambda i: i.filename)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return [(source, ReadResult(Feed(()), [Diagnostic(Code.BAD_FEED, f"not a readable zip "
                                                          f"file: {exc}", source, 1, "error")]))]
    out: list[tuple[str, ReadResult]] = []
    total = 0
    for info in infos:
        name = info.filename
        where = f"{source}!{name}"
        if not name.lower().endswith(".json"):
            continue
        total += info.file_size
        if info.file_size > MAX_MEMBER or total > MAX_TOTAL:
            out.append((where, ReadResult(Feed(()), [Diagnostic(
                Code.BAD_FEED, f"zip member too large ({info.file_size} bytes)", where, 1,
                "error")])))
            continue
        try:
            raw = zf.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
            out.append((where, ReadResult(Feed(()), [Diagnostic(
                Code.BAD_FEED, f"cannot unpack: {exc}", where, 1, "error")])))
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[:exc.start].count(b"\n") + 1
            out.append((where, ReadResult(Feed(()), [Diagnostic(
                Code.NOT_UTF8, f"byte {raw[exc.start]:#04x} at offset {exc.start}: not UTF-8",
                where, line, "error")])))
            continue
        res = read_json(text, source=where)
        # a feed file with no items is normal in an export (e.g. no starred articles)
        res.diagnostics[:] = [d for d in res.diagnostics if d.code is not Code.EMPTY]
        out.append((where, res))
    if not any(r.feed.articles for _, r in out) and \
            not any(d.severity == "error" for _, r in out for d in r.diagnostics):
        out.append((source, ReadResult(Feed(()), [Diagnostic(
            Code.EMPTY, "no article in this zip (expected FreshRSS's starred_*.json or "
            "feed_*.json files)", source, 1, "error")])))
    return out


__all__ = ["read_json", "read_zip", "is_zip", "looks_like_json", "loads_with_positions"]
