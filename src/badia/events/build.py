"""Events from a structured document: clause by clause, with the narrative time walking along.

For each body sentence: find time expressions, actors, triggers, counts and claimants
(stage "mentions"), cut the sentence into clauses, make one event per action type and
initiating side in a clause, read roles from the clause, date it from the clause, the
sentence or the narrative reference (GUIDELINES: relative dates count from the last
explicit event date), and attach the casualties and the claimant the clause states.
Sentences that state aggregate counts over a period become tallies instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from badia.events import roles
from badia.events.acled import acled_types
from badia.events.casualties import Casualty, find_casualties
from badia.events.clauses import Clause, split_clauses
from badia.events.tallies import TallyReader
from badia.mentions.actors import find_actors
from badia.mentions.claimants import Claim, find_claims
from badia.mentions.places import event_places, find_places
from badia.mentions.triggers import Trigger, find_triggers
from badia.model import Document, Event, Fatality, Mention, Tally, TimeValue
from badia.time import Narrative, find_times, year_from_title

_SKIP_SECTIONS = re.compile(
    r"^\s*(?:see also|references|notes|external links|further reading|bibliography|sources|"
    r"citations|footnotes|gallery|order of battle)\s*$",
    re.I,
)
# Sentences that define the article's subject or state aims, habits or intentions.
_NOT_AN_EVENT = re.compile(
    r"^(?:The|This) [\w ()–-]{0,80}? (?:was|is) (?:a|an|the) (?:[\w-]+ ){0,4}"
    r"(?:campaign|offensive|operation|battle|series|military)\b"
    r"|\b(?:continued throughout|continued into|have been|had been waging|"
    r"throughout the summer|the aim of|their goal|its goal|was meant to|were meant to|"
    r"wanted to|wants to|intended to|intends to|planned to|plans to|hoped to|would be|"
    r"(?:have|has) (?:\w+ )?(?:documented|been|recorded|continued)|assessed that)\b",
    re.I,
)
# "to <verb>" of purpose; an attempt is still an action ("attempts to recapture" = attack).
_PURPOSE = re.compile(r"\b(?:in order to|so as to|to)\s+$", re.I)
_ATTEMPT = re.compile(r"\b(?:attempts?|attempted|tried|trying|sought|efforts?)\s+to\s+$", re.I)
_SUCCESS = re.compile(r"\b(?:managed|continued|began|started|moved|went on)\s+to\s+$", re.I)
_INTENT = re.compile(
    r"\b(?:goal|aim|aimed|plan|planned|planning|intention|wanted|wants|would|"
    r"hopes?|intends?|in an attempt|preparation|anticipation)\b[\w ,'-]{0,40}$",
    re.I,
)
_BATTLE_TYPES = {"attack", "clash", "ambush", "capture"}
_FIGHTING_SIDES = ("government", "islamic_state", "opposition", "russia", "coalition")
_NEWS_NEEDS_TIME = True  # news prose is mostly background: an event needs a time in its sentence


@dataclass
class _Draft:
    clause: Clause
    sentence_start: int
    sentence_end: int
    type: str
    trigger: Trigger
    actor1: list[Mention]
    actor2: list[Mention]
    date: TimeValue | None
    places: list[Mention] = field(default_factory=list)
    casualties: list[tuple[Casualty, str | None]] = field(default_factory=list)
    source: str | None = None
    lead: bool = False
    dated: bool = False  # the clause states its own calendar date ("On 2 March, ...")


@dataclass
class _State:
    last_actor1: list[Mention] = field(default_factory=list)
    last_side1: str | None = None
    last_actor2: list[Mention] = field(default_factory=list)


def build_events(document: Document) -> tuple[list[Event], list[Tally]]:
    """Events and tallies of one document (no state kept between documents)."""
    narrative = Narrative(published=document.published, default_year=_default_year(document))
    side_counts: Counter[str] = Counter()
    tally_reader = TallyReader(document)
    period = _document_period(document)
    drafts: list[_Draft] = []
    state = _State()
    for section in document.sections:
        if section.heading and _SKIP_SECTIONS.match(section.heading):
            continue
        if section.heading:
            narrative.enter_heading(section.heading, section.level)
        for paragraph in section.paragraphs:
            tally_reader.new_paragraph()
            state = _State()
            paragraph_drafts: list[_Draft] = []
            for sentence in paragraph.sentences:
                orphans: list[tuple[Casualty, str | None]] = []
                for draft in _read_sentence(
                    document,
                    sentence.text,
                    sentence.start,
                    sentence.end,
                    narrative,
                    state,
                    tally_reader,
                    lead=section.heading is None,
                    orphans=orphans,
                    side_counts=side_counts,
                    period=period,
                ):
                    if not draft.places and paragraph_drafts:
                        # "in the region", "the city": the paragraph's last named place
                        draft.places = list(paragraph_drafts[-1].places)
                    if not _fold_into(paragraph_drafts, draft):
                        paragraph_drafts.append(draft)
                _attach_orphans(paragraph_drafts, orphans)
            drafts.extend(paragraph_drafts)
    drafts = _drop_restatements(drafts, period)
    opponents = _opponents(side_counts)
    events = [_to_event(document, d, opponents, i) for i, d in enumerate(drafts)]
    tallies = tally_reader.tallies + tally_reader.infobox_note_tallies()
    return events, tallies


def _default_year(document: Document) -> int | None:
    year = year_from_title(document.title or "")
    if year is None and document.infobox and document.infobox.phases:
        first = document.infobox.phases[0].start
        year = first.year if first else None
    if year is None and document.published:
        year = document.published.year
    return year


def _read_sentence(
    document: Document,
    text: str,
    start: int,
    end: int,
    narrative: Narrative,
    state: _State,
    tally_reader: TallyReader,
    lead: bool,
    orphans: list[tuple[Casualty, str | None]],
    side_counts: Counter[str],
    period: TimeValue | None,
) -> list[_Draft]:
    """The events of one sentence; a toll stated without an action goes to ``orphans``."""
    times = find_times(text, start)
    actors = roles.merge_adjacent(find_actors(text, start), text, start)
    side_counts.update(a.side for a in actors if a.side in _FIGHTING_SIDES)
    time_spans = [(t.start, t.end) for t in times]
    casualties_all = find_casualties(text, start, actors, time_spans)
    claims = find_claims(text)
    if tally_reader.read(text, start, times, actors, casualties_all, claims, narrative):
        return []
    if _NOT_AN_EVENT.search(text):
        return []
    if document.format == "news" and _NEWS_NEEDS_TIME and not times:
        return []
    if not times and re.search(
        r"\bcontinued\s+(?:to\s+)?\w+ing\b|\bcontinued\b.*\b(?:until|throughout)\b", text
    ):
        return []
    triggers = _usable_triggers(text, find_triggers(text), actors, start, time_spans)
    if not triggers:
        claimant = claims[0].claimant if claims else None
        orphans.extend((c, claimant) for c in casualties_all)
        return []
    actor_spans = [(a.start, a.end) for a in actors]
    places = find_places(text, start, actor_spans + time_spans)
    sentence_date = _first_value(times, narrative, period)
    drafts: list[_Draft] = []
    previous_subject: list[Mention] = []
    for clause in split_clauses(text, start):
        c_triggers = [t for t in triggers if clause.start <= start + t.start < clause.end]
        c_actors = [a for a in actors if clause.start <= a.start and a.end <= clause.end]
        c_times = [t for t in times if clause.start <= t.start and t.end <= clause.end]
        if c_times and all(t.prep == "since" for t in c_times):
            continue  # "had besieged the city since 2015": a state, not a dated action
        own_date = _first_value(c_times, narrative, period)
        date = own_date or sentence_date or narrative.reference
        if own_date is not None and own_date.precision != "year":
            narrative.advance(own_date)
        if date is None or not c_triggers:
            continue
        for trigger in _one_per_type(c_triggers):
            shifted = Trigger(
                trigger.type,
                trigger.voice,
                trigger.weak,
                trigger.text,
                start + trigger.start - clause.start,
                start + trigger.end - clause.start,
            )
            actor1, actor2 = _roles(clause, c_actors, shifted, previous_subject, state)
            if actor1 is None:
                continue
            previous_subject = actor1 or previous_subject
            draft = _Draft(
                clause,
                start,
                end,
                trigger.type,
                shifted,
                actor1,
                actor2,
                date,
                lead=lead,
                dated=any(not t.relative for t in c_times) and own_date is not None,
            )
            draft.places = event_places([p for p in places if clause.start <= p.start < clause.end])
            draft.source = _clause_claim(claims, clause, start)
            drafts.append(draft)
            if actor1:
                state.last_actor1, state.last_side1 = actor1, actor1[0].side
            if actor2:
                state.last_actor2 = actor2
    if not drafts:
        claimant = claims[0].claimant if claims else None
        orphans.extend((c, claimant) for c in casualties_all)
    if drafts:
        _attach_casualties(drafts, casualties_all, claims, start)
        if not any(d.places for d in drafts):
            for d in drafts:
                d.places = event_places(places)[:3]
    return _merge_same_action(drafts)


_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}
# a written date beats a weekday or "yesterday", which beat "two days later"
_KIND_RANK = {"weekday": 1, "deictic": 1, "relative": 2, "anchor": 2}


def _first_value(times, narrative: Narrative, period: TimeValue | None) -> TimeValue | None:
    """The clause's date: the most precise one it states; written dates before relative ones."""
    best: tuple[int, bool, int] | None = None
    chosen: TimeValue | None = None
    for t in times:
        value = _background_year(t, narrative.resolve(t), narrative, period)
        if value is None:
            continue
        key = (_PRECISION_RANK[value.precision], _KIND_RANK.get(t.kind, 0), t.start)
        if best is None or key < best:
            best, chosen = key, value
    return chosen


