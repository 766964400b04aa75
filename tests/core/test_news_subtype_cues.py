"""More kinds of news wording the rules missed (issue 14), each told at least two ways in texts
written for these tests (invented names where a group or place is named).

Kinds: control of a place told as "took control by force of", "established control over",
"took full control of", "wrested control of"; a capture only attempted or intended ("an attack to
capture ... was fended off", "intended to take ..., but were pushed back"); a deserted place taken,
or one taken after the other side's withdrawal (no fight); poisonous gas fired in shells (not when
the claim is said to be unconfirmed); chemical weapons named only as an air strike's target or
reason; aircraft named as the ones that destroyed or raided; a demonstration suppressed or its
sit-in "broke-up"; a commander captured or suspects intercepted (an arrest); a hideout, depot or
stash of arms found; a unit or militia formed or set up, told in the passive; property burned or
ransacked, told in the passive; observation posts set up; attackers who "detonated explosives,
killing themselves"; demonstrators who threw stones or pelted the police make a violent
demonstration even when the police then killed some of them; prisoners exchanged (an agreement).
And things that are not incidents: control of a situation or a company,
missile tests in a diplomatic row.
"""

from datetime import datetime

import pytest

PUB = datetime(2022, 5, 12, 10, 0)

CASES = [
    (
        "Government regains territory",
        "Army troops took control by force of three villages in the eastern district after routing the insurgents.",
    ),
    (
        "Government regains territory",
        "Government forces established control over a large area of the southern desert after eliminating the last rebel pockets.",
    ),
    (
        "Government regains territory",
        "Soldiers have taken full control of the border town of Varnek after a week-long operation against the militants.",
    ),
    (
        "Non-state actor overtakes territory",
        "Fighters of the Ostrava Liberation Front took control by force of two army outposts near the river.",
    ),
    (
        "Armed clash",
        "A large-scale attack by the militants to capture the army's hilltop positions was fended off by the troops.",
    ),
    (
        "Armed clash",
        "Rebel fighters launched an assault to seize the airport but were beaten back by government soldiers.",
    ),
    (
        "Chemical weapon",
        "Rebels fired shells filled with poisonous gas at a residential neighbourhood, leaving dozens with breathing problems.",
    ),
    (
        "Chemical weapon",
        "Doctors treated 30 people for suffocation after militants used poisonous gas in an attack on the village.",
    ),
    ("Air/drone strike", "Fighter jets destroyed an ammunition depot of the rebels in the hills on Monday."),
    (
        "Air/drone strike",
        "The insurgents suffered heavy losses in raids by the air force's helicopters on their positions in the valley.",
    ),
    ("Protest with intervention", "Police suppressed a student demonstration in the city centre on Tuesday."),
    (
        "Protest with intervention",
        "Security forces quelled a rally of unemployed graduates outside the labour ministry.",
    ),
    ("Arrests", "Troops captured a senior commander of the militant group in a raid on his hideout."),
    (
        "Arrests",
        "Police captured two suspected members of the kidnapping ring at a roadblock outside the city.",
    ),
    (
        "Change to group/activity",
        "A new militia has been formed in the province to fight the insurgents, local officials said.",
    ),
    (
        "Change to group/activity",
        "Two new army brigades were established in the northern region under a decree signed by the president.",
    ),
    (
        "Looting/property destruction",
        "Two houses and a row of market stalls have been torched in the township overnight.",
    ),
    (
        "Looting/property destruction",
        "Dozens of homes were ransacked in the market district on Saturday, residents said.",
    ),
    (
        "Arrests",
        "Police intercepted five suspected members of a militant cell planning attacks on the capital.",
    ),
    (
        "Disrupted weapons use",
        "Soldiers discovered an underground hideout used by the insurgents to store arms and ammunition.",
    ),
    (
        "Disrupted weapons use",
        "Troops seized a depot full of rifles and ammunition belonging to the rebels near the river.",
    ),
    (
        "Air/drone strike",
        "Warplanes struck what the ministry said were chemical weapons facilities near the capital.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Army artillery shelled rebel positions near Dorvak; the rebels claimed the shells carried poisonous "
        "gas, but this was not confirmed by other sources.",
    ),
    (
        "Non-state actor overtakes territory",
        "The militants said they had taken control of three villages and the surrounding hills during clashes with the army.",
    ),
    (
        "Air/drone strike",
        "Warplanes struck rebel positions in retaliation for a chlorine attack on the town last week, the ministry said.",
    ),
    (
        "Air/drone strike",
        "The air force bombed militant bases it accused of carrying out a sarin attack on civilians.",
    ),
    (
        "Change to group/activity",
        "A new brigade of the border guard has been set up in the southern province.",
    ),
    (
        "Disrupted weapons use",
        "Police found a stash of projectiles and rockets belonging to the militants in a farmhouse.",
    ),
    (
        "Government regains territory",
        "Soldiers wrested control of a hilltop camp from the insurgents on Sunday.",
    ),
    (
        "Non-violent transfer of territory",
        "The militants seized a deserted army base near the river, residents said.",
    ),
    (
        "Non-violent transfer of territory",
        "Rebels took over the town following the withdrawal of government troops.",
    ),
    (
        "Suicide bomb",
        "Two militants detonated explosives, killing themselves, after police surrounded their hideout.",
    ),
    (
        "Armed clash",
        "The rebels intended to take control of the ridge, but the army pushed them back after heavy fighting.",
    ),
    (
        "Protest with intervention",
        "Riot police broke-up a sit-in by teachers outside the ministry on Monday.",
    ),
    (
        "Violent demonstration",
        "Protesters hurled rocks at soldiers guarding the ministry, and the soldiers opened fire, killing two demonstrators.",
    ),
    (
        "Violent demonstration",
        "Youths protesting the election result pelted the police, who fired live rounds and killed one of them.",
    ),
    # the same force against a peaceful march stays excessive force
    (
        "Excessive force against protesters",
        "Police fired live rounds at a peaceful march in the capital, killing two demonstrators.",
    ),
    (
        "Agreement",
        "The army and the rebels exchanged dozens of prisoners at a bridge near the front line on Saturday.",
    ),
    (
        "Headquarters or base established",
        "The army has set up three new observation posts along the frontier this week.",
    ),
    (
        "Headquarters or base established",
        "Foreign troops established a military observation point near the village of Kirsk.",
    ),
]


