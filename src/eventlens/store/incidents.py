"""Placing mentions into incidents, and deriving each incident's fields from its mentions.

An incident is a connected component of :func:`eventlens.dedupe.compatible` over mentions
(see that module for why this makes the result independent of input order). Here:

* :func:`place_mention` stores one mention, finds its candidates through the
  (week x geocell) index and the article's near-duplicates, and joins, creates or merges
  incidents. When a mention bridges two incidents the older one (lower ``seq``) survives and
  the other keeps its row as ``merged`` with a pointer, so its public id still resolves.
* :func:`refresh` recomputes an incident's fields from *all* its mentions with a canonical
  rule (no "first come" anywhere), then re-applies analyst corrections, which therefore
  survive every later merge.

Fatalities follow ACLED's conservative rule: among credible reports (``role == "reported"``
when there are any), take those from the latest publication day - a later toll supersedes an
earlier one - and of those the lowest figure. The full range is kept in
``fatalities_min``/``fatalities_max``; every change is appended to ``toll_history``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from eventlens.dedupe import MentionKey, compatible, index_keys
from eventlens.store import schema as t

log = logging.getLogger(__name__)

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_GEO_RANK = {"point": 0, "neighbourhood": 1, "city": 2, "admin2": 3, "admin1": 4, "country": 5}

#: Fields an analyst may correct (the derived counts and ids are not among them).
EDITABLE: frozenset[str] = frozenset(
    {
        "event_date",
        "date_end",
        "date_precision",
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
        "source_scale",
        "notes",
        "fatalities",
        "fatalities_min",
        "fatalities_max",
        "injured",
        "tags",
        "confidence",
    }
)
_DATE_FIELDS = frozenset({"event_date", "date_end"})

_KEY_COLUMNS = [
    t.mentions.c.id,
    t.mentions.c.article_id,
    t.mentions.c.incident_seq,
    t.mentions.c.family,
    t.mentions.c.date_start,
    t.mentions.c.date_end,
    t.mentions.c.date_precision,
    t.mentions.c.latitude,
    t.mentions.c.longitude,
    t.mentions.c.geo_precision_label,
    t.mentions.c.iso3,
    t.mentions.c.admin1,
    t.mentions.c.actor_keys,
    t.mentions.c.sub_event_type,
    t.mentions.c.place_name,
]


def _new_incident_id(conn: Connection, iso3: str | None) -> str:
    prefix = (iso3 or "XXX").upper()[:3]
    row = conn.execute(
        sa.select(t.id_counters.c.next).where(t.id_counters.c.prefix == prefix).with_for_update()
    ).first()
    if row is None:
        n = 1
        conn.execute(sa.insert(t.id_counters).values(prefix=prefix, next=2))
    else:
        n = int(row.next)
        conn.execute(sa.update(t.id_counters).where(t.id_counters.c.prefix == prefix).values(next=n + 1))
    return f"{prefix}{n:07d}"


def candidates(
    conn: Connection, key: MentionKey, look: Sequence[str], near_dup_articles: Iterable[str]
) -> list[tuple[MentionKey, int]]:
    """Stored mentions sharing an index key with ``key``, or from a near-duplicate article."""
    conds = []
    if look:
        conds.append(
            t.mentions.c.id.in_(
                sa.select(t.mention_keys.c.mention_id).where(t.mention_keys.c.key.in_(list(look)))
            )
        )
    nd = sorted(set(near_dup_articles))
    if nd:
        conds.append(t.mentions.c.article_id.in_(nd))
    if not conds:
        return []
    rows = conn.execute(sa.select(*_KEY_COLUMNS).where(sa.or_(*conds))).mappings()
    return [(MentionKey.from_columns(r["id"], r["article_id"], r), int(r["incident_seq"])) for r in rows]


def place_mention(
    conn: Connection,
    key: MentionKey,
    near_dup_articles: frozenset[str],
    now: datetime,
) -> tuple[int, str]:
    """Link a just-inserted mention to its incident; return (incident seq, how it was linked).

    The mention row must exist (without ``incident_seq``); its index keys are written here.
    """
    store_keys, look_keys = index_keys(key)
    matches = sorted(
        {
            seq
            for cand, seq in candidates(conn, key, look_keys, near_dup_articles)
            if compatible(key, cand, near_dup=cand.article_id in near_dup_articles)
        }
    )
    if store_keys:
        conn.execute(
            sa.insert(t.mention_keys), [{"key": k, "mention_id": key.mention_id} for k in set(store_keys)]
        )
    if not matches:
        seq = conn.execute(
            sa.insert(t.incidents)
            .values(
                event_id_cnty=_new_incident_id(conn, key.iso3),
                status="active",
                created_at=now,
                updated_at=now,
            )
            .returning(t.incidents.c.seq)
        ).scalar_one()
        link = "new"
    else:
        seq = matches[0]
        link = "match"
        for other in matches[1:]:
            _absorb(conn, seq, other, now)
            link = "merge"
    conn.execute(sa.update(t.mentions).where(t.mentions.c.id == key.mention_id).values(incident_seq=seq))
    conn.execute(
        sa.insert(t.incident_mentions).values(
            incident_seq=seq, mention_id=key.mention_id, linked_at=now, link=link
        )
    )
    return seq, link


def _absorb(conn: Connection, keep: int, gone: int, now: datetime) -> None:
    """Move everything of incident ``gone`` into ``keep`` and leave a forwarding row."""
    keep_id = conn.execute(
        sa.select(t.incidents.c.event_id_cnty).where(t.incidents.c.seq == keep)
    ).scalar_one()
    gone_id = conn.execute(
        sa.select(t.incidents.c.event_id_cnty).where(t.incidents.c.seq == gone)
    ).scalar_one()
    conn.execute(sa.update(t.mentions).where(t.mentions.c.incident_seq == gone).values(incident_seq=keep))
    conn.execute(
        sa.update(t.incident_mentions)
        .where(t.incident_mentions.c.incident_seq == gone)
        .values(incident_seq=keep, link="merge", linked_at=now)
    )
    conn.execute(
        sa.update(t.corrections).where(t.corrections.c.incident_seq == gone).values(incident_seq=keep)
    )
    conn.execute(
        sa.update(t.incidents).where(t.incidents.c.merged_into == gone_id).values(merged_into=keep_id)
    )
    conn.execute(
        sa.update(t.incidents)
        .where(t.incidents.c.seq == gone)
        .values(status="merged", merged_into=keep_id, updated_at=now, mention_count=0)
    )
    log.debug("incident %s merged into %s", gone_id, keep_id)


# --------------------------------------------------------------------------- canonical fields


def _vote(values: Iterable[tuple[str | None, float]]) -> str | None:
    """Confidence-weighted majority; ties go to the alphabetically first value."""
    tally: Counter[str] = Counter()
    for v, w in values:
        if v:
            tally[v] += w
    if not tally:
        return None
    return min(tally, key=lambda v: (-round(tally[v], 6), v))


def _best(rows: Sequence[dict[str, Any]], rank: Any) -> dict[str, Any]:
    return min(rows, key=lambda r: (rank(r), -(r["confidence"] or 0.0), r["id"]))


def _day(d: datetime | None) -> date:
    return d.date() if d else date.min


def derive(mentions: Sequence[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An incident's fields from its mentions and their articles, by rules that ignore order."""
    recs = [m["record"] for m in mentions]
    out: dict[str, Any] = {}
    sub = _vote(
        (r.get("sub_event_type"), m["confidence"] or 0.5) for r, m in zip(recs, mentions, strict=True)
    )
    with_sub = [m for m in mentions if m["record"].get("sub_event_type") == sub] or list(mentions)
    typ = with_sub[0]["record"]
    out["sub_event_type"] = sub
    out["event_type"] = typ.get("event_type")
    out["disorder_type"] = typ.get("disorder_type")

    dated = [m for m in mentions if m["date_start"] is not None]
    if dated:
        d = _best(dated, lambda m: (_DATE_RANK.get(m["date_precision"], 9), m["date_start"]))
        out.update(
            event_date=d["date_start"],
            date_end=d["date_end"],
            date_precision=d["date_precision"],
            year=d["date_start"].year,
            time_precision=d["record"].get("time_precision"),
        )
    else:
        out.update(event_date=None, date_end=None, date_precision=None, year=None, time_precision=None)

    placed = [m for m in mentions if m["record"].get("latitude") is not None or m["record"].get("country")]
    if placed:
        p = _best(placed, lambda m: _GEO_RANK.get(m["geo_precision_label"] or "", 9))["record"]
        out.update(
            iso=p.get("iso"),
            country=p.get("country"),
            admin1=p.get("admin1"),
            admin2=p.get("admin2"),
            admin3=p.get("admin3"),
            location=p.get("location"),
            latitude=p.get("latitude"),
            longitude=p.get("longitude"),
            geo_precision=p.get("geo_precision"),
        )
    else:
        out.update(
            iso=None,
            country=None,
            admin1=None,
            admin2=None,
            admin3=None,
            location=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
        )

    with_actor = [m for m in with_sub if m["record"].get("actor1")] or [
        m for m in mentions if m["record"].get("actor1")
    ]
    a = _best(with_actor, lambda m: 0)["record"] if with_actor else {}
    for f in ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction"):
        out[f] = a.get(f)
    best = _best(with_sub, lambda m: 0)
    out["civilian_targeting"] = best["record"].get("civilian_targeting")
    out["notes"] = best["record"].get("notes") or None

    out.update(_tolls(mentions, "fatalities"))
    injured = _tolls(mentions, "injured")
    out["injured"] = injured["injured"]

    arts = [articles[aid] for aid in sorted({m["article_id"] for m in mentions})]
    publishers = sorted({a["publisher"] or a["id"] for a in arts})
    seen = [a["published"] or a["stored_at"] for a in arts]
    # ``source`` names outlets only: an article whose publisher is unknown counts as a source of
    # its own (above) but is not written as its 64-character id.
    out["source"] = "; ".join(sorted({a["publisher"] for a in arts if a["publisher"]})) or None
    out["source_count"] = len(publishers)
    out["article_count"] = len(arts)
    out["mention_count"] = len(mentions)
    out["first_seen"] = min(seen) if seen else None
    out["last_seen"] = max(seen) if seen else None
    # Noisy-or over publishers (each publisher's most confident report): independent sources
    # add belief; syndicated copies under one publisher do not.
    by_pub: dict[str, float] = {}
    for m in mentions:
        pub = articles[m["article_id"]]["publisher"] or m["article_id"]
        by_pub[pub] = max(by_pub.get(pub, 0.0), float(m["confidence"] or 0.0))
    miss = 1.0
    for c in by_pub.values():
        miss *= 1.0 - min(c, 0.99)
    out["confidence"] = round(1.0 - miss, 3)
    return out


