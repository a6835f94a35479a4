"""Long book-wide lists go on pages of bounded size (issue 11: pages that load like text
however big the archive grows). At 1,000 articles the timeline's list was 5.5 MB of HTML
and the people page 3.4 MB; a small book's pages are not touched."""
from __future__ import annotations

import re

import yaml
from hypothesis import given, settings, strategies as st

from conftest import ROOT
from newsbook.writers import split_pages
from newsbook.writers.people_page import render_people_pages
from newsbook.writers.reference_pages import render_timeline_pages
from newsbook.people import ChapterMentions, PeopleEntry

LINES = st.lists(st.text(alphabet="ab -", min_size=1, max_size=60), min_size=1, max_size=8)
GROUPS = st.lists(st.tuples(st.from_regex(r"[0-9]{4}", fullmatch=True), LINES),
                  min_size=1, max_size=12, unique_by=lambda g: g[0])


def _groups(raw) -> list[split_pages.Group]:
    return [split_pages.Group(key, key, tuple(lines), len(lines)) for key, lines in raw]


@settings(max_examples=300, deadline=None)
@given(GROUPS, st.integers(20, 400))
def test_parts_hold_every_line_once_in_order_within_the_budget(raw, budget):
    groups = _groups(raw)
    found = split_pages.parts("timeline", groups, budget)
    lines = [line for p in found for g in p.groups for line in g.lines]
    assert lines == [line for g in groups for line in g.lines]
    assert sum(p.count for p in found) == sum(g.count for g in groups)
    assert len({p.file for p in found}) == len(found)  # one file each
    for p in found:
        assert re.fullmatch(r"timeline/[a-z0-9-]+", p.file), p.file
        size = sum(g.size for g in p.groups)
        # over the budget only when one line alone is (a line is never cut)
        assert size <= budget or (len(p.groups) == 1 and len(p.groups[0].lines) == 1)


def test_a_group_longer_than_a_page_is_cut_into_numbered_pages():
    big = split_pages.Group("2020s", "2020s", tuple(f"- event {i:03d}" for i in range(30)), 30)
    small = split_pages.Group("2030s", "2030s", ("- one",), 1)
    found = split_pages.parts("timeline", [big, small], budget=100)
    labels = [p.label for p in found]
    assert labels[:-1] == [f"2020s, page {i}" for i in range(1, len(found))]
    assert labels[-1] == "2030s"  # a group of its own, never packed with another
    assert found[0].file == "timeline/2020s-page-1"
    assert sum(p.count for p in found) == 31


def test_page_titles_do_not_move_as_the_list_grows():
    """A rebuild patches sidebars only while no page changes its title: growing a list
    adds pages but renames none (but a group's first page when it first spills over)."""
    def titles(n: int) -> list[str]:
        groups = [split_pages.Group("2010s", "2010s", tuple(f"- old {i:03d}" for i in range(40)), 40),
                  split_pages.Group("2020s", "2020s", tuple(f"- new {i:03d}" for i in range(n)), n)]
        return [p.label for p in split_pages.parts("timeline", groups, budget=200)]
    before, after = titles(30), titles(45)
    assert before == after[:len(before)] and len(after) > len(before)


def _events(n_years: int, per_year: int) -> str:
    rows = ["date,end,precision,label,chapter,title,theme,anchor,quote,line,derived,note"]
    for y in range(2000, 2000 + n_years):
        for i in range(per_year):
            rows.append(f"{y}-03-{i % 28 + 1:02d},,day,Event {y} number {i} with $x$ and <b>,"
                        f"a,A,,p-a-{i},quote,{i},,")
    return "\n".join(rows) + "\n"


