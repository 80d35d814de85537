"""Stage "time": find time expressions and resolve them against the narrative.

``find_times`` says what was written (``TimeExpr``), ``Narrative`` tracks the year and
reference date of a document and turns expressions into ``model.TimeValue`` intervals.
"""

from badia.time.expressions import TimeExpr, find_times
from badia.time.narrative import (
    Narrative,
    clause_time,
    first_date_in,
    heading_time,
    year_from_title,
)

__all__ = [
    "Narrative",
    "TimeExpr",
    "find_times",
    "clause_time",
    "first_date_in",
    "heading_time",
    "year_from_title",
]
