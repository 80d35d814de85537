"""News articles as plain text: tagline, headline, dateline, then the story.

The header is found by form: the first short *date line* near the top marks the
headline (the block before it) and everything above the headline is site
tagline. In the body, photo captions (a block that ends with a bracketed credit
"[Name / Agency]" or starts with "Photo:"), cross-links ("Read: ...",
"Related: ...") and further date lines are not story text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from badia.read.base import Parsed
from badia.read.dates import (
    date_line,
    day_first_of,
    find_dates,
    is_date_label,
    metadata_date,
    wire_date,
    wire_dateline,
)
from badia.read.plain import body_blocks, is_bare_heading
from badia.structure.citations import link_citations
from badia.structure.sections import Block, build_sections, iter_lines, line_blocks, trim

_HEADER_LINES = 8  # a tagline, a headline, bylines, furniture and date lines
_HEADER_CHARS = 2000
_WIRE_BLOCKS = 4  # the story's first paragraph may follow a tagline or a section label
_AFTER_META_LINES = 2  # a headline line, then the date line, under a metadata line
# A trailing credit: "[Name / Agency]", "[Photo: ...]", "(Photo: ...)", "(AFP)"-style wires.
_CREDIT = (
    r"(?:[^\[\]()]{0,60}/[^\[\]()]{1,60}|(?:photo|image|picture|credit|file)\b[^\[\]()]{0,80}|"
    r"afp|ap|reuters|getty images|epa|anadolu agency|sana)"
)
_CAPTION_END = re.compile(r"(?:\[" + _CREDIT + r"\]|\(" + _CREDIT + r"\))\s*$", re.I)
# "... \nFile Photo.": a block whose last line is a photo credit
_CAPTION_LAST_LINE = re.compile(
    r"\n\s*(?:file\s+)?(?:photo|image|picture)\b[^\n]{0,80}$", re.I
)
_CAPTION_START = re.compile(
    r"^(?:photo|file photo|image|picture|caption|pictured)\b\s*[:(-]?", re.I
)
_CROSS_LINK = re.compile(
    r"^(?:read|read more|read also|also read|more|related|related articles?|see also|watch|"
    r"listen|recommended|click here|more on this)\s*:",
    re.I,
)
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][^.!?]{0,60}$")
# Page furniture between a headline and its date line: reading time, an agency's name alone,
# ">> Reuters", "Staff and agencies".
_FURNITURE = re.compile(
    r"^(?:\d+\s*(?:-\s*)?(?:min|mins|minutes?)\s+read|(?:>>\s*)?(?:reuters|afp|ap|"
    r"associated press|agence france-presse|anadolu agency|sana|xinhua|dpa|staff(?: and agencies)?"
    r"|agencies))\s*$",
    re.I,
)
_YEAR_LOOKUP_CHARS = 20_000


def is_caption(block: str) -> bool:
    s = block.strip()
    return bool(_CAPTION_END.search(s) or _CAPTION_START.match(s) or _CAPTION_LAST_LINE.search(s))


def is_furniture(block: str) -> bool:
    """A byline, reading time or agency name alone on its line: neither headline nor story."""
    s = block.strip()
    return len(s) < 80 and bool(_BYLINE.match(s) or _FURNITURE.match(s))


def not_story(block: str) -> bool:
    """Blocks of a news page that are not story text."""
    s = block.strip()
    return bool(
        is_caption(s)
        or _CROSS_LINK.match(s)
        or is_furniture(s)
        or date_line(s) is not None
    )


@dataclass(frozen=True, slots=True)
class Header:
    """What the top of a news page states: headline, publication date, where the story starts."""

    title: str | None
    published: date | None
    body_start: int


def header_lines(text: str) -> list[tuple[int, int]]:
    """The trimmed non-blank lines of the page's top (the first blocks), in order."""
    out: list[tuple[int, int]] = []
    for s, e in iter_lines(text, 0, min(len(text), _HEADER_CHARS)):
        ts, te = trim(text, s, e)
        if ts < te:
            out.append((ts, te))
        if len(out) >= _HEADER_LINES:
            break
    return out


