"""User mistakes on the command line: one line on stderr that says the fix, then exit.

Every command checks its options through these helpers before it does any work,
so a mistyped store, format, side or type reads the same everywhere and never
ends in a traceback. Exit codes follow click's convention: ``USAGE`` (2) for a
value the user can correct, 1 for work that failed.

The messages carry the user's own values verbatim; they are printed without rich
markup, so a path with ``[brackets]`` is shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import typer

from badia.terminal import clean_line

__all__ = [
    "USAGE",
    "error_line",
    "fail",
    "one_of",
    "check_choice",
    "check_choices",
    "existing_store",
    "store_problem",
    "new_store",
]

USAGE = 2
"""Exit code for a value the user can correct (click uses 2 for usage errors)."""


def error_line(message: str) -> None:
    """Print ``error: <message>`` as one line on stderr (line breaks in it become spaces)."""
    typer.echo(f"error: {clean_line(message)}", err=True)


def fail(message: str, code: int = USAGE) -> NoReturn:
    """Print ``error: <message>`` as one line on stderr and exit with ``code``."""
    error_line(message)
    raise typer.Exit(code)


def one_of(choices: Iterable[str]) -> str:
    """``"one of: a, b, c"``, for help texts and error messages alike."""
    return "one of: " + ", ".join(choices)


def check_choice(option: str, value: str | None, choices: Iterable[str]) -> str | None:
    """``value`` when it is one of ``choices`` (or None); else exit naming the choices."""
    allowed = tuple(choices)
    if value is not None and value not in allowed:
        fail(f"unknown {option} {value!r}; {one_of(allowed)}")
    return value


def check_choices(option: str, value: str | None, choices: Iterable[str]) -> list[str] | None:
    """A comma-separated ``value`` split into its items, each checked as ``check_choice``."""
    if value is None:
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    for item in items:
        check_choice(option, item, choices)
    return items or None


def store_problem(exc: Exception) -> str:
    """The one-line message for a store file that exists but cannot be opened."""
    return f"{exc}; --db must name a store made by `badia ingest` or `badia extract`"


def existing_store(db: str | Path) -> Path:
    """The store a reading command opens: it must exist (a read never creates one)."""
    path = Path(db)
    if path.is_dir():
        fail(f"--db {path} is a folder; give the store file, e.g. --db {path / 'badia.duckdb'}")
    if not path.exists():
        fail(f"no store at {path}; create one with `badia extract DOCS --db {path}`")
    return path


def new_store(db: str | Path) -> Path:
    """The store a writing command may create: its folder must exist, it must not be one."""
    path = Path(db)
    if path.is_dir():
        fail(f"--db {path} is a folder; give the store file, e.g. --db {path / 'badia.duckdb'}")
    folder = path.parent
    if not folder.is_dir():
        fail(f"--db {path}: no folder {folder}; create it with `mkdir -p {folder}`")
    return path
