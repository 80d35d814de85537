"""Load test of the API on 127.0.0.1: many concurrent clients on the list endpoints.

Builds a store of ``--docs`` documents (the examples' and seeds' extractions, copied
with distinct ids until there are enough), starts ``badia serve`` on a free loopback
port in its own process, and sends ``--requests`` GETs from ``--clients`` concurrent
clients over the paged list endpoints. Prints latency percentiles, errors (anything
but 200, and failed connections) and the server's resident memory before and after.
Run with ``make loadtest`` (1,000 documents made from real extractions, merged, 200
clients, 20,000 requests); the test suite sends as many requests to a store of 1,000
copies of two small hand-written documents, through ``build_store``, ``serve`` and
``measure``, and holds them to the issue's bounds (0 errors, p99 under 1 s, memory flat).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from badia.model import Extraction
from badia.pipeline import extract_document
from badia.read import ReadError, iter_read
from badia.store import Store, extraction_rows

REPO = Path(__file__).resolve().parents[1]
PATHS = (
    "/api/events?limit={limit}&offset={offset}",
    "/api/events?limit={limit}&offset={offset}&type=attack",
    "/api/documents?limit={limit}&offset={offset}",
    "/api/tallies?limit={limit}&offset={offset}",
    "/api/claims?limit={limit}&offset={offset}",
    "/api/control?limit={limit}&offset={offset}",
    "/api/order-of-battle?limit={limit}",
)


def sample_extractions(limit: int = 40) -> list[Extraction]:
    """Extractions of the examples and (when present) the shared seeds."""
    inputs = [REPO / "examples"]
    seeds = REPO.parent / "shared" / "corpus" / "seeds"
    if seeds.is_dir():
        inputs.append(seeds)
    out = []
    for item in iter_read(inputs):
        if isinstance(item, ReadError):
            continue
        out.append(extract_document(item))
        if len(out) >= limit:
            break
    return out


def _copy(x: Extraction, n: int) -> Extraction:
    """The extraction as if of a distinct document: ids (document, events, tallies) varied."""
    doc_id = f"{n:06d}{x.document.id[6:]}"
    name = f"copy{n:06d}-{x.document.name}"
    document = x.document.model_copy(update={"id": doc_id, "name": name})
    events = [
        e.model_copy(
            update={"id": e.id.replace(x.document.id, doc_id), "doc_id": doc_id, "doc": name}
        )
        for e in x.events
    ]
    tallies = [
        t.model_copy(
            update={"id": t.id.replace(x.document.id, doc_id), "doc_id": doc_id, "doc": name}
        )
        for t in x.tallies
    ]
    return Extraction(document=document, events=events, tallies=tallies)


def build_store(
    path: Path, n_docs: int, samples: list[Extraction] | None = None, merge: bool = False
) -> Path:
    """A store of ``n_docs`` documents made from real extractions; with ``merge`` the
    merge is saved in it too (as ``badia merge`` does), so the API reads it rather than
    merging every event in memory for each snapshot."""
    samples = samples or sample_extractions()
    with Store(path) as store:
        for first in range(0, n_docs, 100):  # a transaction per 100 documents
            store.save_rows(
                [
                    extraction_rows(_copy(samples[n % len(samples)], n))
                    for n in range(first, min(first + 100, n_docs))
                ]
            )
        if merge:
            from badia.merge import run_merge

            run_merge(store)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(
    db: Path, port: int | None = None, start_seconds: float = 60
) -> Iterator[tuple[str, subprocess.Popen]]:
    """``badia serve`` on 127.0.0.1 in its own process, ready once it answers (its first
    snapshot read within ``start_seconds``); stopped with SIGTERM afterwards."""
    port = port or free_port()
    badia = Path(sys.executable).with_name("badia")
    proc = subprocess.Popen(
        [str(badia), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_seconds
        while True:
            try:
                if httpx.get(base + "/api/documents?limit=1", timeout=60).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("badia serve did not start")
            time.sleep(0.2)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB (Linux ``/proc``), or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class _Connection:
    """One keep-alive HTTP/1.1 connection that reads an answer as its status line,
    headers and ``Content-Length`` bytes, and nothing more: a client that parses little,
    so that on a shared machine the load test measures the server, not itself (httpx
    took more CPU than the server it measured)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[str, float]:
        """The status code of ``GET path`` (its body read and dropped) and the moment
        (``time.perf_counter``) its headers arrived."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        self.writer.write(request.encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        headed = time.perf_counter()
        lines = head.decode("latin-1").split("\r\n")
        status = lines[0].split(" ")[1]
        headers = dict(h.lower().partition(":")[::2] for h in lines[1:] if h)
        await self.reader.readexactly(int(headers["content-length"]))
        return status, headed

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used so far (Linux ``/proc``), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pct(values: list[float], p: float) -> float:
    """The ``p`` quantile of sorted ``values`` (0 when empty), in seconds to the ms."""
    return round(values[min(len(values) - 1, int(p * len(values)))], 3) if values else 0.0


async def _load(base: str, n_requests: int, clients: int, n_docs: int) -> dict:
    latencies: list[float] = []
    to_headers: list[float] = []  # request sent -> status line and headers read
    by_route: dict[str, list[float]] = {}
    statuses: Counter[str] = Counter()
    counter = iter(range(n_requests))
    address = httpx.URL(base)
    host, port = address.host, address.port or 80

    async def worker() -> None:
        connection = _Connection(host, port)
        for i in counter:
            path = PATHS[i % len(PATHS)].format(
                limit=(10, 50, 100)[i % 3], offset=(i * 37) % max(n_docs, 1)
            )
            started = time.perf_counter()
            try:
                status, headed = await asyncio.wait_for(connection.get(path), 60)
                statuses[status] += 1
                to_headers.append(headed - started)
            except (OSError, EOFError, TimeoutError, ValueError, KeyError, IndexError) as exc:
                statuses[type(exc).__name__] += 1
                await connection.close()
            took = time.perf_counter() - started
            latencies.append(took)
            by_route.setdefault(path.partition("?")[0], []).append(took)
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    wall = time.perf_counter() - started
    latencies.sort()
    to_headers.sort()
    for values in by_route.values():
        values.sort()
    return {
        "requests": len(latencies),
        "clients": clients,
        "errors": sum(n for s, n in statuses.items() if s != "200"),
        "statuses": dict(statuses),
        "p50_s": _pct(latencies, 0.50),
        "p99_s": _pct(latencies, 0.99),
        "max_s": round(latencies[-1], 3),
        "to_headers_p50_p99_s": [_pct(to_headers, 0.50), _pct(to_headers, 0.99)],
        "by_route_p50_p99_s": {
            route: [_pct(values, 0.50), _pct(values, 0.99)] for route, values in by_route.items()
        },
        "wall_s": round(wall, 1),
        "requests_per_s": round(len(latencies) / wall, 1),
    }


def warm_up(base: str) -> int:
    """Ask each list endpoint for every row once (pages of 1,000), so the rows the server
    encodes once per snapshot are all encoded before memory is measured; the requests sent."""
    sent = 0
    with httpx.Client(base_url=base, timeout=300) as client:
        for template in PATHS:
            offset, total = 0, 1
            while offset < total:
                answer = client.get(template.format(limit=1000, offset=offset)).json()
                sent += 1
                total = answer.get("total") or max([0, *answer.get("totals", {}).values()])
                offset += 1000
    return sent


def run_load(base: str, n_requests: int, clients: int, n_docs: int) -> dict:
    """Send ``n_requests`` GETs from ``clients`` concurrent clients; latency and errors."""
    return asyncio.run(_load(base, n_requests, clients, n_docs))


def measure(base: str, pid: int, n_requests: int, clients: int, n_docs: int) -> dict:
    """``run_load`` on a warmed server (every row encoded, a small round sent first),
    with the server's (process ``pid``) and this process's CPU per request, the load
    average, and the server's resident memory when started, warmed and after the load."""
    started = rss_mb(pid)
    warm_up(base)  # the snapshot, the answers computed once and every row encoded
    run_load(base, 200, 20, n_docs)
    before, server_cpu = rss_mb(pid), cpu_seconds(pid)
    client_cpu = time.process_time()
    result = run_load(base, n_requests, clients, n_docs)
    server_cpu = (cpu_seconds(pid) or 0) - (server_cpu or 0)
    result.update(
        server_cpu_ms_per_request=round(1000 * server_cpu / n_requests, 2),
        client_cpu_ms_per_request=round(1000 * (time.process_time() - client_cpu) / n_requests, 2),
        load_average=round(os.getloadavg()[0], 2),
        server_rss_mb={"started": started, "after_warm_up": before, "after_load": rss_mb(pid)},
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--db", type=Path, default=REPO / "build" / "loadtest.duckdb")
    parser.add_argument("--reuse", action="store_true", help="keep a store built before")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.reuse and args.db.exists():
        print(f"store: {args.db} as built before", flush=True)
    else:
        if args.db.exists():
            os.remove(args.db)
        build_store(args.db, args.docs, merge=True)
        print(
            f"store: {args.docs} documents, merged, in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
    with serve(args.db, start_seconds=300) as (base, proc):
        result = measure(base, proc.pid, args.requests, args.clients, args.docs)
        stop = time.perf_counter()
    result.update(sigterm_to_exit_s=round(time.perf_counter() - stop, 1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
