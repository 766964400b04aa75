"""Read-only queries the API, the dashboard and the exports need, against the store's tables.

The store (:mod:`eventlens.store`) owns the schema and the write side; this module only reads,
with SQLAlchemy Core over ``eventlens.store.schema``, so it works on SQLite and PostgreSQL alike.
It adds what a browsing client needs and ``Store.query`` lacks:

* every filter an ACLED user expects (admin1, sub-event type, geo/time precision, confidence,
  the role of the reports) in one frozen :class:`IncidentFilter`, shared by the API, the CLI
  export and the dashboard;
* **keyset pagination** on ``(event_date DESC, seq DESC)``: a page costs the same at row 100,000
  as at row 0, and rows inserted meanwhile never shift a page (an offset would);
* counts by day, type or country for charts, a place autocomplete, and one incident with the
  text of every article that reported it so the evidence spans can be shown in place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventlens.errors import InputError
from eventlens.store import schema as t
from eventlens.store.db import ACLED_COLUMNS, EXTRA_COLUMNS, Store
from eventlens.store.regions import with_region

log = logging.getLogger(__name__)

#: Columns of an incident row as the API returns it: ACLED's order, then ours.
INCIDENT_COLUMNS: tuple[str, ...] = (*ACLED_COLUMNS, *EXTRA_COLUMNS, "updated_at")
_SELECT = [t.incidents.c[name] for name in INCIDENT_COLUMNS]
#: One page of incidents at most; exports page internally with :data:`EXPORT_BATCH`.
MAX_LIMIT = 1000
EXPORT_BATCH = 2000

CountBy = Literal["day", "type", "sub_type", "country"]


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Which incidents to return. Every field narrows; empty fields do not filter.

    ``bbox`` is ``(west, south, east, north)`` in degrees (GeoJSON order; ``west > east``
    crosses the antimeridian; the latitudes may come in either order). ``country`` entries are names or ISO3 codes. ``actor`` matches
    part of any actor name, ignoring case. ``role="reported"`` keeps incidents at least one
    article reports as news; ``"background"`` keeps those only ever recalled as background.
    """

    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None
    min_sources: int | None = None
    min_confidence: float | None = None
    geo_precision: tuple[int, ...] = ()
    time_precision: tuple[int, ...] = ()
    role: Literal["reported", "background"] | None = None
    ids: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        # Dates in the wrong order simply match nothing, as in SQL. A box's two latitudes are
        # read in either order: west > east has a meaning (the antimeridian), but a latitude
        # range has one only, and an empty answer hid the slip (issue 16, item 10). A 422 would
        # refuse a box the OpenAPI schema allows (its pattern cannot compare two numbers).
        if self.bbox is not None and len(self.bbox) != 4:
            raise InputError("bbox", f"{self.bbox!r}: give four numbers west,south,east,north")
        if self.bbox is not None and self.bbox[1] > self.bbox[3]:
            west, south, east, north = self.bbox
            object.__setattr__(self, "bbox", (west, north, east, south))


#: The escape character of LIKE patterns built from what a user typed (same on SQLite and
#: PostgreSQL, given explicitly in each ``ESCAPE`` clause).
LIKE_ESCAPE = "\\"


