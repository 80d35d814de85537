"""Stage package: store (the DuckDB file every later stage reads)."""

from badia.store.db import (
    DEFAULT_PATH,
    INGEST_MEMORY,
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    BatchWriter,
    ExtractionRows,
    Store,
    StoreError,
    StoreFailed,
    arrow_schema,
    arrow_tables,
    extraction_rows,
)

__all__ = [
    "Store",
    "BatchWriter",
    "StoreError",
    "StoreFailed",
    "SCHEMA_VERSION",
    "DEFAULT_PATH",
    "INGEST_MEMORY",
    "ExtractionRows",
    "extraction_rows",
    "arrow_tables",
    "arrow_schema",
    "TABLE_COLUMNS",
]
