"""Actor mentions: lexicon names and aliases, and unknown organisations by their form.

Longest match first; a name never overlaps another. Organisations the lexicon does
not know ("... Army", "... Brigade", "Liwa ...") are still found, with side
``unknown`` unless the sentence says which camp they belong to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from badia.mentions.lexicon import packaged
from badia.model import Mention

# Capitalised organisation names the lexicon does not hold, recognised by their head noun.
_ORG_HEADS = (
    r"Army|Brigades?|Forces|Front|Legion|Division|Regiment|Corps|Battalions?|Movement|"
    r"Militia|Group|Guards?|Hunters|Shield|Commandos"
)
# A month or weekday is the date before a name ("On 15 July Tiger Forces ..."), not part of it.
_CALENDAR_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_NOT_NAME_START = rf"(?!The\b|On\b|In\b|By\b|(?:{_CALENDAR_WORDS})\b)"
_CAP = _NOT_NAME_START + r"(?:al-|Al-|el-|as-|ad-|ash-)?[A-Z][\w'’`-]*"
_ORG_RE = re.compile(
    rf"\b(?:the )?(?:{_CAP} (?:(?:of the|of|al|for|and) )?){{1,5}}(?:{_ORG_HEADS})\b"
    rf"|\b(?:Liwa|Jaysh|Jaish|Harakat|Kata'ib|Saraya|Faylaq|Usud|Osoud|Fawj)(?: {_CAP}){{1,3}}"
)
# A common noun of a camp used before a place word names the place, not an actor.
_INSTALLATION_AFTER = re.compile(
    r"\s+(?:base|bases|airbase|airport|outpost|outposts|academy|hospital|facility|barracks|"
    r"post|posts|checkpoint|checkpoints|headquarters|compound|depot|court|college|school)\b",
    re.I,  # "Tiyas Military Airbase"
)
# "<Word>-backed X" / "<Word>-led X": the head X names the side.
_BACKED_RE = re.compile(r"\b([A-Z][\w.]*)-(?:backed|led|vetted|affiliated) $")
# The camp of a generic noun follows its backer: "Iranian-backed militias" are pro-government.
_BACKER_SIDE = {
    "iranian": "government",
    "russian": "government",
    "iran": "government",
    "russia": "government",
    "us": "opposition",
    "u.s.": "opposition",
    "western": "opposition",
    "american": "opposition",
    "turkish": "opposition",
    "turkey": "opposition",
}
# "Turkish-backed forces", "US-backed fighters": a plural common noun the lexicon does not
# know, backed by a state, names that state's proxies (a camp), not an act ("-led attack");
# led by a force ("Kurdish-led forces", "YPG-led forces"), it is in the leader's camp.
_BACKED_PLURAL_RE = re.compile(
    r"\b([A-Z][\w.]*)-(backed|supported|sponsored|led) "
    r"(?!(?:attacks|offensives|operations|strikes|airstrikes|assaults|raids|advances|"
    r"campaigns|efforts|talks|negotiations|agreements|ceasefires|plans)\b)([a-z]+[a-rt-z]s)\b"
)
# Camp words next to an unknown organisation decide its side: "an FSA opposition group".
_CAMP_HINTS = (
    (re.compile(r"\b(?:FSA|opposition|rebel)\b"), "opposition"),
    (re.compile(r"\bpro-government|\bgovernment-backed|\bloyalist\b"), "government"),
    (re.compile(r"\bjihadist|\bIS-affiliated|\bISIL-affiliated"), "islamic_state"),
)


# A modifier coordinated before a name that shares its head: "<Kurdish> and pro-government
# forces", "<Turkish>, Iraqi and Syrian troops" (one word, possibly hyphenated).
_MODIFIER_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][\w’'-]*)(?:,|,? and)\s+(?:the\s+)?\Z")
# An organisation name that opens with "<modifier> and ": "Russian and Syrian Air Forces".
_COORDINATED_MODIFIER = re.compile(r"([A-Z][\w’'-]*) and ")


# A word that is a noun and an adjective ("military") names an actor only as the noun: before
# a common noun it modifies that noun ("military sources", "military confrontations"). The
# noun reading is followed by a verb, adverb, preposition, conjunction or punctuation; so a
# following lower-case word marks the adjective unless it is one of those closed classes, a
# regular past form (-ed) or adverb (-ly), or a frequent irregular past of the story's verbs.
_NOUN_IT_MODIFIES = re.compile(
    r"\s+(?!(?:and|or|but|nor|of|in|on|at|to|from|by|for|with|near|into|onto|against|"
    r"along|across|around|after|before|during|since|until|as|than|that|which|who|"
    r"is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|should|must|"
    r"did|does|do|also|then|soon|later|again|still|now|not|never|already|once|itself|"
    r"said|says|took|takes|began|begins|fought|fights|made|makes|won|lost|held|holds|"
    r"hit|hits|struck|shot|left|leaves|led|leads|sent|sends|drove|broke|"
    r"retook|overran|withdrew|ran|gave|saw|came|went|kept)\b)"
    r"[a-z][a-z-]*(?![\w-])(?<!ed)(?<!ly)"
)


# a common noun tied to the name after it: "militants loyal to X", "fighters affiliated with X"
_TIED_TO_A_NAME = re.compile(
    r"\s+(?:loyal to|affiliated with|belonging to|aligned with)\s+(?:the\s+)?"
)


def _named_after(text: str, end: int, named_starts: set[int]) -> bool:
    m = _TIED_TO_A_NAME.match(text, end)
    return bool(m) and m.end() in named_starts


@dataclass(frozen=True)
class ActorEntry:
    name: str
    side: str
    generic: bool
    attributive: bool = False  # also an adjective: an actor only as a noun ("military")


@dataclass
class ActorLexicon:
    """Compiled alias patterns (case-sensitive and case-insensitive) to entries."""

    exact: dict[tuple[str, ...], ActorEntry]  # alias tokens as written -> entry
    folded: dict[tuple[str, ...], ActorEntry]  # lower-cased alias tokens -> entry
    exact_lengths: dict[str, list[int]]  # first token -> alias lengths, longest first
    folded_lengths: dict[str, list[int]]

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Actor mentions in ``text``; spans are document offsets (``offset`` + index)."""
        hits = self._lexicon_hits(text)  # in text order
        hits += self._distributed(text, hits)
        hits += self._backed_plurals(text, hits)
        hits.sort(key=lambda h: h[0])
        known_starts = [h[0] for h in hits]
        known = list(hits)
        for m in _ORG_RE.finditer(text):
            name = m.group(0)
            if name.startswith("the "):
                name = name[4:]
            start = m.end() - len(name)
            shared = self._shared_head(text, start, m.end())
            if shared is not None:
                # "the Russian and Syrian Air Forces": one force of each camp, not one name
                hits.append(shared)
                start = _COORDINATED_MODIFIER.match(text, start).end()  # type: ignore[union-attr]
                name = text[start : m.end()]
                singular = self._entry(_alias_key(name[:-1])) if name.endswith("s") else None
                if singular is not None:  # "Syrian Air Forces": the plural of an alias
                    hits.append((start, m.end(), singular))
                    continue
            # an organisation that contains a known name belongs to that name's camp
            first = bisect_left(known_starts, start)
            inner = [
                h
                for h in known[first : bisect_left(known_starts, m.end(), lo=first)]
                if h[1] <= m.end() and not h[2].generic
            ]
            side = inner[0][2].side if inner else _camp_of(text, m.start(), m.end())
            if side == "unknown":
                side = _owner_side(text, known, known_starts, start) or side
            hits.append((start, m.end(), ActorEntry(name, side, False)))
        chosen = _longest_non_overlapping(hits)
        named_starts = {s for s, _, e in chosen if not e.generic}
        mentions = []
        for start, end, entry in chosen:
            if entry.generic and _named_after(text, end, named_starts):
                continue  # "militants loyal to JFS": JFS's own, the name says the camp
            if entry.generic and _INSTALLATION_AFTER.match(text, end):
                continue  # "the military base", "a rebel outpost": a place, not an actor
            if entry.attributive and _NOUN_IT_MODIFIES.match(text, end):
                continue  # "military sources", "military confrontations": an adjective
            side = entry.side
            backed = _BACKED_RE.search(text, max(0, start - 40), start)
            if backed:
                start = backed.start()
                if entry.generic:
                    side = _BACKER_SIDE.get(backed.group(1).lower(), side)
            mentions.append(
                Mention(
                    kind="actor",
                    text=text[start:end],
                    start=offset + start,
                    end=offset + end,
                    key=entry.name,
                    side=side,  # type: ignore[arg-type]
                    value=1 if entry.generic else None,
                )
            )
        return mentions

    def _entry(self, words: tuple[str, ...]) -> ActorEntry | None:
        """The entry whose alias is exactly ``words`` (as written, else case-folded)."""
        return self.exact.get(words) or self.folded.get(tuple(w.lower() for w in words))

    def _modifier_entry(self, word: str, head: tuple[str, ...]) -> ActorEntry | None:
        """The actor a camp modifier names before a shared head noun: "Kurdish" of
        "Kurdish and pro-government forces" is "Kurdish forces"; "Russian" of "Russian
        and Syrian Air Forces" is the lexicon's "Russian" where the head makes no alias."""
        return (self._entry((word, *head)) if head else None) or self._entry((word,))

    def _distributed(
        self, text: str, hits: list[tuple[int, int, ActorEntry]]
    ) -> list[tuple[int, int, ActorEntry]]:
        """Coordinated modifiers share the head noun of the last conjunct ("Kurdish and
        pro-government forces", "Turkish, Iraqi and Syrian troops"): each modifier the
        lexicon knows with that head (or alone) names an actor of its own."""
        covered = [(s, e) for s, e, _ in hits]
        out: list[tuple[int, int, ActorEntry]] = []
        for start, end, _ in hits:
            head = tuple(t[2] for t in _tokens(text[start:end]))[1:]
            at = start
            while True:
                m = _MODIFIER_BEFORE.search(text, max(0, at - 40), at)
                if not m or any(s < m.end(1) and m.start(1) < e for s, e in covered):
                    break
                found = self._modifier_entry(m.group(1), head)
                if found is None:
                    break
                out.append((m.start(1), m.end(1), found))
                at = m.start(1)
        return out

    def _backed_plurals(
        self, text: str, hits: list[tuple[int, int, ActorEntry]]
    ) -> list[tuple[int, int, ActorEntry]]:
        """ "Turkish-backed forces": the noun as a generic actor of the backer's camp, when no
        lexicon name covers it (the mention then reaches back over "Turkish-backed");
        "Kurdish-led forces": of the leader's camp, as the lexicon knows "Kurdish forces"."""
        out = []
        for m in _BACKED_PLURAL_RE.finditer(text):
            word, start, end = m.group(1), m.start(3), m.end(3)
            if m.group(2) == "led":
                leader = self._modifier_entry(word, ("forces",))
                side = leader.side if leader is not None else None
            else:
                side = _BACKER_SIDE.get(word.lower())
            if side in (None, "unknown") or any(s < end and start < e for s, e, _ in hits):
                continue
            # a led force keeps its leader's camp (not generic: "-led" is not re-read as a
            # backer below)
            out.append((start, end, ActorEntry(m.group(0), side, m.group(2) != "led")))
        return out

    def _shared_head(self, text: str, start: int, end: int) -> tuple[int, int, ActorEntry] | None:
        """ "Russian and Syrian Air Forces" read as one organisation: the first modifier, when
        the lexicon knows it, as an actor of its own (the rest stays the organisation)."""
        m = _COORDINATED_MODIFIER.match(text, start, end)
        if not m:
            return None
        head = tuple(t[2] for t in _tokens(text[m.end() : end]))[1:]
        found = self._modifier_entry(m.group(1), head)
        return (m.start(1), m.end(1), found) if found is not None else None

    def _lexicon_hits(self, text: str) -> list[tuple[int, int, ActorEntry]]:
        """Aliases found as whole token sequences, longest first at each token."""
        tokens = _tokens(text)
        words = [t[2] for t in tokens]
        lowered = [w.lower() for w in words]
        hits = []
        for i in range(len(tokens)):
            best: tuple[int, ActorEntry] | None = None
            for index, lengths, seq in (
                (self.exact, self.exact_lengths.get(words[i]), words),
                (self.folded, self.folded_lengths.get(lowered[i]), lowered),
            ):
                for n in lengths or ():
                    if (best is None or n > best[0]) and i + n <= len(tokens):
                        entry = index.get(tuple(seq[i : i + n]))
                        if entry is not None:
                            best = (n, entry)
                            break
            if best is not None:
                hits.append((tokens[i][0], tokens[i + best[0] - 1][1], best[1]))
        return hits


