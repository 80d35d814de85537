"""Which reader a file needs: by extension first, then by the form of its content."""

from __future__ import annotations

import re

from badia.read.mirror import title_key

FORMATS = ("dump", "mirror", "news", "wikitext", "html", "jsonl", "text")
EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
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


def detect_format(name: str, text: str) -> str:
    """One of ``FORMATS`` for a file called ``name`` holding ``text``."""
    lower = name.lower()
    for ext, fmt in EXTENSIONS.items():
        if lower.endswith(ext):
            return fmt
    return detect_content(text)


def detect_content(text: str) -> str:
    head = text[:_HEAD]
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
    if _looks_mirror(text, lines):
        return "mirror"
    if _looks_news(head):
        return "news"
    return "text"


def _looks_mirror(text: str, lines: list[str]) -> bool:
    keys = [title_key(ln) for ln in lines[:4]]
    repeated_title = len(keys) >= 2 and keys[0] == keys[1]
    cited = len(_MARKER.findall(text)) >= 2 and bool(_REFERENCES.search(text))
    return repeated_title or cited


def _looks_news(head: str) -> bool:
    """A dated news page's top (``news.looks_news``: date line, metadata line or wire dateline)."""
    from badia.read.news import looks_news

    return looks_news(head)
