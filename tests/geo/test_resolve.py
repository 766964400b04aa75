from __future__ import annotations

from dataclasses import replace

import pytest

from eventlens.geo.distance import haversine_km
from eventlens.geo.gazetteer import Candidate, Gazetteer
from eventlens.geo.readings import precision_of
from eventlens.geo.resolve import Geocoder
from eventlens.geo.toponyms import ToponymSpan, find_toponyms
from eventlens.types import Article, Event, PlaceMention, Span


@pytest.fixture(scope="module")
def geocoder(gazetteer: Gazetteer) -> Geocoder:
    return Geocoder(gazetteer)


@pytest.mark.parametrize(
    ("names", "index", "cc", "precision"),
    [
        pytest.param(["Paris"], 0, "FR", "city", id="paris-alone-is-france"),
        pytest.param(["Paris", "Texas", "Dallas"], 0, "US", "city", id="paris-with-texas-profile"),
        pytest.param(["Baghdad"], 0, "IQ", "city", id="city-beats-namesake-governorate"),
        pytest.param(["Anbar province"], 0, "IQ", "admin1", id="province-suffix"),
        pytest.param(["Iraq"], 0, "IQ", "country", id="country"),
        pytest.param(["Georgia"], 0, "GE", "country", id="georgia-alone-is-the-country"),
        pytest.param(["Georgia", "Atlanta", "Savannah"], 0, "US", "admin1", id="georgia-us-profile"),
        pytest.param(["Russian"], 0, "RU", "country", id="demonym"),
    ],
)
def test_resolve_mentions(geocoder: Geocoder, names: list[str], index: int, cc: str, precision: str) -> None:
    place = geocoder.resolve_mentions(names, context=geocoder.build_context(names))[index]
    assert place is not None
    assert (place.iso2, place.precision) == (cc, precision), place


def test_soft_votes_let_ambiguous_names_agree_on_a_region(geocoder: Geocoder) -> None:
    """Portland (Oregon by size), Augusta (Georgia by size) and Bangor: read together, all Maine.

    Hard first-pass votes (each name's single most likely reading) scatter over three states;
    soft votes let every plausible reading support its state before any one is chosen.
    """
    names = ["Portland", "Bangor", "Augusta"]
    places = geocoder.resolve_mentions(names, context=geocoder.build_context(names))
    assert [p.admin1 for p in places if p is not None] == ["Maine"] * 3
    alone = geocoder.resolve_mentions(["Portland"])[0]
    assert alone is not None and alone.admin1 == "Oregon"  # the prior still decides alone


@pytest.mark.parametrize(
    ("name", "cc", "precision"),
    [
        pytest.param("Bank of Japan", "JP", "country", id="institution-of-country"),
        pytest.param("Russian Army", "RU", "country", id="demonym-inside"),
        pytest.param("Colorado State University", "US", "admin1", id="state-inside"),
        pytest.param("Baghdad International Airport", "IQ", "city", id="city-inside"),
        pytest.param("South Venezuela", "VE", "country", id="compass-word"),
        pytest.param("Anbar-West", "IQ", "admin1", id="hyphenated-compass-word"),
        pytest.param("Baghdad - Qwxzya", "IQ", "city", id="city-dash-unknown-district"),
        pytest.param("Mosul (Nineveh", "IQ", "city", id="span-swallowed-its-parenthesis"),
        pytest.param("Mount Sinjar district", "IQ", "city", id="mount-is-a-kind-word"),
        pytest.param("Carlisle and Penrith", "GB", "city", id="two-places-joined-by-and"),
    ],
)
def test_place_inside_an_unknown_name(geocoder: Geocoder, name: str, cc: str, precision: str) -> None:
    place = geocoder.resolve_mentions([name])[0]
    assert place is not None and (place.iso2, place.precision) == (cc, precision), place


def test_generic_words_inside_unknown_names_are_not_places(geocoder: Geocoder) -> None:
    # "Peninsula", "Center", "State" are towns somewhere; inside an unknown name they are words
    assert geocoder.candidates("Qwxz Peninsula") == ()
    assert geocoder.candidates("Qwxz State Center") == ()
    # a multi-word village is its own place, not a town named after one of its words
    assert geocoder.candidates("Qwxz al Mosul") == ()


