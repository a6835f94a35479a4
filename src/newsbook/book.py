"""Orchestration: articles + plan -> facts -> charts -> pages, toc, config, root page.

Everything is computed in memory and returned as ``{relative path: text}``;
:mod:`cli` writes. The plan (:mod:`newsbook.plan`) is the only curation read;
diagnostics are returned, never printed here.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import artcache, autocharts, bookinfo, cachekeys, connections, tablecharts
from .extract.facts import ArticleFacts
from .fanout import fan_out
from .diagnostics import Code, Diagnostic, InputError
from .model import Article, article_text, interview_speakers
from .plan import Plan, spec_json
from .extract.lookup import Finder
from .reference import (Term, abbreviations_in, block_lines, events_csv, own_lines,
                        publication_events_csv, glossary_words,
                        people_lookup, shared_names,
                        reference_from_plan, stated_in, term_places, terms_in)
from .people import (ROLE_NOUNS, SharedNames, candidates_of, mentions as people_mentions,
                     people_entries)
from .writers import book_files, people_page, reference_pages
from .writers.escape import slugify
from .writers.myst_page import PageContext, Placement, reading_minutes, render_page

def assign_stems(articles: list[Article]) -> list[str]:
    """Stable, unique file stems ``<yyyy-mm-dd>-<slug>``; clashes get a content hash."""
    stems, seen = [], set()
    for a in articles:
        slug = slugify(a.title)
        if slug == "untitled" and any("\u3400" <= c <= "\u9fff" for c in a.title):
            from .extract.terms import romanised  # (a title in Chinese: its pinyin)
            slug = slugify(romanised(a.title))
        stem = f"{a.published:%Y-%m-%d}-{slug}"
        if stem in seen:
            stem += "-" + hashlib.sha1(a.title.encode()).hexdigest()[:6]
        if stem in seen:
            stem += "-" + hashlib.sha1(article_text(a).encode()).hexdigest()[:6]
        n = 2
        while stem in seen:
            stem, n = f"{stem}-{n}", n + 1
        seen.add(stem)
        stems.append(stem)
    return stems


@dataclass
class BookCharts:
    """Every chart of the book: curated, automatic and book-wide, by key."""

    specs: dict[str, object] = field(default_factory=dict)
    datasets: dict[str, str] = field(default_factory=dict)  # generated CSV texts by name
    _by_chapter: dict[str, list] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=-1, repr=False, compare=False)

    def moved(self, key: str, after: str) -> None:
        """Chart ``key`` placed after another text (the index is rebuilt: a spec
        replaced in place keeps the count the index is checked by)."""
        self.specs[key] = replace(self.specs[key], after=after)
        self._indexed = -1

    def of(self, stem: str) -> list:
        """The charts of one chapter, in key order of insertion. Indexed once per set of
        specs: a scan per chapter made rendering a 1,400-article book quadratic (4% of a
        30 MB conversion). The index is rebuilt when specs were added or dropped."""
        if self._indexed != len(self.specs):
            by: dict[str, list] = {}
            for spec in self.specs.values():
                by.setdefault(spec.chapter, []).append(spec)
            self._by_chapter, self._indexed = by, len(self.specs)
        return list(self._by_chapter.get(stem, ()))


@dataclass
class Mined:
    """What the pass finding each article's facts also found for the book-wide pages,
    article by article, while each article's blocks and names were at hand (on every
    core, not in passes of their own: a 30 MB copy nobody curated spent 9.5 s of one
    core in such passes)."""

    facts: list[ArticleFacts]  # dated statements and terms (the facts read later)
    #: when the book has curated people: each chapter's mentions of them
    #: (:func:`newsbook.people.mentions`)
    mentions: dict | None = None
    #: when it has none: each article's candidate names (:func:`newsbook.people.candidates_of`)
    candidates: list | None = None
    #: when it has no curated glossary terms: each article's abbreviations and definitions
    #: (:func:`newsbook.reference.stated_in`), what its glossary is made of
    stated: list | None = None
    #: with a cache: each article's key there (what it was mined from, and with)
    keys: list | None = None


def plan_charts(plan: Plan, pages: list[tuple[Article, str]], diags: list[Diagnostic],
                progress: bool = False, cache=None) -> tuple[BookCharts, Mined]:
    """Curated specs, then automatic ones where curation leaves room (module docstring of
    :mod:`autocharts`); and what the same pass finds for the book-wide pages (:class:`Mined`).
    ``cache``: an :class:`newsbook.artcache.ArticleCache` that keeps each article's mining
    between runs (None: mine every article)."""
    from .extract import events, extract_article
    stems = {stem for _, stem in pages}
    out = BookCharts()
    for spec in plan.charts:
        if spec.chapter not in stems:
            src, line = plan.chart_where[spec.key]
            diags.append(Diagnostic(Code.BAD_PLACEMENT, f"chart {spec.key!r}: no article "
                                    f"{spec.chapter!r} in this book; chart not placed", src,
                                    line, "error"))
            continue
        out.specs[spec.key] = spec
    titles = {stem: a.title for a, stem in pages}
    aliases = {alias: p.name for p in plan.people for alias in p.aliases if len(alias) > 3}
    ref = reference_from_plan(plan)
    people = [p for p in ref.people if p.aliases]
    lookup = people_lookup(people) if people else None
    uncurated = not ref.people
    words = not ref.terms  # a glossary of the words articles define
    # what curation leaves to the automatic charts, chapter by chapter
    off: dict[str, set[str]] = {}
    covered: dict[str, set[int]] = {}  # (only chapters with curated charts)
    for _, stem in pages:
        curated = [s for s in out.specs.values() if s.chapter == stem]
        off[stem] = set(plan.suppress.get(stem, set()))
        for s in curated:
            off[stem].update(s.replaces)
            if s.kind == "timeline":
                off[stem].add("timeline")  # a curated timeline already draws this history
        if curated:
            covered[stem] = cachekeys.quoted_lines(plan.root, [s.dataset for s in curated])

    # (what mining reads besides the article and its own curation)
    book_wide = artcache.digest((aliases, people, uncurated, words)) if cache else b""

    def mine(i: int):
        """:func:`mine_afresh`, or its result from the last run that mined the same article
        with the same curation and code; and the article's key in the cache."""
        if cache is None:
            return (*mine_afresh(i), None)
        a, stem = pages[i]
        key = cache.key(a, stem, sorted(off[stem]), sorted(covered.get(stem, ())),
                        context=book_wide)
        return (*cache.remember(key, lambda: mine_afresh(i)), key)

    def mine_afresh(i: int):
        """One article's facts, names, curated people's mentions and the automatic charts
        its own facts give (pure: may run in a forked child)."""
        a, stem = pages[i]
        blocks = block_lines(a, stem)
        fx = extract_article(a, stem)
        fx = replace(fx, dates=events(fx))  # (a series' periods are no events)
        auto = autocharts.AutoCharts()
        made = False
        if "timeline" not in off[stem]:
            made |= autocharts.timeline_chart(a, stem, fx, auto)
        if "series" not in off[stem]:
            made |= autocharts.series_charts(a, stem, fx, auto, covered.get(stem, set()))
        if "speakers" not in off[stem]:
            made |= autocharts.speaker_chart(a, stem, fx, auto)
        if "tables" not in off[stem]:
            made |= tablecharts.table_charts(a, stem, fx, auto, covered.get(stem, set()))
        # only the dates (events) and terms (glossary) are read later: the rest of the
        # facts need not travel back from a forked worker
        kept = ArticleFacts(fx.stem, fx.dates, (), (), (), fx.terms)
        own = own_lines(a, stem)  # (a sponsor's names are no one the articles name)
        names = connections.names_in(a, stem, own, aliases)
        return (kept, names, people_mentions(stem, blocks, lookup) if lookup else None,
                auto, made, candidates_of(names, own, a.publication) if uncurated else None,
                stated_in(blocks, ROLE_NOUNS) if words else None)

    found = fan_out(mine, [a.end_line - a.line for a, _ in pages], "Finding facts" if progress else "")
    mined = Mined([f[0] for f in found],
                  {stem: f[2] for (_, stem), f in zip(pages, found)} if lookup else None,
                  [f[5] for f in found] if uncurated else None,
                  [f[6] for f in found] if words else None,
                  [f[7] for f in found] if cache is not None else None)
    names = {stem: f[1] for (_, stem), f in zip(pages, found)}
    autos = [(f[3], f[4]) for f in found]
    del found
    article_of = {stem: a for a, stem in pages}

    @functools.lru_cache(maxsize=64)
    def blocks_of(stem: str):  # (as :func:`connections.names_in` read them: indices)
        return own_lines(article_of[stem], stem)

    def quote(stem: str, mention) -> str:
        return connections.mention_sentence(blocks_of(stem), mention)

    for (article, stem), (auto, made) in zip(pages, autos):
        if not made and stem not in covered and "connections" not in off[stem]:
            autocharts.fallback_chart(article, stem,
                                      connections.link_rows(stem, names, titles, quote), auto)
        for spec in auto.specs:
            out.specs[spec.key] = spec
        out.datasets.update(auto.datasets)
    return out, mined


