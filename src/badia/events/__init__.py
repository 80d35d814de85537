"""Stage: events and casualty tallies built from the mentions of each clause."""

from __future__ import annotations

from badia.model import Document, Event, Tally


def build_events(document: Document) -> tuple[list[Event], list[Tally]]:
    return [], []
