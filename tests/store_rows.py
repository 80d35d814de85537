"""Helper for tests comparing two stores: every stored row but the time of writing."""

from __future__ import annotations

from pathlib import Path

from badia.store import Store


def stored_rows(db: Path) -> dict[str, list]:
    """Each table's rows, sorted; documents without ``ingested_at``."""
    with Store(db, read_only=True) as store:
        con = store.connection
        rows = {
            t: con.execute(f"FROM {t} ORDER BY ALL").fetchall()
            for t in ("events", "tallies", "infoboxes")
        }
        rows["documents"] = con.execute(
            "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY ALL"
        ).fetchall()
        return rows
