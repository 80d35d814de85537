"""Deictic and yearless dates of a dated news story (GUIDELINES 1b "Dates", "News")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from badia.pipeline import extract_text
from badia.time import Narrative, find_times
from badia.time.lexicon import WEEKDAYS

PUBLISHED = date(2019, 4, 10)  # a Wednesday


def _value(phrase: str, published: date = PUBLISHED) -> tuple[date, date] | None:
    narrative = Narrative(published=published)
    exprs = find_times(phrase)
    assert exprs, phrase
    value = narrative.resolve(exprs[0])
    return (value.start, value.end) if value else None


@pytest.mark.parametrize("name", list(WEEKDAYS))
def test_last_weekday_is_strictly_before_publication(name: str) -> None:
    for offset in range(7):  # every publication weekday
        published = PUBLISHED + timedelta(days=offset)
        got = _value(f"last {name.capitalize()}", published)
        assert got is not None
        day = got[0]
        assert day.weekday() == WEEKDAYS[name]
        assert published - timedelta(days=7) <= day < published
        bare = _value(f"on {name.capitalize()}", published)
        assert bare is not None and published - timedelta(days=6) <= bare[0] <= published


def test_last_weekday_on_that_weekday_is_a_week_before() -> None:
    assert _value("last Wednesday") == (date(2019, 4, 3), date(2019, 4, 3))
    assert _value("on Wednesday") == (PUBLISHED, PUBLISHED)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("overnight", (date(2019, 4, 9), PUBLISHED)),
        ("during the night", (date(2019, 4, 9), PUBLISHED)),
        ("this week", (date(2019, 4, 8), PUBLISHED)),  # Monday to publication day
        ("earlier this week", (date(2019, 4, 8), PUBLISHED)),
        ("earlier this month", (date(2019, 4, 1), PUBLISHED)),
        ("last month", (date(2019, 3, 1), date(2019, 3, 31))),
        ("yesterday", (date(2019, 4, 9), date(2019, 4, 9))),
        ("earlier in the week", (date(2019, 4, 8), PUBLISHED)),
        ("last weekend", (date(2019, 4, 6), date(2019, 4, 7))),
        ("two days ago", (date(2019, 4, 8), date(2019, 4, 8))),
        ("a week ago", (date(2019, 4, 3), date(2019, 4, 3))),
        ("overnight into Tuesday", (date(2019, 4, 8), date(2019, 4, 9))),
        ("on the night of Monday to Tuesday", (date(2019, 4, 8), date(2019, 4, 9))),
        ("the night between Sunday and Monday", (date(2019, 4, 7), date(2019, 4, 8))),
    ],
)
def test_deictics_count_from_publication(phrase: str, expected: tuple[date, date]) -> None:
    assert _value(phrase) == expected


def test_overnight_after_a_told_date_is_that_night() -> None:
    narrative = Narrative(published=PUBLISHED)
    first = find_times("on 2 April")[0]
    narrative.advance(narrative.resolve(first))
    value = narrative.resolve(find_times("overnight")[0])
    assert (value.start, value.end) == (date(2019, 4, 2), date(2019, 4, 3))


def test_night_of_a_date_is_still_that_night() -> None:
    assert _value("In the night of 1-2 March") == (date(2019, 3, 1), date(2019, 3, 2))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in December", (date(2018, 12, 1), date(2018, 12, 31))),  # after April: the year before
        ("since November", (date(2018, 11, 1), date(2018, 11, 30))),
        ("on 20 October", (date(2018, 10, 20), date(2018, 10, 20))),
        ("in March", (date(2019, 3, 1), date(2019, 3, 31))),  # already past: this year
        ("in December 2019", (date(2019, 12, 1), date(2019, 12, 31))),  # a written year stays
        ("last April", (date(2018, 4, 1), date(2018, 4, 30))),  # told in April: the one before
        ("last January", (date(2019, 1, 1), date(2019, 1, 31))),
    ],
)
def test_yearless_date_after_publication_is_the_previous_year(
    phrase: str, expected: tuple[date, date]
) -> None:
    assert _value(phrase) == expected


def _story(dateline: str, sentence: str) -> list:
    text = f"Militia raid on Tell Barak\n\n{dateline}\n\n{sentence}\n"
    return extract_text(text, name="story.txt").events


def test_story_overnight_and_last_weekday() -> None:
    events = _story(
        "Friday 7 June 2024",
        "Kurdish fighters attacked a militia post near Tell Barak overnight, a monitor said.",
    )
    assert [(e.date_start, e.date_end) for e in events] == [(date(2024, 6, 6), date(2024, 6, 7))]
    events = _story(
        "Friday 7 June 2024",
        "Kurdish fighters attacked a militia post near Tell Barak last Friday, a monitor said.",
    )
    assert [e.date_start for e in events] == [date(2024, 5, 31)]


def test_story_pluperfect_month_is_the_previous_year() -> None:
    events = _story("Monday 3 February 2025", "Islamic State had captured Tell Barak in November.")
    assert [(e.date_start, e.date_end) for e in events] == [(date(2024, 11, 1), date(2024, 11, 30))]
