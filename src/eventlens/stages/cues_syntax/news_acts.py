"""Kinds of news wording read from the parse (issue 14, branch ``case``): who did the act decides
what it is.

* "Rebels retook the town, cutting the main highway": a road cut or blocked by an armed side or
  by state forces is a military act, not a demonstrators' blockade (a ``PROTEST`` veto).
* "The militants gained ground inside the city": ground gained by a side of known kind is a
  capture (``OVERTAKE`` on "gained ground"); "the party gained ground in the polls" is not.
* "A group of men attacked a peaceful rally": a gathering attacked by people who are neither
  state forces nor an armed group is mob violence (``MOB``).
* "A peace deal ending eight weeks of fighting", "the truce halted the clashes": fighting
  named as what ended is not the event (a ``CLASH`` veto).
* "They were intercepted by the border police": people intercepted are not weapons stopped (a
  ``DISRUPT`` veto).
* "They demanded the release of demonstrators detained during the rally": a detention named in
  a demand for release is its topic (``ARREST`` and ``INTERVENE`` vetoes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventlens.stages.cues_syntax.crowd_force import _is_gathering
from eventlens.stages.cues_syntax.lexicon import (
    DEMONSTRATORS,
    PEOPLE,
    PERPETRATORS,
    SECURITY,
    _cue,
    _nouns,
    _verbs,
)
from eventlens.stages.cues_syntax.sides import _kind_of_any, _prep_objects, _subject, actor_kind
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs of cutting or blocking a road (the protest phrases' verbs).
_CUT = _verbs("cut", "block", "close", "sever", "blockade")
_GAIN = _verbs("gain")
#: Verbs of violence done to a gathering.
_ASSAULT = _verbs("attack", "assault", "storm", "ambush", "beat", "charge", "raid")
#: Verbs of ending: what they end is over, not happening.
_END = _verbs("end", "halt", "stop", "conclude", "finish")
_FIGHTING = _nouns("fighting", "fight", "clash", "battle", "hostility", "war", "combat", "violence")
_INTERCEPT = _verbs("intercept")
_PRONOUNS = frozenset("he she they him her them we us".split())


_SAY = _verbs("say", "report", "tell", "claim", "announce", "state")


def _side_kind(verb: Token) -> str | None:
    subj = _subject(verb)
    if verb.dep_ == "advcl" and verb.head.lemma_ in _SAY:
        # "fighters retook the town, activists said, cutting the highway": the reported
        # clause's subject did the cutting, not the sources
        told = next((c for c in verb.head.children if c.dep_ == "ccomp"), None)
        subj = _subject(told) if told is not None else subj
    if subj is None:
        return None
    kind = actor_kind(subj)
    if kind is None and subj.lower_ in SECURITY and subj.lower_ not in {"officer", "officers"}:
        return "state"
    return kind


#: Heads of state forces that fight (prison guards or police officers may block a road in protest).
_MILITARY = _nouns("troop", "soldier", "army", "military", "force", "unit", "tank", "marine", "commando")


def road_cut_by_a_side(tok: Token, low: str) -> list[Cue]:
    """A road cut or blocked by an armed group or by troops: no demonstration."""
    if low not in _CUT:
        return []
    kind = _side_kind(tok)
    subj = _subject(tok)
    if kind == "armed" or (kind == "state" and subj is not None and subj.lower_ in _MILITARY):
        return [_cue("PROTEST", tok, -1.0)]
    return []


def ground_gained(tok: Token, low: str) -> list[Cue]:
    """ "The rebels gained ground in the north": a capture when a side of known kind gains it."""
    if low not in _GAIN:
        return []
    ground = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "ground"), None)
    if ground is None or _side_kind(tok) is None:
        return []
    return [_cue("OVERTAKE", tok, 1.0, ground if ground.i == tok.i + 1 else None)]


def _gathering_object(verb: Token) -> bool:
    objs = [h for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for h in (c, *c.conjuncts)]
    return any(_is_gathering(o) or o.lower_ in DEMONSTRATORS for o in objs)


def gathering_attacked(tok: Token, low: str) -> list[Cue]:
    """A rally or marchers attacked by a group that is neither state forces nor armed: MOB."""
    if low not in _ASSAULT or not _gathering_object(tok):
        return []
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        agents = list(_prep_objects(tok, {"by"}))
    else:
        subj = _subject(tok)
        agents = [subj] if subj is not None else []
    if not agents:
        return []
    doer = agents[0]
    if actor_kind(doer) is not None or doer.lower_ in SECURITY or doer.lower_ in PERPETRATORS:
        return []
    if doer.lower_ in DEMONSTRATORS:
        return []  # protesters attacking one another's march: a violent demonstration
    if doer.lower_ in _PRONOUNS or doer.pos_ == "PRON":
        return []
    return [_cue("MOB", tok)]


def fighting_ended(tok: Token, low: str) -> list[Cue]:
    """Fighting named as what a deal or truce ended is over: a CLASH veto on its words."""
    if low not in _END:
        return []
    out = []
    # "a deal ending months of fighting" (the participle may hang on the noun it ends)
    ended = [c for c in tok.children if c.dep_ == "dobj"] + ([tok.head] if tok.dep_ == "amod" else [])
    for c in ended:
        words = [t for t in c.subtree if t.lower_ in _FIGHTING and t.i != tok.i]
        if words:
            out += [_cue("CLASH", c, -1.0)] + [_cue("CLASH", t, -1.0) for t in words if t.i != c.i]
    return out


def people_intercepted(tok: Token, low: str) -> list[Cue]:
    """People intercepted ("they were all intercepted", "intercepted 40 migrants"): no weapon."""
    if low not in _INTERCEPT:
        return []
    objs = [h for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for h in (c, *c.conjuncts)]
    if objs and all(o.lower_ in _PRONOUNS or o.lower_ in PEOPLE or o.ent_type_ == "PERSON" for o in objs):
        return [_cue("DISRUPT", tok, -1.0)]
    return []


_DETAIN = _verbs("detain", "arrest", "jail", "imprison", "hold", "abduct", "kidnap")
#: What a demand asks for: the people it names are not being detained now.
_RELEASE = _nouns("release", "freedom", "freeing", "return")


def detention_demanded_back(tok: Token, low: str) -> list[Cue]:
    """ "They demanded the release of demonstrators detained during the rally": the detention
    is the demand's topic, not an act of this incident (ARREST and INTERVENE vetoes)."""
    if low not in _DETAIN or tok.dep_ not in {"acl", "relcl", "amod"}:
        return []
    node = tok.head
    for _ in range(3):  # demonstrators <- of <- release (or hung on "release" itself)
        if node.lower_ in _RELEASE or (
            node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in _RELEASE
        ):
            return [_cue("ARREST", tok, -1.0), _cue("INTERVENE", tok, -1.0)]
        node = node.head
    return []


