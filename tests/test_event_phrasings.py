"""Phrasings of unseen articles, one sentence each (written for these tests, invented
places): movement verbs, light-verb idioms, sieges, weapons as verbs, executions.

Each row is a kind of phrasing (GUIDELINES 1 and 1b), not a sentence of a document.
"""

from __future__ import annotations

import pytest

from badia.pipeline import extract_document
from badia.read import read_text

FRONT = "---\nsubject: Qasr offensive\nauthor: Wikipedia\ndate:\n  - 1–30 May 2016\n---\n\n"


def _events(body: str) -> list[tuple[str, str, str | None]]:
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    return [(str(e.date_start), e.type, e.side1) for e in extract_document(doc).events]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # movement into enemy ground
        ("On 4 May, ISIL fighters entered the ruins of Qasr.", ("attack", "islamic_state")),
        ("On 4 May, the Syrian Army re-entered Tell Jaban.", ("attack", "government")),
        ("On 4 May, the Syrian Army reached the outskirts of Qasr.", ("attack", "government")),
        ("On 4 May, ISIL forces penetrated the Jaban air base.", ("attack", "islamic_state")),
        ("On 4 May, the army swept through the plain east of Qasr.", ("attack", "government")),
        # light verbs
        ("On 4 May, the Syrian Army made further advances near Qasr.", ("attack", "government")),
        ("On 4 May, the SDF gained ground south of Qasr.", ("attack", "opposition")),
        ("On 4 May, the SDF began a slow advance on Qasr.", ("attack", "opposition")),
        (
            "On 4 May, the SDF continued to advance in the villages of Qasr.",
            ("attack", "opposition"),
        ),
        # a strike whose means is unsaid, and the aircraft that keeps it an air strike
        ("On 4 May, the Syrian Army struck ISIL positions near Qasr.", ("attack", "government")),
        ("On 4 May, Russian jets struck ISIL positions near Qasr.", ("airstrike", "russia")),
        # sieges and roads
        ("On 4 May, the SDF encircled Qasr.", ("attack", "opposition")),
        ("On 4 May, the SDF cut the road between Qasr and Jaban.", ("capture", "opposition")),
        ("On 4 May, the army broke the siege of Tell Jaban.", ("capture", "government")),
        ("The siege of Tell Jaban was broken by the army on 4 May.", ("capture", "government")),
        ("On 4 May, the army pushed ISIL back from Qasr.", ("capture", "government")),
        ("On 4 May, the army re-secured the village of Jaban.", ("capture", "government")),
        # weapons and explosives as verbs
        (
            "On 4 May, rebels detonated a tunnel bomb under the Jaban base.",
            ("bombing", "opposition"),
        ),
        ("On 4 May, ISIL blew up the bridge of Qasr.", ("bombing", "islamic_state")),
        (
            "On 4 May, the Syrian Air Force dropped barrel bombs on Qasr.",
            ("airstrike", "government"),
        ),
        ("An ISIL camp was bombed by the Syrian Air Force on 4 May.", ("airstrike", "government")),
        # the offensive told in the passive
        ("On 4 May, the offensive was launched by ISIL.", ("attack", "islamic_state")),
        # more light verbs and the air arm's acts
        ("On 4 May, ISIL carried out more counterattacks near Qasr.", ("attack", "islamic_state")),
        ("On 4 May, the Syrian Army restarted its operations near Qasr.", ("attack", "government")),
        ("On 4 May, ISIL made an attempt to break into Qasr.", ("attack", "islamic_state")),
        ("On 4 May, US aircraft dropped three heavy bombs on Qasr.", ("airstrike", "coalition")),
        ("On 4 May, SDF fighters were airlifted to Qasr.", ("deployment", "opposition")),
        ("On 4 May, the Syrian Army evacuated the residents of Qasr.", ("other", "government")),
        ("On 4 May, ISIL released the last 40 hostages from Qasr.", ("other", "islamic_state")),
        ("On 4 May, the Tiger Forces were also sent to Qasr.", ("deployment", "government")),
        (
            "On 4 May, Syrian fighter jets launched a heavy attack on Qasr.",
            ("airstrike", "government"),
        ),
        (
            "On 4 May, the SDF advanced, bringing half of Qasr under their control.",
            ("capture", "opposition"),
        ),
        # a month before a name is its date, not part of it; "were able to" is done
        ("On 4 May Tiger Forces captured Qasr.", ("capture", "government")),
        ("On 4 May, the rebels were able to capture Qasr.", ("capture", "opposition")),
        # of two generic words the head noun names the side
        ("On 4 May, jihadist rebels attacked Qasr.", ("attack", "opposition")),
        # groups whose side GUIDELINES 1b states
        ("On 4 May, YPG fighters attacked Qasr.", ("attack", "opposition")),
        ("On 4 May, Jund al-Aqsa captured Qasr.", ("capture", "opposition")),
        ("On 4 May, al-Nusra captured Qasr.", ("capture", "opposition")),
        ("On 4 May, the United States Marines shelled Qasr.", ("shelling", "coalition")),
        # executions: captured fighters are `other`, civilians `civilian_violence`
        ("On 4 May, ISIL executed 40 Syrian soldiers in Qasr.", ("other", "islamic_state")),
        ("On 4 May, ISIL beheaded a teacher in Qasr.", ("civilian_violence", "islamic_state")),
        ("On 4 May, 20 captured soldiers were executed by ISIL.", ("other", "islamic_state")),
        # through the line, and the verbs of "repel" (the one repelled attacked)
        ("On 4 May, ISIL fighters breached the walls of Qasr.", ("attack", "islamic_state")),
        ("On 4 May, rebels infiltrated the town of Jaban.", ("attack", "opposition")),
        (
            "On 4 May, the SDF foiled an ISIL infiltration attempt near Qasr.",
            ("attack", "islamic_state"),
        ),
        ("On 4 May, ISIL stepped up its attacks on Qasr.", ("attack", "islamic_state")),
        # a supply line named by its owner is still a road cut
        (
            "On 4 May, ISIL tried to cut off the Syrian Army supply line to Qasr.",
            ("attack", "islamic_state"),
        ),
        # the defence gives way: the side pressing it takes the ground
        (
            "On 4 May, ISIL defences in Qasr collapsed under pressure from the SDF.",
            ("capture", "opposition"),
        ),
        # plural action nouns, armed drones, a force's own posts left or set up
        ("On 4 May, Turkish bombardments hit the SDF in Qasr.", ("shelling", "unknown")),
        ("On 4 May, armed drones were used by ISIL against Qasr.", ("airstrike", "islamic_state")),
        ("On 4 May, ISIL evacuated its headquarters in Qasr.", ("withdrawal", "islamic_state")),
        ("On 4 May, the SDF set up joint patrols in Qasr.", ("deployment", "opposition")),
        (
            "On 4 May, the Syrian Army set up a military base in Jaban.",
            ("deployment", "government"),
        ),
        # an infinitive that was done: after "proceeded", "managed once again", coordinated
        ("On 4 May, the rebels proceeded to capture two villages.", ("capture", "opposition")),
        (
            "On 4 May, the rebels managed once again to retake control of Qasr.",
            ("capture", "opposition"),
        ),
        (
            "On 4 May, the Army managed to advance and capture the hills of Qasr.",
            ("capture", "government"),
        ),
        # an act told as it begins is new, even after a determiner
        ("On 4 May, the Army counter-attack started at Qasr.", ("attack", "government")),
        ("On 4 May, the rebels re-seized three villages near Qasr.", ("capture", "opposition")),
        ("On 4 May, government troops made progress near Qasr.", ("attack", "government")),
        (
            "On 4 May, 300 rockets were launched at rebel positions in Qasr.",
            ("shelling", "unknown"),
        ),
        ("On 4 May, another large Army convoy arrived in Qasr.", ("deployment", "government")),
        (
            "On 4 May, the US-led coalition parachuted a weapons cache to rebels in Qasr.",
            ("other", "coalition"),
        ),
        ("By 4 May, 20 villages had come under Army control.", ("capture", "government")),
        (
            "On 4 May, Qasr changed hands twice, ending up under ISIL control.",
            ("capture", "islamic_state"),
        ),
        ("On 4 May, the remaining ISIL forces left Qasr.", ("withdrawal", "islamic_state")),
        ("On 4 May, ISIL fighters fled the town of Qasr.", ("withdrawal", "islamic_state")),
        # an attempt told with adverbs between is still tried: an attack
        (
            "On 4 May, ISIL attempted yet again to break the siege on Qasr.",
            ("attack", "islamic_state"),
        ),
        # a Cyrillic look-alike letter inside an English word (mirrored pages)
        ("On 4 May, the Syrian Army managed to captur\u0435 Qasr.", ("capture", "government")),
        ("On 4 May, ISIL forces continued their advance near Qasr.", ("attack", "islamic_state")),
        ("On 4 May, the Syrian Army came within 1 kilometre of Qasr.", ("attack", "government")),
        ("On 4 May, the SDF imposed a siege on Qasr.", ("attack", "opposition")),
        ("On 4 May, the YPG expanded their control over Qasr.", ("capture", "opposition")),
        ("On 4 May, 500 YPG fighters reinforced the Kurds in Qasr.", ("deployment", "opposition")),
        (
            "On 4 May, the US-led coalition conducted seven air sorties against ISIL in Qasr.",
            ("airstrike", "coalition"),
        ),
        (
            "On 4 May, rebels destroyed an army tank near Qasr with an anti-tank guided missile.",
            ("shelling", "opposition"),
        ),
        (
            "On 4 May, the rebels launched an anti-tank guided missile at an army post in Qasr.",
            ("shelling", "opposition"),
        ),
        ("On 4 May, ISIL failed for the fourth time to capture Qasr.", ("attack", "islamic_state")),
        # a withdrawal forced on a side is done; an attempt told as a noun is an attack
        (
            "On 4 May, the rebels were forced to withdraw to the north of Qasr.",
            ("withdrawal", "opposition"),
        ),
        ("On 4 May, an ISIL attempt to breach Qasr was repelled.", ("attack", "islamic_state")),
        # a building wrecked on purpose is a dated act (`other`)
        ("On 4 May, ISIL destroyed the old prison of Qasr.", ("other", "islamic_state")),
    ],
)
def test_phrasing_gives_its_event(sentence: str, expected: tuple[str, str]):
    found = [(t, s) for d, t, s in _events(sentence) if d == "2016-05-04"]
    assert expected in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "On 4 May, the two sides reached an agreement on Qasr.",
        "On 4 May, the offensive entered its third week.",
        "On 4 May, the army captured Qasr, reaching the banks of the river.",
        "On 4 May, the army captured Qasr; the advance on Jaban was halted.",
    ],
)
def test_look_alikes_give_no_movement_event(sentence: str):
    assert not [e for e in _events(sentence) if e[1] == "attack"]


