"""The ``dedupe`` suite: cross-article event clustering, scored with B-cubed and pairwise P/R/F1.

Placeholder until the incident store can be driven from the evaluation: it needs
records from many articles stored and clustered (MEANTIME cross-document event
coreference is the planned gold). Until then it raises EvalError so the runner
reports it as *skipped* with this reason - it must never look like a pass.
The scorers it will use are :func:`eventlens.eval.scoring.bcubed` and ``pairwise``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.eval.corpus import ExtractMany


def run_dedupe_suite(
    data_dir: Path, limit: int | None = None, extract_many: ExtractMany | None = None
) -> dict[str, Any]:
    raise EvalError(
        "dedupe: needs the store (cross-article clustering over stored records) wired into the evaluation; "
        "not implemented yet"
    )
