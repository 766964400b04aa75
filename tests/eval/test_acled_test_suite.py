"""The acled-test suite: only the held-out slice is extracted, scored as the acled suite, plus ECE.

Rows are invented; ids TST4, TST5, TST6 are in the slice (sha256 residue 0), TST1-3 are not
(residues 1, 1, 1) - fixed here so that a change of the slice rule fails this test.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from eventlens.errors import EvalError
from eventlens.eval.acled_test_suite import held_out_rows, in_held_out_slice, run_acled_test_suite

HEADER = (
    "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,inter1,actor2,inter2,"
    "iso,country,admin1,latitude,longitude,geo_precision,fatalities,notes"
).split(",")


def row(i: int, sub: str, et: str, actor1: str) -> list[Any]:
    return [
        f"TST{i}", "2022-03-0" + str(i), "Political violence", et, sub, actor1, 1, "", 0,
        "", "Mali", "Mopti", 14.49, -4.19, 1, 0, f"On 2022-03-0{i}, something happened in Mopti.",
    ]  # fmt: skip


ROWS = [
    row(1, "Armed clash", "Battles", "Military Forces of Mali (2021-)"),
    row(2, "Armed clash", "Battles", "Military Forces of Mali (2021-)"),
    row(3, "Attack", "Violence against civilians", "Unidentified Armed Group (Mali)"),
    row(4, "Armed clash", "Battles", "Military Forces of Mali (2021-)"),
    row(5, "Attack", "Violence against civilians", "Unidentified Armed Group (Mali)"),
    row(6, "Air/drone strike", "Explosions/Remote violence", "Military Forces of Mali (2021-)"),
]
BY_ID = {r[0]: r for r in ROWS}


@pytest.fixture
def acled_dir(tmp_path: Path) -> Path:
    (tmp_path / "acled").mkdir()
    with (tmp_path / "acled" / "train.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(ROWS)
    return tmp_path


def record(r: list[Any], **over: Any) -> dict[str, Any]:
    rec = {
        "role": "reported",
        "confidence": 0.9,
        "event_date": r[1],
        "date_precision": "day",
        "disorder_type": r[2],
        "event_type": r[3],
        "sub_event_type": r[4],
        "actor1": r[5],
        "inter1": r[6],
        "country": r[10],
        "admin1": r[11],
        "latitude": r[12],
        "longitude": r[13],
        "geo_precision": r[14],
        "fatalities": None,
    }
    rec.update(over)
    return rec


def test_the_slice_rule() -> None:
    assert [in_held_out_slice(f"TST{i}") for i in range(1, 7)] == [False, False, False, True, True, True]


def test_only_slice_rows_are_extracted_and_scored(acled_dir: Path, fake: Any) -> None:
    seen: list[str] = []

    def perfect(it: Mapping[str, Any]) -> list[dict[str, Any]]:
        seen.append(it["id"])
        return [record(BY_ID[it["id"]])]

    res = run_acled_test_suite(acled_dir, extract_many=fake(perfect))
    f = res["figures"]
    assert seen == ["TST4", "TST5", "TST6"] and res["n"] == 3 and list(res["files"]) == ["acled/train.csv"]
    assert f["sub_event_type.accuracy"] == 1.0 and f["actor1.exact"] == 1.0 and f["actor1.match"] == 1.0
    assert f["confidence.ece"] == pytest.approx(0.1)  # all right at 0.9
    assert f["confidence.n"] == 3
    assert res["details"]["slice"].startswith("int(sha256(event_id_cnty)")


def test_half_right(acled_dir: Path, fake: Any) -> None:
    # TST4: right, actor1 written 'Mali military' (normalised match, not exact), confidence 0.8;
    # TST5: called Armed clash at 0.7 (wrong); TST6: no reported record (a miss: no confidence)
    def make(it: Mapping[str, Any]) -> list[dict[str, Any]]:
        r = BY_ID[it["id"]]
        if it["id"] == "TST4":
            return [record(r, actor1="Mali military", confidence=0.8)]
        if it["id"] == "TST5":
            return [record(r, sub_event_type="Armed clash", event_type="Battles", confidence=0.7)]
        return [record(r, role="background")]

    f = run_acled_test_suite(acled_dir, extract_many=fake(make))["figures"]
    assert f["sub_event_type.accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["actor1.match"] == pytest.approx(2 / 3, abs=1e-4)  # TST4 normalised, TST5 exact
    assert f["actor1.exact"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["misses"] == pytest.approx(1 / 3, abs=1e-4)
    # ECE over TST4 (0.8, right: gap 0.2) and TST5 (0.7, wrong: gap 0.7) = 0.45
    assert f["confidence.n"] == 2 and f["confidence.ece"] == pytest.approx(0.45)


def test_limit_counts_slice_rows(acled_dir: Path) -> None:
    assert [r["event_id_cnty"] for r in held_out_rows(acled_dir / "acled" / "train.csv", 2)] == [
        "TST4",
        "TST5",
    ]


def test_missing_data_raises_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="ACLED train set"):
        run_acled_test_suite(tmp_path)


def test_the_shared_slice_is_disjoint_from_dev(data_dir: Path) -> None:
    train, dev = data_dir / "acled" / "train.csv", data_dir / "acled" / "dev.csv"
    if not (train.exists() and dev.exists()):
        pytest.skip("ACLED train/dev absent")
    rows = held_out_rows(train)
    with dev.open(encoding="utf-8", newline="") as f:
        dev_ids = {r["event_id_cnty"] for r in csv.DictReader(f)}
    assert 1400 <= len(rows) <= 1600
    assert not dev_ids & {r["event_id_cnty"] for r in rows}
