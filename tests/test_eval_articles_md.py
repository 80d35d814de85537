"""The Markdown articles through the pipeline: a ratchet on the second gold set.

Eight real encyclopedia pages in a Markdown mirror (``../shared/corpus/articles-md``),
scored against ``../shared/eval/gold-articles-md``. The floors live in
``eval_floors_articles_md.json``, just under the figures reached; raise them when the
extraction improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from badia.evaluate.events import score
from badia.events.output import write_extraction
from badia.pipeline import extract_document
from badia.read import read_path

FLOORS = json.loads(Path(__file__).with_name("eval_floors_articles_md.json").read_text())


def test_ratchet_on_the_markdown_articles(shared_dir: Path, tmp_path: Path) -> None:
    corpus = shared_dir / "corpus" / "articles-md"
    gold = shared_dir / "eval" / "gold-articles-md"
    pages = sorted(p for p in corpus.glob("*.md") if p.stem.casefold() != "readme")
    if not pages or not gold.is_dir():
        pytest.skip("the Markdown articles or their gold are absent")
    for path in pages:
        write_extraction(extract_document(read_path(path)), tmp_path)
    result = score(gold, tmp_path, corpus)
    got = {
        "strict_f1": result["strict_prf"][2],
        "detect_f1": result["detect_prf"][2],
        "date_exact": result["on_matched"]["date_exact"],
        "tallies_f1": result["tallies_prf"][2],
    }
    below = {k: (got[k], floor) for k, floor in FLOORS.items() if got[k] < floor}
    assert not below, f"below the floors in eval_floors_articles_md.json: {below}"
