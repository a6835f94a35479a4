"""The plan: every hand-made input, loaded once, validated, typed.

``load_plan(root)`` reads ``data/curation/*.yml``, ``data/datasets.yml``,
``data/lost_figures.yml`` and ``data/charts/*.yml`` under the book root. A
missing file means "not curated" (an empty default); a malformed one raises
:class:`~newsbook.diagnostics.InputError` whose diagnostics read
``FILE:LINE: error: message`` -- never a traceback. Everything downstream reads
the plan instead of the files.
"""
from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Code, Diagnostic, InputError
from . import yamlsrc
from .charts import AUTO_FAMILIES, ChartFile, ChartSpec
from .models import (BookSettings, DatasetSchema, EventEntry, EventsFile, GlossaryFile,
                     GlossaryTerm, HintsFile, LostFigure, PeopleFile, PersonEntry, Theme,
                     ThemesFile, adapter)

__all__ = ["Plan", "load_plan", "ChartSpec", "AUTO_FAMILIES", "DatasetSchema"]

GENERATED_PREFIXES = ("book_", "auto_")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Plan:
    """Validated curation. ``chart_where[key]`` is the (file, line) of each curated spec."""

    root: Path
    settings: BookSettings = field(default_factory=BookSettings)
    themes: list[Theme] = field(default_factory=list)
    hints: dict[str, str] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    people: list[PersonEntry] = field(default_factory=list)
    events: list[EventEntry] = field(default_factory=list)
    lost: list[LostFigure] = field(default_factory=list)
    datasets: dict[str, DatasetSchema] = field(default_factory=dict)
    charts: list[Any] = field(default_factory=list)
    suppress: dict[str, set[str]] = field(default_factory=dict)
    chart_where: dict[str, tuple[str, int]] = field(default_factory=dict)

    def lost_notes(self, stem: str) -> dict[str, str]:
        return {lf.caption: lf.note for lf in self.lost if lf.chapter == stem}


class _Errors:
    def __init__(self, root: Path):
        self.root, self.items = root, []

    def add(self, path: Path, line: int, message: str) -> None:
        self.items.append(Diagnostic(Code.BAD_CURATION, message, _rel(self.root, path), line,
                                     "error"))


def _rel(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(root)) if root != Path(".") else str(path)
    except ValueError:
        return str(path)


def _validate(model, path: Path, errors: _Errors, default):
    """Parse ``path`` and validate it as ``model`` (a schema, or a type made of them);
    report every problem with its line."""
    try:
        located = yamlsrc.load(path)
    except yamlsrc.YamlSyntaxError as exc:
        errors.add(path, exc.line, str(exc))
        return default, None
    except (OSError, UnicodeDecodeError) as exc:
        errors.add(path, 1, f"cannot read: {exc}")
        return default, None
    if located is None or located.data is None:
        return default, located
    from pydantic import ValidationError
    try:
        return adapter(model).validate_python(located.data), located
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in KIND_TAGS))
            where = ".".join(str(p) for p in loc) or "(top level)"
            msg = err["msg"]
            if err["type"] == "missing":
                msg = "required key is missing"
            elif err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
                msg = "unknown key"
            elif err["type"] == "union_tag_invalid":
                msg = f"unknown chart kind {err.get('input', {}).get('kind') if isinstance(err.get('input'), dict) else ''!r}; known: " + ", ".join(KIND_TAGS)
            errors.add(path, located.line_of(loc), f"{where}: {msg}")
        return default, located


KIND_TAGS = ("bars", "grouped", "timeline", "series", "share", "dumbbell", "custom")


#: plans kept in the cache directory (the least recently written go first)
CACHED_PLANS = 16


def cache_file(root: Path) -> Path:
    """The last plan loaded under ``root`` (issue 11: conversion at disk speed), outside
    the book, in :func:`newsbook.cachedir.cache_dir`; one file per book root."""
    import hashlib
    from ..cachedir import cache_dir
    base = cache_dir()
    name = hashlib.blake2b(str(Path(root).resolve()).encode("utf-8", "surrogateescape"),
                           digest_size=8).hexdigest()
    return Path(base) / f"plan-{name}.pickle"


