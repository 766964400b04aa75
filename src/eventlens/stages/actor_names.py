"""ACLED's name for the words a text uses for an actor (issue 15, item 4).

``canonical_actor("Russian drones", "Ukraine")`` -> ``Military Forces of Russia (2000-)``;
``canonical_actor("al-Shabaab fighters", "Somalia")`` -> ``Al Shabaab``; ``canonical_actor(
"unidentified gunmen", "Kenya")`` -> ``Unidentified Armed Group (Kenya)``. The names and aliases
are data (``data/acled_actors.tsv``, ``data/acled_countries.tsv``, built by
``tools/build_actor_names.py`` from ACLED's actor columns: names only, no ACLED rows), loaded
once on first use by ``actor_dictionary``; the vocabulary and the normalised key are
``actor_words``; this module holds the rules. Matching is a few dictionary lookups on a normalised key: case, accents,
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
from dataclasses import dataclass, replace
from datetime import date

from eventlens.stages.actor_dictionary import ActorDictionary, actor_dictionary, normalise_country
from eventlens.stages.actor_words import (
    _AIR,
    _ARMED,
    _ARMED_PAIRS,
    _CIVIL,
    _FORCE_WORDS,
    _GANG,
    _GROUP_HEADS,
    _GROUP_NAME_WORDS,
    _GROUP_NOUNS,
    _HEDGES,
    _LEAD_OF,
    _MILITARY,
    _NAME_ENDS,
    _NUMBERS,
    _PERIOD,
    _POLICE,
    _PROTEST,
    _REBEL,
    _RIOT,
    _actor_tokens,
    _inside_name,
    _repair,
    _singular,
    actor_key,
    actor_tokens,
)

__all__ = [
    "ActorMention",
    "ActorName",
    "air_force",
    "canonical_actor",
    "find_actors",
    "group_own_name",
    "known_actor",
    "known_inter",
    "name_on",
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


# --------------------------------------------------------------------------- the matcher
def canonical_actor(
    words: str, country: str | None, *, kind_hint: str | None = None, when: date | None = None
) -> ActorName | None:
    """ACLED's name for the actor ``words`` name, for an event in ``country`` (any spelling or
    ISO code; ``None`` when unknown: templates then carry no country). ``None`` when the words
    name an actor the dictionary does not know (a capitalised name) or nothing at all. ``when``:
    the event's day, when known: a name with periods takes the one holding it ("Afghan
    soldiers" in 2015 -> "Military Forces of Afghanistan (2004-2021)")."""
    names = actor_dictionary()
    ctry = normalise_country(country)
    low, raw = actor_tokens(words or "")
    if kind_hint in ("protesters", "rioters", "civilians"):
        # ACLED's actor1 for a protest is always "Protesters (C)" (named groups go to assoc_actor)
        return replace(_template(kind_hint, ctry, " ".join(low) or kind_hint), rule="hint")
    core_low, core_raw = _strip_hedges(low, raw)
    # 1. the phrase is a name or alias
    for lo, ra in ((low, raw), (core_low, core_raw)):
        hit = names.lookup(lo, ra, ctry, when=when)
        if hit is not None:
            return _named(names, hit, ctry, " ".join(lo))
    # 2. a demonym / country + a force word: that country's state forces (not in a group's
    # own name: "Irish Republican Army", "Free Syrian Army")
    group = _group_name(names, core_low, core_raw)
    st = None if group else _state(names, core_low, core_raw, ctry, when)
    if st is not None:
        return st
    # 3. without the group noun behind; then the longest alias inside
    lo, ra = core_low, core_raw
    lowercase = not any(c.isupper() for c in "".join(raw))
    while len(lo) > 1 and lo[-1] in _GROUP_NOUNS:
        lo, ra = lo[:-1], ra[:-1]
        # an all-lowercase archive writes "is militants": a short acronym before a group noun counts
        hit = names.lookup(lo, ra, ctry, lower_ok=lowercase, when=when)
        if hit is not None:
            return _named(names, hit, ctry, " ".join(lo))
    for n in range(len(core_low) - 1, 0, -1):
        for i in range(len(core_low) - n + 1):
            seg = core_low[i : i + n]
            if all(t in _GROUP_NOUNS | _MILITARY | _POLICE | _ARMED | _CIVIL | _HEDGES for t in seg):
                continue
            if i > 0 and core_low[i - 1] == "anti":
                continue  # "anti-Houthi forces" fight the Houthis
            if group and (
                i > 0
                and _name_word(names, core_low[i - 1], core_raw[i - 1])
                or i + n < len(core_low)
                and core_low[i + n] in _NAME_ENDS
            ):
                # in a group's name no name inside it counts ("Irish National Liberation Army" is
                # not the "National Liberation Army", "Irish Republican Army" no "Republican")
                continue
            hit = names.lookup(seg, core_raw[i : i + n], ctry, when=when)
            if hit is not None and not (group and _STATE_NAME.match(names.entries[hit].name)):
                return _named(names, hit, ctry, " ".join(seg))
    if group:
        return None  # a group's name the dictionary lacks: kept as written, no part of it read
    # 4. generic words
    words_set = set(core_low) | {_singular(t) for t in core_low}
    phrase = " ".join(core_low)
    if _proper_name(core_low, core_raw):
        return None
    if words_set & _GANG:
        gang = f"Unidentified Gang ({ctry})" if ctry else None
        if gang and actor_key(gang) in names.names:
            return ActorName(gang, 3, phrase, ctry, "generic")
        return _template("armed", ctry, phrase)
    if words_set & _POLICE and not words_set & _ARMED:
        return _state_forces(names, ctry, "police", phrase, when)
    if (
        words_set
        & (_MILITARY - _AIR - {"drones", "drone", "artillery", "strikes", "shelling", "missiles", "rockets"})
        and not words_set & (_ARMED | _REBEL)
        or "security" in words_set
    ):
        return _state_forces(names, ctry, "military", phrase, when)
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
        return replace(_state_forces(names, ctry, "military", kind_hint, when), rule="hint")
    if kind_hint == "police":
        return replace(_state_forces(names, ctry, "police", kind_hint, when), rule="hint")
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
    name: str | None,
    mention: str | None,
    country: str | None,
    *,
    kind_hint: str | None = None,
    when: date | None = None,
) -> ActorName | None:
    """ACLED's name for an actor the pipeline has already named provisionally (``name``, e.g.
    "Military Forces of Russia" from "Russian forces", "Unidentified Armed Group (Mali)", or raw
    words such as "presumed JNIM militants") from its raw words (``mention``). The words win
    when they name an actor or a country's forces; else the provisional name is canonicalised
    (its country, period and spelling); generic words refine it only on the same side ("gang
    members" makes an unidentified armed group ACLED's "Unidentified Gang (Mexico)"; "people"
    does not make attackers civilians). ``None``: nothing better than ``name``."""
    m = canonical_actor(mention, country, kind_hint=kind_hint, when=when) if mention else None
    if m is not None and m.rule in ("name", "state"):
        return m
    if m is None and mention and (own := group_own_name(mention)) is not None:
        # a group's own name the dictionary lacks ("Irish Republican Army"): kept as written,
        # never the state's military a provisional "Military Forces of ..." made of its "Army"
        return ActorName(own, 2, actor_key(own), None, "group")
    if name and _is_template(name):
        name = re.sub(r"\s*\([^()]*\)$", "", name)  # "Unidentified Armed Group (<gazetteer's country>)"
    n = canonical_actor(name, country, kind_hint=kind_hint, when=when) if name else None
    if n is not None and n.rule in ("name", "state") and not _is_template(n.name):
        return n
    if m is not None and m.rule == "generic" and (n is None or _SIDE.get(m.inter) == _SIDE.get(n.inter)):
        return m
    return n or m


