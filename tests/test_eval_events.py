"""The seeds through the pipeline: our scorer agrees with the reference one, and a ratchet.

The floors live in ``eval_floors.json``; raise them when the extraction improves.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from badia.evaluate.events import score
from badia.events.output import write_extraction
from badia.pipeline import extract_document
from badia.read import read_path

FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text())


def _reference_scorer(shared: Path) -> ModuleType:
    path = shared / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"reference scorer {path} is absent")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predicted(shared_dir: Path, seed_paths: dict[str, Path],
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pred")
    for path in seed_paths.values():
        extraction = extract_document(read_path(path))
        for e in extraction.events:
            assert extraction.document.text[e.start : e.end] == e.quote
        written = write_extraction(extraction, out)
        assert out / f"{path.stem}.events.jsonl" in written
    return out


def _figures(result: dict) -> dict[str, float]:
    flat: dict[str, float] = {
        "events_gold": result["events_gold"], "events_pred": result["events_pred"],
    }
    for key in ("detect_prf", "typed_prf", "strict_prf", "tallies_prf"):
        for name, value in zip("prf", result[key], strict=True):
            flat[f"{key}.{name}"] = value
    for key, value in result["on_matched"].items():
        flat[f"on_matched.{key}"] = value
    for stem, row in result["per_doc"].items():
        for key, value in row.items():
            flat[f"{stem}.{key}"] = value
    return flat


def test_scorer_agrees_with_reference(shared_dir: Path, predicted: Path) -> None:
    gold, corpus = shared_dir / "eval" / "gold", shared_dir / "corpus" / "seeds"
    ours = _figures(score(gold, predicted, corpus))
    theirs = _figures(_reference_scorer(shared_dir).score(gold, predicted, corpus))
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        assert ours[key] == pytest.approx(value, abs=5e-4), key


def test_scorer_agrees_on_a_degraded_prediction(shared_dir: Path, predicted: Path,
                                                tmp_path: Path) -> None:
    """Drop every other event and blank the dates: the two scorers still agree."""
    for path in predicted.glob("*.jsonl"):
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        if path.name.endswith(".events.jsonl"):
            rows = rows[::2]
            for r in rows[::3]:
                r["date_start"] = r["date_end"] = None
        (tmp_path / path.name).write_text("".join(json.dumps(r) + "\n" for r in rows))
    gold, corpus = shared_dir / "eval" / "gold", shared_dir / "corpus" / "seeds"
    ours = _figures(score(gold, tmp_path, corpus))
    theirs = _figures(_reference_scorer(shared_dir).score(gold, tmp_path, corpus))
    for key, value in theirs.items():
        assert ours[key] == pytest.approx(value, abs=5e-4), key


def test_ratchet(shared_dir: Path, predicted: Path) -> None:
    result = score(shared_dir / "eval" / "gold", predicted, shared_dir / "corpus" / "seeds")
    got = {
        "strict_f1": result["strict_prf"][2],
        "detect_f1": result["detect_prf"][2],
        "tallies_f1": result["tallies_prf"][2],
    }
    below = {k: (got[k], floor) for k, floor in FLOORS.items() if got[k] < floor}
    assert not below, f"below the floors in eval_floors.json: {below}"
