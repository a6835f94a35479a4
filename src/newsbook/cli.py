"""Command line: ``python scripts/convert.py [FEED ...] [--book DIR] [--check]``.

Exit codes: 0 done, 1 ``--check`` found differences, 2 bad input (messages as
``FILE:LINE: error: ...``; nothing written). Bad input never shows a traceback.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import book
from .diagnostics import Code, Diagnostic, InputError
from .manifest import utf8
from .merge import merge_feeds
from .readers import read, read_any, sniff  # noqa: F401  (read: re-exported)

#: what the default input (data/raw/*) picks up; each file's kind is sniffed from its content
RAW_SUFFIXES = (".txt", ".json", ".zip", ".xml", ".rss", ".atom")
LARGE = 2_000_000  # bytes of input above which a progress bar is worth showing


CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0e, 0x20)) | {0x7f}
_CONTROL_BYTES = bytes(sorted(CONTROL))


def _binary_at(data: bytes) -> int | None:
    """Offset of the first control byte if the data looks binary (NUL, or >2% control
    bytes in the first 64 KiB, which no text copy has), else None."""
    if b"\x00" in data:
        return data.index(b"\x00")
    head = data[:65536]
    # (counted by deleting them, in C: a loop over 64 KiB in Python took 8 ms of every run)
    bad = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if bad > max(2, len(head) // 50):
        return next(i for i, b in enumerate(head) if b in CONTROL)
    return None


def decode(path: Path, data: bytes) -> str:
    """Strict UTF-8 (BOM allowed), or UTF-16 with its BOM (Windows editors save "Unicode"
    text so); binary or Latin-1 input is refused with a line number."""
    src = str(path)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError([Diagnostic(Code.NOT_UTF8, f"not UTF-16 text after its byte order "
                                         f"mark (byte offset {exc.start}); re-save the copy as "
                                         "UTF-8", src, 1, "error")]) from None
    at = _binary_at(data)
    if at is not None:
        line = data[:at].count(b"\n") + 1
        raise InputError([Diagnostic(Code.BINARY, f"binary data (control byte {data[at]:#04x} "
                                     f"at offset {at}), not a FreshRSS text copy", src, line,
                                     "error")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        what = ("the file ends in the middle of a character (cut-off copy?)"
                if exc.end >= len(data) else "not UTF-8 text (Latin-1? re-save the copy as UTF-8)")
        raise InputError([Diagnostic(Code.NOT_UTF8, f"byte {data[exc.start]:#04x} at offset "
                                     f"{exc.start}: {what}", src, line, "error")]) from None


def read_feeds(paths: list[Path], diags: list[Diagnostic], hints: dict[str, str],
               cache=None):
    """Read and merge every feed; errors are collected, then raised together. ``cache``:
    an :class:`newsbook.artcache.ArticleCache` that keeps what each copy read into."""
    results = []
    errors: list[Diagnostic] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            errors.append(Diagnostic(Code.IO, f"cannot read: {exc.strerror}", str(path), 1, "error"))
            continue
        if cache is None:
            got = _read_one(path, data, hints, errors)
        else:
            key = cache.key(data, "read", str(path), sorted(hints.items()))
            got = cache.remember(key, lambda: _read_one(path, data, hints, errors))
        for source, res in got or ():
            errors.extend(d for d in res.diagnostics if d.severity == "error")
            diags.extend(d for d in res.diagnostics if d.severity != "error")
            results.append((source, res.feed))
    if errors:
        raise InputError(errors)
    return merge_feeds(results, diags)


def _read_one(path: Path, data: bytes, hints: dict[str, str], errors: list[Diagnostic]):
    """One copy's ``[(source, reader result)]``, or None (its errors added to ``errors``)."""
    kind = sniff(data)  # by content: text copy, export JSON or zip, RSS/Atom
    if kind != "zip":
        try:
            data = decode(path, data)
        except InputError as exc:
            errors.extend(exc.diagnostics)
            return None
    return list(read_any(kind, data, source=str(path), hints=hints))


def write_atomically(root: Path, files: dict[str, str | bytes],
                     same: dict[str, bool | None] | None = None) -> list[str]:
    """Stage every file in a temp dir first; only then move each into place (os.replace).

    A failure while rendering or staging leaves the book exactly as it was; a failure
    while moving files into place (disk full, permissions) puts back the files already
    replaced and removes the ones already created, then re-raises.
    """
    changed = check(root, files, same)
    if not changed:
        return []
    root.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".newsbook-", dir=root))
    done: list[tuple[str, Path | None]] = []  # (rel, backup of the old file or None)
    made_dirs: list[Path] = []
    ready: set[str] = set()  # folders known to exist (a big book has thousands of files)

    def folder(path: str) -> None:
        if path not in ready:
            os.makedirs(path, exist_ok=True)
            ready.add(path)
    try:
        for rel in changed:
            dest = os.path.join(stage, "new", rel)
            folder(os.path.dirname(dest))
            with open(dest, "wb") as fh:
                fh.write(utf8(files[rel]))
        try:
            for rel in changed:
                target = root / rel
                for parent in reversed(target.relative_to(root).parents[:-1]):
                    where = str(root / parent)
                    if where not in ready and not os.path.exists(where):
                        os.mkdir(where)
                        made_dirs.append(root / parent)
                    ready.add(where)
                backup = None
                if target.exists():
                    backup = stage / "old" / rel
                    folder(str(backup.parent))
                    try:  # a second name for the old file: no copy of its bytes
                        os.link(target, backup)
                    except OSError:
                        shutil.copy2(target, backup)
                os.replace(os.path.join(stage, "new", rel), target)
                done.append((rel, backup))
        except BaseException:
            for rel, backup in reversed(done):
                if backup is None:
                    (root / rel).unlink(missing_ok=True)
                else:
                    os.replace(backup, root / rel)
            for d in reversed(made_dirs):
                with contextlib.suppress(OSError):
                    d.rmdir()
            raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return changed


