"""A local, read-only HTTP API over the store, and the report page at ``/``.

Every route answers from :mod:`badia.present.queries`, the same functions the
HTML report uses. The store file is opened read-only for each snapshot and closed
again; the snapshot is reloaded when the file changes (looked at most once a
second), while one request reloads the others are served the previous snapshot,
and while an ``extract`` holds the store they are too (or, before any snapshot,
503 "store busy" with ``Retry-After``). Errors are RFC 9457 problem details
(``application/problem+json``).

Bounds on what one request can cost: every list is paged (default
``queries.DEFAULT_LIMIT``, at most ``queries.MAX_LIMIT``); answers that take no
parameters and the report page are computed once per snapshot, and each row of a
list is encoded to JSON once per snapshot (:mod:`badia.present.pages`), so a page
is a join of bytes; the matches of an event filter are kept for the last
``RECENT_FILTERS`` filters. A page whose rows are at hand is answered before
routing and validation (``_PagesAtHand``), and a served snapshot is kept out of the
garbage collector's full passes. List routes run on the event loop and hand only
first computations to a thread, so many requests are answered at once; a request
whose client disconnects is cancelled; one that runs longer than
``request_seconds`` is answered 503. Only requests whose
``Host`` is one of ``allowed_hosts`` (localhost names by default) are served, so
a web page cannot read the store through DNS rebinding. ``HEAD`` is answered
wherever ``GET`` is.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from badia.model import Side
from badia.present import queries as q
from badia.present.pages import EncodedRows, PagedAnswer, PagedList, page_object, window
from badia.present.report import render_html
from badia.store.db import StoreBusy

PROBLEM_JSON = "application/problem+json"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
REQUEST_SECONDS = 15.0  # a request running longer is answered 503
RECHECK_SECONDS = 1.0  # how often the store file is looked at for changes
RETRY_AFTER = "2"  # seconds a client is asked to wait when the store is busy
RECENT_FILTERS = 128  # event filters whose matches are kept per snapshot
RELOADS_WAITED = 3  # snapshots loaded during one request before it answers 503

log = logging.getLogger("badia.present")


class Problem(HTTPException):
    """An HTTP error with the RFC 9457 ``detail`` text."""


def problem(
    status: int, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """An RFC 9457 problem-details response."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(
        jsonable_encoder(body), status_code=status, media_type=PROBLEM_JSON, headers=headers
    )


