"""JSON answers encoded once per snapshot and cut into pages as bytes.

Encoding the same rows again for every request was most of what the API spent (a
page of 100 merged events is about 1 MB of JSON: 40-190 ms to encode on a loaded
machine). Here each row is encoded once, the first time a page holds it, and a page
is the encoded rows joined: its cost is a copy of its bytes. The snapshot that owns
an :class:`EncodedRows` drops it when the store changes, so nothing stale is served.

The JSON is what ``fastapi.responses.JSONResponse`` writes (UTF-8, no ASCII escaping,
compact separators, NaN refused), so answers keep their shape and escaping.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from fastapi.encoders import jsonable_encoder


def encode(value: Any) -> bytes:
    """``value`` as compact UTF-8 JSON; values ``json`` does not know go through
    FastAPI's ``jsonable_encoder`` (dates, records). Raises ``ValueError`` on NaN."""
    return json.dumps(
        value,
        ensure_ascii=False,
        allow_nan=False,
        separators=(",", ":"),
        default=jsonable_encoder,
    ).encode("utf-8")


class EncodedRows:
    """A list of rows, each encoded to JSON once, on first use, by ``to_json``.

    Safe to share between threads: two threads that encode the same row at once
    store equal bytes.
    """

    def __init__(self, rows: Sequence[Any], to_json: Callable[[Any], Any] | None = None):
        self._rows = rows
        self._to_json = to_json
        self._encoded: list[bytes | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def missing(self, positions: Sequence[int]) -> bool:
        """Whether any of these rows is not encoded yet (encoding them costs CPU)."""
        encoded = self._encoded
        if isinstance(positions, range) and positions.step == 1:
            return None in encoded[positions.start : positions.stop]
        return any(encoded[i] is None for i in positions)

    def parts(self, positions: Sequence[int]) -> list[bytes]:
        """The JSON array of the rows at ``positions`` as pieces to join (``[``, rows,
        commas, ``]``), encoding the rows not done yet: a page is then copied once, by
        the join of its whole answer."""
        encoded = self._encoded
        parts = [b"["]
        for i in positions:
            item = encoded[i]
            if item is None:
                row = self._rows[i]
                item = encoded[i] = encode(self._to_json(row) if self._to_json else row)
            parts += (item, b",")
        if len(parts) > 1:
            parts.pop()
        parts.append(b"]")
        return parts

    def array(self, positions: Sequence[int]) -> bytes:
        """The JSON array of the rows at ``positions`` (see ``parts``)."""
        return b"".join(self.parts(positions))


def window(total: int, limit: int, offset: int) -> range:
    """Positions of one page: ``limit`` rows from ``offset`` (fewer at the end)."""
    return range(min(offset, total), min(offset + limit, total))


@lru_cache(maxsize=256)
def _member_name(key: str) -> bytes:
    """``"key":`` encoded (the few member names of the answers, encoded once)."""
    return encode(key) + b":"


def _value(value: Any) -> bytes:
    """``value`` encoded; the integers and nulls of a page's head without ``json``."""
    if value is None:
        return b"null"
    if type(value) is int:
        return str(value).encode()
    return encode(value)


def page_object(head: dict[str, Any], lists: dict[str, list[bytes]], tail: dict[str, Any]) -> bytes:
    """A JSON object: the ``head`` members, then each already-encoded array of ``lists``
    (pieces from ``EncodedRows.parts``) under its key, then the ``tail`` members."""
    parts = [b"{"]
    for k, v in head.items():
        parts += (_member_name(k), _value(v), b",")
    for k, pieces in lists.items():
        parts.append(_member_name(k))
        parts += pieces
        parts.append(b",")
    for k, v in tail.items():
        parts += (_member_name(k), _value(v), b",")
    if len(parts) > 1:
        parts.pop()
    parts.append(b"}")
    return b"".join(parts)


class PagedAnswer:
    """An answer whose list members are served a page at a time (``/api/claims``,
    ``/api/control``, ``/api/order-of-battle``, ``/api/casualties``): its other members
    whole, each list cut to the page, then ``limit``, ``offset`` and ``totals`` (the
    full length of each list)."""

    def __init__(self, answer: dict[str, Any]):
        self.fixed = {k: v for k, v in answer.items() if not isinstance(v, list)}
        self._lists = {k: EncodedRows(v) for k, v in answer.items() if isinstance(v, list)}

    def missing(self, limit: int, offset: int) -> bool:
        return any(rows.missing(window(len(rows), limit, offset)) for rows in self._lists.values())

    def page(self, limit: int, offset: int) -> bytes:
        lists = self._lists.items()
        arrays = {k: rows.parts(window(len(rows), limit, offset)) for k, rows in lists}
        totals = {k: len(rows) for k, rows in lists}
        return page_object(self.fixed, arrays, {"limit": limit, "offset": offset, "totals": totals})


class PagedList:
    """A list served as ``{"total", "limit", "offset", "items"}`` pages (``/api/documents``,
    ``/api/tallies``, ``/api/places``)."""

    def __init__(self, rows: Sequence[Any], to_json: Callable[[Any], Any] | None = None):
        self.rows = EncodedRows(rows, to_json)

    def missing(self, limit: int, offset: int) -> bool:
        return self.rows.missing(window(len(self.rows), limit, offset))

    def page(self, limit: int, offset: int) -> bytes:
        head = {"total": len(self.rows), "limit": limit, "offset": offset}
        items = self.rows.parts(window(len(self.rows), limit, offset))
        return page_object(head, {"items": items}, {})
