"""The ACLED event taxonomy: 6 event types, 25 sub-event types, and disorder types.

One source of truth; everything else (classifier labels, exports, API enums) reads it here.
Source: ACLED Codebook (2023), and ``acled_event_categories.csv`` in the evaluation data.
"""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: sub-event type -> event type
SUB_EVENT_TYPES: dict[str, str] = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}

#: The labels by name, for code that decides them (each is a key or member of ``EVENT_TYPES``).
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
CHEMICAL_WEAPON = "Chemical weapon"
AIR_DRONE_STRIKE = "Air/drone strike"
SUICIDE_BOMB = "Suicide bomb"
SHELLING = "Shelling/artillery/missile attack"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
SEXUAL_VIOLENCE = "Sexual violence"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_WITH_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE_TO_GROUP = "Change to group/activity"
DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
LOOTING = "Looting/property destruction"
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"

#: ACLED disorder types.
POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
POLITICAL_VIOLENCE_AND_DEMONSTRATIONS = "Political violence; Demonstrations"


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to; ``KeyError`` names the unknown label."""
    try:
        return SUB_EVENT_TYPES[sub_event_type]
    except KeyError:
        raise KeyError(f"unknown ACLED sub-event type {sub_event_type!r}") from None


def disorder_type_of(sub_event_type: str) -> str:
    """ACLED's disorder type for a sub-event type (codebook 2023, section 'Disorder type')."""
    et = event_type_of(sub_event_type)
    if et in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return POLITICAL_VIOLENCE
    if sub_event_type == "Excessive force against protesters":
        return POLITICAL_VIOLENCE_AND_DEMONSTRATIONS
    if sub_event_type == "Mob violence":
        return POLITICAL_VIOLENCE
    if et in ("Protests", "Riots"):
        return DEMONSTRATIONS
    return STRATEGIC


#: ACLED inter codes (actor types).
INTER_CODES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/other forces",
}
