"""Alembic environment: run migrations on the connection eventlens hands over.

``eventlens.store.db.migrate`` puts an open connection in ``config.attributes["connection"]``;
there is no alembic.ini - the store migrates itself on open.
"""

from __future__ import annotations

from alembic import context

from eventlens.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running alembic by hand
    raise RuntimeError("eventlens migrations run through eventlens.store.open(), which passes a connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