def _background_year(
    expr, value: TimeValue | None, narrative: Narrative, period: TimeValue | None
) -> TimeValue | None:
    """A yearless date told before the story starts, that would fall after the period the
    document is about, is background from the year before: an article on a January-March
    2017 offensive recalling "the capture of the city from 8 to 11 December"."""
    if (
        value is None
        or period is None
        or expr.year is not None
        or expr.year2 is not None
        or expr.relative
        or narrative.reference is not None
        or narrative.year != narrative.default_year
        or value.start <= period.end + timedelta(days=31)
    ):
        return value
    try:
        earlier = TimeValue(
            start=value.start.replace(year=value.start.year - 1),
            end=value.end.replace(year=value.end.year - 1),
            precision=value.precision,
        )
    except ValueError:  # 29 February
        return value
    return earlier if earlier.start <= period.end else value


def _document_period(document: Document) -> TimeValue | None:
    """The span the document is about, from its infobox phases."""
    if document.infobox is None:
        return None
    starts = [p.start for p in document.infobox.phases if p.start]
    ends = [p.end for p in document.infobox.phases if p.end]
    if not starts or not ends:
        return None
    return TimeValue(start=min(starts), end=max(ends), precision="range")


def _usable_triggers(
    text: str,
    triggers: list[Trigger],
    actors: list[Mention],
    offset: int,
    time_spans: list[tuple[int, int]],
) -> list[Trigger]:
    """Drop triggers inside names or dates, of purpose or intention, and weak duplicates."""
    kept: list[Trigger] = []
    for t in triggers:
        a, b = offset + t.start, offset + t.end
        if any(s <= a and b <= e for s, e in time_spans):
            continue
        inside_actor = any(m.start <= a and b <= m.end for m in actors)
        if inside_actor and t.type not in ("airstrike",):
            continue
        before = text[max(0, t.start - 60) : t.start]
        if _PURPOSE.search(before) and not _SUCCESS.search(before):
            if _ATTEMPT.search(before):
                t = Trigger("attack", "active", False, t.text, t.start, t.end)
            elif not re.search(r"\bforc(?:ed|ing)\b", before):
                continue
        if _INTENT.search(before) and not _ATTEMPT.search(before):
            continue
        if _not_a_new_action(text, t):
            continue
        kept.append(t)
    strong_types = {t.type for t in kept if not t.weak and not _is_soft(t)}
    weak_clash = any(t.weak and t.type == "clash" for t in kept)
    out = []
    for t in kept:
        if t.weak and any(not k.weak for k in kept):
            continue
        if t.weak and t.type == "attack" and (weak_clash or any(not k.weak for k in kept)):
            continue
        if _is_soft(t) and (
            strong_types - {"attack"} or any(not _is_soft(k) and k.type == "attack" for k in kept)
        ):
            # "advanced", "targeting" name the action only when nothing stronger does
            if t.text.lower().startswith("advanc") and "capture" not in strong_types:
                pass
            else:
                continue
        out.append(t)
    return out


