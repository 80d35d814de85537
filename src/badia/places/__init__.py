"""Stage: place names -> gazetteer entries with coordinates, admin areas and precision.

``locate_events`` fills each event's ``places`` (one ``Place`` per location name, in
order) and its ``admin1`` when the text did not state it. Names resolve in two
passes: first without neighbours, then again with the points of the document's
other places as anchors, so an ambiguous village is taken near the rest.
"""

from __future__ import annotations

from functools import lru_cache

from badia.model import Document, Event, Place
from badia.places.resolve import Context, Hit, Resolver, governorates_named

__all__ = ["locate_events", "resolver", "Context", "Resolver"]


@lru_cache(maxsize=1)
def resolver() -> Resolver:
    """The process-wide resolver (gazetteer loaded once, on first use)."""
    return Resolver()


def locate_events(events: list[Event], document: Document) -> list[Event]:
    """Geocode every event's ``locations``; unresolved names keep ``None`` coordinates."""
    if not events:
        return events
    r = resolver()
    govs = (
        governorates_named(document.title or "")
        | {g for e in events for g in governorates_named(e.quote)}
        | {e.admin1 for e in events if e.admin1}
    )
    first: dict[tuple[str, str | None], Hit | None] = {}
    quote_of: dict[str, str] = {}  # the first event quote naming each location
    for ev in events:
        for loc in ev.locations:
            quote_of.setdefault(loc, ev.quote)
            k = (loc, ev.admin1)
            if k not in first:
                first[k] = r.resolve(loc, Context(ev.admin1, govs, [], ev.quote))
    points = {k: (h.lat, h.lon) for k, h in first.items() if h is not None and h.where_prec <= 2}
    # a name that several governorates hold anchors nothing before the others have placed it
    sure = {k: p for k, p in points.items() if not r.ambiguous(k[0])} or points
    second: dict[tuple[str, str | None], Hit | None] = {}
    for k, h in first.items():
        if h is not None and len(r.candidates(k[0])) == 1:
            second[k] = h  # one gazetteer entry by that name: neighbours cannot change it
            continue
        anchors = [p for kk, p in sure.items() if kk[0] != k[0]]
        second[k] = r.resolve(k[0], Context(k[1], govs, anchors, quote_of[k[0]])) if anchors else h
    out = []
    for ev in events:
        places: list[Place] = []
        for loc in ev.locations:
            start, end = _span(loc, ev, document)
            hit = second[(loc, ev.admin1)]
            if hit is None:
                places.append(Place(name=loc, start=start, end=end))
            else:
                places.append(hit.place(loc, start, end))
        admin1 = ev.admin1
        if admin1 is None:  # from the surest place: one whose name no other governorate has
            known = [p for p in places if p.admin1 and p.geo_precision]
            sure_places = [p for p in known if not r.ambiguous(p.name)]
            admin1 = next((p.admin1 for p in sure_places or known), None)
        out.append(ev.model_copy(update={"places": places, "admin1": admin1}))
    return out


def _span(loc: str, ev: Event, document: Document) -> tuple[int | None, int | None]:
    """Offsets of the name inside the event's quote, when it is written there."""
    i = ev.quote.find(loc)
    if i < 0:
        return None, None
    start = ev.start + i
    if document.text[start : start + len(loc)] != loc:
        return None, None
    return start, start + len(loc)