#: the sources whose code decides what a plan holds (their text is part of the cache key)
_CODE = (Path(__file__).parent, Path(__file__).parents[1] / "writers" / "escape.py",
         Path(__file__).parents[1] / "diagnostics.py")


def _inputs(root: Path) -> list[Path]:
    """Every file a plan is made of (whether it exists or not)."""
    cur = root / "data" / "curation"
    data = root / "data"
    return ([cur / f"{n}.yml" for n in ("book", "themes", "hints", "glossary", "people",
                                        "events")]
            + [data / "lost_figures.yml", data / "datasets.yml"]
            + sorted((data / "charts").glob("*.yml")) + sorted(data.glob("*.csv")))


def _cache_key(root: Path) -> bytes | None:
    """A digest of every input file's name and content, the plan code and the versions of
    Python and pydantic (its installed files, found without importing it); None when a
    file cannot be read (the fresh load reports it)."""
    import hashlib
    import sys

    from ..cachedir import library_stamp
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{sys.version}\0{library_stamp(('pydantic', 'pydantic_core'))}\0"
             f"{root.resolve()}\0{root}\0".encode())
    code = []
    for p in _CODE:
        code += sorted(p.glob("*.py")) if p.is_dir() else [p]
    for path in code + _inputs(root):
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            data = None
        except OSError:
            return None
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        h.update(b"-" if data is None else b"+%d\0" % len(data) + data)
    return h.digest()


