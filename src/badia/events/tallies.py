"""Casualty tallies: aggregate counts of killed over a period, by side and source.

A sentence is a tally when it counts the dead over a period rather than in one action:
a period longer than a month or a year, or a cue of aggregation ("overall", "in total",
"documented", "statistics", "since ...", "in the same period", "during the offensive").
A following sentence that breaks the total down ("Of the pro-government dead, ...",
"... fatalities included ...", "... were also killed") inherits its period and source.
Counts of foreign fighters inside a pro-government total are ``pro_government_foreign``.
"""

from __future__ import annotations

import re

from badia.events.casualties import Casualty, find_casualties
from badia.mentions.actors import ActorLexicon, find_actors
from badia.mentions.claimants import Claim, find_claims
from badia.model import Document, Mention, Tally, TimeValue
from badia.time import Narrative, TimeExpr, find_times

_CUE = re.compile(
    r"\b(?:overall|in total|(?<!killing )(?<!leaving )a total of|statistics|documented|"
    r"accumulated|by this point|by this time|as of|(?:was|were) (?:later )?updated to|"
    r"since|in the same period|the same period|"
    r"during the (?:offensive|campaign|insurgency|operation)|"
    r"fatalities included|of the [\w-]+ dead|death toll of the|alone|"
    r"(?:the|these|those) (?:fighting|clashes|battles?|assaults?) (?:had |has )?left)\b",
    re.I,
)
# "The fighting left 90 soldiers dead": the toll of all the fighting told so far
_FIGHTING_LEFT = re.compile(
    r"\b(?:the|these|those) (?:fighting|clashes|battles?|assaults?) (?:had |has )?left\b", re.I
)
# "by this time", "by this point": the count so far, even when the anchor is one day
_SINCE_START = re.compile(
    r"\bsince the (?:start|beginning) of the (?:offensive|battle|campaign|operation|siege)\b",
    re.I,
)
_SO_FAR = re.compile(r"\bsince\b|\bby this (?:point|time)\b", re.I)
# a count of people not known dead ("another 140 soldiers remained missing")
_NOT_DEAD = re.compile(r"\b(?:missing|captured|detained|abducted|wounded|injured)\b", re.I)
# "the remains of 7 rebels killed in 2012 were found": a discovery, not a count of the
# dead of a period (the killing is only a modifier of what was found)
_FOUND_DEAD = re.compile(
    r"\b(?:remains|bodies|corpses|graves?)\b.*\b(?:was|were|had been|have been) "
    r"(?:later )?(?:found|discovered|uncovered|exhumed|recovered)\b",
    re.I,
)
# "the number of dead soldiers was updated to 200": the counted noun comes before the count
_NUMBER_OF = re.compile(r"\bnumber of\b", re.I)
_FOLLOW = re.compile(r"\b(?:also|included|including|of the [\w-]+ dead|same period|alone)\b", re.I)
_FOREIGN = re.compile(
    r"\b(?:Iranian|Russian|Russians|Afghan|Pakistani|Iraqi|Lebanese|foreign|non-Syrian)", re.I
)
_SUBSET_CONTEXT = re.compile(
    r"\bof the [\w-]+ dead\b|\bfatalities included\b|\bdead included\b", re.I
)
_DURING_WHOLE = re.compile(r"\bduring the (?:offensive|campaign|operation|battle)\b", re.I)
_MAX_EVENT_DAYS = 31
_MIN_TALLY_DAYS = 3


_CLAUSE_CUT = re.compile(r";|,\s+(?:while|whereas|but)\b")
_OWN_TOLL = re.compile(r"\b(?:killed|died|dead)\b", re.I)


def _clause_around(text: str, pos: int) -> tuple[int, int]:
    """(start, end) in ``text`` of the clause holding ``pos`` (cut at ';', ', while', ...)."""
    lo, hi = 0, len(text)
    for m in _CLAUSE_CUT.finditer(text):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() > pos:
            hi = m.start()
            break
    return lo, hi


