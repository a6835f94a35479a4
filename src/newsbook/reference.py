"""Cross-article reference data: glossary occurrences, people index, events.

Reads the curated ``data/curation/{glossary,people,events}.yml`` and finds where
each entry occurs in the model, so the writer can link and index them. Knows
neither FreshRSS nor MyST.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field


from .extract.lookup import Finder
from .extract.facts import derived_note
from .model import (Article, Aside, anchor_id, Caption, Figure, ListBlock, Paragraph, Quote,
                    list_text, source_line, walk)
from .writers.escape import clean


@dataclass(frozen=True)
class Term:
    """A glossary entry: characters, pinyin, gloss and whether we wrote the gloss."""

    hanzi: str
    pinyin: str
    gloss: str
    editorial: bool
    kind: str
    lang: str = "zh"  # zh | ja | ko; only Chinese terms carry pinyin


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


def reference_from_plan(plan) -> Reference:
    """The plan's glossary, people and events as reference entries."""
    from .plan import plain
    ref = Reference()
    for t in plan.glossary:
        ref.terms.append(Term(t.hanzi, t.pinyin if t.lang == "zh" else "", t.gloss,
                              t.gloss_source == "editorial", t.kind, t.lang))
    for p in plan.people:
        ref.people.append(Person(p.name, p.kind, tuple(p.aliases), p.whole_word,
                                 tuple(p.chapters)))
    ref.events = [plain(e) for e in plan.events]  # (= model_dump(), no serializer built)
    return ref


def block_texts(article: Article, stem: str) -> list[tuple[str, str]]:
    """(anchor id, plain text) of every addressable block, in reading order."""
    return [(anchor, text) for anchor, text, _ in block_lines(article, stem)]


#: (id(article), stem) -> (article, its block_lines): the last few articles asked about.
#: Finding facts asks for one article's blocks five times in a row (its own pass and
#: four automatic charts), and so does each later book-wide pass; a small memo keeps
#: the repeats free without holding every article's text (peak memory of big copies).
_BLOCKS: dict[tuple[int, str], tuple[Article, list[tuple[str, str, int]]]] = {}
_BLOCKS_KEPT = 8


def block_lines(article: Article, stem: str) -> list[tuple[str, str, int]]:
    """(anchor id, plain text, first line) of every addressable block. The list is shared
    with later callers for the same article: read it, never change it."""
    key = (id(article), stem)
    got = _BLOCKS.get(key)
    if got is not None and got[0] is article:
        return got[1]
    out = _block_lines(article, stem)
    if len(_BLOCKS) >= _BLOCKS_KEPT:
        del _BLOCKS[next(iter(_BLOCKS))]  # the oldest (dicts keep insertion order)
    _BLOCKS[key] = (article, out)
    return out


def own_lines(article: Article, stem: str) -> list[tuple[str, str, int]]:
    """:func:`block_lines` without an advertisement's or a job notice's (an aside's): the
    names a sponsor's block gives ("Together with Pitchline Data", "Apple Podcasts") were
    listed as people and counted as the articles' connections."""
    lines = block_lines(article, stem)
    asides = [b for b in walk(article.blocks) if isinstance(b, Aside)]
    if not asides:
        return lines
    skip = {anchor_id(stem, article, x) for a in asides for x in walk(a.blocks)}
    return [line for line in lines if line[0] not in skip]


def _block_lines(article: Article, stem: str) -> list[tuple[str, str, int]]:
    """(anchor, plain text, source line: :func:`~newsbook.model.source_line`) of each
    block."""
    out = []
    for b in walk(article.blocks):
        if isinstance(b, (Paragraph, Caption, ListBlock)):
            text = list_text(b) if isinstance(b, ListBlock) else b.text
            out.append((anchor_id(stem, article, b), clean(text), source_line(article, b.line)))
        elif isinstance(b, Quote):  # (an HTML source's block quote and image captions)
            out.append((anchor_id(stem, article, b),
                        clean(" ".join(p.text for p in b.paragraphs)),
                        source_line(article, b.line)))
        elif isinstance(b, Figure) and b.caption:
            out.append((anchor_id(stem, article, b), clean(b.caption),
                        source_line(article, b.line)))
    return out