class _HeadAsGet:
    """Answer ``HEAD`` as ``GET`` without the body (the headers, length included, stay)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class _DocsStayLocal:
    """Give ``/docs`` and ``/redoc`` a Content-Security-Policy that keeps them local.

    ReDoc asks a CDN for its logo (it drops the logo when that fails): the policy keeps
    the docs pages from reaching anything but this server.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in ("/docs", "/redoc"):
            await self.app(scope, receive, send)
            return

        async def with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append((b"content-security-policy", _DOCS_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_policy)


class _StopWhenClientLeaves:
    """Cancel a request's work when its client disconnects before the answer is sent.

    The request runs as a task; a watcher reads the connection's messages (passing the
    request body on) and, on ``http.disconnect`` before the response is complete,
    cancels the task. Work handed to a thread (a snapshot load, a first encoding of
    rows) runs to its end, since a thread cannot be cancelled, but its result is kept
    for the next request; the request's own work stops at its next ``await``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        inbox: asyncio.Queue[Message] = asyncio.Queue()
        answered = False

        async def tracked(message: Message) -> None:
            nonlocal answered
            if message["type"] == "http.response.body" and not message.get("more_body"):
                answered = True
            await send(message)

        async def watch() -> None:
            while True:
                message = await receive()
                await inbox.put(message)
                if message["type"] == "http.disconnect":
                    return

        work = asyncio.ensure_future(self.app(scope, inbox.get, tracked))
        watcher = asyncio.ensure_future(watch())
        try:
            await asyncio.wait({work, watcher}, return_when=asyncio.FIRST_COMPLETED)
            if not work.done() and not answered:
                work.cancel()
                log.info("client left: %s %s abandoned", scope["method"], scope["path"])
                with contextlib.suppress(asyncio.CancelledError):
                    await work
                return
            await work
        finally:
            watcher.cancel()
            if not work.done():
                work.cancel()


class _Deadline:
    """Answer 503 when a request runs longer than ``seconds`` (its work is abandoned)."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await asyncio.wait_for(self.app(scope, receive, tracked), timeout=self.seconds)
        except TimeoutError:
            if started:  # the answer is on its way: nothing else can be said
                raise
            late = problem(
                503,
                f"the request took over {self.seconds:g} s",
                headers={"Retry-After": RETRY_AFTER},
            )
            await late(scope, receive, send)


def split_paging(query: bytes, default: int) -> tuple[int, int, str] | None:
    """``(limit, offset, rest)`` of a raw query string: ``limit`` and ``offset`` given at
    most once each, in plain decimal digits and within bounds, and ``rest`` the other
    ``name=value`` pairs as sent, in their order, joined with ``&``; None for a query
    with any other ``limit``/``offset``."""
    found: dict[bytes, int] = {}
    rest = []
    for pair in query.split(b"&") if query else ():
        name, _, value = pair.partition(b"=")
        if name not in (b"limit", b"offset"):
            rest.append(pair)
            continue
        if name in found or not value.isdigit() or len(value) > 9:
            return None
        found[name] = int(value)
    limit = found.get(b"limit", default)
    if not 1 <= limit <= q.MAX_LIMIT:
        return None
    return limit, found.get(b"offset", 0), b"&".join(rest).decode("latin-1")


class _PagesAtHand:
    """Answer a page of a list straight from the snapshot's encoded rows when they are
    at hand, without the routing, parameter validation and task machinery a request
    otherwise goes through.

    ``at_hand(path, limit, offset, rest)`` (see ``split_paging``) gives the page's JSON
    bytes, or None: when the path is not a list, or its rows are not computed or
    encoded yet, or the store file changed, or ``rest`` (the other parameters) is not
    plain paging and no route has answered that same ``rest`` in this snapshot yet.
    Those requests, and any with a malformed or out-of-bounds ``limit``/``offset``, go
    to the app, whose routes give the same bytes (and the 422 problems). The routing
    and validation were over half the CPU of a request under load; this is a
    dictionary look-up and a join of bytes.
    """

    def __init__(
        self, app: ASGIApp, at_hand: Callable[[str, int, int, str], bytes | None], default: int
    ) -> None:
        self.app = app
        self.at_hand = at_hand
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            paging = split_paging(scope["query_string"], self.default)
            body = None if paging is None else self.at_hand(scope["path"], *paging)
            if body is not None:
                headers = [
                    (b"content-length", str(len(body)).encode()),
                    (b"content-type", b"application/json"),
                ]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class _Snapshot:
    """The dataset and what is computed once from it, reloaded when the store file changes.

    The file is looked at no more than once per ``recheck`` seconds. One request at a
    time reloads; the others meanwhile get the previous snapshot. A store held by a
    writer (``StoreBusy``) leaves the previous snapshot in place and is tried again at
    the next look; with no snapshot yet, ``StoreBusy`` reaches the caller (503).

    With ``freeze`` each snapshot, once loaded, and each answer computed from it are
    moved out of the cyclic garbage collector's reach (``gc.freeze``): a full
    collection otherwise walks all of their objects (about 630,000 for 1,000
    documents) while holding the interpreter, and under load those passes came every
    few seconds and stalled every request for up to 1.7 s (17 s of a 41 s load test).
    A snapshot holds no reference cycles, so the one it replaces is still freed, by
    reference counting, when its last request ends.
    """

    def __init__(
        self,
        loader: Callable[[], q.Dataset],
        watch: Path | None,
        recheck: float,
        freeze: bool = False,
    ):
        self._loader = loader
        self._watch = watch
        self._recheck = recheck
        self._freeze = freeze
        self._reload = threading.Lock()
        self._lock = threading.Lock()
        self._checked = float("-inf")
        self._stamp: tuple | None = None
        self._ds: q.Dataset | None = None
        self._memo: dict[str, Any] = {}
        self._recent: OrderedDict[str, Any] = OrderedDict()  # bounded: one per event filter
        self.generation = 0  # counts the snapshots loaded

    def _current_stamp(self) -> tuple | None:
        if self._watch is None:
            return None
        stamp = []
        for path in (self._watch, self._watch.with_name(self._watch.name + ".wal")):
            try:
                st = os.stat(path)
                stamp.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                stamp.append(None)
        return tuple(stamp)

    def fresh(self) -> q.Dataset | None:
        """The snapshot when the store file has not changed (a ``stat``, never a load),
        else None: the caller then loads it in a thread. Requests arriving when a look
        is due so stay on the event loop instead of all queueing for threads."""
        ds = self._ds
        if ds is None:
            return None
        if time.monotonic() - self._checked < self._recheck:
            return ds
        if self._current_stamp() != self._stamp:
            return None
        self._checked = time.monotonic()
        return ds

    def get(self) -> q.Dataset:
        ds = self._ds
        if ds is not None and time.monotonic() - self._checked < self._recheck:
            return ds
        if not self._reload.acquire(blocking=ds is None):
            return ds  # type: ignore[return-value]  # another request is reloading
        try:
            if self._ds is not None and time.monotonic() - self._checked < self._recheck:
                return self._ds
            stamp = self._current_stamp()
            if self._ds is None or stamp != self._stamp:
                try:
                    fresh = self._loader()
                except StoreBusy:
                    if self._ds is None:
                        raise
                    log.info("store busy: serving the previous snapshot")
                    return self._ds
                with self._lock:
                    self._ds, self._stamp, self._memo = fresh, stamp, {}
                    self._recent = OrderedDict()
                    self.generation += 1
                self._settle()
            self._checked = time.monotonic()
            return self._ds
        finally:
            self._reload.release()

    def memo(self, key: str, compute: Callable[[q.Dataset], Any], recent: bool = False) -> Any:
        """``compute(dataset)``, computed once per snapshot; with ``recent`` kept among the
        last ``RECENT_FILTERS`` such values only (for keys that requests make up)."""
        ds = self.get()
        found = self._lookup(ds, key, recent)
        if found is not None:
            return found
        value = compute(ds)
        with self._lock:
            if self._ds is ds:
                if not recent:
                    self._memo[key] = value
                else:
                    self._keep_recent(key, value)
        self._settle()
        return value

    def remember(self, key: str, value: Any, generation: int) -> None:
        """Keep ``value`` among the recent ones, if no other snapshot was loaded since
        ``generation`` (read before the first of the memos it was made from)."""
        with self._lock:
            if self.generation == generation and self._ds is not None:
                self._keep_recent(key, value)

    def _keep_recent(self, key: str, value: Any) -> None:
        self._recent[key] = value
        self._recent.move_to_end(key)
        while len(self._recent) > RECENT_FILTERS:
            self._recent.popitem(last=False)

    def _settle(self) -> None:
        """With ``freeze``, what is alive now (the snapshot and what was computed from
        it) leaves the garbage collector's passes."""
        if self._freeze:
            gc.freeze()

    def cached(self, key: str, recent: bool = False) -> Any:
        """The memo of ``key`` when it is at hand without blocking, else None."""
        ds = self.fresh()
        return None if ds is None else self._lookup(ds, key, recent)

    def _lookup(self, ds: q.Dataset, key: str, recent: bool) -> Any:
        with self._lock:
            if self._ds is not ds:
                return None
            if not recent:
                return self._memo.get(key)
            found = self._recent.get(key)
            if found is not None:
                self._recent.move_to_end(key)
            return found

    def page(self) -> tuple[str, str]:
        return self.memo("report page", lambda ds: render_html(q.report_data(ds, served=True)))


_LIMIT_DOC = (
    f"Page size: 1 to {q.MAX_LIMIT} (default {q.DEFAULT_LIMIT}); a larger value is "
    "rejected with 422."
)


_DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'"
)


