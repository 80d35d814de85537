"""CLI commands: extract, events, eval."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date, timedelta
from pathlib import Path

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from badia.cli.app import DEFAULT_DB, app
from badia.cli.progress import corpus_progress
from badia.cli.usage import (
    check_choice,
    check_choices,
    existing_store,
    fail,
    new_store,
    one_of,
)
from badia.merge.records import MergedEvent
from badia.model import EVENT_TYPES, SIDES
from badia.read import FORMATS
from badia.store import StoreFailed
from badia.terminal import SafeConsole

err = SafeConsole(stderr=True)
out = SafeConsole()


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin."),
    out_dir: Path | None = typer.Option(None, "--out", help="Write <stem>.events.jsonl etc. here."),
    db: Path | None = typer.Option(None, "--db", help="Also store documents and events here."),
    fmt: str | None = typer.Option(
        None, "--format", help=f"Force the input format: {one_of(FORMATS)}."
    ),
    merge: bool = typer.Option(
        False, "--merge", help="Then merge events across documents in the store (needs --db)."
    ),
    actors_file: Path | None = typer.Option(
        None, "--actors", help="Your own actor lexicon (YAML, layout of data/actors.yaml)."
    ),
    max_mb: float = typer.Option(
        10.0, "--max-mb", min=0.001, help="Skip (and name) documents larger than this (MB)."
    ),
    time_limit: float = typer.Option(
        60.0,
        "--time-limit",
        min=0,
        help="Seconds a document may take to read, and again to extract; 0: no limit.",
    ),
    workers: int = typer.Option(
        0,
        "--workers",
        min=0,
        help="Worker processes (0: one per core; one for under 1 MB of files). "
        "Outputs do not change.",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Run on this Dask cluster (tcp://HOST:8786); needs --parquet, reads with --db.",
    ),
    parquet: Path | None = typer.Option(
        None, "--parquet", help="With --scheduler: write a Parquet dataset (one folder per table)."
    ),
    syntax: bool | None = typer.Option(
        None,
        "--syntax/--no-syntax",
        help="Read roles and negation from a dependency parse (spaCy, the default) or by the "
        "word-window rules only [default: BADIA_SYNTAX, else --syntax]",
        show_default=False,
    ),
) -> None:
    """Extract events, tallies and the infobox from documents (into --out files, a --db store)."""
    import os

    if syntax is not None:
        os.environ["BADIA_SYNTAX"] = "1" if syntax else "0"  # worker processes inherit it
    check_choice("--format", fmt, FORMATS)
    if scheduler is not None:
        if parquet is None or out_dir is not None:
            fail("--scheduler writes a Parquet dataset: give --parquet DIR (not --out)")
    elif parquet is not None:
        fail("--parquet goes with --scheduler (a local run writes --out files or a --db store)")
    elif out_dir is None and db is None:
        fail("nothing would be kept; add --out DIR (files per document) or --db FILE (a store)")
    if merge and db is None:
        fail("--merge needs --db (merging works over the store)")
    if db is not None:
        new_store(db)
    actors = None
    if actors_file is not None:
        from badia.pipeline import load_actor_lexicon

        try:
            actors = load_actor_lexicon(actors_file)
        except (OSError, ValueError) as exc:
            fail(str(exc))
    if scheduler is not None and parquet is not None:
        _extract_on_cluster(paths, scheduler, parquet, db, fmt, actors)
        return
    from badia.events.output import OutputNames, write_rendered
    from badia.runner import Job, WorkerDied, default_workers, iter_units, run_units

    budgets = {"max_bytes": int(max_mb * 1024 * 1024), "time_limit": time_limit or None}
    job = Job(fmt=fmt, actors=actors, render=out_dir is not None, rows=db is not None, **budgets)
    names = OutputNames()  # inputs sharing a file name never overwrite each other
    store = None
    if db is not None:
        from badia.store import BatchWriter, Store

        store = Store(db, ingest=True)
    failed = n_docs = n_events = n_tallies = 0
    try:
        with (
            corpus_progress(paths, err, "extracting") as progress,
            BatchWriter(store) if store is not None else nullcontext() as writer,
        ):

            def not_stored(refused: list[tuple[str, str]]) -> None:
                nonlocal failed, n_docs
                for source, why in refused:  # a value the store refuses skips one document
                    failed, n_docs = failed + 1, n_docs - 1
                    progress.console.print(
                        f"error: {source}: not stored: {why}",
                        markup=False,
                        highlight=False,
                        soft_wrap=True,
                    )

            units = iter_units(paths, fmt, **budgets)
            for result in run_units(units, job, workers or default_workers(paths)):
                if result.error is not None:
                    failed += 1
                    progress.console.print(
                        f"error: {result.error}", markup=False, highlight=False, soft_wrap=True
                    )
                    progress.step(result.source, result.n_bytes)
                    continue
                if out_dir is not None:
                    files = names.rename(result.files, result.stem, result.source, result.doc_id)
                    write_rendered(files, out_dir)
                n_docs += 1
                n_events += result.n_events
                n_tallies += result.n_tallies
                if writer is not None and result.rows is not None:
                    not_stored(writer.add(result.rows, result.n_bytes))
                progress.step(result.source, result.n_bytes)
            if writer is not None:
                not_stored(writer.flush())
        if store is not None and merge:
            from badia.merge import run_merge

            store.connection.execute("RESET memory_limit")  # merging may need more
            result = run_merge(store)
            err.print(
                f"merged: {len(result.merged_events)} events, "
                f"{len(result.cross_document)} told by more than one document"
            )
        elif store is not None and n_docs:
            from badia.store.merged import merge_state

            if merge_state(store).status != "fresh":
                err.print(
                    "note: the store's events are not merged yet: run `badia merge --db "
                    f"{db}` (or extract with --merge); until then views merge in memory",
                    markup=False, highlight=False, soft_wrap=True,
                )
    except WorkerDied as exc:
        err.print(f"error: {exc}; the {n_docs + failed} documents before it are kept")
        raise typer.Exit(1) from exc
    except StoreFailed as exc:
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    finally:
        if store is not None:
            store.close()
    kept = " and ".join(
        f"{label} {where}" for label, where in (("files in", out_dir), ("store", db)) if where
    )
    _closing(n_docs, n_events, n_tallies, failed, kept)


def _closing(n_docs: int, n_events: int, n_tallies: int, failed: int, kept: str) -> None:
    """The last line of an extract run; exit status 1 when a document failed."""
    err.print(
        f"{n_docs} documents, {n_events} events, {n_tallies} tallies, {failed} failed "
        f"(written to {kept})",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if failed:
        raise typer.Exit(1)


def _extract_on_cluster(
    paths: list[str],
    scheduler: str,
    parquet: Path,
    db: Path | None,
    fmt: str | None,
    actors: object,
) -> None:
    from badia.cli.cluster import run_on_cluster

    n_docs, n_events, n_tallies, errors = run_on_cluster(paths, scheduler, parquet, fmt, actors)
    for line in errors:
        err.print(f"error: {line}", markup=False, highlight=False, soft_wrap=True)
    if db is not None:
        from badia.store import Store

        with Store(db, ingest=True) as store:
            store.load_parquet(parquet)
    kept = f"dataset {parquet}" + (f" and store {db}" if db else "")
    _closing(n_docs, n_events, n_tallies, len(errors), kept)


def _parse_day(option: str, value: str | None) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; a month or year starts (``--since``) or ends
    (``--until``) the period it names."""
    if value is None:
        return None
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return date.fromisoformat(value)
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            if option == "--since":
                return date(year, month, 1)
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(year, 1, 1) if option == "--since" else date(year, 12, 31)
    except ValueError:
        pass
    fail(f"{option} {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def event_rows(
    db: str | Path,
    *,
    since: date | None = None,
    until: date | None = None,
    types: str | None = None,
    sides: str | None = None,
    place: str | None = None,
    actor: str | None = None,
    doc: str | None = None,
    tellings: bool = False,
) -> tuple[list[MergedEvent], str | None]:
    """Merged events (``tellings``: each document's telling) matching every filter (the
    API's ``filter_events``), in date order; and the note when the saved merge is stale."""
    from badia.present.queries import Dataset, filter_events
    from badia.store import Store
    from badia.store.merged import merged_view

    with Store(db, read_only=True) as store:
        events = store.events()
        merged, state = merged_view(store)
    snapshot = Dataset(documents=[], events=events, tallies=[], infoboxes=[],
                       merged_events=merged)
    rows = filter_events(
        snapshot, date_from=since, date_to=until, type=types, side=sides,
        place=place, actor=actor, doc=doc, tellings=tellings,
    )
    return rows, None if tellings else state.message()


