"""One-off writer of src/eventlens/data/entities.jsonl (kept for provenance; edit the JSONL directly now).

Sources: weapon names - Wikipedia "List of artillery", "Improvised explosive device", common
news usage; armed groups - Wikipedia "List of designated terrorist groups", "List of armed groups in
the Syrian/Iraqi/... civil war" and ACLED's public actor naming; security forces - generic English.
"""
import json, sys

W = {  # weapon mention -> kind
 "rocket": ["rocket", "rockets", "katyusha", "katyushas", "katyusha rocket", "katyusha rockets", "grad rocket", "grad rockets", "qassam", "rpg", "rpgs", "rocket-propelled grenade", "rocket-propelled grenades", "himars", "mlrs", "multiple rocket launcher"],
 "missile": ["missile", "missiles", "ballistic missile", "ballistic missiles", "cruise missile", "cruise missiles", "scud", "iskander", "kalibr", "tochka", "anti-tank missile", "atgm"],
 "mortar": ["mortar", "mortars", "mortar shell", "mortar shells", "mortar round", "mortar rounds", "mortar bomb", "mortar bombs"],
 "artillery": ["artillery", "howitzer", "howitzers", "shell", "shells", "artillery shell", "artillery shells", "tank shell", "tank shells"],
 "drone": ["drone", "drones", "uav", "uavs", "armed drone", "kamikaze drone", "kamikaze drones", "shahed", "loitering munition", "quadcopter", "bayraktar"],
 "aircraft": ["warplane", "warplanes", "fighter jet", "fighter jets", "jet", "jets", "helicopter gunship", "helicopter gunships", "helicopter", "helicopters", "bomber", "bombers", "barrel bomb", "barrel bombs"],
 "ied": ["ied", "ieds", "improvised explosive device", "improvised explosive devices", "roadside bomb", "roadside bombs", "car bomb", "car bombs", "vbied", "landmine", "landmines", "land mine", "land mines", "mine", "mines", "explosive device", "explosive devices", "sticky bomb", "magnetic bomb", "bomb", "bombs", "booby trap", "explosives", "unexploded ordnance", "uxo"],
 "suicide": ["suicide vest", "suicide belt", "explosive vest", "suicide car bomb", "svbied"],
 "grenade": ["grenade", "grenades", "hand grenade", "hand grenades"],
 "firearm": ["gun", "guns", "rifle", "rifles", "ak-47", "kalashnikov", "pistol", "pistols", "machine gun", "machine guns", "firearm", "firearms", "live ammunition", "live rounds", "bullets", "gunfire", "small arms", "light weapons", "shots", "gunshots", "assault rifles", "automatic weapons"],
 "bladed": ["knife", "knives", "machete", "machetes", "axe", "sword", "swords", "dagger"],
 "incendiary": ["molotov cocktail", "molotov cocktails", "petrol bomb", "petrol bombs", "firebomb", "firebombs"],
 "chemical": ["chlorine", "sarin", "mustard gas", "nerve agent", "chemical weapon", "chemical weapons"],
 "less-lethal": ["tear gas", "teargas", "rubber bullets", "water cannon", "water cannons", "batons", "pellet guns", "stun grenades"],
}
GROUPS = [
 "Taliban", "Islamic State", "ISIS", "ISIL", "Daesh", "IS militants", "Islamic State West Africa Province", "ISWAP",
 "Islamic State Khorasan", "ISIS-K", "ISKP", "al-Qaeda", "al Qaeda", "Al-Qaida", "AQAP", "AQIM", "al-Shabaab", "al-Shabab", "Al Shabaab",
 "Boko Haram", "JNIM", "Hezbollah", "Hizbollah", "Hamas", "Islamic Jihad", "Palestinian Islamic Jihad", "Houthis", "Houthi",
 "Ansar Allah", "PKK", "YPG", "SDF", "QSD", "Syrian Democratic Forces", "HTS", "Hayat Tahrir al-Sham", "Free Syrian Army", "FSA", "FARC", "ELN",
 "M23", "ADF", "Allied Democratic Forces", "LRA", "Wagner", "Wagner Group", "Kataib Hezbollah", "Kata'ib Hezbollah", "Asaib Ahl al-Haq", "Asaib Ahl Al Haq",
 "Popular Mobilization Forces", "PMF", "Hashd al-Shaabi", "Tehreek-e-Taliban Pakistan", "TTP", "Lashkar-e-Taiba", "Jaish-e-Mohammed",
 "Arakan Army", "Kachin Independence Army", "KIA", "People's Defence Force", "People's Defense Force", "PDF", "New People's Army", "NPA",
 "Abu Sayyaf", "BIFF", "Maute", "anti-Balaka", "Seleka", "Rapid Support Forces", "RSF", "Janjaweed", "Mai-Mai", "Mai Mai", "CODECO",
 "Ambazonian separatists", "Amba Boys", "Al-Aqsa Martyrs Brigades", "Polisario", "Sinaloa Cartel", "Jalisco New Generation Cartel", "CJNG",
 "Gulf Clan", "Clan del Golfo", "MS-13", "Mara Salvatrucha", "Barrio 18", "OLA", "Oromo Liberation Army", "TPLF", "Fano", "Azov",
 "Tigray Defense Forces", "TDF", "SPLA-IO", "Sudan People's Liberation Movement-North", "Ansaru", "Lakurawa", "Hurras al-Din",
]
GENERIC_GROUP = ["militants", "militant", "insurgents", "insurgent", "rebels", "rebel", "jihadists", "jihadist", "gunmen", "gunman",
 "militiamen", "militia", "militias", "armed men", "armed individuals", "armed persons", "armed suspects", "gang", "gangs",
 "gang members", "gang member", "cartel", "cartels", "hitmen", "shooters", "kidnappers", "abductors", "poachers", "pirates", "armed group", "armed groups", "separatists", "bandits", "terrorists", "fighters",
 "assailants", "attackers", "extremists", "guerrillas", "insurgent group", "armed assailants", "unknown gunmen", "unidentified gunmen",
 "tribesmen", "armed tribesmen", "tribal militia", "tribal militias", "clansmen", "clan militia", "clan militias", "tribal fighters", "clan fighters"]
