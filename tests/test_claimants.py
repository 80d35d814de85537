"""Who a sentence attributes its claim to."""

from __future__ import annotations

import pytest

from badia.mentions.claimants import canonical_claimant, find_claims


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Nine guards died in the raid, according to SOHR.", "SOHR"),
        ("Eleven died, according to the Syrian Observatory for Human Rights.", "SOHR"),
        ("Russia reported that 40 militants died in the strikes.", "Russia"),
        ("State media said the garrison held out.", "state media"),
        ("Six villagers were killed, per the Russian MOD.", "Russian MOD"),
        ("Amaq claimed that the convoy was destroyed.", "Amaq News Agency"),
        # a claimant named by what it is, after an article or a possessive
        ("A war monitor said Zarqan jets struck the oasis.", "war monitor"),
        ("The guards held the oasis, a military source reported.", "military source"),
        ("According to a local activist, nine guards died.", "local activist"),
        ("The Zarqan Front's media agency claimed nine guards died.", "media agency"),
        ("Nine guards died, the field commanders said.", "field commanders"),
        ("The US-led coalition said its jets hit the oasis.", "US-led coalition"),
    ],
)
def test_claimant(sentence: str, claimant: str) -> None:
    claims = find_claims(sentence)
    assert [c.claimant for c in claims] == [claimant]
    assert claims[0].start < claims[0].end <= len(sentence)


def test_no_claimant_in_plain_narration() -> None:
    assert find_claims("The convoy reached the oasis at noon.") == []


def test_pronoun_subject_is_not_a_claimant() -> None:
    assert find_claims("It reported heavy losses in the valley.") == []


def test_canonical_claimant() -> None:
    assert canonical_claimant("the Syrian Observatory for Human Rights,") == "SOHR"
    assert canonical_claimant("SANA") == "state media"
    assert canonical_claimant("the Kurdish Red Crescent") == "Kurdish Red Crescent"


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("According to SOHR, 12 guards died.", "SOHR"),
        ("Per the Russian MOD, 30 militants died.", "Russian MOD"),
    ],
)
def test_claimant_at_sentence_start(sentence: str, claimant: str) -> None:
    assert [c.claimant for c in find_claims(sentence)] == [claimant]
