"""CLI commands: merging."""

from badia.cli.app import app  # noqa: F401

