"""A newsletter no one curated (Harbourline, tests/feeds/) gets a book of its own:
charts on every chapter from facts in its text, its own title and intro, a timeline
of everything and a glossary -- and every charted number quotes its line."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsbook import cli
from newsbook.writers.escape import clean
from smallbook import book_of

FEED = Path(__file__).parent / "feeds" / "harbourline-freshrss-2026.txt"
LINES = FEED.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("harbour")
    assert cli.main([str(FEED), "--book", str(root), "-q"]) == 0
    return root


def rows(book: Path, name: str) -> list[dict]:
    text = (book / "data" / "generated" / f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def specs(book: Path) -> dict:
    return json.loads((book / "data/generated/charts.json").read_text(encoding="utf-8"))


def test_every_chapter_has_a_chart(book):
    stems = {p.stem for p in (book / "chapters").glob("*.md")}
    charted = {s["chapter"] for s in specs(book).values() if s["chapter"]}
    assert charted == stems and len(stems) == 7
    for stem in stems:
        page = (book / "chapters" / f"{stem}.md").read_text(encoding="utf-8")
        assert 'show("' in page, stem


def test_series_is_charted_with_exactly_the_stated_values(book):
    found = {k: s for k, s in specs(book).items() if s["kind"] == "series"}
    assert len(found) == 2
    data = rows(book, "auto_2026_06_02_container_throughput_in_numbers_series")
    by = {}
    for r in data:
        by.setdefault(r["series"], []).append(r)
    assert [(r["period"], float(r["value"]), r["stated"]) for r in by["s1"]] == [
        ("2019", 21.3, "21.3 million TEU"), ("2020", 22.9, "22.9 million TEU"),
        ("2021", 24.1, "24.1 million TEU"), ("2022", 25.6, "25.6 million TEU")]
    assert [float(r["value"]) for r in by["s2"]] == [7.9, 8.4, 8.1, 9.6]
    assert {(r["unit"], r["scale"]) for r in data} == {("TEU", "million")}
    for spec in found.values():
        assert spec["axis"] == "Million TEU (as stated)"


def test_every_chart_row_quotes_its_line(book):
    """No chart point lacks a verbatim quote on the feed line it names."""
    n = 0
    for path in sorted((book / "data" / "generated").glob("auto_*.csv")):
        for r in rows(book, path.stem):
            assert r["quote"], (path.name, r)
            if r.get("line"):
                assert clean(r["quote"])[:60] in clean(LINES[int(r["line"]) - 1]) or \
                    path.stem.endswith(("_speakers", "_sections")), (path.name, r)
                n += 1
    assert n >= 30


def test_history_keeps_its_precision_in_chapter_and_book_timelines(book):
    stem = "2026-04-03-from-treaty-port-to-free-port-a-short-history-of-the-sorang"
    chapter = {r["when"]: (r["start"], r["end"], r["precision"])
               for r in rows(book, "auto_" + stem.replace("-", "_") + "_timeline")}
    want = {"late 2022": ("2022-09", "2022-12", "season"),
            "the 1990s": ("1990", "1999", "decade"),
            "1 October 2025": ("2025-10-01", "2025-10-01", "day"),
            "2012–2023": ("2012", "2023", "range"),
            "H2 2023": ("2023-07", "2023-12", "half"),
            "Q3 2024": ("2024-07", "2024-09", "quarter")}
    for when, value in want.items():
        assert chapter[when] == value, when
    # a fiscal year is no calendar span (companies' years end in any month): in no timeline
    assert "FY2028" not in chapter
    book_rows = [r for r in rows(book, "book_events") if r["chapter"] == stem]
    assert {(r["date"], r["precision"]) for r in book_rows} >= {
        ("2022-09", "season"), ("1990", "decade")}
    assert "fiscal_year" not in {r["precision"] for r in book_rows}
    spec = specs(book)[stem.replace("-", "_") + "_timeline"]
    assert spec["kind"] == "timeline" and spec["precision"] == "precision"


def test_title_and_intro_are_the_newsletters_own(book):
    config = (book / "_config.yml").read_text(encoding="utf-8")
    intro = (book / "intro.md").read_text(encoding="utf-8")
    assert "title: 'Harbourline 2026: an interactive reader'" in config
    assert "Seven Harbourline posts from January to June 2026" in intro.replace("\\", "")
    n = sum(1 for s in specs(book).values() if s["chapter"])
    assert n == 8 and "and eight interactive charts whose every point" in intro.replace("\\", "")
    for path in [book / "intro.md", book / "_config.yml", *book.glob("chapters/*.md")]:
        assert "ChinaTalk" not in path.read_text(encoding="utf-8"), path


def test_glossary_holds_every_language_and_pinyin_only_for_chinese(book):
    text = (book / "glossary.md").read_text(encoding="utf-8")
    assert text.startswith("# Glossary of Chinese, Japanese and Korean terms")
    block = text.split("一带一路", 1)[1].split("\n\n", 1)[0]
    assert "yí dài yí lù" in block or "yī dài yī lù" in block
    jp = text.split("\n港湾局\n", 1)[1].split("\n\n", 1)[0]
    assert "Japanese" in jp and "Ports and Harbours Bureau" in jp
    ko = text.split("\n해양수산부\n", 1)[1].split("\n\n", 1)[0]
    assert "Korean" in ko and "Ministry of Oceans and Fisheries" in ko
    assert "\n一路顺风\n" in text  # a term with no gloss is still listed


def test_pages_with_nothing_are_left_out(tmp_path):
    feed = tmp_path / "plain.txt"
    feed.write_text("Plain Words\n\n3 March 2026 at 09:00\n\nA short essay on nothing much, "
                    "written without a single number or foreign word in it at all.\n",
                    encoding="utf-8")
    assert cli.main([str(feed), "--book", str(tmp_path / "b"), "-q"]) == 0
    toc = (tmp_path / "b" / "_toc.yml").read_text(encoding="utf-8")
    assert "glossary" not in toc and "timeline" not in toc
    assert not (tmp_path / "b" / "glossary.md").exists()
    intro = (tmp_path / "b" / "intro.md").read_text(encoding="utf-8")
    assert "glossary.md" not in intro and "timeline.md" not in intro
    assert "One post from 3 March 2026" in intro.replace("\\", "")


@pytest.mark.slow
@pytest.mark.browser
def test_uncurated_book_builds_and_draws_a_chart_on_every_chapter(book, browser):
    from browser import check_page, serve
    jb = Path(sys.executable).parent / "jupyter-book"
    res = subprocess.run([str(jb), "build", str(book), "-W", "-n", "--keep-going"],
                         capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    html = book / "_build" / "html"
    with serve(html) as base:
        for page in sorted((html / "chapters").glob("*.html")):
            rep = check_page(browser, base + f"chapters/{page.name}", click_controls=False)
            assert rep.charts >= 1 and rep.drawn == rep.charts, (page.name, rep)
            assert not rep.console_errors and not rep.page_errors, (page.name, rep)


def test_other_substack_wording_names_the_book_and_is_dropped(tmp_path):
    """Substack's newer subscribe widget ("Thanks for reading X! …"), its "Share X"
    button and a day separator glued to the feed's own name are chrome; the name in
    them titles the book. A "Share …" line that is not the button stays."""
    feed = tmp_path / "gull.txt"
    feed.write_text(
        "Normal view\n\nToday — 6 December 2026The Gull Weekly\n\nTide Tables\n\n"
        "6 December 2026 at 08:00\n\nThe tide rose by 2 metres on 3 December 2026.\n\n"
        "Thanks for reading The Gull Weekly! Subscribe for free to receive new posts and "
        "support my work.\n\nShare The Gull Weekly\n\nShare the tide tables with a friend, "
        "we ask.\n", encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    config = (book / "_config.yml").read_text(encoding="utf-8")
    assert "title: 'The Gull Weekly 2026: an interactive reader'" in config
    [chapter] = (book / "chapters").glob("*.md")
    page = chapter.read_text(encoding="utf-8").replace("\\", "")
    assert "Share the tide tables with a friend, we ask." in page
    for chrome in ("Thanks for reading", "Share The Gull", "2026The Gull"):
        assert chrome not in page


@pytest.mark.parametrize("file_name, title", [
    ("harbour-ledger-freshrss-2026.txt", "Harbour Ledger 2026"),  # as the text writes it
    ("HARBOUR_LEDGER.txt", "Harbour Ledger 2026"),
    ("feed.txt", "Newsletter 2026"),                 # a file name that names nothing
    ("gull-weekly-2026.txt", "Newsletter 2026"),     # a name the text never uses
])
def test_a_copy_without_stock_lines_is_named_by_its_file_only_as_the_text_writes_it(
        tmp_path, file_name, title):
    feed = tmp_path / file_name
    feed.write_text("Tide Tables\n\n6 December 2026 at 08:00\n\nThe tide rose by 2 metres "
                    "on 3 December 2026, the harbour-ledger team and Harbour Ledger readers "
                    "noted.\n", encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    config = (book / "_config.yml").read_text(encoding="utf-8")
    assert f"title: '{title}: an interactive reader'" in config


def test_a_common_word_in_the_file_name_is_no_name(tmp_path):
    feed = tmp_path / "plain.txt"
    feed.write_text("Plain Words\n\n3 March 2026 at 09:00\n\nPlain is how we like it, said the "
                    "Plainfield reader.\n", encoding="utf-8")
    assert cli.main([str(feed), "--book", str(tmp_path / "b"), "-q"]) == 0
    config = (tmp_path / "b" / "_config.yml").read_text(encoding="utf-8")
    assert "title: 'Newsletter 2026: an interactive reader'" in config


def test_a_us_english_copy_keeps_its_dates_as_written(tmp_path):
    """FreshRSS in US English writes "December 6th 2026 at 7:32 am": read, shown and quoted
    as written (the book-at-a-glance rows quote the date line)."""
    lines = ["Normal view", "", "Today — December 6th 2026Main stream", "", "Tide Tables", "",
             "December 6th 2026 at 7:32 pm", "", "The tide rose by 2 metres on 3 December "
             "2026.", "", "Before yesterdayMain stream", "", "Fog Notes", "",
             "November 30th 2026 at 12:05 am", "", "Fog closed the port in 2025 and 2026.", ""]
    feed = tmp_path / "us.txt"
    feed.write_text("\n".join(lines), encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (book / "chapters").glob("*.md")}
    assert set(pages) == {"2026-12-06-tide-tables", "2026-11-30-fog-notes"}
    assert "**Published** December 6th 2026 at 7\\:32 pm" in pages["2026-12-06-tide-tables"]
    rows = list(csv.DictReader(io.StringIO(
        (book / "data/generated/book_articles.csv").read_text(encoding="utf-8"))))
    for r in rows:
        assert lines[int(r["line"]) - 1] == r["quote"]
    assert {r["quote"] for r in rows} == {lines[6], lines[14]}


@pytest.mark.parametrize("lang, view, today, date, later", [
    ("fr", "Vue normale", "Aujourd’hui — 6 décembre 2026Flux principal",
     "6 décembre 2026 à 19:32", "30 novembre 2026 à 00:05"),
    ("de", "Normale Ansicht", "Heute — 06. Dezember 2026Haupt-Feeds",
     "06. Dezember 2026 um 19:32", "30. November 2026 um 00:05"),
    ("pt-br", "Visualização normal", "Hoje — 6 de Dezembro de 2026Stream principal",
     "6 de Dezembro de 2026, 19:32", "30 de Novembro de 2026, 00:05"),
    # (a Spanish reader's locale writes "a las"; FreshRSS's own es table writes "at")
    ("es", "Vista normal", "Hoy — 6 de diciembre de 2026Flujo principal",
     "6 de diciembre de 2026 a las 19:32", "30 de noviembre de 2026 a las 00:05"),
])
def test_a_copy_from_freshrss_in_another_language_is_read(tmp_path, lang, view, today, date,
                                                          later):
    """FreshRSS's interface in French, German, Portuguese (and more) writes its furniture
    and date lines in that language: the furniture is dropped, the dates read, shown and
    quoted as written."""
    lines = [view, "", today, "", "Tide Tables", "", date, "", "The tide rose by 2 metres on "
             "3 December 2026.", "", "Fog Notes", "", later, "", "Fog closed the port in "
             "2025 and 2026.", ""]
    feed = tmp_path / f"{lang}.txt"
    feed.write_text("\n".join(lines), encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (book / "chapters").glob("*.md")}
    assert set(pages) == {"2026-12-06-tide-tables", "2026-11-30-fog-notes"}
    tide = pages["2026-12-06-tide-tables"]
    assert f"**Published** {date.replace(':', chr(92) + ':').replace(',', chr(92) + ',')}" \
        .replace(".", "\\.") in tide.replace("\\-", "-")
    assert view not in tide and "2026Flux" not in tide and "Haupt-Feeds" not in tide \
        and "Flujo" not in tide
    rows = list(csv.DictReader(io.StringIO(
        (book / "data/generated/book_articles.csv").read_text(encoding="utf-8"))))
    assert {r["quote"] for r in rows} == {date, later}
    for r in rows:
        assert lines[int(r["line"]) - 1] == r["quote"]


LANTERN = (
    "Normal view\n\nBefore yesterdayThe Lantern\n\n"
    "On walking slowly\n\n28 November 2026 at 06:00\n\n"
    "Some mornings the best thing is to walk without a plan. The streets are quiet.\n\n"
    "I like the sound of shutters going up. It tells me the day has started.\n\n"
    "Walking slowly is not a trick. It is a way of noticing what is there.\n\n"
    "Subscribe to The Lantern\n\n"
    "Subscribe to the bakery's list, my neighbour says.\n\n"
    "Subscribe to The Other Letter\n\n"
    "A single question\n\n14 November 2026 at 21:30\n\n"
    "What would you keep if you could keep only one letter? Mine is short. It says thank "
    "you.\n")


def test_a_feeds_own_subscribe_button_is_chrome(tmp_path):
    """"Subscribe to X" (the button of newsletter tools other than Substack) is dropped
    when X is the feed's name, as FreshRSS's day separator shows it; other lines that
    open the same way stay."""
    book = book_of(tmp_path, LANTERN)
    text = "".join(p.read_text(encoding="utf-8") for p in (book / "chapters").glob("*.md"))
    text = text.replace("\\", "")
    assert "Subscribe to The Lantern" not in text
    assert "Subscribe to the bakery's list, my neighbour says." in text
    assert "Subscribe to The Other Letter" in text


def test_prose_with_no_facts_gets_its_shape_and_a_publication_timeline(tmp_path):
    """Articles with no date, number, name or section still get a chart each (words per
    paragraph, or per sentence for a one-paragraph article: one bar would show nothing a
    sentence could not), and the book a timeline of when each was published, quoting
    each date line."""
    book = book_of(tmp_path, LANTERN)
    lines = LANTERN.split("\n")
    walk = rows(book, "auto_2026_11_28_on_walking_slowly_paragraphs")
    assert [int(r["words"]) for r in walk] == [
        len(p.split()) for p in LANTERN.split("\n\n")[4:7]] + [8]  # (the last line: a heading)
    assert walk[0]["paragraph"] == "1. Some mornings the best thing is…"
    question = rows(book, "auto_2026_11_14_a_single_question_sentences")
    assert [r["quote"] for r in question[:3]] == [
        "What would you keep if you could keep only one letter?", "Mine is short.",
        "It says thank you."]
    assert [r["sentence"][:3] for r in question] == ["1. ", "2. ", "3. "]
    for name in ("paragraphs", "sentences"):
        assert not list((book / "data" / "generated").glob(f"*_{name[:-1]}.csv"))
    events = rows(book, "book_events")
    assert [(r["date"], r["quote"]) for r in events] == [
        ("2026-11-14", "14 November 2026 at 21:30"), ("2026-11-28", "28 November 2026 at 06:00")]
    for r in events:
        assert lines[int(r["line"]) - 1] == r["quote"]
    timeline = (book / "timeline.md").read_text(encoding="utf-8").replace("\\", "")
    assert "No date was found in the articles' text" in timeline
    assert "- **2026-11-14** published — [A single question](#p-2026-11-14-a-single-question" \
        in timeline
    assert "When each article was published" in specs(book)["book_timeline"]["title"]


LEDGER = (
    "Normal view\n\nToday — 4 December 2026Ledger Lines\n\n"
    "Rates and rents\n\n4 December 2026 at 07:05\n\nBy Priya Natarajan\n\n"
    "Rents in Riverside rose 7.1% in 2025 and 5.4% in 2026, the council said.\n\n"
    "District\tMedian rent\tChange\nRiverside\t€1,450\t+5.4%\nOld Town\t€1,720\t+3.9%\n\n"
    "— Mayor Tomás Ferreira, speaking to the council\n\n")


@pytest.mark.parametrize("file_name, body, title", [
    ("ledger-lines-freshrss-2026.txt", LEDGER, "Ledger Lines 2026"),  # the file names it
    ("feed.txt", LEDGER + "Share Ledger Lines\n", "Ledger Lines 2026"),  # its Share button
    ("feed.txt", LEDGER, "Newsletter 2026"),  # a stream's name alone may be a category's
    # the articles write it ("you signed up for Ledger Lines"), besides the separators
    ("feed.txt", LEDGER + "You signed up for Ledger Lines at the fete.\n\n", "Ledger Lines 2026"),
])
def test_the_feed_name_a_day_separator_shows_titles_the_book_when_confirmed(
        tmp_path, file_name, body, title):
    feed = tmp_path / file_name
    feed.write_text(body, encoding="utf-8")
    assert cli.main([str(feed), "--book", str(tmp_path / "b"), "-q"]) == 0
    config = (tmp_path / "b" / "_config.yml").read_text(encoding="utf-8")
    assert f"title: '{title}: an interactive reader'" in config


def test_a_by_line_a_table_and_a_source_line_keep_their_roles(tmp_path):
    """"By Priya Natarajan" under the date is the byline (in the page header, once), a
    table copied as text stays a table, and "— Mayor …" is a paragraph, not a heading."""
    book = book_of(tmp_path, LEDGER)
    [page] = (book / "chapters").glob("*.md")
    text = page.read_text(encoding="utf-8")
    assert "\nauthor: Priya Natarajan\n" in text
    assert text.count("Priya Natarajan") == 2 and "**By** Priya Natarajan" in text
    assert "| District | Median rent | Change |\n|---|---|---|\n| Riverside | €1\\,450 | " \
        "\\+5\\.4\\% |" in text
    assert "\n— Mayor Tomás Ferreira\\, speaking to the council\n" in text
    assert "## — Mayor" not in text and "## By" not in text


def test_a_post_with_no_text_says_so(tmp_path):
    """An empty post (a cut-off copy, or a post of only an image) is not a blank page."""
    book = book_of(tmp_path, "Normal view\n\nFull\n\n2 May 2026 at 09:00\n\nSome text here.\n\n"
                             "Empty days\n\n1 May 2026 at 09:00\n\n")
    pages = {p.stem: p.read_text(encoding="utf-8") for p in (book / "chapters").glob("*.md")}
    assert "has no text in the copy" in pages["2026-05-01-empty-days"]
    assert "has no text in the copy" not in pages["2026-05-02-full"]


def test_the_intro_says_what_the_posts_were_read_from_in_plain_english():
    """"Five Harbour Ledger posts" (not "Five The Harbour Ledger posts"), and a feed's
    posts are not said to be saved from FreshRSS."""
    from datetime import datetime

    from newsbook import bookinfo
    from newsbook.model import Article
    from newsbook.plan.models import BookSettings

    def art(rich: bool, day: int) -> Article:
        return Article("T", datetime(2026, 9, day), (), (), 1, publication="The Harbour Ledger",
                       rich=rich)
    text = bookinfo.settings([art(False, 1), art(False, 2)], BookSettings(), 3)["intro"]
    assert text.startswith("Two Harbour Ledger posts from September 2026, as saved from the "
                           "FreshRSS reader,"), text
    feed = bookinfo.settings([art(True, 1)], BookSettings(), 0)["intro"]
    assert "One Harbour Ledger post from 1 September 2026, as read from the newsletter's " \
        "feed," in feed and "FreshRSS" not in feed
    both = bookinfo.settings([art(True, 1), art(False, 2)], BookSettings(), 0)["intro"]
    assert "as saved from the FreshRSS reader and its feed" in both
    # (no footnote in any post: the intro does not promise them)
    assert "footnotes" not in text and "every point traces to a quote" in text


def test_a_bars_opening_quote_ends_at_a_word_border():
    from newsbook.autocharts import _head
    text = "The lifts open on November 26, if it stays cold, and the " + "snow holds " * 10
    head = _head(text)
    assert len(head) <= 100 and text.startswith(head) and text[len(head)] == " "
    assert _head("Short.") == "Short."


def test_the_newsletters_own_name_is_no_one_it_names():
    from newsbook.people import candidates_of
    names = {"The Harbour Ledger": 1, "Harbour Ledger": 1, "Ines Varga": 1}
    said = [("a", "The editor of the paper is Ines Varga, and this is the Harbour Ledger.", 1)]
    assert candidates_of(names, said, "The Harbour Ledger") == {"Ines Varga": "person"}
    assert "Harbour Ledger" in candidates_of(names, said)


def test_an_export_of_several_newsletters_names_each():
    """A category's export holding two newsletters, three posts each: both are named (a tie
    named whichever came first); one with a single post of eight is not."""
    from datetime import datetime

    from newsbook import bookinfo
    from newsbook.model import Article
    from newsbook.plan.models import BookSettings

    def art(pub: str, day: int) -> Article:
        return Article("T", datetime(2026, 3, day), (), (), 1, publication=pub, rich=True)
    mixed = [art(p, d) for d, p in enumerate(["Bitwise Weekly", "The Garden Post"] * 3, 1)]
    got = bookinfo.settings(mixed, BookSettings(), 2)
    assert got["title"] == "Bitwise Weekly and The Garden Post 2026: an interactive reader"
    assert got["intro"].startswith("Six posts of Bitwise Weekly and The Garden Post from March "
                                   "2026")
    one = [art("Bitwise Weekly", d) for d in range(1, 8)] + [art("The Garden Post", 9)]
    got = bookinfo.settings(one, BookSettings(), 2)
    assert got["title"].startswith("Bitwise Weekly 2026")
    # (the intro does not say that the other's post is one of Bitwise Weekly's)
    assert got["intro"].startswith("Eight posts of Bitwise Weekly and one other newsletter "
                                   "from March 2026, as read from the newsletters' feeds,")


def test_an_export_of_several_newsletters_has_a_part_for_each(tmp_path):
    """Uncurated, a FreshRSS export of three newsletters: one part of the contents per
    newsletter (by their counts, then the newest post), and the timeline's rows say which."""
    import json
    items = []
    for n, (feed, title, text) in enumerate([
            ("Kernel & Kettle", "Cache lies", "The cluster was rebuilt in March 2024."),
            ("Brackenford Past & Present", "The flood", "The river rose in February 1883."),
            ("The Thrift Gap", "Saving", "Households saved less in 2019 than in 2009."),
            ("Brackenford Past & Present", "The fire", "The Corn Exchange burned in 1911."),
    ]):
        items.append({"id": f"i{n}", "title": title, "published": 1767225600 + n * 86400,
                      "origin": {"title": feed, "streamId": f"feed/{feed[:3]}"},
                      "alternate": [{"href": f"https://example.net/{n}"}],
                      "content": {"content": f"<p>{text}</p>"}})
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "starred.json").write_text(json.dumps({"id": "starred", "items": items}),
                                      encoding="utf-8")
    from newsbook.cli import main
    assert main(["-q", "--book", str(tmp_path)]) == 0
    toc = (tmp_path / "_toc.yml").read_text(encoding="utf-8")
    captions = [ln.split(": ", 1)[1] for ln in toc.splitlines() if "caption:" in ln]
    assert captions == ["Brackenford Past & Present", "The Thrift Gap", "Kernel & Kettle",
                        "Across the book"], toc
    assert toc.index("the-fire") < toc.index("Kernel")
    events = (tmp_path / "data" / "generated" / "book_events.csv").read_text(encoding="utf-8")
    assert ",The flood,Brackenford Past & Present," in events, events
    # (the book at a glance quotes each post's date as the export writes it, verbatim)
    import csv
    rows = list(csv.DictReader((tmp_path / "data" / "generated" / "book_articles.csv").open(
        encoding="utf-8")))
    source = (raw / "starred.json").read_text(encoding="utf-8")
    assert rows and all(f'"published": {r["quote"]},' in source for r in rows), rows


