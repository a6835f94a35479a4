"""Pages load the extension scripts only where they act (newsbook.charts.page_assets, issue 11)."""
from __future__ import annotations

import re

from newsbook.charts.page_assets import lighten_html

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


BOOTSTRAP_PAGE = (
    HEAD.replace("</head>", '<link rel="preload" as="script" href="../_static/scripts/'
                 'bootstrap.js?digest=1" />\n</head>')
    + '<body><p>x</p>\n<script defer src="../_static/scripts/bootstrap.js?digest=1">'
    '</script>\n<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=1">'
    '</script></body>')


def test_the_book_shim_replaces_bootstrap_and_waits_for_the_reader():
    out = lighten_html(BOOTSTRAP_PAGE, "chapters/x", "newsbook-bootstrap.js?v=ab12cd34")
    assert "bootstrap.js?digest" not in out and "preload" not in out
    assert "scripts/bootstrap.js" not in out
    # no tag loads it: the inline watch adds it on the reader's first move
    assert not re.search(r"<script[^>]+newsbook-bootstrap", out)
    assert '("../_static/newsbook-bootstrap.js?v=ab12cd34")</script>' in out
    assert out.index("newsbook-bootstrap") < out.index("pydata-sphinx-theme.js")
    assert "newsbook-bootstrap.js" in loaded(BOOTSTRAP_PAGE)  # the default shim


def test_a_page_whose_theme_script_needs_bootstrap_at_once_defers_the_shim():
    page = BOOTSTRAP_PAGE.replace("<p>x</p>", '<button id="pst-collapse-sidebar-button">')
    out = lighten_html(page, "chapters/x", "newsbook-bootstrap.js?v=1")
    assert '<script defer src="../_static/newsbook-bootstrap.js?v=1"></script>' in out
    assert out.index("newsbook-bootstrap") < out.index("pydata-sphinx-theme.js")
    assert "bootstrap.js?digest" not in out


def test_without_the_shim_bootstrap_waits_for_the_reader():
    out = lighten_html(BOOTSTRAP_PAGE, "chapters/x", None)
    assert 'src="../_static/scripts/bootstrap.js' not in out and "preload" not in out
    assert '"../_static/scripts/bootstrap.js?digest=1"' in out  # fetched on first use


def test_shim_url_names_the_file_with_its_digest(tmp_path):
    from newsbook.charts.page_assets import SHIM, shim_url
    assert shim_url(tmp_path) is None
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / SHIM).write_text("/* x */")
    assert re.fullmatch(r"newsbook-bootstrap\.js\?v=[0-9a-f]{8}", shim_url(tmp_path))


def test_lighten_is_idempotent():
    for page in (HEAD + "<body><p>x</p></body>", BOOTSTRAP_PAGE):
        once = lighten_html(page, "p")
        assert lighten_html(once, "p") == once


def test_search_highlighting_is_fetched_only_when_a_search_left_its_words():
    tag = '<script src="../_static/sphinx_highlight.js?v=dc90522c"></script>'
    out = lighten_html(HEAD + tag + "<p>x</p>", "chapters/x")
    assert tag not in out
    assert 'localStorage.getItem(\'sphinx_highlight_terms\')' in out
    assert '("../_static/sphinx_highlight.js?v=dc90522c")</script>' in out
    assert tag in lighten_html(HEAD + tag, "search")  # the search page keeps it as it is


def test_thebe_settings_go_with_thebe():
    cfg = ('<script type="text/x-thebe-config">\n    {\n        requestKernel: true,\n'
           '    }\n    </script>\n    <script>kernelName = \'python3\'</script>')
    out = lighten_html(HEAD + "<p>x</p>" + cfg, "chapters/x")
    assert "x-thebe-config" not in out and "kernelName" not in out
    thebe = '<button class="btn thebe-launch-button">Live code</button>'
    kept = lighten_html(HEAD + thebe + cfg, "chapters/x")
    assert "x-thebe-config" in kept and "kernelName" in kept


def test_cross_reference_links_lose_their_unstyled_span():
    link = ('<a class="reference internal" href="chapters/x.html#p-x-3">'
            '<span class="std std-ref">A &amp; B</span></a>')
    out = lighten_html(HEAD + "<li><p>1949 " + link + "</p></li>", "timeline")
    assert '<a class="reference internal" href="chapters/x.html#p-x-3">A &amp; B</a>' in out
    assert "std-ref" not in out
    term = '<a class="reference internal" href="g.html#term-x"><span class="xref std std-term">x</span></a>'
    assert term in lighten_html(HEAD + term, "chapters/x")  # styled spans stay
