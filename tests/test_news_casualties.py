"""News casualty phrasing: number words, kill verbs, civilian nouns, the wire lead.

Every sentence here is written for the test with invented places (Tell Barak, Wadi
Sarim); each parameter row is another member of the same kind of phrasing.
"""

from __future__ import annotations

from datetime import date

import pytest

from badia.mentions.numbers import find_counts
from badia.pipeline import extract_text


def _events(sentence: str):
    text = f"Fighting near Tell Barak\n\nWednesday 10 April 2019\n\n{sentence}\n"
    return extract_text(text, name="story.txt").events


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("two dozen", 24), ("a dozen", 12), ("three dozen", 36), ("half a dozen", 6),
        ("a score", 20), ("two score", 40), ("at least two dozen", 24),
    ],
)
def test_multiplied_number_words(phrase: str, value: int) -> None:
    counts = find_counts(f"killing {phrase} militiamen")
    assert [c.value for c in counts] == [value]


@pytest.mark.parametrize("vague", ["dozens of", "scores of", "several dozen"])
def test_plural_multipliers_are_vague(vague: str) -> None:
    assert [c.value for c in find_counts(f"killing {vague} militiamen")] == []


@pytest.mark.parametrize(
    "verb",
    ["were martyred", "were killed", "died", "perished", "lost their lives", "were slain"],
)
def test_every_kill_verb_counts_the_dead(verb: str) -> None:
    events = _events(f"Eleven soldiers {verb} in an Islamic State raid near Tell Barak on Monday.")
    assert [(f.side, f.killed) for e in events for f in e.fatalities] == [("government", 11)]


@pytest.mark.parametrize("verb", ["died", "were martyred", "perished", "lost their lives"])
def test_dead_in_an_attack_of_unstated_authorship_is_an_attack(verb: str) -> None:
    events = _events(
        f"Seven soldiers {verb} on Monday in an attack on an army truck near Tell Barak."
    )
    assert len(events) == 1
    e = events[0]
    assert (e.type, e.side1, e.side2, e.date_start) == (
        "attack", "unknown", "government", date(2019, 4, 8)
    )
    assert [(f.side, f.killed) for f in e.fatalities] == [("government", 7)]


@pytest.mark.parametrize("noun", ["citizens", "residents", "villagers", "locals", "shepherds"])
def test_civilian_nouns_are_civilians(noun: str) -> None:
    events = _events(f"A roadside bomb planted by Islamic State militants killed four {noun} "
                     "near Wadi Sarim on Monday.")
    assert len(events) == 1
    e = events[0]
    assert (e.type, e.side1, e.side2) == ("bombing", "islamic_state", "civilians")
    assert [(f.side, f.killed) for f in e.fatalities] == [("civilians", 4)]


@pytest.mark.parametrize(
    ("act", "kind", "side1"),
    [
        ("Russian jets bombed Wadi Sarim", "airstrike", "russia"),
        ("Islamic State militants shelled Wadi Sarim", "shelling", "islamic_state"),
    ],
)
def test_civilians_killed_when_a_strike_hit_are_the_strike_s_dead(
    act: str, kind: str, side1: str
) -> None:
    # the strike is the means of the killing: one event, not a second "violence" one
    events = _events(f"Three dozen villagers were killed when {act} on Monday.")
    assert [(e.type, e.side1, e.side2) for e in events] == [(kind, side1, "civilians")]
    assert [(f.side, f.killed) for f in events[0].fatalities] == [("civilians", 36)]


@pytest.mark.parametrize("device", ["An explosive device", "A roadside device", "An IED"])
def test_a_device_planted_by_a_group_is_its_bombing(device: str) -> None:
    events = _events(f"{device} planted by Islamic State militants killed three farmers near "
                     "Wadi Sarim on Monday.")
    assert [(e.type, e.side1, e.side2) for e in events] == [
        ("bombing", "islamic_state", "civilians")
    ]


@pytest.mark.parametrize(
    ("verb", "victims", "kind", "side2"),
    [
        ("shot dead", "four villagers", "civilian_violence", "civilians"),
        ("gunned down", "two soldiers", "attack", "government"),
        ("shot and killed", "three shepherds", "civilian_violence", "civilians"),
    ],
)
def test_shooting_kill_verbs_make_the_act_and_count_the_dead(
    verb: str, victims: str, kind: str, side2: str
) -> None:
    events = _events(f"Islamic State fighters {verb} {victims} near Tell Barak on Monday.")
    assert [(e.type, e.side1, e.side2) for e in events] == [(kind, "islamic_state", side2)]
    assert [f.killed for f in events[0].fatalities] == [find_counts(victims)[0].value]


@pytest.mark.parametrize("participle", ["left", "laid", "planted", "left behind"])
def test_device_participle_by_names_the_initiator(participle: str) -> None:
    events = _events(f"A landmine {participle} by Islamic State militants killed two farmers near "
                     "Wadi Sarim on Monday.")
    assert [(e.side1, e.side2) for e in events] == [("islamic_state", "civilians")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Six farmers perished in a landmine explosion near Wadi Sarim on Monday.",
        "Three guards died from an explosion near Wadi Sarim on Monday.",
    ],
)
def test_the_dead_before_a_blast_are_its_victims_not_its_owner(sentence: str) -> None:
    events = _events(sentence)
    assert [(e.type, e.side1, e.actor1) for e in events] == [("bombing", "unknown", [])]


def test_unexploded_ordnance_is_a_device() -> None:
    events = _events("Unexploded ordnance left by Islamic State killed two children near "
                     "Wadi Sarim on Monday.")
    assert [(e.type, e.side1, e.side2) for e in events] == [
        ("bombing", "islamic_state", "civilians")
    ]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("two hundred", 200), ("a thousand", 1000), ("one hundred and fifty", 150),
     ("a hundred and twenty-five", 125)],
)
def test_hundreds_and_thousands_in_words(phrase: str, value: int) -> None:
    assert [c.value for c in find_counts(f"killing {phrase} militiamen")] == [value]


@pytest.mark.parametrize(
    ("sentence", "side1"),
    [
        ("Nine guards succumbed to their wounds after an attack near Tell Barak on Monday.",
         "unknown"),
        ("Nine guards perished in an assault on their post near Tell Barak on Monday.",
         "unknown"),
        ("Nine guards were killed in an Islamic State assault near Tell Barak on Monday.",
         "islamic_state"),
        ("Nine guards died in an ambush by Islamic State fighters near Tell Barak on Monday.",
         "islamic_state"),
    ],
)
def test_the_dead_of_an_act_are_its_target(sentence: str, side1: str) -> None:
    events = _events(sentence.replace("guards", "soldiers"))
    assert [(e.side1, e.side2) for e in events] == [(side1, "government")]
    assert [(f.side, f.killed) for e in events for f in e.fatalities] == [("government", 9)]


def test_the_killers_of_an_act_stay_its_initiator() -> None:
    events = _events("Islamic State fighters killed nine soldiers during an ambush near "
                     "Tell Barak on Monday.")
    assert [(e.side1, e.side2) for e in events] == [("islamic_state", "government")]
