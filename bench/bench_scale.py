"""What a user feels: whole-process throughput and memory of ``badia extract``.

For each corpus (the seeds, and the 125-page mirror when present) repeated to each size
(years shifted per copy, see ``corpus.py``), runs the command line as a user would,
with 1 and N worker processes, with and without ``--db``, and prints per run: wall
time, MB/s and docs/s of the whole process, CPU-seconds per MB (all processes: less
sensitive to other load on the machine than wall time), the peak RSS of the main
process and of the largest worker process (``VmHWM`` polled every 0.2 s; the main
process also extracts when there is one worker), the N/1 ratio of wall time
measured in the same run, and the documents the run reported failed (unreadable,
refused by the store; -1 when the run ended without its closing line).

    python bench/bench_scale.py [--sizes 1,5,20,50] [--workers N] [--corpus seeds,mirror]
                                [--db both|with|without]

``make bench`` runs a quick default (1 MB); ``make bench BENCH_SIZES=1,5,20,50`` gives
the issue's figures (hours of CPU with the parse model on).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BADIA = Path(sys.executable).with_name("badia")
CORPORA = {
    "seeds": REPO.parent / "shared" / "corpus" / "seeds",
    "mirror": REPO.parent / "shared" / "corpus" / "mirror-unlabeled",
}


_FAILED = re.compile(r"(\d+) failed \(written to")


def _hwm_mib(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (Linux ``/proc``), depth first."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            kids = [int(k) for k in fh.read().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


def run_extract(corpus: Path, workers: int, db: bool, scratch: Path) -> dict:
    """One ``badia extract`` run: wall s, CPU s of all processes, peak RSS in MiB."""
    out = scratch / "out"
    store = scratch / "bench.duckdb"
    shutil.rmtree(out, ignore_errors=True)
    for suffix in ("", ".wal"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    cmd = [str(BADIA), "extract", str(corpus), "--out", str(out), "--workers", str(workers)]
    if db:
        cmd += ["--db", str(store)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # stderr to a file, not a pipe: a run printing many errors would fill a pipe read
    # only at the end and block forever
    with open(scratch / "stderr.txt", "w+b") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        main_peak = child_peak = 0.0
        while proc.poll() is None:
            main_peak = max(main_peak, _hwm_mib(proc.pid) or 0.0)
            for kid in _children(proc.pid):
                child_peak = max(child_peak, _hwm_mib(kid) or 0.0)
            time.sleep(0.2)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    failed = _FAILED.search(stderr)
    return {
        "failed": int(failed.group(1)) if failed else -1,
        "wall": wall,
        "cpu": cpu,
        "main_rss": main_peak,
        "worker_rss": child_peak,
        "closing": stderr.strip().splitlines()[-1] if stderr.strip() else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1"))
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--corpus", default=os.environ.get("BENCH_CORPUS", "seeds,mirror"))
    parser.add_argument("--db", choices=("both", "with", "without"), default="both")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    db_modes = {"both": (False, True), "with": (True,), "without": (False,)}[args.db]
    worker_counts = sorted({1, args.workers})
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at start")
    print(
        f"{'corpus':<8}{'MB':>5}{'docs':>6}{'db':>4}{'w':>3}{'wall s':>8}{'MB/s':>7}"
        f"{'docs/s':>8}{'CPU s/MB':>9}{'main RSS':>9}{'wkr RSS':>8}{'N/1':>6}{'failed':>7}"
    )
    with tempfile.TemporaryDirectory(prefix="badia-bench-") as tmp:
        scratch = Path(tmp)
        for name in args.corpus.split(","):
            source = CORPORA.get(name)
            if source is None or not source.is_dir():
                print(f"{name}: not found, skipped")
                continue
            for size in sizes:
                corpus = scratch / f"{name}-{size:g}"
                n_docs, n_bytes = build_corpus(source, corpus, size)
                mb = n_bytes / 2**20
                for db in db_modes:
                    walls = {}
                    for workers in worker_counts:
                        r = run_extract(corpus, workers, db, scratch)
                        walls[workers] = r["wall"]
                        ratio = walls[1] / r["wall"] if workers > 1 else 1.0
                        print(
                            f"{name:<8}{mb:>5.1f}{n_docs:>6}{'yes' if db else 'no':>4}"
                            f"{workers:>3}{r['wall']:>8.1f}{mb / r['wall']:>7.3f}"
                            f"{n_docs / r['wall']:>8.1f}{r['cpu'] / mb:>9.2f}"
                            f"{r['main_rss']:>9.0f}{r['worker_rss']:>8.0f}{ratio:>6.2f}"
                            f"{r['failed']:>7}",
                            flush=True,
                        )
                shutil.rmtree(corpus)
    print(f"load average {os.getloadavg()[0]:.1f} at the end (RSS in MiB)")


if __name__ == "__main__":
    main()
