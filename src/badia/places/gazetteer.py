"""The shipped offline gazetteer: loaded once, lazily, and indexed by normalised key.

Rows come from ``data/gazetteer.csv.gz`` (Who's On First and GeoNames places, UCDP GED
place descriptions; with each name's folded key and core precomputed by the build, so
loading does not fold ~35,000 names again), ``data/features.csv`` (curated airbases,
fields, stations, mountains, crossings) and ``data/gazetteer_admin1.csv`` (one representative
point per governorate and for the country). ``scripts/build_gazetteer.py`` makes
them; ``data/SOURCES.md`` says where every coordinate comes from.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from badia.places.normalise import core, key, skeleton, without_generic

# Kinds whose point stands for an area rather than a spot: (ACLED geo_precision, UCDP
# where_prec). A mountain is "part of a region" (2, 2); a named region such as the Syrian
# Desert or the eastern Qalamoun is "a general area" for ACLED (3) and "a larger part of the
# country" for UCDP (5); an "area" (an oasis, a basin) is a place's surroundings (2, 2).
AREA_KINDS = {"mountain": (2, 2), "area": (2, 2), "region": (3, 5)}


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    names: tuple[str, ...]
    kind: str  # populated, airbase, field, station, dam, mountain, region, crossing, ...
    lat: float
    lon: float
    country: str
    admin1: str | None
    admin2: str | None
    population: int
    source: str
    ucdp_events: int = 0  # UCDP GED events coded at this place: how often the war named it
    # (key, core) of each name, as the build computed them (empty: computed at load)
    folded: tuple[tuple[str, str], ...] = ()

    def name_keys(self) -> tuple[tuple[str, str], ...]:
        """``(key(n), core(n))`` for each of the entry's names."""
        return self.folded or fold_names(self.names)

    @property
    def is_feature(self) -> bool:
        return self.id.startswith("feature:")


@dataclass
class Gazetteer:
    entries: list[Entry]
    by_key: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_core: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_skeleton: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_initial: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # a name's key without its generic opening word ("Dar Basidah" under "basida")
    by_tail: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    admin_points: dict[str, tuple[float, float, str]] = field(default_factory=dict)
    by_id: dict[str, Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for e in self.entries:
            self.by_id.setdefault(e.id, e)
            for k, c in e.name_keys():
                if not k:
                    continue
                _add(self.by_key, k, e)
                if c and c != k:
                    _add(self.by_core, c, e)
                s = skeleton(k)
                if len(s) >= 3:
                    _add(self.by_skeleton, s, e)
                tail = without_generic(k)
                if tail:
                    _add(self.by_tail, tail, e)
        for k in self.by_key:
            self.by_initial[k[:1]].append(k)


def _add(index: dict[str, list[Entry]], k: str, e: Entry) -> None:
    """Index ``e`` under ``k`` once (an entry's names are indexed one after another, so a
    repeat can only be the last one added)."""
    v = index[k]
    if not v or v[-1] is not e:
        v.append(e)


def _read(name: str) -> list[dict[str, str]]:
    data = resources.files("badia.data").joinpath(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def fold_names(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((key(n), core(n)) for n in names)


def _folded(r: dict[str, str], n_names: int) -> tuple[tuple[str, str], ...]:
    """The build's ``keys``/``cores`` columns (``|``-separated, one per name), if shipped."""
    if not r.get("keys"):
        return ()
    keys, cores = r["keys"].split("|"), r["cores"].split("|")
    if len(keys) != n_names or len(cores) != n_names:
        return ()  # a hand-edited row: fold it at load
    return tuple((k, k if c == "=" else c) for k, c in zip(keys, cores, strict=True))


def _entry(r: dict[str, str]) -> Entry:
    alts = [a for a in (r.get("alt_names") or "").split("|") if a]
    return Entry(
        id=r["id"], name=r["name"], names=(r["name"], *alts), kind=r["kind"],
        lat=float(r["lat"]), lon=float(r["lon"]), country=r["country"],
        admin1=r.get("admin1") or None, admin2=r.get("admin2") or None,
        population=int(r.get("population") or 0), source=r["source"],
        ucdp_events=int(r.get("ucdp_events") or 0), folded=_folded(r, 1 + len(alts)),
    )


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built on first use and cached for the process."""
    rows = [_entry(r) for r in _read("features.csv")]
    rows += [_entry(r) for r in _read("gazetteer.csv.gz")]
    g = Gazetteer(rows)
    for r in _read("gazetteer_admin1.csv"):
        g.admin_points[r["name"]] = (float(r["lat"]), float(r["lon"]), r["source"])
    return g


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def offset(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) on an initial bearing (spherical earth)."""
    r = km / 6371.0
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(r) + math.cos(p1) * math.sin(r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(r) * math.cos(p1),
                         math.cos(r) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round(math.degrees(l2), 5)