@pytest.mark.parametrize(
    "sentence, not_expected",
    [
        # a strike named as the cause of another act is not told as an event here
        ("On 4 May, ISIL forces retreated from Qasr under heavy artillery fire.", "shelling"),
        ("On 4 May, rebels left Qasr because of potential shelling.", "shelling"),
        # people taken prisoner are not ground taken
        ("On 4 May, 50 soldiers from the garrison were captured near Qasr.", "capture"),
        ("On 4 May, the army took Qasr with the help of Russian airstrikes.", "airstrike"),
        # evacuating one's own forces is no event; evacuating residents is
        ("On 4 May, ISIL evacuated the pocket east of Qasr.", "other"),
        # "the number of executed" counts, it tells no act
        ("On 4 May, the ministry put the number of executed at 40.", "civilian_violence"),
        # a verb coordinated with a purpose infinitive is a purpose too
        (
            "On 4 May, rebels launched an offensive to lift the siege of Qasr and cut the "
            "road to Jaban.",
            "capture",
        ),
        # the flip side of a capture told in the same sentence
        ("On 4 May, the army withdrew from Qasr and ISIL captured the town.", "withdrawal"),
    ],
)
def test_no_event_of_that_type(sentence: str, not_expected: str):
    assert not_expected not in [t for _, t, _ in _events(sentence)]


