"""The DuckDB store: documents, events, tallies and infoboxes, one transaction per batch.

Every row keeps the full record as JSON (the pydantic dump), so records round-trip
exactly; the other columns are copies for filtering and joining in SQL. Saving a batch
of extractions replaces each document's previous rows in one transaction, so a failure
(or a kill) half-way leaves the previous state intact and keeps every committed batch;
re-running the same documents stores no duplicates. Rows are made apart from the store
(``extraction_rows``, in worker processes) and inserted a table at a time, DuckDB scanning
each column as one NumPy array (no per-row statements, and no pyarrow or pandas in the
writing process: importing them cost about 120 MB of its memory).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NoReturn

import duckdb
import numpy as np

from badia.model import Document, Event, Extraction, Infobox, Tally

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "Store",
    "StoreBusy",
    "StoreFailed",
    "BatchWriter",
    "StoreError",
    "SCHEMA_VERSION",
    "DEFAULT_PATH",
    "INGEST_MEMORY",
    "INGEST_SETTINGS",
    "ExtractionRows",
    "extraction_rows",
    "arrow_tables",
    "arrow_schema",
    "TABLE_COLUMNS",
]

DEFAULT_PATH = "badia.duckdb"
#: DuckDB's block cache while ingesting (``Store(ingest=True)``): without it DuckDB
#: keeps every block it wrote, and a long ingest's memory grows with the store.
INGEST_MEMORY = "64MB"
#: DuckDB settings of a long write (``Store(ingest=True)``): the block cache capped, and
#: no vacuum at checkpoints. DuckDB appends a new row group after each checkpoint and its
#: vacuum merges those small groups into one: with rows as long as a document's record,
#: each checkpoint then rewrote (in memory) a row group holding every document stored so
#: far, so the CPU and memory of a checkpoint grew with the store, and at 42 MB of text
#: the merge outgrew the 64 MB cache and DuckDB invalidated the database (see
#: bench/bench_store.py). Row groups kept as written cost nothing to read back.
INGEST_SETTINGS: dict[str, str | int] = {"memory_limit": INGEST_MEMORY, "max_vacuum_tasks": 0}
SCHEMA_VERSION = 1
_LOOKUP = 1024  # ids per primary-key lookup (DuckDB's index_scan_max_count is 2048)

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
    # no PRIMARY KEY on events.id: its index cost grew with the store (every checkpoint
    # rewrote it; see bench/bench_store.py); ids are unique by construction (they begin
    # with the document id, and a document's rows are replaced whole), checked per batch.
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR NOT NULL,
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


class StoreBusy(StoreError):
    """Another process holds the store's write lock (DuckDB allows one writing process)."""


class StoreFailed(StoreError):
    """DuckDB failed while writing (a fatal error) and refuses every later statement;
    what was committed before is in the file, and reopening it recovers it."""


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .*?\(PID (\d+)\)", re.S)


def _why(exc: duckdb.Error) -> str:
    """DuckDB's multi-line explanation of a failed open, as one line a user can act on."""
    text = str(exc)
    if "not a valid DuckDB" in text:
        return "not a DuckDB database file"
    if "Permission denied" in text:
        return "permission denied"
    if "No such file or directory" in text:
        return "its folder does not exist"
    return " ".join(text.split())


