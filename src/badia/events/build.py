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
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta

from badia.events import retype, roles
from badia.events.assemble import attackers, opponents, to_event
from badia.events.casualties import Casualty, find_casualties
from badia.events.clauses import Clause, split_clauses
from badia.events.dating import clause_date, default_year, document_period
from badia.events.draft import BATTLE_TYPES, Draft
from badia.events.filters import (
    is_not_an_event,
    one_per_type,
    pinned_to_a_month,
    told_over_the_campaign,
    usable_triggers,
)
from badia.events.grammar import SentenceGrammar
from badia.events.plausibility import plausible_events, plausible_tallies
from badia.events.tallies import TallyReader
from badia.events.tellings import (
    drop_restatements,
    flip_side_withdrawals,
    fold_into,
    merge_same_action,
)
from badia.mentions.actors import ActorLexicon, find_actors
from badia.mentions.claimants import Claim, find_claims
from badia.mentions.places import antecedent, event_places, find_places
from badia.mentions.spans import starting_within
from badia.mentions.triggers import Trigger, find_triggers
from badia.model import Document, Event, Mention, Tally, TimeValue
from badia.structure.sections import is_non_body
from badia.syntax import Parse
from badia.time import Narrative, TimeExpr, find_times
from badia.time.values import resolve_calendar

_FIGHTING_SIDES = ("government", "islamic_state", "opposition", "russia", "coalition")


# A toll stated without an action: the count, who claims it, and the date its sentence
# states for itself (None when it states none).
Orphan = tuple[Casualty, "str | None", "TimeValue | None"]


# A sentence that sets its act apart on another front (GUIDELINES 1b: not the same event
# as a same-day act of the same side): "Elsewhere, ...", "At the same time, elsewhere ...",
# "Meanwhile, on the southern front, ...", "On another front, ...".
_OTHER_FRONT = re.compile(
    r"^\W*(?:(?:at the same time|meanwhile|in the meantime|however),?\s+)?"
    r"(?:elsewhere\b|(?:on|in) (?:another|the other|a different|the [\w-]+(?: [\w-]+)?) "
    r"(?:front|sector|axis)\b)",
    re.I,
)


# "Another airstrike occurred the same day against a camp near X": a second act of the kind
_ANOTHER = re.compile(r"^\W*another\b", re.I)


@dataclass
class _State:
    """What the paragraph carries from clause to clause: the last named initiator."""

    last_actor1: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)  # named so far in the paragraph
    withdrawn: bool = False  # the last named initiator pulled out (its act: a withdrawal)


def build_events(
    document: Document,
    actors: ActorLexicon | None = None,
    parses: Mapping[int, Parse] | None = None,
) -> tuple[list[Event], list[Tally]]:
    """Events and tallies of one document (no state kept between documents).

    ``parses``: the ``syntax`` stage's parses keyed by sentence start; a sentence without
    one is read by the word-window rules alone."""
    parses = parses or {}
    period = document_period(document)
    narrative = Narrative(
        published=document.published, default_year=default_year(document), period=period
    )
    tally_reader = TallyReader(document, actors)
    reader = _DocumentReader(document, narrative, tally_reader, period, actors)
    drafts: list[Draft] = []
    for section in document.sections:
        if is_non_body(section.heading):
            continue
        if section.heading:
            narrative.enter_heading(section.heading, section.level)
        followed: list[Mention] = []  # the camp the section's story follows
        withdrawn = False  # ... and whether it last pulled out
        # GUIDELINES 1b: a same-day telling of the same action and side is one event "even
        # across a paragraph break", on one front; another section is another front
        by_telling: dict[tuple, list[Draft]] = {}
        for paragraph in section.paragraphs:
            tally_reader.new_paragraph()
            # a paragraph goes on with the camp the one before it ended with, until it names
            # its own ("During the night, a car bomb was detonated at the checkpoint")
            state = _State(last_actor1=list(followed), withdrawn=withdrawn)
            paragraph_drafts: list[Draft] = []
            told_here: set[int] = set()  # the events this paragraph tells (ids)
            previous: list[Draft] = []  # the drafts of the sentence before
            for sentence in paragraph.sentences:
                orphans: list[Orphan] = []
                read = reader.read_sentence(
                    sentence.reading(),
                    sentence.start,
                    sentence.end,
                    state,
                    lead=section.heading is None,
                    orphans=orphans,
                    parse=parses.get(sentence.start),
                )
                narrative_prose = document.format != "news"
                kept = flip_side_withdrawals(read, previous, narrative_prose)
                # a sentence that only told the flip side keeps the capture as the one before
                # ("X took the base. Troops retreated from the base. Three groups pulled out.")
                read, previous = kept, (read if kept or not read else previous)
                for draft in read:
                    if not draft.places and paragraph_drafts:
                        # "in the region", "the city": the paragraph's last named place
                        draft.places = list(paragraph_drafts[-1].places)
                    fold_into(paragraph_drafts, draft, by_telling, told_here)
                # a toll in a paragraph of its own (news) belongs to the story told just before
                _attach_orphans(paragraph_drafts or drafts[-1:], orphans)
            drafts.extend(paragraph_drafts)
            followed, withdrawn = state.last_actor1, state.withdrawn
    drafts = pinned_to_a_month(drop_restatements(drafts, period))
    camps = opponents(reader.side_counts)
    attacked_by = attackers(drafts)
    events = [to_event(document, d, camps, i, attacked_by) for i, d in enumerate(drafts)]
    tallies = _one_per_claim(tally_reader.tallies + tally_reader.infobox_note_tallies())
    # ids in document order, one per tally (they are drafted before they are kept)
    tallies = [t.model_copy(update={"id": f"{document.id}:t{i}"}) for i, t in enumerate(tallies)]
    return plausible_events(events), plausible_tallies(tallies)


