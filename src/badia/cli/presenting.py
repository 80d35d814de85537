"""CLI commands: presenting."""

from badia.cli.app import app  # noqa: F401

