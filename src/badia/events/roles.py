"""Who acts and who is acted on, read from the clause around a trigger.

Active voice: the subject before the verb acts ("X captured Y from Z", "X attacked Z").
Passive voice and nominal triggers: the actor after "by"/"from" acts ("was repelled by X",
"an attack by X on Y", "came under attack from X"); a modifier or possessor of a noun
trigger acts ("an ISIL attack", "IS's offensive"). "Y led by X" names both.
"""

from __future__ import annotations

import re

from badia.events.casualties import DYING_FORMS, KILL_FORMS
from badia.events.clauses import Clause
from badia.events.draft import BATTLE_TYPES, Draft
from badia.events.filters import DURING_BATTLE
from badia.events.grammar import SentenceGrammar
from badia.mentions.triggers import Trigger
from badia.model import Mention

# A mention right after one of these words is an object, not the subject.
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:against|on|from|by|with|of|at|near|to|towards|toward|targeting|including|between|"
    r"into|over|for|around|amid|among|than|under|upon|in)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:[\w'-]+\s+){0,2})$",
    re.I,
)
# "a convoy of SAA soldiers was struck": the actor of a group noun heads the subject.
_GROUP_OF = re.compile(
    r"\b(?:convoy|column|patrol)\s+of\s+(?:the\s+)?$",
    re.I,
)
_LED_BY = re.compile(r"\b(?:led|headed|spearheaded)\s+by\s+(?:the\s+)?$", re.I)
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


