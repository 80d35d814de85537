"""Time budgets: one document must not stall a batch.

``time_budget(seconds)`` raises ``OverBudget`` inside the block when it runs longer
than ``seconds`` of wall time. It uses ``SIGALRM``, so it works in the main thread
of a POSIX process only; elsewhere (a worker thread, Windows) it does nothing and
the readers' linear-time guarantees are what bound the work. Code running inside
a C extension is interrupted when it returns to Python.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Default budget per document and per stage (read, extract), in seconds: real articles
# take well under a second; a document over it is named and skipped.
DEFAULT_SECONDS = 60.0


class OverBudget(Exception):
    """The block ran past its time budget (internal: callers turn it into a BadiaError)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the time budget of {seconds:g} s")
        self.seconds = seconds


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``OverBudget`` in the block after ``seconds`` (``None`` or <= 0: no budget).

    Nested budgets: the outer timer is suspended while the inner block runs (the earlier
    deadline wins) and re-armed with what is left of it afterwards.
    """
    if not seconds or seconds <= 0 or not _can_alarm():
        yield
        return

    def _expired(signum: int, frame: object) -> None:
        raise OverBudget(seconds)

    previous_handler = signal.signal(signal.SIGALRM, _expired)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    delay = min(seconds, previous_delay) if previous_delay > 0 else seconds
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, delay)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay > 0:
            elapsed = time.monotonic() - started
            signal.setitimer(signal.ITIMER_REAL, max(previous_delay - elapsed, 1e-3))
