"""Which trigger words in a sentence state a new action, and which only mention one.

Purpose and intention ("to recapture", "their goal was"), anaphora ("the attack was
repelled"), reduced relatives ("territory previously captured"), hearsay, demining,
prisoners taken, and weak words next to stronger ones are not events of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from badia.events import retype
from badia.events.clauses import Clause
from badia.events.draft import Draft
from badia.events.grammar import SentenceGrammar
from badia.mentions.spans import SpanIndex
from badia.mentions.triggers import Trigger
from badia.model import Mention

# Sentences that define the article's subject or state aims, habits or intentions.
_NOT_AN_EVENT = re.compile(
    r"^(?:The|This) [\w ()–-]{0,80}? (?:was|is) (?:a|an|the) (?:[\w-]+ ){0,4}"
    r"(?:campaign|offensive|operation|battle|series|military)\b"
    r"|\b(?:continued throughout|continued into|have been|had been waging|"
    r"throughout (?:the )?(?:summer|winter|spring|autumn|year|month|war|period)|"
    r"the aim of|their goal|its goal|was meant to|were meant to|in the past|"
    r"(?:main |primary |stated )?objective (?:of|was|is)|"
    r"wanted to|wants to|intended to|intends to|planned to|plans to|hoped to|would be|"
    # a perfect pinned to a day tells a dated act: "progress has been made on 17 July"
    r"(?:have|has) (?:\w+ )?(?:documented|been(?! (?:[\w-]+ ){1,3}on \d{1,2} [A-Z])|recorded|"
    r"continued)|assessed that)\b",
    re.I,
)


# "to <verb>" of purpose; an attempt is still an action ("attempts to recapture" = attack).
_PURPOSE = re.compile(r"\b(?:in order to|so as to|to)\s+$", re.I)


# a base-form verb coordinated with a purpose infinitive: "to lift the siege and cut ..."
_PURPOSE_AND = re.compile(
    r"(?<!due )(?<!according )(?<!prior )(?<!next )(?<!close )(?<!up )\bto\s+"
    r"(?!the\b|an?\b|its\b|their\b|his\b|her\b|this\b|that\b|these\b|those\b)[a-z]+\b"
    r"[^,.;:]{0,60}?\s+and\s+$"
)
_ATTEMPT = re.compile(
    r"\b(?:attempts?|attempted|tried|trying|sought|efforts?|failed|failing)"
    r"(?:\s+by(?:\s+[\w'-]+){1,4}?(?=\s+to\s+$))?"  # "a fifth attempt by ISIL to capture"
    r"(?:\s+(?:once|yet|again|also|then|later|twice|repeatedly)|\s+for\s+the\s+\w+\s+time)*"
    r"\s+to\s+$",
    re.I,
)
_BATTLE = frozenset({"attack", "capture", "clash", "ambush"})
# What an attempt at these is: an attack (a failed capture is a repelled attack).
_REMOTE = frozenset({"airstrike", "shelling", "bombing"})
_TRIED_AS_ATTACK = frozenset({"attack", "capture", "clash", "ambush"})


# Verbs whose infinitive is done, not aimed at ("managed once again to retake", "proceeded
# to capture"), also when a second infinitive is coordinated ("managed to advance and capture").
_DONE_VERB = (
    r"\b(?:managed|continued|began|started|moved|proceeded|succeeded|went on|(?:was|were) able)"
    r"(?:\s+(?:once|again|also|then|later|eventually|finally|quickly|soon|even))*\s+to\s+"
)
_SUCCESS = re.compile(_DONE_VERB + "$", re.I)
_SUCCESS_AND = re.compile(_DONE_VERB + r"[a-z]+\b[^,.;:]{0,60}?\s+and\s+$", re.I)


_INTENT = re.compile(
    r"\b(?:goal|aim|aimed|plan|planned|planning|intention|wanted|wants|would|"
    r"hopes?|intends?|in an attempt|preparation|anticipation)\b[\w ,'-]{0,40}$",
    re.I,
)


# A sentence opening on actions told before ("In these attacks, the insurgents targeted
# ..."): it details them, it does not tell a new one.
_DETAILS_TOLD = re.compile(
    r"^(?:In|During|Throughout|Over)\s+(?:these|those|the\s+same|all\s+these|both)\s+"
    r"(?:[\w-]+\s+)?(?:attacks|assaults|raids|clashes|operations|strikes|battles|ambushes)\s*,",
    re.I,
)


# A sentence set over a whole campaign ("During the siege, rebels detonated several tunnel
# bombs"): with no time of its own it tells what went on for months, pinned to no month
# (GUIDELINES 1b). Short battles ("During the fighting", "During the clashes") are the
# day's battle told on and stay.
_OVER_THE_CAMPAIGN = re.compile(
    r"^\W*(?:During|Throughout|Over the course of|In the course of)\s+(?:the|this|that)\s+"
    r"(?:[\w-]+\s+)?(?:siege|offensive|campaign|war|operation|occupation|insurgency)s?\s*,",
)


def told_over_the_campaign(sentence: str) -> bool:
    """The sentence opens on a whole campaign as its time ("During the siege, ..."); the
    caller asks only when the sentence has no time expression of its own."""
    return bool(_OVER_THE_CAMPAIGN.match(sentence))


def is_not_an_event(sentence: str) -> bool:
    """A definition of the article's subject, an aim, a habit or an intention, or details
    of actions already told."""
    return bool(_NOT_AN_EVENT.search(sentence) or _DETAILS_TOLD.match(sentence))


def usable_triggers(
    text: str,
    triggers: list[Trigger],
    actors: list[Mention],
    offset: int,
    time_spans: list[tuple[int, int]],
    clauses: list[Clause],
    grammar: SentenceGrammar | None = None,
) -> list[Trigger]:
    """Drop triggers inside names or dates, of purpose or intention, and weak duplicates
    (``clauses``: the sentence's clauses, as ``split_clauses`` cuts them). With the
    sentence's parse (``grammar``), an action negated, modal, intended or disputed is
    dropped and one tried ("failed to capture") is an attack."""
    kept: list[Trigger] = []
    in_time = SpanIndex(time_spans)
    in_actor = SpanIndex((m.start, m.end) for m in actors)
    capture_heads = {
        h.i
        for x in triggers
        if grammar is not None and x.type == "capture"
        for h in [grammar.action(offset + x.start, offset + x.end)]
        if h is not None
    }
    for t in triggers:
        a, b = offset + t.start, offset + t.end
        if in_time.contains(a, b):
            continue
        if grammar is not None and t.voice == "noun" and _means_or_told(
            grammar, grammar.action(a, b), capture_heads
        ):
            continue
        inside_actor = in_actor.contains(a, b)
        if inside_actor and t.type not in ("airstrike",):
            continue
        before = text[max(0, t.start - 60) : t.start]
        head = grammar.action(a, b) if grammar else None
        status = grammar.status(head) if grammar and head else None
        if status == "purpose":  # "sent to help recapture": a goal, unless it was tried
            if not _ATTEMPT.search(before):
                continue
            status = "attempt"
        if status == "attempt":
            if t.type not in _TRIED_AS_ATTACK:
                continue  # "failed to withdraw": nothing happened
            t = Trigger("attack", "active", False, t.text, t.start, t.end)
        elif status is not None:
            continue  # negated, modal, an intention, or disputed
        if head is not None and grammar is not None:
            battle_told = any(
                x is not t and x.type in _BATTLE and not x.weak and _asserted(grammar, x, offset)
                for x in triggers
            )
            # "N civilians were killed when jets bombed X": a strike, shell or bomb told in
            # the sentence is the means of a weak kill; its victims do not retype it
            means_told = t.weak and any(
                x is not t and x.type in _REMOTE and not x.weak and _asserted(grammar, x, offset)
                for x in triggers
            )
            typed = t.type if means_told else retype.by_object(
                grammar.parse, head, t.type, battle_told
            )
            if typed != t.type:
                t = Trigger(typed, t.voice, t.weak, t.text, t.start, t.end)
        if (
            _PURPOSE_AND.search(before)
            and not _SUCCESS_AND.search(before)
            and not re.search(r"(?:ed|ing)$", t.text, re.I)
        ):
            continue  # "to lift the siege and cut the supply lines": the second verb too
        if head is not None and t.type == "capture" and grammar.takes_no_ground(head):
            continue  # prisoners or spoils taken, not ground
        if head is not None and t.type == "bombing" and grammar.averted(head):
            continue  # "destroyed a car bomb": it never went off
        if head is not None and t.type == "attack" and grammar.in_flight(head):
            continue  # "soldiers, fleeing from the base, reached X": a flight, not an attack
        elif _PURPOSE.search(before) and not _SUCCESS.search(before):
            if _ATTEMPT.search(before):
                t = Trigger("attack", "active", False, t.text, t.start, t.end)
            elif not re.search(r"\bforc(?:ed|ing)\b", before):
                continue
        if status is None and _INTENT.search(before) and not _ATTEMPT.search(before):
            continue
        own_act = bool(
            grammar and head and t.type == "withdrawal" and grammar.has_own_subject(head, actors)
        )
        if _not_a_new_action(text, t, parsed=head is not None) and not own_act:
            continue
        if _cause_or_prisoners(before, t):
            continue
        kept.append(t)
    out = []
    own_time = _clauses_with_own_time(clauses[1:], [a for a, _ in time_spans])
    cuts = [c.start - offset for c in own_time]
    if grammar is not None:  # a clause with its own subject tells its own act
        cuts += [start - offset for start in grammar.clause_starts(actors)]
    for part in _parts(text, kept, cuts):
        out += _strongest(part)
    # "clashes erupted, after ISIL attempted to infiltrate the area": the fighting that an
    # attack of the same time started is that attack, not a clash of its own
    time_cuts = [c.start - offset for c in own_time]
    merged: list[Trigger] = []
    for part in _parts(text, out, time_cuts):
        if any(t.type == "attack" and not t.weak for t in part):
            part = [t for t in part if not (t.type == "clash" and t.weak)]
        merged += part
    return merged


# Adjectives that place an action noun before the story's present: told already or background
# ("following an earlier ISIL counterattack", "after the previous assault")
_BEFORE_NOW = frozenset({"earlier", "previous", "prior", "preceding", "former"})


def _means_or_told(grammar: SentenceGrammar, noun, capture_heads: set[int]) -> bool:
    """An action noun that is not an act of its own: the subject of a capture verb is the
    means of the capture ("a joint attack by ISIL captured the village": one capture), and
    one called earlier or previous was told before ("following an earlier counterattack")."""
    if noun is None:
        return False
    p = grammar.parse
    if noun.dep == "nsubj" and noun.head in capture_heads:
        return True
    return any(c.text.lower() in _BEFORE_NOW for c in p.children(noun.i, "amod"))


def _asserted(grammar: SentenceGrammar, t: Trigger, offset: int) -> bool:
    """The parse tells the trigger's action as done (not a purpose, intention, negation)."""
    head = grammar.action(offset + t.start, offset + t.end)
    return head is None or grammar.status(head) is None


def _clauses_with_own_time(clauses: list[Clause], time_starts: list[int]) -> list[Clause]:
    times = sorted(time_starts)
    out = []
    for clause in clauses:
        i = bisect_left(times, clause.start)
        if i < len(times) and times[i] < clause.end:
            out.append(clause)
    return out


def _parts(text: str, triggers: list[Trigger], clause_cuts: list[int]) -> list[list[Trigger]]:
    """Triggers grouped by the parts of the sentence that tell actions of their own: after a
    semicolon ("X was found dead; meanwhile, nine soldiers were killed by IS"), or a clause
    with its own time ("..., and on 18 April, 13 fighters were killed in clashes, while on
    20 April, IS attempted to attack ...")."""
    cuts = {m.start() for m in re.finditer(";", text)} | set(clause_cuts)
    ordered = sorted(cuts)
    parts: dict[int, list[Trigger]] = {}
    for t in triggers:
        parts.setdefault(bisect_right(ordered, t.start), []).append(t)
    return [parts[k] for k in sorted(parts)]


def _strongest(kept: list[Trigger]) -> list[Trigger]:
    """Weak and soft triggers give way to stronger ones of the same stretch of text."""
    strong_types = {t.type for t in kept if not t.weak and not _is_soft(t)}
    weak_clash = any(t.weak and t.type == "clash" for t in kept)
    # a withdrawal outranks no weak battle: it gives way to it ("entered the base, but
    # retreated": the entry is the event, GUIDELINES 1b)
    any_strong = any(not k.weak and k.type != "withdrawal" for k in kept)
    # a soft trigger ("targeting") gives way to a strong attack, not to a weak one ("killed")
    strong_attack = any(not k.weak and not _is_soft(k) and k.type == "attack" for k in kept)
    # a battle told here: a weak one only counts when it stays (nothing stronger is told), so
    # "entered the base, but retreated" keeps one of the two
    battle = any(t.type in ("capture", "attack", "clash") for t in kept)
    out = []
    for t in kept:
        if t.type == "withdrawal" and battle:
            continue  # the flip side of a battle told here (GUIDELINES 1b)
        if t.weak and any_strong:
            continue
        if t.weak and t.type == "attack" and weak_clash:
            continue
        if (
            _is_soft(t)
            and (strong_types - {"attack"} or strong_attack)
            # "advanced", "targeting" name the action only when nothing stronger does
            and not (_ADVANCE.match(t.text) and "capture" not in strong_types)
            and not (_ASSAULT.match(t.text) and strong_types == {"capture"})
        ):
            continue
        out.append(t)
    return out


# "retreated under heavy artillery fire", "due to (potential) shelling", "an increase in
# refugees caused by the bombardment": the cause of another act; "with the help of / backed
# by Russian airstrikes" qualifies the attack (GUIDELINES 1b)
_CAUSE_BEFORE = re.compile(
    r"\b(?:(?<!came )(?<!come )(?<!coming )under|due to|because of|caused by|amid|with the help of|"
    r"backed(?:[- ]up)? by|supported by|"
    r"aided by|with the support of|with support from)\s+(?:[\w.-]+\s+){0,2}$",
    re.I,
)
# "50 soldiers ... were captured": people taken prisoner, not ground taken
_PEOPLE = "soldiers troops fighters militants civilians people members officers personnel men"
_PEOPLE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_PEOPLE.split())})(?:\s+[\w-]+){{0,5}}?\s+(?:\w+ly\s+)?$", re.I
)


