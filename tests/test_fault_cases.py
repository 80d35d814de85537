"""Every fault case of ``../shared/eval/cases`` through the default path, checked by the
reference checker (``check_cases.py``) on its focus fields: a ratchet over all 27 kinds.

One case is known to disagree with GUIDELINES 1b and is left failing on purpose:
B18 wants the flip-side withdrawal of "X was overrun by Y after Z withdrew", which 1b
codes as one capture ("captured X after ISIL withdrew" is one ``capture``), as the
articles-md gold does. Any other failure, or B18 starting to pass, fails this test.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from badia.events.output import write_extraction
from badia.pipeline import extract_document
from badia.read import read_path

AGAINST_THE_GUIDELINES = {"B18_passive_voice"}


def test_every_fault_case_passes_but_the_one_the_guidelines_contradict(
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
    assert set(failed) == AGAINST_THE_GUIDELINES, failed
