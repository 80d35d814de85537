"""Progress of a command that walks a corpus: documents done / total, MB/s, time left.

The total is measured before any document is read (the sizes of the files the
arguments name), so the bar, the rate and the time left mean something from the
first document on. A JSONL file holds many documents: its records advance the bar
by their own size, and the document total shows ``?`` until it is known. Standard
input has no size: the bar then only counts.

Use::

    with corpus_progress(paths, err_console, "extracting") as progress:
        for item in iter_read(paths):
            ...
            progress.step(item.source, size_of(item))

``step`` works in any order, so a runner with several workers can call it as each
document comes back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from badia.read import corpus_files

__all__ = ["CorpusProgress", "corpus_progress"]

_JSONL_SUFFIXES = (".jsonl", ".ndjson")


class CorpusProgress:
    """Counts documents and bytes done against the corpus measured at the start."""

    def __init__(self, paths: Iterable[str | Path], progress: Progress, label: str) -> None:
        paths = list(paths)
        files = corpus_files(paths)
        self._sizes: dict[str, int] = {}
        for f in files:
            try:
                self._sizes[str(f)] = f.stat().st_size
            except OSError:
                self._sizes[str(f)] = 0
        counted = all(f.suffix.lower() not in _JSONL_SUFFIXES for f in files)
        self.total_docs: int | None = len(files) if counted and "-" not in map(str, paths) else None
        self.docs = 0
        self._done: dict[str, int] = {}  # bytes done per file
        self._progress = progress
        self._task: TaskID = progress.add_task(
            label, total=sum(self._sizes.values()) or None, docs=self.docs_label()
        )

    @property
    def console(self) -> Console:
        """Print through this while the bar is shown, so lines and bar do not mix."""
        return self._progress.console

    @property
    def task(self) -> Task:
        """The rich task: ``completed`` and ``total`` are bytes."""
        return next(t for t in self._progress.tasks if t.id == self._task)

    def docs_label(self) -> str:
        """``done/total docs``; the total is ``?`` when a JSONL file or stdin is read."""
        total = "?" if self.total_docs is None else str(self.total_docs)
        return f"{self.docs}/{total} docs"

    def step(self, source: str, n_bytes: int = 0) -> None:
        """One input from ``source`` is done (a document, or one that failed).

        ``source`` is the path a reader gave (``file#record`` for a JSONL record);
        ``n_bytes`` its size in bytes, used when the file holds several documents.
        """
        path = source.split("#", 1)[0] if source not in self._sizes else source
        size = self._sizes.get(path)
        if size is not None or self.total_docs is None:
            self.docs += 1  # an argument that named no file is not one of the documents
        if size is not None:
            whole = source == path and not path.lower().endswith(_JSONL_SUFFIXES)
            self._done[path] = size if whole else min(size, self._done.get(path, 0) + n_bytes)
        self._progress.update(
            self._task, completed=sum(self._done.values()), docs=self.docs_label()
        )

    def finish(self) -> None:
        """Every file has been read: the bar is full."""
        self._done = dict(self._sizes)
        self._progress.update(self._task, completed=sum(self._sizes.values()))


@contextmanager
def corpus_progress(
    paths: Iterable[str | Path], console: Console, label: str
) -> Iterator[CorpusProgress]:
    """A transient progress display on ``console`` (stderr) for reading ``paths``."""
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[docs]}"),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as progress:
        tracker = CorpusProgress(paths, progress, label)
        yield tracker
        tracker.finish()
