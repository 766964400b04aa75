"""Checking an analyst's correction before it reaches the store.

:func:`eventlens.store.edit` refuses a change that does not fit (it calls :func:`check_changes`
and :func:`check_row` itself), so the API, ``eventlens edit`` and a library caller get the same
checks. A value is checked against its column's type *and* its meaning: a taxonomy label must be
ACLED's (``event_type``, ``sub_event_type``, ``disorder_type``, ``region``), counts are whole
numbers >= 0, precisions are 1-3, dates are real dates, coordinates are in range, and the result
must hang together (the sub-event type belongs to the event type, ``date_end`` is not before
``event_date``, a point has both coordinates, ``fatalities_min`` <= ``fatalities_max``). A bad
change is refused whole with :class:`CorrectionError` naming the field and what would fit; the
CLI exits 2 on it and the API answers 422.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from eventlens import taxonomy
from eventlens.errors import InputError, StoreError
from eventlens.store import schema as t
from eventlens.store.incidents import EDITABLE
from eventlens.store.regions import acled_regions, region_of

_RANGE = {"latitude": 90.0, "longitude": 180.0, "confidence": None}
_DISORDER_TYPES = (
    taxonomy.POLITICAL_VIOLENCE,
    taxonomy.DEMONSTRATIONS,
    taxonomy.STRATEGIC,
    taxonomy.POLITICAL_VIOLENCE_AND_DEMONSTRATIONS,
)
#: Whole-number fields and their (lowest, highest) value.
_INT_RANGE: dict[str, tuple[int, int]] = {
    "fatalities": (0, 2**31 - 1),
    "fatalities_min": (0, 2**31 - 1),
    "fatalities_max": (0, 2**31 - 1),
    "injured": (0, 2**31 - 1),
    "time_precision": (1, 3),
    "geo_precision": (1, 3),
    "inter1": (1, 8),
    "inter2": (0, 8),
    "year": (1900, 2100),
}
#: Fields an incident cannot be without (null would make it no ACLED record).
_REQUIRED = frozenset({"event_type", "sub_event_type", "disorder_type"})


class CorrectionError(InputError, StoreError):
    """A correction that does not fit the field (or the incident); nothing of it was stored.

    An :class:`InputError` (the caller sent it: HTTP 4xx, exit 2) and, for callers of
    :func:`eventlens.store.edit` that catch the store's errors, a :class:`StoreError`."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(field, reason, stage="correct")


def _choices() -> dict[str, Callable[[], tuple[str, ...]]]:
    return {
        "event_type": lambda: tuple(taxonomy.EVENT_TYPES),
        "sub_event_type": lambda: tuple(taxonomy.SUB_EVENT_TYPES),
        "disorder_type": lambda: _DISORDER_TYPES,
        "date_precision": lambda: ("day", "week", "month", "year"),
        "civilian_targeting": lambda: ("Civilian targeting",),
        "region": lambda: tuple(sorted(acled_regions())),
    }


def _choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    folded = {a.casefold(): a for a in allowed}
    hit = folded.get(value.strip().casefold())
    if hit is None:
        shown = "; ".join(allowed)
        raise CorrectionError(field, f"{value[:80]!r} is not one of ACLED's values: {shown}")
    return hit


def _interaction(value: int) -> int:
    """ACLED's interaction code: the two actors' inter codes, lower first (``10``-``80`` for one actor)."""
    a, b = divmod(value, 10)
    if not (1 <= a <= 8 and (b == 0 or a <= b <= 8)):
        raise CorrectionError(
            "interaction",
            f"{value!r}: an interaction code is two inter codes 1-8, the lower first (e.g. 17), "
            "or one code followed by 0 (e.g. 60)",
        )
    return value


