"""Chart specs: each chart is data (one YAML block), rendered by a small set of kinds.

A spec names its dataset, where it goes (chapter + the text of the paragraph it
follows), its kind and the columns each visual channel reads (the encodings),
plus the title (said once, here), a summary for screen readers and notes. The
kinds live in :mod:`newsbook.charts.kinds`; no chart has Python of its own
except the few ``custom`` ones (at most five, listed in ``CUSTOM``).
"""
from __future__ import annotations

from dataclasses import asdict, field, fields
from typing import Annotated, Literal, Optional, Union

from .models import KEY, STEM, Field, Strict, schema

#: the only functions a ``custom`` spec may name (newsbook.charts.kinds.custom)
CUSTOM = ("app_features", "ldp_entry", "ar_price_bands", "book_at_a_glance")
#: automatic chart families a curated spec can replace or a chapter file can suppress
AUTO_FAMILIES = ("timeline", "series", "speakers", "tables", "connections")


@schema
class Live(Strict):
    """Controls of the live ipywidgets explorer (JupyterLab only)."""

    filter: Optional[str] = None
    slider: Optional[str] = None


@schema
class Spec(Strict):
    """Fields every kind shares."""

    key: Annotated[str, Field(pattern=KEY)]
    dataset: Annotated[str, Field(pattern=KEY)]
    chapter: Annotated[str, Field(pattern=r"^$|" + STEM)] = ""
    after: str = ""
    title: Annotated[str, Field(min_length=1)]
    summary: Annotated[str, Field(min_length=1)]
    notes: list[str] = field(default_factory=list)
    replaces_caption: bool = False
    replaces: list[Literal["timeline", "series", "speakers", "tables", "connections"]] = field(
        default_factory=list)
    live: Optional[Live] = None
    where: dict[str, str] = field(default_factory=dict)  # keep only rows whose column equals
    auto: str = ""                      # automatic family that made it ("" = curated)

    def columns(self) -> dict[str, str]:
        """Encoding channel -> dataset column, for validation against the schema."""
        skip = {f.name for f in fields(Spec)} | {
            "kind", "lanes", "orientation", "axis", "function", "controls", "log", "centre",
            "control", "height", "colour_index", "layout"}
        out = {name: value for name, value in self.__dict__.items()
               if name not in skip and isinstance(value, str) and value}
        out.update({f"where.{c}": c for c in self.where})
        if self.live:
            out.update({f"live.{k}": v for k, v in asdict(self.live).items() if v})
        return out


@schema
class Bars(Spec):
    """Horizontal bars, one per row, value labels with qualifiers as stated."""

    kind: Literal["bars"]
    label: str
    value: str
    qualifier: str = ""
    text: str = ""            # a column with the label to print instead of the number
    unit: str = ""            # a column whose text follows the number in the label
    axis: str
    log: bool = False
    colour_index: int = 0


@schema
class Grouped(Spec):
    """Bars grouped by ``colour`` and switched between ``facet`` values by a toggle."""

    kind: Literal["grouped"]
    label: str
    value: str
    facet: str = ""
    colour: str = ""
    qualifier: str = ""
    text: str = ""
    axis: Union[str, dict[str, str]]
    orientation: Literal["h", "v"] = "h"
    control: Literal["buttons", "dropdown"] = "buttons"


@schema
class Timeline(Spec):
    """Swim-lane timeline; dates coarser than a day are drawn as spans."""

    kind: Literal["timeline"]
    lane: str = ""
    label: str
    start: str
    end: str = ""
    precision: str = ""
    lanes: list[str] = field(default_factory=list)
    controls: bool = True
    axis: str = "Year"
    layout: Literal["lanes", "rows"] = "lanes"   # rows: one row per statement (many spans)
    link: str = ""            # column holding a chapter-relative href (book timeline)


@schema
class Series(Spec):
    """Values over time (a line with markers), each label exactly as stated."""

    kind: Literal["series"]
    period: str
    value: str
    group: str = ""
    qualifier: str = ""
    text: str = ""
    axis: str
    unit: str = ""            # a column whose text follows the number in the label


@schema
class Share(Spec):
    """Parts of a whole as a donut; the centre names the whole."""

    kind: Literal["share"]
    label: str
    value: str
    centre: str = ""


@schema
class Dumbbell(Spec):
    """One row per ``label``: a segment from the first to the last ``period``."""

    kind: Literal["dumbbell"]
    label: str
    value: str
    period: str
    text: str = ""
    axis: str


@schema
class Custom(Spec):
    """The escape hatch: a named function in ``newsbook.charts.kinds.custom``."""

    kind: Literal["custom"]
    function: Literal[CUSTOM]  # type: ignore[valid-type]


ChartSpec = Annotated[Union[Bars, Grouped, Timeline, Series, Share, Dumbbell, Custom],
                      Field(discriminator="kind")]
KINDS = ("bars", "grouped", "timeline", "series", "share", "dumbbell", "custom")


@schema
class ChartFile(Strict):
    """``data/charts/<chapter>.yml``: the chapter's curated charts and its wishes about
    automatic ones (``suppress: [timeline]`` turns the automatic timeline off)."""

    chapter: Annotated[str, Field(pattern=r"^$|" + STEM)]
    suppress: list[Literal["timeline", "series", "speakers", "tables", "connections"]] = field(
        default_factory=list)
    charts: list[ChartSpec] = field(default_factory=list)
