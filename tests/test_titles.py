"""Each chart title is said once: in its spec (data/charts/<chapter>.yml) for a curated
chart; at most once (a constant in the code, or computed) for an automatic or book-wide one.
Generated and built files are not sources and are not searched."""
from __future__ import annotations

import json
import re
import subprocess

from conftest import ROOT

GENERATED = ("data/generated/", "chapters/", "_build/")
GENERATED_FILES = {"intro.md", "timeline.md", "glossary.md", "_toc.yml", "_config.yml"}


def _norm(text: str) -> str:
    """YAML's quote doubling and line folding undone; whitespace runs as one space."""
    return re.sub(r"\s+", " ", text.replace("''", "'"))


def _sources() -> dict[str, str]:
    names = subprocess.run(["git", "-C", str(ROOT), "ls-files", "--cached", "--others",
                            "--exclude-standard"], capture_output=True, text=True,
                           check=True).stdout.split("\n")
    out = {}
    for rel in names:
        if not rel or rel.startswith(GENERATED) or rel in GENERATED_FILES:
            continue
        try:
            out[rel] = _norm((ROOT / rel).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return out


def test_each_chart_title_appears_once():
    specs = json.loads((ROOT / "data" / "generated" / "charts.json").read_text(encoding="utf-8"))
    sources = _sources()
    bad = {}
    for key, spec in sorted(specs.items()):
        title = _norm(spec["title"])
        hits = {rel: text.count(title) for rel, text in sources.items() if title in text}
        curated = not spec["auto"] and spec["chapter"]
        if curated and hits != {f"data/charts/{spec['chapter']}.yml": 1}:
            bad[key] = (spec["title"], hits)
        elif not curated and sum(hits.values()) > 1:  # computed, or one constant in code
            bad[key] = (spec["title"], hits)
    assert not bad, bad
