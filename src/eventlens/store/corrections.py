"""Analyst corrections: change an incident's field, with who, why and when.

A correction is stored, not just applied: :func:`eventlens.store.incidents.refresh`
re-applies every correction after recomputing an incident from its mentions, so a value an
analyst fixed is never overwritten when new sources are merged in later.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa

from eventlens.clock import utcnow
from eventlens.errors import StoreError
from eventlens.store import schema as t
from eventlens.store.db import Store
from eventlens.store.edits import check_changes, check_row

log = logging.getLogger(__name__)


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def edit(store: Store, incident_id: str, changes: Mapping[str, Any], reason: str, who: str) -> dict[str, Any]:
    """Set fields of an incident, recording each change in ``corrections``; return the incident.

    ``incident_id`` may be an id that was merged away: the edit goes to the surviving incident.
    An empty ``reason`` or ``who`` raises :class:`StoreError`; an unknown or derived field, or a
    value that does not fit (:mod:`eventlens.store.edits`), raises
    :class:`~eventlens.store.edits.CorrectionError` and nothing is stored.
    """
    if not reason.strip() or not who.strip():
        raise StoreError(f"{incident_id}: a correction needs a reason and who made it; pass both")
    changes = check_changes(incident_id, changes)
    now = utcnow()
    with store.begin() as conn:
        seq = store.resolve(conn, incident_id)
        current = conn.execute(sa.select(t.incidents).where(t.incidents.c.seq == seq)).mappings().one()
        values: dict[str, Any] = {}
        for field, new in check_row(current, changes).items():
            if isinstance(new, str) and field in ("event_date", "date_end"):
                new = date.fromisoformat(new)  # checked above
            conn.execute(
                sa.insert(t.corrections).values(
                    incident_seq=seq,
                    field=field,
                    old_value=_jsonable(current[field]),
                    new_value=_jsonable(new),
                    who=who,
                    why=reason,
                    at=now,
                )
            )
            values[field] = new
        conn.execute(sa.update(t.incidents).where(t.incidents.c.seq == seq).values(updated_at=now, **values))
        log.info("%s corrected %s: %s (%s)", who, current["event_id_cnty"], sorted(values), reason)
        public_id = current["event_id_cnty"]
    return store.incident(public_id)
