"""Fill an incident's arguments from its sentences: who, against whom, with what, how many
killed or injured, who claimed it, who is suspected, who reported it, and its places with roles.

Reads the dependency parse and the domain entities (WEAPON, ARMED_GROUP, SECURITY_FORCE) of the
one spaCy Doc of the article; never re-parses. Actor names are ACLED-style templates with a
``{country}`` slot that the pipeline fills once the event is geocoded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventlens.stages.arguments.actors import (
    _own_country,
    actor_from_mention,
    claims_and_suspects,
    noun_phrase,
    state_from_modifier,
)
from eventlens.stages.arguments.agents import _acts, find_agent_and_patient
from eventlens.stages.arguments.lexicon import (
    _GENERIC_ARMED,
    _SECURITY_ARMY,
    _SECURITY_POLICE,
    CIVILIAN_NOUNS,
)
from eventlens.stages.arguments.places import places_in
from eventlens.stages.arguments.sides import _NOT_ON_DUTY, _allied, armed_victims, clash_sides, is_crowd
from eventlens.stages.arguments.sources import _is_speaker, sources_in
from eventlens.stages.arguments.spans import _doc_text, _ent_of, _ents, _subtree_span, _tok_span
from eventlens.stages.arguments.toll import (
    _FURTHER,
    _passive_single_victims,
    casualties,
    further_dead,
    named_killed,
    running_total,
    victim_nouns,
)
from eventlens.stages.arguments.weapons import weapons_in
from eventlens.types import Actor, PlaceMention, Source, Span, Target, Weapon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

STAGE = "arguments"
_CIVIL_VEHICLES = frozenset(
    "truck trucks bus buses car cars vehicle vehicles minibus minibuses taxi taxis motorcycle motorcycles boat boats lorry lorries pickup".split()
)
#: Places where unarmed people gather or live: an attack on one is on civilians unless armed
#: people are named there ("stormed a church during mass", "attacked a busy market").
_CIVIL_PLACES = frozenset(
    """mosque mosques church churches temple temples synagogue synagogues shrine shrines cathedral
    market markets marketplace bazaar school schools college university hospital hospitals clinic
    village villages hamlet community communities wedding funeral congregation""".split()
)
_MILITARY_MODIFIERS = frozenset(
    "military army police convoy patrol armoured armored troops soldiers security tank".split()
)
#: Officers of a civil administration are civilians ("a social welfare and development officer").
_CIVIL_OFFICER = re.compile(
    r"\b(?:welfare|development|health|election|electoral|press|information|executive|revenue|tax|agricultur\w*|"
    r"education|medical|probation|loan|environment\w*|planning|finance|forest|land|court|municipal|village|district|"
    r"administrative|relief|aid|polling|returning)\b[\w\s-]{0,30}\bofficers?\b",
    re.I,
)
PROTEST_NOUNS = frozenset(
    "protesters protester demonstrators demonstrator marchers activists students workers".split()
)
#: People-nouns of a toll that make the victims combatants.
_ARMED_VICTIM_NOUNS = frozenset(
    "soldiers soldier troops policemen policeman officers officer police fighters fighter militants militant insurgents "
    "insurgent rebels rebel gunmen gunman attackers attacker assailants assailant militiamen militiaman guards guard personnel".split()
)


@dataclass(slots=True)
class Arguments:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    targets: list[Target] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    fatalities: int | None = None
    injured: int | None = None
    fatality_spans: list[Span] = field(default_factory=list)
    injured_spans: list[Span] = field(default_factory=list)
    claimed_by: Actor | None = None
    claim_negated: bool = False
    suspected: list[Actor] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    armed_target: bool = False
    armed_present: bool = False
    crowd_actor: bool = False
    armed_group: bool = False
    state_present: bool = False
    civilian_victims: bool = False
    protesters: bool = False
    state_actor: bool = False


# ---------------------------------------------------------------- the whole incident
def fill(
    sents: Sequence[SpacySpan],
    *,
    family: str,
    trigger_tokens: Sequence[Token],
    context_sents: Sequence[SpacySpan] = (),
) -> Arguments:
    """Read every argument of one incident from its sentences (``context_sents`` add claims,
    suspicion, sources and casualty statements from follow-up sentences)."""
    a = Arguments()
    doc_text = _doc_text(sents[0].doc) if sents else ""
    all_sents = list(sents) + [s for s in context_sents if s not in sents]
    agent, patient = find_agent_and_patient(sents, trigger_tokens)
    _perpetrator(a, agent, trigger_tokens, family)
    target_tokens = _target(a, patient, family)
    # the tolls in the order the text states them ("also", "more" add to the dead told before);
    # a headline, which repeats the lead, last
    first = sents[0].start_char if sents else 0
    in_order = sorted(all_sents, key=lambda s: (s.start_char < first, s.start_char))
    seen_victims = _toll(a, in_order, family, doc_text)
    _sides(a, sents, all_sents, agent, patient, seen_victims)
    named = named_killed(all_sents)
    if named and (a.fatalities or 0) < len(named):
        a.fatalities = len(named)
        a.fatality_spans += [_tok_span(p) for p in named]
    if a.actor1 is not None and a.actor1.inter == 1:
        a.state_actor = True
    a.weapons = weapons_in(sents)
    a.claimed_by, a.claim_negated, a.suspected = claims_and_suspects(all_sents, family)
    a.sources = sources_in(all_sents)
    a.places = _places(sents, context_sents, family, target_tokens)
    return a


def _perpetrator(a: Arguments, agent: Token | None, trigger_tokens: Sequence[Token], family: str) -> None:
    """actor1: the trigger's agent as an ACLED actor, else the state named by a modifier ("an army raid")."""
    if agent is None:
        state = state_from_modifier(trigger_tokens)
        if state is not None:
            a.actor1 = state
    if agent is not None:
        ent = _ent_of(agent)
        label = ent.label_ if ent is not None else None
        if ent is not None and ent.label_ == "ARMED_GROUP" and ent.ent_id_ == "generic":
            # the entity ending where this one starts: the one holding the token before it (the
            # Doc's entities do not overlap), not a scan of them all for every event
            before = _ent_of(agent.doc[ent.start - 1]) if ent.start > 0 else None
            prev = [
                e
                for e in ([before] if before is not None else [])
                if e.end == ent.start and e.label_ == "ARMED_GROUP" and e.ent_id_ == "named"
            ]
            if prev:  # "Taliban gunmen": the named group is the actor
                ent = agent.doc[prev[0].start : ent.end]
        phrase = (
            ent
            if ent is not None and ent.label_ in ("ARMED_GROUP", "SECURITY_FORCE")
            else _subtree_span(agent, 6)
        )
        named = None
        if ent is not None and ent.label_ == "ARMED_GROUP":
            named = any(e.ent_id_ == "named" for e in _ents(ent))  # the entities inside it
        actor = actor_from_mention(phrase.text, family=family, label=label, named=named)
        name = _own_country(actor.name, agent)
        words = noun_phrase(phrase) if phrase is ent else phrase  # "forces" -> "Houthi forces"
        a.actor1 = Actor(name, words.text, _tok_span(words), actor.inter)