# Kinds of news wording the rules misread (issue 14, round 2), each told at least two ways in
# texts written for these tests (invented names where a group or place is named).
#
# Kinds: an attack on a place where unarmed people pray, trade, learn or live (a mosque, a church, a
# market, a farming community) is one on civilians, also when "army officials" or "health and police
# officials" report it (speakers are no side of the fight); demonstrators' own violence told after
# the police killed some of them ("protesters who had pelted officers with rocks") makes a violent
# demonstration; police beating protesters during a demonstration is force on them, not their
# violence; force "used excessive force to disperse" is excessive force; a "fire exchange" is a clash;
# stone-throwing (bottle-, rock-) demonstrators make a violent demonstration, and stone throwers
# met by the police with no demonstration named are a mob.
# And the rules that must not move: an attack on an army camp or a police post stays a battle.
ROUND_2_CASES = [
    (
        "Attack",
        "Gunmen attacked a crowded mosque in the restive north on Friday, wounding at least 40 people, "
        "health and police officials said.",
    ),
    (
        "Attack",
        "Militants stormed a church in the eastern province during Sunday mass, killing nine worshippers, "
        "army officials said.",
    ),
    (
        "Attack",
        "Gunmen attacked a busy market in Velgora on Monday, wounding 14 people, military sources said.",
    ),
    (
        "Attack",
        "Suspected bandits attacked the farming community of Ostrik at dawn, killing seven, police spokesman said.",
    ),
    ("Armed clash", "Militants attacked an army camp in the north, killing nine soldiers."),
    ("Armed clash", "Gunmen attacked a police post near a market in the town, killing two officers."),
    (
        "Violent demonstration",
        "Police shot dead four protesters who had pelted officers with rocks in the capital.",
    ),
    (
        "Violent demonstration",
        "Soldiers killed two demonstrators after protesters hurled stones at the troops outside the governor's office.",
    ),
    (
        "Protest with intervention",
        "Police beat protesters during a demonstration outside the ministry on Monday.",
    ),
    (
        "Protest with intervention",
        "Officers assaulted demonstrators during a rally against fuel prices in Marsk on Tuesday.",
    ),
    (
        "Excessive force against protesters",
        "Police used excessive force to disperse protesters in the capital on Monday.",
    ),
    (
        "Excessive force against protesters",
        "Riot officers used disproportionate force to break up a sit-in by nurses outside the hospital.",
    ),
    (
        "Violent demonstration",
        "Police fired tear gas and rubber bullets at stone-throwing protesters in the capital.",
    ),
    (
        "Violent demonstration",
        "Gendarmes used water cannon against bottle-throwing demonstrators outside the Varna town hall.",
    ),
    ("Mob violence", "Police fired tear gas at rock-throwing youths in the old city."),
    ("Mob violence", "Soldiers fired rubber bullets at stone throwers near the checkpoint, wounding two."),
    (
        "Armed clash",
        "Soldiers were engaged in a fire exchange with the rebels since morning near the border.",
    ),
    ("Armed clash", "A heavy gunfire exchange between troops and militants went on for hours near Dorvik."),
]


