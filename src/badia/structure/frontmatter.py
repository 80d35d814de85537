"""An infobox rebuilt from a Markdown mirror's YAML front matter.

Static-site mirrors of encyclopedia articles keep what their converter could of the
infobox: ``date:`` and ``place:`` as lists of strings, and the rest flattened into
``tags:`` in infobox order, followed by the article's categories::

    tags: [<conflict name>, <part of>, <side 1>, <side 2>, (<side 3>), <category>, ...]

Any of the first two may be missing, so each tag is told by its form: the name
resembles the title; *part of* names wars and campaigns ("the Syrian Civil War and
the ..."); a side is a block of lines (one combatant a line, ``*`` for sub-units,
flag icons turned into a leading space, emoji flags or an image file name before a
name, labels such as "Supported by:"). Categories never carry those marks, so the
first plain one-line tag after two sides ends the infobox. Only a page whose front
matter has a ``date:`` had an infobox; without one no sides are read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from badia.model import Infobox, InfoboxSide
from badia.structure.infobox import date_phases

__all__ = ["infobox_from_front_matter", "combatants", "part_of"]

# Words that name a war or a campaign, not a party to it.
_CONFLICT_WORD = re.compile(
    r"\b(?:wars?|conflicts?|interventions?|campaigns?|crisis|insurgency|uprising|revolution|"
    r"spring|winter|battles?|sieges?|offensives?|operations?|involvement|aftermath|spillover)\b",
    re.I,
)
# Marks of a combatant block: bullets, emoji flags, a removed icon (leading space),
# an image file name, a group label.
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_IMAGE_NAME = re.compile(r"^.*?\.(?:svg|png|jpe?g|gif)\b\s*", re.I)
_LABEL = re.compile(r"^(?P<label>[^:]{1,40}):\s*")
_SIDE_MARK = re.compile(r"^\s|\n|^\*|[\U0001f1e6-\U0001f1ff]|\.(?:svg|png|jpe?g|gif)\b|:\s", re.I)
# "X (ISIL) Y": a closing parenthesis then a capitalised word starts the next name.
_AFTER_PAREN = re.compile(r"(?<=\))\s+(?=[A-Z])")
_PLACEHOLDER = re.compile(r"^(?:undefined|null|none)$", re.I)
_MAX_SIDES = 3


def _flat(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def part_of(value: str) -> list[str]:
    """'the A, the B, and the C' / 'the A and the B' -> items, their articles kept.

    Commas list the items when there are any; otherwise an ``and`` that is followed by
    a phrase of at least two words after "the" ("... Iraq and the Levant" is one name).
    """
    text = _flat(value)
    if "," in text:
        parts = re.split(r"\s*,\s*(?:and\s+)?", text)
    else:
        parts = re.split(r"\s+and\s+(?=the\s+\S+\s+\S|(?!the\b)\S+\s+\S)", text)
    return [p.strip() for p in parts if p.strip()]


def combatants(value: str) -> list[str]:
    """The names of one side's block, flattened (sub-units after their parent)."""
    out: list[str] = []
    for raw in value.splitlines():
        line = _FLAG.sub(" ", raw).strip().lstrip("*").strip()
        line = _IMAGE_NAME.sub("", line) if _IMAGE_NAME.match(line) else line
        while (m := _LABEL.match(line)) and not re.search(r"\d", m.group("label")):
            line = line[m.end() :]
        for name in _AFTER_PAREN.split(line):
            name = _flat(name)
            if name and re.search(r"\w", name) and not _PLACEHOLDER.match(name):
                out.append(name)
    return out


def _looks_side(tag: str) -> bool:
    return bool(_SIDE_MARK.search(tag))


def _looks_part_of(tag: str) -> bool:
    """A phrase naming wars, possibly wrapped over lines, without a combatant block's marks."""
    lines = [ln for ln in tag.strip().splitlines() if ln.strip()]
    if any(ln[0].isspace() or ln.lstrip().startswith("*") for ln in lines[1:]):
        return False
    if _FLAG.search(tag) or _IMAGE_NAME.match(tag.strip()) or re.search(r":\s", tag):
        return False
    flat = _flat(tag)
    return flat.lower().startswith("the ") or bool(_CONFLICT_WORD.search(flat))


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(_flat(a).casefold(), _flat(b).casefold()) >= 70


def infobox_from_front_matter(meta: Mapping[str, Any], title: str | None) -> Infobox | None:
    """The infobox a front matter keeps, or ``None`` when it has none (no ``date:``)."""
    dates = _strings(meta.get("date"))
    places = [_flat(p) for p in _strings(meta.get("place")) if _flat(p)]
    if not dates and not places:
        return None
    tags = _strings(meta.get("tags"))
    i = 0
    name = title
    if tags and title and _similar(tags[0].splitlines()[0], title) and not _looks_side(tags[0]):
        i = 1
    parts: list[str] = []
    if i < len(tags) and _looks_part_of(tags[i]):
        parts = part_of(tags[i])
        i += 1
    sides: list[InfoboxSide] = []
    while i < len(tags) and len(sides) < _MAX_SIDES:
        tag = tags[i]
        if len(sides) >= 2 and not _looks_side(tag):
            break
        names = combatants(tag)
        if names or len(sides) < 2:
            sides.append(InfoboxSide(combatants=names))
        i += 1
    return Infobox(name=name, part_of=parts, phases=date_phases(dates), places=places, sides=sides)


def _strings(value: Any) -> list[str]:
    """A front-matter value as a list of strings (a scalar is a list of one)."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(v) for v in items if isinstance(v, str | int | float) and str(v).strip()]
