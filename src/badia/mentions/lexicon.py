"""Loading lexicon files (package data, or a user's own file) once per process.

Lexicons are data: the code only reads them. A user file in the same layout adds
entries; it never silently replaces a packaged one with a different side (the
user's entry wins, and that is the documented way to correct a side).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA_PACKAGE = "badia.data"


def load_yaml(name: str) -> dict[str, Any]:
    """Load a packaged YAML data file by name."""
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@cache
def packaged(name: str) -> dict[str, Any]:
    return load_yaml(name)


def load_user_file(path: str | Path) -> dict[str, Any]:
    """A user's lexicon file, e.g. ``--actors my_actors.yaml``."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}