def check_value(field: str, value: Any) -> Any:
    """``value`` as the column ``field`` stores it; :class:`CorrectionError` naming the field if
    it does not fit the column's type or meaning."""
    typ = t.incidents.c[field].type
    if value is None:
        if field in _REQUIRED:
            raise CorrectionError(field, "cannot be cleared; every incident has one")
        return None
    if isinstance(typ, sa.Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**31 - 1:
            raise CorrectionError(field, f"{value!r}: give a whole number")
        if field == "interaction":
            return _interaction(value)
        lo, hi = _INT_RANGE.get(field, (-(2**31) + 1, 2**31 - 1))
        if not lo <= value <= hi:
            raise CorrectionError(field, f"{value!r}: give a whole number from {lo} to {hi}")
        return value
    if isinstance(typ, sa.Float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise CorrectionError(field, f"{value!r}: give a number")
        limit = _RANGE.get(field)
        if limit is not None and not -limit <= value <= limit:
            raise CorrectionError(field, f"{value!r}: out of range [-{limit:g}, {limit:g}]")
        if field == "confidence" and not 0.0 <= value <= 1.0:
            raise CorrectionError(field, f"{value!r}: a confidence is between 0 and 1")
        return float(value)
    if isinstance(typ, sa.Date):
        if isinstance(value, date) and not isinstance(value, datetime):
            return value.isoformat()
        if not isinstance(value, str):
            raise CorrectionError(field, f"{value!r}: give an ISO date YYYY-MM-DD")
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise CorrectionError(
                field, f"{value[:40]!r} is not an ISO date of a real day; give YYYY-MM-DD"
            ) from None
    if not isinstance(value, str):
        raise CorrectionError(field, f"{value!r}: give text")
    value = value.replace("\x00", "")  # never meaningful in text, and PostgreSQL refuses it
    choices = _choices().get(field)
    if choices is not None:
        return _choice(field, value, choices())
    if field == "iso":
        code = value.strip().upper()
        if region_of(iso3=code) is None:
            raise CorrectionError(field, f"{value[:20]!r}: give an ISO 3166 alpha-3 country code (e.g. KEN)")
        return code
    length = getattr(typ, "length", None)
    if length and len(value) > length:
        raise CorrectionError(field, f"longer than {length} characters; shorten it")
    return value


def check_changes(incident_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Every change checked on its own: editable fields only, values that fit the field."""
    bad = sorted(set(changes) - EDITABLE)
    if bad:
        raise CorrectionError(
            incident_id, f"cannot edit {', '.join(bad)[:300]}; editable fields: {', '.join(sorted(EDITABLE))}"
        )
    if not changes:
        raise CorrectionError(incident_id, "no change given; set at least one field")
    return {k: check_value(k, v) for k, v in changes.items()}


def _day(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def check_row(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The checked ``changes`` again, refused when the incident they make does not hang together.

    Only rules touching a changed field are checked (an old inconsistency elsewhere does not block
    an unrelated fix). When ``event_date`` moves to another year and ``year`` is not given, ``year``
    follows it (ACLED's ``year`` is the event date's).
    """
    row = {**current, **changes}
    out = dict(changes)

    def touched(*fields: str) -> bool:
        return any(f in changes for f in fields)

    et, sub = row.get("event_type"), row.get("sub_event_type")
    if touched("event_type", "sub_event_type") and et and sub and taxonomy.SUB_EVENT_TYPES.get(sub) != et:
        fits = taxonomy.SUB_EVENT_TYPES.get(sub)
        raise CorrectionError(
            "sub_event_type",
            f"{sub!r} belongs to {fits!r}, not {et!r}; set event_type and sub_event_type together "
            f"({et!r} has: {'; '.join(taxonomy.EVENT_TYPES.get(et, ()))})",
        )
    start, end = _day(row.get("event_date")), _day(row.get("date_end"))
    if touched("event_date", "date_end") and start and end and end < start:
        raise CorrectionError("date_end", f"{end} is before event_date {start}")
    if touched("event_date", "year") and start:
        if "year" in changes and changes["year"] is not None and changes["year"] != start.year:
            raise CorrectionError("year", f"{changes['year']} is not the year of event_date {start}")
        if "year" not in changes and row.get("year") != start.year:
            out["year"] = start.year
    lat, lon = row.get("latitude"), row.get("longitude")
    if touched("latitude", "longitude") and (lat is None) != (lon is None):
        raise CorrectionError(
            "latitude", "a point needs both latitude and longitude; set both (or clear both)"
        )
    lo, hi = row.get("fatalities_min"), row.get("fatalities_max")
    if touched("fatalities_min", "fatalities_max") and lo is not None and hi is not None and lo > hi:
        raise CorrectionError("fatalities_min", f"{lo} is above fatalities_max {hi}")
    return out


def parse_assignment(text: str) -> tuple[str, Any]:
    """``field=value`` from the command line: the value is read as JSON when it is JSON
    (``3``, ``null``, ``2.5``), else taken as text (``actor1=Police Forces of Kenya``)."""
    field, sep, raw = text.partition("=")
    if not sep or not field.strip():
        raise CorrectionError(text, "write a change as field=value, e.g. --set fatalities=3")
    try:
        value = json.loads(raw)
        if isinstance(value, dict | list):
            value = raw
    except ValueError:
        value = raw
    return field.strip(), value
