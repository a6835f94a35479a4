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
