"""The infobox record: dump and wikitext forms, gold layout, scoring."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from badia.evaluate.infobox import overall, score_infobox
from badia.structure.infobox import (
    infobox_to_gold_json,
    parse_dump_infobox,
    parse_wikitext_infobox,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "gold"


def dump_block(text: str) -> tuple[int, int]:
    """Span of the run of '- ' lines after the title (and an 'Infobox'/'note' line)."""
    pos, start, end = 0, None, None
    for line in text.splitlines(keepends=True):
        if line.startswith("- "):
            if start is None:
                start = pos
            end = pos + len(line.rstrip("\n"))
        elif start is not None and line.strip():
            break
        pos += len(line)
    assert start is not None and end is not None
    return start, end


def parse_block(text: str):
    start, end = dump_block(text)
    return parse_dump_infobox(text, start, end)


# ----------------------------------------------------------------- seeds vs gold


def _gold_stems() -> list[str]:
    if not GOLD.is_dir():
        return []
    return sorted(p.name[: -len(".infobox.json")] for p in GOLD.glob("*.infobox.json"))


@pytest.mark.skipif(not GOLD.is_dir(), reason="/work/shared (gold infoboxes) is not available")
@pytest.mark.parametrize("stem", _gold_stems())
def test_seed_infobox_matches_gold(stem: str) -> None:
    text = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    ib = parse_block(text)
    assert ib is not None
    gold = json.loads((GOLD / f"{stem}.infobox.json").read_text(encoding="utf-8"))
    pred = infobox_to_gold_json(ib)
    assert list(pred) == list(gold)  # same layout, no span keys
    scores = score_infobox(gold, pred)
    assert overall(scores) >= 0.95, {k: v for k, v in scores.items() if v[0] != v[1]}


@pytest.mark.skipif(not GOLD.is_dir(), reason="/work/shared (seeds) is not available")
def test_seed_span_is_the_block() -> None:
    path = next(SEEDS.glob("000_*.txt"))
    text = path.read_text(encoding="utf-8")
    ib = parse_block(text)
    assert ib is not None and ib.start is not None and ib.end is not None
    assert text[ib.start :].startswith("- Conflict:")
    assert text[: ib.end].endswith("killed")


# ----------------------------------------------------------------- dump form

DUMP = """= Battle of Testville =

Infobox
- Conflict: Battle of Testville (2018)
- Partof: the Northern campaign, the Eastern war and Operation Dawn
- Date: Opening phase:, 3 – 9 May 2018, (), Second phase:, 28 May – 4 June 2018, ()
- Place: Testville, Alpha Governorate
- Result: Army captures the town, including its citadel, Rebels retreat north
- Combatant1: Testland, , Allied groups:, Alpha Brigade | | Beta Front ---- Gamma Group
- Combatant2: '
- Commander1: Col. Gen. John Doe, (Front commander), Jane RoeKIA, KIA, Max MustermannWIA
- Commander2: Unknown
- Units1: Land Forces, * 18px 1st Corps, ** 16px 2nd Division, *** 4th Regiment, * 3rd Corps, \
Northern only:, Hill Militia ()
- Strength1: 1,200 soldiers, 40 tanks (estimate, 2018)
- Casualties1: First week, 12 killed , 3 killed, ---- Total: 15 killed
- Casualties2: 40+ killed (per monitor), 80 killed and wounded (per army)
- Casualties3: 7 civilians killed (May 2018)

