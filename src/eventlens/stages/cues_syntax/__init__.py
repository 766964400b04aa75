"""Event cues read from the dependency parse, where word-order patterns cannot reach.

The phrase patterns of :mod:`eventlens.stages.cues` need the deciding words next to each other.
Reporters put arbitrary material between them: "dozens of workers gathered at the Government
Center in downtown Miami to call for higher wages"; "forces fired 122mm and 120mm mortars at
the positions of ..."; "a man hit several times a refugee". These rules read the same facts
from the parse instead: which verb governs which object, purpose clause or preposition.

* **Purpose of an assembly** - a verb of assembling or moving as a group (gather, march,
  block, drive, line ...) whose purpose clause ("to demand", "to denounce", "to raise
  awareness") or preposition ("against", "in support of", "in solidarity with") states a
  grievance -> ``PROTEST``. Without such a purpose a gathering is not a protest.
* **Munitions fired or dropped** - fire/launch/lob + mortars, rockets, missiles, shells
  -> ``SHELL``; drop + bombs, explosives, grenades -> ``AIR`` (dropped from aircraft or drones).
* **Firing at armed positions** - fire/shoot at positions, posts, checkpoints, troops
  -> ``CLASH``.
* **Blows on a person** - hit, punch, kick, slap ... with a person as the object -> ``KILL``
  (the cue for one-sided physical violence).
* **Security forces holding people** - police or soldiers "held" migrants -> ``ARREST``.

Vocabulary is general English (verbs of assembly and grievance from the CAMEO/PLOVER protest
and assault categories); nothing here is tied to one source's phrasing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventlens.stages.cues_syntax.crowd_force import (
    fires_only_non_lethal,
    force_on_gathering,
    organised_sides_fight,
    protesters_fight_police,
    stones_at_police,
    violent_suppression,
)
from eventlens.stages.cues_syntax.lexicon import (
    DEMONSTRATORS,
    PEOPLE,
    PERPETRATORS,
    QUANTITY_HEADS,
    SECURITY,
    _cue,
)
from eventlens.stages.cues_syntax.news_acts import RULES as NEWS_RULES
from eventlens.stages.cues_syntax.news_acts import WORD_RULES as NEWS_WORD_RULES
from eventlens.stages.cues_syntax.protest_words import (
    _HOLD,
    _HOLD_OBJECTS,
    _MARCH,
    _OPEN,
    _RAISE,
    _RAISED,
    ASSEMBLY,
    CHARGE,
    CROWD_CONTROL,
    CUSTODY,
    DEMONSTRATOR_VIOLENCE,
    GRIEVANCE,
    GRIEVANCE_POBJ,
    GRIEVANCE_PREP,
    HELD_PROTESTING,
    HOLD_PEOPLE,
    INTERVENE_VERBS,
    LETHAL,
    PROTEST_ACTS,
    SEIZE_PEOPLE,
)
from eventlens.stages.cues_syntax.sides import (
    capture_as_modifier,
    deployment_reason,
    place_changes_hands,
    repelled_capture,
    territory_sides,
)
from eventlens.stages.cues_syntax.violence_words import (
    ABSTRACT_TARGETS,
    AIR_ACTS,
    AIRCRAFT,
    ANIMALS,
    ARMED_OBJECTS,
    BLOWS,
    CAPTURE,
    CONTEST_OBJECTS,
    DETONATE,
    DETONATED,
    DRONE_ONLY_ACTS,
    DRONES,
    DROP,
    DROP_OBJECTS,
    FILMED,
    FIRE,
    FLEE,
    IMPACT,
    MANNED_AIRCRAFT,
    NOT_THROWN,
    PROPERTY,
    RECAPTURE,
    REMNANT,
    SEIZE_PROPERTY,
    SHELL_OBJECTS,
    SLAUGHTER,
    STRIKE_WORDS,
    TERRITORY,
    TERRITORY_ONLY,
    THROW,
    THROWN,
)
from eventlens.stages.cues_syntax.weapons_told import (
    base_established,
    grenade_during_fighting,
    weapon_did_the_harm,
    weapons_disrupted,
)
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _heads(tok: Token) -> Iterator[Token]:
    """A noun and the nouns coordinated with it ("mortars and rockets")."""
    yield tok
    yield from tok.conjuncts


def _is_people(tok: Token) -> bool:
    if tok.ent_type_ in {"PERSON", "NORP"} or tok.lower_ in PEOPLE:
        return True
    # "a woman's head", "his wife"
    return any(c.dep_ == "poss" and (c.lower_ in PEOPLE or c.ent_type_ == "PERSON") for c in tok.children)


def _object_heads(verb: Token) -> Iterator[Token]:
    """Direct objects of ``verb`` and nouns coordinated with them, through a quantity
    ("dozens of homes", "a number of houses")."""
    for c in verb.children:
        if c.dep_ == "dobj":
            for h in _heads(c):
                yield h
                if h.lower_ in QUANTITY_HEADS or h.like_num:
                    yield from (
                        p
                        for of in h.children
                        if of.dep_ == "prep" and of.lower_ == "of"
                        for p in of.children
                        if p.dep_ == "pobj"
                    )


def _object_is_people(verb: Token) -> bool:
    """Is a direct object of ``verb`` (or a noun coordinated with it) a person or people?"""
    return any(c.dep_ == "dobj" and any(_is_people(h) for h in _heads(c)) for c in verb.children)


def subject_before(verb: Token) -> Token | None:
    """The subject of a main verb the parser left without one: the head of the noun phrase
    right before it ("in Cordoba, Veracruz, police officers held 312 migrants", where the small
    model hangs "officers" on the place list). None when the verb has a subject or a verb,
    colon or semicolon comes first."""
    if verb.dep_ != "ROOT" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    before = [t for t in verb.sent if t.i < verb.i]
    for t in reversed(before[-8:]):
        if t.pos_ in {"VERB", "AUX"} or t.text in {";", ":"}:
            return None
        if t.pos_ in {"NOUN", "PROPN"}:
            # up the phrase it ends ("residents of Colonia San Juan", "officers of the Institute")
            node = t
            while (
                node.dep_ in {"pobj", "prep", "compound"} and node.head.i < verb.i and node.head is not node
            ):
                node = node.head
            return node if node.pos_ in {"NOUN", "PROPN"} else None
    return None


def _subject_is_security(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            return any(h.lower_ in SECURITY for h in _heads(c))
    subject = subject_before(verb)
    return subject is not None and subject.lower_ in SECURITY


def _has_grievance(verb: Token) -> bool:
    """A purpose clause or preposition of ``verb`` that states a grievance or a cause.

    Looks down the verb's own clause (two steps: "blocked the road as a means to demand",
    "gathered ..., demanding"), never into a clause with a subject of its own.
    """
    frontier = [(verb, 0)]
    while frontier:
        node, depth = frontier.pop()
        for c in node.children:
            if c.dep_ == "prep":
                if c.lower_ in GRIEVANCE_PREP and node is verb:
                    return True
                if c.lower_ == "over" and node is verb and verb.lower_ in _MARCH:
                    return True  # "marched over fuel shortages", "rallied over the killing"
                if c.lower_ in {"in", "for", "as"} and any(
                    p.lower_ in GRIEVANCE_POBJ for p in c.children if p.dep_ == "pobj"
                ):
                    return True
            if c.pos_ == "VERB" and c.lower_ in GRIEVANCE and c.dep_ in {"advcl", "xcomp", "acl", "conj"}:
                if c.lower_ in _RAISE and not any(
                    o.lower_ in _RAISED for o in c.children if o.dep_ == "dobj"
                ):
                    continue  # "to raise money" is a fundraiser; "to raise awareness" a protest
                if any(a.lower_ == "to" for a in c.children if a.dep_ == "aux") or c.tag_ == "VBG":
                    return True
            if (
                depth < 2
                and c.dep_ in {"advcl", "prep", "pobj", "acl", "xcomp"}
                and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
            ):
                frontier.append((c, depth + 1))
    return False


def syntax_cues(sent: Span) -> list[Cue]:
    """Cues read from the parse of one sentence."""
    out: list[Cue] = []
    for tok in sent:
        low = tok.lower_
        out += _harmless_attack(tok, low)
        out += capture_as_modifier(tok, low)
        out += protesters_fight_police(tok, low)  # the noun too: "clashes between police and ..."
        out += organised_sides_fight(tok, low)
        out += grenade_during_fighting(tok, low)
        for rule in NEWS_WORD_RULES:
            out += rule(tok, low)
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        for rule in _VERB_RULES:
            out += rule(tok, low)
    return out


def _harmless_attack(tok: Token, low: str) -> list[Cue]:
    """An "attack" on a budget, a website or a portrait series: no one was hurt (a negative KILL)."""
    out: list[Cue] = []
    if low in STRIKE_WORDS or tok.lemma_ in _HARMLESS_VERBS or low in ("attack", "attacks"):
        objs = [h for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for h in _heads(c)]
        objs += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in {"on", "against", "at"}
            for p in c.children
            if p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"}  # "on Tuesday" is no target
        ]
        cyber = any(
            c.lower_ in ("cyber", "cyberattack", "hacker", "hackers", "ddos") for c in tok.children
        ) or any(c.dep_ == "nsubj" and c.lower_ in ("hacker", "hackers") for c in tok.children)
        filmed = tok.lemma_ == "shoot" and objs and all(o.lower_ in FILMED for o in objs)
        if cyber or filmed or (objs and all(o.lower_ in ABSTRACT_TARGETS for o in objs)):
            # "a blistering attack on the budget plan", "hackers attacked the website",
            # "shot the portrait series": no one was hurt
            # "shares were slaughtered", "no data was stolen": nobody hurt, nothing looted
            out.append(_cue("LOOT" if tok.lemma_ == "steal" else "KILL", tok, -1.0))
    return out


#: Verbs of violence that also take things as objects: "attacked the plan", "slaughtered shares".
_HARMLESS_VERBS = frozenset({"attack", "strike", "shoot", "slaughter", "massacre", "butcher", "steal"})


def _assembly_with_grievance(tok: Token, low: str) -> list[Cue]:
    """A gathering whose purpose states a grievance is a protest (PROTEST)."""
    out: list[Cue] = []
    if low in ASSEMBLY:  # anyone, police officers too, protests when a grievance is stated
        # holding verbs need a protest-like object ("held a sit-in", not "held talks")
        objects = [c for c in tok.children if c.dep_ in {"dobj", "prt", "attr"}]
        held = any(
            o.lower_ in _HOLD_OBJECTS or any(ch.lower_ in _HOLD_OBJECTS for ch in o.children) for o in objects
        )
        if (low not in _HOLD or held) and _has_grievance(tok):
            out.append(_cue("PROTEST", tok))
    return out


def _munitions_fired(tok: Token, low: str) -> list[Cue]:
    """Munitions fired or dropped (SHELL, AIR), or fire aimed at armed positions (CLASH)."""
    out: list[Cue] = []
    if low in FIRE or low in DROP:
        # the object phrase ("122mm, 120mm mortars", "cluster munitions from rocket launchers")
        objs = [t for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree]
        objs += [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.subtree]
        if low in FIRE and any(o.lower_ in SHELL_OBJECTS for o in objs):
            out.append(_cue("SHELL", tok))
        elif low in DROP and any(o.lower_ in DROP_OBJECTS for o in objs):
            out.append(_cue("AIR", tok))
        elif low in FIRE:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in {"at", "on", "upon", "towards", "toward"}:
                    if any(
                        h.lower_ in ARMED_OBJECTS for p in c.children if p.dep_ == "pobj" for h in _heads(p)
                    ):
                        out.append(_cue("CLASH", tok))
    return out


def _aircraft_shot_down(tok: Token, low: str) -> list[Cue]:
    """A manned aircraft shot down: hit by fire, not an interception."""
    out: list[Cue] = []
    if low in FIRE and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
        # a manned aircraft shot down was hit by fire (a missile attack); a drone or missile
        # shot down is an interception (disrupted weapons use, the phrase pattern's reading)
        for c in tok.children:
            if c.dep_ in {"dobj", "nsubjpass"} and any(h.lower_ in MANNED_AIRCRAFT for h in _heads(c)):
                out.append(_cue("DISRUPT", c, -1.0))
                out.append(_cue("SHELL", c))
    return out


def _territory_taken(tok: Token, low: str) -> list[Cue]:
    """A town or position seized or recaptured (OVERTAKE, REGAIN)."""
    out: list[Cue] = []
    if low in CAPTURE or low in RECAPTURE:
        # "seized the strategic town of Bunagana", "recaptured Kherson"
        for c in tok.children:
            not_place = {"PERSON", "NORP", "ARMED_GROUP", "SECURITY_FORCE", "WEAPON"} | (
                set() if low in TERRITORY_ONLY else {"ORG"}
            )
            if c.dep_ == "dobj" and (
                c.lower_ in TERRITORY
                or c.ent_type_ in {"GPE", "LOC", "FAC"}
                or (c.pos_ == "PROPN" and c.ent_type_ not in not_place)
            ):
                out.append(_cue("REGAIN" if low in RECAPTURE else "OVERTAKE", tok))
                break
    return out


def _munitions_exploded(tok: Token, low: str) -> list[Cue]:
    """Munitions that fell or exploded (SHELL, IED)."""
    out: list[Cue] = []
    if low in IMPACT or low in DETONATE:
        # "mortar rounds fell on a camp", "a bomb hidden in a motorcycle exploded"
        subj = [t for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
        if low in IMPACT and any(t.lower_ in SHELL_OBJECTS for t in subj):
            out.append(_cue("SHELL", tok))
        elif low in DETONATE and any(t.lower_ in DETONATED for t in subj):
            out.append(_cue("IED", tok))
        elif (
            low in DETONATE
            and any(t.lower_ in REMNANT for t in subj)
            and any(t.lower_ in SHELL_OBJECTS or t.lower_ in ("round", "rounds") for t in subj)
        ):
            out.append(_cue("IED", tok))  # "an old mortar round went off": a remnant, not a shelling
    return out


def _demonstrators_attack(tok: Token, low: str) -> list[Cue]:
    """Violence done by demonstrators themselves (RIOT)."""
    out: list[Cue] = []
    if low in DEMONSTRATOR_VIOLENCE and any(
        c.dep_ == "nsubj" and any(h.lower_ in DEMONSTRATORS for h in _heads(c)) for c in tok.children
    ):
        out.append(_cue("RIOT", tok))  # "the demonstrators attacked a vehicle"
    return out


def _aircraft_acts(tok: Token, low: str) -> list[Cue]:
    """An aircraft as the subject of a strike verb (AIR, on the aircraft)."""
    out: list[Cue] = []
    if low in AIR_ACTS:
        # the subject is an aircraft, whatever words sit between (the cue sits on the aircraft,
        # which says whether it was manned)
        craft = [
            h
            for c in tok.children
            if c.dep_ == "nsubj"
            for h in _heads(c)
            if h.lower_ in AIRCRAFT
            and (low not in DRONE_ONLY_ACTS or h.lower_ in DRONES)
            or h.lower_ in ("vehicle", "vehicles")
            and any(m.lower_ in ("unmanned", "aerial") for m in h.children)
        ]
        if craft:
            out.append(_cue("AIR", craft[0]))
    return out


def _custody_at_protest(tok: Token, low: str) -> list[Cue]:
    """People detained or dispersed where, or while, they demonstrated (INTERVENE, PROTEST)."""
    out: list[Cue] = []
    if low in CUSTODY or low in CROWD_CONTROL or low in CHARGE:
        # "detained 200 people at anti-war demonstrations": held where they demonstrated
        gatherings = [
            p
            for n in (tok, *_object_heads(tok))
            for c in n.children
            if c.dep_ == "prep" and c.lower_ in {"at", "during"}
            for p in c.children
            if p.dep_ == "pobj" and p.lower_ in DEMONSTRATORS
        ]
        if gatherings:
            out.append(_cue("INTERVENE", tok))
            out.append(_cue("PROTEST", gatherings[0]))
        # "detained dozens of people who tried to march to the square": the people held
        # were demonstrating
        for o in _object_heads(tok):
            acts = [
                v
                for c in o.children
                if c.dep_ in {"relcl", "acl"}
                for v in c.subtree
                if v.lower_ in HELD_PROTESTING
            ]
            if acts:
                out.append(_cue("INTERVENE", tok))
                out.append(_cue("PROTEST", acts[0]))
                break
    return out


def _perpetrators_fled(tok: Token, low: str) -> list[Cue]:
    """ "The attackers fled": no displacement (a negative DISPLACE)."""
    out: list[Cue] = []
    if low in FLEE and any(
        c.dep_ == "nsubj" and any(h.lower_ in PERPETRATORS for h in _heads(c)) for c in tok.children
    ):
        out.append(_cue("DISPLACE", tok, -1.0))  # "the attackers fled"
    return out


def _animals_killed(tok: Token, low: str) -> list[Cue]:
    """Livestock killed: property destroyed, not people killed (LOOT, negative KILL)."""
    out: list[Cue] = []
    if low in SLAUGHTER:
        objs = list(_object_heads(tok)) + [
            h for c in tok.children if c.dep_ == "nsubjpass" for h in _heads(c)
        ]
        if objs and all(o.lower_ in ANIMALS for o in objs) and not any(_is_people(o) for o in objs):
            # livestock killed is property destroyed; the kill cue is not about people
            out.append(_cue("LOOT", tok))
            # "shares were slaughtered", "no data was stolen": nobody hurt, nothing looted
            out.append(_cue("LOOT" if tok.lemma_ == "steal" else "KILL", tok, -1.0))
    return out


#: Verbs of violence that also take things as objects: "attacked the plan", "slaughtered shares".
_HARMLESS_VERBS = frozenset({"attack", "strike", "shoot", "slaughter", "massacre", "butcher", "steal"})


def _blows_on_people(tok: Token, low: str) -> list[Cue]:
    """Blows on a person (KILL, the cue for one-sided physical violence)."""
    out: list[Cue] = []
    if (
        low in BLOWS
        and _object_is_people(tok)
        and not any(h.lower_ in CONTEST_OBJECTS for h in _object_heads(tok))
    ):
        out.append(_cue("KILL", tok))
    return out


def _intervention(tok: Token, low: str) -> list[Cue]:
    """Security forces acting on demonstrators or occupiers, or custody told as the story (INTERVENE)."""
    out: list[Cue] = []
    if low in INTERVENE_VERBS:
        objs = [h for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for h in _heads(c)]
        if any(
            o.lower_ in DEMONSTRATORS
            or any(m.lower_ in DEMONSTRATORS for m in o.children if m.dep_ in {"poss", "compound"})
            for o in objs
        ):
            out.append(_cue("INTERVENE", tok))
        elif (
            low in CROWD_CONTROL
            and any(_is_people(o) for o in objs)
            and (_subject_is_security(tok) or (tok.dep_ == "xcomp" and _subject_is_security(tok.head)))
        ):
            out.append(_cue("INTERVENE", tok))  # "police tried to remove citizens occupying ..."
        elif (
            low in CUSTODY
            and tok.tag_ in {"VBD", "VBN"}
            and (tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.dep_ == "ROOT")
        ):
            # "eight were arrested", "police detained three": custody told as the story's
            # own act (not "demanding the arrest of", not "over the arrests of"); it only
            # matters where the incident is a demonstration
            out.append(_cue("INTERVENE", tok, 0.75))
    return out


def _lethal_force_on_demonstrators(tok: Token, low: str) -> list[Cue]:
    """Security forces shooting at demonstrators (EXCESSIVE)."""
    out: list[Cue] = []
    opened_fire = low in _OPEN and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children)
    if (low in LETHAL or opened_fire) and _subject_is_security(tok) and not fires_only_non_lethal(tok):
        targets = [c for c in tok.children if c.dep_ == "dobj"]
        targets += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in {"at", "on", "upon", "into", "towards"}
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if any(t.lower_ in DEMONSTRATORS or t.lower_ in PROTEST_ACTS for o in targets for t in o.subtree):
            out.append(_cue("EXCESSIVE", tok))
    return out


def _thrown_device(tok: Token, low: str) -> list[Cue]:
    """A bomb or grenade thrown (GRENADE)."""
    out: list[Cue] = []
    if low in THROW:
        for c in tok.children:
            if (
                c.dep_ in {"dobj", "nsubjpass"}
                and c.lower_ in THROWN
                and not any(m.lower_ in NOT_THROWN for m in c.children)
            ):
                out.append(_cue("GRENADE", tok))
    return out


def _seized_or_held(tok: Token, low: str) -> list[Cue]:
    """People seized by others than security forces (ABDUCT), property seized (LOOT), people held by security forces (ARREST)."""
    out: list[Cue] = []
    if low in SEIZE_PEOPLE and not _subject_is_security(tok) and _object_is_people(tok):
        out.append(_cue("ABDUCT", tok))  # "armed men seized three aid workers"
    if low in SEIZE_PROPERTY and any(h.lower_ in PROPERTY for h in _object_heads(tok)):
        out.append(_cue("LOOT", tok))  # "soldiers seized a clinic and five houses"
    if low in HOLD_PEOPLE and _subject_is_security(tok) and _object_is_people(tok):
        out.append(_cue("ARREST", tok))
    return out


#: The rules read on every verb, in this order (the order of the cues they add).
_VERB_RULES = (
    _assembly_with_grievance,
    _munitions_fired,
    _aircraft_shot_down,
    _territory_taken,
    _munitions_exploded,
    _demonstrators_attack,
    _aircraft_acts,
    _custody_at_protest,
    _perpetrators_fled,
    _animals_killed,
    _blows_on_people,
    _intervention,
    _lethal_force_on_demonstrators,
    _thrown_device,
    _seized_or_held,
    territory_sides,
    repelled_capture,
    place_changes_hands,
    force_on_gathering,
    stones_at_police,
    violent_suppression,
    weapons_disrupted,
    weapon_did_the_harm,
    base_established,
    deployment_reason,
    *NEWS_RULES,
)
