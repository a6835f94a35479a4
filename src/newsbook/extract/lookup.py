"""Which of many fixed strings occur in a text, in one pass (issue 11: linear name scans).

The people index, the connections chart and the glossary ask, for hundreds of names and
terms, "is this one in this text?". Asking ``name in text`` for each is names x text
work per article; here every string goes into one trie-shaped regex that the regex
engine walks once over the text (it skips ahead to characters that can start a
string). The answer is exactly the set ``{s for s in strings if s in text}``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(strings: Iterable[str], after_first: str = "") -> str:
    """A regex alternation of ``strings`` shaped as a trie. At any position it matches the
    longest string that starts there (backtracking to shorter ones, so a lookahead
    written after it still sees every candidate, longest first). ``after_first``: a
    pattern written after each string's first character (a lookbehind there, rather than
    before the alternation, leaves the regex engine its fast scan for first characters)."""
    trie: dict = {}
    # (in one order whatever the strings came in: from a set, whose order changes with
    # every process, the same words made another pattern each run, and the compiled
    # patterns' cache, newsbook.recache, grew by 0.2 MB a run and was rewritten every time)
    for s in sorted(set(strings)):
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a string
    if not trie:
        return "(?!)"
    if not after_first:
        return _node_regex(trie)
    alts = [re.escape(ch) + after_first + _node_regex(child) for ch, child in trie.items() if ch]
    body = "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in trie else body


def _node_regex(node: dict) -> str:
    """The regex of one trie node's subtree (the end marker ``""`` makes it optional)."""
    alts = [re.escape(ch) + _node_regex(child) for ch, child in node.items() if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # a string ends here: the longer ones are optional (greedy: tried first)
        return f"(?:{body})?"
    return body


class Finder:
    """The set of given strings that occur (as plain substrings) in a text."""

    def __init__(self, strings: Iterable[str]):
        given = frozenset(strings)
        self.strings = given - {""}
        self._empty = "" in given  # the empty string occurs in every text
        self._re = re.compile(trie_regex(sorted(self.strings)))
        self._inside: dict[str, frozenset[str]] = {}  # string -> the strings inside it
        self._prefixes: dict[str, tuple[str, ...]] = {}  # string -> the strings it opens with
        # no ASCII-only string: an ASCII text holds none (glossary terms are Han script,
        # most blocks are English; str.isascii costs nothing, a scan costs the text)
        self._none_ascii = not any(s.isascii() for s in self.strings)

    def inside(self, s: str) -> frozenset[str]:
        """The given strings that occur in ``s`` (``s`` itself included): a string also
        occurs wherever a string containing it occurs. Cached; len(s)**2 lookups."""
        got = self._inside.get(s)
        if got is None:
            got = self._inside[s] = frozenset(
                s[i:j] for i in range(len(s)) for j in range(i + 1, len(s) + 1)
                if s[i:j] in self.strings)
        return got

    def present(self, text: str) -> set[str]:
        """``{s for s in strings if s in text}``, in one pass over ``text``.

        At each position where some string starts, the longest one starting there is
        found; every string occurring in the text is a prefix of the longest string
        starting at its own position, hence inside one of those found."""
        found: set[str] = {""} if self._empty else set()
        for s in {s for _, s in self.longest_at(text)}:
            found |= self.inside(s)
        return found

    def occurrences(self, text: str) -> dict[str, list[int]]:
        """Every start of every given string in ``text``: string -> its offsets, ascending
        (overlapping occurrences included), in one pass (:meth:`longest_at`)."""
        found: dict[str, list[int]] = {}
        for at, longest in self.longest_at(text):
            for s in self.prefixes(longest):
                found.setdefault(s, []).append(at)
        return found

    def longest_at(self, text: str):
        """``(position, the longest given string starting there)`` for every position of
        ``text`` where one starts, left to right. Every given string starting at a
        position is a prefix of the longest one there (:meth:`prefixes`)."""
        if self._none_ascii and text.isascii():
            return
        search = self._re.search
        pos = 0
        while True:
            m = search(text, pos)
            if m is None:
                return
            yield m.start(), m.group()
            pos = m.start() + 1

    def prefixes(self, s: str) -> tuple[str, ...]:
        """The given strings that are prefixes of ``s`` (``s`` itself included), shortest
        first. Cached."""
        got = self._prefixes.get(s)
        if got is None:
            got = self._prefixes[s] = tuple(s[:k] for k in range(1, len(s) + 1)
                                            if s[:k] in self.strings)
        return got