_ANAPHORIC = re.compile(r"\b(?:the|the same|this|that|these|its|their)\s+(?:[\w-]+\s+)?$", re.I)
_REDUCED_RELATIVE = re.compile(r"\b(?:previously|recently|already|formerly|once)\s+$", re.I)
_SUBORDINATE = re.compile(r"\b(?:after|as|since|because|before)\s+(?:[\w'-]+\s+){0,4}$", re.I)
_PEOPLE_TAKEN = re.compile(
    r"^\s*(?:\S+\s+){0,1}(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|forty|dozens|"
    r"several|[a-z]+ty)\s+(?:[\w-]+\s+)?(?:defenders|soldiers|fighters|militants|rebels|people|"
    r"prisoners|civilians|members|troops)\b",
    re.I,
)


_NOUN_AS_PASSIVE_SUBJECT = re.compile(
    r"\s+(?:were|was)\s+(?:also\s+)?"
    r"(?:conducted|launched|carried out|mounted|staged|made|reported)\b",
    re.I,
)
_HEARSAY = re.compile(
    r"\b(?:amid|despite|following)\s+(?:unconfirmed\s+)?(?:information|reports|rumou?rs|claims|"
    r"speculation)\s+(?:about|of|that)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_OBJECT_NOT_GROUND = re.compile(
    r"\s+(?:the\s+)?(?:(?:land)?mines|explosives|IEDs|rubble|unexploded|booby[- ]traps)\b", re.I
)
_DEMINING = re.compile(
    r"\b(?:clear(?:ed|ing)?|remov(?:ed|ing)|defus(?:ed|ing)|dismantl(?:ed|ing)|swept|sweeping|"
    r"clean(?:ed|ing)?)\s+(?:the\s+|of\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def _not_a_new_action(text: str, t: Trigger) -> bool:
    """Mentions of an action that is not a new event of its own.

    "the attack was repelled", "during the clashes" (anaphora: told before); "territory
    previously captured" (a reduced relative clause); "retreating forces", "the retreat"
    (a participle or noun, not a withdrawal); "capturing forty defenders" (prisoners, not
    places); "after ISIL withdrew" (a subordinate clause giving the reason of another event).
    """
    before = text[max(0, t.start - 40) : t.start]
    after = text[t.end : t.end + 50]
    lowered = t.text.lower()
    if t.type == "clash" and t.text[:1].isupper() and before.strip():
        return True  # "the Battle of X", "Battle to Restore Dignity": a name, not a clash
    if t.voice == "noun" and re.match(
        r"\s+continued\s+(?:in|into|throughout|along|across|to)\b", after
    ):
        return True  # "IS attacks continued in the area": habitual
    if re.match(r"(?:re)?launched$", lowered) and re.search(r"\b(?:was|were)\s+$", before):
        return True  # "The offensive was launched on two fronts": told already
    if (
        (t.voice == "noun" or t.weak or "repel" in lowered)
        and t.type != "capture"
        and _ANAPHORIC.search(before)
        and not ("repel" in lowered and re.match(r"\s+(?:an?|another)\b", after))
    ):
        return True
    if "repel" in lowered and re.match(
        r"\s+(?:the|this|that)\s+(?:assault|attack|offensive)", after
    ):
        return True
    if re.search(r"\b(?:no|not|never|without)\s+(?:[\w-]+\s+){0,2}$", before, re.I):
        return True
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
    if t.type == "capture" and _PEOPLE_TAKEN.match(after):
        return True
    if t.type == "capture" and _OBJECT_NOT_GROUND.match(after):
        return True  # "clearing mines": demining, not taking ground
    if t.type == "bombing" and _DEMINING.search(before):
        return True
    if t.type == "withdrawal" and (_SUBORDINATE.search(before) or re.search(r"\bto\s+$", before)):
        return True
    return t.voice == "noun" and bool(re.match(r"\s+(?:entered|coincided|was meant|aimed)", after))


def _is_soft(t: Trigger) -> bool:
    """Verbs that name the action only when no stronger verb does ("stormed ... and captured")."""
    return (
        t.type == "attack"
        and t.voice == "active"
        and bool(re.match(r"advanc|target|storm|broke|break|push|(?:re)?launched$", t.text, re.I))
    )


def _one_per_type(triggers: list[Trigger]) -> list[Trigger]:
    seen: set[str] = set()
    out = []
    for t in triggers:
        if t.type in seen:
            continue
        seen.add(t.type)
        out.append(t)
    return out


def _roles(
    clause: Clause,
    actors: list[Mention],
    trigger: Trigger,
    previous_subject: list[Mention],
    state: _State,
) -> tuple[list[Mention] | None, list[Mention]]:
    """(actor1, actor2) of the trigger; actor1 None means 'not an event'."""
    text, off = clause.text, clause.start
    voice = trigger.voice
    actor1: list[Mention] = []
    actor2: list[Mention] = []
    lowered = trigger.text.lower()
    inside = [a for a in actors if a.start - off <= trigger.start and trigger.end <= a.end - off]
    if inside:
        return inside, roles.objects_after(text, off, actors, trigger.end, inside)
    if trigger.type == "attack" and trigger.weak and "kill" in lowered:
        if not re.search(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens)\b",
            text,
        ):
            return None, []
        passive = voice == "passive" or lowered.endswith(" by")
        if passive:
            agent = roles.agent_right_after(
                text, off, actors, trigger.end, marker=""
            ) or roles.agent_after(text, off, actors, trigger.end)
        else:
            agent = roles.subject_actors(text, off, actors, trigger.start)
        agent = [a for a in agent if not roles.is_speaker(text, off, a)]
        if not agent:
            return None, []  # "four rebels were killed": a toll of an event told elsewhere
        victims = (
            roles.subject_actors(text, off, actors, trigger.start)
            if passive
            else roles.objects_after(text, off, actors, trigger.end, agent)
        )
        return agent, [a for a in victims if a not in agent]
    if trigger.type == "clash" and trigger.weak:
        named = [a for a in actors if a.side != "unknown" or a.value != 1]
        if named:
            first = named[0]
            return [first], [a for a in named[1:] if a.side != first.side][:1]
    if trigger.type in ("airstrike", "shelling", "bombing") and re.search(
        r"\b(?:in|by|from|after|following)\s+(?:an?\s+|the\s+|several\s+|multiple\s+|"
        r"two\s+|heavy\s+)?(?:[\w-]+\s+){0,2}$",
        text[: trigger.start],
    ):
        agent = roles.modifier_before(text, off, actors, trigger) or roles.agent_after(
            text, off, actors, trigger.end
        )
        victims = roles.subject_actors(text, off, actors, trigger.start)
        return agent, [a for a in victims if a not in agent]
    if "repel" in lowered:
        subject = roles.subject_actors(text, off, actors, trigger.start)
        after = roles.agent_after(text, off, actors, trigger.end)
        if voice == "passive":
            actor1 = subject or roles.modifier_before(text, off, actors, trigger)
            actor2 = after
        else:
            actor1 = roles.objects_after(text, off, actors, trigger.end, [])
            actor2 = subject
            if not actor1:
                return None, []
    elif voice == "passive" and re.search(r"\b(?:of|by|to)$", lowered):
        # "came under the control of X", "fell to X": the agent follows the trigger at once
        actor1 = roles.agent_right_after(text, off, actors, trigger.end, marker="")
        actor2 = roles.subject_actors(text, off, actors, trigger.start)
        if not actor1:
            return [], actor2
    elif voice == "passive":
        actor1 = roles.agent_after(
            text, off, actors, trigger.end, by_only=trigger.type == "capture"
        )
        actor2 = roles.subject_actors(text, off, actors, trigger.start)
        if not actor2 and trigger.type == "capture":
            actor2 = roles.objects_after(text, off, actors, trigger.end, actor1)
        if not actor1:
            return [], actor2  # unstated agent: the builder infers it for captures only
    elif voice == "noun":
        actor1 = roles.modifier_before(text, off, actors, trigger) or roles.agent_after(
            text, off, actors, trigger.end
        )
        if not actor1:
            if trigger.type == "capture":
                actor1 = roles.subject_actors(text, off, actors, trigger.start)
            elif re.match(_NOUN_AS_PASSIVE_SUBJECT, text[trigger.end :]):
                # "Attacks were also conducted along the highway": by the camp just named
                actor1 = previous_subject or state.last_actor1
            if not actor1:
                return None, []
        actor2 = roles.objects_after(text, off, actors, trigger.end, actor1)
    elif voice == "loss":
        actor1 = roles.objects_after(text, off, actors, trigger.end, [])
        actor2 = roles.subject_actors(text, off, actors, trigger.start)
    elif not lowered.endswith("ing") and re.search(
        r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", text[: trigger.start]
    ):
        # an active-form pattern in a passive clause: "after being expelled from it by X"
        actor1 = roles.agent_after(text, off, actors, trigger.end, by_only=True)
        actor2 = roles.subject_actors(text, off, actors, trigger.start)
        if not actor1:
            return [], actor2
    else:
        by_agent = roles.agent_right_after(text, off, actors, trigger.end)
        actor1 = by_agent or roles.subject_actors(text, off, actors, trigger.start)
        actor2 = roles.objects_after(text, off, actors, trigger.end, actor1)
        if not actor1 and re.search(r"\b(?:an?|another)\s+(?:[\w-]+\s+)?$", text[: trigger.start]):
            return [], actor2  # "an ambush on a bus": the agent is not stated here
    if not actor1:
        actor1 = previous_subject or state.last_actor1
        if not actor1 and trigger.type in ("bombing", "other"):
            return [], actor2
    actor2 = [a for a in actor2 if a not in actor1]
    return actor1, actor2


