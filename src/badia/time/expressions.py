"""Find time expressions in a sentence and parse them, without resolving them.

Two recognisers run over the text: a small token parser for calendar expressions
(dates, months, years, parts of months, ranges; it handles the dump format's lost
dashes such as "15 March2 April") and one compiled pattern for fixed phrases
(relative offsets, anchors, weekdays, deictics). Candidates are merged longest
first, left to right, without overlaps. Resolution against the narrative is in
``values.py``; this module only says *what* was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from badia.time.lexicon import (
    AMBIGUOUS_MONTHS,
    MONTH_ABBR,
    MONTHS,
    NUMBER_WORDS,
    PART_NOUNS,
    PART_WORDS,
    SPAN_PREFIXES,
    WEEKDAYS,
)

Kind = Literal[
    "date", "range", "month", "year", "part", "relative", "anchor", "weekday", "deictic", "by"
]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression as written: its span and its parsed, unresolved pieces.

    Calendar pieces describe one point (``day``/``month``/``year``/``part``) or, for
    ranges, a start point and an end point (the ``*2`` fields). Relative pieces are
    day offsets ``offset_days``..``offset_days2`` from the narrative reference.
    """

    text: str
    start: int
    end: int
    kind: Kind
    day: int | None = None
    month: int | None = None
    year: int | None = None
    part: str | None = None  # start | early | mid | late | end (of the month or year)
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    part2: str | None = None
    offset_days: int | None = None  # relative / anchor / deictic: first day offset
    offset_days2: int | None = None  # last day offset (== offset_days for one day)
    offset_months: int | None = None  # "a month later"
    to_month_end: bool = False  # "in the following days": up to the end of that month
    weekday: int | None = None  # Monday = 0
    inner: str | None = None  # kind of the period after "By"
    prep: str | None = None  # between | from | since | until | by | None
    same_day: bool = False  # anchors that need a day reference ("the same day")
    before_only: bool = False  # "last Tuesday": strictly before the publication day
    night: bool = False  # "overnight": the night after the reference, else before publication
    to_date: str | None = None  # "this week"/"earlier this month": "week"|"month" start to day
    hours: bool = False  # "several hours later": the same day, or into the next after an evening
    evening: bool = False  # a day told at its end ("late on 12 May", "on the evening of 3 May")

    @property
    def relative(self) -> bool:
        """Counted from the narrative reference (or, for news, the publication date)."""
        return self.kind in ("relative", "anchor") or (
            self.kind == "by" and self.inner in ("relative", "anchor")
        )


# --------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"(\d+)(?:st|nd|rd|th)?|([A-Za-z]+)|([-–—])|(\S)")
_NUM, _WORD, _DASH, _OTHER = 0, 1, 2, 3


@dataclass(slots=True)
class _Tok:
    kind: int
    text: str  # digits for numbers, lower-cased word for words
    raw: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        if m.group(1) is not None:
            out.append(_Tok(_NUM, m.group(1), m.group(0), m.start(), m.end()))
        elif m.group(2) is not None:
            w = m.group(2)
            out.append(_Tok(_WORD, w.lower(), w, m.start(), m.end()))
        elif m.group(3) is not None:
            out.append(_Tok(_DASH, "-", m.group(3), m.start(), m.end()))
        else:
            out.append(_Tok(_OTHER, m.group(4), m.group(4), m.start(), m.end()))
    return out


def _in_bigger_number(text: str, tok: _Tok) -> bool:
    """True for the pieces of "1,500" or "2.5": digits are not a day or year then."""
    s, e = tok.start, tok.end
    before = s >= 2 and text[s - 1] in ",." and text[s - 2].isdigit()
    after = e + 1 < len(text) and text[e] in ",." and text[e + 1].isdigit()
    return before or after


# --------------------------------------------------------------------- calendar points


@dataclass(slots=True)
class _Point:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    part: str | None = None
    start_tok: int = 0
    end_tok: int = 0  # exclusive

    @property
    def day_only(self) -> bool:
        return self.day is not None and self.month is None and self.year is None


def _month_of(tok: _Tok, with_day: bool) -> int | None:
    if tok.kind != _WORD or not tok.raw[0].isupper():
        return None
    m = MONTHS.get(tok.text)
    if m is None and with_day:
        m = MONTH_ABBR.get(tok.text)
    return m


