"""The one set of read queries behind both the HTML report and the API.

Every function takes a :class:`Dataset` (a snapshot of the store) and returns plain
dicts and lists that ``json.dumps`` accepts, so the report embeds exactly what the
API serves. Merge outputs are optional: when the merge stage has not run (or its
module is not installed), the merge-backed queries say so instead of failing.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from badia.merge.events import merge_events, tellings
from badia.merge.records import MergedEvent
from badia.model import SIDES, Document, Event, Infobox, Tally

NOT_COMPUTED = "not computed — run `badia merge`"
MAX_LIMIT = 1000
DEFAULT_LIMIT = 100

# A run of citation markers such as " [12][a]" right after a sentence belongs to it.
_TRAILING_CITATIONS = re.compile(r"(?:\s*[.,;:]?\s*\[[^\[\]\n]{1,20}\])*")


# --------------------------------------------------------------------- snapshot


@dataclasses.dataclass
class Dataset:
    """Everything the views read, loaded once from a store."""

    documents: list[Document]
    events: list[Event]
    tallies: list[Tally]
    infoboxes: list[tuple[str, str, Infobox]]
    merged: dict[str, Any] = dataclasses.field(default_factory=dict)
    merge_errors: dict[str, str] = dataclasses.field(default_factory=dict)
    # One row per real event (``None``: merged here from ``events``), and why the saved
    # merge was not used when it was not (see ``badia.store.merged.MergeState``).
    merged_events: list[MergedEvent] | None = None
    merge_note: str | None = None

    def __post_init__(self) -> None:
        self._docs = {d.id: d for d in self.documents}
        self._events = {e.id: e for e in self.events}
        self._events_per_doc = Counter(e.doc_id for e in self.events)
        if self.merged_events is None:
            self.merged_events = merge_events(self.events)
        self._tellings: list[MergedEvent] | None = None

    def event_count(self, doc_id: str) -> int:
        """Events stored for one document (counted once per snapshot, not per call)."""
        return self._events_per_doc[doc_id]

    def rows(self, tellings_only: bool = False) -> list[MergedEvent]:
        """The merged events, or with ``tellings_only`` one row per document's telling."""
        if not tellings_only:
            return self.merged_events or []
        if self._tellings is None:
            self._tellings = tellings(self.events)
        return self._tellings

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)


def jsonable(value: Any) -> Any:
    """Turn records of any kind (pydantic, dataclass, date, tuple) into JSON values."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


_MERGE_PARTS = ("merged_events", "claims", "casualties", "control", "order_of_battle")


def _load_merged(store: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """The saved merge outputs; none saved yet reads as "not computed", not as an error."""
    from badia.store.merged import has_merge, load_merge

    if not has_merge(store):
        return {}, dict.fromkeys(_MERGE_PARTS, "no merge saved in this store")
    result = jsonable(load_merge(store))
    return {k: v for k, v in result.items() if k in _MERGE_PARTS and v}, {}


def load_dataset(store: Any) -> Dataset:
    """Snapshot a store (anything with the ``Store`` read methods) into memory."""
    from badia.store.merged import merged_view

    merged, errors = _load_merged(store)
    rows, state = merged_view(store)
    return Dataset(
        documents=list(store.documents()),
        events=list(store.events()),
        tallies=list(store.tallies()),
        infoboxes=list(store.infoboxes()),
        merged=merged,
        merge_errors=errors,
        merged_events=rows,
        merge_note=state.message(),
    )


def open_store_read_only(db_path: str | Path) -> Any:
    """Open the DuckDB store read-only (the views never write)."""
    from badia.store import Store

    return Store(str(db_path), read_only=True)


def load_dataset_from_path(db_path: str | Path) -> Dataset:
    """Open the store file read-only, snapshot it and close it again."""
    path = Path(db_path)
    if not path.exists():
        raise FileNotFoundError(f"no store at {path}")
    with open_store_read_only(path) as store:
        return load_dataset(store)


# --------------------------------------------------------------------- events


def _point(event: Event) -> tuple[float, float] | None:
    for place in event.places:
        if place.latitude is not None and place.longitude is not None:
            return place.latitude, place.longitude
    return None


def killed_total(event: Event) -> int:
    """Killed over all sides, taking each side's largest claim (sources overlap)."""
    best: dict[str, int] = {}
    for fat in event.fatalities:
        best[fat.side] = max(best.get(fat.side, 0), fat.killed)
    return sum(best.values())


