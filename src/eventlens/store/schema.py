"""The incident store's tables, as SQLAlchemy Core metadata.

This is the *target* schema; the database gets there only through the Alembic migrations in
``migrations/versions`` (a test checks that migrating an empty database yields exactly this
metadata). Core rather than ORM: ingest moves rows in bulk and the read side returns plain
dicts, so mapped classes would only add a layer.

Types are chosen to behave the same on SQLite and PostgreSQL: naive UTC ``DateTime``,
``Date`` for event days, ``JSON`` for the full records, ``LargeBinary`` for MinHash signatures.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: One row per distinct document: ``id`` is sha256 of the text and the canonical URL.
articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("reader_id", sa.String(200)),
    sa.Column("source", sa.Text),
    sa.Column("publisher", sa.String(200)),
    sa.Column("url", sa.Text),
    sa.Column("canonical_url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.DateTime),
    sa.Column("fetched", sa.DateTime),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("near_dup_group", sa.String(64), index=True),
    sa.Column("event_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("run_id", sa.Integer),
    sa.Column("stored_at", sa.DateTime, nullable=False),
)

#: LSH band hashes of each article's MinHash signature: equal (band) -> candidate copy.
article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("band", sa.String(24), primary_key=True),
    sa.Column(
        "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
)

#: Merged incidents, one per real-world event as far as we can tell. ``seq`` orders them;
#: ``event_id_cnty`` is the public id and never changes; a merged-away incident keeps its row
#: with ``status = 'merged'`` and ``merged_into`` so old ids still resolve.
incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id_cnty", sa.String(32), nullable=False, unique=True),
    sa.Column("status", sa.String(16), nullable=False, server_default="active"),
    sa.Column("merged_into", sa.String(32)),
    sa.Column("event_date", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("year", sa.Integer),
    sa.Column("time_precision", sa.Integer),
    sa.Column("disorder_type", sa.String(64)),
    sa.Column("event_type", sa.String(64), index=True),
    sa.Column("sub_event_type", sa.String(64)),
    sa.Column("actor1", sa.Text),
    sa.Column("assoc_actor_1", sa.Text),
    sa.Column("inter1", sa.Integer),
    sa.Column("actor2", sa.Text),
    sa.Column("assoc_actor_2", sa.Text),
    sa.Column("inter2", sa.Integer),
    sa.Column("interaction", sa.Integer),
    sa.Column("civilian_targeting", sa.String(32)),
    sa.Column("iso", sa.String(3), index=True),
    sa.Column("region", sa.String(64)),
    sa.Column("country", sa.String(100), index=True),
    sa.Column("admin1", sa.String(200)),
    sa.Column("admin2", sa.String(200)),
    sa.Column("admin3", sa.String(200)),
    sa.Column("location", sa.String(200)),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("source", sa.Text),
    sa.Column("source_scale", sa.String(64)),
    sa.Column("notes", sa.Text),
    sa.Column("fatalities", sa.Integer),
    sa.Column("fatalities_min", sa.Integer),
    sa.Column("fatalities_max", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("tags", sa.Text),
    sa.Column("first_seen", sa.DateTime),
    sa.Column("last_seen", sa.DateTime),
    sa.Column("source_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("mention_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("confidence", sa.Float),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Index("ix_incidents_lat_lon", "latitude", "longitude"),
    sa.Index("ix_incidents_status_date", "status", "event_date"),
)

#: One Event as read from one article: the key columns clustering needs, plus the whole record.
mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("event_index", sa.Integer, nullable=False),
    sa.Column("incident_seq", sa.Integer, sa.ForeignKey("incidents.seq"), index=True),
    sa.Column("role", sa.String(16)),
    sa.Column("event_type", sa.String(64), index=True),
    sa.Column("sub_event_type", sa.String(64)),
    sa.Column("family", sa.String(32), nullable=False),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision_label", sa.String(16)),
    sa.Column("iso3", sa.String(3)),
    sa.Column("admin1", sa.String(200)),
    sa.Column("place_name", sa.String(200)),  # folded; migration 0002
    sa.Column("actor_keys", sa.JSON),
    sa.Column("fatalities", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("confidence", sa.Float),
    sa.Column("published", sa.DateTime),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Column("evidence", sa.JSON),
    sa.Index("ix_mentions_article_id", "article_id"),
    sa.Index("ix_mentions_lat_lon", "latitude", "longitude"),
)

#: (week bucket x geocell) keys of each mention: the candidate index for clustering.
mention_keys = sa.Table(
    "mention_keys",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column(
        "mention_id", sa.String(200), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True
    ),
)

#: Which mentions make up which incident (kept with the evidence that linked them).
incident_mentions = sa.Table(
    "incident_mentions",
    metadata,
    sa.Column("incident_seq", sa.Integer, sa.ForeignKey("incidents.seq"), primary_key=True),
    sa.Column(
        "mention_id", sa.String(200), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("linked_at", sa.DateTime, nullable=False),
    sa.Column("link", sa.String(32), nullable=False),  # "new", "match", "near-dup", "merge"
    sa.Index("ix_incident_mentions_mention_id", "mention_id"),
)

#: Every change of an incident's fatality figure, so a rising toll can be followed.
toll_history = sa.Table(
    "toll_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_seq", sa.Integer, sa.ForeignKey("incidents.seq"), nullable=False, index=True),
    sa.Column("fatalities", sa.Integer),
    sa.Column("fatalities_min", sa.Integer),
    sa.Column("fatalities_max", sa.Integer),
    sa.Column("article_id", sa.String(64)),
    sa.Column("reported_at", sa.DateTime),
    sa.Column("recorded_at", sa.DateTime, nullable=False),
)

#: Analyst corrections: the audit trail, and the values later merges must keep.
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_seq", sa.Integer, sa.ForeignKey("incidents.seq"), nullable=False, index=True),
    sa.Column("field", sa.String(64), nullable=False),
    sa.Column("old_value", sa.JSON),
    sa.Column("new_value", sa.JSON),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("why", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
)

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started", sa.DateTime, nullable=False),
    sa.Column("finished", sa.DateTime),
    sa.Column("status", sa.String(16), nullable=False),  # running, done, failed, interrupted
    sa.Column("articles_new", sa.Integer, nullable=False, server_default="0"),
    sa.Column("articles_skipped", sa.Integer, nullable=False, server_default="0"),
    sa.Column("events", sa.Integer, nullable=False, server_default="0"),
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("note", sa.Text),  # the process running it: "pid 123 on host" (store.ingest)
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id"), index=True),
    sa.Column("input", sa.Text, nullable=False),
    sa.Column("stage", sa.String(32), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
)

#: Inputs (files) read to the end, by path and content digest: a resumed run skips them.
processed_inputs = sa.Table(
    "processed_inputs",
    metadata,
    sa.Column("input", sa.Text, primary_key=True),
    sa.Column("digest", sa.String(64), primary_key=True),
    sa.Column("run_id", sa.Integer),
    sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
    sa.Column("at", sa.DateTime, nullable=False),
)

#: Next number per country prefix for ``event_id_cnty`` ("IRQ" -> 42 gives "IRQ0000042").
id_counters = sa.Table(
    "id_counters",
    metadata,
    sa.Column("prefix", sa.String(8), primary_key=True),
    sa.Column("next", sa.Integer, nullable=False),
)

# ----------------------------------------------------------------- the server's and the watcher's

#: API keys of the HTTP server (``eventlens keys``): the secret's prefix and SHA-256, never the key.
#: In the store's database so one ``--db`` URL configures a server; migration 0003.
api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("prefix", sa.String(16), nullable=False, unique=True),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
)

#: One row per watched feed: the validators of its last 200 response, for conditional GETs
#: (``eventlens watch``); migration 0003.
watch_feeds = sa.Table(
    "watch_feeds",
    metadata,
    sa.Column("feed_url", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_polled", sa.DateTime),
    sa.Column("last_status", sa.Text),
)

#: One row per feed item the watcher ever saw: stored, refused (never again) or failed (retried).
watch_items = sa.Table(
    "watch_items",
    metadata,
    sa.Column("item_key", sa.String(64), primary_key=True),
    sa.Column("feed_url", sa.Text, nullable=False),
    sa.Column("link", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),  # stored | refused | failed
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("article_id", sa.String(64)),
    sa.Column("reason", sa.Text),
    sa.Column("seen_at", sa.DateTime, nullable=False),
)
