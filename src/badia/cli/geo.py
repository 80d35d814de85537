"""CLI commands: geo."""

from badia.cli.app import app  # noqa: F401

