"""Place mentions by their form: named features, and capitalised names after place prepositions.

"the Hayyan gas fields", "T-2 Pumping Station", "Tiyas Military Airbase", "Jabal al-Afa'i",
"al-Tayyas village", "near Mayadin", "in the eastern Qalamoun Mountains". Names that
the actor lexicon claims (armies, groups) or that are dates are not places.
"""

from __future__ import annotations

import re

from badia.mentions.spans import SpanIndex
from badia.model import Mention

# Arabic articles: "al-", "as-", "ash-", "el-"; only "al"/"el" also stand with a space
_ART = r"(?:[Aa]l[- ]|[Ee][lz][- ]|[Aa][nrstdz]-|[Aa]sh-)"
_WORD = rf"(?:{_ART})?[A-Z][\w'’`]*(?:-[A-Za-z][\w'’`]*)*"
_LINK = r"(?: (?:al|el|as|ad|ash|ar|at|az|an|ez|of|of the|de|the)[- ]| |-)"
_NAME = rf"{_WORD}(?:{_LINK}{_WORD}){{0,3}}"
_FEATURE_HEAD = (
    r"gas fields?|oil fields?|Gas Fields?|Oil Fields?|[Pp]umping [Ss]tation|[Aa]ir ?base|"
    r"[Aa]ir [Bb]ase|[Aa]irfield|[Mm]ilitary [Aa]irport|[Mm]ilitary [Aa]ir ?[Bb]ase|"
    r"[Ii]nternational [Aa]irport|[Aa]irport|"
    r"Military Airbase|[Mm]ilitary [Bb]ase|[Dd]am|crossroads|[Mm]ountains|Mountain|"
    r"[Mm]ountain range|Hills|"
    r"[Hh]ighway|Junction|[Bb]order [Cc]rossing|Airport|Castle|Triangle|Farms|"
    r"[Cc]ommunications tower|Grain Silos|[Dd]esert|[Ss]teppe|[Gg]overnorate|[Cc]ountryside|"
    r"[Rr]egion|[Dd]istrict|[Ss]treet|area"
)
_DIRECTION = (
    r"(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entral|[Nn]orth-?east|[Nn]orth-?west|"
    r"[Ss]outh-?east|[Ss]outh-?west)"
    r"(?:ern)? )"
)
_FEATURE = re.compile(
    rf"\b(?:the )?(?P<name>(?:{_DIRECTION})?(?:T-?\d+|{_NAME})(?: and {_NAME})? "
    rf"(?:{_FEATURE_HEAD}))\b"
    rf"|\b(?P<code>T-?\d(?: airbase| Pumping Station| area)?)\b"
    rf"|\b(?P<topo>(?:Jabal|Jebel|Jabbal|Jebal|Jeb|Tal|Tall|Tell|Mount|Wadi|Bir|Ras|Khirbet|Deir|Abu|Qasr|Ain)"
    rf"(?: {_ART}?[A-Z][\w'’`-]*| {_ART}[\w'’`-]+){{1,3}})"
)
# What every ``_FEATURE`` match contains (a head after a space, a T-code, a topographic
# word): a sentence without it skips the costly search of names before a head.
_FEATURE_HINT = re.compile(
    rf" (?:{_FEATURE_HEAD})\b|\bT-?\d|\b(?:Jabal|Jebel|Jabbal|Jebal|Jeb|Tal|Tall|Tell|Mount|Wadi|"
    rf"Bir|Ras|Khirbet|Deir|Abu|Qasr|Ain) "
)
_AFTER_PREP = re.compile(
    rf"\b(?:in|at|near|of|from|to|around|towards|toward|outside|into|between|captured|seized|"
    rf"recaptured|retook|took|reached|entered|and|including|on|overlooking|stormed|raided|"
    rf"attacked|shelled|bombed|besieged|targeted|struck|encircled)\s+"
    rf"(?:the (?:town|city|village|villages|area|areas|hill|hills) of |the )?"
    rf"(?P<name>(?:{_DIRECTION})?{_NAME})"
)
# "Qasr Tal was captured": a place as the subject of a capture, at the start of a clause.
# (An "X fell" alternative, unanchored, tried a name at every capital letter and never
# gave a place: it had no "name" group. Left out until it is written anchored.)
_PLACE_SUBJECT = re.compile(
    rf"(?:^|[,;]\s+|\bthe (?:town|city|village) of\s+)(?P<name>{_NAME})\s+(?:was|were|had been)\s+"
    rf"(?:re-?)?(?:captured|seized|taken|retaken|overrun|liberated|besieged|shelled|bombed)\b"
)
_NAMES_A_PARTY = re.compile(
    r"\s+(?:regime|government|forces|troops|army|family|administration|loyalists|militias?|"
    r"fighters|supporters|dynasty|clan)\b",
    re.I,
)
_NOT_PLACE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|These|It|They|He|She|"
    r"On|In|By|At|After|Before|During|According|However|Meanwhile|Russian|Syrian|Iranian|Iraqi|"
    r"American|Western|Lebanese|Palestinian|Turkish|Jordanian|Kurdish|Islamic|Free|President|"
    r"General|Major|Colonel|Maj|Gen|Col|Capt|Lt|US|U\.S|UN|SOHR|Orient|Reuters|AFP|Al-Masdar|"
    r"Operation|Battle|Shi'ite|Sunni|Alawite|Christian|Druze|MiG|ZU|BGM|TOW|T-72|Mi|"
    r"IS|ISIL|ISIS|SAA|FSA|SDF|NDF)\b"
)


