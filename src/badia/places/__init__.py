"""Stage: place names -> gazetteer entries with coordinates, admin areas and precision.

``locate_events`` fills each event's ``places`` (one ``Place`` per location name, in
order) and its ``admin1`` when the text did not state it. Names resolve in two
passes: first without neighbours, then again with the points of the document's
surest other places as anchors, so an ambiguous village is taken near the rest (or left
unresolved when every place of that name lies far from them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from badia.model import Document, Event, Place
from badia.places.kinds import PLACE, SITE, name_kind
from badia.places.normalise import key, tokens
from badia.places.resolve import Context, Hit, Resolver, governorates_named, name_runs

__all__ = ["locate_events", "resolver", "document_frame", "Context", "Resolver"]


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
    quote_of: dict[str, str] = {}  # the text around each location (see ``_text_around``)
    for ev in events:
        for loc in ev.locations:
            if loc not in quote_of or loc not in quote_of[loc]:
                around = _text_around(loc, ev, document)
                if loc not in quote_of or loc in around:
                    quote_of[loc] = around
    for ev in events:
        for loc in ev.locations:
            k = (loc, ev.admin1)
            if k not in first:
                first[k] = r.resolve(loc, Context(ev.admin1, govs, [], quote_of[loc],
                                                  _earlier(quote_of[loc], document)))
    # the points that anchor the others: a name that several governorates hold anchors
    # nothing before the others have placed it, nor does a place placed only near another
    # ("near X") or outside the event's stated governorate
    sure = {k: (h.lat, h.lon) for k, h in first.items()
            if h is not None and h.where_prec <= 2 and h.relation is None
            and not r.ambiguous(k[0]) and (k[1] is None or h.admin1 == k[1])}
    second: dict[tuple[str, str | None], Hit | None] = {}
    for k, h in first.items():
        cands = r.candidates(k[0])
        if h is not None and len(cands) == 1 and h.entry_id == cands[0].id:
            second[k] = h  # one gazetteer entry by that name: neighbours cannot change it
            continue
        anchors = [p for kk, p in sure.items() if kk[0] != k[0]]
        ctx = Context(k[1], govs, anchors, quote_of[k[0]], _earlier(quote_of[k[0]], document))
        second[k] = r.resolve(k[0], ctx) if anchors else h
    placed = {k[0]: h for k, h in second.items() if h is not None}
    for k, h in second.items():
        if h is not None and h.anchor and h.anchor_span is None:
            h.anchor_span = _anchor_span(k[0], h.anchor, quote_of[k[0]], document)
    spellings: dict[str, list[tuple[int, str]]] | None = None
    for k, h in second.items():
        if h is None:
            second[k] = _longer_name_of(k[0], placed)
        if second[k] is None and name_kind(k[0]) in (PLACE, SITE):
            if spellings is None:
                spellings = _spellings(document)
            second[k] = _related_elsewhere(k, govs, spellings, document)
    frame = document_frame(document)
    out = []
    for ev in events:
        if not ev.locations and frame is not None:
            # the text names no place: the area the document states for its whole story
            out.append(ev.model_copy(update={"places": [frame]}))
            continue
        places: list[Place] = []
        for loc in ev.locations:
            start, end = _span(loc, ev, document)
            hit = second[(loc, ev.admin1)]
            if hit is None:
                places.append(Place(name=loc, start=start, end=end))
            else:
                places.append(_as_stated(hit.place(loc, start, end), ev.quote))
        admin1 = ev.admin1
        if admin1 is None:  # from the surest place: one whose name no other governorate has
            known = [p for p in places if p.admin1 and p.geo_precision]
            sure_places = [p for p in known if not r.ambiguous(p.name)]
            admin1 = next((p.admin1 for p in sure_places or known), None)
        out.append(ev.model_copy(update={"places": places, "admin1": admin1}))
    return out


def _longer_name_of(loc: str, placed: dict[str, Hit]) -> Hit | None:
    """A longer name of a site the document placed under a shorter one: "the Artillery
    Regiment 121 base" after "the Regiment 121 base, south of Al-Hasakah", or the same name
    spelt otherwise ("Jabbal Hayyal", "Hayyal Mount" after "Jabal Hayyal mountain,
    overlooking Palmyra"). The shorter name (two words or more, all of them in the longer)
    gives its point, at ``geo_precision`` and ``where_prec`` 2 at best, with its relation or
    "near" it; None when none is placed."""
    if name_kind(loc) not in (PLACE, SITE):
        return None
    words = set(tokens(loc))
    shorter = [(len(set(tokens(n))), n) for n in placed
               if name_kind(n) in (PLACE, SITE) and len(set(tokens(n))) >= 2
               and set(tokens(n)) <= words]
    if not shorter:
        return None
    _, name = max(shorter)
    h = placed[name]
    return Hit(h.entry_id, h.lat, h.lon, h.admin1, h.admin2, h.country,
               max(h.geo_precision, 2), max(h.where_prec, 2), h.relation or f"near {name}",
               anchor=h.anchor, anchor_span=h.anchor_span)


# A place the text gives as a reference point, not as the spot: "near X", "west of X",
# "on the outskirts of X", "10 km from X" (the distance alone leaves the bearing unknown).
_REFERENCE = re.compile(
    r"\b(?P<rel>near|nearby|close\s+to|around|outside|(?:on\s+)?the\s+outskirts\s+of|"
    r"outskirts\s+of|(?:in\s+)?the\s+vicinity\s+of|(?:to\s+the\s+)?(?:north|south|east|west)"
    r"(?:[- ]?(?:east|west))?(?:ern)?\s+of|(?:\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?)\s+"
    r"(?:from|outside))|(?:towards?|approaching))\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.I,
)


def _as_stated(place: Place, quote: str) -> Place:
    """A town the quote names only as a reference point ("near al-Sukhnah") places the event
    around it: ``geo_precision`` 2 (ACLED: near the town), ``where_prec`` 2 (UCDP), and the
    relation as written. A place already placed relative to another keeps its own."""
    if place.relation is not None or place.where_prec is None or place.where_prec > 2:
        return place
    i = quote.find(place.name)
    m = _REFERENCE.search(quote[max(0, i - 60):i]) if i >= 0 else None
    if m is None:
        return place
    return place.model_copy(update={
        "geo_precision": max(place.geo_precision or 1, 2), "where_prec": 2,
        "relation": f"{' '.join(m.group('rel').split())} {place.name}",
    })


FRAME_GEO_PRECISION = 3  # ACLED: "a larger region" is all the text gives


def document_frame(document: Document) -> Place | None:
    """The area a document states for its whole story (the infobox's places), as a coarse
    place for events whose own text names none; ``None`` when there is none or it is
    ambiguous.

    The infobox's places are resolved in order, the country left aside; the most specific
    one is kept when the rest contain it (same governorate), else the country when the
    infobox names it; several governorates without the country give none. The place keeps
    the infobox's span, ``geo_precision`` 3 (ACLED's "larger region") and a ``where_prec``
    no finer than 3 (UCDP's district level), and its ``relation`` says where it comes from.
    """
    ib = document.infobox
    if ib is None or not ib.places:
        return None
    r = resolver()
    hits = [(name, r.resolve(name)) for name in ib.places]
    found = [(n, h) for n, h in hits if h is not None]
    country = next(((n, h) for n, h in found if h.where_prec == 6), None)
    areas = [(n, h) for n, h in found if h.where_prec < 6]
    govs = {h.admin1 for _, h in areas}
    if areas and len(govs) == 1 and None not in govs:
        name, hit = min(areas, key=lambda nh: nh[1].where_prec)
    elif len(areas) == 1:
        name, hit = areas[0]
    elif country is not None:
        name, hit = country
    else:
        return None
    start = document.text.find(name, ib.start or 0, ib.end if ib.end else None)
    place = hit.place(name, start if start >= 0 else None,
                      start + len(name) if start >= 0 else None)
    return place.model_copy(update={
        "geo_precision": FRAME_GEO_PRECISION,
        "where_prec": max(hit.where_prec, 3),
        "relation": f"the area of the whole story (infobox place: {name})",
    })


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


# Occurrences of another spelling of a name that are tried for a relation that places it
ELSEWHERE_TRIES = 5


def _spellings(document: Document) -> dict[str, list[tuple[int, str]]]:
    """The document's runs of capitalised words, by folded key (see ``_related_elsewhere``)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for at, words in name_runs(document.text):
        k = key(words)
        if k:
            out.setdefault(k, []).append((at, words))
    return out


def _related_elsewhere(k: tuple[str, str | None], govs: set[str],
                       spellings: dict[str, list[tuple[int, str]]],
                       document: Document) -> Hit | None:
    """The point of a name no source holds, from another spelling of it that the document
    writes with a relation ("Hayyal Mount", an event's place, after "reached Jabal Hayyal
    mountain, overlooking Palmyra", a sentence no event took it from): that spelling read
    in its own sentence, taken only when a relation there places it at another place (its
    anchor, whose span is kept); None otherwise."""
    loc, admin1 = k
    r = resolver()
    for at, words in [s for s in spellings.get(key(loc), []) if s[1] != loc][:ELSEWHERE_TRIES]:
        sentence = _sentence_at(document.text, at, len(words))
        hit = r.resolve(words, Context(admin1, govs, [], sentence, _earlier(sentence, document)))
        if hit is not None and hit.relation and hit.anchor:
            hit.anchor_span = _anchor_span(words, hit.anchor, sentence, document)
            return hit
    return None


def _sentence_at(text: str, i: int, length: int) -> str:
    """The sentence of ``text`` holding the ``length`` characters at ``i`` (at most 400
    characters either side)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, i - 400), i)]
    begin = starts[-1] if starts else max(0, i - 400)
    m = _SENTENCE_END.search(text, i + length, i + length + 400)
    return text[begin: m.end() if m else i + length + 400].strip()


def _text_around(loc: str, ev: Event, document: Document) -> str:
    """The text that says where ``loc`` is: the event's quote when it names the place, else
    the document's sentence holding the occurrence of the name nearest the quote (an event
    told over several clauses, or a place named by a definite description: "X, south of
    Y" is often written in the sentence before the one that tells the event)."""
    if loc in ev.quote or not loc:
        return ev.quote
    text = document.text
    hits = [m.start() for m in re.finditer(re.escape(loc), text)]
    if not hits:
        return ev.quote
    return _sentence_at(text, min(hits, key=lambda h: abs(h - ev.start)), len(loc))


EARLIER_CHARS = 1000  # how far back in its paragraph "the city" may have been named


def _earlier(text: str, document: Document) -> str:
    """The paragraph's text before ``text`` (a quote or a sentence of the document), at most
    ``EARLIER_CHARS``; empty when ``text`` opens its paragraph or is not found."""
    i = document.text.find(text) if text else -1
    if i <= 0:
        return ""
    start = max(document.text.rfind("\n", 0, i) + 1, i - EARLIER_CHARS)
    return document.text[start:i]


def _anchor_span(loc: str, anchor: str, text: str, document: Document) -> tuple[int, int] | None:
    """Document offsets of the anchor a relation named in ``text`` (the quote or sentence the
    place was resolved from): its first occurrence after the name there, else the last
    before it, else the last in the paragraph before ``text``; an occurrence inside a longer
    name ("Palmyra" of "Palmyra Triangle") is not it. None when not found."""
    base = document.text.find(text) if text else -1
    if base < 0:
        return None
    whole = re.compile(rf"(?<![\w-]){re.escape(anchor)}(?![\w-])(?!\s+[A-Z])")
    i = max(text.find(loc), 0)
    hits = [m.start() for m in whole.finditer(text)]
    after = [j for j in hits if j >= i + len(loc)]
    before = [j for j in hits if j < i]
    if after or before:
        j = after[0] if after else before[-1]
        return base + j, base + j + len(anchor)
    earlier = _earlier(text, document)
    found = [m.start() for m in whole.finditer(earlier)]
    if not found:
        return None
    start = base - len(earlier) + found[-1]
    return start, start + len(anchor)


def _span(loc: str, ev: Event, document: Document) -> tuple[int | None, int | None]:
    """Offsets of the name inside the event's quote, when it is written there."""
    i = ev.quote.find(loc)
    if i < 0:
        return None, None
    start = ev.start + i
    if document.text[start : start + len(loc)] != loc:
        return None, None
    return start, start + len(loc)
