"""A newsletter with no Chinese, Japanese or Korean terms and no abbreviations still gets
a glossary: the terms it coins and the names it describes (newsbook.extract.definitions),
or, when it defines nothing, the names it uses, each with the sentence first naming it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from smallbook import book_of
from newsbook.extract.definitions import find_definitions
from newsbook.people import ROLE_NOUNS

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, want", [
    ("Meridian Freight, a Rotterdam shipping firm, said so.",
     [("Meridian Freight", "a Rotterdam shipping firm", "described")]),
    # (French "a" before a participle is a verb: "…, a présenté les résultats" glosses nothing)
    ("Jean-Pierre Aubert, président de la CCI de Maine-et-Loire, a présenté les résultats.", []),
    # (a contraction or a possessive before the name is none of it)
    ("Hello. I’m Priya Natarajan-Hale, a keen runner who reads trials.",
     [("Priya Natarajan-Hale", "a keen runner who reads trials", "described")]),
    ("Apple’s Vision Pro, a headset nobody asked for, sold out.",
     [("Vision Pro", "a headset nobody asked for", "described")]),
    ("Ships moved to the port of Rotterdam, a city of cranes.",
     [("Rotterdam", "a city of cranes", "described")]),
    # (a description that ends in a list of names is whole: it was cut at "Sweden")
    ("They hired Aurora Flex, a Stockholm battery operator with storage across Sweden, "
     "Finland and Germany.", [("Aurora Flex", "a Stockholm battery operator with storage "
                              "across Sweden, Finland and Germany", "described")]),
    # (a firm's name across its ampersand: "Moss" alone was the entry)
    ("The sale went through Hallam & Moss, an independent agency founded in 1998, in May.",
     [("Hallam & Moss", "an independent agency founded in 1998", "described")]),
    ("Tankers in the so-called “grey fleet” sail dark.",
     [("grey fleet", "Tankers in the so-called “grey fleet” sail dark.", "coined")]),
    ('The plan, known as "dual circulation", matters. Next.',
     [("dual circulation", 'The plan, known as "dual circulation", matters.', "coined")]),
    ("“Transshipment” is the move of cargo between ships.",
     [("Transshipment", "“Transshipment” is the move of cargo between ships.", "coined")]),
    ("Locals dubbed it “the Gull,” fondly.",
     [("the Gull", "Locals dubbed it “the Gull,” fondly.", "coined")]),
    # (a number in the gloss stays whole: "£4,500,000" was cut to "£4")
    ("Ships leave Tilbury Dock, a deep-water berth built for £4,500,000 in 1901, daily.",
     [("Tilbury Dock", "a deep-water berth built for £4,500,000 in 1901", "described")]),
    # (terms in guillemets and low quotes, in French, Spanish and German)
    ("On appelle « sillon » la capacité requise.",
     [("sillon", "On appelle « sillon » la capacité requise.", "coined")]),
    ("Le « péage ferroviaire » désigne la redevance.",
     [("péage ferroviaire", "Le « péage ferroviaire » désigne la redevance.", "coined")]),
    ("Die sogenannte „Mietpreisbremse“ gilt seit 2015.",
     [("Mietpreisbremse", "Die sogenannte „Mietpreisbremse“ gilt seit 2015.", "coined")]),
    ("Il a dit « non » et il est parti.", []),
    # no definitions
    ("A century of Hambleden Road, a five-day match and a £4,500 goalkeeper.", []),  # a list
    ("Prices at a Kroger, an Aldi and the independent Weller's Market on Parsons Avenue.",
     []),  # (a list of stores: "an Aldi and the …" is no gloss of "Kroger")
    ("Yesterday, a ship sank.", []),                          # one word opening a sentence
    ("Jane Doe, a data editor at the Post, said so.", []),    # a person's role: people page
    ("In Rotterdam, a year later, cranes rose.", []),         # a time phrase, not a gloss
    ("He called it “a mess, really,” and left.", []),         # a quotation, not a term
    ("She said “we will build the pier again next year if we can”.", []),
    ("No capitals, no quotes, a plain line.", []),
])
def test_definitions_and_non_definitions(text, want):
    assert [(d.term, d.gloss, d.form) for d in find_definitions(text, ROLE_NOUNS)] == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Meridian ", "Freight", ", a ", "shipping firm", ", ", ". ",
                                 "so-called ", "“", "”", '"', "grey fleet", " is ", "Ä", "\n",
                                 "{eval}`1` ", "<b>", "the "]), max_size=14).map("".join))
@example("Meridian \nFreight, a Meridian ")  # (a name's run across a line break)
def test_terms_and_glosses_are_always_the_texts_own_words(text):
    for d in find_definitions(text, ROLE_NOUNS):
        assert d.term in text and d.gloss in text
        if d.form == "coined":
            assert d.term in d.gloss


COINED = """Harbour notes

3 March 2026 at 08:15

Meridian Freight, a Rotterdam shipping firm, moved 40 ships in 2025. Tankers in the \
so-called “grey fleet” sail dark; the Ledger calls them “shadow tankers” too.

A {eval}`1+1` line and <script>alert(1)</script> stay text, as does Zed`x` Corp, a test firm.

Quiet quays

21 April 2026 at 17:40

The “grey fleet” grew again in late 2025, Meridian Freight said.
"""

NAMES_ONLY = """Ferry fares

3 March 2026 at 08:15

