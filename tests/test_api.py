"""The read-only API: filters, paging bounds, problem details, same data as the report."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from badia.present import queries as q
from badia.present.api import create_app
from badia.present.report import write_report
from present_fixtures import XSS_IMG, XSS_LINK, XSS_SCRIPT, build_db, make_extractions

PROBLEM = "application/problem+json"


def local(app, **kwargs) -> TestClient:
    """A test client that names the host as a browser on this machine does."""
    return TestClient(app, base_url="http://localhost", **kwargs)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = build_db(tmp_path / "api.duckdb", make_extractions())
    return path


@pytest.fixture()
def client(db: Path) -> TestClient:
    return local(create_app(db))


def data(page: str) -> dict:
    """The JSON a report page embeds."""
    m = re.search(r'id="badia-data">(.*?)</script>', page, re.DOTALL)
    assert m, "no embedded data"
    return json.loads(m.group(1))


def assert_problem(resp, status: int) -> dict:
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith(PROBLEM)
    body = resp.json()
    assert body["status"] == status and body["title"] and body["type"] and body["detail"]
    return body


def test_events_filters(client: TestClient) -> None:
    def days(**params) -> list[str]:
        resp = client.get("/api/events", params=params)
        assert resp.status_code == 200, resp.text
        return [e["date_start"] for e in resp.json()["items"]]

    assert days() == ["2017-03-03", "2017-04-20", "2017-05-10"]
    assert days(type="ambush") == ["2017-04-20"]
    assert days(side="islamic_state") == ["2017-03-03"]
    assert days(actor="government forces") == ["2017-03-03"]
    assert days(place="Bir Qasab") == ["2017-04-20"]
    assert days(doc="doc2bbbbbbbbbbbb") == ["2017-05-10"]
    assert days(date_from="2017-04-01") == ["2017-04-20", "2017-05-10"]
    assert days(date_to="2017-04-01") == ["2017-03-03"]


def test_paging_and_its_bounds(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert (page["total"], page["limit"], page["offset"]) == (3, 1, 1)
    assert [e["date_start"] for e in page["items"]] == ["2017-04-20"]
    assert client.get("/api/events").json()["limit"] == 100
    assert client.get("/api/events", params={"limit": 1000}).status_code == 200
    body = assert_problem(client.get("/api/events", params={"limit": 1001}), 422)
    assert "limit" in body["detail"]
    assert_problem(client.get("/api/events", params={"limit": 0}), 422)
    assert_problem(client.get("/api/events", params={"offset": -1}), 422)
    assert_problem(client.get("/api/events", params={"date_from": "not a date"}), 422)
    assert client.get("/api/events", params={"offset": 50}).json()["items"] == []


def test_one_event_and_not_found(client: TestClient) -> None:
    first = client.get("/api/events").json()["items"][0]
    resp = client.get(f"/api/events/{first['id']}")
    assert resp.status_code == 200
    ev = resp.json()
    assert ev["quote"].startswith("On 3 March 2017") and ev["citations"][0]["marker"] == "[1]"
    assert ev["places"][0]["latitude"] == 34.6
    body = assert_problem(client.get("/api/events/doc1:0:99"), 404)
    assert "doc1:0:99" in body["detail"]


def test_documents(client: TestClient) -> None:
    page = client.get("/api/documents").json()
    assert (page["total"], page["limit"], page["offset"]) == (2, q.DEFAULT_LIMIT, 0)
    docs = page["items"]
    assert [d["name"] for d in docs] == ["doc1.txt", "doc2.txt"]
    assert "text" not in docs[0] and docs[0]["events"] == 2
    full = client.get("/api/documents/doc1aaaaaaaaaaaa").json()
    assert full["text"].startswith("Battle of Tell Hamra") and len(full["references"]) == 2
    assert_problem(client.get("/api/documents/nope"), 404)


def test_tallies_claims_control_oob(client: TestClient) -> None:
    (tally,) = client.get("/api/tallies").json()["items"]
    assert (tally["side"], tally["killed"], tally["source"]) == ("islamic_state", 12, "SOHR")
    claims = client.get("/api/claims").json()
    assert claims["status"] == "not_computed" and "badia merge" in claims["message"]
    assert {"side": "government", "claimant": None, "killed": 4, "events": 1} in claims[
        "by_side_and_claimant"
    ]
    assert client.get("/api/control").json()["status"] == "not_computed"
    body = assert_problem(client.get("/api/control/Tell Hamra"), 404)
    assert "badia merge" in body["detail"]
    oob = client.get("/api/order-of-battle").json()
    assert oob["origin"] == "infobox" and oob["tree"][0]["name"] == "Battle of Tell Hamra"


def test_control_of_one_place_once_merged(db: Path) -> None:
    merged_mod = pytest.importorskip("badia.store.merged")
    records = pytest.importorskip("badia.merge.records")
    from datetime import date

    from badia.store import Store

    with Store(db) as store:
        merged_mod.save_merge(
            store,
            records.MergeResult(
                control=[
                    records.ControlPeriod(
                        key="bir qasab",
                        place="Bir Qasab",
                        side="opposition",
                        start=date(2017, 4, 20),
                    )
                ]
            ),
        )
    client = local(create_app(db))
    place = client.get("/api/control/bir QASAB").json()
    assert place["place"] == "Bir Qasab" and place["timeline"][0]["side"] == "opposition"
    assert_problem(client.get("/api/control/Nowhere"), 404)


def test_unknown_route_and_server_error_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/api/nothing-here"), 404)

    def broken() -> q.Dataset:
        raise RuntimeError("store exploded")

    failing = local(create_app(loader=broken), raise_server_exceptions=False)
    body = assert_problem(failing.get("/api/events"), 500)
    assert "store exploded" not in body["detail"]  # no internals leak


def test_hostile_text_is_plain_json(client: TestClient) -> None:
    resp = client.get("/api/events", params={"doc": "doc2.txt"})
    assert resp.headers["content-type"] == "application/json"
    (ev,) = resp.json()["items"]
    assert ev["actor1"] == [XSS_IMG, XSS_SCRIPT] and ev["locations"][0] == XSS_LINK
    doc = client.get("/api/documents/doc2bbbbbbbbbbbb").json()
    assert XSS_SCRIPT in doc["title"]


def test_index_is_the_report(client: TestClient, db: Path, tmp_path: Path) -> None:
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert resp.headers["content-security-policy"].startswith("default-src 'none'")

    report = write_report(q.load_dataset_from_path(db), tmp_path / "r.html")
    assert data(resp.text) == data(report.read_text(encoding="utf-8"))


def test_openapi_and_read_only(client: TestClient, db: Path) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/tallies",
        "/api/claims",
        "/api/control",
        "/api/control/{place}",
        "/api/order-of-battle",
        "/api/places",
        "/api/casualties",
    ):
        assert set(spec["paths"][path]) == {"get"}, path
    limit = next(
        p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 1000
    assert client.post("/api/events").status_code == 405
    client.get("/api/events")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_missing_store_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "absent.duckdb")


def test_places_have_coordinates_and_counts(client: TestClient) -> None:
    rows = client.get("/api/places").json()["items"]
    hamra = next(r for r in rows if r["name"] == "Tell Hamra")
    assert (hamra["lat"], hamra["lon"], hamra["admin1"], hamra["events"]) == (
        34.60, 38.20, "Homs", 1
    )
    assert client.get("/api/places", params={"unresolved": "true"}).json()["items"] == []
    with_coordinates = client.get("/api/places", params={"unresolved": "false"}).json()
    assert with_coordinates["total"] == len(rows)


def test_casualties_by_side_period_and_claimant(client: TestClient) -> None:
    body = client.get("/api/casualties", params={"by": "month"}).json()
    assert {(r["period"], r["side"], r["claimant"], r["killed"]) for r in body["rows"]} >= {
        ("2017-03", "islamic_state", "SOHR", 12),
        ("2017-04", "government", None, 4),
    }
    assert body["table"] and all("flags" in r for r in body["table"])
    only = client.get("/api/casualties", params={"side": "government"}).json()
    assert {r["side"] for r in only["rows"] + only["table"]} == {"government"}
    bad = assert_problem(client.get("/api/casualties", params={"side": "isis"}), 422)
    assert "government" in bad["detail"]  # the allowed values are named
    assert_problem(client.get("/api/casualties", params={"by": "week"}), 422)


def test_claimants_that_disagree_are_listed() -> None:
    (first, *_), *_ = [x.events for x in make_extractions()]
    other = first.model_copy(
        update={"id": first.id + "b", "fatalities": [
            first.fatalities[0].model_copy(update={"killed": 30, "source": "state media"})
        ]}
    )
    ds = q.Dataset(documents=[], events=[first, other], tallies=[], infoboxes=[])
    series = q.casualty_series(ds, by="year")
    assert series["disagreements"] == [
        {"period": "2017", "side": "islamic_state", "claims": {"SOHR": 12, "state media": 30}}
    ]


def test_every_report_table_has_a_json_twin(db: Path) -> None:
    """The report embeds what the API serves: the same query functions, the same rows
    (the store is small, so the API's first page holds every row)."""
    client = local(create_app(db))
    page = data(client.get("/").text)

    def whole(path: str, **params) -> dict:
        answer = client.get(path, params=params).json()
        return {k: v for k, v in answer.items() if k not in ("limit", "offset", "totals")}

    claims = whole("/api/claims")
    assert page["claims"]["rows"] == claims["rows"]
    assert page["claims"]["by_side_and_claimant"] == claims["by_side_and_claimant"]
    assert page["claims"]["tallies"] == client.get("/api/tallies").json()["items"]
    assert page["casualty_series"] == {
        k: v for k, v in whole("/api/casualties", by="month").items() if k != "table"
    }
    assert page["control"] == whole("/api/control")
    assert page["order_of_battle"] == whole("/api/order-of-battle")
    listed = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert q.expand_events(page) == listed


def test_served_page_over_a_large_store_leaves_quotes_to_the_api(
    db: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(q, "SERVED_LEAN_ABOVE", 2)
    client = local(create_app(db))
    resp = client.get("/")
    page = data(resp.text)
    assert page["detail_url"] == "/api/events/"
    assert "quote" not in page["events"]["fields"] and "fatalities" in page["events"]["fields"]
    assert "connect-src 'self'" in resp.headers["content-security-policy"]
    first = q.expand_events(page)[0]
    full = client.get(page["detail_url"] + first["id"]).json()
    assert full["quote"] and full["date_start"] == first["date_start"]
    written = write_report(q.load_dataset_from_path(db), tmp_path / "r.html").read_text()
    assert "quote" in data(written)["events"]["fields"]  # a file keeps everything
    assert "connect-src" not in written


def test_a_snapshot_loaded_during_a_filtered_request_is_not_mixed_with_the_one_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the rows come from one memo and the filter's positions from another: a store
    # change seen between the two must not put one snapshot's positions on the other's rows
    served = build_db(tmp_path / "served.duckdb", make_extractions())
    later = build_db(tmp_path / "later.duckdb", make_extractions()[1:])
    app = create_app(served, recheck_seconds=0)
    rows_of = q.Dataset.rows
    changed: list[bool] = []

    def rows_then_a_writer_replaces_the_store(self, tellings_only: bool = False):
        if not changed:
            changed.append(True)
            later.replace(served)
        return rows_of(self, tellings_only)

    monkeypatch.setattr(q.Dataset, "rows", rows_then_a_writer_replaces_the_store)
    answer = local(app).get("/api/events", params={"type": "attack"}).json()
    monkeypatch.setattr(q.Dataset, "rows", rows_of)
    expected = local(create_app(served)).get("/api/events", params={"type": "attack"}).json()
    assert changed and answer == expected
    assert [e["date_start"] for e in answer["items"]] == ["2017-05-10"]