def event_citations(event: Event, doc: Document | None) -> list[dict[str, Any]]:
    """Citation markers inside the event's span or right after it, with their references."""
    if doc is None:
        return []
    tail = _TRAILING_CITATIONS.match(doc.text, event.end)
    stop = tail.end() if tail else event.end
    refs = {r.number: r.text for r in doc.references}
    out = []
    for sec in doc.sections:
        if sec.end < event.start or sec.start > stop:
            continue
        for par in sec.paragraphs:
            for cit in par.citations:
                if event.start <= cit.start < stop:
                    out.append(
                        {
                            "marker": cit.marker,
                            "ref_number": cit.ref_number,
                            "reference": refs.get(cit.ref_number)
                            if cit.ref_number is not None
                            else None,
                        }
                    )
    return out


def _what_when_where(event: Event | MergedEvent) -> dict[str, Any]:
    """The fields an event and a merged event share, JSON-ready."""
    point = _point(event)  # type: ignore[arg-type]
    return {
        "date_start": event.date_start.isoformat() if event.date_start else None,
        "date_end": event.date_end.isoformat() if event.date_end else None,
        "date_precision": event.date_precision,
        **{k: getattr(event, k) for k in ("type", "actor1", "side1", "actor2", "side2")},
        "locations": event.locations,
        "admin1": event.admin1,
        "lat": point[0] if point else None,
        "lon": point[1] if point else None,
        "fatalities": [f.model_dump(mode="json") for f in event.fatalities],
    }


def event_summary(event: Event, ds: Dataset) -> dict[str, Any]:
    """The flat event row the table, map and API list share."""
    doc = ds.document(event.doc_id)
    return {
        "id": event.id,
        "doc_id": event.doc_id,
        "doc": event.doc,
        "doc_title": doc.title if doc else None,
        **_what_when_where(event),
        "killed": killed_total(event),
        "source": event.source,
        "quote": event.quote,
        "start": event.start,
        "end": event.end,
        "citations": event_citations(event, doc),
    }


def merged_summary(m: MergedEvent, ds: Dataset) -> dict[str, Any]:
    """The row of one real event: the first telling's fields for the table's document,
    quote and citations, the merged fields otherwise, and every telling under
    ``sources`` (document, quote, span, claimant). ``killed`` is the most conservative
    claim per side, summed (ACLED's rule), so tellings of one event are not added up."""
    from badia.store.export import conservative_fatalities

    first = ds.event(m.sources[0].event_id)
    base = event_summary(first, ds) if first is not None else {}
    sources = []
    for s in m.sources:
        doc = ds.document(s.doc_id)
        sources.append(
            {
                "event_id": s.event_id,
                "doc_id": s.doc_id,
                "doc": s.doc,
                "doc_title": doc.title if doc else None,
                "quote": s.quote,
                "start": s.start,
                "end": s.end,
                "claimant": s.source,
                "type": s.type,
                "date_start": s.date_start.isoformat() if s.date_start else None,
                "date_end": s.date_end.isoformat() if s.date_end else None,
            }
        )
    return {
        **base,
        "id": m.id,
        "doc_id": m.sources[0].doc_id,
        "doc": m.sources[0].doc,
        "quote": m.sources[0].quote,
        **_what_when_where(m),
        "killed": conservative_fatalities(m),
        "source": "; ".join(dict.fromkeys(s.source for s in m.sources if s.source)) or None,
        "documents": m.documents,
        "n_tellings": len(m.sources),
        "sources": sources,
    }


