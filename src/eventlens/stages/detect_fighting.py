"""The fighting rules of :func:`eventlens.stages.detect.classify`, tried after the demonstration
rules in the codebook's order: remote violence (explosive weapons, and when they were only the
means of a battle), territory changing hands, ground fighting, one-sided violence, and last the
strategic developments."""

from __future__ import annotations

import re

from eventlens.stages.detect_incident import GUNS, REMOTE, Classification, Incident
from eventlens.taxonomy import (
    ABDUCTION,
    AGREEMENT,
    AIR_DRONE_STRIKE,
    ARMED_CLASH,
    ARRESTS,
    ATTACK,
    CHANGE_TO_GROUP,
    GOVERNMENT_REGAINS_TERRITORY,
    GRENADE,
    HEADQUARTERS_ESTABLISHED,
    LOOTING,
    MOB_VIOLENCE,
    NON_STATE_OVERTAKES_TERRITORY,
    NON_VIOLENT_TRANSFER,
    OTHER,
    REMOTE_EXPLOSIVE,
    SEXUAL_VIOLENCE,
    SHELLING,
    VIOLENT_DEMONSTRATION,
)

#: Clash cues that name fighting between two sides (not a one-way "ambush" or "offensive").
_TWO_SIDED = re.compile(
    r"clash|fight|exchang|battle|firefight|gunfight|shoot\W*out|skirmish|confrontation|ground|combat|traded|both sides|return",
    re.I,
)
_OVERRAN = re.compile(r"^overr", re.I)
#: An ambush is laid by an organised armed side, never by a crowd that happens upon its victims.
_AMBUSH = re.compile(r"ambush", re.I)
#: Verbs that tell a place taken by force (a seizure, a recapture, an overrun), or the words
#: "by force" themselves ("took control by force of").
_BY_FORCE = re.compile(
    r"^(?:seiz|captur|recaptur|retak|retook|overr|storm|wrest|occup|regain|reclaim|liberat|dr[io]v)|\bby force\b|\bground$",
    re.I,
)
#: A handover told as peaceful in so many words ("handed over peacefully", "without a shot").
_PEACEFUL = re.compile(r"peaceful|unopposed|without|no shots?\b|no resistance", re.I)
_WITHDREW = re.compile(r"^(?:withdr|pull|retreat|evacuat|vacat|abandon)", re.I)
#: Air power only states field: warplanes, helicopters, "air strikes" (armed groups' drones are not in it).
_MANNED_AIR = re.compile(
    r"air\W*(?:strike|raid|force|bombard)|warplane|jet|aircraft|helicopter|gunship|bomber|aerial", re.I
)
#: An explosion told without its means (no device, no shell): not evidence of a planted bomb.
_BARE_BLAST = re.compile(r"^(?:explosions?|blasts?|detonations?)$", re.I)


def _two_sided(r: Incident) -> bool:
    """Both sides fighting ("clashes", "exchanged fire", "fighting broke out"), not a one-way ambush."""
    return r.told("CLASH", _TWO_SIDED, strong=True)


def _remote_weapons(r: Incident) -> dict[str, float]:
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


def remote_violence(r: Incident) -> Classification | None:
    """Remote violence versus ground fighting, when explosive weapons are named."""
    remote = _remote_weapons(r)
    if remote and r.has("ERW") and not any(r.has(n) for n in ("KILL", "CLASH", "AIR", "SHELL")):
        # a mine or shell left over from a past war going off: nobody's attack (ACLED: Other)
        return r.out(OTHER, 0.85, "ERW", "IED")
    if not remote:
        return None
    by = r.by
    if (
        set(remote) == {"IED"}
        and r.has("AIRCRAFT")
        and not r.has("CLASH")
        and all(_BARE_BLAST.match(c.text) for c in by["IED"])
    ):
        # "warplanes circled over the town before several explosions shook it": blasts of no
        # named device under aircraft seen at the time are an air strike, not a planted bomb
        return r.out(AIR_DRONE_STRIKE, 0.6, "IED")
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
    r: Incident, remote: dict[str, float], best: str, strong_remote: bool
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


