"""CLI commands: merging (merge, casualties, control, oob).

Thin wrappers: the work is done by :mod:`badia.merge` and :mod:`badia.store.merged`;
this module only opens the store and renders rich tables. Text that comes from documents
is escaped before rich sees it (it is data, never markup).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from badia.cli.app import DEFAULT_DB, app
from badia.cli.usage import check_choice, existing_store, fail, one_of, store_problem
from badia.merge import casualty_table, control_timelines, order_of_battle, run_merge
from badia.merge.control import find_place
from badia.merge.records import CasualtyRow, ControlPeriod, MergeResult, OobSide, OobUnit
from badia.model import SIDES
from badia.store import Store, StoreError
from badia.terminal import SafeConsole

__all__ = ["merge_store", "casualty_rows", "control_periods", "oob_sides"]

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
console = SafeConsole()
SideOption = Annotated[str | None, typer.Option("--side", help=f"Only this side, {one_of(SIDES)}.")]


def _fresh_console() -> None:
    """A console per command, so the terminal width (``COLUMNS``) is read at run time."""
    global console
    console = SafeConsole()


def _open(db: Path) -> Store:
    existing_store(db)
    try:
        return Store(db)
    except StoreError as exc:
        fail(store_problem(exc))


def _check_side(side: str | None) -> None:
    check_choice("--side", side, SIDES)


# --------------------------------------------------------------------- plain functions


def merge_store(db: str | Path = DEFAULT_DB) -> MergeResult:
    """Merge everything in the store and save the merge tables."""
    with Store(db) as store:
        return run_merge(store)


def casualty_rows(
    db: str | Path = DEFAULT_DB, by: str = "year", side: str | None = None
) -> list[CasualtyRow]:
    with Store(db) as store:
        rows = casualty_table(store.events(), store.tallies(), by=by)  # type: ignore[arg-type]
    return [r for r in rows if side is None or r.side == side]


def control_periods(db: str | Path = DEFAULT_DB, place: str | None = None) -> list[ControlPeriod]:
    """Control periods from the events in the store, for the places matching ``place``."""
    with Store(db) as store:
        periods = control_timelines(store.events())
    if place is None:
        return periods
    keys = set(find_place(periods, place))
    return [p for p in periods if p.key in keys]


def oob_sides(db: str | Path = DEFAULT_DB, side: str | None = None) -> list[OobSide]:
    with Store(db) as store:
        sides = order_of_battle(store.infoboxes())
    return [s for s in sides if side is None or s.side == side]


# --------------------------------------------------------------------- commands


@app.command("merge")
def merge_cmd(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Merge events across documents; save merged events, claims, control, order of battle."""
    _fresh_console()
    with _open(db) as store:
        result = run_merge(store)
    merged = result.merged_events
    n_events = sum(len(m.sources) for m in merged)
    cross = result.cross_document
    console.print(
        f"{n_events} events -> {len(merged)} merged events "
        f"({len(cross)} told by more than one document); {len(result.claims)} claims, "
        f"{len({p.key for p in result.control})} places with control timelines, "
        f"{len(result.order_of_battle)} sides in the order of battle."
    )
    if not cross:
        return
    for m in cross:
        date = "" if m.date_start is None else m.date_start.isoformat()
        if m.date_end and m.date_end != m.date_start:
            date += f"..{m.date_end.isoformat()}"
        console.print(
            f"\n[bold]{date} {m.type}[/bold] {m.side1 or '?'} -> {m.side2 or '?'} at "
            f"{escape(', '.join(m.locations) or '?')}  [dim]({escape(', '.join(m.documents))})"
            "[/dim]"
        )
        for reason in m.reasons:
            console.print(f"  because {escape(reason)}", soft_wrap=True)


