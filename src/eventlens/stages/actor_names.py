"""ACLED's name for the words a text uses for an actor (issue 15, item 4).

``canonical_actor("Russian drones", "Ukraine")`` -> ``Military Forces of Russia (2000-)``;
``canonical_actor("al-Shabaab fighters", "Somalia")`` -> ``Al Shabaab``; ``canonical_actor(
"unidentified gunmen", "Kenya")`` -> ``Unidentified Armed Group (Kenya)``. The names and aliases
are data (``data/acled_actors.tsv``, ``data/acled_countries.tsv``, built by
``tools/build_actor_names.py`` from ACLED's actor columns: names only, no ACLED rows), loaded
once on first use. Matching is a few dictionary lookups on a normalised key: case, accents,
mojibake (UTF-8 read as cp1252), hyphens, apostrophes, "defence"/"defense", a plural ``s``,
hedges in front ("suspected", "two", "members of") and group nouns behind a name ("militants",
"fighters", "rebels") do not matter. Rules, in order:

1. the whole phrase (hedges stripped) is a known name or alias;
2. a country's demonym or name with a force word ("Turkish jets", "Kenyan police") -> that
   country's state forces (its current ACLED period; the air force where ACLED has one);
3. the phrase without its group noun ("Houthi rebels" -> "Houthi"), then the longest known
   alias inside it ("suspected Boko Haram insurgents");
4. generic words -> ACLED's templates with the event's country: gunmen, assailants, militants ->
   ``Unidentified Armed Group (C)`` (gang words -> ``Unidentified Gang (C)`` where ACLED uses it),
   protesters -> ``Protesters (C)``, rioters -> ``Rioters (C)``, civilians -> ``Civilians (C)``,
   soldiers/police alone -> the event country's state forces;
5. ``kind_hint`` (what the caller already decided: "military", "police", "state", "armed",
   "protesters", "rioters", "civilians") when the words say nothing.

A capitalised name the dictionary does not know gives ``None``: the caller keeps what it has
rather than call a named group "unidentified". ``rename_actor(name, mention, country)`` applies
this to an actor the pipeline has already named provisionally; ``find_actors(text, country)``
lists the known actors written in a text, with offsets, for incidents with no actor words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

__all__ = [
    "ActorMention",
    "ActorName",
    "air_force",
    "canonical_actor",
    "find_actors",
    "known_actor",
    "normalise_country",
    "rename_actor",
]


@dataclass(frozen=True, slots=True)
class ActorName:
    """An ACLED actor name for some words: ``name`` (ACLED's spelling), ``inter`` (ACLED inter
    code: 1 state, 2 rebels, 3 political militia, 4 identity militia, 5 rioters, 6 protesters,
    7 civilians, 8 external forces), ``alias`` (the normalised words that matched, or the rule),
    ``country`` (the actor's own country, ACLED's spelling, when known), ``rule`` (how: "name" a
    known name or alias, "state" a demonym with a force word, "generic" a template from generic
    words, "hint" from ``kind_hint`` alone)."""

    name: str
    inter: int
    alias: str
    country: str | None = None
    rule: str = "name"


# --------------------------------------------------------------------------- vocabulary
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
    "police policemen policeman officers officer gendarmes gendarmerie constables cops".split()
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
_TOKEN = re.compile(r"[a-z0-9]+")


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


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """(lowercased tokens, the same tokens as written) of ``text``."""
    raw = re.findall(r"[A-Za-z0-9]+", _fold(text))
    low = [_spelling(t.lower()) for t in raw]
    return low, raw


def _spelling(tok: str) -> str:
    return {
        "defence": "defense",
        "defences": "defenses",
        "organisation": "organization",
        "protestors": "protesters",
        "protestor": "protester",
    }.get(tok, tok)


def _key(text: str) -> str:
    return " ".join(_tokens(text)[0])


def _singular(tok: str) -> str:
    if len(tok) > 3 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
        return tok[:-1]
    return tok


# --------------------------------------------------------------------------- the dictionary
@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str
    inter: int
    count: int
    countries: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: int
    only: str | None  # applies only to events in this country
    upper: bool  # a short acronym that is also an English word ("IS"): only written in capitals
    acronym: bool = False  # one word written with capitals inside ("LeT", "JNIM"): "Let" is not it


class _Names:
    def __init__(self) -> None:
        data = resources.files("eventlens") / "data"
        self.entries: list[_Entry] = []
        self.aliases: dict[str, list[_Alias]] = {}
        self.state: dict[tuple[str, str], int] = {}  # (country, "military"|"police"|unit) -> entry
        self.names: dict[str, int] = {}
        self.country_key: dict[str, str] = {}  # any name / code, normalised -> ACLED country name
        self.demonym: dict[str, list[str]] = {}  # normalised demonym -> countries (ACLED-seen first)
        self.acled_countries: set[str] = set()
        self.codes: set[str] = set()  # ISO codes and capitalised abbreviations ("AND", "PER", "US")
        for line in (data / "acled_countries.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("name\t") or not line.strip():
                continue
            name, iso2, iso3, names, demonyms, source = line.split("\t")
            seen = source.startswith("ACLED")
            if seen:
                self.acled_countries.add(name)
            for n in [name, iso3, *(x for x in names.split(" | ") if x)]:
                k = _key(n)
                if k and (k not in self.country_key or seen):
                    self.country_key[k] = name
            self.country_key.setdefault(iso2.lower(), name)
            self.codes |= {iso2.lower(), iso3.lower()} | {_key(x) for x in names.split(" | ") if x.isupper()}
            for d in (x for x in demonyms.split(" | ") if x):
                for k in {_key(d), _key(d) + "s"}:
                    lst = self.demonym.setdefault(k, [])
                    lst.insert(0, name) if seen else lst.append(name)
        for line in (data / "acled_actors.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("name\t") or not line.strip():
                continue
            name, country, inter, count, others, aliases, _source, note = line.split("\t")
            i = len(self.entries)
            self.entries.append(
                _Entry(
                    name,
                    country,
                    int(inter),
                    int(count),
                    frozenset([country, *filter(None, others.split(";"))]),
                )
            )
            self.names.setdefault(_key(name), i)
            self._add(_key(name), i, None, name)
            if name.startswith("The "):
                self._add(_key(name[4:]), i, None, name)
            for a in filter(None, aliases.split(" | ")):
                text, _, only = a.partition("@")
                self._add(_key(text), i, only or None, text)
            m = _PERIOD.match(name)
            st = re.match(r"^(Military|Police) Forces of (?:the )?(.+)$", m.group(1)) if m else None
            if m and st and not note.startswith("older"):
                unit = m.group(4).strip().lower() or st.group(1).lower()
                self.state.setdefault((country, unit), i)
        # "Mayi Mayi Militia" is also "Mayi Mayi" (+ "militiamen"): a name's own group noun may go
        for key, lst in list(self.aliases.items()):
            toks = key.split()
            if (
                len(toks) > 1
                and toks[-1] in _GROUP_NOUNS
                and not set(toks[:-1]) <= _GROUP_NOUNS | _HEDGES | {"of", "the"}
            ):
                short = " ".join(toks[:-1])
                if short not in self.aliases and short not in self.country_key and short not in self.demonym:
                    self.aliases[short] = list(lst)

    def _add(self, key: str, entry: int, only: str | None, written: str) -> None:
        if not key:
            return
        upper = key in _STOP_SHORT or (len(key) <= 2)
        acronym = " " not in key and sum(c.isupper() for c in written) >= 2
        lst = self.aliases.setdefault(key, [])
        if not any(a.entry == entry and a.only == only for a in lst):
            lst.append(_Alias(entry, only, upper, acronym))

    # ---------------------------------------------------------------- lookups
    def country(self, text: str | None) -> str | None:
        if not text:
            return None
        k = _key(text)
        return self.country_key.get(k) or self.country_key.get(re.sub(r"^the ", "", k))

    def lookup(
        self, low: list[str], raw: list[str], country: str | None, *, lower_ok: bool = False
    ) -> int | None:
        """The entry a whole token sequence names, for an event in ``country``."""
        if not low:
            return None
        key = " ".join(low)
        cands = self.aliases.get(key) or self.aliases.get(" ".join(low[:-1] + [_singular(low[-1])]))
        if not cands:
            return None
        if len(low) == 1 and cands[0].upper and not (raw[0].isupper() and len(raw[0]) > 1) and not lower_ok:
            return None  # "is", "us": only as the acronym, written in capitals
        if (
            len(low) == 1
            and all(a.acronym for a in cands)
            and sum(c.isupper() for c in raw[0]) < 2
            and not lower_ok
        ):
            # "Let Yet Kone village" is not LeT: an acronym is written in capitals (an all-lowercase
            # archive's "jnim militants" is read with the group noun, lower_ok)
            return None
        valid = [a for a in cands if a.only is None or a.only == country]
        if not valid:
            return None
        here = [a for a in valid if country and country in self.entries[a.entry].countries]
        pool = here or valid
        best = max(pool, key=lambda a: (a.only is not None, self.entries[a.entry].count))
        e = self.entries[best.entry]
        if not here and country and " and/or " not in e.name:
            # (an "A and/or B" name is no family's branch: "Boko Haram" stays itself elsewhere)
            fam = self.family(e.name, country)
            if fam is not None:
                return fam
        return best.entry

    def family(self, name: str, country: str) -> int | None:
        """A branch named per country or region ("Islamic State (Iraq)", "Islamic State (Sahel)")
        chosen for an event elsewhere: the sibling that acts in ``country``, if any."""
        m = re.match(r"^(.+?) \(", name)
        if m is None:
            return None
        stem = m.group(1) + " ("
        family = [
            i for i, e in enumerate(self.entries) if e.name.startswith(stem) and " and/or " not in e.name
        ]
        sib = [i for i in family if country in self.entries[i].countries]
        if sib:
            return max(sib, key=lambda i: self.entries[i].count)
        per_country = [i for i in family if self.entries[i].name[len(stem) : -1] in self.acled_countries]
        if len(per_country) >= 3:
            # ACLED names this family's branches per country ("Islamic State (Iraq)", "(Syria)",
            # "(Egypt)"...): the branch of a country the rows never showed follows the pattern
            e = self.entries[per_country[0]]
            self.entries.append(_Entry(f"{stem}{country})", country, e.inter, 0, frozenset([country])))
            self.names[_key(f"{stem}{country})")] = len(self.entries) - 1
            return len(self.entries) - 1
        return None

    def state_name(self, country: str, kind: str) -> tuple[str, int]:
        """The current ACLED name of ``country``'s military / police / air force."""
        for unit in [kind] if kind in ("military", "police") else [kind, "military"]:
            i = self.state.get((country, unit))
            if i is not None:
                return self.entries[i].name, i
        base = "Police Forces of " if kind == "police" else "Military Forces of "
        the = "the " if country.startswith(_THE) else ""
        return f"{base}{the}{country}", -1

    def find_country(self, low: list[str], raw: list[str]) -> tuple[str, int, int] | None:
        """The first country named in ``low`` by a demonym or its name: (country, start, end)."""
        for i in range(len(low)):
            if i > 0 and low[i - 1] in _NOT_STATE_PREFIX:
                continue
            for n in (4, 3, 2, 1):
                if i + n > len(low):
                    continue
                k = " ".join(low[i : i + n])
                if n == 1 and (k in _STOP_SHORT or k in self.codes) and not raw[i].isupper():
                    continue  # "us" the pronoun, "and", "per": only the capitalised code is a country
                c = self.country_key.get(k)
                if c is None and k in self.demonym:
                    c = self.demonym[k][0]
                if c is not None:
                    return c, i, i + n
        return None


