"""Why a file could not become a ``Document``: one error type, one line per failure.

Batches must go on past a bad file, so readers raise ``ReadError`` and the corpus
iterator yields it instead of stopping.
"""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024  # default size limit: larger inputs are refused, not truncated


class ReadError(Exception):
    """A file (or one record of a file) that could not be read, and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __repr__(self) -> str:
        return f"ReadError({self.path!r}, {self.reason!r})"