class TallyReader:
    """Reads tallies sentence by sentence; remembers the last tally of the paragraph."""

    def __init__(self, document: Document, actors: ActorLexicon | None = None) -> None:
        self.document = document
        self.actors = actors
        self.tallies: list[Tally] = []
        self._previous: tuple[TimeValue | None, str | None] | None = None
        # after ``read`` said True: the sentence also tells an act that is an event
        self.act_stands = False
        self._after_so_far = False  # the sentence before told a state "so far"

    def new_paragraph(self) -> None:
        self._previous = None
        self._after_so_far = False

    def read(
        self,
        text: str,
        offset: int,
        times,
        actors: list[Mention],
        casualties: list[Casualty],
        claims: list[Claim],
        narrative: Narrative,
    ) -> bool:
        """Record the tallies of a sentence; True when the sentence is a tally."""
        killed = [c for c in casualties if not c.wounded]
        after_so_far, self._after_so_far = self._after_so_far, False
        if not killed:
            if _SINCE_START.search(text) and narrative.told_from and narrative.reference:
                # "By this time, the army had taken 30 villages since the start of the
                # offensive. At least 40 rebels were killed.": the toll that follows is
                # the offensive's so far
                end = max(narrative.reference.end, narrative.told_from)
                span = TimeValue(start=narrative.told_from, end=end, precision="range")
                self._previous = (span, claims[0].claimant if claims else None)
                self._after_so_far = True
                return False
            since = re.search(r"^\W*since\b", text, re.I)
            if since and times:
                value = narrative.resolve(times[0])
                if (
                    value is not None
                ):  # "Since 1 September, ... documented": the period of what follows
                    end = value.start.replace(day=_month_days(value.start))
                    self._previous = (
                        TimeValue(start=value.start, end=end, precision="range"),
                        claims[0].claimant if claims else None,
                    )
            return False
        resolved = [(t, narrative.resolve(t)) for t in times]
        values = [v for _, v in resolved if v is not None]
        long_period = next(
            (v for t, v in resolved if v is not None and (_is_period(v) or _is_days(t, v))),
            None,
        )
        cue = _CUE.search(text)
        follows = (
            self._previous is not None
            and (_FOLLOW.search(text) or after_so_far)
            and not any(v.precision == "day" for v in values)
        )
        if not (long_period or cue or follows) or _FOUND_DEAD.search(text):
            return False
        if values and not long_period and not cue and not follows:
            return False
        if (
            cue
            and not long_period
            and any(v.precision == "day" for v in values)
            and not _SO_FAR.search(text)
        ):
            return False
        if cue and not long_period:
            # "In the final assault, 170 soldiers were killed, while since the start of the
            # battle, 346 ...": only the counts of the clause that states the aggregate
            lo, hi = _clause_around(text, cue.start())
            outside = text[:lo] + " " + text[hi:]
            if _OWN_TOLL.search(outside):  # the other clause tells a toll of its own
                killed = [c for c in killed if lo <= c.start - offset < hi] or killed
        # "clashes took place between 18 and 20 May, leaving 48 soldiers dead": the count
        # is a tally of the days named, and the clashes are still an event of those days
        self.act_stands = bool(long_period and not _is_period(long_period) and not cue)
        period = self._period(text, values, long_period, narrative, bool(follows))
        self._record(text, offset, period, killed, claims, actors)
        return True

    def _record(
        self,
        text: str,
        offset: int,
        period: TimeValue | None,
        killed: list[Casualty],
        claims: list[Claim],
        actors: list[Mention],
    ) -> None:
        # a tally without its own source goes on with the paragraph's last one ("According
        # to SOHR, 264 ... were killed in 2022. In 2023, 417 ... were killed.")
        source = claims[0].claimant if claims else (self._previous[1] if self._previous else None)
        subset_context = bool(_SUBSET_CONTEXT.search(text))
        for casualty in killed:
            phrase = _phrase_after(text, offset, casualty)
            if _NOT_DEAD.search(_OWN_TOLL.split(phrase)[0]):
                continue
            side = self._side(casualty, subset_context, phrase)
            if side is None:
                continue
            if side == "unknown":
                side = _counted_side(text, offset, casualty, actors) or side
            self.tallies.append(self._tally(text, offset, period, side, casualty.killed, source))
        self._previous = (period, source)

    def _period(
        self,
        text: str,
        values: list[TimeValue],
        long_period: TimeValue | None,
        narrative: Narrative,
        follows: bool,
    ) -> TimeValue | None:
        if re.search(r"\bsame period\b", text, re.I) and self._previous:
            return self._previous[0]
        if long_period is not None:
            return long_period
        if _FIGHTING_LEFT.search(text) and narrative.told_from and narrative.reference:
            end = max(narrative.reference.end, narrative.told_from)
            return TimeValue(start=narrative.told_from, end=end, precision="range")
        since = re.search(r"\bsince\b", text, re.I)
        if since and values and narrative.reference is not None:
            start = values[0].start
            end = max(narrative.reference.end, start)
            return TimeValue(start=start, end=end, precision="range")
        if _DURING_WHOLE.search(text) and self.document.infobox and self.document.infobox.phases:
            phases = self.document.infobox.phases
            starts = [p.start for p in phases if p.start]
            ends = [p.end for p in phases if p.end]
            if starts and ends:
                return TimeValue(start=min(starts), end=max(ends), precision="range")
        if _DURING_WHOLE.search(text) and narrative.told_from and narrative.reference:
            # no infobox: the offensive is the story told so far
            end = max(narrative.reference.end, narrative.told_from)
            return TimeValue(start=narrative.told_from, end=end, precision="range")
        if values:
            return values[0]
        if follows and self._previous:
            return self._previous[0]
        return narrative.reference

    @staticmethod
    def _side(casualty: Casualty, subset_context: bool, phrase: str = "") -> str | None:
        foreign = bool(_FOREIGN.search(casualty.head) or _FOREIGN.search(phrase))
        if casualty.subset_of is not None or subset_context:
            return "pro_government_foreign" if foreign else None
        return casualty.side or "unknown"

    def _tally(
        self,
        text: str,
        offset: int,
        period: TimeValue | None,
        side: str,
        killed: int,
        source: str | None,
    ) -> Tally:
        quote = text.strip()
        return Tally(
            id=f"{self.document.id}:t{len(self.tallies)}",
            doc=self.document.name,
            doc_id=self.document.id,
            quote=quote,
            start=offset,
            end=offset + len(quote),
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            side=side,  # type: ignore[arg-type]
            killed=killed,
            source=source,
        )

    def infobox_note_tallies(self) -> list[Tally]:
        """Tallies in infobox notes: "note1|... according to SOHR: 1,611 pro-gov. ... in 2019"."""
        out: list[Tally] = []
        for line in re.finditer(r"(?m)^note\d*\|(?P<body>.+)$", self.document.text):
            body_start = line.start("body")
            body = line.group("body")
            claims = find_claims(body)
            source = claims[0].claimant if claims else None
            colon = body.find(":")
            cursor = colon + 1 if colon >= 0 else 0
            for group in re.finditer(r"[^;]+", body[cursor:]):
                g_text = group.group(0)
                g_start = body_start + cursor + group.start()
                lead = len(g_text) - len(g_text.lstrip())
                g_text = g_text.strip()
                g_start += lead
                out.extend(self._note_group(g_text, g_start, source))
        return out

    def _note_group(self, text: str, offset: int, source: str | None) -> list[Tally]:
        narrative = Narrative()
        found = find_times(text, offset)
        values = [v for v in (narrative.resolve(t) for t in found) if v]
        if not values:
            return []
        period = values[-1]
        actors = find_actors(text, offset, self.actors)
        times = [(t.start, t.end) for t in found]
        # the note counts deaths without a verb: read it as "... killed"
        casualties = find_casualties(text + " killed", offset, actors, times)
        out = []
        for casualty in casualties:
            side = self._side(casualty, False)
            if side is None:
                continue
            tally = self._tally(text, offset, period, side, casualty.killed, source)
            out.append(tally)
        return out


