"""Tallies a sentence states over a period only it implies (GUIDELINES 1b, 2).

Each test is a kind of phrasing, on sentences written for it with invented places.
"""

from __future__ import annotations

from badia.pipeline import extract_document
from badia.read import read_text

FRONT = "---\nsubject: Qasr offensive\nauthor: Wikipedia\ndate:\n  - 1–30 May 2016\n---\n\n"


def _extract(body: str):
    return extract_document(read_text(FRONT + "## Offensive\n" + body + "\n", "t.md"))


def _tallies(body: str) -> list[tuple[str, int]]:
    return sorted((t.side, t.killed) for t in _extract(body).tallies)


def _periods(result) -> set[tuple[str, str]]:
    return {(str(t.period_start), str(t.period_end)) for t in result.tallies}


def test_what_the_fighting_left_is_a_tally_of_the_days_told():
    body = (
        "On 3 May, rebels attacked the Tell Jaban base. On 5 May, they captured it. "
        "The fighting left over 60 soldiers and at least 40 rebels dead."
    )
    assert _tallies(body) == [("government", 60), ("opposition", 40)]
    ((start, end),) = _periods(_extract(body))
    assert start <= "2016-05-03" and end >= "2016-05-05"


def test_a_toll_between_named_days_is_a_tally_and_the_clashes_an_event():
    body = (
        "Clashes took place at the Qasr gas field between 11 and 14 May, "
        "leaving 22 soldiers and 17 militants dead."
    )
    result = _extract(body)
    assert _tallies(body) == [("government", 22), ("islamic_state", 17)]
    assert _periods(result) == {("2016-05-11", "2016-05-14")}
    assert [(e.type, str(e.date_start)) for e in result.events] == [("clash", "2016-05-11")]
    assert all(not e.fatalities for e in result.events)


def test_a_toll_over_two_named_days_stays_the_acts_own():
    assert _tallies("ISIL executed 14 soldiers in Qasr between 11 and 12 May.") == []


def test_the_number_of_dead_names_the_side_before_its_count():
    body = "On 9 May, the army lost Qasr. The number of dead soldiers was later updated to 70."
    assert _tallies(body) == [("government", 70)]


def test_by_this_time_a_toll_is_a_tally_and_the_missing_are_not_dead():
    body = (
        "On 9 May, the army lost Tell Jaban. By this time, the number of confirmed soldiers "
        "killed at Tell Jaban was updated to 64, while another 90 soldiers remained missing."
    )
    assert _tallies(body) == [("government", 64)]


def test_remains_found_are_no_tally_of_the_year_they_died():
    body = "On 9 May, the remains of nine rebels killed in 2014 were found near Qasr."
    assert _tallies(body) == []


def test_a_toll_after_a_state_since_the_start_is_the_offensives_so_far():
    body = (
        "On 2 May, the SDF attacked Qasr. On 6 May, the SDF captured Tell Jaban. "
        "By this time, the SDF had captured 30 villages since the start of the offensive. "
        "At least 41 ISIL militants were killed in the clashes."
    )
    result = _extract(body)
    assert _tallies(body) == [("islamic_state", 41)]
    ((start, end),) = _periods(result)
    assert start <= "2016-05-02" and end >= "2016-05-06"
