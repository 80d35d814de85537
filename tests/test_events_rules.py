"""The clause rules of the event builder, one pattern of the language per test.

Documents are written for these tests in the dump format; the last test follows the
events of a real seed through to the control timelines analysts read.
"""

from __future__ import annotations

from datetime import date

from badia.events import build_events
from badia.merge.control import control_timelines, find_place
from badia.model import Event
from badia.pipeline import extract_document
from badia.read import read_path, read_text

INFOBOX = """= Test offensive (2017) =

Infobox
- Conflict: Test offensive (2017)
- Date: 10 January – 20 March 2017, ()

The test offensive was a military operation of the Syrian Army in 2017.

"""


def _events(body: str, head: str = "= Test campaign (2017) =\n\n==Fighting==\n") -> list[Event]:
    doc = read_text(head + body + "\n", name="t.txt")
    events, _ = build_events(doc)
    return events


def test_yearless_background_before_the_period_takes_the_year_before() -> None:
    events = _events(
        "ISIL had seized the town of Qasr Tal from 4 to 6 December, before the offensive.",
        head=INFOBOX,
    )
    assert [(e.type, e.date_start) for e in events] == [("capture", date(2016, 12, 4))]


def test_lead_summary_of_a_body_event_is_told_once() -> None:
    events = _events(
        "On 5 February 2017, the Syrian Army captured Qasr Tal.\n\n"
        "==Offensive==\nOn 5 February, the Syrian Army captured Qasr Tal from ISIL.",
        head=INFOBOX,
    )
    assert len([e for e in events if e.type == "capture"]) == 1
    assert "from ISIL" in next(e for e in events if e.type == "capture").quote


def test_a_dated_sentence_is_its_own_event_but_an_undated_one_joins_the_day() -> None:
    events = _events(
        "On 2 March, the Syrian Army captured the hills of Qasr Tal. It also captured the "
        "village of Tal Hamra. On 2 March, the Syrian Army recaptured the whole town."
    )
    captures = [e for e in events if e.type == "capture"]
    assert len(captures) == 2
    assert "Tal Hamra" in captures[0].locations


def test_progressive_is_active_and_past_participle_after_be_is_passive() -> None:
    withdrawing, expelled = _events(
        "In early January 2017, ISIL was withdrawing from the villages.\n\n"
        "In March 2017, the town had been recaptured by the Syrian Army."
    )
    assert (withdrawing.type, withdrawing.side1) == ("withdrawal", "islamic_state")
    assert (expelled.type, expelled.side1) == ("capture", "government")


def test_control_passing_to_an_actor_named_after_of() -> None:
    (event,) = _events(
        "By late May 2017, the desert roads came under the control of the Syrian government."
    )
    assert (event.type, event.side1) == ("capture", "government")


def test_places_sharing_a_head_are_split() -> None:
    (event,) = _events("On 19 February 2017, the Army attacked the Jazal and al-Mahr oil fields.")
    assert event.locations == ["Jazal oil fields", "al-Mahr oil fields"]


def test_hearsay_demining_and_taking_place_are_not_events() -> None:
    events = _events(
        "On 9 April 2017, Russian engineers began clearing mines in the old town. "
        "On 10 April 2017, clashes took place near the dam amid reports of a withdrawal by ISIL."
    )
    assert [e.type for e in events] == ["clash"]


def test_a_toll_stated_apart_joins_the_paragraphs_battle() -> None:
    (attack,) = _events(
        "On 8 April 2017, ISIL attacked the Qasr Tal base. "
        "Rebels stated that four of their fighters and nine ISIL fighters were killed."
    )
    assert {(f.side, f.killed, f.source) for f in attack.fatalities} == {
        ("opposition", 4, "rebels"),
        ("islamic_state", 9, "rebels"),
    }


def test_counts_of_one_side_in_one_list_add_up_and_designations_are_not_counts() -> None:
    (attack,) = _events(
        "In August 2023, IS killed 30 Syrian soldiers near Mayadin, and 12 pro-government "
        "militiamen near Raqqa, and destroyed a T-72 tank.[14]"
    )
    assert [(f.side, f.killed) for f in attack.fatalities] == [("government", 42)]