# Generic words after a name that add nothing to it ("Mayadin area", "Palmyra countryside").
_GENERIC_TAIL = re.compile(r"\s+(?:area|areas|region|countryside|vicinity|outskirts)$", re.I)
# Names given in parentheses as other names of the place just named.
_ALIAS_PAREN = re.compile(
    r"\((?:also\s+)?(?:called|known\s+as|named|spelled|a\.?k\.?a\.?|or)\s[^()]*$", re.I
)
# "the eastern Qalamoun Mountains of the Rif Dimashq Governorate": the governorate frames it.
_GOVERNORATE_OF = re.compile(
    r"(?<=\w)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}(?:Governorate|Province|District)$"
)
# Names that only frame the event when a more specific place is given (also "X region",
# "the Homs desert", "the Syrian Desert", "the Sukhnah steppe").
_FRAME = re.compile(
    r"(?:Governorate|Province|District|countryside)$|^(?:(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|"
    r"[Cc]entral)[\w-]* )?(?:Syria|Iraq|Jordan|Lebanon|Turkey)$"
)
# "east of as-Suwayda", "near Mayadin": a reference point, not the place of the event.
_REFERENCE_POINT = re.compile(
    r"(?:\bnear|\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+of|\boutskirts of|\bto the \w+ of|\bdirectly to \w+ of|\bfrom)\s+(?:the\s+)?$",
    re.I,
)


# A broad area named by its kind ("the Homs desert", "Raqqa region"): it frames a town.
_AREA_TAIL = re.compile(r"\s(?:[Rr]egion|[Dd]esert|[Ss]teppe|[Bb]adia|[Bb]adiya)$")
# ... also a governorate named by its admin word in lower case ("in Idlib province"); a
# town's countryside stays the town ("sent to the Palmyra countryside").
_AREA_AFTER = re.compile(r"\s+(?:province|governorate)\b")
# "eastern Deir ez-Zor", "southern Raqqa": a part of a governorate or city, an area (in
# lower case: "Eastern Qalamoun", "Eastern Bayarat" are names of their own).
_PART_OF_AREA = re.compile(
    r"^(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s"
    r"(?!.*\b(?:[Aa]ir ?base|[Aa]irport|[Ff]ields?|[Ss]tation|[Dd]am|[Mm]ountains?|Jabal)\b)"
)
# The words between an area and the reference point that only says where the area is.
_DESCRIBES = re.compile(
    r"\s*,?\s*(?:(?:some|about|around)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?)"
    r"\s+)?(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+"
    r"(?:the\s+)?",
    re.I,
)


_CONTAINER = re.compile(
    r"\b(?:area|areas|district|districts|outskirts|part|parts|section|sections|suburbs|"
    r"neighbourhoods?|neighborhoods?|quarter|centre|center|countryside|province)\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.I,
)


def find_places(text: str, offset: int, exclude: list[tuple[int, int]]) -> list[Mention]:
    """Place mentions in ``text`` (at document ``offset``), avoiding ``exclude`` spans.

    Mentions carry ``key="reference"`` when the text uses them as a reference point
    ("near X", "east of X") and ``key="frame"`` for governorates and countries.
    """
    hits: list[tuple[int, int, bool]] = []
    for m in _FEATURE.finditer(text) if _FEATURE_HINT.search(text) else ():
        group = "name" if m.group("name") else ("code" if m.group("code") else "topo")
        hits.append((m.start(group), m.end(group), True))
    for pattern in (_AFTER_PREP, _PLACE_SUBJECT):
        for m in pattern.finditer(text):
            hits.append((m.start("name"), m.end("name"), False))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    excluded = SpanIndex(exclude)
    out: list[Mention] = []
    last_end = -1
    for start, end, feature in hits:
        name = text[start:end]
        if start < last_end or (not feature and _NOT_PLACE.match(name)):
            continue
        if not feature and _NAMES_A_PARTY.match(text, end):
            continue  # "the Assad regime", "the Kurdish administration": a party, not a place
        if excluded.overlaps(offset + start, offset + end):
            continue
        if _ALIAS_PAREN.search(text, max(0, start - 60), start):
            continue  # "the Tiyas Military Airbase (also called T4 airbase)": another name
        last_end = end
        trimmed = _GOVERNORATE_OF.sub("", _GENERIC_TAIL.sub("", name))
        if not trimmed or (
            trimmed[0].islower()
            and not re.match(_ART, trimmed)
            and not re.match(_DIRECTION, trimmed)
        ):
            continue
        end = start + len(trimmed)
        role = None
        if _FRAME.search(trimmed) or _AREA_TAIL.search(name) or _AREA_AFTER.match(text, end) \
                or _PART_OF_AREA.match(trimmed):
            role = "frame"
        elif _REFERENCE_POINT.search(text[max(0, start - 30) : start]):
            if out and out[-1].key == "frame" and _DESCRIBES.fullmatch(
                    text[out[-1].end - offset : start]):
                continue  # "the Sukhnah desert east of Homs": Homs only says where the desert is
            role = "reference"
        elif _CONTAINER.search(text[max(0, start - 40) : start]):
            role = "reference"  # "the Driving School area of Palmyra": Palmyra contains it
        for text_, a, b in _split_pair(trimmed, start):
            out.append(
                Mention(kind="place", text=text_, start=offset + a, end=offset + b, key=role)
            )
    return out


