"""Opening the store: one URL picks SQLite or PostgreSQL; the schema migrates itself.

``open(None)`` is ``./eventlens.db`` (SQLite, WAL, so a dashboard can read while an ingest
writes); ``open("postgresql://user@host/db")`` uses psycopg 3. Every open runs the Alembic
migrations to head inside one transaction, so a store written by an older eventlens is
upgraded before anything reads it, and a failed upgrade leaves it as it was.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from eventlens.errors import ReadOnlyStoreError, StoreError
from eventlens.store import schema as t

log = logging.getLogger(__name__)

DEFAULT_DB = "./eventlens.db"
_MIGRATIONS = Path(__file__).parent / "migrations"

#: Columns ``query`` returns, in ACLED's order, then ours.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "date_end",
    "date_precision",
    "fatalities_min",
    "fatalities_max",
    "injured",
    "first_seen",
    "last_seen",
    "source_count",
    "article_count",
    "mention_count",
    "confidence",
)


def normalise_url(db_url: str | os.PathLike[str] | None) -> str:
    """A SQLAlchemy URL for what a user typed: ``None``, a file path, or a database URL."""
    if db_url is None:
        db_url = os.environ.get("EVENTLENS_DB") or DEFAULT_DB
    s = os.fspath(db_url)
    if s.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + s.split("://", 1)[1]
    if "://" in s:
        return s
    return f"sqlite:///{s}"


def _sqlite_setup(engine: Engine) -> None:
    # pysqlite's own transaction handling defeats SAVEPOINT; let SQLAlchemy emit BEGIN itself
    # (the recipe in SQLAlchemy's SQLite dialect notes, "Serializable isolation / Savepoints").
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


def _read_only(exc: sa.exc.DBAPIError) -> bool:
    """Whether the database refused a write because it is read-only: SQLite's 'attempt to write
    a readonly database' (SQLITE_READONLY), PostgreSQL's read_only_sql_transaction (25006, a
    standby or default_transaction_read_only)."""
    orig = exc.orig
    return getattr(orig, "sqlstate", None) == "25006" or "readonly database" in str(orig)


def migrate(conn: Connection) -> None:
    """Upgrade the database behind ``conn`` to the newest schema (no-op when current)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