# Kinds of news wording the rules misread (issue 14, round 3, branch ``case``), each told at least
# two ways in texts written for these tests (invented names where a group or place is named).
#
# Kinds: ground "gained" by a side of known kind is a capture; a road cut or blocked by an armed
# side or by troops is no demonstration; a rally attacked by a group that is neither state forces
# nor armed is mob violence; fighting named as what a deal or truce ended is not the event, and a
# swathe (part) of territory handed over is a transfer; what a parcel or suitcase "appeared to be"
# is what it held, and a commander captured for what his unit once fired is an arrest (the unit's
# deeds are not the capture's weapons); a looting or arson "spree" is looting; tanks that shell or
# attack are shelling; a mass grave found is "Other" (ACLED), the killings it holds are older;
# fighting "after eliminating the last rebel positions" makes a capture a fought one; a detention
# named in a demand for release is the demand's topic; tear gas or water cannon used on a crowd
# with no demonstration named is an intervention; residents or refugees returning are "Other"; a
# place described as "the scene of the fiercest fighting in recent months" tells no fighting and no
# pattern; things thrown "into the air" hurt nobody; a camp "charged" is attacked; troops reinforced
# for drills, ready to "counter an airstrike", are a change of activity; clashes after the police
# attacked a protest are the demonstrators' (violent demonstration); a military checkpoint, or "a
# total of" observation points, established is a base (police checkpoints are not); a thing (a flag)
# taken away is no abduction; "mob violence" told as a noun phrase reports mob violence (not only
# a name of one).
ROUND_3_CASES = [
    (
        "Non-state actor overtakes territory",
        "Insurgents of the Karvan Front gained ground in the southern districts on Sunday after days of "
        "heavy fighting with the army.",
    ),
    (
        "Non-state actor overtakes territory",
        "Rebel fighters have gained ground inside the eastern part of Lorvesk, a military spokesman said on Monday.",
    ),
    (
        "Non-state actor overtakes territory",
        "Militants of the Sarvo Brigade captured the town of Kelmet from government troops on Monday, "
        "cutting the main highway to the capital.",
    ),
    (
        "Non-state actor overtakes territory",
        "Rebels seized the border post from the army on Friday, residents said, blocking the road to the port.",
    ),
    (
        "Mob violence",
        "A group of men attacked a peaceful rally of teachers in the town square on Saturday, injuring six.",
    ),
    (
        "Mob violence",
        "Dozens of villagers attacked a rally of the opposition party in Kostel on Sunday, injuring five.",
    ),
    (
        "Non-violent transfer of territory",
        "A swathe of territory was handed over by the army to the rebels on Monday as part of a deal "
        "ending months of fighting.",
    ),
    (
        "Non-violent transfer of territory",
        "Parts of the district were handed over to government forces on Friday under a truce that "
        "halted the clashes.",
    ),
    (
        "Disrupted weapons use",
        "Police found two parcels containing what appeared to be pipe bombs at the central station on Tuesday.",
    ),
    (
        "Disrupted weapons use",
        "Workers discovered a suitcase holding what appeared to be explosive devices at the bus terminal on Monday.",
    ),
    (
        "Arrests",
        "Troops on Tuesday captured a rebel commander who led the unit that fired mortars at the airport.",
    ),
    (
        "Arrests",
        "The army captured a senior militia leader who commanded the brigade that carried out a rocket "
        "attack on the town.",
    ),
    (
        "Looting/property destruction",
        "Hundreds of youths went on a looting spree in the market district on Sunday night.",
    ),
    (
        "Looting/property destruction",
        "Armed men went on an arson spree in three villages on Friday, residents said.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Three tanks shelled the village of Orvo on Tuesday, killing four civilians.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Two soldiers were wounded in a tank attack on their post near the border on Monday.",
    ),
    (
        "Other",
        "Investigators on Monday found a mass grave containing the bodies of 40 villagers killed by militants.",
    ),
    (
        "Other",
        "Forensic teams began exhuming bodies from mass graves discovered near the former front line on Monday.",
    ),
    ("Attack", "Militants killed 40 villagers in Dorvik on Monday and buried them in a mass grave."),
    (
        "Government regains territory",
        "The national army, supported by allied militias, established control over the valley after "
        "eliminating the last rebel positions there.",
    ),
    (
        "Arrests",
        "Security forces arrested 12 men suspected of plotting to carry out attacks on churches during the festival.",
    ),
    (
        "Peaceful protest",
        "Farmers blocked the main highway with tractors on Monday to protest against low prices.",
    ),
    (
        "Peaceful protest",
        "Dozens of protesters rallied across the country on Sunday. They demanded the release of "
        "demonstrators detained during last month's rally in the capital.",
    ),
    (
        "Peaceful protest",
        "Hundreds of students marched in Varna on Friday, calling for the release of activists arrested "
        "during a sit-in last week.",
    ),
    (
        "Protest with intervention",
        "Police in the old town fired tear gas and pepper spray at shoppers in a busy market on Saturday, "
        "declaring the crowds illegal.",
    ),
    (
        "Protest with intervention",
        "Riot police used water cannon in the central square of Lorvesk on Sunday night.",
    ),
    ("Other", "Residents return to Kelmet after rebel fighters seized the town from the army."),
    (
        "Other",
        "Hundreds of refugees returned to the border town of Sarvo on Monday after the rebels withdrew.",
    ),
    (
        "Agreement",
        "Rebels and government forces exchanged prisoners on Tuesday near the divided city of Varno, the "
        "scene of some of the fiercest fighting in recent months.",
    ),
    (
        "Peaceful protest",
        "Protesters in Kelmet threw hundreds of paper rolls into the air on Monday to show their anger over "
        "the prison sentences.",
    ),
    (
        "Armed clash",
        "Militants charged an army camp outside Kelmet on Monday night, inflicting unspecified casualties on "
        "the soldiers.",
    ),
    (
        "Change to group/activity",
        "Border troops have been reinforced because of the military drills, and air defence units are ready "
        "to counter an airstrike by a mock enemy, the minister said on Monday.",
    ),
    (
        "Violent demonstration",
        "Clashes broke out on Sunday after police attacked a peaceful protest by teachers in Kelmet.",
    ),
    (
        "Headquarters or base established",
        "Activists say that foreign forces have established a military checkpoint near the city of Kelmet "
        "in order to block patrols in the area.",
    ),
    (
        "Headquarters or base established",
        "The army established a total of 12 military observation points in the northern province on Monday.",
    ),
    (
        "Change to group/activity",
        "Police set up checkpoints on the roads into the capital ahead of the elections.",
    ),
    ("Abduction/forced disappearance", "Gunmen took away two teachers from a school in Kelmet on Monday."),
    (
        "Mob violence",
        "Last week the town of Varno witnessed a resurgence of mob violence aimed at the country's religious minority.",
    ),
]