def test_unknown_names_fall_back_to_container_then_article_focus(geocoder: Geocoder) -> None:
    names = ["Qwxz Street", "Mosul", "Mosul", "Iraq", "Basra", "Zzyq Hall"]
    ctx = geocoder.build_context(names, containers={"Zzyq Hall": "Basra"})
    places = geocoder.resolve_mentions(names, context=ctx)
    assert places[0] is not None and places[0].name == "Mosul"  # the most mentioned local place
    assert places[5] is not None and places[5].name.startswith("Basr")  # its written container
    assert places[0].score < places[1].score  # a guess says so
    assert geocoder.resolve_mentions(["Qwxz Street", "Iraq"])[0] is None  # nothing local: no guess


def test_unknown_name_is_none(geocoder: Geocoder) -> None:
    assert geocoder.resolve_mentions(["Qwxzyville"]) == [None]


def test_dateline_breaks_ties(geocoder: Geocoder) -> None:
    ctx = geocoder.build_context(["Alexandria"], dateline="Cairo")
    assert geocoder.resolve_mentions(["Alexandria"], context=ctx)[0].iso2 == "EG"  # type: ignore[union-attr]
    ctx = geocoder.build_context(["Alexandria"], dateline="Richmond")
    place = geocoder.resolve_mentions(["Alexandria"], context=ctx)[0]
    assert place is not None and place.iso2 == "US"


def test_place_fields(geocoder: Geocoder) -> None:
    place = geocoder.resolve_mentions(["Mosul"])[0]
    assert place is not None
    assert place.country == "Iraq" and place.iso3 == "IRQ" and place.admin1 and place.geonameid
    assert place.feature_code and place.feature_code.startswith("PPL")
    assert haversine_km(place.lat, place.lon, 36.34, 43.13) < 20


def _cand(fclass: str, fcode: str) -> Candidate:
    return Candidate(1, "x", 0, 0, fclass, fcode, None, None, None, None, None, None, None, 0)


@pytest.mark.parametrize(
    ("fclass", "fcode", "precision"),
    [
        pytest.param("A", "PCLI", "country", id="country"),
        pytest.param("A", "ADM1", "admin1", id="admin1"),
        pytest.param("A", "ADM2", "admin2", id="admin2"),
        pytest.param("P", "PPLX", "neighbourhood", id="pplx"),
        pytest.param("P", "PPLA", "city", id="ppla"),
        pytest.param("S", "AIRP", "point", id="airport"),
    ],
)
def test_precision_of(fclass: str, fcode: str, precision: str) -> None:
    assert precision_of(_cand(fclass, fcode)) == precision


def test_haversine_known_distance() -> None:
    # Baghdad - Basra is ~450 km.
    assert 430 < haversine_km(33.34, 44.40, 30.51, 47.78) < 470


# -- events -----------------------------------------------------------------------------------

_TEXT = (
    "BAGHDAD (Reuters) - Two rockets landed in the Mansour district of Baghdad on Sunday, "
    "police said. The rockets were fired from Basra, officials said. Tehran vowed revenge."
)


def _mention(text: str, word: str, role: str) -> PlaceMention:
    start = text.index(word)
    return PlaceMention(mention=word, role=role, span=Span(start, start + len(word), word))  # type: ignore[arg-type]


def _event(places: tuple[PlaceMention, ...]) -> Event:
    return Event("a1", "reported", "Explosions/Remote violence", "Shelling/artillery/missile attack",
                 "Political violence", None, places=places)  # fmt: skip


@pytest.fixture()
def article() -> Article:
    return Article(id="a1", text=_TEXT, dateline=Span(0, 19, "BAGHDAD (Reuters) -"))


def test_geocode_events_falls_back_to_container(
    nlp, gazetteer: Gazetteer, geocoder: Geocoder, article: Article
) -> None:  # type: ignore[no-untyped-def]
    tops = find_toponyms(nlp(article.text), gazetteer=gazetteer)
    ev = _event((_mention(_TEXT, "Mansour", "impact"), _mention(_TEXT, "Basra", "origin")))
    (out,) = geocoder.geocode_events(article, [ev], tops)
    impact, origin = out.places
    # Mansour is not in a cities>=15,000 gazetteer: its container, at the container's precision.
    assert impact.place is not None and impact.place.name == "Baghdad" and impact.place.precision == "city"
    assert impact.container == "Baghdad"
    assert origin.place is not None and origin.place.geonameid == 99532  # Basrah
    assert out.location == impact.place  # impact beats origin


