"""Stage: place names -> gazetteer entries with coordinates, admin areas and precision."""

from __future__ import annotations

from badia.model import Document, Event


def locate_events(events: list[Event], document: Document) -> list[Event]:
    return events
