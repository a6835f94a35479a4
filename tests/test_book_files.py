"""Generated book files: valid toc and config, current, deterministic."""
from __future__ import annotations

import shutil
import subprocess
import sys

import jupytext
import yaml

from conftest import FEED, ROOT
from newsbook import cli


def test_toc_parses_and_lists_every_chapter_once():
    from sphinx_external_toc.parsing import parse_toc_yaml
    site = parse_toc_yaml(ROOT / "_toc.yml")
    docs = [d for d in site if d.startswith("chapters/")]
    on_disk = sorted(f"chapters/{p.stem}" for p in (ROOT / "chapters").glob("*.md"))
    assert sorted(docs) == on_disk and len(docs) == len(set(docs)) == 13
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["root"] == "intro" and [p["caption"] for p in toc["parts"]][:3] == [
        "Politics and power", "Technology and AI", "Geopolitics, law and trade"]


def test_config_is_safe():
    from jupyter_book.config import validate_yaml
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    validate_yaml(config, raise_on_errors=True)
    sphinx = config["sphinx"]["config"]
    assert sphinx["smartquotes"] is False
    assert sphinx["myst_disable_syntax"] == ["html_block", "html_inline"]
    assert "dollarmath" not in sphinx["myst_enable_extensions"]
    assert config["execute"]["execute_notebooks"] == "off"  # charts drawn without a kernel


def test_chapters_open_as_notebooks():
    for page in sorted((ROOT / "chapters").glob("*.md")):
        nb = jupytext.read(page)
        assert nb.metadata["kernelspec"]["name"] == "python3", page.name
        first = nb.cells[1] if nb.cells[0].cell_type == "markdown" else nb.cells[0]
        assert first.cell_type == "code" and "remove-cell" in first.metadata["tags"], page.name
        for cell in nb.cells:
            if cell.cell_type == "code" and cell is not first:
                assert cell.source.splitlines()[-1].startswith(("show(\"", "explore(\"")), page.name


def test_generated_files_are_current(capsys):
    assert cli.main(["--check", "--book", str(ROOT), "-q"]) == 0, capsys.readouterr().out


def test_conversion_is_deterministic(tmp_path):
    """Two conversions into fresh directories give byte-identical files."""
    outs = []
    for name in ("a", "b"):
        book = tmp_path / name
        (book / "data" / "raw").mkdir(parents=True)
        shutil.copy(FEED, book / "data" / "raw" / FEED.name)
        shutil.copytree(ROOT / "data" / "curation", book / "data" / "curation")
        assert cli.main(["--book", str(book), "-q"]) == 0
        outs.append({p.relative_to(book): p.read_bytes() for p in sorted(book.rglob("*"))
                     if p.is_file() and "raw" not in p.parts})
    assert outs[0] == outs[1] and len(outs[0]) >= 16
    # and converting again changes nothing
    book = tmp_path / "a"
    assert cli.main(["--book", str(book), "--check", "-q"]) == 0


def test_script_entry_point_and_bad_input(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "convert.py"), str(bad),
                          "--book", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode == 2
    assert f"{bad}:1: error:" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "chapters").exists()


def test_a_chapters_lead_is_never_its_advertisement():
    """The intro's one-line lead of each chapter is the article's, not a sponsor's or a
    job notice's paragraph (three bundled chapters led with one)."""
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    for ad in ("This edition is brought to you by", "We’re looking for part", "particularly "
               "excited about applications"):
        assert ad not in intro.replace("\\", ""), ad
    assert "As Meta aggressively consolidated the US market" in intro.replace("\\", "")


def test_an_intro_lead_is_the_posts_own_first_sentence():
    """The lead skips a correction note (its withdrawn figures are no summary) and drops a
    footnote's digits ("… fechado en 2019.1 Debajo" read "2019.1")."""
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.writers.book_files import first_sentence
    corr = Paragraph("Correction: an earlier version of this post said the poll surveyed 1,012 "
                     "voters. It surveyed 1,102.", 5)
    lead = Paragraph("The first independent poll of the race since mid-February was fechado en "
                     "2019.1 Debajo hay más.", 7, marks=((78, 1),))
    art = Article("T", datetime(2026, 3, 1), (corr, lead), (), 1)
    assert first_sentence(art) == ("The first independent poll of the race since mid-February "
                                   "was fechado en 2019.")


def test_an_intro_lead_skips_a_greeting_and_the_writers_bio():
    """"Hello, and welcome to the first Locks & Sleepers of 2026." and a bio in Spanish
    ("X es periodista agraria y escribe …") were the book's lead for their posts."""
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.writers.book_files import first_sentence
    art = Article("T", datetime(2026, 3, 1), (
        Paragraph("Inés Barreda Olmo es periodista agraria y escribe Acequia Abierta desde "
                  "Zaragoza.", 4),
        Paragraph("Hello, and welcome to the first Locks & Sleepers of 2026. This month: the "
                  "Bridgewater Canal and the men who dug it by hand.", 6)), (), 1)
    assert first_sentence(art) == ("This month: the Bridgewater Canal and the men who dug it "
                                   "by hand.")
    # (nor "Happy new year", a "covers … for <the newsletter>" bio or a guest post's note)
    art = Article("T", datetime(2026, 3, 1), (
        Paragraph("Rosalind Okafor covers appropriations for The Cloakroom Ledger. She spent "
                  "six years on the House Appropriations Committee staff.", 4),
        Paragraph("A guest post by Theo Vance, a former counsel to the Senate Judiciary "
                  "Committee who now teaches administrative law.", 6),
        Paragraph("Happy new year, and welcome back to The Long Ago. This month we go back "
                  "some 3,200 years, to the fall of the palace states.", 8)), (), 1)
    assert first_sentence(art) == ("This month we go back some 3,200 years, to the fall of the "
                                   "palace states.")


def test_a_rating_line_is_no_intro_lead():
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.writers.book_files import first_sentence
    art = Article("T", datetime(2026, 3, 1), (
        Paragraph("★★★★★ (5/5) · Collected Poems · Harrowgate Editions · $45 hardcover · 688 "
                  "pages · first published in 1954", 4),
        Paragraph("Agnes Whitlow wrote poems for fifty years, and this is the first book to "
                  "hold all of them. It is long.", 6)), (), 1)
    assert first_sentence(art).startswith("Agnes Whitlow wrote poems")


def test_an_intro_lead_does_not_end_at_an_abbreviation():
    from datetime import datetime

    from newsbook.model import Article, Paragraph
    from newsbook.writers.book_files import first_sentence

    def lead(text: str) -> str:
        return first_sentence(Article("T", datetime(2026, 1, 1), (Paragraph(text, 5),), (), 1))
    assert lead("The consumer price index came in flat MoM at 8:30 a.m. ET. That was "
                "expected by most.") == "The consumer price index came in flat MoM at 8:30 a.m. ET."
    assert lead("Dr. Ana Ruiz has measured the sea for decades at Punta Galea. She says it "
                "is rising.") == "Dr. Ana Ruiz has measured the sea for decades at Punta Galea."