def test_timeline_split_loses_no_event_and_links_every_part():
    events = _events(6, 20)
    whole = render_timeline_pages(events, {"a": "Article A"}, {})
    assert list(whole) == ["timeline.md"]  # the default page holds a small book whole
    split = render_timeline_pages(events, {"a": "Article A"}, {}, budget=2_000)
    main, parts = split["timeline.md"], [k for k in split if k != "timeline.md"]
    assert len(parts) >= 3 and all(re.fullmatch(r"timeline/[a-z0-9-]+\.md", k) for k in parts)
    event_lines = lambda text: [x for x in text.split("\n") if x.startswith("- **")]  # noqa: E731
    assert not event_lines(main)
    assert [x for k in parts for x in event_lines(split[k])] == event_lines(whole["timeline.md"])
    for k in parts:  # the main page links each part; each part links back
        levels = [len(h) for h in re.findall(r"^(#+) ", split[k], re.M)]
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), k
        assert f"]({k})" in main
        assert "](../timeline.md)" in split[k]
        assert split[k].startswith("# Timeline of everything\\: ")
    assert "120 events\\, on" in main and "(chart-book-timeline)=" in main
    # each page opens on the year it continues, and the main page says which years it holds
    for k in parts:
        body = split[k].split("\n\n", 2)[2]
        assert re.match(r"## 200[0-5]\n\n- \*\*200[0-5]", body), body[:80]
    spans = re.findall(r"^- \[2000s, page \d+\]\(timeline/[^)]+\)\\: \d+ events\\?, (.+)$",
                       main, re.M)
    assert len(spans) == len(parts) and spans[0].startswith("2000") and spans[-1].endswith("2005")
    assert "<b>" not in "".join(split.values()) and "$x$" not in "".join(split.values())


def _people(n: int) -> list[PeopleEntry]:
    return [PeopleEntry(f"{chr(65 + i % 26)}name Person{i}", "person", "",
                        (ChapterMentions("a", "Article A", (f"p-a-{i}",)),))
            for i in range(n)]


def test_people_split_keeps_every_entry_in_order():
    people = _people(80)
    whole = render_people_pages(people)
    assert list(whole) == ["people.md"]
    split = render_people_pages(people, budget=1_000)
    parts = [k for k in split if k != "people.md"]
    assert len(parts) >= 3 and all(re.fullmatch(r"people/[a-z0-9-]+\.md", k) for k in parts)
    entry_lines = lambda text: [x for x in text.split("\n") if x.startswith("- **")]  # noqa: E731
    assert [x for k in parts for x in entry_lines(split[k])] == entry_lines(whole["people.md"])
    assert not entry_lines(split["people.md"])
    assert "80 names\\, on" in split["people.md"]


def test_the_bundled_book_is_not_split():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for p in toc["parts"] for c in p["chapters"]]
    assert not [f for f in files if f.startswith(("timeline/", "people/"))]
    assert not (ROOT / "timeline").exists() and not (ROOT / "people").exists()


def test_the_root_list_of_a_big_archive_goes_on_pages_by_year(tmp_path):
    """The root page of a big archive lists its pages by year; together they list every
    article once, in the root's order, with links one level up; the root keeps the first
    page's articles."""
    from datetime import datetime
    from newsbook.model import Article, Paragraph
    from newsbook.writers.book_files import Chapter, render_intro
    chapters = [Chapter(f"s{i}", Article(
        title=f"Title {i} [x](y) $z$", published=datetime(2022 - i // 10, 12 - i % 10, 1),
        blocks=(Paragraph(text=f"First sentence {i}.", line=1),), footnotes=(), line=1,
        end_line=2), (), 3)
        for i in range(30)]
    settings = {"title": "A *Title* [x](y)", "intro": "Intro."}
    whole = render_intro(chapters, settings, {}, split=True)
    assert list(whole) == ["intro.md"]
    assert whole["intro.md"] == render_intro(chapters, settings, {})
    split = render_intro(chapters, settings, {}, split=True, budget=1_500)
    parts = [k for k in split if k != "intro.md"]
    assert len(parts) >= 3 and all(re.fullmatch(r"articles/[a-z0-9-]+\.md", k) for k in parts)
    heads = lambda text: re.findall(r"^#{2,3} \[.*?\]\((?:\.\./)?(chapters/s\d+)\.md\)$",  # noqa: E731
                                    text, re.M)
    assert [h for k in parts for h in heads(split[k])] == heads(whole["intro.md"])
    # the root keeps the first page's articles (so it opens on articles, chart far down)
    assert heads(split["intro.md"]) == heads(split[parts[0]])
    assert split["intro.md"].index("### [") > split["intro.md"].index(f"]({parts[-1]})")
    assert split["intro.md"].index("(chart-book-at-a-glance)=") > split["intro.md"].rindex("### [")
    for k in parts:
        assert "](../chapters/" in split[k] and "](chapters/" not in split[k]
        levels = [len(h) for h in re.findall(r"^(#+) ", split[k], re.M)]
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))
        assert "[A \\*Title\\* \\[x\\]\\(y\\)](../intro.md)" in split[k]  # escaped
        assert f"]({k})" in split["intro.md"]