Limit = Annotated[int, Query(ge=1, le=q.MAX_LIMIT, description=_LIMIT_DOC)]
Offset = Annotated[int, Query(ge=0)]


def create_app(
    db_path: str | Path | None = None,
    *,
    loader: Callable[[], q.Dataset] | None = None,
    allowed_hosts: tuple[str, ...] | list[str] = LOCAL_HOSTS,
    request_seconds: float = REQUEST_SECONDS,
    recheck_seconds: float = RECHECK_SECONDS,
    freeze_snapshots: bool = False,
) -> FastAPI:
    """The API for a store file (opened read-only), or for any dataset ``loader``.

    ``allowed_hosts``: the ``Host`` names served (others get 400); ``request_seconds``:
    the longest a request may run before a 503; ``recheck_seconds``: how often the
    store file is looked at for changes; ``freeze_snapshots``: keep each loaded
    snapshot out of the garbage collector's full passes (``gc.freeze``, which acts on
    the whole process: meant for a server process, ``badia serve``).
    """
    if loader is None:
        if db_path is None:
            raise ValueError("create_app needs a db_path or a loader")
        path = Path(db_path)
        if not path.exists():
            raise FileNotFoundError(f"no store at {path}")
        snapshot = _Snapshot(
            lambda: q.load_dataset_from_path(path), path, recheck_seconds, freeze_snapshots
        )
    else:
        snapshot = _Snapshot(loader, None, recheck_seconds, freeze_snapshots)

    # Swagger UI (/docs) and ReDoc (/redoc) load their scripts from the copies that the
    # fastapi-offline package ships, served under /static-offline-docs: no CDN, works offline.
    app = FastAPIOffline(
        title="badia",
        summary="Read-only access to a badia store: events, documents, claims, control.",
        description=(
            "Every answer comes from the same queries as the HTML report at `/`. "
            "Errors are RFC 9457 problem details. `/docs` (Swagger UI), `/redoc` (ReDoc) "
            "and `/openapi.json` work offline."
        ),
        version="1",
    )
    app.add_middleware(_Deadline, seconds=request_seconds)
    app.add_middleware(_StopWhenClientLeaves)
    app.add_middleware(_DocsStayLocal)

    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return problem(
            503,
            "store busy: another badia process is writing it; retry shortly",
            headers={"Retry-After": RETRY_AFTER},
        )

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return problem(exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return problem(422, detail or "invalid request", errors=errors)

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception) -> JSONResponse:
        return problem(500, f"internal error: {type(exc).__name__}")

    def not_found(what: str, key: str) -> Problem:
        return Problem(
            404, f"no {what} with id {key!r}" if what != "place" else f"no place {key!r}"
        )

    # The lists whose plain pages ``_PagesAtHand`` may answer: path -> (memo key, answer).
    paged: dict[str, tuple[str, Callable[[q.Dataset], PagedList | PagedAnswer]]] = {
        "/api/documents": ("documents", lambda ds: PagedList(q.list_documents(ds))),
        "/api/tallies": ("tallies", lambda ds: PagedList(q.list_tallies(ds))),
        "/api/claims": ("claims", lambda ds: PagedAnswer(q.claims(ds))),
        "/api/control": ("control", lambda ds: PagedAnswer(q.control(ds))),
        "/api/order-of-battle": (
            "order of battle",
            lambda ds: PagedAnswer(q.order_of_battle(ds)),
        ),
        "/api/places": ("places None", lambda ds: PagedList(q.place_rows(ds, unresolved=None))),
        "/api/casualties": (
            "casualties year None",
            lambda ds: PagedAnswer(q.casualties(ds, by="year", side=None)),
        ),
    }

    def page_at_hand(path: str, limit: int, offset: int, rest: str) -> bytes | None:
        """A page of a list when it costs no computation and no encoding, else None."""
        if path == "/api/events":
            if rest:  # kept by the route for this query: (rows, note, positions)
                found = snapshot.cached(f"events? {rest}", recent=True)
            else:  # every merged event: (rows, note), positions all of them
                plain = snapshot.cached("event rows False")
                found = None if plain is None else (*plain, None)
            if found is None:
                return None
            rows, merge_note, positions = found
            if positions is None:
                total, page = len(rows), window(len(rows), limit, offset)
            else:
                total, page = len(positions), positions[offset : offset + limit]
            if rows.missing(page):
                return None
            return events_body(total, limit, offset, merge_note, rows.parts(page))
        entry = None if rest else paged.get(path)
        source = None if entry is None else snapshot.cached(entry[0])
        if source is None or source.missing(limit, offset):
            return None
        return source.page(limit, offset)

    app.add_middleware(_PagesAtHand, at_hand=page_at_hand, default=q.DEFAULT_LIMIT)
    app.add_middleware(_HeadAsGet)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        page, csp = snapshot.page()
        return HTMLResponse(page, headers={"Content-Security-Policy": csp})

    async def memo(key: str, compute: Callable[[q.Dataset], Any], recent: bool = False) -> Any:
        """``snapshot.memo`` without blocking the event loop: at hand, or from a thread
        (a snapshot to load, a first computation)."""
        found = snapshot.cached(key, recent)
        if found is not None:
            return found
        return await run_in_threadpool(snapshot.memo, key, compute, recent)

    async def json_page(source: PagedList | PagedAnswer, limit: int, offset: int) -> Response:
        """One page as JSON bytes; rows not encoded yet are encoded in a thread."""
        if source.missing(limit, offset):
            body = await run_in_threadpool(source.page, limit, offset)
        else:
            body = source.page(limit, offset)
        return Response(body, media_type="application/json")

    def events_body(
        total: int, limit: int, offset: int, merge_note: str | None, items: list[bytes]
    ) -> bytes:
        head = {"total": total, "limit": limit, "offset": offset, "merge_note": merge_note}
        return page_object(head, {"items": items}, {})

    def event_rows(tellings: bool) -> Callable[[q.Dataset], tuple[EncodedRows, str | None]]:
        def compute(ds: q.Dataset) -> tuple[EncodedRows, str | None]:
            rows = ds.rows(tellings)
            return EncodedRows(rows, lambda m: q.merged_summary(m, ds)), ds.merge_note

        return compute

    def matching(tellings: bool, filters: dict[str, Any]) -> Callable[[q.Dataset], array]:
        def compute(ds: q.Dataset) -> array:
            position = {id(m): i for i, m in enumerate(ds.rows(tellings))}
            found = q.filter_events(ds, tellings=tellings, **filters)
            return array("I", (position[id(m)] for m in found))

        return compute

    @app.get("/api/events", summary="Events, filtered and paged")
    async def events(
        date_from: Annotated[
            date | None, Query(description="events ending on or after this day")
        ] = None,
        date_to: Annotated[
            date | None, Query(description="events starting on or before this day")
        ] = None,
        type: Annotated[str | None, Query(description="event type(s), comma-separated")] = None,
        side: Annotated[
            str | None, Query(description="side(s) of either party, comma-separated")
        ] = None,
        actor: Annotated[str | None, Query(description="substring of an actor name")] = None,
        place: Annotated[
            str | None, Query(description="substring of a location or governorate")
        ] = None,
        doc: Annotated[str | None, Query(description="document id or file name")] = None,
        tellings: Annotated[
            bool,
            Query(description="one row per document's telling instead of per merged event"),
        ] = False,
        limit: Annotated[
            int, Query(ge=1, le=q.MAX_LIMIT, description=_LIMIT_DOC)
        ] = q.DEFAULT_LIMIT,
        offset: Annotated[int, Query(ge=0)] = 0,
        *,
        request: Request,
    ) -> Response:
        filters = {
            "date_from": date_from,
            "date_to": date_to,
            "type": type,
            "side": side,
            "actor": actor,
            "place": place,
            "doc": doc,
        }
        chosen = {k: v for k, v in filters.items() if v is not None}
        key = f"events {tellings} {sorted(chosen.items())!r}"
        # the rows and the filter's positions in them are two memos: a snapshot loaded
        # between the two (a writer changed the store) makes them disagree, so both are
        # taken again from the new one (reloads come at most once per recheck interval)
        for _attempt in range(RELOADS_WAITED):
            generation = snapshot.generation
            rows, merge_note = await memo(f"event rows {tellings}", event_rows(tellings))
            positions = None
            if chosen:
                positions = await memo(key, matching(tellings, chosen), recent=True)
            if snapshot.generation == generation:
                break
        else:
            raise StoreBusy("the store changed during the request")
        if positions is not None:
            total = len(positions)
            page = positions[offset : offset + limit]
        else:
            total = len(rows)
            page = window(total, limit, offset)
        split = split_paging(request.scope["query_string"], q.DEFAULT_LIMIT)
        if split is not None and split[2]:  # the next request of this query: _PagesAtHand
            snapshot.remember(f"events? {split[2]}", (rows, merge_note, positions), generation)
        if rows.missing(page):
            items = await run_in_threadpool(rows.parts, page)
        else:
            items = rows.parts(page)
        body = events_body(total, limit, offset, merge_note, items)
        return Response(body, media_type="application/json")

    @app.get("/api/events/{event_id}", summary="One event with its quote and citations")
    def event(event_id: str) -> dict[str, Any]:
        found = q.get_event(snapshot.get(), event_id)
        if found is None:
            raise not_found("event", event_id)
        return found

    @app.get("/api/documents", summary="Documents (without text), paged")
    async def documents(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
        return await json_page(await memo(*paged["/api/documents"]), limit, offset)

    @app.get("/api/documents/{doc_id}", summary="One document with its text")
    def document(doc_id: str) -> dict[str, Any]:
        found = q.get_document(snapshot.get(), doc_id)
        if found is None:
            raise not_found("document", doc_id)
        return found

    @app.get("/api/tallies", summary="Aggregate killed counts stated in the documents, paged")
    async def tallies(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
        return await json_page(await memo(*paged["/api/tallies"]), limit, offset)

    @app.get(
        "/api/casualties",
        summary="Killed by side, period and claimant (the report's casualty chart and table; "
        "each list paged)",
    )
    async def casualties(
        by: Annotated[Literal["year", "month"], Query(description="period length")] = "year",
        side: Annotated[Side | None, Query(description="only this side")] = None,
        limit: Limit = q.DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Response:
        answer = await memo(  # the key of the defaults is the one in ``paged``
            f"casualties {by} {side}", lambda ds: PagedAnswer(q.casualties(ds, by=by, side=side))
        )
        return await json_page(answer, limit, offset)

    @app.get("/api/places", summary="Places the events name: coordinates and event counts")
    async def places(
        unresolved: Annotated[
            bool | None,
            Query(description="true: only names without coordinates; false: only with"),
        ] = None,
        limit: Limit = q.DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> Response:
        rows = await memo(  # the key of the default is the one in ``paged``
            f"places {unresolved}", lambda ds: PagedList(q.place_rows(ds, unresolved=unresolved))
        )
        return await json_page(rows, limit, offset)

    @app.get(
        "/api/claims",
        summary="Casualty claims: merged low/best/high and per claimant (each list paged)",
    )
    async def claims(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
        return await json_page(await memo(*paged["/api/claims"]), limit, offset)

    @app.get("/api/control", summary="Control timelines of all places (paged)")
    async def control(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
        return await json_page(await memo(*paged["/api/control"]), limit, offset)

    @app.get("/api/control/{place}", summary="Control timeline of one place")
    def control_place(place: str) -> dict[str, Any]:
        ds = snapshot.get()
        found = q.control_for_place(ds, place)
        if found is None:
            status = snapshot.memo(*paged["/api/control"])
            if status.fixed["status"] != "computed":
                raise Problem(404, f"no place {place!r}: control {q.NOT_COMPUTED}")
            raise not_found("place", place)
        return found

    @app.get("/api/order-of-battle", summary="Order-of-battle tree (top-level lists paged)")
    async def order_of_battle(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> Response:
        return await json_page(await memo(*paged["/api/order-of-battle"]), limit, offset)

    return app
