"""A Dask cluster of two worker processes extracts what the local path extracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from badia.cli.app import app
from badia.store import TABLE_COLUMNS
from store_rows import stored_rows

distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
runner = CliRunner()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/corpus/seeds")
def test_a_local_cluster_extracts_the_same_events(tmp_path: Path) -> None:
    import badia.dask as badia_dask

    local = tmp_path / "local.duckdb"
    done = runner.invoke(app, ["extract", str(SEEDS), "--db", str(local), "--workers", "1"])
    assert done.exit_code == 0, done.output
    expected = stored_rows(local)
    assert expected["events"]

    dataset, loaded = tmp_path / "dataset", tmp_path / "cluster.duckdb"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        done = runner.invoke(
            app,
            [
                "extract",
                str(SEEDS),
                "--scheduler",
                cluster.scheduler_address,
                "--parquet",
                str(dataset),
                "--db",
                str(loaded),
            ],
        )
        assert done.exit_code == 0, done.output
        events = badia_dask.extract([SEEDS]).compute()
        frame = badia_dask.events_frame([SEEDS]).compute()
    assert stored_rows(loaded) == expected
    records = sorted(json.loads(row[-1])["id"] for row in expected["events"])
    assert sorted(e["id"] for e in events) == records
    # the DataFrame: the store's event columns, one row per event, typed as declared
    assert sorted(frame["id"]) == records
    assert list(frame.columns) == [c for c, _ in TABLE_COLUMNS["events"]]
    assert str(frame["date_start"].dtype) == "datetime64[s]"
    stored = {row[0]: row for row in expected["events"]}
    for row in frame.itertuples(index=False):
        want = stored[row.id]
        assert row.type == want[4] and row.record == want[-1]
        got_date = None if pd.isna(row.date_start) else row.date_start.date()
        assert got_date == want[2]
        assert (None if pd.isna(row.fatalities_total) else int(row.fatalities_total)) == want[10]
    # the dataset loads again without duplicates (documents already stored are replaced)
    assert runner.invoke(app, ["store", "load", str(dataset), "--db", str(loaded)]).exit_code == 0
    assert stored_rows(loaded) == expected
