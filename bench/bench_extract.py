"""Throughput of reading and of extraction, single process, on a corpus of at least 5 MB.

The seeds (``../shared/corpus/seeds`` next to the repository, else ``examples/``) are
repeated with one character varied per copy so that every copy is a distinct document
(distinct id). Prints KB/s, docs/s and peak traced memory for reading alone and for
reading + extraction. Run with ``make bench``.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from badia.model import Document
from badia.pipeline import extract_document
from badia.read import read_path, read_text

REPO = Path(__file__).resolve().parents[1]
TARGET_BYTES = 5 * 1024 * 1024
SAMPLE = 20  # documents over which peak memory is traced


def _seed_texts() -> list[tuple[str, str]]:
    seeds = sorted((REPO.parent / "shared" / "corpus" / "seeds").glob("*.txt"))
    if seeds:
        return [(p.name, p.read_text(encoding="utf-8")) for p in seeds]
    texts = []
    for path in sorted((REPO / "examples").iterdir()):
        if path.suffix in {".txt", ".wiki", ".html"}:
            texts.append((path.name, read_path(path).text))
    return texts


def build_corpus(target: int = TARGET_BYTES) -> list[tuple[str, str]]:
    """``(name, text)`` pairs: the seeds repeated, each copy with a trailing copy marker."""
    seeds = _seed_texts()
    if not seeds:
        sys.exit("no seed documents found in ../shared/corpus/seeds or examples/")
    corpus: list[tuple[str, str]] = []
    size = copy = 0
    while size < target:
        for name, text in seeds:
            varied = f"{text.rstrip()}\n{'.' * (copy % 7 + 1)}\n"  # one small change per copy
            stem, _, suffix = name.rpartition(".")
            corpus.append((f"{stem}-{copy}.{suffix}", varied))
            size += len(varied.encode("utf-8"))
        copy += 1
    return corpus


def _peak_mib(work: Callable[[], object]) -> float:
    """Peak traced allocation of ``work`` (run apart: tracemalloc slows timings down)."""
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _measure(label: str, n_bytes: int, n_docs: int, work: Callable[[], object],
             sample: Callable[[], object]) -> object:
    t0 = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - t0
    peak = _peak_mib(sample)
    print(
        f"{label:<22} {n_docs:>5} docs {n_bytes / 1024:>9.0f} KB {elapsed:>8.2f} s "
        f"{n_bytes / 1024 / elapsed:>9.1f} KB/s {n_docs / elapsed:>8.2f} docs/s "
        f"peak {peak:>6.1f} MiB ({SAMPLE} docs)"
    )
    return result


def _long_sentence() -> None:
    """One ~250 KB sentence (no full stop): costs must grow with length, not its square."""
    clause = "the Syrian Army captured the village of Tal Hamra from ISIL, killing 12 fighters"
    text = "= Long (2017) =\n\n==A==\nOn 5 March 2017, " + "; ".join([clause] * 3000) + ".\n"
    doc = read_text(text, name="long.txt")
    n_bytes = len(text.encode("utf-8"))
    _measure("extract (1 long sent.)", n_bytes, 1, lambda: extract_document(doc), lambda: None)


def main() -> None:
    corpus = build_corpus()
    n_bytes = sum(len(t.encode("utf-8")) for _, t in corpus)
    n = len(corpus)
    print(f"corpus: {n} documents, {n_bytes / 2**20:.1f} MiB, one process")

    def read_all(items: list[tuple[str, str]] = corpus) -> list[Document]:
        return [read_text(text, name=name) for name, text in items]

    docs = _measure("read", n_bytes, n, read_all, lambda: read_all(corpus[:SAMPLE]))
    assert isinstance(docs, list)

    def extract_all(items: list[Document] = docs) -> int:
        return sum(len(extract_document(d).events) for d in items)

    events = _measure("extract (read docs)", n_bytes, n, extract_all,
                      lambda: extract_all(docs[:SAMPLE]))
    print(f"events: {events}")
    _long_sentence()
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(f"max RSS of the process: {rss:.0f} MiB")
    except ImportError:  # not on POSIX
        pass


if __name__ == "__main__":
    main()
