"""Seeded mutation fuzzing in CI (issue 13): a few hundred mutated windows of the seeds,
examples and Markdown articles, in every format, read and extracted under a 10 s budget:
0 crashes, 0 over budget (``make fuzz`` runs 100,000; see ``bench/fuzz.py``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _fuzz():
    spec = importlib.util.spec_from_file_location("fuzz", REPO / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_mutator_is_seeded_and_varied():
    fuzz = _fuzz()
    first = list(fuzz.inputs(7, 30))
    assert first == list(fuzz.inputs(7, 30))
    assert len({name.rsplit(".", 1)[1] for name, _ in first}) == len(fuzz.SUFFIXES)
    assert len({data for _, data in first}) == 30


def test_three_hundred_mutated_inputs_on_the_rules_path(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BADIA_SYNTAX", "0")  # the parse is spaCy's; this fuzzes badia's code
    result = _fuzz().run(seed=2026, count=300, budget=10.0)
    assert (result["crashes"], result["over_budget"]) == (0, 0), result["samples"]
    assert result["outcomes"]["ok"] > 100  # most inputs are still documents


def test_thirty_mutated_inputs_with_the_dependency_parse():
    result = _fuzz().run(seed=11, count=30, budget=10.0)
    assert (result["crashes"], result["over_budget"]) == (0, 0), result["samples"]