def group_own_name(words: str) -> str | None:
    """The name of a non-state group written in ``words`` by its own name ("the Irish Republican
    Army" -> "Irish Republican Army", "Free Syrian Army rebels" -> "Free Syrian Army"), or None
    when the words are no such name (see :func:`_group_name`)."""
    low, raw = actor_tokens(words)
    core_low, core_raw = _strip_hedges(low, raw)
    if not _group_name(actor_dictionary(), core_low, core_raw):
        return None
    end = len(core_low)
    while end > 1 and core_low[end - 1] in _GROUP_NOUNS and core_low[end - 1] not in _GROUP_HEADS:
        end -= 1
    # the written words of the name: from its first word to its head, as the text spells them
    first, last = core_raw[0], core_raw[end - 1]
    start = words.find(first)
    stop = words.find(last, max(start, 0))
    if start < 0 or stop < 0:
        return " ".join(core_raw[:end])
    return words[start : stop + len(last)]


def name_on(name: str, mention: str | None, country: str | None, when: date | None) -> str | None:
    """ACLED's name, on the event's day ``when``, of an actor named ``name`` from the words
    ``mention``: the period of a state force's name whose range holds the day ("Military Forces
    of Afghanistan (2021-)" for a 2015 attack -> "(2004-2021)"), or the name the words gave on
    that day ("Taliban" before 2021-08-15). None: ``name`` holds (or the day is unknown)."""
    names = actor_dictionary()
    i = names.names.get(actor_key(name))
    if when is None or i is None or names.holds(i, when):
        return None
    hit = canonical_actor(mention, country, when=when) if mention else None
    if hit is not None and (k := names.names.get(actor_key(hit.name))) is not None and names.holds(k, when):
        return hit.name  # the words read on that day ("Taliban fighters" in 2015: the Taliban)
    j = names.at(i, when)
    return names.entries[j].name if j != i else None


