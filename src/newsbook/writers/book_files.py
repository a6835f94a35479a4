"""Writer for the book-level files: ``_toc.yml``, ``_config.yml`` and the root page.

Builders return plain data; dumping is separate (sphinx-external-toc's split of
``create_toc_dict`` and the YAML writer), so tests can inspect the structures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


from ..extract.spans import sentences
from ..model import Article, Aside, Paragraph, Piece, Turn, walk
from . import cells
from . import fastyaml
from . import split_pages
from .escape import escape_text, yaml_safe

MORE = "More"


@dataclass(frozen=True)
class Chapter:
    """A generated chapter page and where it sits in the book."""

    stem: str
    article: Article
    themes: tuple[str, ...]
    reading_minutes: int


def dump(data: dict) -> str:
    """Deterministic YAML: insertion order kept, Unicode kept, no line folding."""
    return fastyaml.dump(data)


def build_toc(chapters: list[Chapter], theme_order: list[str], extra: list[str] = ()) -> dict:
    """jb-book toc: root page, one part per theme (curated order), "More", then the
    book-wide reference pages."""
    parts = []
    for theme in theme_order + [MORE]:
        files = [{"file": f"chapters/{c.stem}"} for c in chapters
                 if (c.themes[:1] or (MORE,))[0] == theme]
        if files:
            parts.append({"caption": yaml_safe(theme), "chapters": files})
    if extra:
        parts.append({"caption": "Across the book", "chapters": [{"file": f} for f in extra]})
    return {"format": "jb-book", "root": "intro", "parts": parts}


#: repository URLs that are examples, not a real home for the book
PLACEHOLDER = re.compile(r"(?i:your[-_]?(org|name|user|username|account|repo)\b"
                         r"|example\.(com|org|net)\b|[<>{}])|\b(USERNAME|OWNER|USER)\b")


def repository_url(settings) -> str:
    """The book's repository URL, or "" when unset or still a placeholder
    (``https://github.com/your-org/...``): launch buttons need a real repository.
    ``settings``: the build settings dict or the curated ``BookSettings``."""
    url = (settings.get("repository_url") if isinstance(settings, dict)
           else getattr(settings, "repository_url", ""))
    url = str(url or "").strip()
    if not re.match(r"^https?://[^/\s]+/[^/\s]+/[^/\s]+", url) or PLACEHOLDER.search(url):
        return ""
    return url


def copyright_years(years) -> str:
    """``2025`` or ``2025-2026``: the span of the articles' years (footer)."""
    years = sorted(set(years))
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"


def build_config(settings: dict, years=()) -> dict:
    """``_config.yml``: safe parsing (no dollarmath, no raw HTML, no smartquotes),
    cached execution, local plotly.js, download buttons; launch and repository buttons
    only once ``repository_url`` names a real repository."""
    repo = repository_url(settings)
    config = {
        "title": yaml_safe(settings.get("title") or "Newsletter"),
        # no name in the text: no "By …" line (the theme hides an empty author), rather
        # than a made-up "Unknown"
        "author": yaml_safe(settings.get("author") or ""),
        "copyright": copyright_years(years) or "2025",
        "only_build_toc_files": True,
        "exclude_patterns": ["_build", ".venv", ".*", "**/.*", "data", "tests", "scripts",
                             "src", "binder", "README.md", "**/README.md",
                             "**.ipynb_checkpoints", "chapters/*.ipynb"],
        # no kernel at build time: charts are drawn by newsbook.charts.static
        "execute": {"execute_notebooks": "off", "timeout": 120, "allow_errors": False,
                    "exclude_patterns": []},
        "html": {"use_repository_button": bool(repo), "use_issues_button": False,
                 "use_edit_page_button": False, "home_page_in_navbar": True,
                 "extra_footer": ""},
        "launch_buttons": {"notebook_interface": "jupyterlab",
                           "binderhub_url": "https://mybinder.org" if repo else "",
                           "colab_url": "https://colab.research.google.com" if repo else "",
                           "jupyterhub_url": settings.get("jupyterhub_url", "") if repo else "",
                           "thebe": False},
        "repository": {"url": repo, "branch": settings.get("branch", "main"), "path_to_book": ""},
        # newsbook.charts keeps the 1.2 MB plotly bundle off pages without charts
        "sphinx": {"extra_extensions": ["newsbook.charts", "newsbook.search", "newsbook.safety",
                                          "newsbook.freshness", "newsbook.navcache"], "config": {
            "smartquotes": False,
            # the one extension we keep cannot see feed text: ':' is always escaped
            "myst_enable_extensions": ["colon_fence"],
            "myst_disable_syntax": ["html_block", "html_inline"],
            "myst_footnote_transition": False,
            # "#label" links resolve among labels only: trying every domain (C++ parses
            # each target) cost 0.15 s per page per 100 articles
            "myst_ref_domains": ["std"],
            # no page numbers its figures or tables ("Fig. 3"), and with numbering on
            # (jupyter-book's default) every build loaded every page's doctree to count
            # them: 10 s of each rebuild of a 1,000-article archive, even a no-op one
            "numfig": False,
            "html_static_path": ["_static"],
            "html_css_files": ["newsbook.css"],
            "html_js_files": ["newsbook-nav.js"],  # sidebar toggles (upstream bug)
            # widget state would make myst-nb load require.js from a CDN; widgets are live-only
            "nb_ipywidgets_js": {},
            "html_context": {"default_mode": "auto"},
            "nb_execution_show_tb": True,
            "language": "en",
        }},
    }
    return config


#: a paragraph that opens so speaks of the post, not for it: never its lead
_NOT_LEAD = re.compile(r"^(?:Corrections?|Update[d]?|Editor[’']?s note|Note|Fe de erratas|Errata"
                       r"|Correcci[óo]n|Correctie|Correção|Korrektur|Berichtigung|Rectificatif"
                       r"|Sprostowanie|Nota del editor|Nota de la redacción)\b[^:.]{0,40}:", re.I)


def first_sentence(article: Article) -> str:
    """The first sentence of the article's first real paragraph (bylines skipped, and a
    sponsor's or job notice's paragraphs: an advertisement says nothing of the article)."""
    asides = {id(b) for a in walk(article.blocks) if isinstance(a, Aside) for b in walk(a.blocks)}
    for block in walk(article.blocks):
        if isinstance(block, (Turn, Piece)) or id(block) in asides:
            continue
        if isinstance(block, Paragraph) and len(block.text) > 80 and block.text != article.byline \
                and not _NOT_LEAD.match(block.text) and (block.text[0].isalnum()
                                                         or block.text[0] in "“\"‘'(«¿¡"):
            # (a line that opens with a symbol, "★★★★★ (5/5) · 688 pages", is no sentence)
            text = block.text
            for off, n in sorted(block.marks, reverse=True):  # (a footnote's digits: not
                text = text[:off] + text[off + len(str(n)):]  # words of the sentence)
            if _BIO_LINE.match(text) and len(text) <= 240:
                continue  # (the writer's bio in any language: "X es periodista agraria y
                #           escribe Acequia Abierta desde Zaragoza.")
            # (sentences as the facts' quotes find them: "at 8:30 a.m. ET" and "Dr. Ruiz"
            # end none; the lead runs to the first end at 40 characters or more, past a
            # greeting: "Hello, and welcome to the first Locks & Sleepers of 2026.")
            spans = [(s, e) for s, e in sentences(text) if not _GREETING.match(text, s)]
            if not spans:
                continue
            first = spans[0][0]
            return next((text[first:e] for _, e in spans if e - first > 40), text[first:])
    return ""


#: a greeting, which says nothing of the article: "Hello, and welcome to …", "Good morning."
_GREETING = re.compile(r"(?:Hello|Hi|Hey|Good (?:morning|afternoon|evening)|Welcome|Greetings"
                       r"|Dear (?:readers|friends|all|subscribers)|Happy \w+day|Bonjour|Hola"
                       r"|Happy (?:[Nn]ew [Yy]ear|[Hh]olidays|[Ee]aster)|Season['’]s greetings"
                       r"|Buenos días|Bienvenid[oa]s|Hallo|Guten (?:Morgen|Tag)|Ciao|Buongiorno"
                       r"|Olá|Bom dia|Dzień dobry|Cześć|Witajcie|Goedemorgen|Goedendag|Hoi|Beste lezers"
                       r"|大家好|こんにちは|안녕하세요)\b")
#: a writer's bio, in any of the languages read: "Inés Barreda Olmo es periodista agraria y
#: escribe Acequia Abierta desde Zaragoza.", "Claire Vautrin est ingénieure ferroviaire …"
_BIO_LINE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w.’'-]+ ){1,4}(?:is|es|est|ist|è|é) (?:an? |una? |une? "
                       r"|eine? )?[\w’'-]+(?: [\w’'-]+){0,6}(?:,| and| y| et| und| e) (?:writes|"
                       r"escribe|écrit|schreibt|scrive|escreve|edits|edita|runs|dirige)\b"
                       # ("Rosalind Okafor covers appropriations for The Cloakroom Ledger.")
                       r"|^(?:[A-ZÀ-ÖØ-Þ][\w.’'-]+ ){1,4}(?:covers|reports on|writes about|writes"
                       r"|edits) [^.]{3,80} for (?:the )?[A-Z][^.]{0,60}\."
                       # ("A guest post by Theo Vance, a former counsel …")
                       r"|^(?:An? |This is an? )?(?:[Gg]uest (?:post|essay|column|piece)|[Gg]uest"
                       r"post) (?:by|from) [A-Z]")


