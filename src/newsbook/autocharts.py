"""Automatic charts: extracted facts -> tidy datasets + chart specs of the known kinds.

Any newsletter gets charts without curation. Each chart is a spec like a curated
one (:mod:`newsbook.plan.charts`) over a generated dataset whose every row keeps
its verbatim quote, source line, chapter and paragraph anchor. A family is left
out where curation says so (``suppress``/``replaces``) or where a curated chart
already draws the same lines. Every article gets at least one chart: when it has
no dates, series or interview, it gets its connections to the rest of the book.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from .extract.facts import derived_note
from .model import (ITEM_SEP, Article, Heading, Paragraph, Piece, Turn, anchor_id, source_line,
                    walk, words_in)
from .plan.charts import Bars, Grouped, Series, Timeline

TIMELINE_MIN = 3
DATE_COLUMNS = ["lane", "event", "start", "end", "precision", "when", "quote", "line",
                "chapter", "anchor", "derived", "note"]
SERIES_COLUMNS = ["series", "period", "start", "value", "high", "qualifier", "unit", "scale",
                  "stated", "quote", "line", "chapter", "anchor", "derived", "note"]
SPEAKER_COLUMNS = ["section", "speaker", "words", "turns", "quote", "line", "chapter",
                   "anchor", "derived", "note"]
LINK_COLUMNS = ["article", "shared", "names", "quote", "line", "chapter", "anchor",
                "derived", "note"]
SECTION_COLUMNS = ["section", "words", "quote", "line", "chapter", "anchor", "derived", "note"]


@dataclass
class AutoCharts:
    """What the automatic stage adds: specs by chapter and dataset texts by name."""

    specs: list = field(default_factory=list)
    datasets: dict[str, str] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)


def dataset_name(stem: str, family: str) -> str:
    return "auto_" + re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_") + "_" + family


def _csv(columns: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({c: ("" if r.get(c) is None else r.get(c)) for c in columns})
    return buf.getvalue()


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return repr(float(v)).removesuffix(".0") if float(v).is_integer() else repr(float(v))


def sections(article: Article, stem: str) -> dict[str, str]:
    """anchor -> the section (heading or digest piece) it sits in."""
    out, current = {}, ""

    def visit(blocks, piece: str):
        nonlocal current
        for b in blocks:
            if isinstance(b, Heading):
                current = b.text
            if isinstance(b, Piece):
                visit(b.blocks, b.title)
                continue
            if hasattr(b, "line"):
                out[anchor_id(stem, article, b)] = piece or current
            if isinstance(b, Turn):
                visit(b.blocks, piece)
    visit(article.blocks, "")
    return out


def _after_text(article: Article, stem: str, anchor: str) -> str:
    """Text of the block with this anchor (charts are placed after it)."""
    from .reference import block_texts
    for a, text in block_texts(article, stem):
        if a == anchor and text:
            return text
    return ""


def _before_turns(article: Article, stem: str) -> str:
    """Text of the last paragraph before an interview's first turn: its chart stands there,
    never between a question and its answer. "" when no paragraph leads into it."""
    for blocks in [article.blocks] + [b.blocks for b in article.blocks if isinstance(b, Piece)]:
        at = next((k for k, b in enumerate(blocks) if isinstance(b, Turn)), None)
        if at:
            prev = next((b for b in reversed(blocks[:at]) if isinstance(b, Paragraph)), None)
            return _after_text(article, stem, anchor_id(stem, article, prev)) if prev else ""
    return ""


def last_text(article: Article, stem: str) -> str:
    """The text of the article's last block that holds any: a chart with nowhere else to
    stand stands after it."""
    from .reference import block_texts
    texts = [t for _, t in block_texts(article, stem) if t]
    return texts[-1] if texts else ""


def timeline_chart(article: Article, stem: str, facts, out: AutoCharts) -> bool:
    dates = list(facts.dates)
    seen, rows = set(), []
    lanes = sections(article, stem)
    for d in dates:
        key = (d.start, d.end, d.quote)
        if key in seen:
            continue
        seen.add(key)
        # (a label that opens with its date does not say it twice: "Q1 2026: Q1 2026: …")
        event = d.label if d.label.startswith(d.when) else f"{d.when}: {d.label}"
        rows.append({"lane": lanes.get(d.anchor, ""), "event": event, "start": d.start,
                     "end": d.end, "precision": d.precision, "when": d.when, "quote": d.quote,
                     "line": d.line, "chapter": stem, "anchor": d.anchor,
                     "derived": derived_note(d.precision, d.when, d.start,
                                            article.published.date().isoformat()), "note": ""})
    if len(rows) < TIMELINE_MIN:
        return False
    lane_names = list(dict.fromkeys(r["lane"] for r in rows))
    use_lanes = 1 < len(lane_names) <= 6 and all(lane_names)
    for r in rows:
        r["lane"] = r["lane"] if use_lanes else ""
    rows.sort(key=lambda r: (r["start"], r["end"], int(r["line"])))
    name = dataset_name(stem, "timeline")
    out.datasets[name], out.columns[name] = _csv(DATE_COLUMNS, rows), DATE_COLUMNS
    first = min(dates, key=lambda d: d.line)
    # (the years the text gives: "c. 1761" is drawn 1756–1766, but the title says 1761)
    years = sorted({y for r in rows for y in (
        re.findall(r"\b\d{4}\b", r["when"]) if r["precision"] == "approximate"
        and re.search(r"\b\d{4}\b", r["when"]) else (r["start"][:4], r["end"][:4]))})
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    out.specs.append(_spec(Timeline,
        key=name.removeprefix("auto_"), kind="timeline", dataset=name, chapter=stem,
        after=_after_text(article, stem, first.anchor), auto="timeline",
        title=f"The dates this article gives, {span}",  # (the ones it is sure of: not "every")
        summary=f"Timeline of the {len(rows)} dated statements in the article, from {years[0]} "
                f"to {years[-1]}; hover for each quote, click to open its paragraph.",
        lane="lane" if use_lanes else "", label="event", start="start", end="end",
        precision="precision", controls=False, axis="Year",
        layout="rows" if len(rows) > 8 or not use_lanes else "lanes"))  # (one lane: a row
    #   a statement, or spans drawn on one line hid one another)
    return True


def series_charts(article: Article, stem: str, facts, out: AutoCharts,
                  covered_lines: set[int]) -> bool:
    rows, made = [], False
    for i, s in enumerate(facts.series, start=1):
        if {p.quantity.line for p in s.points} <= covered_lines:
            continue  # a curated chart already draws these numbers
        sid = f"s{i}"
        for p in s.points:
            q = p.quantity
            rows.append({"series": sid, "period": p.period, "start": p.start,
                         "value": _num(q.value), "high": _num(q.high), "qualifier": q.qualifier,
                         "unit": q.unit, "scale": q.scale, "stated": q.text, "quote": q.quote,
                         "line": q.line, "chapter": stem, "anchor": q.anchor,
                         # ("in January, … in February": the year is the publication's)
                         "derived": "" if any(c.isdigit() for c in p.period) else
                         f"year {p.start[:4]}, inferred from the publication date",
                         "note": ""})
        unit = scaled_unit(s.scale, s.unit)
        first = min(s.points, key=lambda p: p.quantity.line)
        lead = lead_in(article, stem, first.quantity.anchor)
        # (plain numbers' axis says what they count, in the text's words, as the title does)
        what = "" if unit else measure_of(s.points[0].quantity.quote, s.points[0].quantity.text)
        if not unit and not what and len(lead) <= 40:
            what = lead
        out.specs.append(_spec(Series,
            key=dataset_name(stem, f"series_{sid}").removeprefix("auto_"), kind="series",
            dataset=dataset_name(stem, "series"), chapter=stem, where={"series": sid},
            after=_after_text(article, stem, first.quantity.anchor), auto="series",
            title=_series_title(s, lead),
            summary="Values over time exactly as the article states them: " + "; ".join(
                f"{p.period}: {p.quantity.text}" for p in s.points) + ".",
            period="period", value="value", text="stated",
            axis=f"{_upper_first(unit or what or 'value')} (as stated)"))
        made = True
    if made:
        name = dataset_name(stem, "series")
        out.datasets[name], out.columns[name] = _csv(SERIES_COLUMNS, rows), SERIES_COLUMNS
    return made


def lead_in(article: Article, stem: str, anchor: str) -> str:
    """The short paragraph that leads into the block at ``anchor`` with a colon, without
    it ("Kindergarten classes tell the same story:" over "2021: 98" …; "Where the 2026-27
    general fund goes ($ millions):" over a table); else ""."""
    prev = None
    for b in walk(article.blocks):
        if hasattr(b, "line") and anchor_id(stem, article, b) == anchor:
            t = prev.text.strip() if isinstance(prev, Paragraph) else ""
            if len(t) > 120:
                return ""
            if t.endswith(":"):
                return t[:-1].strip()
            # (or a title in bold over it, an e-mail's: "**Visitor numbers by venue,
            # 2022–2025 (calendar years)**")
            bold = len(prev.spans) == 1 and prev.spans[0].kind == "strong" and \
                prev.spans[0].text.strip() == t if t else False
            return t if bold and t[-1:] not in ".!?" else ""
        if hasattr(b, "line"):
            prev = b
    return ""


def scaled_unit(scale: str, unit: str) -> str:
    """"million USD", or a Chinese or Japanese scale glued to its unit, as written: "万辆",
    "億円"."""
    if scale and not scale.isascii():
        return scale + unit
    return " ".join(x for x in (scale, unit) if x)


def _series_title(s, lead: str = "") -> str:
    """"Turnout in Westmark: %, 2012 to 2024, as the article states them": what the values
    measure, in the words before the first of them (:func:`measure_of`), or in the
    paragraph that leads into them (``lead``), when there are such words; else the unit
    alone."""
    unit = scaled_unit(s.scale, s.unit)
    span = f"{s.points[0].period} to {s.points[-1].period}, as the article states them"
    first = s.points[0].quantity
    what = measure_of(first.quote, first.text) or lead
    if not unit:  # (plain numbers a listing states: "Enrollment was 9,812 in 2021, …")
        return f"{_upper_first(what or 'values')}, {span}"
    return f"{_upper_first(what)}: {unit}, {span}" if what else f"{_upper_first(unit)}, {span}"


#: words that end the phrase before a value without saying what it measures
_LINKING = frozenset("""was were is are be been stood stands at to from of by went grew rose fell
reached hit totalled totaled averaged about around nearly almost over under some roughly
approximately up down the a an with had has have just only still then now and or as""".split())
_PRONOUNS = frozenset("It They This That These Those He She We You I".split())
#: the verbs that end a clause's subject
_VERBS = frozenset("""has have had was were is are rose grew fell doubled tripled halved reached
climbed jumped dropped declined increased decreased went stood""".split())
#: a date or place phrase opening a sentence ("In 2023, …", "At the market, …")
_OPENING = re.compile(r"^(?:In|By|As of|During|Since|From|At|On|Over|For|Last|This)\b[^,]{0,50},\s*")


def measure_of(quote: str, value: str) -> str:
    """What a stated value measures, in the quote's own words: the clause before it, from
    its last comma, without an opening date or place and the linking words before the
    value ("Turnout in Westmark was 61.2%" gives "Turnout in Westmark"; "Concentrations
    were 315 ppm" gives "Concentrations"). "" when nothing is left, or too much (a
    title is short)."""
    q = " ".join(quote.split())
    at = q.find(value)
    if at <= 0:
        return ""
    clause = q[:at].rsplit(", ", 1)[-1].rsplit("; ", 1)[-1]
    if clause.rsplit(": ", 1)[-1].strip():  # ("his best summer: he averaged": "he"; a
        clause = clause.rsplit(": ", 1)[-1]  # lead-in whose colon the value follows stays)
    head = _OPENING.sub("", clause.strip(" :—–-+−~≈"))
    words = head.split()
    while words and words[-1].lower().strip(":,") in _LINKING:
        words.pop()
    while words and words[0].lower() in ("and", "but", "so", "while", "then"):
        words.pop(0)
    if len(words) > 8:  # (a whole clause: its subject, the words before its verb, says it:
        # "Installed wind and solar capacity across the Basin has roughly doubled …:")
        at = next((k for k, w in enumerate(words) if w.lower() in _VERBS), 0)
        words = words[:at]
    what = " ".join(words).strip(" :,—–-")
    if words and words[0].capitalize() in _PRONOUNS:
        # ("It carried 1.1 million passengers": "It" names nothing on its own; but "The
        # average one-year CD has fallen faster: it paid 3.90% …" names it before its colon)
        lead = q[:at].rsplit(": ", 1)[0] if ": " in q[:at] else ""
        lead_words = lead.split()
        verb = next((k for k, w in enumerate(lead_words) if w.lower() in _VERBS), 0)
        subject = " ".join(lead_words[:verb]).strip(" :,—–-")
        if 0 < verb <= 8 and subject[:1].isupper() and subject.split()[0] not in _PRONOUNS \
                and not any(c.isdigit() for c in subject) and len(subject) <= 60:
            return subject
        return ""
    if not what or len(words) > 8 or len(what) > 60 or not what[0].isalpha() \
            or any(c.isdigit() for c in what):
        return ""
    return what


def _upper_first(text: str) -> str:
    """The text with a capital first, unless it opens with a unit's symbol, which a
    capital changes: "mm" is no "Mm" (megametres), "km/h", "m³/s", "kWh"."""
    head = text.split(" ", 1)[0]
    if head in _LOWER_UNITS or head[:2] in ("m³", "m²", "km", "kW", "mW"):
        return text
    return text[:1].upper() + text[1:]


#: units whose symbol a capital would change
_LOWER_UNITS = frozenset("""mm cm m km g kg mg t ms s h ha l ml mph bp pp kWh mWh ppm ppb
°C °F""".split())


def speaker_chart(article: Article, stem: str, facts, out: AutoCharts) -> bool:
    shares = list(facts.speakers)
    if len({s.speaker for s in shares}) < 2:
        return False
    from .reference import block_texts
    texts = dict(block_texts(article, stem))
    rows = []
    one = len({s.section for s in shares}) == 1  # (an interview of one section: no "by section")
    for s in shares:
        text = texts.get(s.anchor, "")
        quote = text[:120].rsplit(" ", 1)[0] if len(text) > 120 else text
        rows.append({"section": "The whole interview" if one else
                     s.section or "(before the first heading)", "speaker": s.speaker,
                     "words": s.words, "turns": s.turns, "quote": quote, "line": s.line,
                     "chapter": stem, "anchor": s.anchor,
                     "derived": "words counted in the speaker's turns in this section",
                     "note": ""})
    name = dataset_name(stem, "speakers")
    out.datasets[name], out.columns[name] = _csv(SPEAKER_COLUMNS, rows), SPEAKER_COLUMNS
    first = min(shares, key=lambda s: s.line)
    speakers = list(dict.fromkeys(s.speaker for s in shares))
    out.specs.append(_spec(Grouped,
        key=name.removeprefix("auto_"), kind="grouped", dataset=name, chapter=stem,
        after=_before_turns(article, stem) or _after_text(article, stem, first.anchor),
        auto="speakers",
        title="Who speaks how much" + ("" if one else ", section by section"),
        summary="Words spoken by " + ", ".join(speakers) + (
            " in the interview" if one else " in each section of the interview") +
        " (counted from the transcript).",
        label="section", value="words", colour="speaker", axis="Words spoken (counted)",
        orientation="h"))
    return True


def fallback_chart(article: Article, stem: str, links: list[dict], out: AutoCharts) -> None:
    """Connections to other articles; with none, the article's own shape (words per
    section), which any text has."""
    after = last_text(article, stem)
    if not after:
        return  # no paragraph to place a chart after (an article of headings only)
    if links:
        name = dataset_name(stem, "connections")
        out.datasets[name], out.columns[name] = _csv(LINK_COLUMNS, links), LINK_COLUMNS
        out.specs.append(_spec(Bars,
            key=name.removeprefix("auto_"), kind="bars", dataset=name, chapter=stem,
            after=after, auto="connections",
            title="Other articles that name the same people, places and terms",
            summary="Each bar is another article of this book and the number of names it "
                    "shares with this one; hover for the names and a quote, click to open it.",
            label="article", value="shared", axis="Names shared with this article",
            colour_index=2))
        return
    # the article's own shape, at the first level with two parts or more: a single bar
    # shows nothing a sentence could not say
    level, parts = "section", _section_words(article, stem)
    for finer, words_of in (("paragraph", _paragraph_words), ("sentence", _sentence_words)):
        if len(parts) >= 2:
            break
        more = words_of(article, stem)
        if len(more) >= 2:
            level, parts = finer, more
    rows = []
    for part, words, anchor, line, quote in parts:
        rows.append({level: part, "words": words, "quote": quote,
                     "line": source_line(article, line), "chapter": stem, "anchor": anchor,
                     "derived": f"words counted in the {level}", "note": ""})
    columns = [level] + SECTION_COLUMNS[1:]
    name = dataset_name(stem, level + "s")
    out.datasets[name], out.columns[name] = _csv(columns, rows), columns
    out.specs.append(_spec(Bars,
        key=name.removeprefix("auto_"), kind="bars", dataset=name, chapter=stem, after=after,
        auto="connections", title=f"How the article is built: words per {level}",
        summary=f"Words in each {level} of the article, in reading order.",
        label=level, value="words", axis="Words (counted)", colour_index=2))


def _opening(text: str, k: int, words: int = 6) -> str:
    """A bar's label: its number and opening words ("2. Mine is short. It says…")."""
    head = text.split()
    return f"{k}. " + " ".join(head[:words]) + ("…" if len(head) > words else "")


def _head(text: str, most: int = 100) -> str:
    """The opening of a text as a bar's quote: verbatim, at most ``most`` characters, cut
    at a word border (never "… if it stay"); a list's first item (its items were joined)."""
    text = text.split(ITEM_SEP, 1)[0]
    if len(text) <= most:
        return text
    cut = text.rfind(" ", 0, most + 1)
    return text[:cut].rstrip() if cut > most // 2 else text[:most]


def _paragraph_words(article: Article, stem: str):
    """(label, words, anchor, line, opening) of each paragraph (or list, or caption)."""
    from .reference import block_lines
    return [(_opening(text, k), words_in(text), anchor, line, _head(text))
            for k, (anchor, text, line) in enumerate(
                [b for b in block_lines(article, stem) if b[1]], 1)]


def _sentence_words(article: Article, stem: str):
    """(label, words, anchor, line, the sentence) of each sentence of the article's one
    paragraph."""
    from .extract.spans import sentences
    from .reference import block_lines
    out = []
    for anchor, text, line in block_lines(article, stem):
        for s, e in sentences(text):
            out.append((_opening(text[s:e], len(out) + 1), words_in(text[s:e]), anchor,
                        line, _head(text[s:e])))
    return out


def _section_words(article: Article, stem: str):
    from .reference import block_texts
    texts = dict(block_texts(article, stem))
    secs = sections(article, stem)
    order: dict[str, list] = {}
    seen: set[str] = set()  # (an aside shares its first paragraph's anchor: counted once)
    for b in walk(article.blocks):
        a = anchor_id(stem, article, b)
        if a in texts and texts[a] and a not in seen:
            seen.add(a)
            name = secs.get(a) or "Opening"
            entry = order.setdefault(name, [0, a, b.line, _head(texts[a])])
            entry[0] += words_in(texts[a])
    return [(name, v[0], v[1], v[2], v[3]) for name, v in order.items()]


def _spec(cls, **fields):
    """``cls(**fields)``: the fields here are already the right types (no validation:
    tests/test_plan_cache.py checks every automatic spec validates to the same), and
    ``live`` becomes its schema as validation would make it."""
    live = fields.get("live")
    if isinstance(live, dict):
        from .plan.charts import Live
        fields["live"] = Live(**live)
    return cls(**fields)


def book_timeline_spec(published_only: bool = False):
    """The timeline of everything (book-wide page): one lane per part of the book.
    ``published_only``: its events are the articles' publication dates (they date
    nothing of their own)."""
    if published_only:
        title = "When each article was published, by part"
        summary = ("No date was found in the articles' text: each article is a dot on the "
                   "day its date line gives, coloured by part of the book. The list above the "
                   "chart has every date as text.")
    else:
        title = "Every dated event in the book, by part"
        summary = ("A timeline of every dated event the articles state, one row per event, "
                   "coloured by part of the book; years, months and decades are spans, days "
                   "are dots. The list below the chart has every event as text.")
    return _spec(Timeline,
        key="book_timeline", kind="timeline", dataset="book_events", chapter="",
        title=title, summary=summary,
        lane="theme", label="label", start="date", end="end", precision="precision",
        controls=False, axis="Year", layout="rows", live={"filter": "theme"})


def book_glance_spec(n_articles: int):
    """The root page's chart: every article on its publication date."""
    from .plan.charts import Custom
    return _spec(Custom,
        key="book_at_a_glance", kind="custom", function="book_at_a_glance",
        dataset="book_articles", chapter="",
        title="The book at a glance: articles by date and part",
        summary=f"Each of the {n_articles} articles as a dot on its publication date, one row "
                "per part of the book; dot area grows with reading time (hover for minutes). "
                "The list of articles below links to each chapter.")