def like_escape(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern: ``%`` and ``_`` are wildcards only
    where the pattern puts them, never where a user typed them (``?actor=_`` matched every
    incident, issue 16 item 10)."""
    return (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )


#: Boxes larger than this many square degrees are filtered while walking the date index rather
#: than looked up in the latitude index (SQLite only; PostgreSQL's planner has the statistics to
#: choose). 100,000 incidents (bench/api_load.py): a 20x15 degree box took 35 ms through the
#: latitude index and a sort, 2 ms walking the dates; a city-sized box is the other way round.
_SQLITE_BIG_BOX = 25.0


def _where(f: IncidentFilter, dialect: str = "") -> list[Any]:
    c = t.incidents.c
    conds: list[Any] = [c.status == "active"]
    if f.date_from is not None:
        conds.append(c.event_date >= f.date_from)
    if f.date_to is not None:
        conds.append(c.event_date <= f.date_to)
    if f.bbox is not None:
        west, south, east, north = f.bbox
        width = (east - west) if west <= east else (360 - west + east)
        lat = c.latitude
        if dialect == "sqlite" and width * max(0.0, north - south) > _SQLITE_BIG_BOX:
            lat = lat + 0  # "+ 0" keeps SQLite off the latitude index (its documented hint)
        conds.append(lat.between(south, north))
        if west <= east:
            conds.append(c.longitude.between(west, east))
        else:
            conds.append(sa.or_(c.longitude >= west, c.longitude <= east))
    if f.country:
        isos = [x.upper() for x in f.country if len(x) == 3 and x.isalpha()]
        names = [x for x in f.country if x not in isos]
        parts = []
        if isos:
            parts.append(c.iso.in_(isos))
        if names:
            parts.append(c.country.in_(names))
        conds.append(sa.or_(*parts))
    if f.admin1:
        conds.append(c.admin1.in_(list(f.admin1)))
    if f.event_type:
        conds.append(c.event_type.in_(list(f.event_type)))
    if f.sub_event_type:
        conds.append(c.sub_event_type.in_(list(f.sub_event_type)))
    if f.actor:
        pat = f"%{like_escape(f.actor.lower())}%"
        cols = (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2)
        conds.append(sa.or_(*(sa.func.lower(col).like(pat, escape=LIKE_ESCAPE) for col in cols)))
    if f.min_sources is not None:
        conds.append(c.source_count >= f.min_sources)
    if f.min_confidence is not None:
        conds.append(c.confidence >= f.min_confidence)
    if f.geo_precision:
        conds.append(c.geo_precision.in_(list(f.geo_precision)))
    if f.time_precision:
        conds.append(c.time_precision.in_(list(f.time_precision)))
    if f.role is not None:
        m = t.mentions.c
        reported = sa.exists().where(m.incident_seq == c.seq, m.role == "reported")
        conds.append(reported if f.role == "reported" else ~reported)
    if f.ids:
        conds.append(c.event_id_cnty.in_(list(f.ids)))
    return conds


# --------------------------------------------------------------------------- cursors


#: ``<day ordinal or n>.<seq>``: opaque to clients, but every string the pattern admits is a
#: position (so the OpenAPI schema can say exactly what a cursor is).
CURSOR_PATTERN = r"^(n|[1-9][0-9]{0,5})\.[0-9]{1,18}$"
ARTICLE_CURSOR_PATTERN = r"^[0-9]{1,11}\.[0-9a-f]{1,64}$"


def encode_cursor(event_date: date | None, seq: int) -> str:
    return f"{event_date.toordinal() if event_date else 'n'}.{seq}"


def decode_cursor(cursor: str) -> tuple[date | None, int]:
    """The (event_date, seq) a cursor from a previous page points after."""
    if not re.match(CURSOR_PATTERN, cursor):
        raise InputError(
            "cursor", f"{cursor[:80]!r} is not a cursor this API issued; pass next_cursor unchanged"
        )
    day, seq = cursor.split(".")
    return (None if day == "n" else date.fromordinal(int(day))), int(seq)


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[dict[str, Any]]
    next_cursor: str | None


def _fetch(
    conn: Connection, conds: list[Any], after: tuple[date | None, int] | None, n: int
) -> list[dict[str, Any]]:
    """Up to ``n`` rows after the position ``after``: dated incidents newest first, then the
    undated ones. Two plain queries rather than ``NULLS LAST``, so both SQLite and PostgreSQL
    walk the event_date index backwards and stop after ``n`` rows instead of sorting them all."""
    c = t.incidents.c
    cols = [*_SELECT, c.seq]
    rows: list[dict[str, Any]] = []
    if after is None or after[0] is not None:
        dated = [*conds, c.event_date.is_not(None)]
        if after is not None:
            d, seq = after
            dated.append(sa.or_(c.event_date < d, sa.and_(c.event_date == d, c.seq < seq)))
        q = sa.select(*cols).where(*dated).order_by(c.event_date.desc(), c.seq.desc()).limit(n)
        rows = [dict(r) for r in conn.execute(q).mappings()]
    if len(rows) < n:
        undated = [*conds, c.event_date.is_(None)]
        if after is not None and after[0] is None:
            undated.append(c.seq < after[1])
        q = sa.select(*cols).where(*undated).order_by(c.seq.desc()).limit(n - len(rows))
        rows += [dict(r) for r in conn.execute(q).mappings()]
    return [with_region(r) for r in rows]


def incidents_page(store: Store, f: IncidentFilter, *, limit: int = 100, cursor: str | None = None) -> Page:
    """One page of active incidents matching ``f``, newest first, and the cursor of the next."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    after = decode_cursor(cursor) if cursor else None
    with store.engine.connect() as conn:
        rows = _fetch(conn, _where(f, conn.dialect.name), after, limit + 1)
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        nxt = encode_cursor(rows[-1]["event_date"], rows[-1]["seq"])
    for r in rows:
        del r["seq"]
    return Page(rows, nxt)


def iter_incidents(store: Store, f: IncidentFilter, *, batch: int = EXPORT_BATCH) -> Iterator[dict[str, Any]]:
    """Every incident matching ``f``, newest first, fetched a keyset page at a time (for exports)."""
    conds = _where(f, store.dialect)
    after: tuple[date | None, int] | None = None
    while True:
        with store.engine.connect() as conn:
            rows = _fetch(conn, conds, after, batch)
        if not rows:
            return
        after = (rows[-1]["event_date"], rows[-1]["seq"])
        for r in rows:
            del r["seq"]
            yield r
        if len(rows) < batch:
            return


def count_incidents(store: Store, f: IncidentFilter) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.execute(sa.select(sa.func.count()).select_from(t.incidents).where(*_where(f))).scalar_one()
        )