def _place_names(event: Event | MergedEvent) -> Iterable[str]:
    yield from event.locations
    for place in event.places:
        yield place.name
        if place.admin1:
            yield place.admin1
    if event.admin1:
        yield event.admin1


def _split(value: str | None) -> set[str] | None:
    if not value:
        return None
    return {v.strip() for v in value.split(",") if v.strip()} or None


def filter_events(
    ds: Dataset,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    type: str | None = None,  # noqa: A002  (the API's parameter name)
    side: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    doc: str | None = None,
    tellings: bool = False,
) -> list[MergedEvent]:
    """Merged events (with ``tellings``: one row per telling) matching every given
    filter, in date order (undated last).

    Dates match when the event's interval overlaps ``[date_from, date_to]``;
    ``type`` and ``side`` take comma-separated lists; ``actor`` and ``place`` are
    case-insensitive substrings; ``doc`` is the id or file name of a document that tells
    the event.
    """
    types, sides = _split(type), _split(side)
    actor_q = actor.casefold() if actor else None
    place_q = place.casefold() if place else None
    out = []
    for ev in ds.rows(tellings):
        if types and ev.type not in types:
            continue
        if sides and ev.side1 not in sides and ev.side2 not in sides:
            continue
        if doc and not any(doc in (s.doc_id, s.doc) for s in ev.sources):
            continue
        if date_from or date_to:
            start = ev.date_start or ev.date_end
            end = ev.date_end or ev.date_start
            if start is None or end is None:
                continue
            if date_from and end < date_from:
                continue
            if date_to and start > date_to:
                continue
        if actor_q and not any(actor_q in a.casefold() for a in ev.actor1 + ev.actor2):
            continue
        if place_q and not any(place_q in p.casefold() for p in _place_names(ev)):
            continue
        out.append(ev)
    return out


def list_events(
    ds: Dataset, *, limit: int = DEFAULT_LIMIT, offset: int = 0, **filters: Any
) -> dict[str, Any]:
    """One page of filtered merged events (``tellings=True``: tellings) with the total."""
    matched = filter_events(ds, **filters)
    page = matched[offset : offset + limit]
    return {
        "total": len(matched),
        "limit": limit,
        "offset": offset,
        "merge_note": ds.merge_note,
        "items": [merged_summary(m, ds) for m in page],
    }


def get_event(ds: Dataset, event_id: str) -> dict[str, Any] | None:
    """One merged event (by its ``m:`` id) or one telling (by its event id), full."""
    for m in ds.rows():
        if m.id == event_id:
            return {**m.model_dump(mode="json"), **merged_summary(m, ds)}
    ev = ds.event(event_id)
    if ev is None:
        return None
    return {**ev.model_dump(mode="json"), **event_summary(ev, ds)}


# --------------------------------------------------------------------- documents, tallies


def document_summary(doc: Document, ds: Dataset) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "title": doc.title,
        "format": doc.format,
        "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "chars": len(doc.text),
        "events": ds.event_count(doc.id),
    }


def list_documents(ds: Dataset) -> list[dict[str, Any]]:
    return [document_summary(d, ds) for d in sorted(ds.documents, key=lambda d: d.name)]


def get_document(ds: Dataset, doc_id: str) -> dict[str, Any] | None:
    """A document's summary with its text, references and infobox."""
    doc = ds.document(doc_id)
    if doc is None:
        return None
    return {
        **document_summary(doc, ds),
        "text": doc.text,
        "references": [r.model_dump(mode="json") for r in doc.references],
        "infobox": doc.infobox.model_dump(mode="json") if doc.infobox else None,
    }


def list_tallies(ds: Dataset) -> list[dict[str, Any]]:
    rows = [t.model_dump(mode="json") for t in ds.tallies]
    rows.sort(key=lambda t: (t["period_start"] or "", t["doc"], t["start"]))
    return rows


# --------------------------------------------------------------------- casualties


