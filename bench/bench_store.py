"""The store's ingest cost as it grows: CPU per MB and peak RSS of the writer at 1..50 MB.

A corpus (the 125-page mirror when present, else the seeds) is extracted once; its store
rows are then written again and again under new document and event ids (one copy per
pass, as distinct documents), through the same ``BatchWriter`` and DuckDB settings as
``badia extract --db``, into a fresh store per size, each size in a fresh process. Only
the writing is timed (CPU seconds of the process), so the figure is the store's own cost
per MB of document text, which must not grow with the store; peak RSS is the writing
process's (``getrusage``). The mirror's long pages make long document records, the rows
that made DuckDB's checkpoints grow with the store (see ``INGEST_SETTINGS``).

    python bench/bench_store.py [--sizes 1,5,20,50] [--corpus mirror|seeds]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "mirror": REPO.parent / "shared" / "corpus" / "mirror-unlabeled",
    "seeds": REPO.parent / "shared" / "corpus" / "seeds",
}


def _copy(rows, k: int):
    """The rows of one document as a distinct document (ids prefixed by the copy)."""
    doc_id = f"{k:x}-{rows.doc_id}"
    return dataclasses.replace(
        rows,
        doc_id=doc_id,
        document=(doc_id, *rows.document[1:]),
        events=[(f"{k:x}-{e[0]}", doc_id, *e[2:]) for e in rows.events],
        tallies=[(t[0], doc_id, *t[2:]) for t in rows.tallies],
    )


def write_one(sample: Path, megabytes: float, db: Path) -> dict:
    """Write ``megabytes`` MB worth of copies of the sample into ``db``; CPU s and RSS."""
    from badia.store import BatchWriter, Store

    rows = pickle.loads(sample.read_bytes())
    sizes = [r.document[6] for r in rows]
    target = megabytes * 2**20
    written = docs = k = 0
    cpu = 0.0
    with Store(db, ingest=True) as store, BatchWriter(store) as writer:
        while written < target:
            for r, size in zip(rows, sizes, strict=True):
                copy = _copy(r, k)
                t0 = time.process_time()
                writer.add(copy, size)
                cpu += time.process_time() - t0
                written += size
                docs += 1
            k += 1
        t0 = time.process_time()
        writer.flush()
        store.connection.execute("CHECKPOINT")
        cpu += time.process_time() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mb": written / 2**20, "docs": docs, "cpu": cpu, "rss": rss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_STORE_SIZES", "1,5,20,50"))
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="mirror")
    parser.add_argument("--one", nargs=3, metavar=("SAMPLE", "MB", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(write_one(Path(args.one[0]), float(args.one[1]), Path(args.one[2]))))
        return
    from badia.runner import Job, iter_units, run_units

    with tempfile.TemporaryDirectory(prefix="badia-bench-store-") as tmp:
        sample = Path(tmp) / "rows.pickle"
        source = next(
            (p for p in (CORPORA[args.corpus], CORPORA["seeds"]) if p.is_dir()), REPO / "examples"
        )
        print(f"sample: the store rows of {source}")
        results = run_units(iter_units([source]), Job(rows=True))
        rows = [r.rows for r in results if r.rows is not None]
        assert rows, "no sample rows"
        sample.write_bytes(pickle.dumps(rows))
        print(f"{'MB':>6}{'docs':>7}{'write CPU s':>12}{'CPU s/MB':>10}{'peak RSS MiB':>13}")
        for size in (float(s) for s in args.sizes.split(",") if s):
            db = Path(tmp) / f"store-{size:g}.duckdb"
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(sample), str(size), str(db)],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(done.stdout)
            print(
                f"{r['mb']:>6.1f}{r['docs']:>7}{r['cpu']:>12.2f}{r['cpu'] / r['mb']:>10.3f}"
                f"{r['rss']:>13.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
