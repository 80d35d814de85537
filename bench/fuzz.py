"""Seeded mutation fuzzing of reading and extraction: no input may crash or stall badia.

Inputs are windows of the seeds, the examples and the Markdown articles (next to the
repository under ``../shared/corpus``, else ``examples/`` only), mutated by a seeded
random mutator: bytes flipped, deleted, duplicated or truncated, markup openers and
closers of every supported format inserted (once or in runs of thousands), control
and bidi characters, invalid UTF-8, lone surrogates, digit runs past Python's int
limit, and pieces spliced from other documents; each is given a file name of one of
the formats (``.txt``, ``.wiki``, ``.html``, ``.md``, ``.jsonl``).

Each input is read with ``read_bytes`` and extracted with ``extract_document``, each
stage within a CPU-time allowance (``--budget`` seconds plus 4 µs a byte; the product's
wall-clock budget stays armed at ten times that). Outcomes: ``ok``; ``refused`` (a
``BadiaError`` naming the input: the contract for bad input); ``over budget`` (a stage
over its allowance: a hang); ``crash`` (any other exception: a bug). The suite runs a
few hundred inputs (``tests/test_fuzz.py``); ``make fuzz`` runs 100,000 on the rules path
(``BADIA_SYNTAX=0``: badia's own code, about 15 ms an input) and ``make fuzz-parse``
5,000 on the parse path (spaCy's parse is most of its ~110 ms an input), each writing
every crash or hang input to ``build/fuzz/`` (``build/fuzz-parse/``). The report says
which path ran.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from badia.errors import BadiaError
from badia.pipeline import extract_document
from badia.read import read_bytes
from badia.syntax import parser_available, syntax_enabled

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
SUFFIXES = (".txt", ".wiki", ".html", ".md", ".jsonl")
TOKENS = (
    b"{{", b"}}", b"{{{", b"}}}", b"[[", b"]]", b"{|\n", b"\n|}", b"<!--", b"-->",
    b"<div>", b"</div>", b'<div class="', b"<ref>", b"</ref>", b"<ref name=a/>", b"'''",
    b"\n== Heading ==\n", b"[http://example.org ", b"]", b"<p>", b"</p>", b"<br>",
    b"<script>", b"<table><tr><td>", b"&amp;", b"&#x202e;", b"\n# ", b"\n* ", b"\n> ",
    b"\n```\n", b"\n---\n", b"| a | b |\n|---|---|\n", b"[link](", b"![", b"\x00", b"\x1b[2J",
    b"\x1b]0;title\x07", b"\xe2\x80\xae", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r", b"\t",
    b"9" * 5000, b"1,000,000,000", b" killed ", b" 31 February 2020 ", b" between 5 and 3 ",
    b"On 3 May 2020, ", b" SOHR said ", b"\n\n", b"(", b")", b'"', b"\xe2\x80\x9c",
)  # fmt: skip


def corpus() -> list[bytes]:
    """The texts mutated: seeds, examples and Markdown articles as raw bytes."""
    files = sorted((REPO / "examples").glob("*.*"))
    for folder in ("seeds", "articles-md"):
        files += sorted((SHARED / folder).glob("*.*"))
    return [p.read_bytes() for p in files if p.name != "README.md" and p.stat().st_size]


def mutate(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    """One to four random edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        pos = rng.randint(0, len(out))
        kind = rng.random()
        if kind < 0.35:
            token = rng.choice(TOKENS)
            times = rng.choice((1, 1, 1, 2, 10, 100, rng.randint(1000, 5000)))
            out[pos:pos] = token * times
        elif kind < 0.5 and out:
            out[min(pos, len(out) - 1)] = rng.randrange(256)
        elif kind < 0.6:
            del out[pos : pos + rng.randint(1, 200)]
        elif kind < 0.7:
            piece = bytes(out[pos : pos + rng.randint(1, 300)])
            out[pos:pos] = piece * rng.randint(2, 50)
        elif kind < 0.8:
            del out[pos:]
        else:
            donor = rng.choice(others)
            start = rng.randint(0, max(len(donor) - 1, 0))
            out[pos:pos] = donor[start : start + rng.randint(1, 2000)]
    return bytes(out)