@lru_cache(maxsize=1)
def _names() -> _Names:
    return _Names()


def normalise_country(country: str | None) -> str | None:
    """ACLED's spelling of a country given any of its names or ISO codes ("Democratic Republic
    of the Congo", "COD", "CD" -> "Democratic Republic of Congo"); unknown names pass through."""
    if not country:
        return None
    return _names().country(country) or country


# --------------------------------------------------------------------------- the matcher
def canonical_actor(words: str, country: str | None, *, kind_hint: str | None = None) -> ActorName | None:
    """ACLED's name for the actor ``words`` name, for an event in ``country`` (any spelling or
    ISO code; ``None`` when unknown: templates then carry no country). ``None`` when the words
    name an actor the dictionary does not know (a capitalised name) or nothing at all."""
    names = _names()
    ctry = normalise_country(country)
    low, raw = _tokens(words or "")
    if kind_hint in ("protesters", "rioters", "civilians"):
        # ACLED's actor1 for a protest is always "Protesters (C)" (named groups go to assoc_actor)
        return replace(_template(kind_hint, ctry, " ".join(low) or kind_hint), rule="hint")
    core_low, core_raw = _strip_hedges(low, raw)
    # 1. the phrase is a name or alias
    for lo, ra in ((low, raw), (core_low, core_raw)):
        hit = names.lookup(lo, ra, ctry)
        if hit is not None:
            return _named(names, hit, ctry, " ".join(lo))
    # 2. a demonym / country + a force word: that country's state forces
    st = _state(names, core_low, core_raw, ctry)
    if st is not None:
        return st
    # 3. without the group noun behind; then the longest alias inside
    lo, ra = core_low, core_raw
    lowercase = not any(c.isupper() for c in "".join(raw))
    while len(lo) > 1 and lo[-1] in _GROUP_NOUNS:
        lo, ra = lo[:-1], ra[:-1]
        # an all-lowercase archive writes "is militants": a short acronym before a group noun counts
        hit = names.lookup(lo, ra, ctry, lower_ok=lowercase)
        if hit is not None:
            return _named(names, hit, ctry, " ".join(lo))
    for n in range(len(core_low) - 1, 0, -1):
        for i in range(len(core_low) - n + 1):
            seg = core_low[i : i + n]
            if all(t in _GROUP_NOUNS | _MILITARY | _POLICE | _ARMED | _CIVIL | _HEDGES for t in seg):
                continue
            if i > 0 and core_low[i - 1] == "anti":
                continue  # "anti-Houthi forces" fight the Houthis
            hit = names.lookup(seg, core_raw[i : i + n], ctry)
            if hit is not None:
                return _named(names, hit, ctry, " ".join(seg))
    # 4. generic words
    words_set = set(core_low) | {_singular(t) for t in core_low}
    phrase = " ".join(core_low)
    if _proper_name(core_low, core_raw):
        return None
    if words_set & _GANG:
        gang = f"Unidentified Gang ({ctry})" if ctry else None
        if gang and _key(gang) in names.names:
            return ActorName(gang, 3, phrase, ctry, "generic")
        return _template("armed", ctry, phrase)
    if words_set & _POLICE and not words_set & _ARMED:
        return _state_forces(names, ctry, "police", phrase)
    if (
        words_set
        & (_MILITARY - _AIR - {"drones", "drone", "artillery", "strikes", "shelling", "missiles", "rockets"})
        and not words_set & (_ARMED | _REBEL)
        or "security" in words_set
    ):
        return _state_forces(names, ctry, "military", phrase)
    if words_set & (_ARMED | _REBEL) or any(p in phrase for p in _ARMED_PAIRS):
        return _template("rebels" if words_set & _REBEL else "armed", ctry, phrase)
    if words_set & _RIOT:
        return _template("rioters", ctry, phrase)
    if words_set & _PROTEST:
        return _template("protesters", ctry, phrase)
    if words_set & _CIVIL:
        return _template("civilians", ctry, phrase)
    # 5. what the caller knows
    if kind_hint in ("military", "state"):
        return replace(_state_forces(names, ctry, "military", kind_hint), rule="hint")
    if kind_hint == "police":
        return replace(_state_forces(names, ctry, "police", kind_hint), rule="hint")
    if kind_hint == "armed":
        return replace(_template("armed", ctry, phrase or kind_hint), rule="hint")
    return None


