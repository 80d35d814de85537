"""Cross-document event merging: events that different documents tell about the same
real event become one :class:`MergedEvent` that lists every source.

Why conservative: a wrong merge hides an event and mixes casualty claims, while a
missed merge only shows one event twice (and every source is still listed). So two
events merge only when all of these hold, and each merge records why:

- they come from different documents (a document does not tell one event twice in the
  body, GUIDELINES section 1; its restatements are not annotated);
- their types fall in the same family (attack/clash/ambush are one battle);
- their date intervals overlap (both dates known);
- the same initiating side (``side1``, known); ``side2`` equal when both are known;
- their places match: an equal key, one name nested in the other (only generic words
  added, see :func:`badia.merge.keys.nested`), geocoded points within
  :data:`NEAR_KM`, or one event gives only a governorate that holds the other's place.

Groups grow by complete linkage (a newcomer must match every member, and a group holds
at most one event per document), strongest pairs first, so no chain of weak links joins
events that do not match each other. Candidate pairs come from blocks of time window
(month, type family, side1) and area (governorate), which keeps the work near
n log n for large corpora (``bench/bench_merge.py``).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from badia.merge.keys import nested, place_key
from badia.merge.records import ClaimedFigure, MergedEvent, MergedSource, TypeFamily
from badia.model import Event, Place

FAMILY: dict[str, TypeFamily] = {
    "attack": "battle",
    "clash": "battle",
    "ambush": "battle",
    "capture": "capture",
    "withdrawal": "withdrawal",
    "airstrike": "remote",
    "shelling": "remote",
    "bombing": "remote",
    "civilian_violence": "civilian_violence",
    "deployment": "deployment",
    "other": "other",
}
NEAR_KM = 5.0  # two geocoded points this close are one place (a town and its outskirts)
MAX_BLOCK_MONTHS = 24  # an event spanning more months than this is too vague to merge
_TYPE_RANK = {t: i for i, t in enumerate(["ambush", "attack", "clash"])}  # tie-break
_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3}
_VAGUE_SIDES = {None, "unknown"}


def claimant_of(source: str | None, event_source: str | None, doc: str) -> str:
    """Who claims a figure: its own source, else the event's, else the document's voice."""
    return source or event_source or f"doc:{doc}"


# --------------------------------------------------------------------- pair tests


def _months(e: Event) -> list[tuple[int, int]]:
    assert e.date_start and e.date_end
    y, m = e.date_start.year, e.date_start.month
    out = []
    while (y, m) <= (e.date_end.year, e.date_end.month) and len(out) <= MAX_BLOCK_MONTHS:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _governorate_only(e: Event) -> str | None:
    """The governorate when the event names no place finer than it, else ``None``."""
    if not e.admin1:
        return None
    gov = place_key(e.admin1)
    finer = [
        loc
        for loc in e.locations
        if place_key(loc) not in {gov, f"{gov} governorate", f"{gov} province"}
    ]
    if finer:
        return None
    if e.places and not all(p.where_prec in (4, None) and not p.latitude for p in e.places):
        return None
    return e.admin1


def _km(a: Place, b: Place) -> float:
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _point_places(e: Event) -> list[Place]:
    # Only points finer than a governorate say where the event was.
    return [
        p
        for p in e.places
        if p.latitude is not None and p.longitude is not None and p.where_prec not in (4, 5, 6, 7)
    ]


def _admin1s(e: Event) -> set[str]:
    out = {place_key(p.admin1) for p in e.places if p.admin1}
    if e.admin1:
        out.add(place_key(e.admin1))
    return out


def place_match(a: Event, b: Event) -> tuple[int, str] | None:
    """``(strength, reason)`` when the two events' places are the same, else ``None``."""
    for la in a.locations:
        for lb in b.locations:
            if place_key(la) and place_key(la) == place_key(lb):
                return 3, f"same place: {la}" + ("" if la == lb else f" = {lb}")
    for la in a.locations:
        for lb in b.locations:
            pair = nested(la, lb)
            if pair:
                return 2, f"places nested: {pair[0]} ⊂ {pair[1]}"
    for pa in _point_places(a):
        for pb in _point_places(b):
            d = _km(pa, pb)
            if d <= NEAR_KM:
                return 2, f"places within {d:.1f} km: {pa.name} ~ {pb.name}"
    for x, y in ((a, b), (b, a)):
        gov = _governorate_only(x)
        if gov and place_key(gov) in _admin1s(y) and y.locations:
            return 1, f"place in governorate: {', '.join(y.locations)} ⊂ {gov}"
    return None


def _overlap(a: Event, b: Event) -> tuple[date, date] | None:
    assert a.date_start and a.date_end and b.date_start and b.date_end
    lo, hi = max(a.date_start, b.date_start), min(a.date_end, b.date_end)
    return (lo, hi) if lo <= hi else None


