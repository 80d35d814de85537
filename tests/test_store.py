"""The DuckDB store: round trips, idempotency, all-or-nothing saves."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from badia.model import (
    Commander,
    Document,
    Event,
    Extraction,
    Fatality,
    Infobox,
    InfoboxSide,
    Phase,
    Place,
    Tally,
    Unit,
)
from badia.store import SCHEMA_VERSION, BatchWriter, Store, StoreError, extraction_rows

TEXT = "On 3 May 2018, the army captured Testville. Forty people died in May."


def make_doc(text: str = TEXT, doc_id: str = "a1b2c3d4e5f60718") -> Document:
    return Document(
        id=doc_id,
        source="/tmp/in/testville.txt",
        name="testville.txt",
        format="text",
        text=text,
        title="Battle of Testville",
        published=date(2018, 6, 1),
        infobox=Infobox(
            name="Battle of Testville",
            phases=[Phase(label=None, start=date(2018, 5, 3), end=None)],
            sides=[
                InfoboxSide(
                    combatants=["Testland"],
                    commanders=[Commander(name="Jane Roe", status="KIA")],
                    units=[Unit(name="Army", children=[Unit(name="1st Corps")])],
                )
            ],
            start=0,
            end=10,
        ),
    )


def make_event(doc: Document, n: int = 0, killed: int = 3) -> Event:
    return Event(
        id=f"{doc.id}:15:{n}",
        doc=doc.name,
        doc_id=doc.id,
        quote="the army captured Testville",
        start=15,
        end=42,
        date_start=date(2018, 5, 3),
        date_end=date(2018, 5, 3),
        date_precision="day",
        type="capture",
        actor1=["Syrian Army"],
        side1="government",
        locations=["Testville"],
        places=[Place(name="Testville", start=33, end=42, latitude=34.5, longitude=38.2)],
        fatalities=[Fatality(side="opposition", killed=killed, source="SOHR")],
    )


def make_tally(doc: Document) -> Tally:
    return Tally(
        id=f"{doc.id}:t:44",
        doc=doc.name,
        doc_id=doc.id,
        quote="Forty people died in May.",
        start=44,
        end=69,
        period_start=date(2018, 5, 1),
        period_end=date(2018, 5, 31),
        side="civilians",
        killed=40,
    )


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


def test_round_trip(db: Path) -> None:
    doc = make_doc()
    ev, tally = make_event(doc), make_tally(doc)
    with Store(db) as store:
        assert store.add_document(doc) is True
        store.save_extraction(Extraction(document=doc, events=[ev], tallies=[tally]))
    with Store(db) as store:  # reopened: everything came from the file
        assert store.documents() == [doc]
        assert store.get_document(doc.id) == doc
        assert store.get_document("nope") is None
        assert store.events() == [ev]
        assert store.events(doc.id) == [ev]
        assert store.events("other") == []
        assert store.tallies() == [tally]
        assert store.infoboxes() == [(doc.id, doc.name, doc.infobox)]
        assert store.counts() == {"documents": 1, "events": 1, "tallies": 1, "infoboxes": 1}
        row = store.connection.execute(
            "SELECT latitude, fatalities_total, side1 FROM events"
        ).fetchone()
        assert row == (34.5, 3, "government")


def test_add_document_is_idempotent(db: Path) -> None:
    doc = make_doc()
    with Store(db) as store:
        assert store.add_document(doc) is True
        assert store.add_document(doc) is False
        other = make_doc(text="Another text.", doc_id="ffff000011112222")
        assert store.add_document(other) is True
        assert store.counts()["documents"] == 2


def test_save_extraction_replaces_previous_rows(db: Path) -> None:
    doc = make_doc()
    with Store(db) as store:
        two = [make_event(doc, 0), make_event(doc, 1)]
        store.save_extraction(Extraction(document=doc, events=two))
        assert len(store.events(doc.id)) == 2
        store.save_extraction(Extraction(document=doc, events=[make_event(doc, 0, killed=9)]))
        events = store.events(doc.id)
        assert [e.fatalities[0].killed for e in events] == [9]
        assert store.counts()["documents"] == 1
        nobox = doc.model_copy(update={"infobox": None})
        store.save_extraction(Extraction(document=nobox))
        assert store.infoboxes() == []
        assert store.events() == []


def test_failed_save_leaves_previous_state(db: Path) -> None:
    doc = make_doc()
    first = [make_event(doc, 0), make_event(doc, 1)]
    with Store(db) as store:
        store.save_extraction(Extraction(document=doc, events=first, tallies=[make_tally(doc)]))
        # Two events with one id: the insert fails after the old rows were deleted.
        dup = make_event(doc, 5)
        with pytest.raises(StoreError, match="two events with the id"):
            store.save_extraction(Extraction(document=doc, events=[dup, dup]))
        assert store.events(doc.id) == first
        assert len(store.tallies(doc.id)) == 1
        assert store.infoboxes()[0][2] == doc.infobox


def test_transaction_rolls_back_on_exception(db: Path) -> None:
    doc = make_doc()
    with Store(db) as store:
        store.save_extraction(Extraction(document=doc, events=[make_event(doc, 0)]))
        with pytest.raises(RuntimeError), store.transaction() as con:
            con.execute("DELETE FROM events")
            raise RuntimeError("simulated crash mid-save")
        assert len(store.events()) == 1


def test_save_failure_mid_write_keeps_old_events(db: Path, monkeypatch) -> None:
    """An exception between the delete and the insert rolls the delete back."""
    doc = make_doc()
    with Store(db) as store:
        store.save_extraction(Extraction(document=doc, events=[make_event(doc, 0)]))

        def boom(self, con, batch):
            raise OSError("disk gone")

        monkeypatch.setattr(Store, "_insert_rows", boom)
        with pytest.raises(OSError):
            store.save_extraction(Extraction(document=doc, events=[]))
        assert [e.id for e in store.events()] == [make_event(doc, 0).id]


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("this is a text file, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(bad)


def test_schema_version_recorded(db: Path) -> None:
    with Store(db) as store:
        pass
    with Store(db) as store:  # reopening does not add a second version row
        rows = store.connection.execute("SELECT version FROM schema_version").fetchall()
        assert rows == [(SCHEMA_VERSION,)]


def test_a_batch_stores_each_document_once_and_the_last_extraction_wins(db: Path) -> None:
    doc = make_doc()
    other = make_doc(text="Another text.", doc_id="ffff000011112222")
    with Store(db) as store:
        assert store.add_document(doc) is True  # ingested before: its row is kept
        store.save_rows(
            [
                extraction_rows(Extraction(document=doc, events=[make_event(doc, 0)])),
                extraction_rows(Extraction(document=other, events=[make_event(other, 0)])),
                extraction_rows(Extraction(document=doc, events=[make_event(doc, 1)])),
            ]
        )
        assert [e.id for e in store.events(doc.id)] == [make_event(doc, 1).id]
        assert len(store.events(other.id)) == 1
        store.save_rows([extraction_rows(Extraction(document=other))])  # re-run: replaced
        assert store.events(other.id) == []
        assert store.counts() == {"documents": 2, "events": 1, "tallies": 0, "infoboxes": 2}


_KILLED_WRITER = """
import os, signal, sys
from badia.store import Store, extraction_rows
from badia.model import Extraction
sys.path.insert(0, {tests!r})
from test_store import make_doc, make_event
store = Store({db!r})
first = make_doc()
store.save_rows([extraction_rows(Extraction(document=first, events=[make_event(first, 0)]))])
con = store.connection
con.execute("BEGIN TRANSACTION")
con.execute("DELETE FROM events")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_writer_loses_nothing_committed(db: Path) -> None:
    code = _KILLED_WRITER.format(tests=str(Path(__file__).parent), db=str(db))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    with Store(db) as store:  # reopened after the kill: the WAL is replayed
        assert [e.id for e in store.events()] == [make_event(make_doc(), 0).id]
        assert store.counts()["documents"] == 1


