# ruff: noqa: E501  (tables of named cases read best one case to a line)
"""Exports: ACLED CSV re-read by pandas has ACLED's 31 columns in ACLED's order; GeoJSON follows
RFC 7946; Parquet and GeoParquet keep types and give back the same rows; writers stream."""

from __future__ import annotations

import csv
import io
import json
import struct
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent / "api"))

import api_data  # noqa: E402

from eventlens.jobs.export import ACLED_CSV_COLUMNS, iter_acled_csv, stream, write_parquet  # noqa: E402
from eventlens.store.queries import IncidentFilter, iter_incidents  # noqa: E402

ACLED_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled" / "dev.csv"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    s = api_data.build(str(tmp_path_factory.mktemp("export") / "x.db"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def rows(store: Any) -> list[dict[str, Any]]:
    return list(iter_incidents(store, IncidentFilter()))


def test_acled_columns_are_acleds_own_header() -> None:
    if not ACLED_DEV.exists():
        pytest.skip(f"{ACLED_DEV} not present (the ACLED sample in shared data)")
    with ACLED_DEV.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == ACLED_CSV_COLUMNS
    assert len(ACLED_CSV_COLUMNS) == 31


def test_acled_csv_round_trip_with_pandas(rows: list[dict[str, Any]]) -> None:
    import pandas as pd

    text = b"".join(stream(rows, "acled-csv")).decode()
    df = pd.read_csv(io.StringIO(text))
    assert list(df.columns) == list(ACLED_CSV_COLUMNS)
    assert len(df) == len(rows) == 6
    assert set(df["event_id_cnty"]) == {r["event_id_cnty"] for r in rows}
    kabul = df[(df["location"] == "Kabul") & (df["event_type"] == "Explosions/Remote violence")].iloc[0]
    assert (kabul["event_date"], kabul["fatalities"], kabul["geo_precision"]) == ("2021-09-10", 4, 1)
    assert df["timestamp"].notna().all() and (df["timestamp"] > 1_600_000_000).all()


def test_geojson_is_rfc7946(rows: list[dict[str, Any]]) -> None:
    doc = json.loads(b"".join(stream(rows, "geojson")))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc  # RFC 7946 s.4: WGS 84 only, no crs member
    assert len(doc["features"]) == 6
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        geom = f["geometry"]
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]  # s.3.1.1: longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lon, lat) == (f["properties"]["longitude"], f["properties"]["latitude"])


def test_geojson_feature_without_coordinates_has_null_geometry() -> None:
    doc = json.loads(
        b"".join(stream([{"event_id_cnty": "X1", "latitude": None, "longitude": None}], "geojson"))
    )
    assert doc["features"][0]["geometry"] is None


def test_jsonl_one_incident_a_line(rows: list[dict[str, Any]]) -> None:
    lines = b"".join(stream(rows, "jsonl")).decode().splitlines()
    assert [json.loads(x)["event_id_cnty"] for x in lines] == [r["event_id_cnty"] for r in rows]


def test_parquet_keeps_types_and_rows(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    path = tmp_path / "x.parquet"
    assert write_parquet(rows, path) == 6
    schema = pq.read_schema(path)
    assert str(schema.field("event_date").type) == "date32[day]"
    assert str(schema.field("fatalities").type) == "int32"
    assert str(schema.field("latitude").type) == "double"
    df = pd.read_parquet(path)
    assert list(df["event_id_cnty"]) == [r["event_id_cnty"] for r in rows]
    assert df.loc[df["location"] == "Basra", "event_date"].iloc[0] == date(2021, 11, 2)
    assert df["fatalities"].tolist()[:2] == [r["fatalities"] for r in rows[:2]]


def test_geoparquet_has_geo_metadata_and_wkb_points(rows: list[dict[str, Any]], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "x.geoparquet"
    path.write_bytes(b"".join(stream(rows, "geoparquet")))
    table = pq.read_table(path)
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    assert pq.read_schema(path).metadata[b"geo"] == table.schema.metadata[b"geo"]  # where GeoPandas looks
    for wkb, lon, lat in zip(
        table["geometry"].to_pylist(),
        table["longitude"].to_pylist(),
        table["latitude"].to_pylist(),
        strict=True,
    ):
        assert struct.unpack("<BIdd", wkb) == (1, 1, lon, lat)


def test_csv_writer_streams_before_reading_everything() -> None:
    pulled = 0

    def rows() -> Any:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield {"event_id_cnty": f"X{i}"}

    chunks = iter_acled_csv(rows())
    assert next(chunks).startswith("event_id_cnty,")
    assert pulled == 0  # the header is out before a single row was read
    next(chunks)
    assert pulled < 10_000  # one batch, not the whole export


def test_filtered_export_and_pages_beyond_one_batch(store: Any) -> None:
    got = list(iter_incidents(store, IncidentFilter(event_type=("Protests",)), batch=1))
    assert {r["location"] for r in got} == {"Nairobi", "Mombasa"}


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        pytest.param("acled-csv", lambda b: b.decode().splitlines()[0].split(",") == list(ACLED_CSV_COLUMNS), id="acled-csv"),
        pytest.param("geojson", lambda b: len(json.loads(b)["features"]) == 2, id="geojson"),
        pytest.param("parquet", lambda b: b[:4] == b"PAR1", id="parquet"),
    ],
)  # fmt: skip
def test_api_export_streams_each_format(store: Any, fmt: str, check: Any) -> None:
    from fastapi.testclient import TestClient

    from eventlens.api.app import Settings, create_app

    with TestClient(create_app(Settings(), store=store)) as c:
        resp = c.get("/api/v1/export", params={"format": fmt, "country": "KEN"})
    assert resp.status_code == 200 and "attachment" in resp.headers["content-disposition"]
    assert check(resp.content)


def test_cli_export_to_file(store: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventlens.cli import app

    out = tmp_path / "kenya.csv"
    db = str(store.engine.url.database)
    res = CliRunner().invoke(
        app, ["export", "--db", db, "--format", "acled-csv", "--country", "Kenya", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    assert len(out.read_text().splitlines()) == 3
    bad = CliRunner().invoke(app, ["export", "--db", db, "--format", "parquet"])
    assert bad.exit_code == 2
