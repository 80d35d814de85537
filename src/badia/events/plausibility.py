"""Bounds on what a report can state: a count beyond them is a misreading, not a figure.

Three kinds of count, three bounds (named constants, so a reader can see and argue
with them):

- one event (one action, at most a month long): ``MAX_KILLED_ONE_EVENT``. The deadliest
  single attacks of the Syrian and Iraqi wars are counted in the hundreds to low
  thousands (the 2013 Ghouta chemical attack: estimates up to about 1,700); the bound
  leaves an order of magnitude of room.
- one tally (a count over a period): ``MAX_KILLED_ONE_TALLY``. Whole-war estimates for
  Syria are of the order of 600,000; a tally of more than this bound is no count of
  this region's wars.
- one period: a tally may not exceed ``MAX_KILLED_PER_DAY`` for each day of its
  period (a one-month tally of a million dead is a misreading even under the tally bound).

A value beyond its bound is dropped (unknown, never clipped to the bound) with a
logged warning naming the document and the character span it was read from.
"""

from __future__ import annotations

import logging

from badia.model import Event, Fatality, Tally

__all__ = [
    "MAX_KILLED_ONE_EVENT",
    "MAX_KILLED_ONE_TALLY",
    "MAX_KILLED_PER_DAY",
    "plausible_events",
    "plausible_tallies",
]

MAX_KILLED_ONE_EVENT = 20_000
MAX_KILLED_ONE_TALLY = 1_000_000
MAX_KILLED_PER_DAY = 5_000

log = logging.getLogger("badia.plausibility")


def plausible_events(events: list[Event]) -> list[Event]:
    """``events`` with every killed or wounded count above the one-event bound removed."""
    out = []
    for event in events:
        fatalities = _within(event, event.fatalities, "killed")
        wounded = _within(event, event.wounded, "wounded")
        if fatalities is not event.fatalities or wounded is not event.wounded:
            event = event.model_copy(update={"fatalities": fatalities, "wounded": wounded})
        out.append(event)
    return out


def _within(event: Event, counts: list[Fatality], what: str) -> list[Fatality]:
    kept = [f for f in counts if 0 <= f.killed <= MAX_KILLED_ONE_EVENT]
    if len(kept) == len(counts):
        return counts
    for f in counts:
        if f not in kept:
            log.warning(
                "%s [%d:%d]: %s count %d for one event is beyond the bound %d; dropped",
                event.doc, event.start, event.end, what, f.killed, MAX_KILLED_ONE_EVENT,
            )
    return kept


def tally_bound(tally: Tally) -> int:
    """The largest count a tally of this period can state."""
    if tally.period_start is None or tally.period_end is None:
        return MAX_KILLED_ONE_TALLY
    days = (tally.period_end - tally.period_start).days + 1
    return min(MAX_KILLED_ONE_TALLY, max(days, 1) * MAX_KILLED_PER_DAY)


def plausible_tallies(tallies: list[Tally]) -> list[Tally]:
    """``tallies`` without those whose count is beyond the tally or period bound."""
    out = []
    for tally in tallies:
        bound = tally_bound(tally)
        if 0 <= tally.killed <= bound:
            out.append(tally)
            continue
        log.warning(
            "%s [%d:%d]: tally of %d killed is beyond the bound %d for its period; dropped",
            tally.doc, tally.start, tally.end, tally.killed, bound,
        )
    return out
