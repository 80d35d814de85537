"""Who the text attributes a claim to: "according to SOHR", "Russia reported", "per the MOD"."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Canonical claimant names for the sources this genre cites most (public names of the bodies).
_CANONICAL = (
    (re.compile(r"Syrian Observatory for Human Rights|\bSOHR\b", re.I), "SOHR"),
    (
        re.compile(
            r"(?:Russian|Russia's) (?:MOD|Ministry of Defen[cs]e|defen[cs]e ministry)|"
            r"Russian military",
            re.I,
        ),
        "Russian MOD",
    ),
    (re.compile(r"state media|\bSANA\b", re.I), "state media"),
    (re.compile(r"pro-government media", re.I), "pro-government media"),
    (re.compile(r"\bAmaq\b", re.I), "Amaq News Agency"),
    (re.compile(r"^(?:the )?military$|^(?:the )?army$", re.I), "military"),
    (re.compile(r"^(?:the )?rebels?$|rebel spokesman|opposition", re.I), "rebels"),
)
_SPEECH_VERBS = (
    r"said|stated|reported|claimed|announced|confirmed|documented|put the death toll at|"
    r"says|reports|claims"
)
_SPEECH = rf"(?:{_SPEECH_VERBS})"
_NAME = (
    r"(?:the )?(?:[A-Z][\w'’.-]*|pro-[\w-]+|state|local|military|army|rebels|opposition|activists)"
    r"(?:[ -](?:[A-Z][\w'’.-]*|of|for|and|the|al|el|ad|as|ash|media|news|defen[cs]e|ministry|"
    r"military|residents|activists|rebels|forces)){0,8}"
)
# A claimant named by what it is, after an article: "a war monitor", "a military source",
# "the local activists", "an opposition monitoring group", "Islamic State's Amaq agency".
_COMMON = (
    r"(?:\b(?:[Aa]n?|[Tt]he) |(?<=[a-z]'s ))(?:[\w-]+ ){0,2}?"
    r"(?:monitor(?:ing group)?|sources?|officials?|spokes(?:man|woman|person)|activists?|"
    r"agency|observatory|commanders?|witness(?:es)?|residents|coalition|ministry)"
)
_ACCORDING = re.compile(rf"\b(?i:according to|per|citing) (?P<who>{_COMMON}|{_NAME})")
_SUBJECT_SAYS = re.compile(
    rf"(?P<who>{_COMMON}|{_NAME}) (?:(?:later|also|had|has|have) )?{_SPEECH}\b"
)
_SAYS_SUBJECT = re.compile(
    rf"\bsaid (?P<who>[A-Z][\w' ]+?), (?:a |the )?(?:spokesman|commander|official|spokesperson) "
    rf"(?:for|of|in) (?:the )?(?P<org>{_NAME})"
)


@dataclass(frozen=True)
class Claim:
    claimant: str
    start: int
    end: int


def canonical_claimant(name: str) -> str:
    name = name.strip().rstrip(",.")
    for pattern, canonical in _CANONICAL:
        if pattern.search(name):
            return canonical
    return re.sub(r"^(?:the|an?) ", "", name, flags=re.I)


_ANY_CLAIM = re.compile(rf"\b(?:{_SPEECH_VERBS}|according to|per|citing)\b", re.I)


def find_claims(text: str) -> list[Claim]:
    """Claimants in a sentence, in order, with the span of the attribution."""
    if not _ANY_CLAIM.search(text):  # most sentences attribute nothing: skip the name patterns
        return []
    claims = []
    for m in _SAYS_SUBJECT.finditer(text):
        claims.append(Claim(canonical_claimant(m.group("org")), m.start(), m.end()))
    for m in _ACCORDING.finditer(text):
        claims.append(Claim(canonical_claimant(m.group("who")), m.start(), m.end()))
    for m in _SUBJECT_SAYS.finditer(text):
        who = m.group("who")
        if who.lower() in {"it", "they", "he", "she", "this", "that", "which", "and"}:
            continue
        if re.match(r"(?:It|This) ", who) or who.lower().startswith(("on ", "in ")):
            continue
        claims.append(Claim(canonical_claimant(who), m.start(), m.end()))
    claims.sort(key=lambda c: c.start)
    return claims
