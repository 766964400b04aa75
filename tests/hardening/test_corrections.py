# ruff: noqa: E501  (tables of named cases read best one case to a line)
"""Issue 16 item 1: a correction is checked against the taxonomy and the field's type and meaning;
a bad one is refused whole (nothing stored) by the store, so the CLI (exit 2) and the API (4xx)
both refuse it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.errors import InputError
from eventlens.store import edit
from eventlens.store.edits import CorrectionError, check_changes


def incident(store: Any, country: str) -> dict[str, Any]:
    """The first incident of ``country`` (ISO3) in the hand-made store."""
    return store.query(country=country)[0]


BAD = [
    pytest.param({"event_type": "Picnic"}, "event_type", id="type-not-in-taxonomy"),
    pytest.param({"sub_event_type": "Tea party"}, "sub_event_type", id="sub-type-not-in-taxonomy"),
    pytest.param({"sub_event_type": "Armed clash"}, "belongs to 'Battles'", id="sub-type-of-another-type"),
    pytest.param({"event_type": "Riots"}, "belongs to", id="type-without-its-sub-type"),
    pytest.param(
        {"event_type": "Riots", "sub_event_type": "Agreement"}, "belongs to", id="pair-that-does-not-match"
    ),
    pytest.param({"event_type": None}, "cannot be cleared", id="type-cleared"),
    pytest.param({"disorder_type": "War"}, "disorder_type", id="disorder-not-acleds"),
    pytest.param({"fatalities": -5}, "from 0", id="negative-fatalities"),
    pytest.param({"injured": -1}, "from 0", id="negative-injured"),
    pytest.param({"fatalities": 2.5}, "whole number", id="fractional-fatalities"),
    pytest.param({"fatalities": "many"}, "whole number", id="text-fatalities"),
    pytest.param({"fatalities_min": 9, "fatalities_max": 3}, "above fatalities_max", id="min-above-max"),
    pytest.param({"geo_precision": 4}, "from 1 to 3", id="geo-precision-4"),
    pytest.param({"geo_precision": 0}, "from 1 to 3", id="geo-precision-0"),
    pytest.param({"time_precision": 7}, "from 1 to 3", id="time-precision-7"),
    pytest.param({"inter1": 9}, "from 1 to 8", id="inter-code-9"),
    pytest.param({"interaction": 71}, "lower first", id="interaction-higher-first"),
    pytest.param({"latitude": 91}, "out of range", id="latitude-91"),
    pytest.param({"longitude": -180.5}, "out of range", id="longitude-out-of-range"),
    pytest.param({"latitude": float("nan")}, "give a number", id="latitude-nan"),
    pytest.param({"latitude": None}, "both latitude and longitude", id="half-a-point"),
    pytest.param({"event_date": "2021-02-30"}, "real day", id="date-that-does-not-exist"),
    pytest.param({"event_date": "yesterday"}, "ISO date", id="date-in-words"),
    pytest.param({"date_end": "1999-01-01"}, "before event_date", id="end-before-start"),
    pytest.param({"event_date": "2021-10-01", "year": 2019}, "not the year", id="year-not-the-dates"),
    pytest.param({"year": 3021}, "1900 to 2100", id="year-out-of-range"),
    pytest.param({"date_precision": "fortnight"}, "date_precision", id="date-precision-unknown"),
    pytest.param({"civilian_targeting": "yes"}, "Civilian targeting", id="civilian-targeting-not-acleds"),
    pytest.param({"region": "Atlantis"}, "region", id="region-not-acleds"),
    pytest.param({"iso": "XQZ"}, "alpha-3", id="iso-unknown"),
    pytest.param({"confidence": 1.5}, "between 0 and 1", id="confidence-over-1"),
    pytest.param({"notes": "fine", "fatalities": -1}, "from 0", id="one-bad-change-refuses-all"),
]


@pytest.mark.parametrize(("changes", "message"), BAD)
def test_bad_corrections_are_refused_whole(store: Any, changes: dict[str, Any], message: str) -> None:
    inc = incident(store, "KEN")
    before = store.incident(inc["event_id_cnty"])
    with pytest.raises(CorrectionError, match=message) as caught:
        edit(store, inc["event_id_cnty"], changes, "checked", "tester")
    assert isinstance(caught.value, InputError)  # the API's 4xx, the CLI's exit 2
    after = store.incident(inc["event_id_cnty"])
    assert after["corrections"] == before["corrections"] == []
    assert {k: after[k] for k in changes} == {k: before[k] for k in changes}


@pytest.mark.parametrize(
    ("changes", "stored"),
    [
        pytest.param(
            {"event_type": "Riots", "sub_event_type": "Mob violence"},
            {"event_type": "Riots", "sub_event_type": "Mob violence"},
            id="type-and-sub-type-together",
        ),
        pytest.param(
            {"event_type": "riots", "sub_event_type": "MOB VIOLENCE"},
            {"event_type": "Riots", "sub_event_type": "Mob violence"},
            id="labels-in-any-case",
        ),
        pytest.param(
            {"fatalities": 0, "geo_precision": 3, "time_precision": 2},
            {"fatalities": 0, "geo_precision": 3},
            id="counts-and-precisions",
        ),
        pytest.param({"event_date": "2019-12-31"}, {"year": 2019}, id="year-follows-the-date"),
        pytest.param({"latitude": -1.3, "longitude": 36.8}, {"latitude": -1.3}, id="a-whole-point"),
        pytest.param(
            {"region": "eastern africa", "iso": "ken"},
            {"region": "Eastern Africa", "iso": "KEN"},
            id="region-and-iso",
        ),
        pytest.param({"notes": None}, {"notes": None}, id="clearing-text"),
    ],
)
def test_good_corrections_are_stored(store: Any, changes: dict[str, Any], stored: dict[str, Any]) -> None:
    inc = incident(store, "KEN")
    out = edit(store, inc["event_id_cnty"], changes, "checked", "tester")
    assert {k: out[k] for k in stored} == stored


@pytest.mark.parametrize(
    "assignment",
    [
        'event_type="Picnic"',
        "fatalities=-5",
        "sub_event_type=Armed clash",
        "geo_precision=9",
        "event_date=2021-13-01",
    ],
)
def test_cli_edit_refuses_bad_values_with_exit_2(store: Any, db: str, assignment: str) -> None:
    iid = incident(store, "KEN")["event_id_cnty"]
    res = CliRunner().invoke(app, ["edit", iid, "--set", assignment, "--reason", "t", "--db", db])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and len(res.stderr.strip().splitlines()) == 1
    assert store.incident(iid)["corrections"] == []


def test_cli_edit_good_value(store: Any, db: str) -> None:
    iid = incident(store, "KEN")["event_id_cnty"]
    res = CliRunner().invoke(
        app, ["edit", iid, "--set", "fatalities=4", "--reason", "hospital list", "--who", "a", "--db", db]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["fatalities"] == 4


def test_api_refuses_a_bad_correction(store: Any) -> None:
    from api_data import make_client

    from eventlens.api.keys import create_key

    secret = create_key(store, "tests")[1]
    iid = incident(store, "KEN")["event_id_cnty"]
    with make_client(store) as client:
        for changes in ({"event_type": "Picnic"}, {"sub_event_type": "Armed clash"}, {"fatalities": -5}):
            resp = client.post(
                f"/api/v1/incidents/{iid}/corrections",
                json={"changes": changes, "reason": "x"},
                headers={"X-API-Key": secret},
            )
            assert resp.status_code in (400, 422), (changes, resp.status_code, resp.text)
            assert len(resp.text) < 2000
    assert store.incident(iid)["corrections"] == []


def test_check_changes_alone_refuses_unknown_labels() -> None:
    with pytest.raises(CorrectionError, match="not one of ACLED's values"):
        check_changes("X", {"event_type": "Picnic"})
    assert check_changes("X", {"sub_event_type": "air/drone strike"}) == {
        "sub_event_type": "Air/drone strike"
    }
