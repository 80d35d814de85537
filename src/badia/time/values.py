"""Normalise a parsed time expression into a date interval (``model.TimeValue``).

Conventions (GUIDELINES section 1, and choices where it is silent):
- parts of a month: early/start = days 1-10, mid/middle = 11-20, late/end = 21-last;
  precision ``range``.
- parts of a year: "the start/beginning of Y" = January, "the end of Y" = December
  (the guideline's "By the end of 2017" = 2017-12-01..2017-12-31); "early Y" =
  January-April, "mid-Y" = May-August, "late Y" = September-December (the year cut in
  thirds, as the month is). Precision ``range``.
- any span written as two points (days, months or years) has precision ``range``;
  a single day ``day``; a month ``month``; a year ``year``.
- relative offsets move both ends of a range reference ("two days later" after
  "1-2 October" = 3-4 October); they need a reference pinned to days.
- "in the following days" = from the day after the reference to the end of that month.
- weekdays and deictics count from the publication date: "on Tuesday" is the latest
  Tuesday on or before it (news report the past).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from badia.model import DatePrecision, TimeValue
from badia.time.expressions import TimeExpr

_MONTH_PARTS = {
    "start": (1, 10), "early": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31),
}
_YEAR_PARTS = {"start": (1, 1), "early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (12, 12)}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _tv(start: date, end: date, precision: DatePrecision) -> TimeValue:
    return TimeValue(start=start, end=end, precision=precision)


def point_interval(
    day: int | None, month: int | None, year: int | None, part: str | None
) -> tuple[date, date, DatePrecision] | None:
    """The interval of one calendar point; ``None`` if it is not a valid date."""
    if year is None:
        return None
    try:
        if month is not None and day is not None:
            d = date(year, month, day)
            return d, d, "day"
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            if part is None:
                return date(year, month, 1), date(year, month, last), "month"
            lo, hi = _MONTH_PARTS[part]
            return date(year, month, lo), date(year, month, min(hi, last)), "range"
        if part is None:
            return date(year, 1, 1), date(year, 12, 31), "year"
        m1, m2 = _YEAR_PARTS[part]
        return date(year, m1, 1), month_end(year, m2), "range"
    except ValueError:
        return None


def resolve_calendar(expr: TimeExpr, year: int | None) -> TimeValue | None:
    """Absolute expressions; ``year`` is the narrative year for a date written without one."""
    kind = expr.inner if expr.kind == "by" else expr.kind
    if kind == "range":
        return _resolve_range(expr, year)
    y = expr.year if expr.year is not None else year
    iv = point_interval(expr.day, expr.month, y, expr.part)
    if iv is None:
        return None
    return _tv(*iv)


def _resolve_range(expr: TimeExpr, year: int | None) -> TimeValue | None:
    m1 = expr.month if expr.month is not None else (expr.month2 if expr.day is not None else None)
    m2 = expr.month2
    y1, y2 = expr.year, expr.year2
    wraps = m1 is not None and m2 is not None and m1 > m2  # "December - January"
    if y1 is None and y2 is None:
        if year is None:
            return None
        y1 = year
        y2 = year + (1 if wraps else 0)
    elif y1 is None:
        assert y2 is not None
        y1 = y2 - (1 if wraps else 0)
    elif y2 is None:
        y2 = y1 + (1 if wraps else 0)
    a = point_interval(expr.day, m1, y1, expr.part)
    b = point_interval(expr.day2, m2, y2, expr.part2)
    if a is None or b is None or b[1] < a[0]:
        return None
    if a[0] == b[1]:
        return _tv(a[0], b[1], "day")
    return _tv(a[0], b[1], "range")


def resolve_relative(expr: TimeExpr, reference: TimeValue | None) -> TimeValue | None:
    """Offsets and anchors counted from the narrative reference."""
    if reference is None:
        return None
    if expr.kind == "anchor" and not expr.same_day:
        return reference  # "meanwhile": whatever the reference was
    if expr.offset_months is not None:
        if reference.precision == "year":
            return None
        k = reference.start.year * 12 + reference.start.month - 1 + expr.offset_months
        y, m = divmod(k, 12)
        iv = point_interval(None, m + 1, y, expr.part)
        return _tv(*iv) if iv is not None else None
    if reference.precision not in ("day", "range"):
        return None
    lo = expr.offset_days or 0
    hi = expr.offset_days2 if expr.offset_days2 is not None else lo
    if expr.to_month_end and expr.month is not None and expr.month != reference.end.month:
        iv = point_interval(None, expr.month, reference.end.year, None)  # "later in May" in March
        return _tv(*iv) if iv is not None else None
    if expr.to_month_end:
        start = reference.end + timedelta(days=lo)
        return _tv(start, month_end(start.year, start.month), _prec(start, None))
    start = reference.start + timedelta(days=lo)
    end = reference.end + timedelta(days=hi)
    return _tv(start, end, _prec(start, end))


def _prec(start: date, end: date | None) -> DatePrecision:
    return "day" if end is not None and start == end else "range"


def resolve_published(expr: TimeExpr, published: date | None) -> TimeValue | None:
    """Weekdays and deictics ("yesterday", "this dawn", "last Tuesday", "this week",
    "last month", and "overnight" with nothing before it) of a dated news article.

    News report the past: a bare weekday is the latest such day on or before the
    publication day; "last <weekday>" is strictly before it (on a Tuesday, "last Tuesday"
    is the Tuesday a week before); "overnight" is the night that ends on the publication
    day (the day before and the day); "this week" is Monday to the publication day, "this
    month" its first day to the publication day; "last weekend" the Saturday and Sunday
    before the publication week; "the night of Thursday to Friday" both days.
    """
    if published is None:
        return None
    if expr.kind == "weekday":
        assert expr.weekday is not None
        back = (published.weekday() - expr.weekday) % 7
        if back == 0 and expr.before_only:
            back = 7
        d = published - timedelta(days=back)
        lo, hi = expr.offset_days or 0, expr.offset_days2 or 0  # a night between two days
        return _tv(d + timedelta(days=lo), d + timedelta(days=hi), "day" if lo == hi else "range")
    if expr.night:
        return _tv(published - timedelta(days=1), published, "range")
    if expr.to_date == "week":
        start = published - timedelta(days=published.weekday())
        return _tv(start, published, _prec(start, published))
    if expr.to_date == "last_weekend":  # the Saturday and Sunday before this week
        monday = published - timedelta(days=published.weekday())
        return _tv(monday - timedelta(days=2), monday - timedelta(days=1), "range")
    if expr.to_date == "month":
        start = published.replace(day=1)
        return _tv(start, published, _prec(start, published))
    if expr.offset_months is not None:
        k = published.year * 12 + published.month - 1 + expr.offset_months
        y, m = divmod(k, 12)
        iv = point_interval(None, m + 1, y, None)
        return _tv(*iv) if iv is not None else None
    lo = expr.offset_days or 0
    hi = expr.offset_days2 if expr.offset_days2 is not None else lo
    start, end = published + timedelta(days=lo), published + timedelta(days=hi)
    return _tv(start, end, _prec(start, end))


def year_before(value: TimeValue) -> TimeValue | None:
    """The same interval one year earlier (``None`` for 29 February)."""
    try:
        return TimeValue(
            start=value.start.replace(year=value.start.year - 1),
            end=value.end.replace(year=value.end.year - 1),
            precision=value.precision,
        )
    except ValueError:
        return None


def before_publication(
    expr: TimeExpr, value: TimeValue | None, published: date | None
) -> TimeValue | None:
    """A date written without a year that would fall after the publication day is the
    last such date before it: news report the past ("in December" in a March 2022 story
    is December 2021; "since December" in an April story, the previous December). "last
    December" told in December is the December before."""
    if (
        value is None
        or published is None
        or expr.year is not None
        or expr.year2 is not None
        or (value.start <= published and not (expr.before_only and value.end >= published))
    ):
        return value
    earlier = year_before(value)
    if earlier is None:
        return value
    return earlier if earlier.start <= published else value


def normalise(
    expr: TimeExpr,
    year: int | None = None,
    reference: TimeValue | None = None,
    published: date | None = None,
) -> TimeValue | None:
    """One entry point for all kinds, given the context values explicitly."""
    kind = expr.inner if expr.kind == "by" else expr.kind
    if kind in ("relative", "anchor"):
        return resolve_relative(expr, reference)
    if kind in ("weekday", "deictic"):
        return resolve_published(expr, published)
    return resolve_calendar(expr, year)
