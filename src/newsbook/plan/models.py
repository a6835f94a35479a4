"""Typed schemas of every hand-made input, so bad curation is caught on load.

Each schema mirrors one YAML file under ``data/``. Unknown keys are errors
(``extra="forbid"``) except where a file documents free-form extras
(``mentions``, ``found_in``...). Chart specs live in :mod:`newsbook.plan.charts`.

Why standard-library dataclasses that pydantic validates (:func:`adapter`), rather than
pydantic models: a conversion whose curation has not changed loads its plan from the
cache and validates nothing, and then never imports pydantic, which alone took 80-90 ms
of the bundled copy's 0.5 s conversion (issue 11). pydantic still checks every field
exactly as before whenever a file is validated: the constraints are written in the
annotations as :class:`Field` markers, which only pydantic reads, and
``__pydantic_config__`` carries each schema's ``extra`` rule.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Annotated, Literal, Optional

KEY = r"^[a-z0-9_]+$"
STEM = r"^[a-z0-9][a-z0-9-]*$"
ISO = r"^\d{4}(-\d{2}(-\d{2})?)?$"

#: every schema: immutable, fields named at construction
schema = dataclass(frozen=True, kw_only=True)


class Field:
    """A field's constraints (``pattern``, ``min_length``, ``discriminator``), in
    pydantic's own words, kept until pydantic reads them: only then is pydantic imported
    and handed ``Annotated[type, pydantic.Field(...)]`` (``__get_pydantic_core_schema__``,
    pydantic's hook for annotations it does not know)."""

    def __init__(self, **constraints) -> None:
        self.constraints = constraints

    def __repr__(self) -> str:
        return f"Field({self.constraints})"

    def __get_pydantic_core_schema__(self, source, handler):
        from pydantic import Field as pydantic_field
        return handler.generate_schema(Annotated[source, pydantic_field(**self.constraints)])


@functools.lru_cache(maxsize=None)
def adapter(tp):
    """pydantic's validator (and serializer) of ``tp``, built once per process."""
    from pydantic import TypeAdapter
    return TypeAdapter(tp)


class Strict:
    __pydantic_config__ = {"extra": "forbid"}


class Loose:
    __pydantic_config__ = {"extra": "ignore"}


@schema
class BookSettings(Strict):
    """``data/curation/book.yml``; every key optional (an uncurated book has none)."""

    title: Optional[str] = None
    author: Optional[str] = None
    publication: Optional[str] = None
    intro: Optional[str] = None
    repository_url: str = ""
    branch: str = "main"
    jupyterhub_url: str = ""


@schema
class Theme(Strict):
    name: Annotated[str, Field(min_length=1)]
    chapters: list[str] = field(default_factory=list)


@schema
class ThemesFile(Strict):
    themes: list[Theme] = field(default_factory=list)


@schema
class Hint(Strict):
    text: Annotated[str, Field(min_length=1)]
    kind: Literal["caption", "heading", "paragraph"]


@schema
class HintsFile(Strict):
    hints: list[Hint] = field(default_factory=list)


@schema
class GlossaryTerm(Loose):
    hanzi: Annotated[str, Field(min_length=1)]
    pinyin: str = ""
    gloss: str = ""
    gloss_source: Literal["feed", "editorial", ""] = ""
    kind: str = "term"
    lang: Literal["zh", "ja", "ko"] = "zh"
    line: Optional[int] = None


@schema
class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = field(default_factory=list)


@schema
class PersonEntry(Loose):
    name: Annotated[str, Field(min_length=1)]
    kind: Literal["person", "organisation"] = "person"
    aliases: Annotated[list[str], Field(min_length=1)]
    whole_word: bool = False
    chapters: list[str] = field(default_factory=list)


@schema
class PeopleFile(Strict):
    entries: list[PersonEntry] = field(default_factory=list)


@schema
class EventEntry(Loose):
    date: Annotated[str, Field(pattern=ISO)]
    end: Optional[Annotated[str, Field(pattern=ISO)]] = None
    precision: Literal["day", "month", "year", "decade", "season", "half", "quarter",
                       "fiscal_year", "range", "planned", "relative", "approximate"]
    label: Annotated[str, Field(min_length=1)]
    chapter: Annotated[str, Field(pattern=STEM)]
    theme: str = ""
    quote: Annotated[str, Field(min_length=1)]
    line: int
    derived: Optional[str] = None
    note: Optional[str] = None


@schema
class EventsFile(Strict):
    events: list[EventEntry] = field(default_factory=list)


@schema
class LostFigure(Strict):
    chapter: Annotated[str, Field(pattern=STEM)]
    caption: Annotated[str, Field(min_length=1)]
    note: Annotated[str, Field(min_length=1)]


@schema
class DatasetSchema(Strict):
    """One entry of ``data/datasets.yml``: the columns a CSV must have, in order.
    (No title: a chart's title lives once, in its spec.)"""

    chapter: str = ""
    description: str = ""
    columns: dict[str, str]
    source: Literal["feed", "external", "mixed", "generated"] = "feed"
    value_columns: list[str] = field(default_factory=list)
    date_columns: list[str] = field(default_factory=list)
