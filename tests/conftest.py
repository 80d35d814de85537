"""Shared fixtures: the read-only reference folder ``../shared`` next to the repository, and
the dependency-parse path switched on for one test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``<repo>/../shared``; tests that need it are skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"reference folder {SHARED} is absent (seeds, gold and guidelines live there)")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths(shared_dir: Path) -> dict[str, Path]:
    """The seed documents keyed by their three-digit prefix ("000" ... "004")."""
    seeds = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip(f"no seed documents in {shared_dir / 'corpus' / 'seeds'}")
    return {p.name[:3]: p for p in seeds}


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def parse_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dependency-parse path, whatever ``BADIA_SYNTAX`` the run was started with."""
    monkeypatch.setenv("BADIA_SYNTAX", "1")
