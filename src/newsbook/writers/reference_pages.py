"""Writer for the book-wide pages: glossary, timeline of everything, people index.

Like :mod:`myst_page`, feed text (titles, glosses, labels) goes only through
:mod:`escape`; code cells come only from :mod:`cells`.
"""
from __future__ import annotations

import csv
import io
import re


from . import cells
from . import fastyaml
from .escape import escape_text
from .myst_page import TERM_OK

NOTEBOOK_META = {
    "jupytext": {"formats": "md:myst",
                 "text_representation": {"extension": ".md", "format_name": "myst"}},
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
}


def notebook_header(title: str, data_hashes: dict[str, str]) -> str:
    """Front matter and the hidden setup cell shared by chart-bearing book pages."""
    meta = dict(NOTEBOOK_META, title=title)
    return ("---\n" + fastyaml.dump(meta)
            + "---\n\n" + f"# {escape_text(title)}\n\n" + cells.setup_cell(data_hashes) + "\n")


def render_glossary(terms, places: dict[str, list[tuple[str, str]]],
                    titles: dict[str, str]) -> str:
    """Every Chinese term with pinyin, the article's own gloss, and every place it occurs."""
    langs = [n for code, n in (("zh", "Chinese"), ("ja", "Japanese"), ("ko", "Korean"))
             if any(getattr(t, "lang", "zh") == code for t in terms)]
    names = ", ".join(langs[:-1]) + " and " + langs[-1] if len(langs) > 1 else langs[0]
    lines = [f"# Glossary of {names} terms", "",
             escape_text(f"Every term written in {names} script in the articles, with the "
                         "English gloss the article itself gives nearby (pinyin for Chinese "
                         "terms only). A term the text does not gloss is listed without one. "
                         "Glosses marked editorial were written for this book. Each term's "
                         "first mention in a chapter links here."),
             "", "```{glossary}"]
    for t in terms:
        if not TERM_OK.match(t.hanzi):
            continue
        lines += ["", t.hanzi]
        gloss = escape_text(t.gloss) + (" *\\(editorial gloss\\)*" if t.editorial else "")
        lang = {"ja": "Japanese", "ko": "Korean"}.get(getattr(t, "lang", "zh"), "")
        reading = f"*{escape_text(t.pinyin)}*" if t.pinyin else (lang or "Chinese")
        lines.append(f"  {reading} — {gloss or '*no gloss in the text*'}")
        links = _place_links(places.get(t.hanzi, []), titles)
        if links:
            lines.append("")
            lines.append("  Appears in: " + "; ".join(links))
    lines.append("```")
    return "\n".join(lines) + "\n"


def _place_links(places, titles: dict[str, str]) -> list[str]:
    """A link per distinct (chapter, paragraph anchor), titled by the chapter."""
    return [f"[{escape_text(titles.get(stem, stem))}](#{anchor})"
            for stem, anchor in dict.fromkeys(places)]


def render_abbreviations(entries, titles: dict[str, str]) -> str:
    """The glossary of a book whose articles hold no Chinese, Japanese or Korean terms:
    every abbreviation they define, its long form as written, and where it is defined."""
    lines = ["# Glossary of abbreviations", "",
             escape_text("Every abbreviation the articles define, with the words it stands "
                         "for as the article spells them out, and the paragraphs that define "
                         "it."),
             "", "```{glossary}"]
    for abbr, long_form, places in entries:
        if not re.fullmatch(r"[A-Za-z0-9]+", abbr):
            continue
        lines += ["", abbr, f"  {escape_text(long_form)}"]
        links = _place_links(places, titles)
        if links:
            lines += ["", "  Defined in: " + "; ".join(links)]
    lines.append("```")
    return "\n".join(lines) + "\n"


def render_timeline(events_text: str, titles: dict[str, str], data_hashes: dict[str, str]) -> str:
    """Every dated event as a linked list, then the same events on one interactive chart
    (the chart comes last so the first screen is text and loads without plotly.js)."""
    out = [notebook_header("Timeline of everything", data_hashes),
           escape_text("Every dated event the articles state, by year; every event links to "
                       "the paragraph it comes from. The same events on one axis:") + " "
           + "{ref}`the chart <chart-book-timeline>` "
           + escape_text("at the end of the page (use its menu to filter by theme or article; "
                         "hover for the quote)."),
           "", "## All events", ""]
    rows = list(csv.DictReader(io.StringIO(events_text)))
    year = None
    for r in rows:
        y = r["date"][:4]
        if y != year:
            out += ["", f"### {escape_text(y)}", ""]
            year = y
        when = r["date"] + (f" to {r['end']}" if r["end"] else "")
        where = f"[{escape_text(titles.get(r['chapter'], r['chapter']))}](#{r['anchor']})" \
            if r["anchor"] else escape_text(titles.get(r["chapter"], r["chapter"]))
        derived = " *\\(date derived\\)*" if r["derived"] else ""
        out.append(f"- **{escape_text(when)}** {escape_text(r['label'])}{derived} — {where}")
    out += ["", "## On one axis", "", "(chart-book-timeline)=", cells.chart_cell("book_timeline")]
    return "\n".join(out) + "\n"
