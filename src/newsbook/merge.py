"""Merge articles from several FreshRSS copies (and duplicates within one copy).

An article is identified by title and publication time. Identical repeats are
kept once; differing ones are resolved by the rules below, each with a warning
that names both places.
"""
from __future__ import annotations

from .book import article_text
from .diagnostics import Code, Diagnostic
from .model import Article, Feed


def merge_feeds(feeds: list[tuple[str, Feed]], diags: list[Diagnostic]) -> list[Article]:
    """Newest first. Across copies the copy given later wins; inside one copy a
    different text under the same title and date is a correction and both are kept."""
    chosen: dict[tuple, Article] = {}
    order: list[tuple] = []
    for copy_index, (source, feed) in enumerate(feeds):
        for art in feed.articles:
            key = (art.title, art.published)
            k = key
            n = 1
            while k in chosen:
                old = chosen[k]
                same = article_text(old) == article_text(art)
                where = f"{old.source}:{old.line} and {art.source}:{art.line}"
                if same:
                    if old.source == art.source:
                        diags.append(Diagnostic(Code.DUPLICATE, f"article {art.title!r} appears "
                                                f"twice ({where}); kept once", source, art.line))
                    k = None
                    break
                if old.source != art.source:
                    diags.append(Diagnostic(Code.CORRECTION, f"article {art.title!r} differs "
                                            f"between copies ({where}); using {source}", source,
                                            art.line))
                    chosen[k] = art
                    k = None
                    break
                n += 1
                k = key + (n,)
                if k not in chosen:
                    diags.append(Diagnostic(Code.CORRECTION, f"article {art.title!r} appears twice "
                                            f"with different text ({where}); both kept as "
                                            "separate pages", source, art.line))
            if k is not None:
                chosen[k] = art
                order.append(k)
        del copy_index
    arts = [chosen[k] for k in order]
    return sorted(arts, key=lambda a: (a.published, a.title), reverse=True)
