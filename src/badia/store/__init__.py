"""Stage package: store (the DuckDB file every later stage reads)."""

from badia.store.db import DEFAULT_PATH, SCHEMA_VERSION, Store, StoreError

__all__ = ["Store", "StoreError", "SCHEMA_VERSION", "DEFAULT_PATH"]