# A guise: "infiltrators disguised as NDF members", "gunmen posing as Army soldiers",
# "dressed in the uniforms of the police": the named force is worn, not a party.
_GUISE_BEFORE = re.compile(
    r"\b(?:(?:disguised|dressed|posing|posed|masquerading|camouflaged)\s+as|pretending\s+to\s+be|"
    r"impersonating|(?:dressed\s+)?in\s+(?:the\s+)?uniforms?\s+of)"
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def without_guises(actors: list[Mention], text: str, offset: int) -> list[Mention]:
    """The actors of a sentence (``text`` at document ``offset``) less those named as a
    disguise: "four infiltrators disguised as NDF members attacked" is no NDF act."""
    return [
        a
        for a in actors
        if not _GUISE_BEFORE.search(text, max(a.start - offset - 80, 0), a.start - offset)
    ]


def rel(m: Mention, offset: int) -> tuple[int, int]:
    return m.start - offset, m.end - offset


def merge_adjacent(actors: list[Mention]) -> list[Mention]:
    """'IS militants', 'ISIL forces': a generic noun right after a name belongs to it;
    after another generic word it is the head ('jihadist rebels' are rebels)."""
    out: list[Mention] = []
    for actor in actors:
        if out and actor.value == 1 and 0 <= actor.start - out[-1].end <= 1:
            if out[-1].value == 1:
                out[-1] = actor
            continue
        out.append(actor)
    return out


# "On 4 May Tiger Forces captured ...": a date after the preposition, then the subject
_DATE_BEFORE = re.compile(
    rf"\b(?:on|in|by)\s+(?:\d{{1,2}}\s+(?:{_MONTH})|(?:{_MONTH})(?:\s+\d{{1,2}})?)"
    r"(?:,?\s+\d{4})?,?\s+$",
    re.I,
)


def is_object(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(_OBJECT_BEFORE.search(before)) and not _DATE_BEFORE.search(before)


def is_counted(text: str, start: int) -> bool:
    return bool(_COUNTED.search(text[max(0, start - 25) : start]))


# what may stand between two conjoined actors: ", ", " and ", " & ", ", the " ... Each
# space run is matched once: two adjacent optional space runs backtracked quadratically on
# a long blank gap (a fuzzed page: 25 CPU-seconds for 41 gaps)
_CONJUNCT_GAP = re.compile(r"\s*(?:(?:,\s*and|,\s*the|,|and|&)\s*)?(?:the\s+)?")


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
        grouped = _GROUP_OF.search(clause[max(0, start - 40) : start])
        if (is_object(clause, start) or is_counted(clause, start)) and not grouped:
            if group and not re.match(
                r"^\s*(?:,|and)\s", clause[rel(group[-1], offset)[1] : start]
            ):
                continue
            if not group:
                continue
        if group:
            gap = clause[rel(group[-1], offset)[1] : start]
            if _CONJUNCT_GAP.fullmatch(gap):
                group.append(actor)
            elif is_speaker(clause, offset, group[-1]) and not is_object(clause, start):
                group = [actor]  # "the rebels announced that ISIL ...": the reported subject
            continue
        group.append(actor)
    return group


def agent_after(
    clause: str, offset: int, actors: list[Mention], after: int, by_only: bool = False
) -> list[Mention]:
    """The actors after 'by'/'from' that follow position ``after`` (passive agent), with
    their conjuncts: "expelled by Syrian government and Russian forces"."""
    for i, actor in enumerate(actors):
        start, _ = rel(actor, offset)
        if start < after:
            continue
        gap = clause[after:start]
        marker = r"\bby" if by_only else r"\b(?:by|from)"
        if len(gap.split()) <= 6 and re.search(
            marker + r"\s+(?:the\s+)?$", clause[max(0, start - 12) : start], re.I
        ):
            return [actor, *_conjuncts(clause, offset, actor, actors[i + 1 :])]
    return []


def _conjuncts(clause: str, offset: int, first: Mention, following: list[Mention]) -> list[Mention]:
    """Actors joined to ``first`` by 'and' or commas ("X, Y and Z")."""
    out: list[Mention] = []
    last = first
    for actor in following:
        gap = clause[rel(last, offset)[1] : rel(actor, offset)[0]]
        if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", gap):
            break
        out.append(actor)
        last = actor
    return out


# "a landmine left by IS", "an ambush carried out by the group": a participle naming who
# set the device or made the act, then "by" and its agent.
_AGENT_PARTICIPLES = (
    "left behind", "left", "laid", "planted", "placed", "rigged", "set", "carried out",
    "launched", "conducted", "staged", "mounted",
)
_BY_AFTER_PARTICIPLE = (
    r"(?:(?:" + "|".join(p.replace(" ", r"\s+") for p in _AGENT_PARTICIPLES) + r")\s+)?by"
)
# "six shepherds perished in a mine blast": a kill verb between them makes the people
# before the device its victims, not its owner.
_KILLED_BETWEEN = re.compile(rf"\b(?:{KILL_FORMS})\b", re.I)
# "N soldiers died/were martyred/lost their lives in an attack": the noun's victims.
_DIED_IN = re.compile(
    rf"\b(?:{DYING_FORMS})\b[^,;]*?\b(?:in|after|during|following)\s+(?:an?|the|another)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _dead_in_an_act(
    text: str, off: int, actors: list[Mention], trigger: Trigger
) -> tuple[list[Mention], list[Mention]] | None:
    """ "15 soldiers died in an attack on a bus", "perished in an IS assault": the dead
    are the act's target; its initiator is a modifier of the act or a "by X", else unstated.
    ``None`` when the trigger is not so introduced."""
    if not _DIED_IN.search(text[: trigger.start]):
        return None
    agent = _owner_before(text, off, actors, trigger) or agent_right_after(
        text, off, actors, trigger.end
    )
    victims = subject_actors(text, off, actors, trigger.start)
    return agent, [a for a in victims if a not in agent]


def _owner_before(
    text: str, off: int, actors: list[Mention], trigger: Trigger
) -> list[Mention]:
    """The act's modifier ("an IS assault"), unless a kill verb between makes it the dead
    ("six farmers perished in a mine blast")."""
    return [
        a for a in modifier_before(text, off, actors, trigger)
        if not _KILLED_BETWEEN.search(text, a.end - off, trigger.start)
    ]


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


# The speaker reports its own act: "announced that it had killed", "said they killed".
_SELF_REPORT = re.compile(
    r"\b(?:said|says|announced|claimed|stated|reported|declared)\s+(?:that\s+)?"
    r"(?:it|they|its (?:forces|troops|jets|aircraft)|their (?:forces|fighters))\s+"
    r"(?:had\s+|have\s+|has\s+)?$",
    re.I,
)

def _owner_of_the_battle(
    text: str, off: int, actors: list[Mention], trigger: Trigger
) -> list[Mention]:
    """ "During the rebel assault on X, four soldiers were killed": a passive toll with no
    "by" is the toll of the battle the clause is set in, whose modifier names who acts;
    [] when no such battle is named ("dozens of fighters were killed": a toll, no act)."""
    battle = DURING_BATTLE.search(text, 0, trigger.start)
    if battle is None:
        return []
    return [a for a in actors if battle.start() <= a.start - off and a.end - off <= battle.end()]


# A pronoun or bare description right after a trigger ending in "of"/"by": "the withdrawal
# of the group", "was taken by them"
_ANAPHOR_AFTER = re.compile(
    r"\s+(?:(?:the|these|those)\s+(?:group|militants|jihadists|insurgents|fighters|"
    r"organi[sz]ation)\b|(?:it|them)\b)",
    re.I,
)


# "came under (heavy) shelling", "coming under continuous attack": the subject undergoes it
_CAME_UNDER = re.compile(r"\bc(?:ame|ome|omes|oming)\s+under\s+(?:[\w-]+\s+){0,2}$", re.I)


# the auxiliary of a passive right before a participle: "were killed", "had been killed"
_PASSIVE_AUX_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|also\s+)?$", re.I)

_NOUN_AS_PASSIVE_SUBJECT = re.compile(
    r"\s+(?:were|was)\s+(?:also\s+)?"
    r"(?:conducted|launched|carried out|mounted|staged|made|reported)\b",
    re.I,
)


def clause_roles(
    clause: Clause,
    actors: list[Mention],
    trigger: Trigger,
    previous_subject: list[Mention],
    last_actor1: list[Mention],
) -> tuple[list[Mention] | None, list[Mention]]:
    """(actor1, actor2) of the trigger; actor1 None means 'not an event'."""
    text, off = clause.text, clause.start
    voice = trigger.voice
    actor1: list[Mention] = []
    actor2: list[Mention] = []
    lowered = trigger.text.lower()
    inside = [a for a in actors if a.start - off <= trigger.start and trigger.end <= a.end - off]
    if inside:
        return inside, objects_after(text, off, actors, trigger.end, inside)
    if trigger.type == "attack" and trigger.weak and "kill" in lowered:
        if not re.search(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens)\b",
            text,
        ):
            return None, []
        # "dozens of ISIL fighters were killed": the passive told by its auxiliary
        passive = voice == "passive" or lowered.endswith(" by") or bool(
            _PASSIVE_AUX_BEFORE.search(text[: trigger.start])
        )
        if passive:
            agent = (
                agent_right_after(text, off, actors, trigger.end, marker="")
                or agent_after(text, off, actors, trigger.end)
                or _owner_of_the_battle(text, off, actors, trigger)
            )
        else:
            agent = subject_actors(text, off, actors, trigger.start)
        agent = [a for a in agent if not is_speaker(text, off, a)]
        report = None if agent or passive else _SELF_REPORT.search(text[: trigger.start])
        if report:
            # "the ministry announced that it had killed 200 fighters": the speaker's own act
            agent = [a for a in actors if a.end - off <= report.start()
                     and is_speaker(text, off, a)][-1:]
        if not agent:
            return None, []  # "four rebels were killed": a toll of an event told elsewhere
        victims = (
            subject_actors(text, off, actors, trigger.start)
            if passive
            else objects_after(text, off, actors, trigger.end, agent)
        )
        return agent, [a for a in victims if a not in agent]
    if trigger.type == "clash" and trigger.weak:
        named = [a for a in actors if a.side != "unknown" or a.value != 1]
        if named:
            first = named[0]
            return [first], [a for a in named[1:] if a.side != first.side][:1]
    if _CAME_UNDER.search(text, 0, trigger.start):
        # "the villagers were evacuated after coming under heavy shelling (from X)": the
        # subject undergoes the act; its agent follows "from"/"by", else it is unnamed here
        agent = agent_after(text, off, actors, trigger.end)
        victims = subject_actors(text, off, actors, trigger.start)
        return agent, [a for a in victims if a not in agent]
    if trigger.type in ("airstrike", "shelling", "bombing") and re.search(
        r"\b(?:in|by|from|after|following)\s+(?:an?\s+|the\s+|several\s+|multiple\s+|"
        r"two\s+|heavy\s+)?(?:[\w-]+\s+){0,2}$",
        text[: trigger.start],
    ):
        agent = _owner_before(text, off, actors, trigger) or agent_after(
            text, off, actors, trigger.end
        )
        victims = subject_actors(text, off, actors, trigger.start)
        return agent, [a for a in victims if a not in agent]
    if "repel" in lowered:
        subject = subject_actors(text, off, actors, trigger.start)
        after = agent_after(text, off, actors, trigger.end)
        if voice == "passive":
            actor1 = subject or modifier_before(text, off, actors, trigger)
            actor2 = after
        else:
            actor1 = objects_after(text, off, actors, trigger.end, [])
            actor2 = subject
            if not actor1:
                return None, []
    elif voice == "passive" and re.search(r"\b(?:of|by|to)$", lowered):
        # "came under the control of X", "fell to X": the agent follows the trigger at once
        actor1 = agent_right_after(text, off, actors, trigger.end, marker="")
        actor2 = subject_actors(text, off, actors, trigger.start)
        if not actor1 and _ANAPHOR_AFTER.match(text, trigger.end):
            # "ISIL's foothold crumbled, resulting in the withdrawal of the group": the
            # description refers to the camp last named before it
            named = [a for a in actors if a.end - off <= trigger.start]
            return named[-1:] or previous_subject or last_actor1, []
        if not actor1:
            return [], actor2
    elif voice == "passive":
        actor1 = agent_after(text, off, actors, trigger.end, by_only=trigger.type == "capture")
        actor2 = subject_actors(text, off, actors, trigger.start)
        if not actor2 and trigger.type == "capture":
            actor2 = objects_after(text, off, actors, trigger.end, actor1)
        if not actor1:
            return [], actor2  # unstated agent: the builder infers it for captures only
    elif voice == "noun":
        dead_in = _dead_in_an_act(text, off, actors, trigger)
        if dead_in is not None:
            return dead_in
        actor1 = modifier_before(text, off, actors, trigger) or agent_after(
            text, off, actors, trigger.end
        )
        if not actor1:
            if trigger.type == "capture":
                actor1 = subject_actors(text, off, actors, trigger.start)
            elif re.match(_NOUN_AS_PASSIVE_SUBJECT, text[trigger.end :]):
                # "Attacks were also conducted along the highway": by the camp just named
                actor1 = previous_subject or last_actor1
            elif _IN_AN_ACT.search(text[: trigger.start]):
                # "ISIL retook the city in a sudden offensive": the clause's subject launched it
                actor1 = subject_actors(text, off, actors, trigger.start)
            if not actor1:
                return None, []
        actor2 = objects_after(text, off, actors, trigger.end, actor1)
    elif voice == "loss":
        actor1 = objects_after(text, off, actors, trigger.end, [])
        actor2 = subject_actors(text, off, actors, trigger.start)
    elif (
        trigger.type != "deployment"  # "an ISIL convoy was deployed": forces move their own
        and not lowered.endswith("ing")
        and re.search(
            r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", text[: trigger.start]
        )
    ):
        # an active-form pattern in a passive clause: "after being expelled from it by X"
        actor1 = agent_after(text, off, actors, trigger.end, by_only=True)
        actor2 = subject_actors(text, off, actors, trigger.start)
        if not actor1:
            return [], actor2
    else:
        dead_in = _dead_in_an_act(text, off, actors, trigger)
        if dead_in is not None:
            return dead_in
        by_agent = agent_right_after(text, off, actors, trigger.end, marker=_BY_AFTER_PARTICIPLE)
        actor1 = by_agent or subject_actors(text, off, actors, trigger.start)
        actor2 = objects_after(text, off, actors, trigger.end, actor1)
        if not actor1 and re.search(r"\b(?:an?|another)\s+(?:[\w-]+\s+)?$", text[: trigger.start]):
            return [], actor2  # "an ambush on a bus": the agent is not stated here
    if not actor1:
        actor1 = previous_subject or last_actor1
        if not actor1 and trigger.type in ("bombing", "other"):
            return [], actor2
    actor2 = [a for a in actor2 if a not in actor1]
    return actor1, actor2


