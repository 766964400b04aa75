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
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventlens.taxonomy import (
    ABDUCTION,
    AGREEMENT,
    AIR_DRONE_STRIKE,
    ARMED_CLASH,
    ARRESTS,
    ATTACK,
    CHANGE_TO_GROUP,
    CHEMICAL_WEAPON,
    DISRUPTED_WEAPONS_USE,
    EXCESSIVE_FORCE,
    GOVERNMENT_REGAINS_TERRITORY,
    GRENADE,
    HEADQUARTERS_ESTABLISHED,
    LOOTING,
    MOB_VIOLENCE,
    NON_STATE_OVERTAKES_TERRITORY,
    NON_VIOLENT_TRANSFER,
    OTHER,
    PEACEFUL_PROTEST,
    PROTEST_WITH_INTERVENTION,
    REMOTE_EXPLOSIVE,
    SEXUAL_VIOLENCE,
    SHELLING,
    SUICIDE_BOMB,
    VIOLENT_DEMONSTRATION,
)
from eventlens.types import Cue

#: Cues that can open an incident on their own.
EVENT_CUES = frozenset(
    """AIR SHELL IED SUICIDE GRENADE CHEM CLASH REGAIN OVERTAKE TRANSFER KILL SEXUAL ABDUCT
    PROTEST INTERVENE EXCESSIVE RIOT MOB AGREE ARREST CHANGE DISRUPT HQ LOOT DISPLACE THREAT SHUTDOWN""".split()
)
REMOTE = ("SUICIDE", "CHEM", "AIR", "IED", "GRENADE", "SHELL")
DEMO = ("PROTEST", "INTERVENE", "EXCESSIVE", "RIOT", "MOB")
#: Clash cues that name fighting between two sides (not a one-way "ambush" or "offensive").
_TWO_SIDED = re.compile(
    r"clash|fight|exchang|battle|firefight|gunfight|shoot\W*out|skirmish|confrontation|ground|combat|traded|both sides|return",
    re.I,
)
_DISAPPEARED = re.compile(r"whereabouts|shield|disappear|missing", re.I)
_DAMAGE_DONE = re.compile(
    r"^(?:looted|ransacked|plundered|pillaged|torched|burned|burnt|vandali[sz]ed|smashed|razed)\b", re.I
)
_DEMONSTRATING = re.compile(r"^(?:demonstrating|protesting|rallying|marching|during)\b", re.I)
_VERB_FORM = re.compile(r"(?:ed|ing)\b", re.I)
_RIOTERS = re.compile(r"riot|mob", re.I)
_GUNS = re.compile(r"armed|shoot|shot|fire|gun", re.I)
_OVERRAN = re.compile(r"^overr", re.I)
#: Verbs that tell a place taken by force (a seizure, a recapture, an overrun).
_BY_FORCE = re.compile(
    r"^(?:seiz|captur|recaptur|retak|retook|overr|storm|wrest|occup|regain|reclaim|liberat|dr[io]v)", re.I
)
_WITHDREW = re.compile(r"^(?:withdr|pull|retreat|evacuat|vacat|abandon)", re.I)
_FOUGHT = re.compile(r"^(?:clashed|fought|scuffled|brawled|exchanged)\b", re.I)
#: Air power only states field: warplanes, helicopters, "air strikes" (armed groups' drones are not in it).
_MANNED_AIR = re.compile(
    r"air\W*(?:strike|raid|force|bombard)|warplane|jet|aircraft|helicopter|gunship|bomber|aerial", re.I
)
#: An explosion told without its means (no device, no shell): not evidence of a planted bomb.
_BARE_BLAST = re.compile(r"^(?:explosions?|blasts?|detonations?)$", re.I)
#: The reason given for an arrest when it is an ordinary crime ("for stealing a car").
_CRIME_REASON = re.compile(r"^(?:for|of|over)\b", re.I)
#: Interceptions ("intercepted and shot down a drone"): the weapon never struck.
_INTERCEPTED = re.compile(r"intercept|shot down|shoot down|downed", re.I)
#: Cues too weak or too broad to open an incident without a stronger cue in the same sentence.
WEAK_OPENERS = frozenset({"CHANGE", "DISPLACE", "TRANSFER"})


