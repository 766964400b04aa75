"""Weapons in the parse: weapons found, seized or made safe (DISRUPT), and a weapon told as
what did the harm while fighting is only its backdrop.

* "An explosive device planted under a bridge was found and made safe", "troops recovered
  rifles and grenades from a hideout", "the navy intercepted a boat carrying rocket
  launchers": the weapon never went off -> ``DISRUPT`` on the verb, whatever the word order
  (passive, coordinated verbs) the phrase patterns cannot follow.
* "A grenade thrown during clashes wounded five": the grenade is the subject of the harm; the
  clashes sit inside its description -> a veto (``CLASH`` -1) on them, so the weapon decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventlens.stages.cues_syntax.lexicon import QUANTITY_HEADS, _cue, _nouns, _verbs
from eventlens.stages.cues_syntax.sides import _subject, actor_kind
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Token

WEAPONS = _nouns(
    "device",
    "bomb",
    "ied",
    "explosive",
    "mine",
    "landmine",
    "grenade",
    "rifle",
    "gun",
    "weapon",
    "arms",
    "ammunition",
    "munition",
    "rocket",
    "mortar",
    "shell",
    "launcher",
    "cache",
    "stockpile",
    "depot",
    "arsenal",
    "detonator",
    "ordnance",
    "missile",
    "kalashnikov",
    "ak-47",
    "pistol",
    "round",
    "cartridge",
    "firearm",
    "projectile",
    "bullet",
    "stash",
    "explosive-laden",
)
#: Verbs that stop a weapon from being used.
DISRUPT_VERBS = _verbs(
    "find",
    "discover",
    "uncover",
    "locate",
    "detect",
    "seize",
    "confiscate",
    "recover",
    "defuse",
    "dismantle",
    "deactivate",
    "neutralise",
    "neutralize",
    "impound",
    "intercept",
    "unearth",
    "dispose",
    "capture",
    "retrieve",
    "clear",
    "identify",
    "spot",
)
#: "made safe", "rendered safe/harmless".
_MAKE = _verbs("make", "render")
_SAFE = frozenset({"safe", "harmless", "inoperable", "inactive"})
#: Verbs of harm whose subject may be the weapon ("a grenade ... wounded five").
HARM = _verbs("wound", "injure", "kill", "maim", "hurt", "hit", "damage", "tear", "rip", "explode", "leave")
#: Weapons whose description may hold the fighting as backdrop.
SUBJECT_WEAPONS = _nouns("grenade", "bomb", "mine", "landmine", "ied", "device", "explosive")
CLASH_WORDS = _nouns("clash", "fighting", "fight", "battle", "skirmish", "gunfight", "firefight", "exchange")


def _heads(tok: Token) -> Iterator[Token]:
    yield tok
    for h in (tok, *tok.conjuncts):
        if h is not tok:
            yield h
        if (
            h.lower_ in QUANTITY_HEADS
            or h.like_num
            or h.lower_ in {"amount", "amounts", "quantity", "quantities", "total", "series", "network"}
        ):
            for of in h.children:
                if of.dep_ == "prep" and of.lower_ == "of":
                    yield from (p for p in of.children if p.dep_ == "pobj")


def _objects(verb: Token) -> list[Token]:
    """What ``verb`` acts on: its object or passive subject, or those of the verb it is
    coordinated with ("was found and made safe")."""
    objs = [h for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for h in _heads(c)]
    if not objs and verb.dep_ == "conj":
        objs = [h for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"} for h in _heads(c)]
    if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN":
        objs = list(_heads(verb.head))  # "a stash of rifles found near the dam"
    return objs


#: Verbs of a clause that says what a thing holds or carries.
_HOLDING = frozenset(
    "contain carry hold store stock keep hide conceal pack fill load use transport house have laden".split()
)


def _holds_weapon(obj: Token) -> bool:
    """The object is a weapon, or holds one ("a stash of firearms", "packages containing
    explosive devices", "a hideout used to store arms")."""
    if _is_weapon(obj):
        return not any(d.lower_ in {"no", "any"} for d in obj.children)
    # what it is made of or holds: "of"/"with" phrases and "containing"/"carrying" clauses,
    # not a compound modifier ("a body with gun shot marks" holds no gun)
    frontier, seen = [obj], 0
    while frontier and seen < 12:
        node = frontier.pop()
        seen += 1
        for c in node.children:
            # a clause that holds ("containing", "used to store"), not one that tells another
            # act ("a commander who heads the unit that carried out a mortar attack")
            holding = c.dep_ in {"acl", "relcl"} and c.lemma_ in _HOLDING
            if c.dep_ == "prep" and c.lower_ in {"of", "with"} or holding:
                for g in c.children:
                    if holding and g.dep_ in {"ccomp", "xcomp"}:
                        # "containing what appeared to be explosive devices"
                        inner = [x for x in g.subtree if x.dep_ in {"attr", "dobj"}]
                        if any(_is_weapon(x) for x in inner):
                            return True
                        frontier += inner
                    if g.dep_ in {"pobj", "dobj"}:
                        if _is_weapon(g) and not any(k.dep_ == "compound" and k.i > g.i for k in g.children):
                            return True
                        frontier.append(g)
                    elif g.dep_ == "prep":
                        frontier.append(g)
    return False


def _is_weapon(tok: Token) -> bool:
    if tok.lower_ in WEAPONS or tok.ent_type_ == "WEAPON":
        # "a round of talks", "a shell company" are not weapons
        return not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children if tok.lower_ in {"round", "rounds"}
        )
    return False


