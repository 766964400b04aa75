"""Detect incident sentences and classify incidents into the ACLED taxonomy.

Detection is sentence-level: a sentence holding at least one *event cue* (see
:mod:`eventlens.stages.cues`) is a candidate mention. Classification is incident-level: after
:mod:`eventlens.stages.merge` has grouped the mentions of one incident, :func:`classify` weighs all
their cues together, because the deciding words are often spread over sentences ("protesters
gathered ..." + "police fired tear gas" = Protest with intervention).

The decision follows the ACLED codebook's own precedence: the most specific, most severe
form of violence present decides (a suicide bombing during clashes is a Suicide bomb; a protest
met with lethal force is Excessive force against protesters), then demonstrations, then
battles versus one-sided violence (decided by whether the target was armed), then strategic
developments. Ties go to the earliest cue, which is usually the lead sentence.

The incident as the rules see it (its cues by name, the argument facts) is
:mod:`eventlens.stages.detect_incident`; the rules for fighting, territory and one-sided violence,
tried after the demonstration rules here, are :mod:`eventlens.stages.detect_fighting`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from eventlens.stages.detect_fighting import (
    ground_fighting,
    one_sided_violence,
    remote_violence,
    strategic_development,
    territory,
)
from eventlens.stages.detect_incident import DEMO, EVENT_CUES, GUNS, REMOTE, Classification, Incident
from eventlens.taxonomy import (
    ABDUCTION,
    ARRESTS,
    CHEMICAL_WEAPON,
    DISRUPTED_WEAPONS_USE,
    EXCESSIVE_FORCE,
    LOOTING,
    MOB_VIOLENCE,
    OTHER,
    PEACEFUL_PROTEST,
    PROTEST_WITH_INTERVENTION,
    SUICIDE_BOMB,
    VIOLENT_DEMONSTRATION,
)
from eventlens.types import Cue

_DISAPPEARED = re.compile(r"whereabouts|shield|disappear|missing", re.I)
_DAMAGE_DONE = re.compile(
    r"^(?:looted|ransacked|plundered|pillaged|torched|burned|burnt|vandali[sz]ed|smashed|razed)\b", re.I
)
_DEMONSTRATING = re.compile(r"^(?:demonstrating|protesting|rallying|marching|during)\b", re.I)
_VERB_FORM = re.compile(r"(?:ed|ing)\b", re.I)
_RIOTERS = re.compile(r"riot|mob|throw", re.I)
#: Demonstrators' own violence: throwing things, arson, smashing, storming a building.
_OWN_VIOLENCE = re.compile(
    r"^(?:throw|threw|thrown|hurl|pelt|molotov|petrol|stone|burn|torch|set|vandal|ransack|smash|storm)", re.I
)
#: The means of crowd control: used only on gatherings.
_CROWD_WEAPONS = re.compile(r"tear|gas|pepper|water cannon|rubber bullet|stun grenade|baton", re.I)
_FOUGHT = re.compile(r"^(?:clashed|fought|scuffled|brawled|exchanged)\b", re.I)
#: The reason given for an arrest when it is an ordinary crime ("for stealing a car").
_CRIME_REASON = re.compile(r"^(?:for|of|over)\b", re.I)
#: Interceptions ("intercepted and shot down a drone"): the weapon never struck.
_INTERCEPTED = re.compile(r"intercept|shot down|shoot down|downed", re.I)
#: Cues too weak or too broad to open an incident without a stronger cue in the same sentence.
WEAK_OPENERS = frozenset({"CHANGE", "DISPLACE", "TRANSFER"})


def is_candidate(cues: Sequence[Cue]) -> bool:
    """Does a sentence with these cues mention an incident at all?"""
    names = {c.name for c in cues if c.weight > 0}
    total: dict[str, float] = defaultdict(float)
    for c in cues:
        total[c.name] += c.weight
    # a cue is strong on its own (weight 1) or from supporting words together ("gathered ... demanding")
    strong = {n for n, w in total.items() if w >= 1.0}
    if "GENERIC" in names:  # "attacks almost daily": a pattern, not an event
        return False
    openers = (strong & EVENT_CUES) - WEAK_OPENERS
    if not openers and not (strong & WEAK_OPENERS):
        return False
    if "DISASTER" in names and not (openers & set(REMOTE + DEMO + ("CLASH", "ABDUCT", "SEXUAL"))):
        return False
    return True


def _scores(cues: Iterable[Cue]) -> tuple[dict[str, float], dict[str, list[Cue]]]:
    score: dict[str, float] = defaultdict(float)
    by: dict[str, list[Cue]] = defaultdict(list)
    for c in cues:
        score[c.name] += c.weight
        if c.weight > 0:
            by[c.name].append(c)
    return score, by


def classify(
    cues: Sequence[Cue],
    *,
    armed_target: bool = False,
    civilian_target: bool = False,
    protesters_present: bool = False,
    killed: bool = False,
    state_actor: bool = False,
    state_present: bool = False,
    armed_present: bool = True,
    crowd_actor: bool = False,
    armed_group: bool = False,
    small_arms: bool = False,
    nonstate_actor: bool = False,
    nonstate_perpetrator: bool = False,
    lead_sentence: frozenset[str] | set[str] = frozenset(),
    lead: frozenset[str] | set[str] = frozenset(),
) -> Classification | None:
    """Pick the ACLED sub-event type for an incident from all its cues and a few argument facts.

    ``armed_target``: the victim side is security forces or an armed group (-> battle, not
    violence against civilians). ``civilian_target``: civilians are the named victims.
    ``protesters_present``: the actors are demonstrators. ``killed``: someone died. ``state_present``: security forces are named in the incident.
    ``armed_present``: security forces or an armed group take part (without them, a clash or a
    beating is mob violence). ``crowd_actor``: the perpetrators are an unorganised crowd.
    ``armed_group``: an organised non-state armed group takes part (a crowd fighting the police
    is mob violence; a crowd beside an armed group is not only a crowd). ``small_arms``: guns
    or gunfire are among the weapons (ground combat). ``nonstate_actor``: the perpetrator is a
    non-state armed group and no state forces are named (its detentions are abductions, not
    arrests). ``nonstate_perpetrator``: the named perpetrator is a non-state armed group, whoever
    else is named. ``lead_sentence``: cues
    anywhere in the incident's first sentence.
    ``lead``: cues on the main verb of the incident's first sentence (what it says happened).

    The rules below are tried in the codebook's order of precedence; the first that decides wins.
    """
    # "cut off internet access" is a shutdown, not a road blockade told by the same words
    shut = {c.start for c in cues if c.name == "SHUTDOWN"}
    if shut:
        cues = [c for c in cues if not (c.name == "PROTEST" and c.start in shut)]
    if state_actor:
        # "police beat protesters during a demonstration": force used on the demonstrators (an
        # intervention on the same word), not violence of theirs
        acts_on = {c.start for c in cues if c.name == "INTERVENE" and c.weight > 0}
        cues = [c for c in cues if not (c.name == "RIOT" and c.start in acts_on)]
    score, by = _scores(cues)
    r = Incident(
        score,
        by,
        armed_target=armed_target,
        civilian_target=civilian_target,
        protesters_present=protesters_present,
        killed=killed,
        state_actor=state_actor,
        state_present=state_present,
        armed_present=armed_present,
        crowd_actor=crowd_actor,
        armed_group=armed_group,
        small_arms=small_arms,
        nonstate_actor=nonstate_actor,
        nonstate_perpetrator=nonstate_perpetrator,
        lead_sentence=lead_sentence,
        lead=lead,
    )
    found = _shutdown(r)
    if found is not None:
        return found
    protest = _protest_is_the_story(r)
    found = (
        _unmistakable_explosion(r) or _disrupted_weapons(r) or _demonstration(r, protest) or _mob(r, protest)
    )
    if found is not None:
        return found
    if _ordinary_crime(r, protest):
        return None
    return (
        _grave_found(r)
        or _told_by_the_lead(r)
        or remote_violence(r)
        or territory(r)
        or ground_fighting(r)
        or one_sided_violence(r)
        or strategic_development(r)
    )


def _told_protest(r: Incident) -> bool:
    """A protest cue told as what people did ("gathered", "protesting")."""
    return r.told("PROTEST", _VERB_FORM)


def _shutdown(r: Incident) -> Classification | None:
    """An internet or communications shutdown that is the event, not a protest's backdrop."""
    if r.has("SHUTDOWN") and not _told_protest(r) and "PROTEST" not in r.lead:
        # "internet blackout imposed as authorities brace for protests": the shutdown is the event
        return r.out(OTHER, 0.85, "SHUTDOWN")
    return None


