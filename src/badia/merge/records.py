"""Typed records of the cross-document stage (merged events, claims, casualty rows,
control of places, order of battle).

They live here rather than in ``badia.model`` because only the merge stage and the
presenters downstream of it speak them. Same house rules: strict fields, unknown is
``None``, and every figure keeps the ids of the extracted records it came from.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from badia.model import DatePrecision, EventType, Place, Record, Side

TypeFamily = Literal[
    "battle", "capture", "withdrawal", "remote", "civilian_violence", "deployment", "other"
]

# A control period's holder: a coarse side, or one of the two states of not knowing.
Holder = Side | Literal["contested"]


# --------------------------------------------------------------------- merged events


class MergedSource(Record):
    """One telling: an extracted event that a merged event stands for, with its document,
    quote, character span in that document and claimant (``source``)."""

    event_id: str
    doc: str
    doc_id: str
    quote: str
    start: int | None = None  # span of the quote in the document (None in merges saved
    end: int | None = None  # before spans were kept)
    type: EventType
    date_start: date | None
    date_end: date | None
    date_precision: DatePrecision | None
    source: str | None = None


class ClaimedFigure(Record):
    """One number of killed as one claimant gives it, and the record that states it."""

    side: Side
    killed: int
    claimant: str  # the fatality's source, else the event's source, else "doc:<name>"
    record_id: str  # event id or tally id
    doc: str


class MergedEvent(Record):
    """One real event, as told by one or more documents (a singleton has one source)."""

    id: str  # "m:<hash of the sorted source event ids>"
    type: EventType
    types: list[EventType]  # every source's type (a family can mix attack and clash)
    family: TypeFamily
    date_start: date | None
    date_end: date | None
    date_precision: DatePrecision | None
    actor1: list[str] = Field(default_factory=list)
    side1: Side | None = None
    actor2: list[str] = Field(default_factory=list)
    side2: Side | None = None
    locations: list[str] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    admin1: str | None = None
    fatalities: list[ClaimedFigure] = Field(default_factory=list)
    sources: list[MergedSource]
    reasons: list[str] = Field(default_factory=list)  # one per merge made, empty for singletons

    @property
    def documents(self) -> list[str]:
        return sorted({s.doc for s in self.sources})


# --------------------------------------------------------------------- claims


class Claim(Record):
    """UCDP-style low / best / high for one side of one merged event or tally period."""

    subject_kind: Literal["event", "tally"]
    subject_id: str  # merged event id, or "tally:<side>:<start>:<end>"
    side: Side
    period_start: date | None = None
    period_end: date | None = None
    figures: list[ClaimedFigure]
    low: int
    low_claimant: str
    best: int
    best_claimant: str
    best_rule: str  # which rule chose ``best`` (see badia.merge.claims)
    high: int
    high_claimant: str

    @property
    def disagree(self) -> bool:
        return self.low != self.high


# --------------------------------------------------------------------- casualties


class CasualtyRow(Record):
    """Killed for one side over one period, as one source (or the events) gives it."""

    period: str  # the bucket label ("2017", "2017-02") or the span of a longer tally
    period_start: date
    period_end: date
    side: Side
    kind: Literal["tally", "events"]
    source: str  # claimant label; "events" for sums of event fatalities
    killed: int
    counted: int  # the part of ``killed`` that counts towards a total without double counting
    flags: list[str] = Field(default_factory=list)
    record_ids: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------- control


class ControlEvidence(Record):
    event_id: str
    doc: str
    quote: str
    type: EventType
    date_start: date | None
    date_end: date | None
    side1: Side | None
    partial: bool = False


class ControlPeriod(Record):
    """Who held a place from ``start`` to ``end`` (``None``: still holding, as far as told)."""

    key: str  # normalised place key (badia.merge.keys.place_key)
    place: str  # the name as first written
    side: Holder
    start: date | None
    end: date | None = None
    parties: list[Side] = Field(default_factory=list)  # for "contested": who shares it
    note: str | None = None
    evidence: list[ControlEvidence] = Field(default_factory=list)


# --------------------------------------------------------------------- order of battle


class OobCommander(Record):
    name: str
    status: Literal["KIA", "WIA"] | None = None
    documents: list[str] = Field(default_factory=list)


class OobUnit(Record):
    name: str
    documents: list[str] = Field(default_factory=list)
    children: list[OobUnit] = Field(default_factory=list)


class OobSide(Record):
    side: Side
    combatants: list[OobUnit] = Field(default_factory=list)  # flat; documents per name
    commanders: list[OobCommander] = Field(default_factory=list)
    units: list[OobUnit] = Field(default_factory=list)


# --------------------------------------------------------------------- everything


class MergeResult(Record):
    merged_events: list[MergedEvent] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    casualties: list[CasualtyRow] = Field(default_factory=list)
    control: list[ControlPeriod] = Field(default_factory=list)
    order_of_battle: list[OobSide] = Field(default_factory=list)

    @property
    def cross_document(self) -> list[MergedEvent]:
        return [m for m in self.merged_events if len(m.sources) > 1]
