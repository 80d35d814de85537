"""JSON Lines corpora: one ``{"id", "text", ...}`` record per line, read one at a time.

Each record's text is read with the format named in its ``format`` field or else
detected from its content. A bad line is reported (with its line number) and
the following records are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from badia.read.errors import ReadError


def iter_records(
    lines: Iterable[bytes | str], source: str
) -> Iterator[tuple[int, dict[str, Any]] | ReadError]:
    """(line number, record) for each JSON object line, or a ``ReadError`` for a bad one."""
    for lineno, raw in enumerate(lines, start=1):
        line = raw.decode("utf-8-sig", errors="replace") if isinstance(raw, bytes) else raw
        if lineno == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        except RecursionError:
            yield ReadError(where, "invalid JSON (nested too deeply)")
            continue
        except ValueError as exc:  # an integer of more than 4,300 digits
            yield ReadError(where, f"invalid JSON ({str(exc).split(';')[0]})")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, "record is not a JSON object")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield ReadError(where, "record has no 'text' string")
            continue
        if not text.strip():
            yield ReadError(where, "record text is empty")
            continue
        yield lineno, record
