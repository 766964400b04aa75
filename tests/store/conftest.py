"""Fixtures: the same store tests run on SQLite (a temp file) and on the local PostgreSQL.

Each PostgreSQL test gets its own schema (dropped afterwards) through ``search_path`` in the
URL, so tests never see each other's rows. PostgreSQL tests skip, saying why, only when the
server at 127.0.0.1:5432 cannot be reached.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from eventlens import store as store_mod
from eventlens.store import Store

PG_BASE = os.environ.get("EVENTLENS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
_pg_reason: str | None = None
_pg_checked = False


def pg_unavailable() -> str | None:
    """None when the test server answers, else the reason to skip."""
    global _pg_checked, _pg_reason
    if not _pg_checked:
        _pg_checked = True
        try:
            import psycopg

            with psycopg.connect(PG_BASE, connect_timeout=3) as conn:
                conn.execute("select 1")
        except Exception as exc:  # noqa: BLE001 - any failure to connect means "skip", with the reason
            _pg_reason = (
                f"PostgreSQL at {PG_BASE} unreachable ({type(exc).__name__}: {exc}); set EVENTLENS_TEST_PG"
            )
    return _pg_reason


def pg_url(schema: str) -> str:
    return f"{PG_BASE}?options=-csearch_path%3D{schema}"


def _drop(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    backend = request.param
    if backend == "sqlite":
        yield str(tmp_path / "eventlens.db")
        return
    reason = pg_unavailable()
    if reason:
        pytest.skip(reason)
    import psycopg

    schema = f"evt_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield pg_url(schema)
    finally:
        _drop(schema)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = store_mod.open(db_url)
    try:
        yield s
    finally:
        s.close()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test using ``db_url`` (or ``store``) runs once per backend."""
    if "db_url" in metafunc.fixturenames:
        metafunc.parametrize(
            "db_url",
            [
                pytest.param("sqlite", id="sqlite"),
                pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
            ],
            indirect=True,
        )
