"""Outputs and terminal hygiene (issue 13): one set of files per input, readable by all;
unique tally ids; text from documents never reaches the terminal or a file name raw."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

from typer.testing import CliRunner

from badia.cli.app import app
from badia.events.output import OutputNames, safe_stem
from badia.pipeline import extract_text
from badia.read import read_text
from badia.terminal import SafeConsole, clean, warn_on_stderr

runner = CliRunner()

STORY = (
    "= Test offensive (2017) =\n\n==Fighting==\n"
    "On 5 March 2017, the Syrian Army captured the village of Qasr Tal from ISIL. "
    "Two days later, ISIL attacked Syrian Army positions near Qasr Tal, killing {n} soldiers.\n"
)


def test_two_inputs_with_one_name_write_two_sets_of_files(tmp_path: Path) -> None:
    for folder, n in (("east", 9), ("west", 4)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(STORY.format(n=n), encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["extract", str(tmp_path / "east"), str(tmp_path / "west"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    events = sorted(p.name for p in out.glob("*.events.jsonl"))
    assert len(events) == 2 and events[0] == "report.events.jsonl"
    assert events[1].startswith("report~") and events[1].endswith(".events.jsonl")
    killed = set()
    for name in events:
        for line in (out / name).read_text(encoding="utf-8").splitlines():
            killed |= {f["killed"] for f in json.loads(line)["fatalities"]}
    assert {9, 4} <= killed  # neither file's events replaced the other's
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_output_names_are_stable_and_one_per_input() -> None:
    a = read_text(STORY.format(n=1), "x/report.txt")
    b = read_text(STORY.format(n=2), "y/report.txt")
    names = OutputNames()
    first, second = names.stem_for(a), names.stem_for(b)
    assert first == "report" and second.startswith("report~") and names.stem_for(a) == first
    assert OutputNames().stem_for(b) == "report"  # alone in its run, it keeps the plain stem
    again = OutputNames()
    again.stem_for(a)
    assert again.stem_for(b) == second  # the suffix comes from the path, not the run


def test_file_names_hold_no_control_or_bidi_characters() -> None:
    doc = read_text("Rebels attacked.", "inv\u202eoice\x1b[2J<gnp>.txt")
    assert safe_stem(doc) == "inv_oice_[2J_gnp_"


def test_every_tally_has_its_own_id() -> None:
    text = (
        "= Test offensive (2019) =\n\n==Casualties==\n"
        "In 2023, 417 pro-government fighters, 46 IS militants and 167 civilians were killed. "
        "In 2024, 458 pro-government fighters, 47 IS militants, 57 civilians were killed.\n"
    )
    tallies = extract_text(text, name="tallies.txt").tallies
    assert len(tallies) >= 4
    assert len({t.id for t in tallies}) == len(tallies)


def test_escape_sequences_and_bidi_overrides_are_shown_not_obeyed() -> None:
    hostile = "Title\x1b]0;owned\x07 \x1b[2J \u202egnp.exe \x9b31m"
    assert clean(hostile) == "Title\\x1b]0;owned\\x07 \\x1b[2J \\u202egnp.exe \\x9b31m"
    assert clean("tab\tand\nnewline stay") == "tab\tand\nnewline stay"
    console = SafeConsole(force_terminal=False, width=200)
    with console.capture() as captured:
        console.print(hostile, markup=False)
    assert "\x1b" not in captured.get() and "\u202e" not in captured.get()


def test_docs_and_events_print_no_raw_escape(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        STORY.format(n=3)
        .replace("Test offensive", "Test\x1b[2J offensive")
        .replace("killing", "\x1b]0;owned\x07killing"),
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["extract", str(path), "--db", str(db)]).exit_code == 0
    for command in (["docs", "--db", str(db)], ["events", "--db", str(db)]):
        result = runner.invoke(app, command, env={"COLUMNS": "300"})
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\\x1b" in result.output


def test_warnings_are_one_clean_line_on_stderr(capsys) -> None:
    warn_on_stderr()
    warn_on_stderr()  # no second handler
    logging.getLogger("badia.read").warning("%s: read as cp1252", "a\x1b[2J\nb.txt")
    assert capsys.readouterr().err == "warning: a\\x1b[2J b.txt: read as cp1252\n"


def test_a_store_held_by_another_process_is_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "busy.duckdb"
    story = tmp_path / "story.txt"
    story.write_text(STORY.format(n=3), encoding="utf-8")
    assert runner.invoke(app, ["extract", str(story), "--db", str(db)]).exit_code == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        for command, doing in (
            (["docs", "--db", str(db)], "written"),
            (["extract", str(story), "--db", str(db)], "used"),
        ):
            result = runner.invoke(app, command)
            assert result.exit_code == 1
            assert result.stderr.splitlines() == [
                f"error: {db}: the store is being {doing} by another badia process "
                f"(pid {holder.pid}); try again when it ends"
            ], result.stderr
    finally:
        holder.communicate("")


def test_a_missing_file_or_folder_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(tmp_path / "nowhere.txt"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere.txt'}: no such file or folder" in result.stderr
