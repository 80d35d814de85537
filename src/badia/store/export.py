"""Export events in the layouts other tools read: ACLED CSV, UCDP GED CSV, GeoJSON,
Parquet and JSONL.

One row per event. The place written first with coordinates gives the row's point
(ACLED and UCDP code one location per event); every place stays in JSONL/GeoJSON.
Unknown values are empty cells / ``null``, never a default.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Literal

from badia.events.acled import acled_types
from badia.model import Document, Event, Place

Format = Literal["acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl"]
FORMATS: tuple[str, ...] = Format.__args__  # type: ignore[attr-defined]

# ACLED "inter" codes by side: 1 state forces, 2 rebel groups, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
INTER = {
    "government": 1,
    "opposition": 2,
    "islamic_state": 2,
    "russia": 8,
    "coalition": 8,
    "pro_government_foreign": 8,
    "civilians": 7,
    "unknown": 0,
}
TIME_PRECISION = {"day": 1, "range": 2, "month": 3, "year": 3}
DATE_PREC = {"day": 1, "range": 2, "month": 4, "year": 5}  # UCDP codebook 19.1
UCDP_SIDE_NAMES = {
    "government": "Government of Syria",
    "russia": "Government of Russia",
    "islamic_state": "IS",
    "opposition": "Syrian insurgents",
    "coalition": "Government of United States of America",
    "civilians": "Civilians",
}

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


def export_events(
    events: list[Event], fmt: Format, out: Path, documents: dict[str, Document] | None = None
) -> int:
    """Write ``events`` to ``out`` in ``fmt``; returns the number of events written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "acled-csv":
        _write_csv(out, ACLED_COLUMNS, [acled_row(e, documents) for e in events])
    elif fmt == "ucdp-csv":
        _write_csv(out, UCDP_COLUMNS, [ucdp_row(e, documents) for e in events])
    elif fmt == "geojson":
        out.write_text(json.dumps(geojson(events), ensure_ascii=False) + "\n", encoding="utf-8")
    elif fmt == "parquet":
        _write_parquet(events, out)
    elif fmt == "jsonl":
        with out.open("w", encoding="utf-8") as fh:
            for e in events:
                fh.write(e.model_dump_json() + "\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return len(events)


# ------------------------------------------------------------------ shared helpers


def main_place(e: Event) -> Place | None:
    """The first place with coordinates, else the first place, else None."""
    located = [p for p in e.places if p.latitude is not None and p.longitude is not None]
    return located[0] if located else (e.places[0] if e.places else None)


def _killed(e: Event, sides: set[str] | None = None) -> int:
    """Deaths per side: the largest figure any source gives for that side, summed over sides."""
    best: dict[str, int] = {}
    for f in e.fatalities:
        if sides is None or f.side in sides:
            best[f.side] = max(best.get(f.side, 0), f.killed)
    return sum(best.values())


def _source(e: Event, documents: dict[str, Document] | None) -> str:
    doc = documents.get(e.doc_id) if documents else None
    parts = [doc.title if doc and doc.title else e.doc]
    if e.source:
        parts.append(e.source)
    return "; ".join(parts)


def _types(e: Event) -> tuple[str, str]:
    if e.acled_event_type and e.acled_sub_event_type:
        return e.acled_event_type, e.acled_sub_event_type
    return acled_types(e.type, e.side1, e.quote)


def _disorder(event_type: str, sub: str) -> str:
    if event_type == "Violence against civilians":
        return "Political violence"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


# ------------------------------------------------------------------ ACLED


def acled_row(e: Event, documents: dict[str, Document] | None = None) -> dict:
    et, sub = _types(e)
    p = main_place(e)
    i1 = INTER.get(e.side1 or "")
    i2 = INTER.get(e.side2 or "") if e.side2 else None
    if i1 is not None and i2 is not None:
        interaction = int(f"{min(i1, i2)}{max(i1, i2)}") if min(i1, i2) else max(i1, i2) * 10
    elif i1 is not None:
        interaction = i1 * 10
    else:
        interaction = None
    return {
        "event_id_cnty": f"SYR-{e.id}",
        "event_date": e.date_start.isoformat() if e.date_start else None,
        "year": e.date_start.year if e.date_start else None,
        "time_precision": TIME_PRECISION.get(e.date_precision or ""),
        "disorder_type": _disorder(et, sub),
        "event_type": et,
        "sub_event_type": sub,
        "actor1": e.actor1[0] if e.actor1 else None,
        "assoc_actor_1": "; ".join(e.actor1[1:]) or None,
        "inter1": i1,
        "actor2": e.actor2[0] if e.actor2 else None,
        "assoc_actor_2": "; ".join(e.actor2[1:]) or None,
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if e.side2 == "civilians" else None,
        "iso": 760,
        "region": "Middle East",
        "country": "Syria",
        "admin1": (p.admin1 if p and p.admin1 else None) or e.admin1,
        "admin2": p.admin2 if p else None,
        "admin3": None,
        "location": p.name if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None,
        "source": _source(e, documents),
        "source_scale": "Other",
        "notes": e.quote,
        "fatalities": _killed(e),
        "tags": None,
        "timestamp": None,  # no edit time is known; kept empty so exports are reproducible
    }


# ------------------------------------------------------------------ UCDP GED


def ucdp_row(e: Event, documents: dict[str, Document] | None = None) -> dict:
    p = main_place(e)
    side_a, side_b = e.side1, e.side2
    if side_b == "government" or (side_a not in ("government", "russia") and side_b == "russia"):
        side_a, side_b = side_b, side_a  # GED's side A is the state in state-based conflict
    violence = (
        3
        if "civilians" in (e.side1, e.side2)
        else (1 if {"government", "russia", "coalition"} & {e.side1, e.side2} else 2)
    )
    deaths_a = _killed(e, {side_a} if side_a else set())
    deaths_b = _killed(e, {side_b} if side_b else set())
    deaths_civ = _killed(e, {"civilians"})
    deaths_unknown = _killed(e, {"unknown"} - {side_a, side_b})
    best = deaths_a + deaths_b + deaths_civ + deaths_unknown
    low_vals = [f.killed for f in e.fatalities]
    lat, lon = (p.latitude, p.longitude) if p else (None, None)
    return {
        "id": e.id,
        "year": e.date_start.year if e.date_start else None,
        "type_of_violence": violence,
        "side_a": UCDP_SIDE_NAMES.get(side_a or "", side_a) or None,
        "side_b": UCDP_SIDE_NAMES.get(side_b or "", side_b) or None,
        "source_article": _source(e, documents),
        "source_original": e.source,
        "where_prec": p.where_prec if p else None,
        "where_coordinates": p.name if p else None,
        "adm_1": (p.admin1 if p and p.admin1 else e.admin1),
        "adm_2": p.admin2 if p else None,
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else None,
        "country": "Syria",
        "country_id": 652,
        "region": "Middle East",
        "event_clarity": 1,
        "date_prec": DATE_PREC.get(e.date_precision or ""),
        "date_start": e.date_start.isoformat() if e.date_start else None,
        "date_end": e.date_end.isoformat() if e.date_end else None,
        "deaths_a": deaths_a,
        "deaths_b": deaths_b,
        "deaths_civilians": deaths_civ,
        "deaths_unknown": deaths_unknown,
        "low": min(low_vals) if low_vals else 0,
        "best": best,
        "high": max(best, sum(f.killed for f in e.fatalities)),
    }


# ------------------------------------------------------------------ GeoJSON / Parquet


def _flat(e: Event) -> dict:
    """Event fields as JSON-ready properties (places nested, dates ISO)."""
    d = json.loads(e.model_dump_json())
    d["acled_event_type"], d["acled_sub_event_type"] = _types(e)
    return d


def geojson(events: list[Event]) -> dict:
    """RFC 7946 FeatureCollection; events without coordinates get ``geometry: null``."""
    feats = []
    for e in events:
        p = main_place(e)
        geom = None
        if p and p.latitude is not None and p.longitude is not None:
            geom = {"type": "Point", "coordinates": [p.longitude, p.latitude]}
        props = _flat(e)
        props["location"] = p.name if p else None
        props["geo_precision"] = p.geo_precision if p else None
        props["where_prec"] = p.where_prec if p else None
        feats.append({"type": "Feature", "id": e.id, "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": feats}


def _write_parquet(events: list[Event], out: Path) -> None:
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
        ]
    )
    fatality = pa.struct([("side", pa.string()), ("killed", pa.int64()), ("source", pa.string())])
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("doc", pa.string()),
            ("doc_id", pa.string()),
            ("quote", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("type", pa.string()),
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
            ("fatalities_total", pa.int64()),
            ("source", pa.string()),
            ("places", pa.list_(place)),
            ("fatalities", pa.list_(fatality)),
            ("wounded", pa.list_(fatality)),
        ]
    )
    rows = []
    for e in events:
        p = main_place(e)
        et, sub = _types(e)
        rows.append(
            {
                "id": e.id,
                "doc": e.doc,
                "doc_id": e.doc_id,
                "quote": e.quote,
                "start": e.start,
                "end": e.end,
                "date_start": e.date_start,
                "date_end": e.date_end,
                "date_precision": e.date_precision,
                "type": e.type,
                "acled_event_type": et,
                "acled_sub_event_type": sub,
                "actor1": e.actor1,
                "side1": e.side1,
                "actor2": e.actor2,
                "side2": e.side2,
                "locations": e.locations,
                "admin1": e.admin1,
                "location": p.name if p else None,
                "latitude": p.latitude if p else None,
                "longitude": p.longitude if p else None,
                "geo_precision": p.geo_precision if p else None,
                "where_prec": p.where_prec if p else None,
                "fatalities_total": _killed(e),
                "source": e.source,
                "places": [pl.model_dump() for pl in e.places],
                "fatalities": [f.model_dump() for f in e.fatalities],
                "wounded": [f.model_dump() for f in e.wounded],
            }
        )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)


def _write_csv(out: Path, columns: list[str], rows: list[dict]) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
