"""The Markdown reader: front matter as metadata, body structure, non-prose, bad input.

Real pages are read in place from ``../shared/corpus`` (a Markdown mirror of
encyclopedia articles); the small documents here are written for these tests
(invented places and groups where the test allows).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from badia.model import Document
from badia.pipeline import extract_document
from badia.read import ReadError, iter_read, read_bytes, read_path, read_text
from badia.read.markdown import split_front_matter
from badia.structure.frontmatter import combatants, part_of

PAGE = """---
subject: Battle of Qarnayn (2016)
shortDescription: Battle of the Syrian civil war
description: The Battle of Qarnayn was fought in 2016. On 9 May the rebels shelled it.
author: Wikipedia
pubDate: 2023-10-05 05:10
tags:
  - Battle of Qarnayn (2016)
  - the Syrian Civil War and
    the Qarnayn campaign
  - |-
    Syrian Arab Republic
    * Syrian Army
    Emblem of the Hills Brigade.svg Hills Brigade
    Supported by:  🇷🇺 Russia
  - " Islamic State"
  - Battles in 2016
  - Qarnayn District
date:
  - 2–20 May 2016
place:
  - Qarnayn, Homs Governorate, Syria
---

The **Battle of Qarnayn** was fought between the [Syrian Army](/wiki/Syrian_Army) and ISIL.

