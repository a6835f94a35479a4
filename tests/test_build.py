"""The whole book builds with zero warnings, and nothing of the feed is lost on the way."""
from __future__ import annotations

import re

import pytest

from conftest import FEED, ROOT
from html_text import page_text
from newsbook.readers.freshrss_text import DATE_SHAPE, find_starts, is_chrome, normalise
from newsbook.readers.prompts import CTA
from newsbook.readers.units import LIST_ITEM
from newsbook.writers.escape import clean

pytestmark = pytest.mark.slow


def feed_articles():
    lines = normalise(FEED.read_text(encoding="utf-8")).split("\n")
    starts = find_starts(lines) + [len(lines)]
    for k in range(len(starts) - 1):
        yield lines[starts[k]], lines[starts[k] + 2], [
            (i + 1, s) for i, s in enumerate(lines[starts[k]:starts[k + 1]], starts[k])]


def chapter_html(built, title):
    for page in (built / "chapters").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f"<title>{title}" in text.replace("&#39;", "'").replace("&amp;", "&"):
            return text
    raise AssertionError(f"no chapter page titled {title!r}")


def test_thirteen_chapters_with_titles_and_dates(built_book):
    pages = sorted((built_book / "chapters").glob("*.html"))
    assert len(pages) == 13
    for title, date, _ in feed_articles():
        text = page_text(chapter_html(built_book, title))
        assert title in text and date.strip() in text


def test_every_content_line_is_in_the_book(built_book):
    """100% of the articles' content lines appear in the built HTML text."""
    missing, total = [], 0
    for title, _, numbered in feed_articles():
        text = page_text(chapter_html(built_book, title))
        for number, line in numbered[3:]:
            s = line.strip()
            if not s or is_chrome(s) or CTA.match(s) or s.isdigit() or DATE_SHAPE.match(s):
                continue
            m = LIST_ITEM.match(line)
            s = clean(m.group(2) if m else s)
            total += 1
            if s not in text:
                missing.append(f"{FEED.name}:{number}: {s[:80]}")
    assert total == 815  # the bundled copy's content lines (a lost line must fail; "Listen now
    # on iTunes, Spotify, or your favorite podcast app." is a prompt, not content)
    assert not missing, f"{len(missing)} of {total} lines missing:\n" + "\n".join(missing[:20])


def test_boilerplate_is_gone(built_book):
    for page in (built_book / "chapters").glob("*.html"):
        text = page_text(page.read_text(encoding="utf-8"))
        for junk in ("Subscribe now", "is a reader-supported publication", "Normal view",
                     "Main stream", "❌", "click to refresh the page"):
            assert junk not in text, f"{page.name}: {junk!r}"


def test_footnotes_linked_both_ways(built_book):
    """13 markers linked to 13 bodies, each body linking back."""
    refs = backs = 0
    for page in (built_book / "chapters").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'<a class="footnote-reference brackets" href="#([^"]+)" id="([^"]+)"', html):
            target, ref_id = m.groups()
            assert f'id="{target}"' in html, f"{page.name}: footnote {target} missing"
            assert f'href="#{ref_id}"' in html, f"{page.name}: no back-link to {ref_id}"
            refs += 1
            backs += 1
    assert refs == 13 and backs == 13


def test_structure_rendered_as_such(built_book):
    japan = chapter_html(built_book, "Where Japan Goes Next")
    assert japan.count('<strong>Tobias Harris:</strong>') == 32  # his turns in the feed
    assert japan.count('<strong>Jordan Schneider:</strong>') == 33
    assert "This bit we recorded weds afternoon" in japan
    rumors = chapter_html(built_book, "Xi Rumors")
    assert re.search(r"<h2>Bill is Right", rumors) and "Containing Xi" in rumors
    hover = chapter_html(built_book, "Hovercraft Invasion, Labubu, Tea")
    assert len(re.findall(r"<h2>", hover)) >= 5
    assert "Job ad" in hover
    lens = chapter_html(built_book, "China’s Hundred Lens War")
    assert "Sponsor" in lens and "dropdown" in lens
    cuda = chapter_html(built_book, "Can Huawei Take On Nvidia's CUDA?")
    assert re.search(r"<h2>1\. Huawei’s Software Alternatives", cuda)
    assert "lost-figure" in chapter_html(built_book, "CCP Purges as Camp")


def test_no_raw_feed_markup_in_pages(built_book):
    for page in (built_book / "chapters").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "cdn." not in html.lower(), page.name
        assert "require.js" not in html, page.name
    assert (ROOT / "_build" / "html" / "_static" / "plotly-basic.min.js").exists()


def test_previous_and_next_follow_the_toc(built_book):
    import yaml
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    order = ["intro"] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    for i, doc in enumerate(order):
        html = " ".join((built_book / f"{doc}.html").read_text(encoding="utf-8").split())
        here = (built_book / doc).parent
        for cls, j in (("left-prev", i - 1), ("right-next", i + 1)):
            m = re.search(rf'<a class="{cls}" href="([^"]+)"', html)
            if 0 <= j < len(order):
                assert m, f"{doc}: no {cls} link"
                target = (here / m.group(1)).resolve().relative_to(built_book.resolve())
                assert target.with_suffix("").as_posix() == order[j], (doc, cls)
            else:
                assert not m, f"{doc}: unexpected {cls}"
