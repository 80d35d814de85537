"""Export events in the layouts other tools read: ACLED CSV, UCDP GED CSV, GeoJSON,
Parquet and JSONL.

One row per real event: a :class:`MergedEvent` lists every telling of it (document,
quote, span, claimant); the per-document rows are the tellings, each a merged event of
its own (``badia.merge.events.tellings``). A plain :class:`Event` given here is taken as
one telling. The place written first with coordinates gives the row's point (ACLED and
UCDP code one location per event); every place stays in JSONL/GeoJSON. Unknown values
are empty cells / ``null``, never a default.

The ACLED columns follow the ACLED Codebook (2019/2023 editions, acleddata.com; field
list as in acledR's ``acled_codebook``); the UCDP columns follow the UCDP GED Codebook
19.1 (see ``../shared/reference/ucdp-ged-syria/README.md``).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from badia.events.acled import acled_types
from badia.merge.claims import event_claims
from badia.merge.events import build_merged
from badia.merge.records import Claim, MergedEvent
from badia.model import Document, Event, Place
from badia.store.actor_names import SIDE_ACTOR, ActorNames, load_actor_names

Format = Literal["acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl"]
FORMATS: tuple[str, ...] = Format.__args__  # type: ignore[attr-defined]

# ACLED time_precision (Codebook, "Time precision codes"): 1 the day is known; 2 the
# week, or a range of days within a week, is known (coded at its middle); 3 only the
# month or a longer period is known (coded at its middle).
ACLED_WEEK_DAYS = 7
# UCDP date_prec (GED Codebook 19.1): 1 exact day, 2 a 2-6 day range, 3 the week,
# 4 an 8-30 day range or the month, 5 more than a month, at most a year.
UCDP_SIDE_NAMES = {
    "government": "Government of Syria",
    "russia": "Government of Russia",
    "islamic_state": "IS",
    "opposition": "Syrian insurgents",
    "coalition": "Government of United States of America",
    "civilians": "Civilians",
}
_STATES = ("government", "russia", "coalition")  # sides that are states (UCDP side A)
# Sides that fight alongside another and count among its dead (UCDP counts an ally's
# losses with the side it fights for).
_CAMP = {"pro_government_foreign": "government"}
_WIKI_FORMATS = {"dump", "mirror", "wikitext"}

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
UCDP_COLUMNS = [
    "id",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_original",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
]


Row = MergedEvent


def as_rows(items: Sequence[Event | MergedEvent]) -> list[MergedEvent]:
    """Merged events as given; a plain event becomes a telling of its own."""
    return [i if isinstance(i, MergedEvent) else build_merged([i], []) for i in items]


def export_events(
    events: Sequence[Event | MergedEvent],
    fmt: Format,
    out: Path,
    documents: dict[str, Document] | None = None,
    actors: ActorNames | None = None,
) -> int:
    """Write one row per item of ``events`` to ``out`` in ``fmt``; returns the row count.

    ``documents`` (id -> Document) names each telling's outlet; ``actors`` maps names to
    ACLED's (default: the packaged actor list). Raises ``ValueError`` for an unknown format.
    """
    rows = as_rows(events)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "acled-csv":
        names = actors or load_actor_names()
        ids = acled_ids(rows)
        _write_csv(out, ACLED_COLUMNS, [acled_row(m, documents, names, ids[m.id]) for m in rows])
    elif fmt == "ucdp-csv":
        _write_csv(out, UCDP_COLUMNS, [ucdp_row(m, documents) for m in rows])
    elif fmt == "geojson":
        out.write_text(json.dumps(geojson(rows), ensure_ascii=False) + "\n", encoding="utf-8")
    elif fmt == "parquet":
        _write_parquet(rows, out)
    elif fmt == "jsonl":
        with out.open("w", encoding="utf-8") as fh:
            for m in rows:
                fh.write(m.model_dump_json() + "\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return len(rows)


# ------------------------------------------------------------------ shared helpers


def main_place(e: Event | MergedEvent) -> Place | None:
    """The first place with coordinates, else the first place, else None."""
    located = [p for p in e.places if p.latitude is not None and p.longitude is not None]
    return located[0] if located else (e.places[0] if e.places else None)


def side_claims(m: MergedEvent) -> dict[str, Claim]:
    """Per side, the low / best / high of every telling's figures (badia.merge.claims)."""
    return {c.side: c for c in event_claims([m])}


def conservative_fatalities(m: MergedEvent) -> int:
    """ACLED's rule (Codebook, "Reported fatalities": when reports conflict, the most
    conservative figure is coded): the lowest claim per side, summed over sides."""
    return sum(c.low for c in side_claims(m).values())


