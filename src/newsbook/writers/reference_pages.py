"""Writer for the book-wide pages: glossary, timeline of everything, people index.

Like :mod:`myst_page`, feed text (titles, glosses, labels) goes only through
:mod:`escape`; code cells come only from :mod:`cells`.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata


from . import cells
from . import fastyaml
from . import split_pages
from .escape import escape_text, escape_title
from .myst_page import TERM_OK

NOTEBOOK_META = {
    "jupytext": {"formats": "md:myst",
                 "text_representation": {"extension": ".md", "format_name": "myst"}},
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
}


def _note(derived: str) -> str:
    """A timeline line's note, from its ``derived`` column: a forecast's date is the
    text's own ("date derived" said otherwise), an approximate one is approximate."""
    notes = [note for opening, note in (("the text gives no year", "year inferred"),
                                        ("after the article", "plan or forecast"),
                                        ("the text gives it as approximate", "approximate"))
             if opening in derived]  # (a day with no year, after the article: both)
    return "; ".join(notes) or "date derived"


def notebook_header(title: str, data_hashes: dict[str, str]) -> str:
    """Front matter and the hidden setup cell shared by chart-bearing book pages."""
    meta = dict(NOTEBOOK_META, title=title)
    return ("---\n" + fastyaml.dump(meta)
            + "---\n\n" + f"# {escape_text(title)}\n\n" + cells.setup_cell(data_hashes) + "\n")


GLOSSARY_TITLE = "Glossary"


def render_glossary(terms, places: dict[str, list[tuple[str, str]]],
                    titles: dict[str, str], words=None) -> str:
    """``glossary.md`` alone (:func:`render_glossary_pages` has every page)."""
    return render_glossary_pages(terms, places, titles, words)["glossary.md"]


def render_glossary_pages(terms, places: dict[str, list[tuple[str, str]]],
                          titles: dict[str, str], words=None, budget: int | None = None
                          ) -> dict[str, str]:
    """Every Chinese term with pinyin, the article's own gloss, and every place it occurs.
    ``words``: (abbreviations, coined terms, described names) the articles define, for a
    book with no curated glossary (:func:`render_word_glossary`'s first three), listed
    after the terms, so a mostly English newsletter with a Chinese phrase or two keeps
    the glossary of its own words.

    Terms longer than one page holds (``budget``; at 1,000 articles the glossary was 2.2 MB
    of HTML) go on pages by the first letter of their reading, "Glossary: Y"
    (:func:`term_letter`): a term's page depends on the term alone, never on how many
    others there are, so chapters' links to it stay right as the archive grows (when it
    first splits, :mod:`newsbook.freshness` renders again the chapters whose terms moved).
    Letters are never cut into pages, for the same reason. ``{path: text}`` in toc order."""
    budget = budget or split_pages.PAGE_BYTES
    langs = [n for code, n in (("zh", "Chinese"), ("ja", "Japanese"), ("ko", "Korean"))
             if any(getattr(t, "lang", "zh") == code for t in terms)]
    names = ", ".join(langs[:-1]) + " and " + langs[-1] if len(langs) > 1 else langs[0]
    more = bool(words) and any(words)
    lines = ["# Glossary" if more else f"# Glossary of {names} terms", "",
             escape_text(f"Every term written in {names} script in the articles, with the "
                         "English gloss the article itself gives nearby (pinyin for Chinese "
                         "terms only). A term the text does not gloss is listed without one. "
                         "Glosses marked editorial were written for this book. Each term's "
                         "first mention in a chapter links here."),
             *(["", f"## {names} terms"] if more else [])]
    entries: list[str] = []
    letters: dict[str, list[str]] = {}  # letter -> its entries, in glossary order
    for t in terms:
        if not TERM_OK.match(t.hanzi):
            continue
        entry = ["", t.hanzi]
        gloss = escape_text(t.gloss) + (" *\\(editorial gloss\\)*" if t.editorial else "")
        lang = {"ja": "Japanese", "ko": "Korean"}.get(getattr(t, "lang", "zh"), "")
        reading = f"*{escape_text(t.pinyin)}*" if t.pinyin else (lang or "Chinese")
        entry.append(f"  {reading} — {gloss or '*no gloss in the text*'}")
        links = _place_links(places.get(t.hanzi, []), titles)
        if links:
            entry += ["", "  Appears in: " + "; ".join(links)]
        entries.append("\n".join(entry))
        letters.setdefault(term_letter(t), []).append(entries[-1])
    groups = [split_pages.Group(escape_text(k), k, ("```{glossary}", *letters[k], "```"),
                                len(letters[k]))
              for k in sorted(letters, key=_letter_order)]
    files: dict[str, str] = {}
    if not split_pages.needs_split(groups, budget):
        lines += ["", "```{glossary}", *entries, "```"]
    else:  # a page per letter, never cut (a term's page must not depend on the others)
        found = split_pages.parts("glossary", groups, budget=None)
        lines += ["", escape_text(f"{sum(p.count for p in found):,} terms, on {len(found)} "
                                  "pages by the first letter of their reading:"), "",
                  *split_pages.index_lines(found, "terms")]
        for part in found:
            files[f"{part.file}.md"] = split_pages.part_page(part, GLOSSARY_TITLE, "glossary",
                                                             GLOSSARY_TITLE)
    if more:
        seen = {t.hanzi.lower() for t in terms}
        lines += ["", escape_text("The abbreviations, terms and names the articles define "
                                  "follow, each in their own words.")]
        lines += _word_sections(*words, titles, seen)
    return {"glossary.md": "\n".join(lines) + "\n", **files}