def check(root: Path, files: dict[str, str | bytes], same: dict[str, bool | None] | None = None
          ) -> list[str]:
    """Generated files that differ from (or are missing on) disk. ``same``: what was
    found already (``manifest.Guard.same``); the other files are read here."""
    from .manifest import same_on_disk
    same = same or {}
    return [rel for rel, text in sorted(files.items())
            if not (same[rel] if rel in same else same_on_disk(root / rel, text))]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="convert.py", description=__doc__.splitlines()[0], epilog=(
            "Kept between runs in $NEWSBOOK_CACHE_DIR (default ~/.cache/newsbook), each "
            "under a digest of its inputs and the code, so nothing there is ever stale: "
            "each copy's articles and each article's facts and page "
            "(NEWSBOOK_ARTICLE_CACHE=0 turns that off), the validated curation "
            "(NEWSBOOK_PLAN_CACHE=0) and compiled patterns (NEWSBOOK_RE_CACHE=0). "
            "NEWSBOOK_JOBS=1 keeps a big copy's work on one core."))
    ap.add_argument("feeds", nargs="*", type=Path,
                    help="FreshRSS text copies, export zips or JSON files, RSS/Atom files "
                         "(default: data/raw/*); later ones win")
    ap.add_argument("--book", type=Path, default=Path("."), help="book directory (default: .)")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 and list files that a conversion would change")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary, no progress bar")
    ap.add_argument("--keep-edits", action="store_true",
                    help="keep generated files that were edited by hand (see manifest.json)")
    ap.add_argument("--force", action="store_true",
                    help="overwrite generated files even if they were edited by hand")
    ap.add_argument("--fetch-images", action="store_true",
                    help="download each image once into _static/images/ (default: remote URLs)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None, *, cache: bool = False) -> int:
    """``cache``: keep each article's mining between runs (:mod:`newsbook.artcache`;
    ``scripts/convert.py`` turns it on)."""
    args = parse_args(argv)
    root = args.book
    feeds = args.feeds or sorted(p for p in (root / "data" / "raw").glob("*")
                                 if p.suffix.lower() in RAW_SUFFIXES and p.is_file())
    if not feeds:
        print(f"{root / 'data/raw'}:1: error: no FreshRSS copy given and none in data/raw/",
              file=sys.stderr)
        return 2
    diags: list[Diagnostic] = []
    try:
        from .plan import load_plan
        cur = load_plan(root)
        size = sum(p.stat().st_size for p in feeds if p.exists())
        kept = None
        if cache:
            from .artcache import ArticleCache
            kept = ArticleCache.open()
        articles = read_feeds(feeds, diags, cur.hints, kept)
        if args.fetch_images:  # --check only looks up images fetched before
            from . import images  # (urllib, ssl: only when asked)
            articles = images.localise(articles, root, diags, fetch=not args.check)
        files = book.render_book(articles, root, cur, diags,
                                 progress=size > LARGE and not args.quiet, cache=kept)
    except InputError as exc:
        for d in exc.diagnostics:
            print(d.format(), file=sys.stderr)
        return 2
    for d in diags:
        print(d.format(), file=sys.stderr)
    if args.check:  # the manifest too: a fresh clone's make book must leave git clean
        from . import manifest
        guarded = manifest.guard(root, files)
        stale = check(root, guarded.files, guarded.same)
        for rel in stale:
            print(f"would change: {rel}")
        return 1 if stale else 0
    return _write(args, root, cur, articles, files, diags)


def _write(args, root: Path, cur, articles, files: dict[str, str], diags) -> int:
    """Write unless a hand edit would be lost (exit 2); print and save the summary."""
    from . import manifest
    guard = manifest.guard(root, files, keep_edits=args.keep_edits, force=args.force)
    if guard.errors:
        for err in guard.errors:
            print(err, file=sys.stderr)
        print("Nothing was written. Your own notebooks and cells belong in notebooks/ "
              "(see README).", file=sys.stderr)
        return 2
    repo_warning = manifest.repository_warning(root, cur.settings)
    if repo_warning:
        print(repo_warning, file=sys.stderr)
    what = manifest.changes(root, guard.files, guard.remove, guard.same)
    changed = write_atomically(root, guard.files, guard.same)
    manifest.remove(root, guard.remove)
    warnings = manifest.needs_action([d.format() for d in diags] + [repo_warning or ""])
    counts = (len(articles), len(guard.files), len(changed))
    with contextlib.suppress(OSError):  # make book prints it last (no paths: deterministic)
        (root / "_build").mkdir(exist_ok=True)
        (root / "_build" / "newsbook-summary.txt").write_text(
            manifest.summary(*counts, None, guard.files, what, warnings, guard.kept),
            encoding="utf-8")
    if not args.quiet:
        print(manifest.summary(*counts, root, guard.files, what, warnings, guard.kept), end="")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
