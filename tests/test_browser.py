"""The report and the served page in headless Chromium (Debian's, never downloaded).

Screenshots go to ``build/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from badia.present import queries as q
from badia.present.report import write_report
from present_fixtures import (
    XSS_IMG,
    XSS_SCRIPT,
    build_db,
    make_extractions,
    memory_store,
    synthetic_extraction,
)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} absent: install Debian's chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with its errors, dialogs and any request that left the machine."""

    def __init__(self, browser, allowed_prefix: str):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

        def on_dialog(d) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)

        def route(r) -> None:
            if r.request.url.startswith(allowed_prefix):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        self.page.route("**/*", route)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready='1']", state="attached")

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def report_url(tmp_path: Path) -> str:
    ds = q.load_dataset(memory_store(make_extractions()))
    return write_report(ds, tmp_path / "report.html").as_uri()


def events_on_map(page) -> int:
    """Markers drawn one by one plus the events counted inside clusters."""
    return page.evaluate(
        """() => document.querySelectorAll('.badia-marker').length +
        [...document.querySelectorAll('.marker-cluster span')]
          .reduce((n, s) => n + parseInt(s.textContent, 10), 0)"""
    )


def check_view(w: Watched, name: str) -> None:
    page = w.page
    assert page.locator("#events-table tbody tr").count() == 3
    assert events_on_map(page) == 3
    assert page.locator("#timeline rect.bar").count() == 3  # three months' bars
    assert page.locator("#count").text_content() == "3 of 3 events"
    assert page.locator("#oob").get_by_text("42nd Brigade").count() == 1
    assert "badia merge" in page.locator("#control").text_content()
    page.locator("#events-table tbody tr").first.click()
    quote = page.locator("#detail blockquote.quote")
    assert quote.text_content() == (
        "On 3 March 2017, government forces attacked Tell Hamra, held by ISIL."
    )
    detail = page.locator("#detail").text_content()
    assert "doc1.txt — Battle of Tell Hamra" in detail
    assert "[1] Example Daily, 'Army moves east', 4 March 2017." in detail
    page.locator("#f-type").select_option("ambush")
    assert page.locator("#events-table tbody tr").count() == 1
    assert page.locator("#count").text_content() == "1 of 3 events"
    assert events_on_map(page) == 1
    page.locator("#f-reset").click()
    assert page.locator("#events-table tbody tr").count() == 3
    page.locator("#events-table tbody tr").first.click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
    assert w.errors == [] and w.outside == []


def test_report_file_shows_events(browser, report_url: str) -> None:
    w = Watched(browser, "file://")
    try:
        w.open(report_url)
        check_view(w, "report.png")
    finally:
        w.close()


def test_hostile_text_stays_text(browser, report_url: str) -> None:
    w = Watched(browser, "file://")
    try:
        w.open(report_url)
        page = w.page
        page.locator("#f-doc").select_option("doc2bbbbbbbbbbbb")
        row = page.locator("#events-table tbody tr")
        assert row.count() == 1
        assert XSS_IMG in row.text_content()
        row.click()
        detail = page.locator("#detail").text_content()
        assert XSS_SCRIPT in detail and XSS_IMG in detail
        assert XSS_SCRIPT in page.locator("#f-doc").text_content()  # the title, as text
        page.locator(".badia-marker").first.hover()  # opens a tooltip built from text
        page.locator(".badia-marker").first.click()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert (
            page.evaluate("document.querySelectorAll('img, iframe, a[href^=javascript]').length")
            == 0
        )
        assert w.dialogs == [] and w.outside == []
    finally:
        w.close()


@contextlib.contextmanager
def serving(app) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free loopback port in a thread; stop it afterwards."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_served_page_shows_events(browser, tmp_path: Path) -> None:
    db = build_db(tmp_path / "serve.duckdb", make_extractions())
    from badia.present.api import create_app

    with serving(create_app(db)) as base:
        w = Watched(browser, base)
        try:
            w.open(base + "/")
            check_view(w, "served.png")
            api = w.page.request.get(base + "/api/events?limit=1")
            assert api.json()["total"] == 3
        finally:
            w.close()


def test_ten_thousand_events_load(browser, tmp_path: Path) -> None:
    ds = q.load_dataset(memory_store([synthetic_extraction(10_000)]))
    url = write_report(ds, tmp_path / "big.html").as_uri()
    w = Watched(browser, "file://")
    try:
        w.open(url)
        page = w.page
        assert page.locator("#count").text_content() == "10000 of 10000 events"
        assert page.locator("#events-table tbody tr").count() == 50  # paged, not 10,000 rows
        assert "Page 1 of 200" in page.locator("#pager").text_content()
        page.get_by_role("button", name="Next ›").click()
        assert "Page 2 of 200" in page.locator("#pager").text_content()
        assert page.locator(".marker-cluster").count() > 0  # clustered
        assert events_on_map(page) == 10_000
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / "report-10k.png"))
        assert w.errors == []
    finally:
        w.close()


