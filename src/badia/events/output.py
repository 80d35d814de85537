"""Writing one document's extraction in the gold layout (GUIDELINES section 4)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from badia.model import Document, Event, Extraction, Tally

_EVENT_FIELDS = (
    "doc",
    "quote",
    "start",
    "end",
    "date_start",
    "date_end",
    "date_precision",
    "type",
    "actor1",
    "side1",
    "actor2",
    "side2",
    "locations",
    "admin1",
    "fatalities",
    "source",
)


def event_json(event: Event) -> dict:
    """The gold fields first, then what badia adds (ids, ACLED types, coordinates, wounded)."""
    data = event.model_dump(mode="json")
    ordered = {k: data[k] for k in _EVENT_FIELDS}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    return ordered


def tally_json(tally: Tally) -> dict:
    return tally.model_dump(mode="json")


# Characters a file name must not hold: controls, bidi overrides (they make "gnp.exe" show
# as "exe.png"), and what shells and other systems treat specially.
_UNSAFE_IN_NAME = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069/\\\\:*?\"<>|]"
)


def safe_stem(document: Document) -> str:
    """The document's file-name stem with unsafe characters replaced by ``_`` (its id when
    nothing is left). Never a path: only the last part of the name is used."""
    stem = _UNSAFE_IN_NAME.sub("_", Path(Path(document.name).name).stem).strip(" .")
    return stem[:120] or document.id


class OutputNames:
    """One stem per input for a run's output files, unique within the run.

    Two inputs with the same file name in different folders (or two JSONL records with
    the same id) would write the same ``<stem>.events.jsonl``: the first keeps the plain
    stem (the gold layout pairs it with the corpus file), each later one gets
    ``<stem>~<8 hex of its source path>``, stable from run to run. The same input given
    twice keeps one name.
    """

    def __init__(self) -> None:
        self._owner: dict[str, tuple[str, str]] = {}  # stem -> (source, document id)

    def stem_for(self, document: Document) -> str:
        owner = (document.source, document.id)
        base = safe_stem(document)
        candidates = [base, f"{base}~{hashlib.sha256(document.source.encode()).hexdigest()[:8]}"]
        candidates += [f"{candidates[1]}-{n}" for n in range(2, 10_000)]
        for stem in candidates:
            if self._owner.setdefault(stem.casefold(), owner) == owner:
                return stem
        raise RuntimeError("more than 10,000 inputs share one name")


def write_extraction(
    extraction: Extraction, out_dir: Path, names: OutputNames | None = None
) -> list[Path]:
    """``<stem>.events.jsonl``, ``<stem>.tallies.jsonl`` and ``<stem>.infobox.json``.

    ``names``: the run's ``OutputNames``, so inputs that share a file name do not
    overwrite each other's files (without it the stem is ``safe_stem``). Files are written
    to a temporary name and renamed, so a crash never leaves half a file; they are
    readable by all (0644 under the usual umask).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    document = extraction.document
    stem = names.stem_for(document) if names is not None else safe_stem(document)
    written = [
        _atomic_write(
            out_dir / f"{stem}.events.jsonl",
            "".join(
                json.dumps(event_json(e), ensure_ascii=False) + "\n" for e in extraction.events
            ),
        ),
        _atomic_write(
            out_dir / f"{stem}.tallies.jsonl",
            "".join(
                json.dumps(tally_json(t), ensure_ascii=False) + "\n" for t in extraction.tallies
            ),
        ),
    ]
    infobox = extraction.document.infobox
    if infobox is not None:
        from badia.structure.infobox import infobox_to_gold_json

        written.append(
            _atomic_write(
                out_dir / f"{stem}.infobox.json",
                json.dumps(infobox_to_gold_json(infobox), ensure_ascii=False, indent=1) + "\n",
            )
        )
    return written


def _atomic_write(path: Path, content: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a result file is for reading
    os.replace(tmp, path)
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
