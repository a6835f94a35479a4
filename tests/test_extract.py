"""The extraction stage: golden fixtures (tests/fixtures/extract/*.txt) and exact truths
about the bundled copy."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from conftest import FEED, STEMS, check_golden, read_cases
from newsbook.extract import extract_article, extract_text, facts_rows
from newsbook.readers import read

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
GOLDEN = sorted(FIXTURES.glob("*.txt"))
FEED_HEADER = "T\n\n1 May 2025 at 10:00\n\n"


def num(v) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(v)


def facts_of(given: str):
    """``@published YYYY-MM-DD`` sets the date; ``@feed`` reads the rest as a FreshRSS
    article (lists, footnotes, turns, asides) instead of one paragraph per line."""
    lines = given.split("\n")
    published = None
    if lines and lines[0].startswith("@published "):
        published = datetime.fromisoformat(lines.pop(0).split()[1])
    if lines and lines[0] == "@feed":
        feed = read(FEED_HEADER + "\n".join(lines[1:]), source="case.txt").feed
        return extract_article(feed.articles[0], "t")
    return extract_text("\n".join(lines), published=published)


def render(given: str) -> str:
    f = facts_of(given)
    out = [f"date | {d.when} | {d.start}..{d.end} | {d.precision}" for d in f.dates]
    out += [f"qty | {q.text} | {num(q.value)}..{num(q.high)} | {q.scale} | {q.unit} | {q.qualifier}"
            for q in f.quantities]
    out += ["series | " + s.measure + " | " + "; ".join(
        f"{p.period}={num(p.quantity.value)}" for p in s.points) for s in f.series]
    out += [f"speaker | {s.section} | {s.speaker} | {s.words} words | {s.turns} turns"
            for s in f.speakers]
    out += [f"term | {t.term} | {t.lang} | {t.gloss} | {t.pinyin}" for t in f.terms]
    return "\n".join(out) or "(none)"


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden(path, regen):
    check_golden(path, render, regen)


def test_enough_golden_cases():
    assert sum(len(read_cases(p)) for p in GOLDEN) >= 60


def test_every_quote_is_verbatim_in_goldens():
    for path in GOLDEN:
        for _, given, _ in read_cases(path):
            f = facts_of(given)
            for fact in f.dates + f.quantities + f.terms:
                assert fact.quote and fact.quote in given, fact
            for d in f.dates:
                assert d.when in d.quote and len(d.label) <= 81
            for q in f.quantities:
                assert q.text in q.quote


# ------------------------------------------------------------------ the bundled copy
@pytest.fixture(scope="module")
def bundled():
    arts = read(FEED.read_text(encoding="utf-8"), source=FEED.name, hints={}).feed.articles
    return {s: (a, extract_article(a, s)) for a, s in zip(arts, STEMS)}


def test_hangzhou_vc_quantities_exact(bundled):
    _, f = bundled["2025-07-09-how-hangzhou-spawned-deepseek-and-unitree"]
    vc = [(q.text, q.value, q.scale, q.unit) for q in f.quantities if q.line == 1034
          and q.scale == "billion"]
    assert vc == [("88.42 billion USD", 88.42, "billion", "USD"),
                  ("5.38 billion", 5.38, "billion", "USD"),
                  ("17.32 billion", 17.32, "billion", "USD"),
                  ("0.75 billion", 0.75, "billion", "USD")]
    # the text gives two points per fund type, 2022 and 2024: too few for a series
    assert f.series == ()
    gain = [(q.text, q.value) for q in f.quantities if q.line == 1044]
    assert gain == [("2107.4 billion RMB", 2107.4), ("4851.0 billion RMB", 4851.0)]


def test_hundred_lens_war_term(bundled):
    _, f = bundled["2025-05-28-chinas-hundred-lens-war"]
    t = next(t for t in f.terms if t.term == "百镜大战")
    assert (t.gloss, t.lang, t.pinyin, t.line) == ("Hundred Lens War", "zh", "bǎi jìng dà zhàn",
                                                   1505)
    assert "“Hundred Lens War” (百镜大战)" in t.quote


def test_japan_interview_speakers(bundled):
    _, f = bundled["2025-07-24-where-japan-goes-next"]
    turns = {}
    for s in f.speakers:
        turns[s.speaker] = turns.get(s.speaker, 0) + s.turns
    assert turns == {"Tobias Harris": 32, "Jordan Schneider": 33}
    assert [(s.section, s.speaker, s.turns) for s in f.speakers] == [
        ("Japan Makes a Deal, Ishiba Resigning?", "Tobias Harris", 3),
        ("Japan Makes a Deal, Ishiba Resigning?", "Jordan Schneider", 3),
        ("LDP in Crisis and Japanese Political Economy", "Jordan Schneider", 14),
        ("LDP in Crisis and Japanese Political Economy", "Tobias Harris", 14),
        ("Structural Stagnation and the Impact of Foreign Policy", "Jordan Schneider", 16),
        ("Structural Stagnation and the Impact of Foreign Policy", "Tobias Harris", 15)]
    assert all(s.words > 0 for s in f.speakers)
    # a lost image's caption inside a turn is not the speaker's words (20 + 86 of them);
    # his "地盤", "看板" and "鞄" count a word per character, as reading time counts them
    words = {(s.section[:3], s.speaker): s.words for s in f.speakers}
    assert words[("LDP", "Tobias Harris")] == 4741 and words[("Str", "Jordan Schneider")] == 548
    japanese = {t.term: t.lang for t in f.terms}
    assert japanese["参政党"] == japanese["公明党"] == japanese["地盤"] == "ja"


def test_known_dates_on_bundled_copy(bundled):
    _, f = bundled["2025-12-15-ccp-purges-as-camp"]
    got = {(d.when, d.start, d.end, d.precision) for d in f.dates}
    assert ("1967-1972", "1967", "1972", "range") in got
    assert ("October 25th, 2012", "2012-10-25", "2012-10-25", "day") in got
    assert ("between 2004 and 2006", "2004", "2006", "range") in got
    _, f = bundled["2025-08-25-notes-on-kyrgyzstan"]
    got = {(d.when, d.start, d.end, d.precision) for d in f.dates}
    assert ("between December 2018 and January 2019", "2018-12", "2019-01", "range") in got
    assert ("This month", "2025-08", "2025-08", "month") in got


def test_asides_and_footnotes_are_skipped(bundled):
    from newsbook.model import Aside, walk
    for stem in ("2025-06-20-hovercraft-invasion-labubu-tea", "2025-05-28-chinas-hundred-lens-war",
                 "2025-05-30-the-cold-war-history-of-export-controls"):
        a, f = bundled[stem]
        inside = {x.line for b in walk(a.blocks) if isinstance(b, Aside) for x in walk(b.blocks)}
        assert inside
        assert not [x for x in f.dates + f.quantities + f.terms if x.line in inside]
        notes = {p.line for n in a.footnotes for p in n.paragraphs}
        assert not [x for x in f.dates + f.quantities + f.terms if x.line in notes]


def test_facts_rows_are_tidy(bundled):
    for _, f in bundled.values():
        rows = facts_rows(f)
        assert set(rows) == {"dates", "quantities", "series", "speakers", "terms"}
        for name, rs in rows.items():
            for r in rs:
                assert "quote" in r and "line" in r, name


def test_bundled_quotes_are_verbatim_in_their_blocks(bundled):
    from newsbook.extract import segments
    for stem, (a, f) in bundled.items():
        texts = {}
        for seg in segments(a, stem):
            texts.setdefault((seg.anchor, seg.line), []).append(seg.text)
        for fact in f.dates + f.quantities + f.terms:
            assert any(fact.quote in t for t in texts[(fact.anchor, fact.line)]), fact


def test_extraction_is_deterministic(bundled):
    """(its speed is measured by `make bench`, not asserted here: a loaded machine made a
    timed assertion fail by chance)"""
    arts = [a for a, _ in bundled.values()]
    first = [extract_article(a, s) for a, s in zip(arts, STEMS)]
    again = [extract_article(a, s) for a, s in zip(arts, STEMS)]
    assert first == again


def test_a_series_periods_are_no_timeline_events():
    """The years a series measures are drawn by its chart; they are not events (a chapter
    timeline of them repeated one sentence); a year the same text gives otherwise stays."""
    from newsbook.extract import events
    f = extract_text("The counters tallied 31,400 passes in 2019, 44,900 in 2020 and 61,250 "
                     "in 2025. The trail opened in 2012.")
    assert [d.when for d in f.dates] == ["2019", "2020", "2025", "2012"]
    assert len(f.series) == 1 and [d.when for d in events(f)] == ["2012"]


def test_two_values_each_stated_for_its_period_are_levels_not_events():
    """"84,000 tons in 1850 and just 21,000 in 1880" is no series (two points) and no two
    events: the years are when values were measured. Years of things done stay events;
    one level's year ("It earned $5m in 2022", "which was about 1.2 TWh in 2023", "in 2023
    were 37% below …", a season's "78% of passes in 2023/24") is none."""
    from newsbook.extract import events
    f = extract_text("The canal carried 84,000 tons in 1850 and just 21,000 in 1880. Revenue "
                     "was $428m in Q1 2025, $439m in Q2 2025. The firm hired 300 workers in "
                     "2019 and moved to Leeds in 2021. It earned $5m in 2022.")
    assert [d.when for d in events(f)] == ["2019", "2021"]
    f = extract_text("Curtailed output, which was about 1.2 TWh in 2023, is not counted. The "
                     "median was about two years in 2015. Net emissions in 2023 were 37% below "
                     "the 1990 level. Coal still produced 57% of electricity in 2024. "
                     "Goalkeepers completed 78% of passes in 2023/24. Emissions are roughly "
                     "where they were in 1990. The company raised $40 million in 2021.")
    assert [d.when for d in events(f)] == ["2021"]
    f = extract_text("La reserva pasó de 4.215,3 hm³ en 2019 a 3.102,8 hm³ en 2023. El consumo "
                     "cayó un 12,3 % en 2023 y un 4,1 % en 2024. La presa abrió en 1987.")
    assert [d.when for d in events(f)] == ["1987"]


