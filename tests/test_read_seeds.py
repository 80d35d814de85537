"""The five real seed documents in ../shared: formats, headings, chrome, offsets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from badia.model import Document
from badia.read import read_path

CHROME = (
    "Share this article",
    "Add article description",
    "Quick Facts",
    "Creating new perspectives",
    "Read: ",
    "June 21, 2017 at 2:05 am",
    "[Emin Sansar / Anadolu]",
    "This article uses material",
    "- Conflict:",
    "note1|",
)


@pytest.fixture(scope="module")
def seeds(seed_paths: dict[str, Path]) -> dict[str, Document]:
    return {key: read_path(path) for key, path in seed_paths.items()}


def test_formats_detected(seeds: dict[str, Document]):
    assert {k: d.format for k, d in seeds.items()} == {
        "000": "dump",
        "001": "dump",
        "002": "dump",
        "003": "news",
        "004": "mirror",
    }


def test_every_sentence_slices_the_text(seeds: dict[str, Document]):
    for doc in seeds.values():
        assert len(doc.sentences()) >= 10
        for _, par, sent in doc.sentences():
            assert doc.text[sent.start : sent.end] == sent.text
            assert doc.text[par.start : par.end].find(sent.text) >= 0


def test_no_chrome_in_body(seeds: dict[str, Document]):
    for key, doc in seeds.items():
        for sec in doc.sections:
            for par in sec.paragraphs:
                block = doc.text[par.start : par.end]
                for chrome in CHROME:
                    assert chrome not in block, (key, chrome)


def test_headings_recovered(seeds: dict[str, Document]):
    headings = {k: [s.heading for s in d.sections] for k, d in seeds.items()}
    for h in (
        "The campaign",
        "First FSA offensive (December 2016January 2017)",
        "Interlude",
        "Aftermath",
    ):
        assert h in headings["000"]
    assert headings["000"][0] is None  # the lead
    assert headings["004"][:3] == [None, "The offensive", "Aftermath"]
    assert "2019: IS insurgency begins" in headings["001"]


def test_see_also_and_references_have_no_body(seeds: dict[str, Document]):
    for doc in seeds.values():
        for sec in doc.sections:
            if sec.heading in ("See also", "References"):
                assert sec.paragraphs == []


def test_titles_dates_and_references(seeds: dict[str, Document]):
    assert seeds["000"].title == "Syrian Desert campaign (December 2016 – April 2017)"
    assert seeds["004"].title == "Eastern Qalamoun offensive (September–October 2016)"
    assert seeds["003"].title.startswith("Opposition forces say Syrian army")
    assert seeds["003"].published == date(2017, 6, 21)
    assert seeds["000"].published is None
    refs = seeds["004"].references
    assert [r.number for r in refs] == list(range(1, 15))
    cites = [c for s in seeds["004"].sections for p in s.paragraphs for c in p.citations]
    assert len(cites) > 20
    assert all(c.ref_number in (None, int(c.marker[1:-1])) for c in cites)
    assert any(c.ref_number == 5 for c in cites)


def test_news_lead_sentence(seeds: dict[str, Document]):
    first = seeds["003"].sentences()[0][2].text
    assert first.startswith("Western-backed Syrian rebels holding a strategic swathe")
