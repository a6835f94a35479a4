"""``--fetch-images``: download each figure's image once into the book.

Images go to ``_static/images/<sha256 of the bytes>.<ext>``; ``_static/images/sources.json``
maps each remote URL to its file, so an image already downloaded is never fetched again.
A download follows at most 3 redirects (http/https only), gives up after 10 seconds,
refuses more than 10 MB and anything whose content type is not a raster ``image/*``
(SVG is refused: it can carry script when opened on its own). A failure is a warning;
that figure then shows its caption and a link to the original.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from .diagnostics import Code, Diagnostic
from .model import Article, Aside, Figure, Piece, Turn

IMAGES = Path("_static") / "images"
MANIFEST = "sources.json"
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 10.0
MAX_REDIRECTS = 3
TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg", "image/gif": "gif",
         "image/webp": "webp", "image/avif": "avif", "image/bmp": "bmp", "image/tiff": "tiff"}
#: first bytes of each raster type: the body must be what its header says
MAGIC = {"png": (b"\x89PNG\r\n\x1a\n",), "jpg": (b"\xff\xd8\xff",), "gif": (b"GIF87a", b"GIF89a"),
         "webp": (b"RIFF",), "bmp": (b"BM",), "tiff": (b"II*\x00", b"MM\x00*"), "avif": (b"",)}


class FetchError(Exception):
    """Why an image was not downloaded (shown in the warning)."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"redirect to a non-http(s) URL {newurl[:80]!r}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url: str) -> tuple[bytes, str]:
    """(bytes, extension) of one image, or :class:`FetchError`."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError("only http(s) images are fetched")
    opener = urllib.request.build_opener(_Redirects())
    req = urllib.request.Request(url, headers={"User-Agent": "newsbook (image fetch)",
                                               "Accept": "image/*"})
    deadline = time.monotonic() + TIMEOUT
    try:
        with opener.open(req, timeout=TIMEOUT) as resp:
            ctype = resp.headers.get_content_type().lower()
            ext = TYPES.get(ctype)
            if ext is None:
                raise FetchError(f"content type {ctype!r} is not a raster image")
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise FetchError(f"larger than {MAX_BYTES // 1024 // 1024} MB")
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"took longer than {TIMEOUT:g} s")
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"larger than {MAX_BYTES // 1024 // 1024} MB")
                chunks.append(chunk)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise FetchError(f"redirect refused (HTTP {exc.code}: more than {MAX_REDIRECTS} "
                             "redirects, or to a non-http(s) URL)") from None
        raise FetchError(f"HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(str(reason)[:120] or type(exc).__name__) from None
    data = b"".join(chunks)
    if not data or not data.startswith(MAGIC[ext]):
        raise FetchError(f"the bytes are not a {ext} image")
    return data, ext


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


class ImageStore:
    """The book's downloaded images and the manifest of where each came from."""

    def __init__(self, root: Path, *, fetch: bool = True):
        self.dir = root / IMAGES
        self.fetch = fetch
        self.fetched: list[str] = []  # URLs downloaded in this run (for tests and summaries)
        self.failed: dict[str, str] = {}
        try:
            self.sources = json.loads((self.dir / MANIFEST).read_text(encoding="utf-8"))
            if not isinstance(self.sources, dict):
                self.sources = {}
        except (OSError, ValueError):
            self.sources = {}

    def local(self, url: str) -> str:
        """Book-relative path of the image for ``url``; raises FetchError."""
        name = self.sources.get(url)
        if isinstance(name, str) and (self.dir / name).is_file():
            return f"/{IMAGES.as_posix()}/{name}"
        if url in self.failed:
            raise FetchError(self.failed[url])
        if not self.fetch:
            raise FetchError("not downloaded yet (run without --check)")
        try:
            data, ext = download(url)
        except FetchError as exc:
            self.failed[url] = str(exc)
            raise
        name = f"{hashlib.sha256(data).hexdigest()}.{ext}"
        if not (self.dir / name).is_file():
            _write(self.dir / name, data)
        self.fetched.append(url)
        self.sources[url] = name
        _write(self.dir / MANIFEST, (json.dumps(self.sources, indent=1, sort_keys=True)
                                     + "\n").encode())
        return f"/{IMAGES.as_posix()}/{name}"


def localise(articles: list[Article], root: Path, diags: list[Diagnostic], *,
             fetch: bool = True, store: ImageStore | None = None) -> list[Article]:
    """The articles with every figure pointing at a downloaded copy (``original`` keeps
    the remote URL); a figure whose image could not be fetched loses its ``src`` and
    links to the original instead."""
    store = store or ImageStore(root, fetch=fetch)

    def fix(blocks, art):
        out = []
        for b in blocks:
            if isinstance(b, Figure) and b.src and not b.src.startswith("/"):
                try:
                    b = dataclasses.replace(b, src=store.local(b.src), original=b.src)
                except FetchError as exc:
                    diags.append(Diagnostic(Code.IMAGE, f"image not fetched ({exc}): "
                                            f"{b.src[:200]}; the figure links to it instead",
                                            art.source, b.line))
                    b = dataclasses.replace(b, src="", original=b.src,
                                            credit_href=b.credit_href or b.src)
            elif isinstance(b, (Turn, Aside, Piece)):
                b = dataclasses.replace(b, blocks=tuple(fix(b.blocks, art)))
            out.append(b)
        return out

    return [dataclasses.replace(a, blocks=tuple(fix(a.blocks, a))) for a in articles]


__all__ = ["localise", "download", "ImageStore", "FetchError"]
