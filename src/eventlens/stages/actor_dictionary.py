"""The dictionary of ACLED actor names: ``data/acled_actors.tsv`` (names, country, inter code,
count, aliases) and ``data/acled_countries.tsv`` (country names, ISO codes, demonyms), loaded once
on first use by :func:`actor_dictionary`, with the lookups the matcher needs: the entry a token
sequence names for an event in a country (a branch named per country follows the event's
country), a country's current state forces, the first country a phrase names. Both files are
built by ``tools/build_actor_names.py`` from ACLED's actor columns (names only, no ACLED rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from eventlens.stages.actor_words import (
    _GROUP_NOUNS,
    _HEDGES,
    _NOT_STATE_PREFIX,
    _PERIOD,
    _STOP_SHORT,
    _THE,
    _singular,
    actor_key,
)

#: ACLED's templates for armed perpetrators it cannot name ("Unidentified Armed Group (Mexico)",
#: "Unidentified Gang (Guatemala)", "Unidentified Gang and/or Police Militia").
_UNIDENTIFIED_ARMED = re.compile(r"^Unidentified (?:Armed Group|Gang)\b")

__all__ = ["ActorDictionary", "actor_dictionary", "normalise_country"]


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str
    inter: int
    count: int
    countries: frozenset[str]
    since: date | None = None  # the days the name holds (its period's years, or the note's
    until: date | None = None  # "valid FROM..TO"); None: open


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: int
    only: str | None  # applies only to events in this country
    upper: bool  # a short acronym that is also an English word ("IS"): only written in capitals
    acronym: bool = False  # one word written with capitals inside ("LeT", "JNIM"): "Let" is not it


class ActorDictionary:
    """ACLED's actor names, their aliases, the state forces per country and the country names
    and demonyms, read from the shipped data files (use :func:`actor_dictionary`: one copy)."""

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
        self._unidentified: dict[str, str | None] = {}  # country -> unidentified_armed()
        self.periods: dict[tuple[str, str], list[int]] = {}  # (name before its period, unit) -> entries
        for line in _rows(data / "acled_countries.tsv"):
            self._add_country(*line.split("\t"))
        for line in _rows(data / "acled_actors.tsv"):
            self._add_actor(*line.split("\t"))
        self._drop_group_nouns()

    def _add_country(self, name: str, iso2: str, iso3: str, names: str, demonyms: str, source: str) -> None:
        """One row of acled_countries.tsv: its names, codes and demonyms, keyed."""
        seen = source.startswith("ACLED")
        if seen:
            self.acled_countries.add(name)
        for n in [name, iso3, *(x for x in names.split(" | ") if x)]:
            k = actor_key(n)
            if k and (k not in self.country_key or seen):
                self.country_key[k] = name
        self.country_key.setdefault(iso2.lower(), name)
        self.codes |= {iso2.lower(), iso3.lower()} | {actor_key(x) for x in names.split(" | ") if x.isupper()}
        for d in (x for x in demonyms.split(" | ") if x):
            for k in {actor_key(d), actor_key(d) + "s"}:
                lst = self.demonym.setdefault(k, [])
                lst.insert(0, name) if seen else lst.append(name)

    def _add_actor(
        self, name: str, country: str, inter: str, count: str, others: str, aliases: str, _src: str, note: str
    ) -> None:
        """One row of acled_actors.tsv: the entry, its name and aliases, its state-forces slot."""
        i = len(self.entries)
        m = _PERIOD.match(name)
        since, until = _valid(m, note)
        self.entries.append(
            _Entry(
                name,
                country,
                int(inter),
                int(count),
                frozenset([country, *filter(None, others.split(";"))]),
                since,
                until,
            )
        )
        if m:
            self.periods.setdefault((m.group(1).strip(), m.group(4).strip()), []).append(i)
        self.names.setdefault(actor_key(name), i)
        # a name of no rows (an older period's, tools/build_actor_names.py HAND_NAMES) is read
        # only for events in its own country
        self._add(actor_key(name), i, country if int(count) == 0 else None, name)
        if name.startswith("The "):
            self._add(actor_key(name[4:]), i, None, name)
        for a in filter(None, aliases.split(" | ")):
            text, _, only = a.partition("@")
            self._add(actor_key(text), i, only or None, text)
        st = re.match(r"^(Military|Police) Forces of (?:the )?(.+)$", m.group(1)) if m else None
        if m and st and not note.startswith("older"):
            unit = m.group(4).strip().lower() or st.group(1).lower()
            self.state.setdefault((country, unit), i)

    def _drop_group_nouns(self) -> None:
        """A name's own group noun may go: "Mayi Mayi Militia" is also "Mayi Mayi" (then read
        with any group noun behind it, "Mayi Mayi militiamen")."""
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
        k = actor_key(text)
        return self.country_key.get(k) or self.country_key.get(re.sub(r"^the ", "", k))

    def holds(self, i: int, when: date | None) -> bool:
        """Does entry ``i``'s name hold on the day ``when`` (None: any day)?"""
        e = self.entries[i]
        return when is None or (e.since is None or e.since <= when) and (e.until is None or when <= e.until)

    def at(self, i: int, when: date | None) -> int:
        """The name of entry ``i``'s actor on the day ``when``: the period of the same name whose
        range holds it ("Military Forces of Afghanistan (2021-)" in 2015 -> "(2004-2021)");
        ``i`` itself when it holds, when no period does, or when the day is unknown."""
        if self.holds(i, when):
            return i
        m = _PERIOD.match(self.entries[i].name)
        if m is None:
            return i
        fits = [
            j for j in self.periods.get((m.group(1).strip(), m.group(4).strip()), []) if self.holds(j, when)
        ]
        return max(fits, key=lambda j: self.entries[j].since or date.min) if fits else i

    def lookup(
        self,
        low: list[str],
        raw: list[str],
        country: str | None,
        *,
        lower_ok: bool = False,
        when: date | None = None,
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
        # the names that held on the event's day ("Taliban" before 2021-08-15, the state after)
        valid = [a for a in valid if self.holds(a.entry, when)] or valid
        here = [a for a in valid if country and country in self.entries[a.entry].countries]
        pool = here or valid
        best = max(pool, key=lambda a: (a.only is not None, self.entries[a.entry].count))
        e = self.entries[best.entry]
        if not here and country and " and/or " not in e.name:
            # (an "A and/or B" name is no family's branch: "Boko Haram" stays itself elsewhere)
            fam = self.family(e.name, country)
            if fam is not None:
                return self.at(fam, when)
        return self.at(best.entry, when)

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
            self.names[actor_key(f"{stem}{country})")] = len(self.entries) - 1
            return len(self.entries) - 1
        return None

    def unidentified_armed(self, country: str) -> str | None:
        """ACLED's commonest name for unnamed armed perpetrators in ``country`` among its
        unidentified armed templates: "Unidentified Armed Group (C)" in most countries; where
        ACLED's rows mostly say "Unidentified Gang (C)" (or, in Brazil, "Unidentified Gang
        and/or Police Militia"), that one. None when the rows name none for the country."""
        if country not in self._unidentified:
            cands = [
                e
                for e in self.entries
                if e.country == country
                and _UNIDENTIFIED_ARMED.match(e.name)
                and (e.name.endswith(f"({country})") or "(" not in e.name)
            ]
            self._unidentified[country] = max(cands, key=lambda e: e.count).name if cands else None
        return self._unidentified[country]

    def state_name(self, country: str, kind: str, when: date | None = None) -> tuple[str, int]:
        """ACLED's name of ``country``'s military / police / air force on the day ``when`` (the
        current one when the day is unknown or no period holds it)."""
        for unit in [kind] if kind in ("military", "police") else [kind, "military"]:
            i = self.state.get((country, unit))
            if i is not None:
                i = self.at(i, when)
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


_VALID = re.compile(r"\bvalid (\d{4}-\d\d-\d\d)?\.\.(\d{4}-\d\d-\d\d)?")


def _valid(period: re.Match[str] | None, note: str) -> tuple[date | None, date | None]:
    """The days a name holds: the note's "valid FROM..TO", else its period's years
    ("(2004-2021)": 2004-01-01 to 2021-12-31), else always."""
    v = _VALID.search(note)
    if v:
        return (
            date.fromisoformat(v.group(1)) if v.group(1) else None,
            date.fromisoformat(v.group(2)) if v.group(2) else None,
        )
    if period is None:
        return None, None
    return date(int(period.group(2)), 1, 1), date(int(period.group(3)), 12, 31) if period.group(3) else None


def _rows(path: Traversable) -> list[str]:
    """The data lines of a shipped TSV (no comments, no header, no blank lines)."""
    return [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#") and not ln.startswith("name\t")
    ]


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    """The dictionary, loaded on first use and kept (importing eventlens loads nothing)."""
    return ActorDictionary()


def normalise_country(country: str | None) -> str | None:
    """ACLED's spelling of a country given any of its names or ISO codes ("Democratic Republic
    of the Congo", "COD", "CD" -> "Democratic Republic of Congo"); unknown names pass through."""
    if not country:
        return None
    return actor_dictionary().country(country) or country
