"""CLI commands: documents."""

from badia.cli.app import app  # noqa: F401

