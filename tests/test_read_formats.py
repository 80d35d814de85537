"""Each reader on small documents written for these tests, plus the demo corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from badia.model import Document
from badia.read import ReadError, detect_format, iter_read, read_bytes, read_path, read_text

DUMP = """= Siege of Deir ez-Zor (2014–2017) =

Infobox
- Conflict: Siege of Deir ez-Zor
- Date: July 2014 – 9 September 2017

The siege lasted three years. Lt. Gen. Issam Zahreddine led the garrison.

==Relief==
===September 2017===
On 5 September 2017, the army reached Brigade 137. On 9 September, it reached the airbase.

==See also==
- Battle of Palmyra
"""

MIRROR = """Battle_of_al-Bab

Battle of al-Bab

Add article description

The Battle of al-Bab was fought in 2016 and 2017.[1]

Quick Facts Date, Location ...

The battle

On 23 February 2017, Turkish-backed rebels captured al-Bab from ISIL.[2][3] Dozens were killed.[9]

Aftermath

Share this article:

References

  1. "First source". Paper. 2017.
  2. "Second source". Paper. 2017.
  3. "Third source". Paper. 2017.

This article uses material from the Wikipedia article Battle_of_al-Bab, and is written by \
contributors. Text is available under a CC BY-SA 4.0 International License.
"""

NEWS = """Your daily view of the region

Rebels say they repelled army attack near Tanf

Published: 21 June 2017 14:05 GMT

Rebel fighters stand near a truck in the desert [Staff / Example Agency]

Rebels said on Tuesday they repelled an army attack near Bir Qassab.

Related: Coalition strikes convoy near the border

Photo: a tank on the Damascus-Baghdad road

"We are holding our positions," a spokesman said.
"""

WIKI = """{{Infobox military conflict
| conflict = Battle of Example Ridge
| date = 3 March 2017
}}
'''Battle of Example Ridge''' was a clash in the [[Syrian Desert]].<ref name="a">Report one.</ref>

== Course ==
On 3 March 2017, the army captured the ridge.<ref>Report two.</ref> Two days later, \
[[Islamic State of Iraq and the Levant|ISIL]] counter-attacked.<ref name="a"/>
{| class="wikitable"
| not prose. Not a sentence.
|}

