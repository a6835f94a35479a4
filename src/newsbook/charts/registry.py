"""Chart registry: chart key -> validated spec, read from the book's generated plan.

The converter validates every curated spec (``data/charts/*.yml``) and every
automatic one, then writes them all to ``data/generated/charts.json``. A kernel
running a chapter reads that file, so a chapter cell can only ever name a key
(``show("key")``) -- feed text never reaches executed code.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Iterator

KEY_RE = re.compile(r"^[a-z0-9_]+$")
PLAN_FILE = "charts.json"


def parse_specs(data: dict[str, Any]) -> dict[str, Any]:
    """Validate a ``{key: spec JSON}`` mapping into spec objects."""
    from ..plan.charts import ChartSpec
    from ..plan.models import adapter
    check = adapter(ChartSpec)
    return {key: check.validate_python(value) for key, value in data.items()}


class _Registry(Mapping):
    """Specs from ``<data dir>/generated/charts.json``, reloaded when the file changes."""

    def __init__(self) -> None:
        self._path: Path | None = None
        self._stamp: float | None = None
        self._specs: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}  # specs registered in-process (tests, live sessions)

    def _load(self) -> dict[str, Any]:
        from .datasets import data_dir
        path = data_dir() / "generated" / PLAN_FILE
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return {}
        if path != self._path or stamp != self._stamp:
            self._specs = parse_specs(json.loads(path.read_text(encoding="utf-8")))
            self._path, self._stamp = path, stamp
        return self._specs

    def __getitem__(self, key: str):
        if key in self.extra:
            return self.extra[key]
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._load(), *self.extra]))

    def __len__(self) -> int:
        return len(set(self._load()) | set(self.extra))


REGISTRY: Mapping = _Registry()


def register(spec) -> None:
    """Add a spec in this process only (a live session trying a chart, or a test)."""
    if not KEY_RE.match(spec.key):
        raise ValueError(f"bad chart key {spec.key!r}")
    REGISTRY.extra[spec.key] = spec


def unregister(key: str) -> None:
    REGISTRY.extra.pop(key, None)