def _protest_is_the_story(r: Incident) -> bool:
    """A demonstration takes part, unless the lead tells an arrest and the protest is only its topic."""
    protest = r.has("PROTEST") or r.protesters_present
    if (
        "ARREST" in r.lead
        and "PROTEST" not in r.lead
        and not _told_protest(r)
        and not any(c.weight >= 1.0 for c in r.by.get("INTERVENE", []))
    ):
        # "arrested a rapper over his songs supporting the protests": the arrest is the event
        protest = False
    return protest


def _unmistakable_explosion(r: Incident) -> Classification | None:
    """Explosions that are unmistakable whatever else is said."""
    if r.has("SUICIDE"):
        return r.out(SUICIDE_BOMB, 0.9, "SUICIDE")
    if r.has("CHEM"):
        return r.out(CHEMICAL_WEAPON, 0.85, "CHEM")
    return None


def _disrupted_weapons(r: Incident) -> Classification | None:
    """Weapons found, defused, intercepted: nothing went off."""
    lead, by = r.lead, r.by
    # An interception told as the
    # story ("intercepted and shot down a drone") is one even though an air weapon is named;
    # weapons seized in an attack on troops belong to the attack.
    # "the interception of two armed drones was announced": the interception named before the
    # drones it stopped is the story too, when the lead's verb is only the announcement
    first_intercept = min(
        (c.start for c in by.get("DISRUPT", []) if _INTERCEPTED.search(c.text)), default=None
    )
    first_air = min((c.start for c in by.get("AIR", [])), default=None)
    intercepted = (
        "AIR" not in lead
        and first_intercept is not None
        and ("DISRUPT" in lead or (first_air is not None and first_intercept < first_air and not lead))
    )
    attack_on_armed = r.armed_target and not r.civilian_target and "KILL" in lead
    # "fired a barrage of rockets ...; most were intercepted": the launch told by the lead is the
    # event (a bomb "detonated in a controlled explosion" was not launched)
    first_strong = min(
        (c for cs in by.values() for c in cs if c.weight >= 1.0 and c.name in EVENT_CUES),
        key=lambda c: c.start,
        default=None,
    )
    launch_led = (bool(lead & {"SHELL", "AIR"}) and "DISRUPT" not in lead) or (
        first_strong is not None and first_strong.name in ("SHELL", "AIR") and r.told("DISRUPT", _INTERCEPTED)
    )
    # "a rusty grenade found by children exploded": a remnant that went off is no weapon made safe
    remnant_went_off = r.has("ERW") and bool(lead & set(REMOTE))
    if (
        r.has("DISRUPT")
        and not remnant_went_off
        and not r.killed
        and not r.has("CLASH")
        and (not r.has("AIR") or intercepted)
        and not attack_on_armed
        and not launch_led
    ):
        return r.out(DISRUPTED_WEAPONS_USE, 0.75, "DISRUPT")
    return None


