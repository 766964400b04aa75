"""Who did it to whom in the parse: the subject (or passive agent) and the target of an
incident's trigger verb, with the fallbacks a news sentence needs (a coordinated verb's subject,
a clause hung on the noun before it, "engaged in an offensive"), and whether a token is a doer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventlens.stages.arguments.lexicon import (
    _COLLECTIVE_HEADS,
    _GENERIC_ARMED,
    _MORE_CROWDS,
    ATTACK_PREPS,
    CROWD_NOUNS,
    PERSON_NOUNS,
)
from eventlens.stages.arguments.spans import _ent_of
from eventlens.stages.cues_syntax import subject_before

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["find_agent_and_patient"]


def _acts(tok: Token) -> bool:
    """Is the token a doer: a subject, or the agent of a passive ("by gunmen")?"""
    if tok.dep_ == "nsubj" or tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return True
    if tok.dep_ in ("conj", "compound", "appos"):
        return _acts(tok.head)  # "Taliban members", "X and Y", "the group, Z,"
    # "members of Barrio 18 shot ...": the group named in the doers' phrase
    return (
        tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head is not tok and _acts(tok.head.head)
    )


#: Objects of attack verbs that are part of the verb phrase, not its target ("opened fire").
_NOT_TARGET = frozenset(
    "fire fires shots gunfire shot attack attacks attention responsibility control".split()
)


#: Things that "kill" or "attack" in news prose without being actors.
_INANIMATE = frozenset(
    """explosions blasts bombs devices fires attacks strikes shells rockets missiles mines ieds vehicles cars trucks
    incidents clashes floods storms accidents crashes shots bullets rounds airstrikes raids operations weapons guns
    grenades drones projectiles reports sources fighting violence conflict war insecurity unrest""".split()
)


def _a_thing(tok: Token) -> bool:
    """Is the noun a weapon or an event rather than who acted ("killed by a buried bomb", "hit
    by a stray shell")?"""
    ent = _ent_of(tok)
    if ent is not None and ent.label_ == "WEAPON":
        return True
    word = tok.lower_
    return word in _INANIMATE or f"{word}s" in _INANIMATE or f"{tok.lemma_.lower()}s" in _INANIMATE


def _is_person_like(tok: Token) -> bool:
    ent = _ent_of(tok)
    if ent is not None and ent.label_ in ("PERSON", "NORP", "ORG", "ARMED_GROUP", "SECURITY_FORCE"):
        return True
    if tok.lower_ in _COLLECTIVE_HEADS and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "a section of students", "a group of youths"
    if tok.lower_ in CROWD_NOUNS or tok.lower_ in _MORE_CROWDS or tok.lower_ in ("cadres", "cadre"):
        return True
    if tok.tag_ == "NNS" and tok.lower_ not in _INANIMATE and ent is None and not tok.ent_type_:
        # plural nouns acting as subjects of violence are people ("merchants", "teachers")
        return True
    return (
        tok.lower_ in PERSON_NOUNS
        or tok.lower_ in _GENERIC_ARMED
        or tok.pos_ == "PRON"
        and tok.lower_ in ("they", "he", "she")
    )


def find_agent_and_patient(
    sents: Sequence[SpacySpan], trigger_tokens: Sequence[Token]
) -> tuple[Token | None, Token | None]:
    """Subject (or passive agent) and target of the first trigger verb that has them.

    The target is a direct object that is not the weapon ("fired rockets"), or the object of an
    attack preposition ("at the embassy"); dates and times are never targets ("on Saturday").
    """
    agent = patient = None
    for t in trigger_tokens:
        verb = t if t.pos_ in ("VERB", "AUX") else (t.head if t.head.pos_ == "VERB" else _taking_part(t))
        if verb is not t and verb is not None and verb.lemma_.lower() in _REACTIONS:
            # "the bombing of the hospital by military aircraft was condemned by charities": the
            # event noun's own "by" names the doer, never whoever reacted to it
            # (and its "of" the target: "the killing of four traders")
            agent = agent or _prep_object(t, "by")
            patient = patient or _prep_object(t, "of")
            continue
        if verb is None:
            continue
        prep_objs: list[tuple[int, Token]] = []
        own_subject = False
        for c in verb.children:
            if c.dep_ == "nsubj" and (agent is None or own_subject and c.i > agent.i) and _is_person_like(c):
                # of two subjects the parser gave one verb ("in Alpuyeca, Morelos, residents
                # captured ..."), the one next to the verb is the subject; the other is a place
                agent = c
                own_subject = True
            elif c.dep_ == "agent" and agent is None:
                for g in c.children:
                    if g.dep_ == "pobj" and not _a_thing(g):  # "killed by a buried bomb": the weapon
                        agent = g
            elif c.dep_ in ("dobj", "nsubjpass") and patient is None and c.lower_ not in _NOT_TARGET:
                ent = _ent_of(c)
                if ent is None or ent.label_ not in ("WEAPON", "DATE", "TIME", "CARDINAL"):
                    patient = c
            if c.dep_ == "dobj":
                for cc in c.children:
                    if cc.dep_ == "prep" and cc.lower_ in ATTACK_PREPS:
                        for g in cc.children:
                            if g.dep_ == "pobj":
                                prep_objs.append((0, g))
            if c.dep_ == "prep" and c.lower_ == "in":
                # "opened fire in the direction of the positions of ..."
                for g in c.children:
                    if g.dep_ == "pobj" and g.lower_ == "direction":
                        prep_objs += [
                            (0, o)
                            for of in g.children
                            if of.dep_ == "prep" and of.lower_ == "of"
                            for o in of.children
                            if o.dep_ == "pobj"
                        ]
            if c.dep_ == "prep" and c.lower_ in ATTACK_PREPS:
                for g in c.children:
                    ent = _ent_of(g)
                    if g.dep_ == "pobj" and (
                        ent is None or ent.label_ not in ("DATE", "TIME", "CARDINAL", "WEAPON")
                    ):
                        prep_objs.append((0 if c.lower_ != "on" else 1, g))
        if patient is None and prep_objs:
            patient = sorted(prep_objs, key=lambda p: (p[0], p[1].i))[0][1]
        if patient is None:
            # "attacked and beat civilians": the object may belong to a coordinated verb
            for v in verb.conjuncts:
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.lower_ not in _NOT_TARGET), None)
                if obj is not None and (
                    _ent_of(obj) is None or _ent_of(obj).label_ not in ("WEAPON", "DATE", "TIME", "CARDINAL")
                ):
                    patient = obj
                    break
        if agent is None:
            agent = _agent_elsewhere(verb)
        if agent is not None and patient is not None:
            break
    return agent, patient


