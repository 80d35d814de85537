"""The typer application every command module registers on."""

import typer

app = typer.Typer(
    name="badia",
    help="Conflict reports in, a geocoded, source-attributed event dataset out.",
    no_args_is_help=True,
    add_completion=False,
)

DEFAULT_DB = "badia.duckdb"
