"""Markdown, with or without YAML front matter; offsets point into the raw file.

``Document.text`` stays the raw file (front matter included). The front matter is
read with PyYAML (``safe_load`` rules, aliases refused) and is metadata only, never
body text: ``subject``/``title`` give the title, ``date``/``place``/``tags`` the
infobox (``structure.frontmatter``), ``description`` (a copy of the lead) is ignored.

The body's block structure comes from markdown-it-py (CommonMark + tables). As in
the wikitext reader, everything that is not prose is blanked in a same-length
*view* that decides paragraph and sentence boundaries: the front matter, headings,
tables, HTML blocks and comments, code, rules, image syntax ``![caption](url)``,
the ``](url)`` of links (their text stays), emphasis markers, list and quote
markers, bare URLs and conversion junk (``[object Object]``). Sentence spans are
cut from the raw text, so a quote is the page's own characters.

Dates: a front matter ``pubDate``/``published``/``date`` that is one date is the
day the *file* was written. Whether that is a story date depends on what the page
is: an **encyclopedia mirror** (author or source names a wiki, or the front matter
has an encyclopedia article's keys: ``subject``, ``shortDescription``, infobox
lists under ``tags``/``place``/``date``) keeps it as ``retrieved`` and never as a
story date; any other page (a blog or news post) has it as ``published``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml
from markdown_it import MarkdownIt

from badia.read.base import Parsed
from badia.read.dates import parse_date
from badia.structure.frontmatter import infobox_from_front_matter
from badia.structure.sections import Block, build_sections, trim

__all__ = ["FRONT_MATTER", "parse_markdown", "split_front_matter"]

# An opening "---" line, the YAML, a closing "---" (or "...") line.
FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(?:(.*?)\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
MAX_FRONT_MATTER = 64 * 1024  # larger front matter is not read as metadata (YAML is costly)

# Block structure only: the inline pass (links, emphasis) is the regexes below, and
# markdown-it's own link-label scan costs n² on a line of n unclosed "[" (16,000 "![" in
# one line took 6 s there alone).
_MD = MarkdownIt("commonmark").enable("table").disable("inline")
_NOT_NEWLINE = re.compile(r"[^\n\r]")
# Inline non-prose, blanked whole in the view. Each pattern that scans forward from an
# opener stops at the next opener of its kind ("[^\[\]\n]", "[^<>\n]"): a line of n
# openers that never close then costs n, not n² (each scan would run to the line's end).
# A link destination, with up to two levels of parentheses inside ("..._(MEU_(SOC)).jpg").
_DEST = r"\((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*\)"
_INLINE_JUNK = re.compile(
    r"^[ \t]*!\[[^\n]*\)[ \t]*$|"  # a line holding images only (a caption is no prose)
    rf"!\[[^\[\]\n]*\]{_DEST}"  # image
    r"|\[object Object\]"  # conversion junk
    r"|</?[A-Za-z][^<>\n]*>"  # inline HTML (<br/ >, <ref ...>)
    r"|<https?://[^<>\s]*>"  # autolink
    r"|\bhttps?://[^\s)\]]+",  # bare URL
    re.S | re.M,
)
# A link keeps its text: "[" and "](url)" are blanked.
_LINK = re.compile(r"(\[)[^\[\]\n]*(\]" + _DEST + ")")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_LIST_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[*+-]|\d{1,9}[.)])[ \t]+", re.M)
_QUOTE_MARKER = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_HEADING_MARKS = re.compile(r"^[ \t]*#{1,6}[ \t]*|[ \t]+#+[ \t]*$")
_WIKI_HOST = re.compile(r"wiki", re.I)
_ENCYCLOPEDIA_KEYS = ("subject", "shortDescription")


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases (no 'billion laughs' expansion)."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def split_front_matter(text: str) -> tuple[dict[str, Any], int, str | None]:
    """(metadata, body start offset, problem) of a text that may open with front matter.

    An unclosed, oversized or malformed block gives empty metadata and a one-line
    ``problem``; a closed block is never body text whatever its content.
    """
    m = FRONT_MATTER.match(text)
    if m is None:
        if re.match(r"\A\ufeff?---[ \t]*\r?\n", text):
            return {}, 0, "front matter has no closing '---' line"
        return {}, 0, None
    block = m.group(1) or ""
    if len(block) > MAX_FRONT_MATTER:
        return {}, m.end(), f"front matter over {MAX_FRONT_MATTER // 1024} KB not read"
    try:
        meta = yaml.load(block, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return {}, m.end(), f"malformed front matter ({first})"
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return {}, m.end(), "front matter is not a mapping"
    return {str(k): v for k, v in meta.items()}, m.end(), None


def is_encyclopedia(meta: dict[str, Any]) -> bool:
    """An encyclopedia mirror: a wiki author/source, or an article's own front-matter keys."""
    for key in ("author", "source", "site", "publisher"):
        value = meta.get(key)
        if isinstance(value, str) and _WIKI_HOST.search(value):
            return True
    if any(key in meta for key in _ENCYCLOPEDIA_KEYS):
        return True
    return isinstance(meta.get("tags"), list) and isinstance(meta.get("place"), list)


