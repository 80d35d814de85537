"""``badia.extract(path)`` and ``badia.extract_text(text)``: a typo is never taken for a text."""

from __future__ import annotations

from pathlib import Path

import pytest

import badia
from badia.read import ReadError

TEXT = (
    "= Ridge test offensive (2018) =\n\n==Fighting==\n"
    "On 4 May 2018, the Syrian Army captured the village of Tell Varo from ISIL.\n"
)


@pytest.mark.parametrize("typo", ["reprot.txt", "docs/report.txt", "C:\\\\reports\\\\x.md"])
def test_a_path_that_names_no_file_raises(typo: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError, match="badia.extract_text"):
        badia.extract(typo)
    with pytest.raises(FileNotFoundError):
        badia.extract(Path(typo))


def test_a_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        badia.extract(tmp_path)


def test_a_file_and_the_same_text_give_the_same_events(tmp_path: Path) -> None:
    path = tmp_path / "ridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_file = badia.extract(str(path))
    from_text = badia.extract_text(TEXT, name="ridge.txt")
    assert [(e.type, e.date_start, e.side1) for e in from_file.events] == [
        ("capture", from_text.events[0].date_start, "government")
    ]
    assert [e.model_dump() for e in from_file.events] == [e.model_dump() for e in from_text.events]
    assert from_text.document.text[from_text.events[0].start : from_text.events[0].end] == (
        from_text.events[0].quote
    )


def test_an_empty_text_or_file_is_a_read_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError):
        badia.extract(empty)
    with pytest.raises(ReadError):
        badia.extract_text("")


def test_a_text_given_to_extract_still_works_but_warns() -> None:
    with pytest.warns(DeprecationWarning, match="extract_text"):
        ex = badia.extract(TEXT)
    assert [e.type for e in ex.events] == ["capture"]
