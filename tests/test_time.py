"""Tests of the temporal stage: finding, normalising and chaining time expressions.

Sentences below are written for these tests; the seed check reads the shared gold.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest

from badia.model import TimeValue
from badia.time import (
    Narrative,
    TimeExpr,
    find_times,
    first_date_in,
    heading_time,
    year_from_title,
)
from badia.time.values import normalise

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
D = date.fromisoformat


def tv(a: str, b: str | None = None, p: str = "day") -> TimeValue:
    return TimeValue(start=D(a), end=D(b or a), precision=p)  # type: ignore[arg-type]


def only(text: str, offset: int = 0) -> TimeExpr:
    found = find_times(text, offset)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------- calendar patterns

ABSOLUTE = [
    # sentence, expected span text, kind, value (narrative year 2015)
    ("On 4 July 2014, militants stormed the checkpoint.", "4 July 2014", "date",
     tv("2014-07-04")),
    ("The town fell on October 3, 2013 after a siege.", "October 3, 2013", "date",
     tv("2013-10-03")),
    ("A report dated 2012-11-05 lists the losses.", "2012-11-05", "date", tv("2012-11-05")),
    ("They returned on the 7th of June 2011.", "7th of June 2011", "date", tv("2011-06-07")),
    ("On 9 February, the convoy was hit.", "9 February", "date", tv("2015-02-09")),
    ("Shelling resumed on August 30, hitting the market.", "August 30", "date",
     tv("2015-08-30")),
    ("In September 2013, the brigade was formed.", "September 2013", "month",
     tv("2013-09-01", "2013-09-30", "month")),
    ("In October, the front stabilised.", "October", "month",
     tv("2015-10-01", "2015-10-31", "month")),
    ("Raids were frequent in 2012 across the valley.", "2012", "year",
     tv("2012-01-01", "2012-12-31", "year")),
    ("Fighting flared between 3 and 6 June near the dam.", "between 3 and 6 June", "range",
     tv("2015-06-03", "2015-06-06", "range")),
    ("Militias attacked on 12 and 13 July.", "12 and 13 July", "range",
     tv("2015-07-12", "2015-07-13", "range")),
    ("In the night of 4–5 May, the garrison withdrew.", "the night of 4–5 May", "range",
     tv("2015-05-04", "2015-05-05", "range")),
    ("The siege lasted from 2 to 9 November.", "from 2 to 9 November", "range",
     tv("2015-11-02", "2015-11-09", "range")),
    ("Talks failed between 30 June and 2 July.", "between 30 June and 2 July", "range",
     tv("2015-06-30", "2015-07-02", "range")),
    ("Third push (10 May—1 June 2014)", "10 May—1 June 2014", "range",
     tv("2014-05-10", "2014-06-01", "range")),
    ("Second push (3 May7 June 2014)", "3 May7 June 2014", "range",
     tv("2014-05-03", "2014-06-07", "range")),
    ("Phase two (November 2013February 2014)", "November 2013February 2014", "range",
     tv("2013-11-01", "2014-02-28", "range")),
    ("On 21–22 April, rockets fell on the base.", "21–22 April", "range",
     tv("2015-04-21", "2015-04-22", "range")),
    ("Losses between early May 2012 and late June 2013 were high.",
     "between early May 2012 and late June 2013", "range",
     tv("2012-05-01", "2013-06-30", "range")),
    ("Between February and August 2013, 90 were killed.", "Between February and August 2013",
     "range", tv("2013-02-01", "2013-08-31", "range")),
    ("The toll in 2011–2013 was disputed.", "2011–2013", "range",
     tv("2011-01-01", "2013-12-31", "range")),
    ("In early June the road reopened.", "early June", "part",
     tv("2015-06-01", "2015-06-10", "range")),
    ("By mid-October the town was empty.", "By mid-October", "by",
     tv("2015-10-11", "2015-10-20", "range")),
    ("Mid-March saw a lull.", "Mid-March", "part", tv("2015-03-11", "2015-03-20", "range")),
    ("Clashes peaked in late September 2014.", "late September 2014", "part",
     tv("2014-09-21", "2014-09-30", "range")),
    ("At the end of April, the army withdrew.", "the end of April", "part",
     tv("2015-04-21", "2015-04-30", "range")),
    ("At the start of May, aid arrived.", "the start of May", "part",
     tv("2015-05-01", "2015-05-10", "range")),
    ("By the end of 2014, the group had collapsed.", "By the end of 2014", "by",
     tv("2014-12-01", "2014-12-31", "range")),
    ("By 2013, the group had grown.", "By 2013", "by", tv("2013-01-01", "2013-12-31", "year")),
    ("By 14 June, the rebels held the hill.", "By 14 June", "by", tv("2015-06-14")),
    ("By mid-2013, the front had moved.", "By mid-2013", "by",
     tv("2013-05-01", "2013-08-31", "range")),
]


@pytest.mark.parametrize(("sentence", "span", "kind", "value"), ABSOLUTE)
def test_absolute_patterns(sentence: str, span: str, kind: str, value: TimeValue) -> None:
    ex = only(sentence, offset=100)
    assert ex.text == span
    assert ex.kind == kind
    assert ex.start == 100 + sentence.index(span) and ex.end == ex.start + len(span)
    assert Narrative(default_year=2015).resolve(ex) == value


def test_two_separate_days_are_two_expressions() -> None:
    found = find_times("Ambushes took place on 3 and 17 May on the road.")
    assert [f.text for f in found] == ["3", "17 May"]
    n = Narrative(default_year=2012)
    assert [n.resolve(f) for f in found] == [tv("2012-05-03"), tv("2012-05-17")]


@pytest.mark.parametrize(
    "sentence",
    [
        "They cleared 2,300 square kilometres with 12 suicide bombers.",
        "The T-4 base and the 4th Division held; 1,000–2,000 men were there.",
        "The 3rd week of fighting began, and 2000 soldiers were sent.",
        "Fighters may retreat if they march on the road.",
        "Nothing happened here.",
    ],
)
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert find_times(sentence) == []


def test_year_in_parentheses_and_before_a_singular_noun() -> None:
    assert [f.text for f in find_times("Estimates (2016) differ from the 2017 offensive.")] == [
        "2016",
        "2017",
    ]


# --------------------------------------------------------------------- relative patterns

REFERENCE = tv("2015-06-10")
RELATIVE = [
    ("Four days later, the town fell.", "Four days later", tv("2015-06-14")),
    ("Two days later, rebels advanced.", "Two days later", tv("2015-06-12")),
    ("The next day, they withdrew.", "The next day", tv("2015-06-11")),
    ("On the following day, reinforcements came.", "the following day", tv("2015-06-11")),
    ("The same day, a drone was downed.", "The same day", tv("2015-06-10")),
    ("Later that day, the army entered.", "Later that day", tv("2015-06-10")),
    ("A week later, the road was cut.", "A week later", tv("2015-06-17")),
    ("One week after the raid, the town fell.", "One week after", tv("2015-06-17")),
    ("Three days before, a car bomb exploded.", "Three days before", tv("2015-06-07")),
    ("The previous day, shelling was heavy.", "The previous day", tv("2015-06-09")),
    ("Meanwhile, the coalition struck oil wells.", "Meanwhile", tv("2015-06-10")),
    ("At the same time, rebels advanced.", "At the same time", tv("2015-06-10")),
    ("Concurrently, the army shelled the hills.", "Concurrently", tv("2015-06-10")),
    ("After midnight, jets struck the base.", "After midnight",
     tv("2015-06-10", "2015-06-11", "range")),
    ("A few days before the assault, scouts crossed.", "A few days before",
     tv("2015-06-05", "2015-06-09", "range")),
    ("In the following days, attempts to retake it failed.", "In the following days",
     tv("2015-06-11", "2015-06-30", "range")),
    ("Shortly after, the town was stormed.", "Shortly after",
     tv("2015-06-10", "2015-06-11", "range")),
]


@pytest.mark.parametrize(("sentence", "span", "value"), RELATIVE)
def test_relative_patterns(sentence: str, span: str, value: TimeValue) -> None:
    ex = only(sentence)
    assert ex.text == span
    assert ex.relative
    n = Narrative(default_year=2015)
    assert n.resolve(ex) is None  # nothing to count from yet
    n.advance(REFERENCE)
    assert n.resolve(ex) == value
    assert n.reference == REFERENCE  # resolving does not move the reference


def test_relative_to_a_range_moves_both_ends() -> None:
    n = Narrative(default_year=2015)
    n.advance(tv("2015-10-01", "2015-10-02", "range"))
    assert first_date_in("Two days later, they attacked again.", n) == tv(
        "2015-10-03", "2015-10-04", "range"
    )


def test_relative_to_a_month_cannot_be_pinned() -> None:
    n = Narrative(default_year=2015)
    n.advance(tv("2015-03-01", "2015-03-31", "month"))
    assert first_date_in("The next day, the town fell.", n) is None
    assert first_date_in("Meanwhile, jets struck.", n) == tv("2015-03-01", "2015-03-31", "month")


MORE_RELATIVE = [
    ("The following month, the army returned.", "The following month",
     tv("2015-07-01", "2015-07-31", "month")),
    ("By the end of the month, it was over.", "the end of the month",
     tv("2015-06-21", "2015-06-30", "range")),
    ("Later that month, talks began.", "Later that month", tv("2015-06-11", "2015-06-30", "range")),
    ("The town fell following a 9-day siege.", "following a 9-day",
     tv("2015-06-01", "2015-06-10", "range")),
]


@pytest.mark.parametrize(("sentence", "span", "value"), MORE_RELATIVE)
def test_month_relative_and_duration_patterns(sentence: str, span: str, value: TimeValue) -> None:
    ex = only(sentence)
    assert ex.text == span
    n = Narrative(default_year=2015)
    n.advance(REFERENCE)
    assert n.resolve(ex) == value


def test_month_first_day_range() -> None:
    ex = only("Clashes on May 8–11, 2013 left dozens dead.")
    assert ex.text == "May 8–11, 2013" and ex.kind == "range"
    assert Narrative().resolve(ex) == tv("2013-05-08", "2013-05-11", "range")


def test_clause_date_prefers_one_written_day() -> None:
    n = Narrative(default_year=2015)
    n.advance(tv("2015-03-30"))
    # a relative day beats a vaguer written part of a month
    assert first_date_in("Two days later, at the start of April, they attacked.", n) == tv(
        "2015-04-01"
    )
    # a written day beats an anchor to the reference
    assert first_date_in("Meanwhile, a patrol was ambushed on 29 March.", n) == tv("2015-03-29")
    # a written day beats a weekday of a news article
    news = Narrative(published=D("2016-03-09"))
    assert first_date_in("On Friday, 4 March, jets struck.", news) == tv("2016-03-04")


def test_vague_relative_span_does_not_become_the_reference() -> None:
    n = Narrative(default_year=2015)
    n.advance(tv("2015-06-10"))
    v = first_date_in("In the following days, attempts to retake it failed.", n)
    assert v == tv("2015-06-11", "2015-06-30", "range")
    n.advance(v)
    assert n.reference == tv("2015-06-10")
    assert first_date_in("One week after the raid, the town fell.", n) == tv("2015-06-17")


def test_heading_spanning_two_years_gives_the_year_of_a_yearless_date() -> None:
    n = Narrative(default_year=2013)
    n.enter_heading("===Winter push (December 2013 – January 2014)===", 3)
    assert first_date_in("On 30 December, the push began.", n) == tv("2013-12-30")
    assert first_date_in("On 4 January, it ended.", n) == tv("2014-01-04")
    n.enter_heading("===Lull===", 3)
    assert n.span is None


def test_normalise_takes_explicit_context() -> None:
    ex = only("On 3 March, the convoy left.")
    assert normalise(ex, year=2011) == tv("2011-03-03")
    assert normalise(ex) is None
    rel = find_times("Two days later, they left.")[0]
    assert normalise(rel, reference=tv("2011-03-03")) == tv("2011-03-05")


def test_mention_record_keeps_span_and_value() -> None:
    n = Narrative(default_year=2015)
    n.advance(REFERENCE)
    ms = [n.mention(e) for e in find_times("Two days later, on 14 June, they left.", 50)]
    assert [(m.text, m.start, m.relative) for m in ms] == [
        ("Two days later", 50, True),
        ("14 June", 69, False),
    ]
    assert ms[0].value == tv("2015-06-12") and ms[1].value == tv("2015-06-14")


# --------------------------------------------------------------------- news articles

NEWS = [
    ("Rebels said they were attacked on Tuesday.", "on Tuesday", tv("2016-03-08")),
    ("Rebels said they were attacked on Wednesday night.", "on Wednesday night",
     tv("2016-03-09")),
    ("The assault started this dawn, a spokesman said.", "this dawn", tv("2016-03-09")),
    ("Two soldiers died yesterday.", "yesterday", tv("2016-03-08")),
    ("Jets struck the town last night.", "last night", tv("2016-03-08")),
]


@pytest.mark.parametrize(("sentence", "span", "value"), NEWS)
def test_news_deictics(sentence: str, span: str, value: TimeValue) -> None:
    ex = only(sentence)
    assert ex.text == span
    # published on Wednesday 9 March 2016
    assert Narrative(published=D("2016-03-09")).resolve(ex) == value
    assert Narrative().resolve(ex) is None


# --------------------------------------------------------------------- narrative walk


def test_narrative_walk_over_an_invented_document() -> None:
    n = Narrative(default_year=year_from_title("Northern valley campaign (2013–2015)"))
    assert n.year == 2013
    n.enter_heading("===2014===", 3)
    assert n.year == 2014
    n.enter_heading("====April–June====", 4)
    assert n.window == (4, 6)
    v = first_date_in("On 5 May, the militia attacked the ridge.", n)
    assert v == tv("2014-05-05")
    assert v is not None
    n.advance(v)
    v = first_date_in("Three days later, it captured the ridge.", n)
    assert v == tv("2014-05-08")
    assert v is not None
    n.advance(v)
    # a flashback inside the paragraph does not move the reference
    n.advance(tv("2014-05-01"))
    assert first_date_in("The next day, a counter-attack failed.", n) == tv("2014-05-09")
    n.enter_heading("===2015: the siege===", 3)
    assert n.year == 2015 and n.reference is None
    assert first_date_in("The next day, they left.", n) is None
    assert first_date_in("On 2 March, the siege began.", n) == tv("2015-03-02")
    n.enter_heading("Third push (20 May4 June 2016)", 3)
    assert n.year == 2016
    n.enter_heading("==Aftermath==", 2)
    assert n.reference is None and n.year == 2016


def test_heading_and_title_years() -> None:
    assert heading_time("===2012===") == tv("2012-01-01", "2012-12-31", "year")
    assert heading_time("===Push (15 August3 September 2013)===") == tv(
        "2013-08-15", "2013-09-03", "range"
    )
    assert heading_time("====July–September====") is None
    assert year_from_title("Hill_offensive_(March–May_2011)") == 2011
    assert year_from_title("Coastal offensive (December 2012 – April 2013)") == 2012
    assert year_from_title("Battle of the ridge") is None


# --------------------------------------------------------------------- seed-level check

_HEADING = re.compile(r"^(=+)\s*(.*?)\s*=+\s*$", re.M)


def _published(text: str) -> date | None:
    """A news article's date line among its first lines (test harness only)."""
    for line in text.splitlines()[:12]:
        line = line.strip()
        found = find_times(line)
        if found and found[0].kind == "date" and found[0].year and found[0].start == 0:
            return date(found[0].year, found[0].month or 1, found[0].day or 1)
    return None


