"""Incidents out of the store in the formats analysts already use, streamed.

* ``acled-csv``: ACLED's 31 columns in ACLED's order and spelling (the header of ACLED's own
  exports, ``event_id_cnty`` ... ``timestamp``), so existing ACLED scripts read it unchanged.
  ``timestamp`` is, as in ACLED, the Unix time the record last changed. Values are written as
  ACLED writes them: ``fatalities`` is always a whole number (``0`` where no report gave a toll,
  as in ACLED's data; the JSON formats keep ``null`` for "not said"), ``region`` is ACLED's
  region of the country (:mod:`eventlens.store.regions`), ``source`` the publishers.
* Every CSV cell that a spreadsheet would run as a formula (text starting with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return) is written with a leading ``'`` (OWASP's CSV
  injection advice); numbers are written as numbers.
* ``geojson``: an RFC 7946 FeatureCollection, ``[longitude, latitude]`` in WGS 84, a ``null``
  geometry for an incident with no coordinates; every column is a property.
* ``jsonl``: one incident per line (the API's JSON shape).
* ``parquet`` / ``geoparquet``: typed columns (dates as ``date32``, counts as integers,
  coordinates as doubles, times as UTC ``timestamp[s, tz=UTC]``); GeoParquet 1.1 adds a WKB ``geometry`` column and the ``geo`` file
  metadata, so GeoPandas, DuckDB spatial and QGIS read it as points.

Every writer takes an iterator of rows (see :func:`eventlens.store.queries.iter_incidents`, which
pages through the store by keyset) and never holds more than one batch: text formats yield
chunks; Parquet writes one row group per batch.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import struct
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any

from eventlens.errors import ConfigError
from eventlens.store.regions import with_region

log = logging.getLogger(__name__)

#: ACLED's export columns, in its order and spelling (as in ACLED's own CSV header).
ACLED_CSV_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

FORMATS: dict[str, tuple[str, str]] = {
    # name: (media type, file extension)
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "geoparquet": ("application/vnd.apache.parquet", "parquet"),
}

_BATCH = 2000
_INT = {
    "year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
    "fatalities_min", "fatalities_max", "injured", "source_count", "article_count", "mention_count",
}  # fmt: skip
_FLOAT = {"latitude", "longitude", "confidence"}
_DATE = {"event_date", "date_end"}
_DATETIME = {"first_seen", "last_seen", "updated_at"}


def json_default(v: Any) -> Any:
    """``json.dumps`` ``default`` for the store's values (dates, date-times, bytes)."""
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.hex()
    raise TypeError(f"{type(v).__name__} is not JSON serialisable")


def _batches(rows: Iterable[dict[str, Any]], n: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, n)):
        yield chunk


def _timestamp(r: dict[str, Any]) -> int | None:
    when = r.get("updated_at") or r.get("last_seen")
    if not isinstance(when, datetime):
        return None
    return int(when.replace(tzinfo=UTC).timestamp() if when.tzinfo is None else when.timestamp())


def acled_row(r: dict[str, Any]) -> dict[str, Any]:
    """One incident row as ACLED's columns (values as ACLED writes them: see the module doc)."""
    out = {k: r.get(k) for k in ACLED_CSV_COLUMNS}
    d = r.get("event_date")
    out["event_date"] = d.isoformat() if isinstance(d, date) else d
    out["region"] = with_region(r).get("region")
    out["fatalities"] = r.get("fatalities") or 0
    out["timestamp"] = _timestamp(r)
    return out


#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(v: Any) -> Any:
    """A CSV cell value that no spreadsheet runs: text that would start a formula gets a leading
    ``'``; numbers stay numbers; ``None`` is an empty cell. A carriage return becomes a newline
    (the writers end lines with ``\n``, and Python's csv module leaves a lone ``\r`` unquoted,
    which would split the row for a reader)."""
    if v is None:
        return ""
    if isinstance(v, str):
        if v.startswith(FORMULA_STARTS):
            v = "'" + v
        return v.replace("\r\n", "\n").replace("\r", "\n")
    return v


_csv_cell = safe_cell