_SIDE = {
    1: "state",
    8: "state",
    2: "armed",
    3: "armed",
    4: "armed",
    5: "rioters",
    6: "protesters",
    7: "civilians",
}


def rename_actor(
    name: str | None, mention: str | None, country: str | None, *, kind_hint: str | None = None
) -> ActorName | None:
    """ACLED's name for an actor the pipeline has already named provisionally (``name``, e.g.
    "Military Forces of Russia" from "Russian forces", "Unidentified Armed Group (Mali)", or raw
    words such as "presumed JNIM militants") from its raw words (``mention``). The words win
    when they name an actor or a country's forces; else the provisional name is canonicalised
    (its country, period and spelling); generic words refine it only on the same side ("gang
    members" makes an unidentified armed group ACLED's "Unidentified Gang (Mexico)"; "people"
    does not make attackers civilians). ``None``: nothing better than ``name``."""
    m = canonical_actor(mention, country, kind_hint=kind_hint) if mention else None
    if m is not None and m.rule in ("name", "state"):
        return m
    if name and _is_template(name):
        name = re.sub(r"\s*\([^()]*\)$", "", name)  # "Unidentified Armed Group (<gazetteer's country>)"
    n = canonical_actor(name, country, kind_hint=kind_hint) if name else None
    if n is not None and n.rule in ("name", "state") and not _is_template(n.name):
        return n
    if m is not None and m.rule == "generic" and (n is None or _SIDE.get(m.inter) == _SIDE.get(n.inter)):
        return m
    return n or m


