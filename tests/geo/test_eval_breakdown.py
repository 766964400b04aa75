"""The geo suite's error breakdown (eventlens.eval.geo_suite._error_kind), on hand-made gold."""

from __future__ import annotations

import pytest

from eventlens.eval.geo_suite import ERROR_KINDS, GoldToponym, _error_kind
from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.resolve import Geocoder


@pytest.fixture(scope="module")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)


def test_error_kinds(geocoder: Geocoder) -> None:
    paris_fr = next(c for c in geocoder.candidates("Paris") if c.country_code == "FR")
    paris_tx = GoldToponym(0, 5, "Paris", 33.66, -95.56)  # Paris, Texas
    assert _error_kind(paris_tx, paris_fr, 7800.0, geocoder) == "wrong_candidate"
    assert _error_kind(paris_tx, paris_fr, 3.0, geocoder) == "ok"
    assert _error_kind(paris_tx, None, 20039.0, geocoder) == "no_candidate"
    far_gold = GoldToponym(0, 5, "Paris", -45.0, 170.0, geonameid=paris_fr.geonameid)
    assert _error_kind(far_gold, paris_fr, 19000.0, geocoder) == "right_place_far_point"
    nowhere = GoldToponym(0, 6, "Qwxzyv", 10.0, 10.0)
    assert _error_kind(nowhere, paris_fr, 4000.0, geocoder) == "no_candidate_near"
    assert set(ERROR_KINDS) == {
        "ok",
        "no_candidate",
        "right_place_far_point",
        "wrong_candidate",
        "no_candidate_near",
    }
