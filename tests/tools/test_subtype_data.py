"""The re-ranker's training rows: the untouched ACLED test slice never enters them, and the
written news sentences are well-formed (labels known, none copied from the test snippets)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from eventlens.eval.acled_test_suite import in_held_out_slice
from eventlens.taxonomy import SUB_EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def sd():
    spec = importlib.util.spec_from_file_location("subtype_data", ROOT / "tools" / "subtype_data.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["subtype_data"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_written_news_rows_cover_every_sub_type(sd) -> None:
    rows = sd.load_rows(DATA, "news")
    assert len(rows) >= 100
    assert {r.label for r in rows} == set(SUB_EVENT_TYPES)


def test_written_news_rows_are_not_test_snippets(sd) -> None:
    own = ROOT / "evaldata" / "snippets" / "own.tsv"
    with own.open(encoding="utf-8", newline="") as f:
        tests = {r["EventSnippet"].strip() for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    assert not {r.text.strip() for r in sd.load_rows(DATA, "news")} & tests


def test_the_acled_test_slice_is_never_a_training_row(sd) -> None:
    if not (DATA / "acled" / "train.csv").is_file():
        pytest.skip(f"{DATA} absent: the shared evaluation data is not mounted")
    rows = sd.load_rows(DATA, "acled-train")
    assert rows
    assert not any(in_held_out_slice(r.id) for r in rows)
