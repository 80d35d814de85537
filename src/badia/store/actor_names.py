"""Actor names as ACLED writes them, from the one actor list (``data/actors.yaml``).

The extraction keeps the lexicon's name of each actor ("IS", "ISIL", "Islamic State"
are separate entries because the text spells them so); an ACLED user needs one spelling
per real actor. Every entry of the list carries its ``acled_name`` (and ``acled_inter``
where ACLED's actor type is not the side's default); a user's actor file in the same
layout (``--actors``) adds or overrides names. A name the list does not know is kept as
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

__all__ = ["ActorNames", "load_actor_names", "SIDE_ACTOR", "SIDE_INTER"]

# ACLED's actor-type ("inter") codes by side when the actor list gives none (ACLED
# Codebook, "Actor names, types and inter codes": 1 State Forces, 2 Rebel Groups,
# 3 Political Militias, 4 Identity Militias, 5 Rioters, 6 Protesters, 7 Civilians,
# 8 External/Other Forces; foreign state forces acting in Syria are external forces).
SIDE_INTER = {
    "government": 1,
    "opposition": 2,
    "islamic_state": 2,
    "russia": 8,
    "coalition": 8,
    "pro_government_foreign": 8,
    "civilians": 7,
    "unknown": 3,  # ACLED codes unidentified armed groups as political militias
}
# The actor ACLED names when a source tells only the side ("government forces",
# "unidentified gunmen"): the side's generic actor of the list.
SIDE_ACTOR = {
    "government": "Military Forces of Syria (2000-2024)",
    "russia": "Military Forces of Russia (2000-)",
    "islamic_state": "Islamic State (Syria)",
    "opposition": "Opposition Rebels (Syria)",
    "coalition": "Global Coalition Against Daesh",
    "civilians": "Civilians (Syria)",
    "unknown": "Unidentified Armed Group (Syria)",
}


@dataclass(frozen=True)
class _Name:
    acled: str
    inter: int | None
    generic: bool
    side: str | None = None


_NONE = _Name("", None, False)


class ActorNames:
    """Lexicon name or alias (any case) -> ACLED name, inter code, generic or not."""

    def __init__(self, entries: list[dict]) -> None:
        self._by_key: dict[str, _Name] = {}
        self._cased: set[str] = set()
        for entry in entries:
            name = entry.get("name")
            if not isinstance(name, str):
                continue
            acled = entry.get("acled_name") or name
            inter = entry.get("acled_inter") or SIDE_INTER.get(entry.get("side") or "")
            value = _Name(str(acled), inter, bool(entry.get("generic")), entry.get("side"))
            for key in [name, *(entry.get("aliases") or [])]:
                if isinstance(key, str):
                    self._by_key[key.casefold()] = value
                    self._cased.add(key)

        # Longest alias first, so "Free Syrian Army" wins over "Army" inside a name.
        keys = sorted(self._by_key, key=len, reverse=True)
        self._inside = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])", re.I
        ) if keys else None

    def _found(self, name: str) -> list[_Name]:
        """The entry of ``name``; else of every known alias written inside it ("American-led
        CJTF-OIR", "Liwa al-Quds and Baqir Brigade"); abbreviations of up to three letters
        match inside a name only in their own case ("IS", not "is")."""
        whole = self._by_key.get(name.casefold())
        if whole is not None or self._inside is None:
            return [whole] if whole else []
        out = []
        for m in self._inside.finditer(name):
            key = m.group(0)
            if len(key) <= 3 and key not in self._cased:
                continue
            out.append(self._by_key[key.casefold()])
        return out

    def acled_name(self, name: str) -> str:
        found = self._found(name)
        return found[0].acled if found else name

    def inter(self, name: str) -> int | None:
        found = self._found(name)
        return found[0].inter if found else None

    def canonical(self, names: list[str]) -> list[str]:
        """ACLED names of ``names``, one per real actor, proper names before generic ones
        ("Free Syrian Army" before "rebels"), otherwise in the order given."""
        ranked = sorted(
            enumerate(names),
            key=lambda kv: (all(f.generic for f in self._found(kv[1]) or [_NONE]), kv[0]),
        )
        out: list[str] = []
        named_sides: set[str | None] = set()
        for _, name in ranked:
            found = self._found(name)
            for f in found:
                if f.generic and f.side in named_sides:
                    continue  # "rebels" beside "Free Syrian Army" names no other actor
                if not f.generic:
                    named_sides.add(f.side)
                if f.acled not in out:
                    out.append(f.acled)
            if not found and name not in out:
                out.append(name)
        return out


def _packaged() -> list[dict]:
    text = resources.files("badia.data").joinpath("actors.yaml").read_text(encoding="utf-8")
    return (yaml.safe_load(text) or {}).get("actors", [])


def load_actor_names(user_file: str | Path | None = None) -> ActorNames:
    """The packaged list, then a user's file of the same layout (its entries win).

    Raises ``ValueError`` naming the file when it has no top-level ``actors:`` list.
    """
    entries = _packaged()
    if user_file is not None:
        with open(user_file, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        extra = data.get("actors") if isinstance(data, dict) else None
        if not isinstance(extra, list):
            raise ValueError(f"{user_file}: expected a top-level 'actors:' list")
        entries = [*entries, *extra]
    return ActorNames(entries)
