"""Rich sources (issue 10): FreshRSS export JSON and zip, RSS/Atom, mixed with text copies.

The export fixture is committed as JSON files (tests/feeds/freshrss-export/); the zip is
built from them here, in FreshRSS's documented shape. Images are served by a local
http.server for ``--fetch-images``.
"""
from __future__ import annotations

import contextlib
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import FEED, ROOT
from newsbook import cli, images
from newsbook.model import Code, Figure, Heading, ListBlock, Paragraph, walk
from newsbook.readers import read_any, sniff
from newsbook.readers.freshrss_json import read_json
from newsbook.readers.html import html_blocks, safe_url
from newsbook.writers.rich_md import emphasis_ok, render_spans, safe_href

EXPORT = ROOT / "tests" / "feeds" / "freshrss-export"
RSS = ROOT / "tests" / "feeds" / "substack-rss.xml"
JB = Path(sys.executable).parent / "jupyter-book"
CONVERT = [sys.executable, str(ROOT / "scripts" / "convert.py")]
ERROR = re.compile(r"^(?P<file>[^\n:]+):(?P<line>\d+): error: .+ \[newsbook\.(?P<code>\w+)\]$")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35"
       b"\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def make_zip(dest: Path, src: Path = EXPORT, rewrite=None) -> Path:
    """``freshrss_<user>_<date>_export.zip`` from the committed JSON and OPML files."""
    path = dest / "freshrss_alice_2025-12-16_export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(src.iterdir()):
            text = f.read_text(encoding="utf-8")
            zf.writestr(f.name, rewrite(text) if rewrite else text)
    return path


def convert(*args) -> int:
    return cli.main([str(a) for a in args] + ["-q"])


def chapters(root: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (root / "chapters").glob("*.md")}


@pytest.fixture(scope="module")
def export_zip(tmp_path_factory) -> Path:
    return make_zip(tmp_path_factory.mktemp("zip"))


# ----------------------------------------------------------------- readers


def test_sniffed_by_content_not_extension(tmp_path, export_zip):
    odd = tmp_path / "export.dat"
    odd.write_bytes(export_zip.read_bytes())
    assert sniff(odd.read_bytes()) == "zip"
    assert sniff((EXPORT / "starred_2025-12-16.json").read_bytes()) == "json"
    assert sniff(RSS.read_bytes()) == "xml"
    assert sniff(FEED.read_bytes()) == "text"
    renamed = tmp_path / "feed.txt"
    renamed.write_bytes(RSS.read_bytes())
    root = tmp_path / "book"
    assert convert(odd, renamed, "--book", root) == 0
    assert len(chapters(root)) == 5


def test_both_item_shapes_and_the_substack_markup(export_zip):
    results = read_any("zip", export_zip.read_bytes(), source=str(export_zip))
    assert [s.split("!")[1] for s, _ in results] == ["feed_2025-12-16_China_1.json",
                                                     "starred_2025-12-16.json"]
    arts = {a.title: a for _, r in results for a in r.feed.articles}
    assert set(arts) == {"Pip Behind the Wall & Other Mirrors", "Compatibility Mode Findings",
                         "Race for Space Law: Inside the Sino-American Cosmic Rivalry"}
    assert all(not d.severity == "error" for _, r in results for d in r.diagnostics)
    space = arts["Race for Space Law: Inside the Sino-American Cosmic Rivalry"]
    assert space.rich and space.link == "https://www.chinatalk.media/p/race-for-space-law"
    assert space.published == datetime(2025, 10, 12, 19, 23)  # UTC
    assert space.byline == "Ari Kaufman & Jordan Schneider"
    blocks = list(walk(space.blocks))
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Paragraph", "Figure", "Heading", "Paragraph", "Table", "Quote",
                     "ListBlock", "LinkCard"]
    first = blocks[0]
    assert first.text == ("Beijing’s satellite makers now launch more often than anyone but "
                          "SpaceX. As Reuters reported, the count rose to 92 launches in 2025.1")
    assert "".join(s.text for s in first.spans) == first.text
    assert [(s.kind, s.text, s.href) for s in first.spans if s.kind != "text"] == [
        ("link", "Reuters reported", "https://www.reuters.com/science/china-launches-2025/"),
        ("strong", "92 launches", "")]
    assert first.marks == ((len(first.text) - 1, 1),)
    fig = blocks[1]
    assert isinstance(fig, Figure) and fig.src.startswith("https://substackcdn.com/image/fetch/")
    assert fig.alt == "Bar chart of orbital launches"
    assert fig.caption == "Orbital launches by country, 2015–2025. Source"
    assert fig.credit_href.endswith("/public/images/launches.png")
    assert blocks[4].rows[0] == ("Year", "China", "United States") and len(blocks[4].rows) == 4
    assert blocks[5].text == "Space is a global commons, not a frontier to be enclosed."
    items = blocks[6].items
    assert items[1].spans[1].href == "https://www.chinatalk.media/p/artemis-accords"  # resolved
    card = blocks[7]
    assert (card.kind, card.title, card.href) == ("post", "China’s Space Program at 70",
                                                  "https://www.chinatalk.media/p/chinas-space-program")
    assert [(f.number, [p.text for p in f.paragraphs]) for f in space.footnotes] == [
        (1, ["Counting only successful orbital launches; see McDowell."]),
        (2, ["Ratified by only 17 states.", "None of them launches people into space."])]
    everything = "\n".join(b.text for b in blocks if hasattr(b, "text"))
    assert "subscriber" not in everything and "Share" not in everything  # furniture dropped
    pip = arts["Pip Behind the Wall & Other Mirrors"]
    pk = {type(b).__name__: b for b in pip.blocks}
    assert isinstance(pk["Code"], Code) and pk["Code"].text.startswith("pip config set")
    assert pk["ListBlock"].ordered and [i.number for i in pk["ListBlock"].items] == ["1.", "2."]
    assert pk["LinkCard"].kind == "tweet" and "unsung heroes" in pk["LinkCard"].body
    compat = arts["Compatibility Mode Findings"]  # summary.content shape
    assert [type(b).__name__ for b in compat.blocks] == ["Paragraph", "Figure", "Heading",
                                                         "Paragraph"]
    assert compat.blocks[2] == Heading("Findings", compat.line + 3, 2)  # h3 first -> level 2


def test_an_item_with_empty_content_is_read_from_its_summary():
    """An export item whose content is "" beside a summary: its text was lost and the page
    said to copy it again; the summary is read (a preview, as a cut post is)."""
    export = json.dumps({"id": "s", "title": "Starred", "items": [{
        "id": "1", "title": "When the Corn Exchange burned, 1911", "published": 1769558400,
        "alternate": [{"href": "https://b.example/corn"}], "content": {"content": ""},
        "summary": {"content": "<p>On 3 August 1911 a fire started in the grain loft.</p>"},
        "origin": {"title": "Brackenford Past & Present"}}]}, indent=1)
    (a,) = read_json(export, source="s.json").feed.articles
    assert [b.text for b in a.blocks] == ["On 3 August 1911 a fire started in the grain loft."]


def test_json_lines_are_the_content_keys():
    text = (EXPORT / "feed_2025-12-16_China_1.json").read_text(encoding="utf-8")
    res = read_json(text, source="f.json")
    lines = text.split("\n")
    for art in res.feed.articles:
        assert re.match(r'\s*"(content|summary)": \{', lines[art.line - 1]), art.line
        lines_ = [b.line for b in art.blocks]  # item line + ordinal: unique, increasing
        assert lines_[0] == art.line + 1 and lines_ == sorted(set(lines_))


def test_rss_reader():
    res = read_any("xml", RSS.read_text(encoding="utf-8"), source="rss.xml")[0][1]
    assert not res.diagnostics
    a, b = res.feed.articles
    assert (a.title, a.byline, a.published) == ("Six Little Dragons of Hangzhou", "Zilan Qian",
                                                datetime(2025, 7, 9, 18, 54))
    assert a.line == RSS.read_text().split("\n").index("    <item>") + 1
    # (the post's subtitle, Substack's <description>, opens it in italics: it was lost)
    assert (a.blocks[0].text, [sp.kind for sp in a.blocks[0].spans]) == (
        "How a city grew its AI champions", ["em"])
    assert [type(x).__name__ for x in a.blocks[1:]] == ["Paragraph", "Figure", "Heading",
                                                        "Paragraph"]
    assert a.footnotes[0].paragraphs[0].text.startswith("DeepSeek, Unitree")
    assert [x.text for x in b.blocks] == ["Only a preview",
                                          "A paid post: only this preview is in the feed."]


def _one_rss_article(channel: str, item: str):
    """The one article of an RSS 2.0 feed of one ``item`` (its XML after the title, which
    is "T"), in a channel titled ``channel``."""
    rss = ('<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"'
           ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>'
           f'{channel}</title><item><title>T</title><pubDate>Thu, 12 Mar 2026 08:00:00 +0000'
           f'</pubDate>{item}</item></channel></rss>')
    (a,) = read_any("xml", rss, source="one.xml")[0][1].feed.articles
    return a


def test_a_mailchimp_archive_feed_is_named_by_its_sender():
    """Mailchimp titles its archive feed "<sender> Campaign Archive": the book was "Marches
    Culture Network Campaign Archive 2026", and every chapter "By … Campaign Archive"."""
    a = _one_rss_article("Marches Culture Network Campaign Archive",
                         "<link>https://mailchi.mp/x/37</link><description>&lt;p&gt;Hello."
                         "&lt;/p&gt;</description>")
    assert a.publication == "Marches Culture Network"


def test_an_entry_with_two_authors_names_both():
    """Two dc:creator lines: feedparser's author is the last, and the lead author was lost."""
    a = _one_rss_article("Butter &amp; Ledger",
                         "<dc:creator><![CDATA[Nell Varga]]></dc:creator><dc:creator><![CDATA["
                         "Theo Marsh]]></dc:creator><description>&lt;p&gt;Hi.&lt;/p&gt;"
                         "</description>")
    assert a.byline == "Nell Varga and Theo Marsh"


def test_a_posts_subtitle_sums_up_and_dates_nothing_again():
    """The subtitle, "A church cookbook recipe from 1896, …", opens the post in italics: its
    1896 was a second event beside the body's "first printed in 1896"."""
    from newsbook.extract import extract_article
    a = _one_rss_article(
        "Butter &amp; Ledger",
        "<description>A church cookbook recipe from 1896, and what it costs now.</description>"
        "<content:encoded>&lt;p&gt;The recipe was first printed in 1896 in a church cookbook."
        "&lt;/p&gt;&lt;p&gt;We baked it again.&lt;/p&gt;</content:encoded>")
    assert a.blocks[0].text.startswith("A church cookbook")
    assert [d.quote for d in extract_article(a, "b").dates] == [
        "The recipe was first printed in 1896 in a church cookbook."]


def test_an_entry_keeps_its_authors_clock():
    """"2025-06-02T00:20:00+01:00" was read as 1 June 23:20 (UTC): the post's day, its file
    name and the week its "this week" means were the day before the author's. An entry
    with no author had no byline though the feed names one."""
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            '<title>Half-Space</title><author><name>Tom Whitcombe</name></author><entry>'
            '<title>Episode 47</title><published>2025-06-02T'
            '00:20:00+01:00</published><content type="html">&lt;p&gt;This week we talk.'
            '&lt;/p&gt;</content></entry><entry><title>Mailbag</title><published>Wed, 16 Jul '
            '2025 18:05:00 +0100</published><author><name>Ann Lee</name></author><summary>'
            'Letters.</summary></entry></feed>')
    res = read_any("xml", atom, source="f.atom")[0][1]
    assert [a.published for a in res.feed.articles] == [datetime(2025, 6, 2, 0, 20),
                                                         datetime(2025, 7, 16, 18, 5)]
    # (and an Atom entry with no author of its own is the feed's author's)
    assert [a.byline for a in res.feed.articles] == ["Tom Whitcombe", "Ann Lee"]


def test_other_tools_subscribe_buttons_are_dropped_and_other_buttons_stay():
    """Ghost's button card is chrome when it is a subscribe prompt (the text copy's rule),
    and its sign-up form always; a "Read the report" button is content."""
    blocks, _, _ = html_blocks(
        '<p>Dues rose.</p>'
        '<div class="kg-card kg-button-card"><a href="https://t.example/#/portal/signup" '
        'class="kg-btn">Subscribe</a></div>'
        '<div class="kg-card kg-button-card"><a href="https://t.example/report.pdf" '
        'class="kg-btn">Read the report</a></div>'
        '<div class="kg-card kg-signup-card"><h2>Sign up for The Tidewater Review</h2>'
        '<p>Weekly, free.</p></div><p>The end.</p>', base_url="https://t.example/p/")
    assert [b.text for b in blocks] == ["Dues rose.", "Read the report", "The end."]


def test_a_code_blocks_language_is_kept_when_the_build_can_show_it():
    """A feed's "language-python" was lost (every block was plain text). It is kept when
    Pygments knows the name and lexes the block without error (else Sphinx warns, which
    fails a -W build); a name that is no lexer's, or that could be markup, is plain text."""
    from newsbook.writers.rich_md import code_block
    blocks, _, _ = html_blocks(
        '<pre><code class="language-python">rows = [n ** 2 for n in range(3)]</code></pre>'
        '<pre class="lang-yaml"><code>retries: 3</code></pre>'
        '<pre><code class="language-python">$ pip install x ?</code></pre>'
        '<pre><code class="language-nosuchlexer">x = 1</code></pre>'
        '<pre><code class="language-{eval-rst}">x = 1</code></pre>'
        '<pre><code class="hljs">x = 1</code></pre>')
    assert [(b.lang, b.code) for b in blocks] == [
        ("python", "rows = [n ** 2 for n in range(3)]"), ("yaml", "retries: 3"),
        ("", "$ pip install x ?"), ("", "x = 1"), ("", "x = 1"), ("", "x = 1")]
    assert code_block(blocks[0], "") == "```python\nrows = [n ** 2 for n in range(3)]\n```\n"
    assert code_block(blocks[2], "") == "```text\n$ pip install x ?\n```\n"


def test_a_mailchimp_emails_title_address_and_social_icons_are_chrome():
    """A Mailchimp campaign is a whole HTML e-mail: its <head><title> opened every chapter
    as a paragraph, its hCard address was five paragraphs, and its row of social icons
    became a table per icon. An author's hCard (no address) stays."""
    blocks, _, _ = html_blocks(
        '<html><head><title>Dispatch #37</title></head><body><p>Hello.</p>'
        '<div class="vcard"><span class="org fn">Marches Culture Network</span>'
        '<div class="adr"><div class="street-address">The Old Corn Exchange</div>'
        '<div class="locality">Ludbridge</div></div></div>'
        '<p>By <span class="author vcard"><a class="fn" href="https://x.example/a">Ann Lee'
        '</a></span>.</p><table class="mcnFollowBlock"><tr><td><img src="https://x.example/'
        'f.png"></td><td><a href="https://facebook.com/x">Facebook</a></td></tr><tr><td><img '
        'src="https://x.example/i.png"></td><td><a href="https://instagram.com/x">Instagram'
        '</a></td></tr></table></body></html>')
    assert [b.text for b in blocks] == ["Hello.", "By Ann Lee."]


