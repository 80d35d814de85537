"""The whole flow for one document, and the corpus runner.

This module and ``cli`` are the only places that know every stage; each stage
only reads the records of the stages before it (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from badia.events import build_events
from badia.mentions.actors import ActorLexicon, lexicon_with
from badia.mentions.lexicon import load_user_file
from badia.mentions.triggers import find_triggers
from badia.model import SIDES, Document, Extraction
from badia.places import locate_events
from badia.read import read_path, read_text
from badia.syntax import parse_document


def extract_document(document: Document, actors: ActorLexicon | None = None) -> Extraction:
    """structure (done by the reader) -> syntax -> mentions -> time -> events -> places.

    ``actors``: an actor lexicon with a user's own entries (``load_actor_lexicon``).
    The syntax stage parses only the sentences that carry a trigger (none when
    ``BADIA_SYNTAX=0`` or the model is missing: the rules-only path).
    """
    parses = parse_document(document, _tells_an_action)
    events, tallies = build_events(document, actors, parses)
    events = locate_events(events, document)
    return Extraction(document=document, events=events, tallies=tallies)


def _tells_an_action(sentence: str) -> bool:
    return bool(find_triggers(sentence))


def extract(
    text_or_path: str | Path,
    *,
    name: str | None = None,
    fmt: str | None = None,
    actors: ActorLexicon | None = None,
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
    return extract_document(document, actors)


def extract_all(
    documents: Iterable[Document], actors: ActorLexicon | None = None
) -> Iterator[Extraction]:
    """Map ``extract_document`` over documents (one at a time: stages keep no state)."""
    for document in documents:
        yield extract_document(document, actors)


def load_actor_lexicon(path: str | Path) -> ActorLexicon:
    """The packaged actor lexicon plus a user's YAML file of the same layout.

    Raises ``ValueError`` naming the file and the entry when an entry is malformed.
    """
    data = load_user_file(path)
    entries = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a top-level 'actors:' list")
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValueError(f"{path}: actor #{i} needs a 'name'")
        if entry.get("side") not in SIDES:
            raise ValueError(
                f"{path}: actor {entry['name']!r} has side {entry.get('side')!r}; "
                f"one of: {', '.join(SIDES)}"
            )
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"{path}: actor {entry['name']!r}: 'aliases' must be a list of names")
    return lexicon_with(entries)