_BIO_VERB = re.compile(r"\b(is|was|are|were|has|have|writes|wrote|works|worked|covers|studies|"
                       r"studied|teaches|leads|lives|holds|graduated|pursuing|researches)\b")


def is_bio(byline: str) -> bool:
    """True for a sentence about the author ("Jordan Li is a made-up analyst…"), False for
    a name or a list of names ("Jordan Li and Sam Wu")."""
    text = byline.strip()
    return bool(_BIO_VERB.search(text)) or len(text.split()) > 12


#: a bio's subject: the name before its verb ("Priya Castellanos is the launch editor …")
_BIO_NAME = re.compile(r"^((?:Dr\.? |Prof\.? )?[A-ZÀ-ÖØ-Þ][\w.’'\-]*(?: (?:[A-ZÀ-ÖØ-Þ][\w.’'\-]*|de"
                       r"|van|von|da|di|del|la|le|du|dos|das|der|bin|al)){0,4})"
                       r" (?:is|was|writes|covers|reports)\b")


#: a pen name in quotes: "Anon contributor “Soon Kueh” occasionally writes …"
_PEN_NAME = re.compile(r"[“\"]([A-ZÀ-ÖØ-Þ][\w.’'\-]*(?: [A-ZÀ-ÖØ-Þ][\w.’'\-]*){0,3})[”\"]")


