"""Reading an action's clause from the sentence's dependency parse (``syntax`` records).

Two questions, answered from the tree with the word lists of ``data/grammar.yaml``:
- is the action asserted as done? Not when it is negated ("did not capture", "no
  airstrikes"), modal ("could attack"), an intention ("threatened to shell"), disputed
  ("denied that ... bombed", "reports that ... were false"), short of it ("short of
  capturing"), an adjective ("the captured bases") or the circumstance of another act
  ("due to heavy shelling"); tried ("failed to capture") is an attack;
- who acts and who is acted on: the trigger's own subject, passive agent, object and
  obliques, the subject inherited along coordination and control ("tried to capture"),
  a subordinate clause's own subject ("after X overran the city"), never a speaker of
  "said" nor the means of the act ("with rockets"); a pronoun or a bare description
  ("it", "the group") refers back: to the speaker it reports for ("the army said it
  killed"), else to the camp the paragraph follows.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from badia.mentions.lexicon import packaged
from badia.model import Mention
from badia.syntax import Parse, Token

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# dependents whose own clause is another act: never a slot of this one
_OTHER_CLAUSE = ("relcl", "advcl", "ccomp", "parataxis", "acl")
# edges along which an action's status is read from its governor (a compound modifier takes
# its noun's: "denied that they had overrun army posts", where the tagger reads a noun)
_CLIMB = ("xcomp", "ccomp", "conj", "dobj", "acl", "pobj", "prep", "attr", "compound")
_WH = ("which", "who", "that", "whom")
_DEFINITE = ("the", "this", "these", "those")
# places in the tree only a noun (phrase) takes
_NOMINAL = ("pobj", "dobj", "nsubj", "nsubjpass", "compound", "appos", "attr", "poss")


@dataclass(frozen=True)
class Slots:
    initiator: tuple[str, ...]
    target: tuple[str, ...]


@dataclass(frozen=True)
class Grammar:
    intention: frozenset[str]
    attempt: frozenset[str]
    denial: frozenset[str]
    accusation: frozenset[str]
    purpose_nouns: frozenset[str]
    habit_marks: frozenset[str]
    hinder_verbs: frozenset[str]
    report_nouns: frozenset[str]
    false_words: frozenset[str]
    false_adverbs: frozenset[str]
    averted: frozenset[str]
    materiel: frozenset[str]
    no_ground: frozenset[str]
    kind_nouns: frozenset[str]
    flight: frozenset[str]
    prevented: frozenset[str]
    gave_up: frozenset[str]
    tries: frozenset[str]
    ongoing: frozenset[str]
    modal: frozenset[str]
    speech: frozenset[str]
    roles: dict[str, Slots]
    not_party_preps: frozenset[str]
    support_verbs: frozenset[str]
    leader_verbs: frozenset[str]
    force_nouns: frozenset[str]
    own_act_marks: frozenset[str]
    own_act_marks_news: frozenset[str]
    light_verbs: frozenset[str]
    people: frozenset[str]
    not_done_preps: frozenset[str]
    not_done_nouns: frozenset[str]
    negative_determiners: frozenset[str]
    circumstance_preps: frozenset[str]
    anaphors: frozenset[str]
    quantity_nouns: frozenset[str]
    idiom_heads: frozenset[str]
    undergo_verbs: frozenset[str]
    time_nouns: frozenset[str]
    course_preps: frozenset[str]
    under_verbs: frozenset[str]


@cache
def grammar() -> Grammar:
    """The packaged ``grammar.yaml``, compiled once (each word list under its field's name)."""
    data = packaged("grammar.yaml")
    roles = {
        lemma: Slots(tuple(s.get("initiator", [])), tuple(s.get("target", [])))
        for lemma, s in data["roles"].items()
    }
    lists = {
        f.name: frozenset(str(w).lower() for w in data[f.name])
        for f in fields(Grammar)
        if f.name != "roles"
    }
    return Grammar(roles=roles, **lists)


def counted(parse: Parse, noun: Token) -> list[Token]:
    """What a noun of quantity counts ("a number of tanks" -> tanks); [] for any other
    noun (``quantity_nouns`` in ``grammar.yaml``)."""
    if noun.lemma not in grammar().quantity_nouns:
        return []
    return [o for prep in parse.children(noun.i, "prep") if prep.lemma == "of"
            for o in parse.children(prep.i, "pobj")]


@dataclass(frozen=True)
class Roles:
    """What the tree says: ``initiator``/``target`` actors found in their slots;
    ``refers_back`` when the initiator slot holds a pronoun or bare description;
    ``antecedent``: for a pronoun subject, the actors it refers to within the sentence;
    ``agentless``: a passive that names no agent ("the town was taken")."""

    initiator: list[Mention]
    target: list[Mention]
    refers_back: bool
    antecedent: list[Mention]
    agentless: bool = False
    unnamed: bool = False  # a by-phrase that names no actor ("by an unidentified jet")


class SentenceGrammar:
    """The parse of one sentence, read for its actions (offsets: document offsets)."""

    def __init__(self, parse: Parse, news: bool = False) -> None:
        """``news``: the sentence is from a news story (its conventions differ, see
        ``own_act_marks_news`` in ``grammar.yaml``)."""
        self.parse = parse
        self.g = grammar()
        self.own_act_marks = self.g.own_act_marks | (self.g.own_act_marks_news if news else set())

    # ------------------------------------------------------------------ the action

    def action(self, start: int, end: int) -> Token | None:
        """The token heading a trigger span (the verb of "was overrun", "launched an attack")."""
        return self.parse.head_of_span(start, end)

    def status(self, tok: Token) -> str | None:
        """None when the action is asserted; else why not: ``negated``, ``modal``,
        ``intention``, ``disputed``; ``attempt`` when it was tried (an attack)."""
        p, g = self.parse, self.g
        if self._sentence_disputed(tok):
            return "disputed"
        if self._modifier(tok):
            return "modifier"  # "the two captured bases", "a clearing operation"
        if not self._verbal(tok):
            if any(d.lemma in g.negative_determiners for d in p.children(tok.i, "det")):
                return "negated"  # "no airstrikes", "had not been targeted by any airstrikes"
            prep = p.head(tok.i) if tok.dep == "pobj" else None
            if (
                prep is not None
                and self._names(prep, g.circumstance_preps)
                and not self._undergone(prep)
            ):
                return "circumstance"  # "retreated due to heavy shelling": no event of its own
            if self._hindrance(tok):
                return "circumstance"  # "the advance was slowed by mines": no event of its own
        if any(
            a.lemma in g.ongoing and a.i == tok.i - 1 for a in p.children(tok.i, "advmod")
        ):
            return "ongoing"  # "SAA was still besieging the city": a state told again
        if tok.lemma in g.gave_up and any(o.lemma in g.tries for o in p.children(tok.i, "dobj")):
            return "not done"  # "abandoned attempts to ...": no place was abandoned
        h, own = tok, True
        while True:
            if own:
                if p.children(h.i, "neg"):
                    return "negated"
                if any(a.lemma in g.modal for a in p.children(h.i, "aux")):
                    return "modal"
            gov = p.head(h.i)
            if gov is None:
                return None
            if any(m.lemma in g.habit_marks for m in p.children(h.i, "mark", "advmod")):
                return "habit"  # "whenever the YPG entered another village"
            if self._shares_modal(h, gov):
                return "modal"  # "they will surrender or fight", "taking it would cost"
            if h.dep == "pcomp" and self._short_of(gov):
                return "not done"  # "just short of capturing", "without taking", "instead of"
            if h.dep == "dobj" and h.lemma in g.tries and gov.lemma in g.gave_up:
                return "not done"  # "abandoned attempts to capture the airbase"
            if h.dep == "pcomp" and gov.lemma == "from" and self._kept_from(gov):
                return "not done"  # "cut off the army from advancing"
            if h.dep == "xcomp" and gov.lemma in g.intention:
                return "intention"
            if h.dep == "xcomp" and gov.lemma in g.attempt:
                return "attempt"
            if h.dep in ("ccomp", "dobj", "xcomp") and gov.lemma in g.denial:
                return "disputed"
            reported = h.dep in ("ccomp", "acl") and gov.lemma in g.report_nouns
            if reported and self._called_false(gov):
                return "disputed"
            if h.dep == "ccomp" and gov.lemma in g.speech and self._said_wrongly(gov):
                return "disputed"  # "it was incorrectly claimed they recaptured the town"
            if h.dep == "ccomp" and gov.lemma in g.speech and p.children(gov.i, "neg"):
                return "disputed"  # "the army did not confirm that ISIL had taken them"
            to_clause = any(a.tag == "TO" for a in p.children(h.i, "aux"))
            if h.dep == "advcl" and to_clause:
                return "purpose"  # "reinforcements were sent to help recapture the town"
            if h.dep == "acl" and to_clause and gov.lemma in g.purpose_nouns:
                return "purpose"  # "in order to deter attacks", "in an effort to retake"
            if h.dep == "pcomp" and gov.lemma == "of" and self._accused(gov):
                return "disputed"  # "accused the rebels of shelling the town": a charge
            if h.dep not in _CLIMB:
                return None
            own = h.dep == "xcomp"  # "did not try to capture": the try's negation is the act's
            h = gov

    def _modifier(self, tok: Token) -> bool:
        """A participle used as an adjective inside a noun phrase that opens with a
        determiner or a number ("the two captured bases", "a clearing operation"), with
        nothing but other modifiers between them (not "the Air Force barrel-bombed Qasr",
        a verb the tagger missed)."""
        p = self.parse
        if tok.dep == "compound" and tok.lemma in self.g.kind_nouns:
            noun = p.head(tok.i)  # "an SDF fighting position": a kind of position
            return noun is not None and noun.i > tok.i and noun.lemma not in self.g.kind_nouns
        gerund_noun = tok.tag == "NN" and tok.text.lower().endswith("ing")  # "a fighting position"
        if tok.dep not in ("amod", "compound") or not (
            tok.tag in ("VBN", "VBG", "JJ") or gerund_noun
        ):
            return False
        noun = p.head(tok.i)
        if noun is None or noun.i < tok.i or noun.dep == "ROOT":
            return False
        if self._counted_noun(noun):
            return True  # "the number of abducted civilians had risen to 900": a count
        opening = [c.i for c in p.children(noun.i, "det", "nummod", "poss") if c.i < tok.i]
        if not opening:
            return False
        between = p.tokens[min(opening) + 1 : tok.i]
        modifiers = ("det", "nummod", "amod", "advmod", "poss") + (
            ("compound",) if gerund_noun else ()  # "an SDF fighting position"
        )
        return all(
            (t.head == noun.i and t.dep in modifiers)
            or t.head == tok.i
            for t in between
        )

    def _first_conjunct(self, tok: Token) -> Token:
        """The head of a coordination ``tok`` is a later conjunct of ("mines" in "ditches,
        mines and explosives" -> "ditches"), whose place in the tree they all share."""
        while tok.dep == "conj":
            above = self.parse.head(tok.i)
            if above is None:
                break
            tok = above
        return tok

    def _counted_noun(self, noun: Token) -> bool:
        """``noun`` is what a noun of quantity counts ("the number of abducted civilians",
        "a total of 40 captured fighters"): its modifiers describe a count, not an act."""
        prep = self.parse.head(noun.i) if noun.dep == "pobj" else None
        if prep is None or prep.lemma != "of":
            return False
        counter = self.parse.head(prep.i)
        return counter is not None and noun in counted(self.parse, counter)

    def _shares_modal(self, h: Token, gov: Token) -> bool:
        """A modal auxiliary of ``gov`` governs ``h`` too: a bare verb coordinated with it
        ("either they will surrender or fight": no aux or subject of its own, not after
        'but'), or a clause that is its subject ("liberating the city would take months")."""
        p = self.parse
        if not any(a.lemma in self.g.modal for a in p.children(gov.i, "aux")):
            return False
        if h.dep == "csubj":
            return True
        return (
            h.dep == "conj"
            and h.tag == "VB"
            and not p.children(h.i, "aux", "auxpass", *_SUBJECTS)
            and not any(c.lemma == "but" for c in p.children(gov.i, "cc"))
        )

    def _accused(self, prep: Token) -> bool:
        """The 'of' of "accused X of ...": what follows is charged, not told (the parser
        hangs the 'of' on the verb or on its object)."""
        verb = self._verb_over(prep)
        return verb is not None and verb.lemma in self.g.accusation

    def _verb_over(self, prep: Token) -> Token | None:
        """The verb a preposition belongs to, where the parser hangs it on the verb's object
        or on an apposition of it ("prevent CJTF-OIR from bombing": 'from' under 'OIR')."""
        above = self.parse.head(prep.i)
        while above is not None and above.dep in ("dobj", "appos"):
            above = self.parse.head(above.i)
        return above

    def _hindrance(self, noun: Token) -> bool:
        """A bomb noun (``no_ground``: mines, explosives lying in wait), or a conjunct of
        one, that is the agent, cause or subject of a verb of hindrance: "slowed down by
        (due to) ditches, mines and explosives", "landmines hampered the push"
        (``hinder_verbs``; a cause of deaths, "died due to mines", stays an event)."""
        p = self.parse
        if noun.lemma not in self.g.no_ground:
            return False  # "reinforcements stalled the advance": they did arrive
        noun = self._first_conjunct(noun)
        if noun.dep == "pobj":
            prep = p.head(noun.i)
            if prep is None or not (
                prep.lemma == "by" or self._names(prep, self.g.circumstance_preps)
            ):
                return False
            verb = p.head(prep.i)
            while verb is not None and verb.dep in ("pcomp", "prep") and verb.pos != "VERB":
                verb = p.head(verb.i)  # "slowed down due to mines": 'to' under 'due'
        elif noun.dep == "nsubj":
            verb = p.head(noun.i)
            if verb is not None and self._hinders_through(verb):
                return True  # "landmines played a role in slowing down the offensive"
        else:
            return False
        return verb is not None and verb.lemma in self.g.hinder_verbs

    def _hinders_through(self, verb: Token, depth: int = 3) -> bool:
        """A verb of hindrance reached from ``verb`` along its complements ("played a role
        in slowing", "helped to delay", "contributed to stalling")."""
        if depth == 0:
            return False
        for c in self.parse.children(verb.i, "prep", "pcomp", "xcomp", "dobj", "pobj"):
            if c.lemma in self.g.hinder_verbs and c.pos == "VERB":
                return True
            if self._hinders_through(c, depth - 1):
                return True
        return False

    def _undergone(self, prep: Token) -> bool:
        """ "the town came under heavy shelling": the act is what the subject undergoes, the
        event itself, not the circumstance of another act."""
        verb = self.parse.head(prep.i)
        return prep.lemma == "under" and verb is not None and verb.lemma in self.g.under_verbs

    def _short_of(self, prep: Token) -> bool:
        """A preposition whose clause did not happen: "without", "short of", "instead of";
        or the 'of'/'from'/'for' of a noun of what is feared or wished ("in danger from being
        killed", "support for the army regaining control")."""
        if self._names(prep, self.g.not_done_preps):
            return True
        above = self.parse.head(prep.i)
        return (
            prep.lemma in ("of", "from", "for")
            and above is not None
            and above.lemma in self.g.not_done_nouns
        )

    def _kept_from(self, prep: Token) -> bool:
        """The 'from' of "prevented X from entering", "cut off X from advancing" (the
        parser hangs the 'from' on the verb or on its object)."""
        verb = self._verb_over(prep)
        return verb is not None and verb.lemma in self.g.prevented

    def _names(self, prep: Token, words: frozenset[str]) -> bool:
        """``prep`` is one of ``words``, or the 'of'/'to' of one ("short of", "due to")."""
        if prep.lemma in words:
            return True
        above = self.parse.head(prep.i)
        return prep.lemma in ("of", "to") and above is not None and above.lemma in words

    def _called_false(self, noun: Token) -> bool:
        """ "Reports that ... were false": the noun is the subject of a false predicate;
        "baseless reports that ...", "unfounded claims that ...": a false word modifies it."""
        if any(a.lemma in self.g.false_words for a in self.parse.children(noun.i, "amod")):
            return True
        if noun.dep not in _SUBJECTS:
            return False
        pred = self.parse.head(noun.i)
        if pred is None:
            return False
        if pred.lemma in self.g.false_words:
            return True
        return any(
            c.lemma in self.g.false_words for c in self.parse.children(pred.i, "acomp", "attr")
        )

    def _said_wrongly(self, verb: Token) -> bool:
        """ "incorrectly claimed", "falsely reported": the speech verb calls its report wrong."""
        return any(a.lemma in self.g.false_adverbs for a in self.parse.children(verb.i, "advmod"))

    def averted(self, tok: Token) -> bool:
        """ "the army destroyed a car bomb", "an IED was defused": the bomb never went off."""
        while tok.dep in ("conj", "nmod", "compound", "pobj"):
            # "remove the mines and booby traps", "demining most of the explosives"
            above = self.parse.head(tok.i)
            if above is None or (tok.dep == "pobj" and above.lemma != "of"):
                return False
            tok = self.parse.head(above.i) if tok.dep == "pobj" else above
            if tok is None:
                return False
        if tok.dep not in ("dobj", "nsubjpass"):
            return False
        verb = self.parse.head(tok.i)
        return verb is not None and verb.lemma in self.g.averted

    def _rid_of(self, theme: Token) -> bool:
        """ "the town of ISIL explosives": the place is rid of what 'of' names."""
        return any(
            o.lemma in self.g.no_ground and o.tag != "NNP"
            for prep in self.parse.children(theme.i, "prep")
            if prep.lemma == "of"
            for o in self.parse.children(prep.i, "pobj")
        )

    def in_flight(self, tok: Token) -> bool:
        """ "soldiers, fleeing from the captured base, reached X": the subject is in flight."""
        subject = self._subject(tok)
        return subject is not None and any(
            c.lemma in self.g.flight for c in self.parse.children(subject.i, "acl", "amod")
        )

    def _sentence_disputed(self, tok: Token) -> bool:
        """ "X claimed it captured Y, which the army denied": a denial relative clause
        disputes what the sentence tells outside it."""
        p = self.parse
        for t in p.tokens:
            if t.lemma in self.g.denial and t.dep == "relcl" and any(
                c.lemma in _WH for c in p.children(t.i)
            ):
                lo, hi = p.subtree(t.i)
                if not (lo <= tok.start < hi):
                    return True
        return False

    def takes_no_ground(self, tok: Token) -> bool:
        """ "50 soldiers were captured", "seized 20 fighters", "weapons seized during the
        battle", "with the pilot captured": what is taken is people or materiel (every
        conjunct of the object is such a noun), so no ground changes hands."""
        p = self.parse
        for prep in p.children(tok.i, "prep"):  # "cleared of the bombs": demining
            if prep.lemma == "of" and any(
                o.lemma in self.g.no_ground for o in p.children(prep.i, "pobj")
            ):
                return True
        themes = [t for t in p.children(tok.i, "nsubjpass", "dobj") if t.lemma not in _WH]
        if tok.lemma in self.g.averted and any(self._rid_of(t) for t in themes):
            return True  # "clear the town of ISIL explosives": demining
        if not themes and tok.dep == "advcl":
            # "with the pilot captured": an absolute clause's own subject is what is taken
            themes = [s for s in p.children(tok.i, "nsubj") if s.lemma not in _WH]
        if not themes and tok.dep in ("relcl", "acl"):
            above = p.head(tok.i)  # "the hostages that they had captured", "weapons seized"
            themes = [above] if above is not None else []
        if not themes:
            return False
        taken = []
        for theme in themes:
            for t in [theme, *p.children(theme.i, "conj")]:
                taken += counted(p, t) or [t]
        spoils = self.g.people | self.g.materiel | self.g.no_ground
        return all(
            t.lemma in spoils or t.text.lower() in spoils or self._named_person(t) for t in taken
        )

    def _named_person(self, name: Token) -> bool:
        """A proper name titled by a common noun of ``people`` ("rebel leader Tomas Belkin")
        or in apposition with one ("Dorn Kessel, a militia commander"): a person, not a
        place (a capitalised title, "General Hospital", names a place)."""
        if name.tag not in ("NNP", "NNPS"):
            return False
        titles = self.parse.children(name.i, "compound", "appos")
        return any(t.tag in ("NN", "NNS") and t.lemma in self.g.people for t in titles)

    def has_own_subject(self, tok: Token, actors: list[Mention]) -> bool:
        """A subordinate clause with an actor of its own as subject ("after government
        troops withdrew from the city") tells an act of its own."""
        if tok.dep != "advcl" or not any(
            m.lemma in self.own_act_marks for m in self.parse.children(tok.i, "mark")
        ):
            return False
        return any(self._actors_in(s.i, actors) for s in self.parse.children(tok.i, *_SUBJECTS))

    # ------------------------------------------------------------------ the roles

    def roles(self, tok: Token, actors: list[Mention]) -> Roles | None:
        """The roles the tree gives the action headed by ``tok``; None when the head is a
        light verb of an idiom ("came under attack"): the trigger lexicon knows better."""
        if tok.lemma in self.g.idiom_heads:
            return None
        verbal = self._verbal(tok)
        slots = self.g.roles.get(tok.lemma) or self.g.roles["default" if verbal else "noun"]
        initiator = self._fill(tok, slots.initiator, actors)
        refers_back = False
        antecedent: list[Mention] = []
        if not initiator and verbal and "nsubj" in slots.initiator:
            subject = self._subject(tok)
            if subject is not None:
                initiator = self._actors_in(subject.i, actors)
                kind = None if initiator else self._anaphor(subject)
                refers_back = kind is not None
                if kind == "pronoun":
                    antecedent = self._antecedent(tok, actors)
        if not initiator and not verbal:
            initiator = self._in_the_course_of(tok, actors)
        # the verb a noun trigger serves: "ISIL launched an attack", "car bombs were used by
        # ISIL", "a car bomb was detonated" (no agent: the camp followed)
        clause = tok if verbal else self._serving_verb(tok)
        # (also when the noun's own modifier is only a common noun of a camp: in "al-Nusra
        # led a jihadist assault" the name, not the adjective, says whose it is)
        generic = bool(initiator) and all(a.value == 1 for a in initiator)
        if (not initiator or generic) and clause is not tok and clause is not None:
            if tok.dep == "dobj":
                subject = self._subject(clause)
                named = self._actors_in(subject.i, actors) if subject is not None else []
            else:
                named = self._fill(clause, ("agent",), actors)
            if named and not (generic and all(a.value == 1 for a in named)):
                initiator = named
        target = [a for a in self._fill(tok, slots.target, actors) if a not in initiator]
        p = self.parse
        course = None if verbal or initiator or clause is not None else self._course_verb(tok)
        patients = self._passive_subjects(course) if course is not None else []
        if patients:
            # "120 militants were found and killed during a clearing operation": the
            # operation's unnamed agent acts on the passive subject (the camp the paragraph
            # follows, unless it is theirs)
            clause = course
            target = target or [a for s in patients for a in self._actors_in(s.i, actors)]
        agentless = (
            clause is not None
            and not initiator
            and bool(p.children(clause.i, "nsubjpass", "auxpass") or patients)
            and not self._agents(clause)
        )
        agent_acts = clause is not tok or "agent" in slots.initiator  # not "repelled by X"
        unnamed = not initiator and agent_acts and self._unnamed_agent(clause)
        return Roles(initiator, target, refers_back, antecedent, agentless, unnamed)

    def _in_the_course_of(self, noun: Token, actors: list[Mention]) -> list[Mention]:
        """The actors of an act done in the course of the action noun ("the army advanced 30
        km during an offensive"): the subject of the verb the 'during' phrase hangs from,
        unless that verb is undergone ("soldiers died during an offensive")."""
        verb = self._course_verb(noun)
        if verb is None or verb.lemma in self.g.undergo_verbs:
            return []
        subject = self._subject(verb)
        return self._actors_in(subject.i, actors) if subject is not None else []

    def _passive_subjects(self, verb: Token) -> list[Token]:
        """The passive subjects of ``verb``, inherited along coordination ("were found and
        killed"); [] for an active verb."""
        p = self.parse
        while True:
            own = p.children(verb.i, "nsubjpass")
            above = p.head(verb.i)
            if own or verb.dep != "conj" or above is None or p.children(verb.i, "nsubj"):
                return own
            verb = above

    def _course_verb(self, noun: Token) -> Token | None:
        """The verb a 'during'/'amid' phrase of the action noun hangs from, else None."""
        p = self.parse
        prep = p.head(noun.i) if noun.dep == "pobj" else None
        if prep is None or prep.dep != "prep" or prep.lemma not in self.g.course_preps:
            return None
        verb = p.head(prep.i)
        return verb if verb is not None and verb.pos == "VERB" else None

    def _serving_verb(self, noun: Token) -> Token | None:
        """The verb whose object is a light verb's ("launched an attack") or whose passive
        subject the noun is ("were used by ISIL", "was detonated"); None otherwise."""
        verb = self.parse.head(noun.i)
        if verb is None:
            return None
        if noun.dep == "dobj" and verb.lemma in self.g.light_verbs:
            return verb
        if noun.dep == "nsubjpass":
            return verb
        return None

    def _unnamed_agent(self, verb: Token | None) -> bool:
        """ "bombed by an unidentified jet": the by-phrase is there and names no actor."""
        if verb is None:
            return False
        return any(self.parse.children(a.i, "pobj") for a in self._agents(verb))

    def _agents(self, verb: Token) -> list[Token]:
        """The verb's by-phrases that name an agent: not a time ("was captured by the next
        day", "by the end of May", "by 5 April"), which the parser also labels 'agent'."""
        return [
            a
            for a in self.parse.children(verb.i, "agent")
            if not any(self._is_time(o) for o in self.parse.children(a.i, "pobj"))
        ]

    def _is_time(self, tok: Token) -> bool:
        """A noun of time: a word of the list ("day", "dawn", "May") or a bare number."""
        return tok.lemma in self.g.time_nouns or tok.pos == "NUM"

    def _verbal(self, tok: Token) -> bool:
        """A verb by its dependents, or by its tag where it does not stand in a noun's
        place ("killed by US-led coalition airstrikes": a noun, whatever the tagger said)."""
        p = self.parse
        if p.children(tok.i, *_SUBJECTS, "agent", "dobj", "aux", "auxpass"):
            return True
        return tok.pos in ("VERB", "AUX") and tok.dep not in _NOMINAL

    def speakers(self, actors: list[Mention]) -> list[Mention]:
        """Actors that are subjects of a speech verb ("a military source said"): sources."""
        out: list[Mention] = []
        for t in self.parse.tokens:
            if t.lemma in self.g.speech:
                for s in self.parse.children(t.i, "nsubj"):
                    out += self._actors_in(s.i, actors)
        return out

    def undergoers(self, actors: list[Mention]) -> list[Mention]:
        """Actors that are subjects of a verb their subject undergoes ("the ISIL defenders
        surrendered or fled", "soldiers died"): the losing side of the sentence's act."""
        out: list[Mention] = []
        for t in self.parse.tokens:
            if t.lemma in self.g.undergo_verbs and t.pos == "VERB":
                subject = self._subject(t)
                if subject is not None:
                    out += [a for a in self._actors_in(subject.i, actors) if a not in out]
        return out

    def means(self, actors: list[Mention]) -> list[Mention]:
        """Actors inside 'with'/'using'/'alongside' phrases: the means or company of an act."""
        out: list[Mention] = []
        for t in self.parse.tokens:
            if self._is_means(t, actors):
                lo, hi = self.parse.subtree(t.i)
                out += [a for a in actors if lo <= a.start and a.end <= hi]
        return out

    def _is_means(self, t: Token, actors: list[Mention]) -> bool:
        """ "with Russian-made rockets", "backed by Russian air support": a phrase of means or
        company; "clashed with ISIL fighters" names a party (an actor heads its object),
        and so does "led by X" (the commander of the subject)."""
        p = self.parse
        if t.dep == "acl":
            return t.lemma in self.g.support_verbs
        if t.dep != "prep" or t.lemma not in self.g.not_party_preps:
            return False
        heads = p.children(t.i, "pobj")
        return not any(
            h.lemma in self.g.force_nouns
            or any(a.start <= h.start and h.end <= a.end for a in actors)
            for h in heads
        )

    def _subject(self, tok: Token) -> Token | None:
        """The subject of ``tok``'s clause, inherited along coordination ("attacked and
        captured"), control ("tried to capture", "forced X to withdraw"), participles
        ("..., capturing X") and relative clauses ("ISIL, which captured")."""
        p = self.parse
        seen: set[int] = set()
        h: Token | None = tok
        while h is not None and h.i not in seen:
            seen.add(h.i)
            if p.children(h.i, "nsubjpass", "auxpass"):
                return None  # passive: the subject is acted on; the agent acts
            own = p.children(h.i, "nsubj", "csubj")
            if own:
                s = own[0]
                if s.lemma in _WH and h.dep == "relcl":
                    return p.head(h.i)
                return s
            gov = p.head(h.i)
            if gov is None:
                return None
            if h.dep == "pcomp" and gov.dep == "prep":
                h = gov  # "launched a counterattack after shelling X": the launcher shelled
                continue
            if h.dep == "xcomp":
                objects = p.children(gov.i, "dobj")
                if objects:
                    return objects[0]  # object control: "forced the rebels to withdraw"
            elif h.dep == "relcl":
                return gov
            elif h.dep == "advcl" and not (h.tag == "VBG" or not p.children(h.i, "mark")):
                return None  # "after X overran": a finite clause without a subject: unknown
            elif h.dep not in ("conj", "advcl", "xcomp", "prep"):
                return None
            h = gov
        return None

    def _antecedent(self, tok: Token, actors: list[Mention]) -> list[Mention]:
        """A pronoun subject's antecedent within the sentence: the subject of the nearest
        clause above its own ("the army said it killed 40"; "the Army reached the border
        after a battle, during which they seized two villages")."""
        p = self.parse
        for above in p.ancestors(tok.i):
            for s in p.children(above.i, "nsubj"):
                found = self._actors_in(s.i, actors)
                if found:
                    return found
        return []

    def _anaphor(self, subject: Token) -> str | None:
        """ "it", "they": a ``pronoun``; "the group", "the militants" (a definite noun of the
        list with no name or modifier of its own): a ``description``; else None."""
        if subject.lemma not in self.g.anaphors and subject.text.lower() not in self.g.anaphors:
            return None
        if subject.pos == "PRON":
            return "pronoun"
        kids = self.parse.children(subject.i)
        definite = any(k.dep == "det" and k.lemma in _DEFINITE for k in kids)
        named = any(k.dep in ("compound", "amod", "poss", "nmod") for k in kids)
        return "description" if definite and not named else None

    def clause_starts(self, actors: list[Mention]) -> list[int]:
        """Where a clause with an actor of its own as subject begins inside the sentence
        ("..., after ISIL fighters stormed the town"): triggers on either side do not compete."""
        p = self.parse
        out = []
        for t in p.tokens:
            if t.dep in ("advcl", "conj", "ccomp") and any(
                self._actors_in(s.i, actors) for s in p.children(t.i, *_SUBJECTS)
            ):
                out.append(p.subtree(t.i)[0])
        return out

    def _fill(self, tok: Token, slots: tuple[str, ...], actors: list[Mention]) -> list[Mention]:
        """Actors of the first slot that holds any."""
        p = self.parse
        for slot in slots:
            found: list[Mention] = []
            if slot.startswith("prep:"):
                word = slot[5:]
                for prep in p.children(tok.i, "prep", "agent"):
                    if prep.lemma == word:
                        for obj in p.children(prep.i, "pobj", "pcomp"):
                            found += self._actors_in(obj.i, actors)
            elif slot == "subject":  # the clause's subject, inherited ("died while defending")
                subject = self._subject(tok)
                found = self._actors_in(subject.i, actors) if subject is not None else []
            elif slot == "phrase":
                found = self._actors_in(self._phrase_head(tok).i, actors)
                prep = p.head(tok.i) if tok.dep == "pobj" else None
                verb = p.head(prep.i) if prep is not None and prep.lemma == "as" else None
                subject = self._subject(verb) if verb is not None else None
                if not found and subject is not None:
                    # "300 Kurdish fighters reached the town as reinforcements"
                    found = self._actors_in(subject.i, actors)
            elif slot == "agent":
                for agent in p.children(tok.i, "agent"):
                    for obj in p.children(agent.i, "pobj"):
                        found += self._actors_in(obj.i, actors)
            else:
                for child in p.children(tok.i, slot):
                    found += self._actors_in(child.i, actors, whole=slot in ("compound", "amod"))
            if found:
                return found
        return []

    def _phrase_head(self, noun: Token) -> Token:
        """The noun whose "of" complement ``noun`` is, climbing ("a convoy of reinforcements"
        -> convoy); ``noun`` itself when it is no such complement."""
        p = self.parse
        while noun.dep == "pobj":
            prep = p.head(noun.i)
            above = p.head(prep.i) if prep is not None and prep.lemma == "of" else None
            if above is None or above.pos not in ("NOUN", "PROPN"):
                break
            noun = above
        return noun

    def _actors_in(self, i: int, actors: list[Mention], whole: bool = False) -> list[Mention]:
        """Actors within token ``i``'s phrase, leaving out clauses and phrases of means
        hanging from it; ``whole``: an actor the token is part of ("ISIL" of "an ISIL attack")."""
        p = self.parse
        lo, hi = p.subtree(i)
        t = p.tokens[i]
        if whole:
            return [a for a in actors if a.start <= t.start and t.end <= a.end]
        cut = []
        stack = [i]
        while stack:
            k = stack.pop()
            for c in p.children(k):
                led = c.dep == "acl" and c.lemma in self.g.leader_verbs  # "X led by Y"
                if (c.dep in _OTHER_CLAUSE and not led) or self._is_means(c, actors):
                    cut.append(p.subtree(c.i))
                else:
                    stack.append(c.i)
        return [
            a
            for a in actors
            if lo <= a.start and a.end <= hi and not any(s <= a.start < e for s, e in cut)
        ]
