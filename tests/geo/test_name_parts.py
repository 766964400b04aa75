"""Place names the tagger cut into pieces are joined again; container chains stay consistent."""

from __future__ import annotations

import pytest

from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.resolve import Geocoder
from eventlens.geo.toponyms import ToponymSpan, find_toponyms


def _doc(  # type: ignore[no-untyped-def]
    words: list[str], pos: list[str], ents: list[str], spaces: list[bool] | None = None
):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos, ents=ents)
    for i, t in enumerate(doc):
        t.is_sent_start = i == 0
    return doc


def test_proper_noun_before_a_city_entity_joins_a_known_name(gazetteer: Gazetteer) -> None:
    # "General" outside the entity "Santos City": the gazetteer knows "General Santos"
    doc = _doc(
        ["Shots", "were", "fired", "in", "General", "Santos", "City", "(", "South", "Cotabato", ")", "."],
        [
            "NOUN",
            "AUX",
            "VERB",
            "ADP",
            "PROPN",
            "PROPN",
            "PROPN",
            "PUNCT",
            "PROPN",
            "PROPN",
            "PUNCT",
            "PUNCT",
        ],
        ["O", "O", "O", "O", "O", "B-GPE", "I-GPE", "O", "O", "O", "O", "O"],
    )
    tops = find_toponyms(doc, gazetteer=gazetteer)
    first = tops[0]
    assert (first.text, first.name, first.feature) == ("General Santos City", "General Santos", "city")


