"""Mirrored encyclopedia pages: title lines, page chrome, bare headings, ``[n]`` + references.

Mirrors print the article title several times at the top (once as the URL slug
with underscores); those lines give the title and are skipped with the chrome.
"""

from __future__ import annotations

import re

from badia.read.base import Parsed
from badia.read.plain import body_blocks
from badia.structure.citations import link_citations
from badia.structure.sections import build_sections, iter_lines, trim


def title_key(line: str) -> str:
    """A title line compared loosely: slug underscores, case and spacing ignored."""
    return re.sub(r"\s+", " ", line.replace("_", " ")).strip().casefold()


def parse_mirror(text: str) -> Parsed:
    title: str | None = None
    body_start = 0
    for s, e in iter_lines(text):
        s, e = trim(text, s, e)
        if s == e:
            continue
        key = title_key(text[s:e])
        if title is None:
            title = re.sub(r"\s+", " ", text[s:e].replace("_", " ")).strip()
        elif key != title.casefold():
            break
        body_start = e
    tkey = title.casefold() if title else None

    def repeated_title(chunk: str) -> bool:
        return tkey is not None and title_key(chunk) == tkey

    blocks, references = body_blocks(text, body_start, drop=repeated_title)
    sections = build_sections(text, blocks)
    link_citations(sections, references)
    return Parsed(sections=sections, title=title, references=references)
