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
parameters and the report page are computed once per snapshot; a request that
runs longer than ``request_seconds`` is answered 503. Only requests whose
``Host`` is one of ``allowed_hosts`` (localhost names by default) are served, so
a web page cannot read the store through DNS rebinding. ``HEAD`` is answered
wherever ``GET`` is.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from badia.model import Side
from badia.present import queries as q
from badia.present.report import render_html
from badia.store.db import StoreBusy

PROBLEM_JSON = "application/problem+json"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
REQUEST_SECONDS = 15.0  # a request running longer is answered 503
RECHECK_SECONDS = 1.0  # how often the store file is looked at for changes
RETRY_AFTER = "2"  # seconds a client is asked to wait when the store is busy

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


def page_of(rows: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list: ``{"total", "limit", "offset", "items"}``."""
    return {
        "total": len(rows),
        "limit": limit,
        "offset": offset,
        "items": rows[offset : offset + limit],
    }


def page_lists(answer: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    """A dict answer with each of its lists cut to one page; ``totals`` gives their lengths."""
    lists = {k: v for k, v in answer.items() if isinstance(v, list)}
    paged = {k: v[offset : offset + limit] for k, v in lists.items()}
    totals = {k: len(v) for k, v in lists.items()}
    return {**answer, **paged, "limit": limit, "offset": offset, "totals": totals}


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


class _Snapshot:
    """The dataset and what is computed once from it, reloaded when the store file changes.

    The file is looked at no more than once per ``recheck`` seconds. One request at a
    time reloads; the others meanwhile get the previous snapshot. A store held by a
    writer (``StoreBusy``) leaves the previous snapshot in place and is tried again at
    the next look; with no snapshot yet, ``StoreBusy`` reaches the caller (503).
    """

    def __init__(self, loader: Callable[[], q.Dataset], watch: Path | None, recheck: float):
        self._loader = loader
        self._watch = watch
        self._recheck = recheck
        self._reload = threading.Lock()
        self._lock = threading.Lock()
        self._checked = float("-inf")
        self._stamp: tuple | None = None
        self._ds: q.Dataset | None = None
        self._memo: dict[str, Any] = {}

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
            self._checked = time.monotonic()
            return self._ds
        finally:
            self._reload.release()

    def memo(self, key: str, compute: Callable[[q.Dataset], Any]) -> Any:
        """``compute(dataset)``, computed once per snapshot."""
        ds = self.get()
        with self._lock:
            memo = self._memo
            if self._ds is ds and key in memo:
                return memo[key]
        value = compute(ds)
        with self._lock:
            if self._ds is ds:
                self._memo[key] = value
        return value

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
) -> FastAPI:
    """The API for a store file (opened read-only), or for any dataset ``loader``.

    ``allowed_hosts``: the ``Host`` names served (others get 400); ``request_seconds``:
    the longest a request may run before a 503; ``recheck_seconds``: how often the
    store file is looked at for changes.
    """
    if loader is None:
        if db_path is None:
            raise ValueError("create_app needs a db_path or a loader")
        path = Path(db_path)
        if not path.exists():
            raise FileNotFoundError(f"no store at {path}")
        snapshot = _Snapshot(lambda: q.load_dataset_from_path(path), path, recheck_seconds)
    else:
        snapshot = _Snapshot(loader, None, recheck_seconds)

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
    app.add_middleware(_HeadAsGet)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return problem(
            503,
            "store busy: another badia process is writing it; retry shortly",
            headers={"Retry-After": RETRY_AFTER},
        )

    @app.middleware("http")
    async def _docs_stay_local(request: Request, call_next: Callable) -> Any:
        # ReDoc asks a CDN for its logo (it drops the logo when that fails): the policy
        # keeps the docs pages from reaching anything but this server.
        response = await call_next(request)
        if request.url.path in ("/docs", "/redoc"):
            response.headers.setdefault("Content-Security-Policy", _DOCS_CSP)
        return response

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

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        page, csp = snapshot.page()
        return HTMLResponse(page, headers={"Content-Security-Policy": csp})

    @app.get("/api/events", summary="Events, filtered and paged")
    def events(
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
    ) -> dict[str, Any]:
        return q.list_events(
            snapshot.get(),
            limit=limit,
            offset=offset,
            date_from=date_from,
            date_to=date_to,
            type=type,
            side=side,
            actor=actor,
            place=place,
            doc=doc,
            tellings=tellings,
        )

    @app.get("/api/events/{event_id}", summary="One event with its quote and citations")
    def event(event_id: str) -> dict[str, Any]:
        found = q.get_event(snapshot.get(), event_id)
        if found is None:
            raise not_found("event", event_id)
        return found

    @app.get("/api/documents", summary="Documents (without text), paged")
    def documents(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        return page_of(snapshot.memo("documents", q.list_documents), limit, offset)

    @app.get("/api/documents/{doc_id}", summary="One document with its text")
    def document(doc_id: str) -> dict[str, Any]:
        found = q.get_document(snapshot.get(), doc_id)
        if found is None:
            raise not_found("document", doc_id)
        return found

    @app.get("/api/tallies", summary="Aggregate killed counts stated in the documents, paged")
    def tallies(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        return page_of(snapshot.memo("tallies", q.list_tallies), limit, offset)

    @app.get(
        "/api/casualties",
        summary="Killed by side, period and claimant (the report's casualty chart and table; "
        "each list paged)",
    )
    def casualties(
        by: Annotated[Literal["year", "month"], Query(description="period length")] = "year",
        side: Annotated[Side | None, Query(description="only this side")] = None,
        limit: Limit = q.DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        answer = snapshot.memo(
            f"casualties {by} {side}", lambda ds: q.casualties(ds, by=by, side=side)
        )
        return page_lists(answer, limit, offset)

    @app.get("/api/places", summary="Places the events name: coordinates and event counts")
    def places(
        unresolved: Annotated[
            bool | None,
            Query(description="true: only names without coordinates; false: only with"),
        ] = None,
        limit: Limit = q.DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        rows = snapshot.memo(
            f"places {unresolved}", lambda ds: q.place_rows(ds, unresolved=unresolved)
        )
        return page_of(rows, limit, offset)

    @app.get(
        "/api/claims",
        summary="Casualty claims: merged low/best/high and per claimant (each list paged)",
    )
    def claims(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        return page_lists(snapshot.memo("claims", q.claims), limit, offset)

    @app.get("/api/control", summary="Control timelines of all places (paged)")
    def control(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        return page_lists(snapshot.memo("control", q.control), limit, offset)

    @app.get("/api/control/{place}", summary="Control timeline of one place")
    def control_place(place: str) -> dict[str, Any]:
        ds = snapshot.get()
        found = q.control_for_place(ds, place)
        if found is None:
            status = snapshot.memo("control", q.control)
            if status["status"] != "computed":
                raise Problem(404, f"no place {place!r}: control {q.NOT_COMPUTED}")
            raise not_found("place", place)
        return found

    @app.get("/api/order-of-battle", summary="Order-of-battle tree (top-level lists paged)")
    def order_of_battle(limit: Limit = q.DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        return page_lists(snapshot.memo("order of battle", q.order_of_battle), limit, offset)

    return app