def author_of(byline: str) -> str:
    """Who wrote it, for the page's ``author``: the byline when it names them, the name a
    bio opens with ("Priya Castellanos is the launch editor at …" is by Priya
    Castellanos) or the pen name it quotes, else the whole line."""
    if not is_bio(byline):
        return byline.strip()
    m = _BIO_NAME.match(byline.strip()) or _PEN_NAME.search(byline, 0, 80)
    name = m.group(1) if m else ""
    # (a title alone is no name: "Dr. is Lecturer in Politics.", a name lost with its link)
    return name if name.rstrip(".") not in ("", "Dr", "Prof", "Mr", "Mrs", "Ms") \
        else byline.strip()


def byline_text(byline: str) -> str:
    """The byline as MyST: ``**By** Jordan Li`` for names; a bio sentence as it is, in
    italics, never "By Jordan Li is …"."""
    return f"*{escape_text(byline)}*" if is_bio(byline) else f"**By** {escape_text(byline)}"


def _entry(c: Chapter, heading: str = "###", up: str = "") -> str:
    """One article on the root's list: its linked title (a ``heading``; ``up``: the way
    back to the book's top from the page listing it), date, reading time and themes, its
    byline and its first sentence."""
    a = c.article
    entry = [f"{heading} [{escape_text(a.title)}]({up}chapters/{c.stem}.md)", "",
             f"*{escape_text(a.date_text)}* · {c.reading_minutes} min read"
             + (f" · {escape_text(', '.join(c.themes))}" if c.themes else ""), ""]
    if a.byline:
        entry += [byline_text(a.byline), ""]
    sentence = first_sentence(a)
    if sentence:
        entry += [escape_text(sentence), ""]
    return "\n".join(entry)