def _day_of(text: str, tok: _Tok) -> int | None:
    if tok.kind != _NUM or len(tok.text) > 2 or _in_bigger_number(text, tok):
        return None
    v = int(tok.text)
    return v if 1 <= v <= 31 else None


def _year_of(text: str, toks: list[_Tok], i: int) -> int | None:
    tok = toks[i]
    if tok.kind != _NUM or len(tok.text) != 4 or tok.raw != tok.text:
        return None
    if _in_bigger_number(text, tok):
        return None
    v = int(tok.text)
    return v if 1900 <= v <= 2099 else None


def _parse_part(toks: list[_Tok], i: int) -> tuple[str | None, int]:
    """A leading "early"/"mid-"/"late"/"the end of" ...; returns (part, next index)."""
    n = len(toks)
    if i >= n or toks[i].kind != _WORD:
        return None, i
    w = toks[i].text
    if w in PART_WORDS:
        j = i + 1
        if j < n and toks[j].kind == _DASH:
            j += 1
        return PART_WORDS[w], j
    j = i + 1 if w == "the" else i
    if (
        j + 1 < n
        and toks[j].kind == _WORD
        and toks[j].text in PART_NOUNS
        and toks[j + 1].text == "of"
    ):
        return PART_NOUNS[toks[j].text], j + 2
    return None, i


def _parse_point(text: str, toks: list[_Tok], i: int, allow_day_only: bool) -> _Point | None:
    """One calendar point at token ``i``: [part] day month [year] | month [day][, year] | ..."""
    n = len(toks)
    part, j = _parse_part(toks, i)
    if j >= n:
        return None
    p = _Point(part=part, start_tok=i)
    tok = toks[j]
    day = _day_of(text, tok)
    if day is not None:
        k = j + 1
        if k < n and toks[k].text == "of":
            k += 1
        month = _month_of(toks[k], True) if k < n else None
        if month is None:
            if part is not None or not allow_day_only:
                return None
            p.day, p.end_tok = day, j + 1
            return p
        p.day, p.month = day, month
        k += 1
        k = _maybe_year(text, toks, k, p)
        p.end_tok = k
        return p
    month = _month_of(tok, False)
    k = j + 1
    if month is None and j + 1 < n:
        # an abbreviated month needs a following day ("Sept 16", "Sept. 16")
        abbr = _month_of(tok, True)
        if abbr is not None and toks[k].text == "." and k + 1 < n:
            k += 1
        if abbr is not None and _day_of(text, toks[k]) is not None:
            month = abbr
    if month is not None:
        p.month = month
        if k < n and _day_of(text, toks[k]) is not None and not _glued(toks, k - 1, k):
            nxt = toks[k + 1] if k + 1 < n else None
            # "September 16" but not "March 24 soldiers" style counts before a noun
            if nxt is None or nxt.kind != _WORD or nxt.text in _AFTER_A_DAY:
                p.day = _day_of(text, toks[k])
                k += 1
        k = _maybe_year(text, toks, k, p)
        if (
            p.day is None
            and p.year is None
            and part is None
            and tok.text in AMBIGUOUS_MONTHS
            and not _after_cue(toks, j)
        ):
            return None
        p.end_tok = k
        return p
    year = _year_of(text, toks, j)
    if year is not None:
        p.year = year
        p.end_tok = j + 1
        return p
    return None


# Words that follow "March 19" as a date and never a count's noun ("March 24 soldiers"):
# "killed on March 19 according to SOHR", "on March 19 in the village"
_AFTER_A_DAY = frozenset({
    "and", "to", "until", "according", "in", "at", "when", "after", "before", "as", "while",
    "by", "with", "during", "following", "amid", "near", "from", "that", "which", "the", "but",
    "or", "on", "into", "through", "against",
})


def _glued(toks: list[_Tok], a: int, b: int) -> bool:
    return toks[a].end == toks[b].start


def _after_cue(toks: list[_Tok], j: int) -> bool:
    return j > 0 and toks[j - 1].text in {
        "in", "of", "since", "until", "by", "from", "between", "and", "to", "during",
        "early", "mid", "late", "-",
    }


def _maybe_year(text: str, toks: list[_Tok], k: int, p: _Point) -> int:
    n = len(toks)
    kk = k + 1 if k < n and toks[k].text == "," else k
    if kk < n:
        y = _year_of(text, toks, kk)
        if y is not None:
            p.year = y
            return kk + 1
    return k