# an action noun as the manner of the clause's act: "in a sudden offensive", "in a night raid"
_IN_AN_ACT = re.compile(r"\b(?:in|during)\s+an?\s+(?:[\w-]+\s+){0,2}$", re.I)


def with_parse(
    grammar: SentenceGrammar,
    start: int,
    end: int,
    actors: list[Mention],
    rules: tuple[list[Mention], list[Mention]],
    last_actor1: list[Mention],
) -> tuple[list[Mention], list[Mention]]:
    """(actor1, actor2) of the trigger at document span ``start``-``end`` where the parse
    names them; the word-window reading (``rules``) where it does not. A speaker of 'said'
    and the means of an act ('with rockets') are never the target."""
    actor1, actor2 = rules
    head = grammar.action(start, end)
    found = grammar.roles(head, actors) if head else None
    if found is None:
        return actor1, actor2
    if found.initiator:
        actor1 = found.initiator
    elif found.refers_back:
        # "the army said it killed": the speaker; "the group attacked": the paragraph's camp
        actor1 = found.antecedent or last_actor1 or actor1
    elif found.agentless and not actor1:
        # "the town was taken": by the camp the paragraph follows, unless that camp is the
        # one acted on ("IS attacked ...; IS forces were driven back": by IS's enemy)
        # (the parse's patient, else the words' one before the verb: its passive subject)
        acted_on = {a.side for a in found.target or [a for a in actor2 if a.end <= start]}
        if not any(a.side in acted_on for a in last_actor1):
            actor1 = last_actor1
    elif found.agentless and actor1 == last_actor1:
        # "the resistance was broken, when the ISIL defenders surrendered or fled": the camp
        # the paragraph followed undergoes the act here; the act is its enemy's (unnamed)
        undergo = grammar.undergoers(actors)
        if any(a.side == b.side for a in actor1 for b in undergo):
            actor1, actor2 = [], undergo
    elif found.unnamed:
        actor1 = []  # "bombed by an unidentified jet": the owner is not named
    if found.target:
        actor2 = found.target
    else:
        not_parties = grammar.speakers(actors) + grammar.means(actors)
        actor2 = [a for a in actor2 if a not in not_parties]
    return actor1, [a for a in actor2 if a not in actor1]


