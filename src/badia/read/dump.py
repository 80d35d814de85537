"""Plain-text encyclopedia dumps: ``= Title =``, an infobox block, ``==Heading==`` sections.

In a dump every non-empty line is one paragraph. The infobox is the run of
``- Key: value`` lines (optionally after an ``Infobox`` line and ``noteN|...``
lines) right after the title; its region is handed to the infobox parser.
"""

from __future__ import annotations

import re

from badia.model import Infobox
from badia.read.base import Parsed
from badia.structure.sections import Block, build_sections, iter_lines, trim

TITLE_LINE = re.compile(r"^=(?!=)\s*(.+?)\s*=\s*$")
HEADING_LINE = re.compile(r"^(={2,6})\s*(.*?)\s*\1\s*$")
_INFOBOX_LINE = re.compile(r"^(?:Infobox\b.*|note\d*\|.*|-\s*[A-Za-z][\w ]{0,40}:.*)$")


def _infobox(text: str, start: int, end: int) -> Infobox | None:
    try:
        from badia.structure.infobox import parse_dump_infobox
    except ImportError:  # the infobox parser is optional for reading
        return None
    return parse_dump_infobox(text, start, end)


def parse_dump(text: str) -> Parsed:
    lines = [trim(text, s, e) for s, e in iter_lines(text)]
    lines = [(s, e) for s, e in lines if s < e]
    title = None
    i = 0
    if lines:
        m = TITLE_LINE.match(text[lines[0][0] : lines[0][1]])
        if m:
            title = m.group(1)
            i = 1
    infobox = None
    box_start = box_end = None
    while i < len(lines) and _INFOBOX_LINE.match(text[lines[i][0] : lines[i][1]]):
        box_start = lines[i][0] if box_start is None else box_start
        box_end = lines[i][1]
        i += 1
    if box_start is not None and box_end is not None:
        infobox = _infobox(text, box_start, box_end)
    blocks: list[Block] = []
    for s, e in lines[i:]:
        m = HEADING_LINE.match(text[s:e])
        if m:
            blocks.append(Block("heading", s, e, level=len(m.group(1)), heading=m.group(2)))
        else:
            blocks.append(Block("para", s, e))
    return Parsed(sections=build_sections(text, blocks), title=title, infobox=infobox)