def _cause_or_prisoners(before: str, t: Trigger) -> bool:
    """A strike named as the cause of another act, or people (not places) captured."""
    if t.type in ("shelling", "airstrike") and _CAUSE_BEFORE.search(before):
        return True
    return (
        t.type == "capture"
        and t.voice == "passive"
        and bool(_PEOPLE_BEFORE.search(before[-40:]))
    )


_ANAPHORIC = re.compile(r"\b(?:the|the same|this|that|these|its|their)\s+(?:[\w-]+\s+)?$", re.I)
# the last word before a verb names an act ("the attack killed", "the blast injured")
_ACT_NOUN_LAST = re.compile(
    r"\b(?:(?:counter-?)?attacks?|assaults?|(?:counter-?)?offensives?|raids?|blasts?|"
    r"explosions?|bombings?|bombs?|strikes?|airstrikes?|air\s+strikes?|shelling|fighting|"
    r"clashes|battles?|ambush(?:es)?|operations?|push|advance|fire|barrages?|"
    r"bombardments?|incursions?|infiltration|same|this|that|these|those|it)\s+$",
    re.I,
)


# "the Army counter-attack started", "their assault began at dawn": an act told as it begins
_BEGINS = re.compile(
    r"\s+(?:\w+ly\s+)?(?:started|began|commenced|kicked\s+off|got\s+under\s*way)\b", re.I
)