def known_actor(name: str) -> bool:
    """Is ``name`` one of ACLED's actor names in the dictionary (not a template, not raw words)?"""
    return _key(name) in _names().names and not name.startswith(
        ("Unidentified", "Protesters", "Rioters", "Civilians")
    )


def air_force(name: str) -> str | None:
    """ACLED's name for the air force of the state forces ``name`` ("Military Forces of Russia
    (2000-)" -> "Military Forces of Russia (2000-) Air Force"), when ACLED names one; else None."""
    m = _PERIOD.match(name)
    if m is None or m.group(4) or not m.group(1).startswith("Military Forces of "):
        return None
    prefix = name + " "
    units = [e for e in _names().entries if e.name.startswith(prefix) and e.name.endswith("Air Force")]
    return max(units, key=lambda e: e.count).name if units else None


def _is_template(name: str) -> bool:
    return bool(re.match(r"^(Unidentified Armed Group|Protesters|Rioters|Civilians)\b", name))


def _strip_hedges(low: list[str], raw: list[str]) -> tuple[list[str], list[str]]:
    """Drop "suspected", "the", numbers and "members of" in front of the name."""
    i = 0
    while i < len(low) - 1:
        t = low[i]
        if t in _HEDGES or t in _NUMBERS or t.isdigit():
            i += 1
        elif t in _LEAD_OF and i + 1 < len(low) and low[i + 1] == "of":
            i += 2
        else:
            break
    return low[i:], raw[i:]


