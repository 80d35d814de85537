"""CLI commands: documents (ingest, docs, parse, eval-infobox).

Each command is a thin wrapper over a plain function of this module, which the
tests and other front ends can call directly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from badia.cli.app import DEFAULT_DB, app
from badia.cli.progress import corpus_progress
from badia.cli.usage import check_choice, existing_store, new_store, one_of
from badia.evaluate.infobox import FIELDS, overall, score_dirs
from badia.events.output import OutputNames
from badia.model import Document
from badia.read import FORMATS, iter_read
from badia.store import Store
from badia.structure.infobox import infobox_to_gold_json
from badia.terminal import SafeConsole

__all__ = ["IngestSummary", "ingest_paths", "parse_documents", "document_rows"]


@dataclass
class IngestSummary:
    added: int = 0
    already: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def ingest_paths(
    paths: list[str],
    db: str | Path = DEFAULT_DB,
    fmt: str | None = None,
    on_item: Callable[[str, int], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> IngestSummary:
    """Read ``paths`` and store each document (with its infobox) in its own transaction.

    ``on_item(source, n_bytes)`` is called after each input (document or failure),
    ``on_error(path, reason)`` for each input that could not be read.
    """
    summary = IngestSummary()
    with Store(db, ingest=True) as store:
        for item in iter_read(paths, fmt=fmt):
            if isinstance(item, Document):
                if store.add_document(item):
                    summary.added += 1
                else:
                    summary.already += 1
                source, n_bytes = item.source, len(item.text.encode("utf-8"))
            else:
                path, reason = str(item.path), item.reason
                summary.failed.append((path, reason))
                if on_error:
                    on_error(path, reason)
                source, n_bytes = path, 0
            if on_item:
                on_item(source, n_bytes)
    return summary


def document_rows(db: str | Path = DEFAULT_DB) -> list[dict]:
    """One row per stored document, with its events and tallies counts."""
    with Store(db, read_only=True) as store:  # a listing never takes the write lock
        counts = store.doc_counts()
        return [
            {
                "id": d.id,
                "name": d.name,
                "format": d.format,
                "title": d.title,
                "published": d.published.isoformat() if d.published else None,
                "events": counts.get(d.id, (0, 0))[0],
                "tallies": counts.get(d.id, (0, 0))[1],
            }
            for d in store.documents()
        ]


def parse_documents(
    paths: list[str],
    out_dir: str | Path,
    fmt: str | None = None,
    on_item: Callable[[str, int], None] | None = None,
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Write ``<stem>.infobox.json`` (gold layout) for each document with an infobox.

    ``on_item(source, n_bytes)`` is called after each input, as in ``ingest_paths``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    failed: list[tuple[str, str]] = []
    names = OutputNames()  # inputs sharing a file name never overwrite each other
    for item in iter_read(paths, fmt=fmt):
        if on_item:
            if isinstance(item, Document):
                on_item(item.source, len(item.text.encode("utf-8")))
            else:
                on_item(str(item.path), 0)
        if not isinstance(item, Document):
            failed.append((str(item.path), item.reason))
            continue
        if item.infobox is None:
            continue
        # The stem comes from the file name only: never a path taken from the text.
        target = out / f"{names.stem_for(item)}.infobox.json"
        target.write_text(
            json.dumps(infobox_to_gold_json(item.infobox), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        written.append(target)
    return written, failed


# ------------------------------------------------------------------------- commands

_err = SafeConsole(stderr=True, highlight=False)
_out = SafeConsole(highlight=False)

DbOption = Annotated[str, typer.Option("--db", help="DuckDB store file.")]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", help=f"Force the input format instead of detecting it: {one_of(FORMATS)}."
    ),
]


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or '-' for stdin.")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = None,
) -> None:
    """Read documents and store them (idempotent: a stored document is skipped)."""
    check_choice("--format", fmt, FORMATS)
    new_store(db)
    with corpus_progress(paths, _err, "ingesting") as progress:

        def on_error(path: str, reason: str) -> None:
            progress.console.print(f"error: {path}: {reason}", markup=False, soft_wrap=True)

        summary = ingest_paths(paths, db, fmt, on_item=progress.step, on_error=on_error)
    _out.print(
        f"added {summary.added}, already stored {summary.already}, "
        f"failed {len(summary.failed)}",
        markup=False,
        soft_wrap=True,
    )
    if summary.failed:
        raise typer.Exit(1)


@app.command("docs")
def docs_cmd(db: DbOption = DEFAULT_DB) -> None:
    """List the stored documents (the id column shows on terminals of 110 columns or more)."""
    existing_store(db)
    console = SafeConsole(highlight=False)  # per call, so COLUMNS is read when the command runs
    with_id = console.width >= 110
    table = Table(title=f"documents in {db}", box=box.SIMPLE_HEAD, show_edge=False, expand=True)
    if with_id:
        table.add_column("id", no_wrap=True)
    table.add_column("name", no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column("format", no_wrap=True)
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1, min_width=12)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("events", justify="right", no_wrap=True)
    table.add_column("tallies", justify="right", no_wrap=True)
    for row in document_rows(db):
        cells = [row["name"], row["format"], row["title"], row["published"]]
        cells = ([row["id"]] if with_id else []) + cells + [row["events"], row["tallies"]]
        table.add_row(*(Text("" if v is None else str(v)) for v in cells))
    console.print(table)


@app.command("parse")
def parse_cmd(
    paths: Annotated[list[str], typer.Argument(help="Documents to read.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for <stem>.infobox.json files.")],
    fmt: FormatOption = None,
) -> None:
    """Write the infobox record of each document that has one, in the gold layout."""
    check_choice("--format", fmt, FORMATS)
    with corpus_progress(paths, _err, "parsing") as progress:
        written, failed = parse_documents(paths, out, fmt, on_item=progress.step)
    for path, reason in failed:
        _err.print(f"error: {path}: {reason}", markup=False, soft_wrap=True)
    _out.print(f"wrote {len(written)} infobox file(s) to {out}", markup=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command("eval-infobox")
def eval_infobox_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold <stem>.infobox.json.")],
    pred_dir: Annotated[Path, typer.Argument(help="Folder of predicted <stem>.infobox.json.")],
) -> None:
    """Score predicted infoboxes against gold, per field and overall."""
    if not gold_dir.is_dir():
        _err.print(f"error: {gold_dir}: not a folder", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    scores, stems = score_dirs(gold_dir, pred_dir)
    table = Table(title=f"infobox leaves, {len(stems)} document(s)")
    for col in ("field", "equal", "total", "%"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name in FIELDS:
        equal, total = scores[name]
        pct = f"{100 * equal / total:.1f}" if total else "-"
        table.add_row(name, str(equal), str(total), pct)
    _out.print(table)
    _out.print(f"overall: {100 * overall(scores):.1f}%")
