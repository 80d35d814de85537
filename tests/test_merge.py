"""Cross-document event merging and casualty claims, on events written here."""

from __future__ import annotations

from datetime import date

import pytest

from badia.merge.claims import build_claims, claimant_class, estimate
from badia.merge.events import candidate_pairs, match_pair, merge_events
from badia.merge.keys import nested, place_key
from badia.merge.records import ClaimedFigure
from badia.model import Event, Fatality, Place


def ev(doc: str, n: int, **kw) -> Event:
    """An event of document ``doc`` (its n-th), with sensible defaults."""
    day = kw.pop("day", date(2018, 5, 22))
    base = dict(
        id=f"{doc}:{n * 100}:0",
        doc=f"{doc}.txt",
        doc_id=doc,
        quote=kw.pop("quote", "IS fighters attacked the T-3 Pumping Station."),
        start=n * 100,
        end=n * 100 + 40,
        date_start=day,
        date_end=kw.pop("day_end", day),
        date_precision=kw.pop("precision", "day"),
        type="attack",
        actor1=["IS"],
        side1="islamic_state",
        actor2=["Syrian Army"],
        side2="government",
        locations=["T-3 Pumping Station"],
        admin1="Homs",
    )
    base.update(kw)
    return Event(**base)


def test_place_keys_fold_spelling_variants():
    assert place_key("Hayyan gas fields") == place_key("the Hayyan Gas Field area")
    assert place_key("Jabal al-Tar") == place_key("al-Tar mountain") == place_key("Jabbal al-Tar")
    assert place_key("Bir Qassab") == place_key("Bir al-Qasab")
    assert place_key("Hayyan gas fields") != place_key("Hayyan Hills")


def test_nesting_needs_only_generic_extra_words():
    assert nested("eastern Qalamoun", "eastern Qalamoun Mountains") == (
        "eastern Qalamoun",
        "eastern Qalamoun Mountains",
    )
    assert nested("Palmyra Castle", "Palmyra") == ("Palmyra", "Palmyra Castle")
    assert nested("Deir ez-Zor", "Sukhnah-Deir ez-Zor highway") is None
    assert nested("Syrian Desert", "Desert") is None  # nothing but generic words


def test_same_attack_told_twice_merges_with_reason_and_claims():
    sohr = ev(
        "a",
        1,
        quote="SOHR said 25 soldiers were killed in an IS attack on the T-3 pumping station.",
        fatalities=[Fatality(side="government", killed=25, source="SOHR")],
        source="SOHR",
    )
    ministry = ev(
        "b",
        3,
        type="clash",
        day=date(2018, 5, 21),
        day_end=date(2018, 5, 23),
        precision="range",
        locations=["T3 pumping station", "Palmyra"],
        quote="The ministry said 16 soldiers died repelling IS near the T3 pumping station.",
        fatalities=[
            Fatality(side="government", killed=16, source="the ministry"),
            Fatality(side="islamic_state", killed=40, source="the ministry"),
        ],
    )
    other = ev("c", 2, day=date(2018, 6, 30), locations=["Mayadin"], admin1="Deir ez-Zor")
    merged = merge_events([sohr, ministry, other])
    assert len(merged) == 2
    m = next(m for m in merged if len(m.sources) == 2)
    assert {s.event_id for s in m.sources} == {sohr.id, ministry.id}
    assert m.documents == ["a.txt", "b.txt"]
    assert m.type == "attack" and m.types == ["attack", "clash"]
    # the intersection of 22 May (day) and 21-23 May (range) is the day
    assert (m.date_start, m.date_end, m.date_precision) == (
        date(2018, 5, 22),
        date(2018, 5, 22),
        "day",
    )
    assert len(m.reasons) == 1
    reason = m.reasons[0]
    assert "same type family 'battle'" in reason
    assert "dates overlap 2018-05-22" in reason
    assert "same place: T-3 Pumping Station = T3 pumping station" in reason
    assert "side1 islamic_state" in reason
    claims = {(c.subject_id, c.side): c for c in build_claims(merged, [])}
    gov = claims[(m.id, "government")]
    assert (gov.low, gov.low_claimant) == (16, "the ministry")
    assert (gov.high, gov.high_claimant) == (25, "SOHR")
    assert (gov.best, gov.best_claimant, gov.best_rule) == (25, "SOHR", "neutral monitor")
    isl = claims[(m.id, "islamic_state")]
    assert (isl.low, isl.best, isl.high, isl.best_rule) == (40, 40, 40, "single claimant")
    single = next(m for m in merged if len(m.sources) == 1)
    assert single.sources[0].event_id == other.id and single.reasons == []


def test_nested_places_merge_and_say_so():
    a = ev("a", 1, side1="opposition", side2="islamic_state", locations=["eastern Qalamoun"])
    b = ev(
        "b",
        1,
        side1="opposition",
        side2=None,
        locations=["Eastern Qalamoun Mountains"],
        day=date(2018, 5, 1),
        day_end=date(2018, 5, 31),
        precision="month",
    )
    (m,) = merge_events([a, b])
    assert "places nested: eastern Qalamoun ⊂ Eastern Qalamoun Mountains" in m.reasons[0]
    assert m.side2 == "islamic_state"
    assert (m.date_start, m.date_precision) == (date(2018, 5, 22), "day")


