"""Time of the cross-document merge at 1x, 4x and 16x the 125-page mirror corpus.

The events come from ``badia extract`` of ``../shared/corpus/mirror-unlabeled`` (or
from a store given with ``--db``). Copy k of the corpus has every date shifted by
``k * YEARS_PER_COPY`` years and its own document and event ids, so copies are distinct
events that never merge with each other (the merge must still look at them). Prints
events, merged events, candidate pairs, CPU seconds (process time, steadier than the
wall clock on a shared machine) and wall seconds per scale, and the growth exponent ``b``
of ``cpu time ~ n^b`` fitted over the scales (1 is linear, 2 quadratic). Timings are
noisy on a busy machine: compare scales within one run.

Run with ``make bench`` or ``python bench/bench_merge.py [--db STORE] [--scales 1,4,16]``.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from datetime import date
from pathlib import Path

from badia.merge.events import candidate_pairs, merge_events
from badia.model import Event
from badia.pipeline import extract_document
from badia.read import iter_read
from badia.read.errors import ReadError

REPO = Path(__file__).resolve().parents[1]
MIRROR = REPO.parent / "shared" / "corpus" / "mirror-unlabeled"
YEARS_PER_COPY = 200  # far beyond any event's span, so copies never overlap in time


def corpus_events(db: Path | None) -> list[Event]:
    """The events of one copy: from a store, or extracted from the mirror pages."""
    if db is not None:
        from badia.store import Store

        with Store(db, read_only=True) as store:
            return store.events()
    events: list[Event] = []
    for item in iter_read([str(MIRROR)]):
        if not isinstance(item, ReadError):
            events.extend(extract_document(item).events)
    return events


def _shift(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def copy_of(events: list[Event], k: int) -> list[Event]:
    """Copy ``k``: dates moved ``k * YEARS_PER_COPY`` years on, ids made distinct."""
    if k == 0:
        return events
    years = k * YEARS_PER_COPY
    return [
        e.model_copy(
            update={
                "id": f"{e.id}~{k}",
                "doc_id": f"{e.doc_id}~{k}",
                "doc": f"{e.doc}~{k}",
                "date_start": _shift(e.date_start, years),
                "date_end": _shift(e.date_end, years),
            }
        )
        for e in events
    ]


def growth_exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) over log(n)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-9)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="read one copy's events from this store")
    parser.add_argument("--scales", default="1,4,16", help="copies of the corpus, comma-separated")
    args = parser.parse_args(argv)
    if args.db is None and not MIRROR.is_dir():
        print(f"no corpus at {MIRROR}; pass --db STORE", file=sys.stderr)
        return 2
    scales = [int(s) for s in args.scales.split(",")]
    started = time.perf_counter()
    base = corpus_events(args.db)
    print(f"one copy: {len(base)} events (read in {time.perf_counter() - started:.1f} s)")
    points = []
    print(f"{'scale':>5} {'events':>8} {'merged':>8} {'pairs':>9} {'cpu s':>8} {'wall s':>8}")
    for scale in scales:
        events = [e for k in range(scale) for e in copy_of(base, k)]
        pairs = sum(1 for _ in candidate_pairs(events))
        wall, cpu = time.perf_counter(), time.process_time()
        merged = merge_events(events)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        points.append((len(events), cpu))
        print(f"{scale:>4}x {len(events):>8} {len(merged):>8} {pairs:>9} {cpu:>8.2f} {wall:>8.2f}")
    if len(points) > 1:
        print(f"growth exponent (cpu time ~ n^b): b = {growth_exponent(points):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
