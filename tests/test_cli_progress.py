"""The corpus progress display: documents done / total and bytes against the files' sizes."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from badia.cli.progress import corpus_progress


def quiet() -> Console:
    return Console(file=io.StringIO(), force_terminal=False)


def test_files_count_documents_and_bytes(tmp_path: Path) -> None:
    for name, text in (("a.txt", "x" * 300), ("b.txt", "y" * 700)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with corpus_progress([str(tmp_path)], quiet(), "reading") as progress:
        assert progress.docs_label() == "0/2 docs"
        progress.step(str(tmp_path / "b.txt"), 1)  # a whole file counts its size on disk
        task = progress.task
        assert (task.total, task.completed) == (1000, 700)
        progress.step(str(tmp_path / "a.txt"), 1)
        assert progress.docs_label() == "2/2 docs" and task.completed == 1000


def test_jsonl_records_advance_by_their_size(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": i, "text": "z" * 90}) for i in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with corpus_progress([str(path), "-"], quiet(), "reading") as progress:
        progress.step(f"{path}#0", 100)
        task = progress.task
        assert progress.docs_label() == "1/? docs"  # records in a JSONL file are not counted
        assert task.completed == 100 < task.total
    assert task.completed == task.total  # finished: the bar is full
