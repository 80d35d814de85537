"""Why a file could not become a ``Document``: one error type, one line per failure.

Batches must go on past a bad file, so readers raise ``ReadError`` and the corpus
iterator yields it instead of stopping. ``ReadError`` is a ``badia.errors.BadiaError``.
"""

from __future__ import annotations

from badia.errors import BadiaError

# Default size limit (bytes): generous for real articles; larger inputs are refused, not
# truncated. ``read_*`` and ``iter_read`` take ``max_bytes`` to change it.
MAX_BYTES = 10 * 1024 * 1024


class ReadError(BadiaError):
    """A file (or one record of a file) that could not be read, and why."""
