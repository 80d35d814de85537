"""Citation markers ``[n]`` in body text and the numbered reference list they point to.

Mirrored encyclopedia pages keep the markers inline and print the references as
a numbered list ("  1. ..."); linking the two lets a figure be traced to its
cited source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from badia.model import Citation, Reference, Section

_MARKER = re.compile(r"\[(\d{1,4})\]")
# "1. text", "1) text", "[1] text", "^ text" with a number: the forms reference lists take.
_REF_LINE = re.compile(
    r"^[^\S\n]*(?:\[(\d{1,4})\]|(\d{1,4})[.)])[^\S\n]+(\S[^\n]*?)[^\S\n]*$", re.M
)


def find_citations(text: str, start: int = 0, end: int | None = None) -> list[Citation]:
    """Every ``[n]`` marker in ``text[start:end]`` (unlinked: ``ref_number`` set by ``link``)."""
    end = len(text) if end is None else end
    return [
        Citation(marker=m.group(0), start=m.start(), end=m.end())
        for m in _MARKER.finditer(text, start, end)
    ]


def parse_references(text: str, start: int = 0, end: int | None = None) -> list[Reference]:
    """Numbered reference lines in ``text[start:end]``; spans cover the entry text."""
    end = len(text) if end is None else end
    start = text.rfind("\n", 0, start) + 1  # '^' must see the line start
    refs: list[Reference] = []
    for m in _REF_LINE.finditer(text, start, end):
        number = int(m.group(1) or m.group(2))
        refs.append(Reference(number=number, text=m.group(3), start=m.start(3), end=m.end(3)))
    return refs


def marker_number(marker: str) -> int | None:
    m = _MARKER.fullmatch(marker)
    return int(m.group(1)) if m else None


def link_citations(sections: Iterable[Section], references: list[Reference]) -> None:
    """Set ``ref_number`` of each ``[n]`` citation whose reference ``n`` is listed."""
    numbers = {r.number for r in references}
    for section in sections:
        for paragraph in section.paragraphs:
            for citation in paragraph.citations:
                if citation.ref_number is None:
                    n = marker_number(citation.marker)
                    if n is not None and n in numbers:
                        citation.ref_number = n
