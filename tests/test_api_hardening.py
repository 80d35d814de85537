"""The API cannot be pinned or fooled (issue 13): foreign Host names are refused, every
list is paged, a busy store or a slow request is a 503 with Retry-After, HEAD works,
a running extract never makes it fail, and it stays up under 200 concurrent clients."""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from badia.present import queries as q
from badia.present.api import _PagesAtHand, create_app
from badia.store.db import StoreBusy
from present_fixtures import build_db, make_extractions

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


def _loadtest():
    spec = importlib.util.spec_from_file_location("loadtest", REPO / "bench" / "loadtest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_db(tmp_path / "api.duckdb", make_extractions())


def local(app, **kwargs) -> TestClient:
    return TestClient(app, base_url="http://localhost", **kwargs)


def test_a_foreign_host_name_is_refused(db: Path) -> None:
    app = create_app(db)
    assert TestClient(app, base_url="http://evil.example").get("/api/events").status_code == 400
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/events").status_code == 200
    assert local(app).get("/api/events").status_code == 200
    other = create_app(db, allowed_hosts=["reports.example.org"])
    assert TestClient(other, base_url="http://reports.example.org").get("/").status_code == 200


LISTS = (  # every list endpoint
    "/api/events",
    "/api/documents",
    "/api/tallies",
    "/api/claims",
    "/api/control",
    "/api/order-of-battle",
    "/api/places",
    "/api/casualties",
)


def test_every_list_endpoint_is_paged_with_a_bounded_maximum(db: Path) -> None:
    client = local(create_app(db))
    spec = client.get("/openapi.json").json()
    for path in LISTS:
        params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
        assert params["limit"]["schema"]["maximum"] == q.MAX_LIMIT, path
        assert params["limit"]["schema"]["default"] == q.DEFAULT_LIMIT, path
        assert client.get(path, params={"limit": q.MAX_LIMIT + 1}).status_code == 422, path
    page = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and [d["name"] for d in page["items"]] == ["doc2.txt"]
    claims = client.get("/api/claims", params={"limit": 1}).json()
    assert claims["totals"]["by_side_and_claimant"] >= 2
    assert len(claims["by_side_and_claimant"]) == 1


def test_head_is_answered_like_get_without_a_body(db: Path) -> None:
    client = local(create_app(db))
    for path in ("/", "/api/events", "/api/documents"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-length"] == got.headers["content-length"]


def test_a_busy_store_is_503_with_retry_after_until_a_snapshot_exists(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    snapshot = q.load_dataset(_memory())

    def load(path: Path) -> q.Dataset:
        calls["n"] += 1
        if calls["n"] in (1, 3):
            raise StoreBusy(f"{path}: the store is being written by another badia process")
        return snapshot

    monkeypatch.setattr(q, "load_dataset_from_path", load)
    client = local(create_app(db, recheck_seconds=0))
    busy = client.get("/api/events")
    assert busy.status_code == 503 and busy.headers["retry-after"] == "2"
    assert "store busy" in busy.json()["detail"]
    assert client.get("/api/events").status_code == 200  # loaded
    db.touch()
    db.write_bytes(db.read_bytes())  # the file changed: the next request tries to reload
    assert client.get("/api/events").status_code == 200  # busy again: the snapshot is served
    assert calls["n"] == 3


def test_a_served_snapshot_is_out_of_the_collector_and_freed_when_replaced(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[weakref.ref] = []

    def load(path: Path) -> q.Dataset:
        snapshot = q.load_dataset(_memory())
        loaded.append(weakref.ref(snapshot))
        return snapshot

    monkeypatch.setattr(q, "load_dataset_from_path", load)
    gc.unfreeze()
    try:
        client = local(create_app(db, recheck_seconds=0, freeze_snapshots=True))
        assert client.get("/api/events").status_code == 200
        assert gc.get_freeze_count() > 0
        first = loaded[0]()
        assert first is not None and gc.is_tracked(first)
        assert all(first is not o for o in gc.get_objects())  # frozen: not walked
        del first
        db.write_bytes(db.read_bytes())  # the file changed: the next request reloads
        assert client.get("/api/events").status_code == 200
        assert len(loaded) == 2 and loaded[0]() is None  # the old one freed all the same
    finally:
        gc.unfreeze()


def _memory():
    from present_fixtures import memory_store

    return memory_store(make_extractions())


def test_a_request_over_its_time_is_503(db: Path) -> None:
    def slow() -> q.Dataset:
        time.sleep(2)
        return q.load_dataset(_memory())

    client = local(create_app(loader=slow, request_seconds=0.3), raise_server_exceptions=False)
    resp = client.get("/api/events")
    assert resp.status_code == 503 and resp.headers["retry-after"]
    assert "took over 0.3 s" in resp.json()["detail"]


def _get(path: str) -> dict:
    """An ASGI scope of a GET from 127.0.0.1."""
    raw, _, query = path.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw,
        "raw_path": raw.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


def test_a_request_whose_client_leaves_is_abandoned() -> None:
    # The snapshot takes long to load; the client disconnects meanwhile: the request
    # ends at once without an answer (the load itself finishes for the next request).
    loading, release = threading.Event(), threading.Event()

    def slow() -> q.Dataset:
        loading.set()
        release.wait(30)
        return q.load_dataset(_memory())

    app = create_app(loader=slow)
    sent: list[dict] = []

    async def scenario() -> float:
        gone = asyncio.Event()
        messages = [{"type": "http.request", "body": b"", "more_body": False}]

        async def receive() -> dict:
            if messages:
                return messages.pop()
            await gone.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict) -> None:
            sent.append(message)

        request = asyncio.ensure_future(app(_get("/api/events?limit=5"), receive, send))
        assert await asyncio.to_thread(loading.wait, 30)
        left = time.monotonic()
        gone.set()
        await asyncio.wait_for(request, 10)
        return time.monotonic() - left

    try:
        assert asyncio.run(scenario()) < 5
    finally:
        release.set()
    assert not [m for m in sent if m["type"] == "http.response.start"]


def test_pages_are_the_rows_encoded_once(db: Path) -> None:
    client = local(create_app(db))
    whole = client.get("/api/events", params={"limit": 1000}).json()
    pages = [
        client.get("/api/events", params={"limit": 1, "offset": n}).json()
        for n in range(whole["total"] + 1)
    ]
    assert [i for p in pages for i in p["items"]] == whole["items"]
    assert {p["total"] for p in pages} == {whole["total"]}
    assert pages[-1]["items"] == [] and pages[-1]["offset"] == whole["total"]
    filtered = client.get("/api/events", params={"type": "attack", "limit": 1000}).json()
    assert filtered["items"] == [e for e in whole["items"] if e["type"] == "attack"]
    # the same answer as the queries give (the report's data), byte for byte in JSON terms
    assert whole["items"] == q.list_events(q.load_dataset_from_path(db), limit=1000)["items"]


def test_a_plain_page_at_hand_is_the_same_answer_as_the_route_gives(db: Path) -> None:
    client = local(create_app(db))
    attacks: list[dict] = []
    for path in LISTS:
        client.get(path, params={"limit": 1000})  # computed and every row encoded
        for query in ("", "?limit=1", "?limit=2&offset=1", "?offset=1", "?limit=1000&offset=9"):
            quick = client.get(path + query)  # answered from the encoded rows
            routed = client.get(path + query + ("&" if query else "?") + "unused=1")
            assert quick.status_code == routed.status_code == 200, (path, query)
            assert quick.content == routed.content, (path, query)
            assert quick.headers["content-type"] == routed.headers["content-type"]
            if path == "/api/events":  # a filter: the route's answer, then kept for the lane
                filtered = path + query + ("&" if query else "?") + "type=attack&tellings=true"
                routed_first, at_hand = client.get(filtered), client.get(filtered)
                assert routed_first.content == at_hand.content, (path, query)
                attacks += at_hand.json()["items"]
            head = client.head(path + query)
            assert head.content == b"" and head.headers["content-length"] == str(len(quick.content))
    assert attacks and {e["type"] for e in attacks} == {"attack"}
    events = client.get("/api/events?limit=1&offset=1").json()
    assert set(events) == {"total", "limit", "offset", "merge_note", "items"}
    assert (events["limit"], events["offset"], len(events["items"])) == (1, 1, 1)
    assert (
        TestClient(client.app, base_url="http://evil.example").get("/api/documents").status_code
        == 400
    )  # the Host check comes first


def test_only_pages_at_hand_skip_the_routes() -> None:
    asked: list[tuple[str, int, int, str]] = []
    routed: list[str] = []

    def at_hand(path: str, limit: int, offset: int, rest: str) -> bytes | None:
        asked.append((path, limit, offset, rest))
        return b"{}" if path == "/api/documents" and rest in ("", "tellings=true") else None

    async def app(scope, receive, send) -> None:
        routed.append(scope["query_string"].decode())

    lane = _PagesAtHand(app, at_hand=at_hand, default=q.DEFAULT_LIMIT)

    def get(path: str) -> list[dict]:
        sent: list[dict] = []

        async def send(message: dict) -> None:
            sent.append(message)

        asyncio.run(lane(_get(path), None, send))
        return sent

    assert get("/api/documents?limit=5&offset=7")[-1]["body"] == b"{}"
    assert get("/api/documents")[0]["status"] == 200
    assert get("/api/documents?tellings=true&offset=3")[-1]["body"] == b"{}"
    assert asked == [
        ("/api/documents", 5, 7, ""),
        ("/api/documents", q.DEFAULT_LIMIT, 0, ""),
        ("/api/documents", q.DEFAULT_LIMIT, 3, "tellings=true"),
    ]
    for query in (
        "limit=0",
        f"limit={q.MAX_LIMIT + 1}",
        "limit=5&limit=6",
        "limit=-1",
        "limit=%35",
        "limit=",
        "offset=1e3",
        "offset=99999999999",
    ):
        assert get("/api/documents?" + query) == [], query
    assert len(asked) == 3  # malformed paging: routed without asking
    assert get("/api/documents?limit=5&type=attack") == []  # not at hand: routed
    assert asked[-1] == ("/api/documents", 5, 0, "type=attack")
    assert len(routed) == 9 and routed[-1] == "limit=5&type=attack"


def test_the_api_serves_while_extract_writes_the_same_store(tmp_path: Path) -> None:
    """``badia serve`` and ``badia extract --db`` on one store file, at the same time:
    the API answers every request (the last snapshot while the extract holds the
    store), the extract stores every document, and the API then shows them."""
    if not SEEDS.is_dir():
        pytest.skip("needs ../shared/corpus/seeds")
    loadtest = _loadtest()
    db = build_db(tmp_path / "live.duckdb", make_extractions())
    seeds = sorted(SEEDS.glob("*.txt"))[:6]
    statuses: list[int] = []
    with loadtest.serve(db) as (base, _proc):
        badia = Path(sys.executable).with_name("badia")
        extract = subprocess.Popen(
            [str(badia), "extract", *map(str, seeds), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        while extract.poll() is None:
            statuses.append(httpx.get(base + "/api/documents?limit=5", timeout=30).status_code)
            time.sleep(0.05)
        out, err = extract.communicate()
        assert extract.returncode == 0, err
        deadline = time.monotonic() + 30
        total = 0
        while time.monotonic() < deadline and total != 2 + len(seeds):
            total = httpx.get(base + "/api/documents?limit=1", timeout=30).json()["total"]
            time.sleep(0.2)
    assert statuses and set(statuses) == {200}, statuses
    assert total == 2 + len(seeds)


def test_two_hundred_clients_send_20000_requests_without_error_p99_under_a_second(
    tmp_path: Path,
) -> None:
    """The issue's load round on 127.0.0.1 (``make loadtest`` runs it on real
    extractions): 1,000 documents, 200 concurrent clients, 20,000 requests over the
    list endpoints; 0 errors, p99 under 1 s, the server's memory flat. About 40 s on
    a quiet machine, most of it the server's first snapshot."""
    loadtest = _loadtest()
    db = loadtest.build_store(tmp_path / "load.duckdb", 1000, list(make_extractions()))
    with loadtest.serve(db, start_seconds=300) as (base, proc):
        result = loadtest.measure(base, proc.pid, 20_000, 200, 1000)
        assert proc.poll() is None
    assert result["requests"] == 20_000 and result["errors"] == 0, result
    assert result["p99_s"] < 1.0, result
    memory = result["server_rss_mb"]
    assert memory["after_load"] < memory["after_warm_up"] * 1.1, result


def test_serve_stops_on_sigterm_within_seconds(db: Path) -> None:
    loadtest = _loadtest()
    with loadtest.serve(db) as (base, proc):

        def keep_a_connection_open() -> None:
            with httpx.Client(base_url=base, timeout=30) as client:
                client.get("/api/events")
                time.sleep(5)  # an idle keep-alive connection must not hold the shutdown

        hold = threading.Thread(target=keep_a_connection_open, daemon=True)
        hold.start()
        time.sleep(1)
        started = time.monotonic()
        proc.terminate()
        proc.wait(timeout=15)
        assert time.monotonic() - started < 10