def render_book(articles: list[Article], root: Path, plan: Plan,
                diags: list[Diagnostic], *, progress: bool = False, cache=None
                ) -> Files:
    """Every generated file as ``{relative path: text}`` (:class:`Files`: the chapters are
    held as UTF-8 bytes); a progress bar when asked; ``cache``: see :func:`plan_charts`."""
    root = Path(root)
    stems = assign_stems(articles)
    pages = list(zip(articles, stems))
    ref = reference_from_plan(plan)
    charts, mined = plan_charts(plan, pages, diags, progress, cache)
    terms = merge_terms(ref.terms, mined.facts)
    info = bookinfo.settings(articles, plan.settings, len(charts.specs))
    files = Files()
    for name, text in charts.datasets.items():
        files[f"data/generated/{name}.csv"] = text
    index = cachekeys.quote_index(root, pages, charts)
    files["data/generated/quote_anchors.json"] = json.dumps(index, ensure_ascii=False,
                                                            indent=1) + "\n"
    theme_of: dict[str, list[str]] = {}
    for theme in plan.themes:
        for stem in theme.chapters:
            theme_of.setdefault(stem, []).append(theme.name)
    # (no curated themes and several newsletters: a part for each, in the contents and
    # the timeline's colours; the pages name no theme)
    groups = [] if plan.themes else bookinfo.newsletters(articles)
    part_of = {stem: [a.publication] for a, stem in pages if a.publication in groups} \
        if groups else theme_of
    term_list = [t.hanzi for t in terms]
    term_finder = Finder(term_list)  # (built here: forked workers share it)

    def context(i: int) -> PageContext:
        article, stem = pages[i]
        specs = charts.of(stem)
        placements = [Placement(s.key, s.after, s.replaces_caption, bool(s.live))
                      for s in specs]
        return PageContext(stem=stem, placements=placements,
                           lost_notes=plan.lost_notes(stem), themes=theme_of.get(stem, []),
                           chart_titles={s.key: s.title for s in specs},
                           data_hashes=cachekeys.chapter_hashes(root, specs, charts, index),
                           terms=term_list,
                           index_names=index_names(mined.mentions, stem),
                           publication=info["publication"])

    shared = SharedNames(mined.candidates) if mined.candidates is not None else None
    mined.candidates = None  # (SharedNames holds what the people page needs of them)

    def named(article: Article, stem: str) -> tuple[list[str], list[str]] | None:
        if not shared:
            return None
        blocks = own_lines(article, stem)
        here = shared.named_in(blocks)
        return here, shared.titled_in(blocks, here, interview_speakers(article))

    # (what every page reads: the glossary's words, the shared names)
    book_wide = artcache.digest((term_list, shared and list(shared.by_name))) if cache else b""

    def render(i: int):
        """:func:`render_afresh`, or its result from the last run that rendered the same
        article (mined the same way) with the same page context, glossary and names."""
        if cache is None:
            return render_afresh(i, context(i))
        ctx = context(i)
        key = cache.key(b"page " + mined.keys[i].encode(), repr(replace(ctx, terms=[])),
                        context=book_wide)
        found = cache.remember(key, lambda: render_afresh(i, ctx))
        if found is not None and any(k not in plan.chart_where for k in found[2]):
            return None  # (as render_afresh does: the parent renders it again)
        return found

    def render_afresh(i: int, ctx: PageContext):
        """One chapter's page, its .ipynb twin, reading time, glossary terms and (no curated
        people) the shared names it names (pure: may run in a fork). A page that loses
        an automatic chart is left to the parent (it edits the charts)."""
        article, stem = pages[i]
        text, unplaced = render_page(article, ctx)
        if any(k not in plan.chart_where for k in unplaced):
            return None
        return (text.encode(), as_ipynb(text).encode(), unplaced, reading_minutes(article),
                terms_in(term_finder, article, stem), named(article, stem))

    rendered = fan_out(render, [a.end_line - a.line for a, _ in pages])
    chapters = []
    places = []
    for i, (article, stem) in enumerate(pages):
        if rendered[i] is None:
            _, unplaced = render_page(article, context(i))
            lost = [k for k in unplaced if k not in plan.chart_where]
            last = autocharts.last_text(article, stem)
            for key in lost:  # an automatic chart whose paragraph is not in the page: it
                # stands after the article's last text (a chapter never loses its chart
                # silently), else it is left out
                if last and charts.specs[key].after != last:
                    charts.moved(key, last)
                else:
                    charts.specs.pop(key)
            text, unplaced = render_page(article, context(i))
            if any(k in lost for k in unplaced):
                for key in unplaced:
                    if key in lost:
                        charts.specs.pop(key)
                text, unplaced = render_page(article, context(i))
            rendered[i] = (text.encode(), as_ipynb(text).encode(), unplaced,
                           reading_minutes(article),
                           terms_in(term_finder, article, stem), named(article, stem))
        text, notebook, unplaced, minutes, found, _ = rendered[i]
        places.append(found)
        files[f"chapters/{stem}.md"] = text
        files[f"chapters/{stem}.ipynb"] = notebook
        for key in unplaced:
            src, line = plan.chart_where.get(key, ("data/charts", 1))
            diags.append(Diagnostic(Code.BAD_PLACEMENT, f"chart {key!r}: no block of {stem} "
                                    f"contains {charts.specs[key].after[:60]!r}; chart not "
                                    "placed", src, line, "error"))
        chapters.append(book_files.Chapter(stem, article, tuple(part_of.get(stem, [])),
                                           minutes))
    # (the newsletter's own name is no one it writes about: "Acequia Abierta · person")
    # (nor, without its article, "Clinical Margin" of "The Clinical Margin")
    own = {name for a, _ in pages if a.publication
           for name in (a.publication.strip().lower(),
                        re.sub(r"^(?:the|a|an) ", "", a.publication.strip().lower()))}
    people = ref.people or ([p for p in shared.kept([r[5] for r in rendered])
                             if p.name.lower() not in own] if shared else [])
    files.update(book_pages(plan, pages, chapters, mined, terms, ref, charts, info, root,
                            people, places, cache, groups))
    files["data/generated/charts.json"] = json.dumps(
        {k: spec_json(s) for k, s in sorted(charts.specs.items())}, ensure_ascii=False,
        indent=1, sort_keys=True) + "\n"
    files.update(static_assets())
    if any(d.severity == "error" for d in diags):
        raise InputError(list(diags))  # bad curation: exit 2, nothing written
    return files


