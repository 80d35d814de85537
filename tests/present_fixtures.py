"""Small hand-written documents and events for the report/API tests.

``make_extractions()`` builds typed records (two invented documents, one of them
hostile); ``open_test_store(tmp_path)`` saves them in a real DuckDB store when
``badia.store`` provides one, else returns a fake store with the same read methods.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from badia.model import (
    Citation,
    Commander,
    Document,
    Event,
    Extraction,
    Fatality,
    Infobox,
    InfoboxSide,
    Paragraph,
    Place,
    Reference,
    Section,
    Sentence,
    Tally,
    Unit,
)
from badia.store import Store

XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_LINK = '<a href="javascript:window.__pwned=1">x</a>'

DOC1_TEXT = (
    "Battle of Tell Hamra\n\n"
    "On 3 March 2017, government forces attacked Tell Hamra, held by ISIL.[1] "
    "The Syrian Observatory for Human Rights said 12 ISIL fighters were killed.[2]\n\n"
    "On 20 April 2017, opposition fighters ambushed an army convoy near Bir Qasab, "
    "killing 4 soldiers.[1]\n\n"
    "References\n1. Example Daily, 'Army moves east', 4 March 2017.\n"
    "2. Monitor bulletin, 5 March 2017.\n"
)
DOC2_TEXT = (
    f"Raid on {XSS_SCRIPT}\n\nOn 10 May 2017, {XSS_IMG} fighters raided {XSS_LINK} village.\n"
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _sentence(text: str, needle: str) -> Sentence:
    s, e = _span(text, needle)
    return Sentence(start=s, end=e, text=needle)


def _citation(text: str, marker: str, after: str, ref: int) -> Citation:
    pos = text.index(after) + len(after)
    assert text.startswith(marker, pos)
    return Citation(marker=marker, start=pos, end=pos + len(marker), ref_number=ref)


def make_document1() -> Document:
    t = DOC1_TEXT
    s1 = "On 3 March 2017, government forces attacked Tell Hamra, held by ISIL."
    s2 = "The Syrian Observatory for Human Rights said 12 ISIL fighters were killed."
    s3 = (
        "On 20 April 2017, opposition fighters ambushed an army convoy near Bir Qasab, "
        "killing 4 soldiers."
    )
    p1s, _ = _span(t, s1)
    _, p1e = _span(t, s2 + "[2]")
    p2s, p2e = _span(t, s3 + "[1]")
    refs_s = t.index("1. Example")
    return Document(
        id="doc1aaaaaaaaaaaa",
        source="tests/doc1.txt",
        name="doc1.txt",
        format="text",
        text=t,
        title="Battle of Tell Hamra",
        published=date(2017, 6, 1),
        sections=[
            Section(
                heading=None,
                level=1,
                start=p1s,
                end=p2e,
                paragraphs=[
                    Paragraph(
                        start=p1s,
                        end=p1e,
                        sentences=[_sentence(t, s1), _sentence(t, s2)],
                        citations=[_citation(t, "[1]", s1, 1), _citation(t, "[2]", s2, 2)],
                    ),
                    Paragraph(
                        start=p2s,
                        end=p2e,
                        sentences=[_sentence(t, s3)],
                        citations=[_citation(t, "[1]", s3, 1)],
                    ),
                ],
            )
        ],
        references=[
            Reference(
                number=1,
                text="Example Daily, 'Army moves east', 4 March 2017.",
                start=refs_s,
                end=refs_s + 50,
            ),
            Reference(
                number=2, text="Monitor bulletin, 5 March 2017.", start=refs_s + 51, end=len(t)
            ),
        ],
        infobox=Infobox(
            name="Battle of Tell Hamra",
            sides=[
                InfoboxSide(
                    combatants=["Syrian Arab Republic"],
                    commanders=[Commander(name="Col. Example Commander", status="WIA")],
                    units=[Unit(name="4th Division", children=[Unit(name="42nd Brigade")])],
                ),
                InfoboxSide(combatants=["Islamic State"], units=[Unit(name="Desert wilaya")]),
            ],
        ),
    )


def make_document2() -> Document:
    return Document(
        id="doc2bbbbbbbbbbbb",
        source="tests/doc2.txt",
        name="doc2.txt",
        format="text",
        text=DOC2_TEXT,
        title=f"Raid on {XSS_SCRIPT} {XSS_IMG} {XSS_LINK}",
    )


def _event(doc: Document, quote: str, n: int = 0, **fields: Any) -> Event:
    start, end = _span(doc.text, quote)
    return Event(
        id=f"{doc.id}:{start}:{n}",
        doc=doc.name,
        doc_id=doc.id,
        quote=quote,
        start=start,
        end=end,
        **fields,
    )


def make_extractions() -> list[Extraction]:
    d1, d2 = make_document1(), make_document2()
    e1 = _event(
        d1,
        "On 3 March 2017, government forces attacked Tell Hamra, held by ISIL.",
        date_start=date(2017, 3, 3),
        date_end=date(2017, 3, 3),
        date_precision="day",
        type="attack",
        actor1=["government forces"],
        side1="government",
        actor2=["ISIL"],
        side2="islamic_state",
        locations=["Tell Hamra"],
        places=[Place(name="Tell Hamra", latitude=34.60, longitude=38.20, admin1="Homs")],
        admin1="Homs",
        fatalities=[Fatality(side="islamic_state", killed=12, source="SOHR")],
        source="SOHR",
    )
    e2 = _event(
        d1,
        "On 20 April 2017, opposition fighters ambushed an army convoy near Bir Qasab, "
        "killing 4 soldiers.",
        date_start=date(2017, 4, 20),
        date_end=date(2017, 4, 20),
        date_precision="day",
        type="ambush",
        actor1=["opposition fighters"],
        side1="opposition",
        actor2=["army"],
        side2="government",
        locations=["Bir Qasab"],
        places=[Place(name="Bir Qasab", latitude=33.30, longitude=37.00, admin1="Rif Dimashq")],
        admin1="Rif Dimashq",
        fatalities=[Fatality(side="government", killed=4)],
    )
    e3 = _event(
        d2,
        f"On 10 May 2017, {XSS_IMG} fighters raided {XSS_LINK} village.",
        date_start=date(2017, 5, 10),
        date_end=date(2017, 5, 10),
        date_precision="day",
        type="attack",
        actor1=[XSS_IMG, XSS_SCRIPT],
        side1="unknown",
        locations=[XSS_LINK, XSS_SCRIPT],
        places=[Place(name=XSS_LINK, latitude=35.00, longitude=40.10, admin1=XSS_SCRIPT)],
        admin1=None,
        source=XSS_SCRIPT,
        fatalities=[Fatality(side="civilians", killed=2, source=XSS_IMG)],
    )
    q = "The Syrian Observatory for Human Rights said 12 ISIL fighters were killed."
    ts, te = _span(d1.text, q)
    tally = Tally(
        id=f"{d1.id}:{ts}:t0",
        doc=d1.name,
        doc_id=d1.id,
        quote=q,
        start=ts,
        end=te,
        period_start=date(2017, 3, 1),
        period_end=date(2017, 3, 31),
        side="islamic_state",
        killed=12,
        source="SOHR",
    )
    return [
        Extraction(document=d1, events=[e1, e2], tallies=[tally]),
        Extraction(document=d2, events=[e3]),
    ]


def memory_store(extractions: list[Extraction]) -> Store:
    """A real store in memory holding ``extractions`` (no file, nothing to clean up)."""
    store = Store(":memory:")
    for x in extractions:
        store.save_extraction(x)
    return store


def build_db(path: Path, extractions: list[Extraction]) -> Path:
    """Save extractions in a DuckDB store file at ``path``."""
    with Store(str(path)) as store:
        for x in extractions:
            store.save_extraction(x)
    return path


def synthetic_extraction(n: int) -> Extraction:
    """One document with ``n`` generated events spread over two years and Syria's area."""
    import random

    rng = random.Random(7)
    types = ["attack", "clash", "ambush", "capture", "airstrike", "shelling", "bombing"]
    sides = ["government", "opposition", "islamic_state", "russia", "coalition"]
    lines = []
    for i in range(n):
        lines.append(f"Event number {i} happened at village {i % 997} with {i % 13} killed.")
    text = "\n".join(lines)
    doc = Document(
        id="synthetic0000000",
        source="synthetic",
        name="synthetic.txt",
        format="text",
        text=text,
        title="Synthetic",
    )
    events = []
    pos = 0
    for i, line in enumerate(lines):
        d = date.fromordinal(date(2016, 1, 1).toordinal() + rng.randrange(730))
        events.append(
            Event(
                id=f"{doc.id}:{pos}:0",
                doc=doc.name,
                doc_id=doc.id,
                quote=line,
                start=pos,
                end=pos + len(line),
                date_start=d,
                date_end=d,
                date_precision="day",
                type=rng.choice(types),
                actor1=[f"unit {i % 50}"],
                side1=rng.choice(sides),
                actor2=[],
                side2=None,
                locations=[f"village {i % 997}"],
                places=[
                    Place(
                        name=f"village {i % 997}",
                        latitude=32.5 + rng.random() * 4.5,
                        longitude=36.0 + rng.random() * 6.0,
                    )
                ],
                fatalities=[Fatality(side=rng.choice(sides), killed=i % 13)] if i % 3 else [],
            )
        )
        pos += len(line) + 1
    return Extraction(document=doc, events=events)
