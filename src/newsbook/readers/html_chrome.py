"""What of an HTML newsletter is not its text: tracking pixels, footnotes' ways back to
their markers, links into the original page, sign-up buttons and the chrome blocks of an
email ("View in browser", the unsubscribe footer). :mod:`newsbook.readers.html` asks."""
from __future__ import annotations

import re
from urllib.parse import urldefrag

from .html_tree import WS, Node, _all, _without, safe_url
from .prompts import CTA, MAIL_FOOTER, PITCH, STREET_IN, STREET_LINE, is_cta

#: a footnote's way back to its marker: by class (Python-Markdown, Pandoc, kramdown, ...),
#: or a link into the page (or one whose address the sanitiser removed, javascript:) whose
#: text is only a return arrow. The page's ids are not the chapter's, so it goes, text too
BACKLINK_CLASSES = {"footnote-backref", "reversefootnote", "footnote-back", "footnote-return",
                    "fn-backref"}
BACKREF = re.compile(r"#fnref[:-]?\d{1,5}$")
BACK_MARK = re.compile(r"^\s*(?:[\u21a9\u2191\u23ce\u2934\u2b06^][\ufe0e\ufe0f]?\s*)+$")
#: a tracking pixel (an image 0-2 px wide or high, by its attributes or its style, or one
#: its style hides): dropped, so no reader's browser reports opening the page to a tracker
PIXEL_SIZE = re.compile(r"^\s*(?:[0-2](?:\.\d*)?|\.\d+)\s*(?:px)?\s*$", re.I)
PIXEL_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0*)?"
    r"|(?:max-)?(?:width|height)\s*:\s*(?:[0-2](?:\.\d*)?|\.\d+)\s*(?:px)?)"
    r"\s*(?:!\s*important\s*)?(?:;|$)", re.I)
#: newsletter chrome, told by a link's whole text: the email's web copy ("View in
#: browser"), its footer's unsubscribe and preferences links, a sign-up button. A block
#: holding such a link goes when it is short (VIEW_WORDS, FOOTER_WORDS; a sign-up link
#: only when the block is nothing but links): prose that mentions subscribing stays
VIEW_ONLINE = re.compile(
    r"^(?:view|read|open)(?: (?:this|the) (?:email|post|issue|newsletter))?"
    r" (?:in (?:your |a |the )?(?:web )?browser|online|on the web|as a web ?page)\W*$", re.I)
UNSUBSCRIBE = re.compile(
    r"^(?:unsubscribe(?: here| now| from (?:this list|these emails|all emails))?"
    r"|update (?:your )?(?:subscription |email )?preferences"
    r"|manage (?:your )?(?:subscription|preferences|email preferences|email settings)"
    r"|(?:email|subscription) (?:preferences|settings))\W*$", re.I)
SIGN_UP = re.compile(r"^(?:subscribe(?: now| for free| here)?|sign up(?: now| for free)?"
                     r"|join now)\W*$", re.I)
#: Ghost's members' portal (sign up, sign in, account, upgrade): a short block linking
#: there is a prompt
PORTAL = re.compile(r"#/portal(?:/|$)")
#: a poll's question ("What did you think of today's edition?"): dropped with the short
#: links after it, its options (at most :data:`POLL_OPTIONS`)
POLL = re.compile(r"^(?:What did you think of|How did we do (?:with|in)|How would you rate|Rate)"
                  r" (?:today['’]s|this week['’]s|this) (?:edition|email|issue|newsletter)\??\W*$",
                  re.I)
POLL_OPTIONS = 5
#: other links of a newsletter's bar of links ("Sign Up | Advertise")
OTHER_LINKS = re.compile(r"^(?:advertise|sponsor us|work with us|partner with us|read online|"
                         r"web version|archive|past issues|refer a friend|privacy policy|terms"
                         r"(?: of (?:service|use))?)\W*$", re.I)
#: a link styled as a button (``a.button``, ``a.btn-primary``, ``a.cta``)
BUTTON_CLASS = re.compile(r"(?:^|[-_])(?:button|btn|cta)(?:$|[-_])")
VIEW_WORDS, FOOTER_WORDS = 12, 40


def is_button(a: Node) -> bool:
    """A link styled as a button whose text is a sign-up or share prompt (the text
    copy's rule): a "Read the report" button stays."""
    if not any(BUTTON_CLASS.search(k) for k in a.classes):
        return False
    text = WS.sub(" ", a.text()).strip()
    return SIGN_UP.match(text) is not None or CTA.match(text) is not None


def is_pixel(img: Node) -> bool:
    """Is this image a tracking pixel (0-2 px wide or high, or hidden by its style), or an
    e-mail's furniture: a social network's icon, the e-mail tool's badge?"""
    return any(PIXEL_SIZE.match(img.attrs.get(k, "")) for k in ("width", "height")) \
        or PIXEL_STYLE.search(img.attrs.get("style", "")) is not None \
        or ICON_ALT.match(WS.sub(" ", img.attrs.get("alt", "")).strip()) is not None


