"""CLI commands: presenting (report, serve).

Thin wrappers over ``badia.present``: ``report`` writes the self-contained HTML
file and prints its path; ``serve`` runs the read-only API on the loopback address.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from badia.cli.app import DEFAULT_DB, app
from badia.cli.usage import existing_store
from badia.terminal import clean

__all__ = ["make_report", "serve_store"]


def make_report(db: str | Path = DEFAULT_DB, out: str | Path = "report.html") -> Path:
    """Write the HTML report of the store at ``db`` to ``out`` (the store is only read)."""
    from badia.present.queries import load_dataset_from_path
    from badia.present.report import write_report

    return write_report(load_dataset_from_path(db), out)


def serve_store(
    db: str | Path = DEFAULT_DB,
    host: str = "127.0.0.1",
    port: int = 8000,
    allowed_hosts: list[str] | None = None,
) -> None:
    """Serve the API and the report page for the store at ``db`` until interrupted.

    Requests must name a localhost ``Host`` (plus the bound address and
    ``allowed_hosts``); SIGTERM or Ctrl-C stop the server within a few seconds, open
    connections or not.
    """
    import uvicorn

    from badia.present.api import LOCAL_HOSTS, create_app

    names = [*LOCAL_HOSTS, *(allowed_hosts or [])]
    if host not in ("0.0.0.0", "::", ""):
        names.append(host)
    uvicorn.run(
        create_app(db, allowed_hosts=names, freeze_snapshots=True),
        host=host,
        port=port,
        log_level="info",
        timeout_graceful_shutdown=3,
        timeout_keep_alive=20,  # over a busy client's pauses: no race on a closing connection
        limit_concurrency=1000,
    )


def _need_store(db: str) -> None:
    existing_store(db)


@app.command("report")
def report_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
    db: Annotated[str, typer.Option("--db", help="Store file (DuckDB).")] = DEFAULT_DB,
) -> None:
    """Write a self-contained HTML report (map, timeline, casualties, control, events)."""
    _need_store(db)
    path = make_report(db, out)
    typer.echo(clean(str(path)))


@app.command("serve")
def serve_cmd(
    db: Annotated[str, typer.Option("--db", help="Store file (DuckDB), opened read-only.")] = (
        DEFAULT_DB
    ),
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Also answer requests for this Host name (localhost names always are).",
        ),
    ] = None,
) -> None:
    """Serve the read-only API (/api/...), its docs (/docs) and the report page (/)."""
    _need_store(db)
    typer.echo(
        f"serving {db} at http://{host}:{port}/ (report), /api/... (JSON), /docs and /redoc "
        "(API docs); Ctrl-C stops",
        err=True,
    )
    serve_store(db, host, port, allow_host)
