"""From a draft to the typed ``Event``: sides, tolls per side and claimant, ACLED types."""

from __future__ import annotations

import re
from collections import Counter

from badia.events.acled import acled_types
from badia.events.casualties import Casualty
from badia.events.draft import BATTLE_TYPES, Draft
from badia.model import Document, Event, Fatality, Mention

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


def opponents(counts: Counter[str]) -> dict[str, str]:
    """For each camp, the enemy camp this document names most, so an unstated target
    gets a side ("the Army recaptured the hills" in an article about fighting ISIL)."""
    out: dict[str, str] = {}
    for side, enemies in _ENEMIES.items():
        named = [(counts[e], e) for e in enemies if counts[e]]
        if named:
            out[side] = max(named)[1]
    return out


# the acts whose named parties show who fights whom in a document (not a withdrawal "to
# pressure X", a deployment, a statement)
_FIGHTING_ACTS = BATTLE_TYPES | {"airstrike", "shelling", "bombing"}


def attackers(drafts: list[Draft]) -> dict[str, Counter[str]]:
    """For each camp, the camps this document names acting against it (a named initiator
    and a named target of a fighting act), counted: who fights whom here."""
    out: dict[str, Counter[str]] = {}
    for d in drafts:
        side1 = _first_side(d.actor1) if d.type in _FIGHTING_ACTS and d.actor1 else None
        if side1 in (None, "unknown", "civilians"):
            continue
        own = {a.key for a in d.actor1}
        for a in d.actor2:
            if a.side not in (None, "unknown", "civilians") and a.key not in own:
                out.setdefault(a.side, Counter())[side1] += 1
    return out


def to_event(
    document: Document,
    d: Draft,
    opponents: dict[str, str],
    n: int,
    attacked_by: dict[str, Counter[str]] | None = None,
) -> Event:
    """The event of draft ``d``. ``opponents``: each camp's usual enemy in the document;
    ``attacked_by``: the camps the document names acting against each camp
    (``attackers``), which an unnamed initiator is taken from first."""
    side2 = _first_side(d.actor2) if d.actor2 else None
    side1 = _first_side(d.actor1) if d.actor1 else None
    fought_within = False  # side1 inferred as the target's own camp (rebel infighting)
    if side1 is None:
        # not bombs (IEDs are often unclaimed) nor air strikes: GUIDELINES 1b give a strike
        # whose owner is not named ("warplanes", "an unidentified jet") side1 unknown
        inferable = BATTLE_TYPES | {"shelling"}
        inferred = opponents.get(side2 or "") if d.type in inferable else None
        seen = (attacked_by or {}).get(side2 or "")
        if inferred and seen and inferred not in seen:
            # the usual enemy is named here but never fights this camp ("Russia withdrew
            # ... to pressure the SDF" in a story of SNA attacks on the SDF)
            inferred = seen.most_common(1)[0][0]
            fought_within = inferred == side2
        side1 = inferred or "unknown"
    victims = _named_victims(d, side1)
    if side2 is None and d.type in BATTLE_TYPES | {"airstrike", "shelling", "withdrawal"}:
        # whom the event killed says more than whom the document fights most
        side2 = victims or opponents.get(side1 or "")
    if (
        side1 == side2
        and side1 not in (None, "unknown")
        and not (fought_within or _infighting(d, side1))
    ):
        side2 = opponents.get(side1 or "")  # one camp does not fight itself
    event_type = _by_air(d, side1)
    fatalities, wounded = _tolls(d, side1, side2)
    side2 = side2 or victims  # "16 soldiers were killed in a minefield laid by IS"
    quote_start, quote_end = d.clause.start, d.clause.end
    quote = document.text[quote_start:quote_end]
    acled_type, acled_sub = acled_types(event_type, side1, quote)
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
        type=event_type,  # type: ignore[arg-type]
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


def _tolls(d: Draft, side1: str | None, side2: str | None) -> tuple[list[Fatality], list[Fatality]]:
    """Killed and wounded per (side, claimant): GUIDELINES keep one item per side and source,
    so counts of one side in one list add up ("33 soldiers ... and 10 militiamen" = 43),
    a later separate count of the same side does not, and a count "including" part of a
    total of the same side is not added again. "Attackers" are the initiator's side; a count
    "on each side" stands for both."""
    totals: dict[tuple[bool, str, str | None], int] = {}
    last_end: dict[tuple[bool, str, str | None], int] = {}
    seen: set[int] = set()
    for casualty, claimant in sorted(d.casualties, key=lambda item: item[0].start):
        if casualty.start in seen:
            continue
        seen.add(casualty.start)
        for side in _toll_sides(casualty, d.type, side1, side2):
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


# The camp whose groups fight each other in this war (rebels against the SDF, HTS against
# Ahrar al-Sham): a target of that camp the text names, other than the initiator, stays.
_FIGHTS_ITSELF = frozenset({"opposition"})


def _infighting(d: Draft, side1: str | None) -> bool:
    """The text names, by their proper names, a target of the initiator's own camp that is
    not the initiator ("HTS attacked Ahrar al-Sham"): rebel infighting, not a target to
    replace. A common noun ("Kurdish fighters" after "the SDF") may be the initiator again."""
    own = {a.key for a in d.actor1 if a.value != 1}
    return (
        side1 in _FIGHTS_ITSELF
        and bool(own)
        and any(a.side == side1 and a.value != 1 and a.key not in own for a in d.actor2)
    )


def _named_victims(d: Draft, side1: str | None) -> str | None:
    """The one side other than the initiator's that the event's counts name ("killing 8
    soldiers"), or None: an unstated target is inferable from whom the event hit."""
    sides = {c.side for c, _ in d.casualties if c.side not in (None, "unknown", side1)}
    return sides.pop() if len(sides) == 1 else None


_AIR_ARM = re.compile(
    r"\b(?:air ?forces?|warplanes?|jets?|aircraft|helicopters?|drones?|aviation|bombers?)\b",
    re.I,
)
_AIR_POWERS = {"russia", "coalition"}


def _by_air(d: Draft, side1: str | None) -> str:
    """An attack whose means the text leaves unsaid ("killed", "targeting") is an airstrike
    when an air arm makes it ("the Russian air force killed 30"), or Russia or the coalition,
    who fight in this war from the air ("the ministry said it had killed 200 fighters")."""
    if d.type != "attack":
        return d.type
    unstated = d.trigger.weak or d.trigger.text.lower().startswith("target")
    by_air_arm = any(_AIR_ARM.search(a.text) for a in d.actor1)
    if unstated and (by_air_arm or side1 in _AIR_POWERS):
        return "airstrike"
    return d.type


def _toll_sides(
    casualty: Casualty, event_type: str, side1: str | None, side2: str | None
) -> list[str]:
    """The side(s) a count belongs to, when the counted noun names none."""
    if casualty.side is not None:
        return [casualty.side]
    real = [s for s in (side1, side2) if s and s != "unknown"]
    if casualty.party == "initiator" and side1 and side1 != "unknown":
        return [side1]
    if casualty.party == "each" and len(real) == 2:
        return real
    remote_or_battle = BATTLE_TYPES | {"airstrike", "shelling", "bombing"}
    return [(side2 if event_type in remote_or_battle else None) or "unknown"]


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
