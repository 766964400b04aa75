"""Checking an analyst's correction before it reaches the store.

:func:`eventlens.store.edit` writes what it is given into the incident's columns; a value of the
wrong type would be stored as is on SQLite and fail on PostgreSQL. Both the API and
``eventlens edit`` check each change against the column's type here first, so a bad value is a
clear error naming the field, never a database error.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa

from eventlens.errors import InputError
from eventlens.store import schema as t
from eventlens.store.incidents import EDITABLE

_RANGE = {"latitude": 90.0, "longitude": 180.0, "confidence": None}


def check_value(field: str, value: Any) -> Any:
    """``value`` as the column ``field`` stores it; :class:`InputError` naming the field if it cannot be."""
    typ = t.incidents.c[field].type
    if value is None:
        return None
    if isinstance(typ, sa.Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**31 - 1:
            raise InputError(field, f"{value!r}: give a whole number")
        return value
    if isinstance(typ, sa.Float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise InputError(field, f"{value!r}: give a number")
        limit = _RANGE.get(field)
        if limit is not None and not -limit <= value <= limit:
            raise InputError(field, f"{value!r}: out of range [-{limit:g}, {limit:g}]")
        if field == "confidence" and not 0.0 <= value <= 1.0:
            raise InputError(field, f"{value!r}: a confidence is between 0 and 1")
        return float(value)
    if isinstance(typ, sa.Date):
        if not isinstance(value, str):
            raise InputError(field, f"{value!r}: give an ISO date YYYY-MM-DD")
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise InputError(field, f"{value!r}: give an ISO date YYYY-MM-DD") from None
    if not isinstance(value, str):
        raise InputError(field, f"{value!r}: give text")
    value = value.replace("\x00", "")  # never meaningful in text, and PostgreSQL refuses it
    length = getattr(typ, "length", None)
    if length and len(value) > length:
        raise InputError(field, f"longer than {length} characters; shorten it")
    return value


def check_changes(incident_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Every change checked: editable fields only, values of the column's type."""
    bad = sorted(set(changes) - EDITABLE)
    if bad:
        raise InputError(
            incident_id, f"cannot edit {', '.join(bad)[:300]}; editable fields: {', '.join(sorted(EDITABLE))}"
        )
    return {k: check_value(k, v) for k, v in changes.items()}


def parse_assignment(text: str) -> tuple[str, Any]:
    """``field=value`` from the command line: the value is read as JSON when it is JSON
    (``3``, ``null``, ``2.5``), else taken as text (``actor1=Police Forces of Kenya``)."""
    field, sep, raw = text.partition("=")
    if not sep or not field.strip():
        raise InputError(text, "write a change as field=value, e.g. --set fatalities=3")
    try:
        value = json.loads(raw)
        if isinstance(value, dict | list):
            value = raw
    except ValueError:
        value = raw
    return field.strip(), value
