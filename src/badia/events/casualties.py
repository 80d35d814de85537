"""People killed or wounded in a clause, per side, from counts and the nouns they count.

"26 government troops and nine IS fighters were killed" -> government 26, islamic_state 9;
"killed 15 people and wounded 15 others" -> 15 killed (unknown), 15 wounded;
"35 pro-government forces dead, including nine Russians" -> a subset of another side is kept;
"43 attackers were killed" -> the initiator's side; "twenty on each side" -> both sides;
"killing four and capturing forty" -> the forty were captured, not killed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from badia.mentions.lexicon import packaged
from badia.mentions.numbers import find_counts
from badia.mentions.spans import starting_within
from badia.model import Mention


def _forms(kind: str) -> str:
    """Alternation of every written form of the ``kind`` words of ``casualty_words.yaml``."""
    words = packaged("casualty_words.yaml")[kind]
    forms = sorted({f for fs in words.values() for f in fs}, key=len, reverse=True)
    return "|".join(forms)


KILL_FORMS = _forms("killed")
DYING_FORMS = _forms("dying")
_KILL = re.compile(rf"\b(?:{KILL_FORMS})\b", re.I)
_WOUND = re.compile(rf"\b(?:{_forms('wounded')})\b", re.I)
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
# A verb that does something else than kill to the people it counts ("capturing forty").
_NOT_KILL_VERB = re.compile(
    r"\b(?:captur|kidnapp|abduct|arrest|detain|releas|evacuat|rescu|free|tak|took)"
    r"(?:e|ed|ing|en|d)?\s+(?:\w+\s+){0,2}$",
    re.I,
)
# Where a clause ends, so a verb after it does not count what is before it.
_CLAUSE_END = re.compile(r";|,?\s+(?:while|whereas|but|as well as)\b|,\s+and\b")
# Nouns naming the party that attacked ("43 attackers"): the event's initiator.
_ATTACKERS = re.compile(r"\s*(?:[\w-]+\s)?(?:attackers|assailants|raiders|gunmen)\b", re.I)
# "on each side", "on both sides": the count stands for each of the two sides.
_EACH_SIDE = re.compile(r"^[^.;]{0,40}?\bon (?:each|both|either) sides?\b", re.I)
_SUBSET = re.compile(
    r"(?:including|includ(?:ed|es)|inc\.|among them|among whom|of whom|of which)\s*$", re.I
)
# A kill or wound verb right before a count governs it ("killing at least 50 IS militants").
_GOVERNING_VERB = re.compile(
    r"\b(killed|killing|kill|wounded|wounding|injured|injuring|executed|executing)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|about\s+|around\s+|nearly\s+|over\s+|some\s+|"
    r"up\s+to\s+|an\s+estimated\s+)?$",
    re.I,
)
_NOUN_WINDOW = 45  # characters after a count in which the counted noun is looked for
# Characters after a count in which its verb is looked for: each count scanned the rest of
# its sentence, n² in a sentence of n numbers (4,000 in one 24 kB sentence took 37 s).
_VERB_WINDOW = 400


@dataclass(frozen=True)
class Casualty:
    killed: int
    side: str | None
    wounded: bool
    subset_of: str | None  # side of the total this count is "including"
    start: int  # document offsets of the count
    end: int
    head: str  # the counted noun phrase as written
    party: str | None = None  # "initiator" ("attackers") or "each" ("on each side")


def find_casualties(
    text: str, offset: int, actors: list[Mention], skip: list[tuple[int, int]]
) -> list[Casualty]:
    """Counts of people killed or wounded in ``text`` (a sentence at document ``offset``)."""
    if not (_KILL.search(text) or _WOUND.search(text)):
        return []
    counts = [
        c
        for c in find_counts(text)
        if not any(offset + c.start < e and offset + c.end > s for s, e in skip)
        and not _is_citation(text, c.start, c.end)
        and not _is_model_number(text, c.start)
    ]
    out: list[Casualty] = []
    actor_starts = [a.start for a in actors]
    previous_end = 0
    last_total_side: str | None = None
    for i, count in enumerate(counts):
        if _NOT_PEOPLE.match(text[count.end : count.end + _NOUN_WINDOW]):
            previous_end = count.end
            continue
        next_start = counts[i + 1].start if i + 1 < len(counts) else len(text)
        side, head = _counted_side(
            text, offset, count.start, count.end, next_start, actors, actor_starts
        )
        kind = _kind(text, previous_end, count.start, count.end, next_start)
        if kind is None and out and is_list_gap(text[previous_end : count.start]):
            kind = "wounded" if out[-1].wounded else "killed"  # "780 ..., including 108 ..."
        if kind is None:
            previous_end = count.end
            continue
        subset = _SUBSET.search(text[max(0, count.start - 20) : count.start])
        # "(inc. 158 Iranian-backed & 4 Russians)": the part goes on after "&" / "and"
        in_part = bool(out) and out[-1].subset_of is not None and bool(
            _JOINED.fullmatch(text, previous_end, count.start)
        )
        party = None
        if side is None and _ATTACKERS.match(text, count.end):
            party = "initiator"
        elif side is None and _EACH_SIDE.match(text[count.end : count.end + 80]):
            party = "each"
        out.append(
            Casualty(
                killed=count.value,
                side=side,
                wounded=kind == "wounded",
                subset_of=last_total_side if subset else (out[-1].subset_of if in_part else None),
                start=offset + count.start,
                end=offset + count.end,
                head=head,
                party=party,
            )
        )
        if not subset and not in_part:
            last_total_side = side
        previous_end = count.end
    return out + _single_deaths(text, offset, actors, out)


# "a member of the 4th Division was found decapitated", "a Russian PMC was killed": one dead.
_ONE_DEAD = re.compile(
    r"(?:^|[,;]\s+|\b(?:when|after|as|and)\s+)(?P<np>(?:an?|one)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:member|soldier|fighter|officer|commander|militant|civilian|PMC|contractor|general|"
    r"colonel|captain|lieutenant|leader|emir|child|woman|man|journalist|militiaman|guard)"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?)"
    r"\s+(?:was|had\s+been)\s+(?:also\s+|reportedly\s+|later\s+)?"
    r"(?:killed|found\s+(?:dead|decapitated|beheaded)|decapitated|beheaded|executed|"
    r"shot\s+dead|assassinated)\b",
    re.I,
)


def _single_deaths(
    text: str, offset: int, actors: list[Mention], counted: list[Casualty]
) -> list[Casualty]:
    """One person killed, told with an article instead of a number."""
    out = []
    for m in _ONE_DEAD.finditer(text):
        a, b = offset + m.start("np"), offset + m.end("np")
        if any(a <= c.start < b for c in counted):
            continue  # "a convoy of 12 soldiers": the number counts
        inside = [x for x in actors if a <= x.start and x.end <= b and x.side != "unknown"]
        out.append(Casualty(killed=1, side=inside[0].side if inside else None, wounded=False,
                            subset_of=None, start=a, end=b, head=m.group("np")))
    return out


_LIST_GAP = re.compile(r"[\s\w,()&.'’-]*")
_PEOPLE = re.compile(r"\s*(?:people|persons|others|individuals)\b", re.I)
_THEIR = re.compile(r"\s*of (?:their|its|our) ", re.I)


# A unit, base or road named by a number: "Division 17", "Brigade 93", "Regiment 121".
_NAMED_BY_NUMBER = re.compile(
    r"\b(?:Division|Brigade|Regiment|Battalion|Corps|Squadron|Base|Camp|Route|Highway|Road|"
    r"Hill|Station|Sector|Unit|Checkpoint|Point|Gate|Building|Block|Zone|No\.?)\s+$"
)


def _is_model_number(text: str, start: int) -> bool:
    """'T-72', 'ZU-23-2', 'MiG-23', 'Division 17': a designation or a name, not a count."""
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        return True
    return bool(_NAMED_BY_NUMBER.search(text[max(0, start - 15) : start]))


def is_list_gap(gap: str) -> bool:
    """Words between two counts of one list ("26 troops and nine", "780 soldiers, including
    108"), with no verb between ("including" marks a part of the list, not an action)."""
    verbs = re.findall(r"(?<![\w-])\w+(?:ing|ed)\b", gap)
    return bool(_LIST_GAP.fullmatch(gap)) and all(v.lower() in _LIST_WORDS for v in verbs)


_LIST_WORDS = {"including", "included"}
_JOINED = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}?(?:&|and|,)\s*")