def inputs(seed: int, count: int, window: int = 3000) -> Iterator[tuple[str, bytes]]:
    """``count`` (file name, bytes) inputs, the same for the same ``seed``."""
    rng = random.Random(seed)
    texts = corpus()
    for n in range(count):
        text = rng.choice(texts)
        start = rng.randint(0, max(len(text) - window, 0))
        data = mutate(rng, text[start : start + rng.randint(50, window)], texts)
        suffix = rng.choice(SUFFIXES)
        if suffix == ".jsonl":
            body = data.decode("utf-8", errors=rng.choice(("replace", "surrogateescape")))
            record = {"id": f"r{n}", "text": body}
            line = json.dumps(record) if rng.random() < 0.8 else json.dumps(record)[:-3]
            data = line.encode("utf-8", errors="surrogatepass")
        yield f"fuzz{n:06d}{suffix}", data


# A stage may take ``budget`` seconds of CPU plus this much per byte of input (a quarter
# of a MB a second, under the extraction throughput ``make bench`` measures): a linear
# stage on a 9 MB input is no hang. CPU time, not wall time: on a shared machine (and
# under ``nice``) the wall clock runs many times faster than the process is served.
BYTES_PER_CPU_SECOND = 250_000
# The product's own wall-clock budget stays armed, this many times the CPU allowance:
# it still catches a stage that never returns.
WALL_FACTOR = 10


def allowance(data: bytes, budget: float) -> float:
    """CPU seconds a stage may take on ``data``."""
    return budget + len(data) / BYTES_PER_CPU_SECOND


def run_one(name: str, data: bytes, budget: float) -> tuple[str, str, float]:
    """(outcome, detail, CPU seconds of the slower stage) of reading and extracting one
    input, each stage within ``allowance(data, budget)`` CPU seconds."""
    allowed = allowance(data, budget)
    wall = allowed * WALL_FACTOR
    cpu, stage, began = 0.0, "read", time.process_time()
    outcome, detail = "ok", ""
    try:
        document = read_bytes(data, name, time_limit=wall)
        if time.process_time() - began <= allowed:
            cpu, stage, began = time.process_time() - began, "extract", time.process_time()
            extract_document(document, time_limit=wall)
    except BadiaError as exc:
        timed_out = "time budget" in exc.reason
        outcome = "over budget" if timed_out else "refused"
        detail = str(exc) if timed_out else exc.reason.split(" (")[0]
    except Exception:  # noqa: BLE001  (any other exception is what fuzzing looks for)
        outcome, detail = "crash", traceback.format_exc(limit=-3)
    cpu = max(cpu, time.process_time() - began)
    if cpu > allowed and outcome != "crash":
        outcome, detail = "over budget", f"{name}: {stage} took {cpu:.1f} s CPU (> {allowed:.1f})"
    return outcome, detail, cpu


def run(
    seed: int, count: int, budget: float, keep: Path | None = None, progress: int = 0
) -> dict:
    """Counts of outcomes over ``count`` inputs; crash and hang inputs saved in ``keep``;
    every ``progress`` inputs (0: never) a line of counts so far on stderr."""
    outcomes: Counter[str] = Counter()
    samples: dict[str, str] = {}
    started = time.perf_counter()
    slowest = slowest_cpu = 0.0
    for done, (name, data) in enumerate(inputs(seed, count), 1):
        t0 = time.perf_counter()
        outcome, detail, cpu = run_one(name, data, budget)
        slowest = max(slowest, time.perf_counter() - t0)
        slowest_cpu = max(slowest_cpu, cpu)
        outcomes[outcome] += 1
        if outcome in ("crash", "over budget"):
            samples.setdefault(name, detail)
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / name).write_bytes(data)
        if progress and done % progress == 0:
            elapsed = round(time.perf_counter() - started)
            print(f"{done} inputs in {elapsed} s: {dict(outcomes)}", file=sys.stderr, flush=True)
    return {
        "inputs": count,
        "seed": seed,
        "path": "parse" if syntax_enabled() and parser_available() else "rules",
        "outcomes": dict(outcomes),
        "crashes": outcomes["crash"],
        "over_budget": outcomes["over budget"],
        "slowest_s": round(slowest, 2),
        "slowest_stage_cpu_s": round(slowest_cpu, 2),
        "wall_s": round(time.perf_counter() - started, 1),
        "samples": dict(list(samples.items())[:5]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--budget", type=float, default=10.0, help="CPU seconds per stage (plus 4 µs a byte)"
    )
    parser.add_argument("--keep", type=Path, default=REPO / "build" / "fuzz")
    parser.add_argument("--progress", type=int, default=1000, help="inputs between reports")
    args = parser.parse_args()
    logging.getLogger("badia").setLevel(logging.ERROR)  # decoding notes are expected here
    print(json.dumps(run(args.seed, args.inputs, args.budget, args.keep, args.progress), indent=1))


if __name__ == "__main__":
    main()