def test_metonymic_mention_gets_no_place(
    nlp, gazetteer: Gazetteer, geocoder: Geocoder, article: Article
) -> None:  # type: ignore[no-untyped-def]
    tops = find_toponyms(nlp(article.text), gazetteer=gazetteer)
    ev = _event((_mention(_TEXT, "Tehran", "location"),))
    (out,) = geocoder.geocode_events(article, [ev], tops)
    assert out.places[0].place is None
    assert out.location is not None and out.location.name == "Baghdad"  # the dateline


def test_finer_place_inside_the_top_role_wins(gazetteer: Gazetteer, geocoder: Geocoder) -> None:
    text = "Fighting in Iraq: a car bomb exploded in Mosul."
    art = Article(id="a2", text=text)
    ev = _event((_mention(text, "Iraq", "impact"), _mention(text, "Mosul", "location")))
    (out,) = geocoder.geocode_events(art, [ev], [])
    assert out.location is not None and out.location.name == "Mosul" and out.location.precision == "city"


def test_no_places_no_dateline_gives_none(geocoder: Geocoder) -> None:
    art = Article(id="a3", text="Something happened.")
    (out,) = geocoder.geocode_events(art, [_event(())], [])
    assert out.location is None


def test_neighbourhood_after_import(nlp, gazetteer_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from eventlens.geo.gazetteer import import_geonames

    copy = tmp_path / "g.sqlite"
    shutil.copy(gazetteer_path, copy)
    dump = tmp_path / "IQ.txt"
    rows = [
        [
            9000001,
            "Al Manşūr",
            "Al Mansur",
            "Al-Mansour,Mansour",
            33.3147,
            44.3497,
            "P",
            "PPLX",
            "IQ",
            "",
            "07",
        ],
        [9000009, "Mansour", "Mansour", "", 36.0, 4.4, "P", "PPL", "DZ", "", "12"],  # same name, elsewhere
    ]
    tail = ["", "", "", 90000, "", 35, "UTC", "2023-01-01"]
    dump.write_text("".join("\t".join(map(str, r + tail)) + "\n" for r in rows), encoding="utf-8")
    import_geonames(copy, [dump])
    with Gazetteer.open(copy) as gaz:
        geo = Geocoder(gaz)
        art = Article(id="a1", text=_TEXT, dateline=Span(0, 19, "BAGHDAD (Reuters) -"))
        tops = find_toponyms(nlp(art.text), gazetteer=gaz)
        (out,) = geo.geocode_events(art, [_event((_mention(_TEXT, "Mansour", "impact"),))], tops)
    assert out.location is not None
    assert (out.location.geonameid, out.location.precision) == (9000001, "neighbourhood")


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Rockets landed in the upscale Qadisiya district, police in Baghdad said.", id="focus-city"
        ),
        pytest.param("Two rockets hit the Qadisiya district of Baghdad.", id="explicit-container"),
    ],
)
def test_district_without_entry_falls_back_to_the_town(
    nlp, gazetteer: Gazetteer, geocoder: Geocoder, sentence: str
) -> None:  # type: ignore[no-untyped-def]
    # A same-named town exists elsewhere (Al Qadisiyah, Iraq/others); the district must not jump there.
    art = Article(id="d", text=sentence)
    tops = find_toponyms(nlp(sentence), gazetteer=gazetteer)
    (out,) = geocoder.geocode_events(art, [_event((_mention(sentence, "Qadisiya", "impact"),))], tops)
    mention = out.places[0]
    assert mention.place is not None and mention.place.geonameid == 98182  # Baghdad
    assert mention.place.precision == "city" and mention.container == "Baghdad"


def _topo(text: str, word: str, **kw: object) -> ToponymSpan:
    start = text.index(word)
    return ToponymSpan(start=start, end=start + len(word), text=word, name=word, label="GPE", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        pytest.param("Protesters marched in Portland (North Carolina) on Monday.", "(", id="brackets"),
        pytest.param("Protesters marched in Portland, North Carolina on Monday.", ",", id="comma-state"),
    ],
)
def test_town_outside_its_written_state_falls_back_to_the_state(
    geocoder: Geocoder, text: str, relation: str
) -> None:
    # No Portland in North Carolina in a cities>=15,000 gazetteer: the state, not Oregon's Portland.
    tops = [
        _topo(text, "Portland", container="North Carolina", container_relation=relation),
        _topo(text, "North Carolina"),
    ]
    (out,) = geocoder.geocode_events(
        Article(id="p", text=text), [_event((_mention(text, "Portland", "location"),))], tops
    )
    assert out.location is not None and (out.location.admin1, out.location.precision) == (
        "North Carolina",
        "admin1",
    )


