"""Rules-only sentence splitting for encyclopedic and news prose about war.

Candidate boundaries are found with one regular expression (terminal punctuation,
then closing quotes/brackets and citation markers such as ``[5][6]``, then space
and a capital, digit or opening quote); each candidate is then vetoed when the
word before the full stop is an abbreviation, an initial or an acronym that
usually runs on ("Maj. Gen.", "J. Smith", "U.S. forces"). Decisions may be made
on a masked *view* of the text (same length, markup blanked) while the sentences
keep exact offsets into the original text.
"""

from __future__ import annotations

import re

from badia.model import Sentence

# Terminal punctuation, closers, citation markers, then (look-ahead) the next sentence start.
_BOUNDARY = re.compile(
    r"""[.!?…]+["'”’)\]]*(?:\[(?:\d{1,4}|[a-z][a-z ]{0,30})\])*"""
    r"""(?=\s+["'“‘(\[]*[A-Z0-9\u00c0-\u00de])"""
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’]*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]*([\w-]+)")

# Titles, ranks and Latin/English abbreviations that precede a name or a phrase and
# so never end a sentence in this genre (military ranks: NATO/US/UK usage).
NEVER_FINAL: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rev",
        "gen",
        "maj",
        "lt",
        "col",
        "capt",
        "cpt",
        "cmdr",
        "cdr",
        "cmdt",
        "adm",
        "brig",
        "sgt",
        "cpl",
        "pvt",
        "lieut",
        "gov",
        "sen",
        "rep",
        "pres",
        "amb",
        "hon",
        "mt",
        "ft",
        "st",
        "e.g",
        "i.e",
        "cf",
        "vs",
        "approx",
        "ca",
        "est",
        "dept",
        "fig",
        "al",
    ]
)
# Abbreviations that do not end a sentence when a number follows ("No. 5",
# "Sept. 12", "km. 20" in road-marker style, "p. 4").
BEFORE_NUMBER: frozenset[str] = frozenset(
    [
        "no",
        "nos",
        "vol",
        "p",
        "pp",
        "art",
        "ch",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "km",
        "mi",
        "kg",
        "hwy",
        "rte",
    ]
)
# Words that open a new sentence after an acronym such as "U.S." (otherwise the
# acronym is read as modifying the next word: "U.S. Army", "U.N. Security Council").
SENTENCE_OPENERS: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "on",
        "in",
        "at",
        "by",
        "during",
        "after",
        "before",
        "according",
        "it",
        "its",
        "they",
        "he",
        "she",
        "this",
        "these",
        "those",
        "there",
        "however",
        "meanwhile",
        "later",
        "two",
        "three",
        "four",
        "five",
        "several",
        "many",
        "some",
        "later",
        "following",
        "when",
        "while",
        "as",
        "since",
        "with",
        "government",
        "rebels",
        "isil",
        "isis",
    ]
)


def sentence_spans(view: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets in ``view[start:end]``, whitespace trimmed."""
    end = len(view) if end is None else end
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(view, start, end):
        if _is_boundary(view, m.start(), m.end(), end):
            cuts.append(m.end())
    spans: list[tuple[int, int]] = []
    prev = start
    for cut in [*cuts, end]:
        s, e = _trim(view, prev, cut)
        if s < e:
            spans.append((s, e))
        prev = cut
    return spans


def split_sentences(
    text: str, start: int = 0, end: int | None = None, view: str | None = None
) -> list[Sentence]:
    """Sentences of ``text[start:end]``; ``view`` (same length) decides the cuts if given."""
    spans = sentence_spans(view if view is not None else text, start, end)
    return [Sentence(start=s, end=e, text=text[s:e]) for s, e in spans]


def _is_boundary(view: str, p: int, after: int, limit: int) -> bool:
    if view[p] != ".":
        return True
    if view[p : p + 3] == "...":
        return True
    m = _WORD_BEFORE.search(view, max(0, p - 24), p + 1)
    if not m:
        return True
    word = m.group(1).rstrip(".")
    low = word.lower()
    nxt = _NEXT_WORD.match(view, after, limit)
    next_word = nxt.group(1) if nxt else ""
    if low in NEVER_FINAL:
        return False
    if low in BEFORE_NUMBER and next_word[:1].isdigit():
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if "." in word:  # an acronym with dots: "U.S.", "U.N."
        return next_word.lower() in SENTENCE_OPENERS
    return True


def _trim(view: str, s: int, e: int) -> tuple[int, int]:
    while s < e and view[s].isspace():
        s += 1
    while e > s and view[e - 1].isspace():
        e -= 1
    return s, e
