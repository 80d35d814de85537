"""The event type once the clause is read: words whose act depends on its object or parties.

The trigger lexicon types an act from its words alone. Some words name different acts
depending on what they act on ("executed five captives" is `other`, "executed five
civilians" `civilian_violence`; "seized the town" a capture, "seized weaponry" `other`),
on whom ("militants killed five citizens": violence against civilians, not a battle) or on
who acts ("rebels bombed the district": fire from the ground, not an air strike). The
rules are data (``data/type_rules.yaml``, GUIDELINES sections 1 and 1b "Types").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from badia.events.grammar import counted
from badia.mentions.lexicon import packaged
from badia.model import Mention
from badia.syntax import Parse, Token

# nouns that only count what follows "of" ("a number of captives", "a cache of weapons"
# keeps "cache": it is materiel itself)
_WH = frozenset({"which", "who", "that", "whom"})


@dataclass(frozen=True)
class _ObjectRule:
    triggers: frozenset[str]
    objects: frozenset[str]
    type: str
    from_type: str | None = None  # only a trigger of this type is refined
    alone: bool = False  # only when no other battle act is told in the sentence


@dataclass(frozen=True)
class _Rules:
    by_object: tuple[_ObjectRule, ...]
    civilian_from: str
    civilian_triggers: frozenset[str]
    civilian_type: str
    bomb_triggers: frozenset[str]
    ground_sides: frozenset[str]
    bomb_verb_type: str
    bomb_noun_type: str
    means_from: frozenset[str]
    means_nouns: frozenset[str]
    means: dict[str, str]


def _words(items) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items)


@cache
def rules() -> _Rules:
    """The packaged ``type_rules.yaml``, compiled once."""
    data = packaged("type_rules.yaml")
    civ, bomb, means = data["civilian_targets"], data["ground_bombing"], data["by_means"]
    return _Rules(
        by_object=tuple(
            _ObjectRule(
                _words(r["triggers"]),
                _words(r["objects"]),
                r["type"],
                r.get("from_type"),
                bool(r.get("alone")),
            )
            for r in data["by_object"]
        ),
        civilian_from=civ["from_type"],
        civilian_triggers=_words(civ["triggers"]),
        civilian_type=civ["type"],
        bomb_triggers=_words(bomb["triggers"]),
        ground_sides=_words(bomb["sides"]),
        bomb_verb_type=bomb["verb_type"],
        bomb_noun_type=bomb["noun_type"],
        means_from=_words(means["from_types"]),
        means_nouns=_words(means["nouns"]),
        means={str(k).lower(): v for k, v in means["means"].items()},
    )


def by_object(parse: Parse, head: Token, event_type: str, battle_told: bool = False) -> str:
    """The type the trigger ``head``'s object gives (every conjunct of it one of a rule's
    nouns), else ``event_type``: "ISIS was shown executing a number of captives" -> other.
    ``battle_told``: the sentence tells another battle act (a rule marked ``alone`` waits)."""
    by_weapon = _by_means(parse, head, event_type)
    if by_weapon is not None:
        return by_weapon
    themes = _themes(parse, head)
    if not themes or any(_general(parse, t) for t in themes):
        return event_type
    lemmas = {t.lemma for t in themes}
    for rule in rules().by_object:
        if (
            head.lemma in rule.triggers
            and lemmas <= rule.objects
            and rule.from_type in (None, event_type)
            and not (rule.alone and battle_told)
        ):
            return rule.type
    return event_type


def _by_means(parse: Parse, head: Token, event_type: str) -> str | None:
    """ "launched an artillery attack", "a drone attack": the weapon modifying the action
    noun (the trigger itself, or a light verb's object) names the means; None if none does."""
    r = rules()
    if event_type not in r.means_from:
        return None
    nouns = [head] if head.lemma in r.means_nouns else []
    nouns += [t for t in parse.children(head.i, "dobj") if t.lemma in r.means_nouns]
    for noun in nouns:
        for mod in parse.children(noun.i, "compound", "amod", "nmod"):
            if mod.lemma in r.means:
                return r.means[mod.lemma]
    return None


def _general(parse: Parse, noun: Token) -> bool:
    """ "All civilians were killed by IS": a statement about a whole class, not an act."""
    return any(d.lemma in ("all", "every", "each") for d in parse.children(noun.i, "det", "predet"))


def _themes(parse: Parse, head: Token) -> list[Token]:
    """What the action is done to: its object or passive subject with their conjuncts, or
    the noun a relative clause of it modifies ("the captives that they executed"); a noun
    of quantity gives way to what it counts ("a number of captives")."""
    found = [t for t in parse.children(head.i, "dobj", "nsubjpass") if t.lemma not in _WH]
    if not found:
        # "executing by shooting in the head a dozen captives": the object of the means
        for prep in parse.children(head.i, "prep"):
            for verb in parse.children(prep.i, "pcomp"):
                found += parse.children(verb.i, "dobj")
    if not found and head.dep == "relcl":
        above = parse.head(head.i)
        found = [above] if above is not None else []
    out: list[Token] = []
    for theme in found:
        for t in [theme, *parse.children(theme.i, "conj")]:
            out.extend(counted(parse, t) or [t])
    return out


def by_parties(
    event_type: str,
    lemma: str,
    verbal: bool,
    actor1: list[Mention],
    actor2: list[Mention],
    parsed: bool = False,
) -> str:
    """The type the clause's parties give: "bomb" done by a camp without aircraft is
    shelling (a verb) or a bombing (a noun); without a parse (``parsed`` False), an attack
    on civilians only is violence against civilians (with one, ``by_object`` reads the
    object itself). ``lemma``: the trigger's lemma (or its first word without a parse)."""
    r = rules()
    if (
        not parsed
        and event_type == r.civilian_from
        and actor2
        and all(a.side == "civilians" for a in actor2)
        and _is_one_of(lemma, r.civilian_triggers)
    ):
        return r.civilian_type
    side1 = actor1[0].side if actor1 else None
    if _is_one_of(lemma, r.bomb_triggers) and side1 in r.ground_sides:
        return r.bomb_verb_type if verbal else r.bomb_noun_type
    return event_type


def _is_one_of(lemma: str, lemmas: frozenset[str]) -> bool:
    """A lemma of the list; a trigger's first word read without a parse ("killed") counts
    when it starts with one ("kill")."""
    return lemma in lemmas or any(lemma.startswith(w) for w in lemmas if len(w) > 3)