def test_governorate_only_event_merges_with_a_place_inside_it():
    a = ev("a", 1, locations=["Sukhnah"], admin1="Homs")
    b = ev("b", 1, locations=["Homs Governorate"], admin1="Homs")
    match = match_pair(a, b)
    assert match is not None and "place in governorate: Sukhnah ⊂ Homs" in match.reason


def test_nearby_geocoded_points_merge():
    p1 = Place(name="Tadmur", latitude=34.560, longitude=38.267, where_prec=1)
    p2 = Place(name="Palmyra ruins", latitude=34.552, longitude=38.270, where_prec=1)
    a = ev("a", 1, locations=["Tadmur"], places=[p1])
    b = ev("b", 1, locations=["Palmyra ruins"], places=[p2])
    match = match_pair(a, b)
    assert match is not None and "places within 0.9 km: Tadmur ~ Palmyra ruins" in match.reason


@pytest.mark.parametrize(
    "change",
    [
        # opposite sides' captures of one place on one day
        dict(type="capture", side1="government", side2="islamic_state"),
        # different places, not nested
        dict(locations=["Mayadin"]),
        # dates that do not overlap
        dict(day=date(2018, 5, 23)),
        # another type family
        dict(type="airstrike"),
        # side2 known on both and different
        dict(side2="russia"),
    ],
)
def test_pairs_that_must_not_merge(change):
    # for the capture case, a is islamic_state taking the place from the government
    a = ev("a", 1, type="capture" if change.get("type") == "capture" else "attack")
    b = ev("b", 1, **change)
    assert match_pair(a, b) is None
    assert len(merge_events([a, b])) == 2


def test_nothing_merges_within_one_document():
    a = ev("a", 1)
    b = ev("a", 2, quote="Again, IS attacked the T-3 Pumping Station.")
    assert match_pair(a, b) is None
    assert len(merge_events([a, b])) == 2


def test_complete_linkage_does_not_chain_incompatible_events():
    # b (governorate only) matches a and c, but a and c are different places.
    a = ev("a", 1, locations=["Sukhnah"])
    b = ev("b", 1, locations=[], admin1="Homs")
    c = ev("c", 1, locations=["Palmyra"])
    merged = merge_events([a, b, c])
    assert sorted(len(m.sources) for m in merged) == [1, 2]


def test_merged_ids_are_deterministic():
    a, b = ev("a", 1), ev("b", 1)
    assert [m.id for m in merge_events([a, b])] == [m.id for m in merge_events([b, a])]


def test_best_estimate_rules():
    def fig(claimant: str, killed: int) -> ClaimedFigure:
        return ClaimedFigure(
            side="government", killed=killed, claimant=claimant, record_id="x", doc="d"
        )

    assert claimant_class("SOHR") == "neutral"
    assert claimant_class("state media") == "partisan"
    assert claimant_class("IS") == "partisan"
    assert claimant_class("doc:a.txt") == "other"
    # no monitor: the lowest non-partisan figure
    lo, _, best, bestc, rule, hi, _ = estimate(
        [fig("state media", 39), fig("Islamic State", 40), fig("doc:a.txt", 30)]
    )
    assert (lo, best, bestc, rule, hi) == (30, 30, "doc:a.txt", "lowest non-partisan", 40)
    # only parties: the lower median
    _, _, best, _, rule, _, _ = estimate(
        [fig("state media", 39), fig("Islamic State", 45), fig("rebels", 10)]
    )
    assert (best, rule) == (39, "median of partisan claims")
    # one claimant revising its toll counts once, with the larger figure
    _, _, best, _, _, _, _ = estimate([fig("SOHR", 12), fig("SOHR", 15), fig("army", 3)])
    assert best == 15


def test_candidates_are_blocked_by_time_window_and_governorate():
    homs = [Place(name="Tell Abyad", admin1="Homs", latitude=34.5, longitude=38.2)]
    deir = [Place(name="Tell Abyad", admin1="Deir ez-Zor", latitude=35.3, longitude=40.1)]
    unplaced = [Place(name="Tell Abyad")]
    a = ev("a", 1, locations=["Tell Abyad"], places=homs, admin1="Homs")
    b = ev("b", 1, locations=["Tell Abyad"], places=deir, admin1="Deir ez-Zor")
    c = ev("c", 1, locations=["Tell Abyad"], places=unplaced, admin1=None)
    later = ev("d", 1, locations=["Tell Abyad"], places=homs, day=date(2018, 7, 1))
    pairs = set(candidate_pairs([a, b, c, later]))
    # two governorates: never compared; the unplaced one: compared with both; a later
    # month: not compared with anything
    assert pairs == {(0, 2), (1, 2)}