def test_a_works_title_in_italics_and_a_publishers_year_date_nothing():
    """A book's subtitle in italics ("…, 1760–1850") and its publisher's year ("Corrant
    University Press, 2025") were drawn as events; a year beside mere emphasis stays."""
    from newsbook.readers.html import html_article
    html = ("<p>This month I read <em>Water Roads of the North: Canals and Their Carriers, "
            "1760–1850</em> by Ilse Varnham (Corrant University Press, 2025; 412 pages, £28). "
            "It covers the 1790s well, and <em>really</em> well in 1795.</p>")
    art = html_article(title="T", published=datetime(2026, 3, 1), html=html, source="f.xml",
                       line=1, diags=[])
    assert [d.when for d in extract_article(art, "t").dates] == ["the 1790s", "1795"]


def test_a_footnote_marker_after_a_full_stop_ends_the_sentence_quoted():
    """"… by March 2024.1 Meanwhile …": the quote is the sentence, whole, and the marker is
    in neither sentence (it began the quote mid-sentence and ran into the next one)."""
    from newsbook.model import Article, Paragraph
    text = ("Gauth’s strategy of using TikTok creators to advertise its app helped it explode in "
            "popularity, reaching nearly 700,000 downloads per day globally by March 2024.1 "
            "Meanwhile, the rival app launched in May 2024.")
    at = text.index("2024.1") + 5
    art = Article("t", datetime(2026, 1, 1), (Paragraph(text, 1, ((at, 1),)),), (), 1)
    quotes = {d.when: d.quote for d in extract_article(art, "t").dates}
    assert quotes == {"March 2024": text[:at], "May 2024": text[at + 2:]}


