"""Extraction stage (model -> facts): dated statements, quantities, series, speaker shares
and Han-script terms, each quoting its block verbatim. Pure and deterministic.

Blocks read: paragraphs, list items (anchor of the list, line of the item), caption lines
(line of the caption line), notes, and everything inside turns and pieces. Asides (sponsor
and job ads) and footnotes are skipped; headings only give terms and speaker sections.
Precision comes first: a phrase the rules are unsure of is left out.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict
from datetime import datetime

from ..model import Article, Paragraph, mostly_cjk
from .dates import find_dates
from .facts import (ArticleFacts, DatedStatement, Fact, Quantity, Series, SeriesPoint,
                    SpeakerShare, Term)
from .language import reads_english
from .months import bare_months
from .quantities import decimal_mark, find_quantities, parse_quantity_text
from .segments import Segment, dated_title, segments
from .series import Located, find_series
from .spans import has_any, label_of, quote_for, sentences
from .speakers import speaker_shares
from .tables import find_tables
from .terms import find_terms
from .undated import (ATTRIBUTION, CORRECTION_WORDS, EXAMPLE_WORDS, REFERENCE_ENTRY,
                      REFERENCES, SELF_PRECISIONS, SOURCE_LINE, about_itself, asked, cited,
                      cited_work, corrected, deadline, example, imagined, labels_figures,
                      negated, past_target, IMAGINED_WORDS)

__all__ = ["ArticleFacts", "DatedStatement", "Fact", "Quantity", "Segment", "Series",
           "SeriesPoint", "SpeakerShare", "Term", "extract_article", "extract_text",
           "facts_rows", "parse_quantity_text", "segments"]

#: a level's year after "from" or "to": "from 94.1% in 2019 to 89.6% in 2024"
#: (and in Spanish, French, German: "de 4.215,3 hm³ en 2019 a 3.102,8 hm³ en 2023")
_MEASURED = re.compile(r"\b(?:from|to|de|a|à|von|auf)\s[$£€¥]?[\d][\d.,]*\s?(?:%|[a-zA-Z/³²]{1,12})?"
                       r"\s(?:in|en|im|em)\s$")
_JAPAN = re.compile(r"\bJapan")
#: a lost chart's title ("Figure 1: Real GDP growth, % annualized, Q1 2023 to Q4 2025") or a
#: table's note ("*2026 is January to May only"): what a figure covers, no event nor fact
_FIGURE_TITLE = re.compile(r"^(?:(?:Figure|Fig\.|Chart|Graph|Exhibit|Map)\s?\d+[a-z]?\s?[:.—–-]\s"
                           r"|\*(?=\S))")
#: a word every citation or credit :func:`cited` finds holds ("Source:", "Photo:")
_CREDITED = ("ource", "Photo", "Image", "Picture", "Illustration", "Credit", "Foto", "Bild",
             "Quelle", "Fuente", "Fonte", "Bron", "Źród", "Dane", "Data")
#: an era not ours, named by a lead-in: "All dates below are BCE, and most are approximate:"
_ERA_WORD = re.compile(r"\b(?:BCE?|B\.C\.(?:E\.)?|before Christ|before the Common Era)(?!\w)")


class _Lazy(list):
    """Sentence spans computed on first use (most segments hold no fact)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text, self.done = text, False

    def _fill(self) -> None:
        if not self.done:
            self.extend(sentences(self.text))
            self.done = True

    def __iter__(self):
        self._fill()
        return super().__iter__()

    def __reversed__(self):
        self._fill()
        return super().__reversed__()

    def __len__(self) -> int:
        self._fill()
        return super().__len__()


def _about_japan(segs) -> bool:
    """An article that speaks of Japan more than of China (its title aside): its Han terms
    are Japanese even in a paragraph that does not name Japan ("Governor Mizuno Haruka
    (水野遥)" had pinyin, two paragraphs after "the Bank of Japan")."""
    japan = china = 0
    for seg in segs:
        t = seg.text
        if "Japan" in t or "Tokyo" in t:
            japan += t.count("Japan") + t.count("Tokyo")
        if "Chin" in t or "Beijing" in t:
            china += t.count("China") + t.count("Chinese") + t.count("Beijing")
    return japan >= 2 and japan > 2 * china


def _unmarked(seg: Segment, quote: str, at: int) -> str:
    """The quote without the footnote markers a text copy glued on ("…约为37%2。" reads
    "…约为37%。"): a label for the chart; the quote itself stays verbatim, with them."""
    if "\0" not in seg.masked:
        return quote
    start = seg.text.rfind(quote, 0, at + len(quote))
    if start < 0:
        return quote
    return seg.masked[start:start + len(quote)].replace("\0", "")