# A token is a run of non-space characters less its surrounding punctuation and a final
# possessive: "(ISIL's" -> "ISIL", "Army." -> "Army"; hyphenated words stay whole, so
# "Russian-backed" is not "Russian" (the boundary a name needs).
_RAW_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”]+")
_EDGE = "'’.!?"


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _RAW_TOKEN.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if text[end - 2 : end] in ("'s", "’s") and end - 2 > start:
            end -= 2
        if start < end:
            out.append((start, end, text[start:end]))
    return out


def _alias_key(alias: str) -> tuple[str, ...]:
    return tuple(t[2] for t in _tokens(alias))


_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:\d+(?:st|nd|rd|th)\s+)?")


def _owner_side(
    text: str, known: list[tuple[int, int, ActorEntry]], known_starts: list[int], start: int
) -> str | None:
    """ "the Syrian Army's 11th Armored Division": a unit is in its owner's camp."""
    i = bisect_left(known_starts, start)
    for _, k_end, entry in known[max(0, i - 3) : i]:
        if k_end < start and _POSSESSIVE_GAP.fullmatch(text, k_end, start):
            return entry.side
    return None


def _camp_of(text: str, start: int, end: int) -> str:
    # only the words just before the name, and an apposition right after it
    window = text[max(0, start - 25) : start]
    if text.startswith(", ", end):
        window += text[end : min(len(text), end + 60)]
    for pattern, side in _CAMP_HINTS:
        if pattern.search(window):
            return side
    return "unknown"


