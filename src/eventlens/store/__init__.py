"""The incident store: articles, mentions and merged incidents in SQLite or PostgreSQL.

``eventlens.store.open(db_url)`` gives a :class:`Store` to query; :func:`ingest` fills it,
:func:`edit` corrects it with an audit trail. See ``db.py`` for backends and migrations,
``ingest.py`` for idempotency (``eventlens.jobs.files.ingest_paths`` feeds it files), ``incidents.py`` and :mod:`eventlens.dedupe` for clustering.
"""

from eventlens.store.corrections import edit
from eventlens.store.db import Store, open
from eventlens.store.ingest import IngestSummary, article_key, canonical_url, ingest

__all__ = ["IngestSummary", "Store", "article_key", "canonical_url", "edit", "ingest", "open"]
