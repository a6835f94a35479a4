"""Nothing lost, and a summary of what changed.

The converter records what it last wrote in ``data/generated/manifest.json`` (sha256 of
every generated file). Before writing again it compares the disk with that record: a
file whose text no longer matches was edited by a person (a chart cell changed in
JupyterLab, say), and is not overwritten silently. The conversion stops with::

    chapters/x.md:12: error: edited by hand since the converter wrote it; keep it with
    --keep-edits or discard with --force [newsbook.edited]

and writes nothing. ``--keep-edits`` keeps the edited file (and keeps keeping it while
its text stays the same; the record notes it under ``kept``); ``--force`` overwrites it.
A generated file that is no longer part of the book (its article left ``data/raw/``) is
removed when unedited.

:func:`summary` is the short account ``make book`` ends with: new, changed and removed
chapters, the part each landed in, charts per new chapter, warnings that need action.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .writers import fastyaml

MANIFEST = "data/generated/manifest.json"
NOTE = ("What scripts/convert.py last wrote (sha256 per file). A file whose text no longer "
        "matches was edited by hand: the converter will not overwrite it unless run with "
        "--force, and keeps it with --keep-edits. Your own notebooks belong in notebooks/.")
#: diagnostic codes a maintainer must act on (README, "Errors")
ACTION = {"truncated", "correction", "bad_placement", "bad_curation", "no_repository"}


def utf8(text: str | bytes) -> bytes:
    """A generated file's bytes (the chapters are held as bytes already:
    :class:`newsbook.book.Files` says why)."""
    return text if isinstance(text, bytes) else text.encode("utf-8")


def raw(files, rel: str) -> str | bytes:
    """A generated file as the converter holds it: its bytes when it is held as bytes
    (:meth:`newsbook.book.Files.raw`), else its text."""
    get = getattr(files, "raw", None)
    return get(rel) if get is not None else files[rel]


def as_text(text: str | bytes) -> str:
    return text.decode("utf-8") if isinstance(text, bytes) else text


def sha(text: str | bytes) -> str:
    return hashlib.sha256(utf8(text)).hexdigest()


def load(root: Path) -> dict | None:
    """The last record, or None (no record yet: first conversion with this version)."""
    path = Path(root) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def same_on_disk(path: Path, text: str | bytes) -> bool | None:
    """Whether the file holds exactly ``text`` (its UTF-8 bytes); None when there is no
    file."""
    disk = _disk(path)
    return None if disk is None else disk == utf8(text)


def _disk(path: Path) -> bytes | None:
    """The file's bytes, line ends made ``\n`` as a text read would (a checkout with
    Windows line ends is no hand edit), or None when there is none. Compared as bytes:
    no decoding of every file of a big book."""
    try:
        data = path.read_bytes()
    except OSError:
        return None if not path.exists() else b""
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def first_difference(a: str, b: str) -> int:
    """1-based number of the first line where ``a`` and ``b`` differ."""
    la, lb = a.split("\n"), b.split("\n")
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return i + 1
    return min(len(la), len(lb)) + 1 if len(la) != len(lb) else 1


@dataclass
class Guard:
    """What a conversion may write, given the last record and the disk."""

    files: dict[str, str | bytes]              # to write (manifest included)
    errors: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    #: for each generated file, whether the disk holds it already: True (the same text),
    #: False (another text) or None (no file). Found once, here, for the writer and the
    #: summary (a big book's files were read three times); only the answer is kept, not
    #: the old texts (keeping those took a 30 MB copy's peak memory from 482 to 633 MiB)
    same: dict[str, bool | None] = field(default_factory=dict)


def guard(root: Path, files: dict[str, str | bytes], *, keep_edits: bool = False,
          force: bool = False) -> Guard:
    """Compare the disk with the last record; refuse, keep or overwrite hand edits."""
    root = Path(root)
    old = load(root)
    record = (old or {}).get("files", {})
    kept_before = (old or {}).get("kept", {})
    out = {rel: raw(files, rel) for rel in files}
    res = Guard(out)
    new_record: dict[str, str] = {}
    new_kept: dict[str, str] = {}
    for rel in sorted(files):
        text = utf8(out[rel])
        new_record[rel] = sha(text)
        disk = _disk(root / rel)
        res.same[rel] = None if disk is None else disk == text
        if disk is None or disk == text or old is None:
            continue
        now = sha(disk)
        if record.get(rel) == now:
            continue  # what we wrote last time: ours to replace
        if kept_before.get(rel) == now and not force:
            res.kept.append(rel)  # kept before, still the same: keep again
        elif force:
            continue
        elif keep_edits:
            res.kept.append(rel)
        else:
            what = ("edited by hand since the converter wrote it" if rel in record
                    else "not written by the converter (a file of yours?)")
            at = first_difference(disk.decode("utf-8", "replace"), text.decode("utf-8"))
            res.errors.append(f"{rel}:{at}: error: {what}; keep it "
                              f"with --keep-edits or discard with --force [newsbook.edited]")
            continue
        new_kept[rel] = now
        out.pop(rel)
    for rel in sorted(set(record) - set(files) - {MANIFEST}):
        disk = _disk(root / rel)
        if disk is None:
            continue
        if sha(disk) == record[rel] or force:
            res.remove.append(rel)
        elif not keep_edits:
            res.errors.append(f"{rel}:1: error: no longer generated, but edited by hand; keep "
                              f"it with --keep-edits or delete it with --force [newsbook.edited]")
    out[MANIFEST] = json.dumps({"note": NOTE, "files": new_record, "kept": new_kept},
                               ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return res


def remove(root: Path, rels: list[str]) -> None:
    for rel in rels:
        (Path(root) / rel).unlink(missing_ok=True)


# ------------------------------------------------------------------ summary

_CHAPTER = re.compile(r"^chapters/([^/]+)\.md$")


def parts_of(toc_text: str) -> dict[str, str]:
    """``{stem: part caption}`` from a ``_toc.yml`` text."""
    toc = fastyaml.load(toc_text) or {}  # (libyaml: a big book's toc is long)
    out = {}
    for part in toc.get("parts", []):
        for ch in part.get("chapters", []):
            m = re.match(r"^chapters/(.+?)(\.md)?$", str(ch.get("file", "")))
            if m:
                out[m.group(1)] = str(part.get("caption", ""))
    return out


def changes(root: Path, files: dict[str, str | bytes], removed: list[str],
            same: dict[str, bool | None] | None = None) -> dict[str, list[str]]:
    """New, changed and removed chapter stems (call before writing). ``same``: what
    :func:`guard` found on disk (:attr:`Guard.same`)."""
    out: dict[str, list[str]] = {"new": [], "changed": [], "removed": []}
    for rel, text in sorted(files.items()):
        m = _CHAPTER.match(rel)
        if not m:
            continue
        state = same[rel] if same and rel in same else same_on_disk(Path(root) / rel, text)
        if state is None:
            out["new"].append(m.group(1))
        elif not state:
            out["changed"].append(m.group(1))
    out["removed"] = [m.group(1) for rel in removed if (m := _CHAPTER.match(rel))]
    return out


def summary(n_articles: int, n_files: int, n_changed: int, root: Path | None,
            files: dict[str, str | bytes],
            what: dict[str, list[str]], warnings: list[str], kept: list[str]) -> str:
    """The few lines a maintainer needs after a conversion."""
    parts = parts_of(as_text(files.get("_toc.yml", "")))
    where = f" in {root}" if root is not None else ""
    lines = [f"{n_articles} articles -> {n_files} files ({n_changed} changed){where}"]
    for stem in what["new"]:
        text = as_text(files.get(f"chapters/{stem}.md", ""))
        charts = text.count('\nshow("') + text.startswith('show("')  # (lines that open so)
        part = parts.get(stem, "")
        hint = " (add it to data/curation/themes.yml to give it a part)" if part == "More" else ""
        lines.append(f"  new chapter: {stem} -> part \"{part}\", "
                     f"{charts} chart{'s' if charts != 1 else ''}{hint}")
    for stem in what["changed"][:5]:
        lines.append(f"  changed chapter: {stem} (part \"{parts.get(stem, '')}\")")
    if len(what["changed"]) > 5:
        lines.append(f"  ... and {len(what['changed']) - 5} more changed chapters")
    for stem in what["removed"]:
        lines.append(f"  removed chapter: {stem}")
    for rel in kept:
        lines.append(f"  kept your edit: {rel} (discard it with --force)")
    if not (what["new"] or what["changed"] or what["removed"]):
        lines.append("  no chapter changed")
    if warnings:
        one = len(warnings) == 1
        lines.append(f"  {len(warnings)} warning{'' if one else 's'} "
                     f"that need{'s' if one else ''} action:")
        lines += [f"    {w}" for w in warnings]
    return "\n".join(lines) + "\n"


def needs_action(formatted: list[str]) -> list[str]:
    """The diagnostics (formatted lines) whose code is in :data:`ACTION`."""
    return [d for d in formatted
            if (m := re.search(r"\[newsbook\.([a-z_]+)\]$", d)) and m.group(1) in ACTION]


def repository_warning(root: Path, settings: dict) -> str | None:
    """One warning when launch buttons are hidden because ``repository_url`` is unset."""
    from .writers.book_files import repository_url
    if repository_url(settings):
        return None
    path = Path(root) / "data/curation/book.yml"
    line = 1
    try:
        for i, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if text.startswith("repository_url"):
                line = i
                break
    except OSError:
        pass
    given = (settings.get("repository_url") if isinstance(settings, dict)
             else getattr(settings, "repository_url", ""))
    given = str(given or "").strip()
    why = f"is a placeholder ({given})" if given else "is not set"
    return (f"data/curation/book.yml:{line}: warning: repository_url {why}, so the book shows "
            f"no launch (Binder, Colab, JupyterHub) or repository buttons; set it to the "
            f"GitHub repository that hosts this book [newsbook.no_repository]")