@dataclass(frozen=True, slots=True)
class Classification:
    sub_event_type: str
    confidence: float
    deciding: tuple[Cue, ...]  # the cues that decided it (evidence)


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


@dataclass(frozen=True, slots=True)
class _Incident:
    """An incident's cues summed by name, and the argument facts ``classify`` weighs with them."""

    score: dict[str, float]
    by: dict[str, list[Cue]]
    armed_target: bool
    civilian_target: bool
    protesters_present: bool
    killed: bool
    state_actor: bool
    state_present: bool
    armed_present: bool
    crowd_actor: bool
    armed_group: bool
    small_arms: bool
    nonstate_actor: bool
    nonstate_perpetrator: bool
    lead_sentence: frozenset[str] | set[str]
    lead: frozenset[str] | set[str]

    def has(self, name: str, at_least: float = 0.75) -> bool:
        return self.score.get(name, 0.0) >= at_least

    def told(self, name: str, pattern: re.Pattern[str], strong: bool = False) -> bool:
        """Does a cue of ``name`` (of weight >= 1 when ``strong``) read as ``pattern``?"""
        return any(pattern.search(c.text) for c in self.by.get(name, []) if not strong or c.weight >= 1.0)

    def first(self, *names: str) -> tuple[Cue, ...]:
        found = [c for n in names for c in self.by.get(n, [])]
        return tuple(sorted(found, key=lambda c: c.start)[:3])

    def out(self, sub: str, conf: float, *names: str) -> Classification:
        return Classification(sub, conf, self.first(*names))


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
    score, by = _scores(cues)
    r = _Incident(
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
        _told_by_the_lead(r)
        or _remote_violence(r)
        or _territory(r)
        or _ground_fighting(r)
        or _one_sided_violence(r)
        or _strategic_development(r)
    )


def _told_protest(r: _Incident) -> bool:
    """A protest cue told as what people did ("gathered", "protesting")."""
    return r.told("PROTEST", _VERB_FORM)


def _shutdown(r: _Incident) -> Classification | None:
    """An internet or communications shutdown that is the event, not a protest's backdrop."""
    if r.has("SHUTDOWN") and not _told_protest(r) and "PROTEST" not in r.lead:
        # "internet blackout imposed as authorities brace for protests": the shutdown is the event
        return r.out(OTHER, 0.85, "SHUTDOWN")
    return None


def _protest_is_the_story(r: _Incident) -> bool:
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


def _unmistakable_explosion(r: _Incident) -> Classification | None:
    """Explosions that are unmistakable whatever else is said."""
    if r.has("SUICIDE"):
        return r.out(SUICIDE_BOMB, 0.9, "SUICIDE")
    if r.has("CHEM"):
        return r.out(CHEMICAL_WEAPON, 0.85, "CHEM")
    return None


def _disrupted_weapons(r: _Incident) -> Classification | None:
    """Weapons found, defused, intercepted: nothing went off."""
    lead, by = r.lead, r.by
    # An interception told as the
    # story ("intercepted and shot down a drone") is one even though an air weapon is named;
    # weapons seized in an attack on troops belong to the attack.
    intercepted = "DISRUPT" in lead and "AIR" not in lead and r.told("DISRUPT", _INTERCEPTED)
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
    if (
        r.has("DISRUPT")
        and not r.killed
        and not r.has("CLASH")
        and (not r.has("AIR") or intercepted)
        and not attack_on_armed
        and not launch_led
    ):
        return r.out(DISRUPTED_WEAPONS_USE, 0.75, "DISRUPT")
    return None


def _protest_led(r: _Incident, protest: bool) -> bool:
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