def test_a_fact_in_wrapped_prose_names_the_line_its_quote_starts_on():
    """Prose a text copy wrapped at a fixed width is one paragraph; each fact still names
    the source line its quote begins on, and that line holds the quote's opening words."""
    body = ("Dear friends, the rain has not stopped since the middle of September,\n"
            "and the drain has been full to the brim for six weeks. Old Mr. Whitlock\n"
            "has farmed the Ten Mile Bank since 1971, and he says he has not seen\n"
            "water lie like this since the autumn of 1968.\n")
    copy = FEED_HEADER + body
    art = read(copy, source="case.txt").feed.articles[0]
    lines = copy.split("\n")
    dates = extract_article(art, "t").dates
    assert [(d.when, d.line) for d in dates] == [("1971", 6), ("autumn of 1968", 6)]
    for d in dates:
        assert d.quote.startswith("Old Mr. Whitlock")
        assert lines[d.line - 1].endswith("Old Mr. Whitlock")


def test_lines_of_a_label_and_its_value_are_a_series_quoted_line_by_line():
    """A paragraph the author broke into "2021: 3,480" lines: each value quotes its own
    line, and names it; the lines make one series (not four loose numbers)."""
    body = ("The club has published its figures for the last four seasons, and here they are.\n"
            "\n"
            "Average attendance at Riverside Park, by season:\n"
            "2021: 3,480\n2022: 3,910\n2023: -\n2024: 4,020\n")
    copy = FEED_HEADER + body
    facts = extract_article(read(copy, source="case.txt").feed.articles[0], "t")
    lines = copy.split("\n")
    assert [(q.value, q.quote, q.line) for q in facts.quantities] == [
        (3480, "2021: 3,480", 8), (3910, "2022: 3,910", 9), (4020, "2024: 4,020", 11)]
    assert all(lines[q.line - 1] == q.quote for q in facts.quantities)
    assert [(p.period, p.quantity.value) for s in facts.series for p in s.points] == [
        ("2021", 3480), ("2022", 3910), ("2024", 4020)]


