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

from eventlens.stages.inflect import noun_forms, verb_forms
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _verbs(*words: str) -> frozenset[str]:
    return frozenset(f for w in words for f in verb_forms(w))


def _nouns(*words: str) -> frozenset[str]:
    return frozenset(f for w in words for f in noun_forms(w))


ASSEMBLY = _verbs(
    "gather",
    "assemble",
    "rally",
    "march",
    "walk",
    "drive",
    "line",
    "block",
    "blockade",
    "sit",
    "stand",
    "stage",
    "organise",
    "organize",
    "join",
    "participate",
    "converge",
    "parade",
    "occupy",
    "camp",
    "mobilize",
    "mobilise",
    "protest",
    "demonstrate",
    "picket",
    "congregate",
    "chant",
    "hold",
    "form",
    "light",
    "lay",
    "carry",
    "hang",
    "close",
    "shut",
    "stop",
    "halt",
    "strike",
    "boycott",
    "refuse",
    "go",
    "come",
    "turn",
    "take",
    "begin",
    "start",
    "continue",
)
#: Verbs of holding that need a protest-like object to count ("held a sit-in", not "held talks").
_HOLD = _verbs(
    "hold",
    "stage",
    "organise",
    "organize",
    "begin",
    "start",
    "continue",
    "take",
    "form",
    "light",
    "lay",
    "carry",
    "hang",
)
_HOLD_OBJECTS = _nouns(
    "sit-in",
    "vigil",
    "march",
    "procession",
    "rally",
    "demonstration",
    "protest",
    "strike",
    "chain",
    "candle",
    "placard",
    "banner",
    "wreath",
    "flower",
    "flag",
    "caravan",
    "motorcade",
    "blockade",
    "picket",
    "walkout",
    "parade",
    "gathering",
    "meeting",
    "in",
    "part",
)
GRIEVANCE = _verbs(
    "demand",
    "call",
    "protest",
    "denounce",
    "oppose",
    "support",
    "commemorate",
    "mark",
    "raise",
    "express",
    "show",
    "voice",
    "complain",
    "condemn",
    "honour",
    "honor",
    "mourn",
    "promote",
    "reject",
    "press",
    "urge",
    "claim",
    "defend",
    "remember",
    "pay",
    "draw",
    "highlight",
    "request",
    "criticize",
    "criticise",
    "decry",
    "insist",
    "contest",
    "challenge",
    "object",
    "resist",
    "push",
    "ask",
    "seek",
    "fight",
    "save",
    "stop",
    "end",
    "protect",
    "petition",
    "appeal",
    "lament",
    "reclaim",
    "repudiate",
    "rebuke",
    "defy",
    "boycott",
    "pressure",
    "stand",
)
GRIEVANCE_PREP = frozenset({"against"})
_RAISE = _verbs("raise")
_MARCH = _verbs("march", "rally", "gather", "demonstrate", "protest", "assemble", "strike", "picket")
_RAISED = frozenset({"awareness", "concern", "concerns", "voice", "voices", "alarm", "objections", "demands"})
GRIEVANCE_POBJ = frozenset(
    {
        "support",
        "solidarity",
        "protest",
        "memory",
        "honour",
        "honor",
        "defence",
        "defense",
        "favour",
        "favor",
        "opposition",
        "rejection",
        "commemoration",
        "tribute",
    }
)
SECURITY = _nouns(
    "police",
    "policeman",
    "policemen",
    "officer",
    "soldier",
    "troop",
    "force",
    "army",
    "military",
    "gendarme",
    "gendarmerie",
    "guard",
    "authority",
    "agent",
    "commando",
    "marine",
)
FIRE = _verbs("fire", "launch", "lob", "shoot")
DROP = _verbs("drop")
SHELL_OBJECTS = _nouns(
    "mortar",
    "rocket",
    "missile",
    "shell",
    "artillery",
    "howitzer",
    "projectile",
    "grad",
    "katyusha",
    "barrage",
    "salvo",
    "ballistic",
    "launcher",
)
CAPTURE = _verbs("seize", "capture", "overrun", "conquer", "overtake")
#: Verbs that only ever take territory or positions as object: any named object is a place
#: (the small model often tags an unknown village as an organisation).
TERRITORY_ONLY = _verbs("overrun", "conquer", "overtake")
#: Animals killed or stolen: property, not people ("killed 25 heads of cattle").
ANIMALS = _nouns(
    "cattle",
    "cow",
    "livestock",
    "goat",
    "sheep",
    "camel",
    "donkey",
    "horse",
    "pig",
    "ox",
    "oxen",
    "animal",
    "herd",
    "head",
    "poultry",
    "chicken",
    "buffalo",
    "dog",
)
SLAUGHTER = _verbs("kill", "slaughter", "shoot", "butcher", "poison", "maim")
#: Objects of "beat" that are beaten in a contest, not struck ("beating their closest rivals").
CONTEST_OBJECTS = _nouns(
    "rival", "opponent", "competitor", "challenger", "incumbent", "favourite", "favorite", "record"
)
#: "Flee" said of the perpetrators is their escape, not a displacement of people.
FLEE = _verbs("flee", "escape")
PERPETRATORS = _nouns(
    "attacker",
    "assailant",
    "gunman",
    "gunmen",
    "suspect",
    "perpetrator",
    "robber",
    "thief",
    "kidnapper",
    "militant",
    "bandit",
    "killer",
    "shooter",
    "bomber",
    "culprit",
    "criminal",
)
#: Targets of "attack", "hit", "target" that are not people or places: words, plans, computers.
ABSTRACT_TARGETS = _nouns(
    "plan",
    "budget",
    "policy",
    "value",
    "democracy",
    "website",
    "server",
    "network",
    "system",
    "account",
    "data",
    "computer",
    "record",
    "reputation",
    "decision",
    "remark",
    "proposal",
    "bill",
    "law",
    "reform",
    "freedom",
    "economy",
    "currency",
    "price",
    "idea",
    "speech",
    "statement",
    "comment",
    "credibility",
    "integrity",
    "institution",
    "constitution",
    "sovereignty",
    "press",
    "media",
    "critic",
    "opponent",
    "rival",
    "campaign",
    "programme",
    "program",
    "strategy",
    "deal",
    "report",
    "claim",
    "app",
    "platform",
)
#: What cameras "shoot".
FILMED = _nouns(
    "film",
    "series",
    "scene",
    "video",
    "footage",
    "photo",
    "photograph",
    "picture",
    "movie",
    "documentary",
    "portrait",
    "episode",
    "advert",
    "commercial",
    "clip",
    "image",
    "sequence",
)
STRIKE_WORDS = _verbs("attack", "target", "hit", "hammer", "slam", "blast")
QUANTITY_HEADS = frozenset("dozens hundreds scores number numbers lot lots several many some all".split())
#: Words that make a munition a remnant rather than one fired in the incident.
REMNANT = frozenset("unexploded old leftover abandoned dud undetonated".split())
SEIZE_PROPERTY = _verbs("seize", "confiscate", "expropriate", "grab", "appropriate")
PROPERTY = _nouns(
    "house",
    "home",
    "land",
    "shop",
    "store",
    "clinic",
    "property",
    "building",
    "farm",
    "farmland",
    "plot",
    "field",
    "livestock",
    "cattle",
    "goat",
    "sheep",
    "camel",
    "crop",
    "harvest",
    "office",
    "residence",
    "plantation",
    "orchard",
    "hotel",
    "restaurant",
    "business",
    "warehouse",
)
RECAPTURE = _verbs("retake", "recapture", "regain", "liberate", "reclaim")
TERRITORY = _nouns(
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
)
DETONATE = _verbs("explode", "detonate", "blow", "go", "rip")
DEMONSTRATOR_VIOLENCE = _verbs(
    "attack",
    "beat",
    "assault",
    "stone",
    "pelt",
    "torch",
    "burn",
    "loot",
    "smash",
    "storm",
    "vandalize",
    "vandalise",
    "injure",
    "hit",
    "throw",
    "hurl",
    "clash",
)
IMPACT = _verbs("fall", "land", "hit", "strike", "slam", "rain", "explode", "crash", "pound", "struck")
MANNED_AIRCRAFT = _nouns(
    "helicopter", "jet", "plane", "aircraft", "warplane", "airplane", "bomber", "gunship"
)
#: What aircraft do to a target: "warplanes of the coalition bombed a wedding party".
AIR_ACTS = _verbs(
    "bomb",
    "strike",
    "hit",
    "target",
    "attack",
    "pound",
    "raid",
    "strafe",
    "shell",
    "slam",
    "crash",
    "smash",
    "plunge",
)
#: A drone "slammed into a building" is an attack; a helicopter that crashed is an accident.
DRONE_ONLY_ACTS = _verbs("slam", "crash", "smash", "plunge")
DRONES = _nouns("drone", "uav")
AIRCRAFT = MANNED_AIRCRAFT | _nouns("drone", "uav")
DROP_OBJECTS = _nouns("bomb", "explosive", "grenade", "munition", "ordnance", "payload", "device")
#: What a subject of "exploded" must be for an IED reading (built once: the loop runs per token).
DETONATED = DROP_OBJECTS | _nouns("mine", "landmine", "ied")
ARMED_OBJECTS = _nouns(
    "position",
    "post",
    "outpost",
    "checkpoint",
    "base",
    "trench",
    "troop",
    "soldier",
    "force",
    "militant",
    "fighter",
    "rebel",
    "insurgent",
    "convoy",
    "patrol",
    "unit",
    "army",
    "barrack",
    "garrison",
    "militia",
    "policeman",
    "police",
)
BLOWS = _verbs(
    "hit",
    "punch",
    "kick",
    "slap",
    "beat",
    "assault",
    "stab",
    "whip",
    "flog",
    "club",
    "bludgeon",
    "strangle",
    "choke",
    "batter",
    "torture",
    "maim",
    "stone",
)
HOLD_PEOPLE = _verbs("hold", "intercept", "round", "catch", "capture")
PEOPLE = _nouns(
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "person",
    "people",
    "resident",
    "villager",
    "civilian",
    "refugee",
    "migrant",
    "student",
    "teacher",
    "journalist",
    "reporter",
    "farmer",
    "worker",
    "trader",
    "driver",
    "passenger",
    "activist",
    "priest",
    "pastor",
    "imam",
    "doctor",
    "nurse",
    "official",
    "member",
    "prisoner",
    "detainee",
    "inmate",
    "youth",
    "elder",
    "herder",
    "pastoralist",
    "shepherd",
    "fisherman",
    "fishermen",
    "voter",
    "candidate",
    "family",
    "relative",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "victim",
    "teenager",
    "minor",
    "girlfriend",
    "boyfriend",
    "neighbour",
    "neighbor",
    "customer",
    "pedestrian",
    "vendor",
    "seller",
    "shopkeeper",
    "owner",
    "citizen",
    "national",
    "asylum-seeker",
    "worshipper",
    "believer",
    "supporter",
    "leader",
    "chief",
    "councillor",
    "councilor",
    "mayor",
    "lawyer",
    "judge",
    "employee",
    "staff",
    "patient",
    "tourist",
    "foreigner",
    "individual",
    "women",
    "men",
    "children",
    "head",
)


