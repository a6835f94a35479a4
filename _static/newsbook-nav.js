/* newsbook-nav.js: every sidebar toggle works, on a phone and on a desktop.
 *
 * Why: pydata-sphinx-theme 0.17 wires only the FIRST `.primary-toggle` and
 * `.secondary-toggle` in the page (document.querySelector), and sphinx-book-theme
 * 1.3's desktop collapse does the same. sphinx-book-theme renders a second pair in
 * the article header -- the buttons a reader actually sees -- which get no listener,
 * so tapping them only shows a tooltip. Upstream: pydata/pydata-sphinx-theme#2451
 * (also executablebooks/sphinx-book-theme#988). No released pair fixes it:
 * sphinx-book-theme 1.3.0 requires pydata-sphinx-theme==0.17.1, and older pairs break
 * the desktop collapse instead (pydata/pydata-sphinx-theme#2067). Delete this file
 * once a release fixes #2451.
 *
 * What it does: a click (tap, Enter, Space) on an unwired toggle is handed to the
 * wired one, so the themes' own code runs -- the <dialog> opens on narrow screens, the
 * sidebar collapses on wide ones -- and keeps aria-expanded/aria-controls current for
 * screen readers. Nothing else is changed.
 */
(() => {
  "use strict";
  const WIDE = "(min-width: 992px)";

  const wire = (selector, dialogId, sidebarId) => {
    const toggles = Array.from(document.querySelectorAll(selector));
    if (toggles.length < 2) return;  // one toggle: the theme wired it already
    const wired = toggles[0];
    const dialog = document.getElementById(dialogId);
    const sidebar = document.getElementById(sidebarId);
    const expanded = () => Boolean(dialog && dialog.open) ||
      (window.matchMedia(WIDE).matches && sidebar !== null &&
       !sidebar.classList.contains("pst-sidebar-hidden") &&
       getComputedStyle(sidebar).display !== "none");
    const sync = () => toggles.forEach((t) => t.setAttribute("aria-expanded", String(expanded())));
    toggles.forEach((t) => {
      if (dialog) t.setAttribute("aria-controls", dialogId);
      t.setAttribute("aria-haspopup", "dialog");
    });
    toggles.slice(1).forEach((t) => {
      t.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        t.focus();  // the theme returns focus here when the dialog closes
        wired.click();
        sync();
      });
    });
    if (dialog) dialog.addEventListener("close", sync);
    sync();
  };

  const run = () => {
    wire(".primary-toggle", "pst-primary-sidebar-modal", "pst-primary-sidebar");
    wire(".secondary-toggle", "pst-secondary-sidebar-modal", "pst-secondary-sidebar");
  };
  if (document.readyState !== "loading") run();
  else document.addEventListener("DOMContentLoaded", run);
})();
