"""Casualty accounting: killed by side and period, from tallies and from events, per
source, with the places where figures disagree or periods overlap.

Rules, so nothing is counted twice in the ``counted`` column:

- A tally is one row with its own period. A tally inside one bucket (year or month) is
  labelled with that bucket; a longer one is labelled with its span ("2019–2021").
- Tallies of one side are taken longest period first: a tally that overlaps a tally
  already counted (a yearly figure inside a multi-year total, or a partly overlapping
  span) is shown but not counted, and flagged. For the same exact period from several
  claimants (or one claimant twice), only the ``best`` figure of the period's claim
  (see :mod:`badia.merge.claims`) is counted; the others are flagged as disagreeing.
- Event fatalities are summed per bucket and side as the source ``events``, one figure per
  merged event (its ``best``), so a death told by two documents is summed once.
  An event whose date lies inside a counted tally of the same side is not counted
  (inside a nested period, prefer the tally); the row says how much was left out.
- ``pro_government_foreign`` figures are parts of a government total (GUIDELINES
  section 2): shown, flagged, never counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from badia.merge.claims import event_claims, tally_claims, tally_subject
from badia.merge.events import claimant_of, merge_events
from badia.merge.records import CasualtyRow, MergedEvent
from badia.model import Event, Tally

Bucket = Literal["year", "month"]


def bucket_of(d: date, by: Bucket) -> tuple[str, date, date]:
    """The label and bounds of the year or month holding ``d``."""
    if by == "year":
        return str(d.year), date(d.year, 1, 1), date(d.year, 12, 31)
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return f"{d.year}-{d.month:02d}", date(d.year, d.month, 1), nxt - timedelta(days=1)


def _label(start: date, end: date, by: Bucket) -> str:
    a, _, a_end = bucket_of(start, by)
    b, _, _ = bucket_of(end, by)
    return a if end <= a_end else f"{a}–{b}"


def _overlaps(a0: date, a1: date, b0: date, b1: date) -> bool:
    return a0 <= b1 and b0 <= a1


def _span(t0: date, t1: date) -> str:
    return f"{t0.isoformat()}..{t1.isoformat()}"


def _tally_order(t: Tally, best: int) -> tuple:
    """Longest period first; for one period, the best figure first."""
    assert t.period_start and t.period_end
    return (t.period_start - t.period_end, t.period_start, t.killed != best, t.id)


def _tally_rows(tallies: Sequence[Tally], by: Bucket) -> list[CasualtyRow]:
    dated = [t for t in tallies if t.period_start and t.period_end]
    best = {c.subject_id: c for c in tally_claims(dated)}
    rows: list[CasualtyRow] = []
    by_side: dict[str, list[Tally]] = defaultdict(list)
    for t in dated:
        by_side[t.side].append(t)
    for side, ts in by_side.items():
        counted: list[Tally] = []
        ts = sorted(ts, key=lambda t: _tally_order(t, best[tally_subject(t)].best))
        for t in ts:
            assert t.period_start and t.period_end
            claimant = claimant_of(t.source, None, t.doc)
            claim = best[tally_subject(t)]
            flags: list[str] = []
            same = [f for f in claim.figures if f.record_id != t.id and f.killed != t.killed]
            if same:
                others = ", ".join(f"{f.claimant} {f.killed}" for f in same)
                flags.append(f"disagree: {others} for the same period")
            count = side != "pro_government_foreign"
            if side == "pro_government_foreign":
                flags.append("part of the government total")
            for c in counted:
                assert c.period_start and c.period_end
                if not _overlaps(t.period_start, t.period_end, c.period_start, c.period_end):
                    continue
                cl = claimant_of(c.source, None, c.doc)
                if (c.period_start, c.period_end) == (t.period_start, t.period_end):
                    flags.append(f"same period as counted {cl} {c.killed}")
                elif c.period_start <= t.period_start and t.period_end <= c.period_end:
                    flags.append(
                        f"inside {_span(c.period_start, c.period_end)} total ({cl} {c.killed})"
                    )
                else:
                    flags.append(
                        f"overlaps {_span(c.period_start, c.period_end)} ({cl} {c.killed})"
                    )
                count = False
            if count and claim.best != t.killed:
                # Same exact period, several figures: only the best one counts.
                count = False
                flags.append(f"not the best figure ({claim.best_claimant} {claim.best})")
            if count:
                counted.append(t)
            rows.append(
                CasualtyRow(
                    period=_label(t.period_start, t.period_end, by),
                    period_start=t.period_start,
                    period_end=t.period_end,
                    side=t.side,
                    kind="tally",
                    source=claimant,
                    killed=t.killed,
                    counted=t.killed if count else 0,
                    flags=flags,
                    record_ids=[t.id],
                    documents=[t.doc],
                )
            )
    return rows


def _event_rows(
    merged: Sequence[MergedEvent], counted_tallies: list[CasualtyRow], by: Bucket
) -> list[CasualtyRow]:
    claims = event_claims(merged)
    by_id = {m.id: m for m in merged}
    acc: dict[tuple[str, str], dict] = {}
    for c in claims:
        m = by_id[c.subject_id]
        if m.date_start is None or m.date_end is None:
            continue
        label, b0, b1 = bucket_of(m.date_start, by)
        row = acc.setdefault(
            (label, c.side),
            {
                "b0": b0,
                "b1": b1,
                "killed": 0,
                "counted": 0,
                "ids": [],
                "docs": set(),
                "inside": set(),
            },
        )
        row["killed"] += c.best
        row["ids"].append(m.id)
        row["docs"].update(m.documents)
        holder = next(
            (
                t
                for t in counted_tallies
                if t.side == c.side
                and t.period_start <= m.date_start
                and m.date_end <= t.period_end
            ),
            None,
        )
        if holder is None:
            row["counted"] += c.best
        else:
            row["inside"].add(
                f"{_span(holder.period_start, holder.period_end)} ({holder.source} {holder.killed})"
            )
    rows = []
    for (label, side), r in acc.items():
        flags = []
        if r["inside"]:
            left = r["killed"] - r["counted"]
            flags.append(
                f"{left} inside tally period(s) {'; '.join(sorted(r['inside']))}: tally preferred"
            )
        rows.append(
            CasualtyRow(
                period=label,
                period_start=r["b0"],
                period_end=r["b1"],
                side=side,  # type: ignore[arg-type]
                kind="events",
                source="events",
                killed=r["killed"],
                counted=r["counted"],
                flags=flags,
                record_ids=r["ids"],
                documents=sorted(r["docs"]),
            )
        )
    return rows


def casualty_table(
    events: Sequence[Event],
    tallies: Sequence[Tally],
    by: Bucket = "year",
    merged: Sequence[MergedEvent] | None = None,
) -> list[CasualtyRow]:
    """Rows of killed by side and period (see the module docstring for the rules).

    ``merged`` may be passed when the events were merged already (saves the work);
    otherwise ``events`` are merged here.
    """
    if by not in ("year", "month"):
        raise ValueError(f"by must be 'year' or 'month', not {by!r}")
    if merged is None:
        merged = merge_events(events)
    rows = _tally_rows(tallies, by)
    counted = [r for r in rows if r.counted]
    rows += _event_rows(merged, counted, by)
    rows.sort(
        key=lambda r: (r.period_start, r.side, r.kind != "tally", r.period_end, r.source, r.killed)
    )
    return rows
