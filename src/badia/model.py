"""The typed records every pipeline stage reads and writes.

Every extracted value keeps the character span it came from (``start``/``end``
are Python string offsets into ``Document.text``, end exclusive), so any figure
in any output can be traced back to the sentence that states it. Unknown values
are ``None``, never an invented default.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Side = Literal[
    "government",
    "russia",
    "opposition",
    "islamic_state",
    "coalition",
    "civilians",
    "unknown",
    "pro_government_foreign",
]
SIDES: tuple[str, ...] = Side.__args__  # type: ignore[attr-defined]

EventType = Literal[
    "attack",
    "clash",
    "ambush",
    "capture",
    "withdrawal",
    "airstrike",
    "shelling",
    "bombing",
    "civilian_violence",
    "deployment",
    "other",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

DatePrecision = Literal["day", "range", "month", "year"]
DocFormat = Literal["dump", "mirror", "markdown", "news", "wikitext", "html", "jsonl", "text"]


class Record(BaseModel):
    """Base for all records: strict fields, no silent extras."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------- read / structure


class Sentence(Record):
    start: int
    end: int
    text: str  # always ``Document.text[start:end]``
    # the same characters with the reader's inline markup (emphasis, link and image
    # syntax) blanked to spaces, same length, so offsets hold; None when there is none
    prose: str | None = None

    def reading(self) -> str:
        """What later stages read: the prose view when the reader made one, else the text."""
        return self.prose if self.prose is not None else self.text


class Citation(Record):
    """A citation marker such as ``[12]`` in the body, linked to its reference."""

    marker: str
    start: int
    end: int
    ref_number: int | None = None


class Paragraph(Record):
    start: int
    end: int
    sentences: list[Sentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)


class Section(Record):
    heading: str | None  # None for the lead before the first heading
    level: int  # 1 for the lead / title level, 2 for ==H==, 3 for ===H===, ...
    start: int  # offset of the heading line (or of the first paragraph for the lead)
    end: int
    paragraphs: list[Paragraph] = Field(default_factory=list)


class Reference(Record):
    number: int
    text: str
    start: int
    end: int


class Commander(Record):
    name: str
    status: Literal["KIA", "WIA"] | None = None


class Unit(Record):
    name: str
    children: list[Unit] = Field(default_factory=list)


class InfoboxCasualty(Record):
    killed: int | None
    label: str


class InfoboxSide(Record):
    combatants: list[str] = Field(default_factory=list)
    commanders: list[Commander] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    strength: list[str] = Field(default_factory=list)
    casualties: list[InfoboxCasualty] = Field(default_factory=list)


class Phase(Record):
    label: str | None
    start: date | None
    end: date | None


class Infobox(Record):
    name: str | None = None
    part_of: list[str] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    result: list[str] = Field(default_factory=list)
    sides: list[InfoboxSide] = Field(default_factory=list)
    start: int | None = None  # span of the infobox block in the document
    end: int | None = None


class Document(Record):
    id: str  # sha256 of the raw bytes (hex, first 16 chars)
    source: str  # path or stream name the document came from (never used as a path again)
    name: str  # file name, used as ``doc`` in event outputs
    format: DocFormat
    text: str  # the decoded original text; every offset points into it
    title: str | None = None
    published: date | None = None  # a news story's publication date: a story date
    # when a copy of the page was made (a mirror's ``pubDate:``, "Retrieved ...", "accessed");
    # never a date of anything the document tells
    retrieved: date | None = None
    sections: list[Section] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    infobox: Infobox | None = None

    def sentences(self) -> list[tuple[Section, Paragraph, Sentence]]:
        """All body sentences in reading order, with their section and paragraph."""
        return [
            (sec, par, sent)
            for sec in self.sections
            for par in sec.paragraphs
            for sent in par.sentences
        ]


# --------------------------------------------------------------------- mentions / time


class Mention(Record):
    """A span of text recognised as an actor, place, number or event trigger."""

    kind: Literal["actor", "place", "number", "trigger", "claimant"]
    text: str
    start: int
    end: int
    key: str | None = None  # lexicon id (canonical actor name, trigger type, ...)
    side: Side | None = None
    value: int | None = None  # numbers: the lower bound


class TimeValue(Record):
    """A resolved date interval."""

    start: date
    end: date
    precision: DatePrecision


class TimeMention(Record):
    """A time expression found in the text, resolved against the narrative."""

    text: str
    start: int
    end: int
    value: TimeValue | None = None  # None when it cannot be pinned down
    relative: bool = False  # counted from the narrative reference time


# --------------------------------------------------------------------- places


class Place(Record):
    """A place mention, and where the gazetteer put it (``None`` when unresolved)."""

    name: str
    start: int | None = None
    end: int | None = None
    gazetteer_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    geo_precision: Literal[1, 2, 3] | None = None  # ACLED
    where_prec: Literal[1, 2, 3, 4, 5, 6, 7] | None = None  # UCDP GED
    relation: str | None = None  # e.g. "75 km southeast of Damascus"
    # document offsets of the place the relation names when the point is that place's (the
    # "Damascus" of "75 km southeast of Damascus"): the anchor of a name no source places
    anchor_start: int | None = None
    anchor_end: int | None = None


# --------------------------------------------------------------------- events


class Fatality(Record):
    side: Side
    killed: int
    source: str | None = None


class Event(Record):
    """One action by one side at one time, with its source span (GUIDELINES section 1)."""

    id: str  # "<doc_id>:<start>:<n>"
    doc: str  # document file name
    doc_id: str
    quote: str
    start: int
    end: int
    date_start: date | None
    date_end: date | None
    date_precision: DatePrecision | None
    type: EventType
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: list[str] = Field(default_factory=list)
    side1: Side | None = None
    actor2: list[str] = Field(default_factory=list)
    side2: Side | None = None
    locations: list[str] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    admin1: str | None = None
    fatalities: list[Fatality] = Field(default_factory=list)
    wounded: list[Fatality] = Field(default_factory=list)
    source: str | None = None


class Tally(Record):
    """An aggregate count of people killed over a period (GUIDELINES section 2)."""

    id: str
    doc: str
    doc_id: str
    quote: str
    start: int
    end: int
    period_start: date | None
    period_end: date | None
    side: Side
    killed: int
    source: str | None = None


class Extraction(Record):
    """Everything extracted from one document."""

    document: Document
    events: list[Event] = Field(default_factory=list)
    tallies: list[Tally] = Field(default_factory=list)
