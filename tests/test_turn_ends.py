"""Where an interview's last answer ends in a text copy: at the newsletter's own next
section, a short title over more text ("Coming up" over its dates), not at the post's end."""
from __future__ import annotations

from newsbook.model import Paragraph, Turn
from newsbook.readers import read


def test_the_last_answer_ends_at_the_newsletters_next_section():
    body = ("Reader mailbag\n\nQ: Is it worth it?\n\nA: Only if you need it now. Wait "
            "otherwise.\n\nQ: And the rest?\n\nA: Wait until June. Prices will fall.\n\n"
            "Coming up\n\nMay — Halcyon's developer day in London\nJune — the Pixel launch\n\n"
            "That is all.")
    text = "Normal view\n\nT\n\n6 March 2026 at 07:00\n\n" + body + "\n"
    blocks = read(text, source="t.txt").feed.articles[0].blocks
    turns = [b for b in blocks if isinstance(b, Turn)]
    assert [t.speaker for t in turns] == ["Q", "A", "Q", "A"]
    assert [p.text for p in turns[-1].blocks] == ["Wait until June. Prices will fall."]
    after = blocks[blocks.index(turns[-1]) + 1]
    assert isinstance(after, Paragraph) and after.text == "Coming up"
    # (an answer of several paragraphs keeps them all)
    text2 = text.replace("Wait until June. Prices will fall.",
                         "Wait until June.\n\nPrices will fall by then, I think.")
    turns2 = [b for b in read(text2, source="t.txt").feed.articles[0].blocks
              if isinstance(b, Turn)]
    assert [p.text for p in turns2[-1].blocks] == ["Wait until June.",
                                                   "Prices will fall by then, I think."]


def test_a_correction_or_a_disclaimer_after_the_last_answer_is_the_newsletters():
    """"This newsletter is not financial advice.", "Correction: in episode 41 we said …"
    and "Letters are edited for length." after the last answer were counted as the
    guest's words, in a text copy and in HTML alike."""
    from newsbook.readers import read_any
    ends = ["This newsletter is not financial advice. We don't know your circumstances.",
            "Correction: in episode 41 we said the tanker ran aground in 1987; it was 1978.",
            "Letters are edited for length. We read every one."]
    for end in ends:
        body = ("Tobias Renn: Rates will fall.\n\nMarguerite Ellison: And stocks?\n\n"
                f"Tobias Renn: They will rise, slowly.\n\n{end}")
        text = "Normal view\n\nT\n\n6 March 2026 at 07:00\n\n" + body + "\n"
        blocks = read(text, source="t.txt").feed.articles[0].blocks
        assert isinstance(blocks[-1], Paragraph) and blocks[-1].text == end, end
        assert [p.text for p in blocks[-2].blocks] == ["They will rise, slowly."]
        label, rest = end.split(": ", 1) if end.startswith("Correction") else ("", end)
        html = ("<p><strong>Tobias Renn:</strong> Rates will fall.</p><p><strong>Marguerite "
                "Ellison:</strong> And stocks?</p><p><strong>Tobias Renn:</strong> Up.</p><p>"
                "<strong>Marguerite Ellison:</strong> Thanks.</p><p><strong>Tobias Renn:"
                "</strong> They will rise, slowly.</p><p>" + (f"<strong>{label}:</strong> " if label else "")
                + f"{rest}</p>")
        rss = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
               'modules/content/"><channel><title>L</title><item><title>T</title><pubDate>Mon, '
               '05 Jan 2026 08:00:00 +0000</pubDate><content:encoded><![CDATA[' + html +
               ']]></content:encoded></item></channel></rss>')
        hb = read_any("xml", rss, source="f.xml")[0][1].feed.articles[0].blocks
        assert [type(b).__name__ for b in hb] == ["Turn"] * 5 + ["Paragraph"], end
        assert hb[-1].text == end and len(hb[-2].blocks) == 1, end