def test_an_article_in_german_names_no_one_by_one_capital():
    """Every German noun has a capital ("Der Senat", "Prozent"): an article that does not
    read as English gives the people page only runs of two capitalised words or more, no
    article or pronoun among them ("Miriam Köhnke"; a French book's "Mirela Ionescu" in
    four articles had no people page at all); an English one any name."""
    from newsbook.people import candidates_of, reads_english
    german = [("a", "Der Senat will den Hafen ausbauen, und die Kosten sind nicht klar. Das "
                    "ist ein Problem für die Stadt und den Bund.", 1)]
    english = [("a", "The senate wants to expand the port, and the cost is not clear. That is "
                     "a problem for the city.", 1)]
    assert not reads_english(german) and reads_english(english)
    names = {"Der Senat": 1, "Miriam Köhnke": 1, "Prozent": 1, "Kohlhaas": 1}
    assert list(candidates_of(names, german)) == ["Miriam Köhnke"]
    assert list(candidates_of(names, english)) == ["Der Senat", "Miriam Köhnke", "Prozent",
                                                   "Kohlhaas"]


def test_a_name_opening_a_sentence_is_not_cut_to_its_last_word():
    """A sentence's first word is capitalised for that alone only when it is a word that
    opens sentences ("Between March …": no name); "Ben Okafor wrote …" begins with a name,
    listed whole, never cut to "Okafor"."""
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.reference import names_anywhere
    art = Article("T", datetime(2026, 3, 1), (Paragraph("Ben Okafor wrote the report.", 1),
                                              Paragraph("We asked Grace Liu about it.", 2),
                                              Paragraph("Between March and May it rained.", 3),
                                              Paragraph("Mayor Ines Calloway said so.", 4)),
                  (), 1)
    names = [e.term for e in names_anywhere([(art, "t")])]
    assert names == ["Ben Okafor", "Grace Liu", "Ines Calloway"]


