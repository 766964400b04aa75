"""The event's place, not the dateline's or a speaker's (issue 15, "event place"): texts written for
these tests, in the styles of wire reports; the gazetteer is the small test one (cities >= 15,000)."""

from __future__ import annotations

import pytest

from eventlens.geo.distance import haversine_km
from eventlens.geo.event_place import is_home_place, is_part_of, is_speaker_place, is_sub_place_of
from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.resolve import Geocoder
from eventlens.pipeline import Pipeline
from eventlens.stages.clean import find_dateline
from eventlens.types import Event


def _at(text: str, name: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen attacked a post near Djibo, the spokesman told journalists in Ouagadougou.", "Ouagadougou"),
        ("The army said in a statement read on state television in the capital, Niamey.", "Niamey"),
        ("The minister, speaking in Nairobi, said more officers would be sent.", "Nairobi"),
        ("Officials in Kabul said the talks would resume.", "Kabul"),
        ("The commander said by phone from Gao that the convoy was safe.", "Gao"),
        ("Bamako's counterterrorism authority announced it had opened a probe into the blast.", "Bamako"),
        ("Kano\u2019s police commissioner said two suspects were held.", "Kano"),
    ],
)
def test_a_speakers_place_is_not_an_incident_place(text: str, name: str) -> None:
    assert is_speaker_place(text, *_at(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police said the attack in Djibo killed five.", "Djibo"),
        ("Witnesses told reporters gunmen had struck in Gao.", "Gao"),
        ("They say they have evacuated women and children from Tskhinvali.", "Tskhinvali"),
        ("Residents in Mopti said gunmen stormed the market.", "Mopti"),
        ("Gunmen stormed a market in Mopti on Friday.", "Mopti"),
        ("French-speaking students marched past the ministry in Lome.", "Lome"),
        ("Two reporters were held and a radio station closed in Herat province.", "Herat"),
        ("Angry at the plan announced by ministers, drivers set up barricades at Larissa.", "Larissa"),
        ("Kabul's Shia neighbourhood of Dasht-e-Barchi was hit by a blast.", "Kabul"),
    ],
)
def test_an_incident_place_is_not_a_speakers(text: str, name: str) -> None:
    assert not is_speaker_place(text, *_at(text, name))


def test_part_and_sub_place_cues() -> None:
    t = "Raiders struck a village in Marsabit county in northern Kenya; the east of Chad was calm."
    assert is_sub_place_of(t, _at(t, "Marsabit")[0])
    assert is_part_of(t, _at(t, "Kenya")[0])
    assert is_part_of(t, _at(t, "Chad")[0])
    assert not is_sub_place_of(t, _at(t, "Kenya")[0])
    t2 = "Gunmen attacked Marsabit on Monday."
    assert not is_sub_place_of(t2, _at(t2, "Marsabit")[0])
    assert not is_part_of(t2, _at(t2, "Marsabit")[0])


def test_a_wire_dateline_without_a_year_is_a_dateline() -> None:
    found = find_dateline("MAIDUGURI, May 20 (AFP) - Gunmen killed", 0)
    assert found is not None and found[0].text == "MAIDUGURI, May 20 (AFP) -"
    assert find_dateline("Gunmen, May 20 - a sentence, not a dateline", 0) is None


@pytest.fixture(scope="module")
def pipe(gazetteer: Gazetteer) -> Pipeline:
    return Pipeline(geocoder=Geocoder(gazetteer), subtype_model=False)


def _reported(pipe: Pipeline, text: str) -> Event:
    (res,) = list(pipe.run([{"id": "t", "text": text, "published": "2024-04-24T12:00"}]))
    reported = [e for e in res.events if e.role == "reported"]
    assert reported, res.events
    return reported[0]


def _km(ev: Event, lat: float, lon: float) -> float:
    assert ev.location is not None
    return haversine_km(ev.location.lat, ev.location.lon, lat, lon)


def test_dateline_capital_and_an_unknown_village_in_a_county(pipe: Pipeline) -> None:
    ev = _reported(
        pipe,
        "Raiders kill five herders in northern Kenya\n\n"
        "NAIROBI, April 23 (Reuters) - Gunmen killed five herders in a raid on a village in Marsabit "
        "county on Monday, police said.\n",
    )
    assert ev.location is not None and ev.location.name == "Marsabit"
    assert ev.location.iso2 == "KE" and ev.location.precision == "admin1"
    assert ev.to_dict()["geo_precision"] == 2  # a part of the county: the village is unknown
    assert _km(ev, 2.33, 37.99) < 60  # at the county's seat, Marsabit town
    assert _km(ev, -1.28, 36.82) > 300  # never the dateline's Nairobi


