"""Place-name keys: one spelling per place, so documents that write a name differently
("al-Hayyan gas field", "Hayyan Gas Fields") meet on the same key.

Why each step: English-language reports transliterate Arabic names freely, so the key
drops what varies between writers and keeps what names the place:
- case, diacritics, apostrophes and ayn/hamza marks (``Me`izeileh``, ``Afa'i``);
- the Arabic article in its hyphenated forms (al-, el-, as-, ad-, ...) and a loose "al";
- English "the" and trailing generic words that do not change the place
  ("area", "village", "town", "city");
- plural generic nouns ("fields" -> "field"), since a field and its wells are one place;
- letter-number codes written with or without a hyphen ("T-3", "T3");
- doubled letters (``Qassab``/``Qasab``, ``Jabbal``/``Jabal``);
- mountain words in any language and position become one leading ``mount``
  (``Jabal al-Tar``, ``al-Tar mountain``, ``Tar Mount``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLE = re.compile(
    r"(?<![a-z])(?:al|el|as|ad|ar|an|at|az|ash|ath|ad|ed|es|et|ez|er|en|ul)[-‐‑–]\s*", re.I
)
_MARKS = re.compile(r"[`'’‘ʿʾ´]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")
_CODE = re.compile(r"(?<![a-z0-9])([a-z])[-‐‑– ]?(\d+)(?![0-9])")  # "T-4", "T 4" -> "t4"

_DROP_ANYWHERE = {"the", "al", "el", "of"}
_DROP_TRAILING = {"area", "areas", "village", "villages", "town", "city"}
_SINGULAR = {
    "fields": "field",
    "hills": "hill",
    "farms": "farm",
    "wells": "well",
    "mountains": "mount",
    "bases": "base",
    "districts": "district",
    "quarries": "quarry",
    "dams": "dam",
    "stations": "station",
}
_MOUNT = {"mount", "mountain", "mountains", "jabal", "jebel", "jabel", "jebal", "jbel", "jbal"}

# Words that describe a kind of place or a part of one. A name that extends another only
# by such words names the same place or a part of it ("eastern Qalamoun" inside
# "eastern Qalamoun Mountains", "Palmyra" and "Palmyra Castle"); a name that adds a
# proper noun names another place ("Sukhnah-Deir ez-Zor highway" is not Deir ez-Zor).
GENERIC = {
    "mount",
    "range",
    "hill",
    "tal",
    "plain",
    "desert",
    "badia",
    "countryside",
    "outskirts",
    "district",
    "governorate",
    "province",
    "region",
    "area",
    "city",
    "town",
    "village",
    "castle",
    "citadel",
    "airbase",
    "airport",
    "base",
    "military",
    "field",
    "gas",
    "oil",
    "well",
    "dam",
    "station",
    "pumping",
    "crossroads",
    "junction",
    "triangle",
    "farm",
    "quarry",
    "eastern",
    "western",
    "northern",
    "southern",
    "east",
    "west",
    "north",
    "south",
    "central",
    "upper",
    "lower",
    "old",
    "new",
    "greater",
    "rural",
    "suburbs",
    "center",
    "centre",
    "border",
    "valley",
    "wadi",
}
_GENERIC_NORM = {_DOUBLE.sub(r"\1", w) for w in GENERIC}


def place_tokens(name: str) -> list[str]:
    """The normalised tokens of a place name (see the module docstring)."""
    return list(_tokens(name))


@lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _MARKS.sub("", text)
    text = _ARTICLE.sub(" ", _CODE.sub(r"\1\2", text.lower()))
    words = [w for w in _NON_WORD.split(text) if w and w not in _DROP_ANYWHERE]
    while len(words) > 1 and words[-1] in _DROP_TRAILING:
        words.pop()
    words = [_DOUBLE.sub(r"\1", _SINGULAR.get(w, w)) for w in words]
    mount = any(w in _MOUNT for w in words)
    words = [w for w in words if w not in _MOUNT]
    if mount:
        words = ["mount", *words]
    if words and words[-1] == "range" and mount:
        words.pop()
    return tuple(words)


def place_key(name: str) -> str:
    """One key per place name: ``"Hayyan gas fields"`` -> ``"hayan gas field"``."""
    return " ".join(_tokens(name))


def _subsequence(outer: list[str], inner: list[str]) -> bool:
    it = iter(outer)
    return all(w in it for w in inner)


def nested(a: str, b: str) -> tuple[str, str] | None:
    """``(inner, outer)`` names when one place name lies inside the other, else ``None``.

    Inside means: the inner tokens appear in order in the outer name and the outer
    name adds only generic words (kinds of place, parts, directions), so it names the same
    place or a part of it. Equal keys are not "nested" (see :func:`place_key`).
    """
    ta, tb = list(_tokens(a)), list(_tokens(b))
    if not ta or not tb or ta == tb:
        return None
    for inner, outer, ni, no in ((ta, tb, a, b), (tb, ta, b, a)):
        if len(inner) < len(outer) and _subsequence(outer, inner):
            extra = list(outer)
            for w in inner:
                extra.remove(w)
            core = [w for w in inner if w not in _GENERIC_NORM]
            if core and all(w in _GENERIC_NORM for w in extra):
                return ni, no
    return None