## Background
![Qarnayn from the air](https://example.org/img/qarnayn.png?)
On 2 May, ISIL attacked the town of Qarnayn. <!-- an editor's note -->

| date | event |
|---|---|
| 3 May | ISIL captured the silo |

* On 5 May, the Syrian Army recaptured the hills.

### Siege
On 8 May, the army shelled the town.

<https://example.org/report> https://example.org/other

## Diplomatic reactions
On 9 May, the foreign ministry of Kandor condemned the shelling.

## References
[object Object]
[object Object]
"""


def _sentences(doc: Document) -> list[str]:
    return [s.text for _, _, s in doc.sentences()]


def test_front_matter_is_metadata_not_text():
    doc = read_text(PAGE, "qarnayn.md")
    assert doc.format == "markdown"
    assert doc.title == "Battle of Qarnayn (2016)"
    # the mirror's generation date is kept apart and is never a story date
    assert doc.retrieved == date(2023, 10, 5) and doc.published is None
    body = " ".join(_sentences(doc))
    assert "shortDescription" not in body and "9 May the rebels" not in body
    assert all(s.start > doc.text.index("\n---\n") for _, _, s in doc.sentences())


def test_infobox_from_front_matter():
    ib = read_text(PAGE, "qarnayn.md").infobox
    assert ib is not None and ib.name == "Battle of Qarnayn (2016)"
    assert ib.part_of == ["the Syrian Civil War", "the Qarnayn campaign"]
    assert [(p.label, p.start, p.end) for p in ib.phases] == [
        (None, date(2016, 5, 2), date(2016, 5, 20))
    ]
    assert ib.places == ["Qarnayn, Homs Governorate, Syria"]
    assert [s.combatants for s in ib.sides] == [
        ["Syrian Arab Republic", "Syrian Army", "Hills Brigade", "Russia"],
        ["Islamic State"],
    ]


def test_tags_split_rules():
    assert part_of("the A War, the B campaign (2016–17), and the C conflict") == [
        "the A War",
        "the B campaign (2016–17)",
        "the C conflict",
    ]
    assert part_of("the war against the Islamic State of Iraq and the Levant") == [
        "the war against the Islamic State of Iraq and the Levant"
    ]
    assert combatants(" Front of the North (FN) Hills Brigade \nAirstrikes:\n Coalition X") == [
        "Front of the North (FN)",
        "Hills Brigade",
        "Coalition X",
    ]


def test_headings_sections_and_non_prose():
    doc = read_text(PAGE, "qarnayn.md")
    assert [(s.heading, s.level) for s in doc.sections] == [
        (None, 1),
        ("Background", 2),
        ("Siege", 3),
        ("Diplomatic reactions", 2),
        ("References", 2),
    ]
    assert not doc.sections[-1].paragraphs and not doc.sections[-2].paragraphs  # no prose
    sentences = _sentences(doc)
    assert sentences[1] == "On 2 May, ISIL attacked the town of Qarnayn."  # image line dropped
    assert not any("silo" in s or "editor" in s or "object" in s for s in sentences)
    assert "On 5 May, the Syrian Army recaptured the hills." in sentences  # list marker dropped
    for _, _, s in doc.sentences():
        assert doc.text[s.start : s.end] == s.text
        assert len(s.reading()) == len(s.text)
    lead = doc.sections[0].paragraphs[0].sentences[0]
    assert "**" not in lead.reading() and "](" not in lead.reading()
    assert "Syrian Army" in lead.reading()  # a link keeps its text


def test_events_read_the_prose_not_the_markup():
    events = extract_document(read_text(PAGE, "qarnayn.md")).events
    assert events
    for e in events:
        assert not re.search(r"https?://|!\[|\[object Object\]|^#|shortDescription", e.quote)
    assert {(str(e.date_start), e.type) for e in events} >= {
        ("2016-05-02", "attack"),
        ("2016-05-08", "shelling"),
    }


def test_news_post_front_matter_date_is_the_publication_date():
    post = "---\ntitle: Clashes near Tell Nur\ndate: 2017-11-19\n---\n\nRebels struck.\n"
    doc = read_text(post, "post.md")
    assert doc.title == "Clashes near Tell Nur"
    assert doc.published == date(2017, 11, 19) and doc.retrieved is None


@pytest.mark.parametrize("name", ["page.txt", "page.markdown", "page"])
def test_detected_from_content(name: str):
    assert read_text(PAGE, name).format == "markdown"
    no_front = PAGE.split("---\n", 2)[2]
    assert read_text(no_front, name).format == "markdown"


def test_title_from_a_level_one_heading():
    doc = read_text("# Raid on Tell Nur\n\n## Raid\nOn 3 May 2016, rebels raided Tell Nur.\n", "r")
    assert doc.format == "markdown" and doc.title == "Raid on Tell Nur"


@pytest.mark.parametrize(
    "front, problem",
    [
        ("---\nsubject: [unclosed\n---\n", "malformed front matter"),
        ("---\nsubject: A\n", "no closing"),  # then read as Markdown without front matter
        ("---\na: &x [1, 2]\nb: *x\n---\n", "aliases"),
        ("---\n" + "k: " + "v" * 70_000 + "\n---\n", "not read"),
        ("---\n- just\n- a list\n---\n", "not a mapping"),
    ],
)
def test_bad_front_matter_is_reported_and_the_body_still_read(front: str, problem: str):
    text = front + "\nOn 2 May 2016, ISIL attacked the town of Qarnayn.\n"
    meta, _, found = split_front_matter(text)
    assert meta == {} and found is not None and problem in found and "\n" not in found
    doc = read_text(text, "bad.md")  # never a crash
    assert any("ISIL attacked" in s for s in _sentences(doc))
    if "no closing" not in problem:
        assert not any("subject" in s or "k: v" in s for s in _sentences(doc))


def test_binary_markdown_is_a_one_line_error():
    with pytest.raises(ReadError) as err:
        read_bytes(b"---\nsubject: A\n---\n\x00\x01\x02\x00" * 50, "bin.md")
    assert "\n" not in str(err.value) and "bin.md" in str(err.value)


def test_folder_picks_up_markdown(tmp_path: Path):
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes\n\nAbout this folder.\n", encoding="utf-8")
    docs = list(iter_read([tmp_path]))
    assert [d.name for d in docs if isinstance(d, Document)] == ["a.md"]


# ------------------------------------------------------------------ real pages

_JUNK = re.compile(r"https?://|!\[|\]\(|\[object Object\]|(?:^|\n)\s*#{1,6}\s|(?:^|\n)---")


def _md_pages(shared_dir: Path) -> list[Path]:
    pages = sorted((shared_dir / "corpus" / "mirror-unlabeled").glob("*.md"))
    pages += sorted((shared_dir / "corpus" / "articles-md").glob("*.md"))
    return [p for p in pages if p.stem.casefold() != "readme"]


def test_every_mirror_page_reads(shared_dir: Path):
    pages = _md_pages(shared_dir)
    assert len(pages) >= 133
    for path in pages:
        doc = read_path(path)
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])
        assert doc.format == "markdown", path.name
        assert doc.title == " ".join(meta["subject"].split()), path.name
        assert doc.published is None and doc.retrieved is not None, path.name
        headings = [
            " ".join(h.replace("[object Object]", " ").split())
            for h in re.findall(r"^#{2,6} +(.+?)\s*$", doc.text, re.M)
        ]
        assert [s.heading for s in doc.sections if s.heading] == headings, path.name
        for _, _, s in doc.sentences():
            assert not _JUNK.search(s.text), (path.name, s.text[:80])
            assert not any(k in s.text for k in ("pubDate:", "shortDescription:")), path.name


def test_article_event_quotes_are_clean(shared_dir: Path):
    for path in sorted((shared_dir / "corpus" / "articles-md").glob("*_*.md")):
        extraction = extract_document(read_path(path))
        assert extraction.events, path.name
        for e in extraction.events:
            assert not _JUNK.search(e.quote), (path.name, e.quote[:80])
            assert e.date_start is None or e.date_start.year < 2023  # never the mirror's year


def test_same_prose_in_two_formats_gives_the_same_events(shared_dir: Path):
    md = shared_dir / "corpus" / "mirror-unlabeled" / "palmyra_offensive_(2017).md"
    seed = shared_dir / "corpus" / "seeds" / "002_94f44c9d361cf4c1.txt"
    keys = []
    for path in (md, seed):
        events = extract_document(read_path(path)).events
        keys.append(Counter((e.date_start, e.date_end, e.type, e.side1) for e in events))
    agree = sum((keys[0] & keys[1]).values())
    assert agree / max(sum(keys[0].values()), sum(keys[1].values())) >= 0.9
