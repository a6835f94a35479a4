"""Property tests (hypothesis, bounded and derandomized): the reader never raises, and
reader -> writer -> jupytext -> myst-parser keeps every content line as plain text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsbook.book import render_book
from newsbook.plan import Plan
from newsbook.readers import read
from newsbook.readers.freshrss_text import is_chrome
from newsbook.readers.prompts import CTA
from newsbook.writers.escape import clean
from test_hostile import (HEADER, HOSTILE, check_cells, check_doctree, markdown_of, myst_doctree,
                          split_front_matter)

SETUP = "from newsbook.charts import"

BOUNDED = settings(max_examples=150, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@BOUNDED
@given(st.text())
def test_read_any_text_never_raises(text):
    res = read(text, source="fuzz.txt")
    n = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for d in res.diagnostics:
        assert 1 <= d.line <= n + 1, (d, n)


WORDS = st.sampled_from(["China", "export", "controls", "Huawei", "the", "chips", "policy",
                         "Beijing", "rose", "fell", "by", "30%", "in", "2025", "and", "中国",
                         "“quoted”", "it’s", "AI", "Nvidia"])
SENTENCE = st.lists(WORDS, min_size=3, max_size=14).map(lambda ws: " ".join(ws) + ".")
PHRASE = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
HOST = st.sampled_from(HOSTILE)
TEXT = st.one_of(SENTENCE, PHRASE, HOST)


@st.composite
def dates(draw):
    return (f"{draw(st.integers(1, 28))} {draw(st.sampled_from(['May', 'June', 'July']))} 2025"
            f" at {draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}")


#: one structure line (or short run) of a FreshRSS copy, as text
STRUCTURE = st.one_of(
    TEXT,
    SENTENCE.map(lambda s: s + "1"),                                      # footnote marker
    st.tuples(TEXT, TEXT).map(lambda t: f"  • {t[0]}\n  • {t[1]}"),       # bullets
    st.tuples(TEXT, TEXT).map(lambda t: f"  1. {t[0]}\n  2. {t[1]}"),     # numbered items
    TEXT.map(lambda t: f"Jordan Schneider: {t}"),                         # speaker turns
    TEXT.map(lambda t: f"Tobias Harris: {t}"),
    TEXT.map(lambda t: f"{t} (Source)"),                                  # captions
    PHRASE.map(lambda t: f"Figure of {t}, 2024. Source."),
    TEXT.map(lambda t: f"This edition is brought to you by {t}"),         # sponsor
    st.sampled_from(["Subscribe now", "Share", "Leave a comment", "❌", "Normal view",
                     "Yesterday — 15 December 2025Main stream", "1", "2", "", ""]),
    PHRASE.map(lambda t: f"[{t}]"),                                       # editor's note
    st.sampled_from(["A Section Title", "Why Now?", "Lily Ottinger reports:"]),
)


@st.composite
def feeds(draw):
    """A copy of 1-3 articles whose bodies mix structure and hostile lines."""
    parts, titles = [HEADER], []
    for _ in range(draw(st.integers(1, 3))):
        title = draw(st.one_of(PHRASE, HOST).filter(
            lambda t: t.strip() and not is_chrome(t)))
        titles.append(title)
        body = draw(st.lists(STRUCTURE, min_size=1, max_size=14))
        sep = draw(st.lists(st.sampled_from(["\n\n", "\n\n\n"]), min_size=len(body),
                            max_size=len(body)))
        parts.append(f"{title}\n\n{draw(dates())}\n\n"
                     + "".join(b + s for b, s in zip(body, sep)) + "\n")
    return "".join(parts)


def content_lines(text: str) -> list[str]:
    """Input lines that must show up: not chrome, not CTA, not blank, not bare numbers
    (footnote numbers), not the date lines."""
    from newsbook.readers.freshrss_text import DATE_SHAPE
    out = []
    for line in text.split("\n"):
        t = line.strip()
        if not t or is_chrome(t) or CTA.match(t) or t.isdigit() or DATE_SHAPE.match(t):
            continue
        out.append(t)
    return out


def loose(s: str) -> str:
    return " ".join(s.split())


#: found by this test: a sponsor block inside an interview turn was nested in the turn's
#: ```` fence with its own ```` fence, which closed the turn early (reader now ends the
#: turn at the sponsor block; the writer's fences are still equal-length, see README).
TURN_THEN_SPONSOR = (HEADER + "China\n\n1 May 2025 at 00:00\n\nTobias Harris: China China."
                     "\n\nTobias Harris: ```{code-cell} python\n\nThis edition is brought to "
                     "you by China.\n\nWe are hiring analysts, and we pay.\n\n\n")


@BOUNDED
@given(feeds())
@example(feed=TURN_THEN_SPONSOR)
@example(feed=HEADER + "T\n\n1 May 2025 at 00:00\n\nJordan Schneider: Hi.\n\n"
         "We are hiring analysts.\n\nJordan Schneider: Bye.\n")
def test_structure_and_hostile_mixtures(feed):
    res = read(feed, source="fuzz.txt")
    assert not [d for d in res.diagnostics if d.severity == "error"], res.diagnostics
    diags: list = []
    root = Path("/nonexistent-newsbook-root")
    files = render_book(list(res.feed.articles), root, Plan(root=root), diags)
    keys = set(json.loads(files["data/generated/charts.json"]))
    shown, titles = [], []
    for rel, text in files.items():
        if not (rel.startswith("chapters/") and rel.endswith(".md")):
            continue
        meta, _ = split_front_matter(text)
        titles.append(meta["title"])
        nb = jupytext.reads(text, "md:myst")
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        # the setup cell, then only show() of automatic charts the converter planned
        assert code[0].startswith(SETUP), rel
        for src in code[1:]:
            m = re.fullmatch(r'show\("([a-z0-9_]+)"\)', src)
            assert m and m.group(1) in keys, (rel, src)
        check_cells(nb, rel)
        doc = myst_doctree(markdown_of(nb))
        check_doctree(doc, rel)
        shown.append(loose(doc.astext()))
    everything = "\n".join(shown + titles)
    missing = []
    for line in content_lines(feed):
        c = loose(clean(line))
        # footnote markers are turned into references ("word1" shows as "word" + "1")
        if c in everything or c.rstrip("0123456789") in everything:
            continue
        for prefix in ("Jordan Schneider: ", "Tobias Harris: ", "  • ", "  1. ", "  2. "):
            if c.startswith(loose(prefix)) and loose(c[len(loose(prefix)):]) in everything:
                break
        else:
            missing.append(line)
    assert not missing, (missing, feed)