def test_a_terms_glossary_page_is_the_first_letter_of_its_reading():
    from newsbook.reference import Term
    from newsbook.writers.reference_pages import term_letter
    assert term_letter(Term("爸爸", "bà ba", "", False, "term")) == "B"
    assert term_letter(Term("奥特曼", "ào tè màn", "", False, "term")) == "A"
    assert term_letter(Term("欧普拉斯", "Ōu pǔ", "", False, "term")) == "O"
    assert term_letter(Term("中", "", "", False, "term")) == "Other"
    assert term_letter(Term("かわいい", "", "", False, "term", "ja")) == "Japanese"
    assert term_letter(Term("한국", "", "", False, "term", "ko")) == "Korean"


HAN = st.text(alphabet="中国人民大学汉字词语", min_size=1, max_size=4)
READING = st.text(alphabet="abcdefghijklmnopqrstuvwxyzàáǎōǚ ", max_size=8)
TERMS = st.lists(st.tuples(HAN, READING, st.sampled_from(["zh", "zh", "ja", "ko"])),
                 max_size=40, unique_by=lambda t: t[0])


def _terms(raw):
    from newsbook.reference import Term
    return [Term(h, p if lang == "zh" else "", "a gloss", False, "term", lang)
            for h, p, lang in raw]


def _pages_of_terms(files: dict[str, str]) -> dict[str, str]:
    """term -> the file whose glossary block holds it."""
    where = {}
    for rel, text in files.items():
        for block in re.findall(r"```\{glossary\}\n(.*?)\n```", text, re.S):
            for term in re.findall(r"^(\S[^\n]*)$", block, re.M):
                assert term not in where, f"{term} twice"
                where[term] = rel
    return where


@settings(max_examples=150, deadline=None)
@given(TERMS, TERMS, st.integers(50, 2000))
def test_glossary_pages_hold_every_term_once_and_a_term_never_moves_as_terms_are_added(
        raw, more, budget):
    """Split or not, each term is on exactly one page; once split, a term's page depends
    on the term alone, so the terms a later copy adds move no term already there (a moved
    term would leave unchanged chapters linking the old page)."""
    from newsbook.writers.reference_pages import render_glossary_pages, term_letter
    terms = _terms(raw)
    grown = terms + [t for t in _terms(more) if t.hanzi not in {x.hanzi for x in terms}]
    if not terms:
        return
    files = render_glossary_pages(terms, {}, {}, budget=budget)
    where = _pages_of_terms(files)
    assert set(where) == {t.hanzi for t in terms}
    if len(files) > 1:  # split: every term on its letter's page, the main page an index
        for t in terms:
            assert where[t.hanzi] == f"glossary/{split_pages._slug(term_letter(t))}.md"
        for rel in files:
            assert rel == "glossary.md" or f"]({rel})" in files["glossary.md"]
        again = _pages_of_terms(render_glossary_pages(grown, {}, {}, budget=budget))
        assert all(again[t] == where[t] for t in where)


def test_the_bundled_glossary_stays_one_page_and_splits_by_letter_when_long(monkeypatch):
    from newsbook import book
    from newsbook.cli import read_feeds
    from newsbook.plan import load_plan
    plan = load_plan(ROOT)
    articles = read_feeds(sorted((ROOT / "data" / "raw").glob("*.txt")), [], plan.hints)
    files = book.render_book(articles, ROOT, plan, [])
    assert "glossary.md" in files and not [r for r in files if r.startswith("glossary/")]
    monkeypatch.setattr(split_pages, "PAGE_BYTES", 12_000)
    split = book.render_book(articles, ROOT, plan, [])
    parts = [r for r in split if r.startswith("glossary/")]  # (A to Z, then scripts)
    assert len(parts) >= 10
    toc = yaml.safe_load(split["_toc.yml"])
    files_in_toc = [c["file"] for p in toc["parts"] for c in p.get("chapters", [])]
    at = files_in_toc.index("glossary")
    assert files_in_toc[at + 1:at + 1 + len(parts)] == [r[:-3] for r in parts]
    assert _pages_of_terms({"glossary.md": files["glossary.md"]}).keys() == \
        _pages_of_terms({r: split[r] for r in ["glossary.md", *parts]}).keys()
