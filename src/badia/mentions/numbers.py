"""Counts of people as this genre writes them, reduced to the lower bound.

"at least 20", "more than 20", "20-30", "between 26 and 30", "21+", "five",
"1,611", "a dozen" -> an integer; "several", "dozens", "hundreds" -> no number
(GUIDELINES: skip non-numeric words except written numbers).

Counts are read only from prose: a digit string inside a URL, a web-archive time stamp
or another long identifier, a clock time, a date written in digits, a phone number, a
coordinate, a decimal or a year is not a count of people (a reference list's
``web.archive.org/web/20150204062119/...five-syrian-kurds-killed`` once became a
tally of 20 trillion dead).
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
# dozen" = 6, "two hundred" = 200); their plurals ("dozens", "scores", "hundreds") are vague
# and give no number.
MULTIPLIERS = {"dozen": 12, "score": 20, "hundred": 100, "thousand": 1000}
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
_BELOW_HUNDRED = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen)"
)
# "two dozen", "a hundred and fifty"
_GROUPS = "|".join(w for w, v in MULTIPLIERS.items() if v < 100)
_POWERS = "|".join(w for w, v in MULTIPLIERS.items() if v >= 100)
_MULTIPLIED = (
    rf"{_SMALL}\s+(?:(?:{_GROUPS})\b|(?:{_POWERS})\b(?:\s+and\s+{_BELOW_HUNDRED}\b)?)"
)
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
# "from 10 to 12 militants", "some 15 to 20 soldiers": a range only when people follow it,
# since "the toll rose from 10 to 12" is a change, not a range.
_PEOPLE_NOUNS = (
    r"people|persons|civilians|soldiers|troops|fighters|militants|jihadists|rebels|insurgents|"
    r"members|men|women|children|militiamen|personnel|combatants|residents|refugees|prisoners|"
    r"detainees|gunmen|policemen|guards|recruits|conscripts|officers|workers|villagers"
)
_PEOPLE_AFTER_RE = rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE_NOUNS})\b"
NUMBER_RE = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIER}) )?"
    rf"(?:between (?P<lo>{_DIGITS}|{_WORD}) and (?P<hi>{_DIGITS}|{_WORD})"
    rf"|(?:from )?(?P<lo2>{_DIGITS}|{_WORD}) to (?P<hi2>{_DIGITS}|{_WORD})(?={_PEOPLE_AFTER_RE})"
    rf"|(?P<n>{_DIGITS}|{_WORD})(?:\s?[-–]\s?(?P<n2>{_DIGITS}))?(?P<plus>\+)?)(?![\w,.]\d)",
    re.IGNORECASE,
)


_MAX_COUNT_DIGITS = 12


# Spans of text whose digits are not counts. Each alternative names one kind.
_NOT_PROSE = re.compile(
    r"(?:https?://|www\.)\S+"  # a URL (a reference list, a bare link)
    r"|\b[\w.-]+\.(?:com|org|net|gov|int|edu|html?|php|aspx?)\S*"  # a domain or a page
    r"|\d{7,}"  # a digit run no prose writes unseparated: a time stamp, an id, a phone
    r"|\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}(?![\w,])"  # a phone number in groups
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # a clock time
    r"|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # a date
    r"|\d+(?:\.\d+)?\s*°(?:\s*\d+(?:\.\d+)?\s*[′'])?(?:\s*\d+(?:\.\d+)?\s*[″\"])?"
    r"\s*[NSEW]?"  # a coordinate in degrees
    r"|\b\d+\.\d+(?:\s*[NSEW]\b)?"  # a decimal or a decimal coordinate
    r"|\b(?:1[89]|20)\d{2}s\b"  # a decade ("the 1980s")
    r"|\b(?:1[89]|20)\d{2}\s?[-–/]\s?(?:(?:1[89]|20)\d{2}|\d{2})\b"  # a span of years
)
# A four-digit number from 1800 to 2099 is a year unless people follow it.
_YEAR = re.compile(r"(?:1[89]|20)\d{2}")
_PEOPLE_AFTER = re.compile(_PEOPLE_AFTER_RE, re.I)


def non_prose_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` (offsets into it) whose digits are not counts of anything."""
    return [(m.start(), m.end()) for m in _NOT_PROSE.finditer(text)]


def _is_year(text: str, start: int, end: int) -> bool:
    return bool(_YEAR.fullmatch(text, start, end)) and not _PEOPLE_AFTER.match(text, end)


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
        digits = t.replace(",", "")
        # a run of digits longer than any count of people is an identifier or noise (and
        # int() refuses strings over 4,300 digits)
        return int(digits) if len(digits) <= _MAX_COUNT_DIGITS else None
    if t in _UNITS:
        return _UNITS[t]
    multiplied = re.fullmatch(r"(.+?)\s+(" + "|".join(MULTIPLIERS) + r")(?:\s+and\s+(.+))?", t)
    if multiplied:
        base, noun, rest = multiplied.groups()
        factor = _FRACTIONS.get(base) or word_value(base)
        more = word_value(rest) if rest else 0
        if not factor or more is None:
            return None
        return int(factor * MULTIPLIERS[noun]) + more
    parts = re.split(r"[- ]", t)
    if parts and parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def find_counts(text: str) -> list[Count]:
    """Every count in the prose of ``text`` with its lower (and upper) bound."""
    counts = []
    skip = non_prose_spans(text)
    for m in NUMBER_RE.finditer(text):
        if any(m.start() < e and m.end() > s for s, e in skip):
            continue
        if m.group("n") and _is_year(text, m.start("n"), m.end("n")):
            continue
        if m.group("lo"):
            lo, hi = word_value(m.group("lo")), word_value(m.group("hi"))
        elif m.group("lo2"):
            lo, hi = word_value(m.group("lo2")), word_value(m.group("hi2"))
        else:
            lo = word_value(m.group("n"))
            hi = word_value(m.group("n2")) if m.group("n2") else None
        if lo is None or (m.group("n") or "").lower() in {"a", "an"}:
            continue
        counts.append(Count(lo, hi, m.start(), m.end(), m.group(0)))
    return counts