def _protest_led(r: Incident, protest: bool) -> bool:
    """A protest told first is the event; violence words after it are usually its cause
    ("calling for justice for a man killed by a mob")."""
    by, lead, has = r.by, r.lead, r.has
    violent = [
        c
        for n in REMOTE + ("CLASH", "KILL", "ABDUCT", "SEXUAL", "MOB", "LOOT")
        for c in by.get(n, [])
        if c.weight >= 1.0
    ]
    first_protest = min((c.start for c in by.get("PROTEST", [])), default=None)
    first_violent = min((c.start for c in violent), default=None)
    # "clashed with police ... while demonstrating": the demonstrators' own violence
    demonstrating = r.told("PROTEST", _DEMONSTRATING, strong=True)
    # the lead's main verb is the demonstration ("relatives of a man killed by police marched
    # to demand justice"): the violence named before it is who they are or what they protest
    protest_told_first = "PROTEST" in lead and not (lead & {"KILL", "CLASH", "ABDUCT", "SEXUAL", *REMOTE})
    return protest and (
        protest_told_first
        or demonstrating
        or first_violent is None
        or first_protest is None
        or first_protest <= first_violent
        or not any(has(n) for n in ("KILL", "CLASH") + REMOTE)
    )


def _demonstration(r: Incident, protest: bool) -> Classification | None:
    """Demonstrations: peaceful, met by intervention or lethal force, or violent themselves."""
    has = r.has
    if _protest_led(r, protest):
        if r.told("RIOT", _OWN_VIOLENCE, strong=True) and has("RIOT"):
            # demonstrators throwing stones or setting fires make the demonstration violent even
            # when the police then fired on them: excessive force is force against peaceful ones
            return r.out(VIOLENT_DEMONSTRATION, 0.75, "RIOT", "PROTEST")
        if (
            has("EXCESSIVE")
            or _maimed_by_the_state(r)
            or (
                r.killed
                and (r.state_actor or r.state_present)
                and (has("INTERVENE") or (r.state_actor and r.told("KILL", GUNS)))
            )
        ):
            # someone died (or was gravely hurt) while security forces broke up the demonstration
            return r.out(EXCESSIVE_FORCE, _excessive_conf(r, 0.8), "EXCESSIVE", "PROTEST")
        # told as what they did ("clashed", "fought"), not a clash recalled as the protest's cause
        two_sided_fight = r.told("CLASH", _FOUGHT, strong=True)
        # looting told as what the demonstrators did ("looted offices"), not as their grievance
        looted = r.told("LOOT", _DAMAGE_DONE)
        if has("RIOT") or looted or (two_sided_fight and not r.armed_group):
            # demonstrators fighting (each other, counter-protesters, the police) make it violent
            return r.out(VIOLENT_DEMONSTRATION, 0.75, "RIOT", "LOOT", "CLASH", "PROTEST")
        if has("INTERVENE"):
            return r.out(PROTEST_WITH_INTERVENTION, 0.75, "INTERVENE", "PROTEST")
        return r.out(PEACEFUL_PROTEST, 0.8, "PROTEST")
    if protest and r.told("RIOT", _OWN_VIOLENCE, strong=True):
        # "police shot dead four protesters who had pelted officers with rocks": the killing is
        # told first, but the demonstrators' own violence makes the demonstration violent
        return r.out(VIOLENT_DEMONSTRATION, 0.7, "RIOT", "PROTEST")
    if protest and (has("EXCESSIVE") or _maimed_by_the_state(r)):
        return r.out(EXCESSIVE_FORCE, _excessive_conf(r, 0.75), "EXCESSIVE", "INTERVENE", "PROTEST")
    if (
        not protest
        and r.told("INTERVENE", _CROWD_WEAPONS, strong=True)
        and (r.state_actor or r.state_present)
        and not any(has(n) for n in ("KILL", "CLASH", "RIOT", "MOB", "LOOT", "ARREST", *REMOTE))
    ):
        # "police fired tear gas and pepper spray in a busy district": the means of crowd
        # control are used on a gathering, whatever it is called
        return r.out(PROTEST_WITH_INTERVENTION, 0.6, "INTERVENE")
    return None


