"""A newsletter without Chinese, Japanese or Korean terms gets a glossary of the
abbreviations it defines (newsbook.extract.abbreviations), built under -W."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from smallbook import book_of
from newsbook.extract.abbreviations import find_abbreviations

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, want", [
    # (a glossary's entry: the abbreviation opening its paragraph, then a colon)
    ("APR: annual percentage rate, the yearly cost of borrowing.",
     [("APR", "annual percentage rate")]),
    ("CPI: the consumer price index.", [("CPI", "consumer price index")]),
    ("NOTE: nothing else here.", []),
    # (square brackets, in both orders; a note's "[1]" and "[sic]" define nothing)
    ("The Congressional Budget Office [CBO] scored it [1], as the CR [continuing "
     "resolution] ran out [sic].",
     [("CBO", "Congressional Budget Office"), ("CR", "continuing resolution")]),
    # (a long form past its elided article: "l’Autorité …" is "Autorité …")
    ("Selon l’Autorité de régulation des transports (ART), le péage augmente.",
     [("ART", "Autorité de régulation des transports")]),
    # (a number the long form does not give: the 2 is the second dose, not in the words)
    ("The second dose of measles, mumps and rubella vaccine (MMR2) is due.", []),
    # (a long form's accented initials and elisions: "éditeurs" gives the E of FEE)
    ("La FEE (Fédération des éditeurs européens) publie.",
     [("FEE", "Fédération des éditeurs européens")]),
    ("le BIEF (Bureau international de l’édition française) dit",
     [("BIEF", "Bureau international de l’édition française")]),
    ("El Índice de Precios al Consumidor (IPC) subió.",
     [("IPC", "Índice de Precios al Consumidor")]),
    ("The Bureau of Industry and Security (BIS) said so.",
     [("BIS", "Bureau of Industry and Security")]),
    ("Taiwan Semiconductor Manufacturing Company (TSMC) makes chips.",
     [("TSMC", "Taiwan Semiconductor Manufacturing Company")]),
    ("the Non-Proliferation Treaty (NPT) holds", [("NPT", "Non-Proliferation Treaty")]),
    ("a Mixture-of-Experts (MoE) model", [("MoE", "Mixture-of-Experts")]),
    ("artificial intelligence (AI) is here", [("AI", "artificial intelligence")]),
    ("the Ministry of Industry and Information Technology (MIIT) rules",
     [("MIIT", "Ministry of Industry and Information Technology")]),
    ("the People’s Liberation Army (PLA)", [("PLA", "People’s Liberation Army")]),
    ("graphics processing units (GPUs) are", [("GPUs", "graphics processing units")]),
    # a small word gives no first letter: "of" is no "O"
    ("checked by the Office of Weights and Measures (OWM).",
     [("OWM", "Office of Weights and Measures")]),
    ("A Big Thing (ABT) is here", [("ABT", "A Big Thing")]),
    # (and the name in its own script after the abbreviation)
    ("the Democratic Party of Korea (DPK, 더불어민주당) won",
     [("DPK", "Democratic Party of Korea")]),
    ("The Bank of Japan (BOJ, 日本銀行) raised rates.", [("BOJ", "Bank of Japan")]),
    ("exports (US, UK) rose", []),
    # (a table's key: "GP = games played")
    ("GP = games played; PPG = points per game.",
     [("GP", "games played"), ("PPG", "points per game")]),
    ("W = won; x = 5; PX = an apple", []),
    # (a glossary's entry opening an item of a list, as the list's text joins them)
    ("Terms:\u2002TPS: transactions per second.\u2002LSN: log sequence number.",
     [("TPS", "transactions per second"), ("LSN", "log sequence number")]),
    # (Chinese or Japanese text: full-width brackets glued on, a gloss in its own words)
    ("一体で提供するMaaS（Mobility as a Service）は、その切り札だ。",
     [("MaaS", "Mobility as a Service")]),
    ("中心部を走るLRT（次世代型路面電車）の延伸。", [("LRT", "次世代型路面電車")]),
    # (Korean's plain bracket glued on, its gloss in Hangul)
    ("BOK(한국은행)은 금리를 동결했다. LTV(주택담보대출비율)는 그대로다.",
     [("BOK", "한국은행"), ("LTV", "주택담보대출비율")]),
    # (Dutch small words: "voor de" gives no letter)
    ("Volgens het CBS (Centraal Bureau voor de Statistiek) werden er meer gebouwd.",
     [("CBS", "Centraal Bureau voor de Statistiek")]),
    ("仮のABC（仮称）と、MaaS（移動）", []),
    # no definitions
    ("sold to exports (US) firms", []), ("Reuters said (Reuters)", []), ("In (2019) ok", []),
    ("He said it. (AI) is fun", []), ("the wording (AI)", []), ("plain text, no brackets", []),
    ("Agency(EA) glued", []), ("Energy Agency  (EA) two spaces", []),
])
def test_definitions_and_non_definitions(text, want):
    assert [(d.abbr, d.long_form) for d in find_abbreviations(text)] == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["The ", "Energy ", "Agency ", "(EA)", "(E)", "(", ")", ". ",
                                 "of ", "`x` ", "{eval} ", "Ä", "\n", "Big-Data ", "(BD)",
                                 "[EA]", "[", "]"]),
                max_size=12).map("".join))
def test_a_long_form_is_always_the_text_right_before_its_bracket(text):
    for d in find_abbreviations(text):
        # (a square bracket reads as a round one)
        assert text[d.start:d.end].translate(str.maketrans("[]", "()")) == \
            f"{d.long_form} ({d.abbr})"
        assert d.abbr.isalnum() and d.long_form[0].isalpha()


FEED = """Chips and rules