def _one_per_claim(tallies: list[Tally]) -> list[Tally]:
    """One tally per (period, side, source, count): the body and an infobox note often
    state the same SOHR figure; the first telling is kept."""
    seen: set[tuple] = set()
    out = []
    for t in tallies:
        k = (t.period_start, t.period_end, t.side, t.source, t.killed)
        if k not in seen:
            seen.add(k)
            out.append(t)
    return out


@dataclass
class _DocumentReader:
    """What stays fixed while one document is read, and what accumulates over it."""

    document: Document
    narrative: Narrative
    tally_reader: TallyReader
    period: TimeValue | None
    actors: ActorLexicon | None = None
    side_counts: Counter[str] = field(default_factory=Counter)
    named_sides: set[str] = field(default_factory=set)  # sides named by a proper name so far
    seen_places: list[Mention] = field(default_factory=list)

    def _places(
        self, text: str, start: int, actors: list[Mention], time_spans: list[tuple[int, int]]
    ) -> list[Mention]:
        """The sentence's place mentions; remembered as antecedents of later definite
        descriptions ("the airbase"), except names given in parentheses ("also called X")."""
        places = find_places(text, start, [(a.start, a.end) for a in actors] + time_spans)
        self.seen_places.extend(p for p in places if not _in_parentheses(text, p.start - start))
        return places

    def _remember(self, state: _State, places: list[Mention]) -> None:
        """Places of the sentence just read, as the paragraph's antecedents."""
        state.places.extend(p for p in places if p.key != "frame")

    def read_sentence(
        self,
        text: str,
        start: int,
        end: int,
        state: _State,
        lead: bool,
        orphans: list[Orphan],
        parse: Parse | None = None,
    ) -> list[Draft]:
        """The events of one sentence; a toll stated without an action goes to ``orphans``."""
        news = self.document.format == "news"
        grammar = SentenceGrammar(parse, news=news) if parse is not None else None
        times = find_times(text, start)
        actors = roles.merge_adjacent(find_actors(text, start, self.actors))
        self.side_counts.update(a.side for a in actors if a.side in _FIGHTING_SIDES)
        self.named_sides.update(a.side for a in actors if a.value != 1)
        time_spans = [(t.start, t.end) for t in times]
        casualties_all = find_casualties(text, start, actors, time_spans)
        claims = find_claims(text)
        if self.tally_reader.read(
            text, start, times, actors, casualties_all, claims, self.narrative
        ):
            if not self.tally_reader.act_stands:
                return []
            casualties_all = []  # the counts went to the tally; the act is still an event
        if is_not_an_event(text):
            self._remember(state, self._places(text, start, actors, time_spans))
            fighting = [a for a in actors if a.side in _FIGHTING_SIDES]
            if fighting:  # "In the past, rebel groups besieged X. ... they shot down ..."
                state.last_actor1 = fighting[:1]
                state.withdrawn = False
            return []  # its places and its camp still name what "the region", "they" refer to
        actors = roles.without_guises(_not_attributions(actors, claims, text, start), text, start)
        if self.document.format == "news" and not times:
            # news prose without a time is background; a toll it states belongs to the story
            claimant = claims[0].claimant if claims else None
            orphans.extend((c, claimant, None) for c in casualties_all)
            return []
        if not times and (
            re.search(
                r"\bcontinued\s+(?:to\s+)?\w+ing\b|\bcontinued\b.*\b(?:until|throughout)\b", text
            )
            or told_over_the_campaign(text)
        ):
            return []
        clauses = split_clauses(text, start)
        found = find_triggers(text)
        triggers = usable_triggers(text, found, actors, start, time_spans, clauses, grammar)
        if not triggers:
            claimant = claims[0].claimant if claims else None
            own = _own_date(times, self.narrative, self.period)
            orphans.extend((c, claimant, own) for c in casualties_all)
            self._remember(state, self._places(text, start, actors, time_spans))
            if own is None and found:
                # "The next day, it was wrongly claimed they took X.": no event, but the
                # story told of the war has moved on to that day
                own = clause_date(times, self.narrative, self.period)
            if own is not None and own.precision == "day":
                # "On 23 February, reinforcements arrived.": the story has reached that day
                # even when no event is read here, so "the following morning" counts from it
                self.narrative.advance(own)
            return []
        places = self._places(text, start, actors, time_spans)
        sentence_date = clause_date(times, self.narrative, self.period)
        drafts: list[Draft] = []
        previous_subject: list[Mention] = []
        trigger_starts = [start + t.start for t in triggers]
        actor_starts = [a.start for a in actors]
        time_starts = [t.start for t in times]
        place_starts = [p.start for p in places]
        for clause in clauses:
            c_triggers = starting_within(triggers, trigger_starts, clause.start, clause.end)
            c_actors = [
                a
                for a in starting_within(actors, actor_starts, clause.start, clause.end)
                if a.end <= clause.end
            ]
            c_times = [
                t
                for t in starting_within(times, time_starts, clause.start, clause.end)
                if t.end <= clause.end
            ]
            if c_times and all(t.prep == "since" for t in c_times):
                continue  # "had besieged the city since 2015": a state, not a dated action
            c_times = [t for t in c_times if not _dates_an_earlier_act(text, t.start - start, t)]
            own_date = _night_before(c_times, times, clause.end, self.narrative) or clause_date(
                c_times, self.narrative, self.period
            )
            date = (
                own_date
                or _until_later(times, clause.end, sentence_date, self.narrative.reference)
                or sentence_date
                or self.narrative.reference
            )
            if own_date is not None and own_date.precision != "year":
                self.narrative.advance(own_date)
                self.narrative.told_at_evening(c_times, own_date)
            if date is None or not c_triggers:
                continue
            dates = _listed_days(text, start, c_times, self.narrative) or [date]
            if len(dates) > 1:
                self.narrative.advance(dates[-1])  # the story goes on from the last day
            for trigger, date in (
                (trigger, day) for trigger in one_per_type(c_triggers) for day in dates
            ):
                if len(dates) == 1:
                    date = _governing_date(trigger, text, start, c_times, self.narrative) or date
                    until = _continued_until(
                        trigger, text, start, c_times, c_triggers, date, self.narrative
                    )
                    if until is not None:
                        date = until
                        self.narrative.advance(until, widen=True)
                shifted = Trigger(
                    trigger.type,
                    trigger.voice,
                    trigger.weak,
                    trigger.text,
                    start + trigger.start - clause.start,
                    start + trigger.end - clause.start,
                )
                actor1, actor2 = roles.clause_roles(
                    clause, c_actors, shifted, previous_subject, state.last_actor1
                )
                if actor1 is None:
                    continue
                if grammar is not None:
                    actor1, actor2 = roles.with_parse(
                        grammar,
                        start + trigger.start,
                        start + trigger.end,
                        actors,
                        (actor1, actor2),
                        state.last_actor1,
                    )
                if state.withdrawn and roles.unnamed_here(actor1, start, end):
                    actor1 = roles.not_the_withdrawn(actor1, text, start, start + trigger.start)
                if "islamic_state" not in self.named_sides:
                    actor1 = roles.described_camp(actor1, state.last_actor1, text, start)
                actor1, actor2 = roles.civilians_do_not_fight(actor1, actor2, trigger.type)
                previous_subject = actor1 or previous_subject
                draft = Draft(
                    clause,
                    start,
                    end,
                    _refined_type(trigger, grammar, start, actor1, actor2),
                    shifted,
                    actor1,
                    actor2,
                    date,
                    lead=lead,
                    dated=any(not t.relative for t in c_times) and own_date is not None,
                    other_front=bool(_OTHER_FRONT.match(text)),
                    another=bool(_ANOTHER.match(text)),
                )
                draft.places = event_places(
                    list(starting_within(places, place_starts, clause.start, clause.end))
                )
                if not draft.places:
                    before = [p for p in places if p.end <= clause.start]
                    named = antecedent(clause.text, state.places + before, self.seen_places)
                    draft.places = [named] if named else []
                draft.source = _clause_claim(claims, clause, start)
                drafts.extend(_one_per_side(draft, text, start))
                if actor1:
                    if not roles.unnamed_here(actor1, start, end):
                        state.withdrawn = draft.type == "withdrawal"
                    state.last_actor1 = actor1
        if not drafts:
            claimant = claims[0].claimant if claims else None
            own = _own_date(times, self.narrative, self.period)
            orphans.extend((c, claimant, own) for c in casualties_all)
        if drafts:
            roles.bombers_of_the_assault(drafts)
            _attach_casualties(drafts, casualties_all, claims, start)
            if not any(d.places for d in drafts):
                for d in drafts:
                    d.places = event_places(places)[:3]
        self._remember(state, places)
        return merge_same_action(drafts)


