"""Stage 1, read: any supported format -> one ``Document`` (raw text kept, offsets into it)."""

from __future__ import annotations

from pathlib import Path

from badia.model import Document


def read_path(path: Path, fmt: str | None = None) -> Document:
    raise NotImplementedError


def read_text(text: str, name: str, fmt: str | None = None) -> Document:
    raise NotImplementedError
