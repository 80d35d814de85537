"""Wikitext markup that never closes, turned into plain text before the parser sees it.

mwparserfromhell tries every opener (``{{``, ``[[``, ``{|``, ``<div>``, ``<!--``,
``[http://``) as the start of a node and, when no closer follows, backtracks and
tries the next one: each try scans to the end of the page, so n unclosed openers
cost n² (80 kB of ``<div>`` took 40 s). One linear pass here pairs openers with
closers the way the parser would and blanks the openers that cannot close; the
parser then meets only balanced markup. The result has the same length as the
input, so every offset the parser gives still points into the original text.
"""

from __future__ import annotations

import re

from mwparserfromhell.definitions import is_single_only

_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
# A complete tag: <name attrs>, </name>, <name/>; attributes hold no angle bracket.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\s[^<>]*)?)>")
_TAG_START = re.compile(r"</?[A-Za-z]")
_BRACE_RUN = re.compile(r"\{{2,}|\}{2,}|\[{2,}|\]{2,}")
_TABLE_LINE = re.compile(r"^[ \t]*(\{\||\|\})", re.M)
_EXT_LINK = re.compile(r"\[(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")


def balance(text: str) -> str:
    """``text`` with every opener that has no closer replaced by spaces (same length)."""
    out = list(text)
    scan = _blank_comments(text, out)
    _pair_tags(scan, out)
    _pair_runs(scan, out)
    _pair_tables(scan, out)
    _close_external_links(scan, out)
    return "".join(out)


def _blank(out: list[str], start: int, end: int) -> None:
    out[start:end] = " " * (end - start)


def _blank_comments(text: str, out: list[str]) -> str:
    """Blank unclosed ``<!--`` in ``out``; return a copy with comment bodies blanked so
    markup inside comments is not paired with markup outside them."""
    scan = list(text)
    pos = 0
    while (start := text.find(_COMMENT_OPEN, pos)) >= 0:
        end = text.find(_COMMENT_CLOSE, start + len(_COMMENT_OPEN))
        if end < 0:  # no comment closes after this point: none of the later openers do
            tail = start
            while tail >= 0:
                _blank(out, tail, tail + len(_COMMENT_OPEN))
                _blank(scan, tail, tail + len(_COMMENT_OPEN))
                tail = text.find(_COMMENT_OPEN, tail + 1)
            break
        end += len(_COMMENT_CLOSE)
        _blank(scan, start, end)
        pos = end
    return "".join(scan)


def _pair_tags(scan: str, out: list[str]) -> None:
    """Pair ``<name>`` with ``</name>`` per name; blank openers left without a closer and
    ``<`` that never makes a complete tag (an unterminated attribute).

    Tags HTML lets go unclosed (``<li>``, ``<td>``, ``<tr>``, ``<th>``, ``<dt>``, ``<dd>``)
    are blanked too when nothing closes them: the parser looks for their closer before it
    settles for an implicit one, so n of them cost n² (5,000 ``<table><tr><td>`` inside a
    paragraph took 11 s). Only tags that can never close (``<br>``, ``<hr>``) stay."""
    complete: set[int] = set()
    open_by_name: dict[str, list[int]] = {}
    for m in _TAG.finditer(scan):
        complete.add(m.start())
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            stack = open_by_name.get(name)
            if stack:
                stack.pop()
        elif not attrs.rstrip().endswith("/") and not is_single_only(name):
            open_by_name.setdefault(name, []).append(m.start())
    for stack in open_by_name.values():
        for start in stack:
            out[start] = " "
    for m in _TAG_START.finditer(scan):
        if m.start() not in complete:
            out[m.start()] = " "


def _pair_runs(scan: str, out: list[str]) -> None:
    """Pair ``{{``…``}}`` and ``[[``…``]]`` brace by brace; blank the braces left open.

    A ``}`` that closes a table (``|}`` at the start of a line) is not a template brace.
    """
    stacks: dict[str, list[int]] = {"{": [], "[": []}
    closer_of = {"}": "{", "]": "["}
    table_ends = {m.start(1) + 1 for m in _TABLE_LINE.finditer(scan) if m.group(1) == "|}"}
    for m in _BRACE_RUN.finditer(scan):
        char, start, end = m.group()[0], m.start(), m.end()
        if char in stacks:
            stacks[char].extend(range(start, end))
            continue
        if start in table_ends:
            start += 1
        stack = stacks[closer_of[char]]
        for _ in range(start, end):
            if not stack:
                break
            stack.pop()
    for stack in stacks.values():
        for pos in stack:
            out[pos] = " "


def _pair_tables(scan: str, out: list[str]) -> None:
    """Pair ``{|`` with ``|}`` (each at the start of a line); blank tables left open."""
    stack: list[int] = []
    for m in _TABLE_LINE.finditer(scan):
        if m.group(1) == "{|":
            stack.append(m.start(1))
        elif stack:
            stack.pop()
    for start in stack:
        _blank(out, start, start + 2)


def _close_external_links(scan: str, out: list[str]) -> None:
    """Blank ``[http://…`` with no ``]`` before the end of its line (it cannot close)."""
    next_close = next_newline = -1
    for m in _EXT_LINK.finditer(scan):
        if next_close < m.end():
            next_close = _find(scan, "]", m.end())
        if next_newline < m.end():
            next_newline = _find(scan, "\n", m.end())
        if next_close > next_newline:
            out[m.start()] = " "


def _find(text: str, char: str, start: int) -> int:
    """Position of ``char`` at or after ``start``; ``len(text)`` when there is none."""
    pos = text.find(char, start)
    return pos if pos >= 0 else len(text)