def test_a_refused_document_is_left_out_alone(db: Path) -> None:
    good = make_doc(text="Another text.", doc_id="ffff000011112222")
    bad = make_doc()
    dup = make_event(bad, 5)
    with Store(db) as store:
        writer = BatchWriter(store, docs=10)
        assert writer.add(extraction_rows(Extraction(document=bad, events=[dup, dup]))) == []
        assert (
            writer.add(extraction_rows(Extraction(document=good, events=[make_event(good)]))) == []
        )
        refused = writer.flush()
        assert [source for source, _ in refused] == [bad.source]
        assert [e.doc_id for e in store.events()] == [good.id]


def test_filter_columns_keep_their_types(db: Path) -> None:
    """The columns copied out of the records hold typed values (dates, numbers), nulls
    where the record has none."""
    doc = make_doc()
    bare = make_event(doc, 1).model_copy(update={"date_start": None, "places": []})
    with Store(db) as store:
        store.save_extraction(Extraction(document=doc, events=[make_event(doc), bare]))
        rows = store.connection.execute(
            "SELECT date_start, latitude, fatalities_total, typeof(record) FROM events ORDER BY id"
        ).fetchall()
        published = store.connection.execute("SELECT published FROM documents").fetchone()
    assert rows == [(date(2018, 5, 3), 34.5, 3, "JSON"), (None, None, 3, "JSON")]
    assert published == (date(2018, 6, 1),)


