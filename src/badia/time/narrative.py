"""The narrative clock: the year and reference date a document has reached.

Campaign articles write most dates without a year ("On 8 January") and chain events
with relative phrases ("two days later"). A ``Narrative`` is walked in reading order:
headings set the year context, the event builder calls ``advance`` with each event's
resolved date, and ``resolve`` turns an expression into a date against that state.

Rules (GUIDELINES section 1):
- a date without a year takes the narrative year: the last explicit year of an event
  date or a heading ("===2019: ...===", "(15 March - 2 April 2017)");
- relative expressions count from the last event date; a date that goes back in time
  ("one of which, on 24 March, ..." inside a 30 March paragraph) is a flashback and does
  not move the reference;
- a level-2 heading (or a heading with another year) starts a new narrative thread:
  the reference is cleared (the year is kept);
- the lead (before the first heading) sums the story up, often down to its end: when
  the body starts, the clock goes back to the article's own period (the title's or the
  infobox's year, else the earliest year the lead stated) and the reference is cleared;
- a yearless date with no reference to go by (a section's opening) that falls outside
  the document's period (its infobox dates), but inside it under one of the period's
  years, takes that year;
- a section's first dated event sets the reference even when it is earlier than the
  reference left by the section before (the section starts further back in time);
- under a heading spanning two years ("(December 2016 - January 2017)") a date without
  a year that falls outside the span under the narrative year takes the year that puts
  it inside ("On 3 January" -> January 2017).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from badia.model import TimeMention, TimeValue
from badia.time.expressions import TimeExpr, find_times
from badia.time.values import (
    before_publication,
    resolve_calendar,
    resolve_published,
    resolve_relative,
)

_CALENDAR = {"date", "range", "month", "year", "part"}
# How far after the reference a yearless date may fall when it crosses into the next year
# (days): a story told in order moves on by weeks, a flashback reaches back by months.
_NEXT_YEAR_GAP = 62


def _explicit_year(expr: TimeExpr) -> bool:
    return expr.year is not None or expr.year2 is not None


class Narrative:
    """Year and reference-date context of one document, walked in reading order."""

    def __init__(
        self,
        published: date | None = None,
        default_year: int | None = None,
        period: TimeValue | None = None,
    ) -> None:
        self.published = published
        self.period = period  # the span the whole document is about (its infobox dates)
        self.default_year = default_year if default_year is not None else (
            published.year if published is not None else None
        )
        self.year: int | None = self.default_year
        self.reference: TimeValue | None = None
        self.window: tuple[int, int] | None = None  # months of a "January–March" heading
        self.span: TimeValue | None = None  # period of the current dated heading
        self.told_from: date | None = None  # the first date the story advanced to
        # vague spans derived from the reference ("in the following days"): an event
        # dated by one of them must not become the reference of the next relative date
        self._derived: set[tuple[date, date]] = set()
        self._in_lead = True  # no heading met yet
        self._lead_first_year: int | None = None  # the earliest year the lead stated
        self._section_start = False  # no event dated yet under the current heading
        self._evenings: set[tuple[date, date]] = set()  # days told at their end

    @property
    def in_lead(self) -> bool:
        """No heading met yet: the clock is the lead's summary, not the story's."""
        return self._in_lead

    # ----------------------------------------------------------------- headings
    def enter_heading(self, heading: str, level: int) -> None:
        """Take the year (and month window) a heading states; clear the reference."""
        text = heading.strip().strip("=").strip()
        if self._in_lead:
            self._leave_lead()
        self._section_start = True
        new_year: int | None = None
        window: tuple[int, int] | None = None
        for ex in find_times(text):
            if ex.kind not in _CALENDAR:
                continue
            if _explicit_year(ex):
                value = resolve_calendar(ex, None)
                new_year = value.start.year if value is not None else (ex.year or ex.year2)
                break
            if ex.kind == "range" and ex.month is not None and ex.month2 is not None:
                window = (ex.month, ex.month2)
            elif ex.kind == "month" and ex.month is not None:
                window = (ex.month, ex.month)
        if new_year is not None:
            if self.reference is not None and self.reference.start.year != new_year:
                self.reference = None
            self.year = new_year
            self.window = None
        if window is not None:
            self.window = window
            if self.reference is not None and not (
                window[0] <= self.reference.start.month <= window[1]
            ):
                self.reference = None
        if level <= 2:
            self.reference = None
        self.span = heading_time(text)

    def _leave_lead(self) -> None:
        """The body starts: back to the article's own period, no reference carried over."""
        self._in_lead = False
        self.reference = None
        year = self.default_year if self.default_year is not None else self._lead_first_year
        if year is not None:
            self.year = year

    # ----------------------------------------------------------------- values
    def resolve(self, expr: TimeExpr) -> TimeValue | None:
        """The date interval of ``expr`` at this point of the narrative (no side effect)."""
        kind = expr.inner if expr.kind == "by" else expr.kind
        if kind in _CALENDAR:
            value = resolve_calendar(expr, self.year)
            if value is not None and not _explicit_year(expr) and self._outside_span(value):
                # "(December 2016 - January 2017)" then "On 3 January": the heading's year
                assert self.span is not None
                for y in range(self.span.start.year, self.span.end.year + 1):
                    other = resolve_calendar(expr, y)
                    if other is not None and not self._outside_span(other):
                        return other
            if value is not None and not _explicit_year(expr) and self.reference is None:
                value = self._within_period(expr, value)
            elif value is not None and not _explicit_year(expr):
                value = self._into_next_year(expr, value)
            return before_publication(expr, value, self.published)
        if kind in ("relative", "anchor"):
            if expr.night and self.reference is None:
                return resolve_published(expr, self.published)  # "overnight" in a news lead
            value = resolve_relative(expr, self.reference)
            ref = self.reference
            if value is not None and expr.hours and ref is not None and (
                (ref.start, ref.end) in self._evenings
            ):
                # GUIDELINES 1b: "several hours later" after an evening: that day and the next
                value = TimeValue(
                    start=value.start, end=value.end + timedelta(days=1), precision="range"
                )
            if value is not None and value.precision == "range" and value != self.reference:
                self._derived.add((value.start, value.end))
            return value
        if kind in ("weekday", "deictic"):
            return resolve_published(expr, self.published)
        return None

    def _within_period(self, expr: TimeExpr, value: TimeValue) -> TimeValue:
        """A section opening on a yearless date outside the document's period, that a year of
        the period puts inside it, has that year ("## Mass executions / On 14 May" after an
        aftermath section that reached the next year)."""
        period = self.period
        if period is None or _inside(value, period):
            return value
        for year in range(period.start.year, period.end.year + 1):
            other = resolve_calendar(expr, year)
            if other is not None and _inside(other, period):
                return other
        return value

    def _into_next_year(self, expr: TimeExpr, value: TimeValue) -> TimeValue:
        """A yearless date that the narrative year puts most of a year before the reference,
        and the next year puts within two months after it, is the story crossing into the
        next year ("On 20 December, ... The villages saw clashes again on 6 January")."""
        ref = self.reference
        if ref is None or (ref.start - value.end).days < 180:
            return value
        later = resolve_calendar(expr, value.start.year + 1)
        if later is None or not (0 <= (later.start - ref.start).days <= _NEXT_YEAR_GAP):
            return value
        return later

    def _outside_span(self, value: TimeValue) -> bool:
        span = self.span
        if span is None or span.start.year == span.end.year:
            return False
        return value.end < span.start.replace(day=1) or value.start > span.end

    def advance(self, value: TimeValue, widen: bool = False) -> None:
        """Move the reference to an event's date (forward only) and the year with it;
        ``widen``: an act carried on from the reference's day to a later one ("made an
        advance at the same time, reaching the lines the next day") becomes the reference."""
        ref = self.reference
        if widen and ref is not None and value.start == ref.start and value.end > ref.end:
            self.reference = value
            return
        if (value.start, value.end) in self._derived:
            return  # counted from the reference, too vague to count from in turn
        if self._in_lead and value.precision != "year":
            year, first = value.start.year, self._lead_first_year
            self._lead_first_year = year if first is None else min(first, year)
        if self._section_start:
            self._section_start = False
            ref = None  # a section may start further back in time than the last one ended
        if ref is not None and (
            value.start < ref.start or (value.start == ref.start and value.end > ref.end)
        ):
            return  # a flashback, or a vaguer statement of the same time
        self.reference = value
        if self.told_from is None and value.precision != "year":
            self.told_from = value.start
        if value.start.year == value.end.year:
            self.year = value.start.year

    def told_at_evening(self, exprs: Iterable[TimeExpr], value: TimeValue) -> None:
        """Remember that ``value`` (a clause's date, from ``exprs``) was told at the day's
        end ("late on 12 May"): "several hours later" then reaches into the next day."""
        if any(e.evening for e in exprs) and value.precision == "day":
            self._evenings.add((value.start, value.end))

    def mention(self, expr: TimeExpr) -> TimeMention:
        """The shared record for ``expr``, resolved at this point."""
        return TimeMention(
            text=expr.text, start=expr.start, end=expr.end, value=self.resolve(expr),
            relative=expr.relative,
        )


