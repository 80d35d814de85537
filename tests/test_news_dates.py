"""News publication dates: every common date-line layout, read as a whole page.

Each layout is written into a small page of our own (a headline, the date line,
one story sentence) and read through ``read_text``, so detection, header reading
and the date layer are all exercised. Layouts marked "real" copy the *form* of a
date line seen on real news pages (names and dates changed).
"""

from __future__ import annotations

import logging
from datetime import date

import pytest

from badia.read import read_text
from badia.read.dates import date_line, wire_dateline

HEAD = "Rebels shell army post near Qaryat al-Nakhil"
STORY = "Rebel fighters shelled an army post near Qaryat al-Nakhil on Saturday, a monitor said."
D = date(2017, 11, 19)

# (id, text between headline and story, expected date)
LAYOUTS = [
    ("iso", "2017-11-19", D),
    ("iso-time-zone", "2017-11-19T10:42:00+03:00", D),
    ("iso-time-z", "2017-11-19T22:42:00Z", D),
    ("iso-late-utc-offset", "2017-11-19 23:50 -05:00", D),  # the zone never moves the day
    ("slash-day-first", "19/11/2017", D),
    ("dot-day-first", "19.11.2017", D),
    ("dash-day-first", "19-11-2017", D),
    ("slash-time", "19/11/2017 10:42", D),
    ("ambiguous-day-first", "03/11/2017", date(2017, 11, 3)),
    ("month-first-unambiguous", "11/19/2017", D),
    ("dd-mon-yyyy", "19-Nov-2017", D),
    ("us-at-time-et", "Nov. 19, 2017 at 10:42 a.m. ET", D),
    ("dash-time-zone", "November 19, 2017 - 10:42 AMT", D),
    ("updated-prefix", "Updated: November 19, 2017", D),
    ("published-prefix", "Published: 19 November 2017", D),
    ("last-updated-prefix", "Last Updated: Sunday, 19 November 2017 10:42 GMT", D),
    ("created-prefix", "Created: 19.11.2017", D),
    ("agency-city-updated", "Reuters | Beirut | Updated: 19-11-2017 10:42 IST", D),
    ("byline-same-line", "by Staff, November 19, 2017", D),
    ("byline-line-above", "By Jane Roe\nNovember 19, 2017", D),
    ("byline-block-above", "By Jane Roe\n\nNovember 19, 2017", D),
    ("min-read-between", "2 min read\n\nNovember 19, 2017", D),
    ("weekday-day-month-year", "Sunday 19 November 2017", D),
    ("weekday-comma-us", "Sunday, November 19, 2017", D),
    ("guardian-style", "Last modified on Sun 19 Nov 2017 10.42 GMT", D),
    ("ordinal", "19th November 2017", D),
    # real: "Published: ... BdST Updated: ... BdST" (two dates: the earliest is publication)
    ("published-and-updated", "Published: 19 Nov 2017 01:25 PM BdST Updated: 20 Nov 2017 "
     "09:00 AM BdST", D),
    # real: "AGENCY | Updated: ... IST | Created: ... IST"
    ("updated-then-created", "Reuters | Updated: 20-11-2017 12:17 IST | Created: 19-11-2017 "
     "12:16 IST", D),
    # real: "Wed 03rd February 2021 | 08:57 PM"
    ("weekday-ordinal-pipe-time", "Sun 19th November 2017 | 10:42 PM", D),
    # real: "November 19, 2017 / 10:42 AM / Updated 6 years ago"
    ("slash-updated-ago", "November 19, 2017 / 10:42 AM / Updated 6 years ago", D),
    # real: ">> Reuters" above the date line
    ("agency-chevrons-above", ">> Reuters\nPublished: 19 Nov 2017 10:42 AM", D),
    # real: label on its own line, date below ("First published\nNovember 24, 2018")
    ("label-line-above", "First published\nNovember 19, 2017", D),
    ("posted-on-by", "Posted on November 19, 2017 by Staff", D),
    ("bullet-time", "19 November 2017 • 10:42am", D),
    ("date-colon-label", "Date: 2017-11-19", D),
    ("published-comma-time", "Published 19.11.2017, 10:42", D),
    ("year-first-slash", "2017/11/19 10:42", D),
    # real: "Source: Xinhua| 2017-11-19 10:42:00|Editor: ..."
    ("source-editor-pipes", "Source: Xinhua| 2017-11-19 10:42:00|Editor: Jane Roe", D),
    ("last-update-local-time", "Last Update: Sun 19 Nov 2017 10:42 (Mecca time)", D),
    ("two-zones", "Sunday 19 November 2017 KSA 10:42 - GMT 07:42", D),
]


@pytest.mark.parametrize(("between", "expected"), [(b, e) for _, b, e in LAYOUTS],
                         ids=[i for i, _, _ in LAYOUTS])
def test_date_line_layouts(between: str, expected: date) -> None:
    doc = read_text(f"{HEAD}\n\n{between}\n\n{STORY}\n", "page.txt")
    assert doc.format == "news"
    assert doc.published == expected
    assert doc.title == HEAD
    assert doc.sentences()[0][2].text.startswith("Rebel fighters")


def test_layout_battery_is_large_enough() -> None:
    assert len(LAYOUTS) >= 30


def test_metadata_date_line_with_headline_on_it() -> None:
    text = f" date 2017-11-19 {HEAD}\nReuters | Updated: 19-11-2017 12:17 IST\n{STORY}\n"
    doc = read_text(text, "page.txt")
    assert (doc.format, doc.published, doc.title) == ("news", D, HEAD)