def test_the_newsletters_own_name_joins_no_articles():
    """"Fotos: Agua y Surco." and a feed's footer named the newsletter in every post: its
    words ("Agua", "Surco") were the names a post shared with the others."""
    from datetime import datetime

    from newsbook.connections import names_in
    from newsbook.model import Article, Paragraph
    text = "Fotos: Agua y Surco. Rafael Ortuño spoke in Almería for Agua y Surco."
    art = Article("T", datetime(2024, 1, 1), (Paragraph(text, 5),), (), 1,
                  publication="Agua y Surco")
    assert set(names_in(art, "t", [("p", text, 5)], {})) == {"Rafael Ortuño", "Almería"}


def test_a_word_opening_a_sentence_after_a_marker_a_time_or_an_emoji_is_no_name():
    """"… in 2019.2 Raising the pool", "[00:00:21] Badly, some weeks", "🧠 Deep dives": the
    names glossary listed Raising, Badly and Deep."""
    from newsbook.connections import opens_sentence
    for text, word in (("traffic of 2019.2 Raising the pool", "Raising"),
                       ("[00:00:21] Badly, some weeks", "Badly"), ("🧠 Deep dives", "Deep")):
        assert opens_sentence(text, text.index(word)), word
    assert not opens_sentence("they met Wang Lijun", 9)