def test_last_year_is_marked_as_worked_out_from_the_publication_date():
    """"last year" is drawn as the year it names, but the text does not say which year:
    the timeline row says it was resolved (and is drawn hatched), as "last week" is."""
    from newsbook.extract.facts import derived_note
    f = extract_text("Sales beat last year. They fell in 2019.", published=datetime(2026, 10, 30))
    notes = {d.when: derived_note(d.precision, d.when) for d in f.dates}
    assert notes == {"last year": "resolved against the publication date", "2019": ""}


def test_a_day_with_no_year_is_marked_and_measures_no_series():
    """"On 3 June" is drawn in the year nearest the publication date, which the text does
    not give: the timeline row says so. Such days are never a series' periods (the year of
    "On 4 June sales were $30 million. On 11 June …" is not the text's)."""
    from newsbook.extract.facts import derived_note
    f = extract_text("On 3 June we reached Seville. On 4 June sales were $30 million. On 11 June "
                     "sales were $41 million. On 18 June sales were $52 million.",
                     published=datetime(2026, 6, 20))
    notes = {d.when: derived_note(d.precision, d.when) for d in f.dates}
    assert notes["3 June"] == "the text gives no year: the one nearest the publication date"
    assert [d.start for d in f.dates][:2] == ["2026-06-03", "2026-06-04"]
    assert f.series == ()


def test_a_days_ordinal_point_and_mio_end_no_sentence():
    """German text: "am 3. März 2024" and "86,4 Mio. Euro" stay in their sentence (a quote
    began at "März 2024 …" and ended at "… 86,4 Mio."); an English "scored 10." still ends."""
    from newsbook.extract.spans import sentences

    def said(t: str) -> list[str]:
        return [t[a:b] for a, b in sentences(t)]
    assert said("Es wurde am 3. März 2024 abgeschlossen. Danach kam mehr.") == [
        "Es wurde am 3. März 2024 abgeschlossen.", "Danach kam mehr."]
    assert len(said("Der Umsatz lag 2025 bei 86,4 Mio. Euro, die Belegschaft bei 410.")) == 1
    assert said("He scored 10. Then he left.") == ["He scored 10.", "Then he left."]
    # (a planning reference's "Ref." ends no sentence: a quote began at "26/00219/FUL")
    assert said("Ref. 26/00219/FUL – Change of use of a barn. Comments by 19 March.") == [
        "Ref. 26/00219/FUL – Change of use of a barn.", "Comments by 19 March."]
    # (a sentence opening with a guillemet, an inverted mark or an accented capital)
    assert said("Cultiva 37,5 hectáreas en 2024. «No hay agua», dice. ¿Y ahora? Él calla.") == [
        "Cultiva 37,5 hectáreas en 2024.", "«No hay agua», dice.", "¿Y ahora?", "Él calla."]