def test_seed_control_timelines_read_as_the_text_tells(seed_paths) -> None:
    """Palmyra and the Hayyan gas fields in the 2017 Palmyra offensive article."""
    extraction = extract_document(read_path(seed_paths["002"]))
    periods = control_timelines(extraction.events)

    def timeline(name: str) -> list[tuple[date, str]]:
        (key,) = find_place(periods, name)
        return [(p.start, p.side) for p in periods if p.key == key]

    assert timeline("Palmyra") == [
        (date(2016, 3, 1), "government"),
        (date(2016, 12, 8), "islamic_state"),
        (date(2017, 3, 1), "contested"),
        (date(2017, 3, 2), "government"),
    ]
    assert timeline("Hayyan gas fields") == [
        (date(2017, 2, 4), "government"),
        (date(2017, 2, 7), "islamic_state"),
        (date(2017, 2, 14), "government"),
        (date(2017, 2, 16), "contested"),
        (date(2017, 2, 18), "government"),
    ]


def test_a_users_actor_lexicon_names_a_side(tmp_path) -> None:
    from badia.pipeline import extract_text, load_actor_lexicon

    lexicon_file = tmp_path / "mine.yaml"
    lexicon_file.write_text(
        "actors:\n  - name: Hills Guard\n    side: opposition\n    aliases: [Hills Guard, HG]\n"
    )
    text = "= T (2017) =\n\n==A==\nOn 5 March 2017, the HG captured Umm Hamra from ISIL.\n"
    assert extract_text(text).events[0].side1 != "opposition"  # unknown to the packaged lexicon
    (event,) = extract_text(text, actors=load_actor_lexicon(lexicon_file)).events
    assert (event.actor1, event.side1, event.side2) == (["HG"], "opposition", "islamic_state")


def test_a_malformed_actor_lexicon_is_refused_with_its_reason(tmp_path) -> None:
    import pytest

    from badia.pipeline import load_actor_lexicon

    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: X\n    side: rebels\n")
    with pytest.raises(ValueError, match="bad.yaml: actor 'X' has side 'rebels'"):
        load_actor_lexicon(bad)


NEWS = """Desert Wire Daily

Syrian troops break siege of Deir ez-Zor

September 6, 2017 at 9:10 am

Syrian government forces and allied militias broke through Islamic State lines to reach \
the besieged garrison in Deir ez-Zor on Tuesday, state media said.

At least 40 Islamic State fighters were killed in the fighting, according to the Syrian \
Observatory for Human Rights, which said 12 soldiers also died.

Read more: Russia says cruise missiles hit militant positions

Yesterday, Russian warships fired cruise missiles at Islamic State targets near the city, \
the Russian defence ministry said.
"""


def test_news_weekdays_tolls_and_claimants_resolve_against_the_publication_date() -> None:
    from badia.pipeline import extract_text

    attack, shelling = extract_text(NEWS).events
    assert (attack.type, attack.date_start, attack.side1, attack.source) == (
        "attack",
        date(2017, 9, 5),
        "government",
        "state media",
    )
    assert {(f.side, f.killed, f.source) for f in attack.fatalities} == {
        ("islamic_state", 40, "SOHR"),
        ("government", 12, "SOHR"),
    }
    assert (shelling.type, shelling.date_start, shelling.side1, shelling.source) == (
        "shelling",
        date(2017, 9, 5),
        "russia",
        "Russian MOD",
    )


def test_the_reported_subject_acts_not_the_speaker() -> None:
    (event,) = _events("On 29 March 2017, the rebels announced that ISIL had captured Tal Hamra.")
    assert (event.type, event.side1) == ("capture", "islamic_state")


def test_a_participle_after_an_article_is_an_adjective() -> None:
    events = _events(
        "On 20 April 2017, rebels captured Tal Hamra, along with an abandoned military base "
        "and the besieged garrison."
    )
    assert [e.type for e in events] == ["capture"]


