"""Worker processes: the same outputs, byte for byte and row for row, as one process."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from badia.cli.app import app
from badia.model import Document
from badia.runner import Job, iter_units, run_units
from store_rows import stored_rows

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

runner = CliRunner()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/corpus/seeds")
def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    bad = tmp_path / "blank.txt"
    bad.write_text("", encoding="utf-8")
    inputs = [str(SEEDS), str(bad), str(EXAMPLES)]
    runs = {}
    for workers in (1, 2):
        out, db = tmp_path / f"out{workers}", tmp_path / f"w{workers}.duckdb"
        result = runner.invoke(
            app,
            ["extract", *inputs, "--out", str(out), "--db", str(db), "--workers", str(workers)],
        )
        assert result.exit_code == 1, result.output  # the blank file fails, alone
        errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
        assert len(errors) == 1 and "blank.txt" in errors[0]
        closing = result.stderr.splitlines()[-1].split(" (written")[0]
        runs[workers] = (_tree(out), stored_rows(db), closing)
    assert runs[1][0] and runs[1][0] == runs[2][0]
    assert runs[1][1]["events"] and runs[1][1] == runs[2][1]
    assert runs[1][2] == runs[2][2]  # the closing counts


def test_results_keep_the_input_order_and_a_bad_file_fails_alone(tmp_path: Path) -> None:
    names = []
    for i in range(7):
        path = tmp_path / f"{i}.txt"
        text = f"On 5 March 2017, the army shelled Qarbun, killing {i + 2} people."
        text = "" if i == 3 else text
        path.write_text(text, encoding="utf-8")
        names.append(str(path))
    units = list(iter_units(names))
    results = list(run_units(units, Job(render=True), workers=2))
    assert [Path(r.source).name for r in results] == [f"{i}.txt" for i in range(7)]
    assert [r.error is not None for r in results] == [i == 3 for i in range(7)]
    assert results[0].files and results[0].rows is None


def test_jsonl_records_are_units_read_here(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"text": "On 2 May 2019, rebels attacked Qarbun.", "id": "a"}\n'
        '{"text": "On 3 May 2019, the army shelled Qarbun.", "id": "b"}\n',
        encoding="utf-8",
    )
    units = list(iter_units([str(feed)]))
    assert len(units) == 2 and all(isinstance(u, Document) for u in units)


def test_a_small_run_is_extracted_here_and_a_large_one_on_every_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import badia.runner as runner_module

    monkeypatch.setattr(runner_module.os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text("On 3 May, rebels captured Qasr.", encoding="utf-8")
    assert runner_module.default_workers([str(small)]) == 1
    big = small / "b.txt"
    big.write_text("x" * runner_module.SMALL_RUN_BYTES, encoding="utf-8")
    assert runner_module.default_workers([str(small)]) == 3
    assert runner_module.default_workers(["-"]) == 3  # a stream's size is not known
    assert runner_module.default_workers() == 3
