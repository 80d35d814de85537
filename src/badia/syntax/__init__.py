"""Stage ``syntax``: one dependency parse per sentence that tells an action.

Runs after ``structure`` and before ``mentions``/``events``; later stages read the parse
through the records of ``records.py`` (tokens with document offsets, lemma, POS,
dependency label, head), never through spaCy objects.
"""

from __future__ import annotations

from collections.abc import Callable

from badia.model import Document
from badia.structure.sections import is_non_body
from badia.syntax.parse import MODEL, load_model, parse_sentences, parser_available, syntax_enabled
from badia.syntax.records import Parse, Token

__all__ = [
    "MODEL",
    "Parse",
    "Token",
    "load_model",
    "parse_document",
    "parse_sentences",
    "parser_available",
    "syntax_enabled",
]


def parse_document(document: Document, wanted: Callable[[str], bool]) -> dict[int, Parse]:
    """Parses of the body sentences for which ``wanted(text)`` holds (the caller says which:
    those with a trigger), keyed by the sentence's start offset. Empty on the rules path."""
    if not syntax_enabled():
        return {}
    chosen = [
        (sentence.start, sentence.reading())
        for section in document.sections
        if not is_non_body(section.heading)
        for paragraph in section.paragraphs
        for sentence in paragraph.sentences
        if wanted(sentence.reading())
    ]
    return parse_sentences(chosen)
