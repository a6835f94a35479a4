"""Figures of a table (model -> facts): the columns of numbers a table states, cell by cell.

A table of numbers is the one place a newsletter already laid its figures out for a chart
("Suburb | Median price | Change"), yet its cells were read by no extractor: a sentence
finder has no sentences there. Here a column is charted only when every cell it fills is
one number of one kind (the same currency, unit and scale word, or a bare count), so no
bar mixes "£312k" with "12%"; a column of years, ranks or codes is no measure. A row's
quote is the row itself, cell by cell as the copy gives it, on its own line in a text
copy. When in doubt a column is left out; a table with no column left gives nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Article, Piece, Table, Turn, anchor_id, source_line, walk

#: data rows a table needs (fewer say nothing a sentence could not) and may have (more
#: make a bar chart taller than a screen: the table says it better)
MIN_ROWS, MAX_ROWS = 3, 40
#: a cell that states no value: a dash, "n/a", an ellipsis
_MISSING = frozenset(["", "-", "–", "—", "n/a", "N/A", "n.a.", "na", "NA", "…", "...", "..",
                      "*", "?", "tbc", "TBC", "tba", "TBA",
                      # (and other languages' "no data": "k. A.", "n. v.", "s/d", "n.d.")
                      "k. A.", "k.A.", "k. A", "n. v.", "n.v.", "s/d", "s.d.", "n.d.", "nd",
                      "N/D", "n.c.", "n.d",
                      # (a venue's year with no figure: "closed", "new", "not open")
                      "closed", "Closed", "new", "New", "—*", "not open", "suspended",
                      "Suspended", "cancelled", "Cancelled", "none", "None"])
#: headers of columns that number or name rows instead of measuring them
_NOT_MEASURE = re.compile(r"^(?:#|no\.?|nr\.?|n°|place|year|jahr|année|año|ano|id|code"
                          r"|ref(?:erence)?|zip|post ?code|round|week|game|match|lane|bib"
                          r"|number"
                          # (last season's or last week's place: "Last", "Prev", "LW")
                          r"|last|prev(?:ious)?|lw|tw|last (?:week|season|year)"
                          # (a bowler's overs, "7.4" being 7 overs and 4 balls: no decimal)
                          r"|o|ov|overs)$|\b(?:rank(?:ing)?|pos(?:ition|\.)?|seed"
                          # (a version, a block's number: "Min. version", "Last block")
                          r"|versions?|ver|release|block|blocks)\b", re.I)
#: the label column's header of a table whose rows are measures, not things of one kind
_MEASURE_ROWS = re.compile(r"^(?:|measure|metric|indicator|item|variable|kpi|figure|statistic"
                           r"|stat|category|line|indicador|concepto|indicateur|kennzahl"
                           r"|merkmal)s?$", re.I)
#: a rank's cell: "1.", "2nd", "#3" (no label, nor a measure)
_RANK_CELL = re.compile(r"^(?:#?\d{1,3}\.?|\d{1,3}(?:st|nd|rd|th)|=\d{1,3})$")
_CURRENCY = r"(?:[A-Z]{1,3})?[$£€¥₩₹]|(?:USD|EUR|GBP|AUD|CAD|CHF|JPY|CNY|RMB)\s?"
_SCALES = {"k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6,
           "million": 1e6, "bn": 1e9, "b": 1e9, "B": 1e9, "billion": 1e9, "trillion": 1e12,
           "tn": 1e12}
#: words that scale a number even with no currency ("1.2 million"); letters only with one
_WORD_SCALES = frozenset(["thousand", "million", "billion", "trillion"])
_SIGN = "[-−–+]"


def _cell_pattern(mark: str) -> re.Pattern:
    """One number, whole cell: sign, currency, digits grouped by thousands, decimals,
    a scale word and a unit ("+3.1%", "£312,500", "A$1.2m", "−4 °C", "12.5 ms")."""
    dec, group = (",", r"[.\u202f\u00a0 ]") if mark == "," else (r"\.", r"[,\u202f\u00a0 ]")
    number = rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+|[½¼¾⅓⅔⅛⅜⅝⅞])?|{dec}\d+"
    return re.compile(
        rf"^(?P<s1>{_SIGN}?)\s?(?P<cur>{_CURRENCY}|)\s?(?P<s2>{_SIGN}?)(?P<num>{number})"
        r"\s?(?P<scale>thousand|million|billion|trillion|mln|mn|bn|tn|[kKmMbB](?![a-zA-Z])|)"
        r"\s?(?P<unit>%|pp|p\.p\.|°[CF]|[a-zA-Zµ°/²³]{1,12}|)\s?(?P<cur2>[$£€¥₩₹]|)$")


_CELLS = {mark: _cell_pattern(mark) for mark in (".", ",")}
_MONTH_STEMS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
#: a year in a column of years ("Opened | 1771", "Authorised | 1766"): no measure
_YEARISH = re.compile(r"^(?:1[5-9]|20)\d\d$")
#: a vulgar fraction after a number's digits: "31½ miles", "2¼"
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125,
              "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
#: labels that are periods, in order: years, seasons, quarters, halves, months
_PERIOD = re.compile(
    r"^(?:(?:FY\s?)?(?:1[89]|20)\d\d(?:[-–/](?:\d\d|(?:1[89]|20)\d\d))?"
    r"(?:[efp*]|\s?\((?:est|e|f|p)\.?\))?"  # (an estimate's mark: "2025-26e")
    r"|[QH][1-4]\s?(?:1[89]|20)\d\d"
    r"|(?:1[89]|20)\d\d\s?[QH][1-4]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?(?:\s(?:1[89]|20)\d\d)?"
    # (and days with their year: "19 March 2024", "March 19, 2024")
    r"|\d{1,2}\s[A-Z][a-z]{2,8}\.?\s(?:1[89]|20)\d\d|[A-Z][a-z]{2,8}\.?\s\d{1,2},\s(?:1[89]|20)\d\d)$")


@dataclass(frozen=True)
class TableCell:
    """One stated value: its row (0 = first data row), number (scale applied) and text."""

    row: int
    value: float
    stated: str
    #: the data row it is quoted from, when that is not ``row`` (a table turned on its
    #: side: years across the top, each measure a row)
    src: int = -1


@dataclass(frozen=True)
class TableColumn:
    """A column of one kind of number: its header and what its numbers are in."""

    header: str
    unit: str        # "%", "ms", "°C" … ("" for a bare count)
    currency: str    # "£", "A$" … ("")
    cells: tuple[TableCell, ...]

    @property
    def measure(self) -> str:
        """What the axis says the numbers are in: "£", "%", "ms" ("" for counts)."""
        return " ".join(x for x in (self.currency.strip(), self.unit) if x)


@dataclass(frozen=True)
class TableFigures:
    """The charted part of one table: row labels, the rows' quotes and lines, columns."""

    stem: str
    anchor: str
    text: str                    # the table's text (a chart is placed after it)
    label_header: str
    labels: tuple[str, ...]
    quotes: tuple[str, ...]      # each data row, its cells as the copy gives them
    lines: tuple[int, ...]       # each data row's source line
    periods: bool                # the labels are years, quarters or months, in order
    columns: tuple[TableColumn, ...]


