"""Migrations: an empty database migrated to head is exactly ``schema.metadata``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from eventlens import store as store_mod
from eventlens.store import schema as t
from eventlens.store.db import normalise_url


def test_migrated_database_matches_metadata(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, t.metadata)
        assert diff == []
        assert ctx.get_current_revision() == "0002"


def test_indexes_for_the_common_filters_exist(store):
    names = {ix["name"] for ix in sa.inspect(store.engine).get_indexes("incidents")}
    assert {
        "ix_incidents_event_date",
        "ix_incidents_event_type",
        "ix_incidents_iso",
        "ix_incidents_lat_lon",
    } <= names


def test_open_twice_is_a_no_op(db_url):
    store_mod.open(db_url).close()
    s = store_mod.open(db_url)
    assert s.counts()["articles"] == 0
    s.close()


def test_sqlite_uses_wal(tmp_path):
    s = store_mod.open(tmp_path / "x.db")
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    s.close()


def test_urls():
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("data/x.db") == "sqlite:///data/x.db"
    assert normalise_url("sqlite:///:memory:") == "sqlite:///:memory:"
