"""People killed or wounded in a clause, per side, from counts and the nouns they count.

"26 government troops and nine IS fighters were killed" -> government 26, islamic_state 9;
"killed 15 people and wounded 15 others" -> 15 killed (unknown), 15 wounded;
"35 pro-government forces dead, including nine Russians" -> a subset of another side is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from badia.mentions.numbers import find_counts
from badia.model import Mention

_KILL = re.compile(
    r"\b(?:killed|killing|kill|dead|died|death|deaths|lost|losing|perished|slain|executed|"
    r"destroyed|toll)\b",
    re.I,
)
_WOUND = re.compile(r"\b(?:wounded|wounding|injured|injuring|injuries|injury|injuring)\b", re.I)
# Counted things that are not people.
_NOT_PEOPLE = re.compile(
    r"\s*(?:[\w-]+\s){0,2}?(?:air ?strikes?|air raids?|vehicles?|tanks?|km|kilomet|square|sites?|"
    r"positions?|villages?|towns?|points?|shelters?|stores?|warehouses?|checkpoints?|hilltops?|"
    r"hills?|mines?|axes|days?|weeks?|months?|years?|hours?|percent|%|fronts?|technicals?|"
    r"armou?red|infantry fighting|sorties|targets?|wells?|areas?|metres|meters|miles|times?|"
    r"caves?|bunkers?|observation|settlements?|suicide bombers|SVBIEDs?|VBIEDs?|car bombs?|"
    r"bulldozers?|cities|kilometres|weapons|rockets?|missiles?|shells?|mortars?|drones?|"
    r"aircraft|jets|warplanes|helicopters|ammunition|guns|buses|trucks|convoy|stations?)\b",
    re.I,
)
_SUBSET = re.compile(
    r"(?:including|includ(?:ed|es)|inc\.|among them|among whom|of whom|of which)\s*$", re.I
)
_NOUN_WINDOW = 45  # characters after a count in which the counted noun is looked for


@dataclass(frozen=True)
class Casualty:
    killed: int
    side: str | None
    wounded: bool
    subset_of: str | None  # side of the total this count is "including"
    start: int  # document offsets of the count
    end: int
    head: str  # the counted noun phrase as written


def find_casualties(
    text: str, offset: int, actors: list[Mention], skip: list[tuple[int, int]]
) -> list[Casualty]:
    """Counts of people killed or wounded in ``text`` (a clause at document ``offset``)."""
    if not (_KILL.search(text) or _WOUND.search(text)):
        return []
    out: list[Casualty] = []
    counts = [
        c
        for c in find_counts(text)
        if not any(offset + c.start < e and offset + c.end > s for s, e in skip)
    ]
    previous_end = 0
    last_total_side: str | None = None
    for i, count in enumerate(counts):
        after = text[count.end : count.end + _NOUN_WINDOW]
        if _NOT_PEOPLE.match(after):
            previous_end = count.end
            continue
        next_start = counts[i + 1].start if i + 1 < len(counts) else len(text)
        side, head = _counted_side(text, offset, count.end, next_start, actors)
        kind = _kind(text, previous_end, count.start, count.end)
        if kind is None and out and re.search(r"^[\s\w,()&.-]*$", text[previous_end : count.start]):
            kind = (
                "wounded" if out[-1].wounded else "killed"
            )  # a list goes on: "780 ..., including 108 ..."
        if kind is None:
            previous_end = count.end
            continue
        subset = _SUBSET.search(text[max(0, count.start - 20) : count.start])
        out.append(
            Casualty(
                killed=count.value,
                side=side,
                wounded=kind == "wounded",
                subset_of=last_total_side if subset else None,
                start=offset + count.start,
                end=offset + count.end,
                head=head,
            )
        )
        if not subset:
            last_total_side = side
        previous_end = count.end
    return out


def _counted_side(
    text: str, offset: int, count_end: int, limit: int, actors: list[Mention]
) -> tuple[str | None, str]:
    """Side of the first actor named right after the count ("nine IS fighters")."""
    window_end = min(limit, count_end + _NOUN_WINDOW)
    for actor in actors:
        rel = actor.start - offset
        if count_end <= rel < window_end and text[count_end:rel].count(",") == 0:
            gap = text[count_end:rel]
            if len(gap.split()) <= 3:
                return actor.side, actor.text
    head = text[count_end:window_end].split(",")[0].strip()
    # "IS lost 507 fighters": the loser's own people
    lost = re.search(
        r"(\S+)\s+(?:lost|losing)\s+(?:\w+\s+){0,2}$", text[max(0, count_end - 60) : count_end]
    )
    if lost:
        loser_end = count_end - 60 + lost.end(1) if count_end >= 60 else lost.end(1)
        for actor in actors:
            if actor.end - offset == loser_end:
                return actor.side, head
    return None, head


def _kind(text: str, previous_end: int, start: int, end: int) -> str | None:
    """'killed' or 'wounded' from the nearest verb before the count, else after it."""
    if re.match(r"[^.;]{0,60}?\bkilled (?:or|and) wounded\b", text[end:]):
        return None  # "1,000 killed or wounded" is not a count of the dead
    before = text[previous_end:start]
    kill_b = [m.end() for m in _KILL.finditer(before)]
    wound_b = [m.end() for m in _WOUND.finditer(before)]
    if kill_b or wound_b:
        return "killed" if max(kill_b or [-1]) > max(wound_b or [-1]) else "wounded"
    after = text[end:]
    kill_a = _KILL.search(after)
    wound_a = _WOUND.search(after)
    if kill_a and (not wound_a or kill_a.start() < wound_a.start()):
        return "killed"
    if wound_a:
        return "wounded"
    return None