def counts(store: Store, f: IncidentFilter, by: CountBy) -> list[dict[str, Any]]:
    """Incidents and fatalities per day, event type, sub-event type or country (for charts)."""
    c = t.incidents.c
    key = {"day": c.event_date, "type": c.event_type, "sub_type": c.sub_event_type, "country": c.iso}[by]
    cols = [key.label("key"), sa.func.count().label("count"), sa.func.sum(c.fatalities).label("fatalities")]
    if by == "country":
        cols.append(sa.func.max(c.country).label("label"))
    q = sa.select(*cols).where(*_where(f)).group_by(key)
    q = q.order_by(key) if by == "day" else q.order_by(sa.desc("count"), key)
    with store.engine.connect() as conn:
        out = []
        for r in conn.execute(q).mappings():
            k = r["key"]
            out.append(
                {
                    "key": k.isoformat() if isinstance(k, date) else k,
                    "label": r.get("label") if by == "country" else None,
                    "count": int(r["count"]),
                    "fatalities": int(r["fatalities"] or 0),
                }
            )
    return out


def places(store: Store, prefix: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """Places incidents were located at whose name (or admin1, or country) starts with ``prefix``."""
    c = t.incidents.c
    pat = like_escape(prefix.lower()) + "%"
    q = (
        sa.select(
            c.location,
            c.admin1,
            c.country,
            c.iso,
            sa.func.avg(c.latitude).label("latitude"),
            sa.func.avg(c.longitude).label("longitude"),
            sa.func.min(c.geo_precision).label("geo_precision"),
            sa.func.count().label("incidents"),
        )
        .where(
            c.status == "active",
            c.location.is_not(None),
            sa.or_(
                sa.func.lower(c.location).like(pat, escape=LIKE_ESCAPE),
                sa.func.lower(c.admin1).like(pat, escape=LIKE_ESCAPE),
                sa.func.lower(c.country).like(pat, escape=LIKE_ESCAPE),
            ),
        )
        .group_by(c.location, c.admin1, c.country, c.iso)
        .order_by(sa.desc("incidents"), c.location)
        .limit(max(1, min(limit, 50)))
    )
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


_ARTICLE_LIST = [
    t.articles.c.id,
    t.articles.c.title,
    t.articles.c.url,
    t.articles.c.publisher,
    t.articles.c.source,
    t.articles.c.published,
    t.articles.c.language,
    t.articles.c.event_count,
    t.articles.c.stored_at,
]


def articles_page(store: Store, *, limit: int = 50, cursor: str | None = None) -> Page:
    """Stored articles, most recently stored first (keyset on ``(stored_at, id)``)."""
    a = t.articles.c
    limit = max(1, min(int(limit), MAX_LIMIT))
    q = sa.select(*_ARTICLE_LIST)
    if cursor:
        if not re.match(ARTICLE_CURSOR_PATTERN, cursor):
            raise InputError(
                "cursor", f"{cursor[:80]!r} is not a cursor this API issued; pass next_cursor unchanged"
            )
        secs, aid = cursor.split(".")
        at = datetime.fromtimestamp(int(secs), UTC).replace(tzinfo=None)
        q = q.where(sa.or_(a.stored_at < at, sa.and_(a.stored_at == at, a.id < aid)))
    q = q.order_by(a.stored_at.desc(), a.id.desc()).limit(limit + 1)
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        stamp = int(last["stored_at"].replace(tzinfo=UTC).timestamp())
        nxt = f"{stamp}.{last['id']}"
    return Page(rows, nxt)


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One stored article with its text and the mentions read from it (None if unknown)."""
    with store.engine.connect() as conn:
        row = conn.execute(
            sa.select(*_ARTICLE_LIST, t.articles.c.text).where(t.articles.c.id == article_id)
        ).first()
        if row is None:
            return None
        out = dict(row._mapping)
        out["mentions"] = _article_mentions(conn, [article_id]).get(article_id, [])
    return out


def _article_mentions(conn: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    m, i = t.mentions.c, t.incidents.c
    q = (
        sa.select(m.id, m.article_id, m.role, m.record, i.event_id_cnty)
        .select_from(t.mentions.outerjoin(t.incidents, m.incident_seq == i.seq))
        .where(m.article_id.in_(list(ids)))
        .order_by(m.article_id, m.event_index)
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(q).mappings():
        out.setdefault(r["article_id"], []).append(
            {"id": r["id"], "incident_id": r["event_id_cnty"], "role": r["role"], "record": r["record"]}
        )
    return out


def incident_seq(store: Store, incident_id: str) -> int:
    """The ``seq`` of the active incident an id names, following merges.

    Raises :class:`eventlens.errors.StoreError` when no incident has that id.
    """
    with store.engine.connect() as conn:
        return store.resolve(conn, incident_id)


def incident_ids_of_article(store: Store, article_id: str) -> list[str]:
    """The ids of the incidents the mentions read from one article were linked to, sorted."""
    with store.engine.connect() as conn:
        return sorted(
            set(
                conn.execute(
                    sa.select(t.incidents.c.event_id_cnty)
                    .select_from(t.mentions.join(t.incidents, t.mentions.c.incident_seq == t.incidents.c.seq))
                    .where(t.mentions.c.article_id == article_id)
                ).scalars()
            )
        )


def incident_detail(store: Store, incident_id: str) -> dict[str, Any]:
    """One incident (following merges) with its mentions, corrections, toll history, and the
    articles that reported it - their full text, so each evidence span can be shown in place.

    Raises :class:`eventlens.errors.StoreError` when no incident has that id.
    """
    out = with_region(store.incident(incident_id))
    ids = sorted({mm["article_id"] for mm in out["mentions"]})
    with store.engine.connect() as conn:
        updated = conn.execute(
            sa.select(t.incidents.c.updated_at).where(t.incidents.c.event_id_cnty == out["event_id_cnty"])
        ).scalar_one()
        arts = (
            conn.execute(
                sa.select(*_ARTICLE_LIST, t.articles.c.text)
                .where(t.articles.c.id.in_(ids))
                .order_by(t.articles.c.id)
            ).mappings()
            if ids
            else []
        )
        out["articles"] = [dict(a) for a in arts]
    out["updated_at"] = updated
    out["requested_id"] = incident_id
    return out