def read_header(text: str) -> Header | None:
    """Headline and publication date from the top of a page, or ``None`` without a date line.

    Read line by line, so a date line works whether blank lines separate it from the
    headline or not. A ``date YYYY-MM-DD`` metadata line at the very top gives the date
    (and the headline, when it follows on the same line); otherwise the first run of
    date lines (bylines and furniture may sit inside it or between it and the headline)
    gives the earliest of its dates, and the nearest line above that is not furniture is
    the headline. An ambiguous numeric date ("03/11/2017") is day first unless the page
    writes its other dates month first (``dates.day_first_of``: the outlet's locale).
    """
    lines = header_lines(text)
    if not lines:
        return None
    day_first = day_first_of(text)
    header_end = lines[0][1]
    meta = metadata_date(text[lines[0][0] : lines[0][1]])
    meta_title: str | None = None  # "date 2017-11-19 Headline": what follows the date
    if meta is not None:
        rest = text[lines[0][0] + meta[1] : lines[0][1]].strip()
        meta_title = rest if rest and date_line(rest) is None else None
        lines = lines[1:]
        if meta_title is not None:
            lines = lines[:_AFTER_META_LINES]  # a date line must follow at once
    found: list[date] = []
    first = last = -1
    for i, (s, e) in enumerate(lines):
        chunk = text[s:e]
        d = date_line(chunk, day_first=day_first)
        if d is not None:
            found.append(d)
            first = i if first < 0 else first
            last = i
        elif found and not (is_furniture(chunk) or is_date_label(chunk)):
            break
    if not found:
        if meta is None:
            return None
        if meta_title is not None:
            return Header(meta_title, meta[0], header_end)
        title_line = next((ln for ln in lines if not is_furniture(text[ln[0] : ln[1]])), None)
        title = text[title_line[0] : title_line[1]] if title_line else None
        return Header(title, meta[0], title_line[1] if title_line else lines[0][1])
    above = [
        ln for ln in lines[:first]
        if not (is_furniture(text[ln[0] : ln[1]]) or is_date_label(text[ln[0] : ln[1]]))
    ]
    title = text[above[-1][0] : above[-1][1]] if above else meta_title
    published = meta[0] if meta is not None else min(found)
    return Header(title, published, lines[last][1])


def parse_news(text: str) -> Parsed:
    """Headline, publication date and story of a news page.

    The publication date comes from the header (``read_header``), else from the wire
    dateline opening the story ("BEIRUT, Nov 19 (Reuters) -"), its year taken from the
    first full date written elsewhere in the page when the dateline has none. If no
    year is found the date stays unknown and ``Parsed.warnings`` says why. A wire
    dateline is cut from its paragraph: its place is where the story was filed, not
    where events happened.
    """
    warnings: list[str] = []
    header = read_header(text)
    title, published, body_start = (
        (header.title, header.published, header.body_start) if header else (None, None, 0)
    )
    if header is None:
        blocks = line_blocks(text)
        # No date line: a short unpunctuated first block (after an optional tagline) is the
        # headline.
        heads = [b for b in blocks[:2] if is_bare_heading(text[b[0] : b[1]])]
        if heads and heads[0] == blocks[0]:
            head = heads[-1]
            title = text[head[0] : head[1]].strip()
            body_start = head[1]
    body, references = body_blocks(text, body_start, drop=not_story)
    body, wire_published, title = _cut_wire_dateline(text, body, published, title, warnings)
    published = published or wire_published
    sections = build_sections(text, body)
    link_citations(sections, references)
    return Parsed(
        sections=sections, title=title.strip() if title else None, published=published,
        references=references, warnings=warnings,
    )


def looks_news(head: str) -> bool:
    """A news page's top: a date line under a headline (or first), or a metadata date line,
    or a headline over a story opening with a dated wire dateline."""
    lines = header_lines(head)
    if not lines:
        return False
    if metadata_date(head[lines[0][0] : lines[0][1]]) is not None:
        return True
    seen: list[str] = []
    for s, e in lines[:_HEADER_LINES]:
        chunk = head[s:e]
        if date_line(chunk) is not None:
            return not seen or _headline_like(seen[-1])
        if not (is_furniture(chunk) or is_date_label(chunk)):
            seen.append(chunk)
        if len(seen) > 3:
            break
    for above, line in zip(seen, seen[1:], strict=False):
        wire = wire_dateline(line)
        if wire is not None and wire.day is not None:
            return _headline_like(above)
    return False


def _headline_like(line: str) -> bool:
    """Headlines are one line, start with a capital and do not end with a full stop."""
    s = line.strip()
    return 0 < len(s) <= 200 and s[0].isupper() and s[-1] not in ".!?;,:"


def _cut_wire_dateline(
    text: str, body: list[Block], published: date | None, title: str | None,
    warnings: list[str],
) -> tuple[list[Block], date | None, str | None]:
    """Drop the wire dateline from the first story paragraph; its date if it has one; the
    headline right above it when the page has none yet (and the tagline above that)."""
    paras = [i for i, b in enumerate(body[:_WIRE_BLOCKS]) if b.kind == "para"]
    found = next(
        ((i, w) for i in paras if (w := wire_dateline(text[body[i].start : body[i].end]))),
        None,
    )
    if found is None:
        return body, None, title
    first, line = found
    b = body[first]
    if b.start + line.end >= b.end:
        return body, None, title
    before = body[:first]
    if title is None and first > 0 and body[first - 1].kind == "heading":
        title = body[first - 1].heading  # the headline over the dateline; taglines above it
        before = []
    cut = [*before, Block("para", b.start + line.end, b.end), *body[first + 1 :]]
    if published is not None or line.day is None:
        return cut, None, title
    year = line.year or _page_year(text, exclude=(b.start, b.start + line.end))
    d = wire_date(line, year)
    if d is None:
        warnings.append(
            "wire dateline without a year and no full date elsewhere in the page: "
            "publication date unknown"
        )
    return cut, d, title


def _page_year(text: str, exclude: tuple[int, int]) -> int | None:
    """The year of the first full date written in the page outside the dateline."""
    head = text[:_YEAR_LOOKUP_CHARS]
    for f in find_dates(head):
        if not exclude[0] <= f.start < exclude[1]:
            return f.value.year
    return None