def test_the_spokesmans_city_is_not_the_attacks(pipe: Pipeline) -> None:
    ev = _reported(
        pipe,
        "Soldiers killed in western Niger\n\n"
        "Eleven soldiers were killed when jihadists ambushed a patrol near a village in the Tillaberi "
        "region on Thursday, the army said in a statement read on state television in the capital, "
        "Niamey.\n",
    )
    assert ev.location is not None and ev.location.iso2 == "NE"
    assert ev.to_dict()["geo_precision"] == 2
    assert _km(ev, 14.21, 1.45) < 60  # the region's seat, Tillaberi town
    assert _km(ev, 13.51, 2.11) > 60  # not Niamey


def test_an_official_in_the_capital_reports_an_assault_in_a_province(pipe: Pipeline) -> None:
    ev = _reported(
        pipe,
        "Gunmen kill three police officers in northwest Nigeria\n\n"
        "Gunmen overran a police checkpoint at Kurmi Dutse in Zamfara state on Sunday, killing three "
        "officers, a police spokesman told reporters in Abuja.\n",
    )
    assert ev.location is not None and ev.location.iso2 == "NG"
    assert ev.location.name == "Zamfara"
    assert _km(ev, 9.06, 7.50) > 200  # not Abuja


def test_a_footer_does_not_move_the_story(pipe: Pipeline) -> None:
    ev = _reported(
        pipe,
        "Rival groups clash in Salem, three hurt\n\n"
        "Three people were injured when rival groups clashed outside a temple in Salem on Sunday "
        "evening, police said. Twelve people were detained and prohibitory orders were imposed in the "
        "district.\n\n"
        "The district collector appealed for calm and said the orders would stay in force until "
        "Wednesday.\n\n"
        "Read more: United States news\n"
        "Read more: United States politics\n",
    )
    assert ev.location is not None and ev.location.iso2 == "IN", ev.location


@pytest.mark.parametrize(
    ("text", "name", "home"),
    [
        ("Master Sgt Peter K. Ross of Tulsa died in the blast.", "Tulsa", True),
        ("The victim, Ann Lee, 41, of Leeds, was named.", "Leeds", True),
        ("He was a native of Kano.", "Kano", True),
        ("The Interior Ministry of Iraq said five died.", "Iraq", False),
        ("Pirates struck a tanker in the Gulf of Aden.", "Aden", False),
        ("Shells fell on the town of Gori.", "Gori", False),
        ("Clerks protested outside the District Secretariat of Kandy.", "Kandy", False),
        ("Nurses marched to the Regional Delegation of Segovia.", "Segovia", False),
    ],
)
def test_a_persons_home_town(text: str, name: str, home: bool) -> None:
    assert is_home_place(text, text.index(name)) is home


def test_a_home_town_on_another_continent_is_not_the_incident_place(pipe: Pipeline) -> None:
    ev = _reported(
        pipe,
        "Two soldiers killed by roadside bomb in Syria\n\n"
        "A British soldier was killed by a roadside bomb in Syria on Thursday, the Ministry of Defence "
        "said. A US serviceman, Sergeant John Miller of Austin, Texas, died alongside him and four "
        "others were wounded in the blast.\n",
    )
    assert ev.location is not None and ev.location.iso2 == "SY", ev.location


def test_a_place_on_the_named_countrys_continent_still_counts(pipe: Pipeline) -> None:
    ev = _reported(
        pipe,
        "Thousands march in Toulouse against the war\n\n"
        "Thousands of people demonstrated in Toulouse on Saturday against the invasion of Ukraine, "
        "police said.\n",
    )
    assert ev.location is not None and ev.location.name == "Toulouse"


def test_the_kind_written_before_of_is_the_names_kind(pipe: Pipeline) -> None:
    # "the state of Zacatecas": the state, not its capital city; then a town in it is finer
    (res,) = list(
        pipe.places(
            [
                "Troops were sent to the province of Kandahar on Monday after the state of Zacatecas asked for help."
            ]
        )
    )
    kinds = {t.name: t.place.precision for t in res.toponyms if t.place is not None}
    assert kinds.get("Kandahar") == "admin1" and kinds.get("Zacatecas") == "admin1", kinds
    ev = _reported(
        pipe,
        "Six killed at a party in Mexico\n\n"
        "Gunmen burst into a family party in the central state of Zacatecas and killed six people on "
        "Saturday night, prosecutors said. The attackers arrived at a house in Fresnillo and opened "
        "fire with assault rifles.\n",
    )
    assert ev.location is not None and ev.location.name == "Fresnillo", ev.location