def _demonstration(r: _Incident, protest: bool) -> Classification | None:
    """Demonstrations: peaceful, met by intervention or lethal force, or violent themselves."""
    has = r.has
    if _protest_led(r, protest):
        if has("EXCESSIVE") or (
            r.killed
            and (r.state_actor or r.state_present)
            and (has("INTERVENE") or (r.state_actor and r.told("KILL", _GUNS)))
        ):
            # someone died while security forces broke up the demonstration
            return r.out(EXCESSIVE_FORCE, 0.8, "EXCESSIVE", "PROTEST")
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
    if protest and has("EXCESSIVE"):
        return r.out(EXCESSIVE_FORCE, 0.75, "EXCESSIVE", "PROTEST")
    return None


def _mob(r: _Incident, protest: bool) -> Classification | None:
    """Riots without a demonstration: violence by a crowd (mob), or damage only (looting)."""
    has = r.has
    if protest and has("RIOT") and not r.armed_group and not has("KILL") and not any(has(n) for n in REMOTE):
        # "police clashed with demonstrators who had gathered to denounce ...": the violence
        # is named first, but it is the demonstration's
        return r.out(VIOLENT_DEMONSTRATION, 0.7, "RIOT", "PROTEST")
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


def _ordinary_crime(r: _Incident, protest: bool) -> bool:
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


def _told_by_the_lead(r: _Incident) -> Classification | None:
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


def _two_sided(r: _Incident) -> bool:
    """Both sides fighting ("clashes", "exchanged fire", "fighting broke out"), not a one-way ambush."""
    return r.told("CLASH", _TWO_SIDED, strong=True)


def _remote_weapons(r: _Incident) -> dict[str, float]:
    """The explosive weapons of the incident by score, without air power that is not the perpetrator's."""
    remote = {n: r.score.get(n, 0.0) for n in ("AIR", "IED", "GRENADE", "SHELL") if r.has(n)}
    if (
        "AIR" in remote
        and r.nonstate_perpetrator
        and r.armed_target
        and not r.civilian_target
        and all(_MANNED_AIR.search(c.text) for c in r.by["AIR"])
    ):
        # an armed group attacking troops flies no warplanes: the air strikes told beside its
        # attack are the other side's (the attack, fought on the ground, is the event)
        del remote["AIR"]
    return remote


#: The sub-event type of each explosive weapon when it decides the incident.
_REMOTE_SUB = {
    "AIR": AIR_DRONE_STRIKE,
    "IED": REMOTE_EXPLOSIVE,
    "GRENADE": GRENADE,
    "SHELL": SHELLING,
}


def _remote_violence(r: _Incident) -> Classification | None:
    """Remote violence versus ground fighting, when explosive weapons are named."""
    remote = _remote_weapons(r)
    if remote and r.has("ERW") and not any(r.has(n) for n in ("KILL", "CLASH", "AIR", "SHELL")):
        # a mine or shell left over from a past war going off: nobody's attack (ACLED: Other)
        return r.out(OTHER, 0.85, "ERW", "IED")
    if not remote:
        return None
    by = r.by
    # the more specific means wins: an air strike "in conjunction with artillery shelling" is
    # an air strike (ACLED codebook: the most specific sub-event type applies)
    best = max(
        remote,
        key=lambda n: (
            any(c.weight >= 1.0 for c in by[n]),
            n == "AIR",
            remote[n],
            -min(c.start for c in by[n]),
        ),
    )
    # "clashes with light weapons and mortars": fighting named, artillery only as the means
    strong_remote = any(c.weight >= 1.0 for c in by[best])
    found = _fighting_with_explosives(r, remote, best, strong_remote)
    if found is not None:
        return found
    conf = 0.85 if strong_remote else 0.6
    return r.out(_REMOTE_SUB[best], conf, best)


