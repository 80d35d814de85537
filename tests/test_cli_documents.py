"""The document commands: ingest, docs, parse, eval-infobox (through the real readers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from badia.cli import app
from badia.store import Store

runner = CliRunner()

DUMP = """= Battle of Testville =

Infobox
- Conflict: Battle of Testville (2018)
- Partof: the Northern campaign
- Date: 3 – 9 May 2018, ()
- Place: Testville, Alpha Governorate
- Result: Army captures the town
- Combatant1: Testland
- Combatant2: Hill Front
- Commander1: Jane RoeKIA
- Units1: Land Forces, * 16px 1st Corps
- Casualties1: 12 killed
- Casualties2: 30+ killed

The Battle of Testville was fought in May 2018 between the army and the Hill Front.

==Battle==
On 3 May 2018, the army attacked Testville. On 9 May, the Hill Front withdrew.
"""

PLAIN = "Clashes were reported near the river on 4 June 2019. Two fighters were killed.\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "battle.txt").write_text(DUMP, encoding="utf-8")
    (folder / "note.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_ingest_folder_with_good_and_bad_files(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "added 2, already stored 0, failed 2" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert any(str(corpus / "empty.txt") in line for line in errors)
    assert any(str(corpus / "image.txt") in line for line in errors)
    with Store(db) as store:
        names = sorted(d.name for d in store.documents())
        assert names == ["battle.txt", "note.txt"]
        boxes = store.infoboxes()
        assert [(name, ib.name) for _, name, ib in boxes] == [
            ("battle.txt", "Battle of Testville (2018)")
        ]
        assert boxes[0][2].sides[0].commanders[0].status == "KIA"

    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert again.exit_code == 1
    assert "added 0, already stored 2, failed 2" in again.stdout
    with Store(db) as store:
        assert store.counts()["documents"] == 2


def test_ingest_only_good_files_exits_zero(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(corpus / "battle.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "added 1, already stored 0, failed 0" in result.stdout


def test_ingest_into_non_database_fails_clearly(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "not.duckdb"
    db.write_text("plain text, not a database\n" * 100)
    result = runner.invoke(app, ["ingest", str(corpus / "battle.txt"), "--db", str(db)])
    assert result.exit_code == 2
    assert " ".join(result.stderr.split()).startswith(
        f"error: cannot open store {db}: not a DuckDB database file; --db must name a store"
    )


def test_docs_lists_stored_documents(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(corpus / "battle.txt"), "--db", str(db)])
    with Store(db) as store:
        doc_id = store.documents()[0].id
    result = runner.invoke(app, ["docs", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert doc_id in result.stdout
    assert "battle.txt" in result.stdout
    assert "Battle of Testville" in result.stdout
    assert "dump" in result.stdout
    assert "note.txt" not in result.stdout


def test_parse_then_eval_infobox(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred"
    result = runner.invoke(
        app, ["parse", str(corpus / "battle.txt"), str(corpus / "note.txt"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["battle.infobox.json"]
    pred = json.loads((out / "battle.infobox.json").read_text(encoding="utf-8"))
    assert pred["sides"][0]["units"] == [
        {"name": "Land Forces", "children": [{"name": "1st Corps", "children": []}]}
    ]
    assert pred["phases"] == [{"label": None, "start": "2018-05-03", "end": "2018-05-09"}]

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = json.loads(json.dumps(pred))
    gold["sides"][1]["casualties"][0]["killed"] = 31  # one leaf of the gold differs
    (gold_dir / "battle.infobox.json").write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(app, ["eval-infobox", str(gold_dir), str(out)])
    assert result.exit_code == 0, result.output
    assert "casualty_killed" in result.stdout
    assert "overall:" in result.stdout
    assert "overall: 100.0%" not in result.stdout


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval" / "gold").is_dir(), reason="/work/shared is not available")
def test_parse_seeds_scores_against_gold(tmp_path: Path) -> None:
    out = tmp_path / "pred"
    seeds = SHARED / "corpus" / "seeds"
    result = runner.invoke(app, ["parse", str(seeds), "--out", str(out)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["eval-infobox", str(SHARED / "eval" / "gold"), str(out)])
    assert result.exit_code == 0, result.output
    pct = float(result.stdout.split("overall:")[1].split("%")[0])
    assert pct >= 95.0
