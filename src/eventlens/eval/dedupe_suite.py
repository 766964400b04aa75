"""The ``dedupe`` suite: does incident clustering keep distinct events apart and join the same one?

The measurement itself lives with the store (:mod:`eventlens.eval.dedupe_measure`:
ACLED false-merge rate with gold and extracted events, MEANTIME cross-document
coreference scored pairwise and with B-cubed). This module adapts it to the suite
shape (``figures`` of numbers, data ``files`` with hashes). Without the store the
suite raises EvalError, so the runner reports it *skipped* - never a pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.corpus import ExtractMany, file_hashes


def _flatten(prefix: str, d: Any, out: dict[str, Any]) -> None:
    if isinstance(d, dict):
        for k, v in d.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    elif isinstance(d, int | float) and not isinstance(d, bool):
        out[prefix] = d


def run_dedupe_suite(
    data_dir: Path, limit: int | None = None, extract_many: ExtractMany | None = None
) -> dict[str, Any]:
    try:
        from eventlens.eval.dedupe_measure import run_dedupe_suite as store_suite
    except ImportError as e:
        raise EvalError(
            f"dedupe: needs the store (eventlens.eval.dedupe_measure: {e}); install the store extras"
        ) from e
    data_dir = Path(data_dir)
    kwargs: dict[str, Any] = {"extract": extract_many} if extract_many is not None else {}
    raw = store_suite(data_dir, limit, **kwargs)
    figures: dict[str, Any] = {}
    for mode, res in (raw.get("acled") or {}).items():
        if res.get("false_merge_rate") is not None:
            figures[f"acled_{mode}.false_merge_rate"] = res["false_merge_rate"]
    mt = raw.get("meantime") or {}
    for kind in ("pairwise", "bcubed"):
        if mt.get(kind):
            _flatten(f"meantime.{kind}", mt[kind], figures)
    if mt:
        figures["meantime.events_matched_to_gold"] = mt.get("events_matched_to_gold")
    paths = [data_dir / "acled" / "dev.csv"]
    paths += sorted((data_dir / "meantime_en" / "intra_cross-doc_annotation").rglob("*.xml"))
    rows = (raw.get("acled") or {}).get("gold", {}).get("rows")
    return {
        "suite": "dedupe",
        "n": rows,
        "figures": figures,
        "files": file_hashes([p for p in paths if p.exists()], data_dir),
        "details": raw,
    }