def test_writing_imports_neither_pyarrow_nor_pandas(tmp_path: Path) -> None:
    """The writing process of ``extract --db`` stays small: pyarrow and the pandas it pulls
    in cost about 120 MB of memory, and writing the store needs neither."""
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from badia.model import Document, Extraction\n"
        "from badia.store import BatchWriter, Store, extraction_rows\n"
        "doc = Document(id='0123456789abcdef', source='a.txt', name='a.txt', format='text',\n"
        "               text='The army shelled Testville.', published=date(2020, 1, 2))\n"
        f"with Store({str(tmp_path / 's.duckdb')!r}) as store, BatchWriter(store) as w:\n"
        "    w.add(extraction_rows(Extraction(document=doc)))\n"
        "print(sorted(m for m in ('pyarrow', 'pandas') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def _long_document(i: int, rng: random.Random) -> Document:
    """A document of about 100 kB of text (its record as long as a long news page's)."""
    words = ("army", "shelled", "village", "Testville", "killed", "rebels", "captured", "on")
    text = " ".join(f"{rng.choice(words)}{rng.randrange(1000)}" for _ in range(12_000))
    return make_doc(text=text, doc_id=f"{i:016x}").model_copy(update={"infobox": None})


def test_ingest_of_long_documents_stays_within_duckdbs_memory(db: Path) -> None:
    """Many checkpoints of long records under a small cache: DuckDB's vacuum merged each
    checkpoint's row group into one holding every document so far (its memory grew with
    the store until a checkpoint failed and DuckDB closed the database), and ``INSERT ..
    ON CONFLICT`` held many times the batch (a batch failed, then ``BatchWriter`` saved
    its documents one by one). The ingest settings and the key lookup keep every batch
    whole."""
    rng = random.Random(7)
    with Store(db, ingest=True, memory_limit="16MB") as store:
        store.connection.execute("SET checkpoint_threshold = '1MB'")  # many checkpoints
        for first in range(0, 160, 16):
            docs = [_long_document(i, rng) for i in range(first, first + 16)]
            store.save_rows([extraction_rows(Extraction(document=d)) for d in docs])
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 160


def test_a_failed_duckdb_stops_the_writer_instead_of_refusing_each_document(
    db: Path, monkeypatch
) -> None:
    """After a fatal error DuckDB refuses every statement: that is the store's failure,
    not the documents' (each was reported as 'not stored' and the run went on)."""
    import duckdb

    from badia.store import StoreFailed

    doc = make_doc()
    with Store(db) as store:
        writer = BatchWriter(store, docs=10)
        writer.add(extraction_rows(Extraction(document=doc)))

        def fail(batch: object) -> None:
            raise duckdb.FatalException("FATAL Error: database has been invalidated")

        monkeypatch.setattr(store, "save_rows", fail)
        with pytest.raises(StoreFailed, match="batches committed before are kept"):
            writer.flush()
