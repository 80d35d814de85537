"""The errors badia raises at its public boundary: one base type, one line per failure.

Every failure a caller of ``read_*``, ``extract`` or the pipeline can meet is a
``BadiaError`` naming the input (file, ``file:line`` of a JSONL record, or a label)
and the reason; an error from inside a stage (a parser's ``RecursionError``, a
``ValueError`` on a huge number) is re-raised as one, with the original chained
as ``__cause__``. Batch runners yield or print these and go on.
"""

from __future__ import annotations


class BadiaError(Exception):
    """An input that could not be processed, and why (``path``: which input; ``reason``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r}, {self.reason!r})"

    def __reduce__(self) -> tuple:
        # pickled whole, so a worker process can hand one back to the runner
        return (type(self), (self.path, self.reason))


class ExtractError(BadiaError):
    """A document that was read but whose events could not be extracted (or took too long)."""


def describe(exc: BaseException) -> str:
    """A one-line account of an unexpected exception: its type and first line."""
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {first[:200]}" if first else type(exc).__name__