_TOPO_START = re.compile(r"^(?:Jabal|Jebel|Jabbal|Jebal|Tal|Tall|Tell|Mount|Wadi|Bir|Ras)\b")
_HEAD_END = re.compile(rf"\s(?P<head>{_FEATURE_HEAD})$")


def _split_pair(name: str, start: int) -> list[tuple[str, int, int]]:
    """ "Jazal and al-Mahr oil fields" -> "Jazal oil fields", "al-Mahr oil fields" (a shared
    head); "Jabal al-Tar and Palmyra Castle" -> both as written (the left is whole)."""
    if " and " not in name:
        return [(name, start, start + len(name))]
    left, right = name.split(" and ", 1)
    right_start = start + len(left) + len(" and ")
    whole_right = (right, right_start, right_start + len(right))
    head = _HEAD_END.search(right)
    if head is None or _TOPO_START.match(left) or _HEAD_END.search(left):
        return [(left, start, start + len(left)), whole_right]
    # the left name shares the right one's head; its span is the name as written
    return [(f"{left} {head.group('head')}", start, start + len(left)), whole_right]


def event_places(places: list[Mention]) -> list[Mention]:
    """The most specific places of an event: frames and reference points only when alone."""
    core = [p for p in places if p.key is None]
    if core:
        return core
    references = [p for p in places if p.key == "reference"]
    return references or places


# "the airbase", "in the mountains", "the region": a place named before, by the kind of place.
_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?P<head>air ?base|airport|base|garrison|mountains|mountain|hills|"
    r"region|area|gas fields?|oil fields?|fields?|dam|station|city|town)\b",
    re.I,
)
_ANTECEDENT_TESTS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (re.compile(r"air ?base|airport|base|garrison", re.I),
     re.compile(r"[Aa]ir ?base|Airport|airfield|\b[Bb]ase\b|garrison|\bT-?\d\b")),
    (re.compile(r"mountains|hills", re.I), re.compile(r"Mountains|Hills|[Mm]ountain range")),
    (re.compile(r"mountain", re.I), re.compile(r"Mountain|Jabal|Jebel|Jabbal|Mount\b")),
    (re.compile(r"(?:gas |oil )?fields?", re.I), re.compile(r"[Ff]ields?\b")),
    (re.compile(r"dam", re.I), re.compile(r"\b[Dd]am\b")),
    (re.compile(r"station", re.I), re.compile(r"[Ss]tation|\bT-?\d\b")),
    (re.compile(r"region|area", re.I), re.compile(r"Mountains|Desert|[Rr]egion\b|Badi?ya|Badia")),
    # a town is named by itself, not by a feature or a part of it
    (re.compile(r"city|town", re.I), re.compile(
        r"^(?!.*\b(?:[Dd]istrict|[Nn]eighbou?rhood|[Qq]uarter|[Aa]rea|[Bb]ase|[Ff]ields?|"
        r"Mountains?|Hills?|[Dd]am|[Ss]tation|[Aa]irbase|[Aa]irport|[Hh]ighway|[Rr]oad|[Ss]treet|"
        r"[Cc]rossroads?|[Jj]unction|[Cc]heckpoint|Jabal|Jebel|Mount|Tal|Wadi|Desert|[Rr]egion|"
        r"Governorate|[Cc]ountryside)\b)")),
]


def antecedent(
    clause: str, paragraph: list[Mention], document: list[Mention]
) -> Mention | None:
    """The place a definite description in ``clause`` refers back to, or None: "the
    airbase" is the last airbase named (in the paragraph, else before it); "the region" or
    "the area" is the paragraph's last place, else the last region named before it."""
    found = list(_ANAPHOR.finditer(clause))
    if not found:
        return None
    head = found[-1].group("head")  # "the hills around the airbase": the last places the rest
    wanted = next(test for kind, test in _ANTECEDENT_TESTS if kind.fullmatch(head))
    if head.lower() in ("region", "area") and paragraph:
        return paragraph[-1]
    for place in reversed(paragraph + document):
        if wanted.search(place.text):
            return place
    return None