# what joins the names of one coordinated list: "SDF and US forces", "ISIL, the NDF and ..."
_LIST_GAP = re.compile(r"\s*(?:,|and|&|,\s*and|from|of)\s*(?:both\s+)?(?:the\s+)?(?:[\w'-]+\s+)?")



def _one_per_side(draft: Draft, text: str, offset: int) -> list[Draft]:
    """GUIDELINES 1b: an initiator list that spans two sides ("SDF and US forces landed ...",
    "militants from both ISIL and Jund al-Aqsa captured") gives one event per side, the same
    quote. Only a list the text coordinates (names joined by "and" or commas), not actors
    gathered from apart; a clash has no initiator to split (1b's own example: "The Russian
    and Syrian Air Forces targeted ..." is one strike by each). ``text``: the sentence, at
    document ``offset``."""
    if draft.type == "clash" or not _coordinated(draft.actor1, text, offset):
        return [draft]
    parts = roles.by_side(draft.actor1)
    if len(parts) < 2:
        return [draft]
    return [
        replace(
            draft,
            actor1=part,
            actor2=[a for a in draft.actor2 if a.side not in {m.side for m in part}],
            places=list(draft.places),
            casualties=list(draft.casualties),
        )
        for part in parts
    ]


def _coordinated(actors: list[Mention], text: str, offset: int) -> bool:
    ordered = sorted(actors, key=lambda a: a.start)
    pairs = zip(ordered, ordered[1:], strict=False)
    gaps = (text[a.end - offset : b.start - offset] for a, b in pairs)
    return all(_LIST_GAP.fullmatch(g) for g in gaps)