def _proper_name(low: list[str], raw: list[str]) -> bool:
    """A capitalised word that is neither a hedge nor a generic noun: a name we do not know
    (only in mixed-case text: an all-lowercase or all-capitals archive says nothing by case)."""
    mixed = any(t.islower() for t in raw) and any(t[:1].isupper() for t in raw)
    if not mixed:
        return False
    generic = (
        _GROUP_NOUNS
        | _MILITARY
        | _POLICE
        | _ARMED
        | _CIVIL
        | _PROTEST
        | _RIOT
        | _GANG
        | _HEDGES
        | {"armed", "unidentified", "security"}
    )
    return any(r[:1].isupper() and lo not in generic for lo, r in zip(low, raw, strict=True))


def _named(names: _Names, i: int, ctry: str | None, alias: str) -> ActorName:
    e = names.entries[i]
    m = _PERIOD.match(e.name)
    if m and re.match(r"^(Military|Police) Forces of ", e.name):
        inter = 1 if ctry is None or ctry == e.country else 8
        return ActorName(e.name, inter, alias, e.country)
    return ActorName(e.name, e.inter, alias, e.country)


def _state(names: _Names, low: list[str], raw: list[str], ctry: str | None) -> ActorName | None:
    found = names.find_country(low, raw)
    if found is None:
        return None
    c, start, end = found
    rest = set(low[:start] + low[end:])
    rest |= {_singular(t) for t in rest}
    if rest & _POLICE:
        kind = "police"
    elif rest & _AIR or "air" in rest and "force" in rest:
        kind = "air force"
    elif rest & _MILITARY or "security" in rest:
        kind = "military"
    else:
        return None
    name, _ = names.state_name(c, kind)
    return ActorName(name, 1 if ctry is None or ctry == c else 8, " ".join(low), c, "state")