def test_in_german_a_capitalised_noun_is_no_name():
    """German writes every noun with a capital: the glossary of a German newsletter listed
    226 "names" ("Prozent", "Angaben", "Sie") and its connections charts joined articles
    by them. There only runs of two capitalised words or more are names; in Spanish,
    which does not, "Almería" still is one."""
    from datetime import datetime

    from newsbook.connections import names_in
    from newsbook.model import Article, Paragraph
    text = ("Die Inflation lag bei 2 Prozent, sagte Johanna Brecht von der Deutschen "
            "Bundesbank. Die Angaben sind vorläufig und der Bericht ist nicht fertig, "
            "schreiben Sie uns.")
    art = Article("T", datetime(2026, 1, 1), (Paragraph(text, 5),), (), 1)
    assert set(names_in(art, "t", [("p", text, 5)], {})) == {"Johanna Brecht",
                                                            "Deutschen Bundesbank"}


def test_a_names_sentence_does_not_end_at_an_abbreviation_or_a_days_point():
    """The glossary quoted "Sie steht seit 2009 im Grundgesetz, in Art." and "Dezember 2019
    ging die erste Ausgabe …" (split after "Am 2."): a name's sentence is found as the
    facts' quotes are."""
    from newsbook.connections import sentence_around
    t = ("Sie steht im Grundgesetz, in Art. 115, und wurde ausgesetzt. Am 2. Dezember 2019 "
         "ging die erste Ausgabe raus. Dr. Ng said so.")
    assert sentence_around(t, t.index("Grundgesetz")) == t[:t.index(" Am 2.")]
    assert sentence_around(t, t.index("Ausgabe")).startswith("Am 2. Dezember")
    assert sentence_around(t, t.index("Ng")) == "Dr. Ng said so."


