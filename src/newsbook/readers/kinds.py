"""What an input is, by its first bytes: cheap tests that import no reader.

``readers.sniff`` runs on every input, so it must not pay for feedparser, nh3 or zipfile
(issue 11: a text copy's conversion imports only what reading a text copy needs). The
readers re-export these names where they always were.
"""
from __future__ import annotations

import re

XML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?"
                       r"<(rss|feed|rdf:RDF|opml)\b", re.S)


def looks_like_xml(text: str) -> str:
    """'rss', 'feed', 'rdf:RDF' or 'opml' when the text starts like one, else ''."""
    m = XML_START.match(text.lstrip("\ufeff")[:4096])
    return m.group(1) if m else ""


def looks_like_json(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")
