"""CLI commands: extract, events, eval."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from badia.cli.app import DEFAULT_DB, app

err = Console(stderr=True)
out = Console()


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
    from badia.events.output import write_extraction
    from badia.pipeline import extract_document
    from badia.read import iter_read
    from badia.read.errors import ReadError

    store = None
    if db is not None:
        from badia.store import Store

        store = Store(db)
    failed = n_docs = n_events = n_tallies = 0
    try:
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("extracting", total=None)
            for item in iter_read(paths, fmt=fmt):
                if isinstance(item, ReadError):
                    failed += 1
                    err.print(f"error: {item}", markup=False, highlight=False, soft_wrap=True)
                    continue
                try:
                    extraction = extract_document(item, actors)
                except Exception as exc:  # one bad document must not stop the batch
                    failed += 1
                    err.print(
                        f"error: {item.source}: extraction failed: {exc}",
                        markup=False,
                        highlight=False,
                        soft_wrap=True,
                    )
                    continue
                if out_dir is not None:
                    write_extraction(extraction, out_dir)
                if store is not None:
                    try:
                        store.save_extraction(extraction)
                    except Exception as exc:  # a value the store refuses skips one document
                        failed += 1
                        err.print(f"error: {item.source}: not stored: {exc}", markup=False,
                                  highlight=False, soft_wrap=True)
                        continue
                n_docs += 1
                n_events += len(extraction.events)
                n_tallies += len(extraction.tallies)
                progress.advance(task)
        if store is not None and merge:
            from badia.merge import run_merge

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
    doc: str | None = typer.Option(None, "--doc", help="Only events this document tells."),
    tellings: bool = typer.Option(
        False, "--tellings", help="One row per document's telling instead of per merged event."
    ),
) -> None:
    """List the stored events: one row per real event (merged across documents)."""
    from badia.store import Store
    from badia.store.export import conservative_fatalities
    from badia.store.merged import merged_view

    with Store(db) as store:
        rows, state = merged_view(store, tellings=tellings)
    if not tellings and state.message():
        err.print(f"note: {state.message()}", markup=False, highlight=False, soft_wrap=True)
    if doc is not None:
        rows = [m for m in rows if any(doc in (s.doc_id, s.doc) for s in m.sources)]
    table = Table("date", "type", "sides", "actor1", "place", "killed", "docs", "quote")
    for column in table.columns:
        column.no_wrap, column.overflow = True, "ellipsis"
    for column, low, high in zip(
        table.columns, (10, 9, 12, 8, 8, 6, 4, 20), (21, 17, 30, 22, 22, 6, 4, 60), strict=True
    ):
        column.min_width, column.max_width = low, high
    for m in rows[:limit]:
        when = f"{m.date_start}" if m.date_end == m.date_start else f"{m.date_start}..{m.date_end}"
        table.add_row(
            when,
            m.type,
            f"{m.side1 or '?'} → {m.side2 or '?'}",
            escape(", ".join(m.actor1)),
            escape(", ".join(m.locations)),
            str(conservative_fatalities(m)) if m.fatalities else "",
            str(len(m.documents)),
            escape(m.sources[0].quote),
        )
    out.print(table)
    out.print(f"{len(rows)} {'tellings' if tellings else 'merged events'}")


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