def _fighting_with_explosives(
    r: _Incident, remote: dict[str, float], best: str, strong_remote: bool
) -> Classification | None:
    """A battle in which the explosive weapons were only the means of the fighting."""
    lead, has = r.lead, r.has
    clash = r.score.get("CLASH", 0.0)
    # two-sided fighting is a battle whatever weapons were used; only an air strike stays
    # its own event
    if _two_sided(r) and (best != "AIR" or ("CLASH" in lead and "AIR" not in lead)):
        return r.out(ARMED_CLASH, 0.7, "CLASH")
    if clash >= 1.0 and has("AIRSUPPORT"):
        # "supported by coalition air raids, clashed with ...": the air power backs the fighting
        return r.out(ARMED_CLASH, 0.7, "CLASH")
    if (
        best == "IED"
        and clash >= 1.0
        and r.small_arms
        and all(_BARE_BLAST.match(c.text) for c in r.by["IED"])
    ):
        # explosions of unknown cause beside shots and bursts of fire: fighting, not a bomb
        return r.out(ARMED_CLASH, 0.65, "CLASH")
    if (
        r.armed_target
        and not r.civilian_target
        and "KILL" in lead
        and r.lead_sentence
        and not (r.lead_sentence & set(REMOTE))
    ):
        # the lead sentence tells a ground attack on troops and names no explosive weapon;
        # air strikes or shelling told afterwards are the other side's response or support
        return r.out(ARMED_CLASH, 0.65, "KILL", "CLASH")
    if (
        r.armed_target
        and r.small_arms
        and not r.civilian_target
        and (best in ("IED", "GRENADE") or best == "SHELL" and "SHELL" not in lead and "KILL" in lead)
    ):
        # gunfire alongside the explosives against troops: a ground attack, i.e. a battle
        # ("a complex ambush involving an IED and gunfire against an army convoy")
        return r.out(ARMED_CLASH, 0.65, "CLASH", "KILL", best)
    if clash >= 1.0 and (not strong_remote or clash > remote[best] or ("CLASH" in lead and best not in lead)):
        # fighting is what the lead says happened; the artillery or mines are its means
        return r.out(ARMED_CLASH, 0.7, "CLASH")
    return None


def _gainer(r: _Incident) -> str | None:
    """Who took the place, from the parse: "state", "armed" or None. The taker named decides;
    else the loser ("recaptured the town from the army": the army lost it). The first side
    told wins when the incident names several."""
    sides = [c for n in ("TAKER_STATE", "TAKER_ARMED") for c in r.by.get(n, [])]
    if sides:
        first = min(sides, key=lambda c: c.start)
        return "state" if first.name == "TAKER_STATE" else "armed"
    lost = [c for n in ("LOSER_STATE", "LOSER_ARMED") for c in r.by.get(n, [])]
    if lost:
        first = min(lost, key=lambda c: c.start)
        return "armed" if first.name == "LOSER_STATE" else "state"
    return None


def _territory(r: _Incident) -> Classification | None:
    """Battles over territory, and territory changing hands without one."""
    has = r.has
    clash = r.score.get("CLASH", 0.0)
    # overrunning a position is fighting by definition
    fought = clash >= 1.0 or r.killed or r.told("OVERTAKE", _OVERRAN) or has("EXPEL")
    if has("TRANSFER") and not fought and (has("OVERTAKE") or has("REGAIN")):
        # "retook the village; no information on whether fighting took place", "withdrew without a fight"
        return r.out(NON_VIOLENT_TRANSFER, 0.6, "TRANSFER", "OVERTAKE", "REGAIN")
    gainer = _gainer(r) if (has("OVERTAKE") or has("REGAIN")) else None
    if gainer is not None:
        # a capture told with its sides (fought for, or with no sign it was handed over): who
        # gained it decides, whatever the verb ("militants recaptured the town from the army"
        # is the armed group's gain, not the state's)
        if gainer == "state":
            return r.out(GOVERNMENT_REGAINS_TERRITORY, 0.7, "REGAIN", "OVERTAKE")
        if fought or r.told("OVERTAKE", _BY_FORCE) or r.told("REGAIN", _BY_FORCE) or r.has("LOSER_STATE"):
            return r.out(NON_STATE_OVERTAKES_TERRITORY, 0.7, "OVERTAKE", "REGAIN")
        # "fighters overtook the village", nothing said of fighting or of whom they took it from:
        # ACLED's non-violent transfer
        return r.out(NON_VIOLENT_TRANSFER, 0.55, "OVERTAKE", "REGAIN")
    if (has("REGAIN") or has("OVERTAKE")) and fought:
        # taken by fighting: who took it decides (state forces regain, others overtake)
        if r.state_actor or not has("OVERTAKE"):
            return r.out(GOVERNMENT_REGAINS_TERRITORY, 0.7, "REGAIN", "OVERTAKE")
        return r.out(NON_STATE_OVERTAKES_TERRITORY, 0.65, "OVERTAKE")
    if has("REGAIN") and (r.state_actor or not has("OVERTAKE")):
        return r.out(GOVERNMENT_REGAINS_TERRITORY, 0.7, "REGAIN")
    if (
        has("TRANSFER")
        and not (has("OVERTAKE") or has("REGAIN") or has("TAKER_STATE") or has("TAKER_ARMED"))
        and r.told("TRANSFER", _WITHDREW, strong=True)
        and all(_WITHDREW.search(c.text) for c in r.by["TRANSFER"])
        and not any(r.has(n) for n in ("KILL", "CLASH", "ABDUCT", "LOOT", *REMOTE))
    ):
        # a side leaving a place with no one said to take it over: its own move, not a transfer
        return r.out(CHANGE_TO_GROUP, 0.55, "TRANSFER")
    if (has("OVERTAKE") or has("REGAIN") or has("TRANSFER")) and clash <= 0 and not r.killed:
        # (a negative clash score is fighting denied: "entered the town without resistance")
        return r.out(NON_VIOLENT_TRANSFER, 0.55, "TRANSFER", "OVERTAKE", "REGAIN")
    return None


