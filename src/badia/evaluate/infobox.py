"""Infobox scoring: the share of gold leaf values a prediction reproduces.

Lists are compared as multisets, with ``max(len(gold), len(pred))`` as the total so
missing and spurious items both cost; phases and sides are compared by position.
Units are compared as (parent, child) links, so a unit under the wrong parent counts
as wrong even when its name is right.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["score_infobox", "score_dirs", "overall", "FIELDS"]

FIELDS = (
    "name",
    "part_of",
    "phase_label",
    "phase_start",
    "phase_end",
    "places",
    "result",
    "combatants",
    "commander_name",
    "commander_status",
    "units",
    "strength",
    "casualty_killed",
    "casualty_label",
)

Score = tuple[int, int]


def _multiset(gold: Iterable[Any], pred: Iterable[Any]) -> Score:
    g, p = Counter(gold), Counter(pred)
    return sum((g & p).values()), max(sum(g.values()), sum(p.values()))


def _unit_links(units: list[dict], parent: str | None = None) -> list[tuple[str | None, str]]:
    links: list[tuple[str | None, str]] = []
    for u in units or []:
        name = u.get("name")
        links.append((parent, name))
        links.extend(_unit_links(u.get("children") or [], name))
    return links


def _pairs(side: dict, key: str, a: str, b: str | None = None) -> list:
    items = side.get(key) or []
    return [(it[a], it[b]) if b else it[a] for it in items]


# Per side: field -> the leaf values of one side that are compared as a multiset.
_SIDE_LEAVES = {
    "combatants": lambda s: s.get("combatants") or [],
    "commander_name": lambda s: _pairs(s, "commanders", "name"),
    "commander_status": lambda s: _pairs(s, "commanders", "name", "status"),
    "units": lambda s: _unit_links(s.get("units") or []),
    "strength": lambda s: s.get("strength") or [],
    "casualty_killed": lambda s: _pairs(s, "casualties", "killed"),
    "casualty_label": lambda s: _pairs(s, "casualties", "killed", "label"),
}


def _add(acc: dict[str, list[int]], field: str, score: Score) -> None:
    acc[field][0] += score[0]
    acc[field][1] += score[1]


def score_infobox(gold: dict, pred: dict) -> dict[str, Score]:
    """Per field, (equal leaves, total leaves) of ``pred`` against ``gold``."""
    acc: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    gold, pred = gold or {}, pred or {}
    if gold.get("name") is not None or pred.get("name") is not None:
        _add(acc, "name", (int(gold.get("name") == pred.get("name")), 1))
    _add(acc, "part_of", _multiset(gold.get("part_of", []), pred.get("part_of", [])))
    gp, pp = gold.get("phases") or [], pred.get("phases") or []
    for i in range(max(len(gp), len(pp))):
        g = gp[i] if i < len(gp) else {}
        p = pp[i] if i < len(pp) else {}
        for key in ("label", "start", "end"):
            if key in g or key in p:
                _add(acc, f"phase_{key}", (int(key in g and key in p and g[key] == p[key]), 1))
    _add(acc, "places", _multiset(gold.get("places", []), pred.get("places", [])))
    _add(acc, "result", _multiset(gold.get("result", []), pred.get("result", [])))
    gs, ps = gold.get("sides") or [], pred.get("sides") or []
    for i in range(max(len(gs), len(ps))):
        g = gs[i] if i < len(gs) else {}
        p = ps[i] if i < len(ps) else {}
        for field, leaves in _SIDE_LEAVES.items():
            _add(acc, field, _multiset(leaves(g), leaves(p)))
    return {f: (v[0], v[1]) for f, v in acc.items()}


def overall(scores: dict[str, Score]) -> float:
    """Equal leaves over all leaves (1.0 when there is nothing to compare)."""
    equal = sum(s[0] for s in scores.values())
    total = sum(s[1] for s in scores.values())
    return equal / total if total else 1.0


def score_dirs(gold_dir: Path, pred_dir: Path) -> tuple[dict[str, Score], list[str]]:
    """Sum the per-field scores over every ``*.infobox.json`` in ``gold_dir``.

    A gold infobox without a prediction scores against an empty record; returns the
    summed scores and the stems scored.
    """
    total: dict[str, list[int]] = {f: [0, 0] for f in FIELDS}
    stems = []
    for gold_path in sorted(Path(gold_dir).glob("*.infobox.json")):
        stem = gold_path.name[: -len(".infobox.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred_path = Path(pred_dir) / gold_path.name
        pred = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else {}
        for field, score in score_infobox(gold, pred).items():
            _add(total, field, score)
        stems.append(stem)
    return {f: (v[0], v[1]) for f, v in total.items()}, stems
