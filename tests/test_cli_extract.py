"""``badia extract``: a bad file fails alone, outputs are written, ``--db`` stores events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from badia.cli.app import app
from badia.store import Store

runner = CliRunner()

GOOD = (
    "= Oasis test offensive (2017) =\n\n==Fighting==\n"
    "On 5 March 2017, the Syrian Army captured the village of Qasr Tal from ISIL. "
    "Two days later, ISIL attacked Syrian Army positions near Qasr Tal, killing 9 soldiers.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "oasis.txt").write_text(GOOD, encoding="utf-8")
    (folder / "blank.txt").write_text("", encoding="utf-8")
    return folder


def test_extract_writes_outputs_and_reports_the_bad_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(out)],
                           env={"COLUMNS": "400"})
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "blank.txt" in errors[0], result.stderr
    assert "1 documents" in result.stderr and "1 failed" in result.stderr
    events = [json.loads(x) for x in (out / "oasis.events.jsonl").read_text().splitlines()]
    assert [(e["type"], e["side1"], e["date_start"]) for e in events] == [
        ("capture", "government", "2017-03-05"),
        ("attack", "islamic_state", "2017-03-07"),
    ]
    assert all(GOOD[e["start"] : e["end"]] == e["quote"] for e in events)
    assert (out / "oasis.tallies.jsonl").read_text() == ""
    assert not list(out.glob("blank.*"))


def test_extract_db_stores_events(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["extract", str(corpus / "oasis.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        stored = store.events()
    assert sorted(e.type for e in stored) == ["attack", "capture"]
    assert {e.doc for e in stored} == {"oasis.txt"}
    killed = [(f.side, f.killed) for e in stored for f in e.fatalities]
    assert killed == [("government", 9)]


def test_extract_twice_into_the_same_db_does_not_duplicate(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    for _ in range(2):
        result = runner.invoke(app, ["extract", str(corpus / "oasis.txt"), "--db", str(db)])
        assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert len(store.events()) == 2


def test_places_unresolved_lists_each_name_with_its_kind(tmp_path: Path) -> None:
    doc = tmp_path / "desert.txt"
    doc.write_text(
        "= Desert test offensive (2017) =\n\n==Fighting==\n"
        "On 5 March 2017, the Syrian Army captured Qzzvrt Farms from ISIL. "
        "On 6 March 2017, ISIL attacked Syrian Army positions along the Qzzvrt-Blorq highway.\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.duckdb"
    assert runner.invoke(app, ["extract", str(doc), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["places", "--db", str(db), "--unresolved"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip()
            for line in result.stdout.splitlines() if line.count("│") >= 4}
    assert rows.get("Qzzvrt Farms") == "place", result.stdout
    assert rows.get("Qzzvrt-Blorq highway") == "line", result.stdout
