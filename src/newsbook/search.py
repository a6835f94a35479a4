"""Sphinx extension: search finds "Sanseito" as well as "Sanseitō".

Sphinx's English index keeps diacritics, so a reader who types a name without
them finds nothing. After the build we add a diacritic-free alias for every
indexed term (pointing at the same pages); queries typed with diacritics and
Chinese terms keep matching as before.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path


def fold(word: str) -> str:
    """``Sanseitō`` -> ``sanseito``; CJK and plain ASCII come back unchanged."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _merge(a, b):
    a = a if isinstance(a, list) else [a]
    b = b if isinstance(b, list) else [b]
    return sorted(set(a) | set(b))


def add_folded_terms(index: dict) -> int:
    """Add folded aliases to ``terms`` and ``titleterms``; returns how many were added."""
    added = 0
    for key in ("terms", "titleterms"):
        table = index.get(key, {})
        for word, docs in list(table.items()):
            folded = fold(word)
            if folded != word:
                table[folded] = _merge(table[folded], docs) if folded in table else docs
                added += 1
    return added


def _rewrite(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / "searchindex.js"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    head, body = text[:text.index("(") + 1], text[text.index("(") + 1:text.rindex(")")]
    index = json.loads(body)
    add_folded_terms(index)
    path.write_text(head + json.dumps(index, ensure_ascii=False, separators=(",", ":"),
                                      sort_keys=True) + ")", encoding="utf-8")


def setup(app):
    app.connect("build-finished", _rewrite)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