def _extract(article: Article, stem: str, published: datetime | None) -> ArticleFacts:
    dates, quantities, series, terms = [], [], [], {}
    groups: dict[int, list[Located]] = {}
    segs = segments(article, stem)
    japan = bool(_JAPAN.search(article.title)) or _about_japan(segs)
    # (an article written in Chinese, Japanese or Korean: its Han runs are its words)
    glossed = not mostly_cjk(" ".join(s.text for s in segs[:60]))
    # (the decimal mark its numbers use: "21,4 %" in German, "21.4%" in English)
    mark = decimal_mark([s.masked for s in segs],
                        reads_english(s.text for s in segs[:40]) or not glossed)
    refs = False  # (in a section of works cited: "References")
    era_lead, era_group = False, -1  # (a lead-in that gives the era of the block after it)
    for seg in segs:
        if seg.heading:  # (a section of works cited runs to the next heading)
            refs = REFERENCES.match(seg.text.strip()) is not None
        if era_lead and seg.group != era_group:
            era_lead, era_group = False, seg.group
        elif seg.group != era_group:
            era_group = -1
        if seg.text.rstrip().endswith(":") and _ERA_WORD.search(seg.text):
            era_lead, era_group = True, seg.group  # ("All dates below are BCE:", then a list
            #                                        of "1274: Battle of Kadesh" items)
        spans = _Lazy(seg.lined())  # (a footnote marker ends no sentence and opens none)
        # (a paragraph that speaks of Japan reads its terms as Japanese, as a post titled so)
        near_japan = japan or ("Japan" in seg.text and _JAPAN.search(seg.text) is not None)
        for r in (find_terms(seg.masked, near_japan) if glossed else ()):
            s, e = min(r.start_off, r.gloss_start), max(r.end_off, r.gloss_end)
            q = quote_for(seg.text, spans, s, e)
            t = Term(stem, seg.anchor, seg.line_of(q, s), q, r.term, r.lang, r.gloss, r.pinyin)
            if r.term not in terms or (t.gloss and not terms[r.term][1].gloss):
                terms[r.term] = ((seg.line, r.start_off), t) if r.term not in terms or \
                    t.gloss else terms[r.term]
        if seg.heading or seg.names_only or refs or SOURCE_LINE.match(seg.text) or \
                _FIGURE_TITLE.match(seg.text) or \
                len(seg.text) < 200 and ATTRIBUTION.match(seg.text) or \
                REFERENCE_ENTRY.match(seg.text):
            continue  # (a title, or a citation: "Source: trial report, 2025" dates no event,
            #           nor does a quote's source line, "— Mara Vinter, The Salt Roads, 1967")
        if seg.group == era_group and not era_lead:
            continue  # (the block after it: its years are of that era, none of ours)
        if has_any(seg.masked, EXAMPLE_WORDS) and example(seg.masked):
            continue  # ("Now imagine a hypothetical saver …": no fact of the world)
        found = find_dates(seg.masked, published)
        seen = set()
        fixes = has_any(seg.masked, CORRECTION_WORDS)  # (a correction's words: rare)
        told = has_any(seg.masked, IMAGINED_WORDS)  # (a conditional's or a story's: rare)
        for d in found:
            if d.start_off < seg.title_end and not dated_title(
                    seg.masked[:seg.title_end], d.start_off, d.end_off):
                continue  # ("→ Bogotá sets its 2027 fare", an item's title: a headline's year)
            if seg.caption and (d.precision == "range" and (d.start[:4] != d.end[:4]
                                                             or len(d.start) <= 7)
                                or seg.masked[max(0, d.start_off - 6):d.start_off].lower()
                                in ("since ", "desde ", "depuis", " seit ")):
                continue  # (what a lost chart covered: "January to March 2026" too, and
                #           "Our polling average since January 2026")
            if d.precision == "year" and cited_work(seg.masked, d.start_off, d.end_off):
                continue  # ("(Smith et al., 2021)", "Burns et al. (2020)": a work's year)
            if has_any(seg.masked, _CREDITED) and cited(seg.masked, spans, d.start_off,
                                                         d.end_off):
                continue  # ("… by season. Source: Harbour FC annual report 2025")
            if fixes and corrected(seg.masked, spans, d.start_off, d.end_off) or \
                    negated(seg.masked, d.start_off):
                continue  # ("…, not 11 November 2025": the day a correction calls wrong)
            if labels_figures(seg.masked, d, seg.caption) or deadline(seg.masked, d.start_off) \
                    or "by " in seg.masked and past_target(seg.masked, spans, d, published):
                continue  # ("Top routes by trips, 2025:" labels figures; "Apply by 20 Nov.")
            if told and imagined(seg.masked, spans, d):
                continue  # ("If you started it in 2026, you would …", "set in 1979")
            if "?" in seg.masked and asked(seg.masked, spans, d):
                continue  # ("Is the H200 still worth buying in 2026?": a question dates nothing)
            if d.precision in SELF_PRECISIONS and about_itself(seg.masked, spans, d):
                continue  # ("That is it for this week.": the letter's own week, no event)
            when = seg.text[d.start_off:d.end_off]
            q = quote_for(seg.text, spans, d.start_off, d.end_off)
            if (q, when) in seen:
                continue                  # "last year ... last year" in one sentence
            seen.add((q, when))
            dates.append(DatedStatement(stem, seg.anchor, seg.line_of(q, d.start_off), q, when,
                                        d.start, d.end, d.precision,
                                        label_of(_unmarked(seg, q, d.start_off), when)))
        # (months a listing names with no year tie its values, as dates do; no events)
        months = bare_months(seg.masked, found, published) if found or published else []
        tied = sorted(found + months, key=lambda d: d.start_off) if months else found
        raw = [r for r in find_quantities(seg.masked, [(d.start_off, d.end_off) for d in tied],
                                          mark)
               if r.start_off >= seg.title_end
               and not (fixes and corrected(seg.masked, spans, r.start_off, r.end_off)
                        or negated(seg.masked, r.start_off))]
        for r in raw:
            q = quote_for(seg.text, spans, r.start_off, r.end_off)
            f = Quantity(stem, seg.anchor, seg.line_of(q, r.start_off), q,
                         seg.text[r.start_off:r.end_off], r.value, r.high, r.scale, r.unit,
                         r.qualifier)
            quantities.append(f)
            others = [(o.start_off, o.end_off) for o in raw if o is not r]
            groups.setdefault(seg.group, []).append(
                Located(f, seg.masked, r.start_off, r.end_off, tied, spans, others))
    for g in sorted(groups):
        series += find_series(groups[g], stem)
    ordered_terms = tuple(t for _, t in sorted(terms.values(), key=lambda p: p[0]))
    return ArticleFacts(stem, tuple(dates), tuple(quantities), tuple(series),
                        speaker_shares(article, stem), ordered_terms,
                        find_tables(article, stem, mark))


