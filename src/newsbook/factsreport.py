"""How good is extraction? Automatic facts against the curated datasets, where both exist.

Only lines that curation covers are judged (a curated timeline, dataset or the
hand-made fact catalogue of the bundled copy, ``tests/fixtures/facts/``, names a
date there), because elsewhere there is no truth to compare with. Recall is
measured against the curated timelines and events. A dated statement
matches when a curated event on the same feed line names the same year (its start
or end year, or a year inside its range). A series point matches when a curated
row on the same line states the same value.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Score:
    name: str
    judged: int = 0        # automatic facts on curated lines
    correct: int = 0       # ... that match a curated fact
    truth: int = 0         # curated facts on lines the reader's text has
    found: int = 0         # ... that some automatic fact matches
    misses: tuple = ()
    wrong: tuple = ()

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.truth if self.truth else 1.0


def _year(value: str) -> int | None:
    value = (value or "").strip()
    return int(value[:4]) if len(value) >= 4 and value[:4].isdigit() else None


def curated_events(root: Path, plan) -> dict[int, list[tuple[int, int]]]:
    """feed line -> [(start year, end year)] from curated timelines and events.yml."""
    out: dict[int, list[tuple[int, int]]] = {}
    for e in plan.events:
        s, t = _year(e.date), _year(e.end or e.date)
        if s:
            out.setdefault(int(e.line), []).append((s, t or s))
    for spec in plan.charts:
        if spec.kind != "timeline":
            continue
        with (root / "data" / f"{spec.dataset}.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                s, t = _year(row.get(spec.start, "")), _year(row.get(spec.end, "") or "")
                if s and (row.get("line") or "").isdigit() and not row.get("derived"):
                    out.setdefault(int(row["line"]), []).append((s, t or s))
    return out


CATALOGUE = Path("tests/fixtures/facts/chinatalk-catalogue.csv")


def catalogue_years(path: Path) -> dict[int, list[tuple[int, int]]]:
    """feed line -> years the hand-made fact catalogue of the bundled copy names there
    (its ``period`` and ``value`` fields), as one-year spans."""
    out: dict[int, list[tuple[int, int]]] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not (row.get("line") or "").isdigit():
                continue
            text = f"{row.get('period', '')} {row.get('value', '') if row.get('kind') in ('date', 'event') else ''}"
            for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", text):
                out.setdefault(int(row["line"]), []).append((int(y), int(y)))
            for y in re.findall(r"(?<!\d)(1[89]\d|20\d)0s", text):
                out.setdefault(int(row["line"]), []).append((int(y) * 10, int(y) * 10 + 9))
    return out


def catalogue_values(path: Path) -> dict[int, set[float]]:
    """feed line -> numbers the fact catalogue states there (``value`` of number facts)."""
    out: dict[int, set[float]] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if (row.get("line") or "").isdigit() and row.get("kind") in ("number", "rank"):
                for v in re.findall(r"-?\d[\d,]*(?:\.\d+)?", row.get("value") or ""):
                    out.setdefault(int(row["line"]), set()).add(float(v.replace(",", "")))
    return out


def curated_values(root: Path, plan) -> dict[int, set[float]]:
    """feed line -> the numbers curated datasets state on it."""
    out: dict[int, set[float]] = {}
    for name, schema in plan.datasets.items():
        if not schema.value_columns:
            continue
        with (root / "data" / f"{name}.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if not (row.get("line") or "").isdigit() or row.get("derived"):
                    continue
                for col in schema.value_columns:
                    try:
                        out.setdefault(int(row["line"]), set()).add(float(row[col]))
                    except (TypeError, ValueError):
                        pass
    return out


def score_quantities(root: Path, plan, facts) -> Score:
    """Quantities on lines where the catalogue or a curated dataset states numbers."""
    values = curated_values(root, plan)
    for line, vals in catalogue_values(root / CATALOGUE).items():
        values.setdefault(line, set()).update(vals)
    return _judge_quantities("quantities", [q for fx in facts for q in fx.quantities], values)


def _judge_quantities(name: str, quantities, values: dict[int, set[float]]) -> Score:
    """A quantity on a line with known values is right when it states one of them."""
    out, wrong = Score(name), []
    for q in quantities:
        if q.line not in values:
            continue
        out.judged += 1
        if q.value in values[q.line] or q.magnitude() in values[q.line]:
            out.correct += 1
        else:
            wrong.append(f"l.{q.line}: {q.text!r}")
    out.wrong = tuple(wrong)
    return out


def score(root: Path, plan, facts) -> tuple[Score, Score]:
    """(dates, series points) scores of ``facts`` (one ArticleFacts per article)."""
    events, values = curated_events(root, plan), curated_values(root, plan)
    extra = catalogue_years(root / CATALOGUE)
    judge = {line: events.get(line, []) + extra.get(line, []) for line in set(events) | set(extra)}
    dates = Score("dated statements")
    auto_years: dict[int, set[int]] = {}
    wrong = []
    for fx in facts:
        for d in fx.dates:
            s, t = _year(d.start), _year(d.end) or _year(d.start)
            auto_years.setdefault(d.line, set()).update(range(s, t + 1) if s and t else ())
            if d.line not in judge or s is None:
                continue
            dates.judged += 1
            if any(a <= s <= b or a <= t <= b or s <= a <= t for a, b in judge[d.line]):
                dates.correct += 1
            else:
                wrong.append(f"l.{d.line}: {d.when!r} -> {d.start}..{d.end}")
    misses = []
    for line, spans in sorted(events.items()):
        for a, b in spans:
            dates.truth += 1
            if auto_years.get(line, set()) & set(range(a, b + 1)):
                dates.found += 1
            else:
                misses.append(f"l.{line}: {a}..{b}")
    dates.misses, dates.wrong = tuple(misses), tuple(wrong)
    series = _judge_quantities("series points", [p.quantity for fx in facts for s in fx.series
                                                 for p in s.points], values)
    return dates, series


def report(root: Path) -> tuple[Score, Score, Score]:
    """Read the book at ``root`` (its data/raw copies and curation) and score extraction."""
    from .book import assign_stems
    from .cli import read_feeds
    from .extract import extract_article
    from .plan import load_plan
    plan = load_plan(root)
    articles = read_feeds(sorted((root / "data" / "raw").glob("*.txt")), [], plan.hints)
    stems = assign_stems(articles)
    facts = [extract_article(a, s) for a, s in zip(articles, stems)]
    return (*score(root, plan, facts), score_quantities(root, plan, facts))


def main() -> int:
    dates, series, quantities = report(Path("."))
    print(f"{'facts':<18} {'precision':>10} {'recall':>8}  judged / curated")
    for s in (dates, series):
        print(f"{s.name:<18} {s.precision:>9.1%} {s.recall:>8.1%}  {s.correct}/{s.judged} "
              f"correct, {s.found}/{s.truth} curated found")
    print(f"{quantities.name:<18} {quantities.precision:>9.1%} {'':>8}  "
          f"{quantities.correct}/{quantities.judged} correct (for information)")
    print("target: precision >= 95% (dated statements and series points)")
    for s in (dates, series):
        for w in s.wrong[:15]:
            print(f"  not in curation ({s.name}): {w}")
    return 0 if min(dates.precision, series.precision) >= 0.95 else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