def _target(a: Arguments, patient: Token | None, family: str) -> set[int]:
    """The target phrase and what it says of the victims (armed, or civilians: actor2); returns
    the target's token positions (places inside it are targets)."""
    target_tokens: set[int] = set()
    if patient is not None:
        phrase = _subtree_span(patient)
        target_tokens = set(range(phrase.start, phrase.end))
        a.targets.append(Target(phrase.text, None, _tok_span(phrase)))
        pwords = set(re.findall(r"[a-z]+", phrase.text.lower()))
        pent = _ent_of(patient)
        armed_in_phrase = any(e.label_ in ("SECURITY_FORCE", "ARMED_GROUP") for e in _ents(phrase))
        off_duty = bool(_NOT_ON_DUTY.search(patient.sent.text))  # attacked as a civilian
        if _CIVIL_OFFICER.search(phrase.text) and not armed_in_phrase:
            off_duty = True  # a civil servant, not a security officer
        if not off_duty and (
            armed_in_phrase
            or pent is not None
            and pent.label_ in ("SECURITY_FORCE", "ARMED_GROUP")
            or pwords & (_SECURITY_ARMY | _SECURITY_POLICE | _GENERIC_ARMED)
        ):
            a.armed_target = True
            named = [e for e in _ents(phrase) if e.label_ == "ARMED_GROUP" and e.ent_id_ == "named"]
            if named:
                victim = actor_from_mention(named[0].text, family=family, label="ARMED_GROUP")
            else:
                victim = actor_from_mention(phrase.text, family=family, label=pent.label_ if pent else None)
            a.actor2 = Actor(_own_country(victim.name, patient), phrase.text, _tok_span(phrase), victim.inter)
        elif (
            pwords & CIVILIAN_NOUNS
            or off_duty
            or (pwords & _CIVIL_VEHICLES and not pwords & _MILITARY_MODIFIERS)
        ):
            # people, or the vehicles that carry them ("ambushed a truck carrying passengers")
            a.civilian_victims = True
            a.actor2 = Actor("Civilians ({country})", phrase.text, _tok_span(phrase), 7)
        elif pwords & _CIVIL_PLACES and not pwords & _MILITARY_MODIFIERS:
            # the places where unarmed people pray, trade, learn or live ("attacked a crowded
            # mosque"): civilians were attacked, though the place names none of them as actor2
            a.civilian_victims = True
    return target_tokens


