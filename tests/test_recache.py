"""Compiled regular expressions kept between converter runs (newsbook.recache) are the
patterns re compiles itself: the same code, flags and groups, whatever the pattern."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from conftest import ROOT
from newsbook import recache
from newsbook.extract import terms
from newsbook.readers import units

# the slow ones (Chinese ranges), named groups, flags, bytes, and a few of the book's own
PATTERNS = [(terms.RUN_RE.pattern, 0), (terms.CJK_RE.pattern, 0), (terms._AFTER_RE.pattern, 0),
            (r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?", 0), (r"^by\s+(\w+)$", re.I | re.M),
            (r"a.b", re.S), (rb"\x00+[^\x00]", 0), (r"(?x) a  b  # spaced", 0),
            (units.SOURCE_TAIL.pattern, units.SOURCE_TAIL.flags & ~re.U)]


@pytest.fixture
def plain_re(monkeypatch):
    """re as it was after the test: the compiler put back, its own cache emptied."""
    from re import _compiler
    monkeypatch.setattr(_compiler, "compile", _compiler.compile)
    re.purge()
    yield
    re.purge()


def _compile_all(patterns):
    re.purge()
    return [re.compile(p, f) for p, f in patterns]


def test_a_cached_pattern_is_the_pattern_re_compiles(tmp_path, plain_re):
    want = _compile_all(PATTERNS)
    path = tmp_path / "re.marshal"
    save = recache.install(path, at_exit=False)
    assert save is not None
    cold = _compile_all(PATTERNS)  # compiled as usual, and remembered
    save()
    assert path.stat().st_size > 0
    from re import _compiler
    recache.install(path, at_exit=False)  # a later run: read back, nothing compiled
    calls = []
    code_of = _compiler._code
    try:
        _compiler._code = lambda *a: calls.append(a) or code_of(*a)
        warm = _compile_all(PATTERNS)
    finally:
        _compiler._code = code_of
    assert not calls, "a cached pattern was compiled again"
    for w, c, h in zip(want, cold, warm):
        assert w == c == h  # (Pattern equality: pattern, flags and compiled code)
        assert (h.groups, h.groupindex, h.flags) == (w.groups, w.groupindex, w.flags)
    assert warm[3].match("2025-12-15").group("d") == "15"
    assert warm[0].findall("薄熙来 and 王立军") == ["薄熙来", "王立军"]


def test_a_damaged_cache_falls_back_to_compiling(tmp_path, plain_re):
    path = tmp_path / "re.marshal"
    path.write_bytes(b"\x00not marshal at all")
    recache.install(path, at_exit=False)
    want = [re.compile(p, f) for p, f in PATTERNS]
    got = _compile_all(PATTERNS)
    assert got == want


def test_the_file_keeps_what_runs_use_within_its_budget(tmp_path, plain_re, monkeypatch):
    """Patterns no run uses any more (other books', older code's) make way for the ones
    in use: the file stays within its budget and a run finds its own patterns."""
    import marshal
    path = tmp_path / "re.marshal"
    mine = [(r"mine-one\d+", 0), (r"mine-two[a-z]+", 0)]
    others = [(rf"other-{i}-" + "x" * 300, 0) for i in range(40)]  # (~5 kB each)
    save = recache.install(path, at_exit=False)
    _compile_all(mine + others)
    save()
    assert len(marshal.loads(path.read_bytes())) == 42
    monkeypatch.setattr(recache, "BUDGET", 60_000)
    save = recache.install(path, at_exit=False)  # a later run: uses its own, adds one
    _compile_all(mine + [(r"mine-new\s", 0)])
    save()
    kept = marshal.loads(path.read_bytes())
    assert sum(recache._size(k, v) for k, v in kept.items()) <= 60_000
    assert {k for k in kept if k[0].startswith("mine")} == {p for p in mine} | {(r"mine-new\s", 0)}
    assert 0 < len([k for k in kept if k[0].startswith("other")]) < 40
    assert list(kept)[-1] == (r"mine-new\s", 0)  # (this run's last: the last to go)


def test_turned_off_by_the_environment(tmp_path, plain_re, monkeypatch):
    monkeypatch.setenv("NEWSBOOK_RE_CACHE", "0")
    from re import _compiler
    before = _compiler.compile
    assert recache.install(tmp_path / "re.marshal", at_exit=False) is None
    assert _compiler.compile is before


ATOMS = st.sampled_from(["a", "b", "中", r"\d", r"\w", ".", "[a-c]", "[一-鿿]", "(?:ab)",
                         "(x)", "(?P<n>y)", r"\b", "^", "$", "[^b]", r"\s"])
QUANT = st.sampled_from(["", "", "*", "+", "?", "{2}", "{1,3}", "*?"])
REGEX = st.lists(st.tuples(ATOMS, QUANT).map("".join), min_size=1, max_size=6).map(
    lambda xs: "|".join(xs) if len(xs) > 3 else "".join(xs))


@settings(max_examples=200, deadline=None)
@given(REGEX, st.sampled_from([0, re.I, re.M | re.S, re.A]))
def test_any_pattern_read_back_is_the_pattern_re_compiles(tmp_path_factory, pattern, flags):
    from re import _compiler
    path = tmp_path_factory.mktemp("re") / "re.marshal"
    plain = _compiler.compile
    try:
        try:
            want = _compile_all([(pattern, flags)])[0]
        except re.error:
            return
        save = recache.install(path, at_exit=False)
        _compile_all([(pattern, flags)])
        save()
        recache.install(path, at_exit=False)
        assert _compile_all([(pattern, flags)])[0] == want
    finally:
        _compiler.compile = plain
        re.purge()


def test_the_converter_writes_the_same_book_with_and_without_the_cache(tmp_path):
    """scripts/convert.py --check on the bundled book: clean when patterns come from the
    cache (a warm run) and when the cache is turned off."""
    env = {"NEWSBOOK_CACHE_DIR": str(tmp_path)}
    import os
    for extra in ({}, {}, {"NEWSBOOK_RE_CACHE": "0"}):  # cold, warm, off
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), "--check",
                               "--book", str(ROOT)], capture_output=True, text=True,
                              env={**os.environ, **env, **extra})
        assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list(tmp_path.glob("re-*.marshal"))


def test_pinyin_readings_keep_only_the_newest_files(tmp_path, monkeypatch):
    """Each new pypinyin install (every fresh clone's .venv) starts a readings file of its
    own; saving one keeps the newest few, not one per install forever."""
    import os
    monkeypatch.setenv("NEWSBOOK_CACHE_DIR", str(tmp_path))
    for i in range(6):  # (files of earlier installs, oldest first)
        old = tmp_path / f"pinyin-old{i}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, ns=(10**18 + i, 10**18 + i))
    monkeypatch.setattr(terms, "_READINGS", None)
    monkeypatch.setattr(terms, "_NEW_READINGS", False)
    assert terms._reading("北京", "normal") == "beijing"
    terms._save_readings()
    left = sorted(p.name for p in tmp_path.glob("pinyin-*.json"))
    assert len(left) == terms.KEEP_READINGS
    assert os.path.basename(terms._readings_file()) in left
    assert {"pinyin-old5.json", "pinyin-old4.json"} <= set(left)