def term_places(terms: list[Term], pages: list[tuple[Article, str]],
                found: list[list[tuple[str, str]]] | None = None
                ) -> dict[str, list[tuple[str, str]]]:
    """hanzi -> [(chapter stem, anchor)] of every block where it appears. ``found``: each
    page's :func:`terms_in` of these terms, when the caller has them (the pages'
    per-article pass finds them on every core)."""
    places: dict[str, list[tuple[str, str]]] = {t.hanzi: [] for t in terms}
    times: dict[str, int] = {}  # (a term listed twice gets each place twice, as before)
    for t in terms:
        times[t.hanzi] = times.get(t.hanzi, 0) + 1
    if found is None:
        finder = Finder(places)  # one pass per block, not one per term and block
        found = [terms_in(finder, article, stem) for article, stem in pages]
    for (_, stem), hits in zip(pages, found):
        for hanzi, anchor in hits:
            places[hanzi].extend([(stem, anchor)] * times[hanzi])
    return places


def abbreviations_in(pages: list[tuple[Article, str]], per_page: list | None = None
                     ) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(abbreviation, long form, [(chapter stem, anchor)]) of every abbreviation the
    articles define (:mod:`newsbook.extract.abbreviations`), sorted; the first definition
    gives the long form, and one spelling stands for all that differ only in case (a
    glossary's terms are). ``per_page``: each page's :func:`stated_in` ``[0]``, when the
    caller found them already (in its own pass over the articles)."""
    from .extract.abbreviations import find_abbreviations
    found: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}
    if per_page is None:
        per_page = _per_block(pages, find_abbreviations)
    for (_, stem), stated in zip(pages, per_page):
        for anchor, d in stated:
            entry = found.setdefault(d.abbr.lower(), (d.abbr, d.long_form, []))
            if (stem, anchor) not in entry[2]:
                entry[2].append((stem, anchor))
    return sorted(found.values(), key=lambda e: (e[0].lower(), e[0]))


def _per_block(pages: list[tuple[Article, str]], find) -> list[list[tuple[str, object]]]:
    """Each article's ``(anchor, found)`` for everything ``find(text)`` finds in its blocks,
    in reading order; a big book's articles on every core (:func:`newsbook.fanout.fan_out`)."""
    from .fanout import fan_out
    return fan_out(lambda i: [(anchor, d) for anchor, text, _ in block_lines(*pages[i])
                              for d in find(text)],
                   [a.end_line - a.line for a, _ in pages])


def stated_in(blocks: list[tuple[str, str, int]], role_nouns: frozenset[str] = frozenset()
              ) -> tuple[list[tuple[str, object]], list[tuple[str, object]]]:
    """One article's ``(anchor, definition)`` of the abbreviations and of the coined terms
    and described names its blocks (:func:`block_lines`) state, in reading order: what
    :func:`abbreviations_in` and :func:`glossary_words` gather (pure, so a caller's
    per-article pass finds them on every core)."""
    from .extract.abbreviations import find_abbreviations
    from .extract.definitions import find_definitions
    return ([(anchor, d) for anchor, text, _ in blocks for d in find_abbreviations(text)],
            [(anchor, d) for anchor, text, _ in blocks
             for d in find_definitions(text, role_nouns)])


@dataclass(frozen=True)
class WordEntry:
    """A glossary headword of a book without Chinese, Japanese or Korean terms: ``gloss``
    is verbatim text (a whole sentence when ``sentence``), ``places`` the blocks saying it."""

    term: str
    gloss: str
    sentence: bool
    places: tuple[tuple[str, str], ...]


WORDS_CAP = 300  # per section: a glossary, not a concordance


def glossary_words(pages: list[tuple[Article, str]], role_nouns: frozenset[str] = frozenset(),
                   per_page: list | None = None) -> tuple[list[WordEntry], list[WordEntry]]:
    """(coined terms, described names) the articles state
    (:mod:`newsbook.extract.definitions`): the first statement gives the gloss, every
    block stating one is a place; one entry per spelling that differs only in case.
    ``per_page``: each page's :func:`stated_in` ``[1]``, when the caller has them."""
    from .extract.definitions import find_definitions
    found: dict[tuple[str, str], tuple[str, str, bool, dict]] = {}
    if per_page is None:
        per_page = _per_block(pages, lambda text: find_definitions(text, role_nouns))
    for (_, stem), stated in zip(pages, per_page):
        for anchor, d in stated:
            form = "described" if d.form == "described" else "coined"  # (terms, names)
            entry = found.setdefault((form, d.term.lower()),
                                     (d.term, d.gloss, d.form == "coined", {}))
            entry[3][(stem, anchor)] = None  # (an ordered set of places)
    out: dict[str, list[WordEntry]] = {"coined": [], "described": []}
    for (form, _), (term, gloss, whole, places) in found.items():
        out[form].append(WordEntry(term, gloss, whole, tuple(places)))
    return tuple(_capped(out[f]) for f in ("coined", "described"))  # type: ignore[return-value]


def shared_names(entries, pages: list[tuple[Article, str]]) -> list[WordEntry]:
    """The people page's names (``entries``: :class:`newsbook.people.PeopleEntry`), each
    glossed by the sentence that first names it: the glossary of a book whose articles
    define nothing (of the people page's, those two articles or more name: a person one
    article names with a title is there too)."""
    entries = [e for e in entries if len(e.chapters) >= 2]
    if not entries:  # no name shared by two articles: every name, where first named
        return _capped(names_anywhere(pages))
    from .connections import sentence_around
    blocks = {stem: {a: t for a, t, _ in block_lines(article, stem)} for article, stem in pages}
    out = []
    for e in entries:
        if not e.chapters:
            continue
        first = e.chapters[0]
        text = blocks.get(first.stem, {}).get(first.anchors[0], "") if first.anchors else ""
        at = text.find(e.name)
        if at < 0:
            continue
        places = tuple((c.stem, a) for c in e.chapters for a in c.anchors)
        out.append(WordEntry(e.name, sentence_around(text, at), True, places))
    return _capped(out)


#: words capitalised only for opening a sentence ("Between March 2026 …", "Later Okafor
#: said"), besides the stop words of :data:`newsbook.connections.STOP`; another capitalised
#: word opening one begins a name ("Ben Okafor wrote …")
_OPENERS = frozenset("""between across among despite within through along around beyond inside
outside against under over every each some many most all few several such other another more
less later now today yesterday tomorrow meanwhile soon recently eventually finally earlier once
instead indeed thus hence perhaps maybe""".split())


def names_anywhere(pages: list[tuple[Article, str]]) -> list[WordEntry]:
    """Every name in the articles, glossed by the sentence that first names it, placed at
    each block naming it. A name is a run of capitalised words (leading stop words
    dropped) of two or more words, or of one that does not open a sentence; a run that
    opens a sentence loses its first word, which may be capitalised only for that
    ("Between March 2026 …", "Meridian Freight said" is then no name: when in doubt, out)."""
    from .connections import (CAPS, DEMONYMS, HONORIFICS, STOP, cut_run, is_contraction,
                              opens_sentence, sentence_around, several_names)
    from .extract.language import capitalises_nouns
    found: dict[str, tuple[str, str, dict]] = {}
    for article, stem in pages:
        lines = own_lines(article, stem)
        # (names are told by their capitals: in German every noun has one, so there only
        # runs of several are names)
        german = capitalises_nouns(t for _, t, _ in lines[:40])
        for anchor, text, _ in lines:
            for m in CAPS.finditer(text):
                words = cut_run(m.group(1)).split()
                if len(words) == 2 and words[0] in HONORIFICS:
                    pass  # ("Mrs Ashdown, the woman who kept bees": a name wherever it is)
                elif opens_sentence(text, m.start()) and (german or
                        len(words) != 2 or words[0] in STOP or words[0].lower() in _OPENERS):
                    if len(words) <= 2:
                        continue  # ("Photo: …", "Between March …": no name to tell)
                    words = words[1:]  # ("Mayor Ines Calloway said": the title goes)
                while words and words[0] in STOP and words[0] not in HONORIFICS:
                    words = words[1:]
                name = " ".join(words).strip(" ’'-")
                if name.endswith(("’s", "'s")):
                    name = name[:-2]
                if name in STOP or name in DEMONYMS or len(name) < 3 or is_contraction(name) or \
                        german and not several_names(name):
                    continue
                entry = found.get(name.lower())
                if entry is None:  # (the sentence only for a name's first mention)
                    entry = found[name.lower()] = (name, sentence_around(text, m.start()), {})
                entry[2][(stem, anchor)] = None  # (an ordered set of places)
    return [WordEntry(n, gloss, True, tuple(places)) for n, gloss, places in found.values()]


def _capped(entries: list[WordEntry]) -> list[WordEntry]:
    """The :data:`WORDS_CAP` entries stated in the most places, in alphabetical order."""
    if len(entries) > WORDS_CAP:
        entries = sorted(entries, key=lambda e: (-len(e.places), e.term.lower()))[:WORDS_CAP]
    return sorted(entries, key=lambda e: (e.term.lower(), e.term))


def terms_in(finder: Finder, article: Article, stem: str) -> list[tuple[str, str]]:
    """(term, anchor) of every term ``finder`` knows in every block of one article, in
    reading order."""
    return [(hanzi, anchor) for anchor, text in block_texts(article, stem)
            for hanzi in sorted(finder.present(text))]


class PeopleLookup:
    """The people ordered longest alias first (longer aliases claim text first), and which
    of them a text names, found in one pass over it (:class:`Finder`) rather than one
    substring test per person."""

    def __init__(self, people: list[Person]):
        self.ordered = sorted(people, key=lambda p: -max(len(a) for a in p.aliases))
        self.finder = Finder(a for p in self.ordered for a in p.aliases)
        self.owners: dict[str, list[int]] = {}  # alias -> indexes in ``ordered``
        for i, p in enumerate(self.ordered):
            for a in p.aliases:
                self.owners.setdefault(a, []).append(i)

    def named(self, text: str) -> list[Person]:
        """The people with an alias in ``text`` (as a substring), in ``ordered`` order
        (:func:`newsbook.people.alias_spans` finds where)."""
        present = self.finder.present(text)
        if not present:
            return []
        return [self.ordered[i] for i in sorted({i for a in present for i in self.owners[a]})]

    def named_at(self, text: str) -> tuple[list[Person], dict[str, list[int]]]:
        """:meth:`named`, and where each alias starts in ``text`` (every occurrence,
        :meth:`Finder.occurrences`), from the same one pass over it."""
        occ = self.finder.occurrences(text)
        if not occ:
            return [], occ
        return [self.ordered[i] for i in sorted({i for a in occ for i in self.owners[a]})], occ


_LOOKUP: list = [None, None, None]  # [list, its people as a tuple, its PeopleLookup]


def people_lookup(people: list[Person]) -> PeopleLookup:
    """The :class:`PeopleLookup` of these people, made once per book (its regex takes a
    while to compile), not once per article nor once per page that asks."""
    if _LOOKUP[0] is not people:
        key = tuple(people)
        if _LOOKUP[1] != key:
            _LOOKUP[2] = PeopleLookup(people)
        _LOOKUP[:2] = [people, key]
    return _LOOKUP[2]


EVENT_COLUMNS = ["date", "end", "precision", "label", "chapter", "title", "theme", "anchor",
                 "quote", "line", "derived", "note"]


def publication_events_csv(pages: list[tuple[Article, str]],
                           themes: dict[str, str] | None = None) -> str:
    """The book-wide timeline of a book whose articles date nothing: when each article was
    published, quoting its date line as the copy writes it. Every newsletter has this, so
    every book has a timeline; it is only drawn when no article gives a date of its own."""
    themes = themes or {}
    rows = []
    for article, stem in pages:
        first = next((anchor for anchor, text, _ in block_lines(article, stem) if text), "")
        rows.append({"date": article.published.date().isoformat(), "end": "",
                     "precision": "day", "label": clean(article.title)[:80],
                     "chapter": stem, "title": article.title,
                     "theme": themes.get(stem, ""), "anchor": first,
                     "quote": article.date_quote, "line": article.date_line or "",
                     "derived": "the article's publication date (its date line)", "note": ""})
    rows.sort(key=lambda r: (r["date"], r["chapter"]))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def events_csv(events: list[dict], pages: list[tuple[Article, str]], extracted=(),
               themes: dict[str, str] | None = None) -> str:
    """The book-wide timeline dataset: curated events, then every dated statement the
    extraction found that curation does not already hold (one a paragraph a year, or a day
    or a month: same chapter, paragraph, or line for an event no paragraph quotes, and
    date), each linked to the paragraph quoting it."""
    titles = {stem: a.title for a, stem in pages}
    article_of = {stem: a for a, stem in pages}
    blocks: dict[str, list[tuple[str, str]]] = {}  # only the chapters curated events quote
    themes = themes or {}
    rows, seen = [], set()
    for e in events:
        stem = e.get("chapter", "")
        if stem not in titles:
            continue
        quote = clean(str(e.get("quote", "")))
        if stem not in blocks:
            blocks[stem] = block_texts(article_of[stem], stem)
        anchor = next((a for a, t in blocks[stem] if quote and quote in t), "")
        date = str(e.get("date", ""))
        rows.append({"date": date, "end": e.get("end", "") or "",
                     "precision": e.get("precision", ""), "label": clean(str(e.get("label", ""))),
                     "chapter": stem, "title": titles[stem],
                     "theme": e.get("theme", "") or themes.get(stem, ""),
                     "anchor": anchor, "quote": quote, "line": e.get("line", ""),
                     "derived": e.get("derived", "") or "", "note": e.get("note", "") or ""})
        seen.add(("L", stem, int(e.get("line") or 0), date[:4]))
    for fx in extracted:
        stem = fx.stem
        if stem not in titles:
            continue
        published = article_of[stem].published.date().isoformat()
        for d in fx.dates:
            # (one event a paragraph a year, by its anchor: an HTML body's paragraphs all
            # give their item's line; a list's items share an anchor, and each counts, by
            # its line in a text copy and by its sentence in an HTML body)
            item = d.quote if article_of[stem].rich else d.line
            # (two days or months of one year are two events: "introduced … on 11 August
            # 2026 and fixed … on 19 August 2026" lost the fix, "filed in May 2025 and
            # granted priority review in July 2025" the review)
            key = ("A", stem, d.anchor, item, d.start if d.precision in ("day", "month")
                   else d.start[:4])
            if key in seen or ("L", stem, d.line, d.start[:4]) in seen:
                continue
            seen.add(key)
            rows.append({"date": d.start, "end": d.end if d.end != d.start else "",
                         "precision": d.precision, "label": d.label, "chapter": stem,
                         "title": titles[stem], "theme": themes.get(stem, ""),
                         "anchor": d.anchor, "quote": d.quote, "line": d.line,
                         "derived": derived_note(d.precision, d.when, d.start, published),
                         "note": ""})
    order = {stem: i for i, (_, stem) in enumerate(pages)}
    rows.sort(key=lambda r: (r["date"], order.get(r["chapter"], 0), int(r["line"] or 0)))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()
