"""Near-duplicate articles and cross-article incident clustering.

Two questions, answered without ever comparing all pairs:

1. *Is this article a syndicated copy of one we hold?*  MinHash signatures over word
   shingles, banded for LSH: two articles are candidates when any band hashes alike,
   and near-duplicates when their estimated Jaccard similarity reaches
   :data:`NEAR_DUP_THRESHOLD`.  The store keeps the band hashes in an indexed table, so
   the lookup works across runs and processes.

2. *Does this mention describe an incident we already hold?*  Each mention (an
   :class:`~eventlens.types.Event` read from one article) is reduced to a
   :class:`MentionKey`; :func:`compatible` says whether two mentions may be the same
   incident (type family, date within the precision of both, place within a distance
   scaled by the coarser geo precision and not two differently named towns, actors that do
   not contradict; weak links - a coarse place, a day apart, another sub-type - need a named
   actor in common).  Candidates come
   from :func:`index_keys` - (week bucket x geocell) keys - so every compatible pair shares
   at least one key (see the proof sketch in :func:`index_keys`).

Order independence.  :func:`compatible` is a symmetric function of the two mentions alone,
and an incident is a connected component of the "compatible" graph.  The store discovers
each edge when the second of its two mentions arrives and merges incidents on it, so the
same articles in any order end in the same partition of mentions (a Hypothesis test checks
this).  The price of single-link clusters is chaining; :func:`compatible` is kept strict for
that reason (dates must overlap after a one-day slack, year-precision dates never link).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from eventlens import taxonomy as tx
from eventlens.geo.distance import haversine_km
from eventlens.types import Event

__all__ = [
    "NEAR_DUP_THRESHOLD",
    "MentionKey",
    "MinHasher",
    "band_hashes",
    "compatible",
    "connected_components",
    "estimate_jaccard",
    "family_of",
    "index_keys",
    "mention_key",
    "normalise_actor",
    "shingles",
]

# --------------------------------------------------------------------------- near-duplicates

#: Word 5-gram shingles: long enough that two unrelated reports of the same kind of event
#: ("a car bomb exploded in ...") rarely share many, short enough that an edited copy
#: (new headline, one changed paragraph) still shares most.
SHINGLE_WORDS = 5
#: 128 permutations in 32 bands of 4 rows: the LSH S-curve is at 50 % at J ~ (1/32)^(1/4) ~ 0.42
#: and catches a pair with J = 0.7 with probability 1 - (1 - 0.7^4)^32 > 0.9999.
NUM_PERM = 128
BANDS = 32
#: Estimated Jaccard over 5-gram shingles at which two articles count as copies. Wire copies
#: with a changed headline/byline score 0.8-0.95; independent reports of one event < 0.2
#: (measured on hand-made pairs in tests/test_dedupe.py).
NEAR_DUP_THRESHOLD = 0.6

_WORD = re.compile(r"\w+", re.UNICODE)
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word k-grams; a text shorter than k words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


class MinHasher:
    """MinHash signatures with fixed, seeded permutations (the same in every process)."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = 1) -> None:
        rng = np.random.RandomState(seed)
        # a in [1, p), b in [0, p) with p the Mersenne prime 2^61 - 1, as in datasketch.
        self.a = rng.randint(1, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)
        self.b = rng.randint(0, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)
        self.num_perm = num_perm

    def signature(self, text: str) -> np.ndarray:
        """The signature (``uint32[num_perm]``) of the text's shingles; all-max for an empty text."""
        sh = shingles(text)
        if not sh:
            return np.full(self.num_perm, _MAX_HASH, dtype=np.uint32)
        hv = np.fromiter(
            (
                int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")
                for s in sh
            ),
            dtype=np.uint64,
            count=len(sh),
        )
        # (a*x + b) mod p, then keep 32 bits; a, x < 2^32 so a*x < 2^64 - no overflow.
        ph = (np.outer(hv, self.a) + self.b) % _MERSENNE & _MAX_HASH
        return ph.min(axis=0).astype(np.uint32)


def band_hashes(sig: np.ndarray, bands: int = BANDS) -> list[str]:
    """One short hex key per LSH band: two signatures collide in a band iff the rows agree."""
    rows = len(sig) // bands
    return [
        f"{i:02d}" + hashlib.blake2b(sig[i * rows : (i + 1) * rows].tobytes(), digest_size=8).hexdigest()
        for i in range(bands)
    ]


