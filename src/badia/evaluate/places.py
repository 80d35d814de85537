"""Evaluate toponym resolution on the gold events' location names.

Every gold event's ``locations`` is resolved with its quote, ``admin1`` and the
document as context; the figures are the share of names that resolve and the
share of resolved names (those with a sourced reference point in
``data/place_reference.csv``) that land within 25 km of it. A name resolves either to its
own record (a gazetteer point of that place) or to an anchor: no source places it, and the
text's relation puts it at another place ("X, overlooking Y", "the X area of Y", "X, near
Y"; ``where_prec`` 2, the relation kept); the two are counted apart. Names are also counted by
kind (``places.kinds``): a town, village, hill or facility should resolve; a line, river,
broad region or common-noun description has no single point and may not. Corpus
documents are read as ``badia extract`` reads them (``.txt`` or ``.md``).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from badia.model import Document, Event, Place
from badia.places import locate_events
from badia.places.admin import in_region
from badia.places.gazetteer import distance_km
from badia.places.kinds import PLACE, SITE, name_kind
from badia.places.normalise import fold

WITHIN_KM = 25.0
NAMED_KINDS = (PLACE, SITE)  # names a gazetteer should hold: settlements, hills, facilities


@dataclass
class PlaceEval:
    names: int = 0
    resolved: int = 0
    with_reference: int = 0
    within: int = 0
    named: int = 0  # names of kind "place" or "site": towns, villages, hills, facilities
    named_resolved: int = 0
    named_anchored: int = 0  # of named_resolved: placed at another place the text relates
    anchored: int = 0  # resolved names placed at an anchor (see ``anchored``)
    anchored_with_reference: int = 0  # of with_reference: placed at an anchor
    anchored_within: int = 0  # of within: placed at an anchor
    outside: int = 0  # resolved points outside Syria and its border areas (must stay 0)
    by_kind: Counter[str] = field(default_factory=Counter)  # names per kind
    missed_by_kind: Counter[str] = field(default_factory=Counter)  # unresolved per kind
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


def anchored(p: Place) -> bool:
    """Whether a resolved place stands at another place the text relates it to ("overlooking
    Y", "area of Y", "near Y", "10 km east of Y") rather than at its own record: its relation
    names something other than the place itself ("near al-Sukhnah" said of al-Sukhnah is
    the town's own point)."""
    return p.relation is not None and fold(p.name) not in fold(p.relation)


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


def _document(corpus_dir: Path, stem: str) -> Document | None:
    """The corpus document of a gold stem (``.txt`` or ``.md``), read as ``badia`` reads it."""
    from badia.read import read_path

    for suffix in (".txt", ".md"):
        path = Path(corpus_dir) / f"{stem}{suffix}"
        if path.exists():
            return read_path(path)
    return None


def evaluate_places(gold_dir: Path, corpus_dir: Path) -> PlaceEval:
    """Resolve the gold location names of every document that has gold events.

    Only the names are scored: events without a location (placed by the document's area)
    are not counted.
    """
    ref = reference_points()
    res = PlaceEval()
    for gold in sorted(Path(gold_dir).glob("*.events.jsonl")):
        doc = _document(corpus_dir, gold.name[: -len(".events.jsonl")])
        if doc is None:
            continue
        for ev in locate_events(_events(gold, doc), doc):
            if not ev.locations:
                continue
            for p in ev.places:
                kind = name_kind(p.name)
                named = kind in NAMED_KINDS
                res.names += 1
                res.by_kind[kind] += 1
                res.named += named
                if p.latitude is None or p.longitude is None:
                    res.unresolved.append((doc.name, p.name))
                    res.missed_by_kind[kind] += 1
                    continue
                res.resolved += 1
                res.named_resolved += named
                res.anchored += anchored(p)
                res.named_anchored += named and anchored(p)
                res.outside += not in_region(p.latitude, p.longitude)
                if p.name in ref:
                    res.with_reference += 1
                    res.anchored_with_reference += anchored(p)
                    d = distance_km(p.latitude, p.longitude, *ref[p.name])
                    if d <= WITHIN_KM:
                        res.within += 1
                        res.anchored_within += anchored(p)
                    else:
                        res.far.append((p.name, round(d, 1)))
    return res


def report(res: PlaceEval, title: str | None = None) -> str:
    lines = [f"== {title}"] if title else []
    lines += [
        f"location names: {res.names}",
        f"resolved: {res.resolved} ({res.resolved_share:.1%})",
        f"populated places and sites: {res.named}; resolved: "
        f"{res.named_resolved} ({res.named_share:.1%}): to their own record "
        f"{res.named_resolved - res.named_anchored}, to an anchor the text relates them to "
        f"{res.named_anchored}",
        f"with reference point: {res.with_reference}; within {WITHIN_KM:.0f} km: "
        f"{res.within} ({res.within_share:.1%}); of those placed at an anchor: "
        f"{res.anchored_within} of {res.anchored_with_reference}",
        f"outside Syria and its border areas: {res.outside}",
        "misses by kind: " + (", ".join(
            f"{k} {res.missed_by_kind[k]}/{n}" for k, n in sorted(res.by_kind.items())) or "-"),
    ]
    if res.far:
        lines.append("farther than 25 km: " + ", ".join(f"{n} ({d} km)" for n, d in res.far))
    if res.unresolved:
        lines.append("unresolved (document, kind of name, name):")
        lines += [f"  {d}\t{name_kind(n)}\t{n}" for d, n in sorted(set(res.unresolved))]
    return "\n".join(lines)