def known_inter(name: str) -> int | None:
    """ACLED's inter code of one of its names in the dictionary, else None."""
    names = actor_dictionary()
    i = names.names.get(actor_key(name))
    return names.entries[i].inter if i is not None else None


def known_actor(name: str) -> bool:
    """Is ``name`` one of ACLED's actor names in the dictionary (not a template, not raw words)?"""
    return actor_key(name) in actor_dictionary().names and not name.startswith(
        ("Unidentified", "Protesters", "Rioters", "Civilians")
    )


def air_force(name: str) -> str | None:
    """ACLED's name for the air force of the state forces ``name`` ("Military Forces of Russia
    (2000-)" -> "Military Forces of Russia (2000-) Air Force"), when ACLED names one; else None."""
    m = _PERIOD.match(name)
    if m is None or m.group(4) or not m.group(1).startswith("Military Forces of "):
        return None
    prefix = name + " "
    units = [
        e for e in actor_dictionary().entries if e.name.startswith(prefix) and e.name.endswith("Air Force")
    ]
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


def _name_word(names: ActorDictionary, low: str, raw: str) -> bool:
    """A word of a name: a group-name word, a country's name or demonym, a capitalised word."""
    return (
        low in _GROUP_NAME_WORDS
        or low in names.demonym
        or low in names.country_key
        or raw[:1].isupper()
        and low not in _HEDGES
    )


_STATE_NAME = re.compile(r"^(?:Military|Police) Forces of ")


def _group_name(names: ActorDictionary, low: list[str], raw: list[str]) -> int:
    """Do the words name a non-state group by its own name: a group-name word ("Republican",
    "Liberation", "Free", "People's") outside the country's name, and a name's last word
    ("Army", "Front", "Movement") at the end (group nouns behind it aside: "Free Syrian Army
    rebels")? In mixed-case words the group-name word is capitalised. The number of words up to
    the name's last word when so, else 0."""
    end = len(low)
    while end > 1 and low[end - 1] in _GROUP_NOUNS and low[end - 1] not in _GROUP_HEADS:
        end -= 1
    if end < 2 or low[end - 1] not in _GROUP_HEADS:
        return 0
    found = names.find_country(low[:end], raw[:end])
    skip = range(found[1], found[2]) if found else range(0)
    mixed = any(t.islower() for t in raw) and any(t[:1].isupper() for t in raw)
    named = any(
        low[k] in _GROUP_NAME_WORDS and (raw[k][:1].isupper() or not mixed)
        for k in range(end - 1)
        if k not in skip
    )
    return end if named else 0