_DEFINITE_AFTER_PREP = re.compile(
    r"\b(?:in|during|after|following|since|from|for)\s+(?:the|that|this|these|those)\s+"
    r"(?:same\s+|latest\s+|previous\s+)?$",
    re.I,
)
_ACTION_NOUN_SUBJECT = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?"  # "the ISIL counterattack was repelled"
    r"(?:attack|assault|offensive|advance|attempt|push|raid|counter-?attack|counter-?offensive)s?"
    r"\s+(?:\w+ly\s+)?(?:being\s+|was\s+|were\s+|had\s+been\s+)?$",
    re.I,
)
# A light verb that starts the act its definite noun names: "resumed their offensive",
# "launched its assault" tell a new act, not one told before.
_STARTS_THE_ACT = re.compile(
    r"\b(?:launched|resumed|renewed|restarted|began|started|initiated|mounted|unleashed)\s+"
    r"(?:the|its|their|this)\s+(?:[\w-]+\s+)?$",
    re.I,
)


# Forces named as company of the actor ("alongside Russian reinforcements").
_COMPANY = re.compile(
    r"\b(?:alongside|along\s+with|together\s+with|backed\s+by|supported\s+by|aided\s+by)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# "By 23 September", "by the end of 2017": the state reached by then, a change of control.
_BY_DATE = re.compile(
    rf"\b[Bb]y\s+(?:the\s+(?:end|middle|start)\s+of\s+|early\s+|mid-?|late\s+)?"
    rf"(?:\d{{1,2}}\s+)?(?:{_MONTHS}|\d{{4}})\b"
)


# The bombers or bombs an attack uses are its means, not an action of their own.
_INSTRUMENT = re.compile(
    r"\b(?:involving|using|employing|deploying|left\s+behind|spearheaded\s+by|led\s+by|"
    r"including)"
    r"\s+(?:(?:an?|the|several|multiple|dozens\s+of|\d+|[a-z]+)\s+)?$",
    re.I,
)


_REDUCED_RELATIVE = re.compile(r"\b(?:previously|recently|already|formerly|once)\s+$", re.I)


_SUBORDINATE = re.compile(r"\b(?:after|as|since|because|before)\s+(?:[\w'-]+\s+){0,4}$", re.I)


_PEOPLE_TAKEN = re.compile(
    r"^\s*(?:\S+\s+){0,1}(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|forty|dozens|"
    r"several|[a-z]+ty)\s+(?:[\w-]+\s+)?(?:defenders|soldiers|fighters|militants|rebels|people|"
    r"prisoners|civilians|members|troops)\b",
    re.I,
)


_HEARSAY = re.compile(
    r"\b(?:amid|despite|following)\s+(?:unconfirmed\s+)?(?:information|reports|rumou?rs|claims|"
    r"speculation)\s+(?:about|of|that)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


_MATERIEL = re.compile(
    r"\s+(?:the\s+|their\s+|its\s+|large\s+quantities\s+of\s+|\d+\s+|several\s+)?"
    r"(?:[\w-]+\s+)?(?:cargo|weapons?|arms|ammunition|equipment|vehicles?|tanks?|trucks?|"
    r"guns?|supplies|materiel|munitions|rifles|documents|money|"
    r"oil(?![\s-]+(?:and\s+gas\s+)?(?:fields?|wells?|stations?|refiner\w*|facilit\w*|plants?)))\b",
    re.I,
)


_OBJECT_NOT_GROUND = re.compile(
    r"\s+(?:the\s+)?(?:(?:land)?mines|explosives|IEDs|rubble|unexploded|booby[- ]traps)\b", re.I
)


_DEMINING = re.compile(
    r"\b(?:clear(?:ed|ing)?|remov(?:ed|ing)|defus(?:ed|ing)|dismantl(?:ed|ing)|swept|sweeping|"
    r"clean(?:ed|ing)?|destroy(?:ed|ing)|intercept(?:ed|ing))\s+(?:the\s+|of\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


# "Four days after ISIL regained the villages, the rebels ...": the act that anchors a
# relative date was told before; it is the reference point, not a new event.
_ANCHOR_OF_OFFSET = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a few|several)\s+"
    r"(?:days?|weeks?|months?|hours?)\s+(?:after|before)\s+(?:[\w'-]+\s+){0,5}$",
    re.I,
)


# "following two days of fighting", "The first day of fighting left 70 dead": the length
# or a part of a battle told in the same or an earlier sentence.
_DURATION_OF = re.compile(
    r"\b(?:hours?|days?|weeks?|months?|nights?)\s+of\s+"
    r"(?:(?:heavy|fierce|intense|bitter|street|renewed)\s+)?$",
    re.I,
)


# a withdrawal forced on a side or done: "were forced to withdraw", "managed to pull back"
_MADE_TO = re.compile(
    r"\b(?:forc(?:ed|ing)|compell(?:ed|ing)|obliged|managed|began|started|proceeded)"
    r"\s+(?:[\w-]+\s+){0,3}?to\s+$",
    re.I,
)
# A kill whose cause is a definite act told before: "killed 35 soldiers due to the explosion"
_TOLL_OF_TOLD = re.compile(
    r"[^.;]{0,60}?\b(?:due to|because of|in|during|from) the (?:[\w-]+\s+)?"
    r"(?:explosion|blast|bombing|attack|ambush|assault|strike|airstrikes?|shelling)\b",
    re.I,
)
# A battle named as the time of a retreat (GUIDELINES 1b: no withdrawal beside a battle)
DURING_BATTLE = re.compile(
    r"\b(?:during|amid|in)\s+(?:the|an?)\s+(?:[\w'-]+\s+){0,2}"
    r"(?:advance|attack|assault|offensive|counter-?attack|counter-?offensive|push|battle|"
    r"fighting|clashes)\b",
    re.I,
)


def _not_a_new_action(text: str, t: Trigger, parsed: bool = False) -> bool:
    """Mentions of an action that is not a new event of its own.

    "the attack was repelled", "during the clashes" (anaphora: told before); "territory
    previously captured" (a reduced relative clause); "retreating forces", "the retreat"
    (a participle or noun, not a withdrawal); "capturing forty defenders" (prisoners, not
    places: read from the parse's object when ``parsed``); "after ISIL withdrew" (a
    subordinate clause giving the reason of another event); "after capturing the city"
    (the gain another act followed, told before).
    """
    before = text[max(0, t.start - 40) : t.start]
    after = text[t.end : t.end + 50]
    lowered = t.text.lower()
    if (
        t.type == "clash"
        and t.text[:1].isupper()
        and before.strip()
        and not re.search(r"[:;–—-]\s*$", before)  # "9–11 March: Clashes ..." opens a line
    ):
        return True  # "the Battle of X", "Battle to Restore Dignity": a name, not a clash
    if (t.voice == "noun" or t.weak) and re.match(
        r"\s+continued\s+(?:in|into|throughout|along|across|to|around|near|until|for|between)\b",
        after,
    ):
        # "IS attacks continued in the area", "Clashes continued until / between ...": ongoing
        return True
    if (
        t.type == "capture"
        and lowered.endswith("ing")
        and re.search(r"\b(?:after|since|following)\s+$", before, re.I)
    ):
        return True  # "a purge ISIL began after capturing the city": the capture told before
    if re.match(r"(?:re)?launched$", lowered) and re.search(r"\b(?:was|were)\s+$", before):
        return True  # "The offensive was launched on two fronts": told already
    # "the rebels clashed with", "the Army entered X", "the rebels killed 12 soldiers": a
    # verb after "the X" has X as its subject and tells a new act, unless X is an act
    # itself ("the attack killed 12": the toll of a told act); a noun after "the" ("the
    # renewed clashes") refers back
    verb_form = (
        t.voice != "noun"
        and "repel" not in lowered  # "the attack ... was repelled": told before
        and (lowered.endswith("ed") or lowered == "fought")
    )
    subject_told = verb_form and not _ACT_NOUN_LAST.search(before)
    if (
        (t.voice == "noun" or t.weak or "repel" in lowered)
        and t.type != "capture"
        and not subject_told
        and _ANAPHORIC.search(before)
        and not ("repel" in lowered and re.match(r"\s+(?:an?|another)\b", after))
        and not _BEGINS.match(after)
        and not (t.voice == "noun" and _STARTS_THE_ACT.search(before))
    ):
        return True
    if "repel" in lowered and re.match(
        r"\s+(?:the|this|that)\s+(?:assault|attack|offensive)", after
    ):
        return True
    if t.weak and _TOLL_OF_TOLD.match(text, t.end):
        return True  # "rebels killed 35 soldiers due to the explosion": the toll of a told act
    if t.type == "withdrawal" and DURING_BATTLE.search(text):
        return True  # "During the ISIL advance, rebels retreated": the flip side of a battle
    if t.type in ("clash", "attack") and _DURATION_OF.search(before):
        return True  # "after four hours of fighting": how long a told battle lasted
    if _ANCHOR_OF_OFFSET.search(text[max(0, t.start - 80) : t.start]):
        return True  # "two days after the army captured X": the anchor, told before
    if t.type != "capture" and _DEFINITE_AFTER_PREP.search(before):
        return True  # "killed in the ambush", "responsibility for the bombing": told before
    if "repel" in lowered and _ACTION_NOUN_SUBJECT.search(before):
        return True  # "with the attack eventually being repelled": told before
    if re.search(r"\b(?:no|not|never|without)\s+(?:[\w-]+\s+){0,2}$", before, re.I):
        return True
    if (
        lowered.endswith("ed")
        and " " not in lowered  # "the coalition bombed": the article is the subject's
        and not t.text.isupper()  # "an IED" is a noun (an acronym), not a participle
        and re.search(r"\b(?:an?|the|its|their|several)\s+$", before)
    ):
        return True  # "an abandoned base", "the besieged garrison": an adjective
    if _HEARSAY.search(text[max(0, t.start - 70) : t.start]):
        return True  # "amid information about pulling back": not asserted
    if (
        t.type == "capture"
        and t.voice == "noun"
        and re.search(r"\b(?:the|its|their)\s+$", before)
        and not re.search(r"\b(?:announced|claimed|confirmed|reported|declared)\s+the\s+$", before)
    ):
        return True  # "after the capture of the station": an event told before
    if t.type == "capture" and _REDUCED_RELATIVE.search(before):
        return True
    if t.type == "capture" and not parsed and _PEOPLE_TAKEN.match(after):
        return True
    if t.type == "capture" and _MATERIEL.match(after):
        return True  # "capturing the cargo", "seized weapons": spoils, not ground
    if t.type == "capture" and _OBJECT_NOT_GROUND.match(after):
        return True  # "clearing mines": demining, not taking ground
    if t.type == "bombing" and _DEMINING.search(before):
        return True
    if t.type == "deployment" and _COMPANY.search(before):
        return True  # "the Army alongside Russian reinforcements recaptured": who, not an act
    if "in control of" in lowered and not _BY_DATE.search(text):
        return True  # "was in control of X" is a state; "By 23 September, ... in control of X"
    if t.type == "bombing" and _INSTRUMENT.search(before):
        return True  # "an attack involving suicide bombers", "by using 10 SVBIEDs": the means
    if t.type == "withdrawal" and (
        _SUBORDINATE.search(before)
        or (re.search(r"\bto\s+$", before) and not _MADE_TO.search(before))
    ):
        return True  # "after ISIL withdrew", "to withdraw"; not "were forced to withdraw"
    return t.voice == "noun" and bool(re.match(r"\s+(?:entered|coincided|was meant|aimed)", after))


# GUIDELINES 1b: "launched / stormed ..., capturing X" is an attack AND a capture (unlike
# "advanced ..., capturing X", a capture only): the assault stands beside the gain.
_ASSAULT = re.compile(r"storm|breach|(?:re)?launched$", re.I)
_SOFT = re.compile(
    r"advanc|target|storm|breach|broke|break|push|(?:re)?launched$"
    r"|ma(?:de|king) .*(?:progress|headway|inroads)|continu\w+ \w+ (?:[\w-]+ )?advance",
    re.I,
)
# ground gained with no place stated taken: "advanced", "made progress" (GUIDELINES 1b: beside a
# capture in the same stretch, the capture alone)
_ADVANCE = re.compile(
    r"advanc|ma(?:de|king) .*(?:progress|headway|inroads)|continu\w+ \w+ (?:[\w-]+ )?advance",
    re.I,
)


def _is_soft(t: Trigger) -> bool:
    """Verbs that name the action only when no stronger verb does ("stormed ... and captured")."""
    return (
        t.type == "attack"
        and t.voice == "active"
        and bool(_SOFT.match(t.text))
        # GUIDELINES 1b: "advanced to within N km of X" is an attack of its own
        and " within " not in t.text
    )


# Longer than a season: "between 2016 and 2017" pins no month ("between January and April"
# still tells one campaign, as the gold codes it)
_LONGEST_SPAN_DAYS = 183


def pinned_to_a_month(drafts: list[Draft]) -> list[Draft]:
    """GUIDELINES 1b: an event is pinned at least to a month; "By 2019, ... ambushes and
    clashes" dated by a year alone, or "a series of campaigns between 2016 and 2017", is a
    summary, not an event."""
    return [
        d
        for d in drafts
        if d.date is None
        or (
            d.date.precision != "year"
            and (d.date.end - d.date.start).days <= _LONGEST_SPAN_DAYS
        )
    ]


def one_per_type(triggers: list[Trigger]) -> list[Trigger]:
    seen: set[str] = set()
    out = []
    for t in triggers:
        if t.type in seen:
            continue
        seen.add(t.type)
        out.append(t)
    return out
