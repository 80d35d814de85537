"""Publication dates of articles: find a date line and read its calendar date.

A *date line* is a short line that holds a date and nothing but the words that
usually surround a dateline: weekday, time, time zone, "Published"/"Updated",
"at"/"on". That form, not a site's exact layout, is what the news reader keys on.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sep sept",
        "october oct",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _i

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
)
# Everything that may accompany a date on a dateline.
_RESIDUE = re.compile(
    r"\b(?:published|updated|last updated|last modified|first published|posted|"
    r"date|on|at|am|pm|a\.m|p\.m|gmt|utc|[a-z]{1,2}st|[a-z]dt|cet|cest|eet|eest|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b|\d{1,2}[:.]\d{2}(?::\d{2})?|[+-]\d{2}:?\d{2}|"
    r"t\d{2}:\d{2}(?::\d{2})?z?",
    re.I,
)


def find_date(s: str) -> tuple[date, int, int] | None:
    """The first calendar date written in ``s`` with its span, or None."""
    best: tuple[date, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        m = pattern.search(s)
        if not m:
            continue
        d = _to_date(m)
        if d and (best is None or m.start() < best[1]):
            best = (d, m.start(), m.end())
    return best


def parse_date(value: str) -> date | None:
    found = find_date(value)
    return found[0] if found else None


def date_line(line: str) -> date | None:
    """The date of ``line`` if the line is a dateline (a date and dateline words only)."""
    s = line.strip()
    if not s or len(s) > 90:
        return None
    found = find_date(s)
    if not found:
        return None
    d, a, b = found
    rest = _RESIDUE.sub(" ", s[:a] + " " + s[b:])
    return d if not re.search(r"[A-Za-z]{2,}", rest) else None


def _to_date(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    month = MONTHS.get(groups["mon"].lower()) if groups.get("mon") else int(groups["mnum"])
    try:
        return date(int(groups["year"]), month or 0, int(groups["day"]))
    except ValueError:
        return None