def _prep_object(t: Token, prep: str) -> Token | None:
    """The object of ``t``'s preposition ``prep`` ("by military aircraft", "of four traders")."""
    return next(
        (
            g
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == prep
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )


#: Verbs of reacting to or reporting an event named by a noun ("the attack was condemned").
_REACTIONS = frozenset(
    """condemn confirm announce blame denounce deplore criticise criticize report welcome describe
    decry investigate acknowledge attribute""".split()
)

#: Verbs whose subject does what the noun after their preposition names ("engaged in an offensive").
_TAKE_PART = frozenset("engage participate partake".split())


def _taking_part(t: Token) -> Token | None:
    """The verb of "Russian forces engaged in an offensive ..., but were repulsed by ...": the
    doer of the event noun is that verb's subject (not the agent of a later verb)."""
    prep = t.head
    if (
        t.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_ in _TAKE_PART
    ):
        return prep.head
    return None


def _agent_elsewhere(verb: Token) -> Token | None:
    """The agent of a trigger verb without a subject of its own: the subject of the verb it is
    coordinated with, the noun its clause hangs on, the noun phrase before it, or a passive agent
    on a conjunct."""
    agent = None
    if verb.dep_ == "conj":
        # "residents captured a man and beat him": the coordinated verb shares the subject
        # (the subject next to the head verb, as above)
        agent = max(
            (c for c in verb.head.children if c.dep_ == "nsubj" and _is_person_like(c)),
            key=lambda c: c.i,
            default=None,
        )
    if agent is None:
        # "a crowd of residents set upon two suspects and burned them": a past-tense verb the
        # parser hung on the noun before it as a clause is that noun's act
        clause = (
            verb
            if verb.dep_ == "acl"
            else verb.head
            if verb.dep_ == "conj" and verb.head.dep_ == "acl"
            else None
        )
        active = clause is not None and (
            clause.tag_ == "VBD"
            or any(c.dep_ == "dobj" for v in (clause, verb, *clause.conjuncts) for c in v.children)
        )
        if active and _is_person_like(clause.head):
            agent = clause.head
    if agent is None:
        # a main verb the parser left without a subject ("in Tezontepec, Hidalgo, residents
        # of Colonia San Juan captured a man and beat him")
        main = verb if verb.dep_ == "ROOT" else verb.head if verb.dep_ == "conj" else None
        before = subject_before(main) if main is not None else None
        if (
            before is not None
            and _is_person_like(before)
            and _ent_of(before) is None
            or before is not None
            and before.ent_type_ in ("ARMED_GROUP", "SECURITY_FORCE")
        ):
            agent = before
    if agent is None:
        # "was beaten up and injured by residents": the passive agent may hang on a conjunct
        for v in verb.conjuncts:
            for c in v.children:
                if c.dep_ == "agent":
                    agent = next((g for g in c.children if g.dep_ == "pobj"), None)
            if agent is not None:
                break
    return agent