class Files(dict):
    """``{relative path: text}`` that holds the chapters' pages and notebook twins as UTF-8
    bytes and gives every file out as text. A str holding one curly quote takes two bytes
    a character: a 30 MB copy's pages took 156 MB as str against 79 MB as bytes. The
    writer takes the bytes as they are (:meth:`raw`, :func:`newsbook.manifest.raw`)."""

    def raw(self, rel: str) -> str | bytes:
        return dict.__getitem__(self, rel)

    def __getitem__(self, rel: str) -> str:
        value = dict.__getitem__(self, rel)
        return value.decode("utf-8") if isinstance(value, bytes) else value

    def get(self, rel: str, default=None):
        return self[rel] if rel in self else default

    def values(self):
        return [self[rel] for rel in self]

    def items(self):
        return [(rel, self[rel]) for rel in self]

    def copy(self) -> "Files":
        return Files(dict.items(self))


def book_pages(plan, pages, chapters, mined: Mined, terms, ref, charts: BookCharts, info,
               root, people, places=None, cache=None, groups=()):
    """Root page, timeline, glossary and people (each only when it has something), toc,
    config. ``people``: the curated people, else the names articles share
    (:class:`newsbook.people.SharedNames`); ``groups``: the newsletters that are parts
    when curation sets no themes (:func:`newsbook.bookinfo.newsletters`)."""
    facts = mined.facts
    files: dict[str, str] = {}
    titles = {stem: a.title for a, stem in pages}
    themes = {c.stem: (c.themes or (book_files.MORE,))[0] for c in chapters}
    events = events_csv(ref.events, pages, extracted=facts, themes=themes)
    # (one article's date alone is no timeline: a sentence says it)
    published_only = events.count("\n") <= 1 and len(pages) >= 2
    if published_only:  # no article dates anything: when each appeared
        events = publication_events_csv(pages, themes)
    extra = []
    parts: dict[str, list[str]] = {}  # book-wide page -> the toc files of its parts
    if events.count("\n") > 1:
        files["data/generated/book_events.csv"] = events
        charts.specs["book_timeline"] = autocharts.book_timeline_spec(published_only)
        timeline = reference_pages.render_timeline_pages(
            events, titles, cachekeys.page_hashes(root, [charts.specs["book_timeline"]],
                                                  {"book_events.csv": events}),
            published_only)
        files.update(timeline)  # (a long list also on pages by decade: split_pages)
        parts["timeline"] = [rel[:-3] for rel in timeline if rel != "timeline.md"]
        extra.append("timeline")
    stated = mined.stated  # (each article's abbreviations and definitions, when needed)
    defined = coined = described = None
    if stated is not None:
        defined = abbreviations_in(pages, [s[0] for s in stated])
        coined, described = glossary_words(pages, ROLE_NOUNS, [s[1] for s in stated])
    if terms:  # (uncurated: with the abbreviations, terms and names the articles define)
        words = None if ref.terms else (defined, coined, described)
        glossary = reference_pages.render_glossary_pages(
            terms, term_places(terms, pages, places), titles, words)
        files.update(glossary)  # (many terms: also on pages by letter)
        parts["glossary"] = [rel[:-3] for rel in glossary if rel != "glossary.md"]
        extra.append("glossary")
    entries = people_entries(pages, people, mined.mentions if ref.people else None,
                             cache, mined.keys)
    if not terms:  # no such terms: what the articles define, else the names they share
        shared = [] if defined or coined or described else shared_names(entries, pages)
        if defined or coined or described or shared:
            files["glossary.md"] = reference_pages.render_word_glossary(
                defined, coined, described, shared, titles, across=any(len(e.chapters) >= 2 for e in entries))
            extra.append("glossary")
    people = people_page.render_people_pages(entries)
    if people:
        files.update(people)
        parts["people"] = [rel[:-3] for rel in people if rel != "people.md"]
        extra.append("people")
    files["data/generated/book_articles.csv"] = articles_csv(chapters)
    charts.specs["book_at_a_glance"] = autocharts.book_glance_spec(len(chapters))
    intro = book_files.render_intro(
        chapters, info, cachekeys.page_hashes(
            root, [charts.specs["book_at_a_glance"]],
            {"book_articles.csv": files["data/generated/book_articles.csv"]}),
        pages=extra, split=True)
    files.update(intro)  # (a big archive's list of articles also on pages by year)
    files["_toc.yml"] = book_files.dump(book_files.build_toc(
        chapters, [t.name for t in plan.themes] or list(groups),
        [rel[:-3] for rel in intro if rel != "intro.md"]
        + [f for page in extra for f in (page, *parts.get(page, ()))]))
    files["_config.yml"] = book_files.dump(book_files.build_config(
        info, years=[a.published.year for a, _ in pages]))
    return files


