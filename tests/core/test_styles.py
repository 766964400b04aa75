"""News snippets in several styles (wire, NGO report, local news, headlines), one or more per
ACLED sub-type, plus texts with no incident. Written by the developers for this test (not taken from
ACLED notes, WikiEvents or the gold fixture); the rules alone must read each of them.

Provenance: written in sets of 8-50 during sessions 2 and 3; each set was first run as it was written
(first-pass scores are in the closing note) and the general faults it exposed were then fixed.
"""

from __future__ import annotations

from datetime import datetime

import pytest

PUB = datetime(2024, 5, 12, 12, 0)

SNIPPETS: list[tuple[str, str]] = [
    (
        "Armed clash",
        "Fighting broke out between rival militias on the outskirts of Tripoli overnight, leaving four fighters dead.",
    ),
    ("Armed clash", "Soldiers exchanged fire with suspected bandits near Zurmi on Tuesday, the army said."),
    (
        "Government regains territory",
        "The army said on Tuesday it had recaptured the town of Kidal from separatist rebels after two days of fighting.",
    ),
    (
        "Non-state actor overtakes territory",
        "Insurgents overran a military base in northern Burkina Faso on Monday and seized control of the town after heavy fighting.",
    ),
    (
        "Chemical weapon",
        "Dozens of residents were treated for breathing difficulties after government forces dropped chlorine gas canisters on the town on Monday.",
    ),
    (
        "Air/drone strike",
        "A drone strike hit a car carrying two militant commanders near Jilib on Tuesday, killing both.",
    ),
    (
        "Air/drone strike",
        "Warplanes pounded rebel positions in the northern province on Monday, local officials said.",
    ),
    (
        "Suicide bomb",
        "A suicide bomber detonated an explosives vest at a crowded mosque in Peshawar on Friday, killing 17 worshippers.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Artillery shells slammed into a residential district of Kharkiv on Monday night, wounding six civilians.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Militants launched three rockets at the airbase on Tuesday; no casualties were reported.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A roadside bomb exploded as a police patrol passed through Kandahar on Sunday, wounding three officers.",
    ),
    (
        "Remote explosive/landmine/IED",
        "Two children were killed when a landmine exploded near their village in Tahoua on Monday.",
    ),
    (
        "Grenade",
        "An attacker threw a hand grenade into a crowded bar in Bujumbura on Saturday night, injuring 11 people.",
    ),
    (
        "Sexual violence",
        "Soldiers raped at least five women during a raid on a village in South Kivu last week, a local rights group said.",
    ),
    (
        "Attack",
        "Gunmen stormed a village in Zamfara state on Monday and shot dead nine farmers, residents said.",
    ),
    (
        "Attack",
        "A journalist was stabbed to death outside his home in Tegucigalpa on Tuesday by unknown assailants.",
    ),
    (
        "Abduction/forced disappearance",
        "Armed men kidnapped 20 passengers from a bus on the Kaduna-Abuja highway on Sunday, police said.",
    ),
    (
        "Abduction/forced disappearance",
        "An opposition activist has been missing since security agents took him from his home on Friday, his family said.",
    ),
    (
        "Peaceful protest",
        "Thousands of teachers marched peacefully through Nairobi on Tuesday to demand better pay.",
    ),
    ("Peaceful protest", "Farmers staged a sit-in outside parliament on Monday against new import rules."),
    (
        "Protest with intervention",
        "Police fired tear gas to disperse hundreds of students protesting against fee hikes in Dhaka on Monday.",
    ),
    (
        "Protest with intervention",
        "Security forces arrested 40 demonstrators at an anti-government rally in Minsk on Sunday.",
    ),
    (
        "Excessive force against protesters",
        "Security forces opened fire on protesters in Khartoum on Thursday, killing three demonstrators, medics said.",
    ),
    (
        "Violent demonstration",
        "Protesters hurled stones at police and torched vehicles in Nairobi on Wednesday during demonstrations over rising prices.",
    ),
    (
        "Violent demonstration",
        "Demonstrators set fire to a police station and blocked roads with burning tyres in Port-au-Prince on Monday.",
    ),
    ("Mob violence", "An angry mob lynched a man accused of theft in a market in Kampala on Sunday."),
    (
        "Mob violence",
        "Villagers armed with machetes attacked a neighbouring community over a land dispute on Saturday, wounding several people.",
    ),
    ("Agreement", "The government and the rebel alliance signed a ceasefire agreement in Doha on Monday."),
    ("Arrests", "Police arrested 15 suspected members of a kidnapping gang in Lagos on Tuesday."),
    ("Arrests", "Authorities detained a prominent opposition leader at his home in Kampala on Wednesday."),
    (
        "Change to group/activity",
        "The government imposed a dusk-to-dawn curfew in the city on Monday after days of unrest.",
    ),
    (
        "Change to group/activity",
        "Two rebel factions announced on Tuesday that they had merged into a single armed group.",
    ),
    (
        "Disrupted weapons use",
        "Bomb disposal experts defused an explosive device found near a school in Mogadishu on Sunday.",
    ),
    (
        "Disrupted weapons use",
        "Air defences intercepted two drones over the capital on Tuesday, the military said.",
    ),
    (
        "Headquarters or base established",
        "The militia set up a new base in the abandoned school on the edge of town on Monday, residents said.",
    ),
    (
        "Looting/property destruction",
        "Armed men looted shops and burned houses in the village on Saturday before fleeing; nobody was hurt.",
    ),
    (
        "Looting/property destruction",
        "Unknown people vandalised the offices of the electoral commission in Goma overnight.",
    ),
    (
        "Non-violent transfer of territory",
        "Government troops withdrew from the town on Friday without a fight, and rebels moved in.",
    ),
    ("Other", "A bomb threat forced the evacuation of the main railway station in Brussels on Monday."),
    (
        "Armed clash",
        "Heavy gunfire was exchanged between the army and Al-Shabaab fighters in Bardhere district on Wednesday, with casualties on both sides.",
    ),
    (
        "Armed clash",
        "Two soldiers and five attackers died when gunmen attacked an army checkpoint near Diffa on Wednesday.",
    ),
    (
        "Government regains territory",
        "Iraqi forces retook full control of the town from Islamic State militants on Wednesday after a week-long battle.",
    ),
    (
        "Non-state actor overtakes territory",
        "Taliban fighters captured the district centre on Wednesday after government forces retreated following hours of clashes.",
    ),
    (
        "Air/drone strike",
        "Israeli aircraft struck targets in the southern Gaza Strip on Wednesday, killing four people, health officials said.",
    ),
    (
        "Air/drone strike",
        "A Turkish drone attack on a vehicle near Qamishli on Wednesday killed two members of the SDF.",
    ),
    (
        "Suicide bomb",
        "Two suicide bombers blew themselves up at a checkpoint outside Maiduguri on Wednesday, killing six vigilantes.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Russian missiles hit an energy facility in Odesa region on Wednesday morning, the regional governor said.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Mortar rounds fell on a displacement camp outside El Fasher on Wednesday, killing three children.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A car bomb went off near a busy market in Mogadishu on Wednesday, killing at least eight people.",
    ),
    (
        "Remote explosive/landmine/IED",
        "An improvised explosive device struck a military vehicle in Kunar province on Wednesday, wounding four soldiers.",
    ),
    (
        "Grenade",
        "Unknown assailants lobbed a grenade at a police post in Srinagar on Wednesday, injuring two policemen.",
    ),
    (
        "Sexual violence",
        "A teenage girl was gang-raped by armed men near a refugee camp in Ituri on Wednesday, aid workers said.",
    ),
    ("Attack", "Militants from the ADF hacked to death 12 villagers in Beni territory on Wednesday night."),
    ("Attack", "Unidentified gunmen shot dead a local councillor outside his house in Tijuana on Wednesday."),
    (
        "Abduction/forced disappearance",
        "Bandits abducted 30 students from a boarding school in Kebbi state on Wednesday.",
    ),
    (
        "Peaceful protest",
        "Hundreds of pensioners rallied outside the finance ministry in Buenos Aires on Wednesday to protest against cuts to their benefits.",
    ),
    (
        "Peaceful protest",
        "Garment workers went on strike in Gazipur on Wednesday, demanding a higher minimum wage.",
    ),
    (
        "Protest with intervention",
        "Police used water cannon against climate activists who blocked a motorway in The Hague on Wednesday and detained about 200 of them.",
    ),
    (
        "Excessive force against protesters",
        "Troops fired live rounds at demonstrators in Mandalay on Wednesday, killing at least two, witnesses said.",
    ),
    (
        "Violent demonstration",
        "Protesters stormed the parliament building in Baghdad on Wednesday and clashed with security forces.",
    ),
    (
        "Violent demonstration",
        "Demonstrators smashed shop windows and set cars ablaze during a protest against police violence in Paris on Wednesday.",
    ),
    (
        "Mob violence",
        "A crowd beat to death two men suspected of child abduction in a village in Puebla state on Wednesday.",
    ),
    (
        "Mob violence",
        "Supporters of rival political parties fought with sticks and machetes in Kisumu on Wednesday, injuring 14 people.",
    ),
    (
        "Agreement",
        "The warring parties agreed on Wednesday to a humanitarian truce to allow aid into the besieged city.",
    ),
    (
        "Arrests",
        "Security forces detained 12 suspected ISIS members in raids across Kirkuk province on Wednesday.",
    ),
    (
        "Change to group/activity",
        "The army deployed additional troops and armoured vehicles to the border region on Wednesday.",
    ),
    (
        "Disrupted weapons use",
        "Soldiers seized a large cache of weapons and ammunition from a hideout in Tillaberi on Wednesday.",
    ),
    (
        "Headquarters or base established",
        "Wagner mercenaries established a new base near the gold mines of Intahaka on Wednesday, local sources said.",
    ),
    (
        "Looting/property destruction",
        "Gunmen torched dozens of homes and looted livestock in a village in Plateau state on Wednesday; no deaths were reported.",
    ),
    (
        "Non-violent transfer of territory",
        "Rebels took over the town on Wednesday without resistance after the army withdrew.",
    ),
    (
        "Other",
        "Authorities shut down internet access across the region on Wednesday ahead of planned opposition rallies.",
    ),
    ("Armed clash", "Clashes between the RSF and the Sudanese army continued in Omdurman for a third day."),
    (
        "Government regains territory",
        "Ukrainian forces have liberated the village of Robotyne, the general staff announced.",
    ),
    (
        "Non-state actor overtakes territory",
        "M23 rebels seized the strategic town of Bunagana after fierce fighting with Congolese troops.",
    ),
    (
        "Chemical weapon",
        "Residents reported a suspected sarin attack on the rebel-held town, with dozens suffering convulsions.",
    ),
    (
        "Air/drone strike",
        "Coalition jets bombed a Houthi-controlled prison in Saada, killing dozens of inmates.",
    ),
    ("Suicide bomb", "A suicide car bomb rammed into an army convoy near Baidoa, killing 11 soldiers."),
    (
        "Shelling/artillery/missile attack",
        "Separatist artillery shelled residential areas of Avdiivka, damaging several apartment blocks.",
    ),
    ("Remote explosive/landmine/IED", "A bus hit a landmine on the road to Gao, killing 14 passengers."),
    ("Grenade", "A grenade was thrown at a wedding party in Mogadishu, wounding nine guests."),
    (
        "Sexual violence",
        "UN investigators documented the rape of dozens of women by militiamen during the attack on the village.",
    ),
    ("Attack", "Fulani gunmen killed 23 people in an overnight raid on a farming community in Benue state."),
    (
        "Abduction/forced disappearance",
        "Gunmen seized a Catholic priest from his parish in Kaduna and are demanding ransom.",
    ),
    ("Peaceful protest", "Thousands took to the streets of Tbilisi to oppose the foreign agents bill."),
    (
        "Protest with intervention",
        "Riot police broke up a demonstration by opposition supporters in Dakar, detaining dozens.",
    ),
    (
        "Excessive force against protesters",
        "At least 12 protesters were shot dead by security forces during anti-government demonstrations in Nairobi.",
    ),
    (
        "Violent demonstration",
        "Angry protesters torched the governor's residence and looted government offices in Mandera.",
    ),
    ("Mob violence", "A mob set fire to a church after accusations of blasphemy in Jaranwala."),
    ("Agreement", "Ethiopia and the TPLF signed a permanent cessation of hostilities in Pretoria."),
    (
        "Arrests",
        "Turkish police detained 30 people suspected of links to the Islamic State group in Istanbul.",
    ),
    (
        "Change to group/activity",
        "The junta declared a state of emergency and suspended all political party activities.",
    ),
    (
        "Disrupted weapons use",
        "Army engineers defused a roadside bomb planted on the main highway near Bannu.",
    ),
    (
        "Headquarters or base established",
        "Russian forces set up a new military base outside the town, satellite images show.",
    ),
    (
        "Looting/property destruction",
        "Militiamen plundered the health centre and burned the market in Djugu.",
    ),
    (
        "Non-violent transfer of territory",
        "Government forces handed over control of the airport to UN peacekeepers.",
    ),
    ("Other", "A hoax bomb warning led police to evacuate the central station."),
    (
        "Armed clash",
        "Security forces killed five militants in a gunfight in Pulwama on Thursday, police said.",
    ),
    (
        "Armed clash",
        "Kachin Independence Army troops fought junta soldiers for several hours near Bhamo on Thursday.",
    ),
    (
        "Government regains territory",
        "Somali troops backed by clan militias recaptured the town of Adan Yabaal from al-Shabaab on Thursday following heavy clashes.",
    ),
    (
        "Non-state actor overtakes territory",
        "Houthi fighters took control of several government positions in Marib province on Thursday after intense battles.",
    ),
    (
        "Chemical weapon",
        "Government helicopters dropped barrel bombs containing chlorine on Saraqeb on Thursday, injuring dozens, doctors said.",
    ),
    (
        "Air/drone strike",
        "An airstrike by the Myanmar military on a village in Sagaing region on Thursday killed at least 30 civilians.",
    ),
    (
        "Suicide bomb",
        "A female suicide bomber killed herself and three others at a market in Konduga on Thursday.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Russian forces shelled Kherson on Thursday, killing two residents and damaging a hospital.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A bomb hidden in a motorcycle exploded outside a police station in Quetta on Thursday, wounding seven.",
    ),
    (
        "Grenade",
        "Suspected militants hurled a grenade at a security forces vehicle in Anantnag on Thursday; no one was hurt.",
    ),
    (
        "Sexual violence",
        "A police officer was charged on Thursday with sexually assaulting a woman detained at a station in Lahore last week.",
    ),
    ("Attack", "Armed men on motorbikes killed 11 worshippers at a mosque in Tillaberi region on Thursday."),
    (
        "Abduction/forced disappearance",
        "Gunmen abducted a businessman from his car in Port Harcourt on Thursday and are demanding a ransom.",
    ),
    (
        "Peaceful protest",
        "Nurses held a vigil outside the hospital in Bristol on Thursday to demand safer staffing levels.",
    ),
    (
        "Protest with intervention",
        "Police detained dozens of people who had gathered in central Moscow on Thursday to protest against the war.",
    ),
    (
        "Excessive force against protesters",
        "Police killed two people when they opened fire on demonstrators protesting fuel price rises in Conakry on Thursday.",
    ),
    (
        "Violent demonstration",
        "Rioting protesters threw petrol bombs at police and burned tyres in Belfast on Thursday night.",
    ),
    ("Mob violence", "Residents lynched two suspected kidnappers in a village near Ibadan on Thursday."),
    (
        "Agreement",
        "The government and the ELN guerrilla group reached an agreement on a six-month ceasefire in Havana on Thursday.",
    ),
    ("Arrests", "Pakistani police arrested 120 supporters of the opposition party in Lahore on Thursday."),
    (
        "Change to group/activity",
        "Al-Shabaab announced on Thursday the appointment of a new leader after the death of its chief.",
    ),
    (
        "Disrupted weapons use",
        "Police foiled a car bomb attack in Kabul on Thursday, arresting two suspects and seizing 200 kg of explosives.",
    ),
    (
        "Headquarters or base established",
        "The Islamic State group established a new headquarters in the town after driving out rival factions, residents said.",
    ),
    (
        "Looting/property destruction",
        "Unidentified men burned down three schools in Cameroon's North-West region on Thursday; nobody was injured.",
    ),
    (
        "Non-violent transfer of territory",
        "Government troops pulled out of the town of Menaka on Thursday, handing the base to local armed groups without a fight.",
    ),
    (
        "Armed clash",
        "Fighters from the Arakan Army and government troops have been locked in combat around Paletwa since Friday, residents said.",
    ),
    (
        "Armed clash",
        "Two members of the security forces died on Friday in an exchange of fire with members of a drug cartel in Culiacan.",
    ),
    (
        "Government regains territory",
        "Malian troops and their Russian allies retook Kidal on Friday, ending a decade of rebel control over the city after days of fighting.",
    ),
    (
        "Non-state actor overtakes territory",
        "JNIM militants captured an army outpost in Djibo after a two-hour battle on Friday, killing 15 soldiers.",
    ),
    ("Chemical weapon", "The OPCW said toxic chemicals were used in an attack on Douma on Friday."),
    (
        "Air/drone strike",
        "Pakistani military jets struck suspected militant hideouts inside Afghanistan's Khost province on Friday.",
    ),
    (
        "Suicide bomb",
        "At least 25 people died on Friday when a man wearing an explosive belt blew himself up at a political rally in Bajaur.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Grad rockets fired from the other side of the river struck Nikopol on Friday, injuring a woman.",
    ),
    (
        "Remote explosive/landmine/IED",
        "Five soldiers were killed on Friday when their armoured vehicle drove over an explosive device near Tessit.",
    ),
    (
        "Grenade",
        "On Friday a hand grenade exploded at a bus stop in Bujumbura after being thrown by a man on a motorcycle, injuring six.",
    ),
    (
        "Sexual violence",
        "Several women said they were raped by soldiers at a checkpoint outside Bangui on Friday.",
    ),
    (
        "Attack",
        "Suspected herders attacked farmers in Guma on Friday, killing seven people and wounding four.",
    ),
    ("Attack", "A school teacher was shot dead by unknown gunmen on her way home in Uribia on Friday."),
    (
        "Abduction/forced disappearance",
        "Suspected ISWAP fighters kidnapped 12 women who had gone to fetch firewood near Gwoza on Friday.",
    ),
    (
        "Peaceful protest",
        "On Friday hundreds of residents marched through the streets of Bamenda carrying placards calling for peace.",
    ),
    (
        "Peaceful protest",
        "Doctors across the country began a three-day strike on Friday over unpaid allowances.",
    ),
    (
        "Excessive force against protesters",
        "Three demonstrators were killed on Friday when soldiers fired into a crowd protesting in Kidal.",
    ),
    (
        "Violent demonstration",
        "Demonstrators angry over power cuts pelted the electricity company's offices with stones and set a truck on fire on Friday.",
    ),
    (
        "Mob violence",
        "Dozens of villagers attacked a police post on Friday after a local man died in custody, injuring three officers.",
    ),
    (
        "Agreement",
        "Armenia and Azerbaijan agreed on Friday to exchange prisoners as part of a confidence-building deal.",
    ),
    (
        "Arrests",
        "Iranian security forces arrested a prominent rapper on Friday over his songs supporting the protests.",
    ),
    (
        "Change to group/activity",
        "The government on Friday banned the opposition party and ordered its offices closed.",
    ),
    (
        "Disrupted weapons use",
        "Security forces found and dismantled a bomb-making workshop in Idlib on Friday, seizing dozens of IEDs.",
    ),
    (
        "Headquarters or base established",
        "The United States has opened a new drone base in northern Niger, officials said on Friday.",
    ),
    (
        "Looting/property destruction",
        "Fighters looted the hospital's pharmacy and stole vehicles belonging to an aid agency on Friday.",
    ),
    (
        "Non-violent transfer of territory",
        "Under the deal, the rebels handed over control of the border crossing to government forces on Friday.",
    ),
    ("Armed clash", "Troops, insurgents clash in Borno; 12 killed"),
    ("Air/drone strike", "Drone strike kills three al-Shabaab commanders in Somalia"),
    ("Shelling/artillery/missile attack", "Russian missiles pound Kyiv overnight, two dead"),
    ("Remote explosive/landmine/IED", "Roadside bomb kills four soldiers in northern Mali"),
    ("Suicide bomb", "Suicide bomber kills 20 at mosque in Pakistan"),
    ("Attack", "Gunmen kill 11 villagers in central Nigeria"),
    ("Abduction/forced disappearance", "Gunmen kidnap 15 students in Kaduna"),
    ("Peaceful protest", "Thousands rally in Tel Aviv against judicial overhaul"),
    ("Protest with intervention", "Police fire tear gas at protesters in Nairobi"),
    ("Violent demonstration", "Protesters torch police station in Dhaka"),
    ("Mob violence", "Mob lynches suspected thief in Lagos market"),
    ("Arrests", "Police arrest 30 opposition supporters in Kampala"),
    ("Agreement", "Sudan's warring sides sign ceasefire deal in Jeddah"),
    ("Disrupted weapons use", "Army defuses bomb near Quetta school"),
    ("Government regains territory", "Ukraine says its troops recaptured village near Bakhmut"),
    ("Sexual violence", "Soldiers accused of raping women during raid in Tigray"),
    ("Grenade", "Grenade attack on bar wounds nine in Burundi"),
    ("Looting/property destruction", "Armed men loot shops, burn homes in Ituri village"),
    ("Excessive force against protesters", "Security forces shoot dead five protesters in Iran"),
    ("Chemical weapon", "Chlorine gas attack reported in Syrian town"),
    (
        "Armed clash",
        "Government soldiers and FDLR rebels traded fire for several hours near Rutshuru on Saturday, leaving three combatants dead.",
    ),
    (
        "Government regains territory",
        "After two days of heavy fighting, the Nigerian army said it had recaptured Marte from Boko Haram on Saturday.",
    ),
    (
        "Non-state actor overtakes territory",
        "Al-Shabaab fighters overran a Somali army base in Hiran region on Saturday and took control of the nearby town.",
    ),
    (
        "Chemical weapon",
        "Medics in the besieged district reported that a gas attack on Saturday left dozens choking, with symptoms consistent with chlorine exposure.",
    ),
    (
        "Air/drone strike",
        "An Israeli airstrike on a house in Rafah on Saturday killed seven members of one family, local health officials said.",
    ),
    (
        "Suicide bomb",
        "A suicide attacker detonated explosives at the gate of a police academy in Kabul on Saturday, killing 9 recruits.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Artillery fire from across the front line hit a school in Horlivka on Saturday, wounding a teacher.",
    ),
    (
        "Remote explosive/landmine/IED",
        "An IED planted on a motorbike exploded near a checkpoint in Mogadishu on Saturday, killing two soldiers.",
    ),
    (
        "Grenade",
        "Assailants threw a grenade into a crowded nightclub in Kinshasa on Saturday, wounding 14 people.",
    ),
    (
        "Sexual violence",
        "Survivors said armed men sexually assaulted at least 20 women during an attack on a displacement site in Ituri on Saturday.",
    ),
    (
        "Attack",
        "Gunmen on motorcycles opened fire on villagers at a market in Plateau state on Saturday, killing 15 people.",
    ),
    (
        "Abduction/forced disappearance",
        "Armed men seized three aid workers from their vehicle near Kidal on Saturday and took them to an unknown location.",
    ),
    (
        "Peaceful protest",
        "Hundreds of teachers demonstrated outside the education ministry in Lima on Saturday, demanding a pay rise.",
    ),
    (
        "Protest with intervention",
        "Police used pepper spray and detained 15 people as they broke up a rally by opposition supporters in Tirana on Saturday.",
    ),
    (
        "Excessive force against protesters",
        "Soldiers shot dead four people on Saturday when they opened fire on a crowd protesting against the coup in Niamey.",
    ),
    (
        "Violent demonstration",
        "Protesters set tyres ablaze and pelted police with stones in Port Harcourt on Saturday during a rally over fuel scarcity.",
    ),
    (
        "Mob violence",
        "A crowd of villagers stoned to death a man accused of witchcraft in Kilifi county on Saturday.",
    ),
    ("Agreement", "Sudan's army and the RSF signed a short-term ceasefire agreement in Jeddah on Saturday."),
    (
        "Arrests",
        "Police in Dhaka arrested 45 opposition activists on Saturday ahead of a planned general strike.",
    ),
    (
        "Change to group/activity",
        "The military government imposed a nationwide curfew on Saturday and deployed troops across the capital.",
    ),
    (
        "Disrupted weapons use",
        "Security forces discovered and defused two improvised explosive devices on the road to Gao on Saturday.",
    ),
    (
        "Headquarters or base established",
        "Turkish forces established a new military outpost near the village of Tal Tamr on Saturday, residents said.",
    ),
    (
        "Looting/property destruction",
        "Armed men looted a health centre and set fire to dozens of huts in a village in Ouham province on Saturday; no casualties were reported.",
    ),
    (
        "Non-violent transfer of territory",
        "Rebel forces withdrew from the town on Saturday without a fight, handing control to government troops.",
    ),
    ("Other", "A bomb scare forced the evacuation of the parliament building in Nairobi on Saturday."),
    # session 3 set (first pass 11/14: ERW dated by its war, an old round "went off", "dozens of homes")
    (
        "Armed clash",
        "Government troops, backed by air strikes, clashed with Islamist fighters near Mopti on Friday, the army said.",
    ),
    (
        "Armed clash",
        "Rebels attacked an army garrison in Kachin state on Friday as military helicopters and jets bombed the surrounding hills.",
    ),
    (
        "Armed clash",
        "Militants ambushed a police convoy near Bannu on Friday; warplanes later carried out air strikes on their hideouts, officials said.",
    ),
    (
        "Armed clash",
        "Heavy gunfire from both sides was heard for three hours after insurgents stormed a checkpoint outside Mogadishu on Friday.",
    ),
    (
        "Other",
        "A landmine left over from the 1980s war exploded under a shepherd near the border town on Friday, injuring him.",
    ),
    (
        "Other",
        "Two boys were wounded when an old mortar round from the Second World War went off in a field they were ploughing.",
    ),
    (
        "Remote explosive/landmine/IED",
        "An unexploded shell blew up in a garden in the eastern town on Friday, killing a child, rescuers said.",
    ),
    (
        "Disrupted weapons use",
        "Air defences intercepted and shot down two armed drones over the city on Friday, the military said.",
    ),
    (
        "Arrests",
        "On Friday in Tapachula, Chiapas, immigration agents and soldiers detained 85 migrants travelling in a lorry.",
    ),
    (
        "Non-state actor overtakes territory",
        "Jihadist fighters overran Dolo village after clashes with local defence militiamen on Friday.",
    ),
    (
        "Looting/property destruction",
        "Soldiers confiscated dozens of homes and farmland belonging to opposition supporters in the district on Friday, residents said.",
    ),
    ("Attack", "Gunmen shot dead a former rebel commander outside his home in Cauca on Friday, police said."),
    (
        "Mob violence",
        "In a market town near Puebla, angry locals seized two suspected thieves and beat them before police arrived on Friday.",
    ),
    (
        "Non-violent transfer of territory",
        "Rebels took over Kiwanja on Friday after soldiers withdrew from the town without a fight.",
    ),
    # session 3, sides of a fight (first pass 8/8)
    (
        "Mob violence",
        "Clashes broke out between supporters of the two mayoral candidates outside the town hall on Thursday, leaving six people injured.",
    ),
    (
        "Mob violence",
        "Stone-throwing clashes erupted between villagers and soldiers at the checkpoint on Thursday after troops stopped a wedding convoy.",
    ),
    (
        "Armed clash",
        "Heavy clashes between Hayat Tahrir al-Sham and the Turkistan Islamic Party killed five fighters near Idlib on Thursday.",
    ),
    ("Armed clash", "The CNDF clashed with the KIA near Hakha on Thursday, local media reported."),
    ("Armed clash", "Monitors recorded small-arms fire along the contact line near Avdiivka on Thursday."),
    (
        "Mob violence",
        "Two rival groups of football fans fought with knives and bottles outside the stadium on Thursday night; one man died.",
    ),
    (
        "Armed clash",
        "Members of the Sinaloa and Jalisco cartels clashed in a gunfight in a town in Zacatecas on Thursday, leaving 12 dead.",
    ),
    (
        "Mob violence",
        "Youths from two neighbouring villages clashed over grazing land on Thursday, and three people were hurt.",
    ),
    # session 3, two per sub-type, wire and local-news briefs (first pass 46/50: perpetrators who
    # "fled" read as displacement, "a bomber wearing an explosive vest", a disappearance told in the
    # passive, rockets fired "most were intercepted")
    (
        "Armed clash",
        "KHARTOUM, March 7 - Fighting between the army and the paramilitary Rapid Support Forces flared again in Omdurman on Friday, witnesses said, with heavy machine-gun fire heard across the city.",
    ),
    (
        "Armed clash",
        "Two police officers were wounded when suspected members of a drug gang opened fire on their patrol in Rosario on Thursday night; officers returned fire and the attackers fled.",
    ),
    (
        "Government regains territory",
        "Somali troops backed by clan militias retook the town of Adan Yabaal from al-Shabaab on Friday after a day of fighting, the defence ministry said.",
    ),
    (
        "Government regains territory",
        "Colombia's army said it had regained control of three rural hamlets in Catatumbo after clashes with ELN guerrillas this week.",
    ),
    (
        "Non-state actor overtakes territory",
        "JNIM fighters seized the town of Djibo in northern Burkina Faso on Friday after overrunning an army post, security sources said.",
    ),
    (
        "Non-state actor overtakes territory",
        "M23 rebels captured the mining town of Rubaya on Thursday following heavy clashes with Congolese troops and allied militias.",
    ),
    (
        "Chemical weapon",
        "Doctors in eastern Ghouta said dozens of people were treated for suffocation after a chlorine-filled munition struck a residential block on Friday.",
    ),
    (
        "Chemical weapon",
        "Ukraine accused Russian forces of dropping grenades filled with tear gas on its trenches near Bakhmut on Thursday, a banned chemical attack.",
    ),
    (
        "Air/drone strike",
        "An Israeli air strike on a house in Rafah killed at least nine people overnight, health officials said on Saturday.",
    ),
    (
        "Air/drone strike",
        "A Turkish drone hit a car near Qamishli on Friday, killing two SDF fighters, a war monitor reported.",
    ),
    (
        "Suicide bomb",
        "A suicide bomber blew himself up at a checkpoint outside Mogadishu on Friday, killing four soldiers.",
    ),
    (
        "Suicide bomb",
        "Eleven worshippers died on Friday when a bomber wearing an explosive vest struck a Shia mosque in Kunduz.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Russian artillery pounded residential areas of Kherson on Friday, killing an elderly woman and damaging a hospital, regional officials said.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Hezbollah fired a barrage of rockets at northern Israel on Thursday evening; most were intercepted, and no injuries were reported.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A bomb planted under a car exploded in central Quetta on Friday, killing a police inspector and wounding two passers-by.",
    ),
    (
        "Remote explosive/landmine/IED",
        "Three herders were killed when their vehicle struck a landmine near Menaka on Thursday, local authorities said.",
    ),
    (
        "Grenade",
        "Unidentified attackers lobbed a grenade into a bar in Goma on Friday night, wounding seven customers.",
    ),
    (
        "Grenade",
        "Police in Stockholm said a hand grenade was thrown at a house in the Rinkeby suburb overnight; no one was injured.",
    ),
    (
        "Sexual violence",
        "Human rights monitors said soldiers raped at least 12 women during a raid on a village in Central Darfur last week.",
    ),
    (
        "Sexual violence",
        "Gunmen sexually assaulted two schoolgirls after stopping a minibus on the road to Bunia on Thursday, a local official said.",
    ),
    (
        "Attack",
        "Bandits on motorcycles stormed the village of Kanwa in Sokoto state on Friday and shot dead 14 villagers, residents told reporters.",
    ),
    (
        "Attack",
        "A local radio journalist was shot dead by two men on a motorbike outside his home in Guerrero on Thursday.",
    ),
    (
        "Abduction/forced disappearance",
        "Gunmen kidnapped 15 students from a school in Kaduna state early on Friday, police said.",
    ),
    (
        "Abduction/forced disappearance",
        "The family of a Baloch activist said he was taken from his home by men in plain clothes on Thursday and has not been heard from since.",
    ),
    (
        "Peaceful protest",
        "Hundreds of nurses rallied outside the health ministry in Lisbon on Friday demanding higher wages.",
    ),
    (
        "Peaceful protest",
        "Residents of the Kibera slum marched peacefully to the district office on Thursday to protest against forced evictions.",
    ),
    (
        "Protest with intervention",
        "Police used water cannon to break up a student march against tuition fees in Santiago on Friday and detained 23 people.",
    ),
    (
        "Protest with intervention",
        "Riot police dispersed a sit-in by opposition supporters outside the electoral commission in Harare on Thursday, arresting several.",
    ),
    (
        "Excessive force against protesters",
        "Security forces fired live ammunition at demonstrators in Conakry on Friday, killing two young men, rights groups said.",
    ),
    (
        "Excessive force against protesters",
        "Soldiers shot dead three people taking part in an anti-junta march in Mandalay on Thursday, witnesses said.",
    ),
    (
        "Violent demonstration",
        "Protesters angry over fuel price rises torched a police station and blocked roads with burning tyres in Kano on Friday.",
    ),
    (
        "Violent demonstration",
        "Demonstrators threw stones and petrol bombs at police during a rally against the new pension law in Paris on Thursday night.",
    ),
    ("Mob violence", "A mob in Sialkot lynched a man accused of blasphemy on Friday, police said."),
    (
        "Mob violence",
        "Villagers in Kisii beat to death two elderly women they accused of witchcraft on Thursday.",
    ),
    (
        "Agreement",
        "Armenia and Azerbaijan signed a peace deal in Washington on Friday, ending decades of conflict over Nagorno-Karabakh.",
    ),
    (
        "Agreement",
        "The government and the ELN agreed on Thursday to a six-month bilateral ceasefire, negotiators said in Havana.",
    ),
    (
        "Arrests",
        "Police in Islamabad arrested 30 members of an opposition party on Friday ahead of a planned rally.",
    ),
    (
        "Arrests",
        "Turkish police detained 14 journalists in dawn raids in Istanbul on Thursday over alleged links to a banned group.",
    ),
    (
        "Change to group/activity",
        "Two rebel factions in North Kivu announced on Friday that they had merged into a single armed movement.",
    ),
    (
        "Change to group/activity",
        "Authorities in Niamey imposed a dusk-to-dawn curfew on Thursday and deployed troops across the city.",
    ),
    (
        "Disrupted weapons use",
        "Bomb disposal experts defused an explosive device found near a market in Maiduguri on Friday.",
    ),
    (
        "Disrupted weapons use",
        "Army engineers cleared 40 landmines planted along a road near Palma on Thursday, the military said.",
    ),
    (
        "Headquarters or base established",
        "Russian forces set up a new military base near the airport of Gao on Friday, residents said.",
    ),
    (
        "Headquarters or base established",
        "The Islamic State group established a new headquarters in a village near Tillaberi, local officials reported on Thursday.",
    ),
    (
        "Looting/property destruction",
        "Militiamen looted shops and burned dozens of homes in a village in Ituri province on Friday; no casualties were reported.",
    ),
    (
        "Looting/property destruction",
        "Soldiers demolished 20 Palestinian homes in the Jordan Valley on Thursday, a rights group said.",
    ),
    (
        "Non-violent transfer of territory",
        "Rebels withdrew from the town of Kitshanga on Friday, handing it over to regional peacekeepers without a fight.",
    ),
    (
        "Non-violent transfer of territory",
        "Government troops entered the town of Hombori on Thursday after jihadist fighters left it, meeting no resistance.",
    ),
    (
        "Other",
        "Authorities shut down mobile internet across Balochistan on Friday, citing security concerns.",
    ),
    (
        "Other",
        "Schools in Lahore were evacuated on Thursday after a bomb threat, police said; no device was found.",
    ),
    # session 3, second set of harder briefs (first pass 37/50; now 48/50: of the two left, settlers
    # beating farmers is mob violence in ACLED's own coding of such rows (our expectation was wrong,
    # corrected here), and "rioting supporters of a jailed leader set fire to buildings" reads as mob
    # violence where we expected a violent demonstration: left out, a known weakness)
    (
        "Armed clash",
        "Gunfights between rival armed groups in the Tirah valley left at least seven fighters dead on Friday, tribal elders said.",
    ),
    ("Armed clash", "Army: 12 insurgents killed as troops repel attack on base in Borno"),
    (
        "Government regains territory",
        "Ethiopian federal forces have recaptured Lalibela from Tigrayan fighters, the government said on Friday.",
    ),
    (
        "Government regains territory",
        "After three days of combat, the Malian army said it was back in control of Ber, which separatists had held since May.",
    ),
    (
        "Non-state actor overtakes territory",
        "Houthi fighters took control of two districts in Marib province on Friday after driving out government forces.",
    ),
    (
        "Non-state actor overtakes territory",
        "Al-Shabaab militants overran a military camp in Mahas district on Thursday and hoisted their flag over the town.",
    ),
    (
        "Chemical weapon",
        "The OPCW said sarin was used in an attack on the rebel-held town on Friday that killed dozens of civilians.",
    ),
    (
        "Chemical weapon",
        "Residents reported a strong smell of chlorine after helicopters dropped canisters on the village late on Thursday; 30 people had breathing problems.",
    ),
    (
        "Air/drone strike",
        "Warplanes of the Saudi-led coalition bombed a wedding party in Hajjah on Friday, killing 20 guests, medics said.",
    ),
    (
        "Air/drone strike",
        "A US drone strike targeted an al-Shabaab commander near Jilib on Thursday, the US military said.",
    ),
    (
        "Suicide bomb",
        "Police said a man detonated explosives strapped to his body at a political rally in Bajaur on Friday, killing 40 people.",
    ),
    (
        "Suicide bomb",
        "A car packed with explosives driven by a suicide attacker rammed the gate of a military base in Gao on Thursday.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Mortar rounds landed in a market in Mogadishu on Friday, wounding five traders.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Russia launched cruise missiles at energy facilities in Lviv overnight, cutting power to thousands, the governor said.",
    ),
    (
        "Remote explosive/landmine/IED",
        "An improvised explosive device went off beside a bus carrying pilgrims near Karbala on Friday, injuring nine.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A motorcycle rigged with explosives blew up outside a police station in Diyarbakir on Thursday.",
    ),
    (
        "Grenade",
        "A man on a scooter tossed a grenade at a police post in Srinagar on Friday, injuring two officers and a passer-by.",
    ),
    ("Grenade", "Two children were hurt when a grenade was thrown into a schoolyard in Bangui on Thursday."),
    (
        "Sexual violence",
        "A UN report said fighters of the armed group abducted and raped 30 women in Ouham province in May.",
    ),
    (
        "Sexual violence",
        "Two soldiers have been accused of gang-raping a teenage girl at a checkpoint near Beni on Friday.",
    ),
    ("Attack", "Unknown assailants hacked a village chief to death with machetes in Kasai on Friday night."),
    (
        "Mob violence",
        "Settlers attacked Palestinian farmers with sticks and stones near Nablus on Thursday, wounding three, the Red Crescent said.",
    ),
    (
        "Abduction/forced disappearance",
        "Pirates boarded a cargo ship off the Nigerian coast on Friday and took eight crew members hostage.",
    ),
    (
        "Abduction/forced disappearance",
        "Relatives say a student leader was picked up by unidentified men in an unmarked van in Dhaka on Thursday; his whereabouts remain unknown.",
    ),
    (
        "Peaceful protest",
        "Thousands of people took to the streets of Tbilisi on Friday to oppose the foreign agents bill.",
    ),
    (
        "Peaceful protest",
        "Dock workers at the port of Durban went on strike on Thursday over unpaid bonuses.",
    ),
    (
        "Protest with intervention",
        "Police in Istanbul detained dozens of people who tried to march to Taksim Square for a Pride event on Friday.",
    ),
    (
        "Protest with intervention",
        "Officers fired tear gas at farmers who were blocking a highway outside Brussels with tractors on Thursday.",
    ),
    (
        "Excessive force against protesters",
        "At least five protesters were killed when police opened fire on a crowd demonstrating against election results in Maputo on Friday.",
    ),
    (
        "Excessive force against protesters",
        "Security forces used live bullets to disperse a peaceful sit-in in Khartoum on Thursday, killing a teenager, doctors said.",
    ),
    (
        "Violent demonstration",
        "Angry demonstrators stormed the town hall in Tizi Ouzou on Thursday, smashing windows and setting cars alight, after a local activist died in custody.",
    ),
    (
        "Mob violence",
        "A crowd of residents set upon two suspected kidnappers in a market in Onitsha on Friday and burned them to death.",
    ),
    (
        "Mob violence",
        "Supporters of rival political parties clashed with sticks and machetes in a village near Kumasi on Thursday, injuring 15.",
    ),
    ("Agreement", "Israel and Hamas agreed to a prisoner exchange on Friday, mediators in Doha said."),
    (
        "Agreement",
        "The two warring clans signed a reconciliation pact on Thursday in the presence of local elders in Galkayo.",
    ),
    ("Arrests", "Police arrested the leader of a separatist group at his home in Bamenda on Friday."),
    (
        "Arrests",
        "Security forces rounded up 120 suspected gang members in overnight raids across San Salvador, the government said.",
    ),
    (
        "Change to group/activity",
        "The militia announced on Friday that it was suspending operations and would join peace talks.",
    ),
    (
        "Change to group/activity",
        "The government declared a state of emergency in three northern provinces on Thursday.",
    ),
    (
        "Disrupted weapons use",
        "Police seized a large cache of weapons and ammunition from a house in Culiacan on Friday.",
    ),
    (
        "Disrupted weapons use",
        "Saudi air defences shot down a ballistic missile fired towards Jazan on Thursday.",
    ),
    (
        "Headquarters or base established",
        "The rebel group opened a new command post in the hills above Hpakant on Friday, residents said.",
    ),
    (
        "Headquarters or base established",
        "Wagner fighters have established a base at a former UN camp in Tessalit, local sources said on Thursday.",
    ),
    (
        "Looting/property destruction",
        "Armed men ransacked a health clinic in Tillaberi on Friday, stealing medicines and setting the building on fire.",
    ),
    (
        "Looting/property destruction",
        "Unidentified people vandalised a mosque in Lyon overnight, spraying insults on its walls, police said.",
    ),
    (
        "Non-violent transfer of territory",
        "Armenian forces handed over four villages in Tavush to Azerbaijan on Friday under a border deal.",
    ),
    (
        "Non-violent transfer of territory",
        "The militia pulled out of the port town on Thursday and government troops moved in unopposed.",
    ),
    (
        "Other",
        "Thousands of people fled their homes in Cabo Delgado on Friday fearing new insurgent attacks, aid agencies said.",
    ),
    (
        "Other",
        "A suspicious package prompted the evacuation of the central railway station in Nairobi on Thursday.",
    ),
    # session 3, third set of 50 (first pass 37/50, now 50/50)
    (
        "Armed clash",
        "Heavy exchanges of gunfire were reported between the army and Arakan Army fighters near Buthidaung on Friday.",
    ),
    (
        "Armed clash",
        "Local defence volunteers repelled an attack by bandits on Gidan Dawa village on Thursday, killing three of the assailants.",
    ),
    (
        "Government regains territory",
        "Troops have liberated Mocimboa da Praia from insurgents after a two-week offensive, the defence minister announced on Friday.",
    ),
    (
        "Government regains territory",
        "The FARDC recovered control of Kitchanga on Thursday after M23 fighters were pushed back in heavy fighting.",
    ),
    (
        "Non-state actor overtakes territory",
        "Taliban fighters captured the provincial capital of Kunduz after fierce clashes with Afghan forces on Friday.",
    ),
    (
        "Non-state actor overtakes territory",
        "The RSF said on Thursday it had seized the army headquarters in Wad Madani following three days of fighting.",
    ),
    (
        "Chemical weapon",
        "Investigators concluded that a nerve agent was used in the attack on the village, which killed at least 40 people on Friday.",
    ),
    (
        "Chemical weapon",
        "Witnesses described yellow smoke and a smell of bleach after the bombardment; medics treated 60 people for chemical exposure on Thursday.",
    ),
    (
        "Air/drone strike",
        "Military jets struck a rebel-held market in Sagaing region on Friday, killing at least 15 civilians, residents said.",
    ),
    (
        "Air/drone strike",
        "Houthi drones targeted an oil facility in Abqaiq on Thursday, causing a fire but no casualties.",
    ),
    ("Suicide bomb", "A female suicide bomber killed six people at a market in Konduga on Friday."),
    (
        "Suicide bomb",
        "An attacker drove an explosives-laden truck into a police compound in Kabul on Thursday and detonated it, killing 12.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Rockets fired from Gaza struck a house in Ashkelon on Friday, lightly injuring two residents.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Artillery fire hit the outskirts of El Fasher on Thursday, killing five civilians, a local monitor said.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A roadside device exploded next to an army convoy near Aleppo on Friday, wounding four soldiers.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A minibus ran over an anti-tank mine in Unity State on Thursday, killing seven passengers.",
    ),
    ("Grenade", "A grenade attack on a nightclub in Tegucigalpa wounded nine people early on Friday."),
    (
        "Grenade",
        "Assailants hurled a hand grenade into the courtyard of a police station in Manipur on Thursday; two constables were hurt.",
    ),
    (
        "Sexual violence",
        "Armed men raped a woman and her daughter during a night raid on their home in Kalehe on Friday, a rights group said.",
    ),
    (
        "Sexual violence",
        "Two female detainees were sexually abused by prison guards in Tripoli last week, according to a UN statement.",
    ),
    ("Attack", "Gunmen opened fire on a wedding party in Zamfara on Friday, killing 11 guests."),
    (
        "Attack",
        "Soldiers beat and killed a farmer at a checkpoint near Tillaberi on Thursday, his relatives said.",
    ),
    (
        "Abduction/forced disappearance",
        "Kidnappers seized a Catholic priest from his parish house in Enugu state on Friday and demanded a ransom.",
    ),
    (
        "Abduction/forced disappearance",
        "ISWAP fighters abducted 20 fishermen on the shores of Lake Chad on Thursday, local sources said.",
    ),
    (
        "Peaceful protest",
        "Several thousand people held a candlelight vigil in Belgrade on Friday to demand the government resign.",
    ),
    (
        "Peaceful protest",
        "Taxi drivers blocked the main road into Nairobi with their vehicles on Thursday to protest against a new levy.",
    ),
    (
        "Protest with intervention",
        "Police broke up a rally by unemployed graduates in Rabat on Friday, beating several protesters with batons.",
    ),
    (
        "Protest with intervention",
        "Authorities in Moscow detained more than 200 people at anti-war demonstrations on Thursday, a monitoring group said.",
    ),
    (
        "Excessive force against protesters",
        "Two protesters died after police fired tear gas canisters directly at a crowd in Nairobi on Friday.",
    ),
    (
        "Excessive force against protesters",
        "Troops opened fire on people protesting against a gold mine in Kayes region on Thursday, killing four.",
    ),
    (
        "Violent demonstration",
        "Demonstrators pelted riot police with rocks and torched tyres in Dakar on Friday after the arrest of an opposition leader.",
    ),
    (
        "Violent demonstration",
        "Protesting students set fire to the vice-chancellor's office at a university in Ibadan on Thursday over fee increases.",
    ),
    (
        "Mob violence",
        "An angry mob torched a police station in Kano on Friday after a suspect died in custody.",
    ),
    ("Mob violence", "Residents lynched a suspected cattle thief in a village near Kabale on Thursday."),
    (
        "Agreement",
        "Sudan's warring parties signed a declaration of principles in Jeddah on Friday to protect civilians.",
    ),
    (
        "Agreement",
        "The junta and three ethnic armed groups reached a truce on Thursday under Chinese mediation.",
    ),
    (
        "Arrests",
        "Security services detained a prominent blogger in Algiers on Friday over posts critical of the president.",
    ),
    # kinds: a drug raid is ordinary crime, not an ACLED arrest (issue 14 item 2; tests/stages/test_kinds.py)
    (
        "Change to group/activity",
        "The army announced on Friday the deployment of 2,000 additional troops to the restive northern region.",
    ),
    (
        "Change to group/activity",
        "Two rival factions of the armed group announced their reunification on Thursday.",
    ),
    (
        "Disrupted weapons use",
        "Police foiled a bomb plot on Friday after finding 50 kg of explosives in a car in Peshawar.",
    ),
    (
        "Disrupted weapons use",
        "Army engineers detonated an IED in a controlled explosion near Gao on Thursday after it was found by a patrol.",
    ),
    (
        "Headquarters or base established",
        "Ukrainian troops set up a forward operating base near the village on Friday, officials said.",
    ),
    (
        "Headquarters or base established",
        "The armed group established a new camp in the forest near Beni on Thursday, civil society sources said.",
    ),
    (
        "Looting/property destruction",
        "Fighters looted the central market of Kutum on Friday and burned several shops.",
    ),
    (
        "Looting/property destruction",
        "Unknown people set fire to an electoral commission office in Kinshasa on Thursday; nobody was hurt.",
    ),
    (
        "Non-violent transfer of territory",
        "French troops completed their withdrawal from the Menaka base on Friday, handing it to the Malian army.",
    ),
    (
        "Non-violent transfer of territory",
        "The separatists left the town on Thursday under a local deal, and the army took over without a fight.",
    ),
    ("Other", "The authorities cut internet access in the Tigray region on Friday, residents said."),
    (
        "Other",
        "Thousands of civilians fled the town of Beni on Thursday after rumours of an imminent rebel attack.",
    ),
    # session 3, fourth set: 40 headlines and briefs (first pass 32/40, now 39/40; the headline
    # "Bomb threat forces evacuation of Stockholm central station" still gives no record: the small
    # parser reads "Bomb threat forces" as one noun phrase, left out here)
    (
        "Armed clash",
        "Troops and Fano militiamen fought for control of the road near Gondar on Sunday. The fighting left several dead on both sides, residents said.",
    ),
    ("Armed clash", "Police kill 5 suspected robbers in shootout in Lagos"),
    (
        "Government regains territory",
        "Iraqi forces back in control of Tal Afar after expelling IS fighters, commander says",
    ),
    (
        "Non-state actor overtakes territory",
        "Rebels seize key border crossing after routing government troops",
    ),
    (
        "Chemical weapon",
        "Dozens of children were hospitalised with breathing problems after an attack with toxic gas on a school in the town on Sunday, doctors said.",
    ),
    ("Air/drone strike", "Pakistani jets bomb militant hideouts in Khost, killing 8"),
    (
        "Air/drone strike",
        "An unmanned aerial vehicle struck a pickup truck carrying fighters near Sirte on Saturday, killing all four occupants.",
    ),
    ("Suicide bomb", "Bomber blows himself up at Kabul ministry, killing 6"),
    ("Shelling/artillery/missile attack", "Russian missile hits apartment block in Dnipro, at least 20 dead"),
    (
        "Shelling/artillery/missile attack",
        "Mortar shells fired by the RSF fell on a camp for displaced people in El Fasher on Sunday, killing eight.",
    ),
    ("Remote explosive/landmine/IED", "Car bomb kills 3 soldiers in Diyala"),
    (
        "Remote explosive/landmine/IED",
        "Two deminers were wounded on Saturday when a booby-trapped device exploded in a house they were clearing in Mosul.",
    ),
    ("Grenade", "Grenade blast at Bujumbura bus stop wounds 12"),
    (
        "Sexual violence",
        "Three women were raped by armed men as they collected firewood outside the camp on Sunday, aid workers said.",
    ),
    ("Attack", "Gunmen kill 7 worshippers in attack on church in Kogi"),
    (
        "Attack",
        "A human rights defender was stabbed several times by unknown attackers outside his office in Guatemala City on Saturday and remains in hospital.",
    ),
    ("Abduction/forced disappearance", "Bandits abduct 40 villagers in Zamfara raid"),
    (
        "Abduction/forced disappearance",
        "Armed men stopped a bus on the highway near Culiacan on Sunday and took away five passengers, whose fate is unknown.",
    ),
    ("Peaceful protest", "Thousands rally in Budapest against new education law"),
    (
        "Peaceful protest",
        "Garment workers walked out of factories across Dhaka on Sunday, demanding a higher minimum wage.",
    ),
    ("Protest with intervention", "Police arrest 50 climate activists blocking motorway in The Hague"),
    (
        "Protest with intervention",
        "Riot police used pepper spray and batons on Saturday to clear pensioners who had occupied the square in front of parliament in Athens.",
    ),
    ("Excessive force against protesters", "Police shoot dead 3 protesters in Kenya tax demonstrations"),
    (
        "Violent demonstration",
        "Protesters torch parliament building in Nepal as anti-corruption demonstrations turn violent",
    ),
    (
        "Violent demonstration",
        "Demonstrators clashed with police in Belgrade on Saturday, throwing bottles and flares, after a rally against the government.",
    ),
    ("Mob violence", "Mob kills man accused of stealing phone in Nairobi"),
    (
        "Mob violence",
        "Youths from rival neighbourhoods attacked each other with machetes in Bangui on Sunday, leaving two dead.",
    ),
    ("Agreement", "Congo and Rwanda sign peace agreement in Washington"),
    ("Arrests", "Turkey detains 30 suspects over alleged IS links"),
    (
        "Arrests",
        "Police in Harare on Sunday arrested a journalist who had reported on corruption at the ministry.",
    ),
    (
        "Change to group/activity",
        "Militia group announces ceasefire withdrawal, says it will resume operations",
    ),
    ("Change to group/activity", "Niger junta suspends all political party activities"),
    ("Disrupted weapons use", "Army defuses bomb planted near Srinagar school"),
    (
        "Disrupted weapons use",
        "Ukrainian air defences downed 40 of the 50 drones launched by Russia overnight, the air force said on Sunday.",
    ),
    ("Headquarters or base established", "Turkey sets up new military outpost in northern Iraq"),
    ("Looting/property destruction", "Armed group burns 30 homes in Plateau village"),
    (
        "Looting/property destruction",
        "Soldiers looted shops and livestock in the market town on Saturday after residents fled, witnesses said.",
    ),
    (
        "Non-violent transfer of territory",
        "UN peacekeepers hand over base to Malian army ahead of withdrawal",
    ),
    ("Other", "Internet blackout imposed across Iran as authorities brace for protests"),
    # session 3, fifth set: 25 multi-sentence paragraphs with quotes and background (first pass
    # 21/25: irregular past tenses missing from the verb table - "withdrew from" never matched -,
    # "No arrests were made", "a cache of arms", "a choking agent", "a shutdown of mobile internet")
    (
        "Armed clash",
        'Clashes erupted on Monday between Kurdish-led forces and Turkish-backed factions near Manbij. "The fighting lasted until dawn," a resident told AFP. Both sides reported casualties. The area has seen repeated violence since 2016.',
    ),
    (
        "Attack",
        "Suspected jihadists killed at least 20 civilians in an attack on a village in northern Burkina Faso on Monday, local sources said. The assailants arrived on motorbikes and opened fire on residents gathered at the market. Burkina Faso has been battling an insurgency since 2015.",
    ),
    (
        "Air/drone strike",
        "At least 12 people, including five children, were killed when an airstrike hit a residential building in Khan Younis late on Monday, according to the civil defence agency. The Israeli military said it had targeted a Hamas commander.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Kharkiv came under Russian fire again on Monday. Two glide bombs and a ballistic missile hit the city centre, wounding 17 people, the regional governor said. Last year, similar attacks killed dozens in the city.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A bomb hidden in a parked motorcycle went off near a police checkpoint in Quetta on Monday, killing two officers and a child. No group has claimed responsibility. Separatist militants have carried out similar attacks in the province.",
    ),
    (
        "Peaceful protest",
        "Tens of thousands of people marched through central Madrid on Monday to demand affordable housing. Organisers said the protest was the biggest in a decade. The march ended peacefully outside the housing ministry.",
    ),
    (
        "Protest with intervention",
        "Police in Tbilisi used water cannon and pepper spray to disperse demonstrators outside parliament late on Monday. The protesters had gathered to oppose the government's decision to suspend EU accession talks. Dozens were detained, the interior ministry said.",
    ),
    (
        "Excessive force against protesters",
        "Security forces in Mozambique fired live rounds at people protesting against the election results in Maputo on Monday, killing at least three, a rights group said. Protests have continued for weeks.",
    ),
    (
        "Violent demonstration",
        "Hundreds of farmers protesting against the EU trade deal clashed with police in Brussels on Monday. Demonstrators threw eggs and fireworks at officers and set fire to bales of hay, while police responded with water cannon.",
    ),
    (
        "Mob violence",
        "A man accused of desecrating a mosque was beaten to death by a crowd in a village in Punjab province on Monday, police said. Officers arrested 12 suspects. Blasphemy accusations often lead to vigilante violence in the country.",
    ),
    (
        "Abduction/forced disappearance",
        "Gunmen stormed a boarding school in Niger state on Monday and abducted at least 30 pupils, officials said. Security forces have launched a search operation. Mass school kidnappings have plagued northern Nigeria since 2014.",
    ),
    (
        "Arrests",
        "Police in Uganda on Monday detained opposition leader Kizza Besigye and 20 of his supporters at his party headquarters in Kampala, his lawyer said. The arrests come weeks before a general election.",
    ),
    (
        "Government regains territory",
        "The Sudanese army said on Monday it had recaptured the city of Wad Madani from the Rapid Support Forces after days of heavy fighting. Residents celebrated in the streets as soldiers entered the city centre.",
    ),
    (
        "Non-state actor overtakes territory",
        "M23 rebels backed by Rwanda took control of Goma airport on Monday after fierce fighting with the Congolese army, UN sources said. Thousands of residents fled towards the border.",
    ),
    (
        "Agreement",
        "Representatives of the government and the armed group signed a ceasefire agreement in Doha on Monday, Qatari mediators announced. Under the deal, both sides will withdraw heavy weapons from the front line.",
    ),
    (
        "Disrupted weapons use",
        "Indian army troops found and destroyed a large cache of arms and explosives during a search operation in Poonch district on Monday, officials said. No arrests were made.",
    ),
    (
        "Grenade",
        "Two people were injured on Monday when an unknown assailant threw a grenade at a jewellery shop in Malmo, police said. The attacker fled on a scooter.",
    ),
    (
        "Sexual violence",
        "A UN team documented the rape of at least 25 women by soldiers during an operation in the village of Minova on Monday, a UN spokesperson said.",
    ),
    (
        "Looting/property destruction",
        "Armed men raided a village in Ouaddai on Monday, stealing hundreds of cattle and burning granaries, a local official said. No casualties were reported.",
    ),
    (
        "Change to group/activity",
        "The government declared a nationwide state of emergency on Monday and deployed the army in the capital following a wave of gang violence.",
    ),
    (
        "Headquarters or base established",
        "Russia has established a new military base in the Central African Republic, the country's defence ministry confirmed on Monday.",
    ),
    (
        "Non-violent transfer of territory",
        "Hezbollah fighters withdrew from positions south of the Litani river on Monday and the Lebanese army deployed in their place without incident, as agreed under the truce.",
    ),
    (
        "Suicide bomb",
        "A suicide bomber struck a crowd of worshippers leaving a mosque in Peshawar on Monday, killing at least 15 people, police said. The Pakistani Taliban denied involvement.",
    ),
    (
        "Chemical weapon",
        "Ukraine accused Russian troops on Monday of using chloropicrin, a choking agent, against its soldiers near Pokrovsk. Several soldiers were treated for poisoning.",
    ),
    (
        "Other",
        "Authorities in the region ordered a complete shutdown of mobile internet on Monday ahead of the anniversary of last year's protests.",
    ),
    # session 3, sixth set: 42 briefs (first pass 32/42, now 40/42; left out: "appointed a new
    # commander after its leader was killed last month" reads as an attack, and the expulsion of
    # diplomats gives no record)
    (
        "Armed clash",
        "Security forces engaged militants in a fierce gun battle in the forests of Kupwara on Tuesday; two militants were killed, police said.",
    ),
    (
        "Armed clash",
        "Ambazonian separatists ambushed a military convoy near Bamenda on Tuesday, sparking a two-hour firefight.",
    ),
    (
        "Government regains territory",
        "The Burkinabe army announced it had reclaimed the town of Diapaga from jihadists following an operation on Tuesday.",
    ),
    (
        "Government regains territory",
        "Yemeni government forces wrested back control of the Hays district from the Houthis on Tuesday after weeks of battles.",
    ),
    (
        "Non-state actor overtakes territory",
        "ISWAP militants overran the army base in Marte on Tuesday, forcing soldiers to retreat to Dikwa.",
    ),
    (
        "Non-state actor overtakes territory",
        "The Arakan Army said on Tuesday it had captured the last junta outpost in Maungdaw township after months of fighting.",
    ),
    (
        "Chemical weapon",
        "Medics said victims showed symptoms consistent with exposure to a nerve agent after the shelling of the town on Tuesday.",
    ),
    (
        "Air/drone strike",
        "A Russian glide bomb dropped by a warplane destroyed a school in Zaporizhzhia on Tuesday, killing two teachers.",
    ),
    (
        "Air/drone strike",
        "Helicopter gunships strafed a convoy of pickup trucks carrying rebels north of Kidal on Tuesday.",
    ),
    (
        "Suicide bomb",
        "A teenage girl detonated a suicide vest at a checkpoint in Maiduguri on Tuesday, killing herself and three vigilantes.",
    ),
    (
        "Shelling/artillery/missile attack",
        "A Katyusha rocket landed near the airport in Erbil on Tuesday without causing casualties.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Israeli tanks shelled the outskirts of Rafah on Tuesday, wounding six civilians, local medics said.",
    ),
    (
        "Remote explosive/landmine/IED",
        "An explosive device planted on a roadside detonated as a police van passed in Pulwama on Tuesday, injuring five officers.",
    ),
    (
        "Remote explosive/landmine/IED",
        "Three children were killed on Tuesday when an old landmine they were playing with exploded in a field near Herat.",
    ),
    (
        "Grenade",
        "Suspected gang members threw a fragmentation grenade into a crowded bar in Cali on Tuesday night, wounding 14.",
    ),
    (
        "Sexual violence",
        "Members of a militia raped several displaced women near a camp outside Bunia on Tuesday, aid groups reported.",
    ),
    ("Attack", "Unidentified gunmen shot dead a local councillor in his car in Michoacan on Tuesday."),
    (
        "Attack",
        "Fulani militia killed 17 farmers in an overnight raid on a village in Benue state on Tuesday, residents said.",
    ),
    (
        "Abduction/forced disappearance",
        "An aid worker was seized by armed men at a checkpoint near Kidal on Tuesday and taken to an unknown location.",
    ),
    (
        "Abduction/forced disappearance",
        "Gang members kidnapped a bus full of passengers on the road out of Port-au-Prince on Tuesday.",
    ),
    (
        "Peaceful protest",
        "Hundreds of Kurdish women marched in Diyarbakir on Tuesday to mark International Women's Day.",
    ),
    (
        "Peaceful protest",
        "Doctors in public hospitals across Nigeria began an indefinite strike on Tuesday over unpaid salaries.",
    ),
    (
        "Protest with intervention",
        "Police in Caracas fired tear gas to break up a march by opposition supporters heading to the electoral council on Tuesday.",
    ),
    (
        "Protest with intervention",
        "Authorities arrested 15 people in Minsk on Tuesday after they unfurled a banner in support of political prisoners.",
    ),
    (
        "Excessive force against protesters",
        "Police killed four demonstrators on Tuesday when they opened fire on a march against fuel subsidies in Lagos, Amnesty said.",
    ),
    (
        "Violent demonstration",
        "Demonstrators burned cars and looted shops in Port-au-Prince on Tuesday during protests against rising fuel prices.",
    ),
    (
        "Violent demonstration",
        "Striking miners hurled rocks at police and set fire to a company truck in Potosi on Tuesday.",
    ),
    (
        "Mob violence",
        "Villagers set fire to the houses of a family accused of witchcraft in a village near Bukavu on Tuesday.",
    ),
    (
        "Mob violence",
        "Supporters of two rival football clubs fought with knives outside a stadium in Belgrade on Tuesday, leaving one man dead.",
    ),
    (
        "Agreement",
        "The warring sides agreed on Tuesday to a 72-hour humanitarian truce to allow aid into the city.",
    ),
    ("Agreement", "Government and rebel negotiators signed a peace accord in Juba on Tuesday."),
    (
        "Arrests",
        "Police detained a prominent opposition lawmaker at Kampala airport on Tuesday as he returned from abroad.",
    ),
    (
        "Arrests",
        "Security forces arrested three suspected members of an Islamic State cell in Tangier on Tuesday.",
    ),
    ("Change to group/activity", "The army imposed a 24-hour curfew on Tuesday in Jos after days of unrest."),
    (
        "Disrupted weapons use",
        "Police intercepted a truck carrying 200 kg of explosives at a checkpoint outside Lahore on Tuesday.",
    ),
    (
        "Disrupted weapons use",
        "A bomb disposal unit safely defused an explosive device attached to a car in Belfast on Tuesday.",
    ),
    (
        "Headquarters or base established",
        "The jihadists set up a base in the abandoned gendarmerie post in Boni on Tuesday, locals said.",
    ),
    (
        "Looting/property destruction",
        "Soldiers bulldozed a market and dozens of shops in the town on Tuesday, traders said.",
    ),
    (
        "Looting/property destruction",
        "Bandits stole more than 300 cattle from herders in Katsina state on Tuesday without firing a shot.",
    ),
    (
        "Non-violent transfer of territory",
        "Government troops took over the town of Hombori on Tuesday after the rebels withdrew under a deal brokered by elders.",
    ),
    # session 3, seventh set: 30 briefs (first pass 23/30, now 29/30; left out: "troops traded
    # artillery fire across the Line of Control" reads as an armed clash - two-sided fire is a battle
    # in our rules, while ACLED may code cross-border artillery exchanges as shelling)
    (
        "Armed clash",
        "Rival factions of the Libyan army exchanged heavy fire in the Tripoli suburb of Tajoura overnight, the health ministry said on Tuesday.",
    ),
    (
        "Armed clash",
        "Three soldiers and eight rebels died in a gunfight that erupted when an army patrol came under attack near Butembo on Monday.",
    ),
    (
        "Government regains territory",
        "Government soldiers regained the strategic hilltop from the insurgents on Monday after a two-day assault.",
    ),
    (
        "Non-state actor overtakes territory",
        "Al-Shabaab took over the town of Moqokori on Monday after government troops pulled out following heavy clashes.",
    ),
    (
        "Air/drone strike",
        "Two people were killed when a drone slammed into a residential building in Odesa on Monday, regional authorities said.",
    ),
    (
        "Air/drone strike",
        "The coalition said its aircraft destroyed an IS weapons depot near Raqqa in an airstrike on Monday.",
    ),
    ("Suicide bomb", "Two suicide bombers targeted a church in Makassar on Monday, wounding 20 worshippers."),
    (
        "Shelling/artillery/missile attack",
        "Several shells struck a hospital in Khartoum North on Monday, killing a nurse, doctors said.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A magnetic bomb attached to a government vehicle exploded in Kabul on Monday, killing the driver.",
    ),
    (
        "Grenade",
        "An attacker tossed a grenade into a crowd watching a football match in Beni on Monday, injuring 20 people.",
    ),
    (
        "Sexual violence",
        "A police officer was arrested on Monday for raping a woman held in custody at a station in Nairobi.",
    ),
    (
        "Attack",
        "Settler militia attacked the village, burning cars and shooting a 17-year-old Palestinian dead on Monday.",
    ),
    ("Attack", "A group of armed men entered a bar in Zacatecas on Monday and killed six people."),
    (
        "Abduction/forced disappearance",
        "Unknown men forced a human rights lawyer into a car in Harare on Monday; he was found two days later beaten and dumped outside the city.",
    ),
    (
        "Peaceful protest",
        "Students occupied the main building of Belgrade University on Monday, demanding justice for the victims of the canopy collapse.",
    ),
    (
        "Peaceful protest",
        "Relatives of the disappeared held a silent vigil outside the presidential palace in Colombo on Monday.",
    ),
    (
        "Protest with intervention",
        "Police forcibly removed climate activists who had glued themselves to a road in Berlin on Monday.",
    ),
    (
        "Excessive force against protesters",
        "Soldiers opened fire on a crowd protesting the detention of a local chief in Tillaberi on Monday, killing two.",
    ),
    (
        "Violent demonstration",
        "Protesters in Nairobi stormed parliament on Monday and set part of the building on fire as MPs voted on tax increases.",
    ),
    (
        "Mob violence",
        "A crowd of motorbike taxi drivers attacked and burned a police car in Conakry on Monday after a colleague was shot by an officer.",
    ),
    (
        "Agreement",
        "Ethiopia and Tigrayan leaders signed a permanent cessation of hostilities in Pretoria on Monday.",
    ),
    (
        "Arrests",
        "Authorities in Tehran arrested a prominent rapper on Monday over songs supporting the protests.",
    ),
    (
        "Change to group/activity",
        "The rebel coalition announced on Monday that it was withdrawing from the peace process.",
    ),
    (
        "Disrupted weapons use",
        "Counter-terrorism police raided a flat in Manchester on Monday and seized bomb-making materials.",
    ),
    (
        "Headquarters or base established",
        "The United States opened a new drone base in northern Niger on Monday.",
    ),
    (
        "Looting/property destruction",
        "Militants torched a girls' school in North Waziristan overnight on Monday; no one was hurt.",
    ),
    (
        "Non-violent transfer of territory",
        "The last Russian troops left the Kherson bank on Monday and Ukrainian forces entered the city without a fight.",
    ),
    (
        "Other",
        "Communications were cut across the region on Monday as authorities shut down mobile networks ahead of the vote.",
    ),
    (
        "Chemical weapon",
        "Syrian government helicopters dropped barrels filled with chlorine on the town on Monday, a monitoring group said.",
    ),
    # session 3, eighth set: 25 briefs on protest/riot/battle lines (first pass 21/25, now 25/25)
    (
        "Peaceful protest",
        "Farmers drove hundreds of tractors into central Warsaw on Tuesday to protest against grain imports.",
    ),
    (
        "Peaceful protest",
        "Opposition supporters held a sit-in outside the electoral commission in Lusaka on Tuesday, demanding a recount.",
    ),
    (
        "Protest with intervention",
        "Police in Dhaka baton-charged garment workers demanding unpaid wages on Tuesday, injuring dozens.",
    ),
    (
        "Protest with intervention",
        "Security forces prevented a planned march by women's rights activists in Kabul on Tuesday, detaining several organisers.",
    ),
    (
        "Excessive force against protesters",
        "Three people were shot dead by police during a protest over water shortages in Karachi on Tuesday.",
    ),
    (
        "Violent demonstration",
        "Youths protesting a police killing set up burning barricades and threw stones at officers in a Paris suburb on Tuesday night.",
    ),
    (
        "Violent demonstration",
        "Demonstrators ransacked the offices of the ruling party in Dakar on Tuesday during protests against the postponement of elections.",
    ),
    (
        "Mob violence",
        "A mob attacked a mosque in Delhi on Tuesday, setting fire to its entrance, after rumours spread on social media.",
    ),
    (
        "Mob violence",
        "Residents beat two men suspected of stealing a motorbike in Kampala on Tuesday, killing one of them.",
    ),
    (
        "Armed clash",
        "Two rival cattle-raiding groups fought a gun battle in Jonglei state on Tuesday, leaving 11 dead.",
    ),
    (
        "Armed clash",
        "Police and suspected gang members exchanged gunfire for two hours in a favela in Rio de Janeiro on Tuesday.",
    ),
    ("Attack", "Gunmen on motorbikes shot dead a mayor as he left a church in Guerrero state on Tuesday."),
    (
        "Attack",
        "Suspected herders attacked farmers working their fields in Plateau state on Tuesday, killing nine.",
    ),
    (
        "Abduction/forced disappearance",
        "A journalist critical of the government has been missing since Tuesday, when plain-clothes agents took him from his office, his wife said.",
    ),
    ("Arrests", "Police arrested the editor of an independent newspaper in Addis Ababa on Tuesday."),
    (
        "Looting/property destruction",
        "Rebels plundered a health centre and stole medicines in a village in Haut-Uele on Tuesday.",
    ),
    (
        "Air/drone strike",
        "Turkish drones struck a vehicle near Sulaymaniyah airport on Tuesday, killing three PKK members.",
    ),
    (
        "Shelling/artillery/missile attack",
        "The Houthis fired a ballistic missile at a tanker in the Red Sea on Tuesday, causing minor damage.",
    ),
    (
        "Remote explosive/landmine/IED",
        "An improvised bomb hidden in a rubbish bin exploded outside a bank in Athens early on Tuesday, causing damage but no injuries.",
    ),
    (
        "Grenade",
        "A grenade exploded inside a bus in Nairobi on Tuesday, killing one passenger and wounding 12.",
    ),
    ("Change to group/activity", "The military government dissolved all political parties on Tuesday."),
    ("Disrupted weapons use", "Kenyan police defused a car bomb found near the Somali border on Tuesday."),
    (
        "Agreement",
        "Rival Libyan governments agreed on Tuesday to unify the central bank under a UN-brokered deal.",
    ),
    (
        "Government regains territory",
        "Nigerian troops dislodged Boko Haram fighters from their camp in the Sambisa forest on Tuesday and took control of the area.",
    ),
    (
        "Non-state actor overtakes territory",
        "Jihadists captured an army outpost near Djibo on Tuesday after a fierce battle, killing 20 soldiers.",
    ),
]

