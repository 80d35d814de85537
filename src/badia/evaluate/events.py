"""Event and tally scoring as GUIDELINES section 4 defines it.

A predicted and a gold event are candidates when their character spans overlap; pairs are
chosen one to one, best first, by 4*(same type) + 2*(dates overlap) + (same side1) +
Jaccard(locations). Detect counts pairs, typed adds the type, strict adds exact dates and
side1. A tally matches a gold tally with the same side and number and an overlapping period.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_ARTICLE = re.compile(r"\b(?:al|el|as|ad|ar|at|az|an|ash|the)[- ]")


def _load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def normalise_place(name: str) -> str:
    """Case, diacritics, articles, citation markers and punctuation removed."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"\[\d+\]", "", ascii_name)
    ascii_name = _ARTICLE.sub("", ascii_name)
    return re.sub(r"[^a-z0-9]+", " ", ascii_name).strip()


def _iso(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _overlaps(a0, a1, b0, b1) -> bool:
    if None in (a0, a1, b0, b1):
        return False
    return a0 <= b1 and b0 <= a1


def _jaccard(a: list[str] | None, b: list[str] | None) -> float:
    sa = {normalise_place(x) for x in a or []} - {""}
    sb = {normalise_place(x) for x in b or []} - {""}
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def _span(record: dict, text: str) -> tuple[int, int]:
    if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
        return record["start"], record["end"]
    quote = record.get("quote") or ""
    at = text.find(quote) if quote else -1
    return (at, at + len(quote)) if at >= 0 else (-1, -1)


def _dates(r: dict) -> tuple[date | None, date | None]:
    return _iso(r.get("date_start")), _iso(r.get("date_end"))


@dataclass
class _Pair:
    gold: dict
    pred: dict
    score: float


def pair_events(golds: list[dict], preds: list[dict], text: str) -> list[_Pair]:
    """One-to-one pairs of overlapping events, best candidate score first."""
    gspans = [_span(g, text) for g in golds]
    pspans = [_span(p, text) for p in preds]
    candidates = []
    for i, (g0, g1) in enumerate(gspans):
        for j, (p0, p1) in enumerate(pspans):
            if g0 < 0 or p0 < 0 or not (g0 < p1 and p0 < g1):
                continue
            g, p = golds[i], preds[j]
            value = (
                4 * (g["type"] == p.get("type"))
                + 2 * _overlaps(*_dates(g), *_dates(p))
                + (g.get("side1") == p.get("side1"))
                + _jaccard(g.get("locations"), p.get("locations"))
            )
            candidates.append((value, i, j))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for value, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append(_Pair(golds[i], preds[j], value))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def _strict(g: dict, p: dict) -> bool:
    return (
        g["type"] == p.get("type")
        and g["date_start"] == p.get("date_start")
        and g["date_end"] == p.get("date_end")
        and g.get("side1") == p.get("side1")
    )


def _fatality_set(r: dict) -> set[tuple]:
    return {(f.get("side"), f.get("killed")) for f in r.get("fatalities") or []}


def _tally_matches(golds: list[dict], preds: list[dict]) -> int:
    used: set[int] = set()
    hits = 0
    for g in golds:
        for j, p in enumerate(preds):
            if j in used:
                continue
            if (
                g["side"] == p.get("side")
                and g["killed"] == p.get("killed")
                and _overlaps(
                    _iso(g["period_start"]),
                    _iso(g["period_end"]),
                    _iso(p.get("period_start")),
                    _iso(p.get("period_end")),
                )
            ):
                used.add(j)
                hits += 1
                break
    return hits


def score(gold_dir: Path, pred_dir: Path, corpus_dir: Path) -> dict:
    """The figures of GUIDELINES section 4 over every gold document."""
    t = dict.fromkeys(
        (
            "gold",
            "pred",
            "matched",
            "typed",
            "strict",
            "date_exact",
            "date_overlap",
            "side1",
            "side2",
            "fat",
            "t_gold",
            "t_pred",
            "t_match",
        ),
        0,
    )
    loc = 0.0
    per_doc = {}
    for gold_path in sorted(gold_dir.glob("*.events.jsonl")):
        stem = gold_path.name[: -len(".events.jsonl")]
        golds, preds = _load(gold_path), _load(pred_dir / gold_path.name)
        text = document_text(corpus_dir, stem, golds)
        pairs = pair_events(golds, preds, text)
        typed = [x for x in pairs if x.gold["type"] == x.pred.get("type")]
        strict = [x for x in typed if _strict(x.gold, x.pred)]
        t["gold"] += len(golds)
        t["pred"] += len(preds)
        t["matched"] += len(pairs)
        t["typed"] += len(typed)
        t["strict"] += len(strict)
        for x in pairs:
            g, p = x.gold, x.pred
            t["date_exact"] += g["date_start"] == p.get("date_start") and g["date_end"] == p.get(
                "date_end"
            )
            t["date_overlap"] += _overlaps(*_dates(g), *_dates(p))
            t["side1"] += g.get("side1") == p.get("side1")
            t["side2"] += g.get("side2") == p.get("side2")
            t["fat"] += _fatality_set(g) == _fatality_set(p)
            loc += _jaccard(g.get("locations"), p.get("locations"))
        per_doc[stem] = {
            "gold": len(golds),
            "pred": len(preds),
            "strict_f1": _prf(len(strict), len(preds), len(golds))[2],
        }
        tallies_gold = _load(gold_dir / f"{stem}.tallies.jsonl")
        tallies_pred = _load(pred_dir / f"{stem}.tallies.jsonl")
        t["t_gold"] += len(tallies_gold)
        t["t_pred"] += len(tallies_pred)
        t["t_match"] += _tally_matches(tallies_gold, tallies_pred)
    matched = t["matched"] or 1
    on_matched = {
        k: round(t[k] / matched, 3) for k in ("date_exact", "date_overlap", "side1", "side2", "fat")
    }
    on_matched["loc"] = round(loc / matched, 3)
    return {
        "events_gold": t["gold"],
        "events_pred": t["pred"],
        "detect_prf": _prf(t["matched"], t["pred"], t["gold"]),
        "typed_prf": _prf(t["typed"], t["pred"], t["gold"]),
        "strict_prf": _prf(t["strict"], t["pred"], t["gold"]),
        "on_matched": on_matched,
        "tallies_prf": _prf(t["t_match"], t["t_pred"], t["t_gold"]),
        "per_doc": per_doc,
    }


def _describe(r: dict | None) -> str:
    if r is None:
        return "(none)"
    fat = ", ".join(f"{f.get('side')} {f.get('killed')}" for f in r.get("fatalities") or [])
    return (
        f"{r.get('type')} {r.get('date_start')}..{r.get('date_end')} "
        f"{r.get('side1')} {r.get('actor1')} -> {r.get('side2')} | {r.get('locations')}"
        + (f" | killed: {fat}" if fat else "")
        + f"\n“{(r.get('quote') or '')[:160]}”"
    )


def document_text(corpus_dir: Path, stem: str, golds: list[dict]) -> str:
    """The corpus file a gold file is about: the one its ``doc`` field names, else
    ``<stem>.txt``, else ``<stem>`` with any extension (as the reference scorer finds it).

    Raises ``FileNotFoundError`` when none exists.
    """
    names = [g["doc"] for g in golds if isinstance(g.get("doc"), str)] + [f"{stem}.txt"]
    for name in names:
        path = corpus_dir / Path(name).name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    for path in sorted(corpus_dir.iterdir()):
        if path.is_file() and path.stem == stem:
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no document for {stem} in {corpus_dir}")


def worst_pairs(gold_dir: Path, pred_dir: Path, corpus_dir: Path, n: int) -> list[tuple[str, str]]:
    """Gold and prediction side by side, worst first: missed and wrong events for annotators."""
    rows: list[tuple[float, str, str]] = []
    for gold_path in sorted(gold_dir.glob("*.events.jsonl")):
        stem = gold_path.name[: -len(".events.jsonl")]
        golds, preds = _load(gold_path), _load(pred_dir / gold_path.name)
        text = document_text(corpus_dir, stem, golds)
        pairs = pair_events(golds, preds, text)
        paired_g = {id(x.gold) for x in pairs}
        paired_p = {id(x.pred) for x in pairs}
        for x in pairs:
            if not _strict(x.gold, x.pred):
                rows.append((x.score, f"[{stem}] " + _describe(x.gold), _describe(x.pred)))
        rows.extend(
            (-1.0, f"[{stem}] " + _describe(g), "(missed)") for g in golds if id(g) not in paired_g
        )
        rows.extend(
            (-0.5, "(no gold)", f"[{stem}] " + _describe(p)) for p in preds if id(p) not in paired_p
        )
    rows.sort(key=lambda r: r[0])
    return [(g, p) for _, g, p in rows[:n]]
