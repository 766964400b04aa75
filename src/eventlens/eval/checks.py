"""The unit of a gold comparison: one named check with what was expected and what we got.

A check never passes silently: anything the scorer could not interpret is
``unchecked`` and is reported as such (and counted as not passed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Status = Literal["pass", "partial", "fail", "skip", "unchecked"]

#: What a status is worth in a share-of-checks figure (skip is left out).
STATUS_SCORE: dict[str, float] = {"pass": 1.0, "partial": 0.5, "fail": 0.0, "unchecked": 0.0}


@dataclass(frozen=True, slots=True)
class Check:
    """One comparison. ``id`` is stable for a given gold file (tests are parametrised by it)."""

    id: str
    field: str
    status: Status
    expected: Any = None
    got: Any = None
    note: str = ""
    coordinates: bool = False  # a distance check (excluded where coordinates are not the point)
    optional: bool = False  # belongs to an optional gold event

    @property
    def ok(self) -> bool:
        return self.status in ("pass", "skip")

    def message(self) -> str:
        """A readable one-liner: field, expected, got (and why)."""
        extra = f" ({self.note})" if self.note else ""
        return f"{self.id}: {self.status}: expected {self.expected!r}, got {self.got!r}{extra}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field,
            "status": self.status,
            "expected": _jsonable(self.expected),
            "got": _jsonable(self.got),
            "note": self.note,
        }


def _jsonable(v: Any) -> Any:
    if v is None or isinstance(v, str | int | float | bool):
        return v
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple | set | frozenset):
        items = [_jsonable(x) for x in v]
        return sorted(items, key=str) if isinstance(v, set | frozenset) else items
    return str(v)


def share(checks: Iterable[Check]) -> float | None:
    """Mean status score of the scored (not skipped) checks; ``None`` if none were scored."""
    scores = [STATUS_SCORE[c.status] for c in checks if c.status != "skip"]
    return sum(scores) / len(scores) if scores else None


def by_field(checks: Iterable[Check]) -> dict[str, float]:
    """``{field: share}`` over the scored checks, sorted by field."""
    groups: dict[str, list[Check]] = {}
    for c in checks:
        groups.setdefault(c.field, []).append(c)
    out = {}
    for f in sorted(groups):
        s = share(groups[f])
        if s is not None:
            out[f] = round(s, 4)
    return out
