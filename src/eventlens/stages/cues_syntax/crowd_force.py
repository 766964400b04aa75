"""Force at demonstrations read from the parse: security forces shooting at a gathering
(EXCESSIVE, and the gathering is a PROTEST), and anyone but security forces throwing stones
or firebombs at the police (RIOT).

"Police fired live rounds at a peaceful march", "soldiers opened fire on a candlelight vigil",
"troops used live ammunition against a sit-in": the shooters are state forces (their kind
from their head words, :func:`eventlens.stages.cues_syntax.sides.actor_kind`) and the target
is an assembly, so the event is excessive force against protesters whatever the victims are
called afterwards ("killing three mourners"). "Students pelted riot police with rocks" is a
violent demonstration: the crowd's own violence against the police.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventlens.stages.cues_syntax.lexicon import DEMONSTRATORS, SECURITY, _cue, _nouns, _verbs
from eventlens.stages.cues_syntax.sides import _subject, actor_kind
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Assemblies (besides :data:`DEMONSTRATORS`) whose shooting is force against protesters.
GATHERINGS = DEMONSTRATORS | _nouns("vigil", "marcher", "rallygoer", "picket", "strike", "sit")
SHOOT = _verbs("shoot", "fire", "gun", "spray")
USE = _verbs("use", "open", "unleash", "turn")
LIVE_FIRE = _nouns("ammunition", "round", "bullet", "fire", "gun", "weapon", "gunfire")
THROW = _verbs("throw", "hurl", "pelt", "lob", "toss", "rain", "stone", "hit", "attack")
MISSILES = _nouns(
    "stone",
    "rock",
    "brick",
    "bottle",
    "projectile",
    "firebomb",
    "cocktail",
    "molotov",
    "object",
    "missile",
    "debris",
)
POLICE_TARGETS = SECURITY | _nouns("policeman", "policemen", "convoy", "station", "vehicle", "car")


def _is_gathering(t: Token) -> bool:
    if t.lower_ == "sit":
        # "sit-in" is three tokens: sit - in
        doc = t.doc
        return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ == "in"
    if t.ent_type_ in {"DATE", "TIME"} or (t.lower_ == "march" and not t.is_lower):
        return False  # "On 23 March", not a march
    return t.lower_ in GATHERINGS and t.lower_ not in ("strike", "convoy", "passage")


#: What riot police fire that does not kill: firing it is an intervention, not lethal force.
NON_LETHAL = _nouns(
    "gas",
    "teargas",
    "cannon",
    "canister",
    "grenade",
    "spray",
    "pepper",
    "rubber",
    "plastic",
    "pellet",
    "bean",
    "flare",
    "stun",
    "flash",
    "flashbang",
    "blank",
    "warning",
    "shot",
    "smoke",
    "water",
)


def fires_only_non_lethal(verb: Token) -> bool:
    """Does ``verb`` fire only tear gas, water cannon, rubber bullets or warning shots?"""
    objs = [h for c in verb.children if c.dep_ == "dobj" for h in (c, *c.conjuncts)]
    if not objs:
        return False
    return all(o.lower_ in NON_LETHAL or any(m.lower_ in NON_LETHAL for m in o.children) for o in objs)


def _shooters_are_state(verb: Token) -> bool:
    subj = _subject(verb)
    if subj is None:
        return False
    return actor_kind(subj) == "state" or subj.lower_ in SECURITY


_RIOTING = frozenset(
    "rioters rioter rioting riot stones rocks molotov petrol clashed clashes stone-throwing".split()
)


def force_on_gathering(tok: Token, low: str) -> list[Cue]:
    """State forces shooting at an assembly (EXCESSIVE + PROTEST on the assembly)."""
    shooting = low in SHOOT or (
        low in USE and any(c.dep_ == "dobj" and c.lower_ in LIVE_FIRE for c in tok.children)
    )
    if not shooting or not _shooters_are_state(tok) or fires_only_non_lethal(tok):
        return []
    doc = tok.doc
    near = doc[max(0, tok.sent.start - 60) : tok.sent.end]  # this sentence and the one before
    if any(t.lower_ in _RIOTING and not (t.lower_ == "riot" and t.head.lower_ in SECURITY) for t in near):
        return []  # fire at rioters or stone-throwers: not force against a peaceful assembly
    targets = [c for c in tok.children if c.dep_ == "dobj"]
    targets += [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"at", "on", "upon", "into", "towards", "toward", "against"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for o in targets:
        for t in o.subtree:
            if _is_gathering(t):
                return [_cue("EXCESSIVE", tok), _cue("PROTEST", t)]
    return []


def stones_at_police(tok: Token, low: str) -> list[Cue]:
    """Stones, bottles or firebombs thrown at the police by others than security forces (RIOT)."""
    if low not in THROW:
        return []
    subj = _subject(tok)
    if subj is not None and (actor_kind(subj) or subj.lower_ in SECURITY):
        return []  # soldiers or an armed group throwing things is not a crowd's riot
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    withs = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    ats = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"at", "on", "towards", "toward"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    missiles = [t for o in objs + withs for t in o.subtree if t.lower_ in MISSILES]
    if low in {"pelt", "pelted", "pelting", "pelts", "stone", "stoned", "stoning", "stones"}:
        targets = objs + ats
        if low.startswith("ston"):
            missiles = missiles or [tok]
    else:
        targets = ats
    if missiles and any(t.lower_ in POLICE_TARGETS for o in targets for t in o.subtree):
        # on the missile, not the verb: the verb may carry a "riot police" veto's neighbour
        return [_cue("RIOT", missiles[0])]
    return []


#: Adverbs that make an intervention serious violence ("violently dispersed", "brutally beat").
VIOLENTLY = frozenset("violently brutally savagely viciously mercilessly ruthlessly bloodily".split())
#: Acts on an assembly that the adverb turns into excessive force.
SUPPRESS = _verbs(
    "disperse", "suppress", "attack", "beat", "assault", "crush", "break", "crack", "quell", "repress"
)
#: Assemblies and their members.
ASSEMBLED = GATHERINGS | _nouns("activist", "student", "worker")


def violent_suppression(tok: Token, low: str) -> list[Cue]:
    """State forces violently dispersing or brutally beating an assembly (EXCESSIVE): the report
    itself says the force was excessive, not only that there was an intervention."""
    if low not in SUPPRESS or not any(c.dep_ == "advmod" and c.lower_ in VIOLENTLY for c in tok.children):
        return []
    subj = _subject(tok)
    passive_agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    state = (subj is not None and (actor_kind(subj) == "state" or subj.lower_ in SECURITY)) or any(
        actor_kind(a) == "state" or a.lower_ in SECURITY for a in passive_agents
    )
    if not state:
        return []
    targets = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    targets += [
        p
        for c in tok.children
        if c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "up", "down"}
        for p in (*c.children, *(q for pc in c.children for q in pc.children))
        if p.dep_ in {"pobj", "dobj"}
    ]
    for o in targets:
        for t in o.subtree:
            if _is_gathering(t):
                return [_cue("EXCESSIVE", tok), _cue("PROTEST", t)]
    return []


#: Words of a fight between two sides.
FIGHT_WORDS = _nouns("clash", "confrontation", "scuffle", "skirmish", "fight") | _verbs(
    "clash", "scuffle", "fight"
)
PROTESTERS = frozenset(DEMONSTRATORS) - {"convoy", "passage", "caravan"}


def _fight_sides(tok: Token) -> list[Token]:
    """The heads of the sides of the fight word ``tok``: its subject, its "between", "with" or
    "against" objects, or the verb's "between" objects when the fight word is its subject."""
    # (a compound side is a noun, "police-protester clashes"; not "heavy" parsed as one)
    sides = [
        c for c in tok.children if c.dep_ == "nsubj" or (c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"})
    ]
    sides += [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"between", "with", "against"}
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if tok.dep_ == "nsubj":
        # "clashes broke out between police and protesters": the sides hang on the verb
        sides += [
            p
            for c in tok.head.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return sides


def protesters_fight_police(tok: Token, low: str) -> list[Cue]:
    """Demonstrators and police fighting each other (RIOT): "clashes between police and
    protesters", "police clashed with demonstrators", "protesters scuffled with officers"."""
    if low not in FIGHT_WORDS:
        return []
    sides = _fight_sides(tok)
    words = {h.lower_ for s in sides for h in (s, *s.conjuncts)}
    kinds = {actor_kind(h) for s in sides for h in (s, *s.conjuncts)}
    if words & PROTESTERS and (words & SECURITY or "state" in kinds) and "armed" not in kinds:
        # on the fight word, but another name than the clash cue there: the demonstrators' fight
        return [_cue("RIOT", tok)]
    return []


#: Heads of a part of an organisation: "two factions of the SPLA-IO", "a wing of the movement".
_PARTS = _nouns("faction", "wing", "splinter", "branch", "unit", "cell", "brigade", "battalion", "column")


#: Names of political parties and unions: their factions' fights are riots in ACLED's coding
#: ("a clash between two factions of Awami League" is mob violence), not battles.
_PARTIES = frozenset(
    "party parties league congress union unions alliance council association assembly coalition".split()
)


def _organised(head: Token) -> str | None:
    """``"state"`` or ``"armed"`` for a side that is an organised force: by its head words
    (:func:`~eventlens.stages.cues_syntax.sides.actor_kind`), or a part of a named or armed
    organisation ("two factions of the SPLA-IO", "rival factions of the armed group")."""
    kind = actor_kind(head)
    if kind is not None or head.lower_ not in _PARTS:
        return kind
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if actor_kind(obj) is not None:
                    return "armed"
                if (
                    obj.pos_ == "PROPN"
                    and obj.ent_type_ not in {"NORP", "GPE", "LOC", "PERSON"}
                    and not any(t.lower_ in _PARTIES for t in obj.subtree)
                ):
                    return "armed"
    return None


def organised_sides_fight(tok: Token, low: str) -> list[Cue]:
    """A fight whose every side is an organised force, one at least not the state's (ARMEDSIDES):
    "fighting broke out between the FARDC and M23 rebels", "clashes between two factions of the
    SPLA-IO", "ELN guerrillas clashed with dissidents of the 33rd Front". Two organised sides
    fight a battle, never a crowd's mob violence, whatever onset verb tells it ("broke out",
    "erupted"). Not a cue of an incident itself: a fact about the sides of the fight word."""
    if low not in FIGHT_WORDS:
        return []
    heads = [h for s in _fight_sides(tok) for h in (s, *s.conjuncts)]
    kinds = [_organised(h) for h in heads]
    if not (heads and all(kinds) and "armed" in kinds):
        return []
    out = [_cue("ARMEDSIDES", tok)]
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in _UPROOTED_BY:
        # "fighting between the FARDC and the M23 displaced some 5,000 people": the fight is the
        # doer of the flight the verb tells, so the verb tells the fight (a battle on that day),
        # not a displacement alone
        out.append(_cue("CLASH", tok.head))
    return out


#: Verbs of people uprooted by a doer ("fighting displaced 5,000", "clashes forced thousands to flee").
_UPROOTED_BY = frozenset("displace force drive uproot push send empty".split())