def _reported(pipe, text: str) -> list:
    return [e for e in pipe.extract(text, published=PUB) if e.role == "reported"]


@pytest.mark.parametrize(("sub", "text"), CASES + ROUND_2_CASES + ROUND_3_CASES)
def test_news_sub_type(pipe, sub: str, text: str) -> None:
    events = _reported(pipe, text)
    assert events, f"nothing found in {text!r}"
    assert max(events, key=lambda e: e.confidence).sub_event_type == sub


NOT_INCIDENTS = [
    "The police took control of the situation after a brief scuffle outside the stadium.",
    "The company took control of its rival in a hostile takeover last year.",
    "The opposition party gained ground in the latest opinion polls.",
    "The foreign minister urged the neighbouring state to stop its missile launches.",
    "Diplomats said the ballistic missile tests were a threat to regional stability.",
    # round 3: people intercepted are no weapons stopped; animals battling; troops cutting a road
    "About 200 migrants tried to cross the border by boat on Monday. They were all intercepted by the coast guard.",
    "Stags battle for mating rights in the royal park as the rutting season begins.",
    "The troops cut the road to the rebel-held town on Monday.",
    "A rebel fighter takes away a flag that belonged to the militants in Akhtar village on Monday.",
]


@pytest.mark.parametrize("text", NOT_INCIDENTS)
def test_not_an_incident(pipe, text: str) -> None:
    assert not _reported(pipe, text)
