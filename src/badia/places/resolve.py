"""Toponym resolution: a place name as written -> a gazetteer point with its precision.

Order of attempts, most to least certain: exact normalised key; consonant skeleton;
a qualified form ("eastern Hama", "countryside of Deir ez-Zor", "Homs Governorate")
read as its governorate; a line between two places ("Palmyra-Deir ez-Zor highway");
the name without its feature word or direction ("Hayyan Hills" -> near Hayyan);
a facility named after the sole village of that name in the stated governorate ("the X
checkpoint" -> near X); the name without (or with) a generic opening word ("Basidah" ->
near Dar Basidah), again only when one place fits; a conservative fuzzy match among
keys sharing the first letter; an inner "ei" read as a long i ("Me`izeileh", UCDP's
"Muayzilah"), only in the stated governorate. Candidates are
ranked by the document's context: the event's governorate, governorates the
document names, distance to places already resolved, Syria first. A relative
description in the text near the name ("75 km southeast of Damascus", "near
Mayadin", "overlooking Palmyra", "the X area of Palmyra", "northwest of the city" after
the paragraph's one city) places a name the gazetteer lacks at that place (where_prec 2,
the relation and the place as written kept). Nothing is ever invented: a name
that none of these reach keeps ``None`` coordinates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from badia.model import Place
from badia.places import admin
from badia.places.gazetteer import AREA_KINDS, Entry, Gazetteer, distance_km, load, offset
from badia.places.kinds import LINE, PLACE, REGION, RIVER, SITE, name_kind
from badia.places.normalise import (
    ARTICLES,
    FEATURE_TOKENS,
    core,
    fold,
    key,
    long_i_readings,
    skeleton,
    without_generic,
)

BEARINGS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
    "southwest": 225, "west": 270, "northwest": 315,
}
_DIR = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?"
_DIR_ADJ = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?"
# Governorate names and the spellings the genre uses for them (folded keys).
GOV_ALIASES = {
    "Aleppo": ["Aleppo", "Halab"],
    "Al-Hasakah": ["Al-Hasakah", "Hasakah", "Hasaka", "Hassakeh", "al-Hasakah"],
    "As-Suwayda": ["As-Suwayda", "Suwayda", "Sweida", "Suwaida", "Sweida", "as-Suwayda"],
    "Damascus": ["Damascus"],
    "Daraa": ["Daraa", "Deraa", "Dara'a"],
    "Deir ez-Zor": ["Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Deir ez Zor", "Dayr az Zawr",
                    "Deir el-Zor", "Deir al-Zour", "Deir Ez Zor"],
    "Hama": ["Hama", "Hamah", "Hamā"],
    "Homs": ["Homs", "Hims"],
    "Idlib": ["Idlib", "Idleb"],
    "Latakia": ["Latakia", "Lattakia", "Ladhiqiyah"],
    "Quneitra": ["Quneitra", "Qunaytirah"],
    "Raqqa": ["Raqqa", "Raqqah", "Ar-Raqqah", "al-Raqqa", "Rakka"],
    "Rif Dimashq": ["Rif Dimashq", "Damascus countryside", "Rural Damascus", "Reef Damascus",
                    "Rif Damascus"],
    "Tartus": ["Tartus", "Tartous"],
}
GOV_BY_KEY = {key(a): g for g, names in GOV_ALIASES.items() for a in names}
_COUNTRY = {"syria": "Syria", "syrian arab republic": "Syria"}
_LINE_WORDS = r"(?:highway|road|motorway|route|axis|front|region|boundary|border|line|corridor)"
_GOV_FORM = re.compile(
    rf"^(?:the\s+)?(?:(?P<dir>{_DIR_ADJ})\s+)?"
    r"(?:(?:countryside|outskirts|desert|province|governorate|part|parts|suburbs)\s+of\s+)?"
    r"(?:the\s+)?(?P<name>.+?)"
    r"(?:\s+(?:countryside|governorate|province|desert|outskirts|suburbs))*$",
    re.I,
)
# A town's name ends where the name does: not inside a longer one ("Jaroud 'Arsal"), nor
# at the first end of a line ("the Damascus–Aleppo highway", "the Palmyra road")
_NAME_END = (r"(?![\w’'`-]|\s+['’`][A-Za-z]|\s*[–—-]\s*[A-Z]|"
             r"\s+(?:highway|road|motorway|border|river|front|line|axis|corridor)\b)")
_FUZZY_AREA = re.compile(r"\b(?:desert|steppe|badia|badiya)\b", re.I)
_QUALIFIED = re.compile(
    rf"\b(?:{_DIR_ADJ}|countryside|outskirts|governorate|province|suburbs)\b", re.I
)
_RELATIVE = re.compile(
    r"(?P<km>\d+(?:[.,]\d+)?)\s*(?:-\s*)?(?P<unit>km|kilomet(?:re|er)s?|miles?|mi)\b\s+"
    rf"(?:\(\s*[\d.]+\s*mi(?:les?)?\s*\)\s+)?(?:to\s+the\s+)?(?P<dir>{_DIR})\s+of\s+(?:the\s+)?"
    r"(?:(?:town|city|village)\s+of\s+)?"
    r"(?P<name>(?>(?:(?:al|el|ez|as|ad|ar|ash|az|at|an)-)?[A-Z][\w’'`-]*"
    r"(?:\s+(?:(?:al|el|ez|as|ad|ar|ash|az|at|an)-)?[A-Z][\w’'`-]*)*))" + _NAME_END
)
_NEAR = re.compile(
    r"\b(?:near|nearby|close\s+to|outskirts\s+of|vicinity\s+of|around|in\s+the\s+area\s+of|"
    # a height named by the town it looks down on ("X mountain, overlooking Y")
    r"overlooking|overlooks|"
    # "directly to west of Y": the article is often dropped
    r"in|inside|within|(?:to\s+(?:the\s+)?)?" + _DIR_ADJ + r"\s+of|"
    r"(?:neighbou?rhood|district|quarter|suburb|part|area)s?\s+of)\s+"
    r"(?:the\s+(?:(?:historic|ancient|old|strategic|main|nearby)\s+)?)?"
    r"(?:(?:town|city|village)\s+of\s+)?"
    r"(?P<name>(?>(?:(?:al|el|ez|as|ad|ar|ash|az|at|an)-)?[A-Z][\w’'`-]*"
    r"(?:\s+(?:(?:al|el|ez|as|ad|ar|ash|az|at|an)-)?[A-Z][\w’'`-]*)*))" + _NAME_END
)
# "the X area of Y", "the X district of Y": a part of a town, named with the town after it
_PART_NOUN = re.compile(
    r"\b(?P<noun>area|district|quarter|neighbou?rhood|suburb|section|part)s?[\s,]*$", re.I)
_PART_OF = re.compile(
    r"of\s+(?:the\s+(?:city|town|village)\s+of\s+)?"
    r"(?P<name>(?>(?:(?:al|el|ez|as|ad|ar|ash|az|at|an)-)?[A-Z][\w’'`-]*"
    r"(?:\s+(?:(?:al|el|ez|as|ad|ar|ash|az|at|an)-)?[A-Z][\w’'`-]*)*))" + _NAME_END +
    # "the X area of al-Rai district": a part of the district, not of the town
    r"(?P<unit>\s+(?:sub)?district|\s+nahiya|\s+countryside|\s+province|\s+governorate)?"
)
# "X in the eastern outskirts", "X at the southern entrance to the city": a part of the town
# the sentence has named, not named again
_EDGE = re.compile(
    r"(?:in|at|on)\s+the\s+(?P<edge>(?:(?:north|south|east|west)(?:ern)?\s+)?"
    r"(?:outskirts|entrance|edge|suburbs))(?:\s+(?:to|of)\s+the\s+(?:city|town))?"
    r"(?!\s+(?:to|of)\s+(?!the\s+(?:city|town)))",
    re.I,
)
# "X located immediately west of the base": the base (town, village) the sentence named
_OF_THE = re.compile(
    rf"(?P<rel>(?:to\s+the\s+)?{_DIR_ADJ}\s+of)\s+the\s+"
    r"(?P<noun>base|city|town|village)\b(?!\s+of\b)",
    re.I,
)
_CAPITALISED = re.compile(
    r"(?:(?:al|el|ez|as|ad|ar|ash|az|at|an|Al|El)-)?[A-Z][\w’'`]*(?:-[A-Z][\w’'`]*)*"
    r"(?:\s+(?:(?:al|el|ez|as|ad|ar|ash|az|at|an)-)?[A-Z][\w’'`]*)*"
)
_DISTRICT = re.compile(r"\b(?:district|subdistrict|nahiya)\b", re.I)

# The words that may stand between a name and the relation that places it
# ("X, a village 20 km east of Y", "X (near Y)", "X, which lies near Y").
_LEAD = (r"^(?:\s*\([^()]{0,80}\))?"  # "(known as the Melbiya Regiment)"
         # the other members of a list the relation closes: "X and Y, south of Z"
         r"(?:(?:\s*,\s*|\s+and\s+)(?:al-|el-|as-|ad-|ash-)?[A-Z][\w'’`-]*){0,6}"
         # an apposition that says what the place is: "X, a strategic high point near Y"
         r"(?:\s*,\s*(?:a|an|the)\s+(?:[a-z][\w-]*\s+){1,3}(?=near\b|close\b|outside\b))?"
         r"[\s,;:(]*(?:(?:a|an|the|small|large|village|town|hamlet|area|hill|mountain|base|which|"
         r"that|is|was|lies|lying|located|situated|some|about|roughly|approximately|"
         r"nearly|immediately|just|directly)[\s,]+)*")
_TOWN_AREA = re.compile(
    r"^(?:the\s+)?(?P<town>.+?)\s+(?:desert|steppe|badia|badiya|countryside|region|plains?)$",
    re.I)
_CONTAINED = re.compile(r"^(?:in|inside|within|neighbou?rhood|district|quarter|suburb|part|"
                        r"area)s?\b", re.I)
RELATION_KM = 25.0  # a namesake this close to where the text's relation points is the place
# Share of a stated distance that a namesake may lie off the point it gives: the compass
# word spans +-22.5 degrees (sin 22.5 = 0.38 of the distance sideways), and reports round.
RELATION_SLACK = 0.5
FUZZY_CUTOFF = 90.0
SAME_PLACE_KM = 5.0  # records of one name this close are one place (the build merges them)
SKELETON_RATIO = 70.0
SHORT_SKELETON_RATIO = 80.0  # "Resafa"/"Rasafa", "Tayyas"/"Tiyas"; not "Dilan"/"Dulin"
CITY_POPULATION = 15000
# Weight of a place's UCDP GED event count (log10) among homonyms: of two villages named
# alike, the one the war's event data names is the likelier (0.3 for 1 event, 0.9 for 100).
SALIENCE_WEIGHT = 0.45
PRIMARY_NAME_BONUS = 0.6
# A place whose name folds to the text's spelling over one that only shares its consonants;
# less than naming the event's governorate (2) or the document's (2).
SPELLING_BONUS = 1.5
SALIENT_EVENTS = 10  # UCDP GED events at a place that make it as well known as a city
ANCHOR_DECAY_KM = 75.0  # the pull of the story's other places halves every ~50 km
NEAR_GOV_DEG = 0.4  # ~40 km of slack around the coarse governorate polygons
# A name read without its feature word or direction ("Hamam Mountain" -> near Hamam) must lie
# this close to one of the event's other places when the document has placed some.
UNCERTAIN_ANCHOR_KM = 50.0
# A village (not a city or a curated feature) must lie this close to one of the story's
# other places (when there are some and it is not in the event's stated governorate).
AMBIGUOUS_ANCHOR_KM = 75.0
# Common nouns that name a site inside or next to a place ("Palmyra Castle", "X Triangle").
SITE_NOUNS = {
    "castle", "citadel", "triangle", "tower", "towers", "communications", "airport", "prison",
    "hospital", "silos", "crossroads", "crossroad", "junction", "roundabout", "checkpoint",
    "checkpoints", "base", "hills", "hill", "farms", "dam", "bridge", "quarries", "quarry",
    "area", "outskirts", "suburbs", "ruins", "gate", "entrance", "station", "factory", "plant",
    "mountains", "mountain", "fields", "field", "military", "school", "neighbourhood",
    "camp", "refugee", "theatre", "theater", "museum", "cemetery", "stadium", "mosque",
    "university", "market", "square", "suburb", "district", "quarter", "gas", "oil",
}


@dataclass
class Context:
    """What the document says around a place name, used to choose among candidates."""

    admin1: str | None = None  # the event's governorate, when the text states it
    governorates: set[str] = field(default_factory=set)  # governorates the document names
    anchors: list[tuple[float, float]] = field(default_factory=list)  # places resolved nearby
    text: str = ""  # the quote or the text around the mention
    # the paragraph's text before ``text``: where "the city" of a sentence naming none was
    # named ("... overlooking Palmyra. It captured the X area to the northwest of the city.")
    earlier: str = ""


@dataclass
class Hit:
    entry_id: str
    lat: float
    lon: float
    admin1: str | None
    admin2: str | None
    country: str | None
    geo_precision: int
    where_prec: int
    relation: str | None = None
    reach_km: float = 0.0  # a relative point: how far the text puts it from its base
    # the place the relation names, as the text writes it ("Palmyra" of "overlooking
    # Palmyra"), when the point is that place's; and its document span, once found
    anchor: str | None = None
    anchor_span: tuple[int, int] | None = None

    def place(self, name: str, start: int | None = None, end: int | None = None) -> Place:
        a_start, a_end = self.anchor_span or (None, None)
        return Place(
            name=name, start=start, end=end, gazetteer_id=self.entry_id,
            latitude=self.lat, longitude=self.lon, admin1=self.admin1, admin2=self.admin2,
            country=self.country, geo_precision=self.geo_precision,  # type: ignore[arg-type]
            where_prec=self.where_prec, relation=self.relation,  # type: ignore[arg-type]
            anchor_start=a_start, anchor_end=a_end,
        )


def governorates_named(text: str) -> set[str]:
    """Governorates whose names occur in a text (also as their capital's name)."""
    return {GOV_BY_KEY[m] for m in _gov_regex().findall(text) if m in GOV_BY_KEY} | {
        GOV_BY_KEY[key(m)] for m in _gov_regex().findall(text) if key(m) in GOV_BY_KEY
    }


_GOV_RE: re.Pattern[str] | None = None


def _gov_regex() -> re.Pattern[str]:
    global _GOV_RE
    if _GOV_RE is None:
        alts = sorted({a for names in GOV_ALIASES.values() for a in names}, key=len, reverse=True)
        _GOV_RE = re.compile(r"\b(" + "|".join(re.escape(a) for a in alts) + r")\b", re.I)
    return _GOV_RE


def name_runs(text: str) -> list[tuple[int, str]]:
    """(offset, words) of each run of capitalised words (with their articles) in a text: the
    places, people and units it may name."""
    return [(m.start(), m.group(0)) for m in _CAPITALISED.finditer(text)]


_FUZZY_CACHE_SIZE = 100_000  # names; bounded so a huge corpus cannot grow it without end


class Resolver:
    """Resolves place names against the shipped gazetteer (one instance per process)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.g = gazetteer or load()
        self._fuzzy_cache: dict[str, list[tuple[str, float, int]]] = {}

    # ---------------------------------------------------------------- public
    def resolve(self, name: str, ctx: Context | None = None) -> Hit | None:
        ctx = ctx or Context()
        clean = _clean(name)
        if not clean:
            return None
        stated = self._stated_relation(clean, ctx)
        if stated is not None:
            return stated
        for attempt in self._attempts(name_kind(clean)):
            hit = attempt(clean, ctx)
            if hit is not None and admin.in_region(hit.lat, hit.lon):
                return self._district(clean, hit)
        return None

    def _stated_relation(self, name: str, ctx: Context) -> Hit | None:
        """ "al-Humaymah, 40 km south of al-Bukamal", "X, near Y": the text's own relation
        chooses among the places of that name (one within ``RELATION_KM`` of where it
        points), and places the name there when none is; "X in Y" is left to the rest."""
        if name_kind(name) not in (PLACE, SITE) or not ctx.text:
            return None
        rel = self._relative(name, ctx)
        if rel is None or rel.relation is None or _CONTAINED.match(rel.relation):
            return None
        near = Context(ctx.admin1, ctx.governorates, [(rel.lat, rel.lon)], ctx.text,
                       ctx.earlier)
        exact = self._exact(name, near)
        if exact is None:
            return rel
        entry = self.g.by_id.get(exact.entry_id)
        # "some 75 km southeast of Y": a compass word spans 45 degrees and a distance is
        # rounded (and often by road), so the farther the point, the looser it is
        slack = max(RELATION_KM, RELATION_SLACK * rel.reach_km)
        if entry is None or _big(entry) \
                or distance_km(exact.lat, exact.lon, rel.lat, rel.lon) <= slack:
            return exact  # a city or a known facility is itself; a village, the one there
        return rel

    def _attempts(self, kind: str):
        """The attempts a kind of name allows: a river has no point; a line is placed only
        between two places it names; a region only by its own name or its governorate."""
        if kind == RIVER:
            return ()
        if kind == LINE:
            return (self._line, self._governorate)
        if kind == REGION:
            return (self._country, self._exact, self._governorate, self._line,
                    self._town_area)
        return (self._country, self._exact, self._governorate, self._line, self._partial,
                self._named_after, self._generic_word, self._fuzzy, self._long_i,
                self._relative)

    @staticmethod
    def _district(name: str, hit: Hit) -> Hit:
        """ "Tabqa District" is the district around the town: UCDP's where_prec 3."""
        if _DISTRICT.search(name) and hit.where_prec < 3:
            hit.geo_precision, hit.where_prec = 2, 3
            hit.relation = hit.relation or name
        return hit

    def candidates(self, name: str) -> list[Entry]:
        k = key(_clean(name))
        return [e for e in self.g.by_key.get(k, []) if admin.in_region(e.lat, e.lon)]

    def ambiguous(self, name: str) -> bool:
        """Whether places of this name lie in more than one governorate (or country)."""
        govs = {e.admin1 or admin.admin1_at(e.lat, e.lon) or e.country
                for e in self.candidates(name)}
        return len(govs) > 1

    # ---------------------------------------------------------------- attempts
    def _exact(self, name: str, ctx: Context) -> Hit | None:
        k = key(name)
        cands = self._plausible(self.g.by_key.get(k, []), ctx, strict=False)
        if cands and any(_big(e) for e in cands):
            return self._hit(self._best(cands, ctx, k), exact=True)  # a city is its name's
        # the name spelt otherwise, ranked with the places spelt alike by the story's context
        # ("Resafa" by Raqqa is "Ar Rasafah", not the "Ressâfé" villages of Idlib and Hama);
        # same consonants, and spelt alike ("Quraytayn"/"Qaryatayn", not "Bishri"/"Bashur");
        # three consonants are common to many names: those must be spelt closer still
        sk = skeleton(k)
        alike: list[Entry] = []
        if len(sk) >= 3:
            ratio = SKELETON_RATIO if len(sk) >= 4 else SHORT_SKELETON_RATIO
            alike = [e for e in self.g.by_skeleton.get(sk, []) if e not in cands
                     and max(fuzz.ratio(k, key(n)) for n in e.names) >= ratio]
            alike = self._plausible(alike, ctx)
        if not cands and not alike:
            return None
        spelt = {e.id for e in cands}
        best = max(cands + alike, key=lambda e: (
            self._score(e, ctx, k) + SPELLING_BONUS * (e.id in spelt), e.id))
        if self._far_from_story(best, ctx):
            return None
        return self._hit(best, exact=True)

    def _far_from_story(self, e: Entry, ctx: Context) -> bool:
        """A village far from every other place of the story (and not in the event's stated
        governorate) is most likely another place of that name that no gazetteer holds."""
        inside = ctx.admin1 is not None and self._admin1(e) == ctx.admin1
        return bool(ctx.anchors) and not inside and not _big(e) \
            and _nearest_km(e, ctx.anchors) > AMBIGUOUS_ANCHOR_KM

    def _country(self, name: str, ctx: Context) -> Hit | None:
        f = fold(name)
        if f not in _COUNTRY or "Syria" not in self.g.admin_points:
            return None
        lat, lon, _ = self.g.admin_points["Syria"]
        return Hit("country:Syria", lat, lon, None, None, "Syria", 3, 6)

    def _governorate(self, name: str, ctx: Context) -> Hit | None:
        m = _GOV_FORM.match(name)
        if not m:
            return None
        gov = GOV_BY_KEY.get(key(m.group("name")))
        if gov is None:
            return None
        qualified = bool(_QUALIFIED.search(name))
        # A bare governorate name that is also its capital ("Homs") is the city: _exact
        # already took it. Here only qualified forms and names that are only governorates.
        if not qualified and self.g.by_key.get(key(name)):
            return None
        if gov == "Damascus" and re.search(r"countryside|outskirts|suburbs|rural", name, re.I):
            gov = "Rif Dimashq"  # the governorate's name means "Damascus countryside"
        pt = self.g.admin_points.get(gov) or _polygon_point(gov)
        if pt is None:
            return None
        relation = name if qualified else None
        # "the Homs desert" is a fuzzy area of the governorate (UCDP where_prec 5), not it
        where_prec = 5 if _FUZZY_AREA.search(name) else 4
        return Hit(f"admin1:{gov}", pt[0], pt[1], gov, None, "Syria", 3, where_prec, relation)

    def _town_area(self, name: str, ctx: Context) -> Hit | None:
        """ "the Sukhnah desert", "Palmyra countryside": the area around a town, at the
        town's point with UCDP's where_prec 5 (a fuzzy area)."""
        m = _TOWN_AREA.match(name)
        town = self._exact(m.group("town"), ctx) if m else None
        if town is None or town.where_prec > 2:
            return None
        return Hit(town.entry_id, town.lat, town.lon, town.admin1, town.admin2, town.country,
                   2, 5, name)

    def _line(self, name: str, ctx: Context) -> Hit | None:
        """'A-B highway', 'highway connecting A and B', 'A–B Governorate boundary'."""
        base = re.sub(rf"\s+{_LINE_WORDS}$", "", name, flags=re.I)
        m = re.match(rf"^(?:the\s+)?{_LINE_WORDS}\s+(?:connecting|linking|between|from)\s+"
                     r"(?P<a>.+?)\s+(?:and|to|with)\s+(?P<b>.+)$", name, re.I)
        pairs: list[tuple[str, str]] = []
        if m:
            pairs.append((m.group("a"), m.group("b")))
        elif base != name:
            for sep in re.finditer(r"\s*[-–—]\s*", base):
                pairs.append((base[: sep.start()], base[sep.end():]))
        # the text names both ends, and a road crosses governorates
        ends = Context(None, ctx.governorates, [], ctx.text)
        for a, b in pairs:
            ha, hb = self._point_of(a, ends), self._point_of(b, ends)
            if ha and hb:
                lat, lon = (ha.lat + hb.lat) / 2, (ha.lon + hb.lon) / 2
                a1 = admin.admin1_at(lat, lon)
                return Hit(f"line:{ha.entry_id}+{hb.entry_id}", round(lat, 5), round(lon, 5),
                           a1, None, "Syria" if a1 else None, 2, 5, f"between {a} and {b}")
        return self._span_of_towns(name, ends) if base == name and not m else None

    def _span_of_towns(self, name: str, ctx: Context) -> Hit | None:
        """'Homs-Deir ez-Zor', 'the Aleppo-Hama-Raqqa triangle': towns joined by dashes name
        the area between them; its centre, with UCDP's where_prec 5 (a fuzzy area).

        The name is cut at dashes into two or three runs that each resolve exactly (a
        dash inside a name, "Deir ez-Zor", stays in its run); otherwise None.
        """
        name = re.sub(r"\s+(?:triangle|area|region|axis|front)$", "", name, flags=re.I)
        pieces = re.split(r"\s*[-–—]\s*", name)
        if not 2 <= len(pieces) <= 6:
            return None
        for cuts in _cuts(len(pieces)):
            runs = ["-".join(pieces[i:j]) for i, j in zip((0, *cuts), (*cuts, len(pieces)),
                                                            strict=True)]
            if any(run.split()[-1].lower() in ARTICLES for run in runs):
                continue  # "al-Baydah al-Gharbiyah": a dash after an article joins one name
            hits = [self._exact(run, ctx) for run in runs]
            if all(h is not None and h.where_prec <= 2 for h in hits):
                lat = round(sum(h.lat for h in hits) / len(hits), 5)  # type: ignore[union-attr]
                lon = round(sum(h.lon for h in hits) / len(hits), 5)  # type: ignore[union-attr]
                a1 = admin.admin1_at(lat, lon)
                ids = "+".join(h.entry_id for h in hits)  # type: ignore[union-attr]
                return Hit(f"area:{ids}", lat, lon, a1, None, "Syria" if a1 else None,
                           2 if len(hits) == 2 else 3, 5,
                           f"between {', '.join(runs[:-1])} and {runs[-1]}")
        return None

    def _point_of(self, name: str, ctx: Context) -> Hit | None:
        name = _clean(name)
        hit = self._exact(name, ctx) or self._governorate(name + " governorate", ctx)
        if hit is not None:
            return hit
        # a site of a known place: "near the historic Palmyra Castle" is near Palmyra
        return self._partial(name, ctx) if _prefix_site(name) else None

    def _partial(self, name: str, ctx: Context) -> Hit | None:
        """Drop a direction or feature word: 'Eastern Bayarat', 'Hayyan Hills' -> near X;
        or keep the leading place name of 'Palmyra communications tower' -> near Palmyra."""
        c = core(name)
        cands: list[Entry] = []
        if c and c != key(name):
            cands = self.g.by_key.get(c, []) + self.g.by_core.get(c, [])
        elif c:
            cands = self.g.by_core.get(c, [])  # the bare name of a feature: "Jazal" field
        if not cands and c:
            cands = self.g.by_key.get("bir " + c, [])  # "Humaymah" for the well "Bir Humaymah"
        if not cands and c and c != key(name) and not is_feature_query(name) \
                and len(skeleton(c)) >= 4:
            # a village's upper/lower or east/west half, its base spelt otherwise:
            # "Boqruss Tahtani" -> Buqrus. Never for a feature ("Jebel X" is not village X).
            cands = self.g.by_skeleton.get(skeleton(c), [])
        if not cands:  # "X checkpoint": a city or a known feature; a village only as below
            named = self._prefix(name)
            cands = [e for e in named if _big(e)] or self._sole_in_stated(named, ctx)
        cands = self._plausible(cands, ctx)
        if ctx.anchors:  # a place named after a town lies by the event's other places
            cands = [e for e in cands if _nearest_km(e, ctx.anchors) <= UNCERTAIN_ANCHOR_KM]
        if not cands:
            return None
        e = self._best(cands, ctx)
        hit = self._hit(e, exact=False)
        hit.relation = f"near {e.name}"
        return hit

    def _named_after(self, name: str, ctx: Context) -> Hit | None:
        """A facility named after a place that no source places ("the X checkpoint", "X
        crossroads", "X dam", "the X base", "X hill"): at that place, ``geo_precision`` and
        ``where_prec`` 2 (UCDP: within about 25 km of a known point), relation "near X".

        Only when the text states the governorate (the event's, else the one governorate
        the document names) and exactly one populated place there bears the name, spelt as
        the key or the consonant skeleton allows, and (when the story has placed others)
        it lies within ``UNCERTAIN_ANCHOR_KM`` of them; otherwise None (never a guess).
        """
        words = name.split()
        i = len(words)
        while i > 1 and words[i - 1].lower() in SITE_NOUNS:
            i -= 1
        if i == len(words):
            return None
        k = key(" ".join(words[:i]))
        if not k or is_feature_query(k):
            return None
        cands = list(self.g.by_key.get(k, []))
        sk = skeleton(k)
        if len(sk) >= 3:
            ratio = SKELETON_RATIO if len(sk) >= 4 else SHORT_SKELETON_RATIO
            cands += [e for e in self.g.by_skeleton.get(sk, [])
                      if max(fuzz.ratio(k, key(n)) for n in e.names) >= ratio]
        cands = self._sole_in_stated(list(dict.fromkeys(cands)), ctx)
        if ctx.anchors:  # and by the story's other places, when it has placed some
            cands = [e for e in cands if _nearest_km(e, ctx.anchors) <= UNCERTAIN_ANCHOR_KM]
        if not cands:
            return None
        e = self._best(cands, ctx, k)
        hit = self._hit(e, exact=False)
        hit.relation = f"near {e.name}"
        return hit

    def _generic_word(self, name: str, ctx: Context) -> Hit | None:
        """A name written without the generic word its record opens with ("Basidah" for "Dar
        Basidah", "Abu al-Shamat" for "Himmat Abu ash Shamat"), or with one its record lacks
        ("Khirbet X" for "X"): that place, ``geo_precision`` 2 and relation "near X".

        Taken only when it is one place: the sole one in the governorate the text states,
        else the sole one within ``UNCERTAIN_ANCHOR_KM`` of the story's other places.
        """
        k = key(name)
        tail = without_generic(k)
        cands = list(self.g.by_tail.get(k, [])) + (self.g.by_key.get(tail, []) if tail else [])
        cands = [e for e in dict.fromkeys(cands) if e.kind == "populated"]
        if ctx.admin1 or len(ctx.governorates) == 1:
            cands = self._sole_in_stated(cands, ctx)
        elif ctx.anchors:
            cands = [e for e in cands if admin.in_syria(e.lat, e.lon)
                     and _nearest_km(e, ctx.anchors) <= UNCERTAIN_ANCHOR_KM]
        else:
            return None
        if ctx.anchors:
            cands = [e for e in cands if _nearest_km(e, ctx.anchors) <= UNCERTAIN_ANCHOR_KM]
        if not cands or any(distance_km(e.lat, e.lon, cands[0].lat, cands[0].lon)
                            > SAME_PLACE_KM for e in cands):
            return None
        e = self._best(cands, ctx)
        hit = self._hit(e, exact=False)
        hit.relation = f"near {e.name}"
        return hit

    def _long_i(self, name: str, ctx: Context) -> Hit | None:
        """A name whose "ei" writes a long i, not the diphthong ay ("Me`izeileh" for UCDP's
        "Muayzilah village"): the place whose key or consonant skeleton that reading meets
        (spelt within ``SKELETON_RATIO`` of it), only when the text states the governorate
        and one place fits there (by the story's other places, when it has placed some,
        within ``UNCERTAIN_ANCHOR_KM``); otherwise None."""
        gov = ctx.admin1 or (next(iter(ctx.governorates)) if len(ctx.governorates) == 1
                             else None)
        if gov is None or is_feature_query(name):
            return None
        cands: list[Entry] = []
        for k in long_i_readings(name):
            cands += self.g.by_key.get(k, [])
            if len(skeleton(k)) >= 3:
                cands += [e for e in self.g.by_skeleton.get(skeleton(k), [])
                          if max(fuzz.ratio(k, kk) for kk, _ in e.name_keys()) >= SKELETON_RATIO]
        cands = [e for e in dict.fromkeys(cands)
                 if e.kind == "populated" and not e.is_feature and self._admin1(e) == gov]
        if ctx.anchors:
            cands = [e for e in cands if _nearest_km(e, ctx.anchors) <= UNCERTAIN_ANCHOR_KM]
        if not cands or any(distance_km(e.lat, e.lon, cands[0].lat, cands[0].lon)
                            > SAME_PLACE_KM for e in cands):
            return None
        return self._hit(self._best(cands, ctx), exact=True)

    def _sole_in_stated(self, cands: list[Entry], ctx: Context) -> list[Entry]:
        """The populated places of ``cands`` in the governorate the text states (the event's,
        else the one the document names), when they are one place (records within
        ``SAME_PLACE_KM``); else none: namesakes apart, or no stated governorate."""
        gov = ctx.admin1 or (next(iter(ctx.governorates)) if len(ctx.governorates) == 1
                             else None)
        if gov is None:
            return []
        inside = [e for e in cands
                  if e.kind == "populated" and not e.is_feature and self._admin1(e) == gov]
        if any(distance_km(e.lat, e.lon, inside[0].lat, inside[0].lon) > SAME_PLACE_KM
               for e in inside):
            return []
        return inside

    def _prefix(self, name: str) -> list[Entry]:
        """Entries named by the leading words when the rest are common nouns."""
        words = name.split()
        for i in range(len(words) - 1, 0, -1):
            rest = words[i:]
            if not all(w.lower() in SITE_NOUNS for w in rest):
                continue
            cands = self.g.by_key.get(key(" ".join(words[:i])))
            if cands:
                return cands
        return []

    def _fuzzy(self, name: str, ctx: Context) -> Hit | None:
        k = key(name)
        if len(k) < 5:
            return None
        best = self._fuzzy_keys(k)
        if not best:
            return None
        cands = self._plausible([e for kk, _, _ in best for e in self.g.by_key[kk]], ctx)
        if not cands:
            return None
        e = self._best(cands, ctx)
        return None if self._far_from_story(e, ctx) else self._hit(e, exact=True)

    def _fuzzy_keys(self, k: str) -> list[tuple[str, float, int]]:
        """Gazetteer keys close to ``k`` (context-free, so cached per process)."""
        cached = self._fuzzy_cache.get(k)
        if cached is None:
            pool = self.g.by_initial.get(k[:1], [])
            cached = process.extract(
                k, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
            )
            if len(self._fuzzy_cache) < _FUZZY_CACHE_SIZE:
                self._fuzzy_cache[k] = cached
        return cached

    def _relative(self, name: str, ctx: Context) -> Hit | None:
        """Place an unknown name by a relation stated next to it in the text."""
        for before, text in _windows(name, ctx.text):
            m = re.match(_LEAD, text)
            lead = m.end() if m else 0
            m = _RELATIVE.match(text, lead)
            if m:
                base = self._point_of(m.group("name"), ctx)
                if base is not None:
                    km = float(m.group("km").replace(",", "."))
                    if m.group("unit").lower().startswith("mi"):
                        km *= 1.609
                    bearing = BEARINGS[re.sub(r"[- ]", "", m.group("dir").lower())]
                    lat, lon = offset(base.lat, base.lon, km, bearing)
                    a1 = admin.admin1_at(lat, lon)
                    return Hit(f"offset:{base.entry_id}", lat, lon, a1, None,
                               "Syria" if a1 else base.country, 2, 2,
                               " ".join(m.group(0).split()), reach_km=km,
                               anchor=m.group("name"))
            m = _NEAR.match(text, lead)
            if m:
                base = self._point_of(m.group("name"), ctx)
                if base is not None:
                    base.geo_precision = max(base.geo_precision, 2)
                    base.where_prec = max(base.where_prec, 2)
                    base.relation = " ".join(m.group(0).split())
                    base.anchor = m.group("name")
                    return base
            part = _PART_NOUN.search(f"{name} {text[:lead]}")
            m = _PART_OF.match(text, lead) if part else None
            unit = (m.group("unit") or "").strip().lower() if m else ""
            if m and part and unit in ("", "district", "subdistrict", "nahiya"):
                base = self._point_of(m.group("name"), ctx)
                if base is not None:
                    base.geo_precision = max(base.geo_precision, 2)
                    # a district's part is placed at its town no finer than the district
                    base.where_prec = max(base.where_prec, 3 if unit else 2)
                    base.relation = f"{part.group('noun').lower()} of " \
                                    f"{m.group('name')}{' ' + unit if unit else ''}"
                    base.anchor = m.group("name")
                    return base
            m = _OF_THE.match(text, lead)
            if m:
                found = self._antecedent(before, m.group("noun"), ctx) \
                    or self._earlier_city(m.group("noun"), ctx)
                if found is not None:
                    hit, antecedent = found
                    relation = f"{' '.join(m.group('rel').split())} {antecedent}"
                    return _near_anchor(hit, relation, antecedent)
            m = _EDGE.match(text, lead)
            if m:
                town = self._town_before(before, ctx) or self._earlier_city("city", ctx)
                if town is not None:
                    hit, town_name = town
                    relation = f"{' '.join(m.group('edge').split())} of {town_name}"
                    return _near_anchor(hit, relation, town_name)
        return None

    def _town_before(self, before: str, ctx: Context) -> tuple[Hit, str] | None:
        """The last city (or well-known town) the sentence names before a place said to lie
        at "the outskirts" or "the entrance to the city" without naming it."""
        return self._antecedent(before, "city", ctx)

    def _earlier_city(self, noun: str, ctx: Context) -> tuple[Hit, str] | None:
        """ "the city" (or "the town") of a sentence that names none before it: the one city
        the paragraph named before that sentence; None when it named several (which one is
        meant is not said), and for "the base" or "the village", which the sentence itself
        must name."""
        if noun.lower() not in ("city", "town") or not ctx.earlier:
            return None
        found: dict[str, tuple[Hit, str]] = {}
        for m in _CAPITALISED.finditer(ctx.earlier):
            hit = self._exact(m.group(0), ctx)
            entry = self.g.by_id.get(hit.entry_id) if hit is not None else None
            if hit is not None and entry is not None and _big(entry) \
                    and entry.kind == "populated":
                found.setdefault(entry.id, (hit, m.group(0)))
        return next(iter(found.values())) if len(found) == 1 else None

    def _antecedent(self, before: str, noun: str, ctx: Context) -> tuple[Hit, str] | None:
        """The place "the city" / "the town" / "the base" refers back to: the last name the
        sentence gives before it that resolves, a city or well-known town for "city" and
        "town" (the last name only for "village" and "base"); None otherwise."""
        names = list(_CAPITALISED.finditer(before))
        for m in reversed(names):
            hit = self._exact(m.group(0), ctx)
            entry = self.g.by_id.get(hit.entry_id) if hit is not None else None
            if hit is None or entry is None:
                continue
            if noun.lower() in ("city", "town") and not (_big(entry)
                                                         and entry.kind == "populated"):
                continue
            return hit, m.group(0)
        return None

    # ---------------------------------------------------------------- ranking
    def _plausible(self, cands: list[Entry], ctx: Context, strict: bool = True) -> list[Entry]:
        """Drop candidates far outside the governorate the text states for the event.

        Applied to every uncertain match; for an exact name only to villages and small
        places (a town name recurs across Syria; a city or a curated feature does not).
        """
        out = [e for e in cands if admin.in_region(e.lat, e.lon)
               and (e.country == "Syria" or e.is_feature or _names_country(ctx.text, e.country))]
        # the event's governorate, else those the document names, rule the others out
        govs = [ctx.admin1] if ctx.admin1 else sorted(ctx.governorates)
        polys = [poly for g in govs if (poly := admin.governorate_polygon(g)) is not None]
        if not polys:
            return out
        keep = []
        for e in out:
            if not strict and _big(e):
                keep.append(e)
            elif ctx.admin1 and (e.admin1 or strict):
                # the source's own governorate, or (a loose match) the polygon's: no slack
                if self._admin1(e) == ctx.admin1:
                    keep.append(e)
            elif any(admin.near_polygon(poly, e.lat, e.lon, NEAR_GOV_DEG) for poly in polys):
                keep.append(e)
        return keep

    def _best(self, cands: list[Entry], ctx: Context, k: str | None = None) -> Entry:
        in_reg = [e for e in cands if admin.in_region(e.lat, e.lon)] or cands
        return max(in_reg, key=lambda e: (self._score(e, ctx, k), e.id))

    @staticmethod
    def _admin1(e: Entry) -> str | None:
        return e.admin1 or (admin.admin1_at(e.lat, e.lon) if e.country == "Syria" else None)

    def _score(self, e: Entry, ctx: Context, k: str | None = None) -> float:
        a1 = self._admin1(e)
        s = 0.0
        if ctx.admin1 and a1 == ctx.admin1:
            s += 4
        if a1 and a1 in ctx.governorates:
            s += 2
        if e.country == "Syria":
            s += 2
        if ctx.anchors:
            d = min(distance_km(e.lat, e.lon, la, lo) for la, lo in ctx.anchors)
            s += 2 * math.exp(-d / ANCHOR_DECAY_KM)
        if e.is_feature:
            s += 0.5
        if k is not None and key(e.name) == k:
            s += PRIMARY_NAME_BONUS  # a place's own name, not another place's variant
        s += math.log10(e.population + 1) / 10
        s += SALIENCE_WEIGHT * math.log10(e.ucdp_events + 1)
        return s

    def _hit(self, e: Entry, exact: bool) -> Hit:
        a1 = e.admin1
        if a1 is None and e.country == "Syria" and e.kind != "region":
            a1 = admin.admin1_at(e.lat, e.lon)  # a region's centre names no governorate
        if e.kind in AREA_KINDS:
            geo, wp = AREA_KINDS[e.kind]
        elif exact:
            geo, wp = 1, 1
        else:
            geo, wp = 2, 2
        return Hit(e.id, e.lat, e.lon, a1, e.admin2, e.country, geo, wp)


def _prefix_site(name: str) -> bool:
    """Whether the name ends in common nouns of a site ("Palmyra Castle", "X Triangle")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in SITE_NOUNS


def _names_country(text: str, country: str) -> bool:
    """Whether the text names a neighbour (or its people): a village across the border is
    only taken when it does."""
    stem = {"Iraq": "Iraq", "Jordan": "Jordan", "Lebanon": "Leban", "Turkey": "Turk",
            "Israel": "Israel"}.get(country, country)
    return bool(stem) and stem.lower() in text.lower()


def _cuts(n: int) -> list[tuple[int, ...]]:
    """Ways to cut ``n`` pieces into two or three non-empty runs (cut positions)."""
    two = [(i,) for i in range(1, n)]
    three = [(i, j) for i in range(1, n) for j in range(i + 1, n)]
    return two + three


def _big(e: Entry) -> bool:
    """A city, a curated feature or a town the war's event data names often: the referent
    of its name wherever the story is."""
    return e.is_feature or e.population >= CITY_POPULATION or e.ucdp_events >= SALIENT_EVENTS


def _nearest_km(e: Entry, anchors: list[tuple[float, float]]) -> float:
    return min(distance_km(e.lat, e.lon, la, lo) for la, lo in anchors)


def _polygon_point(gov: str) -> tuple[float, float, str] | None:
    """A point inside the governorate polygon, when no source gives one."""
    poly = admin.governorate_polygon(gov)
    if poly is None:
        return None
    p = poly.representative_point()
    return round(p.y, 5), round(p.x, 5), "syria_admin1.geojson representative point"


def _clean(name: str) -> str:
    n = " ".join(name.replace("\u00a0", " ").split()).strip(" ,.;:()[]\"")
    return re.sub(r"^(?:the|a)\s+", "", n, flags=re.I)


def _windows(name: str, text: str) -> list[tuple[str, str]]:
    """For each occurrence of the name: the sentence's text before it and the text right
    after it (where "X, 40 km east of Y" or "X at the entrance to the city" sits)."""
    if not text:
        return []
    out = []
    low = text.lower()
    i = low.find(name.lower())
    while i >= 0 and len(out) < 3:
        cut = max(text.rfind(". ", 0, i), text.rfind("\n", 0, i))
        out.append((text[cut + 1: i], text[i + len(name): i + len(name) + 120]))
        i = low.find(name.lower(), i + 1)
    return out


def is_feature_query(name: str) -> bool:
    return any(t in FEATURE_TOKENS for t in key(name).split())


def _near_anchor(hit: Hit, relation: str, anchor: str) -> Hit:
    """``hit`` (a resolved place) marked as lying near the town ``anchor`` of the text's
    ``relation``: UCDP's where_prec 2, "within ca. 25 km of a known point"."""
    hit.geo_precision, hit.where_prec = max(hit.geo_precision, 2), 2
    hit.relation, hit.anchor = relation, anchor
    return hit
