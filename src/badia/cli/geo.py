"""CLI commands: export, places, eval-places (thin wrappers over places/, store/export)."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from badia.cli.app import DEFAULT_DB, app
from badia.cli.usage import check_choice, existing_store, fail, one_of
from badia.store.export import FORMATS as EXPORT_FORMATS

out = Console()
err = Console(stderr=True)


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
    """Table of the stored events' places with counts (or the unresolved names)."""
    from badia.store import Store

    existing_store(db)
    with Store(db, read_only=True) as store:
        events = store.events()
    if unresolved:
        docs: dict[str, set[str]] = defaultdict(set)
        for e in events:
            for p in e.places:
                if p.latitude is None:
                    docs[p.name].add(e.doc)
        from badia.places.kinds import name_kind

        t = Table("name", "kind", "events", "documents")
        for name in sorted(docs, key=str.lower):
            n = sum(1 for e in events for p in e.places if p.name == name and p.latitude is None)
            t.add_row(name, name_kind(name), str(n), ", ".join(sorted(docs[name])))
        out.print(t)
        return
    counts: Counter[tuple] = Counter()
    for e in events:
        for p in e.places:
            counts[(p.name, p.gazetteer_id, p.latitude, p.longitude, p.admin1,
                    p.geo_precision, p.where_prec)] += 1
    t = Table("name", "gazetteer id", "lat", "lon", "admin1", "geo_prec", "where_prec", "events")
    for (name, gid, lat, lon, a1, gp, wp), n in sorted(counts.items(), key=lambda x: -x[1]):
        t.add_row(name, gid or "-", _f(lat), _f(lon), a1 or "-", _f(gp), _f(wp), str(n))
    out.print(t)


@app.command("eval-places")
def eval_places_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of <stem>.events.jsonl gold files.")],
    corpus_dir: Annotated[Path, typer.Argument(help="Folder of the <stem>.txt documents.")],
) -> None:
    """Resolve the gold location names; print resolved share, within-25-km share, misses."""
    from badia.evaluate.places import evaluate_places, report

    out.print(report(evaluate_places(gold_dir, corpus_dir)), markup=False, highlight=False)


def _f(v: object) -> str:
    return "-" if v is None else str(v)
