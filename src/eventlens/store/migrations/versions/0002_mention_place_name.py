"""mentions.place_name: the folded place name, for the distinct-named-places veto in clustering

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 12:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("place_name", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("place_name")