def test_a_name_with_its_title_opening_a_sentence_and_a_possessive_before_a_title():
    """"Mrs Ashdown, the woman who kept bees, …" opens a sentence: her title shows she is a
    name (she was left out); "Harriet Quayle’s The Unhurried Garden" is a writer and her
    book, not one name."""
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.reference import names_anywhere
    art = Article("T", datetime(2026, 3, 1), (
        Paragraph("I did not plant it. Mrs Ashdown, the woman who kept bees, told me.", 1),
        Paragraph("I reread Harriet Quayle’s The Unhurried Garden last week.", 2)), (), 1)
    assert [e.term for e in names_anywhere([(art, "t")])] == [
        "Mrs Ashdown", "Harriet Quayle", "Unhurried Garden"]


def test_a_name_in_a_list_is_quoted_from_its_own_item():
    """Two bullets, "… voting no." and "Tabled a proposal to rename Depot Park until Feb.
    3.", were quoted as one sentence ("no." ends no sentence), which no line holds."""
    from datetime import datetime

    from newsbook.model import Article, ListBlock, ListItem
    from newsbook.reference import names_anywhere
    items = (ListItem("Passed the rental rule, with Kim Lee voting no.", 1, (), "•"),
             ListItem("Tabled a proposal to rename Depot Park until Feb. 3.", 2, (), "•"))
    art = Article("T", datetime(2026, 1, 10), (ListBlock(False, items, 1),), (), 1)
    got = {e.term: e.gloss for e in names_anywhere([(art, "t")])}
    assert got["Depot Park"] == "Tabled a proposal to rename Depot Park until Feb. 3."
    assert got["Kim Lee"] == "Passed the rental rule, with Kim Lee voting no."