def _outlet(doc_id: str, doc: str, documents: dict[str, Document] | None) -> str:
    d = documents.get(doc_id) if documents else None
    if d is None:
        return doc
    title = d.title or d.name
    return f"Wikipedia: {title}" if d.format in _WIKI_FORMATS else title


def sources_of(m: MergedEvent, documents: dict[str, Document] | None) -> list[str]:
    """The outlet of every telling, then every claimant, each once, in telling order."""
    out: list[str] = []
    for s in m.sources:
        out.append(_outlet(s.doc_id, s.doc, documents))
    for s in m.sources:
        if s.source:
            out.append(s.source)
    for f in m.fatalities:
        if not f.claimant.startswith("doc:"):
            out.append(f.claimant)
    return list(dict.fromkeys(out))


def _types(m: MergedEvent) -> tuple[str, str]:
    return acled_types(m.type, m.side1, " ".join(s.quote for s in m.sources))


def _disorder(event_type: str) -> str:
    return "Strategic developments" if event_type == "Strategic developments" else (
        "Political violence"
    )


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# ------------------------------------------------------------------ ACLED


def acled_ids(rows: Sequence[MergedEvent]) -> dict[str, str]:
    """``SYR<number>`` per merged event, stable across re-runs: the number comes from the
    earliest telling's event id (a document's event ids do not change when it is
    extracted again, and a later telling joining the event keeps the number unless it
    sorts first); a clash of numbers moves the later row to the next free number."""
    out: dict[str, str] = {}
    used: set[int] = set()
    for m in sorted(rows, key=lambda r: min(s.event_id for s in r.sources)):
        anchor = min(s.event_id for s in m.sources)
        n = int(hashlib.sha1(anchor.encode()).hexdigest()[:12], 16) % 10**8
        while n in used:
            n = (n + 1) % 10**8
        used.add(n)
        out[m.id] = f"SYR{n}"
    return out