def _one_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) <= 60:
        return parse_date(value)
    return None


def _title(meta: dict[str, Any]) -> str | None:
    for key in ("subject", "title"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return re.sub(r"\s+", " ", value).strip()
    return None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", text))
    return starts


def _blank(view: list[str], text: str, start: int, end: int) -> None:
    view[start:end] = _NOT_NEWLINE.sub(" ", text[start:end])


def _spaces(m: re.Match[str]) -> str:
    return _NOT_NEWLINE.sub(" ", m.group(0))


def _link_text_only(m: re.Match[str]) -> str:
    """'[text](url)' -> ' text      ': the text keeps its place."""
    whole, a, b = m.group(0), m.start(1) - m.start(0), m.start(2) - m.start(0)
    return " " + whole[a + 1 : b] + _NOT_NEWLINE.sub(" ", whole[b:])


def _blank_comments(chunk: str) -> str:
    """``chunk`` with each ``<!-- … -->`` blanked; an unclosed ``<!--`` stays text.

    A search for each opener's closer in turn: a regex (``<!--.*?-->``) would scan
    from every unclosed opener to the end of the chunk, n² for n of them.
    """
    parts: list[str] = []
    pos = 0
    while (start := chunk.find("<!--", pos)) >= 0:
        end = chunk.find("-->", start + 4)
        if end < 0:
            break
        end += 3
        parts += [chunk[pos:start], _NOT_NEWLINE.sub(" ", chunk[start:end])]
        pos = end
    return "".join(parts) + chunk[pos:] if parts else chunk


def blank_inline(chunk: str) -> str:
    """``chunk`` with its inline markup blanked (same length, newlines kept)."""
    chunk = _INLINE_JUNK.sub(_spaces, _blank_comments(chunk))
    chunk = _LINK.sub(_link_text_only, chunk)
    return _EMPHASIS.sub(_spaces, chunk)


def _heading_text(raw: str) -> str:
    plain = _HEADING_MARKS.sub("", raw.splitlines()[0] if raw.splitlines() else raw)
    return re.sub(r"\s+", " ", blank_inline(plain)).strip()


def parse_markdown(text: str) -> Parsed:
    """Sections, title, infobox and dates of a Markdown document (see the module doc)."""
    meta, body_start, _problem = split_front_matter(text)
    view = list(text)
    _blank(view, text, 0, body_start)
    starts = _line_starts(text)
    n_lines = len(starts)

    def span(lines: list[int]) -> tuple[int, int]:
        a, b = lines[0], min(lines[1], n_lines)
        end = starts[b] if b < n_lines else len(text)
        return starts[a], end

    blocks: list[Block] = []
    in_list = 0
    tokens = _MD.parse("".join(view))
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        if tok.map is None:
            continue
        s, e = span(tok.map)
        if tok.type == "heading_open":
            level = int(tok.tag[1]) if tok.tag[1:].isdigit() else 2
            raw_heading = text[s:e]
            if tok.markup and tok.markup[0] in "=-":  # setext: the text is the first line
                raw_heading = raw_heading.splitlines()[0]
            hs, he = trim(text, s, e)
            blocks.append(Block("heading", hs, he, level=level, heading=_heading_text(raw_heading)))
            _blank(view, text, s, e)
        elif tok.type in ("table_open", "html_block", "code_block", "fence", "hr"):
            _blank(view, text, s, e)
        elif tok.type == "paragraph_open":
            for ln in range(tok.map[0], min(tok.map[1], n_lines)):
                ls, le = span([ln, ln + 1])
                marker = (_LIST_MARKER if in_list and ln == tok.map[0] else _QUOTE_MARKER).match(
                    text, ls, le
                )
                if marker:
                    _blank(view, text, ls, marker.end())
            chunk = blank_inline("".join(view[s:e]))
            view[s:e] = chunk
            vs, ve = trim(chunk, 0, len(chunk))
            if vs < ve:
                blocks.append(Block("para", s + vs, s + ve))
    view_text = "".join(view)
    blocks.sort(key=lambda b: b.start)
    title = _title(meta)
    if title is None and blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        title = blocks.pop(0).heading or None  # "# Title" opening a page without front matter
    sections = build_sections(text, blocks, view=view_text)
    for section in sections:
        for paragraph in section.paragraphs:
            for sentence in paragraph.sentences:
                seen = view_text[sentence.start : sentence.end]
                if seen != sentence.text:
                    sentence.prose = seen
    encyclopedia = is_encyclopedia(meta)
    stamp = next(
        (d for k in ("pubDate", "published", "date") if (d := _one_date(meta.get(k))) is not None),
        None,
    )
    return Parsed(
        sections=sections,
        title=title,
        published=None if encyclopedia else stamp,
        retrieved=stamp if encyclopedia else None,
        infobox=infobox_from_front_matter(meta, title) if encyclopedia else None,
    )
