"""Order of battle merged from several infoboxes."""

from __future__ import annotations

from badia.merge.order_of_battle import column_side, order_of_battle, person_key, side_of
from badia.model import Commander, Infobox, InfoboxSide, Unit


def box_a() -> Infobox:
    return Infobox(
        name="Offensive A",
        sides=[
            InfoboxSide(
                combatants=["Syria", "Hezbollah", "Russia"],
                commanders=[Commander(name="Suheil al-Hassan")],
                units=[
                    Unit(
                        name="Syrian Armed Forces",
                        children=[Unit(name="Syrian Army", children=[Unit(name="Tiger Forces")])],
                    ),
                    Unit(name="Russian Armed Forces", children=[Unit(name="Aerospace Forces")]),
                ],
            ),
            InfoboxSide(
                combatants=["Islamic State"],
                commanders=[Commander(name="Abu Omar", status="KIA")],
                units=[Unit(name="Military of ISIL")],
            ),
        ],
    )


def box_b() -> Infobox:
    return Infobox(
        name="Campaign B",
        sides=[
            InfoboxSide(
                combatants=["Ba'athist Syria"],
                commanders=[Commander(name="Suhayl al-Hasan", status="WIA")],
                units=[
                    Unit(
                        name="Syrian Arab Armed Forces",
                        children=[Unit(name="Syrian Army", children=[Unit(name="25th Division")])],
                    )
                ],
            ),
            InfoboxSide(
                combatants=["Free Syrian Army", "CJTF–OIR"], units=[Unit(name="Southern Front")]
            ),
            InfoboxSide(combatants=["ISIL"], units=[Unit(name="Military of the Islamic State")]),
        ],
    )


def test_side_mapping():
    assert side_of("Syrian Arab Army") == "government"
    assert side_of("Ba'athist Syria") == "government"
    assert side_of("Southern Front") == "opposition"
    assert side_of("Military of ISIL") == "islamic_state"
    assert side_of("Russian Armed Forces") == "russia"
    assert side_of("CJTF–OIR") == "coalition"
    assert side_of("Some Unknown Brigade") is None
    # the majority of a column decides, not a stray first name
    assert (
        column_side(["CJTF–OIR"], [Unit(name="Free Syrian Army"), Unit(name="Jaysh al-Islam")])
        == "opposition"
    )


def test_person_key_ignores_transliteration():
    assert person_key("Suhayl al-Hasan") == person_key("Suheil al-Hassan")
    assert person_key("Abu Omar") != person_key("Abu Amr al-Shami")


def test_two_infoboxes_merge_per_side():
    sides = {s.side: s for s in order_of_battle([("a", "a.txt", box_a()), ("b", "b.txt", box_b())])}
    assert list(sides) == ["government", "russia", "opposition", "coalition", "islamic_state"]
    gov = sides["government"]
    (top,) = gov.units  # "Syrian Armed Forces" and "Syrian Arab Armed Forces" are one node
    assert top.documents == ["a.txt", "b.txt"]
    (army,) = top.children
    assert army.name == "Syrian Army" and army.documents == ["a.txt", "b.txt"]
    assert [u.name for u in army.children] == ["Tiger Forces", "25th Division"]
    assert army.children[1].documents == ["b.txt"]
    (suheil,) = gov.commanders
    assert suheil.status == "WIA" and suheil.documents == ["a.txt", "b.txt"]
    # a unit that names another side goes under that side, with its children
    assert [u.name for u in sides["russia"].units] == ["Russian Armed Forces"]
    assert sides["russia"].units[0].children[0].name == "Aerospace Forces"
    assert [c.name for c in sides["russia"].combatants] == ["Russia"]
    isl = sides["islamic_state"]
    assert [u.name for u in isl.units] == ["Military of ISIL"]
    assert isl.units[0].documents == ["a.txt", "b.txt"]
    assert [(c.name, c.status) for c in isl.commanders] == [("Abu Omar", "KIA")]
    assert [c.name for c in sides["coalition"].combatants] == ["CJTF–OIR"]
    assert [u.name for u in sides["opposition"].units] == ["Southern Front"]
