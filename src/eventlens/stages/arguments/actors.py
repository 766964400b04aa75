"""Who did it and to whom: the agent and patient of the trigger, crowds, the sides of a clash,
armed victims, state actors named by a modifier, claims of responsibility and suspects."""

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
    ATTACK_PREPS,
    CIVILIAN_NOUNS,
    CROWD_NOUNS,
    PERSON_NOUNS,
)
from eventlens.stages.arguments.spans import _cues_in, _ent_of, _ents, _subtree_span, _tok_span
from eventlens.stages.cues_syntax import subject_before
from eventlens.types import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

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


def _allied(sents: Sequence[SpacySpan]) -> bool:
    """Are the security forces and the armed group named together as one side ("police forces
    and an unidentified armed group attacked ...") rather than against each other?"""
    state = [e.root for s in sents for e in _ents(s) if e.label_ == "SECURITY_FORCE"]
    armed = [e.root for s in sents for e in _ents(s) if e.label_ == "ARMED_GROUP"]
    return bool(state and armed) and all(any(g in st.conjuncts for g in armed) for st in state)


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


#: Objects of attack verbs that are part of the verb phrase, not its target ("opened fire").
_NOT_TARGET = frozenset(
    "fire fires shots gunfire shot attack attacks attention responsibility control".split()
)
_REBEL_WORDS = frozenset(
    "rebels rebel insurgents insurgent separatists jihadists jihadist guerrillas".split()
)


# ---------------------------------------------------------------- actors
def actor_from_mention(text: str, *, family: str, label: str | None, named: bool | None = None) -> Actor:
    """An ACLED-style actor name for a mention ("police" -> "Police Forces of {country}").

    ``named``: the entity ruler's verdict for an ARMED_GROUP mention (a named group such as
    "Boko Haram", or a generic one such as "armed individuals"), when the caller has it."""
    low = text.lower()
    if label == "ARMED_GROUP" and named is False:
        return Actor(
            "Unidentified Armed Group ({country})",
            text,
            inter=2 if set(re.findall(r"[a-z]+", low)) & _REBEL_WORDS else 3,
        )
    words = set(re.findall(r"[a-z]+", low))
    if label == "SECURITY_FORCE" or words & (_SECURITY_ARMY | _SECURITY_POLICE):
        if words & _SECURITY_POLICE:
            return Actor("Police Forces of {country}", text, inter=1)
        return Actor("Military Forces of {country}", text, inter=1)
    if (
        label == "ARMED_GROUP"
        and not (words & _GENERIC_ARMED)
        or (label == "ARMED_GROUP" and len(text.split()) > 2)
    ):
        name = re.sub(r"^(the|influential|notorious|powerful)\s+", "", text, flags=re.I).strip()
        inter = 3 if "militia" in low else 2
        return Actor(name, text, inter=inter)
    if words & _REBEL_WORDS:
        return Actor("Unidentified Armed Group ({country})", text, inter=2)
    if family == "demo_protest":
        return Actor("Protesters ({country})", text, inter=6)
    if family == "demo_riot":
        return Actor("Rioters ({country})", text, inter=5)
    return Actor("Unidentified Armed Group ({country})", text, inter=3)


#: Things that "kill" or "attack" in news prose without being actors.
_INANIMATE = frozenset(
    """explosions blasts bombs devices fires attacks strikes shells rockets missiles mines ieds vehicles cars trucks
    incidents clashes floods storms accidents crashes shots bullets rounds airstrikes raids operations weapons guns
    grenades drones projectiles reports sources""".split()
)


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
                    if g.dep_ == "pobj":
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


#: Remote-violence nouns that a country modifier turns into a state attack ("Israeli airstrike").
_STATE_WEAPON_NOUNS = frozenset(
    "strike strikes airstrike airstrikes raid raids bombardment shelling drone drones warplanes jets missile missiles artillery".split()
)


def _own_country(name: str, head: Token) -> str:
    """ "Israeli military forces" are Israel's, wherever they act: a country or demonym modifying
    the actor's head noun names its country (``{of:Israeli}``, resolved by the pipeline);
    otherwise the ``{country}`` slot is left for the event's location to fill."""
    if "{country}" not in name:
        return name
    for c in head.children:
        ent = _ent_of(c)
        if (
            c.i < head.i
            and ent is not None
            and ent.label_ in ("NORP", "GPE")
            and c.dep_ in ("amod", "compound", "nmod", "poss")
        ):
            return name.replace("{country}", "{of:" + ent.text + "}")
    return name


#: Dependencies of the words written before a noun that belong to its name ("Houthi forces",
#: "Russian drones", "Iran-backed militias", "Russia's troops").
_LEFT_MODIFIERS = frozenset("compound amod nmod poss npadvmod".split())