def test_a_chart_placed_after_a_list_is_drawn(tmp_path):
    """An agenda whose dates are all in a list: its timeline is placed after the list. The
    list's text for placing charts and the page's had come apart, and the chapter had no
    chart at all."""  # (the list opens the post: no paragraph before it takes the chart)
    feed = tmp_path / "agenda.txt"
    feed.write_text("Normal view\n\nAgenda\n\n2 June 2025 at 08:00\n\n  • Op 10 juni 2025: "
                    "fietscongres in Assen.\n\n  • On 20 June 2025 the new bridge opens.\n\n"
                    "  • On 28 June 2025 the ride to Zwolle.\n\nSee you there.\n",
                    encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    (page,) = (book / "chapters").glob("*.md")
    text = page.read_text(encoding="utf-8")
    assert ":newsbook-chart: 2025_06_02_agenda_timeline" in text


def test_an_automatic_chart_whose_block_is_not_found_stands_after_the_last_text(
        tmp_path, monkeypatch):
    """A chart's block not found in the page (as when the list's texts came apart) was
    dropped without a word, and the chapter had no chart: it now stands after the
    article's last text."""
    from newsbook.model import ListBlock
    from newsbook.writers import myst_page
    plain = myst_page._plain
    monkeypatch.setattr(myst_page, "_plain", lambda b: " ".join(i.text for i in b.items)
                        if isinstance(b, ListBlock) else plain(b))
    feed = tmp_path / "agenda.txt"
    feed.write_text("Normal view\n\nAgenda\n\n2 June 2025 at 08:00\n\n  • On 10 June 2025 the "
                    "congress.\n\n  • On 20 June 2025 the new bridge opens.\n\n  • On 28 June "
                    "2025 the ride to Zwolle.\n\nSee you there.\n", encoding="utf-8")
    book = tmp_path / "b"
    assert cli.main([str(feed), "--book", str(book), "-q"]) == 0
    (page,) = (book / "chapters").glob("*.md")
    text = page.read_text(encoding="utf-8")
    assert ":newsbook-chart: 2025_06_02_agenda_timeline" in text
    assert text.index(":newsbook-chart:") > text.index("See you there")


def test_a_contraction_is_no_name():
    """"I’ll" in three articles was the people page's only name."""
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.reference import names_anywhere
    art = Article("T", datetime(2026, 3, 1), (
        Paragraph("This year I’ll say it again. We’re close. Ruth Kessling agrees.", 1),), (), 1)
    assert [e.term for e in names_anywhere([(art, "t")])] == ["Ruth Kessling"]
    from newsbook.connections import _name_of_run
    assert _name_of_run("I’ll") == ("", False) and _name_of_run("O’Brien") == ("O’Brien", True)


def test_a_name_in_a_long_sentence_is_quoted_with_the_stretch_that_holds_it():
    """A sentence over 300 characters was cut at its opening 300, which held neither
    "Co-op" nor "Mafeking Road": the glossary quoted words that did not name its term."""
    from newsbook.connections import sentence_around
    t = ("I got on the 19 at the stop by the library and " + "we rode on and on past the "
         "fields and the houses " * 6 + "until the Co-op on Mafeking Road where her husband "
         "still cannot find the thing he wants")
    q = sentence_around(t, t.index("Co-op"))
    assert "Co-op" in q and q in t and len(q) <= 300


def test_a_sponsors_words_are_counted_once_in_the_articles_shape(tmp_path):
    """An aside shares its first paragraph's anchor: the sponsor's words were counted twice
    in the opening's bar of the words-per-section chart."""
    feed = tmp_path / "f.txt"
    feed.write_text(
        "Normal view\n\nSoup\n\n2 March 2026 at 08:00\n\nThis post is brought to you by Pot & "
        "Pan. Visit potandpan.example for pans.\n\nWe made soup on a cold day and it was good "
        "soup.\n\nThe Method\n\nChop the onions, then the carrots, then everything else that "
        "is left.\n", encoding="utf-8")
    assert cli.main([str(feed), "--book", str(tmp_path / "b"), "-q"]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "b" / "data" / "generated" /
                                            "auto_2026_03_02_soup_sections.csv").read_text(
        encoding="utf-8"))))
    assert [(r["section"], int(r["words"])) for r in rows] == [("Opening", 14 + 12),
                                                               ("The Method", 12)]


