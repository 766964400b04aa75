"""The words of armed violence and its objects: munitions fired, dropped or detonated, aircraft,
territory taken, blows, thrown devices, property and animals, abstract or filmed "attacks"."""

from __future__ import annotations

from eventlens.stages.cues_syntax.lexicon import _nouns, _verbs

FIRE = _verbs("fire", "launch", "lob", "shoot")
DROP = _verbs("drop")
SHELL_OBJECTS = _nouns(
    "mortar",
    "rocket",
    "missile",
    "shell",
    "artillery",
    "howitzer",
    "projectile",
    "grad",
    "katyusha",
    "barrage",
    "salvo",
    "ballistic",
    "launcher",
)
CAPTURE = _verbs("seize", "capture", "overrun", "conquer", "overtake")
#: Verbs that only ever take territory or positions as object: any named object is a place
#: (the small model often tags an unknown village as an organisation).
TERRITORY_ONLY = _verbs("overrun", "conquer", "overtake")
#: Animals killed or stolen: property, not people ("killed 25 heads of cattle").
ANIMALS = _nouns(
    "cattle",
    "cow",
    "livestock",
    "goat",
    "sheep",
    "camel",
    "donkey",
    "horse",
    "pig",
    "ox",
    "oxen",
    "animal",
    "herd",
    "head",
    "poultry",
    "chicken",
    "buffalo",
    "dog",
)
SLAUGHTER = _verbs("kill", "slaughter", "shoot", "butcher", "poison", "maim")
#: Objects of "beat" that are beaten in a contest, not struck ("beating their closest rivals").
CONTEST_OBJECTS = _nouns(
    "rival", "opponent", "competitor", "challenger", "incumbent", "favourite", "favorite", "record"
)
#: "Flee" said of the perpetrators is their escape, not a displacement of people.
FLEE = _verbs("flee", "escape")
#: Targets of "attack", "hit", "target" that are not people or places: words, plans, computers.
ABSTRACT_TARGETS = _nouns(
    "plan",
    "budget",
    "policy",
    "value",
    "democracy",
    "website",
    "server",
    "network",
    "system",
    "account",
    "data",
    "computer",
    "record",
    "reputation",
    "decision",
    "remark",
    "proposal",
    "bill",
    "law",
    "reform",
    "freedom",
    "economy",
    "currency",
    "price",
    "idea",
    "speech",
    "statement",
    "comment",
    "credibility",
    "integrity",
    "institution",
    "constitution",
    "sovereignty",
    "press",
    "media",
    "critic",
    "opponent",
    "rival",
    "campaign",
    "programme",
    "program",
    "strategy",
    "deal",
    "report",
    "claim",
    "app",
    "platform",
    # markets: "shares were slaughtered", "a bloodbath hit stocks" (not "market": a marketplace is attacked)
    "share",
    "stock",
    "bond",
    "index",
)
#: What cameras "shoot".
FILMED = _nouns(
    "film",
    "series",
    "scene",
    "video",
    "footage",
    "photo",
    "photograph",
    "picture",
    "movie",
    "documentary",
    "portrait",
    "episode",
    "advert",
    "commercial",
    "clip",
    "image",
    "sequence",
)
STRIKE_WORDS = _verbs("attack", "target", "hit", "hammer", "slam", "blast")
#: Words that make a munition a remnant rather than one fired in the incident.
REMNANT = frozenset("unexploded old leftover abandoned dud undetonated".split())
SEIZE_PROPERTY = _verbs("seize", "confiscate", "expropriate", "grab", "appropriate")
PROPERTY = _nouns(
    "house",
    "home",
    "land",
    "shop",
    "store",
    "clinic",
    "property",
    "building",
    "farm",
    "farmland",
    "plot",
    "field",
    "livestock",
    "cattle",
    "goat",
    "sheep",
    "camel",
    "crop",
    "harvest",
    "office",
    "residence",
    "plantation",
    "orchard",
    "hotel",
    "restaurant",
    "business",
    "warehouse",
)
RECAPTURE = _verbs("retake", "recapture", "regain", "liberate", "reclaim")
TERRITORY = _nouns(
    "town",
    "city",
    "village",
    "district",
    "base",
    "area",
    "territory",
    "locality",
    "camp",
    "headquarters",
    "position",
    "hill",
    "airport",
    "bridge",
    "province",
    "region",
    "county",
    "outpost",
    "garrison",
    "crossing",
    "port",
    "settlement",
    "neighbourhood",
    "neighborhood",
    "capital",
    "stronghold",
)
DETONATE = _verbs("explode", "detonate", "blow", "go", "rip")
IMPACT = _verbs("fall", "land", "hit", "strike", "slam", "rain", "explode", "crash", "pound", "struck")
MANNED_AIRCRAFT = _nouns(
    "helicopter", "jet", "plane", "aircraft", "warplane", "airplane", "bomber", "gunship"
)
#: What aircraft do to a target: "warplanes of the coalition bombed a wedding party".
AIR_ACTS = _verbs(
    "bomb",
    "strike",
    "hit",
    "target",
    "attack",
    "pound",
    "raid",
    "strafe",
    "shell",
    "fire",
    "launch",
    "slam",
    "crash",
    "smash",
    "plunge",
)
#: A drone "slammed into a building" is an attack; a helicopter that crashed is an accident.
DRONE_ONLY_ACTS = _verbs("slam", "crash", "smash", "plunge")
DRONES = _nouns("drone", "uav")
AIRCRAFT = MANNED_AIRCRAFT | _nouns("drone", "uav")
DROP_OBJECTS = _nouns("bomb", "explosive", "grenade", "munition", "ordnance", "payload", "device")
#: What a subject of "exploded" must be for an IED reading (built once: the loop runs per token).
DETONATED = DROP_OBJECTS | _nouns("mine", "landmine", "ied")
ARMED_OBJECTS = _nouns(
    "position",
    "post",
    "outpost",
    "checkpoint",
    "base",
    "trench",
    "troop",
    "soldier",
    "force",
    "militant",
    "fighter",
    "rebel",
    "insurgent",
    "convoy",
    "patrol",
    "unit",
    "army",
    "barrack",
    "garrison",
    "militia",
    "policeman",
    "police",
)
BLOWS = _verbs(
    "hit",
    "punch",
    "kick",
    "slap",
    "beat",
    "assault",
    "stab",
    "whip",
    "flog",
    "club",
    "bludgeon",
    "strangle",
    "choke",
    "batter",
    "torture",
    "maim",
    "stone",
)
#: Thrown explosives are grenades in ACLED's sense ("hurled three bombs at a convoy").
THROW = _verbs("throw", "hurl", "lob", "toss")
THROWN = _nouns("bomb", "explosive", "device", "grenade", "ied")
NOT_THROWN = frozenset(
    {"petrol", "molotov", "gasoline", "fire", "smoke", "stun", "paint", "tear", "water", "sound"}
)
