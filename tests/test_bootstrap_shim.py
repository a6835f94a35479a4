"""The book's stand-in for the theme's bootstrap.js (``_static/newsbook-bootstrap.js``, put
in its place by newsbook.charts.page_assets): the download menu, the tooltips, the back-to-top
button and ``window.bootstrap`` work in Chromium as Bootstrap's did, and no page asks
for bootstrap.js (81 kB) any more."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import serve

pytestmark = pytest.mark.browser

TOGGLE = 'button.dropdown-toggle[data-bs-toggle="dropdown"]'
EXPANDED = f"() => document.querySelector('{TOGGLE}').getAttribute('aria-expanded')"
FOCUSED = "() => document.activeElement.className"


@pytest.fixture(scope="module")
def site(built_book, browser):
    chapters = [p for p in sorted((built_book / "chapters").glob("*.html"))
                if "dropdown-download-buttons" in p.read_text(encoding="utf-8")]
    if not chapters:
        pytest.skip("no chapter page with the download menu in the built book")
    with serve(built_book) as base:
        yield base, browser, built_book, chapters[0].relative_to(built_book).as_posix()


@pytest.fixture
def open_page(site):
    base, browser, _, rel = site
    opened = []

    def go(width: int = 1280, height: int = 800, rel: str = rel):
        ctx = browser.new_context(viewport={"width": width, "height": height})
        page = ctx.new_page()
        page.errors, page.fetched = [], []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: page.fetched.append(r.url))
        page.goto(base + rel, wait_until="load")
        page.wait_for_timeout(300)
        opened.append((ctx, page))
        return page

    yield go
    for ctx, page in opened:
        try:
            assert not [u for u in page.fetched if "scripts/bootstrap.js" in u], page.fetched
            assert not page.errors, page.errors
        finally:
            ctx.close()


def wait_for_shim(page) -> None:
    page.wait_for_function("() => window.bootstrap && window.bootstrap.Tooltip", timeout=10_000)


def test_no_page_asks_for_bootstrap_js(built_book: Path):
    pages = [p for p in built_book.rglob("*.html") if "_static" not in p.parts]
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "scripts/bootstrap.js" not in text, page
        if "pydata-sphinx-theme.js" in text:
            assert re.search(r'"[^"]*_static/newsbook-bootstrap\.js\?v=[0-9a-f]{8}"', text), page
    shim = built_book / "_static" / "newsbook-bootstrap.js"
    assert shim.is_file() and shim.stat().st_size < 20_000


def test_purged_theme_css_keeps_the_tooltip_and_menu_rules(built_book: Path):
    css = (built_book / "_static" / "styles" / "pydata-sphinx-theme.css").read_text()
    for rule in (".tooltip{", ".tooltip.show{", ".tooltip .tooltip-arrow{", ".tooltip-inner{",
                 ".bs-tooltip-auto[data-popper-placement^=left] .tooltip-arrow",
                 ".bs-tooltip-auto[data-popper-placement^=bottom] .tooltip-arrow:before",
                 ".dropdown-menu.show{", ".fade{"):
        assert rule in css, rule
    # Bootstrap components no page uses go, though bootstrap.js (on no page) names them
    assert ".popover" not in css and ".offcanvas{" not in css


def test_download_menu_opens_on_click_and_closes_on_outside_click(open_page):
    page = open_page(390, 823)
    toggle = page.locator(TOGGLE).first
    toggle.click()  # the first click may come before the script: it is replayed
    page.wait_for_function(f"() => ({EXPANDED})() === 'true'", timeout=10_000)
    menu = page.locator(".dropdown-download-buttons .dropdown-menu")
    assert "show" in menu.get_attribute("class") and "show" in toggle.get_attribute("class")
    assert menu.is_visible()
    box, tbox = menu.bounding_box(), toggle.bounding_box()
    assert abs(box["y"] - (tbox["y"] + tbox["height"] + 2)) <= 1  # just below the button
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.mouse.click(20, 600)  # outside
    page.wait_for_function(f"() => ({EXPANDED})() === 'false'", timeout=2000)
    assert not menu.is_visible() and "show" not in toggle.get_attribute("class")
    toggle.click()
    assert page.evaluate(EXPANDED) == "true"
    toggle.click()  # the button closes it again
    assert page.evaluate(EXPANDED) == "false"
    # a click on an item closes the menu too (the .pdf item prints: not clicked here)
    toggle.click()
    page.evaluate("() => document.querySelector('.dropdown-menu .dropdown-item')"
                  ".addEventListener('click', e => e.preventDefault())")
    page.locator(".dropdown-menu .dropdown-item").first.click()
    assert page.evaluate(EXPANDED) == "false"


def test_download_menu_works_from_the_keyboard(open_page):
    page = open_page()
    page.keyboard.press("Shift")  # the reader's first key fetches the script
    wait_for_shim(page)
    page.locator(TOGGLE).first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(EXPANDED) == "true"
    items = page.evaluate("[...document.querySelectorAll('.dropdown-download-buttons "
                          ".dropdown-item')].map(i => i.textContent.trim())")
    assert len(items) >= 2, items
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent.trim()") == items[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent.trim()") == items[1]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.textContent.trim()") == items[0]
    page.keyboard.press("Escape")
    assert page.evaluate(EXPANDED) == "false"
    assert "dropdown-toggle" in page.evaluate(FOCUSED)  # focus back on the button
    page.keyboard.press(" ")  # Space opens it too
    assert page.evaluate(EXPANDED) == "true"
    page.keyboard.press("Escape")
    # arrow keys on the closed button open it at its first item
    page.keyboard.press("ArrowDown")
    assert page.evaluate(EXPANDED) == "true"
    assert page.evaluate("document.activeElement.textContent.trim()") == items[0]
    # Tab out of the menu closes it
    for _ in items:
        page.keyboard.press("Tab")
    page.wait_for_function(f"() => ({EXPANDED})() === 'false'", timeout=2000)


def test_tooltip_shows_after_the_delay_with_its_title(open_page):
    page = open_page()
    button = page.locator(".btn-fullscreen-button").first
    title = "Fullscreen mode"
    assert button.get_attribute("title") == title
    button.hover()  # the first pointer move: fetches the script, then the tooltip
    wait_for_shim(page)
    page.wait_for_timeout(150)
    assert page.locator(".tooltip").count() == 0, "shown before the 500 ms delay"
    tip = page.locator(".tooltip.show")
    tip.wait_for(timeout=3000)
    assert tip.get_attribute("role") == "tooltip"
    assert "bs-tooltip-auto" in tip.get_attribute("class")
    assert tip.get_attribute("data-popper-placement") == "bottom"  # data-bs-placement
    assert tip.locator(".tooltip-inner").inner_text() == title
    assert tip.locator(".tooltip-arrow").count() == 1
    assert button.get_attribute("aria-describedby") == tip.get_attribute("id")
    # the title moved aside so the browser's own tooltip does not show as well
    assert button.get_attribute("title") is None
    assert button.get_attribute("data-bs-original-title") == title
    # the theme's styles: dark box, 0.9 opacity once faded in, below the button
    page.wait_for_timeout(300)
    style = page.evaluate("""() => { const t = document.querySelector('.tooltip');
        const i = t.querySelector('.tooltip-inner');
        return [getComputedStyle(t).opacity, getComputedStyle(i).backgroundColor]; }""")
    assert style[0] == "0.9" and style[1] not in ("rgba(0, 0, 0, 0)", "transparent"), style
    tbox, bbox = tip.bounding_box(), button.bounding_box()
    assert tbox["y"] >= bbox["y"] + bbox["height"]
    assert abs((tbox["x"] + tbox["width"] / 2) - (bbox["x"] + bbox["width"] / 2)) <= 2
    page.mouse.move(600, 600)
    page.wait_for_function("() => !document.querySelector('.tooltip')", timeout=2000)
    assert button.get_attribute("aria-describedby") is None
    # a menu item's tooltip sits on its left, as data-bs-placement says
    page.locator(TOGGLE).first.click()
    item = page.locator(".dropdown-menu.show .dropdown-item").first
    item.hover()
    page.locator(".tooltip.show").wait_for(timeout=3000)
    assert page.locator(".tooltip.show").get_attribute("data-popper-placement") == "left"
    ibox, tbox = item.bounding_box(), page.locator(".tooltip.show").bounding_box()
    assert tbox["x"] + tbox["width"] <= ibox["x"]
    page.keyboard.press("Escape")  # closes the menu, and its item's tooltip with it
    page.wait_for_function("() => !document.querySelector('.tooltip')", timeout=2000)


def test_back_to_top_appears_when_scrolling_up_and_works(open_page):
    page = open_page(390, 823)  # sphinx-book-theme hides the button from 1200 px
    button = page.locator("#pst-back-to-top")
    assert button.count() == 1 and not button.is_visible()
    page.mouse.move(200, 500)
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(400)
    wait_for_shim(page)
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(400)
    assert not button.is_visible(), "shown while scrolling down"
    page.mouse.wheel(0, -300)
    button.wait_for(state="visible", timeout=2000)
    button.click()
    page.wait_for_function("() => window.scrollY === 0", timeout=3000)
    # (hidden once the scroll has settled at the top: a fixed wait of 200 ms failed on a
    # busy machine while the theme's scroll handler had not run yet)
    button.wait_for(state="hidden", timeout=3000)


def test_window_bootstrap_serves_the_theme_scripts(open_page):
    """pydata-sphinx-theme makes ``new bootstrap.Tooltip(button, {title, trigger:
    "manual", placement, fallbackPlacements, offset})`` and calls show()/hide()."""
    page = open_page()
    page.keyboard.press("Shift")
    wait_for_shim(page)
    got = page.evaluate("""() => {
        const b = document.querySelector('.btn-fullscreen-button');
        const t = new bootstrap.Tooltip(b, {title: 'Expand', trigger: 'manual',
            placement: 'left', fallbackPlacements: ['right'], offset: [0, 12]});
        const same = bootstrap.Tooltip.getOrCreateInstance(b) === t
            && bootstrap.Tooltip.getInstance(b) === t;
        t.show();
        const tip = document.querySelector('.tooltip.show');
        const out = {same, text: tip && tip.textContent, side: tip && tip.dataset.popperPlacement,
                     described: b.getAttribute('aria-describedby') === (tip && tip.id)};
        const r = tip.getBoundingClientRect(), e = b.getBoundingClientRect();
        out.gap = Math.round(e.left - r.right);
        t.hide();
        out.describedAfter = b.getAttribute('aria-describedby');
        t.dispose();
        out.title = b.getAttribute('title');
        out.disposed = bootstrap.Tooltip.getInstance(b) === null;
        const above = bootstrap.Tooltip.getOrCreateInstance(b, {placement: 'top'});
        above.show();
        const a = document.querySelector('.tooltip.show').getBoundingClientRect();
        out.above = [document.querySelector('.tooltip.show').dataset.popperPlacement,
                     Math.round(e.top - a.bottom),
                     Math.abs((a.left + a.right) / 2 - (e.left + e.right) / 2) < 1.5];
        above.dispose();
        const d = bootstrap.Dropdown.getOrCreateInstance(document.querySelector(
            'button.dropdown-toggle[data-bs-toggle="dropdown"]'));
        d.toggle();
        out.opened = document.querySelectorAll('.dropdown-menu.show').length;
        d.hide();
        out.closed = document.querySelectorAll('.dropdown-menu.show').length;
        d.show();
        out.reopened = document.querySelectorAll('.dropdown-menu.show').length;
        return out; }""")
    assert got == {"same": True, "text": "Expand", "side": "left", "described": True,
                   "gap": 12, "describedAfter": None, "title": "Fullscreen mode",
                   "disposed": True, "above": ["top", 6, True],
                   "opened": 1, "closed": 0, "reopened": 1}, got
    page.wait_for_function("() => !document.querySelector('.tooltip')", timeout=2000)
