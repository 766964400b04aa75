"""The API on the local PostgreSQL server: filters, keyset pages across dated and undated
incidents, corrections and keys behave as on SQLite. Skips, saying why, without the server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import api_data
import pytest

from eventlens.api.keys import create_key

PG_BASE = os.environ.get("EVENTLENS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client() -> Iterator[tuple[Any, str]]:
    try:
        import psycopg

        with psycopg.connect(PG_BASE, connect_timeout=3, autocommit=True) as conn:
            schema = f"api_{uuid.uuid4().hex[:12]}"
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "skip", with the reason
        pytest.skip(
            f"PostgreSQL at {PG_BASE} unreachable ({type(exc).__name__}: {exc}); set EVENTLENS_TEST_PG"
        )
    store = api_data.build(f"{PG_BASE}?options=-csearch_path%3D{schema}")
    secret = create_key(store, "pg-tests")[1]
    try:
        with api_data.make_client(store) as c:
            yield c, secret
    finally:
        store.close()
        with psycopg.connect(PG_BASE, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({"event_type": "Battles"}, {"Basra", "Kabul"}, id="event-type"),
        pytest.param(
            {"date_from": "2021-10-01", "date_to": "2021-10-31"}, {"Baghdad", "Mombasa"}, id="date-range"
        ),
        pytest.param({"bbox": "170,-10,40,10"}, {"Nairobi", "Mombasa"}, id="bbox-across-antimeridian"),
        pytest.param({"country": "Kenya", "role": "reported"}, {"Nairobi", "Mombasa"}, id="country-and-role"),
        pytest.param({"actor": "TALIBAN", "country": "Ira\x00q"}, set(), id="nul-byte-not-a-500"),
    ],
)
def test_filters_on_postgres(pg_client: Any, params: dict[str, Any], expected: set[str]) -> None:
    c, _ = pg_client
    resp = c.get("/api/v1/incidents", params=params)
    assert resp.status_code == 200, resp.text
    assert {r["location"] for r in resp.json()["items"]} == expected


def test_pages_and_counts_on_postgres(pg_client: Any) -> None:
    c, _ = pg_client
    whole = [r["event_id_cnty"] for r in c.get("/api/v1/incidents").json()["items"]]
    seen, cursor = [], None
    for _ in range(10):
        body = c.get(
            "/api/v1/incidents", params={"limit": 2, **({"cursor": cursor} if cursor else {})}
        ).json()
        seen += [r["event_id_cnty"] for r in body["items"]]
        if not (cursor := body["next_cursor"]):
            break
    assert seen == whole and len(whole) == 6
    assert c.get("/api/v1/counts", params={"by": "country"}).json()["total"] == 6


def test_correction_on_postgres(pg_client: Any) -> None:
    c, secret = pg_client
    iid = c.get("/api/v1/incidents", params={"country": "AFG"}).json()["items"][0]["event_id_cnty"]
    resp = c.post(
        f"/api/v1/incidents/{iid}/corrections",
        json={"changes": {"fatalities": 7, "notes": "checked\x00"}, "reason": "UN"},
        headers={"X-API-Key": secret},
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["fatalities"] == 7 and resp.json()["notes"] == "checked"
    assert (
        c.post(
            f"/api/v1/incidents/{iid}/corrections", json={"changes": {"fatalities": 1}, "reason": "x"}
        ).status_code
        == 401
    )


def test_like_wildcards_are_literal_on_postgres(pg_client: Any) -> None:
    from test_api_hardening import literal_wildcards_check

    literal_wildcards_check(*pg_client)
