#!/usr/bin/env python3
"""Serve the built book gzip-compressed, as every real host does (``make serve``).

    python scripts/serve.py [DIR] [--port 8000] [--bind 127.0.0.1]

DIR defaults to ``_build/html``. Text responses (HTML, CSS, JS, JSON, SVG, text)
are gzip-compressed when the client sends ``Accept-Encoding: gzip``; compressed
bodies are cached in memory by (path, mtime). ``/`` serves ``index.html`` directly
(no redirect). Standard library only.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import os
import sys
from functools import partial
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "text/javascript")
_CACHE: dict[tuple[str, float], bytes] = {}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler with gzip for text types and quiet logging."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript",
                      ".svg": "image/svg+xml", ".woff2": "font/woff2", ".ipynb": "application/json"}

    def log_message(self, fmt, *args):  # noqa: D102
        if os.environ.get("NEWSBOOK_SERVE_LOG"):
            super().log_message(fmt, *args)

    def copyfile(self, source, outputfile):  # a reader that went away is no error
        try:
            super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        ctype = self.guess_type(path)
        gz = ("gzip" in self.headers.get("Accept-Encoding", "")
              and ctype.startswith(COMPRESSIBLE))
        if not gz or not os.path.isfile(path):
            return super().send_head()
        try:
            st = os.stat(path)
            key = (path, st.st_mtime)
            body = _CACHE.get(key)
            if body is None:
                with open(path, "rb") as fh:
                    body = gzip.compress(fh.read(), compresslevel=6, mtime=0)
                _CACHE[key] = body
        except OSError:
            self.send_error(404, "File not found")
            return None
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(st.st_mtime))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        import io
        return io.BytesIO(body)


def make_server(root: Path, port: int = 8000, bind: str = "127.0.0.1"):
    handler = partial(GzipHandler, directory=str(root))
    return http.server.ThreadingHTTPServer((bind, port), handler)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default="_build/html", type=Path)
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--bind", default="127.0.0.1")
    opts = ap.parse_args(argv)
    if not (opts.root / "index.html").is_file():
        print(f"{opts.root}: no index.html (run `make book` first)", file=sys.stderr)
        return 2
    srv = make_server(opts.root, opts.port, opts.bind)
    print(f"Serving {opts.root} gzip-compressed at http://{opts.bind}:{srv.server_port}/ (Ctrl-C stops)")
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
