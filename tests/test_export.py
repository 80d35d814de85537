"""Exports: ACLED/UCDP CSV columns and dtypes, GeoJSON validity, Parquet via DuckDB."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import geojson
import pandas as pd
import pytest
from shapely.geometry import shape

from badia.merge.events import merge_events
from badia.merge.records import MergedEvent
from badia.model import Event, Fatality, Place
from badia.store.export import ACLED_COLUMNS, UCDP_COLUMNS, export_events


def _events() -> list[Event]:
    located = Event(
        id="d1:10:0", doc="a.txt", doc_id="d1", quote="The Army captured Palmyra.", start=10,
        end=36, date_start=date(2017, 3, 2), date_end=date(2017, 3, 2), date_precision="day",
        type="capture", actor1=["Syrian Army", "Hezbollah"], side1="government",
        actor2=["ISIL"], side2="islamic_state", locations=["Palmyra"],
        places=[Place(name="Palmyra", start=28, end=35, gazetteer_id="geonames:163808",
                      latitude=34.5624, longitude=38.28402, admin1="Homs", country="Syria",
                      geo_precision=1, where_prec=1)],
        admin1="Homs",
        fatalities=[Fatality(side="islamic_state", killed=12, source="SOHR"),
                    Fatality(side="islamic_state", killed=20, source="Russian MOD"),
                    Fatality(side="government", killed=3)],
    )
    unlocated = Event(
        id="d1:50:1", doc="a.txt", doc_id="d1", quote="IS shelled the Blorf farms.", start=50,
        end=77, date_start=date(2017, 3, 1), date_end=date(2017, 3, 31),
        date_precision="month", type="shelling", actor1=["IS"], side1="islamic_state",
        locations=["Blorf farms"], places=[Place(name="Blorf farms")],
    )
    return [located, unlocated]


def test_acled_csv(tmp_path):
    out = tmp_path / "acled.csv"
    assert export_events(_events(), "acled-csv", out) == 2
    df = pd.read_csv(out)
    assert list(df.columns) == ACLED_COLUMNS
    r = df.iloc[0]
    assert r.event_type == "Battles" and r.sub_event_type == "Government regains territory"
    assert (r.inter1, r.inter2, r.interaction) == (1, 2, 12)
    # one ACLED name per real actor; an allied militia is an associated actor
    assert r.actor1 == "Military Forces of Syria (2000-2024)" and r.assoc_actor_1 == "Hezbollah"
    assert r.actor2 == "Islamic State (Syria)"
    assert r.event_id_cnty.startswith("SYR") and r.event_id_cnty[3:].isdigit()
    assert r.iso == 760 and r.country == "Syria" and r.region == "Middle East"
    assert r.fatalities == 15  # the most conservative claim per side (12, not 20) + 3
    assert "12 islamic state killed per SOHR" in r.notes and "20 " in r.notes
    assert r.source.split("; ") == ["a.txt", "SOHR", "Russian MOD"]
    assert r.time_precision == 1 and r.geo_precision == 1
    assert df.latitude.dtype == "float64" and df.fatalities.dtype == "int64"
    r2 = df.iloc[1]
    assert r2.sub_event_type == "Shelling/artillery/missile attack"
    assert pd.isna(r2.latitude) and r2.time_precision == 3 and r2.interaction == 20
    assert r2.event_date == "2017-03-16"  # a month is coded at its middle


@pytest.mark.parametrize(
    ("start", "end", "precision", "time_precision"),
    [
        (date(2017, 3, 2), date(2017, 3, 2), "day", 1),
        (date(2017, 3, 2), date(2017, 3, 5), "range", 2),  # days within a week
        (date(2017, 3, 2), date(2017, 3, 8), "range", 2),
        (date(2017, 3, 2), date(2017, 3, 20), "range", 3),  # longer than a week
        (date(2017, 3, 1), date(2017, 3, 31), "month", 3),
    ],
)
def test_acled_time_precision_follows_acled_rule(tmp_path, start, end, precision, time_precision):
    event = _events()[1].model_copy(
        update={"date_start": start, "date_end": end, "date_precision": precision}
    )
    out = tmp_path / "acled.csv"
    export_events([event], "acled-csv", out)
    assert pd.read_csv(out).iloc[0].time_precision == time_precision


def test_acled_event_id_is_stable_and_survives_a_new_telling(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    export_events(_events(), "acled-csv", first)
    later = _events()[0].model_copy(update={"id": "d9:5:0", "doc": "z.txt", "doc_id": "d9"})
    export_events(merge_events([*_events(), later]), "acled-csv", second)
    a, b = pd.read_csv(first), pd.read_csv(second)
    assert len(b) == 2  # the second telling joined the first row
    assert set(a.event_id_cnty) == set(b.event_id_cnty)
    row = b[b.event_id_cnty == a.iloc[0].event_id_cnty].iloc[0]
    assert row.source.split("; ")[:2] == ["a.txt", "z.txt"]


def test_ucdp_csv(tmp_path):
    out = tmp_path / "ged.csv"
    export_events(_events(), "ucdp-csv", out)
    df = pd.read_csv(out)
    assert list(df.columns) == UCDP_COLUMNS
    r = df.iloc[0]
    # side A is the state; IS's dead: the monitor's figure is best, 12..20 the range
    assert r.side_a == "Government of Syria" and r.deaths_a == 3 and r.deaths_b == 12
    assert (r.low, r.high) == (15, 23)
    assert r.number_of_sources == 1 and r.event_clarity == 1
    assert r.where_prec == 1 and r.geom_wkt == "POINT (38.28402 34.5624)"
    assert r.date_prec == 1 and df.iloc[1].date_prec == 4 and df.iloc[1].event_clarity == 2
    assert df.latitude.dtype == "float64"
    assert (df.best == df.deaths_a + df.deaths_b + df.deaths_civilians + df.deaths_unknown).all()


def test_geojson_is_valid_and_keeps_unlocated_events(tmp_path):
    out = tmp_path / "events.geojson"
    export_events(_events(), "geojson", out)
    fc = geojson.loads(out.read_text(encoding="utf-8"))
    assert fc.is_valid, fc.errors()
    assert len(fc["features"]) == 2
    pt = shape(fc["features"][0]["geometry"])
    assert (pt.x, pt.y) == (38.28402, 34.5624)
    assert fc["features"][1]["geometry"] is None
    assert fc["features"][0]["properties"]["acled_sub_event_type"] == "Government regains territory"


def test_parquet_loads_in_duckdb_and_pandas(tmp_path):
    out = tmp_path / "events.parquet"
    export_events(_events(), "parquet", out)
    con = duckdb.connect()
    rows = con.execute(
        "SELECT id, date_start, latitude, places[1].name, typeof(date_start), typeof(latitude) "
        "FROM read_parquet(?) ORDER BY id", [str(out)]
    ).fetchall()
    assert rows[1][1:4] == (date(2017, 3, 2), 34.5624, "Palmyra")
    assert rows[0][4] == "DATE" and rows[0][5] == "DOUBLE"
    assert rows[0][2] is None
    df = pd.read_parquet(out)
    assert len(df) == 2


def test_jsonl_round_trips(tmp_path):
    out = tmp_path / "events.jsonl"
    export_events(_events(), "jsonl", out)
    back = [MergedEvent.model_validate(json.loads(x)) for x in out.read_text().splitlines()]
    assert [s.event_id for m in back for s in m.sources] == [e.id for e in _events()]
    assert (back[0].sources[0].start, back[0].sources[0].end) == (10, 36)


def test_unknown_format(tmp_path):
    with pytest.raises(ValueError):
        export_events(_events(), "xml", tmp_path / "x")  # type: ignore[arg-type]
