"""Blocks (headings and paragraphs found by a reader) -> ``Section`` records.

Every reader reduces its format to the same list of ``Block`` spans over the
document text; this module turns them into sections with paragraphs, sentences
and citations. Sections that are lists of links or sources rather than narrative
("See also", "References", "External links", ...) keep their heading but get no
paragraphs, so no later stage reads them as body text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from badia.model import Paragraph, Section
from badia.structure.citations import find_citations
from badia.structure.sentences import split_sentences

# Headings of apparatus sections (English encyclopedia and news conventions).
NON_BODY_HEADING = re.compile(
    r"^(?:see also|related(?: articles| pages)?|references?|notes?|footnotes|citations|"
    r"notes and references|references and notes|sources|bibliography|works cited|"
    r"further reading|external links?|literature|gallery|order of battle|"
    # statements about the events, not acts (GUIDELINES 1b)
    r"(?:international |diplomatic |domestic |official )?reactions?)\s*:?$",
    re.IGNORECASE,
)
_LINE = re.compile(r"^([^\n]*?)\r?$", re.M)


@dataclass
class Block:
    """A heading or a paragraph span found by a reader."""

    kind: str  # "heading" | "para"
    start: int
    end: int
    level: int = 2
    heading: str | None = None


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each line in ``text[start:end]``, newline and CR excluded."""
    end = len(text) if end is None else end
    for m in _LINE.finditer(text, start, end):
        yield m.start(1), m.end(1)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends with whitespace."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def line_blocks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Runs of consecutive non-blank lines (blank-line separated blocks), trimmed."""
    blocks: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for s, e in iter_lines(text, start, end):
        ts, te = trim(text, s, e)
        if ts == te:
            if cur:
                blocks.append(cur)
            cur = None
        elif cur is None:
            cur = (ts, te)
        else:
            cur = (cur[0], te)
    if cur:
        blocks.append(cur)
    return blocks


def is_non_body(heading: str | None) -> bool:
    return heading is not None and bool(NON_BODY_HEADING.match(heading.strip()))


def make_paragraph(text: str, start: int, end: int, view: str | None = None) -> Paragraph:
    """A paragraph with its sentences and ``[n]`` citations (decided on ``view`` if given)."""
    return Paragraph(
        start=start,
        end=end,
        sentences=split_sentences(text, start, end, view=view),
        citations=find_citations(view if view is not None else text, start, end),
    )


def build_sections(text: str, blocks: list[Block], view: str | None = None) -> list[Section]:
    """Group blocks under their headings; the lead (before any heading) has heading None."""
    sections: list[Section] = []
    current: Section | None = None
    skip_level: int | None = None  # inside an apparatus section and its subsections
    for block in blocks:
        if block.kind == "heading":
            if skip_level is not None and block.level <= skip_level:
                skip_level = None
            if skip_level is None and is_non_body(block.heading):
                skip_level = block.level
            current = Section(
                heading=block.heading, level=block.level, start=block.start, end=block.end
            )
            sections.append(current)
            continue
        if current is None:
            current = Section(heading=None, level=1, start=block.start, end=block.end)
            sections.append(current)
        current.end = max(current.end, block.end)
        if skip_level is not None:
            continue
        paragraph = make_paragraph(text, block.start, block.end, view)
        if paragraph.sentences:
            current.paragraphs.append(paragraph)
    return sections
