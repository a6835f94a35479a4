"""The shared sidebar (newsbook.navcache): the same HTML as the theme's, or the theme's."""
from __future__ import annotations

from newsbook.navcache import mark, neutral

HOME = '<p class="caption">Part</p>\n'


def sidebar(current: str | None) -> str:
    """The theme's flat sidebar with ``current`` (a file name) as the current page."""
    out = [HOME]
    for part in (("a.html", "b.html"), ("c.html",)):
        cur = current in part
        out.append('<ul class="current nav bd-sidenav">' if cur else '<ul class="nav bd-sidenav">')
        for name in part:
            if name == current:
                out.append('<li class="toctree-l1 current active"><a class="current reference '
                           f'internal" href="#">{name} &amp; title</a></li>')
            else:
                out.append(f'<li class="toctree-l1"><a class="reference internal" '
                           f'href="{name}">{name} &amp; title</a></li>')
        out.append("</ul>")
    return "\n".join(out)


def test_marking_the_neutral_form_gives_the_themes_html_for_every_page():
    for first in ("a.html", "b.html", "c.html", None):
        base = neutral(sidebar(first), first or "x.html")
        assert base == sidebar(None)
        for page in ("a.html", "b.html", "c.html"):
            assert mark(base, page) == sidebar(page), (first, page)


def test_unknown_shapes_fall_back_to_the_theme():
    nested = sidebar("a.html").replace("</ul>", '<li class="toctree-l2">x</li></ul>', 1)
    assert neutral(nested, "a.html") is None
    twice = sidebar(None) + '\n<ul class="nav bd-sidenav"><li class="toctree-l1"><a class=' \
        '"reference internal" href="a.html">again</a></li></ul>'
    assert mark(twice, "a.html") is None  # two entries for one page: which is current?
    assert mark(sidebar(None), "nowhere.html") is None
    half = sidebar("a.html").replace('<ul class="current nav bd-sidenav">',
                                     '<ul class="nav bd-sidenav">')
    assert neutral(half, "a.html") is None