_RANGE_WORDS = {"to", "until", "till", "through", "and", "-"}


def _parse_calendar(text: str, toks: list[_Tok], i: int) -> tuple[list[TimeExpr], int] | None:
    """Parse a calendar expression starting at token ``i`` (with its preposition)."""
    n = len(toks)
    prep = None
    j = i
    if toks[i].kind == _WORD and toks[i].text in SPAN_PREFIXES:
        prep = toks[i].text
        j = i + 1
        if prep == "between" and j < n and toks[j].text == "the" and j + 1 < n:
            # "between the 8 and 11 May" is rare; "between the end of ..." is a part
            pass
    elif toks[i].text in ("night", "the") and _night_of(toks, i) is not None:
        j = _night_of(toks, i)
    if j >= n:
        return None
    p1 = _parse_point(text, toks, j, allow_day_only=True)
    if p1 is None:
        return None
    k = p1.end_tok
    # a second point: a range or a list
    sep = None
    if prep in ("between", "from") and k + 1 < n and toks[k].text == ",":
        k += 1  # "between December 2017, and mid-April 2020"
    if k < n:
        if toks[k].kind == _DASH or toks[k].text in _RANGE_WORDS:
            sep = toks[k].text
        elif _glued(toks, k - 1, k) and p1.month is not None and toks[k].kind in (_NUM, _WORD):
            sep = "glue"
    if sep is not None:
        k2 = k if sep == "glue" else k + 1
        p2 = _parse_point(text, toks, k2, allow_day_only=False) if k2 < n else None
        if p2 is None and p1.month is not None and p1.day is not None and sep != "glue":
            p2 = _us_second_day(text, toks, k2, p1)  # "May 8–11, 2017"
        if p2 is not None and _compatible(p1, p2, sep, prep):
            if (
                sep == "and"
                and prep != "between"
                and p1.day_only
                and p2.day is not None
                and p2.day != (p1.day or 0) + 1
            ):
                # "on 11 and 18 April": two separate days
                first = _expr(text, toks, j, p1.end_tok, "date", p1, month=p2.month,
                              year=p2.year)
                return [first], p1.end_tok
            e = _range_expr(text, toks, i, p2.end_tok, p1, p2, prep)
            return [e], p2.end_tok
    if p1.day_only:
        return None
    kind: Kind
    if p1.part is not None and p1.day is None:
        kind = "part"
    elif p1.day is not None:
        kind = "date"
    elif p1.month is not None:
        kind = "month"
    else:
        kind = "year"
        if prep is None and not _year_context(text, toks, j):
            return None
    start_tok = i if prep is not None else j
    if prep == "by":
        return [_expr(text, toks, start_tok, p1.end_tok, "by", p1, inner=kind, prep=prep)], (
            p1.end_tok
        )
    return [_expr(text, toks, start_tok, p1.end_tok, kind, p1, prep=prep)], p1.end_tok


def _us_second_day(text: str, toks: list[_Tok], k: int, p1: _Point) -> _Point | None:
    """The bare end day of a month-first range ("May 8–11"), in p1's month."""
    if k >= len(toks) or p1.year is not None:
        return None
    day = _day_of(text, toks[k])
    if day is None or day <= (p1.day or 0):
        return None
    p2 = _Point(day=day, month=p1.month, start_tok=k)
    p2.end_tok = _maybe_year(text, toks, k + 1, p2)
    return p2


def _night_of(toks: list[_Tok], i: int) -> int | None:
    """Index after "(the) night of", which introduces a date or a night range."""
    j = i + 1 if toks[i].text == "the" else i
    if j + 1 < len(toks) and toks[j].text == "night" and toks[j + 1].text == "of":
        return j + 2
    return None


def _year_context(text: str, toks: list[_Tok], j: int) -> bool:
    """A bare year is a year unless it counts something ("2000 fighters")."""
    if j > 0 and toks[j - 1].text in ("in", "of", "during", "since", "until", "early", "mid",
                                       "late", "(", "throughout"):
        return True
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or nxt.kind != _WORD:
        return True
    w = nxt.raw
    return not (w.islower() and w.endswith("s") and not w.endswith("ss"))