#: a note's mark after a cell's number ("£314,600*", "¥154.1[1]", "3.2 (p)"): the number
#: stands, the mark goes with its stated text
_CELL_MARK = re.compile(r"\s?(?:\*+|[†‡§]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\((?:p|r|e|est\.?|prov\.?|"
                        r"provisional|revised|estimate)\))$")


def _value(cell: str, pattern: re.Pattern, mark: str) -> tuple[float, str, str] | None:
    """(number, currency, unit) of a cell stating one number, else None. ``mark`` "": the
    article's numbers do not settle its decimal mark, so a number with a mark is none
    ("3.420" in a German table is 3,420 €, and was charted as 3.42)."""
    m = pattern.match(_CELL_MARK.sub("", cell.strip()))
    if m is not None and not mark and re.search(r"\d[.,]\d", m.group("num")):
        return None
    if m is None or (m.group("s1") and m.group("s2")):
        return None
    digits = re.sub(r"[\s\u202f\u00a0" + ("." if mark == "," else ",") + "]", "",
                    m.group("num")).replace(",", ".")
    part = _FRACTIONS.get(digits[-1:], 0.0)
    value = float(digits[:-1] if part else digits) + part
    scale, cur, unit = m.group("scale"), m.group("cur") or m.group("cur2"), m.group("unit")
    if m.group("cur") and m.group("cur2"):
        return None
    if scale and not (cur or scale in _WORD_SCALES):
        # ("400m" is metres and "8GB" gigabytes: a letter scales only money)
        if unit:
            return None
        unit, scale = scale, ""
    if mark == "," and re.fullmatch(r"\d{1,3}(?:,\d{3})+", m.group("num")):
        return None  # ("14,205" where commas mark decimals: thousands in English, read as
        #              14.205 when one German quote set the article's mark; left out)
    if scale and len(scale) == 1 and re.search(r"\d[,.\s\u202f\u00a0]\d{3}", m.group("num")):
        return None  # ("€44,960b": a note's letter glued on, no billions)
    if unit and unit.lower().rstrip(".")[:3] in _MONTH_STEMS:
        return None  # ("3 Feb": a day, no quantity)
    value *= _SCALES.get(scale, 1.0)
    if (m.group("s1") or m.group("s2")) in ("-", "−", "–"):
        value = -value
    return value, cur.strip(), unit


