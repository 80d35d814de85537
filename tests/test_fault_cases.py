"""Every fault case in ``../shared/eval/cases`` passes through the default path, checked
by the reference checker (``check_cases.py``) on its focus fields: a ratchet over all 27 kinds.

B18 ("X was overrun by Y after Z withdrew") wants the flip-side withdrawal as an event of
its own. In a news story that is how the cases code it (``own_act_marks_news`` in
``grammar.yaml``); in encyclopedia narrative GUIDELINES 1b make it one capture, as the
articles-md gold does (``test_syntax.py`` pins both).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from badia.events.output import write_extraction
from badia.pipeline import extract_document
from badia.read import read_path


def test_every_fault_case_passes(
    shared_dir: Path, tmp_path: Path
) -> None:
    cases = shared_dir / "eval" / "cases"
    spec = importlib.util.spec_from_file_location("check_cases", cases.parent / "check_cases.py")
    if not cases.is_dir() or spec is None or spec.loader is None:
        pytest.skip("no fault cases in ../shared/eval/cases")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    failed: dict[str, list[str]] = {}
    for expected in sorted(cases.glob("*.expected.json")):
        case = json.loads(expected.read_text(encoding="utf-8"))
        write_extraction(extract_document(read_path(cases / f"{case['id']}.txt")), tmp_path)
        lines = (tmp_path / f"{case['id']}.events.jsonl").read_text(encoding="utf-8")
        why = checker.check(case, [json.loads(x) for x in lines.splitlines() if x.strip()])
        if why:
            failed[case["id"]] = why
    assert not failed, failed
