"""Span look-ups in sorted order, so a long sentence costs n log n and not n squared."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class HasStart(Protocol):
    start: int


T = TypeVar("T", bound=HasStart)


class SpanIndex:
    """(start, end) spans: which overlap or contain a given span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with [start, end)."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return any(e > start for _, e in self.spans[lo:hi])

    def contains(self, start: int, end: int) -> bool:
        """Some span holds all of [start, end)."""
        lo = bisect_left(self.starts, end - self.longest)
        hi = bisect_right(self.starts, start)
        return any(e >= end for _, e in self.spans[lo:hi])


def starting_within(items: Sequence[T], starts: Sequence[int], lo: int, hi: int) -> Sequence[T]:
    """The items (sorted by ``start``, with ``starts`` their starts) starting in [lo, hi)."""
    return items[bisect_left(starts, lo) : bisect_left(starts, hi)]