def _toll(a: Arguments, all_sents: Sequence[SpacySpan], family: str, doc_text: str) -> set[str]:
    """Killed and injured over the incident's sentences, and who is present (protesters, state
    forces acting); returns the victim nouns seen."""
    seen_victims: set[str] = set()
    for sent in all_sents:
        words = {t.lower_ for t in sent}
        if words & PROTEST_NOUNS and family.startswith("demo"):
            a.protesters = True
        if any(e.label_ == "SECURITY_FORCE" for e in _ents(sent)):
            if a.actor1 is not None and a.actor1.inter == 1:
                a.state_actor = True
        text = _doc_text(sent.doc)[sent.start_char : sent.end_char]  # sent.text, not rebuilt
        fat, inj, fsp, isp = casualties(text, sent.start_char)
        if fat is None:
            singles = _passive_single_victims(sent)
            if singles:
                fat = len(singles)
                fsp = [_tok_span(t) for t in singles]
        # Within a sentence the groups add up ("3 soldiers and 2 civilians"). Across sentences a
        # story usually restates its toll ("killing six ..." / "Six ... were killed"): keep the
        # largest, unless the sentence says the victims are further ones ("was also killed").
        nouns = victim_nouns(fsp, doc_text)
        # further victims are of another kind (soldiers after civilians); "18 villagers" in the
        # headline and "18 civilians" in the lead are the same dead
        kinds, seen_kinds = _victim_kinds(nouns), _victim_kinds(seen_victims)
        more = further_dead(text, fsp, sent.start_char) or bool(
            kinds and seen_kinds and not kinds & seen_kinds
        )
        if (
            more
            and fat is not None
            and fat == a.fatalities
            and nouns & seen_victims
            and not any(_FURTHER.search(sp.text) for sp in fsp)
        ):
            # "killing six service members" / "Six American service members were killed with two
            # other Americans injured": the same count of the same people is told again
            more = bool(kinds and seen_kinds and not kinds & seen_kinds)
        if fat is not None and fat == running_total(text):
            # "the death toll has risen to four": the latest figure, the earlier ones included
            a.fatalities = fat
            a.fatality_spans += fsp
            seen_victims |= nouns
        elif fat is not None:
            a.fatalities = (
                fat
                if a.fatalities is None
                else (a.fatalities + fat if more and fat else max(a.fatalities, fat))
            )
            a.fatality_spans += fsp
            seen_victims |= nouns
        if inj is not None:
            a.injured = (
                inj if a.injured is None else (a.injured + inj if more and inj else max(a.injured, inj))
            )
            a.injured_spans += isp
    return seen_victims


