"""Sides of an event's parties: sentences written for these tests, invented names.

Each test states one pattern of the language or one fact of the war's camps (GUIDELINES
"Sides and actors") that decides side1 or side2.
"""

from __future__ import annotations

from badia.pipeline import extract_text

HEAD = "= Test campaign (2017) =\n\n==Fighting==\n"


def _sides(body: str) -> list[tuple[str, str | None, str | None]]:
    found = extract_text(HEAD + body + "\n", name="t.txt").events
    return [(e.type, e.side1, e.side2) for e in found]


def test_rebel_infighting_keeps_the_named_target_in_the_rebel_camp() -> None:
    # HTS and Ahrar al-Sham are both `opposition`: the target the text names stays there
    found = _sides(
        "On 4 March, the Syrian Army shelled Kafr Nur. On 6 March, Tahrir al-Sham attacked "
        "Ahrar al-Sham positions in Tal Warda."
    )
    assert ("attack", "opposition", "opposition") in found


def test_a_target_that_is_the_initiator_itself_is_replaced() -> None:
    # "ISIL ... ISIL's commander was killed" names no second party of ISIL's camp
    found = _sides("On 6 March, ISIL attacked Tal Warda, where an ISIL commander was killed.")
    assert all(side2 != "islamic_state" for _, _, side2 in found)


def test_a_common_noun_of_the_initiators_camp_is_not_infighting() -> None:
    # "Kurdish fighters" after "the SDF" may be the SDF again: the enemy camp stays
    found = _sides(
        "On 4 March, ISIL fighters shelled Kafr Nur. On 6 March, the SDF captured Tal Warda "
        "after Kurdish fighters stormed it."
    )
    assert ("capture", "opposition", "islamic_state") in found


def test_a_camp_that_withdrew_is_not_the_next_unnamed_initiator() -> None:
    # "Russia withdrew from X": the fighting told next, with no initiator, is not Russia's
    found = _sides(
        "On 21 February, Russian forces withdrew from Tal Warda.\n\n"
        "In the next month, two SDF fighters were killed on 19 March after several clashes "
        "and exchanges of artillery fire between the two sides."
    )
    assert not any(side1 == "russia" for kind, side1, _ in found if kind != "withdrawal")


def test_a_pronoun_still_refers_to_the_camp_that_withdrew() -> None:
    found = _sides(
        "On 2 March, ISIL withdrew from Tal Warda. However, they shelled Kafr Nur the same day."
    )
    assert any(kind == "shelling" and side1 == "islamic_state" for kind, side1, _ in found)


def test_an_unnamed_initiator_is_a_camp_the_story_shows_fighting_the_target() -> None:
    # Russian forces are named most but only withdraw; the rebels who fight the SDF here are
    # the unnamed initiator of the attack in which rebel fighters died
    found = _sides(
        "On 2 March, Russian forces withdrew from Tal Warda to pressure the SDF. Russian "
        "troops and Russian police left Kafr Nur. On 3 March, Russian forces left Ras Nur.\n\n"
        "On 4 March, Ahrar al-Sham attacked SDF positions in Tal Warda. On 5 March, over 30 "
        "Ahrar al-Sham fighters were killed during a failed infiltration attempt near Tal Warda."
    )
    assert ("attack", "opposition", "opposition") in found
    assert not any(side1 == "russia" for kind, side1, _ in found if kind == "attack")


def test_the_owner_of_a_vehicle_that_hit_a_bomb_is_its_victim() -> None:
    # "their vehicle hit an IED": the riders are hit; the bomb's owner is unnamed
    found = _sides(
        "On 3 June, the Syrian Army shelled Kafr Nur. On 4 June, two Ahrar al-Sham fighters "
        "died when their vehicle hit an IED in Tal Warda."
    )
    assert ("bombing", "unknown", "opposition") in found
