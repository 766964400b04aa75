"""The word lists that tell what a noun names (people, civilians, crowds, security forces, armed
groups) and the verbs and prepositions of speech and attack, shared by the argument rules."""

from __future__ import annotations

PERSON_NOUNS = frozenset(
    """people persons person civilians civilian villagers villager residents resident men man women woman children child
    boys boy girls girl students student farmers farmer worker workers passengers passenger soldiers soldier troops
    policemen policeman officers officer police fighters fighter militants militant insurgents insurgent rebels rebel
    members member others protesters protester demonstrators demonstrator individuals individual personnel guards guard
    gunmen gunman attackers attacker assailants assailant militiamen militiaman shepherds journalists journalist group
    pilgrims worshippers teachers traders miners herders family relatives bodies body victims victim activists activist""".split()
)
CIVILIAN_NOUNS = frozenset(
    """civilians civilian villagers villager residents resident man woman men women children child boys boy girls girl
    students student farmers farmer worker workers passengers passenger family journalists journalist shepherds
    pilgrims worshippers teachers traders miners herders people person individuals locals motorists driver drivers
    doctor doctors nurse nurses merchant merchants vendor vendors shopkeeper shopkeepers businessman businessmen
    businesswoman trader elder elders official officials councillor councilor mayor priest pastor imam lawyer judge
    delegate delegates truckers trucker""".split()
)
#: Unorganised crowds: violence by them is mob violence, not a battle or an armed attack.
CROWD_NOUNS = frozenset(
    """residents locals villagers relatives people crowd crowds mob group youths supporters individuals family families
    members neighbours neighbors passers-by students workers traders""".split()
)
SAY_VERBS = frozenset(
    "say said says tell told report reported reports confirm confirmed state stated announce announced add added claim".split()
)
ATTACK_PREPS = frozenset({"at", "on", "against", "toward", "towards", "targeting"})

_SECURITY_ARMY = frozenset(
    "soldiers soldier troops army military servicemen marines commandos paratroopers forces".split()
)
_SECURITY_POLICE = frozenset(
    "police policemen policeman officers officer gendarmes gendarmerie detectives detective".split()
)
_GENERIC_ARMED = frozenset(
    "militants militant insurgents insurgent gunmen gunman militiamen militia militias assailants attackers jihadists jihadist terrorists extremists bandits fighters separatists rebels rebel".split()
)


#: Collective heads whose members the "of" phrase names ("a group of youths", "a section of students").
_COLLECTIVE_HEADS = frozenset(
    "group groups section band crowd crowds number dozens hundreds scores mob".split()
)
_MORE_CROWDS = frozenset(
    "rioters rioter youth inhabitants citizens men boys mob locals onlookers fans settlers".split()
)
