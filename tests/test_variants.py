"""The team's own variants of the fault cases (``eval/variants``, more items of each fault
kind, see its README) through the default path, checked by the reference checker on their
focus fields. Variants that pass must keep passing; the ones listed in ``STILL_FAILING``
are known faults of the kind, and the test says when one of them starts to pass so that
the list shrinks.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from badia.events.output import write_extraction
from badia.pipeline import extract_document
from badia.read import read_path

VARIANTS = Path(__file__).resolve().parents[1] / "eval" / "variants"

# id -> why it still fails (a fault of the kind, not of the variant)
STILL_FAILING: dict[str, str] = {
    "B11v2_unable_to_retake": (
        "'were unable to retake' as a tried act: adding 'unable' to the attempt lexicon "
        "adds an event articles-md gold does not code (Palmyra, 'ISIL shifted its focus to "
        "the ruins but were unable to infiltrate them', a same-day neighbour): left for merging"
    ),
    "B07v3_same_side_two_sources": (
        "'the Observatory put the toll at five': a toll with no noun and no kill verb is "
        "not read as a count (and 'put the toll at' is no speech verb yet)"
    ),
    "B12v1_sana_reported_that": (
        "'SANA reported that X militants shelled': actor1 shortened "
        "to the group name"
    ),
    "B12v2_monitor_said_helicopters": (
        "'A war monitor said Syrian government helicopters dropped': actor1 cut to "
        "'Syrian government' (actor names: the sides helper's area)"
    ),
}


def _check_all(shared_dir: Path, out: Path) -> dict[str, list[str]]:
    checker_path = shared_dir / "eval" / "check_cases.py"
    spec = importlib.util.spec_from_file_location("check_cases", checker_path)
    if not checker_path.is_file() or spec is None or spec.loader is None:
        pytest.skip("no reference checker in ../shared/eval")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    results: dict[str, list[str]] = {}
    for expected in sorted(VARIANTS.glob("*.expected.json")):
        case = json.loads(expected.read_text(encoding="utf-8"))
        write_extraction(extract_document(read_path(VARIANTS / f"{case['id']}.txt")), out)
        lines = (out / f"{case['id']}.events.jsonl").read_text(encoding="utf-8")
        pred = [json.loads(x) for x in lines.splitlines() if x.strip()]
        results[case["id"]] = checker.check(case, pred)
    return results


def test_variants_that_pass_keep_passing(shared_dir: Path, tmp_path: Path) -> None:
    results = _check_all(shared_dir, tmp_path)
    assert len(results) >= 50, f"expected the variants in {VARIANTS}"
    regressed = {k: why for k, why in results.items() if why and k not in STILL_FAILING}
    assert not regressed, regressed
    now_pass = sorted(k for k in STILL_FAILING if k in results and not results[k])
    assert not now_pass, f"these variants pass now: remove them from STILL_FAILING: {now_pass}"
    assert set(STILL_FAILING) <= set(results), set(STILL_FAILING) - set(results)
