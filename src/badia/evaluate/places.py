"""Evaluate toponym resolution on the gold events' location names.

Every gold event's ``locations`` is resolved with its quote, ``admin1`` and the
document as context; the figures are the share of names that resolve and the
share of resolved names (those with a sourced reference point in
``data/place_reference.csv``) that land within 25 km of it. Names are also counted by
kind (``places.kinds``): a town, village or feature should resolve; a line, river,
broad region or common-noun description has no single point and may not.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from badia.model import Document, Event
from badia.places import locate_events
from badia.places.gazetteer import distance_km
from badia.places.kinds import PLACE, name_kind

WITHIN_KM = 25.0


@dataclass
class PlaceEval:
    names: int = 0
    resolved: int = 0
    with_reference: int = 0
    within: int = 0
    named: int = 0  # names of kind "place": towns, villages, features
    named_resolved: int = 0
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (doc, name)
    far: list[tuple[str, float]] = field(default_factory=list)  # (name, km)

    @property
    def resolved_share(self) -> float:
        return self.resolved / self.names if self.names else 0.0

    @property
    def named_share(self) -> float:
        return self.named_resolved / self.named if self.named else 0.0

    @property
    def within_share(self) -> float:
        return self.within / self.with_reference if self.with_reference else 0.0


def reference_points() -> dict[str, tuple[float, float]]:
    raw = resources.files("badia.data").joinpath("place_reference.csv").read_text("utf-8")
    return {r["name"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(io.StringIO(raw))}


def _events(gold_file: Path, doc: Document) -> list[Event]:
    out = []
    for i, line in enumerate(gold_file.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        g = json.loads(line)
        start = doc.text.find(g["quote"])
        out.append(Event(
            id=f"{doc.id}:{max(start, 0)}:{i}", doc=doc.name, doc_id=doc.id, quote=g["quote"],
            start=max(start, 0), end=max(start, 0) + len(g["quote"]), date_start=None,
            date_end=None, date_precision=None, type=g.get("type", "other"),
            locations=g.get("locations") or [], admin1=g.get("admin1"),
        ))
    return out


def evaluate_places(gold_dir: Path, corpus_dir: Path) -> PlaceEval:
    """Resolve the gold location names of every document that has gold events."""
    ref = reference_points()
    res = PlaceEval()
    for gold in sorted(Path(gold_dir).glob("*.events.jsonl")):
        stem = gold.name[: -len(".events.jsonl")]
        txt = Path(corpus_dir) / f"{stem}.txt"
        if not txt.exists():
            continue
        doc = Document(id=stem, source=str(txt), name=txt.name, format="text",
                       text=txt.read_text(encoding="utf-8"))
        for ev in locate_events(_events(gold, doc), doc):
            for p in ev.places:
                res.names += 1
                named = name_kind(p.name) == PLACE
                res.named += named
                if p.latitude is None or p.longitude is None:
                    res.unresolved.append((doc.name, p.name))
                    continue
                res.resolved += 1
                res.named_resolved += named
                if p.name in ref:
                    res.with_reference += 1
                    d = distance_km(p.latitude, p.longitude, *ref[p.name])
                    if d <= WITHIN_KM:
                        res.within += 1
                    else:
                        res.far.append((p.name, round(d, 1)))
    return res


def report(res: PlaceEval) -> str:
    lines = [
        f"location names: {res.names}",
        f"resolved: {res.resolved} ({res.resolved_share:.1%})",
        f"named places (towns, villages, features): {res.named}; resolved: "
        f"{res.named_resolved} ({res.named_share:.1%})",
        f"with reference point: {res.with_reference}; within {WITHIN_KM:.0f} km: "
        f"{res.within} ({res.within_share:.1%})",
    ]
    if res.far:
        lines.append("farther than 25 km: " + ", ".join(f"{n} ({d} km)" for n, d in res.far))
    if res.unresolved:
        lines.append("unresolved (document, kind of name, name):")
        lines += [f"  {d}\t{name_kind(n)}\t{n}" for d, n in sorted(set(res.unresolved))]
    return "\n".join(lines)