def casualties_by_claimant(ds: Dataset) -> list[dict[str, Any]]:
    """Killed per side and claimant, summed over merged events: a claimant's figure for
    one real event counts once however many documents repeat it (its largest, as a toll
    is revised upwards)."""
    totals: dict[tuple[str, str | None], list[int]] = defaultdict(lambda: [0, 0])
    for m in ds.rows():
        per_event: dict[tuple[str, str | None], int] = {}
        for fig in m.fatalities:
            claimant = None if fig.claimant.startswith("doc:") else fig.claimant
            key = (fig.side, claimant)
            per_event[key] = max(per_event.get(key, 0), fig.killed)
        for key, killed in per_event.items():
            totals[key][0] += killed
            totals[key][1] += 1
    order = {s: i for i, s in enumerate(SIDES)}
    return [
        {"side": side, "claimant": claimant, "killed": k, "events": n}
        for (side, claimant), (k, n) in sorted(
            totals.items(), key=lambda kv: (order.get(kv[0][0], 99), -kv[1][0])
        )
    ]


def _status(ds: Dataset, key: str) -> dict[str, Any]:
    if key in ds.merged:
        return {"status": "computed", "message": None}
    return {"status": "not_computed", "message": NOT_COMPUTED, "reason": ds.merge_errors.get(key)}


def _merged_event_labels(ds: Dataset) -> dict[str, str]:
    """A short 'date, place' label per merged event id, to name a claim's subject."""
    labels = {}
    for m in ds.merged.get("merged_events", []):
        if isinstance(m, dict) and "id" in m:
            when = m.get("date_start") or "undated"
            where = ", ".join(m.get("locations") or []) or m.get("admin1") or "unknown place"
            labels[m["id"]] = f"{when} {m.get('type', '')} at {where}".strip()
    return labels


def claim_rows(ds: Dataset) -> list[dict[str, Any]]:
    """Merged claims flattened for a table: subject, side, low / best / high with claimants."""
    labels = _merged_event_labels(ds)
    rows = []
    for c in ds.merged.get("claims", []):
        if not isinstance(c, dict):
            continue
        subject = labels.get(c.get("subject_id"), c.get("subject_id"))
        if c.get("subject_kind") == "tally":
            subject = f"tally {c.get('period_start') or '?'} – {c.get('period_end') or '?'}"
        rows.append(
            {
                "subject": subject,
                "side": c.get("side"),
                "low": c.get("low"),
                "low_claimant": c.get("low_claimant"),
                "best": c.get("best"),
                "best_claimant": c.get("best_claimant"),
                "high": c.get("high"),
                "high_claimant": c.get("high_claimant"),
                "rule": c.get("best_rule"),
                "figures": len(c.get("figures") or []),
            }
        )
    return rows


def claims(ds: Dataset) -> dict[str, Any]:
    """Merged claims (low/best/high per side) when merged, and raw per-claimant sums."""
    return {
        **_status(ds, "claims"),
        "items": ds.merged.get("claims", []),
        "rows": claim_rows(ds),
        "casualties": ds.merged.get("casualties", []),
        "by_side_and_claimant": casualties_by_claimant(ds),
        "tallies": list_tallies(ds),
    }


def _period(day: date, by: str) -> str:
    return str(day.year) if by == "year" else day.isoformat()[:7]