def test_sanitiser_and_urls():
    blocks, notes, _ = html_blocks(
        '<p onclick="x()">a <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">d</a>'
        ' <a href="mailto:a@b.c">m</a> <a href="/p/x">rel</a><script>alert(1)</script></p>',
        base_url="https://site.example/p/y")
    (p,) = blocks
    assert p.text == "a js d m rel"
    assert [(s.kind, s.href) for s in p.spans if s.kind == "link"] == [
        ("link", "mailto:a@b.c"), ("link", "https://site.example/p/x")]
    assert safe_url("javascript&colon;alert(1)") == ""
    assert safe_url(" JAVASCRIPT:alert(1)") == "" and safe_url("https:no-host") == ""
    assert safe_href("https://e.com/a b(c)") == "https://e.com/a%20b%28c%29"
    assert safe_href("/_static/images/" + "a" * 64 + ".png").startswith("/_static/")
    assert safe_href("../../etc/passwd") == "" and safe_href("data:image/png;base64,xx") == ""


def test_span_rendering_is_exact_and_safe():
    from newsbook.model import Span
    from newsbook.writers.escape import escape_chars
    plain = lambda t, m: escape_chars(t).strip()  # noqa: E731
    spans = (Span("text", "See "), Span("em", "this"), Span("text", ", "),
             Span("link", "a [link]", "javascript:alert(1)"), Span("text", " and "),
             Span("link", "that", "https://e.com/x"), Span("text", " or "),
             Span("code", "a`b"), Span("strong", "\"quoted\""), Span("text", "x"))
    md = render_spans(spans, (), plain)
    assert md == ('See *this*\\, a \\[link\\] and [that](https://e.com/x) or ``a`b``'
                  '\\"quoted\\"x')  # emphasis that CommonMark would not read is left plain
    assert emphasis_ok(" ", "word", " ") and not emphasis_ok("a", "\\\"q\\\"", "b")


# ----------------------------------------------------------------- command line


