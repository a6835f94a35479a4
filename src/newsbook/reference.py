"""Cross-article reference data: glossary occurrences, people index, events.

Reads the curated ``data/curation/{glossary,people,events}.yml`` and finds where
each entry occurs in the model, so the writer can link and index them. Knows
neither FreshRSS nor MyST.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .model import Article, anchor_id, Caption, ListBlock, Paragraph, walk
from .writers.escape import clean


@dataclass(frozen=True)
class Term:
    """A glossary entry: characters, pinyin, gloss and whether we wrote the gloss."""

    hanzi: str
    pinyin: str
    gloss: str
    editorial: bool
    kind: str


@dataclass(frozen=True)
class Person:
    """An index headword with the exact aliases that name it in the feed."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    whole_word: bool = False
    chapters: tuple[str, ...] = ()


@dataclass
class Reference:
    """Everything curated for the book-wide pages."""

    terms: list[Term] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)


def _load(path: Path) -> dict:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def load_reference(root: Path) -> Reference:
    cur = root / "data" / "curation"
    ref = Reference()
    for t in _load(cur / "glossary.yml").get("terms", []):
        ref.terms.append(Term(t["hanzi"], t.get("pinyin", ""), t.get("gloss", ""),
                              t.get("gloss_source") == "editorial", t.get("kind", "term")))
    for p in _load(cur / "people.yml").get("entries", []):
        ref.people.append(Person(p["name"], p.get("kind", "person"), tuple(p["aliases"]),
                                 bool(p.get("whole_word")), tuple(p.get("chapters", []))))
    ref.events = list(_load(cur / "events.yml").get("events", []))
    return ref


def block_texts(article: Article, stem: str) -> list[tuple[str, str]]:
    """(anchor id, plain text) of every addressable block, in reading order."""
    out = []
    for b in walk(article.blocks):
        if isinstance(b, (Paragraph, Caption, ListBlock)):
            text = " ".join(i.text for i in b.items) if isinstance(b, ListBlock) else b.text
            out.append((anchor_id(stem, article, b), clean(text)))
    return out


def term_places(terms: list[Term], pages: list[tuple[Article, str]]) -> dict[str, list[tuple[str, str]]]:
    """hanzi -> [(chapter stem, anchor)] of every block where it appears."""
    places: dict[str, list[tuple[str, str]]] = {t.hanzi: [] for t in terms}
    for article, stem in pages:
        for anchor, text in block_texts(article, stem):
            for t in terms:
                if t.hanzi in text:
                    places[t.hanzi].append((stem, anchor))
    return places


def _pattern(person: Person) -> re.Pattern:
    alts = sorted(person.aliases, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alts)
    return re.compile(rf"(?<![\w]){body}(?![\w])" if person.whole_word else body)


def people_in(article: Article, stem: str, people: list[Person]) -> list[str]:
    """Index headwords named in this article, longest aliases claiming text first."""
    text = " ".join(t for _, t in block_texts(article, stem))
    found = []
    claimed = [False] * len(text)
    ordered = sorted(people, key=lambda p: -max(len(a) for a in p.aliases))
    for person in ordered:
        if person.chapters and stem not in person.chapters:
            continue
        for m in _pattern(person).finditer(text):
            if not any(claimed[m.start():m.end()]):
                for i in range(m.start(), m.end()):
                    claimed[i] = True
                found.append(person.name)
                break
    return sorted(set(found))


EVENT_COLUMNS = ["date", "end", "precision", "label", "chapter", "title", "theme", "anchor",
                 "quote", "line", "derived"]


def events_csv(events: list[dict], pages: list[tuple[Article, str]]) -> str:
    """The book-wide timeline dataset, each event linked to the paragraph quoting it."""
    titles = {stem: a.title for a, stem in pages}
    blocks = {stem: block_texts(a, stem) for a, stem in pages}
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    for e in events:
        stem = e.get("chapter", "")
        if stem not in titles:
            continue
        quote = clean(str(e.get("quote", "")))
        anchor = next((a for a, t in blocks[stem] if quote and quote in t), "")
        w.writerow({"date": e.get("date", ""), "end": e.get("end", "") or "",
                    "precision": e.get("precision", ""), "label": clean(str(e.get("label", ""))),
                    "chapter": stem, "title": titles[stem], "theme": e.get("theme", ""),
                    "anchor": anchor, "quote": quote, "line": e.get("line", ""),
                    "derived": e.get("derived", "") or ""})
    return buf.getvalue()
