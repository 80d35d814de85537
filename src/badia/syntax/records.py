"""The parse of one sentence as plain records: what later stages read instead of spaCy objects.

Offsets are document offsets (``Document.text``), end exclusive, like every other record.
These are frozen dataclasses rather than pydantic models: a document has thousands of
tokens and they never leave the process (nothing stores or serialises them).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``head`` is the index of its governor in the sentence (the root's own)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str  # lower-cased lemma ("overran" -> "overrun")
    pos: str  # universal POS (VERB, NOUN, PROPN, AUX, ...)
    tag: str  # Penn tag (VBN, VBD, ...)
    dep: str  # ClearNLP label as spaCy's English models give it (nsubj, nsubjpass, agent, ...)
    head: int


@dataclass(frozen=True)
class Parse:
    """The dependency tree of one sentence (``start``/``end``: the sentence's span)."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    _children: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                kids[t.head].append(t.i)
        object.__setattr__(self, "_children", tuple(tuple(k) for k in kids))
        object.__setattr__(self, "_starts", tuple(t.start for t in self.tokens))

    def children(self, i: int, *deps: str) -> list[Token]:
        """Dependents of token ``i`` (only those labelled one of ``deps`` when given)."""
        kids = (self.tokens[k] for k in self._children[i])
        return [k for k in kids if not deps or k.dep in deps]

    def head(self, i: int) -> Token | None:
        """The governor of token ``i``; None for the root."""
        t = self.tokens[i]
        return None if t.head == i else self.tokens[t.head]

    def ancestors(self, i: int) -> list[Token]:
        """Governors of token ``i`` from the nearest up to the root."""
        out = []
        seen = {i}
        h = self.head(i)
        while h is not None and h.i not in seen:
            out.append(h)
            seen.add(h.i)
            h = self.head(h.i)
        return out

    def subtree(self, i: int) -> tuple[int, int]:
        """Document span covered by token ``i`` and everything it governs."""
        lo, hi = self.tokens[i].start, self.tokens[i].end
        stack = [i]
        while stack:
            k = stack.pop()
            t = self.tokens[k]
            lo, hi = min(lo, t.start), max(hi, t.end)
            stack.extend(self._children[k])
        return lo, hi

    def token_at(self, offset: int) -> Token | None:
        """The token covering document offset ``offset`` (None outside the sentence)."""
        k = bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        t = self.tokens[k]
        return t if offset < t.end else None

    def head_of_span(self, start: int, end: int) -> Token | None:
        """The token of a span that no other token of the span governs (a phrase's head)."""
        inside = [t for t in self.tokens if start <= t.start and t.end <= end]
        for t in inside:
            h = self.head(t.i)
            if h is None or not (start <= h.start and h.end <= end):
                return t
        return None
