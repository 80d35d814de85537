"""Command-line interface: thin wrappers over the package's Python functions.

Each module registers its commands on the one typer ``app``:
documents (ingest, docs, parse, eval-infobox), extraction (extract, events, eval),
geo (places, eval-places, export), merging (merge, casualties, control, oob),
presenting (report, serve).
"""

from badia.cli import (  # noqa: F401  (registers)
    cluster,
    documents,
    extraction,
    geo,
    merging,
    presenting,
)
from badia.cli.app import app


def main() -> None:
    app()