def _gainer(r: Incident) -> str | None:
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


def territory(r: Incident) -> Classification | None:
    """Battles over territory, and territory changing hands without one."""
    has = r.has
    clash = r.score.get("CLASH", 0.0)
    # overrunning a position is fighting by definition
    fought = clash >= 1.0 or r.killed or r.told("OVERTAKE", _OVERRAN) or has("EXPEL")
    if has("TRANSFER") and not fought and (has("OVERTAKE") or has("REGAIN")):
        # "retook the village; no information on whether fighting took place", "withdrew without a fight"
        return r.out(NON_VIOLENT_TRANSFER, _transfer_conf(r, 0.6), "TRANSFER", "OVERTAKE", "REGAIN")
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
        return r.out(NON_VIOLENT_TRANSFER, _transfer_conf(r, 0.55), "TRANSFER", "OVERTAKE", "REGAIN")
    return None


def _transfer_conf(r: Incident, usual: float) -> float:
    """A transfer the lead tells as peaceful in so many words ("was handed over peacefully") is
    one by definition (the re-ranker, which saw few transfers, may not overrule it); else ``usual``."""
    if "TRANSFER" in r.lead and r.told("TRANSFER", _PEACEFUL, strong=True):
        return 0.85
    return usual


def ground_fighting(r: Incident) -> Classification | None:
    """Fighting without explosive weapons: a battle, a crowd's brawl, or an ambush on civilians."""
    if r.score.get("CLASH", 0.0) >= 1.0:
        # guns (an "armed clash", a shoot-out, people shot) mark organised armed sides even when
        # the groups are unknown to us; sticks and stones between unnamed sides are mob violence
        gunfight = r.told("CLASH", GUNS)  # both sides shooting
        # an ambush is planned by an organised armed side, like gunfire ("the killing of three aid
        # workers in an ambush": no crowd's brawl, whoever laid it)
        ambush = r.told("CLASH", _AMBUSH, strong=True)
        guns = r.small_arms or gunfight or r.told("KILL", GUNS) or ambush
        if r.has("PROTEST") and r.state_present and not r.armed_group and not guns and not r.killed:
            # "clashes broke out after the police attacked a peaceful protest": the demonstrators
            # fought the state's forces, with no guns and no armed group (the protest told after
            # the violence); rival supporters fighting each other stay mob violence
            return r.out(VIOLENT_DEMONSTRATION, 0.6, "CLASH", "PROTEST")
        # every side of the fight word an organised force ("between two factions of the
        # SPLA-IO", an acronym no list knows): a battle, never a crowd's brawl
        organised = r.has("ARMEDSIDES")
        if not organised and (
            (r.crowd_actor and not r.armed_group and not gunfight and not ambush)
            or (not r.armed_present and not guns)
        ):
            return r.out(MOB_VIOLENCE, 0.6, "CLASH")
        if r.civilian_target and not r.armed_target and not _two_sided(r) and r.has("KILL"):
            # an ambush or raid on civilians is one-sided violence, not a battle
            return r.out(ATTACK, 0.65, "KILL")
        # two organised sides named fighting, no place changing hands and no civilian victims:
        # a battle by ACLED's definition, which the re-ranker may not turn into a territorial
        # change no word of the text tells ("heavy fighting erupted between the army and
        # insurgents")
        definitional = (
            organised
            and not r.civilian_target
            and not any(r.has(n, 0.5) for n in ("REGAIN", "OVERTAKE", "TRANSFER"))
        )
        return r.out(ARMED_CLASH, 0.85 if definitional else 0.75, "CLASH")
    return None


def one_sided_violence(r: Incident) -> Classification | None:
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


def strategic_development(r: Incident) -> Classification | None:
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