def _compatible(p1: _Point, p2: _Point, sep: str, prep: str | None) -> bool:
    if sep == "and" and prep != "between" and not p1.day_only:
        return False
    if p1.day_only:
        if p2.day is None or p2.month is None:
            return False
        return p1.day < p2.day or sep != "and"
    if p1.day is not None and p2.day is None:
        return False  # "8 May - 2019"
    if p1.month is None and p1.year is not None:
        return p2.year is not None  # "2019-2021", "2016 and March 2017"
    if p1.month is not None and p1.day is None:
        return p2.month is not None or (p2.year is not None and p2.part is None)
    return True


def _expr(text: str, toks: list[_Tok], a: int, b: int, kind: Kind, p: _Point,
          month: int | None = None, year: int | None = None, inner: str | None = None,
          prep: str | None = None) -> TimeExpr:
    s, e = toks[a].start, toks[b - 1].end
    return TimeExpr(
        text=text[s:e], start=s, end=e, kind=kind, day=p.day, month=p.month or month,
        year=p.year or year, part=p.part, inner=inner, prep=prep,
    )


def _range_expr(text: str, toks: list[_Tok], a: int, b: int, p1: _Point, p2: _Point,
                prep: str | None) -> TimeExpr:
    s, e = toks[a].start, toks[b - 1].end
    return TimeExpr(
        text=text[s:e], start=s, end=e, kind="range",
        day=p1.day, month=p1.month, year=p1.year, part=p1.part,
        day2=p2.day, month2=p2.month, year2=p2.year, part2=p2.part, prep=prep,
    )


# --------------------------------------------------------------------- fixed phrases

_NUM_ALT = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_WEEKDAY_ALT = "|".join(w.capitalize() for w in WEEKDAYS)

# (pattern, kind, lo, hi, extra) -- lo/hi: day offsets from the reference.
_PHRASES: list[tuple[str, Kind, int, int, str]] = [
    # counted offsets: handled by the named groups of _COUNTED below
    (r"(?:in\s+|over\s+)?the\s+(?:following|next|ensuing)\s+(?:few\s+)?days"
     r"|in\s+the\s+days\s+that\s+followed", "relative", 1, 1, "month_end"),
    (r"the\s+(?:next|following)\s+(?:day|morning|evening)"
     r"|the\s+day\s+after(?!\s+(?:tomorrow))", "relative", 1, 1, ""),
    # "the following night" after 14 Dec is 14-15 Dec (GUIDELINES 1b: a night spans two days)
    (r"the\s+(?:next|following)\s+night", "relative", 0, 1, ""),
    (r"the\s+(?:previous|preceding)\s+(?:day|night|evening)|the\s+day\s+before(?!\s+yesterday)",
     "relative", -1, -1, ""),
    (r"(?:a\s+few|several)\s+days\s+(?:before|earlier|prior)", "relative", -5, -1, ""),
    (r"(?:a\s+few|several)\s+days\s+(?:later|after(?:wards)?)", "relative", 1, 5, ""),
    (r"the\s+(?:next|following)\s+week", "relative", 1, 7, ""),
    (r"overnight|(?:during|in)\s+the\s+night(?!\s+of\b)", "relative", 0, 1, "night"),
    (r"after\s+midnight|(?:soon|shortly)\s+(?:after(?:wards)?|thereafter)",
     "relative", 0, 1, ""),
    # GUIDELINES 1b: "several hours later" after an evening is that day and the next
    (r"(?:(?:several|a\s+few|some|few|\d{1,2}|two|three|four|five|six)\s+)?hours\s+"
     r"(?:later|afterwards?)", "relative", 0, 0, "hours"),
    (r"later\s+(?:that|the\s+same|in\s+the)\s+day|earlier\s+(?:that|the\s+same|in\s+the)\s+day"
     r"|(?:on\s+)?(?:the|that)\s+same\s+day|(?:on\s+)?that\s+day|during\s+the\s+day"
     r"|(?:that|the\s+same)\s+(?:night|evening|morning)"
     r"|(?:in|during)\s+the\s+(?:morning|afternoon|evening)(?!\s+of\b)", "anchor", 0, 0,
     "same_day"),
    (r"meanwhile|in\s+the\s+meantime|at\s+the\s+same\s+time|around\s+the\s+same\s+time"
     r"|concurrently|simultaneously|by\s+this\s+(?:point|time)|by\s+then|by\s+that\s+time"
     r"|at\s+the\s+(?:start|beginning|outset)\s+of\s+the\s+"
     r"(?:operation|offensive|battle|attack|assault|campaign)", "anchor", 0, 0, ""),
    (r"the\s+(?:following|next)\s+month", "relative", 1, 1, "month"),
    (r"the\s+(?:previous|preceding)\s+month", "relative", -1, -1, "month"),
    (r"(?:that|the\s+same)\s+month", "relative", 0, 0, "month"),
    (r"the\s+end\s+of\s+(?:the|that)\s+month", "relative", 0, 0, "month_part_end"),
    (r"later\s+(?:that|in\s+the|the\s+same)\s+month", "relative", 1, 1, "month_end"),
    (r"(?:the\s+day\s+before\s+yesterday)", "deictic", -2, -2, ""),
    (r"yesterday|last\s+night", "deictic", -1, -1, ""),
    (r"today|tonight|this\s+(?:dawn|morning|afternoon|evening)|earlier\s+today",
     "deictic", 0, 0, ""),
    (r"last\s+week", "deictic", -7, -1, ""),
    (r"(?:earlier\s+)?this\s+week|earlier\s+in\s+the\s+week", "deictic", 0, 0,
     "to_date_week"),
    (r"last\s+weekend", "deictic", 0, 0, "last_weekend"),
    (r"(?:earlier\s+)?this\s+month", "deictic", 0, 0, "to_date_month"),
    (r"last\s+month", "deictic", -1, -1, "month"),
]

