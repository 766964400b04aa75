"""The fallback chain of an event's place (issue 15 item 4): a named part of a country keeps the
event in that part, and a court's city is where a trial sits, not where the attack on trial was.
Texts written for these tests; the gazetteer is the small test one (cities >= 15,000)."""

from __future__ import annotations

import pytest

from eventlens.geo.distance import haversine_km
from eventlens.geo.event_place import is_route_origin, is_venue_place, part_of
from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.locate import in_part
from eventlens.geo.resolve import Geocoder
from eventlens.pipeline import Pipeline
from eventlens.types import Place


def _end(text: str) -> int:
    return text.rindex(" ") + 1


@pytest.mark.parametrize(
    ("text", "part"),
    [
        pytest.param("an ambush in northeastern Kenya", "northeast", id="adjective"),
        pytest.param("raids in the north-west of Nigeria", "northwest", id="north-west-of"),
        pytest.param("fighting in central Somalia", "central", id="central"),
        pytest.param("clashes in Kenya", None, id="none"),
    ],
)
def test_part_of(text: str, part: str | None) -> None:
    assert part_of(text, _end(text)) == part


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        pytest.param("he pleaded not guilty at a court in Nairobi", True, id="court-in"),
        pytest.param("she appeared before the High Court in Mombasa", True, id="high-court"),
        pytest.param("the trial in Arusha", True, id="trial-in"),
        pytest.param("a bomb hit the courthouse in Kisumu", False, id="court-as-target"),
        pytest.param("a grenade was thrown at the court in Garissa", False, id="thrown-at-court"),
        pytest.param("gunmen killed two guards in Lamu", False, id="incident"),
        pytest.param(
            "traders protested in front of the district court in Kisii", False, id="protest-at-court"
        ),
        pytest.param("activists rallied outside the law court in Nakuru", False, id="rally-outside-court"),
    ],
)
def test_is_venue_place(text: str, venue: bool) -> None:
    assert is_venue_place(text, _end(text)) is venue


@pytest.mark.parametrize(
    ("text", "name", "origin"),
    [
        pytest.param(
            "the convoy drove from the capital, Juba, north to Bor.", "Juba", True, id="capital-apposition"
        ),
        pytest.param("a bus travelling from Garissa to Nairobi was stopped", "Garissa", True, id="bus-route"),
        pytest.param("families fled from Goma on Monday.", "Goma", False, id="no-destination"),
        pytest.param(
            "gunmen drove the herders from Isiolo to the hills", "Isiolo", False, id="verb-with-object"
        ),
    ],
)
def test_is_route_origin(text: str, name: str, origin: bool) -> None:
    i = text.index(name)
    assert is_route_origin(text, i, i + len(name)) is origin


def test_an_ambush_on_the_road_is_not_at_its_start(pipe: Pipeline) -> None:
    text = (
        "Aid workers killed in ambush\n\n"
        "Gunmen ambushed a convoy and killed four aid workers in South Sudan on Saturday as they drove "
        "from the capital, Juba, north to Bor, the United Nations said.\n"
    )
    (res,) = list(pipe.run([{"id": "r", "text": text, "published": "2024-03-05T12:00"}]))
    located = [e for e in res.events if e.location is not None]
    assert located, res.events
    for ev in located:
        assert ev.location is not None and ev.location.iso2 == "SS"
        assert haversine_km(ev.location.lat, ev.location.lon, 4.85, 31.58) > 50, ev.location  # not Juba


def _place(lat: float, lon: float) -> Place:
    return Place(name="x", lat=lat, lon=lon, precision="city")


def test_in_part() -> None:
    kenya = Place(name="Kenya", lat=1.0, lon=38.0, precision="country")
    mandera, nairobi = _place(3.94, 41.86), _place(-1.28, 36.82)
    assert in_part(mandera, kenya, "northeast") and in_part(mandera, kenya, "north")
    assert not in_part(nairobi, kenya, "northeast") and in_part(nairobi, kenya, "southwest")
    assert in_part(_place(1.5, 38.5), kenya, "central") and not in_part(mandera, kenya, "central")


@pytest.fixture(scope="module")
def pipe(gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(geocoder=Geocoder(gazetteer), subtype_model=False)


def test_court_city_and_dateline_are_not_the_attacks_place(pipe: Pipeline) -> None:
    text = (
        "Suspect in court over 2022 attack on traders\n\n"
        "NAIROBI, March 5 (Reuters) - A man accused of helping gunmen who shot dead six traders in "
        "north-western Kenya in 2022 pleaded not guilty at a court in Nairobi on Tuesday.\n\n"
        "The traders were killed on a road outside Lodwar, police said at the time.\n"
    )
    (res,) = list(pipe.run([{"id": "c", "text": text, "published": "2024-03-05T12:00"}]))
    located = [e for e in res.events if e.location is not None and e.event_type != "Strategic developments"]
    assert located, res.events
    for ev in located:
        assert ev.location is not None
        assert haversine_km(ev.location.lat, ev.location.lon, -1.28, 36.82) > 200, ev.location  # not Nairobi


def test_a_department_named_by_its_portfolio_is_no_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    """ "the Police Department said" is a city's police, not Police, a town in Poland."""
    from eventlens.geo.toponyms import find_toponyms
    from eventlens.types import Article

    geocoder = Geocoder(gazetteer)
    assert any(c.country_code == "PL" for c in gazetteer.candidates("Police"))  # the namesake exists
    text = "Officers of the Police Department searched a house in Baltimore on Friday, the Police Department said."
    tops = find_toponyms(nlp(text), gazetteer=gazetteer)
    placed = [t for t in geocoder.resolve_toponyms(Article(id="p", text=text), tops) if "Police" in t.text]
    assert all(t.place is None or t.place.iso2 != "PL" for t in placed), placed
    assert geocoder.candidates("Police Department") == ()


def test_offset_point_moves_by_the_distance() -> None:
    from eventlens.geo.distance import offset_point

    lat, lon = offset_point(35.47, 44.39, 20.0, 225.0)  # 20 km southwest of Kirkuk
    assert haversine_km(lat, lon, 35.47, 44.39) == pytest.approx(20.0, abs=0.05)
    assert lat < 35.47 and lon < 44.39


def test_a_distance_and_direction_from_a_town_move_the_point(pipe: Pipeline) -> None:
    # the village is not in the gazetteer: the record sits 25 km south of Kirkuk, not on Kirkuk
    ev = next(
        e
        for e in pipe.extract(
            "A roadside bomb killed three soldiers on Monday at Qarlo, 25 km south of Kirkuk."
        )
        if e.role == "reported"
    )
    assert ev.location is not None and ev.location.near
    assert haversine_km(ev.location.lat, ev.location.lon, 35.468, 44.392) == pytest.approx(25.0, abs=3.0)
    ev = next(
        e
        for e in pipe.extract("A roadside bomb killed three soldiers on Monday south of Kirkuk.")
        if e.role == "reported"
    )
    assert ev.location is not None and haversine_km(ev.location.lat, ev.location.lon, 35.468, 44.392) < 5
