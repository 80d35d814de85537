"""A local, read-only HTTP API over the store, and the report page at ``/``.

Every route answers from :mod:`badia.present.queries`, the same functions the
HTML report uses. The store file is opened read-only for each snapshot and closed
again; the snapshot is reloaded when the file changes. Errors are RFC 9457
problem details (``application/problem+json``).
"""

from __future__ import annotations

import os
import threading
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

from badia.model import Side
from badia.present import queries as q
from badia.present.report import render_html

PROBLEM_JSON = "application/problem+json"


class Problem(HTTPException):
    """An HTTP error with the RFC 9457 ``detail`` text."""


def problem(status: int, detail: str, **extra: Any) -> JSONResponse:
    """An RFC 9457 problem-details response."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(jsonable_encoder(body), status_code=status, media_type=PROBLEM_JSON)


class _Snapshot:
    """The dataset, reloaded when the store file's size or mtime changes."""

    def __init__(self, loader: Callable[[], q.Dataset], watch: Path | None):
        self._loader = loader
        self._watch = watch
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._ds: q.Dataset | None = None
        self._page: tuple[str, str] | None = None

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
        with self._lock:
            stamp = self._current_stamp()
            if self._ds is None or stamp != self._stamp:
                self._ds = self._loader()
                self._stamp = stamp
                self._page = None
            return self._ds

    def page(self) -> tuple[str, str]:
        ds = self.get()
        with self._lock:
            if self._page is None:
                self._page = render_html(q.report_data(ds))
            return self._page


_LIMIT_DOC = (
    f"Page size: 1 to {q.MAX_LIMIT} (default {q.DEFAULT_LIMIT}); a larger value is "
    "rejected with 422."
)


_DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'"
)


def create_app(
    db_path: str | Path | None = None, *, loader: Callable[[], q.Dataset] | None = None
) -> FastAPI:
    """The API for a store file (opened read-only), or for any dataset ``loader``."""
    if loader is None:
        if db_path is None:
            raise ValueError("create_app needs a db_path or a loader")
        path = Path(db_path)
        if not path.exists():
            raise FileNotFoundError(f"no store at {path}")
        snapshot = _Snapshot(lambda: q.load_dataset_from_path(path), path)
    else:
        snapshot = _Snapshot(loader, None)

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

    @app.get("/api/documents", summary="Documents (without text)")
    def documents() -> list[dict[str, Any]]:
        return q.list_documents(snapshot.get())

    @app.get("/api/documents/{doc_id}", summary="One document with its text")
    def document(doc_id: str) -> dict[str, Any]:
        found = q.get_document(snapshot.get(), doc_id)
        if found is None:
            raise not_found("document", doc_id)
        return found

    @app.get("/api/tallies", summary="Aggregate killed counts stated in the documents")
    def tallies() -> list[dict[str, Any]]:
        return q.list_tallies(snapshot.get())

    @app.get(
        "/api/casualties",
        summary="Killed by side, period and claimant (the report's casualty chart and table)",
    )
    def casualties(
        by: Annotated[Literal["year", "month"], Query(description="period length")] = "year",
        side: Annotated[Side | None, Query(description="only this side")] = None,
    ) -> dict[str, Any]:
        return q.casualties(snapshot.get(), by=by, side=side)

    @app.get("/api/places", summary="Places the events name: coordinates and event counts")
    def places(
        unresolved: Annotated[
            bool | None,
            Query(description="true: only names without coordinates; false: only with"),
        ] = None,
    ) -> list[dict[str, Any]]:
        return q.place_rows(snapshot.get(), unresolved=unresolved)

    @app.get("/api/claims", summary="Casualty claims: merged low/best/high and per claimant")
    def claims() -> dict[str, Any]:
        return q.claims(snapshot.get())

    @app.get("/api/control", summary="Control timelines of all places")
    def control() -> dict[str, Any]:
        return q.control(snapshot.get())

    @app.get("/api/control/{place}", summary="Control timeline of one place")
    def control_place(place: str) -> dict[str, Any]:
        ds = snapshot.get()
        found = q.control_for_place(ds, place)
        if found is None:
            status = q.control(ds)
            if status["status"] != "computed":
                raise Problem(404, f"no place {place!r}: control {q.NOT_COMPUTED}")
            raise not_found("place", place)
        return found

    @app.get("/api/order-of-battle", summary="Order-of-battle tree")
    def order_of_battle() -> dict[str, Any]:
        return q.order_of_battle(snapshot.get())

    return app