def test_api_docs_render_offline(browser, tmp_path: Path) -> None:
    """Swagger UI and ReDoc come from the package's own files: every other request is
    refused, and the pages still list the API's operations."""
    db = build_db(tmp_path / "docs.duckdb", make_extractions())
    from badia.present.api import create_app

    with serving(create_app(db)) as base:
        w = Watched(browser, base)
        try:
            w.page.goto(base + "/docs")
            w.page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
            paths = w.page.locator(".opblock-summary-path").all_text_contents()
            assert "/api/events" in [p.replace("\u200b", "") for p in paths]
            w.page.screenshot(path=str(SCREENSHOTS / "api-docs.png"))
            w.page.goto(base + "/redoc")
            w.page.wait_for_selector("text=filtered and paged", timeout=20_000)
            w.page.screenshot(path=str(SCREENSHOTS / "api-redoc.png"))
            assert w.outside == []  # not even ReDoc's logo: the page's policy blocks it
            assert all("logo-mini.svg" in e and "Content Security Policy" in e for e in w.errors)
        finally:
            w.close()


def claimed_extraction(n: int):
    """``synthetic_extraction`` whose fatality figures come from two claimants that differ."""
    ex = synthetic_extraction(n)
    events = []
    for k, ev in enumerate(ex.events):
        claimant = "Observatory" if k % 2 else "State media"
        events.append(ev.model_copy(update={"fatalities": [
            f.model_copy(update={"source": claimant}) for f in ev.fatalities
        ]}))
    return ex.model_copy(update={"events": events})


def colours(page, selector: str, prop: str) -> set[str]:
    return set(page.evaluate(
        "([sel, prop]) => [...document.querySelectorAll(sel)]"
        ".map(n => getComputedStyle(n)[prop])",
        [selector, prop],
    ))


def test_clusters_are_neutral_and_types_keep_the_legend_colours(browser, tmp_path: Path) -> None:
    ds = q.load_dataset(memory_store([claimed_extraction(600), *make_extractions()]))
    url = write_report(ds, tmp_path / "mixed.html").as_uri()
    w = Watched(browser, "file://")
    try:
        w.open(url)
        page = w.page
        bubbles = colours(page, ".marker-cluster div", "backgroundColor")
        rings = colours(page, ".marker-cluster", "backgroundColor")
        points = colours(page, "path.badia-marker", "fill")
        legend = colours(page, "#legend .swatch:not(.cluster)", "backgroundColor")
        assert len(bubbles) == 1 and len(rings) == 1  # one neutral look whatever the count
        assert points and points <= legend  # every point in a colour of the type legend
        assert not (bubbles | rings) & (points | legend)
        assert page.locator(".cas-chart").count() >= 3  # one chart per side with figures
        assert page.locator(".cas-chart line.disagree").count() > 0
        page.screenshot(path=str(SCREENSHOTS / "report-1400.png"), full_page=False)
        page.locator("#casualties-section").screenshot(path=str(SCREENSHOTS / "casualties.png"))
        # an event from the table is shown with its neighbours, ringed, not alone
        page.locator("#f-doc").select_option("synthetic0000000")
        page.locator("#events-table tbody tr").nth(3).click()
        assert page.locator(".badia-selected").count() == 1
        box = page.locator("#map").bounding_box()
        shown = page.evaluate(
            """([x0, y0, x1, y1]) => [...document.querySelectorAll(
                 '.badia-marker, .marker-cluster')].filter(n => {
                   const r = n.getBoundingClientRect();
                   return r.right > x0 && r.left < x1 && r.bottom > y0 && r.top < y1;
                 }).length""",
            [box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"]],
        )
        assert shown >= 3, shown
        page.locator("#map-section").screenshot(path=str(SCREENSHOTS / "focus.png"))
        assert w.errors == [] and w.outside == []
    finally:
        w.close()


def test_phone_width_has_no_sideways_page_scroll(browser, tmp_path: Path) -> None:
    ds = q.load_dataset(memory_store([claimed_extraction(200), *make_extractions()]))
    url = write_report(ds, tmp_path / "phone.html").as_uri()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", state="attached")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, width
        table = page.evaluate(
            "(() => { const b = document.querySelector('#table-section .table-box');"
            " return [b.scrollWidth, b.clientWidth]; })()"
        )
        assert table[1] <= 390 and table[0] > table[1]  # the table scrolls in its own box
        for selector in ("#timeline svg", ".cas-chart svg", "#map"):
            right = page.evaluate(
                "(s) => Math.max(...[...document.querySelectorAll(s)]"
                ".map(n => n.getBoundingClientRect().right))",
                selector,
            )
            assert right <= 390, (selector, right)
        inputs = page.evaluate(
            "Math.min(...[...document.querySelectorAll('#filters input, #filters select')]"
            ".map(n => n.getBoundingClientRect().width))"
        )
        assert inputs >= 120, inputs  # filter controls stay usable, not a few pixels wide
        page.screenshot(path=str(SCREENSHOTS / "report-390.png"), full_page=True)
    finally:
        page.close()


def test_served_page_over_a_large_store_fetches_the_quote(
    browser, tmp_path: Path, monkeypatch
) -> None:
    db = build_db(tmp_path / "lean.duckdb", make_extractions())
    from badia.present.api import create_app

    monkeypatch.setattr(q, "SERVED_LEAN_ABOVE", 2)
    with serving(create_app(db)) as base:
        w = Watched(browser, base)
        try:
            w.open(base + "/")
            w.page.locator("#events-table tbody tr").first.click()
            quote = w.page.locator("#detail blockquote.quote")
            quote.wait_for(timeout=10_000)
            assert quote.text_content() == (
                "On 3 March 2017, government forces attacked Tell Hamra, held by ISIL."
            )
            assert w.errors == [] and w.outside == []
        finally:
            w.close()
