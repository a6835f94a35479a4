"""Issue 12, item 1: navigation opens and closes on a 390 px phone and collapses on a desktop.

pydata-sphinx-theme 0.17 wires only the first of the two ``.primary-toggle`` buttons that
sphinx-book-theme 1.3 renders (pydata/pydata-sphinx-theme#2451); ``_static/newsbook-nav.js``
hands taps on the visible one to the wired one. Chromium taps and checks.
"""
from __future__ import annotations

import pytest

from browser import serve
from smallbook import STEMS, shared_book

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STATE = """() => {
  const dlg = id => document.getElementById(id) || {open: false, querySelectorAll: () => []};
  const side = dlg('pst-primary-sidebar');
  return {primary: dlg('pst-primary-sidebar-modal').open,
          primaryLinks: [...dlg('pst-primary-sidebar-modal').querySelectorAll('a')]
                        .filter(a => a.getBoundingClientRect().width > 0).length,
          secondary: dlg('pst-secondary-sidebar-modal').open,
          secondaryLinks: dlg('pst-secondary-sidebar-modal').querySelectorAll('a').length,
          sidebarVisible: getComputedStyle(side).visibility === 'visible' &&
                          side.getBoundingClientRect().width > 0,
          expanded: [...document.querySelectorAll('.primary-toggle')]
                    .map(b => b.getAttribute('aria-expanded'))};
}"""


@pytest.fixture(scope="module")
def site(browser):
    html = shared_book() / "_build" / "html"
    with serve(html) as base:
        yield base, browser


def _phone(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                               is_mobile=True, service_workers="block")


#: every primary toggle reports this aria-expanded value
EXPANDED_IS = ("() => [...document.querySelectorAll('.primary-toggle')]"
               ".every(b => b.getAttribute('aria-expanded') === '%s')")


def test_phone_sidebar_and_page_contents_open_and_close_by_tap(site):
    base, browser = site
    ctx = _phone(browser)
    try:
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}chapters/{STEMS[0]}.html", wait_until="load")
        state = page.evaluate(STATE)
        assert not state["primary"] and not state["sidebarVisible"]
        menu = page.locator(".primary-toggle:visible")
        assert menu.count() == 1
        menu.first.tap()
        page.wait_for_function("() => document.getElementById('pst-primary-sidebar-modal').open")
        state = page.evaluate(STATE)
        assert state["primaryLinks"] >= len(STEMS), state  # every chapter is listed
        assert "true" in state["expanded"]
        page.touchscreen.tap(385, 600)  # the backdrop, right of the drawer
        page.wait_for_function("() => !document.getElementById('pst-primary-sidebar-modal').open")
        # the dialog's "close" event (which updates aria-expanded) is a task after .open
        # turns false: wait for it rather than race it
        page.wait_for_function(EXPANDED_IS % "false")
        assert page.evaluate(STATE)["expanded"] == ["false", "false"]
        # keyboard: Enter opens, Escape closes, focus returns to the button
        menu.first.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.getElementById('pst-primary-sidebar-modal').open")
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('pst-primary-sidebar-modal').open")
        assert page.evaluate("() => document.activeElement.classList.contains('primary-toggle')")
        # the page contents ("On this page"), on a page with sections
        page.goto(f"{base}intro.html", wait_until="load")
        page.locator(".secondary-toggle:visible").first.tap()
        page.wait_for_function("() => document.getElementById('pst-secondary-sidebar-modal').open")
        assert page.evaluate(STATE)["secondaryLinks"] >= 1
        page.touchscreen.tap(5, 600)  # the backdrop, left of the drawer
        page.wait_for_function(
            "() => !document.getElementById('pst-secondary-sidebar-modal').open")
        # a link in the drawer navigates
        menu = page.locator(".primary-toggle:visible")
        menu.first.tap()
        page.wait_for_function("() => document.getElementById('pst-primary-sidebar-modal').open")
        page.locator(f"#pst-primary-sidebar-modal a[href$='{STEMS[1]}.html']").first.tap()
        page.wait_for_url(f"**/{STEMS[1]}.html")
        assert not errors, errors
    finally:
        ctx.close()


def test_desktop_collapse_toggles_the_sidebar(site):
    base, browser = site
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = ctx.new_page()
        page.goto(f"{base}chapters/{STEMS[0]}.html", wait_until="load")
        assert page.evaluate(STATE)["sidebarVisible"]
        toggle = page.locator(".primary-toggle:visible")
        toggle.first.click()
        page.wait_for_function("() => getComputedStyle("
                               "document.getElementById('pst-primary-sidebar')).visibility "
                               "=== 'hidden'")
        state = page.evaluate(STATE)
        assert not state["primary"], "desktop must collapse, not open the phone drawer"
        assert state["expanded"] == ["false", "false"]
        toggle.first.click()
        page.wait_for_function("() => getComputedStyle("
                               "document.getElementById('pst-primary-sidebar')).visibility "
                               "=== 'visible'")
        assert page.evaluate(STATE)["expanded"] == ["true", "true"]
    finally:
        ctx.close()


def test_shim_names_the_upstream_issue():
    from conftest import ROOT
    text = (ROOT / "_static" / "newsbook-nav.js").read_text(encoding="utf-8")
    assert "pydata/pydata-sphinx-theme#2451" in text