_FIGHTING_SIDES = ("government", "russia", "opposition", "islamic_state", "coalition")


def unnamed_here(actor1: list[Mention], start: int, end: int) -> bool:
    """The initiators were carried from before the sentence (document span ``start``-``end``):
    none of them is named in it."""
    return bool(actor1) and all(not start <= a.start < end for a in actor1)


# a pronoun or definite description as the clause's subject refers back to the camp named
_ANAPHOR_SUBJECT = re.compile(r"\b(?:they|it|its|their|the group|the militants)\b", re.I)


def not_the_withdrawn(
    carried: list[Mention], text: str, offset: int, trigger_start: int
) -> list[Mention]:
    """The camp the paragraph last named withdrew ("Russia withdrew from X"): an act with no
    initiator of its own after that is not that camp's, unless a pronoun refers back to it
    ("they left behind suicide bombers"). ``trigger_start``: document offset; ``text``: the
    sentence at ``offset``. Returns ``carried`` or ``[]`` (initiator unstated)."""
    if _ANAPHOR_SUBJECT.search(text, 0, max(0, trigger_start - offset)):
        return carried
    return []


def by_side(actors: list[Mention]) -> list[list[Mention]]:
    """The initiators grouped by fighting side, in the order the sides are first named;
    actors of no side (an unknown brigade) go with the first group. One group when the
    list names one side, or three and more: such a list rolls the war's parties ("by the
    government, the coalition and the SDF, Turkey and its rebels, IS withdrew") and is no
    joint act."""
    groups: dict[str, list[Mention]] = {}
    loose: list[Mention] = []
    for a in actors:
        if a.side in _FIGHTING_SIDES:
            groups.setdefault(a.side, []).append(a)
        else:
            loose.append(a)
    if len(groups) != 2:
        return [actors]
    parts = list(groups.values())
    parts[0] = sorted(parts[0] + loose, key=lambda a: a.start)
    return parts


