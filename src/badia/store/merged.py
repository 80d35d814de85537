"""The merge stage's tables in the store: merged events, their sources, claims,
casualty rows, control periods and the order of battle.

Like the extraction tables, each row keeps its full record as JSON (so records
round-trip exactly) plus flat columns for SQL. A merge is a function of the whole store,
so saving it replaces every merge table at once, in one transaction: a reader never sees
a mix of two merges, and a failure leaves the previous merge in place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from badia.merge.records import (
    CasualtyRow,
    Claim,
    ControlPeriod,
    MergedEvent,
    MergeResult,
    OobSide,
)
from badia.store.db import Store

__all__ = [
    "save_merge",
    "load_merge",
    "load_merged_events",
    "load_claims",
    "load_casualties",
    "load_control",
    "load_order_of_battle",
    "has_merge",
    "MergeState",
    "merge_state",
    "merged_view",
]

_TABLES = (
    """CREATE TABLE IF NOT EXISTS merged_events (
        id VARCHAR PRIMARY KEY,
        type VARCHAR,
        family VARCHAR,
        date_start DATE,
        date_end DATE,
        date_precision VARCHAR,
        side1 VARCHAR,
        side2 VARCHAR,
        admin1 VARCHAR,
        n_sources INTEGER,
        reasons JSON,
        record JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS merged_sources (
        merged_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        doc VARCHAR,
        doc_id VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS claims (
        subject_kind VARCHAR,
        subject_id VARCHAR,
        side VARCHAR,
        low BIGINT,
        low_claimant VARCHAR,
        best BIGINT,
        best_claimant VARCHAR,
        best_rule VARCHAR,
        high BIGINT,
        high_claimant VARCHAR,
        record JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS casualties (
        seq INTEGER,
        period VARCHAR,
        period_start DATE,
        period_end DATE,
        side VARCHAR,
        kind VARCHAR,
        source VARCHAR,
        killed BIGINT,
        counted BIGINT,
        record JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS control_periods (
        seq INTEGER,
        key VARCHAR,
        place VARCHAR,
        side VARCHAR,
        start_date DATE,
        end_date DATE,
        record JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS order_of_battle (
        seq INTEGER,
        side VARCHAR,
        record JSON NOT NULL
    )""",
)
_NAMES = (
    "merged_events",
    "merged_sources",
    "claims",
    "casualties",
    "control_periods",
    "order_of_battle",
)


def _ensure(store: Store) -> None:
    """Create the merge tables; a read-only store only checks they are there."""
    if getattr(store, "read_only", False):
        return
    for stmt in _TABLES:
        store.connection.execute(stmt)


def _tables_exist(store: Store) -> bool:
    names = {row[0] for row in store.connection.execute("SHOW TABLES").fetchall()}
    return set(_NAMES) <= names


def has_merge(store: Store) -> bool:
    """Whether a merge was saved: its tables are only created by ``save_merge``."""
    return _tables_exist(store)


def save_merge(store: Store, result: MergeResult) -> None:
    """Replace every merge table with ``result``, in one transaction."""
    _ensure(store)
    with store.transaction() as con:
        for name in _NAMES:
            con.execute(f"DELETE FROM {name}")
        if result.merged_events:
            con.executemany(
                "INSERT INTO merged_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [
                        m.id,
                        m.type,
                        m.family,
                        m.date_start,
                        m.date_end,
                        m.date_precision,
                        m.side1,
                        m.side2,
                        m.admin1,
                        len(m.sources),
                        json.dumps(m.reasons),
                        m.model_dump_json(),
                    ]
                    for m in result.merged_events
                ],
            )
            con.executemany(
                "INSERT INTO merged_sources VALUES (?, ?, ?, ?)",
                [
                    [m.id, s.event_id, s.doc, s.doc_id]
                    for m in result.merged_events
                    for s in m.sources
                ],
            )
        if result.claims:
            con.executemany(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [
                        c.subject_kind,
                        c.subject_id,
                        c.side,
                        c.low,
                        c.low_claimant,
                        c.best,
                        c.best_claimant,
                        c.best_rule,
                        c.high,
                        c.high_claimant,
                        c.model_dump_json(),
                    ]
                    for c in result.claims
                ],
            )
        if result.casualties:
            con.executemany(
                "INSERT INTO casualties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [
                        i,
                        r.period,
                        r.period_start,
                        r.period_end,
                        r.side,
                        r.kind,
                        r.source,
                        r.killed,
                        r.counted,
                        r.model_dump_json(),
                    ]
                    for i, r in enumerate(result.casualties)
                ],
            )
        if result.control:
            con.executemany(
                "INSERT INTO control_periods VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    [i, p.key, p.place, p.side, p.start, p.end, p.model_dump_json()]
                    for i, p in enumerate(result.control)
                ],
            )
        if result.order_of_battle:
            con.executemany(
                "INSERT INTO order_of_battle VALUES (?, ?, ?)",
                [[i, s.side, s.model_dump_json()] for i, s in enumerate(result.order_of_battle)],
            )


def _records(store: Store, sql: str, params: list | None = None) -> list[str]:
    if not _tables_exist(store):
        return []
    return [row[0] for row in store.connection.execute(sql, params or []).fetchall()]


def load_merged_events(store: Store) -> list[MergedEvent]:
    rows = _records(store, "SELECT record FROM merged_events ORDER BY date_start NULLS LAST, id")
    return [MergedEvent.model_validate_json(r) for r in rows]


def load_claims(store: Store) -> list[Claim]:
    rows = _records(store, "SELECT record FROM claims ORDER BY subject_kind, subject_id, side")
    return [Claim.model_validate_json(r) for r in rows]


def load_casualties(store: Store) -> list[CasualtyRow]:
    rows = _records(store, "SELECT record FROM casualties ORDER BY seq")
    return [CasualtyRow.model_validate_json(r) for r in rows]


def load_control(store: Store, keys: list[str] | None = None) -> list[ControlPeriod]:
    """Control periods in timeline order, for the given place keys (all when ``None``)."""
    if keys is None:
        rows = _records(store, "SELECT record FROM control_periods ORDER BY seq")
    else:
        rows = _records(
            store,
            "SELECT record FROM control_periods WHERE list_contains(?, key) ORDER BY seq",
            [keys],
        )
    return [ControlPeriod.model_validate_json(r) for r in rows]


def load_order_of_battle(store: Store) -> list[OobSide]:
    rows = _records(store, "SELECT record FROM order_of_battle ORDER BY seq")
    return [OobSide.model_validate_json(r) for r in rows]


def load_merge(store: Store) -> MergeResult:
    return MergeResult(
        merged_events=load_merged_events(store),
        claims=load_claims(store),
        casualties=load_casualties(store),
        control=load_control(store),
        order_of_battle=load_order_of_battle(store),
    )


# --------------------------------------------------------------------- what to show


@dataclass(frozen=True)
class MergeState:
    """Whether the saved merge covers exactly the stored events.

    ``new_documents``: documents with events the saved merge does not list (added or
    re-extracted since); ``gone_events``: saved tellings whose event is no longer stored.
    """

    status: Literal["fresh", "stale", "absent"]
    new_documents: int = 0
    gone_events: int = 0

    def message(self) -> str | None:
        """One line for the user when the saved merge is not the store's, else ``None``."""
        if self.status == "absent":
            return "no merge saved: events merged in memory; run `badia merge` to save it"
        if self.status == "stale":
            return (
                f"the saved merge is stale ({self.new_documents} document(s) added or "
                f"re-extracted since, {self.gone_events} telling(s) gone): events merged "
                "in memory; run `badia merge` to save it"
            )
        return None


def merge_state(store: Store) -> MergeState:
    """Compare the saved merge's tellings with the stored events (two anti-joins)."""
    if not _tables_exist(store):
        return MergeState("absent")
    con = store.connection
    new_docs = con.execute(
        "SELECT count(DISTINCT e.doc_id) FROM events e "
        "ANTI JOIN merged_sources s ON s.event_id = e.id"
    ).fetchone()
    gone = con.execute(
        "SELECT count(*) FROM merged_sources s ANTI JOIN events e ON e.id = s.event_id"
    ).fetchone()
    n_new, n_gone = int(new_docs[0]) if new_docs else 0, int(gone[0]) if gone else 0
    if n_new or n_gone:
        return MergeState("stale", n_new, n_gone)
    return MergeState("fresh")


def merged_view(store: Store, *, tellings: bool = False) -> tuple[list[MergedEvent], MergeState]:
    """The rows every view lists: one per real event (the saved merge when it is fresh,
    else a merge of the stored events made in memory), or with ``tellings`` one per
    document's telling. The state says whether the saved merge was usable."""
    from badia.merge.events import in_order, merge_events
    from badia.merge.events import tellings as per_telling

    state = merge_state(store)
    if tellings:
        return per_telling(store.events()), state
    if state.status == "fresh":
        return in_order(load_merged_events(store)), state
    return merge_events(store.events()), state
