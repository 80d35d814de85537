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
        return self.unique(safe_stem(document), document.source, document.id)

    def unique(self, stem: str, source: str, doc_id: str) -> str:
        """``stem`` if no other input of the run has it, else a stable variant of it."""
        owner = (source, doc_id)
        suffixed = f"{stem}~{hashlib.sha256(source.encode()).hexdigest()[:8]}"
        candidates = [stem, suffixed, *(f"{suffixed}-{n}" for n in range(2, 10_000))]
        for candidate in candidates:
            if self._owner.setdefault(candidate.casefold(), owner) == owner:
                return candidate
        raise RuntimeError("more than 10,000 inputs share one name")

    def rename(self, files: dict[str, str], stem: str, source: str, doc_id: str) -> dict[str, str]:
        """``render_extraction``'s files (named ``<stem>.*``) under the run's unique stem."""
        unique = self.unique(stem, source, doc_id)
        return {unique + name[len(stem) :]: content for name, content in files.items()}


def render_extraction(extraction: Extraction) -> dict[str, str]:
    """File name -> content of ``<stem>.events.jsonl``, ``.tallies.jsonl`` and ``.infobox.json``.

    Pure (no disk), so worker processes render and one process writes.
    """
    stem = safe_stem(extraction.document)
    files = {
        f"{stem}.events.jsonl": "".join(
            json.dumps(event_json(e), ensure_ascii=False) + "\n" for e in extraction.events
        ),
        f"{stem}.tallies.jsonl": "".join(
            json.dumps(tally_json(t), ensure_ascii=False) + "\n" for t in extraction.tallies
        ),
    }
    infobox = extraction.document.infobox
    if infobox is not None:
        from badia.structure.infobox import infobox_to_gold_json

        files[f"{stem}.infobox.json"] = (
            json.dumps(infobox_to_gold_json(infobox), ensure_ascii=False, indent=1) + "\n"
        )
    return files


def write_rendered(files: dict[str, str], out_dir: Path) -> list[Path]:
    """Write ``render_extraction``'s files into ``out_dir`` (each atomically)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [_atomic_write(out_dir / name, content) for name, content in files.items()]


def write_extraction(
    extraction: Extraction, out_dir: Path, names: OutputNames | None = None
) -> list[Path]:
    """``<stem>.events.jsonl``, ``<stem>.tallies.jsonl`` and ``<stem>.infobox.json``.

    ``names``: the run's ``OutputNames``, so inputs that share a file name do not
    overwrite each other's files (without it the stem is ``safe_stem``). Files are written
    to a temporary name and renamed, so a crash never leaves half a file; they are
    readable by all (0644 under the usual umask).
    """
    files = render_extraction(extraction)
    if names is not None:
        document = extraction.document
        files = names.rename(files, safe_stem(document), document.source, document.id)
    return write_rendered(files, out_dir)


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
