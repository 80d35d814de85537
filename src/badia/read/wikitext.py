"""MediaWiki markup, read with mwparserfromhell; offsets point into the original wikitext.

``Document.text`` stays the raw markup. Non-prose nodes (templates, ``<ref>``
tags, tables, comments, file/category links, list and heading markers) are
blanked in a same-length *view* that decides paragraph and sentence boundaries;
sentence spans are then cut from the original text, so ``sentence.text`` may
still hold inline markup (``[[link|label]]``, ``'''bold'''``) but never a
trailing reference or a block template. Each non-blank line is a paragraph.
``<ref>`` tags become ``Reference`` records (named refs share a number) and
``Citation`` records whose marker is the tag itself.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import Comment, Heading, Tag, Template, Wikilink

from badia.model import Citation, Infobox, Reference
from badia.read.balance import balance
from badia.read.base import Parsed
from badia.structure.sections import Block, build_sections, iter_lines, trim

_MASKED_TAGS = {"ref", "references", "table", "gallery", "math", "timeline", "div", "score"}
_LIST_TAGS = {"li", "dt", "dd"}
_NON_PROSE_LINK = re.compile(r"^\s*:?\s*(?:file|image|category|media)\s*:", re.I)
_NOT_NEWLINE = re.compile(r"[^\n]")
_INFOBOX_OPEN = re.compile(r"\{\{\s*infobox", re.I)


def _infobox(text: str) -> Infobox | None:
    if not _INFOBOX_OPEN.search(text):  # spare a second parse of a page without one
        return None
    try:
        from badia.structure.infobox import parse_wikitext_infobox
    except ImportError:  # the infobox parser is optional for reading
        return None
    return parse_wikitext_infobox(text)


def parse_wikitext(text: str) -> Parsed:
    balanced = balance(text)  # same length: offsets into it are offsets into text
    code = mwparserfromhell.parse(balanced)
    view = list(text)
    headings: list[Block] = []
    references: list[Reference] = []
    cites: list[Citation] = []
    ref_numbers: dict[str, int] = {}
    title: str | None = None
    pos = 0
    for node in code.nodes:
        start, end = pos, pos + len(str(node))
        pos = end
        raw = text[start:end]
        mask = False
        if isinstance(node, Heading):
            mask = True
            heading = node.title.strip_code().strip()
            headings.append(Block("heading", start, end, level=node.level, heading=heading))
        elif isinstance(node, Template | Comment):
            mask = True
        elif isinstance(node, Wikilink):
            mask = bool(_NON_PROSE_LINK.match(str(node.title)))
        elif isinstance(node, Tag):
            tag = str(node.tag).strip().lower()
            if tag == "ref":
                _ref(node, raw, start, end, references, cites, ref_numbers)
            if tag in _MASKED_TAGS or tag in _LIST_TAGS:
                mask = True
            elif tag == "b" and title is None and not headings:
                title = node.contents.strip_code().strip() or None
        if mask:
            view[start:end] = _NOT_NEWLINE.sub(" ", raw)
    view_text = "".join(view)
    blocks = list(headings)
    for s, e in iter_lines(view_text):
        vs, ve = trim(view_text, s, e)
        if vs < ve:
            _, oe = trim(text, s, e)
            blocks.append(Block("para", vs, max(ve, oe)))
    blocks.sort(key=lambda b: b.start)
    sections = build_sections(text, blocks, view=view_text)
    for section in sections:
        for paragraph in section.paragraphs:
            paragraph.citations = [c for c in cites if paragraph.start <= c.start < paragraph.end]
    infobox = _infobox(balanced)
    if infobox is not None and infobox.name:
        title = infobox.name
    return Parsed(sections=sections, title=title, references=references, infobox=infobox)


def _ref(
    node: Tag,
    raw: str,
    start: int,
    end: int,
    references: list[Reference],
    cites: list[Citation],
    numbers: dict[str, int],
) -> None:
    """Record one ``<ref>``: a new reference (or a reuse of a named one) and its citation."""
    name = node.get("name").value.strip_code().strip() if node.has("name") else None
    number = numbers.get(name) if name else None
    if number is None:
        if node.self_closing or node.contents is None:
            cites.append(Citation(marker=raw, start=start, end=end))
            return
        number = len(references) + 1
        if name:
            numbers[name] = number
        open_end = raw.index(">") + 1
        close = raw.lower().rfind("</ref")
        cs, ce = trim(raw, open_end, close if close >= open_end else len(raw))
        references.append(
            Reference(number=number, text=raw[cs:ce], start=start + cs, end=start + ce)
        )
    cites.append(Citation(marker=raw, start=start, end=end, ref_number=number))
