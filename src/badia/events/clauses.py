"""Clauses of a sentence: the unit an event is read from.

A sentence is cut where English starts a new predication with its own actor or time:
"; ", ", while ", ", but ", ", after which ", " following which ", ", when ", " when ",
", then ", ", however", ", meanwhile", and a comma splice opened by a time of its own
(", the next day, ..."). The pieces keep exact document offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Whitespace is matched possessively (``\s++``) and only from the start of its run
# (``(?<!\s)``): a run of n spaces then costs n steps, not n² (a fuzzed sentence with
# thousands of spaces took minutes).
_BOUNDARY = re.compile(
    r";\s++"
    r"|,\s++(?=(?:while|whilst|but|however|meanwhile|then|after which|following which|"
    r"before|after|when|as|until|whereas|and then|forcing|leading|giving|leaving)\b)"
    r"|(?<!\s)\s++(?=(?:following which|after which|when|while|until|whereas)\s)"
    r"|(?:,|(?<!\s))\s++"
    r"(?=(?:but|and) (?:were|was|later|then|again|subsequently|once again)\b)"
    r"|,\s++(?=and (?:in|on|by|at|during|later|then)\s)"
    r"|,\s++(?=and (?:\w+ly\s+)?\w+ed\b)"
    r"|(?<!\s)\s++"
    r"(?=and (?:on|in|by|at) (?:\d|the (?:next|following|same|end|start|beginning)\b|"
    r"(?:early|mid|late)\b|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b))"
    # a comma splice opened by its own time: "..., the next day, the army captured X"
    r"|,\s++(?=(?:the (?:next|following|same) (?:day|morning|afternoon|evening|night)|"
    r"(?:a|one|two|three|four|five|six|several) (?:days?|weeks?) later|later that day|"
    r"on \d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December))\s*,)"
)


@dataclass(frozen=True)
class Clause:
    text: str
    start: int  # document offsets
    end: int


def split_clauses(text: str, offset: int) -> list[Clause]:
    """Clauses of ``text`` (a sentence starting at document offset ``offset``)."""
    clauses: list[Clause] = []
    cursor = 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > cursor:
            clauses.append(_clause(text, cursor, m.start(), offset))
        cursor = m.end()
    if cursor < len(text):
        clauses.append(_clause(text, cursor, len(text), offset))
    return [c for c in clauses if c.text]


def _clause(text: str, start: int, end: int, offset: int) -> Clause:
    piece = text[start:end]
    stripped = piece.rstrip(" ,.")
    lead = len(piece) - len(piece.lstrip())
    return Clause(stripped.lstrip(), offset + start + lead, offset + start + len(stripped))
