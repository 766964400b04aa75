"""The words of actor names: the vocabulary the matcher reads (hedges, group nouns, force,
armed, crowd and civilian words) and the one normalised key every lookup uses.

``actor_key("Al-Shabaab\u2019s fighters")`` -> ``"al shabaab fighters"``: case, accents, mojibake
(UTF-8 read as cp1252), hyphens, apostrophes, a possessive ``'s``, dotted acronyms ("U.S.") and
British spellings ("defence", "organisation") do not matter. Used by ``actor_dictionary`` to key
ACLED's names and aliases and by ``actor_names`` to key the words of a text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["actor_key", "actor_tokens"]


_HEDGES = frozenset(
    """the a an some several many dozens dozen hundreds scores numerous few other more
    suspected presumed alleged purported apparent possible likely reported heavily
    overnight unknown number of""".split()
)
_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty".split()
)
_LEAD_OF = frozenset(
    """members member elements element group groups unit units fighters militants cadres band
    team squad""".split()
)
#: group nouns after a name: "al-Shabaab fighters", "Houthi rebels", "ADF elements"
_GROUP_NOUNS = frozenset(
    """militants militant fighters fighter rebels rebel insurgents insurgent members member elements
    cadres cadre militiamen militiaman gunmen gunman jihadists jihadist terrorists terrorist
    combatants operatives forces force group groups militia militias army troops men loyalists
    supporters guerrillas guerrilla extremists soldiers""".split()
)
_MILITARY = frozenset(
    """army armies military troops troop soldiers soldier forces force servicemen serviceman
    marines paratroopers commandos warplanes warplane jets jet aircraft drones drone artillery
    navy gunships helicopters tanks airstrikes airstrike strikes shelling missiles rockets""".split()
)
_AIR = frozenset("warplanes warplane jets jet aircraft gunships helicopters airstrikes airstrike".split())
_POLICE = frozenset(
    "police policemen policeman officers officer gendarmes gendarmerie constables cops detectives detective".split()
)
_ARMED = frozenset(
    """gunmen gunman assailants assailant attackers attacker militants militant insurgents insurgent
    rebels rebel jihadists jihadist terrorists terrorist bandits bandit kidnappers kidnapper abductors
    extremists extremist perpetrators perpetrator shooters shooter fighters fighter militiamen militiaman
    militia militias gunmen raiders raider snipers sniper assassins assassin""".split()
)
_ARMED_PAIRS = (
    "armed men",
    "armed individuals",
    "armed persons",
    "armed group",
    "armed groups",
    "armed assailants",
    "armed suspects",
    "unknown persons",
    "unidentified persons",
    "unidentified men",
    "unknown men",
)
_REBEL = frozenset("rebels rebel insurgents insurgent guerrillas guerrilla separatists separatist".split())
_GANG = frozenset(
    """gang gangs gangsters gangster cartel cartels traffickers trafficker criminals criminal hitmen
    hitman sicarios mafia""".split()
)
_PROTEST = frozenset(
    """protesters protester protestors protestor demonstrators demonstrator marchers strikers
    activists crowd crowds""".split()
)
_RIOT = frozenset("rioters rioter mob mobs looters".split())
_CIVIL = frozenset(
    """civilians civilian villagers villager residents resident people persons person passengers
    worshippers pedestrians locals children women men farmers herders traders students""".split()
)
_NOT_STATE_PREFIX = frozenset("pro anti".split())
#: Words of a non-state group's own name: a country's adjective with one of these and "Army"
#: ("Irish Republican Army", "Free Syrian Army", "Kosovo Liberation Army") names a group, never
#: the state's military. ("national" is not one: "Afghan National Army" is the state's.)
_GROUP_NAME_WORDS = frozenset(
    """republican republicans liberation free people peoples popular revolutionary democratic
    patriotic volunteer volunteers resistance salvation real provisional continuity independence
    freedom""".split()
)
#: The last word of a group's name ("... Liberation Army", "... Popular Front"): a name that
#: goes on with one of these ("Republican" before "Army") is part of a longer name.
_GROUP_HEADS = frozenset(
    """army front movement party council brigade brigades union organization organisation
    forces force guard guards corps alliance""".split()
)
#: What may follow a country's name in a phrase naming its forces ("Saudi-led coalition
#: warplanes", "Kenyan special police officers").
_FORCE_WORDS = (
    _MILITARY
    | _POLICE
    | _GROUP_NOUNS
    | frozenset("air force forces security special naval armed government regime led coalition state".split())
)
_STOP_SHORT = frozenset("is us it as at an am be do go he if in me my no of on or so to up we".split())
_THE = ("United", "Democratic", "Central", "Czech", "Dominican", "Philippines", "Netherlands", "Gambia")
_PERIOD = re.compile(r"^(.*?)\s*\((\d{4})-(\d{4})?\)\s*(.*)$")


# --------------------------------------------------------------------------- normalising
def _repair(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("â€™", "Ã©"), the archives' commonest mojibake."""
    if not any(m in text for m in ("Ã", "â€", "Â")):
        return text
    for enc in ("cp1252", "latin-1"):
        try:
            return text.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", _repair(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=[A-Za-z])[\u2019']s\b", "", text)  # IRA's -> IRA, People's -> People (both sides)
    text = re.sub(r"[\u2018\u2019\u02bc`\u00b4']", "", text)  # Kata'ib -> Kataib
    return re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)  # U.S. -> US


def actor_tokens(text: str) -> tuple[list[str], list[str]]:
    """(lowercased tokens, the same tokens as written) of ``text``, folded as ``actor_key`` folds
    them (the written forms keep their case: acronyms are told by it)."""
    low, raw = _actor_tokens(text)
    return list(low), list(raw)


@lru_cache(maxsize=65536)
def _actor_tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # memoised: the actor finder asks for the same words' tokens once per window it tries
    # (a third of extraction time went to folding the same words again)
    raw = re.findall(r"[A-Za-z0-9]+", _fold(text))
    return tuple(_spelling(t.lower()) for t in raw), tuple(raw)


def _spelling(tok: str) -> str:
    return {
        "defence": "defense",
        "defences": "defenses",
        "organisation": "organization",
        "protestors": "protesters",
        "protestor": "protester",
    }.get(tok, tok)


def actor_key(text: str) -> str:
    """The normalised key of ``text`` that names and aliases are stored and looked up under."""
    return " ".join(actor_tokens(text)[0])


def _singular(tok: str) -> str:
    if len(tok) > 3 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
        return tok[:-1]
    return tok


#: The words that end a group's own name (not a unit's: "Brigade", "Forces"): a name followed
#: by one is part of a longer name ("Republican" in "Irish Republican Army").
_NAME_ENDS = frozenset("army front movement party".split())


def _inside_name(toks: list[tuple[int, int, str]], reach: list[int], i: int, n: int, mixed: bool) -> bool:
    """Are tokens ``i .. i+n-1`` part of a longer group name: after a group-name word joined to
    them ("Free Syrian Army": not "Syrian Army") or before a name's last word ("Irish
    Republican Army": not "Republican")? In mixed-case text those words are capitalised."""

    def named(k: int, words: frozenset[str]) -> bool:
        t = toks[k][2]
        return actor_key(t) in words and (t[:1].isupper() or not mixed)

    if i > 0 and reach[i - 1] > 1 and named(i - 1, _GROUP_NAME_WORDS):
        return True
    # (a unit word after a name is the name's unit: "the 5th Southern Resistance Brigade")
    return i + n < len(toks) and reach[i + n - 1] > 1 and named(i + n, _NAME_ENDS)