def test_a_post_written_in_chinese_or_japanese_has_no_han_terms_and_names_end_at_cjk():
    """In English, a Han run is a term to gloss ("a wǔxiá 武侠 novel"); in a post written in
    Chinese or Japanese it is a word of the text, and the glossary would list every clause.
    A capitalised name running into Japanese ("OpenAIへの巨額出資") is OpenAI."""
    from newsbook.connections import cut_run
    from newsbook.model import mostly_cjk
    zh = "2024年3月15日，华为在深圳发布了新一代昇腾910C芯片。本期我们采访了杭州一家创业公司的创始人陈涛。"
    assert mostly_cjk(zh) and not mostly_cjk("Our tale begins as a wǔxiá 武侠 novel, with Bo Xilai.")
    # (a third of the letters is the line, wherever the count takes its short cut)
    assert mostly_cjk("中文 abcd") and mostly_cjk("中文 ábcd") and not mostly_cjk("中文 abcdefg")
    assert extract_text(zh).terms == ()
    assert [t.term for t in extract_text("It began as a wǔxiá 武侠 novel.").terms] == ["武侠"]
    assert cut_run("OpenAIへの巨額出資が実際に") == "OpenAI" and cut_run("Bo Xilai") == "Bo Xilai"


def test_a_timeline_label_shows_the_date_it_is_for():
    """A long quote's label was its first 80 characters, which named another event than the
    date's ("1998: Sableport beat Ashby Town 6–0 on Saturday 14 September …" for the 7-1 of
    1998): a date past the cut gets the words around it."""
    f = extract_text("Sableport beat Ashby Town 6–0 on Saturday 14 September 2024, their "
                     "biggest league win since the 7-1 against Kestrel Rovers in 1998, and the "
                     "crowd of 31,000 sang throughout.")
    labels = {d.when: d.label for d in f.dates}
    assert labels["14 September 2024"].startswith("Sableport beat Ashby Town 6–0")
    assert "1998" in labels["1998"] and labels["1998"].startswith("…")
    assert all(len(x) <= 80 for x in labels.values())


def test_a_date_after_publication_is_hatched_as_a_plan_or_forecast():
    """"expected to reach $10bn by 2030" in a post of 2025 is no event: its row says so
    (and is hatched); a date in the publication's own year or month, or before, is not."""
    from newsbook.extract.facts import derived_note
    assert "forecast" in derived_note("year", "2030", "2030", "2025-11-06")
    assert "forecast" in derived_note("month", "December 2025", "2025-12", "2025-11-06")
    assert derived_note("year", "2025", "2025", "2025-11-06") == ""
    assert derived_note("month", "November 2025", "2025-11", "2025-11-06") == ""
    assert derived_note("year", "2019", "2019", "2025-11-06") == ""
    assert "no year" in derived_note("day", "August 1st", "2026-08-01", "2025-11-06")


def test_a_line_the_author_broke_off_is_its_own_sentence_in_quotes():
    """An episode's chapters typed one under another are one paragraph with line breaks:
    a date on one line was quoted with all seven lines run together."""
    from newsbook.model import Article, Paragraph
    lines = ["(12:05) Early days at the club", "(36:40) The first marathon: 2:19:03 in "
             "Eastport, 2021", "(48:55) Fuelling: 90 g of carbs an hour"]
    text = " ".join(lines)
    breaks = (len(lines[0]), len(lines[0]) + 1 + len(lines[1]))
    art = Article("t", datetime(2026, 4, 14), (Paragraph(text, 1, breaks=breaks),), (), 1)
    (d,) = extract_article(art, "t").dates
    assert d.quote == lines[1] and d.when == "2021"