def extract_article(article: Article, stem: str) -> ArticleFacts:
    """All facts of one article, in source order. Relative dates resolve against
    ``article.published``."""
    return _extract(article, stem, article.published)


def events(facts: ArticleFacts) -> tuple[DatedStatement, ...]:
    """The dated statements that are events: not fiscal years, nor the periods of a
    series' values ("31,400 passes in 2019, 44,900 in 2020 …" measures 2019 and 2020;
    nothing happened then that the series chart does not already show, and a timeline of
    them repeats one quote)."""
    # (by paragraph: an HTML body's paragraphs all have its item's line, so a series'
    # year took that year's events from every paragraph of the post)
    periods = {(p.quantity.line, p.quantity.anchor, p.period) for s in facts.series
               for p in s.points}
    # a fiscal year ("FY26") is no span of the calendar: companies' years end in any month
    # (one that ends in January puts its FY26 mostly in 2025), so it is drawn in no timeline
    # (two periods or more a sentence states values for: levels, no events)
    tied = [_tied_how(d) for d in facts.dates]
    levels = Counter((d.line, d.anchor, d.quote) for d, t in zip(facts.dates, tied) if t)
    # (a year a sentence names beside a finer date in it, "L'édition 2025, du 12 au 15 juin
    # 2025": one event, the finer; the year alone was kept book-wide, the days dropped)
    finer = {(d.line, d.anchor, d.quote, d.start[:4]) for d in facts.dates
             if d.precision in ("day", "month", "range", "season", "quarter")
             and len(d.start) > 4 and d.start[:4] == d.end[:4]}
    return tuple(d for d, t in zip(facts.dates, tied)
                 if (d.line, d.anchor, d.when) not in periods and d.precision != "fiscal_year"
                 and not _measured(d) and t != "level"
                 and not (t and levels[(d.line, d.anchor, d.quote)] >= 2)
                 and not (d.precision == "year" and
                          (d.line, d.anchor, d.quote, d.start[:4]) in finer))


