from badia.structure.sentences import sentence_spans, split_sentences


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


def test_splits_on_terminal_punctuation_before_capital_or_digit():
    s = "The army advanced. ISIL withdrew! Was it over? 25 soldiers were killed."
    assert texts(s) == [
        "The army advanced.",
        "ISIL withdrew!",
        "Was it over?",
        "25 soldiers were killed.",
    ]


def test_ranks_titles_and_initials_do_not_split():
    s = "Maj. Gen. Suheil al-Hassan led the attack with Lt. Col. A. Hamid. Dr. Smith agreed."
    assert texts(s) == [
        "Maj. Gen. Suheil al-Hassan led the attack with Lt. Col. A. Hamid.",
        "Dr. Smith agreed.",
    ]


def test_acronyms_split_only_before_a_sentence_opener():
    s = (
        "Fighters backed by the U.S. Army held the base. They were hit by the U.S. "
        "The next day, ISIL left."
    )
    assert texts(s) == [
        "Fighters backed by the U.S. Army held the base.",
        "They were hit by the U.S.",
        "The next day, ISIL left.",
    ]


def test_abbreviations_before_numbers_and_decimals():
    s = (
        "Brigade No. 137 held 3.5 km of road, e.g. the junction near St. Simeon. "
        "It fell on Sept. 9 to ISIL."
    )
    assert texts(s) == [
        "Brigade No. 137 held 3.5 km of road, e.g. the junction near St. Simeon.",
        "It fell on Sept. 9 to ISIL.",
    ]


def test_citation_markers_and_quotes_stay_with_their_sentence():
    s = 'The rebels captured the dam.[5][6] "We hold it," he said." Two days later, ISIL hit.[7]'
    assert texts(s) == [
        "The rebels captured the dam.[5][6]",
        '"We hold it," he said."',
        "Two days later, ISIL hit.[7]",
    ]


def test_lowercase_continuation_is_not_a_boundary():
    assert texts("He was killed near km. 40 on the road. the rest fled.") == [
        "He was killed near km. 40 on the road. the rest fled."
    ]


def test_offsets_are_exact_inside_a_region_and_with_a_view():
    text = "xx  First one. Second one.  yy"
    sents = split_sentences(text, 2, 28)
    assert [(s.start, s.end) for s in sents] == [(4, 14), (15, 26)]
    assert all(text[s.start : s.end] == s.text for s in sents)
    # a masked view decides cuts; spans still slice the original text
    text = "Army won.<ref>x. Y</ref> Then ISIL left."
    view = text.replace("<ref>x. Y</ref>", " " * len("<ref>x. Y</ref>"))
    assert len(view) == len(text)
    assert sentence_spans(view) == [(0, 9), (25, 40)]
    assert [s.text for s in split_sentences(text, view=view)] == ["Army won.", "Then ISIL left."]
