"""The build-time purge of unused theme CSS (newsbook.charts.css_purge, issue 11)."""
from __future__ import annotations

from pathlib import Path

from newsbook.charts.css_purge import (MARK, Used, purge_book, purge_text, split_rules,
                                       split_selectors)

USED = Used(classes={"bd-header", "nb-chart", "admonition", "highlighted-box"},
            ids={"main"}, words={"show", "collapsing", "bs-tooltip-", "modal"},
            anchors={"tooltip", "scrolled"})


def test_split_rules_keeps_strings_and_nesting():
    css = ('@charset "UTF-8";/* c */a[title="x{y}"]{content:"}"}'
           '@media (min-width:1px){.a{color:red}.b{color:blue}}@layer x,y;')
    items = split_rules(css)
    assert items[0] == ('@charset "UTF-8";', None)
    assert items[1] == ('a[title="x{y}"]', 'content:"}"')
    assert items[2][0] == "@media (min-width:1px)" and ".b{color:blue}" in items[2][1]
    assert items[3] == ("@layer x,y;", None)


def test_split_selectors_top_level_commas_only():
    assert split_selectors(".a,.b:is(.c,.d) , [x='1,2']") == [".a", ".b:is(.c,.d)", "[x='1,2']"]


def test_rules_for_page_classes_stay_and_unused_components_go():
    css = (".bd-header{a:1}.modal{b:2}.modal.show{c:3}.bd-header.show{d:4}"
           ".carousel-item{e:5}.bd-header,.toast{f:6}")
    out = purge_text(css, USED)
    assert ".bd-header{a:1}" in out and ".bd-header.show{d:4}" in out
    assert ".bd-header{f:6}" in out  # the unused selector of a list is dropped
    # bootstrap.js names .modal, but no page and no script makes one
    assert "modal" not in out and "carousel" not in out and "toast" not in out


def test_script_made_elements_and_prefixes_count():
    out = purge_text(".tooltip.bs-tooltip-top{a:1}.scrolled .bd-header{b:2}"
                     "body.scrolled{c:3}.bs-popover-top{d:4}", USED)
    assert ".tooltip.bs-tooltip-top{a:1}" in out
    assert ".scrolled .bd-header{b:2}" in out and "body.scrolled{c:3}" in out
    assert "popover" not in out


def test_theme_attributes_pseudo_classes_and_at_rules_are_kept():
    css = ("html[data-theme=dark]{--x:1}html[data-theme=dark] .nb-chart{y:2}"
           ".nb-chart:not(.gone):hover{z:3}#main{i:1}#absent{j:2}"
           "@font-face{font-family:X;src:url(x.woff2)}@keyframes spin{to{transform:none}}"
           "@media (prefers-color-scheme:dark){.admonition{k:1}}"
           "@media print{.gone{l:1}}@supports (display:grid){.gone{m:1}}")
    out = purge_text(css, USED)
    for kept in ("html[data-theme=dark]{--x:1}", "html[data-theme=dark] .nb-chart{y:2}",
                 ".nb-chart:not(.gone):hover{z:3}", "#main{i:1}", "@font-face{",
                 "@keyframes spin{", "@media (prefers-color-scheme:dark){.admonition{k:1}}"):
        assert kept in out, kept
    assert "#absent" not in out and "@media print" not in out and "@supports" not in out


def test_escaped_class_names():
    used = Used(classes={"md:flex"})
    assert ".md\\:flex{a:1}" in purge_text(".md\\:flex{a:1}.lg\\:flex{b:1}", used)
    assert "lg" not in purge_text(".lg\\:flex{b:1}", used)


def test_purge_book_rewrites_theme_css_once(tmp_path: Path):
    static = tmp_path / "_static" / "styles"
    static.mkdir(parents=True)
    (tmp_path / "index.html").write_text(
        '<html><body class="bd-page"><div id="x" class="nb-chart"></div>'
        '<script src="_static/theme.js?v=1"></script>'
        '<script>document.body.classList.add("late")</script></body></html>')
    (tmp_path / "_static" / "theme.js").write_text('e.classList.add("open")')
    (tmp_path / "_static" / "bootstrap.js").write_text('const N="offcanvas",S="show"')
    css = static / "pydata-sphinx-theme.css"
    css.write_text('@charset "UTF-8";\n.bd-page{a:1}.nb-chart.open{b:2}.late{c:3}'
                   ".offcanvas{d:4}.offcanvas.show{e:5}\n/*# sourceMappingURL=x.map*/")
    (tmp_path / "_static" / "newsbook.css").write_text(".unused{a:1}")
    done = purge_book(tmp_path, tmp_path / "cache.json")
    text = css.read_text()
    assert text.startswith('@charset "UTF-8";\n' + MARK)
    assert ".bd-page{a:1}" in text and ".nb-chart.open{b:2}" in text and ".late{c:3}" in text
    assert "offcanvas" not in text and "sourceMappingURL" not in text
    assert list(done) == ["_static/styles/pydata-sphinx-theme.css"]
    # the book's own stylesheet is never touched; a second run changes nothing
    assert (tmp_path / "_static" / "newsbook.css").read_text() == ".unused{a:1}"
    assert purge_book(tmp_path, tmp_path / "cache.json") == {}
    assert css.read_text() == text


def test_only_scripts_a_page_loads_keep_rules(tmp_path: Path):
    """The theme's bootstrap.js stays in _static but no page loads it (the book's
    newsbook-bootstrap.js does its work): its words keep nothing; the shim's, added by
    an inline script on the reader's first move, do."""
    scripts = tmp_path / "_static" / "scripts"
    scripts.mkdir(parents=True)
    (scripts / "bootstrap.js").write_text('a.classList.add("collapsing");'
                                          't.innerHTML=\'<div class="popover"></div>\'')
    (scripts / "fontawesome.js").write_text('e.classList.add("fa-spin")')
    (tmp_path / "_static" / "newsbook-bootstrap.js").write_text(
        'tip.className = "tooltip bs-tooltip-auto fade"; m.classList.add("show")')
    page = ('<html><body class="bd-page"><div class="dropdown-menu"></div>'
            '<script>(function(u){})("_static/newsbook-bootstrap.js?v=1")</script>'
            '</body></html>')
    (tmp_path / "index.html").write_text(page)
    css = tmp_path / "_static" / "basic.css"
    css.write_text(".bd-page{a:1}.collapsing{b:2}.popover{c:3}.fa-spin{d:4}"
                   ".tooltip.show{e:5}.bs-tooltip-auto .tooltip-arrow{f:6}"
                   ".dropdown-menu.show{g:7}.fade:not(.show){h:8}")
    purge_book(tmp_path, tmp_path / "cache.json")
    text = css.read_text()
    for kept in (".bd-page{a:1}", ".tooltip.show{e:5}", ".dropdown-menu.show{g:7}",
                 ".fade:not(.show){h:8}"):
        assert kept in text, kept
    assert "collapsing" not in text and "popover" not in text and "fa-spin" not in text
    assert "bs-tooltip-auto .tooltip-arrow" not in text  # no arrow made: .tooltip-arrow
    # a page that loads bootstrap.js again brings its words back
    (tmp_path / "index.html").write_text(
        page.replace("</body>", '<script defer src="_static/scripts/bootstrap.js?digest=2">'
                     '</script></body>'))
    css.write_text(".collapsing{b:2}.popover{c:3}")
    purge_book(tmp_path, tmp_path / "cache.json")
    text = css.read_text()
    assert ".collapsing{b:2}" in text and ".popover{c:3}" in text
