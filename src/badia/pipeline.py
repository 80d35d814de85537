"""The whole flow for one document, and the corpus runner.

This module and ``cli`` are the only places that know every stage; each stage
only reads the records of the stages before it (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from badia.events import build_events
from badia.model import Document, Extraction
from badia.places import locate_events
from badia.read import read_path, read_text


def extract_document(document: Document) -> Extraction:
    """structure (done by the reader) -> mentions -> time -> events -> places."""
    events, tallies = build_events(document)
    events = locate_events(events, document)
    return Extraction(document=document, events=events, tallies=tallies)


def extract(
    text_or_path: str | Path, *, name: str | None = None, fmt: str | None = None
) -> Extraction:
    """Extract events and tallies from a path or from a text.

    A ``Path`` (or a string naming an existing file) is read from disk; any other
    string is taken as the document text itself.
    """
    if isinstance(text_or_path, Path) or (
        "\n" not in text_or_path and len(text_or_path) < 4096 and Path(text_or_path).is_file()
    ):
        document = read_path(Path(text_or_path), fmt=fmt)
    else:
        document = read_text(text_or_path, name=name or "<text>", fmt=fmt)
    return extract_document(document)


def extract_all(documents: Iterable[Document]) -> Iterator[Extraction]:
    """Map ``extract_document`` over documents (one at a time: stages keep no state)."""
    for document in documents:
        yield extract_document(document)
