"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 10:32:01.276081
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Parents before children, in the order Alembic generated (the emitted DDL is unchanged).
    _create_articles()
    _create_id_counters()
    _create_incidents()
    _create_ingest_runs()
    _create_processed_inputs()
    _create_article_bands()
    _create_corrections()
    _create_failures()
    _create_mentions()
    _create_toll_history()
    _create_incident_mentions()
    _create_mention_keys()


def _create_articles() -> None:
    """One row per stored document, found again by its near-duplicate group."""
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("reader_id", sa.String(length=200), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=200), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.DateTime(), nullable=True),
        sa.Column("fetched", sa.DateTime(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("near_dup_group", sa.String(length=64), nullable=True),
        sa.Column("event_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_near_dup_group"), ["near_dup_group"], unique=False)


def _create_id_counters() -> None:
    """The next number of each country prefix of the public incident ids."""
    op.create_table(
        "id_counters",
        sa.Column("prefix", sa.String(length=8), nullable=False),
        sa.Column("next", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_id_counters")),
    )


def _create_incidents() -> None:
    """The merged incidents, indexed for the API filters (country, day, type, box)."""
    op.create_table(
        "incidents",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id_cnty", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="active", nullable=False),
        sa.Column("merged_into", sa.String(length=32), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=True),
        sa.Column("disorder_type", sa.String(length=64), nullable=True),
        sa.Column("event_type", sa.String(length=64), nullable=True),
        sa.Column("sub_event_type", sa.String(length=64), nullable=True),
        sa.Column("actor1", sa.Text(), nullable=True),
        sa.Column("assoc_actor_1", sa.Text(), nullable=True),
        sa.Column("inter1", sa.Integer(), nullable=True),
        sa.Column("actor2", sa.Text(), nullable=True),
        sa.Column("assoc_actor_2", sa.Text(), nullable=True),
        sa.Column("inter2", sa.Integer(), nullable=True),
        sa.Column("interaction", sa.Integer(), nullable=True),
        sa.Column("civilian_targeting", sa.String(length=32), nullable=True),
        sa.Column("iso", sa.String(length=3), nullable=True),
        sa.Column("region", sa.String(length=64), nullable=True),
        sa.Column("country", sa.String(length=100), nullable=True),
        sa.Column("admin1", sa.String(length=200), nullable=True),
        sa.Column("admin2", sa.String(length=200), nullable=True),
        sa.Column("admin3", sa.String(length=200), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_scale", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("fatalities_min", sa.Integer(), nullable=True),
        sa.Column("fatalities_max", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("tags", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.DateTime(), nullable=True),
        sa.Column("last_seen", sa.DateTime(), nullable=True),
        sa.Column("source_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("article_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("mention_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_incidents")),
        sa.UniqueConstraint("event_id_cnty", name=op.f("uq_incidents_event_id_cnty")),
    )
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incidents_country"), ["country"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_event_date"), ["event_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_incidents_iso"), ["iso"], unique=False)
        batch_op.create_index("ix_incidents_lat_lon", ["latitude", "longitude"], unique=False)
        batch_op.create_index("ix_incidents_status_date", ["status", "event_date"], unique=False)


def _create_ingest_runs() -> None:
    """One row per ingest run, with its counts."""
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started", sa.DateTime(), nullable=False),
        sa.Column("finished", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("articles_new", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles_skipped", sa.Integer(), server_default="0", nullable=False),
        sa.Column("events", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )


def _create_processed_inputs() -> None:
    """Inputs read to the end, so a resumed run skips them."""
    op.create_table(
        "processed_inputs",
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("articles", sa.Integer(), server_default="0", nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("input", "digest", name=op.f("pk_processed_inputs")),
    )


def _create_article_bands() -> None:
    """MinHash band hashes: the candidate index for near-duplicate articles."""
    op.create_table(
        "article_bands",
        sa.Column("band", sa.String(length=24), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_bands_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("band", "article_id", name=op.f("pk_article_bands")),
    )


def _create_corrections() -> None:
    """Analyst corrections of incidents: the audit trail."""
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_seq", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_seq"], ["incidents.seq"], name=op.f("fk_corrections_incident_seq_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_incident_seq"), ["incident_seq"], unique=False)


def _create_failures() -> None:
    """Inputs an ingest run could not read or store, with the reason."""
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["ingest_runs.id"], name=op.f("fk_failures_run_id_ingest_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failures")),
    )
    with op.batch_alter_table("failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_failures_run_id"), ["run_id"], unique=False)


def _create_mentions() -> None:
    """One event as read from one article, indexed for clustering."""
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("event_index", sa.Integer(), nullable=False),
        sa.Column("incident_seq", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=True),
        sa.Column("event_type", sa.String(length=64), nullable=True),
        sa.Column("sub_event_type", sa.String(length=64), nullable=True),
        sa.Column("family", sa.String(length=32), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision_label", sa.String(length=16), nullable=True),
        sa.Column("iso3", sa.String(length=3), nullable=True),
        sa.Column("admin1", sa.String(length=200), nullable=True),
        sa.Column("actor_keys", sa.JSON(), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("injured", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("published", sa.DateTime(), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_mentions_article_id_articles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["incident_seq"], ["incidents.seq"], name=op.f("fk_mentions_incident_seq_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index("ix_mentions_article_id", ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_date_start"), ["date_start"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentions_incident_seq"), ["incident_seq"], unique=False)
        batch_op.create_index("ix_mentions_lat_lon", ["latitude", "longitude"], unique=False)


def _create_toll_history() -> None:
    """Every change of an incident's fatality figure."""
    op.create_table(
        "toll_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("incident_seq", sa.Integer(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("fatalities_min", sa.Integer(), nullable=True),
        sa.Column("fatalities_max", sa.Integer(), nullable=True),
        sa.Column("article_id", sa.String(length=64), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_seq"], ["incidents.seq"], name=op.f("fk_toll_history_incident_seq_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_toll_history")),
    )
    with op.batch_alter_table("toll_history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_toll_history_incident_seq"), ["incident_seq"], unique=False)


def _create_incident_mentions() -> None:
    """Which mentions make up which incident, and how they were linked."""
    op.create_table(
        "incident_mentions",
        sa.Column("incident_seq", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.String(length=200), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.Column("link", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_seq"], ["incidents.seq"], name=op.f("fk_incident_mentions_incident_seq_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_incident_mentions_mention_id_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_seq", "mention_id", name=op.f("pk_incident_mentions")),
    )
    with op.batch_alter_table("incident_mentions", schema=None) as batch_op:
        batch_op.create_index("ix_incident_mentions_mention_id", ["mention_id"], unique=False)


def _create_mention_keys() -> None:
    """(week x geocell) keys of each mention: the candidate index for clustering."""
    op.create_table(
        "mention_keys",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("mention_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_mention_keys_mention_id_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "mention_id", name=op.f("pk_mention_keys")),
    )


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.drop_table("mention_keys")
    with op.batch_alter_table("incident_mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_mentions_mention_id")

    op.drop_table("incident_mentions")
    with op.batch_alter_table("toll_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_toll_history_incident_seq"))

    op.drop_table("toll_history")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_lat_lon")
        batch_op.drop_index(batch_op.f("ix_mentions_incident_seq"))
        batch_op.drop_index(batch_op.f("ix_mentions_event_type"))
        batch_op.drop_index(batch_op.f("ix_mentions_date_start"))
        batch_op.drop_index("ix_mentions_article_id")

    op.drop_table("mentions")
    with op.batch_alter_table("failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_failures_run_id"))

    op.drop_table("failures")
    with op.batch_alter_table("corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_corrections_incident_seq"))

    op.drop_table("corrections")
    op.drop_table("article_bands")
    op.drop_table("processed_inputs")
    op.drop_table("ingest_runs")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_status_date")
        batch_op.drop_index("ix_incidents_lat_lon")
        batch_op.drop_index(batch_op.f("ix_incidents_iso"))
        batch_op.drop_index(batch_op.f("ix_incidents_event_type"))
        batch_op.drop_index(batch_op.f("ix_incidents_event_date"))
        batch_op.drop_index(batch_op.f("ix_incidents_country"))

    op.drop_table("incidents")
    op.drop_table("id_counters")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_near_dup_group"))

    op.drop_table("articles")
    # ### end Alembic commands ###
