"""Counts of people as this genre writes them, reduced to the lower bound.

"at least 20", "more than 20", "20-30", "between 26 and 30", "21+", "five",
"1,611", "a dozen" -> an integer; "several", "dozens", "hundreds" -> no number
(GUIDELINES: skip non-numeric words except written numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
# Nouns that multiply the number before them ("two dozen" = 24, "a score" = 20, "half a
# dozen" = 6); their plurals ("dozens", "scores") are vague and give no number.
MULTIPLIERS = {"dozen": 12, "score": 20}
_FRACTIONS = {"half a": 0.5}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SMALL = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half a)"
)
_MULTIPLIED = rf"{_SMALL}\s+(?:{'|'.join(MULTIPLIERS)})\b"
_WORD = (
    rf"(?:{_MULTIPLIED}|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_QUALIFIER = (
    r"(?:at least|more than|over|up to|nearly|almost|around|about|some|approximately|roughly|"
    r"an estimated|as many as|another|a further|further)"
)
NUMBER_RE = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIER}) )?"
    rf"(?:between (?P<lo>{_DIGITS}|{_WORD}) and (?P<hi>{_DIGITS}|{_WORD})"
    rf"|(?P<n>{_DIGITS}|{_WORD})(?:\s?[-–]\s?(?P<n2>{_DIGITS}))?(?P<plus>\+)?)(?![\w,.]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    value: int  # lower bound
    high: int | None  # upper bound when a range is given
    start: int  # offsets relative to the text given to ``find_counts``
    end: int
    text: str


def word_value(token: str) -> int | None:
    """The integer of a digit string or a written number (``None`` if neither)."""
    t = token.lower().strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    if t in _UNITS:
        return _UNITS[t]
    multiplied = re.fullmatch(r"(.+?)\s+(" + "|".join(MULTIPLIERS) + r")", t)
    if multiplied:
        base, noun = multiplied.groups()
        factor = _FRACTIONS.get(base) or word_value(base)
        return int(factor * MULTIPLIERS[noun]) if factor else None
    parts = re.split(r"[- ]", t)
    if parts and parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def find_counts(text: str) -> list[Count]:
    """Every count in ``text`` with its lower (and upper) bound."""
    counts = []
    for m in NUMBER_RE.finditer(text):
        if m.group("lo"):
            lo, hi = word_value(m.group("lo")), word_value(m.group("hi"))
        else:
            lo = word_value(m.group("n"))
            hi = word_value(m.group("n2")) if m.group("n2") else None
        if lo is None or (m.group("n") or "").lower() in {"a", "an"}:
            continue
        counts.append(Count(lo, hi, m.start(), m.end(), m.group(0)))
    return counts
