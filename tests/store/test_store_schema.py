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
        assert ctx.get_current_revision() == "0003"


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


def _old_way(db_url: str) -> None:
    """A database as eventlens made it before migration 0003: the store migrated to 0002, then the
    API keys and the watcher's tables made by ``create_all`` on first use (no naming convention)."""
    from alembic import command
    from alembic.config import Config

    from eventlens.store.db import _MIGRATIONS

    engine = sa.create_engine(normalise_url(db_url))
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    old = sa.MetaData()
    keys = sa.Table(
        "api_keys",
        old,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False, unique=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
    )
    feeds = sa.Table(
        "watch_feeds",
        old,
        sa.Column("feed_url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_polled", sa.DateTime),
        sa.Column("last_status", sa.Text),
    )
    sa.Table(
        "watch_items",
        old,
        sa.Column("item_key", sa.String(64), primary_key=True),
        sa.Column("feed_url", sa.Text, nullable=False),
        sa.Column("link", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("article_id", sa.String(64)),
        sa.Column("reason", sa.Text),
        sa.Column("seen_at", sa.DateTime, nullable=False),
    )
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            sa.insert(keys).values(name="old", prefix="0badc0de", digest="0" * 64, created_at=sa.func.now())
        )
        conn.execute(sa.insert(feeds).values(feed_url="https://example.org/feed", etag='"v1"'))
    engine.dispose()


def test_database_with_tables_made_by_create_all_upgrades_in_place(db_url):
    """Keys and feed state made before the migrations owned those tables survive the upgrade."""
    from eventlens.api.keys import create_key, list_keys

    _old_way(db_url)
    with store_mod.open(db_url) as s:
        with s.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == "0003"
            assert conn.execute(sa.select(t.watch_feeds.c.etag)).scalar_one() == '"v1"'
        create_key(s, "new")
        assert [k.name for k in list_keys(s)] == ["old", "new"]


def test_fresh_database_has_the_keys_and_watcher_tables(store):
    names = set(sa.inspect(store.engine).get_table_names())
    assert {"api_keys", "watch_feeds", "watch_items"} <= names
