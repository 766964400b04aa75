"""First-level units: their bare names ("Dagestan" for "Dagestan, Respublika") and derived points."""

from __future__ import annotations

import pytest

from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.gazetteer_build import _trimmed_centre


def test_centre_of_a_unit_across_the_180th_meridian() -> None:
    """Towns at 177 E and 178 W: the centre is on the dateline, not near Greenwich."""
    points = [(65.0, 177.0), (66.0, 179.5), (67.0, -178.0), (66.5, -179.0)]
    lat, lon = _trimmed_centre(points)
    assert lat == pytest.approx(66.0)
    assert abs(lon) > 179.0


def test_centre_of_an_ordinary_unit_is_unchanged() -> None:
    points = [(10.0, 20.0), (12.0, 24.0), (11.0, 22.0)]
    assert _trimmed_centre(points) == pytest.approx((11.0, 22.0))


@pytest.mark.parametrize(
    ("name", "cc"),
    [
        pytest.param("Dagestan", "RU", id="inverted-respublika"),
        pytest.param("Tatarstan", "RU", id="x-republic-alias"),
    ],
)
def test_republic_is_found_by_its_bare_name(gazetteer: Gazetteer, name: str, cc: str) -> None:
    units = [c for c in gazetteer.candidates(name) if c.feature_code == "ADM1"]
    assert units and units[0].country_code == cc
    assert units[0].admin1 == name  # the display name is the English one, not "Dagestan, Respublika"
