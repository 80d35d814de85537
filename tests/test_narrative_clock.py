"""The narrative clock over whole documents: which year a yearless date takes.

Documents written for these tests (invented places); each rule of
``time/narrative.py`` that concerns the clock has one.
"""

from __future__ import annotations

from badia.pipeline import extract_document
from badia.read import read_text


def _dates(text: str, name: str = "doc.md") -> dict[str, str]:
    """First event date per quote start word ('On 3 November, ...' -> '2016-11-03')."""
    events = extract_document(read_text(text, name)).events
    return {e.quote: str(e.date_start) for e in events}


def _date_of(dates: dict[str, str], words: str) -> str:
    found = [d for q, d in dates.items() if words in q]
    assert found, (words, dates)
    return found[0]


def _check(body: str, expected: dict[str, str]) -> None:
    """The first event naming each place has the expected date."""
    dates = _dates(MIRROR_FRONT + body)
    assert {words: _date_of(dates, words) for words in expected} == expected


MIRROR_FRONT = """---
subject: Nur offensive
author: Wikipedia
pubDate: 2023-09-10 02:09
date:
  - 3 November 2016 – 10 January 2017
---

"""


def test_a_yearless_date_never_takes_the_retrieval_year():
    text = "---\nsubject: Raid on Tell Hamra\nauthor: Wikipedia\npubDate: 2023-09-10\n---\n\n"
    text += "On 3 May, rebels attacked Tell Hamra.\n"
    dates = _dates(text)
    assert not any(d.startswith("2023") for d in dates.values())


def test_a_yearless_date_takes_the_last_full_date_year():
    body = "## Offensive\nOn 2 December 2016, the army captured Tell Hamra. "
    _check(body + "On 5 December, rebels attacked Kafr Salam.\n", {"Kafr Salam": "2016-12-05"})


def test_the_lead_summing_up_the_end_does_not_date_the_body():
    lead = "The Nur offensive was fought in the south. On 10 January 2017, the army "
    lead += "captured Qaryat Nur, ending the offensive.\n\n"
    body = "## Offensive\nOn 3 November, rebels attacked Tell Hamra. Two days later, "
    body += "the army shelled Kafr Salam.\n"
    _check(lead + body, {"Tell Hamra": "2016-11-03", "Kafr Salam": "2016-11-05"})


def test_a_section_that_starts_earlier_resets_the_reference():
    north = "### Northern front\nOn 20 December 2016, the army captured Tell Hamra. "
    north += "Two days later, rebels attacked Kafr Salam.\n\n"
    south = "### Southern front\nOn 5 December, rebels captured Ain Jara. Two days later, "
    south += "the army shelled Bir Qasab.\n"
    _check(
        "## Offensive\n" + north + south, {"Kafr Salam": "2016-12-22", "Bir Qasab": "2016-12-07"}
    )


def test_a_section_after_an_aftermath_in_another_year_returns_to_the_period():
    body = "## Offensive\nOn 5 November, rebels attacked Tell Hamra.\n\n"
    body += "## Aftermath\nIn March 2018, the army captured Kafr Salam.\n\n"
    body += "## Executions\nOn 6 November, ISIL executed 40 soldiers in Ain Jara.\n"
    _check(body, {"Tell Hamra": "2016-11-05", "Kafr Salam": "2018-03-01", "Ain Jara": "2016-11-06"})
