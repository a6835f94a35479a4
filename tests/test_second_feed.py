"""A second, made-up newsletter ("Harbourline", tests/feeds/harbourline-freshrss-2026.txt).

Written by hand, not derived from the bundled copy, so the reader and the book are tested
on a feed nobody curated. The counts below are the ones the feed was designed with
(tests/feeds/README.md lists what each article exercises, with line numbers).
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from newsbook.model import (Aside, Caption, Heading, ListBlock, Note, Paragraph, Piece, Turn,
                            walk)
from newsbook.readers import read

FEED = Path(__file__).parent / "feeds" / "harbourline-freshrss-2026.txt"

TITLES = [  # newest first, as FreshRSS lists them: (title line, title, date line text)
    (6, "The Quiet Harbour", "14 June 2026 at 06:45"),
    (32, "Container Throughput in Numbers", "2 June 2026 at 08:10"),
    (82, "Tide Tables, Tariffs and a Tugboat Strike", "18 May 2026 at 17:20"),
    (124, "Ballast and Ballots: Hana Lindqvist on Port Labour", "29 April 2026 at 19:05"),
    (186, "From Treaty Port to Free Port: A Short History of the Sorang Harbour Acts",
     "3 April 2026 at 11:30"),
    (232, "Words on the Waterfront", "11 March 2026 at 09:15"),
    (254, "Notes from the Engine Room", "20 January 2026 at 14:02"),
]
STEMS = [
    "2026-06-14-the-quiet-harbour",
    "2026-06-02-container-throughput-in-numbers",
    "2026-05-18-tide-tables-tariffs-and-a-tugboat-strike",
    "2026-04-29-ballast-and-ballots-hana-lindqvist-on-port-labour",
    "2026-04-03-from-treaty-port-to-free-port-a-short-history-of-the-sorang",
    "2026-03-11-words-on-the-waterfront",
    "2026-01-20-notes-from-the-engine-room",
]


@pytest.fixture(scope="module")
def result():
    return read(FEED.read_text(encoding="utf-8"), source=str(FEED))


@pytest.fixture(scope="module")
def arts(result):
    return {a.title: a for a in result.feed.articles}


def blocks_of(article, kind):
    return [b for b in walk(article.blocks) if isinstance(b, kind)]


def texts(article) -> list[str]:
    """Every piece of text of an article: blocks, list items, captions, footnotes."""
    out = []
    for b in walk(article.blocks):
        if isinstance(b, ListBlock):
            out += [i.text for i in b.items]
        elif isinstance(b, (Piece,)):
            out += [b.title, b.byline]
        elif isinstance(b, Turn):
            out.append(b.speaker)
        elif hasattr(b, "text"):
            out.append(b.text)
    out += [p.text for f in article.footnotes for p in f.paragraphs]
    return out


def feed_line(n: int) -> str:
    return FEED.read_text(encoding="utf-8").split("\n")[n - 1]


# --- the feed as a whole -----------------------------------------------------------------

def test_articles_titles_and_dates(result):
    got = [(a.line, a.title, a.date_text) for a in result.feed.articles]
    assert got == TITLES


def test_no_diagnostics_at_all(result):
    assert [d.format() for d in result.diagnostics] == []


def test_feed_never_mentions_chinatalk():
    assert "ChinaTalk" not in FEED.read_text(encoding="utf-8")


def test_stock_lines_and_prompts_are_dropped(result):
    for a in result.feed.articles:
        for t in texts(a):
            assert "reader-supported publication" not in t
            assert t not in ("Subscribe now", "Share", "Normal view", "❌")


def test_totals(result):
    arts = result.feed.articles
    assert sum(len(a.footnotes) for a in arts) == 5
    assert sum(len(blocks_of(a, Aside)) for a in arts) == 1
    assert sum(len(blocks_of(a, Caption)) for a in arts) == 5  # ("(label)=" alone: a paragraph)
    assert sum(len(blocks_of(a, Turn)) for a in arts) == 13
    assert sum(len(blocks_of(a, Piece)) for a in arts) == 3
    assert [len(blocks_of(a, Heading)) for a in arts] == [2, 2, 0, 3, 4, 3, 0]


def test_bylines(arts):
    assert {t: a.byline for t, a in arts.items()} == {
        "The Quiet Harbour": "Odile Brannock is a writer who has spent most of her working "
                             "life on the Sorang waterfront.",
        "Container Throughput in Numbers": "Noor Halvorsen is a data editor at Harbourline and "
                                           "a former tally clerk at the Port of Sorang.",
        "Tide Tables, Tariffs and a Tugboat Strike": "",  # a digest: bylines are per piece
        "Ballast and Ballots: Hana Lindqvist on Port Labour": "",
        "From Treaty Port to Free Port: A Short History of the Sorang Harbour Acts":
            "Tomasz Wierzba is a writer and maritime historian who has catalogued the port’s "
            "archives.",
        "Words on the Waterfront": "Keiko Arakawa is a freight analyst based in Osaka and a "
                                   "regular contributor to Harbourline.",
        "Notes from the Engine Room": "Noor Halvorsen is a data editor at Harbourline and a "
                                      "former tally clerk at the Port of Sorang.",
    }


# --- 1. the series article ---------------------------------------------------------------

SERIES_TEXT = ("Throughput at the Port of Sorang rose from 21.3 million TEU in 2019 to 22.9 million "
               "TEU in 2020, 24.1 million TEU in 2021 and 25.6 million TEU in 2022.")


def test_series_in_one_paragraph(arts):
    a = arts["Container Throughput in Numbers"]
    hits = [p for p in blocks_of(a, Paragraph) if SERIES_TEXT in p.text]
    assert [p.line for p in hits] == [60]
    assert re.findall(r"(\d+\.\d) million TEU in (\d{4})", hits[0].text) == [
        ("21.3", "2019"), ("22.9", "2020"), ("24.1", "2021"), ("25.6", "2022")]


def test_series_in_a_bulleted_list(arts):
    a = arts["Container Throughput in Numbers"]
    lists = [b for b in a.blocks if isinstance(b, ListBlock)]  # top level, not the sponsor's
    assert len(lists) == 1
    lst = lists[0]
    assert not lst.ordered
    assert [(i.line, i.text) for i in lst.items] == [
        (64, "2020: 7.9 million TEU"), (66, "2021: 8.4 million TEU"),
        (68, "2022: 8.1 million TEU"), (70, "2023: 9.6 million TEU")]


def test_sponsor_block(arts):
    a = arts["Container Throughput in Numbers"]
    (aside,) = blocks_of(a, Aside)
    assert (aside.kind, aside.line) == ("sponsor", 39)
    assert [type(b).__name__ for b in aside.blocks] == ["Paragraph", "Paragraph", "ListBlock",
                                                        "Paragraph"]
    assert len(aside.blocks[2].items) == 3
    # the aside ends at the divider: the byline and the series are outside it
    assert all(SERIES_TEXT not in t for b in aside.blocks for t in [getattr(b, "text", "")])


# --- 2. the dated policy history ----------------------------------------------------------

DATED = [  # (line, verbatim phrase): 11 dated statements in every form the extractor knows
    (196, "14 March 1862"),      # full date
    (202, "From 1949 to 1976"),  # range, from ... to
    (204, "the 1990s"),          # decade
    (204, "in 1998"),            # year
    (208, "2012–2023"),          # range with an en dash
    (208, "March 2019"),         # month + year
    (210, "late 2022"),          # part of a year
    (210, "H2 2023"),            # half
    (214, "1 October 2025"),     # full date
    (214, "Q3 2024"),            # quarter
    (214, "FY2028"),             # fiscal year
]


def test_dated_history(arts):
    a = arts["From Treaty Port to Free Port: A Short History of the Sorang Harbour Acts"]
    by_line = {p.line: p.text for p in blocks_of(a, Paragraph)}
    for line, phrase in DATED:
        assert phrase in by_line[line], (line, phrase)
        assert phrase in feed_line(line)
    assert len(DATED) >= 8


def test_history_footnotes(arts):
    a = arts["From Treaty Port to Free Port: A Short History of the Sorang Harbour Acts"]
    assert [(f.number, f.line, len(f.paragraphs)) for f in a.footnotes] == [
        (1, 220, 1), (2, 224, 1), (3, 228, 1)]
    marks = sorted((p.line, n) for p in blocks_of(a, Paragraph) for _, n in p.marks)
    assert marks == [(196, 1), (210, 2), (214, 3)]
    (cap,) = blocks_of(a, Caption)
    assert (cap.line, cap.text) == (198, "The old customs house on the Sorang waterfront, now a "
                                         "maritime museum. Source.")


# --- 3. the interview -----------------------------------------------------------------

def test_interview_turns(arts):
    a = arts["Ballast and Ballots: Hana Lindqvist on Port Labour"]
    turns = blocks_of(a, Turn)
    assert Counter(t.speaker for t in turns) == {"Ines Marrow": 7, "Hana Lindqvist": 6}
    assert [t.line for t in turns] == [148, 150, 154, 156, 162, 164, 166, 168, 174, 176, 178,
                                       180, 182]
    # two turns run on for a second paragraph; every other turn is one paragraph
    assert [len(t.blocks) for t in turns] == [1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1]


def test_interview_sections(arts):
    a = arts["Ballast and Ballots: Hana Lindqvist on Port Labour"]
    sections, current = {}, None
    for b in a.blocks:
        if isinstance(b, Heading):
            current = b.text
            sections[current] = Counter()
        elif isinstance(b, Turn):
            sections[current][b.speaker] += 1
    assert sections == {
        "Why Ports Strike": {"Ines Marrow": 2, "Hana Lindqvist": 2},
        "Automation and the Night Shift": {"Ines Marrow": 2, "Hana Lindqvist": 2},
        "What Yokohama Taught Us": {"Ines Marrow": 3, "Hana Lindqvist": 2},
    }
    assert [(n.line, n.text) for n in blocks_of(a, Note)] == [
        (146, "[We recorded this part on the ferry, so forgive the engines]")]


# --- 4. the digest ------------------------------------------------------------------------

def test_digest_pieces(arts):
    a = arts["Tide Tables, Tariffs and a Tugboat Strike"]
    assert all(isinstance(b, Piece) for b in a.blocks)
    assert [(p.line, p.title, p.byline) for p in a.blocks] == [
        (86, "Why Sorang’s Dredgers Are Behind Schedule", "Mara Quist reports:"),
        (97, "Tariffs on Reefer Boxes, Explained",
         "Jun-seo Park is a researcher at the Sorang Maritime Institute who writes about trade "
         "policy and cold chains."),
        (106, "A Tugboat Strike That Wasn’t",
         "Keiko Arakawa is a freight analyst based in Osaka and a regular contributor to "
         "Harbourline."),
    ]
    assert [len(p.blocks) for p in a.blocks] == [3, 2, 2]
    assert isinstance(a.blocks[0].blocks[2], Caption)


def test_digest_footnotes(arts):
    a = arts["Tide Tables, Tariffs and a Tugboat Strike"]
    assert [(f.number, f.line) for f in a.footnotes] == [(1, 116), (2, 120)]
    marks = sorted((p.line, off, n) for p in blocks_of(a, Paragraph) for off, n in p.marks)
    assert [(line, n) for line, _, n in marks] == [(90, 1), (101, 2)]
    for line, off, n in marks:  # glued to "approaches." and to "surcharge"
        text = next(p.text for p in blocks_of(a, Paragraph) if p.line == line)
        assert text[off] == str(n)
        assert text[off - 1] in ".e"


# --- 5. Han-script terms -----------------------------------------------------------------

TERMS = [  # (article, line, verbatim span): glossed Chinese, Japanese with kana, Korean
    ("From Treaty Port to Free Port: A Short History of the Sorang Harbour Acts", 208,
     "Belt and Road (一带一路)"),
    ("From Treaty Port to Free Port: A Short History of the Sorang Harbour Acts", 202,
     "港务局 (port affairs bureau)"),
    ("From Treaty Port to Free Port: A Short History of the Sorang Harbour Acts", 214,
     "自由港 (free port)"),
    ("Ballast and Ballots: Hana Lindqvist on Port Labour", 176,
     "港湾局 (こうわんきょく, Ports and Harbours Bureau)"),
    ("Ballast and Ballots: Hana Lindqvist on Port Labour", 176, "働き方改革 (work-style reform)"),
    ("Words on the Waterfront", 242, "荷役 (にやく, cargo handling)"),
    ("Words on the Waterfront", 242, "働き方改革 (work-style reform)"),
    ("Words on the Waterfront", 246, "해양수산부 (Ministry of Oceans and Fisheries)"),
    ("Words on the Waterfront", 246, "港灣 (항만, harbour)"),
    ("Words on the Waterfront", 250, "智慧港口 (smart port)"),
    ("Words on the Waterfront", 250, "crews wish each other 一路顺风 before"),  # no gloss
]


@pytest.mark.parametrize("title,line,span", TERMS)
def test_terms(arts, title, line, span):
    turns_and_paras = [b for b in walk(arts[title].blocks) if isinstance(b, Paragraph)]
    assert any(p.line == line and span in p.text for p in turns_and_paras)


# --- 6. the article with nothing to chart -------------------------------------------------

def test_opinion_piece_has_no_numbers_dates_or_turns(arts):
    a = arts["The Quiet Harbour"]
    body = "\n".join(texts(a))
    assert not re.search(r"\d", body)
    months = ("January February March April May June July August September October November "
              "December").split()
    assert not any(re.search(rf"\b{m}\b", body) for m in months)
    assert not re.search(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|"
                         r"thousand|million|first|second|third|decade|year|spring|summer|autumn|"
                         r"winter)s?\b", body, re.I)
    assert not blocks_of(a, Turn) and not blocks_of(a, ListBlock) and not a.footnotes
    assert not re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", body)


def test_opinion_piece_shares_a_person_and_a_place(arts):
    quiet = "\n".join(texts(arts["The Quiet Harbour"]))
    interview = "\n".join(texts(arts["Ballast and Ballots: Hana Lindqvist on Port Labour"]))
    for name in ("Hana Lindqvist", "Sorang"):
        assert name in quiet and name in interview


# --- 7. hostile lines ---------------------------------------------------------------------

HOSTILE = [(262, "```{code-cell} python"), (264, "+++"), (266, "$x$"),
           (268, "<script>alert(1)</script>"), (270, "{{ x }}"), (272, "(label)=")]


def test_hostile_lines_stay_text(arts):
    a = arts["Notes from the Engine Room"]
    caps = [(c.line, c.text) for c in blocks_of(a, Caption)]
    # a line that opens with a symbol ("+++", "```", "$x$", "<script>", "{{ x }}") is no
    # image's caption: a paragraph, as written; nor is a bare phrase of under five words
    # ("(label)=" opens like a caption can)
    symbols = [(n, t) for n, t in HOSTILE if not (t[0].isalnum() or t[0] in "“\"'‘(")
               or len(t.split()) < 5]
    assert caps == [h for h in HOSTILE if h not in symbols] + [
        (276, "A screenshot of the terminal operating system’s export screen")]
    paras = [(p.line, p.text) for p in blocks_of(a, Paragraph)]
    assert symbols == HOSTILE and all(s in paras for s in symbols)
    assert not a.footnotes  # "alert(1)" is not a footnote marker


# --- the book, built from this feed into a new (uncurated) folder -------------------------

def convert(tmp_path: Path) -> Path:
    from newsbook.cli import main
    assert main([str(FEED), "--book", str(tmp_path), "-q"]) == 0
    return tmp_path


def generated_files(book: Path) -> list[Path]:
    return sorted(book.glob("chapters/*.md")) + [book / n for n in
                                                ("intro.md", "_config.yml", "_toc.yml")]


def test_converts_one_chapter_per_article(tmp_path):
    book = convert(tmp_path)
    assert sorted(p.stem for p in book.glob("chapters/*.md")) == sorted(STEMS)
    for p in generated_files(book):
        assert p.is_file(), p


def test_uncurated_book_never_says_chinatalk(tmp_path):
    """Issue 9: title, intro, author and config come from this feed, not the bundled one."""
    book = convert(tmp_path)
    leaks = [f"{p.relative_to(book)}:{k}: {s}" for p in generated_files(book)
             for k, s in enumerate(p.read_text(encoding="utf-8").split("\n"), 1)
             if "ChinaTalk" in s]
    assert leaks == []
