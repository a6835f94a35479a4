"""Typed schemas of every hand-made input (pydantic), so bad curation is caught on load.

Each model mirrors one YAML file under ``data/``. Unknown keys are errors
(``extra="forbid"``) except where a file documents free-form extras
(``mentions``, ``found_in``...). Chart specs live in :mod:`newsbook.plan.charts`.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

KEY = r"^[a-z0-9_]+$"
STEM = r"^[a-z0-9][a-z0-9-]*$"
ISO = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Loose(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class BookSettings(Strict):
    """``data/curation/book.yml``; every key optional (an uncurated book has none)."""

    title: Optional[str] = None
    author: Optional[str] = None
    publication: Optional[str] = None
    intro: Optional[str] = None
    repository_url: str = ""
    branch: str = "main"
    jupyterhub_url: str = ""


class Theme(Strict):
    name: str = Field(min_length=1)
    chapters: list[str] = []


class ThemesFile(Strict):
    themes: list[Theme] = []


class Hint(Strict):
    text: str = Field(min_length=1)
    kind: Literal["caption", "heading", "paragraph"]


class HintsFile(Strict):
    hints: list[Hint] = []


class GlossaryTerm(Loose):
    hanzi: str = Field(min_length=1)
    pinyin: str = ""
    gloss: str = ""
    gloss_source: Literal["feed", "editorial", ""] = ""
    kind: str = "term"
    lang: Literal["zh", "ja", "ko"] = "zh"
    line: Optional[int] = None


class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = []


class PersonEntry(Loose):
    name: str = Field(min_length=1)
    kind: Literal["person", "organisation"] = "person"
    aliases: list[str] = Field(min_length=1)
    whole_word: bool = False
    chapters: list[str] = []


class PeopleFile(Strict):
    entries: list[PersonEntry] = []


class EventEntry(Loose):
    date: str = Field(pattern=ISO)
    end: Optional[str] = Field(default=None, pattern=ISO)
    precision: Literal["day", "month", "year", "decade", "season", "half", "quarter",
                       "fiscal_year", "range", "planned", "relative"]
    label: str = Field(min_length=1)
    chapter: str = Field(pattern=STEM)
    theme: str = ""
    quote: str = Field(min_length=1)
    line: int
    derived: Optional[str] = None
    note: Optional[str] = None


class EventsFile(Strict):
    events: list[EventEntry] = []


class LostFigure(Strict):
    chapter: str = Field(pattern=STEM)
    caption: str = Field(min_length=1)
    note: str = Field(min_length=1)


class DatasetSchema(Strict):
    """One entry of ``data/datasets.yml``: the columns a CSV must have, in order.
    (No title: a chart's title lives once, in its spec.)"""

    chapter: str = ""
    description: str = ""
    columns: dict[str, str]
    source: Literal["feed", "external", "mixed", "generated"] = "feed"
    value_columns: list[str] = []
    date_columns: list[str] = []