def _clause_claim(claims: list[Claim], clause: Clause, offset: int) -> str | None:
    for claim in claims:
        if clause.start <= offset + claim.start < clause.end:
            return claim.claimant
    # an "according to X" closing the sentence covers all its clauses
    for claim in claims:
        if claim.claimant and claim.start > 0 and claim is claims[-1]:
            return claim.claimant if _ends_sentence(claim) else None
    return None


def _ends_sentence(claim: Claim) -> bool:
    return True


def _attach_casualties(
    drafts: list[_Draft], casualties: list[Casualty], claims: list[Claim], offset: int
) -> None:
    for casualty in casualties:
        owner = None
        for d in drafts:
            if d.clause.start <= casualty.start < d.clause.end:
                owner = d
                break
        if owner is None:
            before = [d for d in drafts if d.clause.start <= casualty.start]
            owner = before[-1] if before else drafts[0]
        claimant = None
        for claim in claims:
            clause_start, clause_end = owner.clause.start, owner.clause.end
            if clause_start <= offset + claim.start < clause_end or (
                offset + claim.start > casualty.start and claim is claims[-1]
            ):
                claimant = claim.claimant
        # a claim inside the casualty's own clause wins
        for claim in claims:
            if abs(offset + claim.start - casualty.start) < 60:
                claimant = claim.claimant
        owner.casualties.append((casualty, claimant))


