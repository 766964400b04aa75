"""Inputs read to the end, by name and content digest: a resumed ingest skips them.

A file (or a Dask partition) is marked only once every article read from it committed, so a run
killed half-way re-reads it; a re-marked input replaces its earlier row (a changed file has a new
digest under the same name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from eventlens.clock import utcnow
from eventlens.store import schema as t
from eventlens.store.db import Store


def finished_inputs(store: Store) -> set[tuple[str, str]]:
    """Every ``(input, digest)`` a run has read to the end."""
    with store.begin() as conn:
        return {
            (r.input, r.digest)
            for r in conn.execute(sa.select(t.processed_inputs.c.input, t.processed_inputs.c.digest))
        }


def mark_finished(store: Store, rows: Iterable[Mapping[str, Any]], run_id: int | None) -> None:
    """Record inputs as read to the end by run ``run_id``: each row has ``input`` and ``digest``
    (and optionally ``articles``), and replaces what was recorded for the same input."""
    now = utcnow()
    with store.begin() as conn:
        for r in rows:
            conn.execute(sa.delete(t.processed_inputs).where(t.processed_inputs.c.input == r["input"]))
            conn.execute(sa.insert(t.processed_inputs).values(**r, run_id=run_id, at=now))