@app.command("casualties")
def casualties_cmd(
    db: DbOption = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option("--by", help="Period: year or month.")] = "year",
    side: SideOption = None,
) -> None:
    """Killed by side and period, per source, flagging disagreements and nested periods."""
    _fresh_console()
    check_choice("--by", by, ("year", "month"))
    _check_side(side)
    _open(db).close()
    rows = casualty_rows(db, by=by, side=side)
    table = Table(box=box.SIMPLE_HEAD)
    for col in ("period", "dates", "side", "source", "killed", "counted", "flags"):
        table.add_column(
            col,
            justify="right" if col in ("killed", "counted") else "left",
            no_wrap=col != "flags",
            max_width=22 if col == "source" else None,
            min_width=30 if col == "flags" else None,
            overflow="ellipsis",
        )
    for r in rows:
        dates = f"{r.period_start.isoformat()}..{r.period_end.isoformat()}"
        flags = "\n".join(r.flags)
        table.add_row(
            r.period,
            dates,
            r.side,
            escape(r.source),
            str(r.killed),
            str(r.counted),
            f"[yellow]{escape(flags)}[/yellow]" if flags else "",
        )
    console.print(table)
    totals: dict[str, int] = {}
    for r in rows:
        totals[r.side] = totals.get(r.side, 0) + r.counted
    console.print(
        "counted (no double counting): " + ", ".join(f"{s} {n}" for s, n in sorted(totals.items()))
    )


def _print_timeline(periods: list[ControlPeriod]) -> None:
    """One table of periods, then the numbered quotes that support them."""
    table = Table(title=escape(periods[0].place), box=box.SIMPLE_HEAD, title_justify="left")
    for col in ("from", "to", "held by", "note", "evidence"):
        table.add_column(col, no_wrap=col in ("from", "to"))
    quotes: list[str] = []
    for p in periods:
        held = p.side if p.side != "contested" else f"contested ({', '.join(p.parties)})"
        refs = []
        for e in p.evidence:
            quotes.append(
                f"[{len(quotes) + 1}] {e.date_start.isoformat() if e.date_start else '?'} "
                f"{e.doc}{' (partial)' if e.partial else ''}: {e.quote}"
            )
            refs.append(str(len(quotes)))
        table.add_row(
            p.start.isoformat() if p.start else "?",
            p.end.isoformat() if p.end else "(open)",
            held,
            escape(p.note or ""),
            ", ".join(refs),
        )
    console.print(table)
    for q in quotes:
        console.print("  " + escape(q), soft_wrap=True, highlight=False)
    console.print()


@app.command("control")
def control_cmd(
    place: Annotated[str | None, typer.Argument(help="A place name (any spelling).")] = None,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Who held a place over time (all places' current holders without PLACE)."""
    _fresh_console()
    _open(db).close()
    periods = control_periods(db, place)
    if not periods:
        console.print("No control changes found" + (f" for {escape(place)!r}." if place else "."))
        raise typer.Exit(1 if place else 0)
    by_key: dict[str, list[ControlPeriod]] = {}
    for p in periods:
        by_key.setdefault(p.key, []).append(p)
    if place is not None:
        for group in by_key.values():
            _print_timeline(group)
        return
    table = Table(box=box.SIMPLE_HEAD)
    for col in ("place", "changes", "held by (last told)", "since"):
        table.add_column(col)
    for group in by_key.values():
        last = group[-1]
        held = last.side if last.side != "contested" else f"contested ({', '.join(last.parties)})"
        table.add_row(
            escape(last.place), str(len(group)), held, last.start.isoformat() if last.start else "?"
        )
    console.print(table)


def _add_units(tree: Tree, units: list[OobUnit]) -> None:
    for u in units:
        docs = f" [dim]({len(u.documents)} doc{'s' if len(u.documents) != 1 else ''})[/dim]"
        _add_units(tree.add(escape(u.name) + docs), u.children)


@app.command("oob")
def oob_cmd(
    db: DbOption = Path(DEFAULT_DB),
    side: SideOption = None,
) -> None:
    """The order of battle merged from every infobox, per side."""
    _fresh_console()
    _check_side(side)
    _open(db).close()
    sides = oob_sides(db, side)
    if not sides:
        console.print("No infobox order of battle in the store.")
        return
    for s in sides:
        tree = Tree(f"[bold]{s.side}[/bold]")
        if s.combatants:
            _add_units(tree.add("combatants"), s.combatants)
        if s.commanders:
            branch = tree.add("commanders")
            for c in s.commanders:
                fate = f" [red]{c.status}[/red]" if c.status else ""
                branch.add(f"{escape(c.name)}{fate} [dim]({escape(', '.join(c.documents))})[/dim]")
        if s.units:
            _add_units(tree.add("units"), s.units)
        console.print(tree)
