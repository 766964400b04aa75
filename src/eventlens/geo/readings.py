"""Which gazetteer entries a written place name may mean, and how a reading becomes a Place.

The lookup is forgiving on purpose (a trailing kind word, a place and its container written as one
name, two joined places, a compass word, a place named inside a longer name): the ranking
(:mod:`eventlens.geo.ranking`) decides among the readings found here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from eventlens.geo.distance import haversine_km
from eventlens.geo.gazetteer import Candidate, Gazetteer
from eventlens.geo.normalize import normalize_key, surface_form
from eventlens.geo.toponym_cues import PLACE_HEADS
from eventlens.types import GeoPrecision, Place

#: Large natural and regional features: their precision is a region's, not a point's.
_REGION_FEATURES = frozenset({"OCN", "SEA", "GULF", "STRT", "CNL", "RGN", "RGNE", "PEN", "DSRT", "MTS", "PLN",
                              "PLAT", "VAL"})  # fmt: skip
_GENERIC_TRAIL = re.compile(r"\s+(?:" + "|".join(sorted(PLACE_HEADS)) + r")$", re.IGNORECASE)
#: A name ending in one of these (a street, square, park, bridge) is never looked up by a place inside it
_SITE_WORDS = frozenset(
    "street st road rd avenue ave boulevard blvd highway lane drive square bridge park".split()
)
#: Separators inside one written name between a place and its container.
_AND = re.compile(r"\s+(?:and|&)\s+")
_PARTS = re.compile(r"\s+[-\u2013\u2014]\s+|\s*[()]\s*|\s*/\s*")
#: Compass words stripped from a name the gazetteer does not know ("Shan-North" -> "Shan").
_COMPASS = re.compile(
    r"(?<=[\s-])(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower"
    r"|north-?east|north-?west|south-?east|south-?west)(?=[\s-])",
    re.IGNORECASE,
)
#: A diplomatic mission is where it stands, not in the country it represents.
_ENVOY_WORDS = frozenset({"embassy", "embassies", "consulate", "consulate-general", "legation", "chancery"})
#: Words that never name a place on their own inside a longer name.
_GENERIC_WORDS = frozenset(
    """state states university college school high middle elementary academy institute center centre
    hospital medical clinic church cathedral chapel temple mosque court house hall tower building bank
    street st road rd avenue ave drive boulevard lane way highway route square park plaza bridge station
    airport international national federal regional county city town village district department ministry
    office embassy consulate council senate parliament assembly congress reserve police army fire club
    hotel inn restaurant market mall store stadium arena field company corporation group association
    union board agency service services north south east west new old great little upper lower
    peninsula valley river lake mount mountain mountains island islands coast sea ocean gulf bay desert basin
    delta plateau strait canal hills forest beach port harbor harbour point rural countryside outskirts greater
    the of and for at in on de la le du des del""".split()
)


def precision_of(cand: Candidate) -> GeoPrecision:
    """Map a GeoNames feature class/code to :data:`eventlens.types.GeoPrecision`."""
    code, fclass = cand.feature_code, cand.feature_class
    if cand.is_country:
        return "country"  # continents too: the coarsest precision we have
    if code == "ADM1" or code in _REGION_FEATURES or (cand.geonameid < 0 and code == "LK"):
        return "admin1"
    if code == "ADM2":
        return "admin2"
    if code.startswith("ADM"):
        return "city"  # ADM3-5 and ADMD: town-sized units
    if fclass == "P":
        return "neighbourhood" if code in {"PPLX", "PPLL"} else "city"
    return "point"  # spots, buildings, airports, landmarks, hydrography


def place_from_candidate(
    cand: Candidate, *, precision: GeoPrecision | None = None, score: float = 1.0
) -> Place:
    return Place(
        name=cand.name,
        lat=round(cand.lat, 5),
        lon=round(cand.lon, 5),
        precision=precision or precision_of(cand),
        country=cand.country if cand.country else (cand.name if cand.is_country else None),
        iso3=cand.iso3,
        iso2=cand.country_code,
        admin1=cand.admin1,
        admin2=cand.admin2,
        geonameid=cand.geonameid,
        feature_code=cand.feature_code,
        population=cand.population or None,
        score=round(score, 4),
    )


def _spelled(cand: Candidate, name: str) -> bool:
    """Is ``name`` one of ``cand``'s names as written (folded), not only by the lossy key?"""
    q = surface_form(name)
    return bool(q) and q in {surface_form(cand.name), surface_form(cand.matched_name)}


