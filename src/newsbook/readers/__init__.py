"""Readers: one module per input format; each returns the shared model."""
from .freshrss_text import ReadResult, read

READERS = {"freshrss-text": read}

__all__ = ["READERS", "ReadResult", "read", "sniff", "read_any"]


def sniff(data: bytes) -> str:
    """What a file is, by its content: 'zip' (FreshRSS export), 'json' (one export file),
    'xml' (RSS/Atom/OPML) or 'text' (a FreshRSS text copy)."""
    from .kinds import is_zip, looks_like_json, looks_like_xml
    if is_zip(data):
        return "zip"
    head = data[:4096].decode("utf-8", "ignore")
    if looks_like_json(head):
        return "json"
    if looks_like_xml(head):
        return "xml"
    return "text"


def read_any(kind: str, content, *, source: str, hints=None) -> list[tuple[str, ReadResult]]:
    """Read one input of a sniffed kind: ``content`` is bytes for 'zip', text otherwise.
    A zip gives one result per member. JSON or XML that does not parse but holds a text
    copy's articles (a title such as ``{eval}`` or ``<b>``) is read as a text copy."""
    from .freshrss_text import find_starts, normalise
    if kind == "text":  # (the other readers' imports cost more than reading a text copy)
        return [(source, read(content, source=source, hints=hints))]
    from .feed import read_feed
    from .freshrss_json import read_json, read_zip
    if kind == "zip":
        return read_zip(content, source=source)
    res = read_json(content, source=source) if kind == "json" else read_feed(content, source=source)
    if not res.feed.articles and any(d.severity == "error" for d in res.diagnostics) \
            and find_starts(normalise(content).split("\n")):
        return [(source, read(content, source=source, hints=hints))]
    return [(source, res)]
