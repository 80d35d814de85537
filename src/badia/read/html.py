"""HTML pages: trafilatura finds the main text, headings and metadata.

For HTML, ``Document.text`` is the *extracted* plain text (headings and
paragraphs joined by blank lines), not the markup: every offset points into that
extracted text, and ``Document.source`` still names the HTML file. Captions,
cross-links and datelines inside the extracted text are dropped like in news.
"""

from __future__ import annotations

import trafilatura

from badia.read.base import Parsed
from badia.read.dates import parse_date
from badia.read.errors import ReadError
from badia.read.news import not_story
from badia.structure.citations import link_citations, parse_references
from badia.structure.sections import NON_BODY_HEADING, Block, build_sections


def parse_html(html: str, source: str) -> Parsed:
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(result, "body", None) if result is not None else None
    title = (getattr(result, "title", None) or None) if result is not None else None
    date_text = getattr(result, "date", None) if result is not None else None
    pieces: list[tuple[str, str]] = []  # (kind, text)
    if body is not None:
        for el in body.iter():
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in ("head", "p", "item"):
                content = " ".join("".join(el.itertext()).split())
                if not content:
                    continue
                if tag == "head":
                    if title and content.casefold() == title.casefold():
                        continue
                    pieces.append(("heading", content))
                else:
                    pieces.append(("para", content))
    if not any(kind == "para" for kind, _ in pieces):
        raise ReadError(source, "HTML with no extractable text")
    text_parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    in_refs = False
    refs: list[tuple[int, int]] = []
    for kind, content in pieces:
        start, end = offset, offset + len(content)
        text_parts.append(content)
        offset = end + 2
        if kind == "heading":
            in_refs = bool(NON_BODY_HEADING.match(content))
            blocks.append(Block("heading", start, end, level=2, heading=content))
        elif not not_story(content):
            blocks.append(Block("para", start, end))
        if in_refs and kind == "para":
            refs.append((start, end))
    text = "\n\n".join(text_parts)
    references = [r for s, e in refs for r in parse_references(text, s, e)]
    sections = build_sections(text, blocks)
    link_citations(sections, references)
    published = parse_date(date_text) if date_text else None
    return Parsed(
        sections=sections, title=title, published=published, references=references, text=text
    )