The battle began on 3 May."""


@pytest.fixture()
def dump_ib():
    ib = parse_block(DUMP)
    assert ib is not None
    return ib


def test_dump_flat_fields(dump_ib) -> None:
    assert dump_ib.name == "Battle of Testville (2018)"
    assert dump_ib.part_of == ["Northern campaign", "Eastern war", "Operation Dawn"]
    assert dump_ib.places == ["Testville", "Alpha Governorate"]
    assert dump_ib.result == [
        "Army captures the town, including its citadel",
        "Rebels retreat north",
    ]


def test_dump_phases_share_month_and_year(dump_ib) -> None:
    got = [(p.label, p.start, p.end) for p in dump_ib.phases]
    assert got == [
        ("Opening phase", date(2018, 5, 3), date(2018, 5, 9)),
        ("Second phase", date(2018, 5, 28), date(2018, 6, 4)),
    ]


def test_dump_combatants_drop_group_labels(dump_ib) -> None:
    assert dump_ib.sides[0].combatants == ["Testland", "Alpha Brigade", "Beta Front", "Gamma Group"]
    assert dump_ib.sides[1].combatants == []
    assert len(dump_ib.sides) == 3


def test_dump_commanders_status_and_noise(dump_ib) -> None:
    got = [(c.name, c.status) for c in dump_ib.sides[0].commanders]
    assert got == [("John Doe", None), ("Jane Roe", "KIA"), ("Max Mustermann", "WIA")]
    assert dump_ib.sides[1].commanders == []


def test_dump_unit_tree(dump_ib) -> None:
    units = infobox_to_gold_json(dump_ib)["sides"][0]["units"]
    assert units == [
        {
            "name": "Land Forces",
            "children": [
                {
                    "name": "1st Corps",
                    "children": [
                        {
                            "name": "2nd Division",
                            "children": [{"name": "4th Regiment", "children": []}],
                        }
                    ],
                },
                {"name": "3rd Corps", "children": []},
            ],
        },
        {"name": "Hill Militia", "children": []},
    ]


def test_dump_strength_keeps_commas_in_parentheses(dump_ib) -> None:
    assert dump_ib.sides[0].strength == ["1,200 soldiers", "40 tanks (estimate, 2018)"]


def test_dump_casualties(dump_ib) -> None:
    side1 = [(c.killed, c.label) for c in dump_ib.sides[0].casualties]
    assert side1 == [(12, "First week"), (3, "First week"), (15, "Total")]
    side2 = [(c.killed, c.label) for c in dump_ib.sides[1].casualties]
    assert side2 == [(40, "40+ killed (per monitor)"), (None, "80 killed and wounded (per army)")]
    side3 = [(c.killed, c.label) for c in dump_ib.sides[2].casualties]
    assert side3 == [(7, "civilians killed (May 2018)")]


def test_dump_without_fields_is_none() -> None:
    text = "Infobox\n- Colour: blue\n"
    assert parse_dump_infobox(text, 0, len(text)) is None


def test_gold_json_has_no_span(dump_ib) -> None:
    out = infobox_to_gold_json(dump_ib)
    assert "start" not in out and "end" not in out
    first = {"label": "Opening phase", "start": "2018-05-03", "end": "2018-05-09"}
    assert out["phases"][0] == first
    json.dumps(out)  # serialisable as is


# ----------------------------------------------------------------- wikitext form

WIKITEXT = """'''Battle of Testville''' was a battle.
{{Infobox military conflict
| conflict    = Battle of Testville (2019)
| partof      = the [[Northern campaign]] and [[Operation Dawn (2019)|Operation Dawn]]
| image       = [[File:Map.png|250px]]
| date        = {{start date|2019|3|4}} – {{end date|2019|3|20}}
| place       = [[Testville]], [[Alpha Governorate]]<ref>Monitor, 2019.</ref>
| result      = * Army victory
* Rebels withdraw from [[Testville]], the town and its hills
| combatant1  = {{flagicon|Testland}} [[Testland Republic|Testland]]<br>
'''Supported by:'''<br>{{flag|Otherland}}
| combatant2  = [[Free Hill Army]]<ref name="a">cite</ref>
| commander1  = [[John Doe]] {{WIA}}<br>Maj. Gen. [[Jane Roe]]{{KIA}}<br/>Unknown
| commander2  = {{plainlist|
* [[Abu Example]] (Emir)
* (Deputy)
}}
| units1      = [[Land Forces]]
* [[File:Flag.svg|16px]] [[1st Corps (Testland)|1st Corps]]
** 12th Brigade
* [[Tiger Unit]]
[[Air Force]]
| units2      = Unknown
| strength1   = 1,000<ref>x</ref>
| casualties1 = '''Spring clashes'''<br>40 killed<br>12 killed<br>----<br>Total: 52 killed
| casualties2 = 30+ killed, 60 wounded
}}
Body text."""


@pytest.fixture()
def wiki_ib():
    ib = parse_wikitext_infobox(WIKITEXT)
    assert ib is not None
    return ib


def test_wikitext_flat_fields(wiki_ib) -> None:
    assert wiki_ib.name == "Battle of Testville (2019)"
    assert wiki_ib.part_of == ["Northern campaign", "Operation Dawn"]
    assert wiki_ib.places == ["Testville", "Alpha Governorate"]
    assert wiki_ib.result == [
        "Army victory",
        "Rebels withdraw from Testville, the town and its hills",
    ]
    assert [(p.label, p.start, p.end) for p in wiki_ib.phases] == [
        (None, date(2019, 3, 4), date(2019, 3, 20))
    ]


def test_wikitext_span(wiki_ib) -> None:
    assert WIKITEXT[wiki_ib.start : wiki_ib.end].startswith("{{Infobox military conflict")
    assert WIKITEXT[wiki_ib.start : wiki_ib.end].endswith("}}")


def test_wikitext_sides(wiki_ib) -> None:
    one, two = wiki_ib.sides
    assert one.combatants == ["Testland", "Otherland"]
    got = [(c.name, c.status) for c in one.commanders]
    assert got == [("John Doe", "WIA"), ("Jane Roe", "KIA")]
    assert [(c.name, c.status) for c in two.commanders] == [("Abu Example", None)]
    assert two.combatants == ["Free Hill Army"]
    assert two.units == []
    assert one.strength == ["1,000"]


def test_wikitext_units_tree_from_bullets(wiki_ib) -> None:
    units = infobox_to_gold_json(wiki_ib)["sides"][0]["units"]
    assert units == [
        {
            "name": "Land Forces",
            "children": [
                {"name": "1st Corps", "children": [{"name": "12th Brigade", "children": []}]},
                {"name": "Tiger Unit", "children": []},
            ],
        },
        {"name": "Air Force", "children": []},
    ]


def test_wikitext_casualties(wiki_ib) -> None:
    one, two = wiki_ib.sides
    assert [(c.killed, c.label) for c in one.casualties] == [
        (40, "Spring clashes"),
        (12, "Spring clashes"),
        (52, "Total"),
    ]
    got = [(c.killed, c.label) for c in two.casualties]
    assert got == [(30, "30+ killed"), (None, "60 wounded")]


def test_wikitext_without_infobox_is_none() -> None:
    assert parse_wikitext_infobox("{{Infobox person|name=X}} text") is None


def test_phase_open_end_and_us_dates() -> None:
    text = "- Conflict: X\n- Date: January 13, 2017 – present\n"
    ib = parse_dump_infobox(text, 0, len(text))
    assert ib is not None
    assert [(p.label, p.start, p.end) for p in ib.phases] == [(None, date(2017, 1, 13), None)]


# ----------------------------------------------------------------- scoring


def test_score_counts_missing_and_wrong_leaves(dump_ib) -> None:
    gold = infobox_to_gold_json(dump_ib)
    assert overall(score_infobox(gold, gold)) == 1.0
    pred = json.loads(json.dumps(gold))
    pred["sides"][0]["commanders"][0]["status"] = "KIA"
    # Move "4th Regiment" under "3rd Corps": its name is right, its parent is not.
    moved = pred["sides"][0]["units"][0]["children"][0]["children"][0]["children"].pop()
    pred["sides"][0]["units"][0]["children"][1]["children"].append(moved)
    pred["part_of"] = pred["part_of"][:1]
    scores = score_infobox(gold, pred)
    assert scores["commander_status"] == (2, 3)
    assert scores["commander_name"] == (3, 3)
    assert scores["units"] == (5, 6)
    assert scores["part_of"] == (1, 3)
    assert overall(scores) < 1.0
    assert overall(score_infobox(gold, {})) == 0.0