def _column(header: str, cells: list[str], pattern: re.Pattern, mark: str,
            unmarked: frozenset[str] = frozenset(), year: bool = False) -> TableColumn | None:
    """The column's figures when every cell it fills states one number of one kind.
    ``unmarked``: the numbers of notes a text copy's article has no marker for; a number
    ending in one may be a value with its marker glued on ("8" and note 2 copied as
    "82"), so its column is left out."""
    if unmarked and any(_glued(c, unmarked) for c in cells):
        return None
    named = _value(header, pattern, mark) if header and not year else None  # (``year``:
    #        the header is one of the years across the top, "City | 2024 | 2025")
    if not header or _NOT_MEASURE.search(header.strip(" :")) or named and not named[2]:
        return None  # (a header that is a number: the table has no header row to name it;
        #              "2026 budget" names its column)
    found, kinds = [], set()
    for k, cell in enumerate(cells):
        if " ".join(cell.split()) in _MISSING:  # (a no-break space too: "k.\u00a0A.")
            continue
        got = _value(cell, pattern, mark)
        if got is None:
            return None
        value, cur, unit = got
        kinds.add((cur, unit))
        found.append(TableCell(k, value, cell.strip()))
    if len(found) < MIN_ROWS or len(kinds) != 1:
        return None
    cur, unit = kinds.pop()
    if not (cur or unit) and all(_YEARISH.match(c.stated) for c in found):
        return None  # (years: when something was, not how much)
    return TableColumn(header.strip(), unit, cur, tuple(found))


def _glued(cell: str, unmarked: frozenset[str]) -> bool:
    digits = re.sub(r"\D", "", cell)
    return any(len(digits) > len(n) and digits.endswith(n) for n in unmarked)


def unmarked_notes(article: Article) -> frozenset[str]:
    """The notes of a text copy's article that no block marks (their markers may be glued
    to a table's cells, which are read with none)."""
    if article.rich or not article.footnotes:
        return frozenset()
    marked: set[int] = set()
    for b in walk(article.blocks):
        for it in getattr(b, "items", ()):
            marked.update(n for _, n in it.marks)
        for p in getattr(b, "paragraphs", ()):
            marked.update(n for _, n in p.marks)
        marked.update(n for _, n in getattr(b, "marks", ()))
    return frozenset(str(f.number) for f in article.footnotes if f.number not in marked)


