"""Typed problems with locations, printed as ``FILE:LINE: severity: message``.

Readers never raise on content (feedparser's "bozo" model); they collect
diagnostics, and the CLI decides what is fatal.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Code(Enum):
    """One member per kind of problem the reader or CLI can report."""

    EMPTY = "empty"                      # no article at all
    NOT_UTF8 = "not_utf8"                # bytes that are not UTF-8 text
    BINARY = "binary"                    # NUL/control bytes: not a text copy
    BAD_DATE = "bad_date"                # date line that does not parse
    TRUNCATED = "truncated"              # copy ends mid-article
    DUPLICATE = "duplicate"              # same article twice
    CORRECTION = "correction"            # same title+date, different text
    UNMATCHED_FOOTNOTE = "unmatched_footnote"
    BAD_PLACEMENT = "bad_placement"      # data/placements.yml names an unknown chart or text
    BAD_CURATION = "bad_curation"    # a hand-made file under data/ is malformed
    IO = "io"
    BAD_FEED = "bad_feed"                # an export/feed file that does not parse (JSON, zip, XML)
    RICHER = "richer"                    # an article in a text copy and in an export/feed
    IMAGE = "image"                      # --fetch-images could not download an image
    PREVIEW = "preview"                  # a paid post: the copy holds only its preview


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where it is and how bad."""

    code: Code
    message: str
    source: str
    line: int
    severity: str = "warning"  # "warning" | "error"

    def format(self) -> str:
        return f"{self.source}:{self.line}: {self.severity}: {self.message} [newsbook.{self.code.value}]"


class InputError(Exception):
    """Bad input that stops a conversion; carries the diagnostics to print."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
