"""Which side each party is on: an unorganised crowd or an armed group, the sides of a clash
("clashes between A and B"), security forces and an armed group named together as one side, and
victims who are members of an armed or criminal group (ACLED: a battle, not violence against
civilians). Read from the dependency parse and the domain entities; used by ``arguments`` to
choose the sub-type's actors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventlens.stages.arguments.lexicon import (
    _COLLECTIVE_HEADS,
    _GENERIC_ARMED,
    _MORE_CROWDS,
    _SECURITY_ARMY,
    _SECURITY_POLICE,
    CIVILIAN_NOUNS,
    CROWD_NOUNS,
)
from eventlens.stages.arguments.spans import _ent_of, _ents, _subtree_span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["armed_victims", "clash_sides", "is_crowd"]


#: Victims who carry no arms at the time: ACLED codes attacks on them as violence against civilians.
_NOT_ON_DUTY = re.compile(
    r"\boff[- ]duty\b|\bunarmed\b|\bretired\b|\bformer\s+(?:\w+\s+){0,2}(?:police|officer|soldier|commander|member)",
    re.I,
)
#: Organised armed or criminal groups named in words ("a drug trafficking group", "a gang").
_ARMED_COLLECTIVE = re.compile(
    r"\b(?:gangs?|cartels?|crim(?:e|inal)\s+(?:group|organi[sz]ation|gang|cell|network)s?|drug[- ]?traffick\w*|"
    r"traffickers?|drug\s+dealers?|narco\w*|mafias?|bandits?|militias?|militiam[ae]n|armed\s+(?:group|faction|gang)s?|"
    r"militants?|insurgents?|rebels?|jihadists?|guerrillas?|hitm[ae]n|gangsters?|cult\s+(?:group|member)s?)\b",
    re.I,
)
#: A sentence saying who the victims were ("The victim was a member of ...", "He was involved in ...").
_VICTIM_IDENTITY = re.compile(
    r"\b(?:victims?|deceased|dead\s+(?:man|men|woman)|(?:the|both|two|three|four)\s+(?:man|men)|he|they|both)\b"
    r"[^.;]{0,40}?\b(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\b[^.;]{0,12}?\b"
    r"(?:(?:an?|the|alleged|suspected|reportedly|identified\s+as|recogni[sz]ed\s+as)\s+)*"
    r"(?:members?|leaders?|commanders?|fighters?|involved|linked|affiliated|part|associated|dealers?|traffickers?|gangsters?|bandits?|militants?|hitm[ae]n)\b",
    re.I,
)
#: Target phrases that are combatants or military sites whatever the group's name.
_ARMED_TARGET_WORDS = re.compile(
    r"\b(?:drug\s+traffickers?|traffickers?|gang\s+members?|gangsters?|hitm[ae]n|bandits?|militants?|insurgents?|fighters?|"
    r"rebels?|militiam[ae]n|positions?|outposts?|checkpoints?|barracks|garrisons?|military\s+bases?|bases\s+of|trenches|"
    r"(?:customs|border|police|army|military|gendarmerie)\s+(?:stations?|posts?|offices?)|security\s+(?:men|guards?|agents?))\b",
    re.I,
)
#: Words in an organisation's name that make it an armed organisation.
_ARMED_ORG_NAME = re.compile(
    r"\b(?:Army|Forces?|Militias?|Brigades?|Battalions?|Liberation|Front|Guerrill\w+|Mujahideen|Jihad|Defen[cs]e\s+Force|Corps|Guards?)\b"
)
#: A victim phrase naming a member of an armed or criminal group ("a member of a drug trafficking group").
_MEMBER_OF = re.compile(r"\bmembers?\b", re.I)


#: Civilian nouns that do not make a crowd when they attack: unnamed attackers, and the herders,
#: farmers and shepherds of communal conflicts (ACLED: communal militias, not rioters).
_NOT_CROWDS = frozenset("individuals men persons herders farmers shepherds pastoralists".split())


def is_crowd(agent: Token) -> bool:
    """Is the perpetrator an unorganised crowd (residents, "a group of people", rioters)?"""
    tok = agent
    if tok.lower_ in _COLLECTIVE_HEADS or tok.lower_ in (
        "members",
        "member",
        "supporters",
        "cadres",
        "elements",
    ):
        members = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if members:
            tok = members[0]
    if (
        tok.ent_type_ in ("ARMED_GROUP", "SECURITY_FORCE")
        or tok.lower_ in _GENERIC_ARMED | _SECURITY_ARMY | _SECURITY_POLICE
    ):
        return False
    if any(c.dep_ == "compound" and c.ent_type_ in ("ARMED_GROUP", "SECURITY_FORCE") for c in tok.children):
        return False  # "Taliban members", "police officers"
    if any(c.dep_ == "amod" and c.lower_ in ("unknown", "unidentified") for c in tok.children):
        return False  # "unknown people set fire to an office": unidentified perpetrators
    if tok.lower_ in ("individuals", "men", "persons") and not any(
        c.dep_ == "amod" and c.lower_ in ("angry", "irate", "furious") for c in tok.children
    ):
        return False  # "two individuals opened fire": unnamed attackers, not a crowd
    if tok.lower_ in CROWD_NOUNS or tok.lower_ in _MORE_CROWDS:
        return True
    if tok.tag_ == "NNS" and tok.is_lower and tok.lower_ in CIVILIAN_NOUNS and tok.lower_ not in _NOT_CROWDS:
        return True  # "merchants captured and beat a robber": civilians acting together
    # "Bedouins", "Palestinians": a people, not an organisation, acting as a crowd
    return tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS")


_CLASH_WORDS = frozenset(
    "clash clashes clashed clashing fighting fight fought confrontation confrontations skirmish skirmishes brawl scuffle".split()
)
_SIDE_HEADS = frozenset(
    "supporters members youths residents villagers citizens students followers cadres activists fans groups".split()
)


def _side_kind(tok: Token) -> str | None:
    """What one side of a fight is: "crowd" (residents, supporters, a people), "state",
    "armed" (an armed group or a named organisation fighting), or None when unknown."""
    if is_crowd(tok) or tok.lower_ in _SIDE_HEADS and tok.lower_ not in ("members", "groups"):
        return "crowd"
    ent = _ent_of(tok)
    if ent is not None and ent.label_ == "SECURITY_FORCE" or tok.lower_ in _SECURITY_ARMY | _SECURITY_POLICE:
        return "state"
    if ent is not None and ent.label_ == "ARMED_GROUP" or tok.lower_ in _GENERIC_ARMED:
        return "armed"
    # a named organisation as a side ("clashes between JaS and Ahrar al Sham", "NDC-R clashed
    # with FPP/AP"), not a people or a party's supporters (caught above)
    if tok.pos_ == "PROPN" and (ent is None or ent.label_ in ("ORG", "ARMED_GROUP", "PERSON")):
        return "armed"
    return None


def clash_sides(sents: Sequence[SpacySpan]) -> list[str | None]:
    """The kinds of the sides of a fight told as "clashes between A and B" or "A clashed with B"."""
    kinds: list[str | None] = []
    for sent in sents:
        for tok in sent:
            if tok.lower_ not in _CLASH_WORDS:
                continue
            sides: list[Token] = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "with", "against"):
                    sides += [h for p in c.children if p.dep_ == "pobj" for h in (p, *p.conjuncts)]
                elif c.dep_ == "nsubj" and tok.pos_ == "VERB":
                    sides += [c, *c.conjuncts]
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
                # "clashes erupted between A and B", "a clash was reported between A and B":
                # the sides hang on the verb
                sides += [
                    h
                    for c in tok.head.children
                    if c.dep_ == "prep" and c.lower_ == "between"
                    for p in c.children
                    if p.dep_ == "pobj"
                    for h in (p, *p.conjuncts)
                ]
            for side in sides:
                # "supporters of X": the head says who fought
                kinds.append(_side_kind(side))
    return kinds


def _allied(sents: Sequence[SpacySpan]) -> bool:
    """Are the security forces and the armed group named together as one side ("police forces
    and an unidentified armed group attacked ...") rather than against each other?"""
    state = [e.root for s in sents for e in _ents(s) if e.label_ == "SECURITY_FORCE"]
    armed = [e.root for s in sents for e in _ents(s) if e.label_ == "ARMED_GROUP"]
    return bool(state and armed) and all(
        any(g in conj for g in armed) for conj in (st.conjuncts for st in state)
    )


def _armed_members(phrase: SpacySpan, agent: Token | None) -> bool:
    """A victim phrase naming "members" of an armed or criminal group."""
    ents = _ents(phrase)
    # "members of the Chin National Defense Force": an organisation named as armed
    if any(e.label_ == "ARMED_GROUP" or e.label_ == "ORG" and _ARMED_ORG_NAME.search(e.text) for e in ents):
        return True
    if _ARMED_COLLECTIVE.search(phrase.text):
        return True
    # traffickers or militants shooting "members" of another named group: rival armed groups
    if (
        agent is not None
        and _ARMED_COLLECTIVE.search(_subtree_span(agent, 6).text)
        and any(e.label_ in ("ORG", "ARMED_GROUP", "PERSON", "GPE") or e.root.pos_ == "PROPN" for e in ents)
    ):
        return True
    # "a member of a drug trafficking group was killed": the phrase's own of-attachment
    tail = phrase.doc[phrase.end : min(len(phrase.doc), phrase.end + 8)].text
    return tail.lower().startswith("of") and bool(_ARMED_COLLECTIVE.search(tail))


def armed_victims(
    sents: Sequence[SpacySpan], patient_phrase: SpacySpan | None = None, agent: Token | None = None
) -> bool:
    """Are the victims members of an armed or criminal group (ACLED: a battle, not one-sided violence)?"""
    if patient_phrase is not None and not _NOT_ON_DUTY.search(patient_phrase.text):
        # ("a former FARC member" is a civilian now)
        # the phrase's own head and modifiers ("a drug trafficker", "a volunteer fighter position",
        # "bases of"), not its complements ("two children of a militiaman")
        head = patient_phrase.doc[patient_phrase.start : min(patient_phrase.end, patient_phrase.root.i + 2)]
        if _ARMED_TARGET_WORDS.search(head.text):
            return True
        if _MEMBER_OF.search(patient_phrase.text) and _armed_members(patient_phrase, agent):
            return True
    for sent in sents:
        text = sent.text
        if _VICTIM_IDENTITY.search(text) and (
            _ARMED_COLLECTIVE.search(text) or any(e.label_ == "ARMED_GROUP" for e in _ents(sent))
        ):
            if not _NOT_ON_DUTY.search(text):
                return True
    return False