def _longest_non_overlapping(
    hits: list[tuple[int, int, ActorEntry]],
) -> list[tuple[int, int, ActorEntry]]:
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, ActorEntry]] = []
    used: set[int] = set()  # characters already claimed (linear, where pairwise is quadratic)
    for hit in hits:
        span = range(hit[0], hit[1])
        if used.isdisjoint(span):
            taken.append(hit)
            used.update(span)
    # a lexicon name inside an unknown organisation's span loses to the organisation only
    # when the organisation is longer; ties keep the lexicon entry (it knows the side).
    return sorted(taken, key=lambda h: h[0])


def compile_lexicon(data: Iterable[dict]) -> ActorLexicon:
    """Index every alias by its tokens (exact case for abbreviations, folded otherwise)."""
    exact: dict[tuple[str, ...], ActorEntry] = {}
    folded: dict[tuple[str, ...], ActorEntry] = {}
    for item in data:
        entry = ActorEntry(
            item["name"], item["side"], bool(item.get("generic")), bool(item.get("attributive"))
        )
        for alias in item.get("aliases", []) or [item["name"]]:
            key = _alias_key(alias)
            if not key:
                continue
            if item.get("case") == "exact":
                exact[key] = entry
            else:
                folded[tuple(t.lower() for t in key)] = entry
    return ActorLexicon(exact, folded, _lengths(exact), _lengths(folded))


def _lengths(index: dict[tuple[str, ...], ActorEntry]) -> dict[str, list[int]]:
    by_first: dict[str, set[int]] = {}
    for key in index:
        by_first.setdefault(key[0], set()).add(len(key))
    return {first: sorted(ns, reverse=True) for first, ns in by_first.items()}


@cache
def default_lexicon() -> ActorLexicon:
    return compile_lexicon(packaged("actors.yaml")["actors"])


def lexicon_with(extra: list[dict]) -> ActorLexicon:
    """The packaged lexicon plus a user's entries (theirs win on the same alias)."""
    return compile_lexicon([*packaged("actors.yaml")["actors"], *extra])


def find_actors(text: str, offset: int = 0, lexicon: ActorLexicon | None = None) -> list[Mention]:
    return (lexicon or default_lexicon()).find(text, offset)
