"""Issue 11 (conversion at disk speed): the fast paths give exactly what the slow ones did.

No timings here (a shared machine makes them flaky): the one-pass name finder, the
trie-shaped alias pattern and the sentence-start test are checked against the plain
definitions they replace, and a conversion split over two processes against one in a
single process.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from newsbook import fanout
from newsbook.connections import opens_sentence
from newsbook.extract.lookup import Finder, trie_regex

ROOT = Path(__file__).resolve().parents[1]


def test_finder_is_the_set_of_substrings():
    rnd = random.Random(11)
    for _ in range(3000):
        strings = ["".join(rnd.choice("abc") for _ in range(rnd.randint(0, 4)))
                   for _ in range(rnd.randint(1, 8))]
        text = "".join(rnd.choice("abcd") for _ in range(rnd.randint(0, 30)))
        assert Finder(strings).present(text) == {s for s in strings if s in text}


def test_trie_pattern_matches_like_longest_first_alternation():
    rnd = random.Random(12)
    for _ in range(2000):
        aliases = sorted({"".join(rnd.choice("ab ") for _ in range(rnd.randint(1, 5))).strip()
                          or "a" for _ in range(rnd.randint(1, 6))})
        text = "".join(rnd.choice("ab .") for _ in range(rnd.randint(0, 40)))
        plain = re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(a) for a in sorted(aliases, key=len, reverse=True)) + r")(?!\w)")
        trie = re.compile(r"(?<!\w)(?:" + trie_regex(aliases) + r")(?!\w)")
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_sentence_start_is_the_old_regex():
    old = re.compile(r"(?:^|[.!?:;\"“”‘’(]\s*)$")
    rnd = random.Random(13)
    chars = ["a", " ", "\n", ".", "(", "“", "\u00a0", "\t", "B"]
    for _ in range(20000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 6)))
        for at in range(len(text) + 1):
            assert opens_sentence(text, at) == bool(old.search(text[:at]))


@pytest.mark.skipif(fanout.cores() < 2, reason="one CPU: nothing to split")
def test_pieces_come_back_in_order_and_errors_surface(monkeypatch):
    """Pieces claimed by whichever process is free come back in input order; an error in
    a worker is raised in the parent (never a hang, never a partial result)."""
    monkeypatch.setattr(fanout, "MIN_WEIGHT", 0)
    monkeypatch.setattr(fanout, "PIECE", 3)
    monkeypatch.setenv("NEWSBOOK_JOBS", "2")
    assert fanout.fan_out(lambda i: i * i, [1] * 50) == [i * i for i in range(50)]

    def bad(i: int) -> int:
        if i == 40:
            raise ValueError("article 40 is broken")
        return i
    with pytest.raises((RuntimeError, ValueError), match="article 40 is broken"):
        fanout.fan_out(bad, [1] * 50)


@pytest.mark.skipif(fanout.cores() < 2, reason="one CPU: nothing to split")
def test_two_processes_write_what_one_does(monkeypatch, tmp_path):
    """The bundled copy rendered with the per-article work forked (threshold lowered) is
    the same book, file for file, as in one process."""
    from newsbook import book
    from newsbook.cli import read_feeds
    from newsbook.plan import load_plan

    def render() -> dict[str, str]:
        plan = load_plan(ROOT)
        articles = read_feeds(sorted((ROOT / "data" / "raw").glob("*.txt")), [], plan.hints)
        return book.render_book(articles, ROOT, plan, [])

    monkeypatch.setenv("NEWSBOOK_JOBS", "1")
    one = render()
    monkeypatch.setenv("NEWSBOOK_JOBS", "2")
    monkeypatch.setattr(fanout, "MIN_WEIGHT", 0)
    monkeypatch.setattr(fanout, "PIECE", 2)
    two = render()
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []
