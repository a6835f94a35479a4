"""Reader for RSS 2.0 and Atom files (e.g. Substack's ``https://<name>.substack.com/feed``),
parsed by ``feedparser``.

The article HTML is ``content:encoded`` (Atom: ``content``), else the summary; the
author is ``dc:creator`` (Atom: ``author``); times are the author's own clock as the feed
writes them, naive (UTC only where feedparser alone reads the date). feedparser never
raises on bad XML (it sets ``bozo``): a file with no entries is an error, a bozo file
with entries a warning. An article's ``line`` is the line of its ``<item>`` or
``<entry>`` start tag (the n-th one in the file); see :mod:`.html` for block lines.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import feedparser

from ..diagnostics import Code, Diagnostic
from ..model import Feed, LinkCard, Paragraph, Span
from .freshrss_text import ReadResult
from .html import html_article, plain_text
from .html_chrome import WP_FOOTER
from .html_tree import closed_elements, safe_url
from .kinds import XML_START, looks_like_xml  # noqa: F401  (re-exported)

ENTRY_TAG = re.compile(r"<(?:item|entry)[\s>/]")


def read_feed(text: str, *, source: str) -> ReadResult:
    """Read an RSS/Atom file into the model."""
    diags: list[Diagnostic] = []
    if looks_like_xml(text) == "opml":
        diags.append(Diagnostic(Code.EMPTY, "an OPML file lists subscriptions, not articles; "
                                "give FreshRSS's export zip or its JSON files", source, 1, "error"))
        return ReadResult(Feed(()), diags)
    # (feedparser's own sanitiser is off: it strips Substack's data-attrs, which hold a
    # gallery's images, a tweet's text and a video's id. Every item's HTML goes through
    # the HTML reader's allowlist, nh3, as the FreshRSS export's does: tests/test_rich_hostile)
    # (self-closed elements are closed first: feedparser's pass over the HTML opens them)
    parsed = feedparser.parse(closed_elements(text.lstrip("\ufeff")), resolve_relative_uris=True,
                              sanitize_html=False)
    lines = [text.count("\n", 0, m.start()) + 1 for m in ENTRY_TAG.finditer(text)]
    if not parsed.entries:
        exc = parsed.get("bozo_exception")
        line = getattr(exc, "getLineNumber", lambda: 1)() if exc else 1
        why = f"not a readable RSS/Atom feed: {exc}" if exc else "the feed has no entries"
        diags.append(Diagnostic(Code.BAD_FEED if exc else Code.EMPTY, why[:300], source,
                                line or 1, "error"))
        return ReadResult(Feed(()), diags)
    if parsed.bozo:
        exc = parsed.get("bozo_exception")
        line = getattr(exc, "getLineNumber", lambda: 1)() or 1
        diags.append(Diagnostic(Code.BAD_FEED, f"the feed is not well-formed ({exc}); read what "
                                "could be read"[:300], source, line))
    articles = []
    channel = parsed.get("feed") or {}
    name = " ".join(plain_text(channel.get("title", "")).split())
    # (Mailchimp's archive feed is titled "<sender> Campaign Archive": the sender is its name)
    name = re.sub(r"\s+Campaign Archive$", "", name) or name
    feed_author = parsed.feed.get("author", "") if "atom" in (parsed.get("version") or "") else ""
    about = _about(channel.get("subtitle", ""), name)
    for i, entry in enumerate(parsed.entries):
        line = lines[i] if i < len(lines) else 1
        title_d = entry.get("title_detail") or {}
        title = entry.get("title", "")
        if "html" in (title_d.get("type") or ""):
            title = plain_text(title)
        title = " ".join(title.split())
        if not title:
            diags.append(Diagnostic(Code.BAD_FEED, "entry has no title", source, line, "error"))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if not stamp:
            diags.append(Diagnostic(Code.BAD_DATE, f"entry {title!r} has no readable date",
                                    source, line, "error"))
            continue
        published = _local_time(entry.get("published") or entry.get("updated") or "") or \
            datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc).replace(tzinfo=None)
        contents = entry.get("content") or []
        html = max((c.get("value", "") for c in contents), key=len, default="") \
            or entry.get("summary", "")
        # (an entry with no author of its own is the feed's author's: Atom says so)
        byline = " ".join(plain_text(_authors(entry) or feed_author).split())
        article = html_article(title=title, published=published, html=html, source=source,
                               line=line, link=entry.get("link", ""), byline=byline,
                               diags=diags, publication=name,
                               date_raw=str(entry.get("published") or entry.get("updated") or ""))
        if about:
            article = replace(article, about=about)
        lead = _subtitle(entry.get("summary", ""), html) if contents else ""
        if lead and article.blocks:
            article = replace(article, blocks=(
                Paragraph(lead, line, spans=(Span("em", lead),)), *article.blocks))
        audio = _audio(entry)
        if audio and article.blocks and not any(isinstance(b, LinkCard) and b.href == audio
                                                for b in article.blocks):
            # (a podcast's episode is its enclosure: the page linked to it nowhere)
            article = replace(article, blocks=(*article.blocks, LinkCard(
                "audio", "", audio, "", article.blocks[-1].line + 1)))
        articles.append(article)
    return ReadResult(Feed(tuple(articles)), diags)


__all__ = ["read_feed", "looks_like_xml"]


#: how an excerpt ends: "… […]", "… Continue reading"
_EXCERPT_END = re.compile(r"\s*(?:\[(?:…|&hellip;|\.\.\.)\]|…|\.\.\.)\s*"
                          r"(?:Continue reading.*|Read more.*)?$")
#: WordPress's footer closing an excerpt too ("… [&hellip;] The post X appeared first on
#: Y."): the excerpt was shown as a subtitle, footer and all, over the body's first sentence
_WP_TAIL = re.compile(r"\s*" + WP_FOOTER.pattern.removeprefix("^"))


def _audio(entry) -> str:
    """The address of the entry's audio enclosure (a podcast's episode), or ""."""
    for enc in entry.get("enclosures") or []:
        if str(enc.get("type", "")).startswith("audio/"):
            url = safe_url(str(enc.get("href", "")))
            if url.startswith(("http://", "https://")):
                return url
    return ""


def _authors(entry) -> str:
    """Every author an entry names, in order: "Nell Varga and Theo Marsh" (two dc:creator
    lines; feedparser's ``author`` keeps the last only, and the lead author was lost)."""
    names = list(dict.fromkeys(n for a in entry.get("authors") or ()
                               if isinstance(a, dict) and (n := (a.get("name") or "").strip())))
    if len(names) < 2:
        return entry.get("author", "")
    return ", ".join(names[:-1]) + " and " + names[-1]


#: a feed's description that says nothing of it: a platform's stock line
_STOCK_ABOUT = re.compile(r"^(?:(?:the )?latest (?:posts|news|articles|updates)|my (?:personal )?"
                          r"(?:blog|newsletter|substack)|a (?:blog|newsletter)|news|blog|rss feed"
                          r"|just another wordpress site|thoughts, stories and ideas\.?)\b", re.I)


def _about(description: str, name: str) -> str:
    """The newsletter's words about itself, from its feed's description (Substack's
    tagline, a WordPress site's "tagline"), as plain text: "" when it is empty, only its
    name, a platform's stock line ("Just another WordPress site") or longer than a
    tagline is."""
    text = " ".join(plain_text(description).split())
    if len(text) < 12 or len(text) > 300 or text.lower() == name.lower() or \
            _STOCK_ABOUT.match(text) or not any(c.isalpha() for c in text):
        return ""
    return text


def _subtitle(summary: str, html: str) -> str:
    """The post's subtitle, when the feed gives one apart from its body (Substack's
    ``<description>``: "Ce que nous avons appris en lisant 37 contrats"), as plain text;
    "" when the summary is the body's own opening (WordPress's excerpt, "… [&hellip;]")
    or longer than a subtitle is."""
    lead = _WP_TAIL.sub("", " ".join(plain_text(summary).split()))
    if not lead or len(lead) > 300:
        return ""
    body = " ".join(plain_text(html).split())
    head = _EXCERPT_END.sub("", lead)
    if not head or head[:60] in body:
        return ""
    return lead


def _local_time(raw: str) -> datetime | None:
    """The entry's time on the author's own clock, as its feed writes it ("2025-06-02T00:20:00
    +01:00" is 2 June at 00:20, not 1 June at 23:20 UTC): the day the post names and the
    week its "this week" means are the author's. None when the text is no date either
    form reads (feedparser's UTC reading then serves)."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00")) if raw[:4].isdigit() \
            else parsedate_to_datetime(raw)
    except (ValueError, TypeError, IndexError):
        return None
    return when.replace(tzinfo=None) if when is not None else None