def test_storming_beside_a_capture_is_two_events_advancing_one():
    """GUIDELINES 1b: "stormed ... and took X" is an attack and a capture; "advanced ...,
    capturing X" is a capture only."""
    stormed = _events("On 4 May, the SDF stormed the Qasr airbase and had taken half of it.")
    assert {t for _, t, _ in stormed} == {"attack", "capture"}
    advanced = _events("On 4 May, the army advanced north of Qasr, capturing Jaban.")
    assert [t for _, t, _ in advanced] == ["capture"]


def test_an_actor_list_spanning_two_sides_gives_one_event_per_side():
    """GUIDELINES 1b: "SDF and US forces landed ..." is one event per side, same quote."""
    events = _events("On 4 May, SDF and US forces landed on Qasr Island, capturing it.")
    assert sorted(s for _, t, s in events if t == "capture") == ["coalition", "opposition"]


def test_actors_named_apart_are_not_one_list():
    body = "On 4 May, a rebel counter-attack, backed-up by U.S. airstrikes, recaptured Qasr."
    assert [s for _, t, s in _events(body) if t == "capture"] == ["opposition"]


def test_clashing_sides_are_no_list_to_split():
    events = _events("On 4 May, SDF fighters and ISIL militants clashed in Qasr.")
    assert len([t for _, t, _ in events if t == "clash"]) == 1


def test_an_offensive_as_the_manner_of_a_capture_is_its_own_attack():
    events = _events("On 4 May, ISIL forces retook the town of Qasr in a sudden offensive.")
    assert sorted(t for _, t, _ in events) == ["attack", "capture"]


