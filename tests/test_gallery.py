"""Substack image galleries (issue 10) -> consecutive Figure blocks.

Substack writes a gallery as ``div.image-gallery-embed`` whose images live only in its
``data-attrs`` JSON (``gallery.images[].src``, ``gallery.caption``, ``gallery.alt``);
rendered pages also carry ``image-gallery`` markup with real ``<img>`` children and an
``image-gallery-caption``. Each image becomes one figure with alt text, the caption is
shown once (on the last), and every URL is sanitised like any other image.

Golden cases: ``tests/feeds/gallery-cases.txt`` (HTML in, model dump out);
``pytest tests/test_gallery.py --regen`` rewrites them (review the diff).
"""
from __future__ import annotations

from pathlib import Path

from conftest import check_golden
from newsbook.model import Figure, Paragraph
from newsbook.readers.html import html_blocks
from newsbook.writers.rich_md import figure

CASES = Path(__file__).parent / "feeds" / "gallery-cases.txt"
BASE = "https://example.substack.com/p/post"


def dump(html: str) -> str:
    blocks, _, _ = html_blocks(html, base_url=BASE, line=10)
    out = []
    for b in blocks:
        if isinstance(b, Figure):
            out.append(f"{b.line} figure src={b.src} alt={b.alt!r} caption={b.caption!r}")
        elif isinstance(b, Paragraph):
            out.append(f"{b.line} para {b.text}")
        else:
            out.append(f"{b.line} {type(b).__name__.lower()}")
    return "\n".join(out)


def test_gallery_golden(regen):
    check_golden(CASES, dump, regen)


def test_gallery_figures_render_as_lazy_images_with_alt():
    html = ('<div class="image-gallery-embed" data-attrs="{&quot;gallery&quot;:{&quot;images&quot;:'
            '[{&quot;src&quot;:&quot;https://cdn.example/a.png&quot;},'
            '{&quot;src&quot;:&quot;https://cdn.example/b.png&quot;}],'
            '&quot;caption&quot;:&quot;Two *ports* at dusk&quot;}}"></div>')
    blocks, _, _ = html_blocks(html, base_url=BASE, line=1)
    assert [b.src for b in blocks] == ["https://cdn.example/a.png", "https://cdn.example/b.png"]
    pages = [figure(b, "", b.caption.replace("*", "\\*")) for b in blocks]
    assert all(":loading: lazy" in p and ":alt: " in p for p in pages)
    assert "Gallery image 1 of 2" in pages[0] and "Two \\*ports\\* at dusk" in pages[1]
    assert "dusk" not in pages[0]  # the caption once
