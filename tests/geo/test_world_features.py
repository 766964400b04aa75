"""The hand-compiled world regions and large natural features (data/geo_features.tsv)."""

from __future__ import annotations

import pytest

from eventlens.geo.distance import haversine_km
from eventlens.geo.gazetteer import Gazetteer, world_features
from eventlens.geo.resolve import Geocoder
from eventlens.geo.toponyms import find_toponyms
from eventlens.types import Article, Event, PlaceMention, Span


@pytest.fixture(scope="module")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)


def test_every_feature_of_the_file_is_in_the_gazetteer(gazetteer: Gazetteer) -> None:
    rows = world_features()
    assert len(rows) > 100
    missing = []
    for name, alts, fcode, _where, cc in rows:
        for n in (name, *alts):
            hits = [c for c in gazetteer.candidates(n, limit=50) if c.geonameid < 0 and c.name == name]
            if not hits:
                missing.append(n)
            elif hits[0].feature_code != fcode or (hits[0].country_code or "") != cc:
                missing.append(f"{n} ({hits[0].feature_code}, {hits[0].country_code})")
    assert not missing, missing


def test_members_give_the_centre(gazetteer: Gazetteer) -> None:
    """A feature listed by members sits among them: Donbas between Donetsk and Luhansk oblasts."""
    (donbas,) = [c for c in gazetteer.candidates("Donbas") if c.geonameid < 0]
    assert donbas.country_code == "UA"
    assert 47.0 < donbas.lat < 50.0 and 37.0 < donbas.lon < 40.5


@pytest.mark.parametrize(
    ("names", "index", "fcode", "cc"),
    [
        pytest.param(["Red Sea"], 0, "SEA", None, id="red-sea-alone-is-the-sea"),
        pytest.param(
            ["Red Sea state", "Port Sudan", "Khartoum"], 0, "ADM1", "SD", id="red-sea-state-in-sudan"
        ),
        pytest.param(["Middle East"], 0, "RGN", None, id="region-beats-a-village-of-the-name"),
        pytest.param(["Gulf of Aden"], 0, "GULF", None, id="gulf-not-the-city-inside-its-name"),
        pytest.param(["Donbas", "Kyiv"], 0, "RGN", "UA", id="region-in-one-country"),
        pytest.param(["the Atlantic"], 0, "OCN", None, id="ocean-beats-small-towns"),
    ],
)
def test_resolve_world_features(
    geocoder: Geocoder, names: list[str], index: int, fcode: str, cc: str | None
) -> None:
    features = {"Red Sea state": "state"} if "Red Sea state" in names else {}
    ctx = geocoder.build_context(names, features=features)
    cand = geocoder.resolve_candidates(names, context=ctx)[index]
    assert cand is not None
    assert (cand.feature_code, cand.country_code) == (fcode, cc), cand


def test_region_precision(geocoder: Geocoder) -> None:
    (place,) = geocoder.resolve_mentions(["Black Sea"])
    assert place is not None and place.precision == "admin1" and place.iso2 is None


def test_an_event_at_sea_aimed_at_land_is_on_land(nlp, gazetteer: Gazetteer, geocoder: Geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "Russian warships fired missiles from the Black Sea at Odesa on Monday."
    art = Article(id="s1", text=text)
    tops = find_toponyms(nlp(text), gazetteer=gazetteer)
    start = text.index("Black Sea")
    pm = PlaceMention(mention="Black Sea", role="location", span=Span(start, start + 9, "Black Sea"))  # type: ignore[arg-type]
    ev = Event("s1", "reported", "Explosions/Remote violence", "Shelling/artillery/missile attack",
               "Political violence", None, places=(pm,), sentences=(Span(0, len(text), text),))  # fmt: skip
    (out,) = geocoder.geocode_events(art, [ev], tops)
    assert out.location is not None and out.location.iso2 == "UA"
    assert haversine_km(out.location.lat, out.location.lon, 46.48, 30.73) < 30  # Odesa