#: a row that sums or sums up the others: drawn beside them it dwarfs and counts them twice
_TOTAL = re.compile(r"^(?:(?:grand |sub-?)?totals?|extras|sundries)\b"  # (a scorecard's
                    # extras: no batter)
                    # ("All", "All stores", "Overall", "Average": a row of its own; "All-purpose
                    # flour", "Net income", "Average shelf price" are rows of the table)
                    r"|^all(?: [a-z]+s)?$|^(?:overall|combined|average|mean|net)(?: of all)?$"
                    # (a reference, no row of the others: "WHO guideline (2021)", "UK limit
                    # value", "Threshold")
                    r"|\b(?:guidelines?|limit values?|thresholds?)\b"
                    r"|\((?:all|total)\)$|\b(?:total|average|mean|median|overall)$"
                    # (in other languages: "Insgesamt", "Summe", "Moyenne", "Totale", "合計")
                    r"|^(?:insgesamt|gesamt|summe|durchschnitt|moyenne|ensemble|totale|totaal"
                    r"|gemiddeld|gemiddelde|razem|ogółem|suma|średnia"
                    r"|promedio|média|somma|soma)\b"
                    r"|^(?:合計|総計|小計|合计|总计|小计|平均|합계|총계|소계|평균|계)$", re.I)


#: a release's name: "v2.14.0", "2.13.2", "1.21"
_VERSION = re.compile(r"^v?\d+\.\d+(?:\.\d+)+$|^v\d+(?:\.\d+)*$")


def _label_of(cell: str) -> str:
    """A row's label without a note's mark after it ("2026[1]", "Leeds*"): a year with its
    footnote's marker read as no period, and the whole table went uncharted."""
    return _CELL_MARK.sub("", cell.strip()).strip()


