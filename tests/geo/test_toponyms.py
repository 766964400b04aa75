from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from eventlens.geo.gazetteer import Gazetteer
from eventlens.geo.toponyms import ToponymSpan, find_toponyms, non_place_terms


def _by_text(tops: list[ToponymSpan]) -> dict[str, ToponymSpan]:
    return {t.text: t for t in tops}


def test_nonplace_list_is_generic_and_loaded() -> None:
    terms = non_place_terms()
    assert {"katyusha", "hezbollah", "islamic state", "taliban"} <= terms
    assert "baghdad" not in terms


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param("Militants fired three Katyusha rockets at the base.", "Katyusha", id="weapon"),
        pytest.param("Fighters loyal to Hezbollah attacked the convoy.", "Hezbollah", id="armed-group"),
        pytest.param("The Taliban seized the district on Monday.", "Taliban", id="taliban"),
    ],
)
def test_non_places_are_dropped(nlp, gazetteer: Gazetteer, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert absent not in _by_text(find_toponyms(nlp(text), gazetteer=gazetteer))


def test_domain_labels_are_never_toponyms(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Gunmen fired a Grad at Kirkuk.")
    i = next(t.i for t in doc if t.text == "Grad")
    k = next(t.i for t in doc if t.text == "Kirkuk")
    doc.ents = [SpacySpan(doc, i, i + 1, label="WEAPON"), SpacySpan(doc, k, k + 1, label="GPE")]
    texts = [t.text for t in find_toponyms(doc)]
    assert texts == ["Kirkuk"]


def test_armed_group_label_blocks_gazetteer_match(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Fighters from Damascus attacked a village near Aleppo.")
    d = next(t.i for t in doc if t.text == "Damascus")
    a = next(t.i for t in doc if t.text == "Aleppo")
    doc.ents = [SpacySpan(doc, d, d + 1, label="ARMED_GROUP"), SpacySpan(doc, a, a + 1, label="GPE")]
    assert [t.text for t in find_toponyms(doc, gazetteer=gazetteer)] == ["Aleppo"]


def test_container_and_feature(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    tops = _by_text(
        find_toponyms(nlp("Two rockets hit the Mansour district of Baghdad on Sunday."), gazetteer=gazetteer)
    )
    mansour = tops["Mansour"]
    assert (
        mansour.feature == "district"
        and mansour.container == "Baghdad"
        and mansour.container_relation == "of"
    )
    assert "Baghdad" in tops


def test_direction_is_noted_and_place_kept(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    tops = find_toponyms(nlp("A bomb exploded 20 km southwest of Kirkuk."), gazetteer=gazetteer)
    kirkuk = _by_text(tops)["Kirkuk"]
    assert kirkuk.direction == "southwest" and kirkuk.distance_km == 20.0 and kirkuk.is_location


def test_metonymy_flagged(nlp) -> None:  # type: ignore[no-untyped-def]
    tops = _by_text(find_toponyms(nlp("Tehran vowed revenge after the strike in Baghdad.")))
    assert tops["Tehran"].is_location is False and "metonymy" in tops["Tehran"].reason
    assert tops["Baghdad"].is_location is True


def test_comma_container(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    tops = _by_text(find_toponyms(nlp("Police in Mosul, Iraq arrested two men."), gazetteer=gazetteer))
    assert tops["Mosul"].container == "Iraq" and tops["Mosul"].container_relation == ","


def test_head_noun_rescues_person_label(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rockets landed in the upscale Zayouna neighborhood.")
    z = next(t.i for t in doc if t.text == "Zayouna")
    doc.ents = [SpacySpan(doc, z, z + 1, label="PERSON")]
    tops = find_toponyms(doc)
    assert [(t.name, t.feature) for t in tops] == [("Zayouna", "neighborhood")]


def test_offsets_point_into_text(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes in Basra and Najaf left three dead."
    for t in find_toponyms(nlp(text), gazetteer=gazetteer):
        assert text[t.start : t.end] == t.text
        assert t.span.text == t.text


def test_demonym_is_not_a_location(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    """A demonym names a country (GeoWebNews counts it as a toponym) but is no location."""
    tops = find_toponyms(nlp("Iraqi forces and Iranian advisers met in Basra."), gazetteer=gazetteer)
    assert [t.text for t in tops if t.is_location] == ["Basra"]
    assert {t.text: t.reason for t in tops if not t.is_location} == {"Iraqi": "demonym", "Iranian": "demonym"}


def test_bracketed_container_even_when_it_starts_with_a_compass_word(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Protesters gathered in Asheville (North Carolina) on Monday.")
    a = next(t.i for t in doc if t.text == "Asheville")
    n = next(t.i for t in doc if t.text == "North")
    doc.ents = [SpacySpan(doc, a, a + 1, label="GPE"), SpacySpan(doc, n, n + 2, label="GPE")]
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert tops["Asheville"].container == "North Carolina" and tops["Asheville"].container_relation == "("


def test_known_name_after_place_and_comma_is_its_container(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Shells hit Qwxzyne, Kherson on Monday.")
    q = next(t.i for t in doc if t.text == "Qwxzyne")
    k = next(t.i for t in doc if t.text == "Kherson")
    doc.ents = [
        SpacySpan(doc, q, q + 1, label="GPE"),
        SpacySpan(doc, k, k + 1, label="PERSON"),
    ]  # a tagger slip
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert tops["Qwxzyne"].container == "Kherson" and tops["Qwxzyne"].container_relation == ","
    assert "Kherson" in tops


def test_hyphen_joined_proper_nouns_are_one_name(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Clashes were reported in Qwxz (Rutshuru, Nord-Kivu) on Monday.")
    doc.ents = []  # nothing from the tagger: the gazetteer and the brackets find them
    names = [t.name for t in find_toponyms(doc, gazetteer=gazetteer)]
    assert "Nord-Kivu" in names and "Nord" not in names


def test_unknown_name_before_a_province_after_a_locative_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Troops advanced in the direction of Qwxz Dolyna, Nineveh on Monday.")
    q = next(t.i for t in doc if t.text == "Qwxz")
    doc.ents = [SpacySpan(doc, q, q + 2, label="PERSON")]  # a tagger slip; Nineveh untagged
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert "Nineveh" in tops and tops["Qwxz Dolyna"].container == "Nineveh"


def test_province_after_head_noun_and_comma_is_the_container(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A commander was killed in Qwxz city, Nineveh.")
    q = next(t.i for t in doc if t.text == "Qwxz")
    doc.ents = [SpacySpan(doc, q, q + 1, label="GPE")]
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert tops["Qwxz"].feature == "city" and tops["Qwxz"].container == "Nineveh" and "Nineveh" in tops


def test_person_before_a_comma_is_not_made_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The report was written by Qwxz Smith, a lawyer.")
    assert find_toponyms(doc, gazetteer=gazetteer) == []


def test_acronyms_are_not_places_but_country_initialisms_are(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Workers marched in Basra at the call of the CGT, SUD and FSU unions.")
    b = next(t.i for t in doc if t.text == "Basra")
    doc.ents = [SpacySpan(doc, b, b + 1, label="GPE")]
    names = [t.name for t in find_toponyms(doc, gazetteer=gazetteer)]
    assert "Basra" in names and "SUD" not in names and "FSU" not in names
    doc = nlp("Delegates met in UAE on Monday, officials said.")  # tagged GPE: kept
    assert "UAE" in [t.name for t in find_toponyms(doc, gazetteer=gazetteer)]


def test_countryside_is_a_place_head(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Shells hit a village in Qwxz countryside.")
    doc.ents = []
    tops = find_toponyms(doc, gazetteer=gazetteer)
    assert [(t.name, t.feature) for t in tops] == [("Qwxz", "countryside")]


def test_namesake_container_is_skipped_for_the_next_one(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Families protested in Salem city (Salem district, Tamil Nadu) on Monday.")
    ents = []
    for word, size in (("Salem", 1), ("Tamil", 2)):
        for t in doc:
            if t.text == word and not any(e.start <= t.i < e.end for e in ents):
                ents.append(SpacySpan(doc, t.i, t.i + size, label="GPE"))
    doc.ents = ents
    first = find_toponyms(doc, gazetteer=gazetteer)[0]
    assert (first.name, first.container) == ("Salem", "Tamil Nadu")


def test_name_cut_at_a_particle_is_joined_when_the_gazetteer_knows_it(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A convoy reached Kishkiyeh town in Deir ez Zor countryside.")
    d = next(t.i for t in doc if t.text == "Deir")
    doc.ents = [SpacySpan(doc, d, d + 1, label="GPE")]  # the tagger stops at "ez"
    names = [t.name for t in find_toponyms(doc, gazetteer=gazetteer)]
    assert "Deir ez Zor" in names and "Zor" not in names


def test_bracketed_province_spelled_another_way_is_a_container(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A convoy reached Qwxz area (Al Anbaar) on Monday.")
    q = next(t.i for t in doc if t.text == "Qwxz")
    doc.ents = [SpacySpan(doc, q, q + 1, label="LOC")]
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert tops["Qwxz"].container == "Al Anbaar" and "Al Anbaar" in tops


def test_known_name_before_comma_and_province_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ships were seized at the seaport, Mosul, Nineveh, on Monday.")
    m = next(t.i for t in doc if t.text == "Mosul")
    doc.ents = [SpacySpan(doc, m, m + 1, label="ORG")]  # a tagger slip, no locative word before
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert tops["Mosul"].container == "Nineveh"


def test_known_name_tagged_as_an_organisation_and_a_verb_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Activists demonstrated in Mosul to demand jobs.")
    k = next(t.i for t in doc if t.text == "Mosul")
    doc.ents = [SpacySpan(doc, k, k + 1, label="ORG")]
    doc[k].pos_ = "VERB"  # the small model's slip on an unfamiliar name
    assert "Mosul" in _by_text(find_toponyms(doc, gazetteer=gazetteer))
    doc = nlp("Activists demonstrated in Qwxz to demand jobs.")
    k = next(t.i for t in doc if t.text == "Qwxz")
    doc.ents = [SpacySpan(doc, k, k + 1, label="ORG")]
    doc[k].pos_ = "VERB"
    assert "Qwxz" not in _by_text(find_toponyms(doc, gazetteer=gazetteer))  # unknown and no cue: not a place


def test_compass_word_after_a_locative_is_a_cue(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Hundreds gathered in central Mosul on Friday.")
    doc.ents = []
    assert "Mosul" in _by_text(find_toponyms(doc, gazetteer=gazetteer))


def test_unknown_name_before_a_bracketed_known_unit_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Militants attacked civilians in Qwxz (Sinjar, Nineveh).")
    k = next(t.i for t in doc if t.text == "Qwxz")
    doc.ents = [SpacySpan(doc, k, k + 1, label="PRODUCT")]
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert "Qwxz" in tops and tops["Qwxz"].container == "Sinjar"


def test_one_entity_holding_a_place_and_its_container_is_split(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Residents blocked a road in Qwxz Palacio, Nineveh on Monday.")
    k = next(t.i for t in doc if t.text == "Qwxz")
    doc.ents = [SpacySpan(doc, k, k + 4, label="GPE")]  # "Qwxz Palacio, Nineveh"
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert "Nineveh" in tops and tops["Qwxz Palacio"].container == "Nineveh"


def test_name_with_two_particles_is_kept_whole_when_the_entity_stops_inside_it(
    nlp, gazetteer: Gazetteer
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Doctors marched in Santa Cruz de la Sierra on Friday.")
    s = next(t.i for t in doc if t.text == "Santa")
    doc.ents = [SpacySpan(doc, s, s + 4, label="GPE")]  # "Santa Cruz de la" | "Sierra"
    assert "Santa Cruz de la Sierra" in _by_text(find_toponyms(doc, gazetteer=gazetteer))


def test_initials_tagged_as_a_place_are_dropped_unless_after_a_comma(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Cadres of the NC clashed with police in Mosul on Monday.")
    k = next(t.i for t in doc if t.text == "NC")
    m = next(t.i for t in doc if t.text == "Mosul")
    doc.ents = [SpacySpan(doc, k, k + 1, label="GPE"), SpacySpan(doc, m, m + 1, label="GPE")]
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert "NC" not in tops and "Mosul" in tops
    doc = nlp("Protesters marched in Raleigh, NC on Monday.")
    k = next(t.i for t in doc if t.text == "NC")
    r = next(t.i for t in doc if t.text == "Raleigh")
    doc.ents = [SpacySpan(doc, r, r + 1, label="GPE"), SpacySpan(doc, k, k + 1, label="GPE")]
    assert "NC" in _by_text(find_toponyms(doc, gazetteer=gazetteer))


def test_capitalised_word_tagged_as_a_verb_before_a_head_noun_is_a_known_place(
    nlp, gazetteer: Gazetteer
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Locals protested in the town (Mosul district, Nineveh province) on Monday.")
    doc.ents = []
    k = next(t.i for t in doc if t.text == "Mosul")
    doc[k].pos_ = "VERB"  # a name ending like a participle ("Sagaing")
    assert "Mosul" in _by_text(find_toponyms(doc, gazetteer=gazetteer))
    doc = nlp("Locals protested in the town (Qwxz district) on Monday.")
    doc.ents = []
    k = next(t.i for t in doc if t.text == "Qwxz")
    doc[k].pos_ = "VERB"
    assert "Qwxz" not in _by_text(find_toponyms(doc, gazetteer=gazetteer))


def test_country_name_before_a_force_noun_is_an_actor(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Militants attacked Ethiopia forces at a base in Mosul.")
    e = next(t.i for t in doc if t.text == "Ethiopia")
    m = next(t.i for t in doc if t.text == "Mosul")
    doc.ents = [SpacySpan(doc, e, e + 1, label="GPE"), SpacySpan(doc, m, m + 1, label="GPE")]
    tops = _by_text(find_toponyms(doc, gazetteer=gazetteer))
    assert not tops["Ethiopia"].is_location and tops["Mosul"].is_location


def test_of_after_an_institution_is_no_place_cue(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Independence" is a town the gazetteer knows; after "Ministry of" it is a portfolio
    text = "Workers gathered at the Ministry of Independence in the capital on Monday."
    assert "Independence" not in _by_text(find_toponyms(nlp(text), gazetteer=gazetteer))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("Residents protested in Campos dos Goytacazes (Rio de Janeiro) on Monday.",
                     "Campos dos Goytacazes", id="particle-dos"),
        pytest.param("Students gathered in Lee's Summit (Missouri) to protest.", "Lee's Summit", id="possessive"),
        pytest.param("Residents blocked a road in Santo Antonio de Jesus (Bahia).", "Santo Antonio de Jesus",
                     id="particle-de"),
    ],
)  # fmt: skip
def test_a_name_the_tagger_cut_at_a_particle_is_joined(
    nlp, gazetteer: Gazetteer, text: str, name: str
) -> None:  # type: ignore[no-untyped-def]
    names = [t.name for t in find_toponyms(nlp(text), gazetteer=gazetteer)]
    assert name in names, names


def test_a_capital_a_opens_a_container_name(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Workers held a protest in Santiago de Compostela (A Coruna, Galicia) on Friday."
    tops = {t.name: t for t in find_toponyms(nlp(text), gazetteer=gazetteer)}
    assert tops["Santiago de Compostela"].container == "A Coruna"


def test_institution_words_are_not_places_of_the_name(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # "Federal" is also an Argentine department in the test gazetteer
    text = "Students in Lima marched towards Federal to demand better pay."
    names = [t.name for t in find_toponyms(nlp(text), gazetteer=gazetteer)]
    assert "Federal" not in names and "Lima" in names


@pytest.mark.parametrize(
    ("text", "name", "direction", "km"),
    [
        pytest.param(
            "A mine exploded near the village of Qarlo, which is seven kilometers south-west of the "
            "breakaway region's capital Kirkuk.",
            "Kirkuk",
            "southwest",
            7.0,
            id="word-number-gloss-hyphenated",
        ),
        pytest.param(
            "Gunmen raided a farm 30 miles north of the provincial capital Kano.",
            "Kano",
            "north",
            30 * 1.609,
            id="miles",
        ),
        pytest.param(
            "Fighting broke out north of Kirkuk on Friday.", "Kirkuk", "north", None, id="no-distance"
        ),
        pytest.param(
            "Fighting broke out in the capital Kirkuk on Friday.",
            "Kirkuk",
            None,
            None,
            id="gloss-without-direction",
        ),
    ],
)
def test_distance_and_direction_before_a_gloss(
    nlp, gazetteer: Gazetteer, text: str, name: str, direction, km
) -> None:  # type: ignore[no-untyped-def]
    t = _by_text(find_toponyms(nlp(text), gazetteer=gazetteer))[name]
    assert t.direction == direction
    assert t.distance_km == (pytest.approx(km) if km is not None else None)
