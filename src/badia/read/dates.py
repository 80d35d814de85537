"""Publication dates of news pages: where a date line is, and which day it states.

Two layers. The *strict layer* (this module's patterns) decides where a date may be
read: a *date line* is a short line holding one or more calendar dates and nothing
but the words that usually surround a date line (``DATELINE_WORDS`` below: labels
such as "Published:"/"Updated:"/"Created:", weekdays, clock times, time zones, a
byline "by Staff", an agency or city between pipes, "2 min read"). Any other word
and the line is prose, not a date line. The located date text alone (never its
time or zone, so a time zone cannot shift the story's day) is then read by
``dateparser`` (absolute dates only, English, every part required) with a day/month
order this layer chose:

- ``2017-11-19`` (ISO, with or without ``T10:42+03:00``): year, month, day;
- ``19/11/2017``, ``19.11.2017``, ``19-11-2017``: day first, unless the first number
  cannot be a month's day-first reading (``11/19/2017``: 19 is no month, so month
  first). ``day_first=False`` reads an ambiguous date month first (a US outlet);
- ``19-Nov-2017``, ``19 November 2017``, ``Nov. 19, 2017``, ``3rd February, 2021``.

Wire datelines open the first paragraph of an agency story: ``BEIRUT, Nov 19
(Reuters) -``, ``DAMASCUS, November 19, 2017 (AFP) -``, ``BEIRUT, Aug 11:``,
``DAMASCUS (Sputnik - 3rd February, 2021)``. ``wire_dateline`` returns their place
span (a dateline's place, not an event place) and the month and day, with the
year when it is written; the news reader supplies a missing year from the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

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
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Calendar dates as news pages write them; each is (order, pattern). ``order`` tells
# the reader how to take the numbers: "YMD" (ISO), "NUM" (decided from the numbers),
# or "TEXT" (a month name says which number is the day).
_DATE_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("YMD", re.compile(r"(?<![\d/.-])" + _YEAR + r"(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)(?P<c>\d{1,2})"
                       r"(?![\d])")),
    ("NUM", re.compile(r"(?<![\d/.:-])(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})(?P=s)" + _YEAR
                       + r"(?![\d])")),
    ("TEXT", re.compile(r"\b(?P<day>\d{1,2})" + _ORD + r"(?:\s+of)?(?:\s+|-)" + _MONTH
                        + r"(?:,?\s+|-)" + _YEAR + r"\b", re.I)),
    ("TEXT", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})" + _ORD + r",?\s+" + _YEAR
                        + r"\b", re.I)),
)

# ------------------------------------------------------------------ dateline words (data)
# Labels a site puts before its date (matched case-insensitively, longest first).
DATELINE_LABELS = (
    "last updated", "last update", "last modified", "first published", "originally published",
    "publication date", "published on", "posted on", "updated on", "published", "updated",
    "modified", "created", "posted", "issued", "edited", "date", "dated", "as of", "on", "at",
    "and",
)
# Page furniture that may share the date's line: reading time, an update's age.
_FURNITURE = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min|mins|minutes?)\s+read\b|\bread(?:ing)?\s+time\b"
    r"|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b",
    re.I,
)
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
)
_TIME = re.compile(
    r"\bT?\d{1,2}[:.h]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*(?:a\.?\s?m\.?|p\.?\s?m\.?))?(?:Z\b)?"
    r"|\b\d{1,2}\s*(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b)|\b(?:noon|midnight)\b",
    re.I,
)
# Time zones: GMT/UTC offsets, numeric offsets, and abbreviations (ET, EST, AMT, IST, BdST).
_ZONE = re.compile(
    r"\b(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?|(?<![\w])[+-]\d{2}:?\d{2}\b"
    r"|\b[A-Z][A-Za-z]{0,3}T\b|\b[A-Z]{2,5}\b|\b(?:local|[A-Z][a-z]+)\s+time\b"
)
_LABEL = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in DATELINE_LABELS) + r")\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?:" + _WEEKDAYS + r")\b\.?", re.I)
# A byline: "by" and up to five capitalised names ("by Staff", "By Jane Roe and John Doe").
_NAME = r"(?:[A-Z][\w'’.-]*|al-\w+|de|van|von|bin)"
_BYLINE = re.compile(r"\bby\s+" + _NAME + r"(?:\s*(?:,|and|&)?\s*" + _NAME + r"){0,5}", re.I)
# A segment between pipes that names the agency or the city: one to four capitalised words.
_NAME_SEGMENT = re.compile(r"\s*(?:>>\s*)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}\s*")
# "Source: Xinhua", "Editor: Jane Roe": a credit between pipes.
_CREDIT_SEGMENT = re.compile(
    r"\s*(?i:source|editor|author|reporter|written\s+by|photo|credit)\s*:?\s*"
    r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}\s*"
)
_SEGMENT_SPLIT = re.compile(r"\s[|•·]\s|\|")
_MAX_LINE = 140


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A calendar date written in a line: its value and its span in that line."""

    value: date
    start: int
    end: int


