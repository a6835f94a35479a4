"""Issue 12, item 2: after a new article, ONE build brings every page up to date.

Build the three-article book, add a fourth article in a later copy, convert and build
once (incrementally, as ``make book`` does), then check every page: the sidebar lists
the new chapter, prev/next follow the toc, the root page lists it, and the footer year is
the articles' span.
"""
from __future__ import annotations

import re
import time

import pytest
import yaml

from smallbook import NEW_ARTICLE, NEW_STEM, build, convert, new_book, write_feed

from newsbook.writers.book_files import build_config, copyright_years

pytestmark = [pytest.mark.slow]


def toc_order(root) -> list[str]:
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    order = [toc["root"]]
    for part in toc["parts"]:
        order += [c["file"] for c in part["chapters"]]
    return order


def _link(html: str, cls: str) -> str | None:
    m = re.search(rf'<a class="{cls}"\s+href="([^"]+)"', html)
    return m.group(1) if m else None


def _resolve(page: str, href: str) -> str:
    base = page.split("/")[:-1]
    for part in href.split("#")[0].split("/"):
        if part == "..":
            base.pop()
        elif part not in ("", "."):
            base.append(part)
    return "/".join(base).removesuffix(".html")


def test_one_build_after_a_new_article_updates_every_page(tmp_path):
    root = new_book(tmp_path)
    first = build(root)
    write_feed(root, "later.txt", [NEW_ARTICLE])
    assert convert(root) == 0
    t0 = time.perf_counter()
    again = build(root)
    log = (root / "_build" / "test-build.log").read_text(encoding="utf-8")
    print(f"\nfirst build {first:.1f}s, rebuild after a new article {again:.1f}s "
          f"({time.perf_counter() - t0:.1f}s)")
    # newsbook.freshness: every page rewritten, or patched where only its sidebar changed
    assert re.search(r"navigation changed; rewriting (every page|\d+ pages and the sidebar "
                     r"of \d+ more)", log), log[-2000:]
    html = root / "_build" / "html"
    order = toc_order(root)
    assert f"chapters/{NEW_STEM}" in order
    stale = []
    for i, page in enumerate(order):
        text = (html / f"{page}.html").read_text(encoding="utf-8")
        nav = text[text.index('bd-docs-nav"'):]
        nav = nav[:nav.index("</nav>")]
        if page != f"chapters/{NEW_STEM}" and f"{NEW_STEM}.html" not in nav:
            stale.append(f"{page}: sidebar lacks the new chapter")
        nxt, prev = _link(text, "right-next"), _link(text, "left-prev")
        want_next = order[i + 1] if i + 1 < len(order) else None
        want_prev = order[i - 1] if i > 0 else None
        if (nxt and _resolve(page, nxt)) != want_next:
            stale.append(f"{page}: next is {nxt}, want {want_next}")
        if (prev and _resolve(page, prev)) != want_prev:
            stale.append(f"{page}: prev is {prev}, want {want_prev}")
        if "© Copyright 2025" not in text:
            stale.append(f"{page}: footer year")
    assert not stale, "\n".join(stale)
    intro = (html / "intro.html").read_text(encoding="utf-8")
    assert f'chapters/{NEW_STEM}.html' in intro and "Tugboats at Dawn" in intro
    # the navigation check must not turn every later build into a full one
    noop = build(root)
    print(f"no-op rebuild {noop:.1f}s")
    log = (root / "_build" / "test-build.log").read_text(encoding="utf-8")
    assert "navigation changed" not in log
    assert not re.search(r"writing output\.\.\. \[\s*\d+%\] chapters/", log)


def test_footer_year_spans_the_articles():
    assert copyright_years([2025, 2025]) == "2025"
    assert copyright_years([2026, 2025, 2025]) == "2025-2026"
    assert build_config({}, years=[2025, 2026])["copyright"] == "2025-2026"
