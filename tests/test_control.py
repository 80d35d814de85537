"""Control of places over time: capture/withdrawal timelines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from badia.merge.control import control_timelines, find_place, holdable, is_partial
from badia.merge.keys import place_key
from badia.model import Event, Place

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD_002 = SHARED / "eval" / "gold" / "002_94f44c9d361cf4c1.events.jsonl"


def gold_events(path: Path) -> list[Event]:
    """Event records from a gold file (offsets are stand-ins: order of the lines)."""
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        doc_id = path.name.split(".")[0]
        out.append(Event(id=f"{doc_id}:{i}:0", doc_id=doc_id, start=i, end=i + 1, **d))
    return out


def ev(n: int, day: date, type_: str, side1: str, side2: str | None, loc: str, quote: str):
    return Event(
        id=f"d:{n}:0",
        doc="d.txt",
        doc_id="d",
        quote=quote,
        start=n,
        end=n + 1,
        date_start=day,
        date_end=day,
        date_precision="day",
        type=type_,
        side1=side1,
        side2=side2,
        locations=[loc],
    )


def summary(periods, key):
    return [(p.side, p.start, p.end) for p in periods if p.key == key]


def test_partial_wording():
    assert is_partial(
        "ISIL recaptured several wells in the Hayyan gas fields.", "Hayyan gas fields"
    )
    assert is_partial("ISIL later withdrew from most of Palmyra.", "Palmyra")
    assert is_partial("the Army captured several points around al-Tayyas village", "al-Tayyas")
    assert not is_partial("the Army recaptured the entire city of Palmyra", "Palmyra")
    assert not is_partial(
        "the Army imposed full control over the Hayyan gas fields", "Hayyan gas fields"
    )
    assert not is_partial(
        "On 4 February, the Army recaptured the Hayyan gas fields.", "Hayyan gas fields"
    )
    # a place named only inside the names of its parts changed hands only in part
    q = "The Army captured the Palmyra Triangle area and Palmyra Castle."
    assert is_partial(q, "Palmyra", ["Palmyra Triangle", "Palmyra Castle", "Palmyra"])
    assert not is_partial(q, "Palmyra Castle", ["Palmyra Triangle", "Palmyra Castle", "Palmyra"])


def test_written_timeline_with_withdrawal_and_contest():
    events = [
        ev(
            1,
            date(2019, 1, 5),
            "capture",
            "islamic_state",
            "government",
            "Wadi X",
            "IS captured Wadi X.",
        ),
        ev(
            2,
            date(2019, 1, 9),
            "capture",
            "government",
            "islamic_state",
            "Wadi X",
            "The army retook parts of Wadi X.",
        ),
        ev(
            3,
            date(2019, 1, 12),
            "withdrawal",
            "islamic_state",
            None,
            "Wadi X",
            "IS withdrew from Wadi X.",
        ),
        ev(
            4,
            date(2019, 2, 1),
            "withdrawal",
            "government",
            None,
            "Tell Y",
            "The army withdrew from Tell Y.",
        ),
        ev(
            5,
            date(2019, 2, 2),
            "attack",
            "islamic_state",
            "government",
            "Tell Y",
            "IS attacked Tell Y.",
        ),
    ]
    periods = control_timelines(events)
    assert summary(periods, "wadi x") == [
        ("islamic_state", date(2019, 1, 5), date(2019, 1, 9)),
        ("contested", date(2019, 1, 9), date(2019, 1, 12)),
        ("government", date(2019, 1, 12), None),  # the other party of the contest
    ]
    contested = [p for p in periods if p.side == "contested"][0]
    assert contested.parties == ["government", "islamic_state"]
    # withdrawal with no stated heir: unknown; an attack changes nothing
    assert summary(periods, place_key("Tell Y")) == [("unknown", date(2019, 2, 1), None)]


def test_second_document_telling_the_same_capture_adds_evidence():
    a = ev(
        1,
        date(2019, 3, 1),
        "capture",
        "government",
        "islamic_state",
        "Sukhnah",
        "The army took Sukhnah.",
    )
    b = a.model_copy(
        update={"id": "e:1:0", "doc": "e.txt", "doc_id": "e", "locations": ["al-Sukhnah"]}
    )
    (period,) = control_timelines([a, b])
    assert period.side == "government" and len(period.evidence) == 2


@pytest.mark.skipif(not GOLD_002.exists(), reason="needs /work/shared/eval/gold (seed 002)")
def test_seed_002_hayyan_and_palmyra():
    periods = control_timelines(gold_events(GOLD_002))
    (key,) = find_place(periods, "Hayyan gas field")
    assert key == "hayan gas field"
    assert summary(periods, key) == [
        ("government", date(2017, 2, 4), date(2017, 2, 7)),
        ("islamic_state", date(2017, 2, 7), date(2017, 2, 14)),
        ("government", date(2017, 2, 14), date(2017, 2, 16)),
        ("contested", date(2017, 2, 16), date(2017, 2, 18)),  # ISIL took several wells
        ("government", date(2017, 2, 18), None),  # full control imposed
    ]
    assert find_place(periods, "palmyra") == ["palmyra"]
    palmyra = [p for p in periods if p.key == "palmyra"]
    assert [(p.side, p.start) for p in palmyra] == [
        ("government", date(2016, 3, 1)),
        ("islamic_state", date(2016, 12, 8)),
        ("contested", date(2017, 3, 1)),  # only the Castle, the Triangle... on 1 March
        ("government", date(2017, 3, 2)),
    ]
    assert palmyra[-1].end is None
    assert "recaptured the entire city of Palmyra" in palmyra[-1].evidence[0].quote
    # "Jabal al-Tar", "Jabbal al-Tar" and "al-Tar mountain" are one place
    assert len([p for p in periods if p.key == "mount tar"]) == 1
    assert len([p for p in periods if p.key == "mount tar"][0].evidence) == 3


@pytest.mark.parametrize(
    ("name", "can_be_held"),
    [
        ("Qasr Tal", True),
        ("Tell Zarqa airbase", True),
        ("Wadi Hamra gas field", True),
        ("Jabal Fahmi", True),
        ("the Nasir border crossing", True),
        ("Zarqa River", False),
        ("Euphrates", False),
        ("Orbek desert", False),
        ("Syria", False),
        ("eastern Syria", False),
        ("Qasr-Zarqa highway", False),
        ("Qasr-Zarqa", False),  # the road between two towns
        ("Al-Zarqa", True),  # an article, not two places
    ],
)
def test_only_places_that_can_be_held_have_holders(name: str, can_be_held: bool) -> None:
    assert holdable(name) is can_be_held


def test_a_name_the_gazetteer_puts_at_a_governorate_has_no_holder() -> None:
    gov = Place(name="Zarqa", where_prec=4, latitude=33.0, longitude=36.0)
    assert not holdable("Zarqa", [gov])
    assert holdable("Zarqa", [gov.model_copy(update={"where_prec": 1})])


@pytest.mark.parametrize(
    "quote",
    [
        "The rebels expelled the army from the entire countryside of Qasr Tal.",
        "The rebels seized three hills near Qasr Tal.",
        "The rebels captured several villages in the Qasr Tal countryside.",
        "The army withdrew to focus on the Qasr Tal offensive.",
        "The rebels seized three more villages near the border.",  # Qasr Tal carried over
        "The rebels reached the western outskirts of the town and took the hills.",
    ],
)
def test_a_change_beside_a_place_does_not_move_it(quote: str) -> None:
    e = ev(1, date(2019, 3, 1), "capture", "opposition", "government", "Qasr Tal", quote)
    assert control_timelines([e]) == []


def test_a_change_of_the_place_itself_or_pointing_back_to_it_moves_it() -> None:
    took = ev(1, date(2019, 3, 1), "capture", "opposition", "government", "Qasr Tal",
              "The rebels captured Qasr Tal.")
    back = ev(2, date(2019, 4, 1), "capture", "government", "opposition", "Qasr Tal",
              "The army expelled them from it a month later.")
    periods = control_timelines([took, back])
    assert summary(periods, place_key("Qasr Tal")) == [
        ("opposition", date(2019, 3, 1), date(2019, 4, 1)),
        ("government", date(2019, 4, 1), None),
    ]
    assert [p.evidence[0].quote for p in periods] == [took.quote, back.quote]


@pytest.fixture(scope="module")
def seeds_db(seed_paths, tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    from badia.cli.app import app

    db = tmp_path_factory.mktemp("control") / "seeds.duckdb"
    paths = [str(p) for p in seed_paths.values()]
    assert CliRunner().invoke(app, ["extract", *paths, "--db", str(db), "--merge"]).exit_code == 0
    return db


@pytest.mark.parametrize("place", ["Damascus", "Euphrates River"])
def test_seed_control_of_a_region_or_river_says_nothing_false(place: str, seeds_db) -> None:
    from typer.testing import CliRunner

    from badia.cli.app import app

    result = CliRunner().invoke(app, ["control", place, "--db", str(seeds_db)],
                                env={"COLUMNS": "200"})
    # before: "Damascus held by opposition since 2017-03-29" (from "the countryside of
    # Damascus"), "Euphrates River held by government"
    assert "No control changes found" in result.output, result.output