def test_a_passive_agent_keeps_its_conjuncts() -> None:
    # both conjuncts act; they span two sides, so one event per side (GUIDELINES 1b)
    events = _events(
        "In March 2016, ISIL was expelled from Tal Hamra by Syrian government and Russian forces."
    )
    assert [(e.type, e.side1, e.actor1) for e in events] == [
        ("capture", "government", ["Syrian government"]),
        ("capture", "russia", ["Russian forces"]),
    ]


def test_forces_sent_or_deployed_are_their_own_movers() -> None:
    (event,) = _events("On 9 May 2017, Hezbollah troops were deployed to Tal Hamra.")
    assert (event.type, event.side1) == ("deployment", "government")


def _killed(event: Event) -> set[tuple[str, int]]:
    return {(f.side, f.killed) for f in event.fatalities}


def test_people_captured_or_described_are_not_killed() -> None:
    events = _events(
        "On 17 September, ISIL forces launched an assault against rebel positions at Qasr Tal, "
        "killing four and capturing forty defenders, while losing two vehicles.\n\n"
        "On 20 September, ISIL attacked a Syrian Army convoy near Qasr Tal, leaving 35 soldiers "
        "dead, including nine Russians. Four of the Russians were officers, while Russia "
        "reported that 43 attackers were also killed during the fighting."
    )
    assert [(e.type, e.side1) for e in events] == [("attack", "islamic_state")] * 2
    assert _killed(events[0]) == {("opposition", 4)}
    assert _killed(events[1]) == {("government", 35), ("russia", 9), ("islamic_state", 43)}


def test_a_count_on_each_side_counts_for_both() -> None:
    (event,) = _events(
        "IS attacked pro-government forces in Qasr Tal on 9 April 2017. "
        "More than twenty fighters on each side were killed."
    )
    assert _killed(event) == {("islamic_state", 20), ("government", 20)}


def test_a_toll_dated_otherwise_is_not_the_last_events() -> None:
    events = _events(
        "On 6 April, IS militants raided the town of Qasr Tal, kidnapping dozens of people.\n\n"
        "On 19 April, SOHR stated that 30 people had died."
    )
    assert [e.date_start for e in events] == [date(2017, 4, 6)] * len(events)
    assert all(not e.fatalities for e in events)


def test_a_speaker_reporting_its_own_kills_acts_and_air_powers_strike_from_the_air() -> None:
    events = _events(
        "On 19 April, Russia's defense ministry announced that it had killed \"up to 200 "
        "fighters\", by targeting a \"terrorist\" base northeast of Palmyra.\n\n"
        "On 20 April, SOHR reported that 12 soldiers were killed near Palmyra.\n\n"
        "On 21 April, the Syrian Air Force killed 14 IS fighters near Palmyra."
    )
    assert [(e.type, e.side1, e.date_start.day) for e in events] == [
        ("airstrike", "russia", 19),
        ("airstrike", "government", 21),
    ]
    assert _killed(events[0]) == {("islamic_state", 200)}
    assert events[0].source == "Russian MOD"


def test_an_unstated_target_is_the_side_it_killed() -> None:
    (event,) = _events(
        "On 12 June 2017, 16 Syrian soldiers, including an officer, were killed in a minefield "
        "laid by IS militants near Qasr Tal."
    )
    assert (event.type, event.side1, event.side2) == ("bombing", "islamic_state", "government")
    assert _killed(event) == {("government", 16)}


def _kinds(body: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.side1) for e in _events(body)]


def test_a_semicolon_parts_two_actions_of_one_day() -> None:
    assert _kinds(
        "On 24 February 2017, a soldier of the 4th Division was found decapitated near Qasr "
        "Tal; meanwhile, nine soldiers were killed by IS militants near Tal Hamra, according "
        "to SOHR."
    ) == [("other", "unknown"), ("attack", "islamic_state")]


def test_actions_told_before_are_not_told_again() -> None:
    assert _kinds(
        "On 5 March 2017, IS ambushed a convoy near Qasr Tal.\n\n"
        "Several soldiers were also reported killed in the ambush."
    ) == [("ambush", "islamic_state")]
    assert _kinds(
        "On 3 March 2017, IS attacked Qasr Tal.\n\n"
        "In these attacks, the insurgents targeted security outposts."
    ) == [("attack", "islamic_state")]
    assert _kinds(
        "On 3 March 2017, IS attacked Qasr Tal.\n\n"
        "The battle lasted for hours, with the attack eventually being repelled by the Army."
    ) == [("attack", "islamic_state")]