def _phrase_after(text: str, offset: int, casualty: Casualty) -> str:
    """The noun phrase a count counts ("108 Iranian-backed non-Syrian militiamen")."""
    end = casualty.end - offset
    return re.split(r"[,;()]", text[end : end + 45])[0]


def _counted_side(text: str, offset: int, casualty: Casualty, actors: list[Mention]) -> str | None:
    """The side of the noun "the number of ..." names before its count ("the number of
    dead soldiers was updated to 200"): the first actor within four words of "number of"."""
    before = text[: casualty.start - offset]
    found = list(_NUMBER_OF.finditer(before))
    if not found:
        return None
    lo = offset + found[-1].end()
    window = len(" ".join(before[found[-1].end() :].split()[:4]))
    for actor in actors:
        if lo <= actor.start <= lo + window + 1:
            return actor.side
    return None


def _is_days(expr: TimeExpr, value: TimeValue) -> bool:
    """A span "between" three or more named days ("between 18 and 20 May"): a tally's
    period. Two days are still told as one act, and "on 5-9 May", "in mid-May" date an
    act (a campaign of strikes) rather than bound a count."""
    return (
        expr.prep == "between"
        and value.precision == "range"
        and (value.end - value.start).days >= _MIN_TALLY_DAYS - 1
    )


def _month_days(day) -> int:
    import calendar

    return calendar.monthrange(day.year, day.month)[1]


def _is_period(value: TimeValue) -> bool:
    return value.precision == "year" or (value.end - value.start).days > _MAX_EVENT_DAYS
