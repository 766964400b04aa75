"""Word forms for the parse rules, and the nouns several rules share: people, security forces,
perpetrators, demonstrators, quantities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventlens.stages.inflect import noun_forms, verb_forms
from eventlens.types import Cue

if TYPE_CHECKING:
    from spacy.tokens import Token


def _verbs(*words: str) -> frozenset[str]:
    return frozenset(f for w in words for f in verb_forms(w))


def _nouns(*words: str) -> frozenset[str]:
    return frozenset(f for w in words for f in noun_forms(w))


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
    "detective",
    "guard",
    "authority",
    "agent",
    "commando",
    "marine",
)
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
QUANTITY_HEADS = frozenset("dozens hundreds scores number numbers lot lots several many some all".split())
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


def _cue(name: str, tok: Token, weight: float = 1.0, end: Token | None = None) -> Cue:
    """A cue named ``name`` on the token ``tok`` (through ``end`` when given), as the parse
    rules of this package report them."""
    if end is None:
        return Cue(name, weight, tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text)
    return Cue(
        name, weight, tok.i, end.i + 1, tok.idx, end.idx + len(end.text), tok.doc[tok.i : end.i + 1].text
    )
