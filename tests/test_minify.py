"""The book's own scripts and stylesheet are served minified (``newsbook.charts.minify``):
comments and layout whitespace out, every string and name kept, sources untouched."""
from __future__ import annotations

from pathlib import Path

from newsbook.charts.minify import HEADER, built_bytes, is_own, minify_text

STATIC = Path(__file__).resolve().parents[1] / "_static"


def test_only_the_books_own_assets_are_minified():
    assert is_own("newsbook-charts.js") and is_own("newsbook.css")
    assert not is_own("plotly-basic.min.js") and not is_own("favicon.svg")
    assert built_bytes(STATIC / "plotly-basic.min.js") is None


def test_comments_go_and_strings_stay():
    js = ('/* why this exists */\nvar a = "/* kept */", b = \'// kept too\';\n'
          '// a line comment\nfunction f (x) {\n  return x / 2; // half\n}\n')
    out = minify_text("newsbook-x.js", js)
    assert out.startswith(HEADER.format(name="newsbook-x.js"))
    body = out.split("\n", 1)[1]
    assert "why this exists" not in body and "a line comment" not in body and "half" not in body
    assert '"/* kept */"' in body and "'// kept too'" in body and "x/2" in body
    css = "/* note */\n.nb-chart  {\n  color : red ;\n}\n@media (max-width: 600px) { .a { b: c } }\n"
    slim = minify_text("newsbook.css", css).split("\n", 1)[1]
    assert "note" not in slim and ".nb-chart{color:red}" in slim and "@media" in slim


def test_every_own_asset_shrinks_and_minifying_twice_changes_nothing():
    for src in sorted(STATIC.glob("newsbook*")):
        small = built_bytes(src)
        assert small is not None and len(small) < src.stat().st_size, src.name
        again = minify_text(src.name, small.decode().split("\n", 1)[1])
        assert again.encode() == small, src.name


def test_built_book_serves_the_minified_copies(built_book):
    out = built_book / "_static"
    for src in sorted(STATIC.glob("newsbook*")):
        assert (out / src.name).read_bytes() == built_bytes(src), src.name
