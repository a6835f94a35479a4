"""YAML in and out through libyaml when PyYAML has it (it is in PyYAML's wheels).

The pure-Python emitter and parser were about a tenth of a big conversion (front matter
for every page, and the code-cell options the ``.ipynb`` twins read back). libyaml's
``CSafeDumper``/``CSafeLoader`` read and write the same data (libyaml quotes a few
strings differently: characters beyond the BMP are escaped); ``tests/test_fast_paths.py``
holds the round trip. Without libyaml the pure-Python classes are used.
"""
from __future__ import annotations

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump(data) -> str:
    """``yaml.safe_dump`` as the writers call it: Unicode kept, keys in order, no wrapping."""
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)


def load(text: str):
    """``yaml.safe_load``."""
    return yaml.load(text, Loader=_LOADER)
