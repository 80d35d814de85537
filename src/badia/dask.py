"""Extraction on a Dask cluster: a bag of documents in; events, or a Parquet dataset, out.

``extract(paths_or_bag)`` maps the pipeline's per-document function over a Dask bag and
returns a bag of events (dicts, the ``Event`` record as JSON values): a bag, because an
event is nested (places, actors, fatalities per side and claimant are lists) and a flat
table would drop or re-encode those. ``events_frame`` gives the flat view as a Dask
DataFrame: one row per event, the store's ``events`` columns (dates, type, sides, admin1,
the first place's coordinates, the total killed), the whole record as JSON text in
``record``; its columns and types are declared, so nothing is computed to learn them
(it needs pandas). ``to_parquet``
writes a partitioned dataset instead, one part per bag partition and one folder per
store table (``documents/``, ``events/``, ``tallies/``, ``infoboxes/``, columns as in the
store), which ``badia store load DIR --db FILE`` (``Store.load_parquet``) reads into
DuckDB, or which an analyst reads directly (``duckdb``: ``FROM 'DIR/events/*.parquet'``).

Files are read by the workers, so on a real cluster the paths must mean the same file
on every worker (a shared or network file system); JSONL records and stdin are read by
the client and shipped. Each worker process imports badia once and keeps the lexicons,
the gazetteer and the parse model for its life (module-level caches).

Computes run on the current Dask scheduler: a ``distributed.Client`` if one exists,
else Dask's default for bags (local processes).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import dask
import dask.bag as dask_bag

from badia.runner import DocResult, Job, iter_units, run_unit

__all__ = ["documents_bag", "results", "extract", "events_frame", "to_parquet"]

PARTITION_UNITS = 8  # files (or JSONL records) per partition: one task each


def documents_bag(
    paths: Iterable[str | Path], fmt: str | None = None, partition_size: int = PARTITION_UNITS
) -> dask_bag.Bag:
    """A bag of the run's units in reading order: file paths (as text, read by the
    workers), documents read here (JSONL records, stdin), read errors."""
    units = [str(u) if isinstance(u, Path) else u for u in iter_units(paths, fmt)]
    return dask_bag.from_sequence(units, partition_size=partition_size)


def _results(units: list, job: Job) -> list[DocResult]:
    out: list[DocResult] = []
    for unit in units:
        out.extend(run_unit(Path(unit) if isinstance(unit, str) else unit, job))
    return out


def results(paths_or_bag: Iterable[str | Path] | dask_bag.Bag, job: Job | None = None):
    """A bag of ``runner.DocResult`` (one per document or failure), partition by partition."""
    job = job or Job(rows=True)
    bag = (
        paths_or_bag
        if isinstance(paths_or_bag, dask_bag.Bag)
        else documents_bag(paths_or_bag, job.fmt)
    )
    return bag.map_partitions(_results, job)


def _events(result: DocResult) -> list[dict]:
    if result.rows is None:
        return []
    return [json.loads(row[-1]) for row in result.rows.events]


def extract(
    paths_or_bag: Iterable[str | Path] | dask_bag.Bag,
    *,
    fmt: str | None = None,
    actors=None,
) -> dask_bag.Bag:
    """A bag of events (``Event`` records as dicts), lazily: call ``.compute()``.

    ``paths_or_bag``: files, folders, globs, or a bag of paths or ``Document`` objects.
    ``actors``: a user's actor lexicon (``pipeline.load_actor_lexicon``).
    """
    job = Job(fmt=fmt, actors=actors, rows=True)
    return results(paths_or_bag, job).map(_events).flatten()


def _event_rows(result: DocResult) -> list[tuple]:
    return list(result.rows.events) if result.rows is not None else []


# DuckDB column type -> pandas dtype (nullable where a value may be missing)
_PANDAS_TYPES = {
    "VARCHAR": "string",
    "DATE": "datetime64[s]",
    "INTEGER": "Int64",
    "BIGINT": "Int64",
    "DOUBLE": "float64",
}


def events_frame(
    paths_or_bag: Iterable[str | Path] | dask_bag.Bag,
    *,
    fmt: str | None = None,
    actors=None,
):
    """A Dask DataFrame of events, lazily: one row per event, in reading order.

    Columns (declared, no compute to infer them): ``id``, ``doc_id``, ``date_start``,
    ``date_end`` (datetime64[s], NaT when unknown), ``type``, ``side1``, ``side2``,
    ``admin1`` (strings, NA when unknown), ``latitude``, ``longitude`` (degrees, of the
    first resolved place; NaN when none), ``fatalities_total`` (Int64, NA when no count
    was stated), ``record`` (the ``Event`` as JSON). The same columns as the store's
    ``events`` table. Raises ``ImportError`` when pandas is not installed.
    """
    import pandas as pd

    from badia.store.db import TABLE_COLUMNS

    meta = pd.DataFrame(
        {name: pd.Series(dtype=_PANDAS_TYPES[typ]) for name, typ in TABLE_COLUMNS["events"]}
    )
    job = Job(fmt=fmt, actors=actors, rows=True)
    return results(paths_or_bag, job).map(_event_rows).flatten().to_dataframe(meta=meta)


def _write_part(results_: list[DocResult], out: str, number: int) -> dict:
    """Write one partition's tables as ``<table>/part-NNNNN.parquet``; its summary."""
    import pyarrow.parquet as pq

    from badia.store.db import arrow_tables

    rows = [r.rows for r in results_ if r.rows is not None]
    for name, table in arrow_tables(rows).items():
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"part-{number:05d}.parquet")
    return {
        "part": number,
        "documents": len(rows),
        "events": sum(len(r.events) for r in rows),
        "tallies": sum(len(r.tallies) for r in rows),
        "errors": [r.error for r in results_ if r.error is not None],
    }


def to_parquet(
    paths_or_bag: Iterable[str | Path] | dask_bag.Bag,
    out: str | Path,
    *,
    fmt: str | None = None,
    actors=None,
) -> list[dict]:
    """Extract on the cluster and write the Parquet dataset ``out``; runs now.

    Returns one summary per part (documents, events, tallies, error lines), in order.
    """
    job = Job(fmt=fmt, actors=actors, rows=True)
    Path(out).mkdir(parents=True, exist_ok=True)
    folder = str(Path(out).resolve())
    parts = results(paths_or_bag, job).to_delayed()
    writes = [dask.delayed(_write_part)(part, folder, i) for i, part in enumerate(parts)]
    return list(dask.compute(*writes))
