"""The language a feed names for a code block, kept only when the build can show it.

A feed's ``<pre><code class="language-python">`` says how its code reads; the page's
fence says so too ("```python"), so the book highlights it as the feed did. A name
becomes the fence's word only when it is safe there and Sphinx will not warn about it
(a warning fails ``jupyter-book build -W``): it is one of Pygments' lexer aliases, and
that lexer reads the whole block without an error token (Sphinx warns "Lexing literal_block
… resulted in an error" otherwise: "$ pip install x" marked as Python, say). Anything else
is plain text, as every block was before.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: how feeds name a block's language: Prism and highlight.js ("language-go"), Google's
#: prettify and Hugo ("lang-go"), GitHub ("highlight-source-go")
_NAMED = re.compile(r"^(?:language|lang|highlight-source)-([a-z0-9][a-z0-9+#._-]{0,24})$")


def code_language(pre, code: str) -> str:
    """The Pygments alias ``pre`` (or the ``<code>`` inside it) names, if its lexer reads
    ``code`` cleanly; "" otherwise."""
    names = set(pre.classes)
    for child in pre.children:
        if getattr(child, "tag", "") == "code":
            names |= child.classes
    for name in sorted(names):
        m = _NAMED.match(name.lower())
        if m and m.group(1) in _aliases() and _lexes(m.group(1), code):
            return m.group(1)
    return ""


@lru_cache(maxsize=1)
def _aliases() -> frozenset[str]:
    """Every lexer alias Pygments knows (from its name table: no lexer is imported)."""
    try:
        from pygments.lexers import get_all_lexers
    except ImportError:  # pragma: no cover (Sphinx needs Pygments)
        return frozenset()
    return frozenset(a for _, aliases, _, _ in get_all_lexers(plugins=False) for a in aliases
                     if re.fullmatch(r"[a-z0-9][a-z0-9+#._-]*", a))


def _lexes(alias: str, code: str) -> bool:
    """Whether the lexer reads ``code`` with no error token (as Sphinx's strict pass)."""
    from pygments.lexers import get_lexer_by_name
    from pygments.token import Error
    try:
        lexer = get_lexer_by_name(alias)
        return not any(kind in Error for kind, _ in lexer.get_tokens(code))
    except Exception:  # (any lexer fault: plain text, never a failed conversion)
        return False
