"""Run the pipeline over a corpus, in this process or in worker processes, in input order.

The unit of work is a file (its worker reads it) or a document already read here (JSONL
records and stdin are streamed by this process, then extracted by the workers). A worker
reads, extracts (``pipeline.extract_document``, the one per-document function), renders
the output files and makes the store rows; this process only writes, in input order, so
the outputs are byte for byte those of one worker. Results come back in chunks of a few
documents with a bounded number in flight, so memory does not grow with the corpus.

Worker processes are spawned (a fresh interpreter each, about half a second to import
badia), never forked from this process, which may hold threads (progress display,
DuckDB) that a fork would copy mid-lock; being children of this process, their CPU time
counts in its own (``time``, ``getrusage``). Each worker keeps the lexicons, the
gazetteer and any model it loads for its whole life (module-level caches).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from badia.budget import DEFAULT_SECONDS
from badia.errors import BadiaError
from badia.mentions.actors import ActorLexicon
from badia.model import Document
from badia.read import MAX_BYTES, ReadError, corpus_files, expand, holds_records, iter_read
from badia.store.db import ExtractionRows

__all__ = [
    "Job",
    "DocResult",
    "WorkerDied",
    "default_workers",
    "iter_units",
    "run_units",
    "run_corpus",
]

CHUNK_BYTES = 256 * 1024  # a task holds documents up to this many bytes ...
CHUNK_UNITS = 32  # ... or this many units, whichever comes first
IN_FLIGHT = 4  # tasks queued per worker


@dataclass(frozen=True)
class Job:
    """What every document of a run needs besides itself (sent once to each worker)."""

    fmt: str | None = None
    actors: ActorLexicon | None = None
    render: bool = False  # make the --out files' contents
    rows: bool = False  # make the store rows
    max_bytes: int = MAX_BYTES  # size budget per document
    time_limit: float | None = DEFAULT_SECONDS  # time budget per document and stage


@dataclass
class DocResult:
    """One document's outcome, small and picklable: counts, rendered files, store rows."""

    source: str
    error: str | None = None  # one line, naming the source and the reason
    doc_id: str = ""
    stem: str = ""  # the stem of ``files`` (``events.output.safe_stem``)
    n_bytes: int = 0
    n_events: int = 0
    n_tallies: int = 0
    files: dict[str, str] = field(default_factory=dict)
    rows: ExtractionRows | None = None


Unit = Path | Document | ReadError


class WorkerDied(RuntimeError):
    """A worker process ended abruptly (killed, out of memory); results so far were yielded."""


# A worker process pays about 2 CPU-seconds before its first document (imports, the
# gazetteer and the parse model), what about 0.2 MB of text costs to extract; below this
# much input, extracting here is faster than starting workers.
SMALL_RUN_BYTES = 1024 * 1024


def default_workers(paths: Iterable[str | Path] | None = None) -> int:
    """The cores this process may run on (affinity-aware where the OS tells); 1 when
    ``paths`` (files, folders, globs) hold less than ``SMALL_RUN_BYTES`` of files, so a
    handful of documents is not slowed down by starting processes. Stdin and JSONL
    streams count as large: their size is not known in advance."""
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    if cores == 1 or paths is None:
        return cores
    paths = list(paths)
    if any(str(arg) == "-" for arg in paths):
        return cores
    total = 0
    for path in corpus_files(paths):
        if holds_records(path):
            return cores
        try:
            total += path.stat().st_size
        except OSError:
            continue
        if total >= SMALL_RUN_BYTES:
            return cores
    return 1


def iter_units(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Iterator[Unit]:
    """The run's units in reading order: files to read, documents read here, errors.

    Same order and same documents as ``read.iter_read(paths, fmt)``.
    """
    budgets = {"max_bytes": max_bytes, "time_limit": time_limit}
    for arg in paths:
        if str(arg) == "-":
            yield from iter_read(["-"], fmt=fmt, **budgets)
            continue
        for path in expand(str(arg)):
            if isinstance(path, Path) and holds_records(path, fmt):
                yield from iter_read([path], fmt=fmt, **budgets)
            else:
                yield path


def process_document(document: Document, job: Job) -> DocResult:
    """Extract one document and shape its result; an extraction failure becomes ``error``."""
    from badia.pipeline import extract_document

    result = DocResult(
        source=document.source, n_bytes=len(document.text.encode("utf-8")), doc_id=document.id
    )
    try:
        extraction = extract_document(document, job.actors, time_limit=job.time_limit)
    except BadiaError as exc:  # one bad document must not stop the batch
        result.error = str(exc)
        return result
    result.n_events, result.n_tallies = len(extraction.events), len(extraction.tallies)
    if job.render:
        from badia.events.output import render_extraction, safe_stem

        result.files = render_extraction(extraction)
        result.stem = safe_stem(document)
    if job.rows:
        from badia.store.db import extraction_rows

        result.rows = extraction_rows(extraction)
    return result


def run_unit(unit: Unit, job: Job) -> list[DocResult]:
    """Read (if a file) and extract one unit: its documents' results, in order."""
    if isinstance(unit, ReadError):
        return [DocResult(source=unit.path, error=str(unit))]
    items = (
        iter_read([unit], fmt=job.fmt, max_bytes=job.max_bytes, time_limit=job.time_limit)
        if isinstance(unit, Path)
        else [unit]
    )
    out = []
    for item in items:
        if isinstance(item, ReadError):
            out.append(DocResult(source=item.path, error=str(item)))
        else:
            out.append(process_document(item, job))
    return out


_WORKER_JOB: Job | None = None


def _start_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job


def _run_chunk(units: list[Unit]) -> list[DocResult]:
    assert _WORKER_JOB is not None, "worker started without its job"
    return [r for unit in units for r in run_unit(unit, _WORKER_JOB)]


def _size(unit: Unit) -> int:
    if isinstance(unit, Document):
        return len(unit.text)
    if isinstance(unit, Path):
        try:
            return unit.stat().st_size
        except OSError:
            return 0
    return 0


def _chunks(units: Iterable[Unit]) -> Iterator[list[Unit]]:
    chunk: list[Unit] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += _size(unit)
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_UNITS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_units(units: Iterable[Unit], job: Job, workers: int = 1) -> Iterator[DocResult]:
    """Each unit's document results, in input order, from ``workers`` processes (<= 1: here)."""
    if workers <= 1:
        for unit in units:
            yield from run_unit(unit, job)
        return
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[DocResult]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(job,)
    ) as pool:
        try:
            for chunk in _chunks(units):
                pending.append(pool.submit(_run_chunk, chunk))
                while len(pending) >= workers * IN_FLIGHT:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as exc:
            raise WorkerDied("a worker process ended abruptly (killed or out of memory?)") from exc
        finally:
            for future in pending:
                future.cancel()


def run_corpus(
    paths: Iterable[str | Path], job: Job | None = None, workers: int = 1
) -> Iterator[DocResult]:
    """``run_units(iter_units(paths))``: a corpus's document results, in reading order."""
    job = job or Job()
    return run_units(iter_units(paths, job.fmt), job, workers)