def test_progress_beside_a_capture_is_the_capture():
    events = _events("On 4 May, the rebels made further progress, retaking two posts in Qasr.")
    assert [t for _, t, _ in events] == ["capture"]


def test_a_continued_advance_beside_a_capture_is_the_capture():
    events = _events("On 4 May, ISIL continued its advance, capturing the north of Qasr.")
    assert [t for _, t, _ in events] == ["capture"]


def test_weapons_a_side_used_are_no_shelling_of_their_own():
    body = "On 4 May, the rebels used TOW missiles, tanks and other weapons taken from the army."
    assert "shelling" not in [t for _, t, _ in _events(body)]


def test_an_attempt_by_a_named_side_is_an_attack():
    events = _events("On 4 May, a fifth attempt by ISIL to capture Qasr was also repelled.")
    assert [t for _, t, _ in events] == ["attack"]


def test_a_withdrawal_decided_or_ordered_is_not_done():
    assert _events("On 4 May, the rebels decided to withdraw from Qasr.") == []
    assert _events("On 4 May, the army ordered the rebels to withdraw from Qasr.") == []


def test_a_place_that_stays_held_is_no_capture():
    assert _events("On 4 May, the town of Qasr remained under ISIL control.") == []


def test_a_place_that_came_under_fire_undergoes_the_act():
    """ "came under heavy shelling" tells the shelling; "retreated under heavy artillery fire"
    only its circumstance (GUIDELINES 1b)."""
    came = _events("On 4 May, the town of Qasr came under heavy shelling by the Syrian Army.")
    assert ("2016-05-04", "shelling", "government") in came
    retreated = _events("On 4 May, ISIL forces retreated from Qasr under heavy artillery fire.")
    assert "shelling" not in [t for _, t, _ in retreated]


def test_fire_control_is_no_control_of_ground():
    assert _events("By 4 May, the road had come under Army fire control.") == []


def test_civilians_fleeing_are_no_withdrawal():
    assert _events("On 4 May, 100 civilians fled Qasr.") == []


def test_people_arriving_are_no_deployment():
    assert _events("On 4 May, 100 refugees arrived in Qasr.") == []


def test_shelling_stepped_up_stays_shelling():
    events = _events("On 4 May, the army intensified its shelling of Qasr.")
    assert [t for _, t, _ in events] == ["shelling"]


def test_a_wreck_under_an_air_strike_is_the_strike():
    events = _events("On 4 May, Syrian warplanes destroyed the old bridge of Qasr.")
    assert [t for _, t, _ in events] == ["airstrike"]


def test_a_dated_sentence_without_event_moves_the_story_on():
    body = "On 4 May, food prices in Qasr rose sharply.\n"
    body += "The following morning, the army captured Qasr."
    assert ("2016-05-05", "capture", "government") in _events(body)


def test_elsewhere_keeps_a_same_day_act_apart():
    body = "On 4 May, the Syrian Army captured Tell Jaban. Elsewhere, the Syrian Army "
    body += "captured Kafr Nur. Later, the Syrian Army captured Ain Dara."
    assert _events(body).count(("2016-05-04", "capture", "government")) == 2


def test_a_comma_splice_with_its_own_time_is_its_own_clause():
    body = "On 4 May, the Syrian Army captured Tell Jaban, the next day, "
    body += "the Syrian Army captured Kafr Nur."
    events = _events(body)
    assert ("2016-05-04", "capture", "government") in events
    assert ("2016-05-05", "capture", "government") in events


def _tallies(body: str) -> list[tuple[str, int]]:
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    return [(t.side, t.killed) for t in extract_document(doc).tallies]


def test_a_number_that_names_a_unit_is_no_count():
    tallies = _tallies("Overall, 85 soldiers were killed in the battle for Brigade 40.")
    assert tallies == [("government", 85)]


def test_a_total_killed_by_one_act_is_its_toll_not_a_tally():
    assert (
        _tallies("On 4 May, ISIL blew up a car bomb in Qasr, killing a total of 12 people.") == []
    )


def test_only_the_aggregate_clause_of_a_sentence_is_a_tally():
    body = "On 4 May, in the final assault, 17 soldiers were killed, while since the start "
    body += "of the battle, 46 ISIL fighters and 95 soldiers had been killed."
    assert sorted(_tallies(body)) == [("government", 95), ("islamic_state", 46)]


def test_a_toll_updated_later_is_a_tally():
    body = "Overall, 85 soldiers were killed in the battle for Qasr. "
    body += "The number of dead soldiers was later updated to 105."
    assert ("government", 85) in _tallies(body) and len(_tallies(body)) == 2
