"""The typer application every command module registers on, and its ``--version``."""

from typing import Annotated

import typer

from badia import __version__
from badia.terminal import warn_on_stderr

app = typer.Typer(
    name="badia",
    help="Conflict reports in, a geocoded, source-attributed event dataset out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

DEFAULT_DB = "badia.duckdb"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"badia {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print badia's version and exit."),
    ] = False,
) -> None:
    """Conflict reports in, a geocoded, source-attributed event dataset out."""
    warn_on_stderr()