def _tolls(mentions: Sequence[dict[str, Any]], field: str) -> dict[str, Any]:
    figures = [m for m in mentions if m[field] is not None]
    reported = [m for m in figures if m["role"] == "reported"]
    credible = reported or figures
    if not credible:
        return {field: None, f"{field}_min": None, f"{field}_max": None}
    latest = max(_day(m["published"]) for m in credible)
    current = min(m[field] for m in credible if _day(m["published"]) == latest)
    values = [m[field] for m in credible]
    return {field: current, f"{field}_min": min(values), f"{field}_max": max(values)}


def _coerce(field: str, value: Any) -> Any:
    if field in _DATE_FIELDS and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def refresh(conn: Connection, seq: int, now: datetime) -> None:
    """Recompute incident ``seq`` from its mentions, keep corrected fields, log toll changes."""
    ms = [
        dict(r)
        for r in conn.execute(
            sa.select(t.mentions).where(t.mentions.c.incident_seq == seq).order_by(t.mentions.c.id)
        ).mappings()
    ]
    if not ms:
        return
    arts = {
        r["id"]: dict(r)
        for r in conn.execute(
            sa.select(
                t.articles.c.id, t.articles.c.publisher, t.articles.c.published, t.articles.c.stored_at
            ).where(t.articles.c.id.in_(sorted({m["article_id"] for m in ms})))
        ).mappings()
    }
    fields = derive(ms, arts)
    for c in conn.execute(
        sa.select(t.corrections.c.field, t.corrections.c.new_value)
        .where(t.corrections.c.incident_seq == seq)
        .order_by(t.corrections.c.id)
    ):
        fields[c.field] = _coerce(c.field, c.new_value)
    old = conn.execute(
        sa.select(t.incidents.c.fatalities, t.incidents.c.fatalities_min, t.incidents.c.fatalities_max).where(
            t.incidents.c.seq == seq
        )
    ).one()
    conn.execute(sa.update(t.incidents).where(t.incidents.c.seq == seq).values(updated_at=now, **fields))
    new = (fields["fatalities"], fields["fatalities_min"], fields["fatalities_max"])
    if tuple(old) != new and new != (None, None, None):
        latest = max(ms, key=lambda m: (_day(m["published"]), m["id"]))
        conn.execute(
            sa.insert(t.toll_history).values(
                incident_seq=seq,
                fatalities=new[0],
                fatalities_min=new[1],
                fatalities_max=new[2],
                article_id=latest["article_id"],
                reported_at=latest["published"],
                recorded_at=now,
            )
        )