def _attach_orphans(drafts: list[_Draft], orphans: list[tuple[Casualty, str | None]]) -> None:
    """ "Rebels stated that four of their fighters were killed": the toll of the paragraph's
    last battle (or its last event)."""
    if not orphans or not drafts:
        return
    battles = [d for d in drafts if d.type in _BATTLE_TYPES]
    (battles or drafts)[-1].casualties.extend(orphans)


def _merge_same_action(drafts: list[_Draft]) -> list[_Draft]:
    """One event per (action, initiating side) in a sentence (GUIDELINES: split and merge)."""
    out: list[_Draft] = []
    for d in drafts:
        side = d.actor1[0].side if d.actor1 else None
        twin = next(
            (
                o
                for o in out
                if o.type == d.type
                and (o.actor1[0].side if o.actor1 else None) == side
                and o.date == d.date
            ),
            None,
        )
        if twin is None:
            out.append(d)
            continue
        twin.places.extend(p for p in d.places if p.text not in {q.text for q in twin.places})
        twin.casualties.extend(d.casualties)
        twin.clause = Clause(
            twin.clause.text if twin.clause.start == d.clause.start else twin.clause.text,
            min(twin.clause.start, d.clause.start),
            max(twin.clause.end, d.clause.end),
        )
    return out


def _fold_into(drafts: list[_Draft], draft: _Draft) -> bool:
    """Fold a later sentence's event into an earlier one of the same action, side and date."""
    for earlier in drafts:
        if (
            earlier.type == draft.type
            and _side(earlier) == _side(draft)
            and earlier.date == draft.date
            and earlier.sentence_start != draft.sentence_start
            and earlier.date is not None
            and earlier.date.precision == "day"
            and not draft.dated  # "On 2 March, ..." starts a telling of its own
        ):
            earlier.places.extend(
                p for p in draft.places if p.text not in {q.text for q in earlier.places}
            )
            earlier.casualties.extend(draft.casualties)
            return True
    return False