def _maimed_by_the_state(r: Incident) -> bool:
    """Security forces broke up the gathering and left people gravely hurt ("two remain in a
    coma", "in critical condition"): ACLED's excessive force covers serious injury, not only death."""
    return r.has("MAIMED") and (
        (r.has("INTERVENE") and (r.state_actor or r.state_present)) or (r.has("KILL") and r.state_actor)
    )


def _excessive_conf(r: Incident, usual: float) -> float:
    """Grave injuries named ("left in critical condition") make force on a gathering excessive by
    ACLED's definition, which a re-ranker trained mostly on deaths may not overrule; else ``usual``."""
    return 0.85 if _maimed_by_the_state(r) and not r.killed else usual


def _mob(r: Incident, protest: bool) -> Classification | None:
    """Riots without a demonstration: violence by a crowd (mob), or damage only (looting)."""
    has = r.has
    if protest and has("RIOT") and not r.armed_group and not has("KILL") and not any(has(n) for n in REMOTE):
        # "police clashed with demonstrators who had gathered to denounce ...": the violence
        # is named first, but it is the demonstration's
        return r.out(VIOLENT_DEMONSTRATION, 0.7, "RIOT", "PROTEST")
    if (
        "ARREST" in r.lead
        and not r.lead & {"RIOT", "MOB"}
        and not r.told("RIOT", _VERB_FORM)
        and not r.told("MOB", _VERB_FORM)
    ):
        # "was taken into custody over allegations that he organised last week's riot": the
        # arrest is told, the riot only named as its reason
        return None
    # rioting without an organised armed group is mob violence, unless state forces are the
    # only perpetrators named and nobody is called a rioter ("police units clashed")
    rioters = r.told("RIOT", _RIOTERS)
    # a crowd acting on an accusation ("villagers ... a family accused of witchcraft") is mob justice
    mob_justice = r.crowd_actor and not r.armed_group and has("MOB", 0.5)
    if (
        has("MOB")
        or mob_justice
        or (has("RIOT") and not r.armed_group and (not r.state_actor or rioters or r.crowd_actor))
    ):
        if has("LOOT") and not r.killed and not has("MOB") and not mob_justice and not has("KILL"):
            return r.out(LOOTING, 0.6, "LOOT", "RIOT")
        if not any(has(n) for n in REMOTE) or has("MOB"):
            return r.out(MOB_VIOLENCE, 0.7, "MOB", "RIOT")
    return None