@pytest.mark.parametrize("text, published, want", [
    ("It was 1 in January, 2 in February and 3 in March.", "2026-07-07",
     ["2026-01", "2026-02", "2026-03"]),
    # (months after the letter's own: last year's)
    ("It was 1 in January, 2 in February, 3 in March and 4 in April.", "2026-03-06",
     ["2025-01", "2025-02", "2025-03", "2025-04"]),
    ("It was 310 in November, 290 in December and 350 in January.", "2026-02-10",
     ["2025-11", "2025-12", "2026-01"]),
    ("It was 40 in January, 38 in December and 35 in November.", "2026-02-10",
     ["2026-01", "2025-12", "2025-11"]),
    ("It was 80 in March, 62 in July and 71 in January.", "2026-09-01", []),
    ("It was 1 in March, 2 in March and 3 in April.", "2026-09-01", []),
    ("It was 1 in January 2024, 2 in February and 3 in March 15.", "2026-09-01", []),
])
def test_months_a_listing_names_with_no_year(text, published, want):
    from newsbook.extract.months import bare_months
    got = bare_months(text, [], datetime.fromisoformat(published))
    assert [d.start for d in got] == want


def test_the_years_of_two_levels_are_no_events():
    """"Coverage fell from 94.1% in 2019 to 89.6% in 2024": two points make no series, and
    their years are when values were measured, no events; "moved from London in 2019"
    stays one."""
    from newsbook.extract import events
    fx = extract_text("Two-dose MMR coverage fell from 94.1% in 2019 to 89.6% in 2024. They "
                      "moved from London in 2019 to Leeds in 2021.")
    assert [d.when for d in fx.dates] == ["2019", "2024", "2019", "2021"]
    assert [d.when for d in events(fx)] == ["2019", "2021"]


def test_a_listings_bold_date_label_dates_its_item():
    """A Mailchimp events listing, "**Saturday 11 April, 10am–4pm**<br>Apple Blossom Day,
    …": the bold opening was read as a digest item's headline, so none of its dates was
    an event. A bold label of nothing but a date, weekdays and times dates its item; a
    headline's year ("**→ Bogotá sets its 2027 fare**") still dates nothing."""
    from datetime import timezone
    from newsbook.model import Article
    from newsbook.readers.html import html_blocks
    blocks, notes, _ = html_blocks(
        "<p>What's on this spring.</p><p><strong>Saturday 11 April, 10am–4pm</strong><br>"
        "Apple Blossom Day, Ludbridge Museum of Rural Life.</p><p><strong>Friday 12 – Sunday"
        " 14 June 2026</strong><br>Marches Folk Weekend, Kingsford.</p><p><strong>→ Bogotá "
        "sets its 2027 fare</strong> The city said so on Monday.</p>")
    art = Article("T", datetime(2026, 4, 2, tzinfo=timezone.utc), tuple(blocks), tuple(notes),
                  1, end_line=9, source="x.xml", rich=True)
    got = [(d.when, d.start, d.end) for d in extract_article(art, "t").dates]
    assert got == [("11 April", "2026-04-11", "2026-04-11"),
                   ("12 – Sunday 14 June 2026", "2026-06-12", "2026-06-14")]


def test_a_captions_since_is_what_its_chart_covers():
    """"Our polling average since January 2026. Chart: The Marginal": the caption says what
    the lost chart covers, as its "January to March" does; no event in January."""
    from datetime import timezone
    from newsbook.model import Article
    from newsbook.readers.html import html_blocks
    blocks, notes, _ = html_blocks(
        '<p>The average moved little.</p><figure><img src="https://m.example/a.png">'
        '<figcaption>Our polling average since January 2026. Chart: The Marginal</figcaption>'
        '</figure><p>Labour led in March 2026.</p>')
    art = Article("T", datetime(2026, 4, 28, tzinfo=timezone.utc), tuple(blocks), tuple(notes),
                  1, end_line=9, source="x.xml", rich=True)
    assert [d.when for d in extract_article(art, "t").dates] == ["March 2026"]


