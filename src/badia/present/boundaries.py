"""Syria's governorate outlines for the report's map background (no tiles, no network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ADMIN1_PATH = Path(__file__).resolve().parent.parent / "data" / "syria_admin1.geojson"
_NAME_KEYS = ("name", "admin1", "NAME_1", "shapeName", "ADM1_EN", "name_en")


def _round(coords: Any, digits: int) -> Any:
    if isinstance(coords, list):
        if coords and isinstance(coords[0], (int, float)):
            return [round(c, digits) for c in coords]
        return [_round(c, digits) for c in coords]
    return coords


def load_admin1(path: Path = ADMIN1_PATH, digits: int = 4) -> tuple[dict | None, str | None]:
    """The boundaries as a slim GeoJSON (a name per feature), or None and why not.

    Coordinates are rounded to ``digits`` decimals (about 11 m at 4) to keep the
    report small; the outlines are a background, not a measurement.
    """
    if not path.exists():
        return None, f"no governorate boundaries ({path.name} absent): map drawn without background"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return None, f"governorate boundaries unreadable: {exc}"
    features = []
    for feat in raw.get("features", []):
        props = feat.get("properties") or {}
        name = next((props[k] for k in _NAME_KEYS if isinstance(props.get(k), str)), None)
        geom = feat.get("geometry")
        if not geom:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": {
                    "type": geom["type"],
                    "coordinates": _round(geom["coordinates"], digits),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}, None
