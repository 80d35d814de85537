"""CLI commands: extract, events, eval."""

from __future__ import annotations

import time
from contextlib import nullcontext
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.table import Table

from badia.cli.app import DEFAULT_DB, app

INGEST_MEMORY = "64MB"  # DuckDB's block cache while extracting: flat memory on any corpus
err = Console(stderr=True)
out = Console()


def progress_text(done: int, total: int | None, n_bytes: int, seconds: float) -> str:
    """``"12/40 docs, 1.3 MB/s"``: documents done (of how many, when known) and throughput."""
    of = f"/{total}" if total is not None else ""
    rate = n_bytes / 2**20 / seconds if seconds > 0 else 0.0
    return f"{done}{of} docs, {rate:.1f} MB/s"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin."),
    out_dir: Path | None = typer.Option(None, "--out", help="Write <stem>.events.jsonl etc. here."),
    db: Path | None = typer.Option(None, "--db", help="Also store documents and events here."),
    fmt: str | None = typer.Option(None, "--format", help="Force the input format."),
    merge: bool = typer.Option(
        False, "--merge", help="Then merge events across documents in the store (needs --db)."
    ),
    actors_file: Path | None = typer.Option(
        None, "--actors", help="Your own actor lexicon (YAML, layout of data/actors.yaml)."
    ),
    workers: int = typer.Option(
        0, "--workers", min=0, help="Worker processes (0: one per core). Outputs do not change."
    ),
) -> None:
    """Extract events, tallies and the infobox from documents."""
    actors = None
    if actors_file is not None:
        from badia.pipeline import load_actor_lexicon

        try:
            actors = load_actor_lexicon(actors_file)
        except (OSError, ValueError) as exc:
            err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from exc
    if merge and db is None:
        err.print("error: --merge needs --db (merging works over the store)")
        raise typer.Exit(2)
    from badia.events.output import write_rendered
    from badia.runner import Job, WorkerDied, default_workers, iter_units, run_units

    job = Job(fmt=fmt, actors=actors, render=out_dir is not None, rows=db is not None)
    units = list(iter_units(paths, fmt))
    total = None if any(not isinstance(u, Path) for u in units) else len(units)
    store = None
    if db is not None:
        from badia.store import BatchWriter, Store

        store = Store(db, memory_limit=INGEST_MEMORY)
    failed = n_docs = n_events = n_tallies = n_bytes = 0
    started = time.perf_counter()
    try:
        with (
            Progress(
                TextColumn("extracting"),
                BarColumn(),
                TextColumn("{task.description}"),
                console=err,
                transient=True,
            ) as progress,
            BatchWriter(store) if store is not None else nullcontext() as writer,
        ):
            task = progress.add_task("", total=total)
            for result in run_units(units, job, workers or default_workers()):
                if result.error is not None:
                    failed += 1
                    err.print(
                        f"error: {result.error}", markup=False, highlight=False, soft_wrap=True
                    )
                else:
                    if out_dir is not None:
                        write_rendered(result.files, out_dir)
                    if writer is not None and result.rows is not None:
                        writer.add(result.rows, result.n_bytes)
                    n_docs += 1
                    n_events += result.n_events
                    n_tallies += result.n_tallies
                    n_bytes += result.n_bytes
                done = n_docs + failed
                seconds = time.perf_counter() - started
                progress.update(
                    task, completed=done, description=progress_text(done, total, n_bytes, seconds)
                )
        if store is not None and merge:
            from badia.merge import run_merge

            store.connection.execute("RESET memory_limit")
            merged = run_merge(store)
            err.print(
                f"merged: {len(merged.merged_events)} events, "
                f"{len(merged.cross_document)} told by more than one document"
            )
    except WorkerDied as exc:
        err.print(f"error: {exc}; the {n_docs + failed} documents before are kept")
        raise typer.Exit(1) from exc
    finally:
        if store is not None:
            store.close()
    err.print(f"{n_docs} documents, {n_events} events, {n_tallies} tallies, {failed} failed")
    if failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: Path = typer.Option(DEFAULT_DB, "--db"),
    limit: int = typer.Option(50, "--limit", min=1),
    doc: str | None = typer.Option(None, "--doc", help="Only this document id."),
) -> None:
    """List stored events."""
    from badia.store import Store

    with Store(db) as store:
        rows = store.events(doc)
    table = Table("date", "type", "sides", "actor1", "place", "killed", "quote")
    for column in table.columns:
        column.no_wrap, column.overflow = True, "ellipsis"
    for column, low, high in zip(
        table.columns, (10, 9, 12, 8, 8, 6, 20), (21, 17, 30, 22, 22, 6, 60), strict=True
    ):
        column.min_width, column.max_width = low, high
    ordered = sorted(rows, key=lambda e: (e.date_start or date.min, e.doc, e.start))
    for e in ordered[:limit]:
        when = f"{e.date_start}" if e.date_end == e.date_start else f"{e.date_start}..{e.date_end}"
        table.add_row(
            when,
            e.type,
            f"{e.side1 or '?'} → {e.side2 or '?'}",
            ", ".join(e.actor1),
            ", ".join(e.locations),
            str(sum(f.killed for f in e.fatalities)) if e.fatalities else "",
            e.quote,
        )
    out.print(table)
    out.print(f"{len(rows)} events")


@app.command("eval")
def eval_events(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False),
    pred_dir: Path = typer.Argument(..., exists=True, file_okay=False),
    corpus_dir: Path = typer.Argument(..., exists=True, file_okay=False),
    worst: int = typer.Option(10, "--worst", help="How many worst-scored events to show."),
) -> None:
    """Score extracted events and tallies against gold (GUIDELINES section 4)."""
    from badia.evaluate.events import score, worst_pairs

    result = score(gold_dir, pred_dir, corpus_dir)
    table = Table("figure", "value")
    for key in (
        "events_gold",
        "events_pred",
        "detect_prf",
        "typed_prf",
        "strict_prf",
        "tallies_prf",
    ):
        table.add_row(key, str(result[key]))
    for key, value in result["on_matched"].items():
        table.add_row(f"on matched: {key}", str(value))
    out.print(table)
    docs = Table("document", "gold", "pred", "strict F1")
    for stem, row in result["per_doc"].items():
        docs.add_row(stem, str(row["gold"]), str(row["pred"]), str(row["strict_f1"]))
    out.print(docs)
    if worst:
        bad = Table("gold", "prediction", title="worst-scored events", show_lines=True)
        for gold, pred in worst_pairs(gold_dir, pred_dir, corpus_dir, worst):
            bad.add_row(gold, pred)
        out.print(bad)