def weapons_disrupted(tok: Token, low: str) -> list[Cue]:
    """A weapon found, seized or made safe by someone other than an armed group (DISRUPT)."""
    made_safe = low in _MAKE and any(c.dep_ in {"oprd", "acomp"} and c.lower_ in _SAFE for c in tok.children)
    if not (low in DISRUPT_VERBS or made_safe):
        return []
    subj = _subject(tok)
    if subj is not None and actor_kind(subj) == "armed":
        return []  # "militants seized weapons from the post": booty of an attack
    if any(c.dep_ == "neg" for c in tok.children) or any(
        _is_weapon(o) and any(d.lower_ == "no" for d in o.children) for o in _objects(tok)
    ):
        return [_cue("DISRUPT", tok, -1.0)]  # "did not find any weapons", "no device was found"
    # "discovered a suitcase holding what appeared to be bombs", its clause hung on the verb
    held = [c for c in tok.children if c.dep_ == "advcl" and c.lemma_ in _HOLDING and c.tag_ == "VBG"]
    if any(_is_weapon(x) for c in held for x in c.subtree if x.dep_ in {"dobj", "attr"}):
        return [_cue("DISRUPT", tok)]
    if any(_holds_weapon(o) for o in _objects(tok)):
        # "no device was found" found nothing
        return [_cue("DISRUPT", tok)]
    return []


def weapon_did_the_harm(tok: Token, low: str) -> list[Cue]:
    """Fighting named inside the description of the weapon that did the harm is its backdrop
    (a CLASH veto on it)."""
    if low not in HARM:
        return []
    out = []
    for c in tok.children:
        if c.dep_ == "nsubj" and c.lower_ in SUBJECT_WEAPONS:
            out += [_cue("CLASH", t, -1.0) for t in c.subtree if t.i != c.i and t.lower_ in CLASH_WORDS]
    return out


#: Bases, posts and camps an armed side sets up.
HQ_NOUNS = _nouns(
    "base", "headquarters", "camp", "outpost", "post", "barracks", "garrison", "point", "checkpoint"
)
_ESTABLISH = _verbs("establish", "set", "build", "open", "erect", "construct", "install")
#: What makes a post or a point a military one.
_MILITARY = frozenset("military army observation forward command security police new".split())


def base_established(tok: Token, low: str) -> list[Cue]:
    """A base, military post or observation point set up (HQ), also in the passive ("the
    latest point was established", "three posts were set up")."""
    if low not in _ESTABLISH:
        return []
    prt = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    if tok.lemma_ == "set" and "up" not in prt:
        return []
    for o in _objects(tok):
        if o.lower_ not in HQ_NOUNS:
            continue
        mods = {t.lower_ for t in o.subtree if t.i < o.i}
        subj = _subject(tok)
        armed_side = subj is not None and actor_kind(subj) is not None
        if o.lower_ in {"checkpoint", "checkpoints"} and not mods & {"military", "army"}:
            continue  # police checkpoints on the roads: a change of activity, not a base
        if o.lower_ in {"post", "posts", "point", "points"} and not (mods & _MILITARY or armed_side):
            continue  # "a post on social media", "a point of contact"
        if o.lower_ in {"point", "points"} and not mods & {"observation", "military", "army"}:
            continue
        if o.lower_ in {"camp", "camps"} and mods & {"displacement", "refugee", "idp", "relief", "summer"}:
            continue
        return [_cue("HQ", tok)]
    return []


_GRENADES = _nouns("grenade")
_DURING = frozenset({"during", "amid", "amidst", "in"})


def _names_grenade(tok: Token) -> bool:
    """A grenade, or an explosion or attack told as a grenade's ("a grenade explosion")."""
    return tok.lower_ in _GRENADES or any(
        c.lower_ in _GRENADES for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}
    )


def grenade_during_fighting(tok: Token, low: str) -> list[Cue]:
    """ "Hand grenades were hurled during the clashes", "injured in a grenade explosion amid
    armed clashes": the grenade is the event, the fighting its setting (a CLASH veto)."""
    if low not in CLASH_WORDS or tok.dep_ != "pobj" or tok.head.lower_ not in _DURING:
        return []
    anchor = tok.head.head
    args = [anchor, *(c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})]
    args += [
        p for c in anchor.children if c.dep_ in {"prep", "agent"} for p in c.children if p.dep_ == "pobj"
    ]
    if any(_names_grenade(a) for a in args):
        return [_cue("CLASH", tok, -1.0)]
    return []