def test_a_paragraph_that_is_one_link_names_and_states_nothing():
    """A Mailchimp button, "Download the 2025 visitor report (PDF, 2.4 MB)", was an event
    in 2025; a paragraph that is one link names a document, as a heading does."""
    from datetime import timezone
    from newsbook.model import Article
    from newsbook.readers.html import html_blocks
    blocks, notes, _ = html_blocks(
        '<p>The report is out.</p><p><a href="https://x.example/r.pdf">Download the 2025 '
        'visitor report (PDF, 2.4 MB)</a></p><p>Visits rose in 2025, to 41,200 visits.</p>')
    art = Article("T", datetime(2026, 3, 12, tzinfo=timezone.utc), tuple(blocks), tuple(notes),
                  1, end_line=9, source="x.xml", rich=True)
    f = extract_article(art, "t")
    assert [d.quote for d in f.dates] == ["Visits rose in 2025, to 41,200 visits."]
    assert [q.text for q in f.quantities] == ["41,200 visits"]


def test_a_label_leaves_out_the_footnote_marker_glued_on():
    """A text copy glues a marker to its word ("Liang Boren1 in 2021", "约为37%2"): the
    chart's label reads without it; the quote, the receipt, keeps the text as it is."""
    f = facts_of("@feed\nThe plant opened in September 20241 after years of delay.\n\n1\n\n"
                 "First body.\n")
    (d,) = f.dates
    assert d.quote == "The plant opened in September 20241 after years of delay."
    assert d.label == "The plant opened in September 2024 after years of delay."


def test_a_references_section_runs_past_a_linked_entry_to_the_next_heading():
    """A reference list's entries are often links: one that is a link alone (a paragraph
    that "names only") ended the "References" section, so the entries after it dated events."""
    from datetime import timezone
    from newsbook.model import Article
    from newsbook.readers.html import html_blocks
    blocks, notes, _ = html_blocks(
        "<p>Ozone rose in 2024.</p><h2>References</h2><p><a href='https://doi.example/1'>"
        "Hartley, R. Ozone and heat.</a></p><p>Okafor, N. Smog over the Wash, published in "
        "2023.</p><h2>Next week</h2><p>The plant closes in 2026.</p>")
    art = Article("T", datetime(2025, 11, 7, tzinfo=timezone.utc), tuple(blocks), tuple(notes),
                  1, end_line=9, source="x.xml", rich=True)
    assert [d.when for d in extract_article(art, "t").dates] == ["2024", "2026"]


def test_questions_and_answers_of_no_one_named_get_no_speaker_shares():
    """A mailbag's "Q:"/"A:" (or Italian "D:"/"R:") with no one the introduction names:
    a chart of "A" beside "Q" says nothing; with the one named, the answers are theirs."""
    from newsbook.readers import read
    got = []
    for intro, q, a in [("Reader mail this week.", "Q", "A"),
                        ("Posta dei lettori di questa settimana.", "D", "R"),
                        ("This week I spoke with Marta Okonkwo, who runs the dock.", "Q", "A")]:
        body = (f"{intro}\n\n{q}: Why?\n\n{a}: Because it is so and always was.\n\n"
                f"{q}: When?\n\n{a}: Soon enough, I think, in spring.")
        art = read("Normal view\n\nT\n\n6 March 2026 at 07:00\n\n" + body + "\n",
                   source="t.txt").feed.articles[0]
        assert {t.speaker for t in art.blocks if hasattr(t, "speaker")} == {q, a}
        got.append([(s.speaker, s.words) for s in extract_article(art, "t").speakers])
    assert got == [[], [], [("Interviewer (Q)", 2), ("Marta Okonkwo (A)", 13)]]


def test_a_year_beside_a_finer_date_in_it_is_no_event_of_its_own():
    """"The 2025 edition, from 12 to 15 June 2025, drew 48,000": the year and the days were
    two events, and the book's timeline kept the year alone."""
    from newsbook.extract import events
    f = extract_text("The 2025 edition, from 12 to 15 June 2025, drew 48,000. The mill opened "
                     "in 2019; the school followed in 2021.")
    assert [d.when for d in events(f)] == ["12 to 15 June 2025", "2019", "2021"]
