"""Pages load the extension scripts only where they act (newsbook.charts.loader, issue 11)."""
from __future__ import annotations

import re

from newsbook.charts.loader import lighten_html

HEAD = """<head>
    <link rel="stylesheet" type="text/css" href="../_static/copybutton.css?v=76b2166b" />
    <link rel="stylesheet" type="text/css" href="../_static/sphinx-thebe.css?v=4fa983c6" />
    <link rel="stylesheet" type="text/css" href="../_static/newsbook.css?v=1" />
    <script src="../_static/clipboard.min.js?v=a7894cd8"></script>
    <script src="../_static/copybutton.js?v=f281be69"></script>
    <script data-sd-tabs-storage-prefix="sphinx-design-tab-id-" src="../_static/design-tabs.js?v=fcb327ea"></script>
    <script async="async" src="../_static/sphinx-thebe.js?v=c100c467"></script>
    <script src="../_static/togglebutton.js?v=1"></script>
    <script>var togglebuttonSelector = '.toggle, .admonition.dropdown';</script>
</head>"""
ASSETS = re.compile(r"_static/([\w.-]+\.(?:js|css))")


def loaded(page: str) -> set[str]:
    return set(ASSETS.findall(lighten_html(page, "chapters/x")))


def test_prose_page_loads_none_of_them():
    got = loaded(HEAD + "<body><p>Text only.</p></body>")
    assert got == {"newsbook.css"}
    assert "togglebuttonSelector" not in lighten_html(HEAD + "<p>x</p>", "chapters/x")


def test_each_asset_stays_where_its_element_is():
    code = '<div class="highlight-ipython3 notranslate"><div class="highlight"><pre>1</pre></div></div>'
    assert {"copybutton.css", "clipboard.min.js", "copybutton.js"} <= loaded(HEAD + code)
    assert "design-tabs.js" in loaded(HEAD + '<div class="sd-tab-set docutils">')
    thebe = '<button class="btn thebe-launch-button">Live code</button>'
    assert {"sphinx-thebe.js", "sphinx-thebe.css"} <= loaded(HEAD + thebe)
    toggle = '<div class="admonition note dropdown"><p>x</p></div>'
    assert "togglebutton.js" in loaded(HEAD + toggle)
    assert "togglebuttonSelector" in lighten_html(HEAD + toggle, "chapters/x")
    # the theme's own menu and sidebar toggles are not sphinx-togglebutton's
    chrome = '<button class="btn dropdown-toggle"></button><label class="sidebar-toggle">'
    assert "togglebutton.js" not in loaded(HEAD + chrome)


def test_bootstrap_waits_for_the_reader():
    page = (HEAD.replace("</head>", '<link rel="preload" as="script" href="../_static/scripts/'
                         'bootstrap.js?digest=1" />\n</head>')
            + '<body><p>x</p>\n<script defer src="../_static/scripts/bootstrap.js?digest=1">'
            '</script></body>')
    out = lighten_html(page, "chapters/x")
    assert 'src="../_static/scripts/bootstrap.js' not in out and "preload" not in out
    assert '"../_static/scripts/bootstrap.js?digest=1"' in out  # fetched on first use


def test_lighten_is_idempotent():
    page = HEAD + "<body><p>x</p></body>"
    once = lighten_html(page, "p")
    assert lighten_html(once, "p") == once