_COUNTED = (
    rf"(?P<n>\d{{1,3}}|{_NUM_ALT})[\s-]+(?P<unit>days?|weeks?|months?)\s+"
    r"(?P<dir>later|after(?:wards)?|before|earlier|prior|on)\b"
)
# "following a 12-day offensive": a span of N days ending at the reference
_DURATION = (
    rf"(?:following|after)\s+an?\s+(?P<dn>\d{{1,3}}|{_NUM_ALT})[\s-]+(?P<du>day|week)s?"
    r"(?:[\s-]+long)?\b"
)
_WEEKDAY = (
    rf"(?:(?P<wpre>last|this|on)\s+)?(?P<wd>{_WEEKDAY_ALT})"
    r"(?:\s+(?:night|morning|evening|afternoon))?"
)

# A night between two days: "the night of Thursday to Friday" starts on the first day,
# "overnight into Friday" ends on the day named.
_NIGHT_WEEKDAY = (
    rf"(?:on\s+)?(?:the\s+)?night\s+(?:of|between)\s+(?P<nw1>{_WEEKDAY_ALT})\s+"
    rf"(?:to|and|into)\s+(?:{_WEEKDAY_ALT})|overnight\s+into\s+(?P<nw2>{_WEEKDAY_ALT})"
)
# "two days ago", "a week ago": counted back from the publication day.
_AGO = rf"(?P<an>\d{{1,2}}|{_NUM_ALT})\s+(?P<au>days?|weeks?)\s+ago"

_PHRASE_RE = re.compile(
    r"\b(?:(?P<counted>" + _COUNTED + r")|(?P<duration>" + _DURATION + r")|"
    r"(?P<nightwd>" + _NIGHT_WEEKDAY + r")|(?P<ago>" + _AGO + r")|"
    r"(?P<weekday>" + _WEEKDAY + r")|"
    + "|".join(f"(?P<p{i}>{pat})" for i, (pat, *_r) in enumerate(_PHRASES))
    + r")\b",
    re.IGNORECASE,
)
_WEEKDAY_CASE = re.compile(_WEEKDAY_ALT)  # weekday names must be capitalised