def test_unknown_long_name_before_a_bracket_is_one_place(gazetteer: Gazetteer) -> None:
    # "in Tomas | Romero Pereira (...)": the model split the name into a GPE and a PERSON; a
    # locative word before it and a bracket after it frame one place name
    doc = _doc(
        ["Parents", "protested", "in", "Tomas", "Romero", "Pereira", "(", "Itapua", ")", "."],
        ["NOUN", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT"],
        ["O", "O", "O", "B-GPE", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"],
    )
    names = [t.name for t in find_toponyms(doc, gazetteer=gazetteer)]
    assert names[0] == "Tomas Romero Pereira"
    assert "Tomas" not in names


def test_person_after_a_place_without_a_frame_stays_apart(gazetteer: Gazetteer) -> None:
    # "in Paris Macron said": no bracket or head noun after, and "Paris Macron" is no known name
    doc = _doc(
        ["Talks", "in", "Paris", "Macron", "said", "."],
        ["NOUN", "ADP", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["O", "O", "B-GPE", "B-PERSON", "O", "O"],
    )
    assert [t.name for t in find_toponyms(doc, gazetteer=gazetteer)] == ["Paris"]


def test_hyphen_joined_words_extend_a_place_entity(gazetteer: Gazetteer) -> None:
    doc = _doc(
        ["Workers", "marched", "in", "Aix", "-", "en", "-", "Provence", "."],
        ["NOUN", "VERB", "ADP", "PROPN", "PUNCT", "ADP", "PUNCT", "ADJ", "PUNCT"],
        ["O", "O", "O", "B-GPE", "O", "O", "O", "O", "O"],
        spaces=[True, True, True, False, False, False, False, False, False],
    )
    assert [t.name for t in find_toponyms(doc, gazetteer=gazetteer)] == ["Aix-en-Provence"]


def _top(text: str, name: str, container: str | None = None, relation: str | None = None) -> ToponymSpan:
    start = text.index(name)
    return ToponymSpan(start, start + len(name), name, name, "GPE", container=container,
                       container_relation=relation)  # fmt: skip


def test_unknown_place_falls_back_through_a_container_abroad_to_the_province(gazetteer: Gazetteer) -> None:
    """ "Xqzvillage (Dayton, Ituri)": the unknown village's container has only an American
    reading, which is not in Ituri (DR Congo), the unit written after it: the place is in Ituri."""
    geo = Geocoder(gazetteer)
    text = "Militiamen attacked Xqzvillage (Dayton, Ituri)."
    tops = [
        _top(text, "Xqzvillage", "Dayton", "("),
        _top(text, "Dayton", "Ituri", ","),
        _top(text, "Ituri"),
    ]
    ctx = geo.build_context([t.name for t in tops], containers={"Xqzvillage": "Dayton", "Dayton": "Ituri"})
    place = geo._place_for_toponym(tops[0], ctx)
    assert place is not None and place.iso2 == "CD"


def test_name_written_as_a_container_reads_as_an_admin_unit(gazetteer: Gazetteer) -> None:
    """ "Somerset" is a town in the US and a county of England: written as the container of a
    place, the county; alone, the town."""
    geo = Geocoder(gazetteer)
    ctx = geo.build_context(["Xqzvillage", "Somerset"], containers={"Xqzvillage": "Somerset"})
    inner, outer = geo.resolve_mentions(["Xqzvillage", "Somerset"], context=ctx)
    assert outer is not None and (outer.iso2, outer.precision) == ("GB", "admin2")
    alone = geo.resolve_mentions(["Somerset"])[0]
    assert alone is not None and (alone.iso2, alone.precision) == ("US", "city")


@pytest.mark.parametrize(("name", "cc"), [("Valence", "FR")])
def test_a_place_s_own_name_beats_another_place_s_alternate_name(
    name: str, cc: str, gazetteer: Gazetteer
) -> None:
    """ "Valence" is a French town's own name and the French name of Valencia (Spain, 13x larger)."""
    place = Geocoder(gazetteer).resolve_mentions([name])[0]
    assert place is not None and place.iso2 == cc


def test_town_and_district_joined_by_a_spaced_dash_in_brackets(gazetteer: Gazetteer) -> None:
    # "(Gwangju - Dong)": the model called it a person; a known town, a dash, a district
    doc = _doc(
        ["They", "rallied", "at", "the", "Square", "(", "Gwangju", "-", "Dong", ")", "."],
        ["PRON", "VERB", "ADP", "DET", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT"],
        ["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"],
    )
    tops = find_toponyms(doc, gazetteer=gazetteer)
    assert [t.name for t in tops] == ["Gwangju - Dong"]
    place = Geocoder(gazetteer).resolve_mentions([tops[0].name])[0]
    assert place is not None and place.iso2 == "KR"


def test_a_namesake_abroad_yields_to_the_unit_the_written_containers_end_in(gazetteer: Gazetteer) -> None:
    """ "Kani township (Xqzdistrict district, Sagaing region)": Kani is a Japanese city of the
    gazetteer; the containers end in Myanmar's Sagaing region, so the place is placed there."""
    geo = Geocoder(gazetteer)
    text = "Troops raided Kani township (Xqzdistrict district, Sagaing region)."
    tops = [
        _top(text, "Kani", "Xqzdistrict", "("),
        _top(text, "Xqzdistrict", "Sagaing", ","),
        _top(text, "Sagaing"),
    ]
    ctx = geo.build_context(
        [t.name for t in tops], containers={"Kani": "Xqzdistrict", "Xqzdistrict": "Sagaing"},
        features={"Xqzdistrict": "district", "Sagaing": "region"},
    )  # fmt: skip
    place = geo._place_for_toponym(tops[0], ctx)
    assert place is not None and place.iso2 == "MM"
    alone = geo.resolve_mentions(["Kani"])[0]
    assert alone is not None and alone.iso2 == "JP"


def test_a_respelling_abroad_needs_the_article_behind_it(gazetteer: Gazetteer) -> None:
    """ "Ibbin" reaches China's Yibin only through the lossy key; in a story whose other names are
    Syrian, that reading is dropped."""
    geo = Geocoder(gazetteer)
    assert geo.candidates("Ibbin") and geo.candidates("Ibbin")[0].country_code == "CN"
    text = "Shelling hit Ibbin in the Aleppo countryside near Aleppo."
    tops = [_top(text, "Ibbin"), _top(text, "Aleppo")]
    ctx = geo.build_context(["Ibbin", "Aleppo", "Aleppo"])
    place = geo._place_for_toponym(tops[0], ctx)
    assert place is None or place.iso2 == "SY"
    alone = geo._place_for_toponym(tops[0], geo.build_context(["Ibbin"]))
    assert alone is not None and alone.iso2 == "CN"


def test_a_bare_generic_region_word_does_not_pick_the_article_s_country(gazetteer: Gazetteer) -> None:
    """ "Capital" is a region's name in several countries; alone it neither resolves nor votes."""
    geo = Geocoder(gazetteer)
    text = "Protesters gathered in Sitra (Capital)."
    ctx = geo.build_context(["Capital"])
    assert ctx.countries == {}
    assert geo._place_for_toponym(_top(text, "Capital"), ctx) is None


def test_a_city_head_noun_prefers_a_town_over_a_region_of_the_name(gazetteer: Gazetteer) -> None:
    """ "Amara" alone is Ethiopia's Amhara region (by size); "Amara city" is Iraq's Al-Amarah."""
    geo = Geocoder(gazetteer)
    text = "A civilian was shot in Amara city."
    t = ToponymSpan(text.index("Amara"), text.index("Amara") + 5, "Amara", "Amara", "GPE", feature="city")
    place = geo._place_for_toponym(t, geo.build_context(["Amara"], features={"Amara": "city"}))
    assert place is not None and (place.iso2, place.precision) == ("IQ", "city")
    alone = geo.resolve_mentions(["Amara"])[0]
    assert alone is not None and alone.precision == "admin1"


def test_with_no_place_found_a_place_opening_an_institution_s_name_counts(gazetteer: Gazetteer) -> None:
    doc = _doc(
        ["The", "Tunceli", "Governor", "'s", "Office", "banned", "all", "protests", "."],
        ["DET", "PROPN", "PROPN", "PART", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"],
        spaces=[True, True, False, True, True, True, True, False, False],
    )
    assert [t.name for t in find_toponyms(doc, gazetteer=gazetteer)] == ["Tunceli"]


def test_with_no_place_found_a_known_town_the_tagger_missed_counts(gazetteer: Gazetteer) -> None:
    doc = _doc(
        ["Russian", "forces", "shelled", "Mariupol", "with", "heavy", "weapons", "."],
        ["ADJ", "NOUN", "VERB", "PROPN", "ADP", "ADJ", "NOUN", "PUNCT"],
        ["B-NORP", "O", "O", "O", "O", "O", "O", "O"],
    )
    tops = find_toponyms(doc, gazetteer=gazetteer)
    assert [t.name for t in tops if t.is_location] == ["Mariupol"]
    assert [(t.name, t.reason) for t in tops if not t.is_location] == [
        ("Russian", "demonym")
    ]  # named, not a location


def test_no_place_inside_a_hyphenated_unknown_name(gazetteer: Gazetteer) -> None:
    # "Mayo-Sava" is not the town of Mayo (Florida)
    doc = _doc(
        ["Militants", "were", "killed", "in", "Mayo", "-", "Sava", "."],
        ["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"],
        ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"],
        spaces=[True, True, True, True, False, False, False, False],
    )
    assert all(t.name != "Mayo" for t in find_toponyms(doc, gazetteer=gazetteer))


def test_a_known_name_with_of_is_not_split_into_two_places(gazetteer: Gazetteer) -> None:
    # "Port | of | Spain": two GPE entities; the gazetteer knows "Port of Spain"
    doc = _doc(
        ["Workers", "marched", "in", "Port", "of", "Spain", "."],
        ["NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "O", "B-GPE", "O", "B-GPE", "O"],
    )
    assert [t.name for t in find_toponyms(doc, gazetteer=gazetteer)] == ["Port of Spain"]
    # "Ministry of Justice" style names stay apart: "Paris of France" is no known name
    doc = _doc(
        ["Talks", "in", "Paris", "of", "France", "."],
        ["NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["O", "O", "B-GPE", "O", "B-GPE", "O"],
    )
    assert [t.name for t in find_toponyms(doc, gazetteer=gazetteer)] == ["Paris", "France"]


def test_a_village_abroad_gives_way_to_the_big_city_written_after_it(gazetteer: Gazetteer) -> None:
    """ "Xville, Kampala": a 3,000-people reading of Xville in the US is not the place; the big city
    written as its container is (a town of some size would be a list: "Calais, London")."""
    from dataclasses import replace as dc_replace

    geo = Geocoder(gazetteer)
    small = dc_replace(geo.candidates("Dayton")[0], population=3000, matched_name="Xville", name="Xville")
    real = geo._lookup
    geo._lookup = lambda name: (small,) if name == "Xville" else real(name)  # type: ignore[method-assign]
    text = "Gunmen attacked Xville, Kampala."
    t = _top(text, "Xville", "Kampala", ",")
    ctx = geo.build_context(["Xville", "Kampala"], containers={"Xville": "Kampala"})
    place = geo._place_for_toponym(t, ctx)
    assert place is not None and place.iso2 == "UG"
    big = dc_replace(small, population=60_000)
    geo._lookup = lambda name: (big,) if name == "Xville" else real(name)  # type: ignore[method-assign]
    place = geo._place_for_toponym(
        t, geo.build_context(["Xville", "Kampala"], containers={"Xville": "Kampala"})
    )
    assert place is not None and place.iso2 == "US"


def test_a_kind_word_before_the_name_is_its_feature_and_common_nouns_are_no_names(
    gazetteer: Gazetteer,
) -> None:
    doc = _doc(
        ["A", "boy", "was", "killed", "in", "colonia", "Los", "Pinos", "and", "in", "the", "canton", "."],
        [
            "DET",
            "NOUN",
            "AUX",
            "VERB",
            "ADP",
            "NOUN",
            "PROPN",
            "PROPN",
            "CCONJ",
            "ADP",
            "DET",
            "NOUN",
            "PUNCT",
        ],
        ["O", "O", "O", "O", "O", "O", "B-GPE", "I-GPE", "O", "O", "O", "B-GPE", "O"],
    )
    tops = find_toponyms(doc, gazetteer=gazetteer)
    assert [(t.name, t.feature) for t in tops] == [("Los Pinos", "colonia")]


@pytest.mark.parametrize("name", ["Maldonado Avenue", "Trafalgar Square"])
def test_streets_and_squares_are_not_read_by_the_place_inside_their_name(
    gazetteer: Gazetteer, name: str
) -> None:
    geo = Geocoder(gazetteer)
    assert geo.candidates(name.split()[0])  # the inner word alone is a place somewhere
    assert geo.candidates(name) == ()


def test_an_institution_is_still_read_by_the_place_inside_its_name(gazetteer: Gazetteer) -> None:
    cands = Geocoder(gazetteer).candidates("Bank of Japan")
    assert cands and cands[0].country_code == "JP"


def test_a_bare_compass_region_needs_the_article_behind_it_in_resolve_mentions(gazetteer: Gazetteer) -> None:
    geo = Geocoder(gazetteer)
    assert geo.resolve_mentions(["Western"])[0] is None
    place = geo.resolve_mentions(["Colombo", "Kandy", "Western"])[2]
    assert place is not None and place.iso2 == "LK"


def test_a_town_inside_its_namesake_county_keeps_its_own_head_noun(gazetteer: Gazetteer) -> None:
    """ "Marsabit town (Saku, Marsabit county)": the name is written twice, as a town and as a
    county; the town's mention is the Kenyan town, not Japan's Saku (its unknown container)."""
    geo = Geocoder(gazetteer)
    text = "A policeman was shot in Marsabit town (Saku, Marsabit county)."
    s1, s2 = text.index("Marsabit"), text.rindex("Marsabit")
    town = ToponymSpan(s1, s1 + 8, "Marsabit", "Marsabit", "GPE", feature="town", container="Saku",
                       container_relation="(")  # fmt: skip
    ctx = geo.build_context(
        ["Marsabit", "Saku", "Marsabit"], containers={"Marsabit": "Saku", "Saku": "Marsabit"},
        features={"Marsabit": "county"},
    )  # fmt: skip
    assert s2 > s1
    place = geo._place_for_toponym(town, ctx)
    assert place is not None and place.iso2 == "KE"


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        pytest.param(["Sanctions", "by", "the", "United", "States", "hit", "exports", "."],
                     ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"], ["United States"], id="country-as-org"),
        pytest.param(["Floods", "hit", "Tamil", "Nadu", "again", "."],
                     ["O", "O", "B-PERSON", "I-PERSON", "O", "O"], ["Tamil Nadu"], id="province-as-person"),
        pytest.param(["Georgia", "sang", "in", "Paris", "."],
                     ["B-PERSON", "O", "O", "B-GPE", "O"], ["Paris"], id="one-word-person-stays-a-person"),
        pytest.param(["Apple", "Inc", "sued", "."], ["B-ORG", "I-ORG", "O", "O"], [], id="firm-stays-a-firm"),
    ],
)  # fmt: skip
def test_country_or_province_name_the_tagger_called_an_org_or_person(
    gazetteer: Gazetteer, words: list[str], ents: list[str], expected: list[str]
) -> None:
    pos = ["PROPN" if e != "O" else "NOUN" for e in ents]
    tops = find_toponyms(_doc(words, pos, ents), gazetteer=gazetteer)
    assert [t.name for t in tops] == expected