def estimate_jaccard(a: np.ndarray | bytes, b: np.ndarray | bytes) -> float:
    """Share of equal signature slots - an unbiased estimate of the shingle Jaccard."""
    sa = np.frombuffer(a, dtype=np.uint32) if isinstance(a, bytes | bytearray | memoryview) else a
    sb = np.frombuffer(b, dtype=np.uint32) if isinstance(b, bytes | bytearray | memoryview) else b
    if len(sa) != len(sb) or not len(sa):
        return 0.0
    if (sa == _MAX_HASH).all() or (sb == _MAX_HASH).all():
        return 0.0  # an empty text is nobody's copy
    return float(np.mean(sa == sb))


# --------------------------------------------------------------------------- incident clustering

#: Event types a reporter (or our classifier) easily swaps: a "clash" in one article is
#: "shelling" in the next; a protest that turns violent is a riot. Strategic developments stand alone.
_FAMILY: dict[str, str] = {
    tx.BATTLES: "armed",
    tx.EXPLOSIONS: "armed",
    tx.VIOLENCE_AGAINST_CIVILIANS: "civilians",
    tx.PROTESTS: "demonstration",
    tx.RIOTS: "demonstration",
    tx.STRATEGIC_DEVELOPMENTS: "strategic",
}

#: How far apart two reports of one incident may place it, by the coarser geo precision (km).
#: A "point" is a village or a named site; geonames city centroids can be ~10 km from the
#: reported neighbourhood, so a city allows 25 km.
RADIUS_KM: dict[str, float] = {
    "point": 5.0,
    "neighbourhood": 10.0,
    "city": 25.0,
    "admin2": 60.0,
}
_FINE = frozenset(RADIUS_KM)
#: What kind of named place each fine precision is: a "site" (a named spot or a district) lies
#: inside a "town" (a village, town or city, or "near" one - ACLED's precision 2), so a site and a
#: town may carry different names for one place; two towns, or two sites, with different names may not.
_PLACE_KIND = {"point": "site", "neighbourhood": "site", "city": "town", "admin2": "town"}
#: Two differently named places closer than this are one place spelled two ways (the gazetteer
#: put both on the same coordinates), not two places.
SAME_SITE_KM = 1.0
#: The Earth radius these distances were always measured with (the thresholds above were set
#: with it): 6371.0 km, not the IUGG mean radius the geocoder and the suites use.
_EARTH_RADIUS_KM = 6371.0
#: Cells of 0.5 degree (~55 km): a 60 km radius touches at most 4x4 cells.
CELL_DEG = 0.5
#: Two reports' dates may miss each other by one day ("last night" vs the date of the report);
#: a two-day tolerance merged distinct clashes two days apart at one place in ACLED dev.
DAY_SLACK = 1
#: Dates coarser than this never link (a "this year" report would chain everything).
MAX_SPAN_DAYS = 31

_PAREN_YEARS = re.compile(r"\s*\((?:\d{4})-(?:\d{4})?\)")
_SPACE = re.compile(r"\s+")
#: Actors that say nothing about who it was; they agree with any actor.
_WILDCARD_PREFIXES = ("unidentified", "unknown", "civilians", "protesters", "rioters")
#: Actor names that name no one (a role without a country or group): they agree with any actor
#: and support no link - two "military forces" shelling reports may be two armies.
_GENERIC_ACTORS = frozenset(
    {"military forces", "police forces", "security forces", "armed group", "militia", "rebels", "government"}
)


def fold(name: str | None) -> str:
    """Case- and accent-insensitive form of a place name: "Baghdād" and "baghdad" compare equal."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def family_of(event_type: str) -> str:
    return _FAMILY.get(event_type, event_type.lower())


def normalise_actor(name: str) -> str:
    """Compare actors without ACLED's period suffix: "Military Forces of Iraq (2020-)"."""
    return _SPACE.sub(" ", _PAREN_YEARS.sub("", name)).strip().lower()


