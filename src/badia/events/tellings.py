"""Tell each event once: one per action and side in a sentence or a day, no restatements."""

from __future__ import annotations

import re

from badia.events.clauses import Clause
from badia.events.draft import BATTLE_TYPES, Draft, side_of
from badia.model import TimeValue


def merge_same_action(drafts: list[Draft]) -> list[Draft]:
    """One event per (action, initiating side) in a sentence (GUIDELINES: split and merge)."""
    out: list[Draft] = []
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


def flip_side_withdrawals(
    drafts: list[Draft], previous: list[Draft], narrative: bool = True
) -> list[Draft]:
    """Drop a sentence's withdrawals from a place that another side was just told to have
    taken in the sentence before (``previous``: that sentence's drafts).

    GUIDELINES 1b: no withdrawal for the flip side of a capture coded for the other side
    ("ISIL took the base. Hundreds of troops retreated from the base towards X" is one
    capture: "from the base" is the place just taken, and a retreat that names no place
    is the same flip side). A retreat from another place, or after the side's own failed
    attack, is a move of its own. In ``narrative`` prose (not news, whose "withdrew after
    X overran the town" tells both moves) a battle fought by another side in the same
    sentence makes the withdrawal its flip side too ("X had withdrawn from the city, and
    ISIL captured it").
    """
    if narrative:
        others = {side_of(b) for b in drafts if b.type in BATTLE_TYPES}
        drafts = [
            d for d in drafts if d.type != "withdrawal" or not (others - {side_of(d)})
        ]
    # the first place of a capture is what was taken; later ones may be where the loser went
    taken = [(side_of(b), b.places[0].text) for b in previous if b.type == "capture" and b.places]
    if not taken:
        return drafts
    return [
        d
        for d in drafts
        if d.type != "withdrawal"
        or not any(
            side != side_of(d)
            and (
                _names_place(d.clause.text, name)
                or bool(_FROM_THE_PLACE.search(d.clause.text))
                or not d.places
            )
            for side, name in taken
        )
    ]


# "retreated from the base": a definite place the withdrawal leaves is the one just named
_FROM_THE_PLACE = re.compile(
    r"\bfrom\s+(?:the|this|that)\s+(?:air\s?base|airport|base|garrison|town|city|village|"
    r"hill|dam|field|checkpoint|position|area)s?\b",
    re.I,
)


def _names_place(text: str, name: str) -> bool:
    """``name`` is written in ``text`` (its places may list only where the side went)."""
    return _place_key(name) in _place_key(text)


def _place_key(name: str) -> str:
    return " ".join(name.lower().replace("al-", "").split())


def telling_key(d: Draft) -> tuple | None:
    """What a later sentence must share with an earlier event to be folded into it:
    action, initiating side and day (``None`` when the draft is not dated to a day)."""
    if d.date is None or d.date.precision != "day":
        return None
    return (d.type, side_of(d), d.date.start, d.date.end)


def fold_into(
    drafts: list[Draft],
    draft: Draft,
    index: dict[tuple, list[Draft]],
    told_here: set[int] | None = None,
) -> bool:
    """Fold a later sentence's event into an earlier one of the same action, side and date.

    ``index`` holds the section's earlier drafts by ``telling_key`` so a long section costs
    one look-up per draft, not one pass over every earlier draft. A draft that is not
    folded is appended to ``drafts`` (the paragraph's) and to ``index``.
    ``told_here``: the ids of the events the current paragraph tells (``None``: every
    event in ``index`` is the paragraph's). GUIDELINES 1b: one event "even across a
    paragraph break", but on one front: an earlier paragraph's event takes the draft only
    when the draft names a place the event has ("After the capture of X, ISIL took the
    posts between it and Y" goes on with X, even one that writes the day again: "Later on
    19 February, X was captured"); once taken, it is this paragraph's event too.
    """
    key = telling_key(draft)
    # "Elsewhere, ..." is another front
    if key is not None and not draft.other_front:
        for earlier in index.get(key, ()):
            if draft.another and not _same_place(earlier, draft):
                continue  # "Another airstrike ... against a camp near Y": a second target
            if earlier.sentence_start == draft.sentence_start:
                continue
            here = told_here is None or id(earlier) in told_here
            if here and draft.dated:
                continue  # in the paragraph, "On 2 March, ..." starts a telling of its own
            if not here and not (draft.places and _same_place(earlier, draft)):
                continue
            earlier.places.extend(
                p for p in draft.places if p.text not in {q.text for q in earlier.places}
            )
            earlier.casualties.extend(draft.casualties)
            if told_here is not None:
                told_here.add(id(earlier))
            return True
    drafts.append(draft)
    if told_here is not None:
        told_here.add(id(draft))
    if key is not None:
        index.setdefault(key, []).append(draft)
    return False


def _same_place(earlier: Draft, draft: Draft) -> bool:
    """``draft`` names no place, or one of ``earlier``'s."""
    told = {_place_key(p.text) for p in earlier.places}
    return not draft.places or any(_place_key(p.text) in told for p in draft.places)


def drop_restatements(drafts: list[Draft], period: TimeValue | None) -> list[Draft]:
    """Tell each event once (GUIDELINES: a restatement is not annotated again).

    The lead summarises the story the body tells, so a lead event the body tells again is
    dropped; but background the lead gives from before the story's period (the article's
    infobox dates) is the first telling, and a later "Background" restatement is dropped.
    """

    def same(a: Draft, b: Draft) -> bool:
        return bool(
            a.type == b.type
            and side_of(a) == side_of(b)
            and a.date
            and b.date
            and a.date.start <= b.date.end
            and b.date.start <= a.date.end
        )

    def background(d: Draft) -> bool:
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