== References ==
{{reflist}}
"""

HTML = """<!DOCTYPE html><html><head><title>Army retakes Palmyra</title>
<meta property="article:published_time" content="2017-03-02T10:00:00Z"></head><body>
<nav>Home | World</nav><article><h1>Army retakes Palmyra</h1>
<p>On 2 March 2017, the Syrian Army recaptured Palmyra from ISIL with Russian air support.</p>
<h2>Clearing the city</h2>
<p>Engineers began clearing mines in the old city. Two days later, troops entered the citadel.</p>
<p>Read more: Earlier battles for the desert city</p>
</article><footer>Copyright 2017 Example.</footer></body></html>"""

JSONL = (
    '{"id": "r1", "title": "Brief one", "date": "2017-10-17", "text": "On 17 October 2017, '
    'the SDF captured Raqqa. ISIL fighters surrendered."}\n'
    '{"id": "r2", "text": "= Palmyra =\\n\\nOn 2 March 2017, the army retook Palmyra."}\n'
)


def assert_offsets(doc: Document) -> None:
    assert doc.sentences(), "no body sentences"
    for _, par, sent in doc.sentences():
        assert doc.text[sent.start : sent.end] == sent.text
        assert par.start <= sent.start and sent.end <= par.end
    for ref in doc.references:
        assert doc.text[ref.start : ref.end] == ref.text


def body(doc: Document) -> str:
    return "\n".join(s.text for _, _, s in doc.sentences())


def test_dump_reader():
    doc = read_text(DUMP, "siege.txt")
    assert doc.format == "dump" and doc.title == "Siege of Deir ez-Zor (2014–2017)"
    assert_offsets(doc)
    assert [(s.heading, s.level) for s in doc.sections] == [
        (None, 1),
        ("Relief", 2),
        ("September 2017", 3),
        ("See also", 2),
    ]
    assert [s.text for s in doc.sections[0].paragraphs[0].sentences] == [
        "The siege lasted three years.",
        "Lt. Gen. Issam Zahreddine led the garrison.",
    ]
    assert doc.sections[-1].paragraphs == []
    assert "Conflict:" not in body(doc) and "Battle of Palmyra" not in body(doc)


def test_mirror_reader_drops_chrome_and_links_citations():
    doc = read_text(MIRROR, "al-bab.txt")
    assert doc.format == "mirror" and doc.title == "Battle of al-Bab"
    assert_offsets(doc)
    assert [s.heading for s in doc.sections] == [None, "The battle", "Aftermath", "References"]
    text = body(doc)
    for chrome in ("Add article", "Quick Facts", "Share this", "CC BY-SA", "Battle_of"):
        assert chrome not in text
    assert [r.number for r in doc.references] == [1, 2, 3]
    cites = [c for s in doc.sections for p in s.paragraphs for c in p.citations]
    assert [(c.marker, c.ref_number) for c in cites] == [
        ("[1]", 1),
        ("[2]", 2),
        ("[3]", 3),
        ("[9]", None),
    ]


def test_news_reader_header_captions_and_crosslinks():
    doc = read_text(NEWS, "story.txt")
    assert doc.format == "news"
    assert doc.title == "Rebels say they repelled army attack near Tanf"
    assert doc.published == date(2017, 6, 21)
    assert_offsets(doc)
    assert [s.text for _, _, s in doc.sentences()] == [
        "Rebels said on Tuesday they repelled an army attack near Bir Qassab.",
        '"We are holding our positions," a spokesman said.',
    ]


def test_wikitext_reader_keeps_original_offsets():
    doc = read_text(WIKI, "ridge.wiki")
    assert doc.format == "wikitext"
    assert doc.title == "Battle of Example Ridge"
    assert_offsets(doc)
    sents = [s.text for _, _, s in doc.sentences()]
    assert sents[1] == "On 3 March 2017, the army captured the ridge."
    assert sents[2].startswith("Two days later, [[Islamic State")
    assert not any("<ref" in s or "wikitable" in s or "not prose" in s for s in sents)
    assert [r.text for r in doc.references] == ["Report one.", "Report two."]
    cites = [c for s in doc.sections for p in s.paragraphs for c in p.citations]
    assert [c.ref_number for c in cites] == [1, 2, 1]
    assert [s.heading for s in doc.sections] == [None, "Course", "References"]


def test_html_reader_uses_extracted_text():
    doc = read_text(HTML, "palmyra.html")
    assert doc.format == "html"
    assert doc.title == "Army retakes Palmyra"
    assert doc.published == date(2017, 3, 2)
    assert "<p>" not in doc.text
    assert_offsets(doc)
    assert "Clearing the city" in [s.heading for s in doc.sections]
    assert "Read more" not in body(doc) and "Home" not in body(doc)


def test_jsonl_records_stream_with_their_own_formats(tmp_path: Path):
    path = tmp_path / "briefs.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    docs = list(iter_read([path]))
    assert all(isinstance(d, Document) for d in docs)
    one, two = docs
    assert (one.name, one.source, one.title, one.published) == (
        "r1",
        f"{path}#r1",
        "Brief one",
        date(2017, 10, 17),
    )
    assert two.format == "dump" and two.title == "Palmyra"
    assert one.id != two.id
    for doc in docs:
        assert_offsets(doc)
    with pytest.raises(ReadError, match="2 records"):
        read_path(path)


def test_detection_by_extension_then_content():
    assert detect_format("a.jsonl", "") == "jsonl"
    assert detect_format("a.HTM", "plain") == "html"
    assert detect_format("a.wiki", "plain") == "wikitext"
    assert detect_format("a.txt", DUMP) == "dump"
    assert detect_format("a.txt", WIKI) == "wikitext"
    assert detect_format("a.txt", HTML) == "html"
    assert detect_format("a.txt", NEWS) == "news"
    assert detect_format("a.txt", MIRROR) == "mirror"
    assert detect_format("a.txt", "Just a note.\n\nAnother paragraph.") == "text"


def test_forced_format_and_id_from_raw_bytes():
    data = DUMP.encode("utf-8")
    doc = read_bytes(data, "x.txt", fmt="text")
    assert doc.format == "text"
    assert doc.id == read_bytes(data, "y.txt").id
    assert len(doc.id) == 16 and doc.id != read_text(DUMP + " ", "x.txt").id
    with pytest.raises(ValueError):
        read_text(DUMP, "x.txt", fmt="pdf")


def test_plain_text_fallback():
    doc = read_text("Desert notes\n\nISIL attacked. The army held.\n\nAftermath\n\nCalm.", "n")
    assert doc.format == "text" and doc.title == "Desert notes"
    assert [s.heading for s in doc.sections] == [None, "Aftermath"]
    assert_offsets(doc)


def test_demo_corpus_reads_every_format(examples_dir: Path):
    docs = list(iter_read([examples_dir]))
    assert not [d for d in docs if isinstance(d, ReadError)]
    formats = {d.format for d in docs if isinstance(d, Document)}
    assert {"dump", "mirror", "news", "wikitext", "html"} <= formats
    assert len([d for d in docs if d.source.endswith(("#brief-raqqa", "#brief-palmyra"))]) == 2
    for doc in docs:
        assert isinstance(doc, Document)
        assert_offsets(doc)
        assert doc.title or doc.name == "brief-bukamal"  # that record has no title: None


def test_dump_infobox_region_handed_to_parser(monkeypatch: pytest.MonkeyPatch):
    import badia.structure.infobox as infobox

    seen: list[str] = []

    def fake(text: str, start: int, end: int) -> None:
        seen.append(text[start:end])
        return None

    monkeypatch.setattr(infobox, "parse_dump_infobox", fake)
    read_text("= T =\n\nnote1|A note\n- Date: 2017\n- Place: Syria\n\nISIL attacked.\n", "t.txt")
    assert seen == ["note1|A note\n- Date: 2017\n- Place: Syria"]
    seen.clear()
    read_text(DUMP, "siege.txt")
    assert seen[0].startswith("Infobox\n- Conflict:") and seen[0].endswith("9 September 2017")


def test_crlf_text_keeps_exact_offsets():
    doc = read_text(DUMP.replace("\n", "\r\n"), "crlf.txt")
    assert doc.format == "dump" and [s.heading for s in doc.sections][1] == "Relief"
    assert_offsets(doc)
    assert not any("\r" in s.text for _, _, s in doc.sentences())
    news = read_text(NEWS.replace("\n", "\r\n"), "crlf-news.txt")
    assert news.published == date(2017, 6, 21) and len(news.sentences()) == 2
