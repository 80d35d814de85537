"""Who held each place over time, from capture and withdrawal events.

A timeline per place key (:func:`badia.merge.keys.place_key`), changes taken in date
order (then document and offset), each period keeping the events that support it:

- ``capture``: ``side1`` takes the event's places;
- ``withdrawal``: ``side1`` leaves; the place goes to ``side2`` when it is known, else to
  the other party of a contested place, else to ``unknown``;
- a *partial* change (the text names only part of the place: "several wells in the
  Hayyan gas fields", "most of Palmyra", "the hills around the airbase", or the place
  appears only inside the names of its parts, "Palmyra Castle") makes the place
  ``contested`` between the holder and the newcomer; a later full change settles it;
- a change that agrees with the current holder (a second document telling the same
  capture, a partial gain by the holder) only adds its evidence to the open period.

A period ends on the first day of the change that ends it (``end`` is that date);
``end=None`` means no later change is told. Attacks, clashes and strikes do not move
control: the text must say that a place was taken or left.

Places do not inherit from larger places here ("Palmyra Castle" keeps its own timeline):
the text names a part when only a part changed hands, and partial changes above say so
for the larger place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from badia.merge.keys import nested, place_key
from badia.merge.records import ControlEvidence, ControlPeriod
from badia.model import Event

_PART_OF = re.compile(
    r"\b(?:several|some|many|a number of|most|much|parts?|portions?|sections?|points?|"
    r"positions?|wells?|districts?|neighbou?rhoods?|outskirts|countryside|surroundings|"
    r"vicinity|edges?|sides?|part)\b[^,;.]*?\b(?:of|in|around|near|surrounding|outside)\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.I,
)
_NEAR = re.compile(
    r"\b(?:around|near|outside|towards?|approach(?:es)?\s+to|advancing\s+to|"
    r"(?:outskirts|edges?|gates)\s+of)\s+(?:the\s+)?$",
    re.I,
)
_WHOLE = re.compile(r"\b(?:entire|whole|all of|full control|fully|completely|complete)\b", re.I)
_WINDOW = 80
_CHANGE_TYPES = {"capture", "withdrawal"}


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    return [
        (m.start(), m.end())
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.I)
    ]


def is_partial(quote: str, name: str, others: Sequence[str] = ()) -> bool:
    """Whether the quote says only part of ``name`` changed hands (see module docstring).

    A name the quote does not contain cannot be judged and counts as whole.
    """
    spans = _occurrences(quote, name)
    if not spans:
        return False
    longer = [o for o in others if len(o) > len(name) and name.lower() in o.lower()]
    inner = {s for o in longer for s in _occurrences(quote, o)}
    standalone = []
    for s, e in spans:
        inside = any(a <= s and e <= b for a, b in inner)
        modifier = re.match(r"\s+[A-Z]", quote[e:]) is not None  # "Palmyra Airport"
        if not inside and not modifier:
            standalone.append((s, e))
    if not standalone:
        return True
    for s, _ in standalone:
        window = quote[max(0, s - _WINDOW) : s]
        window = re.split(r"[,;]", window)[-1]
        if _WHOLE.search(window):
            return False
        if _PART_OF.search(window) or _NEAR.search(window):
            continue
        return False
    return True


@dataclass
class _Change:
    event: Event
    name: str
    kind: str  # "capture" | "withdrawal"
    partial: bool

    @property
    def order(self) -> tuple:
        e = self.event
        return (e.date_start or date.min, e.date_end or date.min, e.doc, e.start, e.id)


def _evidence(c: _Change) -> ControlEvidence:
    e = c.event
    return ControlEvidence(
        event_id=e.id,
        doc=e.doc,
        quote=e.quote,
        type=e.type,
        date_start=e.date_start,
        date_end=e.date_end,
        side1=e.side1,
        partial=c.partial,
    )


def _known(side: str | None) -> bool:
    return side is not None and side != "unknown"


def _timeline(key: str, changes: list[_Change]) -> list[ControlPeriod]:
    periods: list[ControlPeriod] = []
    for c in sorted(changes, key=lambda c: c.order):
        e = c.event
        cur = periods[-1] if periods else None
        actor = e.side1 if _known(e.side1) else "unknown"
        if c.kind == "capture":
            if not c.partial:
                side, parties, note = actor, [], None
            elif cur is None or cur.side == "unknown":
                side, parties, note = "contested", [actor], f"{actor} took part of it"
            elif cur.side == actor or (cur.side == "contested" and actor in cur.parties):
                cur.evidence.append(_evidence(c))
                continue
            else:
                held = cur.parties if cur.side == "contested" else [cur.side]
                parties = sorted({*held, actor})
                side, note = "contested", f"{actor} took part of it"
        else:  # withdrawal
            heir = e.side2 if _known(e.side2) and e.side2 != actor else None
            if heir is None and cur is not None and cur.side == "contested":
                rest = [p for p in cur.parties if p != actor]
                heir = rest[0] if len(rest) == 1 else None
            if c.partial:
                parties = sorted({actor, heir} - {None}) if heir else [actor]
                if cur is not None and cur.side == "contested" and set(parties) <= set(cur.parties):
                    cur.evidence.append(_evidence(c))
                    continue
                side, note = "contested", f"{actor} left part of it"
            else:
                side, parties = (heir or "unknown"), []
                note = f"{actor} withdrew" + ("" if heir else "; next holder not stated")
        if cur is not None and cur.side == side and cur.parties == parties:
            cur.evidence.append(_evidence(c))
            continue
        if cur is not None:
            cur.end = e.date_start
        periods.append(
            ControlPeriod(
                key=key,
                place=c.name,
                side=side,  # type: ignore[arg-type]
                start=e.date_start,
                parties=parties,  # type: ignore[arg-type]
                note=note,
                evidence=[_evidence(c)],
            )
        )
    names = [p.place for p in periods]
    for p in periods:  # one display name per place: the first written
        p.place = names[0]
    return periods


def control_timelines(events: Sequence[Event]) -> list[ControlPeriod]:
    """All control periods, grouped by place key (keys sorted), each place in date order."""
    changes: dict[str, list[_Change]] = defaultdict(list)
    for e in events:
        if e.type not in _CHANGE_TYPES or e.date_start is None:
            continue
        for name in e.locations:
            key = place_key(name)
            if not key:
                continue
            partial = is_partial(e.quote, name, e.locations)
            changes[key].append(_Change(e, name, e.type, partial))
    out: list[ControlPeriod] = []
    for key in sorted(changes):
        out.extend(_timeline(key, changes[key]))
    return out


def find_place(periods: Sequence[ControlPeriod], query: str) -> list[str]:
    """Place keys matching a user's spelling: equal key, else nested names, else fuzzy."""
    keys: dict[str, str] = {}
    for p in periods:
        keys.setdefault(p.key, p.place)
    q = place_key(query)
    if q in keys:
        return [q]
    hits = [k for k, name in keys.items() if nested(query, name)]
    if hits:
        return sorted(hits)
    scored = sorted(((fuzz.token_set_ratio(q, k), k) for k in keys), key=lambda x: (-x[0], x[1]))
    return [k for s, k in scored if s >= 85][:5]
