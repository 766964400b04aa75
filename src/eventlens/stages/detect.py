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
    """
    # "cut off internet access" is a shutdown, not a road blockade told by the same words
    shut = {c.start for c in cues if c.name == "SHUTDOWN"}
    if shut:
        cues = [c for c in cues if not (c.name == "PROTEST" and c.start in shut)]
    score, by = _scores(cues)

    def has(name: str, at_least: float = 0.75) -> bool:
        return score.get(name, 0.0) >= at_least

    def told(name: str, pattern: re.Pattern[str], strong: bool = False) -> bool:
        """Does a cue of ``name`` (of weight >= 1 when ``strong``) read as ``pattern``?"""
        return any(pattern.search(c.text) for c in by.get(name, []) if not strong or c.weight >= 1.0)

    def first(*names: str) -> tuple[Cue, ...]:
        found = [c for n in names for c in by.get(n, [])]
        return tuple(sorted(found, key=lambda c: c.start)[:3])

    def out(sub: str, conf: float, *names: str) -> Classification:
        return Classification(sub, conf, first(*names))

    protest = has("PROTEST") or protesters_present
    told_protest = told("PROTEST", _VERB_FORM)  # "gathered", "protesting"
    if has("SHUTDOWN") and not told_protest and "PROTEST" not in lead:
        # "internet blackout imposed as authorities brace for protests": the shutdown is the event
        return out("Other", 0.85, "SHUTDOWN")
    if (
        "ARREST" in lead
        and "PROTEST" not in lead
        and not told_protest
        and not any(c.weight >= 1.0 for c in by.get("INTERVENE", []))
    ):
        # "arrested a rapper over his songs supporting the protests": the arrest is the event
        protest = False
    # --- Explosions that are unmistakable whatever else is said
    if has("SUICIDE"):
        return out("Suicide bomb", 0.9, "SUICIDE")
    if has("CHEM"):
        return out("Chemical weapon", 0.85, "CHEM")
    # --- Weapons found, defused, intercepted: nothing went off. An interception told as the
    # story ("intercepted and shot down a drone") is one even though an air weapon is named;
    # weapons seized in an attack on troops belong to the attack.
    intercepted = "DISRUPT" in lead and "AIR" not in lead and told("DISRUPT", _INTERCEPTED)
    attack_on_armed = armed_target and not civilian_target and "KILL" in lead
    # "fired a barrage of rockets ...; most were intercepted": the launch told by the lead is the
    # event (a bomb "detonated in a controlled explosion" was not launched)
    first_strong = min(
        (c for cs in by.values() for c in cs if c.weight >= 1.0 and c.name in EVENT_CUES),
        key=lambda c: c.start,
        default=None,
    )
    launch_led = (bool(lead & {"SHELL", "AIR"}) and "DISRUPT" not in lead) or (
        first_strong is not None and first_strong.name in ("SHELL", "AIR") and told("DISRUPT", _INTERCEPTED)
    )
    if (
        has("DISRUPT")
        and not killed
        and not has("CLASH")
        and (not has("AIR") or intercepted)
        and not attack_on_armed
        and not launch_led
    ):
        return out("Disrupted weapons use", 0.75, "DISRUPT")
    # --- Demonstrations. A protest told first is the event; violence words after it are
    # usually its cause ("calling for justice for a man killed by a mob").
    violent = [
        c
        for n in REMOTE + ("CLASH", "KILL", "ABDUCT", "SEXUAL", "MOB", "LOOT")
        for c in by.get(n, [])
        if c.weight >= 1.0
    ]
    first_protest = min((c.start for c in by.get("PROTEST", [])), default=None)
    first_violent = min((c.start for c in violent), default=None)
    # "clashed with police ... while demonstrating": the demonstrators' own violence
    demonstrating = told("PROTEST", _DEMONSTRATING, strong=True)
    # the lead's main verb is the demonstration ("relatives of a man killed by police marched
    # to demand justice"): the violence named before it is who they are or what they protest
    protest_told_first = "PROTEST" in lead and not (lead & {"KILL", "CLASH", "ABDUCT", "SEXUAL", *REMOTE})
    protest_led = protest and (
        protest_told_first
        or demonstrating
        or first_violent is None
        or first_protest is None
        or first_protest <= first_violent
        or not any(has(n) for n in ("KILL", "CLASH") + REMOTE)
    )
    if protest_led:
        if has("EXCESSIVE") or (
            killed
            and (state_actor or state_present)
            and (has("INTERVENE") or (state_actor and told("KILL", _GUNS)))
        ):
            # someone died while security forces broke up the demonstration
            return out("Excessive force against protesters", 0.8, "EXCESSIVE", "PROTEST")
        # told as what they did ("clashed", "fought"), not a clash recalled as the protest's cause
        two_sided_fight = told("CLASH", _FOUGHT, strong=True)
        # looting told as what the demonstrators did ("looted offices"), not as their grievance
        looted = told("LOOT", _DAMAGE_DONE)
        if has("RIOT") or looted or (two_sided_fight and not armed_group):
            # demonstrators fighting (each other, counter-protesters, the police) make it violent
            return out("Violent demonstration", 0.75, "RIOT", "LOOT", "CLASH", "PROTEST")
        if has("INTERVENE"):
            return out("Protest with intervention", 0.75, "INTERVENE", "PROTEST")
        return out("Peaceful protest", 0.8, "PROTEST")
    if protest and has("EXCESSIVE"):
        return out("Excessive force against protesters", 0.75, "EXCESSIVE", "PROTEST")
    # --- Riots without a demonstration: violence by a crowd (mob), or damage only (looting)
    if protest and has("RIOT") and not armed_group and not has("KILL") and not any(has(n) for n in REMOTE):
        # "police clashed with demonstrators who had gathered to denounce ...": the violence
        # is named first, but it is the demonstration's
        return out("Violent demonstration", 0.7, "RIOT", "PROTEST")
    # rioting without an organised armed group is mob violence, unless state forces are the
    # only perpetrators named and nobody is called a rioter ("police units clashed")
    rioters = told("RIOT", _RIOTERS)
    # a crowd acting on an accusation ("villagers ... a family accused of witchcraft") is mob justice
    mob_justice = crowd_actor and not armed_group and has("MOB", 0.5)
    if (
        has("MOB")
        or mob_justice
        or (has("RIOT") and not armed_group and (not state_actor or rioters or crowd_actor))
    ):
        if has("LOOT") and not killed and not has("MOB") and not mob_justice and not has("KILL"):
            return out("Looting/property destruction", 0.6, "LOOT", "RIOT")
        if not any(has(n) for n in REMOTE) or has("MOB"):
            return out("Mob violence", 0.7, "MOB", "RIOT")
    # "arrested by the Taliban; his whereabouts are unknown": a disappearance, not an arrest
    # ("arrested members of a kidnapping gang" stays an arrest)
    disappeared = told("ABDUCT", _DISAPPEARED)
    # an arrest for an ordinary crime ("arrested for stealing a car") is policing, not political
    # disorder: no record, unless an armed group or a demonstration is part of the story
    if (
        has("ARREST")
        and told("CRIME", _CRIME_REASON)
        and not armed_group
        and not protest
        and not any(has(n) for n in ("KILL", "CLASH", "ABDUCT", "SEXUAL", "MOB", "RIOT", *REMOTE))
    ):
        return None
    # --- An arrest or a displacement told by the lead's main verb, with no one killed, is that
    # event even when the sentence also mentions an explosion or an attack as its cause.
    if not killed:
        for name, sub in (
            ("ARREST", "Arrests"),
            ("DISPLACE", "Other"),
            ("LOOT", "Looting/property destruction"),
        ):
            if name == "ARREST" and nonstate_actor:
                # ACLED: only state forces arrest; a detention by an armed group is an abduction
                sub = "Abduction/forced disappearance"
            if (
                name in lead
                and not (lead & {"AIR", "SHELL", "IED", "GRENADE", "CLASH", "KILL", "ABDUCT"})
                and not disappeared
                and not has("SEXUAL")
            ):
                return out(sub, 0.65, name)
    # --- Remote violence versus ground fighting
    remote = {n: score.get(n, 0.0) for n in ("AIR", "IED", "GRENADE", "SHELL") if has(n)}
    clash = score.get("CLASH", 0.0)
    if (
        "AIR" in remote
        and nonstate_perpetrator
        and armed_target
        and not civilian_target
        and all(_MANNED_AIR.search(c.text) for c in by["AIR"])
    ):
        # an armed group attacking troops flies no warplanes: the air strikes told beside its
        # attack are the other side's (the attack, fought on the ground, is the event)
        del remote["AIR"]
    if remote and has("ERW") and not any(has(n) for n in ("KILL", "CLASH", "AIR", "SHELL")):
        # a mine or shell left over from a past war going off: nobody's attack (ACLED: Other)
        return out("Other", 0.85, "ERW", "IED")
    # both sides fighting ("clashes", "exchanged fire", "fighting broke out"), not a one-way ambush
    two_sided = told("CLASH", _TWO_SIDED, strong=True)
    if remote:
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
        # two-sided fighting is a battle whatever weapons were used; only an air strike stays
        # its own event
        if two_sided and (best != "AIR" or ("CLASH" in lead and "AIR" not in lead)):
            return out("Armed clash", 0.7, "CLASH")
        if clash >= 1.0 and has("AIRSUPPORT"):
            # "supported by coalition air raids, clashed with ...": the air power backs the fighting
            return out("Armed clash", 0.7, "CLASH")
        if (
            best == "IED"
            and clash >= 1.0
            and small_arms
            and all(_BARE_BLAST.match(c.text) for c in by["IED"])
        ):
            # explosions of unknown cause beside shots and bursts of fire: fighting, not a bomb
            return out("Armed clash", 0.65, "CLASH")
        if (
            armed_target
            and not civilian_target
            and "KILL" in lead
            and lead_sentence
            and not (lead_sentence & set(REMOTE))
        ):
            # the lead sentence tells a ground attack on troops and names no explosive weapon;
            # air strikes or shelling told afterwards are the other side's response or support
            return out("Armed clash", 0.65, "KILL", "CLASH")
        if (
            armed_target
            and small_arms
            and not civilian_target
            and (best in ("IED", "GRENADE") or best == "SHELL" and "SHELL" not in lead and "KILL" in lead)
        ):
            # gunfire alongside the explosives against troops: a ground attack, i.e. a battle
            # ("a complex ambush involving an IED and gunfire against an army convoy")
            return out("Armed clash", 0.65, "CLASH", "KILL", best)
        if clash >= 1.0 and (
            not strong_remote or clash > remote[best] or ("CLASH" in lead and best not in lead)
        ):
            # fighting is what the lead says happened; the artillery or mines are its means
            return out("Armed clash", 0.7, "CLASH")
        names = {
            "AIR": "Air/drone strike",
            "IED": "Remote explosive/landmine/IED",
            "GRENADE": "Grenade",
            "SHELL": "Shelling/artillery/missile attack",
        }
        conf = 0.85 if strong_remote else 0.6
        return out(names[best], conf, best)
    # --- Battles over territory
    # overrunning a position is fighting by definition
    fought = clash >= 1.0 or killed or told("OVERTAKE", _OVERRAN) or has("EXPEL")
    if has("TRANSFER") and not fought and (has("OVERTAKE") or has("REGAIN")):
        # "retook the village; no information on whether fighting took place", "withdrew without a fight"
        return out("Non-violent transfer of territory", 0.6, "TRANSFER", "OVERTAKE", "REGAIN")
    if (has("REGAIN") or has("OVERTAKE")) and fought:
        # taken by fighting: who took it decides (state forces regain, others overtake)
        if state_actor or not has("OVERTAKE"):
            return out("Government regains territory", 0.7, "REGAIN", "OVERTAKE")
        return out("Non-state actor overtakes territory", 0.65, "OVERTAKE")
    if has("REGAIN") and (state_actor or not has("OVERTAKE")):
        return out("Government regains territory", 0.7, "REGAIN")
    if (has("OVERTAKE") or has("REGAIN") or has("TRANSFER")) and not clash and not killed:
        return out("Non-violent transfer of territory", 0.55, "TRANSFER", "OVERTAKE", "REGAIN")
    if clash >= 1.0:
        # guns (an "armed clash", a shoot-out, people shot) mark organised armed sides even when
        # the groups are unknown to us; sticks and stones between unnamed sides are mob violence
        gunfight = told("CLASH", _GUNS)  # both sides shooting
        guns = small_arms or gunfight or told("KILL", _GUNS)
        if (crowd_actor and not armed_group and not gunfight) or (not armed_present and not guns):
            return out("Mob violence", 0.6, "CLASH")
        if civilian_target and not armed_target and not two_sided and has("KILL"):
            # an ambush or raid on civilians is one-sided violence, not a battle
            return out("Attack", 0.65, "KILL")
        return out("Armed clash", 0.75, "CLASH")
    # --- One-sided violence
    if has("SEXUAL"):
        return out("Sexual violence", 0.8, "SEXUAL")
    if has("ABDUCT"):
        return out("Abduction/forced disappearance", 0.75, "ABDUCT")
    if has("KILL"):
        if crowd_actor and not armed_group:
            return out("Mob violence", 0.6, "KILL")
        if armed_target and not civilian_target:
            return out("Armed clash", 0.6, "KILL")
        if has("LOOT") and not killed:
            return out("Looting/property destruction", 0.6, "LOOT")
        return out("Attack", 0.7, "KILL")
    # --- Strategic developments
    for name, sub in (
        ("AGREE", "Agreement"),
        ("ARREST", "Abduction/forced disappearance" if nonstate_actor else "Arrests"),
        ("LOOT", "Looting/property destruction"),
        ("HQ", "Headquarters or base established"),
        ("CHANGE", "Change to group/activity"),
        ("DISPLACE", "Other"),
        ("THREAT", "Other"),
        ("SHUTDOWN", "Other"),
    ):
        if has(name):
            # an internet shutdown is Other by definition (its "blocked" is no road blockade)
            return out(sub, 0.85 if name == "SHUTDOWN" else 0.6, name)
    return None
