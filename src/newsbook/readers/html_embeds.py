"""Embeds in HTML bodies: Substack's image galleries, embedded posts and tweets, videos
(Substack's wrappers and any frame) and Ghost's bookmark cards, as figures or link cards.
A frame or a script never reaches a page: an embed becomes a link to where it lives.
"""
from __future__ import annotations

import dataclasses
import json
import re

from ..model import Figure, LinkCard
from .html_chrome import is_pixel
from .html_tree import WS, Node, _all, plain_text, safe_url

#: Substack image galleries: ``div.image-gallery-embed`` (images in its ``data-attrs``
#: JSON, usually with no children) and the rendered ``image-gallery`` markup
GALLERY = {"image-gallery-embed", "image-gallery"}
#: embedded videos: Substack's wrappers, a video's id, and where each site plays one
VIDEO = {"youtube-wrap", "vimeo-wrap"}
#: link previews: Ghost's bookmark card
BOOKMARKS = {"kg-bookmark-card"}
#: Ghost's audio card (a player: its file and title are kept, its clock and buttons not)
#: and file card (a download: its title and caption, not its file name and size)
#: (and WordPress's audio block, a figure of a player and its caption)
AUDIO_CARDS, FILE_CARDS = {"kg-audio-card", "wp-block-audio"}, {"kg-file-card"}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{4,32}$")
VIDEO_SITES = {"youtube": ("YouTube video", "https://www.youtube.com/watch?v="),
               "vimeo": ("Vimeo video", "https://vimeo.com/")}
#: the addresses a video is given by, its frame's or its own page's: site, then its id
VIDEO_URL = re.compile(
    r"^https://(?:(?:(?:www\.)?youtube(?:-nocookie)?\.com/embed/|(?:www\.|m\.)?youtube\.com/"
    r"watch\?v=|youtu\.be/)(?P<youtube>[A-Za-z0-9_-]{4,32})"
    r"|(?:player\.vimeo\.com/video/|(?:www\.)?vimeo\.com/)(?P<vimeo>\d{1,15}))(?:[?&#/]|$)")


def json_attrs(c: Node) -> dict:
    """Substack's ``data-attrs`` JSON object, or {} when absent or not an object."""
    try:
        raw = json.loads(c.attrs.get("data-attrs") or "{}")
    except (ValueError, RecursionError):
        return {}
    return raw if isinstance(raw, dict) else {}


