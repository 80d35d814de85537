"""Which reader a file needs: by extension first, then by the form of its content."""

from __future__ import annotations

import re

from badia.read.mirror import title_key

FORMATS = ("dump", "mirror", "markdown", "news", "wikitext", "html", "jsonl", "text")
EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".md": "markdown",
    ".markdown": "markdown",
}
_HEAD = 4096
_DUMP_TITLE = re.compile(r"^\ufeff?\s*=(?!=)[^\n=][^\n]*[^=\n]=\s*$", re.M)
_HTML = re.compile(r"^\ufeff?\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.I)
_WIKI_MARKUP = re.compile(
    r"\{\{\s*infobox|'''[^'\n]+'''|\[\[[^\]\n]+\]\]|^==+[^=\n]+==+\s*$|<ref\b", re.I | re.M
)
_MARKER = re.compile(r"\[\d{1,3}\]")
_REFERENCES = re.compile(r"^\s*references\s*$", re.I | re.M)
_JSON_LINE = re.compile(r'^\s*\{\s*"')
# Markdown by its content: YAML front matter (an opening '---' line, then 'key:' lines
# and a closing '---'), or ATX headings and image/link syntax.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?:[ \t]*#[^\n]*\n)*[A-Za-z_][\w-]*[ \t]*:")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MD_INLINE = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)|\*\*\S[^*\n]*\*\*")


def detect_format(name: str, text: str) -> str:
    """One of ``FORMATS`` for a file called ``name`` holding ``text``."""
    lower = name.lower()
    for ext, fmt in EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return detect_content(text)


def detect_content(text: str) -> str:
    head = text[:_HEAD]
    if _FRONT_MATTER.match(head):
        return "markdown"
    first = next((ln for ln in head.splitlines() if ln.strip()), "")
    if _DUMP_TITLE.match(first):
        return "dump"
    if _HTML.match(head):
        return "html"
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if lines and all(_JSON_LINE.match(ln) for ln in lines[:3]):
        return "jsonl"
    if len(_WIKI_MARKUP.findall(head)) >= 2 or re.search(r"\{\{\s*infobox", head, re.I):
        return "wikitext"
    if _looks_markdown(head):
        return "markdown"
    if _looks_mirror(text, lines):
        return "mirror"
    if _looks_news(head):
        return "news"
    return "text"


def _looks_markdown(head: str) -> bool:
    """Two ATX headings, or one with Markdown link/image/bold syntax."""
    headings = len(_MD_HEADING.findall(head))
    return headings >= 2 or (headings == 1 and bool(_MD_INLINE.search(head)))


def _looks_mirror(text: str, lines: list[str]) -> bool:
    keys = [title_key(ln) for ln in lines[:4]]
    repeated_title = len(keys) >= 2 and keys[0] == keys[1]
    cited = len(_MARKER.findall(text)) >= 2 and bool(_REFERENCES.search(text))
    return repeated_title or cited


def _looks_news(head: str) -> bool:
    """A dated news page's top (``news.looks_news``: date line, metadata line or wire dateline)."""
    from badia.read.news import looks_news

    return looks_news(head)
