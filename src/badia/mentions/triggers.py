"""Event triggers: words that state an action, typed by the trigger lexicon (data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from badia.mentions.lexicon import packaged


@dataclass(frozen=True)
class Trigger:
    type: str
    voice: str  # active | passive | noun | loss
    weak: bool
    text: str
    start: int  # offsets relative to the searched text
    end: int


_WORD_START = re.compile(r"(?<![\w-])\w")

# Cyrillic letters that look Latin, as mirrored pages carry them inside English words
# ("capturе" with a Cyrillic "е"): read as their Latin twins so the word is found.
_LOOKALIKES = str.maketrans("аеорсухіАЕОРСХІ", "aeopcyxiAEOPCXI")


@dataclass
class TriggerLexicon:
    """Trigger patterns bucketed by the letter they can start with.

    One alternation of ~150 patterns tried at every word is the slowest step of
    extraction; a word only needs the patterns that can begin with its first letter.
    """

    by_letter: dict[str, re.Pattern[str]]
    groups: dict[str, list[tuple[str, str, bool]]]  # letter -> group index - 1 -> meta

    def find(self, text: str) -> list[Trigger]:
        found: list[Trigger] = []
        text = text.translate(_LOOKALIKES)  # one character for one: offsets unchanged
        lowered = text.lower()
        if len(lowered) != len(text):  # a case fold changed the length: keep offsets exact
            lowered = text
        end = 0
        for w in _WORD_START.finditer(lowered):
            if w.start() < end:
                continue
            letter = lowered[w.start()]
            pattern = self.by_letter.get(letter)
            if pattern is None:
                continue
            m = pattern.match(text, w.start())
            if m is None or m.lastindex is None:
                continue
            type_, voice, weak = self.groups[letter][m.lastindex - 1]
            found.append(Trigger(type_, voice, weak, m.group(0), m.start(), m.end()))
            end = m.end()
        return found


def compile_triggers(entries: list[dict]) -> TriggerLexicon:
    """Per first letter, one alternation, longest pattern first, each in its own group."""
    flat: list[tuple[str, str, str, bool]] = []
    for entry in entries:
        for pattern in entry["patterns"]:
            flat.append((pattern, entry["type"], entry["voice"], bool(entry.get("weak"))))
    # longer literal patterns first so "launched an offensive" beats "launched"
    flat.sort(key=lambda item: len(item[0]), reverse=True)
    buckets: dict[str, list[tuple[str, str, str, bool]]] = {}
    for item in flat:
        for letter in _starts(item[0]):
            buckets.setdefault(letter, []).append(item)
    by_letter = {
        letter: re.compile(
            r"(?:" + "|".join(f"({p})" for p, *_ in items) + r")(?![\w])", re.IGNORECASE
        )
        for letter, items in buckets.items()
    }
    groups = {letter: [(t, v, w) for _, t, v, w in items] for letter, items in buckets.items()}
    return TriggerLexicon(by_letter, groups)


def _starts(pattern: str) -> set[str]:
    """First letters of a pattern, read from its parse tree (every letter if unsure)."""
    import re._parser as parser  # the standard library's own regex parser

    everything = set("abcdefghijklmnopqrstuvwxyz0123456789")
    try:
        tree = parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return everything
    found, _ = _first_of(list(tree), parser)
    return found if found is not None else everything


def _first_of(items: list, parser) -> tuple[set[str] | None, bool]:
    """(first letters, may be empty) of a sequence of parsed regex items."""
    from re._constants import BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN

    letters: set[str] = set()
    for op, av in items:
        if op is LITERAL:
            letters.add(chr(av).lower())
            return letters, False
        if op is IN:
            for sub_op, sub_av in av:
                if sub_op is LITERAL:
                    letters.add(chr(sub_av).lower())
                else:
                    return None, False
            return letters, False
        if op is SUBPATTERN:
            inner, empty = _first_of(list(av[-1]), parser)
        elif op is BRANCH:
            inner, empty = set(), False
            for branch in av[1]:
                got, e = _first_of(list(branch), parser)
                if got is None:
                    return None, False
                inner |= got
                empty = empty or e
        elif op in (MAX_REPEAT, MIN_REPEAT):
            low, _, body = av
            inner, empty = _first_of(list(body), parser)
            empty = empty or low == 0
        else:
            return None, False
        if inner is None:
            return None, False
        letters |= inner
        if not empty:
            return letters, False
    return letters, True


@cache
def default_triggers() -> TriggerLexicon:
    return compile_triggers(packaged("triggers.yaml")["triggers"])


def find_triggers(text: str) -> list[Trigger]:
    """The triggers of a sentence (offsets within ``text``), a new list per call."""
    return list(_sentence_triggers(text))


# The pipeline asks twice per sentence (which sentences to parse, then reading each one):
# the second asking finds the first one's answer. Bounded, so memory stays flat.
@lru_cache(maxsize=4096)
def _sentence_triggers(text: str) -> tuple[Trigger, ...]:
    return tuple(default_triggers().find(text))