def test_means_and_company_are_not_actions_of_their_own() -> None:
    assert _kinds(
        "On 22 May 2017, an IS attack involving suicide bombers on a military outpost near "
        "Qasr Tal left 26 soldiers dead."
    ) == [("attack", "islamic_state")]
    assert _kinds(
        "On 8 June 2017, IS attacked Qasr Tal by using 10 suicide bombers, including several "
        "SVBIEDs."
    ) == [("attack", "islamic_state")]
    assert _kinds(
        "On 2 March 2017, the Syrian Army alongside Russian reinforcements recaptured Qasr Tal."
    ) == [("capture", "government")]


def test_being_in_control_is_a_state_unless_reached_by_a_date() -> None:
    assert _kinds("In April 2017, reports indicated that IS was in control of Tal Hamra.") == []
    assert _kinds("By 23 September 2017, the rebels were in control of Tal Hamra.") == [
        ("capture", "opposition")
    ]


def test_a_new_time_after_and_opens_a_clause_of_its_own() -> None:
    events = _events(
        "At the end of February 2017, the military started combing operations in the desert "
        "and in early March, the Army conducted airstrikes against IS positions near Qasr Tal."
    )
    strike = next(e for e in events if e.type == "airstrike")
    assert (strike.date_start, strike.date_end) == (date(2017, 3, 1), date(2017, 3, 10))


def test_a_relative_time_in_a_pluperfect_clause_dates_the_earlier_act() -> None:
    events = _events(
        "On 16 September 2017, IS recaptured Qasr Tal. However, on 17 September, the military "
        "counterattacked and once again captured all the areas it had lost the previous day."
    )
    captures = [(e.side1, e.date_start) for e in events if e.type == "capture"]
    assert captures == [("islamic_state", date(2017, 9, 16)), ("government", date(2017, 9, 17))]


def test_a_relative_clause_with_its_own_time_dates_its_act() -> None:
    # "..., which they breached the previous day": the breach is the day before, so it is
    # the attack already told for that day (GUIDELINES 1b), not a second one on 9 March
    events = _events(
        "On 8 March 2017, the Army attacked Qasr Tal. On 9 March, the Army recaptured Qasr "
        "Tal. At the same time, government forces advancing from the south seized Tal Hamra, "
        "which they breached the previous day with the help of airstrikes."
    )
    assert [(e.type, e.date_start) for e in events] == [
        ("attack", date(2017, 3, 8)),
        ("capture", date(2017, 3, 9)),
    ]


def test_advancing_to_within_a_distance_is_an_attack_beside_a_capture() -> None:
    # GUIDELINES 1b: "advanced ..., capturing X" is a capture alone, but "advanced within
    # 4 km of X" is an attack; the siege laid later that day is the same attack
    events = _events(
        "On 3 March 2017, the Front cut off the road to Qasr Tal, capturing several farms. "
        "On the same day, the Front reached the southern gate of Qasr Tal, and they also "
        "advanced within 4 kilometers of its western outskirts, capturing the village of Tal "
        "Hamra. Front fighters also captured another 12 villages, and fully besieged the town."
    )
    assert [(e.type, e.quote.split(",")[0]) for e in events] == [
        ("capture", "On 3 March 2017"),
        ("attack", "On the same day"),
    ]


def test_a_perfect_pinned_to_a_day_tells_a_dated_act() -> None:
    events = _events(
        "On 15 July 2017, the Army captured Qasr Tal. Further progress has been made on 17 "
        "July with the Tal Hamra oil field being restored under government control. "
        "The area has been under army control since then."
    )
    assert [(e.type, e.date_start) for e in events] == [
        ("capture", date(2017, 7, 15)),
        ("capture", date(2017, 7, 17)),
    ]