def casualty_series(ds: Dataset, *, by: str = "month", side: str | None = None) -> dict[str, Any]:
    """Killed per period, side and claimant, from the events' fatality figures.

    ``by`` is ``"year"`` or ``"month"`` (the period of each event's start day; undated
    events are left out). Each row: ``period``, ``side``, ``claimant`` (the figure's own
    source, else the event's, else ``None``), ``killed`` (people, summed over the
    claimant's figures in that period: one claimant's events may overlap) and
    ``events``. ``disagreements`` lists the (period, side) cells where claimants give
    different totals, with each claimant's figure. Raises ``ValueError`` for another
    ``by``. The report's casualty chart and ``/api/casualties`` both read this.
    """
    if by not in ("year", "month"):
        raise ValueError(f"by must be 'year' or 'month', not {by!r}")
    cells: dict[tuple[str, str, str | None], list[int]] = defaultdict(lambda: [0, 0])
    for ev in ds.events:
        if ev.date_start is None:
            continue
        for fat in ev.fatalities:
            if side is not None and fat.side != side:
                continue
            cell = cells[(_period(ev.date_start, by), fat.side, fat.source or ev.source)]
            cell[0] += fat.killed
            cell[1] += 1
    order = {s: i for i, s in enumerate(SIDES)}
    rows = [
        {"period": period, "side": s, "claimant": claimant, "killed": k, "events": n}
        for (period, s, claimant), (k, n) in sorted(
            cells.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99), str(kv[0][2]))
        )
    ]
    by_cell: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for r in rows:
        by_cell[(r["period"], r["side"])][r["claimant"] or "(unattributed)"] = r["killed"]
    disagreements = [
        {"period": period, "side": s, "claims": claims}
        for (period, s), claims in by_cell.items()
        if len(set(claims.values())) > 1
    ]
    return {"by": by, "rows": rows, "disagreements": disagreements}


def casualties(ds: Dataset, *, by: str = "year", side: str | None = None) -> dict[str, Any]:
    """Casualties by side, period and claimant: the claimant series (``casualty_series``)
    and the merge stage's table (tallies first, event sums that no tally covers, with
    ``disagree``/``nested`` flags; see ``badia.merge.casualties``)."""
    from badia.merge import casualty_table

    table = casualty_table(ds.events, ds.tallies, by=by)  # type: ignore[arg-type]
    return {
        **casualty_series(ds, by=by, side=side),
        "table": [jsonable(r) for r in table if side is None or r.side == side],
    }


# --------------------------------------------------------------------- places


def place_rows(ds: Dataset, *, unresolved: bool | None = None) -> list[dict[str, Any]]:
    """Each place the events name, where it resolved and how many events name it.

    One row per (name, gazetteer id): ``lat``/``lon`` in WGS84 degrees (``None`` when
    the gazetteer has no point for the name), ``admin1``, ACLED ``geo_precision``,
    UCDP ``where_prec``, ``events`` (count) and ``documents`` (names). Most named first.
    ``unresolved=True`` keeps only names without coordinates, ``False`` only those with.
    """
    rows: dict[tuple[str, str | None], dict[str, Any]] = {}
    for ev in ds.events:
        for p in ev.places:
            if unresolved is not None and (p.latitude is None) != unresolved:
                continue
            row = rows.setdefault(
                (p.name, p.gazetteer_id),
                {
                    "name": p.name,
                    "gazetteer_id": p.gazetteer_id,
                    "lat": p.latitude,
                    "lon": p.longitude,
                    "admin1": p.admin1,
                    "geo_precision": p.geo_precision,
                    "where_prec": p.where_prec,
                    "events": 0,
                    "documents": set(),
                },
            )
            row["events"] += 1
            row["documents"].add(ev.doc)
    out = [{**r, "documents": sorted(r["documents"])} for r in rows.values()]
    out.sort(key=lambda r: (-r["events"], r["name"].casefold()))
    return out


# --------------------------------------------------------------------- control


_PLACE_KEYS = ("place", "name", "place_name", "location")


