"""Toponym keys: fold the many English transliterations of an Arabic name to one string.

Two keys are made. ``key`` folds case, diacritics, apostrophes, Arabic articles
(al-/el-/as-/ad-/ash-/..., including the assimilated "Ezzor" form), generic words
("village", "town", "area") and feature words to a canonical form ("mount",
"jebel", "mountains" -> "jabal"; "oil fields" -> "field"). ``skeleton`` further
drops vowels and doubled letters, so Qaryatayn/Qaryatain/Quraytayn and
Bir Qasab/Bir Qassab meet; it is only used when the plain key finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARTICLES = {"al", "el", "as", "ad", "ar", "ash", "at", "az", "an", "es", "ed", "er", "et", "ez",
            "en", "ul", "l", "the", "of", "and"}
# Sun letters the article assimilates to ("ad-Dumayr", "Ezzor", "Assukhna")
_ASSIMILATED = re.compile(r"^(?:a|e)(ss|sh|dd|rr|zz|tt|nn|th)(?=[a-z]{2,})")
# Words that say what kind of place it is, not which one; dropped from the key.
GENERIC = {"village", "villages", "town", "towns", "city", "area", "areas", "locality",
           "district", "region", "suburb", "farms", "farm", "neighbourhood", "neighborhood"}
# Feature words folded to one canonical token each (kept in the key: they disambiguate).
FEATURE_WORDS = {
    "mount": "jabal", "mountain": "jabal", "mountains": "jabal", "mt": "jabal",
    "jebel": "jabal", "jabal": "jabal", "jabbal": "jabal", "jebal": "jabal", "jbel": "jabal",
    "range": "", "hills": "tal", "hill": "tal", "tall": "tal", "tal": "tal", "tell": "tal",
    "airbase": "airbase", "airport": "airbase", "airfield": "airbase", "base": "base",
    "fields": "field", "field": "field", "oilfield": "field", "oilfields": "field",
    "gasfield": "field", "oil": "", "gas": "", "military": "", "army": "", "pumping": "",
    "station": "station", "dam": "dam", "junction": "junction", "crossroads": "junction",
    "crossroad": "junction", "intersection": "junction", "crossing": "crossing",
}
_SPLIT = re.compile(r"[\s\-‐‑–—/,.()]+")
_DROP = re.compile(r"[’'`ʿʾ‘´\"]")


def fold(text: str) -> str:
    """Lower case, no diacritics, no apostrophes/backticks (ASCII letters, digits, spaces)."""
    t = text
    if not t.isascii():
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c))
    t = _DROP.sub("", t.lower())
    t = t.replace("ı", "i")
    return " ".join(w for w in _SPLIT.split(t) if w)


_AY = re.compile(r"(?:ei|ey|ai|ay)")
_AW = re.compile(r"aw(?![aeiouy])")  # the diphthong: Zawr/Zour/Zor, Hawl/Hol
_FINAL_H = re.compile(r"(?<=[aeiou])h$")  # Sukhnah/Sukhna, Salamiyah/Salamiya
# The feminine ending (ta marbuta) after a consonant, as -a, -ah, -e or -eh: Zamlah/Zamleh;
# only after a stem of four letters or more (a short "-e" word is as often something else)
_FINAL_E = re.compile(r"(?<=[a-z]{3}[b-df-hj-np-tv-z])e$")
# The nisba ending -iyya in its spellings -iyah, -iyeh, -ieh, -iah, -ia, -ie (French -ié):
# Hamidiyah/Hamidieh/Hamidiah/Hamidié
_NISBA = re.compile(r"(?<=[b-df-hj-np-tv-z])i(?:y?[ae])$")
_DOUBLE = re.compile(r"(.)\1+")  # doubled consonants and vowels


@lru_cache(maxsize=65536)  # words recur across names ("tall", "abu", "sharqiyah")
def _vowels(word: str) -> str:
    """Fold the vowel spellings that alternate in transliteration (Arabic has no "o": the
    French "ou", the English "oo" and a bare "o" all write its u)."""
    w = word.replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("o", "u")
    w = _AY.sub("ay", w)
    w = _AW.sub("u", w)
    w = _FINAL_H.sub("", w)
    w = _DOUBLE.sub(r"\1", w)
    return _FINAL_E.sub("a", _NISBA.sub("iya", w))


# English and transliterated Arabic direction / part words ("Upper", "al-Sharqiyah" = eastern).
DIRECTION_TOKENS = frozenset(_vowels(w) for w in (
    "eastern", "western", "northern", "southern", "east", "west", "north", "south",
    "southeastern", "southwestern", "northeastern", "northwestern", "upper", "lower",
    "sharqiyah", "sharqiya", "sharqi", "gharbiyah", "gharbiya", "gharbi", "shamaliyah",
    "shamaliya", "shamali", "janubiyah", "janubiya", "janubi", "tahtani", "tahtaniyah",
    "fawqani", "fawqaniyah", "qibli", "qibliyah",
))

def _joined_air_base(words: list[str]) -> list[str]:
    """ "Air Base", "air field" -> one word, as "airbase" and "airfield" are written."""
    out: list[str] = []
    for w in words:
        if out and out[-1] == "air" and w in ("base", "field", "port", "strip"):
            out[-1] = "air" + w
        else:
            out.append(w)
    return out


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    out: list[str] = []
    words = fold(name).split()
    # "T-2", "T 2", "T2" -> "t2"
    merged: list[str] = []
    for w in words:
        if merged and w.isdigit() and len(merged[-1]) == 1 and merged[-1].isalpha():
            merged[-1] += w
        else:
            merged.append(w)
    merged = _joined_air_base(merged)
    for i, w in enumerate(merged):
        if w in ARTICLES and len(merged) > 1:
            continue
        if i > 0:
            w = _ASSIMILATED.sub(lambda m: m.group(1)[0], w)
        if w in GENERIC and len(merged) > 1:
            continue
        if w == "tel" and not out and len(merged) > 1:
            w = "tall"  # Arabic "Tall" opens a name ("Tel Abyad"); "Syria Tel" is a brand
        if w in FEATURE_WORDS:
            if FEATURE_WORDS[w]:
                out.append(FEATURE_WORDS[w])
            continue
        out.append(_vowels(w))
    return tuple(out)


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Canonical lookup key of a place name; the feature word (jabal, field...) sorted first."""
    toks = tokens(name)
    feats = sorted({t for t in toks if t in _FEATURE_TOKENS})
    rest = [t for t in toks if t not in _FEATURE_TOKENS]
    return " ".join(feats + rest)