def _drop_restatements(drafts: list[_Draft], period: TimeValue | None) -> list[_Draft]:
    """Tell each event once (GUIDELINES: a restatement is not annotated again).

    The lead summarises the story the body tells, so a lead event the body tells again is
    dropped; but background the lead gives from before the story's period (the article's
    infobox dates) is the first telling, and a later "Background" restatement is dropped.
    """

    def same(a: _Draft, b: _Draft) -> bool:
        return bool(
            a.type == b.type
            and _side(a) == _side(b)
            and a.date
            and b.date
            and a.date.start <= b.date.end
            and b.date.start <= a.date.end
        )

    def background(d: _Draft) -> bool:
        return bool(period and d.date and d.date.end < period.start)

    kept_lead = [d for d in drafts if d.lead and background(d)]
    body = [d for d in drafts if not d.lead]
    out = []
    for d in drafts:
        if d.lead and not background(d) and any(same(b, d) for b in body):
            continue
        if not d.lead and background(d) and any(same(k, d) for k in kept_lead):
            continue
        out.append(d)
    return out


def _side(d: _Draft) -> str | None:
    return d.actor1[0].side if d.actor1 else None


# Who fights whom in this war (a fact of the conflict, not of one document): the camps a
# side can be the target of. Russia fights with the government, the US-led coalition with
# the SDF and other rebels against the Islamic State.
_ENEMIES: dict[str, tuple[str, ...]] = {
    "government": ("islamic_state", "opposition", "coalition"),
    "russia": ("islamic_state", "opposition"),
    "opposition": ("government", "islamic_state", "russia"),
    "islamic_state": ("government", "opposition", "coalition", "russia"),
    "coalition": ("islamic_state", "government"),
}