def noun_phrase(words: SpacySpan | Token, *, max_extra: int = 5) -> SpacySpan:
    """The whole noun phrase an actor's words head: the words with the modifiers written before
    them ("forces" -> "Houthi forces", "militias" -> "Iran-backed Shiite militias", "drones" ->
    "Russian drones"), at most ``max_extra`` more words, no determiner or number in front."""
    doc = words.doc
    if hasattr(words, "start_char"):
        start, end = words.start, words.end  # type: ignore[union-attr]
    else:
        start, end = words.i, words.i + 1  # type: ignore[union-attr]
    first = start
    while start > 0 and first - start < max_extra:
        t = doc[start - 1]
        inside = start <= t.head.i < end
        if inside and t.dep_ in _LEFT_MODIFIERS:
            start -= 1
        elif t.dep_ == "case" and t.head.i == start - 2 and doc[start - 2].dep_ == "poss":
            start -= 2  # "Russia 's forces"
        elif t.dep_ == "punct" and t.text == "-" and inside and start > 1:
            start -= 1  # "Iran - backed": the hyphen, then its left word
        else:
            break
    while start < first and (doc[start].pos_ in ("DET", "PUNCT", "NUM") or doc[start].dep_ == "case"):
        start += 1
    return doc[start:end]


def _subject_weapon(t: Token) -> list[Token]:
    """The attack nouns a trigger verb has as its subject or passive agent ("Russian drones
    struck ...", "hit by Israeli missiles")."""
    if t.pos_ != "VERB":
        return []
    out = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in _STATE_WEAPON_NOUNS]
    out += [
        g
        for c in t.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj" and g.lower_ in _STATE_WEAPON_NOUNS
    ]
    return out


def state_from_modifier(trigger_tokens: Sequence[Token]) -> Actor | None:
    """``Military Forces of {of:U.S.}`` when a country name or demonym modifies the attack noun
    (the trigger itself, the noun it modifies, or the weapon that is the trigger's subject);
    the pipeline resolves ``{of:...}`` to the country's name with the gazetteer. The mention is
    the noun phrase ("Israeli airstrike", "Russian drones")."""
    for t in trigger_tokens:
        nouns = [t] + [t.head] if t.head.lower_ in _STATE_WEAPON_NOUNS else [t]
        for noun in [*nouns, *_subject_weapon(t)]:
            if noun.lower_ not in _STATE_WEAPON_NOUNS:
                continue
            for c in noun.children:
                ent = _ent_of(c)
                if (
                    c.dep_ in ("compound", "amod", "nmod", "poss")
                    and ent is not None
                    and ent.label_ in ("GPE", "NORP")
                ):
                    phrase = noun_phrase(noun)
                    return Actor(
                        "Military Forces of {of:" + ent.text + "}", phrase.text, _tok_span(phrase), 1
                    )
    return None


# ---------------------------------------------------------------- claims, suspicion, sources
_CLAIM_NEG = re.compile(r"\b(no|none|nobody|not yet|yet to)\b.{0,40}\b(claim|responsibility)", re.I)


def claims_and_suspects(sents: Sequence[SpacySpan], family: str) -> tuple[Actor | None, bool, list[Actor]]:
    claimed: Actor | None = None
    negated = False
    suspects: list[Actor] = []
    seen: set[str] = set()
    for sent in sents:
        cues = _cues_in(sent)
        names = {c.name for c in cues}
        groups = []
        for e in _ents(sent):
            if e.label_ != "ARMED_GROUP":
                continue
            if groups and groups[-1].end == e.start:  # "al-Shabaab militants": one group
                groups[-1] = sent.doc[groups[-1].start : e.end]
            else:
                groups.append(e)
        if "CLAIM" in names:
            if _CLAIM_NEG.search(sent.text):
                negated = True
            else:
                for g in groups:
                    if g.root.dep_ in ("nsubj",) or g.start < min(c.start for c in cues if c.name == "CLAIM"):
                        claimed = actor_from_mention(g.text, family=family, label="ARMED_GROUP")
                        claimed = Actor(claimed.name, g.text, _tok_span(g), claimed.inter, True)
                        break
        if "HEDGE" in names:
            for g in groups:
                phrase = _group_phrase(g)
                key = phrase.text.lower()
                if key in seen:
                    continue
                seen.add(key)
                a = actor_from_mention(g.text, family=family, label="ARMED_GROUP")
                suspects.append(
                    Actor(
                        a.name if "{country}" not in a.name else phrase.text,
                        phrase.text,
                        _tok_span(phrase),
                        a.inter,
                        False,
                    )
                )
    return claimed, negated, suspects


def _group_phrase(ent: SpacySpan) -> SpacySpan:
    """Widen a generic group mention to its modifiers: "militias" -> "Iran-backed Shiite militias"."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].dep_ in ("amod", "compound", "npadvmod", "nmod")
        and doc[start - 1].head.i >= ent.start - 1
    ):
        start -= 1
    while (
        start > 0
        and doc[start - 1].text == "-"
        or (start > 1 and doc[start - 1].dep_ == "punct" and doc[start - 1].text == "-")
    ):
        start -= 2 if start >= 2 else 1
    while start < ent.start and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return doc[start : ent.end]
