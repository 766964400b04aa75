"""What every suite needs around the extractor: data hashes, batched extraction, record views.

Suites score the public JSON record (``Event.to_dict()``), not the internal
dataclasses, so a score means the same thing as the records users get.
The extractor is injected (``extract_many=``) so tests can pass a fake one and the
gate test can pass a deliberately broken one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.read.paths import sha256_file

logger = logging.getLogger(__name__)

ExtractMany = Callable[..., Iterator[Any]]

#: Event types that are violence (ACLED "Political violence" plus riots).
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def file_hashes(paths: Iterable[Path], root: Path) -> dict[str, str]:
    """``{path relative to root: sha256}``, sorted, for the JSON report and the gate."""
    out = {}
    for p in sorted(paths):
        try:
            rel = p.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = p.name
        out[rel] = sha256_file(p)
    return out


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file's JSON, or an EvalError naming the file and why it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    except (OSError, json.JSONDecodeError) as e:
        raise EvalError(f"{path}: cannot read gold file ({e}); check the file is valid JSON") from e


def require(path: Path, what: str) -> Path:
    """``path`` if it exists, else an EvalError saying what is missing and where to get it."""
    if not path.exists():
        raise EvalError(f"{path}: {what} not found; pass --data DIR pointing at the shared evaluation data")
    return path


def default_extract_many() -> ExtractMany:
    """``eventlens.extract_many``, imported on first use (importing eventlens.eval stays light)."""
    import eventlens

    fn = getattr(eventlens, "extract_many", None)
    if fn is None:
        raise RuntimeError(
            "eventlens.extract_many is not available: the pipeline is not installed or built yet"
        )
    return fn  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Extracted:
    """One input's output as the suites see it: JSON records plus the cleaned article."""

    id: str
    article: Any  # eventlens.types.Article | None
    records: tuple[dict[str, Any], ...]
    error: str | None = None

    @property
    def reported(self) -> list[dict[str, Any]]:
        return [r for r in self.records if r.get("role") == "reported"]


def run_extraction(
    items: list[Mapping[str, Any]], extract_many: ExtractMany | None, *, batch_size: int = 64
) -> dict[str, Extracted]:
    """Run the extractor over ``items`` and key the results by item id.

    An input error is recorded (as the pipeline does) instead of stopping the suite.
    """
    fn = extract_many or default_extract_many()
    out: dict[str, Extracted] = {}
    for res in fn(items, batch_size=batch_size):
        events = getattr(res, "events", None) or []
        err = getattr(res, "error", None)
        out[str(res.article_id)] = Extracted(
            id=str(res.article_id),
            article=getattr(res, "article", None),
            records=tuple(_as_record(e) for e in events),
            error=str(err) if err is not None else None,
        )
    missing = [str(i["id"]) for i in items if str(i["id"]) not in out]
    if missing:
        logger.warning("extractor returned no result for %d inputs (first: %s)", len(missing), missing[0])
    return out


def _as_record(event: Any) -> dict[str, Any]:
    return event if isinstance(event, dict) else event.to_dict()


def best_reported(ex: Extracted | None) -> dict[str, Any] | None:
    """The highest-confidence reported record (ties: first in output order)."""
    if ex is None:
        return None
    best = None
    for r in ex.reported:
        if best is None or float(r.get("confidence") or 0) > float(best.get("confidence") or 0):
            best = r
    return best


def record_date_range(rec: Mapping[str, Any]) -> tuple[date, date] | None:
    """The closed day range a record's ``event_date`` + ``date_precision`` stands for."""
    value, prec = rec.get("event_date"), rec.get("date_precision") or "day"
    if not value:
        return None
    try:
        if prec == "year" or len(value) == 4:
            y = int(value[:4])
            return date(y, 1, 1), date(y, 12, 31)
        if prec == "month" or len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), nxt - timedelta(days=1)
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    if prec == "week":
        return d, d + timedelta(days=6)
    return d, d


def evidence_spans(rec: Mapping[str, Any]) -> list[tuple[int, int]]:
    """Every evidence character span of a record, as (start, end)."""
    out = []
    for ev in rec.get("evidence") or []:
        for sp in ev.get("spans") or []:
            out.append((int(sp["start"]), int(sp["end"])))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def actor_texts(rec: Mapping[str, Any], which: str) -> list[str]:
    """Names and mentions of ``actor1``/``actor2`` and their associates, for substring/overlap checks."""
    actors = rec.get("actors") or {}
    out: list[str] = []
    main = actors.get(which)
    items = [main] if main else []
    items += list(actors.get(f"assoc_{'actor_1' if which == 'actor1' else 'actor_2'}") or [])
    for a in items:
        for k in ("name", "mention"):
            if a.get(k):
                out.append(str(a[k]))
    if not items and rec.get(which):
        out.append(str(rec[which]))
    return out
