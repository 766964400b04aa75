"""Importing the real GeoNames dumps (``allCountries.zip``, ``IQ.zip``, ``admin1CodesASCII.txt``...)
into a built gazetteer: resumable, in batches, replacing derived rows with GeoNames' own.
"""

from __future__ import annotations

import csv
import io
import logging
import sqlite3
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventlens.errors import GazetteerError
from eventlens.geo.gazetteer_file import _insert_names, _latin_names, english_spellings

#: the gazetteer's log, under the name it always had
logger = logging.getLogger("eventlens.geo.gazetteer")


ProgressFn = Callable[[str, int], None]


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
            _insert_names(cur, gid, english_spellings(_latin_names([r[1], r[2], *r[3].split(",")]), cc))
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