def render_intro(chapters: list[Chapter], settings: dict, data_hashes: dict[str, str],
                 pages=("timeline", "glossary", "people"), *, split: bool = False,
                 budget: int | None = None):
    """The root page: what the book is, every article with date, author and first
    sentence, then the book-at-a-glance chart. ``pages``: the book-wide pages this book has
    (a page with nothing in it is not written, so it is not linked either). ``split``:
    return ``{path: text}`` of the page and, for a list too long for one page
    (``budget``), its pages by year (:mod:`split_pages`), in toc order."""
    from .reference_pages import notebook_header
    across = [{"timeline": "the [timeline of everything](timeline.md)",
               "glossary": "the [glossary](glossary.md)",
               "people": "the [people and organisations](people.md)"}[p] for p in pages]
    lines = [notebook_header(settings.get("title") or "Newsletter", data_hashes).rstrip("\n"),
             "", escape_text(settings.get("intro", "")), "",
             "Across the book: " + (", ".join(across[:-1]) + " and " if len(across) > 1
                                    else "") + across[-1] + "." if across else "", "",
             # the chart comes after the list: the first screen is text, so the page is
             # usable before plotly.js loads (issue 11); this line links down to it
             "Every article on one chart: {ref}`the book at a glance <chart-book-at-a-glance>`,"
             " after the list.", "", "## The articles", ""]
    years: dict[str, list[Chapter]] = {}  # the articles by year of publication
    for c in chapters:
        years.setdefault(str(c.article.published.year), []).append(c)
    # (a part is one folder down, its articles headings right under its title)
    in_part = {c.stem: _entry(c, "##", "../") for c in chapters}
    groups = [split_pages.Group(y, y, tuple(in_part[c.stem] for c in cs), len(cs))
              for y, cs in years.items()]
    parts: dict[str, str] = {}
    if not split_pages.needs_split(groups, budget or split_pages.PAGE_BYTES):
        lines += [_entry(c) for c in chapters]
    else:  # a big archive: the list on pages by year (split_pages), linked from here
        found = split_pages.parts("articles", groups, budget or split_pages.PAGE_BYTES)
        first = set(found[0].groups[0].lines)
        # the first page's articles stay here too: the root still opens on articles,
        # and its chart stays out of the first screens (so plotly.js waits for a scroll)
        lines += [escape_text(f"{len(chapters):,} articles, on {len(found)} pages by year:"),
                  "", *split_pages.index_lines(found, "articles"), "",
                  f"## {found[0].label}", "",
                  *[_entry(c) for c in chapters if in_part[c.stem] in first]]
        for part in found:
            parts[f"{part.file}.md"] = split_pages.part_page(
                part, "The articles", "intro", escape_text(settings.get("title") or "Newsletter"))
    lines += ["## The book at a glance", "", "(chart-book-at-a-glance)=",
              cells.chart_cell("book_at_a_glance")]
    text = "\n".join(lines).rstrip("\n") + "\n"
    return {"intro.md": text, **parts} if split else text