def _opponents(counts: Counter[str]) -> dict[str, str]:
    """For each camp, the enemy camp this document names most, so an unstated target
    gets a side ("the Army recaptured the hills" in an article about fighting ISIL)."""
    out: dict[str, str] = {}
    for side, enemies in _ENEMIES.items():
        named = [(counts[e], e) for e in enemies if counts[e]]
        if named:
            out[side] = max(named)[1]
    return out


def _to_event(document: Document, d: _Draft, opponents: dict[str, str], n: int) -> Event:
    side2 = _first_side(d.actor2) if d.actor2 else None
    side1 = _first_side(d.actor1) if d.actor1 else None
    if side1 is None:
        inferable = _BATTLE_TYPES | {"airstrike", "shelling"}  # not bombs: IEDs are often unclaimed
        inferred = opponents.get(side2 or "") if d.type in inferable else None
        side1 = inferred or "unknown"
    if side2 is None and d.type in _BATTLE_TYPES | {"airstrike", "shelling", "withdrawal"}:
        side2 = opponents.get(side1 or "")
    if side1 == side2 and side1 not in (None, "unknown"):
        side2 = opponents.get(side1 or "")  # one camp does not fight itself
    fatalities, wounded = _tolls(d, side2)
    quote_start, quote_end = d.clause.start, d.clause.end
    quote = document.text[quote_start:quote_end]
    acled_type, acled_sub = acled_types(d.type, side1, quote)
    return Event(
        id=f"{document.id}:{quote_start}:{n}",
        doc=document.name,
        doc_id=document.id,
        quote=quote,
        start=quote_start,
        end=quote_end,
        date_start=d.date.start if d.date else None,
        date_end=d.date.end if d.date else None,
        date_precision=d.date.precision if d.date else None,
        type=d.type,  # type: ignore[arg-type]
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        actor1=_names(d.actor1),
        side1=side1,  # type: ignore[arg-type]
        actor2=_names(d.actor2),
        side2=side2,  # type: ignore[arg-type]
        locations=[p.text for p in d.places],
        admin1=None,
        fatalities=fatalities,
        wounded=wounded,
        source=d.source,
    )