# "the militants", "these jihadists": a definite description before a generic noun
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.I)


def described_camp(
    actor1: list[Mention], last_actor1: list[Mention], text: str, offset: int
) -> list[Mention]:
    """ "Rebels stormed X. The militants then took Y": a definite generic noun of armed
    non-state fighters ("the militants", "the jihadists") refers to the non-state camp the
    paragraph follows as initiator. The builder asks only in a document that has not named
    the Islamic State (where the lexicon's default side for these nouns cannot be meant);
    where it has, "SDF fighters took X. The militants withdrew" are IS's men.
    ``text`` is the sentence at ``offset``."""
    if not actor1 or not last_actor1 or any(a.value != 1 for a in actor1):
        return actor1
    followed = [a for a in last_actor1 if a.side in ("opposition", "islamic_state")]
    if len({a.side for a in followed}) != 1 or len(followed) != len(last_actor1):
        return actor1
    if all(a.side == "islamic_state" for a in actor1) and all(
        a.text.lower().startswith("the ")
        or _DEFINITE_BEFORE.search(text[max(0, a.start - offset - 8) : a.start - offset])
        for a in actor1
    ):
        return followed
    return actor1


# The bombs of an assault: a suicide bomber, a car bomb is the means of the attackers
_ASSAULT_BOMB = re.compile(r"suicide|car|vbied|svbied|truck", re.I)