def _span(lo: date, hi: date) -> str:
    return lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"


@dataclass(frozen=True)
class PairMatch:
    score: int
    reason: str


def match_pair(a: Event, b: Event) -> PairMatch | None:
    """Whether two events tell the same real event; the reason string when they do."""
    if a.doc_id == b.doc_id:
        return None
    if FAMILY[a.type] != FAMILY[b.type]:
        return None
    if not (a.date_start and a.date_end and b.date_start and b.date_end):
        return None
    inter = _overlap(a, b)
    if inter is None:
        return None
    if a.side1 in _VAGUE_SIDES or a.side1 != b.side1:
        return None
    if a.side2 not in _VAGUE_SIDES and b.side2 not in _VAGUE_SIDES and a.side2 != b.side2:
        return None
    places = place_match(a, b)
    if places is None:
        return None
    strength, place_reason = places
    score = strength * 10
    if (a.date_start, a.date_end) == (b.date_start, b.date_end):
        score += 4
    elif inter[0] == inter[1]:
        score += 2
    if a.side2 == b.side2 and a.side2 not in _VAGUE_SIDES:
        score += 1
    parts = [
        f"same type family '{FAMILY[a.type]}'",
        f"dates overlap {_span(*inter)}",
        place_reason,
        f"side1 {a.side1}",
    ]
    if a.side2 not in _VAGUE_SIDES and a.side2 == b.side2:
        parts.append(f"side2 {a.side2}")
    return PairMatch(score, "; ".join(parts))


# --------------------------------------------------------------------- grouping


def _area(e: Event) -> frozenset[str] | None:
    """The governorates an event's places lie in; ``None`` (anywhere) when a place is not
    placed in one, since an unplaced name can still match another event's by spelling."""
    if not e.places and not e.admin1:
        return None
    if any(p.admin1 is None for p in e.places):
        return None
    return frozenset(_admin1s(e)) or None


