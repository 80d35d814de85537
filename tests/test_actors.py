"""Actor mentions: lexicon names with their side, unknown organisations by their form."""

from __future__ import annotations

import pytest

from badia.mentions.actors import compile_lexicon, find_actors


def _first(sentence: str) -> tuple[str, str | None]:
    mentions = find_actors(sentence)
    assert mentions, f"no actor found in {sentence!r}"
    m = mentions[0]
    assert sentence[m.start : m.end] == m.text
    return m.text, m.side


@pytest.mark.parametrize(
    ("sentence", "text", "side"),
    [
        ("ISIL gunmen stormed the outpost at dawn.", "ISIL", "islamic_state"),
        ("IS fighters blew up the bridge.", "IS", "islamic_state"),
        ("Daesh claimed the raid on the bakery.", "Daesh", "islamic_state"),
        ("The SAA shelled the hills all night.", "SAA", "government"),
        ("The NDF manned the checkpoints.", "NDF", "government"),
        ("Hezbollah units moved to the crossroads.", "Hezbollah", "government"),
        ("The FSA pulled back to the wadi.", "FSA", "opposition"),
        ("Jaysh al-Islam fired rockets at the airbase.", "Jaysh al-Islam", "opposition"),
        ("The US-led coalition bombed a convoy.", "US-led coalition", "coalition"),
        (
            "Iranian-backed militias reinforced the garrison.",
            "Iranian-backed militias",
            "government",
        ),
        ("Tiger Forces advanced along the pipeline.", "Tiger Forces", "government"),
        # an aircraft type only one air force flies in the war names its owner
        ("An F/A-18 Super Hornet shot down the drone.", "F/A-18 Super Hornet", "coalition"),
        ("Airstrikes carried out by the SAF hit the bridge.", "SAF", "government"),
    ],
)
def test_lexicon_actor_sides(sentence: str, text: str, side: str) -> None:
    assert _first(sentence) == (text, side)


def test_unknown_brigade_is_found_with_unknown_side() -> None:
    assert _first("The Copper Hawks Brigade raided the depot.") == (
        "Copper Hawks Brigade",
        "unknown",
    )


def test_unknown_group_takes_the_camp_word_before_it() -> None:
    mentions = find_actors("The rebel Copper Hawks Brigade raided the depot.")
    brigade = [m for m in mentions if m.text == "Copper Hawks Brigade"]
    assert [m.side for m in brigade] == ["opposition"]


def test_offset_shifts_spans_to_document_offsets() -> None:
    text = "Daesh retreated."
    (m,) = find_actors(text, offset=100)
    assert (m.start, m.end) == (100, 105)


def test_actor_names_do_not_match_inside_words() -> None:
    # "IS" must not match the verb "is", nor "SAA" inside a longer token
    assert find_actors("The road is closed and SAAB cars are parked there.") == []


def test_custom_lexicon_entries() -> None:
    lex = compile_lexicon(
        [
            {
                "name": "Desert Wolves",
                "side": "government",
                "aliases": ["Desert Wolves", "DW"],
                "case": "exact",
            }
        ]
    )
    (m,) = find_actors("DW patrols left the camp.", lexicon=lex)
    assert (m.key, m.side) == ("Desert Wolves", "government")


def test_hts_without_apostrophe_spans_whole_name() -> None:
    name = "Hayat Tahrir al-Sham"
    assert _first(f"{name} shelled the town.") == (name, "opposition")


def test_a_common_noun_before_an_installation_is_no_actor() -> None:
    """'the military base' is a place; 'the military' alone is the government's forces."""
    assert find_actors("ISIL attacked the al-Tanf military base at dawn.")[0].text == "ISIL"
    assert [m.text for m in find_actors("ISIL attacked the al-Tanf military base.")] == ["ISIL"]
    assert _first("The military seized the hills.") == ("The military", "government")


def test_a_unit_of_a_named_force_is_in_its_camp() -> None:
    mentions = find_actors("The commander of the Syrian Army's 11th Armored Division was killed.")
    assert [(m.text, m.side) for m in mentions] == [
        ("Syrian Army", "government"),
        ("Armored Division", "government"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a shared head noun distributes over the modifiers coordinated before it
        (
            "A Kurdish and pro-government forces push on Tal Warda failed.",
            [("Kurdish", "opposition"), ("pro-government forces", "government")],
        ),
        (
            "Syrian and Russian warplanes struck Kafr Nur.",
            [("Syrian", "government"), ("Russian warplanes", "russia")],
        ),
        (
            "Russian, Iranian and Syrian troops entered Kafr Nur.",
            [("Russian", "russia"), ("Iranian", "government"), ("Syrian troops", "government")],
        ),
        # an organisation name that opens with a known modifier and "and" is two forces
        (
            "The Russian and Syrian Air Forces bombed Kafr Nur.",
            [("Russian", "russia"), ("Syrian Air Forces", "government")],
        ),
    ],
)
def test_coordinated_modifiers_share_the_head_noun(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.side) for m in find_actors(sentence)] == expected


def test_a_modifier_the_lexicon_does_not_know_is_not_split_off() -> None:
    # "Copper and Iron Brigade": no camp modifier, one organisation
    assert [m.text for m in find_actors("The Copper and Iron Brigade raided the depot.")] == [
        "Copper and Iron Brigade"
    ]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("On 3 May, military sources in Qarmun said the road was cut.", []),
        ("The fights were military confrontations between rebel factions.", ["rebel factions"]),
        ("Two military vehicles burned near Tell Zahra.", []),
        ("The military soon after launched an attack on the ridge.", ["The military"]),
        ("On 1 May, the military counter-attacked at dawn.", ["the military"]),
        ("The military, backed by militias, stormed Tell Zahra.", ["The military", "militias"]),
        ("Later the military said the hills were taken.", ["the military"]),
    ],
)
def test_military_is_an_actor_only_as_a_noun(sentence: str, found: list[str]) -> None:
    assert [m.text for m in find_actors(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "text", "side"),
    [
        ("A push by Turkish-backed forces failed.", "Turkish-backed forces", "opposition"),
        ("Iranian-backed volunteers shelled Qarmun.", "Iranian-backed volunteers", "government"),
        ("US-backed fighters reached the dam.", "US-backed fighters", "opposition"),
        ("Kurdish-led forces stormed Tal Warda.", "Kurdish-led forces", "opposition"),
        ("American-led forces crossed the river.", "American-led forces", "coalition"),
    ],
)
def test_a_backed_plural_noun_is_an_actor_of_the_backers_camp(
    sentence: str, text: str, side: str
) -> None:
    assert _first(sentence) == (text, side)


def test_a_backed_act_is_no_actor() -> None:
    assert find_actors("A Turkish-backed offensives plan and Turkish-backed attacks failed.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Turkish Air Force struck SDF positions near Qarmun.",
        "Five fighters were killed when Turkish commandos stormed Qarmun.",
        "On 9 May, Turkey set up a new outpost near Qarmun.",
    ],
)
def test_turkish_arms_are_turkeys_without_a_side(sentence: str) -> None:
    turkish = [m for m in find_actors(sentence) if m.text.startswith("Turk")]
    assert [(m.key, m.side) for m in turkish] == [("Turkish forces", "unknown")]


def test_a_common_noun_loyal_to_a_name_is_that_names() -> None:
    # "militants" alone would be ISIL's; "militants loyal to JFS" are JFS's (opposition)
    found = find_actors("On 5 May, militants loyal to JFS captured Tal Warda.")
    assert [(m.text, m.side) for m in found] == [("JFS", "opposition")]
