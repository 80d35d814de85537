"""The whole flow for one document, and the corpus runner.

This module and ``cli`` are the only places that know every stage; each stage
only reads the records of the stages before it (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from badia.budget import DEFAULT_SECONDS, OverBudget, time_budget
from badia.errors import BadiaError, ExtractError, describe
from badia.events import build_events
from badia.mentions.actors import ActorLexicon, lexicon_with
from badia.mentions.lexicon import load_user_file
from badia.model import SIDES, Document, Extraction
from badia.places import locate_events
from badia.read import read_path, read_text


def extract_document(
    document: Document,
    actors: ActorLexicon | None = None,
    *,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Extraction:
    """structure (done by the reader) -> mentions -> time -> events -> places.

    ``actors``: an actor lexicon with a user's own entries (``load_actor_lexicon``).
    ``time_limit``: seconds the document may take (``None``: no budget).
    Raises ``ExtractError`` naming ``document.source`` when a stage fails inside or the
    budget runs out (the original exception is its ``__cause__``), nothing else.
    """
    try:
        with time_budget(time_limit):
            events, tallies = build_events(document, actors)
            events = locate_events(events, document)
    except OverBudget as exc:
        raise ExtractError(
            document.source, f"took over {exc.seconds:g} s to extract (time budget)"
        ) from exc
    except Exception as exc:  # a stage failing inside is this document's error
        raise ExtractError(document.source, f"extraction failed ({describe(exc)})") from exc
    return Extraction(document=document, events=events, tallies=tallies)


def extract(
    text_or_path: str | Path,
    *,
    name: str | None = None,
    fmt: str | None = None,
    actors: ActorLexicon | None = None,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Extraction:
    """Extract events and tallies from a path or from a text.

    A ``Path`` (or a string naming an existing file) is read from disk; any other
    string is taken as the document text itself. Raises a ``badia.errors.BadiaError``
    only: ``ReadError`` (the input cannot be read) or ``ExtractError``.
    """
    if isinstance(text_or_path, Path) or (
        "\n" not in text_or_path and len(text_or_path) < 4096 and _is_file(text_or_path)
    ):
        document = read_path(Path(text_or_path), fmt=fmt, time_limit=time_limit)
    else:
        document = read_text(text_or_path, name=name or "<text>", fmt=fmt, time_limit=time_limit)
    return extract_document(document, actors, time_limit=time_limit)


def _is_file(text: str) -> bool:
    """Whether a short one-line string names an existing file (a lone surrogate or a NUL
    makes it text, not a path)."""
    try:
        return Path(text).is_file()
    except (OSError, ValueError, UnicodeError):
        return False


def extract_all(
    documents: Iterable[Document],
    actors: ActorLexicon | None = None,
    *,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Iterator[Extraction | BadiaError]:
    """Map ``extract_document`` over documents (one at a time: stages keep no state).

    Batch mode: a document that fails is yielded as its ``ExtractError`` record and the
    batch goes on.
    """
    for document in documents:
        try:
            yield extract_document(document, actors, time_limit=time_limit)
        except BadiaError as exc:
            yield exc


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
