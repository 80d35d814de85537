"""The merge tables in the DuckDB store, and the merging CLI commands."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from badia.merge import run_merge
from badia.merge.records import MergeResult
from badia.model import (
    Commander,
    Document,
    Event,
    Extraction,
    Fatality,
    Infobox,
    InfoboxSide,
    Tally,
    Unit,
)
from badia.store import Store
from badia.store.merged import (
    has_merge,
    load_claims,
    load_control,
    load_merge,
    load_merged_events,
    save_merge,
)

TEXT_A = "On 4 March 2019, IS captured the Hayyan gas field. SOHR said 25 soldiers were killed."
TEXT_B = "IS fighters seized the Hayyan Gas Fields on 4 March; the ministry said 16 soldiers died."


def extraction(doc_id: str, name: str, text: str, killed: int, source: str, infobox=None):
    doc = Document(id=doc_id, source=name, name=name, format="text", text=text, infobox=infobox)
    ev = Event(
        id=f"{doc_id}:0:0",
        doc=name,
        doc_id=doc_id,
        quote=text,
        start=0,
        end=len(text),
        date_start=date(2019, 3, 4),
        date_end=date(2019, 3, 4),
        date_precision="day",
        type="capture",
        actor1=["IS"],
        side1="islamic_state",
        actor2=[],
        side2="government",
        locations=["Hayyan gas field" if doc_id == "aaaa" else "Hayyan Gas Fields"],
        admin1="Homs",
        fatalities=[Fatality(side="government", killed=killed, source=source)],
    )
    tally = Tally(
        id=f"{doc_id}:1:t",
        doc=name,
        doc_id=doc_id,
        quote=text,
        start=0,
        end=5,
        period_start=date(2019, 1, 1),
        period_end=date(2019, 12, 31),
        side="government",
        killed=killed * 10,
        source=source,
    )
    return Extraction(document=doc, events=[ev], tallies=[tally])


INFOBOX = Infobox(
    sides=[
        InfoboxSide(
            combatants=["Syria"],
            commanders=[Commander(name="Suheil al-Hassan", status="WIA")],
            units=[Unit(name="Syrian Arab Army", children=[Unit(name="Tiger Forces")])],
        ),
        InfoboxSide(combatants=["ISIL"]),
    ]
)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.save_extraction(extraction("aaaa", "a.txt", TEXT_A, 25, "SOHR", INFOBOX))
        store.save_extraction(extraction("bbbb", "b.txt", TEXT_B, 16, "the ministry"))
    return path


def test_run_merge_saves_and_loads_round_trip(db):
    with Store(db) as store:
        assert not has_merge(store)
        result = run_merge(store)
        assert has_merge(store)
        loaded = load_merge(store)
    assert loaded == result
    (m,) = result.merged_events
    assert len(m.sources) == 2 and m.reasons
    assert {
        (c.side, c.low, c.best, c.high) for c in result.claims if c.subject_kind == "event"
    } == {("government", 16, 25, 25)}
    (period,) = result.control
    assert period.side == "islamic_state" and len(period.evidence) == 2
    assert [s.side for s in result.order_of_battle] == ["government", "islamic_state"]


def test_save_merge_replaces_everything_in_one_transaction(db):
    with Store(db) as store:
        run_merge(store)
        save_merge(store, MergeResult())
        assert load_merged_events(store) == [] and load_claims(store) == []
        assert load_control(store) == []
        result = run_merge(store)
        keys = [p.key for p in result.control]
        bad = result.model_copy(update={"control": [object()]})  # fails while inserting
        with pytest.raises(Exception):  # noqa: B017  (any failure must roll back)
            save_merge(store, bad)
        assert [p.key for p in load_control(store, keys)] == keys  # previous merge intact
        assert len(load_merged_events(store)) == 1


def test_cli_commands(db):
    import badia.cli.merging  # noqa: F401  (registers the commands)
    from badia.cli.app import app

    runner = CliRunner(env={"COLUMNS": "200"})
    out = runner.invoke(app, ["merge", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "2 events -> 1 merged events (1 told by more than one document)" in out.output
    assert "same type family 'capture'" in out.output
    out = runner.invoke(app, ["control", "hayyan gas fields", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "islamic_state" in out.output and "(open)" in out.output
    out = runner.invoke(app, ["control", "Nowhere At All", "--db", str(db)])
    assert out.exit_code == 1
    out = runner.invoke(app, ["casualties", "--db", str(db), "--side", "government"])
    assert out.exit_code == 0, out.output
    assert "disagree" in out.output and "250" in out.output and "160" in out.output
    out = runner.invoke(app, ["oob", "--db", str(db), "--side", "government"])
    assert out.exit_code == 0, out.output
    assert "Tiger Forces" in out.output and "WIA" in out.output
    out = runner.invoke(app, ["oob", "--db", str(db), "--side", "martians"])
    assert out.exit_code == 2
