"""What a format reader hands back: the parts of a ``Document`` it can know."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from badia.model import Infobox, Reference, Section


@dataclass
class Parsed:
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    published: date | None = None
    retrieved: date | None = None  # generation/retrieval date of a copy: never a story date
    references: list[Reference] = field(default_factory=list)
    infobox: Infobox | None = None
    text: str | None = None  # only when the reader builds its own text (HTML)
    warnings: list[str] = field(default_factory=list)  # what the reader could not tell
