"""Counts of people as conflict reports write them, reduced to a lower bound."""

from __future__ import annotations

import pytest

from badia.mentions.numbers import find_counts, word_value


@pytest.mark.parametrize(
    ("sentence", "value", "high", "text"),
    [
        ("Rebels said at least 20 guards died at the checkpoint.", 20, None, "at least 20"),
        ("More than 20 recruits were lost in the raid.", 20, None, "More than 20"),
        ("The blast wounded 20-30 passers-by.", 20, 30, "20-30"),
        ("Between 26 and 30 defenders surrendered.", 26, 30, "Between 26 and 30"),
        ("The monitor counted 21+ dead after the siege.", 21, None, "21+"),
        ("Five engineers were taken prisoner.", 5, None, "Five"),
        ("Twenty-five guards fled the base.", 25, None, "Twenty-five"),
        ("In total 1,611 people died in the province.", 1611, None, "1,611"),
        ("The raid left from 9 to 11 guards dead.", 9, 11, "from 9 to 11"),
        ("Some six to eight Zarqan recruits drowned.", 6, 8, "Some six to eight"),
    ],
)
def test_count_lower_bound(sentence: str, value: int, high: int | None, text: str) -> None:
    counts = find_counts(sentence)
    assert [(c.value, c.high, c.text) for c in counts] == [(value, high, text)]
    c = counts[0]
    assert sentence[c.start : c.end] == c.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Several guards were hurt in the crossfire.",
        "Dozens of recruits deserted overnight.",
        "Hundreds of families left the valley.",
        "A patrol was ambushed on the road.",  # the article "a" is not a count
    ],
)
def test_vague_quantities_give_no_count(sentence: str) -> None:
    assert find_counts(sentence) == []


def test_two_counts_in_one_sentence_keep_their_order() -> None:
    counts = find_counts("Some 14 gunmen and nine villagers died.")
    assert [c.value for c in counts] == [14, 9]


def test_word_value() -> None:
    assert word_value("forty-two") == 42
    assert word_value("12,000") == 12000
    assert word_value("eleven") == 11
    assert word_value("several") is None


@pytest.mark.parametrize(
    "text",
    [
        # a web-archive link in a reference list: time stamp and slug are not prose
        "https://web.archive.org/web/20150204062119/http://news.example.org/963-five-men-killed",
        "Source: www.example-monitor.net/report/4412-dead.html",
        "The hotline +963 11 234 5678 took calls about the killed.",
        "At 14:30 the shelling killed nobody, the 2016-12-29 bulletin said.",
        "The base at 35.4012 N, 38.7521 E was hit and soldiers killed.",
        "The crossing lies at 36°12′ N; the dead were never counted.",
        "In the 1980s the town was shelled and people died.",
        "Fighting in 2014 killed many; in 2015–2016 more died.",
        "The 1.5 million displaced were counted, not the dead.",
    ],
)
def test_numbers_outside_prose_are_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_a_year_like_number_followed_by_people_is_a_count() -> None:
    counts = find_counts("The siege killed 1900 soldiers in the old quarter.")
    assert [c.value for c in counts] == [1900]


def test_a_change_from_one_number_to_another_is_no_range() -> None:
    # "from N to M" is a range of people only when people follow it
    counts = find_counts("The toll at Qasr Nabil rose from 9 to 11 on Monday.")
    assert [(c.value, c.high) for c in counts] == [(9, None), (11, None)]