def bombers_of_the_assault(drafts: list[Draft]) -> None:
    """GUIDELINES 1b: "car bombs or suicide bombers named inside an assault" are the
    assaulters' ("After clashes that started with a triple suicide bombing, ISIL captured
    the base"). A suicide or car bombing of one sentence whose owner is not named takes the
    initiator of the sentence's battle, when that battle has one side; drafts are changed
    in place."""
    battles = [d for d in drafts if d.type in BATTLE_TYPES and d.actor1]
    sides = {a.side for d in battles for a in d.actor1}
    if len(sides) != 1:
        return
    for d in drafts:
        if d.type == "bombing" and not d.actor1 and _ASSAULT_BOMB.search(d.trigger.text):
            d.actor1 = list(battles[0].actor1)
            d.actor2 = [a for a in d.actor2 if a.side not in sides]


def civilians_do_not_fight(
    actor1: list[Mention], actor2: list[Mention], event_type: str
) -> tuple[list[Mention], list[Mention]]:
    """(actor1, actor2) with civilians taken out of the initiators: a reading that makes
    "residents", "civilians", "children" launch a strike, a capture or a move is wrong
    ("local residents claimed that airstrikes had killed dozens": the speakers; "civilian
    casualties rose as the army advanced": the victims), so they are its targets and the
    initiator is unnamed. Civilians attacking civilians are kept (a mob attacking refugees).
    ``event_type``: the trigger's type."""
    if not actor1 or any(a.side != "civilians" for a in actor1):
        return actor1, actor2
    mob = event_type in ("attack", "civilian_violence")
    if mob and actor2 and all(a.side == "civilians" for a in actor2):
        return actor1, actor2
    return [], [*actor1, *(a for a in actor2 if a not in actor1)]
