"""One-off writer of src/eventlens/data/cues.jsonl (kept for provenance; edit the JSONL directly now).

Phrase syntax: space-separated tokens; a token is `a|b|c` (lemma or lower-case form alternatives),
optionally suffixed `:V` (verb) `:N` (noun) `:A` (adjective), then `!` (lower-case in the text only:
"march" but not the month "March"), or `_` for one optional word.
Vocabulary: ACLED Codebook 2023 sub-event definitions and their example wording, the CAMEO/PLOVER
verb dictionaries, and general English news usage. Weights: 1.0 = decisive on its own, 0.5 = supportive.
"""

import json
import sys

C = []


def add(cue, weight, *phrases):
    for p in phrases:
        C.append({"cue": cue, "phrase": p, "weight": weight})


# ---- Explosions / remote violence
add(
    "AIR",
    1.0,
    "airstrike|airstrikes|air-strike",
    "air strike|strikes|raid|raids|attack|attacks|bombardment",
    "drone strike|strikes|attack|attacks",
    "aerial bombardment|attack|bombing|strike",
    "warplane|warplanes|jet|jets|aircraft|helicopter|helicopters bomb|strike|hit|target|pound|attack:V",
    "bomb|strike|hit|target:V by|from _ warplane|warplanes|aircraft|drone|drones|helicopter|helicopters|jets",
    "drop:V by|from _ warplane|warplanes|aircraft|drone|drones|helicopter|helicopters|jet|jets|plane|planes",
    "barrel bomb|bombs",
    "kamikaze drone|drones",
    "unmanned aerial vehicle|vehicles",
    "armed|combat|attack|suicide drone|drones|uav|uavs",
    "with|using|via _ _ _ drone|drones|uav|uavs|warplanes|aircraft|helicopters|jets|bombers",
    "drone|drones|uav|uavs hit|strike|target|attack:V",
    "air force|forces strike|bomb|hit:V",
)
add(
    "SHELL",
    1.0,
    "shell:V",
    "shelling|shellings|bombardment",
    "artillery|mortar|mortars|rocket|rockets|missile|missiles|katyusha|katyushas|projectile|projectiles fire|land|hit|strike|launch|fall|target|slam|pound|rain|batter|hammer:V",
    "fire|launch|lob:V _ _ _ _ rocket|rockets|mortar|mortars|missile|missiles|shells|projectiles|katyushas|artillery|howitzers",
    "artillery fire|barrage|strike|strikes|attack",
    "rocket|missile|mortar attack|attacks|strike|strikes|fire|barrage",
    "bombard:V",
    "shell|shells land|hit|fall:V",
)
add(
    "SHELL",
    1.0,
    "with|via|using _ heavy weapons|guns|artillery",
    "with|via|using _ _ artillery|mortars|mortar|rockets|missiles|rpg|rpgs",
    "fire:V _ heavy weapons|guns|machine|machineguns|artillery",
    "rpg|rpgs",
    "rocket - propelled grenade|grenades",
)
add(
    "IED",
    1.0,
    "by|a|an _ mine|landmine",
    "mine|landmine explosion|blast",
    "run|ran|drive|drove over _ _ _ _ mine|mines|landmine|landmines|ied|device|explosive",
    "anti - tank|personnel mine|mines",
    "antitank|antipersonnel mine|mines",
)
add(
    "SHELL",
    0.5,
    "heavy weapons|guns",
    "artillery",
    "mortar|mortars",
    "rocket|rockets",
    "missile|missiles",
    "katyusha|katyushas",
)
add(
    "IED",
    1.0,
    "ied|ieds",
    "remote explosive|explosives|bomb|bombs|device|devices",
    "remote - controlled|detonated explosive|explosives|bomb|bombs|device|devices|mine|mines|ied",
    "remote control|controlled bomb|bombs|explosive|explosives|device",
    "with|using _ _ explosives",
    "mine|mines|bomb|bombs attack|attacks|explosion|explosions|blast|blasts",
    "with _ mines|bombs|explosives|ieds",
    "bomb attack|attacks",
    "improvised explosive device|devices",
    "roadside bomb|bombs",
    "car bomb|bombs",
    "landmine|landmines",
    "land mine|mines",
    "explosive device|devices",
    "sticky|magnetic bomb",
    "bomb|bombs|device|ied explode|detonate|go|blast|rip:V",
    "detonate:V",
    "booby trap|trapped",
    "plant:V _ _ bomb|bombs|explosives",
    "step:V on _ mine|landmine",
    "unexploded ordnance",
    "bomb blast|explosion",
    "bombing|bombings",
    "explosion|explosions|blast|blasts",
)
add(
    "SUICIDE",
    1.0,
    "explosive|explosives vest|vests|belt|belts",
    "drive|drove|driven|ram|rammed:V _ explosives|explosive|bomb - laden|packed",
    "drive|drove|driven|ram|rammed:V _ _ laden|packed|rigged with explosives",
    "explosives|explosive|bomb|bombs strapped to",
    "strapped with explosives|bombs",
    "suicide bomber|bombers|bombing|bombings|attack|attacks|attacker|vest|belt",
    "blow|blew himself|herself|themselves up",
    "suicide car bomb",
    "svbied",
)
add("GRENADE", 1.0, "grenade|grenades", "hand grenade|grenades")
add(
    "GRENADE",
    -1.0,
    "rocket - propelled grenade|grenades",
    "stun grenade|grenades",
    "grenade launcher|launchers",
)
add("SHELL", 0.5, "grenade launcher|launchers")
add("RIOT", -1.0, "riot police|gear|squad|squads|control|unit|units|officers")
add(
    "CLASH",
    -1.0,
    "to fight|combat|tackle|counter",
    "without _ fight|fighting|clashes|resistance|battle",
    "fighting|clashes was|were not reported",
    "whether fighting|clashes took|occurred",
    "no fighting|clashes",
)
add(
    "CHEM",
    1.0,
    "chemical weapon|weapons|attack",
    "toxic|chemical chemicals|substances|substance|agent|agents|munitions",
    "chlorine|sarin|phosgene|vx",
    "mustard|nerve|toxic|poison gas",
    "nerve agent|agents",
    "toxic gas attack",
    "chemical exposure|poisoning|symptoms|burns",
    "choking|blister|blistering agent|agents",
    "chloropicrin",
    "exposure to _ chemicals|chemical|toxic",
    "smell|smelled|stench of chlorine|bleach|gas",
)
# ---- Battles
add(
    "CLASH",
    1.0,
    "clash:V",
    "clash|clashes",
    "trade:V _ fire|gunfire|shots",
    "locked|engaged|lock|engage in _ _ combat|fighting|battle|battles|clashes",
    "heavy|fierce combat",
    "exchange:V _ _ shelling|shells|artillery|rockets|mortars|mortar|fire|gunfire",
    "ground operation|operations|assault|assaults|offensive|fighting",
    "fighting|fight:V",
    "firefight|firefights|gunfight|gunfights|shootout|shootouts",
    "shoot - out|outs",
    "gun battle|battles",
    "exchange:V _ fire|gunfire|shots",
    "exchange of fire|gunfire",
    "heavy gunfire",
    "gunfire erupt:V",
    "bursts of fire",
    "fighting erupt:V",
    "battle:V",
    "ambush:V",
    "ambush",
    "skirmish|skirmishes",
    "engage:V in _ fighting|battle|combat",
    "heavy fighting",
    "fight:V each other",
    "armed confrontation|confrontations",
    "offensive",
    "repel|repulse:V",
    "counterattack|counter-attack",
)
add(
    "REGAIN",
    1.0,
    "recapture|retake|regain|liberate:V",
    "take|took back control",
    "regain|regained control",
    "drive|drove out|back",
    "back in control of",
    "restore:V control",
    "retake|retook control",
    "recover|recovered|regain|regained control of",
    "wrest|wrested|wresting|win|won back _ control",
    "take|took|taken|win|won back _ _ town|city|village|district|area|territory",
)
# forcing the other side out of a place: the territory changed hands by fighting (whoever took it)
add(
    "EXPEL",
    1.0,
    "drive|drove|driving|driven|push|pushed|pushing|force|forced|forcing out",
    "drive|drove|driving|driven away",
    "rout:V",
    "expel:V",
    "dislodge:V",
)
add(
    "OVERTAKE",
    1.0,
    "take|took|taken|taking over _ town|city|village|villages|district|base|area|areas|territory|locality|localities|camp|headquarters|position|positions",
    "seize|capture|overrun:V _ town|city|village|base|district|area|territory|control|headquarters|outpost|position|positions|capital|stronghold",
    "seize|capture|overrun:V the _ capital|stronghold|town|city",
    "take|took|seize|seized|gain|gained|taking control of|over",
    "overrun:V",
    "fall:V to _ militants|rebels|insurgents|taliban|fighters",
)
add(
    "TRANSFER",
    1.0,
    "fighting|clashes|resistance was|were not reported",
    "no information|reports on|of _ whether _ fighting|clashes|resistance",
    "whether fighting|clashes|resistance took|occurred",
    "withdraw:V from",
    "without _ fight|fighting|resistance|clashes|battle",
    "hand:V over _ control",
    "withdrawal from",
    "hand|handing|handed:V it|them|control to|over",
    "without|no fighting|clashes|resistance",
    "take|took over control",
    "hand|handed:V over _ _ _ village|villages|town|towns|city|territory|territories|area|areas|district|districts|base|bases|region",
    "cede:V _ _ _ village|villages|town|towns|territory|territories|area|areas|district|districts|region",
    "pull:V out of",
    "pull:V back from",
    "move|moved|moving|enter|entered|entering|advance|advanced|walk|walked|roll|rolled _ _ _ unopposed",
    "meet|meeting|met no resistance",
    "without a shot being fired",
)
# ---- Violence against civilians
add(
    "KILL",
    1.0,
    "target:V",
    "fire:V _ _ shots|gunshots|bullets|rounds",
    "fire:V at|on|upon",
    "find:V _ _ body|bodies|corpse|corpses|remains",
    "kill|murder|assassinate|execute|behead|massacre|slaughter|lynch|stab|hack|shoot|gun:V",
    "shoot|shot dead",
    "shot and killed",
    "open|opened fire",
    "massacre|assassination|killing|killings|execution|executions|murder|murders",
    "torture:V",
    "beat|beaten to death",
    "hack:V to death",
    "body|bodies found|discovered|recovered",
    "assault|beat|attack|whip|flog|torture:V",
    "attack|attacks",
)
add(
    "SEXUAL",
    -1.0,
    "suspected|accused|convicted|charged|arrested|detained|jailed|sentenced of|with|for _ rape|rapes",
    "rape|sexual assault case|cases|suspect|suspects|charge|charges|trial|convict|convicts|allegation|allegations",
    "accused _ _ in _ rape",
)
add(
    "SEXUAL",
    1.0,
    "rape:V",
    "rape|rapes|gang-rape|gang rape",
    "sexually assault|abuse|harass|exploit:V",
    "molest:V",
    "sexual harassment|exploitation",
    "sexual violence|assault|abuse",
    "strip:V _ _ naked",
    "forced nudity",
)
add(
    "ABDUCT",
    1.0,
    "abduct|kidnap|deport:V",
    "take:V away",
    "abduction|abductions|kidnapping|kidnappings",
    "take|took _ _ _ hostage|hostages|captive",
    "forcibly disappear|disappeared",
    "enforced|forced disappearance",
    "hold:V _ for ransom",
    "ransom",
    "whereabouts _ _ _ unknown",
    "as _ human shield|shields",
    "been missing since",
    "go|went missing after",
    "not been heard from|of since",
    "no news of _ _ since",
    "to an unknown location|destination",
    "force|forced|forcing|bundle|bundled|drag|dragged _ _ _ _ _ into _ _ car|vehicle|van|truck|pickup|minibus",
)
# taken from home by unknown or plain-clothes men: the marks of a forced disappearance, together
add(
    "ABDUCT",
    0.5,
    "take:V from _ _ home|house|homes|houses|residence|car|bed",
    "plain clothes|plainclothes",
    "unidentified|unknown|masked men",
)
# ---- Protests and riots
add(
    "PROTEST",
    1.0,
    "unfurl:V _ _ banner|banners|flag|flags",
    "striking workers|miners|teachers|doctors|nurses|drivers|employees|staff|dockers",
)
add(
    "PROTEST",
    0.5,
    "demand|denounce|condemn:V",
    "gather|assemble|convene:V",
    "in support of",
    "strike",
    "motorcade|motorcades|convoy",
    "torchlight|candlelight|mourning",
)
add("PROTEST", 0.5, "march:V!")
add(
    "PROTEST",
    1.0,
    "during|amid _ _ _ _ demonstration|protest|rally|march|demonstrations|protests|rallies|marches|sit-in",
)
add(
    "PROTEST",
    1.0,
    "protest|demonstrate|rally|picket:V",
    "protest|protests|demonstration|demonstrations|rally|rallies|sit-in|sit-ins|picket",
    "march|marches!",
    "protester|protesters|protestor|protestors|demonstrator|demonstrators|marcher|marchers",
    "take|took to the streets",
    "hunger strike",
    "go|went on strike",
    "begin|began|begun|start|started|continue|continued|join|joined|call|called|declare|declared _ _ _ _ _ strike|strikes|walkout|walkouts",
    "stage:V _ _ strike|walkout|protest|demonstration|sit-in|rally|march",
    "vigil|vigils",
    "boycott:V",
    "strike|strikes by|over|for|demanding",
    "gather:V to demand|protest|denounce|call",
    "petition:V",
    "chant:V",
    "slogans",
    "occupy:V",
    "banners|placards",
    "banner|placard",
    "sit - in|ins",
    "gather:V _ _ _ to denounce|support|show|call|celebrate|complain|demand|protest|oppose|express|mark|condemn|raise|mourn|commemorate|honour|honor|voice",
    "gather:V against|outside",
    "block|close|cut:V _ _ _ _ access|route|avenue|entrance|bridge|railway|gate|road|roads|highway|street|streets|traffic",
    "hold|held|stage|staged:V _ _ strike|strikes",
    "strike action",
    "climate strike",
    "take|took the streets",
    "mobilization|mobilisation",
    "show|express:V _ support|solidarity",
    "gather:V outside|in|at _ front",
    "block:V _ road|roads|highway|street|streets|traffic",
    "blockade|blockades",
)
add(
    "INTERVENE",
    1.0,
    "disperse:V _ _ _ crowd|crowds|protesters|demonstrators|protestors|marchers|them|rally|protest|demonstration|gathering|sit-in",
    "police|officers|forces _ disperse:V",
    "to disperse",
    "police|officers|forces|authorities intervene:V",
    "police|officers|forces _ intervene:V",
    "police|officers|forces use|used force",
    "detain|arrest:V at least",
    "detain|arrest:V _ _ _ participants|protesters|demonstrators|marchers",
    "remove|evict|move:V _ protesters|demonstrators",
    "tear gas|teargas",
    "tear - gas",
    "water cannon|cannons",
    "rubber bullets",
    "baton|cane|lathi charge|charged",
    "baton-charge|baton-charged",
    "break|broke up",
    "arrest|detain|beat:V _ _ protesters|demonstrators|participants",
    "fire|fired warning shots",
    "stun grenade|grenades",
    "pepper spray",
    "prevent:V _ _ march|protest|rally",
    "block:V _ protesters|demonstrators",
    "police|officers|forces prevent|stop|block|push|chase:V",
)
add(
    "EXCESSIVE",
    1.0,
    "kill|shoot|gun:V _ _ protester|protesters|demonstrator|demonstrators",
    "protester|protesters|demonstrator|demonstrators|marchers be|were killed|shot",
    "live ammunition|fire|rounds",
    "open|opened fire on _ protesters|demonstrators|crowd|crowds",
)
add(
    "RIOT",
    1.0,
    "riot|riots|rioting|rioter|rioters",
    "riot:V",
    "throw|hurl|pelt:V _ stones|rocks|bricks|molotov|projectiles|petrol",
    "pelt:V _ _ _ with _ stones|rocks|bricks|bottles|projectiles",
    "molotov cocktail|cocktails",
    "burn|set|torch:V _ tyres|tires|tire|tyre",
    "burning tyres|tires|barricades|barricade|obstacles",
    "burn|torch|set:V _ _ _ bus|buses|truck|trucks|gate|gates|office|offices|building|buildings|vehicle|vehicles|car|cars|effigy|station|stations|shop|shops|store|stores|residence|residences|house|houses|headquarters",
    "set|sets fire to|on",
    "set:V ablaze",
    "set:V _ _ _ ablaze",
    "set:V _ _ on fire",
    "vandalize|vandalise|ransack|smash:V",
    "stormed|storming",
    "clash:V with _ police|security|officers|troops",
    "clash:V with _ _ demonstrators|protesters|protestors|marchers",
    "stone - pelting",
    "stone pelting",
    "violent protest|demonstration|protests|demonstrations",
    "turn|turned violent",
    "barricade:V",
    "build|erect|set|put|mount|raise|place:V _ _ _ barricade|barricades|roadblocks",
    "barricade|barricades of",
    "with _ _ barricades",
    "block:V _ _ _ _ with _ _ _ logs|stones|rocks|tyres|tires|trees|debris|boulders|barricades",
    "brawl|brawls|scuffle|scuffles|fistfight|fistfights|melee",
    "use|used|using _ _ logs|stones|rocks|tyres|tires|trees|debris|boulders|barricades to block",
    "disrupt:V _ _ _ election|elections|meeting|event|rally|vote|voting|polling|ceremony|session|primary|primaries",
    "acts of violence|vandalism",
    "scuffle|brawl:V",
    "confront:V each other",
    "stones and sticks",
    "sticks and stones",
    "burn|torch:V _ _ _ ballot|ballots|urns|materials|furniture",
)
add(
    "MOB",
    1.0,
    "mob|mobs",
    "lynch:V",
    "lynching|lynchings",
    "mob justice",
    "angry|irate residents|villagers|crowd|locals|youths",
    "mob of",
    "beat|beaten to death",
    "set|torched him|her|them|suspect|suspects|thief|thieves|man|men|woman|boy on fire",
    "jungle justice",
)
add(
    "MOB",
    0.5,
    "vigilante|vigilantes",
    "self-defense group",
    "accused|suspected of witchcraft|sorcery|blasphemy|theft|stealing|robbery|kidnapping|rape",
)
add("INTERVENE", 1.0, "baton|lathi - charge|charged|charging", "baton|lathi charge|charged|charging")
add("INTERVENE", 0.75, "made|make|carried|carry _ _ arrests", "several|many|dozens|hundreds of|were arrested")
add(
    "INTERVENE",
    -1.0,
    "disperse:V peacefully",
    "without _ _ interaction|incident|incidents|intervention|clashes|violence",
    "remained|remain|was|were peaceful",
)
# ---- Strategic developments
add(
    "AGREE",
    1.0,
    "agreement|agreements|accord|ceasefire|cease-fire|truce|armistice",
    "peace deal|deals|accord|agreement",
    "sign:V _ _ _ agreement|deal|accord|treaty|memorandum|cessation|ceasefire|truce|pact|declaration|protocol|roadmap",
    "cessation of hostilities",
    "peace treaty|pact",
    "agree:V to|on",
    "peace agreement",
    "surrender:V",
    "prisoner|prisoners exchange|swap",
    "reach:V _ deal|agreement",
    "lay|laid down _ arms|weapons",
)
# a truce ended, broken or left is no agreement
add(
    "TRANSFER",
    -1.0,
    "withdraw:V from _ _ peace|talks|process|agreement|deal|election|elections|race|coalition|government|negotiations|dialogue|treaty",
)
add("CHANGE", 1.0, "withdraw:V from _ _ peace|talks|process|negotiations|dialogue")
add(
    "AGREE",
    -1.0,
    "ceasefire|truce withdrawal|collapse|violation|violations",
    "withdraw|withdrew|pull|pulled:V out of|from _ _ ceasefire|truce|agreement|deal",
    "end|ended|break|broke|broken|violate|violated|abandon|abandoned:V _ _ ceasefire|truce|agreement|deal",
)
add(
    "ARREST",
    -1.0,
    "no arrests|arrest",
    "no one|nobody has|was|were|had been arrested",
    "no arrests have|were|had been made|reported",
)
add(
    "ARREST",
    1.0,
    "make|made _ _ arrests",
    "carry|carried out _ _ arrests",
    "arrest|detain|apprehend|nab:V",
    "arrest|arrests|detention",
    "take|took into custody",
    "round|rounded up",
    "raid:V and arrest",
    "in custody",
)
add(
    "CHANGE",
    1.0,
    "appoint|name|elect:V _ _ _ leader|commander|chief|emir|spokesman",
    "appointment of _ _ _ leader|commander|chief|emir",
    "curfew",
    "state of emergency",
    "deploy:V",
    "deployment",
    "reinforcements",
    "troop|troops buildup|movement|movements",
    "military exercise|exercises|drills",
    "recruit:V",
    "recruitment",
    "defect:V",
    "merge:V",
    "dissolve|outlaw|proscribe:V _ _ _ party|parties|group|groups|organisation|organization|organisations|organizations|movement|association|militia",
    "merger",
    "reunification|unification",
    "reunite|reunify|unify:V",
    "splinter:V",
    "split:V from",
    "pledge:V allegiance",
    "ban:V",
    "lockdown",
    "martial law",
    "announce:V _ formation",
    "form:V _ new _ group",
    "movement of forces",
    "security measures",
    "suspend|halt|cease|resume:V _ _ _ operations|activities|attacks|hostilities",
    "ceasefire withdrawal",
    "withdraw:V from _ _ ceasefire|truce",
    "join:V _ peace talks|process",
    "peace talks",
    "patrol|patrols",
    "convoy|convoys arrive:V",
    "establish:V _ checkpoint|checkpoints",
)
add(
    "DISRUPT",
    1.0,
    "defuse:V",
    "dismantle|deactivate|disarm|neutralise|neutralize:V _ _ bomb|bombs|ied|ieds|mine|mines|device|devices|explosive|explosives|charge",
    "intercept:V",
    "shoot|shot down",
    "down:V _ _ _ _ drone|drones|missile|missiles|rocket|rockets|uav|uavs",
    "seize:V _ _ weapons|arms|explosives|ammunition|cache|rifles|guns|grenades",
    "destroy:V _ _ bomb|explosive|ied|device|mine",
    "weapons|arms|ammunition cache|caches|depot",
    "cache|caches|stockpile|stockpiles of _ _ arms|weapons|explosives|ammunition|rifles",
    "bomb - making materials|equipment|components|factory|workshop",
    "explosive materials|precursors",
    "found _ _ explosives|ied|ieds|bomb|bombs|weapons",
    "bomb disposal",
    "controlled explosion|detonation",
    "foil:V",
    "discover|locate|uncover|find:V _ _ _ _ ied|ieds|bomb|bombs|explosives|grenade|grenades|mine|mines|landmine|landmines|device|devices",
    "secure|remove|recover|clear:V _ _ ied|ieds|bomb|bombs|explosives|grenade|grenades|mine|mines|landmine|landmines|device|devices",
)
add(
    "HQ",
    1.0,
    "establish|open|build:V _ _ _ base|bases|headquarters|camp|outpost|outposts",
    "set:V up _ _ _ base|bases|headquarters|camp|outpost|outposts",
    "new base|headquarters|outpost",
    "command post|posts",
)
add(
    "LOOT",
    1.0,
    "loot:V",
    "looting|plunder|pillage",
    "plunder|pillage|ransack:V",
    "burn|torch|raze|destroy|demolish|bulldoze:V _ _ _ house|houses|home|homes|village|villages|shop|shops|property|properties|crops|school|church|mosque|vehicles|vehicle|car|cars|settlement|compound|hamlet|farm|market|granary|hut|office|building",
    "set|torch:V _ _ house|houses|homes|vehicles|property on fire",
    "property destruction",
    "set:V fire to",
    "vandalize|vandalise|deface:V",
    "steal|rob:V",
    "arson",
    "vandalism",
    "seize:V _ land|livestock|cattle",
    "rustle:V",
    "cattle rustling",
)
add(
    "SHUTDOWN",
    1.0,
    "shut|cut|switch|block:V _ _ internet|mobile|telecommunications|communications|phone",
    "internet shutdown|shutdowns|blackout|blackouts",
    "shutdown|shutdowns|blackout|blackouts|suspension of _ _ internet|mobile|telecommunications|phone|communications",
)
add(
    "PROTEST",
    -1.0,
    "planned|upcoming|scheduled|announced|proposed _ rally|rallies|protest|protests|demonstration|demonstrations|march|marches|strike|strikes",
)
add("DISPLACE", -1.0, "displacement|idp|idps|refugee camp|camps|site|sites|centre|center")
add(
    "THREAT",
    1.0,
    "bomb threat|threats|scare|scares",
    "threat|threats of _ bomb|attack|attacks",
    "hoax bomb|bombs",
    "suspicious package|packages|device|object",
)
add("DISPLACE", 1.0, "displace:V", "displacement", "flee:V", "refugees", "evacuate:V", "exodus")
# ---- Non-events: suppress violence cues that describe disasters, accidents and ordinary crime
add(
    "DISASTER",
    1.0,
    "earthquake|earthquakes|flood|floods|flooding|landslide|landslides|cyclone|hurricane|typhoon|tornado|storm|storms|wildfire|wildfires|drought|tsunami|avalanche",
    "accident|accidents|crash|crashes|collision|derail:V",
    "collide:V",
    "heavy rain|rains|snow",
    "fire broke out",
    "outbreak|epidemic|pandemic",
)
add(
    "CRIME",
    1.0,
    "for|of|over stealing|robbing|burgling|shoplifting|speeding|drink-driving|fraud|theft|burglary|robbery|vandalism",
    "drunk|drink driving",
    "robbery|robberies|burglary|burglaries|theft|thefts|fraud|embezzlement|shoplifting|carjacking|mugging|pickpocket",
    "domestic dispute|violence",
    "drunk|drunken",
    "traffic",
    "smuggling|smuggle:V",
    "bribery|corruption",
)
add(
    "GENERIC",
    1.0,
    "almost|nearly daily|weekly",
    "every day|week|month|night",
    "on a daily basis",
    "in recent years|months|weeks",
    "for years|decades",
    "regularly",
    "frequently",
    "often",
)
# ---- Modifiers of remote violence (not events on their own)
# explosive remnants of a past war going off (ACLED codebook: Strategic developments - Other)
add(
    "ERW",
    1.0,
    "remnant|remnants of _ war|wars",
    "explosive remnants",
    "left over|leftover from",
    "leftover|leftovers",
    "from|during the _ _ _ war|wars",
    "war - era|time",
    "wartime",
)
# air power backing ground fighting: the fighting is the event (an armed clash)
add(
    "AIRSUPPORT",
    1.0,
    "supported|backed|covered|aided|assisted|accompanied by _ _ _ _ _ air|aerial strikes|raids|strike|support|cover|power|force|forces",
    "supported|backed|covered|aided|assisted|accompanied by _ _ _ _ _ airstrikes|warplanes|aircraft|helicopters|jets|gunships",
    "with|under _ _ air|aerial support|cover",
    "air|aerial support|cover",
    "in conjunction with _ _ _ _ airstrikes|warplanes|helicopters|jets",
    "in conjunction with _ _ _ _ air strikes|raids",
)
# munitions that were never fired at anyone: an unexploded shell going off is an explosive device
add(
    "IED",
    1.0,
    "unexploded shell|shells|mortar|mortars|rocket|rockets|munition|munitions|bomb|bombs|projectile|projectiles|ordnance|device|devices|round|rounds|grenade|grenades",
)
add(
    "SHELL", -1.0, "unexploded shell|shells|mortar|mortars|rocket|rockets|projectile|projectiles|round|rounds"
)
add("GRENADE", -1.0, "unexploded grenade|grenades")
add(
    "CLASH",
    1.0,
    "return:V fire|gunfire",
    "fire|gunfire|shooting|shots|shelling from|by both sides",
    "both sides exchange|trade:V",
    "small arms|weapons fire",
    "small - arms fire",
    "shots|bursts|rounds involving|of|from _ small arms|weapons",
)
# a killing told by its manner ("burned them to death", "stoned to death"); a death sentence is no killing
add("KILL", 1.0, "to death", "set:V upon")
add("KILL", -1.0, "sentence|sentenced|condemn|condemned to death", "death sentence|penalty|row")
add("CLASH", 1.0, "days|hours|weeks of combat|fighting", "in|after combat")
# fighting a fire, a disease or inflation is no battle
add(
    "CLASH",
    -1.0,
    "battle|fight|combat:V _ _ disease|diseases|virus|fire|fires|wildfire|wildfires|blaze|blazes|flames|illness|cancer|pandemic|epidemic|outbreak|inflation|poverty|corruption|drought|hunger|flood|floods",
    "disease|virus|fire|blaze|illness|pandemic|epidemic|outbreak|inflation to battle|fight|combat",
)
# not violence: efforts "to save" a life, marching "to victory", a ceasefire that "has held"
add(
    "CLASH",
    -1.0,
    "fight|fought|fighting|battle|battled|battling|struggle|struggled _ _ _ to save|rescue|contain|control|revive|keep|win",
)
add("PROTEST", -1.0, "march|marched|marching|sweep|swept to victory|power")
add(
    "AGREE",
    -1.0,
    "ceasefire|truce has|had|have _ held|holds",
    "since the ceasefire|truce|agreement",
    "ceasefire|truce largely held",
)
# sport: the vocabulary of a match (its "attack", "shot", "clash" are no violence)
add(
    "SPORT",
    1.0,
    "goalkeeper|goalkeepers|midfielder|midfielders",
    "score|scored|scores|scoring _ _ goal|goals|twice|hat-trick|penalty",
    "football|soccer|rugby|cricket|basketball|tennis match|matches|club|team|league|final",
    "premier league",
    "champions league",
    "world cup|cup final|semi-final|quarter-final",
    "league|cup title|table",
    "kick-off|kickoff|full-time|half-time",
    "transfer window",
)
add(
    "HEDGE",
    1.0,
    "link:V",
    "believe:V",
    "affiliate|affiliated:V",
    "suspect:V",
    "suspected",
    "allegedly",
    "alleged",
    "reportedly",
    "thought to",
    "blamed",
    "accuse:V",
    "presumed",
    "likely",
)
add(
    "CLAIM",
    1.0,
    "claim:V responsibility|credit",
    "claimed|claims responsibility",
    "take|took|taking responsibility",
    "responsibility for",
    "claim:V the attack|bombing|attack",
)
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"_comment": __doc__.strip()}) + "\n")
    for c in C:
        f.write(json.dumps(c) + "\n")
print(len(C))