def _settings(order: str) -> dict[str, object]:
    return {
        "DATE_ORDER": order,
        "PREFER_LOCALE_DATE_ORDER": False,
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


@lru_cache(maxsize=4096)
def _dateparser(text: str, order: str, formats: tuple[str, ...] = ()) -> date | None:
    """``dateparser`` on the located date text only (no time, no zone, no relative dates)."""
    import dateparser  # imported on first use: ~0.5 s, only for pages with a date line

    value = dateparser.parse(
        text, languages=["en"], date_formats=list(formats) or None, settings=_settings(order)
    )
    return value.date() if value is not None else None


def _numeric_order(a: int, b: int, day_first: bool) -> str | None:
    """Day-first unless only month-first can be right; ``None`` if neither can."""
    if a > 12 and b > 12:
        return None
    if a > 12:
        return "DMY"
    if b > 12:
        return "MDY"
    return "DMY" if day_first else "MDY"


def _read(order: str, m: re.Match[str], day_first: bool) -> date | None:
    if order == "YMD":
        year, month, day = m.group("year"), m.group("b"), m.group("c")
        return _dateparser(f"{year}-{int(month):02d}-{int(day):02d}", "YMD", ("%Y-%m-%d",))
    if order == "NUM":
        chosen = _numeric_order(int(m.group("a")), int(m.group("b")), day_first)
        if chosen is None:
            return None
        text = f"{m.group('a')}/{m.group('b')}/{m.group('year')}"
        return _dateparser(text, chosen)
    return _dateparser(m.group(0), "DMY")


_LOCALE_CHARS = 6000


def day_first_of(page: str) -> bool:
    """Whether the page's ambiguous numeric dates are day first: yes, unless the page
    writes its dates with month names month first ("November 19, 2017", the US habit)
    more often than day first ("19 November 2017")."""
    head = page[:_LOCALE_CHARS]
    day_first = len(_DATE_FORMS[2][1].findall(head))
    month_first = len(_DATE_FORMS[3][1].findall(head))
    return not month_first > day_first


def find_dates(s: str, *, day_first: bool = True) -> list[FoundDate]:
    """Every calendar date written in ``s`` (day, month and year all stated), in order."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for order, pattern in _DATE_FORMS:
        for m in pattern.finditer(s):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _read(order, m, day_first)
            if value is not None:
                found.append(FoundDate(value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def find_date(s: str) -> tuple[date, int, int] | None:
    """The first calendar date written in ``s`` with its span, or None."""
    dates = find_dates(s)
    return (dates[0].value, dates[0].start, dates[0].end) if dates else None


def parse_date(value: str) -> date | None:
    """The first calendar date in a metadata value ("2017-11-19T10:42:00Z", "19 Nov 2017")."""
    found = find_date(value)
    return found[0] if found else None


def _residue_ok(segment: str) -> bool:
    """True when nothing but date-line words is left once dates are blanked out."""
    rest = _FURNITURE.sub(" ", segment)
    rest = _BYLINE.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _ZONE.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    rest = _LABEL.sub(" ", rest)
    return not re.search(r"[A-Za-z]{2,}|\d", rest)


def is_date_label(line: str) -> bool:
    """A line holding only a date label ("First published", "Updated:"), its date below it."""
    s = line.strip()
    return 0 < len(s) < 40 and bool(_LABEL.search(s)) and _residue_ok(s)


def date_line(line: str, *, day_first: bool = True) -> date | None:
    """The publication date of ``line`` if the line is a date line, else ``None``.

    With several dates ("Published: 3 Jan 2022 ... Updated: 4 Jan 2022", "Updated: ... |
    Created: ..."), the earliest is the publication date.
    """
    s = line.strip()
    if not s or len(s) > _MAX_LINE:
        return None
    dates = find_dates(s, day_first=day_first)
    if not dates:
        return None
    blanked = list(s)
    for f in dates:
        blanked[f.start : f.end] = " " * (f.end - f.start)
    rest = "".join(blanked)
    pos = 0
    for piece in _SEGMENT_SPLIT.split(rest):
        at = rest.find(piece, pos)
        pos = at + len(piece)
        has_date = any(at <= f.start < pos for f in dates)
        if not has_date and (_NAME_SEGMENT.fullmatch(piece) or _CREDIT_SEGMENT.fullmatch(piece)):
            continue  # "Reuters | Beirut | Updated: ...": the agency and the city
        if not _residue_ok(piece):
            return None
    return min(f.value for f in dates)


# ------------------------------------------------------------------ metadata and wire lines

_META_DATE = re.compile(r"^\s*date\s*:?\s+(?P<iso>(?:19|20)\d\d-\d{2}-\d{2})(?:T\S*)?(?=\s|$)",
                        re.I)


def metadata_date(line: str) -> tuple[date, int] | None:
    """A ``date YYYY-MM-DD`` metadata line (maybe followed by the headline on the same line):
    the date and the offset in ``line`` where the rest begins."""
    m = _META_DATE.match(line)
    if not m:
        return None
    found = find_date(m.group("iso"))
    return (found[0], m.end()) if found else None


@dataclass(frozen=True, slots=True)
class WireDateline:
    """``BEIRUT, Nov 19 (Reuters) -``: offsets are relative to the paragraph given."""

    place_start: int
    place_end: int
    end: int  # where the story text begins
    month: int | None
    day: int | None
    year: int | None


_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# "BEIRUT", "DEIR EZ-ZOR, Syria": capitals, then maybe a country (never a month name).
_PLACE = (
    r"(?P<place>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}"
    r"(?:,\s*(?!(?i:" + _MONTH_ALT + r")\b)[A-Z][a-z.]+(?:\s+[A-Z][a-z.]+)?)?)"
)
_WIRE_DATE = (
    r"(?i:(?P<mon>" + _MONTH_ALT + r")\.?\s+(?P<day>\d{1,2})" + _ORD
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"|(?P<day2>\d{1,2})" + _ORD + r"\s+(?P<mon2>" + _MONTH_ALT + r")\.?"
    r"(?:,?\s+(?P<year2>(?:19|20)\d\d))?)"
)
_AGENCY = r"\((?P<agency>[^()\n]{1,60})\)"
_WIRE = re.compile(
    r"^\s*" + _PLACE + r"(?:\s*,\s*" + _WIRE_DATE + r")?\s*(?:" + _AGENCY + r")?"
    r"(?P<dash>\s*(?:[-–—]+|:)\s+)?"
)
_AGENCY_DATE = re.compile(r"[-–—,]\s*" + _WIRE_DATE + r"\s*$")
# News agencies that sign a dateline without brackets: "Deir Ezzor, SANA-Army units ...".
WIRE_AGENCIES = (
    "SANA", "AFP", "Reuters", "AP", "Xinhua", "Anadolu", "ANHA", "ANA", "Sputnik", "TASS",
    "IRNA", "Tasnim", "dpa", "NNA", "UPI", "EFE", "Kyodo", "Yonhap", "KUNA", "QNA", "WAM",
)
_SIGNED = re.compile(
    r"^\s*(?P<place>[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’.-]*){0,3}),\s*(?:"
    + "|".join(WIRE_AGENCIES) + r")\s*[-–—:]\s*(?=[A-Z])"
)
# "ANKARA: Syrian forces ...": a place in capitals and a colon, without date or agency.
_CAPS_COLON = re.compile(r"^\s*(?P<place>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2}):\s+(?=[A-Z])")


def _month_day_year(m: re.Match[str]) -> tuple[int, int, int | None]:
    month = MONTHS[(m.group("mon") or m.group("mon2")).lower()]
    day = int(m.group("day") or m.group("day2"))
    y = m.group("year") or m.group("year2")
    return month, day, int(y) if y else None


def wire_dateline(paragraph: str) -> WireDateline | None:
    """The wire dateline opening ``paragraph``, or ``None``.

    The place must be written in capitals ("BEIRUT", "DEIR EZ-ZOR, Syria"), and the
    dateline needs a date, an agency in brackets or both before its dash or colon:
    "BEIRUT - " alone is too weak to tell from a shouted sentence. Two undated forms are
    also datelines: a place signed by a known agency ("Deir Ezzor, SANA-") and a place in
    capitals before a colon ("ANKARA: ").
    """
    m = _WIRE.match(paragraph)
    if not m:
        return _undated(paragraph)
    month = day = year = None
    if m.group("mon") or m.group("mon2"):
        month, day, year = _month_day_year(m)
    elif m.group("agency"):
        inner = _AGENCY_DATE.search(m.group("agency"))  # "(Sputnik - 3rd February, 2021)"
        if inner:
            month, day, year = _month_day_year(inner)
    if m.group("dash") is None and day is None:
        return None  # no dash: only "PLACE (Agency - date) Story" is a dateline
    if m.group("dash") is not None and day is None and not m.group("agency"):
        return _undated(paragraph)
    if day is not None and not 1 <= day <= 31:
        return None
    end = m.end() if m.group("dash") is not None else m.end() + _skip_space(paragraph, m.end())
    return WireDateline(m.start("place"), m.end("place"), end, month, day, year)


def _undated(paragraph: str) -> WireDateline | None:
    """ "Deir Ezzor, SANA-" and "ANKARA: ": datelines that give a place and no date."""
    m = _SIGNED.match(paragraph) or _CAPS_COLON.match(paragraph)
    if not m:
        return None
    return WireDateline(m.start("place"), m.end("place"), m.end(), None, None, None)


def _skip_space(text: str, at: int) -> int:
    return len(text[at:]) - len(text[at:].lstrip())


def wire_date(line: WireDateline, year: int | None) -> date | None:
    """The dateline's day, in its own year or else in ``year`` (``None`` if neither)."""
    y = line.year or year
    if y is None or line.month is None or line.day is None:
        return None
    return _dateparser(f"{line.day} {line.month} {y}", "DMY", ("%d %m %Y",))
