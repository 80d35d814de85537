"""Plain text: blank-line paragraphs, bare-line headings, a numbered reference list.

This is the fallback reader and the body reader shared by the mirror and news
readers. A *bare heading* is a block of one short line that starts with a
capital or digit and does not end like a sentence ("Aftermath", "The offensive").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from badia.model import Reference
from badia.read.base import Parsed
from badia.read.chrome import is_chrome
from badia.structure.citations import link_citations, parse_references
from badia.structure.sections import (
    NON_BODY_HEADING,
    Block,
    build_sections,
    is_non_body,
    line_blocks,
)

_MAX_HEADING_CHARS = 90
_MAX_HEADING_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?,;:]$|[.!?][\"'”’]$")
_MARKER = re.compile(r"\[\d{1,4}\]")
_YEAR_HEADING = re.compile(r"(?:1[89]|20)\d\d(?:\s*[–-]\s*(?:(?:1[89]|20)\d\d|\d\d))?")
_REFERENCES_HEADING = re.compile(r"^(?:references?|notes|footnotes|citations|sources)\b", re.I)


def is_bare_heading(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > _MAX_HEADING_CHARS or "\n" in s:
        return False
    if len(s.split()) > _MAX_HEADING_WORDS:
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    if _SENTENCE_END.search(s) or _MARKER.search(s):
        return False
    if _YEAR_HEADING.fullmatch(s):
        return True  # chronologies are sectioned by year ("2017", "2019–2021")
    return not re.fullmatch(r"\d[\d\s.,:/-]*", s)  # other bare numbers are not headings


def body_blocks(
    text: str,
    start: int = 0,
    end: int | None = None,
    drop: Callable[[str], bool] | None = None,
) -> tuple[list[Block], list[Reference]]:
    """Headings and paragraphs of ``text[start:end]``; chrome and ``drop``-ped blocks skipped.

    Blocks under a references heading are parsed as numbered reference entries.
    """
    blocks: list[Block] = []
    references: list[Reference] = []
    in_refs = False
    for s, e in line_blocks(text, start, end):
        chunk = text[s:e]
        if is_chrome(chunk) or (drop is not None and drop(chunk)):
            continue
        if is_bare_heading(chunk):
            heading = chunk.strip()
            in_refs = bool(_REFERENCES_HEADING.match(heading)) and bool(
                NON_BODY_HEADING.match(heading)
            )
            blocks.append(Block("heading", s, e, level=2, heading=heading))
            continue
        if in_refs:
            references.extend(parse_references(text, s, e))
        blocks.append(Block("para", s, e))
    return blocks, references


def parse_plain(text: str) -> Parsed:
    """Fallback reader; a heading-shaped first block is the title, not a section."""
    blocks, references = body_blocks(text)
    title = None
    first = blocks[0] if blocks else None
    if first and first.kind == "heading" and first.heading and not is_non_body(first.heading):
        title = blocks.pop(0).heading
    sections = build_sections(text, blocks)
    link_citations(sections, references)
    return Parsed(sections=sections, title=title, references=references)