def load_plan(root: Path) -> Plan:
    """Read and validate every curated file under ``root`` (see module docstring).

    A plan made from exactly the same files (and code) under the same root is reused
    from :func:`cache_file` without parsing or validating anything
    (``NEWSBOOK_PLAN_CACHE=0`` turns that off). Only plans without errors are saved, so a
    changed file is always loaded, and its errors reported, afresh."""
    import os
    import pickle
    root = Path(root)
    use = os.environ.get("NEWSBOOK_PLAN_CACHE", "1") != "0"
    key = _cache_key(root) if use else None
    cache = cache_file(root)
    if key is not None:
        try:
            with open(cache, "rb") as fh:
                if fh.read(len(key)) == key:
                    plan = pickle.load(fh)
                    plan.root = root
                    return plan
        except Exception:  # no cache, or an unreadable one: load afresh
            pass
    plan = _load_fresh(root)
    if key is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(key)
                pickle.dump(plan, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
            from ..cachedir import keep_newest
            keep_newest(cache.parent, "plan-*.pickle", CACHED_PLANS)
        except OSError:
            pass
    return plan


def _load_fresh(root: Path) -> Plan:
    """Read and validate every curated file under ``root``."""
    errors = _Errors(root)
    plan = Plan(root=root)
    cur = root / "data" / "curation"
    plan.settings = _validate(BookSettings, cur / "book.yml", errors, BookSettings())[0]
    plan.themes = _validate(ThemesFile, cur / "themes.yml", errors, ThemesFile())[0].themes
    hints = _validate(HintsFile, cur / "hints.yml", errors, HintsFile())[0].hints
    from ..writers.escape import clean
    plan.hints = {clean(h.text): h.kind for h in hints}
    plan.glossary = _validate(GlossaryFile, cur / "glossary.yml", errors, GlossaryFile())[0].terms
    plan.people = _validate(PeopleFile, cur / "people.yml", errors, PeopleFile())[0].entries
    plan.events = _validate(EventsFile, cur / "events.yml", errors, EventsFile())[0].events
    plan.lost = _validate(list[LostFigure], root / "data" / "lost_figures.yml", errors, [])[0]
    datasets, ds_loc = _validate(dict[str, DatasetSchema],
                                 root / "data" / "datasets.yml", errors, {})
    plan.datasets = datasets
    for name, schema in datasets.items():
        _check_dataset(root, name, schema, errors,
                       ds_loc.line_of((name,)) if ds_loc else 1)
    _load_charts(root, plan, errors)
    if errors.items:
        raise InputError(errors.items)
    return plan


def _check_dataset(root: Path, name: str, schema: DatasetSchema, errors: _Errors,
                   line: int) -> None:
    """The CSV has exactly the declared columns; value columns hold numbers, date
    columns ISO dates (or nothing)."""
    yml = root / "data" / "datasets.yml"
    if not re.match(r"^[a-z0-9_]+$", name):
        errors.add(yml, line, f"{name}: dataset names are ^[a-z0-9_]+$")
        return
    for col in schema.value_columns + schema.date_columns:
        if col not in schema.columns:
            errors.add(yml, line, f"{name}: {col!r} is not one of its columns")
    path = root / "data" / f"{name}.csv"
    if not path.is_file():
        errors.add(yml, line, f"{name}: data/{name}.csv does not exist")
        return
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if header != list(schema.columns):
            errors.add(path, 1, f"columns {header} differ from data/datasets.yml "
                       f"{list(schema.columns)}")
            return
        idx = {c: i for i, c in enumerate(header)}
        for n, row in enumerate(reader, start=2):
            if len(row) != len(header):
                errors.add(path, n, f"{len(row)} cells, expected {len(header)}")
                continue
            for col in schema.value_columns:
                cell = row[idx[col]].strip()
                if cell:
                    try:
                        float(cell)
                    except ValueError:
                        errors.add(path, n, f"{col}: {cell!r} is not a number")
            for col in schema.date_columns:
                cell = row[idx[col]].strip()
                if cell and not ISO_DATE.match(cell):
                    errors.add(path, n, f"{col}: {cell!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


def _load_charts(root: Path, plan: Plan, errors: _Errors) -> None:
    seen: dict[str, tuple[str, int]] = {}
    for path in sorted((root / "data" / "charts").glob("*.yml")):
        chart_file, located = _validate(ChartFile, path, errors, None)
        if chart_file is None:
            continue
        stem = chart_file.chapter
        if chart_file.suppress:
            plan.suppress.setdefault(stem, set()).update(chart_file.suppress)
        for i, spec in enumerate(chart_file.charts):
            line = located.line_of(("charts", i)) if located else 1
            where = (_rel(root, path), line)
            if spec.chapter and spec.chapter != stem:
                errors.add(path, line, f"{spec.key}: chapter {spec.chapter!r} differs from "
                           f"the file's chapter {stem!r}")
            spec = dataclasses.replace(spec, chapter=stem)
            if spec.key in seen:
                errors.add(path, line, f"{spec.key}: chart key already used at "
                           f"{seen[spec.key][0]}:{seen[spec.key][1]}")
                continue
            seen[spec.key] = where
            schema = plan.datasets.get(spec.dataset)
            if schema is None and not spec.dataset.startswith(GENERATED_PREFIXES):
                errors.add(path, line, f"{spec.key}: unknown dataset {spec.dataset!r} "
                           "(declare it in data/datasets.yml)")
                continue
            if schema is not None:
                for channel, col in spec.columns().items():
                    if col not in schema.columns:
                        field_line = located.line_of(("charts", i, channel.split(".")[0])) \
                            if located else line
                        errors.add(path, field_line, f"{spec.key}: {channel}: unknown column "
                                   f"{col!r} of dataset {spec.dataset!r} (columns: "
                                   f"{', '.join(schema.columns)})")
            if stem and not spec.after:
                errors.add(path, line, f"{spec.key}: 'after' (the text of the paragraph the "
                           "chart follows) is required for a chapter chart")
            plan.charts.append(spec)
            plan.chart_where[spec.key] = where


def spec_json(spec) -> dict:
    """A spec as plain JSON data (for data/generated/charts.json and cache keys): what
    pydantic's ``dump_python(spec, mode="json")`` gives, read off the fields directly, so
    no serializer has to be built (tests/test_plan_cache.py compares)."""
    return plain(spec)


def plain(value: Any) -> Any:
    """A plan schema (or list, dict of them) as plain data, every field in field order,
    as pydantic dumps it, for schemas whose fields hold str, int, float, bool, None,
    lists, dicts and schemas (all of the plan's)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
        return plain(value)
    return value


_SCALARS = frozenset((str, int, float, bool, type(None)))
#: each schema's field names, in order (dataclasses.fields walks the class every call)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
