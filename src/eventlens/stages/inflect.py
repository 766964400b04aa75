"""English word forms for matching cue phrases without the lemmatiser: verb forms (regular rules
plus a small irregular table) and noun plurals. Shared by the cue matcher and the syntactic cues."""

from __future__ import annotations

IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shot", "shooting", "shoots"),
    "fight": ("fought", "fighting", "fights"),
    "blow": ("blew", "blown", "blowing", "blows"),
    "beat": ("beat", "beaten", "beating", "beats"),
    "throw": ("threw", "thrown", "throwing", "throws"),
    "hold": ("held", "holding", "holds"),
    "flee": ("fled", "fleeing", "flees"),
    "set": ("set", "setting", "sets"),
    "burn": ("burnt", "burned", "burning", "burns"),
    "strike": ("struck", "striking", "strikes"),
    "retake": ("retook", "retaken", "retaking", "retakes"),
    "overtake": ("overtook", "overtaken", "overtaking", "overtakes"),
    "take": ("took", "taken", "taking", "takes"),
    "seek": ("sought", "seeking", "seeks"),
    "lead": ("led", "leading", "leads"),
    "break": ("broke", "broken", "breaking", "breaks"),
    "go": ("went", "gone", "going", "goes"),
    "fall": ("fell", "fallen", "falling", "falls"),
    "lay": ("laid", "laying", "lays"),
    "hit": ("hit", "hitting", "hits"),
    "open": ("opened", "opening", "opens"),
    "find": ("found", "finding", "finds"),
    "slay": ("slew", "slain", "slaying"),
    "steal": ("stole", "stolen", "stealing", "steals"),
    "overrun": ("overran", "overrunning", "overruns"),
    "drive": ("drove", "driven", "driving", "drives"),
    "shut": ("shut", "shutting"),
    "lob": ("lobbed", "lobbing", "lobs"),
    "rip": ("ripped", "ripping", "rips"),
    "nab": ("nabbed", "nabbing", "nabs"),
    "rob": ("robbed", "robbing", "robs"),
    "stab": ("stabbed", "stabbing", "stabs"),
    "gun": ("gunned", "gunning", "guns"),
    "plan": ("planned", "planning"),
    "slam": ("slammed", "slamming", "slams"),
    "flog": ("flogged", "flogging", "flogs"),
    "step": ("stepped", "stepping", "steps"),
    "ban": ("banned", "banning", "bans"),
    "whip": ("whipped", "whipping", "whips"),
    "rustle": ("rustled", "rustling"),
    "pledge": ("pledged", "pledging", "pledges"),
    # more common irregular verbs (past, participle): cue patterns of any of them must match the
    # past tense news is told in ("withdrew from", "ran over a mine")
    "withdraw": ("withdrew", "withdrawn", "withdrawing", "withdraws"),
    "run": ("ran", "run", "running", "runs"),
    "ride": ("rode", "ridden", "riding", "rides"),
    "sit": ("sat", "sitting", "sits"),
    "stand": ("stood", "standing", "stands"),
    "bring": ("brought", "bringing", "brings"),
    "catch": ("caught", "catching", "catches"),
    "leave": ("left", "leaving", "leaves"),
    "meet": ("met", "meeting", "meets"),
    "send": ("sent", "sending", "sends"),
    "fly": ("flew", "flown", "flying", "flies"),
    "draw": ("drew", "drawn", "drawing", "draws"),
    "hang": ("hung", "hanged", "hanging", "hangs"),
    "hide": ("hid", "hidden", "hiding", "hides"),
    "lose": ("lost", "losing", "loses"),
    "light": ("lit", "lighted", "lighting", "lights"),
    "tear": ("tore", "torn", "tearing", "tears"),
    "wear": ("wore", "worn", "wearing", "wears"),
    "win": ("won", "winning", "wins"),
    "swear": ("swore", "sworn", "swearing", "swears"),
    "spread": ("spread", "spreading", "spreads"),
    "cut": ("cut", "cutting", "cuts"),
    "put": ("put", "putting", "puts"),
    "split": ("split", "splitting", "splits"),
    "shake": ("shook", "shaken", "shaking", "shakes"),
    "sink": ("sank", "sunk", "sinking", "sinks"),
    "sling": ("slung", "slinging", "slings"),
    "stick": ("stuck", "sticking", "sticks"),
    "sell": ("sold", "selling", "sells"),
    "buy": ("bought", "buying", "buys"),
    "keep": ("kept", "keeping", "keeps"),
    "make": ("made", "making", "makes"),
    "give": ("gave", "given", "giving", "gives"),
    "get": ("got", "gotten", "getting", "gets"),
    "come": ("came", "coming", "comes"),
    "begin": ("began", "begun", "beginning", "begins"),
    "rise": ("rose", "risen", "rising", "rises"),
    "seize": ("seized", "seizing", "seizes"),
    "dig": ("dug", "digging", "digs"),
    "bind": ("bound", "binding", "binds"),
    "grind": ("ground", "grinding", "grinds"),
    "swing": ("swung", "swinging", "swings"),
    "wound": ("wounded", "wounding", "wounds"),
    "feed": ("fed", "feeding", "feeds"),
    "bleed": ("bled", "bleeding", "bleeds"),
    "overthrow": ("overthrew", "overthrown", "overthrowing", "overthrows"),
    "undertake": ("undertook", "undertaken", "undertaking", "undertakes"),
    "mistake": ("mistook", "mistaken", "mistaking"),
    "quit": ("quit", "quitting", "quits"),
    "bear": ("bore", "borne", "bearing", "bears"),
    "strive": ("strove", "striven", "striving"),
    "forsake": ("forsook", "forsaken"),
    "stride": ("strode", "striding"),
    "pay": ("paid", "paying", "pays"),
    "say": ("said", "saying", "says"),
    "deal": ("dealt", "dealing", "deals"),
    "mean": ("meant", "meaning", "means"),
    "spend": ("spent", "spending", "spends"),
    "build": ("built", "building", "builds"),
    "hear": ("heard", "hearing", "hears"),
    "know": ("knew", "known", "knowing", "knows"),
    "see": ("saw", "seen", "seeing", "sees"),
    "tell": ("told", "telling", "tells"),
    "think": ("thought", "thinking", "thinks"),
    "write": ("wrote", "written", "writing", "writes"),
    "speak": ("spoke", "spoken", "speaking", "speaks"),
    "choose": ("chose", "chosen", "choosing", "chooses"),
    "freeze": ("froze", "frozen", "freezing", "freezes"),
    "arise": ("arose", "arisen", "arising", "arises"),
}
_VOWELS = set("aeiou")


def verb_forms(w: str) -> set[str]:
    """Common English verb forms of ``w`` (regular rules plus a small irregular table)."""
    out = {w}
    if w in IRREGULAR:
        out.update(IRREGULAR[w])
    if w.endswith("e"):
        out.update({w + "s", w + "d", w[:-1] + "ing"})
    elif w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out.update({w[:-1] + "ies", w[:-1] + "ied", w + "ing"})
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        out.update({w + "es", w + "ed", w + "ing"})
    else:
        out.update({w + "s", w + "ed", w + "ing"})
        if len(w) >= 3 and w[-1] in "bdgmnprt" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            out.update({w + w[-1] + "ed", w + w[-1] + "ing"})  # kidnap -> kidnapped, kidnapping
    return out


def noun_forms(w: str) -> set[str]:
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return {w, w + "es"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        return {w, w[:-1] + "ies"}
    return {w, w + "s"}