def _refined_type(
    trigger: Trigger,
    grammar: SentenceGrammar | None,
    offset: int,
    actor1: list[Mention],
    actor2: list[Mention],
) -> str:
    """The trigger's type as its parties refine it (``retype.by_parties``): the lemma and
    part of speech from the parse, else the trigger's first word."""
    head = grammar.action(offset + trigger.start, offset + trigger.end) if grammar else None
    if head is not None:
        lemma, verbal = head.lemma, head.pos in ("VERB", "AUX")
    else:
        first = trigger.text.split()[0].lower() if trigger.text.split() else ""
        lemma, verbal = first, trigger.voice != "noun" and first.endswith("ed")
    return retype.by_parties(trigger.type, lemma, verbal, actor1, actor2, head is not None)


def _in_parentheses(text: str, at: int) -> bool:
    opening = text.rfind("(", 0, at)
    return opening >= 0 and text.find(")", opening, at) < 0


def _not_attributions(
    actors: list[Mention], claims: list[Claim], text: str, offset: int
) -> list[Mention]:
    """ "..., according to pro-government media": the source of a report takes no part."""
    spans = [(c.start, c.end) for c in claims if text.startswith("according to", c.start)]
    if not spans:
        return actors
    inside = [(s + offset, e + offset) for s, e in spans]
    return [a for a in actors if not any(s <= a.start and a.end <= e for s, e in inside)]


def _clause_claim(claims: list[Claim], clause: Clause, offset: int) -> str | None:
    """The claimant named in the clause; else an attribution elsewhere in the sentence
    ("..., according to SOHR") covers all its clauses."""
    inside = [c for c in claims if clause.start <= offset + c.start < clause.end]
    if inside:
        return inside[0].claimant
    return claims[-1].claimant if claims and claims[-1].start > 0 else None


