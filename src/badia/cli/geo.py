"""CLI commands: export, places, eval-places (thin wrappers over places/, store/export)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from badia.cli.app import DEFAULT_DB, app
from badia.cli.usage import check_choice, existing_store, fail, one_of
from badia.store.export import FORMATS as EXPORT_FORMATS
from badia.terminal import SafeConsole

out = SafeConsole()
err = SafeConsole(stderr=True)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help=f"Output format: {one_of(EXPORT_FORMATS)}.")],
    dest: Annotated[Path, typer.Option("--out", help="File to write.")],
    db: Annotated[Path, typer.Option("--db", help="The badia store.")] = Path(DEFAULT_DB),
    tellings: Annotated[bool, typer.Option(
        "--tellings", help="One row per document's telling instead of per merged event.")] = False,
    actors_file: Annotated[Path | None, typer.Option(
        "--actors", help="Your actor list (layout of data/actors.yaml) mapping names to "
                         "ACLED's (acled_name, acled_inter).")] = None,
) -> None:
    """Export the merged events (one row per real event, every telling as its sources)
    as ACLED/UCDP CSV, GeoJSON, Parquet or JSONL."""
    from badia.store import Store
    from badia.store.actor_names import load_actor_names
    from badia.store.export import export_events
    from badia.store.merged import merged_view

    check_choice("--format", fmt, EXPORT_FORMATS)
    existing_store(db)
    if dest.is_dir():
        fail(f"--out {dest} is a folder; give the file to write, e.g. --out {dest / 'events'}")
    try:
        names = load_actor_names(actors_file)
    except (OSError, ValueError) as exc:
        fail(str(exc))
    with Store(db, read_only=True) as store:
        rows, state = merged_view(store, tellings=tellings)
        docs = {d.id: d for d in store.documents()}
    if not tellings and state.message():
        err.print(f"note: {state.message()}", markup=False, highlight=False, soft_wrap=True)
    n = export_events(rows, fmt, dest, docs, names)  # type: ignore[arg-type]
    what = "tellings" if tellings else "merged events"
    err.print(f"wrote {n} {what} to {dest}", markup=False, highlight=False)


@app.command("places")
def places_cmd(
    db: Annotated[Path, typer.Option("--db", help="The badia store.")] = Path(DEFAULT_DB),
    unresolved: Annotated[bool, typer.Option(
        "--unresolved",
        help="List names that did not resolve, with their kind (place, line, river, region, "
             "description) and documents.")] = False,
) -> None:
    """Table of the stored events' places with counts (or the unresolved names).

    The rows are those of the API's ``/api/places`` (``queries.place_rows``).
    """
    from badia.present.queries import Dataset, place_rows
    from badia.store import Store

    existing_store(db)
    with Store(db, read_only=True) as store:
        snapshot = Dataset(documents=[], events=store.events(), tallies=[], infoboxes=[])
    if unresolved:
        from badia.places.kinds import name_kind

        t = Table("name", "kind", "events", "documents")
        rows = place_rows(snapshot, unresolved=True)
        for r in sorted(rows, key=lambda r: r["name"].casefold()):
            t.add_row(r["name"], name_kind(r["name"]), str(r["events"]), ", ".join(r["documents"]))
        out.print(t)
        return
    t = Table("name", "gazetteer id", "lat", "lon", "admin1", "geo_prec", "where_prec", "events")
    for r in place_rows(snapshot):
        t.add_row(
            r["name"], r["gazetteer_id"] or "-", _f(r["lat"]), _f(r["lon"]), r["admin1"] or "-",
            _f(r["geo_precision"]), _f(r["where_prec"]), str(r["events"]),
        )
    out.print(t)


@app.command("eval-places")
def eval_places_cmd(
    sets: Annotated[list[Path], typer.Argument(
        help="Pairs GOLD_DIR CORPUS_DIR (folder of <stem>.events.jsonl gold files, folder of "
             "the <stem>.txt or .md documents); one report per pair.")],
) -> None:
    """Resolve the gold location names; print resolved share, within-25-km share, misses."""
    from badia.evaluate.places import evaluate_places, report

    if len(sets) % 2:
        err.print("eval-places takes pairs: GOLD_DIR CORPUS_DIR [GOLD_DIR CORPUS_DIR ...]")
        raise typer.Exit(2)
    for gold_dir, corpus_dir in zip(sets[::2], sets[1::2], strict=True):
        title = f"{gold_dir} ({corpus_dir})" if len(sets) > 2 else None
        out.print(report(evaluate_places(gold_dir, corpus_dir), title), markup=False,
                  highlight=False, soft_wrap=True)


def _f(v: object) -> str:
    return "-" if v is None else str(v)