def _ordinary_crime(r: Incident, protest: bool) -> bool:
    """An arrest for an ordinary crime ("arrested for stealing a car") is policing, not political
    disorder: no record, unless an armed group or a demonstration is part of the story."""
    has = r.has
    return (
        has("ARREST")
        and r.told("CRIME", _CRIME_REASON)
        and not r.armed_group
        and not protest
        and not any(has(n) for n in ("KILL", "CLASH", "ABDUCT", "SEXUAL", "MOB", "RIOT", *REMOTE))
    )


def _grave_found(r: Incident) -> Classification | None:
    """A mass grave found or exhumed, told before any killing: the discovery is the event (ACLED:
    Other); the killings it holds are older ("a mass grave of villagers killed by militants")."""
    if not r.has("GRAVE"):
        return None
    first = min(
        (c for cs in r.by.values() for c in cs if c.weight >= 1.0 and c.name in EVENT_CUES),
        key=lambda c: c.start,
        default=None,
    )
    if first is not None and first.name == "GRAVE":
        return r.out(OTHER, 0.7, "GRAVE")
    return None


def _told_by_the_lead(r: Incident) -> Classification | None:
    """An arrest or a displacement told by the lead's main verb, with no one killed, is that
    event even when the sentence also mentions an explosion or an attack as its cause."""
    # "arrested by the Taliban; his whereabouts are unknown": a disappearance, not an arrest
    # ("arrested members of a kidnapping gang" stays an arrest)
    disappeared = r.told("ABDUCT", _DISAPPEARED)
    if not r.killed:
        for name, sub in (
            ("ARREST", ARRESTS),
            ("DISPLACE", OTHER),
            ("LOOT", LOOTING),
        ):
            if name == "ARREST" and r.nonstate_actor:
                # ACLED: only state forces arrest; a detention by an armed group is an abduction
                sub = ABDUCTION
            if (
                name in r.lead
                and not (r.lead & {"AIR", "SHELL", "IED", "GRENADE", "CLASH", "KILL", "ABDUCT"})
                and not disappeared
                and not r.has("SEXUAL")
            ):
                return r.out(sub, 0.65, name)
    return None
