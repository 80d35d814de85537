"""Event types that depend on what or whom an act is done to, and on who does it
(``data/type_rules.yaml``; GUIDELINES sections 1 and 1b "Types"). Sentences written for
these tests, with invented places; each row is one kind, not a sentence of a document."""

from __future__ import annotations

import pytest

from badia.pipeline import extract_document
from badia.read import read_text
from badia.syntax import parser_available

FRONT = "---\nsubject: Qasr offensive\nauthor: Wikipedia\ndate:\n  - 1–30 May 2016\n---\n\n"

needs_parse = pytest.mark.skipif(not parser_available(), reason="spaCy model not installed")


def _types(body: str) -> list[tuple[str, str | None]]:
    doc = read_text(FRONT + "## Offensive\n" + body + "\n", "t.md")
    return [(e.type, e.side1) for e in extract_document(doc).events]


@needs_parse
@pytest.mark.parametrize(
    "sentence, expected",
    [
        # civilians as the target of a kill or attack verb
        ("On 4 May, ISIL militants killed five citizens in Qasr.",
         [("civilian_violence", "islamic_state")]),
        ("On 4 May, gunmen of ISIL attacked villagers near Tell Jaban.",
         [("civilian_violence", "islamic_state")]),
        # ... but a named means keeps its type, and soldiers killed stay a battle
        ("On 4 May, a landmine left by ISIL killed nine citizens near Qasr.",
         [("bombing", "islamic_state")]),
        ("On 4 May, ISIL militants killed five soldiers in Qasr.", [("attack", "islamic_state")]),
        # executing captured fighters is `other`, civilians `civilian_violence`
        ("On 4 May, ISIL released a video showing its members executing by shooting a number "
         "of captives in Qasr.", [("other", "islamic_state")]),
        ("On 4 May, ISIL executed 12 civilians in Qasr.", [("civilian_violence", "islamic_state")]),
        # materiel seized is `other`; next to a battle act it is that act's spoils
        ("On 4 May, YPG units seized weaponry from the army in Qasr.", [("other", "opposition")]),
        ("On 4 May, rebels stormed the checkpoint of Qasr and seized a number of tanks.",
         [("attack", "opposition")]),
        # a capture only purposed ("to prevent ISIL taking control") makes no battle beside it
        ("On 4 May, YPG units seized weaponry from the army in Qasr, to prevent ISIL taking "
         "control of the city.", [("other", "opposition")]),
        # "bomb" by a camp without aircraft: shelling (verb); by an air power: an air strike
        ("On 4 May, rebel forces bombed residential neighbourhoods of Qasr.",
         [("shelling", "opposition")]),
        ("On 4 May, the coalition bombed an ISIL position near Qasr.",
         [("airstrike", "coalition")]),
        # a gerund modifying a noun names no act: "a fighting position", "a clearing operation"
        ("On 4 May, the coalition bombed an SDF fighting position near Qasr.",
         [("airstrike", "coalition")]),
        # a siege lifted, told as a noun, is a capture; "advanced ..., capturing" one capture
        ("On 4 May, rebels advanced towards Qasr, which resulted in the lifting of the siege "
         "of the town.", [("capture", "opposition")]),
        ("On 4 May, rebels advanced on Qasr, cutting the supply line of the Jaban base.",
         [("capture", "opposition")]),
        # an action noun as the subject of a capture is its means: one capture
        ("On 4 May, a joint attack by ISIL fighters captured the village of Qasr.",
         [("capture", "islamic_state")]),
        # an action noun called earlier was told before; an oil field is ground, not spoils
        ("On 4 May, SDF forces recaptured the Qasr oil field, following an earlier ISIL "
         "counterattack.", [("capture", "opposition")]),
        # the weapon names the means: launched munitions, a weapon modifying the action noun
        ("On 4 May, the two sides launched shells at the villages of Qasr and Jaban.",
         [("shelling", "unknown")]),
        ("On 4 May, the Sham Legion launched an anti-tank guided missile at an army position "
         "near Qasr.", [("shelling", "opposition")]),
        ("On 4 May, the rebels launched an artillery attack on Qasr.",
         [("shelling", "opposition")]),
        ("On 4 May, ISIL launched a drone attack on the Qasr base.",
         [("airstrike", "islamic_state")]),
        ("On 4 May, ISIL launched an attack on Qasr, followed by a tank assault.",
         [("attack", "islamic_state")]),
        # a car bomb destroyed before it went off is no bombing
        ("On 4 May, the army destroyed an ISIL car-bomb near Qasr.", []),
        # clashes that an attack of the same time started are that attack; with a time of
        # their own they are a clash of their own
        ("On 4 May, violent clashes erupted, after ISIL attempted to infiltrate an area in the "
         "Qasr countryside.", [("attack", "islamic_state")]),
        ("On 4 May, ISIL attacked Qasr, and on 6 May, 25 soldiers were killed in clashes in "
         "Jaban.", [("attack", "islamic_state"), ("clash", "government")]),
        # "took off" is a flight, not a capture
        ("On 4 May, a helicopter carrying Army officers took off from the Qasr base.", []),
    ],
)
def test_type_of_the_act(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _types(sentence) == expected


def test_a_statement_about_a_whole_class_is_not_retyped() -> None:
    """ "All civilians were killed by IS": a summary over a class, no act against civilians."""
    from badia.events import retype
    from badia.syntax import parse_sentences

    if not parser_available():
        pytest.skip("spaCy model not installed")
    parse = parse_sentences([(0, "All civilians were killed by IS fighters.")])[0]
    head = next(t for t in parse.tokens if t.lemma == "kill")
    assert retype.by_object(parse, head, "attack") == "attack"
    parse = parse_sentences([(0, "Five civilians were killed by IS fighters.")])[0]
    head = next(t for t in parse.tokens if t.lemma == "kill")
    assert retype.by_object(parse, head, "attack") == "civilian_violence"


def test_without_a_parse_the_named_targets_decide() -> None:
    from badia.events import retype
    from badia.model import Mention

    def actor(text: str, side: str) -> Mention:
        return Mention(kind="actor", text=text, start=0, end=len(text), key=text, side=side)

    isil, citizens = actor("ISIL", "islamic_state"), actor("citizens", "civilians")
    assert retype.by_parties("attack", "killed", True, [isil], [citizens]) == "civilian_violence"
    assert retype.by_parties("attack", "killed", True, [isil], [citizens], parsed=True) == "attack"
    assert retype.by_parties("airstrike", "bombing", False, [isil], []) == "bombing"
    assert retype.by_parties("airstrike", "bombed", True, [isil], []) == "shelling"
