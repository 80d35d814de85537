"""Command-line interface: thin wrappers over the package's Python functions.

Each module registers its commands on the one typer ``app``:
documents (ingest, docs, parse, eval-infobox), extraction (extract, events, eval),
geo (places, eval-places, export), merging (merge, casualties, control, oob),
presenting (report, serve).
"""

import functools
from collections.abc import Callable
from typing import Any

from badia.cli import (  # noqa: F401  (registers)
    cluster,
    documents,
    extraction,
    geo,
    merging,
    presenting,
)
from badia.cli.app import app
from badia.cli.usage import USAGE, fail, store_problem
from badia.errors import BadiaError
from badia.store import StoreError
from badia.store.db import StoreBusy


def main() -> None:
    """The ``badia`` command: a store that cannot be opened is one line, not a traceback."""
    from badia.cli.usage import error_line

    try:
        app()
    except StoreError as exc:
        error_line(store_problem(exc))
        raise SystemExit(USAGE) from None


def _one_line_errors(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command so that a store that is busy or unreadable, a folder that is missing
    or a file it may not write ends it with one ``error:`` line, not a traceback."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except StoreBusy as exc:
            fail(str(exc), code=1)
        except StoreError as exc:
            fail(store_problem(exc), code=USAGE)
        except BadiaError as exc:
            fail(str(exc), code=1)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{(exc.strerror or str(exc)).lower()}", code=1)

    return run


for _command in app.registered_commands:
    if _command.callback is not None:
        _command.callback = _one_line_errors(_command.callback)