#: an e-mail's icons by their alt text: social networks' and its tool's badge
ICON_ALT = re.compile(r"^(?:Facebook|Instagram|(?-i:X)|Twitter|LinkedIn|YouTube|TikTok|Threads|Bluesky"
                      r"|Mastodon|Pinterest|Reddit|WhatsApp|Telegram|Spotify|Apple Podcasts|RSS"
                      r"|beehiiv(?: logo)?|Powered by beehiiv|Substack|Mailchimp|Kit|ConvertKit"
                      r"|Email Marketing Powered by Mailchimp|Website|Email|E-mail|Web"
                      r"|Author|Avatar|Profile (?:picture|photo))"
                      r"(?: (?:icon|logo))?$", re.I)
#: a line that is only a copyright notice, "© 2026 The Larder Ledger" (in a body, outside
#: a figure: the e-mail's footer)
COPYRIGHT = re.compile(r"^(?:Copyright\s)?©\s?\d{4}(?:[–-]\d{2,4})?\s\S.{0,80}$")


def same_page(href: str, base: str) -> bool:
    """Does ``href`` point into the article's own page (``#fnref:1``, or the article's
    address with a fragment)? The page's ids are not the chapter's: as a link it would
    send a reader from the book back to the original site."""
    href = href.strip()
    if href.startswith("#"):
        return True
    if "#" not in href or not base:
        return False
    url = safe_url(href, base)
    return bool(url) and urldefrag(url)[0].rstrip("/") == urldefrag(base)[0].rstrip("/")


def is_backlink(a: Node, base: str, in_note: bool = False) -> bool:
    """Is this link a footnote's way back to its marker: by class, by its address in a
    note (``#fnref1``), or a return arrow that points into the page or, its javascript: address
    removed, nowhere (in a note's own text, an arrow anywhere)?"""
    href = a.attrs.get("href", "")
    if a.classes & BACKLINK_CLASSES or (in_note and BACKREF.search(href)):
        return True
    return (in_note or not href.strip() or same_page(href, base)) \
        and BACK_MARK.match(a.text()) is not None


def word_count(node: Node, cap: int) -> int:
    """How many words ``node`` holds, counted no further than ``cap`` + 1 (so asking
    whether a block is short never reads a whole article's wrapper to its end)."""
    n, stack = 0, [node]
    while stack and n <= cap:
        c = stack.pop()
        if isinstance(c, str):
            n += sum(1 for w in c.split() if any(ch.isalnum() for ch in w))
        else:
            stack.extend(c.children)
    return n


#: the line WordPress puts under every post in its feed ("The post X appeared first on Y."),
#: in English, Spanish, French, German, Italian and Portuguese
WP_FOOTER = re.compile(r"^(?:The post .{1,300} appeared first on|La entrada .{1,300} se publicó "
                       r"primero en|L[’']article .{1,300} est apparu en premier sur|Der Beitrag "
                       r".{1,300} erschien zuerst auf|L[’']articolo .{1,300} proviene da|O post "
                       r".{1,300} apareceu primeiro em) .{1,120}\.?$")


def only_links(c: Node) -> bool:
    """Whether the block's words are all its links' (no letter or digit outside them)."""
    return c.find(lambda n: n.tag == "a") is not None and not any(
        ch.isalnum() for ch in _without(c, lambda x: x.tag == "a").text())


def is_poll_option(c: Node) -> bool:
    """A poll's option after its question (:data:`POLL`): a short block of links opening
    with an emoji ("🥐🥐🥐 Fresh out of the oven"); a "Read the report" link is none."""
    t = WS.sub(" ", c.text()).strip()
    return bool(t) and ord(t[0]) >= 0x2190 and not t[0].isalnum() \
        and word_count(c, 8) <= 8 and only_links(c)