def _named(names: ActorDictionary, i: int, ctry: str | None, alias: str) -> ActorName:
    e = names.entries[i]
    m = _PERIOD.match(e.name)
    if m and re.match(r"^(Military|Police) Forces of ", e.name):
        inter = 1 if ctry is None or ctry == e.country else 8
        return ActorName(e.name, inter, alias, e.country)
    return ActorName(e.name, e.inter, alias, e.country)


def _state(
    names: ActorDictionary, low: list[str], raw: list[str], ctry: str | None, when: date | None = None
) -> ActorName | None:
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
    name, _ = names.state_name(c, kind, when)
    return ActorName(name, 1 if ctry is None or ctry == c else 8, " ".join(low), c, "state")


def _state_forces(
    names: ActorDictionary, ctry: str | None, kind: str, alias: str, when: date | None = None
) -> ActorName:
    if ctry is None:
        return ActorName(
            "Police Forces" if kind == "police" else "Military Forces", 1, alias, None, "generic"
        )
    name, _ = names.state_name(ctry, kind, when)
    return ActorName(name, 1, alias, ctry, "generic")


def _template(kind: str, ctry: str | None, alias: str) -> ActorName:
    base, inter = {
        "armed": ("Unidentified Armed Group", 3),
        "rebels": ("Unidentified Armed Group", 2),
        "protesters": ("Protesters", 6),
        "rioters": ("Rioters", 5),
        "civilians": ("Civilians", 7),
    }[kind]
    if kind == "armed" and ctry:
        # unnamed armed men: the template ACLED uses most for the country ("Unidentified Gang
        # (Guatemala)"), not always "Unidentified Armed Group (C)"
        name = actor_dictionary().unidentified_armed(ctry) or f"{base} ({ctry})"
        return ActorName(name, inter, alias, ctry, "generic")
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


#: Words that name no one by themselves: a window of only these is no actor's name.
_GENERIC = frozenset().union(
    _GROUP_NOUNS, _MILITARY, _POLICE, _ARMED, _CIVIL, _HEDGES, _PROTEST, _RIOT, _GANG
) | {"the", "of", "and", "armed", "security"}
_FORCE_HEADS = _MILITARY | _POLICE
#: alias-key prefix tries, by the identity of the dictionary's alias table and its size (keys are
#: only ever added): which word sequences can still grow into a known alias
_TRIES: dict[tuple[int, int], dict] = {}


def _alias_trie(names: ActorDictionary) -> dict:
    """The alias keys of ``names`` as a trie of words (nested dicts), built once per table."""
    key = (id(names.aliases), len(names.aliases))
    trie = _TRIES.get(key)
    if trie is None:
        trie = {}
        for k in names.aliases:
            node = trie
            for w in k.split(" "):
                node = node.setdefault(w, {})
        _TRIES.clear()
        _TRIES[key] = trie
    return trie


def find_actors(
    text: str, country: str | None, *, max_words: int = 8, when: date | None = None
) -> list[ActorMention]:
    """Every actor the dictionary knows in ``text``, left to right, longest match first: named
    groups and their aliases ("Al-Shabaab", "the Houthis") and a country's forces ("Russian
    troops"). Generic words ("gunmen", "police") are not reported: they name no one. For a
    caller that found no actor words for an incident (no agent in the parse) and wants the
    incident sentence's named actors."""
    names = actor_dictionary()
    # the same sentence is asked about once per incident it belongs to: answers are kept, by
    # the dictionary too (it grows a family branch when an event calls for one)
    key = (text, country, max_words, id(names), len(names.entries), when)
    found = _FOUND.get(key)
    if found is None:
        if len(_FOUND) >= 4096:
            _FOUND.clear()
        found = _FOUND[key] = tuple(_find_actors(names, text, country, max_words, when))
    return list(found)


