"""Place mentions by their form: named features, and capitalised names after place prepositions.

"the Hayyan gas fields", "T-2 Pumping Station", "Tiyas Military Airbase", "Jabal al-Afa'i",
"al-Tayyas village", "near Mayadin", "in the eastern Qalamoun Mountains". Names that
the actor lexicon claims (armies, groups) or that are dates are not places.
"""

from __future__ import annotations

import re

from badia.model import Mention

_ART = r"(?:[Aa][lnrstdz]|[Aa]sh|[Ee][lz]|[Aa]d|[Aa]t)[- ]"
_WORD = rf"(?:{_ART})?[A-Z][\w'’`]*(?:-[A-Za-z][\w'’`]*)*"
_LINK = r"(?: (?:al|el|as|ad|ash|ar|at|az|an|ez|of|of the|de|the)[- ]| |-)"
_NAME = rf"{_WORD}(?:{_LINK}{_WORD}){{0,3}}"
_FEATURE_HEAD = (
    r"gas fields?|oil fields?|Gas Fields?|Oil Fields?|[Pp]umping [Ss]tation|[Aa]ir ?base|"
    r"Military Airbase|[Mm]ilitary [Bb]ase|[Dd]am|crossroads|Mountains?|[Mm]ountain range|Hills|"
    r"[Hh]ighway|Junction|[Bb]order [Cc]rossing|Airport|Castle|Triangle|Farms|"
    r"[Cc]ommunications tower|Grain Silos|[Dd]esert|[Gg]overnorate|[Cc]ountryside|[Rr]egion|"
    r"[Dd]istrict|[Ss]treet|area"
)
_DIRECTION = (
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)? )"
)
_FEATURE = re.compile(
    rf"\b(?:the )?(?P<name>(?:{_DIRECTION})?(?:T-?\d+|{_NAME})(?: and {_NAME})? "
    rf"(?:{_FEATURE_HEAD}))\b"
    rf"|\b(?P<code>T-?\d(?: airbase| Pumping Station| area)?)\b"
    rf"|\b(?P<topo>(?:Jabal|Jebel|Jabbal|Jebal|Jeb|Tal|Tall|Tell|Mount|Wadi|Bir|Ras|Khirbet|Deir|Abu|Qasr|Ain|Hayyal)"
    rf"(?: {_ART}?[A-Z][\w'’`-]*| {_ART}[\w'’`-]+){{1,3}})"
)
_AFTER_PREP = re.compile(
    rf"\b(?:in|at|near|of|from|to|around|towards|toward|outside|into|between|captured|seized|"
    rf"recaptured|retook|took|reached|entered|and|including|on|overlooking|stormed|raided)\s+"
    rf"(?:the (?:town|city|village|villages|area|areas|hill|hills) of |the )?"
    rf"(?P<name>(?:{_DIRECTION})?{_NAME})"
)
_NOT_PLACE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|These|It|They|He|She|"
    r"On|In|By|At|After|Before|During|According|However|Meanwhile|Russian|Syrian|Iranian|Iraqi|"
    r"American|Western|Lebanese|Palestinian|Turkish|Jordanian|Kurdish|Islamic|Free|President|"
    r"General|Major|Colonel|Maj|Gen|Col|Capt|Lt|US|U\.S|UN|SOHR|Orient|Reuters|AFP|Al-Masdar|"
    r"Operation|Battle|Shi'ite|Sunni|Alawite|Christian|Druze|MiG|ZU|BGM|TOW|T-72|Mi)\b"
)


def find_places(text: str, offset: int, exclude: list[tuple[int, int]]) -> list[Mention]:
    """Place mentions in ``text`` (at document ``offset``), avoiding ``exclude`` spans."""
    hits: list[tuple[int, int]] = []
    for m in _FEATURE.finditer(text):
        group = "name" if m.group("name") else ("code" if m.group("code") else "topo")
        hits.append((m.start(group), m.end(group)))
    for m in _AFTER_PREP.finditer(text):
        hits.append((m.start("name"), m.end("name")))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Mention] = []
    last_end = -1
    for start, end in hits:
        name = text[start:end]
        if start < last_end or _NOT_PLACE.match(name):
            continue
        if any(offset + start < e and offset + end > s for s, e in exclude):
            continue
        out.append(Mention(kind="place", text=name, start=offset + start, end=offset + end))
        last_end = end
    return out