def index_names(mentions: dict | None, stem: str) -> list[str]:
    """The curated people and organisations a chapter names (its index entries): the
    same mentions the people page lists for it."""
    if not mentions:
        return []
    return sorted({name for name, _ in mentions[stem][0]})


def merge_terms(curated: list[Term], facts) -> list[Term]:
    """Curated glossary entries plus every extracted Han-script term; curated glosses and
    readings win. Sorted by reading, then characters."""
    by = {t.hanzi: t for t in curated}
    for fx in facts:
        for t in fx.terms:
            if t.term not in by:
                by[t.term] = Term(t.term, t.pinyin, t.gloss, False,
                                  "term", t.lang)
    return sorted(by.values(), key=lambda t: (t.lang != "zh", t.pinyin or "~", t.hanzi))


def as_ipynb(page: str) -> str:
    """The same chapter as .ipynb, for Binder/Colab/JupyterHub launch buttons (which open
    an .ipynb beside the .md). Cell ids are numbered so the file is deterministic."""
    from .writers.ipynb import myst_to_ipynb  # jupytext's output, without its import cost
    return myst_to_ipynb(page)  # (no jupytext metadata: no pairing surprises in Lab)


def articles_csv(chapters) -> str:
    """The book-at-a-glance dataset: one row per chapter; the date quotes the feed."""
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["stem", "title", "published", "theme", "reading_minutes", "url", "quote",
                "line", "derived"])
    for c in chapters:
        w.writerow([c.stem, c.article.title, c.article.published.strftime("%Y-%m-%d %H:%M"),
                    (c.themes or ("More",))[0], c.reading_minutes, f"chapters/{c.stem}.html",
                    c.article.date_quote, c.article.date_line or "",
                    "reading_minutes = words / 230, rounded up"])
    return buf.getvalue()


def static_assets() -> dict[str, str]:
    """The book's own ``_static`` files (plotly.js, CSS), so any --book DIR builds offline."""
    from importlib.resources import files as pkg_files
    src = Path(str(pkg_files("newsbook"))).parents[1] / "_static"
    return {f"_static/{p.name}": p.read_text(encoding="utf-8")
            for p in sorted(src.glob("*")) if p.is_file()}
