"""Who gains and who loses: the kind of each side of a capture, recapture, withdrawal or
handover, read from the parse (cues ``TAKER_STATE``, ``TAKER_ARMED``, ``LOSER_STATE``,
``LOSER_ARMED``; they never open an incident, ``detect`` weighs them).

ACLED decides territorial sub-types by who takes the place: state forces (and their
affiliates) regain territory; a non-state group overtakes it. News tells it with any verb
("recaptured the town from the army", "drove the rebels out of", "fell to the militants") and
with invented group names, so the kind of a side comes from its head words and modifiers
("the Ruvani Liberation Front fighters" -> armed; "government troops" -> state; "rebel
forces" -> armed), never from a list of known names alone.

Also here: an attempted capture that was beaten back ("tried to seize the town but were
repelled") took nothing: the capture cue is vetoed and the fighting is a clash.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from eventlens.stages.cues_syntax.lexicon import _cue, _nouns, _verbs
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Heads that name state forces (police, army, the government's own units).
STATE_HEADS = _nouns(
    "army",
    "military",
    "troop",
    "soldier",
    "police",
    "policeman",
    "policemen",
    "gendarme",
    "gendarmerie",
    "government",
    "regime",
    "authority",
    "navy",
    "marine",
    "commando",
    "paratrooper",
    "serviceman",
    "servicemen",
    "armed forces",
    "guard",
)
#: Heads that name non-state armed groups, whatever their invented name.
ARMED_HEADS = _nouns(
    "militant",
    "fighter",
    "rebel",
    "insurgent",
    "jihadist",
    "jihadi",
    "militia",
    "militiaman",
    "militiamen",
    "gunman",
    "gunmen",
    "terrorist",
    "separatist",
    "guerrilla",
    "guerilla",
    "extremist",
    "bandit",
    "insurgency",
    "front",
    "movement",
    "faction",
    "brigade",
    "group",
    "mujahideen",
    "combatant",
)
#: Modifiers that make an ambiguous head ("forces", "units", "army") one kind or the other.
STATE_MODIFIERS = frozenset(
    "government government-backed pro-government state national federal regular security military "
    "army police presidential republican loyalist".split()
)
ARMED_MODIFIERS = frozenset(
    "rebel rebels insurgent militant militia opposition jihadist jihadi separatist guerrilla "
    "liberation resistance islamist islamic anti-government armed independence revolutionary salvation".split()
)
#: Ambiguous heads: their kind comes from a modifier ("rebel forces", "government forces").
NEUTRAL_HEADS = _nouns("force", "unit", "troop", "army", "soldier", "fighter", "men", "personnel")

#: Verbs whose subject gains a place.
GAIN = _verbs(
    "seize",
    "capture",
    "overrun",
    "conquer",
    "overtake",
    "take",
    "retake",
    "recapture",
    "regain",
    "liberate",
    "reclaim",
    "storm",
    "occupy",
    "gain",
    "win",
    "wrest",
    "control",
    "establish",
    "assume",
)
#: Verbs whose object loses a place to the subject ("drove the rebels out of the town").
EXPEL = _verbs("drive", "push", "force", "expel", "oust", "dislodge", "rout", "evict", "clear", "flush")
#: Verbs whose subject loses a place.
LOSE = _verbs("withdraw", "retreat", "abandon", "flee", "evacuate", "lose", "surrender", "cede", "vacate")
#: Verbs whose subject hands a place to the ``to`` object.
HAND = _verbs("hand", "cede", "surrender", "transfer", "give")
#: Verbs of a side moving into a place another left.
MOVE_IN = _verbs("deploy", "move", "step", "take", "replace", "roll", "march")
_TAKE = _verbs("take")
#: The place falls to the ``to`` object ("the town fell to the rebels").
FALL = _verbs("fall")
#: Trying, not succeeding: the capture did not happen unless told otherwise.
TRY_LEMMAS = ("try", "attempt", "seek", "aim", "plan", "threaten", "intend")
TRY = _verbs(*TRY_LEMMAS)
TRY_NOUNS = _nouns("attempt", "bid", "effort", "plan", "offensive", "attack", "assault", "push", "drive")
#: A capture beaten back.
REPEL = _verbs(
    "repel", "repulse", "thwart", "foil", "rebuff", "halt", "stop", "fend", "fight", "beat", "push"
)
REPEL_PARTICLES = frozenset({"off", "back"})


def _phrase_words(head: Token) -> set[str]:
    """The lower-cased words of a noun phrase left of and at its head (modifiers, compounds,
    an invented name: "the Ruvani Liberation Front fighters")."""
    words = {head.lower_}
    for t in head.subtree:
        if t.i <= head.i or t.dep_ in {"compound", "amod", "nmod"}:
            words.add(t.lower_)
    # "fighters of the Ruvani Liberation Front", "members of the militia": the group they belong to
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "from", "loyal"}:
            for p in c.children:
                if p.dep_ == "pobj":
                    words |= {t.lower_ for t in p.subtree if t.i <= p.i} | {p.lower_}
    return words


def actor_kind(head: Token | None) -> str | None:
    """``"state"``, ``"armed"`` or None for the noun phrase headed by ``head``."""
    if head is None:
        return None
    ent = head.ent_type_
    if head.pos_ == "PROPN" and head.lower_ in {"army", "armies"}:
        name = _phrase_words(head) - {head.lower_}
        if (name & ARMED_MODIFIERS or "people" in name) and not name & STATE_MODIFIERS:
            # "the Orvano People's Army", "the Kanuri Liberation Army": a movement's name
            return "armed"
    if ent == "SECURITY_FORCE":
        return "state"
    if ent == "ARMED_GROUP":
        return "armed"
    words = _phrase_words(head)
    low = head.lower_
    armed_mod = bool(words & ARMED_MODIFIERS)
    state_mod = bool(words & STATE_MODIFIERS)
    if low in NEUTRAL_HEADS or low in STATE_HEADS:
        if armed_mod and not (words & {"government", "government-backed", "pro-government", "national"}):
            # "rebel forces", "the Ruvani Liberation Army"; a pro-government militia is the state's side
            return "armed"
        if low in STATE_HEADS or state_mod:
            return "state"
        if low in ARMED_HEADS:
            return "armed"
        if any(t.ent_type_ in {"NORP", "GPE"} for t in head.subtree if t.i < head.i):
            return "state"  # "Russian forces", "Ethiopian troops"
        return None
    if low in ARMED_HEADS:
        if words & {"government-backed", "pro-government", "state-backed", "army-backed"}:
            return "state"
        # (plurals too: "two factions of traders", "groups of youths")
        if low.removesuffix("s") in {"group", "movement", "front", "faction", "brigade"} and not (
            armed_mod or head.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in head.lefts)
        ):
            return None  # "a group of residents", "the movement" of unknown kind
        return "armed"
    if words & ARMED_HEADS and head.pos_ == "PROPN":
        return "armed"  # "the Ruvani Liberation Front"
    return None


def _heads(tok: Token) -> Iterator[Token]:
    yield tok
    yield from tok.conjuncts


def _subject(verb: Token) -> Token | None:
    """The active subject of ``verb``, through coordination and control ("launched an
    offensive and captured", "managed to seize")."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        for c in node.children:
            if c.dep_ == "nsubj":
                return c
        if node.dep_ in {"xcomp", "ccomp"} and any(c.dep_ == "dobj" for c in node.head.children):
            # "forcing them to leave": the object of the governing verb does it
            return next(c for c in node.head.children if c.dep_ == "dobj")
        if node.dep_ in {"conj", "xcomp", "advcl"} and node.head is not node:
            node = node.head
        else:
            return None
    return None


def _prep_objects(tok: Token, preps: set[str]) -> Iterator[Token]:
    for c in tok.children:
        if c.dep_ in {"prep", "dative", "agent"} and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    yield p


def _kind_of_any(toks: Iterator[Token] | list[Token]) -> str | None:
    for t in toks:
        # "Provinces, army units, ...": an apposition names the same side
        for h in (*_heads(t), *(c for c in t.children if c.dep_ == "appos")):
            k = actor_kind(h)
            if k:
                return k
    return None


def _particles(verb: Token) -> set[str]:
    """The verb's particles ("drove out"), also when parsed as a preposition ("drove them out of")."""
    return {
        c.lower_
        for c in verb.children
        if c.dep_ == "prt"
        or (c.dep_ == "prep" and c.lower_ in {"out", "away", "over", "back"})
        or (c.dep_ == "advmod" and c.lower_ == "in")
    }


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def territory_sides(tok: Token, low: str) -> list[Cue]:
    """The kinds of the side that gained and the side that lost a place."""
    if low not in _SIDES_VERBS:
        return []  # every branch below needs one of these verbs (most words: skip the parse reads)
    taker = loser = None
    prt = _particles(tok)
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if low in GAIN or low in EXPEL:
        if _passive(tok):
            taker = _kind_of_any(list(_prep_objects(tok, {"by"})))
        else:
            subj = _subject(tok)
            taker = _kind_of_any([subj]) if subj is not None else None
        # "recaptured the town from the army", "seized control of the village from rebels"
        froms = list(_prep_objects(tok, {"from"}))
        for o in objects:
            froms += list(_prep_objects(o, {"from"}))
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    froms += [p2 for p in c.children if p.dep_ == "pobj" for p2 in _prep_objects(p, {"from"})]
        loser = _kind_of_any(froms)
        if low in EXPEL and (
            prt & {"out", "away", "back"} or low in {"expel", "oust", "dislodge", "rout", "evict"}
        ):
            loser = loser or _kind_of_any(objects)
            if low in {"push", "force"} and "back" in prt:
                return []  # "pushed back the assault" repels, it takes nothing
        if low in EXPEL and not (prt or low in {"expel", "oust", "dislodge", "rout", "evict"}):
            return []  # "drove a car", "forced residents to leave"
    elif low in FALL:
        taker = _kind_of_any(list(_prep_objects(tok, {"to", "into"})))
        if taker is None:
            # "fell into the hands of the rebels"
            hands = [p for p in _prep_objects(tok, {"into"}) if p.lower_ == "hands"]
            taker = _kind_of_any([q for h in hands for q in _prep_objects(h, {"of"})])
    elif low in HAND or low in LOSE:
        if not _passive(tok):
            subj = _subject(tok)
            loser = _kind_of_any([subj]) if subj is not None else None
        taker = _kind_of_any(list(_prep_objects(tok, {"to"})))
        if taker is None and low in HAND:
            taker = _kind_of_any([p for o in objects for p in _prep_objects(o, {"to"})])
    elif low in MOVE_IN and not _passive(tok):
        # "the army deployed in their place", "rebels moved in", "troops took their place"
        into_place = any(p.lower_ in {"place", "stead"} for p in _prep_objects(tok, {"in"})) or any(
            o.lower_ in {"place", "places"} for o in objects
        )
        if into_place or ("in" in prt and low not in _TAKE):
            subj = _subject(tok)
            taker = _kind_of_any([subj]) if subj is not None else None
    if taker is None and low in LOSE | _LEAVE:
        # "withdrew, leaving it in the hands of opposition fighters"
        for v in (tok, *(c for c in tok.children if c.dep_ in {"advcl", "xcomp", "conj"})):
            hands = [p for p in _prep_objects(v, {"in", "into"}) if p.lower_ in {"hands", "control"}]
            taker = taker or _kind_of_any([q for h in hands for q in _prep_objects(h, {"of"})])
    out = []
    if taker:
        out.append(_cue(f"TAKER_{taker.upper()}", tok))
    if loser:
        out.append(_cue(f"LOSER_{loser.upper()}", tok))
    return out


def _tried(verb: Token) -> bool:
    """Is ``verb`` only attempted ("tried to seize", "an attempt to capture", "in a bid to take")?"""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in TRY_LEMMAS:
        return True
    if verb.dep_ in {"acl", "relcl"} and head.lower_ in TRY_NOUNS:
        return True
    if (
        verb.dep_ in {"advcl", "xcomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "dobj" and c.lower_ in TRY_NOUNS for c in head.children)
    ):
        # "launched an assault to seize the airport": the aim of an attack, not yet a capture
        return True
    return head.lower_ in TRY and verb.dep_ in {"xcomp", "ccomp"}


def repelled_capture(tok: Token, low: str) -> list[Cue]:
    """A capture attempted and beaten back is fighting (CLASH), not a change of territory."""
    if not (low in GAIN or low in {"take"}) or not _tried(tok):
        return []
    sent = tok.sent
    repel = [
        t
        for t in sent
        if t.lower_ in REPEL
        and (
            t.lemma_ in {"repel", "repulse", "thwart", "foil", "rebuff"}
            or any(c.dep_ in {"prt", "advmod"} and c.lower_ in REPEL_PARTICLES for c in t.children)
        )
    ]
    failed = any(
        t.lower_ in {"failed", "unsuccessful", "foiled", "thwarted", "repelled", "repulsed"} for t in sent
    )
    if not repel and not failed:
        return []
    out = [_cue("OVERTAKE", tok, -1.0), _cue("REGAIN", tok, -1.0)]
    out.append(_cue("CLASH", repel[0] if repel else tok))
    return out


#: Places a "take over" or a handover can be about (besides named places).
PLACES = _nouns(
    "town",
    "city",
    "village",
    "district",
    "base",
    "area",
    "territory",
    "locality",
    "camp",
    "headquarters",
    "position",
    "hill",
    "airport",
    "bridge",
    "province",
    "region",
    "county",
    "outpost",
    "garrison",
    "crossing",
    "port",
    "settlement",
    "neighbourhood",
    "neighborhood",
    "capital",
    "stronghold",
    "checkpoint",
    "border",
    "post",
    "barracks",
    "junction",
    "highway",
    "road",
    "oilfield",
    "field",
    "valley",
    "island",
    "enclave",
    "suburb",
    "municipality",
    "bastion",
    "site",
    "facility",
    "airbase",
    "fields",
)


#: Words for a part of a place ("a swathe of territory", "parts of the district").
_PART_OF = _nouns("swathe", "swath", "part", "stretch", "strip", "chunk", "portion", "section", "pocket")


def _is_place(tok: Token) -> bool:
    return tok.lower_ in PLACES or tok.ent_type_ in {"GPE", "LOC", "FAC"}


def _place_object(verb: Token) -> bool:
    """A place as the object of ``verb``, directly or through "control of"."""
    for c in verb.children:
        if c.dep_ in {"dobj", "nsubjpass"}:
            for h in _heads(c):
                if _is_place(h) or (
                    h.lower_ in _PART_OF and any(_is_place(p) for p in _prep_objects(h, {"of"}))
                ):
                    return True  # "a swathe of territory was handed over"
                if h.lower_ == "control" and any(_is_place(p) for p in _prep_objects(h, {"of", "over"})):
                    return True
    return False


def place_changes_hands(tok: Token, low: str) -> list[Cue]:
    """A place taken over (OVERTAKE: "took over the border crossing"), an armed side driven
    out of one (OVERTAKE: who gained it is read by :func:`territory_sides`), or handed over
    (TRANSFER: "handed the district over to the army")."""
    prt = _particles(tok)
    if tok.lemma_ == "take" and "over" in prt and _place_object(tok):
        return [_cue("OVERTAKE", tok)]
    if low in _HELD_BY_FORCE and "up" not in prt and _place_object(tok) and not _tried(tok):
        # "the militants seized two oil fields", "troops occupied three hill posts", "wrested
        # control of a military camp": a side taking a place (not property, not a sit-in)
        subj = _subject(tok)
        agents = list(_prep_objects(tok, {"by"})) if _passive(tok) else ([subj] if subj is not None else [])
        if _kind_of_any(agents):
            out = [_cue("OVERTAKE", tok)]
            if low in _OCCUPY:
                out.append(_cue("PROTEST", tok, -1.0))
            if low in _SEIZE:
                out.append(_cue("LOOT", tok, -1.0))
            return out
    if low in EXPEL and prt & {"out", "away"}:
        driven = [h for c in tok.children if c.dep_ == "dobj" for h in _heads(c)]
        if any(actor_kind(h) for h in driven) and any(
            _is_place(p)
            for c in tok.children
            if c.dep_ in {"prt", "prep"} and c.lower_ in {"out", "away"}
            for p in _prep_objects(c, {"of", "from"})
        ) | any(_is_place(p) for p in _prep_objects(tok, {"of", "from"})):
            return [_cue("OVERTAKE", tok)]
    if low in HAND and prt & {"over", "back"} and _place_object(tok):
        return [_cue("TRANSFER", tok)]
    if low in FALL and _falls_to_a_side(tok):
        # "the town fell to Ostrava Brigade rebels": a place taken, whoever took it
        return [_cue("OVERTAKE", tok)]
    if low in WITHDRAW and not _passive(tok):
        # "after the rebels withdrew", "the army pulled out": a side leaving the place
        subj = _subject(tok)
        leaves_place = any(_is_place(o) for o in _objects_of(tok)) or any(
            _is_place(p) for p in _prep_objects(tok, {"from"})
        )
        by_deal = any(
            p.lower_ in _DEALS for p in _prep_objects(tok, {"under", "as", "in", "after", "following"})
        ) or any(p.lower_ in _DEALS for c in tok.children for p in c.subtree if c.dep_ == "prep")
        leaves_place = leaves_place or by_deal
        if (
            subj is not None
            and actor_kind(subj)
            and (low not in _PULL or prt & {"out", "back"})
            and leaves_place
        ):
            return [_cue("TRANSFER", tok)]
    return []


def _falls_to_a_side(verb: Token) -> bool:
    """A place as the subject of "fall" and a side of known kind as what it fell to ("to the
    rebels", "into the hands of the army")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(_is_place(h) for h in _heads(subj)):
        return False
    to = list(_prep_objects(verb, {"to", "into"}))
    hands = [q for h in to if h.lower_ == "hands" for q in _prep_objects(h, {"of"})]
    return _kind_of_any(to + hands) is not None


#: A side leaving a place of its own accord (fleeing under attack is not in it).
WITHDRAW = _verbs("withdraw", "retreat", "evacuate", "vacate", "abandon", "pull", "leave")
#: Verbs of taking a place that need a side as their subject to be territorial.
_HELD_BY_FORCE = _verbs("seize", "capture", "take", "occupy", "control", "wrest", "overrun")
_OCCUPY = _verbs("occupy")
_SEIZE = _verbs("seize", "take")
_PULL = _verbs("pull")
_LEAVE = _verbs("leave")
_SIDES_VERBS = GAIN | EXPEL | FALL | HAND | LOSE | MOVE_IN | _LEAVE
_DEALS = _nouns("deal", "agreement", "truce", "ceasefire", "accord", "arrangement", "pact")


def _objects_of(verb: Token) -> list[Token]:
    return [h for c in verb.children if c.dep_ == "dobj" for h in _heads(c)]


#: Participles that name a capture when used as verbs.
_CAPTURED = GAIN | _verbs("liberate")


def capture_as_modifier(tok: Token, low: str) -> list[Cue]:
    """ "in the captured town", "the recently liberated city": a capture recalled as a place's
    description, not told as the event (a veto on the capture cues)."""
    if low in _CAPTURED and tok.dep_ == "amod" and tok.tag_ in {"VBN", "JJ"} and _is_place(tok.head):
        return [_cue("OVERTAKE", tok, -1.0), _cue("REGAIN", tok, -1.0)]
    return []


#: Verbs of moving or strengthening forces: their "after the attacks" is the reason, not the event.
DEPLOY = _verbs(
    "deploy", "redeploy", "dispatch", "send", "reinforce", "mobilise", "mobilize", "station", "move", "rush"
)
_BACKDROP_PREPS = frozenset({"after", "following", "amid", "over", "in"})
#: Bare nouns of violence that name a reason when nothing about them is told.
_VIOLENCE_NOUNS = _nouns("attack", "violence", "clash", "fighting", "killing", "unrest", "bombing", "raid")
_VETO = {"attack": "KILL", "killing": "KILL", "raid": "KILL", "violence": "KILL", "bombing": "IED"}


def deployment_reason(tok: Token, low: str) -> list[Cue]:
    """ "Troops were dispatched to the province after the attacks": the bare attack named as the
    reason for a deployment is no incident of its own (a veto on its cue)."""
    if low not in DEPLOY:
        return []
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _BACKDROP_PREPS:
            for p in c.children:
                if p.dep_ != "pobj" or p.lower_ not in _VIOLENCE_NOUNS:
                    continue
                if any(k.dep_ in {"nummod", "prep", "acl", "relcl", "compound"} for k in p.children):
                    continue  # "after an attack on a convoy that killed ten": told in its own right
                lemma = p.lemma_.lower()
                out.append(_cue(_VETO.get(lemma, "CLASH"), p, -1.0))
    # "reinforced its positions with artillery units", "deployed rocket batteries": units named
    # by their weapon are moved, not fired
    moved = [c for c in tok.children if c.dep_ == "dobj"]
    moved += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children]
    for m in moved:
        for t in m.subtree:
            if (
                t.lower_ in _UNIT_WEAPONS
                and t.dep_ in {"compound", "amod", "nmod"}
                and t.head.lower_ in _UNITS
            ):
                out.append(_cue("SHELL", t, -1.0))
    return out


_UNIT_WEAPONS = frozenset(
    "artillery mortar rocket missile tank armoured armored air-defence air-defense".split()
)
_UNITS = _nouns(
    "unit", "battery", "battalion", "brigade", "regiment", "division", "company", "system", "crew"
)
