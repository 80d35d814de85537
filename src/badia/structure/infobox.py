"""The campaign infobox as a typed record (GUIDELINES section 3).

Two surface forms carry the same infobox: the flattened dump form (``- Key: value``
lines, where list items were joined with ", ", "|" or "----") and the original
wikitext template ``{{Infobox military conflict ...}}``. Both are reduced to lists
of raw items per field, then one set of field readers turns items into values,
so the two forms obey the same rules.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)

from badia.model import (
    Commander,
    Infobox,
    InfoboxCasualty,
    InfoboxSide,
    Phase,
    Unit,
)

__all__ = ["date_phases", "parse_dump_infobox", "parse_wikitext_infobox", "infobox_to_gold_json"]

# A list separator that stands for a horizontal rule between groups of items.
_RULE = "\x00RULE"

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_KEY = re.compile(r"^(?P<base>[a-z]+?)(?P<n>[123])?$")
_SIDE_FIELDS = {"combatant", "commander", "units", "strength", "casualties"}
_FLAT_FIELDS = {"conflict", "partof", "date", "place", "result"}

# ------------------------------------------------------------------------- splitting


def _depth_split(text: str, sep: re.Pattern[str]) -> list[str]:
    """Split ``text`` at ``sep`` matches that lie outside parentheses/brackets."""
    parts: list[str] = []
    depth = 0
    last = 0
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0:
            m = sep.match(text, pos)
            if m and m.end() > pos:
                parts.append(text[last:pos])
                last = pos = m.end()
                continue
        pos += 1
    parts.append(text[last:])
    return parts


# A flattened list: ", " (not the thousands comma in "1,385"), a pipe, or a rule.
_LIST_SEP = re.compile(r"\s*(?:,(?=\s|$)|\|)\s*")
_RULE_SEP = re.compile(r"\s*-{4,}\s*")
# Result clauses are sentences: a new one starts with a capital after the comma.
_CLAUSE_SEP = re.compile(r"\s*(?:,\s+(?=[A-Z])|\|)\s*")
# "A, B, and the C" / "A and B".
_PARTOF_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\band\s+)\s*")
# "January 13, 2017": the comma of a US-style date is not a list separator.
_US_DATE = re.compile(r"\b([A-Z][a-z]+\.? \d{1,2}), (\d{4})\b")


def _items(segments: Iterable[str], sep: re.Pattern[str] | None) -> list[str]:
    """Raw items of a field; a horizontal rule becomes the ``_RULE`` marker."""
    out: list[str] = []
    for seg in segments:
        for i, group in enumerate(_RULE_SEP.split(seg)):
            if i:
                out.append(_RULE)
            parts = _depth_split(group, sep) if sep is not None else [group]
            out.extend(p.strip() for p in parts)
    return out


# ------------------------------------------------------------------------- cleaning

_EMPTY_PARENS = re.compile(r"\(\s*\)")
_IMAGE_SIZE = re.compile(r"\b\d+(?:x\d+)?px\b\s*")
_ALNUM = re.compile(r"\w")


def _clean(item: str) -> str:
    """Drop empty parentheses, image size markers and stray quote marks."""
    item = _EMPTY_PARENS.sub("", item)
    item = _IMAGE_SIZE.sub("", item)
    item = re.sub(r"\s+", " ", item).strip(" '\"")
    return item.strip()


def _is_label(item: str) -> bool:
    """'Supported by:', 'Allied militias:' head a group; they are not list members."""
    return item.endswith(":")


def _plain_list(items: Iterable[str]) -> list[str]:
    """Members of a flat list: no group labels, bullets, empties."""
    out = []
    for raw in items:
        if raw == _RULE:
            continue
        item = _clean(raw.lstrip("*#: ").strip())
        if not item or not _ALNUM.search(item) or _is_label(item):
            continue
        out.append(item)
    return out


# ------------------------------------------------------------------------- fields


def _part_of(items: Iterable[str]) -> list[str]:
    out = []
    for item in _plain_list(items):
        if item.startswith("the "):
            item = item[4:]
        out.append(item)
    return out


# Words standing for "no name known" in a commander list.
_UNKNOWN = re.compile(
    r"^(?:unknown|n/a|none|various|unclear)(?:\s+(?:commanders?|leaders?|units?|forces))?$", re.I
)
_STATUS_SUFFIX = re.compile(r"^(?P<name>.*?[^\sA-Z])\s*(?P<status>KIA|WIA)$")
_STATUS_WORDS = {
    "kia": "KIA",
    "killed in action": "KIA",
    "wia": "WIA",
    "wounded in action": "WIA",
}
# A general officer's title before a name ("Maj. Gen.", "Col. Gen.", "Lt. Gen.", "Gen.")
# is dropped, as the gold does; junior ranks ("Capt.", "Lt. Col.") stay in the name
# there (gold 000 vs 002), so only titles ending in "General"/"Gen." are removed.
_RANK = re.compile(
    r"^(?:(?:Maj|Major|Lt|Lieutenant|Col|Colonel|Brig|Brigadier)\.?[ -]+)?"
    r"(?:Gen\.?|General)\s+(?=[A-Z])"
)
_TRAILING_PAREN = re.compile(r"\s*\((?P<inner>[^()]*)\)\s*$")


def _commanders(items: Iterable[str]) -> list[Commander]:
    out: list[Commander] = []
    for raw in _plain_list(items):
        if raw.startswith("("):
            continue  # "(Operations chief commander)": a role, not a person
        item = raw
        status: str | None = None
        if item.endswith("†"):
            item, status = item.rstrip("† ").strip(), "KIA"
        while (m := _TRAILING_PAREN.search(item)) and item[: m.start()].strip():
            inner = m.group("inner").strip().lower()
            status = _STATUS_WORDS.get(inner, status)
            item = item[: m.start()].strip()
        m = _STATUS_SUFFIX.match(item)
        if m:
            item, status = m.group("name").strip(), m.group("status")
        item = _RANK.sub("", item).strip()
        if not item or item.upper() in {"KIA", "WIA"} or _UNKNOWN.match(item):
            continue
        out.append(Commander(name=item, status=status))  # type: ignore[arg-type]
    return out


def _units(items: Iterable[str]) -> list[Unit]:
    """A tree from leading asterisks: a unit is a child of the last shallower one."""
    roots: list[Unit] = []
    stack: list[tuple[int, Unit]] = []
    for raw in items:
        if raw == _RULE:
            continue
        stripped = raw.lstrip()
        depth = len(stripped) - len(stripped.lstrip("*"))
        name = _clean(stripped.lstrip("*#: "))
        if not name or not _ALNUM.search(name) or _is_label(name) or _UNKNOWN.match(name):
            continue
        unit = Unit(name=name)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(unit)
        stack.append((depth, unit))
    return roots


_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
# "N killed", "N+ killed", "N civilians killed", "N dead": a count of deaths.
_DEATH_COUNT = re.compile(
    _NUMBER + r"\+?\s*(?P<who>(?:[A-Za-z'’.-]+\s+){0,3}?)(?:killed|dead|deaths?|died|executed)\b",
    re.I,
)
# A figure that mixes deaths with other losses cannot be read as "killed".
_MIXED = re.compile(r"\b(?:wounded|injured|casualties|captured|missing)\b", re.I)
_LOSS_WORD = re.compile(
    r"\b(?:killed|dead|deaths?|died|executed|wounded|injured|casualties|captured|missing"
    r"|prisoners?|destroyed|lost|losses)\b",
    re.I,
)
_LABELLED = re.compile(r"^(?P<label>[^:\d][^:]*):\s*(?P<rest>.*)$")


def _casualties(items: Iterable[str]) -> list[InfoboxCasualty]:
    """Loss figures; an item without a figure heads the figures after it.

    A heading ("2018 offensive", "March 2019–2024") labels every figure up to the
    next heading or horizontal rule; "Total: 3,105 killed" carries its own label.
    """
    out: list[InfoboxCasualty] = []
    heading: str | None = None
    for raw in items:
        if raw == _RULE:
            heading = None
            continue
        item = _clean(raw.lstrip("*#: "))
        if not item or not _ALNUM.search(item):
            continue
        own_label: str | None = None
        m = _LABELLED.match(item)
        if m:
            own_label, item = m.group("label").strip(), m.group("rest").strip()
            if not item:
                heading = own_label
                continue
        if not (_LOSS_WORD.search(item) and re.search(r"\d", item)):
            heading = item.rstrip(":").strip()
            continue
        count = _DEATH_COUNT.search(item)
        killed = None
        digits = count.group("n").replace(",", "") if count else ""
        if count and not _MIXED.search(item) and len(digits) <= 12:  # int() refuses 4,300+
            killed = int(digits)
        if own_label:
            label = own_label
        elif heading:
            label = heading
        elif count and count.start() == 0 and count.group("who").strip():
            # "280 civilians killed (...)": the label says who, the figure is apart.
            label = item[count.start("who") :].strip()
        else:
            label = item
        out.append(InfoboxCasualty(killed=killed, label=label))
    return out


# "29 December 2016", "15 March", "20", "December 2016", "2017", "January 13 2017".
_DATE_PART = re.compile(
    r"^(?:(?P<d1>\d{1,2})\s+)?(?:(?P<mon>[A-Za-z]+)\.?\s*)?(?P<d2>\d{1,2}(?!\d))?\s*"
    r"(?P<y>\d{4})?$"
)
_RANGE_SEP = re.compile(r"\s*(?:[–—]|\s-\s|-(?=\s*\d)|\bto\b|\buntil\b)\s*")
_OPEN_END = re.compile(r"^(?:present|ongoing|now|today)$", re.I)


def _date_part(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(day, month, year) with missing parts None; None if it is not a date."""
    text = text.strip().strip(",")
    m = _DATE_PART.match(text)
    if not m or not text:
        return None
    mon = m.group("mon")
    month = None
    if mon:
        month = _MONTHS.get(mon.lower())
        if month is None:
            return None
    if m.group("d1") and m.group("d2"):
        return None
    day_s = m.group("d1") or m.group("d2")
    day = int(day_s) if day_s else None
    year = int(m.group("y")) if m.group("y") else None
    if day is None and month is None and year is None:
        return None
    return day, month, year


