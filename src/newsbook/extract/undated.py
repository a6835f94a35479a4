"""Dated sentences that date nothing: which of the dates a paragraph gives are events.

A citation's year is its source's ("Source: trial report, 2025"), a correction's dates are
the wrong ones ("an earlier version of this post said … May 2025"), a question asks about
its year ("Is it still worth buying in 2026?"), the letter's own week or month is no
event ("That is it for this week."), and a quote's source line dates the book it quotes
("— Mara Vinter, The Salt Roads (Harcastle, 1967)"). The extraction stage
(:mod:`newsbook.extract`) asks these of each date it finds; apart from it because they
read sentences, not the model.
"""
from __future__ import annotations

import re

from .spans import sentence_at


#: a sentence that says what an earlier version got wrong ("an earlier version of this
#: post said the hub opened in May 2025"): its dates and numbers are the wrong ones
_CORRECTION = re.compile(r"\b(?:earlier|previous|original) version of (?:this|our|the|my|last "
                         r"(?:week|month|year)['’]s|yesterday['’]s|\w+day['’]s)\b"
                         r"|\b(?:earlier|previous|"
                         r"original|last week['’]s) (?:version|issue|edition|post|newsletter|email)"
                         r"(?: of this \w+)? (?:said|stated|gave|listed|had|reported)\b|\b(?:"
                         r"incorrectly|wrongly|mistakenly|erroneously) (?:said|stated|reported|gave|"
                         r"listed)\b|\bwe (?:misstated|misreported)\b", re.I)
#: a citation's line: its year is the source's, no event's
SOURCE_LINE = re.compile(r"^\s*(?:(?:Sources?|Data|Quelle|Quellen|Fuentes?|Fontes?|Fonte"
                         r"|Source des données)[\s\u00a0\u202f]?:\s"
                         # (and a post's own timestamp of an edit: "Updated: Jan. 9, 2026,
                         # 10:15 a.m." is when the text changed, no event it tells)
                         r"|(?:Updated|Last updated|UPDATED|Aktualisiert|Mis à jour|Actualizado"
                         r"|Aggiornato|Atualizado)(?:\s(?:on|at|am|le|el|il))?(?:\s?:\s|\s(?=\d"
                         r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d)))")
CORRECTION_WORDS = ("version", "issue", "edition", "ncorrectly", "rongly", "istakenly",
                    "rroneously", "mis")


def corrected(text: str, spans, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` states what was wrong (asked only
    of a paragraph holding one of :data:`CORRECTION_WORDS`)."""
    s, e = sentence_at(spans, start, end)
    return _CORRECTION.search(text, s, e) is not None


#: a quotation's source on a line of its own: "— Mara Vinter, The Salt Roads (Harcastle,
#: 1967)", "— BOJ statement on monetary policy, 23 January 2026" (its years are the book's
#: or the statement's, which the quote above already dates if it dates anything)
ATTRIBUTION = re.compile(r"^[—―–]\s?[A-Z][^,.!?]{1,60}(?:,\s|$)")
#: a sentence about the newsletter itself: "Welcome to issue #41, the first of 2026", "That
#: is it for this week.", "A short one this month", "This month: a table of …"
_ITSELF = re.compile(r"\b(?i:this|today['’]s|this week['’]s|our|the first|the last|the next"
                     r"|(?:a )?short(?:er)?|(?:a )?long(?:er)?|(?:a )?quick)"
                     r"\s(?i:issue|edition|letter|newsletter|email|post|one)\b"
                     r"|[Ii]ssue\s(?:#|no\.\s?)?\d+|\bthe first of (?:the year|\d{4})\b"
                     r"|(?:^|\s)(?:[Tt]hat['’]s|[Tt]hat is|[Tt]hat['’]ll be) (?:it|all) for\b"
                     r"|^(?:This|Next|Last) (?:week|month|issue)\s?:|^In this (?:issue|edition)"
                     r"|^This (?:week|month)['’]s (?:is|one|letter|question|pick|mailbag)\b"
                     # ("Five items this week", "Three reviews this week", "Thanks for
                     # reading, and for all your tips last year.")
                     r"|\b(?:items|stories|links|reads|picks|reviews|recipes|notes)"
                     r" this (?:week|month)"
                     r"|^Thanks (?:for reading|to (?:all of )?you)\b")
#: the dates a sentence about the letter names in passing: its week, month or year
SELF_PRECISIONS = frozenset(("relative", "year", "month"))


def about_itself(text: str, spans, d) -> bool:
    """Whether the sentence holding date ``d`` speaks of the newsletter itself, so its
    week, month or year is the letter's own, no event (a day it names, "the next issue on
    5 June", stays)."""
    s, e = sentence_at(spans, d.start_off, d.end_off)
    low = text[s:e].lower()
    return any(w in low for w in _ITSELF_WORDS) and _ITSELF.search(text[s:e]) is not None


#: (a word every sentence :data:`_ITSELF` finds holds: the regex is asked of few)
_ITSELF_WORDS = ("issue", "edition", "letter", "email", "post", "one", "first of", " for",
                 "this week", "this month", "next week", "next month", "last week",
                 "last month", "last issue", "in this", "items", "stories", "links", "reads",
                 "picks", "reviews", "recipes", "notes", "thanks")


def asked(text: str, spans, d) -> bool:
    """Whether the date stands in a question ("…, or should we wait?"): its year or day is
    what is asked about, no event the text states."""
    s, e = sentence_at(spans, d.start_off, d.end_off)
    return text[s:e].rstrip(" \"”’'»)").endswith("?")


def cited(text: str, spans, start: int, end: int) -> bool:
    """Whether the sentence holding ``text[start:end]`` is a citation ("Source: …")."""
    s, e = sentence_at(spans, start, end)
    return SOURCE_LINE.match(text[s:e]) is not None