_STATE_VICTIM_NOUNS = frozenset(
    "soldiers soldier troops policemen policeman officers officer police guards guard personnel".split()
)


def _victim_kinds(nouns: set[str]) -> set[str]:
    """The kinds of victims named: state forces (soldiers, police), other armed men (fighters,
    insurgents), or unarmed people; the dead of two sides of a fight are two tolls."""
    out = set()
    for n in nouns:
        if n in _STATE_VICTIM_NOUNS or n + "s" in _STATE_VICTIM_NOUNS:
            out.add("state")
        elif n in _ARMED_VICTIM_NOUNS or n + "s" in _ARMED_VICTIM_NOUNS:
            out.add("armed")
        else:
            out.add("unarmed")
    return out


def _sides(
    a: Arguments,
    sents: Sequence[SpacySpan],
    all_sents: Sequence[SpacySpan],
    agent: Token | None,
    patient: Token | None,
    seen_victims: set[str],
) -> None:
    """Which organised sides take part (state forces, armed groups, a crowd) and whether the
    victims were armed: what decides a battle against one-sided violence."""
    # Two organised armed sides in the story (security forces and an armed group, or a named
    # armed group and generic gunmen) make it a battle unless civilians are the named victims.
    # ("police said" is a source, not a side)
    state_side = any(e.label_ == "SECURITY_FORCE" and not _is_speaker(e) for s in sents for e in _ents(s))
    crowd_agent = agent is not None and is_crowd(agent)
    # (a crowd's victims - "set upon two suspected kidnappers" - are not an armed side of the
    # story: with a crowd acting, only a group that acts itself is one)
    armed_side = any(
        e.label_ == "ARMED_GROUP" and not _is_speaker(e) and not (crowd_agent and not _acts(e.root))
        for s in sents
        for e in _ents(s)
    )
    a.armed_present = state_side or armed_side
    a.state_present = state_side
    a.armed_group = armed_side
    if crowd_agent:
        a.crowd_actor = True
    sides = clash_sides(sents)
    if sides and "crowd" in sides and "armed" not in sides:
        # "clashes between Palestinians and soldiers", "between supporters of two candidates"
        a.crowd_actor = True
    elif sides and all(k in ("armed", "state") for k in sides) and "armed" in sides:
        # named organisations fighting each other (or the state) are organised armed sides
        a.armed_present = True
        a.armed_group = True
        a.crowd_actor = False
    if not a.civilian_victims and state_side and armed_side and not _allied(sents):
        a.armed_target = True
    if seen_victims & _ARMED_VICTIM_NOUNS and not _NOT_ON_DUTY.search(" ".join(s.text for s in sents)):
        a.armed_target = True  # "three volunteer fighters and a councilman were killed"
    if armed_victims(all_sents, _subtree_span(patient) if patient is not None else None, agent):
        a.armed_target = True
        a.civilian_victims = False
        if a.actor2 is not None and a.actor2.inter == 7:
            a.actor2 = Actor("Unidentified Armed Group ({country})", a.actor2.mention, a.actor2.span, 3)
    if a.actor1 is not None and a.actor1.inter in (2, 3) and state_side and not a.civilian_victims:
        a.armed_target = True


def _places(
    sents: Sequence[SpacySpan], context_sents: Sequence[SpacySpan], family: str, target_tokens: set[int]
) -> list[PlaceMention]:
    """The incident's places with their roles, and places of other roles from its context sentences."""
    places = places_in(sents, target_tokens=target_tokens)
    if family.startswith("demo"):
        # a demonstration "at the high school in Oak Harbor" or "against the ministry" happens
        # there: its venue is the event's location, not a target hit from elsewhere
        places = [replace(p, role="location") if p.role == "target" else p for p in places]
    if context_sents:
        seen = {(p.span.start, p.span.end) for p in places}
        for p in places_in(list(context_sents), target_tokens=set()):
            if p.role != "location" and (p.span.start, p.span.end) not in seen:
                places.append(p)
    return places
