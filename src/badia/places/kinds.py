"""What kind of location a name is, from its words: a place a gazetteer can hold, or not.

A gazetteer holds points: towns, villages, airbases, fields, mountains. Reports also
name lines (a highway, the Iraqi border), rivers and their banks, broad regions (the
Sukhnah desert, central Syria) and common-noun descriptions ("an air defense base").
Those have no single point to look up; knowing which is which lets ``badia places
--unresolved`` and ``badia eval-places`` tell a gap in the gazetteer from a name that no
gazetteer would resolve.
"""

from __future__ import annotations

import re

from badia.places.normalise import fold

PLACE = "place"
SITE = "site"
LINE = "line"
RIVER = "river"
REGION = "region"
DESCRIPTION = "description"

# Rivers of Syria and its borders, as English reports spell them.
RIVERS = {"euphrates", "furat", "tigris", "orontes", "asi", "khabur", "khabour", "balikh",
          "yarmouk", "yarmuk", "barada", "sajur", "afrin", "queiq", "quwayq"}
_LINE_WORDS = {"highway", "road", "border", "frontier", "street", "route", "motorway", "front",
               "frontline", "line", "corridor", "axis", "boundary", "ring"}
_REGION_WORDS = {"desert", "steppe", "countryside", "region", "plain", "plains", "valley",
                 "lake", "peninsula", "basin"}  # water bodies and their shores are areas
_PARTS = {"central", "eastern", "western", "northern", "southern", "north", "south", "east",
          "west", "northeast", "northwest", "southeast", "southwest", "northeastern",
          "northwestern", "southeastern", "southwestern", "rural"}
_COUNTRIES = {"syria", "iraq", "jordan", "lebanon", "turkey"}
# Words that make a name a facility or a built site rather than a settlement.
_SITE_WORDS = {"base", "airbase", "airport", "airfield", "checkpoint", "field", "fields",
               "oilfield", "dam", "station", "crossing", "camp", "prison", "bridge", "building",
               "cemetery", "tower", "castle", "citadel", "silos", "theatre", "theater", "school",
               "hospital", "factory", "plant", "junction", "crossroads", "roundabout",
               "battalion", "brigade", "regiment", "division", "garrison", "center", "centre"}
# Lower-case words that may open a proper place name ("al-Kawm", "el-Bab", "ad-Dumayr").
_PARTICLES = re.compile(r"^(?:al|el|as|ad|ar|ash|at|az|an|ez|es|ed|bir|tal|tall|wadi|jabal)\b")


def name_kind(name: str) -> str:
    """One of ``place`` (a settlement or a natural point: town, village, hill), ``site`` (a
    facility or built site: airbase, field, checkpoint, dam), ``line``, ``river``,
    ``region``, ``description``. Places and sites should resolve; the rest may not."""
    words = fold(name).split()
    if not words:
        return DESCRIPTION
    if "river" in words or "bank" in words or "banks" in words or RIVERS & set(words):
        return RIVER
    if _LINE_WORDS & set(words) and not _SITE_WORDS & set(words):  # a border crossing: site
        return LINE
    if _REGION_WORDS & set(words) or (
        words[-1] in _COUNTRIES and all(w in _PARTS for w in words[:-1]) and len(words) > 1
    ):
        return REGION
    first = name.strip().split()[0]
    if first[:1].islower() and not _PARTICLES.match(first.lower()):
        return DESCRIPTION  # "air defense base", "several villages"
    if _SITE_WORDS & set(words):
        return SITE
    return PLACE
