"""The DuckDB store: documents, events, tallies and infoboxes, one transaction per document.

Every row keeps the full record as JSON (the pydantic dump), so records round-trip
exactly; the other columns are copies for filtering and joining in SQL. Saving an
extraction replaces the document's previous rows in one transaction, so a failure
half-way leaves the previous state intact.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

import duckdb

from badia.model import Document, Event, Extraction, Infobox, Tally

__all__ = ["Store", "StoreError", "SCHEMA_VERSION", "DEFAULT_PATH"]

DEFAULT_PATH = "badia.duckdb"
SCHEMA_VERSION = 1

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        source VARCHAR,
        format VARCHAR,
        title VARCHAR,
        published DATE,
        n_bytes BIGINT,
        ingested_at TIMESTAMP,
        record JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        date_start DATE,
        date_end DATE,
        type VARCHAR,
        side1 VARCHAR,
        side2 VARCHAR,
        admin1 VARCHAR,
        latitude DOUBLE,
        longitude DOUBLE,
        fatalities_total BIGINT,
        record JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS tallies (
        id VARCHAR,
        doc_id VARCHAR NOT NULL,
        period_start DATE,
        period_end DATE,
        side VARCHAR,
        killed BIGINT,
        source VARCHAR,
        record JSON NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS infoboxes (
        doc_id VARCHAR PRIMARY KEY,
        record JSON NOT NULL
    )""",
)


class StoreError(RuntimeError):
    """The store file cannot be opened or has an unexpected schema."""