def _first_day(d: int | None, m: int | None, y: int) -> date | None:
    try:
        return date(y, m or 1, d or 1)
    except ValueError:
        return None


def _last_day(d: int | None, m: int | None, y: int) -> date | None:
    month = m or 12
    try:
        return date(y, month, d or calendar.monthrange(y, month)[1])
    except ValueError:
        return None


def _date_range(text: str) -> tuple[date | None, date | None] | None:
    """'13 January – 2 March 2017' -> (2017-01-13, 2017-03-02); None if not a date.

    The start borrows the month and year it omits from the end ("20 – 30 April
    2017"); a lone month or year spans all of it; "– present" leaves the end open.
    """
    text = _US_DATE.sub(r"\1 \2", text.strip())
    parts = [p for p in _RANGE_SEP.split(text, maxsplit=1) if p is not None]
    if len(parts) == 1:
        one = _date_part(parts[0])
        if not one or one[2] is None:
            return None
        return _first_day(*one[:2], one[2]), _last_day(*one[:2], one[2])
    left, right = parts[0], parts[1]
    end = _date_part(right)
    open_end = bool(_OPEN_END.match(right.strip()))
    start = _date_part(left)
    if start is None or (end is None and not open_end):
        return None
    d1, m1, y1 = start
    if end is not None:
        d2, m2, y2 = end
        if y2 is None:
            return None
        if m1 is None and d1 is not None:
            m1 = m2
        if y1 is None:
            y1 = y2
        return _first_day(d1, m1, y1), _last_day(d2, m2, y2)
    if y1 is None:
        return None
    return _first_day(d1, m1, y1), None