@lru_cache(maxsize=65536)
def core(name: str) -> str:
    """The key without feature word or direction ("Hayyan gas fields" -> "hayan",
    "al-Baydah al-Gharbiyah" -> "bayda", "Eastern Bayarat" -> "bayarat")."""
    toks = [t for t in tokens(name) if t not in _FEATURE_TOKENS]
    kept = [t for t in toks if t not in DIRECTION_TOKENS]
    return " ".join(kept or toks)


_VOWEL = re.compile(r"[aeiou]")
# Consonants that transliterations write for one Arabic letter: qaf as q, k or g (Bedouin
# and Iraqi speech); jim as j, dj (French) or g (Egyptian); shin as sh or ch (French);
# ghayn as gh or rh (French) is kept apart from them.
_CONSONANT_PAIRS = (("gh", "R"), ("rh", "R"), ("dj", "j"), ("ch", "sh"), ("q", "k"), ("g", "k"))


@lru_cache(maxsize=65536)
def skeleton(k: str) -> str:
    """Consonant skeleton of a key: vowels dropped, the consonant spellings of one Arabic
    letter made one (q/k/g, j/dj, sh/ch), repeated letters collapsed, no spaces."""
    s = k.replace(" ", "")
    for a, b in _CONSONANT_PAIRS:
        s = s.replace(a, b)
    return _DOUBLE.sub(r"\1", _VOWEL.sub("", s))


_EI = re.compile(r"(?<=[a-z])ei")


def long_i_readings(name: str) -> list[str]:
    """Keys of the name with one or more of its inner "ei" read as a long i rather than the
    diphthong ay: English and French transliterations write both so ("Deir" is dayr, but
    "Me`izeileh" is mu'ayzila, UCDP's "Muayzilah"). Empty when the name has no inner "ei";
    at most three of them are varied."""
    f = fold(name)
    spots = [m.start() for m in _EI.finditer(f)][:3]
    out: list[str] = []
    for mask in range(1, 2 ** len(spots)):
        chars = list(f)
        for i, at in enumerate(spots):
            if mask >> i & 1:
                chars[at] = ""  # "ei" -> "i"
        k = key("".join(chars))
        if k not in out and k != key(name):
            out.append(k)
    return out


_FEATURE_TOKENS = {v for v in FEATURE_WORDS.values() if v}
# Words that open many place names by what the place is or was (a mound, a ruin, a farm, a
# house, a well, a spring, a hot spring, a cairn, a monastery, a palace, a courtyard, a
# plot): reports often drop them ("Basidah" for "Dar Basidah") or add them ("Khirbet X").
GENERIC_PREFIXES = frozenset(_vowels(w) for w in (
    "tal", "jabal", "khirbat", "khirbet", "kherbet", "khirba", "khirbeh", "dar", "mazraat",
    "mazraa", "mazraah", "ard", "himmat", "hammat", "bir", "ayn", "ain", "ein", "rujm", "rajm",
    "qasr", "dayr", "deir", "hawsh", "hosh", "housh", "tall", "tell", "tel",
))


def without_generic(k: str) -> str | None:
    """The key without its opening generic word ("dar basida" -> "basida"), or None when it
    has none or nothing of four letters or more would be left."""
    head, _, rest = k.partition(" ")
    if head in GENERIC_PREFIXES and len(rest.replace(" ", "")) >= 4:
        return rest
    return None
FEATURE_TOKENS = frozenset(_FEATURE_TOKENS)