_SCRIPTS = ("Other", "Japanese", "Korean")  # after A-Z, in this order


def term_letter(term) -> str:
    """The glossary page of a term once the glossary is split: the first letter A-Z of its
    reading (tone marks folded), "Japanese" or "Korean" for those terms, "Other" for a
    Chinese term without a reading. A function of the term alone."""
    lang = getattr(term, "lang", "zh")
    if lang in ("ja", "ko"):
        return "Japanese" if lang == "ja" else "Korean"
    first = unicodedata.normalize("NFKD", (term.pinyin or "")[:1]).encode("ascii", "ignore")
    letter = first.decode()[:1].upper()
    return letter if "A" <= letter <= "Z" else "Other"


def _letter_order(key: str) -> tuple[int, str]:
    return (_SCRIPTS.index(key) + 1 if key in _SCRIPTS else 0, key)


def _place_links(places, titles: dict[str, str]) -> list[str]:
    """A link per distinct (chapter, paragraph anchor), titled by the chapter."""
    return [f"[{escape_title(titles.get(stem, stem))}](#{anchor})"
            for stem, anchor in dict.fromkeys(places)]


#: what a headword made from the text may hold: Sphinx parses glossary terms as inline
#: markup, so nothing that could be markup (or a " : " classifier) gets in
HEADWORD_OK = re.compile(r"^[^\W_](?:[^\W_]|[’' .&-]){0,79}$")


def render_word_glossary(abbreviations, terms, names, shared, titles: dict[str, str],
                         across: bool = True) -> str:
    """The glossary of a book whose articles hold no Chinese, Japanese or Korean terms: the
    abbreviations they define, the terms they coin and the names they describe
    (:func:`newsbook.reference.glossary_words`), each in the text's own words; or, when
    they define nothing, the names they use (``across``: names two or more articles
    share), each with the sentence first naming it. ``abbreviations``: (abbreviation, long
    form, places); the rest are ``WordEntry``s."""
    lines = ["# Glossary", ""]
    parts = [what for what, have in (("the abbreviations the articles define", abbreviations),
                                     ("the terms they introduce", terms),
                                     ("the names they describe", names)) if have]
    if parts:
        said = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
        lines.append(escape_text(f"Every entry is in the articles' own words: {said}, with "
                                 "links to the paragraphs that say it."))
    else:
        which = "the names two or more of them share" if across else "the names they use"
        lines.append(escape_text(f"The articles define no abbreviation or term, so this lists "
                                 f"{which}, each with the sentence that first names it and "
                                 "links to the paragraphs naming it."))
    seen: set[str] = set()  # Sphinx's glossary terms are one per spelling, case aside
    lines += _word_sections(abbreviations, terms, names, titles, seen)
    if not parts:
        lines += _section("Names the articles share" if across else "Names in the articles",
                          [(n.term, _quoted(n.gloss), n.places) for n in shared], "Appears in",
                          titles, seen)
    return "\n".join(lines) + "\n"


def _word_sections(abbreviations, terms, names, titles: dict[str, str],
                   seen: set[str]) -> list[str]:
    """The Abbreviations, Terms and Names sections (each only when it has an entry)."""
    return (_section("Abbreviations", [(a, escape_text(long), places)
                                       for a, long, places in abbreviations],
                     "Defined in", titles, seen)
            + _section("Terms", [(t.term, _quoted(t.gloss), t.places) for t in terms],
                       "Introduced in", titles, seen)
            + _section("Names", [(n.term, escape_text(n.gloss), n.places) for n in names],
                       "Described in", titles, seen))