def test_a_retreat_from_the_base_just_taken_is_the_flip_side() -> None:
    # GUIDELINES 1b: "the base" is the place just taken; the retreat told on in the next
    # sentence, with no place of its own, is the same flip side
    events = _events(
        "On 26 July 2017, ISIL fighters captured the Tal Zaytun base after a day of fighting. "
        "Hundreds of Syrian Army troops retreated from the base towards Kafr Ward. "
        "Three groups were pulled out."
    )
    assert [(e.type, e.side1) for e in events] == [("capture", "islamic_state")]
    # a retreat from another place is a move of its own
    events = _events(
        "On 26 July 2017, ISIL fighters captured the Tal Zaytun base after a day of fighting. "
        "Hundreds of Syrian Army troops retreated from Ain Sifa towards Kafr Ward."
    )
    assert [(e.type, e.side1) for e in events] == [
        ("capture", "islamic_state"),
        ("withdrawal", "government"),
    ]


def test_the_cutting_of_the_road_named_again_is_no_new_capture() -> None:
    events = _events(
        "On 22 February 2017, ISIL cut the road between Qasr Tal and Tal Hamra. On 24 "
        "February, the army recaptured Qasr Tal. At this time, the cutting of the road by "
        "ISIL caused prices of food in Tal Hamra to rise dramatically."
    )
    assert [(e.type, e.side1, e.date_start) for e in events] == [
        ("capture", "islamic_state", date(2017, 2, 22)),
        ("capture", "government", date(2017, 2, 24)),
    ]


def test_a_clearing_operation_is_an_attack() -> None:
    events = _events(
        "On 24 February 2017, the SDF captured Qasr Tal. Later on the same day, 120 ISIL "
        "militants were found and killed during a clearing operation in a village south of "
        "Qasr Tal."
    )
    assert [e.type for e in events] == ["capture", "attack"]


def test_a_gain_after_which_another_act_followed_was_told_before() -> None:
    # "after capturing X" is the gain another act followed: told before, not a new capture;
    # the act it leads to is the event ("After re-securing X, forces advanced to Y")
    events = _events(
        "On 20 May 2017, ISIL captured Qasr Tal. On 22 May, ISIL executed 40 prisoners in a "
        "purge it began after capturing Qasr Tal. On 24 May, after re-securing the Kafr Ward "
        "checkpoint, government forces advanced to the village of Tal Hamra."
    )
    assert [(e.type, e.date_start) for e in events] == [
        ("capture", date(2017, 5, 20)),
        ("other", date(2017, 5, 22)),
        ("attack", date(2017, 5, 24)),
    ]


def test_another_strike_on_another_target_is_an_event_of_its_own() -> None:
    # GUIDELINES 1b: same-day strikes of one side are one event on one front; "Another
    # airstrike ... against a camp near Y" hits a second target, "another ... hit X" the same
    events = _events(
        "On 28 August 2017, Syrian jets launched an airstrike on an ISIL headquarters in Qasr "
        "Tal. Another airstrike occurred the same day against an ISIL camp near Tal Hamra. "
        "Another airstrike later in the day hit Qasr Tal."
    )
    assert [(e.type, e.locations) for e in events] == [
        ("airstrike", ["Qasr Tal"]),
        ("airstrike", ["Tal Hamra"]),
    ]


def test_a_withdrawal_told_as_what_something_led_to_is_an_act() -> None:
    events = _events(
        "On 5 June 2017, the Tiger Forces captured Qasr Tal. On 8 June, the ISIL front "
        "crumbled near Lake Hamra, resulting in the withdrawal of ISIL from 20 villages."
    )
    assert [(e.type, e.side1, e.date_start) for e in events] == [
        ("capture", "government", date(2017, 6, 5)),
        ("withdrawal", "islamic_state", date(2017, 6, 8)),
    ]


def test_a_strike_named_as_the_cause_of_something_else_is_no_new_act() -> None:
    events = _events(
        "On 20 May 2017, ISIL captured Qasr Tal. Later that day, the town saw an increase in "
        "refugees from the city caused by the bombardment of the town."
    )
    assert [e.type for e in events] == ["capture"]