def test_metadata_date_line_alone() -> None:
    doc = read_text(f"date 2017-11-19\n\n{HEAD}\n\n{STORY}\n", "page.txt")
    assert (doc.published, doc.title) == (D, HEAD)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("BEIRUT, Nov 19 (Reuters) - ", D),  # year from the page (below)
        ("DAMASCUS, November 19, 2017 (AFP) - ", D),
        ("BEIRUT, Nov 19: ", D),
        ("AMMAN, Jordan, 19 November 2017 (AP) — ", D),
        ("DAMASCUS (Sputnik - 19th November, 2017) ", D),
    ],
)
def test_wire_datelines(opening: str, expected: date) -> None:
    text = f"{HEAD}\n\n{opening}{STORY}\n\nThe town was shelled before, on 2 March 2017.\n"
    doc = read_text(text, "wire.txt")
    assert doc.format == "news"
    assert doc.published == expected
    first = doc.sentences()[0][2]
    assert first.text.startswith("Rebel fighters")  # the dateline's place is cut off
    assert doc.text[first.start : first.end] == first.text


def test_wire_dateline_without_any_year_leaves_the_date_unknown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="badia.read"):
        doc = read_text(f"{HEAD}\n\nBEIRUT, Nov 19 (Reuters) - {STORY}\n", "wire.txt")
    assert doc.published is None
    assert "wire.txt" in caplog.text and "without a year" in caplog.text


@pytest.mark.parametrize(
    "line",
    [
        "Rebels shelled the post on 19/11/2017.",  # prose holding a date
        "19/11/2017 rebels shelled the post",
        "The offensive of 19 November 2017",
        "31/02/2017",  # no such day
        "19/13/2017",  # neither day-first nor month-first
        "Casualties: 12 on 19 November 2017",  # a count is never time-stamp furniture
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_line(line) is None


def test_time_stamp_digits_are_not_casualty_counts() -> None:
    from badia.pipeline import extract_text

    text = (
        "IS fighters attack army post\n\n19/11/2017 10:42 GMT\n\n"
        "Islamic State fighters attacked an army post near al-Sukhnah on Saturday, "
        "killing three soldiers, a monitor said.\n"
    )
    ex = extract_text(text, name="stamp.txt")
    assert ex.document.published == D
    kills = [(f.side, f.killed) for e in ex.events for f in e.fatalities]
    assert kills == [("government", 3)]
    assert [e.date_start for e in ex.events] == [date(2017, 11, 18)]


def test_wire_dateline_needs_capitals_and_a_date_or_agency() -> None:
    assert wire_dateline("Beirut, Nov 19 - rebels said") is None
    assert wire_dateline("ISIS fighters - attacked") is None
    line = wire_dateline("BEIRUT (Reuters) - Rebels shelled")
    assert line is not None and line.day is None


def test_day_first_can_be_turned_off_for_month_first_outlets() -> None:
    assert date_line("03/11/2017") == date(2017, 11, 3)
    assert date_line("03/11/2017", day_first=False) == date(2017, 3, 11)


@pytest.mark.parametrize(
    "opening", ["Qaryat al-Nakhil, SANA-", "Homs, SANA - ", "AMMAN: ", "BEIRUT (Reuters) - "]
)
def test_undated_datelines_are_cut_from_the_story(opening: str) -> None:
    doc = read_text(f"{HEAD}\n\nSunday 19 November 2017\n\n{opening}{STORY}\n", "page.txt")
    assert doc.published == D
    assert doc.sentences()[0][2].text.startswith("Rebel fighters")


@pytest.mark.parametrize("paragraph", ["Islamic State, the group, said", "Rebels: we won the day"])
def test_prose_is_not_a_dateline(paragraph: str) -> None:
    assert wire_dateline(paragraph) is None


def test_an_outlet_writing_month_first_reads_ambiguous_numbers_month_first() -> None:
    us = (f"{HEAD}\n\n03/11/2017 10:42 AM\n\nRebel fighters shelled an army post on "
          "March 9, 2017 and again on Saturday, a monitor said.\n")
    assert read_text(us, "us.txt").published == date(2017, 3, 11)
    uk = us.replace("March 9, 2017", "9 March 2017")
    assert read_text(uk, "uk.txt").published == date(2017, 11, 3)


def test_metadata_line_then_headline_then_date_line() -> None:
    # real form: " date ... <site tagline>" / headline / "AGENCY | Updated: ... | Created: ..."
    text = (f" date 2017-11-19 Site Menu\n{HEAD}\nReuters | Updated: 19-11-2017 12:17 IST | "
            f"Created: 19-11-2017 12:16 IST\n{STORY}\n")
    doc = read_text(text, "page.txt")
    assert (doc.published, doc.title) == (D, HEAD)
    assert doc.sentences()[0][2].text.startswith("Rebel fighters")


def test_wire_story_under_a_tagline() -> None:
    # real form: site tagline lines, headline, then "CITY, Mon DD: story" (year elsewhere)
    text = (f"site banner\nWORLD\n\n{HEAD}\n\nBEIRUT, Nov 19: {STORY} It was the worst raid "
            "since 2 March 2017.\n")
    doc = read_text(text, "wire.txt")
    assert (doc.format, doc.published, doc.title) == ("news", D, HEAD)
    assert doc.sentences()[0][2].text.startswith("Rebel fighters")


def test_repeated_headline_over_a_photo_credit_is_a_caption() -> None:
    text = f"{HEAD}\n\n19 Nov 2017 - 10:05\n\n{HEAD}\nFile Photo.\n\n{STORY}\n"
    doc = read_text(text, "page.txt")
    assert [s.text for _, _, s in doc.sentences()] == [STORY]
