"""Merged events everywhere: export (five formats), `badia events`, the report data and
/api/events list one row per real event on the seeds; ``--tellings`` lists each telling;
a stale merge is said. The ACLED and UCDP CSVs load as their users load them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from badia.cli.app import app
from badia.present import queries as q
from badia.store import Store
from badia.store.actor_names import SIDE_ACTOR
from badia.store.merged import merge_state

runner = CliRunner()

# ACLED's column types as ACLED users read the CSV (acledR / the export tool's layout).
ACLED_DTYPES = {
    "event_id_cnty": "string", "event_date": "string", "year": "Int64",
    "time_precision": "Int64", "disorder_type": "string", "event_type": "string",
    "sub_event_type": "string", "actor1": "string", "assoc_actor_1": "string",
    "inter1": "Int64", "actor2": "string", "assoc_actor_2": "string", "inter2": "Int64",
    "interaction": "Int64", "civilian_targeting": "string", "iso": "Int64",
    "region": "string", "country": "string", "admin1": "string", "admin2": "string",
    "admin3": "string", "location": "string", "latitude": "float64", "longitude": "float64",
    "geo_precision": "Int64", "source": "string", "source_scale": "string",
    "notes": "string", "fatalities": "Int64", "tags": "string", "timestamp": "Int64",
}


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory, seed_paths) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    paths = [str(p) for p in seed_paths.values()]
    result = runner.invoke(app, ["extract", *paths, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "badia merge" in result.stderr  # extract without --merge says to merge
    return db


def _merge(db: Path) -> None:
    assert runner.invoke(app, ["merge", "--db", str(db)]).exit_code == 0


def test_every_view_lists_merged_events_and_tellings_on_demand(seeds_db: Path, tmp_path) -> None:
    _merge(seeds_db)
    with Store(seeds_db) as store:
        n_tellings = store.counts()["events"]
        assert merge_state(store).status == "fresh"
    ds = q.load_dataset_from_path(seeds_db)
    n_merged = len(ds.rows())
    assert n_merged < n_tellings  # the seeds tell at least one event twice
    for fmt in ("acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl"):
        for flag, n in (([], n_merged), (["--tellings"], n_tellings)):
            out = tmp_path / f"out{len(flag)}.{fmt}"
            result = runner.invoke(
                app, ["export", "--db", str(seeds_db), "--format", fmt, "--out", str(out), *flag]
            )
            assert result.exit_code == 0, result.output
            if fmt in ("acled-csv", "ucdp-csv"):
                assert len(pd.read_csv(out)) == n, (fmt, flag)
            elif fmt == "parquet":
                assert len(pd.read_parquet(out)) == n
            elif fmt == "geojson":
                assert len(json.loads(out.read_text())["features"]) == n
            else:
                assert len(out.read_text().splitlines()) == n
    listed = runner.invoke(app, ["events", "--db", str(seeds_db), "--limit", "1"])
    assert f"{n_merged} merged events" in listed.output
    listed = runner.invoke(app, ["events", "--db", str(seeds_db), "--limit", "1", "--tellings"])
    assert f"{n_tellings} tellings" in listed.output
    assert q.list_events(ds)["total"] == n_merged
    assert q.list_events(ds, tellings=True)["total"] == n_tellings
    assert len(q.report_data(ds)["events"]["rows"]) == n_merged
    from fastapi.testclient import TestClient

    from badia.present.api import create_app

    client = TestClient(create_app(seeds_db), base_url="http://localhost")  # a localhost Host
    assert client.get("/api/events").json()["total"] == n_merged
    assert client.get("/api/events", params={"tellings": "true"}).json()["total"] == n_tellings


def test_an_event_told_twice_lists_both_documents(seeds_db: Path) -> None:
    ds = q.load_dataset_from_path(seeds_db)
    told_twice = [r for r in q.list_events(ds, limit=1000)["items"] if r["n_tellings"] > 1]
    assert told_twice
    day = [r for r in told_twice if r["date_start"] == "2016-12-29"]
    assert day and len(day[0]["documents"]) == 2
    for telling in day[0]["sources"]:
        doc = ds.document(telling["doc_id"])
        assert doc.text[telling["start"] : telling["end"]] == telling["quote"]


def test_acled_csv_loads_with_acled_types_and_one_name_per_actor(seeds_db, tmp_path) -> None:
    out = tmp_path / "acled.csv"
    runner.invoke(app, ["export", "--db", str(seeds_db), "--format", "acled-csv", "--out",
                        str(out)])
    df = pd.read_csv(out, dtype=ACLED_DTYPES)
    assert df.event_id_cnty.str.fullmatch(r"SYR\d+").all() and df.event_id_cnty.is_unique
    assert df.actor1.notna().all()  # every event's initiator is named, at least by its side
    packaged = Path(__file__).resolve().parents[1] / "src/badia/data/actors.yaml"
    listed = yaml.safe_load(packaged.read_text())["actors"]
    assert [a["name"] for a in listed if not a.get("acled_name")] == []  # one list, all named
    acled_names = {a["acled_name"] for a in listed}
    assert set(df.actor1) <= acled_names | set(SIDE_ACTOR.values())
    assert (df.fatalities >= 0).all() and df.time_precision.isin([1, 2, 3]).all()
    assert df.interaction.notna().all() and df.source.str.len().gt(0).all()
    again = tmp_path / "again.csv"
    runner.invoke(app, ["export", "--db", str(seeds_db), "--format", "acled-csv", "--out",
                        str(again)])
    assert list(pd.read_csv(again, dtype=ACLED_DTYPES).event_id_cnty) == list(df.event_id_cnty)


def test_ucdp_best_is_the_sum_of_the_death_columns(seeds_db, tmp_path) -> None:
    out = tmp_path / "ged.csv"
    runner.invoke(app, ["export", "--db", str(seeds_db), "--format", "ucdp-csv", "--out",
                        str(out)])
    df = pd.read_csv(out)
    deaths = df.deaths_a + df.deaths_b + df.deaths_civilians + df.deaths_unknown
    assert (df.best == deaths).all()
    assert (df.low <= df.high).all() and (df.number_of_sources >= 1).all()
    assert df.date_prec.dropna().isin([1, 2, 3, 4, 5]).all()
    states = {"Government of Syria", "Government of Russia",
              "Government of United States of America"}
    assert not (df.side_b.isin(states) & ~df.side_a.isin(states)).any()


def test_a_user_actor_file_maps_names(seeds_db, tmp_path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("actors:\n  - name: ISIL\n    side: islamic_state\n"
                    "    acled_name: Daesh (Syria)\n    aliases: [ISIL, IS, Islamic State]\n")
    out = tmp_path / "acled.csv"
    result = runner.invoke(app, ["export", "--db", str(seeds_db), "--format", "acled-csv",
                                 "--out", str(out), "--actors", str(mine)])
    assert result.exit_code == 0, result.output
    assert "Daesh (Syria)" in set(pd.read_csv(out).actor1)


def test_a_document_added_after_the_merge_makes_it_stale(tmp_path, seed_paths) -> None:
    db = tmp_path / "two.duckdb"
    first, second = list(seed_paths.values())[:2]
    runner.invoke(app, ["extract", str(first), "--db", str(db), "--merge"])
    with Store(db) as store:
        assert merge_state(store).status == "fresh"
    runner.invoke(app, ["extract", str(second), "--db", str(db)])
    with Store(db) as store:
        state = merge_state(store)
    assert state.status == "stale" and state.new_documents == 1
    listed = runner.invoke(app, ["events", "--db", str(db), "--limit", "1"])
    assert "stale" in listed.stderr and "badia merge" in listed.stderr


def test_a_figure_repeated_by_two_tellings_counts_once() -> None:
    from datetime import date

    from badia.model import Event, Fatality

    def telling(doc: str) -> Event:
        return Event(
            id=f"{doc}:0:0", doc=f"{doc}.txt", doc_id=doc, quote="IS attacked Qasr Tal.",
            start=0, end=21, date_start=date(2018, 5, 2), date_end=date(2018, 5, 2),
            date_precision="day", type="attack", actor1=["IS"], side1="islamic_state",
            side2="government", locations=["Qasr Tal"],
            fatalities=[Fatality(side="government", killed=9, source="SOHR")],
        )

    ds = q.Dataset(documents=[], events=[telling("a"), telling("b")], tallies=[], infoboxes=[])
    assert len(ds.rows()) == 1 and ds.rows()[0].documents == ["a.txt", "b.txt"]
    assert q.casualties_by_claimant(ds) == [
        {"side": "government", "claimant": "SOHR", "killed": 9, "events": 1}
    ]
    assert q.list_events(ds)["items"][0]["killed"] == 9
