"""Stage package: store (the DuckDB file every later stage reads)."""

from badia.store.db import (
    DEFAULT_PATH,
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    ExtractionRows,
    Store,
    StoreError,
    arrow_tables,
    extraction_rows,
)

__all__ = [
    "Store",
    "StoreError",
    "SCHEMA_VERSION",
    "DEFAULT_PATH",
    "ExtractionRows",
    "extraction_rows",
    "arrow_tables",
    "TABLE_COLUMNS",
]