3 March 2026 at 08:15

The Bureau of Industry and Security (BIS) tightened rules on 12 February 2026, a step first \
proposed in 2019.

Graphics processing units (GPUs) and High Bandwidth Memory (HBM) are covered; the BIS said \
more would follow. A {eval}`1+1` Test Agency (TA) and <script>alert(1)</script> stay text.

Grid notes

21 April 2026 at 17:40

The International Energy Agency (IEA) expects demand to double by 2030; the international \
energy agency (Iea) said so again in late 2025.
"""


def _book(tmp_path: Path) -> Path:
    return book_of(tmp_path, FEED)


def test_the_glossary_lists_what_the_articles_define(tmp_path):
    book = _book(tmp_path)
    text = (book / "glossary.md").read_text(encoding="utf-8")
    assert text.startswith("# Glossary\n") and "\n## Abbreviations\n" in text
    assert "\nBIS\n  Bureau of Industry and Security\n" in text
    assert "\nGPUs\n  Graphics processing units\n" in text
    assert "\nIEA\n  International Energy Agency\n" in text and "\nIea\n" not in text
    assert "\nTA\n  Test Agency\n" in text and "{eval}" not in text
    assert "glossary" in (book / "_toc.yml").read_text(encoding="utf-8")
    assert "[glossary](glossary.md)" in (book / "intro.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_abbreviation_glossary_builds_with_warnings_as_errors(tmp_path):
    book = _book(tmp_path)
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "jb.py"), "build", str(book),
                          "-W", "-n", "--keep-going"], capture_output=True, text=True,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    html = (book / "_build" / "html" / "glossary.html").read_text(encoding="utf-8")
    for term in ("BIS", "GPUs", "HBM", "IEA", "TA"):
        assert f'id="term-{term}"' in html, term
    assert "<script>alert" not in html


def test_long_forms_across_a_dash_in_a_name_and_with_spanish_small_words():
    """"El Niño–Southern Oscillation (ENSO)" (a dash inside the name), "Protected Designation
    of Origin (PDO)" ("of" gives no letter), and Spanish long forms ("del", "de")."""
    from newsbook.extract.abbreviations import find_abbreviations
    text = ("The El Niño–Southern Oscillation (ENSO) is strong. It applied for Protected "
            "Designation of Origin (PDO) status. La Confederación Hidrográfica del Sur Interior "
            "(CHSI) y el Instituto de Investigación del Sureste (IIS) lo dicen.")
    assert [(a.abbr, a.long_form) for a in find_abbreviations(text)] == [
        ("ENSO", "El Niño–Southern Oscillation"), ("PDO", "Protected Designation of Origin"),
        ("CHSI", "Confederación Hidrográfica del Sur Interior"),
        ("IIS", "Instituto de Investigación del Sureste")]


def test_a_word_in_lower_case_or_a_number_inside_a_long_form_may_give_no_letter():
    from newsbook.extract.abbreviations import find_abbreviations
    text = ("The Medicines and Healthcare products Regulatory Agency (MHRA) and "
            "Glucagon-like peptide-1 (GLP-1) agonists; a large language model (LLM).")
    assert [(a.abbr, a.long_form) for a in find_abbreviations(text)] == [
        ("MHRA", "Medicines and Healthcare products Regulatory Agency"),
        ("GLP-1", "Glucagon-like peptide-1"), ("LLM", "large language model")]


def test_an_abbreviation_before_its_long_form_is_read_too():
    """"DOC (Denominazione di origine controllata)", as Italian, French and Spanish (and
    many English writers) define one: the glossary of an Italian newsletter said it
    defined nothing. A bracket that does not spell it ("AI (and robotics)") is none."""
    from newsbook.extract.abbreviations import find_abbreviations
    got = [(a.abbr, a.long_form) for t in (
        "La DOC (Denominazione di origine controllata) vale.",
        "il PNRR (Piano nazionale di ripresa e resilienza) e",
        "An RCT (randomised controlled trial) found it.",
        "AI (and robotics) grew; the US (mostly) said no; EU (2019) rules.")
        for a in find_abbreviations(t)]
    assert got == [("DOC", "Denominazione di origine controllata"),
                   ("PNRR", "Piano nazionale di ripresa e resilienza"),
                   ("RCT", "randomised controlled trial")]