@dataclass(frozen=True, slots=True)
class MentionKey:
    """What clustering needs from one mention; stored as columns so candidates load cheaply."""

    mention_id: str
    article_id: str
    family: str
    start: date | None
    end: date | None
    precision: str | None
    lat: float | None
    lon: float | None
    geo_precision: str | None
    iso3: str | None
    admin1: str | None
    actors: tuple[str, ...]  # normalised, sorted, wildcards removed
    sub_event_type: str | None = None
    place_name: str | None = None  # folded (see :func:`fold`)

    @property
    def geo_level(self) -> str:
        """``fine`` (has coordinates, admin2 or finer), ``admin1``, ``country`` or ``none``."""
        if self.geo_precision in _FINE and self.lat is not None and self.lon is not None:
            return "fine"
        if self.geo_precision == "admin1" and self.iso3 and self.admin1:
            return "admin1"
        if self.iso3:
            return "country"
        return "none"

    def to_columns(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "date_start": self.start,
            "date_end": self.end,
            "date_precision": self.precision,
            "latitude": self.lat,
            "longitude": self.lon,
            "geo_precision_label": self.geo_precision,
            "iso3": self.iso3,
            "admin1": self.admin1,
            "actor_keys": list(self.actors),
            "sub_event_type": self.sub_event_type,
            "place_name": self.place_name,
        }

    @classmethod
    def from_columns(cls, mention_id: str, article_id: str, row: Mapping[str, Any]) -> MentionKey:
        return cls(
            mention_id=mention_id,
            article_id=article_id,
            family=row["family"],
            start=row["date_start"],
            end=row["date_end"],
            precision=row["date_precision"],
            lat=row["latitude"],
            lon=row["longitude"],
            geo_precision=row["geo_precision_label"],
            iso3=row["iso3"],
            admin1=row["admin1"],
            actors=tuple(row["actor_keys"] or ()),
            sub_event_type=row.get("sub_event_type"),
            place_name=row.get("place_name"),
        )


def _actor_names(ev: Event) -> tuple[str, ...]:
    names = set()
    for a in (ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2):
        if a is None or not a.name:
            continue
        n = normalise_actor(a.name)
        if n and not n.startswith(_WILDCARD_PREFIXES) and n not in _GENERIC_ACTORS:
            names.add(n)
    return tuple(sorted(names))


def mention_key(ev: Event, mention_id: str, article_id: str) -> MentionKey:
    loc = ev.location
    return MentionKey(
        mention_id=mention_id,
        article_id=article_id,
        family=family_of(ev.event_type),
        start=ev.date.start if ev.date else None,
        end=ev.date.end if ev.date else None,
        precision=ev.date.precision if ev.date else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        geo_precision=loc.precision if loc else None,
        iso3=(loc.iso3 or None) if loc else None,
        admin1=(loc.admin1 or None) if loc else None,
        actors=_actor_names(ev),
        sub_event_type=ev.sub_event_type,
        place_name=(fold(loc.name) or None) if loc else None,
    )