#: a footnote's number after a row's label ("2026[1]", "2026¹"): a link in the text, no
#: mark a chart's reader needs
_FOOTNOTE_MARK = re.compile(r"\s?(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


def _shown_label(cell: str) -> str:
    """A row's label as its chart shows it: with a mark that qualifies the row ("2026*",
    "2025 (p)", "2024†": a part year, a provisional or estimated figure), which the chart
    had dropped ("2026" drawn as a whole year beside the others); without a footnote's
    number."""
    return _FOOTNOTE_MARK.sub("", cell.strip()).strip()


def _label_column(header: tuple[str, ...], data: list[tuple[str, ...]],
                  pattern: re.Pattern, mark: str) -> int | None:
    """The column that names the rows: the first of words, not numbers (a rank or
    position before the team's name is no label: "Pos | Team | P | W …")."""
    for c in range(min(3, len(header))):
        cells = [_label_of(r[c]) if c < len(r) else "" for r in data]
        if all(cells) and not all(_RANK_CELL.match(x) for x in cells) and (
                all(_PERIOD.match(x) for x in cells)
                or not all(_value(x, pattern, mark) for x in cells)):
            return c  # (years, quarters or months, or words; "1." is a rank)
        if not (_NOT_MEASURE.search(header[c].strip(" :"))
                or all(x.isdigit() or _RANK_CELL.match(x) for x in cells)):
            return None
    return None


def table_figures(article: Article, stem: str, table: Table, mark: str,
                  unmarked: frozenset[str] = frozenset()) -> TableFigures | None:
    """The figures of one table, or None when it has no column to chart (see module)."""
    rows = table.rows
    if len(rows) < 2 or len(rows) - 1 > MAX_ROWS or len(rows[0]) < 2:
        return None
    pattern = _CELLS.get(mark or ".", _CELLS["."])
    header = rows[0]
    across = [h.strip() for h in header[1:] if h.strip()]
    if len(across) >= MIN_ROWS and all(_PERIOD.match(h) for h in across) \
            and not _PERIOD.match(header[0].strip()):
        return _sideways(article, stem, table, pattern, mark, unmarked)
    if len(rows) < MIN_ROWS + 1:
        return None
    lc = _label_column(header, list(rows[1:]), pattern, mark)
    if lc is None:
        return None
    if all(_VERSION.match(_label_of(r[lc])) for r in rows[1:] if lc < len(r)):
        return None  # (rows of releases, "v2.14.0 | 1.21 | 3.12": their numbers are the
        #              versions each needs, "1.20" no value 1.2)
    kept = [k for k, r in enumerate(rows[1:]) if not _TOTAL.search(r[lc].strip())]
    data = [rows[1 + k] for k in kept]
    labels = [_label_of(r[lc]) for r in data]  # ("2026[1]": a note's mark is no label's)
    if len(data) < MIN_ROWS or len(set(labels)) != len(labels) or any(len(x) > 80 for x in labels):
        return None  # (a row label says which bar is which: each one, and once)
    years = [c for c in range(len(header)) if c != lc and _PERIOD.match(header[c].strip())]
    if len(years) >= 2 and _MEASURE_ROWS.match(header[lc].strip(" :")):
        return None  # (years across the top that did not make a table on its side, each
        #              row another measure: "Measure | 2024 | 2025", never one axis)
    if all(_PERIOD.match(x) for x in labels) and len(labels) > 1 and labels == sorted(
            labels, reverse=True):
        kept, data, labels = kept[::-1], data[::-1], labels[::-1]  # (newest first: in time)
    columns = []
    for c in (years if len(years) >= 2 else range(len(header))):
        # (rows of one kind by years across the top, "City | 2024 | 2025 | Change": the
        # years' columns, side by side; the rest is of another kind)
        if c == lc:
            continue
        col = _column(header[c], [r[c] if c < len(r) else "" for r in data], pattern, mark,
                      unmarked, year=len(years) >= 2)
        if col is not None and len({x.value for x in col.cells}) > 1 and not _level(col):
            columns.append(col)  # (a column of one value says nothing a bar could)
    if not columns:
        return None
    return TableFigures(stem, anchor_id(stem, article, table), table.text, header[lc].strip(),
                        tuple(_shown_label(r[lc]) for r in data),
                        tuple("\t".join(r).strip() for r in data),
                        _row_lines(article, table, kept),
                        all(_PERIOD.match(x) for x in labels), tuple(columns))


def _level(col) -> bool:
    """A column of whole numbers that differ by one at most, in four rows or more: a
    league table's games played ("P: 22, 22, 21, 22"), which its chart opened on and which
    says nothing a bar could."""
    values = [x.value for x in col.cells]
    return len(values) >= 4 and all(v == int(v) for v in values) and \
        max(values) - min(values) <= 1 and max(values) >= 5


def _row_lines(article: Article, table: Table, kept: list[int]) -> tuple[int, ...]:
    """The source line of each kept data row: its own in a text copy (the header's next
    lines), the item's in an HTML body."""
    return tuple(source_line(article, table.line if article.rich else table.line + 1 + k)
                 for k in kept)


def _sideways(article: Article, stem: str, table: Table, pattern: re.Pattern, mark: str,
              unmarked: frozenset[str]) -> TableFigures | None:
    """A table turned on its side ("Measure | 2023 | 2024 | 2025", a row per measure): the
    years are the periods, each row a line of its own, each value quoting its row."""
    header, rows = table.rows[0], table.rows[1:]
    periods = [c for c in range(1, len(header)) if header[c].strip()]
    kept = [k for k, r in enumerate(rows) if r[0].strip() and not _TOTAL.search(r[0].strip())]
    columns = []
    for i, k in enumerate(kept):
        r = rows[k]
        col = _column(r[0], [r[c] if c < len(r) else "" for c in periods], pattern, mark,
                      unmarked)
        if col is not None and len({x.value for x in col.cells}) > 1:
            columns.append(replace(col, cells=tuple(replace(x, src=i) for x in col.cells)))
    if not columns:
        return None
    return TableFigures(stem, anchor_id(stem, article, table), table.text, header[0].strip(),
                        tuple(header[c].strip() for c in periods),
                        tuple("\t".join(rows[k]).strip() for k in kept),
                        _row_lines(article, table, kept), True, tuple(columns))


def find_tables(article: Article, stem: str, mark: str) -> tuple[TableFigures, ...]:
    """Every table of the article with figures to chart (an aside's, an ad's, is not
    visited)."""
    out: list[TableFigures] = []
    unmarked: frozenset[str] | None = None

    def visit(blocks) -> None:
        nonlocal unmarked
        for b in blocks:
            if isinstance(b, Table):
                if unmarked is None:
                    unmarked = unmarked_notes(article)
                got = table_figures(article, stem, b, mark, unmarked)
                if got is not None:
                    out.append(got)
            elif isinstance(b, (Turn, Piece)):
                visit(b.blocks)
    visit(article.blocks)
    return tuple(out)