def _section(title: str, entries: list[tuple[str, str, list]], where: str,
             titles: dict[str, str], seen: set[str]) -> list[str]:
    """One glossary section; a headword already in ``seen`` (any case) or one that could
    be markup is left out (Sphinx's glossary terms are one per spelling, case aside)."""
    body = []
    for term, gloss, places in entries:
        if term.lower() in seen or not HEADWORD_OK.match(term):
            continue
        seen.add(term.lower())
        body += ["", term, f"  {gloss}"]
        links = _place_links(places, titles)
        if links:
            body += ["", f"  {where}: " + "; ".join(links)]
    return ["", f"## {title}", "", "```{glossary}", *body, "```"] if body else []


def _quoted(sentence: str) -> str:
    """A sentence of the text, shown as a quotation."""
    return "“" + escape_text(sentence) + "”"


TIMELINE_TITLE = "Timeline of everything"


def render_timeline(events_text: str, titles: dict[str, str], data_hashes: dict[str, str],
                    published_only: bool = False) -> str:
    """``timeline.md`` alone (:func:`render_timeline_pages` has every page)."""
    return render_timeline_pages(events_text, titles, data_hashes, published_only)["timeline.md"]


def render_timeline_pages(events_text: str, titles: dict[str, str],
                          data_hashes: dict[str, str], published_only: bool = False,
                          budget: int | None = None) -> dict[str, str]:
    """Every dated event as a linked list, then the same events on one interactive chart
    (the chart comes last so the first screen is text and loads without plotly.js).
    ``published_only``: the articles date nothing, and the events are their publication
    dates (:func:`newsbook.reference.publication_events_csv`). A list longer than one
    page holds (``budget``) goes on pages by decade (:mod:`split_pages`): ``{path: text}``
    of ``timeline.md`` and those pages, in toc order."""
    budget = budget or split_pages.PAGE_BYTES
    if published_only:
        lead = ("No date was found in the articles' text, so this timeline shows when each "
                "was published, as its date line gives it; every entry links to the article. "
                "The same dates on one axis:")
    else:
        lead = ("Every dated event the articles state, by year; every event links to the "
                "paragraph it comes from. The same events on one axis:")
    out = [notebook_header(TIMELINE_TITLE, data_hashes),
           escape_text(lead) + " "
           + "{ref}`the chart <chart-book-timeline>` "
           + escape_text("at the end of the page (use its menu to filter by theme or article; "
                         "hover for the quote)."),
           "", "## All articles" if published_only else "## All events", ""]
    years: dict[str, list[str]] = {}  # year -> its lines, in date order
    for r in csv.DictReader(io.StringIO(events_text)):
        when = r["date"] + (f" to {r['end']}" if r["end"] else "")
        where = f"[{escape_title(titles.get(r['chapter'], r['chapter']))}](#{r['anchor']})" \
            if r["anchor"] else escape_title(titles.get(r["chapter"], r["chapter"]))
        if published_only:
            line = f"- **{escape_text(when)}** published — {where}"
        else:
            derived = f" *\\({_note(r['derived'])}\\)*" if r["derived"] else ""
            line = f"- **{escape_text(when)}** {escape_text(r['label'])}{derived} — {where}"
        years.setdefault(r["date"][:4], []).append(line)
    groups = [split_pages.Group(escape_text(y), y, tuple(lines), len(lines))
              for y, lines in years.items()]
    files: dict[str, str] = {}
    if not split_pages.needs_split(groups, budget):
        for g in groups:
            out += ["", f"### {g.label}", "", *g.lines]
    else:  # a page per decade, its years as sections (cut where longer: "2020s, page 2")
        decades: dict[str, list[split_pages.Group]] = {}
        for g in groups:
            decades.setdefault(f"{g.key[:3]}0s" if g.key.isdigit() and len(g.key) == 4
                               else g.key, []).append(g)
        found = [part for k, years_of in decades.items()
                 for part in split_pages.pages_of("timeline", escape_text(k), k, years_of, budget)]
        noun = "articles" if published_only else "events"
        out += [escape_text(f"{sum(p.count for p in found):,} {noun}, on {len(found)} pages "
                            "by decade:"), ""]
        for part in found:
            first, last = part.groups[0].key, part.groups[-1].key
            span = first if first == last else f"{first} to {last}"
            out += [split_pages.index_lines([part], noun)[0] + escape_text(f", {span}")]
            files[f"{part.file}.md"] = split_pages.part_page(part, TIMELINE_TITLE, "timeline",
                                                             TIMELINE_TITLE)
    out += ["", "## On one axis", "", "(chart-book-timeline)=", cells.chart_cell("book_timeline")]
    return {"timeline.md": "\n".join(out) + "\n", **files}
