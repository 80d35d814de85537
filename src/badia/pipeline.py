"""The whole flow for one document, and the corpus runner.

This module and ``cli`` are the only places that know every stage; each stage
only reads the records of the stages before it (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from badia.budget import DEFAULT_SECONDS, OverBudget, time_budget
from badia.errors import BadiaError, ExtractError, describe
from badia.events import build_events
from badia.mentions.actors import ActorLexicon, lexicon_with
from badia.mentions.lexicon import load_user_file
from badia.mentions.triggers import find_triggers
from badia.model import SIDES, Document, Extraction
from badia.places import locate_events, resolver
from badia.read import read_path, read_text
from badia.syntax import parse_document, parser_available, syntax_enabled


def extract_document(
    document: Document,
    actors: ActorLexicon | None = None,
    *,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Extraction:
    """structure (done by the reader) -> syntax -> mentions -> time -> events -> places.

    ``actors``: an actor lexicon with a user's own entries (``load_actor_lexicon``).
    The syntax stage parses only the sentences that carry a trigger (none when
    ``BADIA_SYNTAX=0`` or the model is missing: the rules-only path).
    ``time_limit``: seconds the document may take (``None``: no budget).
    Raises ``ExtractError`` naming ``document.source`` when a stage fails inside or the
    budget runs out (the original exception is its ``__cause__``), nothing else.
    """
    _load_shared_data()  # once per process, not charged to the first document's budget
    try:
        with time_budget(time_limit):
            parses = parse_document(document, _tells_an_action)
            events, tallies = build_events(document, actors, parses)
            events = locate_events(events, document)
    except OverBudget as exc:
        raise ExtractError(
            document.source, f"took over {exc.seconds:g} s to extract (time budget)"
        ) from exc
    except Exception as exc:  # a stage failing inside is this document's error
        raise ExtractError(document.source, f"extraction failed ({describe(exc)})") from exc
    return Extraction(document=document, events=events, tallies=tallies)


def _tells_an_action(sentence: str) -> bool:
    return bool(find_triggers(sentence))


def _load_shared_data() -> None:
    """The dependency-parse model and the gazetteer (each loaded once per process)."""
    if syntax_enabled():
        parser_available()
    resolver()


def extract(
    path: str | Path,
    *,
    fmt: str | None = None,
    actors: ActorLexicon | None = None,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Extraction:
    """Extract events and tallies from one file (for a text, use ``extract_text``).

    ``path``: a document file in any format ``badia.read`` knows (detected, or forced
    with ``fmt``). ``actors``: an actor lexicon with a user's own entries
    (``load_actor_lexicon``).

    Returns an ``Extraction``: ``.document`` (the ``Document`` with its text, sections
    and infobox), ``.events`` (``Event`` records: ISO dates, ``type``, ``side1``/
    ``side2``, actors, ``locations`` and geocoded ``places`` in WGS84 degrees,
    ``fatalities`` as counts of people, ``quote`` with its ``start``/``end`` character
    offsets into ``document.text``) and ``.tallies`` (aggregate killed counts).

    Raises ``FileNotFoundError`` when ``path`` names no file (a typo is never taken
    for a text), ``IsADirectoryError`` for a folder (use ``badia.read.iter_read`` and
    ``extract_all``), ``ReadError`` when the file is empty, binary, too large or
    malformed, ``ExtractError`` when extraction fails inside; ``time_limit`` (seconds per
    stage, ``None``: none) bounds reading and extracting, over it is a ``BadiaError`` too.
    A string that is plainly a text (words, no file suffix) still works for now, with
    a ``DeprecationWarning``.
    """
    if isinstance(path, str) and not _names_a_file(path) and not _looks_like_a_path(path):
        warnings.warn(
            "badia.extract(text) is deprecated: call badia.extract_text(text)",
            DeprecationWarning,
            stacklevel=2,
        )
        return extract_text(path, fmt=fmt, actors=actors, time_limit=time_limit)
    file = Path(path)
    if file.is_dir():
        raise IsADirectoryError(f"{file} is a folder; read it with badia.read.iter_read")
    if not file.is_file():
        raise FileNotFoundError(
            f"no file {str(file)!r}; to extract from a text, call badia.extract_text(text)"
        )
    document = read_path(file, fmt=fmt, time_limit=time_limit)
    return extract_document(document, actors, time_limit=time_limit)


def extract_text(
    text: str,
    *,
    name: str = "<text>",
    fmt: str | None = None,
    actors: ActorLexicon | None = None,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Extraction:
    """Extract events and tallies from a document given as a string.

    ``name`` is the document's name in the outputs (``Event.doc``); ``fmt`` forces the
    format (else detected from the text); ``actors`` as in ``extract``. Returns an
    ``Extraction`` as ``extract`` does; offsets point into ``text`` as given.
    Raises ``ReadError`` for an empty, oversized or malformed text (lone surrogates are
    read as U+FFFD), ``ExtractError`` as ``extract`` does, and ``ValueError`` for an
    unknown ``fmt``.
    """
    document = read_text(text, name=name, fmt=fmt, time_limit=time_limit)
    return extract_document(document, actors, time_limit=time_limit)


_FILE_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}")


def _names_a_file(value: str) -> bool:
    if "\n" in value or len(value) >= 4096:
        return False
    try:  # a NUL or a lone surrogate makes it a text, not a path
        return Path(value).is_file()
    except (OSError, ValueError):
        return False


def _looks_like_a_path(value: str) -> bool:
    """One short line with a folder separator or a file suffix: a path, even if mistyped."""
    if "\n" in value or len(value) > 1024:
        return False
    stripped = value.strip()
    if "/" in stripped or "\\" in stripped:
        return True
    return bool(_FILE_SUFFIX.fullmatch(Path(stripped).suffix))


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
