"""User mistakes on the command line: each gives one ``error:`` line saying the fix, and exit 2.

Also the ``events`` filters and its layout at 80 columns, ``--version`` and the
choices listed in ``--help``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from badia import __version__
from badia.cli import app

runner = CliRunner()

DOC = (
    "= Oasis test offensive (2017) =\n\n==Fighting==\n"
    "On 5 March 2017, the Syrian Army captured the village of Qasr Tal from ISIL. "
    "Two days later, ISIL attacked Syrian Army positions near Qasr Tal, killing 9 soldiers. "
    "On 2 June 2017, rebels shelled the town of Brimvale, killing 4 civilians.\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("usage")
    doc = folder / "oasis.txt"
    doc.write_text(DOC, encoding="utf-8")
    db = folder / "s.duckdb"
    result = runner.invoke(app, ["extract", str(doc), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def error_line(args: list[str]) -> tuple[int, str]:
    """Exit code and the one stderr line of a command expected to fail."""
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), result.stderr
    return result.exit_code, lines[0]


@pytest.mark.parametrize("command", ["events", "docs", "places", "merge", "casualties", "report"])
def test_a_mistyped_store_is_named_and_never_created(command: str, tmp_path: Path) -> None:
    db = tmp_path / "wrar.duckdb"
    code, line = error_line([command, "--db", str(db)])
    assert code == 2
    assert line == f"error: no store at {db}; create one with `badia extract DOCS --db {db}`"
    assert not db.exists()


def test_export_with_a_mistyped_store(tmp_path: Path) -> None:
    db = tmp_path / "wrar.duckdb"
    code, line = error_line(
        ["export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "x.jsonl")]
    )
    assert (code, line.split(";")[0]) == (2, f"error: no store at {db}")
    assert not db.exists()


def test_a_store_folder_instead_of_a_file(tmp_path: Path) -> None:
    code, line = error_line(["events", "--db", str(tmp_path)])
    assert code == 2 and f"--db {tmp_path} is a folder" in line


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_new_store_in_a_missing_folder(command: str, tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "s.duckdb"
    code, line = error_line([command, "examples", "--db", str(db)])
    assert code == 2
    assert line == (
        f"error: --db {db}: no folder {db.parent}; create it with `mkdir -p {db.parent}`"
    )


def test_export_bad_format_lists_the_formats(store: Path, tmp_path: Path) -> None:
    code, line = error_line(
        ["export", "--db", str(store), "--format", "pdf", "--out", str(tmp_path / "x.pdf")]
    )
    assert code == 2
    formats = "acled-csv, ucdp-csv, geojson, parquet, jsonl"
    assert line == f"error: unknown --format 'pdf'; one of: {formats}"


@pytest.mark.parametrize("command", ["ingest", "extract", "parse"])
def test_bad_input_format_lists_the_formats(command: str, tmp_path: Path) -> None:
    db, out = ["--db", str(tmp_path / "s.duckdb")], ["--out", str(tmp_path)]
    where = db if command == "ingest" else out
    code, line = error_line([command, "x.txt", "--format", "pdf", *where])
    assert code == 2 and line.startswith("error: unknown --format 'pdf'; one of: dump, ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["casualties", "--side", "isis"], "unknown --side 'isis'; one of: government, "),
        (["oob", "--side", "isis"], "unknown --side 'isis'; one of: government, "),
        (["events", "--side", "government,isis"], "unknown --side 'isis'; one of: government, "),
        (["events", "--type", "raid"], "unknown --type 'raid'; one of: attack, clash, "),
        (["casualties", "--by", "week"], "unknown --by 'week'; one of: year, month"),
        (["events", "--since", "March"], "--since 'March' is not a date; write YYYY-MM-DD"),
    ],
)
def test_bad_values_list_the_choices(store: Path, args: list[str], expected: str) -> None:
    code, line = error_line([*args, "--db", str(store)])
    assert code == 2
    assert line.startswith(f"error: {expected}"), line


def test_extract_with_nowhere_to_write_says_so(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(DOC, encoding="utf-8")
    code, line = error_line(["extract", str(doc)])
    assert code == 2 and "add --out DIR" in line and "--db FILE" in line


def test_extract_says_where_it_wrote(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(DOC, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc), "--out", str(tmp_path / "o")],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"(written to files in {tmp_path / 'o'})" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout.strip()) == (0, f"badia {__version__}")


@pytest.mark.parametrize(
    ("command", "listed"),
    [
        ("export", "acled-csv, ucdp-csv, geojson, parquet, jsonl"),
        ("events", "civilian_violence"),
        ("casualties", "islamic_state"),
        ("extract", "wikitext"),
    ],
)
def test_help_lists_the_choices(command: str, listed: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert listed in " ".join(result.stdout.split())


def test_events_filters(store: Path) -> None:
    def dates(*args: str) -> list[str]:
        result = runner.invoke(app, ["events", "--db", str(store), *args], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        return [line.split()[0] for line in result.stdout.splitlines() if line[:2] == "20"]

    assert dates() == ["2017-03-05", "2017-03-07", "2017-06-02"]
    assert dates("--type", "capture,attack") == ["2017-03-05", "2017-03-07"]
    assert dates("--side", "opposition") == ["2017-06-02"]
    assert dates("--since", "2017-03-06", "--until", "2017-05") == ["2017-03-07"]
    assert dates("--since", "2017-04") == ["2017-06-02"]
    assert dates("--place", "brimV") == ["2017-06-02"]
    assert dates("--actor", "syrian army", "--type", "capture") == ["2017-03-05"]
    assert dates("--doc", "oasis.txt", "--until", "2017") == dates()
    assert dates("--doc", "other.txt") == []


def test_events_at_80_columns_keeps_the_key_columns(store: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(store)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = lines[0].split()
    assert header == ["date", "type", "sides", "place", "killed", "quote"]
    attack = next(line for line in lines if line.startswith("2017-03-07"))
    cells = attack.split()
    assert cells[:3] == ["2017-03-07", "attack", "islamic_state"], attack
    assert "Qasr Tal" in attack and " 9 " in attack
    assert lines[-1] == "3 merged events"


@pytest.mark.parametrize("command", ["events", "docs", "places", "report", "casualties", "merge"])
def test_a_file_that_is_no_store(command: str, tmp_path: Path, monkeypatch, capsys) -> None:
    from badia.cli import main

    notes = tmp_path / "notes.duckdb"
    notes.write_text("not a database\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["badia", command, "--db", str(notes)])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (
        f"error: cannot open store {notes}: not a DuckDB database file; "
        "--db must name a store made by `badia ingest` or `badia extract`"
    )