def _place_of(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in _PLACE_KEYS:
            if isinstance(item.get(key), str):
                return item[key]
    return None


def _control_items(ds: Dataset) -> list[dict[str, Any]]:
    """Control as one item per place with its ``timeline`` of periods in date order.

    The merge stage may give a flat list of periods (each naming its place), a
    ``{place: periods}`` mapping, or items that already hold a timeline.
    """
    value = ds.merged.get("control", [])
    if isinstance(value, dict):
        return [{"place": k, "key": k, "timeline": v} for k, v in value.items()]
    grouped: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for item in value:
        if not isinstance(item, dict):
            continue
        if any(isinstance(item.get(k), list) for k in ("timeline", "periods")):
            out.append(item)
            continue
        name = _place_of(item) or "(unnamed place)"
        key = str(item.get("key") or name.casefold())
        if key not in grouped:
            grouped[key] = {"place": name, "key": key, "timeline": []}
            out.append(grouped[key])
        grouped[key]["timeline"].append(item)
    for item in grouped.values():
        item["timeline"].sort(key=lambda p: str(p.get("start") or ""))
    out.sort(key=lambda i: (_place_of(i) or "").casefold())
    return out


def control(ds: Dataset) -> dict[str, Any]:
    """Control timelines per place, as the merge stage computed them."""
    return {**_status(ds, "control"), "places": _control_items(ds)}


def control_for_place(ds: Dataset, place: str) -> dict[str, Any] | None:
    """One place's control timeline (case-insensitive match on name or key), or None."""
    wanted = place.casefold()
    for item in _control_items(ds):
        names = {(_place_of(item) or "").casefold(), str(item.get("key", "")).casefold()}
        if wanted in names:
            return item
    return None


# --------------------------------------------------------------------- order of battle


def _node(name: str, children: list[dict[str, Any]] | None = None, note: str | None = None) -> dict:
    return {"name": name, "note": note, "children": children or []}


def _docs_note(item: dict[str, Any]) -> str | None:
    docs = item.get("documents") or []
    return ("in " + ", ".join(docs)) if docs else None


def _unit_tree(unit: dict[str, Any]) -> dict[str, Any]:
    return _node(
        unit.get("name") or "(unnamed)",
        [_unit_tree(c) for c in unit.get("children") or [] if isinstance(c, dict)],
        _docs_note(unit),
    )


def _side_tree(label: str, side: dict[str, Any]) -> dict[str, Any]:
    """One belligerent: its combatants, commanders and units as branches."""
    branches = []
    combatants = side.get("combatants") or []
    if combatants:
        branches.append(
            _node(
                "Combatants",
                [_unit_tree(c) if isinstance(c, dict) else _node(str(c)) for c in combatants],
            )
        )
    commanders = side.get("commanders") or []
    if commanders:
        branches.append(
            _node(
                "Commanders",
                [
                    _node(
                        c.get("name", "?") + (f" ({c['status']})" if c.get("status") else ""),
                        note=_docs_note(c),
                    )
                    for c in commanders
                    if isinstance(c, dict)
                ],
            )
        )
    units = side.get("units") or []
    if units:
        branches.append(_node("Units", [_unit_tree(u) for u in units if isinstance(u, dict)]))
    return _node(label, branches)


def infobox_order_of_battle(ds: Dataset) -> list[dict[str, Any]]:
    """Per-document belligerents, commanders and units, straight from the infoboxes."""
    roots = []
    for _doc_id, doc_name, box in ds.infoboxes:
        sides = [
            _side_tree(", ".join(side.combatants) or f"Side {i}", side.model_dump(mode="json"))
            for i, side in enumerate(box.sides, 1)
        ]
        roots.append(_node(box.name or doc_name, sides, f"infobox of {doc_name}"))
    return roots


def order_of_battle(ds: Dataset) -> dict[str, Any]:
    """The order of battle as a tree of ``{name, note, children}`` nodes.

    From the merge stage (one branch per side) when it has run, else from each
    document's infobox; ``sides`` keeps the merge stage's own records.
    """
    status = _status(ds, "order_of_battle")
    merged = ds.merged.get("order_of_battle")
    if merged is not None:
        sides = merged if isinstance(merged, list) else [merged]
        tree = [
            _side_tree(str(s.get("side") or s.get("name") or "?"), s)
            for s in sides
            if isinstance(s, dict)
        ]
        return {**status, "origin": "merge", "tree": tree, "sides": sides}
    return {**status, "origin": "infobox", "tree": infobox_order_of_battle(ds), "sides": []}


# --------------------------------------------------------------------- report


Loader = Callable[[], Dataset]

# Fields of an event summary that the page looks up in its document list instead.
_FROM_DOCUMENT = {"doc_title": "title"}


def event_columns(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """Event summaries as ``{"fields": [...], "rows": [[...], ...]}`` without the
    document's title (the page takes it from ``documents`` by ``doc_id``).

    Field names written once instead of once per event, and no title repeated per
    event: about half the size of the list of dicts on a real store.
    """
    fields = [k for k in dict.fromkeys(k for s in summaries for k in s) if k not in _FROM_DOCUMENT]
    rows = []
    for summary in summaries:
        row = [summary.get(k) for k in fields]
        if "sources" in summary and summary["sources"] is not None:
            row[fields.index("sources")] = _lean_tellings(summary)
        rows.append(row)
    return {"fields": fields, "rows": rows}


# A telling's fields that the first telling shares with its merged event's row.
_FIRST_TELLING = ("doc_id", "doc", "quote", "start", "end", "type", "date_start", "date_end")


def _lean_tellings(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """The tellings without their document titles, and the first without what its row
    already says (only where equal, so ``expand_events`` restores them exactly)."""
    out = []
    for k, telling in enumerate(summary["sources"]):
        lean = {key: v for key, v in telling.items() if key not in _FROM_DOCUMENT}
        if k == 0:
            for key in _FIRST_TELLING:
                if key in lean and key in summary and lean[key] == summary[key]:
                    del lean[key]
        out.append(lean)
    return out


def expand_events(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The event summaries of report data (``report_data``), as ``list_events`` gives them."""
    docs = {d["id"]: d for d in data.get("documents", [])}
    table = data["events"]
    out = []
    def titled(record: dict[str, Any]) -> dict[str, Any]:
        doc = docs.get(record.get("doc_id"), {})
        return {**record, **{key: doc.get(field) for key, field in _FROM_DOCUMENT.items()}}

    for row in table["rows"]:
        summary = titled(dict(zip(table["fields"], row, strict=True)))
        if summary.get("sources") is not None:
            tellings = [dict(t) for t in summary["sources"]]
            if tellings:
                for key in _FIRST_TELLING:
                    if key not in tellings[0] and key in summary:
                        tellings[0][key] = summary[key]
            summary["sources"] = [titled(t) for t in tellings]
        out.append(summary)
    return out


SERVED_LEAN_ABOVE = 2000
"""A served page over more events than this embeds no quotes: it asks the API for them."""

# What a served page over a large store leaves for ``/api/events/{id}`` to give on a click.
_DETAIL_FIELDS = ("quote", "citations", "start", "end", "sources")


def report_data(
    ds: Dataset, *, title: str = "badia: events report", served: bool = False
) -> dict[str, Any]:
    """Everything the HTML view embeds: one JSON object, built from the queries above.

    ``served``: the page comes from the API; over ``SERVED_LEAN_ABOVE`` events its rows
    then carry only what the map, timeline, filters, tables and casualty sums use, and
    the page fetches an event's quote, span, citations and tellings from ``detail_url`` when it is
    opened.
    A written report file always embeds everything (it must work without a server).
    """
    from badia.present.boundaries import load_admin1

    admin1, admin1_note = load_admin1()
    events = filter_events(ds)
    summaries = [merged_summary(m, ds) for m in events]
    lean = served and len(summaries) > SERVED_LEAN_ABOVE
    if lean:
        for summary in summaries:
            for key in _DETAIL_FIELDS:
                summary.pop(key, None)
    return {
        "merge_note": ds.merge_note,
        "title": title,
        "sides": list(SIDES),
        "documents": list_documents(ds),
        "detail_url": "/api/events/" if lean else None,
        "events": event_columns(summaries),
        "claims": claims(ds),
        "casualty_series": casualty_series(ds, by="month"),
        "control": control(ds),
        "order_of_battle": order_of_battle(ds),
        "admin1": admin1,
        "admin1_note": admin1_note,
    }