_LABEL_THEN_DATE = re.compile(r"^(?P<label>[^:\d]+):\s*(?P<date>.+)$")


def _phases(items: Iterable[str]) -> list[Phase]:
    """'First offensive:' labels the date range after it; an unlabelled range gets None."""
    out: list[Phase] = []
    label: str | None = None
    for raw in items:
        if raw == _RULE:
            continue
        item = _clean(raw.lstrip("*#: "))
        if not item or not _ALNUM.search(item):
            continue
        m = _LABEL_THEN_DATE.match(item)
        if m and _date_range(m.group("date")):
            label, item = m.group("label").strip(), m.group("date")
        rng = _date_range(item)
        if rng is None:
            if _is_label(item):
                label = item[:-1].strip()
            continue
        out.append(Phase(label=label, start=rng[0], end=rng[1]))
        label = None
    return out


# ------------------------------------------------------------------------- assembly


def _build(fields: dict[str, list[str]], split: bool) -> Infobox | None:
    """Field name ('partof', 'combatant2', ...) -> raw segments, to a record."""
    if not fields:
        return None

    def items(key: str, sep: re.Pattern[str] = _LIST_SEP) -> list[str]:
        return _items(fields.get(key, []), sep if split else None)

    names = _plain_list(items("conflict", re.compile(r"(?!)")))
    dates = [_US_DATE.sub(r"\1 \2", d) for d in fields.get("date", [])]
    n_sides = 0
    for key in fields:
        m = _KEY.match(key)
        if m and m.group("base") in _SIDE_FIELDS:
            n_sides = max(n_sides, int(m.group("n") or 1))
    sides = []
    for i in range(1, n_sides + 1):
        sides.append(
            InfoboxSide(
                combatants=_plain_list(items(f"combatant{i}")),
                commanders=_commanders(items(f"commander{i}")),
                units=_units(items(f"units{i}")),
                # Figures are comma-joined even in wikitext ("30 killed, 60 wounded").
                strength=_plain_list(_items(fields.get(f"strength{i}", []), _LIST_SEP)),
                casualties=_casualties(_items(fields.get(f"casualties{i}", []), _LIST_SEP)),
            )
        )
    return Infobox(
        name=names[0] if names else None,
        part_of=_part_of(_items(fields.get("partof", []), _PARTOF_SEP)),
        phases=_phases(_items(dates, _LIST_SEP)),
        places=_plain_list(_items(fields.get("place", []), _LIST_SEP)),
        result=_plain_list(items("result", _CLAUSE_SEP)),
        sides=sides,
    )


