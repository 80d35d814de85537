"""The draft of an event while a document is read: mentions, not yet a typed record."""

from __future__ import annotations

from dataclasses import dataclass, field

from badia.events.casualties import Casualty
from badia.events.clauses import Clause
from badia.mentions.triggers import Trigger
from badia.model import Mention, TimeValue

BATTLE_TYPES = {"attack", "clash", "ambush", "capture"}


@dataclass
class Draft:
    clause: Clause
    sentence_start: int
    sentence_end: int
    type: str
    trigger: Trigger
    actor1: list[Mention]
    actor2: list[Mention]
    date: TimeValue | None
    places: list[Mention] = field(default_factory=list)
    casualties: list[tuple[Casualty, str | None]] = field(default_factory=list)
    source: str | None = None
    lead: bool = False
    dated: bool = False  # the clause states its own calendar date ("On 2 March, ...")
    # the sentence sets its act apart on another front ("Elsewhere, ...", GUIDELINES 1b)
    other_front: bool = False
    # the sentence opens on "Another strike ...": a second act, one event with the first
    # only where it hits a place the first did (GUIDELINES 1b)
    another: bool = False


def side_of(d: Draft) -> str | None:
    return d.actor1[0].side if d.actor1 else None
