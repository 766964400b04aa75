"""The ACLED rows a developer may learn from, and the untouched test slice.

The test slice has one definition: ``eventlens.eval.acled_test_suite.in_held_out_slice`` (the rows
of ``train.csv`` with ``int(sha256(event_id_cnty).hexdigest(), 16) % 3 == 0``; its docstring says
why sha256 and not the sha1 of the project rule: in the shared extract the sha1 rule selects no
row). This module only reads the files and applies that rule. ACLED rows are read in place (ACLED
terms: evaluation and research only, never shipped).
"""

from __future__ import annotations

import csv
from pathlib import Path

from eventlens.eval.acled_test_suite import in_held_out_slice

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "acled"
if not DATA.exists():  # a worktree next to main: /work/wt-x/../shared
    DATA = Path("/work/shared/data/acled")


def read_rows(name: str, data: Path = DATA) -> list[dict[str, str]]:
    with (data / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def is_test(row: dict[str, str]) -> bool:
    """Is the row in the untouched test slice of train.csv (``in_held_out_slice``)?"""
    return in_held_out_slice(row["event_id_cnty"])


def training_rows(data: Path = DATA) -> list[dict[str, str]]:
    """dev.csv plus the rows of train.csv outside the test slice."""
    return read_rows("dev.csv", data) + [r for r in read_rows("train.csv", data) if not is_test(r)]


def test_rows(data: Path = DATA) -> list[dict[str, str]]:
    return [r for r in read_rows("train.csv", data) if is_test(r)]
