"""Helpers behind ``make book`` and ``make notebooks`` (run as ``python -m newsbook.maketools``).

``quiet-build LOG``: reads jupyter-book's output on stdin, writes all of it (without ANSI
colour codes) to LOG, and shows only what a maintainer needs: warnings and errors (not
the kernel's "running over TCP" notice), a progress line, and one closing line. ``make
book V=1`` skips this filter and shows everything.

``notebooks SRC OUT``: every ``SRC/*.md`` chapter as ``OUT/<stem>.ipynb``, one process,
with a progress line per chapter.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
NOISE = re.compile(r"Kernel is running over TCP|IPKernelApp\] WARNING|"
                   r"IPKernelApp\] ERROR \| KeyboardInterrupt caught in kernel|"
                   r"MdParserConfig\(|NbParserConfig\(")
SHOW = re.compile(r"WARNING|ERROR|CRITICAL|Traceback|Exception|error:|warning:|"
                  r"build succeeded|build finished with problems|newsbook:", re.I)
PROGRESS = re.compile(r"^(reading sources|writing output)\.\.\. \[\s*(\d+)%\]")
#: Sphinx's count of the pages it reads again (charts are drawn while a page is read)
UPDATING = re.compile(r"^updating environment: .*?(\d+) added, (\d+) changed", re.M)


def pages_read(log: str) -> int | None:
    """How many pages a build log says Sphinx read (None: no such line)."""
    m = UPDATING.search(ANSI.sub("", log))
    return int(m.group(1)) + int(m.group(2)) if m else None


def quiet_build(log_path: str, stream=None, out=None) -> int:
    """Filter a jupyter-book build log (see module docstring); returns 0."""
    stream = stream or sys.stdin
    out = out or sys.stdout
    tty = out.isatty()
    t0 = time.perf_counter()
    executed = shown = read = 0
    Path(log_path).parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log:
        for raw in stream:
            line = ANSI.sub("", raw).rstrip("\n")
            log.write(line + "\n")
            if "Executed notebook" in line:
                executed += 1
            n = pages_read(line)
            if n is not None:
                read = n
            m = PROGRESS.match(line)
            if m and tty:
                out.write(f"\r  {m.group(1)} {m.group(2):>3}%")
                out.flush()
                continue
            if NOISE.search(line) or not SHOW.search(line) or "build succeeded" in line:
                continue
            if tty:
                out.write("\r\x1b[K")
            out.write(line + "\n")
            shown += 1
    if tty:
        out.write("\r\x1b[K")
    secs = time.perf_counter() - t0
    pages = f"{read} page{'' if read == 1 else 's'} read"
    if executed:  # only when a book turns execution back on
        pages += f", {executed} notebook{'' if executed == 1 else 's'} executed"
    out.write(f"Book built in {secs:.0f} s ({pages}; full log: {log_path})\n")
    return 0


def notebooks(src: str, dest: str, out=None) -> int:
    """Export every chapter to .ipynb with a progress line per chapter."""
    import jupytext
    out = out or sys.stdout
    pages = sorted(Path(src).glob("*.md"))
    Path(dest).mkdir(parents=True, exist_ok=True)
    for i, page in enumerate(pages, 1):
        out.write(f"[{i}/{len(pages)}] {page} -> {Path(dest) / (page.stem + '.ipynb')}\n")
        out.flush()
        jupytext.write(jupytext.read(page), Path(dest) / f"{page.stem}.ipynb")
    out.write(f"{len(pages)} notebooks in {dest}/\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["quiet-build"] and len(argv) == 2:
        return quiet_build(argv[1])
    if argv[:1] == ["notebooks"] and len(argv) == 3:
        return notebooks(argv[1], argv[2])
    print("usage: python -m newsbook.maketools quiet-build LOG | notebooks SRC OUT",
          file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
