"""Casualty accounting: tallies and events by side and period, without double counting."""

from __future__ import annotations

from datetime import date

from badia.merge.casualties import casualty_table
from badia.merge.claims import tally_claims
from badia.model import Event, Fatality, Tally


def tally(doc: str, n: int, start: date, end: date, side: str, killed: int, source=None):
    return Tally(
        id=f"{doc}:{n}:t",
        doc=f"{doc}.txt",
        doc_id=doc,
        quote="...",
        start=n,
        end=n + 1,
        period_start=start,
        period_end=end,
        side=side,
        killed=killed,
        source=source,
    )


def event(doc: str, n: int, day: date, killed: int, source=None, side="government"):
    return Event(
        id=f"{doc}:{n}:0",
        doc=f"{doc}.txt",
        doc_id=doc,
        quote="IS ambushed a convoy near Sukhnah.",
        start=n,
        end=n + 1,
        date_start=day,
        date_end=day,
        date_precision="day",
        type="ambush",
        side1="islamic_state",
        side2="government",
        locations=["Sukhnah"],
        fatalities=[Fatality(side=side, killed=killed, source=source)],
    )


TALLIES = [
    tally("a", 1, date(2019, 1, 1), date(2021, 12, 31), "government", 1611, "SOHR"),
    tally("a", 2, date(2020, 1, 1), date(2020, 12, 31), "government", 780, "SOHR"),
    tally("a", 3, date(2022, 1, 1), date(2022, 12, 31), "government", 264, "SOHR"),
    tally("b", 1, date(2022, 1, 1), date(2022, 12, 31), "government", 300),
    tally("a", 4, date(2022, 1, 1), date(2022, 12, 31), "pro_government_foreign", 27, "SOHR"),
]


def test_nested_and_disagreeing_tallies_are_flagged_and_counted_once():
    rows = casualty_table([], TALLIES, by="year")
    got = {(r.period, r.source, r.side): r for r in rows}
    outer = got[("2019–2021", "SOHR", "government")]
    assert outer.counted == 1611 and outer.flags == []
    inner = got[("2020", "SOHR", "government")]
    assert inner.counted == 0
    assert inner.flags == ["inside 2019-01-01..2021-12-31 total (SOHR 1611)"]
    sohr22 = got[("2022", "SOHR", "government")]
    doc22 = got[("2022", "doc:b.txt", "government")]
    assert sohr22.counted == 264  # the monitor's figure is the best estimate
    assert doc22.counted == 0
    assert "disagree: SOHR 264 for the same period" in doc22.flags
    assert "disagree: doc:b.txt 300 for the same period" in sohr22.flags
    foreign = got[("2022", "SOHR", "pro_government_foreign")]
    assert foreign.counted == 0 and "part of the government total" in foreign.flags
    assert sum(r.counted for r in rows if r.side == "government") == 1611 + 264


def test_event_fatalities_sum_once_per_merged_event_and_defer_to_tallies():
    events = [
        # one ambush told by two documents: summed once (best = SOHR's 26)
        event("c", 1, date(2023, 5, 22), 26, "SOHR"),
        event("d", 1, date(2023, 5, 22), 16, "state media"),
        event("c", 2, date(2023, 7, 1), 5),
        # inside the 2022 tallies' period: shown, not counted
        event("c", 3, date(2022, 3, 3), 9),
    ]
    rows = casualty_table(events, TALLIES, by="year")
    ev23 = next(r for r in rows if r.kind == "events" and r.period == "2023")
    assert (ev23.source, ev23.killed, ev23.counted) == ("events", 31, 31)
    assert len(ev23.record_ids) == 2 and ev23.documents == ["c.txt", "d.txt"]
    ev22 = next(r for r in rows if r.kind == "events" and r.period == "2022")
    assert (ev22.killed, ev22.counted) == (9, 0)
    assert ev22.flags and "tally preferred" in ev22.flags[0]
    monthly = casualty_table(events, TALLIES, by="month")
    labels = {r.period for r in monthly if r.kind == "events"}
    assert labels == {"2022-03", "2023-05", "2023-07"}
    assert {r.period for r in monthly if r.source == "SOHR"} >= {
        "2019-01–2021-12",
        "2022-01–2022-12",
    }


def test_tally_claims_group_one_period_across_documents():
    claims = {c.subject_id: c for c in tally_claims(TALLIES)}
    c = claims["tally:government:2022-01-01:2022-12-31"]
    assert (c.low, c.best, c.high) == (264, 264, 300)
    assert (c.best_claimant, c.high_claimant) == ("SOHR", "doc:b.txt")