def test_town_inside_its_written_state_is_kept(geocoder: Geocoder) -> None:
    text = "Protesters marched in Portland, Maine on Monday."
    tops = [_topo(text, "Portland", container="Maine", container_relation=","), _topo(text, "Maine")]
    (out,) = geocoder.geocode_events(
        Article(id="p", text=text), [_event((_mention(text, "Portland", "location"),))], tops
    )
    assert out.location is not None and (out.location.admin1, out.location.precision) == ("Maine", "city")


def test_unknown_village_in_brackets_falls_back_to_the_bracketed_town(geocoder: Geocoder) -> None:
    text = "Troops raided Qwxz Kone village (Mosul district, Nineveh) on Monday."
    tops = [
        _topo(text, "Qwxz Kone", container="Mosul", container_relation="(", feature="village"),
        _topo(text, "Mosul", container="Nineveh", container_relation=",", feature="district"),
        _topo(text, "Nineveh"),
    ]
    (out,) = geocoder.geocode_events(
        Article(id="v", text=text), [_event((_mention(text, "Qwxz Kone", "location"),))], tops
    )
    assert out.location is not None and out.location.name == "Mosul"


def test_container_reading_that_holds_the_place_wins(geocoder: Geocoder) -> None:
    # "Georgia" alone is the country; as the container of Savannah it is the US state
    cands = geocoder._container_cands("Georgia", None, "Savannah")
    assert cands[0].country_code == "US" and cands[0].admin_level == 1
    assert geocoder._container_cands("Georgia", None)[0].country_code == "GE"


def test_dash_joined_city_and_unknown_district_is_the_city(geocoder: Geocoder) -> None:
    # the district part names a town elsewhere; only a reading inside the city part would count
    assert {c.country_code for c in geocoder.candidates("Baghdad - Paris")} == {"IQ"}


def test_lowercase_mention_the_detector_missed_is_not_geocoded(geocoder: Geocoder) -> None:
    text = "Militants attacked a base near Mosul."
    ev = _event((_mention(text, "base", "target"),))
    (out,) = geocoder.geocode_events(Article(id="b", text=text), [ev], [_topo(text, "Mosul")])
    assert out.places[0].place is None  # not La Bassée
    assert out.location is not None and out.location.name == "Mosul"


def test_country_only_event_takes_the_town_in_its_sentence(geocoder: Geocoder) -> None:
    text = "Hundreds demonstrated in Toulouse against the invasion of Ukraine."
    ev = replace(_event((_mention(text, "Ukraine", "location"),)), sentences=(Span(0, len(text), text),))
    tops = [_topo(text, "Toulouse"), _topo(text, "Ukraine")]
    (out,) = geocoder.geocode_events(Article(id="t", text=text), [ev], tops)
    assert out.location is not None and (out.location.name, out.location.iso2) == ("Toulouse", "FR")


def test_state_only_event_takes_the_town_inside_it_in_its_sentence(geocoder: Geocoder) -> None:
    text = "Protesters rallied in Portland (Maine) and marched to Boston."
    ev = replace(_event((_mention(text, "Maine", "location"),)), sentences=(Span(0, len(text), text),))
    tops = [
        _topo(text, "Portland", container="Maine", container_relation="("),
        _topo(text, "Maine"),
        _topo(text, "Boston"),
    ]
    (out,) = geocoder.geocode_events(Article(id="m", text=text), [ev], tops)
    assert out.location is not None and (out.location.name, out.location.admin1) == ("Portland", "Maine")