def test_a_same_day_telling_goes_on_across_a_paragraph_on_one_front() -> None:
    # GUIDELINES 1b: one event "even across a paragraph break" where the new paragraph goes
    # on with a place the event has; a paragraph on another place is another front
    events = _events(
        "On 13 May 2017, ISIL captured Qasr Tal after a day of fighting.\n\n"
        "After the capture of Qasr Tal, ISIL took all the army posts between it and Tal "
        "Hamra. As they advanced, they seized the Kafr Ward area.\n\n"
        "The militants also seized Ain Sifa."
    )
    assert [(e.type, e.locations) for e in events] == [
        ("capture", ["Qasr Tal", "Tal Hamra", "Kafr Ward"]),
        ("capture", ["Ain Sifa"]),
    ]
    # a paragraph that writes the day again goes on with the event where it names its place
    events = _events(
        "On 13 May 2017, ISIL captured Qasr Tal after a day of fighting.\n\n"
        "Later on 13 May, the Tal Hamra posts were captured by ISIL.\n\n"
        "Later on 13 May, Qasr Tal was captured by ISIL, which also shelled Tal Hamra."
    )
    assert [(e.type, e.quote[:16]) for e in events] == [
        ("capture", "On 13 May 2017, "),
        ("capture", "Later on 13 May,"),
        ("shelling", "Later on 13 May,"),
    ]


def test_clashes_that_continued_between_the_sides_are_the_fighting_told_before() -> None:
    events = _events(
        "On 16 July 2017, rebels attacked the Qasr Tal checkpoint. Clashes continued between "
        "rebels and soldiers as rebels attempted to continue their advance towards the base."
    )
    assert [e.type for e in events] == ["attack"]


def test_days_listed_with_and_are_one_event_each() -> None:
    events = _events(
        "On 11 and 18 April 2017, two more ambushes took place along the road near Qasr Tal. "
        "Two days later, IS attacked Tal Hamra."
    )
    assert [(e.type, e.date_start) for e in events] == [
        ("ambush", date(2017, 4, 11)),
        ("ambush", date(2017, 4, 18)),
        ("attack", date(2017, 4, 20)),
    ]
    (clash,) = _events("On 13 and 14 March 2017, clashes broke out between IS and the Army.")
    assert (clash.date_start, clash.date_end) == (date(2017, 3, 13), date(2017, 3, 14))


def test_a_clause_with_its_own_date_keeps_its_weak_action() -> None:
    events = _events(
        "Meanwhile, IS attacks continued in the Qasr Tal area and on 18 April 2017, 25 "
        "soldiers and 13 IS fighters were killed in clashes, while on 20 April, IS attempted "
        "to attack Tal Hamra."
    )
    assert [(e.type, e.date_start.day) for e in events] == [("clash", 18), ("attack", 20)]
    assert _killed(events[0]) == {("government", 25), ("islamic_state", 13)}
    assert _kinds("On 3 March 2017, IS attacked Qasr Tal. Clashes continued around the town "
                  "until the end of March.") == [("attack", "islamic_state")]


def test_ground_gained_by_distance_is_a_capture_and_spoils_are_not() -> None:
    assert ("capture", "government") in _kinds(
        "On 10 September 2017, the Syrian Army advanced 30 kilometers into IS territory."
    )
    assert _kinds(
        "In March 2017, IS fighters ambushed a Liwa al-Quds vehicle near Qasr Tal, killing the "
        "three guards and capturing the cargo."
    ) == [("ambush", "islamic_state")]


def test_the_side_an_event_killed_is_its_target() -> None:
    events = _events(
        "In April 2017, IS fought rebels near Tal Hamra.\n\n"
        "On 18 May 2017, a convoy of SAA soldiers was struck by several U.S. airstrikes near "
        "Qasr Tal, killing 8 soldiers."
    )
    strike = events[-1]
    assert (strike.type, strike.side1, strike.side2) == ("airstrike", "coalition", "government")
    (ambush,) = _events("On 5 May 2017, a convoy of SAA soldiers was ambushed by IS near Qasr Tal.")
    assert (ambush.side1, ambush.actor2, ambush.side2) == ("islamic_state", ["SAA"], "government")


def test_the_source_of_a_report_takes_no_part() -> None:
    events = _events(
        "On 10 September 2017, rebels advanced 30 kilometers, according to pro-government media."
    )
    assert [(e.type, e.side1, e.actor2) for e in events] == [("capture", "opposition", [])]


