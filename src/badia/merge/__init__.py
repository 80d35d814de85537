"""Stage package: merge. Across documents: merged events, casualty claims (low / best /
high), casualty accounting, control of places over time, and the order of battle.

Every function here is pure over lists of records (``compute_merge``); ``run_merge``
is the one place that reads the store and writes the result back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from badia.merge.casualties import casualty_table
from badia.merge.claims import build_claims
from badia.merge.control import control_timelines
from badia.merge.events import merge_events
from badia.merge.order_of_battle import order_of_battle
from badia.merge.records import MergeResult
from badia.model import Event, Infobox, Tally

if TYPE_CHECKING:
    from badia.store import Store

__all__ = [
    "MergeResult",
    "casualty_table",
    "compute_merge",
    "control_timelines",
    "merge_events",
    "order_of_battle",
    "run_merge",
]


def compute_merge(
    events: Sequence[Event],
    tallies: Sequence[Tally],
    infoboxes: Sequence[tuple[str, str, Infobox]] = (),
    by: str = "year",
) -> MergeResult:
    """Everything the merge stage derives from the extracted records."""
    merged = merge_events(events)
    return MergeResult(
        merged_events=merged,
        claims=build_claims(merged, tallies),
        casualties=casualty_table(events, tallies, by=by, merged=merged),  # type: ignore[arg-type]
        control=control_timelines(events),
        order_of_battle=order_of_battle(infoboxes),
    )


def run_merge(store: Store) -> MergeResult:
    """Read events, tallies and infoboxes from the store, merge, save, return the result."""
    from badia.store.merged import save_merge  # the store imports our records: import late

    result = compute_merge(store.events(), store.tallies(), store.infoboxes())
    save_merge(store, result)
    return result
