"""The date of a clause: what it states, what the narrative carries, what the story frames."""

from __future__ import annotations

from datetime import timedelta

from badia.model import Document, TimeValue
from badia.time import Narrative, clause_time, year_from_title
from badia.time.values import year_before


def default_year(document: Document) -> int | None:
    year = year_from_title(document.title or "")
    if year is None and document.infobox and document.infobox.phases:
        first = document.infobox.phases[0].start
        year = first.year if first else None
    if year is None and document.published:
        year = document.published.year
    return year


def clause_date(times, narrative: Narrative, period: TimeValue | None) -> TimeValue | None:
    """The clause's date as the time stage chooses it, moved to the year before when it is
    background told before the story (``_background_year``)."""
    found = clause_time(times, narrative)
    return _background_year(found[0], found[1], narrative, period) if found else None


def _background_year(
    expr, value: TimeValue | None, narrative: Narrative, period: TimeValue | None
) -> TimeValue | None:
    """A yearless date told before the story starts (or in the lead, which only sums it
    up), that would fall after the period the document is about, is background from the
    year before: an article on a January-March 2017 offensive recalling "the capture of the
    city from 8 to 11 December"."""
    if (
        value is None
        or period is None
        or expr.year is not None
        or expr.year2 is not None
        or expr.relative
        or (narrative.reference is not None and not narrative.in_lead)
        or narrative.year != narrative.default_year
        or value.start <= period.end + timedelta(days=31)
    ):
        return value
    earlier = year_before(value)
    if earlier is None:
        return value
    return earlier if earlier.start <= period.end else value


def document_period(document: Document) -> TimeValue | None:
    """The span the document is about, from its infobox phases."""
    if document.infobox is None:
        return None
    starts = [p.start for p in document.infobox.phases if p.start]
    ends = [p.end for p in document.infobox.phases if p.end]
    if not starts or not ends:
        return None
    return TimeValue(start=min(starts), end=max(ends), precision="range")
