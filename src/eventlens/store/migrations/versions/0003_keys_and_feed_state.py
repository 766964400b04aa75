"""api_keys, watch_feeds, watch_items: the server's keys and the feed watcher's state

Until now ``eventlens.api.keys`` and ``eventlens.jobs.watch`` created these tables themselves
with ``create_all`` on first use, outside the migrations. A database where they did already has
them (with the same columns): each is created only if absent, so such a database upgrades in
place and keeps its keys and feed state.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _absent(table: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(table)


def upgrade() -> None:
    if _absent("api_keys"):
        op.create_table(
            "api_keys",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("prefix", sa.String(length=16), nullable=False),
            sa.Column("digest", sa.String(length=64), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("revoked_at", sa.DateTime(), nullable=True),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
            sa.UniqueConstraint("prefix", name=op.f("uq_api_keys_prefix")),
        )
    if _absent("watch_feeds"):
        op.create_table(
            "watch_feeds",
            sa.Column("feed_url", sa.Text(), nullable=False),
            sa.Column("etag", sa.Text(), nullable=True),
            sa.Column("last_modified", sa.Text(), nullable=True),
            sa.Column("last_polled", sa.DateTime(), nullable=True),
            sa.Column("last_status", sa.Text(), nullable=True),
            sa.PrimaryKeyConstraint("feed_url", name=op.f("pk_watch_feeds")),
        )
    if _absent("watch_items"):
        op.create_table(
            "watch_items",
            sa.Column("item_key", sa.String(length=64), nullable=False),
            sa.Column("feed_url", sa.Text(), nullable=False),
            sa.Column("link", sa.Text(), nullable=True),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
            sa.Column("article_id", sa.String(length=64), nullable=True),
            sa.Column("reason", sa.Text(), nullable=True),
            sa.Column("seen_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("item_key", name=op.f("pk_watch_items")),
        )


def downgrade() -> None:
    op.drop_table("watch_items")
    op.drop_table("watch_feeds")
    op.drop_table("api_keys")