def _own_key(name: str) -> str:
    """A name's key without a trailing kind word: "Lancaster County", "New York City" -> as
    "Lancaster", "New York"; "St. Petersburg" as "Saint Petersburg"."""
    return normalize_key(_GENERIC_TRAIL.sub("", name) or name)


def _lossy(cand: Candidate, name: str) -> bool:
    """Did ``name`` find ``cand`` only through the lossy key ("Kouga" -> Kuga), not as spelled, nor
    through a part of it ("Shan-North" -> Shan)?"""
    return not _spelled(cand, name) and normalize_key(cand.matched_name) == normalize_key(name)


def _weighty(c: Candidate) -> bool:
    """An admin unit: a reading strong enough to place another name even when only the lossy key
    found it ("Ar Raqqa" -> the governorate Ar Raqqah; not "Kouga" -> Kuga, a town in China)."""
    return c.admin_level is not None


def _within(cand: Candidate, container: Candidate) -> bool:
    """Is ``cand`` inside ``container`` (by hierarchy codes, or 40 km of a city)?"""
    if cand.geonameid == container.geonameid:
        return False
    level = container.admin_level
    if level == 0:
        return bool(container.country_code) and cand.country_code == container.country_code
    if level == 1:
        return bool(container.admin1_code) and cand.admin1_code == container.admin1_code
    if level == 2:
        return bool(container.admin2_code) and cand.admin2_code == container.admin2_code
    return haversine_km(cand.lat, cand.lon, container.lat, container.lon) <= 40.0


#: What a government department is for ("Justice Department", "State Department"): a portfolio, not
#: a French-style departement named after a place.
_PORTFOLIOS = frozenset(
    """justice state defense defence health education energy interior treasury labor labour
    agriculture commerce transportation transport housing environment finance war navy police fire
    immigration corrections revenue water sanitation""".split()
)


def _portfolio(stripped: str, head: str) -> bool:
    """Is ``stripped`` + ``head`` a government department named by its portfolio?"""
    return head.strip().lower() in {"department", "departments"} and stripped.strip().lower() in _PORTFOLIOS


