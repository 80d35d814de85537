"""News articles as plain text: tagline, headline, dateline, then the story.

The header is found by form: the first short *date line* near the top marks the
headline (the block before it) and everything above the headline is site
tagline. In the body, photo captions (a block that ends with a bracketed credit
"[Name / Agency]" or starts with "Photo:"), cross-links ("Read: ...",
"Related: ...") and further date lines are not story text.
"""

from __future__ import annotations

import re

from badia.read.base import Parsed
from badia.read.dates import date_line
from badia.read.plain import body_blocks, is_bare_heading
from badia.structure.citations import link_citations
from badia.structure.sections import build_sections, line_blocks

_HEADER_BLOCKS = 6
# A trailing credit: "[Name / Agency]", "[Photo: ...]", "(Photo: ...)", "(AFP)"-style wires.
_CREDIT = (
    r"(?:[^\[\]()]{0,60}/[^\[\]()]{1,60}|(?:photo|image|picture|credit|file)\b[^\[\]()]{0,80}|"
    r"afp|ap|reuters|getty images|epa|anadolu agency|sana)"
)
_CAPTION_END = re.compile(r"(?:\[" + _CREDIT + r"\]|\(" + _CREDIT + r"\))\s*$", re.I)
_CAPTION_START = re.compile(
    r"^(?:photo|file photo|image|picture|caption|pictured)\b\s*[:(-]?", re.I
)
_CROSS_LINK = re.compile(
    r"^(?:read|read more|read also|also read|more|related|related articles?|see also|watch|"
    r"listen|recommended|click here|more on this)\s*:",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[A-Z][^.!?]{0,60}$")


def is_caption(block: str) -> bool:
    s = block.strip()
    return bool(_CAPTION_END.search(s) or _CAPTION_START.match(s))


def not_story(block: str) -> bool:
    """Blocks of a news page that are not story text."""
    s = block.strip()
    return bool(
        is_caption(s)
        or _CROSS_LINK.match(s)
        or (len(s) < 80 and _BYLINE.match(s))
        or date_line(s) is not None
    )


def parse_news(text: str) -> Parsed:
    blocks = line_blocks(text)
    title = None
    published = None
    body_start = 0
    for i, (s, e) in enumerate(blocks[:_HEADER_BLOCKS]):
        d = date_line(text[s:e])
        if d is None:
            continue
        published = d
        if i > 0:
            hs, he = blocks[i - 1]
            title = text[hs:he].strip()
        body_start = e
        break
    if published is None and blocks:
        # No dateline: a short unpunctuated first block (after an optional tagline) is the headline.
        heads = [b for b in blocks[:2] if is_bare_heading(text[b[0] : b[1]])]
        if heads and heads[0] == blocks[0]:
            head = heads[-1]
            title = text[head[0] : head[1]].strip()
            body_start = head[1]
    body, references = body_blocks(text, body_start, drop=not_story)
    sections = build_sections(text, body)
    link_citations(sections, references)
    return Parsed(sections=sections, title=title, published=published, references=references)
