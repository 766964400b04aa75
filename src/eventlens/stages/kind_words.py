"""The word lists of ``data/kinds.json`` and the story kinds read from words alone: a match
report, a disaster, ordinary crime (``stages.kinds`` decides with them and the parse)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventlens.stages.merge import Sentence


@dataclass(frozen=True, slots=True)
class WordLists:
    governors: dict[str, str]  # lemma -> kind
    legal_actors: frozenset[str]
    denials: frozenset[str]
    demonstrating: frozenset[str]
    stat_nouns: frozenset[str]
    trend_verbs: frozenset[str]
    long_span: re.Pattern[str]
    period: re.Pattern[str]
    stat_phrase: re.Pattern[str]
    counts: re.Pattern[str]
    commemoration_lead: re.Pattern[str]
    sport: re.Pattern[str]
    sport_decisive: frozenset[str]
    sport_harm: re.Pattern[str]
    sport_strong_harm: re.Pattern[str]
    hazards: frozenset[str]
    hazard_phrase: re.Pattern[str]
    causes: re.Pattern[str]
    perpetrators: re.Pattern[str]
    crime: re.Pattern[str]
    political: re.Pattern[str]
    deaths: re.Pattern[str]
    brawl_venues: re.Pattern[str]
    brawl_fights: re.Pattern[str]
    log_heads: re.Pattern[str]
    log_keeps: re.Pattern[str]


def _words(items: Iterable[str]) -> re.Pattern[str]:
    alts = sorted({w.lower() for w in items}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alts) + r")\b", re.I)


def _patterns(items: Iterable[str]) -> re.Pattern[str]:
    """Whole-word alternatives of regular expressions as written (no escaping, no sorting)."""
    return re.compile(r"\b(?:" + "|".join(items) + r")\b", re.I)


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    raw = json.loads(resources.files("eventlens").joinpath("data/kinds.json").read_text("utf-8"))
    governors = {
        w.lower(): kind for kind, ws in raw["governors"].items() if not kind.startswith("_") for w in ws
    }
    st, sp, di, cr = raw["statistics"], raw["sport"], raw["disaster"], raw["crime"]
    return WordLists(
        governors=governors,
        legal_actors=frozenset(raw["legal_actors"]),
        denials=frozenset(raw["denials"]["verbs"]),
        demonstrating=frozenset(raw["demonstrating"]["verbs"]),
        stat_nouns=frozenset(w for w in st["nouns"] if " " not in w),
        trend_verbs=frozenset(st["trend_verbs"]),
        long_span=_patterns(st["long_spans"]),
        period=_patterns(st["periods"]),
        stat_phrase=_words(st["nouns"]),
        counts=_words(st["counts"]),
        commemoration_lead=re.compile(
            r"\b(?:" + "|".join(raw["commemoration_lead"]["patterns"]) + r")", re.I
        ),
        sport=re.compile(_words(sp["terms"]).pattern + "|" + "|".join(sp["patterns"]), re.I),
        sport_decisive=frozenset(w.lower() for w in sp["decisive_terms"]),
        sport_harm=_words(sp["real_harm"]),
        sport_strong_harm=_words(sp["strong_harm"]),
        hazards=frozenset(w for w in di["hazards"] if " " not in w),
        hazard_phrase=_words(di["hazards"]),
        causes=_words(di["causes"]),
        perpetrators=_words(di["perpetrators"]),
        crime=_words(cr["words"]),
        political=_words(cr["political"]),
        deaths=_words(cr["deaths"]),
        brawl_venues=_words(cr["brawl_venues"]),
        brawl_fights=_words(cr["brawl_fights"]),
        log_heads=_patterns(cr["log_heads"]),
        log_keeps=_words(cr["log_keeps"]),
    )


def sport_terms(text: str) -> tuple[str, ...]:
    lists = word_lists()
    terms = {m.group(0).lower() for m in lists.sport.finditer(text)}
    if len(terms) < 2 and not terms & lists.sport_decisive or lists.sport_strong_harm.search(text):
        return ()
    if len(terms) < 4 and lists.sport_harm.search(text):
        return ()
    return tuple(sorted(terms))


def hazard_near(tok: Token) -> Token | None:
    """A hazard as the incident's cause: subject of its verb or of a verb above it ("a fire
    tore through ..., killing"), a modifier ("a methane blast"), or "died in a fire"."""
    seen = 0
    node = tok
    while seen < 6:
        seen += 1
        verbs = [node] + ([node.head] if node.dep_ == "conj" else [])
        for v in verbs:
            for ch in v.children:
                if (
                    ch.dep_ in ("nsubj", "nsubjpass", "agent", "compound", "amod", "acl")
                    or (
                        ch.lemma_ in ("cause", "trigger", "spark")  # "..., reportedly caused by a gas leak"
                    )
                    or (ch.dep_ == "prep" and ch.lower_ in ("in", "by", "from", "after", "during"))
                ):
                    for w in ch.subtree:
                        if w.pos_ in ("NOUN", "PROPN") and is_hazard(w):
                            return w
        if node.pos_ == "NOUN" and is_hazard(node) and node is not tok:
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def disaster_terms(
    words: Sequence[tuple[Sentence, Token]], text: str, names: set[str], lead_kind: str = "incident"
) -> tuple[str, ...]:
    lists = word_lists()
    if lists.perpetrators.search(text):
        return ()
    if lead_kind == "disaster":
        return ("(a disaster story)",)  # "Flash floods kill 36 ..." then "14 people were killed when ..."
    if names <= {"DISPLACE"} and (m := lists.hazard_phrase.search(text)):
        return (m.group(0),)  # evacuated before a fire, a flood, a chemical leak
    for _, tok in words:
        h = hazard_near(tok)
        if h is not None:
            return (h.text,)
    m = lists.causes.search(text)
    return (m.group(0),) if m else ()


