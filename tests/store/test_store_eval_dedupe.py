"""The dedupe evaluation helper: scorers on known cases, ACLED rows end to end (gold extraction)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventlens.eval.dedupe_measure import (
    acled_rows,
    bcubed_prf,
    false_merge_rate,
    meantime_docs,
    pairwise_prf,
)

DATA = Path("/work/shared/data")
needs_data = pytest.mark.skipif(
    not (DATA / "acled" / "dev.csv").is_file(), reason="shared ACLED/MEANTIME data absent"
)


@pytest.mark.parametrize(
    ("pred", "pairwise", "bcubed"),
    [
        pytest.param({"a": "1", "b": "1", "c": "2"}, (1.0, 1.0), (1.0, 1.0), id="perfect"),
        pytest.param({"a": "1", "b": "1", "c": "1"}, (1 / 3, 1.0), (5 / 9, 1.0), id="all-merged"),
        pytest.param({"a": "1", "b": "2", "c": "3"}, (None, 0.0), (1.0, 2 / 3), id="all-split"),
    ],
)
def test_scorers(pred, pairwise, bcubed):
    gold = {"a": "x", "b": "x", "c": "y"}
    pw, b3 = pairwise_prf(gold, pred), bcubed_prf(gold, pred)
    assert (pw["precision"], pw["recall"]) == pytest.approx(pairwise, abs=1e-3)
    assert (b3["precision"], b3["recall"]) == pytest.approx(bcubed, abs=1e-3)


@needs_data
def test_acled_false_merges_distinct_rows_vs_copies():
    rows = acled_rows(DATA / "acled" / "dev.csv", limit=60)
    distinct = false_merge_rate(rows)
    assert distinct["rows"] == 60 and distinct["false_merge_rate"] < 0.2
    # The same events told twice (a second outlet's wording) must merge: every incident holds 2 rows.
    retold = [
        dataclasses.replace(
            r,
            event_id=r.event_id,
            article=dataclasses.replace(
                r.article, text="Update: " + r.article.text + " (updated)", id=r.event_id + "b"
            ),
        )
        for r in rows
    ]
    both = false_merge_rate(rows + retold)
    assert both["incidents_with_several_rows"] >= 55


@needs_data
def test_meantime_reader_finds_cross_document_chains():
    docs = meantime_docs(DATA / "meantime_en" / "intra_cross-doc_annotation", limit=8)
    assert len(docs) == 8 and all(d.text and d.published for d in docs)
    for d in docs:
        for s, e, inst in d.mentions:
            assert 0 <= s < e <= len(d.text) and inst
    insts = [i for d in docs for _, _, i in d.mentions]
    assert len(set(insts)) < len(insts), "some instance ids recur (coreference chains)"