def _field_key(raw: str) -> str | None:
    """'Combatant1' / 'casualties 2' / 'part of' -> canonical key, None if unknown."""
    key = re.sub(r"[\s_]+", "", raw).lower()
    if key == "combatant":
        key = "combatant1"
    m = _KEY.match(key)
    if not m:
        return None
    base = m.group("base")
    if base in _FLAT_FIELDS and not m.group("n"):
        return base
    if base in _SIDE_FIELDS and m.group("n"):
        return key
    return None


_DUMP_LINE = re.compile(r"^- (?P<key>[A-Za-z][A-Za-z _]*?\d?)\s*:\s?(?P<value>.*)$")


def parse_dump_infobox(text: str, start: int, end: int) -> Infobox | None:
    """Read the ``- Key: value`` lines of ``text[start:end]``; None if none is a field."""
    fields: dict[str, list[str]] = {}
    for line in text[start:end].splitlines():
        m = _DUMP_LINE.match(line.strip())
        if not m:
            continue
        key = _field_key(m.group("key"))
        if key is not None:
            fields.setdefault(key, []).append(m.group("value"))
    ib = _build(fields, split=True)
    if ib is None:
        return None
    ib.start, ib.end = start, end
    return ib


# ------------------------------------------------------------------------- wikitext

_ITEM_TEMPLATES = {"plainlist", "plain list", "flatlist", "ubl", "unbulleted list",
                   "hlist", "bulleted list", "collapsible list", "ublist", "indented plainlist"}
_TEXT_TEMPLATES = {"lang", "langx", "transl", "nowrap", "small", "smaller", "big", "nobold",
                   "noitalic", "avoid wrap", "resize", "ill", "interlanguage link", "nwr"}
_FLAG_TEMPLATES = {"flag", "flagcountry", "flagu", "flag country"}
_DATE_TEMPLATES = {"start date", "end date", "start and end dates", "date", "start date and age",
                   "end date and age"}
_STATUS_TEMPLATES = {"kia": "KIA", "killed in action": "KIA", "wia": "WIA", "†": "KIA",
                     "dagger": "KIA", "wounded in action": "WIA"}
_BLOCK_TAGS = {"br", "hr", "p", "li", "div"}
_SKIP_TAGS = {"ref", "references", "gallery"}


def _positional(tpl: Template) -> list[str]:
    return [str(p.value) for p in tpl.params if not p.showkey]


