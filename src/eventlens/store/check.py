"""Consistency checks of a store: what must hold after any crash, on either backend.

Why a module: "resumable after a crash" is only a claim until something looks at the
database afterwards. :func:`check` runs the engine's own integrity check (SQLite's
``PRAGMA integrity_check`` and ``foreign_key_check``; PostgreSQL's catalogue of constraints
not yet validated) and then the store's invariants, which no database constraint states:
every mention belongs to exactly one live incident, every live incident has a mention,
derived counts match, and no side table points at a row that is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.engine import Connection

from eventlens.store.db import Store

log = logging.getLogger(__name__)

#: (name, SQL counting the violations). Each must count 0 in a consistent store.
INVARIANTS: tuple[tuple[str, str], ...] = (
    (
        "mentions without their article",
        "SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL",
    ),
    ("mentions without an incident", "SELECT count(*) FROM mentions WHERE incident_seq IS NULL"),
    (
        "mentions in a missing or merged incident",
        "SELECT count(*) FROM mentions m LEFT JOIN incidents i ON i.seq = m.incident_seq "
        "WHERE i.seq IS NULL OR i.status <> 'active'",
    ),
    (
        "mentions whose link row disagrees",
        "SELECT count(*) FROM mentions m LEFT JOIN incident_mentions l ON l.mention_id = m.id "
        "WHERE l.mention_id IS NULL OR l.incident_seq <> m.incident_seq",
    ),
    (
        "link rows without a mention",
        "SELECT count(*) FROM incident_mentions l LEFT JOIN mentions m ON m.id = l.mention_id "
        "WHERE m.id IS NULL",
    ),
    (
        "active incidents without mentions",
        "SELECT count(*) FROM incidents i WHERE i.status = 'active' "
        "AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.incident_seq = i.seq)",
    ),
    (
        "incidents whose mention_count is stale",
        "SELECT count(*) FROM incidents i WHERE i.status = 'active' AND coalesce(i.mention_count, -1) <> "
        "(SELECT count(*) FROM mentions m WHERE m.incident_seq = i.seq)",
    ),
    (
        "articles whose event_count disagrees with their mentions",
        "SELECT count(*) FROM articles a WHERE a.event_count <> "
        "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id)",
    ),
    (
        "index keys without a mention",
        "SELECT count(*) FROM mention_keys k LEFT JOIN mentions m ON m.id = k.mention_id WHERE m.id IS NULL",
    ),
    (
        "LSH bands without an article",
        "SELECT count(*) FROM article_bands b LEFT JOIN articles a ON a.id = b.article_id WHERE a.id IS NULL",
    ),
    (
        "articles without LSH bands",
        "SELECT count(*) FROM articles a "
        "WHERE NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = a.id)",
    ),
    ("duplicate public incident ids", "SELECT count(*) - count(DISTINCT event_id_cnty) FROM incidents"),
)


def _sqlite_integrity(conn: Connection) -> list[str]:
    out = []
    res = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    if res != ["ok"]:
        out.append("PRAGMA integrity_check: " + "; ".join(map(str, res[:5])))
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if fk:
        out.append(f"PRAGMA foreign_key_check: {len(fk)} rows point at missing parents, e.g. {tuple(fk[0])}")
    return out


def _pg_integrity(conn: Connection) -> list[str]:
    bad = conn.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace"
    ).all()
    return [f"constraint {name} on {rel} is not validated" for rel, name in bad]


_ENGINE_CHECKS: dict[str, Callable[[Connection], list[str]]] = {
    "sqlite": _sqlite_integrity,
    "postgresql": _pg_integrity,
}


def check(store: Store) -> list[str]:
    """Every consistency problem found in ``store`` (an empty list when it is consistent)."""
    problems: list[str] = []
    with store.engine.connect() as conn:
        problems += _ENGINE_CHECKS.get(store.dialect, lambda _c: [])(conn)
        for name, sql in INVARIANTS:
            n = int(conn.exec_driver_sql(sql).scalar_one())
            if n:
                problems.append(f"{n} {name}")
    for p in problems:
        log.warning("%r: %s", store, p)
    return problems


def partition(store: Store) -> set[frozenset[str]]:
    """The live incidents as sets of mention ids: comparable across stores (incident ids are not)."""
    groups: dict[int, set[str]] = {}
    with store.engine.connect() as conn:
        for mid, seq in conn.exec_driver_sql("SELECT id, incident_seq FROM mentions"):
            groups.setdefault(seq, set()).add(mid)
    return {frozenset(g) for g in groups.values()}