def _phrases(text: str, offset: int, pos: int, endpos: int) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    for m in _PHRASE_RE.finditer(text, pos, endpos):
        s, e = m.start(), m.end()
        if m.group("counted"):
            out.append(_counted(m, offset))
            continue
        if m.group("duration"):
            raw = m.group("dn").lower()
            k = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
            days = k * (7 if m.group("du").lower() == "week" else 1)
            out.append(TimeExpr(text=text[s:e], start=s + offset, end=e + offset,
                                kind="relative", offset_days=-days, offset_days2=0))
            continue
        if m.group("nightwd"):
            first = m.group("nw1") or m.group("nw2")
            if not _WEEKDAY_CASE.fullmatch(first):
                continue
            lo, hi = (0, 1) if m.group("nw1") else (-1, 0)
            out.append(TimeExpr(text=text[s:e], start=s + offset, end=e + offset,
                                kind="weekday", weekday=WEEKDAYS[first.lower()],
                                offset_days=lo, offset_days2=hi))
            continue
        if m.group("ago"):
            raw = m.group("an").lower()
            k = (int(raw) if raw.isdigit() else NUMBER_WORDS[raw]) * (
                7 if m.group("au").lower().startswith("week") else 1
            )
            out.append(TimeExpr(text=text[s:e], start=s + offset, end=e + offset,
                                kind="deictic", offset_days=-k, offset_days2=-k))
            continue
        if m.group("weekday"):
            if not _WEEKDAY_CASE.fullmatch(m.group("wd")):
                continue
            wd = WEEKDAYS[m.group("wd").lower()]
            before = (m.group("wpre") or "").lower() == "last"
            out.append(TimeExpr(text=text[s:e], start=s + offset, end=e + offset,
                                kind="weekday", weekday=wd, before_only=before))
            continue
        for i, (_pat, kind, lo, hi, extra) in enumerate(_PHRASES):
            if m.group(f"p{i}"):
                if extra.startswith("month"):
                    if extra == "month_end":
                        out.append(TimeExpr(text=text[s:e], start=s + offset, end=e + offset,
                                            kind=kind, offset_days=lo, offset_days2=hi,
                                            to_month_end=True))
                    else:
                        out.append(TimeExpr(text=text[s:e], start=s + offset, end=e + offset,
                                            kind=kind, offset_months=lo,
                                            part="end" if extra == "month_part_end" else None))
                    break
                out.append(TimeExpr(
                    text=text[s:e], start=s + offset, end=e + offset, kind=kind,
                    offset_days=lo, offset_days2=hi, to_month_end=extra == "month_end",
                    same_day=extra == "same_day", night=extra == "night",
                    hours=extra == "hours",
                    to_date=extra[len("to_date_"):] if extra.startswith("to_date_") else (
                        extra if extra == "last_weekend" else None),
                ))
                break
    return out


def _counted(m: re.Match[str], offset: int) -> TimeExpr:
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = m.group("unit").lower()
    sign = -1 if m.group("dir").lower() in ("before", "earlier", "prior") else 1
    s, e = m.start(), m.end()
    common = {"text": m.group(0), "start": s + offset, "end": e + offset, "kind": "relative"}
    if unit.startswith("month"):
        return TimeExpr(**common, offset_months=sign * n)
    days = n * (7 if unit.startswith("week") else 1)
    return TimeExpr(**common, offset_days=sign * days, offset_days2=sign * days)


# --------------------------------------------------------------------- entry point