class Store:
    """One DuckDB file holding the documents and everything extracted from them."""

    def __init__(
        self,
        path: str | Path = DEFAULT_PATH,
        *,
        read_only: bool = False,
        wait: float | None = None,
        memory_limit: str | None = None,
        ingest: bool = False,
    ) -> None:
        """Open (and, unless ``read_only``, create) the store; views open it read-only.

        ``ingest``: DuckDB set for a long write (``INGEST_SETTINGS``), so that the CPU and
        memory of writing a batch stay flat as the store grows. ``memory_limit`` (DuckDB's,
        e.g. ``"64MB"``) caps the blocks DuckDB keeps cached, overriding ``ingest``'s.
        DuckDB lets one process write a file, and no other open it meanwhile. ``wait``:
        seconds to keep trying while another process holds it (default: 10 for a
        writer, which outwaits a reader's short snapshot; 0 for a reader, which is told
        at once). Raises ``StoreBusy`` when it is still held, ``StoreError`` otherwise.
        """
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"cannot open store {self.path}: no such file")
        config: dict[str, str | int] = dict(INGEST_SETTINGS) if ingest else {}
        if memory_limit:
            config["memory_limit"] = memory_limit
        wait = (0.0 if read_only else 10.0) if wait is None else wait
        self._con = self._connect(read_only, wait, config)
        try:
            if read_only:
                self._check_schema()
            else:
                self._create_schema()
        except BaseException:
            self._con.close()
            raise
        self._in_transaction = False

    def _connect(self, read_only: bool, wait: float, config: dict) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + wait
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only, config=config)
            except duckdb.Error as exc:
                holder = _LOCK_HOLDER.search(str(exc))
                if holder and time.monotonic() < deadline:
                    time.sleep(0.1)
                    continue
                self._refuse(exc, holder, read_only)

    def _refuse(self, exc: duckdb.Error, holder: re.Match[str] | None, read_only: bool) -> NoReturn:
        if holder:
            doing = "written" if read_only else "used"
            raise StoreBusy(
                f"{self.path}: the store is being {doing} by another badia process "
                f"(pid {holder.group(1)}); try again when it ends"
            ) from exc
        raise StoreError(f"cannot open store {self.path}: {_why(exc)}") from exc

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

    def add_document(self, doc: Document) -> bool:
        """Store ``doc`` and its infobox; False (and no change) if its id is already stored."""
        with self.transaction() as con:
            if self._has_document(doc.id):
                return False
            con.execute(f"INSERT INTO documents VALUES ({', '.join('?' * 9)})", _document_row(doc))
            if doc.infobox is not None:
                con.execute(
                    "INSERT INTO infoboxes VALUES (?, ?)", [doc.id, doc.infobox.model_dump_json()]
                )
        return True

    def save_extraction(self, ex: Extraction) -> None:
        """Replace the document's events, tallies and infobox with ``ex`` (all or nothing)."""
        self.save_rows([extraction_rows(ex)])

    def save_rows(self, batch: Sequence[ExtractionRows]) -> None:
        """Store a batch of extractions in one transaction (all or nothing).

        Each document's events, tallies and infobox replace those stored before; a
        document already stored keeps its row. Within a batch the last extraction of a
        document wins. One INSERT per table (not one per row). Which documents were
        stored before is learnt from the documents' primary key (an index lookup of the
        batch's ids), and only those documents' old rows are deleted: a batch of new
        documents never reads the events table, so the cost of ingest stays flat as the
        store grows. Raises ``StoreError`` (nothing stored)
        when two events of the batch share an id, ``duckdb.Error`` when a value is refused.
        """
        self._save_columns(_batch_columns(batch))

    def save_tables(self, tables: dict[str, pa.Table]) -> None:
        """Store extractions given as Arrow tables (``arrow_tables``, a Parquet part), as
        ``save_rows`` does."""
        self._save_columns(
            {
                name: [tables[name].column(c).to_pylist() for c, _ in columns]
                for name, columns in TABLE_COLUMNS.items()
            }
        )

    def _save_columns(self, tables: dict[str, list[list]]) -> None:
        """One transaction: each table's rows given column by column (``TABLE_COLUMNS`` order)."""
        ids = tables["documents"][0]
        if not ids:
            return
        event_ids = tables["events"][0]
        if len(set(event_ids)) != len(event_ids):
            twice = Counter(event_ids).most_common(1)[0][0]
            raise StoreError(f"two events with the id {twice!r} in one batch: nothing stored")
        with self.transaction() as con:
            stored = self._stored_ids(con, ids)
            if stored:
                self._delete_rows(con, [doc_id for doc_id in ids if doc_id in stored])
                keep = [doc_id not in stored for doc_id in ids]
                tables = {
                    **tables,
                    "documents": [
                        [v for v, k in zip(col, keep, strict=True) if k]
                        for col in tables["documents"]
                    ],
                }
            self._insert_rows(con, tables)

    def load_parquet(self, folder: str | Path) -> int:
        """Load a dataset written by ``badia.dask.to_parquet``: each part in its own
        transaction, in part order. Returns the number of parts loaded.

        Raises ``StoreError`` if ``folder`` holds no ``documents/part-*.parquet``.
        """
        import pyarrow.parquet as pq

        root = Path(folder)
        parts = sorted(p.name for p in (root / "documents").glob("part-*.parquet"))
        if not parts:
            raise StoreError(f"{root}: no documents/part-*.parquet (not a badia dataset)")
        for part in parts:
            tables = {}
            for name in TABLE_COLUMNS:
                path = root / name / part
                schema = arrow_schema(name)
                tables[name] = (
                    pq.read_table(path, schema=schema) if path.exists() else (schema.empty_table())
                )
            self.save_tables(tables)
        return len(parts)

    @staticmethod
    def _stored_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
        """Which of ``ids`` the documents table holds, looked up in its primary key.

        An ``IN`` list of at most ``_LOOKUP`` values is an index scan in DuckDB (a cost
        that does not grow with the table). Not ``INSERT ... ON CONFLICT DO NOTHING``: on
        this table (a JSON column) DuckDB held about 13 times the batch in memory for it,
        and ran out of its 64 MB with batches of long documents (then each document was
        saved alone).
        """
        found: set[str] = set()
        for i in range(0, len(ids), _LOOKUP):
            part = ids[i : i + _LOOKUP]
            marks = ", ".join("?" * len(part))
            rows = con.execute(f"SELECT id FROM documents WHERE id IN ({marks})", part)
            found.update(r[0] for r in rows.fetchall())
        return found

    def _insert_columns(
        self, con: duckdb.DuckDBPyConnection, name: str, columns: list[list]
    ) -> None:
        """INSERT the rows given as one list per column into ``name``, scanned by DuckDB
        as NumPy object arrays (no per-row work in Python)."""
        if not columns[0]:
            return
        view = f"_badia_{name}"
        con.register(
            view,
            {
                col: _object_array(values)
                for (col, _), values in zip(TABLE_COLUMNS[name], columns, strict=True)
            },
        )
        try:
            con.execute(f"INSERT INTO {name} SELECT * FROM {view}")
        finally:
            con.unregister(view)

    def _delete_rows(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
        """Remove what earlier extractions stored for these (already stored) documents."""
        marks = ", ".join("?" * len(doc_ids))
        for table in ("events", "tallies", "infoboxes"):
            con.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", doc_ids)

    def _insert_rows(self, con: duckdb.DuckDBPyConnection, tables: dict[str, list[list]]) -> None:
        """Bulk-insert the documents, events, tallies and infoboxes."""
        for name in ("documents", "events", "tallies", "infoboxes"):
            self._insert_columns(con, name, tables[name])

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


class BatchWriter:
    """Feeds ``Store.save_rows`` one batch at a time: at most ``docs`` documents or
    ``text_bytes`` bytes of document text per transaction.

    A killed process loses only the batch not yet committed; ``flush`` (or leaving
    the ``with`` block, even by an exception) commits what is pending. When the store
    refuses a batch, its documents are saved one by one so that only the document
    with the refused value is left out; ``add`` and ``flush`` return those as
    ``(source, reason)`` pairs. When DuckDB itself fails (a fatal error: it then refuses
    every later statement), ``add`` and ``flush`` raise ``StoreFailed``; the batches
    committed before are kept in the file.
    """

    def __init__(self, store: Store, docs: int = 64, text_bytes: int = 2 * 2**20) -> None:
        self.store, self.docs, self.text_bytes = store, docs, text_bytes
        self._pending: list[ExtractionRows] = []
        self._size = 0

    def add(self, rows: ExtractionRows, text_bytes: int = 0) -> list[tuple[str, str]]:
        self._pending.append(rows)
        self._size += text_bytes
        if len(self._pending) >= self.docs or self._size >= self.text_bytes:
            return self.flush()
        return []

    def flush(self) -> list[tuple[str, str]]:
        pending, self._pending, self._size = self._pending, [], 0
        if not pending:
            return []
        try:
            self._save(pending)
            return []
        except StoreFailed:
            raise
        except (duckdb.Error, StoreError):
            pass
        refused = []
        for rows in pending:
            try:
                self._save([rows])
            except StoreFailed:
                raise
            except (duckdb.Error, StoreError) as exc:
                refused.append((str(rows.document[2]), str(exc).splitlines()[0]))
        return refused

    def _save(self, batch: list[ExtractionRows]) -> None:
        try:
            self.store.save_rows(batch)
        except duckdb.FatalException as exc:  # not the batch's fault: stop, don't retry
            why = " ".join(str(exc).split())[:300]
            raise StoreFailed(
                f"{self.store.path}: DuckDB failed and closed the store ({why}); "
                "the batches committed before are kept"
            ) from exc

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()


# ----------------------------------------------------------------- rows

_DOCUMENT_COLUMNS = (
    ("id", "VARCHAR"),
    ("name", "VARCHAR"),
    ("source", "VARCHAR"),
    ("format", "VARCHAR"),
    ("title", "VARCHAR"),
    ("published", "DATE"),
    ("n_bytes", "BIGINT"),
    ("ingested_at", "TIMESTAMP"),
    ("record", "VARCHAR"),
)
_EVENT_COLUMNS = (
    ("id", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("date_start", "DATE"),
    ("date_end", "DATE"),
    ("type", "VARCHAR"),
    ("side1", "VARCHAR"),
    ("side2", "VARCHAR"),
    ("admin1", "VARCHAR"),
    ("latitude", "DOUBLE"),
    ("longitude", "DOUBLE"),
    ("fatalities_total", "INTEGER"),
    ("record", "VARCHAR"),
)
_TALLY_COLUMNS = (
    ("id", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("period_start", "DATE"),
    ("period_end", "DATE"),
    ("side", "VARCHAR"),
    ("killed", "INTEGER"),
    ("source", "VARCHAR"),
    ("record", "VARCHAR"),
)
_INFOBOX_COLUMNS = (("doc_id", "VARCHAR"), ("record", "VARCHAR"))

#: Column names and types (DuckDB's names) of the rows each stored table is given, in
#: the tables' column order; ``arrow_schema`` gives the Arrow types of Parquet parts.
TABLE_COLUMNS = {
    "documents": _DOCUMENT_COLUMNS,
    "events": _EVENT_COLUMNS,
    "tallies": _TALLY_COLUMNS,
    "infoboxes": _INFOBOX_COLUMNS,
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one stored table's rows (Parquet parts); imports pyarrow."""
    import pyarrow as pa

    types = {
        "VARCHAR": pa.string(),
        "DATE": pa.date32(),
        "BIGINT": pa.int64(),
        "INTEGER": pa.int32(),
        "DOUBLE": pa.float64(),
        "TIMESTAMP": pa.timestamp("us"),
    }
    return pa.schema([(name, types[typ]) for name, typ in TABLE_COLUMNS[table]])


@dataclass(frozen=True)
class ExtractionRows:
    """One document's extraction as the rows the store holds (picklable, no pydantic).

    Made where the document is extracted (a worker process or a Dask worker), so the
    one writer only inserts. Tuples follow ``TABLE_COLUMNS``; ``infobox`` is its JSON.
    """

    doc_id: str
    document: tuple
    infobox: str | None
    events: list[tuple] = field(default_factory=list)
    tallies: list[tuple] = field(default_factory=list)


def extraction_rows(ex: Extraction) -> ExtractionRows:
    """The store rows of an extraction (JSON records plus the filter columns)."""
    doc = ex.document
    return ExtractionRows(
        doc_id=doc.id,
        document=_document_row(doc),
        infobox=doc.infobox.model_dump_json() if doc.infobox is not None else None,
        events=[_event_row(doc.id, ev) for ev in ex.events],
        tallies=[_tally_row(doc.id, t) for t in ex.tallies],
    )


def _object_array(values: list) -> np.ndarray:
    """``values`` as a one-dimensional NumPy array of Python objects (DuckDB scans it and
    infers the column's type from its values)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _batch_columns(batch: Sequence[ExtractionRows]) -> dict[str, list[list]]:
    """The batch as one list per column of each stored table (the last extraction of a
    document wins)."""
    batch = list({rows.doc_id: rows for rows in batch}.values())
    records = {
        "documents": [rows.document for rows in batch],
        "events": [r for rows in batch for r in rows.events],
        "tallies": [r for rows in batch for r in rows.tallies],
        "infoboxes": [(rows.doc_id, rows.infobox) for rows in batch if rows.infobox is not None],
    }
    return {
        name: [list(col) for col in zip(*records[name], strict=True)]
        if records[name]
        else [[] for _ in TABLE_COLUMNS[name]]
        for name in TABLE_COLUMNS
    }


def arrow_tables(batch: Sequence[ExtractionRows]) -> dict[str, pa.Table]:
    """The batch as one Arrow table per stored table (the last extraction of a document
    wins), for Parquet datasets (``badia.dask.to_parquet``); imports pyarrow."""
    import pyarrow as pa

    out = {}
    for name, columns in _batch_columns(batch).items():
        schema = arrow_schema(name)
        out[name] = pa.table(
            [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)],
            schema=schema,
        )
    return out


def _document_row(doc: Document) -> tuple:
    return (
        doc.id,
        doc.name,
        doc.source,
        doc.format,
        doc.title,
        doc.published,
        len(doc.text.encode("utf-8")),
        datetime.now(UTC).replace(tzinfo=None),
        doc.model_dump_json(),
    )


def _tally_row(doc_id: str, t: Tally) -> tuple:
    return (
        t.id,
        doc_id,
        t.period_start,
        t.period_end,
        t.side,
        t.killed,
        t.source,
        t.model_dump_json(),
    )


def _event_row(doc_id: str, ev: Event) -> tuple:
    """The filter columns of an event; coordinates of its first resolved place."""
    lat = lon = None
    for place in ev.places:
        if place.latitude is not None and place.longitude is not None:
            lat, lon = place.latitude, place.longitude
            break
    total = sum(f.killed for f in ev.fatalities) if ev.fatalities else None
    return (
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
    )
