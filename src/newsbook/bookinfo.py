"""The book's own words about itself: publication, title, intro, date range.

Computed from the articles, so a newsletter no one curated gets a title and an
intro that are its own; ``data/curation/book.yml`` may override any of them.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import PurePath

from .connections import opens_sentence
from .model import Article, article_text

NUMBERS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
           "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen",
           "Seventeen", "Eighteen", "Nineteen", "Twenty"]


def publication(articles: list[Article], curated: str | None) -> str:
    """The curated name, else the name most articles' stock lines give, else the name the
    input file is called by (:func:`name_from_file`), as the text writes it, else ""."""
    if curated:
        return curated
    named = _named(articles)
    return _join(named) if named else name_from_file(articles)


def _named(articles: list[Article]) -> list[str]:
    """The newsletters the book is named after: of several (an export of a category), each
    that gives a quarter of the posts or more, in the order of their counts, then the
    book's (at least the first; at most three)."""
    names = Counter(a.publication for a in articles if a.publication)
    top = _by_count(articles, names)
    return [n for n in top if 4 * names[n] >= sum(names.values())][:3] or top[:1]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def newsletters(articles: list[Article]) -> list[str]:
    """The newsletters a book mixes (an export of a category, or the copies of several),
    in the order of their posts' counts, then of their first post: each is a part of the
    table of contents when curation sets no themes. [] when one newsletter (or none) is
    named: a part of its own would say nothing."""
    names = Counter(a.publication for a in articles if a.publication)
    return _by_count(articles, names) if len(names) > 1 else []


def _by_count(articles: list[Article], names: Counter) -> list[str]:
    first = {n: i for i, n in reversed(list(enumerate(a.publication for a in articles)))}
    return sorted(names, key=lambda n: (-names[n], first[n]))


#: words of a copy's file name that name the copy, not the newsletter
_FILE_WORDS = frozenset("freshrss export exported feed feeds rss atom json txt text copy normal "
                        "view saved starred reader newsletter posts articles all".split())


def name_from_file(articles: list[Article]) -> str:
    """The newsletter's name as its articles write it, when the input file is named after
    it ("harbour-ledger-freshrss-2026.txt" and a text saying "Harbour Ledger"): "" when the
    file's name, less words like "freshrss" and numbers, is nowhere in the text (a copy
    called "feed.txt" names nothing; when in doubt, no name). A one-word name counts only
    where it stands mid-sentence, or with a capital inside it ("ChinaTalk")."""
    sources = {a.source for a in articles if a.source and not a.source.startswith("<")}
    if len(sources) != 1 or any(a.rich for a in articles):
        return ""  # (an export or a feed names itself; its file may be named by a category)
    words = [w for w in re.split(r"[\W_]+", PurePath(sources.pop()).stem)
             if w and not w.isdigit() and w.lower() not in _FILE_WORDS]
    if not words or sum(map(len, words)) < 4:
        return ""
    pattern = re.compile(r"(?<!\w)" + r"[\s-]?".join(map(re.escape, words)) + r"(?!\w)",
                         re.IGNORECASE)
    seen: Counter = Counter()
    for a in articles:
        text = article_text(a)
        for m in pattern.finditer(text):
            # one word counts only mid-sentence: "plain.txt" names nothing in "Plain words"
            if len(words) > 1 or m.group(0)[1:] != m.group(0)[1:].lower() or not (
                    opens_sentence(text, m.start()) or text[m.start() - 1] == "\n"):
                seen[m.group(0)] += 1
    # the spelling the text uses most, preferring one with capitals ("ChinaTalk", not "chinatalk")
    best = max(seen, key=lambda k: (k != k.lower(), seen[k]), default="")
    return best if best and best != best.lower() else ""


def _month(d: datetime) -> str:
    return f"{d:%B %Y}"


def date_range(articles: list[Article]) -> str:
    """"May to December 2025", "December 2025 to March 2026" or "15 May 2025"."""
    if not articles:
        return ""
    first = min(a.published for a in articles)
    last = max(a.published for a in articles)
    if (first.year, first.month) == (last.year, last.month):
        return _month(first) if first.date() != last.date() else f"{first.day} {_month(first)}"
    if first.year == last.year:
        return f"{first:%B} to {_month(last)}"
    return f"{_month(first)} to {_month(last)}"


def years(articles: list[Article]) -> str:
    ys = sorted({a.published.year for a in articles})
    if not ys:
        return ""
    return str(ys[0]) if len(ys) == 1 else f"{ys[0]}–{ys[-1]}"


def count_words(n: int, noun: str) -> str:
    word = NUMBERS[n] if n < len(NUMBERS) else f"{n:,}"
    return f"{word} {noun}{'' if n == 1 else 's'}"


def _read_from(articles: list[Article], several: bool = False) -> str:
    """Where the posts were read from: text copies of FreshRSS's view, HTML (an export or
    the newsletter's feed; ``several``: the newsletters' feeds), or both."""
    rich = {a.rich for a in articles}
    if rich == {True}:
        return "as read from the newsletters' feeds" if several else \
            "as read from the newsletter's feed"
    if rich == {False}:
        return "as saved from the FreshRSS reader"
    return "as saved from the FreshRSS reader and " + ("their feeds" if several else "its feed")


def settings(articles: list[Article], curated, n_charts: int) -> dict[str, str]:
    """title, author, intro and copyright for this set of articles."""
    name = publication(articles, curated.publication)
    # ("Five Harbour Ledger posts": a name used before a noun drops its article)
    noun = re.sub(r"^(?:The|A|An) (?=\S)", "", name) if name else ""
    # (several newsletters: "Eight posts of Bitwise Weekly and one other newsletter")
    mixed = [] if curated.publication else newsletters(articles)
    named = _named(articles) if mixed else []
    rest = [n for n in mixed if n not in named]
    several = bool(mixed)
    posts = count_words(len(articles), "post") + " of " + _join(
        named + [count_words(len(rest), "other newsletter").lower()] * bool(rest)) \
        if several else count_words(len(articles), f"{noun} post" if noun else "post")
    title = curated.title or (f"{name} {years(articles)}: an interactive reader" if name
                              else f"Newsletter {years(articles)}: an interactive reader")
    chart_words = count_words(n_charts, "interactive chart").lower() if n_charts < 21 else \
        f"{n_charts:,} interactive charts"
    notes = "footnotes linked both ways, " if any(a.footnotes for a in articles) else ""
    # (the newsletter's own words about itself, when its feed gives them: one newsletter)
    abouts = {a.about for a in articles}
    about = f"In its own words: “{abouts.pop()}” " if len(abouts) == 1 and not several \
        and "" not in abouts else ""
    intro = curated.intro or (
        f"{about}{posts} from {date_range(articles)}, {_read_from(articles, several)}, rebuilt "
        f"as a book: every sentence kept, {notes}and {chart_words} whose every point traces "
        "to a quote.")
    return {"title": title, "author": curated.author or name or "",
            "publication": name, "intro": intro, "copyright": years(articles),
            "repository_url": curated.repository_url, "branch": curated.branch,
            "jupyterhub_url": curated.jupyterhub_url}