def seed_reproduction() -> tuple[int, int, list[str]]:
    """Walk each seed with the gold dates; count gold dates reproduced from the quotes."""
    gold_dir = SHARED / "eval" / "gold"
    hits = total = 0
    misses: list[str] = []
    for gold in sorted(gold_dir.glob("*.events.jsonl")):
        stem = gold.name.removesuffix(".events.jsonl")
        text = (SHARED / "corpus" / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
        first = text.splitlines()[0]
        title_year = year_from_title(first.strip("= ")) if first.startswith("=") else None
        if title_year is None:
            title_year = year_from_title(first)
        n = Narrative(published=_published(text), default_year=title_year)
        headings = [(m.start(), len(m.group(1)), m.group(2)) for m in _HEADING.finditer(text)]
        headings = [h for h in headings if h[1] >= 2]
        hi = 0
        pos = 0
        prev_start, before = -1, copy.deepcopy(n)
        for line in gold.read_text(encoding="utf-8").splitlines():
            ev = json.loads(line)
            start = text.find(ev["quote"], max(0, pos - 400))
            if start < 0:
                start = text.find(ev["quote"])
            pos = max(pos, start)
            while hi < len(headings) and headings[hi][0] < start:
                n.enter_heading(headings[hi][2], headings[hi][1])
                hi += 1
            want = tv(ev["date_start"], ev["date_end"], ev["date_precision"])
            if start != prev_start:  # two events of one clause share its narrative state
                before, prev_start = copy.deepcopy(n), start
                state = n
            else:
                state = before
            got = first_date_in(ev["quote"], state, start)
            if got is None:
                got = state.reference  # an undated clause inherits the narrative date
            total += 1
            if got is not None and (got.start, got.end) == (want.start, want.end):
                hits += 1
            else:
                misses.append(
                    f"{stem[:3]} want {want.start}..{want.end} got "
                    f"{got and (str(got.start), str(got.end))} | {ev['quote'][:90]}"
                )
            n.advance(want)
    return hits, total, misses


def test_seed_gold_dates_are_reproduced() -> None:
    if not (SHARED / "eval" / "gold").is_dir():
        pytest.skip(f"shared gold not found at {SHARED}")
    hits, total, misses = seed_reproduction()
    print(f"\nseed gold dates reproduced: {hits}/{total} = {hits / total:.3f}")
    for m in misses:
        print("  MISS", m)
    assert hits / total >= 0.85
