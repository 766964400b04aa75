"""The reference article's places (../shared/gold/baghdad-embassy-rockets.json, read in place):
Baghdad with the embedded gazetteer; the neighbourhoods once GeoNames rows for them are imported."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from test_gazetteer import _IQ_LINES  # the GeoNames-format neighbourhood rows (real coordinates)

from eventlens.geo.distance import haversine_km
from eventlens.geo.gazetteer import Gazetteer, import_geonames
from eventlens.geo.resolve import Geocoder
from eventlens.pipeline import Pipeline

SHARED = Path(os.environ.get("EVENTLENS_SHARED", Path(__file__).resolve().parents[3] / "shared"))
GOLD = SHARED / "gold" / "baghdad-embassy-rockets.json"
TEXT = SHARED / "fixtures" / "baghdad-embassy-rockets.txt"
pytestmark = pytest.mark.skipif(
    not (GOLD.exists() and TEXT.exists()), reason="the shared gold data is not mounted"
)


@pytest.fixture(scope="module")
def gold() -> dict:  # type: ignore[type-arg]
    return json.loads(GOLD.read_text(encoding="utf-8"))["events"][0]


def _events(gaz: Gazetteer):  # type: ignore[no-untyped-def]
    pipe = Pipeline(geocoder=Geocoder(gaz), subtype_model=False)
    (res,) = list(pipe.run([{"id": "fx", "text": TEXT.read_text(encoding="utf-8")}]))
    return res.events


def _reported(gaz: Gazetteer):  # type: ignore[no-untyped-def]
    (ev,) = [e for e in _events(gaz) if e.role == "reported"]
    return ev


def _near(place, want: dict) -> bool:  # type: ignore[no-untyped-def,type-arg]
    return (
        place is not None
        and haversine_km(place.lat, place.lon, want["lat"], want["lon"]) <= want["tolerance_km"]
    )


def test_embedded_gazetteer_places_the_event_in_baghdad(gazetteer: Gazetteer, gold: dict) -> None:  # type: ignore[type-arg]
    ev = _reported(gazetteer)
    assert _near(ev.location, gold["location"]["acceptable_coarser"]), ev.location
    assert ev.location.iso2 == "IQ"  # type: ignore[union-attr]


def test_imported_neighbourhoods_place_impacts_and_origin(
    gazetteer_path: Path, tmp_path: Path, gold: dict
) -> None:  # type: ignore[type-arg]
    copy = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, copy)
    dump = tmp_path / "IQ.txt"
    dump.write_text("\n".join(_IQ_LINES) + "\n", encoding="utf-8")
    import_geonames(copy, [dump])
    with Gazetteer.open(copy) as gaz:
        events = _events(gaz)
    (ev,) = [e for e in events if e.role == "reported"]
    # the background drone strike of 2020 is at Baghdad airport now that the gazetteer has it
    (strike,) = [e for e in events if e.role == "background" and e.sub_event_type == "Air/drone strike"]
    (gold_strike,) = [
        g
        for g in json.loads(GOLD.read_text(encoding="utf-8"))["events"]
        if g.get("sub_event_type") == "Air/drone strike"
    ]
    assert _near(strike.location, gold_strike["location"]), strike.location
    assert _near(ev.location, gold["location"]), ev.location
    by_role: dict[str, list] = {}  # type: ignore[type-arg]
    for m in ev.places:
        by_role.setdefault(m.role, []).append(m)
    for want in gold["places"]:
        if want["role"] in ("impact", "origin"):
            # each gold impact/origin has a mention of that role resolved within its tolerance
            assert any(_near(m.place, want) for m in by_role.get(want["role"], [])), (
                want,
                by_role.get(want["role"]),
            )
    targets = " ".join(m.mention for m in by_role.get("target", []))
    assert "embassy" in targets.lower() and "Green Zone" in targets
    # the embassy is in Baghdad, not in the country it represents
    assert all(m.place is None or m.place.iso2 == "IQ" for m in ev.places)