def acled_time(m: MergedEvent) -> tuple[date | None, int | None]:
    """(event_date, time_precision): a day is itself (1); a range of at most a week is
    coded at its middle (2); a month or any longer span at its middle (3)."""
    if m.date_start is None:
        return None, None
    end = m.date_end or m.date_start
    days = (end - m.date_start).days + 1
    middle = m.date_start + timedelta(days=(days - 1) // 2)
    if days == 1:
        return m.date_start, 1
    if days <= ACLED_WEEK_DAYS and m.date_precision not in ("month", "year"):
        return middle, 2
    return middle, 3


def _interaction(i1: int | None, i2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, lower first ("13"); one actor: "10"."""
    if i1 is None:
        return None
    if i2 is None:
        return i1 * 10
    return int(f"{min(i1, i2)}{max(i1, i2)}")


def _actors(names: list[str], side: str | None, actors: ActorNames) -> list[str]:
    """ACLED names, one per real actor; a side told without a name gets the side's actor."""
    acled = actors.canonical(names)
    if not acled and side in SIDE_ACTOR:
        acled = [SIDE_ACTOR[side]]  # type: ignore[index]
    return acled


def _inter(acled: list[str], side: str | None, actors: ActorNames) -> int | None:
    from badia.store.actor_names import SIDE_INTER

    if acled:
        code = actors.inter(acled[0])
        if code is not None:
            return code
    return SIDE_INTER.get(side or "")


def acled_notes(m: MergedEvent, actor1: str | None, actor2: str | None, place: str | None) -> str:
    """One sentence: when, what, who against whom, where, and every claim's figure."""
    when = m.date_start.isoformat() if m.date_start else "On an unknown date"
    if m.date_end and m.date_start and m.date_end != m.date_start:
        when = f"Between {m.date_start.isoformat()} and {m.date_end.isoformat()}"
    elif m.date_start:
        when = f"On {when}"
    what = f"{when}, {actor1 or 'an unidentified actor'}: {m.type.replace('_', ' ')}"
    if actor2:
        what += f" against {actor2}"
    if place:
        what += f" at {place}"
    n = len({s.doc_id for s in m.sources})
    what += f" (told by {n} document{'s' if n != 1 else ''})"
    claims = [f"{f.killed} {f.side.replace('_', ' ')} killed per {f.claimant}"
              for f in m.fatalities]
    if claims:
        what += "; claims: " + ", ".join(claims)
    return what + "."


def acled_row(
    m: MergedEvent,
    documents: dict[str, Document] | None = None,
    actors: ActorNames | None = None,
    event_id: str | None = None,
) -> dict:
    """One ACLED row of a merged event."""
    actors = actors or load_actor_names()
    et, sub = _types(m)
    p = main_place(m)
    a1 = _actors(m.actor1, m.side1, actors)
    a2 = _actors(m.actor2, m.side2, actors) if m.side2 or m.actor2 else []
    i1 = _inter(a1, m.side1, actors) if a1 else None
    i2 = _inter(a2, m.side2, actors) if a2 else None
    when, precision = acled_time(m)
    targeted = m.side2 == "civilians" or m.type == "civilian_violence"
    return {
        "event_id_cnty": event_id or acled_ids([m])[m.id],
        "event_date": _iso(when),
        "year": when.year if when else None,
        "time_precision": precision,
        "disorder_type": _disorder(et),
        "event_type": et,
        "sub_event_type": sub,
        "actor1": a1[0] if a1 else None,
        "assoc_actor_1": "; ".join(a1[1:]) or None,
        "inter1": i1,
        "actor2": a2[0] if a2 else None,
        "assoc_actor_2": "; ".join(a2[1:]) or None,
        "inter2": i2,
        "interaction": _interaction(i1, i2),
        # ACLED marks events whose main or only target is civilians
        "civilian_targeting": "Civilian targeting" if targeted else None,
        "iso": 760,
        "region": "Middle East",
        "country": "Syria",
        "admin1": (p.admin1 if p and p.admin1 else None) or m.admin1,
        "admin2": p.admin2 if p else None,
        "admin3": None,
        "location": p.name if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None,
        "source": "; ".join(sources_of(m, documents)),
        # ACLED's scales (Local, Subnational, National, Regional, International, New
        # media, Other): an encyclopedia or an unclassified outlet is "Other".
        "source_scale": "Other",
        "notes": acled_notes(m, a1[0] if a1 else None, a2[0] if a2 else None,
                             p.name if p else None),
        "fatalities": conservative_fatalities(m),
        "tags": None,
        "timestamp": None,  # no edit time is known; kept empty so exports are reproducible
    }


# ------------------------------------------------------------------ UCDP GED


def ucdp_sides(m: MergedEvent) -> tuple[str | None, str | None]:
    """(side A, side B): side A is the state where one side is a state (GED's rule for
    state-based conflict), the perpetrator in one-sided violence."""
    a, b = m.side1, m.side2
    if b in _STATES and a not in _STATES:
        a, b = b, a
    return a, b


def ucdp_date_prec(m: MergedEvent) -> int | None:
    if m.date_start is None:
        return None
    days = ((m.date_end or m.date_start) - m.date_start).days + 1
    if days == 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    if days <= 31:
        return 4
    return 5


def ucdp_deaths(m: MergedEvent) -> dict[str, int]:
    """deaths_a / _b / _civilians / _unknown (each side's best claim), low and high."""
    side_a, side_b = ucdp_sides(m)
    cells = {"deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0}
    low = high = 0
    for side, claim in side_claims(m).items():
        camp = _CAMP.get(side, side)
        if camp == side_a and side_a is not None:
            cells["deaths_a"] += claim.best
        elif camp == side_b and side_b is not None:
            cells["deaths_b"] += claim.best
        elif side == "civilians":
            cells["deaths_civilians"] += claim.best
        else:
            cells["deaths_unknown"] += claim.best
        low += claim.low
        high += claim.high
    best = sum(cells.values())
    return {**cells, "low": low, "best": best, "high": high}


def ucdp_row(m: MergedEvent, documents: dict[str, Document] | None = None) -> dict:
    """One UCDP GED row of a merged event."""
    p = main_place(m)
    side_a, side_b = ucdp_sides(m)
    if "civilians" in (m.side1, m.side2):
        violence = 3
    elif side_a in _STATES:
        violence = 1
    else:
        violence = 2
    lat, lon = (p.latitude, p.longitude) if p else (None, None)
    date_prec = ucdp_date_prec(m)
    claimants = [s.source for s in m.sources if s.source]
    return {
        "id": m.id,
        "year": m.date_start.year if m.date_start else None,
        "type_of_violence": violence,
        "side_a": UCDP_SIDE_NAMES.get(side_a or "", side_a) or None,
        "side_b": UCDP_SIDE_NAMES.get(side_b or "", side_b) or None,
        "number_of_sources": len({s.doc_id for s in m.sources}),
        "source_article": "; ".join(
            dict.fromkeys(_outlet(s.doc_id, s.doc, documents) for s in m.sources)
        ),
        "source_original": "; ".join(dict.fromkeys(claimants)) or None,
        "where_prec": p.where_prec if p else None,
        "where_coordinates": p.name if p else None,
        "adm_1": (p.admin1 if p and p.admin1 else m.admin1),
        "adm_2": p.admin2 if p else None,
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "country": "Syria",
        "country_id": 652,
        "region": "Middle East",
        # 1: one incident told in detail; 2: the source aggregated incidents over days
        "event_clarity": 1 if date_prec == 1 else (2 if date_prec else None),
        "date_prec": date_prec,
        "date_start": _iso(m.date_start),
        "date_end": _iso(m.date_end),
        **ucdp_deaths(m),
    }


# ------------------------------------------------------------------ GeoJSON / Parquet


def _flat(m: MergedEvent) -> dict:
    """Merged-event fields as JSON-ready properties (tellings and places nested)."""
    d = json.loads(m.model_dump_json())
    d["acled_event_type"], d["acled_sub_event_type"] = _types(m)
    d["fatalities_conservative"] = conservative_fatalities(m)
    d["documents"] = m.documents
    return d


def geojson(events: Sequence[Event | MergedEvent]) -> dict:
    """RFC 7946 FeatureCollection; events without coordinates get ``geometry: null``."""
    feats = []
    for m in as_rows(events):
        p = main_place(m)
        geom = None
        if p and p.latitude is not None and p.longitude is not None:
            geom = {"type": "Point", "coordinates": [p.longitude, p.latitude]}
        props = _flat(m)
        props["location"] = p.name if p else None
        props["geo_precision"] = p.geo_precision if p else None
        props["where_prec"] = p.where_prec if p else None
        feats.append({"type": "Feature", "id": m.id, "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": feats}


_PARQUET_FIELDS = {
    "id", "type", "family", "date_start", "date_end", "date_precision", "actor1", "side1",
    "actor2", "side2", "locations", "admin1",
}


def _write_parquet(rows: list[MergedEvent], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    place = pa.struct(
        [
            ("name", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("gazetteer_id", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("admin1", pa.string()),
            ("admin2", pa.string()),
            ("country", pa.string()),
            ("geo_precision", pa.int8()),
            ("where_prec", pa.int8()),
            ("relation", pa.string()),
            ("anchor_start", pa.int64()),
            ("anchor_end", pa.int64()),
        ]
    )
    figure = pa.struct(
        [
            ("side", pa.string()),
            ("killed", pa.int64()),
            ("claimant", pa.string()),
            ("record_id", pa.string()),
            ("doc", pa.string()),
        ]
    )
    telling = pa.struct(
        [
            ("event_id", pa.string()),
            ("doc", pa.string()),
            ("doc_id", pa.string()),
            ("quote", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("type", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("source", pa.string()),
        ]
    )
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("type", pa.string()),
            ("family", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("acled_event_type", pa.string()),
            ("acled_sub_event_type", pa.string()),
            ("actor1", pa.list_(pa.string())),
            ("side1", pa.string()),
            ("actor2", pa.list_(pa.string())),
            ("side2", pa.string()),
            ("locations", pa.list_(pa.string())),
            ("admin1", pa.string()),
            ("location", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("geo_precision", pa.int8()),
            ("where_prec", pa.int8()),
            ("fatalities_conservative", pa.int64()),
            ("n_documents", pa.int32()),
            ("places", pa.list_(place)),
            ("fatalities", pa.list_(figure)),
            ("sources", pa.list_(telling)),
            ("reasons", pa.list_(pa.string())),
        ]
    )
    table = []
    for m in rows:
        p = main_place(m)
        et, sub = _types(m)
        table.append(
            {
                **m.model_dump(include=_PARQUET_FIELDS),
                "acled_event_type": et,
                "acled_sub_event_type": sub,
                "location": p.name if p else None,
                "latitude": p.latitude if p else None,
                "longitude": p.longitude if p else None,
                "geo_precision": p.geo_precision if p else None,
                "where_prec": p.where_prec if p else None,
                "fatalities_conservative": conservative_fatalities(m),
                "n_documents": len(m.documents),
                "places": [pl.model_dump() for pl in m.places],
                "fatalities": [f.model_dump() for f in m.fatalities],
                "sources": [{k: v for k, v in s.model_dump().items() if k in telling.names}
                            for s in m.sources],
                "reasons": m.reasons,
            }
        )
    pq.write_table(pa.Table.from_pylist(table, schema=schema), out)


def _write_csv(out: Path, columns: list[str], rows: list[dict]) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})