_FOUND: dict[tuple[str, str | None, int, int, int, date | None], tuple[ActorMention, ...]] = {}


def _find_actors(
    names: ActorDictionary, text: str, country: str | None, max_words: int, when: date | None = None
) -> list[ActorMention]:
    ctry = normalise_country(text and country)
    if not text:
        return []
    if _repair(text) != text:
        return []  # offsets would not point into the caller's text; repair the text first
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    w = _Words([], [], [0], [0])
    for _, _, t in toks:
        low, raw = _actor_tokens(t)
        w.low.extend(low)
        w.raw.extend(raw)
        w.ends.append(len(w.low))
        w.specific.append(w.specific[-1] + (not set(low) <= _GENERIC))
    # a window of tokens is a candidate only if every gap inside it may join one name ("In
    # Myanmar, the Arakan Army": a name does not run over a comma): ``reach[i]`` is the most
    # tokens a window from i may span
    reach = [1] * len(toks)
    for j in range(len(toks) - 2, -1, -1):
        if _JOINER.fullmatch(text, toks[j][1], toks[j + 1][0]):
            reach[j] = reach[j + 1] + 1
    trie = _alias_trie(names)
    out: list[ActorMention] = []
    mixed = not text.islower() and not text.isupper()
    i = 0
    while i < len(toks):
        hit = _actor_at(names, w, i, min(max_words, reach[i]), trie, ctry, when)
        if hit is None or _inside_name(toks, reach, i, hit[0], mixed):
            i += 1
            continue
        n, actor = hit
        start, end = toks[i][0], toks[i + n - 1][1]
        out.append(ActorMention(start, end, text[start:end], actor))
        i += n
    return out


@dataclass(slots=True)
class _Words:
    """A text's tokens folded for the actor finder: their words in a row (lowercased, and as
    written), ``ends[k]`` the number of words in the first k tokens, ``specific[k]`` how many of
    the first k tokens hold a word outside :data:`_GENERIC`."""

    low: list[str]
    raw: list[str]
    ends: list[int]
    specific: list[int]


def _actor_at(
    names: ActorDictionary,
    w: _Words,
    i: int,
    most: int,
    trie: dict,
    ctry: str | None,
    when: date | None = None,
) -> tuple[int, ActorName] | None:
    """The longest window of at most ``most`` tokens from token ``i`` that names an actor (its
    length and name), or None."""
    a, b = w.ends[i], w.ends[i + most]
    if a == b or w.low[a] in ("the", "a", "an"):
        return None  # no words at all, or an article in front: no window from here names one
    # the trie path the words follow: a window of L words can be an alias only if its first
    # L-1 words lie on it and its last word (or that word singular) continues it
    path = [trie]
    for k in range(a, b):
        node = path[-1].get(w.low[k])
        if node is None:
            break
        path.append(node)
    for n in range(most, 0, -1):
        if w.specific[i + n] == w.specific[i]:
            continue  # only generic words ("the armed police")
        size = w.ends[i + n] - a
        last = w.low[a + size - 1]
        if size < len(path) or (size == len(path) and _singular(last) in path[-1]):
            low = w.low[a : a + size]
            found = names.lookup(low, w.raw[a : a + size], ctry, when=when)
            if found is not None:
                return n, _named(names, found, ctry, " ".join(low))
        if n <= 4 and last in _FORCE_HEADS:
            low, raw = w.low[a : a + size], w.raw[a : a + size]
            st = _state(names, low, raw, ctry, when)
            if st is not None and names.find_country(low, raw) is not None:
                c = names.find_country(low, raw)
                # the phrase starts with the country word and the rest are force words
                # ("Russian warplanes", not "Russian warplanes conducted airstrikes")
                if c is not None and c[1] == 0 and set(low[c[2] :]) <= _FORCE_WORDS:
                    return n, st
    return None