def _inside(value: TimeValue, period: TimeValue) -> bool:
    return period.start <= value.start and value.end <= period.end


def heading_time(heading: str) -> TimeValue | None:
    """The period a heading states on its own ("2018", "(15 March2 April 2017)")."""
    text = heading.strip().strip("=").strip()
    for ex in find_times(text):
        if ex.kind in _CALENDAR and _explicit_year(ex):
            value = resolve_calendar(ex, None)
            if value is not None:
                return value
    return None


def year_from_title(title: str) -> int | None:
    """The first year a title states ("Palmyra offensive (2017)" -> 2017)."""
    text = title.replace("_", " ")
    for ex in find_times(text):
        if ex.kind in _CALENDAR and _explicit_year(ex):
            value = resolve_calendar(ex, None)
            if value is not None:
                return value.start.year
            return ex.year if ex.year is not None else ex.year2
    return None


# How a clause's date is chosen among its expressions: the most precise value; among equally
# precise ones a written date before a weekday or "yesterday", before "two days later".
_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}
_KIND_RANK = {"weekday": 1, "deictic": 1, "relative": 2, "anchor": 2}


def clause_time(
    exprs: Iterable[TimeExpr], narrative: Narrative
) -> tuple[TimeExpr, TimeValue] | None:
    """The expression that dates a clause, with its value (``None`` if none resolves)."""
    best: tuple[int, int, int] | None = None
    chosen: tuple[TimeExpr, TimeValue] | None = None
    for ex in exprs:
        value = narrative.resolve(ex)
        if value is None:
            continue
        key = (_PRECISION_RANK[value.precision], _KIND_RANK.get(ex.kind, 0), ex.start)
        if best is None or key < best:
            best, chosen = key, (ex, value)
    return chosen


def first_date_in(text: str, narrative: Narrative, offset: int = 0) -> TimeValue | None:
    """The date of a clause written as ``text`` (see ``clause_time``)."""
    found = clause_time(find_times(text, offset), narrative)
    return found[1] if found else None