def is_hazard(tok: Token) -> bool:
    hazards = word_lists().hazards
    low = tok.lower_
    return low in hazards or tok.lemma_.lower() in hazards or (low.endswith("s") and low[:-1] in hazards)


def crime_terms(text: str) -> tuple[str, ...]:
    lists = word_lists()
    m = lists.crime.search(text)
    if m is None or lists.political.search(text) or lists.deaths.search(text):
        return ()
    return (m.group(0),)


#: Guns make a fight ACLED's whatever the place ("a fight at a bar ended in a shooting").
_GUNS = re.compile(r"\b(?:shot|shoot\w*|gun\w*|fired|opened fire|firearms?|rifles?|pistols?)\b", re.I)


#: A brawl's own crowd is no sign of politics ("it took 30 minutes to remove the crowd").
_BRAWL_CROWDS = frozenset({"crowd", "crowds", "mob", "mobs"})


def brawl_terms(text: str) -> tuple[str, ...]:
    """A brawl of patrons at a bar or a nightclub: a fight word and a venue word in one sentence
    ("a fight among patrons at a bar", "a nightclub brawl"), no political or armed actor, no
    death and no gun anywhere in the text. Ordinary crime: no record."""
    lists = word_lists()
    political = {m.group(0).lower() for m in lists.political.finditer(text)} - _BRAWL_CROWDS
    if political or lists.deaths.search(text) or _GUNS.search(text):
        return ()
    for sent in re.split(r"(?<=[.!?])\s+", text):
        fight, venue = lists.brawl_fights.search(sent), lists.brawl_venues.search(sent)
        if fight and venue:
            return (fight.group(0), venue.group(0))
    return ()


def crime_log(head: str) -> bool:
    """Is the article a police blotter or a crime log, by its headline and lead ("Police blotter:
    ...", "The following items are taken from ... police reports")? Its items are routine police
    reports, no incident ACLED codes unless one names an armed or political group (:func:`log_keeps`)."""
    return word_lists().log_heads.search(head) is not None


def log_keeps(text: str) -> bool:
    """Does a crime log's item name an armed or political group or a protest?"""
    return word_lists().log_keeps.search(text) is not None