class Embeds:
    """The mapper's embeds: galleries, embedded posts and tweets, videos and bookmarks,
    each as figures or a link card (a frame or a script never reaches a page). Needs the
    mapper's ``base`` (the article's address) and ``next_line()``."""

    base: str

    def next_line(self) -> int:  # pragma: no cover (the mapper's)
        raise NotImplementedError

    def gallery(self, c: Node) -> list[Figure]:
        """A Substack gallery as consecutive figures: each image with alt text (its own,
        the gallery's, or "Gallery image i of n"), the gallery caption once, on the last.
        Images come from ``data-attrs`` (``gallery.images[].src``), else from the markup."""
        attrs = json_attrs(c)
        gal = attrs.get("gallery") if isinstance(attrs.get("gallery"), dict) else attrs
        caption = gal.get("caption") if isinstance(gal.get("caption"), str) else ""
        caption = WS.sub(" ", plain_text(caption) if "<" in caption else caption).strip()
        alt = gal.get("alt") if isinstance(gal.get("alt"), str) else ""
        listed = gal.get("images") if isinstance(gal.get("images"), list) else []
        images = [(i.get("src"), i.get("alt")) for i in listed if isinstance(i, dict)]
        if not any(isinstance(src, str) and src for src, _ in images):
            images = [(n.attrs.get("src", ""), n.attrs.get("alt", ""))
                      for n in _all(c, lambda n: n.tag == "img" and not is_pixel(n))]
        if not caption:
            cap = c.find(lambda n: n.tag == "figcaption" or "image-gallery-caption" in n.classes)
            caption = WS.sub(" ", cap.text()).strip() if cap is not None else ""
        srcs = []
        for src, own in images:
            url = safe_url(src, self.base) if isinstance(src, str) else ""
            if url and not url.startswith("mailto:"):
                srcs.append((url, own if isinstance(own, str) else ""))
        n = len(srcs)
        out = []
        for i, (url, own) in enumerate(srcs, 1):
            text = WS.sub(" ", own or alt).strip() or f"Gallery image {i} of {n}"
            out.append(Figure(url, text, caption if i == n else "", "", self.next_line()))
        if not out and caption:
            out.append(Figure("", alt or "Image gallery", caption, "", self.next_line()))
        return out

    def card(self, c: Node, kind: str) -> LinkCard | None:
        attrs = json_attrs(c)

        def s(key: str) -> str:
            v = attrs.get(key)
            return WS.sub(" ", v).strip() if isinstance(v, str) else ""

        href = safe_url(s("url"), self.base)
        if not href:
            a = c.find(lambda n: n.tag == "a" and safe_url(n.attrs.get("href", ""), self.base))
            href = safe_url(a.attrs.get("href", ""), self.base) if a is not None else ""
        title = s("title") or (f"{s('name')} (@{s('username')})" if s("username") else "")
        body = s("full_text") if kind == "tweet" else s("truncated_body_text") or s("subtitle")
        if not title:
            t = c.find(lambda n: any("title" in k or "name" in k for k in n.classes))
            title = WS.sub(" ", t.text()).strip() if t is not None else ""
        if not body:
            b = c.find(lambda n: any(k.endswith(("-text", "-body", "-subtitle", "-content"))
                                     for k in n.classes))
            body = WS.sub(" ", b.text()).strip() if b is not None else ""
        if not body and not title:
            body = WS.sub(" ", c.text()).strip()
        if not (title or body or href):
            return None
        return LinkCard(kind, title, href, body, self.next_line())

    def video(self, c: Node) -> LinkCard | None:
        """An embedded video (Substack's ``youtube-wrap`` or ``vimeo-wrap``, whose
        ``data-attrs`` name it, or any ``iframe``) as a link card to where it plays: the
        frame itself is never shown (no script or frame reaches a page)."""
        attrs = json_attrs(c) if c.tag == "div" else {}
        vid = attrs.get("videoId") or attrs.get("video_id")
        if isinstance(vid, str) and VIDEO_ID.match(vid):
            site = "vimeo" if "vimeo-wrap" in c.classes else "youtube"
            return self.linked(VIDEO_SITES[site][1] + vid)
        frame = c if c.tag == "iframe" else c.find(lambda n: n.tag == "iframe")
        card = self.linked(frame.attrs.get("src", "")) if frame is not None else None
        named = WS.sub(" ", frame.attrs.get("title", "")).strip()[:200] if card else ""
        # (a frame's title names the video: "Rafael Ortuño en las Jornadas de Regadío 2023")
        return dataclasses.replace(card, title=named) if named else card

    def bookmark(self, c: Node) -> LinkCard | None:
        """Ghost's bookmark card (a link to a page, with its title and description, and a
        thumbnail, which is left out) as a link card."""
        def part(name: str) -> str:
            n = c.find(lambda x: name in x.classes)
            return WS.sub(" ", n.text()).strip() if n is not None else ""
        a = c.find(lambda n: n.tag == "a")
        href = safe_url(a.attrs.get("href", ""), self.base) if a is not None else ""
        title, body = part("kg-bookmark-title"), part("kg-bookmark-description")
        # (who wrote it and where: "Ines Varga · Citylabish", words of the card kept)
        by = " · ".join(t for t in (part("kg-bookmark-author"), part("kg-bookmark-publisher")) if t)
        body = "\n".join(t for t in (body, by) if t)
        if not (title or body or href):
            return None
        return LinkCard("link", title, href, body, self.next_line())

    def audio(self, c: Node) -> LinkCard | None:
        """Ghost's audio card: a card to its file, titled as the card is (the player's
        thumbnail, clock, speed and buttons are dropped)."""
        src = c.find(lambda n: n.tag in ("audio", "source") and n.attrs.get("src"))
        href = safe_url(src.attrs.get("src", ""), self.base) if src is not None else ""
        t = c.find(lambda n: "kg-audio-title" in n.classes)
        title = WS.sub(" ", t.text()).strip() if t is not None else ""
        cap = c.find(lambda n: n.tag == "figcaption")  # (WordPress's: the card's text)
        body = WS.sub(" ", cap.text()).strip() if cap is not None else ""
        if not (title or body or href.startswith(("http://", "https://"))):
            return None
        return LinkCard("audio", title, href if href.startswith("http") else "", body,
                        self.next_line())

    def file_card(self, c: Node) -> LinkCard | None:
        """Ghost's file card: a card to the download, with its title and caption (its
        file name and size are the page's furniture)."""
        def part(name: str) -> str:
            n = c.find(lambda x: name in x.classes)
            return WS.sub(" ", n.text()).strip() if n is not None else ""
        a = c.find(lambda n: n.tag == "a")
        href = safe_url(a.attrs.get("href", ""), self.base) if a is not None else ""
        title = part("kg-file-card-title") or part("kg-file-card-filename")
        body = part("kg-file-card-caption")
        if not (title or body or href):
            return None
        return LinkCard("file", title, href, body, self.next_line())

    def linked(self, url: str) -> LinkCard | None:
        """An embed given by its address (a frame's, or the page's itself): a card to the
        video's own page (YouTube, Vimeo) or to the page; None when the address is not a
        safe one."""
        href = safe_url(url, self.base)
        if not href.startswith(("http://", "https://")):
            return None
        m = VIDEO_URL.match(href)
        if m:
            site, vid = next((k, v) for k, v in m.groupdict().items() if v)
            return LinkCard("video", VIDEO_SITES[site][0], VIDEO_SITES[site][1] + vid, "",
                            self.next_line())
        return LinkCard("embed", "", href, "", self.next_line())