class Store:
    """One DuckDB file holding the documents and everything extracted from them."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False) -> None:
        """Open (and, unless ``read_only``, create) the store; views open it read-only."""
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"cannot open store {self.path}: no such file")
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            why = "not a DuckDB database file" if "not a valid DuckDB" in str(exc) else str(exc)
            raise StoreError(f"cannot open store {self.path}: {why}") from exc
        try:
            if read_only:
                self._check_schema()
            else:
                self._create_schema()
        except BaseException:
            self._con.close()
            raise
        self._in_transaction = False

    # ----------------------------------------------------------------- lifecycle

    def _check_schema(self) -> None:
        try:
            row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"store {self.path} is not a badia store") from exc
        if not row or row[0] != SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {row[0] if row else None}, "
                f"this badia expects {SCHEMA_VERSION}"
            )

    def _create_schema(self) -> None:
        for stmt in _SCHEMA:
            self._con.execute(stmt)
        row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        found = row[0] if row else None
        if found is None:
            self._con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
        elif found != SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {found}, this badia expects {SCHEMA_VERSION}"
            )

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The raw connection, for sibling modules of ``badia.store`` (exports, merges)."""
        return self._con

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """BEGIN ... COMMIT, or ROLLBACK if the block raises; nested blocks join the outer one."""
        if self._in_transaction:
            yield self._con
            return
        self._con.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield self._con
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        else:
            self._con.execute("COMMIT")
        finally:
            self._in_transaction = False

    # ----------------------------------------------------------------- writing

    def _has_document(self, doc_id: str) -> bool:
        row = self._con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row is not None

    def _insert_document(self, doc: Document) -> None:
        self._con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                doc.id,
                doc.name,
                doc.source,
                doc.format,
                doc.title,
                doc.published,
                len(doc.text.encode("utf-8")),
                datetime.now(UTC).replace(tzinfo=None),
                doc.model_dump_json(),
            ],
        )

    def _replace_infobox(self, doc_id: str, infobox: Infobox | None) -> None:
        self._con.execute("DELETE FROM infoboxes WHERE doc_id = ?", [doc_id])
        if infobox is not None:
            self._con.execute(
                "INSERT INTO infoboxes VALUES (?, ?)", [doc_id, infobox.model_dump_json()]
            )

    def add_document(self, doc: Document) -> bool:
        """Store ``doc`` and its infobox; False (and no change) if its id is already stored."""
        with self.transaction():
            if self._has_document(doc.id):
                return False
            self._insert_document(doc)
            self._replace_infobox(doc.id, doc.infobox)
        return True

    def save_extraction(self, ex: Extraction) -> None:
        """Replace the document's events, tallies and infobox with ``ex`` (all or nothing)."""
        doc = ex.document
        with self.transaction() as con:
            if not self._has_document(doc.id):
                self._insert_document(doc)
            con.execute("DELETE FROM events WHERE doc_id = ?", [doc.id])
            con.execute("DELETE FROM tallies WHERE doc_id = ?", [doc.id])
            self._replace_infobox(doc.id, doc.infobox)
            if ex.events:
                con.executemany(
                    "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [_event_row(doc.id, ev) for ev in ex.events],
                )
            if ex.tallies:
                con.executemany(
                    "INSERT INTO tallies VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        [
                            t.id,
                            doc.id,
                            t.period_start,
                            t.period_end,
                            t.side,
                            t.killed,
                            t.source,
                            t.model_dump_json(),
                        ]
                        for t in ex.tallies
                    ],
                )

    # ----------------------------------------------------------------- reading

    def documents(self) -> list[Document]:
        rows = self._con.execute("SELECT record FROM documents ORDER BY name, id").fetchall()
        return [Document.model_validate_json(r[0]) for r in rows]

    def get_document(self, doc_id: str) -> Document | None:
        row = self._con.execute("SELECT record FROM documents WHERE id = ?", [doc_id]).fetchone()
        return Document.model_validate_json(row[0]) if row else None

    def events(self, doc_id: str | None = None) -> list[Event]:
        sql = "SELECT record FROM events"
        rows = self._select(sql, doc_id, "ORDER BY doc_id, CAST(record->>'start' AS BIGINT), id")
        return [Event.model_validate_json(r[0]) for r in rows]

    def tallies(self, doc_id: str | None = None) -> list[Tally]:
        sql = "SELECT record FROM tallies"
        rows = self._select(sql, doc_id, "ORDER BY doc_id, CAST(record->>'start' AS BIGINT), id")
        return [Tally.model_validate_json(r[0]) for r in rows]

    def infoboxes(self) -> list[tuple[str, str, Infobox]]:
        """(doc_id, document name, infobox) for every stored infobox."""
        rows = self._con.execute(
            "SELECT i.doc_id, d.name, i.record FROM infoboxes i "
            "JOIN documents d ON d.id = i.doc_id ORDER BY d.name, i.doc_id"
        ).fetchall()
        return [(r[0], r[1], Infobox.model_validate_json(r[2])) for r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        for table in ("documents", "events", "tallies", "infoboxes"):
            row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def doc_counts(self) -> dict[str, tuple[int, int]]:
        """doc_id -> (events, tallies) stored for it."""
        rows = self._con.execute(
            "SELECT d.id, "
            "(SELECT count(*) FROM events e WHERE e.doc_id = d.id), "
            "(SELECT count(*) FROM tallies t WHERE t.doc_id = d.id) FROM documents d"
        ).fetchall()
        return {r[0]: (int(r[1]), int(r[2])) for r in rows}

    def _select(self, sql: str, doc_id: str | None, order: str) -> list[tuple]:
        if doc_id is None:
            return self._con.execute(f"{sql} {order}").fetchall()
        return self._con.execute(f"{sql} WHERE doc_id = ? {order}", [doc_id]).fetchall()


def _event_row(doc_id: str, ev: Event) -> list:
    """The filter columns of an event; coordinates of its first resolved place."""
    lat = lon = None
    for place in ev.places:
        if place.latitude is not None and place.longitude is not None:
            lat, lon = place.latitude, place.longitude
            break
    total = sum(f.killed for f in ev.fatalities) if ev.fatalities else None
    return [
        ev.id,
        doc_id,
        ev.date_start,
        ev.date_end,
        ev.type,
        ev.side1,
        ev.side2,
        ev.admin1,
        lat,
        lon,
        total,
        ev.model_dump_json(),
    ]
