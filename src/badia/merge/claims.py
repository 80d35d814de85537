"""Casualty claims: every figure per claimant, and a UCDP-style low / best / high.

UCDP GED codes a low, a best and a high estimate per event: low is the most conservative
credible figure, high the largest, best the figure judged most reliable. The rule here,
stated so a reader can check it:

1. ``low`` = the smallest figure, ``high`` = the largest (each with its claimant).
2. ``best`` = the figure of a neutral monitor when one gives a figure (SOHR, the UN and
   its agencies, SNHR, Airwaves): monitors count names across both sides and are what
   UCDP coders lean on. Several monitors: the lower median of their figures.
3. otherwise the lowest figure of a non-partisan claimant (the document's own voice,
   news agencies), the conservative choice among unaligned voices;
4. otherwise (only the parties' claims) the lower median of the partisan figures, since
   each party inflates the other's losses and deflates its own.

A claimant that gives several figures for one side (an updated toll) counts once, with
its largest figure: tolls are revised upwards as bodies are found.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from badia.merge.events import claimant_of
from badia.merge.records import Claim, ClaimedFigure, MergedEvent
from badia.model import Tally

# Neutral monitors (documented conflict-casualty monitors, not parties to the war).
NEUTRAL = re.compile(
    r"\b(SOHR|Syrian Observatory|United Nations|UN|OHCHR|UNHCR|UNICEF|OCHA|SNHR|"
    r"Syrian Network for Human Rights|Airwaves|Airwars|Violations Documentation Center|VDC|"
    r"Human Rights Watch|Amnesty)\b",
    re.I,
)
# Parties to the conflict and their outlets (they claim figures about their own war).
PARTISAN = re.compile(
    r"\b(state media|SANA|ministry|military|army|government|Russia|Russian|MOD|"
    r"Islamic State|ISIL|ISIS|Amaq|Daesh|rebels?|FSA|opposition|Hezbollah|Pentagon|"
    r"CENTCOM|CJTF|coalition|US forces|Orient News|SDF|Osoud al[- ]Sharqiya|"
    r"Army of Free Tribes|Ahrar al-Sham|Jaysh)\b",
    re.I,
)
PARTISAN_EXACT = re.compile(r"\b(IS|SAA|US)\b")  # abbreviations: case matters


def claimant_class(claimant: str) -> str:
    """``neutral``, ``partisan`` or ``other`` (the document's voice, unaligned media)."""
    if claimant.startswith("doc:"):
        return "other"
    if NEUTRAL.search(claimant):
        return "neutral"
    if PARTISAN.search(claimant) or PARTISAN_EXACT.search(claimant):
        return "partisan"
    return "other"


def _lower_median(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def estimate(figures: Sequence[ClaimedFigure]) -> tuple[int, str, int, str, str, int, str]:
    """(low, low claimant, best, best claimant, rule, high, high claimant) of one side."""
    low = min(figures, key=lambda f: (f.killed, f.claimant))
    high = max(figures, key=lambda f: (f.killed, f.claimant))
    per_claimant: dict[str, int] = {}
    for f in figures:
        per_claimant[f.claimant] = max(per_claimant.get(f.claimant, 0), f.killed)
    by_class: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for claimant, killed in sorted(per_claimant.items()):
        by_class[claimant_class(claimant)].append((killed, claimant))
    if by_class["neutral"]:
        pool, rule = by_class["neutral"], "neutral monitor"
        value = _lower_median([k for k, _ in pool])
    elif by_class["other"]:
        pool, rule = by_class["other"], "lowest non-partisan"
        value = min(k for k, _ in pool)
    else:
        pool, rule = by_class["partisan"], "median of partisan claims"
        value = _lower_median([k for k, _ in pool])
    if len(per_claimant) == 1:
        rule = "single claimant"
    best_claimant = next(c for k, c in pool if k == value)
    return low.killed, low.claimant, value, best_claimant, rule, high.killed, high.claimant


def _claim(kind: str, subject: str, side: str, figures: list[ClaimedFigure], **kw) -> Claim:
    lo, loc, best, bestc, rule, hi, hic = estimate(figures)
    return Claim(
        subject_kind=kind,  # type: ignore[arg-type]
        subject_id=subject,
        side=side,  # type: ignore[arg-type]
        figures=figures,
        low=lo,
        low_claimant=loc,
        best=best,
        best_claimant=bestc,
        best_rule=rule,
        high=hi,
        high_claimant=hic,
        **kw,
    )


def event_claims(merged: Sequence[MergedEvent]) -> list[Claim]:
    """One claim per (merged event, side) that any source gives a number for."""
    out = []
    for m in merged:
        by_side: dict[str, list[ClaimedFigure]] = defaultdict(list)
        for f in m.fatalities:
            by_side[f.side].append(f)
        for side in sorted(by_side):
            out.append(
                _claim(
                    "event",
                    m.id,
                    side,
                    by_side[side],
                    period_start=m.date_start,
                    period_end=m.date_end,
                )
            )
    return out


def tally_subject(t: Tally) -> str:
    start = t.period_start.isoformat() if t.period_start else "?"
    end = t.period_end.isoformat() if t.period_end else "?"
    return f"tally:{t.side}:{start}:{end}"


def tally_claims(tallies: Sequence[Tally]) -> list[Claim]:
    """One claim per (side, exact period) over all documents' tallies."""
    groups: dict[str, list[Tally]] = defaultdict(list)
    for t in tallies:
        groups[tally_subject(t)].append(t)
    out = []
    for subject in sorted(groups):
        ts = groups[subject]
        figures = [
            ClaimedFigure(
                side=t.side,
                killed=t.killed,
                claimant=claimant_of(t.source, None, t.doc),
                record_id=t.id,
                doc=t.doc,
            )
            for t in ts
        ]
        out.append(
            _claim(
                "tally",
                subject,
                ts[0].side,
                figures,
                period_start=ts[0].period_start,
                period_end=ts[0].period_end,
            )
        )
    return out


def build_claims(merged: Sequence[MergedEvent], tallies: Sequence[Tally]) -> list[Claim]:
    return event_claims(merged) + tally_claims(tallies)
