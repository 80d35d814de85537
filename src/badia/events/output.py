"""Writing one document's extraction in the gold layout (GUIDELINES section 4)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from badia.model import Event, Extraction, Tally

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


def render_extraction(extraction: Extraction) -> dict[str, str]:
    """File name -> content of ``<stem>.events.jsonl``, ``.tallies.jsonl`` and ``.infobox.json``.

    Pure (no disk), so worker processes render and one process writes.
    """
    stem = Path(extraction.document.name).stem or extraction.document.id
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


def write_extraction(extraction: Extraction, out_dir: Path) -> list[Path]:
    """``<stem>.events.jsonl``, ``<stem>.tallies.jsonl`` and ``<stem>.infobox.json``.

    Files are written to a temporary name and renamed, so a crash never leaves half a file.
    """
    return write_rendered(render_extraction(extraction), out_dir)


def _atomic_write(path: Path, content: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.replace(tmp, path)
    return path
