"""No impossible number: counts beyond what one event, one tally or one period can hold
are dropped with a warning, and a real corpus stores whole (``../shared`` mirror pages)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from badia.cli.app import app
from badia.events.plausibility import (
    MAX_KILLED_ONE_EVENT,
    plausible_events,
    plausible_tallies,
    tally_bound,
)
from badia.model import Event, Fatality, Tally
from badia.pipeline import extract_text
from badia.store import Store
from badia.store.merged import load_merged_events


def _event(*killed: int) -> Event:
    return Event(
        id="d:0:0", doc="d.txt", doc_id="d", quote="q", start=10, end=20,
        date_start=None, date_end=None, date_precision=None, type="attack",
        fatalities=[Fatality(side="unknown", killed=k) for k in killed],
    )


def _tally(killed: int, start: date, end: date) -> Tally:
    return Tally(id="d:t0", doc="d.txt", doc_id="d", quote="q", start=5, end=9,
                 period_start=start, period_end=end, side="government", killed=killed)


def test_an_event_count_beyond_the_bound_is_dropped_and_named(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="badia.plausibility"):
        [event] = plausible_events([_event(12, MAX_KILLED_ONE_EVENT + 1)])
    assert [f.killed for f in event.fatalities] == [12]
    assert "d.txt [10:20]" in caplog.text


def test_a_tally_is_bounded_by_its_period() -> None:
    month = (date(2016, 1, 1), date(2016, 1, 31))
    assert plausible_tallies([_tally(900_000, *month)]) == []
    year = (date(2016, 1, 1), date(2016, 12, 31))
    assert len(plausible_tallies([_tally(90_000, *year)])) == 1
    assert tally_bound(_tally(1, *year)) >= 90_000


def test_a_link_in_a_reference_list_gives_no_tally() -> None:
    text = (
        "Border clashes (2014)\n\nIn 2014 the border guards killed 12 smugglers, "
        "the monitor said.\n\n"
        " * https://web.archive.org/web/20150204062119/http://news.example.org/en/"
        "2014/963-five-kurds-killed-while-crossing.html\n"
    )
    ex = extract_text(text, name="border.txt")
    counts = [f.killed for e in ex.events for f in e.fatalities] + [t.killed for t in ex.tallies]
    assert set(counts) == {12}, counts


def test_the_mirror_corpus_stores_whole_with_no_impossible_count(
    shared_dir: Path, tmp_path: Path
) -> None:
    mirror = shared_dir / "corpus" / "mirror-unlabeled"
    db = tmp_path / "mirror.duckdb"
    result = CliRunner().invoke(app, ["extract", str(mirror), "--db", str(db), "--merge"])
    assert result.exit_code == 0, result.output[-2000:]
    # every page; the folder's README describes the corpus and is not one of its documents
    n_files = len([p for p in mirror.glob("*.md") if p.name != "README.md"])
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == n_files
        for event in store.events():
            for f in event.fatalities + event.wounded:
                assert f.killed <= MAX_KILLED_ONE_EVENT, (event.doc, event.start, f)
        for tally in store.tallies():
            assert tally.killed <= tally_bound(tally), (tally.doc, tally.start, tally.killed)
        assert load_merged_events(store)
