"""Merge articles from several FreshRSS copies (and duplicates within one copy).

An article is identified by title and publication time. Identical repeats are
kept once; differing ones are resolved by the rules below, each with a warning
that names both places.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata

from .diagnostics import Code, Diagnostic
from .model import Article, Aside, Caption, Feed, Figure, Piece, Turn, article_text, walk


def merge_feeds(feeds: list[tuple[str, Feed]], diags: list[Diagnostic]) -> list[Article]:
    """Newest first. Across copies the copy given later wins; inside one copy a
    different text under the same title and date is a correction and both are kept."""
    kept: dict[tuple, list[Article]] = {}  # (title, published) -> versions kept, in order
    for source, feed in feeds:
        for art in feed.articles:
            # a text copy and an HTML source never pair here, but in merge_sources below
            versions = kept.setdefault((art.title, art.published, art.rich), [])
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
    if any(a.rich for a in arts):
        arts = merge_sources(arts, diags)
    return sorted(arts, key=lambda a: (a.published, a.title), reverse=True)


def _where(old: Article, new: Article) -> str:
    return f"{old.source}:{old.line} and {new.source}:{new.line}"


# ------------------------------------------------------------------ across kinds of source
# An article read from HTML (FreshRSS export, RSS/Atom; ``Article.rich``) and the same
# article in a text copy become one. They match on link, or on title and calendar day:
# the text copy shows the reader's local time, HTML sources UTC, so the days may differ
# by one. The richer version wins, with a warning naming both; the chapter keeps the text
# copy's title and date, so its file name does not change.

#: an HTML version with less than this share of the text copy's words is a preview
PREVIEW = 0.9


def _key(title: str) -> str:
    t = unicodedata.normalize("NFKC", title).casefold()
    return re.sub(r"\W+", "", t.replace("’", "'").replace("‘", "'"))


def _words(a: Article) -> int:
    return len(article_text(a).split())


def merge_sources(arts: list[Article], diags: list[Diagnostic]) -> list[Article]:
    """Pair each HTML-sourced article with its text copy (if any) and keep one of them."""
    out: list[Article] = []
    by_link: dict[str, int] = {}
    for a in arts:  # the same link twice among HTML sources: the later one wins
        i = by_link.get(a.link) if a.rich and a.link else None
        if i is None:
            if a.rich and a.link:
                by_link[a.link] = len(out)
            out.append(a)
            continue
        old = out[i]
        if article_text(old) != article_text(a):
            diags.append(Diagnostic(Code.CORRECTION, f"article {a.title!r} differs between "
                                    f"copies ({_where(old, a)}); using {a.source}", a.source,
                                    a.line))
            out[i] = a
    texts = [a for a in out if not a.rich]
    result = list(texts)
    for r in (a for a in out if a.rich):
        t = next((t for t in texts if _key(t.title) == _key(r.title)
                  and abs((t.published.date() - r.published.date()).days) <= 1), None)
        if t is None:
            result.append(r)
            continue
        texts.remove(t)
        result[result.index(t)] = _pick(t, r, diags)
    return result


def _pick(t: Article, r: Article, diags: list[Diagnostic]) -> Article:
    if _words(r) >= PREVIEW * _words(t):
        diags.append(Diagnostic(Code.RICHER, f"article {t.title!r} is in a text copy and in an "
                                f"export or feed ({_where(t, r)}); using the richer {r.source} "
                                "(images, links, emphasis)", r.source, r.line))
        return dataclasses.replace(r, title=t.title, published=t.published,
                                   byline=(r.byline or t.byline) if t.byline else _author(r))
    figures = [b for b in walk(r.blocks) if isinstance(b, Figure)]
    merged, used = _upgrade(t.blocks, figures)
    diags.append(Diagnostic(Code.RICHER, f"article {t.title!r} is in a text copy and in an "
                            f"export or feed ({_where(t, r)}); using the fuller text of "
                            f"{t.source} ({r.source} holds less: a preview?)"
                            + (f"; {used} caption(s) became images" if used else ""),
                            t.source, t.line))
    return dataclasses.replace(t, blocks=merged, link=r.link, byline=t.byline or _author(r))


def _author(r: Article) -> str:
    """The export's or feed's author for a post whose text copy names none; not the
    newsletter's own name, which a feed may give as every post's author."""
    return r.byline if r.byline and r.byline != r.publication else ""


def _upgrade(blocks, figures: list[Figure]) -> tuple[tuple, int]:
    """Captions of lost images that match a figure's caption or alt text become figures."""
    used = 0
    out = []
    for b in blocks:
        if isinstance(b, Caption):
            text = _key(" ".join(b.lines))
            fig = next((f for f in figures if text and text in (_key(f.caption), _key(f.alt))),
                       None)
            if fig is not None:
                figures.remove(fig)
                b, used = dataclasses.replace(fig, line=b.line), used + 1
        elif isinstance(b, (Turn, Aside, Piece)):
            inner, n = _upgrade(b.blocks, figures)
            b, used = dataclasses.replace(b, blocks=inner), used + n
        out.append(b)
    return tuple(out), used
