"""Chapter file names (stems): ``<date>-<slug>``, unique, and never the same "untitled" for
every title written in Chinese."""
from __future__ import annotations

from datetime import datetime

from newsbook.book import assign_stems
from newsbook.model import Article, Paragraph


def _art(title: str, day: int = 1) -> Article:
    return Article(title=title, published=datetime(2026, 3, day, 8, 0), byline="",
                   blocks=(Paragraph(line=5, text="Text."),), footnotes=(), line=1, end_line=6)


def test_a_chinese_title_gives_its_pinyin():
    assert assign_stems([_art("东亚科技周报")]) == ["2026-03-01-dong-ya-ke-ji-zhou-bao"]


def test_a_latin_or_mixed_title_keeps_its_own_slug():
    assert assign_stems([_art("Can Huawei Take On Nvidia's CUDA?"), _art("华为 CUDA", 2)]) == [
        "2026-03-01-can-huawei-take-on-nvidias-cuda", "2026-03-02-cuda"]


def test_a_title_with_no_letters_to_spell_stays_unique():
    stems = assign_stems([_art("한국 반도체"), _art("한국 경제")])
    assert stems[0] == "2026-03-01-untitled" and stems[1].startswith("2026-03-01-untitled-")
    assert len(set(stems)) == 2


def test_a_dash_between_numbers_parts_them():
    """"April 20–24" was "april-2024", a year; "1938–2026" was "19382026"."""
    assert assign_stems([_art("Spring Clean-Up Week is April 20–24"),
                         _art("Obituary: Peg Ostrander, 1938–2026", 2)]) == [
        "2026-03-01-spring-clean-up-week-is-april-20-24",
        "2026-03-02-obituary-peg-ostrander-1938-2026"]


def test_a_letter_no_accent_comes_off_is_spelled_out():
    """"abreißen" lost its ß ("sanieren-oder-abreien"); "Øresund" its Ø."""
    assert assign_stems([_art("Sanieren oder abreißen?"), _art("Øresund and Łódź", 2)]) == [
        "2026-03-01-sanieren-oder-abreissen", "2026-03-02-oresund-and-lodz"]