def _measured(d: DatedStatement) -> bool:
    """A level's year ("fell from 94.1% in 2019 to 89.6% in 2024"): when a value was
    measured, which a timeline of events does not draw (two points make no series)."""
    at = d.quote.find(d.when)
    return d.precision == "year" and at > 0 and \
        _MEASURED.search(d.quote, max(0, at - 40), at) is not None


#: a value right before its period: "84,000 tons in 1850", "$428m in Q1 2025", "21,000 in"
#: (a year is none: "first surfaced in 2012, then again in 2015")
_VALUE_IN = re.compile(r"(?:(?<![\w.,])[$£€¥]?(?!(?:1[5-9]|20)\d\d,?\s)\d[\d.,]*"
                       r"|\b(?i:about|around|roughly|nearly|almost|some|just|over|under) (?:one|two|"
                       r"three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty"
                       r"|a hundred|a dozen|half))\s?(?:%|[a-zA-Z/³²]{1,12})?(?:\s[a-záéíóúñ]{1,12}){0,2}"
                       r"\s(?:in|en|im|em|nel)\s(?:the\s|la\s|el\s)?$")
_TIED_PRECISIONS = frozenset(("year", "quarter", "month", "half"))
#: a season or a financial year by its two years: "2020/21", "2023–24", "2024-2025"
_SEASON = re.compile(r"\b(?:1[89]|20)\d\d[/–-](?:\d\d|(?:1[89]|20)\d\d)$")


#: the words of a level before its value ("which was about", "averaged", "grew by",
#: "produced"): a value then, no event (one of a thing done, "hired 300 workers in 2019",
#: stays an event)
_LEVEL_BEFORE = re.compile(r"\b(?:was|were|is|are|averaged|reached|stood at|totall?ed|hit|fell"
                           r"|rose|grew|climbed|dropped|declined|increased|decreased|produced"
                           r"|generated|earned|made up|accounted for|cost|had|median|average"
                           r"|rate|share|level)\b(?:\s(?:by|to|at|about|around|roughly|nearly"
                           r"|almost|some|just|over|under|only|still))*\s?$")
#: a value stated right after its period: "in 2023 were 37% below …", "in 2024 stood at
#: $1.2bn", "in Q1 was 4.1%"
_VALUE_AFTER = re.compile(r",?\s(?:was|were|stood at|reached|averaged|totalled|totaled|came to|hit"
                          r"|fell to|rose to|grew to)\s(?:about |around |roughly |nearly |almost "
                          r"|just |some |over |under )?[-+−]?[$£€¥]?\d")


def _tied_how(d: DatedStatement) -> str:
    """How a value is tied to the period: "level" when the sentence states a level then
    ("which was about 1.2 TWh in 2023", "grew by 375% in 2024", "in 2023 were 37% below"),
    "value" for a value of something done ("hired 300 workers in 2019"), else ""."""
    if d.precision not in _TIED_PRECISIONS and not (d.precision == "range"
                                                    and _SEASON.search(d.when)):
        return ""
    at = d.quote.find(d.when)
    if at >= 0 and _VALUE_AFTER.match(d.quote, at + len(d.when)):
        return "level"
    m = _VALUE_IN.search(d.quote, max(0, at - 40), at) if at > 0 else None
    if m is None:
        return ""
    level = "%" in m.group() or _LEVEL_BEFORE.search(d.quote, max(0, m.start() - 40),
                                                     m.start()) is not None
    return "level" if level else "value"


def extract_text(text: str, *, published: datetime | None = None) -> ArticleFacts:
    """Facts of plain text: one paragraph per non-empty line, stem "t", lines from 1."""
    blocks = tuple(Paragraph(ln, i) for i, ln in enumerate(text.split("\n"), 1) if ln.strip())
    art = Article("", published or datetime(1970, 1, 1), blocks, (), 0)
    return _extract(art, "t", published)


def facts_rows(facts: ArticleFacts) -> dict[str, list[dict]]:
    """Tidy rows for CSV files; every row has ``quote`` and ``line``."""
    def q_row(q: Quantity) -> dict:
        row = asdict(q)
        row["magnitude"] = q.magnitude()
        return row

    series_rows = []
    for i, s in enumerate(facts.series, 1):
        for p in s.points:
            row = {"series": f"s{i}", "measure": s.measure, "period": p.period,
                   "start": p.start}
            row.update(q_row(p.quantity))
            series_rows.append(row)
    return {
        "dates": [asdict(d) for d in facts.dates],
        "quantities": [q_row(q) for q in facts.quantities],
        "series": series_rows,
        "speakers": [dict(asdict(s), quote="") for s in facts.speakers],
        "terms": [asdict(t) for t in facts.terms],
    }