def _tolls(d: _Draft, side2: str | None) -> tuple[list[Fatality], list[Fatality]]:
    """Killed and wounded per (side, claimant): GUIDELINES keep one item per side and source,
    so counts of one side in one list add up ("33 soldiers ... and 10 militiamen" = 43),
    a later separate count of the same side does not, and a count "including" part of a
    total of the same side is not added again."""
    totals: dict[tuple[bool, str, str | None], int] = {}
    last_end: dict[tuple[bool, str, str | None], int] = {}
    seen: set[int] = set()
    for casualty, claimant in sorted(d.casualties, key=lambda item: item[0].start):
        if casualty.start in seen:
            continue
        seen.add(casualty.start)
        side = casualty.side
        if side is None:
            remote_or_battle = _BATTLE_TYPES | {"airstrike", "shelling", "bombing"}
            side = side2 if d.type in remote_or_battle else "unknown"
        side = side or "unknown"
        if casualty.subset_of is not None and casualty.subset_of == side:
            continue
        key = (casualty.wounded, side, claimant)
        if key not in totals:
            totals[key] = casualty.killed
        elif 0 <= casualty.start - last_end[key] <= 60:
            totals[key] += casualty.killed  # one list: "33 soldiers ..., and 10 militiamen"
        last_end[key] = casualty.end
    killed = [Fatality(side=s, killed=n, source=c) for (w, s, c), n in totals.items() if not w]
    hurt = [Fatality(side=s, killed=n, source=c) for (w, s, c), n in totals.items() if w]
    return killed, hurt  # type: ignore[return-value]


def _first_side(actors: list[Mention]) -> str | None:
    for a in actors:
        if a.side and a.side != "unknown":
            return a.side
    return actors[0].side if actors else None


def _names(actors: list[Mention]) -> list[str]:
    out: list[str] = []
    for a in actors:
        name = re.sub(r"^(?:the|The)\s+", "", a.text)
        if name not in out:
            out.append(name)
    return out