#: Acts of the authorities (or anyone) against demonstrators: the marks of a protest with intervention.
INTERVENE_VERBS = _verbs(
    "arrest",
    "detain",
    "remove",
    "disperse",
    "impede",
    "obstruct",
    "stop",
    "prevent",
    "beat",
    "attack",
    "ram",
    "kettle",
    "evict",
    "push",
    "chase",
    "expel",
    "block",
    "assault",
    "confront",
    "hinder",
)
DEMONSTRATORS = _nouns(
    "protester",
    "protestor",
    "demonstrator",
    "participant",
    "marcher",
    "striker",
    "picketer",
    "crowd",
    "sit-in",
    "march",
    "caravan",
    "procession",
    "demonstration",
    "protest",
    "rally",
    "passage",
    "convoy",
    "gathering",
)
CUSTODY = _verbs("arrest", "detain", "apprehend")
SEIZE_PEOPLE = _verbs("seize", "grab", "snatch")
#: Verbs that only authorities do to a crowd (unlike "arrest" or "beat", which have other uses).
CROWD_CONTROL = _verbs("remove", "disperse", "evict", "expel", "kettle", "push")
#: Lethal force: firing on or killing demonstrators is excessive force against protesters.
LETHAL = _verbs("shoot", "fire", "kill", "gun")
_OPEN = _verbs("open")
PROTEST_ACTS = _verbs("demonstrate", "protest", "rally", "march", "picket")
#: What people held by the police were doing when it makes them demonstrators ("activists blocking a motorway").
HELD_PROTESTING = (
    PROTEST_ACTS | _MARCH | _verbs("block", "blockade", "occupy", "picket", "sit", "chant", "demand")
)
#: Force used on people that makes them demonstrators when they were protesting ("baton-charged workers demanding wages").
CHARGE = _verbs("charge", "teargas")
#: Thrown explosives are grenades in ACLED's sense ("hurled three bombs at a convoy").
THROW = _verbs("throw", "hurl", "lob", "toss")
THROWN = _nouns("bomb", "explosive", "device", "grenade", "ied")
NOT_THROWN = frozenset(
    {"petrol", "molotov", "gasoline", "fire", "smoke", "stun", "paint", "tear", "water", "sound"}
)