class NameReadings:
    """The readings of a name (cached per geocoder: see :class:`eventlens.geo.resolve.Geocoder`)."""

    gazetteer: Gazetteer
    max_candidates: int
    _lookup: Callable[[str], tuple[Candidate, ...]]  # the cached lookup (set by the Geocoder)

    def _lookup_uncached(self, name: str) -> tuple[Candidate, ...]:
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        words = name.split()
        if len(words) == 2 and _portfolio(*words):
            return ()  # "Justice Department": a ministry, not Justice, Illinois
        cands = self.gazetteer.candidates(name, limit=self.max_candidates)
        if not cands and len(words) >= 2 and words[-1].lower() == "airport":
            # "Baghdad airport": GeoNames names it "Baghdad International Airport" (full import)
            stem = " ".join(words[:-1])
            for variant in (f"{stem} International Airport", f"{stem} Airport", f"{stem} Intl Airport"):
                cands = [c for c in self.gazetteer.candidates(variant, limit=self.max_candidates)
                         if c.feature_code.startswith("AIR")]  # fmt: skip
                if cands:
                    break
        country = self.gazetteer.demonym(name)  # "Iraqi", "Russian": the country
        if country is not None and all(c.geonameid != country.geonameid for c in cands):
            cands = [replace(country, matched_name=name), *cands]
        if not cands:
            stripped = _GENERIC_TRAIL.sub("", name)
            if stripped and stripped != name:
                cands = self.gazetteer.candidates(stripped, limit=self.max_candidates)
        sep = _PARTS.search(name) if not cands else None
        if sep is not None:
            # "Seoul City - Jongno", "Maceio (Alagoas": a place and its container written as one
            # name. The finer part (after " - ", before "(") where a reading of it lies in the
            # container part, else the container part.
            before, after = name[: sep.start()].strip(" ()-,"), name[sep.end() :].strip(" ()-,")
            dash = sep.group().strip() in {"-", "\u2013", "\u2014", "/"}
            fine, coarse = (after, before) if dash else (before, after)
            fine_c = self._lookup(fine) if fine and fine != name else ()
            coarse_c = self._lookup(coarse) if coarse and coarse != name else ()
            inside = [
                c for c in fine_c if any(_within(c, k) or c.geonameid == k.geonameid for k in coarse_c[:3])
            ]
            cands = inside or list(coarse_c) or list(fine_c)
        if not cands and _AND.search(name):
            # "Lamballe and Saint-Brieuc", "Sur & Muscat": two places the tagger joined; the first
            # known one (the event is at one of them, or between)
            for part in _AND.split(name):
                part = part.strip()
                cands = list(self._lookup(part)) if part and part != name else []
                if cands:
                    # ranked later against the joined name: keep the readings spelled as the part is
                    cands = [c for c in cands if _spelled(c, part)] or cands
                    break
        if not cands:
            # A compass word the gazetteer does not carry: "Shan-North", "South Venezuela".
            bare = _COMPASS.sub(" ", f" {name} ").strip(" -")
            if bare and bare != name:
                cands = list(self._lookup(bare))
        if not cands and name.split()[-1].lower().strip(".") not in _SITE_WORDS:
            # (not for streets, squares, parks, bridges: "Maldonado Avenue", "Main Street", "Trafalgar
            # Square" are named after a person or a word, not a place; they fall back to the town)
            cands = list(self._inner_name(name))
        cands = self._shared_country_readings(name, list(cands))
        q = surface_form(name)
        if any(c.is_country and q in {surface_form(c.name), surface_form(c.matched_name)} for c in cands):
            # "Mexico", "Kuwait", "Panama": in English the country; its capital's old or local
            # name ("México") is not a reading of its own
            cands = [c for c in cands if c.is_country or surface_form(c.name) == q]
        return tuple(cands)

    def _shared_country_readings(self, name: str, cands: list[Candidate]) -> list[Candidate]:
        """``cands`` with every country whose short name ``name`` is ("Congo": both Congos, see
        :mod:`eventlens.geo.country_names`): the article's other places decide between them."""
        codes = self.gazetteer.shared_country_names().get(normalize_key(name), ())
        have = {c.geonameid for c in cands}
        for cc in codes:
            country = self.gazetteer.country(cc)
            if country is not None and country.geonameid not in have:
                cands.append(replace(country, matched_name=name))
        return cands

    def _inner_name(self, name: str) -> tuple[Candidate, ...]:
        """A place named inside a longer unknown name: "Colorado State University",
        "Bank of Japan", "Nenagh MDC", "Russian Embassy".

        The longest run of capitalised words (then leftmost) whose folded form is exactly a
        place's primary name or a country's demonym, when every other word is generic
        ("Bank", "of", "State University") or an acronym ("MDC"): "Ghadir al Bostan" is a
        village of its own, not Bostan. Only for names with no candidate of their own.
        """
        words = name.replace("/", " ").split()
        if len(words) < 2 or len(words) > 8:
            return ()
        envoy = any(w.lower().strip(".,") in _ENVOY_WORDS for w in words)

        def generic(w: str) -> bool:
            w = w.strip(".,'’")
            return w.lower() in _GENERIC_WORDS or (w.isupper() and w.isalpha() and len(w) <= 5)

        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                part = words[i : i + size]
                if not part[0][:1].isupper() or not part[-1][:1].isupper():
                    continue
                if all(w.lower().strip(".,") in _GENERIC_WORDS for w in part):
                    continue
                if not all(generic(w) for w in words[:i] + words[i + size :]):
                    continue
                sub = " ".join(part).strip(".,'’")
                country = self.gazetteer.demonym(sub)
                if envoy and (
                    country is not None or any(c.is_country for c in self.gazetteer.candidates(sub, limit=3))
                ):
                    return ()  # "the US embassy", "Embassy of Armenia": in the host town, not the sending country
                if country is not None:
                    return (replace(country, matched_name=sub),)
                want = surface_form(sub)
                exact = tuple(
                    c for c in self.gazetteer.candidates(sub, limit=self.max_candidates)
                    if surface_form(c.name) == want or (c.is_country and surface_form(c.matched_name) == want)
                )  # fmt: skip
                if exact:
                    return exact
        return ()

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return self._lookup(name)
