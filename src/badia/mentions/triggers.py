"""Event triggers: words that state an action, typed by the trigger lexicon (data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from badia.mentions.lexicon import packaged


@dataclass(frozen=True)
class Trigger:
    type: str
    voice: str  # active | passive | noun | loss
    weak: bool
    text: str
    start: int  # offsets relative to the searched text
    end: int


@dataclass
class TriggerLexicon:
    pattern: re.Pattern[str]
    groups: list[tuple[str, str, bool]]  # group index -> (type, voice, weak)

    def find(self, text: str) -> list[Trigger]:
        found = []
        for m in self.pattern.finditer(text):
            index = m.lastindex
            if index is None:
                continue
            type_, voice, weak = self.groups[index - 1]
            found.append(Trigger(type_, voice, weak, m.group(0), m.start(), m.end()))
        return found


def compile_triggers(entries: list[dict]) -> TriggerLexicon:
    """One alternation, longest pattern first, each pattern in its own group."""
    flat: list[tuple[str, str, str, bool]] = []
    for entry in entries:
        for pattern in entry["patterns"]:
            flat.append((pattern, entry["type"], entry["voice"], bool(entry.get("weak"))))
    # longer literal patterns first so "launched an offensive" beats "launched"
    flat.sort(key=lambda item: len(item[0]), reverse=True)
    parts = [f"({p})" for p, *_ in flat]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
    return TriggerLexicon(pattern, [(t, v, w) for _, t, v, w in flat])


@cache
def default_triggers() -> TriggerLexicon:
    return compile_triggers(packaged("triggers.yaml")["triggers"])


def find_triggers(text: str) -> list[Trigger]:
    return default_triggers().find(text)