Mayor Ines Calloway said the pier would open in late 2027.

Between March 2026 and June 2027 the old pier will close to cars.

Fog notes

2 June 2026 at 06:05

The lighthouse keeper, Tomas Rielly, kept a log from 1998 to 2026 for the Harbour Museum.
"""


_book = book_of


def test_the_glossary_lists_coined_terms_and_described_names(tmp_path):
    book = _book(tmp_path, COINED)
    text = (book / "glossary.md").read_text(encoding="utf-8")
    assert text.startswith("# Glossary\n") and "\n## Terms\n" in text and "\n## Names\n" in text
    terms = text.split("\n## Terms\n", 1)[1].split("\n## Names\n", 1)[0]
    assert "\ngrey fleet\n  “Tankers in the so\\-called “grey fleet” sail dark" in terms
    assert "\nshadow tankers\n" not in terms  # "calls them" introduces no term here
    assert terms.count("](#p-") == 1  # only the first chapter says what it is
    names = text.split("\n## Names\n", 1)[1]
    assert "\nMeridian Freight\n  a Rotterdam shipping firm\n" in names
    assert "Zed" not in text and "{eval}" not in text and "<script>" not in text
    assert "glossary" in (book / "_toc.yml").read_text(encoding="utf-8")


def test_a_newsletter_that_defines_nothing_gets_its_names(tmp_path):
    book = _book(tmp_path, NAMES_ONLY)
    text = (book / "glossary.md").read_text(encoding="utf-8")
    assert "the names they use" in text.replace("\\", "")
    assert "\n## Names in the articles\n" in text
    assert "\nInes Calloway\n  “Mayor Ines Calloway said the pier would open" in text
    assert "\nTomas Rielly\n  “The lighthouse keeper\\, Tomas Rielly\\, kept a log" in text
    assert "\nHarbour Museum\n" in text
    assert "\nBetween March\n" not in text and "\nMarch\n" not in text  # a sentence's opener
    assert "[glossary](glossary.md)" in (book / "intro.md").read_text(encoding="utf-8")


#: a mostly English newsletter with one Chinese phrase, and a coined term
WITH_HAN = COINED.replace("sail dark;", "sail dark (数字很明显);", 1)


def test_an_uncurated_glossary_of_han_terms_keeps_the_words_the_articles_define(tmp_path):
    """One Chinese phrase must not leave the glossary with that phrase alone."""
    book = _book(tmp_path, WITH_HAN)
    text = (book / "glossary.md").read_text(encoding="utf-8")
    assert text.startswith("# Glossary\n") and "\n## Chinese terms\n" in text
    assert "\n数字很明显\n" in text
    assert "\n## Terms\n" in text and "\ngrey fleet\n" in text
    assert "\n## Names\n" in text and "\nMeridian Freight\n" in text


@pytest.mark.slow
def test_the_word_glossaries_build_with_warnings_as_errors(tmp_path):
    for name, text in (("coined", COINED), ("names", NAMES_ONLY), ("coined-han", WITH_HAN)):
        book = _book(tmp_path / name, text)
        res = subprocess.run([sys.executable, str(ROOT / "scripts" / "jb.py"), "build",
                              str(book), "-W", "-n", "--keep-going"], capture_output=True,
                             text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
        html = (book / "_build" / "html" / "glossary.html").read_text(encoding="utf-8")
        terms = (("grey fleet", "Meridian Freight") if name.startswith("coined")
                 else ("Ines Calloway", "Tomas Rielly"))
        for term in terms:
            assert f'id="term-{term.replace(" ", "-")}"' in html, (name, term)
        assert "<script>alert" not in html
        # no newsletter name anywhere in these copies: no made-up "By Unknown" footer
        assert "component-author" not in html and "Unknown" not in html


def test_a_term_a_sentence_or_a_list_item_explains():
    """"Duration (the sensitivity of a bond's price to rates) is …" and a list's "Coupon:
    the fixed interest payment a bond makes" were missed: the newsletter's own glossary.
    A bracket after a clause ("Sales rose (the most since …)."), a name ("Venue: the Town
    Hall") and a note's label ("Note: the figures …") explain nothing; nor does "the
    phrase “somewhat elevated”", which quotes."""
    from newsbook.extract.definitions import find_definitions

    def got(text):
        return [(d.term, d.gloss) for d in find_definitions(text)]
    assert got("Duration (the sensitivity of a bond’s price to rates) is the key number. "
               "An expense ratio (the annual fee a fund charges) matters.") == [
        ("Duration", "the sensitivity of a bond’s price to rates"),
        ("expense ratio", "the annual fee a fund charges")]
    assert got("• Coupon: the fixed interest payment a bond makes, usually twice a year in "
               "the US.\u2002Real yield: the yield after expected inflation.") == [
        ("Coupon", "the fixed interest payment a bond makes, usually twice a year in the US"),
        ("Real yield", "the yield after expected inflation")]
    for text in ("Sales rose (the most since the crisis) in May.", "Venue: the Town Hall on "
                 "Main Street", "Note: the figures are provisional and may change.",
                 "He met the minister (a former general of the army) in May.",
                 "The statement dropped the phrase “somewhat elevated” about inflation.",
                 # (a timeline's item: a time, no term)
                 "Mid-2025: the university’s research integrity panel interviews the authors.",
                 "Spring: the council votes on the plan again."):
        assert got(text) == [], text