def _attach_casualties(
    drafts: list[Draft], casualties: list[Casualty], claims: list[Claim], offset: int
) -> None:
    """Each toll goes to the event of its clause, else the last event begun before it."""
    by_start = sorted(drafts, key=lambda d: d.clause.start)
    starts = [d.clause.start for d in by_start]
    for casualty in casualties:
        i = bisect_right(starts, casualty.start)  # drafts begun at or before the count
        inside = [d for d in by_start[:i][-8:] if casualty.start < d.clause.end]
        owner = inside[0] if inside else (by_start[i - 1] if i else drafts[0])
        owner.casualties.append((casualty, _claimant(casualty, owner, claims, offset)))


def _claimant(casualty: Casualty, owner: Draft, claims: list[Claim], offset: int) -> str | None:
    """Who states a toll: an attribution within 60 characters of the count; else the last
    one in the event's clause, or an "according to X" closing the sentence after the count."""
    near = [c for c in claims if abs(offset + c.start - casualty.start) < 60]
    if near:
        return near[-1].claimant
    covering = [
        c
        for c in claims
        if owner.clause.start <= offset + c.start < owner.clause.end
        or (c is claims[-1] and offset + c.start > casualty.start)
    ]
    return covering[-1].claimant if covering else None


def _listed_days(
    text: str, offset: int, times: list[TimeExpr], narrative: Narrative
) -> list[TimeValue]:
    """ "On 11 and 18 April, two more ambushes took place": one date per listed day (days
    that follow each other, "13 and 14 March", are read as one range by the time stage)."""
    for first, second in zip(times, times[1:], strict=False):
        if text[first.end - offset : second.start - offset].strip() != "and":
            continue
        values = [narrative.resolve(first), narrative.resolve(second)]
        if all(v is not None and v.precision == "day" for v in values):
            return values  # type: ignore[return-value]
    return []


# "the areas it had lost the previous day": a pluperfect verb right before a relative time.
_PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:\w+\s+)?\w+(?:ed|en|t|ne)\s+(?:[\w-]+\s+){0,3}$")


def _dates_an_earlier_act(text: str, at: int, t: TimeExpr) -> bool:
    """A relative time inside a pluperfect clause dates what had happened before, not the
    clause's own action ("captured all the areas it had lost the previous day")."""
    return t.relative and bool(_PLUPERFECT_BEFORE.search(text[max(0, at - 60) : at]))


# a relative clause on a place, up to its verb: ", which they breached", ", where ISIL"
_RELATIVE_CLAUSE = re.compile(r"\s*(?:which|where)\b(?:\s+[\w-]+){0,4}\s+$", re.I)


def _governing_date(
    trigger: Trigger, text: str, offset: int, times: list[TimeExpr], narrative: Narrative
) -> TimeValue | None:
    """With two dates in a clause, each act takes the one that governs it: a date in its own
    comma-delimited phrase, else the last one written before it, else the first after ("In
    early May, forces launched an offensive, capturing the airbase on 12 May": the launch is
    early May, the capture 12 May; "on 28 March, after midnight, areas were targeted": the
    night after 28 March). An act in a relative clause with a relative time of its own
    takes that time ("seized X, which they breached the previous day"). ``None`` when the
    clause has no written date and one other, or
    when its one written date governs (the clause's date holds). ``text`` is the sentence
    at document ``offset``."""
    absolute = [t for t in times if not t.relative]
    if len(times) < 2:
        return None
    at = offset + trigger.start
    lo = text.rfind(",", 0, trigger.start) + 1 + offset
    comma = text.find(",", trigger.end)
    hi = offset + (comma if comma >= 0 else len(text))
    own = [t for t in times if lo <= t.start and t.end <= hi and t.relative]
    if own and _RELATIVE_CLAUSE.match(text[lo - offset : trigger.start]):
        # "X seized the town, which they breached the previous day": the relative clause
        # tells an act of its own time
        return narrative.resolve(own[0])
    if not absolute:
        return None

    def governing(pool: list[TimeExpr]) -> TimeExpr | None:
        own = [t for t in pool if lo <= t.start and t.end <= hi]
        before = [t for t in pool if t.end <= at]
        return own[0] if own else before[-1] if before else None

    chosen = governing(times)
    if (
        chosen is not None
        and chosen.relative
        and chosen.kind != "by"
        and any(t.kind in ("date", "range") and t.end <= chosen.start for t in absolute)
    ):
        # "on 28 March, after midnight, areas were targeted": counted from the date written
        # before it, which the narrative has already reached
        return narrative.resolve(chosen)
    if len(absolute) < 2:
        return None  # one written date governs: the clause's date holds
    chosen = governing(absolute) or min(absolute, key=lambda t: t.start)
    # "In early May 2017, ..., on 12 May": 2017; a year written after the date is another
    # time's ("On 23 May, ISIL released hostages taken in February 2015")
    year = next((t.year for t in absolute if t.year is not None and t.start <= chosen.start), None)
    if chosen.year is None and chosen.kind in ("date", "month", "part") and year is not None:
        return resolve_calendar(chosen, year)
    return narrative.resolve(chosen)