def _is_citation(text: str, start: int, end: int) -> bool:
    """'[13]' after a sentence is a reference marker, not a count."""
    return start > 0 and text[start - 1] == "[" and text[end : end + 1] == "]"


def _counted_side(
    text: str,
    offset: int,
    count_start: int,
    count_end: int,
    limit: int,
    actors: list[Mention],
    actor_starts: list[int],
) -> tuple[str | None, str]:
    """Side of what a count counts: the actor named right after it ("nine IS fighters"),
    "people"/"others" (unknown), "of their fighters" (the speaker's), "X lost N" (X's)."""
    window_end = min(limit, count_end + _NOUN_WINDOW)
    head = text[count_end:window_end].split(",")[0].strip()
    for actor in starting_within(actors, actor_starts, offset + count_end, offset + window_end):
        gap = text[count_end : actor.start - offset]
        if "," not in gap and len(gap.split()) <= 3:
            return actor.side, actor.text
    if _PEOPLE.match(text, count_end):
        return "unknown", head
    before = starting_within(actors, actor_starts, 0, offset + count_start)
    before = [a for a in before[-3:] if a.end - offset <= count_start]
    lost = re.search(
        r"\b(?:lost|losing)\s+(?:\w+\s+){0,2}$", text[max(0, count_start - 40) : count_start]
    )
    if (lost or _THEIR.match(text, count_end)) and before:
        return before[-1].side, head  # "IS lost 507 fighters", "Rebels said four of their ..."
    return None, head