def test_province_only_event_sits_at_the_province_seat(geocoder: Geocoder, gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a checkpoint in Nineveh province."
    ev = _event((_mention(text, "Nineveh", "location"),))
    tops = [_topo(text, "Nineveh", feature="province")]
    (out,) = geocoder.geocode_events(Article(id="n", text=text), [ev], tops)
    loc = out.location
    assert (
        loc is not None and loc.precision == "admin1" and loc.admin1 == "Nineveh"
    )  # still the province (its English name)
    assert haversine_km(loc.lat, loc.lon, 36.34, 43.13) < 20  # at Mosul, its capital (ACLED convention)
    unit = gazetteer.get(loc.geonameid)  # type: ignore[arg-type]
    assert unit is not None and gazetteer.seat(unit) is not None
    assert gazetteer.seat(replace(unit, feature_code="PPL")) is None  # only admin units have a seat


def test_small_namesake_abroad_gives_way_to_the_article(geocoder: Geocoder) -> None:
    # A town of a few thousand people in a country no other mention is in, in a clearly Iraqi
    # article, is a namesake: the name is placed with the article instead.
    from eventlens.geo.context import _supported

    ctx = geocoder.build_context(["Mosul", "Basra", "Kirkuk", "Iraq", "Qwxz"])
    dallas = next(c for c in geocoder.candidates("Dallas") if c.feature_class == "P")
    assert _supported(dallas, "Qwxz", ctx)  # a big city abroad is kept
    assert not _supported(replace(dallas, population=5_000), "Qwxz", ctx)
    assert _supported(geocoder.candidates("Mosul")[0], "Qwxz", ctx)
    assert _supported(replace(dallas, population=5_000), "Qwxz", geocoder.build_context(["Dallas", "Qwxz"]))
    # a clearly Texan article: a small place named in another state gives way too
    texan = geocoder.build_context(["Houston", "Austin", "Dallas", "San Antonio", "Qwxz"])
    small_elsewhere = next(c for c in geocoder.candidates("Portland") if c.admin1 == "Maine")
    assert not _supported(replace(small_elsewhere, population=5_000), "Qwxz", texan)
    assert _supported(replace(dallas, population=5_000), "Qwxz", texan)


def test_a_container_is_read_as_the_unit_that_holds_its_contents(geocoder: Geocoder) -> None:
    # "Savannah, Georgia": Georgia alone is the country, as Savannah's container the US state
    names = ["Savannah", "Georgia"]
    ctx = geocoder.build_context(names, containers={"Savannah": "Georgia"})
    georgia = geocoder.resolve_mentions(names, context=ctx)[1]
    assert georgia is not None and (georgia.iso2, georgia.precision) == ("US", "admin1")


def test_nearness_crosses_state_lines(geocoder: Geocoder) -> None:
    # Phenix City, Alabama faces Columbus, Georgia across the river: no shared state, but near
    names = ["Columbus", "Phenix City"]
    columbus = geocoder.resolve_mentions(names, context=geocoder.build_context(names))[0]
    assert columbus is not None and columbus.admin1 == "Georgia"
    alone = geocoder.resolve_mentions(["Columbus"])[0]
    assert alone is not None and alone.admin1 == "Ohio"


def test_container_reading_follows_the_article(geocoder: Geocoder) -> None:
    # "Alexandria" alone is Egypt's; in an article about Virginia, as a container, Virginia's
    names = ["Alexandria", "Virginia", "Arlington", "Qwxz Street"]
    ctx = geocoder.build_context(names)
    assert geocoder._container_cands("Alexandria", ctx, "Qwxz Street")[0].admin1 == "Virginia"
    assert geocoder._container_cands("Alexandria", None)[0].country_code == "EG"


def test_country_name_stays_the_country_in_its_own_story(geocoder: Geocoder) -> None:
    # Mexico City is also called "México": not a reading of "Mexico" once the country is one
    assert all(c.is_country or c.name.lower().startswith("m") and "city" not in c.name.lower()
               for c in geocoder.candidates("Mexico"))  # fmt: skip
    names = ["Mexico", "Guadalajara", "Monterrey", "Puebla", "Mexico"]
    place = geocoder.resolve_mentions(names, context=geocoder.build_context(names))[0]
    assert place is not None and (place.iso2, place.precision) == ("MX", "country")


def test_scores_are_plain_floats(geocoder: Geocoder) -> None:
    names = ["Columbus", "Phenix City"]
    for p in geocoder.resolve_mentions(names, context=geocoder.build_context(names)):
        assert p is not None and type(p.score) is float


def test_containers_from_text() -> None:
    from eventlens.geo.context import containers_from_text

    text = "Shots on Royal Street in New Orleans; a rally in Savannah, Georgia and at Qwxz (Mosul)."
    spans = [
        (text.index(w), text.index(w) + len(w))
        for w in ("Royal Street", "New Orleans", "Savannah", "Georgia", "Qwxz", "Mosul")
    ]
    assert containers_from_text(text, spans) == {
        "Royal Street": "New Orleans",
        "Savannah": "Georgia",
        "Qwxz": "Mosul",
    }


def test_town_inside_the_unit_its_bracketed_container_is_written_in_is_kept(geocoder: Geocoder) -> None:
    # "(Saku, Nineveh province)": Saku is known only as Japan's city, but Nineveh holds Sinjar
    text = "Gunmen killed an officer in Sinjar town (Saku, Nineveh province) on Monday."
    tops = [
        _topo(text, "Sinjar", container="Saku", container_relation="(", feature="town"),
        _topo(text, "Saku", container="Nineveh", container_relation=","),
        _topo(text, "Nineveh", feature="province"),
    ]
    ev = _event((_mention(text, "Sinjar", "location"),))
    (out,) = geocoder.geocode_events(Article(id="k", text=text), [ev], tops)
    assert out.location is not None and (out.location.iso2, out.location.precision) == ("IQ", "city")


# -- the countries a text names or implies ------------------------------------------------------


def test_text_countries_tells_names_from_demonyms(gazetteer: Gazetteer) -> None:
    from eventlens.geo.context import text_countries

    text = "Israeli forces shelled a village in Lebanon's south; the DRC and Burkinabe officials protested."
    names, dem = text_countries(text, gazetteer.country_words(), gazetteer.demonym_words())
    assert names == {"LB": 0.5, "CD": 0.5}
    assert dem == {"IL": 0.5, "BF": 0.5}
    assert text_countries("Protesters marched in Qwxz on Monday.", gazetteer.country_words()) == ({}, {})


@pytest.mark.parametrize(
    ("text", "iso2"),
    [
        pytest.param("Nigerian troops raided Qwxzville village, killing two.", "NG", id="demonym-only"),
        pytest.param(
            "Israeli forces shelled Qwxzville in southern Lebanon.", "LB", id="named-country-beats-actor"
        ),
        pytest.param(
            "Protesters marched in Qwxzville, Chile, against Peruvian and Bolivian rules.", "CL", id="name"
        ),
    ],
)
def test_event_no_name_locates_falls_back_to_the_country_the_text_names(
    geocoder: Geocoder, text: str, iso2: str
) -> None:
    ev = _event((_mention(text, "Qwxzville", "location"),))
    (out,) = geocoder.geocode_events(Article(id="c", text=text), [ev], [_topo(text, "Qwxzville")])
    assert out.location is not None and out.location.iso2 == iso2 and out.location.precision == "country"


def test_two_countries_named_alike_give_no_fallback(geocoder: Geocoder) -> None:
    text = "Clashes at Qwxzville on the border between Chile and Peru."
    ev = _event((_mention(text, "Qwxzville", "location"),))
    (out,) = geocoder.geocode_events(Article(id="c", text=text), [ev], [_topo(text, "Qwxzville")])
    assert out.location is None


def test_bare_compass_region_needs_the_articles_country(geocoder: Geocoder) -> None:
    # "Central" alone names a region of a dozen countries: only one the article is about counts
    text = "Students marched in Qwxzville (Central) on Monday."
    tops = [_topo(text, "Qwxzville", container="Central", container_relation="("), _topo(text, "Central")]
    ev = _event((_mention(text, "Central", "location"),))
    (out,) = geocoder.geocode_events(Article(id="w", text=text), [ev], tops)
    assert out.places[0].place is None
    assert out.location is None or out.location.precision == "country"  # never Uganda's Central region
    text2 = "Ghanaian students marched in Qwxzville (Central) on Monday."
    tops2 = [_topo(text2, "Qwxzville", container="Central", container_relation="("), _topo(text2, "Central")]
    ev2 = _event((_mention(text2, "Central", "location"),))
    (out2,) = geocoder.geocode_events(Article(id="w", text=text2), [ev2], tops2)
    assert out2.location is not None and out2.location.iso2 == "GH"


def test_short_acronym_region_needs_the_articles_country(geocoder: Geocoder) -> None:
    # "NC" is North Carolina only in a story about the US
    text = "Cadres of the NC clashed with police in Qwxzville, Nepal."
    tops = [_topo(text, "NC"), _topo(text, "Qwxzville"), _topo(text, "Nepal")]
    ev = _event((_mention(text, "NC", "location"),))
    (out,) = geocoder.geocode_events(Article(id="n", text=text), [ev], tops)
    assert out.places[0].place is None
    text2 = "Protesters marched in Raleigh, NC, and in Charlotte."
    tops2 = [_topo(text2, "Raleigh"), _topo(text2, "NC"), _topo(text2, "Charlotte")]
    ev2 = _event((_mention(text2, "NC", "location"),))
    (out2,) = geocoder.geocode_events(Article(id="n", text=text2), [ev2], tops2)
    assert out2.places[0].place is not None and out2.places[0].place.iso2 == "US"


def test_a_bare_repeat_of_a_name_written_with_its_container_is_the_same_place(geocoder: Geocoder) -> None:
    # "Dayton, Ituri": not the American city, whose name the gazetteer alone knows; the bare
    # "Dayton" later in the text is the same place, so it falls back to Ituri (DR Congo) too
    text = "Militiamen raided Dayton, Ituri, on Monday. Residents of Dayton fled."
    second = text.rindex("Dayton")
    ev = _event((PlaceMention(mention="Dayton", role="location", span=Span(second, second + 6, "Dayton")),))  # type: ignore[arg-type]
    tops = [
        _topo(text, "Dayton", container="Ituri", container_relation=","),
        _topo(text, "Ituri"),
        ToponymSpan(start=second, end=second + 6, text="Dayton", name="Dayton", label="GPE"),
    ]
    (out,) = geocoder.geocode_events(Article(id="v", text=text), [ev], tops)
    assert out.location is not None and out.location.iso2 == "CD"


def test_event_location_is_in_its_leading_country(geocoder: Geocoder) -> None:
    """Of an event's places, a namesake abroad that its other places outvote is not the location."""
    text = "Gunmen attacked a checkpoint near Valencia, on the road between Kandahar and Herat."
    art = Article(id="c1", text=text)
    ev = _event(tuple(_mention(text, w, "location") for w in ("Valencia", "Kandahar", "Herat")))
    (out,) = geocoder.geocode_events(art, [ev], [])
    assert out.location is not None and out.location.iso2 == "AF", out.location


@pytest.mark.parametrize("embassy", ["US embassy", "Russian Embassy", "Embassy of Armenia"])
def test_an_embassy_is_in_its_host_town_not_the_country_it_represents(
    geocoder: Geocoder, embassy: str
) -> None:
    names = ["Baghdad", embassy]
    place = geocoder.resolve_mentions(names, context=geocoder.build_context(names))[1]
    assert place is not None and place.iso2 == "IQ", place


def test_place_names_the_arguments_left_out_vote_for_the_events_country(geocoder: Geocoder) -> None:
    """The event's own mention is Turin; the sentence's other place names (not taken as the
    event's arguments) are in France, and outvote it."""
    text = "Activists gathered in Aix-en-Provence, near Marseille, against the jailing of a man arrested in Turin."
    art = Article(id="u1", text=text)
    tops = [
        ToponymSpan(start=text.index(w), end=text.index(w) + len(w), text=w, name=w, label="GPE")
        for w in ("Aix-en-Provence", "Marseille", "Turin")
    ]
    ev = replace(_event((_mention(text, "Turin", "location"),)), sentences=(Span(0, len(text), text),))
    (out,) = geocoder.geocode_events(art, [ev], tops)
    assert out.location is not None and out.location.iso2 == "FR", out.location
    assert [m.mention for m in out.places] == ["Turin"]  # the record's own mentions are unchanged


@pytest.mark.parametrize(
    ("text", "near"),
    [
        pytest.param("Shells hit a checkpoint near Mosul on Sunday.", True, id="near"),
        pytest.param("Shells hit a checkpoint on the outskirts of Mosul on Sunday.", True, id="outskirts"),
        pytest.param("Shells hit a checkpoint 20 km south of Mosul on Sunday.", True, id="direction"),
        pytest.param("Shells hit a checkpoint in Mosul on Sunday.", False, id="in"),
    ],
)
def test_an_event_near_a_town_has_acled_geo_precision_2(
    nlp, gazetteer: Gazetteer, geocoder: Geocoder, text: str, near: bool
) -> None:  # type: ignore[no-untyped-def]
    tops = find_toponyms(nlp(text), gazetteer=gazetteer)
    ev = replace(_event((_mention(text, "Mosul", "location"),)), sentences=(Span(0, len(text), text),))
    (out,) = geocoder.geocode_events(Article(id="n1", text=text), [ev], tops)
    assert out.location is not None and out.location.name == "Mosul" and out.location.near is near
    assert out.to_dict()["geo_precision"] == (2 if near else 1)
