"""Order of battle: the units and commanders of every infobox, merged per coarse side.

Infoboxes list belligerents as two or three columns whose first combatant varies between
articles ("Syria", "Ba'athist Syria", "Syrian Armed Forces"), so a column's side comes
from mapping its names to a coarse side (GUIDELINES section 1) and taking the majority,
the first combatant breaking ties. A top-level unit or combatant that maps to a side of
its own (a "Russian Armed Forces" unit in the government column) goes under that side.

Trees merge by name: a unit with the same name (normalised) under the same parent is one
node, which lists every document that names it. Commanders merge by name; a fate (KIA or
WIA) from any document is kept, KIA over WIA.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

import yaml

from badia.merge.records import OobCommander, OobSide, OobUnit
from badia.model import Infobox, Unit

# Names as infoboxes write them (order-of-battle columns of Wikipedia campaign articles).
# Checked as whole-word patterns, in order; the first hit gives the side.
SIDE_PATTERNS: list[tuple[str, str]] = [
    (
        r"military of (?:the )?(?:isil|isis|islamic state)|islamic state|\bisil\b|\bisis\b|"
        r"daesh|wilayat",
        "islamic_state",
    ),
    (
        r"cjtf|combined joint task force|united states|\bu\.?s\.? (?:armed )?forces|"
        r"us-led coalition|international coalition|maghawir al-thawra|revolutionary commando",
        "coalition",
    ),
    (r"russian|russia\b", "russia"),
    (
        r"free syrian army|southern front|jaysh al-islam|ahrar al-sham|rahman legion|"
        r"authenticity and development|tahrir al-sham|\bfsa\b|syrian opposition|"
        r"lions of the east|osoud al-sharqiya|army of free tribes|martyr ahmad al-abdo|"
        r"syrian interim government|syrian national army",
        "opposition",
    ),
    (
        r"syrian (?:arab )?(?:armed forces|army|air force|navy)|ba.?athist syria|^syria$|"
        r"syrian government|national defen[cs]e forces|hezbollah|liwa al-quds|fatemiyoun|"
        r"zainebiyoun|abu al-fadh?al al-abbas|iran|popular mobilization|islamic resistance in iraq|"
        r"palestine liberation army|free palestine movement|wagner|tiger forces|"
        r"republican guard|desert hawks|ba.?ath brigades",
        "government",
    ),
]
_STATUS_RANK = {"KIA": 2, "WIA": 1, None: 0}
# Different infoboxes' names for one formation (normalised spelling -> shared key).
UNIT_ALIASES = {
    "syrian arab armed forces": "syrian armed forces",
    "syrian arab army": "syrian army",
    "military of the islamic state": "military of isil",
    "military of islamic state": "military of isil",
    "military of isis": "military of isil",
    "military of the islamic state of iraq and the levant": "military of isil",
}


@cache
def _lexicon() -> dict[str, str]:
    """Exact aliases from the actor lexicon (``badia/data/actors.yaml``) when present."""
    try:
        text = resources.files("badia.data").joinpath("actors.yaml").read_text("utf-8")
        data = yaml.safe_load(text) or {}
    except (FileNotFoundError, ModuleNotFoundError, yaml.YAMLError):
        return {}
    out: dict[str, str] = {}
    for entry in data.get("actors", []) or []:
        if not isinstance(entry, dict) or entry.get("generic") or not entry.get("side"):
            continue
        for alias in [entry.get("name"), *(entry.get("aliases") or [])]:
            if isinstance(alias, str) and len(alias) > 3:
                out.setdefault(_norm(alias), entry["side"])
    return out


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[‐‑–—]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def side_of(name: str) -> str | None:
    """The coarse side a combatant or unit name belongs to, ``None`` when not known."""
    n = _norm(name)
    for pattern, side in SIDE_PATTERNS:
        if re.search(pattern, n):
            return side
    return _lexicon().get(n)


def column_side(combatants: Sequence[str], units: Sequence[Unit]) -> str | None:
    """The side of one infobox column: majority of its mapped names, first one on ties."""
    names = [*combatants, *(u.name for u in units)]
    sides = [s for s in (side_of(n) for n in names) if s]
    if not sides:
        return None
    counts = Counter(sides)
    top = max(counts.values())
    return next(s for s in sides if counts[s] == top)


def _unit_key(name: str) -> str:
    n = _norm(name)
    return UNIT_ALIASES.get(n, n)


def person_key(name: str) -> str:
    """A transliteration-blind key for a person: "Suhayl al-Hasan" = "Suheil al-Hassan".

    Ranks and titles are dropped, then the consonant skeleton of each word is kept
    (vowels and the semivowels y/w vary most between transliterations, doubled letters
    and the article too). Single-word names keep their full spelling: too little to go on.
    """
    text = re.sub(r"\b(?:capt|lt|col|gen|maj|brig|sheikh|dr)\.?\s", " ", _norm(name))
    text = re.sub(r"\b(?:al|el|as|ad|ar|an|at|az|ash)-", "", text)
    words = re.findall(r"[a-z]+", text)
    if len(words) < 2:
        return text.strip()
    skeleton = [re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyw]", "", w)) or w for w in words]
    return " ".join(skeleton)


def _merge_units(into: list[OobUnit], units: Iterable[Unit], doc: str) -> None:
    for u in units:
        key = _unit_key(u.name)
        node = next((n for n in into if _unit_key(n.name) == key), None)
        if node is None:
            node = OobUnit(name=u.name)
            into.append(node)
        if doc not in node.documents:
            node.documents.append(doc)
        _merge_units(node.children, u.children, doc)


def _side(sides: dict[str, OobSide], side: str) -> OobSide:
    if side not in sides:
        sides[side] = OobSide(side=side)  # type: ignore[arg-type]
    return sides[side]


def order_of_battle(infoboxes: Sequence[tuple[str, str, Infobox]]) -> list[OobSide]:
    """Merge ``(doc_id, doc_name, infobox)`` triples into one tree per coarse side."""
    sides: dict[str, OobSide] = {}
    for _doc_id, doc, box in infoboxes:
        for column in box.sides:
            base = column_side(column.combatants, column.units) or "unknown"
            for name in column.combatants:
                target = _side(sides, side_of(name) or base)
                _merge_units(target.combatants, [Unit(name=name)], doc)
            for unit in column.units:
                _merge_units(_side(sides, side_of(unit.name) or base).units, [unit], doc)
            for c in column.commanders:
                target = _side(sides, base)
                known = next(
                    (k for k in target.commanders if person_key(k.name) == person_key(c.name)),
                    None,
                )
                if known is None:
                    known = OobCommander(name=c.name)
                    target.commanders.append(known)
                if _STATUS_RANK[c.status] > _STATUS_RANK[known.status]:
                    known.status = c.status
                if doc not in known.documents:
                    known.documents.append(doc)
    order = [
        "government",
        "russia",
        "pro_government_foreign",
        "opposition",
        "coalition",
        "islamic_state",
        "civilians",
        "unknown",
    ]
    return [sides[s] for s in sorted(sides, key=lambda s: order.index(s))]