def _template_text(tpl: Template) -> str:
    name = str(tpl.name).strip().lower().replace("_", " ")
    pos = _positional(tpl)
    if name in _STATUS_TEMPLATES:
        return " " + _STATUS_TEMPLATES[name]
    if name in _ITEM_TEMPLATES:
        if name == "collapsible list":
            return "\n".join(_wikicode_text(mwparserfromhell.parse(p)) for p in pos)
        return "\n" + "\n".join(_wikicode_text(mwparserfromhell.parse(p)) for p in pos) + "\n"
    if name in _TEXT_TEMPLATES and pos:
        return _wikicode_text(mwparserfromhell.parse(pos[-1] if name != "ill" else pos[0]))
    if name in _FLAG_TEMPLATES and pos:
        return _wikicode_text(mwparserfromhell.parse(pos[0]))
    if name in _DATE_TEMPLATES:
        nums = [p.strip() for p in pos if p.strip().isdigit()]
        if len(nums) >= 3:
            y, mo, d = (int(x) for x in nums[:3])
            if 1 <= mo <= 12:
                return f"{d} {calendar.month_name[mo]} {y}"
        if len(nums) == 2 and 1 <= int(nums[1]) <= 12:
            return f"{calendar.month_name[int(nums[1])]} {nums[0]}"
        if len(nums) == 1:
            return nums[0]
    return ""  # flag icons, footnotes, citations and other decoration


def _wikicode_text(code: mwparserfromhell.wikicode.Wikicode) -> str:
    """Plain text of wikicode; line breaks and list bullets are kept as lines."""
    out: list[str] = []
    for node in code.nodes:
        if isinstance(node, Text):
            out.append(str(node))
        elif isinstance(node, Wikilink):
            title = str(node.title).strip()
            if re.match(r"^(?:file|image|category)\s*:", title, re.I):
                continue
            shown = node.text if node.text is not None else node.title
            out.append(_wikicode_text(mwparserfromhell.parse(str(shown))))
        elif isinstance(node, Template):
            out.append(_template_text(node))
        elif isinstance(node, Tag):
            tag = str(node.tag).strip().lower()
            if tag in _SKIP_TAGS:
                continue
            if node.wiki_markup and tag in {"li", "dt", "dd"}:
                out.append(str(node.wiki_markup))  # keep "*"/"**" bullets for nesting
                continue
            if tag in _BLOCK_TAGS:
                out.append("\n")
            if node.contents is not None:
                out.append(_wikicode_text(node.contents))
            if tag in _BLOCK_TAGS:
                out.append("\n")
        elif isinstance(node, HTMLEntity):
            out.append(node.normalize().replace("\xa0", " "))
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                out.append(_wikicode_text(node.title))
        elif isinstance(node, Comment):
            continue
        else:
            out.append(str(node))
    return "".join(out)


def _wiki_segments(value: mwparserfromhell.wikicode.Wikicode) -> list[str]:
    text = _wikicode_text(value)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line:
            lines.append("----" if re.fullmatch(r"-{4,}", line) else line)
    return lines


def parse_wikitext_infobox(wikitext: str) -> Infobox | None:
    """Read the first ``{{Infobox military conflict}}`` template of ``wikitext``."""
    code = mwparserfromhell.parse(wikitext)
    for tpl in code.filter_templates(recursive=True):
        name = str(tpl.name).strip().lower().replace("_", " ")
        if not name.startswith("infobox military conflict"):
            continue
        fields: dict[str, list[str]] = {}
        for param in tpl.params:
            key = _field_key(str(param.name))
            if key is None:
                continue
            segments = _wiki_segments(param.value)
            if segments:
                fields[key] = segments
        # Lines are the items; only flat, comma-joined fields are split further.
        ib = _build(fields, split=False) or Infobox()
        start = wikitext.find(str(tpl))
        if start >= 0:
            ib.start, ib.end = start, start + len(str(tpl))
        return ib
    return None


# ------------------------------------------------------------------------- output


def infobox_to_gold_json(ib: Infobox) -> dict:
    """The gold ``<stem>.infobox.json`` layout: the record without its span."""
    return ib.model_dump(mode="json", exclude={"start", "end"})


def date_phases(values: Iterable[str]) -> list[Phase]:
    """Phases of an infobox date field given as plain strings (one or more lines each)."""
    lines = [ln for v in values for ln in v.splitlines()]
    return _phases(_items([_US_DATE.sub(r"\1 \2", ln) for ln in lines], _LIST_SEP))