def _continued_until(
    trigger: Trigger,
    text: str,
    offset: int,
    times: list[TimeExpr],
    triggers: list[Trigger],
    date: TimeValue,
    narrative: Narrative,
) -> TimeValue | None:
    """ "The FSA made a large advance at the same time, reaching the front lines the next
    day": a participle phrase after the act, with a forward offset and no act of its own
    that the sentence keeps, carries the act on to that day (26-27 March). ``None``
    otherwise. ``text`` is the sentence at document ``offset``; ``triggers`` the clause's
    kept triggers (sentence offsets)."""
    comma = text.find(",", trigger.end)
    if comma < 0 or not text[comma + 1 :].lstrip().lower().split(" ", 1)[0].endswith("ing"):
        return None
    hi = offset + comma
    later = [t for t in times if t.start > hi and t.relative and (t.offset_days or 0) >= 1]
    if not later or any(hi < offset + t.start < later[0].start for t in triggers):
        return None
    end = narrative.resolve(later[0])
    if end is None or end.end <= date.end:
        return None
    return TimeValue(start=date.start, end=end.end, precision="range")


def _until_later(
    times: list[TimeExpr],
    clause_end: int,
    sentence_date: TimeValue | None,
    reference: TimeValue | None,
) -> TimeValue | None:
    """ "However, the army subsequently counterattacked and by the following day it had
    retaken the city": an act told without a time of its own before a later clause's
    forward offset runs from the story's day to that offset's day. ``None`` unless every
    time of the sentence is such an offset written after the clause."""
    if sentence_date is None or reference is None or not times:
        return None
    forward = all(
        t.start >= clause_end and t.relative and (t.offset_days or 0) >= 1 for t in times
    )
    if not forward or sentence_date.end <= reference.end:
        return None
    return TimeValue(start=reference.start, end=sentence_date.end, precision="range")


def _night_before(
    c_times: list[TimeExpr], times: list[TimeExpr], clause_end: int, narrative: Narrative
) -> TimeValue | None:
    """ "After overnight clashes ..., on 7 August, ISIL captured the base": a night told
    before the sentence's written day is the night that ends on it (6-7 August), not the
    night after the last date told. ``None`` unless the clause's only times are nights and
    a day is written after the clause in the sentence."""
    if not c_times or not all(t.night and t.relative for t in c_times):
        return None
    later = [t for t in times if t.start >= clause_end and not t.relative]
    day = narrative.resolve(later[0]) if later else None
    if day is None or day.precision != "day":
        return None
    return TimeValue(start=day.start - timedelta(days=1), end=day.start, precision="range")


def _own_date(
    times: list[TimeExpr], narrative: Narrative, period: TimeValue | None
) -> TimeValue | None:
    """The date a sentence states for itself ("On 19 April, ..."), not one it counts from."""
    absolute = [t for t in times if not t.relative]
    return clause_date(absolute, narrative, period) if absolute else None


def _attach_orphans(drafts: list[Draft], orphans: list[Orphan]) -> None:
    """ "Rebels stated that four of their fighters were killed": the toll of the paragraph's
    last battle (or its last event). A toll dated otherwise than that event is not its own
    ("On 19 April, the ministry said it had killed 200 fighters" after a 6 April raid)."""
    if not orphans or not drafts:
        return
    battles = [d for d in drafts if d.type in BATTLE_TYPES]
    target = (battles or drafts)[-1]
    for casualty, claimant, own in orphans:
        if own is not None and target.date is not None and not _overlap(own, target.date):
            continue
        target.casualties.append((casualty, claimant))


def _overlap(a: TimeValue, b: TimeValue) -> bool:
    return a.start <= b.end and b.start <= a.end