def test_the_newsletters_name_is_no_one_and_a_titled_name_is_someone(tmp_path):
    """"The Clinical Margin" names the book; "Clinical Margin", which two posts share (the
    article "The" opens no name), was the people page's only entry, and "Dr. Lucía
    Ferreira", whom one post interviewed, was not on it."""
    post = ("{title}\n\n{day} March 2025 at 09:00\n\nDr. Priya Hale is the editor of The "
            "Clinical Margin. {text}\n")
    thanks = ("\nThanks for reading The Clinical Margin! Subscribe for free to receive new "
              "posts and support my work.\n")
    # (the second post has no stock line: its own publication is unknown)
    copy = "Normal view\n\n" + "\n".join(post.format(title=t, day=d, text=x) + end
                                          for t, d, x, end in [
        ("Statins after 75", 20, "Dr. Ana Ruiz led the trial with Dr. Priya Hale.", thanks),
        ("Welcome", 14, "Dr. Ana Ruiz will write for us. We asked Senator Ada Cole and "
         "Omar Bell.", ""),
        # (one who speaks in an interview is a person too)
        ("Podcast", 10, "A podcast hosted by Jordan Blake with Evelyn Cho.\n\nJordan Blake: "
         "Welcome.\n\nEvelyn Cho: Thanks.\n\nJordan Blake: Why now?\n\nEvelyn Cho: Because "
         "the chips are late.", "")])
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "copy.txt").write_text(copy, encoding="utf-8")
    from newsbook.cli import main
    assert main(["-q", "--book", str(tmp_path)]) == 0
    people = (tmp_path / "people.md").read_text(encoding="utf-8")
    assert "Ana Ruiz" in people and "Priya Hale" in people
    assert "Margin" not in people.split("\n## ", 1)[1], people
    # (one article names a person with a title: a person's name; without one, none yet)
    assert "Ada Cole" in people and "Omar Bell" not in people
    assert "Jordan Blake" in people and "Evelyn Cho" in people
