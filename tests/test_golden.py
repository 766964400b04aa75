"""The reference article against its hand-checked gold reading, field by field.

Reads ../shared/gold/baghdad-embassy-rockets.json itself (no copied expectations)
and scores the extractor through the gold suite's scorer. One test per check:
every non-optional field except coordinates (those belong to the geo suites), the
date of optional events when found, every ``must_not`` item, the title, the
publication time and the boilerplate. A failure reads "field: status: expected X,
got Y (note)". Expected to fail in places until the extractor is good.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from eventlens.eval.checks import Check
from eventlens.eval.corpus import run_extraction
from eventlens.eval.gold_suite import gold_text, load_gold, score_gold_document

SHARED = Path(os.environ.get("EVENTLENS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
GOLD_DIR = SHARED / "gold"
GOLD_PATH = GOLD_DIR / "baghdad-embassy-rockets.json"
NAME = GOLD_PATH.stem


def _planned_ids() -> list[str]:
    """Check ids from scoring an empty extraction: the same code path names every check."""
    if not GOLD_PATH.exists():
        return []
    gold = load_gold(GOLD_PATH)
    _, text = gold_text(gold, GOLD_DIR)
    return [c.id for c in score_gold_document(gold, None, text)["checks"] if wanted(c)]


def wanted(c: Check) -> bool:
    # coordinates are the geo suites' business; an optional event's "found" is fine to miss
    return not c.coordinates and not (c.optional and c.field == "optional_event")


@cache
def scored() -> dict[str, Check]:
    gold = load_gold(GOLD_PATH)
    _, text = gold_text(gold, GOLD_DIR)
    out = run_extraction([{"id": NAME, "text": text}], None)
    res = score_gold_document(gold, out.get(NAME), text)
    return {c.id: c for c in res["checks"]}


IDS = _planned_ids()


@pytest.mark.skipif(not GOLD_PATH.exists(), reason=f"{GOLD_PATH} absent: the shared gold data is not mounted")
@pytest.mark.parametrize(
    "check_id", [pytest.param(i, id=i) for i in IDS] or [pytest.param("-", id="no-gold")]
)
def test_golden(check_id: str) -> None:
    check = scored().get(check_id)
    assert check is not None, f"{check_id}: check not produced for this extraction (scorer bug)"
    assert check.status in ("pass", "skip"), check.message()


@pytest.mark.skipif(not GOLD_PATH.exists(), reason=f"{GOLD_PATH} absent: the shared gold data is not mounted")
def test_every_must_not_item_is_checked() -> None:
    gold = load_gold(GOLD_PATH)
    n = len(gold.get("must_not") or [])
    assert [i for i in IDS if i.startswith("must_not[")] == [f"must_not[{k}]" for k in range(n)]