class Store:
    """An open incident store. Make one with :func:`eventlens.store.open`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in a transaction: committed on success, rolled back on error. A write
        the database refuses because it is read-only is a :class:`StoreError` saying so (it was
        a driver traceback for every command that writes)."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.DBAPIError as exc:
            if not _read_only(exc):
                raise
            hint = (
                "check the permissions of the file and its folder (SQLite also writes -wal and "
                "-shm files beside it), or work on a writable copy"
                if self.dialect == "sqlite"
                else "a standby or a read-only session (default_transaction_read_only); connect "
                "to the primary as a user that may write"
            )
            raise ReadOnlyStoreError(
                f"{self!r}: the database is read-only ({exc.orig}); nothing was written; {hint}"
            ) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # ------------------------------------------------------------------ reading

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (incidents counts active ones only)."""
        with self.engine.connect() as conn:
            out = {
                name: conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar_one()
                for name, tbl in (
                    ("articles", t.articles),
                    ("mentions", t.mentions),
                    ("failures", t.failures),
                    ("corrections", t.corrections),
                )
            }
            out["incidents"] = conn.execute(
                sa.select(sa.func.count()).select_from(t.incidents).where(t.incidents.c.status == "active")
            ).scalar_one()
        return out

    def resolve(self, conn: Connection, incident_id: str) -> int:
        """The ``seq`` of the active incident an id names, following merges."""
        seen = set()
        ident = incident_id
        while ident not in seen:
            seen.add(ident)
            row = conn.execute(
                sa.select(t.incidents.c.seq, t.incidents.c.status, t.incidents.c.merged_into).where(
                    t.incidents.c.event_id_cnty == ident
                )
            ).first()
            if row is None:
                raise StoreError(f"{incident_id}: no such incident in {self!r}; list ids with store.query()")
            if row.status != "merged" or not row.merged_into:
                return int(row.seq)
            ident = row.merged_into
        raise StoreError(f"{incident_id}: merge chain loops in {self!r}; this is a bug, please report it")

    def incident(self, incident_id: str) -> dict[str, Any]:
        """One incident (following merges) with its mentions, corrections and toll history."""
        with self.engine.connect() as conn:
            seq = self.resolve(conn, incident_id)
            row = conn.execute(sa.select(t.incidents).where(t.incidents.c.seq == seq)).mappings().one()
            out = _public(row)
            out["mentions"] = [
                {
                    "id": m.id,
                    "article_id": m.article_id,
                    "record": m.record,
                    "evidence": m.evidence,
                }
                for m in conn.execute(
                    sa.select(
                        t.mentions.c.id, t.mentions.c.article_id, t.mentions.c.record, t.mentions.c.evidence
                    )
                    .where(t.mentions.c.incident_seq == seq)
                    .order_by(t.mentions.c.id)
                )
            ]
            out["corrections"] = [
                {k: v for k, v in c.items() if k not in ("id", "incident_seq")}
                for c in conn.execute(
                    sa.select(t.corrections)
                    .where(t.corrections.c.incident_seq == seq)
                    .order_by(t.corrections.c.id)
                ).mappings()
            ]
            out["toll_history"] = [
                {k: v for k, v in h.items() if k not in ("id", "incident_seq")}
                for h in conn.execute(
                    sa.select(t.toll_history)
                    .where(t.toll_history.c.incident_seq == seq)
                    .order_by(t.toll_history.c.id)
                ).mappings()
            ]
        return out

    def query(
        self,
        *,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        bbox: Sequence[float] | None = None,
        country: str | None = None,
        event_type: str | Sequence[str] | None = None,
        actor: str | None = None,
        min_sources: int | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Active incidents matching every filter given, newest first.

        ``bbox`` is ``(west, south, east, north)`` in degrees (GeoJSON order); ``country`` is a
        name or an ISO3 code; ``actor`` matches part of any actor name, ignoring case;
        ``min_sources`` counts distinct publishers.
        """
        c = t.incidents.c
        q = sa.select(t.incidents).where(c.status == "active")
        if date_from is not None:
            q = q.where(sa.func.coalesce(c.date_end, c.event_date) >= _as_date(date_from))
        if date_to is not None:
            q = q.where(c.event_date <= _as_date(date_to))
        if bbox is not None:
            if len(bbox) != 4:
                raise StoreError(f"bbox {bbox!r}: give four numbers (west, south, east, north)")
            west, south, east, north = (float(x) for x in bbox)
            q = q.where(c.latitude.between(south, north))
            if west <= east:
                q = q.where(c.longitude.between(west, east))
            else:  # crosses the antimeridian
                q = q.where(sa.or_(c.longitude >= west, c.longitude <= east))
        if country:
            q = q.where(sa.or_(sa.func.lower(c.country) == country.lower(), c.iso == country.upper()))
        if event_type:
            types = [event_type] if isinstance(event_type, str) else list(event_type)
            q = q.where(sa.or_(c.event_type.in_(types), c.sub_event_type.in_(types)))
        if actor:
            pat = f"%{actor.lower()}%"
            q = q.where(
                sa.or_(
                    *(
                        sa.func.lower(col).like(pat)
                        for col in (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2)
                    )
                )
            )
        if min_sources is not None:
            q = q.where(c.source_count >= min_sources)
        q = q.order_by(c.event_date.desc().nulls_last(), c.seq.desc())
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_public(r) for r in conn.execute(q).mappings()]

    def to_dataframe(self, **filters: Any) -> Any:
        """:meth:`query` as a pandas DataFrame (ACLED columns first); same filters."""
        import pandas as pd

        rows = self.query(**filters)
        return pd.DataFrame(rows, columns=[*ACLED_COLUMNS, *EXTRA_COLUMNS])


def _as_date(d: date | str) -> date:
    if isinstance(d, date):
        return d
    try:
        return date.fromisoformat(d)
    except ValueError:
        raise StoreError(f"date {d!r}: not an ISO date; write it as YYYY-MM-DD") from None


def _public(row: Any) -> dict[str, Any]:
    return {k: row[k] for k in (*ACLED_COLUMNS, *EXTRA_COLUMNS)}


def open(db_url: str | os.PathLike[str] | None = None) -> Store:  # noqa: A001 - the public name
    """Open (creating and migrating as needed) the store at ``db_url``.

    ``None`` means ``$EVENTLENS_DB`` or ``./eventlens.db``. Raises :class:`StoreError` naming
    the database when it cannot be reached or upgraded.
    """
    url = normalise_url(db_url)
    try:
        engine = sa.create_engine(url, pool_pre_ping=url.startswith("postgresql"))
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(
            f"{url}: not a database URL eventlens can open ({exc}); use a path or postgresql://"
        ) from exc
    if engine.dialect.name == "sqlite":
        if engine.url.database not in (None, "", ":memory:"):
            Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
        _sqlite_setup(engine)
    store = Store(engine, url)
    try:
        with engine.begin() as conn:
            migrate(conn)
    except sa.exc.DatabaseError as exc:  # OperationalError, or a file that is no database
        engine.dispose()
        hint = (
            "check the path, and that the file and its folder can be written (SQLite writes -wal "
            "and -shm files beside it)"
            if engine.dialect.name == "sqlite"
            else "check the URL and that the server runs"
        )
        said = " ".join(str(exc.orig).split())  # psycopg's "connection refused" has a second line
        raise StoreError(f"{store!r}: cannot open the database ({said}); {hint}") from exc
    return store