def _state_forces(names: _Names, ctry: str | None, kind: str, alias: str) -> ActorName:
    if ctry is None:
        return ActorName(
            "Police Forces" if kind == "police" else "Military Forces", 1, alias, None, "generic"
        )
    name, _ = names.state_name(ctry, kind)
    return ActorName(name, 1, alias, ctry, "generic")


def _template(kind: str, ctry: str | None, alias: str) -> ActorName:
    base, inter = {
        "armed": ("Unidentified Armed Group", 3),
        "rebels": ("Unidentified Armed Group", 2),
        "protesters": ("Protesters", 6),
        "rioters": ("Rioters", 5),
        "civilians": ("Civilians", 7),
    }[kind]
    return ActorName(f"{base} ({ctry})" if ctry else base, inter, alias, ctry, "generic")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A known actor written in a text: ``text[start:end]`` and its ACLED name."""

    start: int
    end: int
    text: str
    actor: ActorName


_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['\u2019][^\W_]+)*")
#: What may stand between the words of one name: spaces, hyphens, apostrophes, a slash.
_JOINER = re.compile(r"[\s\-\u2010-\u2013'\u2019/]*")


def find_actors(text: str, country: str | None, *, max_words: int = 8) -> list[ActorMention]:
    """Every actor the dictionary knows in ``text``, left to right, longest match first: named
    groups and their aliases ("Al-Shabaab", "the Houthis") and a country's forces ("Russian
    troops"). Generic words ("gunmen", "police") are not reported: they name no one. For a
    caller that found no actor words for an incident (no agent in the parse) and wants the
    incident sentence's named actors."""
    names = _names()
    ctry = normalise_country(text and country)
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(_repair(text))] if text else []
    if _repair(text) != text:
        return []  # offsets would not point into the caller's text; repair the text first
    low_all = [_tokens(t)[0] for _, _, t in toks]
    out: list[ActorMention] = []
    i = 0
    generic = _GROUP_NOUNS | _MILITARY | _POLICE | _ARMED | _CIVIL | _HEDGES | _PROTEST | _RIOT | _GANG
    while i < len(toks):
        hit = None
        for n in range(min(max_words, len(toks) - i), 0, -1):
            low = [w for ws in low_all[i : i + n] for w in ws]
            raw = [w for _, _, t in toks[i : i + n] for w in _tokens(t)[1]]
            if not low or set(low) <= generic | {"the", "of", "and", "armed", "security"}:
                continue
            if low[0] in ("the", "a", "an") or len(low) != len(raw):
                continue
            if any(not _JOINER.fullmatch(text[toks[j][1] : toks[j + 1][0]]) for j in range(i, i + n - 1)):
                continue  # "In Myanmar, the Arakan Army": a name does not run over a comma
            found = names.lookup(low, raw, ctry)
            if found is not None:
                hit = (n, _named(names, found, ctry, " ".join(low)))
                break
            if n <= 4 and low[-1] in _MILITARY | _POLICE:
                st = _state(names, low, raw, ctry)
                if st is not None and names.find_country(low, raw) is not None:
                    c = names.find_country(low, raw)
                    # the phrase starts with the country word and the rest are force words
                    # ("Russian warplanes", not "Russian warplanes conducted airstrikes")
                    if c is not None and c[1] == 0 and set(low[c[2] :]) <= _FORCE_WORDS:
                        hit = (n, st)
                        break
        if hit is None:
            i += 1
            continue
        n, actor = hit
        start, end = toks[i][0], toks[i + n - 1][1]
        out.append(ActorMention(start, end, text[start:end], actor))
        i += n
    return out