def candidate_pairs(events: Sequence[Event]) -> Iterable[tuple[int, int]]:
    """Pairs of events worth comparing, each once: blocked by time window and area.

    A block holds the events of one month, type family and initiating side; within it
    only events that share a governorate are paired, and an event with a place outside
    any governorate is paired with the whole block. Within each group a sweep over start
    dates pairs only overlapping intervals, so the work is the sort (n log n) plus the
    pairs that can match (places in different governorates cannot, save two points
    within :data:`NEAR_KM` across a governorate border, which are not looked for).
    """
    blocks: dict[tuple[int, int, str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.date_start is None or e.date_end is None or e.side1 in _VAGUE_SIDES:
            continue
        months = _months(e)
        if len(months) > MAX_BLOCK_MONTHS:
            continue
        for y, m in months:
            blocks[(y, m, FAMILY[e.type], str(e.side1))].append(i)
    areas = {i: _area(events[i]) for members in blocks.values() for i in members}
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        members.sort(key=lambda k: (events[k].date_start, k))
        by_area: dict[str, list[int]] = defaultdict(list)
        anywhere = []
        for i in members:
            if areas[i] is None:
                anywhere.append(i)
            else:
                for a in areas[i]:  # type: ignore[union-attr]
                    by_area[a].append(i)
        groups = list(by_area.values())
        if anywhere:
            groups.append(members)  # the unplaced events against everyone of the block
        for group in groups:
            with_all = group is members
            for pair in _overlapping(events, group):
                if with_all and areas[pair[0]] is not None and areas[pair[1]] is not None:
                    continue  # both placed: paired within their governorates already
                if events[pair[0]].doc_id != events[pair[1]].doc_id and pair not in seen:
                    seen.add(pair)
                    yield pair


def _overlapping(events: Sequence[Event], members: list[int]) -> Iterable[tuple[int, int]]:
    """Pairs of ``members`` (sorted by start date) whose date intervals overlap."""
    for x, i in enumerate(members):
        end = events[i].date_end
        for j in members[x + 1 :]:
            if events[j].date_start > end:  # type: ignore[operator]
                break
            yield (min(i, j), max(i, j))


def group_events(events: Sequence[Event]) -> list[tuple[list[int], list[str]]]:
    """Groups of event indices that tell one event, each with its merge reasons."""
    matches: dict[tuple[int, int], PairMatch] = {}
    for i, j in candidate_pairs(events):
        m = match_pair(events[i], events[j])
        if m:
            matches[(i, j)] = m
    group_of = list(range(len(events)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    reasons: dict[int, list[str]] = {i: [] for i in range(len(events))}
    order = sorted(
        matches.items(), key=lambda kv: (-kv[1].score, events[kv[0][0]].id, events[kv[0][1]].id)
    )
    for (i, j), m in order:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        docs_a = {events[k].doc_id for k in a}
        if any(events[k].doc_id in docs_a for k in b):
            continue
        if not all((min(x, y), max(x, y)) in matches for x in a for y in b):
            continue
        ea, eb = events[i], events[j]
        members[gi] = a + b
        reasons[gi] = [*reasons[gi], *reasons[gj], f"{ea.id} ~ {eb.id}: {m.reason}"]
        for k in b:
            group_of[k] = gi
        del members[gj], reasons[gj]
    return [(sorted(members[g]), reasons[g]) for g in sorted(members)]


# --------------------------------------------------------------------- building records


def _merged_date(evs: list[Event]) -> tuple[date | None, date | None, str | None]:
    dated = [e for e in evs if e.date_start and e.date_end]
    if not dated:
        return None, None, None
    lo = max(e.date_start for e in dated)  # type: ignore[type-var]
    hi = min(e.date_end for e in dated)  # type: ignore[type-var]
    if lo > hi:  # cannot happen for a merged group; keep the most precise source's date
        best = min(dated, key=lambda e: _PRECISION_RANK.get(e.date_precision or "year", 4))
        return best.date_start, best.date_end, best.date_precision
    if lo == hi:
        return lo, hi, "day"
    for e in dated:
        if (e.date_start, e.date_end) == (lo, hi):
            return lo, hi, e.date_precision
    return lo, hi, "range"


def _first_known(values: Iterable[str | None]) -> str | None:
    vals = [v for v in values if v is not None]
    known = [v for v in vals if v != "unknown"]
    return (known or vals or [None])[0]


def _union(lists: Iterable[list[str]], key=lambda s: s) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for lst in lists:
        for item in lst:
            k = key(item)
            if k not in seen:
                seen.add(k)
                out.append(item)
    return out


def build_merged(evs: list[Event], reasons: list[str]) -> MergedEvent:
    """One merged record from its source events (in the order given)."""
    types = [e.type for e in evs]
    counts = Counter(types)
    top = max(counts.values())
    etype = min((t for t in counts if counts[t] == top), key=lambda t: (_TYPE_RANK.get(t, 9), t))
    start, end, precision = _merged_date(evs)
    places: list[Place] = []
    seen_places: set[str] = set()
    for e in evs:
        for p in e.places:
            k = place_key(p.name)
            if k not in seen_places:
                seen_places.add(k)
                places.append(p)
    fatalities = [
        ClaimedFigure(
            side=f.side,
            killed=f.killed,
            claimant=claimant_of(f.source, e.source, e.doc),
            record_id=e.id,
            doc=e.doc,
        )
        for e in evs
        for f in e.fatalities
    ]
    ids = sorted(e.id for e in evs)
    digest = hashlib.sha1("\n".join(ids).encode()).hexdigest()[:16]
    return MergedEvent(
        id=f"m:{digest}",
        type=etype,
        types=types,
        family=FAMILY[evs[0].type],
        date_start=start,
        date_end=end,
        date_precision=precision,  # type: ignore[arg-type]
        actor1=_union(e.actor1 for e in evs),
        side1=_first_known(e.side1 for e in evs),  # type: ignore[arg-type]
        actor2=_union(e.actor2 for e in evs),
        side2=_first_known(e.side2 for e in evs),  # type: ignore[arg-type]
        locations=_union((e.locations for e in evs), key=place_key),
        places=places,
        admin1=_first_known(e.admin1 for e in evs),
        fatalities=fatalities,
        sources=[
            MergedSource(
                event_id=e.id,
                doc=e.doc,
                doc_id=e.doc_id,
                quote=e.quote,
                start=e.start,
                end=e.end,
                type=e.type,
                date_start=e.date_start,
                date_end=e.date_end,
                date_precision=e.date_precision,
                source=e.source,
            )
            for e in evs
        ],
        reasons=reasons,
    )


def tellings(events: Sequence[Event]) -> list[MergedEvent]:
    """Every event as a merged event of its own (the per-document rows, ``--tellings``),
    in the order :func:`merge_events` gives."""
    return in_order([build_merged([e], []) for e in events])


def in_order(merged: list[MergedEvent]) -> list[MergedEvent]:
    """By date (undated last), then by the first telling's document and event id."""
    return sorted(
        merged,
        key=lambda m: (
            m.date_start is None,
            m.date_start or date.min,
            m.sources[0].doc,
            m.sources[0].event_id,
        ),
    )


def merge_events(events: Sequence[Event]) -> list[MergedEvent]:
    """Every event in exactly one merged event; cross-document matches grouped.

    Output order: by date (undated last), then by the first source's document and offset,
    so the result is deterministic for a given input set.
    """
    evs = sorted(events, key=lambda e: (e.doc_id, e.start, e.id))
    out = []
    for idx, reasons in group_events(evs):
        group = sorted((evs[i] for i in idx), key=lambda e: (e.doc, e.start))
        out.append(build_merged(group, reasons))
    return in_order(out)