def _killed(m: MergedEvent) -> str:
    """The most conservative claim per side, summed (ACLED's rule; tellings not added)."""
    from badia.store.export import conservative_fatalities

    return str(conservative_fatalities(m)) if m.fatalities else ""


def _when(e: MergedEvent) -> str:
    """The event's date in at most two lines of ten: a whole year or month as such."""
    start, end = e.date_start, e.date_end or e.date_start
    if start is None or end is None:
        return "undated"
    if start == end:
        return start.isoformat()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    whole_month = start.day == 1 and (end + timedelta(days=1)).day == 1
    if whole_month and (start.year, start.month) == (end.year, end.month):
        return start.isoformat()[:7]
    return f"{start.isoformat()}\n–{end.isoformat()}"


def events_table(rows: list[MergedEvent], width: int) -> Table:
    """Date, type, sides, place and killed always fit; the quote takes what is left.

    Under 120 columns the sides wrap onto two lines and the actors are left out
    (they stay in ``export`` and the API); the quote is cut to about two lines.
    """
    wide = width >= 120
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True, show_edge=False)
    table.add_column("date", min_width=10, max_width=10 if not wide else 11)
    table.add_column("type", max_width=17 if wide else 10, overflow="fold")
    table.add_column("sides", max_width=30 if wide else 14, overflow="fold")
    if wide:
        table.add_column("actor1", max_width=24, overflow="ellipsis")
    table.add_column("place", max_width=24 if wide else 14, overflow="fold")
    table.add_column("killed", justify="right", no_wrap=True, min_width=6)
    table.add_column("quote", ratio=1, min_width=10, overflow="ellipsis")
    quote_chars = max(24, (width - 66) * 2)  # about two lines of the quote column
    for e in rows:
        quote = " ".join(e.sources[0].quote.split())
        if len(e.documents) > 1:
            quote = f"[{len(e.documents)} documents] {quote}"
        if len(quote) > quote_chars:
            quote = quote[: quote_chars - 1] + "…"
        cells = [
            _when(e),
            e.type,
            f"{e.side1 or '?'} → {e.side2 or '?'}",
            *([", ".join(e.actor1)] if wide else []),
            ", ".join(e.locations),
            _killed(e),
            quote,
        ]
        table.add_row(*(Text(c) for c in cells))
    return table


