"""Date spans of GUIDELINES 1b ("Dates"), read through a whole document (invented places)."""

from __future__ import annotations

import pytest

from badia.pipeline import extract_document
from badia.read import read_text

FRONT = "---\nsubject: Qasr offensive\nauthor: Wikipedia\n"
FRONT += "date:\n  - 1 January – 31 December 2016\n---\n\n"


def _span(body: str, words: str) -> tuple[str, str]:
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    found = [e for e in extract_document(doc).events if words in e.quote]
    assert found, body
    return str(found[0].date_start), str(found[0].date_end)


@pytest.mark.parametrize(
    "body, expected",
    [
        # a night spans the day and the next
        (
            "On 14 December, the army attacked Tell Jaban. The following night, ISIL shelled Qasr.",
            ("2016-12-14", "2016-12-15"),
        ),
        # "later in <month>" runs from the day after the reference to the month's end
        (
            "On 13 September, the army attacked Jaban. Later in September, ISIL captured Qasr.",
            ("2016-09-14", "2016-09-30"),
        ),
        (
            "On 13 September, the army attacked Jaban. Later in the month, ISIL captured Qasr.",
            ("2016-09-14", "2016-09-30"),
        ),
        # the first / last days of a month are its early / late part
        ("In the first days of October, ISIL captured Qasr.", ("2016-10-01", "2016-10-10")),
        ("In the last days of October, ISIL captured Qasr.", ("2016-10-21", "2016-10-31")),
        # an offset from a range moves both ends
        (
            "In early May, the army attacked Tell Jaban. Two weeks later, ISIL captured Qasr.",
            ("2016-05-15", "2016-05-24"),
        ),
        # "several hours later" after an evening is that day and the next (GUIDELINES 1b) ...
        (
            "Late on 12 May, the army captured the Jaban base. Several hours later, ISIL "
            "counterattacked in Qasr.",
            ("2016-05-12", "2016-05-13"),
        ),
        # ... and the same day otherwise
        (
            "On 12 May, the army captured the Jaban base. A few hours later, ISIL "
            "counterattacked in Qasr.",
            ("2016-05-12", "2016-05-12"),
        ),
        # a relative time counts from the date written before it in the same clause
        (
            "Rebels captured the Jaban hills on 28 March, after midnight, areas in Qasr "
            "were targeted by an air raid.",
            ("2016-03-28", "2016-03-29"),
        ),
        # a night told before the sentence's written day is the night that ends on it
        (
            "On 1 August, the army attacked Tell Jaban. After overnight clashes that started "
            "with a car bomb in Qasr, on 7 August, ISIL captured the Jaban base.",
            ("2016-08-06", "2016-08-07"),
        ),
        # a year written after a yearless date belongs to another time of the sentence
        (
            "On 3 February, ISIL attacked Jaban. On 23 February, ISIL also released the "
            "hostages of Qasr that it had taken, during a previous offensive in March 2014.",
            ("2016-02-23", "2016-02-23"),
        ),
    ],
)
def test_date_span(body: str, expected: tuple[str, str]):
    assert _span(body, "Qasr") == expected


def test_each_act_takes_the_date_that_governs_it():
    body = "In early May 2016, the Syrian Army launched an offensive on Jaban, "
    body += "capturing Qasr late on 12 May."
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    dates = {e.type: (str(e.date_start), str(e.date_end)) for e in extract_document(doc).events}
    assert dates["attack"] == ("2016-05-01", "2016-05-10")
    assert dates["capture"] == ("2016-05-12", "2016-05-12")


def test_a_story_told_in_order_crosses_into_the_next_year():
    """A yearless January date after a late-December one is January of the next year; a
    month months back is a flashback in the same year."""
    front = "---\nsubject: Qasr clashes\nauthor: Wikipedia\ndate:\n  - 2020–2021\n---\n\n"
    body = (
        "On 20 December 2020, ISIL attacked Jaban. The villages witnessed clashes again on "
        "6 January, with the SDF destroying a technical of ISIL in Qasr. On 9 January, ISIL "
        "captured Tell Qasr. In March, the army had captured Tell Jaban."
    )
    doc = read_text(front + "## Clashes\n" + body + "\n", "t.md")
    dates = [(e.type, str(e.date_start)) for e in extract_document(doc).events]
    assert ("clash", "2021-01-06") in dates
    assert ("capture", "2021-01-09") in dates
    assert ("capture", "2021-03-01") in dates


def test_an_act_told_before_a_later_offset_runs_until_it():
    """ "subsequently counterattacked and by the following day had retaken": the
    counterattack has no time of its own and runs from the story's day to the offset's."""
    body = (
        "On 8 May, ISIL attacked Qasr. However, the Syrian Army subsequently counterattacked "
        "and by the following day it was reported that the army had retaken Qasr."
    )
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    dates = [(e.type, str(e.date_start), str(e.date_end)) for e in extract_document(doc).events]
    assert ("attack", "2016-05-08", "2016-05-09") in dates
    assert ("capture", "2016-05-09", "2016-05-09") in dates


def test_a_part_of_the_day_is_the_story_day():
    """ "In the evening" is the day the story has reached, not the next offset's."""
    body = (
        "On 26 July, ISIL attacked Jaban. In the evening, it was reported that ISIL managed to "
        "capture large parts of the Qasr base, and by the next day had taken the whole base."
    )
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    captures = [str(e.date_start) for e in extract_document(doc).events if e.type == "capture"]
    assert captures[0] == "2016-07-26"


def test_a_participle_with_a_later_day_carries_the_act_on():
    """ "made a large advance at the same time, reaching the lines the next day": the
    advance runs over both days, and the story goes on from that span."""
    body = (
        "On 26 March, the army attacked Jaban. The FSA made a large advance at the same time, "
        "reaching the front lines with the army the next day. The FSA announced that they "
        "had captured the Qasr area."
    )
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    dates = [(e.type, str(e.date_start), str(e.date_end)) for e in extract_document(doc).events]
    assert ("attack", "2016-03-26", "2016-03-27") in dates
    assert ("capture", "2016-03-26", "2016-03-27") in dates


@pytest.mark.parametrize(
    "text, day",
    [
        ("two fighters were killed on March 19 according to SOHR", 19),
        ("clashes broke out on March 19 in the village of Qasr", 19),
        ("On March 24 soldiers were killed in Qasr", None),  # a count, not a day
    ],
)
def test_a_month_first_day_before_a_function_word(text: str, day: int | None):
    from badia.time import find_times

    days = [t.day for t in find_times(text) if t.kind == "date"]
    assert days == ([day] if day else [])
