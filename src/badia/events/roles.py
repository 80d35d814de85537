"""Who acts and who is acted on, read from the clause around a trigger.

Active voice: the subject before the verb acts ("X captured Y from Z", "X attacked Z").
Passive voice and nominal triggers: the actor after "by"/"from" acts ("was repelled by X",
"an attack by X on Y", "came under attack from X"); a modifier or possessor of a noun
trigger acts ("an ISIL attack", "IS's offensive"). "Y led by X" names both.
"""

from __future__ import annotations

import re

from badia.mentions.triggers import Trigger
from badia.model import Mention

# A mention right after one of these words is an object, not the subject.
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:against|on|from|by|with|of|at|near|to|towards|toward|targeting|including|between|"
    r"into|over|for|around|amid|among|than|under|upon|in)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:[\w'-]+\s+){0,2})$",
    re.I,
)
_LED_BY = re.compile(r"\b(?:led|headed|spearheaded)\s+by\s+(?:the\s+)?$", re.I)
_AGENT_AFTER = re.compile(r"^\S*\s*(?:\S+\s+){0,5}?(?:by|from)\s+(?:the\s+)?", re.I)
_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|and|that|of|on|in|at|to"
)
_COUNTED = re.compile(
    r"(?:\d+(?:,\d{3})*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|dozens?|hundreds?|several|many)\b)"
    rf"(?:\s+(?!(?:{_MONTH})\b)[\w-]+){{0,2}}\s*$",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(
    r"^(?:[A-Z][\w ,'-]{0,40},\s*)?(?:it|they|the group|the militants|the jihadists|the rebels|"
    r"the army|the military|the syrian army|he|she|its forces|their forces)\b",
    re.I,
)


def rel(m: Mention, offset: int) -> tuple[int, int]:
    return m.start - offset, m.end - offset


def merge_adjacent(actors: list[Mention], text: str, offset: int) -> list[Mention]:
    """'IS militants', 'ISIL forces': a generic noun right after a name belongs to it."""
    out: list[Mention] = []
    for actor in actors:
        if out and actor.value == 1 and 0 <= actor.start - out[-1].end <= 1:
            continue
        out.append(actor)
    return out


def is_object(text: str, start: int) -> bool:
    return bool(_OBJECT_BEFORE.search(text[max(0, start - 40) : start]))


def is_counted(text: str, start: int) -> bool:
    return bool(_COUNTED.search(text[max(0, start - 25) : start]))


def subject_actors(clause: str, offset: int, actors: list[Mention], before: int) -> list[Mention]:
    """The subject group before position ``before``: the first free actor and its conjuncts."""
    group: list[Mention] = []
    for actor in actors:
        start, end = rel(actor, offset)
        if start >= before:
            break
        if _LED_BY.search(clause[max(0, start - 30) : start]):
            if group:
                group.insert(0, actor)
            continue
        if is_object(clause, start) or is_counted(clause, start):
            if group and not re.match(
                r"^\s*(?:,|and)\s", clause[rel(group[-1], offset)[1] : start]
            ):
                continue
            if not group:
                continue
        if group:
            gap = clause[rel(group[-1], offset)[1] : start]
            if re.fullmatch(r"\s*(?:,|and|,\s*and|&|,\s*the)?\s*(?:the\s+)?", gap):
                group.append(actor)
            continue
        group.append(actor)
    return group


def agent_after(
    clause: str, offset: int, actors: list[Mention], after: int, by_only: bool = False
) -> list[Mention]:
    """The actor after 'by'/'from' that follows position ``after`` (passive agent)."""
    for actor in actors:
        start, _ = rel(actor, offset)
        if start < after:
            continue
        gap = clause[after:start]
        marker = r"\bby" if by_only else r"\b(?:by|from)"
        if len(gap.split()) <= 6 and re.search(
            marker + r"\s+(?:the\s+)?$", clause[max(0, start - 12) : start], re.I
        ):
            return [actor]
    return []


def agent_right_after(
    clause: str, offset: int, actors: list[Mention], after: int, marker: str = "by"
) -> list[Mention]:
    """'pulling back by ISIL': a gerund followed at once by 'by X' names its agent
    (``marker=""`` when the trigger itself ends with the preposition)."""
    m = re.match(rf"\s+{marker}\s*(?:the\s+)?" if marker else r"\s+(?:the\s+)?", clause[after:])
    if not m:
        return []
    for actor in actors:
        if actor.start - offset == after + m.end():
            return [actor]
    return []


def modifier_before(
    clause: str, offset: int, actors: list[Mention], trigger: Trigger
) -> list[Mention]:
    """'an ISIL attack', "IS's offensive", 'IS attacks': the actor right before a noun trigger."""
    for actor in reversed(actors):
        start, end = rel(actor, offset)
        if end <= trigger.start and re.fullmatch(
            r"(?:'s|’s|')?\s+(?:[\w-]+\s+){0,3}", clause[end : trigger.start]
        ):
            if re.search(
                r"\b(?:against|on|by|from)\s+(?:the\s+)?$", clause[max(0, start - 12) : start]
            ):
                return []
            return [actor]
        if end <= trigger.start:
            break
    return []


_AID_AFTER = re.compile(
    r"\s+(?:air\s+|naval\s+|artillery\s+)?(?:support|backing|help|assistance|cover)\b", re.I
)


def objects_after(
    clause: str, offset: int, actors: list[Mention], after: int, skip: list[Mention]
) -> list[Mention]:
    """Actors acted on: after the trigger, not the agent, not in a 'backed by' aside."""
    out = []
    for actor in actors:
        start, _ = rel(actor, offset)
        if start < after or actor in skip:
            continue
        if _AID_AFTER.match(clause, actor.end - offset):
            continue  # "with Russian air support": an aid, not the target
        if re.search(
            r"\b(?:backed|supported|aided|assisted)\s+(?:up\s+)?by\s+(?:the\s+)?$|"
            r"\b(?:with aid from|alongside|together with)\s+(?:the\s+)?$",
            clause[max(0, start - 30) : start],
            re.I,
        ):
            continue
        out.append(actor)
        break
    return out


_SPEECH_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:said|says|stated|reported|announced|claimed|confirmed|added)\b", re.I
)


def is_speaker(clause: str, offset: int, actor: Mention) -> bool:
    """'X said/reported ...': X reports the action, it does not do it."""
    return bool(_SPEECH_AFTER.match(clause, actor.end - offset))


def pronoun_subject(clause: str) -> bool:
    return bool(_PRONOUN_SUBJECT.match(clause.strip()))
