"""Stage: events and casualty tallies built from the mentions of each clause."""

from badia.events.build import build_events

__all__ = ["build_events"]