SECURITY = ["police", "policemen", "policeman", "police officers", "police officer", "officers", "soldiers", "soldier", "troops", "army",
 "military", "security forces", "security personnel", "gendarmes", "gendarmerie", "national guard", "border guards", "border police",
 "special forces", "coast guard", "paramilitary", "paramilitaries", "commandos", "marines", "riot police", "armed forces", "servicemen",
 "peacekeepers", "navy", "air force", "counter-terrorism forces", "police forces", "military forces", "forces",
 "army units", "military units", "units", "battalions", "infantry", "artillery units", "military police", "militarized police",
 "Peshmerga", "peshmerga", "customs officers", "customs officials", "border guard", "volunteer fighters"]
CASUALTY = ["casualties", "fatalities", "deaths", "dead", "wounded", "injured", "injuries", "bodies", "victims", "death toll", "toll"]

AMBIGUOUS = {"mine", "mines", "shell", "shells", "jet", "jets", "bomb", "bombs", "gun", "guns", "dead", "wounded", "injured", "toll", "military", "army", "navy", "officers", "officer", "drone", "drones", "fighters"}


def tok_pattern(phrase):
    toks = []
    words = phrase.replace("-", " - ").split()
    for t in words:
        tok = {"LOWER": t.lower()}
        if len(words) == 1 and t.lower() in AMBIGUOUS:
            # one ambiguous word ("mine", "shell"): only as a noun
            tok["POS"] = {"IN": ["NOUN", "PROPN"]}
        toks.append(tok)
    return toks

out = []
for kind, names in W.items():
    for n in names:
        out.append({"label": "WEAPON", "id": kind, "pattern": tok_pattern(n)})
for g in GROUPS:
    out.append({"label": "ARMED_GROUP", "id": "named", "pattern": tok_pattern(g) if not g.isupper() else [{"TEXT": g}]})
# "<Proper> militia/brigade(s)/movement/front/army" names
for head in ["militia", "militias", "brigade", "brigades", "battalion", "movement", "front", "liberation army", "liberation front"]:
    out.append({"label": "ARMED_GROUP", "id": "named", "pattern": [{"POS": "PROPN", "OP": "+", "IS_TITLE": True}] + tok_pattern(head)})
for g in GENERIC_GROUP:
    out.append({"label": "ARMED_GROUP", "id": "generic", "pattern": tok_pattern(g)})
for s in SECURITY:
    out.append({"label": "SECURITY_FORCE", "id": "generic", "pattern": tok_pattern(s)})
for c in CASUALTY:
    out.append({"label": "CASUALTY", "id": "noun", "pattern": tok_pattern(c)})
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"_comment": "Domain entity patterns for spaCy's EntityRuler. label: WEAPON (id = kind), ARMED_GROUP (id = named|generic), SECURITY_FORCE, CASUALTY. Sources: Wikipedia lists of weapons and of designated armed groups; ACLED public actor names; generic English news vocabulary. Generated once by tools/make_entity_patterns.py; edit here."}) + "\n")
    for o in out:
        f.write(json.dumps(o) + "\n")
print(len(out))