@app.command()
def events(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="The badia store."),
    limit: int = typer.Option(50, "--limit", min=1, help="Show at most this many."),
    since: str | None = typer.Option(
        None, "--since", help="Events ending on or after this day (YYYY-MM-DD, YYYY-MM, YYYY)."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Events starting on or before this day (YYYY-MM-DD, YYYY-MM, YYYY)."
    ),
    types: str | None = typer.Option(
        None, "--type", help=f"Event type(s), comma-separated: {one_of(EVENT_TYPES)}."
    ),
    sides: str | None = typer.Option(
        None, "--side", help=f"Side(s) of either party, comma-separated: {one_of(SIDES)}."
    ),
    place: str | None = typer.Option(
        None, "--place", help="Part of a place or governorate name (any case)."
    ),
    actor: str | None = typer.Option(None, "--actor", help="Part of an actor name (any case)."),
    doc: str | None = typer.Option(
        None, "--doc", help="Only events this document tells (id or file name)."
    ),
    tellings: bool = typer.Option(
        False, "--tellings", help="One row per document's telling instead of per merged event."
    ),
) -> None:
    """List the events in date order, one row per real event (merged across documents),
    filtered; the quote (the first telling's) is cut to fit the terminal."""
    check_choices("--type", types, EVENT_TYPES)
    check_choices("--side", sides, SIDES)
    start, end = _parse_day("--since", since), _parse_day("--until", until)
    existing_store(db)
    rows, note = event_rows(
        db, since=start, until=end, types=types, sides=sides, place=place, actor=actor, doc=doc,
        tellings=tellings,
    )
    if note:
        err.print(f"note: {note}", markup=False, highlight=False, soft_wrap=True)
    console = SafeConsole()  # per call, so COLUMNS is read when the command runs
    console.print(events_table(rows[:limit], console.width))
    shown = f"{min(limit, len(rows))} of " if len(rows) > limit else ""
    what = "tellings" if tellings else "merged events"
    console.print(f"{shown}{len(rows)} {what}", highlight=False)


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