def _ground_fighting(r: _Incident) -> Classification | None:
    """Fighting without explosive weapons: a battle, a crowd's brawl, or an ambush on civilians."""
    if r.score.get("CLASH", 0.0) >= 1.0:
        # guns (an "armed clash", a shoot-out, people shot) mark organised armed sides even when
        # the groups are unknown to us; sticks and stones between unnamed sides are mob violence
        gunfight = r.told("CLASH", _GUNS)  # both sides shooting
        guns = r.small_arms or gunfight or r.told("KILL", _GUNS)
        if (r.crowd_actor and not r.armed_group and not gunfight) or (not r.armed_present and not guns):
            return r.out(MOB_VIOLENCE, 0.6, "CLASH")
        if r.civilian_target and not r.armed_target and not _two_sided(r) and r.has("KILL"):
            # an ambush or raid on civilians is one-sided violence, not a battle
            return r.out(ATTACK, 0.65, "KILL")
        return r.out(ARMED_CLASH, 0.75, "CLASH")
    return None


def _one_sided_violence(r: _Incident) -> Classification | None:
    """Violence by one side: sexual violence, abduction, killing."""
    has = r.has
    if has("SEXUAL"):
        return r.out(SEXUAL_VIOLENCE, 0.8, "SEXUAL")
    if has("ABDUCT"):
        return r.out(ABDUCTION, 0.75, "ABDUCT")
    if has("KILL"):
        if r.crowd_actor and not r.armed_group:
            return r.out(MOB_VIOLENCE, 0.6, "KILL")
        if r.armed_target and not r.civilian_target:
            return r.out(ARMED_CLASH, 0.6, "KILL")
        if has("LOOT") and not r.killed:
            return r.out(LOOTING, 0.6, "LOOT")
        return r.out(ATTACK, 0.7, "KILL")
    return None


def _strategic_development(r: _Incident) -> Classification | None:
    """Strategic developments, the first cue named in this order deciding."""
    for name, sub in (
        ("AGREE", AGREEMENT),
        ("ARREST", ABDUCTION if r.nonstate_actor else ARRESTS),
        ("LOOT", LOOTING),
        ("HQ", HEADQUARTERS_ESTABLISHED),
        ("CHANGE", CHANGE_TO_GROUP),
        ("DISPLACE", OTHER),
        ("THREAT", OTHER),
        ("SHUTDOWN", OTHER),
    ):
        if r.has(name):
            # an internet shutdown is Other by definition (its "blocked" is no road blockade)
            return r.out(sub, 0.85 if name == "SHUTDOWN" else 0.6, name)
    return None