def _dates_agree(a: MentionKey, b: MentionKey, strict: bool, slack: bool = True) -> bool:
    """The two ranges overlap, or (unless ``strict`` or not ``slack``) miss each other by one day.

    ``strict`` also asks both dates to be days."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    if (a.end - a.start).days >= MAX_SPAN_DAYS or (b.end - b.start).days >= MAX_SPAN_DAYS:
        return False
    if strict and (a.precision != "day" or b.precision != "day"):
        return False
    tol = timedelta(days=DAY_SLACK if slack and not strict else 0)
    return a.start <= b.end + tol and b.start <= a.end + tol


def _places_agree(a: MentionKey, b: MentionKey) -> tuple[bool, bool]:
    """(agree, strict_date): a place known only to the country asks for a stricter date."""
    la, lb = a.geo_level, b.geo_level
    if la == "none" or lb == "none":
        return (la == lb == "none"), True
    if a.iso3 != b.iso3:
        return False, False
    if la == "fine" and lb == "fine":
        radius = max(RADIUS_KM[a.geo_precision or ""], RADIUS_KM[b.geo_precision or ""])
        km = haversine_km(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0, radius_km=_EARTH_RADIUS_KM)
        if (
            a.place_name
            and b.place_name
            and a.place_name != b.place_name
            and _PLACE_KIND[a.geo_precision or ""] == _PLACE_KIND[b.geo_precision or ""]
            and km > SAME_SITE_KM
        ):
            # Two named villages (or two named districts) a few km apart are two places: the
            # distance radius alone merged same-day shelling of neighbouring front-line villages
            # and protests in neighbouring city districts (ACLED dev).
            return False, False
        return km <= radius, False
    if "country" in (la, lb):
        return True, True
    # admin1 with admin1 or fine: the same first-level division (case-insensitive), stricter date.
    return fold(a.admin1) == fold(b.admin1) and bool(a.admin1), True


def _actors_agree(a: MentionKey, b: MentionKey, need_support: bool) -> bool:
    if not a.actors or not b.actors:
        return not need_support  # one side names nobody: no contradiction, but no support either
    return bool(set(a.actors) & set(b.actors))


def compatible(a: MentionKey, b: MentionKey, *, near_dup: bool = False) -> bool:
    """Whether two mentions from different articles may report the same incident.

    Symmetric in ``a`` and ``b``. ``near_dup`` says the two articles are copies of each other:
    then the type family, a place that does not contradict (same country, or within range)
    and dates within a day suffice - a copy's different actors or coarser place are our
    extraction, not the story.
    """
    if a.article_id == b.article_id or a.family != b.family:
        return False
    place_ok, coarse = _places_agree(a, b)
    if not place_ok:
        return False
    if near_dup:
        # Templated reports ("On <date>, retirees protested in <town> ...") look like copies
        # but name different towns, so the places must still agree; actors and sub-types may not.
        return _dates_agree(a, b, strict=False)
    # A place known only to the province or country is weak evidence: it would bridge every
    # incident of the day in that province (single-link chaining - seen in ACLED dev on
    # front lines and protest waves). So ask for the same day and the same sub-event type too.
    if coarse and a.sub_event_type != b.sub_event_type:
        return False
    # With no place at all, or a place known only to the province or country, only a named actor
    # in common can tie two reports together: "protests across Iran on Saturday" would otherwise
    # join (and so chain) the day's protests in every Iranian town (ACLED dev, extracted).
    need_support = coarse
    if not _actors_agree(a, b, need_support):
        return False
    # The one-day slack ("last night" against the report's date) is granted only to reports that
    # share a named actor: two actor-less protests in one city on consecutive days are two protests.
    # Without that support the sub-event type must agree as well: a grenade and a shelling, or a
    # peaceful protest and a riot, in one town on one day are more often two events than one.
    supported = bool(set(a.actors) & set(b.actors))
    if not supported and a.sub_event_type != b.sub_event_type:
        return False
    return _dates_agree(a, b, coarse, slack=supported)


def _weeks(m: MentionKey) -> range:
    if m.start is None or m.end is None or (m.end - m.start).days >= MAX_SPAN_DAYS:
        return range(0)
    # Widened by the slack on both sides: a superset of what _dates_agree accepts.
    lo = (m.start - timedelta(days=DAY_SLACK)).toordinal() // 7
    hi = (m.end + timedelta(days=DAY_SLACK)).toordinal() // 7
    return range(lo, hi + 1)


def _cells(m: MentionKey) -> list[str]:
    lat, lon = m.lat or 0.0, m.lon or 0.0
    r = RADIUS_KM[m.geo_precision or ""]
    # 10 % margin over the degree box, so rounding in the km-per-degree figure never loses a cell.
    dlat = 1.1 * r / 111.0
    dlon = 1.1 * r / (111.0 * max(0.05, math.cos(math.radians(min(89.0, abs(lat) + dlat)))))
    y0, y1 = math.floor((lat - dlat) / CELL_DEG), math.floor((lat + dlat) / CELL_DEG)
    x0, x1 = math.floor((lon - dlon) / CELL_DEG), math.floor((lon + dlon) / CELL_DEG)
    # Longitude wrap at the antimeridian is ignored: cells there are merely not shared.
    return [f"G{x}:{y}" for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


def index_keys(m: MentionKey) -> tuple[list[str], list[str]]:
    """(keys to store, keys to look up) for the (week bucket x geocell) candidate index.

    Every compatible pair shares a key: the weeks of the slack-widened date ranges overlap
    when the dates agree; two fine places within the larger radius R share the cell of one of
    them, since the mention with radius R stores every cell within R of itself. Mixed levels
    meet through named keys: a fine mention stores ``A1F``/``CF`` and looks up the coarse
    mentions' ``A1C``/``CC``/``CA``; each coarse level looks up what the others store.
    """
    weeks = _weeks(m)
    if not weeks:
        return [], []
    level = m.geo_level
    iso = m.iso3 or ""
    a1 = f"{iso}|{fold(m.admin1)}"
    if level == "fine":
        cells = _cells(m)
        store = cells + ([f"A1F:{a1}"] if m.admin1 else []) + [f"CF:{iso}"]
        look = cells + ([f"A1C:{a1}"] if m.admin1 else []) + [f"CC:{iso}"]
    elif level == "admin1":
        store = [f"A1C:{a1}", f"CA:{iso}"]
        look = [f"A1F:{a1}", f"A1C:{a1}", f"CC:{iso}"]
    elif level == "country":
        store = [f"CC:{iso}"]
        look = [f"CF:{iso}", f"CA:{iso}", f"CC:{iso}"]
    else:
        store = look = ["NOLOC"]
    return [f"{w}|{k}" for w in weeks for k in store], [f"{w}|{k}" for w in weeks for k in look]


def connected_components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[frozenset[str]]:
    """Components of an undirected graph, sorted canonically (used by tests and evaluation)."""
    parent: dict[str, str] = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for n in parent:
        groups.setdefault(find(n), set()).add(n)
    return sorted((frozenset(g) for g in groups.values()), key=lambda g: min(g))
