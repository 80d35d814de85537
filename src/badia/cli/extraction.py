"""CLI commands: extraction."""

from badia.cli.app import app  # noqa: F401

