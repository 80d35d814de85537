"""Word lists of English time expressions (facts of the language, not of any corpus).

Kept apart from the grammar so that extending the genre's vocabulary does not touch
the parser. Every entry is standard English usage (calendar names, number words,
the fixed phrases news and encyclopaedic narratives use to chain events).
"""

from __future__ import annotations

# Gregorian month names and their usual abbreviations (English calendar).
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations are only trusted next to a day number ("Sept 16", "3 Jan").
MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Month names that are also common English words: only a month after a cue.
AMBIGUOUS_MONTHS = {"may", "march"}

# English weekday names (Monday = 0, as datetime.date.weekday()).
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}

# Cardinal number words as used in "three days later"; "a"/"an"/"one" mean 1.
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
}

# Parts of a month (GUIDELINES section 1: early = 1-10, mid = 11-20, late/end = 21-last).
# Parts of a year are documented in values.py.
PART_WORDS = {"early": "early", "mid": "mid", "late": "late"}
# "the start of X", "the end of X", ...: the noun after "the" -> part.
PART_NOUNS = {
    "start": "start", "beginning": "start", "outset": "start",
    "middle": "mid",
    "end": "end",
}

# Prepositions that belong to the expression (they change its meaning).
SPAN_PREFIXES = {"between", "from", "since", "until", "till", "by"}