def chrome_text(text: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether a part of a block split at its blank lines is chrome by its words alone (a
    Mailchimp footer is one cell of lines: "Forward to a friend", the copyright, "Our
    mailing address is:" and its lines, each kept when only the whole cell was asked)."""
    t = " ".join(text.split())  # (no-break spaces too: "sharing &nbsp;|&nbsp; View …")
    return bool(t) and len(t.split()) <= FOOTER_WORDS and (
        WP_FOOTER.match(t) is not None or is_cta(t, names) or COPYRIGHT.match(t) is not None
        or _MAILCHIMP.match(t) is not None
        or (" · " in t or " | " in t or STREET_LINE.match(t) is not None)
        and MAIL_FOOTER.search(t) is not None)


#: what stands between a footer's links: "Forward | Unsubscribe · Preferences"
_BETWEEN_LINKS = re.compile(r"^[\s|·•/–—-]*$")
#: a footer's own words, never the author's sentence
_FOOTER_WORDS = re.compile(r"unsubscri|preferences|receiving this|received this|signed up|"
                           r"mailing list|this email|opt out|privacy", re.I)
#: the fewest words of the author's own sentence kept from a footer's paragraph
OWN_WORDS = 5


def own_words(c: Node, names: frozenset[str] = frozenset()) -> Node | None:
    """A footer's paragraph that also holds the author's own sentence, outside its links
    ("<em>Curb & Kerb is written by Priya Anand-Okoro in Bristol.</em> <a>Forward to a
    friend</a> | <a>Unsubscribe</a>"): the paragraph without its links and what separates
    them, when what is left ends a sentence and is no chrome by its words. It was lost
    with the links: a sentence of the text."""
    links = [k for k, x in enumerate(c.children) if isinstance(x, Node) and x.tag in ("a", "img")]
    if not links or chrome_text(WS.sub(" ", c.text()).strip(), names):
        return None  # (the whole paragraph is chrome by its words)
    # (the sentence stands before the first link or after the last, whole: "The post <a>X
    # </a> appeared first on <a>Y</a>." is a sentence around links, and chrome)
    before, after = c.children[:links[0]], c.children[links[-1] + 1:]
    between = [x for x in c.children[links[0]:links[-1]]
               if not (isinstance(x, Node) and x.tag in ("a", "img", "br")
                       or isinstance(x, str) and _BETWEEN_LINKS.match(x))]
    kept = [x for x in before + after if not (isinstance(x, str) and _BETWEEN_LINKS.match(x)
                                              or isinstance(x, Node) and x.tag == "br")]
    if between or not kept or (before and any(not (isinstance(x, str) and _BETWEEN_LINKS.match(x))
                                              for x in after)):
        return None
    own = Node("p", {}, kept)
    text = WS.sub(" ", own.text()).strip().rstrip("|·•/–—- ")
    if len(text.split()) < OWN_WORDS or text[-1:] not in ".!?" or not text[:1].isupper() \
            or chrome_text(text, names) \
            or _FOOTER_WORDS.search(text):
        return None
    return own


#: Mailchimp's own lines: its vCard link, its badge, a preheader's "| View this email in
#: your browser"
_MAILCHIMP = re.compile(r"^(?:Add us to your address book|Email Marketing Powered by Mailchimp"
                        r"|.{0,160}\s+\|\s+(?:View|Read) this email in (?:your|a) browser)$", re.I)


def _spaced(c: Node) -> str:
    """A block's text with a space for each line break (``text()`` runs its lines on)."""
    return "".join(ch if isinstance(ch, str) else " " if ch.tag == "br" else _spaced(ch)
                   for ch in c.children)


def is_chrome(c: Node, article_words: int, names: frozenset[str] = frozenset()) -> bool:
    """Is this block a newsletter's chrome? One of at most FOOTER_WORDS words holding an
    unsubscribe or preferences link; one of at most VIEW_WORDS holding a link to the
    email in a browser; one of nothing but links, a web copy's or a sign-up among them;
    WordPress's footer; one of Substack's prompts or buttons told by its words, as the
    text copy's reader tells them (:func:`~newsbook.readers.units.is_cta`, ``names``: the
    newsletter's, for "Share X"), since an export may keep no class to tell it. Never a
    block holding most of the article's words (its wrapper, however short)."""
    n = word_count(c, FOOTER_WORDS)
    if n > FOOTER_WORDS or 2 * n > article_words:
        return False
    text = WS.sub(" ", c.text()).strip()
    if WP_FOOTER.match(text) or is_cta(text, names) or COPYRIGHT.match(text) or \
            _MAILCHIMP.match(text) or \
            (" · " in text or " | " in text or STREET_LINE.match(text)) and \
            MAIL_FOOTER.search(text):  # (its address)
        return True
    if names and c.find(lambda n: n.tag == "br") is not None and (
            spaced := WS.sub(" ", _spaced(c)).strip()) and MAIL_FOOTER.search(spaced) and \
            any(spaced.startswith(n + " ") for n in names) and STREET_IN.search(spaced):
        return True  # (the newsletter's name over its address, a line each: "The Pell Creek
        #              Bulletin<br>214 Main Street<br>Pell Creek, IA 50977")
    links = _all(c, lambda x: x.tag == "a")
    texts = [WS.sub(" ", a.text()).strip() for a in links]
    if any(UNSUBSCRIBE.match(t) for t in texts):
        return True
    if any(PORTAL.search(a.attrs.get("href", "")) for a in links) and (
            n <= VIEW_WORDS or PITCH.search(text)):
        return True  # ("Sign up now to get interviews like this": Ghost's members' portal;
        #               "Not a subscriber yet? Subscribe and get … every Friday.")
    if n > VIEW_WORDS:
        return False
    if any(VIEW_ONLINE.match(t) and "browser" in t.lower() for t in texts):
        return True
    # (a group of links is chrome when each of them is: "Read the paper" beside "Subscribe
    # for free" stays, and the sign-up button alone goes as a block of its own)
    return only_links(c) and any(VIEW_ONLINE.match(t) or SIGN_UP.match(t) for t in texts) and \
        all(VIEW_ONLINE.match(t) or SIGN_UP.match(t) or is_cta(t, names) or OTHER_LINKS.match(t)
            for t in texts if t)
