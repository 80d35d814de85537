"""CLI for runs beyond one machine: ``badia store load DIR`` (a Parquet dataset from Dask)
and the ``extract --scheduler`` path (``run_on_cluster``)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from badia.cli.app import app
from badia.cli.usage import fail, new_store

err = Console(stderr=True)
store_app = typer.Typer(help="Work on the store file itself.", no_args_is_help=True)
app.add_typer(store_app, name="store")


@store_app.command("load")
def load(
    folder: Path = typer.Argument(..., help="A dataset written by extract --parquet."),
    db: Path = typer.Option(..., "--db", help="The store to load it into (created if new)."),
) -> None:
    """Load a Parquet dataset (documents, events, tallies, infoboxes) into the store."""
    from badia.store import Store, StoreError

    new_store(db)
    try:
        with Store(db, ingest=True) as store:
            parts = store.load_parquet(folder)
            counts = store.counts()
    except StoreError as exc:
        fail(str(exc))
    err.print(
        f"loaded {parts} parts; the store holds {counts['documents']} documents, "
        f"{counts['events']} events, {counts['tallies']} tallies",
        markup=False,
        highlight=False,
    )


def run_on_cluster(
    paths: list[str], scheduler: str, parquet: Path, fmt: str | None, actors: object
) -> tuple[int, int, int, list[str]]:
    """Extract ``paths`` on the Dask scheduler at ``scheduler`` into the dataset ``parquet``.

    Returns (documents, events, tallies, error lines).
    """
    try:
        from distributed import Client
    except ImportError:
        fail("--scheduler needs the 'distributed' package (pip install distributed)")
    from badia.dask import to_parquet

    try:
        client = Client(scheduler, timeout="30s")
    except OSError as exc:
        fail(f"--scheduler {scheduler}: cannot connect ({exc})")
    with client:
        parts = to_parquet(paths, parquet, fmt=fmt, actors=actors)
    errors = [e for p in parts for e in p["errors"]]
    return (
        sum(p["documents"] for p in parts),
        sum(p["events"] for p in parts),
        sum(p["tallies"] for p in parts),
        errors,
    )
