"""Merge articles from several FreshRSS copies (and duplicates within one copy).

An article is identified by title and publication time. Identical repeats are
kept once; differing ones are resolved by the rules below, each with a warning
that names both places.
"""
from __future__ import annotations

from .diagnostics import Code, Diagnostic
from .model import Article, Feed, article_text


def merge_feeds(feeds: list[tuple[str, Feed]], diags: list[Diagnostic]) -> list[Article]:
    """Newest first. Across copies the copy given later wins; inside one copy a
    different text under the same title and date is a correction and both are kept."""
    kept: dict[tuple, list[Article]] = {}  # (title, published) -> versions kept, in order
    for source, feed in feeds:
        for art in feed.articles:
            versions = kept.setdefault((art.title, art.published), [])
            same = next((i for i, old in enumerate(versions)
                         if article_text(old) == article_text(art)), None)
            other = next((i for i, old in enumerate(versions) if old.source != source), None)
            if same is not None:
                old = versions[same]
                if old.source == art.source:
                    diags.append(Diagnostic(Code.DUPLICATE, f"article {art.title!r} appears twice "
                                            f"({_where(old, art)}); kept once", source, art.line))
            elif other is not None:
                old = versions[other]
                diags.append(Diagnostic(Code.CORRECTION, f"article {art.title!r} differs between "
                                        f"copies ({_where(old, art)}); using {source}", source,
                                        art.line))
                versions[other] = art
            else:
                if versions:
                    diags.append(Diagnostic(Code.CORRECTION, f"article {art.title!r} appears twice "
                                            f"with different text ({_where(versions[-1], art)}); "
                                            "both kept as separate pages", source, art.line))
                versions.append(art)
    arts = [a for versions in kept.values() for a in versions]
    return sorted(arts, key=lambda a: (a.published, a.title), reverse=True)


def _where(old: Article, new: Article) -> str:
    return f"{old.source}:{old.line} and {new.source}:{new.line}"