def _kind(text: str, previous_end: int, start: int, end: int, next_start: int) -> str | None:
    """'killed' or 'wounded': a verb right after the counted noun ("three others were
    injured") wins; else the nearest verb before the count; else the next verb after it
    (within ``_VERB_WINDOW`` characters)."""
    after = text[end : end + _VERB_WINDOW]
    if re.match(r"[^.;]{0,60}?\bkilled (?:or|and) wounded\b", after):
        return None  # "1,000 killed or wounded" is not a count of the dead
    governing = _GOVERNING_VERB.search(text[max(0, start - 40) : start])
    if governing:  # "killed 15 people and wounded 15 others": each count its own verb
        return "wounded" if _WOUND.fullmatch(governing.group(1)) else "killed"
    near = text[end:next_start][:40]
    near_end = _CLAUSE_END.search(near)
    if near_end:
        near = near[: near_end.start()]  # "forty defenders,[13] while losing two vehicles"
    kill_n, wound_n = _KILL.search(near), _WOUND.search(near)
    if kill_n or wound_n:
        if kill_n and (not wound_n or kill_n.start() < wound_n.start()):
            return "killed"
        return "wounded"
    before = text[previous_end:start]
    if _NOT_KILL_VERB.search(before):
        return None  # "killing four and capturing forty defenders"
    kill_b = [m.end() for m in _KILL.finditer(before)]
    wound_b = [m.end() for m in _WOUND.finditer(before)]
    if kill_b or wound_b:
        return "killed" if max(kill_b or [-1]) > max(wound_b or [-1]) else "wounded"
    if previous_end and is_list_gap(before):
        return None  # a list goes on: the caller inherits the previous count's kind
    clause_end = _CLAUSE_END.search(after)
    if clause_end:
        after = after[: clause_end.start()]  # "Four of the Russians were ..., while ... killed"
    kill_a, wound_a = _KILL.search(after), _WOUND.search(after)
    if kill_a and (not wound_a or kill_a.start() < wound_a.start()):
        return "killed"
    if wound_a:
        return "wounded"
    return None