def _heads(tok: Token) -> Iterator[Token]:
    """A noun and the nouns coordinated with it ("mortars and rockets")."""
    yield tok
    yield from tok.conjuncts


def _cue(name: str, tok: Token, weight: float = 1.0) -> Cue:
    return Cue(name, weight, tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text)


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
        if low in STRIKE_WORDS or tok.lemma_ in ("attack", "strike", "shoot") or low in ("attack", "attacks"):
            objs = [h for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for h in _heads(c)]
            objs += [
                p
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in {"on", "against", "at"}
                for p in c.children
                if p.dep_ == "pobj"
            ]
            cyber = any(
                c.lower_ in ("cyber", "cyberattack", "hacker", "hackers", "ddos") for c in tok.children
            ) or any(c.dep_ == "nsubj" and c.lower_ in ("hacker", "hackers") for c in tok.children)
            filmed = tok.lemma_ == "shoot" and objs and all(o.lower_ in FILMED for o in objs)
            if cyber or filmed or (objs and all(o.lower_ in ABSTRACT_TARGETS for o in objs)):
                # "a blistering attack on the budget plan", "hackers attacked the website",
                # "shot the portrait series": no one was hurt
                out.append(_cue("KILL", tok, -1.0))
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        if low in ASSEMBLY:  # anyone, police officers too, protests when a grievance is stated
            # holding verbs need a protest-like object ("held a sit-in", not "held talks")
            objects = [c for c in tok.children if c.dep_ in {"dobj", "prt", "attr"}]
            held = any(
                o.lower_ in _HOLD_OBJECTS or any(ch.lower_ in _HOLD_OBJECTS for ch in o.children)
                for o in objects
            )
            if (low not in _HOLD or held) and _has_grievance(tok):
                out.append(_cue("PROTEST", tok))
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
                            h.lower_ in ARMED_OBJECTS
                            for p in c.children
                            if p.dep_ == "pobj"
                            for h in _heads(p)
                        ):
                            out.append(_cue("CLASH", tok))
        if low in FIRE and any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
            # a manned aircraft shot down was hit by fire (a missile attack); a drone or missile
            # shot down is an interception (disrupted weapons use, the phrase pattern's reading)
            for c in tok.children:
                if c.dep_ in {"dobj", "nsubjpass"} and any(h.lower_ in MANNED_AIRCRAFT for h in _heads(c)):
                    out.append(_cue("DISRUPT", c, -1.0))
                    out.append(_cue("SHELL", c))
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
        if low in DEMONSTRATOR_VIOLENCE and any(
            c.dep_ == "nsubj" and any(h.lower_ in DEMONSTRATORS for h in _heads(c)) for c in tok.children
        ):
            out.append(_cue("RIOT", tok))  # "the demonstrators attacked a vehicle"
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
        if low in FLEE and any(
            c.dep_ == "nsubj" and any(h.lower_ in PERPETRATORS for h in _heads(c)) for c in tok.children
        ):
            out.append(_cue("DISPLACE", tok, -1.0))  # "the attackers fled"
        if low in SLAUGHTER:
            objs = list(_object_heads(tok)) + [
                h for c in tok.children if c.dep_ == "nsubjpass" for h in _heads(c)
            ]
            if objs and all(o.lower_ in ANIMALS for o in objs) and not any(_is_people(o) for o in objs):
                # livestock killed is property destroyed; the kill cue is not about people
                out.append(_cue("LOOT", tok))
                out.append(_cue("KILL", tok, -1.0))
        if (
            low in BLOWS
            and _object_is_people(tok)
            and not any(h.lower_ in CONTEST_OBJECTS for h in _object_heads(tok))
        ):
            out.append(_cue("KILL", tok))
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
        opened_fire = low in _OPEN and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children)
        if (low in LETHAL or opened_fire) and _subject_is_security(tok):
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
        if low in THROW:
            for c in tok.children:
                if (
                    c.dep_ in {"dobj", "nsubjpass"}
                    and c.lower_ in THROWN
                    and not any(m.lower_ in NOT_THROWN for m in c.children)
                ):
                    out.append(_cue("GRENADE", tok))
        if low in SEIZE_PEOPLE and not _subject_is_security(tok) and _object_is_people(tok):
            out.append(_cue("ABDUCT", tok))  # "armed men seized three aid workers"
        if low in SEIZE_PROPERTY and any(h.lower_ in PROPERTY for h in _object_heads(tok)):
            out.append(_cue("LOOT", tok))  # "soldiers seized a clinic and five houses"
        if low in HOLD_PEOPLE and _subject_is_security(tok) and _object_is_people(tok):
            out.append(_cue("ARREST", tok))
    return out