_THROW = _verbs("throw", "hurl", "toss", "shower")
#: Things thrown to celebrate or to make a point, at nobody.
_HARMLESS = _nouns(
    "flower", "petal", "confetti", "paper", "roll", "balloon", "leaflet", "rice", "hat", "coin"
)


def thrown_at_nobody(tok: Token, low: str) -> list[Cue]:
    """Demonstrators "throwing toilet rolls into the air", "tossing flowers": no violence (a RIOT veto)."""
    if low not in _THROW:
        return []
    into_air = any(p.lower_ == "air" for p in _prep_objects(tok, {"into", "in"}))
    objs = [h for c in tok.children if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    things = [t for o in objs for t in (o, *(p for q in o.children if q.lower_ == "of" for p in q.children))]
    if into_air or (things and all(t.lower_ in _HARMLESS for t in things[-1:])):
        return [_cue("RIOT", tok, -1.0)]
    return []


_PERIOD = _nouns("month", "week", "year", "decade")


def recent_times_of_a_noun(tok: Token, low: str) -> list[Cue]:
    """ "the scene of the fiercest fighting in recent months": the period measures a superlative
    noun, it tells no repeated events (a GENERIC veto on "in recent months")."""
    if low not in _PERIOD or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return []
    if not any(c.lower_ == "recent" for c in tok.children):
        return []
    noun = tok.head.head
    if noun.pos_ == "NOUN" and any(t.tag_ == "JJS" and t.i < tok.i for t in noun.subtree):
        return [_cue("GENERIC", tok.head, -1.0)]
    return []


_SCENE = _nouns("scene", "theatre", "theater", "epicentre", "epicenter")


def scene_of_fighting(tok: Token, low: str) -> list[Cue]:
    """ "near the city of Varno, the scene of the fiercest fighting": a place described by its
    past fighting (a CLASH veto on the words of that description)."""
    if low not in _SCENE or tok.dep_ not in {"appos", "npadvmod", "attr"}:
        return []
    return [_cue("CLASH", t, -1.0) for t in tok.subtree if t.lower_ in _FIGHTING]


_HUMAN_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents")


def _a_thing(tok: Token) -> bool:
    """A common noun that names no person ("a flag", "their phones"), as far as words tell."""
    low = tok.lower_
    people = PEOPLE | DEMONSTRATORS | PERPETRATORS | SECURITY
    return (
        tok.pos_ == "NOUN"
        and tok.ent_type_ not in {"PERSON", "NORP", "ARMED_GROUP", "SECURITY_FORCE"}
        and low not in people
        and not low.endswith(_HUMAN_ENDINGS)
    )


def thing_taken_away(tok: Token, low: str) -> list[Cue]:
    """ "A fighter takes away a flag": a thing taken away is no abduction (an ABDUCT veto)."""
    if tok.lemma_ != "take" or not any(
        c.lower_ == "away" for c in tok.children if c.dep_ in {"prt", "advmod"}
    ):
        return []
    objs = [h for c in tok.children if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    if objs and all(_a_thing(o) for o in objs):
        return [_cue("ABDUCT", tok, -1.0)]
    return []


#: What a campaign is waged against when it is no enemy that can be fought in a battle.
_ABSTRACT_FOES = _nouns(
    "terrorism",
    "terror",
    "extremism",
    "radicalisation",
    "radicalization",
    "crime",
    "corruption",
    "poverty",
    "drug",
    "trafficking",
    "disease",
    "malaria",
    "hunger",
    "inflation",
    "impunity",
    "insecurity",
    "smuggling",
    "misinformation",
    "disinformation",
)


def campaign_against_an_ill(tok: Token, low: str) -> list[Cue]:
    """ "discussed the fight against terrorism", "the war on drugs": a campaign, not a battle (a
    ``CLASH`` veto on the noun)."""
    if low not in _FIGHTING or tok.pos_ != "NOUN":
        return []
    foes = list(_prep_objects(tok, {"against", "on"}))
    if foes and all(f.lower_ in _ABSTRACT_FOES for f in foes):
        return [_cue("CLASH", tok, -1.0)]
    return []


#: Nouns of a place changing hands, and the preposition that names who took it.
_TAKEN_BY = {
    "fall": "to",
    "falls": "to",
    "capture": "by",
    "seizure": "by",
    "takeover": "by",
    "recapture": "by",
}


def fall_of_a_place_to_a_side(tok: Token, low: str) -> list[Cue]:
    """ "The fall of the town to insurgents (the capture of the town by insurgents) was confirmed
    by the army": the noun names who took the place (``TAKER_*``, as "the town fell to insurgents"
    does), not the side confirming it."""
    if low not in _TAKEN_BY or tok.pos_ != "NOUN":
        return []
    taker = _kind_of_any(list(_prep_objects(tok, {_TAKEN_BY[low]})))
    return [_cue(f"TAKER_{taker.upper()}", tok)] if taker else []


_OCCUPY = _verbs("occupy")
_RELATIVE = frozenset({"who", "which", "that"})


def occupied_by_a_side(tok: Token, low: str) -> list[Cue]:
    """ "after dislodging the rebels who had occupied it": a place occupied by an armed side or
    by troops is held, not a sit-in (a ``PROTEST`` veto on the verb)."""
    if tok.lemma_ not in _OCCUPY and low not in _OCCUPY:
        return []
    subj = _subject(tok)
    if subj is not None and subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
        subj = tok.head  # "the rebels who had occupied it"
    agents = list(_prep_objects(tok, {"by"}))
    if any(actor_kind(h) in ("state", "armed") for h in ([subj] if subj is not None else []) + agents):
        return [_cue("PROTEST", tok, -1.0)]
    return []


#: Rules read on every verb (after the package's own).
RULES = (
    road_cut_by_a_side,
    ground_gained,
    gathering_attacked,
    fighting_ended,
    people_intercepted,
    detention_demanded_back,
    thrown_at_nobody,
    thing_taken_away,
    occupied_by_a_side,
)

#: Rules read on every word (nouns too).
WORD_RULES = (recent_times_of_a_noun, scene_of_fighting, campaign_against_an_ill, fall_of_a_place_to_a_side)