# Cheap pre-checks: every fixed phrase contains one of these keys (lower case), and
# every calendar expression contains a month name or a year. The phrase pattern only
# runs on windows around a key, so a sentence without time words costs a few
# substring searches.
_PHRASE_KEYS = (
    "day", "week", "month", "night", "hours", "soon", "shortly", "meanwhile", "meantime",
    "same time", "concurrently", "simultaneously", "by this", "by then", "by that",
    "dawn", "morning", "evening", "afternoon", "outset", "start of the", "beginning of the",
    " ago",
)
_WINDOW_BEFORE, _WINDOW_AFTER = 48, 48
_MONTH_PREFIXES = tuple(m[:3].capitalize() for m in MONTHS)
_YEAR_CUE = re.compile(r"(?:19|20)\d\d")
_ISO = re.compile(r"(?<![\d,.])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def _phrase_windows(text: str) -> list[tuple[int, int]]:
    low = text.lower()
    spans: list[tuple[int, int]] = []
    n = len(text)
    for key in _PHRASE_KEYS:
        i = low.find(key)
        while i >= 0:
            spans.append((max(0, i - _WINDOW_BEFORE), min(n, i + len(key) + _WINDOW_AFTER)))
            i = low.find(key, i + 1)
    if not spans:
        return spans
    spans.sort()
    merged = [spans[0]]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def find_times(text: str, offset: int = 0) -> list[TimeExpr]:
    """Time expressions of ``text`` in reading order, non-overlapping, longest first.

    ``offset`` is the document offset of ``text[0]``; returned spans are document offsets.
    """
    cands: list[TimeExpr] = []
    for a, b in _phrase_windows(text):
        cands.extend(_phrases(text, offset, a, b))
    has_year = _YEAR_CUE.search(text) is not None
    if has_year:
        for m in _ISO.finditer(text):
            y, mo, d = (int(g) for g in m.groups())
            cands.append(TimeExpr(text=m.group(0), start=m.start() + offset,
                                  end=m.end() + offset, kind="date", day=d, month=mo, year=y))
    if has_year or any(p in text for p in _MONTH_PREFIXES):
        toks = _tokens(text)
        i, n = 0, len(toks)
        while i < n:
            res = _parse_calendar(text, toks, i) if _may_start(toks[i]) else None
            if res is None:
                i += 1
                continue
            exprs, i = res
            for ex in exprs:
                ex = _evening(text, _last_named_month(text, _month_phrase(text, ex)))
                cands.append(_shift(ex, offset))
    if not cands:
        return cands
    cands.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[TimeExpr] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return out


# Words before a yearless month that make it a part of it or a span after the reference.
_LATER_IN = re.compile(r"\blater\s+in\s+$", re.I)
_FIRST_DAYS = re.compile(r"\bthe\s+first\s+(?:few\s+)?days\s+of\s+$", re.I)
_LAST_DAYS = re.compile(r"\bthe\s+(?:last|final)\s+(?:few\s+)?days\s+of\s+$", re.I)


def _month_phrase(text: str, ex: TimeExpr) -> TimeExpr:
    """'later in September' after 13 September is 14-30 September; 'the first days of
    October' is early October, 'the last days of' late (GUIDELINES 1b, Dates)."""
    if ex.kind != "month" or ex.day is not None or ex.part is not None:
        return ex
    before = text[max(0, ex.start - 40) : ex.start]
    if _FIRST_DAYS.search(before) or _LAST_DAYS.search(before):
        part = "early" if _FIRST_DAYS.search(before) else "late"
        return TimeExpr(text=ex.text, start=ex.start, end=ex.end, kind="part", month=ex.month,
                        year=ex.year, part=part)
    if _LATER_IN.search(before) and ex.year is None:
        return TimeExpr(text=ex.text, start=ex.start, end=ex.end, kind="relative",
                        month=ex.month, offset_days=1, offset_days2=1, to_month_end=True)
    return ex


# A day told at its end: "late on 12 May", "on the evening of 3 May", "on 3 May in the evening"
_EVENING_BEFORE = re.compile(
    r"\b(?:late\s+(?:in\s+the\s+day\s+)?on|(?:in|on|during)\s+the\s+(?:evening|night)\s+of"
    r"|at\s+night\s+on)\s+$",
    re.I,
)
_EVENING_AFTER = re.compile(
    r",?\s+(?:in\s+the\s+evening|at\s+night|late\s+in\s+the\s+day)\b", re.I
)


# How far before an expression its end-anchored lead words ("during the evening of",
# "last") are looked for: searching from the paragraph's start instead made a paragraph
# of N dates cost N whole-paragraph scans (74 kB of fuzzed dates: 8 CPU-seconds).
_LEAD_WINDOW = 64


def _evening(text: str, ex: TimeExpr) -> TimeExpr:
    """Mark a day told at its end, so "several hours later" can reach into the next day."""
    if ex.kind != "date" or ex.day is None:
        return ex
    told_before = _EVENING_BEFORE.search(text, max(ex.start - _LEAD_WINDOW, 0), ex.start)
    if told_before or _EVENING_AFTER.match(text, ex.end):  # match: anchored at ex.end
        from dataclasses import replace

        return replace(ex, evening=True)
    return ex


_LAST_BEFORE = re.compile(r"\blast\s+$", re.I)


def _last_named_month(text: str, ex: TimeExpr) -> TimeExpr:
    """ "last December": a yearless month strictly before the publication month."""
    if ex.kind != "month" or ex.year is not None or not _LAST_BEFORE.search(
        text, max(ex.start - _LEAD_WINDOW, 0), ex.start
    ):
        return ex
    from dataclasses import replace

    return replace(ex, before_only=True)


def _may_start(tok: _Tok) -> bool:
    if tok.kind == _NUM:
        return True
    if tok.kind != _WORD:
        return False
    t = tok.text
    return (
        t in SPAN_PREFIXES or t in PART_WORDS or t in PART_NOUNS or t == "the" or t == "night"
        or (tok.raw[0].isupper() and (t in MONTHS or t in MONTH_ABBR))
    )


def _shift(ex: TimeExpr, offset: int) -> TimeExpr:
    if offset == 0:
        return ex
    from dataclasses import replace

    return replace(ex, start=ex.start + offset, end=ex.end + offset)