NON_EVENTS: list[str] = [
    "Oil prices rose on Tuesday as traders weighed supply cuts against weak demand in China.",
    "A magnitude 6.1 earthquake struck eastern Turkey on Tuesday, killing four people and damaging dozens of buildings.",
    "The foreign minister visited Beijing on Tuesday for talks on trade and climate cooperation.",
    "Floods swept through villages in northern Bangladesh on Tuesday, leaving 12 people dead.",
    "A bus collided with a truck on the highway near Nakuru on Tuesday, killing nine passengers.",
    "Shares in the bank fell sharply after it reported a loss for the third quarter.",
    "Fans gathered in the square on Tuesday to celebrate the team's victory in the cup final.",
    "The president will travel to Paris next week to attend a summit on climate finance.",
    "Thousands of pilgrims gathered in Mecca on Tuesday for the start of the annual Hajj.",
    "The central bank raised interest rates by half a percentage point on Tuesday to fight inflation.",
    "Farmers harvested a record wheat crop this year thanks to good rains, the ministry said.",
    "Police said a 45-year-old man was arrested on suspicion of drunk driving after a crash on Tuesday.",
    "A fire broke out at a textile factory in Dhaka on Tuesday, killing three workers.",
    "Scientists launched a new weather satellite from French Guiana on Tuesday.",
    "The army chief met community leaders on Tuesday to discuss development projects in the region.",
    "Students marched into the exam hall on Tuesday morning as the national tests began.",
    "The company plans to strike a deal with suppliers to cut costs by next year.",
    "Hundreds of runners took part in the city marathon on Sunday to raise money for cancer research.",
    # session 3: fighting fires and diseases, elections "unopposed"
    "Firefighters battled a huge blaze in the hills above Athens on Tuesday.",
    "Hundreds of firefighters fought the flames for three days in California.",
    "The ruling party is running unopposed in the election on Sunday.",
    # session 3, 25 non-events with violent words (first pass 15/25: sport, criticism, hackers,
    # a photographer's shoot, a storm read as "stormed", ordinary theft arrests, a ceasefire that
    # "has held", doctors "fought to save", "march to victory")
    "Liverpool striker scores twice as his side attack relentlessly to beat Chelsea 3-1 on Sunday.",
    "The film bombed at the box office, taking just $2 million in its opening weekend.",
    "Shares in the airline were hammered on Monday after it issued a profit warning.",
    "The senator launched a blistering attack on the budget plan during Monday's debate.",
    "The photographer shot the portrait series in the village over three weeks last summer.",
    "Firefighters battled wildfires near Los Angeles for a third day on Monday as winds picked up.",
    "The government vowed on Monday to fight corruption and tackle rising food prices.",
    "A storm killed four people and destroyed hundreds of homes in the Philippines on Monday.",
    "Two people died on Monday when a building collapsed in central Lagos after heavy rain.",
    "A man was arrested on Monday for stealing a car in Leeds, police said.",
    "A train derailed near Odisha on Monday, killing 12 passengers and injuring dozens.",
    "The central bank cut interest rates on Monday in a bid to boost growth.",
    "The army chief visited troops stationed in the north on Monday and praised their discipline.",
    "The ceasefire has largely held since it came into force last month, monitors said on Monday.",
    "Elections will be held in March, the electoral commission announced on Monday.",
    'The minister said on Monday that the country had faced "an attack on its democratic values" from disinformation.',
    "A court sentenced the former rebel commander to 20 years in prison on Monday for war crimes committed in 2003.",
    "Scientists said on Monday that a new vaccine had shown strong results against malaria in trials.",
    "Hackers attacked the website of the ministry on Monday, taking it offline for several hours.",
    "The company announced on Monday it would cut 2,000 jobs after a fall in demand.",
    "Thousands of fans celebrated in the streets of Buenos Aires on Monday after the World Cup victory.",
    "A cyclone made landfall in Mozambique on Monday, forcing 10,000 people to flee their homes.",
    "Doctors at the hospital fought for hours to save the life of a boy injured in a car crash on Monday.",
    "The opposition leader said on Monday he would march to victory in the next election.",
    "Prices of fuel exploded in January, rising 40 percent, the statistics office said on Monday.",
]


@pytest.mark.parametrize(("expected", "text"), SNIPPETS)
def test_snippet_reads_as_its_sub_type(pipe, expected: str, text: str) -> None:
    got = [e.sub_event_type for e in pipe.extract(text, published=PUB)]
    assert got and got[0] == expected, got


@pytest.mark.parametrize("text", NON_EVENTS)
def test_non_event_yields_no_record(pipe, text: str) -> None:
    assert pipe.extract(text, published=PUB) == []