def test_one_person_told_with_an_article_is_one_dead() -> None:
    (bombing,) = _events("On 5 May 2017, a Russian PMC was killed by a landmine near Qasr Tal.")
    assert bombing.type == "bombing" and _killed(bombing) == {("government", 1)}
    (found,) = _events(
        "On 24 February 2017, a member of the Syrian Army was found decapitated near Qasr Tal."
    )
    assert _killed(found) == {("government", 1)}
    (convoy,) = _events("On 6 May 2017, IS ambushed a convoy of 12 soldiers near Qasr Tal.")
    assert _killed(convoy) == set()


def test_each_count_takes_the_verb_right_before_it() -> None:
    (ambush,) = _events(
        "On 3 January 2017, IS militants killed 15 people and wounded 15 others during an ambush "
        "near Qasr Tal."
    )
    assert _killed(ambush) == {("unknown", 15)}
    assert {(w.side, w.killed) for w in ambush.wounded} == {("unknown", 15)}


def test_a_definite_description_names_the_place_told_before() -> None:
    events = _events(
        "In December 2016, ISIL advanced towards the Tiyas Military Airbase (also called T4 "
        "airbase) from Palmyra.\n\n"
        "On 14 January, the Army captured several points around Qasr Tal village.\n\n"
        "On 16 January, ISIL repelled an attempt by the Army to advance around the airbase.\n\n"
        "On 29 January, ISIL attacked the rebels in Eastern Qalamoun. The next day, the FSA "
        "launched a counterattack in the region."
    )
    assert [e.locations for e in events] == [
        ["Tiyas Military Airbase"],
        ["Qasr Tal"],
        ["Tiyas Military Airbase"],
        ["Eastern Qalamoun"],
        ["Eastern Qalamoun"],
    ]


def test_a_range_of_a_governorate_is_named_without_it() -> None:
    (event,) = _events(
        "On 3 September 2016, ISIL attacked rebel positions in the eastern Qalamoun Mountains of "
        "the Rif Dimashq Governorate."
    )
    assert event.locations == ["eastern Qalamoun Mountains"]


def test_strikes_carried_out_by_an_air_arm_are_airstrikes() -> None:
    assert _kinds(
        "On 13 March 2017, Russian jets carried out dozens of strikes on IS hideouts near "
        "Qasr Tal, the Russian defence ministry said."
    ) == [("airstrike", "russia")]


def test_the_city_and_a_claimed_bombing_refer_back() -> None:
    events = _events(
        "On 6 June 2017, the SDF captured the Mashlab district of Raqqa from ISIL. US-led "
        "coalition airstrikes killed at least 21 civilians in the city on 8 June.\n\n"
        "On 12 July 2017, a car bomb exploded at an SDF checkpoint near Tabqa, killing four SDF "
        "members. ISIL claimed responsibility for the bombing."
    )
    assert [(e.type, e.locations) for e in events] == [
        ("capture", ["Mashlab district"]),
        ("airstrike", ["Raqqa"]),
        ("bombing", ["Tabqa"]),
        ("other", ["Tabqa"]),
    ]


def test_a_timeline_line_opens_with_its_date() -> None:
    events = _events(
        "* 5 March 2017: Russian warplanes carried out 30 strikes on IS positions in the Bishri "
        "mountains.\n"
        "* 9–11 March: Clashes between the army and IS near Qasr Tal left 12 soldiers and 20 IS "
        "militants dead, according to SOHR.\n"
    )
    assert [(e.type, e.date_start.day, e.locations) for e in events] == [
        ("airstrike", 5, ["Bishri mountains"]),
        ("clash", 9, ["Qasr Tal"]),
    ]


def test_the_gas_field_refers_back_to_the_field_named() -> None:
    events = _events(
        "On 3 May 2017, ISIL captured the Shaer gas field.\n\n"
        "On 5 May 2017, IS attacked the gas field."
    )
    assert [(e.type, e.locations) for e in events] == [
        ("capture", ["Shaer gas field"]),
        ("attack", ["Shaer gas field"]),
    ]