def iter_acled_csv(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """ACLED CSV text, header first, one chunk per batch of rows."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ACLED_CSV_COLUMNS)
    yield buf.getvalue()
    for batch in _batches(rows, _BATCH):
        buf.seek(0)
        buf.truncate()
        for r in batch:
            a = acled_row(r)
            w.writerow([_csv_cell(a[k]) for k in ACLED_CSV_COLUMNS])
        yield buf.getvalue()


def feature(r: dict[str, Any]) -> dict[str, Any]:
    """An incident as an RFC 7946 Feature (``null`` geometry when it has no coordinates)."""
    lat, lon = r.get("latitude"), r.get("longitude")
    geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": r.get("event_id_cnty"), "geometry": geom, "properties": r}


def iter_geojson(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A GeoJSON FeatureCollection, streamed feature by feature."""
    yield '{"type":"FeatureCollection","features":['
    first = True
    for batch in _batches(rows, _BATCH):
        parts = [json.dumps(feature(r), default=json_default, ensure_ascii=False) for r in batch]
        yield ("" if first else ",") + ",".join(parts)
        first = False
    yield "]}\n"


def iter_jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for batch in _batches(rows, _BATCH):
        yield "".join(json.dumps(r, default=json_default, ensure_ascii=False) + "\n" for r in batch)


# --------------------------------------------------------------------------- Parquet


def _arrow_schema(columns: Iterable[str], geo: bool) -> Any:
    import pyarrow as pa

    fields = []
    for c in columns:
        if c in _INT:
            typ = pa.int32()
        elif c == "timestamp":
            typ = pa.int64()
        elif c in _FLOAT:
            typ = pa.float64()
        elif c in _DATE:
            typ = pa.date32()
        elif c in _DATETIME:
            typ = pa.timestamp("s", tz="UTC")  # the store keeps UTC wall time
        else:
            typ = pa.string()
        fields.append(pa.field(c, typ))
    if geo:
        fields.append(pa.field("geometry", pa.binary()))
    return pa.schema(fields)


def _utc(v: Any) -> Any:
    """A naive store date-time (UTC wall time) as an aware UTC one, so Arrow keeps the instant."""
    return v.replace(tzinfo=UTC) if isinstance(v, datetime) and v.tzinfo is None else v


def _wkb_point(lon: float | None, lat: float | None) -> bytes | None:
    if lon is None or lat is None:
        return None
    return struct.pack("<BIdd", 1, 1, float(lon), float(lat))  # little-endian WKB Point


def _geo_metadata() -> bytes:
    # No "crs" key: GeoParquet's default is OGC:CRS84 (longitude, latitude on WGS 84). No "bbox"
    # (optional): it is known only at the end, and readers take ``geo`` from the Arrow schema,
    # which is written first, so the file stays one pass.
    col = {"encoding": "WKB", "geometry_types": ["Point"]}
    return json.dumps(
        {"version": "1.1.0", "primary_column": "geometry", "columns": {"geometry": col}}
    ).encode()


def write_parquet(
    rows: Iterable[dict[str, Any]],
    sink: str | Path | IO[bytes],
    *,
    columns: Iterable[str] | None = None,
    geo: bool = False,
    batch: int = _BATCH,
) -> int:
    """Write rows to a Parquet (``geo=True``: GeoParquet) file, one row group per batch; return the count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventlens.store.queries import INCIDENT_COLUMNS

    cols = list(columns or INCIDENT_COLUMNS)
    if geo:
        cols = [c for c in cols if c != "geometry"]
    schema = _arrow_schema(cols, geo)
    if geo:
        schema = schema.with_metadata({b"geo": _geo_metadata()})
    n = 0
    writer = pq.ParquetWriter(sink, schema, compression="zstd")
    try:
        for chunk in _batches(rows, batch):
            data: dict[str, list[Any]] = {c: [_utc(r.get(c)) for r in chunk] for c in cols}
            if geo:
                data["geometry"] = [_wkb_point(r.get("longitude"), r.get("latitude")) for r in chunk]
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
            n += len(chunk)
    finally:
        writer.close()
    return n


# --------------------------------------------------------------------------- one entry point


def _text(chunks: Iterator[str]) -> Iterator[bytes]:
    for c in chunks:
        yield c.encode("utf-8")


def stream(rows: Iterable[dict[str, Any]], fmt: str, *, spool_bytes: int = 8 << 20) -> Iterator[bytes]:
    """The export as byte chunks (for an HTTP response). Parquet goes through a temporary file
    (its footer comes last), kept in memory only while smaller than ``spool_bytes``."""
    if fmt not in FORMATS:
        raise ConfigError(f"export format {fmt!r}: unknown; use one of {', '.join(FORMATS)}")
    rows = map(with_region, rows)
    if fmt == "acled-csv":
        yield from _text(iter_acled_csv(rows))
    elif fmt == "geojson":
        yield from _text(iter_geojson(rows))
    elif fmt == "jsonl":
        yield from _text(iter_jsonl(rows))
    else:
        with tempfile.SpooledTemporaryFile(max_size=spool_bytes) as tmp:
            write_parquet(rows, tmp, geo=fmt == "geoparquet")  # type: ignore[arg-type]
            tmp.seek(0)
            while chunk := tmp.read(1 << 16):
                yield chunk


def export(rows: Iterable[dict[str, Any]], fmt: str, out: IO[bytes]) -> None:
    """Write the export of ``rows`` in ``fmt`` to a binary file object."""
    if fmt in ("parquet", "geoparquet"):
        write_parquet(map(with_region, rows), out, geo=fmt == "geoparquet")
        return
    for chunk in stream(rows, fmt):
        out.write(chunk)