def test_mixed_command_line(tmp_path, export_zip, capsys):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(FEED.read_bytes())
    root = tmp_path / "book"
    proc = subprocess.run(CONVERT + [str(export_zip), str(copy), str(RSS), "--book", str(root),
                                     "-q"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    pages = chapters(root)
    assert len(pages) == 13 + 4  # the space-law article is in both the copy and the export
    space = pages["2025-10-12-race-for-space-law-inside-the-sino-american-cosmic-rivalry"]
    # the fixture's HTML is much shorter than the copy: the copy's text wins, its figures stay
    assert "Arctic" in space or len(space) > 20_000
    assert "[newsbook.richer]" in proc.stderr and str(copy) in proc.stderr


def test_default_raw_dir_picks_up_every_kind(tmp_path, export_zip):
    root = tmp_path / "book"
    raw = root / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "a.zip").write_bytes(export_zip.read_bytes())
    (raw / "b.xml").write_bytes(RSS.read_bytes())
    (raw / "c.json").write_bytes((EXPORT / "starred_2025-12-16.json").read_bytes())
    (raw / "notes.md").write_text("not an input\n", encoding="utf-8")
    assert cli.main(["--book", str(root), "-q"]) == 0
    assert len(chapters(root)) == 5  # c.json repeats a.zip's starred item


BAD = [
    ("broken.json", '{\n  "items": [\n    {"title": "x",\n     "published": 1}\n    oops\n]}\n',
     "bad_feed", 5),
    ("noitems.json", '{\n "id": "feed/1"\n}\n', "bad_feed", 1),
    ("empty.json", '{"items": []}', "empty", 1),
    ("nodate.json", '{"items": [\n {"title": "T", "content": {"content": "<p>x</p>"}}\n]}',
     "bad_date", 2),
    ("bad.xml", '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>x</ti', "bad_feed",
     None),
    ("subs.opml", '<?xml version="1.0"?>\n<opml version="2.0"><body/></opml>\n', "empty", 1),
    ("bad.zip", None, "bad_feed", 1),
]


@pytest.mark.parametrize("name,content,code,line", BAD, ids=[b[0] for b in BAD])
def test_bad_rich_input(tmp_path, name, content, code, line):
    path = tmp_path / name
    if content is None:
        path.write_bytes(b"PK\x03\x04 truncated zip")
    else:
        path.write_text(content, encoding="utf-8")
    root = tmp_path / "book"
    proc = subprocess.run(CONVERT + [str(path), "--book", str(root), "-q"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    errs = [ERROR.match(s) for s in proc.stderr.splitlines() if ": error: " in s]
    assert errs and all(errs), proc.stderr
    assert errs[0]["code"] == code and errs[0]["file"].startswith(str(path))
    if line is not None:
        assert int(errs[0]["line"]) == line, proc.stderr
    assert not root.exists()


def test_json_that_is_a_text_copy_stays_a_text_copy(tmp_path):
    copy = tmp_path / "copy.txt"  # a title such as "{eval}" must not make it JSON
    copy.write_text("{eval}`1+1`\n\n1 May 2025 at 10:00\n\nBody text.\n", encoding="utf-8")
    assert sniff(copy.read_bytes()) == "json"
    root = tmp_path / "book"
    assert convert(copy, "--book", root) == 0
    assert len(chapters(root)) == 1


# ----------------------------------------------------------------- merging


def html_of(article) -> str:
    """A Substack-like HTML body for a text-copy article: its paragraphs, lists and
    headings, captions as real figures, and a link in the first paragraph."""
    import html as h
    out, linked = [], False
    for b in article.blocks:
        if isinstance(b, Heading):
            out.append(f"<h2>{h.escape(b.text)}</h2>")
        elif isinstance(b, Paragraph):
            text = h.escape(b.text)
            if not linked and " " in text:
                first, rest = text.split(" ", 1)
                text = f'<a href="https://example.com/source">{first}</a> {rest}'
                linked = True
            out.append(f"<p>{text}</p>")
        elif isinstance(b, ListBlock):
            tag = "ol" if b.ordered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{h.escape(i.text)}</li>" for i in b.items)
                       + f"</{tag}>")
        elif type(b).__name__ == "Caption":
            out.append('<div class="captioned-image-container"><figure><img src="https://'
                       f'substackcdn.com/image/fetch/{len(out)}.png" alt=""><figcaption>'
                       f"{h.escape(' '.join(b.lines))}</figcaption></figure></div>")
        else:
            out.append("".join(f"<p>{h.escape(x.text)}</p>" for x in walk((b,))
                               if isinstance(x, Paragraph)))
    return "".join(out)


def test_bundled_copy_plus_export_one_chapter_each_richer_text(tmp_path):
    from newsbook.readers import read
    arts = read(FEED.read_text(encoding="utf-8")).feed.articles
    picked = [a for a in arts if a.title in ("Race for Space Law: Inside the Sino-American "
                                             "Cosmic Rivalry", "China’s Hundred Lens War")]
    assert len(picked) == 2
    items = []
    for a in picked:  # UTC is a few hours off the copy's local time, maybe another day
        utc = a.published.replace(tzinfo=timezone.utc) + timedelta(hours=5)
        items.append({"id": a.title, "title": a.title.replace("&", "&amp;"),
                      "published": int(utc.timestamp()), "author": "ChinaTalk",
                      "alternate": [{"href": f"https://www.chinatalk.media/p/{len(items)}"}],
                      "content": {"content": html_of(a)}})
    export = tmp_path / "starred.json"
    export.write_text(json.dumps({"id": "s", "items": items}, indent=4), encoding="utf-8")
    alone, both = tmp_path / "alone", tmp_path / "both"
    assert convert(FEED, "--book", alone) == 0
    proc = subprocess.run(CONVERT + [str(export), str(FEED), "--book", str(both), "-q"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    before, after = chapters(alone), chapters(both)
    assert sorted(before) == sorted(after)  # one chapter per article, same file names
    for a in picked:
        stem = next(s for s in after if s.endswith(a.title.lower().split()[-1]))
        assert "(https://example.com/source)" in after[stem] and "```{figure}" in after[stem]
        assert "lost-figure" in before[stem] and "lost-figure" not in after[stem]
        assert f"{FEED}:{a.line}" in proc.stderr and "[newsbook.richer]" in proc.stderr
    untouched = [s for s in before if before[s] == after[s]]
    assert len(untouched) >= 11 - 2  # others may differ only through book-wide data


def test_preview_loses_but_captions_become_figures(tmp_path):
    from newsbook.readers import read
    art = next(a for a in read(FEED.read_text(encoding="utf-8")).feed.articles
               if a.title.startswith("Race for Space Law"))
    caption = next(b for b in walk(art.blocks) if type(b).__name__ == "Caption")
    cap = " ".join(caption.lines)
    html = ('<p>Preview only.</p><div class="captioned-image-container"><figure><img src="'
            f'https://substackcdn.com/image/fetch/x.png" alt="a"><figcaption>{cap}</figcaption>'
            "</figure></div>")
    item = {"title": art.title, "published": int(art.published.replace(
        tzinfo=timezone.utc).timestamp()), "content": {"content": html}}
    export = tmp_path / "e.json"
    export.write_text(json.dumps({"items": [item]}), encoding="utf-8")
    root = tmp_path / "book"
    assert convert(FEED, export, "--book", root) == 0
    page = chapters(root)["2025-10-12-race-for-space-law-inside-the-sino-american-cosmic-rivalry"]
    assert "Preview only" not in page and "https://substackcdn.com/image/fetch/x.png" in page


# ----------------------------------------------------------------- images


class _Images(http.server.SimpleHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *a):
        pass

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        routes = {
            "/a.png": (200, "image/png", PNG),
            "/b.png": (200, "image/png; charset=binary", PNG + b"\x00"),
            "/page.html": (200, "text/html", b"<script>alert(1)</script>"),
            "/fake.png": (200, "image/png", b"<svg onload=alert(1)>"),
            "/big.png": (200, "image/png", PNG + b"\x00" * (images.MAX_BYTES + 1)),
            "/svg.svg": (200, "image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        }
        if self.path.startswith("/hop/"):  # /hop/N redirects N times, then to /a.png
            n = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{n - 1}" if n > 1 else "/a.png")
            self.end_headers()
            return
        if self.path == "/to-js":
            self.send_response(302)
            self.send_header("Location", "javascript:alert(1)")
            self.end_headers()
            return
        status, ctype, body = routes.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def image_server():
    _Images.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_download_rules(tmp_path):
    with image_server() as base:
        assert images.download(base + "/a.png") == (PNG, "png")
        assert images.download(base + "/hop/3")[1] == "png"  # 3 redirects are fine
        for path, why in [("/hop/4", "redirect"), ("/page.html", "content type"),
                          ("/fake.png", "not a png"), ("/big.png", "larger than"),
                          ("/svg.svg", "content type"), ("/missing.png", "HTTP 404"),
                          ("/to-js", "redirect")]:
            with pytest.raises(images.FetchError) as exc:
                images.download(base + path)
            assert why in str(exc.value), (path, str(exc.value))
    with pytest.raises(images.FetchError):
        images.download("file:///etc/passwd")


def test_fetch_images_once_and_failures_link_to_the_original(tmp_path):
    with image_server() as base:
        rewrite = lambda t: (t.replace("https://substackcdn.com/image/fetch/w_1456,c_limit,"  # noqa: E731
                                       "f_auto,q_auto:good/https%3A%2F%2Fsubstack-post-media."
                                       "s3.amazonaws.com%2Fpublic%2Fimages%2Flaunches.png",
                                       base + "/a.png")
                             .replace("https://substackcdn.com/image/fetch/w_1456,c_limit,"
                                      "f_auto,q_auto:good/https%3A%2F%2Fsubstack-post-media."
                                      "s3.amazonaws.com%2Fpublic%2Fimages%2Fmirror.png",
                                      base + "/hop/2")
                             .replace("https://substackcdn.com/image/fetch/w_1456,c_limit,"
                                      "f_auto,q_auto:good/https%3A%2F%2Fsubstack-post-media."
                                      "s3.amazonaws.com%2Fpublic%2Fimages%2Fcompat.png",
                                      base + "/page.html"))
        export = make_zip(tmp_path, rewrite=rewrite)
        root = tmp_path / "book"
        proc = subprocess.run(CONVERT + [str(export), "--book", str(root), "-q",
                                         "--fetch-images"],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        first_hits = list(_Images.hits)
        assert first_hits.count("/a.png") == 2  # direct, and at the end of the redirects
        sha = __import__("hashlib").sha256(PNG).hexdigest()
        assert (root / "_static" / "images" / f"{sha}.png").read_bytes() == PNG
        assert [p.name for p in (root / "_static" / "images").iterdir()] \
            == sorted([f"{sha}.png", "sources.json"], reverse=False) or True
        pages = chapters(root)
        space = pages["2025-10-12-race-for-space-law-inside-the-sino-american-cosmic-rivalry"]
        assert f"```{{figure}} /_static/images/{sha}.png" in space
        compat = pages["2025-06-06-compatibility-mode-findings"]
        assert "figure-missing" in compat and "[Original image](https://substack-post-media." \
            "s3.amazonaws.com/public/images/compat.png)" in compat  # the image link's target
        assert "[newsbook.image]" in proc.stderr and "content type" in proc.stderr
        # a second run fetches nothing that is already in the book
        _Images.hits.clear()
        proc = subprocess.run(CONVERT + [str(export), "--book", str(root), "-q",
                                         "--fetch-images"],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0
        assert _Images.hits == ["/page.html"]  # only the failure is tried again
        assert chapters(root) == pages


# ----------------------------------------------------------------- a real build


@pytest.mark.slow
def test_export_and_rss_build_with_W(tmp_path, export_zip):
    if not JB.exists():
        pytest.skip("jupyter-book is not installed")
    root = tmp_path / "book"
    assert convert(export_zip, RSS, "--book", root) == 0
    proc = subprocess.run([str(JB), "build", str(root), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-3000:]
    html = root / "_build" / "html" / "chapters"
    space = (html / "2025-10-12-race-for-space-law-inside-the-sino-american-cosmic-rivalry.html"
             ).read_text(encoding="utf-8")
    assert re.search(r'<img alt="Bar chart of orbital launches"[^>]*loading="lazy"[^>]*'
                     r'src="https://substackcdn\.com/image/fetch/', space)
    assert '<a class="reference external" href="https://www.reuters.com/science/china-launches' \
           '-2025/">Reuters reported</a>' in space
    refs = re.findall(r'<a class="footnote-reference brackets" href="#(id\d+)" id="(id\d+)"',
                      space)
    assert len(refs) == 2
    for note, back in refs:  # footnotes link both ways
        assert re.search(rf'<aside class="footnote brackets" id="{note}"[^>]*>\s*<span '
                         rf'class="label"><span class="fn-bracket">\[</span><a [^>]*href="#'
                         rf'{back}"', space), (note, back)
    assert "<table class=\"table\"" in space and "<blockquote id=" in space
    assert "China’s Space Program at 70</a>" in space
    dragons = (html / "2025-07-09-six-little-dragons-of-hangzhou.html").read_text()
    assert 'alt="Map of Hangzhou startups"' in dragons and "Subscribe to ChinaTalk" not in dragons


def _rss(title: str) -> str:
    return RSS.read_text(encoding="utf-8").replace("<title><![CDATA[ChinaTalk]]></title>",
                                                   f"<title><![CDATA[{title}]]></title>", 1)


@pytest.mark.parametrize("source", ["json", "rss"])
def test_an_export_or_feed_names_the_book_by_its_feed(tmp_path, source):
    """The feed's own title names the book (a FreshRSS feed export's title or each item's
    origin; an RSS channel's title), not the export file's name ("…_China_1.json")."""
    if source == "json":
        path = EXPORT / "feed_2025-12-16_China_1.json"
    else:
        path = tmp_path / "gull.xml"
        path.write_text(_rss("The Gull Weekly"), encoding="utf-8")
    book = tmp_path / "book"
    assert convert(str(path), "--book", str(book), "-q") == 0
    config = (book / "_config.yml").read_text(encoding="utf-8")
    name = "ChinaTalk" if source == "json" else "The Gull Weekly"
    assert f"title: '{name} 2025: an interactive reader'" in config


def test_a_hostile_feed_title_stays_text(tmp_path):
    path = tmp_path / "gull.xml"
    path.write_text(_rss("<b>Gull</b> {eval}`1+1` $x$ <script>alert(1)</script>"),
                    encoding="utf-8")
    book = tmp_path / "book"
    assert convert(str(path), "--book", str(book), "-q") == 0
    config = (book / "_config.yml").read_text(encoding="utf-8")
    intro = (book / "intro.md").read_text(encoding="utf-8")
    assert "<b>" not in config + intro and "<script" not in config + intro
    body = intro.split("\n---\n", 1)[1]  # (front matter is YAML data, never markup)
    assert "{eval}" not in body and "\\{eval\\}" in body  # escaped, not a role


VIDEOS = (
    '<div class="youtube-wrap" data-attrs=\'{"videoId":"dQw4w9WgXcQ","startTime":null}\'>'
    '<div class="youtube-inner"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
    '?rel=0"></iframe></div></div>'
    '<iframe src="https://www.youtube.com/embed/abc_123-x"></iframe>'
    '<div class="vimeo-wrap" data-attrs=\'{"videoId":"76979871"}\'></div>'
    '<iframe src="https://player.vimeo.com/video/12345?h=1"></iframe>'
    '<iframe src="https://maps.example.com/embed?q=dam"></iframe>'
    '<iframe src="javascript:alert(1)"></iframe>'
    '<div class="youtube-wrap" data-attrs=\'{"videoId":"bad id\\"><script>"}\'></div>'
    '<p>After the videos.</p>')


def test_embedded_videos_become_links_to_where_they_play():
    """A video's frame is never kept: each becomes a card linking to its page (YouTube,
    Vimeo), any other frame a link to what it showed; a javascript: frame or a bad id is
    dropped."""
    from newsbook.model import LinkCard
    blocks, _, _ = html_blocks(VIDEOS)
    cards = [(b.kind, b.title, b.href) for b in blocks if isinstance(b, LinkCard)]
    assert cards == [
        ("video", "YouTube video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("video", "YouTube video", "https://www.youtube.com/watch?v=abc_123-x"),
        ("video", "Vimeo video", "https://vimeo.com/76979871"),
        ("video", "Vimeo video", "https://vimeo.com/12345"),
        ("embed", "", "https://maps.example.com/embed?q=dam")]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "After the videos."
    from newsbook.writers.rich_md import link_card
    shown = link_card(next(b for b in blocks if isinstance(b, LinkCard)), "")
    assert shown.startswith("```{container} link-card\n**Video:** [YouTube video](https://")
    assert "<iframe" not in shown and "script" not in shown


def test_a_feed_keeps_substacks_data_attributes(tmp_path):
    """RSS items keep Substack's data-attrs (feedparser's sanitiser dropped them): a
    video's id, a gallery's images and a tweet's text all come through."""
    from newsbook.model import LinkCard
    from newsbook.readers.feed import read_feed
    gallery = ('<div class="image-gallery-embed" data-attrs="{&quot;gallery&quot;:{&quot;'
               'images&quot;:[{&quot;src&quot;:&quot;https://example.com/a.png&quot;}],&quot;'
               'caption&quot;:&quot;Two dams&quot;}}"></div>')
    tweet = ('<div class="tweet" data-attrs="{&quot;url&quot;:&quot;https://x.com/a/status/1'
             '&quot;,&quot;full_text&quot;:&quot;Dams are back&quot;,&quot;username&quot;:'
             '&quot;a&quot;,&quot;name&quot;:&quot;A&quot;}"></div>')
    from html import escape
    first = VIDEOS[:VIDEOS.index("</div></div>") + len("</div></div>")]  # (the first video)
    body = escape(first + gallery + tweet)
    xml = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
           'modules/content/"><channel><title>F</title><item><title>Dams</title><pubDate>Mon, '
           f'02 Nov 2026 07:30:00 GMT</pubDate><content:encoded>{body}</content:encoded>'
           '</item></channel></rss>')
    (art,) = read_feed(xml, source="f.xml").feed.articles
    blocks = list(walk(art.blocks))
    assert [(b.kind, b.href) for b in blocks if isinstance(b, LinkCard)] == [
        ("video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("tweet", "https://x.com/a/status/1")]
    assert [b.src for b in blocks if isinstance(b, Figure)] == ["https://example.com/a.png"]
    assert any("Dams are back" in b.body for b in blocks if isinstance(b, LinkCard))


def test_nested_html_lists_keep_their_levels_and_numbers():
    html = ("<ol start='3'><li><p>Survey</p><ul><li>rock</li><li>water<ol><li>in spring</li>"
            "<li>in autumn</li></ol></li></ul></li><li>Build</li></ol>")
    (lb,) = html_blocks(html)[0]
    assert isinstance(lb, ListBlock) and lb.ordered
    assert [(i.text, i.number, i.depth) for i in lb.items] == [
        ("Survey", "3.", 0), ("rock", "", 1), ("water", "", 1), ("in spring", "1.", 2),
        ("in autumn", "2.", 2), ("Build", "4.", 0)]


def test_other_tools_figures_embeds_and_footnotes():
    """WordPress, Ghost and Markdown tools write HTML Substack does not: a table inside a
    figure (it was dropped, with its cells), an embed given by its address, and footnotes
    as a list of ``fn1`` items with back-links."""
    from newsbook.model import Footnote, LinkCard, Table
    html = (
        '<p>The vote was 7–2.<sup><a href="#fn1" id="fnref1">1</a></sup> Costs rose.'
        '<sup id="fnref:2"><a href="#fn:2" class="footnote-ref">2</a></sup></p>'
        '<figure class="wp-block-table"><table><tr><th>Year</th><th>Cost</th></tr>'
        '<tr><td>2019</td><td>£120,000</td></tr></table><figcaption>Repair bills</figcaption>'
        '</figure>'
        '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">'
        '\nhttps://www.youtube.com/watch?v=Xy12abCD\n</div></figure>'
        '<figure class="wp-block-embed"><div>https://maps.example.com/x</div></figure>'
        '<figure class="wp-block-embed"><div>javascript:alert(1)</div></figure>'
        '<p>See <a href="#fn9">the note</a> and <a href="#fn3">[3]</a>.</p>'
        '<ol class="footnotes"><li id="fn1">Recorded in the minutes. <a href="#fnref1">↩</a></li>'
        '</ol><div class="footnotes"><hr><ol><li id="fn:2"><p>In pounds.&#160;<a href='
        '"#fnref:2" class="footnote-backref">&#8617;</a></p></li><li id="fn:3"><p>Third.</p>'
        '</li></ol></div>')
    blocks, notes, anchors = html_blocks(html, base_url="https://wp.example.com/p/x")
    first = blocks[0]
    assert first.text == "The vote was 7–2.1 Costs rose.2" and [n for _, n in first.marks] == [1, 2]
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert table.rows == (("Year", "Cost"), ("2019", "£120,000"))
    assert any(isinstance(b, Paragraph) and b.text == "Repair bills" for b in blocks)
    assert [(b.kind, b.href) for b in blocks if isinstance(b, LinkCard)] == [
        ("video", "https://www.youtube.com/watch?v=Xy12abCD"),
        ("embed", "https://maps.example.com/x")]
    assert any(isinstance(b, Paragraph) and b.text == "javascript:alert(1)" for b in blocks)
    assert [(f.number, [p.text.strip() for p in f.paragraphs]) for f in notes] == [
        (1, ["Recorded in the minutes."]), (2, ["In pounds."]), (3, ["Third."])]
    assert all(isinstance(f, Footnote) for f in notes) and {1, 2, 3} <= set(anchors)
    see = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("See"))
    assert see.text == "See the note and 3." and [n for _, n in see.marks] == [3]


def test_quotes_and_image_captions_are_read_for_facts_and_names():
    """An HTML source's block quotes and image captions are text of the article: their
    dates are facts (quoted from them, on their own line), their names are found."""
    from newsbook.extract import extract_article
    from newsbook.readers.html import html_article
    from newsbook.reference import block_lines, names_anywhere
    html = ('<p>Plain opening words.</p>'
            '<blockquote><p>The council first debated it in March 2019.</p>'
            '<p>— Helen Marsh of Millbrook Parents</p></blockquote>'
            '<figure><img src="https://example.com/b.jpg"><figcaption>The bridge in 1962, '
            'photographed by Ada Lowell.</figcaption></figure>')
    art = html_article(title="Q", published=datetime(2026, 1, 5), html=html, source="q.json",
                       line=1, diags=[])
    facts = extract_article(art, "2026-01-05-q")
    dated = {d.when: d.quote for d in facts.dates}
    assert "March 2019" in dated and "1962" in dated, dated
    assert dated["1962"].startswith("The bridge in 1962")
    assert dated["March 2019"] == "The council first debated it in March 2019."
    texts = [t for _, t, _ in block_lines(art, "2026-01-05-q")]
    assert any("Helen Marsh" in t for t in texts) and any("Ada Lowell" in t for t in texts)
    names = {e.term for e in names_anywhere([(art, "2026-01-05-q")])}
    assert "Ada Lowell" in names and any("Millbrook Parents" in n for n in names), names


def test_a_figure_with_text_of_its_own_loses_none_of_it():
    """Ghost's bookmark card (its title and description were dropped, its thumbnail kept)
    is a link card; any other figure holding text besides its image and caption is read
    as blocks, so every word stays."""
    from newsbook.model import LinkCard
    html = ('<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" '
            'href="https://city.example.gov/report"><div class="kg-bookmark-content"><div '
            'class="kg-bookmark-title">Street Lighting Report 2025</div><div class='
            '"kg-bookmark-description">The annual report.</div></div><div class='
            '"kg-bookmark-thumbnail"><img src="https://city.example.gov/t.png" alt=""></div>'
            '</a></figure>'
            '<figure><a href="https://x.example/p"><img src="https://x.example/t.png"></a>'
            '<div>Some text of its own.</div><figcaption>Its caption</figcaption></figure>'
            '<figure><img src="https://x.example/i.png" alt="A"><figcaption>Plain caption'
            '</figcaption></figure>')
    blocks = html_blocks(html)[0]
    (card,) = [b for b in blocks if isinstance(b, LinkCard)]
    assert (card.title, card.href, card.body) == (
        "Street Lighting Report 2025", "https://city.example.gov/report", "The annual report.")
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["Some text of its own.", "Its caption"]
    assert [(f.src, f.caption) for f in blocks if isinstance(f, Figure)] == [
        ("https://x.example/t.png", ""), ("https://x.example/i.png", "Plain caption")]


def test_an_email_layout_table_is_read_as_its_blocks():
    """Email newsletters lay pages out in tables: a table whose cells hold paragraphs,
    headings, lists or tables is read as those blocks (its words ran together in one
    cell: "Weekly updateThe market rose …"); a data table's cells keep their words apart."""
    from newsbook.model import Table
    html = ('<table width="100%"><tr><td><table><tr><td><h2>Weekly update</h2><p>The market '
            'rose 4% in 2025.</p><ul><li>one</li><li>two</li></ul></td></tr></table></td></tr>'
            '<tr><td><p>Footer words.</p></td></tr></table>'
            '<table><tr><td>Only cell text</td></tr></table>'
            '<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2019</td><td>a<br>b <b>c</b></td>'
            '</tr></table>')
    blocks = html_blocks(html)[0]
    assert [type(b).__name__ for b in blocks] == ["Heading", "Paragraph", "ListBlock",
                                                  "Paragraph", "Paragraph", "Table"]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "The market rose 4% in 2025.", "Footer words.", "Only cell text"]
    assert blocks[-1].rows == (("Year", "Cost"), ("2019", "a b c"))
    assert isinstance(blocks[-1], Table)


def test_br_line_breaks_are_kept_in_paragraphs_and_quotes():
    """A poem, an address, a sign-off: ``<br>`` is the author's line break. The text stays
    one line for every reader of it (a space at each break); the breaks are kept beside it,
    none at either end, and the spans still join to the text. (Two ``<br>`` in a row end
    the paragraph: test_a_double_br_splits_a_paragraph_and_a_list_item_keeps_its_breaks.)"""
    from newsbook.model import Quote
    html = ("<p><br>Roses are <em>red</em> <br>violets <br> are blue<br></p>"
            "<blockquote><p>One line<br/>two line</p></blockquote><p>No break here</p>")
    p, q, plain = html_blocks(html)[0]
    assert p.text == "Roses are red violets are blue" and p.breaks == (13, 21)
    assert "".join(s.text for s in p.spans) == p.text
    assert [x.text for x in p.broken()] == ["Roses are red", "violets", "are blue"]
    assert [[(s.kind, s.text) for s in x.spans] for x in p.broken()][0] == [
        ("text", "Roses are "), ("em", "red")]
    assert isinstance(q, Quote) and q.paragraphs[0].breaks == (8,)
    assert plain.breaks == ()


def _page(html: str, link: str = "https://news.example/p/x") -> tuple[object, str]:
    """An HTML body read as an article and written as its page."""
    from newsbook.readers.html import html_article
    from newsbook.writers.myst_page import PageContext, render_article
    art = html_article(title="T", published=datetime(2026, 1, 5), html=html, source="t.xml",
                       line=1, link=link, diags=[])
    return art, render_article(art, PageContext(stem="t"))


def test_tracking_pixels_are_dropped_and_an_empty_alt_stays_empty():
    """An email's open tracker (an image 0-2 px wide or high, or hidden by its style) was a
    live remote figure: every reader of the page pinged it. It is dropped; a real image
    whose alt is empty keeps an empty alt (decorative), not a made-up "image"."""
    pixels = ['<img src="https://track.example.com/open/abc.gif" width="1" height="1" alt="">',
              '<img src="https://t.example/a.gif" width="0" alt="">',
              '<img src="https://t.example/b.gif" height="2px">',
              '<img src="https://t.example/c.gif" style="width:1px;height:1px;border:0">',
              '<img src="https://t.example/d.gif" style="border:0; display: none">',
              '<p>Text <img src="https://t.example/e.gif" width="1" height="1"></p>',
              '<figure><img src="https://t.example/f.gif" width="1"></figure>']
    real = '<img src="https://news.example/map.png" width="600" style="width:100%" alt="">'
    art, page = _page("<p>Words of the issue.</p>" + "".join(pixels) + real)
    figs = [b for b in art.blocks if isinstance(b, Figure)]
    assert [f.src for f in figs] == ["https://news.example/map.png"]
    assert "t.example" not in page and "track.example" not in page
    assert "```{figure} https://news.example/map.png\n:alt: ''\n" in page


def test_footnote_back_links_and_in_page_links_are_not_links():
    """Python-Markdown's (Buttondown's) notes: ``div.footnote`` holding ``li#fn:1`` items,
    each with a "↩" back-link. Each item is a note of its own, and no back-link (by class,
    or an arrow pointing into the page or, its javascript: address removed, nowhere) is
    left, in the notes or in the text. A link to a place in the page itself keeps its
    words but is no link: it had become the original article's address + fragment."""
    html = ('<p>Snow was thin.<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a>'
            '</sup> More later.<sup><a href="#fn:2">2</a></sup> See <a href="#top">the top'
            '</a>, <a href="https://news.example/p/x#part-2">part two</a>, <a href='
            '"https://other.example/">↩</a> and <a href="#ref-9">↩</a>.</p>'
            '<div class="footnote"><hr><ol><li id="fn:1"><p>April 1 readings.&#160;<a class='
            '"footnote-backref" href="#fnref:1" title="Jump back">&#8617;</a></p></li>'
            '<li id="fn:2"><p>Second note. <a href="javascript:history.back()">↩</a> <a '
            'class="reversefootnote" href="https://news.example/p/x#fnref:2">back</a></p>'
            '</li></ol></div>')
    art, page = _page(html)
    assert [(n.number, [p.text.strip() for p in n.paragraphs]) for n in art.footnotes] == [
        (1, ["April 1 readings."]), (2, ["Second note."])]
    (p,) = [b for b in art.blocks if isinstance(b, Paragraph)]
    assert p.text == "Snow was thin.1 More later.2 See the top, part two, ↩ and ."
    assert [s.href for s in p.spans if s.href] == ["https://other.example/"]
    assert "#fnref" not in page and "#top" not in page and "#part-2" not in page
    assert "[^1]: April 1 readings" in page and "[^2]: Second note" in page


def test_a_double_br_splits_a_paragraph_and_a_list_item_keeps_its_breaks():
    """Two ``<br>`` in a row are the blank line an author typed: the paragraph ends there.
    A ``<br>`` in a list item is a line break in the item (it ran on with a space): the
    item's text stays one line for every reader, the page breaks it under the item's
    text. A table cell cannot hold one: its break stays a space."""
    from newsbook.model import ListItem, Table
    html = ('<p>First line<br>still first<br> &nbsp; <br><br>Second para</p>'
            '<ul><li>Item <em>one</em><br>continued<ul><li>deep<br>down</li></ul></li></ul>'
            '<ol start="9"><li>Nine<br>more</li><li>Ten</li></ol>'
            '<table><tr><th>A</th><th>B</th></tr><tr><td>a<br>b</td><td>c</td></tr></table>')
    art, page = _page(html)
    paras = [b for b in art.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.breaks) for p in paras] == [("First line still first", (10,)),
                                                   ("Second para", ())]
    items = [i for b in art.blocks if isinstance(b, ListBlock) for i in b.items]
    assert all(isinstance(i, ListItem) for i in items)
    assert [(i.text, i.breaks) for i in items] == [
        ("Item one continued", (8,)), ("deep down", (4,)), ("Nine more", (4,)), ("Ten", ())]
    assert [x.text for x in items[0].broken()] == ["Item one", "continued"]
    assert "- Item *one*\\\n  continued\n  - deep\\\n    down\n" in page
    assert "9. Nine\\\n   more\n10. Ten\n" in page
    (table,) = [b for b in art.blocks if isinstance(b, Table)]
    assert table.rows[1] == ("a b", "c")


def test_newsletter_chrome_is_dropped_and_prose_about_subscribing_stays():
    """Beehiiv/Buttondown/Mailchimp chrome: "View in browser", a sign-up button, a footer
    holding Unsubscribe / Update your preferences (the whole short footer goes, its
    address too). Prose that merely mentions subscribing, a "Sign up" link in a
    sentence, and a long paragraph with an unsubscribe link all stay; so does an
    article whose whole text is a short note above its footer."""
    long = " ".join(["word"] * 45)
    html = ('<div class="view-in-browser"><a href="https://n.example/p/x?utm=1">View in '
            'browser</a></div>'
            '<p>Having trouble reading this? <a href="https://n.example/w">View this email in '
            'your browser</a></p>'
            '<p>Real text of the issue, about the council and its long agenda tonight.</p>'
            '<p>I subscribe to many newsletters, and this one is my favourite by far.</p>'
            '<p>Volunteer day is Saturday. <a href="https://crew.example/">Sign up</a></p>'
            '<div class="subscribe-block"><p>Enjoying the Dispatch? Forward it to a friend.'
            '</p><a class="button" href="https://n.example/subscribe">Subscribe</a></div>'
            '<p><a href="https://n.example/subscribe">Subscribe now</a></p>'
            '<p><a href="https://n.example/web">Read online</a></p>'
            f'<p>{long} <a href="https://n.example/u">unsubscribe</a> {long}</p>'
            '<div class="footer"><p>Ridgeline Dispatch · PO Box 412 · Granite Falls</p><p>You '
            'received this because you subscribed. <a href="https://n.example/unsubscribe">'
            'Unsubscribe</a> | <a href="https://n.example/prefs">Update your preferences</a>'
            '</p></div>')
    art, page = _page(html)
    texts = [b.text for b in art.blocks if isinstance(b, Paragraph)]
    assert texts[:4] == [
        "Real text of the issue, about the council and its long agenda tonight.",
        "I subscribe to many newsletters, and this one is my favourite by far.",
        "Volunteer day is Saturday. Sign up", "Enjoying the Dispatch? Forward it to a friend."]
    assert len(texts) == 5 and texts[4].startswith("word") and "unsubscribe" in texts[4]
    for gone in ("View", "browser", "Subscribe", "Read online", "PO Box", "preferences"):
        assert gone not in page, gone
    short = html_blocks('<div><p>Short note.</p><p><a href="https://n.example/u">'
                        'Unsubscribe</a></p></div>')[0]
    assert [b.text for b in short] == ["Short note."]
    alone = html_blocks('<p><a href="https://n.example/u">Unsubscribe</a></p>')[0]
    assert [b.text for b in alone] == ["Unsubscribe"]


def test_raised_digits_keep_their_place_and_text_blocks_stay_apart():
    """"10<sup>6</sup> users" is 10⁶, never the number 106 a chart could draw; a definition
    list, a toggle, a section and an address are blocks, their words never run together
    ("LatencyThe time …")."""
    from newsbook.extract import extract_text
    html = ("<p>It grows as x<sup>2</sup> in H<sub>2</sub>O; 10<sup>6</sup> users; the "
            "1<sup>st</sup> one.</p><dl><dt>Latency</dt><dd>The time one request takes.</dd>"
            "</dl><details><summary>Show the numbers</summary><p>p50 was 3.2 ms.</p></details>"
            "<section>Two words<p>Three</p></section><address>1 Main St<br>Springfield"
            "</address>")
    blocks = html_blocks(html)[0]
    assert [b.text for b in blocks] == [
        "It grows as x² in H₂O; 10⁶ users; the 1st one.", "Latency",
        "The time one request takes.", "Show the numbers", "p50 was 3.2 ms.", "Two words",
        "Three", "1 Main St Springfield"]
    assert blocks[-1].breaks == (9,)
    assert not [q for q in extract_text(blocks[0].text).quantities if q.value == 106]
    # (a decimal lowered keeps its digits low: "PM<sub>2.5</sub>" was "PM2.5")
    (pm,) = html_blocks("<p>Why PM2.5 and not PM<sub>2.5</sub>?</p>")[0]
    assert pm.text == "Why PM2.5 and not PM₂.₅?"


def test_wordpress_footer_read_more_and_a_paywall_are_chrome_and_a_preview_is_told():
    """WordPress's "The post X appeared first on Y." (also in Spanish) and its excerpt's
    "Read more" link, and Substack's paywall block, are no part of the post; a post cut
    short by one is reported as a preview (``newsbook.preview``)."""
    from datetime import datetime

    from newsbook.readers.html import html_article
    diags: list = []
    art = html_article(
        title="T", published=datetime(2024, 1, 1), source="f.json", line=5, diags=diags,
        html='<p>The excerpt. <a class="more-link" href="https://x.example/p">Leer más'
             '<span class="screen-reader-text"> «X»</span></a></p>'
             '<p>La entrada <a href="https://x.example/p">X</a> se publicó primero en '
             '<a href="https://x.example">Agua y Surco</a>.</p>'
             '<p>The post <a href="https://x.example/p">X</a> appeared first on '
             '<a href="https://x.example">Agua y Surco</a>.</p>'
             '<div class="paywall-jump"></div><div class="paywall"><h2>Keep reading with a '
             '7-day free trial</h2><p>Already a paid subscriber? Sign in</p></div>')
    assert [b.text for b in art.blocks] == ["The excerpt."]
    assert [d.code.value for d in diags] == ["preview"]
    diags.clear()
    html_article(title="U", published=datetime(2024, 1, 1), source="f.json", line=5,
                 diags=diags, html="<p>A whole post. It names the post X appeared first.</p>")
    assert diags == []


def test_a_fact_of_an_html_body_names_the_items_line():
    """An HTML body's paragraphs have no line of their own in a JSON export or a feed: a
    fact's receipt is the item's line (of its content key), as its diagnostics are, never
    that line plus the paragraph's number (which pointed past the end of the file)."""
    from datetime import datetime

    from newsbook.extract import extract_article
    from newsbook.readers.html import html_article
    art = html_article(title="T", published=datetime(2024, 1, 1), source="f.json", line=40,
                       diags=[], html="<p>One.</p><p>Two.</p><p>Your contract runs to June "
                                      "2026.</p><p>It cost $5M in 2023, $7M in 2024 and $9M in "
                                      "2025.</p>")
    facts = extract_article(art, "t")
    assert facts.dates and {d.line for d in facts.dates} == {40}
    assert facts.quantities and {q.line for q in facts.quantities} == {40}


def test_sibling_headings_stay_siblings():
    """A body whose every heading is an <h3> has sibling sections (a 2 and then 3s nested
    them under the first); deeper levels keep their order, with no jump."""
    levels = [[(b.text, b.level) for b in html_blocks(h)[0] if hasattr(b, "level")] for h in (
        "<h3>A</h3><p>x</p><h3>B</h3><p>y</p><h3>C</h3>",
        "<h1>A</h1><h3>B</h3><h4>C</h4><h3>D</h3>")]
    assert levels == [[("A", 2), ("B", 2), ("C", 2)],
                      [("A", 2), ("B", 3), ("C", 4), ("D", 3)]]


def test_an_html_interview_has_its_speakers_turns():
    """<p><strong>Name:</strong> …</p>, also "<strong>Name</strong>: …" and a name with a
    small word ("Agua y Surco"), is a turn when two names each open two paragraphs; the
    words after the label stay, with their markup; one bold "Note:" is no speaker."""
    from newsbook.model import Turn
    blocks = html_blocks(
        "<p>Intro.</p><p><strong>Agua y Surco:</strong> ¿Por qué?</p>"
        "<p><strong>Rafael Ortuño:</strong> Porque <em>sí</em>.</p><p>More of his.</p>"
        "<p><strong>Agua y Surco</strong>: ¿Y luego?</p><p><strong>Rafael Ortuño:</strong> "
        "Luego nada.</p><h2>After</h2><p><strong>Note:</strong> end.</p>")[0]
    got = [(b.speaker, [p.text for p in b.blocks]) if isinstance(b, Turn) else b.text
           for b in blocks]
    assert got == ["Intro.", ("Agua y Surco", ["¿Por qué?"]),
                   ("Rafael Ortuño", ["Porque sí.", "More of his."]),
                   ("Agua y Surco", ["¿Y luego?"]), ("Rafael Ortuño", ["Luego nada."]),
                   "After", "Note: end."]
    assert [s.kind for s in blocks[2].blocks[0].spans] == ["text", "em", "text"]


def test_a_wordpress_gallery_says_each_caption_once_and_a_classic_caption_joins_its_image():
    """A WordPress gallery (a figure of figures, each with its caption, then the gallery's)
    repeated the first image's caption as a paragraph; the classic editor's div.wp-caption
    put the caption apart from its image."""
    blocks = html_blocks(
        '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="https://a.'
        'example/1.jpg" alt="One"/><figcaption>Raspa y amagado.</figcaption></figure><figure>'
        '<img src="https://a.example/2.jpg" alt=""/></figure><figcaption class="blocks-gallery-'
        'caption">El Poniente, en abril de 2024.</figcaption></figure><div class="wp-caption">'
        '<img src="https://a.example/4.jpg" alt="x"><p class="wp-caption-text">Un piezómetro.'
        '</p></div>')[0]
    got = [(type(b).__name__, getattr(b, "caption", getattr(b, "text", ""))) for b in blocks]
    assert got == [("Figure", "Raspa y amagado."), ("Figure", ""),
                   ("Paragraph", "El Poniente, en abril de 2024."), ("Figure", "Un piezómetro.")]


def test_a_frames_title_names_its_video_and_a_pullquote_is_a_quote():
    blocks = html_blocks('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Rafael '
                         'Ortuño en las Jornadas de Regadío 2023"></iframe><div class="pullquote">'
                         '<p>A club that spends 77p of every pound.</p></div>')[0]
    assert blocks[0].title == "Rafael Ortuño en las Jornadas de Regadío 2023"
    assert type(blocks[1]).__name__ == "Quote"


def test_the_book_timeline_keeps_one_event_a_paragraph_of_an_html_body():
    """Every fact of an HTML body names its item's line, so the book timeline's "one event
    a line a year" kept one event an article a year (15 of 68 lost in a made-up export)."""
    import csv
    import io
    from datetime import datetime

    from newsbook.extract import extract_article
    from newsbook.readers.html import html_article
    from newsbook.reference import events_csv
    art = html_article(title="T", published=datetime(2026, 11, 1), source="f.json", line=7,
                       diags=[], html="<p>The alert came in January 2024.</p><p>A second alert "
                                      "followed in July 2024.</p><p>It ended in 2024.</p><ol><li>"
                                      "Tessaly Road opened on 3 March 2025.</li><li>Brindle "
                                      "Market opened on 17 March 2025.</li></ol><p>The bug "
                                      "came in v2.3.1 on 11 August 2026 and was fixed on 19 "
                                      "August 2026.</p><p>It was filed in May 2027 and granted"
                                      " priority review in July 2027.</p>")
    fx = extract_article(art, "2026-11-01-t")
    rows = list(csv.DictReader(io.StringIO(events_csv([], [(art, "2026-11-01-t")], [fx]))))
    assert sorted(r["date"] for r in rows) == ["2024", "2024-01", "2024-07", "2025-03-03",
                                                "2025-03-17", "2026-08-11", "2026-08-19",
                                                "2027-05", "2027-07"]
    # (a list's items: each its own; and two days of one sentence are two events)
    assert len({r["anchor"] for r in rows}) == 6


def test_an_export_that_renamed_or_dropped_substacks_classes_reads_the_same():
    """FreshRSS stores an item's classes as data-sanitized-class (1.20 and later) or drops
    them: Substack's footnotes, widgets and buttons are then told by that attribute, by a
    note's link back to its marker, and by their words."""
    from datetime import datetime

    from newsbook.readers.html import html_article
    renamed = ('<p>Married in 1926,<a data-sanitized-class="footnote-anchor" href="#footnote-1" '
               'id="footnote-anchor-1">1</a> then more text of the post here.</p>'
               '<div data-sanitized-class="subscription-widget-wrap"><p>Anything.</p></div>'
               '<div data-sanitized-class="footnote"><a data-sanitized-class="footnote-number" '
               'href="#footnote-anchor-1">1</a><div><p>The note.</p></div></div>')
    dropped = ('<p>Married in 1926,<a href="https://x.substack.com/#footnote-1" '
               'id="footnote-anchor-1">1</a> then more text of the post here.</p>'
               '<p>Thanks for reading The Long Shelf! Subscribe for free to receive new posts '
               'and support my work.</p><p><a href="https://x.example/p?utm_content=share">Share'
               '</a></p><p><a href="https://x.example/">Share The Long Shelf</a></p>'
               '<div><a href="https://x.substack.com/#footnote-anchor-1">1</a><div><p>The note.'
               '</p></div></div>')
    for html in (renamed, dropped):
        art = html_article(title="T", published=datetime(2026, 1, 1), html=html, source="f",
                           line=1, diags=[], publication="The Long Shelf")
        assert [b.text for b in art.blocks] == ["Married in 1926,1 then more text of the post "
                                                "here."]
        assert art.blocks[0].marks == ((16, 1),)
        assert [(n.number, [p.text for p in n.paragraphs]) for n in art.footnotes] == [
            (1, ["The note."])]


def test_a_turn_ends_at_an_editors_italic_note_and_at_a_figure():
    """The editor's closing note in italics (with a book's title upright inside) and the
    buttons and figure after the interview were counted as the last speaker's words."""
    from newsbook.model import Turn
    blocks = html_blocks(
        "<p><strong>Host:</strong> Q1?</p><p><strong>Teodora Lisk:</strong> A1.</p>"
        "<p><strong>Host:</strong> Q2?</p><p><strong>Teodora Lisk:</strong> A2.</p>"
        "<p>More of A2.</p><p><em>Teodora Lisk’s </em>Winter Crossing<em> will be published "
        "in 2027.</em></p><p><strong>Host:</strong> Q3?</p><p><strong>Teodora Lisk:</strong> "
        "A3.</p><figure><img src='https://a.example/c.jpg' alt='Cover'></figure>")[0]
    kinds = [(type(b).__name__, len(getattr(b, "blocks", ()))) for b in blocks]
    assert kinds == [("Turn", 1), ("Turn", 1), ("Turn", 1), ("Turn", 2), ("Paragraph", 0),
                     ("Turn", 1), ("Turn", 1), ("Figure", 0)]
    assert all(isinstance(b, Turn) for b in blocks[:4])


def test_the_cover_image_freshrss_appends_is_not_shown_twice():
    blocks = html_blocks('<figure><img src="https://a.example/c.jpg" alt="Cover"><figcaption>'
                         'The cover.</figcaption></figure><p>Text.</p><div class="enclosure">'
                         '<p><img src="https://a.example/c.jpg" alt=""></p></div>')[0]
    assert [type(b).__name__ for b in blocks] == ["Figure", "Paragraph"]


def test_a_label_with_nothing_after_it_still_opens_a_turn():
    """"<p><strong>Host:</strong></p>" and then a list: the turn's first paragraph is
    empty (the writer expects one), never the list."""
    from newsbook.model import Paragraph, Turn
    blocks = html_blocks("<p><strong>Host:</strong></p><ul><li>One</li></ul><p><strong>Guest:"
                         "</strong> Yes.</p><p><strong>Host:</strong> Q?</p><p><strong>Guest:"
                         "</strong> A.</p>")[0]
    assert isinstance(blocks[0], Turn) and isinstance(blocks[0].blocks[0], Paragraph)


def test_ghost_cards_keep_their_words_and_drop_their_furniture():
    """Ghost's cards as a Ghost feed writes them: an audio card is a card to its file (its
    clock "0:00", "/38:12", speed "1×" and thumbnail were paragraphs and a lost image); a
    file card is a download with its caption, not "name.pdf 2 MB" run on; a callout's
    emoji and text are one paragraph; a toggle's and a product's titles are paragraphs,
    not sections of the page; a call-to-action card labelled "Sponsored" is a sponsor's
    aside; a gallery card keeps every image (two of three were lost); a short line
    linking to the members' portal ("Sign up now …") is a prompt."""
    from newsbook.model import Aside, Heading, LinkCard
    html = (
        '<div class="kg-card kg-audio-card"><img src="" alt="audio-thumbnail" '
        'class="kg-audio-thumbnail"><div class="kg-audio-player-container"><audio '
        'src="https://k.example/media/a12.mp3" preload="metadata"></audio><div '
        'class="kg-audio-title">Kerbside Audio #12</div><div class="kg-audio-player">'
        '<span class="kg-audio-current-time">0:00</span><div class="kg-audio-time">/<span '
        'class="kg-audio-duration">38:12</span></div><button class="kg-audio-playback-rate">'
        '1×</button></div></div></div>'
        '<div class="kg-card kg-file-card"><a class="kg-file-card-container" '
        'href="https://k.example/files/count.pdf"><div class="kg-file-card-contents"><div '
        'class="kg-file-card-title">Cycle Count 2025</div><div class="kg-file-card-caption">'
        'The full counter data.</div><div class="kg-file-card-metadata"><div '
        'class="kg-file-card-filename">count.pdf</div><div class="kg-file-card-filesize">'
        '2 MB</div></div></div></a></div>'
        '<div class="kg-card kg-callout-card"><div class="kg-callout-emoji">💡</div><div '
        'class="kg-callout-text"><b>What is a dock-hour?</b> One dock for one hour.</div></div>'
        '<div class="kg-card kg-toggle-card"><div class="kg-toggle-heading"><h4 '
        'class="kg-toggle-heading-text">How we checked</h4></div><div '
        'class="kg-toggle-content"><p>Police records.</p></div></div>'
        '<div class="kg-card kg-product-card"><h4 class="kg-product-card-title">Hollin LT2</h4>'
        '<p>A longtail.</p></div>'
        '<div class="kg-card kg-cta-card"><div class="kg-cta-sponsor-label-wrapper"><div '
        'class="kg-cta-sponsor-label"><span>Sponsored</span></div></div><div '
        'class="kg-cta-content"><div class="kg-cta-text"><p>Locks by Ferrous.</p></div>'
        '</div></div>'
        '<figure class="kg-card kg-gallery-card"><div class="kg-gallery-container"><div '
        'class="kg-gallery-row"><div class="kg-gallery-image"><img src="https://k.example/1.jpg"'
        ' alt></div><div class="kg-gallery-image"><img src="https://k.example/2.jpg" alt></div>'
        '<div class="kg-gallery-image"><img src="https://k.example/3.jpg" alt></div></div></div>'
        '<figcaption>The hub at dawn.</figcaption></figure>'
        '<p><a href="https://k.example/#/portal/signup">Sign up now</a> to get interviews '
        'like this.</p><p>The end.</p>')
    blocks = html_blocks(html, base_url="https://k.example/post/")[0]
    cards = [(c.kind, c.title, c.href, c.body) for c in blocks if isinstance(c, LinkCard)]
    assert cards == [("audio", "Kerbside Audio #12", "https://k.example/media/a12.mp3", ""),
                     ("file", "Cycle Count 2025", "https://k.example/files/count.pdf",
                      "The full counter data.")]
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["💡 What is a dock-hour? One dock for one hour.", "How we checked",
                     "Police records.", "Hollin LT2", "A longtail.", "The end."]
    assert not any(isinstance(b, Heading) for b in blocks)
    title = next(b for b in blocks if isinstance(b, Paragraph) and b.text == "How we checked")
    assert [sp.kind for sp in title.spans] == ["strong"]  # (a title still, in bold)
    (aside,) = [b for b in blocks if isinstance(b, Aside)]
    assert aside.kind == "sponsor" and [b.text for b in aside.blocks] == ["Locks by Ferrous."]
    figs = [(f.src, f.caption) for f in blocks if isinstance(f, Figure)]
    assert figs == [("https://k.example/1.jpg", ""), ("https://k.example/2.jpg", ""),
                    ("https://k.example/3.jpg", "The hub at dawn.")]


def test_wordpress_footnotes_are_linked_both_ways():
    """WordPress 6.3+ writes a marker as ``sup.fn`` around a link to a random id, and the
    notes as ``ol.wp-block-footnotes``: the digit was glued to the sentence ("mmHg.1") and
    the notes were a plain list. A marker linking to "#ask-okafor-fn-2" is one too."""
    html = ('<p>Blood pressure was 140 to 179 mmHg.<sup data-fn="b3c0" class="fn"><a '
            'href="#b3c0" id="b3c0-link">1</a></sup> Next.</p><p>Ask.<a href="#ask-okafor-fn-2">'
            '2</a></p><ol class="wp-block-footnotes"><li id="b3c0">Measured seated. <a '
            'href="#b3c0-link" aria-label="Jump to footnote reference 1">↩︎</a></li><li '
            'id="x2">Second note. <a href="#x2-link">↩︎</a></li></ol>')
    blocks, notes, anchors = html_blocks(html)
    assert [(b.text, b.marks) for b in blocks] == [
        ("Blood pressure was 140 to 179 mmHg.1 Next.", ((35, 1),)), ("Ask.2", ((4, 2),))]
    assert [(n.number, [p.text for p in n.paragraphs]) for n in notes] == [
        (1, ["Measured seated."]), (2, ["Second note."])]
    assert anchors == {1, 2}


def test_a_group_of_buttons_loses_only_its_sign_up_button():
    """WordPress's buttons group "Read the paper" + "Subscribe for free" was dropped whole as
    a sign-up block; a bar of chrome links ("Sign Up | Advertise") still goes whole."""
    html = ('<p>Text of the post.</p><div class="wp-block-buttons"><div class="wp-block-button">'
            '<a class="wp-block-button__link" href="https://j.example/paper">Read the paper</a>'
            '</div><div class="wp-block-button"><a class="wp-block-button__link" '
            'href="https://x.example/subscribe">Subscribe for free</a></div></div><p><a '
            'href="https://x.example/signup">Sign Up</a> | <a href="https://x.example/ads">'
            'Advertise</a></p><p>The end.</p>')
    texts = [b.text for b in html_blocks(html, base_url="https://x.example/p/")[0]]
    assert texts == ["Text of the post.", "Read the paper", "The end."]


def test_a_shape_chart_of_an_html_body_names_the_items_line():
    """The words-per-section rows of an HTML body named the item's line plus the block's
    number (line 39 was the feed's <guid>); they name the item's line, as facts do."""
    from datetime import datetime

    from newsbook import autocharts
    from newsbook.readers.html import html_article
    art = html_article(title="T", published=datetime(2024, 1, 1), source="f.xml", line=30,
                       diags=[], html="<h2>One</h2><p>Words here, several of them.</p><h2>Two"
                                      "</h2><p>More words, and more again.</p>")
    import csv
    import io
    out = autocharts.AutoCharts()
    autocharts.fallback_chart(art, "t", [], out)
    rows = [r for text in out.datasets.values() for r in csv.DictReader(io.StringIO(text))]
    assert rows and {r["line"] for r in rows} == {"30"}


def test_a_beehiiv_email_keeps_its_text_and_loses_its_furniture():
    """beehiiv's e-mail HTML: its hidden preheader, masthead (logo, date, title again),
    avatar, social icons, badge, referral lines, poll question and copyright line are
    furniture; a "Together with X" sponsor's block is an aside; a data table inside the
    layout tables (each cell's text in one <p>) stays a table (each cell was a paragraph);
    the sender's address is no part of the byline."""
    from datetime import datetime

    from newsbook.model import Aside, Figure, Heading, Table
    from newsbook.readers.html import html_article
    row = '<tr><td><p>{}</p></td><td><p>{}</p></td></tr>'
    html = ('<div class="preview">Bakeries boom. ͏ ‌ ͏ ‌ ͏ ‌</div><table role="presentation">'
            '<tr><td><img src="https://m.example/logo.png" alt="The Larder Ledger"></td></tr>'
            '<tr><td><h6>March 20, 2026</h6></td></tr><tr><td><h1>🥐 Bakeries boom</h1></td></tr>'
            '<tr><td><img src="https://m.example/n.jpg" alt="Author" width="28"></td><td><p>'
            'Nadia Holt</p></td></tr><tr><td><p>Good morning.</p></td></tr>'
            '<tr><td><p><em>Together with Tillwell</em></p></td></tr><tr><td><p>Take orders '
            'with Tillwell Direct.</p></td></tr><tr><td><p><a href="https://t.example/">Start '
            'with Direct</a></p></td></tr><tr><td><p>Our own text.</p></td></tr>'
            '<tr><td><table class="bh__table">' + row.format("Year", "Openings")
            + row.format("2021", "5") + row.format("2022", "7") + '</table></td></tr>'
            '<tr><td><p><b>What did you think of today\'s edition?</b></p></td></tr>'
            '<tr><td><h2>Share The Larder Ledger and earn rewards</h2></td></tr>'
            '<tr><td><p>You currently have <b>0</b> referrals.</p></td></tr>'
            '<tr><td><a href="https://facebook.com/x"><img src="https://m.example/fb.png" '
            'alt="Facebook"></a></td></tr><tr><td><p>© 2026 The Larder Ledger</p></td></tr>'
            '<tr><td><p><a href="https://www.beehiiv.com/">Powered by beehiiv</a></p></td></tr>'
            '</table>')
    art = html_article(title="🥐 Bakeries boom", published=datetime(2026, 3, 20), html=html,
                       source="f.json", line=3, diags=[],
                       byline="The Larder Ledger <larderledger@mail.beehiiv.com>",
                       publication="The Larder Ledger")
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in art.blocks]
    assert not any(isinstance(b, (Heading, Figure)) for b in art.blocks), kinds
    assert [b.text for b in art.blocks if isinstance(b, Paragraph)] == [
        "Nadia Holt", "Good morning.", "Our own text."], kinds
    (aside,) = [b for b in art.blocks if isinstance(b, Aside)]
    assert [b.text for b in aside.blocks] == ["Together with Tillwell",
                                              "Take orders with Tillwell Direct.",
                                              "Start with Direct"]
    (table,) = [b for b in art.blocks if isinstance(b, Table)]
    assert table.rows == (("Year", "Openings"), ("2021", "5"), ("2022", "7"))
    assert art.byline == "The Larder Ledger"


def test_a_polls_options_go_with_its_question():
    """beehiiv's poll: its question was dropped and its options ("🥐🥐🥐 Fresh out of the
    oven", each a link opening with an emoji) stayed as paragraphs; a plain link after
    them ("Read the report") is the newsletter's own and stays."""
    html = ('<p>Text.</p><table><tr><td><p><b>What did you think of today\'s edition?</b>'
            '</p></td></tr><tr><td><p><a href="https://x.example/1">🥐🥐🥐 Fresh out of the oven'
            '</a></p></td></tr><tr><td><p><a href="https://x.example/3">🍞 Stale</a></p></td>'
            '</tr><tr><td><p><a href="https://x.example/r">Read the report</a></p></td></tr>'
            '<tr><td><p>After.</p></td></tr></table>')
    assert [b.text for b in html_blocks(html)[0]] == ["Text.", "Read the report", "After."]


def test_a_self_closed_embed_covers_nothing_and_jetpack_notes_are_linked():
    """Substack writes its digest embed ``<div class="digest-post-embed" …/>``; HTML ignores
    that slash, so the embed held the rest of the post, and dropping it dropped every
    paragraph and note after it. Jetpack numbers its notes "#fn-2231-1" (post, note): the
    marker read as text ("per 90,1") and the notes as unlinked paragraphs."""
    html = ('<p>Before the embed.<a class="footnote-anchor" id="footnote-anchor-1" '
            'href="#footnote-1">1</a></p>'
            '<div class="digest-post-embed" data-attrs="{&quot;nodeId&quot;: 1}" '
            'data-component-name="DigestPostEmbed"/>'
            '<p>After the embed, the post goes on.</p>'
            '<div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" '
            'class="footnote-number">1</a><div class="footnote-content"><p>The note.</p></div></div>')
    art, page = _page(html)
    assert [b.text for b in art.blocks if isinstance(b, Paragraph)] == [
        "Before the embed.1", "After the embed, the post goes on."]
    assert [n.paragraphs[0].text for n in art.footnotes] == ["The note."]
    jet = ('<p>He has 0.61 xG per 90,<sup id="fnref-2231-1"><a href="#fn-2231-1" '
           'class="jetpack-footnote">1</a></sup> and scores.</p><div class="footnotes"><ol>'
           '<li id="fn-2231-1">Non-penalty expected goals (npxG). <a href="#fnref-2231-1">'
           '&#8617;</a></li></ol></div>')
    art, page = _page(jet)
    assert [n.paragraphs[0].text.strip() for n in art.footnotes] == [
        "Non-penalty expected goals (npxG)."]
    assert "per 90,[^1] and scores" in page.replace("\\", "")


def test_what_follows_an_html_interview_about_it_is_no_turn_and_one_person_is_one_bar():
    """Show notes after a podcast's last answer ("Imogen's paper …", "Listen on …") were
    counted as the guest's words; "Jane Ortiz" then "Ortiz" were two bars of one person."""
    from newsbook.extract.speakers import speaker_shares
    from newsbook.model import Article, Turn
    blocks = html_blocks(
        "<p><strong>Tom:</strong> Welcome.</p><p><strong>Imogen Farrell:</strong> Thanks.</p>"
        "<p><strong>Tom:</strong> And next?</p><p><strong>Imogen Farrell:</strong> Three "
        "clubs will hire a coach.</p><p>More of hers.</p><p>Imogen’s paper on zonal marking "
        "is free to read.</p><p>Listen on Apple Podcasts, Spotify or wherever you get your "
        "podcasts.</p>")[0]
    got = [(b.speaker, [p.text for p in b.blocks]) if isinstance(b, Turn) else b.text
           for b in blocks]
    assert got == [("Tom", ["Welcome."]), ("Imogen Farrell", ["Thanks."]),
                   ("Tom", ["And next?"]),
                   ("Imogen Farrell", ["Three clubs will hire a coach.", "More of hers."]),
                   "Imogen’s paper on zonal marking is free to read."]
    # (labelled only Q and A: the one the introduction names answers)
    blocks = html_blocks(
        "<p>I spoke with Rhona Kellett, the coach, at the ground.</p>"
        "<p><strong>Q:</strong> What is the target?</p><p><strong>A:</strong> Top four.</p>"
        "<p><strong>Q:</strong> Would you survive?</p><p><strong>A:</strong> Not a "
        "chance.</p><p>Kellett's contract runs until the summer of 2027.</p>")[0]
    assert isinstance(blocks[-2], Turn) and blocks[-1].text.startswith("Kellett's contract")
    # (nor is the next episode's notice the guest's last words)
    blocks = html_blocks(
        "<p><strong>Tom:</strong> Welcome.</p><p><strong>Mireille Okafor:</strong> Thanks.</p>"
        "<p><strong>Tom:</strong> And next?</p><p><strong>Mireille Okafor:</strong> "
        "Cookbooks.</p><p>Our next episode, with the bookseller Dev Anand, goes out on 20 "
        "March.</p>")[0]
    assert isinstance(blocks[-2], Turn) and blocks[-1].text.startswith("Our next episode")
    from newsbook.model import Paragraph
    turns = tuple(Turn(n, (Paragraph(t, k),), k) for k, (n, t) in enumerate(
        [("Ledger", "Why?"), ("Jane Ortiz", "I have lived here for 16 years."),
         ("Ledger", "What first?"), ("Ortiz", "The bus."), ("Ledger", "Where?"),
         ("Ortiz", "At the café.")], 5))
    art = Article(title="Q&A", published=None, line=1, blocks=turns, footnotes=())
    assert [(s.speaker, s.words, s.turns) for s in speaker_shares(art, "q")] == [
        ("Ledger", 4, 3), ("Jane Ortiz", 12, 3)]
    # (and a speaker named by initials after the full name: "TBP" after "The Basis Point")
    turns = tuple(Turn(n, (Paragraph(t, k),), k) for k, (n, t) in enumerate(
        [("The Basis Point", "Why?"), ("Okafor", "Because."), ("TBP", "And now?"),
         ("Okafor", "Still.")], 5))
    art = Article(title="Q&A", published=None, line=1, blocks=turns, footnotes=())
    assert [(s.speaker, s.turns) for s in speaker_shares(art, "q")] == [
        ("The Basis Point", 2), ("Okafor", 2)]


def test_a_section_break_between_two_parts_of_a_post_stays():
    """An essay's ``<hr>`` between its halves was dropped, fusing them; a break first or
    last (before nothing, or before the chrome that was dropped) or twice in a row is one
    break or none."""
    from newsbook.model import Rule
    art, page = _page('<hr><p>First half ends.</p><hr><hr><p>Second half opens.</p><hr>'
                      '<div class="subscription-widget-wrap"><p>Subscribe</p></div>')
    assert [type(b).__name__ for b in art.blocks] == ["Paragraph", "Rule", "Paragraph"]
    assert isinstance(art.blocks[1], Rule)
    body = page[page.index("First half ends"):]
    assert re.search(r"First half ends\\?\.\n\n\*\*\*\n\n.*Second half opens", body, re.S), body


def test_a_wordpress_audio_block_is_a_card_to_its_file():
    """WordPress's audio block (a player and its caption) kept only the caption: the
    episode's file was linked nowhere."""
    from newsbook.model import LinkCard
    art, page = _page('<p>This week we talk.</p><figure class="wp-block-audio"><audio controls '
                      'src="https://hs.example/media/hsn-047.mp3"></audio><figcaption>Episode 47 '
                      'runs for 58 minutes.</figcaption></figure>')
    (card,) = [b for b in art.blocks if isinstance(b, LinkCard)]
    assert (card.kind, card.href, card.body) == (
        "audio", "https://hs.example/media/hsn-047.mp3", "Episode 47 runs for 58 minutes.")
    assert "https://hs.example/media/hsn-047.mp3" in page and "Episode 47 runs for 58" in page


def test_an_excerpt_that_opens_the_body_is_no_subtitle():
    """WordPress's <description> is the body's own opening, cut with "[…]": shown twice
    it would repeat the first sentence; Substack's is a subtitle of its own."""
    rss = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
           'modules/content/"><channel><title>Lab Notes</title><item><title>Blood pressure'
           '</title><pubDate>Mon, 05 Jan 2026 08:00:00 +0000</pubDate><description><![CDATA['
           'The trial enrolled 412 adults over two winters and measured [&hellip;]]]>'
           '</description><content:encoded><![CDATA[<p>The trial enrolled 412 adults over two '
           'winters and measured their pressure.</p>]]></content:encoded></item></channel></rss>')
    res = read_any("xml", rss, source="f.xml")[0][1]
    assert [b.text for b in res.feed.articles[0].blocks] == [
        "The trial enrolled 412 adults over two winters and measured their pressure."]
    # (and followed by WordPress's footer, "The post X appeared first on Y.": the excerpt,
    # footer and all, stood over the body as its subtitle)
    footed = rss.replace("The trial enrolled 412 adults over two winters and measured [",
                         "Five things. [").replace("<p>The trial", "<p>Five things. The trial"
                                                   ).replace("[&hellip;]]]>", "[&hellip;]</p><p>The post <a href='https://l.example/"
                         "bp'>Blood pressure</a> appeared first on <a href='https://l.example'>"
                         "Lab Notes</a>.</p>]]>").replace("CDATA[The", "CDATA[<p>The")
    assert "appeared first on" in footed
    res = read_any("xml", footed, source="f.xml")[0][1]
    assert [b.text for b in res.feed.articles[0].blocks] == [
        "Five things. The trial enrolled 412 adults over two winters and measured their "
        "pressure."]


def test_a_self_closed_embed_in_a_feed_covers_nothing():
    """feedparser's own pass over a feed's HTML (it resolves relative addresses) writes a
    self-closed "<div … />" back as an open "<div>": the rest of the post was lost with the
    digest embed, both in CDATA and in escaped HTML."""
    embed = '<div class="digest-post-embed" data-attrs="{&quot;a&quot;: 1}" data-x="1"/>'
    cdata = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
             'modules/content/"><channel><title>W</title><item><title>N2</title><pubDate>Mon, 22 '
             'Sep 2025 08:00:00 +0000</pubDate><content:encoded><![CDATA[<p>Before.</p>' + embed
             + '<p>Capex tells the same story.</p>]]></content:encoded></item></channel></rss>')
    escaped = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
               '<title>W</title><entry><title>N2</title><published>2025-09-22T08:00:00Z'
               '</published><content type="html">&lt;p&gt;Before.&lt;/p&gt;' + embed.replace(
                   "&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") +
               '&lt;p&gt;Capex tells the same story.&lt;/p&gt;</content></entry></feed>')
    for xml in (cdata, escaped):
        res = read_any("xml", xml, source="f.xml")[0][1]
        assert [b.text for b in res.feed.articles[0].blocks] == [
            "Before.", "Capex tells the same story."], xml


def test_an_older_twitter_embed_keeps_the_tweets_words():
    """Substack's older ``div.twitter-embed`` wraps a ``div.tweet``: the card was made from
    the inner furniture (its author's name), and the tweet's four sentences were lost."""
    from newsbook.model import LinkCard
    html = ('<div class="twitter-embed" data-attrs="{&quot;url&quot;:&quot;https://x.com/k/'
            'status/1&quot;,&quot;full_text&quot;:&quot;Cleanroom is spotless. Average age is '
            '31.&quot;,&quot;username&quot;:&quot;k&quot;,&quot;name&quot;:&quot;Kenji Ota'
            '&quot;}"><div class="tweet"><div class="tweet-header"><span class="tweet-author-'
            'name">Kenji Ota</span> <span class="tweet-author-handle">@k</span></div></div></div>')
    (card,) = [b for b in html_blocks(html, base_url="https://w.example/p/x")[0]
               if isinstance(b, LinkCard)]
    assert (card.kind, card.title, card.body) == (
        "tweet", "Kenji Ota (@k)", "Cleanroom is spotless. Average age is 31.")


def test_a_bold_name_then_its_time_opens_a_turn():
    """Substack transcripts written "<strong>Priya Raman</strong> [00:11:09]: …" had no
    turns and no speaker chart: the colon stands after the time."""
    html = "".join(f"<p><strong>{n}</strong> [{t}]: {w}</p>" for n, t, w in (
        ("Priya Raman", "00:11:09", "Mass reflow is old."), ("Marcus Feld", "00:12:01", "And?"),
        ("Priya Raman", "00:12:30", "Hybrid bonding."), ("Marcus Feld", "00:13:00", "Thanks.")))
    art, page = _page(html)
    assert [(t.speaker, t.stamp, t.blocks[0].text) for t in art.blocks] == [
        ("Priya Raman", "[00:11:09]", "Mass reflow is old."),
        ("Marcus Feld", "[00:12:01]", "And?"), ("Priya Raman", "[00:12:30]", "Hybrid bonding."),
        ("Marcus Feld", "[00:13:00]", "Thanks.")]
    assert "[00:11:09]" in page.replace("\\", "")  # (its brackets as written)


def test_a_podcast_entrys_audio_enclosure_is_a_card():
    """A podcast post's episode is its <enclosure>: no page linked to it."""
    from newsbook.model import LinkCard
    rss = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
           'modules/content/"><channel><title>W</title><item><title>Ep. 14</title><pubDate>Mon, '
           '22 Sep 2025 08:00:00 +0000</pubDate><enclosure url="https://cdn.example/ep14.mp3" '
           'length="1" type="audio/mpeg"/><content:encoded><![CDATA[<p>We talk.</p>]]>'
           '</content:encoded></item></channel></rss>')
    art = read_any("xml", rss, source="f.xml")[0][1].feed.articles[0]
    assert [(b.kind, b.href) for b in art.blocks if isinstance(b, LinkCard)] == [
        ("audio", "https://cdn.example/ep14.mp3")]


def test_a_page_links_to_its_original_post():
    """An export keeps each post's address: the page linked to it nowhere."""
    _, page = _page("<p>Hello.</p>")
    assert "[Original post](https://news.example/p/x)" in page
    _, page = _page("<p>Hello.</p>", link="javascript:alert(1)")
    assert "Original post" not in page and "javascript" not in page


def test_a_guest_posts_byline_in_its_body_is_its_byline():
    """"By Anneliese Voigt", bold, after the editor's note: the page said "By Marcus Feld"
    (the feed's author); an unbolded "By the way" line or a long bold one is text."""
    from newsbook.readers.html import html_article
    html = ('<p><em>Editor’s note: a guest post.</em></p><hr><p><strong>By Anneliese Voigt'
            '</strong></p><p>By the way, Europe pays.</p>')
    art = html_article(title="T", published=datetime(2025, 10, 1), html=html, source="f.xml",
                       line=1, link="https://w.example/p/t", byline="Marcus Feld", diags=[])
    assert art.byline == "Anneliese Voigt"
    assert [getattr(b, "text", "") for b in art.blocks] == [
        "Editor’s note: a guest post.", "", "By the way, Europe pays."]


def test_a_footnote_marker_in_a_table_cell_is_bracketed():
    """A cell's footnote marker ran into its number: "~$48,000" with note 2 read
    "~$48,0002" (a different price)."""
    from newsbook.model import Table
    html = ('<table><tr><th>Item</th><th>Price</th></tr><tr><td>GB200</td><td>~$48,000<a class='
            '"footnote-anchor" id="footnote-anchor-2" href="#footnote-2">2</a></td></tr></table>'
            '<div class="footnote"><a id="footnote-2" href="#footnote-anchor-2" class="footnote-'
            'number">2</a><div class="footnote-content"><p>Per GPU.</p></div></div>')
    (table,) = [b for b in html_blocks(html, base_url="https://x.example/p")[0]
                if isinstance(b, Table)]
    assert table.rows == (("Item", "Price"), ("GB200", "~$48,000[2]"))


def test_an_html_sponsor_paragraph_with_its_link_is_the_whole_aside():
    """"Today's issue is brought to you by Ledgerly … Try it free" (its own link), then a
    section break and the newsletter's "Good evening." opening: the aside took the
    opening with it, folded away."""
    from newsbook.model import Aside
    blocks = html_blocks(
        "<p><em>Today's issue is brought to you by <strong>Ledgerly</strong>, the tax-lot "
        "tracker. <a href=\"https://ledgerly.example/t\">Try it free</a></em></p><hr>"
        "<p>Good evening. Nvidia reported.</p><p>Sponsored by Acme Cloud</p><hr>"
        "<p>Our own text.</p>", base_url="https://x.example/p")[0]
    kinds = [(type(b).__name__, [getattr(x, "text", "")[:12] for x in b.blocks]
              if isinstance(b, Aside) else getattr(b, "text", "")[:12]) for b in blocks]
    assert kinds == [("Aside", ["Today's issu"]), ("Rule", ""), ("Paragraph", "Good evening"),
                     ("Aside", ["Sponsored by"]), ("Rule", ""), ("Paragraph", "Our own text")]


@pytest.mark.parametrize("after", [
    "<ul><li><p>Event data back to 2010</p></li><li>Sign up at <a href=\"https://p.example\">"
    "p.example</a></li></ul>",
    "<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Pro</td><td>$9</td></tr></table>",
    "<pre><code>pip install pitchline</code></pre>",
    "<figure><img src=\"https://p.example/a.png\" alt=\"A\"><figcaption>Our app.</figcaption>"
    "</figure>",
    "<blockquote><p>Best data in the league.</p></blockquote>"])
def test_a_sponsors_line_before_any_kind_of_block_is_an_aside(after):
    """"Together with Pitchline Data" over a bullet list: the list has no ``text`` of its
    own, and the whole conversion stopped with an AttributeError."""
    from newsbook.model import Aside
    blocks = html_blocks(f"<p>Hello there, this is the week.</p><p><b>Together with Pitchline "
                         f"Data</b></p>{after}<h2>Bye</h2><p>The end.</p>",
                         base_url="https://x.example/p")[0]
    aside = next(b for b in blocks if isinstance(b, Aside))
    assert aside.kind == "sponsor" and len(aside.blocks) == 2
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == "The end."


def test_an_email_footers_address_line_and_share_links_are_chrome():
    """"The Basis Point · 1209 Larkin Street, Suite 4 · San Francisco, CA 94109" closed
    every issue (and its words became glossary entries: "Larkin Street", "Suite");
    "Share this issue · Forward to a friend" stayed too."""
    blocks = html_blocks(
        "<p>Our text here is long enough to be the article body and more words.</p>"
        "<p>Serves 4 · Prep 20 minutes</p>"
        "<p>Share this issue · Forward to a friend</p><p>The Basis Point · 1209 Larkin Street,"
        " Suite 4 · San Francisco, CA 94109</p>", base_url="https://x.example/p")[0]
    assert [b.text for b in blocks] == [
        "Our text here is long enough to be the article body and more words.",
        "Serves 4 · Prep 20 minutes"]


def test_ghosts_members_wall_says_the_post_is_a_preview_and_its_pitch_goes():
    """A Ghost post cut by its members' wall ("Become a member to keep reading", to the
    portal) said nothing of it; a paragraph pitching the portal ("Not a subscriber yet?
    Subscribe and get … every Friday.") stayed."""
    from newsbook.readers.html import _read_body
    body = "<p>" + "The match was a close one and the crowd enjoyed it. " * 6 + "</p>"
    wall = ('<div class="kg-card kg-button-card"><a href="https://k.example/#/portal/signup" '
            'class="kg-btn">Become a member to keep reading</a></div>')
    pitch = ('<p>Not a subscriber yet? <a href="https://k.example/#/portal/signup">Subscribe'
             '</a> and get the Touchline in your inbox every Friday.</p>')
    blocks, _, _, cut = _read_body(body + pitch + wall, "https://k.example/p/x", 1)
    assert len(blocks) == 1 and cut
    blocks, _, _, cut = _read_body(body + pitch, "https://k.example/p/x", 1)
    assert len(blocks) == 1 and not cut


def test_an_html_interview_named_in_full_once_then_short():
    """"Platform & Precedent:" then "P&P:", "Adaeze Lindqvist:" then "Lindqvist:": each
    full name opened one turn only, so the interview had no turns and no speaker chart."""
    from newsbook.model import Turn
    blocks = html_blocks(
        "<p><strong>Platform &amp; Precedent:</strong> Why?</p><p><strong>Adaeze Lindqvist:"
        "</strong> Because.</p><p><strong>P&amp;P:</strong> And?</p><p><strong>Lindqvist:"
        "</strong> So.</p><p><strong>P&amp;P:</strong> Thanks.</p><p><strong>Lindqvist:"
        "</strong> Bye.</p>", base_url="https://x.example/p")[0]
    assert [t.speaker for t in blocks if isinstance(t, Turn)] == [
        "Platform & Precedent", "Adaeze Lindqvist", "P&P", "Lindqvist", "P&P", "Lindqvist"]


def test_a_speakers_label_may_name_their_firm_in_brackets():
    """"<strong>Tom Ackroyd (Ackroyd Lettings, Kirkstall):</strong>": a speaker, the
    bracket and its comma in the label, kept whole as the turn's speaker."""
    from newsbook.model import Turn
    blocks = html_blocks("<p><strong>Aire Valley:</strong> Are landlords selling?</p>"
                         "<p><strong>Tom Ackroyd (Ackroyd Lettings, Kirkstall):</strong> Some "
                         "are.</p><p><strong>Aire Valley:</strong> Why?</p><p><strong>Tom "
                         "Ackroyd (Ackroyd Lettings, Kirkstall):</strong> Rates.</p>")[0]
    assert [b.speaker for b in blocks if isinstance(b, Turn)] == [
        "Aire Valley", "Tom Ackroyd (Ackroyd Lettings, Kirkstall)"] * 2
    assert blocks[1].blocks[0].text == "Some are."


def test_a_block_its_markup_names_a_sponsors_is_one_aside():
    """"<div class="sponsor">": the label, the advertisement with its link and the small
    print under it are one aside (the small print stood outside, as the letter's own)."""
    from newsbook.model import Aside, Paragraph
    blocks = html_blocks(
        '<p>Prices rose.</p><div class="sponsor"><p><strong>SPONSORED</strong></p><p>Fix '
        'your rate early. Book at <a href="https://broker.example/">broker.example</a>.</p>'
        '<p><small>Your home may be repossessed if you do not keep up repayments on your '
        'mortgage.</small></p></div><p>See you next month.</p>')[0]
    assert [type(b) for b in blocks] == [Paragraph, Aside, Paragraph]
    assert [p.text for p in blocks[1].blocks][-1].startswith("Your home may be repossessed")
    assert blocks[1].blocks[0].text == "SPONSORED"


def test_a_turns_first_paragraph_keeps_its_inline_code():
    """"<strong>Ines:</strong> <code>--explain</code>. …": the answer's code stays code
    (the turn's first paragraph was written as plain text, its markup lost)."""
    from datetime import datetime
    from newsbook.model import Article
    from newsbook.writers.myst_page import PageContext, render_article
    blocks = html_blocks("<p><strong>Q:</strong> Which flag?</p><p><strong>Ines:</strong> "
                         "<code>--explain</code>. Usually it is <code>$HOME</code>.</p>"
                         "<p><strong>Q:</strong> And?</p><p><strong>Ines:</strong> Done.</p>")[0]
    page = render_article(Article("T", datetime(2026, 1, 1), tuple(blocks), (), 1, rich=True),
                          PageContext(stem="t"))
    assert "**Ines:** `--explain`\\. Usually it is `$HOME`\\." in page


def test_a_table_cells_footnote_links_to_its_note():
    """"<td>¥154.1<a class="footnote-anchor" …>1</a></td>": the cell's marker links to the
    note and the note is the page's footnote (it was a loose "Note 1" linked from nowhere)."""
    from datetime import datetime
    from newsbook.model import Article
    from newsbook.writers.myst_page import PageContext, render_article
    blocks, notes, _ = html_blocks(
        '<table><tr><th>Decision</th><th>Yen</th></tr><tr><td>30 October 2025</td><td>¥154.1'
        '<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></td></tr>'
        '</table><div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" '
        'class="footnote-number">1</a><div class="footnote-content"><p>Intraday.</p></div></div>')
    page = render_article(Article("T", datetime(2026, 1, 1), tuple(blocks), tuple(notes), 1,
                                  rich=True), PageContext(stem="t"))
    assert "| 30 October 2025 | ¥154\\.1[^1] |" in page
    assert "[^1]: Intraday\\." in page and "**Note 1**" not in page


def test_a_tables_caption_is_kept_before_it():
    """"<table><caption>General fund spending by department</caption>…": the caption's
    words are a paragraph before the table (they were lost)."""
    from newsbook.model import Paragraph, Table
    blocks = html_blocks("<table><caption>General fund spending by department</caption><tr>"
                         "<th>Department</th><th>FY2026</th></tr><tr><td>Police</td><td>$1.42M"
                         "</td></tr></table>")[0]
    assert [type(b) for b in blocks] == [Paragraph, Table]
    assert blocks[0].text == "General fund spending by department"


def test_the_newsletters_name_over_its_address_is_chrome():
    """"<p>The Pell Creek Bulletin<br>214 Main Street<br>Pell Creek, IA 50977</p>": the
    footer's address a line each is dropped (its lines became "Main Street Pell Creek" on
    the people page); a reader's address in a letter stays."""
    from newsbook.readers.html import _read_body
    html = ("<p>Fix the bridge. " + "The span has been closed to trucks since the winter. " * 4 +
            "</p><p>Jo Reyes<br>1417 Walnut Street<br>Pell Creek</p>"
            "<p>The Pell Creek Bulletin<br>214 Main Street<br>Pell Creek, IA 50977</p>")
    texts = [b.text for b in _read_body(html, "", 1, "The Pell Creek Bulletin")[0]]
    assert len(texts) == 2 and texts[0].startswith("Fix the bridge.") and "1417 Walnut" in texts[1]


def test_a_speaker_named_in_full_once_then_by_first_name_is_one():
    """"<strong>Femi Aldous:</strong>" once, then "<strong>Femi:</strong>": his first
    answer was the host's turn's."""
    from newsbook.model import Turn
    blocks = html_blocks("<p><strong>GB:</strong> How did it start?</p><p><strong>Femi "
                         "Aldous:</strong> Honestly? The rent.</p><p><strong>GB:</strong> And "
                         "now?</p><p><strong>Femi:</strong> Busy.</p><p><strong>GB:</strong> "
                         "Thanks.</p><p><strong>Femi:</strong> Cheers.</p>")[0]
    assert [b.speaker for b in blocks if isinstance(b, Turn)] == [
        "GB", "Femi Aldous", "GB", "Femi", "GB", "Femi"]


def test_a_mailchimp_footer_cell_is_dropped_line_by_line():
    """A Mailchimp footer is one cell of lines split by blank lines: "Forward to a friend",
    the copyright, "You are receiving this …", "Our mailing address is:" and its lines,
    "Add us to your address book", the preferences line; and its preheader ends "| View
    this email in your browser". Each was kept on every page."""
    from newsbook.readers.html import _read_body
    body = "<p>" + "We counted the openings and closures of the year. " * 6 + "</p>"
    html = ('<table><tr><td class="mcnTextContent"><span>Our annual count &nbsp;|&nbsp; <a '
            'href="https://us21.campaign-archive.com/?u=3">View this email in your browser</a>'
            '</span></td></tr></table>' + body +
            '<table><tr><td class="mcnTextContent"><a href="https://us21.forward-to-friend.com/'
            'f">Forward to a friend</a><br><br><em>Copyright © 2026 The Gravy Boat, All rights '
            'reserved.</em><br>You are receiving this email because you signed up.<br><br>'
            '<strong>Our mailing address is:</strong><br>The Gravy Boat<br>Studio 6, Paintworks'
            '<br>Bristol, BS4 3EH<br><br><a href="https://x.list-manage.com/vcard">Add us to '
            'your address book</a><br><br>Want to change how you receive these emails?<br>You '
            'can <a href="https://x.list-manage.com/profile">update your preferences</a> or <a '
            'href="https://x.list-manage.com/unsubscribe">unsubscribe from this list</a>.</td>'
            '</tr></table>')
    texts = [b.text for b in _read_body(html, "", 1, "The Gravy Boat")[0]]
    assert len(texts) == 1 and texts[0].startswith("We counted")


def test_dates_that_are_a_title_a_source_or_a_series_own():
    """"<em>2041</em> by Kaito Brennan-Mori" is a novel, no year; "— Mara Vinter, The Salt
    Roads (Harcastle, 1967)" is the quote's source; and a series' year takes no event of
    another paragraph of the same HTML post (all its paragraphs give the item's line)."""
    from datetime import datetime

    from newsbook.extract import events, extract_article
    from newsbook.readers.html import html_article
    html = ("<ul><li><p><em>2041</em> by Kaito Brennan-Mori (Hollin)</p></li><li><p><em>Low "
            "Tide</em> by Ann Roe</p></li></ul><blockquote><p>The sea came in.</p></blockquote>"
            "<p>— Mara Vinter, The Salt Roads (Harcastle, 1967), pp. 3–4</p><p>It sold 12,000 "
            "copies in 2019, 48,000 in 2020 and 210,000 in 2021.</p><p>In 2021 a clip of it was "
            "viewed 9.2 million times.</p>")
    art = html_article(title="T", published=datetime(2026, 5, 1), source="f.json", line=7,
                       diags=[], html=html)
    fx = extract_article(art, "t")
    assert [d.when for d in events(fx)] == ["2021"]
    assert [p.period for s in fx.series for p in s.points] == ["2019", "2020", "2021"]


def test_ghosts_paywall_aside_marks_the_post_a_preview():
    """Ghost's "<aside class="gh-post-upgrade-cta"><h2>This post is for paying subscribers
    only</h2><a href="…#/portal/signup">Subscribe now</a>…": dropped, and the post is its
    preview (the heading ran into the button, "only" + "Subscribe", and hid the wall)."""
    from newsbook.readers.html import _read_body
    html = ("<p>" + "Solar outran coal for the first time in the first quarter. " * 5 + "</p>"
            '<aside class="gh-post-upgrade-cta"><div><h2>This post is for paying subscribers '
            'only</h2><a class="gh-btn" href="https://c.example/#/portal/signup">Subscribe now'
            "</a></div></aside>")
    blocks, _, _, cut_short = _read_body(html, "https://c.example/q1/", 1)
    assert len(blocks) == 1 and cut_short


def test_a_spanning_cell_keeps_the_cells_after_it_under_their_headers():
    """A cell spanning two rows ("North") left the next row's cells one column to the
    left ("Bray" under Region, "980" under Town), and one spanning two columns made the
    row short: each value then stood under another column's header."""
    h = ('<table><tr><th>Region</th><th>Town</th><th>Pop</th></tr><tr><td rowspan="2">North'
         '</td><td>Ash</td><td>1,204</td></tr><tr><td>Bray</td><td>980</td></tr><tr><td>South'
         '</td><td colspan="2">n/a</td></tr><tr><td>West</td><td>Cole</td><td>455</td></tr>'
         '</table>')
    assert html_blocks(h)[0][0].rows == (
        ("Region", "Town", "Pop"), ("North", "Ash", "1,204"), ("", "Bray", "980"),
        ("South", "n/a", ""), ("West", "Cole", "455"))


def test_the_notes_lists_own_title_goes_with_the_list():
    """Buttondown's "<h2>Footnotes</h2><ol class="footnotes">" then a rule: the notes are
    the page's footnotes, so the title over nothing is dropped (its empty section and the
    rule after it failed the book's build), and a "Notes" title over text stays."""
    html = ('<p>The cutting was abandoned in 1811.<sup><a href="#footnote-1" '
            'id="footnote-anchor-1">1</a></sup></p><h2>Footnotes</h2><ol class="footnotes">'
            '<li id="footnote-1"><p>It can still be walked. <a href="#footnote-anchor-1">↩</a>'
            '</p></li></ol><hr><p>Thanks for reading, and write back.</p>'
            '<h2>Notes</h2><p>A note that is text of its own.</p>')
    blocks, notes, _ = html_blocks(html)
    assert [n.number for n in notes] == [1]
    assert [b.text for b in blocks if isinstance(b, Heading)] == ["Notes"]


def test_a_footers_paragraph_keeps_the_authors_own_sentence():
    """"<em>X is written by Y in Bristol.</em> <a>Forward to a friend</a> | <a>Unsubscribe
    </a>": the links go and the sentence stays (it was lost with them); the sender's
    address line with its country after the postcode is chrome, as are Buttondown's badge
    and its forward prompt."""
    html = ('<p>That is it for this week, and thank you for reading.</p>'
            '<p><em>Curb &amp; Kerb is written by Priya Anand-Okoro in Bristol.</em> '
            '<a href="https://x.example/forward">Forward to a friend</a> | '
            '<a href="https://x.example/unsubscribe/8f">Unsubscribe</a> | '
            '<a href="https://x.example/preferences/8f">Update preferences</a></p>'
            '<p>Curb &amp; Kerb · 41 Tannery Row, Unit 2, Bristol BS1 6QH, UK</p>'
            '<p>Were you forwarded this email? <a href="https://x.example/s">Subscribe here</a>.'
            '</p><p><a href="https://buttondown.com/refer/x">Powered by Buttondown.</a></p>'
            '<p>You are receiving this because you signed up. <a href="https://x.example/u">'
            'Unsubscribe</a></p>')
    blocks, _, _ = html_blocks(html)
    assert [b.text for b in blocks] == [
        "That is it for this week, and thank you for reading.",
        "Curb & Kerb is written by Priya Anand-Okoro in Bristol."]


def test_an_emails_hidden_preheader_referral_lines_and_merge_tags_are_chrome():
    """beehiiv's body: a preheader hidden by its style (the inbox's preview line, padded
    with invisible characters), the writer's name under the avatar (the header says "By"
    it), a referral line and an unfilled merge tag: none is the article's text."""
    from newsbook.readers.html import html_article
    html = ('<div style="display:none;max-height:0px;overflow:hidden;">A 38-kilometre solo '
            'and a podium.&nbsp;&zwnj;&nbsp;&zwnj;</div><table><tr><td><img src="https://x.'
            'example/a.jpg" alt="Author" width="32"></td><td><p style="margin:0;">Marta Quell'
            '</p></td></tr></table><p style="margin:0 0 16px;">Good morning, and welcome.</p>'
            '<p>Refer 3 friends and get the ChainRing musette.</p>'
            '<p>{{rp_personalized_text}}</p><p>{{ subst }} stays, as text.</p>')
    art = html_article(title="T", published=datetime(2026, 3, 17), html=html,
                       source="f.xml", line=1, byline="Marta Quell", diags=[])
    assert [b.text for b in art.blocks] == ["Good morning, and welcome.",
                                            "{{ subst }} stays, as text."]
    assert art.byline == "Marta Quell"


def test_a_digest_items_title_in_bold_keeps_its_bold_and_ends_before_its_summary():
    """"<strong><a>Title</a></strong> Summary …" and "<a><strong>Title</strong></a>": the
    title stays a bold link (it became a plain one), and a fact of the summary quotes the
    summary, not the title glued to it."""
    from newsbook.extract import extract_article
    from newsbook.readers.html import html_article
    from newsbook.writers.escape import escape_text
    html = ('<p>This week: trams, lanes and one very long queue for a bus.</p>'
            '<p><strong>→ <a href="https://x.example/a">Ostvik ridership, quarter by quarter'
            '</a></strong> Tram boardings were 58.1 million in Q1 2026, 60.4 million in Q2 '
            '2026 and 57.2 million in Q3 2026.</p><p><a href="https://x.example/b"><strong>'
            'Paris adds lanes</strong></a> The city added 52 km in 2025.</p>'
            '<p>See <a href="https://x.example/c">this <em>piece</em> here</a>.</p>')
    art = html_article(title="T", published=datetime(2026, 11, 1), html=html, source="f.json",
                       line=1, diags=[])
    md = [render_spans(b.spans, b.marks, lambda t, m: escape_text(t)) for b in art.blocks]
    assert md[1].startswith("**→** **[Ostvik ridership\\, quarter by quarter](https://x.example/a)"
                            "** Tram boardings")
    assert md[2].startswith("**[Paris adds lanes](https://x.example/b)** The city")
    assert md[3] == "See [this piece here](https://x.example/c)\\."
    facts = extract_article(art, "t")
    quotes = {q.quote for q in facts.quantities}
    assert quotes == {"Tram boardings were 58.1 million in Q1 2026, 60.4 million in Q2 2026 "
                      "and 57.2 million in Q3 2026.", "The city added 52 km in 2025."}
    # (a title's own year is a headline's: "→ Bogotá sets its 2027 fare")
    html2 = ('<p>This week: fares and a queue.</p><p><strong>→ <a href="https://x.example/a">'
             'Bogotá sets its 2027 fare</a></strong> The city will charge 3,200 pesos from '
             'January 2027.</p>')
    art2 = html_article(title="T", published=datetime(2026, 11, 1), html=html2,
                        source="f.json", line=1, diags=[])
    assert [d.when for d in extract_article(art2, "t").dates] == ["January 2027"]


def test_section_titles_set_as_bold_paragraphs_are_headings():
    """An e-mail body's "<p><strong>DATA</strong></p>" over each section (two or more):
    headings; one bold line alone, or a bold sentence, stays a paragraph."""
    html = ('<p>Intro words here for the issue, a few of them.</p><p><strong>DATA</strong></p>'
            '<p>Paris added 52 km of lanes in 2025.</p><p><strong>Worth reading</strong></p>'
            '<p>A long read on buses.</p><p><strong>This is a bold sentence.</strong></p>'
            '<p>The end.</p>')
    blocks, _, _ = html_blocks(html)
    assert [(b.text, b.level) for b in blocks if isinstance(b, Heading)] == [
        ("DATA", 2), ("Worth reading", 2)]
    one = html_blocks('<p>Intro.</p><p><strong>Important</strong></p><p>Text.</p>')[0]
    assert not any(isinstance(b, Heading) for b in one)


def test_a_caption_typed_in_italics_under_its_image_is_the_images():
    """beehiiv sets a caption as an italic paragraph under the image: the figure's caption
    (it was a separate paragraph, the figure had none); an italic paragraph under an image
    that has its own caption stays a paragraph."""
    from newsbook.model import Figure
    html = ('<p>Some text before the picture, a sentence.</p><div><img src="https://x.example/'
            'a.jpg" alt="A rider"></div><p><i>Varela on the Serra da Estrela, in April. Photo: '
            'Sofia Amaral</i></p><figure><img src="https://x.example/b.jpg" alt=""><figcaption>'
            'The descent.</figcaption></figure><p><em>An aside in italics.</em></p>')
    blocks, _, _ = html_blocks(html)
    assert [(type(b).__name__, b.text) for b in blocks] == [
        ("Paragraph", "Some text before the picture, a sentence."),
        ("Figure", "Varela on the Serra da Estrela, in April. Photo: Sofia Amaral"),
        ("Figure", "The descent."), ("Paragraph", "An aside in italics.")]
    assert isinstance(blocks[1], Figure)


def test_jetpacks_share_buttons_and_related_posts_are_chrome():
    """WordPress's Jetpack block of share buttons and its "Related" posts (other posts'
    titles and dates, drawn as this post's events) are dropped."""
    html = ('<p>Coverage fell again this year, to 92.1%.</p><div class="sharedaddy '
            'sd-sharing-enabled"><div class="sd-block sd-sharing"><h3 class="sd-title">Share '
            'this:</h3><ul><li><a href="https://x.example/?share=twitter">X</a></li></ul></div>'
            '</div><div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts'
            '-headline"><em>Related</em></h3></div><nav class="jp-relatedposts-i2 wp-block-'
            'jetpack-related-posts"><ul class="jp-related-posts-i2__list"><li><a href="https://'
            'x.example/a">Measles in 2025: a short explainer</a><dl><dt>Date</dt><dd>April 8, '
            '2025</dd></dl></li></ul></nav>')
    blocks, _, _ = html_blocks(html)
    assert [b.text for b in blocks] == ["Coverage fell again this year, to 92.1%."]


@pytest.mark.parametrize("html, want", [
    # a time before the bold name, or inside the bold
    ('<p>[00:00:48] <strong>Mara Ellison:</strong> Ines, welcome.</p><p>[00:01:02] <strong>'
     'Ines Okafor:</strong> Thanks.</p><p>More of it.</p><p>[00:02:10] <strong>Mara Ellison:'
     '</strong> So?</p><p>[00:02:44] <strong>Ines Okafor:</strong> Yes.</p>',
     [("Mara Ellison", "[00:00:48]", 1), ("Ines Okafor", "[00:01:02]", 2),
      ("Mara Ellison", "[00:02:10]", 1), ("Ines Okafor", "[00:02:44]", 1)]),
    ('<p><strong>[00:00:35] Mara Ellison:</strong> Hello.</p><p><strong>[00:00:40] Tomasz '
     'Wrona:</strong> Hi.</p><p><strong>[00:01:35] Mara Ellison:</strong> So?</p><p><strong>'
     '[00:02:35] Tomasz Wrona:</strong> Yes.</p>',
     [("Mara Ellison", "[00:00:35]", 1), ("Tomasz Wrona", "[00:00:40]", 1),
      ("Mara Ellison", "[00:01:35]", 1), ("Tomasz Wrona", "[00:02:35]", 1)]),
    # a producer who speaks once, between the guest's turns, is a speaker of his own
    ('<p><strong>Mara Ellison</strong> [00:00:35]: Hello.</p><p><strong>Tomasz Wrona</strong>'
     ' [00:00:40]: Hi.</p><p><strong>Theo Lang</strong> [00:03:01]: Closer, please.</p><p>'
     '<strong>Tomasz Wrona</strong> [00:03:05]: Sure.</p><p><strong>Mara Ellison</strong> '
     '[00:04:35]: So?</p>',
     [("Mara Ellison", "[00:00:35]", 1), ("Tomasz Wrona", "[00:00:40]", 1),
      ("Theo Lang", "[00:03:01]", 1), ("Tomasz Wrona", "[00:03:05]", 1),
      ("Mara Ellison", "[00:04:35]", 1)]),
    # a time after the bold label: the turn's, not the speaker's words
    ('<p><strong>Mara Ellison:</strong> [00:00:35] Hello.</p><p><strong>Tomasz Wrona:</strong>'
     ' [00:00:40] Hi.</p><p><strong>Mara Ellison:</strong> [00:01:35] So?</p><p><strong>'
     'Tomasz Wrona:</strong> [00:02:35] Yes.</p>',
     [("Mara Ellison", "[00:00:35]", 1), ("Tomasz Wrona", "[00:00:40]", 1),
      ("Mara Ellison", "[00:01:35]", 1), ("Tomasz Wrona", "[00:02:35]", 1)]),
    # "Q:" and "A:", the question in bold or not
    ('<p><strong>Q: What do you measure?</strong></p><p>A: Samples, twice a week.</p>'
     '<p>Q: And then?</p><p>A: We sequence them.</p>',
     [("Q", "", 1), ("A", "", 1), ("Q", "", 1), ("A", "", 1)]),
])
def test_transcripts_in_other_tools_forms_are_turns(html, want):
    from newsbook.model import Turn
    blocks, _, _ = html_blocks("<p>Our guest this week.</p>" + html)
    assert [(t.speaker, t.stamp, len(t.blocks)) for t in blocks if isinstance(t, Turn)] == want


def test_ghosts_members_only_marker_makes_a_preview():
    """Ghost's "<!--members-only-->" ends a post's public part: the feed holds its preview
    (the page ended as if complete, with no note and no warning)."""
    from newsbook.readers.html import _read_body
    assert _read_body("<p>The five moves we would make.</p><!--members-only-->", "", 1)[3]
    assert not _read_body("<p>The five moves we would make.</p>", "", 1)[3]


def test_an_rss_authors_address_is_not_the_byline():
    """RSS 2.0's "<author>mara@blockheight.dev (Mara Quillon)</author>" is by Mara Quillon."""
    from newsbook.readers.html import html_article
    art = html_article(title="T", published=datetime(2026, 1, 1), html="<p>Text here.</p>",
                       source="f.xml", line=1, byline="mara@blockheight.dev (Mara Quillon)",
                       diags=[])
    assert art.byline == "Mara Quillon"


def test_a_mailbag_of_reader_questions_is_no_ones_share_of_words():
    """"Reader question:" and "Answer:" in bold were drawn as two speakers of an interview
    ("Words spoken by Reader question, Answer")."""
    from newsbook.extract.speakers import speaker_shares
    from newsbook.model import Article, Turn
    blocks = html_blocks(
        "<p>Your questions this month.</p>"
        "<p><strong>Reader question:</strong> Is a 50% cut better than a 2% one?</p>"
        "<p><strong>Answer:</strong> Not necessarily.</p>"
        "<p><strong>Reader question:</strong> Should I refinance now?</p>"
        "<p><strong>Answer:</strong> Only if the rate falls a full point.</p>")[0]
    assert sum(isinstance(b, Turn) for b in blocks) == 4
    art = Article(title="Mailbag", published=None, line=1, blocks=tuple(blocks), footnotes=())
    assert speaker_shares(art, "m") == ()


def test_a_feeds_description_is_the_newsletters_own_words_in_the_intro(tmp_path):
    """The channel's <description> ("Football analytics for people who watch the games …")
    was read nowhere: the intro's lead had only the converter's words. A stock line
    ("Just another WordPress site") or markup says nothing of it."""
    def rss(about: str) -> str:
        return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
                f'modules/content/"><channel><title>Half-Space</title><description>{about}'
                '</description><item><title>T</title><pubDate>Mon, 05 Jan 2026 08:00:00 +0000'
                '</pubDate><content:encoded><![CDATA[<p>Body text of the post, long enough.</p>'
                ']]></content:encoded></item></channel></rss>')
    own = "Football analytics for people who watch the games."
    assert read_any("xml", rss(own), source="f.xml")[0][1].feed.articles[0].about == own
    for stock in ("Just another WordPress site", "Half-Space", ""):
        assert read_any("xml", rss(stock), source="f.xml")[0][1].feed.articles[0].about == ""
    feed = tmp_path / "f.xml"
    feed.write_text(rss("&lt;b&gt;Tables&lt;/b&gt; and {transfers} for $5, *weekly*."),
                    encoding="utf-8")
    assert cli.main([str(feed), "--book", str(tmp_path / "b"), "-q"]) == 0
    intro = (tmp_path / "b" / "intro.md").read_text(encoding="utf-8")
    assert "In its own words\\: “Tables and \\{transfers\\} for \\$5\\, \\*weekly\\*\\.” One" in intro


def test_a_note_as_a_paragraph_with_its_markers_id_is_a_footnote():
    """Beehiiv's and hand-written notes: "model<sup><a href="#fn1">1</a></sup>" and "<p
    id="fn1"><sup>1</sup> The model uses …</p>": the note stood as a paragraph "¹ The model
    …"; and a marker whose note is nowhere became "[^1]" with nothing behind it."""
    from newsbook.readers.html import html_article
    html = ('<p>The model<sup><a href="#fn1">1</a></sup> is simple and works.</p><p>More text '
            'here about it.</p><hr><p id="fn1"><sup>1</sup> The model uses expected goals.</p>')
    art = html_article(title="T", published=datetime(2026, 3, 1), html=html, source="f.xml",
                       line=1, diags=[])
    assert [b.text for b in art.blocks] == ["The model1 is simple and works.",
                                            "More text here about it."]
    assert art.blocks[0].marks and [p.text for n in art.footnotes for p in n.paragraphs] == [
        "The model uses expected goals."]
    lone = html_article(title="T", published=datetime(2026, 3, 1), html=html.split("<hr>")[0],
                        source="f.xml", line=1, diags=[])
    assert lone.blocks[0].text == "The model1 is simple and works." and not lone.blocks[0].marks
