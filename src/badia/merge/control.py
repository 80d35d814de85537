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

Only a place that can be held has a holder (:func:`holdable`): a town, village, base,
field, hill or crossing. Rivers, roads and front lines, regions, deserts, governorates
and countries do not (``badia.places.kinds.name_kind``, and the gazetteer's precision
when the name resolved to a governorate, a line or fuzzy area, or a country). A change
moves a place only when the text takes or leaves that place itself (or part of it):
"near Palmyra", "the countryside of Damascus", "the Damascus countryside" do not.
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
from badia.model import Event, Place
from badia.places.kinds import PLACE, SITE, name_kind

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
# Words that make a name a point that can be held even when it names a line ("the Nasib
# border crossing", "the Bab al-Hawa gate").
_HOLDABLE_WORDS = re.compile(r"\b(?:crossing|gate|checkpoint|bridge|dam)\b", re.I)
# "Homs-Deir ez-Zor", "Sukhnah-Deir ez-Zor": two places joined, the road or front between
# them (a hyphen after an Arabic article or a name's first word, "Al-Mahr", is not that).
_BETWEEN = re.compile(
    r"^(?!(?:Al|El|As|Ad|Ash|Ar|At|Az|An|Ez|Es|Ed|Umm|Abu|Bir|Tal|Tell|Deir|Ras|Ain|Kafr|"
    r"Beit|Bab|Jisr)-)[A-Z][\w'’]+-[A-Z]"
)
_COUNTRIES = {"syria", "iraq", "jordan", "lebanon", "turkey", "israel", "iran", "russia"}
# UCDP where_prec of a resolved name that is no point: a governorate (4), a line or fuzzy
# area (5), a country (6), international waters (7).
_AREA_PRECISION = {4, 5, 6, 7}
# The name stands for an area around or beside it, not for itself.
_AREA_OF = re.compile(
    r"\b(?:countryside|province|governorate|region|suburbs?|outskirts|environs|desert|"
    r"surroundings|vicinity|area|areas|west|east|north|south)\s+of\s+(?:the\s+)?$",
    re.I,
)
_AREA_AFTER = re.compile(
    r"^['’]?s?\s+(?:countryside|province|governorate|region|suburbs|outskirts|desert|"
    r"environs|plains?|steppe|offensive|campaign|operation|front|pocket|axis)\b",
    re.I,
)

_POINTS_BACK = re.compile(
    r"\b(?:it|there|the (?:city|town|village|base|airbase|air base|field|hill|area|place|"
    r"crossing|dam|station|castle|citadel))\b",
    re.I,
)


def holdable(name: str, places: Sequence[Place] = ()) -> bool:
    """Whether a name is a place one side can hold (a town, base, field, hill, crossing).

    ``places``: the event's resolved places; the one of this name says whether the
    gazetteer put it at a governorate, a line, a country or the sea."""
    if _HOLDABLE_WORDS.search(name):
        return True
    key = place_key(name)
    if name_kind(name) not in (PLACE, SITE) or key in _COUNTRIES or _BETWEEN.match(name.strip()):
        return False
    return not any(place_key(p.name) == key and p.where_prec in _AREA_PRECISION for p in places)


def only_beside(quote: str, name: str) -> bool:
    """Whether every mention of ``name`` in the quote names the area around it ("near X",
    "the countryside of X", "the X countryside") or an operation ("the X offensive"), so no
    change of X itself is told. A quote that does not name X tells a change of X only when
    it points back to a place ("expelled from it", "the town fell"); otherwise the name was
    carried over from an earlier sentence and the change is of somewhere else."""
    bare = re.sub(r"^(?:the|al|el|as|ad|ash|ar|at|az|an)[- ]", "", name, flags=re.I)
    spans = _occurrences(quote, name) or _occurrences(quote, bare)
    if not spans:  # "the army reached the outskirts of the city": still beside it
        spans = [(m.start(), m.end()) for m in _POINTS_BACK.finditer(quote)]
        if not spans:
            return True
    for s, e in spans:
        before = re.split(r"[,;]", quote[max(0, s - _WINDOW) : s])[-1]
        if _NEAR.search(before) or _AREA_OF.search(before) or _AREA_AFTER.match(quote[e:]):
            continue
        return False
    return True


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
    told: set[tuple] = set()
    for e in events:
        if e.type not in _CHANGE_TYPES or e.date_start is None:
            continue
        for name in e.locations:
            key = place_key(name)
            if not key or not holdable(name, e.places) or only_beside(e.quote, name):
                continue
            # a joint act of two sides is one event per side with one quote (GUIDELINES
            # 1b); the ground changes hands once, to the side named first
            telling = (key, e.doc, e.start, e.end, e.type, e.date_start)
            if telling in told:
                continue
            told.add(telling)
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
